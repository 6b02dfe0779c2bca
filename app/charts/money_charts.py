"""The money charts: income per month, and the real hourly wage per month."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.charts import labels
from app.charts.chart_parts import (
    BELOW_COLOR,
    MUTED,
    THRESHOLD_COLOR,
    add_legend,
    bars,
    dots,
    label_above,
    note,
    unconverted_note,
)
from app.charts.data import (
    IncomeData,
    MoneySeries,
    MonthSlice,
    WageData,
    WageSeries,
)
from app.charts.hover import HoverTarget
from app.domain.money import currency_digits, format_money
from app.i18n import N_, Translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes


# What hovering a bar of the income chart says (translated when shown).
EARNED_TEXT = N_("{platform}, {month}: earned {amount}")
PENDING_TEXT = N_("{platform}, {month}: {amount} still pending")
REJECTED_TEXT = N_("{platform}, {month}: {amount} rejected (not paid)")


def draw_income(axes: Axes, data: IncomeData, tr: Translator) -> list[HoverTarget]:
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
            return tr.gettext(template).format(
                platform=platform,
                month=months[index].long_label,
                amount=format_money(minor, cur, tr.locale),
            )

        return text

    def stack(
        series: MoneySeries, base: list[float], sign: int, template: str, **style: Any
    ) -> list[float]:
        """Bars of `series` on `base` (upwards, or downwards with sign -1); the new base."""
        values = [sign * (v or 0) / scale for v in series.values]
        for index, box in bars(axes, values, base, width, zorder=2, **style):
            hover = month_text(template, series.platform, index, series.values[index] or 0)
            targets.append(HoverTarget(hover, axes, box))
        return [b + v for b, v in zip(base, values, strict=True)]

    for series in data.earned:
        top = stack(
            series,
            top,
            1,
            EARNED_TEXT,
            facecolors=series.color,
            edgecolors="white",
            linewidths=0.6,
        )
        handles.append(Patch(facecolor=series.color, label=series.platform))
    earned_top = list(top)
    for series in data.pending:
        top = stack(
            series,
            top,
            1,
            PENDING_TEXT,
            facecolors="white",
            edgecolors=series.color,
            hatch="///",
            linewidths=0.8,
        )
    bottom = [0.0] * len(months)
    for series in data.rejected:
        bottom = stack(
            series,
            bottom,
            -1,
            REJECTED_TEXT,
            facecolors=series.color,
            alpha=0.45,
            edgecolors=series.color,
            linewidths=0.6,
        )
    axes.axhline(0, color=THRESHOLD_COLOR, linewidth=0.8, zorder=3)
    peak = max([*top, 0.0])
    if len(months) <= 6:  # more totals would overlap: the tooltips say them
        for index, value in enumerate(earned_top):
            if value > 0:
                label_above(axes, labels.money_short(value, cur, tr), index, top[index])
    low = min([*bottom, 0.0])
    axes.set_ylim(low * 1.15 if low < 0 else 0, peak * 1.15 if peak > 0 else 1)
    axes.set_ylabel(tr.gettext("Amount ({symbol})").format(symbol=labels.symbol(cur, tr)))
    axes.yaxis.set_major_formatter(labels.money_ticks(cur, tr))
    if any(any(s.values) for s in data.pending):
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=MUTED,
                hatch="///",
                label=tr.gettext("Pending (not decided yet)"),
            )
        )
    if any(any(s.values) for s in data.rejected):
        handles.append(
            Patch(
                facecolor="#BBBBBB",
                edgecolor=MUTED,
                label=tr.gettext("Rejected (lost, below zero)"),
            )
        )
    add_legend(axes, handles)
    if data.unconverted:
        note(axes, unconverted_note(data.unconverted, cur, tr))
    return targets


def draw_wage(axes: Axes, data: WageData, tr: Translator) -> list[HoverTarget]:
    months = data.period.months
    cur = data.currency
    xs = list(range(len(months)))
    targets: list[HoverTarget] = []
    threshold = float(data.threshold)
    values_seen: list[float] = [threshold]
    axes.axhspan(
        min(0.0, threshold),
        threshold,
        color=BELOW_COLOR,
        alpha=0.07,
        zorder=0,
        label=tr.gettext("Below your minimum"),
    )
    axes.axhline(
        threshold,
        color=THRESHOLD_COLOR,
        linestyle="--",
        linewidth=1.3,
        zorder=3,
        label=tr.gettext("Your minimum: {amount}").format(
            amount=labels.per_hour(data.threshold, cur, tr)
        ),
    )
    below_x: list[float] = []
    below_y: list[float] = []
    for series in data.series:
        ys = [math.nan if v is None else float(v) for v in series.values]
        axes.plot(
            xs,
            ys,
            color=series.color,
            marker="o",
            markersize=5,
            linewidth=2,
            label=series.platform,
            zorder=4,
        )
        for index, value in enumerate(series.values):
            if value is None:
                continue
            values_seen.append(float(value))
            below = value < series.threshold
            if below:
                below_x.append(index)
                below_y.append(float(value))
            targets.append(
                HoverTarget(
                    _wage_text(series, index, value, months, cur, tr),
                    axes,
                    point=(index, float(value)),
                )
            )
    if len(data.series) > 1 and any(v is not None for v in data.all_platforms):
        ys = [math.nan if v is None else float(v) for v in data.all_platforms]
        axes.plot(
            xs,
            ys,
            color="#333333",
            marker="s",
            markersize=4,
            linewidth=2.5,
            linestyle=":",
            label=tr.gettext("All platforms"),
            zorder=5,
        )
        for index, value in enumerate(data.all_platforms):
            if value is not None:
                values_seen.append(float(value))
                targets.append(
                    HoverTarget(
                        tr.gettext("All platforms, {month}: {wage}").format(
                            month=months[index].long_label, wage=labels.per_hour(value, cur, tr)
                        ),
                        axes,
                        point=(index, float(value)),
                    )
                )
    if below_x:
        dots(
            axes,
            below_x,
            below_y,
            area=150,
            face="none",
            edge=BELOW_COLOR,
            edge_width=1.8,
            zorder=6,
            label=tr.gettext("Month below your minimum"),
        )
    low, high = min(values_seen), max(values_seen)
    axes.set_ylim(min(0.0, low * 1.1), high * 1.15 if high > 0 else 1)
    axes.set_ylabel(tr.gettext("Per hour ({symbol})").format(symbol=labels.symbol(cur, tr)))
    axes.yaxis.set_major_formatter(labels.money_ticks(cur, tr))
    add_legend(axes, axes.get_legend_handles_labels()[0])
    if data.unconverted:
        note(axes, unconverted_note(data.unconverted, cur, tr))
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
            platform=series.platform,
            month=months[index].long_label,
            wage=labels.per_hour(value, cur, tr),
            time=labels.duration(series.seconds[index], tr),
        )
        if value < series.threshold:
            said += " " + tr.gettext("(below your minimum of {amount})").format(
                amount=labels.per_hour(series.threshold, cur, tr)
            )
        return said

    return text
