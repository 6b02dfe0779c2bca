"""The evidence report (no Qt): its figures, records, marks, deletions, attachments, a subset
of its tasks, its French, and the choices it refuses."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput, NotFound
from app.services import Services
from app.services.evidence import EvidenceService, EvidenceText
from app.services.tasks import TaskFilter
from app.storage.models import Attachment
from tests.unit.evidence_helpers import END, FIRST, all_text, build, fill_ledger, rows_of


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


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
