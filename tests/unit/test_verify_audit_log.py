"""`verify` names every change made to the audit log itself behind the app's back: an
entry altered, rehashed or deleted, or the whole log emptied."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from app.storage.models import AuditEntry
from tests.unit.verify_helpers import World, audit_count, fetch, kinds, named, row_of, tamper


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
