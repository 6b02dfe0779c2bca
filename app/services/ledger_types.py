"""What the Ledger's queries take and give: the filter and sort, a row and its key, the
totals of a filtered set, and the tables and sort columns they use. The queries are in
app/services/ledger_query.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from app.storage.models import Attachment, Platform, Task

T = Task.__table__
PL = Platform.__table__
AT = Attachment.__table__

RECORD_TYPE = "task"
SORT_COLUMNS = (
    "work_at",
    "platform",
    "external_id",
    "title",
    "requester",
    "status",
    "reward",
    "earned",
    "bonus",
    "currency",
    "files",
)
# Sorts served by an index, so that a page is a short index range (see uses_keyset).
KEYSET_SORTS = frozenset({"work_at"})

Key = tuple[int, int]  # (work_at epoch seconds, id): a row's place in the keyset order


@dataclass(frozen=True)
class LedgerFilter:
    """Which tasks the Ledger shows. Days are local and inclusive; text matches id, title or
    requester (every word must appear in one of them, in any case)."""

    platform_id: int | None = None
    status: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    text: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass(frozen=True)
class LedgerSort:
    column: str = "work_at"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORT_COLUMNS:
            raise ValueError(f"cannot sort the ledger by {self.column!r}")


class LedgerRow(NamedTuple):
    id: int
    platform_id: int
    external_id: str | None
    title: str | None
    requester: str | None
    status: str
    reward: int
    earned: int | None
    bonus: int
    currency: str
    work_at: int  # epoch seconds
    reason: str | None
    files: int  # attachments

    @property
    def key(self) -> Key:
        return (self.work_at, self.id)


@dataclass(frozen=True)
class MoneyTotals:
    earned: int = 0  # DESIGN.md "earned", bonuses included
    pending_value: int = 0
    rejected_value: int = 0

    def plus(self, other: MoneyTotals) -> MoneyTotals:
        return MoneyTotals(
            self.earned + other.earned,
            self.pending_value + other.pending_value,
            self.rejected_value + other.rejected_value,
        )


@dataclass(frozen=True)
class LedgerTotals:
    """The figures of a filtered set: per currency, and in the home currency when every
    currency has a rate (`home` is None until converted, or when `missing_rates`)."""

    count: int
    by_currency: dict[str, MoneyTotals]
    home_currency: str
    home: MoneyTotals | None = None
    missing_rates: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # by status


class Cancelled(Exception):
    """A long computation was abandoned because its result is no longer wanted."""
