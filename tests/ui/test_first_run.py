"""The first start as a new user meets it, in English and in French: the welcome proposes the
country's currency and minimum wage with their source, stores the answers and the platforms
picked, then the tour shows Today, Ledger and Evidence. Skippable; nothing asked twice."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.i18n import Translator
from app.services import Services
from app.services.catalogue import COMPLETED, FIRST_RUN_DONE, SKIPPED, CatalogueService
from ui.gui.context import GuiContext
from ui.gui.first_run import TourDialog, WelcomeDialog, maybe_run_first_run, show_welcome
from ui.gui.main_window import MainWindow
from ui.gui.pages.base import Page
from ui.gui.resources import app_icon


@pytest.fixture(params=["en", "fr"])
def tr(request: pytest.FixtureRequest) -> Translator:
    """Every test here runs in English and in French (overrides the shared fixture)."""
    return Translator(request.param)


@pytest.fixture(autouse=True)
def _system_in_france(monkeypatch: pytest.MonkeyPatch, tr: Translator) -> None:
    """A system in France, speaking the test's language (as the app was started)."""
    for variable in ("LC_ALL", "LC_MONETARY", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LANGUAGE", tr.language)


class _Page(Page):
    def __init__(self, context: GuiContext, page_id: str) -> None:
        super().__init__(context)
        self.page_id = page_id
        QVBoxLayout(self).addWidget(QLabel(page_id))

    def title(self) -> str:
        return self.page_id.capitalize()


@pytest.fixture
def window(gui_context: GuiContext, qtbot: QtBot) -> MainWindow:
    ids = ("today", "ledger", "payouts", "platforms", "evidence", "settings")
    built = MainWindow(gui_context, [_Page(gui_context, i) for i in ids], app_icon())
    qtbot.addWidget(built)
    built.show()
    built.show_page(3)
    return built


def _welcome(window: MainWindow) -> WelcomeDialog | None:
    shown = [d for d in window.findChildren(WelcomeDialog) if d.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def _tour(window: MainWindow) -> TourDialog | None:
    shown = [d for d in window.findChildren(TourDialog) if d.isVisible()]
    return shown[0] if shown else None


def _current(window: MainWindow) -> str:
    return window.pages[window.stack.currentIndex()].page_id


def _tick(dialog: WelcomeDialog, *keys: str) -> None:
    for row in range(dialog.platform_list.count()):
        item = dialog.platform_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in keys:
            item.setCheckState(Qt.CheckState.Checked)


def _decimal(tr: Translator, text: str) -> str:
    return text.replace(".", ",") if tr.language == "fr" else text


def test_a_new_journal_is_welcomed_and_the_answers_are_stored(
    window: MainWindow, gui_context: GuiContext, services: Services, tr: Translator,
    qtbot: QtBot,
) -> None:
    changed: list[frozenset[str]] = []
    gui_context.changed.connect(changed.append)
    maybe_run_first_run(window, gui_context)
    dialog = _welcome(window)
    assert dialog is not None
    assert dialog.country() == "FR"
    assert dialog.currency_combo.currentText() == "EUR"
    assert dialog.wage_edit.text() == _decimal(tr, "12.02")
    assert "2026-01-01" in dialog.wage_source.text() and "SMIC" in dialog.wage_source.text()
    assert str(services.ctx.db.path.parent) == dialog.folder_label.text()
    prolific_tip = dialog.platform_list.item(0).toolTip()
    assert "21" in prolific_tip and "prolific" in prolific_tip.lower()
    _tick(dialog, "prolific", "clickworker")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    settings = services.settings.current()
    assert (settings.home_currency, settings.min_wage) == ("EUR", 1202)
    catalogue = CatalogueService.for_services(services)
    assert catalogue.country() == "FR"
    assert catalogue.store.get(FIRST_RUN_DONE) == COMPLETED
    assert [p.name for p in services.platforms.list()] == ["Clickworker", "Prolific"]
    assert services.platforms.get("Prolific").max_review_days == 21
    assert {"settings", "platforms"} <= set().union(*changed)

    tour = _tour(window)
    assert tour is not None
    seen = []
    while _tour(window) is not None:
        seen.append((_current(window), tour.step_label.text()))
        tour.next_button.click()
    assert [page for page, _text in seen] == ["today", "ledger", "evidence"]
    assert seen[0][1].startswith("1") and "Today" in seen[0][1]
    assert _current(window) == "today"


def test_running_it_twice_asks_nothing(
    window: MainWindow, gui_context: GuiContext, services: Services
) -> None:
    maybe_run_first_run(window, gui_context)
    dialog = _welcome(window)
    assert dialog is not None
    dialog.accept()
    tour = _tour(window)
    assert tour is not None
    tour.skip_button.click()
    assert _tour(window) is None and _current(window) == "today"
    before = services.settings.raw()
    maybe_run_first_run(window, gui_context)
    assert _welcome(window) is None and _tour(window) is None
    assert services.settings.raw() == before


def test_skipping_keeps_the_defaults_and_is_remembered(
    window: MainWindow, gui_context: GuiContext, services: Services
) -> None:
    before = services.settings.raw()
    maybe_run_first_run(window, gui_context)
    dialog = _welcome(window)
    assert dialog is not None
    dialog.skip_button.click()
    assert _tour(window) is None
    assert services.settings.raw() == before
    assert services.platforms.count() == 0
    assert CatalogueService.for_services(services).store.get(FIRST_RUN_DONE) == SKIPPED
    maybe_run_first_run(window, gui_context)
    assert _welcome(window) is None


def test_another_country_proposes_its_own_figures(
    window: MainWindow, gui_context: GuiContext, services: Services, tr: Translator
) -> None:
    dialog = show_welcome(window, gui_context)
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("GB"))
    assert dialog.currency_combo.currentText() == "GBP"
    assert dialog.wage_edit.text() == _decimal(tr, "12.71")
    assert "2026-04-01" in dialog.wage_source.text()
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("KE"))
    assert dialog.currency_combo.currentText() == "KES"
    assert "CLDR" in dialog.currency_source.text()
    assert dialog.wage_edit.text() == ""
    dialog.accept()  # no wage: refused, nothing written
    assert dialog.isVisible() and dialog.error.isVisible()
    assert services.settings.current().home_currency == "EUR"
    dialog.wage_edit.setText("150")
    dialog.wage_edit.textEdited.emit("150")
    assert dialog.wage_source.text() == dialog.tr("Your own figure.")
    dialog.accept()
    settings = services.settings.current()
    assert (settings.home_currency, settings.min_wage) == ("KES", 15000)
    assert CatalogueService.for_services(services).country() == "KE"
    tour = _tour(window)
    assert tour is not None
    tour.skip_button.click()


