"""A command line that names its command imports and registers that command's module alone
(ui.cli.COMMAND_MODULES): it parses exactly as with every command registered, and the
others' imports (Alembic, the evidence model...) stay out of `clickwage chart`."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.i18n import Translator
from ui import cli

ROOT = Path(__file__).resolve().parents[2]
TR = Translator("en")


def commands_of(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_the_table_names_what_each_module_registers_in_the_order_of_help() -> None:
    listed = [name for commands in cli.COMMAND_MODULES.values() for name in commands]
    assert commands_of(cli.build_parser(TR)) == listed
    for module_name, commands in cli.COMMAND_MODULES.items():
        module = importlib.import_module(f"ui.commands.{module_name}")
        parser = cli.Parser(prog="clickwage")
        module.register(parser.add_subparsers(dest="command", parser_class=cli.Parser), TR)
        assert tuple(commands_of(parser)) == commands, module_name


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["chart", "wage"], "chart"),
        (["--data-dir", "chart", "report"], "report"),
        (["--data-dir=/x", "task", "list"], "task"),
        (["--data", "/x", "chart"], None),  # an abbreviated option: not guessed at
        (["--help"], None),
        (["--version"], None),
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_the_named_command(argv: list[str], word: str | None) -> None:
    assert cli.named_command(argv) == word


LINES = [
    ["chart", "wage", "--from", "2026-01-01", "--to", "2026-03-31", "--out", "w.png"],
    ["--data-dir", "/tmp/d", "report", "--month", "2026-02", "--json"],
    ["task", "add", "Prolific", "--reward", "1.00", "--status", "approved"],
    ["start", "Prolific", "--activity", "search", "--switch"],
    ["platform", "list", "--json"],
    ["evidence", "Prolific", "--out", "e.pdf"],
    ["import", "f.csv", "--format", "native", "--dry-run"],
    ["restore", "in.zip"],
    ["gui", "--demo"],
    ["settings", "show", "--json"],
    ["verify"],
]


def parsed(parser: cli.Parser, argv: list[str]) -> dict[str, object]:
    values = vars(parser.parse_args(argv))
    if "group_parser" in values:  # a parser object of its own: compared by name
        values["group_parser"] = values["group_parser"].prog
    return values


@pytest.mark.parametrize("argv", LINES)
def test_a_command_parses_as_with_every_command_registered(argv: list[str]) -> None:
    assert parsed(cli.build_parser(TR, argv), argv) == parsed(cli.build_parser(TR), argv)
    alone = commands_of(cli.build_parser(TR, argv)) != commands_of(cli.build_parser(TR))
    assert alone == (argv[0] != "gui")  # the window's command imports them all, as before


@pytest.mark.parametrize(
    "argv",
    [
        ["chart", "salary", "--out", "x.png"],
        ["chart", "wage"],
        ["chart", "wage", "--out", "x.png", "--bogus"],
        ["report", "--month"],
        ["task"],
        ["no-such-command"],
        ["--bogus"],
    ],
)
def test_a_bad_line_is_refused_in_the_same_words(argv: list[str]) -> None:
    def refusal(parser: cli.Parser) -> str:
        with pytest.raises(cli.UsageError) as error:
            args = parser.parse_args(argv)
            if getattr(args, "handler", None) is None:  # a group without its action
                raise cli.UsageError("no action")
        return str(error.value)

    assert refusal(cli.build_parser(TR, argv)) == refusal(cli.build_parser(TR))


def imported_by_prepare(argv: list[str], tmp_path: Path) -> list[str]:
    """What ui.cli.prepare(argv) imports, in a new process: the command modules, then
    whether Alembic, the evidence model and matplotlib are imported."""
    code = (
        "import sys\n"
        "from ui.cli import prepare\n"
        f"prepare({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('ui.commands.')))\n"
        "print([m in sys.modules for m in ('alembic', 'app.services.evidence', "
        "'matplotlib.figure')])\n"
    )
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path / "mpl"))
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_chart_command_imports_matplotlib_ahead_and_not_the_other_commands(
    tmp_path: Path,
) -> None:
    modules, heavy = imported_by_prepare(
        ["--data-dir", "d", "chart", "wage", "--out", "w.png"], tmp_path
    )
    assert modules == str(["ui.commands.chart_cmd", "ui.commands.common", "ui.commands.reporting"])
    assert heavy == str([False, False, True])


@pytest.mark.parametrize("argv", [["report", "--json"], ["gui"], ["--help"], ["nothing"]])
def test_other_command_lines_import_no_matplotlib_ahead(argv: list[str], tmp_path: Path) -> None:
    _modules, heavy = imported_by_prepare(argv, tmp_path)
    assert heavy.endswith("False]")
