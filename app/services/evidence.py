"""Dispute evidence and letters as plain document models (no Qt).

`EvidenceService.build()` gathers one platform's records for one period into
an `EvidenceDocument`: the header, the summary in plain sentences, the flags,
the chronological detail (sessions, tasks, payouts, account events; each
record with how it was entered, when it was first recorded, and a mark when
it was edited after the fact), the deletions the audit log saw, the
attachments with their SHA-256, and the integrity part. The raw records are
written as a canonical CSV file (`csv_bytes`, embedded in the PDF) whose
SHA-256 is the report's fingerprint.

`EvidenceService.letter()` fills a `Letter` (formal notice to pay, GDPR data
request, request for an explanation of an automated decision) from the
ledger, in English or French.

Both turn into a `Document`: a list of generic blocks (headings, paragraphs,
label/value fields, tables, images) that ui/render paints with QPainter on
a PDF writer, a printer or a preview image. The renderer knows nothing of
evidence; every word it prints comes from here.

Sentences go through `EvidenceText.gettext()`, i.e. the core catalogue
(resources/locale). The letters' legal text is written per language
(`_LETTERS`), both complete.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from sqlalchemy import BigInteger, select, type_coerce
from sqlalchemy.orm import Session

from app import __version__
from app.domain.errors import InvalidInput
from app.domain.localtime import Period, local_date, zone_name
from app.domain.money import currency_digits, format_money
from app.domain.statuses import (
    PAID_STATUSES,
    WITHHOLDING_EVENTS,
    EventKind,
    PayoutStatus,
    TaskStatus,
)
from app.domain.wage import TaskTotals
from app.i18n import SUPPORTED_LANGUAGES, Translator
from app.services import Services
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.records import PlatformInfo
from app.services.reports import PlatformReport, ReportService
from app.storage.models import (
    AccountEvent,
    Attachment,
    AuditEntry,
    Payout,
    Platform,
    Task,
    WorkSession,
)

DAY = 86400
DEFAULT_DEMAND_DAYS = 15
GDPR_REPLY_DAYS = 30  # "one month" (GDPR art. 12(3)); the letter states the calendar date
REVIEW_REPLY_DAYS = 14  # two weeks (Directive (EU) 2024/2831, art. 11(2))
DIRECTIVE_APPLIES_FROM = date(2026, 12, 2)  # transposition deadline, art. 29(1)
ATTACHMENTS_FOLDER = "attachments"  # beside the database, files named by their SHA-256
# (app/services/attachments.py stores them there as attachments/<sha256>)
LETTER_KINDS = ("demand", "gdpr-access", "explanation")
PAPERS = ("a4", "letter")
MAX_LISTED_REJECTIONS = 15

# -- generic document blocks (what ui/render paints) ----------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: a section, 2: a sub-section


@dataclass(frozen=True)
class Paragraph:
    """Text that wraps to the width; explicit line breaks ("\\n") are kept."""

    text: str
    bold: bool = False
    small: bool = False
    align: str = "left"  # left, right
    indent: float = 0.0  # share of the text width left blank on the left
    bullet: bool = False
    space_after: float = 5.0  # points
    keep_together: bool = False  # start on a new page rather than split


@dataclass(frozen=True)
class Fields:
    """Label/value pairs in two columns (the header, the integrity part)."""

    rows: tuple[tuple[str, str], ...]
    label_share: float = 0.27


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width
    align: str = "left"  # left, right


@dataclass
class Table:
    """Rows of cells; the title and the header row repeat on every page the table spans."""

    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]]
    marked: frozenset[int] = frozenset()  # rows drawn with the edited-after-the-fact mark
    continued: str = ""  # appended to the title on continuation pages
    caption: str = ""  # a line above the header row, on every page the table spans


@dataclass(frozen=True)
class ImageItem:
    path: str
    caption: str


@dataclass(frozen=True)
class Images:
    """Thumbnails in a grid, each with its caption."""

    items: tuple[ImageItem, ...]


@dataclass(frozen=True)
class Spacer:
    points: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Fields | Table | Images | Spacer | PageBreak


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    data: bytes
    mime_type: str


@dataclass
class Document:
    """What a renderer needs: page furniture, blocks, files to embed, metadata."""

    title: str
    language: str
    blocks: list[Block]
    header_left: str = ""  # on every page
    header_right: str = ""
    footer_left: str = ""
    page_label: str = "Page {page} of {pages}"  # on every page, bottom right
    files: list[EmbeddedFile] = field(default_factory=list)
    author: str = ""
    subject: str = ""
    creator: str = f"Clickwage {__version__}"

    def page_text(self, page: int, pages: int) -> str:
        return self.page_label.format(page=page, pages=pages)


# -- text: the core catalogue -----------------------------------------------------


class EvidenceText:
    """Sentences of evidence documents in one language, with the locale's number formats."""

    def __init__(self, language: str) -> None:
        self.core = Translator(language)
        self.language = self.core.language
        self.locale = self.core.locale

    def gettext(self, message: str) -> str:
        return self.core.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.core.ngettext(singular, plural, count)

    # figures as people read them
    def money(self, minor: int | None, currency: str) -> str:
        return _money(minor, currency, self.locale)

    def hourly(self, value: Decimal | None, currency: str) -> str:
        if value is None:
            return "—"
        amount = babel_numbers.format_currency(value, currency, locale=self.locale)
        return self.gettext("{amount}/h").format(amount=amount)

    def duration(self, seconds: int | None) -> str:
        if seconds is None:
            return "—"
        minutes = int(seconds) // 60
        hours, rest = divmod(minutes, 60)
        if hours:
            return self.gettext("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)
        return self.gettext("{minutes} min").format(minutes=rest)

    def number(self, value: int | Decimal) -> str:
        return str(babel_numbers.format_decimal(value, locale=self.locale))

    def long_date(self, day: date) -> str:
        text = str(babel_dates.format_date(day, format="long", locale=self.locale))
        if self.language == "fr" and day.day == 1 and text.startswith("1 "):
            text = "1er " + text[2:]  # "1er mars 2026"
        return text

    def status_count(self, status: str, count: int) -> str:
        """ "3 approved", "3 acceptées"."""
        forms = {
            TaskStatus.IN_PROGRESS: ("{count} in progress", "{count} in progress"),
            TaskStatus.PENDING: ("{count} pending", "{count} pending"),
            TaskStatus.APPROVED: ("{count} approved", "{count} approved"),
            TaskStatus.PARTIALLY_APPROVED: ("{count} partly approved", "{count} partly approved"),
            TaskStatus.SCREENED_OUT: ("{count} screened out", "{count} screened out"),
            TaskStatus.REJECTED: ("{count} rejected", "{count} rejected"),
            TaskStatus.RETURNED: ("{count} returned", "{count} returned"),
            TaskStatus.EXPIRED: ("{count} expired", "{count} expired"),
        }
        pair = forms.get(status)  # type: ignore[call-overload]
        if pair is None:
            return f"{self.number(count)} {status}"
        return self.ngettext(pair[0], pair[1], count).format(count=self.number(count))

    def _status_count_messages(self) -> None:
        """Never called: shows the catalogue tools the plural sentences of status_count()."""
        self.ngettext("{count} in progress", "{count} in progress", 1)
        self.ngettext("{count} pending", "{count} pending", 1)
        self.ngettext("{count} approved", "{count} approved", 1)
        self.ngettext("{count} partly approved", "{count} partly approved", 1)
        self.ngettext("{count} screened out", "{count} screened out", 1)
        self.ngettext("{count} rejected", "{count} rejected", 1)
        self.ngettext("{count} returned", "{count} returned", 1)
        self.ngettext("{count} expired", "{count} expired", 1)

    def status(self, status: str) -> str:
        labels = {
            TaskStatus.IN_PROGRESS: self.gettext("in progress"),
            TaskStatus.PENDING: self.gettext("pending"),
            TaskStatus.APPROVED: self.gettext("approved"),
            TaskStatus.PARTIALLY_APPROVED: self.gettext("partly approved"),
            TaskStatus.SCREENED_OUT: self.gettext("screened out"),
            TaskStatus.REJECTED: self.gettext("rejected"),
            TaskStatus.RETURNED: self.gettext("returned"),
            TaskStatus.EXPIRED: self.gettext("expired"),
        }
        return labels.get(status, status)  # type: ignore[call-overload,no-any-return]

    def activity(self, activity: str) -> str:
        labels = {
            "task": self.gettext("paid tasks"),
            "search": self.gettext("searching"),
            "qualification": self.gettext("qualification"),
            "communication": self.gettext("messages"),
            "payment": self.gettext("payments"),
            "other": self.gettext("other"),
        }
        return labels.get(activity, activity)

    def payout_status(self, status: str) -> str:
        labels = {
            PayoutStatus.REQUESTED: self.gettext("waiting"),
            PayoutStatus.RECEIVED: self.gettext("received"),
            PayoutStatus.REFUSED: self.gettext("refused"),
            PayoutStatus.CANCELLED: self.gettext("cancelled"),
        }
        return labels.get(status, status)  # type: ignore[call-overload,no-any-return]

    def event_kind(self, kind: str) -> str:
        labels = {
            EventKind.ACCOUNT_SUSPENDED: self.gettext("account suspended"),
            EventKind.ACCOUNT_CLOSED: self.gettext("account closed"),
            EventKind.BALANCE_WITHHELD: self.gettext("balance withheld"),
            EventKind.MESSAGE: self.gettext("message"),
            EventKind.RESOLVED: self.gettext("resolved"),
            EventKind.OTHER: self.gettext("other"),
        }
        return labels.get(kind, kind)  # type: ignore[call-overload,no-any-return]

    def origin(self, origin: str) -> str:
        if origin == "timer":
            return self.gettext("timer (live)")
        if origin == "manual":
            return self.gettext("typed in")
        if origin.startswith("import:"):
            return self.gettext("import: {format}").format(format=origin[len("import:") :])
        return origin


@lru_cache(maxsize=65536)
def _money(minor: int | None, currency: str, locale: str) -> str:
    return format_money(minor, currency, locale)


@lru_cache(maxsize=64)
def _digits(currency: str) -> int:
    return currency_digits(currency)


def plain_amount(minor: int | None, currency: str) -> str:
    """The machine form of an amount ("1234.50"), as `format_plain` but fast for big files."""
    if minor is None:
        return ""
    digits = _digits(currency)
    if digits == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**digits)
    return f"{sign}{whole}.{part:0{digits}d}"


_UTC_DAYS: dict[int, str] = {}


