"""Notices changes made outside the window (the command line, a hotkey) within 2 s."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ui.gui.context import ALL_TABLES, GuiContext

POLL_MS = 1000


class ExternalChangeWatcher(QObject):
    """Polls the audit chain's head: any new entry not written by us means a refresh."""

    def __init__(self, context: GuiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._head = context.services.audit.head()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        context.changed.connect(self.on_context_changed)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def on_context_changed(self, tables: frozenset[str]) -> None:
        # Our own writes move the head too; remember it so they are not seen as external.
        self._head = self._context.services.audit.head()

    def on_timer_timeout(self) -> None:
        head = self._context.services.audit.head()
        if head != self._head:
            self._head = head
            self._context.changed.emit(ALL_TABLES)
