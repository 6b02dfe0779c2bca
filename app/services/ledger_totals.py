"""The totals of a filtered Ledger set: count, earned, pending and rejected values per
currency, and their conversion to the home currency (in SQL when the amounts allow, else
in Python). Part of LedgerQuery (app/services/ledger_query.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, func, literal, select
from sqlalchemy.exc import DBAPIError

from app.domain.money import conversion_terms, convert_minor, integer_rate
from app.domain.rates import RateTable
from app.domain.statuses import TaskStatus
from app.domain.wage import TaskTotals
from app.services.ledger_filters import LedgerConditions
from app.services.ledger_types import Cancelled, LedgerFilter, LedgerTotals, MoneyTotals, T
from app.storage.types import raw_epoch


class LedgerTotalsQuery(LedgerConditions):
    """The totals of the Ledger's filtered set; LedgerQuery adds the rows and pages."""

    # -- totals -----------------------------------------------------------------------------

    def totals(
        self,
        filters: LedgerFilter,
        rates: RateTable,
        *,
        convert: bool = True,
        in_sql: bool = True,
        cancelled: Callable[[], bool] = lambda: False,
        partial: Callable[[LedgerTotals], None] | None = None,
    ) -> LedgerTotals:
        """Count, earned (bonuses included), pending and rejected values of the filtered set,
        per currency, then converted to the home currency as DESIGN.md defines: each amount
        at the rate of its own work date, rounded, then summed.

        The conversion is one pass of exact integer arithmetic in SQL (`in_sql`); amounts
        too large for it (or negative) fall back to converting each distinct amount in
        Python, as the report does. `partial` receives the per-currency figures before the
        conversion.
        """
        conditions = self.conditions(filters)
        by_currency: dict[str, TaskTotals] = defaultdict(TaskTotals)
        query = (
            select(
                T.c.currency,
                T.c.status,
                func.count(),
                func.coalesce(func.sum(T.c.reward), 0),
                func.coalesce(func.sum(func.coalesce(T.c.earned, 0)), 0),
                func.coalesce(func.sum(func.coalesce(T.c.earned, T.c.reward)), 0),
                func.coalesce(func.sum(T.c.bonus), 0),
                func.min(func.min(T.c.reward, func.coalesce(T.c.earned, 0), T.c.bonus)),
                func.max(func.max(T.c.reward, func.coalesce(T.c.earned, 0), T.c.bonus)),
            )
            .where(*conditions)
            .group_by(T.c.currency, T.c.status)
        )
        lowest = highest = 0
        with self._ctx.db.read() as session:
            for row in session.execute(query):
                currency, status, n, reward, earned, earned_or_reward, bonus, low, high = row
                by_currency[str(currency)].add_group(
                    str(status),
                    int(n),
                    int(reward),
                    int(earned),
                    int(earned_or_reward),
                    int(bonus),
                )
                lowest, highest = min(lowest, int(low)), max(highest, int(high))
        native = {
            code: MoneyTotals(t.earned_with_bonus, t.pending_value, t.rejected_value)
            for code, t in sorted(by_currency.items())
        }
        counts: dict[str, int] = defaultdict(int)
        for t in by_currency.values():
            for status, n in t.counts.items():
                counts[status] += n
        total = sum(counts.values())
        home_code = rates.home_currency
        missing = tuple(sorted(code for code in native if not rates.has(code)))
        result = LedgerTotals(total, native, home_code, None, missing, dict(counts))
        if missing or not convert:
            return result
        if partial is not None and any(code != home_code for code in native):
            partial(result)
        if cancelled():
            raise Cancelled
        others = [code for code in native if code != home_code]
        home = native.get(home_code, MoneyTotals()) if not others else None
        if home is None and in_sql and lowest >= 0:
            home = self._converted_in_sql(conditions, others, rates, highest)
        if home is None:
            home = native.get(home_code, MoneyTotals())
            for code in others:
                home = home.plus(self._converted(conditions, code, rates, cancelled))
        return LedgerTotals(total, native, home_code, home, (), dict(counts))

    def _converted_in_sql(
        self,
        conditions: Sequence[ColumnElement[bool]],
        currencies: Sequence[str],
        rates: RateTable,
        highest: int,
    ) -> MoneyTotals | None:
        """Every currency's amounts converted at their work date's rate, rounded half-up to
        the home currency's minor unit, summed: one pass in exact integer arithmetic.

        A rate of N / 10^k turns x minor units of a currency with d digits into
        round(x * N * 10^h / 10^(d+k)) home minor units, which for x >= 0 is
        (2xN10^h + 10^(d+k)) div (2 * 10^(d+k)). None when `highest` (the largest amount) is
        too large for 64-bit integers, or the data grew meanwhile (then the caller converts
        in Python).
        """
        home = rates.home_currency
        work_at = raw_epoch(T.c.work_at)
        branches: list[tuple[str, list[tuple[int | None, int, int, int]]]] = []
        bound = MAX_SQL_INTEGER
        for code in currencies:
            segments: list[tuple[int | None, int, int, int]] = []
            for _start, end, rate in rates.segments(code, self._ctx.zone):
                if integer_rate(rate) is None:
                    return None
                multiplier, denominator, divisor = conversion_terms(code, rate, home)
                segments.append((end, multiplier, denominator, divisor))
                bound = min(bound, (MAX_SQL_INTEGER - denominator) // max(1, multiplier))
            branches.append((code, segments))
        if highest > bound:
            return None

        def in_home(amount: Any) -> Any:
            whens: list[tuple[Any, Any]] = [(T.c.currency == home, amount)]
            for code, segments in branches:
                converted = [
                    (amount * _int(mul) + _int(add)) // _int(div)
                    for _end, mul, add, div in segments
                ]
                earlier = [
                    (work_at < end, value)
                    for (end, *_), value in zip(segments[:-1], converted[:-1], strict=True)
                    if end is not None
                ]
                by_date = case(*earlier, else_=converted[-1]) if earlier else converted[-1]
                whens.append((T.c.currency == code, by_date))
            return case(*whens, else_=None)

        status = T.c.status
        paid_part = func.coalesce(T.c.earned, 0)
        earned = case(
            (status == TaskStatus.APPROVED.value, in_home(func.coalesce(T.c.earned, T.c.reward))),
            (
                status.in_([TaskStatus.PARTIALLY_APPROVED.value, TaskStatus.SCREENED_OUT.value]),
                in_home(paid_part),
            ),
            else_=0,
        )
        query = select(
            func.coalesce(func.sum(earned), 0),
            func.coalesce(func.sum(case((T.c.bonus > 0, in_home(T.c.bonus)), else_=0)), 0),
            func.coalesce(
                func.sum(case((status == TaskStatus.PENDING.value, in_home(T.c.reward)), else_=0)),
                0,
            ),
            func.coalesce(
                func.sum(case((status == TaskStatus.REJECTED.value, in_home(T.c.reward)), else_=0)),
                0,
            ),
            func.max(func.max(T.c.reward, paid_part, T.c.bonus)),
            func.min(func.min(T.c.reward, paid_part, T.c.bonus)),
        ).where(*conditions)
        try:
            with self._ctx.db.read() as session:
                row = session.execute(query).one()
        except DBAPIError:  # an integer overflow (PostgreSQL raises; SQLite goes to REAL)
            return None
        sums, high, low = row[:4], row[4], row[5]
        if any(not isinstance(value, int) for value in sums):
            return None
        if high is not None and (int(high) > bound or int(low) < 0):
            return None  # written meanwhile: amounts beyond the safe range
        earned_sum, bonus_sum, pending_sum, rejected_sum = (int(value) for value in sums)
        return MoneyTotals(earned_sum + bonus_sum, pending_sum, rejected_sum)

    def _converted(
        self,
        conditions: Iterable[ColumnElement[bool]],
        currency: str,
        rates: RateTable,
        cancelled: Callable[[], bool],
    ) -> MoneyTotals:
        home = rates.home_currency
        earned = pending = rejected = 0
        with self._ctx.db.read() as session:
            for seg_start, seg_end, rate in rates.segments(currency, self._ctx.zone):
                if cancelled():
                    raise Cancelled
                where = [*conditions, T.c.currency == currency]
                if seg_start is not None:
                    where.append(raw_epoch(T.c.work_at) >= seg_start)
                if seg_end is not None:
                    where.append(raw_epoch(T.c.work_at) < seg_end)
                groups = session.execute(
                    select(T.c.status, T.c.reward, T.c.earned, T.c.bonus, func.count())
                    .where(and_(*where))
                    .group_by(T.c.status, T.c.reward, T.c.earned, T.c.bonus)
                )
                for status, reward, earned_value, bonus, count in groups:
                    e, p, r = _converted_group(
                        str(status), int(reward), earned_value, int(bonus), currency, rate, home
                    )
                    n = int(count)
                    earned, pending, rejected = earned + n * e, pending + n * p, rejected + n * r
        return MoneyTotals(earned, pending, rejected)


def _converted_group(
    status: str,
    reward: int,
    earned: int | None,
    bonus: int,
    currency: str,
    rate: Decimal,
    home: str,
) -> tuple[int, int, int]:
    """One task's (earned, pending, rejected) in the home currency, each amount rounded."""

    def convert(minor: int) -> int:
        return convert_minor(int(minor), currency, rate, home)

    earned_home = pending = rejected = 0
    if status == TaskStatus.APPROVED:
        earned_home = convert(earned if earned is not None else reward)
    elif status in (TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT):
        earned_home = convert(earned or 0)
    elif status == TaskStatus.PENDING:
        pending = convert(reward)
    elif status == TaskStatus.REJECTED:
        rejected = convert(reward)
    if bonus:
        earned_home += convert(bonus)
    return earned_home, pending, rejected


MAX_SQL_INTEGER = 2**63 - 1


def _int(value: int) -> Any:
    return literal(value, BigInteger)
