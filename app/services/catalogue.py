"""Platforms from the catalogue, the first-run choices, and the scam advice for the user.

- `add_from_catalogue(name)` adds a platform with the catalogue's currency and limits: the
  review window sets when a pending task is late (Prolific: 21 days, not the default 30), the
  stated payout delay when a payout is.
- `add_platform(...)` is `clickwage platform add`: without a currency, a name the catalogue
  knows takes its currency and limits; anything else is added as before.
- `FirstRun` is what the welcome dialog asks and stores (language, country, home currency,
  minimum wage, platforms), over any `SettingsStore`, so that a test can give it a dict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from babel import numbers as babel_numbers
from sqlalchemy import select

from app.catalogue import Catalogue, PlatformEntry, load_catalogue
from app.domain.errors import InvalidInput, NotFound
from app.domain.minimum_wages import MINIMUM_WAGES, MinimumWage
from app.domain.money import normalise_currency, parse_amount
from app.i18n import SUPPORTED_LANGUAGES, Translator
from app.services.context import ServiceContext
from app.services.platforms import PlatformService, name_key
from app.services.records import PlatformInfo
from app.services.scam import ScamAdvice, scam_advice
from app.services.settings import SPEC_BY_KEY, SettingsService
from app.storage.models import Setting

if TYPE_CHECKING:
    from app.services import Services

# Stored in the settings table beside the declared settings; not shown in `settings show`.
FIRST_RUN_DONE = "first_run_done"
COUNTRY = "country"
COMPLETED = "completed"
SKIPPED = "skipped"


class SettingsStore(Protocol):
    """Where the first run reads and writes its answers."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


class DatabaseSettingsStore:
    """Declared settings go through SettingsService.set() (checked and audited); the first-run
    keys are written as their own rows of the same table, audited the same way."""

    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def get(self, key: str) -> str | None:
        if key in SPEC_BY_KEY:
            return self._settings.raw()[key]
        with self._ctx.db.read() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
            return None if value is None else str(value)

    def put(self, key: str, value: str) -> None:
        if key in SPEC_BY_KEY:
            self._settings.set(key, value)
            return
        with self._ctx.db.write() as session:
            row = session.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                session.add(Setting(key=key, value=value))
            elif row.value != value:
                row.value = value


@dataclass(frozen=True)
class HomeProposal:
    """What the welcome dialog proposes for a country, and where each value comes from."""

    country: str | None
    currency: str
    currency_origin: str  # "minimum_wages" (the table), "cldr" (Unicode CLDR) or "current"
    min_wage: str | None  # decimal text in the currency; None when the table has no entry
    wage: MinimumWage | None  # the table's row: its source, date and note


@dataclass(frozen=True)
class FirstRunChoices:
    language: str  # "system", "en" or "fr"
    country: str | None  # ISO 3166 alpha-2, None when not said
    home_currency: str
    min_wage: str  # as typed: "12.02" or "12,02"
    platforms: tuple[str, ...] = ()  # catalogue keys


@dataclass(frozen=True)
class AddedPlatform:
    """A platform added by `add_platform()`, and what the catalogue filled in."""

    platform: PlatformInfo
    entry: PlatformEntry | None
    notes: tuple[str, ...] = field(default=())


def cldr_version() -> str:
    from babel.core import get_cldr_version

    return str(get_cldr_version())


def propose_home(country: str | None, current_currency: str) -> HomeProposal:
    """The table's currency and minimum wage for the country; else its currency in CLDR."""
    code = (country or "").upper() or None
    rows = [row for row in MINIMUM_WAGES if row.country == code]
    if rows:
        row = max(rows, key=lambda candidate: candidate.since)
        return HomeProposal(code, row.currency, "minimum_wages", row.hourly, row)
    if code:
        currencies = babel_numbers.get_territory_currencies(code)
        if currencies:
            return HomeProposal(code, str(currencies[0]), "cldr", None, None)
    return HomeProposal(code, current_currency, "current", None, None)


