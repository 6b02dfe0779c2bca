"""Exchange rates: 1 CUR = RATE units of the home currency, valid from a local date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.localtime import local_date
from app.domain.money import normalise_currency, parse_decimal
from app.domain.rates import RateTable
from app.services.context import ServiceContext
from app.services.settings import SettingsService
from app.storage.models import ExchangeRate

MAX_RATE = Decimal("1000000000")


@dataclass(frozen=True)
class RateInfo:
    """One stored rate: 1 `currency` = `rate` `home_currency` from `valid_from` on."""

    id: int
    currency: str
    home_currency: str
    rate: Decimal
    valid_from: date

    @classmethod
    def of(cls, row: ExchangeRate) -> RateInfo:
        return cls(row.id, row.currency, row.home_currency, row.rate, row.valid_from)


@dataclass(frozen=True)
class RateChange:
    """What `put` did: the rate now stored, and the one it replaced on that day (if any)."""

    new: RateInfo
    previous: RateInfo | None


class RateService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def set(self, currency: str, rate: str, on: date | None = None) -> tuple[str, Decimal, date]:
        change = self.put(currency, rate, on)
        return change.new.currency, change.new.rate, change.new.valid_from

    def check(self, currency: str, rate: str) -> tuple[str, Decimal]:
        """The checks `set` makes, without writing (for validation as the user types)."""
        return self.check_currency(currency), self.check_rate(rate)

    def check_currency(self, currency: str) -> str:
        """The ISO code of a currency that can have a rate (any but the home currency)."""
        tr = self._ctx.tr
        code = normalise_currency(currency, tr)
        if code == self._settings.current().home_currency:
            raise InvalidInput(
                tr.gettext("{currency} is your home currency: it always converts at 1.").format(
                    currency=code
                )
            )
        return code

    def check_rate(self, rate: str) -> Decimal:
        tr = self._ctx.tr
        value = parse_decimal(rate, tr, what=tr.gettext("exchange rate"), maximum=MAX_RATE)
        if value <= 0:
            raise InvalidInput(
                tr.gettext("Exchange rate {value!r} must be more than 0.").format(value=rate)
            )
        return value

    def put(self, currency: str, rate: str, on: date | None = None) -> RateChange:
        """Store a rate like `set`; also says which rate of that day it replaced, for undo."""
        ctx = self._ctx
        code, value = self.check(currency, rate)
        home = self._settings.current().home_currency
        day = on or local_date(ctx.now(), ctx.zone)
        with ctx.db.write() as session:
            row = _row_on(session, code, home, day)
            previous = None if row is None else RateInfo.of(row)
            if row is None:
                row = ExchangeRate(currency=code, home_currency=home, rate=value, valid_from=day)
                session.add(row)
            elif row.rate != value:
                row.rate = value
            session.flush()
            return RateChange(RateInfo(row.id, code, home, value, day), previous)

    def revert(self, change: RateChange) -> None:
        """Undo `put`: put the replaced rate back, or remove the rate it added."""
        if change.previous is not None:
            self.restore(change.previous)
        else:
            self.delete(change.new.id)

    def rows(self, home_currency: str | None = None) -> list[RateInfo]:
        """The rates to the home currency, by currency, newest first within a currency."""
        home = home_currency or self._settings.current().home_currency
        with self._ctx.db.read() as session:
            found = session.scalars(
                select(ExchangeRate)
                .where(ExchangeRate.home_currency == home)
                .order_by(ExchangeRate.currency, ExchangeRate.valid_from.desc())
            )
            return [RateInfo.of(row) for row in found]

    def delete(self, rate_id: int) -> RateInfo | None:
        """Delete one rate; returns what it was (for undo), or None if it is already gone."""
        with self._ctx.db.write() as session:
            row = session.get(ExchangeRate, rate_id)
            if row is None:
                return None
            info = RateInfo.of(row)
            session.delete(row)
            return info

    def restore(self, info: RateInfo) -> RateInfo:
        """Put a deleted or replaced rate back (undo), under its old id when that is free."""
        with self._ctx.db.write() as session:
            row = _row_on(session, info.currency, info.home_currency, info.valid_from)
            if row is not None:
                if row.rate != info.rate:
                    row.rate = info.rate
            else:
                row = ExchangeRate(
                    currency=info.currency,
                    home_currency=info.home_currency,
                    rate=info.rate,
                    valid_from=info.valid_from,
                )
                if session.get(ExchangeRate, info.id) is None:
                    row.id = info.id
                session.add(row)
            session.flush()
            return RateInfo.of(row)

    def table(self, home_currency: str | None = None) -> RateTable:
        home = home_currency or self._settings.current().home_currency
        table = RateTable(home)
        with self._ctx.db.read() as session:
            for row in session.scalars(
                select(ExchangeRate).where(ExchangeRate.home_currency == home)
            ):
                table.add(row.currency, row.valid_from, row.rate)
        return table


def _row_on(session: Session, code: str, home: str, day: date) -> ExchangeRate | None:
    return session.scalar(
        select(ExchangeRate).where(
            ExchangeRate.currency == code,
            ExchangeRate.home_currency == home,
            ExchangeRate.valid_from == day,
        )
    )
