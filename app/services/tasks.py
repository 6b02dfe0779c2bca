"""Tasks: add, change status (which sets decided_at), list, and write in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.localtime import day_start
from app.domain.money import normalise_currency, parse_amount, parse_decimal
from app.domain.statuses import DECIDED_STATUSES, Origin, TaskStatus
from app.domain.wage import task_span
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.records import TaskInfo
from app.services.timer import running_session
from app.services.validation import choice, local_text, not_in_future
from app.storage.audit import append_bulk_entry
from app.storage.hashing import MerkleBuilder, row_hash
from app.storage.ids import next_free_id
from app.storage.models import Platform, Task
from app.storage.types import epoch_seconds, from_epoch

MAX_DURATION_MINUTES = Decimal(7 * 24 * 60)
BULK_CHUNK = 5000


@dataclass(frozen=True)
class TaskFilter:
    platform: str | None = None
    status: str | None = None
    first_day: date | None = None  # inclusive, local
    last_day: date | None = None  # inclusive, local


def derive(task: Task, now: datetime) -> None:
    """Fill the derived columns: the work date and the task's own span."""
    task.work_at = task.submitted_at or task.started_at or task.decided_at or now
    started = epoch_seconds(task.started_at) if task.started_at else None
    submitted = epoch_seconds(task.submitted_at) if task.submitted_at else None
    span = task_span(started, submitted, task.duration_s)
    if span is None:
        task.span_start = task.span_end = None
        task.span_seconds = None
    else:
        task.span_start, task.span_end = from_epoch(span[0]), from_epoch(span[1])
        task.span_seconds = span[1] - span[0]


def derived_values(values: dict[str, Any], now: int) -> None:
    """derive() for a bulk row of epoch seconds."""
    values["work_at"] = (
        values.get("submitted_at") or values.get("started_at") or values.get("decided_at") or now
    )
    span = task_span(values.get("started_at"), values.get("submitted_at"), values.get("duration_s"))
    if span is None:
        values["span_start"] = values["span_end"] = values["span_seconds"] = None
    else:
        values["span_start"], values["span_end"] = span
        values["span_seconds"] = span[1] - span[0]


TASK_COLUMNS = tuple(column.name for column in Task.__table__.columns)


class TaskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def add(
        self,
        platform: str,
        reward: str,
        *,
        external_id: str | None = None,
        title: str | None = None,
        requester: str | None = None,
        status: str = TaskStatus.PENDING.value,
        started: datetime | None = None,
        submitted: datetime | None = None,
        decided: datetime | None = None,
        duration_minutes: str | None = None,
        earned: str | None = None,
        bonus: str | None = None,
        currency: str | None = None,
        reason: str | None = None,
        note: str | None = None,
        origin: str = Origin.MANUAL,
    ) -> TaskInfo:
        ctx, tr = self._ctx, self._ctx.tr
        state = choice(TaskStatus, status, tr.gettext("status"), tr)
        times = {}
        for label, value, key in (
            (tr.gettext("start time"), started, "started_at"),
            (tr.gettext("submission time"), submitted, "submitted_at"),
            (tr.gettext("decision time"), decided, "decided_at"),
        ):
            times[key] = not_in_future(ctx, value, label) if value else None
        self._check_order(times["started_at"], times["submitted_at"], times["decided_at"])
        duration = self._duration(duration_minutes)
        with ctx.db.write(origin=origin) as session:
            target = find_platform(session, platform, tr)
            code = normalise_currency(currency, tr) if currency else target.currency
            row = Task(
                platform_id=target.id,
                external_id=(external_id or "").strip() or None,
                title=title or None,
                requester=requester or None,
                reward=parse_amount(reward, code, tr, what=tr.gettext("reward")),
                earned=parse_amount(earned, code, tr, what=tr.gettext("earned amount"))
                if earned is not None
                else None,
                bonus=parse_amount(bonus, code, tr, what=tr.gettext("bonus"))
                if bonus is not None
                else 0,
                currency=code,
                status=state.value,
                duration_s=duration,
                reason=reason or None,
                note=note or None,
                **times,
            )
            running = running_session(session)
            if running is not None and running.platform_id == target.id:
                row.session_id = running.id
            derive(row, ctx.now())
            if row.external_id is not None:
                self._refuse_duplicate(session, target, row.external_id)
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                raise Conflict(
                    tr.gettext("That task could not be saved: it clashes with another.")
                ) from None
            return TaskInfo.of(row, target.name)

    def update(
        self,
        platform: str,
        external_id: str,
        *,
        status: str | None = None,
        at: datetime | None = None,
        earned: str | None = None,
        bonus: str | None = None,
        reason: str | None = None,
    ) -> TaskInfo:
        ctx, tr = self._ctx, self._ctx.tr
        if at is not None and status is None:
            raise InvalidInput(tr.gettext("--at gives the time of a status change: add --status."))
        new_status = choice(TaskStatus, status, tr.gettext("status"), tr) if status else None
        when = not_in_future(ctx, at, tr.gettext("time")) if at else ctx.now()
        with ctx.db.write() as session:
            target = find_platform(session, platform, tr)
            row = session.scalar(
                select(Task).where(Task.platform_id == target.id, Task.external_id == external_id)
            )
            if row is None:
                raise NotFound(
                    tr.gettext("{platform} has no task with id {id!r}.").format(
                        platform=target.name, id=external_id
                    )
                )
            if new_status is not None and new_status.value != row.status:
                self._apply_status(row, new_status, when)
            if earned is not None:
                row.earned = parse_amount(
                    earned, row.currency, tr, what=tr.gettext("earned amount")
                )
            if bonus is not None:
                row.bonus = parse_amount(bonus, row.currency, tr, what=tr.gettext("bonus"))
            if reason is not None:
                row.reason = reason or None
            derive(row, row.work_at)
            session.flush()
            return TaskInfo.of(row, target.name)

    def _apply_status(self, row: Task, status: TaskStatus, when: datetime) -> None:
        tr = self._ctx.tr
        if status in DECIDED_STATUSES:
            floor = row.submitted_at or row.started_at
            if floor is not None and when < floor:
                raise InvalidInput(
                    tr.gettext(
                        "The decision time {at} is before the task's submission ({floor})."
                    ).format(at=local_text(self._ctx, when), floor=local_text(self._ctx, floor))
                )
            row.decided_at = when
        elif status is TaskStatus.PENDING:
            row.decided_at = None
            if row.submitted_at is None:
                row.submitted_at = when
        elif status is TaskStatus.IN_PROGRESS:
            row.decided_at = None
        row.status = status.value

    def _check_order(
        self, started: datetime | None, submitted: datetime | None, decided: datetime | None
    ) -> None:
        tr = self._ctx.tr
        if started and submitted and submitted < started:
            raise InvalidInput(
                tr.gettext(
                    "The submission time {submitted} is before the start time {started}."
                ).format(
                    submitted=local_text(self._ctx, submitted),
                    started=local_text(self._ctx, started),
                )
            )
        first = submitted or started
        if first and decided and decided < first:
            raise InvalidInput(
                tr.gettext(
                    "The decision time {at} is before the task's submission ({floor})."
                ).format(at=local_text(self._ctx, decided), floor=local_text(self._ctx, first))
            )

    def _duration(self, minutes: str | None) -> int | None:
        if minutes is None:
            return None
        tr = self._ctx.tr
        value = parse_decimal(
            minutes,
            tr,
            what=tr.gettext("duration in minutes"),
            minimum=Decimal(0),
            maximum=MAX_DURATION_MINUTES,
        )
        return int((value * 60).to_integral_value(rounding=ROUND_HALF_UP))

    def _refuse_duplicate(self, session: Any, platform: Platform, external_id: str) -> None:
        clash = session.scalar(
            select(Task.id).where(Task.platform_id == platform.id, Task.external_id == external_id)
        )
        if clash is not None:
            raise Conflict(
                self._ctx.tr.gettext("{platform} already has a task with id {id!r}.").format(
                    platform=platform.name, id=external_id
                )
            )

    def get(self, task_id: int) -> TaskInfo:
        with self._ctx.db.read() as session:
            row = self._row(session, task_id)
            return TaskInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def edit(self, task_id: int, **changes: Any) -> TaskInfo:
        """Change fields of one task (the window's inline edits and undo).

        Text values are parsed like the command line's: amounts ("1,50"),
        `duration_minutes`, `status`; times are aware datetimes or None.
        Accepted keys: external_id, title, requester, reward, earned, bonus,
        status, started_at, submitted_at, decided_at, duration_minutes,
        reason, note.
        """
        ctx = self._ctx
        with ctx.db.write() as session:
            row = self._row(session, task_id)
            platform = session.get_one(Platform, row.platform_id)
            for key, value in changes.items():
                self._set_field(session, row, platform, key, value)
            self._check_order(row.started_at, row.submitted_at, row.decided_at)
            derive(row, row.work_at)
            session.flush()
            return TaskInfo.of(row, platform.name)

    def _set_field(self, session: Any, row: Task, platform: Platform, key: str, value: Any) -> None:
        ctx, tr = self._ctx, self._ctx.tr
        text = value.strip() if isinstance(value, str) else value
        if key == "external_id":
            new_id = text or None
            if new_id is not None and new_id != row.external_id:
                self._refuse_duplicate(session, platform, new_id)
            row.external_id = new_id
        elif key in ("title", "requester", "reason", "note"):
            setattr(row, key, text or None)
        elif key == "reward":
            row.reward = parse_amount(text or "", row.currency, tr, what=tr.gettext("reward"))
        elif key == "earned":
            row.earned = (
                parse_amount(text, row.currency, tr, what=tr.gettext("earned amount"))
                if text
                else None
            )
        elif key == "bonus":
            row.bonus = (
                parse_amount(text, row.currency, tr, what=tr.gettext("bonus")) if text else 0
            )
        elif key == "status":
            state = choice(TaskStatus, text or "", tr.gettext("status"), tr)
            if state.value != row.status:
                self._apply_status(row, state, ctx.now())
        elif key in ("started_at", "submitted_at", "decided_at"):
            setattr(row, key, not_in_future(ctx, value, tr.gettext("time")) if value else None)
        elif key == "duration_minutes":
            row.duration_s = self._duration(text) if text else None
        elif key == "duration_s":
            row.duration_s = value
        else:
            raise InvalidInput(tr.gettext("{key!r} is not a task field.").format(key=key))

    def delete(self, task_id: int) -> dict[str, Any]:
        """Delete a task; returns its stored values so that undo can restore it."""
        with self._ctx.db.write() as session:
            row = self._row(session, task_id)
            snapshot = {c: getattr(row, c) for c in TASK_COLUMNS}
            session.delete(row)
            return snapshot

    def restore(self, snapshot: dict[str, Any]) -> TaskInfo:
        """Put a deleted task back (undo), under its old id."""
        with self._ctx.db.write(origin=snapshot.get("origin") or Origin.MANUAL) as session:
            values = {k: v for k, v in snapshot.items() if k != "row_hash"}
            row = Task(**values)
            session.add(row)
            session.flush()
            return TaskInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def set_status_many(
        self, task_ids: Iterable[int], status: str, at: datetime | None = None
    ) -> list[tuple[int, str, datetime | None, datetime | None]]:
        """One status for many tasks in one transaction (the Ledger's bulk change).

        Returns (id, old status, old decided_at, old submitted_at) for undo.
        """
        ctx, tr = self._ctx, self._ctx.tr
        state = choice(TaskStatus, status, tr.gettext("status"), tr)
        when = not_in_future(ctx, at, tr.gettext("time")) if at else ctx.now()
        previous: list[tuple[int, str, datetime | None, datetime | None]] = []
        with ctx.db.write(action="status") as session:
            for task_id in task_ids:
                row = self._row(session, task_id)
                if row.status == state.value:
                    continue
                previous.append((row.id, row.status, row.decided_at, row.submitted_at))
                self._apply_status(row, state, max(when, row.submitted_at or when))
                derive(row, row.work_at)
        return previous

    def restore_statuses(
        self, previous: Iterable[tuple[int, str, datetime | None, datetime | None]]
    ) -> None:
        """Undo set_status_many: put each task's status and times back."""
        with self._ctx.db.write(action="status") as session:
            for task_id, status, decided_at, submitted_at in previous:
                row = self._row(session, task_id)
                row.status, row.decided_at, row.submitted_at = status, decided_at, submitted_at
                derive(row, row.work_at)

    def _row(self, session: Any, task_id: int) -> Task:
        row = session.get(Task, task_id)
        if row is None:
            raise NotFound(self._ctx.tr.gettext("There is no task number {id}.").format(id=task_id))
        return row  # type: ignore[no-any-return]

    def list(self, filters: TaskFilter = TaskFilter()) -> Iterator[TaskInfo]:
        """Tasks by work date, oldest first; streamed, so a million rows are fine."""
        ctx, tr = self._ctx, self._ctx.tr
        with ctx.db.read() as session:
            query = (
                select(Task, Platform.name)
                .join(Platform, Platform.id == Task.platform_id)
                .order_by(Task.work_at, Task.id)
            )
            if filters.platform:
                query = query.where(
                    Task.platform_id == find_platform(session, filters.platform, tr).id
                )
            if filters.status:
                query = query.where(
                    Task.status
                    == choice(TaskStatus, filters.status, tr.gettext("status"), tr).value
                )
            if filters.first_day:
                query = query.where(Task.work_at >= day_start(filters.first_day, ctx.zone))
            if filters.last_day:
                from datetime import timedelta

                query = query.where(
                    Task.work_at < day_start(filters.last_day + timedelta(days=1), ctx.zone)
                )
            for row, name in session.execute(query.execution_options(yield_per=2000)):
                yield TaskInfo.of(row, name)

    def bulk_insert(
        self, rows: Iterable[dict[str, Any]], origin: str, details: dict[str, Any] | None = None
    ) -> int:
        """Insert many validated rows in one transaction with one audit entry (a Merkle root).

        Each row holds column values (times as epoch seconds, amounts in minor
        units, platform_id set). Returns the number of rows written.
        """
        now = epoch_seconds(self._ctx.now())
        merkle = MerkleBuilder()
        with self._ctx.db.write(origin=origin) as session:
            connection = session.connection()
            first_id = next_free_id(connection, cast(Table, Task.__table__))
            next_id = first_id
            batch: list[dict[str, Any]] = []
            table = Task.__table__
            for given in rows:
                values: dict[str, Any] = dict.fromkeys(TASK_COLUMNS)
                values.update(given)
                values.update(id=next_id, origin=origin, recorded_at=now, edited_at=now)
                if values["bonus"] is None:
                    values["bonus"] = 0
                derived_values(values, now)
                values["row_hash"] = row_hash("tasks", values)
                merkle.add(values["row_hash"])
                batch.append(values)
                next_id += 1
                if len(batch) >= BULK_CHUNK:
                    connection.execute(insert(table), batch)  # type: ignore[arg-type]
                    batch = []
            if batch:
                connection.execute(insert(table), batch)  # type: ignore[arg-type]
            count = next_id - first_id
            if count:
                append_bulk_entry(
                    connection,
                    at=self._ctx.now(),
                    entity="tasks",
                    origin=origin,
                    first_id=first_id,
                    last_id=next_id - 1,
                    count=count,
                    merkle=merkle.root(),
                    details=details,
                )
            return count
