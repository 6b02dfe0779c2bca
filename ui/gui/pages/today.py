"""Today: the timer, today's totals, today's sessions and a quick task entry.

The elapsed time is always now − started_at from the stored start; the
QTimer only refreshes what is displayed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import local_date
from app.domain.money import parse_amount
from app.domain.statuses import Activity, TaskStatus
from app.services.records import SessionInfo, TaskInfo
from app.services.tasks import TaskFilter
from app.services.timer import TimerStatus
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.dialogs.session_dialog import SessionDialog, from_qdatetime, to_qdatetime
from ui.gui.labels import activity_label, status_label
from ui.gui.pages.base import Page

TICK_MS = 1000
TOTALS_EVERY_TICKS = 15
QUICK_STATUSES = (
    TaskStatus.PENDING,
    TaskStatus.APPROVED,
    TaskStatus.REJECTED,
    TaskStatus.RETURNED,
    TaskStatus.SCREENED_OUT,
)


class TodayPage(Page):
    page_id = "today"
    tables = frozenset(
        {"work_sessions", "tasks", "platforms", "settings", "exchange_rates", "payouts"}
    )

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self._status = TimerStatus(False, None, None)
        self._ticks = 0
        self._last_use = self.services.ctx.clock.now()
        self._asked_still_working = False
        self._sessions: list[SessionInfo] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_timer())
        layout.addWidget(self._build_totals())
        lists = QHBoxLayout()
        lists.addWidget(self._build_sessions(), 1)
        lists.addWidget(self._build_tasks(), 1)
        layout.addLayout(lists, 1)
        self._build_actions()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.refresh()
        self._show_banner_if_left_running()

    def title(self) -> str:
        return self.tr("Today")

    # -- building --------------------------------------------------------------------------

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("leftRunningBanner")
        self.banner.setStyleSheet(
            "#leftRunningBanner { background: #fff4d6; border: 1px solid "
            "#e0a526; border-radius: 6px; }"
        )
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_stop_at = QDateTimeEdit()
        self.banner_stop_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.banner_stop_at.setAccessibleName(self.tr("Stop time"))
        keep = QPushButton(self.tr("Keep it running"))
        keep.clicked.connect(self.banner.hide)
        stop = QPushButton(self.tr("Stop it at this time"))
        stop.clicked.connect(self.on_banner_stop_clicked)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_stop_at)
        row.addWidget(stop)
        row.addWidget(keep)
        self.banner.hide()
        return self.banner

    def _build_timer(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timer"))
        grid = QGridLayout(box)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startStopButton")
        self.start_button.setMinimumSize(220, 72)
        font = self.start_button.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self.on_start_button_clicked)
        self.platform_combo = QComboBox()
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self.platform_combo.activated.connect(self.on_platform_combo_activated)
        self.activity_combo = QComboBox()
        self.activity_combo.setAccessibleName(self.tr("Activity"))
        for activity in Activity:
            self.activity_combo.addItem(activity_label(activity.value), activity.value)
        self.activity_combo.activated.connect(self.on_activity_combo_activated)
        self.elapsed = QLabel("0:00:00")
        self.elapsed.setObjectName("elapsed")
        elapsed_font = self.elapsed.font()
        elapsed_font.setPointSize(elapsed_font.pointSize() + 16)
        self.elapsed.setFont(elapsed_font)
        self.timer_status = QLabel()
        self.timer_status.setWordWrap(True)
        grid.addWidget(self.start_button, 0, 0, 3, 1)
        grid.addWidget(QLabel(self.tr("Platform")), 0, 1)
        grid.addWidget(self.platform_combo, 0, 2)
        grid.addWidget(QLabel(self.tr("Working on")), 1, 1)
        grid.addWidget(self.activity_combo, 1, 2)
        grid.addWidget(self.elapsed, 0, 3, 2, 1, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.timer_status, 2, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        return box

    def _build_totals(self) -> QGroupBox:
        box = QGroupBox(self.tr("Today so far"))
        row = QHBoxLayout(box)
        row.setSpacing(16)
        self.total_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("paid", self.tr("Paid time")),
            ("unpaid", self.tr("Unpaid time")),
            ("earned", self.tr("Earned")),
            ("wage", self.tr("Real hourly wage")),
        ):
            card = QFrame()
            card.setObjectName("totalCard")
            card.setStyleSheet(
                "#totalCard { background: palette(base); border: 1px solid "
                "palette(mid); border-radius: 6px; }"
            )
            card.setMinimumWidth(130)
            cell = QVBoxLayout(card)
            title = QLabel(caption)
            value = QLabel("—")
            value.setObjectName(f"total_{key}")
            font = value.font()
            font.setPointSize(font.pointSize() + 6)
            font.setBold(True)
            value.setFont(font)
            cell.addWidget(title)
            cell.addWidget(value)
            row.addWidget(card)
            self.total_labels[key] = value
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)
        row.addWidget(self.threshold_note, 1)
        return box

    def _build_sessions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Today's sessions"))
        column = QVBoxLayout(box)
        self.sessions_table = QTableWidget(0, 5)
        self.sessions_table.setHorizontalHeaderLabels(
            [
                self.tr("Platform"),
                self.tr("Activity"),
                self.tr("Start", "column: when a session began"),
                self.tr("End"),
                self.tr("Duration"),
            ]
        )
        self._plain_table(self.sessions_table)
        self.sessions_table.doubleClicked.connect(self.on_edit_session_clicked)
        buttons = QHBoxLayout()
        edit = QPushButton(self.tr("Correct…"))
        edit.clicked.connect(self.on_edit_session_clicked)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.on_delete_session_clicked)
        buttons.addWidget(edit)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        column.addWidget(self.sessions_table)
        column.addLayout(buttons)
        return box

    def _build_tasks(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quick task entry"))
        column = QVBoxLayout(box)
        entry = QHBoxLayout()
        self.task_id = QLineEdit()
        self.task_id.setPlaceholderText(self.tr("Task id (optional)"))
        self.task_id.setAccessibleName(self.tr("Task id"))
        self.task_reward = QLineEdit()
        self.task_reward.setPlaceholderText(self.tr("Reward, e.g. 1.50"))
        self.task_reward.setAccessibleName(self.tr("Reward"))
        self.task_reward.textChanged.connect(self.on_task_reward_text_changed)
        self.task_status = QComboBox()
        self.task_status.setAccessibleName(self.tr("Status"))
        for status in QUICK_STATUSES:
            self.task_status.addItem(status_label(status.value), status.value)
        self.add_task_button = QPushButton(self.tr("Add task"))
        self.add_task_button.clicked.connect(self.on_add_task_clicked)
        self.task_reward.returnPressed.connect(self.on_add_task_clicked)
        entry.addWidget(self.task_id, 2)
        entry.addWidget(self.task_reward, 1)
        entry.addWidget(self.task_status, 1)
        entry.addWidget(self.add_task_button)
        self.task_hint = QLabel()
        self.task_hint.setObjectName("taskHint")
        self.tasks_table = QTableWidget(0, 4)
        self.tasks_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Platform"), self.tr("Task"), self.tr("Reward")]
        )
        self._plain_table(self.tasks_table)
        column.addLayout(entry)
        column.addWidget(self.task_hint)
        column.addWidget(self.tasks_table)
        return box

    def _build_actions(self) -> None:
        self.start_stop_action = QAction(self.tr("Start or stop the timer"), self)
        self.start_stop_action.setShortcut(QKeySequence("Ctrl+Space"))
        self.start_stop_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.start_stop_action.triggered.connect(self.on_start_button_clicked)
        self.new_task_action = QAction(self.tr("New task"), self)
        self.new_task_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_task_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_task_action.triggered.connect(self.focus_quick_entry)
        self.addAction(self.start_stop_action)
        self.addAction(self.new_task_action)

    @staticmethod
    def _plain_table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._status = self.services.timer.status()
        self._fill_platforms()
        running = self._status.running and self._status.session is not None
        if running and self._status.session is not None:
            self.platform_combo.setCurrentText(self._status.session.platform)
            index = self.activity_combo.findData(self._status.session.activity)
            self.activity_combo.setCurrentIndex(index)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        self._show_timer_state()
        self._fill_sessions()
        self._fill_tasks()
        self._fill_totals()

    def _fill_platforms(self) -> None:
        current = self.platform_combo.currentText()
        names = [p.name for p in self.services.platforms.list(include_archived=False)]
        self.platform_combo.blockSignals(True)
        self.platform_combo.clear()
        self.platform_combo.addItems(names)
        self.platform_combo.addItem(self.tr("Add a platform…"), "__add__")
        if current in names:
            self.platform_combo.setCurrentText(current)
        self.platform_combo.blockSignals(False)

    def _show_timer_state(self) -> None:
        session = self._status.session
        if self._status.running and session is not None:
            self.start_button.setText(self.tr("Stop"))
            self.start_button.setStyleSheet("background: #b3261e; color: white;")
            started = formatting.clock(session.started_at, self.services.ctx.zone)
            self.timer_status.setText(
                self.tr("Running on {platform} since {time}.").format(
                    platform=session.platform, time=started
                )
            )
        else:
            self.start_button.setText(self.tr("Start"))
            self.start_button.setStyleSheet("background: #1f6f5c; color: white;")
            self.timer_status.setText(
                self.tr(
                    "The timer is stopped. Pick a platform and what "
                    "you are doing, then press Start (Ctrl+Space)."
                )
            )
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        session = self._status.session
        if self._status.running and session is not None:
            seconds = (self.services.ctx.clock.now() - session.started_at).total_seconds()
            self.elapsed.setText(formatting.stopwatch(int(seconds)))
        else:
            self.elapsed.setText("0:00:00")

    def _today(self) -> tuple[datetime, datetime]:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        from app.domain.localtime import day_start

        return day_start(today, ctx.zone), day_start(today + timedelta(days=1), ctx.zone)

    def _fill_sessions(self) -> None:
        start, stop = self._today()
        self._sessions = self.services.timer.sessions_between(start, stop)
        zone = self.services.ctx.zone
        now = self.services.ctx.clock.now()
        table = self.sessions_table
        table.setRowCount(len(self._sessions))
        for row, session in enumerate(self._sessions):
            end = session.ended_at or now
            cells = [
                session.platform,
                activity_label(session.activity),
                formatting.clock(session.started_at, zone),
                formatting.clock(session.ended_at, zone)
                if session.ended_at
                else self.tr("running"),
                formatting.duration(int((end - session.started_at).total_seconds())),
            ]
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))

    def _fill_tasks(self) -> None:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        tasks = list(self.services.tasks.list(TaskFilter(first_day=today, last_day=today)))
        tasks.reverse()
        table = self.tasks_table
        table.setRowCount(len(tasks))
        tr = ctx.tr
        for row, task in enumerate(tasks):
            when = task.submitted_at or task.started_at or task.recorded_at
            cells = [
                formatting.clock(when, ctx.zone),
                task.platform,
                f"{task.external_id or task.title or '#' + str(task.id)} · "
                f"{status_label(task.status)}",
                formatting.money(task.reward, task.currency, tr),
            ]
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))

    def _fill_totals(self) -> None:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        report = self.services.reports.report(today, today + timedelta(days=1))
        paid = sum(p.time.seconds_task for p in report.platforms)
        unpaid = report.seconds_total - min(paid, report.seconds_total)
        home = report.home_currency
        tr = ctx.tr
        self.total_labels["paid"].setText(formatting.duration(paid))
        self.total_labels["unpaid"].setText(formatting.duration(unpaid))
        earned = report.home_total("earned")
        self.total_labels["earned"].setText(formatting.money(earned, home, tr))
        self.total_labels["wage"].setText(formatting.hourly(report.effective_hourly, home, tr))
        settings = self.services.settings.current()
        wage = report.effective_hourly
        if wage is not None and report.seconds_total >= 3600:
            threshold = formatting.money(settings.min_wage, home, tr)
            below = wage * 100 < settings.min_wage
            self.threshold_note.setText(
                self.tr("Below your minimum of {threshold} an hour.")
                if below
                else self.tr("At or above your minimum of {threshold} an hour.")
            )
            self.threshold_note.setText(self.threshold_note.text().format(threshold=threshold))
        else:
            self.threshold_note.setText("")

    # -- the banner and "still working?" ---------------------------------------------------

    def _show_banner_if_left_running(self) -> None:
        session = self._status.session
        if not self._status.running or session is None:
            return
        zone = self.services.ctx.zone
        self.banner_text.setText(
            self.tr(
                "A session on {platform} has been running since {time}. Keep it, or stop it at "
                "the time you really stopped:"
            ).format(platform=session.platform, time=formatting.day_time(session.started_at, zone))
        )
        self.banner_stop_at.setMinimumDateTime(to_qdatetime(session.started_at))
        self.banner_stop_at.setMaximumDateTime(to_qdatetime(self.services.ctx.clock.now()))
        self.banner_stop_at.setDateTime(to_qdatetime(self.services.ctx.clock.now()))
        self.banner.show()

    def on_banner_stop_clicked(self) -> None:
        self._stop(from_qdatetime(self.banner_stop_at.dateTime()))
        self.banner.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self._last_use = self.services.ctx.clock.now()
            self._asked_still_working = False
        return False

    def _check_still_working(self) -> None:
        session = self._status.session
        if not self._status.running or session is None or self._asked_still_working:
            return
        hours = self.services.settings.current().still_working_hours
        now = self.services.ctx.clock.now()
        since = max(self._last_use, session.started_at)
        if now - since < timedelta(hours=hours):
            return
        self._asked_still_working = True
        self.banner_text.setText(
            self.tr(
                "Still working? The timer on {platform} has run for {hours} hours without you "
                "touching Clickwage. Keep it, or stop it at the time you stopped:"
            ).format(platform=session.platform, hours=hours)
        )
        self.banner_stop_at.setMinimumDateTime(to_qdatetime(session.started_at))
        self.banner_stop_at.setMaximumDateTime(to_qdatetime(now))
        self.banner_stop_at.setDateTime(to_qdatetime(since))
        self.banner.show()

    # -- actions ---------------------------------------------------------------------------

    def on_timer_timeout(self) -> None:
        self._show_elapsed()
        self._ticks += 1
        if self._ticks % TOTALS_EVERY_TICKS == 0:
            self._fill_totals()
            self._fill_sessions()
        self._check_still_working()

    def on_start_button_clicked(self) -> None:
        self._status = self.services.timer.status()  # the tray or the CLI may have acted
        if self._status.running:
            self._stop(None)
        else:
            self._start()

    def _start(self) -> None:
        platform = self.platform_combo.currentText()
        if not platform or self.platform_combo.currentData() == "__add__":
            platform = self._add_platform() or ""
            if not platform:
                return
        activity = Activity(self.activity_combo.currentData())
        timer = self.services.timer
        self.context.push(
            self.tr("Start the timer"),
            lambda: timer.start(platform, activity)[0],
            lambda started: timer.delete_session(started.id),
            {"work_sessions"},
        )

    def _stop(self, at: datetime | None) -> None:
        timer = self.services.timer
        self.context.push(
            self.tr("Stop the timer"),
            lambda: timer.stop(at),
            lambda stopped: timer.reopen(stopped.id),
            {"work_sessions"},
        )

    def on_activity_combo_activated(self, index: int) -> None:
        self._status = self.services.timer.status()
        if not self._status.running:
            return
        activity = Activity(self.activity_combo.itemData(index))
        session = self._status.session
        if session is None or activity.value == session.activity:
            return
        timer = self.services.timer

        def switch() -> SessionInfo:
            return timer.switch_activity(activity)

        def undo(new: SessionInfo) -> None:
            timer.delete_session(new.id)
            timer.reopen(session.id)

        self.context.push(self.tr("Switch activity"), switch, undo, {"work_sessions"})

    def on_platform_combo_activated(self, index: int) -> None:
        if self.platform_combo.itemData(index) == "__add__":
            name = self._add_platform()
            self._fill_platforms()
            if name:
                self.platform_combo.setCurrentText(name)
            return
        session = self._status.session
        name = self.platform_combo.itemText(index)
        if self._status.running and session is not None and name != session.platform:
            activity = Activity(self.activity_combo.currentData())
            timer = self.services.timer

            def switch() -> SessionInfo:
                return timer.start(name, activity, switch=True)[0]

            def undo(new: SessionInfo) -> None:
                timer.delete_session(new.id)
                timer.reopen(session.id)

            self.context.push(self.tr("Switch platform"), switch, undo, {"work_sessions"})

    def _add_platform(self) -> str | None:
        name, ok = QInputDialog.getText(
            self, self.tr("Add a platform"), self.tr("Name of the platform (e.g. Prolific):")
        )
        if not ok or not name.strip():
            return None
        home = self.services.settings.current().home_currency
        currency, ok = QInputDialog.getText(
            self,
            self.tr("Add a platform"),
            self.tr("Currency it pays in (ISO code, e.g. GBP, USD, EUR):"),
            text=home,
        )
        if not ok:
            return None
        info = self.context.run(
            lambda: self.services.platforms.add(name, currency or None), {"platforms"}
        )
        return info.name if info else None

    def focus_quick_entry(self) -> None:
        self.task_id.setFocus()
        self.task_id.selectAll()

    def _quick_currency(self) -> str:
        name = self.platform_combo.currentText()
        for platform in self.services.platforms.list():
            if platform.name == name:
                return platform.currency
        return self.services.settings.current().home_currency

    def on_task_reward_text_changed(self, value: str) -> None:
        if not value.strip():
            self.task_hint.setText("")
            self.task_reward.setStyleSheet("")
            return
        try:
            parse_amount(value, self._quick_currency(), self.services.ctx.tr)
        except ClickwageError as error:
            self.task_hint.setText(str(error))
            self.task_reward.setStyleSheet("border: 2px solid #b3261e;")
            self.add_task_button.setEnabled(False)
            return
        self.task_hint.setText("")
        self.task_reward.setStyleSheet("")
        self.add_task_button.setEnabled(True)

    def on_add_task_clicked(self) -> None:
        platform = self.platform_combo.currentText()
        if not platform or self.platform_combo.currentData() == "__add__":
            self.task_hint.setText(self.tr("Choose a platform first."))
            return
        reward = self.task_reward.text().strip()
        if not reward:
            self.task_hint.setText(self.tr("Type the reward, e.g. 1.50."))
            self.task_reward.setFocus()
            return
        status = self.task_status.currentData()
        external_id = self.task_id.text().strip() or None
        tasks = self.services.tasks
        now = self.services.ctx.clock.now()

        def add() -> TaskInfo:
            return tasks.add(
                platform, reward, external_id=external_id, status=status, submitted=now
            )

        def undo(added: TaskInfo) -> Any:
            return tasks.delete(added.id)

        if self.context.push(self.tr("Add task"), add, undo, {"tasks"}) is not None:
            self.task_id.clear()
            self.task_reward.clear()
            self.task_id.setFocus()

    def _selected_session(self) -> SessionInfo | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._sessions[rows[0].row()]

    def on_edit_session_clicked(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        names = [p.name for p in self.services.platforms.list()]
        dialog = SessionDialog(session, names, self.services.ctx.zone, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        timer = self.services.timer
        before: dict[str, Any] = {
            "platform": session.platform,
            "activity": Activity(session.activity),
            "started_at": session.started_at,
        }
        if session.ended_at is not None:
            before["ended_at"] = session.ended_at
        self.context.push(
            self.tr("Correct a session"),
            lambda: timer.edit_session(session.id, **values),  # type: ignore[arg-type]
            lambda _edited: timer.edit_session(session.id, **before),
            {"work_sessions"},
        )

    def on_delete_session_clicked(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete a session"),
            self.tr(
                "Delete the {activity} session on {platform} that started at {time}? "
                "You can undo this with Ctrl+Z."
            ).format(
                activity=activity_label(session.activity),
                platform=session.platform,
                time=formatting.clock(session.started_at, self.services.ctx.zone),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        timer = self.services.timer
        self.context.push(
            self.tr("Delete a session"),
            lambda: timer.delete_session(session.id),
            lambda snapshot: timer.restore_session(snapshot),
            {"work_sessions"},
        )

    def stop_timers(self) -> None:
        self._timer.stop()


__all__ = ["QWidget", "TodayPage"]
