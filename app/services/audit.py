"""`verify`: recompute the audit chain and every row's hash, and name what changed.

Finds: audit entries altered, removed or inserted (a broken link); records
whose content no longer matches their hash (edited behind the app's back);
records whose hash differs from the last one the audit log recorded;
records deleted or inserted without an audit entry; and bulk writes whose
Merkle root no longer matches their rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.i18n import Translator
from app.services.context import ServiceContext
from app.storage.audit import entry_fields
from app.storage.hashing import GENESIS, MerkleBuilder, entry_hash, row_hash
from app.storage.models import AUDITED_MODELS, AuditEntry

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


@dataclass
class _Bulk:
    entry_id: int
    entity: str
    first_id: int
    last_id: int
    count: int
    root: str


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def head(self) -> tuple[int, str]:
        """The number of audit entries and the hash of the last one."""
        with self._ctx.db.read() as session:
            row = session.execute(
                select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
            ).first()
            return (int(row[0]), str(row[1])) if row else (0, GENESIS)

    def verify(self) -> VerifyResult:
        result = VerifyResult()
        with self._ctx.db.read() as session:
            expected, first_old, bulks = self._walk_chain(session, result)
            for model in AUDITED_MODELS:
                self._check_table(session, model, expected, first_old, bulks, result)
        return result

    def _walk_chain(
        self, session: Session, result: VerifyResult
    ) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str], list[_Bulk]]:
        tr = self._ctx.tr
        expected: dict[tuple[str, int], str] = {}
        first_old: dict[tuple[str, int], str] = {}
        bulks: list[_Bulk] = []
        previous_hash, previous_id = GENESIS, 0
        # Raw stored values (no type conversion): a garbled field must be reported, not crash.
        for row in session.execute(text("SELECT * FROM audit_log ORDER BY id")).mappings():
            entry_id = int(row["id"])
            result.entries += 1
            if entry_id != previous_id + 1:
                result.problems.append(
                    Problem(
                        "chain_broken",
                        "audit_log",
                        entry_id,
                        tr.gettext("Audit entries {first} to {last} are missing.").format(
                            first=previous_id + 1, last=entry_id - 1
                        ),
                    )
                )
            if row["prev_hash"] != previous_hash:
                result.problems.append(
                    Problem(
                        "chain_broken",
                        "audit_log",
                        entry_id,
                        tr.gettext(
                            "Audit entry {id} does not follow the entry before it: the chain "
                            "is broken there."
                        ).format(id=entry_id),
                    )
                )
            fields = entry_fields(
                entry_id,
                row["at"],
                row["action"],
                row["entity"],
                row["entity_id"],
                row["origin"],
                row["old_hash"],
                row["new_hash"],
                row["details"],
            )
            if entry_hash(row["prev_hash"], fields) != row["entry_hash"]:
                result.problems.append(
                    Problem(
                        "entry_altered",
                        "audit_log",
                        entry_id,
                        tr.gettext("Audit entry {id} was altered after it was written.").format(
                            id=entry_id
                        ),
                    )
                )
            previous_hash, previous_id = row["entry_hash"], entry_id
            self._replay(row, expected, first_old, bulks, result, tr)
        result.head = previous_hash
        return expected, first_old, bulks

    def _replay(
        self,
        row: Any,
        expected: dict[tuple[str, int], str],
        first_old: dict[tuple[str, int], str],
        bulks: list[_Bulk],
        result: VerifyResult,
        tr: Translator,
    ) -> None:
        action, entity = row["action"], row["entity"]
        if action == "bulk":
            try:
                details = json.loads(row["details"])
                bulks.append(
                    _Bulk(
                        int(row["id"]),
                        entity,
                        int(details["first_id"]),
                        int(details["last_id"]),
                        int(details["count"]),
                        str(details["merkle_root"]),
                    )
                )
            except (ValueError, KeyError, TypeError):
                result.problems.append(
                    Problem(
                        "entry_altered",
                        "audit_log",
                        int(row["id"]),
                        tr.gettext("Audit entry {id} was altered after it was written.").format(
                            id=row["id"]
                        ),
                    )
                )
            return
        if row["entity_id"] is None:
            return
        key = (entity, int(row["entity_id"]))
        if key not in expected and action != "create" and row["old_hash"]:
            first_old[key] = row["old_hash"]
        expected[key] = DELETED if action == "delete" else (row["new_hash"] or "")

    def _check_table(
        self,
        session: Session,
        model: type,
        expected: dict[tuple[str, int], str],
        first_old: dict[tuple[str, int], str],
        bulks: list[_Bulk],
        result: VerifyResult,
    ) -> None:
        tr = self._ctx.tr
        table = model.__table__  # type: ignore[attr-defined]
        name = table.name
        checker = _BulkChecker(
            name,
            sorted((b for b in bulks if b.entity == name), key=lambda b: b.first_id),
            expected,
            first_old,
            result,
            tr,
        )
        seen: set[int] = set()
        query = text(f"SELECT * FROM {name} ORDER BY id")  # raw stored values, see above
        for values in session.execute(query.execution_options(yield_per=5000)).mappings():
            record_id = int(values["id"])
            result.records += 1
            stored = values["row_hash"]
            content = row_hash(name, dict(values))
            key = (name, record_id)
            if content != stored:
                result.problems.append(
                    Problem(
                        "changed",
                        name,
                        record_id,
                        tr.gettext(
                            "{table} record {id} was changed outside Clickwage (its content "
                            "no longer matches its fingerprint)."
                        ).format(table=name, id=record_id),
                    )
                )
            in_bulk = checker.row(record_id, first_old.get(key, stored))
            want = expected.get(key)
            if want is not None:
                seen.add(record_id)
            if want is None:
                if not in_bulk:
                    result.problems.append(
                        Problem(
                            "inserted",
                            name,
                            record_id,
                            tr.gettext(
                                "{table} record {id} was inserted outside Clickwage (no audit "
                                "entry created it)."
                            ).format(table=name, id=record_id),
                        )
                    )
            elif want == DELETED:
                result.problems.append(
                    Problem(
                        "inserted",
                        name,
                        record_id,
                        tr.gettext(
                            "{table} record {id} was deleted by Clickwage but is back in the "
                            "database."
                        ).format(table=name, id=record_id),
                    )
                )
            elif want != stored and content == stored:
                result.problems.append(
                    Problem(
                        "changed",
                        name,
                        record_id,
                        tr.gettext(
                            "{table} record {id} differs from the version the audit log recorded."
                        ).format(table=name, id=record_id),
                    )
                )
        checker.finish()
        for (entity, record_id), want in expected.items():
            if entity != name or want == DELETED or record_id in seen:
                continue
            if checker.covers(record_id):
                continue  # reported by the bulk checker
            result.problems.append(
                Problem(
                    "deleted",
                    name,
                    record_id,
                    tr.gettext("{table} record {id} was deleted outside Clickwage.").format(
                        table=name, id=record_id
                    ),
                )
            )


class _BulkChecker:
    """Rebuilds each bulk write's Merkle root from the rows, in id order, as they stream by."""

    def __init__(
        self,
        table: str,
        bulks: list[_Bulk],
        expected: dict[tuple[str, int], str],
        first_old: dict[tuple[str, int], str],
        result: VerifyResult,
        tr: Translator,
    ) -> None:
        self._table, self._bulks = table, bulks
        self._expected, self._first_old = expected, first_old
        self._result, self._tr = result, tr
        self._index = 0
        self._builder = MerkleBuilder()
        self._next = bulks[0].first_id if bulks else 0

    def covers(self, record_id: int) -> bool:
        return any(b.first_id <= record_id <= b.last_id for b in self._bulks)

    def row(self, record_id: int, leaf: str) -> bool:
        """Feed one row; True when it belongs to a bulk write."""
        while self._index < len(self._bulks) and self._bulks[self._index].last_id < record_id:
            self._close()
        if self._index >= len(self._bulks):
            return False
        bulk = self._bulks[self._index]
        if record_id < bulk.first_id:
            return False
        self._fill(record_id)
        self._builder.add(leaf)
        self._next = record_id + 1
        return True

    def finish(self) -> None:
        while self._index < len(self._bulks):
            self._close()

    def _fill(self, upto: int) -> None:
        """Rows missing before `upto`: deleted by the app (use their recorded hash) or not."""
        for missing_id in range(self._next, upto):
            key = (self._table, missing_id)
            if self._expected.get(key) == DELETED and key in self._first_old:
                self._builder.add(self._first_old[key])
                continue
            self._result.problems.append(
                Problem(
                    "deleted",
                    self._table,
                    missing_id,
                    self._tr.gettext("{table} record {id} was deleted outside Clickwage.").format(
                        table=self._table, id=missing_id
                    ),
                )
            )

    def _close(self) -> None:
        bulk = self._bulks[self._index]
        self._fill(bulk.last_id + 1)
        if self._builder.count == bulk.count and self._builder.root() != bulk.root:
            self._result.problems.append(
                Problem(
                    "bulk_changed",
                    self._table,
                    None,
                    self._tr.gettext(
                        "Rows {first} to {last} of {table}, written together (audit "
                        "entry {entry}), were changed outside Clickwage."
                    ).format(
                        first=bulk.first_id,
                        last=bulk.last_id,
                        table=self._table,
                        entry=bulk.entry_id,
                    ),
                )
            )
        self._index += 1
        self._builder = MerkleBuilder()
        if self._index < len(self._bulks):
            self._next = self._bulks[self._index].first_id
