"""Platforms' own files: MTurk batch results and status pages, Prolific exports, Toloka TSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import InvalidInput
from app.services import Services
from app.services.imports import ImportOptions, ImportRefused, ImportService

MTURK_HEADER = (
    '"HITId","HITTypeId","Title","Description","Keywords","Reward","CreationTime",'
    '"MaxAssignments","RequesterAnnotation","AssignmentDurationInSeconds",'
    '"AutoApprovalDelayInSeconds","Expiration","NumberOfSimilarHITs","LifetimeInSeconds",'
    '"AssignmentId","WorkerId","AssignmentStatus","AcceptTime","SubmitTime","AutoApprovalTime",'
    '"ApprovalTime","RejectionTime","RequesterFeedback","WorkTimeInSeconds",'
    '"LifetimeApprovalRate","Last30DaysApprovalRate","Last7DaysApprovalRate","Input.image_url",'
    '"Answer.label","Approve","Reject"\r\n'
)


def mturk_row(
    assignment: str,
    status: str,
    accept: str,
    submit: str,
    approval: str = "",
    rejection: str = "",
    feedback: str = "",
    reward: str = "$0.50",
    worker: str = "A3WORKER",
) -> str:
    cells = [
        "3HIT" + assignment,
        "3TYPE",
        "Label images, quickly",
        "desc",
        "image, label",
        reward,
        "Wed Mar 04 08:00:00 PST 2026",
        "3",
        "BatchId:1;",
        "3600",
        "259200",
        "Sat Mar 07 08:00:00 PST 2026",
        "",
        "259200",
        assignment,
        worker,
        status,
        accept,
        submit,
        "Sun Mar 08 09:00:00 PDT 2026",
        approval,
        rejection,
        feedback,
        "1800",
        "100% (5/5)",
        "100% (5/5)",
        "100% (5/5)",
        "https://example.org/a.jpg",
        "cat",
        "",
        "",
    ]
    return ",".join(f'"{c}"' for c in cells) + "\r\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def tasks(services: Services) -> list[dict[str, Any]]:
    return sorted((t.as_json() for t in services.tasks.list()), key=lambda t: t["external_id"])


@pytest.fixture
def importer(services: Services) -> ImportService:
    return ImportService(services.ctx)


# --------------------------------------------------------------------------- MTurk batch


def test_mturk_batch_results(importer: ImportService, services: Services, tmp_path: Path) -> None:
    text = (
        MTURK_HEADER
        + mturk_row(
            "3ASG1",
            "Approved",
            "Thu Mar 05 09:00:00 PST 2026",
            "Thu Mar 05 09:30:00 PST 2026",
            approval="Fri Mar 06 10:00:00 PST 2026",
            feedback="Great work",
        )
        + mturk_row(
            "3ASG2",
            "Rejected",
            "Sun Mar 08 03:30:00 PDT 2026",
            "Sun Mar 08 04:00:00 PDT 2026",
            rejection="Mon Mar 09 10:00:00 PDT 2026",
            feedback="Did not follow, the rules",
        )
        + mturk_row(
            "3ASG3",
            "Submitted",
            "Mon Mar 09 10:00:00 PDT 2026",
            "Mon Mar 09 10:05:00 PDT 2026",
            reward="$1,234.00",
        )
    )
    path = write(tmp_path, "Batch_123_batch_results.csv", text)
    assert importer.detect(path) == "mturk-batch"
    summary = importer.run(path)
    assert summary.format == "mturk-batch"
    assert summary.count("tasks").added == 3
    assert summary.platforms_created == [("MTurk", "USD")]
    first, second, third = tasks(services)
    assert first == first | {
        "platform": "MTurk",
        "external_id": "3ASG1",
        "title": "Label images, quickly",
        "status": "approved",
        "reward": "0.50",
        "currency": "USD",
        "started_at": "2026-03-05T17:00:00Z",  # 09:00 PST = 17:00 UTC
        "submitted_at": "2026-03-05T17:30:00Z",
        "decided_at": "2026-03-06T18:00:00Z",
        "duration_s": 1800,
        "reason": None,
        "origin": "import:mturk-batch",
    }
    assert first["note"] == "HIT 3HIT3ASG1; requester feedback: Great work"
    assert second["status"] == "rejected"
    assert second["started_at"] == "2026-03-08T10:30:00Z"  # 03:30 PDT = 10:30 UTC
    assert second["decided_at"] == "2026-03-09T17:00:00Z"
    assert second["reason"] == "Did not follow, the rules"
    assert (third["status"], third["reward"], third["decided_at"]) == ("pending", "1234.00", None)
    assert services.audit.verify().intact


def test_mturk_batch_into_an_existing_platform_and_approval_later(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    services.platforms.add("Amazon Mechanical Turk", currency="USD")
    submitted = MTURK_HEADER + mturk_row(
        "A1", "Submitted", "Thu Mar 05 09:00:00 PST 2026", "Thu Mar 05 09:30:00 PST 2026"
    )
    importer.run(write(tmp_path, "b1.csv", submitted))
    approved = MTURK_HEADER + mturk_row(
        "A1",
        "Approved",
        "Thu Mar 05 09:00:00 PST 2026",
        "Thu Mar 05 09:30:00 PST 2026",
        approval="Sat Mar 07 10:00:00 PST 2026",
    )
    summary = importer.run(write(tmp_path, "b2.csv", approved))
    assert (summary.count("tasks").updated, summary.platforms_created) == (1, [])
    task = tasks(services)[0]
    assert (task["platform"], task["status"]) == ("Amazon Mechanical Turk", "approved")
    assert task["decided_at"] == "2026-03-07T18:00:00Z"


def test_mturk_batch_errors(importer: ImportService, services: Services, tmp_path: Path) -> None:
    text = MTURK_HEADER + mturk_row(
        "A1",
        "Weird",
        "Thu Mar 05 09:00:00 XYZ 2026",
        "Thu Mar 05 09:30:00 PST 2026",
        reward="fifty cents",
    )
    with pytest.raises(ImportRefused) as refused:
        importer.run(write(tmp_path, "b.csv", text))
    message = str(refused.value)
    assert "line 2, column AssignmentStatus: Status 'Weird' is not one of" in message
    assert "line 2, column Reward:" in message
    assert "column AcceptTime:" in message and "(XYZ)" in message
    assert services.platforms.list() == []  # the platform it would have made was rolled back


def test_several_workers_are_noted(importer: ImportService, tmp_path: Path) -> None:
    text = (
        MTURK_HEADER
        + mturk_row(
            "A1", "Submitted", "Thu Mar 05 09:00:00 PST 2026", "Thu Mar 05 09:30:00 PST 2026"
        )
        + mturk_row(
            "A2",
            "Submitted",
            "Thu Mar 05 09:00:00 PST 2026",
            "Thu Mar 05 09:30:00 PST 2026",
            worker="A9OTHER",
        )
    )
    summary = importer.run(write(tmp_path, "b.csv", text), ImportOptions(dry_run=True))
    assert len([n for n in summary.notes if "several workers" in n]) == 1


# --------------------------------------------------------------------------- MTurk status page


def status_page(results: list[dict[str, Any]]) -> str:
    return json.dumps(
        {
            "page_number": 1,
            "num_results": len(results),
            "total_num_results": len(results),
            "results": results,
        }
    )


def result(assignment: str, state: str, reward: Any = 0.5) -> dict[str, Any]:
    return {
        "assignment_id": assignment,
        "hit_id": "3HIT" + assignment,
        "requester_id": "AREQ1",
        "requester_name": "Psych Lab",
        "title": "Survey (5 min)",
        "state": state,
        "reward": {"currency_code": "USD", "amount_in_dollars": reward},
        "requester_feedback": None,
        "contact_requester_url": "https://example.org",
    }


def test_mturk_status_page(importer: ImportService, services: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "status_details_2026-03-05.json",
        status_page(
            [
                result("S1", "Paid"),
                result("S2", "Pending", "1.25"),
                result("S3", "Rejected", 0),
                result("S4", "Approved", 0.05),
            ]
        ),
    )
    assert importer.detect(path) == "mturk-status"
    summary = importer.run(path)
    assert summary.count("tasks").added == 4
    rows = tasks(services)
    assert [r["status"] for r in rows] == ["approved", "pending", "rejected", "approved"]
    assert [r["reward"] for r in rows] == ["0.50", "1.25", "0.00", "0.05"]
    assert rows[0]["requester"] == "Psych Lab"
    assert rows[0]["note"] == "HIT 3HITS1; requester AREQ1"
    assert rows[0]["submitted_at"] == "2026-03-05T11:00:00Z"  # noon in Paris, that day


def test_the_status_page_day_comes_from_date_when_the_name_has_none(
    importer: ImportService, tmp_path: Path
) -> None:
    from datetime import date

    path = write(tmp_path, "status.json", status_page([result("S1", "Paid")]))
    with pytest.raises(InvalidInput, match="--date"):
        importer.run(path)
    summary = importer.run(path, ImportOptions(day=date(2026, 3, 1), dry_run=True))
    assert summary.count("tasks").added == 1


def test_estimated_times_never_replace_recorded_ones(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    batch = MTURK_HEADER + mturk_row(
        "S1", "Submitted", "Thu Mar 05 09:00:00 PST 2026", "Thu Mar 05 09:30:00 PST 2026"
    )
    importer.run(write(tmp_path, "b.csv", batch))
    page = write(tmp_path, "status_2026-03-05.json", status_page([result("S1", "Paid")]))
    summary = importer.run(page)
    assert summary.count("tasks").updated == 1
    task = tasks(services)[0]
    assert task["status"] == "approved"
    assert task["submitted_at"] == "2026-03-05T17:30:00Z"  # the batch file's, not noon


def test_bad_status_records_are_listed(importer: ImportService, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s_2026-03-05.json",
        status_page([result("S1", "Paid"), {"state": "Lost"}, "nonsense"]),  # type: ignore[list-item]
    )
    with pytest.raises(ImportRefused) as refused:
        importer.run(path)
    message = str(refused.value)
    assert "results[1], field assignment_id: the assignment id is missing." in message
    assert "results[1], field state:" in message
    assert "results[2]: this is not a task." in message
    with pytest.raises(InvalidInput, match="not valid JSON"):
        importer.run(
            write(tmp_path, "s_2026-03-05.json", '{"results": ['),
            ImportOptions(format="mturk-status"),
        )


# --------------------------------------------------------------------------- Prolific


PROLIFIC = (
    "Submission id,Participant id,Status,Custom study tncs accepted at,Started at,Completed at,"
    "Reviewed at,Archived at,Time taken,Completion code,Total approvals,Fluent languages,Age,Sex\n"
    "64f1a,5e2b,APPROVED,Not Applicable,2026-02-25T12:27:09.179000Z,2026-02-25T12:46:19.179000Z,"
    "2026-02-26T08:00:00.000000Z,,1150,C1ABC,389,English,34,Female\n"
    "64f1b,5e2b,AWAITING REVIEW,Not Applicable,2026-02-27T10:00:00Z,2026-02-27T10:20:00Z,,,1200,"
    "C1ABC,389,English,34,Female\n"
    "64f1c,5e2b,RETURNED,Not Applicable,2026-02-28T10:00:00Z,,,,,NOCODE,389,English,34,Female\n"
    "64f1d,5e2b,TIMED-OUT,Not Applicable,2026-02-28T11:00:00Z,,,,,,389,English,34,Female\n"
    "64f1e,5e2b,SCREENED OUT,Not Applicable,2026-02-28T12:00:00Z,2026-02-28T12:02:00Z,"
    "2026-02-28T13:00:00Z,,120,SCREEN,389,English,34,Female\n"
    "64f1f,5e2b,PARTIALLY APPROVED,Not Applicable,2026-03-01T12:00:00Z,2026-03-01T12:30:00Z,"
    "2026-03-02T13:00:00Z,,1800,C1ABC,389,English,34,Female\n"
    "64f20,5e2b,REJECTED,Not Applicable,2026-03-01T14:00:00Z,2026-03-01T14:30:00Z,"
    "2026-03-02T13:00:00Z,,1800,C1ABC,389,English,34,Female\n"
)


def test_prolific_export(importer: ImportService, services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "prolific_export_63a8f2e1b4c5d6.csv", PROLIFIC)
    assert importer.detect(path) == "prolific"
    with pytest.raises(InvalidInput, match="--reward"):
        importer.run(path)
    summary = importer.run(path, ImportOptions(reward="£1.50"))
    assert summary.count("tasks").added == 7
    assert summary.platforms_created == [("Prolific", "GBP")]
    rows = tasks(services)
    assert [r["status"] for r in rows] == [
        "approved",
        "pending",
        "returned",
        "expired",
        "screened_out",
        "partially_approved",
        "rejected",
    ]
    first = rows[0]
    assert first == first | {
        "title": "Prolific study 63a8f2e1b4c5d6",
        "reward": "1.50",
        "currency": "GBP",
        "started_at": "2026-02-25T12:27:09Z",
        "submitted_at": "2026-02-25T12:46:19Z",
        "decided_at": "2026-02-26T08:00:00Z",
        "duration_s": 1150,
        "note": "completion code C1ABC",
    }
    assert rows[3]["note"] is None  # an empty code
    assert services.audit.verify().intact


def test_prolific_reward_in_another_currency(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    services.platforms.add("Prolific", currency="GBP")
    path = write(tmp_path, "export.csv", PROLIFIC)
    importer.run(path, ImportOptions(format="prolific", reward="2.00 USD"))
    assert {(t.currency, t.reward) for t in services.tasks.list()} == {("USD", 200)}


# --------------------------------------------------------------------------- Toloka


TOLOKA = (
    "INPUT:image\tOUTPUT:result\tGOLDEN:result\tHINT:text\tASSIGNMENT:link\t"
    "ASSIGNMENT:assignment_id\tASSIGNMENT:task_id\tASSIGNMENT:task_suite_id\t"
    "ASSIGNMENT:worker_id\tASSIGNMENT:status\tASSIGNMENT:started\tASSIGNMENT:submitted\t"
    "ASSIGNMENT:accepted\tASSIGNMENT:rejected\tASSIGNMENT:skipped\tASSIGNMENT:expired\t"
    "ASSIGNMENT:reward\n"
    "a.jpg\tcat\t\t\thttps://t/1\t0001a\tt1\ts1\tw1\tACCEPTED\t2026-03-01T10:00:00.123\t"
    "2026-03-01T10:05:00.456\t2026-03-02T09:00:00\t\t\t\t0.05\n"
    "b.jpg\tdog\t\t\thttps://t/1\t0001a\tt2\ts1\tw1\tACCEPTED\t2026-03-01T10:00:00.123\t"
    "2026-03-01T10:05:00.456\t2026-03-02T09:00:00\t\t\t\t0.05\n"  # same suite, next task
    "c.jpg\tcat\t\t\thttps://t/2\t0001b\tt3\ts2\tw1\tSUBMITTED\t2026-03-03T10:00:00\t"
    "2026-03-03T10:06:00\t\t\t\t\t0.07\n"
    "d.jpg\t\t\t\thttps://t/3\t0001c\tt4\ts3\tw1\tREJECTED\t2026-03-03T11:00:00\t"
    "2026-03-03T11:06:00\t\t2026-03-04T08:00:00\t\t\t0.07\n"
    "e.jpg\t\t\t\thttps://t/4\t0001d\tt5\ts4\tw1\tSKIPPED\t2026-03-03T12:00:00\t\t\t\t"
    "2026-03-03T12:01:00\t\t0.07\n"
    "f.jpg\t\t\t\thttps://t/5\t0001e\tt6\ts5\tw1\tEXPIRED\t2026-03-03T13:00:00\t\t\t\t\t"
    "2026-03-03T14:00:00\t0.07\n"
)


def test_toloka_tsv(importer: ImportService, services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "assignments_from_pool_123.tsv", TOLOKA)
    assert importer.detect(path) == "toloka"
    summary = importer.run(path)
    assert summary.delimiter == "tab"
    assert summary.count("tasks").added == 5
    assert summary.duplicates == 1  # the suite's second task row
    rows = tasks(services)
    assert [r["status"] for r in rows] == ["approved", "pending", "rejected", "returned", "expired"]
    assert rows[0] == rows[0] | {
        "reward": "0.05",
        "currency": "USD",
        "started_at": "2026-03-01T10:00:00Z",
        "submitted_at": "2026-03-01T10:05:00Z",
        "decided_at": "2026-03-02T09:00:00Z",
    }
    assert rows[2]["decided_at"] == "2026-03-04T08:00:00Z"
    assert services.platforms.list()[0].name == "Toloka"
    again = importer.run(path)
    assert again.count("tasks").added == 0


def test_options_that_do_not_apply_are_refused(importer: ImportService, tmp_path: Path) -> None:
    path = write(tmp_path, "t.tsv", TOLOKA)
    with pytest.raises(InvalidInput, match="--map only applies"):
        importer.run(path, ImportOptions(mapping={"reward": "x"}))
    with pytest.raises(InvalidInput, match="--reward only applies"):
        importer.run(path, ImportOptions(reward="1"))
    with pytest.raises(InvalidInput, match="is not an import format"):
        importer.run(path, ImportOptions(format="excel"))
