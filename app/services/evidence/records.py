"""Reading a report's raw records: the rows of the period, edits after the fact,
deletions the audit log saw, and the attachments of the listed records.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import BigInteger, bindparam, select, text, type_coerce
from sqlalchemy.orm import Session

from app.services.audit import StoredRows
from app.storage.models import (
    AccountEvent,
    AuditEntry,
    Payout,
    Task,
    WorkSession,
)


def epoch(column: Any) -> Any:
    """A time column as its stored epoch seconds (skips the datetime conversion)."""
    return type_coerce(column, BigInteger)


def int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


# Changes that are a record's normal life, not an edit after the fact: a task's decision,
# a payout's arrival. Anything else the audit log shows changing marks the record "edited".
_LIFECYCLE_KEYS = {
    "tasks": frozenset(
        {
            "status",
            "decided_at",
            "earned",
            "bonus",
            "reason",
            "work_at",
            "span_start",
            "span_end",
            "span_seconds",
        }
    ),
    "payouts": frozenset({"status", "received_at", "received_amount", "received_currency"}),
    "work_sessions": frozenset(),
    "account_events": frozenset(),
}
# A value set for the first time is part of the record's life too (stopping the timer).
_FIRST_SET_KEYS = {
    "tasks": frozenset({"submitted_at"}),
    "work_sessions": frozenset({"ended_at"}),
    "payouts": frozenset(),
    "account_events": frozenset(),
}
_RECORD_OF_TYPE = {
    "task": "tasks",
    "tasks": "tasks",
    "session": "work_sessions",
    "work_session": "work_sessions",
    "work_sessions": "work_sessions",
    "payout": "payouts",
    "payouts": "payouts",
    "event": "account_events",
    "account_event": "account_events",
    "account_events": "account_events",
    "platform": "platforms",
    "platforms": "platforms",
}


# What the section builder reads of each record, in this order (from the stored row).
SESSION_FIELDS = (
    "id", "activity", "started_at", "ended_at", "note", "origin", "recorded_at", "edited_at",
    "row_hash",
)  # fmt: skip
TASK_FIELDS = (
    "id", "external_id", "title", "requester", "status", "reward", "earned", "bonus",
    "currency", "started_at", "submitted_at", "decided_at", "duration_s", "reason", "note",
    "session_id", "work_at", "origin", "recorded_at", "edited_at", "row_hash",
)  # fmt: skip
PAYOUT_FIELDS = (
    "id", "asks_for_money", "amount", "currency", "fee", "method", "reference", "status",
    "requested_at", "received_at", "received_amount", "received_currency", "note", "origin",
    "recorded_at", "edited_at", "row_hash",
)  # fmt: skip
EVENT_FIELDS = (
    "id", "kind", "at", "amount", "currency", "note", "origin", "recorded_at", "edited_at",
    "row_hash",
)  # fmt: skip
PLATFORM_FIELDS = ("origin", "recorded_at", "edited_at", "row_hash")
ATTACHMENT_FIELDS = (
    "id", "sha256", "file_name", "size", "media_type", "record_type", "record_id", "origin",
    "recorded_at", "edited_at", "row_hash",
)  # fmt: skip


def read_stored(
    session: Session, table: str, rest: str, params: dict[str, Any], fields: tuple[str, ...]
) -> tuple[StoredRows, list[tuple[Any, ...]]]:
    """`SELECT * FROM table rest`: the rows exactly as stored (times as epoch seconds), and
    `fields` of each."""
    query = text(f"SELECT * FROM {table} {rest}")
    if "statuses" in params:
        query = query.bindparams(bindparam("statuses", expanding=True))
    result = session.execute(query, params)
    columns = tuple(result.keys())
    rows = result.all()
    pick = itemgetter(*(columns.index(name) for name in fields))
    return StoredRows(table, columns, rows), [pick(row) for row in rows]


@dataclass
class RawRecords:
    platform_row: tuple[Any, ...]
    sessions: list[tuple[Any, ...]]
    tasks: list[tuple[Any, ...]]
    tasks_in_period: int
    payouts: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    stored: list[StoredRows]  # the same records as stored, for the integrity check

    @classmethod
    def read(
        cls, session: Session, pid: int, start: int, stop: int, subset: frozenset[str]
    ) -> RawRecords:
        period = {"pid": pid, "start": start, "stop": stop}
        platform, (platform_row,) = read_stored(
            session, "platforms", "WHERE id = :pid", period, PLATFORM_FIELDS
        )
        stored_sessions, sessions = read_stored(
            session,
            "work_sessions",
            "WHERE platform_id = :pid AND started_at < :stop "
            "AND (ended_at IS NULL OR ended_at > :start) ORDER BY started_at, id",
            period,
            SESSION_FIELDS,
        )
        in_period = "platform_id = :pid AND work_at >= :start AND work_at < :stop"
        chosen = " AND status IN :statuses" if subset else ""
        stored_tasks, tasks = read_stored(
            session,
            "tasks",
            f"WHERE {in_period}{chosen} ORDER BY platform_id, work_at, id",
            {**period, "statuses": sorted(subset)} if subset else period,
            TASK_FIELDS,
        )
        tasks_in_period = len(tasks)
        if subset:
            counted = session.execute(text(f"SELECT count(*) FROM tasks WHERE {in_period}"), period)
            tasks_in_period = int(counted.scalar() or 0)
        stored_payouts, payouts = read_stored(
            session,
            "payouts",
            "WHERE platform_id = :pid AND requested_at >= :start "
            "AND requested_at < :stop ORDER BY requested_at, id",
            period,
            PAYOUT_FIELDS,
        )
        stored_events, events = read_stored(
            session,
            "account_events",
            "WHERE platform_id = :pid AND at >= :start AND at < :stop ORDER BY at, id",
            period,
            EVENT_FIELDS,
        )
        stored = [platform, stored_sessions, stored_tasks, stored_payouts, stored_events]
        return cls(platform_row, sessions, tasks, tasks_in_period, payouts, events, stored)

    def candidates(self) -> dict[str, dict[int, tuple[int, int]]]:
        """Records changed after they were first recorded: table → id → (recorded, edited)."""
        found: dict[str, dict[int, tuple[int, int]]] = {}
        for table, rows, recorded in (
            ("work_sessions", self.sessions, 6),
            ("tasks", self.tasks, 18),
            ("payouts", self.payouts, 14),
            ("account_events", self.events, 7),
        ):
            changed = {
                int(row[0]): (int(row[recorded]), int(row[recorded + 1]))
                for row in rows
                if row[recorded + 1] is not None and row[recorded + 1] > row[recorded]
            }
            if changed:
                found[table] = changed
        return found

    def ids(self) -> dict[str, set[int]]:
        return {
            "work_sessions": {int(row[0]) for row in self.sessions},
            "tasks": {int(row[0]) for row in self.tasks},
            "payouts": {int(row[0]) for row in self.payouts},
            "account_events": {int(row[0]) for row in self.events},
        }


def read_edits(session: Session, raw: RawRecords) -> dict[tuple[str, int], int]:
    """(table, id) → when it was last edited after the fact (decisions and arrivals excluded).

    A record changed after it was first recorded with no audit entry explaining the
    change counts as edited (at its edited_at): `verify` reports how it happened.
    """
    candidates = raw.candidates()
    if not candidates:
        return {}
    lowest = min(recorded for ids in candidates.values() for recorded, _ in ids.values())
    A = AuditEntry.__table__
    query = select(A.c.entity, A.c.entity_id, epoch(A.c.at), A.c.details).where(
        A.c.action.in_(("update", "status")),
        A.c.entity.in_(sorted(candidates)),
        epoch(A.c.at) >= lowest,
    )
    edited: dict[tuple[str, int], int] = {}
    explained: set[tuple[str, int]] = set()
    for entity, entity_id, at, details in session.execute(query):
        ids = candidates.get(entity)
        if entity_id is None or ids is None or int(entity_id) not in ids:
            continue
        key = (entity, int(entity_id))
        explained.add(key)
        try:
            changes = json.loads(details or "{}")
        except ValueError:
            changes = {"?": [None, None]}
        if _is_edit(entity, changes):
            edited[key] = max(int(at), edited.get(key, 0))
    for table, ids in candidates.items():
        for record_id, (_recorded, edited_at) in ids.items():
            if (table, record_id) not in explained:
                edited[(table, record_id)] = edited_at
    return edited


def _is_edit(table: str, changes: Any) -> bool:
    if not isinstance(changes, dict):
        return True
    lifecycle = _LIFECYCLE_KEYS.get(table, frozenset())
    first_set = _FIRST_SET_KEYS.get(table, frozenset())
    for key, change in changes.items():
        if key in lifecycle:
            continue
        if key in first_set and isinstance(change, list) and len(change) == 2 and change[0] is None:
            continue
        return True
    return False


_DATE_OF_DELETED = {
    "work_sessions": "started_at",
    "tasks": "work_at",
    "payouts": "requested_at",
    "account_events": "at",
}
_MODEL_OF_TABLE: dict[str, Any] = {
    "work_sessions": WorkSession,
    "tasks": Task,
    "payouts": Payout,
    "account_events": AccountEvent,
}


def read_deletions(session: Session, pid: int, start: int, stop: int) -> dict[str, int]:
    """Records of the platform and period the app deleted (and did not put back)."""
    A = AuditEntry.__table__
    deleted: dict[str, set[int]] = defaultdict(set)
    query = select(A.c.entity, A.c.entity_id, A.c.details).where(
        A.c.action == "delete", A.c.entity.in_(sorted(_DATE_OF_DELETED))
    )
    for entity, entity_id, details in session.execute(query):
        try:
            values = json.loads(details or "{}")
        except ValueError:
            continue
        if not isinstance(values, dict) or values.get("platform_id") != pid:
            continue
        when = values.get(_DATE_OF_DELETED[entity])
        if entity == "work_sessions":
            ended = values.get("ended_at")
            inside = isinstance(when, int) and when < stop and (ended is None or ended > start)
        else:
            inside = isinstance(when, int) and start <= when < stop
        if inside and entity_id is not None:
            deleted[entity].add(int(entity_id))
    counts: dict[str, int] = {}
    for entity, ids in deleted.items():
        model = _MODEL_OF_TABLE[entity]
        back = set(session.scalars(select(model.id).where(model.id.in_(sorted(ids)))))
        if len(ids - back):
            counts[entity] = len(ids - back)
    return counts


def read_attachments(
    session: Session, raw: RawRecords, pid: int
) -> tuple[StoredRows, list[tuple[Any, ...]]]:
    """Attachments of the listed records, and of the platform itself (whatever the period)."""
    ids: dict[str, set[int]] = {**raw.ids(), "platforms": {pid}}
    every, rows = read_stored(session, "attachments", "ORDER BY id", {}, ATTACHMENT_FIELDS)
    kept, stored = [], []
    for row, values in zip(rows, every.rows, strict=True):
        table = _RECORD_OF_TYPE.get(str(row[5]).lower())
        if table is not None and int(row[6]) in ids[table]:
            kept.append((*row, table))
            stored.append(values)
    return StoredRows(every.table, every.columns, stored), kept
