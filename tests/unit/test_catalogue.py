"""The platform catalogue: the shipped data loads and every fact has a source; names and
common spellings find their entry; adding a platform from it pre-fills currency and limits
(a pending Prolific task is late after 21 days, not 30); the first run's answers are stored
once, on a fake settings store as on the real one."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from app.catalogue import (
    USABLE_MARKERS,
    CatalogueError,
    load_catalogue,
    parse_catalogue,
)
from app.domain.clock import FakeClock
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.statuses import TaskStatus
from app.i18n import Translator
from app.services import Services
from app.services.catalogue import (
    COMPLETED,
    FIRST_RUN_DONE,
    SKIPPED,
    CatalogueService,
    FirstRun,
    FirstRunChoices,
    catalogue_messages,
    propose_home,
)

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "app" / "catalogue"
PLATFORMS = (CATALOGUE_DIR / "platforms.toml").read_text(encoding="utf-8")
ADVICE = (CATALOGUE_DIR / "scam_advice.toml").read_text(encoding="utf-8")


def _catalogue(services: Services) -> CatalogueService:
    return CatalogueService.for_services(services)


# ------------------------------------------------------------------------- the data file


def test_the_shipped_catalogue_covers_the_common_platforms() -> None:
    catalogue = load_catalogue()
    keys = {entry.key for entry in catalogue.platforms}
    assert {
        "prolific", "mturk", "clickworker", "uhrs", "toloka", "appen", "microworkers",
        "remotasks", "outlier", "swagbucks",
    } <= keys


def test_every_fact_has_a_source_and_a_date() -> None:
    for entry in load_catalogue().platforms:
        facts = entry.facts()
        assert len(facts) >= 7, entry.key
        for field, fact in facts:
            assert fact.source.strip(), (entry.key, field)
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", fact.date), (entry.key, field)
            assert fact.known == (fact.marker != "unknown"), (entry.key, field)
    for channel in load_catalogue().channels:
        assert channel.source.strip() and channel.date, channel.name
        assert channel.url or channel.phone, channel.name


def test_the_research_facts_and_their_markers() -> None:
    catalogue = load_catalogue()
    prolific = catalogue.get("prolific")
    assert prolific.review_days.value == 21 and not prolific.review_days.uncertain
    assert prolific.currencies.value == ("GBP", "USD")
    assert catalogue.get("clickworker").review_days.value == 7
    assert catalogue.get("uhrs").review_days.value == 28
    microworkers = catalogue.get("microworkers")
    assert microworkers.minimum_payout.marker == "dated"
    assert microworkers.minimum_payout.date == "2013-06"
    assert catalogue.get("remotasks").payout_schedule.marker == "unverified"
    toloka = catalogue.get("toloka")
    assert toloka.minimum_payout.value is None and toloka.minimum_payout.marker == "unknown"
    mturk = catalogue.get("mturk")
    assert mturk.review_days.value is None  # each requester sets it
    assert any("30 July 2026" in (w.value or "") and w.uncertain for w in mturk.warnings)


def test_only_sure_enough_facts_set_limits() -> None:
    catalogue = load_catalogue()
    for entry in catalogue.platforms:
        if entry.review_days_limit() is not None:
            assert entry.review_days.marker in USABLE_MARKERS
        if entry.payout_days_limit() is not None:
            assert entry.payout_days.marker in USABLE_MARKERS
    assert catalogue.get("prolific").payout_days_limit() == 1
    assert catalogue.get("mturk").review_days_limit() is None


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("MTurk", "mturk"),
        ("mturk", "mturk"),
        ("Amazon Mechanical Turk", "mturk"),
        ("mechanical turk", "mturk"),
        ("  Mechanical   Turk ", "mturk"),
        ("mechanical-turk", "mturk"),
        ("PROLIFIC", "prolific"),
        ("prolific.co", "prolific"),
        ("Click worker", "clickworker"),
        ("UHRS", "uhrs"),
        ("Clickworker UHRS", "uhrs"),
        ("CrowdGen", "appen"),
        ("appen", "appen"),
        ("Outlier AI", "outlier"),
        ("Yandex Toloka", "toloka"),
        ("swagbucks", "swagbucks"),
    ],
)
def test_a_name_or_common_spelling_finds_its_entry(typed: str, key: str) -> None:
    found = load_catalogue().find(typed)
    assert found is not None and found.key == key


@pytest.mark.parametrize("typed", ["", "   ", "Local agency", "Turk", "Prolifics"])
def test_other_names_are_not_in_the_catalogue(typed: str) -> None:
    assert load_catalogue().find(typed) is None


def test_status_words_map_to_ours_whatever_the_case() -> None:
    catalogue = load_catalogue()
    prolific = catalogue.get("prolific")
    assert prolific.status_for("AWAITING REVIEW") is TaskStatus.PENDING
    assert prolific.status_for("screened  out") is TaskStatus.SCREENED_OUT
    assert prolific.status_for("returned") is TaskStatus.RETURNED
    assert catalogue.get("toloka").status_for("SKIPPED") is TaskStatus.RETURNED
    assert catalogue.get("mturk").status_for("Paid") is TaskStatus.APPROVED
    assert catalogue.get("mturk").status_for("Pending") is TaskStatus.PENDING
    assert catalogue.get("microworkers").status_for("Not Satisfied") is TaskStatus.REJECTED
    assert catalogue.get("clickworker").status_for("approved") is None  # no words known


def _broken(old: str, new: str) -> str:
    assert old in PLATFORMS, old
    return PLATFORMS.replace(old, new, 1)


@pytest.mark.parametrize(
    ("platforms", "message"),
    [
        (
            _broken('source = "https://researcher-help.prolific.co/hc/en-gb/articles/'
                    '360009092394"\n', ""),
            "prolific, review_days: no source",
        ),
        (_broken('value = 21\n', 'value = "three weeks"\n'), "whole number of days"),
        (_broken('"APPROVED" = "approved"', '"APPROVED" = "paid"'), "'paid'"),
        (_broken('marker = "dated"', 'marker = "probably"'), "marker 'probably'"),
        (_broken('date = "2013-06"', 'date = "June 2013"'), "YYYY-MM"),
        (_broken('value = ["USD"]', 'value = ["US$"]'), "'US$'"),
        (_broken('aliases = ["Click worker"', 'aliases = ["MTurk"'), "names both"),
        (
            _broken('[platform.payout_days]\nvalue = "unknown"',
                    '[platform.payout_days]\nvalue = "later"'),
            "an unknown value needs",
        ),
        (_broken('value = 21\n', 'value = "unknown"\n'), 'marker = "unknown"'),
        (_broken("schema = 1", "schema = 2"), "schema must be 1"),
        (_broken('key = "toloka"', 'key = "toloka"\nwebsite = "x"'), "unknown field(s) website"),
    ],
)
def test_the_loader_refuses_a_broken_file(platforms: str, message: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(platforms, ADVICE)
    assert message in str(caught.value)


def test_the_loader_refuses_a_channel_without_a_source_or_a_way_to_reach_it() -> None:
    no_source = ADVICE.replace('source = "https://scamaware.org/hub/remediation/report-it"\n', "")
    with pytest.raises(CatalogueError, match=r"IC3 .*no source"):
        parse_catalogue(PLATFORMS, no_source)
    unreachable = ADVICE.replace('url = "https://www.ic3.gov"\n', "")
    with pytest.raises(CatalogueError, match="url or a phone"):
        parse_catalogue(PLATFORMS, unreachable)


def test_the_data_sentences_are_listed_for_the_translators() -> None:
    messages = list(catalogue_messages())
    assert "Report the scam to the Federal Trade Commission." in messages
    assert any("21 days" in message for message in messages)
    assert len(messages) == len(set(messages))


# ------------------------------------------------------------- adding from the catalogue


def test_adding_from_the_catalogue_fills_in_currency_and_limits(services: Services) -> None:
    catalogue = _catalogue(services)
    prolific = catalogue.add_from_catalogue("Prolific")
    assert (prolific.currency, prolific.max_review_days, prolific.max_payout_days) == (
        "GBP", 21, 1,
    )
    clickworker = catalogue.add_from_catalogue("clickworker")  # home EUR is one of its two
    assert (clickworker.name, clickworker.currency) == ("clickworker", "EUR")
    assert (clickworker.max_review_days, clickworker.max_payout_days) == (7, None)
    assert catalogue.add_from_catalogue("UHRS").max_review_days == 28
    mturk = catalogue.add_from_catalogue("MTurk")
    assert (mturk.currency, mturk.max_review_days, mturk.max_payout_days) == ("USD", None, None)
    swagbucks = catalogue.add_from_catalogue("Swagbucks")  # points: the home currency
    assert swagbucks.currency == "EUR"


def test_values_given_win_over_the_catalogue(services: Services) -> None:
    info = _catalogue(services).add_from_catalogue(
        "Prolific", currency="USD", max_review_days=10, max_payout_days=3, min_wage="13"
    )
    assert (info.currency, info.max_review_days, info.max_payout_days, info.min_wage) == (
        "USD", 10, 3, 1300,
    )


def test_a_name_outside_the_catalogue_is_refused_by_add_from_catalogue(
    services: Services,
) -> None:
    with pytest.raises(NotFound, match=r"'Local agency' is not in the catalogue.*Prolific"):
        _catalogue(services).add_from_catalogue("Local agency")
    assert services.platforms.count() == 0


def test_platform_add_without_currency_uses_the_catalogue(services: Services) -> None:
    catalogue = _catalogue(services)
    added = catalogue.add_platform("Amazon Mechanical Turk")
    assert added.entry is not None and added.entry.key == "mturk"
    assert added.platform.currency == "USD"
    added = catalogue.add_platform("Prolific")
    assert added.platform.max_review_days == 21
    assert any("21 days" in note for note in added.notes)
    assert any("1 day " in note for note in added.notes)
    assert "GBP" in added.notes[0]


def test_platform_add_with_a_currency_or_an_unknown_name_is_plain(services: Services) -> None:
    catalogue = _catalogue(services)
    explicit = catalogue.add_platform("Prolific", "USD")
    assert (explicit.platform.currency, explicit.platform.max_review_days) == ("USD", None)
    assert explicit.entry is None and explicit.notes == ()
    local = catalogue.add_platform("Local agency", max_payout_days=5)
    assert (local.platform.currency, local.platform.max_payout_days) == ("EUR", 5)
    with pytest.raises(Conflict):
        catalogue.add_platform("prolific")


def test_platform_add_keeps_a_payout_limit_given_on_the_command_line(services: Services) -> None:
    added = _catalogue(services).add_platform("Prolific", max_payout_days=4)
    assert (added.platform.max_payout_days, added.platform.max_review_days) == (4, 21)
    assert not any("within 4" in note for note in added.notes)


def test_a_pending_prolific_task_is_overdue_after_21_days_not_30(
    services: Services, clock: FakeClock
) -> None:
    catalogue = _catalogue(services)
    catalogue.add_from_catalogue("Prolific")
    services.platforms.add("Local agency", "EUR")  # no catalogue entry: the default 30 days
    submitted = clock.now()
    services.tasks.add("Prolific", "2.00", external_id="P1", submitted=submitted)
    services.tasks.add("Local agency", "2.00", external_id="L1", submitted=submitted)

    def overdue() -> dict[str, str | None]:
        return {
            name: flag.threshold
            for name, flag in services.reports.current_flags()
            if flag.code == "overdue_review"
        }

    clock.advance(days=20)
    assert overdue() == {}
    clock.advance(days=1, hours=1)
    assert overdue() == {"Prolific": "21"}
    clock.set(submitted + timedelta(days=29))
    assert overdue() == {"Prolific": "21"}
    clock.set(submitted + timedelta(days=30, hours=1))
    assert overdue() == {"Prolific": "21", "Local agency": "30"}


# ---------------------------------------------------------------------------- first run


class DictStore:
    """A fake settings store: what the first run reads and writes, nothing else."""

    def __init__(self, **values: str) -> None:
        self.values = dict(values)
        self.writes: list[tuple[str, str]] = []

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def put(self, key: str, value: str) -> None:
        self.values[key] = value
        self.writes.append((key, value))


def _flow(store: DictStore, language: str = "en") -> tuple[FirstRun, list[str]]:
    added: list[str] = []

    def add(entry: object) -> bool:
        name = entry.name  # type: ignore[attr-defined]
        if name in added:
            return False
        added.append(name)
        return True

    return FirstRun(store, Translator(language), load_catalogue(), add), added


def test_the_country_proposes_its_currency_and_minimum_wage_with_their_source() -> None:
    france = propose_home("fr", "USD")
    assert (france.country, france.currency, france.min_wage) == ("FR", "EUR", "12.02")
    assert france.currency_origin == "minimum_wages"
    assert france.wage is not None and france.wage.since.isoformat() == "2026-01-01"
    assert "SMIC" in france.wage.source
    assert (propose_home("GB", "EUR").currency, propose_home("GB", "EUR").min_wage) == (
        "GBP", "12.71",
    )
    kenya = propose_home("KE", "EUR")  # not in the table: its currency from CLDR, no wage
    assert (kenya.currency, kenya.min_wage, kenya.currency_origin) == ("KES", None, "cldr")
    nowhere = propose_home(None, "EUR")
    assert (nowhere.currency, nowhere.min_wage, nowhere.currency_origin) == (
        "EUR", None, "current",
    )


def test_the_first_run_stores_the_answers_once_on_a_fake_store() -> None:
    store = DictStore(home_currency="USD", min_wage="7.25", language="system")
    flow, added = _flow(store)
    assert not flow.done()
    proposal = flow.proposal("FR")
    names = flow.complete(
        FirstRunChoices("fr", "FR", proposal.currency, "12,02", ("prolific", "mturk"))
    )
    assert names == ["Prolific", "MTurk"] == added
    assert store.values == {
        "home_currency": "EUR", "min_wage": "12,02", "language": "fr", "country": "FR",
        FIRST_RUN_DONE: COMPLETED,
    }
    assert store.writes[-1] == (FIRST_RUN_DONE, COMPLETED)  # done last: a crash asks again
    assert flow.done()
    flow.skip()  # already done: nothing more is written
    assert store.values[FIRST_RUN_DONE] == COMPLETED


def test_skipping_is_remembered_too() -> None:
    store = DictStore()
    flow, added = _flow(store)
    flow.skip()
    assert store.values == {FIRST_RUN_DONE: SKIPPED}
    assert flow.done() and added == []


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (FirstRunChoices("de", "FR", "EUR", "12.02"), "'de' is not available"),
        (FirstRunChoices("en", "France", "EUR", "12.02"), "'France' is not a country code"),
        (FirstRunChoices("en", "FR", "EURO", "12.02"), "'EURO' is not a currency code"),
        (FirstRunChoices("en", "FR", "EUR", "douze"), "'douze'"),
        (FirstRunChoices("en", "FR", "EUR", "12.02", ("nope",)), "'nope' is not in the catalogue"),
    ],
)
def test_a_wrong_answer_is_refused_before_anything_is_written(
    choices: FirstRunChoices, message: str
) -> None:
    store = DictStore()
    flow, added = _flow(store)
    with pytest.raises(InvalidInput, match=message):
        flow.complete(choices)
    assert store.writes == [] and added == []


def test_the_first_run_refusal_is_in_french_too() -> None:
    flow, _added = _flow(DictStore(), "fr")
    with pytest.raises(InvalidInput) as caught:
        flow.complete(FirstRunChoices("en", "FR", "EURO", "12.02"))
    assert "'EURO'" in str(caught.value)


def test_the_first_run_on_the_real_services(services: Services) -> None:
    catalogue = _catalogue(services)
    services.settings.set("home_currency", "USD")
    services.settings.set("min_wage", "7.25")
    assert catalogue.needs_first_run()
    flow = catalogue.first_run()
    names = flow.complete(FirstRunChoices("system", "FR", "EUR", "12,02", ("prolific",)))
    assert names == ["Prolific"]
    settings = services.settings.current()
    assert (settings.home_currency, settings.min_wage, settings.language) == ("EUR", 1202, "system")
    assert catalogue.country() == "FR"
    assert services.platforms.get("Prolific").max_review_days == 21
    assert not catalogue.needs_first_run()
    # Nothing asked twice, and a second pass adds nothing twice.
    assert catalogue.first_run().complete(
        FirstRunChoices("system", "FR", "EUR", "12.02", ("prolific",))
    ) == []
    assert services.platforms.count() == 1
    assert services.audit.verify().intact
    # The first-run keys stay out of the user's settings.
    assert "country" not in services.settings.current().display()


def test_a_journal_with_platforms_is_not_greeted_as_new(services: Services) -> None:
    services.platforms.add("Prolific", "GBP")
    assert not _catalogue(services).needs_first_run()


def test_a_platform_already_added_under_an_alias_is_not_added_again(services: Services) -> None:
    services.platforms.add("Amazon Mechanical Turk", "USD")
    catalogue = _catalogue(services)
    assert catalogue.existing_keys() == {"mturk"}
    assert catalogue.first_run().complete(
        FirstRunChoices("en", None, "EUR", "12.02", ("mturk", "toloka"))
    ) == ["Toloka"]
