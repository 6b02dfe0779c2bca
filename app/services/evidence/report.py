"""The evidence report: `EvidenceService` builds an `EvidenceDocument` for one platform
and period, and `EvidenceDocument.document()` turns it into blocks for ui/render.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from app import __version__
from app.domain.errors import InvalidInput
from app.domain.localtime import Period, zone_name
from app.domain.statuses import (
    TaskStatus,
)
from app.i18n import SUPPORTED_LANGUAGES
from app.services import Services
from app.services.audit import VerifyResult
from app.services.evidence.csvdata import CsvRows, fingerprint_of
from app.services.evidence.document import (
    Block,
    Column,
    Document,
    EmbeddedFile,
    Fields,
    Heading,
    ImageItem,
    Images,
    Paragraph,
    Table,
)
from app.services.evidence.letters import (
    DEFAULT_DEMAND_DAYS,
    LETTER_KINDS,
    REVIEW_REPLY_DAYS,
    Letter,
    LetterWriter,
    gather_letter_facts,
)
from app.services.evidence.records import RawRecords, read_attachments, read_deletions, read_edits
from app.services.evidence.sections import (
    ATTACHMENTS_FOLDER,
    AttachmentEntry,
    Section,
    SectionBuilder,
)
from app.services.evidence.summary import deletion_sentence, summary_sentences
from app.services.evidence.text import EvidenceText, LocalTimes, iso_utc, slug
from app.services.platforms import find_platform
from app.services.records import PlatformInfo
from app.services.reports import PlatformReport, ReportService


@dataclass
class Integrity:
    fingerprint: str
    csv_name: str
    chain_head: str
    audit_entries: int
    verified: bool | None  # None when not checked
    problems: list[str]
    how_to_check: str
    records: int | None = None  # the report's records checked; None: the whole database


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
        elif integrity.verified and integrity.records is not None:
            state = self.text.ngettext(
                "intact: every audit entry checked out, and the {count} record of this report "
                "matches the audit log",
                "intact: every audit entry checked out, and the {count} records of this report "
                "match the audit log",
                integrity.records,
            ).format(count=self.text.number(integrity.records))
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
        whole_database: bool = False,
    ) -> EvidenceDocument:
        """The evidence report for `platform` over local days [first, end).

        `statuses` keeps only the tasks with those statuses in the detail (and the
        attached data); the summary always covers the whole period. `verify` runs the
        audit check and states its result: the whole audit chain, which records exist,
        and the content of the report's own records (`AuditService.verify_records`), or
        with `whole_database` every record (`clickwage verify`), much longer on a big
        database.
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
            raw = RawRecords.read(session, info.id, start, stop, subset)
            edits = read_edits(session, raw)
            deletions = read_deletions(session, info.id, start, stop)
            stored_attachments, attachment_rows = read_attachments(session, raw, info.id)
            checked: VerifyResult | None = None
            if verify and not whole_database:
                records = [*raw.stored, stored_attachments]
                checked = services.audit.verify_records(records, session)
        if verify and whole_database:
            checked = services.audit.verify()
        report = (
            ReportService(ctx, services.settings, services.rates)
            .report(first, end, info.name)
            .platforms[0]
        )
        settings = services.settings.current()
        limits = settings.thresholds(info.min_wage, info.max_payout_days, info.max_review_days)
        count, head = services.audit.head()
        problems: list[str] = []
        verified: bool | None = None
        if checked is not None:
            verified = checked.intact
            problems = [p.message for p in checked.problems]

        csv_rows = CsvRows()
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
        builder = SectionBuilder(text, times, info, now_s, edits, csv_rows)
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
        integrity = Integrity(
            fingerprint,
            csv_name,
            head,
            count,
            verified,
            problems,
            how,
            records=checked.records if checked is not None and not whole_database else None,
        )
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
            summary=summary_sentences(
                text, report, raw.payouts, limits.min_wage, settings.home_currency, now_s
            ),
            flags=[flag.message for flag in report.flags],
            sections=sections,
            legend=legend,
            deletions=deletions,
            deletion_sentence=deletion_sentence(text, deletions),
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
            facts = gather_letter_facts(session, ctx, text, platform, first, end, window)
        writer = LetterWriter(text, facts, name, ctx.zone, int(ctx.now().timestamp()))
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
