"""The report service: per platform and period, time, money, wages and flags (DESIGN.md
"Definitions"); what a report holds is in report_types.py.

Sums and counts come from SQL; only the period's intervals are merged in
Python. The same figures feed the CLI, the window, the charts and evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.domain import flags as flag_rules
from app.domain.flags import DAY, Flag, Thresholds
from app.domain.intervals import clip, total, union
from app.domain.localtime import Period, local_date, zone_name
from app.domain.money import convert_minor
from app.domain.rates import RateTable
from app.domain.statuses import (
    WITHHOLDING_EVENTS,
    EventKind,
    PayoutStatus,
    TaskStatus,
)
from app.domain.wage import TaskTotals, TimeFigures, hourly
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.rates import RateService
from app.services.records import PlatformInfo
from app.services.report_money import Sums, TaskSums, read_task_sums
from app.services.report_time import Timeline, read_timeline
from app.services.report_types import (
    HomeFigures,
    PlatformReport,
    Report,
)
from app.services.settings import Settings, SettingsService
from app.storage.models import AccountEvent, Payout, Platform, ScamSignRecord, Task, WorkSession
from app.storage.types import epoch_seconds, from_epoch, raw_epoch

T = Task.__table__
S = WorkSession.__table__
P = Payout.__table__
E = AccountEvent.__table__


NO_TIME = TimeFigures(0, 0, {})  # reports(time=False)


@dataclass
class _Side:
    signs: dict[int, list[str]] = field(default_factory=dict)
    events: dict[int, list[tuple[str, int, int | None]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Window:
    """What to compute over: the period, and whether state flags look at all time."""

    start: int
    stop: int
    now: int
    state_flags_all_time: bool
    phrase: str


class ReportService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService, rates: RateService) -> None:
        self._ctx = ctx
        self._settings = settings
        self._rates = rates

    # -- public -------------------------------------------------------------------------

    def report(self, first: date, end: date, platform: str | None = None) -> Report:
        """The report for local days [first, end)."""
        return self.reports([(first, end)], platform)[0]

    def reports(
        self,
        periods: Sequence[tuple[date, date]],
        platform: str | None = None,
        *,
        time: bool = True,
        flags: bool = True,
        money: bool = True,
        activities: bool = True,
    ) -> list[Report]:
        """One report per period of local days [first, end), e.g. each month of a chart.

        The data is read once for all the periods; each report is the one report()
        gives for its period. For callers that need only part of it (a chart):
        `time=False` leaves every time figure at zero (and so the hourly wages
        unknown), `activities=False` only seconds_task and seconds_by_activity (the
        wage chart: the effective wage needs seconds_total alone), `money=False` every
        count and amount, `flags=False` the flags.
        """
        ctx, tr = self._ctx, self._ctx.tr
        now = epoch_seconds(ctx.now())
        items: list[tuple[Period, _Window]] = []
        for first, end in periods:
            period = Period.of_days(first, end, ctx.zone)
            last = end - timedelta(days=1)
            phrase = tr.gettext("from {first} to {last}").format(
                first=first.isoformat(), last=last.isoformat()
            )
            window = _Window(
                epoch_seconds(period.start), epoch_seconds(period.stop), now, False, phrase
            )
            items.append((period, window))
        return self._build(
            items, platform, time=time, flags=flags, money=money, activities=activities
        )

    def current(self, platform: str | None = None) -> Report:
        """The last flag_window_days ending now; state flags (waiting payouts...) of all time."""
        ctx, tr = self._ctx, self._ctx.tr
        settings = self._settings.current()
        now = ctx.now()
        start = now - timedelta(days=settings.flag_window_days)
        phrase = tr.ngettext(
            "over the last {days} day", "over the last {days} days", settings.flag_window_days
        ).format(days=settings.flag_window_days)
        window = _Window(epoch_seconds(start), epoch_seconds(now), epoch_seconds(now), True, phrase)
        return self._build([(Period.of_instants(start, now, ctx.zone), window)], platform)[0]

    def current_flags(self) -> list[tuple[str, Flag]]:
        report = self.current()
        return [(p.platform.name, flag) for p in report.platforms for flag in p.flags]

    # -- building -----------------------------------------------------------------------

    def _build(
        self,
        items: list[tuple[Period, _Window]],
        platform: str | None,
        *,
        time: bool = True,
        flags: bool = True,
        money: bool = True,
        activities: bool = True,
    ) -> list[Report]:
        if not items:
            return []
        ctx = self._ctx
        settings = self._settings.current()
        rates = self._rates.table(settings.home_currency)
        windows = [window for _period, window in items]
        with ctx.db.read() as session:
            if platform:
                rows = [find_platform(session, platform, ctx.tr)]
            else:
                rows = list(session.scalars(select(Platform).order_by(Platform.name_key)))
            side = self._side(session)
            by_platform = [
                self._platform(
                    session,
                    PlatformInfo.of(row),
                    windows,
                    settings,
                    rates,
                    side,
                    time,
                    flags,
                    money,
                    activities,
                )
                for row in rows
            ]
        reports: list[Report] = []
        for index, (period, window) in enumerate(items):
            platform_reports = [each[index] for each in by_platform]
            everything = [interval for report in platform_reports for interval in report.worked]
            seconds_total = total(
                clip(union(everything, settings.bridge_gap_seconds), window.start, window.stop)
            )
            reports.append(
                Report(
                    period,
                    zone_name(ctx.zone),
                    settings.home_currency,
                    platform_reports,
                    seconds_total,
                )
            )
        return reports

    def _platform(
        self,
        session: Session,
        platform: PlatformInfo,
        windows: list[_Window],
        settings: Settings,
        rates: RateTable,
        side: _Side,
        time: bool,
        flags: bool,
        money: bool = True,
        activities: bool = True,
    ) -> list[PlatformReport]:
        """The platform's report for each window, from one read of its data."""
        pid = platform.id
        low = min(window.start for window in windows)
        high = max(window.stop for window in windows)
        now = windows[0].now
        limits = settings.thresholds(
            platform.min_wage, platform.max_payout_days, platform.max_review_days
        )
        timeline = (
            read_timeline(session, pid, low, high, now, settings.bridge_gap_seconds, activities)
            if time
            else None
        )
        edges = sorted(
            {edge for window in windows for edge in (window.start, window.stop)}
            | set(rates.boundaries(self._ctx.zone, low, high))
        )
        if money:
            task_sums = read_task_sums(
                session, pid, platform.currency, edges, rates, self._ctx.zone
            )
        else:
            task_sums = TaskSums(edges, [{} for _ in edges[1:]])
        all_payouts = self._payouts(session, pid, low, high)
        return [
            self._window_report(
                session,
                platform,
                window,
                limits,
                settings,
                rates,
                side,
                timeline,
                task_sums.within(window.start, window.stop),
                [p for p in all_payouts if window.start <= p["requested"] < window.stop],
                flags,
            )
            for window in windows
        ]

    def _window_report(
        self,
        session: Session,
        platform: PlatformInfo,
        window: _Window,
        limits: Thresholds,
        settings: Settings,
        rates: RateTable,
        side: _Side,
        timeline: Timeline | None,
        sums: Sums,
        payouts: list[dict[str, Any]],
        flags: bool,
    ) -> PlatformReport:
        time = timeline.figures(window.start, window.stop) if timeline else NO_TIME
        by_currency: dict[str, TaskTotals] = {}
        for (currency, status), each in sums.items():
            totals = by_currency.get(currency)
            if totals is None:
                by_currency[currency] = totals = TaskTotals()
            totals.add_group(
                status, each.count, each.reward, each.earned, each.earned_or_reward, each.bonus
            )
        native = by_currency.pop(platform.currency, TaskTotals())
        counts = dict(native.counts)
        for other in by_currency.values():
            for status, count in other.counts.items():
                counts[status] = counts.get(status, 0) + count
        totals = TaskTotals(
            counts=counts,
            earned=native.earned,
            bonus=native.bonus,
            pending_value=native.pending_value,
            rejected_value=native.rejected_value,
        )
        fees = sum(p["fee"] for p in payouts if p["currency"] == platform.currency)

        used = set(by_currency)
        if any(native.counts.values()):
            used.add(platform.currency)
        used |= {p["currency"] for p in payouts if p["fee"]}
        missing = sorted(code for code in used if not rates.has(code))
        home = None
        if not missing:
            home = self._home(sums, payouts, rates, time.seconds_total)

        report = PlatformReport(
            platform, time, totals, fees, home, [], time.worked, other_currencies=by_currency
        )
        if flags:
            report.flags = self._flags(
                session, report, window, limits, missing, payouts, settings.home_currency, side
            )
        return report

    def _payouts(self, session: Session, pid: int, start: int, stop: int) -> list[dict[str, Any]]:
        rows = session.execute(
            select(
                P.c.id,
                P.c.fee,
                P.c.currency,
                P.c.status,
                raw_epoch(P.c.requested_at),
                raw_epoch(P.c.received_at),
            ).where(
                P.c.platform_id == pid,
                raw_epoch(P.c.requested_at) >= start,
                raw_epoch(P.c.requested_at) < stop,
                P.c.status != PayoutStatus.CANCELLED.value,
            )
        ).all()
        return [
            {
                "id": r[0],
                "fee": int(r[1]),
                "currency": r[2],
                "status": r[3],
                "requested": int(r[4]),
                "received": None if r[5] is None else int(r[5]),
            }
            for r in rows
        ]

    def _home(
        self,
        sums: Sums,
        payouts: list[dict[str, Any]],
        rates: RateTable,
        seconds_total: int,
    ) -> HomeFigures:
        """Each amount converted at its own date's rate and rounded half-up, then summed."""
        home = rates.home_currency
        zone = self._ctx.zone
        earned = pending = rejected = 0
        for (_currency, status), each in sums.items():
            if status == TaskStatus.APPROVED:
                earned += each.home_earned_or_reward
            elif status in (TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT):
                earned += each.home_earned
            elif status == TaskStatus.PENDING:
                pending += each.home_reward
            elif status == TaskStatus.REJECTED:
                rejected += each.home_reward
            earned += each.home_bonus
        fees = 0
        for payout in payouts:
            if payout["fee"]:
                day = local_date(from_epoch(payout["requested"]), zone)
                rate = rates.rate_on(payout["currency"], day)
                assert rate is not None
                fees += convert_minor(payout["fee"], payout["currency"], rate, home)
        return HomeFigures(
            earned, fees, pending, rejected, hourly(earned - fees, home, seconds_total)
        )

    # -- flags --------------------------------------------------------------------------

    def _flags(
        self,
        session: Session,
        report: PlatformReport,
        window: _Window,
        limits: Thresholds,
        missing: list[str],
        payouts: list[dict[str, Any]],
        home_currency: str,
        side: _Side,
    ) -> list[Flag]:
        tr = self._ctx.tr
        name, pid = report.platform.name, report.platform.id
        found: list[Flag | None] = []
        found.append(
            flag_rules.low_wage(
                tr,
                name,
                report.time.seconds_total,
                report.home.effective_hourly if report.home else None,
                limits,
                window.phrase,
            )
        )
        found.append(
            flag_rules.slow_payout(
                tr, name, self._payout_delays(session, pid, window, payouts), limits.max_payout_days
            )
        )
        found.append(
            flag_rules.high_rejection(
                tr,
                name,
                report.totals.counts.get(TaskStatus.REJECTED, 0),
                report.totals.decided,
                limits.max_rejection_rate,
            )
        )
        count, oldest = self._overdue(session, pid, window, limits.max_review_days)
        found.append(flag_rules.overdue_review(tr, name, count, oldest, limits.max_review_days))
        report.withheld = self._withheld(side.events.get(pid, []), window)
        found.append(
            flag_rules.withheld_balance(tr, name, report.withheld, report.platform.currency)
        )
        found.append(flag_rules.missing_rate(tr, name, missing, home_currency))
        found.append(flag_rules.scam_risk(tr, name, side.signs.get(pid, [])))
        return [flag for flag in found if flag is not None]

    def _payout_delays(
        self, session: Session, pid: int, window: _Window, payouts: list[dict[str, Any]]
    ) -> list[tuple[int, bool]]:
        if window.state_flags_all_time:
            waiting = session.execute(
                select(raw_epoch(P.c.requested_at)).where(
                    P.c.platform_id == pid, P.c.status == PayoutStatus.REQUESTED.value
                )
            ).scalars()
            return [(window.now - int(requested), True) for requested in waiting]
        delays: list[tuple[int, bool]] = []
        for payout in payouts:
            if payout["status"] == PayoutStatus.RECEIVED and payout["received"] is not None:
                delays.append((payout["received"] - payout["requested"], False))
            elif payout["status"] == PayoutStatus.REQUESTED:
                delays.append((window.now - payout["requested"], True))
        return delays

    def _overdue(
        self, session: Session, pid: int, window: _Window, max_days: int
    ) -> tuple[int, int]:
        cutoff = window.now - max_days * DAY
        conditions = [
            T.c.status == TaskStatus.PENDING.value,
            T.c.platform_id == pid,
            raw_epoch(T.c.work_at) < cutoff,
        ]
        if not window.state_flags_all_time:
            work_at = raw_epoch(T.c.work_at)
            conditions += [work_at >= window.start, work_at < window.stop]
        count, oldest = session.execute(
            select(func.count(), func.min(raw_epoch(T.c.work_at))).where(and_(*conditions))
        ).one()
        return int(count), (window.now - int(oldest)) if oldest is not None else 0

    def _withheld(self, events: list[tuple[str, int, int | None]], window: _Window) -> int:
        """The amount of the latest withholding event not followed by `resolved`."""
        held: tuple[int, int] | None = None  # (at, amount)
        for kind, at, amount in events:
            if kind == EventKind.RESOLVED:
                if at <= window.now:
                    held = None
            elif kind in WITHHOLDING_EVENTS and amount is not None:
                if at > window.now:
                    continue
                in_window = window.state_flags_all_time or window.start <= int(at) < window.stop
                if in_window:
                    held = (int(at), int(amount))
        return held[1] if held else 0

    def _side(self, session: Session) -> _Side:
        """Small per-platform facts read once for all platforms: signs and account events."""
        side = _Side()
        for pid, sign in session.execute(select(ScamSignRecord.platform_id, ScamSignRecord.sign)):
            side.signs.setdefault(pid, []).append(sign)
        for table in (P, E):
            for (pid,) in session.execute(
                select(table.c.platform_id).where(table.c.asks_for_money.is_(True)).distinct()
            ):
                side.signs.setdefault(pid, []).append("withdrawal-fee")
        for pid, kind, at, amount in session.execute(
            select(E.c.platform_id, E.c.kind, raw_epoch(E.c.at), E.c.amount).order_by(
                E.c.at, E.c.id
            )
        ):
            side.events.setdefault(pid, []).append((kind, int(at), amount))
        return side


__all__ = ["HomeFigures", "PlatformReport", "Report", "ReportService"]
