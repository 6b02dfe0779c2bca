"""The native tasks CSV: what `export` writes, and what any spreadsheet can be mapped to.

Columns (any case, any order; spaces, hyphens and underscores alike):
platform, external_id, title, requester, status, reward, earned, bonus,
currency, started_at, submitted_at, decided_at, duration_minutes, reason,
note. Only status and reward are required, and platform unless --platform
is given (it then fills the rows whose platform cell is empty). `--map
FIELD=COLUMN` names the column holding a field; `--reward` is the reward of
rows that give none. Times without an offset are local; amounts may use a
decimal comma; statuses may be written as platforms do ("Approved",
"AWAITING REVIEW", "paid"…).
"""

from __future__ import annotations

from app.domain.errors import InvalidInput
from app.domain.statuses import TaskStatus
from app.services.imports.csvbase import (
    BatchConverter,
    CsvFormat,
    currency_of,
    require,
    split_reward,
    status_of,
)
from app.services.imports.job import Job
from app.services.imports.reading import header_key, unneutralise
from app.services.imports.tasks import Candidate, PlatformRef, candidate, order_problem
from app.services.imports.values import MAX_TEXT, MINUTE_SECOND, FieldError

FIELDS = (
    "platform",
    "external_id",
    "title",
    "requester",
    "status",
    "reward",
    "earned",
    "bonus",
    "currency",
    "started_at",
    "submitted_at",
    "decided_at",
    "duration_minutes",
    "reason",
    "note",
)
# Columns export writes beside the fields, read back without a word.
KNOWN_EXTRA = frozenset({"id", "origin", "recorded_at", "edited_at", "session"})

STATUSES: dict[str, str] = {status.value: status.value for status in TaskStatus}
STATUSES.update(
    {
        "paid": TaskStatus.APPROVED.value,
        "accepted": TaskStatus.APPROVED.value,
        "submitted": TaskStatus.PENDING.value,
        "awaiting_review": TaskStatus.PENDING.value,
        "active": TaskStatus.IN_PROGRESS.value,
        "assigned": TaskStatus.IN_PROGRESS.value,
        "timed_out": TaskStatus.EXPIRED.value,
        "abandoned": TaskStatus.RETURNED.value,
        "skipped": TaskStatus.RETURNED.value,
    }
)
STATUS_CHOICES = ", ".join(status.value for status in TaskStatus)


def field_columns(job: Job, header: list[str]) -> dict[str, int]:
    """Field → position: --map first, then the header's own names."""
    tr = job.tr
    keys = [header_key(h) for h in header]
    index: dict[str, int] = {}
    for field_name, column in job.options.mapping.items():
        field_key = header_key(field_name)
        if field_key not in FIELDS:
            raise InvalidInput(
                tr.gettext(
                    "--map {field}=…: {field!r} is not a field; the fields are: {fields}."
                ).format(field=field_name, fields=", ".join(FIELDS))
            )
        column_key = header_key(column)
        if column_key not in keys:
            raise InvalidInput(
                tr.gettext(
                    "--map {field}={column}: {file} has no column {column!r}; its columns are: "
                    "{columns}."
                ).format(
                    field=field_name,
                    column=column,
                    file=job.summary.path,
                    columns=", ".join(h for h in header if h.strip()) or "-",
                )
            )
        index[field_key] = keys.index(column_key)
    taken = set(index.values())
    for position, key in enumerate(keys):
        if key not in FIELDS or key in index or position in taken:
            continue
        index[key] = position
        taken.add(position)
    mapped = {header_key(f) for f in job.options.mapping}
    for position, key in enumerate(keys):
        if key in FIELDS and position not in taken and key not in mapped:
            raise InvalidInput(
                tr.gettext("{file} has two {column} columns: keep one, or use --map.").format(
                    file=job.summary.path, column=key
                )
            )
    ignored = [
        header[p].strip()
        for p, key in enumerate(keys)
        if p not in taken and key and key not in KNOWN_EXTRA
    ]
    if ignored:
        job.summary.notes.append(
            tr.gettext("Columns left out (not task fields): {columns}.").format(
                columns=", ".join(ignored)
            )
        )
    return index


