"""Interval arithmetic on epoch seconds: union, gap bridging, clipping, totals.

Intervals are (start, end) pairs of integers (UTC epoch seconds) with
start <= end. Working in integers keeps the report fast and exact.
"""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[int, int]


def union(intervals: Iterable[Interval], bridge_gap: int = 0) -> list[Interval]:
    """Merge overlapping or touching intervals.

    Two intervals are also joined when the gap between them is shorter than
    `bridge_gap` seconds (a gap of exactly `bridge_gap` is not bridged).
    Empty intervals (start == end) take part only through bridging.
    """
    return union_sorted(sorted(i for i in intervals if i[1] >= i[0]), bridge_gap)


def union_sorted(intervals: Iterable[Interval], bridge_gap: int = 0) -> list[Interval]:
    """Like union() for input already sorted by start (from an ORDER BY)."""
    merged: list[Interval] = []
    append = merged.append
    last_start = last_end = None
    for start, end in intervals:
        if last_end is not None and (start <= last_end or start - last_end < bridge_gap):
            if end > last_end:
                last_end = end
            continue
        if last_end is not None and last_start is not None:
            append((last_start, last_end))
        last_start, last_end = start, end
    if last_end is not None and last_start is not None:
        append((last_start, last_end))
    return [interval for interval in merged if interval[1] > interval[0]]


def clip(intervals: Iterable[Interval], start: int, end: int) -> list[Interval]:
    clipped: list[Interval] = []
    for a, b in intervals:
        a, b = max(a, start), min(b, end)
        if b > a:
            clipped.append((a, b))
    return clipped


def total(intervals: Iterable[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def merged_seconds(intervals: Iterable[Interval], start: int, end: int, bridge_gap: int = 0) -> int:
    """Bridge and merge first, then clip to [start, end), then sum."""
    return total(clip(union(intervals, bridge_gap), start, end))
