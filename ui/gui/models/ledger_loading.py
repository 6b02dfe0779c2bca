"""How the Ledger model loads: counting, first rows and totals, on worker threads when big.

`LedgerLoading` is a mixin of `LedgerModel` (the state lives on the model, set
up in its `__init__`): `reload()` counts the filter and reads its first rows
(`Prepared`), directly for a small ledger and otherwise as a `Job` on a pool
thread, whose answer comes back through `JobSignals` with the generation it was
started for (answers to an older filter or sort are dropped); then the totals
follow, a moment later, on a second pool thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance
from sqlalchemy.exc import SQLAlchemyError

from app.domain.errors import ClickwageError
from app.services import Services
from app.services.ledger_query import Cancelled, LedgerFilter, LedgerRow, LedgerSort, LedgerTotals
from ui.gui.models.ledger_chunks import CHUNK, LedgerChunks

SYNC_LIMIT = 20_000  # below this many tasks, read directly on the GUI thread
TOTALS_DELAY_MS = 60


@dataclass(frozen=True)
class Prepared:
    filters: LedgerFilter
    sort: LedgerSort
    count: int
    ids: Sequence[int] | None  # ordered ids, when not paging by keyset
    first: list[LedgerRow]
    platforms: dict[int, str]


class JobSignals(QObject):
    finished = Signal(int, str, object)  # generation, kind, result
    failed = Signal(int, str, str)  # generation, kind, message


class Job(QRunnable):
    """Runs `work(emit)` on a pool thread; `emit(kind, result)` reaches the GUI thread."""

    def __init__(
        self,
        signals: JobSignals,
        generation: int,
        kind: str,
        work: Callable[[Callable[[str, object], None]], None],
    ) -> None:
        super().__init__()
        self._signals, self._generation, self._kind, self._work = (
            signals,
            generation,
            kind,
            work,
        )

    def _emit(self, kind: str, result: object) -> None:
        with contextlib.suppress(RuntimeError):  # the model is gone: nobody is waiting
            self._signals.finished.emit(self._generation, kind, result)

    def run(self) -> None:
        try:
            self._work(self._emit)
        except Cancelled:
            return
        except (ClickwageError, SQLAlchemyError, OSError) as error:
            with contextlib.suppress(RuntimeError):
                self._signals.failed.emit(self._generation, self._kind, str(error))


class LedgerLoading(LedgerChunks):
    """Loading rows and totals for `LedgerModel` (a mixin: the model holds the state)."""

    busy_changed: SignalInstance
    loaded: SignalInstance
    totals_changed: SignalInstance
    totals: LedgerTotals | None
    totals_busy: bool
    sync_limit: int
    _services: Services
    _filter: LedgerFilter
    _sort: LedgerSort
    _generation: int
    _busy: bool
    _in_edit: bool
    _signals: JobSignals
    _pool: QThreadPool
    _totals_pool: QThreadPool
    _totals_timer: QTimer
    _platforms: dict[int, str]
    _labels: dict[str, str]

    if TYPE_CHECKING:  # from QAbstractItemModel, which comes first in the model's bases

        def beginResetModel(self) -> None: ...
        def endResetModel(self) -> None: ...

    def stop(self) -> None:
        """Abandon running work and wait for the worker threads (before closing)."""
        self._totals_timer.stop()
        self._generation += 1
        self._pool.clear()
        self._totals_pool.clear()
        self._pool.waitForDone()
        self._totals_pool.waitForDone()

    def reload(self) -> None:
        """Count and read the first rows again (on a worker thread for a big ledger)."""
        if self._in_edit:
            # Our own inline edit: the row was updated in place; it stays where it is until
            # the next reload, so that editing does not make rows jump away. Totals follow.
            self._load_totals(self._generation)
            return
        self._generation += 1
        generation = self._generation
        filters, sort = self._filter, self._sort
        self._set_busy(True)
        if self._small():
            try:
                prepared = self._prepare(filters, sort, lambda: False)
            except (ClickwageError, SQLAlchemyError) as error:
                self.on_job_failed(generation, "prepare", str(error))
                return
            self._apply(generation, prepared)
            return
        self._pool.clear()

        def work(emit: Callable[[str, object], None]) -> None:
            emit("prepare", self._prepare(filters, sort, lambda: generation != self._generation))

        self._pool.start(Job(self._signals, generation, "prepare", work))

    def load_now(self) -> None:
        """Load synchronously whatever the size (for tests and tools)."""
        limit, self.sync_limit = self.sync_limit, 1 << 62
        try:
            self.reload()
        finally:
            self.sync_limit = limit

    def _small(self) -> bool:
        return self._query.size_hint() < self.sync_limit

    def _prepare(
        self, filters: LedgerFilter, sort: LedgerSort, cancelled: Callable[[], bool]
    ) -> Prepared:
        query = self._query
        platforms = query.platform_names()
        if query.uses_keyset(filters, sort):
            count = query.count(filters)
            first = query.page(filters, sort, None, min(CHUNK, count)) if count else []
            return Prepared(filters, sort, count, None, first, platforms)
        ids = query.ordered_ids(filters, sort, cancelled)
        return Prepared(filters, sort, len(ids), ids, query.rows_by_ids(ids[:CHUNK]), platforms)

    def _apply(self, generation: int, prepared: Prepared) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._shown_filter, self._shown_sort = prepared.filters, prepared.sort
        self._count = prepared.count
        self._ids = prepared.ids
        self._platforms = prepared.platforms
        self._chunks.clear()
        self._anchors.clear()
        self._anchor_rows.clear()
        self._labels.clear()
        if prepared.first:
            self._store(0, prepared.first)
        self.endResetModel()
        self._set_busy(False)
        self.loaded.emit()
        self._load_totals(generation)

    def _load_totals(self, generation: int) -> None:
        self.totals_busy = True
        self.totals_changed.emit()
        if self._small():
            try:
                totals = self._query.totals(self._shown_filter, self._services.rates.table())
            except (ClickwageError, SQLAlchemyError) as error:
                self.on_job_failed(generation, "totals", str(error))
                return
            self.on_job_finished(generation, "totals", totals)
            return
        # Started a moment later, so that the new rows are painted before a worker competes
        # with the painting for Python's interpreter lock.
        self._totals_pool.clear()
        self._totals_timer.start()

    def on_totals_timer_timeout(self) -> None:
        generation, filters, rates = self._generation, self._shown_filter, self._services.rates

        def work(emit: Callable[[str, object], None]) -> None:
            totals = self._query.totals(
                filters,
                rates.table(),
                cancelled=lambda: generation != self._generation,
                partial=lambda early: emit("totals-partial", early),
            )
            emit("totals", totals)

        self._totals_pool.start(Job(self._signals, generation, "totals", work))

    def on_job_finished(self, generation: int, kind: str, result: object) -> None:
        if generation != self._generation:
            return
        if kind == "prepare" and isinstance(result, Prepared):
            self._apply(generation, result)
        elif kind in ("totals", "totals-partial") and isinstance(result, LedgerTotals):
            self.totals = result
            self.totals_busy = kind == "totals-partial"
            self.totals_changed.emit()

    def on_job_failed(self, generation: int, kind: str, message: str) -> None:
        if generation != self._generation:
            return
        if kind == "prepare":
            self._set_busy(False)
        else:
            self.totals_busy = False
            self.totals_changed.emit()
        self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)


__all__ = [
    "SYNC_LIMIT",
    "TOTALS_DELAY_MS",
    "Job",
    "JobSignals",
    "LedgerLoading",
    "Prepared",
]