class FirstRun:
    """The welcome's questions and answers, stored once: nothing is asked twice."""

    def __init__(
        self,
        store: SettingsStore,
        tr: Translator,
        catalogue: Catalogue,
        add_platform: Callable[[PlatformEntry], bool],
    ) -> None:
        self._store = store
        self._tr = tr
        self._catalogue = catalogue
        self._add_platform = add_platform

    def done(self) -> bool:
        return self._store.get(FIRST_RUN_DONE) is not None

    def proposal(self, country: str | None) -> HomeProposal:
        return propose_home(country, self._store.get("home_currency") or "USD")

    def stored_country(self) -> str | None:
        return self._store.get(COUNTRY) or None

    def check(self, choices: FirstRunChoices) -> None:
        """Refuse a wrong answer before anything is written (InvalidInput naming it)."""
        tr = self._tr
        if choices.language not in ("system", *SUPPORTED_LANGUAGES):
            raise InvalidInput(
                tr.gettext("Language {value!r} is not available; choose system, en or fr.").format(
                    value=choices.language
                )
            )
        if choices.country is not None and not (
            len(choices.country) == 2 and choices.country.isalpha()
        ):
            raise InvalidInput(
                tr.gettext("{value!r} is not a country code (like FR, GB or US).").format(
                    value=choices.country
                )
            )
        currency = normalise_currency(choices.home_currency, tr)
        parse_amount(choices.min_wage, currency, tr, what=tr.gettext("minimum wage"))
        for key in choices.platforms:
            try:
                self._catalogue.get(key)
            except KeyError:
                raise InvalidInput(
                    tr.gettext("{value!r} is not in the catalogue of platforms.").format(
                        value=key
                    )
                ) from None

    def complete(self, choices: FirstRunChoices) -> list[str]:
        """Store the answers and add the platforms picked; returns the names added."""
        self.check(choices)
        self._store.put("language", choices.language)
        self._store.put("home_currency", normalise_currency(choices.home_currency, self._tr))
        self._store.put("min_wage", choices.min_wage.strip())
        if choices.country:
            self._store.put(COUNTRY, choices.country.upper())
        added = [
            self._catalogue.get(key).name
            for key in choices.platforms
            if self._add_platform(self._catalogue.get(key))
        ]
        self._store.put(FIRST_RUN_DONE, COMPLETED)
        return added

    def skip(self) -> None:
        """Not now: the welcome stays reachable from the Help menu, never asked again."""
        if not self.done():
            self._store.put(FIRST_RUN_DONE, SKIPPED)


