"""The Evidence page's letter tab: a formal notice, a GDPR request or a request for the
explanation of a decision, filled from the ledger, edited, previewed, saved or printed.

The editors start from the ledger; once the user edits them, a change of the choices no
longer replaces the text. A mixin of EvidencePage (evidence.py): its texts keep the
"EvidencePage" translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.services.evidence import DEFAULT_DEMAND_DAYS, REVIEW_REPLY_DAYS, EvidenceService, Letter
from ui.gui.pages.base import Page
from ui.gui.pages.evidence_jobs import Work
from ui.render import Layout, layout_for, print_document, write_pdf

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class EvidenceLettersMixin(_Base):
    """Builds the letter tab, fills the letter from the ledger, and follows the user's edits."""

    evidence: EvidenceService
    letter: Letter | None
    _letter_edited: bool
    _filling: bool
    _layout: Layout | None
    _page: int
    _printer: QPrinter
    status: QLabel
    tabs: QTabWidget
    platform_combo: QComboBox
    paper_combo: QComboBox
    choices: Callable[[], dict[str, Any]]
    _start: Callable[[Work, Callable[[Any], None], str], None]
    _show_message: Callable[[str], None]
    _show_layout: Callable[[Layout, int], None]
    _ask_pdf_path: Callable[[str], Path | None]
    _ask_printer: Callable[[str], QPrinter | None]
    _saved: Callable[[tuple[Path, int]], None]
    _printed: Callable[[int], None]

    def _build_letter_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(
            QCoreApplication.translate("EvidencePage", "Formal notice to pay"), "demand"
        )
        self.kind_combo.addItem(
            QCoreApplication.translate("EvidencePage", "GDPR request for my data"), "gdpr-access"
        )
        self.kind_combo.addItem(
            QCoreApplication.translate("EvidencePage", "Explanation of an automated decision"),
            "explanation",
        )
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(DEFAULT_DEMAND_DAYS)
        self.days_spin.setSuffix(QCoreApplication.translate("EvidencePage", " days"))
        form.addRow(QCoreApplication.translate("EvidencePage", "Letter"), self.kind_combo)
        form.addRow(QCoreApplication.translate("EvidencePage", "Deadline"), self.days_spin)
        layout.addLayout(form)
        self.prepare_button = QPushButton(
            QCoreApplication.translate("EvidencePage", "Fill in from the ledger")
        )
        self.prepare_button.clicked.connect(self.on_prepare_clicked)
        layout.addWidget(self.prepare_button)
        hint = QLabel(
            QCoreApplication.translate(
                "EvidencePage",
                "Check and edit the text before you print it: replace the parts in [brackets]. "
                "The explanation letter lists the rejections decided in the period above.",
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.sender_edit = QPlainTextEdit()
        self.recipient_edit = QPlainTextEdit()
        self.subject_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        for edit in (self.sender_edit, self.recipient_edit):
            edit.setMaximumHeight(80)
        self.body_edit.setMinimumHeight(160)
        letter_form = QFormLayout()
        letter_form.addRow(QCoreApplication.translate("EvidencePage", "From"), self.sender_edit)
        letter_form.addRow(QCoreApplication.translate("EvidencePage", "To"), self.recipient_edit)
        letter_form.addRow(QCoreApplication.translate("EvidencePage", "Subject"), self.subject_edit)
        layout.addLayout(letter_form)
        layout.addWidget(self.body_edit, 1)
        buttons = QHBoxLayout()
        self.letter_print_button = QPushButton(
            QCoreApplication.translate("EvidencePage", "Print letter…")
        )
        self.letter_save_button = QPushButton(
            QCoreApplication.translate("EvidencePage", "Save letter PDF…")
        )
        self.letter_print_button.clicked.connect(self.on_letter_print_clicked)
        self.letter_save_button.clicked.connect(self.on_letter_save_clicked)
        buttons.addWidget(self.letter_print_button)
        buttons.addWidget(self.letter_save_button)
        layout.addLayout(buttons)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.days_spin.valueChanged.connect(self.on_letter_choice_changed)
        for edit in (self.sender_edit, self.recipient_edit, self.body_edit):
            edit.textChanged.connect(self.on_letter_text_changed)
        self.subject_edit.textChanged.connect(self.on_letter_text_changed)
        return tab

    def on_kind_changed(self, *_args: object) -> None:
        kind = self.kind_combo.currentData()
        self.days_spin.setEnabled(kind != "gdpr-access")
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(DEFAULT_DEMAND_DAYS if kind == "demand" else REVIEW_REPLY_DAYS)
        self.days_spin.blockSignals(False)
        self.on_letter_choice_changed()

    def on_letter_choice_changed(self, *_args: object) -> None:
        if self.tabs.currentIndex() != 1 or not self.platform_combo.currentText():
            return
        if not self._letter_edited:
            self.prepare_letter()

    def on_prepare_clicked(self) -> None:
        self.prepare_letter()

    def prepare_letter(self) -> None:
        """Fill the editors from the ledger (replacing any edits)."""
        chosen = self.choices()
        if not chosen["platform"]:
            return
        try:
            letter = self.evidence.letter(
                chosen["platform"],
                self.kind_combo.currentData(),
                language=chosen["language"],
                name=chosen["name"],
                days=self.days_spin.value(),
                first=chosen["first"],
                end=chosen["end"],
            )
        except ClickwageError as error:
            self._show_message(str(error))
            return
        self.letter = letter
        self._filling = True
        self.sender_edit.setPlainText(letter.sender)
        self.recipient_edit.setPlainText(letter.recipient)
        self.subject_edit.setText(letter.subject)
        self.body_edit.setPlainText(letter.body)
        self._filling = False
        self._letter_edited = False
        self.preview_letter()

    def on_letter_text_changed(self) -> None:
        if self._filling or self.letter is None:
            return
        self._letter_edited = True
        self.preview_letter()

    def edited_letter(self) -> Letter | None:
        if self.letter is None:
            return None
        return self.letter.edited(
            sender=self.sender_edit.toPlainText(),
            recipient=self.recipient_edit.toPlainText(),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
        )

    def preview_letter(self) -> None:
        letter = self.edited_letter()
        if letter is None:
            return
        keep = self._page if self._layout is not None else 0
        self._show_layout(layout_for(letter.document(), self.paper_combo.currentData()), keep)
        self.status.setText(
            QCoreApplication.translate("EvidencePage", "The preview follows your edits.")
        )

    def on_letter_save_clicked(self) -> None:
        letter = self.edited_letter()
        if letter is None:
            self.prepare_letter()
            letter = self.edited_letter()
        if letter is None:
            return
        path = self._ask_pdf_path(f"letter-{letter.kind}-{letter.platform}.pdf".replace(" ", "-"))
        if path is None:
            return
        document, paper = letter.document(), self.paper_combo.currentData()
        self._start(
            lambda progress: (path, write_pdf(document, path, paper, progress)),
            self._saved,
            QCoreApplication.translate("EvidencePage", "Writing the PDF…"),
        )

    def on_letter_print_clicked(self) -> None:
        letter = self.edited_letter()
        if letter is None:
            self.prepare_letter()
            letter = self.edited_letter()
        if letter is None:
            return
        printer = self._ask_printer(self.paper_combo.currentData())
        if printer is None:
            return
        document = letter.document()
        self._printer = printer
        self._start(
            lambda progress: print_document(document, printer, progress),
            self._printed,
            QCoreApplication.translate("EvidencePage", "Printing…"),
        )
