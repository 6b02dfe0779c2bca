"""ImportService: read a file, check every row, and write it all in one transaction or not at all.

Called by `clickwage import` and by the window's wizard (with a progress
callback `progress(done, total)`, in bytes of the file, plus a share kept for
building the indexes again at the end of a big import, and a cancel check
that returns True to stop). Either everything is written, in one
transaction (platforms the file names that do not exist yet are created in
it, and the summary says so), or nothing is: a bad row anywhere, a cancel,
an error or the process being killed leaves the database as it was.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.collector import collector_paused
from app.domain.errors import InvalidInput, StorageError
from app.services.context import ServiceContext
from app.services.imports.csvbase import CsvFormat
from app.services.imports.job import ImportOptions, Job
from app.services.imports.json_dump import JsonDumpFormat
from app.services.imports.mturk_batch import MturkBatchFormat
from app.services.imports.mturk_status import MturkStatusFormat
from app.services.imports.native import FIELDS as NATIVE_FIELDS
from app.services.imports.native import NativeFormat
from app.services.imports.prolific import ProlificFormat
from app.services.imports.reading import (
    DELIMITER_NAMES,
    FileFacts,
    examine,
    header_key,
    read_sample,
    sniff_delimiter,
)
from app.services.imports.results import (
    Cancel,
    ImportRefused,
    ImportSummary,
    Progress,
    RestartImport,
)
from app.services.imports.toloka import TolokaFormat
from app.services.imports.values import DateOrder, Values

Reader = CsvFormat | JsonDumpFormat | MturkStatusFormat

READERS: dict[str, Reader] = {
    "native": NativeFormat(),
    "mturk-batch": MturkBatchFormat(),
    "mturk-status": MturkStatusFormat(),
    "prolific": ProlificFormat(),
    "toloka": TolokaFormat(),
    "json": JsonDumpFormat(),
}
FORMATS = tuple(READERS)


@dataclass
class Preview:
    format: str
    encoding: str
    delimiter: str
    header: list[str]
    rows: list[list[str]]
    mapping: dict[str, int]  # native field → column position, from the header's names


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def detect(self, path: Path) -> str:
        """The format of a file, from its header or its JSON (the wizard's first guess)."""
        return detect_format(examine(path, self._ctx.tr), self._ctx)

    def preview(self, path: Path, rows: int = 20) -> Preview:
        """What the wizard shows before importing: format, encoding, header, first rows, and
        for the native format which column each task field would be read from."""
        facts = examine(path, self._ctx.tr)
        name = detect_format(facts, self._ctx)
        result = Preview(name, facts.label, "", [], [], {})
        if name in ("json", "mturk-status"):
            return result
        sample = read_sample(facts)
        delimiter = sniff_delimiter(sample)
        result.delimiter = DELIMITER_NAMES[delimiter]
        try:
            found = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
        except csv.Error:
            found = []
        if found:
            result.header = found[0]
            result.rows = found[1 : rows + 1]
            keys = [header_key(h) for h in result.header]
            result.mapping = {f: keys.index(f) for f in NATIVE_FIELDS if f in keys}
        return result

    def run(
        self,
        path: Path,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportSummary:
        """Import `path`; a dry run only counts. Raises ImportRefused listing bad rows."""
        ctx, tr = self._ctx, self._ctx.tr
        chosen = options or ImportOptions()
        facts = examine(path, tr, cancel)
        name = (chosen.format or detect_format(facts, ctx)).strip().lower().replace("_", "-")
        if name not in READERS:
            raise InvalidInput(
                tr.gettext("{value!r} is not an import format; choose one of: {formats}.").format(
                    value=name, formats=", ".join(FORMATS)
                )
            )
        self._check_options(name, chosen)
        order = DateOrder(default_day_first=tr.language == "fr")
        with collector_paused():
            for _attempt in range(3):
                try:
                    return self._run_once(facts, name, chosen, order, progress, cancel)
                except RestartImport as restart:
                    order = DateOrder(order.default_day_first, day_first=restart.day_first)
        raise AssertionError("the date order cannot change more than once")

    def _check_options(self, name: str, options: ImportOptions) -> None:
        tr = self._ctx.tr
        if options.mapping and name != "native":
            raise InvalidInput(
                tr.gettext("--map only applies to the native format, not to {format}.").format(
                    format=name
                )
            )
        if options.day is not None and name != "mturk-status":
            raise InvalidInput(
                tr.gettext("--date only applies to MTurk status pages (--format mturk-status).")
            )
        if options.reward and name not in ("native", "prolific"):
            raise InvalidInput(
                tr.gettext("--reward only applies to the native and prolific formats.")
            )

    def _run_once(
        self,
        facts: FileFacts,
        name: str,
        options: ImportOptions,
        order: DateOrder,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> ImportSummary:
        ctx, tr = self._ctx, self._ctx.tr
        reader = READERS[name]
        summary = ImportSummary(
            path=facts.path.name,
            format=name,
            dry_run=options.dry_run,
            encoding=facts.label,
            sha256=facts.sha256,
        )
        zone = UTC if reader.times_in_utc else ctx.zone
        values = Values(tr, zone, ctx.clock.now(), order)
        if options.dry_run:
            with ctx.db.read() as session:
                job = Job(ctx, session, summary, options, values, facts, progress, cancel)
                reader.read(job, facts)
                job.tasks.finish()
            self._notes(summary, order)
            return summary
        try:
            with ctx.db.write(origin=f"import:{name}", bulk=True) as session:
                job = Job(ctx, session, summary, options, values, facts, progress, cancel)
                try:
                    reader.read(job, facts)
                    job.tasks.finish()
                except BaseException:
                    job.tasks.abandon()
                    raise
                if summary.issues:
                    raise ImportRefused(summary, tr)
        except DBAPIError as error:
            raise StorageError(
                tr.gettext(
                    "{file} could not be written to the database ({reason}); nothing was changed."
                ).format(file=facts.path.name, reason=error.orig)
            ) from None
        self._notes(summary, order)
        return summary

    def _notes(self, summary: ImportSummary, order: DateOrder) -> None:
        if order.used_default and order.day_first is None:
            tr = self._ctx.tr
            summary.notes.append(
                tr.gettext(
                    "Dates like 05/03/2026 were read as {order}: no date in the file told the "
                    "order. If that is wrong, write them like 2026-03-05."
                ).format(
                    order=tr.gettext("day/month/year")
                    if order.default_day_first
                    else tr.gettext("month/day/year")
                )
            )


def detect_format(facts: FileFacts, ctx: ServiceContext) -> str:
    """json, mturk-status, mturk-batch, prolific, toloka, or native by default."""
    tr = ctx.tr
    sample = read_sample(facts).lstrip("\ufeff \t\r\n")
    if sample.startswith(("{", "[")):
        if '"clickwage-export"' in sample[:4096]:
            return "json"
        if '"assignment_id"' in sample or '"results"' in sample:
            return "mturk-status"
        raise InvalidInput(
            tr.gettext(
                "{file} is JSON, but neither a Clickwage export nor an MTurk status page: "
                "name its format with --format."
            ).format(file=facts.path.name)
        )
    delimiter = sniff_delimiter(sample)
    try:
        header = next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])
    except csv.Error:
        header = []
    keys = {header_key(h) for h in header}
    if {"assignmentid", "assignmentstatus"} <= keys:
        return "mturk-batch"
    if "submission_id" in keys and "status" in keys and "participant_id" in keys:
        return "prolific"
    if any(key.startswith("assignment:") for key in keys):
        return "toloka"
    return "native"
