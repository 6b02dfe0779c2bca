"""Figures as the window shows them, in the user's language (Babel for money)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.money import format_money
from app.i18n import Translator
from ui import text


def money(minor: int | None, currency: str, tr: Translator) -> str:
    return format_money(minor, currency, tr.locale)


def hourly(value: Decimal | None, currency: str, tr: Translator) -> str:
    return text.hourly(value, currency, tr)


def duration(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    minutes = int(seconds) // 60
    hours, rest = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("formatting", "{hours} h {minutes:02d}").format(
            hours=hours, minutes=rest
        )
    return QCoreApplication.translate("formatting", "{minutes} min").format(minutes=rest)


def stopwatch(seconds: int) -> str:
    hours, rest = divmod(max(0, int(seconds)), 3600)
    return f"{hours:d}:{rest // 60:02d}:{rest % 60:02d}"


def clock(instant: datetime | None, zone: tzinfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%H:%M")


def day_time(instant: datetime | None, zone: tzinfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")
