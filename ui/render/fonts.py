"""The bundled font (Qt has none of its own offscreen) and the Qt application text needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "DejaVu Sans"

_registered: list[str] = []
_own_app: list[QGuiApplication] = []  # keeps an application this module created alive


def ensure_application() -> QCoreApplication:
    """The running Qt application, or a new one (offscreen when there is no display).

    The command line renders PDFs without a window: on Linux without DISPLAY or
    WAYLAND_DISPLAY the offscreen platform is used. The application made here is a
    QApplication, so that a window (or a test harness) can still use it later.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    created = QApplication([sys.argv[0] if sys.argv else "clickwage"])
    _own_app.append(created)
    return created


def ensure_fonts() -> str:
    """Register DejaVu Sans (regular and bold) once; returns the family to use."""
    if not _registered:
        ensure_application()
        for path in sorted(FONTS.glob("DejaVuSans*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
        if not _registered:
            _registered.append(QFont().family())
    return FAMILY if FAMILY in _registered else _registered[0]


def has_glyphs(text: str, family: str | None = None) -> bool:
    """Whether the bundled font draws every character of `text` itself (no fallback)."""
    from PySide6.QtGui import QRawFont

    font = QFont(family or ensure_fonts())
    font.setPixelSize(100)
    raw = QRawFont.fromFont(font)
    return raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in text)
