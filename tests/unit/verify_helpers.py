"""Helpers shared by the tests of the audit trail and `verify` (tests/unit/test_verify_*.py).

Tampering goes through a separate stdlib sqlite3 connection (the database is in
WAL mode, so it can write while the app's engine is open), exactly as someone
editing the file with a SQLite browser would.

The fixture `world` (the data of those tests) is in tests/unit/conftest.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.clock import FakeClock
from app.domain.statuses import Origin
from app.services import Services
from app.services.audit import Problem
from app.storage.hashing import row_hash
from app.storage.types import epoch_seconds

BULK_ROWS = 1000
IMPORT = Origin.imported("csv")


# --------------------------------------------------------------------------- helpers


def raw(services: Services) -> sqlite3.Connection:
    """A connection of our own to the database file, rows as sqlite3.Row."""
    connection = sqlite3.connect(services.ctx.db.path)
    connection.row_factory = sqlite3.Row
    return connection


def tamper(services: Services, sql: str, params: tuple[Any, ...] = ()) -> int:
    """Run one statement behind the app's back and commit it; returns the rows touched."""
    connection = raw(services)
    try:
        cursor = connection.execute(sql, params)
        connection.commit()
        return cursor.rowcount
    finally:
        connection.close()


def fetch(services: Services, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    connection = raw(services)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def row_of(services: Services, table: str, record_id: int) -> dict[str, Any]:
    rows = fetch(services, f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    assert rows, f"{table} {record_id} does not exist"
    return dict(rows[0])


def edit_and_rehash(services: Services, table: str, record_id: int, column: str,
                    value: Any) -> None:
    """Change one field and recompute the row's hash the way the app does."""
    values = row_of(services, table, record_id)
    values[column] = value
    digest = row_hash(table, values)
    assert digest != values["row_hash"]
    touched = tamper(services, f"UPDATE {table} SET {column} = ?, row_hash = ? WHERE id = ?",
                     (value, digest, record_id))
    assert touched == 1


def audit_count(services: Services) -> int:
    return int(fetch(services, "SELECT count(*) FROM audit_log")[0][0])


def kinds(problems: list[Problem]) -> set[str]:
    return {p.kind for p in problems}


def named(problems: list[Problem], kind: str, table: str | None,
          record_id: int | None) -> list[Problem]:
    return [p for p in problems
            if p.kind == kind and p.entity == table and p.record_id == record_id]


def assert_intact(services: Services) -> None:
    result = services.audit.verify()
    assert result.problems == []
    assert result.intact


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class World:
    services: Services
    clock: FakeClock
    prolific: int  # platform ids
    toloka: int
    manual_session: int
    running_session: int
    task_pending: int  # tasks written one by one
    task_approved: int
    task_rejected: int
    payout: int
    event: int
    first_bulk: int  # tasks written by bulk_insert
    last_bulk: int


def bulk_rows(platform_id: int, count: int, start: datetime, prefix: str = "B") -> \
        Iterator[dict[str, Any]]:
    base = epoch_seconds(start)
    for n in range(count):
        yield {
            "platform_id": platform_id,
            "external_id": f"{prefix}{n:06d}",
            "title": f"Survey {n}",
            "reward": 50 + n % 7,
            "earned": 50 + n % 7 if n % 3 == 0 else None,
            "currency": "USD",
            "status": ("approved", "pending", "rejected")[n % 3],
            "started_at": base + n * 60,
            "submitted_at": base + n * 60 + 45,
            "duration_s": 45,
        }
