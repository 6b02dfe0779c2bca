"""Walking through a Clickwage JSON dump: the reader over its sections, and one record's getters.

`DumpReader` hands out a section's records while reporting progress, finds
platforms, and keeps the map from the dump's ids to the journal's. `Record`
reads one record's fields as typed values, collecting errors instead of raising.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.money import normalise_currency
from app.services.imports.job import Job
from app.services.imports.tasks import PlatformRef
from app.services.imports.values import FieldError, has_surrogates


class DumpReader:
    """A dump being read: its sections, the progress through them, and the ids it maps."""

    def __init__(self, job: Job, data: dict[str, Any]) -> None:
        self.job = job
        self.data = data
        self.ids: dict[str, dict[int, int]] = {
            name: {} for name in ("platforms", "sessions", "payouts", "events", "tasks")
        }
        self.done = 0
        self.total = sum(len(v) for v in data.values() if isinstance(v, list))

    def section(self, name: str) -> Iterator[tuple[int, Any]]:
        """Each (index, item) of a section, reporting progress as the records go by."""
        items = self.data.get(name, [])
        if not isinstance(items, list):
            raise InvalidInput(
                self.job.tr.gettext("{file}: {section} is not a list.").format(
                    file=self.job.summary.path, section=name
                )
            )
        for index, item in enumerate(items):
            yield index, item
            self.done += 1
            if not self.done & 511:
                self.job.tick(self.done, self.total)

    def platform(self, name: str, currency: str | None) -> PlatformRef:
        """The platform called `name`, created with `currency` if it does not exist yet."""
        found = self.job.platforms.known(name)
        return found if found is not None else self.job.platforms.get(name, currency)


class Record:
    """One JSON record being read: typed getters that collect errors instead of raising."""

    def __init__(self, reader: DumpReader, section: str, index: int, item: Any) -> None:
        self.reader = reader
        self.job = reader.job
        self.where = f"{section}[{index}]"
        self.item: dict[str, Any] = item if isinstance(item, dict) else {}
        self.errors: list[tuple[str | None, str]] = []
        if not isinstance(item, dict):
            self.errors.append((None, self.job.tr.gettext("this is not a record.")))

    def fail(self, key: str | None, message: str) -> None:
        self.errors.append((key, message))

    def text(self, key: str, limit_field: str | None = None, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, self.job.tr.gettext("the value is missing."))
            return None
        if not isinstance(value, str) or has_surrogates(value):
            self.fail(key, self.job.tr.gettext("the value is not text."))
            return None
        try:
            return self.job.values.text(value, limit_field or key, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def time(self, key: str, required: bool = False) -> int | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return self.job.values.time(value, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def amount(self, key: str, currency: str | None, required: bool = False) -> int | None:
        value = self.item.get(key)
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            value = format(value, "f")
        if value is None or value == "":
            if required:
                self.fail(key, self.job.tr.gettext("the value is missing."))
            return None
        if not isinstance(value, str) or currency is None:
            self.fail(key, self.job.tr.gettext("the value is not an amount."))
            return None
        try:
            return self.job.values.amount(value, currency, key)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def currency(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return normalise_currency(value, self.job.tr)
        except InvalidInput as error:
            self.fail(key, str(error))
            return None

    def choice(self, key: str, enum: type[StrEnum]) -> str | None:
        value = self.text(key, required=True)
        if value is None:
            return None
        if value not in enum._value2member_map_:
            self.fail(
                key,
                self.job.tr.gettext("{value!r} is not one of: {choices}.").format(
                    value=value, choices=", ".join(m.value for m in enum)
                ),
            )
            return None
        return value

    def integer(self, key: str, maximum: int) -> int | None:
        value = self.item.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            self.fail(
                key,
                self.job.tr.gettext("{value!r} is not a whole number from 0 to {maximum}.").format(
                    value=value, maximum=maximum
                ),
            )
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.item.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, self.job.tr.gettext("the value is not true or false."))
            return False
        return value

    def platform(self, key: str = "platform", currency: str | None = None) -> PlatformRef | None:
        name = self.text(key, "platform", required=True)
        if name is None:
            return None
        try:
            return self.reader.platform(name, currency)
        except FieldError as error:
            self.fail(key, error.message)
            return None

    def done(self) -> bool:
        """True when the record is good; else its errors are recorded."""
        if self.errors:
            self.job.row_errors(self.errors, None, self.where)
            return False
        return True
