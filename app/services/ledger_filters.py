"""The Ledger's WHERE clause: the conditions of a LedgerFilter, and whether a filter and
sort page by keyset. The base of LedgerQuery (app/services/ledger_query.py)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, or_

from app.domain.localtime import day_start
from app.services.context import ServiceContext
from app.services.ledger_types import KEYSET_SORTS, LedgerFilter, LedgerSort, T
from app.storage.types import epoch_seconds, raw_epoch


class LedgerConditions:
    """Turns a LedgerFilter into SQL conditions; the queries of LedgerQuery build on it."""

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


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
