"""The evidence report's integrity check: `AuditService.verify_records`, `verify` narrowed to
the report's records, and what the report says about it.

Given every row of the database, `verify_records` finds exactly what `verify` finds; given
some rows, it still checks the whole audit chain and which records exist, and the content
of the rows given (with the Merkle root of any bulk write holding one), not the others.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from app.services.audit import Problem, RowDigest, StoredRows
from app.storage.hashing import row_hash
from app.storage.models import AUDITED_MODELS, AccountEvent
from tests.unit.evidence_helpers import build, fill_ledger
from tests.unit.verify_helpers import (
    World,
    edit_and_rehash,
    fetch,
    raw,
    row_of,
    tamper,
)


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


TABLES = [model.__table__.name for model in AUDITED_MODELS]  # type: ignore[attr-defined]


def stored(
    services: Services, table: str, where: str = "", params: tuple[Any, ...] = ()
) -> StoredRows:
    connection = raw(services)
    try:
        cursor = connection.execute(f"SELECT * FROM {table} {where}", params)
        columns = [d[0] for d in cursor.description]
        return StoredRows(table, columns, [tuple(row) for row in cursor.fetchall()])
    finally:
        connection.close()


def everything(services: Services) -> list[StoredRows]:
    return [stored(services, table) for table in TABLES]


def found(problems: list[Problem]) -> set[tuple[str, str | None, int | None]]:
    return {(p.kind, p.entity, p.record_id) for p in problems}


# --------------------------------------------------------------------------- the digest


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        'quote " and \\ backslash',
        "tab\tnew\nline\r\x00\x1f\x7f",
        "é ü ß — “curly” 1\u202f250,00 \u2028\u2029",
        "emoji 😀 and 𝄞",
        "</script>",
        0,
        -1,
        2**63 - 1,
        -(2**63),
        10**30,
        None,
    ],
)
def test_the_fast_digest_is_row_hash(value: Any) -> None:
    columns = ["id", "title", "reward", "row_hash", "note"]
    for values in ((7, value, 3, "x", None), (7, "t", value, "x", value)):
        digest = RowDigest("tasks", columns)
        expected = row_hash("tasks", dict(zip(columns, values, strict=True)))
        assert digest.fast(values) == expected
        assert digest(values) == expected and digest(values) == expected
        assert digest.trusted


def test_the_fast_digest_falls_back_for_other_values() -> None:
    digest = RowDigest("exchange_rates", ["id", "rate", "row_hash"])
    assert digest((1, "1.5", "x")) == row_hash("exchange_rates", {"id": 1, "rate": "1.5"})
    with pytest.raises(TypeError):  # as `verify` would: a float is not a stored value
        digest((2, 1.5, "x"))


# --------------------------------------------------------------------------- same as verify


def _edit_task(world: World) -> None:
    tamper(world.services, "UPDATE tasks SET reward = 1 WHERE id = ?", (world.task_pending,))


def _edit_bulk_row(world: World) -> None:
    tamper(
        world.services, "UPDATE tasks SET reward = 99999 WHERE id = ?", (world.first_bulk + 500,)
    )


def _rehash_task(world: World) -> None:
    edit_and_rehash(world.services, "tasks", world.task_approved, "earned", 20000)


def _rehash_bulk_row(world: World) -> None:
    edit_and_rehash(world.services, "tasks", world.first_bulk + 1, "reward", 99999)


def _delete_payout(world: World) -> None:
    tamper(world.services, "DELETE FROM payouts WHERE id = ?", (world.payout,))


def _delete_bulk_rows(world: World) -> None:
    tamper(
        world.services,
        "DELETE FROM tasks WHERE id IN (?, ?, ?)",
        (world.first_bulk, world.first_bulk + 500, world.last_bulk),
    )


def _insert_task(world: World, platform: int | None = None) -> None:
    values = row_of(world.services, "tasks", world.task_pending)
    del values["id"]
    values.update(external_id="forged", reward=100000)
    if platform is not None:
        values["platform_id"] = platform
    tamper(
        world.services,
        f"INSERT INTO tasks ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )


def _put_back_event(world: World) -> None:
    kept = row_of(world.services, "account_events", world.event)
    with world.services.ctx.db.write() as session:
        session.delete(session.get_one(AccountEvent, world.event))
    tamper(
        world.services,
        f"INSERT INTO account_events ({', '.join(kept)}) VALUES ({', '.join('?' * len(kept))})",
        tuple(kept.values()),
    )


def _alter_entry(world: World) -> None:
    tamper(world.services, "UPDATE audit_log SET entity_id = 999 WHERE id = 5")


def _alter_merkle_root(world: World) -> None:
    entry = fetch(world.services, "SELECT id, details FROM audit_log WHERE action = 'bulk'")[0]
    details = json.loads(entry["details"])
    details["merkle_root"] = "f" * 64
    tamper(
        world.services,
        "UPDATE audit_log SET details = ? WHERE id = ?",
        (json.dumps(details, sort_keys=True), entry["id"]),
    )


def _break_chain(world: World) -> None:
    tamper(world.services, "DELETE FROM audit_log WHERE id = 7")


def _empty_log(world: World) -> None:
    tamper(world.services, "DELETE FROM audit_log")


def _edit_setting(world: World) -> None:
    tamper(world.services, "UPDATE settings SET value = '1.00' WHERE key = 'min_wage'")


def _nothing(world: World) -> None:
    pass


@pytest.mark.parametrize(
    "change",
    [
        _nothing,
        _edit_task,
        _edit_bulk_row,
        _rehash_task,
        _rehash_bulk_row,
        _delete_payout,
        _delete_bulk_rows,
        _insert_task,
        _put_back_event,
        _alter_entry,
        _alter_merkle_root,
        _break_chain,
        _empty_log,
        _edit_setting,
    ],
)
def test_given_every_row_it_finds_what_verify_finds(
    world: World, change: Callable[[World], None]
) -> None:
    change(world)
    whole = world.services.audit.verify()
    narrowed = world.services.audit.verify_records(everything(world.services))
    assert found(narrowed.problems) == found(whole.problems)
    assert (narrowed.entries, narrowed.head) == (whole.entries, whole.head)
    assert narrowed.records == whole.records
    assert narrowed.intact == (change is _nothing)


# --------------------------------------------------------------------------- narrowed


def some(world: World) -> list[StoredRows]:
    """Prolific's records, and the first ten rows of the bulk write."""
    services = world.services
    return [
        stored(services, "platforms", "WHERE id = ?", (world.prolific,)),
        stored(services, "tasks", "WHERE platform_id = ?", (world.prolific,)),
        stored(
            services, "tasks", "WHERE id >= ? AND id < ?", (world.first_bulk, world.first_bulk + 10)
        ),
        stored(services, "payouts"),
    ]


