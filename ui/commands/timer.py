"""`start`, `stop`, `status`."""

from __future__ import annotations

import argparse
from typing import Any

from app.domain.statuses import Activity
from app.i18n import Translator
from app.services import Services
from app.services.validation import choice
from ui import text
from ui.commands.common import command, print_json, say, time_arg


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    start = command(commands, "start", _("start the timer on a platform"), run_start)
    start.add_argument("platform", metavar="PLATFORM")
    start.add_argument(
        "--activity",
        default="task",
        metavar="KIND",
        help=_(
            "what the time goes on: task, search, qualification, "
            "communication, payment or other (default: task)"
        ),
    )
    start.add_argument("--at", metavar="TIME", help=_("when it started (default: now)"))
    start.add_argument("--note", metavar="TEXT")
    start.add_argument(
        "--switch", action="store_true", help=_("stop the running session at the same moment")
    )
    stop = command(commands, "stop", _("stop the running timer"), run_stop)
    stop.add_argument("--at", metavar="TIME", help=_("when it stopped (default: now)"))
    status = command(commands, "status", _("say whether the timer runs"), run_status)
    status.add_argument("--json", action="store_true")


def run_start(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    activity = choice(Activity, args.activity, tr.gettext("activity"), tr)
    at = time_arg(services, args.at, tr.gettext("start time"))
    started, stopped = services.timer.start(args.platform, activity, at, args.note, args.switch)
    zone = services.ctx.zone
    if stopped is not None:
        say(
            tr.gettext("Stopped {platform} ({activity}) at {time}.").format(
                platform=stopped.platform,
                activity=stopped.activity,
                time=text.clock_time(started.started_at, zone),
            )
        )
    say(
        tr.gettext("Started {platform} ({activity}) at {time}.").format(
            platform=started.platform,
            activity=started.activity,
            time=text.clock_time(started.started_at, zone),
        )
    )
    return 0


def run_stop(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    stopped = services.timer.stop(time_arg(services, args.at, tr.gettext("stop time")))
    assert stopped.ended_at is not None
    seconds = int((stopped.ended_at - stopped.started_at).total_seconds())
    say(
        tr.gettext("Stopped {platform} ({activity}) after {duration}.").format(
            platform=stopped.platform,
            activity=stopped.activity,
            duration=text.duration(seconds, tr),
        )
    )
    return 0


def run_status(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    status = services.timer.status()
    if args.json:
        print_json(status.as_json())
        return 0
    if not status.running or status.session is None:
        say(tr.gettext("No session is running."))
        return 0
    say(
        tr.gettext("Running: {platform} ({activity}) since {time}, {duration} so far.").format(
            platform=status.session.platform,
            activity=status.session.activity,
            time=text.local_time(status.session.started_at, services.ctx.zone),
            duration=text.duration(status.elapsed_seconds, tr),
        )
    )
    return 0
