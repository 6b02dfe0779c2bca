"""Human-readable text for figures: durations, money, local times. No Qt."""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from babel import numbers as babel_numbers

from app.domain.money import format_money
from app.i18n import Translator


def duration(seconds: int | None, tr: Translator) -> str:
    """ "3 h 05 min", "12 min", "0 min"."""
    if seconds is None:
        return "—"
    minutes = int(seconds) // 60
    hours, rest = divmod(minutes, 60)
    if hours:
        return tr.gettext("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)
    return tr.gettext("{minutes} min").format(minutes=rest)


def money(minor: int | None, currency: str, tr: Translator) -> str:
    return format_money(minor, currency, tr.locale)


def hourly(value: Decimal | None, currency: str, tr: Translator) -> str:
    if value is None:
        return "—"
    amount = babel_numbers.format_currency(value, currency, locale=tr.locale)
    return tr.gettext("{amount}/h").format(amount=amount)


def local_time(instant: datetime | None, zone: tzinfo) -> str:
    if instant is None:
        return ""
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def clock_time(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")
