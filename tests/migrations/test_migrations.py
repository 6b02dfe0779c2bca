"""Migrations run when the database opens.

- The database written by the first schema (fixtures/schema_0001.sqlite, made by
  make_fixture_0001.py) opens with its data and its audit trail intact.
- A fresh database is created and stamped at the head revision.
- One stamped by a newer Clickwage is refused with a clear message.
- Alembic's migrations from nothing give the same schema as the models.
- An older database is copied with SQLite's backup API before it is upgraded,
  and a failed upgrade leaves it as it was (tested with a second revision
  written into a copy of the migrations folder).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command

from app.domain.clock import FakeClock
from app.domain.errors import StorageError
from app.i18n import Translator
from app.services import Services, open_services
from app.storage import migrate as migrate_module
from app.storage.database import Database, backup_file, make_engine
from app.storage.datadir import DATABASE_FILE
from app.storage.migrate import alembic_config, current_revision, head_revision
from app.storage.models import Base

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_0001 = FIXTURES / "schema_0001.sqlite"
PARIS = ZoneInfo("Europe/Paris")
DATA_TABLES = ("platforms", "work_sessions", "tasks", "payouts", "account_events",
               "scam_signs", "exchange_rates", "settings", "attachments", "audit_log",
               "alembic_version")


def copy_fixture(tmp_path: Path, name: str = "data") -> Path:
    """The fixture copied into a data folder of its own; the kept file is never opened."""
    folder = tmp_path / name
    folder.mkdir()
    shutil.copyfile(FIXTURE_0001, folder / DATABASE_FILE)
    return folder


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def clauses(sql: str) -> tuple[str, ...]:
    """A CREATE statement made comparable: columns in order, then the named constraints sorted.

    Alembic and create_all list a table's constraints in different orders; that
    order means nothing to SQLite, the columns' order does.
    """
    text = re.sub(r"\s+", " ", sql).strip()
    if not text.upper().startswith("CREATE TABLE"):
        return (text,)
    head, body = text.split("(", 1)
    body = body.rsplit(")", 1)[0]
    parts, depth, current = [], 0, ""
    for char in body:
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    parts.append(current.strip())
    columns = [p for p in parts if not p.upper().startswith("CONSTRAINT")]
    constraints = sorted(p for p in parts if p.upper().startswith("CONSTRAINT"))
    return (head.strip(), *columns, *constraints)


def schema(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """Tables and indexes as SQLite keeps them, comparable, in name order."""
    rows = query(path, "SELECT type, name, sql FROM sqlite_master "
                       "WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'")
    return sorted((str(kind), str(name), clauses(str(sql))) for kind, name, sql in rows)


def all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: query(path, f"SELECT * FROM {table} ORDER BY rowid") for table in DATA_TABLES}


@pytest.fixture
def opened(tmp_path: Path, clock: FakeClock, tr: Translator) -> Iterator[Services]:
    services = open_services(copy_fixture(tmp_path), clock, PARIS, tr, "FR")
    yield services
    services.close()


# --------------------------------------------------------------------------- the 0001 fixture


def test_the_fixture_is_kept_at_revision_0001() -> None:
    assert FIXTURE_0001.is_file(), "run tests/migrations/make_fixture_0001.py"
    assert query(FIXTURE_0001, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert not FIXTURE_0001.with_name(FIXTURE_0001.name + "-wal").exists()


def test_the_fixture_opens_with_its_data(opened: Services) -> None:
    services = opened
    assert current_revision(services.ctx.db.engine) == head_revision()
    backups = list((services.ctx.db.path.parent / "backups").glob("*.sqlite"))
    if head_revision() == "0001":
        assert backups == []  # nothing to upgrade, nothing copied
    else:
        assert len(backups) == 1 and "-0001-" in backups[0].name

    assert [p.name for p in services.platforms.list()] == ["Prolific", "Toloka"]
    prolific = services.platforms.get("Prolific")
    assert (prolific.currency, prolific.url, prolific.max_payout_days) == (
        "GBP", "https://www.prolific.com", 7)
    assert services.platforms.get("Toloka").min_wage == 950

    settings = services.settings.current()
    assert settings.home_currency == "EUR"
    assert settings.max_payout_days == 10
    assert str(settings.max_rejection_rate) == "0.1"

    tasks = {t.external_id: t for t in services.tasks.list()}
    assert len(tasks) == 45
    assert tasks["PRO-1"].status == "approved"
    assert tasks["PRO-2"].status == "rejected"
    assert tasks["PRO-2"].reason == "Failed attention check"
    assert (tasks["PRO-3"].status, tasks["PRO-3"].earned, tasks["PRO-3"].bonus) == (
        "partially_approved", 300, 50)
    assert tasks["PRO-4"].status == "returned"
    assert tasks["TOL-LIVE"].status == "in_progress"
    assert tasks["TOL-LIVE"].origin == "manual"
    assert tasks["TOL-007"].origin == "import:csv"
    assert tasks["PRO-1"].decided_at == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    assert tasks["PRO-1"].recorded_at == datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
    assert tasks["PRO-1"].edited_at == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)

    payouts = services.payouts.list()
    assert [(p.platform, p.status) for p in payouts] == [
        ("Prolific", "received"), ("Toloka", "requested")]
    events = services.events.list()
    assert [(e.platform, e.kind) for e in events] == [("Toloka", "balance_withheld")]
    table = services.rates.table()
    assert table.home_currency == "EUR"
    assert table.rates == {"GBP": [(date(2026, 3, 2), Decimal("1.1725"))],
                           "USD": [(date(2026, 3, 2), Decimal("0.9201"))]}

    status = services.timer.status()
    assert status.running and status.session is not None
    assert (status.session.platform, status.session.origin) == ("Toloka", "timer")
    assert services.platforms.signs(services.platforms.get("Toloka").id) == ["withdrawal-fee"]


def test_the_fixture_verifies_intact_and_stays_usable(opened: Services, clock: FakeClock) -> None:
    result = opened.audit.verify()
    assert result.problems == []
    assert result.entries == 25
    opened.timer.stop()
    opened.tasks.update("Toloka", "TOL-000", status="approved")
    opened.tasks.add("Prolific", "1.00", external_id="PRO-NEW")
    assert opened.audit.verify().intact


def test_the_fixture_opens_with_database_open(tmp_path: Path, clock: FakeClock,
                                              tr: Translator) -> None:
    folder = copy_fixture(tmp_path)
    before = all_rows(folder / DATABASE_FILE)
    db = Database.open(folder, clock, tr)
    try:
        assert current_revision(db.engine) == head_revision()
        assert set(DATA_TABLES) <= set(db.table_names())
    finally:
        db.close()
    after = all_rows(folder / DATABASE_FILE)
    if head_revision() == "0001":
        assert after == before  # opening changes nothing


# --------------------------------------------------------------------------- fresh and newer


def test_a_fresh_database_is_created_and_stamped_at_head(
    tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = tmp_path / "new" / "nested"
    db = Database.open(folder, clock, tr)
    try:
        assert (folder / DATABASE_FILE).is_file()
        assert current_revision(db.engine) == head_revision()
        assert set(Base.metadata.tables) | {"alembic_version"} == set(db.table_names())
    finally:
        db.close()
    assert not (folder / "backups").exists()
    assert query(folder / DATABASE_FILE, "SELECT count(*) FROM audit_log") == [(0,)]


def test_a_database_from_a_newer_version_is_refused(
    tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = copy_fixture(tmp_path)
    path = folder / DATABASE_FILE
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.commit()
    connection.close()
    before = all_rows(path)
    with pytest.raises(StorageError, match="newer version") as caught:
        Database.open(folder, clock, tr)
    assert "ffff" in str(caught.value)
    assert str(path) in str(caught.value)
    assert all_rows(path) == before  # untouched
    assert not (folder / "backups").exists()


def test_a_database_from_a_newer_version_is_refused_by_open_services(
    tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = copy_fixture(tmp_path)
    connection = sqlite3.connect(folder / DATABASE_FILE)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="newer version"):
        open_services(folder, clock, PARIS, tr, "FR")


def test_a_file_that_is_not_a_clickwage_database_is_refused(
    tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    connection = sqlite3.connect(folder / DATABASE_FILE)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="not a Clickwage database"):
        Database.open(folder, clock, tr)


def test_a_file_that_is_not_sqlite_is_refused_with_a_storage_error(
    tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = tmp_path / "garbage"
    folder.mkdir()
    (folder / DATABASE_FILE).write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StorageError) as caught:
        Database.open(folder, clock, tr)
    assert str(folder / DATABASE_FILE) in str(caught.value)


# --------------------------------------------------------------------------- alembic vs models


def test_upgrading_from_empty_gives_the_same_schema_as_the_models(tmp_path: Path) -> None:
    migrated, created = tmp_path / "migrated.sqlite", tmp_path / "created.sqlite"
    engine = make_engine(migrated)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    engine = make_engine(created)
    try:
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    migrated_schema = [s for s in schema(migrated) if s[1] != "alembic_version"]
    assert migrated_schema == schema(created)


def test_downgrading_to_base_and_up_again_works(tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.sqlite"
    engine = make_engine(path)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        first = schema(path)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert [s[1] for s in schema(path)] == ["alembic_version"]
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        assert schema(path) == first
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- backup


def test_backup_file_copies_the_live_database(opened: Services, tmp_path: Path) -> None:
    # Uncheckpointed writes live in the -wal file: a plain file copy would miss them.
    opened.tasks.add("Prolific", "3.30", external_id="PRO-WAL")
    source = opened.ctx.db.path
    target = tmp_path / "copies" / "backup.sqlite"
    backup_file(opened.ctx.db.engine, target)
    assert target.is_file()
    assert query(target, "PRAGMA integrity_check") == [("ok",)]
    assert all_rows(target) == all_rows(source)
    assert query(target, "SELECT count(*) FROM tasks WHERE external_id = 'PRO-WAL'") == [(1,)]
    assert schema(target) == schema(source)


def test_database_backup_to_gives_a_copy_that_opens_and_verifies(
    opened: Services, tmp_path: Path, clock: FakeClock, tr: Translator
) -> None:
    folder = tmp_path / "restored"
    opened.ctx.db.backup_to(folder / DATABASE_FILE)
    restored = open_services(folder, clock, PARIS, tr, "FR")
    try:
        assert restored.audit.verify().intact
        assert restored.audit.head() == opened.audit.head()
    finally:
        restored.close()


# --------------------------------------------------------------------------- upgrading an older DB

PROBE_REVISION = "9999"
SECOND_REVISION = '''"""A revision after the real head, written by the tests only."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_tasks_title_probe", "tasks", ["title"])
    {fail}


