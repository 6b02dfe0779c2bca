"""A platform's work intervals read once, merged once, then cut to each period of a report.

The sessions and the tasks' own spans that may count in any of the periods
are fetched in one go (as plain integers) and merged once over the whole
range: the bridged union of all of them (seconds_total), the plain union of
the paid ones (seconds_task) and of each activity's sessions. A period's
figures are these unions clipped to it. That is what merging only the
intervals of the period (DESIGN.md "Work intervals"), with the bridging
margin around it, gives: an interval that ends at least `bridge_gap_seconds`
before the period, or starts that long after it, can join nothing inside it
(tests compare the two on random data).
"""

from __future__ import annotations

import bisect

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.intervals import Interval, clip, total, union_sorted
from app.domain.statuses import Activity
from app.domain.wage import TimeFigures
from app.storage.fetch import fetch_tuples
from app.storage.models import Task, WorkSession
from app.storage.types import raw_epoch

T = Task.__table__
S = WorkSession.__table__


class Union:
    """Merged intervals (sorted, disjoint), cut to any period."""

    def __init__(self, merged: list[Interval]) -> None:
        self._merged = merged
        self._ends = [end for _start, end in merged]

    def within(self, start: int, stop: int) -> list[Interval]:
        first = bisect.bisect_right(self._ends, start)
        last = first
        merged = self._merged
        while last < len(merged) and merged[last][0] < stop:
            last += 1
        return clip(merged[first:last], start, stop)

    def seconds(self, start: int, stop: int) -> int:
        return total(self.within(start, stop))


class Timeline:
    """The work intervals of one platform around [low, high), merged once."""

    def __init__(
        self,
        sessions: list[tuple[int, int, str]],
        spans: list[Interval],
        bridge_gap: int,
        activities: bool = True,
    ) -> None:
        """`sessions` are (start, end or now, activity), `spans` the tasks' own spans sorted
        by start; `activities=False` merges only all the work (seconds_total), leaving
        seconds_task and seconds_by_activity at zero."""
        session_intervals = sorted((begin, end) for begin, end, _kind in sessions)
        # Timsort merges two sorted runs in linear time.
        self._worked = Union(union_sorted(sorted(session_intervals + spans), bridge_gap))
        self._activities = activities
        self._paid = self._worked
        self._by_activity: dict[str, Union] = {}
        if activities:
            paid = sorted((b, e) for b, e, kind in sessions if kind == Activity.TASK)
            self._paid = Union(union_sorted(sorted(paid + spans)))
            for activity in Activity:
                if activity is not Activity.TASK:
                    own = sorted((b, e) for b, e, kind in sessions if kind == activity)
                    self._by_activity[activity.value] = Union(union_sorted(own))

    def figures(self, start: int, stop: int) -> TimeFigures:
        """The time figures of [start, stop), inside the range this timeline was read for."""
        worked = self._worked.within(start, stop)
        if not self._activities:
            return TimeFigures(total(worked), 0, {}, worked)
        by_activity = {
            kind: union.seconds(start, stop) for kind, union in self._by_activity.items()
        }
        return TimeFigures(total(worked), self._paid.seconds(start, stop), by_activity, worked)


def read_timeline(
    session: Session,
    platform_id: int,
    low: int,
    high: int,
    now: int,
    bridge_gap: int,
    activities: bool = True,
) -> Timeline:
    """Everything that can count in a period inside [low, high), bridging included."""
    low, high = low - bridge_gap, high + bridge_gap
    sessions = [
        (int(begin), int(end), str(kind))
        for begin, end, kind in session.execute(
            select(
                raw_epoch(S.c.started_at),
                func.coalesce(raw_epoch(S.c.ended_at), now),
                S.c.activity,
            ).where(
                S.c.platform_id == platform_id,
                raw_epoch(S.c.started_at) < high,
                or_(S.c.ended_at.is_(None), raw_epoch(S.c.ended_at) > low),
            )
        )
    ]
    longest = int(
        session.execute(
            select(func.max(T.c.span_seconds)).where(T.c.platform_id == platform_id)
        ).scalar()
        or 0
    )
    # Up to a few hundred thousand pairs of integers: fetched as plain tuples.
    spans: list[Interval] = fetch_tuples(
        session,
        select(raw_epoch(T.c.span_start), raw_epoch(T.c.span_end))
        .where(
            T.c.platform_id == platform_id,
            raw_epoch(T.c.span_start) >= low - longest,
            raw_epoch(T.c.span_start) < high,
            raw_epoch(T.c.span_end) > low,
        )
        .order_by(T.c.platform_id, T.c.span_start),
    )
    return Timeline(sessions, spans, bridge_gap, activities)
