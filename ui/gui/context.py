"""What every page gets: the services, the undo stack, and a signal saying what changed.

Pages call services through `run()` (errors become a message, never a
traceback) or `push()` (an undoable edit). After a successful write the
context emits `changed` with the names of the tables touched, and every page
refreshes only if it shows one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import ClickwageError
from app.services import Services

T = TypeVar("T")

ALL_TABLES = frozenset(
    {
        "platforms",
        "work_sessions",
        "tasks",
        "payouts",
        "account_events",
        "exchange_rates",
        "settings",
        "scam_signs",
        "attachments",
    }
)


class GuiContext(QObject):
    """Signals:
    changed(frozenset[str]): tables written by the window or (seen by the watcher) outside it.
    message(str): a short status-bar message.
    """

    changed = Signal(object)
    message = Signal(str)

    def __init__(self, services: Services, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.dialog_parent: QWidget | None = None

    @property
    def tr_core(self) -> Any:
        return self.services.ctx.tr

    def run(self, action: Callable[[], T], tables: Iterable[str] = ()) -> T | None:
        """Call a service; show its error as a message box and return None on failure."""
        try:
            result = action()
        except ClickwageError as error:
            self.show_error(str(error))
            return None
        touched = frozenset(tables)
        if touched:
            self.changed.emit(touched)
        return result

    def push(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        tables: Iterable[str],
    ) -> Any:
        """Do an edit now and put it on the undo stack; returns do()'s result or None."""
        touched = frozenset(tables)
        result = self.run(do, touched)
        if result is None:
            return None
        self.undo_stack.push(_EditCommand(self, text, do, undo, result, touched))
        return result

    def show_error(self, text: str) -> None:
        self.message.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Clickwage"),
            text,
            QMessageBox.StandardButton.Ok,
            self.dialog_parent,
        )
        box.setObjectName("errorBox")
        box.exec()


class _EditCommand(QUndoCommand):
    """An edit already done once; redo() repeats it, undo() calls its inverse."""

    def __init__(
        self,
        context: GuiContext,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        first_result: Any,
        tables: frozenset[str],
    ) -> None:
        super().__init__(text)
        self._context, self._do, self._undo = context, do, undo
        self._result = first_result
        self._tables = tables
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        result = self._context.run(self._do, self._tables)
        if result is not None:
            self._result = result

    def undo(self) -> None:
        self._context.run(lambda: self._undo(self._result) or True, self._tables)
