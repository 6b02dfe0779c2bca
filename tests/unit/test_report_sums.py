"""The report's task sums (app/services/report_money.py) against a plain reference.

The report sums tasks in SQL, converting each amount to the home currency row
by row in exact integer arithmetic, and falls back to grouping by amount for
tasks in another currency, huge amounts or negative ones. Here random ledgers
(several currencies, rate changes inside the periods, every status, amounts
that overflow 64-bit arithmetic once converted) are checked against a
reference written straight from DESIGN.md: each task on its own, each amount
converted with convert_minor at the rate of its local work date.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.clock import FakeClock
from app.domain.localtime import local_date
from app.domain.money import convert_minor
from app.domain.statuses import TaskStatus
from app.i18n import Translator
from app.services import Services, open_services
from app.services.reports import PlatformReport

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
BEGIN = int(datetime(2025, 12, 25, tzinfo=UTC).timestamp())
END = int(datetime(2026, 4, 5, tzinfo=UTC).timestamp())
PLATFORMS = {"Dollars": "USD", "Euros": "EUR", "Yen": "JPY"}
RATES = (  # (currency, valid from, rate): changes inside the periods below
    ("USD", date(2026, 1, 1), "0.9234"),
    ("USD", date(2026, 2, 15), "0.87"),
    ("USD", date(2026, 3, 20), "0.5"),  # odd cents make exact halves: rounding shows
    ("GBP", date(2026, 1, 20), "1.1734"),
    ("JPY", date(2026, 1, 1), "0.0061"),
    ("JPY", date(2026, 3, 10), "0.00605"),
)
PERIODS = (
    (date(2026, 1, 1), date(2026, 2, 1)),
    (date(2026, 2, 1), date(2026, 3, 1)),
    (date(2026, 3, 1), date(2026, 4, 1)),
    (date(2026, 1, 10), date(2026, 2, 20)),
    (date(2025, 12, 1), date(2026, 4, 30)),
)

tasks_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "platform": st.sampled_from(sorted(PLATFORMS)),
            "currency": st.sampled_from([None, None, None, "USD", "GBP", "EUR", "JPY"]),
            "status": st.sampled_from([status.value for status in TaskStatus]),
            "reward": st.one_of(st.integers(0, 5000), st.just(4 * 10**15)),
            "earned": st.one_of(st.none(), st.integers(0, 5000), st.just(3 * 10**15)),
            "bonus": st.one_of(st.just(0), st.integers(0, 300)),
            "at": st.integers(BEGIN, END),
        }
    ),
    max_size=40,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tasks=tasks_strategy, unknown_currency=st.booleans())
def test_report_sums_match_a_task_by_task_reference(
    tasks: list[dict[str, object]], unknown_currency: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder), FakeClock(NOW), PARIS, Translator("en"), "FR")
        try:
            _fill(services, tasks, unknown_currency)
            batch = services.reports.reports(PERIODS)
            for (first, end), report in zip(PERIODS, batch, strict=True):
                single = services.reports.report(first, end)
                assert single.as_json() == report.as_json()
                for row in report.platforms:
                    _check(row, tasks, first, end, unknown_currency)
        finally:
            services.close()


def _fill(services: Services, tasks: list[dict[str, object]], unknown_currency: bool) -> None:
    ids = {}
    for name, currency in PLATFORMS.items():
        ids[name] = services.platforms.add(name, currency=currency).id
    for currency, valid_from, rate in RATES:
        services.rates.set(currency, rate, valid_from)
    rows = [
        {
            "platform_id": ids[str(task["platform"])],
            "currency": task["currency"] or PLATFORMS[str(task["platform"])],
            "status": task["status"],
            "reward": task["reward"],
            "earned": task["earned"],
            "bonus": task["bonus"],
            "submitted_at": task["at"],
        }
        for task in tasks
    ]
    if unknown_currency:  # a currency without any rate: no home figures for that platform
        rows.append({**rows[0], "currency": "CHF"} if rows else {
            "platform_id": ids["Euros"], "currency": "CHF", "status": "approved",
            "reward": 100, "earned": None, "bonus": 0,
            "submitted_at": int(datetime(2026, 1, 15, tzinfo=UTC).timestamp()),
        })
    services.tasks.bulk_insert(rows, origin="import")


def _check(
    row: PlatformReport,
    tasks: list[dict[str, object]],
    first: date,
    end: date,
    unknown_currency: bool,
) -> None:
    """The platform's figures for [first, end) computed task by task."""
    name = row.platform.name
    native = PLATFORMS[name]
    mine = [
        (task["currency"] or native, task)
        for task in tasks
        if task["platform"] == name and first <= _day(task) < end
    ]
    if unknown_currency:
        extra = dict(tasks[0]) if tasks else {"platform": "Euros", "status": "approved",
                                             "reward": 100, "earned": None, "bonus": 0,
                                             "at": int(datetime(2026, 1, 15,
                                                                tzinfo=UTC).timestamp())}
        if extra["platform"] == name and first <= _day(extra) < end:
            mine.append(("CHF", extra))
    counts: dict[str, int] = defaultdict(int)
    by_currency: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    home = [0, 0, 0]  # earned with bonuses, pending, rejected
    rates = services_rates()
    missing = False
    for currency, task in mine:
        status = str(task["status"])
        reward, bonus = int(str(task["reward"])), int(str(task["bonus"]))
        earned = None if task["earned"] is None else int(str(task["earned"]))
        counts[status] += 1
        figures = by_currency[currency]
        rate = rates(currency, _day(task))
        missing = missing or rate is None

        def convert(minor: int, currency: str = currency, rate: Decimal | None = rate) -> int:
            return 0 if rate is None else convert_minor(minor, currency, rate, "EUR")

        if status == TaskStatus.APPROVED:
            paid = reward if earned is None else earned
            figures[0] += paid
            home[0] += convert(paid)
        elif status in (TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT):
            figures[0] += earned or 0
            home[0] += convert(earned or 0)
        elif status == TaskStatus.PENDING:
            figures[2] += reward
            home[1] += convert(reward)
        elif status == TaskStatus.REJECTED:
            figures[3] += reward
            home[2] += convert(reward)
        figures[1] += bonus
        home[0] += convert(bonus)
    assert {k: v for k, v in row.totals.counts.items() if v} == dict(counts)
    own = by_currency.pop(native, [0, 0, 0, 0])
    totals = row.totals
    assert [totals.earned, totals.bonus, totals.pending_value, totals.rejected_value] == own
    others = {
        code: [t.earned, t.bonus, t.pending_value, t.rejected_value]
        for code, t in row.other_currencies.items()
    }
    assert others == dict(by_currency)
    if missing:
        assert row.home is None
    else:
        assert row.home is not None
        assert [row.home.earned, row.home.pending_value, row.home.rejected_value] == home


