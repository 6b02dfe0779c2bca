"""MTurk "Batch results" CSV (a requester's download; a worker gets it from them or by GDPR).

External id = AssignmentId; Reward like `$0.50`; times like
`Thu Mar 05 09:00:00 PST 2026`; Submitted → pending, Approved → approved,
Rejected → rejected; RequesterFeedback is the rejection reason (a note
otherwise); WorkTimeInSeconds the duration. Input.* and Answer.* columns
are left out.
"""

from __future__ import annotations

from app.domain.statuses import TaskStatus
from app.services.imports.csvbase import Converter, CsvFormat, cell, column_index, require
from app.services.imports.job import Job
from app.services.imports.platform_csv import RowErrors, file_platform, present
from app.services.imports.tasks import Candidate, candidate, order_problem
from app.services.imports.values import FieldError

NAMES = ("MTurk", "Amazon Mechanical Turk", "Mechanical Turk", "Amazon MTurk")
CURRENCY = "USD"
STATUSES = {
    "submitted": TaskStatus.PENDING.value,
    "approved": TaskStatus.APPROVED.value,
    "rejected": TaskStatus.REJECTED.value,
}
COLUMNS = {
    "assignment": ("AssignmentId",),
    "status": ("AssignmentStatus",),
    "reward": ("Reward",),
    "hit": ("HITId",),
    "title": ("Title",),
    "worker": ("WorkerId",),
    "accepted": ("AcceptTime",),
    "submitted": ("SubmitTime",),
    "approved": ("ApprovalTime",),
    "rejected": ("RejectionTime",),
    "feedback": ("RequesterFeedback",),
    "work_time": ("WorkTimeInSeconds",),
}


class MturkBatchFormat(CsvFormat):
    name = "mturk-batch"
    times_in_utc = True

    def converter(self, job: Job, header: list[str]) -> Converter:
        tr = job.tr
        index = column_index(header, COLUMNS)
        require(
            job,
            header,
            index,
            {"assignment": "AssignmentId", "status": "AssignmentStatus", "reward": "Reward"},
        )
        platform = file_platform(job, NAMES, CURRENCY)
        values = job.values
        workers: set[str] = set()
        warned: list[bool] = []
        get = index.get

        def time(cells: list[str], key: str, errors: RowErrors) -> int | None:
            raw = present(cell(cells, get(key)))
            if not raw:
                return None
            try:
                return values.time(raw, COLUMNS[key][0])
            except FieldError as error:
                errors.add(COLUMNS[key][0], error)
                return None

        def convert(line: int, cells: list[str]) -> Candidate | None:
            errors = RowErrors()
            assignment = cell(cells, index["assignment"])
            if not assignment:
                errors.add("AssignmentId", tr.gettext("the assignment id is missing."))
            raw_status = cell(cells, index["status"])
            status = STATUSES.get(raw_status.casefold())
            if status is None:
                errors.add(
                    "AssignmentStatus",
                    tr.gettext("{what} {value!r} is not one of: {choices}.").format(
                        what=tr.gettext("Status"),
                        value=raw_status,
                        choices="Submitted, Approved, Rejected",
                    ),
                )
            reward = None
            try:
                reward = values.amount(cell(cells, index["reward"]), CURRENCY, "Reward")
            except FieldError as error:
                errors.add("Reward", error)
            started = time(cells, "accepted", errors)
            submitted = time(cells, "submitted", errors)
            approved = time(cells, "approved", errors)
            rejected = time(cells, "rejected", errors)
            decided = rejected if status == TaskStatus.REJECTED.value else approved
            if decided is None and status != TaskStatus.PENDING.value:
                decided = approved or rejected
            duration = None
            raw_time = present(cell(cells, get("work_time")))
            if raw_time:
                try:
                    duration = values.seconds(raw_time, "WorkTimeInSeconds")
                except FieldError as error:
                    errors.add("WorkTimeInSeconds", error)
            feedback = present(cell(cells, get("feedback"))) or None
            hit = cell(cells, get("hit"))
            title = None
            try:
                title = values.text(cell(cells, get("title")), "title", "Title")
            except FieldError as error:
                errors.add("Title", error)
            worker = cell(cells, get("worker"))
            if worker:
                workers.add(worker)
            if not errors:
                problem = order_problem(started, submitted, decided, tr)
                if problem is not None:
                    errors.add(None, problem)
            if errors or status is None or reward is None:
                job.row_errors(errors.items, line)
                return None
            note_parts = [tr.gettext("HIT {id}").format(id=hit)] if hit else []
            reason = None
            if feedback and status == TaskStatus.REJECTED.value:
                reason = feedback
            elif feedback:
                note_parts.append(tr.gettext("requester feedback: {text}").format(text=feedback))
            if len(workers) > 1 and not warned:
                warned.append(True)
                job.summary.notes.append(
                    tr.gettext(
                        "This file holds the work of several workers (WorkerId): all of it "
                        "was imported."
                    )
                )
            return candidate(
                platform,
                assignment,
                title,
                None,
                reward,
                None,
                None,
                CURRENCY,
                status,
                started,
                submitted,
                decided,
                duration,
                reason,
                "; ".join(note_parts) or None,
            )

        return convert
