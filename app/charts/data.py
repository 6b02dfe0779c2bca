"""What each chart shows, as plain comparable data built from the report service.

Every monthly figure is the report's own: `ReportService.reports()` gives the
report of each month of the period, all read in one pass (the first and the
last month are partial when the period starts or ends inside a month), so a
chart always agrees with `clickwage report` for the same days. The data
objects are frozen dataclasses: a view compares the new data with the old one
and redraws only when it changed.
No matplotlib here.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import ClassVar, Literal

from babel.dates import format_date

from app.domain.localtime import Period, local_date, next_month
from app.domain.money import round_half_up, to_decimal
from app.domain.statuses import UNPAID_ACTIVITIES, PayoutStatus, TaskStatus
from app.i18n import N_, Translator
from app.services import Services
from app.services.records import PlatformInfo
from app.services.reports import PlatformReport, Report
from app.services.settings import Settings

ChartKind = Literal["income", "wage", "time", "payouts", "rejections"]
KINDS: tuple[ChartKind, ...] = ("income", "wage", "time", "payouts", "rejections")

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# Paul Tol's "muted" scheme (2021), also made for colour-blind readers: the darker ones,
# for the 8th to the 11th platform.
TOL_MUTED = {"indigo": "#332288", "wine": "#882255", "teal": "#44AA99", "olive": "#999933"}
# Platform colours, by platform id: a platform keeps its colour in every chart and period.
# Black stays free for thresholds and totals; yellow, the hardest to see on white, comes
# after the other Okabe & Ito colours.
PLATFORM_COLORS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    TOL_MUTED["indigo"],
    TOL_MUTED["wine"],
    TOL_MUTED["teal"],
    TOL_MUTED["olive"],
)
# Time chart: paid work, then each unpaid activity, then the short bridged gaps.
ACTIVITY_COLORS = {
    "task": OKABE_ITO["blue"],
    "search": OKABE_ITO["orange"],
    "qualification": OKABE_ITO["sky_blue"],
    "communication": OKABE_ITO["reddish_purple"],
    "payment": OKABE_ITO["vermillion"],
    "other": OKABE_ITO["yellow"],
    "gaps": "#BBBBBB",
}
ACTIVITY_NAMES = {
    "task": N_("Paid tasks"),
    "search": N_("Searching for work"),
    "qualification": N_("Qualification tests"),
    "communication": N_("Messages"),
    "payment": N_("Managing payments"),
    "other": N_("Other unpaid work"),
    "gaps": N_("Short breaks (counted as work)"),
}


def platform_color(platform_id: int) -> str:
    return PLATFORM_COLORS[(platform_id - 1) % len(PLATFORM_COLORS)]


# -- the period ------------------------------------------------------------------------------


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


# -- the five charts' data -------------------------------------------------------------------


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


@dataclass(frozen=True)
class TimeData:
    """Hours per month by activity, summed over the platforms shown."""

    kind: ClassVar[ChartKind] = "time"
    period: ChartPeriod
    paid: tuple[int, ...]  # Σ seconds_task
    by_activity: tuple[tuple[str, tuple[int, ...]], ...]  # unpaid activities, Σ seconds
    gaps: tuple[int, ...]  # unpaid time in no activity: short gaps bridged into work
    total: tuple[int, ...]  # Σ seconds_total
    unpaid: tuple[int, ...]  # Σ seconds_unpaid

    @property
    def is_empty(self) -> bool:
        return not any(self.total)


@dataclass(frozen=True)
class PayoutPoint:
    platform: str
    color: str
    requested: datetime  # aware UTC
    requested_day: date  # local
    position: float  # on the month axis: month i spans [i - 0.5, i + 0.5)
    delay_seconds: int  # until received, or until now while still waiting
    waiting: bool
    amount: int
    currency: str
    limit_days: int  # the platform's max_payout_days

    @property
    def days(self) -> Decimal:
        return round_half_up(Decimal(self.delay_seconds) / 86400, 1)

    @property
    def late(self) -> bool:
        return self.delay_seconds > self.limit_days * 86400


@dataclass(frozen=True)
class PayoutData:
    """Each payout requested in the period: its delay, or its age while it is still waiting."""

    kind: ClassVar[ChartKind] = "payouts"
    period: ChartPeriod
    points: tuple[PayoutPoint, ...]
    threshold_days: int

    @property
    def is_empty(self) -> bool:
        return not self.points


@dataclass(frozen=True)
class RejectionSeries:
    platform: str
    color: str
    rejected: tuple[int, ...]
    decided: tuple[int, ...]  # approved + partially approved + rejected

    @property
    def rates(self) -> tuple[Decimal | None, ...]:
        return tuple(
            Decimal(r) / Decimal(d) if d else None
            for r, d in zip(self.rejected, self.decided, strict=True)
        )


@dataclass(frozen=True)
class RejectionData:
    kind: ClassVar[ChartKind] = "rejections"
    period: ChartPeriod
    series: tuple[RejectionSeries, ...]
    threshold: Decimal  # max_rejection_rate

    @property
    def is_empty(self) -> bool:
        return not any(any(s.decided) for s in self.series)


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


# -- building from the services --------------------------------------------------------------


@dataclass(frozen=True)
class _Inputs:
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


def _inputs(
    services: Services,
    first: date,
    end: date,
    platform: str | None,
    with_reports: bool = True,
    cache: ReportCache | None = None,
    time: bool = True,
    money: bool = True,
    activities: bool = True,
) -> _Inputs:
    tr = services.ctx.tr
    name = services.platforms.get(platform).name if platform else None  # refuses unknown names
    period = chart_period(first, end, name, tr)
    reports = (
        monthly_reports(services, period.months, name, cache, time, money, activities)
        if with_reports
        else ()
    )
    platforms = {p.name: p for p in services.platforms.list()}
    return _Inputs(period, services.settings.current(), platforms, reports)


def chart_set(
    services: Services,
    first: date,
    end: date,
    platform: str | None = None,
    cache: ReportCache | None = None,
) -> ChartSet:
    """All five charts' data for local days [first, end), with one report per month."""
    inputs = _inputs(services, first, end, platform, cache=cache)
    return ChartSet(
        _income(inputs),
        _wage(inputs),
        _time(inputs),
        _payouts(services, inputs),
        _rejections(inputs),
    )


