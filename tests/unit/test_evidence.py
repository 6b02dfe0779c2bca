"""The evidence model (no Qt): the report's figures, records, marks, deletions, attachments,
the canonical CSV and its fingerprint, and the letters in English and French."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from sqlalchemy import text

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput, NotFound
from app.domain.statuses import Activity
from app.i18n import Translator
from app.services import Services
from app.services.evidence import (
    CSV_COLUMNS,
    EvidenceDocument,
    EvidenceService,
    EvidenceText,
    Table,
    fingerprint_of,
)
from app.services.tasks import TaskFilter
from app.storage.models import Attachment
from app.storage.types import epoch_seconds

PARIS = ZoneInfo("Europe/Paris")
FIRST, END = date(2026, 3, 1), date(2026, 3, 10)  # March 1 to 9; the clock is on the 10th
ROOT = Path(__file__).resolve().parents[2]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=PARIS)


def fill_ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    """A week of Prolific work with every kind of record, and one task on each side of it."""
    now = clock.now()
    clock.set(at(1, 8))
    services.platforms.add(
        "Prolific", "GBP", url="https://app.prolific.com", account_ref="PRL-5F3A"
    )
    services.platforms.add("Clickworker", "EUR")
    services.rates.set("GBP", "1.15", on=date(2026, 1, 1))
    services.tasks.add(
        "Prolific",
        "9.99",
        external_id="PRL-FEB",
        title="Before the period",
        status="approved",
        submitted=datetime(2026, 2, 28, 23, 30, tzinfo=PARIS),
        decided=at(1, 7),
    )
    clock.set(at(2, 9))
    services.timer.start("Prolific", Activity.SEARCH)
    clock.set(at(2, 9, 20))
    services.timer.start("Prolific", Activity.TASK, switch=True)
    clock.set(at(2, 9, 45))
    services.tasks.add(
        "Prolific",
        "3.50",
        external_id="PRL-A1",
        title="Decision making study",
        requester="North Lab",
        started=at(2, 9, 20),
        submitted=at(2, 9, 44),
    )
    clock.set(at(2, 10, 5))
    services.tasks.add(
        "Prolific",
        "2.00",
        external_id="PRL-R1",
        title="Memory task",
        requester="Bright Research",
        started=at(2, 9, 46),
        submitted=at(2, 10, 4),
    )
    clock.set(at(2, 10, 30))
    services.timer.stop()
    clock.set(at(3, 12))
    services.tasks.update("Prolific", "PRL-A1", status="approved", at=at(3, 11))
    clock.set(at(3, 12, 5))
    services.tasks.update(
        "Prolific", "PRL-R1", status="rejected", at=at(3, 11, 30), reason="Failed attention check"
    )
    clock.set(at(4, 18))
    services.tasks.add(
        "Prolific",
        "1.20",
        external_id="PRL-P1",
        title="Consumer survey",
        submitted=at(4, 17),
        duration_minutes="12",
    )
    clock.set(at(5, 20))
    edited = services.tasks.add(
        "Prolific",
        "4.00",
        external_id="PRL-E1",
        title="Typo titel",
        status="approved",
        submitted=at(5, 19),
        decided=at(5, 19, 30),
        duration_minutes="40",
    )
    clock.set(at(8, 9))
    services.tasks.edit(edited.id, title="Language comprehension experiment")
    clock.set(at(6, 10))
    gone = services.tasks.add("Prolific", "0.50", external_id="PRL-D1", submitted=at(6, 9))
    clock.set(at(6, 11))
    services.tasks.delete(gone.id)
    clock.set(at(4, 21))
    services.payouts.add(
        "Prolific", "1250.00", at(3, 20), received=at(4, 20), method="PayPal", reference="W-1"
    )
    clock.set(at(7, 21))
    services.payouts.add("Prolific", "6.00", at(7, 20, 30), method="PayPal", reference="W-2")
    clock.set(at(7, 16))
    pid = services.platforms.get("Prolific").id
    services.tasks.bulk_insert(
        [
            {
                "platform_id": pid,
                "external_id": "PRL-I1",
                "title": "Imported study",
                "reward": 150,
                "currency": "GBP",
                "status": "approved",
                "started_at": epoch_seconds(at(7, 14, 30)),
                "submitted_at": epoch_seconds(at(7, 15)),
                "decided_at": epoch_seconds(at(7, 15, 30)),
            }
        ],
        "import:prolific",
    )
    clock.set(at(9, 8))
    services.events.add(
        "Prolific", "balance_withheld", at=at(9, 7), amount="12.40", note="Withdrawal under review"
    )
    clock.set(at(5, 12))
    services.tasks.add(
        "Clickworker",
        "1.00",
        external_id="CW-1",
        status="approved",
        submitted=at(5, 11),
        decided=at(5, 11, 30),
    )
    clock.set(datetime(2026, 3, 10, 0, 30, tzinfo=PARIS))
    services.tasks.add(
        "Prolific",
        "7.00",
        external_id="PRL-MAR10",
        title="After the period",
        submitted=datetime(2026, 3, 10, 0, 10, tzinfo=PARIS),
    )
    clock.set(now)
    return {"edited_id": edited.id, "deleted_id": gone.id}


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


@pytest.fixture
def evidence(services: Services) -> EvidenceService:
    return EvidenceService(services)


def build(evidence: EvidenceService, language: str = "en", **options: Any) -> EvidenceDocument:
    return evidence.build(
        "Prolific", FIRST, END, language=language, name="Camille Martin", **options
    )


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def all_text(document: EvidenceDocument) -> str:
    """Every string the document would print (blocks and furniture), for searching."""
    doc = document.document()
    parts = [doc.header_left, doc.header_right, doc.footer_left]
    for block in doc.blocks:
        if isinstance(block, Table):
            parts += [block.title, block.caption, *(c.title for c in block.columns)]
            parts += ["\t".join(row) for row in block.rows]
        else:
            for name in ("text", "rows", "items"):
                value = getattr(block, name, None)
                if isinstance(value, str):
                    parts.append(value)
                elif isinstance(value, tuple):
                    parts += [str(item) for item in value]
    return "\n".join(parts)


# -- the report -------------------------------------------------------------------------------


def test_summary_figures_equal_the_report(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    report = services.reports.report(FIRST, END, "Prolific").platforms[0]
    t = EvidenceText("en")
    summary = "\n".join(document.summary)
    for minor in (
        report.earned,
        report.net,
        report.fees,
        report.totals.bonus,
        report.totals.pending_value,
        report.totals.rejected_value,
        report.withheld,
    ):
        assert t.money(minor, "GBP") in summary
    assert t.duration(report.time.seconds_total) in summary
    assert t.duration(report.time.seconds_task) in summary
    assert t.duration(report.time.seconds_unpaid) in summary
    assert t.hourly(report.effective_hourly, "GBP") in summary
    assert report.home is not None
    assert t.hourly(report.home.effective_hourly, "EUR") in summary
    assert "€12.02/h" in summary
    assert document.flags == [flag.message for flag in report.flags]
    assert {flag.code for flag in report.flags} >= {"withheld_balance"}
    assert "£12.40" in summary  # the withheld balance
    assert "1 is still waiting: £6.00" in summary


def test_every_task_of_the_period_and_no_other(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    expected = [
        task.id
        for task in services.tasks.list(
            TaskFilter(platform="Prolific", first_day=FIRST, last_day=END - timedelta(days=1))
        )
    ]
    assert document.task_ids == expected
    listed = [row[1] for row in document.section("tasks").table.rows]
    assert listed == ["PRL-A1", "PRL-R1", "PRL-P1", "PRL-E1", "PRL-I1"]
    assert "PRL-FEB" not in all_text(document) and "PRL-MAR10" not in all_text(document)
    assert "CW-1" not in all_text(document)
    assert {
        row["external_id"] for row in rows_of(document.csv_bytes) if row["record"] == "task"
    } == set(listed)


def test_header_names_the_worker_platform_account_and_period(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = build(evidence)
    header = dict(document.header)
    assert header["Worker"] == "Camille Martin"
    assert header["Platform"] == "Prolific (https://app.prolific.com)"
    assert header["Account"] == "PRL-5F3A"
    assert header["Period"].startswith("2026-03-01 to 2026-03-09")
    assert "Clickwage 0.1.0" in header["Generated"]
    assert document.document().header_right == "2026-03-01 to 2026-03-09"


def test_records_say_how_and_when_they_were_entered(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = build(evidence)
    sessions = document.section("sessions").table.rows
    assert [row[3] for row in sessions] == ["searching", "paid tasks"]
    assert sessions[0][5] == "timer (live)\n2026-03-02 09:00"
    tasks = {row[1]: row for row in document.section("tasks").table.rows}
    assert tasks["PRL-P1"][9] == "typed in\n2026-03-04 18:00"
    assert tasks["PRL-I1"][9] == "import: prolific\n2026-03-07 16:00"
    payouts = document.section("payouts").table.rows
    assert payouts[1][7] == "2 d, waiting"
    events = document.section("events").table.rows
    assert events[0][1] == "balance withheld" and events[0][2] == "£12.40"


def test_records_edited_after_the_fact_are_marked_but_decisions_are_not(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = build(evidence)
    table = document.section("tasks").table
    by_id = {row[1]: index for index, row in enumerate(table.rows)}
    edited = table.rows[by_id["PRL-E1"]]
    assert edited[2] == "Language comprehension experiment"
    assert edited[9].endswith("edited 2026-03-08 09:00")
    assert by_id["PRL-E1"] in table.marked
    for decided in ("PRL-A1", "PRL-R1"):  # approved / rejected later: their normal life
        assert by_id[decided] not in table.marked
        assert "edited" not in table.rows[by_id[decided]][9]
    assert table.marked == frozenset({by_id["PRL-E1"]})
    assert "edited" in document.legend


def test_deletions_in_the_period_are_counted(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    assert document.deletions == {"tasks": 1}
    assert "1 task of this platform and period deleted" in document.deletion_sentence
    snapshot = services.tasks.delete(document.task_ids[0])
    assert build(evidence).deletions == {"tasks": 2}
    services.tasks.restore(snapshot)  # undone: not a deletion any more
    assert build(evidence).deletions == {"tasks": 1}


def test_csv_is_canonical_and_its_sha256_is_the_fingerprint(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    assert fingerprint_of(document.csv_bytes) == hashlib.sha256(document.csv_bytes).hexdigest()
    assert document.fingerprint == hashlib.sha256(document.csv_bytes).hexdigest()
    assert document.csv_bytes.startswith(",".join(CSV_COLUMNS).encode() + b"\r\n")
    rows = rows_of(document.csv_bytes)
    assert [row["record"] for row in rows] == (
        ["platform"] + ["session"] * 2 + ["task"] * 5 + ["payout"] * 2 + ["event"]
    )
    approved = next(row for row in rows if row["external_id"] == "PRL-A1")
    assert approved["reward"] == "3.50" and approved["currency"] == "GBP"
    assert approved["submitted_at"] == "2026-03-02T08:44:00Z"
    assert approved["decided_at"] == "2026-03-03T10:00:00Z"
    assert approved["origin"] == "manual"
    stored = services.tasks.get(int(approved["id"]))
    with services.ctx.db.engine.connect() as connection:
        digest = connection.execute(
            text("SELECT row_hash FROM tasks WHERE id = :id"), {"id": stored.id}
        ).scalar()
    assert approved["row_hash"] == digest
    assert build(evidence).csv_bytes == document.csv_bytes  # same data, same bytes


def test_changing_a_record_changes_the_fingerprint(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    before = build(evidence)
    assert before.integrity.verified is True
    services.tasks.edit(before.task_ids[0], reward="3.60")
    after = build(evidence)
    assert after.fingerprint != before.fingerprint
    assert fingerprint_of(before.csv_bytes) == before.fingerprint  # the old file still checks


def test_a_change_behind_the_apps_back_is_caught(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    before = build(evidence)
    with services.ctx.db.engine.begin() as connection:
        connection.execute(text("UPDATE tasks SET reward = 999 WHERE external_id = 'PRL-R1'"))
    after = build(evidence)
    assert after.fingerprint != before.fingerprint
    assert after.integrity.verified is False
    assert any("changed outside Clickwage" in problem for problem in after.integrity.problems)
    assert "problem found" in all_text(after)


def test_integrity_part_names_the_chain_head_and_how_to_check(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    count, head = services.audit.head()
    assert document.integrity.chain_head == head
    assert document.integrity.audit_entries == count
    how = document.integrity.how_to_check
    assert "clickwage verify" in how and "sha256sum" in how and document.csv_name in how
    assert document.csv_name == "clickwage-prolific-2026-03-01-2026-03-09.csv"
    words = all_text(document)
    assert document.fingerprint in words and head in words


def test_a_subset_of_tasks_is_listed_and_said_so(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = build(evidence, statuses=["rejected"])
    tasks = document.section("tasks")
    assert [row[1] for row in tasks.table.rows] == ["PRL-R1"]
    assert any("1 of the 5 tasks of the period" in note for note in tasks.notes)
    assert "Tasks: 5 in the period" in " ".join(document.summary)
    assert [r["external_id"] for r in rows_of(document.csv_bytes) if r["record"] == "task"] == [
        "PRL-R1"
    ]


def test_attachments_are_listed_with_their_sha256_and_checked(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    folder = services.ctx.db.path.parent / "attachments"
    folder.mkdir()
    content = b"screenshot of the rejection"
    digest = hashlib.sha256(content).hexdigest()
    (folder / digest).write_bytes(content)
    task_id = build(evidence).task_ids[1]
    with services.ctx.db.write() as session:
        session.add(
            Attachment(
                sha256=digest,
                file_name="rejection.txt",
                size=len(content),
                media_type="text/plain",
                record_type="task",
                record_id=task_id,
            )
        )
        session.add(
            Attachment(
                sha256="ab" * 32,
                file_name="lost.png",
                size=10,
                media_type="image/png",
                record_type="task",
                record_id=task_id,
            )
        )
        session.add(
            Attachment(
                sha256="cd" * 32,
                file_name="other.png",
                size=10,
                media_type="image/png",
                record_type="task",
                record_id=9999,
            )
        )
        session.add(
            Attachment(
                sha256=digest,
                file_name="closure-mail.txt",
                size=len(content),
                media_type="text/plain",
                record_type="platform",
                record_id=services.platforms.get("Prolific").id,
            )
        )
    document = build(evidence)
    found = {a.file_name: a for a in document.attachments}
    assert set(found) == {"rejection.txt", "lost.png", "closure-mail.txt"}
    assert found["closure-mail.txt"].linked == "the platform (Prolific)"
    assert found["rejection.txt"].check == "file found, SHA-256 matches"
    assert found["rejection.txt"].linked == f"task {task_id}"
    assert found["lost.png"].check == "file not found beside the database"
    assert found["lost.png"].path is None
    assert [r["sha256"] for r in rows_of(document.csv_bytes) if r["record"] == "attachment"] == [
        digest,
        "ab" * 32,
        digest,
    ]
    assert digest in all_text(document)


def test_french_uses_french_words_and_number_formatting(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = build(evidence, "fr")
    words = all_text(document)
    assert "Rapport de preuve\u00a0: Prolific" in words
    assert "du 2026-03-01 au 2026-03-09" in words
    assert "1\u202f256,00\u00a0£GB" in " ".join(document.summary)  # two payouts requested
    assert document.document().page_label == "Page {page} sur {pages}"
    assert "modifié le 2026-03-08 09:00" in words
    assert "Résumé" in words and "Intégrité" in words


def test_bad_choices_are_refused(ledger: dict[str, Any], evidence: EvidenceService) -> None:
    with pytest.raises(NotFound):
        evidence.build("Nowhere", FIRST, END)
    with pytest.raises(InvalidInput):
        evidence.build("Prolific", FIRST, END, language="de")
    with pytest.raises(InvalidInput):
        evidence.build("Prolific", END, FIRST)
    with pytest.raises(InvalidInput):
        evidence.build("Prolific", FIRST, END, statuses=["lost"])


def test_an_empty_period_still_makes_a_report(
    ledger: dict[str, Any], evidence: EvidenceService
) -> None:
    document = evidence.build("Prolific", date(2025, 1, 1), date(2025, 2, 1))
    assert document.task_ids == []
    assert "Real hourly wage: cannot be computed" in " ".join(document.summary)
    assert "No task in this period." in all_text(document)


# -- letters ----------------------------------------------------------------------------------


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


# -- translations -----------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def test_every_evidence_sentence_has_french() -> None:
    """The core catalogue has each sentence, placeholders kept."""
    core = Translator("fr")
    po = ROOT / "resources" / "locale" / "fr" / "LC_MESSAGES" / "clickwage.po"
    with po.open("rb") as handle:
        french_ids = {m.id for m in read_po(handle, locale="fr") if m.id and m.string}
    keywords = {"gettext": None, "ngettext": (1, 2)}
    missing = []
    messages = [
        found[1]
        for source in sorted((ROOT / "app" / "services" / "evidence").glob("*.py"))
        for found in extract_from_file("python", str(source), keywords=keywords)
    ]
    assert messages
    for message in messages:
        if isinstance(message, tuple):
            singular = message[0]
            forms = (core.ngettext(singular, message[1], 1), core.ngettext(singular, message[1], 2))
            if forms[1] in message:
                missing.append(singular)
            for form in forms:
                assert sorted(_PLACEHOLDER.findall(form)) == sorted(
                    _PLACEHOLDER.findall(singular)
                ), singular
            continue
        translated = core.gettext(message)
        if message not in french_ids:
            missing.append(message)
        assert sorted(_PLACEHOLDER.findall(translated)) == sorted(_PLACEHOLDER.findall(message)), (
            message
        )
    assert not missing, f"no French for: {missing}"


def test_both_letter_languages_have_the_same_parts() -> None:
    from app.services.evidence.legal import LETTERS

    assert set(LETTERS["en"]) == set(LETTERS["fr"])
    for key, english in LETTERS["en"].items():
        french = LETTERS["fr"][key]
        if isinstance(english, list):
            assert len(english) == len(french), key
            pairs = list(zip(english, french, strict=True))
        else:
            pairs = [(english, french)]
        for source, target in pairs:
            assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(target)), key
