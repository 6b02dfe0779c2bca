"""`import`, `export`, `backup` and `restore` on the command line, and an import killed with
SIGKILL half-way through a big file."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import Runner

HEADER = "platform,external_id,title,status,reward,submitted_at\n"


def audit_head(cw: Runner) -> str:
    return str(cw("verify", "--json").json()["chain_head"])


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def ready(cw: Runner) -> Runner:
    assert cw("platform", "add", "Prolific", "--currency", "GBP").code == 0
    return cw


def test_import_then_the_same_file_again(ready: Runner, tmp_path: Path) -> None:
    path = write(
        tmp_path, "sheet.csv",
        "Platform;External ID;Title;Status;Reward;Submitted at\r\n"
        'Prolific;A1;"Étude; ""courte""";approved;0,45;2026-03-05 09:15\r\n'
        "Toloka;T1;Labels;pending;$0.05;2026-03-06T10:00:00Z\r\n",
        encoding="cp1252",
    )
    result = ready("import", str(path))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Imported sheet.csv (native, Windows-1252, semicolon).",
        "  tasks: 2 added, 0 updated, 0 unchanged.",
        "  Platforms created: Toloka (EUR).",
    ]
    listed = ready("task", "list", "--json").json()
    assert [(t["external_id"], t["title"], t["reward"], t["origin"]) for t in listed] == [
        ("A1", 'Étude; "courte"', "0.45", "import:native"),
        ("T1", "Labels", "0.05", "import:native"),
    ]
    assert listed[0]["submitted_at"] == "2026-03-05T08:15:00Z"  # Paris time
    head = audit_head(ready)
    again = ready("import", str(path))
    assert again.code == 0
    assert "tasks: 0 added, 0 updated, 2 unchanged." in again.out
    assert audit_head(ready) == head


def test_a_file_with_bad_rows_exits_2_listing_them_and_writes_nothing(
    ready: Runner, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "bad.csv",
        HEADER + "Prolific,G1,Good,approved,1.00,2026-03-05T10:00:00Z\n"
        "Prolific,B1,Bad,finished,1.00,2026-03-05T10:00:00Z\n"
        "NewPlatform,B2,Bad,approved,one euro,2026-13-05T10:00:00Z\n",
    )
    head = audit_head(ready)
    result = ready("import", str(path))
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines()[0] == (
        "bad.csv was not imported, nothing was written: 2 rows have errors:"
    )
    assert "  line 3, column status: Status 'finished' is not one of:" in result.err
    assert "  line 4, column reward: Reward 'one euro' is not an amount" in result.err
    assert "  line 4, column submitted_at:" in result.err
    assert "Traceback" not in result.err
    assert audit_head(ready) == head
    assert [p["name"] for p in ready("platform", "list", "--json").json()] == ["Prolific"]


def test_dry_run(ready: Runner, tmp_path: Path) -> None:
    path = write(
        tmp_path, "d.csv",
        HEADER + "Prolific,A1,,approved,1,\nMTurk,M1,,pending,2,\nProlific,A2,,what,1,\n",
    )
    head = audit_head(ready)
    result = ready("import", str(path), "--dry-run")
    assert result.code == 2  # a real import would refuse it
    assert result.out.splitlines() == [
        "Dry run: nothing was written. d.csv (native, UTF-8, comma)",
        "  tasks: 2 would be added, 0 updated, 0 unchanged, 1 refused.",
        "  Platforms that would be created: MTurk (EUR).",
    ]
    assert "d.csv: 1 row would be refused:" in result.err
    assert "line 4, column status" in result.err
    assert audit_head(ready) == head
    clean = write(tmp_path, "c.csv", HEADER + "Prolific,A1,,approved,1,\n")
    assert ready("import", str(clean), "--dry-run").code == 0
    summary = ready("import", str(clean), "--dry-run", "--json").json()
    assert summary["counts"]["tasks"] == {"added": 1, "updated": 0, "unchanged": 0}
    assert summary["dry_run"] is True


