"""The work charts' data: where the hours went (paid work, each unpaid activity, short
gaps), each payout's delay, and the rejection rate per platform and month; and how
each is built from the monthly reports and the payouts.
No matplotlib here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import ClassVar

from app.charts.inputs import ChartInputs, ChartKind, platform_rows
from app.charts.palette import platform_color
from app.charts.periods import ChartPeriod, MonthSlice
from app.domain.localtime import Period, local_date
from app.domain.money import round_half_up
from app.domain.statuses import UNPAID_ACTIVITIES, PayoutStatus, TaskStatus
from app.services import Services


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


def build_time(inputs: ChartInputs) -> TimeData:
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


def build_payouts(services: Services, inputs: ChartInputs) -> PayoutData:
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


def build_rejections(inputs: ChartInputs) -> RejectionData:
    series: list[RejectionSeries] = []
    for info, reports in platform_rows(inputs):
        decided = tuple(0 if r is None else r.totals.decided for r in reports)
        if not any(decided):
            continue
        rejected = tuple(
            0 if r is None else r.totals.counts.get(TaskStatus.REJECTED, 0) for r in reports
        )
        series.append(RejectionSeries(info.name, platform_color(info.id), rejected, decided))
    return RejectionData(inputs.period, tuple(series), inputs.settings.max_rejection_rate)
