"""Today: the timer, today's totals, today's sessions and a quick task entry.

The elapsed time is always now − started_at from the stored start; the
QTimer only refreshes what is displayed.

This file holds the page itself: the timer box (start, stop, switching platform
or activity, adding a platform), the keyboard shortcuts and the refresh. Its
parts are mixins next to it: the left-running / "Still working?" banner
(today_banner.py), the day's totals (today_totals.py), today's sessions
(today_sessions.py) and the quick task entry (today_tasks.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import Activity
from app.services.records import SessionInfo
from app.services.timer import TimerStatus
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.labels import activity_label
from ui.gui.pages.base import Page
from ui.gui.pages.today_banner import TodayBannerMixin
from ui.gui.pages.today_sessions import TodaySessionsMixin
from ui.gui.pages.today_tasks import QUICK_STATUSES as QUICK_STATUSES
from ui.gui.pages.today_tasks import TodayTasksMixin
from ui.gui.pages.today_totals import TodayTotalsMixin

TICK_MS = 1000
TOTALS_EVERY_TICKS = 15


class TodayPage(
    TodayBannerMixin,
    TodayTotalsMixin,
    TodaySessionsMixin,
    TodayTasksMixin,
    Page,
):
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

    def stop_timers(self) -> None:
        self._timer.stop()


__all__ = ["QWidget", "TodayPage"]
