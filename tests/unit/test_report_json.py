"""The shape of `clickwage report --json` against DESIGN.md "Definitions".

Every expected figure is worked out by hand in the comments; nothing is
computed with the code under test. Paris is UTC+1 until 2026-03-29 02:00 and
UTC+2 from then until 2026-10-25 03:00. Times are given in UTC (…Z) with the
local time in the comment.

Shared helpers and fixtures: tests/unit/report_helpers.py.
"""

from __future__ import annotations

import json
from datetime import date

from app.services import Services
from tests.unit.report_helpers import (
    _ledger_of_every_status,
    utc,
)

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
