"""Reading a file as real programs write it: its encoding, its separator, its records.

- Encoding: a byte-order mark says UTF-8, UTF-16 or UTF-32; otherwise UTF-8
  when every byte sequence is valid UTF-8, else Windows-1252 (what Excel
  writes on Western Windows), else Latin-1 (which decodes any byte).
  UTF-16 without a mark is recognised by its zero bytes.
- Separator: comma, semicolon, tab or bar, sniffed (csv.Sniffer, checked
  against the width of the first rows; counting is the fallback).
- Records: csv handles quoted separators, doubled quotes, quoted newlines
  and CRLF; each record comes with the line number it starts on.
The file is read in a first pass (hash and encoding check) and then streamed,
so a file of a million rows never sits in memory as text.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInput
from app.i18n import Translator
from app.services.imports.results import Cancel, ImportCancelled

CHUNK = 1 << 20
SAMPLE_CHARS = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_HEADER_SPACES = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class FileFacts:
    """What the first pass learnt: size, SHA-256 and how to decode the bytes."""

    path: Path
    size: int
    sha256: str
    encoding: str  # a Python codec name
    label: str  # what to tell the user ("UTF-8", "Windows-1252"…)


def examine(path: Path, tr: Translator, cancel: Cancel | None = None) -> FileFacts:
    """Hash the file and find its encoding (raises InvalidInput for unreadable or binary files)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InvalidInput(tr.gettext("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        message = tr.gettext("{path} is a folder, not a file.").format(path=path)
        raise InvalidInput(message) from None
    except OSError as error:
        raise InvalidInput(
            tr.gettext("Cannot read {path}: {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    digest = hashlib.sha256()
    size = 0
    with handle:
        first = handle.read(CHUNK)
        digest.update(first)
        size += len(first)
        encoding, label = _encoding_from_start(first)
        checker = _Checker(encoding)
        checker.feed(first)
        while True:
            if cancel is not None and cancel():
                raise ImportCancelled(tr.gettext("Import cancelled; nothing was written."))
            chunk = handle.read(CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
            checker.feed(chunk)
        checker.finish()
    if checker.failed_bom:
        raise InvalidInput(
            tr.gettext(
                "{path} says it is {encoding} text, but it is damaged: some of its bytes are "
                "not {encoding}."
            ).format(path=path, encoding=label)
        )
    if encoding == "utf-8" and not checker.utf8_ok:
        if _decodes_as(path, "cp1252"):
            encoding, label = "cp1252", "Windows-1252"
        else:
            encoding, label = "latin-1", "Latin-1"
    if encoding in ("utf-8", "cp1252", "latin-1") and checker.has_nul:
        raise InvalidInput(
            tr.gettext(
                "{path} is not a text file (it holds zero bytes): save it as CSV or JSON first."
            ).format(path=path)
        )
    return FileFacts(path, size, digest.hexdigest(), encoding, label)


def _decodes_as(path: Path, encoding: str) -> bool:
    """A second pass, only for files that are not UTF-8: is every byte `encoding`?"""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _encoding_from_start(first: bytes) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if first.startswith(bom):
            return codec, label
    sample = first[:4096]
    if len(sample) >= 4 and sample.count(0) * 4 >= len(sample):
        # Text in UTF-16 without a mark: ASCII characters leave a zero in every other byte.
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        guess = (
            ("utf-16-le", "UTF-16LE")
            if odd > even * 4
            else ("utf-16-be", "UTF-16BE")
            if even > odd * 4
            else None
        )
        if guess is not None and _looks_like_text(sample[: len(sample) // 2 * 2], guess[0]):
            return guess
    return "utf-8", "UTF-8"


def _looks_like_text(sample: bytes, encoding: str) -> bool:
    text = sample.decode(encoding, errors="replace")
    readable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return readable * 10 >= len(text) * 9 and "\ufffd" not in text


class _Checker:
    """Checks, chunk by chunk, which encodings can decode every byte of the file."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.utf8_ok = True
        self.failed_bom = False
        self.has_nul = False
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="strict")

    def feed(self, chunk: bytes) -> None:
        if self.encoding != "utf-8":
            if not self.failed_bom:
                try:
                    self._decoder.decode(chunk)
                except UnicodeDecodeError:
                    self.failed_bom = True
            return
        if b"\x00" in chunk:
            self.has_nul = True
        if self.utf8_ok:
            try:
                self._decoder.decode(chunk)
            except UnicodeDecodeError:
                self.utf8_ok = False

    def finish(self) -> None:
        try:
            self._decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if self.encoding == "utf-8":
                self.utf8_ok = False
            else:
                self.failed_bom = True


class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read from it (the progress of an import)."""

    def __init__(self, raw: io.BufferedReader) -> None:
        super().__init__()
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = self._raw.readinto(buffer)
        self.count += size
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()


class TextSource:
    """The file as text, streamed, with the number of bytes consumed so far."""

    def __init__(self, facts: FileFacts) -> None:
        self.facts = facts
        self._counter = _CountingReader(facts.path.open("rb"))
        self.text = io.TextIOWrapper(
            io.BufferedReader(self._counter, CHUNK), encoding=facts.encoding, newline=""
        )

    @property
    def bytes_read(self) -> int:
        return self._counter.count

    def close(self) -> None:
        self.text.close()

    def __enter__(self) -> TextSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_sample(facts: FileFacts) -> str:
    with TextSource(facts) as source:
        return source.text.read(SAMPLE_CHARS)


def sniff_delimiter(sample: str) -> str:
    """The separator of a CSV sample: csv.Sniffer's answer when the rows agree with it."""
    text = sample
    if len(sample) >= SAMPLE_CHARS and "\n" in sample:
        text = sample[: sample.rindex("\n") + 1]  # drop the cut-off last line
    widths = {d: _consistent_width(text, d) for d in DELIMITERS}
    widest = max(widths.values())
    sniffed: str | None
    try:
        sniffed = csv.Sniffer().sniff(text[:16384], delimiters="".join(DELIMITERS)).delimiter
    except Exception:  # the Sniffer is a heuristic: it may fail any way
        sniffed = None
    if sniffed in widths and widest > 1 and widths[sniffed] == widest:
        return sniffed
    if widest > 1:
        return next(d for d in DELIMITERS if widths[d] == widest)
    return sniffed if sniffed in widths else ","


def _consistent_width(text: str, delimiter: str) -> int:
    """The header's width if most of the first rows have it, else 0."""
    try:
        rows = [r for r in islice(csv.reader(io.StringIO(text), delimiter=delimiter), 50) if r]
    except csv.Error:
        return 0
    if not rows:
        return 0
    width = len(rows[0])
    if len(rows) == 1:
        return width
    agreeing = sum(1 for r in rows[1:] if len(r) == width or (len(r) < width and r[-1] == ""))
    return width if agreeing * 5 >= (len(rows) - 1) * 4 else 0


def header_key(name: str) -> str:
    """A header as it is matched: case, spaces, underscores and hyphens do not count."""
    return _HEADER_SPACES.sub("_", name.replace("\ufeff", "").strip().casefold()).strip("_")


FORMULA_STARTS = frozenset("=+-@\t\r")


def unneutralise(cell: str) -> str:
    """Undo export's formula neutralisation: "'=SUM(1)" was written for "=SUM(1)"."""
    if cell[:1] == "'" and len(cell) > 1:
        rest = cell.lstrip("'")
        if rest[:1] in FORMULA_STARTS:
            return cell[1:]
    return cell


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe.

    Cells that already start with apostrophes before such a character get one
    more, so that `unneutralise` gives back exactly the original text.
    """
    if cell.lstrip("'")[:1] in FORMULA_STARTS:
        return "'" + cell
    return cell
