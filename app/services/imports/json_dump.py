"""Clickwage's own JSON dump (`export --format json`), into an empty or a non-empty journal.

Records are matched so that importing the same file twice adds nothing:
platforms by name, warning signs by (platform, sign), rates by (currency,
home currency, day), sessions by (platform, start, activity), payouts by
(platform, request time, currency, amount), events by (platform, kind,
time), tasks as every import matches them. A matched record whose later
fields changed (a session ended, a payout received, a task approved) is
updated. The dump's settings are applied only to a journal that has no
platform yet (a new computer): an existing journal keeps its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, func, select, type_coerce

from app.domain.errors import InvalidInput
from app.domain.money import normalise_currency
from app.domain.statuses import Activity, EventKind, PayoutStatus, ScamSign, TaskStatus
from app.services.imports.job import Job
from app.services.imports.mturk_status import load_json
from app.services.imports.reading import FileFacts
from app.services.imports.tasks import PlatformRef, candidate, order_problem
from app.services.imports.values import MAX_TASK_SECONDS, FieldError, has_surrogates
from app.services.settings import _VALIDATORS, SPEC_BY_KEY, SPECS
from app.storage.models import (
    AccountEvent,
    Attachment,
    ExchangeRate,
    Payout,
    Platform,
    ScamSignRecord,
    Setting,
    WorkSession,
)
from app.storage.types import from_epoch

FORMAT = "clickwage-export"
VERSION = 1
MAX_RATE = Decimal("1000000000")
# Attachment record types and the section whose ids they point to.
_ATTACHED_TO = {
    "task": "tasks",
    "payout": "payouts",
    "event": "events",
    "platform": "platforms",
    "session": "sessions",
}
ATTACHMENTS_FOLDER = "attachments"
_SHA256 = re.compile(r"[0-9a-f]{64}")


class _Record:
    """One JSON record being read: typed getters that collect errors instead of raising."""

    def __init__(self, reader: _Dump, section: str, index: int, item: Any) -> None:
        self.reader = reader
        self.job = reader.job
        self.where = f"{section}[{index}]"
        self.item: dict[str, Any] = item if isinstance(item, dict) else {}
        self.errors: list[tuple[str | None, str]] = []
        if not isinstance(item, dict):
            self.errors.append((None, self.job.tr.gettext("this is not a record.")))

    def fail(self, key: str | None, message: str) -> None:
        self.errors.append((key, message))

    def text(self, key: str, limit_field: str | None = None, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, self.job.tr.gettext("the value is missing."))
            return None
        if not isinstance(value, str) or has_surrogates(value):
            self.fail(key, self.job.tr.gettext("the value is not text."))
            return None
        try:
            return self.job.values.text(value, limit_field or key, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def time(self, key: str, required: bool = False) -> int | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return self.job.values.time(value, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def amount(self, key: str, currency: str | None, required: bool = False) -> int | None:
        value = self.item.get(key)
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            value = format(value, "f")
        if value is None or value == "":
            if required:
                self.fail(key, self.job.tr.gettext("the value is missing."))
            return None
        if not isinstance(value, str) or currency is None:
            self.fail(key, self.job.tr.gettext("the value is not an amount."))
            return None
        try:
            return self.job.values.amount(value, currency, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def currency(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return normalise_currency(value, self.job.tr)
        except InvalidInput as error:
            self.fail(key, str(error))
            return None

    def choice(self, key: str, enum: type[StrEnum]) -> str | None:
        value = self.text(key, required=True)
        if value is None:
            return None
        if value not in enum._value2member_map_:
            self.fail(
                key,
                self.job.tr.gettext("{value!r} is not one of: {choices}.").format(
                    value=value, choices=", ".join(m.value for m in enum)
                ),
            )
            return None
        return value

    def integer(self, key: str, maximum: int) -> int | None:
        value = self.item.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            self.fail(
                key,
                self.job.tr.gettext("{value!r} is not a whole number from 0 to {maximum}.").format(
                    value=value, maximum=maximum
                ),
            )
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.item.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, self.job.tr.gettext("the value is not true or false."))
            return False
        return value

    def platform(self, key: str = "platform", currency: str | None = None) -> PlatformRef | None:
        name = self.text(key, "platform", required=True)
        if name is None:
            return None
        try:
            return self.reader.platform(name, currency)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def done(self) -> bool:
        """True when the record is good; else its errors are recorded."""
        if self.errors:
            self.job.row_errors(self.errors, None, self.where)
            return False
        return True


class _Dump:
    def __init__(self, job: Job, data: dict[str, Any]) -> None:
        self.job = job
        self.data = data
        self.ids: dict[str, dict[int, int]] = {
            name: {} for name in ("platforms", "sessions", "payouts", "events", "tasks")
        }
        self.done = 0
        self.total = sum(len(v) for v in data.values() if isinstance(v, list))

    def section(self, name: str) -> Iterator[tuple[int, Any]]:
        items = self.data.get(name, [])
        if not isinstance(items, list):
            raise InvalidInput(
                self.job.tr.gettext("{file}: {section} is not a list.").format(
                    file=self.job.summary.path, section=name
                )
            )
        for index, item in enumerate(items):
            yield index, item
            self.done += 1
            if not self.done & 511:
                self.job.tick(self.done, self.total)

    def platform(self, name: str, currency: str | None) -> PlatformRef:
        found = self.job.platforms.known(name)
        return found if found is not None else self.job.platforms.get(name, currency)

    # -- settings and platforms -------------------------------------------------------------

    def settings(self, fresh: bool) -> None:
        job, tr = self.job, self.job.tr
        given = self.data.get("settings")
        if not isinstance(given, dict) or not given:
            return
        if not fresh:
            job.summary.notes.append(
                tr.gettext("The settings in the file were not applied: this journal keeps its own.")
            )
            return
        stored = {row.key: row for row in job.session.scalars(select(Setting))}
        current = {spec.key: spec.default for spec in SPECS}
        current.update({key: row.value for key, row in stored.items()})
        changes: dict[str, str] = {}
        keys = ["home_currency", *[k for k in given if k != "home_currency"]]
        for key in keys:
            spec = SPEC_BY_KEY.get(key)
            value = given.get(key)
            if spec is None or not isinstance(value, str):
                continue
            try:
                text = _VALIDATORS[spec.kind](spec, value, current, tr)
            except InvalidInput as error:
                job.row_errors([(key, str(error))], None, "settings")
                continue
            current[key] = text
            if stored.get(key) is None or stored[key].value != text:
                changes[key] = text
        job.summary.settings_applied = True
        job.set_home_currency(current["home_currency"])
        if not job.write or job.failed():
            return
        for key, text in changes.items():
            row = stored.get(key)
            if row is None:
                job.session.add(Setting(key=key, value=text))
            else:
                row.value = text
        job.session.flush()

    def platforms(self, home: str) -> None:
        for index, item in self.section("platforms"):
            record = _Record(self, "platforms", index, item)
            name = record.text("name", "platform", required=True)
            currency = record.currency("currency")
            attributes: dict[str, object] = {
                "url": record.text("url"),
                "account_ref": record.text("account"),
                "min_wage": record.amount("min_wage", home),
                "max_payout_days": record.integer("max_payout_days", 3650),
                "max_review_days": record.integer("max_review_days", 3650),
                "archived": record.flag("archived"),
            }
            source_id = record.item.get("id")
            if not record.done() or name is None:
                continue
            found = self.job.platforms.known(name)
            if found is None:
                try:
                    found = self.job.platforms.create(name, currency, **attributes)
                except FieldError as error:
                    self.job.row_errors([("name", error.message)], None, record.where)
                    continue
            if isinstance(source_id, int):
                self.ids["platforms"][source_id] = found.id

    def scam_signs(self) -> None:
        job = self.job
        counts = job.summary.count("signs")
        existing: set[tuple[int, str]] = {
            (row[0], row[1])
            for row in job.session.execute(select(ScamSignRecord.platform_id, ScamSignRecord.sign))
        }
        for index, item in self.section("scam_signs"):
            record = _Record(self, "scam_signs", index, item)
            platform = record.platform()
            sign = record.choice("sign", ScamSign)
            note = record.text("note")
            if not record.done() or platform is None or sign is None:
                continue
            if (platform.id, sign) in existing:
                counts.unchanged += 1
                continue
            existing.add((platform.id, sign))
            counts.added += 1
            if job.write and not job.failed():
                job.session.add(ScamSignRecord(platform_id=platform.id, sign=sign, note=note))

    # -- rates, sessions, payouts, events -----------------------------------------------------

    def rates(self) -> None:
        job, tr = self.job, self.job.tr
        counts = job.summary.count("rates")
        existing = {
            (row.currency, row.home_currency, row.valid_from): row
            for row in job.session.scalars(select(ExchangeRate))
        }
        for index, item in self.section("rates"):
            record = _Record(self, "rates", index, item)
            currency = record.currency("currency")
            home = record.currency("home_currency")
            raw_rate, raw_day = (
                record.text("rate", required=True),
                record.text("valid_from", required=True),
            )
            rate: Decimal | None = None
            day: date | None = None
            try:
                rate = Decimal(raw_rate) if raw_rate else None
                if rate is not None and not (rate.is_finite() and 0 < rate <= MAX_RATE):
                    raise InvalidOperation
            except InvalidOperation:
                record.fail("rate", tr.gettext("{value!r} is not a rate.").format(value=raw_rate))
            try:
                day = date.fromisoformat(raw_day) if raw_day else None
            except ValueError:
                record.fail(
                    "valid_from", tr.gettext("{value!r} is not a date.").format(value=raw_day)
                )
            if not record.done() or None in (currency, home, rate, day):
                continue
            assert currency is not None and home is not None and rate is not None
            assert day is not None
            row = existing.get((currency, home, day))
            if row is not None and row.rate == rate:
                counts.unchanged += 1
                continue
            if row is not None:
                counts.updated += 1
                if job.write and not job.failed():
                    row.rate = rate
                continue
            counts.added += 1
            if job.write and not job.failed():
                new = ExchangeRate(currency=currency, home_currency=home, rate=rate, valid_from=day)
                job.session.add(new)
                existing[(currency, home, day)] = new

    def sessions(self) -> None:
        job, tr = self.job, self.job.tr
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
        for index, item in self.section("sessions"):
            record = _Record(self, "sessions", index, item)
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
                    self.ids["sessions"][source_id] = found[0]
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
                self.ids["sessions"][source_id] = row.id

    def payouts(self) -> None:
        job, tr = self.job, self.job.tr
        counts = job.summary.count("payouts")
        existing: dict[tuple[int, int, str, int], Payout] = {}
        for row in job.session.scalars(select(Payout)):
            key = (row.platform_id, int(row.requested_at.timestamp()), row.currency, row.amount)
            existing[key] = row
        added: list[tuple[int, Payout]] = []
        for index, item in self.section("payouts"):
            record = _Record(self, "payouts", index, item)
            source_id = record.item.get("id")
            currency = record.currency("currency")
            platform = record.platform(currency=currency)
            amount = record.amount("amount", currency, required=True)
            fee = record.amount("fee", currency)
            status = record.choice("status", PayoutStatus)
            requested = record.time("requested_at", required=True)
            received = record.time("received_at")
            received_currency = record.currency("received_currency", required=False)
            received_amount = record.amount("received_amount", received_currency)
            values: dict[str, Any] = {
                "fee": fee,
                "method": record.text("method"),
                "reference": record.text("reference"),
                "status": status,
                "received_at": received,
                "received_amount": received_amount,
                "received_currency": received_currency,
                "asks_for_money": record.flag("asks_for_money"),
                "note": record.text("note"),
            }
            if requested is not None and received is not None and received < requested:
                record.fail("received_at", tr.gettext("the payout arrived before it was asked."))
            if (
                not record.done()
                or platform is None
                or currency is None
                or amount is None
                or requested is None
            ):
                continue
            key = (platform.id, requested, currency, amount)
            found_payout = existing.get(key)
            if found_payout is not None:
                row = found_payout
                if isinstance(source_id, int):
                    self.ids["payouts"][source_id] = row.id
                # A value the file leaves out is kept; one it gives replaces the stored one.
                changes = {
                    name: value
                    for name, value in values.items()
                    if value is not None and _stored(getattr(row, name)) != value
                }
                if not changes:
                    counts.unchanged += 1
                    continue
                counts.updated += 1
                if job.write and not job.failed():
                    for name, value in changes.items():
                        setattr(row, name, from_epoch(value) if name == "received_at" else value)
                continue
            counts.added += 1
            if job.write and not job.failed():
                values["fee"] = fee or 0
                if received is not None:
                    values["received_at"] = from_epoch(received)
                payout = Payout(
                    platform_id=platform.id,
                    amount=amount,
                    currency=currency,
                    requested_at=from_epoch(requested),
                    **values,
                )
                job.session.add(payout)
                existing[key] = payout
                if isinstance(source_id, int):
                    added.append((source_id, payout))
        if job.write and not job.failed():
            job.session.flush()
            for source_id, payout in added:
                self.ids["payouts"][source_id] = payout.id

    def events(self) -> None:
        job = self.job
        counts = job.summary.count("events")
        existing: dict[tuple[int, str, int], AccountEvent] = {}
        for row in job.session.scalars(select(AccountEvent)):
            existing[(row.platform_id, row.kind, int(row.at.timestamp()))] = row
        added: list[tuple[int, AccountEvent]] = []
        for index, item in self.section("events"):
            record = _Record(self, "events", index, item)
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
                    self.ids["events"][source_id] = row.id
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
                self.ids["events"][source_id] = event.id

    # -- tasks and attachments ---------------------------------------------------------------

    def tasks(self) -> None:
        job, tr = self.job, self.job.tr
        statuses = set(TaskStatus._value2member_map_)
        for index, item in self.section("tasks"):
            record = _Record(self, "tasks", index, item)
            source_id = record.item.get("id")
            currency = record.currency("currency")
            platform = record.platform(currency=currency)
            status = record.text("status", required=True)
            if status is not None and status not in statuses:
                record.fail(
                    "status",
                    tr.gettext("{value!r} is not one of: {choices}.").format(
                        value=status, choices=", ".join(sorted(statuses))
                    ),
                )
            reward = record.amount("reward", currency, required=True)
            earned = record.amount("earned", currency)
            bonus = record.amount("bonus", currency)
            started = record.time("started_at")
            submitted = record.time("submitted_at")
            decided = record.time("decided_at")
            duration = record.integer("duration_s", MAX_TASK_SECONDS)
            texts = {
                key: record.text(key)
                for key in ("external_id", "title", "requester", "reason", "note")
            }
            session = record.item.get("session")
            session_id = self.ids["sessions"].get(session) if isinstance(session, int) else None
            if not record.errors:
                problem = order_problem(started, submitted, decided, tr)
                if problem is not None:
                    record.fail(None, problem)
            if (
                not record.done()
                or platform is None
                or currency is None
                or status is None
                or reward is None
            ):
                continue
            task_id = job.tasks.add(
                None,
                record.where,
                candidate(
                    platform,
                    texts["external_id"],
                    texts["title"],
                    texts["requester"],
                    reward,
                    earned,
                    bonus,
                    currency,
                    status,
                    started,
                    submitted,
                    decided,
                    duration,
                    texts["reason"],
                    texts["note"],
                    session_id,
                ),
            )
            if task_id is not None and isinstance(source_id, int):
                self.ids["tasks"][source_id] = task_id

    def attachments(self) -> None:
        job = self.job
        counts = job.summary.count("attachments")
        existing = {
            (row[0], row[1], row[2])
            for row in job.session.execute(
                select(Attachment.sha256, Attachment.record_type, Attachment.record_id)
            )
        }
        skipped = missing = 0
        folder = job.ctx.db.path.parent / ATTACHMENTS_FOLDER
        for index, item in self.section("attachments"):
            record = _Record(self, "attachments", index, item)
            sha256 = record.text("sha256", required=True)
            file_name = record.text("file_name", required=True)
            media_type = record.text("media_type") or "application/octet-stream"
            record_type = record.text("record_type", required=True)
            size = record.integer("size", 2**62)
            source = record.item.get("record_id")
            if sha256 is not None and not _SHA256.fullmatch(sha256):
                record.fail("sha256", job.tr.gettext("the value is not a SHA-256 fingerprint."))
            if not record.done() or sha256 is None or file_name is None or record_type is None:
                continue
            section = _ATTACHED_TO.get(record_type)
            ids = self.ids.get(section or "", {})
            target = ids.get(source) if isinstance(source, int) else None
            if target is None:
                skipped += 1
                continue
            if not (folder / sha256).is_file():
                missing += 1
                continue
            key = (sha256, record_type, target)
            if key in existing:
                counts.unchanged += 1
                continue
            existing.add(key)
            counts.added += 1
            if job.write and not job.failed():
                job.session.add(
                    Attachment(
                        sha256=sha256,
                        file_name=file_name,
                        size=size or 0,
                        media_type=media_type,
                        record_type=record_type,
                        record_id=target,
                    )
                )
        if skipped:
            job.summary.notes.append(
                job.tr.ngettext(
                    "{count} attachment was left out: the record it belongs to is not in the file.",
                    "{count} attachments were left out: the records they belong to are not in "
                    "the file.",
                    skipped,
                ).format(count=skipped)
            )
        if missing:
            job.summary.notes.append(
                job.tr.ngettext(
                    "{count} attachment was left out: its file is not in this journal's "
                    "attachments folder (restore a backup to bring files back).",
                    "{count} attachments were left out: their files are not in this journal's "
                    "attachments folder (restore a backup to bring files back).",
                    missing,
                ).format(count=missing)
            )
        if job.write and not job.failed():
            job.session.flush()


def _stored(value: Any) -> Any:
    """A column value as the dump compares it (times as epoch seconds)."""
    if hasattr(value, "timestamp"):
        return int(value.timestamp())
    return value


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
        dump = _Dump(job, data)
        fresh = not job.session.scalar(select(func.count()).select_from(Platform))
        dump.settings(fresh)
        home = job.home_currency()
        steps: list[Callable[[], None]] = [
            lambda: dump.platforms(home),
            dump.scam_signs,
            dump.rates,
            dump.sessions,
            dump.payouts,
            dump.events,
            dump.tasks,
            dump.attachments,
        ]
        for step in steps:
            step()
        job.summary.rows = dump.total
        job.tick(dump.total, dump.total)
