"""The money charts' data: income (earned, pending and rejected value) and the real
hourly wage, per platform and month in the home currency, and how each is built from
the monthly reports.
No matplotlib here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from app.charts.inputs import ChartInputs, ChartKind, platform_rows
from app.charts.palette import platform_color
from app.charts.periods import ChartPeriod
from app.domain.money import to_decimal
from app.services.reports import PlatformReport


@dataclass(frozen=True)
class MoneySeries:
    """One platform's monthly amounts in the home currency's minor units."""

    platform: str
    color: str
    values: tuple[int | None, ...]  # None: a rate to the home currency is missing that month


@dataclass(frozen=True)
class IncomeData:
    """Earned (with bonuses), pending value and rejected value per platform and month."""

    kind: ClassVar[ChartKind] = "income"
    period: ChartPeriod
    currency: str  # the home currency
    earned: tuple[MoneySeries, ...]
    pending: tuple[MoneySeries, ...]
    rejected: tuple[MoneySeries, ...]
    unconverted: tuple[str, ...]  # platforms with amounts left out: no exchange rate

    @property
    def is_empty(self) -> bool:
        return not any(
            value
            for group in (self.earned, self.pending, self.rejected)
            for series in group
            for value in series.values
        )


@dataclass(frozen=True)
class WageSeries:
    platform: str
    color: str
    values: tuple[Decimal | None, ...]  # home effective_hourly; None without time or rate
    seconds: tuple[int, ...]  # seconds_total behind each value
    threshold: Decimal  # the platform's minimum wage (its override, else the setting)

    @property
    def below(self) -> tuple[bool, ...]:
        return tuple(v is not None and v < self.threshold for v in self.values)


@dataclass(frozen=True)
class WageData:
    """The real hourly wage (net ÷ all working time) per platform and month, home currency."""

    kind: ClassVar[ChartKind] = "wage"
    period: ChartPeriod
    currency: str
    series: tuple[WageSeries, ...]
    all_platforms: tuple[Decimal | None, ...]  # every platform together (the report's total)
    threshold: Decimal  # the minimum wage drawn as a line (major units per hour)
    unconverted: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not any(v is not None for s in self.series for v in s.values)


def build_income(inputs: ChartInputs) -> IncomeData:
    earned: list[MoneySeries] = []
    pending: list[MoneySeries] = []
    rejected: list[MoneySeries] = []
    unconverted: list[str] = []
    for info, reports in platform_rows(inputs):
        color = platform_color(info.id)
        values = {
            name: tuple(
                None if r is None or r.home is None else int(getattr(r.home, name)) for r in reports
            )
            for name in ("earned", "pending_value", "rejected_value")
        }
        if any(r is not None and r.home is None and _has_money(r) for r in reports):
            unconverted.append(info.name)
        if not any(any(v) for v in values.values()):
            continue
        earned.append(MoneySeries(info.name, color, values["earned"]))
        pending.append(MoneySeries(info.name, color, values["pending_value"]))
        rejected.append(MoneySeries(info.name, color, values["rejected_value"]))
    return IncomeData(
        inputs.period,
        inputs.settings.home_currency,
        tuple(earned),
        tuple(pending),
        tuple(rejected),
        tuple(unconverted),
    )


def _has_money(report: PlatformReport) -> bool:
    totals = report.totals
    return bool(
        totals.earned_with_bonus
        or totals.pending_value
        or totals.rejected_value
        or report.other_currencies
        or report.fees
    )


def build_wage(inputs: ChartInputs) -> WageData:
    settings = inputs.settings
    home = settings.home_currency
    series: list[WageSeries] = []
    unconverted: list[str] = []
    for info, reports in platform_rows(inputs):
        seconds = tuple(0 if r is None else r.time.seconds_total for r in reports)
        if not any(seconds):
            continue
        values = tuple(
            None if r is None or r.home is None else r.home.effective_hourly for r in reports
        )
        if any(r is not None and r.home is None and r.time.seconds_total for r in reports):
            unconverted.append(info.name)
        minimum = settings.min_wage if info.min_wage is None else info.min_wage
        series.append(
            WageSeries(
                info.name, platform_color(info.id), values, seconds, to_decimal(minimum, home)
            )
        )
    if inputs.period.platform and series:
        threshold = series[0].threshold
    elif inputs.period.platform:
        override = inputs.platforms[inputs.period.platform].min_wage
        threshold = to_decimal(settings.min_wage if override is None else override, home)
    else:
        threshold = to_decimal(settings.min_wage, home)
    return WageData(
        inputs.period,
        home,
        tuple(series),
        tuple(r.effective_hourly for r in inputs.reports),
        threshold,
        tuple(unconverted),
    )
