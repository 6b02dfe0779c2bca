"""The native tasks CSV: values and quirks, mapping, errors by line and column, idempotence,
updates in the audit trail, atomicity, the bulk write's hashes."""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput
from app.services import Services
from app.services.imports import ImportCancelled, ImportOptions, ImportRefused, ImportService
from app.services.imports.task_hashes import INSERT_COLUMNS, FastMerkle, TaskHasher
from app.storage.hashing import merkle_root, row_hash
from app.storage.types import epoch_seconds

HEADER = (
    "platform,external_id,title,requester,status,reward,earned,bonus,currency,started_at,"
    "submitted_at,decided_at,duration_minutes,reason,note\n"
)


def write(tmp_path: Path, text: str, name: str = "tasks.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def importer(services: Services) -> ImportService:
    services.platforms.add("Prolific", currency="GBP")
    services.platforms.add("MTurk", currency="USD")
    return ImportService(services.ctx)


def tasks(services: Services) -> list[dict[str, Any]]:
    return [t.as_json() for t in services.tasks.list()]


def audit(services: Services) -> list[sqlite3.Row]:
    connection = sqlite3.connect(services.ctx.db.path)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    finally:
        connection.close()


def count_tasks(services: Services) -> int:
    return sum(1 for _ in services.tasks.list())


# --------------------------------------------------------------------------- values


def test_every_column_is_read(importer: ImportService, services: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + "Prolific,S1,Survey,Dr Who,approved,1.50,1.20,0.25,GBP,2026-03-05T08:00:00Z,"
        "2026-03-05T08:30:00Z,2026-03-06T10:00:00Z,30,,fine\n"
        "mturk,A2,HIT,Req,rejected,$0.50,,,USD,2026-03-05 09:15,2026-03-05 09:45,"
        "2026-03-06 09:00,12.5,bad answers,\n",
    )
    summary = importer.run(path)
    assert summary.count("tasks").added == 2
    assert summary.platforms_created == []
    first, second = tasks(services)
    assert first == first | {
        "platform": "Prolific",
        "external_id": "S1",
        "title": "Survey",
        "requester": "Dr Who",
        "status": "approved",
        "reward": "1.50",
        "earned": "1.20",
        "bonus": "0.25",
        "currency": "GBP",
        "started_at": "2026-03-05T08:00:00Z",
        "submitted_at": "2026-03-05T08:30:00Z",
        "decided_at": "2026-03-06T10:00:00Z",
        "duration_s": 1800,
        "note": "fine",
        "origin": "import:native",
    }
    # Times without an offset are local (Europe/Paris, UTC+1 in March); 12.5 minutes = 750 s.
    assert second["platform"] == "MTurk"
    assert second["started_at"] == "2026-03-05T08:15:00Z"
    assert second["decided_at"] == "2026-03-06T08:00:00Z"
    assert (second["reward"], second["bonus"], second["duration_s"]) == ("0.50", "0.00", 750)
    assert second["reason"] == "bad answers"
    assert services.audit.verify().intact


def test_spreadsheet_quirks(importer: ImportService, services: Services, tmp_path: Path) -> None:
    text = (
        "\ufeffPLATFORM;External ID;Title;Status;Reward;Submitted at\r\n"
        'prolific;X1;"Opinions; about ""tea""";Awaiting review;0,45;05/03/2026 14:00\r\n'
        "Prolific;X2;'=HYPERLINK(1);PAID;1 234,50;2026-03-06\r\n"
        "Prolific;X3;  spaced  ;Timed-Out;2;13/02/2026 9:05\r\n"
    )
    summary = importer.run(write(tmp_path, text, encoding="utf-8"))
    assert summary.count("tasks").added == 3
    assert summary.encoding == "UTF-8 (BOM)" and summary.delimiter == "semicolon"
    rows = sorted(tasks(services), key=lambda r: r["external_id"])
    assert [r["status"] for r in rows] == ["pending", "approved", "expired"]
    assert [r["reward"] for r in rows] == ["0.45", "1234.50", "2.00"]
    assert rows[0]["title"] == 'Opinions; about "tea"'
    assert rows[1]["title"] == "=HYPERLINK(1)"  # the export's apostrophe is taken off
    assert rows[2]["title"] == "spaced"
    # 13/02 told the file's order: day first. 05/03/2026 14:00 Paris = 13:00 UTC.
    assert rows[0]["submitted_at"] == "2026-03-05T13:00:00Z"
    assert rows[1]["submitted_at"] == "2026-03-06T11:00:00Z"  # a day alone: noon, local
    assert rows[2]["submitted_at"] == "2026-02-13T08:05:00Z"


def test_month_first_dates_restart_the_reading(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    # French user: ambiguous dates are first read day first; 03/25 proves month first.
    services.ctx.tr.language = "fr"  # type: ignore[misc]
    text = (
        HEADER
        + "".join(f"Prolific,M{n},,,approved,1,,,,,02/0{n}/2026 10:00,,,,\n" for n in range(1, 4))
        + (
            "Prolific,M9,,,approved,1,,,,,02/09/2026 10:00,,,,\n"
            "Prolific,M25,,,approved,1,,,,,02/25/2026 10:00,,,,\n"
        )
    )
    try:
        summary = importer.run(write(tmp_path, text))
    finally:
        services.ctx.tr.language = "en"  # type: ignore[misc]
    assert summary.count("tasks").added == 5
    days = [r["submitted_at"][:10] for r in tasks(services)]
    assert days == ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-09", "2026-02-25"]


def test_ambiguous_dates_get_a_note(importer: ImportService, tmp_path: Path) -> None:
    text = HEADER + "Prolific,D1,,,approved,1,,,,,03/04/2026 10:00,,,,\n"
    summary = importer.run(write(tmp_path, text), ImportOptions(dry_run=True))
    assert any("month/day/year" in note for note in summary.notes)


def test_mapping_and_default_reward_and_platform(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    text = (
        "Job;State;Price;When;Comment\n"
        "J1;approved;2,00;2026-03-01 10:00;x\n"
        "J2;rejected;;2026-03-02 10:00;\n"
    )
    options = ImportOptions(
        platform="Toloka",
        mapping={
            "external_id": "job",
            "status": "STATE",
            "reward": "Price",
            "submitted_at": "When",
        },
        reward="0.10",
    )
    summary = importer.run(write(tmp_path, text), options)
    assert summary.count("tasks").added == 2
    assert summary.platforms_created == [("Toloka", "EUR")]
    assert any("Comment" in note for note in summary.notes)  # a column left out is named
    rows = tasks(services)
    assert [(r["external_id"], r["reward"], r["platform"]) for r in rows] == [
        ("J1", "2.00", "Toloka"),
        ("J2", "0.10", "Toloka"),
    ]


def test_bad_mappings_name_the_fields_and_columns(importer: ImportService, tmp_path: Path) -> None:
    path = write(tmp_path, "a,b\n1,2\n")
    with pytest.raises(InvalidInput, match="'prize' is not a field"):
        importer.run(path, ImportOptions(mapping={"prize": "a"}))
    with pytest.raises(InvalidInput, match="no column 'c'; its columns are: a, b"):
        importer.run(path, ImportOptions(mapping={"reward": "c"}))
    with pytest.raises(InvalidInput, match=r"has no status, reward, platform columns.*--map"):
        importer.run(path)


def test_platforms_are_created_with_the_rows_currency(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    text = HEADER + "Clickworker,C1,,,approved,1.00,,,EUR,,,,,,\nNewOne,N1,,,pending,2,,,,,,,,,\n"
    summary = importer.run(write(tmp_path, text))
    assert summary.platforms_created == [("Clickworker", "EUR"), ("NewOne", "EUR")]
    names = {p.name: p.currency for p in services.platforms.list()}
    assert names["Clickworker"] == "EUR" and names["NewOne"] == "EUR"
    assert services.audit.verify().intact


# --------------------------------------------------------------------------- errors


def test_a_bad_row_refuses_the_whole_file_with_every_error(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    text = (
        HEADER
        + "Prolific,G1,,,approved,1.00,,,,,,,,,\n"
        + "Prolific,B1,,,done,abc,,,,2026-02-30T10:00,,,,,\n"
        + "Prolific,B2,,,approved,1.00,,,XYZ,,,,-3,,\n"
        + "Prolific,B3,,,approved,1.00,,,,2026-03-05T10:00Z,2026-03-05T09:00Z,,,,\n"
        + "Prolific,B4,,,approved,1.00,,,,,2027-01-01T00:00Z,,,,\n"
        + "Prolific,G2,,,pending,2.00,,,,,,,,,\n"
    )
    before = services.audit.head()
    with pytest.raises(ImportRefused) as refused:
        importer.run(write(tmp_path, text))
    message = str(refused.value)
    assert message.startswith("tasks.csv was not imported, nothing was written: 4 rows have errors")
    assert "line 3, column status: Status 'done' is not one of:" in message
    assert "line 3, column reward: Reward 'abc' is not an amount" in message
    assert "line 3, column started_at:" in message
    assert "line 4, column currency: 'XYZ' is not a currency code" in message
    assert "line 4, column duration_minutes:" in message
    assert "line 5: the task was submitted before it was started." in message
    assert (
        "line 6, column submitted_at: Submission time '2027-01-01T00:00Z' is in the future."
        in message
    )
    assert services.audit.head() == before
    assert count_tasks(services) == 0


def test_only_the_first_twenty_errors_are_spelled_out(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    text = HEADER + "".join(f"Prolific,E{n},,,wrong,1,,,,,,,,,\n" for n in range(30))
    with pytest.raises(ImportRefused) as refused:
        importer.run(write(tmp_path, text))
    lines = str(refused.value).splitlines()
    assert len(lines) == 1 + 20 + 1
    assert lines[-1].strip() == "…and 10 more errors."
    assert refused.value.summary.issues.total == 30


def test_the_twenty_errors_spelled_out_are_the_first_by_line(
    importer: ImportService, tmp_path: Path
) -> None:
    """Conversion errors of a chunk are found before the duplicates among its rows: the
    message still lists the first twenty errors of the file, in line order."""
    rows = [f"Prolific,D{n},,,approved,1,,,,,,,,,\n" for n in range(5)]
    rows += [f"Prolific,D{n},,,approved,2,,,,,,,,,\n" for n in range(5)]  # lines 7-11
    rows += [f"Prolific,E{n},,,wrong,1,,,,,,,,,\n" for n in range(30)]  # lines 12-41
    with pytest.raises(ImportRefused) as refused:
        importer.run(write(tmp_path, HEADER + "".join(rows)))
    issues = refused.value.summary.issues
    assert issues.total == 35
    assert [issue.line for issue in issues.listed] == list(range(7, 27))
    assert "already on line 2 with other values" in issues.listed[0].message


def test_a_row_wider_than_the_header_is_an_error(importer: ImportService, tmp_path: Path) -> None:
    text = "platform,status,reward\nProlific,approved,1,50\nProlific,approved,2\n"
    with pytest.raises(ImportRefused, match="line 2: the row has 4 cells but the header has 3"):
        importer.run(write(tmp_path, text))


def test_missing_required_columns(importer: ImportService, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="has no reward column"):
        importer.run(write(tmp_path, "platform,status\nProlific,approved\n"))
    with pytest.raises(InvalidInput, match="is empty"):
        importer.run(write(tmp_path, "\n\n"))


def test_a_time_the_clocks_skip_is_refused(importer: ImportService, tmp_path: Path) -> None:
    text = HEADER + "Prolific,T1,,,approved,1,,,,,2025-03-30 02:30,,,,\n"
    with pytest.raises(ImportRefused, match="does not exist in Europe/Paris"):
        importer.run(write(tmp_path, text))


def test_conflicting_duplicates_in_one_file(importer: ImportService, tmp_path: Path) -> None:
    text = HEADER + "Prolific,D1,,,approved,1,,,,,,,,,\nProlific,D1,,,approved,2,,,,,,,,,\n"
    with pytest.raises(ImportRefused, match="line 3: task 'D1' of Prolific is already on line 2"):
        importer.run(write(tmp_path, text))


# --------------------------------------------------------------------------- idempotence


def test_importing_twice_adds_nothing(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    text = HEADER + (
        "Prolific,A1,,,pending,1.00,,,,,2026-03-01T10:00:00Z,,,,\n"
        "Prolific,,Untracked,,approved,0.50,,,,,,,,,\n"
        "Prolific,,Untracked,,approved,0.50,,,,,,,,,\n"  # the same task done twice: two tasks
        "Prolific,A1,,,pending,1.00,,,,,2026-03-01T10:00:00Z,,,,\n"  # an exact repeat: one
    )
    path = write(tmp_path, text)
    first = importer.run(path)
    assert (first.count("tasks").added, first.duplicates) == (3, 1)
    head = services.audit.head()
    second = importer.run(path)
    assert second.count("tasks").added == 0
    assert second.count("tasks").unchanged == 3
    assert services.audit.head() == head
    assert count_tasks(services) == 3


def test_a_later_file_updates_status_and_amounts_in_the_audit_trail(
    importer: ImportService, services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    pending = HEADER + "Prolific,A1,,,pending,1.00,,,,,2026-03-01T10:00:00Z,,,,\n"
    importer.run(write(tmp_path, pending))
    clock.advance(hours=1)
    later = HEADER + (
        "Prolific,A1,,,approved,1.00,0.90,0.10,,,2026-03-01T10:00:00Z,2026-03-02T09:00:00Z,,,\n"
    )
    summary = importer.run(write(tmp_path, later, name="later.csv"))
    assert (summary.count("tasks").added, summary.count("tasks").updated) == (0, 1)
    task = tasks(services)[0]
    assert (task["status"], task["earned"], task["bonus"]) == ("approved", "0.90", "0.10")
    assert task["decided_at"] == "2026-03-02T09:00:00Z"
    entry = audit(services)[-1]
    assert (entry["action"], entry["entity"]) == ("status", "tasks")
    assert entry["origin"] == "import:native"
    assert json.loads(entry["details"])["status"] == ["pending", "approved"]
    assert services.audit.verify().intact
    # The older file again: the task stays approved.
    again = importer.run(write(tmp_path, pending, name="old.csv"))
    assert again.count("tasks").unchanged == 1
    assert tasks(services)[0]["status"] == "approved"


def test_a_currency_that_differs_from_the_recorded_one_is_an_error(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    services.tasks.add("Prolific", "1.00", external_id="P1")
    with pytest.raises(ImportRefused, match="recorded in GBP, but the file says EUR"):
        importer.run(write(tmp_path, HEADER + "Prolific,P1,,,approved,1,,,EUR,,,,,,\n"))


def test_updates_of_bulk_rows_still_verify(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    rows = "".join(f"MTurk,H{n},,,pending,0.{n % 9 + 1}0,,,,,,,,,\n" for n in range(50))
    importer.run(write(tmp_path, HEADER + rows))
    approved = rows.replace("pending", "approved")
    summary = importer.run(write(tmp_path, HEADER + approved, name="b.csv"))
    assert summary.count("tasks").updated == 50
    assert services.audit.verify().intact


def test_dry_run_counts_and_writes_nothing(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    importer.run(write(tmp_path, HEADER + "Prolific,A1,,,pending,1,,,,,,,,,\n"))
    head = services.audit.head()
    text = HEADER + (
        "Prolific,A1,,,approved,1,,,,,,,,,\n"
        "Prolific,A2,,,approved,1,,,,,,,,,\n"
        "Brandnew,A3,,,approved,1,,,,,,,,,\n"
        "Prolific,A4,,,nonsense,1,,,,,,,,,\n"
    )
    summary = importer.run(write(tmp_path, text, name="d.csv"), ImportOptions(dry_run=True))
    counts = summary.count("tasks")
    assert (counts.added, counts.updated, counts.unchanged, summary.refused) == (2, 1, 0, 1)
    assert summary.platforms_created == [("Brandnew", "EUR")]
    assert services.audit.head() == head


# --------------------------------------------------------------------------- progress, cancel


def test_progress_and_cancel(importer: ImportService, services: Services, tmp_path: Path) -> None:
    rows = "".join(f"Prolific,P{n},,,approved,1,,,,,,,,,\n" for n in range(5000))
    path = write(tmp_path, HEADER + rows)
    seen: list[tuple[int, int]] = []
    importer.run(path, ImportOptions(dry_run=True), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] == path.stat().st_size
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))
    head = services.audit.head()
    with pytest.raises(ImportCancelled):
        importer.run(path, cancel=lambda: len(seen) > 2 and bool(seen.append((0, 0))) is False)
    assert services.audit.head() == head
    assert count_tasks(services) == 0


# --------------------------------------------------------------------------- the bulk write


def test_bulk_rows_and_their_single_audit_entry(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    rows = "".join(
        f"Prolific,B{n},T{n},R,approved,1.{n % 100:02d},,,,2026-03-01T10:{n % 60:02d}:00Z,"
        f"2026-03-01T11:{n % 60:02d}:00Z,,,,\n"
        for n in range(2500)
    )
    importer.run(write(tmp_path, HEADER + rows))
    bulk = [e for e in audit(services) if e["action"] == "bulk"]
    assert len(bulk) == 1
    details = json.loads(bulk[0]["details"])
    assert details["count"] == 2500 and details["file"] == "tasks.csv"
    assert details["format"] == "native" and len(details["sha256"]) == 64
    assert services.audit.verify().intact
    # Tampering with one imported row is caught.
    connection = sqlite3.connect(services.ctx.db.path)
    connection.execute("UPDATE tasks SET reward = 999 WHERE external_id = 'B1234'")
    connection.commit()
    connection.close()
    assert not services.audit.verify().intact


texts = st.one_of(st.none(), st.text(max_size=30))
numbers = st.one_of(st.none(), st.integers(min_value=0, max_value=2**40))


@given(
    st.tuples(
        st.integers(min_value=1, max_value=2**40),
        st.integers(min_value=1, max_value=1000),
        texts,
        texts,
        texts,
        st.integers(min_value=0, max_value=10**12),
        numbers,
        st.integers(min_value=0, max_value=10**9),
        st.sampled_from(["USD", "EUR", "JPY"]),
        st.sampled_from(["approved", "pending", "rejected"]),
        numbers,
        numbers,
        numbers,
        numbers,
        texts,
        texts,
        numbers,
        st.integers(min_value=0, max_value=2**40),
        numbers,
        numbers,
        numbers,
        st.text(max_size=20),
        st.integers(min_value=0, max_value=2**40),
    )
)
def test_the_fast_row_hash_is_row_hash(values: tuple[Any, ...]) -> None:
    *row, origin, now = values
    columns = INSERT_COLUMNS[: INSERT_COLUMNS.index("origin")]  # the hasher's arguments
    stored = dict(zip(columns, row, strict=True))
    stored.update(origin=origin, recorded_at=now, edited_at=now)
    assert TaskHasher(origin, now)(*row) == row_hash("tasks", stored)


@given(st.integers(min_value=0, max_value=5000))
def test_the_fast_merkle_root_is_merkle_root(count: int) -> None:
    import hashlib

    leaves = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(count)]
    builder = FastMerkle()
    for leaf in leaves:
        builder.add(leaf)
    assert builder.root() == merkle_root(leaves)


def test_the_import_time_is_the_recorded_time(
    importer: ImportService, services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 3, 10, 9, 0, 30, 500000, tzinfo=UTC))
    importer.run(write(tmp_path, HEADER + "Prolific,A1,,,approved,1,,,,,,,,,\n"))
    task = next(iter(services.tasks.list()))
    assert task.recorded_at == datetime(2026, 3, 10, 9, 0, 30, tzinfo=UTC)
    assert epoch_seconds(task.recorded_at) == epoch_seconds(clock.now() - timedelta(0))
