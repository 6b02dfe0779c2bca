"""The wage definitions of DESIGN.md ("Definitions"), as pure functions.

Times are UTC epoch seconds, amounts integer minor units. The report service
feeds these from SQL aggregates and the period's intervals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.intervals import Interval, clip, total, union_sorted
from app.domain.money import round_half_up, to_decimal
from app.domain.statuses import Activity, TaskStatus

SessionSpan = tuple[int, int, str]  # (start, end, activity)


@dataclass(frozen=True)
class TimeFigures:
    seconds_total: int
    seconds_task: int
    seconds_by_activity: dict[str, int]
    # The bridged union of all work, clipped to the period (for totals across platforms).
    worked: list[Interval] = field(default_factory=list, compare=False, repr=False)

    @property
    def seconds_unpaid(self) -> int:
        return self.seconds_total - self.seconds_task


def task_span(started: int | None, submitted: int | None, duration: int | None) -> Interval | None:
    """A task's own work interval, or None when it carries no time information."""
    if started is not None and submitted is not None:
        return (started, submitted) if submitted >= started else None
    if duration is None:
        return None
    if submitted is not None:
        return (submitted - duration, submitted)
    if started is not None:
        return (started, started + duration)
    return None


def compute_time(
    sessions: Sequence[SessionSpan],
    task_spans: Iterable[Interval],
    start: int,
    end: int,
    bridge_gap: int,
    *,
    spans_sorted: bool = False,
) -> TimeFigures:
    """seconds_total (bridged union), seconds_task (plain union) and time per unpaid activity."""
    spans = list(task_spans) if spans_sorted else sorted(task_spans)
    session_intervals = sorted((s, e) for s, e, _ in sessions)
    # Timsort merges two sorted runs in linear time, faster than heapq.merge in Python.
    everything = sorted(session_intervals + spans)
    worked = clip(union_sorted(everything, bridge_gap), start, end)
    seconds_total = total(worked)
    paid_sessions = sorted((s, e) for s, e, kind in sessions if kind == Activity.TASK)
    paid = sorted(paid_sessions + spans)
    seconds_task = total(clip(union_sorted(paid), start, end))
    by_activity: dict[str, int] = {}
    for activity in Activity:
        if activity is Activity.TASK:
            continue
        own = sorted((s, e) for s, e, kind in sessions if kind == activity)
        by_activity[activity.value] = total(clip(union_sorted(own), start, end))
    return TimeFigures(seconds_total, seconds_task, by_activity, worked)


@dataclass
class TaskTotals:
    """Counts and sums of one platform's tasks in one currency for a period."""

    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in TaskStatus})
    earned: int = 0
    bonus: int = 0
    pending_value: int = 0
    rejected_value: int = 0

    def add_group(
        self,
        status: str,
        count: int,
        reward_sum: int,
        earned_sum: int,
        earned_or_reward_sum: int,
        bonus_sum: int,
    ) -> None:
        """Fold one SQL group (status → count, sums) into the totals.

        `earned_sum` is SUM(earned) (NULL counted as 0); `earned_or_reward_sum`
        is SUM(COALESCE(earned, reward)).
        """
        self.counts[status] = self.counts.get(status, 0) + count
        if status == TaskStatus.APPROVED:
            self.earned += earned_or_reward_sum
        elif status in (TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT):
            self.earned += earned_sum
        elif status == TaskStatus.PENDING:
            self.pending_value += reward_sum
        elif status == TaskStatus.REJECTED:
            self.rejected_value += reward_sum
        self.bonus += bonus_sum

    @property
    def earned_with_bonus(self) -> int:
        return self.earned + self.bonus

    @property
    def decided(self) -> int:
        return (
            self.counts.get(TaskStatus.APPROVED, 0)
            + self.counts.get(TaskStatus.PARTIALLY_APPROVED, 0)
            + self.counts.get(TaskStatus.REJECTED, 0)
        )


def hourly(amount_minor: int | None, currency: str, seconds: int) -> Decimal | None:
    """Amount per hour, rounded half-up to 2 decimals; None when there is no time."""
    if amount_minor is None or seconds <= 0:
        return None
    per_hour = to_decimal(amount_minor, currency) * 3600 / Decimal(seconds)
    return round_half_up(per_hour, 2)


def rejection_rate(totals: TaskTotals) -> Decimal | None:
    decided = totals.decided
    if decided == 0:
        return None
    return Decimal(totals.counts.get(TaskStatus.REJECTED, 0)) / Decimal(decided)
