"""Money records of a Clickwage JSON dump: exchange rates and payouts.

Rates are matched by (currency, home currency, day), payouts by (platform,
request time, currency, amount); a matched record whose values changed is updated.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from app.domain.statuses import PayoutStatus
from app.services.imports.json_reader import DumpReader, Record
from app.storage.models import ExchangeRate, Payout
from app.storage.types import from_epoch

MAX_RATE = Decimal("1000000000")


def read_rates(dump: DumpReader) -> None:
    """Add or update exchange rates, matched by (currency, home currency, day)."""
    job, tr = dump.job, dump.job.tr
    counts = job.summary.count("rates")
    existing = {
        (row.currency, row.home_currency, row.valid_from): row
        for row in job.session.scalars(select(ExchangeRate))
    }
    for index, item in dump.section("rates"):
        record = Record(dump, "rates", index, item)
        currency = record.currency("currency")
        home = record.currency("home_currency")
        raw_rate, raw_day = (
            record.text("rate", required=True),
            record.text("valid_from", required=True),
        )
        rate: Decimal | None = None
        day: date | None = None
        try:
            rate = Decimal(raw_rate) if raw_rate else None
            if rate is not None and not (rate.is_finite() and 0 < rate <= MAX_RATE):
                raise InvalidOperation
        except InvalidOperation:
            record.fail("rate", tr.gettext("{value!r} is not a rate.").format(value=raw_rate))
        try:
            day = date.fromisoformat(raw_day) if raw_day else None
        except ValueError:
            record.fail("valid_from", tr.gettext("{value!r} is not a date.").format(value=raw_day))
        if not record.done() or None in (currency, home, rate, day):
            continue
        assert currency is not None and home is not None and rate is not None
        assert day is not None
        row = existing.get((currency, home, day))
        if row is not None and row.rate == rate:
            counts.unchanged += 1
            continue
        if row is not None:
            counts.updated += 1
            if job.write and not job.failed():
                row.rate = rate
            continue
        counts.added += 1
        if job.write and not job.failed():
            new = ExchangeRate(currency=currency, home_currency=home, rate=rate, valid_from=day)
            job.session.add(new)
            existing[(currency, home, day)] = new


def read_payouts(dump: DumpReader) -> None:
    """Add or update payouts, matched by (platform, request time, currency, amount)."""
    job, tr = dump.job, dump.job.tr
    counts = job.summary.count("payouts")
    existing: dict[tuple[int, int, str, int], Payout] = {}
    for row in job.session.scalars(select(Payout)):
        key = (row.platform_id, int(row.requested_at.timestamp()), row.currency, row.amount)
        existing[key] = row
    added: list[tuple[int, Payout]] = []
    for index, item in dump.section("payouts"):
        record = Record(dump, "payouts", index, item)
        source_id = record.item.get("id")
        currency = record.currency("currency")
        platform = record.platform(currency=currency)
        amount = record.amount("amount", currency, required=True)
        fee = record.amount("fee", currency)
        status = record.choice("status", PayoutStatus)
        requested = record.time("requested_at", required=True)
        received = record.time("received_at")
        received_currency = record.currency("received_currency", required=False)
        received_amount = record.amount("received_amount", received_currency)
        values: dict[str, Any] = {
            "fee": fee,
            "method": record.text("method"),
            "reference": record.text("reference"),
            "status": status,
            "received_at": received,
            "received_amount": received_amount,
            "received_currency": received_currency,
            "asks_for_money": record.flag("asks_for_money"),
            "note": record.text("note"),
        }
        if requested is not None and received is not None and received < requested:
            record.fail("received_at", tr.gettext("the payout arrived before it was asked."))
        if (
            not record.done()
            or platform is None
            or currency is None
            or amount is None
            or requested is None
        ):
            continue
        key = (platform.id, requested, currency, amount)
        found_payout = existing.get(key)
        if found_payout is not None:
            row = found_payout
            if isinstance(source_id, int):
                dump.ids["payouts"][source_id] = row.id
            # A value the file leaves out is kept; one it gives replaces the stored one.
            changes = {
                name: value
                for name, value in values.items()
                if value is not None and _stored(getattr(row, name)) != value
            }
            if not changes:
                counts.unchanged += 1
                continue
            counts.updated += 1
            if job.write and not job.failed():
                for name, value in changes.items():
                    setattr(row, name, from_epoch(value) if name == "received_at" else value)
            continue
        counts.added += 1
        if job.write and not job.failed():
            values["fee"] = fee or 0
            if received is not None:
                values["received_at"] = from_epoch(received)
            payout = Payout(
                platform_id=platform.id,
                amount=amount,
                currency=currency,
                requested_at=from_epoch(requested),
                **values,
            )
            job.session.add(payout)
            existing[key] = payout
            if isinstance(source_id, int):
                added.append((source_id, payout))
    if job.write and not job.failed():
        job.session.flush()
        for source_id, payout in added:
            dump.ids["payouts"][source_id] = payout.id


def _stored(value: Any) -> Any:
    """A column value as the dump compares it (times as epoch seconds)."""
    if hasattr(value, "timestamp"):
        return int(value.timestamp())
    return value
