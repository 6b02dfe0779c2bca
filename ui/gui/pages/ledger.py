"""The Ledger: every task, filtered and sorted in SQL, edited in place, with proof attached.

The table reads a window of rows at a time (ui/gui/models/ledger_model.py), so
a million tasks scroll as smoothly as a hundred. Counting and adding up a big
filter run on worker threads; bulk changes of many tasks run on a worker too,
behind a progress dialog, and are all-or-nothing and undoable.

LedgerPage is put together from mixins beside this file, one per part of the
page: ledger_filters.py (the filter row), ledger_totals.py (the totals line),
ledger_bulk_changes.py (set status, delete) and ledger_attachments.py (the files
of a task). This file builds the table and the buttons, and keeps the selection
and the place in the list across a refresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from app.domain.statuses import TaskStatus
from app.services.attachments import AttachmentService
from ui.gui.context import GuiContext
from ui.gui.labels import status_label
from ui.gui.models.ledger_model import Column, LedgerModel
from ui.gui.pages.base import Page
from ui.gui.pages.ledger_attachments import LedgerAttachmentsMixin
from ui.gui.pages.ledger_batch import _BatchRunner
from ui.gui.pages.ledger_bulk_changes import LedgerBulkChangesMixin
from ui.gui.pages.ledger_filters import LedgerFiltersMixin
from ui.gui.pages.ledger_table import LedgerDelegate, LedgerTable
from ui.gui.pages.ledger_totals import LedgerTotalsMixin, _number

SEARCH_DELAY_MS = 300
MAX_BULK = 10_000
MAX_PLACE_ROWS = 1000  # selections up to this size survive a refresh
# Columns are sized once from sample texts in the table's font, never from the rows:
# measuring the contents of a million rows is what freezes big tables.
COLUMN_SAMPLES = {
    Column.DATE: "0000-00-00 00:00",
    Column.PLATFORM: "Clickworker",
    Column.TASK_ID: "0000000000",
    Column.REQUESTER: "Research Lab",
    Column.STATUS: "Partly approved",
    Column.REWARD: "$000.00",
    Column.EARNED: "$000.00",
    Column.BONUS: "$00.00",
    Column.FILES: "Files",
}


class LedgerPage(
    LedgerFiltersMixin,
    LedgerTotalsMixin,
    LedgerBulkChangesMixin,
    LedgerAttachmentsMixin,
    Page,
):
    page_id = "ledger"
    tables = frozenset({"tasks", "platforms", "attachments", "exchange_rates"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.attachments = AttachmentService(self.services.ctx)
        self.model = LedgerModel(context, self)
        self._bulk_pool = QThreadPool(self)
        self._bulk_pool.setMaxThreadCount(1)
        self._batches = _BatchRunner(self._bulk_pool, self)
        self._place: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_bottom())
        self._build_actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        self.model.busy_changed.connect(self.on_model_busy_changed)
        self.model.totals_changed.connect(self.show_totals)
        self.model.loaded.connect(self.show_totals)
        self.model.edit_refused.connect(self.show_problem)
        self.model.failed.connect(self.show_problem)
        self.model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        self.model.modelReset.connect(self.on_model_reset)

    def title(self) -> str:
        return self.tr("Ledger")

    # -- building --------------------------------------------------------------------------

    def _build_table(self) -> LedgerTable:
        table = LedgerTable()
        table.setObjectName("ledgerTable")
        table.setAccessibleName(self.tr("Tasks"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        metrics = table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        table.setSortingEnabled(True)
        self.delegate = LedgerDelegate(self.model, table)
        self.delegate.hint.connect(self.show_hint)
        table.setItemDelegate(self.delegate)
        table.files_dropped.connect(self.on_table_files_dropped)
        selection = table.selectionModel()
        selection.selectionChanged.connect(self.on_selection_changed)
        selection.currentRowChanged.connect(self.on_current_row_changed)
        self.table = table
        return table

    def _build_bottom(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        left = QVBoxLayout()
        self.totals_label = QLabel()
        self.totals_label.setObjectName("ledgerTotals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.totals_label.font()
        font.setBold(True)
        self.totals_label.setFont(font)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("ledgerSelection")
        buttons = QHBoxLayout()
        self.status_button = QPushButton(self.tr("&Set status…"))
        self.status_button.setAccessibleName(self.tr("Set the status of the selected tasks"))
        menu = QMenu(self.status_button)
        self.status_actions: dict[str, QAction] = {}
        for status in TaskStatus:
            action = menu.addAction(status_label(status.value))
            action.triggered.connect(
                lambda _checked=False, value=status.value: self.set_status_of_selection(value)
            )
            self.status_actions[status.value] = action
        self.status_button.setMenu(menu)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected tasks"))
        self.delete_button.clicked.connect(self.delete_selection)
        self.attach_button = QPushButton(self.tr("&Attach file…"))
        self.attach_button.setAccessibleName(self.tr("Attach a file to the current task"))
        self.attach_button.setToolTip(self.tr("Click a task first, or drop files on it."))
        self.attach_button.clicked.connect(self.on_attach_button_clicked)
        for button in (self.status_button, self.delete_button, self.attach_button):
            buttons.addWidget(button)
        buttons.addWidget(self.selection_label, 1)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("ledgerHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b3261e;")
        left.addWidget(self.totals_label)
        left.addLayout(buttons)
        left.addWidget(self.hint_label)
        left.addStretch(1)
        bottom.addLayout(left, 3)
        bottom.addWidget(self._build_files(), 2)
        return bottom

    def _build_actions(self) -> None:
        find = QAction(self.tr("Search tasks"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_search)
        delete = QAction(self.tr("Delete the selected tasks"), self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selection)
        self.addAction(find)
        self.table.addAction(delete)
        self.find_action, self.delete_action = find, delete

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_platforms()
        self.model.reload()
        self._show_files()

    def on_model_busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.show_totals()

    def show_problem(self, text: str) -> None:
        self.hint_label.setText(text)
        if text:
            self.context.message.emit(text)

    def show_hint(self, text: str) -> None:
        self.hint_label.setText(text)

    # -- keeping the place across a refresh ------------------------------------------------

    def on_model_about_to_be_reset(self) -> None:
        query = (self.model.filters, self.model.sort_order)  # what is about to be shown
        if query != self.model.shown_query:
            self._place = None
            return
        current = self.table.currentIndex()
        spans = self._selected_spans()
        selected: list[tuple[int, int | None]] = []
        if sum(last - first + 1 for first, last in spans) <= MAX_PLACE_ROWS:
            for first, last in spans:
                selected += [(row, self.model.task_id(row)) for row in range(first, last + 1)]
        self._place = {
            "scroll": self.table.verticalScrollBar().value(),
            "row": current.row(),
            "column": current.column(),
            "selected": selected,
        }

    def on_model_reset(self) -> None:
        place, self._place = self._place, None
        if place is None:
            self.table.scrollToTop()
            self._show_files()
            self.show_selection()
            return
        self.table.verticalScrollBar().setValue(place["scroll"])
        count = self.model.rowCount()
        selection = QItemSelection()
        for row, task_id in place["selected"]:
            if row < count and task_id is not None and self.model.task_id(row) == task_id:
                selection.select(self.model.index(row, 0), self.model.index(row, len(Column) - 1))
        selection_model = self.table.selectionModel()
        if not selection.isEmpty():
            selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if 0 <= place["row"] < count:
            selection_model.setCurrentIndex(
                self.model.index(place["row"], max(0, place["column"])),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        self._show_files()
        self.show_selection()

    # -- selection -------------------------------------------------------------------------

    def _selected_spans(self) -> list[tuple[int, int]]:
        """Selected rows as merged (first, last) spans: a million rows stay one span."""
        selection = self.table.selectionModel().selection()
        spans = sorted(
            (selection.at(i).top(), selection.at(i).bottom()) for i in range(selection.size())
        )
        merged: list[tuple[int, int]] = []
        for first, last in spans:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def selected_count(self) -> int:
        return sum(last - first + 1 for first, last in self._selected_spans())

    def selected_task_ids(self) -> list[int]:
        return self.model.task_ids(self._selected_spans())

    def on_selection_changed(self, *_args: object) -> None:
        self.show_selection()

    def show_selection(self) -> None:
        count = self.selected_count()
        if count == 0:
            self.selection_label.setText(self.tr("Select tasks to change them together."))
        elif count == 1:
            self.selection_label.setText(self.tr("1 task selected"))
        else:
            text = self.tr("{count} tasks selected").format(count=_number(count))
            self.selection_label.setText(text)

    def on_current_row_changed(self, *_args: object) -> None:
        self._show_files()

    def current_task_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.task_id(row) if row >= 0 else None

    def _bulk_ids(self) -> list[int] | None:
        count = self.selected_count()
        if count == 0:
            self.show_problem(self.tr("Select the tasks first (click, Shift+click, Ctrl+click)."))
            return None
        if count > MAX_BULK:
            self.show_problem(
                self.tr(
                    "{count} tasks are selected; change at most {limit} at a time (narrow the "
                    "list with the filters)."
                ).format(count=_number(count), limit=_number(MAX_BULK))
            )
            return None
        return self.selected_task_ids()

    # -- closing ---------------------------------------------------------------------------

    def stop_timers(self) -> None:
        """Stop the search delay and wait for the worker threads (the window is closing)."""
        self._search_timer.stop()
        self.model.stop()
        self._bulk_pool.waitForDone()


__all__ = ["LedgerPage", "LedgerTable"]
