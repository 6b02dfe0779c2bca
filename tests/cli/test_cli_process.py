"""The command as a separate process: the real entry point, exit codes, no tracebacks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.conftest import Runner


def test_a_day_of_work_end_to_end(cw_process: Runner) -> None:
    assert cw_process("platform", "add", "Prolific", "--currency", "GBP").code == 0
    assert cw_process("start", "Prolific", "--at", "2026-03-02T09:00").code == 0
    assert cw_process("start", "Prolific", "--activity", "search", "--at",
                      "2026-03-02T10:00", "--switch").code == 0
    assert cw_process("stop", "--at", "2026-03-02T10:30").code == 0
    assert cw_process("task", "add", "Prolific", "--reward", "4.50", "--status", "approved",
                      "--submitted", "2026-03-02T09:55").code == 0
    assert cw_process("rate", "set", "GBP", "1.20", "--on", "2026-01-01").code == 0
    report = cw_process("report", "--month", "2026-03", "--json").json()
    prolific = report["platforms"][0]
    assert prolific["seconds_total"] == 5400
    assert prolific["seconds_task"] == 3600
    assert prolific["seconds_by_activity"]["search"] == 1800
    assert prolific["effective_hourly"] == "3.00"  # 4.50 GBP over 1.5 h
    assert prolific["nominal_hourly"] == "4.50"
    assert cw_process("verify").code == 0


def test_stop_with_nothing_running_exits_2(cw_process: Runner) -> None:
    result = cw_process("stop")
    assert result.code == 2
    assert result.err.strip() == "No session is running, so there is nothing to stop."


def test_messages_in_french(cw_process: Runner) -> None:
    result = cw_process("stop", lang="fr_FR.UTF-8")
    assert result.code == 2
    assert "Aucune session" in result.err


def test_a_broken_database_file_gives_a_sentence_not_a_traceback(
    cw_process: Runner, tmp_path: Path
) -> None:
    data = tmp_path / "process-data"
    data.mkdir()
    (data / "clickwage.sqlite").write_bytes(b"this is not a database" * 100)
    result = cw_process("status")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "clickwage.sqlite" in result.err


def test_a_database_from_a_newer_version_is_refused(cw_process: Runner, tmp_path: Path) -> None:
    assert cw_process("platform", "add", "Prolific").code == 0
    database = tmp_path / "process-data" / "clickwage.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'fffffffff'")
    result = cw_process("status")
    assert result.code == 1
    assert "newer version" in result.err
    assert "Traceback" not in result.err


def test_help_lists_every_command(cw_process: Runner) -> None:
    result = cw_process("--help")
    assert result.code == 0
    for name in ("start", "stop", "status", "platform", "task", "payout", "event", "rate",
                 "settings", "report", "flags", "verify"):
        assert name in result.out
