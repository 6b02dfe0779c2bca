"""Backups: what a backup holds, restoring it intact, refusing damaged or newer ones without
touching the journal, automatic daily backups, and cloud or network data folders."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput, StorageError
from app.i18n import Translator
from app.services import Services, open_services
from app.services.attachments import AttachmentService
from app.services.backup_restore import restore_backup
from app.services.backups import BackupCancelled, BackupService, check_backup, read_manifest
from app.storage.location import CLOUD, NETWORK, data_folder_risk, risk_warning, wal_is_safe
from app.storage.migrate import head_revision
from tests.conftest import PARIS

TR = Translator("en")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(folder: Path, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    services = open_services(folder, clock, PARIS, TR, "FR")
    services.platforms.add("Prolific", currency="GBP")
    task = services.tasks.add("Prolific", "2.50", external_id="P1",
                              submitted=clock.now() - timedelta(hours=2))
    proof = tmp_path / "rejection.png"
    proof.write_bytes(b"\x89PNG proof of a rejection")
    AttachmentService(services.ctx).attach("task", task.id, proof)
    yield services
    services.close()


def backups(services: Services) -> BackupService:
    return BackupService(services.ctx, services.settings)


def task_ids(place: Path) -> list[str]:
    """The tasks' external ids in a data folder's database, or in a database file."""
    connection = sqlite3.connect(place / "clickwage.sqlite" if place.is_dir() else place)
    try:
        return [row[0] for row in connection.execute("SELECT external_id FROM tasks ORDER BY id")]
    finally:
        connection.close()


# --------------------------------------------------------------------------- making one


def test_a_backup_holds_the_database_attachments_and_a_manifest(
    journal: Services, tmp_path: Path
) -> None:
    out = tmp_path / "save.zip"
    info = backups(journal).create(out)
    assert info.kind == "manual" and info.attachments == 1
    assert info.schema_revision == head_revision()
    assert info.audit_head == journal.audit.head()[1]
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert "clickwage.sqlite" in names and "manifest.json" in names
    assert any(n.startswith("attachments/") for n in names)
    assert {f["path"] for f in manifest["files"]} == names - {"manifest.json"}
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])
    assert manifest["app_version"] and manifest["format"] == "clickwage-backup"
    assert check_backup(out, TR).files == info.files
    assert not list(tmp_path.glob("*.part"))


# --------------------------------------------------------------------------- restoring


def test_backup_then_restore_gives_back_the_journal_intact(
    journal: Services, folder: Path, tmp_path: Path, clock: FakeClock
) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    journal.tasks.add("Prolific", "9.99", external_id="AFTER")
    attachments = folder / "attachments"
    stored = next(attachments.iterdir())
    stored.unlink()  # lost since the backup
    journal.close()
    result = restore_backup(out, folder, clock, TR)
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert result.attachments_added == 1 and stored.exists()
    assert task_ids(folder) == ["P1"]
    again = open_services(folder, clock, PARIS, TR, "FR")
    try:
        assert again.audit.verify().intact
    finally:
        again.close()
    # The safety copy holds the journal as it was just before.
    assert task_ids(result.safety_copy) == ["P1", "AFTER"]


def test_staging_a_restore_keeps_the_journal_open_and_working(
    journal: Services, folder: Path, tmp_path: Path
) -> None:
    """The window checks a backup behind a progress bar while the journal stays open;
    the swap comes after, and its safety copy holds what was written meanwhile."""
    out = tmp_path / "save.zip"
    service = backups(journal)
    service.create(out)
    seen: list[tuple[int, int]] = []
    with service.stage_restore(out, lambda done, total: seen.append((done, total))) as staged:
        assert staged.info.path == out
        assert seen and seen[-1][0] == seen[-1][1]  # the progress reached its end
        journal.tasks.add("Prolific", "1.00", external_id="MEANWHILE")  # still writable
        assert task_ids(folder) == ["P1", "MEANWHILE"]
        result = service.apply_restore(staged)
    assert not list(folder.glob(".restore-*"))
    assert task_ids(folder) == ["P1"]
    assert [t.external_id for t in journal.tasks.list()] == ["P1"]  # services reconnected
    assert result.safety_copy is not None
    assert task_ids(result.safety_copy) == ["P1", "MEANWHILE"]


def test_a_staged_restore_not_applied_leaves_nothing_behind(
    journal: Services, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "save.zip"
    service = backups(journal)
    service.create(out)
    journal.tasks.add("Prolific", "1.00", external_id="KEPT")
    with service.stage_restore(out):
        assert list(folder.glob(".restore-*"))
    assert not list(folder.glob(".restore-*"))
    with pytest.raises(BackupCancelled):
        service.stage_restore(out, cancel=lambda: True)
    assert not list(folder.glob(".restore-*"))
    assert task_ids(folder) == ["P1", "KEPT"]


def test_restore_into_a_new_computer(journal: Services, tmp_path: Path, clock: FakeClock) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    new = tmp_path / "new-computer"
    result = restore_backup(out, new, clock, TR)
    assert result.safety_copy is None
    assert task_ids(new) == ["P1"]


def damage(path: Path, member: str) -> None:
    """Rewrite the zip with one byte of `member` changed (its CRC made to match)."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == member:
                data = data[:100] + bytes([data[100] ^ 1]) + data[101:]
            archive.writestr(info.filename, data)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda p: damage(p, "clickwage.sqlite"), "does not match its fingerprint"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "not a usable"),
        (lambda p: p.write_bytes(b"not a zip at all"), "not a usable"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_changes(
    journal: Services, folder: Path, tmp_path: Path, clock: FakeClock, spoil: object,
    message: str,
) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    journal.tasks.add("Prolific", "1.00", external_id="LATER")
    journal.close()
    before = (folder / "clickwage.sqlite").read_bytes()
    assert callable(spoil)
    spoil(out)
    with pytest.raises(InvalidInput, match=message):
        restore_backup(out, folder, clock, TR)
    assert (folder / "clickwage.sqlite").read_bytes() == before
    kept = folder / "backups"
    assert not kept.exists() or not list(kept.glob("*before-restore*"))
    assert not [p for p in folder.iterdir() if p.name.startswith(".restore-")]


def rewrite_manifest(path: Path, change: object) -> None:
    with zipfile.ZipFile(path) as archive:
        items = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(items["manifest.json"])
    assert callable(change)
    change(manifest, items)
    items["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m, i: m.update(schema_revision="ffffffffffff"), "newer version of Clickwage"),
        (lambda m, i: m.update(version=7), "newer version of Clickwage"),
        (lambda m, i: i.update({"extra.txt": b"x"}), "files its manifest does not list"),
        (lambda m, i: m["files"].append({"path": "../evil", "size": 1, "sha256": "0" * 64}),
         "cannot hold"),
        (lambda m, i: (i.pop("manifest.json") and None) or m.clear(), "manifest is damaged"),
    ],
)
def test_newer_or_tampered_backups_are_refused(
    journal: Services, folder: Path, tmp_path: Path, clock: FakeClock, change: object,
    message: str,
) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    journal.close()
    rewrite_manifest(out, change)
    before = (folder / "clickwage.sqlite").read_bytes()
    with pytest.raises(InvalidInput, match=message):
        restore_backup(out, folder, clock, TR)
    assert (folder / "clickwage.sqlite").read_bytes() == before


