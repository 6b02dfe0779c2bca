"""What the audit check works with and reports: a problem found, the verdict, rows as
stored, a bulk write's audit record and the marker of a record the app deleted.
Used by app/services/audit.py (`verify`) and its parts (audit_bulk.py, audit_problems.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.storage.hashing import GENESIS

DELETED = "deleted"


@dataclass(frozen=True)
class Problem:
    kind: str  # chain_broken, entry_altered, changed, deleted, inserted, bulk_changed
    entity: str | None
    record_id: int | None
    message: str

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "table": self.entity,
            "id": self.record_id,
            "message": self.message,
        }


@dataclass
class VerifyResult:
    entries: int = 0
    records: int = 0
    head: str = GENESIS
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "audit_entries": self.entries,
            "records": self.records,
            "chain_head": self.head,
            "problems": [p.as_json() for p in self.problems],
        }


@dataclass(frozen=True)
class StoredRows:
    """Some rows of one table exactly as stored (`SELECT *`, raw values, no conversion)."""

    table: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass
class BulkWrite:
    entry_id: int
    entity: str
    first_id: int
    last_id: int
    count: int
    root: str
