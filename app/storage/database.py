"""The SQLite database: engine, pragmas on every connection, transactions, migrations, backup.

SQLite-only statements (pragmas, BEGIN IMMEDIATE, the backup API) live here
and nowhere else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.domain.errors import StorageError
from app.i18n import Translator
from app.storage.audit import install_audit_hooks
from app.storage.datadir import DATABASE_FILE
from app.storage.location import wal_is_safe
from app.storage.migrate import migrate

BUSY_TIMEOUT_SECONDS = 10


def _on_connect(
    dbapi_connection: sqlite3.Connection, connection_record: Any, wal: bool = True
) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        # WAL corrupts databases in cloud-sync and network folders: use a rollback journal there.
        wanted = "WAL" if wal else "DELETE"
        mode = cursor.execute(f"PRAGMA journal_mode={wanted}").fetchone()
        if mode and str(mode[0]).lower() != wanted.lower() and not _is_memory(dbapi_connection):
            # Network and read-only file systems refuse WAL: keep a safe rollback journal.
            cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _is_memory(dbapi_connection: sqlite3.Connection) -> bool:
    row = dbapi_connection.execute("PRAGMA database_list").fetchone()
    return not row or not row[2]


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={
            "timeout": BUSY_TIMEOUT_SECONDS,
            "isolation_level": None,
            "check_same_thread": False,
        },
    )
    wal = wal_is_safe(path.parent)
    event.listen(
        engine,
        "connect",
        lambda dbapi_connection, record: _on_connect(dbapi_connection, record, wal=wal),
    )
    event.listen(engine, "begin", _on_begin)
    return engine


class AuditedSession(Session):
    """A Session whose flushes are written to the audit trail."""


install_audit_hooks(AuditedSession)


class Database:
    """An open, migrated Clickwage database.

    `read()` gives a session for queries; `write()` a session in a
    BEGIN IMMEDIATE transaction that commits on success (every ORM change is
    audited in the same transaction) and rolls back on any error.
    """

    def __init__(self, engine: Engine, clock: Clock, path: Path) -> None:
        self.engine = engine
        self.clock = clock
        self.path = path
        self._reader = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)
        self._writer = sessionmaker(
            engine.execution_options(sqlite_begin="IMMEDIATE"),
            class_=AuditedSession,
            expire_on_commit=False,
        )

    @classmethod
    def open(cls, directory: Path, clock: Clock, tr: Translator) -> Database:
        """Open (creating if needed) the database in `directory`, migrating it first."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                tr.gettext("Cannot create the data folder {path}: {reason}.").format(
                    path=directory, reason=error.strerror or error
                )
            ) from None
        path = directory / DATABASE_FILE
        engine = make_engine(path)
        try:
            migrate(engine, path, clock, tr)
        except OperationalError as error:
            engine.dispose()
            raise StorageError(
                tr.gettext("Cannot open the database {path}: {reason}.").format(
                    path=path, reason=error.orig
                )
            ) from None
        except DatabaseError as error:
            engine.dispose()
            raise StorageError(
                tr.gettext(
                    "{path} is damaged or is not a Clickwage database ({reason}). Nothing was "
                    "changed; restore a backup or choose another data folder with --data-dir."
                ).format(path=path, reason=error.orig)
            ) from None
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, clock, path)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        session.info["clock"] = self.clock
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self, origin: str = "manual", action: str | None = None) -> Iterator[Session]:
        session = self._writer()
        session.info.update(clock=self.clock, origin=origin)
        if action:
            session.info["action"] = action
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def backup_to(self, target: Path) -> None:
        backup_file(self.engine, target)


def backup_file(engine: Engine, target: Path, pages: int = -1) -> None:
    """Copy the live database with SQLite's online backup API (never a file copy under WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(str(target))
        try:
            source.backup(destination, pages=pages)
        finally:
            destination.close()
    finally:
        raw.close()


def timestamp_for_file(instant: datetime) -> str:
    return instant.strftime("%Y%m%dT%H%M%SZ")
