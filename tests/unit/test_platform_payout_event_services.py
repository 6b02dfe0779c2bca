"""The edits the window makes (and undoes) on platforms, payouts and account events.

Every inverse puts the record back exactly, under its old id, and the audit
trail still verifies afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.services import Services

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _intact(services: Services) -> None:
    result = services.audit.verify()
    assert result.intact, result.as_json()


# --------------------------------------------------------------------------- platforms


def test_update_sets_and_clears_overrides(services: Services) -> None:
    prolific = services.platforms.add("Prolific", "GBP")
    edited = services.platforms.update(
        prolific.id,
        min_wage="13,50",
        max_payout_days="7",
        max_review_days=10,
        url=" https://app.prolific.com ",
        account_ref="5f1c",
    )
    assert edited.min_wage == 1350  # home currency (EUR) minor units
    assert (edited.max_payout_days, edited.max_review_days) == (7, 10)
    assert edited.url == "https://app.prolific.com"
    assert services.reports.current("Prolific").platforms[0].flags == []
    cleared = services.platforms.update(
        prolific.id, min_wage="", max_payout_days=None, max_review_days=""
    )
    assert (cleared.min_wage, cleared.max_payout_days, cleared.max_review_days) == (
        None,
        None,
        None,
    )
    _intact(services)


def test_update_refuses_bad_values_and_writes_nothing(services: Services) -> None:
    prolific = services.platforms.add("Prolific", "GBP")
    services.platforms.add("Toloka", "USD")
    for changes in (
        {"min_wage": "abc"},
        {"max_payout_days": 5000},
        {"max_review_days": "soon"},
        {"currency": "EURO"},
        {"name": "  "},
        {"name": "toloka"},
        {"colour": "red"},
    ):
        with pytest.raises(InvalidInput):
            services.platforms.update(prolific.id, **changes)
    assert services.platforms.get_by_id(prolific.id) == prolific
    with pytest.raises(NotFound):
        services.platforms.update(999, name="Nobody")


def test_rename_keeps_case_insensitive_lookup(services: Services) -> None:
    platform = services.platforms.add("prolific", "GBP")
    services.platforms.update(platform.id, name="Prolific Academic")
    assert services.platforms.get("PROLIFIC academic").id == platform.id
    # A change of case only is not a clash with itself.
    assert services.platforms.update(platform.id, name="prolific academic").name == (
        "prolific academic"
    )


def test_editable_values_undo_an_update(services: Services) -> None:
    platform = services.platforms.add("Prolific", "GBP", min_wage="12.50", max_payout_days=5)
    before = services.platforms.editable(platform.id)
    assert before["min_wage"] == "12.50"
    services.platforms.update(platform.id, name="P", currency="USD", min_wage="1", archived=True)
    assert services.platforms.update(platform.id, **before) == platform
    _intact(services)


def test_archive_hides_from_the_active_list(services: Services) -> None:
    platform = services.platforms.add("Appen", "USD")
    services.platforms.set_archived(platform.id, True)
    assert [p.name for p in services.platforms.list(include_archived=False)] == []
    assert services.platforms.list()[0].archived
    services.platforms.set_archived(platform.id, False)
    assert [p.name for p in services.platforms.list(include_archived=False)] == ["Appen"]


def test_delete_and_restore_an_unused_platform(services: Services) -> None:
    platform = services.platforms.add("Appen", "USD", min_wage="10")
    snapshot = services.platforms.delete(platform.id)
    assert services.platforms.list() == []
    assert services.platforms.restore(snapshot) == platform
    _intact(services)


def test_a_platform_with_records_cannot_be_deleted(services: Services) -> None:
    platform = services.platforms.add("Appen", "USD")
    services.events.add("Appen", "message", at=NOW - timedelta(hours=1))
    with pytest.raises(Conflict, match="archive it instead"):
        services.platforms.delete(platform.id)
    assert services.platforms.count() == 1


# --------------------------------------------------------------------------- payouts


def _payout(services: Services, days_ago: float = 3, **kwargs: object):  # type: ignore[no-untyped-def]
    if services.platforms.count() == 0:
        services.platforms.add("Prolific", "GBP")
    return services.payouts.add(
        "Prolific", "20.00", NOW - timedelta(days=days_ago), **kwargs  # type: ignore[arg-type]
    )


def test_receive_then_reopen_puts_the_payout_back(services: Services) -> None:
    payout = _payout(services)
    received = services.payouts.receive(payout.id, NOW - timedelta(days=1), "22.80 EUR")
    assert (received.received_amount, received.received_currency) == (2280, "EUR")
    reopened = services.payouts.reopen(payout.id)
    assert reopened.status == "requested"
    assert (reopened.received_at, reopened.received_amount, reopened.received_currency) == (
        None,
        None,
        None,
    )
    assert services.payouts.get(payout.id) == reopened
    _intact(services)


def test_cancel_and_refuse_only_a_waiting_payout(services: Services) -> None:
    payout = _payout(services)
    assert services.payouts.cancel(payout.id).status == "cancelled"
    with pytest.raises(Conflict):
        services.payouts.refuse(payout.id)
    services.payouts.reopen(payout.id)
    assert services.payouts.refuse(payout.id).status == "refused"
    with pytest.raises(NotFound):
        services.payouts.cancel(12345)


def test_edit_and_its_undo(services: Services) -> None:
    payout = _payout(services, fee="0.50", method="PayPal", note="first")
    before = services.payouts.editable(payout.id)
    assert before["amount"] == "20.00" and before["fee"] == "0.50"
    edited = services.payouts.edit(
        payout.id, amount="25,10", fee="", method="Bank", reference="TX-1", note=""
    )
    assert (edited.amount, edited.fee, edited.method, edited.reference) == (2510, 0, "Bank", "TX-1")
    assert services.payouts.edit(payout.id, **before) == payout
    assert services.payouts.editable(payout.id)["note"] == "first"
    _intact(services)


def test_edit_refuses_a_future_request_or_one_after_receipt(
    services: Services, clock: FakeClock
) -> None:
    payout = _payout(services, days_ago=5)
    services.payouts.receive(payout.id, NOW - timedelta(days=2))
    with pytest.raises(InvalidInput, match="future"):
        services.payouts.edit(payout.id, requested_at=NOW + timedelta(days=1))
    with pytest.raises(InvalidInput, match="before the request"):
        services.payouts.edit(payout.id, requested_at=NOW - timedelta(days=1))
    with pytest.raises(InvalidInput):
        services.payouts.edit(payout.id, amount="-3")
    assert services.payouts.get(payout.id).requested_at == NOW - timedelta(days=5)


def test_delete_and_restore_a_payout_under_its_old_id(services: Services) -> None:
    payout = _payout(services, fee="1.00", asks_for_money=True)
    snapshot = services.payouts.delete(payout.id)
    assert services.payouts.list() == []
    assert services.payouts.restore(snapshot) == payout
    # The restored payout still counts as a warning sign.
    flags = services.reports.current("Prolific").platforms[0].flags
    assert "scam_risk" in [flag.code for flag in flags]
    _intact(services)


def test_slowest_payout_per_platform(services: Services) -> None:
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("Toloka", "USD")
    quick = services.payouts.add("Prolific", "5", NOW - timedelta(days=10))
    services.payouts.receive(quick.id, NOW - timedelta(days=8))
    services.payouts.add("Prolific", "5", NOW - timedelta(days=4))  # still waiting: 4 days
    old = services.payouts.add("Toloka", "5", NOW - timedelta(days=60))
    services.payouts.receive(old.id, NOW - timedelta(days=20))  # 40 days, but before the window
    cancelled = services.payouts.add("Toloka", "5", NOW - timedelta(days=9))
    services.payouts.cancel(cancelled.id)
    slowest = services.payouts.slowest(NOW - timedelta(days=30))
    assert slowest == {"Prolific": (4 * 86400, True)}


# --------------------------------------------------------------------------- events


def test_event_edit_delete_restore(services: Services) -> None:
    services.platforms.add("Clickworker", "EUR")
    event = services.events.add(
        "Clickworker", "account_closed", at=NOW - timedelta(days=2), amount="42.75", note="closed"
    )
    before = services.events.editable(event.id)
    assert before["amount"] == "42.75"
    assert services.reports.current().platforms[0].withheld == 4275
    edited = services.events.edit(event.id, kind="message", amount="", note=" mail ")
    assert (edited.kind, edited.amount, edited.note) == ("message", None, "mail")
    assert services.reports.current().platforms[0].withheld == 0
    assert services.events.edit(event.id, **before) == event
    snapshot = services.events.delete(event.id)
    assert services.events.list() == []
    assert services.events.restore(snapshot) == event
    assert services.events.get(event.id) == event
    _intact(services)


def test_event_edit_refuses_bad_values(services: Services) -> None:
    services.platforms.add("Clickworker", "EUR")
    event = services.events.add("Clickworker", "message", at=NOW - timedelta(days=2))
    for changes in (
        {"kind": "exploded"},
        {"at": NOW + timedelta(days=2)},
        {"amount": "lots"},
        {"colour": "red"},
    ):
        with pytest.raises(InvalidInput):
            services.events.edit(event.id, **changes)
    assert services.events.get(event.id) == event
    with pytest.raises(NotFound):
        services.events.delete(404)