def test_a_wrong_currency_is_refused_in_the_dialog(
    window: MainWindow, gui_context: GuiContext, services: Services
) -> None:
    dialog = show_welcome(window, gui_context)
    dialog.currency_combo.setCurrentText("EURO")
    dialog.accept()
    assert dialog.isVisible() and "'EURO'" in dialog.error.text()
    assert services.settings.current().home_currency == "EUR"
    dialog.reject()


def test_reopened_later_it_keeps_the_users_own_values(
    window: MainWindow, gui_context: GuiContext, services: Services, tr: Translator
) -> None:
    catalogue = CatalogueService.for_services(services)
    catalogue.first_run().skip()
    services.settings.set("min_wage", "13.50")
    services.platforms.add("mturk", "USD")
    dialog = show_welcome(window, gui_context)
    assert dialog.wage_edit.text() == _decimal(tr, "13.50")  # not put back to 12.02
    assert dialog.wage_source.text() == dialog.tr("Your own figure.")
    mturk = next(
        dialog.platform_list.item(row)
        for row in range(dialog.platform_list.count())
        if dialog.platform_list.item(row).data(Qt.ItemDataRole.UserRole) == "mturk"
    )
    assert mturk.checkState() == Qt.CheckState.Checked
    assert not mturk.flags() & Qt.ItemFlag.ItemIsEnabled
    _tick(dialog, "toloka")
    assert dialog.picked() == ("toloka",)
    dialog.accept()
    assert sorted(p.name for p in services.platforms.list()) == ["Toloka", "mturk"]
    assert services.settings.current().min_wage == 1350
    tour = _tour(window)
    assert tour is not None
    tour.skip_button.click()


def test_choosing_another_language_says_when_it_applies(
    window: MainWindow, gui_context: GuiContext, services: Services, tr: Translator,
    qapp: Any,
) -> None:
    dialog = show_welcome(window, gui_context)
    other = "fr" if tr.language == "en" else "en"
    assert dialog.language_note.isHidden()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(other))
    assert not dialog.language_note.isHidden()
    messages: list[str] = []
    gui_context.message.connect(messages.append)
    dialog.accept()
    assert services.settings.raw()["language"] == other
    assert messages == [dialog.language_note.text()]
    tour = _tour(window)
    assert tour is not None
    tour.skip_button.click()
