"""The bulk write of an import: the writer thread, NULL stand-ins, the page cache, errors the
database finds, and the audit trail of a big import (verify passes, and finds tampering)."""

from __future__ import annotations

import hashlib
import itertools
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.domain.errors import StorageError
from app.services import Services
from app.services.imports import ImportCancelled, ImportOptions, ImportService
from app.services.imports import tasks as sink_module
from app.services.imports.results import ImportSummary
from app.services.imports.tasks import (
    BOUND_COLUMNS,
    INSERT_COLUMNS,
    FastMerkle,
    PlatformRef,
    TaskSink,
    candidate,
    digests,
)
from app.storage.database import NULL, BulkInserter
from app.storage.hashing import merkle_root, row_hash

HEADER = (
    "platform,external_id,title,requester,status,reward,earned,bonus,currency,started_at,"
    "submitted_at,decided_at,duration_minutes,reason,note\n"
)


def write(tmp_path: Path, body: str, name: str = "tasks.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


NOTE = '"a note, with a comma"'


def rows(count: int, prefix: str = "B", platform: str = "Prolific") -> str:
    return "".join(
        f"{platform},{prefix}{n},Survey {n % 7},Lab {n % 3},"
        f"{('approved', 'pending', 'rejected')[n % 3]},{n % 300 / 100 + 0.05:.2f},"
        f"{'' if n % 4 else '0.02'},{'0.25' if n % 11 == 0 else ''},,"
        f"2026-03-0{n % 9 + 1}T10:{n % 60:02d}:00Z,2026-03-0{n % 9 + 1}T11:{n % 60:02d}:00Z,"
        f",{'' if n % 5 else '12.5'},{'too slow' if n % 3 == 2 else ''},"
        f"{'' if n % 13 else NOTE}\n"
        for n in range(count)
    )


@pytest.fixture
def importer(services: Services) -> ImportService:
    services.platforms.add("Prolific", currency="GBP")
    return ImportService(services.ctx)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> int:
    """Batches of 50 rows, so that a few thousand rows go through the writer thread in many."""
    monkeypatch.setattr(sink_module, "ROWS_PER_STATEMENT", 50)
    return 50


def connect(services: Services) -> sqlite3.Connection:
    return sqlite3.connect(services.ctx.db.path)


def count(services: Services) -> int:
    connection = connect(services)
    try:
        return int(connection.execute("SELECT count(*) FROM tasks").fetchone()[0])
    finally:
        connection.close()


def task_indexes(services: Services) -> set[tuple[str, str | None]]:
    connection = connect(services)
    try:
        return set(
            connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'"
            )
        )
    finally:
        connection.close()


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "bulk-insert"]


# --------------------------------------------------------------------------- the audit trail


