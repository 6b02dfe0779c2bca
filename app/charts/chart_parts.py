"""What every chart shares: month axis, bars, legend, notes, the empty chart, colours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.charts.data import (
    OKABE_ITO,
    ChartPeriod,
)
from app.charts.hover import Box
from app.charts.legend import draw_legend
from app.i18n import Translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes

THRESHOLD_COLOR = OKABE_ITO["black"]
BELOW_COLOR = OKABE_ITO["vermillion"]
MUTED = "#555555"


def month_axis(axes: Axes, period: ChartPeriod, tr: Translator) -> None:
    months = period.months
    axes.set_xticks(range(len(months)), [m.label for m in months])
    if len(months) > 6:
        for label in axes.get_xticklabels():
            label.set_rotation(40)
            label.set_horizontalalignment("right")
    axes.set_xlim(-0.6, len(months) - 0.4)
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.grid(axis="y", color="#E5E5E5", linewidth=0.8, zorder=0)
    axes.set_axisbelow(True)


def bars(
    axes: Axes, heights: Sequence[float], bottoms: Sequence[float], width: float, **style: Any
) -> list[tuple[int, Box]]:
    """A series of bars as one compound path.

    One path for the series rather than one per bar: matplotlib builds a hatch pattern
    (the pending bars) once per path, seven times the cost of drawing the bars. The
    result looks the same. `style` takes the plural Collection keywords (facecolors=…).
    Returns (month index, box) for each bar that is not empty.
    """
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    boxes: list[tuple[int, Box]] = []
    for index, (height, bottom) in enumerate(zip(heights, bottoms, strict=True)):
        if height:
            low, high = sorted((bottom, bottom + height))
            boxes.append((index, (index - width / 2, low, index + width / 2, high)))
    if boxes:
        outline = [
            Path([(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)], closed=True)
            for _i, (x0, y0, x1, y1) in boxes
        ]
        axes.add_collection(
            PathCollection([Path.make_compound_path(*outline)], **style), autolim=False
        )
    return boxes


def label_above(axes: Axes, text: str, x: float, y: float) -> None:
    """A small grey figure just above the top of a bar at (x, y)."""
    axes.annotate(
        text,
        (x, y),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=8,
        color=MUTED,
    )


def dots(
    axes: Axes,
    xs: Sequence[float],
    ys: Sequence[float],
    *,
    area: float,
    face: Any,
    edge: Any,
    edge_width: float,
    marker: str = "o",
    **style: Any,
) -> None:
    """Markers at (xs, ys), `area` in points² as for scatter(), drawn as a line of markers:
    matplotlib draws the marker once and stamps it, ten times faster than a scatter's
    one path per dot."""
    axes.plot(
        xs,
        ys,
        linestyle="none",
        marker=marker,
        markersize=area**0.5,
        markerfacecolor=face,
        markeredgecolor=edge,
        markeredgewidth=edge_width,
        **style,
    )


def draw_empty(axes: Axes, tr: Translator, why: str | None = None) -> None:
    """Says "No data for this period", and under it `why` (the axes are hidden: no label)."""
    axes.set_axis_off()
    axes.text(
        0.5,
        0.5,
        tr.gettext("No data for this period"),
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=14,
        color=MUTED,
    )
    if why:
        axes.text(
            0.5,
            0.38,
            why,
            transform=axes.transAxes,
            ha="center",
            va="top",
            fontsize=9,
            color=MUTED,
            wrap=True,
        )


def add_legend(axes: Axes, handles: Sequence[Any]) -> None:
    if handles:
        draw_legend(axes, handles)


def note(axes: Axes, text: str) -> None:
    axes.set_xlabel(text, fontsize=8, color=MUTED, loc="left")


def unconverted_note(platforms: Sequence[str], currency: str, tr: Translator) -> str:
    return tr.gettext("Left out: amounts of {platforms} with no exchange rate to {home}.").format(
        platforms=", ".join(platforms), home=currency
    )
