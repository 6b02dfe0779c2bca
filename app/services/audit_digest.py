"""`RowDigest`: a faster `row_hash` of rows read as stored, for `verify_records`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from app.storage.hashing import EXCLUDED_COLUMNS, row_hash


class RowDigest:
    """`row_hash` of raw stored rows with these columns, about three times faster.

    Builds the same canonical JSON text (sorted keys, no spaces, non-ASCII kept) directly
    for plain values (int, str, None). Any other value goes through `row_hash` itself, and
    so does every row if the first one's digests differ (the canonical form has changed).
    """

    def __init__(self, table: str, columns: Sequence[str]) -> None:
        self.table, self.columns = table, list(columns)
        keys = sorted(c for c in self.columns if c not in EXCLUDED_COLUMNS)
        labels = [encode_basestring(k) + ":" for k in keys]
        self.pairs = list(zip(labels, [self.columns.index(k) for k in keys], strict=True))
        self.prefix = "[" + encode_basestring(table) + ",{"
        self.trusted: bool | None = None

    def __call__(self, values: Sequence[Any]) -> str:
        if self.trusted:
            return self.fast(values)
        exact = self.exact(values)
        if self.trusted is None:
            self.trusted = self.fast(values) == exact
        return exact

    def exact(self, values: Sequence[Any]) -> str:
        return row_hash(self.table, dict(zip(self.columns, values, strict=True)))

    def fast(self, values: Sequence[Any]) -> str:
        parts = []
        for label, index in self.pairs:
            value = values[index]
            kind = type(value)
            if kind is str:
                parts.append(label + encode_basestring(value))
            elif kind is int:
                parts.append(label + int.__repr__(value))
            elif value is None:
                parts.append(label + "null")
            else:
                return self.exact(values)
        text = self.prefix + ",".join(parts) + "}]"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
