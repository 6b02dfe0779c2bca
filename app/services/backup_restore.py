"""Restoring a backup over the journal: the long checks first, then the short swap.

`stage_restore` checks every file of the backup against its manifest and extracts it
into a staging folder beside the journal, which may stay open meanwhile (the window
runs it behind a progress bar). `apply_restore` then needs the journal's connections
closed: it keeps a safety copy of the current database in `backups/`, puts the
backup's database in place, adds its attachments and opens it (migrating an older
one); if opening fails, the previous database is put back. `restore_backup` does
both (the command line).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from app.domain.clock import Clock
from app.domain.errors import StorageError
from app.i18n import Translator
from app.services.backups import (
    ATTACHMENTS,
    BackupInfo,
    RestoreResult,
    backups_folder,
    check_backup,
    damaged_backup,
)
from app.services.imports.results import Cancel, Progress
from app.storage.database import Database, backup_file, make_engine, timestamp_for_file
from app.storage.datadir import DATABASE_FILE
from app.storage.migrate import current_revision, head_revision


class StagedRestore:
    """A checked backup extracted beside the journal, ready to be put in place.

    Use it in a with-block: what was not put in place is removed at the end.
    """

    def __init__(self, info: BackupInfo, work: tempfile.TemporaryDirectory[str]) -> None:
        self.info = info
        self._work = work
        self.folder = Path(work.name)

    def discard(self) -> None:
        self._work.cleanup()

    def __enter__(self) -> StagedRestore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.discard()


def stage_restore(
    archive: Path,
    data_dir: Path,
    tr: Translator,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> StagedRestore:
    """Check `archive` whole and extract it beside the journal in `data_dir` (untouched).

    Raises InvalidInput for a damaged or newer backup, BackupCancelled if cancelled.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    work = tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir)
    try:
        staging = Path(work.name) / "backup"
        info = check_backup(archive, tr, staging, progress, cancel)
        _check_staged_database(staging / DATABASE_FILE, info, archive, tr)
    except BaseException:
        work.cleanup()
        raise
    return StagedRestore(info, work)


def apply_restore(
    staged: StagedRestore, data_dir: Path, clock: Clock, tr: Translator
) -> RestoreResult:
    """Put a staged backup in place of the journal in `data_dir` (no connection open)."""
    database = data_dir / DATABASE_FILE
    staging = staged.folder / "backup"
    info = staged.info
    safety: Path | None = None
    previous = staged.folder / "previous"
    if database.exists():
        _refuse_if_in_use(database, tr)
        safety = _safety_copy(database, data_dir, clock)
        previous.mkdir()
        for suffix in ("", "-wal", "-shm", "-journal"):
            current = Path(str(database) + suffix)
            if current.exists():
                os.replace(current, previous / current.name)
    os.replace(staging / DATABASE_FILE, database)
    migrated = info.schema_revision != head_revision()
    try:
        Database.open(data_dir, clock, tr).close()
    except BaseException:
        _put_back(database, previous)
        raise
    added = _add_attachments(staging / ATTACHMENTS, data_dir / ATTACHMENTS)
    return RestoreResult(info, safety, migrated, added)


def restore_backup(
    archive: Path,
    data_dir: Path,
    clock: Clock,
    tr: Translator,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RestoreResult:
    """Replace the journal in `data_dir` with the backup `archive` (see the module's notes)."""
    with stage_restore(archive, data_dir, tr, progress, cancel) as staged:
        return apply_restore(staged, data_dir, clock, tr)


def _check_staged_database(path: Path, info: BackupInfo, archive: Path, tr: Translator) -> None:
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
    except SQLAlchemyError:
        raise damaged_backup(archive, tr, tr.gettext("its database cannot be read")) from None
    finally:
        engine.dispose()
    if revision != info.schema_revision:
        raise damaged_backup(
            archive, tr, tr.gettext("its database does not have the schema its manifest says")
        )


def _refuse_if_in_use(database: Path, tr: Translator) -> None:
    """SQLite removes the -wal file when the last connection closes: if it stays, one is open."""
    engine = make_engine(database)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1").all()
    except SQLAlchemyError:
        return  # a damaged database: nobody can be using it usefully
    finally:
        engine.dispose()
    if Path(str(database) + "-wal").exists():
        raise StorageError(
            tr.gettext(
                "The journal in {path} is open in another Clickwage (the window?): close it, "
                "then restore again. Nothing was changed."
            ).format(path=database.parent)
        )


def _safety_copy(database: Path, data_dir: Path, clock: Clock) -> Path:
    """A copy of the current database in backups/, made with the backup API when possible."""
    folder = backups_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timestamp_for_file(clock.now())
    target = folder / f"clickwage-before-restore-{stamp}.sqlite"
    engine = make_engine(database)
    try:
        backup_file(engine, target)
        return target
    except (SQLAlchemyError, sqlite3.Error):
        pass  # a damaged database: keep its files as they are
    finally:
        engine.dispose()
    target.unlink(missing_ok=True)
    kept = folder / f"clickwage-before-restore-{stamp}"
    kept.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(database) + suffix)
        if source.exists():
            shutil.copy2(source, kept / source.name)
    return kept


def _put_back(database: Path, previous: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    if previous.is_dir():
        for item in previous.iterdir():
            os.replace(item, database.parent / item.name)


def _add_attachments(source: Path, target: Path) -> int:
    """Attachments are named by their content: add the backup's, keep the ones already here."""
    added = 0
    if not source.is_dir():
        return added
    for path in _files(source):
        destination = target / path.relative_to(source)
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, destination)
        added += 1
    return added


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path
