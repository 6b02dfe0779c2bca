"""Helpers shared by the commands: sub-parser groups, TIME/DATE arguments, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app.domain.localtime import parse_date, parse_time
from app.i18n import Translator
from app.services import Services

Handler = Callable[[argparse.Namespace, Services], int]


def group(commands: Any, name: str, help_text: str) -> Any:
    """A command with sub-commands (`task add`, `task list`)."""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(group_parser=parser)
    return parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))


def command(commands: Any, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text
    )
    parser.set_defaults(handler=handler)
    return parser


def time_arg(services: Services, text: str | None, what: str) -> datetime | None:
    if text is None:
        return None
    ctx = services.ctx
    return parse_time(text, ctx.zone, ctx.clock.now(), ctx.tr, what=what)


def date_arg(tr: Translator, text: str | None, what: str) -> date | None:
    if text is None:
        return None
    return parse_date(text, tr, what=what)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(text: str) -> None:
    print(text)
