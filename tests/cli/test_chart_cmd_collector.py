"""`clickwage chart` pauses Python's cycle collector while it reads and draws (many objects,
few cycles) and switches it back on, also when the chart is refused."""

from __future__ import annotations

import gc
from pathlib import Path

from tests.cli.conftest import Runner


def test_the_collector_is_back_on_after_a_chart(cw: Runner, tmp_path: Path) -> None:
    assert cw("platform", "add", "Prolific", "--currency", "GBP").code == 0
    assert cw("chart", "wage", "--month", "2026-02", "--out", str(tmp_path / "w.png")).code == 0
    assert gc.isenabled()
    refused = cw("chart", "wage", "--platform", "Nowhere", "--out", str(tmp_path / "x.png"))
    assert refused.code == 2
    assert gc.isenabled()
    assert not (tmp_path / "x.png").exists()
