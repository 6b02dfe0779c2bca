"""The first-run tour: three steps showing Today, Ledger and Evidence, after the welcome.

Opened by first_run.py once the welcome is answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

if TYPE_CHECKING:
    from ui.gui.main_window import MainWindow


class TourDialog(QDialog):
    """Three steps, each showing one page of the main window with a few words about it.

    Not modal: the user can look at (and use) the page while it is open.
    Widgets the tests use: `step_label`, `text_label`, `next_button`, `skip_button`; `step`.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("tourDialog")
        self.setWindowTitle(self.tr("A quick tour"))
        self.setModal(False)
        self.steps = [
            (page_id, text)
            for page_id, text in (
                (
                    "today",
                    self.tr(
                        "Start the timer when you start working, and say what you are doing: "
                        "tasks, searching for work, qualification tests, messages or payments. "
                        "Unpaid time counts in your real hourly wage. Note each task here as "
                        "you submit it."
                    ),
                ),
                (
                    "ledger",
                    self.tr(
                        "Every task you have recorded, with its reward and its status. When a "
                        "platform approves, rejects or returns a task, change its status here; "
                        "select several rows to change them at once."
                    ),
                ),
                (
                    "evidence",
                    self.tr(
                        "When a platform does not pay, choose it and a period: print or save a "
                        "report that its support, a labour inspector, a union or a court can "
                        "read, and ready-made letters."
                    ),
                ),
            )
            if any(page.page_id == page_id for page in window.pages)
        ]
        self.step = -1
        self.step_label = QLabel()
        self.step_label.setObjectName("tourStep")
        font = self.step_label.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.step_label.setFont(font)
        self.text_label = QLabel()
        self.text_label.setObjectName("tourText")
        self.text_label.setWordWrap(True)
        self.text_label.setMinimumWidth(340)
        self.skip_button = QPushButton(self.tr("S&kip the tour"))
        self.skip_button.clicked.connect(self.finish)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.addWidget(self.step_label)
        column.addWidget(self.text_label, 1)
        column.addLayout(buttons)
        self.setFixedWidth(420)

    def start(self) -> None:
        if not self.steps:
            self.finish()
            return
        self.step = -1
        self.on_next_button_clicked()
        self.show()
        self._place()

    def on_next_button_clicked(self) -> None:
        if self.step + 1 >= len(self.steps):
            self.finish()
            return
        self.step += 1
        page_id, text = self.steps[self.step]
        page = self._window.page(page_id)
        self._window.show_page(self._window.pages.index(page))
        self.step_label.setText(
            self.tr("{step} of {total} — {page}").format(
                step=self.step + 1, total=len(self.steps), page=page.title()
            )
        )
        self.text_label.setText(text)
        last = self.step + 1 == len(self.steps)
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.skip_button.setVisible(not last)

    def finish(self) -> None:
        """End the tour on Today, where work starts."""
        if any(page.page_id == "today" for page in self._window.pages):
            self._window.show_page(self._window.pages.index(self._window.page("today")))
        self.close()
        self.deleteLater()

    def _place(self) -> None:
        """Bottom right of the window, over the page rather than the navigation."""
        self.adjustSize()
        frame = self._window.frameGeometry()
        corner = frame.bottomRight() - QPoint(self.width() + 32, self.height() + 48)
        self.move(max(corner.x(), frame.left()), max(corner.y(), frame.top()))