def iso_utc(seconds: int | None) -> str:
    """Epoch seconds as "2026-03-05T09:15:00Z"."""
    if seconds is None:
        return ""
    day, rest = divmod(int(seconds), DAY)
    prefix = _UTC_DAYS.get(day)
    if prefix is None:
        prefix = _UTC_DAYS[day] = time.strftime("%Y-%m-%dT", time.gmtime(day * DAY))
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{prefix}{hours:02d}:{minutes:02d}:{secs:02d}Z"


class LocalTimes:
    """Epoch seconds as local "YYYY-MM-DD HH:MM", fast (zone offsets cached per 15 minutes)."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._offsets: dict[int, int] = {}
        self._days: dict[int, str] = {}

    def _split(self, seconds: int) -> tuple[str, int, int]:
        """(local date, hours, minutes)."""
        bucket = seconds // 900
        offset = self._offsets.get(bucket)
        if offset is None:
            delta = datetime.fromtimestamp(bucket * 900, self.zone).utcoffset()
            offset = int(delta.total_seconds()) if delta is not None else 0
            self._offsets[bucket] = offset
        day, rest = divmod(seconds + offset, DAY)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = time.strftime("%Y-%m-%d", time.gmtime(day * DAY))
        return text, rest // 3600, rest % 3600 // 60

    def stamp(self, seconds: int | None) -> str:
        if seconds is None:
            return ""
        day, hours, minutes = self._split(int(seconds))
        return f"{day} {hours:02d}:{minutes:02d}"

    def two_lines(self, seconds: int | None) -> str:
        """Date, then time on a second line (narrow table columns)."""
        if seconds is None:
            return ""
        day, hours, minutes = self._split(int(seconds))
        return f"{day}\n{hours:02d}:{minutes:02d}"

    def day(self, seconds: int | None) -> str:
        if seconds is None:
            return ""
        return self._split(int(seconds))[0]


def _epoch(column: Any) -> Any:
    """A time column as its stored epoch seconds (skips the datetime conversion)."""
    return type_coerce(column, BigInteger)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def slug(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return cleaned or "platform"


# -- the evidence report ---------------------------------------------------------------------

# The canonical CSV of the report's raw records: UTF-8 without BOM, RFC 4180 (comma, CRLF,
# quotes only where needed), one row per record in this column order, times UTC ISO 8601
# with Z, amounts as plain decimals with the currency's digits, rows in the order platform,
# sessions (by start), tasks (by work date), payouts (by request), events, attachments.
# Its SHA-256 is the report's fingerprint.
CSV_COLUMNS = (
    "record",
    "id",
    "platform",
    "external_id",
    "title",
    "requester",
    "activity",
    "kind",
    "status",
    "currency",
    "reward",
    "earned",
    "bonus",
    "amount",
    "fee",
    "method",
    "reference",
    "started_at",
    "ended_at",
    "submitted_at",
    "decided_at",
    "duration_s",
    "requested_at",
    "received_at",
    "received_amount",
    "received_currency",
    "at",
    "reason",
    "note",
    "session_id",
    "asks_for_money",
    "url",
    "account",
    "sha256",
    "file_name",
    "media_type",
    "size",
    "linked_record",
    "linked_id",
    "origin",
    "recorded_at",
    "edited_at",
    "row_hash",
)
_CSV_INDEX = {name: index for index, name in enumerate(CSV_COLUMNS)}


# Changes that are a record's normal life, not an edit after the fact: a task's decision,
# a payout's arrival. Anything else the audit log shows changing marks the record "edited".
_LIFECYCLE_KEYS = {
    "tasks": frozenset(
        {"status", "decided_at", "earned", "bonus", "reason", "work_at", "span_start",
         "span_end", "span_seconds"}
    ),
    "payouts": frozenset({"status", "received_at", "received_amount", "received_currency"}),
    "work_sessions": frozenset(),
    "account_events": frozenset(),
}
# A value set for the first time is part of the record's life too (stopping the timer).
_FIRST_SET_KEYS = {
    "tasks": frozenset({"submitted_at"}),
    "work_sessions": frozenset({"ended_at"}),
    "payouts": frozenset(),
    "account_events": frozenset(),
}
_RECORD_OF_TYPE = {
    "task": "tasks",
    "tasks": "tasks",
    "session": "work_sessions",
    "work_session": "work_sessions",
    "work_sessions": "work_sessions",
    "payout": "payouts",
    "payouts": "payouts",
    "event": "account_events",
    "account_event": "account_events",
    "account_events": "account_events",
    "platform": "platforms",
    "platforms": "platforms",
}


def fingerprint_of(data: bytes) -> str:
    """The SHA-256 of the embedded CSV file, as the report prints it."""
    return hashlib.sha256(data).hexdigest()


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


@dataclass
class Integrity:
    fingerprint: str
    csv_name: str
    chain_head: str
    audit_entries: int
    verified: bool | None  # None when not checked
    problems: list[str]
    how_to_check: str


@dataclass
class EvidenceDocument:
    language: str
    platform: PlatformInfo
    first: date
    last: date  # included
    generated_at: datetime
    worker: str | None
    title: str
    header: list[tuple[str, str]]
    summary: list[str]
    flags: list[str]
    sections: list[Section]
    legend: str
    deletions: dict[str, int]
    deletion_sentence: str
    attachments: list[AttachmentEntry]
    integrity: Integrity
    csv_name: str
    csv_bytes: bytes
    report: PlatformReport
    task_ids: list[int]
    text: EvidenceText = field(repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        return self.integrity.fingerprint

    @property
    def period_text(self) -> str:
        return self.text.gettext("{first} to {last}").format(
            first=self.first.isoformat(), last=self.last.isoformat()
        )

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def document(self) -> Document:
        """The report as blocks for ui/render."""
        t = self.text
        _ = t.gettext
        blocks: list[Block] = [
            Heading(self.title),
            Fields(tuple(self.header)),
            Heading(_("Summary"), 2),
        ]
        blocks += [Paragraph(sentence, bullet=True, space_after=3) for sentence in self.summary]
        blocks.append(Heading(_("Warnings"), 2))
        if self.flags:
            blocks += [Paragraph(flag, bullet=True, space_after=3) for flag in self.flags]
        else:
            blocks.append(Paragraph(_("No warning for this period.")))
        blocks.append(Heading(_("Integrity"), 2))
        blocks.append(Fields(self._integrity_fields()))
        blocks.append(Paragraph(self.integrity.how_to_check, small=True))
        blocks.append(Heading(_("Records of the period"), 1))
        blocks.append(Paragraph(self.legend, small=True))
        blocks.append(Paragraph(self.deletion_sentence, small=True))
        for section in self.sections:
            blocks.append(Heading(section.heading, 2))
            for note in section.notes:
                blocks.append(Paragraph(note, small=True))
            if section.table.rows:
                blocks.append(section.table)
            else:
                blocks.append(Paragraph(section.empty, small=True))
        blocks.append(Heading(_("Attachments"), 2))
        if self.attachments:
            blocks.append(self._attachment_table())
            images = tuple(
                ImageItem(a.path, f"{a.file_name}\nSHA-256 {a.sha256[:16]}…")
                for a in self.attachments
                if a.is_image and a.path
            )
            if images:
                blocks.append(Images(images))
        else:
            blocks.append(Paragraph(_("No attachment is linked to these records."), small=True))
        return Document(
            title=f"{self.title} — {self.period_text}",
            language=self.language,
            blocks=blocks,
            header_left=_("{platform} — evidence report").format(platform=self.platform.name),
            header_right=self.period_text,
            footer_left=_("Data fingerprint (SHA-256) {short}…").format(
                short=self.fingerprint[:16]
            ),
            page_label=_("Page {page} of {pages}"),
            files=[EmbeddedFile(self.csv_name, self.csv_bytes, "text/csv")],
            author=self.worker or "",
            subject=_("Evidence report for {platform}, {period}").format(
                platform=self.platform.name, period=self.period_text
            ),
        )

    def _integrity_fields(self) -> tuple[tuple[str, str], ...]:
        _ = self.text.gettext
        integrity = self.integrity
        if integrity.verified is None:
            state = _("not checked when this report was made")
        elif integrity.verified:
            state = _("intact: every record and audit entry checked out")
        else:
            state = self.text.ngettext(
                "{count} problem found: {problems}",
                "{count} problems found: {problems}",
                len(integrity.problems),
            ).format(count=len(integrity.problems), problems=" ".join(integrity.problems[:5]))
        return (
            (_("Data fingerprint (SHA-256)"), integrity.fingerprint),
            (_("Attached data file"), integrity.csv_name),
            (_("Audit chain head"), integrity.chain_head),
            (_("Audit entries"), self.text.number(integrity.audit_entries)),
            (_("Check of the database"), state),
        )

    def _attachment_table(self) -> Table:
        _ = self.text.gettext
        columns = (
            Column(_("File"), 0.22),
            Column(_("Type"), 0.11),
            Column(_("Size"), 0.08, "right"),
            Column(_("Linked to"), 0.14),
            Column(_("SHA-256"), 0.30),
            Column(_("File check"), 0.15),
        )
        rows: list[tuple[str, ...]] = [
            (a.file_name, a.media_type, self.text.number(a.size), a.linked, a.sha256, a.check)
            for a in self.attachments
        ]
        return Table(_("Attachments"), columns, rows, continued=_("(continued)"))


class _CsvRows:
    """The canonical CSV, row by row."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, values: dict[str, Any]) -> None:
        row: list[Any] = [None] * len(CSV_COLUMNS)
        for key, value in values.items():
            row[_CSV_INDEX[key]] = value
        self.writer.writerow(row)  # None is written as an empty field

    def data(self) -> bytes:
        return self.buffer.getvalue().encode("utf-8")


