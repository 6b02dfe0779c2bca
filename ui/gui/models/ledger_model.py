"""The Ledger's table model: a window of rows over SQL, never the whole ledger in memory.

`rowCount()` comes from a count made in SQL; rows are fetched in chunks of
CHUNK rows around what the view paints (keyset pages, or pages of ordered ids:
see app/services/ledger_query.py), formatted once, and kept in a small LRU
cache, so `data()` only indexes a tuple. Filters and sorting go to SQL.

Counting a big filter and adding up its totals run on worker threads with
their own database sessions; until they answer, the model keeps its old rows
and says it is busy. A small ledger is read directly (no flicker, no thread).

Signals:
    busy_changed(bool): a count or page load started (True) or ended (False).
    loaded(): the rows of the current filter and sort are in place.
    totals_changed(): `totals` or `totals_busy` changed.
    edit_refused(str): an inline edit was invalid or failed; the sentence says why.
    failed(str): loading failed (a locked or damaged database).
"""

from __future__ import annotations

import bisect
import contextlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.exc import SQLAlchemyError

from app.domain.errors import ClickwageError
from app.domain.money import format_plain, parse_amount
from app.domain.statuses import TaskStatus
from app.services.ledger_query import (
    Cancelled,
    Key,
    LedgerFilter,
    LedgerQuery,
    LedgerRow,
    LedgerSort,
    LedgerTotals,
)
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.labels import status_label

CHUNK = 256
MAX_CHUNKS = 64  # rows kept formatted: 16 384
SYNC_LIMIT = 20_000  # below this many tasks, read directly on the GUI thread
TOTALS_DELAY_MS = 60
MAX_TEXT = {"external_id": 200, "title": 500, "requester": 200}

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    PLATFORM = 1
    TASK_ID = 2
    TITLE = 3
    REQUESTER = 4
    STATUS = 5
    REWARD = 6
    EARNED = 7
    BONUS = 8
    FILES = 9


