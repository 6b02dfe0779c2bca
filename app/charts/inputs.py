"""What every chart's data is built from: the chart kinds, and the period's monthly
reports (read in one pass, from a cache when there is one) with the settings and the
platforms; also each platform's report row in every month.
No matplotlib here.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.charts.periods import ChartPeriod, MonthSlice, chart_period
from app.services import Services
from app.services.records import PlatformInfo
from app.services.reports import PlatformReport, Report
from app.services.settings import Settings

ChartKind = Literal["income", "wage", "time", "payouts", "rejections"]
KINDS: tuple[ChartKind, ...] = ("income", "wage", "time", "payouts", "rejections")


@dataclass(frozen=True)
class ChartInputs:
    period: ChartPeriod
    settings: Settings
    platforms: dict[str, PlatformInfo]
    reports: tuple[Report, ...]  # one per month slice


ReportCache = MutableMapping[tuple[date, date, str | None], Report]


def monthly_reports(
    services: Services,
    months: Sequence[MonthSlice],
    platform: str | None,
    cache: ReportCache | None = None,
    time: bool = True,
    money: bool = True,
    activities: bool = True,
) -> tuple[Report, ...]:
    """One report per month (without flags), the months not in `cache` read together in
    one pass; `cache` (kept by a caller while the data does not change) saves the months
    already computed, e.g. when "last 3 months" becomes "last 12". `time=False` skips the
    time figures (for the charts that show money and counts only), `activities=False`
    the paid time and the time per activity (the wage chart needs seconds_total only),
    `money=False` the counts and amounts (for the time chart); not with a cache."""
    assert (time and money and activities) or cache is None, "a cache holds whole reports"
    keys = [(month.first, month.end, platform) for month in months]
    found: dict[tuple[date, date, str | None], Report] = {}
    if cache is not None:
        found = {key: cache[key] for key in keys if key in cache}
    missing = [key for key in keys if key not in found]
    if missing:
        computed = services.reports.reports(
            [(first, end) for first, end, _ in missing],
            platform,
            time=time,
            flags=False,
            money=money,
            activities=activities,
        )
        for key, report in zip(missing, computed, strict=True):
            found[key] = report
            if cache is not None:
                cache[key] = report
    return tuple(found[key] for key in keys)


def read_inputs(
    services: Services,
    first: date,
    end: date,
    platform: str | None,
    with_reports: bool = True,
    cache: ReportCache | None = None,
    time: bool = True,
    money: bool = True,
    activities: bool = True,
) -> ChartInputs:
    tr = services.ctx.tr
    name = services.platforms.get(platform).name if platform else None  # refuses unknown names
    period = chart_period(first, end, name, tr)
    reports = (
        monthly_reports(services, period.months, name, cache, time, money, activities)
        if with_reports
        else ()
    )
    platforms = {p.name: p for p in services.platforms.list()}
    return ChartInputs(period, services.settings.current(), platforms, reports)


def platform_rows(
    inputs: ChartInputs,
) -> list[tuple[PlatformInfo, list[PlatformReport | None]]]:
    """Each platform of the reports, in the reports' order, with its row in every month."""
    order: dict[int, PlatformInfo] = {}
    for report in inputs.reports:
        for row in report.platforms:
            order.setdefault(row.platform.id, row.platform)
    result: list[tuple[PlatformInfo, list[PlatformReport | None]]] = []
    for pid, info in order.items():
        rows: list[PlatformReport | None] = []
        for report in inputs.reports:
            rows.append(next((r for r in report.platforms if r.platform.id == pid), None))
        result.append((info, rows))
    return result
