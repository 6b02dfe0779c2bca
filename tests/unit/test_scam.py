"""Scam warning signs: ticking and unticking them (undo included) raises and clears the
`scam_risk` flag; the advice and where to report depend on the user's country."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import InvalidInput, NotFound
from app.domain.statuses import ScamSign
from app.i18n import Translator
from app.services import Services
from app.services.catalogue import CatalogueService, FirstRunChoices
from app.services.scam import SIGN_TITLES, ScamAdvice, ScamService, scam_advice, sign_title


def _scam(services: Services) -> ScamService:
    return ScamService(services.ctx, services.platforms)


def _scam_flags(services: Services) -> dict[str, str | None]:
    return {
        name: flag.value
        for name, flag in services.reports.current_flags()
        if flag.code == "scam_risk"
    }


def test_every_sign_has_a_plain_sentence() -> None:
    assert set(SIGN_TITLES) == set(ScamSign)
    tr = Translator("en")
    assert "WhatsApp" in sign_title(tr, "chat-recruitment")
    assert "fee" in sign_title(tr, "upfront-fee")


def test_a_sign_raises_the_flag_and_removing_it_clears_it(services: Services) -> None:
    services.platforms.add("TaskBoost", "USD")
    scam = _scam(services)
    assert services.platforms.add_sign("TaskBoost", "upfront-fee")
    assert _scam_flags(services) == {"TaskBoost": "upfront-fee"}
    assert scam.signs("taskboost") == ["upfront-fee"]
    assert scam.remove_sign("TaskBoost", "upfront-fee") is True
    assert scam.remove_sign("TaskBoost", "upfront-fee") is False
    assert _scam_flags(services) == {}
    assert services.audit.verify().intact


def test_set_signs_and_its_undo(services: Services) -> None:
    services.platforms.add("TaskBoost", "USD")
    scam = _scam(services)
    services.platforms.add_sign("TaskBoost", "credentials", note="asked for my bank login")
    change = scam.set_signs("taskboost", ["crypto-only", "CHAT-RECRUITMENT"])
    assert change.added == ("crypto-only", "chat-recruitment")
    assert change.removed == (("credentials", "asked for my bank login"),)
    assert scam.signs("TaskBoost") == ["crypto-only", "chat-recruitment"]
    assert _scam_flags(services) == {"TaskBoost": "chat-recruitment, crypto-only"}
    redo = scam.revert(change)
    assert scam.signs("TaskBoost") == ["credentials"]
    assert _scam_flags(services) == {"TaskBoost": "credentials"}
    scam.revert(redo)
    assert scam.signs("TaskBoost") == ["crypto-only", "chat-recruitment"]
    assert scam.set_signs("TaskBoost", ["crypto-only", "chat-recruitment"]).empty
    assert services.audit.verify().intact


def test_a_wrong_sign_or_platform_is_refused_and_nothing_is_written(services: Services) -> None:
    services.platforms.add("TaskBoost", "USD")
    scam = _scam(services)
    with pytest.raises(InvalidInput, match="'pay-to-work' is not a warning sign; choose one of"):
        scam.set_signs("TaskBoost", ["upfront-fee", "pay-to-work"])
    with pytest.raises(InvalidInput, match="'pay-to-work'"):
        scam.remove_sign("TaskBoost", "pay-to-work")
    with pytest.raises(NotFound, match="'Nowhere'"):
        scam.set_signs("Nowhere", ["upfront-fee"])
    assert scam.signs("TaskBoost") == []


def test_a_payout_that_asks_for_money_raises_the_same_flag(services: Services) -> None:
    services.platforms.add("TaskBoost", "USD")
    services.payouts.add(
        "TaskBoost", "50.00", requested=services.ctx.now(), asks_for_money=True
    )
    assert _scam_flags(services) == {"TaskBoost": "withdrawal-fee"}


def test_the_flag_is_in_the_report_of_any_period(services: Services) -> None:
    services.platforms.add("TaskBoost", "USD")
    services.platforms.add_sign("TaskBoost", "too-good-to-be-true")
    report = services.reports.report(date(2026, 3, 1), date(2026, 4, 1), "TaskBoost")
    flags = {flag.code: flag for flag in report.platforms[0].flags}
    assert flags["scam_risk"].value == "too-good-to-be-true"
    assert "never pay to get paid" in flags["scam_risk"].message


# ------------------------------------------------------------------------------- advice


def _reach(advice: ScamAdvice) -> str:
    return advice.report_line()


def test_france_gets_its_own_places_to_report() -> None:
    advice = scam_advice(Translator("en"), "fr")
    line = _reach(advice)
    for expected in ("SignalConso", "Pharos", "0805 805 817", "cybermalveillance.gouv.fr"):
        assert expected in line
    assert advice.country == "FR" and advice.generic is None
    assert any("Never pay to get paid" in sentence for sentence in advice.advice)


def test_the_uk_and_the_us() -> None:
    assert "Action Fraud" in _reach(scam_advice(Translator("en"), "GB"))
    assert "0300 123 2040" in _reach(scam_advice(Translator("en"), "GB"))
    assert "reportfraud.ftc.gov" in _reach(scam_advice(Translator("en"), "US"))


@pytest.mark.parametrize("country", ["DE", "KE", None, ""])
def test_other_countries_get_the_general_line(country: str | None) -> None:
    advice = scam_advice(Translator("en"), country)
    assert advice.country is None
    assert advice.generic is not None and "police" in advice.generic
    assert [channel.name for channel in advice.channels] == ["econsumer.gov"]


def test_the_advice_as_text_in_english_and_french() -> None:
    for language in ("en", "fr"):
        tr = Translator(language)
        text = scam_advice(tr, "FR").as_text(tr)
        assert "Pharos (https://www.internet-signalement.gouv.fr)" in text
        assert "Info Escroqueries (0805 805 817)" in text
        assert text.count("\n- ") >= 9


def test_the_advice_follows_the_country_chosen_at_first_run(services: Services) -> None:
    catalogue = CatalogueService.for_services(services)
    assert catalogue.scam_advice().country is None  # no country chosen yet
    catalogue.first_run().complete(FirstRunChoices("en", "GB", "GBP", "12.71"))
    assert "Action Fraud" in _reach(catalogue.scam_advice())
    assert "SignalConso" in _reach(catalogue.scam_advice("FR"))  # a country given wins