class EvidenceService:
    """Builds evidence reports and letters from the ledger (for the CLI and the window)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    # -- the evidence report ------------------------------------------------------------------

    def build(
        self,
        platform: str,
        first: date,
        end: date,
        *,
        language: str | None = None,
        name: str | None = None,
        statuses: Iterable[str] | None = None,
        verify: bool = True,
    ) -> EvidenceDocument:
        """The evidence report for `platform` over local days [first, end).

        `statuses` keeps only the tasks with those statuses in the detail (and the
        attached data); the summary always covers the whole period. `verify` runs the
        audit check and states its result.
        """
        services = self._services
        text = self._text(language)
        _ = text.gettext
        if end <= first:
            raise InvalidInput(
                text.core.gettext("The --to date {last} is before the --from date {first}.").format(
                    last=end - timedelta(days=1), first=first
                )
            )
        subset = self._statuses(statuses, text)
        ctx = replace(services.ctx, tr=text.core)
        period = Period.of_days(first, end, ctx.zone)
        start, stop = int(period.start.timestamp()), int(period.stop.timestamp())
        now = ctx.now()
        now_s = int(now.timestamp())
        times = LocalTimes(ctx.zone)
        with ctx.db.read() as session:
            info = PlatformInfo.of(find_platform(session, platform, text.core))
            raw = _RawRecords.read(session, info.id, start, stop, subset)
            edits = _edits(session, raw)
            deletions = _deletions(session, info.id, start, stop)
            attachment_rows = _attachments(session, raw, info.id)
        report = ReportService(ctx, services.settings, services.rates).report(
            first, end, info.name
        ).platforms[0]
        settings = services.settings.current()
        limits = settings.thresholds(info.min_wage, info.max_payout_days, info.max_review_days)
        count, head = services.audit.head()
        problems: list[str] = []
        verified: bool | None = None
        if verify:
            checked = services.audit.verify()
            verified = checked.intact
            problems = [p.message for p in checked.problems]

        csv_rows = _CsvRows()
        csv_rows.add(
            {
                "record": "platform",
                "id": info.id,
                "platform": info.name,
                "currency": info.currency,
                "url": info.url,
                "account": info.account_ref,
                "origin": raw.platform_row[0],
                "recorded_at": iso_utc(raw.platform_row[1]),
                "edited_at": iso_utc(raw.platform_row[2]),
                "row_hash": raw.platform_row[3],
            }
        )
        builder = _SectionBuilder(text, times, info, now_s, edits, csv_rows)
        sections = [
            builder.sessions(raw.sessions),
            builder.tasks(raw.tasks, subset, raw.tasks_in_period),
            builder.payouts(raw.payouts),
            builder.events(raw.events),
        ]
        folder = ctx.db.path.parent / ATTACHMENTS_FOLDER
        attachments = builder.attachments(attachment_rows, folder)
        csv_bytes = csv_rows.data()
        fingerprint = fingerprint_of(csv_bytes)
        last = end - timedelta(days=1)
        csv_name = f"clickwage-{slug(info.name)}-{first.isoformat()}-{last.isoformat()}.csv"

        zone = zone_name(ctx.zone)
        generated = _("{local} ({zone}), that is {utc} UTC, by Clickwage {version}").format(
            local=times.stamp(now_s),
            zone=zone,
            utc=time.strftime("%Y-%m-%d %H:%M", time.gmtime(now_s)),
            version=__version__,
        )
        platform_value = info.name + (f" ({info.url})" if info.url else "")
        header = [
            (_("Worker"), name or _("(name not given)")),
            (_("Platform"), platform_value),
            (_("Account"), info.account_ref or _("(not recorded)")),
            (
                _("Period"),
                _("{first} to {last}, days cut in the {zone} time zone").format(
                    first=first.isoformat(), last=last.isoformat(), zone=zone
                ),
            ),
            (_("Generated"), generated),
            (
                _("Currencies"),
                _("{platform} pays in {currency}; home currency {home}").format(
                    platform=info.name, currency=info.currency, home=settings.home_currency
                ),
            ),
        ]
        how = _(
            "Anyone can check this report: the SHA-256 of the attached file {file} must equal "
            "the data fingerprint above (for example `sha256sum {file}`, or `certutil -hashfile "
            "{file} SHA256` on Windows), and on the worker's computer `clickwage verify` must "
            "find the database intact with audit entry {entry} still ending in the chain head "
            "above."
        ).format(file=csv_name, entry=count)
        integrity = Integrity(fingerprint, csv_name, head, count, verified, problems, how)
        legend = _(
            "For each record, “Entered” says how it was made — timer (live): recorded by the "
            "timer as the work happened; typed in: entered by hand; import: read from a "
            "platform's file — and when it was first recorded. Records changed after that, "
            "other than a task's decision or a payout's arrival, are shaded and say “edited” "
            "with the date of the last change; the audit log keeps every version. Times are "
            "local ({zone})."
        ).format(zone=zone)
        return EvidenceDocument(
            language=text.language,
            platform=info,
            first=first,
            last=last,
            generated_at=now,
            worker=name or None,
            title=_("Evidence report: {platform}").format(platform=info.name),
            header=header,
            summary=self._summary(text, report, raw, limits.min_wage, settings.home_currency,
                                  now_s),
            flags=[flag.message for flag in report.flags],
            sections=sections,
            legend=legend,
            deletions=deletions,
            deletion_sentence=_deletion_sentence(text, deletions),
            attachments=attachments,
            integrity=integrity,
            csv_name=csv_name,
            csv_bytes=csv_bytes,
            report=report,
            task_ids=[row[0] for row in raw.tasks],
            text=text,
        )

    # -- letters ------------------------------------------------------------------------------

    def letter(
        self,
        platform: str,
        kind: str,
        *,
        language: str | None = None,
        name: str | None = None,
        days: int | None = None,
        first: date | None = None,
        end: date | None = None,
    ) -> Letter:
        """A letter filled from the ledger.

        `days`: the deadline (demand: 15 days by default; explanation: two weeks).
        `first`/`end` (local days [first, end)): the rejections an explanation letter
        lists; by default those decided over the last flag_window_days days.
        """
        text = self._text(language)
        if kind not in LETTER_KINDS:
            raise InvalidInput(
                text.gettext("{value!r} is not a kind of letter (use one of: {choices}).").format(
                    value=kind, choices=", ".join(LETTER_KINDS)
                )
            )
        if days is None:
            days = DEFAULT_DEMAND_DAYS if kind == "demand" else REVIEW_REPLY_DAYS
        if not 1 <= days <= 365:
            raise InvalidInput(
                text.gettext("{value!r} is not a number of days between 1 and 365.").format(
                    value=days
                )
            )
        if first is not None and end is not None and end <= first:
            raise InvalidInput(
                text.core.gettext("The --to date {last} is before the --from date {first}.").format(
                    last=end - timedelta(days=1), first=first
                )
            )
        ctx = replace(self._services.ctx, tr=text.core)
        window = self._services.settings.current().flag_window_days
        with ctx.db.read() as session:
            facts = _gather_letter_facts(session, ctx, text, platform, first, end, window)
        writer = _LetterWriter(text, facts, name, ctx.zone, int(ctx.now().timestamp()))
        return writer.letter(kind, days)

    def _text(self, language: str | None) -> EvidenceText:
        chosen = language or self._services.ctx.tr.language
        if chosen not in SUPPORTED_LANGUAGES:
            raise InvalidInput(
                f"{chosen!r} is not a supported language (use one of: "
                f"{', '.join(SUPPORTED_LANGUAGES)})."
            )
        return EvidenceText(chosen)

    def _statuses(self, statuses: Iterable[str] | None, text: EvidenceText) -> frozenset[str]:
        if statuses is None:
            return frozenset()
        chosen = frozenset(statuses)
        known = {s.value for s in TaskStatus}
        unknown = sorted(chosen - known)
        if unknown:
            raise InvalidInput(
                text.gettext("{value!r} is not a task status (use one of: {choices}).").format(
                    value=unknown[0], choices=", ".join(sorted(known))
                )
            )
        return chosen

    def _summary(
        self,
        text: EvidenceText,
        report: PlatformReport,
        raw: _RawRecords,
        min_wage: int,
        home: str,
        now: int,
    ) -> list[str]:
        _ = text.gettext
        cur = report.platform.currency
        name = report.platform.name
        t = report.time
        sentences: list[str] = []
        unpaid_parts = [
            f"{text.activity(kind)} {text.duration(seconds)}"
            for kind, seconds in t.seconds_by_activity.items()
            if seconds
        ]
        sentences.append(
            _(
                "Time worked: {total}, of which {paid} on paid tasks and {unpaid} unpaid{detail}."
            ).format(
                total=text.duration(t.seconds_total),
                paid=text.duration(t.seconds_task),
                unpaid=text.duration(t.seconds_unpaid),
                detail=f" ({', '.join(unpaid_parts)})" if unpaid_parts else "",
            )
        )
        counts = report.totals.counts
        total_tasks = sum(counts.values())
        by_status = ", ".join(
            text.status_count(s.value, counts[s.value]) for s in TaskStatus if counts.get(s.value)
        )
        sentences.append(
            text.ngettext(
                "Tasks: {count} in the period{detail}.",
                "Tasks: {count} in the period{detail}.",
                total_tasks,
            ).format(count=text.number(total_tasks), detail=f" ({by_status})" if by_status else "")
        )
        sentences.append(
            _("Earned: {earned} (bonuses {bonus} included); payout fees {fees}; net {net}.").format(
                earned=text.money(report.earned, cur),
                bonus=text.money(report.totals.bonus, cur),
                fees=text.money(report.fees, cur),
                net=text.money(report.net, cur),
            )
        )
        sentences.append(
            _("Awaiting review: {pending} ({pending_tasks}); rejected: {rejected} "
              "({rejected_tasks}).").format(
                pending=text.money(report.totals.pending_value, cur),
                pending_tasks=_task_count(text, counts.get(TaskStatus.PENDING.value, 0)),
                rejected=text.money(report.totals.rejected_value, cur),
                rejected_tasks=_task_count(text, counts.get(TaskStatus.REJECTED.value, 0)),
            )
        )
        for code, other in sorted(report.other_currencies.items()):
            sentences.append(
                _(
                    "Also in {currency}: earned {earned}, awaiting review {pending}, "
                    "rejected {rejected}."
                ).format(
                    currency=code,
                    earned=text.money(other.earned_with_bonus, code),
                    pending=text.money(other.pending_value, code),
                    rejected=text.money(other.rejected_value, code),
                )
            )
        requested = [p for p in raw.payouts if p[7] != PayoutStatus.CANCELLED.value]
        waiting = [p for p in requested if p[7] == PayoutStatus.REQUESTED.value]
        if not requested:
            sentences.append(_("Payouts: none requested in the period."))
        else:
            sentence = text.ngettext(
                "Payouts: {count} requested in the period, {amount}.",
                "Payouts: {count} requested in the period, {amount} in all.",
                len(requested),
            ).format(count=text.number(len(requested)),
                     amount=_amounts(text, ((p[2], p[3]) for p in requested)))
            if waiting:
                oldest = max((now - int(p[8])) // DAY for p in waiting)
                sentence += " " + text.ngettext(
                    "{count} is still waiting: {amount}, for {days} days.",
                    "{count} are still waiting: {amount}, the oldest for {days} days.",
                    len(waiting),
                ).format(
                    count=text.number(len(waiting)),
                    amount=_amounts(text, ((p[2], p[3]) for p in waiting)),
                    days=text.number(oldest),
                )
            else:
                sentence += " " + _("None is still waiting.")
            sentences.append(sentence)
        if report.withheld:
            sentences.append(
                _("Balance withheld by {platform}: {amount}, not released.").format(
                    platform=name, amount=text.money(report.withheld, cur)
                )
            )
        else:
            sentences.append(_("No balance withheld in the period."))
        threshold = text.hourly(Decimal(min_wage).scaleb(-_digits(home)), home)
        if report.home is None or report.home.effective_hourly is None:
            if t.seconds_total == 0:
                sentences.append(
                    _("Real hourly wage: cannot be computed, no working time was recorded.")
                )
            else:
                sentences.append(
                    _(
                        "Real hourly wage, counting unpaid time: {wage}; it cannot be compared "
                        "with your threshold of {threshold} without exchange rates."
                    ).format(wage=text.hourly(report.effective_hourly, cur), threshold=threshold)
                )
        else:
            home_wage = report.home.effective_hourly
            below = home_wage * (10 ** _digits(home)) < min_wage
            wage = text.hourly(report.effective_hourly, cur)
            if cur != home:
                wage += f" ({text.hourly(home_wage, home)})"
            verdict = _("below the threshold") if below else _("at or above the threshold")
            sentences.append(
                _(
                    "Real hourly wage, counting unpaid time: {wage}, {verdict} of {threshold}; "
                    "per hour of paid tasks only: {nominal}."
                ).format(
                    wage=wage,
                    verdict=verdict,
                    threshold=threshold,
                    nominal=text.hourly(report.nominal_hourly, cur),
                )
            )
        return sentences


def _task_count(text: EvidenceText, count: int) -> str:
    return text.ngettext("{count} task", "{count} tasks", count).format(count=text.number(count))


def _amounts(text: EvidenceText, pairs: Iterable[tuple[int, str]]) -> str:
    """Amounts summed per currency: "£12.00" or "£12.00 + $3.00"."""
    sums: dict[str, int] = defaultdict(int)
    for minor, currency in pairs:
        sums[currency] += int(minor)
    return " + ".join(text.money(sums[c], c) for c in sorted(sums)) or text.money(0, "EUR")


def _deletion_sentence(text: EvidenceText, deletions: dict[str, int]) -> str:
    _ = text.gettext
    if not deletions:
        return _("Deletions: the audit log shows no record of this platform and period deleted.")
    parts = []
    for table in ("work_sessions", "tasks", "payouts", "account_events"):
        count = deletions.get(table, 0)
        if not count:
            continue
        if table == "work_sessions":
            phrase = text.ngettext("{count} work session", "{count} work sessions", count)
        elif table == "tasks":
            phrase = text.ngettext("{count} task", "{count} tasks", count)
        elif table == "payouts":
            phrase = text.ngettext("{count} payout", "{count} payouts", count)
        else:
            phrase = text.ngettext("{count} account event", "{count} account events", count)
        parts.append(phrase.format(count=text.number(count)))
    return _(
        "Deletions: the audit log shows {records} of this platform and period deleted; "
        "their last content stays in the audit log."
    ).format(records=", ".join(parts))


@dataclass
class _RawRecords:
    platform_row: tuple[Any, ...]
    sessions: list[tuple[Any, ...]]
    tasks: list[tuple[Any, ...]]
    tasks_in_period: int
    payouts: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]

    @classmethod
    def read(
        cls, session: Session, pid: int, start: int, stop: int, subset: frozenset[str]
    ) -> _RawRecords:
        P, S, T = Platform.__table__, WorkSession.__table__, Task.__table__
        PO, E = Payout.__table__, AccountEvent.__table__
        platform_row = tuple(
            session.execute(
                select(P.c.origin, _epoch(P.c.recorded_at), _epoch(P.c.edited_at), P.c.row_hash)
                .where(P.c.id == pid)
            ).one()
        )
        sessions = [
            tuple(row)
            for row in session.execute(
                select(
                    S.c.id, S.c.activity, _epoch(S.c.started_at), _epoch(S.c.ended_at), S.c.note,
                    S.c.origin, _epoch(S.c.recorded_at), _epoch(S.c.edited_at), S.c.row_hash,
                )
                .where(
                    S.c.platform_id == pid,
                    _epoch(S.c.started_at) < stop,
                    (S.c.ended_at.is_(None)) | (_epoch(S.c.ended_at) > start),
                )
                .order_by(S.c.started_at, S.c.id)
            )
        ]
        in_period = (
            T.c.platform_id == pid, _epoch(T.c.work_at) >= start, _epoch(T.c.work_at) < stop
        )
        query = (
            select(
                T.c.id, T.c.external_id, T.c.title, T.c.requester, T.c.status, T.c.reward,
                T.c.earned, T.c.bonus, T.c.currency, _epoch(T.c.started_at),
                _epoch(T.c.submitted_at), _epoch(T.c.decided_at), T.c.duration_s, T.c.reason,
                T.c.note, T.c.session_id, _epoch(T.c.work_at), T.c.origin,
                _epoch(T.c.recorded_at), _epoch(T.c.edited_at), T.c.row_hash,
            )
            .where(*in_period)
            .order_by(T.c.platform_id, T.c.work_at, T.c.id)
        )
        if subset:
            query = query.where(T.c.status.in_(sorted(subset)))
        tasks = [tuple(row) for row in session.execute(query)]
        tasks_in_period = len(tasks)
        if subset:
            from sqlalchemy import func

            tasks_in_period = int(
                session.execute(select(func.count()).select_from(T).where(*in_period)).scalar()
                or 0
            )
        payouts = [
            tuple(row)
            for row in session.execute(
                select(
                    PO.c.id, PO.c.asks_for_money, PO.c.amount, PO.c.currency, PO.c.fee, PO.c.method,
                    PO.c.reference, PO.c.status, _epoch(PO.c.requested_at),
                    _epoch(PO.c.received_at), PO.c.received_amount, PO.c.received_currency,
                    PO.c.note, PO.c.origin, _epoch(PO.c.recorded_at), _epoch(PO.c.edited_at),
                    PO.c.row_hash,
                )
                .where(
                    PO.c.platform_id == pid,
                    _epoch(PO.c.requested_at) >= start,
                    _epoch(PO.c.requested_at) < stop,
                )
                .order_by(PO.c.requested_at, PO.c.id)
            )
        ]
        events = [
            tuple(row)
            for row in session.execute(
                select(
                    E.c.id, E.c.kind, _epoch(E.c.at), E.c.amount, E.c.currency, E.c.note,
                    E.c.origin, _epoch(E.c.recorded_at), _epoch(E.c.edited_at), E.c.row_hash,
                )
                .where(E.c.platform_id == pid, _epoch(E.c.at) >= start, _epoch(E.c.at) < stop)
                .order_by(E.c.at, E.c.id)
            )
        ]
        return cls(platform_row, sessions, tasks, tasks_in_period, payouts, events)

    def candidates(self) -> dict[str, dict[int, tuple[int, int]]]:
        """Records changed after they were first recorded: table → id → (recorded, edited)."""
        found: dict[str, dict[int, tuple[int, int]]] = {}
        for table, rows, recorded in (
            ("work_sessions", self.sessions, 6),
            ("tasks", self.tasks, 18),
            ("payouts", self.payouts, 14),
            ("account_events", self.events, 7),
        ):
            changed = {
                int(row[0]): (int(row[recorded]), int(row[recorded + 1]))
                for row in rows
                if row[recorded + 1] is not None and row[recorded + 1] > row[recorded]
            }
            if changed:
                found[table] = changed
        return found

    def ids(self) -> dict[str, set[int]]:
        return {
            "work_sessions": {int(row[0]) for row in self.sessions},
            "tasks": {int(row[0]) for row in self.tasks},
            "payouts": {int(row[0]) for row in self.payouts},
            "account_events": {int(row[0]) for row in self.events},
        }


def _edits(session: Session, raw: _RawRecords) -> dict[tuple[str, int], int]:
    """(table, id) → when it was last edited after the fact (decisions and arrivals excluded).

    A record changed after it was first recorded with no audit entry explaining the
    change counts as edited (at its edited_at): `verify` reports how it happened.
    """
    candidates = raw.candidates()
    if not candidates:
        return {}
    lowest = min(recorded for ids in candidates.values() for recorded, _ in ids.values())
    A = AuditEntry.__table__
    query = select(A.c.entity, A.c.entity_id, _epoch(A.c.at), A.c.details).where(
        A.c.action.in_(("update", "status")),
        A.c.entity.in_(sorted(candidates)),
        _epoch(A.c.at) >= lowest,
    )
    edited: dict[tuple[str, int], int] = {}
    explained: set[tuple[str, int]] = set()
    for entity, entity_id, at, details in session.execute(query):
        ids = candidates.get(entity)
        if entity_id is None or ids is None or int(entity_id) not in ids:
            continue
        key = (entity, int(entity_id))
        explained.add(key)
        try:
            changes = json.loads(details or "{}")
        except ValueError:
            changes = {"?": [None, None]}
        if _is_edit(entity, changes):
            edited[key] = max(int(at), edited.get(key, 0))
    for table, ids in candidates.items():
        for record_id, (_recorded, edited_at) in ids.items():
            if (table, record_id) not in explained:
                edited[(table, record_id)] = edited_at
    return edited


def _is_edit(table: str, changes: Any) -> bool:
    if not isinstance(changes, dict):
        return True
    lifecycle = _LIFECYCLE_KEYS.get(table, frozenset())
    first_set = _FIRST_SET_KEYS.get(table, frozenset())
    for key, change in changes.items():
        if key in lifecycle:
            continue
        if (
            key in first_set
            and isinstance(change, list)
            and len(change) == 2
            and change[0] is None
        ):
            continue
        return True
    return False


_DATE_OF_DELETED = {
    "work_sessions": "started_at",
    "tasks": "work_at",
    "payouts": "requested_at",
    "account_events": "at",
}
_MODEL_OF_TABLE: dict[str, Any] = {
    "work_sessions": WorkSession,
    "tasks": Task,
    "payouts": Payout,
    "account_events": AccountEvent,
}


def _deletions(session: Session, pid: int, start: int, stop: int) -> dict[str, int]:
    """Records of the platform and period the app deleted (and did not put back)."""
    A = AuditEntry.__table__
    deleted: dict[str, set[int]] = defaultdict(set)
    query = select(A.c.entity, A.c.entity_id, A.c.details).where(
        A.c.action == "delete", A.c.entity.in_(sorted(_DATE_OF_DELETED))
    )
    for entity, entity_id, details in session.execute(query):
        try:
            values = json.loads(details or "{}")
        except ValueError:
            continue
        if not isinstance(values, dict) or values.get("platform_id") != pid:
            continue
        when = values.get(_DATE_OF_DELETED[entity])
        if entity == "work_sessions":
            ended = values.get("ended_at")
            inside = isinstance(when, int) and when < stop and (ended is None or ended > start)
        else:
            inside = isinstance(when, int) and start <= when < stop
        if inside and entity_id is not None:
            deleted[entity].add(int(entity_id))
    counts: dict[str, int] = {}
    for entity, ids in deleted.items():
        model = _MODEL_OF_TABLE[entity]
        back = set(session.scalars(select(model.id).where(model.id.in_(sorted(ids)))))
        if len(ids - back):
            counts[entity] = len(ids - back)
    return counts


def _attachments(session: Session, raw: _RawRecords, pid: int) -> list[tuple[Any, ...]]:
    """Attachments of the listed records, and of the platform itself (whatever the period)."""
    ids: dict[str, set[int]] = {**raw.ids(), "platforms": {pid}}
    A = Attachment.__table__
    rows = session.execute(
        select(
            A.c.id, A.c.sha256, A.c.file_name, A.c.size, A.c.media_type, A.c.record_type,
            A.c.record_id, A.c.origin, _epoch(A.c.recorded_at), _epoch(A.c.edited_at),
            A.c.row_hash,
        ).order_by(A.c.id)
    )
    kept = []
    for row in rows:
        table = _RECORD_OF_TYPE.get(str(row[5]).lower())
        if table is not None and int(row[6]) in ids[table]:
            kept.append((*tuple(row), table))
    return kept


class _SectionBuilder:
    """Table rows and CSV rows of each kind of record."""

    def __init__(
        self,
        text: EvidenceText,
        times: LocalTimes,
        platform: PlatformInfo,
        now: int,
        edits: dict[tuple[str, int], int],
        csv_rows: _CsvRows,
    ) -> None:
        self.text, self.times, self.platform = text, times, platform
        self.now, self.edits, self.csv = now, edits, csv_rows
        self._ = text.gettext
        self._origins: dict[str, str] = {}

    def entered(self, table: str, record_id: int, origin: str, recorded: int) -> tuple[str, bool]:
        label = self._origins.get(origin)
        if label is None:
            label = self._origins[origin] = self.text.origin(origin)
        cell = f"{label}\n{self.times.stamp(recorded)}"
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
        for index, (sid, activity, started, ended, note, origin, recorded, edited, digest) in (
            enumerate(rows)
        ):
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
        return Section("sessions", _("Work sessions"), table, notes,
                       _("No work session in this period."))

    def tasks(
        self, rows: list[tuple[Any, ...]], subset: frozenset[str], in_period: int
    ) -> Section:
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
        add_row = table.rows.append
        write_csv = self.csv.writer.writerow
        blank: list[Any] = [None] * len(CSV_COLUMNS)
        at = _CSV_INDEX
        name = self.platform.name
        paid_statuses = PAID_STATUSES
        approved = TaskStatus.APPROVED.value
        for index, row in enumerate(rows):
            (tid, external_id, title, requester, status, reward, earned, bonus, currency,
             started, submitted, decided, duration, reason, note, session_id, _work_at,
             origin, recorded, edited, digest) = row
            entered, mark = self.entered("tasks", tid, origin, recorded)
            if mark:
                marked.add(index)
            label = statuses.get(status)
            if label is None:
                label = statuses[status] = text.status(status)
            if submitted is not None:
                when = times.two_lines(submitted)
            elif started is not None:
                when = f"{started_word}\n{times.two_lines(started)}"
            else:
                when = ""
            paid = ""
            if status in paid_statuses or bonus:
                counted = (earned if earned is not None else reward) if status == approved else (
                    earned or 0 if status in paid_statuses else 0
                )
                paid = money(counted + (bonus or 0), currency)
            remark = reason or ""
            if note:
                remark = f"{remark}\n{note}" if remark else note
            add_row(
                (
                    when,
                    external_id or "",
                    title or "",
                    requester or "",
                    money(reward, currency),
                    paid,
                    label,
                    times.two_lines(decided),
                    remark,
                    entered,
                )
            )
            csv_row = blank.copy()
            csv_row[at["record"]] = "task"
            csv_row[at["id"]] = tid
            csv_row[at["platform"]] = name
            csv_row[at["external_id"]] = external_id
            csv_row[at["title"]] = title
            csv_row[at["requester"]] = requester
            csv_row[at["status"]] = status
            csv_row[at["currency"]] = currency
            csv_row[at["reward"]] = plain_amount(reward, currency)
            csv_row[at["earned"]] = plain_amount(earned, currency)
            csv_row[at["bonus"]] = plain_amount(bonus, currency)
            csv_row[at["started_at"]] = iso_utc(started)
            csv_row[at["submitted_at"]] = iso_utc(submitted)
            csv_row[at["decided_at"]] = iso_utc(decided)
            csv_row[at["duration_s"]] = duration
            csv_row[at["reason"]] = reason
            csv_row[at["note"]] = note
            csv_row[at["session_id"]] = session_id
            csv_row[at["origin"]] = origin
            csv_row[at["recorded_at"]] = iso_utc(recorded)
            csv_row[at["edited_at"]] = iso_utc(edited)
            csv_row[at["row_hash"]] = digest
            write_csv(csv_row)
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
            (pid, asks, amount, currency, fee, method, reference, status, requested, received,
             received_amount, received_currency, note, origin, recorded, edited, digest) = row
            entered, mark = self.entered("payouts", pid, origin, recorded)
            if mark:
                marked.add(index)
            if received is not None:
                delay = _("{days} d").format(
                    days=text.number(_round_days(received - requested))
                )
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
        return Section("payouts", _("Payouts"), table, [],
                       _("No payout requested in this period."))

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
        for index, (eid, kind, at, amount, currency, note, origin, recorded, edited, digest) in (
            enumerate(rows)
        ):
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
        return Section("events", _("Account events"), table, [],
                       _("No account event in this period."))

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
        for (aid, digest, file_name, size, media_type, _record_type, record_id, origin,
             recorded, edited, row_hash, table) in rows:
            path = _attachment_file(folder, str(digest), str(file_name))
            if path is None:
                check, usable = _("file not found beside the database"), None
            elif _file_sha256(path) == str(digest).lower():
                check, usable = _("file found, SHA-256 matches"), str(path)
            else:
                check, usable = _("file found but its SHA-256 differs: it was changed"), None
            found.append(
                AttachmentEntry(
                    int(aid), str(file_name), str(media_type), int(size), str(digest),
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


# -- letters ---------------------------------------------------------------------------------


@dataclass
class Letter:
    """A letter ready to review, edit, sign and send; `document()` lays it out for printing."""

    kind: str  # demand, gdpr-access, explanation
    language: str
    platform: str
    sender: str  # lines
    recipient: str  # lines
    place_date: str
    delivery: str  # how to send it (may be empty)
    subject: str
    body: str  # paragraphs separated by blank lines
    signature: str
    amounts: list[tuple[str, str]] = field(default_factory=list)  # demand: (what, amount)
    total: str = ""
    deadline: date | None = None
    subject_label: str = "Subject:"
    page_label: str = "Page {page} of {pages}"

    def edited(
        self,
        *,
        sender: str | None = None,
        recipient: str | None = None,
        subject: str | None = None,
        body: str | None = None,
        signature: str | None = None,
    ) -> Letter:
        """The letter with the parts the user changed."""
        return replace(
            self,
            sender=self.sender if sender is None else sender,
            recipient=self.recipient if recipient is None else recipient,
            subject=self.subject if subject is None else subject,
            body=self.body if body is None else body,
            signature=self.signature if signature is None else signature,
        )

    def paragraphs(self) -> list[str]:
        parts = re.split(r"\n[ \t]*\n", self.body.replace("\r\n", "\n").strip())
        return [p.strip("\n") for p in parts if p.strip()]

    def full_text(self) -> str:
        """The whole letter as plain text (for copying into an e-mail)."""
        head = [self.sender, "", self.recipient, "", self.place_date]
        if self.delivery:
            head += ["", self.delivery]
        head += ["", f"{self.subject_label} {self.subject}", "", ""]
        return "\n".join(head) + "\n\n".join(self.paragraphs()) + "\n\n" + self.signature + "\n"

    def document(self) -> Document:
        blocks: list[Block] = [
            Paragraph(self.sender.strip(), space_after=14),
            Paragraph(self.recipient.strip(), indent=0.5, space_after=18),
            Paragraph(self.place_date, align="right", space_after=14),
        ]
        if self.delivery:
            blocks.append(Paragraph(self.delivery, bold=True, small=True, space_after=6))
        blocks.append(Paragraph(f"{self.subject_label} {self.subject}", bold=True,
                                space_after=14))
        blocks += [Paragraph(p, space_after=8) for p in self.paragraphs()]
        blocks.append(Spacer(10))
        blocks.append(Paragraph(self.signature.strip(), indent=0.5, keep_together=True))
        return Document(
            title=self.subject,
            language=self.language,
            blocks=blocks,
            page_label=self.page_label,
            author=_author(self.sender),
            subject=self.subject,
        )


def _author(sender: str) -> str:
    """The sender's first line, unless it is still a blank to fill in."""
    first = sender.strip().splitlines()[0].strip() if sender.strip() else ""
    return "" if first.startswith("[") else first


