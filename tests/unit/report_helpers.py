"""Helpers and fixtures shared by the tests of the report's definitions.

Used by tests/unit/test_report_time.py, test_report_wage.py, test_report_currency.py,
test_report_flags.py and test_report_json.py. Their fixtures (`eur`, `usd`) are in
tests/unit/conftest.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.domain.flags import Flag
from app.domain.statuses import Activity
from app.services import Services
from app.services.reports import PlatformReport, Report


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
