"""The SQLite database: engine, pragmas on every connection, transactions, migrations, backup.

SQLite-only statements (pragmas, BEGIN IMMEDIATE, the backup API) live here
and nowhere else.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.domain.errors import StorageError
from app.i18n import Translator
from app.storage.audit import install_audit_hooks
from app.storage.datadir import DATABASE_FILE
from app.storage.location import wal_is_safe
from app.storage.migrate import migrate

BUSY_TIMEOUT_SECONDS = 10
# The page cache of a bulk write (PRAGMA cache_size; negative: KiB). With the default 2 MB
# a million-row import spends much of its time moving index pages in and out.
BULK_CACHE_KIB: Final = 65536


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
    def write(
        self, origin: str = "manual", action: str | None = None, *, bulk: bool = False
    ) -> Iterator[Session]:
        """A write transaction. `bulk` (an import of many rows) gives it a big page cache on a
        connection of its own, closed afterwards instead of going back to the pool (with its
        cache and the big statements it prepared). Durability is the same: WAL,
        synchronous=FULL, one transaction."""
        session = self._writer()
        session.info.update(clock=self.clock, origin=origin)
        if action:
            session.info["action"] = action
        try:
            if bulk and self.engine.dialect.name == "sqlite":
                connection = session.connection()
                connection.detach()
                connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
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


# What BulkInserter binds for NULL in a nullable column: the sqlite3 module binds None about
# eight times slower than an integer, so NULL travels as the smallest 64-bit integer and
# NULLIF() turns it back. No stored value can be it (times, amounts and ids are far from it),
# and a text never equals an integer in SQLite.
NULL: Final = -(2**63)
NULL_LITERAL: Final = "0x8000000000000000"  # NULL as SQLite reads it (64-bit two's complement)


class BulkInserter:
    """Rows appended to one table by multi-row INSERTs that a helper thread executes.

    The statements run on the transaction's own connection, so they commit or roll back
    with it. SQLite writes with Python's GIL released: while one batch is written, the
    caller reads and checks the next rows. `send()` queues a batch (flat values in the
    order of the bound columns, NULL instead of None in the nullable ones); `wait()`
    returns when everything sent is written and raises the error a write met (a
    sqlalchemy DBAPIError); `close()` stops the thread. Until then any statement the
    caller runs on the connection first waits for the queue to empty.

    The indexes are kept up to date row by row, in the writer thread: dropping them and
    building them again at the end costs less CPU, but the end is then spent on one CPU
    while the rows are read and checked on the other (a million rows: 30 s instead of 23).
    """

    def __init__(
        self,
        connection: Connection,
        table: str,
        columns: Sequence[str],
        *,
        constants: Mapping[str, int | str] | None = None,
        nullable: Collection[str] = (),
        rows: int = 2048,
    ) -> None:
        fixed = dict(constants or {})
        self.bound = tuple(c for c in columns if c not in fixed)
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        # Anonymous parameters only: the sqlite3 module looks numbered ones up by name, one
        # by one, which makes a statement of thousands of them cost quadratic time.
        row = (
            "("
            + ",".join(
                _literal(fixed[column])
                if column in fixed
                else f"NULLIF({mark},{NULL_LITERAL})"
                if column in nullable
                else mark
                for column in columns
            )
            + ")"
        )
        width = len(self.bound)
        self.rows = max(1, min(rows, _variable_limit(connection) // max(1, width)))
        prefix = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        # One statement for full batches (SQLite keeps it prepared), and a one-row statement
        # run many times for a last, shorter one: never a second big statement in the cache.
        self._batch = prefix + ",".join([row] * self.rows)
        self._single = prefix + row
        self._width = width
        self._connection = connection
        dbapi = connection.connection.dbapi_connection
        assert dbapi is not None
        self._cursor = dbapi.cursor()
        self._dialect = connection.dialect
        self._queue: queue.Queue[tuple[str, list[Any], bool] | None] = queue.Queue(maxsize=2)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._closed = False
        event.listen(connection, "before_cursor_execute", self._before_execute)

    def send(self, values: list[Any], rows: int) -> None:
        """Queue `rows` rows (len(values) == rows * len(self.bound)); blocks while two wait."""
        self._raise()
        if self._closed:
            raise RuntimeError("BulkInserter.send() after close()")
        if not rows:
            return
        if rows == self.rows:
            self._submit(self._batch, values)
        else:
            width = self._width
            rows_of = [values[n : n + width] for n in range(0, rows * width, width)]
            self._submit(self._single, rows_of, many=True)

    def _submit(self, statement: str, values: list[Any], many: bool = False) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bulk-insert", daemon=True)
            self._thread.start()
        self._queue.put((statement, values, many))

    def wait(self) -> None:
        if self._thread is not None:
            self._queue.join()
        self._raise()

    def close(self) -> None:
        """Stop the writer and release the connection. Batches still queued are dropped (after
        wait() there are none): closing early is for errors, and the transaction rolls back."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join()
        finally:
            event.remove(self._connection, "before_cursor_execute", self._before_execute)
            self._cursor.close()

    def _before_execute(self, *args: Any) -> None:
        if self._thread is not None and not self._closed:
            self.wait()

    def _run(self) -> None:
        cursor = self._cursor
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if self._error is None and not self._closed:
                    statement, values, many = item
                    try:
                        if many:
                            cursor.executemany(statement, values)
                        else:
                            cursor.execute(statement, values)
                    except self._dialect.loaded_dbapi.Error as error:
                        self._error = DBAPIError.instance(
                            None,
                            None,
                            error,
                            self._dialect.loaded_dbapi.Error,
                            dialect=self._dialect,
                        )
            except BaseException as error:  # handed to the caller's thread, never lost
                self._error = error
            finally:
                self._queue.task_done()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


def _literal(value: int | str) -> str:
    if isinstance(value, int):
        return str(int(value))
    return "'" + value.replace("'", "''") + "'"


def _variable_limit(connection: Connection) -> int:
    """How many parameters one statement may have (SQLite: 999 before 3.32, 32766 since)."""
    dbapi = connection.connection.dbapi_connection
    getlimit = getattr(dbapi, "getlimit", None)
    if getlimit is not None:
        try:
            return int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        except (AttributeError, ValueError):
            pass
    return 999


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