def test_map_platform_and_reward_options(ready: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "Job,State,Done on\nJ1,approved,2026-03-01 10:00\n")
    result = ready("import", str(path), "--platform", "Prolific", "--map", "external_id=Job",
                   "--map", "status=state", "--map", "submitted_at=Done on", "--reward", "1.50")
    assert result.code == 0, result.err
    task = ready("task", "list", "--json").json()[0]
    assert (task["external_id"], task["reward"], task["currency"]) == ("J1", "1.50", "GBP")
    bad = ready("import", str(path), "--map", "external_id")
    assert bad.code == 2 and "write it FIELD=COLUMN" in bad.err


def test_platform_files_from_the_command_line(ready: Runner, tmp_path: Path) -> None:
    prolific = write(
        tmp_path, "prolific_export_abc123.csv",
        "Submission id,Participant id,Status,Started at,Completed at,Reviewed at,Time taken,"
        "Completion code\n"
        "s1,p1,APPROVED,2026-03-01T10:00:00Z,2026-03-01T10:20:00Z,2026-03-02T08:00:00Z,1200,C1\n"
        "s2,p1,AWAITING REVIEW,2026-03-03T10:00:00Z,2026-03-03T10:20:00Z,,1200,C1\n",
    )
    missing = ready("import", str(prolific))
    assert missing.code == 2 and "--reward" in missing.err
    result = ready("import", str(prolific), "--reward", "2.00")
    assert result.code == 0 and "(prolific, UTF-8, comma)" in result.out
    status = write(
        tmp_path, "page.json",
        json.dumps({"results": [{"assignment_id": "M1", "hit_id": "H1", "requester_id": "R",
                                 "requester_name": "Lab", "title": "T", "state": "Paid",
                                 "reward": {"amount_in_dollars": 0.5}}]}),
    )
    no_day = ready("import", str(status))
    assert no_day.code == 2 and "--date" in no_day.err
    assert ready("import", str(status), "--date", "2026-03-04").code == 0
    statuses = {t["external_id"]: t["status"] for t in ready("task", "list", "--json").json()}
    assert statuses == {"s1": "approved", "s2": "pending", "M1": "approved"}
    wrong = ready("import", str(status), "--format", "prolific", "--date", "2026-03-04")
    assert wrong.code == 2 and "--date only applies" in wrong.err
    assert ready("verify").code == 0


def test_export_json_then_import_into_a_fresh_journal_gives_the_same_report(
    ready: Runner, tmp_path: Path
) -> None:
    assert ready("task", "add", "Prolific", "--reward", "3.00", "--id", "P1", "--status",
                 "approved", "--started", "2026-03-05T09:00", "--submitted",
                 "2026-03-05T09:40").code == 0
    assert ready("start", "Prolific", "--activity", "search", "--at", "2026-03-05T08:30").code == 0
    assert ready("stop", "--at", "2026-03-05T09:00").code == 0
    assert ready("payout", "add", "Prolific", "3.00", "--requested", "2026-03-06T10:00",
                 "--fee", "0.10").code == 0
    assert ready("rate", "set", "GBP", "1.17", "--on", "2026-01-01").code == 0
    dump = tmp_path / "all.json"
    exported = ready("export", str(dump))
    assert exported.code == 0
    assert exported.out.startswith("Exported 1 tasks, 1 sessions, 1 payouts")
    other = tmp_path / "other-data"
    imported = ready("--data-dir", str(other), "import", str(dump))
    assert imported.code == 0, imported.err
    assert "The settings in the file were applied." in imported.out
    mine = ready("report", "--month", "2026-03", "--json").json()
    theirs = ready("--data-dir", str(other), "report", "--month", "2026-03", "--json").json()
    assert theirs == mine
    assert ready("--data-dir", str(other), "verify").code == 0


