"""Clickwage's own JSON dump (`export --format json`), into an empty or a non-empty journal.

Records are matched so that importing the same file twice adds nothing:
platforms by name, warning signs by (platform, sign), rates by (currency,
home currency, day), sessions by (platform, start, activity), payouts by
(platform, request time, currency, amount), events by (platform, kind,
time), tasks as every import matches them. A matched record whose later
fields changed (a session ended, a payout received, a task approved) is
updated. The dump's settings are applied only to a journal that has no
platform yet (a new computer): an existing journal keeps its own.

This module checks the file and reads its sections in order; the sections are
read in json_settings_platforms, json_money, json_sessions_events and
json_tasks_attachments, over the reader and record getters of json_reader.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from app.domain.errors import InvalidInput
from app.services.imports.job import Job
from app.services.imports.json_money import MAX_RATE, read_payouts, read_rates
from app.services.imports.json_reader import DumpReader
from app.services.imports.json_sessions_events import read_events, read_sessions
from app.services.imports.json_settings_platforms import (
    read_platforms,
    read_scam_signs,
    read_settings,
)
from app.services.imports.json_tasks_attachments import (
    ATTACHMENTS_FOLDER,
    read_attachments,
    read_tasks,
)
from app.services.imports.mturk_status import load_json
from app.services.imports.reading import FileFacts
from app.storage.models import Platform

__all__ = ["ATTACHMENTS_FOLDER", "FORMAT", "MAX_RATE", "VERSION", "JsonDumpFormat"]

FORMAT = "clickwage-export"
VERSION = 1


class JsonDumpFormat:
    name = "json"
    times_in_utc = True

    def read(self, job: Job, facts: FileFacts) -> None:
        tr = job.tr
        data = load_json(job, facts)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InvalidInput(
                tr.gettext("{file} is not a Clickwage export (JSON).").format(file=facts.path.name)
            )
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise InvalidInput(
                tr.gettext(
                    "{file} was written by a newer version of Clickwage (export version "
                    "{version}): install the newer version to read it."
                ).format(file=facts.path.name, version=version)
            )
        dump = DumpReader(job, data)
        fresh = not job.session.scalar(select(func.count()).select_from(Platform))
        read_settings(dump, fresh)
        home = job.home_currency()
        steps: list[Callable[[], None]] = [
            lambda: read_platforms(dump, home),
            lambda: read_scam_signs(dump),
            lambda: read_rates(dump),
            lambda: read_sessions(dump),
            lambda: read_payouts(dump),
            lambda: read_events(dump),
            lambda: read_tasks(dump),
            lambda: read_attachments(dump),
        ]
        for step in steps:
            step()
        job.summary.rows = dump.total
        job.tick(dump.total, dump.total)
