"""matplotlib Figures for the chart data: no pyplot, no Qt, matplotlib imported only when used.

`draw_chart(figure, data, tr)` fills a Figure in place (the window keeps one
Figure per canvas) and returns hover targets carrying the exact values;
`figure_for(kind, data, tr)` makes a new Figure (for export and the CLI);
`save_figure` writes PNG, SVG or PDF, chosen by the file's extension.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.charts import labels
from app.charts.data import (
    ACTIVITY_COLORS,
    ACTIVITY_NAMES,
    OKABE_ITO,
    ChartData,
    ChartKind,
    ChartPeriod,
    IncomeData,
    MonthSlice,
    PayoutData,
    RejectionData,
    TimeData,
    WageData,
    WageSeries,
)
from app.charts.hover import Box, HoverTarget
from app.domain.errors import InvalidInput
from app.domain.money import currency_digits, format_money
from app.i18n import N_, Translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURE_SIZE = (8.0, 4.5)  # inches, for export and the command line
FIGURE_DPI = 100
PNG_DPI = 150
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
THRESHOLD_COLOR = OKABE_ITO["black"]
BELOW_COLOR = OKABE_ITO["vermillion"]
MUTED = "#555555"


# -- entry points ----------------------------------------------------------------------------


def new_figure(size: tuple[float, float] = FIGURE_SIZE, dpi: float = FIGURE_DPI) -> Figure:
    _import_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=dpi, facecolor="white")


@cache
def _import_matplotlib() -> None:
    """Import matplotlib without writing the help text of every artist's set() method.

    matplotlib builds that text (a list of all properties) for each Artist subclass as it
    is defined: about 0.2 s of its 0.6 s import, for help() only. Replacing the builder
    before the subclasses are defined skips it; nothing else reads that text.
    """
    import matplotlib.artist

    if "matplotlib.figure" not in sys.modules and callable(
        getattr(matplotlib.artist, "kwdoc", None)
    ):
        matplotlib.artist.kwdoc = _no_kwdoc  # type: ignore[assignment]
    import matplotlib.figure


def _no_kwdoc(_artist: Any) -> str:
    return ""


def figure_for(kind: ChartKind, data: ChartData, tr: Translator) -> Figure:
    """A new Figure of one chart (FIGURE_SIZE inches), ready to save."""
    if data.kind != kind:
        raise ValueError(f"{kind} chart given {data.kind} data")
    figure = new_figure()
    draw_chart(figure, data, tr)
    return figure


def draw_chart(figure: Figure, data: ChartData, tr: Translator) -> list[HoverTarget]:
    """Clear `figure` and draw the chart of `data` on it; returns its hover targets."""
    axes = _emptied_axes(figure)
    title = tr.gettext(TITLES[data.kind])
    heading = figure.text(0, 1, title, ha="left", va="top", fontsize=12, fontweight="bold")
    caption = data.period.caption
    if isinstance(data, TimeData) and any(data.total):
        share = Decimal(sum(data.unpaid)) / Decimal(sum(data.total))
        caption += " · " + tr.gettext("{percent} of your time was unpaid").format(
            percent=labels.percent(share, tr)
        )
    subheading = figure.text(0, 1, caption, ha="left", va="top", fontsize=9, color=MUTED)
    figure.set_layout_engine(_margins_engine()(axes, heading, subheading))
    if data.is_empty or not data.period.months:
        _draw_empty(axes, tr)
        if isinstance(data, IncomeData | WageData) and data.unconverted:
            _note(axes, _unconverted_note(data.unconverted, data.currency, tr))
        return []
    _month_axis(axes, data.period, tr)
    if isinstance(data, IncomeData):
        return _draw_income(axes, data, tr)
    if isinstance(data, WageData):
        return _draw_wage(axes, data, tr)
    if isinstance(data, TimeData):
        return _draw_time(axes, data, tr)
    if isinstance(data, PayoutData):
        return _draw_payouts(axes, data, tr)
    return _draw_rejections(axes, data, tr)


def _emptied_axes(figure: Figure) -> Axes:
    """The figure's Axes from an earlier drawing, emptied, else a new one.

    Emptying keeps the Axes and its tick objects, which matplotlib makes slowly (a
    third of the time to redraw a chart); everything a drawing sets is set again or
    reset here, so the result is the one a new Axes would give (a test compares).
    """
    from matplotlib.transforms import Bbox

    if len(figure.axes) != 1 or not getattr(figure.axes[0], "_clickwage_chart", False):
        figure.clear()
        axes = figure.add_subplot()
        axes._clickwage_chart = True  # type: ignore[attr-defined]
        return axes
    axes = figure.axes[0]
    for artist in [*axes.collections, *axes.lines, *axes.patches, *axes.texts, *figure.texts]:
        artist.remove()
    if axes.legend_ is not None:
        axes.legend_.remove()
    axes.set_axis_on()
    axes.set_xlabel("")
    axes.set_ylabel("")
    axes.dataLim.set(Bbox.null())
    axes.ignore_existing_data_limits = True
    axes.set_autoscale_on(True)
    for label in axes.get_xticklabels():
        label.set_rotation(0)
        label.set_horizontalalignment("center")
    return axes


TITLES: dict[str, str] = {
    "income": N_("Income per month"),
    "wage": N_("Real hourly wage per month"),
    "time": N_("Where your working hours went"),
    "payouts": N_("How long payouts took"),
    "rejections": N_("Rejection rate per month"),
}


def chart_title(kind: ChartKind, tr: Translator) -> str:
    return tr.gettext(TITLES[kind])


def output_format(path: Path, tr: Translator) -> str:
    """png, svg or pdf from the file's extension; InvalidInput naming any other."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = suffix or tr.gettext("(none)")
        raise InvalidInput(
            tr.gettext(
                "{path}: the extension {extension} is not a chart format; "
                "use .png, .svg or .pdf."
            ).format(path=path, extension=shown)
        )
    return FORMATS[suffix]


