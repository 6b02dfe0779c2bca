"""Turning the text of one cell into a stored value, fast, with a clear sentence when it fails.

Amounts become integer minor units (`12.50`, `0,45`, `$0.50`), times UTC
epoch seconds (ISO 8601, `Thu Mar 05 09:00:00 PST 2026`, `05/03/2026 09:15`),
durations whole seconds. Results are cached where files repeat themselves
(rewards, days), so a million rows cost little more than reading them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from app.domain.errors import InvalidInput
from app.domain.localtime import localize, zone_name
from app.domain.money import parse_amount, parse_decimal
from app.i18n import Translator
from app.services.imports.results import RestartImport

MAX_MINOR: Final = 10**12  # ten billion units: anything larger is a typo
MAX_TASK_SECONDS: Final = 7 * 24 * 3600  # as `task add --duration`
FUTURE_TOLERANCE: Final = 60
MAX_TEXT: Final = {"external_id": 200, "title": 500, "requester": 200, "platform": 80}
_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()
_CACHE_LIMIT: Final = 50_000
# ":MM:SSZ" → seconds, the tail of every "YYYY-MM-DDTHH:MM:SSZ" (what export writes).
MINUTE_SECOND: Final = {
    f":{minute:02d}:{second:02d}Z": minute * 60 + second
    for minute in range(60)
    for second in range(60)
}

_ISO_Z = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})Z", re.ASCII)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_SLASHED = re.compile(
    r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp])?\.?[Mm]?\.?)?",
    re.ASCII,
)
_MTURK = re.compile(
    r"(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})"
    r"\s+([A-Za-z]{1,5})\s+(\d{4})",
    re.ASCII,
)
_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# The zone abbreviations MTurk and other US services print, as hours from UTC.
ZONE_ABBREVIATIONS: Final = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "PST": -8,
    "PDT": -7,
    "MST": -7,
    "MDT": -6,
    "CST": -6,
    "CDT": -5,
    "EST": -5,
    "EDT": -4,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
}


class FieldError(Exception):
    """One cell's value is wrong; the message is a translated sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class DateOrder:
    """Whether `05/03/2026` is the 5th of March (day first) or May 3rd, learnt from the file.

    A date with a part above 12 decides it; until one comes, the user's
    language decides (French: day first). If a file turns out to use the
    other order after ambiguous dates were read, the import starts again.
    """

    default_day_first: bool
    day_first: bool | None = None
    used_default: bool = False

    def resolve(self, first: int, second: int) -> bool | None:
        """True/False for day/month first; None when both parts are above 12 (no date)."""
        if first > 12 and second > 12:
            return None
        seen = True if first > 12 else False if second > 12 else None
        if seen is None:
            if self.day_first is None:
                self.used_default = True
                return self.default_day_first
            return self.day_first
        if self.day_first is None:
            self.day_first = seen
            if self.used_default and seen != self.default_day_first:
                raise RestartImport(seen)
        return seen


