"""The window's composition root: it builds the app, the services and the pages.

`run()` is called by `clickwage gui`. Nothing else creates a QApplication
or opens the database for the window.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.domain.clock import Clock, SystemClock
from app.domain.localtime import local_zone
from app.services import Services, open_user_services


def run(
    data_dir: Path,
    *,
    demo: bool = False,
    screenshot_dir: Path | None = None,
    clock: Clock | None = None,
) -> int:
    from app.storage.datadir import cache_dir

    os.environ.setdefault("MPLCONFIGDIR", str(cache_dir() / "matplotlib"))
    if screenshot_dir is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clickwage")
    app.setOrganizationName("Clickwage")
    app.setDesktopFileName("io.github.clickwage.Clickwage")
    clock = clock or SystemClock()
    instance = None
    if not demo and screenshot_dir is None:
        from app.storage.datadir import config_dir
        from ui.gui.single_instance import SingleInstance

        instance = SingleInstance(config_dir(), data_dir)
        if not instance.acquire():
            answered = instance.wake_first()
            print(
                "Clickwage is already open: its window was brought to the front."
                if answered
                else "Clickwage is already open but does not answer; close it and try again."
            )
            return 0 if answered else 1
    temporary = tempfile.TemporaryDirectory(prefix="clickwage-demo-") if demo else None
    folder = Path(temporary.name) if temporary else data_dir
    services = open_user_services(folder, clock, local_zone())
    try:
        if demo:
            from app.services.demo import build_demo

            build_demo(services)
        window = build_window(app, services, config_dir=folder if demo else None)
        if screenshot_dir is not None:
            from ui.gui.screenshot import render_pages

            render_pages(window, screenshot_dir)
            window.close()
            return 0
        if instance is not None:
            instance.activated.connect(window.bring_to_front)
        window.show()
        from ui.gui.first_run import maybe_run_first_run

        maybe_run_first_run(window, window.context)
        return int(app.exec())
    finally:
        services.close()
        if instance is not None:
            instance.release()
        if temporary is not None:
            temporary.cleanup()


def build_window(app: object, services: Services, config_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """Fonts, translators, the context and every page, handed to the main window."""
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from app.storage.datadir import config_dir as user_config_dir
    from ui.gui.context import GuiContext
    from ui.gui.main_window import MainWindow
    from ui.gui.pages.charts import ChartsPage
    from ui.gui.pages.evidence import EvidencePage
    from ui.gui.pages.ledger import LedgerPage
    from ui.gui.pages.payouts import PayoutsPage
    from ui.gui.pages.platforms import PlatformsPage
    from ui.gui.pages.settings import SettingsPage
    from ui.gui.pages.today import TodayPage
    from ui.gui.resources import app_icon, install_translators, load_fonts
    from ui.gui.watcher import ExternalChangeWatcher

    assert isinstance(app, QApplication)
    families = load_fonts()
    if families and QApplication.platformName() == "offscreen":
        app.setFont(QFont(families[0], 10))
    language = services.ctx.tr.language
    QLocale.setDefault(QLocale(language))
    install_translators(app, language)
    folder = config_dir or user_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    context = GuiContext(services, settings)
    pages = [
        TodayPage(context),
        LedgerPage(context),
        PayoutsPage(context),
        PlatformsPage(context),
        ChartsPage(context),
        EvidencePage(context),
        SettingsPage(context),
    ]
    window = MainWindow(context, pages, app_icon())
    window.watcher = ExternalChangeWatcher(context, window)  # type: ignore[attr-defined]
    from ui.gui.idle import install_idle

    window.idle = install_idle(window, context, pages[0])  # type: ignore[attr-defined]
    from ui.gui.idle import idle_status_text

    _warn_about_the_data_folder(window, services)
    _start_automatic_backup(window, services)
    settings_page = window.page("settings")
    settings_page.idle_note.setText(idle_status_text(window.idle.source))  # type: ignore[attr-defined]
    from PySide6.QtWidgets import QSystemTrayIcon

    if QSystemTrayIcon.isSystemTrayAvailable():
        from ui.gui.tray import TimerTray

        window.tray = TimerTray(context, window, pages[0], app_icon())  # type: ignore[attr-defined,arg-type]
        window.tray.show()  # type: ignore[attr-defined]
    return window


def _warn_about_the_data_folder(window: object, services: Services) -> None:
    """A permanent warning in the status bar when the data sits in a cloud or network folder."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    from app.storage.location import data_folder_risk, risk_warning

    risk = data_folder_risk(services.ctx.db.path.parent)
    if risk is None or not isinstance(window, QMainWindow):
        return
    label = QLabel(risk_warning(risk, services.ctx.tr))
    label.setWordWrap(True)
    label.setStyleSheet("color: #8a1c12; font-weight: bold;")
    window.statusBar().addPermanentWidget(label, 1)


def _start_automatic_backup(window: object, services: Services) -> None:
    """At most one backup a day, made in the background when the window opens."""
    import threading

    from app.services.backups import BackupService

    backups = BackupService(services.ctx, services.settings)

    def work() -> None:
        try:
            backups.automatic()
        except Exception:  # a failed automatic backup must never stop the app
            return

    thread = threading.Thread(target=work, name="clickwage-automatic-backup", daemon=True)
    thread.start()
    window.backup_thread = thread  # type: ignore[attr-defined]