def test_restore_refuses_while_the_journal_is_open_elsewhere(
    journal: Services, folder: Path, tmp_path: Path, clock: FakeClock
) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    journal.platforms.list()  # a connection stays open in the pool: "the window"
    with pytest.raises(StorageError, match="open in another Clickwage"):
        restore_backup(out, folder, clock, TR)


def test_restore_over_a_damaged_database_keeps_its_files(
    journal: Services, folder: Path, tmp_path: Path, clock: FakeClock
) -> None:
    out = tmp_path / "save.zip"
    backups(journal).create(out)
    journal.close()
    (folder / "clickwage.sqlite").write_bytes(b"garbage" * 1000)
    result = restore_backup(out, folder, clock, TR)
    assert result.safety_copy is not None and result.safety_copy.is_dir()
    assert (result.safety_copy / "clickwage.sqlite").read_bytes() == b"garbage" * 1000
    assert task_ids(folder) == ["P1"]


# --------------------------------------------------------------------------- automatic backups


def test_automatic_backups_once_a_day_only_when_something_changed_keeping_n(
    journal: Services, folder: Path, clock: FakeClock
) -> None:
    service = backups(journal)
    journal.settings.set("backups_to_keep", "3")
    first = service.automatic()
    assert first is not None and first.kind == "auto"
    assert first.path.parent == folder / "backups"
    clock.advance(hours=2)
    journal.tasks.add("Prolific", "1.00", external_id="SAME-DAY")
    assert service.automatic() is None  # one a day
    clock.advance(days=1)
    assert service.automatic() is not None  # a new day, and a change
    clock.advance(days=1)
    assert service.automatic() is None  # nothing changed since
    made = []
    for n in range(4):
        clock.advance(days=1)
        journal.tasks.add("Prolific", "1.00", external_id=f"D{n}")
        made.append(service.automatic())
    autos = [b for b in service.list() if b.kind == "auto"]
    assert len(autos) == 3
    assert [b.path for b in autos] == [b.path for b in reversed(made[-3:]) if b]
    assert service.last() == autos[0]
    assert service.keep() == 3


