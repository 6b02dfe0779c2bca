"""Qt rendering of documents (app/services/evidence models): PDF, printer, preview.

    from ui.render import write_pdf
    pages = write_pdf(evidence.document(), "report.pdf", paper="a4")

Everything is painted with QPainter from one layout per page size, so the PDF, the
printed pages and the preview are the same document. The bundled DejaVu Sans font is
registered with QFontDatabase before anything is measured.
"""

from __future__ import annotations

from ui.render.fonts import ensure_application, ensure_fonts, has_glyphs
from ui.render.layout import Layout
from ui.render.output import (
    PAPER_SIZES,
    RenderError,
    layout_for,
    page_image,
    page_size,
    print_document,
    write_pdf,
)

__all__ = [
    "PAPER_SIZES",
    "Layout",
    "RenderError",
    "ensure_application",
    "ensure_fonts",
    "has_glyphs",
    "layout_for",
    "page_image",
    "page_size",
    "print_document",
    "write_pdf",
]
