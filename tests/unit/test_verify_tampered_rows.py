"""`verify` names every row deleted from or inserted into the SQLite file behind the
app's back (see tests/unit/verify_helpers.py for how it tampers)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from app.storage.hashing import row_hash
from app.storage.models import Task
from tests.unit.verify_helpers import (
    BULK_ROWS,
    IMPORT,
    World,
    assert_intact,
    bulk_rows,
    edit_and_rehash,
    fetch,
    named,
    raw,
    row_of,
    tamper,
)


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
