"""The Ledger's SQL: filters, sorting, keyset pages, row N, and the totals of a filtered set.

The window's table shows a million tasks without loading them: it asks for
pages of rows around what is visible. Two ways to page, chosen by `uses_keyset`:

- **Keyset** (the usual view: by work date, no text search): a page is
  ``WHERE (work_at, id) > last key ORDER BY work_at, id LIMIT n`` on the
  work-date index; the key of row N is found with ``LIMIT 1 OFFSET d`` walking
  the index from the nearest known key (the start, the end, or a row already
  seen), so reaching the last row costs one short backwards query.
- **Ordered ids** (a text search, or a sort no index serves): one query lists
  the matching ids in order (a text search must read every row anyway); pages
  are then fetched by id.

Everything is portable SQLAlchemy Core. Times are compared as stored epoch
seconds, as in the report.
"""

from __future__ import annotations

import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.exc import DBAPIError

from app.domain.localtime import day_start
from app.domain.money import conversion_terms, convert_minor, integer_rate
from app.domain.rates import RateTable
from app.domain.statuses import TaskStatus
from app.domain.wage import TaskTotals
from app.services.context import ServiceContext
from app.storage.models import Attachment, Platform, Task
from app.storage.types import epoch_seconds, raw_epoch

T = Task.__table__
PL = Platform.__table__
AT = Attachment.__table__

RECORD_TYPE = "task"
SORT_COLUMNS = (
    "work_at",
    "platform",
    "external_id",
    "title",
    "requester",
    "status",
    "reward",
    "earned",
    "bonus",
    "currency",
    "files",
)
# Sorts served by an index, so that a page is a short index range (see uses_keyset).
KEYSET_SORTS = frozenset({"work_at"})

Key = tuple[int, int]  # (work_at epoch seconds, id): a row's place in the keyset order



@dataclass(frozen=True)
class LedgerFilter:
    """Which tasks the Ledger shows. Days are local and inclusive; text matches id, title or
    requester (every word must appear in one of them, in any case)."""

    platform_id: int | None = None
    status: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    text: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass(frozen=True)
class LedgerSort:
    column: str = "work_at"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORT_COLUMNS:
            raise ValueError(f"cannot sort the ledger by {self.column!r}")


class LedgerRow(NamedTuple):
    id: int
    platform_id: int
    external_id: str | None
    title: str | None
    requester: str | None
    status: str
    reward: int
    earned: int | None
    bonus: int
    currency: str
    work_at: int  # epoch seconds
    reason: str | None
    files: int  # attachments

    @property
    def key(self) -> Key:
        return (self.work_at, self.id)


@dataclass(frozen=True)
class MoneyTotals:
    earned: int = 0  # DESIGN.md "earned", bonuses included
    pending_value: int = 0
    rejected_value: int = 0

    def plus(self, other: MoneyTotals) -> MoneyTotals:
        return MoneyTotals(
            self.earned + other.earned,
            self.pending_value + other.pending_value,
            self.rejected_value + other.rejected_value,
        )


@dataclass(frozen=True)
class LedgerTotals:
    """The figures of a filtered set: per currency, and in the home currency when every
    currency has a rate (`home` is None until converted, or when `missing_rates`)."""

    count: int
    by_currency: dict[str, MoneyTotals]
    home_currency: str
    home: MoneyTotals | None = None
    missing_rates: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # by status


class Cancelled(Exception):
    """A long computation was abandoned because its result is no longer wanted."""


