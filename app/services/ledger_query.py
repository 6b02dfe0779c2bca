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

The parts: ledger_types.py (filter, sort, row, totals), ledger_filters.py (the
conditions of a filter), ledger_totals.py (the totals of a filtered set); the rows,
counts and pages are here.
"""

from __future__ import annotations

import array
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_

from app.services.ledger_totals import MAX_SQL_INTEGER as MAX_SQL_INTEGER
from app.services.ledger_totals import LedgerTotalsQuery
from app.services.ledger_types import (
    AT,
    KEYSET_SORTS,
    PL,
    RECORD_TYPE,
    SORT_COLUMNS,
    Cancelled,
    Key,
    LedgerFilter,
    LedgerRow,
    LedgerSort,
    LedgerTotals,
    MoneyTotals,
    T,
)
from app.storage.types import raw_epoch


class LedgerQuery(LedgerTotalsQuery):
    """Reads for the Ledger. Every method opens its own session, so a worker thread may
    call any of them (SQLite connections are per thread)."""

    # -- what to select ---------------------------------------------------------------------

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


_FILES = (
    select(AT.c.record_id, func.count().label("n"))
    .where(AT.c.record_type == RECORD_TYPE)
    .group_by(AT.c.record_id)
    .subquery("task_files")
)


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
