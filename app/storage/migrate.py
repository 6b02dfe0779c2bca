"""Schema migrations with Alembic, run whenever a database is opened.

- A fresh database is created from the models and stamped with the head revision.
- An older one is first copied with SQLite's backup API into `backups/`, then
  upgraded in one transaction (a failed migration leaves it untouched).
- One written by a newer Clickwage is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from app.domain.clock import Clock
from app.domain.errors import StorageError
from app.i18n import Translator
from app.storage.models import Base

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUP_FOLDER = "backups"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def newest_file_revision() -> str | None:
    """The head revision read from the file names alone (NNNN_what.py, one line of history,
    checked by a test): no need to load Alembic to see that a database is up to date."""
    names = (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    revisions = sorted(name.name.split("_", 1)[0] for name in names)
    return revisions[-1] if revisions else None


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:  # no such table, not a database...: the full path below says what
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def migrate(engine: Engine, path: Path, clock: Clock, tr: Translator) -> str | None:
    """Bring the database to the head revision; return the backup path's name if one was made."""
    stored = _stored_revision(engine)
    if stored is not None and stored == newest_file_revision():
        return None  # up to date: the usual case, without loading Alembic (0.1 s)
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = MigrationContext.configure(connection).get_current_revision()
    if not tables:
        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            config.attributes["connection"] = connection
            command.stamp(config, "head")
        return None
    if revision is None:
        raise StorageError(
            tr.gettext("{path} is not a Clickwage database (it has no schema version).").format(
                path=path
            )
        )
    if revision == head:
        return None
    try:
        script.get_revision(revision)
    except CommandError:
        raise StorageError(
            tr.gettext(
                "The database {path} was written by a newer version of Clickwage "
                "(schema {revision}). Install the newer version, or restore a backup."
            ).format(path=path, revision=revision)
        ) from None
    from app.storage.database import backup_file, timestamp_for_file

    backup = (
        path.parent
        / BACKUP_FOLDER
        / (f"clickwage-before-upgrade-{revision}-{timestamp_for_file(clock.now())}.sqlite")
    )
    backup_file(engine, backup)
    with engine.connect() as connection:
        # Table rebuilds (batch mode) need foreign keys off. The pragma is a no-op inside a
        # transaction, so it goes straight to the driver, before SQLAlchemy begins one.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StorageError(
                        tr.gettext(
                            "Upgrading the database broke {count} links between records; "
                            "it was left as it was. A copy is in {backup}."
                        ).format(count=len(problems), backup=backup)
                    )
        except StorageError:
            raise
        except Exception as error:
            raise StorageError(
                tr.gettext(
                    "Upgrading the database failed ({reason}); it was left as it was. "
                    "A copy is in {backup}."
                ).format(reason=error, backup=backup)
            ) from error
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
    return backup.name