@dataclass
class _Decision:
    kind: str
    at: int
    amount: int | None
    currency: str
    note: str | None


@dataclass
class _LetterFacts:
    platform: PlatformInfo
    today: date
    waiting: list[tuple[int, int, str, str | None]]  # requested, amount, currency, reference
    withheld: _Decision | None
    decisions: list[_Decision]  # unresolved suspensions, closures, withheld balances
    earned: dict[str, int]
    paid_out: dict[str, int]  # received or still waiting
    rejections: list[tuple[int, str | None, str | None, int, str, str | None]]
    rejected_count: int
    rejected_value: dict[str, int]
    rejections_from: date
    rejections_to: date

    def unpaid(self) -> dict[str, int]:
        result = {}
        for currency, earned in self.earned.items():
            left = earned - self.paid_out.get(currency, 0)
            if left > 0:
                result[currency] = left
        return result


def _gather_letter_facts(
    session: Session,
    ctx: ServiceContext,
    text: EvidenceText,
    platform: str,
    first: date | None,
    end: date | None,
    window_days: int,
) -> _LetterFacts:
    info = PlatformInfo.of(find_platform(session, platform, text.core))
    pid = info.id
    now = ctx.now()
    today = local_date(now, ctx.zone)
    PO, E, T = Payout.__table__, AccountEvent.__table__, Task.__table__
    waiting: list[tuple[int, int, str, str | None]] = []
    paid_out: dict[str, int] = defaultdict(int)
    for status, amount, currency, requested, reference in session.execute(
        select(PO.c.status, PO.c.amount, PO.c.currency, _epoch(PO.c.requested_at), PO.c.reference)
        .where(PO.c.platform_id == pid)
        .order_by(PO.c.requested_at, PO.c.id)
    ):
        if status == PayoutStatus.REQUESTED.value:
            waiting.append((int(requested), int(amount), str(currency), reference))
        if status in (PayoutStatus.REQUESTED.value, PayoutStatus.RECEIVED.value):
            paid_out[str(currency)] += int(amount)
    decisions: list[_Decision] = []
    for kind, at, amount, currency, note in session.execute(
        select(E.c.kind, _epoch(E.c.at), E.c.amount, E.c.currency, E.c.note)
        .where(E.c.platform_id == pid, _epoch(E.c.at) <= int(now.timestamp()))
        .order_by(E.c.at, E.c.id)
    ):
        if kind == EventKind.RESOLVED.value:
            decisions = []
        elif kind in WITHHOLDING_EVENTS:
            decisions.append(_Decision(str(kind), int(at), _int(amount), str(currency), note))
    withheld = next((d for d in reversed(decisions) if d.amount), None)
    totals: dict[str, TaskTotals] = defaultdict(TaskTotals)
    from sqlalchemy import func

    for currency, status, count, reward, earned, earned_or_reward, bonus in session.execute(
        select(
            T.c.currency,
            T.c.status,
            func.count(),
            func.coalesce(func.sum(T.c.reward), 0),
            func.coalesce(func.sum(func.coalesce(T.c.earned, 0)), 0),
            func.coalesce(func.sum(func.coalesce(T.c.earned, T.c.reward)), 0),
            func.coalesce(func.sum(T.c.bonus), 0),
        )
        .where(T.c.platform_id == pid)
        .group_by(T.c.currency, T.c.status)
    ):
        totals[str(currency)].add_group(
            status, int(count), int(reward), int(earned), int(earned_or_reward), int(bonus)
        )
    earned_by_currency = {c: t.earned_with_bonus for c, t in totals.items()}
    if first is not None and end is not None:
        low = Period.of_days(first, end, ctx.zone)
        start_s, stop_s = int(low.start.timestamp()), int(low.stop.timestamp())
        rejections_from, rejections_to = first, end - timedelta(days=1)
    else:
        stop_s = int(now.timestamp()) + 1
        start_s = stop_s - 1 - window_days * DAY
        rejections_from = local_date(datetime.fromtimestamp(start_s, UTC), ctx.zone)
        rejections_to = today
    rejected = [
        (int(decided), external_id, title, int(reward), str(currency), reason)
        for decided, external_id, title, reward, currency, reason in session.execute(
            select(
                _epoch(T.c.decided_at), T.c.external_id, T.c.title, T.c.reward, T.c.currency,
                T.c.reason,
            )
            .where(
                T.c.platform_id == pid,
                T.c.status == TaskStatus.REJECTED.value,
                _epoch(T.c.decided_at) >= start_s,
                _epoch(T.c.decided_at) < stop_s,
            )
            .order_by(T.c.decided_at.desc(), T.c.id.desc())
        )
    ]
    value: dict[str, int] = defaultdict(int)
    for row in rejected:
        value[row[4]] += row[3]
    return _LetterFacts(
        info, today, waiting, withheld, decisions, earned_by_currency, dict(paid_out),
        rejected[:MAX_LISTED_REJECTIONS], len(rejected), dict(value), rejections_from,
        rejections_to,
    )


