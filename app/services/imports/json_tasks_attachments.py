"""The end of a Clickwage JSON dump: its tasks, and the attachments that point at its records.

Tasks are matched as every import matches them. An attachment is kept only when
the record it belongs to was read and its file is already in the journal's
attachments folder.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from app.domain.statuses import TaskStatus
from app.services.imports.json_reader import DumpReader, Record
from app.services.imports.tasks import candidate, order_problem
from app.services.imports.values import MAX_TASK_SECONDS
from app.storage.models import Attachment

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


def read_tasks(dump: DumpReader) -> None:
    """Hand the dump's tasks to the job's task matcher, and learn their new ids."""
    job, tr = dump.job, dump.job.tr
    statuses = set(TaskStatus._value2member_map_)
    for index, item in dump.section("tasks"):
        record = Record(dump, "tasks", index, item)
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
            key: record.text(key) for key in ("external_id", "title", "requester", "reason", "note")
        }
        session = record.item.get("session")
        session_id = dump.ids["sessions"].get(session) if isinstance(session, int) else None
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
            dump.ids["tasks"][source_id] = task_id


def read_attachments(dump: DumpReader) -> None:
    """Add attachment records whose record and file are both present."""
    job = dump.job
    counts = job.summary.count("attachments")
    existing = {
        (row[0], row[1], row[2])
        for row in job.session.execute(
            select(Attachment.sha256, Attachment.record_type, Attachment.record_id)
        )
    }
    skipped = missing = 0
    folder = job.ctx.db.path.parent / ATTACHMENTS_FOLDER
    for index, item in dump.section("attachments"):
        record = Record(dump, "attachments", index, item)
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
        ids = dump.ids.get(section or "", {})
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
