"""The page the layout fills: its units, its geometry and the drawing operations on it.

Everything is laid out in layout units (`U` per point, decipoints). A laid-out page is a
plain list of drawing operations (`Op`), each a tuple starting with its op code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

U = 10.0  # layout units per point
Progress = Callable[[int, int], None]  # (done, total)

# op codes: (TEXT, x, baseline, text, font, color) with x and baseline in whole units,
# (FILL, x, y, w, h, color),
# (LINE, x1, y1, x2, y2, color, width), (IMAGE, x, y, w, h, path)
TEXT, FILL, LINE, IMAGE = 0, 1, 2, 3

Op = tuple[Any, ...]


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
