"""Column types that keep the data rules: aware UTC instants, exact decimals."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, String, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def epoch_seconds(instant: datetime) -> int:
    """Whole UTC epoch seconds of an aware datetime; naive datetimes are refused."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime {instant.isoformat()} refused: instants must be aware")
    return int(instant.astimezone(UTC).timestamp() // 1)


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def raw_epoch(column: Any) -> Any:
    """A UtcDateTime column as its stored epoch seconds, for SQL that compares or sums
    instants by the million without making datetime objects."""
    return type_coerce(column, BigInteger)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware instant stored as whole UTC epoch seconds (portable, exact, fast to compare).

    Naive datetimes raise ValueError instead of being guessed at; values come
    back as aware UTC datetimes.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, int):
            return value
        if not isinstance(value, datetime):
            raise TypeError(f"UtcDateTime expects a datetime, got {type(value).__name__}")
        return epoch_seconds(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_epoch(int(value))


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as text (SQLite's Numeric goes through float)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value))
