"""Storage rules: aware UTC instants only, the pragmas on every connection, one running session
enforced by the database, and all-or-nothing writes (the record and its audit entry together).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from app.domain.clock import FakeClock
from app.domain.errors import Conflict
from app.services import Services
from app.storage.models import Platform, WorkSession
from app.storage.types import UtcDateTime, epoch_seconds, from_epoch


def count(services: Services, table: str) -> int:
    connection = sqlite3.connect(services.ctx.db.path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


# --------------------------------------------------------------------------- UtcDateTime


def test_the_type_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="naive"):
        UtcDateTime().process_bind_param(datetime(2026, 3, 10, 9, 0), None)  # type: ignore[arg-type]


def test_the_type_stores_whole_utc_seconds_and_reads_back_aware_utc() -> None:
    paris_winter = timezone(timedelta(hours=1))
    instant = datetime(2026, 3, 10, 10, 0, 30, 999_999, tzinfo=paris_winter)
    stored = UtcDateTime().process_bind_param(instant, None)  # type: ignore[arg-type]
    assert stored == epoch_seconds(datetime(2026, 3, 10, 9, 0, 30, tzinfo=UTC))
    back = UtcDateTime().process_result_value(stored, None)  # type: ignore[arg-type]
    assert back == datetime(2026, 3, 10, 9, 0, 30, tzinfo=UTC)
    assert back is not None and back.utcoffset() == timedelta(0)
    assert from_epoch(0) == datetime(1970, 1, 1, tzinfo=UTC)


def test_the_type_refuses_what_is_not_a_datetime() -> None:
    with pytest.raises(TypeError):
        UtcDateTime().process_bind_param("2026-03-10T09:00:00Z", None)  # type: ignore[arg-type]


def test_writing_a_session_with_a_naive_start_raises_and_writes_nothing(
    services: Services,
) -> None:
    platform = services.platforms.add("Prolific").id
    entries = count(services, "audit_log")
    with pytest.raises((ValueError, StatementError)) as caught, services.ctx.db.write() as session:
        session.add(WorkSession(platform_id=platform, activity="task",
                                started_at=datetime(2026, 3, 10, 9, 0), ended_at=None))
        session.flush()
    assert "naive" in str(caught.value)
    assert count(services, "work_sessions") == 0
    assert count(services, "audit_log") == entries
    assert services.audit.verify().intact


def test_reading_back_gives_aware_utc(services: Services, clock: FakeClock) -> None:
    services.platforms.add("Prolific")
    started, _ = services.timer.start("Prolific")
    with services.ctx.db.read() as session:
        row = session.get_one(WorkSession, started.id)
        assert row.started_at == clock.now()
        assert row.started_at.tzinfo is not None
        assert row.recorded_at.utcoffset() == timedelta(0)


# --------------------------------------------------------------------------- pragmas


def pragmas(connection: Any) -> dict[str, Any]:
    return {
        name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


def check(values: dict[str, Any]) -> None:
    assert str(values["journal_mode"]).lower() == "wal"
    assert values["synchronous"] == 2  # FULL
    assert values["foreign_keys"] == 1
    assert values["busy_timeout"] > 0


def test_pragmas_on_a_connection(services: Services) -> None:
    with services.ctx.db.engine.connect() as connection:
        check(pragmas(connection))


def test_pragmas_on_every_connection_of_the_pool(services: Services) -> None:
    engine = services.ctx.db.engine
    first = engine.connect()
    second = engine.connect()  # a second, simultaneous connection is a fresh DBAPI connection
    try:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        check(pragmas(first))
        check(pragmas(second))
    finally:
        first.close()
        second.close()
    engine.dispose()  # brand-new connections after a dispose get them too
    with engine.connect() as connection:
        check(pragmas(connection))


def test_the_write_session_uses_the_pragmas(services: Services) -> None:
    with services.ctx.db.write() as session:
        check(pragmas(session.connection()))


def test_foreign_keys_are_enforced(services: Services, clock: FakeClock) -> None:
    with pytest.raises(IntegrityError), services.ctx.db.write() as session:
        session.add(WorkSession(platform_id=4242, activity="task", started_at=clock.now()))
        session.flush()
    assert count(services, "work_sessions") == 0


# --------------------------------------------------------------------------- one running session


def test_the_database_refuses_a_second_running_session_inserted_with_raw_sql(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Prolific").id
    services.timer.start("Prolific")
    now = epoch_seconds(clock.now())
    connection = sqlite3.connect(services.ctx.db.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute(
                "INSERT INTO work_sessions (platform_id, activity, started_at, ended_at, origin, "
                "recorded_at, edited_at, row_hash) VALUES (?, 'search', ?, NULL, 'manual', ?, ?, "
                "'')", (platform, now - 60, now, now))
        connection.rollback()
        # Stopped sessions are not limited.
        for offset in (7200, 3600):
            connection.execute(
                "INSERT INTO work_sessions (platform_id, activity, started_at, ended_at, origin, "
                "recorded_at, edited_at, row_hash) VALUES (?, 'task', ?, ?, 'manual', ?, ?, '')",
                (platform, now - offset, now - offset + 600, now, now))
        connection.commit()
    finally:
        connection.close()
    assert count(services, "work_sessions") == 3


def test_the_database_refuses_two_running_sessions_even_when_none_ran_before(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Prolific").id
    now = epoch_seconds(clock.now())
    connection = sqlite3.connect(services.ctx.db.path)
    try:
        insert = ("INSERT INTO work_sessions (platform_id, activity, started_at, ended_at, "
                  "origin, recorded_at, edited_at, row_hash) "
                  "VALUES (?, 'task', ?, NULL, 'manual', ?, ?, '')")
        connection.execute(insert, (platform, now - 100, now, now))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, (platform, now - 50, now, now))
        connection.rollback()
    finally:
        connection.close()
    assert count(services, "work_sessions") == 0


def test_the_orm_cannot_bypass_the_one_running_session_rule(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Prolific").id
    services.timer.start("Prolific")
    entries = count(services, "audit_log")
    with pytest.raises(IntegrityError), services.ctx.db.write() as session:
        session.add(WorkSession(platform_id=platform, activity="search",
                                started_at=clock.now() - timedelta(minutes=1)))
        session.flush()
    assert count(services, "work_sessions") == 1
    assert count(services, "audit_log") == entries


def test_the_index_is_partial_and_unique(services: Services) -> None:
    connection = sqlite3.connect(services.ctx.db.path)
    try:
        sql = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'uq_work_sessions_one_running'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert "UNIQUE" in sql.upper()
    assert "WHERE ended_at IS NULL" in sql


def test_the_timer_reports_a_conflict_for_a_second_session(services: Services) -> None:
    services.platforms.add("Prolific")
    services.platforms.add("Toloka")
    services.timer.start("Prolific")
    with pytest.raises(Conflict):
        services.timer.start("Toloka")
    assert count(services, "work_sessions") == 1


# --------------------------------------------------------------------------- transactions


class Boom(Exception):
    pass


def test_a_write_that_raises_leaves_nothing(services: Services) -> None:
    platforms, entries = count(services, "platforms"), count(services, "audit_log")
    with pytest.raises(Boom), services.ctx.db.write() as session:
        session.add(Platform(name="Ghost", name_key="ghost", currency="EUR", archived=False))
        session.flush()  # the row and its audit entry are written inside the transaction...
        assert session.scalar(select(Platform.id).where(Platform.name_key == "ghost"))
        raise Boom  # ...and both go with the rollback
    assert count(services, "platforms") == platforms
    assert count(services, "audit_log") == entries
    assert services.audit.verify().intact


def test_a_bulk_insert_that_fails_half_way_leaves_nothing(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    entries = count(services, "audit_log")
    now = epoch_seconds(clock.now())

    def rows() -> Any:
        for n in range(6000):  # past the first batch of 5000, already sent to SQLite
            yield {"platform_id": platform, "external_id": f"X{n}", "reward": 10,
                   "currency": "USD", "status": "approved", "submitted_at": now - 60}
        raise Boom

    with pytest.raises(Boom):
        services.tasks.bulk_insert(rows(), "import:csv")
    assert count(services, "tasks") == 0
    assert count(services, "audit_log") == entries
    assert services.audit.verify().intact


def test_a_failed_write_does_not_block_the_next_one(services: Services) -> None:
    with pytest.raises(Boom), services.ctx.db.write() as session:
        session.add(Platform(name="Ghost", name_key="ghost", currency="EUR", archived=False))
        session.flush()
        raise Boom
    services.platforms.add("Ghost")
    assert count(services, "platforms") == 1
    assert services.audit.verify().intact


def test_a_reader_sees_committed_data_only(services: Services) -> None:
    services.platforms.add("Prolific")
    outside = sqlite3.connect(services.ctx.db.path)
    try:
        with services.ctx.db.write() as session:
            session.add(Platform(name="Toloka", name_key="toloka", currency="USD",
                                 archived=False))
            session.flush()
            seen = outside.execute("SELECT count(*) FROM platforms").fetchone()[0]
            assert seen == 1  # WAL: the uncommitted row is invisible to others
        assert outside.execute("SELECT count(*) FROM platforms").fetchone()[0] == 2
    finally:
        outside.close()
