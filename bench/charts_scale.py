"""Benchmark: the Charts page and `clickwage chart` on three years of a heavy crowd worker's ledger.

Run by hand, never in CI:

    .venv/bin/python bench/charts_scale.py [--tasks 1000000] [--keep DIR [--reuse]]
                                           [--runs 5] [--seed 20261128] [--profile]
                                           [--no-cli | --cli-only] [--kinds KIND...]

It fills a data directory exactly as bench/report_scale.py does (it imports its
filler; a directory kept by either script can be measured by the other with
--reuse), with the clock fixed at 2026-11-28 12:00 UTC in Europe/Paris. Then:

1. The window (offscreen Qt): the Charts page shown on "Last 3 months" with
   matplotlib already warm; each run times the choice of "Last 12 months" until
   all five canvases have drawn (their Agg draw_event), then until the period's
   warnings are listed. Three cases: the page stayed idle a moment and read the
   last 12 months ahead on its worker thread (what it does; the target's case),
   only the 3 months shown are cached, nothing is cached. Target: <= 500 ms to
   the five charts.
2. Where that time goes: the twelve monthly reports, one report of the whole
   period (the warnings), building the artists and rendering them.
3. `clickwage chart KIND --from 2025-12-01 --to 2026-11-30 --out FILE.png` as a
   user runs it (a new process, the real clock, matplotlib's font cache warm), for
   each of --kinds (all five by default), taking turns: min(--runs, 3) times each, or
   --runs times with --cli-only (which skips 1 and 2). The CPU time of each command is
   printed with its wall time. Target: <= 2 s including start-up.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import heavy_ledger  # noqa: E402  (the ledger bench/report_scale.py fills)
import report_scale  # noqa: E402  (load(), checkpoint())

from app.domain.clock import FakeClock  # noqa: E402
from app.i18n import Translator  # noqa: E402
from app.services import open_services  # noqa: E402
from app.storage.datadir import DATABASE_FILE  # noqa: E402

NOW, ZONE = heavy_ledger.NOW, heavy_ledger.ZONE
LAST_12 = (date(2025, 12, 1), date(2026, 12, 1))  # "Last 12 months" on 2026-11-28
TARGET_PAGE_S = 0.500
TARGET_CLI_S = 2.0
KINDS = ("income", "wage", "time", "payouts", "rejections")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def verdict(seconds: float, target: float) -> str:
    return "PASS" if seconds <= target else "MISS"


class Stopwatch:
    """Sums the time spent in a function while installed (wraps it on its owner)."""

    def __init__(self, owner: Any, name: str) -> None:
        self.owner, self.name = owner, name
        self.original = getattr(owner, name)
        self.total = 0.0
        self.calls = 0
        original = self.original

        def timed(*args: Any, **kwargs: Any) -> Any:
            begin = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - begin
                self.calls += 1

        setattr(owner, name, timed)

    def reset(self) -> None:
        self.total, self.calls = 0.0, 0

    def remove(self) -> None:
        setattr(self.owner, self.name, self.original)


def measure_page(directory: Path, runs: int, profile: bool) -> tuple[float, list[str]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import charts
    from ui.gui.context import GuiContext
    from ui.gui.pages.charts import ChartsPage

    lines: list[str] = []
    app = QApplication.instance() or QApplication([])
    services = open_services(directory, FakeClock(NOW), ZONE, Translator("en"), "FR")
    config = tempfile.TemporaryDirectory(prefix="clickwage-bench-config-")
    try:
        settings = QSettings(str(Path(config.name) / "window.ini"), QSettings.Format.IniFormat)
        settings.setValue("charts/period", "last3")
        begin = time.perf_counter()
        charts.prewarm()
        lines.append(
            f"matplotlib import and warm-up (done in the background in the app): "
            f"{ms(time.perf_counter() - begin)}"
        )
        context = GuiContext(services, settings)
        page = ChartsPage(context)
        page.resize(1100, 900)
        begin = time.perf_counter()
        page.show()
        drawn = {kind: 0 for kind in KINDS}
        drawn_at = {kind: 0.0 for kind in KINDS}  # when each canvas last finished drawing

        def on_drawn(kind: str) -> None:
            drawn[kind] += 1
            drawn_at[kind] = time.perf_counter()

        wait_for(app, lambda: bool(page.canvases))
        for kind, canvas in page.canvases.items():
            canvas.mpl_connect("draw_event", lambda _e, k=kind: on_drawn(k))
        wait_for(app, lambda: all(drawn.values()) and "Checking" not in page.flags_label.text())
        sizes = sorted({c.get_width_height(physical=True) for c in page.canvases.values()})
        lines.append(f"canvas sizes (pixels): {sizes}")
        lines.append(
            f'first show on "Last 3 months" (Qt canvases created): '
            f"{ms(time.perf_counter() - begin)}"
        )

        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        watches = {
            "monthly reports (chart data)": Stopwatch(charts, "chart_set"),
            "period report (warnings)": Stopwatch(services.reports, "report"),
            "building the artists": Stopwatch(charts, "draw_chart"),
            "rendering (Agg)": Stopwatch(FigureCanvasQTAgg, "draw"),
        }
        read_ahead = page._prefetch
        results: dict[str, tuple[list[float], list[float], dict[str, list[float]]]] = {}
        # "ahead": the page showed "Last 3 months" and stayed idle a moment: it read the last
        #   12 months' reports ahead (what the page does while nobody touches it);
        # "warm": it showed "Last 3 months" (those 3 months cached), no time to read ahead;
        # "cold": nothing cached (the data changed just before the choice).
        for mode in ("ahead", "warm", "cold"):
            to_charts: list[float] = []
            to_flags: list[float] = []
            parts: dict[str, list[float]] = {label: [] for label in watches}
            page._prefetch = read_ahead if mode == "ahead" else (lambda: None)
            for _run in range(runs):
                page._clear_caches()
                choose(page, "last3")
                wait_for(
                    app, lambda: "Checking" not in page.flags_label.text() and not page._worker.busy
                )
                process(app)
                if mode == "cold":
                    page._clear_caches()
                for watch in watches.values():
                    watch.reset()
                before = dict(drawn)
                begin = time.perf_counter()
                choose(page, "last12")
                wait_for(app, lambda before=before: all(drawn[k] > before[k] for k in KINDS))
                charts_done = max(drawn_at.values()) - begin
                rendering = watches["rendering (Agg)"].total  # the warnings come after this
                wait_for(app, lambda: "Checking" not in page.flags_label.text())
                to_charts.append(charts_done)
                to_flags.append(time.perf_counter() - begin)
                for label, watch in watches.items():
                    parts[label].append(rendering if label == "rendering (Agg)" else watch.total)
            results[mode] = (to_charts, to_flags, parts)
        page._prefetch = read_ahead
        assert page.selected_period() == LAST_12, page.selected_period()
        for watch in watches.values():
            watch.remove()
        median = statistics.median(results["ahead"][0])
        for mode, (to_charts, to_flags, parts) in results.items():
            cached = {
                "ahead": "the page read the last 12 months ahead while idle on Last 3 months",
                "warm": "Last 3 months was shown: 3 of the 12 months' reports cached",
                "cold": "nothing cached",
            }[mode]
            got = statistics.median(to_charts)
            lines.append(
                f'choosing "Last 12 months" ({cached}) -> all five charts drawn: '
                f"median {ms(got)}, min {ms(min(to_charts))} over {runs} runs"
                + (
                    f"; target <= {ms(TARGET_PAGE_S)}: {verdict(got, TARGET_PAGE_S)}"
                    if mode == "ahead"
                    else ""
                )
            )
            lines.append(
                f"  ... then the period's warnings listed: median {ms(statistics.median(to_flags))}"
            )
            lines.append(
                "  where the time goes (medians; the reports are read on the page's worker thread):"
            )
            for label, values in parts.items():
                lines.append(f"    {label:<32} {ms(statistics.median(values)):>10}")
        reports = services.reports
        months = charts.month_slices(*LAST_12, Translator("en"))
        monthly = timed(lambda: [reports.report(m.first, m.end) for m in months], 3)
        yearly = timed(lambda: reports.report(*LAST_12), 3)
        lines.append(
            f"  the report service alone: 12 monthly reports {ms(monthly)}, one report "
            f"of the 12 months {ms(yearly)}"
        )
        tasks = sum(sum(p.totals.counts.values()) for p in reports.report(*LAST_12).platforms)
        lines.append(f"  ({tasks:,} tasks in those 12 months)")
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            charts.chart_set(services, *LAST_12)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
            lines.append("\n--- cProfile: chart_set(last 12 months), by cumulative time ---")
            lines.append(out.getvalue())
        page.stop_timers()
        page.close()
        page.deleteLater()
        process(app)
        return median, lines
    finally:
        services.close()
        config.cleanup()


def choose(page: Any, key: str) -> None:
    index = page.period_combo.findData(key)
    page.period_combo.setCurrentIndex(index)
    page.period_combo.activated.emit(index)


def process(app: Any) -> None:
    for _ in range(3):
        app.processEvents()


def wait_for(app: Any, condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the page did not finish drawing")
        app.processEvents()
        time.sleep(0.0005)


def timed(function: Callable[[], Any], runs: int) -> float:
    function()
    values = []
    for _ in range(runs):
        begin = time.perf_counter()
        function()
        values.append(time.perf_counter() - begin)
    return statistics.median(values)


def measure_cli(
    directory: Path, runs: int, kinds: tuple[str, ...]
) -> tuple[dict[str, float], list[str]]:
    """Each kind's median wall time; the kinds take turns, so that a busy moment of the
    machine falls on all of them. The CPU time (user + system) of each run is printed too:
    on a shared machine it varies less than the wall time."""
    lines: list[str] = []
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="clickwage-bench-cli-") as scratch:
        env = dict(
            os.environ,
            TZ="Europe/Paris",
            LANG="fr_FR.UTF-8",
            LANGUAGE="en",
            LC_ALL="",
            MPLCONFIGDIR=str(Path(scratch) / "mpl"),
        )
        env.pop("QT_QPA_PLATFORM", None)

        def run(*arguments: str) -> tuple[float, float | None]:
            """(wall, CPU) seconds of `python -m ui ARGUMENTS` (CPU None without wait4)."""
            begin = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "ui", *arguments],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
                cwd=ROOT,
            )
            cpu = None
            if hasattr(os, "wait4"):
                _pid, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
            else:
                process.wait(timeout=300)
            elapsed = time.perf_counter() - begin
            assert process.stderr is not None
            errors = process.stderr.read().decode(errors="replace")
            process.stderr.close()
            if process.returncode != 0:
                raise RuntimeError(f"clickwage {' '.join(arguments)} failed: {errors}")
            return elapsed, cpu

        def chart(kind: str) -> tuple[float, float | None]:
            out = Path(scratch) / f"{kind}.png"
            period = ["--from", LAST_12[0].isoformat(), "--to", "2026-11-30"]
            return run("--data-dir", str(directory), "chart", kind, *period, "--out", str(out))

        def cpu_text(values: list[float | None]) -> str:
            known = [value for value in values if value is not None]
            return f" (CPU median {ms(statistics.median(known))})" if known else ""

        # Builds matplotlib's font cache once, as the first run on a machine does.
        wall, _cpu = chart("payouts")
        lines.append(f"first run ever (matplotlib font cache built): {ms(wall)}")
        wall, cpu = run("--version")
        lines.append(
            f"`clickwage --version` (Python start-up, all the commands imported): {ms(wall)}"
            + cpu_text([cpu])
        )
        timings: dict[str, list[tuple[float, float | None]]] = {kind: [] for kind in kinds}
        for _round in range(runs):
            for kind in kinds:
                timings[kind].append(chart(kind))
        for kind in kinds:
            walls = [wall for wall, _cpu in timings[kind]]
            results[kind] = statistics.median(walls)
            lines.append(
                f"clickwage chart {kind:<10} (12 months, PNG): median {ms(results[kind])}"
                + cpu_text([cpu for _wall, cpu in timings[kind]])
                + f", min {ms(min(walls))}; target <= {ms(TARGET_CLI_S)}: "
                f"{verdict(results[kind], TARGET_CLI_S)}"
            )
    return results, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1_000_000, help="tasks to fill (1000000)")
    parser.add_argument("--keep", type=Path, help="fill this directory and keep it")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: measure the existing data there, do not fill",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs (5)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print a cProfile of the chart data for 12 months",
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the `chart` command")
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="only the `chart` command, --runs times (the page is skipped)",
    )
    parser.add_argument(
        "--kinds", nargs="+", choices=KINDS, default=list(KINDS), help="the commands' charts"
    )
    args = parser.parse_args(argv)
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep DIR")
    if args.no_cli and args.cli_only:
        parser.error("--no-cli and --cli-only exclude each other")
    holder = None
    if args.keep:
        directory = args.keep.expanduser().resolve()
        exists = (directory / DATABASE_FILE).exists()
        if exists and not args.reuse:
            parser.error(f"{directory} already holds a database: add --reuse")
        if args.reuse and not exists:
            parser.error(f"{directory} holds no database to reuse")
    else:
        holder = tempfile.TemporaryDirectory(prefix="clickwage-bench-")
        directory = Path(holder.name) / "data"
    mpl = tempfile.TemporaryDirectory(prefix="clickwage-bench-mpl-")
    os.environ["MPLCONFIGDIR"] = mpl.name
    try:
        print(f"Clickwage charts benchmark: Python {sys.version.split()[0]}; {report_scale.load()}")
        print(f"data dir: {directory}{' (temporary)' if holder else ''}")
        if not args.reuse:
            services = open_services(directory, FakeClock(NOW), ZONE, Translator("en"), "FR")
            try:
                print(
                    f"filling {args.tasks:,} tasks (bench/heavy_ledger.py) ...", flush=True
                )
                begin = time.perf_counter()
                heavy_ledger.fill(services, services.ctx.clock, args.tasks, args.seed)  # type: ignore[arg-type]
                print(f"fill: {time.perf_counter() - begin:,.1f} s")
            finally:
                services.close()
            report_scale.checkpoint(directory / DATABASE_FILE)
        page_median: float | None = None
        if not args.cli_only:
            print("\nthe Charts page (offscreen, matplotlib warm, clock 2026-11-28 12:00 UTC):")
            page_median, lines = measure_page(directory, args.runs, args.profile)
            print("\n".join("  " + line for line in lines))
        cli: dict[str, float] = {}
        if not args.no_cli:
            print("\n`clickwage chart` as a new process (real clock; period given explicitly):")
            runs = args.runs if args.cli_only else max(1, min(args.runs, 3))
            cli, lines = measure_cli(directory, runs, tuple(args.kinds))
            print("\n".join("  " + line for line in lines))
        print(f"\nsummary ({report_scale.load()})")
        if page_median is not None:
            print(
                f"  {verdict(page_median, TARGET_PAGE_S)}  page: last 12 months, five charts "
                f"{ms(page_median):>10}  (target <= {ms(TARGET_PAGE_S)})"
            )
        for kind, seconds in cli.items():
            print(
                f"  {verdict(seconds, TARGET_CLI_S)}  clickwage chart {kind:<10}"
                f"{ms(seconds):>21}  (target <= {ms(TARGET_CLI_S)})"
            )
        passed = (page_median is None or page_median <= TARGET_PAGE_S) and all(
            s <= TARGET_CLI_S for s in cli.values()
        )
        return 0 if passed else 1
    finally:
        mpl.cleanup()
        if holder is not None:
            holder.cleanup()


if __name__ == "__main__":
    sys.exit(main())
