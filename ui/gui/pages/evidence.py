"""Evidence: choose a platform and a period, preview the report, print it or save it as PDF,
and prepare the letters (formal notice, GDPR request, explanation of a decision).

The report is built and laid out off the GUI thread (a progress bar shows it); the preview
paints one page at a time from the same layout the PDF and the printer use. Letters are
filled from the ledger, shown in editors, and printed as edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QPageSize, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import local_date
from app.services.evidence import (
    DEFAULT_DEMAND_DAYS,
    REVIEW_REPLY_DAYS,
    Document,
    EvidenceDocument,
    EvidenceService,
    Letter,
)
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page
from ui.render import Layout, ensure_fonts, layout_for, page_image, print_document, write_pdf

Work = Callable[[Callable[[int, int], None]], Any]


class _Signals(QObject):
    finished = Signal(int, object)  # ticket, result
    failed = Signal(int, str)  # ticket, message
    progress = Signal(int, int, int)  # ticket, done, total


class _Job(QRunnable):
    """One piece of work off the GUI thread; it reports through signals, never touches widgets."""

    def __init__(self, ticket: int, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.ticket, self.work, self.signals = ticket, work, signals

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.signals.progress.emit(self.ticket, done, total)

        try:
            result = self.work(progress)
        except ClickwageError as error:
            self.signals.failed.emit(self.ticket, str(error))
            return
        except Exception as error:  # shown to the user as one sentence, never a traceback
            self.signals.failed.emit(self.ticket, f"{type(error).__name__}: {error}")
            return
        self.signals.finished.emit(self.ticket, result)


class EvidencePage(Page):
    page_id = "evidence"
    tables = frozenset({"platforms", "tasks", "work_sessions", "payouts", "account_events",
                        "attachments", "settings", "exchange_rates"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        ensure_fonts()
        self.evidence = EvidenceService(self.services)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self.on_job_finished)
        self._signals.failed.connect(self.on_job_failed)
        self._signals.progress.connect(self.on_job_progress)
        self._ticket = 0
        self._handlers: dict[int, Callable[[Any], None]] = {}
        self._layout: Layout | None = None  # what the preview shows
        self._page = 0
        self._preview_width = 0
        self.report: EvidenceDocument | None = None
        self.letter: Letter | None = None
        self._letter_edited = False
        self._filling = False
        self.last_saved: Path | None = None
        self.printed_pages = 0

        outer = QHBoxLayout(self)
        outer.addWidget(self._build_controls(), 0)
        outer.addWidget(self._build_preview(), 1)
        app = QCoreApplication.instance()
        if app is not None:  # never close the database under a running job
            app.aboutToQuit.connect(self.wait_idle)

    def title(self) -> str:
        return self.tr("Evidence")

    # -- building the widgets ----------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(430)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        choices = QGroupBox(self.tr("Platform and period"))
        form = QFormLayout(choices)
        self.platform_combo = QComboBox()
        self.platform_combo.setObjectName("evidencePlatform")
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = local_date(self.services.ctx.clock.now(), self.services.ctx.zone)
        self.from_edit.setDate(_qdate(today.replace(day=1)))
        self.to_edit.setDate(_qdate(today))
        self.language_combo = QComboBox()
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Français", "fr")
        index = self.language_combo.findData(self.services.ctx.tr.language)
        self.language_combo.setCurrentIndex(max(0, index))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Printed on the documents (optional)"))
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4"), "a4")
        self.paper_combo.addItem(self.tr("US Letter"), "letter")
        form.addRow(self.tr("Platform"), self.platform_combo)
        form.addRow(self.tr("From"), self.from_edit)
        form.addRow(self.tr("To"), self.to_edit)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Your name"), self.name_edit)
        form.addRow(self.tr("Paper"), self.paper_combo)
        column.addWidget(choices)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_report_tab(), self.tr("Report"))
        self.tabs.addTab(self._build_letter_tab(), self.tr("Letter"))
        column.addWidget(self.tabs, 1)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.progress)
        column.addWidget(self.status)

        for combo in (self.platform_combo, self.language_combo, self.paper_combo):
            combo.currentIndexChanged.connect(self.on_choice_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.on_choice_changed)
        self.name_edit.editingFinished.connect(self.on_choice_changed)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        return panel

    def _build_report_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.subset_combo = QComboBox()
        self.subset_combo.addItem(self.tr("All tasks"), None)
        self.subset_combo.addItem(self.tr("Rejected tasks only"), ("rejected",))
        self.subset_combo.addItem(self.tr("Rejected and partly approved"),
                                  ("rejected", "partially_approved"))
        self.subset_combo.addItem(self.tr("Tasks awaiting review only"), ("pending",))
        self.subset_combo.currentIndexChanged.connect(self.on_choice_changed)
        form.addRow(self.tr("Tasks listed"), self.subset_combo)
        layout.addLayout(form)
        explanation = QLabel(self.tr(
            "The report lists every record of the platform in the period, how and when it "
            "was entered, and the integrity data (a SHA-256 fingerprint and the audit chain "
            "head). The raw records are attached to the PDF as a CSV file."
        ))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _build_letter_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Formal notice to pay"), "demand")
        self.kind_combo.addItem(self.tr("GDPR request for my data"), "gdpr-access")
        self.kind_combo.addItem(self.tr("Explanation of an automated decision"), "explanation")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(DEFAULT_DEMAND_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Letter"), self.kind_combo)
        form.addRow(self.tr("Deadline"), self.days_spin)
        layout.addLayout(form)
        self.prepare_button = QPushButton(self.tr("Fill in from the ledger"))
        self.prepare_button.clicked.connect(self.on_prepare_clicked)
        layout.addWidget(self.prepare_button)
        hint = QLabel(self.tr(
            "Check and edit the text before you print it: replace the parts in [brackets]. "
            "The explanation letter lists the rejections decided in the period above."
        ))
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
        letter_form.addRow(self.tr("From"), self.sender_edit)
        letter_form.addRow(self.tr("To"), self.recipient_edit)
        letter_form.addRow(self.tr("Subject"), self.subject_edit)
        layout.addLayout(letter_form)
        layout.addWidget(self.body_edit, 1)
        buttons = QHBoxLayout()
        self.letter_print_button = QPushButton(self.tr("Print letter…"))
        self.letter_save_button = QPushButton(self.tr("Save letter PDF…"))
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

    def _build_preview(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
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
        self.preview_label = QLabel(self.tr("Choose a platform and a period."))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.preview_scroll.setWidget(self.preview_label)
        self.preview_scroll.viewport().installEventFilter(self)
        layout.addWidget(self.preview_scroll, 1)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.preview_scroll.viewport() and event.type() == QEvent.Type.Resize
                and self._layout is not None):
            width = self.preview_scroll.viewport().width()
            if width != self._preview_width:
                self.show_page(self._page)
        return super().eventFilter(watched, event)

    # -- choices ------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.platform_combo.currentText()
        self._filling = True
        self.platform_combo.clear()
        names = [p.name for p in self.services.platforms.list(include_archived=True)]
        self.platform_combo.addItems(names)
        if current in names:
            self.platform_combo.setCurrentText(current)
        self._filling = False
        has_platform = bool(names)
        for button in (self.preview_button, self.print_button, self.save_button,
                       self.prepare_button, self.letter_print_button, self.letter_save_button):
            button.setEnabled(has_platform)
        if not has_platform:
            self._show_message(self.tr("Add a platform first: the documents are about one "
                                       "platform."))
            return
        if self.tabs.currentIndex() == 0:
            self.start_preview()
        elif self.letter is None or not self._letter_edited:
            self.prepare_letter()

    def choices(self) -> dict[str, Any]:
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return {
            "platform": self.platform_combo.currentText(),
            "first": first,
            "end": last + timedelta(days=1),
            "language": self.language_combo.currentData(),
            "name": self.name_edit.text().strip() or None,
            "paper": self.paper_combo.currentData(),
            "statuses": self.subset_combo.currentData(),
        }

    def on_choice_changed(self, *_args: object) -> None:
        if self._filling or not self.platform_combo.currentText():
            return
        if self.tabs.currentIndex() == 0:
            self.start_preview()
        else:
            self.on_letter_choice_changed()

    def on_tab_changed(self, index: int) -> None:
        if not self.platform_combo.currentText():
            return
        if index == 0:
            self.start_preview()
        elif self.letter is None:
            self.prepare_letter()
        else:
            self.preview_letter()

    # -- the report ---------------------------------------------------------------------------

    def _period_ok(self, chosen: dict[str, Any]) -> bool:
        if chosen["end"] <= chosen["first"]:
            self._show_message(self.tr("The end of the period is before its start."))
            return False
        return True

    def _builder(self, chosen: dict[str, Any], verify: bool) -> Callable[[], EvidenceDocument]:
        """The report for the choices. `verify` checks the audit chain and the report's own
        records against it, and states the result: done for what is saved or printed, not
        for each preview (`clickwage verify` checks the whole database)."""
        service = self.evidence

        def build() -> EvidenceDocument:
            return service.build(
                chosen["platform"], chosen["first"], chosen["end"],
                language=chosen["language"], name=chosen["name"],
                statuses=chosen["statuses"], verify=verify,
            )

        return build

    def start_preview(self) -> None:
        """Build and lay out the report off the GUI thread, then show its first page."""
        chosen = self.choices()
        if not chosen["platform"] or not self._period_ok(chosen):
            return
        build = self._builder(chosen, verify=False)

        def work(progress: Callable[[int, int], None]) -> tuple[EvidenceDocument, Layout]:
            report = build()
            return report, layout_for(report.document(), chosen["paper"], progress)

        self._start(work, self._report_ready, self.tr("Preparing the report…"))

    def on_preview_clicked(self) -> None:
        self.start_preview()

    def _report_ready(self, result: tuple[EvidenceDocument, Layout]) -> None:
        self.report, layout = result
        self._show_layout(layout)
        digest = self.report.fingerprint
        self.status.setText(self.tr(
            "{tasks} tasks, {pages} pages. The database check runs when you save or print. "
            "Data fingerprint (SHA-256):\n{fingerprint}"
        ).format(tasks=len(self.report.task_ids), pages=layout.page_count,
                 fingerprint=f"{digest[:32]}\n{digest[32:]}"))

    def on_save_clicked(self) -> None:
        chosen = self.choices()
        if not chosen["platform"] or not self._period_ok(chosen):
            return
        suggested = f"evidence-{chosen['platform']}-{chosen['first']}.pdf".replace(" ", "-")
        path = self._ask_pdf_path(suggested)
        if path is None:
            return
        build = self._builder(chosen, verify=True)

        def work(progress: Callable[[int, int], None]) -> tuple[Path, int]:
            document = build().document()
            return path, write_pdf(document, path, chosen["paper"], progress)

        self._start(work, self._saved, self.tr("Writing the PDF…"))

    def on_print_clicked(self) -> None:
        chosen = self.choices()
        if not chosen["platform"] or not self._period_ok(chosen):
            return
        printer = self._ask_printer(chosen["paper"])
        if printer is None:
            return
        build = self._builder(chosen, verify=True)

        def work(progress: Callable[[int, int], None]) -> int:
            return print_document(build().document(), printer, progress)

        self._printer = printer  # alive until the job is done
        self._start(work, self._printed, self.tr("Printing…"))

    # -- letters ------------------------------------------------------------------------------

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
                chosen["platform"], self.kind_combo.currentData(),
                language=chosen["language"], name=chosen["name"],
                days=self.days_spin.value(), first=chosen["first"], end=chosen["end"],
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
        self.status.setText(self.tr("The preview follows your edits."))

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
        self._start(lambda progress: (path, write_pdf(document, path, paper, progress)),
                    self._saved, self.tr("Writing the PDF…"))

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
        self._start(lambda progress: print_document(document, printer, progress),
                    self._printed, self.tr("Printing…"))

    # -- dialogs (replaced in tests) ---------------------------------------------------------

    def _ask_pdf_path(self, suggested: str) -> Path | None:
        start = str(Path.home() / suggested)
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def new_printer(self, paper: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "letter"
                                      else QPageSize.PageSizeId.A4))
        return printer

    def _ask_printer(self, paper: str) -> QPrinter | None:
        """The system print dialog; None unless the user accepted it (only then we print)."""
        printer = self.new_printer(paper)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    # -- jobs ---------------------------------------------------------------------------------

    def _start(self, work: Work, done: Callable[[Any], None], message: str) -> None:
        self._ticket += 1
        self._handlers = {self._ticket: done}  # a newer job replaces what an older one shows
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(message)
        self._pool.start(_Job(self._ticket, work, self._signals))

    def on_job_progress(self, ticket: int, done: int, total: int) -> None:
        if ticket == self._ticket and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def on_job_finished(self, ticket: int, result: object) -> None:
        handler = self._handlers.pop(ticket, None)
        if ticket == self._ticket:
            self.progress.setVisible(False)
        if handler is not None:
            handler(result)

    def on_job_failed(self, ticket: int, message: str) -> None:
        self._handlers.pop(ticket, None)
        if ticket == self._ticket:
            self.progress.setVisible(False)
            self._show_message(message)
            self.context.message.emit(message)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Wait for the running job (tests, and before the database is closed)."""
        return bool(self._pool.waitForDone(msecs))

    def busy(self) -> bool:
        return bool(self._pool.activeThreadCount())

    def _saved(self, result: tuple[Path, int]) -> None:
        path, pages = result
        self.last_saved = path
        text = self.tr("Saved {path} ({pages} pages).").format(path=path, pages=pages)
        self.status.setText(text)
        self.context.message.emit(text)

    def _printed(self, pages: int) -> None:
        self.printed_pages = pages
        text = self.tr("Sent {pages} pages to the printer.").format(pages=pages)
        self.status.setText(text)
        self.context.message.emit(text)

    # -- preview ------------------------------------------------------------------------------

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
        self.preview_label.resize(QSize(round(image.width() / ratio),
                                        round(image.height() / ratio)))
        self.page_label.setText(self.tr("Page {page} of {pages}").format(
            page=index + 1, pages=layout.page_count))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < layout.page_count - 1)

    def preview_document(self) -> Document | None:
        return self._layout.document if self._layout is not None else None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
