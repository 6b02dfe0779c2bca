"""The charts of time and of what platforms do: hours per activity, payout delays,
rejection rates."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.charts import labels
from app.charts.chart_parts import (
    MUTED,
    THRESHOLD_COLOR,
    add_legend,
    bars,
    dots,
    label_above,
)
from app.charts.data import (
    ACTIVITY_COLORS,
    ACTIVITY_NAMES,
    PayoutData,
    PayoutPoint,
    RejectionData,
    TimeData,
)
from app.charts.hover import HoverTarget
from app.domain.money import format_money
from app.i18n import Translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _time_text(
    month: str, activity: str, seconds: int, total: int, tr: Translator
) -> Callable[[], str]:
    def text() -> str:
        share = Decimal(seconds) / Decimal(total or 1)
        return tr.gettext("{month}: {activity} {time} ({percent} of {total})").format(
            month=month,
            activity=activity,
            time=labels.duration(seconds, tr),
            percent=labels.percent(share, tr),
            total=labels.duration(total, tr),
        )

    return text


def draw_time(axes: Axes, data: TimeData, tr: Translator) -> list[HoverTarget]:
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
        for index, box in bars(
            axes,
            hours,
            bottom,
            width,
            facecolors=ACTIVITY_COLORS[kind],
            edgecolors="white",
            linewidths=0.6,
            zorder=2,
        ):
            targets.append(
                HoverTarget(
                    _time_text(
                        months[index].long_label, name, seconds[index], data.total[index], tr
                    ),
                    axes,
                    box,
                )
            )
        bottom = [b + h for b, h in zip(bottom, hours, strict=True)]
        handles.append(Patch(facecolor=ACTIVITY_COLORS[kind], label=name))
    short = len(months) > 6  # no room for "unpaid" above each of many bars
    for index, total in enumerate(data.total):
        if total:
            share = Decimal(data.unpaid[index]) / Decimal(total)
            text = (
                labels.percent(round(share, 2), tr)
                if short
                else tr.gettext("{percent} unpaid").format(percent=labels.percent(share, tr))
            )
            label_above(axes, text, index, bottom[index])
    peak = max([*bottom, 0.0])
    axes.set_ylim(0, peak * 1.15 if peak > 0 else 1)
    axes.set_ylabel(tr.gettext("Hours") if unit == 3600 else tr.gettext("Minutes"))
    if short:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor="none",
                label=tr.gettext("% above a bar: its unpaid share"),
            )
        )
    add_legend(axes, handles)
    return targets


def draw_payouts(axes: Axes, data: PayoutData, tr: Translator) -> list[HoverTarget]:
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
        dots(
            axes,
            [p.position for p in done],
            [float(p.days) for p in done],
            area=40,
            face=color,
            edge="white",
            edge_width=0.6,
            zorder=4,
            label=name,
        )
        if waiting:
            dots(
                axes,
                [p.position for p in waiting],
                [float(p.days) for p in waiting],
                area=70,
                marker="^",
                face="white",
                edge=color,
                edge_width=1.8,
                zorder=5,
            )
        for point in points:
            targets.append(
                HoverTarget(
                    _payout_text(point, tr), axes, point=(point.position, float(point.days))
                )
            )
    axes.axhline(
        data.threshold_days,
        color=THRESHOLD_COLOR,
        linestyle="--",
        linewidth=1.3,
        zorder=3,
        label=tr.gettext("Your limit: {days} days").format(days=data.threshold_days),
    )
    handles: list[Any] = list(axes.get_legend_handles_labels()[0])
    if any(p.waiting for p in data.points):
        handles.append(
            Line2D(
                [],
                [],
                marker="^",
                linestyle="none",
                markersize=8,
                markerfacecolor="white",
                markeredgecolor=MUTED,
                markeredgewidth=1.8,
                label=tr.gettext("Still waiting (age so far)"),
            )
        )
    peak = max([float(p.days) for p in data.points] + [float(data.threshold_days)])
    axes.set_ylim(0, peak * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(tr.gettext("Days from request to payment"))
    months = len(data.period.months)
    axes.set_xticks([i + 0.5 for i in range(months - 1)], minor=True)
    axes.grid(axis="x", which="minor", color="#E5E5E5", linewidth=0.8)
    axes.tick_params(axis="x", which="minor", length=0)
    add_legend(axes, handles)
    return targets


def _payout_text(point: PayoutPoint, tr: Translator) -> Callable[[], str]:
    """What hovering a payout says, written only when it is hovered (hundreds of dots)."""

    def text() -> str:
        amount = format_money(point.amount, point.currency, tr.locale)
        day = labels.day(point.requested_day, tr)
        if point.waiting:
            template = tr.gettext(
                "{platform}: {amount} requested on {day}, still waiting after {days} days"
            )
        else:
            template = tr.gettext("{platform}: {amount} requested on {day}, paid after {days} days")
        said = template.format(
            platform=point.platform, amount=amount, day=day, days=labels.number(point.days, tr)
        )
        if point.late:
            said += " " + tr.gettext("(late: more than {limit} days)").format(
                limit=point.limit_days
            )
        return said

    return text


def draw_rejections(axes: Axes, data: RejectionData, tr: Translator) -> list[HoverTarget]:
    from matplotlib.ticker import FuncFormatter

    months = data.period.months
    xs = list(range(len(months)))
    targets: list[HoverTarget] = []
    threshold = float(data.threshold)
    seen = [threshold]
    for series in data.series:
        rates = series.rates
        ys = [math.nan if r is None else float(r) for r in rates]
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
        for index, rate in enumerate(rates):
            if rate is None:
                continue
            seen.append(float(rate))
            targets.append(
                HoverTarget(
                    tr.gettext(
                        "{platform}, {month}: {rejected} rejected of {decided} decided tasks "
                        "({percent})"
                    ).format(
                        platform=series.platform,
                        month=months[index].long_label,
                        rejected=series.rejected[index],
                        decided=series.decided[index],
                        percent=labels.percent(rate, tr),
                    ),
                    axes,
                    point=(index, float(rate)),
                )
            )
    axes.axhline(
        threshold,
        color=THRESHOLD_COLOR,
        linestyle="--",
        linewidth=1.3,
        zorder=3,
        label=tr.gettext("Your limit: {percent}").format(
            percent=labels.percent(data.threshold, tr)
        ),
    )
    axes.set_ylim(0, max(seen) * 1.2)
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: labels.percent_tick(f"{float(value):.4f}", tr.locale))
    )
    axes.set_ylabel(tr.gettext("Share of decided tasks rejected"))
    add_legend(axes, axes.get_legend_handles_labels()[0])
    return targets
