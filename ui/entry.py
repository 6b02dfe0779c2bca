"""The program's entry point: the `clickwage` command, `python -m ui` and the frozen app.

A command imports about 700 modules (SQLAlchemy, Babel, matplotlib for charts), which
make a few hundred thousand objects that live until the process ends. Python's cycle
collector would walk them again and again while they are imported, and once more at exit:
0.3 to 0.5 s of a `clickwage chart` that takes about 1.5 s. So the collector is paused
while importing the command line and what the command it names needs (ui.cli.prepare: the
command's module, and matplotlib for `chart`), those objects are set aside (gc.freeze)
before the command runs with the collector on, and what is left at exit is set aside too.
Tests call ui.cli.main() directly, with the collector as usual.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import NoReturn


def run(argv: Sequence[str] | None = None) -> NoReturn:
    arguments = list(sys.argv[1:] if argv is None else argv)
    gc.disable()
    try:
        from ui.cli import main, prepare

        prepare(arguments)
    finally:
        gc.freeze()
        gc.enable()
    code = main(arguments)
    gc.freeze()
    sys.exit(code)
