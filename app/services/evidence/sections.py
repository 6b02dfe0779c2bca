"""The table rows and CSV rows of each kind of record in an evidence report."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.statuses import (
    PAID_STATUSES,
    PayoutStatus,
    TaskStatus,
)
from app.services.evidence.csvdata import CSV_COLUMNS, QUOTED, CsvRows, NotPlain, plain_field
from app.services.evidence.document import Column, Table
from app.services.evidence.text import (
    DAY,
    EvidenceText,
    LocalTimes,
    UtcTimes,
    iso_utc,
    plain_amount,
)
from app.services.records import PlatformInfo

ATTACHMENTS_FOLDER = "attachments"  # beside the database, files named by their SHA-256
# (app/services/attachments.py stores them there as attachments/<sha256>)


@dataclass
class Section:
    key: str  # sessions, tasks, payouts, events
    heading: str
    table: Table
    notes: list[str]
    empty: str


@dataclass(frozen=True)
class AttachmentEntry:
    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    linked: str
    check: str  # one phrase: the file was found and matches, differs, or is missing
    path: str | None  # the file, when found and matching
    is_image: bool


# A task's row of the canonical CSV: its fields in this order, the other columns empty.
_TASK_FIELDS = (
    "id", "platform", "external_id", "title", "requester", "status", "currency", "reward",
    "earned", "bonus", "started_at", "submitted_at", "decided_at", "duration_s", "reason",
    "note", "session_id", "origin", "recorded_at", "edited_at", "row_hash",
)  # fmt: skip
_TASK_LINE = (
    ",".join(
        "task" if name == "record" else "%s" if name in _TASK_FIELDS else "" for name in CSV_COLUMNS
    )
    + "\r\n"
)


class SectionBuilder:
    """Table rows and CSV rows of each kind of record."""

    def __init__(
        self,
        text: EvidenceText,
        times: LocalTimes,
        platform: PlatformInfo,
        now: int,
        edits: dict[tuple[str, int], int],
        csv_rows: CsvRows,
    ) -> None:
        self.text, self.times, self.platform = text, times, platform
        self.now, self.edits, self.csv = now, edits, csv_rows
        self._ = text.gettext
        self.utc = UtcTimes()
        self._entered: dict[tuple[str, int], str] = {}

    def entered(self, table: str, record_id: int, origin: str, recorded: int) -> tuple[str, bool]:
        cell = self._entered.get((origin, recorded))
        if cell is None:
            label = self.text.origin(origin)
            cell = self._entered[(origin, recorded)] = f"{label}\n{self.times.stamp(recorded)}"
        edited = self.edits.get((table, record_id))
        if edited is None:
            return cell, False
        return cell + "\n" + self._("edited {when}").format(when=self.times.stamp(edited)), True

    def _table(self, title: str, columns: tuple[Column, ...]) -> Table:
        return Table(title, columns, [], continued=self._("(continued)"))

    def fold_entered(self, table: Table) -> None:
        """Leave "Entered" blank where most rows share it (a bulk import), said once per page.

        It is the last column. Rows edited after the fact always keep theirs.
        """
        rows = table.rows
        if len(rows) < 20:
            return
        counts = Counter(row[-1] for index, row in enumerate(rows) if index not in table.marked)
        if not counts:
            return
        value, count = counts.most_common(1)[0]
        if count * 2 < len(rows) or "\n" not in value:
            return
        table.rows = [(*row[:-1], "") if row[-1] == value else row for row in rows]
        origin, when = value.split("\n", 1)
        table.caption = self._("Where “Entered” is blank: {origin}, first recorded {when}.").format(
            origin=origin, when=when
        )

    def sessions(self, rows: list[tuple[Any, ...]]) -> Section:
        _, times, text = self._, self.times, self.text
        table = self._table(
            _("Work sessions"),
            (
                Column(_("Start"), 0.11),
                Column(_("End"), 0.11),
                Column(_("Duration"), 0.10, "right"),
                Column(_("Activity"), 0.13),
                Column(_("Note"), 0.33),
                Column(_("Entered"), 0.22),
            ),
        )
        marked = set()
        running = _("running")
        for index, (
            sid,
            activity,
            started,
            ended,
            note,
            origin,
            recorded,
            edited,
            digest,
        ) in enumerate(rows):
            entered, mark = self.entered("work_sessions", sid, origin, recorded)
            if mark:
                marked.add(index)
            seconds = (ended if ended is not None else self.now) - started
            table.rows.append(
                (
                    times.two_lines(started),
                    times.two_lines(ended) if ended is not None else running,
                    text.duration(seconds),
                    text.activity(activity),
                    note or "",
                    entered,
                )
            )
            self.csv.add(
                {
                    "record": "session",
                    "id": sid,
                    "platform": self.platform.name,
                    "activity": activity,
                    "started_at": iso_utc(started),
                    "ended_at": iso_utc(ended),
                    "note": note,
                    "origin": origin,
                    "recorded_at": iso_utc(recorded),
                    "edited_at": iso_utc(edited),
                    "row_hash": digest,
                }
            )
        table.marked = frozenset(marked)
        self.fold_entered(table)
        notes = []
        if rows:
            notes.append(
                _(
                    "Sessions that cross the start or the end of the period are listed whole; "
                    "the summary counts only their time inside the period."
                )
            )
        return Section(
            "sessions", _("Work sessions"), table, notes, _("No work session in this period.")
        )

    def tasks(self, rows: list[tuple[Any, ...]], subset: frozenset[str], in_period: int) -> Section:
        _, times, text = self._, self.times, self.text
        table = self._table(
            _("Tasks"),
            (
                Column(_("Submitted"), 0.084),
                Column(_("Task ID"), 0.11),
                Column(_("Title"), 0.138),
                Column(_("Requester"), 0.098),
                Column(_("Reward"), 0.077, "right"),
                Column(_("Paid"), 0.077, "right"),
                Column(_("Status"), 0.075),
                Column(_("Decided"), 0.084),
                Column(_("Reason, note"), 0.116),
                Column(_("Entered"), 0.137),
            ),
        )
        marked = set()
        started_word = _("started")
        statuses: dict[str, str] = {}
        money = text.money
        monies: dict[tuple[int, str], str] = {}  # (minor units, currency) -> as printed
        plain: dict[tuple[int | None, str], str] = {}  # -> as in the CSV
        add_row = table.rows.append
        lines: list[str] = []
        add_line = lines.append
        field = plain_field
        quoted = QUOTED.search
        odd = "\x00"  # a value neither text, a whole number nor None: QUOTED finds it
        utc = self.utc
        two_lines = times.two_lines
        entered_of = self.entered
        name = self.platform.name
        paid_statuses = PAID_STATUSES
        approved = TaskStatus.APPROVED.value
        for index, row in enumerate(rows):
            (
                tid,
                external_id,
                title,
                requester,
                status,
                reward,
                earned,
                bonus,
                currency,
                started,
                submitted,
                decided,
                duration,
                reason,
                note,
                session_id,
                _work_at,
                origin,
                recorded,
                edited,
                digest,
            ) = row
            entered, mark = entered_of("tasks", tid, origin, recorded)
            if mark:
                marked.add(index)
            label = statuses.get(status)
            if label is None:
                label = statuses[status] = text.status(status)
            if submitted is not None:
                when = two_lines(submitted)
            elif started is not None:
                when = f"{started_word}\n{two_lines(started)}"
            else:
                when = ""
            paid = ""
            if status in paid_statuses or bonus:
                counted = (
                    (earned if earned is not None else reward)
                    if status == approved
                    else (earned or 0 if status in paid_statuses else 0)
                )
                paid = money(counted + (bonus or 0), currency)
            printed = monies.get((reward, currency))
            if printed is None:
                printed = monies[(reward, currency)] = money(reward, currency)
            remark = reason or ""
            if note:
                remark = f"{remark}\n{note}" if remark else note
            add_row(
                (
                    when,
                    external_id or "",
                    title or "",
                    requester or "",
                    printed,
                    paid,
                    label,
                    two_lines(decided),
                    remark,
                    entered,
                )
            )
            amounts = []
            for minor in (reward, earned, bonus):
                value = plain.get((minor, currency))
                if value is None:
                    value = plain[(minor, currency)] = plain_amount(minor, currency)
                amounts.append(value)
            values = (
                tid, name, external_id, title, requester, status, currency, amounts[0],
                amounts[1], amounts[2], utc(started), utc(submitted), utc(decided), duration,
                reason, note, session_id, origin, utc(recorded), utc(edited), digest,
            )  # fmt: skip
            # most rows: no text to quote (one search for the whole row), no odd value
            parts = [
                v if type(v) is str else "" if v is None else str(v) if type(v) is int else odd
                for v in values
            ]
            if quoted("\x1f".join(parts)) is None:
                add_line(_TASK_LINE % tuple(parts))
                continue
            try:
                add_line(_TASK_LINE % tuple([field(value) for value in values]))
            except NotPlain:  # an odd stored value: as the csv module writes it
                self.csv.add_lines(lines)
                lines.clear()
                self.csv.add({"record": "task", **dict(zip(_TASK_FIELDS, values, strict=True))})
        self.csv.add_lines(lines)
        table.marked = frozenset(marked)
        self.fold_entered(table)
        notes = [
            _(
                "Every task whose work date (submitted, else started, else decided) falls in "
                "the period, oldest first. “Paid” is what the task earned as the report counts "
                "it, bonus included."
            )
        ]
        if subset:
            notes.append(
                _(
                    "Only tasks with status {statuses} are listed (and attached): {count} of "
                    "the {total} tasks of the period. The summary covers them all."
                ).format(
                    statuses=", ".join(text.status(s) for s in sorted(subset)),
                    count=text.number(len(rows)),
                    total=text.number(in_period),
                )
            )
        return Section("tasks", _("Tasks"), table, notes, _("No task in this period."))

    def payouts(self, rows: list[tuple[Any, ...]]) -> Section:
        _, times, text = self._, self.times, self.text
        table = self._table(
            _("Payouts"),
            (
                Column(_("Requested"), 0.10),
                Column(_("Amount"), 0.10, "right"),
                Column(_("Fee"), 0.08, "right"),
                Column(_("Method"), 0.11),
                Column(_("Reference"), 0.12),
                Column(_("Status"), 0.09),
                Column(_("Received"), 0.10),
                Column(_("Delay"), 0.08, "right"),
                Column(_("Entered"), 0.22),
            ),
        )
        marked = set()
        for index, row in enumerate(rows):
            (
                pid,
                asks,
                amount,
                currency,
                fee,
                method,
                reference,
                status,
                requested,
                received,
                received_amount,
                received_currency,
                note,
                origin,
                recorded,
                edited,
                digest,
            ) = row
            entered, mark = self.entered("payouts", pid, origin, recorded)
            if mark:
                marked.add(index)
            if received is not None:
                delay = _("{days} d").format(days=text.number(_round_days(received - requested)))
            elif status == PayoutStatus.REQUESTED.value:
                delay = _("{days} d, waiting").format(
                    days=text.number((self.now - requested) // DAY)
                )
            else:
                delay = ""
            received_text = times.two_lines(received)
            if received_amount is not None and received_currency:
                received_text += "\n" + text.money(received_amount, received_currency)
            method_text = method or ""
            if note:
                method_text = f"{method_text}\n{note}" if method_text else note
            table.rows.append(
                (
                    times.two_lines(requested),
                    text.money(amount, currency),
                    text.money(fee, currency) if fee else "",
                    method_text,
                    reference or "",
                    text.payout_status(status),
                    received_text,
                    delay,
                    entered,
                )
            )
            self.csv.add(
                {
                    "record": "payout",
                    "id": pid,
                    "platform": self.platform.name,
                    "status": status,
                    "currency": currency,
                    "amount": plain_amount(amount, currency),
                    "fee": plain_amount(fee, currency),
                    "method": method,
                    "reference": reference,
                    "requested_at": iso_utc(requested),
                    "received_at": iso_utc(received),
                    "received_amount": plain_amount(received_amount, received_currency or currency),
                    "received_currency": received_currency,
                    "note": note,
                    "asks_for_money": int(bool(asks)),
                    "origin": origin,
                    "recorded_at": iso_utc(recorded),
                    "edited_at": iso_utc(edited),
                    "row_hash": digest,
                }
            )
        table.marked = frozenset(marked)
        self.fold_entered(table)
        return Section("payouts", _("Payouts"), table, [], _("No payout requested in this period."))

    def events(self, rows: list[tuple[Any, ...]]) -> Section:
        _, times, text = self._, self.times, self.text
        table = self._table(
            _("Account events"),
            (
                Column(_("Date"), 0.11),
                Column(_("Event"), 0.15),
                Column(_("Amount"), 0.10, "right"),
                Column(_("Note"), 0.42),
                Column(_("Entered"), 0.22),
            ),
        )
        marked = set()
        for index, (
            eid,
            kind,
            at,
            amount,
            currency,
            note,
            origin,
            recorded,
            edited,
            digest,
        ) in enumerate(rows):
            entered, mark = self.entered("account_events", eid, origin, recorded)
            if mark:
                marked.add(index)
            table.rows.append(
                (
                    times.two_lines(at),
                    text.event_kind(kind),
                    text.money(amount, currency) if amount is not None else "",
                    note or "",
                    entered,
                )
            )
            self.csv.add(
                {
                    "record": "event",
                    "id": eid,
                    "platform": self.platform.name,
                    "kind": kind,
                    "at": iso_utc(at),
                    "currency": currency,
                    "amount": plain_amount(amount, currency),
                    "note": note,
                    "origin": origin,
                    "recorded_at": iso_utc(recorded),
                    "edited_at": iso_utc(edited),
                    "row_hash": digest,
                }
            )
        table.marked = frozenset(marked)
        self.fold_entered(table)
        return Section(
            "events", _("Account events"), table, [], _("No account event in this period.")
        )

    def attachments(self, rows: list[tuple[Any, ...]], folder: Path) -> list[AttachmentEntry]:
        _ = self._
        kinds = {
            "platforms": _("the platform ({id})"),
            "work_sessions": _("work session {id}"),
            "tasks": _("task {id}"),
            "payouts": _("payout {id}"),
            "account_events": _("account event {id}"),
        }
        found: list[AttachmentEntry] = []
        for (
            aid,
            digest,
            file_name,
            size,
            media_type,
            _record_type,
            record_id,
            origin,
            recorded,
            edited,
            row_hash,
            table,
        ) in rows:
            path = _attachment_file(folder, str(digest), str(file_name))
            if path is None:
                check, usable = _("file not found beside the database"), None
            elif _file_sha256(path) == str(digest).lower():
                check, usable = _("file found, SHA-256 matches"), str(path)
            else:
                check, usable = _("file found but its SHA-256 differs: it was changed"), None
            found.append(
                AttachmentEntry(
                    int(aid),
                    str(file_name),
                    str(media_type),
                    int(size),
                    str(digest),
                    kinds[table].format(
                        id=self.platform.name if table == "platforms" else record_id
                    ),
                    check,
                    usable,
                    str(media_type).lower().startswith("image/"),
                )
            )
            self.csv.add(
                {
                    "record": "attachment",
                    "id": aid,
                    "platform": self.platform.name,
                    "sha256": digest,
                    "file_name": file_name,
                    "media_type": media_type,
                    "size": size,
                    "linked_record": table,
                    "linked_id": record_id,
                    "origin": origin,
                    "recorded_at": iso_utc(recorded),
                    "edited_at": iso_utc(edited),
                    "row_hash": row_hash,
                }
            )
        return found


def _round_days(seconds: int) -> Decimal:
    return (Decimal(seconds) / DAY).quantize(Decimal("0.1"))


def _attachment_file(folder: Path, digest: str, file_name: str) -> Path | None:
    """The stored file of an attachment: named by its SHA-256 (with or without extension)."""
    digest = digest.lower()
    suffix = Path(file_name).suffix
    for candidate in (
        folder / digest,
        folder / f"{digest}{suffix}",
        folder / digest[:2] / digest,
        folder / digest[:2] / f"{digest}{suffix}",
    ):
        if candidate.is_file():
            return candidate
    return None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
