"""The flow of a document onto pages: headings, paragraphs, fields, tables and images.

`Flow` places the blocks of a `Layout`'s document one after the other as drawing operations,
opening a new page whenever one fills; tables repeat their title and header row on each page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImageReader

from app.services.evidence import (
    Fields,
    Heading,
    Images,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from ui.render.layout_page import FILL, IMAGE, TEXT, Op, U

if TYPE_CHECKING:
    from ui.render.layout import Layout

TABLE_MAX_LINES = 8
_LIST_MARK = re.compile(r"^\s*[–•-]\s+")


class Flow:
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
