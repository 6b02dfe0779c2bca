"""The canonical CSV of a report's raw records, embedded in the PDF; its SHA-256 is the
report's fingerprint.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from typing import Any

# The canonical CSV of the report's raw records: UTF-8 without BOM, RFC 4180 (comma, CRLF,
# quotes only where needed), one row per record in this column order, times UTC ISO 8601
# with Z, amounts as plain decimals with the currency's digits, rows in the order platform,
# sessions (by start), tasks (by work date), payouts (by request), events, attachments.
# Its SHA-256 is the report's fingerprint.
CSV_COLUMNS = (
    "record",
    "id",
    "platform",
    "external_id",
    "title",
    "requester",
    "activity",
    "kind",
    "status",
    "currency",
    "reward",
    "earned",
    "bonus",
    "amount",
    "fee",
    "method",
    "reference",
    "started_at",
    "ended_at",
    "submitted_at",
    "decided_at",
    "duration_s",
    "requested_at",
    "received_at",
    "received_amount",
    "received_currency",
    "at",
    "reason",
    "note",
    "session_id",
    "asks_for_money",
    "url",
    "account",
    "sha256",
    "file_name",
    "media_type",
    "size",
    "linked_record",
    "linked_id",
    "origin",
    "recorded_at",
    "edited_at",
    "row_hash",
)
CSV_INDEX = {name: index for index, name in enumerate(CSV_COLUMNS)}


def fingerprint_of(data: bytes) -> str:
    """The SHA-256 of the embedded CSV file, as the report prints it."""
    return hashlib.sha256(data).hexdigest()


QUOTED = re.compile('[",\r\n\x00]')  # a field holding one of these is quoted (or odd)


class NotPlain(Exception):
    """A value `plain_field` leaves to the csv module."""


def plain_field(value: Any) -> str:
    """One field as `csv.writer` writes it, fast, for None, int and str (else NotPlain).

    RFC 4180 as the csv module does it (QUOTE_MINIMAL): a text holding a comma, a quote,
    a CR or a LF is quoted, its quotes doubled; None is an empty field. A NUL character
    is left to the csv module.
    """
    kind = type(value)
    if kind is str:
        text: str = value
        if QUOTED.search(text) is None:
            return text
        if "\x00" in text:
            raise NotPlain
        return '"' + text.replace('"', '""') + '"'
    if value is None:
        return ""
    if kind is int:
        return str(value)
    raise NotPlain


class CsvRows:
    """The canonical CSV, row by row."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, values: dict[str, Any]) -> None:
        row: list[Any] = [None] * len(CSV_COLUMNS)
        for key, value in values.items():
            row[CSV_INDEX[key]] = value
        self.writer.writerow(row)  # None is written as an empty field

    def add_lines(self, lines: list[str]) -> None:
        """Rows already written out, each with its CRLF (see `plain_field`)."""
        self.buffer.write("".join(lines))

    def data(self) -> bytes:
        return self.buffer.getvalue().encode("utf-8")
