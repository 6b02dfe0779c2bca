"""Shared fixtures. Every test gets its own data directory; nothing touches the user's."""

from __future__ import annotations

import os

# Set before anything imports Qt: GUI tests run headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.clock import FakeClock
from app.i18n import Translator
from app.services import Services, open_services

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every default location at the test's own folder."""
    monkeypatch.setenv("CLICKWAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))


@pytest.fixture
def clock() -> FakeClock:
    """2026-03-10 10:00 in Paris (09:00 UTC)."""
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def tr() -> Translator:
    return Translator("en")


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock, tr: Translator) -> Iterator[Services]:
    """Services on a fresh database in Europe/Paris, home currency EUR, min wage 12.02."""
    built = open_services(tmp_path / "db", clock, PARIS, tr, "FR")
    yield built
    built.close()
