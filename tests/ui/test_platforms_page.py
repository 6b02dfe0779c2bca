"""The Platforms page: the last 30 days of each platform, its warnings as badges with a plain
sentence, per-platform limits, account events, and undo/redo of every edit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.clock import FakeClock
from app.domain.statuses import Activity
from app.services import Services
from tests.conftest import PARIS
from tests.ui.test_payouts_page import (
    MENU_LETTERS,
    LongWords,
    answer_dialog,
    focusable_without_name,
    mnemonics,
    set_instant,
)
from ui.gui.context import GuiContext
from ui.gui.dialogs.event_dialog import EventDialog
from ui.gui.dialogs.platform_dialog import NO_OVERRIDE, PlatformDialog
from ui.gui.pages.platforms import COLUMNS, FLAG_ROLE, PlatformsPage

__all__ = ["LongWords"]


def badges(page: PlatformsPage) -> dict[str, tuple[str, str]]:
    """What the detail shows: badge object name → (badge text, sentence)."""
    return {
        label.objectName().removeprefix("flagBadge_"): (label.text(), message.text())
        for label, message in page.flag_rows
    }


def cell(page: PlatformsPage, name: str, column: str) -> Any:
    for row in range(page.table.rowCount()):
        first = page.table.item(row, 0)
        if first is not None and first.text().startswith(name):
            item = page.table.item(row, COLUMNS.index(column))
            assert item is not None
            return item
    raise AssertionError(f"{name} is not shown")


@pytest.fixture
def page(gui_context: GuiContext, qtbot: Any) -> PlatformsPage:
    shown = PlatformsPage(gui_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def low_paid_afternoon(services: Services, clock: FakeClock) -> None:
    """Two hours on Prolific (in euros) for one 5.00 € task: 2.50 € an hour."""
    services.platforms.add("Prolific", "EUR")
    clock.advance(hours=-3)
    services.timer.start("Prolific", Activity.SEARCH)
    clock.advance(minutes=30)
    services.timer.start("Prolific", Activity.TASK, switch=True)
    clock.advance(hours=1, minutes=30)
    services.tasks.add("Prolific", "5.00", status="approved", submitted=clock.now())
    services.timer.stop()
    clock.advance(hours=1)


# --------------------------------------------------------------------------- figures and flags


def test_a_platform_below_the_minimum_wage_shows_a_badge_and_a_sentence(
    page: PlatformsPage, services: Services, clock: FakeClock, gui_context: GuiContext
) -> None:
    low_paid_afternoon(services, clock)
    gui_context.changed.emit(frozenset({"tasks", "work_sessions"}))

    shown = badges(page)
    assert set(shown) == {"low_wage"}
    text, sentence = shown["low_wage"]
    assert text == "Low wage"
    assert sentence.startswith("Prolific paid you €2.50 an hour over the last 30 days")
    assert sentence.endswith("your threshold is €12.02.")
    assert cell(page, "Prolific", "wage").text() == "€2.50/h"
    assert cell(page, "Prolific", "wage").data(FLAG_ROLE) is True
    assert cell(page, "Prolific", "hours").text() == "2 h 00"
    assert cell(page, "Prolific", "unpaid").text() == "25%"
    assert cell(page, "Prolific", "warnings").text() == "Low wage"
    assert "your default" in page.limits_label.text()
    assert page.low_hours_note.isHidden()


def test_too_little_time_is_said_instead_of_a_wage_warning(
    page: PlatformsPage, services: Services, clock: FakeClock, gui_context: GuiContext
) -> None:
    services.platforms.add("Toloka", "EUR")
    services.timer.start("Toloka", at=clock.now() - timedelta(minutes=20))
    services.timer.stop()
    gui_context.changed.emit(frozenset({"work_sessions"}))
    assert set(badges(page)) == {"none"}
    assert "No warning" in badges(page)["none"][0]
    assert not page.low_hours_note.isHidden()
    assert "too little to judge" in page.low_hours_note.text()


def test_editing_the_override_changes_the_flag_threshold_and_undo_restores_it(
    page: PlatformsPage,
    services: Services,
    clock: FakeClock,
    gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    low_paid_afternoon(services, clock)
    gui_context.changed.emit(frozenset({"tasks"}))
    wage = {"value": "20"}

    def fill(dialog: PlatformDialog) -> None:
        dialog.min_wage.setText(wage["value"])
        dialog.max_payout_days.setValue(7)

    opened = answer_dialog(monkeypatch, PlatformDialog, fill)
    page.limits_button.click()
    assert opened[0].name.text() == "Prolific"
    assert opened[0].min_wage.placeholderText() == "Your default: €12.02"

    platform = services.platforms.get("Prolific")
    assert (platform.min_wage, platform.max_payout_days) == (2000, 7)
    assert badges(page)["low_wage"][1].endswith("your threshold is €20.00.")
    [flag] = services.reports.current().platforms[0].flags
    assert flag.threshold == "20.00"
    assert "at least €20.00 an hour (set for this platform)" in page.limits_label.text()
    assert "paid within 7 days (set for this platform)" in page.limits_label.text()

    gui_context.undo_stack.undo()
    assert services.platforms.get("Prolific").min_wage is None
    assert badges(page)["low_wage"][1].endswith("your threshold is €12.02.")
    gui_context.undo_stack.redo()
    assert badges(page)["low_wage"][1].endswith("your threshold is €20.00.")

    # Below the platform's own minimum no more: the warning goes.
    wage["value"] = "2,00"
    page.edit_button.click()
    assert set(badges(page)) == {"none"}
    assert cell(page, "Prolific", "warnings").text() == "None"


def test_the_dialog_keeps_a_bad_override_and_says_why(
    services: Services, qtbot: Any
) -> None:
    dialog = PlatformDialog(services.settings.current(), services.ctx.tr)
    qtbot.addWidget(dialog)
    dialog.name.setText("Appen")
    dialog.min_wage.setText("twelve")
    dialog.accept()
    assert dialog.result() != 1
    assert "twelve" in dialog.error.text()
    dialog.min_wage.setText("")
    dialog.currency.setCurrentText("dollars")
    dialog.accept()
    assert "dollars" in dialog.error.text()
    dialog.currency.setCurrentText("usd")
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.values() == {
        "name": "Appen", "currency": "USD", "url": None, "account_ref": None,
        "min_wage": None, "max_payout_days": None, "max_review_days": None,
    }
    assert dialog.max_payout_days.value() == NO_OVERRIDE
    assert dialog.max_payout_days.text() == "Your default (14 days)"


# --------------------------------------------------------------------------- account events


def test_an_account_closed_with_a_balance_shows_the_money_held(
    page: PlatformsPage,
    services: Services,
    clock: FakeClock,
    gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.platforms.add("Clickworker", "EUR")
    gui_context.changed.emit(frozenset({"platforms"}))
    closed_at = clock.now() - timedelta(days=2)

    def fill(dialog: EventDialog) -> None:
        assert dialog.platform.currentText() == "Clickworker"
        dialog.kind.setCurrentIndex(dialog.kind.findData("account_closed"))
        assert "balance the platform kept" in dialog.hint.text()
        set_instant(dialog.at, closed_at)
        dialog.amount.setText("42,75")
        dialog.note.setPlainText("Closed after an automated review.")

    answer_dialog(monkeypatch, EventDialog, fill)
    page.add_event_button.click()

    [event] = services.events.list()
    assert (event.kind, event.amount, event.currency, event.at) == (
        "account_closed", 4275, "EUR", closed_at.replace(second=0)
    )
    shown = badges(page)
    assert shown["withheld_balance"][0] == "Money held: €42.75"
    assert shown["withheld_balance"][1] == (
        "Clickworker is holding €42.75 of your money and has not released it."
    )
    assert cell(page, "Clickworker", "warnings").text() == "Money held: €42.75"
    assert page.events_table.rowCount() == 1
    assert page.events_table.item(0, 1).text() == "Account closed"  # type: ignore[union-attr]
    assert page.events_table.item(0, 2).text() == "€42.75"  # type: ignore[union-attr]
    assert page.no_events.isHidden()

    gui_context.undo_stack.undo()
    assert services.events.list() == []
    assert "withheld_balance" not in badges(page)
    assert page.events_table.rowCount() == 0
    gui_context.undo_stack.redo()
    assert services.events.list() == [event]  # the same event, the same id
    assert "withheld_balance" in badges(page)

    # Recording the resolution ends the warning.
    def resolve(dialog: EventDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("resolved"))

    answer_dialog(monkeypatch, EventDialog, resolve)
    page.add_event_button.click()
    assert "withheld_balance" not in badges(page)
    assert page.events_table.item(0, 1).text() == "Resolved"  # type: ignore[union-attr]


def test_correct_and_delete_an_event_with_undo(
    page: PlatformsPage,
    services: Services,
    clock: FakeClock,
    gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.platforms.add("Clickworker", "EUR")
    event = services.events.add(
        "Clickworker", "balance_withheld", at=clock.now() - timedelta(days=1), amount="10"
    )
    gui_context.changed.emit(frozenset({"account_events"}))
    page.events_table.selectRow(0)
    assert page.edit_event_button.isEnabled()

    def fill(dialog: EventDialog) -> None:
        assert dialog.amount.text() == "10.00"
        assert not dialog.platform.isEnabled()
        dialog.amount.setText("12.50")

    answer_dialog(monkeypatch, EventDialog, fill)
    page.edit_event_button.click()
    assert services.events.get(event.id).amount == 1250
    assert badges(page)["withheld_balance"][0] == "Money held: €12.50"
    gui_context.undo_stack.undo()
    assert services.events.get(event.id) == event

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.events_table.selectRow(0)
    page.delete_event_button.click()
    assert services.events.list() == []
    assert not page.no_events.isHidden()
    gui_context.undo_stack.undo()
    assert services.events.list() == [event]


# --------------------------------------------------------------------------- platforms


def test_add_a_platform_through_the_dialog_undo_and_redo(
    page: PlatformsPage,
    services: Services,
    gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert page.detail_heading.text() == "No platform yet"
    assert not page.add_event_button.isEnabled()

    def fill(dialog: PlatformDialog) -> None:
        dialog.name.setText("  Prolific ")
        dialog.currency.setCurrentText("gbp")
        dialog.url.setText("https://app.prolific.com")
        dialog.max_review_days.setValue(21)

    answer_dialog(monkeypatch, PlatformDialog, fill)
    page.add_button.click()
    [added] = services.platforms.list()
    assert (added.name, added.currency, added.max_review_days) == ("Prolific", "GBP", 21)
    assert page.selected_platform() == added
    assert "reviewed within 21 days (set for this platform)" in page.limits_label.text()
    gui_context.undo_stack.undo()
    assert services.platforms.list() == []
    assert page.table.rowCount() == 0
    gui_context.undo_stack.redo()
    assert services.platforms.list() == [added]


def test_archive_hides_the_platform_until_asked(
    page: PlatformsPage, services: Services, gui_context: GuiContext
) -> None:
    services.platforms.add("Appen", "USD")
    services.platforms.add("Toloka", "USD")
    gui_context.changed.emit(frozenset({"platforms"}))
    page.select_platform("Appen")
    page.archive_button.click()
    assert services.platforms.get("Appen").archived
    assert page.table.rowCount() == 1
    page.show_archived.setChecked(True)
    assert page.table.rowCount() == 2
    assert cell(page, "Appen", "platform").text() == "Appen (archived)"
    page.select_platform("Appen")
    assert page.archive_button.text() == "B&ring back"
    gui_context.undo_stack.undo()
    assert not services.platforms.get("Appen").archived
    assert cell(page, "Appen", "platform").text() == "Appen"


def test_slow_waiting_payout_and_pending_value_are_shown(
    page: PlatformsPage, services: Services, clock: FakeClock, gui_context: GuiContext
) -> None:
    services.platforms.add("MTurk", "USD")
    services.rates.set("USD", "0.92")
    services.payouts.add("MTurk", "30", clock.now() - timedelta(days=20))
    services.tasks.add("MTurk", "1.50", submitted=clock.now() - timedelta(days=1))
    gui_context.changed.emit(frozenset({"payouts", "tasks"}))
    slowest = cell(page, "MTurk", "slowest")
    assert slowest.text() == "20 days, still waiting"
    assert slowest.data(FLAG_ROLE) is True
    assert "14 days you accept" in slowest.toolTip()
    assert cell(page, "MTurk", "pending").text() == "$1.50"
    assert badges(page)["slow_payout"][0] == "Slow payouts"
    assert "has kept a payout waiting for 20 days" in badges(page)["slow_payout"][1]


def test_the_platform_needing_most_attention_is_shown_first(
    page: PlatformsPage, services: Services, clock: FakeClock, gui_context: GuiContext
) -> None:
    services.platforms.add("Appen", "EUR")
    services.platforms.add("Clickworker", "EUR")
    services.events.add("Clickworker", "account_suspended", clock.now(), amount="5")
    gui_context.changed.emit(frozenset({"account_events"}))
    assert page.selected_platform() == services.platforms.get("Clickworker")
    page.select_platform("Appen")
    gui_context.changed.emit(frozenset({"account_events"}))
    assert page.selected_platform() == services.platforms.get("Appen")  # the user's choice


# --------------------------------------------------------------------------- keyboard, words


def test_every_control_is_reachable_and_named(
    page: PlatformsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    qtbot: Any,
) -> None:
    services.platforms.add("Prolific", "GBP")
    gui_context.changed.emit(frozenset({"platforms"}))
    assert focusable_without_name(page) == []
    for dialog in (
        PlatformDialog(services.settings.current(), services.ctx.tr,
                       current=services.platforms.editable(1)),
        EventDialog(services.platforms.list(), PARIS, clock.now(), services.ctx.tr),
    ):
        qtbot.addWidget(dialog)
        assert focusable_without_name(dialog) == []


def test_alt_letters_are_unique_and_leave_the_menus_alone(
    page: PlatformsPage, services: Services, gui_context: GuiContext
) -> None:
    services.platforms.add("Prolific", "GBP")
    gui_context.changed.emit(frozenset({"platforms"}))
    letters = mnemonics(page)
    assert len(letters) == len(set(letters)) >= 8
    assert not set(letters) & MENU_LETTERS


def test_longer_words_do_not_break_the_layout(
    gui_context: GuiContext, services: Services, clock: FakeClock, qtbot: Any, qapp: Any
) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = LongWords()
    QCoreApplication.installTranslator(translator)
    try:
        low_paid_afternoon(services, clock)
        services.events.add("Prolific", "account_closed", clock.now(), amount="3")
        page = PlatformsPage(gui_context)
        qtbot.addWidget(page)
        assert page.add_button.text().startswith("&AddAd a platformplatf")
        assert page.minimumSizeHint().width() <= 1000
        dialog = PlatformDialog(services.settings.current(), services.ctx.tr)
        qtbot.addWidget(dialog)
        assert dialog.minimumSizeHint().width() <= 900
        events = EventDialog(services.platforms.list(), PARIS, clock.now(), services.ctx.tr)
        qtbot.addWidget(events)
        assert events.minimumSizeHint().width() <= 900
    finally:
        QCoreApplication.removeTranslator(translator)


def test_enter_on_a_platform_opens_its_editor(
    page: PlatformsPage, services: Services, gui_context: GuiContext, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.platforms.add("Prolific", "GBP")
    gui_context.changed.emit(frozenset({"platforms"}))
    opened = answer_dialog(monkeypatch, PlatformDialog, lambda dialog: None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert gui_context.undo_stack.count() == 0  # nothing changed, nothing to undo
