"""The Evidence page's preview: one page of the report or the letter at a time.

The preview paints a page from the same layout the PDF and the printer use, scaled to
the width of the view, and repaints when the view is resized. A mixin of EvidencePage
(evidence.py): its texts keep the "EvidencePage" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.evidence import Document
from ui.gui.pages.base import Page
from ui.render import Layout, page_image

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class EvidencePreviewMixin(_Base):
    """Builds the preview pane (page buttons and the page itself) and shows a layout in it."""

    _layout: Layout | None
    _page: int
    _preview_width: int
    status: QLabel

    def _build_preview(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = QPushButton(QCoreApplication.translate("EvidencePage", "◀ Previous"))
        self.next_button = QPushButton(QCoreApplication.translate("EvidencePage", "Next ▶"))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_button)
        layout.addLayout(bar)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(False)
        self.preview_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_scroll.setBackgroundRole(self.preview_scroll.backgroundRole())
        self.preview_label = QLabel(
            QCoreApplication.translate("EvidencePage", "Choose a platform and a period.")
        )
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.preview_scroll.setWidget(self.preview_label)
        self.preview_scroll.viewport().installEventFilter(self)
        layout.addWidget(self.preview_scroll, 1)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.preview_scroll.viewport()
            and event.type() == QEvent.Type.Resize
            and self._layout is not None
        ):
            width = self.preview_scroll.viewport().width()
            if width != self._preview_width:
                self.show_page(self._page)
        return super().eventFilter(watched, event)

    def _show_message(self, text: str) -> None:
        self._layout = None
        self.preview_label.setPixmap(QPixmap())
        self.preview_label.setText(text)
        self.preview_label.adjustSize()
        self.page_label.setText("")
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.status.setText(text)

    def _show_layout(self, layout: Layout, page: int = 0) -> None:
        self._layout = layout
        self.show_page(min(page, layout.page_count - 1))

    def show_page(self, index: int) -> None:
        layout = self._layout
        if layout is None or not 0 <= index < layout.page_count:
            return
        self._page = index
        width_points = layout.geometry.width / 10
        self._preview_width = self.preview_scroll.viewport().width()
        available = max(200, self._preview_width - 24)
        dpi = max(40.0, min(150.0, available / (width_points / 72)))
        ratio = self.devicePixelRatioF()
        image = page_image(layout, index, dpi * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview_label.setText("")
        self.preview_label.setPixmap(pixmap)
        self.preview_label.resize(
            QSize(round(image.width() / ratio), round(image.height() / ratio))
        )
        self.page_label.setText(
            QCoreApplication.translate("EvidencePage", "Page {page} of {pages}").format(
                page=index + 1, pages=layout.page_count
            )
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < layout.page_count - 1)

    def preview_document(self) -> Document | None:
        return self._layout.document if self._layout is not None else None
