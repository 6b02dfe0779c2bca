"""The period a chart shows: its months (the first and the last cut to the period's
ends), with their labels and the caption, in the user's language.
No matplotlib here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date

from app.domain.localtime import next_month
from app.i18n import Translator


@dataclass(frozen=True)
class MonthSlice:
    """One month of the period: local days [first, end), cut to the period's ends."""

    first: date
    end: date
    label: str  # "Mar 2026", "mars 2026"
    long_label: str  # "March 2026"

    @property
    def partial(self) -> bool:
        return self.first.day != 1 or self.end != next_month(self.first)


@dataclass(frozen=True)
class ChartPeriod:
    first: date
    end: date  # the day after the last day
    platform: str | None  # the platform filter, None for all platforms
    months: tuple[MonthSlice, ...]
    caption: str  # "Dec 1, 2025 – Nov 30, 2026 · all platforms", in the user's language


def month_slices(first: date, end: date, tr: Translator) -> tuple[MonthSlice, ...]:
    """The months of local days [first, end), the first and last cut to the period."""
    slices: list[MonthSlice] = []
    start = first
    while start < end:
        stop = min(next_month(start.replace(day=1)), end)
        slices.append(
            MonthSlice(
                start,
                stop,
                str(format_date(start, "LLL yyyy", locale=tr.locale)),
                str(format_date(start, "LLLL yyyy", locale=tr.locale)),
            )
        )
        start = stop
    return tuple(slices)


def last_months(today: date, count: int) -> tuple[date, date]:
    """The `count` calendar months ending with today's month: (first day, day after the last)."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return date(index // 12, index % 12 + 1, 1), next_month(today.replace(day=1))


def chart_period(first: date, end: date, platform: str | None, tr: Translator) -> ChartPeriod:
    if end <= first:
        days = tr.gettext("no days")
    else:
        days = tr.gettext("{first} – {last}").format(
            first=format_date(first, "medium", locale=tr.locale),
            last=format_date(end - timedelta(days=1), "medium", locale=tr.locale),
        )
    who = platform if platform else tr.gettext("all platforms")
    return ChartPeriod(first, end, platform, month_slices(first, end, tr), f"{days} · {who}")
