"""What an import reports: counts per entity, the platforms it created, and every error found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.domain.errors import ClickwageError, InvalidInput
from app.i18n import Translator

MAX_LISTED = 20  # errors spelled out in a message; the rest are counted

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ImportCancelled(ClickwageError):
    """The user stopped the import; nothing was written."""


class RestartImport(Exception):
    """Internal: the file must be read again (the day/month order of its dates was learnt)."""

    def __init__(self, day_first: bool) -> None:
        super().__init__()
        self.day_first = day_first


@dataclass(frozen=True)
class Issue:
    """One bad value: where it is (line or JSON record, column) and what is wrong."""

    message: str
    line: int | None = None
    column: str | None = None
    record: str | None = None  # a JSON location such as "tasks[3]"

    def text(self, tr: Translator) -> str:
        place = self.place(tr)
        return f"{place}: {self.message}" if place else self.message

    def place(self, tr: Translator) -> str:
        if self.line is not None and self.column:
            return tr.gettext("line {line}, column {column}").format(
                line=self.line, column=self.column
            )
        if self.line is not None:
            return tr.gettext("line {line}").format(line=self.line)
        if self.record and self.column:
            return tr.gettext("{record}, field {field}").format(
                record=self.record, field=self.column
            )
        if self.record:
            return self.record
        return ""

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "record": self.record,
            "message": self.message,
        }


@dataclass
class Issues:
    """Every error of a file: the first MAX_LISTED kept in full, all of them counted."""

    listed: list[Issue] = field(default_factory=list)
    total: int = 0
    bad_rows: int = 0

    def add(self, issue: Issue) -> None:
        """Count `issue`; keep it if it is among the MAX_LISTED first by line (rows are checked
        a batch at a time, so an error may be found after one on a later line)."""
        self.total += 1
        listed = self.listed
        if len(listed) >= MAX_LISTED and (issue.line is None or issue.line >= _line_of(listed[-1])):
            return
        listed.append(issue)
        if len(listed) > 1 and (issue.line or 0) < (listed[-2].line or 0):
            listed.sort(key=_line_of)  # stable: errors of one line keep their order
        del listed[MAX_LISTED:]

    def __bool__(self) -> bool:
        return self.total > 0


def _line_of(issue: Issue) -> int:
    return issue.line or 0


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_json(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged}


ENTITIES = ("tasks", "sessions", "payouts", "events", "rates", "signs", "attachments")


@dataclass
class ImportSummary:
    """The outcome (or, for a dry run, the forecast) of an import."""

    path: str
    format: str
    dry_run: bool
    encoding: str = ""
    delimiter: str = ""
    sha256: str = ""
    rows: int = 0  # records read from the file (header excluded)
    duplicates: int = 0  # rows repeating a task already met in the same file
    counts: dict[str, Counts] = field(default_factory=lambda: {"tasks": Counts()})
    platforms_created: list[tuple[str, str]] = field(default_factory=list)  # (name, currency)
    issues: Issues = field(default_factory=Issues)
    notes: list[str] = field(default_factory=list)  # translated sentences worth telling
    settings_applied: bool = False

    def count(self, entity: str) -> Counts:
        return self.counts.setdefault(entity, Counts())

    @property
    def refused(self) -> int:
        return self.issues.bad_rows

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.issues

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "format": self.format,
            "dry_run": self.dry_run,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sha256": self.sha256,
            "rows": self.rows,
            "duplicates": self.duplicates,
            "counts": {name: c.as_json() for name, c in self.counts.items()},
            "refused": self.refused,
            "errors": self.issues.total,
            "first_errors": [issue.as_json() for issue in self.issues.listed],
            "platforms_created": [
                {"name": name, "currency": currency} for name, currency in self.platforms_created
            ],
            "settings_applied": self.settings_applied,
            "notes": list(self.notes),
        }


class ImportRefused(InvalidInput):
    """The file has bad rows: nothing was written. The message lists them by line."""

    def __init__(self, summary: ImportSummary, tr: Translator) -> None:
        super().__init__(refusal_message(summary, tr))
        self.summary = summary


def refusal_message(summary: ImportSummary, tr: Translator) -> str:
    issues = summary.issues
    if summary.dry_run:
        head = tr.ngettext(
            "{file}: {count} row would be refused:",
            "{file}: {count} rows would be refused:",
            issues.bad_rows,
        )
    else:
        head = tr.ngettext(
            "{file} was not imported, nothing was written: {count} row has errors:",
            "{file} was not imported, nothing was written: {count} rows have errors:",
            issues.bad_rows,
        )
    lines = [head.format(file=summary.path, count=issues.bad_rows)]
    lines.extend("  " + issue.text(tr) for issue in issues.listed)
    hidden = issues.total - len(issues.listed)
    if hidden > 0:
        lines.append(
            "  "
            + tr.ngettext("…and {count} more error.", "…and {count} more errors.", hidden).format(
                count=hidden
            )
        )
    return "\n".join(lines)
