"""The window follows changes made outside it (the command line, a desktop hotkey)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.pages.today import TodayPage
from ui.gui.watcher import ExternalChangeWatcher


def test_a_start_from_the_command_line_shows_in_the_window_within_two_seconds(
    gui_context: GuiContext, services: Services, qtbot: QtBot
) -> None:
    services.platforms.add("Prolific", "GBP")
    page = TodayPage(gui_context)
    qtbot.addWidget(page)
    page.show()
    watcher = ExternalChangeWatcher(gui_context)
    try:
        assert page.start_button.text() == "Start"
        data_dir = services.ctx.db.path.parent
        env = dict(os.environ, TZ="Europe/Paris", LANG="en_US.UTF-8", LANGUAGE="")
        done = subprocess.run(
            [sys.executable, "-m", "ui", "--data-dir", str(data_dir), "start", "Prolific"],
            capture_output=True, text=True, env=env, timeout=60,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert done.returncode == 0, done.stderr
        with qtbot.waitSignal(gui_context.changed, timeout=2500):
            pass
        assert page.start_button.text() == "Stop"
        assert "Prolific" in page.timer_status.text()
    finally:
        watcher.stop()
        page.stop_timers()


def test_our_own_writes_are_not_seen_as_external(
    gui_context: GuiContext, services: Services, qtbot: QtBot
) -> None:
    watcher = ExternalChangeWatcher(gui_context)
    seen: list[frozenset[str]] = []
    try:
        gui_context.run(lambda: services.platforms.add("Toloka", "USD"), {"platforms"})
        gui_context.changed.connect(seen.append)
        watcher.on_timer_timeout()
        assert seen == []
    finally:
        watcher.stop()
