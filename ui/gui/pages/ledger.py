"""The Ledger: every task, filtered and sorted in SQL, edited in place, with proof attached.

The table reads a window of rows at a time (ui/gui/models/ledger_model.py), so
a million tasks scroll as smoothly as a hundred. Counting and adding up a big
filter run on worker threads; bulk changes of many tasks run on a worker too,
behind a progress dialog, and are all-or-nothing and undoable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import local_date, next_month
from app.domain.statuses import TaskStatus
from app.services.attachments import AttachmentInfo, AttachmentService
from app.services.ledger_query import LedgerFilter, LedgerTotals
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.labels import status_label
from ui.gui.models.ledger_model import Column, LedgerModel
from ui.gui.pages.base import Page
from ui.gui.pages.ledger_batch import _BatchRunner
from ui.gui.pages.ledger_table import LedgerDelegate, LedgerTable

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



def _number(count: int) -> str:
    """A count in the window's language (1,000,000 / 1 000 000)."""
    return QLocale().toString(count)


class LedgerPage(Page):
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

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.platform_filter = QComboBox()
        self.platform_filter.setAccessibleName(self.tr("Show tasks of platform"))
        self.platform_filter.addItem(self.tr("All platforms"), None)
        self.platform_filter.activated.connect(self.on_filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show tasks with status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in TaskStatus:
            self.status_filter.addItem(status_label(status.value), status.value)
        self.status_filter.activated.connect(self.on_filter_changed)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(self.tr("Period"))
        for key, caption in (
            ("all", self.tr("All time")),
            ("today", self.tr("Today")),
            ("week", self.tr("Last 7 days")),
            ("month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("year", self.tr("This year")),
            ("custom", self.tr("Between dates")),
        ):
            self.period_filter.addItem(caption, key)
        self.period_filter.activated.connect(self.on_period_filter_activated)
        today = self._today()
        self.first_day = self._date_edit(self.tr("From date"), today.replace(day=1))
        self.last_day = self._date_edit(self.tr("To date"), today)
        self.search = QLineEdit()
        self.search.setObjectName("ledgerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search id, title, requester (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_timer_timeout)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(70)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Loading"))
        self.busy_bar.hide()
        for caption, widget in (
            (self.tr("&Platform"), self.platform_filter),
            (self.tr("S&tatus"), self.status_filter),
            (self.tr("P&eriod"), self.period_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        self.dates_dash = QLabel("–")
        self.dates_dash.setVisible(False)
        row.addWidget(self.first_day)
        row.addWidget(self.dates_dash)
        row.addWidget(self.last_day)
        row.addWidget(self.search, 1)
        row.addWidget(self.busy_bar)
        return row

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        edit.setVisible(False)
        edit.dateChanged.connect(self.on_date_changed)
        return edit

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

    def _build_files(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files of this task"))
        column = QVBoxLayout(box)
        self.files_list = QListWidget()
        self.files_list.setObjectName("ledgerFiles")
        self.files_list.setAccessibleName(self.tr("Files attached to the current task"))
        self.files_list.setMaximumHeight(64)
        self.files_list.itemActivated.connect(self.on_files_list_item_activated)
        self.files_hint = QLabel(
            self.tr("Drop a screenshot or an e-mail on a task to keep it as proof.")
        )
        self.files_hint.setWordWrap(True)
        row = QHBoxLayout()
        self.open_file_button = QPushButton(self.tr("&Open"))
        self.open_file_button.setAccessibleName(self.tr("Open the chosen file"))
        self.open_file_button.clicked.connect(self.on_open_file_clicked)
        self.remove_file_button = QPushButton(self.tr("&Remove"))
        self.remove_file_button.setAccessibleName(self.tr("Remove the chosen file from the task"))
        self.remove_file_button.clicked.connect(self.on_remove_file_clicked)
        row.addWidget(self.open_file_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        column.addWidget(self.files_list)
        column.addWidget(self.files_hint)
        column.addLayout(row)
        return box

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

    def _fill_platforms(self) -> None:
        combo = self.platform_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All platforms"), None)
        for platform in self.services.platforms.list():
            combo.addItem(platform.name, platform.id)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if current is not None and found < 0:
            self.apply_filters()

    def on_model_busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.show_totals()

    def show_totals(self) -> None:
        model = self.model
        if model.busy:
            self.totals_label.setText(self.tr("Counting…"))
            return
        count = model.rowCount()
        tasks = (
            self.tr("1 task")
            if count == 1
            else self.tr("{count} tasks").format(count=_number(count))
        )
        totals = model.totals
        if totals is None:
            self.totals_label.setText(tasks + " · " + self.tr("adding up…"))
            return
        parts = [tasks, self._money_parts(totals)]
        if model.totals_busy:
            parts.append(self.tr("converting…"))
        self.totals_label.setText(" · ".join(parts))
        self.totals_label.setAccessibleName(self.totals_label.text())

    def _tr(self) -> Any:
        return self.services.ctx.tr

    def _money_parts(self, totals: LedgerTotals) -> str:
        tr = self._tr()
        if totals.home is not None:
            home = totals.home_currency
            text = self.tr("earned {earned} · pending {pending} · rejected {rejected}").format(
                earned=formatting.money(totals.home.earned, home, tr),
                pending=formatting.money(totals.home.pending_value, home, tr),
                rejected=formatting.money(totals.home.rejected_value, home, tr),
            )
            if any(code != home for code in totals.by_currency):
                text += " " + self.tr("(converted to {currency})").format(currency=home)
            return text
        if not totals.by_currency:
            return self.tr("nothing earned yet")

        def joined(name: str) -> str:
            return " + ".join(
                formatting.money(getattr(money, name), code, tr)
                for code, money in totals.by_currency.items()
            )

        text = self.tr("earned {earned} · pending {pending} · rejected {rejected}").format(
            earned=joined("earned"),
            pending=joined("pending_value"),
            rejected=joined("rejected_value"),
        )
        if totals.missing_rates:
            note = self.tr("(no exchange rate for {currencies}: add one in Settings)")
            text += " " + note.format(currencies=", ".join(totals.missing_rates))
        return text

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

    # -- filters ---------------------------------------------------------------------------

    def _today(self) -> date:
        ctx = self.services.ctx
        return local_date(ctx.clock.now(), ctx.zone)

    def current_filter(self) -> LedgerFilter:
        first, last = self._period()
        return LedgerFilter(
            platform_id=self.platform_filter.currentData(),
            status=self.status_filter.currentData(),
            first_day=first,
            last_day=last,
            text=self.search.text().strip(),
        )

    def _period(self) -> tuple[date | None, date | None]:
        key = self.period_filter.currentData()
        today = self._today()
        if key == "today":
            return today, today
        if key == "week":
            return today - timedelta(days=6), today
        if key == "month":
            first = today.replace(day=1)
            return first, next_month(first) - timedelta(days=1)
        if key == "last_month":
            end = today.replace(day=1)
            return (end - timedelta(days=1)).replace(day=1), end - timedelta(days=1)
        if key == "year":
            return date(today.year, 1, 1), date(today.year, 12, 31)
        if key == "custom":
            first_day = self.first_day.date().toPython()
            last_day = self.last_day.date().toPython()
            assert isinstance(first_day, date) and isinstance(last_day, date)
            return (first_day, last_day) if first_day <= last_day else (last_day, first_day)
        return None, None

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.hint_label.clear()
        self.model.set_filter(self.current_filter())

    def on_filter_changed(self, _index: int = 0) -> None:
        self.apply_filters()

    def on_period_filter_activated(self, _index: int) -> None:
        custom = self.period_filter.currentData() == "custom"
        first, last = self._period()
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.setVisible(custom)
            if day is not None and not custom:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.dates_dash.setVisible(custom)
        self.period_filter.setToolTip(
            self.tr("From {first} to {last}").format(first=first, last=last) if first else ""
        )
        self.apply_filters()

    def on_date_changed(self, _day: QDate) -> None:
        if self.period_filter.currentData() == "custom":
            self.apply_filters()

    def on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def on_search_timer_timeout(self) -> None:
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

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

    # -- bulk changes ----------------------------------------------------------------------

    def set_status_of_selection(self, status: str) -> None:
        ids = self._bulk_ids()
        if not ids:
            return
        tasks, label = self.services.tasks, status_label(status)
        text = (
            self.tr("Set a task to {status}").format(status=label)
            if len(ids) == 1
            else self.tr("Set {count} tasks to {status}").format(count=len(ids), status=label)
        )
        runner = self._batches

        def change_batch(batch: Sequence[int]) -> list[Any]:
            return tasks.set_status_many(batch, status)

        def restore_batch(batch: Sequence[Any]) -> list[Any]:
            tasks.restore_statuses(batch)
            return list(batch)

        def change() -> list[Any] | None:
            return runner.run(text, ids, change_batch, restore_batch)

        def put_back(previous: list[Any]) -> None:
            runner.run(self.tr("Undo: {text}").format(text=text), previous, restore_batch, None)

        if self.context.push(text, change, put_back, {"tasks"}) is not None:
            self.show_problem("")
            self.context.message.emit(text)

    def delete_selection(self) -> None:
        ids = self._bulk_ids()
        if not ids:
            return
        question = (
            self.tr("Delete this task? You can undo it with Ctrl+Z.")
            if len(ids) == 1
            else self.tr("Delete these {count} tasks? You can undo it with Ctrl+Z.").format(
                count=len(ids)
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete tasks"),
            question,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("deleteTasksBox")
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Delete"))
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        tasks, runner = self.services.tasks, self._batches
        text = (
            self.tr("Delete a task")
            if len(ids) == 1
            else self.tr("Delete {count} tasks").format(count=len(ids))
        )

        def restore(snapshots: Sequence[dict[str, Any]]) -> list[Any]:
            return [tasks.restore(snapshot) for snapshot in snapshots]

        def delete_batch(batch: Sequence[int]) -> list[Any]:
            done: list[dict[str, Any]] = []
            try:
                for task_id in batch:
                    done.append(tasks.delete(task_id))
            except ClickwageError:
                restore(done)
                raise
            return done

        def delete() -> list[Any] | None:
            return runner.run(text, ids, delete_batch, restore)

        def put_back(snapshots: list[dict[str, Any]]) -> None:
            runner.run(self.tr("Undo: {text}").format(text=text), snapshots, restore, None)

        self.context.push(text, delete, put_back, {"tasks"})

    # -- attachments -----------------------------------------------------------------------

    def _show_files(self) -> None:
        self.files_list.clear()
        task_id = self.current_task_id()
        enabled = task_id is not None
        self.attach_button.setEnabled(enabled)
        if task_id is None:
            self.open_file_button.setEnabled(False)
            self.remove_file_button.setEnabled(False)
            return
        try:
            files = self.attachments.list_for("task", task_id)
        except ClickwageError:
            files = []
        for info in files:
            item = QListWidgetItem(
                self.tr("{name} ({size} kB)").format(
                    name=info.file_name, size=max(1, round(info.size / 1024))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(info.media_type)
            self.files_list.addItem(item)
        if files:
            self.files_list.setCurrentRow(0)
        self.open_file_button.setEnabled(bool(files))
        self.remove_file_button.setEnabled(bool(files))

    def attach_files(self, task_id: int, paths: Sequence[str | Path]) -> list[AttachmentInfo]:
        """Attach files to a task (one undoable step); returns what was attached."""
        files = [Path(path) for path in paths]
        if not files:
            return []
        service = self.attachments
        text = (
            self.tr("Attach {name}").format(name=files[0].name)
            if len(files) == 1
            else self.tr("Attach {count} files").format(count=len(files))
        )

        def attach() -> list[AttachmentInfo]:
            done: list[AttachmentInfo] = []
            try:
                for path in files:
                    done.append(service.attach("task", task_id, path))
            except ClickwageError:
                for info in done:
                    service.detach(info.id)
                raise
            return done

        def detach(done: list[AttachmentInfo]) -> None:
            for info in done:
                service.detach(info.id)

        attached = self.context.push(text, attach, detach, {"attachments"})
        if attached:
            self.context.message.emit(text)
        self._show_files()
        return list(attached or [])

    def on_table_files_dropped(self, row: int, paths: list[str]) -> None:
        task_id = self.model.task_id(row)
        if task_id is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.attach_files(task_id, paths)

    def on_attach_button_clicked(self) -> None:
        task_id = self.current_task_id()
        if task_id is None:
            self.show_problem(self.tr("Select a task first."))
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files to the task"),
            "",
            self.tr("Screenshots, documents, e-mails (*.png *.jpg *.jpeg *.gif *.webp *.pdf "
                    "*.eml *.msg *.txt *.html *.htm);;All files (*)"),
        )
        if paths:
            self.attach_files(task_id, paths)

    def _chosen_file(self) -> AttachmentInfo | None:
        item = self.files_list.currentItem()
        if item is None:
            return None
        info = item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, AttachmentInfo) else None

    def on_files_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.on_open_file_clicked()

    def on_open_file_clicked(self) -> None:
        info = self._chosen_file()
        if info is None:
            return
        if not info.path.exists():
            self.show_problem(
                self.tr("The stored copy of {name} is missing from {folder}.").format(
                    name=info.file_name, folder=info.path.parent
                )
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path)))

    def on_remove_file_clicked(self) -> None:
        info = self._chosen_file()
        if info is None:
            return
        service = self.attachments

        def remove() -> AttachmentInfo | None:
            for current in service.list_for(info.record_type, info.record_id):
                if current.sha256 == info.sha256:
                    return service.detach(current.id, keep_file=True)
            return None

        def put_back(removed: AttachmentInfo) -> None:
            service.attach(
                removed.record_type, removed.record_id, removed.path, file_name=removed.file_name
            )

        self.context.push(
            self.tr("Remove {name}").format(name=info.file_name), remove, put_back, {"attachments"}
        )
        self._show_files()

    # -- closing ---------------------------------------------------------------------------

    def stop_timers(self) -> None:
        """Stop the search delay and wait for the worker threads (the window is closing)."""
        self._search_timer.stop()
        self.model.stop()
        self._bulk_pool.waitForDone()


__all__ = ["LedgerPage", "LedgerTable"]
