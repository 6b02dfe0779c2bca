"""`settings set KEY VALUE` and `settings show`."""

from __future__ import annotations

import argparse
from typing import Any

from app.i18n import Translator
from app.services import Services
from app.services.settings import SPECS
from ui.commands.common import command, group, print_json, say


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    settings = group(commands, "settings", _("thresholds, home currency, language"))
    set_parser = command(settings, "set", _("change a setting"), run_set)
    set_parser.add_argument("key", metavar="KEY", help=", ".join(spec.key for spec in SPECS))
    set_parser.add_argument("value", metavar="VALUE")
    show = command(settings, "show", _("show the settings"), run_show)
    show.add_argument("--json", action="store_true")


def run_set(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    stored = services.settings.set(args.key, args.value)
    say(tr.gettext("{key} = {value}").format(key=args.key, value=stored))
    return 0


def run_show(args: argparse.Namespace, services: Services) -> int:
    values = services.settings.current().display()
    if args.json:
        print_json(values)
        return 0
    tr = services.ctx.tr
    width = max(len(key) for key in values)
    for spec in SPECS:
        say(f"{spec.key.ljust(width)}  {values[spec.key]}    # {tr.gettext(spec.title)}")
    return 0
