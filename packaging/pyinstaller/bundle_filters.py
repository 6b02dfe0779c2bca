"""What the spec keeps out of the bundle, and the debug information it strips.

Imported by clickwage.spec (and by tests/unit/test_packaging.py); plain Python, no
PyInstaller import, so that the rules can be tested without building.

A PyInstaller TOC entry is (destination name, source path, type code); the rules look at
the destination name, with forward slashes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

Entry = tuple[str, str, str]

# PySide6 modules we never import. Leaving a module out also leaves out its Qt library.
UNUSED_PYSIDE6_MODULES = (
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest", "QtQuick3D",
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
    "QtWebSockets", "QtWebView", "QtDesigner", "QtUiTools", "QtHelp", "QtPdf",
    "QtPdfWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSql", "QtTest", "QtXml",
    "QtConcurrent", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation",
    "Qt3DExtras", "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtCharts",
    "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtBluetooth", "QtNfc",
    "QtPositioning", "QtLocation", "QtSerialPort", "QtSerialBus", "QtSensors",
    "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtTextToSpeech", "QtHttpServer",
    "QtNetworkAuth", "QtAxContainer", "QtCanvasPainter",
)

# Python modules the app never imports (other GUI toolkits, test tools, Pillow's codecs
# that matplotlib does not use: AVIF, WebP, colour management, FreeType text, Tk).
UNUSED_PYTHON_MODULES = (
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "IPython", "pytest", "hypothesis",
    "mypy", "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk", "PIL._imagingft",
    "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_tkcairo",
    "matplotlib.backends.backend_gtk3agg", "matplotlib.backends.backend_gtk4agg",
    "matplotlib.backends.backend_wxagg", "matplotlib.backends.backend_webagg",
    "matplotlib.backends.backend_nbagg",
)

# Parts of Qt that its plugins would drag in but the app never loads: the QML engine and
# Qt Quick (pulled by compositor-side Wayland plugins, the QML debugger, the virtual
# keyboard, Lottie images), WebEngine, Designer, PDF rendering, SQL drivers; plugins for
# embedded devices (EGLFS, framebuffer, VNC, evdev) and for the network (TLS, network
# information: Clickwage never opens a connection); the GTK 3 theme, which needs a GTK
# that we do not ship (the XDG portal theme gives native dialogs).
UNWANTED_QT_PARTS = (
    "Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6WebChannel", "Qt6WebSockets", "Qt6Designer",
    "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6Lottie", "Qt6WaylandCompositor",
    "Qt6WaylandEglCompositor", "Qt6ShaderTools", "Qt6Help", "Qt6Sql", "Qt6Test",
    "Qt6Labs", "Qt6UiTools", "Qt6Concurrent", "Qt6Multimedia", "Qt6Charts", "Qt6Graphs",
    "Qt6DataVisualization", "Qt6EglFS", "Qt6EglFs", "QtWebEngineProcess",
    "/qml/", "/qmltooling/", "/qmllint/", "/designer/", "/sqldrivers/",
    "/wayland-graphics-integration-server/", "/vectorimageformats/",
    "/egldeviceintegrations/", "/generic/", "/networkinformation/", "/tls/",
    "/platforms/libqeglfs", "/platforms/libqlinuxfb", "/platforms/libqminimalegl",
    "/platforms/libqvnc", "/platforms/libqvkkhrdisplay", "/platforms/qdirect2d",
    "/platformthemes/libqgtk3", "/imageformats/libqpdf", "/imageformats/qpdf",
    "/platforminputcontexts/libqtvirtualkeyboardplugin",
    "/platforminputcontexts/qtvirtualkeyboardplugin",
    "/scenegraph/", "/multimedia/", "/renderers/", "/position/", "/geometryloaders/",
    "mpl-data/sample_data/", "/__pycache__/",
)


def pyside6_excludes() -> list[str]:
    return [f"PySide6.{module}" for module in UNUSED_PYSIDE6_MODULES]


def _name(entry: Sequence[str]) -> str:
    return "/" + entry[0].replace("\\", "/")


def wanted(entry: Sequence[str], languages: Iterable[str]) -> bool:
    """Whether a collected file belongs in the bundle (languages: the app's languages)."""
    name = _name(entry)
    if any(part in name for part in UNWANTED_QT_PARTS):
        return False
    base = name.rsplit("/", 1)[-1]
    if "/PySide6/Qt/translations/" in name and base.endswith(".qm"):
        # Qt's own translations: only qtbase (standard buttons, dialogs) in our languages.
        return any(base.startswith(f"qtbase_{language}") for language in languages)
    if "/babel/locale-data/" in name and base.endswith(".dat"):
        # Babel's CLDR data: the root locale and every variant of our languages (en_GB…).
        stem = base[: -len(".dat")]
        return stem == "root" or stem.split("_")[0] in set(languages)
    return True


def keep_wanted(entries: Iterable[Entry], languages: Iterable[str]) -> list[Entry]:
    chosen = tuple(languages)
    return [entry for entry in entries if wanted(entry, chosen)]


def _is_elf(path: Path) -> bool:
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def has_debug_info(path: Path) -> bool:
    """Whether an ELF file carries DWARF debug sections (a symbol table alone is small)."""
    readelf = shutil.which("readelf")
    if readelf is None:
        return False
    result = subprocess.run(
        [readelf, "-S", "-W", str(path)], capture_output=True, text=True, check=False
    )
    return result.returncode == 0 and ".debug_info" in result.stdout


def strip_debug_info(entries: Iterable[Entry], folder: Path) -> list[Entry]:
    """On Linux: copies of the binaries that carry debug information, with it stripped.

    Python built from source (pyenv) and some wheels ship libraries with DWARF sections:
    libpython alone drops from 23 to 6 MB. `strip --strip-debug` keeps every symbol, so
    nothing that loads the library notices. Without binutils, entries are left as they are.
    """
    strip = shutil.which("strip")
    result: list[Entry] = []
    for destination, source, kind in entries:
        path = Path(source)
        if (
            strip is None
            or kind not in ("BINARY", "EXTENSION")
            or not _is_elf(path)
            or not has_debug_info(path)
        ):
            result.append((destination, source, kind))
            continue
        key = hashlib.sha256(f"{path.resolve()}:{path.stat().st_mtime_ns}".encode()).hexdigest()
        target = folder / key[:16] / path.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            subprocess.run([strip, "--strip-debug", str(target)], check=True)
        result.append((destination, str(target), kind))
    return result
