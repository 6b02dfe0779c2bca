"""The audit trail and `verify`: data written through the services verifies intact, each
row hash matches its content, and every change appends one chained audit entry."""

from __future__ import annotations

import json

from app.storage.hashing import row_hash
from app.storage.models import Task
from app.storage.types import epoch_seconds
from tests.unit.verify_helpers import (
    IMPORT,
    World,
    assert_intact,
    audit_count,
    fetch,
    row_of,
)


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
