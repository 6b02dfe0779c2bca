"""`clickwage --self-test`: check the installation end to end in a throwaway data dir.

It is what CI runs inside the built bundle, so each check goes through the parts that a
frozen build loses first: the migration scripts (read from disk by Alembic), Babel's
locale data, the Qt platform, image and style plugins, the bundled fonts, matplotlib's
Qt backend, and the PDF writer. It prints one line per check, then the versions, and
exits 0, or 1 naming what failed. Nothing outside a temporary folder is written, but
matplotlib's font cache (in the user cache folder, as the window uses it).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.domain.clock import SystemClock
from app.domain.localtime import local_date, local_zone
from app.i18n import SUPPORTED_LANGUAGES, Translator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.services import Services

PLATFORM = "Self-test"


def run(tr: Translator) -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="clickwage-self-test-") as folder:
        checks: list[tuple[str, Callable[[], str]]] = [
            (tr.gettext("database and migrations"), lambda: _database(Path(folder), tr)),
            (tr.gettext("Qt offscreen rendering"), lambda: _qt_render(Path(folder), tr)),
        ]
        for name, check in checks:
            try:
                detail = check()
                print(f"ok    {name}: {detail}", flush=True)
            except Exception as error:  # report every failure by name
                failures.append(name)
                print(f"FAIL  {name}: {type(error).__name__}: {error}", flush=True)
    print(
        f"clickwage {__version__}; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}; {_qt_versions()}; idle probe: {_idle_probe()}"
    )
    if failures:
        print(
            tr.gettext("Self-test failed: {names}.").format(names=", ".join(failures)),
            file=sys.stderr,
        )
        return 1
    print(tr.gettext("Self-test passed."))
    return 0


def _database(folder: Path, tr: Translator) -> str:
    from app.domain.money import format_money
    from app.services import open_services

    clock = SystemClock()
    zone = local_zone()
    services = open_services(folder / "data", clock, zone, tr, "FR")
    try:
        services.platforms.add(PLATFORM, "EUR")
        start = clock.now() - timedelta(minutes=5)
        services.timer.start(PLATFORM, at=start)
        services.timer.stop()
        today = local_date(clock.now(), zone)
        report = services.reports.report(today, today + timedelta(days=1))
        seconds = report.platforms[0].time.seconds_total
        if not 290 <= seconds <= 310:
            raise AssertionError(f"a 5-minute session counted {seconds} s")
        if not services.audit.verify().intact:
            raise AssertionError("verify found problems in a fresh database")
        for language in SUPPORTED_LANGUAGES:  # Babel's locale data for every language
            format_money(123456, "EUR", Translator(language).locale)
        return tr.gettext("created, migrated, timed a session, verified")
    finally:
        services.close()


def _qt_render(folder: Path, tr: Translator) -> str:
    """The real main window, every page drawn offscreen, and one evidence report as PDF."""
    if not os.environ.get("QT_QPA_PLATFORM"):  # offscreen unless a platform is asked for
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from app.storage.datadir import cache_dir

    os.environ.setdefault("MPLCONFIGDIR", str(cache_dir() / "matplotlib"))
    from PySide6.QtWidgets import QApplication

    from app.services import open_services

    _check_platform_plugin(os.environ["QT_QPA_PLATFORM"])
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "clickwage"])
    assert isinstance(app, QApplication)
    clock = SystemClock()
    zone = local_zone()
    services = open_services(folder / "window", clock, zone, tr, "FR")
    try:
        services.platforms.add(PLATFORM, "EUR")
        services.timer.start(PLATFORM, at=clock.now() - timedelta(minutes=30))
        services.timer.stop()
        drawn = _draw_window(app, services, folder / "config")
        today = local_date(clock.now(), zone)
        size, pages = _write_pdf(services, today, folder / "self-test.pdf")
    finally:
        services.close()
    return f"main window drawn ({drawn} pages), PDF of {pages} page(s), {size} bytes"


def _check_platform_plugin(name: str) -> None:
    """Qt aborts the process when its platform plugin is missing: say so and fail instead."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    plugin = name.split(":")[0].split("-")[0]  # "wayland-egl" is in libqwayland
    if not any(plugin in path.name for path in folder.glob("*")):
        raise AssertionError(f"Qt's {plugin!r} platform plugin is missing from {folder}")


def _draw_window(app: QApplication, services: Services, config: Path) -> int:
    """Show the window offscreen and draw each page as a user would see it (shown pages
    refresh themselves, the charts page draws its figures); returns the pages drawn."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from ui.gui.main import build_window

    previous = qInstallMessageHandler(_quiet_offscreen)
    window = build_window(app, services, config_dir=config)
    try:
        window.resize(1100, 720)
        window.show()
        count = 0
        for index, page in enumerate(window.pages):
            window.show_page(index)
            for _ in range(3):
                QApplication.processEvents()
            image = window.grab().toImage()
            if image.isNull() or image.width() < 200:
                raise AssertionError(f"the {page.page_id} page could not be drawn")
            count += 1
        return count
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        qInstallMessageHandler(previous)


def _quiet_offscreen(kind: object, context: object, message: str) -> None:
    """Qt's messages to stderr, but the offscreen platform's remark on window size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _write_pdf(services: Services, day: date, target: Path) -> tuple[int, int]:
    from app.services.evidence import EvidenceService
    from ui.render import write_pdf

    evidence = EvidenceService(services).build(PLATFORM, day, day + timedelta(days=1))
    pages = write_pdf(evidence.document(), target)
    size = target.stat().st_size
    if pages < 1 or size < 1000:
        raise AssertionError(f"the PDF is empty ({pages} pages, {size} bytes)")
    return size, pages


def _idle_probe() -> str:
    """Which idle probe this desktop offers (information only: never a failure)."""
    try:
        from ui.gui.idle import choose_idle_source

        source = choose_idle_source()
        source.close()
        return source.name
    except Exception as error:
        return f"unavailable ({type(error).__name__})"


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        return f"Qt {qVersion()}; PySide6 {PySide6.__version__}"
    except Exception as error:
        return f"Qt unavailable ({error})"
