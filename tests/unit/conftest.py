"""Fixtures of the unit tests: platforms of the report's definitions' tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from app.services.evidence import EvidenceService
from tests.unit.report_helpers import utc
from tests.unit.verify_helpers import BULK_ROWS, IMPORT, World, bulk_rows, fetch


@pytest.fixture
def eur(services: Services) -> str:
    """A platform in the home currency (EUR): no conversion involved."""
    services.platforms.add("Prolific")
    return "Prolific"


@pytest.fixture
def usd(services: Services, clock: FakeClock) -> str:
    """MTurk in USD; 1 USD = 0.90 EUR from 2026-03-01, 0.95 EUR from 2026-03-15."""
    clock.set(utc(2026, 4, 5, 12))
    services.platforms.add("MTurk", currency="USD")
    services.rates.set("USD", "0.90", on=date(2026, 3, 1))
    services.rates.set("USD", "0.95", on=date(2026, 3, 15))
    return "MTurk"


# --------------------------------------------------------------------------- verify
# The data of the audit trail's and `verify`'s tests (tests/unit/test_verify_*.py).


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


@pytest.fixture
def evidence(services: Services) -> EvidenceService:
    """The evidence model of the test's ledger (tests/unit/test_evidence_*.py)."""
    return EvidenceService(services)
