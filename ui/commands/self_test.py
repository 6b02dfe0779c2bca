"""`clickwage --self-test`: check the installation end to end in a throwaway data dir."""

from __future__ import annotations

import platform
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from app import __version__
from app.domain.clock import SystemClock
from app.domain.localtime import local_date, local_zone
from app.i18n import Translator


def run(tr: Translator) -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="clickwage-self-test-") as folder:
        checks: list[tuple[str, Callable[[], str]]] = [
            (tr.gettext("database and migrations"), lambda: _database(Path(folder), tr)),
            (tr.gettext("Qt offscreen rendering"), _qt_render),
        ]
        for name, check in checks:
            try:
                detail = check()
                print(f"ok    {name}: {detail}")
            except Exception as error:  # report every failure by name
                failures.append(name)
                print(f"FAIL  {name}: {type(error).__name__}: {error}")
    print(
        f"clickwage {__version__}; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}; {_qt_versions()}"
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
    from app.services import open_services

    clock = SystemClock()
    zone = local_zone()
    services = open_services(folder / "data", clock, zone, tr, "FR")
    try:
        services.platforms.add("Self-test", "EUR")
        start = clock.now() - timedelta(minutes=5)
        services.timer.start("Self-test", at=start)
        services.timer.stop()
        today = local_date(clock.now(), zone)
        report = services.reports.report(today, today + timedelta(days=1))
        seconds = report.platforms[0].time.seconds_total
        if not 290 <= seconds <= 310:
            raise AssertionError(f"a 5-minute session counted {seconds} s")
        if not services.audit.verify().intact:
            raise AssertionError("verify found problems in a fresh database")
        return tr.gettext("created, migrated, timed a session, verified")
    finally:
        services.close()


def _qt_render() -> str:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("Clickwage")
    label.resize(200, 50)
    image = label.grab().toImage()
    if image.isNull():
        raise AssertionError("the window could not be drawn")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Clickwage self-test")
    painter.end()
    size = buffer.data().size()
    del app
    if size < 500:
        raise AssertionError("the PDF page is empty")
    return f"window drawn, one PDF page of {size} bytes"


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        return f"Qt {qVersion()}; PySide6 {PySide6.__version__}"
    except Exception as error:
        return f"Qt unavailable ({error})"
