"""Lays out a `Document` (app/services/evidence/document.py) on pages, painted with QPainter.

The layout is made once per page size, in decipoints (1/720 inch) with pixel-sized fonts,
so it is the same on every device: the PDF writer, a printer and the preview images only
scale the painter. It is a plain list of drawing operations per page; "page n of N", the
running header and the footer are added when a page is painted, once N is known.

Big tables are painted row by row with QPainter (no QTextDocument): each cell is measured
(widths cached, Latin text summed from cached character advances), wrapped with QTextLayout
only when it does not fit, and drawn with drawText.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from app.services.evidence import (
    Document,
    Fields,
    Heading,
    Images,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from ui.render.fonts import ensure_fonts

U = 10.0  # layout units per point
Progress = Callable[[int, int], None]  # (done, total)

# op codes: (TEXT, x, baseline, text, font, color) with x and baseline in whole units,
# (FILL, x, y, w, h, color),
# (LINE, x1, y1, x2, y2, color, width), (IMAGE, x, y, w, h, path)
TEXT, FILL, LINE, IMAGE = 0, 1, 2, 3

# name: (size in points, bold)
FONT_SPECS: dict[str, tuple[float, bool]] = {
    "body": (9.5, False),
    "body_bold": (9.5, True),
    "small": (8.0, False),
    "small_bold": (8.0, True),
    "table": (6.5, False),
    "table_bold": (6.5, True),
    "h1": (14.0, True),
    "h2": (11.0, True),
    "furniture": (7.0, False),
    "furniture_bold": (7.0, True),
}
COLORS = {
    "ink": QColor(0, 0, 0),
    "grey": QColor(85, 85, 85),
    "rule": QColor(170, 170, 170),
    "header_fill": QColor(228, 228, 228),
    "mark_fill": QColor(222, 222, 222),
    "mark_bar": QColor(40, 40, 40),
}
TABLE_MAX_LINES = 8
_LIST_MARK = re.compile(r"^\s*[–•-]\s+")
_COMPLEX_SCRIPT = 0x0590  # from Hebrew on, widths need real shaping


@dataclass(frozen=True)
class Geometry:
    """A page and its text area, in layout units."""

    width: float
    height: float
    left: float = 40 * U
    right: float = 40 * U
    top: float = 54 * U
    bottom: float = 50 * U

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_bottom(self) -> float:
        return self.height - self.bottom


class _Advances(dict[str, float]):
    """Character advances of one font, measured on first use."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, ch: str) -> float:
        value = self[ch] = self._metrics.horizontalAdvance(ch)
        return value


