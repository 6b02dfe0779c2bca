"""Letters to a platform (formal notice to pay, GDPR data request, request for an
explanation of an automated decision), filled from the ledger.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.localtime import Period, local_date
from app.domain.statuses import (
    WITHHOLDING_EVENTS,
    EventKind,
    PayoutStatus,
    TaskStatus,
)
from app.domain.wage import TaskTotals
from app.services.context import ServiceContext
from app.services.evidence.document import Block, Document, Paragraph, Spacer
from app.services.evidence.legal import LETTERS
from app.services.evidence.records import epoch, int_or_none
from app.services.evidence.text import DAY, EvidenceText
from app.services.platforms import find_platform
from app.services.records import PlatformInfo
from app.storage.models import (
    AccountEvent,
    Payout,
    Task,
)

DEFAULT_DEMAND_DAYS = 15
GDPR_REPLY_DAYS = 30  # "one month" (GDPR art. 12(3)); the letter states the calendar date
REVIEW_REPLY_DAYS = 14  # two weeks (Directive (EU) 2024/2831, art. 11(2))
DIRECTIVE_APPLIES_FROM = date(2026, 12, 2)  # transposition deadline, art. 29(1)
LETTER_KINDS = ("demand", "gdpr-access", "explanation")
MAX_LISTED_REJECTIONS = 15


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
        blocks.append(Paragraph(f"{self.subject_label} {self.subject}", bold=True, space_after=14))
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


def gather_letter_facts(
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
        select(PO.c.status, PO.c.amount, PO.c.currency, epoch(PO.c.requested_at), PO.c.reference)
        .where(PO.c.platform_id == pid)
        .order_by(PO.c.requested_at, PO.c.id)
    ):
        if status == PayoutStatus.REQUESTED.value:
            waiting.append((int(requested), int(amount), str(currency), reference))
        if status in (PayoutStatus.REQUESTED.value, PayoutStatus.RECEIVED.value):
            paid_out[str(currency)] += int(amount)
    decisions: list[_Decision] = []
    for kind, at, amount, currency, note in session.execute(
        select(E.c.kind, epoch(E.c.at), E.c.amount, E.c.currency, E.c.note)
        .where(E.c.platform_id == pid, epoch(E.c.at) <= int(now.timestamp()))
        .order_by(E.c.at, E.c.id)
    ):
        if kind == EventKind.RESOLVED.value:
            decisions = []
        elif kind in WITHHOLDING_EVENTS:
            decisions.append(
                _Decision(str(kind), int(at), int_or_none(amount), str(currency), note)
            )
    withheld = next((d for d in reversed(decisions) if d.amount), None)
    totals: dict[str, TaskTotals] = defaultdict(TaskTotals)

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
                epoch(T.c.decided_at),
                T.c.external_id,
                T.c.title,
                T.c.reward,
                T.c.currency,
                T.c.reason,
            )
            .where(
                T.c.platform_id == pid,
                T.c.status == TaskStatus.REJECTED.value,
                epoch(T.c.decided_at) >= start_s,
                epoch(T.c.decided_at) < stop_s,
            )
            .order_by(T.c.decided_at.desc(), T.c.id.desc())
        )
    ]
    value: dict[str, int] = defaultdict(int)
    for row in rejected:
        value[row[4]] += row[3]
    return _LetterFacts(
        info,
        today,
        waiting,
        withheld,
        decisions,
        earned_by_currency,
        dict(paid_out),
        rejected[:MAX_LISTED_REJECTIONS],
        len(rejected),
        dict(value),
        rejections_from,
        rejections_to,
    )


class LetterWriter:
    """Fills one language's templates with the facts."""

    def __init__(
        self, text: EvidenceText, facts: _LetterFacts, name: str | None, zone: tzinfo, now: int
    ) -> None:
        self.text, self.facts, self.now = text, facts, now
        self.t = LETTERS[text.language]
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
            oldest = (
                facts.rejections[-1][0] if facts.rejected_count <= MAX_LISTED_REJECTIONS else None
            )
            key = "rejections_one" if facts.rejected_count == 1 else "rejections_many"
            lines.append(
                t[key].format(
                    count=text.number(facts.rejected_count),
                    first=text.long_date(facts.rejections_from)
                    if oldest is None
                    else self.day(oldest),
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
