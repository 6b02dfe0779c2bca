"""`platform`, `task`, `payout`, `event` and `rate`: keeping the ledger."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.domain.errors import InvalidInput
from app.i18n import Translator
from app.services import Services
from app.services.catalogue import CatalogueService
from app.services.tasks import TaskFilter
from ui import text
from ui.commands.common import command, date_arg, group, print_json, say, time_arg


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    platform = group(commands, "platform", _("add and list the platforms you work on"))
    add = command(platform, "add", _("add a platform"), platform_add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--currency", metavar="CUR", help=_("its currency (default: home currency)"))
    add.add_argument("--url", metavar="URL")
    add.add_argument("--account", metavar="REF", help=_("your account id or e-mail there"))
    add.add_argument(
        "--min-wage",
        metavar="AMOUNT",
        help=_("your minimum hourly wage for it, in the home currency"),
    )
    add.add_argument("--max-payout-days", metavar="N", type=_days(tr))
    listing = command(platform, "list", _("list the platforms"), platform_list)
    listing.add_argument("--json", action="store_true")
    sign = command(platform, "sign", _("record a scam warning sign"), platform_sign)
    sign.add_argument("platform", metavar="PLATFORM")
    sign.add_argument(
        "sign",
        metavar="SIGN",
        help="upfront-fee, crypto-only, chat-recruitment, too-good-to-be-true, "
        "withdrawal-fee, credentials",
    )

    task = group(commands, "task", _("record tasks and their outcome"))
    task_add_parser = command(task, "add", _("record a task"), task_add)
    task_add_parser.add_argument("platform", metavar="PLATFORM")
    task_add_parser.add_argument("--reward", required=True, metavar="AMOUNT")
    task_add_parser.add_argument("--id", dest="external_id", metavar="EXT")
    task_add_parser.add_argument("--title", metavar="T")
    task_add_parser.add_argument("--requester", metavar="R")
    task_add_parser.add_argument("--status", default="pending", metavar="S")
    task_add_parser.add_argument("--started", metavar="TIME")
    task_add_parser.add_argument("--submitted", metavar="TIME")
    task_add_parser.add_argument("--decided", metavar="TIME")
    task_add_parser.add_argument("--duration", metavar="MINUTES")
    task_add_parser.add_argument("--earned", metavar="AMOUNT")
    task_add_parser.add_argument("--bonus", metavar="AMOUNT")
    task_add_parser.add_argument("--currency", metavar="CUR")
    task_add_parser.add_argument("--reason", metavar="TEXT")
    task_add_parser.add_argument("--note", metavar="TEXT")
    task_add_parser.add_argument("--json", action="store_true")
    update = command(task, "update", _("change a task's status or amounts"), task_update)
    update.add_argument("platform", metavar="PLATFORM")
    update.add_argument("external_id", metavar="EXT")
    update.add_argument("--status", metavar="S")
    update.add_argument("--at", metavar="TIME", help=_("when the status changed (default: now)"))
    update.add_argument("--earned", metavar="AMOUNT")
    update.add_argument("--bonus", metavar="AMOUNT")
    update.add_argument("--reason", metavar="TEXT")
    task_list_parser = command(task, "list", _("list tasks"), task_list)
    task_list_parser.add_argument("--platform", metavar="P")
    task_list_parser.add_argument("--status", metavar="S")
    task_list_parser.add_argument("--from", dest="first", metavar="DATE")
    task_list_parser.add_argument("--to", dest="last", metavar="DATE")
    task_list_parser.add_argument("--json", action="store_true")

    payout = group(commands, "payout", _("record withdrawals and when they arrive"))
    payout_add_parser = command(payout, "add", _("record a payout"), payout_add)
    payout_add_parser.add_argument("platform", metavar="PLATFORM")
    payout_add_parser.add_argument("amount", metavar="AMOUNT")
    payout_add_parser.add_argument("--requested", required=True, metavar="TIME")
    payout_add_parser.add_argument("--received", metavar="TIME")
    payout_add_parser.add_argument("--fee", metavar="AMOUNT")
    payout_add_parser.add_argument("--method", metavar="M")
    payout_add_parser.add_argument("--ref", metavar="REF")
    payout_add_parser.add_argument("--status", metavar="S")
    payout_add_parser.add_argument("--currency", metavar="CUR")
    payout_add_parser.add_argument(
        "--asks-for-money",
        action="store_true",
        help=_("the platform asks you to pay to get this payout (a scam warning sign)"),
    )
    payout_add_parser.add_argument("--json", action="store_true")
    receive = command(payout, "receive", _("mark a payout received"), payout_receive)
    receive.add_argument("payout_id", metavar="ID", type=_positive_id(tr))
    receive.add_argument("--at", required=True, metavar="TIME")
    receive.add_argument(
        "--amount",
        metavar="AMOUNT",
        help=_('the amount that arrived, with its currency if it differs ("95.20 EUR")'),
    )
    payout_list_parser = command(payout, "list", _("list payouts"), payout_list)
    payout_list_parser.add_argument("--platform", metavar="P")
    payout_list_parser.add_argument("--json", action="store_true")

    event = group(commands, "event", _("record account events (suspension, closure...)"))
    event_add_parser = command(event, "add", _("record an account event"), event_add)
    event_add_parser.add_argument("platform", metavar="PLATFORM")
    event_add_parser.add_argument(
        "kind",
        metavar="KIND",
        help="account_suspended, account_closed, balance_withheld, message, resolved, other",
    )
    event_add_parser.add_argument("--at", metavar="TIME")
    event_add_parser.add_argument("--amount", metavar="AMOUNT")
    event_add_parser.add_argument("--note", metavar="TEXT")
    event_add_parser.add_argument(
        "--asks-for-money",
        action="store_true",
        help=_("the platform asks you to pay (a fee, a deposit, a tax) to release your money"),
    )
    event_list_parser = command(event, "list", _("list account events"), event_list)
    event_list_parser.add_argument("--platform", metavar="P")
    event_list_parser.add_argument("--json", action="store_true")

    rate = group(commands, "rate", _("exchange rates to your home currency"))
    rate_set_parser = command(rate, "set", _("1 CUR = RATE units of the home currency"), rate_set)
    rate_set_parser.add_argument("currency", metavar="CUR")
    rate_set_parser.add_argument("rate", metavar="RATE")
    rate_set_parser.add_argument("--on", metavar="DATE", help=_("valid from (default: today)"))


def _days(tr: Translator) -> Any:
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) > 3650:
            raise argparse.ArgumentTypeError(
                tr.gettext("{value!r} is not a number of days (0 to 3650)").format(value=value)
            )
        return int(value)

    return parse


def _positive_id(tr: Translator) -> Any:
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) == 0:
            raise argparse.ArgumentTypeError(
                tr.gettext("{value!r} is not a payout number").format(value=value)
            )
        return int(value)

    return parse


def platform_add(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    added = CatalogueService.for_services(services).add_platform(
        args.name, args.currency, args.url, args.account, args.min_wage, args.max_payout_days
    )
    info = added.platform
    say(tr.gettext("Added {name} ({currency}).").format(name=info.name, currency=info.currency))
    for note in added.notes:
        say(note)
    return 0


def platform_list(args: argparse.Namespace, services: Services) -> int:
    platforms = services.platforms.list()
    home = services.settings.current().home_currency
    if args.json:
        print_json([p.as_json(home) for p in platforms])
        return 0
    tr = services.ctx.tr
    if not platforms:
        say(tr.gettext("No platforms yet: add one with `clickwage platform add NAME`."))
    for p in platforms:
        say(f"{p.name}\t{p.currency}" + (f"\t{p.url}" if p.url else ""))
    return 0


def platform_sign(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    added = services.platforms.add_sign(args.platform, args.sign)
    name = services.platforms.get(args.platform).name
    if added:
        say(
            tr.gettext("Recorded the warning sign {sign} for {platform}.").format(
                sign=args.sign, platform=name
            )
        )
    else:
        say(
            tr.gettext("The warning sign {sign} was already recorded for {platform}.").format(
                sign=args.sign, platform=name
            )
        )
    return 0


def task_add(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    info = services.tasks.add(
        args.platform,
        args.reward,
        external_id=args.external_id,
        title=args.title,
        requester=args.requester,
        status=args.status,
        started=time_arg(services, args.started, tr.gettext("start time")),
        submitted=time_arg(services, args.submitted, tr.gettext("submission time")),
        decided=time_arg(services, args.decided, tr.gettext("decision time")),
        duration_minutes=args.duration,
        earned=args.earned,
        bonus=args.bonus,
        currency=args.currency,
        reason=args.reason,
        note=args.note,
    )
    if args.json:
        print_json(info.as_json())
    else:
        say(
            tr.gettext("Recorded task {id} on {platform}: {reward}, {status}.").format(
                id=info.external_id or info.id,
                platform=info.platform,
                reward=text.money(info.reward, info.currency, tr),
                status=info.status,
            )
        )
    return 0


def task_update(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    if not any(v is not None for v in (args.status, args.earned, args.bonus, args.reason)):
        raise InvalidInput(
            tr.gettext("Nothing to change: give --status, --earned, --bonus or --reason.")
        )
    info = services.tasks.update(
        args.platform,
        args.external_id,
        status=args.status,
        at=time_arg(services, args.at, tr.gettext("time")),
        earned=args.earned,
        bonus=args.bonus,
        reason=args.reason,
    )
    say(
        tr.gettext("Task {id} on {platform} is now {status}.").format(
            id=info.external_id, platform=info.platform, status=info.status
        )
    )
    return 0


def task_list(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    first = date_arg(tr, args.first, tr.gettext("--from date"))
    last = date_arg(tr, args.last, tr.gettext("--to date"))
    if first and last and last < first:
        raise InvalidInput(
            tr.gettext("The --to date {last} is before the --from date {first}.").format(
                last=last, first=first
            )
        )
    tasks = services.tasks.list(TaskFilter(args.platform, args.status, first, last))
    if args.json:
        # Streamed: a million tasks are never held in memory at once.
        out = sys.stdout
        out.write("[")
        count = 0
        for info in tasks:
            out.write(",\n  " if count else "\n  ")
            out.write(json.dumps(info.as_json(), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return 0
    zone = services.ctx.zone
    for info in tasks:
        when = info.submitted_at or info.started_at or info.decided_at or info.recorded_at
        say(
            "\t".join(
                [
                    text.local_time(when, zone),
                    info.platform,
                    info.external_id or f"#{info.id}",
                    info.status,
                    text.money(info.reward, info.currency, tr),
                    info.title or "",
                ]
            )
        )
    return 0


def payout_add(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    requested = time_arg(services, args.requested, tr.gettext("request time"))
    assert requested is not None
    info = services.payouts.add(
        args.platform,
        args.amount,
        requested,
        received=time_arg(services, args.received, tr.gettext("receipt time")),
        fee=args.fee,
        method=args.method,
        reference=args.ref,
        status=args.status,
        currency=args.currency,
        asks_for_money=args.asks_for_money,
    )
    if args.json:
        print_json(info.as_json())
    else:
        say(
            tr.gettext("Recorded payout {id} from {platform}: {amount}, {status}.").format(
                id=info.id,
                platform=info.platform,
                amount=text.money(info.amount, info.currency, tr),
                status=info.status,
            )
        )
    return 0


def payout_receive(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    at = time_arg(services, args.at, tr.gettext("receipt time"))
    assert at is not None
    info = services.payouts.receive(args.payout_id, at, args.amount)
    delay = info.delay_seconds(services.ctx.clock.now()) or 0
    say(
        tr.gettext("Payout {id} from {platform} received after {days} days.").format(
            id=info.id, platform=info.platform, days=round(delay / 86400, 1)
        )
    )
    return 0


def payout_list(args: argparse.Namespace, services: Services) -> int:
    payouts = services.payouts.list(args.platform)
    if args.json:
        print_json([p.as_json() for p in payouts])
        return 0
    tr, zone = services.ctx.tr, services.ctx.zone
    for p in payouts:
        say(
            "\t".join(
                [
                    str(p.id),
                    text.local_time(p.requested_at, zone),
                    p.platform,
                    text.money(p.amount, p.currency, tr),
                    p.status,
                    text.local_time(p.received_at, zone),
                ]
            )
        )
    return 0


def event_add(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    info = services.events.add(
        args.platform,
        args.kind,
        time_arg(services, args.at, tr.gettext("event time")),
        args.amount,
        args.note,
        asks_for_money=args.asks_for_money,
    )
    say(tr.gettext("Recorded {kind} on {platform}.").format(kind=info.kind, platform=info.platform))
    return 0


def event_list(args: argparse.Namespace, services: Services) -> int:
    events = services.events.list(args.platform)
    if args.json:
        print_json([e.as_json() for e in events])
        return 0
    tr, zone = services.ctx.tr, services.ctx.zone
    for e in events:
        amount = text.money(e.amount, e.currency, tr) if e.amount is not None else ""
        say("\t".join([text.local_time(e.at, zone), e.platform, e.kind, amount, e.note or ""]))
    return 0


def rate_set(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    on = date_arg(tr, args.on, tr.gettext("--on date"))
    code, rate, day = services.rates.set(args.currency, args.rate, on)
    home = services.settings.current().home_currency
    say(
        tr.gettext("1 {currency} = {rate} {home} from {day}.").format(
            currency=code, rate=rate, home=home, day=day.isoformat()
        )
    )
    return 0
