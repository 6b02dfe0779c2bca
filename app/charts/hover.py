"""Hover targets: what is under the mouse on a chart, and the exact value it tells."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

HOVER_RADIUS_PX = 9.0


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in data coordinates


@dataclass(frozen=True)
class HoverTarget:
    """Something under the mouse that has an exact value to tell.

    A bar (`box` in data coordinates of `axes`: the mouse is inside it) or a
    marker (`point`: the mouse is within a few pixels of it).
    """

    content: str | Callable[[], str]  # the text, or what makes it (only when hovered)
    axes: Axes
    box: Box | None = None
    point: tuple[float, float] | None = None

    @property
    def text(self) -> str:
        return self.content if isinstance(self.content, str) else self.content()

    def distance(self, x: float, y: float) -> float | None:
        """Pixels from the display point (x, y), or None when it is not over this target."""
        transform = self.axes.transData
        if self.box is not None:
            x0, y0, x1, y1 = self.box
            (px0, py0), (px1, py1) = transform.transform([(x0, y0), (x1, y1)])
            inside = min(px0, px1) <= x <= max(px0, px1) and min(py0, py1) <= y <= max(py0, py1)
            return 0.0 if inside else None
        if self.point is None:
            return None
        px, py = transform.transform(self.point)
        gap = math.hypot(float(px) - x, float(py) - y)
        return gap if gap <= HOVER_RADIUS_PX else None


def hover_text(targets: Sequence[HoverTarget], x: float, y: float) -> str | None:
    """The text of the target nearest the display point (x, y), if any is under it."""
    best: tuple[float, HoverTarget] | None = None
    for target in targets:
        gap = target.distance(x, y)
        if gap is not None and (best is None or gap < best[0]):
            best = (gap, target)
    return None if best is None else best[1].text
