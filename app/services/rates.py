"""Exchange rates: 1 CUR = RATE units of the home currency, valid from a local date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.errors import InvalidInput
from app.domain.localtime import local_date
from app.domain.money import normalise_currency, parse_decimal
from app.domain.rates import RateTable
from app.services.context import ServiceContext
from app.services.settings import SettingsService
from app.storage.models import ExchangeRate

MAX_RATE = Decimal("1000000000")


class RateService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def set(self, currency: str, rate: str, on: date | None = None) -> tuple[str, Decimal, date]:
        ctx, tr = self._ctx, self._ctx.tr
        code = normalise_currency(currency, tr)
        home = self._settings.current().home_currency
        if code == home:
            raise InvalidInput(
                tr.gettext("{currency} is your home currency: it always converts at 1.").format(
                    currency=code
                )
            )
        value = parse_decimal(rate, tr, what=tr.gettext("exchange rate"), maximum=MAX_RATE)
        if value <= 0:
            raise InvalidInput(
                tr.gettext("Exchange rate {value!r} must be more than 0.").format(value=rate)
            )
        day = on or local_date(ctx.now(), ctx.zone)
        with ctx.db.write() as session:
            row = session.scalar(
                select(ExchangeRate).where(
                    ExchangeRate.currency == code,
                    ExchangeRate.home_currency == home,
                    ExchangeRate.valid_from == day,
                )
            )
            if row is None:
                session.add(
                    ExchangeRate(currency=code, home_currency=home, rate=value, valid_from=day)
                )
            elif row.rate != value:
                row.rate = value
        return code, value, day

    def table(self, home_currency: str | None = None) -> RateTable:
        home = home_currency or self._settings.current().home_currency
        table = RateTable(home)
        with self._ctx.db.read() as session:
            for row in session.scalars(
                select(ExchangeRate).where(ExchangeRate.home_currency == home)
            ):
                table.add(row.currency, row.valid_from, row.rate)
        return table
