"""Evidence: choose a platform and a period, preview the report, print it or save it as PDF,
and prepare the letters (formal notice, GDPR request, explanation of a decision).

The report is built and laid out off the GUI thread (a progress bar shows it); the preview
paints one page at a time from the same layout the PDF and the printer use. Letters are
filled from the ledger, shown in editors, and printed as edited.

EvidencePage is put together from mixins beside this file, one per part of the page:
evidence_preview.py (the page shown on the right), evidence_report.py (the report tab),
evidence_letters.py (the letter tab), evidence_output.py (the save and print dialogs, and
what the page says once done) and evidence_jobs.py (the work run off the GUI thread).
This file lays the page out, fills the platform and period choices, and follows them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QThreadPool
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.localtime import local_date
from app.services.evidence import EvidenceDocument, EvidenceService, Letter
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page
from ui.gui.pages.evidence_jobs import EvidenceJobsMixin, Work, _Signals
from ui.gui.pages.evidence_letters import EvidenceLettersMixin
from ui.gui.pages.evidence_output import EvidenceOutputMixin
from ui.gui.pages.evidence_preview import EvidencePreviewMixin
from ui.gui.pages.evidence_report import EvidenceReportMixin
from ui.render import Layout, ensure_fonts

__all__ = ["EvidencePage", "Work"]


class EvidencePage(
    EvidencePreviewMixin,
    EvidenceReportMixin,
    EvidenceLettersMixin,
    EvidenceOutputMixin,
    EvidenceJobsMixin,
    Page,
):
    page_id = "evidence"
    tables = frozenset(
        {
            "platforms",
            "tasks",
            "work_sessions",
            "payouts",
            "account_events",
            "attachments",
            "settings",
            "exchange_rates",
        }
    )

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
        for button in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.prepare_button,
            self.letter_print_button,
            self.letter_save_button,
        ):
            button.setEnabled(has_platform)
        if not has_platform:
            self._show_message(
                self.tr("Add a platform first: the documents are about one platform.")
            )
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


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
