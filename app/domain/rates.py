"""Exchange rates to the home currency, and which rate applies on which local date.

The rate valid on a date is the latest one on or before it, else the earliest
one after it. The home currency always converts at 1.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, tzinfo
from decimal import Decimal

from app.domain.localtime import day_start

RateSegment = tuple[int | None, int | None, Decimal]  # [start, end) epoch seconds, rate


@dataclass
class RateTable:
    home_currency: str
    rates: dict[str, list[tuple[date, Decimal]]] = field(default_factory=dict)

    def add(self, currency: str, valid_from: date, rate: Decimal) -> None:
        entries = self.rates.setdefault(currency, [])
        entries.append((valid_from, rate))
        entries.sort()

    def has(self, currency: str) -> bool:
        return currency == self.home_currency or bool(self.rates.get(currency))

    def rate_on(self, currency: str, day: date) -> Decimal | None:
        if currency == self.home_currency:
            return Decimal(1)
        entries = self.rates.get(currency)
        if not entries:
            return None
        days = [entry[0] for entry in entries]
        index = bisect.bisect_right(days, day) - 1
        return entries[index][1] if index >= 0 else entries[0][1]

    def boundaries(self, zone: tzinfo, start: int, stop: int) -> list[int]:
        """Instants inside (start, stop) where some currency's rate changes, sorted."""
        return _boundaries(self, zone, start, stop)

    def segments(self, currency: str, zone: tzinfo) -> list[RateSegment]:
        """Spans of instants over which one rate applies (None = unbounded)."""
        if currency == self.home_currency:
            return [(None, None, Decimal(1))]
        entries = self.rates.get(currency) or []
        result: list[RateSegment] = []
        for index, (_, rate) in enumerate(entries):
            start = None if index == 0 else epoch_of(entries[index][0], zone)
            end = epoch_of(entries[index + 1][0], zone) if index + 1 < len(entries) else None
            result.append((start, end, rate))
        return result


def _boundaries(table: RateTable, zone: tzinfo, start: int, stop: int) -> list[int]:
    edges: set[int] = set()
    for currency, entries in table.rates.items():
        if currency == table.home_currency:
            continue
        for valid_from, _rate in entries[1:]:
            edge = epoch_of(valid_from, zone)
            if start < edge < stop:
                edges.add(edge)
    return sorted(edges)


def epoch_of(day: date, zone: tzinfo) -> int:
    return int(day_start(day, zone).timestamp())
