"""What writing the tasks of a 1,000,000-row import costs before any CSV is read.

    .venv/bin/python bench/import_floor.py DIR [--runs N]

DIR is a directory kept by `bench/import_scale.py --keep DIR` (its tasks.csv and the
database its import wrote, DIR/data/clickwage.sqlite). Taking turns, N times each, it
times:

1. `sqlite3 .import` of tasks.csv into a bare table: the yardstick of issue 6;
2. SQLite alone writing the same rows into a fresh tasks table with its indexes, in C,
   with the import's settings (WAL, synchronous=FULL, a 64 MB page cache):
   `INSERT INTO tasks SELECT * FROM old.tasks`;
3. the same through Python's sqlite3 module, as the import's writer thread does
   (multi-row INSERT statements, one transaction), the rows already converted and in
   memory: no reading, checking or hashing;
4. as 3, without the indexes ix_tasks_platform_work and ix_tasks_platform_span_seconds.

It prints each median and its ratio to the first: the least any import into this
schema can take, through C and through Python.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import import_scale

from app.storage.datadir import DATABASE_FILE

PRAGMAS = "PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"
ROWS_PER_STATEMENT = 1400  # about the import's (BulkInserter: 32,000 bound values)
DROPPED = ("ix_tasks_platform_work", "ix_tasks_platform_span_seconds")


def schema(source: Path, leave_out: tuple[str, ...] = ()) -> list[str]:
    """The CREATE statements of the platforms and tasks tables and the tasks indexes."""
    with sqlite3.connect(source) as connection:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "(name = 'platforms' OR tbl_name = 'tasks') ORDER BY type DESC, name"
        ).fetchall()
    return [sql for name, sql in rows if name not in leave_out]


def fresh(path: Path, statements: list[str]) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in statements:
            connection.execute(statement)
    connection.close()


def sqlite_alone(tool: str, source: Path, target: Path) -> float:
    fresh(target, schema(source))
    started = time.perf_counter()
    subprocess.run(
        [
            tool,
            str(target),
            f"{PRAGMAS} ATTACH '{source}' AS old; BEGIN; "
            "INSERT INTO tasks SELECT * FROM old.tasks ORDER BY id; COMMIT;",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def through_python(
    rows: list[tuple[object, ...]], source: Path, target: Path, leave_out: tuple[str, ...] = ()
) -> float:
    fresh(target, schema(source, leave_out))
    width = len(rows[0])
    statement = "INSERT INTO tasks VALUES " + ",".join(
        ["(" + ",".join("?" * width) + ")"] * ROWS_PER_STATEMENT
    )
    single = "INSERT INTO tasks VALUES (" + ",".join("?" * width) + ")"
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.executescript(PRAGMAS)
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
        for start in range(0, whole, ROWS_PER_STATEMENT):
            batch = rows[start : start + ROWS_PER_STATEMENT]
            connection.execute(statement, [value for row in batch for value in row])
        connection.executemany(single, rows[whole:])
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="kept by import_scale.py --keep")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tool = shutil.which("sqlite3")
    csv_path = args.directory / "tasks.csv"
    source = args.directory / "data" / DATABASE_FILE
    if tool is None or not csv_path.exists() or not source.exists():
        print("Needs the sqlite3 tool and a directory kept by import_scale.py --keep DIR")
        return 2
    with sqlite3.connect(source) as connection:
        rows = connection.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    print(f"{len(rows):,} tasks from {source}")
    work = Path(tempfile.mkdtemp(prefix="clickwage-floor-"))
    target = work / "floor.sqlite"
    times: dict[str, list[float]] = {
        "sqlite3 .import into a bare table": [],
        "SQLite alone, into the tasks table with its indexes": [],
        "Python's sqlite3, rows already converted": [],
        f"  ... without {' and '.join(DROPPED)}": [],
    }
    labels = list(times)
    try:
        for _run in range(max(1, args.runs)):
            times[labels[0]].append(import_scale.run_sqlite(tool, csv_path, work)[0])
            times[labels[1]].append(sqlite_alone(tool, source, target))
            times[labels[2]].append(through_python(rows, source, target))
            times[labels[3]].append(through_python(rows, source, target, DROPPED))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = statistics.median(times[labels[0]])
    for label, values in times.items():
        median = statistics.median(values)
        print(
            f"{label:<72} {median:6.2f} s  {median / base:4.2f}x  "
            f"[{', '.join(f'{v:.2f}' for v in values)}]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
