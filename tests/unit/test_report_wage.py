"""The report's money against DESIGN.md "Definitions": earned rules, fees, net and
the hourly figures (effective and nominal wage).

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.

Shared helpers and fixtures: tests/unit/report_helpers.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.statuses import Activity
from app.services import Services
from tests.unit.report_helpers import (
    _ledger_of_every_status,
    day_report,
    one,
    utc,
    work,
)

# =======================================================================================
# Money: earned rules, fees, net, hourly figures
# =======================================================================================


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
