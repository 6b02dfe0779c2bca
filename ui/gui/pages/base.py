"""The base of every page: a title, the context, and a refresh when its tables change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.gui.context import GuiContext


class Page(QWidget):
    """A page of the main window.

    Subclasses set `page_id` (used for screenshots and the remembered last
    page) and `tables` (the tables it shows), and implement `title()` and
    `refresh()`. The page refreshes when one of its tables changes while it
    is visible, or when it is next shown.
    """

    page_id = "page"
    tables: frozenset[str] = frozenset()

    def __init__(self, context: GuiContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self._stale = True
        context.changed.connect(self.on_context_changed)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the services."""

    def on_context_changed(self, tables: frozenset[str]) -> None:
        if not tables & self.tables:
            return
        if self.isVisible():
            self.refresh()
            self._stale = False
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        if self._stale:
            self.refresh()
            self._stale = False
        super().showEvent(event)  # type: ignore[arg-type]
