"""The tray icon, where the desktop has one (GNOME has none: then everything stays in the
window). It shows whether the timer runs and offers start/stop, switch activity, open."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from app.domain.statuses import Activity
from ui.gui.context import GuiContext
from ui.gui.labels import activity_label
from ui.gui.pages.today import TodayPage


class TimerTray(QSystemTrayIcon):
    def __init__(
        self, context: GuiContext, window: QMainWindow, today: TodayPage, icon: QIcon
    ) -> None:
        super().__init__(icon, window)
        self._context, self._window, self._today = context, window, today
        menu = QMenu()
        self.start_stop = QAction(self.tr("Start"), menu)
        self.start_stop.triggered.connect(today.on_start_button_clicked)
        menu.addAction(self.start_stop)
        switch = menu.addMenu(self.tr("Switch activity"))
        for activity in Activity:
            action = QAction(activity_label(activity.value), switch)
            action.triggered.connect(lambda _=False, a=activity: self.switch_to(a))
            switch.addAction(action)
        self.switch_menu = switch
        menu.addSeparator()
        show = QAction(self.tr("Open Clickwage"), menu)
        show.triggered.connect(self.show_window)
        menu.addAction(show)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(window.close)
        menu.addAction(quit_action)
        self.setContextMenu(menu)
        self._menu = menu
        self.activated.connect(self.on_activated)
        context.changed.connect(self.on_context_changed)
        self.on_context_changed(frozenset({"work_sessions"}))

    def switch_to(self, activity: Activity) -> None:
        index = self._today.activity_combo.findData(activity.value)
        self._today.activity_combo.setCurrentIndex(index)
        self._today.on_activity_combo_activated(index)

    def show_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def on_context_changed(self, tables: frozenset[str]) -> None:
        if "work_sessions" not in tables:
            return
        status = self._context.services.timer.status()
        if status.running and status.session is not None:
            self.start_stop.setText(self.tr("Stop"))
            self.setToolTip(self.tr("Clickwage: running on {platform} ({activity})").format(
                platform=status.session.platform,
                activity=activity_label(status.session.activity)))
            self.switch_menu.setEnabled(True)
        else:
            self.start_stop.setText(self.tr("Start"))
            self.setToolTip(self.tr("Clickwage: the timer is stopped"))
            self.switch_menu.setEnabled(False)
