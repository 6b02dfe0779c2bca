"""Run the `clickwage` command in-process with a fake clock, or as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.domain.clock import FakeClock
from ui.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Runner = Callable[..., Result]


@pytest.fixture
def cli_clock() -> FakeClock:
    """2026-03-20 12:00 UTC (13:00 in Paris)."""
    return FakeClock(datetime(2026, 3, 20, 12, 0, tzinfo=UTC))


@pytest.fixture
def cw(
    tmp_path: Path, cli_clock: FakeClock, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Runner:
    """`cw("start", "Prolific")` runs clickwage in-process on the test's data dir."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # country FR: home EUR, SMIC 12.02
    monkeypatch.setenv("LANGUAGE", "en")
    data = tmp_path / "cli-data"

    def run(*args: str) -> Result:
        code = main(["--data-dir", str(data), *args], clock=cli_clock)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cw_process(tmp_path: Path) -> Runner:
    """The command as a user runs it: a separate `python -m ui` process."""
    data = tmp_path / "process-data"

    def run(*args: str, lang: str = "en_US.UTF-8") -> Result:
        env = dict(os.environ, TZ="Europe/Paris", LANG=lang, LC_ALL="", LANGUAGE="")
        done = subprocess.run(
            [sys.executable, "-m", "ui", "--data-dir", str(data), *args],
            capture_output=True, text=True, env=env, timeout=120,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run
