"""The report's timeline (app.services.report_time): the platform's intervals merged once
over the whole range, then cut to each period, give the figures of merging only what
each period selects (DESIGN.md "Work intervals": compute_time on the period's own
sessions and spans, with the bridging margin around it)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.intervals import Interval
from app.domain.statuses import Activity
from app.domain.wage import TimeFigures, compute_time
from app.services.report_time import Timeline

ACTIVITIES = [activity.value for activity in Activity]
NOW = 5_000

Session = tuple[int, int, str, bool]  # start, end (NOW while running), activity, running


def by_period(
    sessions: list[Session], spans: list[Interval], start: int, stop: int, gap: int
) -> TimeFigures:
    """What the report computed before the timeline: only the period's intervals."""
    low, high = start - gap, stop + gap
    own = [
        (begin, end, kind)
        for begin, end, kind, running in sessions
        if begin < high and (running or end > low)
    ]
    near = [span for span in spans if span[1] > low and span[0] < high]
    return compute_time(own, near, start, stop, gap)


def read(
    sessions: list[Session],
    spans: list[Interval],
    low: int,
    high: int,
    gap: int,
    activities: bool = True,
) -> Timeline:
    """What read_timeline selects for the range [low, high)."""
    low, high = low - gap, high + gap
    chosen = [
        (begin, end, kind)
        for begin, end, kind, running in sessions
        if begin < high and (running or end > low)
    ]
    near = sorted(span for span in spans if span[0] < high and span[1] > low)
    return Timeline(chosen, near, gap, activities)


def check(sessions: list[Session], spans: list[Interval], edges: list[int], gap: int) -> None:
    timeline = read(sessions, spans, edges[0], edges[-1], gap)
    totals_only = read(sessions, spans, edges[0], edges[-1], gap, activities=False)
    for start, stop in pairwise(edges):
        expected = by_period(sessions, spans, start, stop, gap)
        got = timeline.figures(start, stop)
        assert got == expected, (start, stop)
        assert got.worked == expected.worked
        assert got.seconds_unpaid == expected.seconds_unpaid
        brief = totals_only.figures(start, stop)
        assert (brief.seconds_total, brief.worked) == (expected.seconds_total, expected.worked)
        assert (brief.seconds_task, brief.seconds_by_activity) == (0, {})


def test_a_session_across_two_months_and_a_bridged_gap_at_the_edge() -> None:
    sessions: list[Session] = [(90, 130, "search", False), (400, 700, "task", False)]
    spans = [(150, 180), (195, 260), (960, 1_000), (1_030, 1_100)]
    check(sessions, spans, [0, 100, 200, 1_000, 1_200], 60)
    check(sessions, spans, [0, 100, 200, 1_000, 1_200], 0)


def test_a_running_session_counts_until_now() -> None:
    sessions: list[Session] = [(4_000, NOW, "task", True), (3_900, 3_950, "payment", False)]
    check(sessions, [(3_990, 4_100)], [3_000, 4_000, 4_500, 6_000], 60)


interval_start = st.integers(min_value=0, max_value=3_000)
sessions_strategy = st.lists(
    st.tuples(interval_start, st.integers(0, 400), st.sampled_from(ACTIVITIES), st.booleans()),
    max_size=12,
)
spans_strategy = st.lists(st.tuples(interval_start, st.integers(0, 300)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    sessions=sessions_strategy,
    spans=spans_strategy,
    cuts=st.lists(st.integers(-200, 3_500), min_size=2, max_size=7, unique=True),
    gap=st.sampled_from([0, 1, 30, 60, 300]),
)
def test_merging_once_gives_each_periods_own_figures(
    sessions: list[tuple[int, int, str, bool]],
    spans: list[tuple[int, int]],
    cuts: list[int],
    gap: int,
) -> None:
    chosen: list[Session] = [
        (begin, NOW if running else begin + length, kind, running)
        for begin, length, kind, running in sessions
    ]
    check(chosen, [(begin, begin + length) for begin, length in spans], sorted(cuts), gap)


@settings(max_examples=100, deadline=None)
@given(
    spans=spans_strategy,
    cuts=st.lists(st.integers(-200, 3_500), min_size=2, max_size=7, unique=True),
    started=st.integers(0, 6_000),
)
def test_a_session_running_since_after_now_changes_nothing_either(
    spans: list[tuple[int, int]], cuts: list[int], started: int
) -> None:
    # A clock set back: the running session ends (now) before it starts.
    sessions: list[Session] = [(started, NOW, "task", True)]
    check(sessions, [(begin, begin + length) for begin, length in spans], sorted(cuts), 60)
