"""Lays out a `Document` (app/services/evidence/document.py) on pages, painted with QPainter.

The layout is made once per page size, in decipoints (1/720 inch) with pixel-sized fonts,
so it is the same on every device: the PDF writer, a printer and the preview images only
scale the painter. It is a plain list of drawing operations per page; "page n of N", the
running header and the footer are added when a page is painted, once N is known.

Big tables are painted row by row with QPainter (no QTextDocument): each cell is measured
(widths cached, Latin text summed from cached character advances), wrapped with QTextLayout
only when it does not fit, and drawn with drawText.

This module holds the layout itself and its painting; the rest lives next to it:
layout_page.py (units, page geometry, drawing operations), layout_fonts.py (measuring and
wrapping text) and layout_flow.py (placing the blocks on pages).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGlyphRun, QImage, QPainter, QPen

from app.services.evidence import Document
from ui.render.layout_flow import TABLE_MAX_LINES, Flow
from ui.render.layout_fonts import FONT_SPECS, Fonts
from ui.render.layout_page import FILL, IMAGE, LINE, TEXT, Geometry, Op, Progress, U

__all__ = [
    "COLORS",
    "FILL",
    "FONT_SPECS",
    "IMAGE",
    "LINE",
    "TABLE_MAX_LINES",
    "TEXT",
    "Fonts",
    "Geometry",
    "Layout",
    "Op",
    "PaintCache",
    "Progress",
    "U",
]

COLORS = {
    "ink": QColor(0, 0, 0),
    "grey": QColor(85, 85, 85),
    "rule": QColor(170, 170, 170),
    "header_fill": QColor(228, 228, 228),
    "mark_fill": QColor(222, 222, 222),
    "mark_bar": QColor(40, 40, 40),
}


class PaintCache:
    """What painting many pages can reuse: shaped glyph runs and scaled images.

    Glyph runs belong to the thread that made them: one cache per painting job.
    """

    def __init__(self) -> None:
        self.runs: dict[str, dict[str, list[QGlyphRun]]] = {}  # font -> text -> runs
        self.images: dict[str, QImage] = {}
        # where texts are drawn: the same places come back page after page (tables)
        self.points: dict[tuple[float, float], QPointF] = {}


class Layout:
    """A document laid out on pages of one size; paint any page, any number of times."""

    def __init__(
        self,
        document: Document,
        page_points: tuple[float, float],
        progress: Progress | None = None,
    ) -> None:
        self.document = document
        self.geometry = Geometry(page_points[0] * U, page_points[1] * U)
        self.fonts = Fonts()
        self.pages: list[list[Op]] = []
        self._progress = progress
        self.counts: dict[str, dict[str, int]] = {}  # font -> text -> times drawn
        Flow(self).run()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paint_page(self, painter: QPainter, index: int, cache: PaintCache | None = None) -> None:
        """Paint page `index` (0-based); the painter is scaled to layout units.

        Texts drawn more than once in the document are shaped once and drawn as glyph
        runs; pass the same `cache` when painting many pages. Text is placed on whole
        layout units (tenths of a point), which a PDF writes in fewer bytes.
        """
        fonts, colors, counts = self.fonts, COLORS, self.counts
        cache = cache if cache is not None else PaintCache()
        font_key: str | None = None
        font_counts: dict[str, int] = {}
        font_runs: dict[str, list[QGlyphRun]] = {}
        pen_key: Any = None
        draw_text, draw_run = painter.drawText, painter.drawGlyphRun
        points = cache.points
        rules: list[QRectF] = []  # the lines under table rows, drawn together
        for op in self.pages[index]:
            kind = op[0]
            if kind == TEXT:
                if op[4] != font_key:
                    font_key = op[4]
                    painter.setFont(fonts.font[font_key])
                    font_counts = counts.get(font_key, {})
                    font_runs = cache.runs.setdefault(font_key, {})
                if op[5] != pen_key:
                    pen_key = op[5]
                    painter.setPen(colors[pen_key])
                text = op[3]
                shaped = font_runs.get(text)
                if shaped is None:
                    if font_counts.get(text, 0) < 2:
                        draw_text(QPointF(op[1], op[2]), text)
                        continue
                    shaped = font_runs[text] = fonts.glyph_runs(text, op[4])
                origin = points.get((op[1], op[2]))
                if origin is None:
                    origin = points[(op[1], op[2])] = QPointF(op[1], op[2])
                for run in shaped:
                    draw_run(origin, run)
                continue
            if kind == FILL and op[5] == "rule":
                rules.append(QRectF(op[1], op[2], op[3], op[4]))
                continue
            if rules:
                self._paint_rules(painter, rules)
                pen_key = None
            if kind == FILL:
                painter.fillRect(QRectF(op[1], op[2], op[3], op[4]), colors[op[5]])
            elif kind == LINE:
                pen_key = None
                painter.setPen(QPen(colors[op[5]], op[6]))
                painter.drawLine(QPointF(op[1], op[2]), QPointF(op[3], op[4]))
            elif kind == IMAGE:
                self._paint_image(painter, op, cache.images)
        if rules:
            self._paint_rules(painter, rules)
        self._paint_furniture(painter, index)

    @staticmethod
    def _paint_rules(painter: QPainter, rules: list[QRectF]) -> None:
        """Fill the rules in one go (one path in a PDF), then forget them."""
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLORS["rule"])
        painter.drawRects(rules)
        painter.restore()
        rules.clear()

    def _paint_image(self, painter: QPainter, op: Op, images: dict[str, QImage]) -> None:
        _, x, y, w, h, path = op
        key = f"{path}|{round(w)}x{round(h)}"
        image = images.get(key)
        if image is None:
            image = QImage(path)
            if image.isNull():
                return
            # about 200 dpi at the printed size: sharp, and the PDF stays small
            target = QSize(max(1, round(w / U / 72 * 200)), max(1, round(h / U / 72 * 200)))
            image = image.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            images[key] = image
        painter.drawImage(QRectF(x, y, w, h), image)
        painter.setPen(QPen(COLORS["rule"], 0.5 * U))
        painter.drawRect(QRectF(x, y, w, h))

    def _paint_furniture(self, painter: QPainter, index: int) -> None:
        g, fonts, doc = self.geometry, self.fonts, self.document
        right = g.width - g.right
        half = g.text_width / 2 - 6 * U
        painter.setPen(COLORS["grey"])
        header_y = g.top - 20 * U
        if doc.header_left or doc.header_right:
            painter.setFont(fonts.font["furniture_bold"])
            painter.drawText(
                QPointF(g.left, header_y), fonts.elide(doc.header_left, "furniture_bold", half)
            )
            painter.setFont(fonts.font["furniture"])
            text = fonts.elide(doc.header_right, "furniture", half)
            painter.drawText(QPointF(right - fonts.exact_width(text, "furniture"), header_y), text)
            painter.setPen(QPen(COLORS["rule"], 0.5 * U))
            painter.drawLine(QPointF(g.left, header_y + 5 * U), QPointF(right, header_y + 5 * U))
        footer_y = g.text_bottom + 26 * U
        painter.setPen(QPen(COLORS["rule"], 0.5 * U))
        painter.drawLine(QPointF(g.left, footer_y - 11 * U), QPointF(right, footer_y - 11 * U))
        painter.setPen(COLORS["grey"])
        painter.setFont(fonts.font["furniture"])
        if doc.footer_left:
            painter.drawText(
                QPointF(g.left, footer_y), fonts.elide(doc.footer_left, "furniture", half)
            )
        label = doc.page_text(index + 1, self.page_count)
        painter.drawText(QPointF(right - fonts.exact_width(label, "furniture"), footer_y), label)

    def page_text(self, index: int) -> list[str]:
        """The text drawn on a page, in drawing order (for checks and accessibility)."""
        return [op[3] for op in self.pages[index] if op[0] == TEXT]
