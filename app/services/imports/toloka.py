"""Toloka assignments TSV (the pool's "Download results": ASSIGNMENT:assignment_id, …).

One row per task, so an assignment (a task suite) repeats on several rows
with the same values: it is imported once. Times are UTC; SUBMITTED →
pending, ACCEPTED/APPROVED → approved, REJECTED → rejected, SKIPPED →
returned, EXPIRED → expired, ACTIVE → in progress.
"""

from __future__ import annotations

from app.domain.statuses import TaskStatus
from app.services.imports.csvbase import Converter, CsvFormat, cell, column_index, require
from app.services.imports.job import Job
from app.services.imports.platform_csv import RowErrors, file_platform, present
from app.services.imports.tasks import Candidate, candidate, order_problem
from app.services.imports.values import FieldError

NAMES = ("Toloka", "Toloka AI", "Yandex Toloka")
CURRENCY = "USD"
STATUSES = {
    "submitted": TaskStatus.PENDING.value,
    "accepted": TaskStatus.APPROVED.value,
    "approved": TaskStatus.APPROVED.value,
    "rejected": TaskStatus.REJECTED.value,
    "skipped": TaskStatus.RETURNED.value,
    "expired": TaskStatus.EXPIRED.value,
    "active": TaskStatus.IN_PROGRESS.value,
}
STATUS_CHOICES = "SUBMITTED, ACCEPTED, APPROVED, REJECTED, SKIPPED, EXPIRED, ACTIVE"
COLUMNS = {
    "assignment": ("ASSIGNMENT:assignment_id",),
    "status": ("ASSIGNMENT:status",),
    "started": ("ASSIGNMENT:started",),
    "submitted": ("ASSIGNMENT:submitted",),
    "accepted": ("ASSIGNMENT:accepted",),
    "rejected": ("ASSIGNMENT:rejected",),
    "reward": ("ASSIGNMENT:reward",),
    "comment": (
        "ASSIGNMENT:public_comment",
        "ASSIGNMENT:rejection_comment",
        "ASSIGNMENT:comment",
    ),
}


class TolokaFormat(CsvFormat):
    name = "toloka"
    times_in_utc = True

    def converter(self, job: Job, header: list[str]) -> Converter:
        tr = job.tr
        index = column_index(header, COLUMNS)
        require(
            job,
            header,
            index,
            {
                "assignment": "ASSIGNMENT:assignment_id",
                "status": "ASSIGNMENT:status",
                "reward": "ASSIGNMENT:reward",
            },
        )
        platform = file_platform(job, NAMES, CURRENCY)
        values = job.values
        get = index.get
        names = {key: header[position].strip() for key, position in index.items()}

        def time(cells: list[str], key: str, errors: RowErrors) -> int | None:
            raw = present(cell(cells, get(key)))
            if not raw:
                return None
            try:
                return values.time(raw, names[key])
            except FieldError as error:
                errors.add(names[key], error)
                return None

        def convert(line: int, cells: list[str]) -> Candidate | None:
            errors = RowErrors()
            assignment = cell(cells, index["assignment"])
            if not assignment:
                errors.add(names["assignment"], tr.gettext("the assignment id is missing."))
            raw_status = cell(cells, index["status"])
            status = STATUSES.get(raw_status.casefold())
            if status is None:
                errors.add(
                    names["status"],
                    tr.gettext("{what} {value!r} is not one of: {choices}.").format(
                        what=tr.gettext("Status"), value=raw_status, choices=STATUS_CHOICES
                    ),
                )
            reward = None
            try:
                reward = values.amount(cell(cells, index["reward"]), CURRENCY, names["reward"])
            except FieldError as error:
                errors.add(names["reward"], error)
            started = time(cells, "started", errors)
            submitted = time(cells, "submitted", errors)
            accepted = time(cells, "accepted", errors)
            rejected = time(cells, "rejected", errors)
            decided = rejected if status == TaskStatus.REJECTED.value else accepted
            comment = present(cell(cells, get("comment"))) or None
            if not errors:
                problem = order_problem(started, submitted, decided, tr)
                if problem is not None:
                    errors.add(None, problem)
            if errors or status is None or reward is None:
                job.row_errors(errors.items, line)
                return None
            rejected_status = status == TaskStatus.REJECTED.value
            return candidate(
                platform,
                assignment,
                None,
                None,
                reward,
                None,
                None,
                CURRENCY,
                status,
                started,
                submitted,
                decided,
                None,
                comment if rejected_status else None,
                None if rejected_status else comment,
            )

        return convert
