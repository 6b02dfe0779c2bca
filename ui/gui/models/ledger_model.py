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

The parts live beside this file: ledger_columns.py (the columns, roles, flags
and brushes), ledger_chunks.py (reading and keeping chunks of rows) and
ledger_loading.py (counting, first rows and totals, on worker threads).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush

from app.domain.errors import ClickwageError
from app.domain.money import format_plain, parse_amount
from app.domain.statuses import TaskStatus
from app.services.ledger_query import (
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
from ui.gui.models.ledger_chunks import CHUNK, Cached
from ui.gui.models.ledger_columns import (
    ALIGNMENT,
    ALIGNMENTS,
    COLUMN_COUNT,
    DISPLAY,
    EARNED_COLUMN,
    EDIT,
    FIELD_OF_COLUMN,
    FLAGS,
    FOREGROUND,
    IMPLIED_BRUSH,
    MAX_TEXT,
    RIGHT,
    SORT_OF_COLUMN,
    STATUS_BRUSHES,
    STATUS_COLUMN,
    TOOLTIP,
    USER,
    Column,
    edit_text,
)
from ui.gui.models.ledger_columns import AMOUNT_COLUMNS as AMOUNT_COLUMNS
from ui.gui.models.ledger_loading import SYNC_LIMIT, TOTALS_DELAY_MS, JobSignals, LedgerLoading

Index = QModelIndex | QPersistentModelIndex


# The mixins (ledger_loading.py, ledger_chunks.py) come after the Qt class, so that Qt's
# calls of data(), rowCount()... find the overrides without looking through them.
class LedgerModel(QAbstractTableModel, LedgerLoading):
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
        self._chunks: OrderedDict[int, list[Cached]] = OrderedDict()
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
        self._signals = JobSignals(self)
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

    # -- rows ------------------------------------------------------------------------------

    def _cached(self, row: int) -> Cached | None:
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

    def _format(self, row: LedgerRow) -> Cached:
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
        return Cached(row, display)

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
            return None if item is None else edit_text(item.row, Column(index.column()))
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
        old = edit_text(row, column)
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
