"""Benchmark: an evidence report of 10,000 tasks (and of 50,000) from the ledger to a PDF.

Run by hand, never in CI:

    .venv/bin/python bench/evidence_scale.py [--tasks 10000 50000] [--runs 3] [--lang en]
                                             [--keep DIR [--reuse]] [--whole-database]
                                             [--profile]

For each size it fills a fresh data directory through the services (one platform, one
month of tasks written with TaskService.bulk_insert as an import would, a work session a
day through the timer, payouts and an account event; a few tasks edited afterwards so
that the "edited" marks and the audit look-ups are exercised), then times, in-process:

  model   EvidenceService.build(): the records, the report, the audit head, the integrity
          check of the report's records (`AuditService.verify_records`: the whole audit
          chain, which records exist, the content of the report's own records; with
          --whole-database the whole database, `clickwage verify`), the canonical CSV and
          its SHA-256;
  layout  ui.render: the pages laid out (every cell measured, wrapped when needed);
  paint   painting every page with QPainter on a QPdfWriter, the CSV embedded;

The first run of each size is not counted. It prints the time to PDF (model + layout +
paint) against the targets: 10,000 tasks
in 2 s or less, and the largest size in at most 5.5 times the 10,000-task time per
10,000 tasks. The machine's load is printed too: timings on a busy machine are slow and
noisy, and a change of load between the sizes weighs on the ratio. `--keep DIR --reuse`
measures the data kept under DIR again without filling it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.clock import FakeClock  # noqa: E402
from app.domain.statuses import Activity, TaskStatus  # noqa: E402
from app.i18n import Translator  # noqa: E402
from app.services import Services, open_services  # noqa: E402
from app.services.evidence import EvidenceService  # noqa: E402

ZONE = ZoneInfo("Europe/Paris")
FIRST, END = date(2026, 2, 1), date(2026, 3, 1)
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
TARGET_10K_S = 2.0
TARGET_RATIO_PER_10K = 5.5 / 5  # 50,000 tasks in at most 5.5 x the 10,000 time
TITLES = (
    "Transcribe a receipt",
    "Tag objects in an image",
    "Categorize products",
    "Rate the sentiment of short texts",
    "Find the company website",
    "Short academic survey (5 minutes)",
    "Draw boxes around cars",
    "Judge search result relevance",
    "Décrire une image en une phrase",
)
REQUESTERS = (
    "North Lab",
    "Bright Research",
    "Data Insights",
    "Behavioral Studies",
    "Open Panel",
    "Pixel Tasks",
    "Civic Analytics",
    "Neuro Institute",
)
REASONS = (
    "Failed attention check",
    "Answers too short",
    "Duplicate submission",
    "Did not follow the instructions for the third image",
)
STATUSES = (
    (TaskStatus.APPROVED, 900),
    (TaskStatus.REJECTED, 30),
    (TaskStatus.PENDING, 40),
    (TaskStatus.RETURNED, 20),
    (TaskStatus.PARTIALLY_APPROVED, 10),
)


def fill(services: Services, clock: FakeClock, tasks: int, seed: int) -> None:
    rng = random.Random(seed)
    services.platforms.add("Amazon Mechanical Turk", "USD", account_ref="A1B2C3D4E5")
    services.rates.set("USD", "0.92", on=date(2026, 1, 1))
    platform_id = services.platforms.get("Amazon Mechanical Turk").id
    days = (END - FIRST).days
    per_day = max(1, tasks // days)
    statuses = tuple(s for s, weight in STATUSES for _ in range(weight))
    rows: list[dict[str, Any]] = []
    written = 0
    for offset in range(days):
        day_start = datetime.combine(
            FIRST + timedelta(days=offset), datetime.min.time(), tzinfo=ZONE
        ).astimezone(UTC)
        begin = day_start + timedelta(hours=8)
        clock.set(begin)
        services.timer.start("Amazon Mechanical Turk", Activity.SEARCH)
        cursor = int((begin + timedelta(minutes=15)).timestamp())
        clock.set(datetime.fromtimestamp(cursor, UTC))
        services.timer.start("Amazon Mechanical Turk", Activity.TASK, switch=True)
        count = per_day if offset < days - 1 else tasks - written
        for _ in range(count):
            duration = rng.randint(10, 40)  # 50,000 tasks a month still fit in the days
            status = rng.choice(statuses)
            reward = rng.choice((1, 2, 5, 10, 12, 25, 50, 100, 150))
            decided = cursor + duration + rng.randint(600, 3 * 86400)
            rows.append(
                {
                    "platform_id": platform_id,
                    "external_id": f"3MTK{written:010d}AZ{rng.randint(0, 99999):05d}",
                    "title": rng.choice(TITLES),
                    "requester": rng.choice(REQUESTERS),
                    "reward": reward,
                    "earned": reward // 2 if status == TaskStatus.PARTIALLY_APPROVED else None,
                    "bonus": rng.choice((0,) * 30 + (5, 10)),
                    "currency": "USD",
                    "status": status.value,
                    "started_at": cursor,
                    "submitted_at": cursor + duration,
                    "decided_at": None
                    if status in (TaskStatus.PENDING, TaskStatus.RETURNED)
                    else min(decided, int(NOW.timestamp()) - 3600),
                    "duration_s": duration,
                    "reason": rng.choice(REASONS) if status == TaskStatus.REJECTED else None,
                }
            )
            cursor += duration + rng.randint(1, 6)
            written += 1
        clock.set(datetime.fromtimestamp(cursor + 60, UTC))
        services.timer.stop()
        if offset % 7 == 6:
            clock.set(datetime.fromtimestamp(cursor + 600, UTC))
            services.payouts.add(
                "Amazon Mechanical Turk",
                f"{rng.randint(20, 90)}.00",
                datetime.fromtimestamp(cursor + 300, UTC),
                method="Bank transfer",
                reference=f"W{offset}",
            )
    clock.set(NOW - timedelta(days=1))
    services.tasks.bulk_insert(rows, "import:mturk-batch", {"file": "bench.csv"})
    services.events.add(
        "Amazon Mechanical Turk",
        "balance_withheld",
        at=datetime(2026, 2, 25, 10, 0, tzinfo=UTC),
        amount="23.40",
        note="Withdrawal held: 'under review'",
    )
    clock.set(NOW - timedelta(hours=2))
    listed = list(services.tasks.list())
    for task in rng.sample(listed, min(25, len(listed))):
        services.tasks.edit(task.id, title=(task.title or "") + " (corrected)")
    clock.set(NOW)


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return f"{os.cpu_count()} CPUs"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def measure(services: Services, out: Path, lang: str, whole: bool) -> dict[str, float]:
    from ui.render import layout_for, write_pdf

    evidence = EvidenceService(services)
    clock = time.perf_counter
    cpu = time.process_time
    begin, begin_cpu = clock(), cpu()
    model = evidence.build(
        "Amazon Mechanical Turk",
        FIRST,
        END,
        language=lang,
        name="Bench Worker",
        whole_database=whole,
    )
    built, built_cpu = clock(), cpu()
    document = model.document()
    layout = layout_for(document, "a4")
    laid, laid_cpu = clock(), cpu()
    pages = write_pdf(document, out, "a4", layout=layout)
    done, done_cpu = clock(), cpu()
    return {
        "model": built - begin,
        "layout": laid - built,
        "paint": done - laid,
        "total": done - begin,
        "model cpu": built_cpu - begin_cpu,
        "layout cpu": laid_cpu - built_cpu,
        "paint cpu": done_cpu - laid_cpu,
        "total cpu": done_cpu - begin_cpu,
        "pages": pages,
        "rows": len(model.section("tasks").table.rows),
        "bytes": out.stat().st_size,
    }


@dataclass
class Size:
    """One data set: its services, where its PDF goes, and its measures."""

    tasks: int
    services: Services
    out: Path
    results: list[dict[str, float]] = field(default_factory=list)


def prepare(tasks: int, lang: str, directory: Path, reuse: bool) -> Size:
    clock = FakeClock(NOW)
    filled = reuse and (directory / "data").is_dir()
    services = open_services(directory / "data", clock, ZONE, Translator(lang), "FR")
    begin = time.perf_counter()
    if filled:
        print(f"{tasks:,} tasks: reusing {directory / 'data'}")
    else:
        fill(services, clock, tasks, seed=tasks)
        print(f"{tasks:,} tasks: filled in {time.perf_counter() - begin:,.1f} s")
    return Size(tasks, services, directory / f"evidence-{tasks}.pdf")


def report_size(size: Size) -> tuple[float, float]:
    """Print the figures of one size; (median seconds to PDF, median CPU seconds)."""
    first, timed = size.results[0], size.results[1:]
    print(
        f"\n{size.tasks:,} tasks: {first['rows']:,} task rows, {first['pages']:,} pages, "
        f"{first['bytes'] / 1_000_000:,.1f} MB PDF ({size.out})"
    )
    for key in ("model", "layout", "paint", "total"):
        values = [r[key] for r in timed]
        cpu_values = [r[f"{key} cpu"] for r in timed]
        print(
            f"  {key:<7} median {statistics.median(values):6.3f} s, "
            f"min {min(values):6.3f} s (first run {first[key]:.3f} s); "
            f"CPU time median {statistics.median(cpu_values):6.3f} s"
        )
    return (
        float(statistics.median(r["total"] for r in timed)),
        float(statistics.median(r["total cpu"] for r in timed)),
    )


def run_sizes(
    counts: list[int],
    runs: int,
    lang: str,
    keep: Path | None,
    reuse: bool,
    whole: bool,
    profile: bool,
) -> dict[int, tuple[float, float]]:
    """Fill (or reuse) and measure each size in turn, smallest first."""
    medians: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="clickwage-evidence-bench-") as scratch:
        root = keep if keep is not None else Path(scratch)
        for count in counts:
            size = prepare(count, lang, root / f"tasks-{count}", reuse)
            try:
                for _ in range(runs + 1):
                    size.results.append(measure(size.services, size.out, lang, whole))
                medians[count] = report_size(size)
                if profile:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    measure(size.services, size.out, lang, whole)
                    profiler.disable()
                    stream = io.StringIO()
                    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(20)
                    print(stream.getvalue())
            finally:
                size.services.close()
    return medians


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--runs", type=int, default=3, help="timed runs after a first one (3)")
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.add_argument("--keep", type=Path, help="keep the data and PDFs under DIR")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: measure the data kept there again, if any",
    )
    parser.add_argument(
        "--whole-database",
        action="store_true",
        help="check the whole database (`clickwage verify`) in the model",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = parser.parse_args(argv)
    from ui.render import ensure_application, ensure_fonts

    ensure_application()
    ensure_fonts()
    print(f"Clickwage evidence benchmark: Python {sys.version.split()[0]}; {load()}")
    measured = run_sizes(
        args.tasks, args.runs, args.lang, args.keep, args.reuse, args.whole_database, args.profile
    )
    medians = {tasks: figures[0] for tasks, figures in measured.items()}
    cpu = {tasks: figures[1] for tasks, figures in measured.items()}
    print(f"\nsummary ({load()}; CPU time is this process's own, less sensitive to a busy machine)")
    ok = True
    base = medians.get(10_000)
    for tasks, median in medians.items():
        line = f"  {tasks:>7,} tasks: {median:6.2f} s to PDF ({cpu[tasks]:.2f} s CPU)"
        if tasks == 10_000:
            good = median <= TARGET_10K_S
            line += f"  (target <= {TARGET_10K_S:.1f} s): {verdict(good)}"
            ok &= good
        elif base is not None and tasks > 10_000:
            ratio = median / base
            allowed = TARGET_RATIO_PER_10K * tasks / 10_000
            good = ratio <= allowed
            line += (
                f"  = {ratio:.2f} x the 10,000-task time (target <= {allowed:.1f} x): "
                f"{verdict(good)}"
            )
            ok &= good
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
