"""Build Clickwage's bundle for the machine this runs on.

    .venv/bin/python packaging/build.py            # build, then self-test on Linux
    .venv/bin/python packaging/build.py --no-test  # build only

Run it with the Python of a venv where Clickwage is installed (`pip install .`); it
installs PyInstaller into that same venv when it is missing, runs the spec
(packaging/pyinstaller/clickwage.spec) into dist/, and then:
- on Linux, runs the bundle's `--self-test` offscreen and prints the size on disk;
- on Windows, names the Inno Setup command that makes the installer;
- on macOS, names the .app and how to wrap it in a disk image.
Exit status 0 when the bundle was built (and passed its self-test), 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "clickwage.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
PYINSTALLER = "pyinstaller>=6.10"
SIZE_TARGET_MB = 250


def bundle_folder() -> Path:
    """The onedir folder for this platform (the .app on macOS)."""
    if sys.platform == "darwin":
        return DIST / "Clickwage.app"
    if sys.platform == "win32":
        return DIST / "Clickwage"
    return DIST / "clickwage"


def command_line_executable() -> Path:
    """The bundle's console program: the one that answers `--self-test`."""
    if sys.platform == "darwin":
        return bundle_folder() / "Contents" / "MacOS" / "clickwage-cli"
    if sys.platform == "win32":
        return bundle_folder() / "clickwage-cli.exe"
    return bundle_folder() / "clickwage"


def size_on_disk(folder: Path) -> int:
    """Bytes that folder takes on disk, as `du` counts them (allocated blocks where known)."""
    total = 0
    for path in [folder, *folder.rglob("*")]:
        status = path.lstat()
        blocks = getattr(status, "st_blocks", None)
        total += blocks * 512 if blocks is not None else status.st_size
    return total


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    print(f"Installing {PYINSTALLER} into {sys.prefix} …", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER], check=True)


def build() -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
         "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"],
        check=True,
        cwd=ROOT,
    )


def unresolved_xcb_libraries() -> list[str]:
    """Libraries Qt's X11 plugin needs that neither the bundle nor this machine has.

    PyInstaller copies the build machine's libraries into the bundle; what is missing here
    is missing from the bundle too, and the window then fails to open under X11 on
    computers without it (Qt 6 needs libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1…).
    """
    plugin = bundle_folder() / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    plugin = plugin / "libqxcb.so"
    if not plugin.exists() or shutil.which("ldd") is None:
        return []
    internal = bundle_folder() / "_internal"
    environment = dict(
        os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    )
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                            env=environment, check=False)
    return sorted({line.split()[0] for line in result.stdout.splitlines() if "not found" in line})


def self_test() -> int:
    """Run the bundle's --self-test offscreen, away from any user data; its exit status."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The self-test works in a temporary folder of its own; keep user folders out of reach.
    for variable in ("CLICKWAGE_DATA_DIR",):
        environment.pop(variable, None)
    result = subprocess.run(
        [str(command_line_executable()), "--self-test"], env=environment, timeout=300
    )
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-test", action="store_true", help="build only, no self-test")
    args = parser.parse_args(argv)
    ensure_pyinstaller()
    if bundle_folder().exists():
        shutil.rmtree(bundle_folder())
    build()
    folder = bundle_folder()
    if not folder.exists():
        print(f"PyInstaller finished but {folder} is missing.", file=sys.stderr)
        return 1
    size = size_on_disk(folder)
    megabytes = size / 1_000_000
    print(f"Bundle: {folder} ({megabytes:.1f} MB on disk, {size / 2**20:.1f} MiB; "
          f"target <= {SIZE_TARGET_MB} MB)")
    if sys.platform == "win32":
        print("Installer: iscc packaging\\windows\\clickwage.iss  (Inno Setup 6)")
    elif sys.platform == "darwin":
        print("Disk image: see packaging/macos/README.md (hdiutil create …)")
    if sys.platform.startswith("linux"):
        missing = unresolved_xcb_libraries()
        if missing:
            print("Warning: the X11 plugin needs libraries this machine lacks, so the bundle "
                  f"lacks them too: {', '.join(missing)}. On Debian or Ubuntu, install "
                  "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xkb1 "
                  "libxkbcommon-x11-0 and build again.", file=sys.stderr)
    if args.no_test or not sys.platform.startswith("linux"):
        return 0
    status = self_test()
    print(f"Self-test of the bundle: exit status {status}")
    if megabytes > SIZE_TARGET_MB:
        print(f"The bundle is over {SIZE_TARGET_MB} MB.", file=sys.stderr)
        return 1
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
