"""A tasks row as the import writes it, and its hashes: the same row_hash() and Merkle
root as app.storage.hashing, computed faster (tests compare them)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from json.encoder import encode_basestring
from operator import add, methodcaller

from app.services.tasks import TASK_COLUMNS
from app.storage.hashing import EXCLUDED_COLUMNS, GENESIS

INSERT_COLUMNS = (
    "id",
    "platform_id",
    "external_id",
    "title",
    "requester",
    "reward",
    "earned",
    "bonus",
    "currency",
    "status",
    "started_at",
    "submitted_at",
    "decided_at",
    "duration_s",
    "reason",
    "note",
    "session_id",
    "work_at",
    "span_start",
    "span_end",
    "span_seconds",
    "origin",
    "recorded_at",
    "edited_at",
    "row_hash",
)


# -- hashing, exactly as app.storage.hashing.row_hash("tasks", ...) -------------------------


def check_columns() -> None:
    if set(INSERT_COLUMNS) != set(TASK_COLUMNS) or {"row_hash"} != EXCLUDED_COLUMNS:
        raise RuntimeError(
            "The tasks table changed: update INSERT_COLUMNS and TaskHasher in "
            "app/services/imports/task_hashes.py, and TaskSink._insert_many in tasks.py"
        )


class TaskHasher:
    """row_hash() of a tasks row, spelled out for speed (tests compare it with row_hash).

    TaskSink._insert_many builds the same text inline (one call less per row).
    """

    def __init__(self, origin: str, now: int) -> None:
        check_columns()
        self._origin = encode_basestring(origin)
        self._now = now

    def __call__(
        self,
        task_id: int,
        platform_id: int,
        external_id: str | None,
        title: str | None,
        requester: str | None,
        reward: int,
        earned: int | None,
        bonus: int,
        currency: str,
        status: str,
        started_at: int | None,
        submitted_at: int | None,
        decided_at: int | None,
        duration_s: int | None,
        reason: str | None,
        note: str | None,
        session_id: int | None,
        work_at: int,
        span_start: int | None,
        span_end: int | None,
        span_seconds: int | None,
    ) -> str:
        n = "null"
        e = encode_basestring
        text = (
            f'["tasks",{{"bonus":{bonus},"currency":{e(currency)},'
            f'"decided_at":{n if decided_at is None else decided_at},'
            f'"duration_s":{n if duration_s is None else duration_s},'
            f'"earned":{n if earned is None else earned},"edited_at":{self._now},'
            f'"external_id":{n if external_id is None else e(external_id)},"id":{task_id},'
            f'"note":{n if note is None else e(note)},"origin":{self._origin},'
            f'"platform_id":{platform_id},"reason":{n if reason is None else e(reason)},'
            f'"recorded_at":{self._now},"requester":{n if requester is None else e(requester)},'
            f'"reward":{reward},"session_id":{n if session_id is None else session_id},'
            f'"span_end":{n if span_end is None else span_end},'
            f'"span_seconds":{n if span_seconds is None else span_seconds},'
            f'"span_start":{n if span_start is None else span_start},'
            f'"started_at":{n if started_at is None else started_at},"status":{e(status)},'
            f'"submitted_at":{n if submitted_at is None else submitted_at},'
            f'"title":{n if title is None else e(title)},"work_at":{work_at}}}]'
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class FastMerkle:
    """The same root as app.storage.hashing.MerkleBuilder, computed 1,024 leaves at a time."""

    CHUNK_LEVEL = 10
    CHUNK = 1 << CHUNK_LEVEL

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []
        self._leaves: list[str] = []
        self.count = 0

    def add(self, leaf: str) -> None:
        self._leaves.append(leaf)
        self.count += 1
        if len(self._leaves) == self.CHUNK:
            level = self._leaves
            sha = hashlib.sha256
            while len(level) > 1:
                level = [
                    sha((a + b).encode("ascii")).hexdigest()
                    for a, b in zip(level[0::2], level[1::2], strict=True)
                ]
            self._leaves = []
            self._push(self.CHUNK_LEVEL, level[0])

    def extend(self, leaves: Sequence[str]) -> None:
        """add() for many leaves, whole chunks hashed level by level without a Python loop."""
        chunk = self.CHUNK
        start = 0
        while self._leaves and start < len(leaves):
            self.add(leaves[start])
            start += 1
        while len(leaves) - start >= chunk:
            level: Sequence[str] = leaves[start : start + chunk]
            while len(level) > 1:
                level = list(
                    map(_hex, map(_sha256, map(_ascii, map(add, level[0::2], level[1::2]))))
                )
            self.count += chunk
            self._push(self.CHUNK_LEVEL, level[0])
            start += chunk
        for leaf in leaves[start:]:
            self.add(leaf)

    def _push(self, level: int, node: str) -> None:
        while self._stack and self._stack[-1][0] == level:
            _, left = self._stack.pop()
            node = _pair(left, node)
            level += 1
        self._stack.append((level, node))

    def root(self) -> str:
        stack = list(self._stack)
        for leaf in self._leaves:
            level, node = 0, leaf
            while stack and stack[-1][0] == level:
                _, left = stack.pop()
                node = _pair(left, node)
                level += 1
            stack.append((level, node))
        if not stack:
            return GENESIS
        node = stack[-1][1]
        for _, left in reversed(stack[:-1]):
            node = _pair(left, node)
        return node


def _pair(left: str, right: str) -> str:
    return hashlib.sha256((left + right).encode("ascii")).hexdigest()


_sha256 = hashlib.sha256
_hex = methodcaller("hexdigest")
_utf8 = methodcaller("encode", "utf-8")
_ascii = methodcaller("encode", "ascii")


def digests(texts: Sequence[str]) -> list[str]:
    """SHA-256 hex digests of many texts (UTF-8), without a Python loop."""
    return list(map(_hex, map(_sha256, map(_utf8, texts))))
