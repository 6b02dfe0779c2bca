"""A chart's legend drawn as plain artists beside the axes.

matplotlib's Legend packs its entries in nested boxes that it measures again on every
draw: with five charts that was a quarter of their drawing. Here each entry is a swatch
(a patch, a line, a marker, in the handle's style) and a text, placed in inches from the
axes' top right corner, so they follow the axes when the margins change. The margins
engine reads the legend's width from `legend_width()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

FONT_SIZE = 8.5  # points, like matplotlib's "small" (10 * 0.833)
ROW = 0.2  # inches between entries
LEFT = 0.1  # inches from the axes to the swatch
SWATCH = 0.28  # inches wide
GAP = 0.08  # inches between a swatch and its text
_ATTRIBUTE = "_clickwage_legend"


def draw_legend(axes: Axes, handles: Sequence[Any]) -> None:
    """Entries for `handles` (artists with a label), top to bottom, right of `axes`.

    They belong to the figure, not the axes: an artist added to the axes gets clipped to
    it (they are not) at the cost of building the axes' transform again for each one.
    """
    from matplotlib.text import Text
    from matplotlib.transforms import ScaledTranslation

    figure = axes.get_figure()
    assert figure is not None
    # Inches, from the axes' top right corner (which the margins engine may move).
    corner: Any = axes.transAxes  # an affine transform (typed as any Transform)
    place = figure.dpi_scale_trans + ScaledTranslation(1, 1, corner)
    texts: list[Any] = []
    artists: list[Any] = []
    for row, handle in enumerate(handles):
        label = handle.get_label()
        if not label or label.startswith("_"):
            continue
        middle = -(row + 0.5) * ROW
        text = Text(
            LEFT + SWATCH + GAP, middle, label, fontsize=FONT_SIZE, va="center", ha="left"
        )
        texts.append(text)
        artists += [*_swatches(handle, middle), text]
    for artist in artists:
        artist.set_transform(place)
        figure.add_artist(artist)
    setattr(axes, _ATTRIBUTE, (texts, artists))


def legend_width(axes: Axes) -> float:
    """Inches the legend of `axes` takes right of it (0 without one)."""
    texts = getattr(axes, _ATTRIBUTE, None) or ((), ())
    if not texts[0]:
        return 0.0
    figure = axes.get_figure()
    assert figure is not None
    widest = max(float(text.get_window_extent().width) for text in texts[0]) / float(figure.dpi)
    return LEFT + SWATCH + GAP + widest


def forget_legend(axes: Axes) -> None:
    """Remove the legend of `axes` from its figure."""
    legend = getattr(axes, _ATTRIBUTE, None)
    if legend:
        for artist in legend[1]:
            artist.remove()
    setattr(axes, _ATTRIBUTE, None)


def _swatches(handle: Any, middle: float) -> list[Any]:
    from matplotlib.container import BarContainer
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    if isinstance(handle, BarContainer):
        handle = handle.patches[0] if handle.patches else Patch(label=handle.get_label())
    if isinstance(handle, Patch):
        return [
            Rectangle(
                (LEFT, middle - 0.06),
                SWATCH,
                0.12,
                facecolor=handle.get_facecolor(),
                edgecolor=handle.get_edgecolor(),
                hatch=handle.get_hatch(),
                linewidth=handle.get_linewidth(),
            )
        ]
    centre = LEFT + SWATCH / 2
    if isinstance(handle, Line2D):
        found = []
        if handle.get_linestyle() not in ("None", "none", "", " "):
            found.append(
                Line2D(
                    [LEFT, LEFT + SWATCH],
                    [middle, middle],
                    color=handle.get_color(),
                    linestyle=handle.get_linestyle(),
                    linewidth=handle.get_linewidth(),
                )
            )
        if handle.get_marker() not in ("None", "none", "", " ", None):
            found.append(
                Line2D(
                    [centre],
                    [middle],
                    linestyle="none",
                    marker=handle.get_marker(),
                    markersize=handle.get_markersize(),
                    markerfacecolor=handle.get_markerfacecolor(),
                    markeredgecolor=handle.get_markeredgecolor(),
                    markeredgewidth=handle.get_markeredgewidth(),
                )
            )
        return found
    return []
