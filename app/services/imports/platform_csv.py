"""Helpers for the platforms' own CSV files (MTurk, Prolific, Toloka): one platform per file."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.errors import InvalidInput
from app.services.imports.job import Job
from app.services.imports.tasks import PlatformRef
from app.services.imports.values import FieldError

# Cells that platforms write where there is no value.
EMPTY = frozenset({"", "not applicable", "n/a", "na", "none", "null", "nan", "-"})


def file_platform(job: Job, defaults: Sequence[str], currency: str) -> PlatformRef:
    """--platform if given (created if missing), else the first of `defaults` that exists."""
    try:
        if job.options.platform:
            return job.platforms.get(job.options.platform, currency)
        return job.platforms.first_of(defaults, currency)
    except FieldError as error:
        raise InvalidInput(error.message) from None


def present(text: str) -> str:
    """The cell, or "" when it is one of the platforms' ways of saying "nothing"."""
    value = text.strip()
    return "" if value.casefold() in EMPTY else value


class RowErrors:
    """Collects a row's errors as (column, sentence)."""

    def __init__(self) -> None:
        self.items: list[tuple[str | None, str]] = []

    def add(self, column: str | None, error: FieldError | str) -> None:
        self.items.append((column, error.message if isinstance(error, FieldError) else error))

    def __bool__(self) -> bool:
        return bool(self.items)
