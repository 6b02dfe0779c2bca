"""Files shipped with the app: icon, fonts, translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "clickwage.svg"))


def load_fonts() -> list[str]:
    """Register the bundled DejaVu Sans (Qt has no fonts of its own offscreen)."""
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Our own strings and Qt's (standard buttons), parented to the app so they live on."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    locale = QLocale(language)
    ours = QTranslator(app)
    if ours.load(locale, "clickwage", "_", str(RESOURCES / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_path):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