class Fonts:
    """The fonts of the layout, with cached widths and line heights."""

    def __init__(self) -> None:
        family = ensure_fonts()
        self.font: dict[str, QFont] = {}
        self.metrics: dict[str, QFontMetricsF] = {}
        self.line: dict[str, float] = {}
        self.ascent: dict[str, float] = {}
        self._widths: dict[str, dict[str, float]] = {}
        self._advances: dict[str, _Advances] = {}
        for key, (points, bold) in FONT_SPECS.items():
            font = QFont(family)
            font.setPixelSize(round(points * U))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # No ligatures: "fi" stays two letters, so the PDF's text can be searched
            # and copied as typed ("Prolific", not "Proliﬁc").
            for tag in ("liga", "clig", "dlig"):
                font.setFeature(QFont.Tag(tag), 0)
            font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
            metrics = QFontMetricsF(font)
            self.font[key] = font
            self.metrics[key] = metrics
            self.line[key] = metrics.lineSpacing()
            self.ascent[key] = metrics.ascent()
            self._widths[key] = {}
            self._advances[key] = _Advances(metrics)

    def width(self, text: str, key: str) -> float:
        """The advance of `text`: exact (cached) for short or non-ASCII text, else summed."""
        cache = self._widths[key]
        found = cache.get(text)
        if found is not None:
            return found
        if len(text) > 3 and text.isascii():
            value = float(sum(map(self._advances[key].__getitem__, text)))
        else:
            value = self.metrics[key].horizontalAdvance(text)
        if len(cache) < 200_000:
            cache[text] = value
        return value

    def exact_width(self, text: str, key: str) -> float:
        return self.metrics[key].horizontalAdvance(text)

    def wrap(self, text: str, key: str, width: float, max_lines: int = 0) -> list[str]:
        """`text` broken into lines no wider than `width` (explicit line breaks kept)."""
        lines: list[str] = []
        for part in text.split("\n"):
            summed = self.width(part, key)
            if summed <= width or (summed <= width * 1.05 and self.exact_width(part, key) <= width):
                lines.append(part)
            else:
                lines.extend(self._break(part, key, width))
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.elide(lines[-1] + "…", key, width)
        return lines

    def wrap_words(self, text: str, key: str, width: float) -> list[str]:
        """Lines broken between words only (a word wider than the line stays whole)."""
        lines: list[str] = []
        for part in text.split("\n"):
            current = ""
            for word in part.split(" "):
                candidate = f"{current} {word}" if current else word
                if current and self.exact_width(candidate, key) > width:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        return lines

    def _break(self, text: str, key: str, width: float) -> list[str]:
        if " " not in text and text.isascii():
            return self._break_anywhere(text, key, width)
        layout = QTextLayout(text, self.font[key])
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines: list[str] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            lines.append(text[start : start + line.textLength()].rstrip())
        layout.endLayout()
        return lines or [text]

    def _break_anywhere(self, text: str, key: str, width: float) -> list[str]:
        """A word longer than the line (an id, a hash): cut where the line is full."""
        ends = list(accumulate(map(self._advances[key].__getitem__, text)))
        lines: list[str] = []
        start, offset = 0, 0.0
        while start < len(text):
            stop = max(start + 1, bisect_right(ends, offset + width, lo=start))
            lines.append(text[start:stop])
            offset = ends[stop - 1]
            start = stop
        return lines

    def glyph_runs(self, text: str, key: str) -> list[QGlyphRun]:
        """`text` shaped on one line; draw the runs at (x, baseline).

        Glyph positions are rounded to whole layout units (a twentieth of a point at most,
        each glyph on its own, so nothing adds up): a PDF writes them in far fewer bytes.
        """
        layout = QTextLayout(text, self.font[key])
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e9)
        layout.endLayout()
        ascent = line.ascent()
        runs = list(layout.glyphRuns())
        for run in runs:
            run.setPositions(
                [QPointF(round(p.x()), round(p.y() - ascent)) for p in run.positions()]
            )
        return runs

    def elide(self, text: str, key: str, width: float) -> str:
        if self.exact_width(text, key) <= width:
            return text
        return str(self.metrics[key].elidedText(text, Qt.TextElideMode.ElideRight, width))


Op = tuple[Any, ...]


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
        _Flow(self).run()

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


