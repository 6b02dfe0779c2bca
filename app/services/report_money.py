"""A platform's task sums per currency and status, read once for several periods.

The report needs, per period, the count and sums of the tasks by status, in
their own currency and in the home currency, where each amount is converted
at the rate of its own date and rounded (DESIGN.md "Home currency"). The
period edges and the rate changes cut time into segments; each segment is
one query over the index (platform, status, work date, amounts), which hands
the rows over already grouped by status. Converting row by row is done in
SQL with exact integer arithmetic (money.conversion_terms). A segment falls
back to grouping by amount and converting in Python when a task is in
another currency than the platform's, an amount is too large for 64-bit
arithmetic, or an earned amount is negative.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import tzinfo
from typing import Any

from sqlalchemy.orm import Session

from app.domain.localtime import local_date
from app.domain.money import conversion_terms, convert_minor
from app.domain.rates import RateTable
from app.domain.statuses import TaskStatus
from app.storage.types import from_epoch

MAX_SQL_INTEGER = 2**63 - 1
_STATUSES = ", ".join(f"'{status.value}'" for status in TaskStatus)
_WHERE = (
    f"FROM tasks WHERE platform_id = ? AND status IN ({_STATUSES}) "
    "AND work_at >= ? AND work_at < ? GROUP BY status"
)
_SUMS = (
    "SELECT status, count(*), sum(reward), coalesce(sum(earned), 0), "
    "sum(coalesce(earned, reward)), sum(bonus), max(reward), max(earned), min(earned), "
    "max(bonus), count(*) FILTER (WHERE currency != ?)"
)
_CONVERTED = (
    ", sum((reward * ? + ?) / ?), sum((coalesce(earned, reward) * ? + ?) / ?), "
    "sum((coalesce(earned, 0) * ? + ?) / ?), sum((bonus * ? + ?) / ?)"
)
_BY_AMOUNT = (
    "SELECT currency, status, reward, earned, bonus, count(*) FROM tasks "
    "WHERE platform_id = ? AND work_at >= ? AND work_at < ? "
    "GROUP BY currency, status, reward, earned, bonus"
)


@dataclass
class StatusSums:
    """Tasks of one currency and status: count and sums, and the sums in the home currency.

    `earned` is SUM(earned) with NULL as 0, `earned_or_reward` SUM(COALESCE(earned,
    reward)). The home_* sums are meaningful only when the currency has a rate.
    """

    count: int = 0
    reward: int = 0
    earned: int = 0
    earned_or_reward: int = 0
    bonus: int = 0
    home_reward: int = 0
    home_earned: int = 0
    home_earned_or_reward: int = 0
    home_bonus: int = 0

    def add(self, other: StatusSums) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


Sums = dict[tuple[str, str], StatusSums]  # (currency, status) -> sums


class TaskSums:
    """The sums of consecutive segments [edges[i], edges[i + 1]) of time."""

    def __init__(self, edges: Sequence[int], segments: Sequence[Sums]) -> None:
        self._edges = list(edges)
        self._segments = list(segments)

    def within(self, start: int, stop: int) -> Sums:
        """The sums over [start, stop), which must be a union of whole segments."""
        first = bisect.bisect_left(self._edges, start)
        last = bisect.bisect_left(self._edges, stop)
        assert self._edges[first] == start and self._edges[last] == stop, "not a segment edge"
        total: Sums = {}
        for segment in self._segments[first:last]:
            for key, sums in segment.items():
                found = total.get(key)
                if found is None:
                    total[key] = found = StatusSums()
                found.add(sums)
        return total


def read_task_sums(
    session: Session,
    platform_id: int,
    currency: str,
    edges: Sequence[int],
    rates: RateTable,
    zone: tzinfo,
) -> TaskSums:
    """The platform's sums for each segment between consecutive `edges` (sorted instants,
    every rate change between the first and the last among them)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        segments = [
            _segment(cursor, platform_id, currency, start, stop, rates, zone)
            for start, stop in itertools.pairwise(edges)
        ]
    finally:
        cursor.close()
    return TaskSums(edges, segments)


