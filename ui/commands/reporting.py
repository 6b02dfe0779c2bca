"""`report`, `flags` and `verify`."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.localtime import local_date, next_month, parse_month
from app.i18n import N_, Translator
from app.services import Services
from app.services.reports import PlatformReport, Report
from ui import text
from ui.commands.common import command, date_arg, print_json, say


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    report = command(
        commands, "report", _("time, income and real hourly wage per platform"), run_report
    )
    period_arguments(report, tr)
    report.add_argument("--platform", metavar="P")
    report.add_argument("--json", action="store_true")
    flags = command(
        commands, "flags", _("warnings: low wage, slow payouts, rejections..."), run_flags
    )
    flags.add_argument("--json", action="store_true")
    verify = command(
        commands, "verify", _("check that nothing was changed behind Clickwage's back"), run_verify
    )
    verify.add_argument("--json", action="store_true")


def period_arguments(parser: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser.add_argument("--month", metavar="YYYY-MM", help=_("a calendar month"))
    parser.add_argument("--from", dest="first", metavar="DATE", help=_("first day (included)"))
    parser.add_argument("--to", dest="last", metavar="DATE", help=_("last day (included)"))


def period_of(args: argparse.Namespace, services: Services) -> tuple[date, date]:
    """(first day, day after the last) from --month or --from/--to; default: this month."""
    tr = services.ctx.tr
    if args.month and (args.first or args.last):
        raise InvalidInput(tr.gettext("Give either --month or --from/--to, not both."))
    if args.month:
        return parse_month(args.month, tr)
    today = local_date(services.ctx.clock.now(), services.ctx.zone)
    first = date_arg(tr, args.first, tr.gettext("--from date"))
    last = date_arg(tr, args.last, tr.gettext("--to date"))
    if first is None and last is None:
        first = today.replace(day=1)
        return first, next_month(first)
    if first is None:
        assert last is not None
        first = last.replace(day=1)
    if last is None:
        last = today if first <= today else first
    if last < first:
        raise InvalidInput(
            tr.gettext("The --to date {last} is before the --from date {first}.").format(
                last=last, first=first
            )
        )
    return first, last + timedelta(days=1)


def run_report(args: argparse.Namespace, services: Services) -> int:
    first, end = period_of(args, services)
    report = services.reports.report(first, end, args.platform)
    if args.json:
        print_json(report.as_json())
    else:
        print_report(report, services.ctx.tr)
    return 0


def print_report(report: Report, tr: Translator) -> None:
    last = report.period.end - timedelta(days=1)
    say(
        tr.gettext("Report from {first} to {last} ({zone})").format(
            first=report.period.first.isoformat(), last=last.isoformat(), zone=report.timezone
        )
    )
    if not report.platforms:
        say(tr.gettext("No platforms yet: add one with `clickwage platform add NAME`."))
    for platform in report.platforms:
        say("")
        print_platform(platform, report.home_currency, tr)
    home = report.home_currency
    say("")
    if report.home_complete:
        say(
            tr.gettext("All platforms: {time} worked, net {net}, real hourly wage {wage}.").format(
                time=text.duration(report.seconds_total, tr),
                net=text.money(report.home_total("net"), home, tr),
                wage=text.hourly(report.effective_hourly, home, tr),
            )
        )
    else:
        say(
            tr.gettext(
                "All platforms: {time} worked; totals in {home} need the missing exchange rates."
            ).format(time=text.duration(report.seconds_total, tr), home=home)
        )


def print_platform(p: PlatformReport, home: str, tr: Translator) -> None:
    cur = p.platform.currency
    say(f"{p.platform.name} ({cur})")
    unpaid = ", ".join(
        f"{tr.gettext(ACTIVITY_LABELS[k])} {text.duration(v, tr)}"
        for k, v in p.time.seconds_by_activity.items()
        if v
    )
    say(
        "  "
        + tr.gettext("Time: {total} (paid tasks {paid}, unpaid {unpaid})").format(
            total=text.duration(p.time.seconds_total, tr),
            paid=text.duration(p.time.seconds_task, tr),
            unpaid=text.duration(p.time.seconds_unpaid, tr),
        )
        + (f": {unpaid}" if unpaid else "")
    )
    counts = ", ".join(f"{n} {status}" for status, n in p.totals.counts.items() if n)
    say("  " + tr.gettext("Tasks: {counts}").format(counts=counts or "0"))
    say(
        "  "
        + tr.gettext(
            "Earned {earned} (bonus {bonus}), fees {fees}, net {net}; "
            "pending {pending}, rejected {rejected}"
        ).format(
            earned=text.money(p.earned, cur, tr),
            bonus=text.money(p.totals.bonus, cur, tr),
            fees=text.money(p.fees, cur, tr),
            net=text.money(p.net, cur, tr),
            pending=text.money(p.totals.pending_value, cur, tr),
            rejected=text.money(p.totals.rejected_value, cur, tr),
        )
    )
    home_wage = text.hourly(p.home.effective_hourly, home, tr) if p.home else "—"
    say(
        "  "
        + tr.gettext(
            "Real hourly wage: {wage} ({home_wage}); per hour of paid tasks only: {nominal}"
        ).format(
            wage=text.hourly(p.effective_hourly, cur, tr),
            home_wage=home_wage,
            nominal=text.hourly(p.nominal_hourly, cur, tr),
        )
    )
    for flag in p.flags:
        say("  ! " + flag.message)


ACTIVITY_LABELS = {
    "search": N_("searching"),
    "qualification": N_("qualification"),
    "communication": N_("messages"),
    "payment": N_("payments"),
    "other": N_("other"),
}


def run_flags(args: argparse.Namespace, services: Services) -> int:
    found = services.reports.current_flags()
    if args.json:
        print_json([{"platform": name, **flag.as_json()} for name, flag in found])
        return 0
    tr = services.ctx.tr
    if not found:
        say(tr.gettext("No warnings."))
    for _name, flag in found:
        say("! " + flag.message)
    if any(flag.code == "scam_risk" for _name, flag in found):
        from app.i18n import system_country
        from app.services.catalogue import CatalogueService

        catalogue = CatalogueService.for_services(services)
        say("")
        say(catalogue.scam_advice(catalogue.country() or system_country()).as_text(tr))
    return 0


def run_verify(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    result = services.audit.verify()
    if args.json:
        print_json(result.as_json())
    elif result.intact:
        say(
            tr.gettext(
                "Intact: {records} records and {entries} audit entries check out. Chain "
                "head: {head}"
            ).format(records=result.records, entries=result.entries, head=result.head)
        )
    else:
        say(
            tr.ngettext(
                "{count} problem found:", "{count} problems found:", len(result.problems)
            ).format(count=len(result.problems))
        )
        for problem in result.problems:
            say("  " + problem.message)
    return 0 if result.intact else 1