def check_target(path: Path, tr: Translator) -> str:
    """The format of `path` ("png", "svg", "pdf"); InvalidInput if it cannot be written there."""
    fmt = output_format(path, tr)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(
            tr.gettext("Cannot write {path}: the folder {folder} does not exist.").format(
                path=path, folder=folder
            )
        )
    return fmt


def save_figure(figure: Figure, path: Path, tr: Translator) -> None:
    """Write the figure as PNG, SVG or PDF (from the extension), all or nothing."""
    fmt = check_target(path, tr)
    folder = path.parent
    metadata: dict[str, Any] = {"Creator": "Clickwage"}
    if fmt == "png":
        metadata = {"Software": "Clickwage"}
    handle, temporary = tempfile.mkstemp(prefix=".clickwage-chart-", suffix=path.suffix,
                                         dir=folder)
    os.close(handle)
    try:
        from matplotlib import rc_context

        # With a layout engine savefig draws twice (once to lay out): lay out here, once.
        dpi = PNG_DPI if fmt == "png" else FIGURE_DPI
        engine = figure.get_layout_engine()
        if engine is not None:
            shown_dpi = figure.dpi
            figure.set_dpi(dpi)  # measured at the dpi of the file, as savefig would
            try:
                engine.execute(figure)
            finally:
                figure.set_dpi(shown_dpi)
            figure.set_layout_engine(None)
        try:
            # TrueType fonts in PDFs (not Type 3): text that readers can search and copy.
            with rc_context({"pdf.fonttype": 42}):
                figure.savefig(temporary, format=fmt, dpi=dpi, facecolor="white",
                               metadata=metadata)
        finally:
            if engine is not None:
                figure.set_layout_engine(engine)
        os.replace(temporary, path)
    except OSError as error:
        raise InvalidInput(
            tr.gettext("Cannot write {path}: {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def prewarm() -> None:
    """Import matplotlib and draw a tiny figure once: fonts and the Agg renderer get loaded."""
    import io

    figure = new_figure((2.0, 1.5))
    axes = figure.add_subplot()
    axes.bar([0, 1], [1, 2])
    axes.set_title("Clickwage 1\u202f234,56\u00a0€", fontweight="bold")
    figure.savefig(io.BytesIO(), format="png")


# -- the charts ------------------------------------------------------------------------------


def _draw_income(axes: Axes, data: IncomeData, tr: Translator) -> list[HoverTarget]:
    from matplotlib.patches import Patch

    months = data.period.months
    cur = data.currency
    scale = 10 ** currency_digits(cur)
    targets: list[HoverTarget] = []
    width = 0.7 if len(months) > 1 else 0.4
    handles: list[Any] = []
    top = [0.0] * len(months)

    def month_text(template: str, platform: str, index: int, minor: int) -> Callable[[], str]:
        def text() -> str:  # formatted when hovered: hundreds of bars, few hovered
            return tr.gettext(template).format(platform=platform, month=months[index].long_label,
                                               amount=format_money(minor, cur, tr.locale))

        return text

    for series in data.earned:
        values = [(v or 0) / scale for v in series.values]
        for index, box in _bars(axes, values, top, width, facecolors=series.color,
                                edgecolors="white", linewidths=0.6, zorder=2):
            targets.append(HoverTarget(month_text("{platform}, {month}: earned {amount}",
                                                  series.platform, index,
                                                  series.values[index] or 0), axes, box))
        top = [t + v for t, v in zip(top, values, strict=True)]
        handles.append(Patch(facecolor=series.color, label=series.platform))
    earned_top = list(top)
    for series in data.pending:
        values = [(v or 0) / scale for v in series.values]
        for index, box in _bars(axes, values, top, width, facecolors="white",
                                edgecolors=series.color, hatch="///", linewidths=0.8, zorder=2):
            targets.append(HoverTarget(month_text("{platform}, {month}: {amount} still pending",
                                                  series.platform, index,
                                                  series.values[index] or 0), axes, box))
        top = [t + v for t, v in zip(top, values, strict=True)]
    bottom = [0.0] * len(months)
    for series in data.rejected:
        values = [-(v or 0) / scale for v in series.values]
        for index, box in _bars(axes, values, bottom, width, facecolors=series.color,
                                alpha=0.45, edgecolors=series.color,
                                linewidths=0.6, zorder=2):
            targets.append(HoverTarget(
                month_text("{platform}, {month}: {amount} rejected (not paid)", series.platform,
                           index, series.values[index] or 0), axes, box))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.axhline(0, color=THRESHOLD_COLOR, linewidth=0.8, zorder=3)
    peak = max([*top, 0.0])
    if len(months) <= 6:  # more totals would overlap: the tooltips say them
        for index, value in enumerate(earned_top):
            if value > 0:
                axes.annotate(labels.money_short(value, cur, tr), (index, top[index]),
                              xytext=(0, 3), textcoords="offset points", ha="center",
                              va="bottom", fontsize=8, color=MUTED)
    low = min([*bottom, 0.0])
    axes.set_ylim(low * 1.15 if low < 0 else 0, peak * 1.15 if peak > 0 else 1)
    axes.set_ylabel(tr.gettext("Amount ({symbol})").format(symbol=labels.symbol(cur, tr)))
    axes.yaxis.set_major_formatter(labels.money_ticks(cur, tr))
    if any(any(s.values) for s in data.pending):
        handles.append(Patch(facecolor="white", edgecolor=MUTED, hatch="///",
                             label=tr.gettext("Pending (not decided yet)")))
    if any(any(s.values) for s in data.rejected):
        handles.append(Patch(facecolor="#BBBBBB", edgecolor=MUTED,
                             label=tr.gettext("Rejected (lost, below zero)")))
    _legend(axes, handles)
    if data.unconverted:
        _note(axes, _unconverted_note(data.unconverted, cur, tr))
    return targets


def _draw_wage(axes: Axes, data: WageData, tr: Translator) -> list[HoverTarget]:
    months = data.period.months
    cur = data.currency
    xs = list(range(len(months)))
    targets: list[HoverTarget] = []
    threshold = float(data.threshold)
    values_seen: list[float] = [threshold]
    axes.axhspan(min(0.0, threshold), threshold, color=BELOW_COLOR, alpha=0.07, zorder=0,
                 label=tr.gettext("Below your minimum"))
    axes.axhline(threshold, color=THRESHOLD_COLOR, linestyle="--", linewidth=1.3, zorder=3,
                 label=tr.gettext("Your minimum: {amount}").format(
                     amount=labels.per_hour(data.threshold, cur, tr)))
    below_x: list[float] = []
    below_y: list[float] = []
    for series in data.series:
        ys = [math.nan if v is None else float(v) for v in series.values]
        axes.plot(xs, ys, color=series.color, marker="o", markersize=5, linewidth=2,
                  label=series.platform, zorder=4)
        for index, value in enumerate(series.values):
            if value is None:
                continue
            values_seen.append(float(value))
            below = value < series.threshold
            if below:
                below_x.append(index)
                below_y.append(float(value))
            targets.append(HoverTarget(_wage_text(series, index, value, months, cur, tr),
                                       axes, point=(index, float(value))))
    if len(data.series) > 1 and any(v is not None for v in data.all_platforms):
        ys = [math.nan if v is None else float(v) for v in data.all_platforms]
        axes.plot(xs, ys, color="#333333", marker="s", markersize=4, linewidth=2.5,
                  linestyle=":", label=tr.gettext("All platforms"), zorder=5)
        for index, value in enumerate(data.all_platforms):
            if value is not None:
                values_seen.append(float(value))
                targets.append(HoverTarget(
                    tr.gettext("All platforms, {month}: {wage}").format(
                        month=months[index].long_label, wage=labels.per_hour(value, cur, tr)),
                    axes, point=(index, float(value))))
    if below_x:
        axes.scatter(below_x, below_y, s=150, facecolors="none", edgecolors=BELOW_COLOR,
                     linewidths=1.8, zorder=6, label=tr.gettext("Month below your minimum"))
    low, high = min(values_seen), max(values_seen)
    axes.set_ylim(min(0.0, low * 1.1), high * 1.15 if high > 0 else 1)
    axes.set_ylabel(tr.gettext("Per hour ({symbol})").format(symbol=labels.symbol(cur, tr)))
    axes.yaxis.set_major_formatter(labels.money_ticks(cur, tr))
    _legend(axes, axes.get_legend_handles_labels()[0])
    if data.unconverted:
        _note(axes, _unconverted_note(data.unconverted, cur, tr))
    return targets


def _wage_text(
    series: WageSeries,
    index: int,
    value: Decimal,
    months: Sequence[MonthSlice],
    cur: str,
    tr: Translator,
) -> Callable[[], str]:
    def text() -> str:
        said = tr.gettext("{platform}, {month}: {wage} over {time}").format(
            platform=series.platform, month=months[index].long_label,
            wage=labels.per_hour(value, cur, tr), time=labels.duration(series.seconds[index], tr))
        if value < series.threshold:
            said += " " + tr.gettext("(below your minimum of {amount})").format(
                amount=labels.per_hour(series.threshold, cur, tr))
        return said

    return text


def _time_text(month: str, activity: str, seconds: int, total: int,
               tr: Translator) -> Callable[[], str]:
    def text() -> str:
        share = Decimal(seconds) / Decimal(total or 1)
        return tr.gettext("{month}: {activity} {time} ({percent} of {total})").format(
            month=month, activity=activity, time=labels.duration(seconds, tr),
            percent=labels.percent(share, tr), total=labels.duration(total, tr))

    return text


def _draw_time(axes: Axes, data: TimeData, tr: Translator) -> list[HoverTarget]:
    from matplotlib.patches import Patch

    months = data.period.months
    width = 0.7 if len(months) > 1 else 0.4
    layers: list[tuple[str, tuple[int, ...]]] = [("task", data.paid)]
    layers += [(kind, values) for kind, values in data.by_activity if any(values)]
    if any(data.gaps):
        layers.append(("gaps", data.gaps))
    unit = 3600 if max(data.total) >= 2 * 3600 else 60  # hours, or minutes for little time
    bottom = [0.0] * len(months)
    targets: list[HoverTarget] = []
    handles: list[Any] = []
    for kind, seconds in layers:
        hours = [s / unit for s in seconds]
        name = tr.gettext(ACTIVITY_NAMES[kind])
        for index, box in _bars(axes, hours, bottom, width, facecolors=ACTIVITY_COLORS[kind],
                                edgecolors="white", linewidths=0.6, zorder=2):
            targets.append(HoverTarget(
                _time_text(months[index].long_label, name, seconds[index], data.total[index],
                           tr), axes, box))
        bottom = [b + h for b, h in zip(bottom, hours, strict=True)]
        handles.append(Patch(facecolor=ACTIVITY_COLORS[kind], label=name))
    short = len(months) > 6  # no room for "unpaid" above each of many bars
    for index, total in enumerate(data.total):
        if total:
            share = Decimal(data.unpaid[index]) / Decimal(total)
            text = labels.percent(round(share, 2), tr) if short else tr.gettext(
                "{percent} unpaid").format(percent=labels.percent(share, tr))
            axes.annotate(text, (index, bottom[index]), xytext=(0, 3),
                          textcoords="offset points", ha="center", va="bottom", fontsize=8,
                          color=MUTED)
    peak = max([*bottom, 0.0])
    axes.set_ylim(0, peak * 1.15 if peak > 0 else 1)
    axes.set_ylabel(tr.gettext("Hours") if unit == 3600 else tr.gettext("Minutes"))
    if short:
        handles.append(Patch(facecolor="none", edgecolor="none",
                             label=tr.gettext("% above a bar: its unpaid share")))
    _legend(axes, handles)
    return targets


def _draw_payouts(axes: Axes, data: PayoutData, tr: Translator) -> list[HoverTarget]:
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    targets: list[HoverTarget] = []
    groups: dict[str, list[Any]] = {}
    for point in sorted(data.points, key=lambda p: p.platform.casefold()):
        groups.setdefault(point.platform, []).append(point)
    for name, points in groups.items():
        color = points[0].color
        done = [p for p in points if not p.waiting]
        waiting = [p for p in points if p.waiting]
        # Every platform gets one legend entry in its colour, even with only waiting payouts.
        axes.scatter([p.position for p in done], [float(p.days) for p in done], s=40,
                     color=color, edgecolors="white", linewidths=0.6, zorder=4, label=name)
        axes.scatter([p.position for p in waiting], [float(p.days) for p in waiting], s=70,
                     marker="^", facecolors="white", edgecolors=color, linewidths=1.8,
                     zorder=5)
        for point in points:
            amount = format_money(point.amount, point.currency, tr.locale)
            day = labels.day(point.requested_day, tr)
            if point.waiting:
                text = tr.gettext(
                    "{platform}: {amount} requested on {day}, still waiting after {days} days"
                )
            else:
                text = tr.gettext("{platform}: {amount} requested on {day}, paid after {days} days")
            text = text.format(platform=point.platform, amount=amount, day=day,
                               days=labels.number(point.days, tr))
            if point.late:
                text += " " + tr.gettext("(late: more than {limit} days)").format(
                    limit=point.limit_days)
            targets.append(HoverTarget(text, axes, point=(point.position, float(point.days))))
    axes.axhline(data.threshold_days, color=THRESHOLD_COLOR, linestyle="--", linewidth=1.3,
                 zorder=3, label=tr.gettext("Your limit: {days} days").format(
                     days=data.threshold_days))
    handles: list[Any] = list(axes.get_legend_handles_labels()[0])
    if any(p.waiting for p in data.points):
        handles.append(Line2D([], [], marker="^", linestyle="none", markersize=8,
                              markerfacecolor="white", markeredgecolor=MUTED,
                              markeredgewidth=1.8,
                              label=tr.gettext("Still waiting (age so far)")))
    peak = max([float(p.days) for p in data.points] + [float(data.threshold_days)])
    axes.set_ylim(0, peak * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(tr.gettext("Days from request to payment"))
    months = len(data.period.months)
    axes.set_xticks([i + 0.5 for i in range(months - 1)], minor=True)
    axes.grid(axis="x", which="minor", color="#E5E5E5", linewidth=0.8)
    axes.tick_params(axis="x", which="minor", length=0)
    _legend(axes, handles)
    return targets


def _draw_rejections(axes: Axes, data: RejectionData, tr: Translator) -> list[HoverTarget]:
    from matplotlib.ticker import FuncFormatter

    months = data.period.months
    xs = list(range(len(months)))
    targets: list[HoverTarget] = []
    threshold = float(data.threshold)
    seen = [threshold]
    for series in data.series:
        rates = series.rates
        ys = [math.nan if r is None else float(r) for r in rates]
        axes.plot(xs, ys, color=series.color, marker="o", markersize=5, linewidth=2,
                  label=series.platform, zorder=4)
        for index, rate in enumerate(rates):
            if rate is None:
                continue
            seen.append(float(rate))
            targets.append(HoverTarget(
                tr.gettext(
                    "{platform}, {month}: {rejected} rejected of {decided} decided tasks "
                    "({percent})"
                ).format(platform=series.platform, month=months[index].long_label,
                         rejected=series.rejected[index], decided=series.decided[index],
                         percent=labels.percent(rate, tr)),
                axes, point=(index, float(rate))))
    axes.axhline(threshold, color=THRESHOLD_COLOR, linestyle="--", linewidth=1.3, zorder=3,
                 label=tr.gettext("Your limit: {percent}").format(
                     percent=labels.percent(data.threshold, tr)))
    axes.set_ylim(0, max(seen) * 1.2)
    axes.yaxis.set_major_formatter(FuncFormatter(
        lambda value, _pos: labels.percent_tick(f"{float(value):.4f}", tr.locale)))
    axes.set_ylabel(tr.gettext("Share of decided tasks rejected"))
    _legend(axes, axes.get_legend_handles_labels()[0])
    return targets


# -- shared pieces ---------------------------------------------------------------------------


def _month_axis(axes: Axes, period: ChartPeriod, tr: Translator) -> None:
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


def _bars(
    axes: Axes, heights: Sequence[float], bottoms: Sequence[float], width: float, **style: Any
) -> list[tuple[int, Box]]:
    """Bars as one collection (far cheaper to build and draw than one patch per bar).

    Returns (month index, box) for each bar that is not empty.
    """
    from matplotlib.collections import PolyCollection

    boxes: list[tuple[int, Box]] = []
    for index, (height, bottom) in enumerate(zip(heights, bottoms, strict=True)):
        if height:
            low, high = sorted((bottom, bottom + height))
            boxes.append((index, (index - width / 2, low, index + width / 2, high)))
    if boxes:
        verts = [[(x0, y0), (x0, y1), (x1, y1), (x1, y0)] for _i, (x0, y0, x1, y1) in boxes]
        axes.add_collection(PolyCollection(verts, **style), autolim=False)
    return boxes


@cache
def _margins_engine() -> type:
    """A cheap layout engine: margins in inches from the axes' labels and the legend.

    (matplotlib's constrained layout measures every artist twice per draw, a third of
    the drawing time.) Only the tick labels and the legend are measured: the left
    margin fits the value axis, the bottom one the month names, the right one the
    legend, the top one the title and the caption.
    """
    from matplotlib.layout_engine import LayoutEngine

    class FixedMargins(LayoutEngine):
        _adjust_compatible = True
        _colorbar_gridspec = True

        def __init__(self, axes: Axes, heading: Any, subheading: Any) -> None:
            super().__init__()
            self._axes = axes
            self._headings = (heading, subheading)

        def execute(self, fig: Any) -> None:
            width, height = fig.get_size_inches()
            dpi = fig.dpi
            axes = self._axes
            left = bottom = right = 0.3
            if axes.axison:
                # Tick labels are laid out once here; drawing reuses that layout.
                ybox = axes.yaxis.get_tightbbox()
                xbox = axes.xaxis.get_tightbbox()
                if ybox is not None:
                    left = ybox.width / dpi + 0.2
                if xbox is not None:
                    bottom = xbox.height / dpi + 0.15
            legend = axes.get_legend()
            if legend is not None:
                right = legend.get_window_extent().width / dpi + 0.3
            top = 0.7
            left_f = min(left / width, 0.3)
            right_f = max(left_f + 0.2, 1 - min(right / width, 0.5))
            bottom_f = min(bottom / height, 0.45)
            top_f = max(bottom_f + 0.2, 1 - top / height)
            fig.subplots_adjust(left=left_f, right=right_f, bottom=bottom_f, top=top_f)
            heading, subheading = self._headings
            heading.set_position((min(0.12 / width, 0.05), 1 - 0.1 / height))
            subheading.set_position((min(0.12 / width, 0.05), 1 - 0.38 / height))

    return FixedMargins


def _draw_empty(axes: Axes, tr: Translator) -> None:
    axes.set_axis_off()
    axes.text(0.5, 0.5, tr.gettext("No data for this period"), transform=axes.transAxes,
              ha="center", va="center", fontsize=14, color=MUTED)


def _legend(axes: Axes, handles: Sequence[Any]) -> None:
    if handles:
        axes.legend(handles=list(handles), loc="upper left", bbox_to_anchor=(1.01, 1.0),
                    frameon=False, fontsize="small", borderaxespad=0.0)


def _note(axes: Axes, text: str) -> None:
    axes.set_xlabel(text, fontsize=8, color=MUTED, loc="left")


def _unconverted_note(platforms: Sequence[str], currency: str, tr: Translator) -> str:
    return tr.gettext(
        "Left out: amounts of {platforms} with no exchange rate to {home}."
    ).format(platforms=", ".join(platforms), home=currency)
