"""Idle detection: a fake probe and a fake clock drive the monitor; the sessions stored after
each answer (keep, discard, count as another activity) are checked; sleep is noticed from
the wall clock; the real probes run where this machine can run them (Xvfb, a private
D-Bus bus) and never crash where it cannot."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.domain.clock import FakeClock
from app.domain.statuses import Activity
from app.services import Services
from app.services.records import SessionInfo
from ui.gui.context import GuiContext
from ui.gui.dialogs.idle_dialog import Absence, IdleChoice, IdleDialog
from ui.gui.idle import (
    FakeIdleSource,
    IdleController,
    IdleMonitor,
    IdleSource,
    UnavailableIdleSource,
    choose_idle_source,
    idle_status_text,
    install_idle,
)
from ui.gui.idle.chooser import candidates
from ui.gui.pages.base import Page

POLL = 5  # seconds between two polls in these tests (the monitor's own interval)


class Setup:
    """A window with idle detection over a running Prolific session (task)."""

    def __init__(self, qtbot: QtBot, context: GuiContext, clock: FakeClock,
                 source: IdleSource) -> None:
        self.qtbot, self.context, self.clock, self.source = qtbot, context, clock, source
        self.services: Services = context.services
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.page = Page(context)
        self.monitor = install_idle(self.window, context, self.page, source=source)
        controller = self.monitor.parent()
        assert isinstance(controller, IdleController)
        self.controller = controller

    def start_session(self) -> SessionInfo:
        self.services.platforms.add("Prolific", "GBP")
        started = self.context.run(
            lambda: self.services.timer.start("Prolific", Activity.TASK, note="study 12")[0],
            {"work_sessions"},
        )
        assert started is not None
        return started

    def tick(self, seconds: float = POLL, idle: float | None = None) -> None:
        """Time passes; the probe says `idle` (default: idle grows with it); one poll."""
        self.clock.advance(seconds)
        if isinstance(self.source, FakeIdleSource):
            current = self.source.idle or 0.0
            self.source.idle = current + seconds if idle is None else idle
        self.monitor.poll()

    def work_for(self, seconds: int) -> None:
        for _ in range(seconds // POLL):
            self.tick(idle=1.0)

    def away_for(self, seconds: int) -> datetime:
        """Nobody touches anything for `seconds`; returns the instant of the last input."""
        assert isinstance(self.source, FakeIdleSource)
        self.source.idle = 0.0
        last_input = self.clock.now()
        for _ in range(seconds // POLL):
            self.tick()
        return last_input

    def come_back(self, idle_after: float = 2.0) -> IdleDialog:
        with self.qtbot.waitSignal(self.monitor.returned, timeout=1000):
            self.tick(idle=idle_after)
        dialog = self.controller.dialog
        assert dialog is not None and dialog.isVisible()
        return dialog

    def sessions(self) -> list[SessionInfo]:
        now = self.clock.now()
        return self.services.timer.sessions_between(now - timedelta(days=1), now + timedelta(1))

    def close(self) -> None:
        self.window.close()


@pytest.fixture
def setup(qtbot: QtBot, gui_context: GuiContext, clock: FakeClock) -> Iterator[Setup]:
    built = Setup(qtbot, gui_context, clock, FakeIdleSource(0.0))
    yield built
    built.close()
    assert not built.monitor.is_active(), "closing the window stops the idle monitor"


# -- keep / discard / count as another activity ------------------------------------------


def test_watching_only_while_the_timer_runs(setup: Setup) -> None:
    assert not setup.monitor.is_active()
    setup.start_session()
    assert setup.monitor.is_active()
    setup.context.run(lambda: setup.services.timer.stop(), {"work_sessions"})
    assert not setup.monitor.is_active()


def test_short_pauses_are_not_reported(setup: Setup, qtbot: QtBot) -> None:
    setup.start_session()
    setup.work_for(60)
    with qtbot.assertNotEmitted(setup.monitor.returned):
        setup.away_for(9 * 60)  # under the 10-minute default
        setup.tick(idle=1.0)
    assert setup.controller.dialog is None


def test_keep_leaves_the_session_as_it_was(setup: Setup) -> None:
    started = setup.start_session()
    setup.work_for(60)
    last_input = setup.away_for(15 * 60)
    assert setup.controller.dialog is None, "nothing is asked while the user is still away"
    dialog = setup.come_back(idle_after=2.0)
    assert dialog.absence.started_at == last_input
    assert dialog.absence.ended_at == setup.clock.now() - timedelta(seconds=2)
    assert "Nobody touched the keyboard" in dialog.message.text()
    assert dialog.keep_radio.isChecked()
    assert not setup.monitor.is_active(), "no second question while one waits"
    dialog.accept()
    assert setup.controller.dialog is None
    assert setup.monitor.is_active()
    [session] = setup.sessions()
    assert session.id == started.id and session.ended_at is None
    assert session.started_at == started.started_at


def test_discard_stops_at_the_start_of_the_absence_and_starts_again_now(
    setup: Setup,
) -> None:
    started = setup.start_session()
    setup.work_for(120)
    last_input = setup.away_for(20 * 60)
    dialog = setup.come_back()
    dialog.discard_radio.setChecked(True)
    assert dialog.choice() is IdleChoice.DISCARD
    answered_at = setup.clock.now()
    dialog.accept()
    first, second = setup.sessions()
    assert first.id == started.id
    assert (first.started_at, first.ended_at) == (started.started_at, last_input)
    assert second.ended_at is None and second.started_at == answered_at
    assert (second.platform, second.activity, second.note) == ("Prolific", "task", "study 12")
    # One undoable edit: undo brings back the single session, time away included.
    setup.context.undo_stack.undo()
    [session] = setup.sessions()
    assert session.id == started.id and session.ended_at is None
    setup.context.undo_stack.redo()
    assert [s.ended_at for s in setup.sessions()] == [last_input, None]


def test_count_as_another_activity_switches_there_and_back(setup: Setup) -> None:
    started = setup.start_session()
    setup.work_for(60)
    last_input = setup.away_for(12 * 60)
    dialog = setup.come_back()
    index = dialog.activity_combo.findData(Activity.SEARCH.value)
    dialog.activity_combo.setCurrentIndex(index)
    dialog.on_activity_combo_activated(index)  # picking an activity picks this answer
    assert dialog.choice() is IdleChoice.RECOUNT
    assert dialog.activity_combo.findData(Activity.TASK.value) == -1, "not its own activity"
    answered_at = setup.clock.now()
    dialog.accept()
    work, away, back = setup.sessions()
    assert (work.id, work.activity, work.ended_at) == (started.id, "task", last_input)
    assert (away.activity, away.started_at, away.ended_at) == ("search", last_input, answered_at)
    assert (back.activity, back.started_at, back.ended_at) == ("task", answered_at, None)
    assert {work.platform, away.platform, back.platform} == {"Prolific"}
    setup.context.undo_stack.undo()
    [session] = setup.sessions()
    assert session.id == started.id and session.ended_at is None


def test_closing_the_dialog_changes_nothing(setup: Setup) -> None:
    setup.start_session()
    setup.away_for(11 * 60)
    dialog = setup.come_back()
    dialog.discard_radio.setChecked(True)
    dialog.reject()
    [session] = setup.sessions()
    assert session.ended_at is None
    assert setup.monitor.is_active()


def test_a_session_changed_meanwhile_is_left_alone(setup: Setup) -> None:
    setup.start_session()
    setup.away_for(11 * 60)
    dialog = setup.come_back()
    # The command line stopped the timer while the question waited.
    setup.services.timer.stop()
    dialog.discard_radio.setChecked(True)
    dialog.accept()
    [session] = setup.sessions()
    assert session.ended_at is not None
    assert not setup.monitor.is_active()


def test_the_threshold_follows_the_setting(setup: Setup) -> None:
    setup.start_session()
    assert setup.monitor.threshold_seconds == 600
    setup.context.run(lambda: setup.services.settings.set("idle_minutes", "3"), {"settings"})
    assert setup.monitor.threshold_seconds == 180
    setup.away_for(4 * 60)
    dialog = setup.come_back()
    assert dialog.absence.seconds >= 180


# -- sleep and suspend ----------------------------------------------------------------------


def test_sleep_is_noticed_without_any_probe(
    qtbot: QtBot, gui_context: GuiContext, clock: FakeClock
) -> None:
    setup = Setup(qtbot, gui_context, clock, UnavailableIdleSource(["none here"]))
    try:
        setup.start_session()
        assert setup.monitor.is_active(), "sleep is watched even without an idle probe"
        setup.tick()
        setup.tick()
        asleep_at = clock.now()
        with qtbot.waitSignal(setup.monitor.returned, timeout=1000) as signal:
            setup.tick(2 * 3600)  # the wall clock jumps: the computer slept
        assert signal.args == [asleep_at, 2 * 3600]
        dialog = setup.controller.dialog
        assert dialog is not None
        assert "asleep" in dialog.message.text()
        assert dialog.discard_radio.isChecked(), "sleep is never counted as work by default"
        dialog.accept()
        first, second = setup.sessions()
        assert first.ended_at == asleep_at
        assert second.started_at == clock.now() and second.ended_at is None
    finally:
        setup.close()


def test_a_short_sleep_is_a_pause_like_any_other(
    qtbot: QtBot, gui_context: GuiContext, clock: FakeClock
) -> None:
    setup = Setup(qtbot, gui_context, clock, UnavailableIdleSource())
    try:
        setup.start_session()
        with qtbot.assertNotEmitted(setup.monitor.returned):
            setup.tick(120)
            setup.tick()
    finally:
        setup.close()


def test_sleep_after_idling_counts_from_the_last_input(setup: Setup, qtbot: QtBot) -> None:
    setup.start_session()
    last_input = setup.away_for(3 * 60)  # idle, not yet over the threshold, then sleep
    # After the resume the probe still counts from the last input (no one has come back).
    with qtbot.assertNotEmitted(setup.monitor.returned):
        setup.tick(3600, idle=3600 + 180 + POLL)
    dialog = setup.come_back(idle_after=1.0)
    assert dialog.absence.started_at == last_input
    assert dialog.absence.asleep
    dialog.reject()


def test_the_clock_set_back_is_not_an_absence(setup: Setup, qtbot: QtBot) -> None:
    setup.start_session()
    with qtbot.assertNotEmitted(setup.monitor.returned):
        setup.tick(-3600, idle=1.0)
        setup.tick(idle=1.0)


def test_monitor_alone_polls_with_its_qtimer_and_stops(qtbot: QtBot, clock: FakeClock) -> None:
    source = FakeIdleSource(0.0)
    monitor = IdleMonitor(source, clock, threshold_seconds=600, poll_ms=10)
    monitor.start()
    qtbot.waitUntil(lambda: source.calls >= 2, timeout=2000)
    monitor.stop()
    assert not monitor.is_active()


def test_dialog_words_and_default_for_an_absence(qtbot: QtBot, clock: FakeClock) -> None:
    from tests.conftest import PARIS

    session = SessionInfo(1, "Toloka", "search", clock.now(), None, None, "timer")
    absence = Absence.of(clock.now() + timedelta(minutes=5), 25 * 60)
    dialog = IdleDialog(absence, session, PARIS)
    qtbot.addWidget(dialog)
    assert "10:05" in dialog.message.text() and "10:30" in dialog.message.text()
    assert "Toloka" in dialog.message.text()
    assert dialog.choice() is IdleChoice.KEEP
    assert dialog.activity_combo.findData("search") == -1


# -- choosing a probe ------------------------------------------------------------------------


class _Broken(IdleSource):
    name = "broken"

    def __init__(self) -> None:
        raise OSError("library exploded")


def test_chooser_takes_the_first_probe_that_answers() -> None:
    dead = FakeIdleSource(available=False)
    alive = FakeIdleSource(3.0)
    chosen = choose_idle_source(
        factories=[("broken", _Broken), ("dead", lambda: dead), ("alive", lambda: alive)]
    )
    assert chosen is alive


def test_chooser_says_why_nothing_works() -> None:
    chosen = choose_idle_source(factories=[("broken", _Broken)])
    assert isinstance(chosen, UnavailableIdleSource)
    assert not chosen.available and chosen.idle_seconds() is None
    assert "library exploded" in chosen.reasons[0]
    assert "not tell applications" in idle_status_text(chosen)
    assert "FakeProbe" not in idle_status_text(chosen)


def test_status_text_names_the_probe() -> None:
    source = FakeIdleSource(1.0)
    assert "(fake)" in idle_status_text(source)


def test_candidates_per_desktop() -> None:
    def names(platform: str, environ: dict[str, str]) -> list[str]:
        return [name for name, _ in candidates(platform, environ)]

    assert names("win32", {}) == ["Windows GetLastInputInfo"]
    assert names("darwin", {}) == ["macOS CoreGraphics"]
    assert names("linux", {}) == []
    assert names("linux", {"DISPLAY": ":0"}) == ["X11 XScreenSaver"]
    gnome_wayland = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0",
                     "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    # XWayland's counter misses native Wayland input: not asked under Wayland.
    assert names("linux", gnome_wayland) == ["GNOME Mutter IdleMonitor", "freedesktop ScreenSaver"]
    assert isinstance(choose_idle_source("linux", {}), UnavailableIdleSource)


# -- the real probes -------------------------------------------------------------------------


def test_windows_and_macos_probes_are_harmless_elsewhere() -> None:
    from ui.gui.idle.macos import MacIdleSource
    from ui.gui.idle.windows import WindowsIdleSource

    for probe in (WindowsIdleSource(), MacIdleSource()):
        own = {"Windows": "win32", "macOS": "darwin"}[probe.name.split()[0]]
        if sys.platform == own:
            assert probe.available and (probe.idle_seconds() or 0) >= 0
        else:
            assert not probe.available and probe.idle_seconds() is None


def test_x11_probe_without_a_display_says_so() -> None:
    from ui.gui.idle.x11 import X11IdleSource

    assert not X11IdleSource(display_name="").available
    missing = X11IdleSource(display_name=":987")
    assert not missing.available and missing.idle_seconds() is None
    assert missing.reason


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
            f"/tmp/.X{number}-lock"
        ).exists():
            return number
    pytest.skip("no free X display number")


@pytest.fixture
def xvfb(qtbot: QtBot) -> Iterator[str]:
    if shutil.which("Xvfb") is None or ctypes.util.find_library("Xss") is None:
        pytest.skip("Xvfb or libXss is not installed")
    number = _free_display()
    process = subprocess.Popen(
        ["Xvfb", f":{number}", "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), timeout=10000)
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


def test_x11_probe_on_a_real_x_server(xvfb: str, qtbot: QtBot) -> None:
    from ui.gui.idle.x11 import X11IdleSource

    source = X11IdleSource(display_name=xvfb)
    try:
        assert source.available, source.reason
        first = source.idle_seconds()
        assert first is not None and first >= 0
        qtbot.waitUntil(lambda: (source.idle_seconds() or 0) >= first + 0.5, timeout=5000)
        if shutil.which("xdotool"):
            # Real input resets the counter.
            subprocess.run(["xdotool", "mousemove", "100", "100"], check=True,
                           env={**os.environ, "DISPLAY": xvfb})
            subprocess.run(["xdotool", "mousemove", "200", "150"], check=True,
                           env={**os.environ, "DISPLAY": xvfb})
            idle = source.idle_seconds()
            assert idle is not None and idle < first + 0.5
        chosen = choose_idle_source("linux", {"DISPLAY": xvfb})
        assert chosen.name == "X11 XScreenSaver"
        chosen.close()
    finally:
        source.close()
    assert source.idle_seconds() is None


FAKE_MUTTER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    @ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
    class IdleMonitor(QObject):
        @Slot(result="qulonglong")
        def GetIdletime(self):
            return 42000

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-mutter")
    monitor = IdleMonitor()
    bus.registerObject("/org/gnome/Mutter/IdleMonitor/Core", monitor,
                       QDBusConnection.RegisterOption.ExportAllSlots)
    bus.registerService("org.gnome.Mutter.IdleMonitor")
    app.exec()
    """
)


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def test_mutter_probe_over_d_bus(private_bus: str, tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtDBus import QDBusConnection

    from ui.gui.idle.dbus import MutterIdleSource, ScreenSaverIdleSource

    script = tmp_path / "fake_mutter.py"
    script.write_text(FAKE_MUTTER, encoding="utf-8")
    connection = QDBusConnection.connectToBus(private_bus, "clickwage-idle-test")
    service = subprocess.Popen(
        [sys.executable, str(script), private_bus],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert connection.isConnected()
        nobody = ScreenSaverIdleSource(connection)
        assert not nobody.available and nobody.idle_seconds() is None and nobody.reason
        probes: list[Any] = []

        def answers() -> bool:
            probes.append(MutterIdleSource(connection))
            return bool(probes[-1].available)

        qtbot.waitUntil(answers, timeout=15000)
        source = probes[-1]
        assert source.idle_seconds() == pytest.approx(42.0)
        service.terminate()
        service.wait(10)
        # A vanished service means no answer, and no crash.
        qtbot.waitUntil(lambda: source.idle_seconds() is None, timeout=10000)
    finally:
        if service.poll() is None:
            service.terminate()
            service.wait(10)
        QDBusConnection.disconnectFromBus("clickwage-idle-test")


def test_in_the_main_window_the_corrected_sessions_are_shown(
    qtbot: QtBot, gui_context: GuiContext, clock: FakeClock
) -> None:
    from ui.gui.main_window import MainWindow
    from ui.gui.pages.settings import SettingsPage
    from ui.gui.pages.today import TodayPage
    from ui.gui.resources import app_icon

    services = gui_context.services
    services.platforms.add("Clickworker", "EUR")
    today = TodayPage(gui_context)
    window = MainWindow(gui_context, [today, SettingsPage(gui_context)], app_icon())
    qtbot.addWidget(window)
    window.show()
    source = FakeIdleSource(0.0)
    monitor = install_idle(window, gui_context, today, source=source)
    try:
        gui_context.run(lambda: services.timer.start("Clickworker")[0], {"work_sessions"})
        assert monitor.is_active()
        window.show_page(1)
        for _ in range(13 * 60 // POLL):
            clock.advance(POLL)
            source.idle = (source.idle or 0) + POLL
            monitor.poll()
        clock.advance(POLL)
        source.idle = 1.0
        monitor.poll()
        controller = monitor.parent()
        assert isinstance(controller, IdleController) and controller.dialog is not None
        controller.dialog.discard_radio.setChecked(True)
        controller.dialog.accept()
        assert window.stack.currentWidget() is today
        assert today.sessions_table.rowCount() == 2
    finally:
        window.close()
    assert not monitor.is_active()
