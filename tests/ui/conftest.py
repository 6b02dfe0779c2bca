"""Window tests: one QApplication (pytest-qt's), fake clock, own data dir, no timer left running."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

from app.domain.clock import FakeClock
from app.services import Services
from tests.conftest import PARIS
from ui.gui.context import GuiContext

_started: list[weakref.ref[QTimer]] = []
_original_start = QTimer.start


def _tracking_start(self: QTimer, *args: Any) -> None:
    _started.append(weakref.ref(self))
    _original_start(self, *args)


@pytest.fixture(autouse=True)
def _no_timer_left_running() -> Iterator[None]:
    """Fail a test that leaves a QTimer running (as napari does)."""
    QTimer.start = _tracking_start  # type: ignore[method-assign]
    _started.clear()
    yield
    QTimer.start = _original_start  # type: ignore[method-assign]
    running = [ref() for ref in _started if ref() is not None and ref().isActive()]  # type: ignore[union-attr]
    _started.clear()
    for timer in running:
        timer.stop()  # type: ignore[union-attr]
    assert not running, f"{len(running)} QTimer(s) left running"


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes would block a headless test: record their text instead."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def gui_context(services: Services, tmp_path: Path, qapp: Any) -> Iterator[GuiContext]:
    """The window's context over the test's services (Paris, EUR, fake clock)."""
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    context = GuiContext(services, settings)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def fake_clock(clock: FakeClock) -> FakeClock:
    return clock


__all__ = ["PARIS"]
