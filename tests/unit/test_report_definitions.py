"""The report service against DESIGN.md "Definitions", on hand-computed cases.

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.domain.clock import FakeClock
from app.domain.flags import Flag
from app.domain.statuses import Activity
from app.services import Services
from app.services.reports import PlatformReport, Report

DAY = 86400


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
        second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def work(
    services: Services,
    platform: str,
    start: datetime,
    end: datetime,
    activity: Activity = Activity.TASK,
) -> None:
    """One finished session [start, end)."""
    services.timer.start(platform, activity, at=start)
    services.timer.stop(at=end)


def one(report: Report, name: str | None = None) -> PlatformReport:
    if name is None:
        assert len(report.platforms) == 1
        return report.platforms[0]
    return next(p for p in report.platforms if p.platform.name == name)


def flags(platform: PlatformReport) -> dict[str, Flag]:
    return {flag.code: flag for flag in platform.flags}


def day_report(services: Services, day: date, platform: str | None = None) -> Report:
    return services.reports.report(day, day + timedelta(days=1), platform)


@pytest.fixture
def eur(services: Services) -> str:
    """A platform in the home currency (EUR): no conversion involved."""
    services.platforms.add("Prolific")
    return "Prolific"


# =======================================================================================
# Time: DST days, months, bridging, activities, task spans
# =======================================================================================


def test_spring_dst_day_has_23_hours(services: Services, clock: FakeClock, eur: str) -> None:
    clock.set(utc(2026, 4, 1, 12))
    # From 2026-03-28 21:00 local (20:00Z) to 2026-03-30 04:00 local (02:00Z): covers all of
    # the 29th, which runs from 2026-03-28T23:00Z (midnight, UTC+1) to 2026-03-29T22:00Z
    # (midnight, UTC+2): 23 h = 82800 s.
    work(services, eur, utc(2026, 3, 28, 20), utc(2026, 3, 30, 2))
    p = one(day_report(services, date(2026, 3, 29)))
    assert p.time.seconds_total == 82800
    assert p.time.seconds_task == 82800
    assert p.time.seconds_unpaid == 0
    # The 28th (23:00Z on the 27th to 23:00Z on the 28th) holds 20:00Z-23:00Z: 3 h = 10800.
    assert one(day_report(services, date(2026, 3, 28))).time.seconds_total == 10800
    # The 30th (22:00Z on the 29th to 22:00Z on the 30th) holds 22:00Z-02:00Z: 4 h = 14400.
    assert one(day_report(services, date(2026, 3, 30))).time.seconds_total == 14400


def test_session_exactly_over_the_spring_dst_day(
    services: Services, clock: FakeClock, eur: str
) -> None:
    clock.set(utc(2026, 4, 1, 12))
    # Local midnight to local midnight on 2026-03-29: 23:00Z to 22:00Z the next day = 82800 s.
    work(services, eur, utc(2026, 3, 28, 23), utc(2026, 3, 29, 22))
    report = day_report(services, date(2026, 3, 29))
    assert one(report).time.seconds_total == 82800
    assert report.seconds_total == 82800
    # Neither neighbouring day gets a second of it.
    assert one(day_report(services, date(2026, 3, 28))).time.seconds_total == 0
    assert one(day_report(services, date(2026, 3, 30))).time.seconds_total == 0


def test_autumn_dst_day_has_25_hours(services: Services, clock: FakeClock, eur: str) -> None:
    clock.set(utc(2026, 11, 1, 12))
    # 2026-10-25 runs from 2026-10-24T22:00Z (midnight, UTC+2) to 2026-10-25T23:00Z
    # (midnight, UTC+1): 25 h = 90000 s. The session covers it and more.
    work(services, eur, utc(2026, 10, 24, 12), utc(2026, 10, 26, 12), Activity.SEARCH)
    p = one(day_report(services, date(2026, 10, 25)))
    assert p.time.seconds_total == 90000
    assert p.time.seconds_task == 0
    assert p.time.seconds_unpaid == 90000
    assert p.time.seconds_by_activity["search"] == 90000


def test_session_across_the_end_of_a_month_is_split(
    services: Services, clock: FakeClock, eur: str
) -> None:
    clock.set(utc(2026, 4, 10, 12))
    # 2026-03-31 23:30 local (UTC+2) = 21:30Z, to 2026-04-01 00:45 local = 22:45Z.
    # April begins at 2026-03-31T22:00Z: March holds 21:30-22:00 = 1800 s,
    # April holds 22:00-22:45 = 2700 s.
    work(services, eur, utc(2026, 3, 31, 21, 30), utc(2026, 3, 31, 22, 45))
    march = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    april = one(services.reports.report(date(2026, 4, 1), date(2026, 5, 1)))
    assert march.time.seconds_total == 1800
    assert april.time.seconds_total == 2700
    assert march.time.seconds_task == 1800
    assert april.time.seconds_task == 2700


def test_winter_month_end_split(services: Services, eur: str) -> None:
    # 2026-02-28 23:00 local (UTC+1) = 22:00Z, to 2026-03-01 01:00 local = 2026-03-01T00:00Z.
    # March begins at 2026-02-28T23:00Z: 3600 s in each month.
    work(services, eur, utc(2026, 2, 28, 22), utc(2026, 3, 1, 0))
    feb = one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1)))
    mar = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    assert (feb.time.seconds_total, mar.time.seconds_total) == (3600, 3600)


def test_task_across_month_end_splits_time_but_money_follows_its_work_date(
    services: Services, clock: FakeClock, eur: str
) -> None:
    clock.set(utc(2026, 4, 10, 12))
    # Started 2026-03-31 23:50 local (21:50Z), submitted 2026-04-01 00:10 local (22:10Z).
    # Time: 600 s in March (21:50-22:00), 600 s in April (22:00-22:10).
    # Work date = submitted_at = April 1st local: the money and the count are April's.
    services.tasks.add(eur, "1.00", status="approved",
                       started=utc(2026, 3, 31, 21, 50), submitted=utc(2026, 3, 31, 22, 10))
    march = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    april = one(services.reports.report(date(2026, 4, 1), date(2026, 5, 1)))
    assert (march.time.seconds_task, april.time.seconds_task) == (600, 600)
    assert march.earned == 0
    assert march.totals.counts["approved"] == 0
    assert april.earned == 100
    assert april.totals.counts["approved"] == 1


def test_running_session_counts_until_now(services: Services, eur: str) -> None:
    # The clock is 2026-03-10T09:00Z; a session running since 08:00Z counts 3600 s.
    services.timer.start(eur, Activity.TASK, at=utc(2026, 3, 10, 8))
    p = one(day_report(services, date(2026, 3, 10)))
    assert p.time.seconds_total == 3600
    assert p.time.seconds_task == 3600


def test_gap_of_59_seconds_is_bridged(services: Services, eur: str) -> None:
    # 08:00:00-08:30:00 and 08:30:59-09:00:00 (UTC, on 2026-03-05).
    # Bridged: 08:00-09:00 = 3600. Task time is a plain union: 1800 + 1741 = 3541.
    # The 59 bridged seconds are unpaid: 3600 - 3541 = 59.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 30))
    work(services, eur, utc(2026, 3, 5, 8, 30, 59), utc(2026, 3, 5, 9))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.time.seconds_total == 3600
    assert p.time.seconds_task == 3541
    assert p.time.seconds_unpaid == 59


def test_gap_of_61_seconds_is_not_bridged(services: Services, eur: str) -> None:
    # 08:00:00-08:30:00 and 08:31:01-09:00:00: 1800 + 1739 = 3539, no bridge.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 30))
    work(services, eur, utc(2026, 3, 5, 8, 31, 1), utc(2026, 3, 5, 9))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.time.seconds_total == 3539
    assert p.time.seconds_task == 3539
    assert p.time.seconds_unpaid == 0


def test_gap_of_exactly_60_seconds_is_not_bridged(services: Services, eur: str) -> None:
    # 08:00:00-08:30:00 and 08:31:00-09:00:00: 1800 + 1740 = 3540.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 30))
    work(services, eur, utc(2026, 3, 5, 8, 31), utc(2026, 3, 5, 9))
    assert one(day_report(services, date(2026, 3, 5))).time.seconds_total == 3540


def test_bridge_gap_setting_is_used(services: Services, eur: str) -> None:
    services.settings.set("bridge_gap_seconds", "120")
    # Gap of 61 s is now shorter than 120: bridged, 08:00-09:00 = 3600.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 30))
    work(services, eur, utc(2026, 3, 5, 8, 31, 1), utc(2026, 3, 5, 9))
    assert one(day_report(services, date(2026, 3, 5))).time.seconds_total == 3600


def test_gap_bridged_across_the_edge_of_the_period(services: Services, eur: str) -> None:
    # Session 1: 2026-03-04T22:30:00Z-22:59:30Z (23:30:00-23:59:30 local on the 4th).
    # Session 2: 2026-03-04T23:00:20Z-23:30:00Z (00:00:20-00:30:00 local on the 5th).
    # Gap 50 s < 60: bridged into 22:30:00-23:30:00, then clipped at local midnight 23:00:00Z.
    # The 4th: 22:30:00-23:00:00 = 1800 (1770 worked + 30 bridged).
    # The 5th: 23:00:00-23:30:00 = 1800 (20 bridged + 1780 worked); task time 1780.
    work(services, eur, utc(2026, 3, 4, 22, 30), utc(2026, 3, 4, 22, 59, 30))
    work(services, eur, utc(2026, 3, 4, 23, 0, 20), utc(2026, 3, 4, 23, 30))
    fourth = one(day_report(services, date(2026, 3, 4)))
    fifth = one(day_report(services, date(2026, 3, 5)))
    assert (fourth.time.seconds_total, fourth.time.seconds_task) == (1800, 1770)
    assert (fifth.time.seconds_total, fifth.time.seconds_task) == (1800, 1780)


def test_unpaid_time_by_activity(services: Services, eur: str) -> None:
    day = (2026, 3, 5)
    # search 08:00-08:20 (1200), task 08:20-09:00 (2400), qualification 09:00-09:10 (600),
    # payment 09:10-09:15 (300), communication 09:15-09:17 (120), other 09:17-09:18 (60).
    services.timer.start(eur, Activity.SEARCH, at=utc(*day, 8, 0))
    services.timer.start(eur, Activity.TASK, at=utc(*day, 8, 20), switch=True)
    services.timer.start(eur, Activity.QUALIFICATION, at=utc(*day, 9, 0), switch=True)
    services.timer.start(eur, Activity.PAYMENT, at=utc(*day, 9, 10), switch=True)
    services.timer.start(eur, Activity.COMMUNICATION, at=utc(*day, 9, 15), switch=True)
    services.timer.start(eur, Activity.OTHER, at=utc(*day, 9, 17), switch=True)
    services.timer.stop(at=utc(*day, 9, 18))
    p = one(day_report(services, date(*day)))
    # Total 08:00-09:18 = 78 min = 4680; task 2400; unpaid 4680 - 2400 = 2280
    # (= 1200 + 600 + 300 + 120 + 60).
    assert p.time.seconds_total == 4680
    assert p.time.seconds_task == 2400
    assert p.time.seconds_unpaid == 2280
    assert p.time.seconds_by_activity == {
        "search": 1200, "qualification": 600, "communication": 120, "payment": 300, "other": 60,
    }


def test_task_inside_a_search_session_is_task_time(services: Services, eur: str) -> None:
    # Search session 10:00-11:00Z (3600); a task started 10:10Z and submitted 10:20Z (600).
    # Total = union = 3600; task = 600; unpaid = 3000; search (plain union of search
    # sessions) = 3600.
    work(services, eur, utc(2026, 3, 5, 10), utc(2026, 3, 5, 11), Activity.SEARCH)
    services.tasks.add(eur, "1.00", started=utc(2026, 3, 5, 10, 10),
                       submitted=utc(2026, 3, 5, 10, 20))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.time.seconds_total == 3600
    assert p.time.seconds_task == 600
    assert p.time.seconds_unpaid == 3000
    assert p.time.seconds_by_activity["search"] == 3600


def test_task_spans_count_as_task_time(services: Services, eur: str) -> None:
    d = (2026, 3, 5)
    # [started, submitted]: 08:00-08:10 = 600.
    services.tasks.add(eur, "1.00", started=utc(*d, 8, 0), submitted=utc(*d, 8, 10))
    # [submitted - duration, submitted]: 5 min before 09:00 = 08:55-09:00 = 300.
    services.tasks.add(eur, "1.00", submitted=utc(*d, 9, 0), duration_minutes="5")
    # [started, started + duration]: 10:00 + 7.5 min = 10:00-10:07:30 = 450.
    services.tasks.add(eur, "1.00", status="in_progress", started=utc(*d, 10, 0),
                       duration_minutes="7.5")
    # Both ends known: the ends win over the duration: 12:00-12:20 = 1200 (not 60).
    services.tasks.add(eur, "1.00", started=utc(*d, 12, 0), submitted=utc(*d, 12, 20),
                       duration_minutes="1")
    # No time information (only a decision time): no time at all.
    services.tasks.add(eur, "1.00", status="approved", decided=utc(*d, 14, 0))
    p = one(day_report(services, date(*d)))
    # 600 + 300 + 450 + 1200 = 2550; gaps are all > 60 s, so nothing is bridged.
    assert p.time.seconds_task == 2550
    assert p.time.seconds_total == 2550
    assert p.time.seconds_unpaid == 0
    assert sum(p.totals.counts.values()) == 5


def test_task_span_and_task_session_overlap_counts_once(services: Services, eur: str) -> None:
    d = (2026, 3, 5)
    # Task session 08:05-08:20; task span 08:00-08:10: union 08:00-08:20 = 1200.
    work(services, eur, utc(*d, 8, 5), utc(*d, 8, 20))
    services.tasks.add(eur, "1.00", started=utc(*d, 8, 0), submitted=utc(*d, 8, 10))
    p = one(day_report(services, date(*d)))
    assert (p.time.seconds_total, p.time.seconds_task) == (1200, 1200)


def test_session_and_task_span_are_bridged(services: Services, eur: str) -> None:
    d = (2026, 3, 5)
    # Search session 08:00:00-08:30:00; task span 08:30:59-08:40:59 (gap 59 s: bridged).
    # Total 08:00:00-08:40:59 = 2459; task 600; unpaid 1859 (1800 search + 59 bridged).
    work(services, eur, utc(*d, 8, 0), utc(*d, 8, 30), Activity.SEARCH)
    services.tasks.add(eur, "1.00", started=utc(*d, 8, 30, 59), submitted=utc(*d, 8, 40, 59))
    p = one(day_report(services, date(*d)))
    assert p.time.seconds_total == 2459
    assert p.time.seconds_task == 600
    assert p.time.seconds_unpaid == 1859


def test_report_total_time_is_the_union_across_platforms(services: Services, eur: str) -> None:
    services.platforms.add("Toloka")
    d = (2026, 3, 5)
    # Prolific session 08:00-09:00 (3600); Toloka task 08:30-09:30 (3600).
    # Union: 08:00-09:30 = 5400.
    work(services, eur, utc(*d, 8), utc(*d, 9))
    services.tasks.add("Toloka", "1.00", started=utc(*d, 8, 30), submitted=utc(*d, 9, 30))
    report = day_report(services, date(*d))
    assert one(report, "Prolific").time.seconds_total == 3600
    assert one(report, "Toloka").time.seconds_total == 3600
    assert report.seconds_total == 5400


# =======================================================================================
# Money: earned rules, fees, net, hourly figures
# =======================================================================================


def _ledger_of_every_status(services: Services, eur: str) -> None:
    at = utc(2026, 3, 5, 12)  # 13:00 local on the 5th: the work date of every task
    add = services.tasks.add
    add(eur, "1.00", status="approved", submitted=at)  # earned unset: reward 1.00
    add(eur, "2.00", status="approved", earned="1.50", submitted=at)  # 1.50
    add(eur, "2.00", status="approved", earned="0", submitted=at)  # 0.00 (set to zero)
    add(eur, "1.00", status="approved", bonus="0.20", submitted=at)  # 1.00 + bonus 0.20
    add(eur, "3.00", status="partially_approved", earned="1.20", submitted=at)  # 1.20
    add(eur, "3.00", status="partially_approved", submitted=at)  # earned unset: 0
    add(eur, "4.00", status="screened_out", earned="0.25", submitted=at)  # 0.25
    add(eur, "4.00", status="screened_out", submitted=at)  # earned unset: 0
    add(eur, "0.80", status="rejected", bonus="0.10", submitted=at)  # rejected 0.80, bonus
    add(eur, "0.70", status="pending", bonus="0.05", submitted=at)  # pending 0.70, bonus
    add(eur, "0.30", status="returned", bonus="0.02", submitted=at)  # bonus 0.02 only
    add(eur, "0.40", status="expired", submitted=at)  # nothing
    add(eur, "0.60", status="in_progress", started=at)  # nothing
    # Fees: requested in the period and not cancelled.
    services.payouts.add(eur, "5.00", utc(2026, 3, 5, 10), fee="0.50",
                         received=utc(2026, 3, 6, 10))  # 0.50
    services.payouts.add(eur, "3.00", utc(2026, 3, 5, 11), fee="0.25")  # waiting: 0.25
    services.payouts.add(eur, "9.00", utc(2026, 3, 5, 11), fee="1.00",
                         status="cancelled")  # cancelled: not counted
    services.payouts.add(eur, "9.00", utc(2026, 3, 4, 11), fee="2.00")  # the 4th: not counted
    # Time: search 08:00-08:30Z (1800), task 08:30-10:00Z (5400): total 7200, task 5400.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 30), Activity.SEARCH)
    work(services, eur, utc(2026, 3, 5, 8, 30), utc(2026, 3, 5, 10))


def test_earned_rules_for_every_status(services: Services, eur: str) -> None:
    _ledger_of_every_status(services, eur)
    p = one(day_report(services, date(2026, 3, 5)))
    # earned without bonus: 1.00 + 1.50 + 0 + 1.00 + 1.20 + 0 + 0.25 + 0 = 4.95
    # bonus (every status): 0.20 + 0.10 + 0.05 + 0.02 = 0.37
    # earned with bonus: 4.95 + 0.37 = 5.32
    assert p.totals.bonus == 37
    assert p.earned == 532
    assert p.totals.pending_value == 70
    assert p.totals.rejected_value == 80
    assert p.totals.counts == {
        "approved": 4, "partially_approved": 2, "screened_out": 2, "rejected": 1,
        "pending": 1, "returned": 1, "expired": 1, "in_progress": 1,
    }
    # fees 0.50 + 0.25 = 0.75; net 5.32 - 0.75 = 4.57
    assert p.fees == 75
    assert p.net == 457


def test_hourly_figures_round_half_up(services: Services, eur: str) -> None:
    _ledger_of_every_status(services, eur)
    p = one(day_report(services, date(2026, 3, 5)))
    # effective = net / hours total = 4.57 / (7200 / 3600) = 2.285 -> half-up 2.29
    # (banker's rounding would give 2.28).
    assert p.effective_hourly == Decimal("2.29")
    # nominal = earned / hours of task = 5.32 / 1.5 = 3.5466... -> 3.55
    assert p.nominal_hourly == Decimal("3.55")
    assert p.home is not None
    assert (p.home.earned, p.home.fees, p.home.net) == (532, 75, 457)
    assert (p.home.pending_value, p.home.rejected_value) == (70, 80)
    assert p.home.effective_hourly == Decimal("2.29")
    data = p.as_json("EUR")
    assert data["earned"] == "5.32"
    assert data["bonus"] == "0.37"
    assert data["pending_value"] == "0.70"
    assert data["rejected_value"] == "0.80"
    assert data["fees"] == "0.75"
    assert data["net"] == "4.57"
    assert data["effective_hourly"] == "2.29"
    assert data["nominal_hourly"] == "3.55"
    assert data["home"] == {
        "earned": "5.32", "fees": "0.75", "net": "4.57", "pending_value": "0.70",
        "rejected_value": "0.80", "effective_hourly": "2.29",
    }


def test_hourly_half_cent_rounds_up(services: Services, eur: str) -> None:
    # 0.01 earned over 2 h: 0.005 an hour -> half-up 0.01 (not 0.00).
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 10))
    services.tasks.add(eur, "0.01", status="approved", submitted=utc(2026, 3, 5, 9))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.effective_hourly == Decimal("0.01")
    assert p.nominal_hourly == Decimal("0.01")


def test_hourly_is_null_without_time(services: Services, eur: str) -> None:
    services.tasks.add(eur, "5.00", status="approved", submitted=utc(2026, 3, 5, 9))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.time.seconds_total == 0
    assert p.effective_hourly is None
    assert p.nominal_hourly is None
    assert p.home is not None and p.home.effective_hourly is None
    data = p.as_json("EUR")
    assert data["effective_hourly"] is None
    assert data["nominal_hourly"] is None
    assert data["home"]["effective_hourly"] is None


def test_nominal_is_null_with_only_unpaid_time(services: Services, eur: str) -> None:
    # One hour of search, 3.00 earned: effective 3.00, nominal null (no task time).
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 9), Activity.SEARCH)
    services.tasks.add(eur, "3.00", status="approved", submitted=utc(2026, 3, 5, 12))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.effective_hourly == Decimal("3.00")
    assert p.nominal_hourly is None


def test_negative_net_gives_negative_effective_wage(services: Services, eur: str) -> None:
    # 1 h of work, nothing earned, a 1.50 fee: net -1.50, effective -1.50 an hour.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.payouts.add(eur, "10.00", utc(2026, 3, 5, 10), fee="1.50",
                         received=utc(2026, 3, 5, 11))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.net == -150
    assert p.effective_hourly == Decimal("-1.50")
    assert p.as_json("EUR")["net"] == "-1.50"


# =======================================================================================
# Home currency conversion
# =======================================================================================


@pytest.fixture
def usd(services: Services, clock: FakeClock) -> str:
    """MTurk in USD; 1 USD = 0.90 EUR from 2026-03-01, 0.95 EUR from 2026-03-15."""
    clock.set(utc(2026, 4, 5, 12))
    services.platforms.add("MTurk", currency="USD")
    services.rates.set("USD", "0.90", on=date(2026, 3, 1))
    services.rates.set("USD", "0.95", on=date(2026, 3, 15))
    return "MTurk"


def test_rate_selection_before_and_after_a_rate_change(services: Services, usd: str) -> None:
    add = services.tasks.add
    # Before every rate (2026-02-25): the earliest rate after, 0.90: 1.05 x 0.90 = 0.945 -> 0.95
    add(usd, "1.05", status="approved", submitted=utc(2026, 2, 25, 12))
    # 2026-03-10: 0.90 -> 0.95; its bonus 0.05 x 0.90 = 0.045 -> 0.05
    add(usd, "1.05", status="approved", bonus="0.05", submitted=utc(2026, 3, 10, 12))
    # 2026-03-14T22:30Z = 23:30 on the 14th local: still 0.90 -> 0.95
    add(usd, "1.05", status="approved", submitted=utc(2026, 3, 14, 22, 30))
    # 2026-03-14T23:30Z = 00:30 on the 15th local: 0.95 -> 1.05 x 0.95 = 0.9975 -> 1.00
    add(usd, "1.05", status="approved", submitted=utc(2026, 3, 14, 23, 30))
    # Three rejected 0.05 on 2026-03-10 at 0.90: each 0.045 -> 0.05, summed 0.15
    # (converting the sum 0.15 x 0.90 = 0.135 would give 0.14).
    for _ in range(3):
        add(usd, "0.05", status="rejected", submitted=utc(2026, 3, 10, 13))
    # Pending 2.00 on 2026-03-20 at 0.95 -> 1.90
    add(usd, "2.00", status="pending", submitted=utc(2026, 3, 20, 12))
    # Fees at the rate of their request date: 0.50 on the 14th local (0.90) -> 0.45;
    # 0.10 on the 20th (0.95) -> 0.095 -> 0.10. Home fees 0.55; USD fees 0.60.
    services.payouts.add(usd, "20.00", utc(2026, 3, 14, 22, 30), fee="0.50",
                         received=utc(2026, 3, 16, 9))
    services.payouts.add(usd, "20.00", utc(2026, 3, 20, 9), fee="0.10",
                         received=utc(2026, 3, 21, 9))
    # One hour of work on the 10th.
    work(services, usd, utc(2026, 3, 10, 10), utc(2026, 3, 10, 11))

    p = one(services.reports.report(date(2026, 2, 20), date(2026, 4, 1)))
    # USD: earned 4 x 1.05 + 0.05 = 4.25; fees 0.60; net 3.65 (over 1 h: 3.65 an hour).
    assert (p.earned, p.fees, p.net) == (425, 60, 365)
    assert p.effective_hourly == Decimal("3.65")
    assert p.home is not None
    # Home earned: 0.95 + (0.95 + 0.05) + 0.95 + 1.00 = 3.90
    assert p.home.earned == 390
    assert p.home.fees == 55
    assert p.home.net == 335  # 3.90 - 0.55
    assert p.home.rejected_value == 15
    assert p.home.pending_value == 190
    assert p.home.effective_hourly == Decimal("3.35")  # 3.35 over 1 h
    assert "missing_rate" not in flags(p)
    data = p.as_json("EUR")
    assert data["currency"] == "USD"
    assert data["home"] == {
        "earned": "3.90", "fees": "0.55", "net": "3.35", "pending_value": "1.90",
        "rejected_value": "0.15", "effective_hourly": "3.35",
    }


def test_rate_change_on_single_days(services: Services, usd: str) -> None:
    # 23:30 on the 14th local -> 0.90; 00:30 on the 15th local -> 0.95.
    services.tasks.add(usd, "1.05", status="approved", submitted=utc(2026, 3, 14, 22, 30))
    services.tasks.add(usd, "1.05", status="approved", submitted=utc(2026, 3, 14, 23, 30))
    fourteenth = one(day_report(services, date(2026, 3, 14)))
    fifteenth = one(day_report(services, date(2026, 3, 15)))
    assert fourteenth.home is not None and fifteenth.home is not None
    assert fourteenth.home.earned == 95  # 1.05 x 0.90 = 0.945 -> 0.95
    assert fifteenth.home.earned == 100  # 1.05 x 0.95 = 0.9975 -> 1.00


def test_after_the_last_rate_the_last_rate_applies(services: Services, usd: str) -> None:
    # 2026-04-02 is after both rates: the latest on or before it, 0.95: 2.00 -> 1.90.
    services.tasks.add(usd, "2.00", status="approved", submitted=utc(2026, 4, 2, 12))
    p = one(services.reports.report(date(2026, 4, 1), date(2026, 5, 1)))
    assert p.home is not None and p.home.earned == 190


def test_each_amount_is_rounded_before_summing(services: Services, usd: str) -> None:
    # Four approved 0.05 USD on the 10th at 0.90: each 0.045 -> 0.05, summed 0.20.
    # (Converting the sum instead would give 0.20 x 0.90 = 0.18.)
    for _ in range(4):
        services.tasks.add(usd, "0.05", status="approved", submitted=utc(2026, 3, 10, 12))
    p = one(day_report(services, date(2026, 3, 10)))
    assert p.earned == 20
    assert p.home is not None and p.home.earned == 20


def test_missing_rate_gives_null_home_and_a_flag(services: Services, eur: str) -> None:
    services.platforms.add("Clickworker", currency="GBP")
    services.tasks.add("Clickworker", "3.00", status="approved", submitted=utc(2026, 3, 5, 9))
    services.tasks.add(eur, "2.00", status="approved", submitted=utc(2026, 3, 5, 9))
    work(services, "Clickworker", utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    report = services.reports.report(date(2026, 3, 1), date(2026, 4, 1))
    gbp = one(report, "Clickworker")
    assert gbp.home is None
    assert gbp.earned == 300
    assert gbp.effective_hourly == Decimal("3.00")  # in GBP, 3.00 over 1 h
    flag = flags(gbp)["missing_rate"]
    assert flag.value == "GBP"
    assert flag.threshold is None
    assert "GBP" in flag.message
    # No home figure, so no low_wage judgement either.
    assert "low_wage" not in flags(gbp)
    # The EUR platform is unaffected.
    assert one(report, "Prolific").home is not None
    assert "missing_rate" not in flags(one(report, "Prolific"))
    data = report.as_json()
    by_name = {p["name"]: p for p in data["platforms"]}
    assert by_name["Clickworker"]["home"] is None
    assert by_name["Clickworker"]["earned"] == "3.00"
    # Totals in the home currency cannot be computed with a platform missing.
    assert data["totals"]["home"]["earned"] is None
    assert data["totals"]["home"]["net"] is None
    assert data["totals"]["home"]["effective_hourly"] is None
    assert data["totals"]["home"]["seconds_total"] == 3600


def test_rate_added_later_clears_the_missing_rate(services: Services, eur: str) -> None:
    services.platforms.add("Clickworker", currency="GBP")
    services.tasks.add("Clickworker", "3.00", status="approved", submitted=utc(2026, 3, 5, 9))
    services.rates.set("GBP", "1.17", on=date(2026, 3, 1))
    p = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)), "Clickworker")
    # 3.00 x 1.17 = 3.51
    assert p.home is not None and p.home.earned == 351
    assert "missing_rate" not in flags(p)


# =======================================================================================
# Flags, each just under and just over its threshold
# =======================================================================================


@pytest.mark.parametrize(
    ("reward", "flagged"),
    [
        ("12.01", True),  # 12.01 over exactly 1 h: 12.01 < 12.02
        ("12.02", False),  # equal to the minimum: not below it
        ("12.03", False),
    ],
)
def test_low_wage_threshold(services: Services, eur: str, reward: str, flagged: bool) -> None:
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.tasks.add(eur, reward, status="approved", submitted=utc(2026, 3, 5, 8, 30))
    p = one(day_report(services, date(2026, 3, 5)))
    assert ("low_wage" in flags(p)) is flagged
    if flagged:
        flag = flags(p)["low_wage"]
        assert flag.value == "12.01"
        assert flag.threshold == "12.02"
        assert "Prolific" in flag.message


def test_low_wage_needs_min_hours_for_flag(services: Services, eur: str) -> None:
    # 3599 s (< 1 h) at 1.00: 1.00 x 3600 / 3599 = 1.0003 -> 1.00 an hour, far below 12.02,
    # but not enough time to judge.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 8, 59, 59))
    services.tasks.add(eur, "1.00", status="approved", submitted=utc(2026, 3, 5, 8, 30))
    p = one(day_report(services, date(2026, 3, 5)))
    assert p.time.seconds_total == 3599
    assert "low_wage" not in flags(p)


def test_low_wage_at_exactly_min_hours(services: Services, eur: str) -> None:
    # 3600 s (= 1 h) at 1.00: 1.00 an hour, judged and flagged.
    work(services, eur, utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.tasks.add(eur, "1.00", status="approved", submitted=utc(2026, 3, 5, 8, 30))
    flag = flags(one(day_report(services, date(2026, 3, 5))))["low_wage"]
    assert flag.value == "1.00"
    assert flag.threshold == "12.02"


def test_low_wage_uses_the_platform_override(services: Services) -> None:
    services.platforms.add("Appen", min_wage="10.00")
    work(services, "Appen", utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.tasks.add("Appen", "10.01", status="approved", submitted=utc(2026, 3, 5, 8, 30))
    # 10.01 an hour: below 12.02 but not below the platform's 10.00.
    assert "low_wage" not in flags(one(day_report(services, date(2026, 3, 5))))


def test_low_wage_below_the_platform_override(services: Services) -> None:
    services.platforms.add("Appen", min_wage="10.00")
    work(services, "Appen", utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.tasks.add("Appen", "9.99", status="approved", submitted=utc(2026, 3, 5, 8, 30))
    flag = flags(one(day_report(services, date(2026, 3, 5))))["low_wage"]
    assert (flag.value, flag.threshold) == ("9.99", "10.00")


def test_low_wage_is_judged_in_the_home_currency(services: Services, usd: str) -> None:
    # 13.00 USD over 1 h on 2026-03-10 at 0.90: 11.70 EUR an hour < 12.02 -> flagged,
    # although 13.00 (in USD) is above 12.02.
    work(services, usd, utc(2026, 3, 10, 8), utc(2026, 3, 10, 9))
    services.tasks.add(usd, "13.00", status="approved", submitted=utc(2026, 3, 10, 8, 30))
    p = one(day_report(services, date(2026, 3, 10)))
    assert p.effective_hourly == Decimal("13.00")
    assert flags(p)["low_wage"].value == "11.70"


# slow_payout: 13.9 days = 13 d 21 h 36 min; 14.1 days = 14 d 2 h 24 min.


@pytest.mark.parametrize(
    ("received", "flagged"),
    [
        (utc(2026, 2, 1, 12) + timedelta(days=13, hours=21, minutes=36), False),  # 13.9 days
        (utc(2026, 2, 1, 12) + timedelta(days=14), False),  # exactly 14 days: not more
        (utc(2026, 2, 1, 12) + timedelta(days=14, hours=2, minutes=24), True),  # 14.1 days
    ],
)
def test_slow_payout_received(
    services: Services, eur: str, received: datetime, flagged: bool
) -> None:
    services.payouts.add(eur, "20.00", utc(2026, 2, 1, 12), received=received)
    p = one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1)))
    assert ("slow_payout" in flags(p)) is flagged
    if flagged:
        flag = flags(p)["slow_payout"]
        assert flag.value == "14.1"
        assert flag.threshold == "14"
        assert "took" in flag.message


@pytest.mark.parametrize(
    ("age", "flagged"),
    [
        (timedelta(days=13, hours=21, minutes=36), False),  # waiting 13.9 days
        (timedelta(days=14, hours=2, minutes=24), True),  # waiting 14.1 days
    ],
)
def test_slow_payout_still_waiting_by_its_age(
    services: Services, clock: FakeClock, eur: str, age: timedelta, flagged: bool
) -> None:
    # Now is 2026-03-10T09:00Z; 14.1 days earlier is 2026-02-24T06:36Z (in February).
    services.payouts.add(eur, "20.00", clock.now() - age)
    p = one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1)))
    assert ("slow_payout" in flags(p)) is flagged
    if flagged:
        flag = flags(p)["slow_payout"]
        assert flag.value == "14.1"
        assert flag.threshold == "14"
        assert "waiting" in flag.message


def test_slow_payout_only_for_payouts_requested_in_the_period(services: Services, eur: str) -> None:
    # Requested in January, received 20 days later: not judged in February's report.
    services.payouts.add(eur, "20.00", utc(2026, 1, 20, 12), received=utc(2026, 2, 9, 12))
    p = one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1)))
    assert "slow_payout" not in flags(p)


def test_slow_payout_uses_the_platform_override(services: Services) -> None:
    services.platforms.add("Toloka", max_payout_days=3)
    # 3.5 days > 3.
    services.payouts.add("Toloka", "5.00", utc(2026, 2, 1, 0), received=utc(2026, 2, 4, 12))
    flag = flags(one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1))))["slow_payout"]
    assert (flag.value, flag.threshold) == ("3.5", "3")


def test_current_flags_a_waiting_payout_of_any_age(services: Services, eur: str) -> None:
    # Requested 2025-12-01T09:00Z, still waiting at 2026-03-10T09:00Z:
    # 31 (Dec 1 -> Jan 1) + 31 (-> Feb 1) + 28 (-> Mar 1) + 9 (-> Mar 10) = 99 days.
    services.payouts.add(eur, "20.00", utc(2025, 12, 1, 9))
    p = one(services.reports.current())
    assert flags(p)["slow_payout"].value == "99.0"


def _decided(services: Services, platform: str, **counts: int) -> None:
    at = utc(2026, 3, 5, 12)
    for status, count in counts.items():
        for _ in range(count):
            services.tasks.add(platform, "0.10", status=status, submitted=at)


def test_high_rejection_at_exactly_the_limit_is_not_flagged(services: Services, eur: str) -> None:
    # 1 rejected of 20 decided = 0.05: not above 0.05.
    _decided(services, eur, approved=19, rejected=1)
    assert "high_rejection" not in flags(one(day_report(services, date(2026, 3, 5))))


def test_high_rejection_just_above_the_limit(services: Services, eur: str) -> None:
    # 2 rejected of 39 decided = 0.051282... > 0.05: flagged, value rounded to 4 places.
    _decided(services, eur, approved=37, rejected=2)
    flag = flags(one(day_report(services, date(2026, 3, 5))))["high_rejection"]
    assert flag.value == "0.0513"
    assert flag.threshold == "0.05"
    assert "2" in flag.message and "39" in flag.message


def test_high_rejection_needs_20_decided_tasks(services: Services, eur: str) -> None:
    # 9 rejected of 19 decided (47 %) but fewer than 20 decided: not flagged.
    _decided(services, eur, approved=10, rejected=9)
    assert "high_rejection" not in flags(one(day_report(services, date(2026, 3, 5))))


def test_high_rejection_decided_excludes_screened_out_and_pending(
    services: Services, eur: str
) -> None:
    # approved 17 + rejected 2 = 19 decided; screened_out, pending, returned are not decided.
    _decided(services, eur, approved=17, rejected=2, screened_out=1, pending=5, returned=1)
    assert "high_rejection" not in flags(one(day_report(services, date(2026, 3, 5))))


def test_high_rejection_counts_partially_approved(services: Services, eur: str) -> None:
    # partially_approved 18 + rejected 2 = 20 decided; 2 / 20 = 0.1 > 0.05.
    _decided(services, eur, partially_approved=18, rejected=2)
    flag = flags(one(day_report(services, date(2026, 3, 5))))["high_rejection"]
    assert flag.value == "0.1000"


def test_high_rejection_uses_the_setting(services: Services, eur: str) -> None:
    services.settings.set("max_rejection_rate", "0.10")
    # 2 / 20 = 0.10: not above 0.10.
    _decided(services, eur, approved=18, rejected=2)
    assert "high_rejection" not in flags(one(day_report(services, date(2026, 3, 5))))


# overdue_review: now is 2026-03-10T09:00Z; 30 days earlier is 2026-02-08T09:00Z.


@pytest.mark.parametrize(
    ("submitted", "flagged"),
    [
        (utc(2026, 2, 8, 10), False),  # 29 d 23 h ago
        (utc(2026, 2, 8, 9), False),  # exactly 30 days: not more
        (utc(2026, 2, 8, 8), True),  # 30 d 1 h ago
    ],
)
def test_overdue_review(services: Services, eur: str, submitted: datetime, flagged: bool) -> None:
    services.tasks.add(eur, "1.00", status="pending", submitted=submitted)
    p = one(services.reports.report(date(2026, 2, 1), date(2026, 3, 1)))
    assert ("overdue_review" in flags(p)) is flagged
    if flagged:
        flag = flags(p)["overdue_review"]
        assert flag.value == "30"  # whole days of the oldest
        assert flag.threshold == "30"


def test_overdue_review_ignores_decided_tasks(services: Services, eur: str) -> None:
    services.tasks.add(eur, "1.00", status="approved", submitted=utc(2026, 1, 5, 9),
                       decided=utc(2026, 2, 20, 9))
    services.tasks.add(eur, "1.00", status="rejected", submitted=utc(2026, 1, 5, 9))
    p = one(services.reports.report(date(2026, 1, 1), date(2026, 2, 1)))
    assert "overdue_review" not in flags(p)


def test_overdue_review_counts_and_oldest(services: Services, eur: str) -> None:
    # Two pending tasks in January, 64 and 44 days old: value is the oldest, 64.
    # 2026-01-05T09:00Z -> 2026-03-10T09:00Z: 31 (-> Feb 5) + 28 (-> Mar 5) + 5 = 64 days;
    # 2026-01-25T09:00Z -> 2026-03-10T09:00Z: 31 (-> Feb 25) + 13 = 44 days.
    services.tasks.add(eur, "1.00", status="pending", submitted=utc(2026, 1, 5, 9))
    services.tasks.add(eur, "1.00", status="pending", submitted=utc(2026, 1, 25, 9))
    flag = flags(one(services.reports.report(date(2026, 1, 1), date(2026, 2, 1))))[
        "overdue_review"
    ]
    assert flag.value == "64"
    assert "2 tasks" in flag.message


@pytest.mark.parametrize("kind", ["account_closed", "account_suspended", "balance_withheld"])
def test_withheld_balance_is_flagged(services: Services, eur: str, kind: str) -> None:
    services.events.add(eur, kind, at=utc(2026, 3, 5, 10), amount="50.00")
    flag = flags(one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1))))[
        "withheld_balance"
    ]
    assert flag.value == "50.00"
    assert flag.threshold is None


def test_withheld_balance_cleared_by_a_later_resolved(services: Services, eur: str) -> None:
    services.events.add(eur, "account_closed", at=utc(2026, 3, 5, 10), amount="50.00")
    services.events.add(eur, "resolved", at=utc(2026, 3, 6, 10))
    p = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    assert "withheld_balance" not in flags(p)


def test_withheld_balance_not_cleared_by_an_earlier_resolved(
    services: Services, eur: str
) -> None:
    services.events.add(eur, "resolved", at=utc(2026, 3, 4, 10))
    services.events.add(eur, "account_closed", at=utc(2026, 3, 5, 10), amount="50.00")
    p = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    assert flags(p)["withheld_balance"].value == "50.00"


def test_withholding_without_an_amount_is_not_a_withheld_balance(
    services: Services, eur: str
) -> None:
    services.events.add(eur, "account_closed", at=utc(2026, 3, 5, 10))
    services.events.add(eur, "message", at=utc(2026, 3, 5, 11), amount="10.00")
    p = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    assert "withheld_balance" not in flags(p)


def test_scam_risk_flag(services: Services, eur: str) -> None:
    services.platforms.add_sign(eur, "upfront-fee")
    flag = flags(one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1))))["scam_risk"]
    assert flag.value == "upfront-fee"


def test_no_flags_on_a_quiet_platform(services: Services, eur: str) -> None:
    p = one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1)))
    assert p.flags == []


# =======================================================================================
# report --json shape
# =======================================================================================

PLATFORM_KEYS = {
    "name", "currency", "seconds_total", "seconds_task", "seconds_unpaid",
    "seconds_by_activity", "tasks", "earned", "bonus", "pending_value", "rejected_value",
    "fees", "net", "effective_hourly", "nominal_hourly", "home", "flags",
}
ACTIVITY_KEYS = {"search", "qualification", "communication", "payment", "other"}
STATUS_KEYS = {
    "approved", "partially_approved", "screened_out", "rejected", "pending", "returned",
    "expired", "in_progress",
}
HOME_KEYS = {"earned", "fees", "net", "pending_value", "rejected_value", "effective_hourly"}


def test_json_of_an_empty_month_matches_design(services: Services, eur: str) -> None:
    data = services.reports.report(date(2026, 3, 1), date(2026, 4, 1)).as_json()
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    assert data == {
        "from": "2026-03-01",
        "to": "2026-04-01",  # exclusive: the day after the last
        "timezone": "Europe/Paris",
        "home_currency": "EUR",
        "platforms": [{
            "name": "Prolific", "currency": "EUR",
            "seconds_total": 0, "seconds_task": 0, "seconds_unpaid": 0,
            "seconds_by_activity": dict.fromkeys(ACTIVITY_KEYS, 0),
            "tasks": dict.fromkeys(STATUS_KEYS, 0),
            "earned": "0.00", "bonus": "0.00", "pending_value": "0.00",
            "rejected_value": "0.00", "fees": "0.00", "net": "0.00",
            "effective_hourly": None, "nominal_hourly": None,
            "home": {"earned": "0.00", "fees": "0.00", "net": "0.00",
                     "pending_value": "0.00", "rejected_value": "0.00",
                     "effective_hourly": None},
            "flags": [],
        }],
        "totals": {"home": {"earned": "0.00", "fees": "0.00", "net": "0.00",
                            "seconds_total": 0, "effective_hourly": None}},
    }


def test_json_from_to_of_a_period_of_days(services: Services, eur: str) -> None:
    # --from 2026-03-05 --to 2026-03-07 includes both days: to is 2026-03-08.
    data = services.reports.report(date(2026, 3, 5), date(2026, 3, 8)).as_json()
    assert (data["from"], data["to"]) == ("2026-03-05", "2026-03-08")


def test_json_with_figures_and_flags(services: Services, eur: str) -> None:
    _ledger_of_every_status(services, eur)
    data = services.reports.report(date(2026, 3, 1), date(2026, 4, 1)).as_json()
    assert set(data) == {"from", "to", "timezone", "home_currency", "platforms", "totals"}
    (platform,) = data["platforms"]
    assert set(platform) == PLATFORM_KEYS
    assert set(platform["seconds_by_activity"]) == ACTIVITY_KEYS
    assert platform["tasks"] == {
        "approved": 4, "partially_approved": 2, "screened_out": 2, "rejected": 1,
        "pending": 1, "returned": 1, "expired": 1, "in_progress": 1,
    }
    assert set(platform["home"]) == HOME_KEYS
    assert platform["seconds_total"] == 7200
    assert platform["seconds_task"] == 5400
    assert platform["seconds_unpaid"] == 1800
    assert platform["seconds_by_activity"]["search"] == 1800
    # Figures for March = those of the 5th (every record is on the 5th), plus the payout
    # requested on the 4th: fees 0.50 + 0.25 + 2.00 = 2.75; net 5.32 - 2.75 = 2.57;
    # effective 2.57 / 2 h = 1.285 -> 1.29.
    assert platform["fees"] == "2.75"
    assert platform["net"] == "2.57"
    assert platform["effective_hourly"] == "1.29"
    assert platform["nominal_hourly"] == "3.55"
    (low_wage,) = [f for f in platform["flags"] if f["code"] == "low_wage"]
    assert set(low_wage) == {"code", "value", "threshold", "message"}
    assert (low_wage["value"], low_wage["threshold"]) == ("1.29", "12.02")
    assert isinstance(low_wage["message"], str) and low_wage["message"]
    assert data["totals"] == {"home": {"earned": "5.32", "fees": "2.75", "net": "2.57",
                                       "seconds_total": 7200, "effective_hourly": "1.29"}}


def test_json_money_uses_each_currency_digits(services: Services, eur: str) -> None:
    services.platforms.add("Yen", currency="JPY")
    services.platforms.add("Dinar", currency="KWD")
    services.rates.set("JPY", "0.0061", on=date(2026, 3, 1))
    services.rates.set("KWD", "2.5", on=date(2026, 3, 1))
    at = utc(2026, 3, 5, 12)
    services.tasks.add("Yen", "150", status="approved", submitted=at)
    services.tasks.add("Yen", "99", status="pending", submitted=at)
    services.tasks.add("Dinar", "1.234", status="approved", submitted=at)
    services.tasks.add("Dinar", "0.5", status="rejected", submitted=at)
    data = services.reports.report(date(2026, 3, 1), date(2026, 4, 1)).as_json()
    by_name = {p["name"]: p for p in data["platforms"]}
    yen, dinar = by_name["Yen"], by_name["Dinar"]
    # JPY has no decimals.
    assert (yen["earned"], yen["pending_value"], yen["fees"]) == ("150", "99", "0")
    # 150 x 0.0061 = 0.915 -> 0.92 EUR; 99 x 0.0061 = 0.6039 -> 0.60 EUR.
    assert (yen["home"]["earned"], yen["home"]["pending_value"]) == ("0.92", "0.60")
    # KWD has three.
    assert (dinar["earned"], dinar["rejected_value"], dinar["net"]) == ("1.234", "0.500", "1.234")
    # 1.234 x 2.5 = 3.085 -> 3.09 EUR; 0.500 x 2.5 = 1.25 EUR.
    assert (dinar["home"]["earned"], dinar["home"]["rejected_value"]) == ("3.09", "1.25")
    # Home totals: 0.92 + 3.09 + 0.00 (Prolific) = 4.01.
    assert data["totals"]["home"]["earned"] == "4.01"
    assert data["totals"]["home"]["net"] == "4.01"


def test_report_for_one_platform(services: Services, eur: str) -> None:
    services.platforms.add("Toloka")
    report = services.reports.report(date(2026, 3, 1), date(2026, 4, 1), "toloka")
    assert [p.platform.name for p in report.platforms] == ["Toloka"]


def test_report_lists_platforms_by_name(services: Services, eur: str) -> None:
    services.platforms.add("appen")
    services.platforms.add("Toloka")
    report = services.reports.report(date(2026, 3, 1), date(2026, 4, 1))
    assert [p["name"] for p in report.as_json()["platforms"]] == ["appen", "Prolific", "Toloka"]



# =======================================================================================
# The current window (`clickwage flags`): rate flags over 30 days, state flags of all time
# =======================================================================================


def test_current_state_flags_look_at_all_time(services: Services, eur: str) -> None:
    # A closure with a balance and a pending task, both from 2025: long before the
    # 30-day window (2026-02-08T09:00Z to 2026-03-10T09:00Z), still flagged as of now.
    services.events.add(eur, "account_closed", at=utc(2025, 11, 2, 10), amount="80.00")
    services.tasks.add(eur, "1.00", status="pending", submitted=utc(2025, 11, 1, 9))
    current = flags(one(services.reports.current()))
    assert current["withheld_balance"].value == "80.00"
    # 2025-11-01T09:00Z -> 2026-03-10T09:00Z: 30 + 31 + 31 + 28 + 9 = 129 days.
    assert current["overdue_review"].value == "129"
    # The March report does not see them: they are not in its period.
    march = flags(one(services.reports.report(date(2026, 3, 1), date(2026, 4, 1))))
    assert "withheld_balance" not in march
    assert "overdue_review" not in march


def test_current_rate_flags_look_at_the_window_only(services: Services, eur: str) -> None:
    # 18 approved + 2 rejected (0.10) on 2026-02-07: 31 days ago, outside the window.
    at = utc(2026, 2, 7, 9)
    for status, count in (("approved", 18), ("rejected", 2)):
        for _ in range(count):
            services.tasks.add(eur, "0.10", status=status, submitted=at)
    assert "high_rejection" not in flags(one(services.reports.current()))
    # The same on 2026-02-09 (29 days ago): inside, flagged.
    at = utc(2026, 2, 9, 9)
    for status, count in (("approved", 18), ("rejected", 2)):
        for _ in range(count):
            services.tasks.add(eur, "0.10", status=status, submitted=at)
    assert flags(one(services.reports.current()))["high_rejection"].value == "0.1000"


def test_current_low_wage_over_the_window(services: Services, eur: str) -> None:
    # 2 h of work on 2026-03-02 for 5.00: 2.50 an hour, flagged over the last 30 days.
    work(services, eur, utc(2026, 3, 2, 8), utc(2026, 3, 2, 10))
    services.tasks.add(eur, "5.00", status="approved", submitted=utc(2026, 3, 2, 9))
    p = one(services.reports.current())
    assert p.time.seconds_total == 7200
    assert flags(p)["low_wage"].value == "2.50"


def test_current_resolved_withholding_is_not_flagged(services: Services, eur: str) -> None:
    services.events.add(eur, "balance_withheld", at=utc(2025, 11, 2, 10), amount="80.00")
    services.events.add(eur, "resolved", at=utc(2026, 1, 2, 10))
    assert "withheld_balance" not in flags(one(services.reports.current()))


def test_platform_min_wage_override_keeps_its_figure_when_home_currency_changes(
    services: Services,
) -> None:
    services.platforms.add("Appen", min_wage="10.00")  # 10.00 EUR
    services.settings.set("home_currency", "JPY")
    # The global minimum keeps its figure: 12.02 -> 12 (JPY has no decimals).
    assert services.settings.current().min_wage == 12
    services.rates.set("EUR", "160", on=date(2026, 3, 1))
    # 1 h of work for 0.05 EUR = 8 JPY an hour: below the override, whatever its unit.
    work(services, "Appen", utc(2026, 3, 5, 8), utc(2026, 3, 5, 9))
    services.tasks.add("Appen", "0.05", status="approved", submitted=utc(2026, 3, 5, 8, 30))
    flag = flags(one(day_report(services, date(2026, 3, 5))))["low_wage"]
    assert flag.value == "8.00"
    # Like the global setting, the override should keep its figure: 10 JPY.
    assert flag.threshold == "10"


def test_overlapping_sessions_count_once(services: Services, eur: str) -> None:
    d = (2026, 3, 5)
    # Entered by hand afterwards: search 08:00-09:00 and task 08:30-09:30 overlap by 30 min.
    # Total = union 08:00-09:30 = 5400; task 3600; unpaid 1800; search 3600.
    work(services, eur, utc(*d, 8), utc(*d, 9), Activity.SEARCH)
    work(services, eur, utc(*d, 8, 30), utc(*d, 9, 30))
    p = one(day_report(services, date(*d)))
    assert p.time.seconds_total == 5400
    assert p.time.seconds_task == 3600
    assert p.time.seconds_unpaid == 1800
    assert p.time.seconds_by_activity["search"] == 3600
