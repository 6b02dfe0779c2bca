"""The Evidence page's report tab: which tasks to list, and the report previewed, saved as
PDF or printed.

The report is built and laid out off the GUI thread (evidence_jobs.py); the audit chain is
checked for what is saved or printed, not for each preview. A mixin of EvidencePage
(evidence.py): its texts keep the "EvidencePage" translation context.
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.evidence import EvidenceDocument, EvidenceService
from ui.gui.pages.base import Page
from ui.gui.pages.evidence_jobs import Work
from ui.render import Layout, layout_for, print_document, write_pdf

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class EvidenceReportMixin(_Base):
    """Builds the report tab and previews, saves or prints the report for the choices."""

    evidence: EvidenceService
    report: EvidenceDocument | None
    status: QLabel
    _printer: QPrinter
    choices: Callable[[], dict[str, Any]]
    on_choice_changed: Callable[..., None]
    _start: Callable[[Work, Callable[[Any], None], str], None]
    _show_message: Callable[[str], None]
    _show_layout: Callable[[Layout, int], None]
    _ask_pdf_path: Callable[[str], Path | None]
    _ask_printer: Callable[[str], QPrinter | None]
    _saved: Callable[[tuple[Path, int]], None]
    _printed: Callable[[int], None]

    def _build_report_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.subset_combo = QComboBox()
        self.subset_combo.addItem(QCoreApplication.translate("EvidencePage", "All tasks"), None)
        self.subset_combo.addItem(
            QCoreApplication.translate("EvidencePage", "Rejected tasks only"), ("rejected",)
        )
        self.subset_combo.addItem(
            QCoreApplication.translate("EvidencePage", "Rejected and partly approved"),
            ("rejected", "partially_approved"),
        )
        self.subset_combo.addItem(
            QCoreApplication.translate("EvidencePage", "Tasks awaiting review only"), ("pending",)
        )
        self.subset_combo.currentIndexChanged.connect(self.on_choice_changed)
        form.addRow(QCoreApplication.translate("EvidencePage", "Tasks listed"), self.subset_combo)
        layout.addLayout(form)
        explanation = QLabel(
            QCoreApplication.translate(
                "EvidencePage",
                "The report lists every record of the platform in the period, how and when it "
                "was entered, and the integrity data (a SHA-256 fingerprint and the audit chain "
                "head). The raw records are attached to the PDF as a CSV file.",
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(QCoreApplication.translate("EvidencePage", "Preview"))
        self.print_button = QPushButton(QCoreApplication.translate("EvidencePage", "Print…"))
        self.save_button = QPushButton(QCoreApplication.translate("EvidencePage", "Save PDF…"))
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _period_ok(self, chosen: dict[str, Any]) -> bool:
        if chosen["end"] <= chosen["first"]:
            self._show_message(
                QCoreApplication.translate(
                    "EvidencePage", "The end of the period is before its start."
                )
            )
            return False
        return True

    def _builder(self, chosen: dict[str, Any], verify: bool) -> Callable[[], EvidenceDocument]:
        """The report for the choices. `verify` checks the audit chain and the report's own
        records against it, and states the result: done for what is saved or printed, not
        for each preview (`clickwage verify` checks the whole database)."""
        service = self.evidence

        def build() -> EvidenceDocument:
            return service.build(
                chosen["platform"],
                chosen["first"],
                chosen["end"],
                language=chosen["language"],
                name=chosen["name"],
                statuses=chosen["statuses"],
                verify=verify,
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

        self._start(
            work,
            self._report_ready,
            QCoreApplication.translate("EvidencePage", "Preparing the report…"),
        )

    def on_preview_clicked(self) -> None:
        self.start_preview()

    def _report_ready(self, result: tuple[EvidenceDocument, Layout]) -> None:
        self.report, layout = result
        self._show_layout(layout, 0)
        digest = self.report.fingerprint
        self.status.setText(
            QCoreApplication.translate(
                "EvidencePage",
                "{tasks} tasks, {pages} pages. The database check runs when you save or print. "
                "Data fingerprint (SHA-256):\n{fingerprint}",
            ).format(
                tasks=len(self.report.task_ids),
                pages=layout.page_count,
                fingerprint=f"{digest[:32]}\n{digest[32:]}",
            )
        )

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

        self._start(
            work, self._saved, QCoreApplication.translate("EvidencePage", "Writing the PDF…")
        )

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
        self._start(work, self._printed, QCoreApplication.translate("EvidencePage", "Printing…"))
