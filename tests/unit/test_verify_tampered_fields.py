"""`verify` names every field edited in the SQLite file behind the app's back, even with
the row's hash recomputed (see tests/unit/verify_helpers.py for how it tampers)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.verify_helpers import (
    BULK_ROWS,
    World,
    edit_and_rehash,
    fetch,
    kinds,
    named,
    tamper,
)


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
