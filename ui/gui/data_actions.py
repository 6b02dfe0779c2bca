"""Import, export and backup actions of the window's File menu (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from ui.gui.context import GuiContext


def install(window: QMainWindow, file_menu: QMenu, context: GuiContext) -> None:
    """Adds nothing yet."""
