"""Sentences and figures of evidence documents: the catalogue, money, dates, durations."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, tzinfo
from decimal import Decimal
from functools import lru_cache

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from app.domain.money import currency_digits, format_money
from app.domain.statuses import (
    EventKind,
    PayoutStatus,
    TaskStatus,
)
from app.i18n import Translator

DAY = 86400


# -- text: the core catalogue -----------------------------------------------------


class EvidenceText:
    """Sentences of evidence documents in one language, with the locale's number formats."""

    def __init__(self, language: str) -> None:
        self.core = Translator(language)
        self.language = self.core.language
        self.locale = self.core.locale

    def gettext(self, message: str) -> str:
        return self.core.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.core.ngettext(singular, plural, count)

    # figures as people read them
    def money(self, minor: int | None, currency: str) -> str:
        return _money(minor, currency, self.locale)

    def hourly(self, value: Decimal | None, currency: str) -> str:
        if value is None:
            return "—"
        amount = babel_numbers.format_currency(value, currency, locale=self.locale)
        return self.gettext("{amount}/h").format(amount=amount)

    def duration(self, seconds: int | None) -> str:
        if seconds is None:
            return "—"
        minutes = int(seconds) // 60
        hours, rest = divmod(minutes, 60)
        if hours:
            return self.gettext("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)
        return self.gettext("{minutes} min").format(minutes=rest)

    def number(self, value: int | Decimal) -> str:
        return str(babel_numbers.format_decimal(value, locale=self.locale))

    def long_date(self, day: date) -> str:
        text = str(babel_dates.format_date(day, format="long", locale=self.locale))
        if self.language == "fr" and day.day == 1 and text.startswith("1 "):
            text = "1er " + text[2:]  # "1er mars 2026"
        return text

    def status_count(self, status: str, count: int) -> str:
        """ "3 approved", "3 acceptées"."""
        forms = {
            TaskStatus.IN_PROGRESS: ("{count} in progress", "{count} in progress"),
            TaskStatus.PENDING: ("{count} pending", "{count} pending"),
            TaskStatus.APPROVED: ("{count} approved", "{count} approved"),
            TaskStatus.PARTIALLY_APPROVED: ("{count} partly approved", "{count} partly approved"),
            TaskStatus.SCREENED_OUT: ("{count} screened out", "{count} screened out"),
            TaskStatus.REJECTED: ("{count} rejected", "{count} rejected"),
            TaskStatus.RETURNED: ("{count} returned", "{count} returned"),
            TaskStatus.EXPIRED: ("{count} expired", "{count} expired"),
        }
        pair = forms.get(status)  # type: ignore[call-overload]
        if pair is None:
            return f"{self.number(count)} {status}"
        return self.ngettext(pair[0], pair[1], count).format(count=self.number(count))

    def _status_count_messages(self) -> None:
        """Never called: shows the catalogue tools the plural sentences of status_count()."""
        self.ngettext("{count} in progress", "{count} in progress", 1)
        self.ngettext("{count} pending", "{count} pending", 1)
        self.ngettext("{count} approved", "{count} approved", 1)
        self.ngettext("{count} partly approved", "{count} partly approved", 1)
        self.ngettext("{count} screened out", "{count} screened out", 1)
        self.ngettext("{count} rejected", "{count} rejected", 1)
        self.ngettext("{count} returned", "{count} returned", 1)
        self.ngettext("{count} expired", "{count} expired", 1)

    def status(self, status: str) -> str:
        labels = {
            TaskStatus.IN_PROGRESS: self.gettext("in progress"),
            TaskStatus.PENDING: self.gettext("pending"),
            TaskStatus.APPROVED: self.gettext("approved"),
            TaskStatus.PARTIALLY_APPROVED: self.gettext("partly approved"),
            TaskStatus.SCREENED_OUT: self.gettext("screened out"),
            TaskStatus.REJECTED: self.gettext("rejected"),
            TaskStatus.RETURNED: self.gettext("returned"),
            TaskStatus.EXPIRED: self.gettext("expired"),
        }
        return labels.get(status, status)  # type: ignore[call-overload,no-any-return]

    def activity(self, activity: str) -> str:
        labels = {
            "task": self.gettext("paid tasks"),
            "search": self.gettext("searching"),
            "qualification": self.gettext("qualification"),
            "communication": self.gettext("messages"),
            "payment": self.gettext("payments"),
            "other": self.gettext("other"),
        }
        return labels.get(activity, activity)

    def payout_status(self, status: str) -> str:
        labels = {
            PayoutStatus.REQUESTED: self.gettext("waiting"),
            PayoutStatus.RECEIVED: self.gettext("received"),
            PayoutStatus.REFUSED: self.gettext("refused"),
            PayoutStatus.CANCELLED: self.gettext("cancelled"),
        }
        return labels.get(status, status)  # type: ignore[call-overload,no-any-return]

    def event_kind(self, kind: str) -> str:
        labels = {
            EventKind.ACCOUNT_SUSPENDED: self.gettext("account suspended"),
            EventKind.ACCOUNT_CLOSED: self.gettext("account closed"),
            EventKind.BALANCE_WITHHELD: self.gettext("balance withheld"),
            EventKind.MESSAGE: self.gettext("message"),
            EventKind.RESOLVED: self.gettext("resolved"),
            EventKind.OTHER: self.gettext("other"),
        }
        return labels.get(kind, kind)  # type: ignore[call-overload,no-any-return]

    def origin(self, origin: str) -> str:
        if origin == "timer":
            return self.gettext("timer (live)")
        if origin == "manual":
            return self.gettext("typed in")
        if origin.startswith("import:"):
            return self.gettext("import: {format}").format(format=origin[len("import:") :])
        return origin


@lru_cache(maxsize=65536)
def _money(minor: int | None, currency: str, locale: str) -> str:
    return format_money(minor, currency, locale)


@lru_cache(maxsize=64)
def digits_of(currency: str) -> int:
    return currency_digits(currency)


def plain_amount(minor: int | None, currency: str) -> str:
    """The machine form of an amount ("1234.50"), as `format_plain` but fast for big files."""
    if minor is None:
        return ""
    digits = digits_of(currency)
    if digits == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**digits)
    return f"{sign}{whole}.{part:0{digits}d}"


