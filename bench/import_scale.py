"""Import a 1,000,000-row native tasks CSV and compare with the sqlite3 tool's `.import`.

    .venv/bin/python bench/import_scale.py [--rows 1000000] [--keep DIR] [--verify] [--profile]
        [--runs N]

The target (issue 6): `clickwage import` of the file takes at most 3.5 times
what `sqlite3 bare.db ".import --csv tasks.csv tasks"` takes to load the same
file into a bare table (no types, no indexes, no checks, no hashes). The
file is written first, in the format `export` writes (UTF-8, comma, times
in UTC with a Z), with realistic values: 6 platforms, 8 statuses, rewards
with cents, bonuses, rejection reasons, durations, some notes with commas
and quotes. The import runs in this process, through ImportService, exactly
as `clickwage import FILE` does (a fresh data directory, one transaction,
one bulk audit entry). The sqlite3 run is repeated 3 times and the median
taken. Both wall-clock and CPU times are printed: on a busy machine the wall
ratio is noisy, so the load average is printed too, and `--runs N` imports the
file N times (each into a fresh data directory) and takes the median. The CPU
time is split between the thread that reads, checks and hashes the rows (and
commits) and the helper thread that writes them and builds the indexes
(SQLite, with the GIL released).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.clock import FakeClock
from app.i18n import Translator
from app.services import open_services
from app.services.imports import ImportService
from app.services.imports.native import FIELDS

TARGET = 3.5
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
PLATFORMS = (
    ("Prolific", "GBP"),
    ("MTurk", "USD"),
    ("Toloka", "USD"),
    ("Clickworker", "EUR"),
    ("Microworkers", "USD"),
    ("Appen", "USD"),
)
STATUSES = (
    ["approved"] * 12
    + ["pending"] * 3
    + ["rejected", "returned", "expired", "screened_out", "partially_approved", "in_progress"]
)


def write_file(path: Path, rows: int, seed: int = 6) -> None:
    """The native CSV `export` would write for `rows` tasks over three years."""
    rng = random.Random(seed)
    start = int(datetime(2023, 12, 1, tzinfo=UTC).timestamp())
    span = int(NOW.timestamp()) - 7 * 86400 - start
    step = span / rows
    titles = [
        f"Survey about {topic} ({n})"
        for n in range(40)
        for topic in (
            "shopping habits",
            "news reading",
            "images, labels",
            '"quick" opinions',
            "audio clips",
        )
    ]
    requesters = [f"Research lab {n}" for n in range(300)]

    def iso(seconds: int) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for n in range(rows):
            name, currency = PLATFORMS[n % len(PLATFORMS)]
            status = STATUSES[rng.randrange(len(STATUSES))]
            started = start + int(n * step)
            worked = rng.randrange(60, 3600)
            submitted = started + worked
            decided = (
                submitted + rng.randrange(600, 5 * 86400)
                if status in ("approved", "rejected", "screened_out", "partially_approved")
                else None
            )
            reward = rng.randrange(5, 1500)
            earned = (
                f"{reward * rng.randrange(20, 90) // 100 / 100:.2f}"
                if status in ("partially_approved", "screened_out")
                else ""
            )
            writer.writerow(
                [
                    name,
                    f"{name[:2].upper()}{n:09d}",
                    titles[rng.randrange(len(titles))],
                    requesters[rng.randrange(len(requesters))],
                    status,
                    f"{reward / 100:.2f}",
                    earned,
                    "0.25" if n % 17 == 0 else "0.00",
                    currency,
                    iso(started),
                    iso(submitted) if status != "in_progress" else "",
                    iso(decided) if decided else "",
                    "" if n % 5 else f"{worked / 60:.4f}".rstrip("0").rstrip("."),
                    "Failed an attention check, see message" if status == "rejected" else "",
                    "" if n % 23 else "bonus promised, not paid yet",
                ]
            )


def run_sqlite(tool: str, csv_path: Path, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `.import` into a bare table (a fresh database each time)."""
    target = work / "bare.sqlite"
    target.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [tool, str(target), ".mode csv", f".import {csv_path} tasks"],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    target.unlink(missing_ok=True)
    return wall, cpu