def _day(task: dict[str, object]) -> date:
    return local_date(datetime.fromtimestamp(int(str(task["at"])), UTC), PARIS)


def services_rates():  # type: ignore[no-untyped-def]
    """The rate on a local date: the latest on or before it, else the earliest after."""
    table: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    for currency, valid_from, rate in RATES:
        table[currency].append((valid_from, Decimal(rate)))

    def rate_on(currency: str, day: date) -> Decimal | None:
        if currency == "EUR":
            return Decimal(1)
        entries = sorted(table.get(currency, []))
        if not entries:
            return None
        before = [rate for valid_from, rate in entries if valid_from <= day]
        return before[-1] if before else entries[0][1]

    return rate_on


def test_the_reference_rates_follow_design() -> None:
    rate_on = services_rates()
    assert rate_on("USD", date(2025, 12, 31)) == Decimal("0.9234")  # earliest after
    assert rate_on("USD", date(2026, 2, 14)) == Decimal("0.9234")
    assert rate_on("USD", date(2026, 2, 15)) == Decimal("0.87")
    assert rate_on("CHF", date(2026, 2, 15)) is None


def _march_25(services: Services, extra: list[dict[str, object]]) -> PlatformReport:
    """Half-cent cases on 2026-03-25, where 1 USD = 0.5 EUR and 1 GBP = 1.1734 EUR."""
    pid = services.platforms.add("Dollars", currency="USD").id
    services.rates.set("USD", "0.5", date(2026, 3, 20))
    services.rates.set("GBP", "1.1734", date(2026, 1, 20))
    at = int(datetime(2026, 3, 25, 10, tzinfo=UTC).timestamp())
    base = {"platform_id": pid, "currency": "USD", "earned": None, "bonus": 0,
            "submitted_at": at}
    rows = [
        {**base, "status": "pending", "reward": 1},  # 0.5 cent -> 1
        {**base, "status": "rejected", "reward": 3},  # 1.5 -> 2
        {**base, "status": "approved", "reward": 5, "bonus": 1},  # 2.5 -> 3, bonus 0.5 -> 1
        {**base, "status": "partially_approved", "reward": 9, "earned": 7},  # 3.5 -> 4
        {**base, "status": "approved", "reward": 1, "currency": "GBP"},  # 1.1734 -> 1
        *({**base, **row} for row in extra),
    ]
    services.tasks.bulk_insert(rows, origin="import")
    (row,) = services.reports.report(date(2026, 3, 1), date(2026, 4, 1)).platforms
    return row


def test_half_cents_round_up_in_sql(services: Services) -> None:
    row = _march_25(services, [])
    assert row.home is not None
    assert (row.home.earned, row.home.pending_value, row.home.rejected_value) == (3 + 1 + 4 + 1,
                                                                                  1, 2)
    assert (row.totals.earned, row.totals.bonus) == (5 + 7, 1)
    assert row.other_currencies["GBP"].earned == 1
    assert row.totals.counts["approved"] == 2  # one in USD, one in GBP


def test_half_cents_round_up_when_huge_amounts_force_python(services: Services) -> None:
    # 4e15 cents times the rate's multiplier would overflow 64 bits: converted in Python.
    row = _march_25(services, [{"status": "returned", "reward": 4 * 10**15}])
    assert row.home is not None
    assert (row.home.earned, row.home.pending_value, row.home.rejected_value) == (9, 1, 2)
    assert row.totals.counts["returned"] == 1
