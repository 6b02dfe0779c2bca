"""The Evidence page's output: where a PDF is saved, the print dialog, and what the page says
once a document is saved or printed.

The dialogs are replaced in tests. A mixin of EvidencePage (evidence.py): its texts keep
the "EvidencePage" translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class EvidenceOutputMixin(_Base):
    """Asks where to save or which printer to use, and reports what was saved or printed."""

    status: QLabel
    last_saved: Path | None
    printed_pages: int

    # -- dialogs (replaced in tests) ---------------------------------------------------------

    def _ask_pdf_path(self, suggested: str) -> Path | None:
        start = str(Path.home() / suggested)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("EvidencePage", "Save as PDF"),
            start,
            QCoreApplication.translate("EvidencePage", "PDF files (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def new_printer(self, paper: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(
            QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)
        )
        return printer

    def _ask_printer(self, paper: str) -> QPrinter | None:
        """The system print dialog; None unless the user accepted it (only then we print)."""
        printer = self.new_printer(paper)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(QCoreApplication.translate("EvidencePage", "Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    # -- results -----------------------------------------------------------------------------

    def _saved(self, result: tuple[Path, int]) -> None:
        path, pages = result
        self.last_saved = path
        text = QCoreApplication.translate("EvidencePage", "Saved {path} ({pages} pages).").format(
            path=path, pages=pages
        )
        self.status.setText(text)
        self.context.message.emit(text)

    def _printed(self, pages: int) -> None:
        self.printed_pages = pages
        text = QCoreApplication.translate(
            "EvidencePage", "Sent {pages} pages to the printer."
        ).format(pages=pages)
        self.status.setText(text)
        self.context.message.emit(text)
