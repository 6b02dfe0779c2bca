"""Prolific submissions export ("Download summary": Submission id, Participant id, Status…).

It has no reward column: give the study's reward with --reward (a "Reward"
column is used when there is one). Times are ISO 8601 UTC; "Time taken" is
in seconds. APPROVED, AWAITING REVIEW, REJECTED, RETURNED, TIMED-OUT,
SCREENED OUT and PARTIALLY APPROVED map to our statuses; the completion
code goes in the note.
"""

from __future__ import annotations

import re

from app.domain.errors import InvalidInput
from app.domain.statuses import TaskStatus
from app.services.imports.csvbase import (
    Converter,
    CsvFormat,
    cell,
    column_index,
    require,
    split_reward,
)
from app.services.imports.job import Job
from app.services.imports.platform_csv import RowErrors, file_platform, present
from app.services.imports.reading import header_key
from app.services.imports.tasks import Candidate, candidate, order_problem
from app.services.imports.values import FieldError

NAMES = ("Prolific", "Prolific Academic")
CURRENCY = "GBP"
STATUSES = {
    "approved": TaskStatus.APPROVED.value,
    "awaiting_review": TaskStatus.PENDING.value,
    "rejected": TaskStatus.REJECTED.value,
    "returned": TaskStatus.RETURNED.value,
    "timed_out": TaskStatus.EXPIRED.value,
    "screened_out": TaskStatus.SCREENED_OUT.value,
    "partially_approved": TaskStatus.PARTIALLY_APPROVED.value,
    "active": TaskStatus.IN_PROGRESS.value,
    "reserved": TaskStatus.IN_PROGRESS.value,
}
STATUS_CHOICES = (
    "APPROVED, AWAITING REVIEW, REJECTED, RETURNED, TIMED-OUT, SCREENED OUT, "
    "PARTIALLY APPROVED, ACTIVE"
)
COLUMNS = {
    "submission": ("Submission id",),
    "status": ("Status",),
    "started": ("Started at",),
    "completed": ("Completed at",),
    "reviewed": ("Reviewed at",),
    "taken": ("Time taken",),
    "code": ("Completion code",),
    "reward": ("Reward",),
    "bonus": ("Bonus", "Bonus payment"),
    "study": ("Study name", "Study"),
}
_STUDY_FILE = re.compile(r"prolific_export_([0-9a-f]{6,})", re.IGNORECASE)


class ProlificFormat(CsvFormat):
    name = "prolific"
    times_in_utc = True

    def converter(self, job: Job, header: list[str]) -> Converter:
        tr = job.tr
        index = column_index(header, COLUMNS)
        require(job, header, index, {"submission": "Submission id", "status": "Status"})
        get = index.get
        if "reward" not in index and not job.options.reward:
            raise InvalidInput(
                tr.gettext(
                    "Prolific exports do not say what a study paid: give its reward with "
                    "--reward AMOUNT (like --reward 1.50)."
                )
            )
        default_reward, reward_currency = (
            split_reward(job.options.reward, job) if job.options.reward else ("", None)
        )
        platform = file_platform(job, NAMES, reward_currency or CURRENCY)
        currency = reward_currency or platform.currency
        values = job.values
        study = _STUDY_FILE.search(job.summary.path)
        study_title = tr.gettext("Prolific study {id}").format(id=study.group(1)) if study else None
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

        def money(cells: list[str], key: str, errors: RowErrors) -> int | None:
            raw = present(cell(cells, get(key)))
            if not raw:
                return None
            try:
                return values.amount(raw, currency, names[key])
            except FieldError as error:
                errors.add(names[key], error)
                return None

        def convert(line: int, cells: list[str]) -> Candidate | None:
            errors = RowErrors()
            submission = cell(cells, index["submission"])
            if not submission:
                errors.add(names["submission"], tr.gettext("the submission id is missing."))
            raw_status = cell(cells, index["status"])
            status = STATUSES.get(header_key(raw_status))
            if status is None:
                errors.add(
                    names["status"],
                    tr.gettext("{what} {value!r} is not one of: {choices}.").format(
                        what=tr.gettext("Status"), value=raw_status, choices=STATUS_CHOICES
                    ),
                )
            reward = money(cells, "reward", errors)
            if reward is None and default_reward:
                try:
                    reward = values.amount(default_reward, currency, "--reward")
                except FieldError as error:
                    errors.add("--reward", error)
            elif reward is None and not errors:
                errors.add(names.get("reward"), tr.gettext("the reward is missing."))
            bonus = money(cells, "bonus", errors)
            started = time(cells, "started", errors)
            submitted = time(cells, "completed", errors)
            decided = time(cells, "reviewed", errors)
            duration = None
            raw_taken = present(cell(cells, get("taken")))
            if raw_taken:
                try:
                    duration = values.seconds(raw_taken, names["taken"])
                except FieldError as error:
                    errors.add(names["taken"], error)
            title = study_title
            raw_study = present(cell(cells, get("study")))
            if raw_study:
                try:
                    title = values.text(raw_study, "title", names["study"])
                except FieldError as error:
                    errors.add(names["study"], error)
            if not errors:
                problem = order_problem(started, submitted, decided, tr)
                if problem is not None:
                    errors.add(None, problem)
            if errors or status is None or reward is None:
                job.row_errors(errors.items, line)
                return None
            code = present(cell(cells, get("code")))
            return candidate(
                platform,
                submission,
                title,
                None,
                reward,
                None,
                bonus,
                currency,
                status,
                started,
                submitted,
                decided,
                duration,
                None,
                tr.gettext("completion code {code}").format(code=code) if code else None,
            )

        return convert