class _LetterWriter:
    """Fills one language's templates with the facts."""

    def __init__(
        self, text: EvidenceText, facts: _LetterFacts, name: str | None, zone: tzinfo, now: int
    ) -> None:
        self.text, self.facts, self.now = text, facts, now
        self.t = _LETTERS[text.language]
        self.name = name.strip() if name and name.strip() else self.t["name_placeholder"]
        self.zone = zone

    def day(self, seconds: int) -> str:
        return self.text.long_date(local_date(datetime.fromtimestamp(seconds, UTC), self.zone))

    def money_sum(self, sums: dict[str, int]) -> str:
        return " + ".join(self.text.money(sums[c], c) for c in sorted(sums) if sums[c])

    def common(self, kind: str) -> dict[str, str]:
        t, info = self.t, self.facts.platform
        account = info.account_ref
        sender = [self.name, t["address_placeholder"], t["email_placeholder"]]
        if account:
            sender.append(t["account_line"].format(platform=info.name, account=account))
        recipient = [info.name]
        if kind == "gdpr-access":
            recipient.append(t["dpo"])
        recipient.append(t["platform_address_placeholder"])
        if info.url:
            recipient.append(info.url)
        return {
            "sender": "\n".join(sender),
            "recipient": "\n".join(recipient),
            "place_date": t["place_date"].format(date=self.text.long_date(self.facts.today)),
            "account_clause": t["account_clause"].format(account=account) if account else "",
            "platform": info.name,
            "account": account or t["account_placeholder"],
        }

    def letter(self, kind: str, days: int) -> Letter:
        common = self.common(kind)
        t = self.t
        amounts: list[tuple[str, str]] = []
        total = ""
        deadline: date | None = None
        if kind == "demand":
            deadline = self.facts.today + timedelta(days=days)
            amounts, total, paragraphs = self.demand(common, days, deadline)
            subject = t["demand_subject"].format(**common)
            delivery = t["demand_delivery"]
        elif kind == "gdpr-access":
            paragraphs = [p.format(**common) for p in t["gdpr_body"]]
            subject = t["gdpr_subject"].format(**common)
            delivery = ""
        else:
            deadline = self.facts.today + timedelta(days=days)
            paragraphs = self.explanation(common, deadline)
            subject = t["explanation_subject"].format(**common)
            delivery = t["explanation_delivery"]
        return Letter(
            kind=kind,
            language=self.text.language,
            platform=common["platform"],
            sender=common["sender"],
            recipient=common["recipient"],
            place_date=common["place_date"],
            delivery=delivery,
            subject=subject,
            body="\n\n".join(paragraphs),
            signature=f"{self.name}\n{t['signature_placeholder']}",
            amounts=amounts,
            total=total,
            deadline=deadline,
            subject_label=t["subject_label"],
            page_label=self.text.gettext("Page {page} of {pages}"),
        )

    def demand(
        self, common: dict[str, str], days: int, deadline: date
    ) -> tuple[list[tuple[str, str]], str, list[str]]:
        t, facts, money = self.t, self.facts, self.text.money
        amounts: list[tuple[str, str]] = []
        owed: dict[str, int] = defaultdict(int)
        for requested, amount, currency, reference in facts.waiting:
            ref = t["reference_clause"].format(reference=reference) if reference else ""
            label = t["waiting_line"].format(
                amount=money(amount, currency),
                date=self.day(requested),
                days=self.text.number((self.now - requested) // DAY),
                ref=ref,
            )
            amounts.append((label, money(amount, currency)))
            owed[currency] += amount
        withheld = facts.withheld
        if withheld is not None and withheld.amount:
            note = t["note_clause"].format(note=withheld.note) if withheld.note else ""
            amounts.append(
                (
                    t["withheld_line"].format(
                        date=self.day(withheld.at),
                        event=self.text.event_kind(withheld.kind),
                        note=note,
                    ),
                    money(withheld.amount, withheld.currency),
                )
            )
            owed[withheld.currency] += withheld.amount
        for currency, left in sorted(facts.unpaid().items()):
            label = t["unpaid_line"].format(
                earned=money(facts.earned.get(currency, 0), currency),
                paid=money(facts.paid_out.get(currency, 0), currency),
            )
            if withheld is not None and withheld.amount and withheld.currency == currency:
                label += t["same_balance"]
            else:
                owed[currency] += left
            amounts.append((label, money(left, currency)))
        total = self.money_sum(dict(owed))
        if amounts:
            lines = "\n".join(
                t["amount_line"].format(label=label, amount=amount) for label, amount in amounts
            )
            total_line = t["total_line"].format(total=total)
        else:
            lines = t["no_amount"]
            total_line = t["total_line"].format(total=t["total_placeholder"])
        values = dict(common, days=str(days), deadline=self.text.long_date(deadline))
        paragraphs = [t["demand_opening"], t["demand_intro"].format(**values), lines, total_line]
        paragraphs += [p.format(**values) for p in t["demand_rest"]]
        return amounts, total, paragraphs

    def explanation(self, common: dict[str, str], deadline: date) -> list[str]:
        t, facts, text = self.t, self.facts, self.text
        lines: list[str] = []
        for decision in facts.decisions:
            clause = ""
            if decision.amount:
                clause += t["holding_clause"].format(
                    amount=text.money(decision.amount, decision.currency)
                )
            if decision.note:
                clause += t["note_clause"].format(note=decision.note)
            lines.append(
                t["decision_" + decision.kind].format(date=self.day(decision.at), clause=clause)
            )
        if facts.rejected_count:
            value = self.money_sum(facts.rejected_value)
            newest = facts.rejections[0][0]
            oldest = facts.rejections[-1][0] if facts.rejected_count <= MAX_LISTED_REJECTIONS \
                else None
            key = "rejections_one" if facts.rejected_count == 1 else "rejections_many"
            lines.append(
                t[key].format(
                    count=text.number(facts.rejected_count),
                    first=text.long_date(facts.rejections_from)
                    if oldest is None else self.day(oldest),
                    last=self.day(newest),
                    amount=value,
                )
            )
            for decided, external_id, title, reward, currency, reason in facts.rejections:
                lines.append(
                    t["rejection_item"].format(
                        date=self.day(decided),
                        id=external_id or "—",
                        title=t["title_clause"].format(title=title) if title else "",
                        reward=text.money(reward, currency),
                        reason=reason or t["no_reason"],
                    )
                )
            more = facts.rejected_count - len(facts.rejections)
            if more > 0:
                lines.append(t["rejections_more"].format(count=text.number(more)))
        many = len(facts.decisions) + (1 if facts.rejected_count else 0) > 1 or (
            facts.rejected_count > 1
        )
        number = "many" if many else "one"
        values = dict(common, deadline=text.long_date(deadline))
        directive = (
            t["directive_applies"]
            if facts.today >= DIRECTIVE_APPLIES_FROM
            else t["directive_coming"]
        )
        paragraphs = [
            t["explanation_opening"],
            t["explanation_intro_" + number].format(**values),
            "\n".join(lines) if lines else t["no_decision"],
        ]
        paragraphs += [p.format(**values) for p in t["explanation_rest_" + number]]
        paragraphs.append(directive)
        paragraphs += [p.format(**values) for p in t["explanation_end"]]
        return paragraphs


# The letters' text, per language (legal wording is clearer written whole than in pieces).
# Placeholders: {platform}, {account}, {account_clause}, {days}, {deadline}, {date}...
_LETTERS: dict[str, dict[str, Any]] = {
    "en": {
        "name_placeholder": "[Your name]",
        "address_placeholder": "[Your postal address]",
        "email_placeholder": "[Your e-mail address]",
        "account_line": "{platform} account: {account}",
        "account_placeholder": "[your account reference]",
        "account_clause": " under the account {account}",
        "dpo": "For the attention of the Data Protection Officer",
        "platform_address_placeholder": "[Postal address of the platform]",
        "place_date": "{date}",
        "subject_label": "Subject:",
        "signature_placeholder": "[Signature]",
        # demand
        "demand_subject": "Formal notice to pay — {platform} account {account}",
        "demand_delivery": "By registered post with proof of delivery",
        "demand_opening": "Dear Sir or Madam,",
        "demand_intro": (
            "I carry out paid tasks on {platform}{account_clause}. According to my records, "
            "kept day by day with the Clickwage journal, the following sums are due to me and "
            "have not been paid:"
        ),
        "amount_line": "– {label}: {amount}",
        "waiting_line": (
            "payout of {amount} requested on {date}, not received after {days} days{ref}"
        ),
        "reference_clause": " (reference {reference})",
        "withheld_line": "balance withheld since {date} ({event}){note}",
        "note_clause": " — “{note}”",
        "unpaid_line": (
            "approved earnings not yet paid out ({earned} earned according to my records, "
            "less {paid} paid out or requested)"
        ),
        "same_balance": (
            "; this is the same account balance as the withheld one and is not added to the "
            "total"
        ),
        "no_amount": (
            "[No unpaid amount was found in the ledger: list here each sum you claim, with "
            "its date and origin]"
        ),
        "total_line": "Total claimed: {total}.",
        "total_placeholder": "[total]",
        "demand_rest": [
            "I therefore formally demand that you pay this sum within {days} days, that is "
            "by {deadline} at the latest, by the payout method registered on my account.",
            "This letter is a formal notice to pay. If the sum has not been paid by that "
            "date, I will take the steps needed to recover it, including a claim before the "
            "competent court, without further notice; interest for late payment will also "
            "be claimed from the date of this notice where the applicable law provides for it.",
            "I also ask you to confirm in writing, before the same date, the amounts you "
            "acknowledge as due and the date on which you will pay them. A statement of my "
            "records is available on request.",
            "Yours faithfully,",
        ],
        # GDPR access
        "gdpr_subject": (
            "Request for access to my personal data and for data portability "
            "(GDPR, Articles 15 and 20) — {platform}"
        ),
        "gdpr_body": [
            "Dear Data Protection Officer,",
            "I use {platform}{account_clause}. Under Article 15 of Regulation (EU) 2016/679 "
            "(the General Data Protection Regulation, GDPR), I ask you to confirm whether you "
            "process personal data concerning me and, if so, to send me a copy of all of it, "
            "together with the information listed in Article 15(1):",
            "– the purposes of the processing and the categories of personal data concerned;\n"
            "– the recipients or categories of recipients to whom the data have been or will "
            "be disclosed;\n"
            "– the period for which the data will be stored or, if that is not possible, the "
            "criteria used to determine it;\n"
            "– where the data came from, for any data not collected from me;\n"
            "– the existence of automated decision-making, including profiling, referred to "
            "in Article 22(1) and (4), meaningful information about the logic involved, and "
            "the significance and the envisaged consequences of such processing for me "
            "(Article 15(1)(h)).",
            "My request covers in particular: the history of my tasks and submissions with "
            "their status, rewards and dates of approval or rejection; the reasons recorded "
            "for each rejection; any score, rating, quality, trust or fraud assessment "
            "concerning me; the history of my balance, payouts and withdrawal requests; and "
            "the records, messages and decisions concerning my account, including any "
            "restriction, suspension or closure.",
            "Under Article 20 GDPR, I also ask you to send me the personal data I have "
            "provided to you, including the data generated by my activity on the platform, "
            "in a structured, commonly used and machine-readable format such as CSV or JSON.",
            "Article 12(3) GDPR requires you to answer without undue delay and in any event "
            "within one month of receiving this request. That period may be extended only in "
            "the cases that Article provides for, and you must then inform me within the "
            "first month, giving the reasons. The copy must be provided free of charge "
            "(Articles 12(5) and 15(3)).",
            "To identify me, please use the account reference above and the e-mail address "
            "linked to my account. If I do not receive a complete answer in time, I may lodge "
            "a complaint with a supervisory authority under Article 77 GDPR.",
            "Yours faithfully,",
        ],
        # explanation of an automated decision
        "explanation_subject": (
            "Request for an explanation and a human review of an automated decision — "
            "{platform}"
        ),
        "explanation_delivery": "By registered post with proof of delivery",
        "explanation_opening": "Dear Sir or Madam,",
        "explanation_intro_one": (
            "I carry out paid tasks on {platform}{account_clause}. Your platform took the "
            "following decision concerning me:"
        ),
        "explanation_intro_many": (
            "I carry out paid tasks on {platform}{account_clause}. Your platform took the "
            "following decisions concerning me:"
        ),
        "decision_account_suspended": "– on {date}, my account was suspended{clause};",
        "decision_account_closed": "– on {date}, my account was closed{clause};",
        "decision_balance_withheld": "– on {date}, my balance was withheld{clause};",
        "holding_clause": ", while it held a balance of {amount}",
        "rejections_one": (
            "– one of my tasks was rejected on {last}, leaving {amount} of work unpaid:"
        ),
        "rejections_many": (
            "– {count} of my tasks were rejected between {first} and {last}, leaving {amount} "
            "of work unpaid; the most recent:"
        ),
        "rejection_item": "  • {date}, task {id}{title} ({reward}): {reason}",
        "title_clause": " “{title}”",
        "no_reason": "no reason given",
        "rejections_more": "  • and {count} more, listed in my records.",
        "no_decision": "[Describe the decision: what was decided, and when]",
        "explanation_rest_one": [
            "As far as I can tell, this decision was taken or supported by an automated "
            "monitoring or decision-making system.",
            "Under Article 22 of Regulation (EU) 2016/679 (GDPR), I have the right not to be "
            "subject to a decision based solely on automated processing which significantly "
            "affects me; where such a decision is allowed, Article 22(3) gives me the right "
            "to obtain human intervention on your part, to express my point of view and to "
            "contest the decision. I therefore ask that this decision be reviewed by a person "
            "with the authority to change it, and I contest it: [explain briefly why the "
            "decision is wrong].",
            "Under Article 15(1)(h) GDPR, I also ask for meaningful information about the "
            "logic involved in this decision, and about its significance and consequences "
            "for me.",
        ],
        "explanation_rest_many": [
            "As far as I can tell, these decisions were taken or supported by an automated "
            "monitoring or decision-making system.",
            "Under Article 22 of Regulation (EU) 2016/679 (GDPR), I have the right not to be "
            "subject to a decision based solely on automated processing which significantly "
            "affects me; where such a decision is allowed, Article 22(3) gives me the right "
            "to obtain human intervention on your part, to express my point of view and to "
            "contest the decision. I therefore ask that these decisions be reviewed by a "
            "person with the authority to change them, and I contest them: [explain briefly "
            "why the decisions are wrong].",
            "Under Article 15(1)(h) GDPR, I also ask for meaningful information about the "
            "logic involved in these decisions, and about their significance and consequences "
            "for me.",
        ],
        "directive_applies": (
            "Directive (EU) 2024/2831 of 23 October 2024 on improving working conditions in "
            "platform work, as transposed into national law, gives me further rights "
            "(Articles 9 to 11): information on the automated monitoring and decision-making "
            "systems and the main parameters they take into account (Article 9); a decision "
            "taken by a human being for any restriction, suspension or termination of my "
            "account (Article 10(5)); an explanation, a contact person to discuss the facts, "
            "circumstances and reasons for the decision, and a written statement of the "
            "reasons for any decision to refuse remuneration for work performed or to "
            "restrict, suspend or terminate my account (Article 11(1)); and a substantiated "
            "written reply to this request for review within two weeks (Article 11(2))."
        ),
        "directive_coming": (
            "Directive (EU) 2024/2831 of 23 October 2024 on improving working conditions in "
            "platform work, which the Member States must apply from 2 December 2026, confirms "
            "these rights (Articles 9 to 11): information on the automated monitoring and "
            "decision-making systems and the main parameters they take into account "
            "(Article 9); a decision taken by a human being for any restriction, suspension "
            "or termination of an account (Article 10(5)); an explanation, a contact person "
            "to discuss the facts, circumstances and reasons for the decision, and a written "
            "statement of the reasons for any decision to refuse remuneration for work "
            "performed or to restrict, suspend or terminate an account (Article 11(1)); and "
            "a substantiated written reply to a request for review within two weeks "
            "(Article 11(2))."
        ),
        "explanation_end": [
            "I ask you to reply in writing by {deadline} at the latest, and to give me the "
            "name of a person I can contact to discuss the facts, circumstances and reasons "
            "for the decision. Please also keep all data relating to it until this matter "
            "is settled.",
            "Yours faithfully,",
        ],
    },
    "fr": {
        "name_placeholder": "[Vos prénom et nom]",
        "address_placeholder": "[Votre adresse postale]",
        "email_placeholder": "[Votre adresse électronique]",
        "account_line": "Compte {platform}\u00a0: {account}",
        "account_placeholder": "[référence de votre compte]",
        "account_clause": " sous le compte {account}",
        "dpo": "À l'attention du délégué à la protection des données",
        "platform_address_placeholder": "[Adresse postale de la plateforme]",
        "place_date": "Le {date}",
        "subject_label": "Objet\u00a0:",
        "signature_placeholder": "[Signature]",
        # mise en demeure
        "demand_subject": "Mise en demeure de payer — compte {platform} {account}",
        "demand_delivery": "Lettre recommandée avec accusé de réception",
        "demand_opening": "Madame, Monsieur,",
        "demand_intro": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. D'après mes "
            "relevés, tenus au jour le jour avec le journal Clickwage, les sommes suivantes me "
            "sont dues et ne m'ont pas été versées\u00a0:"
        ),
        "amount_line": "– {label}\u00a0: {amount}",
        "waiting_line": (
            "retrait de {amount} demandé le {date}, non reçu après {days} jours{ref}"
        ),
        "reference_clause": " (référence {reference})",
        "withheld_line": "solde retenu depuis le {date} ({event}){note}",
        "note_clause": " — «\u00a0{note}\u00a0»",
        "unpaid_line": (
            "gains validés non encore versés ({earned} gagnés d'après mes relevés, moins "
            "{paid} déjà versés ou demandés)"
        ),
        "same_balance": (
            "\u00a0; il s'agit du même solde que le solde retenu, qui n'est pas ajouté au total"
        ),
        "no_amount": (
            "[Aucune somme impayée n'a été trouvée dans le journal\u00a0: indiquez ici chaque "
            "somme réclamée, avec sa date et son origine]"
        ),
        "total_line": "Total réclamé\u00a0: {total}.",
        "total_placeholder": "[total]",
        "demand_rest": [
            "Par la présente, je vous mets en demeure, au sens de l'article 1344 du Code civil, "
            "de me régler cette somme dans un délai de {days} jours, soit au plus tard le "
            "{deadline}, par le moyen de paiement enregistré sur mon compte.",
            "Conformément à l'article 1344-1 du Code civil, la présente mise en demeure fait "
            "courir les intérêts moratoires au taux légal. À défaut de paiement dans ce délai, "
            "je saisirai la juridiction compétente afin d'obtenir le recouvrement de ces "
            "sommes, sans autre avertissement.",
            "Je vous demande également de me confirmer par écrit, avant cette date, les "
            "montants que vous reconnaissez devoir et la date à laquelle vous les verserez. "
            "Un relevé détaillé de mes enregistrements est disponible sur demande.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations "
            "distinguées.",
        ],
        # accès RGPD
        "gdpr_subject": (
            "Demande d'accès à mes données personnelles et de portabilité "
            "(articles 15 et 20 du RGPD) — {platform}"
        ),
        "gdpr_body": [
            "Madame, Monsieur le délégué à la protection des données,",
            "J'utilise {platform}{account_clause}. En application de l'article 15 du "
            "règlement (UE) 2016/679 du 27 avril 2016 (règlement général sur la protection des "
            "données, RGPD), je vous demande de me confirmer si vous traitez des données "
            "personnelles me concernant et, le cas échéant, de m'en communiquer une copie "
            "complète, accompagnée des informations prévues à l'article 15, paragraphe 1\u00a0:",
            "– les finalités du traitement et les catégories de données concernées\u00a0;\n"
            "– les destinataires ou catégories de destinataires auxquels les données ont été "
            "ou seront communiquées\u00a0;\n"
            "– la durée de conservation des données ou, lorsque ce n'est pas possible, les "
            "critères utilisés pour la déterminer\u00a0;\n"
            "– la source des données, lorsqu'elles n'ont pas été collectées auprès de moi\u00a0;\n"
            "– l'existence d'une prise de décision automatisée, y compris un profilage, visée "
            "à l'article 22, paragraphes 1 et 4, des informations utiles concernant la logique "
            "sous-jacente, ainsi que l'importance et les conséquences prévues de ce traitement "
            "pour moi (article 15, paragraphe 1, point h).",
            "Ma demande porte notamment sur\u00a0: l'historique de mes tâches et soumissions "
            "avec leur statut, leur rémunération et les dates d'acceptation ou de rejet\u00a0; "
            "les motifs enregistrés pour chaque rejet\u00a0; toute note, évaluation ou "
            "appréciation de qualité, de confiance ou de fraude me concernant\u00a0; "
            "l'historique de mon solde, de mes paiements et de mes demandes de retrait\u00a0; "
            "les enregistrements, messages et décisions relatifs à mon compte, y compris toute "
            "restriction, suspension ou fermeture.",
            "En application de l'article 20 du RGPD, je vous demande également de me "
            "transmettre les données personnelles que je vous ai fournies, y compris celles "
            "générées par mon activité sur la plateforme, dans un format structuré, couramment "
            "utilisé et lisible par machine, tel que CSV ou JSON.",
            "L'article 12, paragraphe 3, du RGPD vous impose de répondre dans les meilleurs "
            "délais et en tout état de cause dans un délai d'un mois à compter de la réception "
            "de la présente demande. Ce délai ne peut être prolongé que dans les cas prévus "
            "par cet article, et vous devez alors m'en informer dans le premier mois, en "
            "m'indiquant les motifs. La copie doit m'être fournie gratuitement (articles 12, "
            "paragraphe 5, et 15, paragraphe 3).",
            "Pour m'identifier, vous pouvez utiliser la référence de compte indiquée "
            "ci-dessus et l'adresse électronique associée à mon compte. À défaut de réponse "
            "complète dans ce délai, je pourrai introduire une réclamation auprès de la "
            "Commission nationale de l'informatique et des libertés (CNIL), en application de "
            "l'article 77 du RGPD.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations "
            "distinguées.",
        ],
        # explication d'une décision automatisée
        "explanation_subject": (
            "Demande d'explication et de réexamen humain d'une décision automatisée — "
            "{platform}"
        ),
        "explanation_delivery": "Lettre recommandée avec accusé de réception",
        "explanation_opening": "Madame, Monsieur,",
        "explanation_intro_one": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. Votre plateforme "
            "a pris à mon égard la décision suivante\u00a0:"
        ),
        "explanation_intro_many": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. Votre plateforme "
            "a pris à mon égard les décisions suivantes\u00a0:"
        ),
        "decision_account_suspended": "– le {date}, mon compte a été suspendu{clause}\u00a0;",
        "decision_account_closed": "– le {date}, mon compte a été fermé{clause}\u00a0;",
        "decision_balance_withheld": "– le {date}, mon solde a été bloqué{clause}\u00a0;",
        "holding_clause": ", alors qu'il présentait un solde de {amount}",
        "rejections_one": (
            "– une de mes tâches a été rejetée le {last}, soit {amount} de travail non "
            "payé\u00a0:"
        ),
        "rejections_many": (
            "– {count} de mes tâches ont été rejetées entre le {first} et le {last}, soit "
            "{amount} de travail non payé\u00a0; les plus récentes\u00a0:"
        ),
        "rejection_item": "  • {date}, tâche {id}{title} ({reward})\u00a0: {reason}",
        "title_clause": " «\u00a0{title}\u00a0»",
        "no_reason": "aucun motif donné",
        "rejections_more": "  • et {count} autres, figurant dans mes relevés.",
        "no_decision": "[Décrivez la décision\u00a0: ce qui a été décidé, et quand]",
        "explanation_rest_one": [
            "À ma connaissance, cette décision a été prise ou appuyée par un système "
            "automatisé de surveillance ou de prise de décision.",
            "L'article 22 du règlement (UE) 2016/679 (RGPD) me donne le droit de ne pas faire "
            "l'objet d'une décision fondée exclusivement sur un traitement automatisé qui "
            "m'affecte de manière significative\u00a0; lorsqu'une telle décision est permise, "
            "l'article 22, paragraphe 3, me garantit le droit d'obtenir une intervention "
            "humaine de votre part, d'exprimer mon point de vue et de contester la décision. "
            "Je vous demande donc le réexamen de cette décision par une personne ayant le "
            "pouvoir de la modifier, et je la conteste\u00a0: [expliquez brièvement pourquoi "
            "la décision est erronée].",
            "En application de l'article 15, paragraphe 1, point h), du RGPD, je vous demande "
            "également des informations utiles concernant la logique sous-jacente à cette "
            "décision, ainsi que son importance et ses conséquences pour moi.",
        ],
        "explanation_rest_many": [
            "À ma connaissance, ces décisions ont été prises ou appuyées par un système "
            "automatisé de surveillance ou de prise de décision.",
            "L'article 22 du règlement (UE) 2016/679 (RGPD) me donne le droit de ne pas faire "
            "l'objet d'une décision fondée exclusivement sur un traitement automatisé qui "
            "m'affecte de manière significative\u00a0; lorsqu'une telle décision est permise, "
            "l'article 22, paragraphe 3, me garantit le droit d'obtenir une intervention "
            "humaine de votre part, d'exprimer mon point de vue et de contester la décision. "
            "Je vous demande donc le réexamen de ces décisions par une personne ayant le "
            "pouvoir de les modifier, et je les conteste\u00a0: [expliquez brièvement pourquoi "
            "les décisions sont erronées].",
            "En application de l'article 15, paragraphe 1, point h), du RGPD, je vous demande "
            "également des informations utiles concernant la logique sous-jacente à ces "
            "décisions, ainsi que leur importance et leurs conséquences pour moi.",
        ],
        "directive_applies": (
            "La directive (UE) 2024/2831 du 23 octobre 2024 relative à l'amélioration des "
            "conditions de travail dans le cadre du travail via une plateforme, telle que "
            "transposée en droit national, me reconnaît en outre (articles 9 à 11)\u00a0: une "
            "information sur les systèmes automatisés de surveillance et de prise de décision "
            "et les principaux paramètres qu'ils prennent en compte (article 9)\u00a0; une "
            "décision prise par un être humain pour toute restriction, suspension ou "
            "résiliation de mon compte (article 10, paragraphe 5)\u00a0; une explication, une "
            "personne de contact pour discuter des faits, des circonstances et des motifs de "
            "la décision, et une motivation écrite de toute décision de refuser la "
            "rémunération d'un travail effectué ou de restreindre, suspendre ou résilier mon "
            "compte (article 11, paragraphe 1)\u00a0; enfin une réponse écrite et motivée à la "
            "présente demande de réexamen dans un délai de deux semaines (article 11, "
            "paragraphe 2)."
        ),
        "directive_coming": (
            "La directive (UE) 2024/2831 du 23 octobre 2024 relative à l'amélioration des "
            "conditions de travail dans le cadre du travail via une plateforme, que les États "
            "membres doivent appliquer à partir du 2 décembre 2026, confirme ces droits "
            "(articles 9 à 11)\u00a0: une information sur les systèmes automatisés de "
            "surveillance et de prise de décision et les principaux paramètres qu'ils prennent "
            "en compte (article 9)\u00a0; une décision prise par un être humain pour toute "
            "restriction, suspension ou résiliation d'un compte (article 10, paragraphe 5)\u00a0;"
            " une explication, une personne de contact pour discuter des faits, des "
            "circonstances et des motifs de la décision, et une motivation écrite de toute "
            "décision de refuser la rémunération d'un travail effectué ou de restreindre, "
            "suspendre ou résilier un compte (article 11, paragraphe 1)\u00a0; enfin une réponse "
            "écrite et motivée à une demande de réexamen dans un délai de deux semaines "
            "(article 11, paragraphe 2)."
        ),
        "explanation_end": [
            "Je vous demande de me répondre par écrit au plus tard le {deadline}, et de "
            "m'indiquer le nom d'une personne à contacter pour discuter des faits, des "
            "circonstances et des motifs de la décision. Je vous demande également de "
            "conserver toutes les données qui s'y rapportent jusqu'au règlement de ce litige.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations "
            "distinguées.",
        ],
    },
}
