"""Where a laid-out document goes: a PDF file, a printer, preview images."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from app.services.evidence import Document
from ui.render.layout import Layout, PaintCache, Progress, U

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PDF_RESOLUTION = 1200
PAPER_SIZES = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}


class RenderError(Exception):
    """The document could not be written (an unwritable file, a printer that refused)."""


def page_size(paper: str) -> QPageSize:
    try:
        return QPageSize(PAPER_SIZES[paper.lower()])
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r} (use a4 or letter)") from None


def points_of(size: QPageSize) -> tuple[float, float]:
    points = size.size(QPageSize.Unit.Point)
    return points.width(), points.height()


def layout_for(
    document: Document, paper: str | QPageSize = "a4", progress: Progress | None = None
) -> Layout:
    size = paper if isinstance(paper, QPageSize) else page_size(paper)
    return Layout(document, points_of(size), progress)


def _paint_all(
    layout: Layout, device: QPagedPaintDevice, resolution: float, progress: Progress | None
) -> int:
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("the output could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        scale = resolution / 72.0 / U
        cache = PaintCache()
        count = layout.page_count
        for index in range(count):
            if index:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            layout.paint_page(painter, index, cache)
            painter.restore()
            if progress is not None:
                progress(index + 1, count)
    finally:
        painter.end()
    return layout.page_count


def write_pdf(
    document: Document,
    path: Path | str,
    paper: str = "a4",
    progress: Progress | None = None,
    layout: Layout | None = None,
) -> int:
    """Write the document as a PDF (files embedded); returns the number of pages."""
    size = page_size(paper)
    layout = layout or layout_for(document, size)
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(document.title)
    writer.setCreator(document.creator)
    if document.author:
        writer.setAuthor(document.author)
    for embedded in document.files:
        writer.addFileAttachment(embedded.name, embedded.data, embedded.mime_type)
    pages = _paint_all(layout, writer, PDF_RESOLUTION, progress)
    del writer  # flush and close the file
    if not target.exists() or target.stat().st_size == 0:
        raise RenderError(f"{target} could not be written")
    return pages


def print_document(document: Document, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print on `printer` (already set up, e.g. by QPrintDialog) with its own paper size."""
    printer.setFullPage(True)
    size = printer.pageLayout().pageSize()
    orientation = printer.pageLayout().orientation()
    width, height = points_of(size)
    if orientation == QPageLayout.Orientation.Landscape:
        # The document is a portrait one; a landscape choice is printed on portrait paper.
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    layout = Layout(document, (width, height), None)
    printer.setDocName(document.title)
    printer.setCreator(document.creator)
    return _paint_all(layout, printer, printer.resolution(), progress)


def page_image(layout: Layout, index: int, dpi: float = 96.0) -> QImage:
    """One page as an image (the preview): white paper, the page painted on it."""
    g = layout.geometry
    scale = dpi / 72.0 / U
    image = QImage(
        max(1, round(g.width * scale)), max(1, round(g.height * scale)), QImage.Format.Format_RGB32
    )
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.scale(scale, scale)
        layout.paint_page(painter, index)
    finally:
        painter.end()
    return image


def page_size_points(paper: str) -> QSizeF:
    return page_size(paper).size(QPageSize.Unit.Point)
