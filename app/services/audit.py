"""`verify`: recompute the audit chain and every row's hash, and name what changed.

Finds: audit entries altered, removed or inserted (a broken link); records
whose content no longer matches their hash (edited behind the app's back);
records whose hash differs from the last one the audit log recorded;
records deleted or inserted without an audit entry; and bulk writes whose
Merkle root no longer matches their rows.

The parts: what it works with and reports (audit_types.py), the problems about one
record (audit_problems.py), the bulk-write check (audit_bulk.py) and the faster row
hash (audit_digest.py).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.i18n import Translator
from app.services.audit_bulk import BulkChecker
from app.services.audit_digest import RowDigest
from app.services.audit_problems import (
    back_problem,
    changed_problem,
    deleted_problem,
    differs_problem,
    inserted_problem,
)
from app.services.audit_types import DELETED, BulkWrite, Problem, StoredRows, VerifyResult
from app.services.context import ServiceContext
from app.storage.audit import entry_fields
from app.storage.hashing import GENESIS, entry_hash, row_hash
from app.storage.models import AUDITED_MODELS, AuditEntry


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

    def verify_records(
        self, records: Iterable[StoredRows], session: Session | None = None
    ) -> VerifyResult:
        """`verify` narrowed to some records (an evidence report's), for big databases.

        Checks, as `verify` does: the whole audit chain (every entry's hash and link);
        which records exist in every audited table (none inserted or deleted behind the
        app's back, from the ids alone); and for the given rows (read by the caller as
        stored, in `session` when given so that they are the ones it shows): their content
        against their hash, their hash against the last one the audit log recorded, and
        the Merkle root of each bulk write holding one of them (its whole range). Only the
        content of the other records is not checked. `records` counts the rows given.
        """
        if session is None:
            with self._ctx.db.read() as own:
                return self.verify_records(records, own)
        result = VerifyResult()
        given: dict[str, list[StoredRows]] = {}
        for part in records:
            given.setdefault(part.table, []).append(part)
        expected, first_old, bulks = self._walk_chain(session, result)
        for model in AUDITED_MODELS:
            name = model.__table__.name  # type: ignore[attr-defined]
            self._check_given(
                session, name, given.pop(name, []), expected, first_old, bulks, result
            )
        for name in given:
            raise ValueError(f"{name} is not an audited table")
        return result

    def _check_given(
        self,
        session: Session,
        name: str,
        parts: list[StoredRows],
        expected: dict[tuple[str, int], str],
        first_old: dict[tuple[str, int], str],
        bulks: list[BulkWrite],
        result: VerifyResult,
    ) -> None:
        tr = self._ctx.tr
        table_bulks = sorted((b for b in bulks if b.entity == name), key=lambda b: b.first_id)
        firsts = [b.first_id for b in table_bulks]

        def bulk_of(record_id: int) -> BulkWrite | None:
            index = bisect_right(firsts, record_id) - 1
            if index >= 0 and record_id <= table_bulks[index].last_id:
                return table_bulks[index]
            return None

        # Which records exist: from the ids alone (raw stored values, see verify).
        ids = session.execute(text(f"SELECT id FROM {name} ORDER BY id")).scalars()
        present = [int(i) for i in ids]
        present_set = set(present)
        for record_id in present:
            want = expected.get((name, record_id))
            if want == DELETED:
                result.problems.append(back_problem(tr, name, record_id))
            elif want is None and bulk_of(record_id) is None:
                result.problems.append(inserted_problem(tr, name, record_id))
        for (entity, record_id), want in expected.items():
            if (
                entity == name
                and want != DELETED
                and record_id not in present_set
                and bulk_of(record_id) is None
            ):
                result.problems.append(deleted_problem(tr, name, record_id))

        # The given rows: content, recorded hash.
        checked: set[int] = set()
        for part in parts:
            columns = list(part.columns)
            at_id, at_hash = columns.index("id"), columns.index("row_hash")
            digest = RowDigest(name, columns)
            for values in part.rows:
                record_id = int(values[at_id])
                if record_id in checked:
                    continue
                checked.add(record_id)
                result.records += 1
                stored = values[at_hash]
                content = digest(values)
                if content != stored:
                    result.problems.append(changed_problem(tr, name, record_id))
                want = expected.get((name, record_id))
                if want not in (None, DELETED) and want != stored and content == stored:
                    result.problems.append(differs_problem(tr, name, record_id))

        # Bulk writes holding a given row: rebuild their Merkle roots over their whole range;
        # the others: only that none of their rows is missing.
        wanted = sorted(checked)
        covering = [
            b
            for b in table_bulks
            if bisect_right(wanted, b.last_id) > bisect_left(wanted, b.first_id)
        ]
        checker = BulkChecker(name, covering, expected, first_old, result, tr)
        for bulk in covering:
            leaves = session.execute(
                text(
                    f"SELECT id, row_hash FROM {name} WHERE id >= :first AND id <= :last "
                    "ORDER BY id"
                ),
                {"first": bulk.first_id, "last": bulk.last_id},
            )
            for record_id, stored in leaves:
                checker.row(int(record_id), first_old.get((name, int(record_id)), stored))
        checker.finish()
        for bulk in table_bulks:
            if bulk in covering:
                continue
            low = bisect_left(present, bulk.first_id)
            high = bisect_right(present, bulk.last_id)
            if high - low == bulk.last_id - bulk.first_id + 1:
                continue
            for record_id in range(bulk.first_id, bulk.last_id + 1):
                key = (name, record_id)
                if record_id in present_set:
                    continue
                if expected.get(key) == DELETED and key in first_old:
                    continue  # deleted by the app
                result.problems.append(deleted_problem(tr, name, record_id))

    def _walk_chain(
        self, session: Session, result: VerifyResult
    ) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str], list[BulkWrite]]:
        tr = self._ctx.tr
        expected: dict[tuple[str, int], str] = {}
        first_old: dict[tuple[str, int], str] = {}
        bulks: list[BulkWrite] = []
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
        bulks: list[BulkWrite],
        result: VerifyResult,
        tr: Translator,
    ) -> None:
        action, entity = row["action"], row["entity"]
        if action == "bulk":
            try:
                details = json.loads(row["details"])
                bulks.append(
                    BulkWrite(
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
        bulks: list[BulkWrite],
        result: VerifyResult,
    ) -> None:
        tr = self._ctx.tr
        table = model.__table__  # type: ignore[attr-defined]
        name = table.name
        checker = BulkChecker(
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


__all__ = ["DELETED", "AuditService", "Problem", "RowDigest", "StoredRows", "VerifyResult"]