class CatalogueService:
    def __init__(
        self,
        ctx: ServiceContext,
        settings: SettingsService,
        platforms: PlatformService,
        catalogue: Catalogue | None = None,
    ) -> None:
        self._ctx = ctx
        self._settings = settings
        self._platforms = platforms
        self.catalogue = catalogue or load_catalogue()
        self.store: SettingsStore = DatabaseSettingsStore(ctx, settings)

    @classmethod
    def for_services(cls, services: Services) -> CatalogueService:
        return cls(services.ctx, services.settings, services.platforms)

    def find(self, name: str) -> PlatformEntry | None:
        return self.catalogue.find(name)

    # -- adding platforms ------------------------------------------------------------------

    def add_from_catalogue(
        self,
        name: str,
        *,
        currency: str | None = None,
        url: str | None = None,
        account_ref: str | None = None,
        min_wage: str | None = None,
        max_payout_days: int | None = None,
        max_review_days: int | None = None,
    ) -> PlatformInfo:
        """Add `name` (as typed) with the catalogue's currency and limits for it; any value
        given here wins over the catalogue's."""
        entry = self.find(name)
        if entry is None:
            raise NotFound(
                self._ctx.tr.gettext(
                    "{name!r} is not in the catalogue of platforms; it knows: {known}."
                ).format(name=name, known=", ".join(e.name for e in self.catalogue.platforms))
            )
        home = self._settings.current().home_currency
        return self._platforms.add(
            name,
            currency or entry.currency_for(home),
            url,
            account_ref,
            min_wage,
            max_payout_days if max_payout_days is not None else entry.payout_days_limit(),
            max_review_days if max_review_days is not None else entry.review_days_limit(),
        )

    def add_platform(
        self,
        name: str,
        currency: str | None = None,
        url: str | None = None,
        account_ref: str | None = None,
        min_wage: str | None = None,
        max_payout_days: int | None = None,
    ) -> AddedPlatform:
        """`clickwage platform add`: a name the catalogue knows, given without a currency,
        takes the catalogue's currency and limits."""
        entry = self.find(name) if currency is None else None
        if entry is None:
            info = self._platforms.add(
                name, currency, url, account_ref, min_wage, max_payout_days
            )
            return AddedPlatform(info, None)
        info = self.add_from_catalogue(
            name,
            url=url,
            account_ref=account_ref,
            min_wage=min_wage,
            max_payout_days=max_payout_days,
        )
        return AddedPlatform(info, entry, tuple(self.prefill_notes(entry, info)))

    def prefill_notes(self, entry: PlatformEntry, info: PlatformInfo) -> list[str]:
        """Plain sentences saying what the catalogue filled in."""
        tr = self._ctx.tr
        if entry.currencies.value:
            first = tr.gettext("Filled in from the catalogue of platforms: it pays in {currency}.")
        else:
            first = tr.gettext(
                "Filled in from the catalogue of platforms: it pays in points, so it is recorded "
                "in your home currency ({currency})."
            )
        notes = [first.format(currency=info.currency)]
        if info.max_review_days is not None and info.max_review_days == entry.review_days_limit():
            notes.append(
                tr.ngettext(
                    "A task still awaiting review after {days} day raises a warning "
                    "(the platform's own review window).",
                    "A task still awaiting review after {days} days raises a warning "
                    "(the platform's own review window).",
                    info.max_review_days,
                ).format(days=info.max_review_days)
            )
        if info.max_payout_days is not None and info.max_payout_days == entry.payout_days_limit():
            notes.append(
                tr.ngettext(
                    "A payout not received within {days} day raises a warning "
                    "(the delay the platform states).",
                    "A payout not received within {days} days raises a warning "
                    "(the delay the platform states).",
                    info.max_payout_days,
                ).format(days=info.max_payout_days)
            )
        return notes

    def existing_keys(self) -> set[str]:
        """Catalogue keys of the platforms already added (matched by name or alias)."""
        found: set[str] = set()
        for info in self._platforms.list():
            entry = self.find(info.name)
            if entry is not None:
                found.add(entry.key)
        return found

    # -- first run ---------------------------------------------------------------------------

    def first_run(self) -> FirstRun:
        return FirstRun(self.store, self._ctx.tr, self.catalogue, self._add_if_missing)

    def needs_first_run(self) -> bool:
        """Not done yet, on a journal that has no platform (someone who already set up from
        the command line is not greeted as a newcomer)."""
        return not self.first_run().done() and self._platforms.count() == 0

    def country(self) -> str | None:
        return self.store.get(COUNTRY) or None

    def scam_advice(self, country: str | None = None) -> ScamAdvice:
        """The advice for `country`, else for the country chosen at first run."""
        return scam_advice(self._ctx.tr, country or self.country(), self.catalogue)

    def _add_if_missing(self, entry: PlatformEntry) -> bool:
        taken = {name_key(info.name) for info in self._platforms.list()}
        spellings = {name_key(spelling) for spelling in (entry.name, *entry.aliases)}
        if taken & spellings or entry.key in self.existing_keys():
            return False
        self.add_from_catalogue(entry.name)
        return True


def catalogue_messages(catalogue: Catalogue | None = None) -> Iterable[str]:
    """The data file's English sentences shown through tr.gettext() (for the translators)."""
    return (catalogue or load_catalogue()).messages()
