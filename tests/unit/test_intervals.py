"""Interval arithmetic (app.domain.intervals): union, gap bridging, clipping, totals.

Hand cases first, then hypothesis properties checked against a brute-force
model that marks every covered second in a set.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.intervals import Interval, clip, merged_seconds, total, union, union_sorted

# -- hand cases: union without bridging -------------------------------------------------


def test_union_of_nothing_is_empty() -> None:
    assert union([]) == []
    assert union([], bridge_gap=60) == []


def test_union_sorts_its_input() -> None:
    assert union([(100, 200), (0, 10)]) == [(0, 10), (100, 200)]


def test_touching_intervals_are_joined() -> None:
    # [0, 10) and [10, 20) touch at 10: one interval [0, 20).
    assert union([(0, 10), (10, 20)]) == [(0, 20)]


def test_overlapping_intervals_are_joined() -> None:
    assert union([(0, 15), (10, 20)]) == [(0, 20)]


def test_nested_interval_disappears_into_the_outer_one() -> None:
    assert union([(0, 100), (10, 20)]) == [(0, 100)]
    # Order of the input does not matter.
    assert union([(10, 20), (0, 100)]) == [(0, 100)]


def test_nested_interval_does_not_shorten_the_outer_one() -> None:
    # After (0, 100) and (10, 20) the running end must stay 100, so (90, 110) joins.
    assert union([(0, 100), (10, 20), (90, 110)]) == [(0, 110)]


def test_one_second_gap_is_kept_without_bridging() -> None:
    assert union([(0, 10), (11, 20)]) == [(0, 10), (11, 20)]


def test_duplicates_collapse() -> None:
    assert union([(5, 9), (5, 9), (5, 9)]) == [(5, 9)]


def test_empty_intervals_alone_vanish() -> None:
    assert union([(5, 5)]) == []
    assert union([(5, 5), (7, 7)]) == []


def test_reversed_intervals_are_ignored() -> None:
    assert union([(10, 5), (20, 30)]) == [(20, 30)]


# -- hand cases: bridging ---------------------------------------------------------------


def test_gap_of_59_seconds_is_bridged_with_bridge_60() -> None:
    # 09:00:00-09:30:00 then 09:30:59-10:00:00 (as seconds from 09:00): gap 1859 - 1800 = 59 < 60.
    assert union([(0, 1800), (1859, 3600)], bridge_gap=60) == [(0, 3600)]


def test_gap_of_exactly_60_seconds_is_not_bridged() -> None:
    # Gap 1860 - 1800 = 60: "shorter than" 60 is false, so the two stay apart.
    assert union([(0, 1800), (1860, 3600)], bridge_gap=60) == [(0, 1800), (1860, 3600)]


def test_gap_of_61_seconds_is_not_bridged() -> None:
    assert union([(0, 1800), (1861, 3600)], bridge_gap=60) == [(0, 1800), (1861, 3600)]


def test_bridging_chains_over_several_short_gaps() -> None:
    # Gaps 30 and 59: both bridged, one interval [0, 189).
    assert union([(0, 10), (40, 100), (159, 189)], bridge_gap=60) == [(0, 189)]


def test_bridging_zero_joins_only_touching() -> None:
    assert union([(0, 10), (10, 20), (21, 30)], bridge_gap=0) == [(0, 20), (21, 30)]


def test_bridge_of_one_second_joins_touching_only() -> None:
    # A gap of 1 is not < 1; touching (gap 0) is < 1 and joins anyway.
    assert union([(0, 10), (10, 20), (21, 30)], bridge_gap=1) == [(0, 20), (21, 30)]


def test_totals_with_and_without_bridging() -> None:
    intervals = [(0, 1800), (1859, 3600)]
    # Plain: 1800 + (3600 - 1859 = 1741) = 3541; bridged: 3600.
    assert total(union(intervals)) == 3541
    assert total(union(intervals, bridge_gap=60)) == 3600


def test_union_sorted_matches_union_on_sorted_input() -> None:
    intervals = [(0, 10), (5, 8), (12, 20), (79, 80)]
    assert union_sorted(intervals, 60) == union(intervals, 60) == [(0, 80)]
    assert union_sorted(intervals) == union(intervals) == [(0, 10), (12, 20), (79, 80)]


# -- hand cases: clip and merged_seconds ------------------------------------------------


def test_clip_cuts_at_both_edges_and_drops_outside() -> None:
    intervals = [(0, 10), (20, 30), (40, 50), (60, 70)]
    assert clip(intervals, 25, 45) == [(25, 30), (40, 45)]


def test_clip_end_is_exclusive() -> None:
    # [10, 20) clipped to [20, 30): nothing left; clipped to [0, 10): nothing.
    assert clip([(10, 20)], 20, 30) == []
    assert clip([(10, 20)], 0, 10) == []
    assert clip([(10, 20)], 19, 30) == [(19, 20)]


def test_clip_interval_covering_the_window() -> None:
    assert clip([(-100, 100)], 0, 10) == [(0, 10)]


def test_total_sums_lengths() -> None:
    assert total([]) == 0
    assert total([(0, 10), (20, 25)]) == 15


def test_merged_seconds_bridges_before_clipping() -> None:
    # Gap [100, 150) of 50 s is bridged first, then [0, 200) is clipped to [120, 200): 80 s.
    assert merged_seconds([(0, 100), (150, 200)], 120, 300, bridge_gap=60) == 80
    # Without bridging only [150, 200) lies in the window: 50 s.
    assert merged_seconds([(0, 100), (150, 200)], 120, 300) == 50


def test_merged_seconds_counts_overlap_once() -> None:
    # [0, 60) and [30, 90) overlap on 30 s: 90, not 120.
    assert merged_seconds([(0, 60), (30, 90)], 0, 1000) == 90


# -- properties -------------------------------------------------------------------------

SMALL = 300
starts = st.integers(min_value=0, max_value=SMALL)
lengths = st.integers(min_value=1, max_value=80)
nonempty_intervals = st.lists(
    st.tuples(starts, lengths).map(lambda pair: (pair[0], pair[0] + pair[1])), max_size=12
)
bridges = st.integers(min_value=0, max_value=90)


def covered_seconds(intervals: list[Interval]) -> set[int]:
    """Every whole second s with start <= s < end for some interval."""
    return {second for start, end in intervals for second in range(start, end)}


def brute_union(intervals: list[Interval], bridge_gap: int) -> list[Interval]:
    """Runs of covered seconds, with runs joined when the hole between them is < bridge_gap."""
    seconds = sorted(covered_seconds(intervals))
    runs: list[list[int]] = []
    for second in seconds:
        if runs and second == runs[-1][1]:
            runs[-1][1] = second + 1
        else:
            runs.append([second, second + 1])
    joined: list[list[int]] = []
    for run in runs:
        if joined and run[0] - joined[-1][1] < bridge_gap:
            joined[-1][1] = run[1]
        else:
            joined.append(list(run))
    return [(a, b) for a, b in joined]


@given(nonempty_intervals, bridges)
def test_union_is_sorted_disjoint_and_not_touching(intervals: list[Interval], bridge: int) -> None:
    result = union(intervals, bridge)
    for start, end in result:
        assert start < end
    for (_, end1), (start2, _) in pairwise(result):
        # Strictly apart (touching would have been merged), and further than the bridge.
        assert end1 < start2
        assert start2 - end1 >= bridge


@given(nonempty_intervals)
def test_union_total_is_at_most_the_sum_of_lengths(intervals: list[Interval]) -> None:
    assert total(union(intervals)) <= sum(end - start for start, end in intervals)


@given(nonempty_intervals, bridges)
def test_union_is_idempotent(intervals: list[Interval], bridge: int) -> None:
    once = union(intervals, bridge)
    assert union(once, bridge) == once
    assert union(once) == once


@given(nonempty_intervals, bridges)
def test_every_input_second_is_covered(intervals: list[Interval], bridge: int) -> None:
    result = union(intervals, bridge)
    for start, end in intervals:
        assert any(a <= start and end <= b for a, b in result), (start, end, result)


@given(nonempty_intervals, bridges)
@settings(max_examples=300)
def test_union_matches_brute_force_per_second(intervals: list[Interval], bridge: int) -> None:
    assert union(intervals, bridge) == brute_union(intervals, bridge)


@given(nonempty_intervals)
def test_plain_union_covers_exactly_the_input_seconds(intervals: list[Interval]) -> None:
    assert covered_seconds(union(intervals)) == covered_seconds(intervals)
    assert total(union(intervals)) == len(covered_seconds(intervals))


@given(nonempty_intervals, starts, starts, bridges)
def test_merged_seconds_matches_brute_force(
    intervals: list[Interval], a: int, b: int, bridge: int
) -> None:
    low, high = min(a, b), max(a, b)
    expected = len({s for s in covered_seconds(brute_union(intervals, bridge)) if low <= s < high})
    assert merged_seconds(intervals, low, high, bridge) == expected


@given(nonempty_intervals, starts, starts)
def test_clip_keeps_only_seconds_inside_the_window(
    intervals: list[Interval], a: int, b: int
) -> None:
    low, high = min(a, b), max(a, b)
    clipped = clip(union(intervals), low, high)
    assert covered_seconds(clipped) == {
        s for s in covered_seconds(intervals) if low <= s < high
    }
    assert all(low <= start < end <= high for start, end in clipped)


@given(nonempty_intervals, bridges)
def test_bridged_total_is_at_least_plain_total(intervals: list[Interval], bridge: int) -> None:
    assert total(union(intervals, bridge)) >= total(union(intervals))


@pytest.mark.parametrize("bridge", [0, 1, 59, 60, 61])
def test_order_of_input_does_not_matter(bridge: int) -> None:
    intervals = [(500, 560), (0, 10), (70, 80), (20, 30), (619, 700)]
    assert union(intervals, bridge) == union(list(reversed(intervals)), bridge)