def downgrade() -> None:
    op.drop_index("ix_tasks_title_probe", table_name="tasks")
    op.drop_table("probe")
'''




def with_second_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool) -> None:
    """Point app.storage.migrate at a copy of the migrations with a revision 9999 added
    after the real head."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate_module.MIGRATIONS_DIR, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    body = SECOND_REVISION.replace(
        "{fail}", 'raise RuntimeError("migration exploded")' if fail else "pass"
    ).replace("{head}", head_revision())
    (folder / "versions" / "9999_probe.py").write_text(body, encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", folder)
    assert head_revision() == PROBE_REVISION


def test_an_older_database_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, tr: Translator
) -> None:
    folder = copy_fixture(tmp_path)
    before = all_rows(folder / DATABASE_FILE)
    with_second_revision(tmp_path, monkeypatch, fail=False)
    services = open_services(folder, clock, PARIS, tr, "FR")
    try:
        assert current_revision(services.ctx.db.engine) == PROBE_REVISION
        assert services.audit.verify().intact
        assert len(list(services.tasks.list())) == 45
    finally:
        services.close()
    path = folder / DATABASE_FILE
    names = {name for _, name, _ in schema(path)}
    assert {"probe", "ix_tasks_title_probe"} <= names

    (backup,) = (folder / "backups").glob("*.sqlite")
    assert backup.name == "clickwage-before-upgrade-0001-20260310T090000Z.sqlite"
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert all_rows(backup) == before  # the copy is the database as it was
    assert "probe" not in {name for _, name, _ in schema(backup)}

    # Opening again: already at head, no second backup.
    again = Database.open(folder, clock, tr)
    again.close()
    assert len(list((folder / "backups").glob("*.sqlite"))) == 1


def test_a_failed_upgrade_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, tr: Translator
) -> None:
    folder = copy_fixture(tmp_path)
    path = folder / DATABASE_FILE
    before_rows, before_schema = all_rows(path), schema(path)
    with_second_revision(tmp_path, monkeypatch, fail=True)
    with pytest.raises(StorageError, match="migration exploded") as caught:
        Database.open(folder, clock, tr)
    (backup,) = (folder / "backups").glob("*.sqlite")
    assert str(backup) in str(caught.value)
    assert schema(path) == before_schema  # the DDL was rolled back with the transaction
    assert all_rows(path) == before_rows
    assert all_rows(backup) == before_rows


def test_revision_0002_indexes_tasks_by_platform_and_status(opened: Services) -> None:
    """0002 swaps (status, platform, work date) for the report's covering index."""
    path = opened.ctx.db.path
    (sql,) = query(path, "SELECT sql FROM sqlite_master WHERE name = "
                         "'ix_tasks_platform_status_work'")[0]
    assert "(platform_id, status, work_at, currency, reward, earned, bonus)" in str(sql)
    assert query(path, "SELECT name FROM sqlite_master WHERE name = "
                       "'ix_tasks_status_platform'") == []
    plan = query(
        path,
        "EXPLAIN QUERY PLAN SELECT status, count(*), sum(reward) FROM tasks WHERE "
        "platform_id = 1 AND status IN ('approved', 'pending') AND work_at >= 0 "
        "AND work_at < 99 GROUP BY status",
    )
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_tasks_platform_status_work" in details
    assert "TEMP B-TREE" not in details  # grouped by the index, no sort


def test_revisions_are_named_by_number_in_one_line_of_history() -> None:
    """Opening a database compares its revision with the newest file name, without Alembic;
    that holds only while every file is NNNN_*.py with revision NNNN after NNNN - 1."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    files = sorted((migrate_module.MIGRATIONS_DIR / "versions").glob("*.py"))
    previous = None
    for path in files:
        number = path.name.split("_", 1)[0]
        revision = script.get_revision(number)
        assert revision is not None and revision.path == str(path)
        assert revision.down_revision == previous
        previous = number
    assert migrate_module.newest_file_revision() == head_revision() == previous


def test_an_up_to_date_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from app.domain.clock import SystemClock; "
        "from app.i18n import Translator; from app.storage.database import Database; "
        f"Database.open(Path({str(tmp_path / 'data')!r}), SystemClock(), "
        "Translator('en')).close(); print('alembic' in sys.modules)"
    )

    def alembic_loaded() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True)
        return done.stdout.strip()

    assert alembic_loaded() == "True"  # created: stamped by Alembic
    assert alembic_loaded() == "False"  # at head: a glance at alembic_version is enough
