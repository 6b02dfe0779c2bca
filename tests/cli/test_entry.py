"""The program's entry point (ui/entry.py): exit status passed on, the collector left on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "", "CLICKWAGE_DATA_DIR": str(tmp_path / "data"), "LANGUAGE": "en"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_the_command_exits_with_mains_status(tmp_path: Path) -> None:
    done = python("from ui.entry import run; run(['--version'])", tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("clickwage ")
    done = python("from ui.entry import run; run(['no-such-command'])", tmp_path)
    assert done.returncode == 2
    assert "no-such-command" in done.stderr


def test_the_command_runs_with_the_collector_on(tmp_path: Path) -> None:
    code = (
        "import gc, ui.cli, ui.entry\n"
        "def main(argv=None):\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 10000)\n"
        "    return 0\n"
        "ui.cli.main = main\n"
        "ui.entry.run([])\n"
    )
    done = python(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]  # on, with the imports set aside