def test_export_csv_zip(ready: Runner, tmp_path: Path) -> None:
    assert ready("task", "add", "Prolific", "--reward", "1", "--title", "=1+1").code == 0
    out = tmp_path / "out.zip"
    result = ready("export", str(out))
    assert result.code == 0 and "(csv)" in result.out
    import zipfile

    with zipfile.ZipFile(out) as archive:
        rows = list(csv.DictReader(archive.read("tasks.csv").decode("utf-8-sig").splitlines()))
    assert rows[0]["title"] == "'=1+1"
    assert ready("export", str(tmp_path / "x"), "--format", "pdf").code == 2


def test_backup_and_restore(ready: Runner, tmp_path: Path) -> None:
    assert ready("task", "add", "Prolific", "--reward", "1", "--id", "KEEP").code == 0
    out = tmp_path / "save.zip"
    made = ready("backup", str(out))
    assert made.code == 0, made.err
    assert made.out.startswith(f"Backup written to {out}: the database and 0 attachments")
    assert ready("task", "add", "Prolific", "--reward", "1", "--id", "LATER").code == 0
    restored = ready("restore", str(out))
    assert restored.code == 0, restored.err
    assert restored.out.startswith(f"Restored {out} (made 2026-03-20 13:00, schema ")
    assert "The previous journal is kept in" in restored.out
    assert "verify: intact" in restored.out
    ids = [t["external_id"] for t in ready("task", "list", "--json").json()]
    assert ids == ["KEEP"]
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(out.read_bytes()[:-200])
    refused = ready("restore", str(damaged))
    assert refused.code == 2 and "not a usable Clickwage backup" in refused.err
    assert "Nothing was changed." in refused.err
    assert [t["external_id"] for t in ready("task", "list", "--json").json()] == ["KEEP"]


def test_backups_to_keep_is_a_setting(ready: Runner) -> None:
    assert ready("settings", "set", "backups_to_keep", "7").code == 0
    assert ready("settings", "show", "--json").json()["backups_to_keep"] == "7"
    assert ready("settings", "set", "backups_to_keep", "0").code == 2


# --------------------------------------------------------------------------- SIGKILL


def big_file(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["platform", "external_id", "title", "status", "reward", "submitted_at"])
        for n in range(rows):
            writer.writerow(["Prolific", f"K{n:07d}", f"Survey {n % 97}", "approved",
                             f"{n % 500 / 100 + 0.05:.2f}",
                             f"2026-02-{n % 27 + 1:02d}T{n % 24:02d}:{n % 60:02d}:00Z"])


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_the_journal_intact(
    cw_process: Runner, tmp_path: Path
) -> None:
    assert cw_process("platform", "add", "Prolific", "--currency", "GBP").code == 0
    assert cw_process("task", "add", "Prolific", "--reward", "1.00", "--id", "BEFORE").code == 0
    head = cw_process("verify", "--json").json()["chain_head"]
    path = tmp_path / "big.csv"
    big_file(path, 400_000)
    data = tmp_path / "process-data"
    wal = data / "clickwage.sqlite-wal"
    env = dict(os.environ, TZ="Europe/Paris", LANG="en_US.UTF-8", LC_ALL="", LANGUAGE="")
    errors = (tmp_path / "stderr.txt").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", "--data-dir", str(data), "import", str(path)],
        env=env, stdout=subprocess.DEVNULL, stderr=errors,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail("the import ended before it could be killed: "
                            + (tmp_path / "stderr.txt").read_text(errors="replace"))
            if wal.exists() and wal.stat().st_size > 1024 * 1024:
                # Rows are going to disk: the import's page cache (64 MB) is full, so
                # about half the file is written, none of it committed.
                break
            time.sleep(0.05)
        else:
            pytest.fail("the import did not start writing")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        errors.close()
    assert process.returncode == -signal.SIGKILL
    verdict = cw_process("verify", "--json")
    assert verdict.code == 0, verdict.out + verdict.err
    assert verdict.json()["chain_head"] == head
    listed = cw_process("task", "list", "--json").json()
    assert [t["external_id"] for t in listed] == ["BEFORE"]
    # And the same file imports completely afterwards.
    small = tmp_path / "small.csv"
    big_file(small, 2_000)
    assert cw_process("import", str(small)).code == 0
    assert cw_process("verify").code == 0