def _segment(
    cursor: Any,
    platform_id: int,
    currency: str,
    start: int,
    stop: int,
    rates: RateTable,
    zone: tzinfo,
) -> Sums:
    home = rates.home_currency
    rate = rates.rate_on(currency, local_date(from_epoch(start), zone))
    terms: tuple[int, int, int] | None = None
    bound = MAX_SQL_INTEGER
    if rate is not None and currency != home:
        try:
            terms = conversion_terms(currency, rate, home)
        except ValueError:
            return _by_amount(cursor, platform_id, start, stop, rates, zone)
        bound = (MAX_SQL_INTEGER - terms[1]) // terms[0]
    sql = _SUMS + (_CONVERTED if terms else "") + " " + _WHERE
    params = [currency, *(terms * 4 if terms else ()), platform_id, start, stop]
    try:
        rows = cursor.execute(sql, params).fetchall()
    except OverflowError:  # a sum beyond 64 bits
        return _by_amount(cursor, platform_id, start, stop, rates, zone)
    except Exception as error:  # sqlite3 raises "integer overflow" as an OperationalError
        if "overflow" not in str(error):
            raise
        return _by_amount(cursor, platform_id, start, stop, rates, zone)
    result: Sums = {}
    foreign = False
    for row in rows:
        status, count, reward, earned, earned_or_reward, bonus = row[:6]
        high_reward, high_earned, low_earned, high_bonus, others = row[6:11]
        highest = max(high_reward, high_bonus, high_earned or 0)
        if highest > bound or (low_earned is not None and low_earned < 0):
            return _by_amount(cursor, platform_id, start, stop, rates, zone)
        foreign = foreign or bool(others)
        sums = StatusSums(count, reward, earned, earned_or_reward, bonus)
        if terms:
            converted = row[11:15]
            if not all(isinstance(value, int) for value in converted):
                return _by_amount(cursor, platform_id, start, stop, rates, zone)
            (sums.home_reward, sums.home_earned_or_reward, sums.home_earned, sums.home_bonus) = (
                converted
            )
        elif currency == home:
            sums.home_reward, sums.home_earned = reward, earned
            sums.home_earned_or_reward, sums.home_bonus = earned_or_reward, bonus
        result[(currency, status)] = sums
    if foreign:
        # Tasks in other currencies (rare: a few per platform): counted above as if in the
        # platform's currency. Take them out, and add them by their own currency.
        groups = _groups(cursor, platform_id, start, stop, currency)
        for key, sums in _sums_of(groups, rates, start, zone).items():
            result[key] = sums
        for group in groups:
            _take_out(result[(currency, group[1])], group, terms, mirrored=currency == home)
        for key in [key for key, sums in result.items() if not sums.count]:
            del result[key]
    return result


Group = tuple[str, str, int, int | None, int, int]  # currency, status, reward, earned, bonus, n


def _groups(
    cursor: Any, platform_id: int, start: int, stop: int, other_than: str | None = None
) -> list[Group]:
    sql = _BY_AMOUNT
    params: list[Any] = [platform_id, start, stop]
    if other_than is not None:
        sql = sql.replace("GROUP BY", "AND currency != ? GROUP BY")
        params.append(other_than)
    return [
        (str(c), str(s), int(r), None if e is None else int(e), int(b), int(n))
        for c, s, r, e, b, n in cursor.execute(sql, params).fetchall()
    ]


def _by_amount(
    cursor: Any, platform_id: int, start: int, stop: int, rates: RateTable, zone: tzinfo
) -> Sums:
    """The slow, general way: one group per currency, status and amounts, each amount
    converted in Python."""
    return _sums_of(_groups(cursor, platform_id, start, stop), rates, start, zone)


def _sums_of(groups: list[Group], rates: RateTable, start: int, zone: tzinfo) -> Sums:
    home = rates.home_currency
    day = local_date(from_epoch(start), zone)
    result: Sums = {}
    for currency, status, reward, earned, bonus, count in groups:
        paid = 0 if earned is None else earned
        earned_or_reward = reward if earned is None else earned
        group = StatusSums(
            count, count * reward, count * paid, count * earned_or_reward, count * bonus
        )
        rate = rates.rate_on(currency, day)
        if rate is not None:
            group.home_reward = count * convert_minor(reward, currency, rate, home)
            group.home_earned = count * convert_minor(paid, currency, rate, home)
            group.home_earned_or_reward = count * convert_minor(
                earned_or_reward, currency, rate, home
            )
            group.home_bonus = count * convert_minor(bonus, currency, rate, home)
        key = (currency, status)
        if key in result:
            result[key].add(group)
        else:
            result[key] = group
    return result


def _take_out(
    sums: StatusSums, group: Group, terms: tuple[int, int, int] | None, mirrored: bool
) -> None:
    """Remove a group of tasks counted as if in the platform's currency: converted with
    `terms`, or `mirrored` (the platform's currency is the home one)."""
    _currency, _status, reward, earned, bonus, count = group
    paid = 0 if earned is None else earned
    earned_or_reward = reward if earned is None else earned
    sums.count -= count
    sums.reward -= count * reward
    sums.earned -= count * paid
    sums.earned_or_reward -= count * earned_or_reward
    sums.bonus -= count * bonus
    if terms is None:
        if mirrored:
            sums.home_reward -= count * reward
            sums.home_earned -= count * paid
            sums.home_earned_or_reward -= count * earned_or_reward
            sums.home_bonus -= count * bonus
        return
    mul, add, div = terms
    sums.home_reward -= count * ((reward * mul + add) // div)
    sums.home_earned -= count * ((paid * mul + add) // div)
    sums.home_earned_or_reward -= count * ((earned_or_reward * mul + add) // div)
    sums.home_bonus -= count * ((bonus * mul + add) // div)
