"""Local time: the user's zone, parsing TIME and DATE arguments, cutting days and months.

Every stored instant is aware UTC. Days and months are cut in the local zone,
so a DST day lasts 23 or 25 hours.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import InvalidInput
from app.i18n import Translator

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def local_zone(environ: Mapping[str, str] | None = None) -> tzinfo:
    """The system zone; TZ is honoured. Falls back to the current fixed offset."""
    env = os.environ if environ is None else environ
    name = env.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    for candidate in _system_zone_names():
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    fallback = datetime.now().astimezone().tzinfo
    return fallback if fallback is not None else UTC


def _system_zone_names() -> list[str]:
    names: list[str] = []
    timezone_file = Path("/etc/timezone")
    try:
        if timezone_file.exists():
            names.append(timezone_file.read_text(encoding="utf-8").strip())
    except OSError:
        pass
    localtime = Path("/etc/localtime")
    try:
        if localtime.is_symlink():
            target = str(localtime.resolve())
            if "zoneinfo/" in target:
                names.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    return [name for name in names if name]


def zone_name(zone: tzinfo) -> str:
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    return str(zone.tzname(datetime.now(UTC))) or "UTC"


def ensure_utc(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("naive datetime refused: every instant must be timezone-aware")
    return instant.astimezone(UTC)


def localize(naive: datetime, zone: tzinfo, tr: Translator, *, raw: str = "") -> datetime:
    """Attach the local zone to a wall-clock time; refuse times skipped by a DST change.

    An ambiguous time (the repeated hour in autumn) is read as its first occurrence.
    """
    aware = naive.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != naive:
        raise InvalidInput(
            tr.gettext("{value!r} does not exist in {zone}: the clocks skip that hour.").format(
                value=raw or naive.isoformat(), zone=zone_name(zone)
            )
        )
    return aware.astimezone(UTC)


def parse_time(
    text: str, zone: tzinfo, now: datetime, tr: Translator, *, what: str = ""
) -> datetime:
    """TIME: ISO 8601 ("2026-03-05T09:15", local without offset; "Z" or "+01:00") or "now"."""
    value = text.strip()
    if value.lower() == "now":
        return ensure_utc(now)
    try:
        if _DATE.match(value):
            raise ValueError("a date without a time")
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            tr.gettext(
                "{what} {value!r} is not a time: write it like 2026-03-05T09:15 (local), "
                "2026-03-05T08:15Z, or now."
            ).format(what=(what or tr.gettext("time")).capitalize(), value=text)
        ) from None
    if parsed.tzinfo is None:
        return localize(parsed, zone, tr, raw=text)
    return parsed.astimezone(UTC)


def parse_date(text: str, tr: Translator, *, what: str = "") -> date:
    value = text.strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            tr.gettext("{what} {value!r} is not a date: write it like 2026-03-05.").format(
                what=(what or tr.gettext("date")).capitalize(), value=text
            )
        ) from None


def parse_month(text: str, tr: Translator) -> tuple[date, date]:
    """YYYY-MM → (first day, first day of the next month)."""
    match = _MONTH.match(text.strip())
    month = int(match.group(2)) if match else 0
    if match is None or not 1 <= month <= 12:
        raise InvalidInput(
            tr.gettext("Month {value!r} is not a month: write it like 2026-03.").format(value=text)
        )
    first = date(int(match.group(1)), month, 1)
    return first, next_month(first)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def day_start(day: date, zone: tzinfo) -> datetime:
    """The UTC instant at which local `day` begins."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def local_date(instant: datetime, zone: tzinfo) -> date:
    return ensure_utc(instant).astimezone(zone).date()


@dataclass(frozen=True)
class Period:
    """Local days [first, end) and the matching UTC instants [start, stop)."""

    first: date
    end: date
    start: datetime
    stop: datetime

    @classmethod
    def of_days(cls, first: date, end: date, zone: tzinfo) -> Period:
        return cls(first, end, day_start(first, zone), day_start(end, zone))

    @classmethod
    def of_instants(cls, start: datetime, stop: datetime, zone: tzinfo) -> Period:
        return cls(
            local_date(start, zone),
            local_date(stop, zone) + timedelta(days=1),
            ensure_utc(start),
            ensure_utc(stop),
        )
