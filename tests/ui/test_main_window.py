"""The main window navigates, keeps its geometry and last page, and offers undo/redo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.main_window import MainWindow
from ui.gui.pages.base import Page
from ui.gui.resources import app_icon


class _Page(Page):
    def __init__(self, context: GuiContext, page_id: str, tables: set[str]) -> None:
        super().__init__(context)
        self.page_id = page_id
        self.tables = frozenset(tables)
        self.refreshed = 0
        QVBoxLayout(self).addWidget(QLabel(page_id))

    def title(self) -> str:
        return self.page_id.capitalize()

    def refresh(self) -> None:
        self.refreshed += 1


def _window(context: GuiContext, qtbot: QtBot) -> MainWindow:
    pages: list[Page] = [_Page(context, "first", {"tasks"}), _Page(context, "second", {"payouts"})]
    window = MainWindow(context, pages, app_icon())
    qtbot.addWidget(window)
    return window


def test_geometry_and_last_page_are_remembered(
    services: Services, tmp_path: Path, qtbot: QtBot, qapp: Any
) -> None:
    ini = str(tmp_path / "window.ini")
    context = GuiContext(services, QSettings(ini, QSettings.Format.IniFormat))
    window = _window(context, qtbot)
    window.show()
    window.resize(700, 500)
    window.show_page(1)
    window.close()
    again = GuiContext(services, QSettings(ini, QSettings.Format.IniFormat))
    reopened = _window(again, qtbot)
    assert reopened.stack.currentIndex() == 1
    assert (reopened.width(), reopened.height()) == (700, 500)


def test_pages_refresh_only_for_their_tables(gui_context: GuiContext, qtbot: QtBot) -> None:
    window = _window(gui_context, qtbot)
    window.show()
    window.show_page(0)
    first, second = window.pages  # type: ignore[misc]
    before_first, before_second = first.refreshed, second.refreshed  # type: ignore[attr-defined]
    gui_context.changed.emit(frozenset({"tasks"}))
    assert first.refreshed == before_first + 1  # type: ignore[attr-defined]
    assert second.refreshed == before_second  # type: ignore[attr-defined]
    gui_context.changed.emit(frozenset({"payouts"}))  # hidden: refreshed when next shown
    assert second.refreshed == before_second  # type: ignore[attr-defined]
    window.show_page(1)
    assert second.refreshed == before_second + 1  # type: ignore[attr-defined]


def test_edit_menu_undoes_and_redoes(
    gui_context: GuiContext, services: Services, qtbot: QtBot
) -> None:
    window = _window(gui_context, qtbot)
    platforms = services.platforms
    gui_context.push("Add a platform", lambda: platforms.add("Toloka", "USD"),
                     lambda info: None, {"platforms"})
    assert window.undo_action.isEnabled()
    assert "Add a platform" in window.undo_action.text()
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_an_error_is_shown_not_raised(
    gui_context: GuiContext, services: Services, _no_modal_boxes: list[str]
) -> None:
    result = gui_context.run(lambda: services.timer.stop())
    assert result is None
    assert _no_modal_boxes == ["No session is running, so there is nothing to stop."]
