"""Backups: the whole journal in one .zip, checked on the way back, and kept every day.

A backup holds:
- `clickwage.sqlite`: the database, copied with SQLite's online backup API
  (never a file copy of a live WAL database), so it is consistent even while
  the window is open;
- `attachments/<sha256>`: every attached file;
- `manifest.json`: the SHA-256 and size of each of those files, the schema
  revision, the app version, when it was made, and the head of the audit chain.

Restoring checks everything first (manifest, every fingerprint, the schema
revision) and refuses a damaged backup or one from a newer Clickwage without
touching the current data. Then it keeps a safety copy of the current
database in `backups/`, puts the backup's database in place, adds its
attachments, and opens it (migrating it when it is older). If that fails, the
previous database is put back. The database must not be open elsewhere: the
window checks and extracts the backup while the journal is open, then closes its own
connections for the swap (app/services/backup_restore.py).

Automatic backups (`BackupService.automatic`, called when the app opens):
at most one a day, none when nothing changed since the last one, the last N
kept (setting `backups_to_keep`) in `<data dir>/backups/`.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from app import __version__
from app.domain.errors import ClickwageError, InvalidInput, StorageError
from app.domain.localtime import local_date
from app.i18n import Translator
from app.services.audit import AuditService
from app.services.context import ServiceContext
from app.services.imports.results import Cancel, Progress
from app.services.settings import SettingsService
from app.storage.database import timestamp_for_file
from app.storage.datadir import DATABASE_FILE
from app.storage.migrate import BACKUP_FOLDER, alembic_config, head_revision

if TYPE_CHECKING:
    from app.services.backup_restore import StagedRestore

BACKUP_FORMAT = "clickwage-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
ATTACHMENTS = "attachments"
AUTO_PREFIX = "clickwage-auto-"
CHUNK = 1 << 20
DEFAULT_KEEP = 14
_AUTO_NAME = re.compile(r"clickwage-auto-(\d{8}T\d{6}Z)\.zip")


class BackupCancelled(ClickwageError):
    """The user stopped a backup or a restore; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says about it."""

    path: Path
    created_at: datetime
    kind: str  # "manual" or "auto"
    schema_revision: str
    app_version: str
    audit_head: str | None
    audit_entries: int | None
    files: tuple[tuple[str, int, str], ...]  # (path in the zip, size, sha256)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def attachments(self) -> int:
        return sum(1 for name, _, _ in self.files if name.startswith(ATTACHMENTS + "/"))


@dataclass
class RestoreResult:
    backup: BackupInfo
    safety_copy: Path | None  # where the previous database was kept
    migrated: bool  # the backup was from an older schema and was upgraded
    attachments_added: int = 0
    notes: list[str] = field(default_factory=list)


def backups_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


class BackupService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    @property
    def data_dir(self) -> Path:
        return self._ctx.db.path.parent

    @property
    def folder(self) -> Path:
        return backups_folder(self.data_dir)

    def create(
        self,
        out: Path,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        kind: str = "manual",
    ) -> BackupInfo:
        """Write a backup of the open journal to `out` (a .zip)."""
        ctx, tr = self._ctx, self._ctx.tr
        if out.exists() and out.is_dir():
            raise InvalidInput(
                tr.gettext("{path} is a folder: give the backup a file name ending in .zip.")
                .format(path=out)
            )
        entries, head = AuditService(ctx).head()
        created = ctx.now()
        attachments = sorted(
            (p for p in (self.data_dir / ATTACHMENTS).rglob("*") if p.is_file()),
            key=lambda p: p.as_posix(),
        ) if (self.data_dir / ATTACHMENTS).is_dir() else []
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".backup-", dir=self.data_dir) as work:
                snapshot = Path(work) / DATABASE_FILE
                ctx.db.backup_to(snapshot)
                members = [(DATABASE_FILE, snapshot)] + [
                    (f"{ATTACHMENTS}/{p.relative_to(self.data_dir / ATTACHMENTS).as_posix()}", p)
                    for p in attachments
                ]
                total = sum(path.stat().st_size for _, path in members)
                done = 0
                listed: list[tuple[str, int, str]] = []
                partial = out.with_name(out.name + ".part")
                try:
                    with zipfile.ZipFile(
                        partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1
                    ) as archive:
                        for name, path in members:
                            digest = hashlib.sha256()
                            size = 0
                            with path.open("rb") as source, archive.open(name, "w") as target:
                                while chunk := source.read(CHUNK):
                                    digest.update(chunk)
                                    target.write(chunk)
                                    size += len(chunk)
                                    done += len(chunk)
                                    _tick(progress, cancel, done, total, tr)
                            listed.append((name, size, digest.hexdigest()))
                        manifest = {
                            "format": BACKUP_FORMAT,
                            "version": BACKUP_VERSION,
                            "created_at": created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "kind": kind,
                            "app_version": __version__,
                            "schema_revision": head_revision(),
                            "audit_entries": entries,
                            "audit_head": head,
                            "files": [
                                {"path": name, "size": size, "sha256": sha}
                                for name, size, sha in listed
                            ],
                        }
                        archive.writestr(
                            MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False)
                        )
                    with partial.open("rb+") as handle:
                        os.fsync(handle.fileno())
                    os.replace(partial, out)
                except BaseException:
                    partial.unlink(missing_ok=True)
                    raise
        except OSError as error:
            raise StorageError(
                tr.gettext("Cannot write the backup {path}: {reason}.").format(
                    path=out, reason=error.strerror or error
                )
            ) from None
        return read_manifest(out, tr)

    def stage_restore(
        self, archive: Path, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> StagedRestore:
        """The long part of a restore (the window runs it behind a progress bar): check the
        backup and extract it beside the journal, which stays open meanwhile."""
        from app.services.backup_restore import stage_restore

        return stage_restore(archive, self.data_dir, self._ctx.tr, progress, cancel)

    def apply_restore(self, staged: StagedRestore) -> RestoreResult:
        """Put a staged backup in place of the journal. Its connections are closed first;
        the same services go on working afterwards, on the restored database (SQLAlchemy
        reconnects)."""
        from app.services.backup_restore import apply_restore

        ctx = self._ctx
        ctx.db.close()
        return apply_restore(staged, self.data_dir, ctx.clock, ctx.tr)

    def restore(
        self, archive: Path, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> RestoreResult:
        """Restore `archive` over the open journal: stage_restore(), then apply_restore()."""
        with self.stage_restore(archive, progress, cancel) as staged:
            return self.apply_restore(staged)

    def list(self) -> list[BackupInfo]:
        """The backups in the data folder's backups/, newest first (unreadable ones left out)."""
        found: list[BackupInfo] = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob("*.zip"):
            try:
                found.append(read_manifest(path, self._ctx.tr))
            except InvalidInput:
                continue
        return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)

    def last(self) -> BackupInfo | None:
        backups = self.list()
        return backups[0] if backups else None

    def keep(self) -> int:
        text = self._settings.raw().get("backups_to_keep", str(DEFAULT_KEEP))
        try:
            return max(1, int(text))
        except ValueError:
            return DEFAULT_KEEP

    def automatic_due(self) -> bool:
        """No automatic backup today yet, and the journal changed since the last one."""
        ctx = self._ctx
        autos = self._automatic_backups()
        if not autos:
            return True
        newest_path, newest_time = autos[-1]
        if local_date(newest_time, ctx.zone) == local_date(ctx.now(), ctx.zone):
            return False
        try:
            newest = read_manifest(newest_path, ctx.tr)
        except InvalidInput:
            return True
        return newest.audit_head != AuditService(ctx).head()[1]

    def automatic(
        self, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> BackupInfo | None:
        """The backup the app makes when it opens: at most one a day; keeps the last N."""
        self._remove_leftovers()
        if not self.automatic_due():
            return None
        name = f"{AUTO_PREFIX}{timestamp_for_file(self._ctx.now())}.zip"
        made = self.create(self.folder / name, progress, cancel, kind="auto")
        self.prune()
        return made

    def _remove_leftovers(self) -> None:
        """Work folders a backup or restore killed on the way left behind (a day old or more)."""
        limit = time.time() - 86400
        for pattern in (".backup-*", ".restore-*"):
            for path in self.data_dir.glob(pattern):
                with contextlib.suppress(OSError):
                    if path.is_dir() and path.stat().st_mtime < limit:
                        shutil.rmtree(path)
        for path in self.folder.glob("*.zip.part") if self.folder.is_dir() else []:
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()

    def prune(self) -> builtins.list[Path]:
        """Delete the oldest automatic backups beyond `backups_to_keep`; returns what went."""
        autos = self._automatic_backups()
        extra = autos[: max(0, len(autos) - self.keep())]
        removed: builtins.list[Path] = []
        for path, _ in extra:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
        return removed

    def _automatic_backups(self) -> builtins.list[tuple[Path, datetime]]:
        """Automatic backups, oldest first, with the time in their name."""
        found: builtins.list[tuple[Path, datetime]] = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob(f"{AUTO_PREFIX}*.zip"):
            match = _AUTO_NAME.fullmatch(path.name)
            if match is None:
                continue
            made = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append((path, made))
        return sorted(found, key=lambda item: item[1])


def _tick(
    progress: Progress | None, cancel: Cancel | None, done: int, total: int, tr: Translator
) -> None:
    if cancel is not None and cancel():
        raise BackupCancelled(tr.gettext("Cancelled; nothing was changed."))
    if progress is not None:
        progress(done, total)


# -- reading and checking a backup ---------------------------------------------------------------


def damaged_backup(path: Path, tr: Translator, reason: str) -> InvalidInput:
    return InvalidInput(
        tr.gettext(
            "{path} is not a usable Clickwage backup ({reason}). Nothing was changed."
        ).format(path=path, reason=reason)
    )


def read_manifest(path: Path, tr: Translator) -> BackupInfo:
    """What a backup says about itself (its files are not checked: see check_backup)."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                raw = archive.read(MANIFEST)
            except KeyError:
                raise damaged_backup(path, tr, tr.gettext("it has no manifest")) from None
    except FileNotFoundError:
        raise InvalidInput(tr.gettext("There is no file {path}.").format(path=path)) from None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise damaged_backup(path, tr, str(error)) from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
            raise ValueError("format")
        version = manifest.get("version")
        if not isinstance(version, int):
            raise ValueError("version")
        if version > BACKUP_VERSION:
            raise InvalidInput(
                tr.gettext(
                    "{path} was made by a newer version of Clickwage (backup format {version}): "
                    "install the newer version to restore it. Nothing was changed."
                ).format(path=path, version=version)
            )
        files = tuple(
            (str(item["path"]), int(item["size"]), str(item["sha256"]).lower())
            for item in manifest["files"]
        )
        created = datetime.strptime(str(manifest["created_at"]), "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=UTC
        )
        revision = str(manifest["schema_revision"])
        entries = manifest.get("audit_entries")
        return BackupInfo(
            path=path,
            created_at=created,
            kind=str(manifest.get("kind") or "manual"),
            schema_revision=revision,
            app_version=str(manifest.get("app_version") or ""),
            audit_head=manifest.get("audit_head") if isinstance(manifest.get("audit_head"), str)
            else None,
            audit_entries=entries if isinstance(entries, int) else None,
            files=files,
        )
    except InvalidInput:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise damaged_backup(path, tr, tr.gettext("its manifest is damaged")) from None


def _known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False
    except Exception:  # alembic raises its own resolution errors for unknown ids
        return False


def _safe_member(name: str) -> bool:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or not pure.parts:
        return False
    if name == DATABASE_FILE:
        return True
    return len(pure.parts) >= 2 and pure.parts[0] == ATTACHMENTS


def check_backup(
    path: Path,
    tr: Translator,
    into: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupInfo:
    """Check every file of a backup against its manifest (extracting them into `into`).

    Raises InvalidInput naming what is wrong: no manifest, a file missing,
    added or changed, or a schema from a newer Clickwage.
    """
    info = read_manifest(path, tr)
    if not _known_revision(info.schema_revision):
        raise InvalidInput(
            tr.gettext(
                "{path} was made by a newer version of Clickwage (schema {revision}): install "
                "the newer version to restore it. Nothing was changed."
            ).format(path=path, revision=info.schema_revision)
        )
    names = [name for name, _, _ in info.files]
    if DATABASE_FILE not in names:
        raise damaged_backup(path, tr, tr.gettext("it holds no database"))
    if len(set(names)) != len(names) or not all(_safe_member(n) for n in names):
        raise damaged_backup(path, tr, tr.gettext("its manifest names files it cannot hold"))
    total = sum(size for _, size, _ in info.files)
    done = 0
    try:
        with zipfile.ZipFile(path) as archive:
            present = set(archive.namelist()) - {MANIFEST}
            extra = sorted(present - set(names))
            if extra:
                raise damaged_backup(
                    path,
                    tr,
                    tr.gettext("it holds files its manifest does not list: {names}").format(
                        names=", ".join(extra[:5])
                    ),
                )
            for name, size, sha in info.files:
                if name not in present:
                    raise damaged_backup(
                        path, tr, tr.gettext("{name} is missing from it").format(name=name)
                    )
                digest = hashlib.sha256()
                seen = 0
                target = into / name if into is not None else None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as source, (
                    target.open("wb") if target is not None else contextlib.nullcontext()
                ) as sink:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        seen += len(chunk)
                        done += len(chunk)
                        if sink is not None:
                            sink.write(chunk)
                        _tick(progress, cancel, done, total, tr)
                if seen != size or digest.hexdigest() != sha:
                    raise damaged_backup(
                        path,
                        tr,
                        tr.gettext("{name} does not match its fingerprint").format(name=name),
                    )
    except (zipfile.BadZipFile, EOFError) as error:
        raise damaged_backup(path, tr, str(error)) from None
    return info


# -- restoring -----------------------------------------------------------------------------------


def describe(info: BackupInfo) -> dict[str, Any]:
    """A backup as JSON (the window's list, `backup --json` one day)."""
    return {
        "path": str(info.path),
        "created_at": info.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kind": info.kind,
        "schema_revision": info.schema_revision,
        "app_version": info.app_version,
        "size": info.size,
        "attachments": info.attachments,
        "audit_entries": info.audit_entries,
    }
