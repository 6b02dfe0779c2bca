"""What each chart shows, as plain comparable data built from the report service.

Every monthly figure is the report's own: `ReportService.reports()` gives the
report of each month of the period, all read in one pass (the first and the
last month are partial when the period starts or ends inside a month), so a
chart always agrees with `clickwage report` for the same days. The data
objects are frozen dataclasses: a view compares the new data with the old one
and redraws only when it changed.

This module builds all five charts' data (or one chart's); the pieces live next to it:
the colours in `palette`, the period in `periods`, the monthly reports in `inputs`,
the income and wage data in `money_data`, the time, payout and rejection data in
`work_data`. Every name is importable from here too.
No matplotlib here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.charts.inputs import KINDS, ChartKind, ReportCache, monthly_reports, read_inputs
from app.charts.money_data import (
    IncomeData,
    MoneySeries,
    WageData,
    WageSeries,
    build_income,
    build_wage,
)
from app.charts.palette import (
    ACTIVITY_COLORS,
    ACTIVITY_NAMES,
    OKABE_ITO,
    PLATFORM_COLORS,
    TOL_MUTED,
    platform_color,
)
from app.charts.periods import ChartPeriod, MonthSlice, chart_period, last_months, month_slices
from app.charts.work_data import (
    PayoutData,
    PayoutPoint,
    RejectionData,
    RejectionSeries,
    TimeData,
    build_payouts,
    build_rejections,
    build_time,
)
from app.services import Services

__all__ = [
    "ACTIVITY_COLORS",
    "ACTIVITY_NAMES",
    "KINDS",
    "OKABE_ITO",
    "PLATFORM_COLORS",
    "TOL_MUTED",
    "ChartData",
    "ChartKind",
    "ChartPeriod",
    "ChartSet",
    "IncomeData",
    "MoneySeries",
    "MonthSlice",
    "PayoutData",
    "PayoutPoint",
    "RejectionData",
    "RejectionSeries",
    "ReportCache",
    "TimeData",
    "WageData",
    "WageSeries",
    "chart_data",
    "chart_period",
    "chart_set",
    "income_data",
    "last_months",
    "month_slices",
    "monthly_reports",
    "payout_data",
    "platform_color",
    "rejection_data",
    "time_data",
    "wage_data",
]

ChartData = IncomeData | WageData | TimeData | PayoutData | RejectionData


@dataclass(frozen=True)
class ChartSet:
    income: IncomeData
    wage: WageData
    time: TimeData
    payouts: PayoutData
    rejections: RejectionData

    def get(self, kind: ChartKind) -> ChartData:
        data: ChartData = getattr(self, kind)
        return data


def chart_set(
    services: Services,
    first: date,
    end: date,
    platform: str | None = None,
    cache: ReportCache | None = None,
) -> ChartSet:
    """All five charts' data for local days [first, end), with one report per month."""
    inputs = read_inputs(services, first, end, platform, cache=cache)
    return ChartSet(
        build_income(inputs),
        build_wage(inputs),
        build_time(inputs),
        build_payouts(services, inputs),
        build_rejections(inputs),
    )


def chart_data(
    kind: ChartKind, services: Services, first: date, end: date, platform: str | None = None
) -> ChartData:
    """One chart's data, read with only what it shows: the payouts chart needs no report,
    only two need the time, and the wage chart only all the time worked (seconds_total)."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}")
    inputs = read_inputs(
        services,
        first,
        end,
        platform,
        with_reports=kind != "payouts",
        time=kind in ("wage", "time"),
        money=kind != "time",
        activities=kind == "time",
    )
    if kind == "income":
        return build_income(inputs)
    if kind == "wage":
        return build_wage(inputs)
    if kind == "time":
        return build_time(inputs)
    if kind == "payouts":
        return build_payouts(services, inputs)
    return build_rejections(inputs)


def income_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> IncomeData:
    return build_income(read_inputs(services, first, end, platform))


def wage_data(services: Services, first: date, end: date, platform: str | None = None) -> WageData:
    return build_wage(read_inputs(services, first, end, platform))


def time_data(services: Services, first: date, end: date, platform: str | None = None) -> TimeData:
    return build_time(read_inputs(services, first, end, platform))


def payout_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> PayoutData:
    return build_payouts(services, read_inputs(services, first, end, platform, with_reports=False))


def rejection_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> RejectionData:
    return build_rejections(read_inputs(services, first, end, platform))
