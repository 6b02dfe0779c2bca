"""The Payouts page (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.gui.context import GuiContext
from ui.gui.pages.base import Page


class PayoutsPage(Page):
    page_id = "payouts"
    tables = frozenset({"payouts"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title()))

    def title(self) -> str:
        return self.tr("Payouts")
