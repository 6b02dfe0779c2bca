"""The `clickwage` command: the composition root for the command line.

It parses arguments, builds the database, clock, zone, translator and
services, and hands them to a command in ui/commands/. No command opens the
window except `gui`; Qt is imported only inside the commands that need it.
Exit status: 0 done, 1 failure (or `verify` found tampering), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from app import __version__
from app.domain.clock import Clock, SystemClock
from app.domain.errors import ClickwageError, InvalidInput, StorageError
from app.domain.localtime import local_zone
from app.i18n import Translator, system_language

if TYPE_CHECKING:
    from app.services import Services

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# The modules of ui/commands and the commands each registers, in the order of --help.
# A command line that names its command registers (and imports) that module alone: the
# others import what `chart` or `report` never use (Alembic for `restore`, the evidence
# model...). A test checks this table against the modules.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "gui_cmd": ("gui",),
    "timer": ("start", "stop", "status"),
    "ledger": ("platform", "task", "payout", "event", "rate"),
    "settings_cmd": ("settings",),
    "reporting": ("report", "flags", "verify"),
    "chart_cmd": ("chart",),
    "evidence_cmd": ("evidence", "letter"),
    "data_cmd": ("import", "export", "backup", "restore"),
}
# Commands that still import every module: the window needs most of what they import (the
# services, SQLAlchemy...), best imported before it starts, under ui/entry.py's paused
# collector, as before.
EVERY_MODULE = frozenset({"gui"})


class UsageError(Exception):
    """argparse found the command line unusable."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def named_command(argv: Sequence[str]) -> str | None:
    """The command named on the line, when the words before it are only `--data-dir DIR`;
    None otherwise (no command, --help, --version, an abbreviated option...)."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--data-dir":
            index += 2
        elif word.startswith("--data-dir="):
            index += 1
        elif word.startswith("-"):
            return None
        else:
            return word
    return None


def command_modules(argv: Sequence[str] = ()) -> list[ModuleType]:
    """The modules of ui/commands that this command line needs: its command's alone when it
    names a known one, else all of them (for --help, or to list the commands in an error)."""
    word = named_command(argv)
    names = [name for name, commands in COMMAND_MODULES.items() if word in commands]
    if word in EVERY_MODULE:
        names = []
    return [importlib.import_module(f"ui.commands.{name}") for name in names or COMMAND_MODULES]


def prepare(argv: Sequence[str]) -> None:
    """Import what this command line needs before it runs: the modules of its command, and
    what that module's prepare() imports (matplotlib for `chart`). ui/entry.py calls this
    with the cycle collector paused."""
    modules = command_modules(argv)
    word = named_command(argv)
    if word in EVERY_MODULE or not any(word in names for names in COMMAND_MODULES.values()):
        return
    for module in modules:
        hook = getattr(module, "prepare", None)
        if callable(hook):
            with contextlib.suppress(Exception):  # met again, and reported, by the command
                hook()


def build_parser(tr: Translator, argv: Sequence[str] = ()) -> Parser:
    """The parser of every command, or only of the command `argv` names (see
    command_modules); for that command line both parse the same."""
    _ = tr.gettext
    parser = Parser(
        prog="clickwage",
        description=_(
            "A journal of your crowd work: time, income, real hourly wage, warnings "
            "and dispute evidence. Everything stays on this computer."
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("where the data lives (default: CLICKWAGE_DATA_DIR, else the user data folder)"),
    )
    parser.add_argument("--version", action="version", version=f"clickwage {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check the installation end to end and exit 0 or 1"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in command_modules(argv):
        module.register(commands, tr)
    return parser


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    tr = Translator(system_language())
    try:
        return _run(args_list, tr, clock or SystemClock())
    except UsageError as error:
        _say(f"{error}. " + tr.gettext("Run `clickwage --help` for the commands."))
        return EXIT_USAGE
    except InvalidInput as error:
        _say(str(error))
        return EXIT_USAGE
    except (StorageError, ClickwageError) as error:
        _say(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _say(tr.gettext("Interrupted; nothing more was written."))
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # never show a traceback to a user
        report = _save_crash_report()
        _say(
            tr.gettext(
                "Clickwage hit an unexpected problem ({error}); what was being written was not "
                "saved. Details are in {report}."
            ).format(error=type(error).__name__, report=report)
        )
        return EXIT_FAILURE


def _run(argv: list[str], tr: Translator, clock: Clock) -> int:
    parser = build_parser(tr, argv)
    args = parser.parse_args(argv)
    if args.self_test:
        from ui.commands import self_test

        return self_test.run(tr)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:  # a command group without its sub-command ("clickwage task")
        args.group_parser.print_help()
        return EXIT_USAGE
    if getattr(args, "needs_services", True) is False:
        return int(handler(args, tr))
    services = open_cli_services(args.data_dir, clock, tr)
    try:
        return int(handler(args, services))
    finally:
        services.close()


def open_cli_services(data_dir: str | None, clock: Clock, tr: Translator) -> Services:
    from app.services import open_user_services
    from app.storage.datadir import data_dir as resolve_data_dir
    from app.storage.location import data_folder_risk, risk_warning

    directory = resolve_data_dir(data_dir)
    services = open_user_services(directory, clock, local_zone())
    risk = data_folder_risk(directory)
    if risk is not None:
        _say(risk_warning(risk, services.ctx.tr))
    return services


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _save_crash_report() -> Path:
    from app.storage.datadir import cache_dir

    target = cache_dir() / "crash-report.txt"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        return Path("(unavailable)")
    return target


if __name__ == "__main__":
    sys.exit(main())