def test_the_setting_is_listed_with_the_others(journal: Services) -> None:
    assert journal.settings.current().display()["backups_to_keep"] == "14"
    with pytest.raises(InvalidInput):
        journal.settings.set("backups_to_keep", "0")


def test_listing_skips_what_is_not_a_backup(journal: Services, folder: Path) -> None:
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "junk.zip").write_bytes(b"junk")
    assert backups(journal).list() == []
    with pytest.raises(InvalidInput):
        read_manifest(folder / "backups" / "junk.zip", TR)


# --------------------------------------------------------------------------- data folder risks


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/home/ana/OneDrive/Clickwage", "OneDrive"),
        ("/home/ana/OneDrive - Contoso/Clickwage", "OneDrive"),
        ("/home/ana/Dropbox/data", "Dropbox"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/cw", "iCloud Drive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/cw",
         "Google Drive"),
        ("/home/ana/Google Drive/cw", "Google Drive"),
    ],
)
def test_cloud_folders_are_recognised_by_name(path: str, name: str, tmp_path: Path) -> None:
    risk = data_folder_risk(Path(path), environ={}, mounts=tmp_path / "none")
    assert risk is not None and (risk.kind, risk.name) == (CLOUD, name)
    assert name in risk_warning(risk, TR)


def test_ordinary_folders_are_safe(tmp_path: Path) -> None:
    assert data_folder_risk(Path("/home/ana/.local/share/Clickwage"), environ={},
                            mounts=tmp_path / "none") is None
    assert data_folder_risk(Path("/home/ana/dropboxes/x"), environ={},
                            mounts=tmp_path / "none") is None
    assert wal_is_safe(tmp_path, environ={})


def test_the_onedrive_variable_names_a_sync_root(tmp_path: Path) -> None:
    risk = data_folder_risk(
        Path("C:/Users/ana/Documents/Clickwage"),
        environ={"OneDrive": "C:\\Users\\ana\\Documents"},
        platform="win32",
    )
    assert risk is not None and risk.name == "OneDrive"
    share = data_folder_risk(Path("\\\\server\\share\\cw"), environ={}, platform="win32")
    assert share is not None and share.kind == NETWORK


def test_network_file_systems_from_proc_mounts(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//nas/home /mnt/nas cifs rw 0 0\n"
        "server:/export /mnt/nfs\\040share nfs4 rw 0 0\n"
        "ana@host:/ /home/ana/remote fuse.sshfs rw 0 0\n"
        "/dev/sdb1 /mnt/nas/local ext4 rw 0 0\n"
    )
    def risk(path: str) -> str | None:
        found = data_folder_risk(Path(path), environ={}, mounts=mounts, platform="linux")
        return found.name if found else None

    assert risk("/mnt/nas/Clickwage") == "cifs"
    assert risk("/mnt/nfs share/cw") == "nfs4"
    assert risk("/home/ana/remote/cw") == "fuse.sshfs"
    assert risk("/mnt/nas/local/cw") is None  # a local disk mounted inside the share
    assert risk("/mnt/nasty") is None
    assert risk("/home/ana") is None


def test_clock_times_in_backup_names(journal: Services, clock: FakeClock) -> None:
    clock.set(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))  # 00:30 on the 11th in Paris
    made = backups(journal).automatic()
    assert made is not None and made.path.name == "clickwage-auto-20260310T233000Z.zip"


def test_the_window_restores_over_its_open_journal_and_goes_on(
    journal: Services, tmp_path: Path
) -> None:
    service = backups(journal)
    made = service.create(tmp_path / "save.zip")
    journal.tasks.add("Prolific", "1.00", external_id="LATER")
    seen: list[tuple[int, int]] = []
    result = service.restore(made.path, progress=lambda d, t: seen.append((d, t)))
    assert result.backup.path == made.path and seen
    assert [t.external_id for t in journal.tasks.list()] == ["P1"]  # same services, restored
    assert journal.audit.verify().intact
