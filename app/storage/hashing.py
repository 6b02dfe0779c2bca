"""Canonical content hashes of rows and audit entries, and Merkle roots of bulk writes.

The same canonical form is used when a row is written (by the ORM or in
bulk) and when `verify` reads it back, so any change made behind the app's
back changes the hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.storage.types import epoch_seconds

GENESIS = "0" * 64
EXCLUDED_COLUMNS = frozenset({"row_hash"})


def canonical(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return epoch_seconds(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot hash a {type(value).__name__}")


def row_hash(table: str, values: Mapping[str, Any]) -> str:
    """SHA-256 of a row's content: table name and every column but row_hash."""
    # Most stored values are already plain (int, str, None): skip canonical() for them.
    content = {
        k: v if v is None or type(v) in _PLAIN else canonical(v)
        for k, v in values.items()
        if k not in EXCLUDED_COLUMNS
    }
    payload = _ENCODER.encode([table, content])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_PLAIN = (int, str)
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    content = {k: canonical(v) for k, v in fields.items()}
    payload = prev_hash + json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class MerkleBuilder:
    """A Merkle root built leaf by leaf in O(log n) memory.

    Pairs are hashed as sha256(left || right) over the hex digests; an odd
    node at the end of a level is carried up unchanged.
    """

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []
        self.count = 0

    def add(self, leaf: str) -> None:
        self.count += 1
        level, node = 0, leaf
        while self._stack and self._stack[-1][0] == level:
            _, left = self._stack.pop()
            node = _pair(left, node)
            level += 1
        self._stack.append((level, node))

    def root(self) -> str:
        if not self._stack:
            return GENESIS
        node = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            node = _pair(left, node)
        return node


def merkle_root(leaves: Iterable[str]) -> str:
    builder = MerkleBuilder()
    for leaf in leaves:
        builder.add(leaf)
    return builder.root()


def _pair(left: str, right: str) -> str:
    return hashlib.sha256((left + right).encode("ascii")).hexdigest()
