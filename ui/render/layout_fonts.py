"""The fonts of the layout: sizes, and text measured, wrapped, elided and shaped.

Widths are cached per font; Latin text is summed from cached character advances, and only
text that does not fit is broken into lines with QTextLayout.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QTextLayout, QTextOption

from ui.render.fonts import ensure_fonts
from ui.render.layout_page import U

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
_COMPLEX_SCRIPT = 0x0590  # from Hebrew on, widths need real shaping


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