def test_it_counts_the_rows_given_and_checks_the_whole_chain(world: World) -> None:
    result = world.services.audit.verify_records(some(world))
    assert result.intact
    assert result.records == 1 + 3 + 10 + 1
    assert (result.entries, result.head) == world.services.audit.head()


def test_a_given_record_changed_is_named(world: World) -> None:
    _edit_task(world)
    result = world.services.audit.verify_records(some(world))
    assert found(result.problems) == {("changed", "tasks", world.task_pending)}


def test_a_given_record_rehashed_is_named(world: World) -> None:
    _rehash_task(world)
    result = world.services.audit.verify_records(some(world))
    assert found(result.problems) == {("changed", "tasks", world.task_approved)}


def test_the_content_of_records_not_given_is_not_checked(world: World) -> None:
    tamper(world.services, "UPDATE account_events SET note = 'x' WHERE id = ?", (world.event,))
    _edit_setting(world)
    tamper(world.services, "UPDATE tasks SET reward = 1 WHERE id = ?", (world.last_bulk,))
    assert world.services.audit.verify_records(some(world)).intact
    assert not world.services.audit.verify().intact


def test_a_bulk_write_holding_a_given_row_is_checked_whole(world: World) -> None:
    edit_and_rehash(world.services, "tasks", world.last_bulk, "reward", 99999)
    problems = world.services.audit.verify_records(some(world)).problems
    assert {p.kind for p in problems} == {"bulk_changed"}
    assert f"{world.first_bulk} to {world.last_bulk}" in problems[0].message


