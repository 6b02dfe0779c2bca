"""Benchmark: the report and the flags over three years of a heavy crowd worker's ledger.

Run by hand, never in CI:

    .venv/bin/python bench/report_scale.py [--tasks 1000000] [--keep DIR] [--reuse]
                                           [--runs 7] [--seed 20261128] [--profile]

It fills a fresh data directory (a temporary one unless --keep DIR) with three years
of a heavy crowd worker's ledger, through the services as the app would
(bench/heavy_ledger.py). Then it times, in-process,
services.reports.report() for one month and for a year, services.reports.current()
(what `clickwage flags` computes) and services.audit.verify(), and prints each
against the targets: one month <= 100 ms, a year <= 1 s.

`--keep DIR --reuse` measures an existing benchmark directory again without
refilling it. `--profile` adds a cProfile listing of one month and one year report.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from heavy_ledger import FIRST_DAY, LAST_DAY, NOW, ZONE, fill  # noqa: E402

from app.domain.clock import FakeClock  # noqa: E402
from app.i18n import Translator  # noqa: E402
from app.services import open_services  # noqa: E402
from app.storage.datadir import DATABASE_FILE  # noqa: E402

MONTH = (date(2026, 10, 1), date(2026, 11, 1))
YEAR = (date(2025, 11, 1), date(2026, 11, 1))
TARGET_MONTH_S = 0.100
TARGET_YEAR_S = 1.0

# -- measuring ---------------------------------------------------------------------------------

@dataclass
class Timing:
    warm: float  # the first (warm-up) run, wall clock
    median: float  # wall clock, over the timed runs
    least: float
    cpu: float  # median CPU time of this process: less disturbed by a busy machine
    result: Any

    def text(self) -> str:
        return (f"median {ms(self.median)}, min {ms(self.least)}, CPU median {ms(self.cpu)} "
                f"(warm-up {ms(self.warm)})")


def timed(function: Callable[[], Any], runs: int) -> Timing:
    """Wall-clock median and min, and CPU median, of `runs` runs after one warm-up run."""
    begin = time.perf_counter()
    result = function()
    warm = time.perf_counter() - begin
    times, cpu = [], []
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        function()
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    return Timing(warm, statistics.median(times), min(times), statistics.median(cpu), result)


def sizes(directory: Path) -> dict[str, int]:
    return {path.name: path.stat().st_size for path in sorted(directory.iterdir())
            if path.is_file() and path.name.startswith(DATABASE_FILE)}


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def table_sizes(path: Path) -> list[tuple[str, int]]:
    """Bytes per table and index (SQLite's dbstat, when the library has it)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        return [(str(name), int(size)) for name, size in rows]
    except sqlite3.Error:
        return []
    finally:
        connection.close()


def checkpoint(path: Path) -> None:
    """Fold the WAL back into the database file, so that its size is the data's."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def load() -> str:
    """The machine's load: timings on a busy machine are slower and noisier."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return f"{os.cpu_count()} CPUs"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def verdict(seconds: float, target: float) -> str:
    return "PASS" if seconds <= target else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def describe(report: Any) -> str:
    tasks = sum(sum(p.totals.counts.values()) for p in report.platforms)
    flags = sorted({f"{p.platform.name}:{f.code}" for p in report.platforms for f in p.flags})
    home_net = report.home_total("net")
    hourly = report.effective_hourly
    return (f"{tasks:,} tasks, {report.seconds_total / 3600:,.0f} h worked, home net "
            f"{'n/a' if home_net is None else f'{home_net / 100:,.2f}'} {report.home_currency}, "
            f"{hourly} {report.home_currency}/h; flags: {', '.join(flags) or 'none'}")


def profile_call(label: str, function: Callable[[], Any], limit: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(limit)
    print(f"\n--- cProfile: {label} (sorted by cumulative time) ---")
    print(out.getvalue())
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    print(f"--- cProfile: {label} (sorted by own time) ---")
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1_000_000, help="tasks to fill (1000000)")
    parser.add_argument("--keep", type=Path, help="fill this directory and keep it")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: measure the existing data there, do not fill")
    parser.add_argument("--runs", type=int, default=7, help="timed runs after a warm-up (7)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--profile", action="store_true",
                        help="also print a cProfile of one month and one year report")
    args = parser.parse_args(argv)
    if args.tasks < 1000:
        parser.error("--tasks must be at least 1000")
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep DIR")

    if args.keep:
        directory = args.keep.expanduser().resolve()
        exists = (directory / DATABASE_FILE).exists()
        if exists and not args.reuse:
            parser.error(f"{directory} already holds a database: add --reuse to measure it "
                         f"again, or choose another directory")
        if args.reuse and not exists:
            parser.error(f"{directory} holds no database to reuse")
        holder = None
    else:
        holder = tempfile.TemporaryDirectory(prefix="clickwage-bench-")
        directory = Path(holder.name) / "data"

    try:
        return run(directory, args)
    finally:
        if holder is not None:
            holder.cleanup()


def revision() -> str:
    """The code measured: the commit, and whether app/ has changes not committed yet."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "app"], cwd=ROOT,
                               text=True, capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return f"commit {head}" + (" with uncommitted changes in app/" if dirty else "")


def run(directory: Path, args: argparse.Namespace) -> int:
    print(f"Clickwage report benchmark: Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}, {revision()}")
    print(f"data dir: {directory}{'' if args.keep else ' (temporary)'}")
    clock = FakeClock(NOW)
    begin = time.perf_counter()
    services = open_services(directory, clock, ZONE, Translator("en"), "FR")
    opened = time.perf_counter() - begin
    try:
        settings = services.settings.current()
        print(f"clock {NOW:%Y-%m-%d %H:%M} UTC, zone {ZONE.key}, home currency "
              f"{settings.home_currency}, min wage {settings.min_wage / 100:.2f}")
        if args.reuse:
            print(f"reusing the data already there (opened in {opened:.2f} s)")
        else:
            print(f"\nfilling {args.tasks:,} tasks from {FIRST_DAY} to {LAST_DAY} "
                  f"(seed {args.seed}) ...", flush=True)
            begin = time.perf_counter()
            count = fill(services, clock, args.tasks, args.seed)
            elapsed = time.perf_counter() - begin
            print(f"fill: {elapsed:,.1f} s total")
            print(f"  tasks     {count.tasks:>10,}  in {count.imports} bulk imports "
                  f"(one per platform and month), insert {count.import_s:,.1f} s; "
                  f"{count.lanes / max(1, count.blocks):.1f} tasks at once on average "
                  f"per block")
            print(f"  sessions  {count.sessions:>10,}  through the timer "
                  f"({count.timer_writes:,} writes); with payouts and events "
                  f"{count.timer_s:,.1f} s of audited ORM writes")
            print(f"  payouts   {count.payouts:>10,}")
            print(f"  events    {count.events:>10,}")
            print(f"  generating rows: {elapsed - count.import_s - count.timer_s:,.1f} s")
        path = directory / DATABASE_FILE
        before = sizes(directory)
        print("database on disk: " + ", ".join(f"{name} {megabytes(size)}"
                                               for name, size in before.items()))
        checkpoint(path)
        print(f"after a WAL checkpoint: {path.name} {megabytes(path.stat().st_size)}")
        biggest = table_sizes(path)
        if biggest:
            print("  largest: " + ", ".join(f"{name} {megabytes(size)}"
                                            for name, size in biggest[:8]))

        with services.ctx.db.engine.connect() as connection:
            totals = {name: connection.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar()
                      for name in ("tasks", "work_sessions", "payouts", "account_events",
                                   "audit_log")}
        print("rows: " + ", ".join(f"{name} {value:,}" for name, value in totals.items()))

        runs = args.runs
        print(f"\ntimings (in-process; one warm-up run, then median and min of {runs} runs; "
              f"PASS/MISS on the wall-clock median; {load()})")
        results: list[tuple[str, float, float]] = []
        for label, (first, end), target in (
            (f"report month {MONTH[0]}..{MONTH[1]}", MONTH, TARGET_MONTH_S),
            (f"report year  {YEAR[0]}..{YEAR[1]}", YEAR, TARGET_YEAR_S),
        ):
            timing = timed(functools.partial(services.reports.report, first, end), runs)
            results.append((label, timing.median, target))
            print(f"  {label}: {timing.text()}; target <= {ms(target)}: "
                  f"{verdict(timing.median, target)}")
            print(f"      {describe(timing.result)}")
        timing = timed(services.reports.current, runs)
        results.append(("flags (current)", timing.median, TARGET_MONTH_S))
        print(f"  flags: reports.current() (last {settings.flag_window_days} days): "
              f"{timing.text()}; target <= {ms(TARGET_MONTH_S)} (a month's): "
              f"{verdict(timing.median, TARGET_MONTH_S)}")
        print(f"      {describe(timing.result)}")
        begin = time.perf_counter()
        checked = services.audit.verify()
        elapsed = time.perf_counter() - begin
        print(f"  verify: audit.verify() once: {elapsed:,.2f} s ({checked.entries:,} audit "
              f"entries, {checked.records:,} records, "
              f"{'intact' if checked.intact else f'{len(checked.problems)} problems'})")

        print(f"\nsummary ({load()})")
        for label, median, target in results:
            print(f"  {verdict(median, target)}  {label:<40} {ms(median):>12}  "
                  f"(target <= {ms(target)})")

        if args.profile:
            profile_call("report month", lambda: services.reports.report(*MONTH))
            profile_call("report year", lambda: services.reports.report(*YEAR))
        return 0 if all(median <= target for _, median, target in results) else 1
    finally:
        services.close()


if __name__ == "__main__":
    sys.exit(main())
