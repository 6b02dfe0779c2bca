"""`clickwage gui [--demo] [--screenshot DIR]`: the only command that opens the window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.i18n import Translator
from app.storage.datadir import data_dir
from ui.commands.common import command


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    gui = command(commands, "gui", _("open the window"), run_gui)  # type: ignore[arg-type]
    gui.set_defaults(needs_services=False)
    gui.add_argument("--demo", action="store_true",
                     help=_("use a throwaway demo data set instead of your data"))
    gui.add_argument("--screenshot", metavar="DIR",
                     help=_("render every page to DIR/<page>.png and exit"))


def run_gui(args: argparse.Namespace, tr: Translator) -> int:
    from ui.gui.main import run

    return run(
        data_dir(args.data_dir),
        demo=args.demo,
        screenshot_dir=Path(args.screenshot) if args.screenshot else None,
    )
