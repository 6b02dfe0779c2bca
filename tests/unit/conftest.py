"""Fixtures of the unit tests: platforms of the report's definitions' tests."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from tests.unit.report_helpers import utc


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
