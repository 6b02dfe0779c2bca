"""`chart KIND [--month YYYY-MM | --from DATE --to DATE] [--platform P] --out FILE`.

The format comes from the extension (.png, .svg or .pdf); any other is refused
(exit 2) before anything is computed. Without a period the chart covers the
last 12 months, this one included. matplotlib is imported only by this command.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from app.collector import collector_paused
from app.domain.localtime import local_date
from app.i18n import Translator
from app.services import Services
from ui.commands.common import command, say
from ui.commands.reporting import period_arguments, period_of

KINDS = ("income", "wage", "time", "payouts", "rejections")
DEFAULT_MONTHS = 12


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    chart = command(
        commands,
        "chart",
        _("draw a chart of your income, real hourly wage, time, payouts or rejections"),
        run_chart,
    )
    chart.add_argument(
        "kind", choices=KINDS, metavar="KIND", help=_("income, wage, time, payouts or rejections")
    )
    period_arguments(chart, tr)
    chart.add_argument("--platform", metavar="P", help=_("only this platform"))
    chart.add_argument(
        "--out", metavar="FILE", required=True, help=_("the file to write: .png, .svg or .pdf")
    )


def prepare() -> None:
    """Import matplotlib ahead (ui/entry.py calls this before the command runs, with the
    cycle collector paused: its objects are then set aside with the rest of the imports,
    instead of being walked by the collector once the chart is drawn)."""
    from app import charts

    _matplotlib_environment()
    charts.import_matplotlib()


def run_chart(args: argparse.Namespace, services: Services) -> int:
    from app import charts

    tr = services.ctx.tr
    out = Path(args.out).expanduser()
    charts.check_target(out, tr)  # a bad extension or folder is refused before any work
    first, end = chart_period(args, services)
    _matplotlib_environment()
    with collector_paused():
        data = charts.chart_data(args.kind, services, first, end, args.platform)
        charts.save_figure(charts.figure_for(args.kind, data, tr), out, tr)
    say(tr.gettext("Chart written to {path}.").format(path=out))
    return 0


def chart_period(args: argparse.Namespace, services: Services) -> tuple[date, date]:
    """--month or --from/--to as for `report`; by default the last 12 months, this one included."""
    from app.charts import last_months

    if args.month or args.first or args.last:
        return period_of(args, services)
    ctx = services.ctx
    return last_months(local_date(ctx.clock.now(), ctx.zone), DEFAULT_MONTHS)


def _matplotlib_environment() -> None:
    """A writable cache for matplotlib's font list, so fonts are not scanned on every run;
    and numpy's OpenBLAS on one thread: by default it starts one per core when imported,
    which wait for work spinning (about 0.1 s of CPU taken from the chart on a busy
    machine) while a chart multiplies no matrix big enough to share out."""
    from app.storage.datadir import cache_dir

    os.environ.setdefault("MPLCONFIGDIR", str(cache_dir() / "matplotlib"))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
