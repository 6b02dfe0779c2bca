"""Wire idle detection into the window: watch while the timer runs, ask on return."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QMainWindow

from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.dialogs.idle_dialog import Absence, IdleDialog, resolve_absence
from ui.gui.idle.base import IdleSource, UnavailableIdleSource
from ui.gui.idle.chooser import choose_idle_source
from ui.gui.idle.monitor import IdleMonitor
from ui.gui.pages.base import Page

SETTING = "idle_minutes"
DEFAULT_MINUTES = 10


def idle_minutes(services: Services) -> int:
    """The `idle_minutes` setting (minutes away before Clickwage asks), 10 by default."""
    try:
        return max(1, int(services.settings.raw().get(SETTING, DEFAULT_MINUTES)))
    except ValueError:
        return DEFAULT_MINUTES


def idle_status_text(source: IdleSource) -> str:
    """One sentence for the Settings page: how absences are noticed on this computer."""
    if source.available:
        return QCoreApplication.translate(
            "idle",
            "Time away from the keyboard and mouse is noticed here ({probe}); so is the "
            "computer sleeping.",
        ).format(probe=source.name)
    return QCoreApplication.translate(
        "idle",
        "This desktop does not tell applications how long the keyboard and mouse have been "
        "idle, so Clickwage cannot notice when you step away; it still notices when the "
        "computer sleeps.",
    )


class IdleController(QObject):
    """Starts the monitor while a session runs; shows the dialog when the user is back."""

    def __init__(
        self, window: QMainWindow, context: GuiContext, today_page: Page,
        monitor: IdleMonitor,
    ) -> None:
        super().__init__(window)
        self._window, self._context, self._today = window, context, today_page
        self.monitor = monitor
        self.dialog: IdleDialog | None = None
        monitor.setParent(self)
        monitor.returned.connect(self.on_monitor_returned)
        context.changed.connect(self.on_context_changed)
        window.installEventFilter(self)
        self.sync()

    def sync(self) -> None:
        """Watch exactly while a session runs (and no dialog is waiting for an answer)."""
        services = self._context.services
        self.monitor.set_threshold(idle_minutes(services) * 60)
        if self.dialog is None and services.timer.status().running:
            self.monitor.start()
        else:
            self.monitor.stop()

    def on_context_changed(self, tables: frozenset[str]) -> None:
        if tables & {"work_sessions", "settings"}:
            self.sync()

    def on_monitor_returned(self, started_at: datetime, seconds: int) -> None:
        status = self._context.services.timer.status()
        if not status.running or status.session is None or self.dialog is not None:
            return
        self.monitor.stop()
        absence = Absence.of(started_at, seconds, asleep=self.monitor.last_absence_was_sleep)
        dialog = IdleDialog(absence, status.session, self._context.services.ctx.zone,
                            self._window)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    def on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if result == QDialog.DialogCode.Accepted:
            changed = resolve_absence(self._context, dialog.session, dialog.absence,
                                      dialog.choice(), dialog.activity())
            show_page = getattr(self._window, "show_page", None)
            pages = getattr(self._window, "pages", [])
            if changed and show_page is not None and self._today in pages:
                show_page(pages.index(self._today))  # where the corrected sessions show
        dialog.deleteLater()
        self.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.monitor.stop()
        return False


def install_idle(
    window: QMainWindow,
    context: GuiContext,
    today_page: Page,
    source: IdleSource | None = None,
) -> IdleMonitor:
    """Idle detection for the window; returns the monitor (its `source` says which probe).

    `source` defaults to the first probe that works here (see chooser.py); where none
    does, the monitor still notices the computer sleeping.
    """
    try:
        chosen = source if source is not None else choose_idle_source()
    except Exception as error:  # never let a desktop quirk stop the window opening
        chosen = UnavailableIdleSource([f"{type(error).__name__}: {error}"])
    threshold = idle_minutes(context.services) * 60
    monitor = IdleMonitor(chosen, context.services.ctx.clock, threshold)
    IdleController(window, context, today_page, monitor)
    return monitor