class _Flow:
    """Places the blocks one after the other, opening pages as they fill."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.g = layout.geometry
        self.fonts = layout.fonts
        self.ops: list[Op] = []
        self.y = self.g.top
        self.counts = layout.counts
        self.total_rows = (
            sum(len(b.rows) for b in layout.document.blocks if isinstance(b, Table)) or 1
        )
        self.rows_done = 0

    # -- pages --------------------------------------------------------------------------------

    def run(self) -> None:
        self.new_page()
        blocks = self.layout.document.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                self.heading(block, self.following_height(blocks, index + 1))
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Fields):
                self.fields(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Images):
                self.images(block)
            elif isinstance(block, Spacer):
                self.y += block.points * U
            elif isinstance(block, PageBreak):
                self.new_page()
        if self.layout._progress is not None:
            self.layout._progress(self.total_rows, self.total_rows)

    def new_page(self) -> None:
        self.ops = []
        self.layout.pages.append(self.ops)
        self.y = self.g.top

    @property
    def at_top(self) -> bool:
        return self.y <= self.g.top + 0.01

    def need(self, height: float) -> None:
        """Open a new page unless `height` still fits on this one."""
        if self.y + height > self.g.text_bottom and not self.at_top:
            self.new_page()

    def text(self, x: float, baseline: float, text: str, font: str, color: str = "ink") -> None:
        """Text at whole layout units (tenths of a point): fewer bytes in a PDF."""
        if text:
            self.ops.append((TEXT, round(x), round(baseline), text, font, color))
            counts = self.counts.setdefault(font, {})
            counts[text] = counts.get(text, 0) + 1

    # -- blocks -------------------------------------------------------------------------------

    def following_height(self, blocks: list[Any], start: int) -> float:
        """What must stay with a heading: its notes and the start of what they introduce."""
        fonts, g = self.fonts, self.g
        height = 0.0
        for block in blocks[start:]:
            if isinstance(block, Paragraph):
                key = ("small" if block.small else "body") + ("_bold" if block.bold else "")
                lines = fonts.wrap(block.text, key, g.text_width * (1 - block.indent))
                height += len(lines) * fonts.line[key] * 1.12 + block.space_after * U
                if not block.small:
                    break  # body text may follow on the next page after a few lines
                continue
            if isinstance(block, Table):
                line = fonts.line["table"]
                height += (2 if block.caption else 0) * line + 10 * line
            elif isinstance(block, Fields):
                height += 3 * fonts.line["small"] * 1.1
            elif isinstance(block, Images):
                height += 130 * U
            break
        return min(height, (g.text_bottom - g.top) / 2)

    def heading(self, block: Heading, following: float = 40 * U) -> None:
        key = "h1" if block.level <= 1 else "h2"
        fonts, g = self.fonts, self.g
        before = (16 if key == "h1" else 10) * U
        lines = fonts.wrap(block.text, key, g.text_width)
        height = len(lines) * fonts.line[key] + (6 if key == "h1" else 3) * U
        # keep the heading with what follows it
        self.need((0 if self.at_top else before) + height + following)
        if not self.at_top:
            self.y += before
        for line in lines:
            self.text(g.left, self.y + fonts.ascent[key], line, key)
            self.y += fonts.line[key]
        if key == "h1":
            self.y += 2 * U
            self.ops.append((FILL, g.left, self.y - 0.4 * U, g.text_width, 0.8 * U, "ink"))
            self.y += 4 * U
        else:
            self.y += 3 * U

    def paragraph(self, block: Paragraph) -> None:
        fonts, g = self.fonts, self.g
        key = ("small" if block.small else "body") + ("_bold" if block.bold else "")
        line_height = fonts.line[key] * 1.12
        x = g.left + g.text_width * block.indent
        width = g.text_width * (1 - block.indent)
        bullet_width = 10 * U if block.bullet else 0.0
        lines = self._hanging_lines(block.text, key, width - bullet_width)
        total = len(lines) * line_height
        if block.keep_together and total <= g.text_bottom - g.top:
            self.need(total)
        for index, (hang, line) in enumerate(lines):
            self.need(line_height)
            baseline = self.y + fonts.ascent[key]
            if block.bullet and index == 0:
                self.text(x + 2 * U, baseline, "•", key)
            if block.align == "right":
                self.text(g.left + g.text_width - fonts.exact_width(line, key), baseline, line, key)
            else:
                self.text(x + bullet_width + hang, baseline, line, key)
            self.y += line_height
        self.y += block.space_after * U

    def _hanging_lines(self, text: str, key: str, width: float) -> list[tuple[float, str]]:
        """Wrapped lines with their indent: a list item ("– ", "• ") hangs under its text."""
        fonts = self.fonts
        lines: list[tuple[float, str]] = []
        for part in text.split("\n"):
            mark = _LIST_MARK.match(part)
            if mark is None:
                lines += [(0.0, line) for line in fonts.wrap(part, key, width)]
                continue
            prefix = mark.group(0)
            hang = fonts.exact_width(prefix, key)
            wrapped = fonts.wrap(part[len(prefix) :], key, width - hang)
            lines.append((0.0, prefix + wrapped[0]))
            lines += [(hang, line) for line in wrapped[1:]]
        return lines

    def fields(self, block: Fields) -> None:
        fonts, g = self.fonts, self.g
        label_width = g.text_width * block.label_share
        gap = 8 * U
        value_width = g.text_width - label_width - gap
        line_height = fonts.line["small"] * 1.1
        for label, value in block.rows:
            labels = fonts.wrap(label, "small_bold", label_width)
            values = fonts.wrap(value, "small", value_width)
            height = max(len(labels), len(values)) * line_height + 3 * U
            self.need(height)
            for index, line in enumerate(labels):
                self.text(
                    g.left,
                    self.y + fonts.ascent["small_bold"] + index * line_height,
                    line,
                    "small_bold",
                    "grey",
                )
            for index, line in enumerate(values):
                self.text(
                    g.left + label_width + gap,
                    self.y + fonts.ascent["small"] + index * line_height,
                    line,
                    "small",
                )
            self.y += height
        self.y += 4 * U

    def table(self, block: Table) -> None:
        fonts, g = self.fonts, self.g
        left, total_width = g.left, g.text_width
        weights = sum(c.weight for c in block.columns) or 1.0
        widths = [c.weight / weights * total_width for c in block.columns]
        lefts = [left + sum(widths[:i]) for i in range(len(widths))]
        rights = [lefts[i] + widths[i] for i in range(len(widths))]
        pad_x, pad_y = 2.2 * U, 1.6 * U
        inner = [w - 2 * pad_x for w in widths]
        right_aligned = [c.align == "right" for c in block.columns]
        line = fonts.line["table"]
        ascent = fonts.ascent["table"]
        header_cells = [
            fonts.wrap_words(c.title, "table_bold", inner[i]) for i, c in enumerate(block.columns)
        ]
        header_height = max(len(c) for c in header_cells) * line + 2 * pad_y
        ops = self.ops
        wrap, width = fonts.wrap, fonts.width
        marked = block.marked
        progress = self.layout._progress
        wrapped: dict[tuple[str, int], list[str]] = {}
        seen = self.counts.setdefault("table", {})
        seen_get = seen.get

        caption = fonts.wrap(block.caption, "table", total_width) if block.caption else []
        caption_height = len(caption) * line + (2 * U if caption else 0)

        def header(continued: bool) -> None:
            nonlocal ops
            if continued and block.title:
                key = "small_bold"
                title = f"{block.title} {block.continued}".strip()
                self.text(left, self.y + fonts.ascent[key], title, key)
                self.y += fonts.line[key] + 2 * U
            for text in caption:
                self.text(left, self.y + ascent, text, "table", "grey")
                self.y += line
            self.y += caption_height - len(caption) * line
            ops = self.ops
            ops.append((FILL, left, self.y, total_width, header_height, "header_fill"))
            for i, cell in enumerate(header_cells):
                for k, text in enumerate(cell):
                    x = (
                        rights[i] - pad_x - fonts.exact_width(text, "table_bold")
                        if right_aligned[i]
                        else lefts[i] + pad_x
                    )
                    self.text(x, self.y + pad_y + ascent + k * line, text, "table_bold")
            self.y += header_height
            ops.append((FILL, left, self.y - 0.3 * U, total_width, 0.6 * U, "ink"))

        self.need(caption_height + header_height + 3 * line + 2 * pad_y)
        header(False)
        bottom = g.text_bottom
        columns = list(zip(range(len(widths)), inner, strict=True))
        # where each column's lines start (left-aligned) or end (right-aligned)
        anchors = [
            (rights[i] - pad_x, True) if right_aligned[i] else (round(lefts[i] + pad_x), False)
            for i in range(len(widths))
        ]
        known = fonts._widths["table"]  # text -> width, filled by fonts.width
        max_lines = TABLE_MAX_LINES
        rows_done, total_rows = self.rows_done, self.total_rows
        for row_index, row in enumerate(block.rows):
            cells: list[list[str]] = []
            height_lines = 1
            for i, room in columns:
                text = row[i]
                if not text:
                    cells.append([])
                    continue
                if "\n" not in text:
                    size = known.get(text)
                    if size is None:
                        size = width(text, "table")
                    if size <= room:
                        cells.append([text])
                        continue
                else:
                    parts = text.split("\n")
                    for part in parts:
                        size = known.get(part)
                        if size is None:
                            size = width(part, "table")
                        if size > room:
                            break
                    else:
                        if len(parts) <= max_lines:
                            cells.append(parts)
                            if len(parts) > height_lines:
                                height_lines = len(parts)
                            continue
                key = (text, i)
                found = wrapped.get(key)
                if found is None:
                    found = wrap(text, "table", room, max_lines)
                    wrapped[key] = found
                cells.append(found)
                if len(found) > height_lines:
                    height_lines = len(found)
            height = height_lines * line + 2 * pad_y
            if self.y + height > bottom:
                self.new_page()
                header(True)
            y = self.y
            if row_index in marked:
                ops.append((FILL, left, y, total_width, height, "mark_fill"))
                ops.append((FILL, left, y, 1.6 * U, height, "mark_bar"))
            base = y + pad_y + ascent
            baselines = [round(base + k * line) for k in range(height_lines)]
            for (x, right), cell in zip(anchors, cells, strict=True):
                for baseline, text in zip(baselines, cell, strict=False):
                    if right:
                        size = known.get(text)
                        if size is None:
                            size = width(text, "table")
                        ops.append((TEXT, round(x - size), baseline, text, "table", "ink"))
                    else:
                        ops.append((TEXT, x, baseline, text, "table", "ink"))
                    seen[text] = seen_get(text, 0) + 1
            self.y = y + height
            ops.append((FILL, left, self.y - 0.15 * U, total_width, 0.3 * U, "rule"))
            rows_done += 1
            if progress is not None and rows_done % 1000 == 0:
                progress(rows_done, total_rows)
        self.rows_done = rows_done
        self.y += 6 * U

    def images(self, block: Images) -> None:
        """Thumbnails in rows, each with its caption right under it."""
        fonts, g = self.fonts, self.g
        box, gap = 118 * U, 12 * U
        caption_lines = 3
        caption_line = fonts.line["table"]
        per_row = max(1, int((g.text_width + gap) // (box + gap)))
        items = list(block.items)
        for start in range(0, len(items), per_row):
            placed = []
            for item in items[start : start + per_row]:
                size = QImageReader(item.path).size()
                w = h = 0.0
                if size.isValid() and size.width() > 0 and size.height() > 0:
                    scale = min(box / size.width(), box / size.height())
                    w, h = size.width() * scale, size.height() * scale
                placed.append((item, w, h))
            image_height = max((h for _, _, h in placed), default=0.0)
            self.need(image_height + caption_lines * caption_line + 10 * U)
            for column, (item, w, h) in enumerate(placed):
                x = g.left + column * (box + gap)
                if w and h:
                    self.ops.append((IMAGE, x, self.y, w, h, item.path))
                lines = fonts.wrap(item.caption, "table", box, caption_lines)
                for k, text in enumerate(lines):
                    self.text(
                        x,
                        self.y + h + 3 * U + fonts.ascent["table"] + k * caption_line,
                        text,
                        "table",
                        "grey",
                    )
            self.y += image_height + caption_lines * caption_line + 10 * U
