"""The Ledger's SQL: keyset pages and row N agree with a plain ORDER BY; filters, sorts, totals."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from app.domain.localtime import local_date
from app.services import Services
from app.services.ledger_query import (
    LedgerFilter,
    LedgerQuery,
    LedgerRow,
    LedgerSort,
)
from app.services.records import TaskInfo
from app.services.tasks import TaskFilter
from tests.conftest import PARIS

TITLES = ("Transcribe a RECEIPT", "receipt check", "Survey_50% off", "Tag images", None)
REQUESTERS = ("North Lab", "Bright Research", "DATA insights", None)
STATUSES = ("pending", "approved", "rejected", "partially_approved", "screened_out", "returned")
COUNT = 3000


def _fill(services: Services, count: int = COUNT, seed: int = 7) -> dict[str, int]:
    platforms = {
        "Prolific": services.platforms.add("Prolific", "GBP").id,
        "MTurk": services.platforms.add("MTurk", "USD").id,
        "Clickworker": services.platforms.add("Clickworker", "EUR").id,
    }
    rng = random.Random(seed)
    start = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
    rows: list[dict[str, Any]] = []
    for index in range(count):
        name = rng.choice(tuple(platforms))
        currency = {"Prolific": "GBP", "MTurk": "USD", "Clickworker": "EUR"}[name]
        if name == "Prolific" and rng.random() < 0.2:
            currency = "USD"
        status = rng.choice(STATUSES)
        # Groups of three tasks share a submission time: the order must still be total.
        submitted = start + (index // 3) * 2400 + rng.choice((0, 0, 7))
        earned = None
        if status in ("partially_approved", "screened_out") or (
            status == "approved" and rng.random() < 0.3
        ):
            earned = rng.choice((0, 3, 11, 40))
        rows.append(
            {
                "platform_id": platforms[name],
                "external_id": None if rng.random() < 0.1 else f"{name[:2].upper()}-{index:05d}",
                "title": rng.choice(TITLES),
                "requester": rng.choice(REQUESTERS),
                "reward": rng.choice((1, 5, 33, 50, 125)),
                "earned": earned,
                "bonus": rng.choice((0, 0, 0, 7)),
                "currency": currency,
                "status": status,
                "started_at": submitted - 300,
                "submitted_at": submitted,
                "decided_at": None if status == "pending" else submitted + 60,
                "duration_s": 300,
            }
        )
    services.tasks.bulk_insert(rows, "import:test")
    return platforms


@pytest.fixture
def filled(services: Services) -> dict[str, int]:
    return _fill(services)


@pytest.fixture
def query(services: Services) -> LedgerQuery:
    return LedgerQuery(services.ctx)


def _work(task: TaskInfo) -> datetime:
    return task.submitted_at or task.started_at or task.decided_at or task.recorded_at


def _all_pages(query: LedgerQuery, filters: LedgerFilter, sort: LedgerSort, size: int) -> list[int]:
    ids: list[int] = []
    key = None
    while True:
        page = query.page(filters, sort, key, size)
        ids += [row.id for row in page]
        if len(page) < size:
            return ids
        key = page[-1].key


def test_keyset_pages_equal_the_plain_order(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    expected = [task.id for task in services.tasks.list()]
    assert len(expected) == COUNT
    everything = LedgerFilter()
    assert query.count(everything) == COUNT
    assert _all_pages(query, everything, LedgerSort("work_at"), 256) == expected
    assert _all_pages(query, everything, LedgerSort("work_at", descending=True), 97) == list(
        reversed(expected)
    )


def test_backward_pages_and_row_n(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    expected = [task.id for task in services.tasks.list()]
    everything = LedgerFilter()
    for sort, order in (
        (LedgerSort("work_at"), expected),
        (LedgerSort("work_at", descending=True), list(reversed(expected))),
    ):
        for n in (0, 1, 255, 1499, 1500, 2998, COUNT - 1):
            from_start = query.key_after(everything, sort, None, n)
            from_end = query.key_after(everything, sort, None, COUNT - 1 - n, forward=False)
            assert from_start is not None and from_start[1] == order[n]
            assert from_end == from_start
        # From an anchor row already seen, in both directions.
        anchor = query.key_after(everything, sort, None, 1000)
        assert query.key_after(everything, sort, anchor, 499) == query.key_after(
            everything, sort, None, 1500
        )
        assert query.key_after(everything, sort, anchor, 99, forward=False) == query.key_after(
            everything, sort, None, 900
        )
        assert query.key_after(everything, sort, None, COUNT) is None
        # A page ending at row 2999 fetched backwards from the end, in display order.
        tail = query.page(everything, sort, None, 300, forward=False)
        assert [row.id for row in tail] == order[-300:]
        # A page starting at row N, inclusive.
        start = query.key_after(everything, sort, None, 1234)
        middle = query.page(everything, sort, start, 10, inclusive=True)
        assert [row.id for row in middle] == order[1234:1244]
        before = query.page(everything, sort, start, 10, forward=False)
        assert [row.id for row in before] == order[1224:1234]


def _check_filter(
    services: Services,
    query: LedgerQuery,
    filters: LedgerFilter,
    keep: Callable[[TaskInfo], bool],
) -> list[int]:
    expected = [task.id for task in services.tasks.list() if keep(task)]
    assert query.count(filters) == len(expected)
    sort = LedgerSort("work_at")
    if query.uses_keyset(filters, sort):
        assert _all_pages(query, filters, sort, 200) == expected
    assert list(query.ordered_ids(filters, sort)) == expected
    return expected


def test_filters(services: Services, query: LedgerQuery, filled: dict[str, int]) -> None:
    prolific = filled["Prolific"]
    kept = _check_filter(
        services, query, LedgerFilter(platform_id=prolific), lambda t: t.platform == "Prolific"
    )
    assert 0 < len(kept) < COUNT
    _check_filter(services, query, LedgerFilter(status="pending"), lambda t: t.status == "pending")
    _check_filter(
        services,
        query,
        LedgerFilter(platform_id=prolific, status="rejected"),
        lambda t: t.platform == "Prolific" and t.status == "rejected",
    )
    first, last = date(2026, 1, 10), date(2026, 1, 20)

    def in_period(task: TaskInfo) -> bool:
        return first <= local_date(_work(task), PARIS) <= last

    kept = _check_filter(services, query, LedgerFilter(first_day=first, last_day=last), in_period)
    assert 0 < len(kept) < COUNT
    # Local days: a task at 23:30 UTC on Jan 9 is on Jan 10 in Paris.
    assert any(_work(t).astimezone(UTC).day == 9 for t in services.tasks.list() if in_period(t))
    # The same period as TaskService's own filter.
    assert kept == [t.id for t in services.tasks.list(TaskFilter(first_day=first, last_day=last))]


def test_text_search(services: Services, query: LedgerQuery, filled: dict[str, int]) -> None:
    def has(word: str) -> Callable[[TaskInfo], bool]:
        return lambda t: any(
            word.lower() in (value or "").lower() for value in (t.external_id, t.title, t.requester)
        )

    filters = LedgerFilter(text="receipt")
    assert not query.uses_keyset(filters, LedgerSort())
    kept = _check_filter(services, query, filters, has("receipt"))
    assert len(kept) > 100
    # Every word must match, each in any of the three fields.
    both = _check_filter(
        services,
        query,
        LedgerFilter(text="  RECEIPT  north "),
        lambda t: has("receipt")(t) and has("north")(t),
    )
    assert 0 < len(both) < len(kept)
    # LIKE wildcards are plain characters.
    percent = _check_filter(services, query, LedgerFilter(text="50%"), has("50%"))
    assert percent and len(percent) < COUNT
    _check_filter(services, query, LedgerFilter(text="y_5"), has("y_5"))
    _check_filter(services, query, LedgerFilter(text="%"), has("%"))
    _check_filter(services, query, LedgerFilter(text="PR-0001"), has("pr-0001"))
    _check_filter(services, query, LedgerFilter(text="no such thing"), lambda t: False)


SORT_KEYS: dict[str, Callable[[TaskInfo, dict[str, int]], Any]] = {
    "platform": lambda t, ids: t.platform.lower(),
    "external_id": lambda t, ids: (t.external_id or "").lower(),
    "title": lambda t, ids: (t.title or "").lower(),
    "requester": lambda t, ids: (t.requester or "").lower(),
    "status": lambda t, ids: t.status,
    "reward": lambda t, ids: t.reward,
    "earned": lambda t, ids: -1 if t.earned is None else t.earned,
    "bonus": lambda t, ids: t.bonus,
    "currency": lambda t, ids: t.currency,
    "files": lambda t, ids: ids.get(str(t.id), 0),
}


@pytest.mark.parametrize("column", sorted(SORT_KEYS))
def test_sorting_in_sql(
    services: Services, query: LedgerQuery, filled: dict[str, int], column: str, tmp_path: Any
) -> None:
    from app.services.attachments import AttachmentService

    files: dict[str, int] = {}
    if column == "files":
        proof = tmp_path / "proof.png"
        proof.write_bytes(b"png")
        other = tmp_path / "mail.eml"
        other.write_bytes(b"mail")
        attachments = AttachmentService(services.ctx)
        for task_id in (5, 17, 17, 2000):
            path = proof if files.get(str(task_id)) is None else other
            attachments.attach("task", task_id, path)
            files[str(task_id)] = files.get(str(task_id), 0) + 1
    tasks = list(services.tasks.list())
    key = SORT_KEYS[column]

    def full(task: TaskInfo) -> tuple[Any, ...]:
        return (key(task, files), int(_work(task).timestamp()), task.id)

    ascending = [t.id for t in sorted(tasks, key=full)]
    sort = LedgerSort(column)
    assert not query.uses_keyset(LedgerFilter(), sort)
    assert list(query.ordered_ids(LedgerFilter(), sort)) == ascending
    descending = list(query.ordered_ids(LedgerFilter(), LedgerSort(column, descending=True)))
    assert descending == list(reversed(ascending))
    # Rows by id come back in the order asked, with their values.
    rows = query.rows_by_ids(ascending[:50])
    assert [row.id for row in rows] == ascending[:50]
    if column == "files":
        assert {row.id: row.files for row in query.rows_by_ids([5, 17, 2000, 6])} == {
            5: 1,
            17: 2,
            2000: 1,
            6: 0,
        }


def test_sorted_and_filtered(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    filters = LedgerFilter(platform_id=filled["MTurk"], status="approved", text="lab")
    expected = sorted(
        (
            t
            for t in services.tasks.list()
            if t.platform == "MTurk"
            and t.status == "approved"
            and "lab" in " ".join(v or "" for v in (t.external_id, t.title, t.requester)).lower()
        ),
        key=lambda t: (-t.reward, -int(_work(t).timestamp()), -t.id),
    )
    ids = list(query.ordered_ids(filters, LedgerSort("reward", descending=True)))
    assert ids == [t.id for t in expected]


def test_row_values(services: Services, query: LedgerQuery) -> None:
    services.platforms.add("Prolific", "GBP")
    submitted = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    task = services.tasks.add(
        "Prolific",
        "1.25",
        external_id="X1",
        title="A study",
        requester="Lab",
        status="rejected",
        submitted=submitted,
        decided=submitted + timedelta(hours=1),
        reason="Failed attention check",
    )
    (row,) = query.page(LedgerFilter(), LedgerSort(), None, 10)
    assert row == LedgerRow(
        task.id,
        row.platform_id,
        "X1",
        "A study",
        "Lab",
        "rejected",
        125,
        None,
        0,
        "GBP",
        int(submitted.timestamp()),
        "Failed attention check",
        0,
    )
    assert query.platform_names() == {row.platform_id: "Prolific"}
    assert query.size_hint() == task.id


def _round(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_totals_by_hand(services: Services, query: LedgerQuery) -> None:
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("Clickworker", "EUR")
    services.rates.set("GBP", "1.15", on=date(2026, 1, 1))
    services.rates.set("GBP", "1.20", on=date(2026, 2, 1))
    jan = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    feb = datetime(2026, 2, 15, 12, 0, tzinfo=UTC)
    add = services.tasks.add
    add("Prolific", "1.00", status="approved", submitted=jan)  # earned = reward
    add("Prolific", "2.00", status="approved", earned="1.50", bonus="0.25", submitted=feb)
    add("Prolific", "0.80", status="partially_approved", earned="0.40", submitted=jan)
    add("Prolific", "0.90", status="screened_out", earned="0.10", submitted=feb)
    add("Prolific", "3.00", status="pending", submitted=feb)
    add("Prolific", "0.33", status="rejected", submitted=jan)
    add("Prolific", "0.50", status="returned", bonus="0.05", submitted=feb)
    add("Clickworker", "0.75", status="approved", bonus="0.10", submitted=feb)
    add("Clickworker", "1.10", status="rejected", submitted=jan)
    add("Clickworker", "0.60", status="pending", submitted=jan)
    seen: list[Any] = []
    totals = query.totals(LedgerFilter(), services.rates.table(), partial=seen.append)
    assert [early.home for early in seen] == [None]  # per currency first, then converted
    assert query.totals(LedgerFilter(), services.rates.table(), in_sql=False) == totals
    assert totals.count == 10
    gbp = totals.by_currency["GBP"]
    # approved 1.00 + (1.50 + 0.25 bonus) + partial 0.40 + screened 0.10 + returned bonus 0.05
    assert (gbp.earned, gbp.pending_value, gbp.rejected_value) == (330, 300, 33)
    eur = totals.by_currency["EUR"]
    assert (eur.earned, eur.pending_value, eur.rejected_value) == (85, 60, 110)
    assert totals.home is not None
    jan_rate, feb_rate = Decimal("1.15"), Decimal("1.20")
    earned_gbp = (
        _round(Decimal("1.00") * jan_rate)
        + _round(Decimal("1.50") * feb_rate)
        + _round(Decimal("0.25") * feb_rate)
        + _round(Decimal("0.40") * jan_rate)
        + _round(Decimal("0.10") * feb_rate)
        + _round(Decimal("0.05") * feb_rate)
    )
    assert totals.home.earned == earned_gbp + 85
    assert totals.home.pending_value == _round(Decimal("3.00") * feb_rate) + 60
    assert totals.home.rejected_value == _round(Decimal("0.33") * jan_rate) + 110
    assert totals.counts["approved"] == 2 + 1
    # Filtered: one platform, one month.
    january = query.totals(
        LedgerFilter(first_day=date(2026, 1, 1), last_day=date(2026, 1, 31)),
        services.rates.table(),
    )
    assert january.count == 5
    assert january.by_currency["EUR"] == type(eur)(0, 60, 110)


def test_totals_agree_with_the_report(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    services.rates.set("GBP", "1.1500", on=date(2025, 12, 1))
    services.rates.set("GBP", "1.1873", on=date(2026, 2, 3))
    services.rates.set("USD", "0.9213", on=date(2025, 12, 1))
    first, end = date(2026, 1, 5), date(2026, 3, 1)
    report = services.reports.report(first, end)
    rates = services.rates.table()
    for platform in report.platforms:
        filters = LedgerFilter(
            platform_id=filled[platform.platform.name],
            first_day=first,
            last_day=end - timedelta(days=1),
        )
        totals = query.totals(filters, rates)
        assert query.totals(filters, rates, in_sql=False) == totals
        assert totals.count == sum(platform.totals.counts.values())
        native = totals.by_currency[platform.platform.currency]
        assert native.earned == platform.earned
        assert native.pending_value == platform.totals.pending_value
        assert native.rejected_value == platform.totals.rejected_value
        assert platform.home is not None and totals.home is not None
        assert totals.home.earned == platform.home.earned
        assert totals.home.pending_value == platform.home.pending_value
        assert totals.home.rejected_value == platform.home.rejected_value


def test_amounts_too_large_for_sql_integers_are_converted_in_python(
    services: Services, query: LedgerQuery
) -> None:
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("Yen jobs", "JPY")
    services.rates.set("GBP", "1.1537", on=date(2026, 1, 1))
    services.rates.set("JPY", "0.006173", on=date(2026, 1, 1))
    day = datetime(2026, 2, 2, 12, 0, tzinfo=UTC)
    services.tasks.add("Yen jobs", "1234", status="approved", submitted=day)
    services.tasks.add("Prolific", "0.05", status="approved", submitted=day)
    rates = services.rates.table()
    modest = query.totals(LedgerFilter(), rates)
    assert modest.home is not None
    assert modest.home.earned == _round(Decimal("1234") * Decimal("0.006173")) + _round(
        Decimal("0.05") * Decimal("1.1537")
    )
    # Ten thousand billion pounds: past what 64-bit integer arithmetic in SQL can hold.
    services.tasks.add("Prolific", "9999999999999.99", status="pending", submitted=day)
    huge = query.totals(LedgerFilter(), rates)
    assert huge == query.totals(LedgerFilter(), rates, in_sql=False)
    assert huge.home is not None
    assert huge.home.pending_value == _round(Decimal("9999999999999.99") * Decimal("1.1537"))


def test_totals_without_a_rate_stay_per_currency(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    seen: list[Any] = []
    totals = query.totals(LedgerFilter(), services.rates.table(), partial=seen.append)
    assert totals.home is None
    assert totals.missing_rates == ("GBP", "USD")
    assert set(totals.by_currency) == {"EUR", "GBP", "USD"}
    assert totals.count == COUNT
    assert seen == []  # nothing to convert, so no partial result


def test_cancelled_work_stops(
    services: Services, query: LedgerQuery, filled: dict[str, int]
) -> None:
    from app.services.ledger_query import Cancelled

    with pytest.raises(Cancelled):
        query.ordered_ids(LedgerFilter(), LedgerSort("title"), cancelled=lambda: True)
    services.rates.set("GBP", "1.15", on=date(2025, 12, 1))
    services.rates.set("USD", "0.92", on=date(2025, 12, 1))
    with pytest.raises(Cancelled):
        query.totals(LedgerFilter(), services.rates.table(), cancelled=lambda: True)


def test_bad_sort_column_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        LedgerSort("row_hash")
