"""The report's time against DESIGN.md "Definitions": DST days, months, bridging,
activities, task spans.

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.

Shared helpers and fixtures: tests/unit/report_helpers.py.
"""

from __future__ import annotations

from datetime import date

from app.domain.clock import FakeClock
from app.domain.statuses import Activity
from app.services import Services
from tests.unit.report_helpers import (
    day_report,
    one,
    utc,
    work,
)

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
