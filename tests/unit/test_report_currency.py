"""The report's conversion to the home currency against DESIGN.md "Definitions".

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.

Shared helpers and fixtures: tests/unit/report_helpers.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.services import Services
from tests.unit.report_helpers import (
    day_report,
    flags,
    one,
    utc,
    work,
)

# =======================================================================================
# Home currency conversion
# =======================================================================================


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
