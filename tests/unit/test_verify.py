"""The audit trail and `verify`: data written through the services verifies intact, and
every change made to the SQLite file behind the app's back is named.

Tampering goes through a separate stdlib sqlite3 connection (the database is in
WAL mode, so it can write while the app's engine is open), exactly as someone
editing the file with a SQLite browser would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.domain.statuses import Origin
from app.services import Services
from app.services.audit import Problem
from app.storage.hashing import merkle_root, row_hash
from app.storage.models import AuditEntry, Task
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


@pytest.fixture
def world(services: Services, clock: FakeClock) -> World:
    now = clock.now()
    services.settings.set("max_payout_days", "10")
    services.rates.set("GBP", "1.17")
    prolific = services.platforms.add("Prolific", currency="GBP").id
    toloka = services.platforms.add("Toloka", currency="USD").id
    services.platforms.add_sign("Toloka", "upfront-fee", note="asked for a fee")

    manual, _ = services.timer.start("Prolific", at=now - timedelta(hours=3))
    services.timer.stop(at=now - timedelta(hours=2))
    pending = services.tasks.add(
        "Prolific", "1.50", external_id="P1", title="Pending one",
        started=now - timedelta(hours=3), submitted=now - timedelta(hours=2, minutes=50))
    approved = services.tasks.add(
        "Prolific", "2.00", external_id="P2", started=now - timedelta(hours=2, minutes=40),
        submitted=now - timedelta(hours=2, minutes=20))
    rejected = services.tasks.add(
        "Prolific", "0.80", external_id="P3", submitted=now - timedelta(hours=2, minutes=10))
    clock.advance(minutes=5)
    services.tasks.update("Prolific", "P2", status="approved", earned="2.00")
    services.tasks.update("Prolific", "P3", status="rejected", reason="failed attention check")

    payout = services.payouts.add("Prolific", "10.00", requested=now - timedelta(days=2),
                                  method="PayPal")
    services.payouts.receive(payout.id, at=now - timedelta(hours=1))
    event = services.events.add("Toloka", "balance_withheld", amount="12.00",
                                note="withheld pending review")

    running, _ = services.timer.start("Toloka")  # live: origin timer, left running
    written = services.tasks.bulk_insert(
        bulk_rows(toloka, BULK_ROWS, now - timedelta(days=3)), IMPORT)
    assert written == BULK_ROWS
    ids = [r[0] for r in fetch(services, "SELECT id FROM tasks WHERE origin = ? ORDER BY id",
                               (IMPORT,))]
    assert len(ids) == BULK_ROWS and ids == list(range(ids[0], ids[0] + BULK_ROWS))
    return World(services, clock, prolific, toloka, manual.id, running.id, pending.id,
                 approved.id, rejected.id, payout.id, event.id, ids[0], ids[-1])


def test_data_written_through_the_services_verifies_intact(world: World) -> None:
    result = world.services.audit.verify()
    assert result.problems == []
    assert result.intact
    assert result.entries == audit_count(world.services)
    tables = ("platforms", "work_sessions", "tasks", "payouts", "account_events", "scam_signs",
              "exchange_rates", "settings", "attachments")
    total = sum(int(fetch(world.services, f"SELECT count(*) FROM {t}")[0][0]) for t in tables)
    assert result.records == total
    head = fetch(world.services, "SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")
    assert result.head == head[0][0]
    assert world.services.audit.head() == (result.entries, result.head)


def test_every_stored_row_hash_matches_its_content(world: World) -> None:
    for table in ("platforms", "work_sessions", "tasks", "payouts", "account_events",
                  "scam_signs", "exchange_rates", "settings"):
        rows = fetch(world.services, f"SELECT * FROM {table}")
        assert rows, table
        for row in rows:
            values = dict(row)
            assert values["row_hash"] == row_hash(table, values), (table, values["id"])


def test_every_change_appends_one_chained_entry(world: World) -> None:
    services = world.services
    before = fetch(services, "SELECT * FROM audit_log ORDER BY id")
    assert [e["id"] for e in before] == list(range(1, len(before) + 1))
    previous = "0" * 64
    for entry in before:
        assert entry["prev_hash"] == previous
        previous = entry["entry_hash"]

    world.clock.advance(minutes=1)
    services.tasks.update("Prolific", "P1", status="approved")
    after = fetch(services, "SELECT * FROM audit_log ORDER BY id")
    assert len(after) == len(before) + 1
    entry = after[-1]
    assert (entry["action"], entry["entity"], entry["entity_id"]) == (
        "status", "tasks", world.task_pending)
    assert entry["prev_hash"] == before[-1]["entry_hash"]
    task = row_of(services, "tasks", world.task_pending)
    assert entry["new_hash"] == task["row_hash"]
    old = [e for e in before if e["entity"] == "tasks" and e["entity_id"] == world.task_pending]
    assert entry["old_hash"] == old[-1]["new_hash"]
    details = json.loads(entry["details"])
    assert details["status"] == ["pending", "approved"]
    assert_intact(services)


def test_the_actions_recorded_for_each_kind_of_change(world: World) -> None:
    entries = fetch(world.services, "SELECT action, entity, entity_id, origin FROM audit_log")
    seen = {(e["action"], e["entity"]) for e in entries}
    for expected in (("create", "platforms"), ("create", "work_sessions"),
                     ("update", "work_sessions"), ("create", "tasks"), ("status", "tasks"),
                     ("create", "payouts"), ("status", "payouts"), ("create", "account_events"),
                     ("create", "exchange_rates"), ("create", "scam_signs"),
                     ("create", "settings"), ("bulk", "tasks")):
        assert expected in seen, expected
    bulk = [e for e in entries if e["action"] == "bulk"]
    assert len(bulk) == 1 and bulk[0]["origin"] == IMPORT and bulk[0]["entity_id"] is None


def test_a_delete_through_the_app_is_audited_and_verifies_intact(world: World) -> None:
    services = world.services
    before = audit_count(services)
    with services.ctx.db.write() as session:
        session.delete(session.get_one(Task, world.task_pending))
        session.delete(session.get_one(Task, world.first_bulk + 10))
    assert audit_count(services) == before + 2
    deletes = fetch(services, "SELECT * FROM audit_log WHERE action = 'delete' ORDER BY id")
    assert [(d["entity"], d["entity_id"]) for d in deletes] == [
        ("tasks", world.task_pending), ("tasks", world.first_bulk + 10)]
    assert all(d["new_hash"] is None and d["old_hash"] for d in deletes)
    assert_intact(services)


def test_a_bulk_row_edited_through_the_app_still_verifies_intact(world: World) -> None:
    services = world.services
    world.clock.advance(hours=1)
    services.tasks.update("Toloka", "B000001", status="approved", earned="0.51")
    assert_intact(services)
    edited = row_of(services, "tasks", world.first_bulk + 1)
    assert edited["origin"] == IMPORT  # an edit does not change how it was entered
    assert edited["edited_at"] == epoch_seconds(world.clock.now())


# --------------------------------------------------------------------------- bulk


def test_a_bulk_insert_of_n_rows_adds_exactly_one_audit_entry(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    before = audit_count(services)
    count = 7500  # more than one insert batch (BULK_CHUNK) of the service, still one entry
    written = services.tasks.bulk_insert(
        bulk_rows(platform, count, clock.now() - timedelta(days=5)), IMPORT,
        details={"file": "export.csv"})
    assert written == count
    assert audit_count(services) == before + 1
    entry = fetch(services, "SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert (entry["action"], entry["entity"], entry["origin"]) == ("bulk", "tasks", IMPORT)
    details = json.loads(entry["details"])
    rows = fetch(services, "SELECT id, row_hash FROM tasks WHERE origin = ? ORDER BY id",
                 (IMPORT,))
    assert details["count"] == count
    assert details["file"] == "export.csv"
    assert (details["first_id"], details["last_id"]) == (rows[0]["id"], rows[-1]["id"])
    assert details["merkle_root"] == merkle_root(r["row_hash"] for r in rows)
    assert entry["new_hash"] == details["merkle_root"]
    assert_intact(services)


def test_an_empty_bulk_insert_writes_no_entry(services: Services) -> None:
    services.platforms.add("Appen", currency="USD")
    before = audit_count(services)
    assert services.tasks.bulk_insert(iter(()), IMPORT) == 0
    assert audit_count(services) == before
    assert_intact(services)


def test_two_bulk_inserts_in_a_row_verify_intact(services: Services, clock: FakeClock) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    start = clock.now() - timedelta(days=5)
    services.tasks.bulk_insert(bulk_rows(platform, 300, start, "A"), IMPORT)
    services.tasks.add("Appen", "0.10", external_id="between")
    services.tasks.bulk_insert(bulk_rows(platform, 301, start, "C"), Origin.imported("json"))
    bulks = fetch(services, "SELECT details FROM audit_log WHERE action = 'bulk' ORDER BY id")
    assert [json.loads(b["details"])["count"] for b in bulks] == [300, 301]
    assert_intact(services)


# --------------------------------------------------------------------------- origin and times


def test_origin_recorded_and_edited_times(world: World) -> None:
    services, clock = world.services, world.clock
    created = epoch_seconds(clock.now()) - 5 * 60  # tasks were added before the clock moved
    pending = row_of(services, "tasks", world.task_pending)
    assert pending["origin"] == "manual"
    assert pending["recorded_at"] == created
    assert pending["edited_at"] == created
    approved = row_of(services, "tasks", world.task_approved)
    assert approved["recorded_at"] == created
    assert approved["edited_at"] == epoch_seconds(clock.now())  # the status change

    assert row_of(services, "work_sessions", world.manual_session)["origin"] == "manual"
    running = row_of(services, "work_sessions", world.running_session)
    assert running["origin"] == "timer"
    assert running["ended_at"] is None
    bulk = row_of(services, "tasks", world.first_bulk)
    assert bulk["origin"] == IMPORT
    assert bulk["recorded_at"] == bulk["edited_at"] == epoch_seconds(clock.now())

    clock.advance(hours=2, seconds=7)
    services.tasks.update("Prolific", "P1", status="approved", earned="1.50")
    moved = row_of(services, "tasks", world.task_pending)
    assert moved["recorded_at"] == created
    assert moved["edited_at"] == epoch_seconds(clock.now())
    assert moved["origin"] == "manual"
    assert moved["decided_at"] == epoch_seconds(clock.now())

    clock.advance(minutes=3)
    services.timer.stop()  # the live session keeps origin timer and records its edit
    stopped = row_of(services, "work_sessions", world.running_session)
    assert stopped["origin"] == "timer"
    assert stopped["edited_at"] == stopped["ended_at"] == epoch_seconds(clock.now())
    assert stopped["recorded_at"] < stopped["edited_at"]
    assert_intact(services)


def test_recorded_at_is_whole_seconds_even_with_a_fractional_clock(
    services: Services, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 3, 10, 9, 0, 0, 750_000, tzinfo=UTC))
    services.platforms.add("Appen")
    row = fetch(services, "SELECT recorded_at, edited_at FROM platforms")[0]
    assert row["recorded_at"] == row["edited_at"] == epoch_seconds(clock.now())
    assert_intact(services)


def test_an_update_that_changes_nothing_writes_no_entry(world: World) -> None:
    services = world.services
    before = audit_count(services)
    edited = row_of(services, "tasks", world.task_approved)["edited_at"]
    world.clock.advance(hours=1)
    services.tasks.update("Prolific", "P2", status="approved")  # already approved
    assert audit_count(services) == before
    assert row_of(services, "tasks", world.task_approved)["edited_at"] == edited
    assert_intact(services)


# --------------------------------------------------------------------------- tampering: fields


@pytest.mark.parametrize(
    ("table", "attribute", "column", "value"),
    [
        ("tasks", "task_approved", "earned", 20000),
        ("tasks", "task_rejected", "status", "approved"),
        ("tasks", "task_pending", "started_at", 1_700_000_000),
        ("payouts", "payout", "amount", 1),
        ("account_events", "event", "note", "nothing happened"),
        ("work_sessions", "manual_session", "origin", "timer"),
        ("platforms", "prolific", "name", "Prolific (renamed)"),
    ],
)
def test_a_field_edited_behind_the_back_is_named(
    world: World, table: str, attribute: str, column: str, value: Any
) -> None:
    record_id = getattr(world, attribute)
    assert tamper(world.services, f"UPDATE {table} SET {column} = ? WHERE id = ?",
                  (value, record_id)) == 1
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", table, record_id), problems
    assert kinds(problems) == {"changed"}
    assert {(p.entity, p.record_id) for p in problems} == {(table, record_id)}
    assert str(record_id) in problems[0].message


def test_a_setting_edited_behind_the_back_is_named(world: World) -> None:
    setting = fetch(world.services, "SELECT id FROM settings WHERE key = 'min_wage'")[0]["id"]
    tamper(world.services, "UPDATE settings SET value = '1.00' WHERE id = ?", (setting,))
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "settings", setting)
    assert kinds(problems) == {"changed"}


def test_a_rate_edited_behind_the_back_is_named(world: World) -> None:
    rate = fetch(world.services, "SELECT id FROM exchange_rates")[0]["id"]
    tamper(world.services, "UPDATE exchange_rates SET rate = '2.5' WHERE id = ?", (rate,))
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "exchange_rates", rate)


def test_a_bulk_row_field_edited_behind_the_back_is_named(world: World) -> None:
    target = world.first_bulk + 500
    tamper(world.services, "UPDATE tasks SET reward = 99999 WHERE id = ?", (target,))
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "tasks", target), problems
    assert {(p.kind, p.record_id) for p in problems} == {("changed", target)}


def test_a_field_edited_with_its_hash_recomputed_is_still_caught(world: World) -> None:
    edit_and_rehash(world.services, "tasks", world.task_approved, "earned", 20000)
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "tasks", world.task_approved), problems
    assert {(p.kind, p.entity, p.record_id) for p in problems} == {
        ("changed", "tasks", world.task_approved)}
    assert "audit log" in problems[0].message


def test_a_payout_edited_with_its_hash_recomputed_is_still_caught(world: World) -> None:
    edit_and_rehash(world.services, "payouts", world.payout, "status", "refused")
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "payouts", world.payout), problems


@pytest.mark.parametrize("offset", [0, 1, 499, BULK_ROWS - 1])
def test_a_bulk_row_edited_with_its_hash_recomputed_breaks_the_merkle_root(
    world: World, offset: int
) -> None:
    target = world.first_bulk + offset
    edit_and_rehash(world.services, "tasks", target, "reward", 99999)
    problems = world.services.audit.verify().problems
    assert kinds(problems) == {"bulk_changed"}, problems
    (problem,) = problems
    assert problem.entity == "tasks"
    assert f"{world.first_bulk} to {world.last_bulk}" in problem.message


def test_a_bulk_row_edited_after_an_app_update_is_still_caught(world: World) -> None:
    target = world.first_bulk + 2
    world.services.tasks.update("Toloka", "B000002", status="approved")
    edit_and_rehash(world.services, "tasks", target, "earned", 99999)
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "tasks", target), problems


def test_a_time_field_edited_to_garbage_is_named_not_a_crash(world: World) -> None:
    tamper(world.services, "UPDATE tasks SET started_at = 'yesterday' WHERE id = ?",
           (world.task_pending,))
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "tasks", world.task_pending)


# --------------------------------------------------------------------------- tampering: rows


@pytest.mark.parametrize(
    ("table", "attribute"),
    [("tasks", "task_pending"), ("tasks", "task_rejected"), ("payouts", "payout"),
     ("account_events", "event"), ("work_sessions", "running_session")],
)
def test_a_row_deleted_behind_the_back_is_named(
    world: World, table: str, attribute: str
) -> None:
    record_id = getattr(world, attribute)
    assert tamper(world.services, f"DELETE FROM {table} WHERE id = ?", (record_id,)) == 1
    problems = world.services.audit.verify().problems
    assert named(problems, "deleted", table, record_id), problems
    assert {(p.kind, p.entity, p.record_id) for p in problems} == {
        ("deleted", table, record_id)}


@pytest.mark.parametrize("offset", [0, 1, 500, BULK_ROWS - 1])
def test_a_bulk_row_deleted_behind_the_back_is_named(world: World, offset: int) -> None:
    target = world.first_bulk + offset
    assert tamper(world.services, "DELETE FROM tasks WHERE id = ?", (target,)) == 1
    problems = world.services.audit.verify().problems
    assert named(problems, "deleted", "tasks", target), problems
    assert {(p.kind, p.record_id) for p in problems} == {("deleted", target)}


def test_several_bulk_rows_deleted_are_each_named(world: World) -> None:
    targets = [world.first_bulk + n for n in (3, 4, 5, 700)]
    tamper(world.services, f"DELETE FROM tasks WHERE id IN ({','.join('?' * len(targets))})",
           tuple(targets))
    problems = world.services.audit.verify().problems
    assert sorted(p.record_id for p in problems if p.kind == "deleted") == targets


def test_a_row_inserted_behind_the_back_is_named(world: World) -> None:
    values = row_of(world.services, "tasks", world.task_pending)
    del values["id"]
    values.update(external_id="forged", reward=100000, row_hash="")
    connection = raw(world.services)
    try:
        columns = ", ".join(values)
        cursor = connection.execute(
            f"INSERT INTO tasks ({columns}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values()))
        new_id = cursor.lastrowid
        assert new_id is not None
        stored = dict(connection.execute("SELECT * FROM tasks WHERE id = ?", (new_id,))
                      .fetchone())
        # A careful forger gives the row a valid hash: the audit log still has no entry for it.
        connection.execute("UPDATE tasks SET row_hash = ? WHERE id = ?",
                           (row_hash("tasks", stored), new_id))
        connection.commit()
    finally:
        connection.close()
    problems = world.services.audit.verify().problems
    assert named(problems, "inserted", "tasks", new_id), problems
    assert {(p.kind, p.record_id) for p in problems} == {("inserted", new_id)}


def test_a_platform_inserted_behind_the_back_is_named(world: World) -> None:
    values = row_of(world.services, "platforms", world.toloka)
    values.update(name="Forged", name_key="forged")
    del values["id"]
    connection = raw(world.services)
    try:
        cursor = connection.execute(
            f"INSERT INTO platforms ({', '.join(values)}) "
            f"VALUES ({', '.join('?' * len(values))})", tuple(values.values()))
        new_id = cursor.lastrowid
        connection.commit()
    finally:
        connection.close()
    problems = world.services.audit.verify().problems
    assert named(problems, "inserted", "platforms", new_id)


def test_a_row_deleted_by_the_app_and_put_back_is_named(world: World) -> None:
    services = world.services
    kept = row_of(services, "account_events", world.event)
    with services.ctx.db.write() as session:
        from app.storage.models import AccountEvent

        session.delete(session.get_one(AccountEvent, world.event))
    assert_intact(services)
    connection = raw(services)
    try:
        connection.execute(
            f"INSERT INTO account_events ({', '.join(kept)}) VALUES "
            f"({', '.join('?' * len(kept))})", tuple(kept.values()))
        connection.commit()
    finally:
        connection.close()
    problems = services.audit.verify().problems
    assert named(problems, "inserted", "account_events", world.event), problems


def test_a_row_replaced_behind_the_back_by_one_with_a_valid_hash(world: World) -> None:
    """New content under the same id with a self-consistent hash (as a delete + re-insert)."""
    edit_and_rehash(world.services, "account_events", world.event, "amount", 0)
    problems = world.services.audit.verify().problems
    assert named(problems, "changed", "account_events", world.event)


def test_a_deleted_newest_row_is_named_even_after_the_app_reuses_its_id(world: World) -> None:
    services = world.services
    newest = int(fetch(services, "SELECT max(id) FROM account_events")[0][0])
    tamper(services, "DELETE FROM account_events WHERE id = ?", (newest,))
    reborn = services.events.add("Toloka", "message", note="a new event")
    assert reborn.id > newest  # ids are never handed out twice (AUTOINCREMENT)
    problems = services.audit.verify().problems
    assert named(problems, "deleted", "account_events", newest), problems


def test_a_bulk_insert_after_the_app_deleted_the_newest_task_verifies_intact(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    task = services.tasks.add("Appen", "0.10", external_id="solo")
    with services.ctx.db.write() as session:
        session.delete(session.get_one(Task, task.id))
    assert_intact(services)
    services.tasks.bulk_insert(bulk_rows(platform, 10, clock.now() - timedelta(days=1)), IMPORT)
    assert_intact(services)


# --------------------------------------------------------------------------- tampering: audit log


def test_an_audit_entry_with_altered_details_is_named(world: World) -> None:
    entry = fetch(world.services,
                  "SELECT id FROM audit_log WHERE entity = 'payouts' ORDER BY id LIMIT 1")[0]["id"]
    tamper(world.services, "UPDATE audit_log SET details = '{\"amount\": 1}' WHERE id = ?",
           (entry,))
    problems = world.services.audit.verify().problems
    assert named(problems, "entry_altered", "audit_log", entry), problems
    assert kinds(problems) == {"entry_altered"}


@pytest.mark.parametrize(("column", "value"), [
    ("action", "update"), ("entity_id", 999), ("origin", "import:csv"), ("at", 1),
])
def test_any_audit_field_altered_is_named(world: World, column: str, value: Any) -> None:
    entry = 5
    tamper(world.services, f"UPDATE audit_log SET {column} = ? WHERE id = ?", (value, entry))
    problems = world.services.audit.verify().problems
    assert named(problems, "entry_altered", "audit_log", entry), problems


def test_a_bulk_entry_with_an_altered_merkle_root_is_named(world: World) -> None:
    entry = fetch(world.services, "SELECT id, details FROM audit_log WHERE action = 'bulk'")[0]
    details = json.loads(entry["details"])
    details["merkle_root"] = "f" * 64
    tamper(world.services, "UPDATE audit_log SET details = ? WHERE id = ?",
           (json.dumps(details, sort_keys=True), entry["id"]))
    problems = world.services.audit.verify().problems
    assert named(problems, "entry_altered", "audit_log", entry["id"]), problems


def test_a_bulk_entry_with_unreadable_details_is_named(world: World) -> None:
    entry = fetch(world.services, "SELECT id FROM audit_log WHERE action = 'bulk'")[0]["id"]
    tamper(world.services, "UPDATE audit_log SET details = 'not json' WHERE id = ?", (entry,))
    problems = world.services.audit.verify().problems
    assert named(problems, "entry_altered", "audit_log", entry), problems


def test_an_audit_entry_deleted_from_the_middle_breaks_the_chain(world: World) -> None:
    total = audit_count(world.services)
    middle = total // 2
    tamper(world.services, "DELETE FROM audit_log WHERE id = ?", (middle,))
    problems = world.services.audit.verify().problems
    broken = [p for p in problems if p.kind == "chain_broken"]
    assert broken, problems
    assert {p.record_id for p in broken} == {middle + 1}
    assert all(p.entity == "audit_log" for p in broken)


def test_an_audit_entry_altered_and_rehashed_breaks_the_next_link(world: World) -> None:
    """A forger who recomputes the altered entry's own hash still breaks the link after it."""
    from app.storage.audit import entry_fields
    from app.storage.hashing import entry_hash

    services = world.services
    target = 6
    entry = row_of(services, "audit_log", target)
    entry["details"] = '{"forged": true}'
    fields = entry_fields(entry["id"], entry["at"], entry["action"], entry["entity"],
                          entry["entity_id"], entry["origin"], entry["old_hash"],
                          entry["new_hash"], entry["details"])
    digest = entry_hash(entry["prev_hash"], fields)
    tamper(services, "UPDATE audit_log SET details = ?, entry_hash = ? WHERE id = ?",
           (entry["details"], digest, target))
    problems = services.audit.verify().problems
    assert named(problems, "chain_broken", "audit_log", target + 1), problems
    assert not named(problems, "entry_altered", "audit_log", target)


def test_the_whole_audit_log_emptied_names_every_record_as_inserted(world: World) -> None:
    tamper(world.services, "DELETE FROM audit_log")
    problems = world.services.audit.verify().problems
    inserted = {(p.entity, p.record_id) for p in problems if p.kind == "inserted"}
    assert ("payouts", world.payout) in inserted
    assert ("tasks", world.first_bulk) in inserted
    assert ("tasks", world.last_bulk) in inserted


def test_entries_read_back_through_the_orm_match_the_raw_rows(world: World) -> None:
    with world.services.ctx.db.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert all(e.at.tzinfo is not None for e in entries)
        assert [e.entry_hash for e in entries] == [
            r[0] for r in fetch(world.services, "SELECT entry_hash FROM audit_log ORDER BY id")]
