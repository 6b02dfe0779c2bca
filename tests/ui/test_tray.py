"""The tray icon follows the timer (it is only shown where the desktop has a tray)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.main_window import MainWindow
from ui.gui.pages.today import TodayPage
from ui.gui.resources import app_icon
from ui.gui.tray import TimerTray


def test_tray_menu_follows_the_timer(
    gui_context: GuiContext, services: Services, qtbot: QtBot
) -> None:
    services.platforms.add("Prolific", "GBP")
    today = TodayPage(gui_context)
    window = MainWindow(gui_context, [today], app_icon())
    qtbot.addWidget(window)
    tray = TimerTray(gui_context, window, today, app_icon())
    try:
        assert tray.start_stop.text() == "Start"
        assert not tray.switch_menu.isEnabled()
        tray.start_stop.trigger()
        assert services.timer.status().running
        assert tray.start_stop.text() == "Stop"
        assert "Prolific" in tray.toolTip()
        tray.switch_to(__import__("app.domain.statuses", fromlist=["Activity"]).Activity.SEARCH)
        assert services.timer.status().session.activity == "search"  # type: ignore[union-attr]
        tray.start_stop.trigger()
        assert not services.timer.status().running
    finally:
        today.stop_timers()
