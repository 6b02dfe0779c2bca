"""Benchmark: the window with the Ledger page over a million tasks.

Run by hand, never in CI:

    .venv/bin/python bench/gui_scale.py [--tasks 1000000] [--keep DIR] [--reuse]
                                        [--runs 5] [--seed 20261128] [--no-index]

It fills a data directory through the services (platforms, exchange rates,
then tasks with TaskService.bulk_insert, one import per platform and month, as
an importer would), and an empty one with the same platforms and rates. Each
measurement runs in its own subprocess (offscreen Qt), so that startup times and
peak memory are not shared:

- **show**: from the start of the process (before importing Qt and the app) to
  the window shown on the Ledger page with its first rows painted and the row
  count known, at 0 tasks and at N tasks; target: ratio <= 1.2.
- **scroll to the last row**: scrollToBottom() until the last rows are painted
  (a cold chunk); target <= 50 ms. Jumps into the middle and a page-down walk
  are reported too.
- **filter change**: choosing a platform in the filter bar until the new rows
  and count are painted; target <= 150 ms. Status, period and text search are
  reported too (a text search reads every row, on a worker thread), as is the
  time until the totals of the filtered set are ready (worker thread).
- **peak memory**: the process's maximum resident set size; target <= 300 MB.

The Ledger pages by keyset on work-date indexes the schema does not have yet
(INDEXES below: work_at; platform_id, work_at; status, work_at). This script
creates them in the benchmark's database (`--no-index` drops them to measure
without).
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import UTC, date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ZONE = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
FIRST_DAY = date(2023, 11, 28)
DAY = 86400
TARGET_RATIO = 1.2
TARGET_SCROLL_S = 0.050
TARGET_FILTER_S = 0.150
TARGET_MEMORY_MB = 300.0
# The indexes the Ledger asks for (not in the schema yet): name -> columns of tasks.
INDEXES = {
    "ix_tasks_work_at": ("work_at",),
    "ix_tasks_platform_work_at": ("platform_id", "work_at"),
    "ix_tasks_status_work_at": ("status", "work_at"),
}

# name, currency, share of the tasks, external id prefix, rewards (minor units), titles
PLATFORMS: tuple[tuple[str, str, int, str, tuple[int, ...], tuple[str, ...]], ...] = (
    ("Amazon Mechanical Turk", "USD", 34, "3MTK", (1, 2, 5, 10, 12, 15, 25, 50, 100),
     ("Transcribe a receipt", "Tag objects in an image", "Categorize products",
      "Rate the sentiment of short texts", "Judge search result relevance")),
    ("Prolific", "GBP", 14, "PRL", (45, 75, 100, 120, 150, 200, 300),
     ("Decision making study", "Attitudes towards technology", "Memory and attention task",
      "Consumer choices survey")),
    ("Clickworker", "EUR", 12, "CW", (3, 5, 8, 10, 15, 20, 30),
     ("Write a product description", "UHRS: relevance judgement", "Proofread a paragraph")),
    ("Toloka", "USD", 12, "TLK", (1, 2, 3, 5, 8, 10),
     ("Is this image offensive?", "Classify the query", "Transcribe audio clip")),
    ("Appen", "USD", 6, "APN", (50, 100, 150, 200, 300),
     ("Search engine evaluation", "Map data validation", "Social media ad rating")),
    ("Microworkers", "USD", 8, "MWK", (5, 8, 10, 15, 20, 30),
     ("Sign up and test an app", "Watch a video and answer", "Find an e-mail address")),
    ("Remotasks", "USD", 9, "RMT", (30, 50, 75, 100, 150),
     ("LiDAR annotation", "Image segmentation", "Chatbot answer ranking")),
    ("Sondages Express", "EUR", 5, "SDX", (50, 100, 150, 200),
     ("Opinion survey: groceries", "Survey: mobile phone habits", "Survey: holidays")),
)
RATES = (("GBP", date(2023, 11, 1), "1.1500"), ("GBP", date(2025, 1, 1), "1.2000"),
         ("GBP", date(2026, 5, 1), "1.1400"), ("USD", date(2023, 11, 1), "0.9400"),
         ("USD", date(2025, 6, 1), "0.8800"), ("USD", date(2026, 3, 1), "0.8600"))
DECIDED = (("approved", 900), ("rejected", 30), ("returned", 30), ("screened_out", 20),
           ("partially_approved", 10), ("expired", 10))
REQUESTERS = tuple(f"{a} {b}" for a in ("North", "Bright", "Data", "Open", "Urban", "Civic",
                                        "Neuro", "Pixel") for b in ("Lab", "Research", "Insights",
                                                                    "Studies", "AI", "Panel"))


# -- filling --------------------------------------------------------------------------------

def _open(directory: Path) -> Any:
    from app.domain.clock import FakeClock
    from app.i18n import Translator
    from app.services import open_services

    return open_services(directory, FakeClock(NOW), ZONE, Translator("en"), "FR")


def _platforms_and_rates(services: Any) -> dict[str, int]:
    ids = {name: services.platforms.add(name, currency).id
           for name, currency, *_ in PLATFORMS}
    for code, day, rate in RATES:
        services.rates.set(code, rate, on=day)
    return ids


def fill(directory: Path, total: int, seed: int) -> float:
    from app.domain.statuses import Origin

    begin = time.perf_counter()
    services = _open(directory)
    try:
        ids = _platforms_and_rates(services)
        rng = random.Random(seed)
        weights = [share for _, _, share, *_ in PLATFORMS]
        decided = [status for status, weight in DECIDED for _ in range(weight)]
        days = (NOW.date() - FIRST_DAY).days
        first_ts = int(datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day,
                                tzinfo=ZONE).timestamp())
        span = days * DAY
        stamps = sorted(first_ts + rng.randrange(span) for _ in range(total))
        sequence: dict[str, int] = defaultdict(int)
        batches: dict[tuple[str, int, int], list[dict[str, Any]]] = defaultdict(list)
        written = 0
        month: tuple[int, int] | None = None

        def flush() -> int:
            count = 0
            for (name, year, number), rows in batches.items():
                count += services.tasks.bulk_insert(
                    rows, Origin.imported("native"),
                    details={"file": f"{name.lower()}-{year}-{number:02d}.csv"})
            batches.clear()
            return count

        for started in stamps:
            local = datetime.fromtimestamp(started, ZONE)
            if (local.year, local.month) != month:
                written += flush()
                month = (local.year, local.month)
                print(f"  ... {month[0]}-{month[1]:02d}: {written:,} tasks, "
                      f"{time.perf_counter() - begin:.0f} s", flush=True)
            platform = rng.choices(PLATFORMS, weights)[0]
            name, currency, _share, prefix, rewards, titles = platform
            duration = rng.randint(60, 1200)
            submitted = min(started + duration, NOW_TS - 60)
            age = NOW_TS - submitted
            pending_share = 0.6 if age < 3 * DAY else 0.15 if age < 14 * DAY else 0.002
            status = "pending" if rng.random() < pending_share else rng.choice(decided)
            reward = rng.choice(rewards)
            earned = None
            if status == "partially_approved":
                earned = reward // 2
            elif status == "screened_out":
                earned = min(reward, 10)
            elif status == "approved" and rng.random() < 0.15:
                earned = reward
            sequence[name] += 1
            batches[(name, month[0], month[1])].append({
                "platform_id": ids[name],
                "external_id": f"{prefix}{sequence[name]:010d}",
                "title": rng.choice(titles),
                "requester": rng.choice(REQUESTERS),
                "reward": reward,
                "earned": earned,
                "bonus": rng.choice((5, 10, 25)) if rng.random() < 0.02 else 0,
                "currency": currency,
                "status": status,
                "started_at": started,
                "submitted_at": submitted,
                "decided_at": None if status == "pending"
                else min(NOW_TS, submitted + rng.randint(600, 3 * DAY)),
                "duration_s": submitted - started,
            })
        written += flush()
        assert written == total, (written, total)
    finally:
        services.close()
    return time.perf_counter() - begin


def prepare_empty(directory: Path) -> None:
    services = _open(directory)
    try:
        _platforms_and_rates(services)
    finally:
        services.close()


def ensure_indexes(directory: Path, wanted: bool) -> str:
    """Create (or drop, for --no-index) the indexes the Ledger asks for."""
    from sqlalchemy import Index, inspect

    from app.storage.models import Task

    services = _open(directory)
    try:
        engine = services.ctx.db.engine
        present = {ix["name"] for ix in inspect(engine).get_indexes("tasks")}
        done = []
        for name, columns in INDEXES.items():
            index = Index(name, *(Task.__table__.c[column] for column in columns))
            if wanted and name not in present:
                index.create(engine)
                done.append(f"created {name}")
            elif not wanted and name in present:
                index.drop(engine)
                done.append(f"dropped {name}")
            else:
                done.append(f"{name} {'present' if name in present else 'absent'}")
        return "; ".join(done)
    finally:
        services.close()


def checkpoint(directory: Path) -> None:
    from app.storage.datadir import DATABASE_FILE

    connection = sqlite3.connect(directory / DATABASE_FILE)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


# -- measuring (in a child process) ---------------------------------------------------------

def child(directory: Path) -> dict[str, Any]:
    """Open the window on the Ledger page and measure; returns the figures."""
    import resource

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    config = Path(tempfile.mkdtemp(prefix="clickwage-bench-config-"))
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from ui.gui.main import build_window

    settings = QSettings(str(config / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", "ledger")
    settings.sync()
    del settings
    app = QApplication.instance() or QApplication(["clickwage-bench"])
    services = _open(directory)
    window = build_window(app, services, config_dir=config)
    page = window.page("ledger")
    model = page.model
    table = page.table
    results: dict[str, Any] = {}

    def spin_until(done: Any, timeout: float = 120.0) -> None:
        limit = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > limit:
                raise TimeoutError("the ledger did not answer")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def note(label: str) -> None:
        if os.environ.get("BENCH_DEBUG"):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"[{label}] peak {peak:.0f} MB", file=sys.stderr)

    loads = [0]
    model.loaded.connect(lambda: loads.__setitem__(0, loads[0] + 1))
    window.resize(1200, 800)
    window.show()
    spin_until(lambda: loads[0] > 0 and not model.busy)
    window.repaint()
    results["show_s"] = time.perf_counter() - PROCESS_START
    note("shown")
    results["rows"] = model.rowCount()
    began = time.perf_counter()
    spin_until(lambda: model.totals is not None and not model.totals_busy)
    results["first_totals_s"] = time.perf_counter() - began
    results["totals_text"] = page.totals_label.text()
    count = model.rowCount()

    # The Charts page imports matplotlib on a thread a moment after the window shows (and
    # holds the GIL while doing so): measure the Ledger once that is over, at both sizes.
    began = time.perf_counter()
    spin_until(lambda: all(
        getattr(p, "prewarm_future", None) is None or p.prewarm_future.done()
        for p in window.pages) and time.perf_counter() - began > 2.5, timeout=60)
    note("charts pre-warmed")

    def painted(action: Any) -> float:
        """Seconds from the action to its rows painted (one synchronous paint)."""
        begin = time.perf_counter()
        action()
        table.viewport().repaint()
        app.processEvents()
        return time.perf_counter() - begin

    if count:
        results["scroll_last_s"] = painted(table.scrollToBottom)
        last = table.rowAt(table.viewport().height() - 2)
        results["last_row_shown"] = last in (count - 1, -1) and bool(
            model.data(model.index(count - 1, 0)))
        jumps = []
        for fraction in (0.5, 0.25, 0.75, 0.1, 0.9):
            target = model.index(int((count - 1) * fraction), 0)
            jumps.append(painted(lambda target=target: table.scrollTo(
                target, QAbstractItemView.ScrollHint.PositionAtTop)))
        results["scroll_jump_median_s"] = statistics.median(jumps)
        results["scroll_jump_max_s"] = max(jumps)
        painted(table.scrollToTop)
        bar = table.verticalScrollBar()
        steps = []
        for _ in range(200):
            steps.append(painted(lambda: bar.setValue(bar.value() + bar.pageStep())))
        results["page_down_mean_s"] = statistics.mean(steps)
        results["page_down_max_s"] = max(steps)

    def choose(combo: Any, data: Any) -> None:
        combo.setCurrentIndex(combo.findData(data))
        combo.activated.emit(combo.currentIndex())

    painted_at = [0.0]

    def on_model_loaded() -> None:
        # The new rows painted at once, as the event loop would do next.
        table.viewport().repaint()
        painted_at[0] = time.perf_counter()

    model.loaded.connect(on_model_loaded)

    def filter_change(label: str, apply: Any) -> None:
        note(label)
        before = loads[0]
        begin = time.perf_counter()
        apply()
        spin_until(lambda: loads[0] > before and not model.busy)
        rows_s = painted_at[0] - begin
        spin_until(lambda: model.totals is not None and not model.totals_busy)
        totals_s = time.perf_counter() - begin
        middle = model.index(model.rowCount() // 2, 0)
        jump_s = painted(lambda: table.scrollTo(
            middle, QAbstractItemView.ScrollHint.PositionAtTop)) if model.rowCount() else 0.0
        painted(table.scrollToTop)
        results.setdefault("filters", []).append(
            {"label": label, "rows_s": rows_s, "totals_s": totals_s, "rows": model.rowCount(),
             "jump_s": jump_s})

    note("after scrolling")
    platform_id = page.platform_filter.itemData(1)
    for index in range(page.platform_filter.count()):
        if page.platform_filter.itemText(index) == "Amazon Mechanical Turk":
            platform_id = page.platform_filter.itemData(index)
    filter_change("platform Amazon Mechanical Turk",
                  lambda: choose(page.platform_filter, platform_id))
    filter_change("+ status pending", lambda: choose(page.status_filter, "pending"))
    filter_change("status pending, all platforms", lambda: choose(page.platform_filter, None))
    filter_change("all statuses, this month", lambda: (
        page.status_filter.setCurrentIndex(0), choose(page.period_filter, "month")))
    filter_change("all time again", lambda: choose(page.period_filter, "all"))

    def search(text: str) -> None:
        page.search.setText(text)
        page.apply_filters()

    filter_change("search 'receipt' (reads every row)", lambda: search("receipt"))
    filter_change("search cleared", lambda: search(""))
    window.close()
    services.close()
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def run_child(directory: Path) -> dict[str, Any]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(directory)],
        capture_output=True, text=True, env=environment, check=False, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"measuring failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- reporting ------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="fill this directory and keep it")
    parser.add_argument("--reuse", action="store_true", help="with --keep: do not refill")
    parser.add_argument("--runs", type=int, default=5, help="subprocess runs per size (5)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--no-index", action="store_true",
                        help="measure without the indexes the Ledger asks for")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep DIR")

    from app.storage.datadir import DATABASE_FILE

    holder = tempfile.TemporaryDirectory(prefix="clickwage-gui-bench-")
    base = args.keep.expanduser().resolve() if args.keep else Path(holder.name)
    full, empty = base / "tasks", base / "empty"
    try:
        import PySide6

        print(f"Clickwage GUI scale benchmark: Python {sys.version.split()[0]}, PySide6 "
              f"{PySide6.__version__}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"data: {base}{'' if args.keep else ' (temporary)'}")
        if args.reuse and (full / DATABASE_FILE).exists():
            print("reusing the filled database")
        else:
            if (full / DATABASE_FILE).exists():
                parser.error(f"{full} already holds a database: add --reuse")
            print(f"filling {args.tasks:,} tasks through TaskService.bulk_insert ...", flush=True)
            seconds = fill(full, args.tasks, args.seed)
            print(f"fill: {seconds:,.1f} s")
        if not (empty / DATABASE_FILE).exists():
            prepare_empty(empty)
        print(f"indexes the Ledger asks for: {ensure_indexes(full, not args.no_index)}")
        checkpoint(full)
        size = (full / DATABASE_FILE).stat().st_size
        print(f"database: {size / 1e6:,.0f} MB")

        print(f"\nmeasuring in subprocesses, {args.runs} runs per size ...", flush=True)
        zero: list[dict[str, Any]] = []
        many: list[dict[str, Any]] = []
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both sizes
            zero.append(run_child(empty))
            many.append(run_child(full))
        rows = many[0]["rows"]

        show_0 = statistics.median(r["show_s"] for r in zero)
        show_n = statistics.median(r["show_s"] for r in many)
        ratio = show_n / show_0
        scroll = statistics.median(r["scroll_last_s"] for r in many)
        platform = statistics.median(r["filters"][0]["rows_s"] for r in many)
        memory = max(r["peak_rss_mb"] for r in many)
        memory_0 = max(r["peak_rss_mb"] for r in zero)

        print(f"\nrows in the Ledger: {rows:,}; totals: {many[0]['totals_text']}")
        print(f"show the window on the Ledger (process start -> first rows and count painted), "
              f"median of {args.runs}:")
        print(f"  0 tasks: {ms(show_0)}  (runs: {', '.join(ms(r['show_s']) for r in zero)})")
        print(f"  {rows:,} tasks: {ms(show_n)}  (runs: "
              f"{', '.join(ms(r['show_s']) for r in many)})")
        totals_s = statistics.median(r["first_totals_s"] for r in many)
        print(f"  totals of all tasks ready {ms(totals_s)} later (worker thread; the table is "
              f"usable meanwhile)")
        print("scrolling (each a cold chunk, read from SQL):")
        print(f"  to the last row: {ms(scroll)}  (runs: "
              f"{', '.join(ms(r['scroll_last_s']) for r in many)}); last row shown: "
              f"{all(r['last_row_shown'] for r in many)}")
        jump = statistics.median(r["scroll_jump_median_s"] for r in many)
        print(f"  jumps to 10/25/50/75/90 %: median {ms(jump)}, "
              f"max {ms(max(r['scroll_jump_max_s'] for r in many))}")
        print(f"  200 page-downs: mean {ms(statistics.mean(r['page_down_mean_s'] for r in many))}"
              f", max {ms(max(r['page_down_max_s'] for r in many))}")
        print("filter changes: rows and count painted | totals ready (worker) | then a jump to "
              "the middle row:")
        for position, first in enumerate(many[0]["filters"]):
            rows_s, totals_s, jump_s = (
                statistics.median(r["filters"][position][key] for r in many)
                for key in ("rows_s", "totals_s", "jump_s"))
            print(f"  {first['label']:<38} {first['rows']:>9,} rows  {ms(rows_s):>10} | "
                  f"{ms(totals_s):>11} | {ms(jump_s):>9}")
        print(f"peak memory (max RSS): {memory:,.0f} MB at {rows:,} tasks, {memory_0:,.0f} MB "
              f"at 0")

        checks = [
            (ratio <= TARGET_RATIO, f"show ratio {rows:,} / 0 tasks", f"{ratio:.2f}",
             f"<= {TARGET_RATIO}"),
            (scroll <= TARGET_SCROLL_S, "scroll to the last row", ms(scroll),
             f"<= {ms(TARGET_SCROLL_S)}"),
            (platform <= TARGET_FILTER_S, "filter change (platform)", ms(platform),
             f"<= {ms(TARGET_FILTER_S)}"),
            (memory <= TARGET_MEMORY_MB, "peak memory", f"{memory:,.0f} MB",
             f"<= {TARGET_MEMORY_MB:.0f} MB"),
        ]
        print("\nsummary")
        for ok, label, value, target in checks:
            print(f"  {verdict(ok)}  {label:<32} {value:>12}  (target {target})")
        return 0 if all(ok for ok, *_ in checks) else 1
    finally:
        holder.cleanup()


if __name__ == "__main__":
    sys.exit(main())