_UTC_DAYS: dict[int, str] = {}


def iso_utc(seconds: int | None) -> str:
    """Epoch seconds as "2026-03-05T09:15:00Z"."""
    if seconds is None:
        return ""
    day, rest = divmod(int(seconds), DAY)
    prefix = _UTC_DAYS.get(day)
    if prefix is None:
        prefix = _UTC_DAYS[day] = time.strftime("%Y-%m-%dT", time.gmtime(day * DAY))
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{prefix}{hours:02d}:{minutes:02d}:{secs:02d}Z"


class UtcTimes:
    """Epoch seconds as "2026-03-05T09:15:00Z", as `iso_utc` but faster (minutes cached)."""

    def __init__(self) -> None:
        self._minutes: dict[int, str] = {}

    def __call__(self, seconds: int | None) -> str:
        if seconds is None:
            return ""
        minute, secs = divmod(int(seconds), 60)
        prefix = self._minutes.get(minute)
        if prefix is None:
            prefix = time.strftime("%Y-%m-%dT%H:%M:", time.gmtime(minute * 60))
            self._minutes[minute] = prefix
        return f"{prefix}{secs:02d}Z"


class LocalTimes:
    """Epoch seconds as local "YYYY-MM-DD HH:MM", fast (zone offsets cached per 15 minutes,
    texts per local minute)."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._offsets: dict[int, int] = {}
        self._days: dict[int, str] = {}
        self._stamps: dict[int, str] = {}
        self._two_lines: dict[int, str] = {}

    def _minute(self, seconds: int) -> int:
        """The local minute (minutes since 1970-01-01 00:00 local time)."""
        bucket = seconds // 900
        offset = self._offsets.get(bucket)
        if offset is None:
            delta = datetime.fromtimestamp(bucket * 900, self.zone).utcoffset()
            offset = int(delta.total_seconds()) if delta is not None else 0
            self._offsets[bucket] = offset
        return (seconds + offset) // 60

    def _split(self, seconds: int) -> tuple[str, int, int]:
        """(local date, hours, minutes)."""
        day, rest = divmod(self._minute(seconds), 1440)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = time.strftime("%Y-%m-%d", time.gmtime(day * DAY))
        return text, rest // 60, rest % 60

    def stamp(self, seconds: int | None) -> str:
        if seconds is None:
            return ""
        minute = self._minute(int(seconds))
        text = self._stamps.get(minute)
        if text is None:
            day, hours, minutes = self._split(int(seconds))
            text = self._stamps[minute] = f"{day} {hours:02d}:{minutes:02d}"
        return text

    def two_lines(self, seconds: int | None) -> str:
        """Date, then time on a second line (narrow table columns)."""
        if seconds is None:
            return ""
        minute = self._minute(int(seconds))
        text = self._two_lines.get(minute)
        if text is None:
            day, hours, minutes = self._split(int(seconds))
            text = self._two_lines[minute] = f"{day}\n{hours:02d}:{minutes:02d}"
        return text

    def day(self, seconds: int | None) -> str:
        if seconds is None:
            return ""
        return self._split(int(seconds))[0]


def slug(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return cleaned or "platform"