def test_records_deleted_or_inserted_anywhere_are_named(world: World) -> None:
    tamper(world.services, "DELETE FROM account_events WHERE id = ?", (world.event,))
    tamper(world.services, "DELETE FROM tasks WHERE id = ?", (world.last_bulk,))
    _insert_task(world, world.toloka)  # not one of the rows given
    new_id = int(fetch(world.services, "SELECT max(id) FROM tasks")[0][0])
    problems = world.services.audit.verify_records(some(world)).problems
    assert found(problems) == {
        ("deleted", "account_events", world.event),
        ("deleted", "tasks", world.last_bulk),
        ("inserted", "tasks", new_id),
    }


def test_an_altered_entry_is_named_whatever_it_touches(world: World) -> None:
    _alter_entry(world)
    problems = world.services.audit.verify_records([]).problems
    assert ("entry_altered", "audit_log", 5) in found(problems)


def test_rows_of_an_unknown_table_are_refused(world: World) -> None:
    with pytest.raises(ValueError, match="audit_log"):
        world.services.audit.verify_records([StoredRows("audit_log", ["id"], [(1,)])])


def test_the_bulk_rows_given_after_an_app_update_are_checked(world: World) -> None:
    world.services.tasks.update("Toloka", "B000002", status="approved")
    assert world.services.audit.verify_records(some(world)).intact
    edit_and_rehash(world.services, "tasks", world.first_bulk + 2, "earned", 99999)
    problems = world.services.audit.verify_records(some(world)).problems
    assert ("changed", "tasks", world.first_bulk + 2) in found(problems)


# --------------------------------------------------------------------------- the report


def test_the_report_checks_its_own_records(
    ledger: dict[str, Any], services: Services, evidence: Any
) -> None:
    document = build(evidence)
    integrity = document.integrity
    assert integrity.verified is True and integrity.problems == []
    records = 1 + sum(len(s.table.rows) for s in document.sections) + len(document.attachments)
    assert integrity.records == records
    fields = dict(document._integrity_fields())
    assert fields["Check of the database"] == (
        f"intact: every audit entry checked out, and the {records} records of this report "
        "match the audit log"
    )


def test_tampering_with_a_record_in_the_report_fails_its_check(
    ledger: dict[str, Any], services: Services, evidence: Any
) -> None:
    task_id = build(evidence).task_ids[0]
    tamper(services, "UPDATE tasks SET reward = reward + 1 WHERE id = ?", (task_id,))
    document = build(evidence)
    assert document.integrity.verified is False
    assert any(f"tasks record {task_id} was changed" in p for p in document.integrity.problems)
    state = dict(document._integrity_fields())["Check of the database"]
    assert state.startswith("1 problem found: ")


def test_tampering_outside_the_report_is_left_to_clickwage_verify(
    ledger: dict[str, Any], services: Services, evidence: Any, clock: Any
) -> None:
    outside = services.tasks.add(
        "Prolific", "3.00", external_id="LATER", submitted=clock.now() - timedelta(days=30)
    )
    tamper(services, "UPDATE tasks SET reward = 1 WHERE id = ?", (outside.id,))
    assert build(evidence).integrity.verified is True
    assert not services.audit.verify().intact
    whole = build(evidence, whole_database=True)
    assert whole.integrity.verified is False
    state = dict(whole._integrity_fields())["Check of the database"]
    assert state.startswith("1 problem found: ")


def test_the_whole_database_check_keeps_its_wording(
    ledger: dict[str, Any], services: Services, evidence: Any
) -> None:
    document = build(evidence, whole_database=True)
    assert document.integrity.verified is True
    fields = dict(document._integrity_fields())
    assert fields["Check of the database"] == "intact: every record and audit entry checked out"


def test_a_deleted_record_of_the_period_fails_the_check(
    ledger: dict[str, Any], services: Services, evidence: Any
) -> None:
    task_id = build(evidence).task_ids[-1]
    tamper(services, "DELETE FROM tasks WHERE id = ?", (task_id,))
    document = build(evidence)
    assert document.integrity.verified is False
    assert task_id not in document.task_ids
