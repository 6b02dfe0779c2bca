"""The bulk-write check of the audit trail: rebuilds each bulk write's Merkle root from
its rows as they stream by, and reports rows deleted or changed outside the app."""

from __future__ import annotations

from app.i18n import Translator
from app.services.audit_types import DELETED, BulkWrite, Problem, VerifyResult
from app.storage.hashing import MerkleBuilder


class BulkChecker:
    """Rebuilds each bulk write's Merkle root from the rows, in id order, as they stream by."""

    def __init__(
        self,
        table: str,
        bulks: list[BulkWrite],
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