@pytest.mark.usefixtures("small_batches")
def test_a_big_import_verifies_and_tampering_is_found(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    indexes = task_indexes(services)
    assert len(indexes) == 7  # the UNIQUE constraint's and six more
    summary = importer.run(write(tmp_path, rows(3000)))
    assert summary.count("tasks").added == 3000
    assert count(services) == 3000
    assert task_indexes(services) == indexes
    result = services.audit.verify()
    assert result.intact, result.problems[:3]
    assert not writer_threads()

    connection = connect(services)
    tampered, original = connection.execute(
        "SELECT id, row_hash FROM tasks WHERE external_id = 'B1234'"
    ).fetchone()
    connection.execute("UPDATE tasks SET title = 'edited' WHERE external_id = 'B1234'")
    connection.commit()
    problems = services.audit.verify().problems
    assert [(p.kind, p.record_id) for p in problems] == [("changed", tampered)]

    # Rehashed to match its new content, the row still breaks its bulk write's Merkle root.
    connection.row_factory = sqlite3.Row
    row = dict(connection.execute("SELECT * FROM tasks WHERE id = ?", (tampered,)).fetchone())
    connection.execute(
        "UPDATE tasks SET row_hash = ? WHERE id = ?", (row_hash("tasks", row), tampered)
    )
    connection.commit()
    assert {p.kind for p in services.audit.verify().problems} == {"bulk_changed"}

    connection.execute(
        "UPDATE tasks SET title = 'Survey 2', row_hash = ? WHERE id = ?", (original, tampered)
    )
    connection.commit()
    assert services.audit.verify().intact  # put back exactly as it was
    connection.execute("DELETE FROM tasks WHERE external_id = 'B2000'")
    connection.commit()
    assert "deleted" in {p.kind for p in services.audit.verify().problems}
    connection.close()


@pytest.mark.usefixtures("small_batches")
def test_a_row_inserted_after_a_big_import_is_found(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    importer.run(write(tmp_path, rows(500)))
    connection = connect(services)
    row = connection.execute("SELECT * FROM tasks ORDER BY id DESC LIMIT 1").fetchone()
    columns = [c[1] for c in connection.execute("PRAGMA table_info(tasks)")]
    copy = dict(zip(columns, row, strict=True))
    copy.update(id=copy["id"] + 1, external_id="FORGED")
    copy["row_hash"] = row_hash("tasks", copy)  # a well-formed row, but no audit entry
    marks = ",".join("?" * len(columns))
    connection.execute(f"INSERT INTO tasks VALUES ({marks})", [copy[c] for c in columns])
    connection.commit()
    connection.close()
    assert "inserted" in {p.kind for p in services.audit.verify().problems}


@pytest.mark.usefixtures("small_batches")
def test_values_go_in_exactly_as_read(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    """NULL travels as a stand-in integer: texts that look like it stay texts."""
    body = (
        f"Prolific,{NULL},{NULL},-9223372036854775808,pending,1.00,,,,,,,,,\n"
        "Prolific,N2,,,approved,0,0,0,,2026-03-01T10:00:00Z,,,0,,\n"
        'Prolific,N3,  spaced  ,\'=formula,approved,2.50,,,,,,,,"quoted, ""text""",é ü 😀\n'
    )
    importer.run(write(tmp_path, body))
    connection = connect(services)
    found = connection.execute(
        "SELECT external_id, typeof(external_id), title, requester, earned, bonus, started_at,"
        " submitted_at, duration_s, reason, note, span_start, span_seconds, session_id"
        " FROM tasks ORDER BY id"
    ).fetchall()
    connection.close()
    assert found[0][:4] == (str(NULL), "text", str(NULL), "-9223372036854775808")
    assert found[0][4:] == (None, 0, None, None, None, None, None, None, None, None)
    assert found[1][4:] == (0, 0, 1772359200, None, 0, None, None, 1772359200, 0, None)
    assert found[2][2:4] == ("spaced", "=formula")
    assert found[2][9:11] == ('quoted, "text"', "é ü 😀")
    assert services.audit.verify().intact


# --------------------------------------------------------------------------- errors, atomicity


@pytest.mark.usefixtures("small_batches")
def test_a_duplicate_the_unique_index_catches_is_refused_whole(
    importer: ImportService,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.tasks.add("Prolific", "1.00", external_id="B2500")
    head = services.audit.head()
    indexes = task_indexes(services)
    # Pretend the task already recorded was not found: the database still refuses the copy.
    monkeypatch.setattr(TaskSink, "_load", lambda self, platform_id, by_id, contents: None)
    with pytest.raises(StorageError) as refused:
        importer.run(write(tmp_path, rows(3000)))
    message = str(refused.value)
    assert message.startswith("tasks.csv could not be written to the database (")
    assert "UNIQUE constraint failed: tasks.platform_id, tasks.external_id" in message
    assert message.endswith("nothing was changed.")
    assert services.audit.head() == head
    assert count(services) == 1
    assert task_indexes(services) == indexes
    assert not writer_threads()
    assert services.audit.verify().intact


@pytest.mark.usefixtures("small_batches")
def test_a_cancel_while_the_writer_runs_writes_nothing(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    head = services.audit.head()
    indexes = task_indexes(services)
    ticks: list[int] = []
    with pytest.raises(ImportCancelled):
        importer.run(
            write(tmp_path, rows(6000)),
            progress=lambda done, total: ticks.append(done),
            cancel=lambda: len(ticks) >= 2,
        )
    assert services.audit.head() == head
    assert task_indexes(services) == indexes
    assert count(services) == 0
    assert not writer_threads()


@pytest.mark.usefixtures("small_batches")
def test_progress_follows_the_bytes_read(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, rows(3000))
    size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    importer.run(path, progress=lambda done, total: seen.append((done, total)))
    assert {total for _, total in seen} == {size}
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))
    assert len(seen) >= 3  # a step per chunk of rows, and the end
    assert seen[-1] == (size, size)


@pytest.mark.usefixtures("small_batches")
def test_dry_run_of_a_big_file_counts_and_writes_nothing(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    importer.run(write(tmp_path, rows(1000)))
    head = services.audit.head()
    body = rows(1000) + rows(500, prefix="C") + "Prolific,X1,,,nonsense,1,,,,,,,,,\n"
    summary = importer.run(write(tmp_path, body, name="b.csv"), ImportOptions(dry_run=True))
    counts = summary.count("tasks")
    assert (counts.added, counts.updated, counts.unchanged, summary.refused) == (500, 0, 1000, 1)
    assert services.audit.head() == head
    assert count(services) == 1000


def test_a_bulk_write_has_a_big_page_cache_on_a_connection_of_its_own(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    db = services.ctx.db
    with db.read() as session:
        before = session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
    with db.write(bulk=True) as session:
        during = session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
        bulk = session.connection().connection.dbapi_connection
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    assert bulk is not None
    with pytest.raises(sqlite3.ProgrammingError):  # closed, not back in the pool
        bulk.execute("SELECT 1")
    with pytest.raises(RuntimeError), db.write(bulk=True):
        raise RuntimeError("boom")
    importer.run(write(tmp_path, rows(10)))
    for _ in range(3):  # whichever pooled connection comes back
        with db.write() as session:
            assert session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one() == before
            assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    assert during < 0 and abs(during) > abs(before)


# --------------------------------------------------------------------------- BulkInserter


def make_table(services: Services) -> None:
    with services.ctx.db.write() as session:
        session.connection().exec_driver_sql(
            "CREATE TABLE bulk_probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "size INTEGER, kind TEXT, tag TEXT UNIQUE)"
        )


def probe_rows(services: Services) -> list[tuple[Any, ...]]:
    connection = connect(services)
    try:
        return connection.execute("SELECT * FROM bulk_probe ORDER BY id").fetchall()
    finally:
        connection.close()


def test_bulk_inserter_writes_batches_in_order_with_constants_and_nulls(
    services: Services,
) -> None:
    make_table(services)
    with services.ctx.db.write() as session:
        connection = session.connection()
        inserter = BulkInserter(
            connection,
            "bulk_probe",
            ("id", "name", "size", "kind", "tag"),
            constants={"kind": "it's fixed"},
            nullable={"size", "tag"},
            rows=3,
        )
        assert inserter.bound == ("id", "name", "size", "tag")
        assert inserter.rows == 3
        inserter.send([1, "a", 10, "t1", 2, "b", NULL, NULL, 3, "c", 0, "t3"], 3)
        inserter.send([4, "d", NULL, "t4"], 1)
        # A statement of the caller's waits for the batches queued before it.
        assert connection.exec_driver_sql("SELECT count(*) FROM bulk_probe").scalar_one() == 4
        inserter.send([5, "e", 5, NULL], 1)
        inserter.wait()
        inserter.close()
        inserter.close()  # twice is fine
        with pytest.raises(RuntimeError):
            inserter.send([6, "f", 6, NULL], 1)
    assert probe_rows(services) == [
        (1, "a", 10, "it's fixed", "t1"),
        (2, "b", None, "it's fixed", None),
        (3, "c", 0, "it's fixed", "t3"),
        (4, "d", None, "it's fixed", "t4"),
        (5, "e", 5, "it's fixed", None),
    ]
    assert not writer_threads()


def test_bulk_inserter_hands_the_database_error_to_the_caller(services: Services) -> None:
    make_table(services)
    refused = re.escape("UNIQUE constraint failed: bulk_probe.tag")
    with pytest.raises(IntegrityError, match=refused), services.ctx.db.write() as session:
        inserter = BulkInserter(session.connection(), "bulk_probe", ("id", "name", "tag"), rows=2)
        try:
            inserter.send([1, "a", "same", 2, "b", "other"], 2)
            inserter.send([3, "c", "same"], 1)
            inserter.send([4, "d", "fine"], 1)  # after the error: never written
            inserter.wait()
        finally:
            inserter.close()
    assert probe_rows(services) == []  # the whole transaction rolled back
    assert not writer_threads()


def test_bulk_inserter_error_reaches_the_next_statement(services: Services) -> None:
    make_table(services)
    with pytest.raises(IntegrityError), services.ctx.db.write() as session:
        connection = session.connection()
        inserter = BulkInserter(connection, "bulk_probe", ("id", "name"), rows=2)
        try:
            inserter.send([1, None, 2, "b"], 2)  # name NOT NULL
            connection.execute(text("SELECT 1"))
        finally:
            inserter.close()
    assert probe_rows(services) == []


def test_bulk_inserter_statements_fit_the_parameter_limit(services: Services) -> None:
    with services.ctx.db.write() as session:
        inserter = BulkInserter(session.connection(), "tasks", INSERT_COLUMNS, rows=10**9)
        try:
            dbapi = session.connection().connection.dbapi_connection
            limit = dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # type: ignore[union-attr]
            assert inserter.rows * len(inserter.bound) <= limit
            assert inserter.rows >= 1
        finally:
            inserter.close()


# --------------------------------------------------------------------------- hashes


class _Capture:
    """Stands in for BulkInserter: keeps what the sink would write."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self.rows = 0

    def send(self, values: list[Any], rows: int) -> None:
        assert len(values) == rows * BOUND_COLUMNS
        self.values.extend(values)
        self.rows += rows

    def wait(self) -> None: ...

    def close(self) -> None: ...

    def rebuild_indexes(self) -> None: ...


texts = st.one_of(st.none(), st.text(min_size=1, max_size=25))
instants = st.one_of(st.none(), st.integers(min_value=-(2**35), max_value=2**35))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            texts, texts, texts,
            st.integers(min_value=0, max_value=10**12),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**12)),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)),
            st.sampled_from(["USD", "EUR", "JPY"]),
            st.sampled_from(["approved", "pending", "rejected"]),
            instants, instants, instants,
            st.one_of(st.none(), st.integers(min_value=0, max_value=7 * 86400)),
            texts, texts,
            st.one_of(st.none(), st.integers(min_value=1, max_value=10**6)),
        ),
        max_size=40,
    ),
    st.integers(min_value=1, max_value=7),
)  # fmt: skip
def test_the_rows_and_hashes_the_sink_writes_are_what_verify_recomputes(
    tasks: list[tuple[Any, ...]], batch: int
) -> None:
    summary = ImportSummary(path="x.csv", format="native", dry_run=False)
    sink = TaskSink(
        None,  # type: ignore[arg-type]
        origin="import:native",
        now=1_773_000_000,
        summary=summary,
        tr=None,  # type: ignore[arg-type]
        write=False,
        details={},
        failed=lambda: False,
    )
    capture = _Capture()
    sink._write = True
    sink._inserter = capture  # type: ignore[assignment]
    sink._rows_per_statement = batch
    sink._first_id = sink._next_id = 7
    platform = PlatformRef(3, "P", "USD", True)
    for values in tasks:
        sink._insert_many((candidate(platform, *values),))
    sink._send()
    assert capture.rows == len(tasks)
    leaves = []
    for n in range(capture.rows):
        bound = capture.values[n * BOUND_COLUMNS : (n + 1) * BOUND_COLUMNS]
        stored = dict(
            zip(
                [c for c in INSERT_COLUMNS if c not in ("origin", "recorded_at", "edited_at")],
                [None if v == NULL and not isinstance(v, str) else v for v in bound],
                strict=True,
            )
        )
        stored.update(origin="import:native", recorded_at=1_773_000_000, edited_at=1_773_000_000)
        assert stored["row_hash"] == row_hash("tasks", stored)
        leaves.append(stored["row_hash"])
    assert sink._merkle.root() == merkle_root(leaves)


@given(st.lists(st.integers(min_value=0, max_value=3000), max_size=6))
def test_the_merkle_root_of_leaves_added_in_runs_is_the_same(runs: list[int]) -> None:
    leaves = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(sum(runs))]
    builder = FastMerkle()
    start = 0
    for size in runs:
        if size % 2:
            builder.extend(leaves[start : start + size])
        else:
            for leaf in leaves[start : start + size]:
                builder.add(leaf)
        start += size
    assert builder.count == len(leaves)
    assert builder.root() == merkle_root(leaves)


def test_digests_are_sha256_of_utf8() -> None:
    samples = ["", "a", "é😀", '["tasks",{"id":1}]']
    assert digests(samples) == [hashlib.sha256(s.encode("utf-8")).hexdigest() for s in samples]
