"""The origin, recorded and edited times the audited rows keep, and an update that
changes nothing writing no audit entry."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.clock import FakeClock
from app.services import Services
from app.storage.types import epoch_seconds
from tests.unit.verify_helpers import (
    IMPORT,
    World,
    assert_intact,
    audit_count,
    fetch,
    row_of,
)


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
