"""The JSON of MTurk's daily status page (worker.mturk.com/status_details/YYYY-MM-DD?format=json).

`results[]` holds assignment_id, hit_id, requester_id, requester_name,
title, state and reward.amount_in_dollars. The page lists one day's work
but gives no times: the day comes from the file name (…2026-03-05…) or
--date, and each task is dated at noon that day, local time. Such
estimated times never replace times recorded from another file. Paid and
Approved → approved, Pending and Submitted → pending, Rejected → rejected,
Returned and Abandoned → returned.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.statuses import TaskStatus
from app.services.imports.job import Job
from app.services.imports.platform_csv import RowErrors, file_platform
from app.services.imports.reading import FileFacts, TextSource, header_key
from app.services.imports.tasks import candidate
from app.services.imports.values import FieldError, has_surrogates

NAMES = ("MTurk", "Amazon Mechanical Turk", "Mechanical Turk", "Amazon MTurk")
CURRENCY = "USD"
STATUSES = {
    "paid": TaskStatus.APPROVED.value,
    "approved": TaskStatus.APPROVED.value,
    "pending": TaskStatus.PENDING.value,
    "pending_approval": TaskStatus.PENDING.value,
    "submitted": TaskStatus.PENDING.value,
    "rejected": TaskStatus.REJECTED.value,
    "returned": TaskStatus.RETURNED.value,
    "abandoned": TaskStatus.RETURNED.value,
    "assigned": TaskStatus.IN_PROGRESS.value,
    "accepted": TaskStatus.IN_PROGRESS.value,
}
_DAY_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


def load_json(job: Job, facts: FileFacts) -> Any:
    """The file's JSON (numbers with decimals as Decimal, never float)."""
    tr = job.tr
    with TextSource(facts) as source:
        try:
            text = source.text.read()
        except UnicodeDecodeError:
            raise InvalidInput(
                tr.gettext("{file} is not {encoding} text.").format(
                    file=facts.path.name, encoding=facts.label
                )
            ) from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            tr.gettext("{file}, line {line}: the file is not valid JSON ({reason}).").format(
                file=facts.path.name, line=error.lineno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise InvalidInput(
            tr.gettext("{file} nests its JSON too deeply to be read.").format(file=facts.path.name)
        ) from None


class MturkStatusFormat:
    name = "mturk-status"
    times_in_utc = True

    def read(self, job: Job, facts: FileFacts) -> None:
        tr = job.tr
        data = load_json(job, facts)
        results = _results(data)
        if results is None:
            raise InvalidInput(
                tr.gettext('{file} is not an MTurk status page: it has no "results" list.').format(
                    file=facts.path.name
                )
            )
        day = job.options.day or _day_from_name(facts.path.name)
        if day is None:
            raise InvalidInput(
                tr.gettext(
                    "{file} does not say which day it lists: give it with --date YYYY-MM-DD "
                    "(or keep the date in the file name)."
                ).format(file=facts.path.name)
            )
        noon = datetime.combine(day, time(12), tzinfo=job.ctx.zone)
        dated = min(int(noon.timestamp()), job.now)
        platform = file_platform(job, NAMES, CURRENCY)
        values = job.values
        for position, result in enumerate(results):
            record = f"results[{position}]"
            errors = RowErrors()
            if not isinstance(result, dict):
                job.row_errors([(None, tr.gettext("this is not a task."))], None, record)
                continue
            assignment = _text(result.get("assignment_id"))
            if not assignment:
                errors.add("assignment_id", tr.gettext("the assignment id is missing."))
            state = _text(result.get("state"))
            status = STATUSES.get(header_key(state))
            if status is None:
                errors.add(
                    "state",
                    tr.gettext("{what} {value!r} is not one of: {choices}.").format(
                        what=tr.gettext("State"),
                        value=state,
                        choices="Paid, Approved, Pending, Rejected, Returned",
                    ),
                )
            reward = None
            raw_reward = result.get("reward")
            if isinstance(raw_reward, dict):
                raw_reward = raw_reward.get("amount_in_dollars")
            try:
                if isinstance(raw_reward, Decimal | int) and not isinstance(raw_reward, bool):
                    reward = values.decimal_amount(Decimal(raw_reward), CURRENCY, "reward")
                elif isinstance(raw_reward, str) and raw_reward.strip():
                    reward = values.amount(raw_reward.strip(), CURRENCY, "reward")
                else:
                    errors.add("reward", tr.gettext("the reward is missing."))
            except FieldError as error:
                errors.add("reward", error)
            texts: dict[str, str | None] = {}
            for key, limit_field in (
                ("title", "title"),
                ("requester_name", "requester"),
                ("requester_id", "requester"),
                ("hit_id", "external_id"),
                ("requester_feedback", "note"),
            ):
                try:
                    texts[key] = values.text(_text(result.get(key)), limit_field, key)
                except FieldError as error:
                    errors.add(key, error)
                    texts[key] = None
            if any(has_surrogates(v) for v in (assignment, *texts.values()) if v):
                errors.add(None, tr.gettext("the text holds characters that cannot be stored."))
            if errors or status is None or reward is None:
                job.row_errors(errors.items, None, record)
                continue
            note = "; ".join(
                part
                for part in (
                    tr.gettext("HIT {id}").format(id=texts["hit_id"]) if texts["hit_id"] else "",
                    tr.gettext("requester {id}").format(id=texts["requester_id"])
                    if texts["requester_id"]
                    else "",
                )
                if part
            )
            rejected = status == TaskStatus.REJECTED.value
            feedback = texts["requester_feedback"]
            job.tasks.add(
                None,
                record,
                candidate(
                    platform,
                    assignment,
                    texts["title"],
                    texts["requester_name"],
                    reward,
                    None,
                    None,
                    CURRENCY,
                    status,
                    None,
                    dated,
                    None,
                    None,
                    feedback if rejected else None,
                    note or None,
                    exact_times=False,
                ),
            )
            if position % 512 == 0:
                job.tick(position, len(results))
        job.summary.rows = len(results)
        job.tick(len(results), len(results))


def _results(data: Any) -> list[Any] | None:
    """The results of one page, or of a list of pages saved together."""
    if isinstance(data, dict):
        found = data.get("results")
        return found if isinstance(found, list) else None
    if isinstance(data, list):
        merged: list[Any] = []
        for item in data:
            if isinstance(item, dict) and isinstance(item.get("results"), list):
                merged.extend(item["results"])
            else:
                merged.append(item)
        return merged
    return None


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list | bool):
        return ""
    return str(value).strip()


def _day_from_name(name: str) -> date | None:
    for found in _DAY_IN_NAME.findall(name):
        try:
            return date.fromisoformat(found)
        except ValueError:
            continue
    return None
