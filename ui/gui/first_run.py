"""The first start: a welcome that sets Clickwage up in a minute, then a three-step tour.

The welcome asks the language; the country, which proposes the home currency and the
minimum wage (each shown with its source and date, both editable); says where the journal is
kept and that nothing leaves the computer; and lets the user pick their platforms from the
catalogue. Then a small window walks through Today, Ledger and Evidence.

Both can be skipped, and nothing is asked twice: the answer (or the skip) is stored with the
settings. `show_welcome()` opens them again on request (Help menu).

This module runs them; the dialogs are in first_run_welcome.py (with first_run_platforms.py
and first_run_sources.py for its texts) and first_run_tour.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from app.i18n import resolve_language, system_country
from app.services.catalogue import CatalogueService, FirstRun
from ui.gui.context import GuiContext
from ui.gui.first_run_tour import TourDialog
from ui.gui.first_run_welcome import WelcomeDialog

if TYPE_CHECKING:
    from ui.gui.main_window import MainWindow


def maybe_run_first_run(window: MainWindow, context: GuiContext) -> None:
    """On the first start of a new journal, open the welcome (then the tour). Call it after
    the window is shown; it returns at once."""
    service = CatalogueService.for_services(context.services)
    if context.run(service.needs_first_run):
        show_welcome(window, context)


def show_welcome(window: MainWindow, context: GuiContext) -> WelcomeDialog:
    """Open the welcome with the current answers (first start, or Help ▸ Welcome and tour)."""
    services = context.services
    service = CatalogueService.for_services(services)
    flow = service.first_run()
    raw = services.settings.raw()
    dialog = WelcomeDialog(
        flow,
        service.catalogue,
        services.ctx.tr,
        services.ctx.db.path.parent,
        language=raw["language"],
        country=service.country() or system_country(),
        home_currency=raw["home_currency"],
        min_wage=raw["min_wage"],
        existing=frozenset(service.existing_keys()),
        parent=window,
    )
    dialog.finished.connect(
        lambda result: on_welcome_finished(window, context, dialog, flow, result)
    )
    dialog.open()
    return dialog


def on_welcome_finished(
    window: MainWindow, context: GuiContext, dialog: WelcomeDialog, flow: FirstRun, result: int
) -> TourDialog | None:
    dialog.deleteLater()
    if result != QDialog.DialogCode.Accepted.value:
        context.run(flow.skip)
        return None
    choices = dialog.choices()
    added = context.run(lambda: flow.complete(choices), {"settings", "platforms"})
    if added is None:
        return None
    if resolve_language(choices.language) != context.services.ctx.tr.language:
        context.message.emit(dialog.language_note.text())
    tour = TourDialog(window)
    tour.start()
    return tour


__all__ = ["TourDialog", "WelcomeDialog", "maybe_run_first_run", "show_welcome"]
