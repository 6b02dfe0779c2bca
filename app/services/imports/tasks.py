"""Where imported tasks go: matched against the ledger, then inserted in bulk or updated.

Matching is on (platform, external id): a task already recorded with the
same values is skipped; one whose status, amounts or times changed is
updated through the ORM, so each change gets its own audit entry (origin
`import:<format>`). A task never goes back from a decided status to
pending (an older file imported after a newer one). Tasks without an
external id are matched on their whole content, as a multiset: a file
listing the same task twice adds it twice, and importing it again adds
nothing.

New tasks are written like TaskService.bulk_insert does (same derived
columns, same row hash, one audit entry holding the Merkle root of the
rows), but inside the import's own transaction, so that platforms created,
tasks updated and tasks added commit together or not at all. Rows go in
by multi-row INSERTs of a few thousand rows, which a helper thread runs on
the transaction's own connection (app.storage.database.BulkInserter) while
the next rows are read and checked; the three columns every row shares are
written as literals. The row hashes and the Merkle root are computed a batch
at a time (task_hashes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any, Final, NamedTuple

from sqlalchemy import BigInteger, Table, select, type_coerce
from sqlalchemy.orm import Session

from app.domain.statuses import TaskStatus
from app.domain.wage import task_span
from app.i18n import Translator
from app.services.imports.results import ImportSummary, Issue
from app.services.imports.task_hashes import (
    INSERT_COLUMNS,
    FastMerkle,
    check_columns,
    digests,
)
from app.services.tasks import derive
from app.storage.audit import append_bulk_entry
from app.storage.database import NULL, BulkInserter
from app.storage.ids import next_free_id
from app.storage.models import Task
from app.storage.types import from_epoch

CONSTANT_COLUMNS: Final = ("origin", "recorded_at", "edited_at")  # the same in every row
BOUND_COLUMNS: Final = len(INSERT_COLUMNS) - len(CONSTANT_COLUMNS)
HASH_SLOT: Final = BOUND_COLUMNS - 1  # row_hash, the last bound value of a row
NULLABLE: Final = frozenset(
    {
        "external_id", "title", "requester", "earned", "started_at", "submitted_at",
        "decided_at", "duration_s", "reason", "note", "session_id", "span_start", "span_end",
        "span_seconds",
    }
)  # fmt: skip
ROWS_PER_STATEMENT = 2048
_MASK = 0xFFFFFFFFFFFFFFFF
UPDATE_CHUNK = 500

# How far along a task is: an import never moves a task back (decided → pending).
_STAGE = {
    TaskStatus.IN_PROGRESS.value: 0,
    TaskStatus.PENDING.value: 1,
}


class PlatformRef(NamedTuple):
    id: int  # negative for a platform a dry run would create
    name: str
    currency: str
    created: bool


# One task as read from a file, every value already in its stored form. A plain tuple (it is
# made a million times): build it with candidate(), read it by unpacking.
Candidate = tuple[
    PlatformRef,  # platform
    str | None,  # external_id
    str | None,  # title
    str | None,  # requester
    int,  # reward
    int | None,  # earned
    int | None,  # bonus (None: the file does not say)
    str,  # currency
    str,  # status
    int | None,  # started_at
    int | None,  # submitted_at
    int | None,  # decided_at
    int | None,  # duration_s
    str | None,  # reason
    str | None,  # note
    int | None,  # session_id
    bool,  # exact_times (False: estimates that never replace recorded times)
]


def candidate(
    platform: PlatformRef,
    external_id: str | None,
    title: str | None,
    requester: str | None,
    reward: int,
    earned: int | None,
    bonus: int | None,
    currency: str,
    status: str,
    started_at: int | None,
    submitted_at: int | None,
    decided_at: int | None,
    duration_s: int | None,
    reason: str | None,
    note: str | None,
    session_id: int | None = None,
    exact_times: bool = True,
) -> Candidate:
    return (
        platform,
        external_id,
        title,
        requester,
        reward,
        earned,
        bonus,
        currency,
        status,
        started_at,
        submitted_at,
        decided_at,
        duration_s,
        reason,
        note,
        session_id,
        exact_times,
    )


class _Existing(NamedTuple):
    id: int
    currency: str
    status: str
    reward: int
    earned: int | None
    bonus: int
    started_at: int | None
    submitted_at: int | None
    decided_at: int | None
    duration_s: int | None
    reason: str | None


# -- the sink ---------------------------------------------------------------------------------


@dataclass
class _Update:
    task_id: int
    changes: dict[str, Any]
    line: int | None
    record: str | None


class TaskSink:
    """Takes candidates one by one; `finish()` writes what is left and the audit entry.

    With `write` False (a dry run, on a read session) it only matches and counts.
    """

    def __init__(
        self,
        session: Session,
        *,
        origin: str,
        now: int,
        summary: ImportSummary,
        tr: Translator,
        write: bool,
        details: dict[str, Any],
        failed: Callable[[], bool],
    ) -> None:
        self._session = session
        self._origin = origin
        self._now = now
        self._summary = summary
        self._tr = tr
        self._write = write
        self._details = details
        self._failed = failed
        self._existing: dict[int, dict[str, _Existing]] = {}
        self._contents: dict[int, Counter[tuple[Any, ...]]] = {}
        self._states: dict[
            int, tuple[dict[str, _Existing], Counter[tuple[Any, ...]], dict[str, int]]
        ] = {}
        self._updates: list[_Update] = []
        self._merkle = FastMerkle()
        # The batch being prepared: each row's bound values (row_hash left None until the
        # batch is hashed) and the canonical text its hash is taken of.
        self._values: list[Any] = []
        self._texts: list[str] = []
        self._inserter: BulkInserter | None = None
        self._first_id = 0
        self._next_id = 0
        self._rows_per_statement = ROWS_PER_STATEMENT
        self._tasks = summary.count("tasks")
        check_columns()
        # The constant parts of every row's canonical text (see TaskHasher).
        self._now_text = str(int(now))
        self._origin_text = encode_basestring(origin)
        if write:
            connection = session.connection()
            table = Task.__table__
            assert isinstance(table, Table)
            self._first_id = self._next_id = next_free_id(connection, table)
            self._inserter = BulkInserter(
                connection,
                table.name,
                INSERT_COLUMNS,
                constants={"origin": origin, "recorded_at": now, "edited_at": now},
                nullable=NULLABLE,
                rows=ROWS_PER_STATEMENT,
            )
            self._rows_per_statement = self._inserter.rows

    # -- used by the reading side -----------------------------------------------------------

    def add(self, line: int | None, record: str | None, c: Candidate) -> int | None:
        """Match or queue one task; returns its id in the journal when known."""
        platform = c[0]
        state = self._states.get(platform.id)
        if state is None:
            state = self._state_of(platform)
        existing, contents, seen = state
        external_id = c[1]
        if external_id is not None:
            fingerprint = hash(c) & _MASK
            earlier = seen.get(external_id)
            if earlier is not None:
                if earlier & _MASK == fingerprint:
                    self._summary.duplicates += 1
                else:
                    self._issue(
                        line,
                        record,
                        self._tr.gettext(
                            "task {id!r} of {platform} is already on line {line} with other values."
                        ).format(id=external_id, platform=platform.name, line=earlier >> 64),
                    )
                return None
            seen[external_id] = ((line or 0) << 64) | fingerprint
            if existing:
                found = existing.get(external_id)
                if found is not None:
                    self._match(line, record, c, found)
                    return found.id
        else:
            key = _content(c)
            if contents.get(key):
                contents[key] -= 1
                self._tasks.unchanged += 1
                return None
        self._tasks.added += 1
        if self._write and not self._summary.issues.total:
            return self._insert_many((c,))
        return None

    def add_many(self, rows: Sequence[tuple[int, Candidate]]) -> None:
        """add() for many rows of a file, in order. The common case, a task with an external
        id met neither earlier in the file nor in the ledger, is queued without a call per row."""
        states = self._states
        fresh: list[Candidate] = []
        keep = fresh.append
        for line, c in rows:
            state = states.get(c[0].id)
            external_id = c[1]
            if (
                state is not None
                and external_id is not None
                and external_id not in state[2]
                and external_id not in state[0]
            ):
                state[2][external_id] = (line << 64) | (hash(c) & _MASK)
                keep(c)
                continue
            if fresh:
                self._add_fresh(fresh)
                fresh = []
                keep = fresh.append
            self.add(line, None, c)
        if fresh:
            self._add_fresh(fresh)

    def _add_fresh(self, candidates: list[Candidate]) -> None:
        self._tasks.added += len(candidates)
        if self._write and not self._summary.issues.total:
            self._insert_many(candidates)

    def _state_of(
        self, platform: PlatformRef
    ) -> tuple[dict[str, _Existing], Counter[tuple[Any, ...]], dict[str, int]]:
        existing = self._existing_of(platform)
        state = self._states[platform.id] = (existing, self._contents[platform.id], {})
        return state

    def _issue(self, line: int | None, record: str | None, message: str) -> None:
        self._summary.issues.add(Issue(message, line=line, record=record))
        self._summary.issues.bad_rows += 1

    # -- matching ---------------------------------------------------------------------------

    def _existing_of(self, platform: PlatformRef) -> dict[str, _Existing]:
        found = self._existing.get(platform.id)
        if found is None:
            found = self._existing[platform.id] = {}
            contents = self._contents[platform.id] = Counter()
            if not platform.created:
                self._load(platform.id, found, contents)
        return found

    def _load(
        self, platform_id: int, by_id: dict[str, _Existing], contents: Counter[tuple[Any, ...]]
    ) -> None:
        t = Task.__table__.c
        times = [
            type_coerce(t[name], BigInteger)
            for name in ("started_at", "submitted_at", "decided_at")
        ]
        query = select(
            t.id,
            t.external_id,
            t.currency,
            t.status,
            t.reward,
            t.earned,
            t.bonus,
            *times,
            t.duration_s,
            t.reason,
            t.title,
            t.requester,
            t.note,
        ).where(t.platform_id == platform_id)
        for row in self._session.execute(query.execution_options(yield_per=5000)):
            (
                task_id, external_id, currency, status, reward, earned, bonus,
                started, submitted, decided, duration, reason, title, requester, note,
            ) = row  # fmt: skip
            if external_id is not None:
                by_id[external_id] = _Existing(
                    task_id, currency, status, reward, earned, bonus,
                    started, submitted, decided, duration, reason,
                )  # fmt: skip
            else:
                contents[
                    (
                        title, requester, reward, earned, bonus, currency, status,
                        started, submitted, decided, duration, reason, note,
                    )
                ] += 1  # fmt: skip

    def _match(self, line: int | None, record: str | None, c: Candidate, e: _Existing) -> None:
        tr = self._tr
        (
            platform, external_id, _title, _requester, reward, earned, bonus, currency, status,
            started_at, submitted_at, decided_at, duration_s, reason, _note, _session, exact,
        ) = c  # fmt: skip
        tasks = self._tasks
        if currency != e.currency:
            self._issue(
                line,
                record,
                tr.gettext(
                    "task {id!r} of {platform} is recorded in {recorded}, but the file says "
                    "{currency}."
                ).format(
                    id=external_id,
                    platform=platform.name,
                    recorded=e.currency,
                    currency=currency,
                ),
            )
            return
        changes: dict[str, Any] = {}
        if _STAGE.get(status, 2) < _STAGE.get(e.status, 2):
            status = e.status  # an older file: the task was decided since
        if status != e.status:
            changes["status"] = status
        if reward != e.reward:
            changes["reward"] = reward
        if earned is not None and earned != e.earned:
            changes["earned"] = earned
        if bonus is not None and bonus != e.bonus:
            changes["bonus"] = bonus
        if reason is not None and reason != e.reason:
            changes["reason"] = reason
        for name, new, old in (
            ("started_at", started_at, e.started_at),
            ("submitted_at", submitted_at, e.submitted_at),
            ("decided_at", decided_at, e.decided_at),
            ("duration_s", duration_s, e.duration_s),
        ):
            if new is not None and new != old and (exact or old is None):
                changes[name] = new
        if not changes:
            tasks.unchanged += 1
            return
        started = changes.get("started_at", e.started_at)
        submitted = changes.get("submitted_at", e.submitted_at)
        decided = changes.get("decided_at", e.decided_at)
        problem = order_problem(started, submitted, decided, tr)
        if problem is not None:
            self._issue(line, record, problem)
            return
        tasks.updated += 1
        self._updates.append(_Update(e.id, changes, line, record))

    # -- writing ----------------------------------------------------------------------------

    def _insert_many(self, candidates: Sequence[Candidate]) -> int:
        """Queue new tasks; returns the id of the first."""
        first = task_id = self._next_id
        texts, values = self._texts, self._values
        per_statement = self._rows_per_statement
        n = "null"
        e = encode_basestring
        now = self._now_text
        origin = self._origin_text
        z = NULL
        for (
            platform, external_id, title, requester, reward, earned, bonus, currency, status,
            started, submitted, decided, duration, reason, note, session_id, _exact,
        ) in candidates:  # fmt: skip
            work_at = submitted or started or decided or self._now
            span = task_span(started, submitted, duration)
            if span is None:
                span_start = span_end = span_seconds = None
            else:
                span_start, span_end = span
                span_seconds = span_end - span_start
            bonus = bonus or 0
            # Exactly TaskHasher's text (the tests hold them equal, and verify() recomputes it
            # with app.storage.hashing.row_hash); hashed a batch at a time in _send().
            # Two f-strings: past 30 parts one is built through a list and str.join (slower).
            head = (
                f'["tasks",{{"bonus":{bonus},"currency":{e(currency)},'
                f'"decided_at":{n if decided is None else decided},'
                f'"duration_s":{n if duration is None else duration},'
                f'"earned":{n if earned is None else earned},"edited_at":{now},'
                f'"external_id":{n if external_id is None else e(external_id)},"id":{task_id},'
                f'"note":{n if note is None else e(note)},"origin":{origin},'
                f'"platform_id":{platform.id},"reason":{n if reason is None else e(reason)},'
            )
            texts.append(
                head
                + f'"recorded_at":{now},"requester":{n if requester is None else e(requester)},'
                f'"reward":{reward},"session_id":{n if session_id is None else session_id},'
                f'"span_end":{n if span_end is None else span_end},'
                f'"span_seconds":{n if span_seconds is None else span_seconds},'
                f'"span_start":{n if span_start is None else span_start},'
                f'"started_at":{n if started is None else started},"status":{e(status)},'
                f'"submitted_at":{n if submitted is None else submitted},'
                f'"title":{n if title is None else e(title)},"work_at":{work_at}}}]'
            )
            # In INSERT_COLUMNS order; NULL stands for None in the nullable columns.
            values.extend(
                (
                    task_id,
                    platform.id,
                    z if external_id is None else external_id,
                    z if title is None else title,
                    z if requester is None else requester,
                    reward,
                    z if earned is None else earned,
                    bonus,
                    currency,
                    status,
                    z if started is None else started,
                    z if submitted is None else submitted,
                    z if decided is None else decided,
                    z if duration is None else duration,
                    z if reason is None else reason,
                    z if note is None else note,
                    z if session_id is None else session_id,
                    work_at,
                    z if span_start is None else span_start,
                    z if span_end is None else span_end,
                    z if span_seconds is None else span_seconds,
                    None,  # row_hash, filled in by _send()
                )
            )
            task_id += 1
            if len(texts) >= per_statement:
                self._next_id = task_id
                self._send()
                texts, values = self._texts, self._values
        self._next_id = task_id
        return first

    def _send(self) -> None:
        texts, values = self._texts, self._values
        if not texts:
            return
        self._texts, self._values = [], []
        hashes = digests(texts)
        values[HASH_SLOT::BOUND_COLUMNS] = hashes
        self._merkle.extend(hashes)
        if self._inserter is not None:
            self._inserter.send(values, len(texts))

    def finish(self) -> None:
        """Write the last batch, the bulk audit entry and the updates (real runs only)."""
        if not self._write:
            return
        try:
            if not self._failed():
                self._send()
                if self._inserter is not None:
                    self._inserter.wait()
        finally:
            self.abandon()
        if self._failed():
            return
        count = self._next_id - self._first_id
        if count:
            append_bulk_entry(
                self._session.connection(),
                at=from_epoch(self._now),
                entity="tasks",
                origin=self._origin,
                first_id=self._first_id,
                last_id=self._next_id - 1,
                count=count,
                merkle=self._merkle.root(),
                details=self._details,
            )
        self._apply_updates()

    def abandon(self) -> None:
        """Stop the writer thread (after an error the transaction is rolled back anyway)."""
        if self._inserter is not None:
            inserter, self._inserter = self._inserter, None
            inserter.close()

    def _apply_updates(self) -> None:
        session = self._session
        for start in range(0, len(self._updates), UPDATE_CHUNK):
            chunk = self._updates[start : start + UPDATE_CHUNK]
            rows = {
                row.id: row
                for row in session.scalars(
                    select(Task).where(Task.id.in_([u.task_id for u in chunk]))
                )
            }
            for update in chunk:
                row = rows[update.task_id]
                for name, value in update.changes.items():
                    if name in ("started_at", "submitted_at", "decided_at"):
                        value = from_epoch(value)
                    setattr(row, name, value)
                derive(row, row.work_at)
            session.flush()

    @property
    def written(self) -> int:
        return self._next_id - self._first_id


def _content(c: Candidate) -> tuple[Any, ...]:
    """What identifies a task without an external id: everything it says."""
    return (*c[2:6], c[6] or 0, *c[7:15])


def order_problem(
    started: int | None, submitted: int | None, decided: int | None, tr: Translator
) -> str | None:
    """A sentence when a task's times are out of order, else None."""
    if started is not None and submitted is not None and submitted < started:
        return tr.gettext("the task was submitted before it was started.")
    first = submitted if submitted is not None else started
    if first is not None and decided is not None and decided < first:
        return tr.gettext("the task was decided before it was submitted.")
    return None
