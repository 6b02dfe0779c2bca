"""The Charts page (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.gui.context import GuiContext
from ui.gui.pages.base import Page


class ChartsPage(Page):
    page_id = "charts"
    tables = frozenset({"tasks"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title()))

    def title(self) -> str:
        return self.tr("Charts")
