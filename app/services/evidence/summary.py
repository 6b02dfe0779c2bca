"""The summary of an evidence report in plain sentences, and the deletion sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from app.domain.statuses import (
    PayoutStatus,
    TaskStatus,
)
from app.services.evidence.text import DAY, EvidenceText, digits_of
from app.services.reports import PlatformReport


def summary_sentences(
    text: EvidenceText,
    report: PlatformReport,
    payouts: list[tuple[Any, ...]],
    min_wage: int,
    home: str,
    now: int,
) -> list[str]:
    """The summary in plain sentences (time, tasks, money, payouts, withheld balance, wage)."""
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
        _(
            "Awaiting review: {pending} ({pending_tasks}); rejected: {rejected} ({rejected_tasks})."
        ).format(
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
    requested = [p for p in payouts if p[7] != PayoutStatus.CANCELLED.value]
    waiting = [p for p in requested if p[7] == PayoutStatus.REQUESTED.value]
    if not requested:
        sentences.append(_("Payouts: none requested in the period."))
    else:
        sentence = text.ngettext(
            "Payouts: {count} requested in the period, {amount}.",
            "Payouts: {count} requested in the period, {amount} in all.",
            len(requested),
        ).format(
            count=text.number(len(requested)),
            amount=_amounts(text, ((p[2], p[3]) for p in requested)),
        )
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
    threshold = text.hourly(Decimal(min_wage).scaleb(-digits_of(home)), home)
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
        below = home_wage * (10 ** digits_of(home)) < min_wage
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


def deletion_sentence(text: EvidenceText, deletions: dict[str, int]) -> str:
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
