"""The letters of the evidence model (no Qt): the formal notice to pay, the GDPR access
request and the request for an explanation, in English and French, edited before printing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput, NotFound
from app.services import Services
from app.services.evidence import EvidenceService
from tests.unit.evidence_helpers import END, FIRST, PARIS, at, fill_ledger


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


def test_demand_lists_the_unpaid_amounts_with_a_deadline(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    letter = evidence.letter("Prolific", "demand", language="en", name="Camille Martin")
    words = letter.full_text()
    assert "Formal notice to pay" in letter.subject and "PRL-5F3A" in letter.subject
    assert "payout of £6.00 requested on March 7, 2026, not received after 2 days" in words
    assert "(reference W-2)" in words
    assert "balance withheld since March 9, 2026 (balance withheld)" in words
    assert "£12.40" in words
    assert "Total claimed: £18.40." in words  # waiting payout + withheld balance
    assert letter.deadline == date(2026, 3, 25)
    assert "within 15 days, that is by March 25, 2026" in words
    assert letter.sender.startswith("Camille Martin")
    assert [amount for _label, amount in letter.amounts] == ["£6.00", "£12.40"]


def test_demand_in_french_is_a_mise_en_demeure_under_article_1344(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    letter = evidence.letter("Prolific", "demand", language="fr", days=8)
    words = letter.full_text()
    assert "Mise en demeure de payer" in letter.subject
    assert "au sens de l'article 1344 du Code civil" in words
    assert "article 1344-1 du Code civil" in words and "intérêts moratoires" in words
    assert "Lettre recommandée avec accusé de réception" in words
    assert "6,00\u00a0£GB" in words and "12,40\u00a0£GB" in words
    assert "Total réclamé\u00a0: 18,40\u00a0£GB." in words
    assert "dans un délai de 8 jours, soit au plus tard le 18 mars 2026" in words
    assert "[Vos prénom et nom]" in words  # no name given: a blank to fill in


def test_demand_counts_approved_earnings_not_paid_once(
    services: Services, clock: FakeClock, evidence: EvidenceService
) -> None:
    services.platforms.add("Toloka", "USD")
    clock.set(at(2, 10))
    services.tasks.add(
        "Toloka", "30.00", status="approved", submitted=at(2, 9), decided=at(2, 9, 30)
    )
    services.payouts.add("Toloka", "10.00", at(2, 9, 45), received=at(2, 9, 50))
    clock.set(at(10, 9))
    letter = evidence.letter("Toloka", "demand", language="en")
    assert (
        "approved earnings not yet paid out ($30.00 earned according to my records, "
        "less $10.00 paid out or requested): $20.00" in letter.body
    )
    assert "Total claimed: $20.00." in letter.body
    services.events.add("Toloka", "account_closed", at=at(9, 8), amount="25.00")
    both = evidence.letter("Toloka", "demand", language="en")
    assert "not added to the total" in both.body
    assert "Total claimed: $25.00." in both.body  # the withheld balance, not both


def test_gdpr_request_cites_articles_15_20_and_12(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    english = evidence.letter("Prolific", "gdpr-access", language="en").full_text()
    for reference in (
        "Article 15",
        "Regulation (EU) 2016/679",
        "Article 20",
        "machine-readable format",
        "Article 12(3)",
        "within one month",
        "Article 15(1)(h)",
        "Article 77",
        "PRL-5F3A",
        "Data Protection Officer",
    ):
        assert reference in english
    french = evidence.letter("Prolific", "gdpr-access", language="fr").full_text()
    for reference in (
        "article 15 du règlement (UE) 2016/679",
        "article 20 du RGPD",
        "lisible par machine",
        "article 12, paragraphe 3",
        "délai d'un mois",
        "CNIL",
        "délégué à la protection des données",
    ):
        assert reference in french


def test_explanation_names_the_decisions_and_cites_article_22_and_the_directive(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    letter = evidence.letter("Prolific", "explanation", language="en", first=FIRST, end=END)
    words = letter.full_text()
    assert "on March 9, 2026, my balance was withheld, while it held a balance of £12.40" in words
    assert "task PRL-R1 “Memory task” (£2.00): Failed attention check" in words
    for reference in (
        "Article 22",
        "Article 22(3)",
        "human intervention",
        "2024/2831",
        "Articles 9 to 11",
        "Article 10(5)",
        "Article 11(2)",
        "from 2 December 2026",
        "Article 15(1)(h)",
    ):
        assert reference in words
    assert letter.deadline == date(2026, 3, 24)
    french = evidence.letter(
        "Prolific", "explanation", language="fr", first=FIRST, end=END
    ).full_text()
    for reference in (
        "article 22",
        "intervention humaine",
        "directive (UE) 2024/2831",
        "articles 9 à 11",
        "article 11, paragraphe 2",
        "tâche PRL-R1 «\u00a0Memory task\u00a0» (2,00\u00a0£GB)\u00a0: Failed",
    ):
        assert reference in french


def test_explanation_after_the_transposition_date_relies_on_national_law(
    ledger: dict[str, Any], clock: FakeClock, evidence: EvidenceService
) -> None:
    clock.set(datetime(2026, 12, 3, 10, 0, tzinfo=PARIS))
    words = evidence.letter("Prolific", "explanation", language="en").full_text()
    assert "as transposed into national law" in words
    assert "[Describe the decision" not in words  # the withheld balance is still unresolved


def test_letters_are_edited_before_printing(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    letter = evidence.letter("Prolific", "gdpr-access", language="en")
    edited = letter.edited(subject="Data request", body="Dear DPO,\n\nPlease send my data.")
    assert edited.paragraphs() == ["Dear DPO,", "Please send my data."]
    document = edited.document()
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert "Subject: Data request" in texts and "Please send my data." in texts
    assert letter.subject != edited.subject  # the original is kept


def test_bad_letter_choices_are_refused(ledger: dict[str, Any], evidence: EvidenceService) -> None:
    with pytest.raises(InvalidInput):
        evidence.letter("Prolific", "complaint")
    with pytest.raises(InvalidInput):
        evidence.letter("Prolific", "demand", days=0)
    with pytest.raises(NotFound):
        evidence.letter("Nowhere", "demand")