SORT_OF_COLUMN = {
    Column.DATE: "work_at",
    Column.PLATFORM: "platform",
    Column.TASK_ID: "external_id",
    Column.TITLE: "title",
    Column.REQUESTER: "requester",
    Column.STATUS: "status",
    Column.REWARD: "reward",
    Column.EARNED: "earned",
    Column.BONUS: "bonus",
    Column.FILES: "files",
}
FIELD_OF_COLUMN = {
    Column.TASK_ID: "external_id",
    Column.TITLE: "title",
    Column.REQUESTER: "requester",
    Column.STATUS: "status",
    Column.REWARD: "reward",
    Column.EARNED: "earned",
    Column.BONUS: "bonus",
}
AMOUNT_COLUMNS = frozenset({Column.REWARD, Column.EARNED, Column.BONUS, Column.FILES})
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
COLUMN_COUNT = len(Column)
# data() runs for every role of every painted cell: plain ints and tuples keep it cheap.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
EDIT = int(Qt.ItemDataRole.EditRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
ALIGNMENTS = tuple(RIGHT if column in AMOUNT_COLUMNS else None for column in Column)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
FLAGS = tuple(
    _READ_ONLY | Qt.ItemFlag.ItemIsEditable if column in FIELD_OF_COLUMN else _READ_ONLY
    for column in Column
)
STATUS_COLOURS = {
    TaskStatus.REJECTED.value: QColor("#b3261e"),
    TaskStatus.PENDING.value: QColor("#8a5a00"),
    TaskStatus.APPROVED.value: QColor("#1f6f5c"),
    TaskStatus.PARTIALLY_APPROVED.value: QColor("#1f6f5c"),
}
IMPLIED = QColor("#6b6b6b")
STATUS_BRUSHES = {status: QBrush(colour) for status, colour in STATUS_COLOURS.items()}
IMPLIED_BRUSH = QBrush(IMPLIED)
STATUS_COLUMN, EARNED_COLUMN = int(Column.STATUS), int(Column.EARNED)


class _Cached(NamedTuple):
    row: LedgerRow
    display: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    filters: LedgerFilter
    sort: LedgerSort
    count: int
    ids: Sequence[int] | None  # ordered ids, when not paging by keyset
    first: list[LedgerRow]
    platforms: dict[int, str]


class _JobSignals(QObject):
    finished = Signal(int, str, object)  # generation, kind, result
    failed = Signal(int, str, str)  # generation, kind, message


class _Job(QRunnable):
    """Runs `work(emit)` on a pool thread; `emit(kind, result)` reaches the GUI thread."""

    def __init__(
        self,
        signals: _JobSignals,
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


class LedgerModel(QAbstractTableModel):
    busy_changed = Signal(bool)
    loaded = Signal()
    totals_changed = Signal()
    edit_refused = Signal(str)
    failed = Signal(str)

    def __init__(self, context: GuiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._query = LedgerQuery(context.services.ctx)
        self._filter = LedgerFilter()
        self._sort = LedgerSort("work_at", descending=True)
        # What the rows on show were read with (the wanted filter may be loading meanwhile).
        self._shown_filter, self._shown_sort = self._filter, self._sort
        self._count = 0
        self._ids: Sequence[int] | None = None
        self._chunks: OrderedDict[int, list[_Cached]] = OrderedDict()
        self._anchors: dict[int, Key] = {}
        self._anchor_rows: list[int] = []
        self._platforms: dict[int, str] = {}
        self._money: dict[tuple[int, str], str] = {}
        self._labels: dict[str, str] = {}
        self._generation = 0
        self._busy = False
        self._in_edit = False
        self.totals: LedgerTotals | None = None
        self.totals_busy = False
        self.sync_limit = SYNC_LIMIT
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self.on_job_finished)
        self._signals.failed.connect(self.on_job_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._totals_pool = QThreadPool(self)
        self._totals_pool.setMaxThreadCount(1)
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(TOTALS_DELAY_MS)
        self._totals_timer.timeout.connect(self.on_totals_timer_timeout)
        self._headers = (
            self.tr("Date"),
            self.tr("Platform"),
            self.tr("Task id"),
            self.tr("Title"),
            self.tr("Requester"),
            self.tr("Status"),
            self.tr("Reward"),
            self.tr("Earned"),
            self.tr("Bonus"),
            self.tr("Files"),
        )

    # -- state -----------------------------------------------------------------------------

    @property
    def filters(self) -> LedgerFilter:
        return self._filter

    @property
    def sort_order(self) -> LedgerSort:
        return self._sort

    @property
    def shown_query(self) -> tuple[LedgerFilter, LedgerSort]:
        """The filter and sort the rows on show were read with."""
        return self._shown_filter, self._shown_sort

    @property
    def busy(self) -> bool:
        return self._busy

    def set_filter(self, filters: LedgerFilter) -> None:
        if filters != self._filter:
            self._filter = filters
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(Column(column)) if 0 <= column < len(Column) else None
        if key is None:
            return
        wanted = LedgerSort(key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.reload()

    def stop(self) -> None:
        """Abandon running work and wait for the worker threads (before closing)."""
        self._totals_timer.stop()
        self._generation += 1
        self._pool.clear()
        self._totals_pool.clear()
        self._pool.waitForDone()
        self._totals_pool.waitForDone()

    # -- loading ---------------------------------------------------------------------------

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

        self._pool.start(_Job(self._signals, generation, "prepare", work))

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
    ) -> _Prepared:
        query = self._query
        platforms = query.platform_names()
        if query.uses_keyset(filters, sort):
            count = query.count(filters)
            first = query.page(filters, sort, None, min(CHUNK, count)) if count else []
            return _Prepared(filters, sort, count, None, first, platforms)
        ids = query.ordered_ids(filters, sort, cancelled)
        return _Prepared(filters, sort, len(ids), ids, query.rows_by_ids(ids[:CHUNK]), platforms)

    def _apply(self, generation: int, prepared: _Prepared) -> None:
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

        self._totals_pool.start(_Job(self._signals, generation, "totals", work))

    def on_job_finished(self, generation: int, kind: str, result: object) -> None:
        if generation != self._generation:
            return
        if kind == "prepare" and isinstance(result, _Prepared):
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

    # -- the row cache ---------------------------------------------------------------------

    def _store(self, chunk: int, rows: list[LedgerRow]) -> list[_Cached]:
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

    def _chunk(self, chunk: int) -> list[_Cached]:
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

    def _cached(self, row: int) -> _Cached | None:
        if not 0 <= row < self._count:
            return None
        chunk, offset = divmod(row, CHUNK)
        cached = self._chunks.get(chunk)
        if cached is None:
            cached = self._chunk(chunk)
        return cached[offset] if offset < len(cached) else None

    def row_at(self, row: int) -> LedgerRow | None:
        item = self._cached(row)
        return None if item is None else item.row

    def task_id(self, row: int) -> int | None:
        item = self._cached(row)
        return None if item is None else item.row.id

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

    # -- formatting ------------------------------------------------------------------------

    def _money_text(self, minor: int, currency: str) -> str:
        key = (minor, currency)
        text = self._money.get(key)
        if text is None:
            if len(self._money) > 50_000:
                self._money.clear()
            text = formatting.money(minor, currency, self._services.ctx.tr)
            self._money[key] = text
        return text

    def _status_text(self, status: str) -> str:
        text = self._labels.get(status)
        if text is None:
            text = status_label(status)
            self._labels[status] = text
        return text

    def _format(self, row: LedgerRow) -> _Cached:
        when = datetime.fromtimestamp(row.work_at, self._services.ctx.zone)
        if row.earned is not None:
            earned = self._money_text(row.earned, row.currency)
        elif row.status == TaskStatus.APPROVED:
            earned = self._money_text(row.reward, row.currency)
        else:
            earned = ""
        display = (
            when.strftime("%Y-%m-%d %H:%M"),
            self._platforms.get(row.platform_id, ""),
            row.external_id or "",
            row.title or "",
            row.requester or "",
            self._status_text(row.status),
            self._money_text(row.reward, row.currency),
            earned,
            self._money_text(row.bonus, row.currency) if row.bonus else "",
            str(row.files) if row.files else "",
        )
        return _Cached(row, display)

    # -- the Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in AMOUNT_COLUMNS:
                return RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return FLAGS[index.column()]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            row = index.row()
            if 0 <= row < self._count:
                cached = self._chunks.get(row // CHUNK)
                if cached is not None:
                    offset = row % CHUNK
                    if offset < len(cached):
                        return cached[offset].display[index.column()]
            item = self._cached(row)
            return None if item is None else item.display[index.column()]
        if role == ALIGNMENT:
            return ALIGNMENTS[index.column()] if index.isValid() else None
        if role == FOREGROUND:
            return self._foreground(index.row(), index.column())
        if not index.isValid():
            return None
        if role == EDIT:
            item = self._cached(index.row())
            return None if item is None else self._edit_text(item.row, Column(index.column()))
        if role == TOOLTIP:
            return self._tooltip(index.row(), index.column())
        if role == USER:
            item = self._cached(index.row())
            return None if item is None else item.row.id
        return None

    def _foreground(self, row: int, column: int) -> QBrush | None:
        if column != STATUS_COLUMN and column != EARNED_COLUMN:
            return None
        item = self._cached(row)
        if item is None:
            return None
        if column == STATUS_COLUMN:
            return STATUS_BRUSHES.get(item.row.status)
        return IMPLIED_BRUSH if item.row.earned is None else None

    def _tooltip(self, row: int, column: int) -> str | None:
        item = self._cached(row)
        if item is None:
            return None
        if column == Column.STATUS and item.row.reason:
            return self.tr("Reason given: {reason}").format(reason=item.row.reason)
        if column == Column.EARNED and item.row.earned is None and item.display[column]:
            return self.tr("Not entered: an approved task counts its reward.")
        if column in (Column.TITLE, Column.REQUESTER) and item.display[column]:
            return item.display[column]
        return None

    @staticmethod
    def _edit_text(row: LedgerRow, column: Column) -> str:
        if column == Column.STATUS:
            return row.status
        if column == Column.REWARD:
            return format_plain(row.reward, row.currency) or ""
        if column == Column.EARNED:
            return format_plain(row.earned, row.currency) or ""
        if column == Column.BONUS:
            return (format_plain(row.bonus, row.currency) or "") if row.bonus else ""
        field = FIELD_OF_COLUMN.get(column)
        if field is None:
            return ""
        value = getattr(row, field)
        return "" if value is None else str(value)

    # -- editing ---------------------------------------------------------------------------

    def validate(self, index: Index, text: str) -> str | None:
        """Why `text` cannot go in this cell (one sentence), or None when it can."""
        column = Column(index.column())
        field = FIELD_OF_COLUMN.get(column)
        row = self.row_at(index.row())
        if field is None or row is None:
            return self.tr("This cell cannot be changed.")
        value = text.strip()
        tr = self._services.ctx.tr
        if column in (Column.REWARD, Column.EARNED, Column.BONUS):
            if not value and column != Column.REWARD:
                return None
            what = {
                Column.REWARD: tr.gettext("reward"),
                Column.EARNED: tr.gettext("earned amount"),
                Column.BONUS: tr.gettext("bonus"),
            }[column]
            try:
                parse_amount(value, row.currency, tr, what=what)
            except ClickwageError as error:
                return str(error)
            return None
        if column == Column.STATUS:
            if value not in TaskStatus._value2member_map_:
                return self.tr("Choose a status from the list.")
            return None
        limit = MAX_TEXT[field]
        if len(value) > limit:
            return self.tr("Too long: at most {limit} characters.").format(limit=limit)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = Column(index.column())
        field = FIELD_OF_COLUMN.get(column)
        row = self.row_at(index.row())
        if field is None or row is None:
            return False
        text = "" if value is None else str(value).strip()
        problem = self.validate(index, text)
        if problem is not None:
            self.edit_refused.emit(problem)
            return False
        old = self._edit_text(row, column)
        if text == old:
            return True
        if column in (Column.REWARD, Column.EARNED, Column.BONUS) and text:
            minor = parse_amount(text, row.currency, self._services.ctx.tr)
            if text and format_plain(minor, row.currency) == old:
                return True
        tasks, task_id = self._services.tasks, row.id
        caption = self.tr("Change {what} of a task").format(what=self._headers[column].lower())
        self._in_edit = True
        try:
            if field == "status":
                done = self._context.push(
                    caption,
                    lambda: tasks.set_status_many([task_id], text),
                    tasks.restore_statuses,
                    {"tasks"},
                )
            else:
                done = self._context.push(
                    caption,
                    lambda: tasks.edit(task_id, **{field: text}),
                    lambda _edited: tasks.edit(task_id, **{field: old}),
                    {"tasks"},
                )
        finally:
            self._in_edit = False
        if done is None:
            self.edit_refused.emit(self.tr("The change was not saved."))
            return False
        self._refresh_row(index.row(), task_id)
        return True

    def _refresh_row(self, row: int, task_id: int) -> None:
        fresh = self._query.rows_by_ids([task_id])
        chunk, offset = divmod(row, CHUNK)
        cached = self._chunks.get(chunk)
        if not fresh or cached is None or offset >= len(cached):
            return
        cached[offset] = self._format(fresh[0])
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))


__all__ = ["CHUNK", "Column", "LedgerModel"]