class NativeFormat(CsvFormat):
    name = "native"
    times_in_utc = False

    def batch_converter(self, job: Job, header: list[str]) -> BatchConverter:
        tr = job.tr
        options = job.options
        index = field_columns(job, header)
        needed = {"status": "status"}
        if not options.reward:
            needed["reward"] = "reward"
        if not options.platform:
            needed["platform"] = "platform"
        require(
            job,
            header,
            index,
            needed,
            tr.gettext(
                "Name them with --map FIELD=COLUMN, or give the file's format with --format "
                "(mturk-batch, prolific, toloka…)."
            ),
        )
        names: dict[str, str | None] = {f: header[p].strip() for f, p in index.items()}
        names.setdefault("reward", "--reward")
        default_reward, reward_currency = (
            split_reward(options.reward, job) if options.reward else ("", None)
        )
        default_platform = options.platform or ""
        values = job.values
        what = {
            "reward": tr.gettext("reward"),
            "earned": tr.gettext("earned amount"),
            "bonus": tr.gettext("bonus"),
            "started_at": tr.gettext("start time"),
            "submitted_at": tr.gettext("submission time"),
            "decided_at": tr.gettext("decision time"),
            "duration_minutes": tr.gettext("duration in minutes"),
            "status": tr.gettext("status"),
            "external_id": tr.gettext("external id"),
            "title": tr.gettext("title"),
            "requester": tr.gettext("requester"),
            "reason": tr.gettext("reason"),
            "note": tr.gettext("note"),
        }
        get = index.get
        i_platform, i_currency, i_status = get("platform"), get("currency"), index["status"]
        i_reward = get("reward")
        amount_fields = [
            (slot, f, p) for slot, f in enumerate(("earned", "bonus")) if (p := get(f)) is not None
        ]
        time_fields = [
            (slot, f, p)
            for slot, f in enumerate(("started_at", "submitted_at", "decided_at"))
            if (p := get(f)) is not None
        ]
        text_fields = [
            (slot, f, p, MAX_TEXT.get(f, 0))
            for slot, f in enumerate(("external_id", "title", "requester", "reason", "note"))
            if (p := get(f)) is not None
        ]
        i_duration = get("duration_minutes")
        statuses: dict[str, str] = {}
        currencies: dict[str, str] = {}
        platforms: dict[str, PlatformRef] = {}
        time_of, amount, amounts_in = values.time, values.amount, values.amounts_in
        minutes = values.minutes

        def slow_platform(name: str, currency: str | None) -> PlatformRef:
            clean = unneutralise(name.strip()) if name.strip()[:1] == "'" else name.strip()
            found = job.platforms.get(clean or default_platform, currency or reward_currency)
            platforms[name] = found
            return found

        def slow(line: int, cells: list[str]) -> Candidate | None:
            """Every check, every error message: rows the fast path does not vouch for."""
            errors: list[tuple[str | None, str]] = []
            currency: str | None = None
            if i_currency is not None:
                raw = cells[i_currency]
                if raw:
                    currency = currencies.get(raw)
                    if currency is None and raw.strip():
                        try:
                            currency = currencies[raw] = currency_of(raw.strip(), job)
                        except FieldError as error:
                            errors.append((names["currency"], error.message))
            raw = cells[i_platform] if i_platform is not None else ""
            platform = platforms.get(raw)
            if platform is None:
                try:
                    platform = slow_platform(raw, currency)
                except FieldError as error:
                    errors.append((names.get("platform", "--platform"), error.message))
            if currency is None:
                currency = reward_currency or (platform.currency if platform else "USD")
            cache = amounts_in(currency)

            raw = cells[i_status]
            status = statuses.get(raw)
            if status is None:
                try:
                    if not raw.strip():
                        raise FieldError(tr.gettext("the status is missing."))
                    status = statuses[raw] = status_of(
                        raw.strip(), STATUSES, what["status"], job, STATUS_CHOICES
                    )
                except FieldError as error:
                    errors.append((names["status"], error.message))

            raw = cells[i_reward] if i_reward is not None else ""
            reward = cache.get(raw)
            if reward is None:
                try:
                    if raw.strip():
                        reward = amount(raw.strip(), currency, what["reward"])
                    elif default_reward:
                        reward = defaults[currency] = amount(
                            default_reward, currency, what["reward"]
                        )
                    else:
                        raise FieldError(tr.gettext("the reward is missing."))
                except FieldError as error:
                    errors.append((names["reward"], error.message))

            extra: list[int | None] = [None, None]
            for slot, field_name, position in amount_fields:
                raw = cells[position]
                if not raw:
                    continue
                value = cache.get(raw)
                if value is None:
                    if not raw.strip():
                        continue
                    try:
                        value = amount(raw.strip(), currency, what[field_name])
                    except FieldError as error:
                        errors.append((names[field_name], error.message))
                        continue
                extra[slot] = value
            times: list[int | None] = [None, None, None]
            for slot, field_name, position in time_fields:
                raw = cells[position]
                if not raw or raw.isspace():
                    continue
                try:
                    times[slot] = time_of(raw, what[field_name])
                except FieldError as error:
                    errors.append((names[field_name], error.message))
            texts: list[str | None] = [None, None, None, None, None]
            for slot, field_name, position, limit in text_fields:
                raw = cells[position]
                if not raw:
                    continue
                kept = unneutralise(raw) if raw[0] == "'" else raw
                # A cell export protected with an apostrophe is taken exactly as it was;
                # anything else loses the spaces spreadsheets leave around values.
                raw = kept if kept is not raw else raw.strip()
                if not raw:
                    continue
                if limit and len(raw) > limit:
                    errors.append(
                        (
                            names[field_name],
                            tr.gettext("{what} is longer than {limit} characters.").format(
                                what=what[field_name].capitalize(), limit=limit
                            ),
                        )
                    )
                    continue
                texts[slot] = raw
            duration = None
            if i_duration is not None:
                raw = cells[i_duration].strip()
                if raw:
                    try:
                        duration = values.minutes(raw, what["duration_minutes"])
                    except FieldError as error:
                        errors.append((names["duration_minutes"], error.message))
            started, submitted, decided = times
            if not errors and (decided is not None or (started is not None and submitted)):
                problem = order_problem(started, submitted, decided, tr)
                if problem is not None:
                    errors.append((None, problem))
            if errors or platform is None or status is None or reward is None:
                job.row_errors(errors, line)
                return None
            return candidate(
                platform,
                texts[0],
                texts[1],
                texts[2],
                reward,
                extra[0],
                extra[1],
                currency,
                status,
                started,
                submitted,
                decided,
                duration,
                texts[3],
                texts[4],
            )

        # The fast path: clean rows whose every value is already known (cached), looked up
        # without a single check that could fail. Anything else goes to slow(). It runs once
        # per row of a million-row file, so each column is spelled out in the loop (the three
        # times alike) rather than through a helper called per cell.
        end = len(header)  # a missing column reads the empty cell appended at the end
        p_platform, p_currency, p_reward = (
            end if i is None else i for i in (i_platform, i_currency, i_reward)
        )
        p_earned, p_bonus, p_started, p_submitted, p_decided, p_duration = (
            end if i is None else i
            for i in (
                get("earned"),
                get("bonus"),
                get("started_at"),
                get("submitted_at"),
                get("decided_at"),
                i_duration,
            )
        )
        p_external, p_title, p_requester, p_reason, p_note = (
            end if i is None else i
            for i in (
                get("external_id"),
                get("title"),
                get("requester"),
                get("reason"),
                get("note"),
            )
        )
        defaults: dict[str, int] = {}
        caches = values.amount_caches
        hours, minute_second, durations = values.hours, MINUTE_SECOND, values.minute_cache
        latest = values.latest

        def convert_batch(
            chunk: list[tuple[int, list[str]]],
        ) -> list[tuple[int, Candidate]]:
            found: list[tuple[int, Candidate]] = []
            keep = found.append
            for line, cells in chunk:
                cells.append("")
                platform = platforms.get(cells[p_platform])
                raw = cells[p_currency]
                currency = (
                    currencies.get(raw)
                    if raw
                    else reward_currency or (platform.currency if platform is not None else None)
                )
                cache = caches.get(currency) if currency is not None else None
                status = statuses.get(cells[i_status])
                if platform is None or currency is None or cache is None or status is None:
                    cells.pop()
                    if (c := slow(line, cells)) is not None:
                        keep((line, c))
                    continue
                try:
                    raw = cells[p_reward]
                    reward = cache.get(raw) if raw else defaults.get(currency)
                    if reward is None:
                        reward = amount(raw, currency, what["reward"])
                    raw = cells[p_earned]
                    earned = (
                        (cache.get(raw) or amount(raw, currency, what["earned"])) if raw else None
                    )
                    raw = cells[p_bonus]
                    bonus = cache.get(raw)
                    if bonus is None and raw:
                        bonus = amount(raw, currency, what["bonus"])
                    raw = cells[p_started]
                    started = None
                    if raw:
                        hour, rest = hours.get(raw[:13]), minute_second.get(raw[13:])
                        started = (
                            hour + rest
                            if hour is not None and rest is not None
                            else time_of(raw, what["started_at"])
                        )
                    raw = cells[p_submitted]
                    submitted = None
                    if raw:
                        hour, rest = hours.get(raw[:13]), minute_second.get(raw[13:])
                        submitted = (
                            hour + rest
                            if hour is not None and rest is not None
                            else time_of(raw, what["submitted_at"])
                        )
                    raw = cells[p_decided]
                    decided = None
                    if raw:
                        hour, rest = hours.get(raw[:13]), minute_second.get(raw[13:])
                        decided = (
                            hour + rest
                            if hour is not None and rest is not None
                            else time_of(raw, what["decided_at"])
                        )
                    raw = cells[p_duration]
                    duration = (
                        durations.get(raw) or minutes(raw, what["duration_minutes"])
                        if raw
                        else None
                    )
                except FieldError:
                    cells.pop()
                    if (c := slow(line, cells)) is not None:
                        keep((line, c))
                    continue
                external_id = cells[p_external] or None
                title = cells[p_title] or None
                requester = cells[p_requester] or None
                reason = cells[p_reason] or None
                note = cells[p_note] or None
                if (
                    (started is not None and (started > latest or (submitted or started) < started))
                    or (submitted is not None and submitted > latest)
                    or (decided is not None and (decided > latest or decided < (submitted or started
                                                                                  or decided)))
                    # Text the fast path takes as it is: nothing to trim (strip() gives back
                    # the same object), no leading apostrophe to undo, not too long.
                    or (external_id is not None and (external_id.strip() is not external_id
                                                  or external_id[0] == "'"
                                                  or len(external_id) > 200))
                    or (title is not None and (title.strip() is not title or title[0] == "'"
                                               or len(title) > 500))
                    or (requester is not None and (requester.strip() is not requester
                                                   or requester[0] == "'" or len(requester) > 200))
                    or (reason is not None and (reason.strip() is not reason or reason[0] == "'"))
                    or (note is not None and (note.strip() is not note or note[0] == "'"))
                ):  # fmt: skip
                    cells.pop()
                    if (c := slow(line, cells)) is not None:
                        keep((line, c))
                    continue
                keep(
                    (
                        line,
                        (
                            platform,
                            external_id,
                            title,
                            requester,
                            reward,
                            earned,
                            bonus,
                            currency,
                            status,
                            started,
                            submitted,
                            decided,
                            duration,
                            reason,
                            note,
                            None,
                            True,
                        ),
                    )
                )
            return found

        return convert_batch