def run_clickwage(
    csv_path: Path, data: Path, profile: bool, verify: bool
) -> tuple[float, float, float]:
    """Wall, process CPU and reading-thread CPU seconds of one import into a fresh directory."""
    shutil.rmtree(data, ignore_errors=True)
    clock = FakeClock(NOW)
    services = open_services(data, clock, ZoneInfo("Europe/Paris"), Translator("en"), "FR")
    try:
        service = ImportService(services.ctx)
        cpu_before = time.process_time()
        thread_before = time.thread_time()
        started = time.perf_counter()
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            summary = profiler.runcall(service.run, csv_path)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        else:
            summary = service.run(csv_path)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        reading = time.thread_time() - thread_before
        tasks = summary.count("tasks")
        print(
            f"  imported: {tasks.added} added, {tasks.updated} updated, "
            f"{tasks.unchanged} unchanged, {summary.refused} refused; "
            f"platforms created: {len(summary.platforms_created)}"
        )
        if verify:
            started_verify = time.perf_counter()
            result = services.audit.verify()
            print(
                f"  verify: intact={result.intact} ({result.records} records) in "
                f"{time.perf_counter() - started_verify:.1f} s"
            )
        return wall, cpu, reading
    finally:
        services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the CSV and the database in DIR")
    parser.add_argument("--verify", action="store_true", help="run verify after the import")
    parser.add_argument("--profile", action="store_true", help="print a cProfile listing")
    parser.add_argument("--sqlite-runs", type=int, default=3)
    parser.add_argument("--runs", type=int, default=1, help="imports to run (median taken)")
    args = parser.parse_args()
    tool = shutil.which("sqlite3")
    if tool is None:
        print("The sqlite3 command-line tool is missing: apt-get install -y sqlite3")
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="clickwage-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = work / "tasks.csv"
        if not csv_path.exists() or sum(1 for _ in csv_path.open("rb")) != args.rows + 1:
            print(f"writing {args.rows:,} rows to {csv_path} ...", flush=True)
            write_file(csv_path, args.rows)
        size = csv_path.stat().st_size
        print(f"file: {args.rows:,} rows, {size / 1e6:.0f} MB")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        runs = [run_sqlite(tool, csv_path, work) for _ in range(max(1, args.sqlite_runs))]
        sqlite_wall = statistics.median(w for w, _ in runs)
        sqlite_cpu = statistics.median(c for _, c in runs)
        print(
            f"sqlite3 .import (median of {len(runs)}): {sqlite_wall:.2f} s wall, "
            f"{sqlite_cpu:.2f} s CPU  [runs: {', '.join(f'{w:.2f}' for w, _ in runs)}]"
        )
        data = work / "data"
        ours = []
        for run in range(max(1, args.runs)):
            print(f"clickwage import{f' (run {run + 1})' if args.runs > 1 else ''} ...", flush=True)
            wall, cpu, reading = run_clickwage(csv_path, data, args.profile, args.verify)
            print(
                f"  {wall:.2f} s wall, {cpu:.2f} s CPU ({reading:.2f} s reading, checking, hashing "
                f"and committing, {cpu - reading:.2f} s writing rows and indexes in the "
                f"writer thread); load average "
                f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}",
                flush=True,
            )
            ours.append((wall, cpu))
        ours_wall = statistics.median(w for w, _ in ours)
        ours_cpu = statistics.median(c for _, c in ours)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        runs_note = f" (median of {len(ours)})" if len(ours) > 1 else ""
        print(
            f"clickwage import{runs_note}: {ours_wall:.2f} s wall, {ours_cpu:.2f} s CPU, "
            f"peak {peak:.0f} MB"
        )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        wall_ratio = ours_wall / sqlite_wall
        cpu_ratio = ours_cpu / sqlite_cpu if sqlite_cpu else float("inf")
        verdict = "PASS" if wall_ratio <= TARGET else "MISS"
        print(
            f"ratio: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU; target {TARGET}x wall: {verdict}"
        )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
