"""The chunks of the Ledger model's rows: read on demand, kept in a small LRU.

`LedgerChunks` is a mixin of `LedgerModel` (the state lives on the model, set
up in its `__init__`): on a miss it reads the CHUNK rows of a chunk, by ordered
ids or by keyset pages walked from the nearest row whose key is known (the
first and last rows of each chunk read are remembered as anchors), has them
formatted into `Cached` rows and keeps the last MAX_CHUNKS chunks. It also
gives the task ids of spans of rows (selections).

What is called for every cell or row (`_cached()`, `_format()`) stays in
LedgerModel's own class, where Shiboken finds a method faster than in a base.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import SignalInstance
from sqlalchemy.exc import SQLAlchemyError

from app.domain.errors import ClickwageError
from app.services.ledger_query import Key, LedgerFilter, LedgerQuery, LedgerRow, LedgerSort

CHUNK = 256
MAX_CHUNKS = 64  # rows kept formatted: 16 384


class Cached(NamedTuple):
    row: LedgerRow
    display: tuple[str, ...]


class LedgerChunks:
    """Reading and keeping chunks of rows for `LedgerModel` (a mixin: the model holds the state)."""

    failed: SignalInstance
    _query: LedgerQuery
    _shown_filter: LedgerFilter
    _shown_sort: LedgerSort
    _count: int
    _ids: Sequence[int] | None
    _chunks: OrderedDict[int, list[Cached]]
    _anchors: dict[int, Key]
    _anchor_rows: list[int]

    if TYPE_CHECKING:  # in LedgerModel

        def _format(self, row: LedgerRow) -> Cached: ...

    def _store(self, chunk: int, rows: list[LedgerRow]) -> list[Cached]:
        cached = [self._format(row) for row in rows]
        self._chunks[chunk] = cached
        self._chunks.move_to_end(chunk)
        while len(self._chunks) > MAX_CHUNKS:
            self._chunks.popitem(last=False)
        if cached and self._ids is None:
            first = chunk * CHUNK
            for row_index, item in ((first, cached[0]), (first + len(cached) - 1, cached[-1])):
                if row_index not in self._anchors:
                    bisect.insort(self._anchor_rows, row_index)
                self._anchors[row_index] = item.row.key
        return cached

    def _chunk(self, chunk: int) -> list[Cached]:
        cached = self._chunks.get(chunk)
        if cached is not None:
            return cached
        try:
            rows = self._fetch(chunk)
        except (ClickwageError, SQLAlchemyError) as error:
            self.failed.emit(str(error))
            return []  # not kept: the next paint tries again
        return self._store(chunk, rows)

    def _fetch(self, chunk: int) -> list[LedgerRow]:
        first = chunk * CHUNK
        size = min(CHUNK, self._count - first)
        if size <= 0:
            return []
        query, filters, sort = self._query, self._shown_filter, self._shown_sort
        if self._ids is not None:
            return query.rows_by_ids(self._ids[first : first + size])
        before = self._chunks.get(chunk - 1)
        if before is not None and len(before) == CHUNK:
            return query.page(filters, sort, before[-1].row.key, size)
        after = self._chunks.get(chunk + 1)
        if after:
            return query.page(filters, sort, after[0].row.key, size, forward=False)
        if first + size >= self._count:
            return query.page(filters, sort, None, size, forward=False)
        if first == 0:
            return query.page(filters, sort, None, size)
        key = self._key_at(first)
        return [] if key is None else query.page(filters, sort, key, size, inclusive=True)

    def _key_at(self, row: int) -> Key | None:
        """The key of `row`, walking the index from the nearest row whose key is known."""
        known = self._anchors.get(row)
        if known is not None:
            return known
        # (distance, start key, steps, forward)
        options: list[tuple[int, Key | None, int, bool]] = [
            (row, None, row, True),
            (self._count - 1 - row, None, self._count - 1 - row, False),
        ]
        place = bisect.bisect_left(self._anchor_rows, row)
        if place > 0:
            below = self._anchor_rows[place - 1]
            options.append((row - below, self._anchors[below], row - below - 1, True))
        if place < len(self._anchor_rows):
            above = self._anchor_rows[place]
            options.append((above - row, self._anchors[above], above - row - 1, False))
        _, start, steps, forward = min(options, key=lambda option: option[0])
        return self._query.key_after(
            self._shown_filter, self._shown_sort, start, steps, forward=forward
        )

    def task_ids(self, spans: Sequence[tuple[int, int]]) -> list[int]:
        """The task ids of rows first..last (inclusive) of each span, in order."""
        found: list[int] = []
        for first, last in spans:
            first, last = max(0, first), min(self._count - 1, last)
            if self._ids is not None:
                found.extend(self._ids[first : last + 1])
                continue
            for chunk in range(first // CHUNK, last // CHUNK + 1):
                rows = self._chunk(chunk)
                low = max(first - chunk * CHUNK, 0)
                high = min(last - chunk * CHUNK, len(rows) - 1)
                found.extend(item.row.id for item in rows[low : high + 1])
        return found


__all__ = ["CHUNK", "MAX_CHUNKS", "Cached", "LedgerChunks"]
