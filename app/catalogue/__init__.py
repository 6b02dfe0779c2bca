"""The platform catalogue and where to report scams: plain TOML data shipped with the app.

`platforms.toml` holds what a worker needs to know about the common platforms (currency,
minimum payout, payout methods and schedule, review window, status words), each fact with its
source, its date and a marker when it is uncertain. `scam_advice.toml` holds where to report a
fake "task" platform, by country. Both files say how to edit them.

`load_catalogue()` reads and checks them once: a fact without a source, an unknown marker, a
status word mapped to a status we do not have, or two platforms answering to the same
spelling raise `CatalogueError` naming the entry and the field. `Catalogue.find()` matches a
name or a common spelling whatever the case, spaces and punctuation ("mturk", "Amazon
Mechanical Turk", "mechanical-turk").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

from babel import numbers as babel_numbers

from app.domain.statuses import TaskStatus

PLATFORMS_FILE = "platforms.toml"
ADVICE_FILE = "scam_advice.toml"
SCHEMA = 1
UNKNOWN = "unknown"
GENERIC_COUNTRY = "*"
# "" sourced; "unverified" weak or third-party source; "dated" old source; "derived" our own
# computation from sourced facts; "unknown" nobody found it.
MARKERS = ("", "unverified", "dated", "derived", UNKNOWN)
# Facts that may set a threshold: an unverified figure is shown, never used as a limit.
USABLE_MARKERS = frozenset({"", "dated", "derived"})
MAX_DAYS = 3650
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

V = TypeVar("V")


class CatalogueError(ValueError):
    """The shipped data file is malformed (a bug in the data, not the user's input)."""


@dataclass(frozen=True)
class Fact(Generic[V]):
    """One fact and where it comes from. `value` is None when it is unknown."""

    value: V | None
    source: str
    date: str
    marker: str = ""
    note: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def uncertain(self) -> bool:
        return self.marker != ""

    @property
    def usable(self) -> bool:
        """Known and sure enough to pre-fill a threshold."""
        return self.known and self.marker in USABLE_MARKERS


@dataclass(frozen=True)
class PlatformEntry:
    key: str
    name: str
    label: str
    aliases: tuple[str, ...]
    currencies: Fact[tuple[str, ...]]
    minimum_payout: Fact[str]
    payout_methods: Fact[tuple[str, ...]]
    payout_schedule: Fact[str]
    review_days: Fact[int]
    payout_days: Fact[int]
    statuses: Fact[tuple[tuple[str, TaskStatus], ...]]
    warnings: tuple[Fact[str], ...] = ()

    def currency_for(self, home_currency: str) -> str | None:
        """The home currency when the platform pays in it, else its first currency (None
        when it pays in points)."""
        codes = self.currencies.value or ()
        if home_currency in codes:
            return home_currency
        return codes[0] if codes else None

    def review_days_limit(self) -> int | None:
        return self.review_days.value if self.review_days.usable else None

    def payout_days_limit(self) -> int | None:
        return self.payout_days.value if self.payout_days.usable else None

    def status_for(self, word: str) -> TaskStatus | None:
        """Our status for one of the platform's status words (any case), or None."""
        wanted = " ".join(word.split()).casefold()
        for platform_word, status in self.statuses.value or ():
            if platform_word.casefold() == wanted:
                return status
        return None

    def facts(self) -> list[tuple[str, Fact[Any]]]:
        """Every fact with the name of its field, warnings last."""
        named: list[tuple[str, Fact[Any]]] = [
            ("currencies", self.currencies),
            ("minimum_payout", self.minimum_payout),
            ("payout_methods", self.payout_methods),
            ("payout_schedule", self.payout_schedule),
            ("review_days", self.review_days),
            ("payout_days", self.payout_days),
            ("statuses", self.statuses),
        ]
        named += [(f"warnings[{index}]", fact) for index, fact in enumerate(self.warnings)]
        return named


@dataclass(frozen=True)
class ReportChannel:
    """Somewhere to report a scam: a service's name, address or phone, and what it is for."""

    country: str  # ISO 3166 alpha-2, or "*" for everyone else
    name: str
    purpose: str  # English; translated where it is shown
    source: str
    date: str
    url: str | None = None
    phone: str | None = None
    marker: str = ""
    note: str = ""

    @property
    def uncertain(self) -> bool:
        return self.marker != ""


def match_key(name: str) -> str:
    """What two spellings of a platform must share: letters and digits, case folded."""
    return "".join(char for char in name.casefold() if char.isalnum())


@dataclass(frozen=True)
class Catalogue:
    platforms: tuple[PlatformEntry, ...]
    channels: tuple[ReportChannel, ...]

    def find(self, name: str) -> PlatformEntry | None:
        """The entry called `name` or one of its aliases, whatever the case and punctuation."""
        wanted = match_key(name)
        if not wanted:
            return None
        for entry in self.platforms:
            if wanted in (match_key(spelling) for spelling in (entry.name, *entry.aliases)):
                return entry
        return None

    def get(self, key: str) -> PlatformEntry:
        for entry in self.platforms:
            if entry.key == key:
                return entry
        raise KeyError(key)

    def channels_for(self, country: str | None) -> tuple[ReportChannel, ...]:
        """The country's own channels, else the ones for everyone else."""
        code = (country or "").upper()
        own = tuple(channel for channel in self.channels if channel.country == code)
        if own:
            return own
        return tuple(channel for channel in self.channels if channel.country == GENERIC_COUNTRY)

    def countries_with_channels(self) -> frozenset[str]:
        return frozenset(c.country for c in self.channels if c.country != GENERIC_COUNTRY)

    def messages(self) -> list[str]:
        """The English sentences of the data that are shown translated (for the catalogues)."""
        found: list[str] = []
        for entry in self.platforms:
            for _field, fact in entry.facts():
                if isinstance(fact.value, str) and fact.value != UNKNOWN:
                    found.append(fact.value)
                if fact.note:
                    found.append(fact.note)
        for channel in self.channels:
            found.append(channel.purpose)
            if channel.note:
                found.append(channel.note)
        return list(dict.fromkeys(found))


# -- loading -------------------------------------------------------------------------------


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped with the app, read and checked once."""
    folder = resources.files(__name__)
    return parse_catalogue(
        folder.joinpath(PLATFORMS_FILE).read_text(encoding="utf-8"),
        folder.joinpath(ADVICE_FILE).read_text(encoding="utf-8"),
    )


def parse_catalogue(platforms_text: str, advice_text: str) -> Catalogue:
    platforms = _parse_toml(platforms_text, PLATFORMS_FILE)
    advice = _parse_toml(advice_text, ADVICE_FILE)
    raw_entries = _list(platforms, "platform", PLATFORMS_FILE)
    entries = tuple(_platform(raw, index) for index, raw in enumerate(raw_entries))
    _refuse_shared_spellings(entries)
    channels = tuple(
        _channel(raw, index) for index, raw in enumerate(_list(advice, "channel", ADVICE_FILE))
    )
    if not any(channel.country == GENERIC_COUNTRY for channel in channels):
        raise CatalogueError(f"{ADVICE_FILE}: no channel for everyone else (country = \"*\")")
    return Catalogue(entries, channels)


def _parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{where}: {error}") from None
    if data.get("schema") != SCHEMA:
        raise CatalogueError(f"{where}: schema must be {SCHEMA}, not {data.get('schema')!r}")
    return data


def _list(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise CatalogueError(f"{where}: no [[{key}]] entries")
    return items


def _platform(raw: dict[str, Any], index: int) -> PlatformEntry:
    where = f"{PLATFORMS_FILE}: platform {raw.get('key') or index + 1}"
    key = _text(raw, "key", where)
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise CatalogueError(f"{where}: key {key!r} must be lower-case letters, digits or -")
    name = _text(raw, "name", where)
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CatalogueError(f"{where}: aliases must be a list of names")
    known_fields = {
        "key", "name", "label", "aliases", "currencies", "minimum_payout", "payout_methods",
        "payout_schedule", "review_days", "payout_days", "statuses", "warnings",
    }
    extra = sorted(set(raw) - known_fields)
    if extra:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(extra)}")
    warnings = raw.get("warnings", [])
    if not isinstance(warnings, list):
        raise CatalogueError(f"{where}: warnings must be a list of facts")
    return PlatformEntry(
        key=key,
        name=name,
        label=str(raw.get("label") or name),
        aliases=tuple(a.strip() for a in aliases),
        currencies=_fact(raw, "currencies", where, _currencies),
        minimum_payout=_fact(raw, "minimum_payout", where, _sentence),
        payout_methods=_fact(raw, "payout_methods", where, _sentences),
        payout_schedule=_fact(raw, "payout_schedule", where, _sentence),
        review_days=_fact(raw, "review_days", where, _days),
        payout_days=_fact(raw, "payout_days", where, _days),
        statuses=_fact(raw, "statuses", where, _statuses),
        warnings=tuple(
            _fact({"warning": item}, "warning", f"{where}, warnings[{n}]", _sentence)
            for n, item in enumerate(warnings)
        ),
    )


def _fact(
    raw: dict[str, Any], field: str, where: str, convert: Callable[[Any, str], V]
) -> Fact[V]:
    table = raw.get(field)
    here = f"{where}, {field}"
    if not isinstance(table, dict):
        raise CatalogueError(f"{here}: missing (a table with value, source and date)")
    extra = sorted(set(table) - {"value", "source", "date", "marker", "note"})
    if extra:
        raise CatalogueError(f"{here}: unknown field(s) {', '.join(extra)}")
    source = table.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CatalogueError(f"{here}: no source")
    date = table.get("date")
    if not isinstance(date, str) or not _DATE.match(date):
        raise CatalogueError(f"{here}: date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    marker = table.get("marker", "")
    if marker not in MARKERS:
        raise CatalogueError(
            f"{here}: marker {marker!r} must be one of {', '.join(repr(m) for m in MARKERS)}"
        )
    note = table.get("note", "")
    if not isinstance(note, str):
        raise CatalogueError(f"{here}: note must be text")
    if "value" not in table:
        raise CatalogueError(f"{here}: no value (write \"unknown\" when nobody knows it)")
    value = table["value"]
    if (value == UNKNOWN) != (marker == UNKNOWN):
        raise CatalogueError(f"{here}: an unknown value needs marker = \"unknown\", and only it")
    converted = None if value == UNKNOWN else convert(value, here)
    return Fact(converted, source.strip(), date, marker, note.strip())


def _sentence(value: Any, here: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{here}: value must be text")
    return value.strip()


def _sentences(value: Any, here: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise CatalogueError(f"{here}: value must be a list of text")
    return tuple(_sentence(item, here) for item in value)


def _currencies(value: Any, here: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CatalogueError(f"{here}: value must be a list of currency codes")
    for code in value:
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code) or not (
            babel_numbers.is_currency(code)
        ):
            raise CatalogueError(f"{here}: {code!r} is not an ISO 4217 currency code")
    return tuple(value)


def _days(value: Any, here: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
        raise CatalogueError(f"{here}: value must be a whole number of days (0 to {MAX_DAYS})")
    return value


def _statuses(value: Any, here: str) -> tuple[tuple[str, TaskStatus], ...]:
    if not isinstance(value, dict) or not value:
        raise CatalogueError(f"{here}: value must map the platform's words to our statuses")
    mapped: list[tuple[str, TaskStatus]] = []
    for word, ours in value.items():
        try:
            mapped.append((word, TaskStatus(ours)))
        except ValueError:
            choices = ", ".join(status.value for status in TaskStatus)
            raise CatalogueError(
                f"{here}: {word!r} maps to {ours!r}, which is not one of {choices}"
            ) from None
    return tuple(mapped)


def _text(raw: dict[str, Any], field: str, where: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{where}: no {field}")
    return value.strip()


def _refuse_shared_spellings(entries: Iterable[PlatformEntry]) -> None:
    owner: dict[str, str] = {}
    for entry in entries:
        if entry.key in owner.values():
            raise CatalogueError(f"{PLATFORMS_FILE}: two platforms use the key {entry.key!r}")
        for spelling in (entry.name, *entry.aliases):
            key = match_key(spelling)
            if not key:
                raise CatalogueError(f"{PLATFORMS_FILE}: {entry.key}: empty alias {spelling!r}")
            if owner.get(key, entry.key) != entry.key:
                raise CatalogueError(
                    f"{PLATFORMS_FILE}: {spelling!r} names both {owner[key]} and {entry.key}"
                )
            owner[key] = entry.key


def _channel(raw: dict[str, Any], index: int) -> ReportChannel:
    where = f"{ADVICE_FILE}: channel {raw.get('name') or index + 1}"
    extra = sorted(
        set(raw)
        - {"country", "name", "url", "phone", "purpose", "source", "date", "marker", "note"}
    )
    if extra:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(extra)}")
    country = _text(raw, "country", where)
    if country != GENERIC_COUNTRY and not _COUNTRY.match(country):
        raise CatalogueError(f"{where}: country {country!r} must be an ISO 3166 code or \"*\"")
    url = raw.get("url")
    phone = raw.get("phone")
    if not url and not phone:
        raise CatalogueError(f"{where}: needs a url or a phone number")
    fact = _fact(
        {"channel": {k: raw[k] for k in ("source", "date", "marker", "note") if k in raw}
         | {"value": "-"}},
        "channel",
        where,
        _sentence,
    )
    return ReportChannel(
        country=country,
        name=_text(raw, "name", where),
        purpose=_text(raw, "purpose", where),
        source=fact.source,
        date=fact.date,
        url=str(url) if url else None,
        phone=str(phone) if phone else None,
        marker=fact.marker,
        note=fact.note,
    )


__all__ = [
    "Catalogue",
    "CatalogueError",
    "Fact",
    "PlatformEntry",
    "ReportChannel",
    "load_catalogue",
    "match_key",
    "parse_catalogue",
]
