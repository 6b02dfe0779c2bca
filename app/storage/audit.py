"""The audit trail: every ORM write appends a chained entry in the same transaction.

Hooked on the Session's flush: new, changed and deleted records get their
`recorded_at`/`edited_at`/`origin` filled in and their `row_hash` computed,
and one audit entry each, chained by SHA-256 to the previous entry. Bulk
writes (imports, a million rows) call `append_bulk_entry` with a Merkle root
instead.

A Session using this must carry `info["clock"]` (a Clock) and may carry
`info["origin"]` (defaults to "manual") and `info["action"]` (a name for the
change, such as "status").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, event, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction, attributes

from app.domain.clock import Clock
from app.storage.hashing import GENESIS, canonical, entry_hash, row_hash
from app.storage.models import AUDITED_MODELS, AuditEntry, Tracked


def row_values(record: Tracked) -> dict[str, Any]:
    """The record's column values by column name, as the row would be stored."""
    mapper = inspect(type(record))
    return {
        column.key: getattr(record, prop.key)
        for prop in mapper.column_attrs
        for column in prop.columns
    }


def record_hash(record: Tracked) -> str:
    return row_hash(type(record).__tablename__, row_values(record))  # type: ignore[attr-defined]


def last_entry_hash(connection: Connection) -> str:
    found = connection.execute(
        select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar()
    return found if found else GENESIS


def append_entry(
    connection: Connection,
    *,
    at: datetime,
    action: str,
    entity: str,
    entity_id: int | None,
    origin: str,
    old_hash: str | None,
    new_hash: str | None,
    details: Mapping[str, Any],
) -> str:
    """Append one chained entry and return its hash."""
    prev = last_entry_hash(connection)
    next_id = (
        connection.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar()
        or 0
    ) + 1
    details_text = json.dumps(
        {k: _jsonable(v) for k, v in details.items()}, sort_keys=True, ensure_ascii=False
    )
    fields = entry_fields(
        next_id, at, action, entity, entity_id, origin, old_hash, new_hash, details_text
    )
    digest = entry_hash(prev, fields)
    connection.execute(
        AuditEntry.__table__.insert().values(  # type: ignore[attr-defined]
            prev_hash=prev, entry_hash=digest, **fields
        )
    )
    return digest


def entry_fields(
    entry_id: int,
    at: datetime | int,
    action: str,
    entity: str,
    entity_id: int | None,
    origin: str,
    old_hash: str | None,
    new_hash: str | None,
    details: str,
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "at": at,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "origin": origin,
        "old_hash": old_hash,
        "new_hash": new_hash,
        "details": details,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return canonical(value)


def _audited(record: object) -> bool:
    return isinstance(record, AUDITED_MODELS)


def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    clock: Clock = session.info["clock"]
    now = clock.now().replace(microsecond=0)
    origin = session.info.get("origin", "manual")
    for record in session.new:
        if _audited(record):
            if getattr(record, "recorded_at", None) is None:
                record.recorded_at = now
            if getattr(record, "edited_at", None) is None:
                record.edited_at = record.recorded_at
            if not getattr(record, "origin", None):
                record.origin = origin
            if getattr(record, "row_hash", None) is None:
                record.row_hash = ""
    for record in session.dirty:
        if _audited(record) and session.is_modified(record, include_collections=False):
            record.edited_at = now


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    clock: Clock = session.info["clock"]
    now = clock.now().replace(microsecond=0)
    origin = session.info.get("origin", "manual")
    action_name = session.info.get("action")
    connection = session.connection()
    for record in list(session.new):
        if _audited(record):
            _rehash(connection, record)
            _log(
                connection,
                now,
                action_name or "create",
                record,
                origin,
                None,
                record.row_hash,
                _summary(record),
            )
    for record in list(session.dirty):
        if not _audited(record) or not session.is_modified(record, include_collections=False):
            continue
        changes = _changes(record)
        if not changes:
            continue
        old_hash = attributes.get_history(record, "row_hash").deleted
        previous = old_hash[0] if old_hash else record.row_hash
        _rehash(connection, record)
        action = action_name or ("status" if "status" in changes else "update")
        _log(connection, now, action, record, origin, previous, record.row_hash, changes)
    for record in list(session.deleted):
        if _audited(record):
            _log(connection, now, "delete", record, origin, record.row_hash, None, _summary(record))


def _rehash(connection: Connection, record: Tracked) -> None:
    digest = record_hash(record)
    table = type(record).__table__  # type: ignore[attr-defined]
    connection.execute(update(table).where(table.c.id == record.id).values(row_hash=digest))  # type: ignore[attr-defined]
    attributes.set_committed_value(record, "row_hash", digest)


def _changes(record: Tracked) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    state = inspect(record)
    for attr in state.attrs:
        if attr.key in ("row_hash", "edited_at"):
            continue
        history = attr.history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [old, new]
    return changes


def _summary(record: Tracked) -> dict[str, Any]:
    values = row_values(record)
    return {k: v for k, v in values.items() if k not in ("row_hash",)}


def _log(
    connection: Connection,
    now: datetime,
    action: str,
    record: Tracked,
    origin: str,
    old_hash: str | None,
    new_hash: str | None,
    details: Mapping[str, Any],
) -> None:
    append_entry(
        connection,
        at=now,
        action=action,
        entity=type(record).__tablename__,  # type: ignore[attr-defined]
        entity_id=record.id,  # type: ignore[attr-defined]
        origin=origin,
        old_hash=old_hash,
        new_hash=new_hash,
        details=details,
    )


def install_audit_hooks(session_class: type[Session]) -> None:
    """Attach the audit hooks to a Session class (a sessionmaker's class_)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)


def append_bulk_entry(
    connection: Connection,
    *,
    at: datetime,
    entity: str,
    origin: str,
    first_id: int,
    last_id: int,
    count: int,
    merkle: str,
    details: Mapping[str, Any] | None = None,
) -> str:
    """One entry standing for `count` rows with ids first_id..last_id written in bulk."""
    payload = {"first_id": first_id, "last_id": last_id, "count": count, "merkle_root": merkle}
    payload.update(details or {})
    return append_entry(
        connection,
        at=at,
        action="bulk",
        entity=entity,
        entity_id=None,
        origin=origin,
        old_hash=None,
        new_hash=merkle,
        details=payload,
    )
