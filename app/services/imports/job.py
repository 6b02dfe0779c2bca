"""One import in progress: its options, transaction, platforms, counters and errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.money import normalise_currency
from app.i18n import Translator
from app.services.context import ServiceContext
from app.services.imports.results import (
    Cancel,
    ImportCancelled,
    ImportSummary,
    Issue,
    Progress,
)
from app.services.imports.tasks import PlatformRef, TaskSink
from app.services.imports.values import MAX_TEXT, FieldError, Values
from app.services.platforms import name_key
from app.storage.models import Platform, Setting

if TYPE_CHECKING:
    from app.services.imports.reading import FileFacts


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose (the CLI's options, the wizard's answers)."""

    format: str | None = None  # None: detect it
    platform: str | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)  # native field → file column
    reward: str | None = None  # the study's reward (Prolific), or a default reward
    day: date | None = None  # the day of an MTurk status page
    dry_run: bool = False


class Job:
    """Shared by a format's reader and the task sink while one file is imported."""

    def __init__(
        self,
        ctx: ServiceContext,
        session: Session,
        summary: ImportSummary,
        options: ImportOptions,
        values: Values,
        facts: FileFacts | None,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> None:
        self.ctx = ctx
        self.tr: Translator = ctx.tr
        self.session = session
        self.summary = summary
        self.options = options
        self.values = values
        self.facts = facts
        self.write = not options.dry_run
        self._progress = progress
        self._cancel = cancel
        self.origin = f"import:{summary.format}"
        self.now = int(ctx.now().timestamp())
        self.tasks = TaskSink(
            session,
            origin=self.origin,
            now=self.now,
            summary=summary,
            tr=self.tr,
            write=self.write,
            details={
                "file": summary.path,
                "format": summary.format,
                "sha256": summary.sha256,
            },
            failed=self.failed,
        )
        self.platforms = PlatformResolver(self)
        self._home: str | None = None

    # -- errors and progress ----------------------------------------------------------------

    def failed(self) -> bool:
        return bool(self.summary.issues)

    def row_errors(
        self, errors: Sequence[tuple[str | None, str]], line: int | None, record: str | None = None
    ) -> None:
        """Record every error of one row (column, sentence) and count the row as refused."""
        for column, message in errors:
            self.summary.issues.add(Issue(message, line=line, column=column, record=record))
        self.summary.issues.bad_rows += 1

    def tick(self, done: int, total: int) -> None:
        """Progress of the reading, in the reader's units (bytes, records)."""
        self._report(done, total)

    def _report(self, done: int, total: int) -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelled(self.tr.gettext("Import cancelled; nothing was written."))
        if self._progress is not None:
            self._progress(done, total)

    def set_home_currency(self, code: str) -> None:
        """The home currency an import just set (a JSON dump's settings)."""
        self._home = code

    def home_currency(self) -> str:
        if self._home is None:
            stored = self.session.scalar(
                select(Setting.value).where(Setting.key == "home_currency")
            )
            self._home = stored or "USD"
        return self._home


class PlatformResolver:
    """Platforms by name (any case). Missing ones are created in the import's transaction.

    A dry run only says which would be created (they get negative ids).
    """

    def __init__(self, job: Job) -> None:
        self._job = job
        self._by_key: dict[str, PlatformRef] = {}

    def get(self, name: str, currency: str | None = None) -> PlatformRef:
        key = name_key(name)
        found = self._by_key.get(key)
        if found is not None:
            return found
        job, tr = self._job, self._job.tr
        clean = " ".join(name.split())
        if not clean:
            raise FieldError(tr.gettext("A platform needs a name."))
        if len(clean) > MAX_TEXT["platform"]:
            raise FieldError(
                tr.gettext(
                    "Platform name {name!r} is too long (at most {limit} characters)."
                ).format(name=clean, limit=MAX_TEXT["platform"])
            )
        row = job.session.scalar(select(Platform).where(Platform.name_key == key))
        if row is not None:
            found = PlatformRef(row.id, row.name, row.currency, False)
        else:
            found = self._create(clean, key, currency)
        self._by_key[key] = found
        return found

    def first_of(self, names: Sequence[str], currency: str) -> PlatformRef:
        """The first of `names` that exists; else the first name, created with `currency`."""
        job = self._job
        for candidate in names:
            key = name_key(candidate)
            if key in self._by_key:
                return self._by_key[key]
            row = job.session.scalar(select(Platform).where(Platform.name_key == key))
            if row is not None:
                return self.get(row.name)
        return self.get(names[0], currency)

    def known(self, name: str) -> PlatformRef | None:
        """The platform called `name` if it exists (or was created by this import), else None."""
        key = name_key(name)
        found = self._by_key.get(key)
        if found is None:
            row = self._job.session.scalar(select(Platform).where(Platform.name_key == key))
            if row is not None:
                found = self._by_key[key] = PlatformRef(row.id, row.name, row.currency, False)
        return found

    def create(self, name: str, currency: str | None, **attributes: object) -> PlatformRef:
        """Create a platform (a dry run only counts it); `attributes` are Platform columns."""
        clean = " ".join(name.split())
        found = self._create(clean, name_key(clean), currency, attributes)
        self._by_key[name_key(clean)] = found
        return found

    def _create(
        self,
        name: str,
        key: str,
        currency: str | None,
        attributes: Mapping[str, object] | None = None,
    ) -> PlatformRef:
        job = self._job
        try:
            code = normalise_currency(currency, job.tr) if currency else job.home_currency()
        except InvalidInput as error:
            raise FieldError(str(error)) from None
        job.summary.platforms_created.append((name, code))
        if not job.write:
            return PlatformRef(-len(job.summary.platforms_created), name, code, True)
        values: dict[str, object] = {
            "url": None,
            "account_ref": None,
            "min_wage": None,
            "max_payout_days": None,
            "max_review_days": None,
            "archived": False,
        }
        values.update(attributes or {})
        row = Platform(name=name, name_key=key, currency=code, **values)
        job.session.add(row)
        job.session.flush()
        return PlatformRef(row.id, row.name, row.currency, True)
