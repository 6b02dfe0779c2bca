"""What every CSV-like format shares: the header, the rows, the per-row conversion loop."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.domain.errors import InvalidInput
from app.domain.money import normalise_currency
from app.i18n import Translator
from app.services.imports.job import Job
from app.services.imports.reading import (
    DELIMITER_NAMES,
    FileFacts,
    TextSource,
    header_key,
    read_sample,
    sniff_delimiter,
)
from app.services.imports.tasks import Candidate
from app.services.imports.values import FieldError

Converter = Callable[[int, list[str]], Candidate | None]
# Rows as (line, cells) → the tasks they hold as (line, candidate), bad rows left out (their
# errors recorded): a whole chunk of rows per call, one Python loop with no call per row.
BatchConverter = Callable[[list[tuple[int, list[str]]]], list[tuple[int, Candidate]]]
CHUNK_ROWS = 1024


class CsvFormat:
    """A format read from a delimited text file with a header row."""

    name = ""
    times_in_utc = True  # times without an offset are UTC (platform files); else local

    def converter(self, job: Job, header: list[str]) -> Converter:
        raise NotImplementedError

    def batch_converter(self, job: Job, header: list[str]) -> BatchConverter:
        """The rows of a chunk converted one by one with converter() (formats with a faster
        way of their own override this)."""
        convert = self.converter(job, header)

        def convert_batch(chunk: list[tuple[int, list[str]]]) -> list[tuple[int, Candidate]]:
            found = []
            for line, cells in chunk:
                candidate = convert(line, cells)
                if candidate is not None:
                    found.append((line, candidate))
            return found

        return convert_batch

    def read(self, job: Job, facts: FileFacts) -> None:
        tr = job.tr
        delimiter = sniff_delimiter(read_sample(facts))
        job.summary.delimiter = DELIMITER_NAMES[delimiter]
        with TextSource(facts) as source:
            reader = csv.reader(source.text, delimiter=delimiter, quotechar='"', strict=False)
            convert: BatchConverter | None = None
            add_many = job.tasks.add_many
            chunk: list[tuple[int, list[str]]] = []
            width = count = 0
            line = 1
            try:
                for cells in reader:
                    start, line = line, reader.line_num + 1
                    if not cells or not any(cells):
                        continue
                    if convert is None:
                        convert = self.batch_converter(job, cells)
                        width = len(cells)
                        continue
                    count += 1
                    if len(cells) != width:
                        if len(cells) > width and any(c.strip() for c in cells[width:]):
                            job.row_errors([(None, _too_wide(tr, len(cells), width))], start)
                            continue
                        cells = (cells + [""] * width)[:width]
                    chunk.append((start, cells))
                    if len(chunk) == CHUNK_ROWS:
                        add_many(convert(chunk))
                        chunk = []
                        job.tick(source.bytes_read, facts.size)
                if chunk and convert is not None:
                    add_many(convert(chunk))
            except csv.Error as error:
                raise InvalidInput(
                    tr.gettext(
                        "{file}, line {line}: the file cannot be read as CSV ({reason})."
                    ).format(file=facts.path.name, line=reader.line_num, reason=error)
                ) from None
            except UnicodeDecodeError:
                raise InvalidInput(
                    tr.gettext("{file}, line {line}: the text is not {encoding}.").format(
                        file=facts.path.name, line=reader.line_num, encoding=facts.label
                    )
                ) from None
            if convert is None:
                raise InvalidInput(
                    tr.gettext("{file} is empty: there is nothing to import.").format(
                        file=facts.path.name
                    )
                )
            job.summary.rows = count
            job.tick(facts.size, facts.size)


def _too_wide(tr: Translator, cells: int, width: int) -> str:
    return tr.gettext(
        "the row has {cells} cells but the header has {width} (a separator inside a value "
        "that is not quoted?)."
    ).format(cells=cells, width=width)


def column_index(header: Sequence[str], wanted: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """Field → position, matching header names case-insensitively (first match wins)."""
    keys = [header_key(h) for h in header]
    found: dict[str, int] = {}
    for field_name, names in wanted.items():
        for name in names:
            key = header_key(name)
            if key in keys:
                found[field_name] = keys.index(key)
                break
    return found


def require(
    job: Job,
    header: Sequence[str],
    index: Mapping[str, int],
    needed: Mapping[str, str],
    hint: str = "",
) -> None:
    """Refuse the whole file when a needed column (field → its usual name) is missing."""
    missing = [name for field_name, name in needed.items() if field_name not in index]
    if missing:
        tr = job.tr
        message = tr.ngettext(
            "{file} has no {missing} column, so it cannot be read as {format}. Its columns "
            "are: {columns}.",
            "{file} has no {missing} columns, so it cannot be read as {format}. Its columns "
            "are: {columns}.",
            len(missing),
        ).format(
            file=job.summary.path,
            missing=", ".join(missing),
            format=job.summary.format,
            columns=", ".join(h for h in header if h.strip()) or "-",
        )
        raise InvalidInput(f"{message} {hint}".strip())


def cell(cells: list[str], position: int | None) -> str:
    return cells[position].strip() if position is not None else ""


def status_of(text: str, table: Mapping[str, str], what: str, job: Job, choices: str) -> str:
    """A platform's status word as ours (case, spaces, hyphens and underscores do not count)."""
    found = table.get(text)
    if found is None:
        found = table.get(header_key(text))
        if found is None:
            raise FieldError(
                job.tr.gettext("{what} {value!r} is not one of: {choices}.").format(
                    what=what.capitalize(),
                    value=text,
                    choices=choices,
                )
            )
    return found


def currency_of(text: str, job: Job) -> str:
    try:
        return normalise_currency(text, job.tr)
    except InvalidInput as error:
        raise FieldError(str(error)) from None


def split_reward(text: str, job: Job) -> tuple[str, str | None]:
    """`--reward "1.50 USD"` → ("1.50", "USD"); without a code the platform's currency is used."""
    parts = text.replace("\u00a0", " ").split()
    codes = [p for p in parts if len(p) == 3 and p.isalpha()]
    if not codes:
        return text, None
    rest = " ".join(p for p in parts if p not in codes)
    return rest, currency_of(codes[-1], job)
