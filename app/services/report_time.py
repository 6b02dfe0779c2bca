"""A platform's work intervals read once, then cut to each period of a report.

The sessions and the tasks' own spans that may count in any of the periods
are fetched in one go (as plain integers); each period then takes the ones
its definition would have selected (DESIGN.md "Work intervals"), with the
bridging margin around it, and computes its time figures from them.
"""

from __future__ import annotations

import bisect

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.intervals import Interval
from app.domain.wage import SessionSpan, TimeFigures, compute_time
from app.storage.fetch import fetch_tuples
from app.storage.models import Task, WorkSession
from app.storage.types import raw_epoch

T = Task.__table__
S = WorkSession.__table__



class Timeline:
    """The work intervals of one platform around [low, high)."""

    def __init__(
        self,
        sessions: list[tuple[int, int, str, bool]],
        spans: list[Interval],
        longest: int,
        bridge_gap: int,
    ) -> None:
        self._sessions = sessions  # (start, end or now, activity, running)
        self._spans = spans  # sorted by start
        self._starts = [start for start, _end in spans]
        self._longest = longest
        self._bridge_gap = bridge_gap

    def figures(self, start: int, stop: int) -> TimeFigures:
        """The time figures of [start, stop), inside the range this timeline was read for."""
        gap = self._bridge_gap
        low, high = start - gap, stop + gap
        sessions: list[SessionSpan] = [
            (begin, end, kind)
            for begin, end, kind, running in self._sessions
            if begin < high and (running or end > low)
        ]
        first = bisect.bisect_left(self._starts, low - self._longest)
        last = bisect.bisect_left(self._starts, high)
        spans = [span for span in self._spans[first:last] if span[1] > low]
        return compute_time(sessions, spans, start, stop, gap, spans_sorted=True)


def read_timeline(
    session: Session, platform_id: int, low: int, high: int, now: int, bridge_gap: int
) -> Timeline:
    """Everything that can count in a period inside [low, high), bridging included."""
    low, high = low - bridge_gap, high + bridge_gap
    sessions = [
        (int(begin), int(end), str(kind), bool(running))
        for begin, end, kind, running in session.execute(
            select(
                raw_epoch(S.c.started_at),
                func.coalesce(raw_epoch(S.c.ended_at), now),
                S.c.activity,
                S.c.ended_at.is_(None),
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
    return Timeline(sessions, spans, longest, bridge_gap)
