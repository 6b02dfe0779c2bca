"""A second launch hands over to the first instead of opening another window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from ui.gui.single_instance import SingleInstance


def test_second_launch_wakes_the_first(tmp_path: Path, qtbot: QtBot, qapp: Any) -> None:
    first = SingleInstance(tmp_path / "config", tmp_path / "data")
    second = SingleInstance(tmp_path / "config", tmp_path / "data")
    try:
        assert first.acquire()
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.wake_first()
    finally:
        first.release()
        second.release()


def test_another_data_folder_is_another_instance(tmp_path: Path, qapp: Any) -> None:
    first = SingleInstance(tmp_path / "config", tmp_path / "data-a")
    other = SingleInstance(tmp_path / "config", tmp_path / "data-b")
    try:
        assert first.acquire()
        assert other.acquire()
    finally:
        first.release()
        other.release()


def test_a_lock_left_by_a_crashed_process_is_taken_over(tmp_path: Path, qapp: Any) -> None:
    config, data = tmp_path / "config", tmp_path / "data"
    script = (
        "import os\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ui.gui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"instance = SingleInstance(Path({str(config)!r}), Path({str(data)!r}))\n"
        "assert instance.acquire()\n"
        "os._exit(9)  # crash without releasing the lock\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 9
    assert any(config.glob("*.lock"))
    survivor = SingleInstance(config, data)
    try:
        assert survivor.acquire()
    finally:
        survivor.release()
