"""The report's flags against DESIGN.md "Definitions", each just under and just over
its threshold, and the current window of `clickwage flags`.

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.

Shared helpers and fixtures: tests/unit/report_helpers.py.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from tests.unit.report_helpers import (
    day_report,
    flags,
    one,
    utc,
    work,
)

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