class LedgerQuery:
    """Reads for the Ledger. Every method opens its own session, so a worker thread may
    call any of them (SQLite connections are per thread)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- what to select ---------------------------------------------------------------------

    def conditions(self, filters: LedgerFilter) -> list[ColumnElement[bool]]:
        zone = self._ctx.zone
        found: list[ColumnElement[bool]] = []
        if filters.platform_id is not None:
            found.append(T.c.platform_id == filters.platform_id)
        if filters.status:
            found.append(T.c.status == filters.status)
        if filters.first_day is not None:
            start = epoch_seconds(day_start(filters.first_day, zone))
            found.append(raw_epoch(T.c.work_at) >= start)
        if filters.last_day is not None:
            stop = epoch_seconds(day_start(filters.last_day + timedelta(days=1), zone))
            found.append(raw_epoch(T.c.work_at) < stop)
        for word in filters.words:
            pattern = "%" + _escape_like(word) + "%"
            found.append(
                or_(
                    T.c.external_id.ilike(pattern, escape="\\"),
                    T.c.title.ilike(pattern, escape="\\"),
                    T.c.requester.ilike(pattern, escape="\\"),
                )
            )
        return found

    @staticmethod
    def uses_keyset(filters: LedgerFilter, sort: LedgerSort) -> bool:
        """Keyset pages when an index serves the order and no text search forces a full scan."""
        return sort.column in KEYSET_SORTS and not filters.words

    def _row_columns(self) -> list[Any]:
        files = (
            select(func.count())
            .where(AT.c.record_type == RECORD_TYPE, AT.c.record_id == T.c.id)
            .scalar_subquery()
        )
        return [
            T.c.id,
            T.c.platform_id,
            T.c.external_id,
            T.c.title,
            T.c.requester,
            T.c.status,
            T.c.reward,
            T.c.earned,
            T.c.bonus,
            T.c.currency,
            raw_epoch(T.c.work_at),
            T.c.reason,
            files,
        ]

    # -- counting ---------------------------------------------------------------------------

    def count(self, filters: LedgerFilter) -> int:
        with self._ctx.db.read() as session:
            query = select(func.count()).select_from(T).where(*self.conditions(filters))
            return int(session.execute(query).scalar() or 0)

    def size_hint(self) -> int:
        """An instant upper bound of the number of tasks (ids are never reused)."""
        with self._ctx.db.read() as session:
            return int(session.execute(select(func.max(T.c.id))).scalar() or 0)

    def platform_names(self) -> dict[int, str]:
        with self._ctx.db.read() as session:
            return {
                int(pid): str(name) for pid, name in session.execute(select(PL.c.id, PL.c.name))
            }

    # -- keyset pages -----------------------------------------------------------------------

    def _keyset(
        self,
        filters: LedgerFilter,
        sort: LedgerSort,
        start: Key | None,
        forward: bool,
        inclusive: bool = False,
    ) -> tuple[list[ColumnElement[bool]], list[Any]]:
        """Conditions and ORDER BY for walking the keyset order from `start` (None: from the
        first row when forward, from the last when not)."""
        if not self.uses_keyset(filters, sort):
            raise ValueError("this filter and sort do not page by keyset")
        descending = sort.descending != (not forward)  # the direction the index is walked
        key = tuple_(raw_epoch(T.c.work_at), T.c.id)
        conditions = self.conditions(filters)
        if start is not None:
            bound = tuple_(*start)
            if descending:
                conditions.append(key <= bound if inclusive else key < bound)
            else:
                conditions.append(key >= bound if inclusive else key > bound)
        terms = [raw_epoch(T.c.work_at), T.c.id]
        order = [term.desc() for term in terms] if descending else [term.asc() for term in terms]
        return conditions, order

    def page(
        self,
        filters: LedgerFilter,
        sort: LedgerSort,
        start: Key | None,
        limit: int,
        *,
        forward: bool = True,
        inclusive: bool = False,
    ) -> list[LedgerRow]:
        """Up to `limit` rows following `start` in the display order (before it when not
        `forward`), returned in display order."""
        if limit <= 0:
            return []
        conditions, order = self._keyset(filters, sort, start, forward, inclusive)
        query = select(*self._row_columns()).where(*conditions).order_by(*order).limit(limit)
        with self._ctx.db.read() as session:
            rows = [LedgerRow(*row) for row in session.execute(query)]
        if not forward:
            rows.reverse()
        return rows

    def key_after(
        self,
        filters: LedgerFilter,
        sort: LedgerSort,
        start: Key | None,
        distance: int,
        *,
        forward: bool = True,
    ) -> Key | None:
        """The key of the row `distance` rows past `start` (0: the next one), walking the
        index with OFFSET; None when there are not that many rows."""
        conditions, order = self._keyset(filters, sort, start, forward)
        query = (
            select(raw_epoch(T.c.work_at), T.c.id)
            .where(*conditions)
            .order_by(*order)
            .limit(1)
            .offset(max(0, distance))
        )
        with self._ctx.db.read() as session:
            found = session.execute(query).first()
        return None if found is None else (int(found[0]), int(found[1]))

    # -- ordered ids ------------------------------------------------------------------------

    def _order_terms(self, sort: LedgerSort) -> tuple[list[Any], bool, bool]:
        """ORDER BY terms (direction not applied), and whether the platform / file-count
        joins are needed."""
        column = sort.column
        tail = [raw_epoch(T.c.work_at), T.c.id]
        if column == "work_at":
            return tail, False, False
        if column == "platform":
            return [PL.c.name_key, *tail], True, False
        if column in ("external_id", "title", "requester"):
            return [func.lower(func.coalesce(T.c[column], "")), *tail], False, False
        if column == "earned":
            return [func.coalesce(T.c.earned, -1), *tail], False, False
        if column == "files":
            return [func.coalesce(_FILES.c.n, 0), *tail], False, True
        return [T.c[column], *tail], False, False

    def ordered_ids(
        self,
        filters: LedgerFilter,
        sort: LedgerSort,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> array.array[int]:
        """Every matching id, in display order (8 bytes each)."""
        terms, by_platform, by_files = self._order_terms(sort)
        source: Any = T
        if by_platform:
            source = source.join(PL, PL.c.id == T.c.platform_id)
        if by_files:
            source = source.outerjoin(_FILES, _FILES.c.record_id == T.c.id)
        order = [t.desc() for t in terms] if sort.descending else [t.asc() for t in terms]
        query = select(T.c.id).select_from(source).where(*self.conditions(filters)).order_by(*order)
        ids: array.array[int] = array.array("q")
        with self._ctx.db.read() as session:
            result = session.execute(query)
            for part in result.partitions(20000):
                if cancelled():
                    raise Cancelled
                ids.extend(row[0] for row in part)
        return ids

    def rows_by_ids(self, ids: Sequence[int]) -> list[LedgerRow]:
        """The rows of these ids, in the same order (ids that vanished are skipped)."""
        if not len(ids):
            return []
        wanted = list(ids)
        query = select(*self._row_columns()).where(T.c.id.in_(wanted))
        with self._ctx.db.read() as session:
            found = {row[0]: LedgerRow(*row) for row in session.execute(query)}
        return [found[i] for i in wanted if i in found]

    # -- totals -----------------------------------------------------------------------------

    def totals(
        self,
        filters: LedgerFilter,
        rates: RateTable,
        *,
        convert: bool = True,
        in_sql: bool = True,
        cancelled: Callable[[], bool] = lambda: False,
        partial: Callable[[LedgerTotals], None] | None = None,
    ) -> LedgerTotals:
        """Count, earned (bonuses included), pending and rejected values of the filtered set,
        per currency, then converted to the home currency as DESIGN.md defines: each amount
        at the rate of its own work date, rounded, then summed.

        The conversion is one pass of exact integer arithmetic in SQL (`in_sql`); amounts
        too large for it (or negative) fall back to converting each distinct amount in
        Python, as the report does. `partial` receives the per-currency figures before the
        conversion.
        """
        conditions = self.conditions(filters)
        by_currency: dict[str, TaskTotals] = defaultdict(TaskTotals)
        query = (
            select(
                T.c.currency,
                T.c.status,
                func.count(),
                func.coalesce(func.sum(T.c.reward), 0),
                func.coalesce(func.sum(func.coalesce(T.c.earned, 0)), 0),
                func.coalesce(func.sum(func.coalesce(T.c.earned, T.c.reward)), 0),
                func.coalesce(func.sum(T.c.bonus), 0),
                func.min(func.min(T.c.reward, func.coalesce(T.c.earned, 0), T.c.bonus)),
                func.max(func.max(T.c.reward, func.coalesce(T.c.earned, 0), T.c.bonus)),
            )
            .where(*conditions)
            .group_by(T.c.currency, T.c.status)
        )
        lowest = highest = 0
        with self._ctx.db.read() as session:
            for row in session.execute(query):
                currency, status, n, reward, earned, earned_or_reward, bonus, low, high = row
                by_currency[str(currency)].add_group(
                    str(status),
                    int(n),
                    int(reward),
                    int(earned),
                    int(earned_or_reward),
                    int(bonus),
                )
                lowest, highest = min(lowest, int(low)), max(highest, int(high))
        native = {
            code: MoneyTotals(t.earned_with_bonus, t.pending_value, t.rejected_value)
            for code, t in sorted(by_currency.items())
        }
        counts: dict[str, int] = defaultdict(int)
        for t in by_currency.values():
            for status, n in t.counts.items():
                counts[status] += n
        total = sum(counts.values())
        home_code = rates.home_currency
        missing = tuple(sorted(code for code in native if not rates.has(code)))
        result = LedgerTotals(total, native, home_code, None, missing, dict(counts))
        if missing or not convert:
            return result
        if partial is not None and any(code != home_code for code in native):
            partial(result)
        if cancelled():
            raise Cancelled
        others = [code for code in native if code != home_code]
        home = native.get(home_code, MoneyTotals()) if not others else None
        if home is None and in_sql and lowest >= 0:
            home = self._converted_in_sql(conditions, others, rates, highest)
        if home is None:
            home = native.get(home_code, MoneyTotals())
            for code in others:
                home = home.plus(self._converted(conditions, code, rates, cancelled))
        return LedgerTotals(total, native, home_code, home, (), dict(counts))

    def _converted_in_sql(
        self,
        conditions: Sequence[ColumnElement[bool]],
        currencies: Sequence[str],
        rates: RateTable,
        highest: int,
    ) -> MoneyTotals | None:
        """Every currency's amounts converted at their work date's rate, rounded half-up to
        the home currency's minor unit, summed: one pass in exact integer arithmetic.

        A rate of N / 10^k turns x minor units of a currency with d digits into
        round(x * N * 10^h / 10^(d+k)) home minor units, which for x >= 0 is
        (2xN10^h + 10^(d+k)) div (2 * 10^(d+k)). None when `highest` (the largest amount) is
        too large for 64-bit integers, or the data grew meanwhile (then the caller converts
        in Python).
        """
        home = rates.home_currency
        work_at = raw_epoch(T.c.work_at)
        branches: list[tuple[str, list[tuple[int | None, int, int, int]]]] = []
        bound = MAX_SQL_INTEGER
        for code in currencies:
            segments: list[tuple[int | None, int, int, int]] = []
            for _start, end, rate in rates.segments(code, self._ctx.zone):
                if integer_rate(rate) is None:
                    return None
                multiplier, denominator, divisor = conversion_terms(code, rate, home)
                segments.append((end, multiplier, denominator, divisor))
                bound = min(bound, (MAX_SQL_INTEGER - denominator) // max(1, multiplier))
            branches.append((code, segments))
        if highest > bound:
            return None

        def in_home(amount: Any) -> Any:
            whens: list[tuple[Any, Any]] = [(T.c.currency == home, amount)]
            for code, segments in branches:
                converted = [
                    (amount * _int(mul) + _int(add)) // _int(div)
                    for _end, mul, add, div in segments
                ]
                earlier = [
                    (work_at < end, value)
                    for (end, *_), value in zip(segments[:-1], converted[:-1], strict=True)
                    if end is not None
                ]
                by_date = case(*earlier, else_=converted[-1]) if earlier else converted[-1]
                whens.append((T.c.currency == code, by_date))
            return case(*whens, else_=None)

        status = T.c.status
        paid_part = func.coalesce(T.c.earned, 0)
        earned = case(
            (status == TaskStatus.APPROVED.value, in_home(func.coalesce(T.c.earned, T.c.reward))),
            (
                status.in_([TaskStatus.PARTIALLY_APPROVED.value, TaskStatus.SCREENED_OUT.value]),
                in_home(paid_part),
            ),
            else_=0,
        )
        query = select(
            func.coalesce(func.sum(earned), 0),
            func.coalesce(func.sum(case((T.c.bonus > 0, in_home(T.c.bonus)), else_=0)), 0),
            func.coalesce(
                func.sum(case((status == TaskStatus.PENDING.value, in_home(T.c.reward)), else_=0)),
                0,
            ),
            func.coalesce(
                func.sum(case((status == TaskStatus.REJECTED.value, in_home(T.c.reward)), else_=0)),
                0,
            ),
            func.max(func.max(T.c.reward, paid_part, T.c.bonus)),
            func.min(func.min(T.c.reward, paid_part, T.c.bonus)),
        ).where(*conditions)
        try:
            with self._ctx.db.read() as session:
                row = session.execute(query).one()
        except DBAPIError:  # an integer overflow (PostgreSQL raises; SQLite goes to REAL)
            return None
        sums, high, low = row[:4], row[4], row[5]
        if any(not isinstance(value, int) for value in sums):
            return None
        if high is not None and (int(high) > bound or int(low) < 0):
            return None  # written meanwhile: amounts beyond the safe range
        earned_sum, bonus_sum, pending_sum, rejected_sum = (int(value) for value in sums)
        return MoneyTotals(earned_sum + bonus_sum, pending_sum, rejected_sum)

    def _converted(
        self,
        conditions: Iterable[ColumnElement[bool]],
        currency: str,
        rates: RateTable,
        cancelled: Callable[[], bool],
    ) -> MoneyTotals:
        home = rates.home_currency
        earned = pending = rejected = 0
        with self._ctx.db.read() as session:
            for seg_start, seg_end, rate in rates.segments(currency, self._ctx.zone):
                if cancelled():
                    raise Cancelled
                where = [*conditions, T.c.currency == currency]
                if seg_start is not None:
                    where.append(raw_epoch(T.c.work_at) >= seg_start)
                if seg_end is not None:
                    where.append(raw_epoch(T.c.work_at) < seg_end)
                groups = session.execute(
                    select(T.c.status, T.c.reward, T.c.earned, T.c.bonus, func.count())
                    .where(and_(*where))
                    .group_by(T.c.status, T.c.reward, T.c.earned, T.c.bonus)
                )
                for status, reward, earned_value, bonus, count in groups:
                    e, p, r = _converted_group(
                        str(status), int(reward), earned_value, int(bonus), currency, rate, home
                    )
                    n = int(count)
                    earned, pending, rejected = earned + n * e, pending + n * p, rejected + n * r
        return MoneyTotals(earned, pending, rejected)


def _converted_group(
    status: str,
    reward: int,
    earned: int | None,
    bonus: int,
    currency: str,
    rate: Decimal,
    home: str,
) -> tuple[int, int, int]:
    """One task's (earned, pending, rejected) in the home currency, each amount rounded."""

    def convert(minor: int) -> int:
        return convert_minor(int(minor), currency, rate, home)

    earned_home = pending = rejected = 0
    if status == TaskStatus.APPROVED:
        earned_home = convert(earned if earned is not None else reward)
    elif status in (TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT):
        earned_home = convert(earned or 0)
    elif status == TaskStatus.PENDING:
        pending = convert(reward)
    elif status == TaskStatus.REJECTED:
        rejected = convert(reward)
    if bonus:
        earned_home += convert(bonus)
    return earned_home, pending, rejected


_FILES = (
    select(AT.c.record_id, func.count().label("n"))
    .where(AT.c.record_type == RECORD_TYPE)
    .group_by(AT.c.record_id)
    .subquery("task_files")
)


MAX_SQL_INTEGER = 2**63 - 1


def _int(value: int) -> Any:
    return literal(value, BigInteger)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = [
    "KEYSET_SORTS",
    "SORT_COLUMNS",
    "Cancelled",
    "Key",
    "LedgerFilter",
    "LedgerQuery",
    "LedgerRow",
    "LedgerSort",
    "LedgerTotals",
    "MoneyTotals",
]