def chart_data(
    kind: ChartKind, services: Services, first: date, end: date, platform: str | None = None
) -> ChartData:
    """One chart's data, read with only what it shows: the payouts chart needs no report,
    only two need the time, and the wage chart only all the time worked (seconds_total)."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}")
    inputs = _inputs(
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
        return _income(inputs)
    if kind == "wage":
        return _wage(inputs)
    if kind == "time":
        return _time(inputs)
    if kind == "payouts":
        return _payouts(services, inputs)
    return _rejections(inputs)


def income_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> IncomeData:
    return _income(_inputs(services, first, end, platform))


def wage_data(services: Services, first: date, end: date, platform: str | None = None) -> WageData:
    return _wage(_inputs(services, first, end, platform))


def time_data(services: Services, first: date, end: date, platform: str | None = None) -> TimeData:
    return _time(_inputs(services, first, end, platform))


def payout_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> PayoutData:
    return _payouts(services, _inputs(services, first, end, platform, with_reports=False))


def rejection_data(
    services: Services, first: date, end: date, platform: str | None = None
) -> RejectionData:
    return _rejections(_inputs(services, first, end, platform))


def _platform_rows(inputs: _Inputs) -> list[tuple[PlatformInfo, list[PlatformReport | None]]]:
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


def _income(inputs: _Inputs) -> IncomeData:
    earned: list[MoneySeries] = []
    pending: list[MoneySeries] = []
    rejected: list[MoneySeries] = []
    unconverted: list[str] = []
    for info, reports in _platform_rows(inputs):
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


def _wage(inputs: _Inputs) -> WageData:
    settings = inputs.settings
    home = settings.home_currency
    series: list[WageSeries] = []
    unconverted: list[str] = []
    for info, reports in _platform_rows(inputs):
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


def _time(inputs: _Inputs) -> TimeData:
    paid: list[int] = []
    total: list[int] = []
    unpaid: list[int] = []
    gaps: list[int] = []
    activity = {kind.value: [0] * len(inputs.reports) for kind in UNPAID_ACTIVITIES}
    for index, report in enumerate(inputs.reports):
        task = sum(p.time.seconds_task for p in report.platforms)
        worked = sum(p.time.seconds_total for p in report.platforms)
        not_paid = sum(p.time.seconds_unpaid for p in report.platforms)
        for p in report.platforms:
            for kind, seconds in p.time.seconds_by_activity.items():
                activity.setdefault(kind, [0] * len(inputs.reports))[index] += seconds
        in_activities = sum(values[index] for values in activity.values())
        paid.append(task)
        total.append(worked)
        unpaid.append(not_paid)
        gaps.append(max(0, not_paid - in_activities))
    return TimeData(
        inputs.period,
        tuple(paid),
        tuple((kind, tuple(values)) for kind, values in activity.items()),
        tuple(gaps),
        tuple(total),
        tuple(unpaid),
    )


def _payouts(services: Services, inputs: _Inputs) -> PayoutData:
    ctx = services.ctx
    now = ctx.now()
    months = inputs.period.months
    settings = inputs.settings
    points: list[PayoutPoint] = []
    period = Period.of_days(inputs.period.first, inputs.period.end, ctx.zone)
    for payout in services.payouts.list(inputs.period.platform, period.start, period.stop):
        if payout.status not in (PayoutStatus.RECEIVED, PayoutStatus.REQUESTED):
            continue
        day = local_date(payout.requested_at, ctx.zone)
        if not inputs.period.first <= day < inputs.period.end:
            continue
        delay = payout.delay_seconds(now)
        if delay is None:
            continue
        info = inputs.platforms.get(payout.platform)
        limit = settings.max_payout_days
        if info is not None and info.max_payout_days is not None:
            limit = info.max_payout_days
        points.append(
            PayoutPoint(
                payout.platform,
                platform_color(info.id if info else 1),
                payout.requested_at,
                day,
                _position(months, payout.requested_at, ctx.zone),
                delay,
                payout.received_at is None,
                payout.amount,
                payout.currency,
                limit,
            )
        )
    threshold = settings.max_payout_days
    chosen = inputs.platforms.get(inputs.period.platform or "")
    if chosen is not None and chosen.max_payout_days is not None:
        threshold = chosen.max_payout_days
    return PayoutData(inputs.period, tuple(points), threshold)


def _position(months: Sequence[MonthSlice], instant: datetime, zone: tzinfo) -> float:
    """Where an instant falls on the month axis (month i spans [i - 0.5, i + 0.5))."""
    local = instant.astimezone(zone).replace(tzinfo=None)
    for index, month in enumerate(months):
        start = datetime.combine(month.first, datetime.min.time())
        stop = datetime.combine(month.end, datetime.min.time())
        if start <= local < stop:
            return index - 0.5 + (local - start) / (stop - start)
    return float(len(months) - 1)


def _rejections(inputs: _Inputs) -> RejectionData:
    series: list[RejectionSeries] = []
    for info, reports in _platform_rows(inputs):
        decided = tuple(0 if r is None else r.totals.decided for r in reports)
        if not any(decided):
            continue
        rejected = tuple(
            0 if r is None else r.totals.counts.get(TaskStatus.REJECTED, 0) for r in reports
        )
        series.append(RejectionSeries(info.name, platform_color(info.id), rejected, decided))
    return RejectionData(inputs.period, tuple(series), inputs.settings.max_rejection_rate)
