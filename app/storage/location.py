"""Is the data folder inside a cloud-sync or network folder? WAL corrupts databases there.

SQLite's WAL mode needs shared memory (the -shm file) and byte-range locks
that sync clients (OneDrive, Dropbox, iCloud Drive, Google Drive…) and
network file systems (SMB/CIFS, NFS, most FUSE file systems) do not honour,
so a database kept there must use the rollback journal (`journal_mode=DELETE`)
and the user should be warned. `data_folder_risk(path)` says which kind of
place a folder is; `wal_is_safe(path)` is the yes/no the engine needs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from app.i18n import Translator

CLOUD = "cloud"
NETWORK = "network"

# Folder names that sync clients create, matched case-insensitively on whole path parts
# (a part may also start with the name followed by " - " or "-", as "OneDrive - Contoso"
# or "GoogleDrive-me@example.com" do).
_CLOUD_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("pcloud drive", "pCloud"),
    ("box sync", "Box"),
    ("megasync", "MEGA"),
    ("mega", "MEGA"),
    ("sync.com", "Sync.com"),
    ("syncthing", "Syncthing"),
)
# Environment variables that name a sync root (Windows sets the OneDrive ones).
_CLOUD_VARIABLES: tuple[tuple[str, str], ...] = (
    ("OneDrive", "OneDrive"),
    ("OneDriveCommercial", "OneDrive"),
    ("OneDriveConsumer", "OneDrive"),
)
# File system types of /proc/mounts that are network or user-space (FUSE) file systems.
_NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "sshfs",
    }
)


@dataclass(frozen=True)
class FolderRisk:
    """Where a data folder sits when WAL is not safe there."""

    kind: str  # CLOUD or NETWORK
    name: str  # "OneDrive", "Dropbox", "cifs", "fuse.sshfs", "network share"…
    path: Path


def data_folder_risk(
    path: Path,
    environ: Mapping[str, str] | None = None,
    mounts: Path = Path("/proc/mounts"),
    platform: str = sys.platform,
) -> FolderRisk | None:
    """The cloud-sync or network folder `path` is in, or None for an ordinary local folder."""
    env = os.environ if environ is None else environ
    # Resolve on the system itself; a Windows path examined elsewhere (tests) is taken as given.
    target = _absolute(path) if platform == sys.platform or platform != "win32" else path
    pure: PurePath = PureWindowsPath(str(target)) if platform == "win32" else target
    cloud = _cloud_by_variable(pure, env, platform) or _cloud_by_name(pure)
    if cloud is not None:
        return FolderRisk(CLOUD, cloud, target)
    network = _network_windows(pure) if platform == "win32" else _network_by_mounts(target, mounts)
    if network is not None:
        return FolderRisk(NETWORK, network, target)
    return None


def wal_is_safe(path: Path, environ: Mapping[str, str] | None = None) -> bool:
    """False when the folder is synced or on a network: use journal_mode=DELETE there."""
    return data_folder_risk(path, environ) is None


def risk_warning(risk: FolderRisk, tr: Translator) -> str:
    """One sentence for the user (the CLI prints it on stderr, the window shows a banner)."""
    if risk.kind == CLOUD:
        return tr.gettext(
            "Your data folder {path} is inside {name}, a cloud-sync folder: Clickwage uses a "
            "slower, safer journal there, but syncing can still damage the database. Keep it in "
            "a local folder (--data-dir) and put only backups in {name}."
        ).format(path=risk.path, name=risk.name)
    return tr.gettext(
        "Your data folder {path} is on a network file system ({name}): Clickwage uses a "
        "slower, safer journal there, but a network drop can still damage the database. Keep "
        "it in a local folder (--data-dir) and put only backups on the network."
    ).format(path=risk.path, name=risk.name)


def _absolute(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path.expanduser()))


def _cloud_by_name(path: PurePath) -> str | None:
    for part in path.parts:
        lowered = part.casefold().strip()
        for folder, name in _CLOUD_FOLDERS:
            if lowered == folder or lowered.startswith((folder + " - ", folder + "-")):
                return name
    return None


def _cloud_by_variable(path: PurePath, environ: Mapping[str, str], platform: str) -> str | None:
    for variable, name in _CLOUD_VARIABLES:
        root = environ.get(variable, "").strip()
        if not root:
            continue
        base: PurePath = PureWindowsPath(root) if platform == "win32" else PurePosixPath(root)
        if _is_within(path, base):
            return name
    return None


def _is_within(path: PurePath, base: PurePath) -> bool:
    path_parts = [p.casefold() for p in path.parts]
    base_parts = [p.casefold() for p in base.parts]
    return len(base_parts) > 0 and path_parts[: len(base_parts)] == base_parts


def _network_windows(path: PurePath) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return "network share"
    drive = getattr(path, "drive", "")
    if sys.platform == "win32" and drive and len(drive) == 2 and drive[1] == ":":
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            if int(kernel32.GetDriveTypeW(drive + "\\")) == 4:  # DRIVE_REMOTE
                return "network drive"
        except (AttributeError, OSError):
            return None
    return None


def _network_by_mounts(path: Path, mounts: Path) -> str | None:
    """The file system type of the longest mount point holding `path`, if it is a network one."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best_point, best_type = "", ""
    text = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        if _mount_holds(point, text) and len(point) >= len(best_point):
            best_point, best_type = point, fields[2]
    if best_type in _NETWORK_TYPES or best_type.startswith("fuse."):
        return best_type
    return None


def _mount_holds(point: str, path: str) -> bool:
    if point == "/":
        return True
    return path == point or path.startswith(point.rstrip("/") + "/")


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes spaces, tabs, newlines and backslashes as octal escapes."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, plain)
    return field
