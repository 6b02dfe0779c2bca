"""Packaging: the Linux desktop file and AppStream metainfo agree with each other and with
the project; the icons exist in every size; what the PyInstaller spec, the Inno Setup
script and the Flatpak manifest point to exists; the bundle filters keep what the app
needs. The bundle itself is built and self-tested only with CLICKWAGE_BUILD_BUNDLE=1."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.clickwage.Clickwage"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
FLATPAK = LINUX / f"{APP_ID}.yml"
SPEC = PACKAGING / "pyinstaller" / "clickwage.spec"
ISS = PACKAGING / "windows" / "clickwage.iss"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING / "pyinstaller"))
try:
    import bundle_filters
finally:
    sys.path.pop(0)


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]  # type: ignore[no-any-return]


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ElementTree.Element:
    return ElementTree.parse(METAINFO).getroot()


# -- desktop file and metainfo ---------------------------------------------------------------


def test_desktop_file_launches_clickwage_with_its_icon() -> None:
    entry = _desktop()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Clickwage"
    assert entry["Exec"].split()[0] == "clickwage"
    assert entry["Exec"].split()[0] in _pyproject()["scripts"]  # type: ignore[operator]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Keywords"].endswith(";")


def test_metainfo_agrees_with_the_desktop_file_and_the_project() -> None:
    root = _metainfo()
    project = _pyproject()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("name") == _desktop()["Name"]
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("provides/binary") in project["scripts"]  # type: ignore[operator]
    assert root.findtext("developer/name")
    assert root.find("content_rating") is not None
    releases = [release.get("version") for release in root.iterfind("releases/release")]
    assert releases and releases[0] == project["version"] == __version__
    categories = [c.text for c in root.iterfind("categories/category")]
    assert categories == [c for c in _desktop()["Categories"].split(";") if c]
    summary = root.findtext("summary") or ""
    assert 10 < len(summary) <= 80 and not summary.endswith(".")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstreamcli_accepts_the_metainfo() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed")
def test_desktop_file_validate_accepts_the_desktop_file() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


# -- icons ------------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_linux_icons_exist_in_every_size_and_as_svg() -> None:
    for size in ICON_SIZES:
        path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert path.is_file(), f"missing {path} (run packaging/make_icons.py)"
        assert _png_size(path.read_bytes()) == (size, size)
    svg = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    source = ROOT / "resources" / "icons" / "clickwage.svg"
    assert svg.read_bytes() == source.read_bytes(), "icons are stale: run make_icons.py"


def test_windows_icon_holds_every_size() -> None:
    data = (PACKAGING / "windows" / "clickwage.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _colours, _reserved, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index]
        )
        side = width or 256
        assert (width, bits) == (height, 32)
        assert _png_size(data[offset: offset + length]) == (side, side)
        sizes.append(side)
    assert {16, 24, 32, 48, 256} <= set(sizes)


def test_macos_icon_holds_every_size() -> None:
    data = (PACKAGING / "macos" / "clickwage.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    position, kinds = 8, {}
    while position < len(data):
        kind, length = data[position: position + 4], struct.unpack(
            ">I", data[position + 4: position + 8])[0]
        kinds[kind] = _png_size(data[position + 8: position + length])[0]
        position += length
    assert kinds[b"icp4"] == 16 and kinds[b"ic09"] == 512 and kinds[b"ic10"] == 1024


# -- what the build files point to ----------------------------------------------------------


def test_every_path_in_the_spec_exists() -> None:
    text = SPEC.read_text(encoding="utf-8")
    paths = re.findall(r'ROOT((?:\s*/\s*"[^"]+")+)', text)
    assert len(paths) >= 8
    for expression in paths:
        parts = re.findall(r'"([^"]+)"', expression)
        assert ROOT.joinpath(*parts).exists(), f"the spec names {'/'.join(parts)}"
    # The Alembic scripts are read from disk at run time: they must be bundled.
    assert '"app" / "storage" / "migrations"' in text
    assert (ROOT / "app" / "storage" / "migrations" / "script.py.mako").is_file()
    assert list((ROOT / "app" / "storage" / "migrations" / "versions").glob("*.py"))
    assert '{"matplotlib": {"backends": "QtAgg"}}' in text


def test_the_inno_setup_script_points_at_real_files() -> None:
    text = ISS.read_text(encoding="utf-8")
    folder = ISS.parent
    for key in ("SetupIconFile", "LicenseFile"):
        value = re.search(rf"^{key}=(.+)$", text, re.MULTILINE)
        assert value is not None, key
        assert (folder / value.group(1).strip().replace("\\", "/")).is_file(), key
    assert '#define AppExe "Clickwage.exe"' in text
    assert 'name=APP_NAME, console=False' in SPEC.read_text(encoding="utf-8")
    assert "{uninstallexe}" in text and "{group}" in text


def test_the_flatpak_manifest_uses_the_pyside_base_app() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", text, re.MULTILINE)
    assert re.search(r"^base: io\.qt\.PySide\.BaseApp$", text, re.MULTILINE)
    assert re.search(r"^command: clickwage$", text, re.MULTILINE)
    assert "--talk-name=org.gnome.Mutter.IdleMonitor" in text
    assert "--share=network" not in text.split("# No --share=network")[0]
    assert "BASEAPP_DISABLE_NUMPY" not in text, "matplotlib needs NumPy"
    modules = re.findall(r"^  - (\S+\.json)$", text, re.MULTILINE)
    assert modules
    for name in modules:
        module = json.loads((LINUX / name).read_text(encoding="utf-8"))
        assert module["sources"]
        for source in module["sources"]:
            assert source["url"].startswith("https://files.pythonhosted.org/")
            assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
    for line in re.findall(r"packaging/linux/\$\{FLATPAK_ID\}\.(\w+(?:\.\w+)?)", text):
        assert (LINUX / f"{APP_ID}.{line}").is_file()


def test_licences_are_there() -> None:
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Version 3" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    lgpl = (PACKAGING / "licenses" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl
    third = (PACKAGING / "THIRD_PARTY.md").read_text(encoding="utf-8")
    for name in ("Qt", "PySide6", "DejaVu", "SQLAlchemy", "matplotlib", "Babel",
                 "platformdirs", "alembic", "LGPL"):
        assert name in third, name


# -- what the bundle leaves out -------------------------------------------------------------


def _kept(name: str) -> bool:
    return bundle_filters.wanted((name, "/src/" + name, "BINARY"), ("en", "fr"))


def test_bundle_keeps_what_the_window_needs() -> None:
    for name in (
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "babel/locale-data/root.dat",
        "babel/locale-data/fr_CA.dat",
        "babel/locale-data/en_GB.dat",
        "babel/global.dat",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        "resources/fonts/DejaVuSans.ttf",
        "app/storage/migrations/versions/0001_initial_schema.py",
    ):
        assert _kept(name), name


def test_bundle_leaves_out_qml_webengine_and_other_languages() -> None:
    for name in (
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6QuickWidgets.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Designer.so.6",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-"
        "shm-emulation-server.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtdeclarative_fr.qm",
        "PySide6/Qt/translations/assistant_fr.qm",
        "babel/locale-data/de_DE.dat",
        "app/storage/migrations/__pycache__/env.cpython-311.pyc",
    ):
        assert not _kept(name), name
    excludes = bundle_filters.pyside6_excludes()
    assert "PySide6.QtQml" in excludes and "PySide6.QtWebEngineCore" in excludes
    assert not {"PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtNetwork",
                "PySide6.QtDBus"} & set(excludes)


# -- the self-test, from source and in the built bundle -------------------------------------


def _isolated_environment(tmp_path: Path) -> dict[str, str]:
    environment = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("CLICKWAGE_", "XDG_", "MPLCONFIGDIR"))
    }
    environment.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    return environment


@pytest.mark.slow
def test_self_test_passes_from_source(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test"], cwd=ROOT,
        env=_isolated_environment(tmp_path), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    database and migrations" in result.stdout
    assert re.search(r"main window drawn \(\d+ pages\)", result.stdout)
    assert "Self-test passed." in result.stdout
    assert re.search(r"Python 3\.\d+\.\d+; SQLite 3\.\d+\.\d+; Qt 6\.\d+\.\d+; PySide6 6\.",
                     result.stdout)
    assert not (tmp_path / "xdg-data").exists(), "nothing is written to the user's data"


@pytest.mark.bundle
@pytest.mark.skipif(os.environ.get("CLICKWAGE_BUILD_BUNDLE") != "1",
                    reason="set CLICKWAGE_BUILD_BUNDLE=1 to build the bundle (2-3 minutes)")
def test_the_bundle_builds_passes_its_self_test_and_stays_small(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py")], cwd=ROOT,
        env=_isolated_environment(tmp_path), capture_output=True, text=True, timeout=1500,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "Self-test passed." in output
    assert "Self-test of the bundle: exit status 0" in output
    size = re.search(r"\(([\d.]+) MB on disk", output)
    assert size is not None and float(size.group(1)) <= 250