class Values:
    """Cell parsers sharing the translator, the zone for times without offset, and caches."""

    def __init__(self, tr: Translator, naive_zone: tzinfo, now: datetime, order: DateOrder) -> None:
        self.tr = tr
        self.naive_zone = naive_zone
        self.order = order
        self.latest = int(now.timestamp()) + FUTURE_TOLERANCE
        self.amount_caches: dict[str, dict[str, int]] = {}  # currency → text → minor units
        self._days: dict[str, int] = {}
        self.hours: dict[str, int] = {}  # "2026-03-05T09" → epoch seconds of that UTC hour
        self.minute_cache: dict[str, int] = {}  # duration text in minutes → seconds

    # -- money --------------------------------------------------------------------------

    def amounts_in(self, currency: str) -> dict[str, int]:
        """The cache of amounts already parsed in `currency` (text → minor units)."""
        found = self.amount_caches.get(currency)
        if found is None:
            found = self.amount_caches[currency] = {}
        return found

    def amount(self, text: str, currency: str, what: str) -> int:
        cache = self.amounts_in(currency)
        found = cache.get(text)
        if found is not None:
            return found
        try:
            minor = parse_amount(text, currency, self.tr, what=what)
        except InvalidInput as error:
            raise FieldError(str(error)) from None
        if minor > MAX_MINOR:
            raise FieldError(
                self.tr.gettext("{what} {value!r} is too large to be an amount.").format(
                    what=what.capitalize(), value=text
                )
            )
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[text] = minor
        return minor

    def decimal_amount(self, value: Decimal, currency: str, what: str) -> int:
        """A JSON number (reward.amount_in_dollars) as minor units."""
        if not value.is_finite():
            raise FieldError(
                self.tr.gettext("{what} {value!r} is not an amount.").format(
                    what=what.capitalize(), value=str(value)
                )
            )
        return self.amount(format(value, "f"), currency, what)

    # -- durations ----------------------------------------------------------------------

    def minutes(self, text: str, what: str) -> int:
        """Minutes (decimal allowed) as whole seconds, 0 to 7 days."""
        found = self.minute_cache.get(text)
        if found is not None:
            return found
        try:
            value = parse_decimal(
                text,
                self.tr,
                what=what,
                minimum=Decimal(0),
                maximum=Decimal(MAX_TASK_SECONDS // 60),
            )
        except InvalidInput as error:
            raise FieldError(str(error)) from None
        seconds = int((value * 60).to_integral_value(rounding=ROUND_HALF_UP))
        if len(self.minute_cache) > _CACHE_LIMIT:
            self.minute_cache.clear()
        self.minute_cache[text] = seconds
        return seconds

    def seconds(self, text: str, what: str) -> int | None:
        """A platform's work time in seconds; longer than 7 days is dropped (not a task span)."""
        try:
            value = parse_decimal(text, self.tr, what=what, minimum=Decimal(0))
        except InvalidInput as error:
            raise FieldError(str(error)) from None
        seconds = int(value.to_integral_value(rounding=ROUND_HALF_UP))
        return seconds if seconds <= MAX_TASK_SECONDS else None

    # -- times --------------------------------------------------------------------------

    def time(self, text: str, what: str) -> int:
        """A non-empty cell as UTC epoch seconds; never in the future."""
        hour = self.hours.get(text[:13])
        rest = MINUTE_SECOND.get(text[13:])
        if hour is not None and rest is not None:
            value = hour + rest
        else:
            match = _ISO_Z.fullmatch(text)
            if match is not None:
                hours, minutes, secs = int(match[2]), int(match[3]), int(match[4])
                if hours > 23 or minutes > 59 or secs > 59:
                    raise self._not_a_time(text, what)
                hour = self._day(match[1], text, what) + hours * 3600
                if len(self.hours) > _CACHE_LIMIT:
                    self.hours.clear()
                self.hours[text[:13]] = hour
                value = hour + minutes * 60 + secs
            else:
                value = self._other_time(text.strip(), what)
        if value > self.latest:
            raise FieldError(
                self.tr.gettext("{what} {value!r} is in the future.").format(
                    what=what.capitalize(), value=text
                )
            )
        return value

    def _day(self, text: str, raw: str, what: str) -> int:
        found = self._days.get(text)
        if found is None:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                raise self._not_a_time(raw, what) from None
            found = (day.toordinal() - _EPOCH_ORDINAL) * 86400
            if len(self._days) > _CACHE_LIMIT:
                self._days.clear()
            self._days[text] = found
        return found

    def _other_time(self, text: str, what: str) -> int:
        if _DATE_ONLY.fullmatch(text):
            # A day without a time: noon, local (midnight may not exist on a DST day).
            return self._day(text, text, what) + 12 * 3600 - self._offset_at_noon(text, what)
        parsed: datetime | None
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = self._mturk(text, what) or self._slashed(text, what)
        if parsed is None:
            raise self._not_a_time(text, what)
        if parsed.tzinfo is None:
            if self.naive_zone is UTC:
                parsed = parsed.replace(tzinfo=UTC)
            else:
                try:
                    parsed = localize(parsed, self.naive_zone, self.tr, raw=text)
                except InvalidInput as error:
                    raise FieldError(str(error)) from None
        return int(parsed.timestamp() // 1)

    def _offset_at_noon(self, text: str, what: str) -> int:
        noon = datetime.fromisoformat(text + "T12:00")
        offset = noon.replace(tzinfo=self.naive_zone).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def _mturk(self, text: str, what: str) -> datetime | None:
        """`Thu Mar 05 09:00:00 PST 2026` (the MTurk batch file's times)."""
        match = _MTURK.fullmatch(text)
        if match is None:
            return None
        month = _MONTHS.get(match[1].lower())
        offset = ZONE_ABBREVIATIONS.get(match[6].upper())
        if month is None:
            raise self._not_a_time(text, what)
        if offset is None:
            raise FieldError(
                self.tr.gettext(
                    "{what} {value!r} names a time zone Clickwage does not know ({zone})."
                ).format(what=what.capitalize(), value=text, zone=match[6])
            )
        try:
            local = datetime(
                int(match[7]), month, int(match[2]), int(match[3]), int(match[4]), int(match[5])
            )
        except ValueError:
            raise self._not_a_time(text, what) from None
        return (local - timedelta(hours=offset)).replace(tzinfo=UTC)

    def _slashed(self, text: str, what: str) -> datetime | None:
        """`05/03/2026 09:15`, `3/5/26 9:15 AM`, `05.03.2026` (dots: always day first)."""
        match = _SLASHED.fullmatch(text)
        if match is None:
            return None
        first, second = int(match[1]), int(match[3])
        day_first = True if match[2] == "." else self.order.resolve(first, second)
        if day_first is None:
            raise self._not_a_time(text, what)
        if match[2] == "/" and self.order.day_first not in (None, day_first):
            raise FieldError(
                self.tr.gettext(
                    "{what} {value!r} does not follow the order of the file's other dates "
                    "({order}): write dates like 2026-03-05."
                ).format(
                    what=what.capitalize(),
                    value=text,
                    order=self.tr.gettext("day/month/year")
                    if self.order.day_first
                    else self.tr.gettext("month/day/year"),
                )
            )
        day, month = (first, second) if day_first else (second, first)
        year = int(match[4])
        if year < 100:
            year += 2000
        hours = int(match[5]) if match[5] else 0
        minutes = int(match[6]) if match[6] else 0
        secs = int(match[7]) if match[7] else 0
        meridiem = (match[8] or "").lower()
        if meridiem:
            if not 1 <= hours <= 12:
                raise self._not_a_time(text, what)
            hours = hours % 12 + (12 if meridiem == "p" else 0)
        try:
            return datetime(year, month, day, hours, minutes, secs)
        except ValueError:
            raise self._not_a_time(text, what) from None

    def _not_a_time(self, text: str, what: str) -> FieldError:
        return FieldError(
            self.tr.gettext(
                "{what} {value!r} is not a date and time: write it like 2026-03-05 09:15 "
                "(local time), or with Z or +01:00."
            ).format(what=what.capitalize(), value=text)
        )

    # -- text -----------------------------------------------------------------------------

    def text(self, value: str, field: str, what: str) -> str | None:
        """A text cell: trimmed, None when empty, refused when too long or not text."""
        clean = value.strip()
        if not clean:
            return None
        limit = MAX_TEXT.get(field)
        if limit is not None and len(clean) > limit:
            raise FieldError(
                self.tr.gettext("{what} is longer than {limit} characters.").format(
                    what=what.capitalize(), limit=limit
                )
            )
        return clean

    def zone_label(self) -> str:
        return zone_name(self.naive_zone)


def has_surrogates(text: str) -> bool:
    """True for text that cannot be stored (JSON may carry lone UTF-16 halves)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
