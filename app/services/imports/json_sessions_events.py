"""Time records of a Clickwage JSON dump: work sessions and account events.

Sessions are matched by (platform, start, activity), events by (platform,
kind, time); a matched record whose later fields changed (a session ended) is updated.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, select, type_coerce

from app.domain.statuses import Activity, EventKind
from app.services.imports.json_reader import DumpReader, Record
from app.storage.models import AccountEvent, WorkSession
from app.storage.types import from_epoch


def read_sessions(dump: DumpReader) -> None:
    """Add or update work sessions, matched by (platform, start, activity)."""
    job, tr = dump.job, dump.job.tr
    counts = job.summary.count("sessions")
    s = WorkSession.__table__.c
    by_key: dict[tuple[int, int, str], tuple[int, int | None, str | None]] = {}
    for row_id, platform_id, started, ended, activity, note in job.session.execute(
        select(
            s.id,
            s.platform_id,
            type_coerce(s.started_at, BigInteger),
            type_coerce(s.ended_at, BigInteger),
            s.activity,
            s.note,
        )
    ):
        by_key[(platform_id, started, activity)] = (row_id, ended, note)
    running = next((key for key, value in by_key.items() if value[1] is None), None)
    added: list[tuple[int, WorkSession]] = []
    for index, item in dump.section("sessions"):
        record = Record(dump, "sessions", index, item)
        source_id = record.item.get("id")
        platform = record.platform()
        activity = record.choice("activity", Activity)
        started = record.time("started_at", required=True)
        ended = record.time("ended_at")
        note = record.text("note")
        if started is not None and ended is not None and ended < started:
            record.fail("ended_at", tr.gettext("the session ends before it starts."))
        if not record.done() or platform is None or activity is None or started is None:
            continue
        key = (platform.id, started, activity)
        found = by_key.get(key)
        if found is not None:
            if isinstance(source_id, int):
                dump.ids["sessions"][source_id] = found[0]
            row_id, old_end, old_note = found
            changes: dict[str, Any] = {}
            if ended is not None and ended != old_end:
                changes["ended_at"] = from_epoch(ended)
            if note is not None and note != old_note:
                changes["note"] = note
            if not changes:
                counts.unchanged += 1
                continue
            counts.updated += 1
            if old_end is None and ended is not None:
                running = None
            if job.write and not job.failed():
                row = job.session.get_one(WorkSession, row_id)
                for name, value in changes.items():
                    setattr(row, name, value)
            continue
        if ended is None:
            if running is not None:
                job.row_errors(
                    [
                        (
                            "ended_at",
                            tr.gettext(
                                "this session is still running, and so is another one in "
                                "this journal: stop it first."
                            ),
                        )
                    ],
                    None,
                    record.where,
                )
                continue
            running = key
        counts.added += 1
        by_key[key] = (0, ended, note)
        if job.write and not job.failed():
            row = WorkSession(
                platform_id=platform.id,
                activity=activity,
                started_at=from_epoch(started),
                ended_at=from_epoch(ended) if ended is not None else None,
                note=note,
            )
            job.session.add(row)
            if isinstance(source_id, int):
                added.append((source_id, row))
    if job.write and not job.failed():
        job.session.flush()
        for source_id, row in added:
            dump.ids["sessions"][source_id] = row.id


def read_events(dump: DumpReader) -> None:
    """Add or update account events, matched by (platform, kind, time)."""
    job = dump.job
    counts = job.summary.count("events")
    existing: dict[tuple[int, str, int], AccountEvent] = {}
    for row in job.session.scalars(select(AccountEvent)):
        existing[(row.platform_id, row.kind, int(row.at.timestamp()))] = row
    added: list[tuple[int, AccountEvent]] = []
    for index, item in dump.section("events"):
        record = Record(dump, "events", index, item)
        source_id = record.item.get("id")
        currency = record.currency("currency", required=False)
        platform = record.platform(currency=currency)
        kind = record.choice("kind", EventKind)
        at = record.time("at", required=True)
        amount_currency = currency or (platform.currency if platform else None)
        amount = record.amount("amount", amount_currency)
        note = record.text("note")
        asks = record.flag("asks_for_money")
        if not record.done() or platform is None or kind is None or at is None:
            continue
        key = (platform.id, kind, at)
        found_event = existing.get(key)
        if found_event is not None:
            row = found_event
            if isinstance(source_id, int):
                dump.ids["events"][source_id] = row.id
            changes: dict[str, Any] = {}
            if amount is not None and amount != row.amount:
                changes["amount"] = amount
            if note is not None and note != row.note:
                changes["note"] = note
            if asks != row.asks_for_money:
                changes["asks_for_money"] = asks
            if not changes:
                counts.unchanged += 1
                continue
            counts.updated += 1
            if job.write and not job.failed():
                for name, value in changes.items():
                    setattr(row, name, value)
            continue
        counts.added += 1
        if job.write and not job.failed():
            event = AccountEvent(
                platform_id=platform.id,
                kind=kind,
                at=from_epoch(at),
                amount=amount,
                currency=amount_currency or platform.currency,
                asks_for_money=asks,
                note=note,
            )
            job.session.add(event)
            existing[key] = event
            if isinstance(source_id, int):
                added.append((source_id, event))
    if job.write and not job.failed():
        job.session.flush()
        for source_id, event in added:
            dump.ids["events"][source_id] = event.id
