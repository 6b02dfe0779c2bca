"""RateService: setting, listing, checking, deleting and restoring exchange rates (for undo)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import InvalidInput
from app.services import Services

MARCH_1 = date(2026, 3, 1)
MARCH_5 = date(2026, 3, 5)


def test_rows_list_the_home_currency_rates_by_currency_newest_first(services: Services) -> None:
    services.rates.set("USD", "0.90", on=MARCH_1)
    services.rates.set("GBP", "1.17", on=MARCH_1)
    services.rates.set("USD", "0.95", on=MARCH_5)

    rows = services.rates.rows()

    assert [(r.currency, r.rate, r.valid_from) for r in rows] == [
        ("GBP", Decimal("1.17"), MARCH_1),
        ("USD", Decimal("0.95"), MARCH_5),
        ("USD", Decimal("0.90"), MARCH_1),
    ]
    assert {r.home_currency for r in rows} == {"EUR"}
    assert services.rates.rows("GBP") == []


def test_set_without_a_date_uses_today_and_returns_the_stored_values(services: Services) -> None:
    code, rate, day = services.rates.set(" gbp ", "1,17")

    assert (code, rate, day) == ("GBP", Decimal("1.17"), date(2026, 3, 10))
    assert services.rates.table().rate_on("GBP", day) == Decimal("1.17")


def test_check_validates_like_set_and_writes_nothing(services: Services) -> None:
    assert services.rates.check("gbp", "1.17") == ("GBP", Decimal("1.17"))
    with pytest.raises(InvalidInput, match="'XX' is not a currency code"):
        services.rates.check("XX", "1")
    with pytest.raises(InvalidInput, match="EUR is your home currency"):
        services.rates.check("eur", "1")
    with pytest.raises(InvalidInput, match="'abc' is not a number"):
        services.rates.check("GBP", "abc")
    with pytest.raises(InvalidInput, match="must be more than 0"):
        services.rates.check("GBP", "0")
    with pytest.raises(InvalidInput, match="too large"):
        services.rates.check("GBP", "10000000000")
    assert services.rates.rows() == []


def test_put_then_revert_removes_a_new_rate(services: Services) -> None:
    change = services.rates.put("GBP", "1.17", MARCH_1)

    assert change.previous is None
    assert [r.id for r in services.rates.rows()] == [change.new.id]
    services.rates.revert(change)
    assert services.rates.rows() == []
    assert not services.rates.table().has("GBP")


def test_put_then_revert_puts_back_the_rate_it_replaced(services: Services) -> None:
    services.rates.set("GBP", "1.17", MARCH_1)

    change = services.rates.put("GBP", "1.20", MARCH_1)

    assert change.previous is not None and change.previous.rate == Decimal("1.17")
    assert services.rates.table().rate_on("GBP", MARCH_1) == Decimal("1.20")
    services.rates.revert(change)
    rows = services.rates.rows()
    assert [(r.id, r.rate) for r in rows] == [(change.new.id, Decimal("1.17"))]


def test_delete_and_restore_keep_the_id_and_the_audit_chain(services: Services) -> None:
    services.rates.set("USD", "0.90", on=MARCH_1)
    kept = services.rates.rows()[0]

    deleted = services.rates.delete(kept.id)

    assert deleted == kept
    assert services.rates.rows() == []
    assert services.rates.delete(kept.id) is None
    restored = services.rates.restore(kept)
    assert restored == kept
    assert services.rates.rows() == [kept]
    assert services.audit.verify().intact


def test_restore_over_a_rate_added_since_updates_it(services: Services) -> None:
    services.rates.set("USD", "0.90", on=MARCH_1)
    old = services.rates.rows()[0]
    services.rates.delete(old.id)
    services.rates.set("USD", "0.99", on=MARCH_1)

    restored = services.rates.restore(old)

    assert restored.rate == Decimal("0.90")
    assert len(services.rates.rows()) == 1
    assert services.audit.verify().intact
