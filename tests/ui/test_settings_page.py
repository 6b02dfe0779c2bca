"""The Settings page: validation as you type, storing through the service, undo and redo,
the minimum-wage table, exchange rates, language, the data folder, keyboard and layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.minimum_wages import MINIMUM_WAGES
from app.i18n import Translator
from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.pages import settings_fields, settings_rates
from ui.gui.pages.settings import SettingsPage

TODAY = date(2026, 3, 10)  # the fake clock's local date


@pytest.fixture
def page(gui_context: GuiContext, qtbot: QtBot) -> Iterator[SettingsPage]:
    created = SettingsPage(gui_context)
    qtbot.addWidget(created)
    created.resize(900, 700)
    created.show()
    yield created


def type_into(qtbot: QtBot, field: QLineEdit, text: str, *, enter: bool = True) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def choose_country(page: SettingsPage, country: str) -> None:
    for row in range(page.wage_list.count()):
        item = page.wage_list.item(row)
        if MINIMUM_WAGES[item.data(Qt.ItemDataRole.UserRole)].country == country:
            page.wage_list.setCurrentRow(row)
            page.use_wage_button.click()
            return
    raise AssertionError(f"{country} is not in the list")


def answer_boxes(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


# -- settings fields --------------------------------------------------------------------


def test_fields_show_the_stored_settings(page: SettingsPage, services: Services) -> None:
    raw = services.settings.raw()
    assert page.fields["home_currency"].text() == "EUR"
    assert page.fields["min_wage"].text() == "12.02"
    assert page.wage_unit.text() == "EUR an hour"
    for key in ("max_payout_days", "max_rejection_rate", "still_working_hours"):
        assert page.fields[key].text() == raw[key]


def test_typing_a_minimum_wage_stores_it_as_one_undoable_edit(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["min_wage"], "12,5")

    assert services.settings.current().min_wage == 1250
    assert page.fields["min_wage"].text() == "12.50"
    assert gui_context.undo_stack.count() == 1
    assert "Minimum hourly wage" in gui_context.undo_stack.undoText()


def test_an_invalid_value_shows_the_service_sentence_and_writes_nothing(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot,
    _no_modal_boxes: list[str],
) -> None:
    before = services.audit.head()
    type_into(qtbot, page.fields["min_wage"], "abc", enter=False)

    error = page.errors["min_wage"]
    assert not error.isHidden()
    assert error.text() == ("Minimum hourly wage (home currency) 'abc' is not an amount "
                            "(write it like 12.50 or 12,50).")
    assert page.fields["min_wage"].accessibleDescription() == error.text()
    qtbot.keyClick(page.fields["min_wage"], Qt.Key.Key_Return)
    assert services.settings.raw()["min_wage"] == "12.02"
    assert services.audit.head() == before
    assert gui_context.undo_stack.count() == 0
    assert _no_modal_boxes == []
    assert not error.isHidden()

    type_into(qtbot, page.fields["min_wage"], "13", enter=False)
    assert error.isHidden()


def test_undo_and_redo_a_setting(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["min_wage"], "15")
    assert services.settings.current().min_wage == 1500

    gui_context.undo_stack.undo()
    assert services.settings.current().min_wage == 1202
    assert page.fields["min_wage"].text() == "12.02"
    gui_context.undo_stack.redo()
    assert services.settings.current().min_wage == 1500
    assert page.fields["min_wage"].text() == "15.00"


def test_the_same_value_again_is_not_an_edit(
    page: SettingsPage, gui_context: GuiContext, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["min_wage"], "12,02")
    assert gui_context.undo_stack.count() == 0
    assert page.fields["min_wage"].text() == "12.02"


@pytest.mark.parametrize(
    ("key", "text", "sentence"),
    [
        ("max_payout_days", "2.5", "must be a whole number."),
        ("max_payout_days", "99999", "is too large (at most 3650)."),
        ("max_rejection_rate", "1.5", "is too large (at most 1)."),
        ("flag_window_days", "0", "is too small (at least 1)."),
        ("still_working_hours", "x", "'x' is not a number."),
        ("home_currency", "EURO", "'EURO' is not a currency code"),
        ("min_wage", "-3", "cannot be negative."),
        ("min_wage", "1.234", "has more decimals than EUR allows (2)."),
    ],
)
def test_each_field_checks_as_you_type_like_the_service(
    page: SettingsPage, services: Services, qtbot: QtBot, key: str, text: str, sentence: str
) -> None:
    before = services.settings.raw()
    type_into(qtbot, page.fields[key], text)
    assert sentence in page.errors[key].text()
    with pytest.raises(Exception, match=re.escape(sentence)):
        services.settings.set(key, text)
    assert services.settings.raw() == before


def test_thresholds_and_still_working_are_stored(
    page: SettingsPage, services: Services, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["max_payout_days"], "21")
    type_into(qtbot, page.fields["max_rejection_rate"], "0,1")
    type_into(qtbot, page.fields["still_working_hours"], "5")

    current = services.settings.current()
    assert current.max_payout_days == 21
    assert current.max_rejection_rate == Decimal("0.1")
    assert current.still_working_hours == 5


def test_leaving_a_field_saves_it(page: SettingsPage, services: Services, qtbot: QtBot) -> None:
    type_into(qtbot, page.fields["max_review_days"], "45", enter=False)
    page.fields["max_review_days"].editingFinished.emit()  # what losing the focus does
    assert services.settings.current().max_review_days == 45


def test_changing_the_home_currency_and_undo_give_back_the_exact_wage(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["home_currency"], "jpy")

    assert services.settings.raw()["home_currency"] == "JPY"
    assert services.settings.raw()["min_wage"] == "12"  # yen have no decimals
    assert page.wage_unit.text() == "JPY an hour"
    gui_context.undo_stack.undo()
    assert services.settings.raw()["home_currency"] == "EUR"
    assert services.settings.raw()["min_wage"] == "12.02"
    assert page.fields["min_wage"].text() == "12.02"


def test_a_change_made_elsewhere_shows_on_the_page(
    page: SettingsPage, services: Services, gui_context: GuiContext
) -> None:
    services.settings.set("max_payout_days", "20")
    gui_context.changed.emit(frozenset({"settings"}))
    assert page.fields["max_payout_days"].text() == "20"


@pytest.mark.parametrize("tr", [Translator("fr")])
def test_french_writes_decimal_commas_and_french_sentences(
    page: SettingsPage, services: Services, qtbot: QtBot
) -> None:
    assert page.fields["min_wage"].text() == "12,02"
    assert page.fields["max_rejection_rate"].text() == "0,05"
    type_into(qtbot, page.fields["min_wage"], "12,50")
    assert services.settings.raw()["min_wage"] == "12.50"
    assert page.fields["min_wage"].text() == "12,50"
    type_into(qtbot, page.fields["max_payout_days"], "abc")
    error = page.errors["max_payout_days"].text()
    assert error.startswith("Délai de versement maximal acceptable (jours) 'abc'")
    assert error.endswith("ce n'est pas un nombre.")


# -- the minimum-wage table -------------------------------------------------------------


def test_the_wage_table_names_each_figure_with_its_source_and_date(page: SettingsPage) -> None:
    texts = [page.wage_list.item(row).text() for row in range(page.wage_list.count())]
    assert len(texts) == len(MINIMUM_WAGES)
    france = next(text for text in texts if text.startswith("France"))
    assert "€12.02 an hour, since 2026-01-01" in france
    assert "gross" in france
    assert "Source: SMIC horaire brut" in france
    for wage in MINIMUM_WAGES:
        assert any(wage.source in text and wage.since.isoformat() in text for text in texts)


def test_choosing_france_fills_12_02(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    type_into(qtbot, page.fields["min_wage"], "10")
    assert services.settings.current().min_wage == 1000

    choose_country(page, "FR")

    assert page.fields["min_wage"].text() == "12.02"
    assert services.settings.current().min_wage == 1202
    gui_context.undo_stack.undo()
    assert services.settings.current().min_wage == 1000


def test_activating_a_country_with_the_keyboard_uses_it(
    page: SettingsPage, services: Services, qtbot: QtBot
) -> None:
    services.settings.set("min_wage", "9")
    row = next(r for r in range(page.wage_list.count())
               if page.wage_list.item(r).text().startswith("Germany"))
    page.wage_list.setCurrentRow(row)
    page.wage_list.setFocus()
    page.wage_list.itemActivated.emit(page.wage_list.item(row))  # Enter on the row
    assert services.settings.raw()["min_wage"] == "13.90"


def test_a_country_in_another_currency_offers_to_switch_the_home_currency(
    page: SettingsPage, services: Services, gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)

    choose_country(page, "GB")

    assert len(asked) == 1 and "in GBP" in asked[0] and "is EUR" in asked[0]
    assert services.settings.raw()["home_currency"] == "GBP"
    assert services.settings.raw()["min_wage"] == "12.71"
    assert page.fields["home_currency"].text() == "GBP"
    assert page.fields["min_wage"].text() == "12.71"
    assert gui_context.undo_stack.count() == 1
    gui_context.undo_stack.undo()
    assert services.settings.raw()["home_currency"] == "EUR"
    assert services.settings.raw()["min_wage"] == "12.02"


def test_keeping_the_home_currency_converts_at_the_exchange_rate(
    page: SettingsPage, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_boxes(monkeypatch, QMessageBox.StandardButton.No)

    choose_country(page, "GB")  # no GBP rate yet: nothing is written, the hint says why
    assert services.settings.raw()["min_wage"] == "12.02"
    assert "no exchange rate for GBP" in page.wage_hint.text()
    assert not page.wage_hint.isHidden()

    services.rates.set("GBP", "1.20", on=TODAY)
    choose_country(page, "GB")
    assert services.settings.raw()["home_currency"] == "EUR"
    assert services.settings.raw()["min_wage"] == "15.25"  # 12.71 × 1.20 = 15.252
    assert page.wage_hint.isHidden()


def test_cancelling_the_currency_question_changes_nothing(
    page: SettingsPage, services: Services, gui_context: GuiContext
) -> None:
    choose_country(page, "GB")  # the test double answers Ok, which is neither Yes nor No
    assert services.settings.raw()["home_currency"] == "EUR"
    assert services.settings.raw()["min_wage"] == "12.02"
    assert gui_context.undo_stack.count() == 0


# -- exchange rates ---------------------------------------------------------------------


def table_rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(row, column).text() for column in range(table.columnCount()))
            for row in range(table.rowCount())]


def test_adding_a_rate_shows_it_and_stores_it(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    assert page.rates_table.rowCount() == 0
    assert page.rate_from.date() == QDate(2026, 3, 10)
    qtbot.keyClicks(page.rate_currency, "gbp")
    qtbot.keyClicks(page.rate_value, "1,17")
    page.rate_from.setDate(QDate(2026, 3, 1))
    assert page.add_rate_button.isEnabled()

    qtbot.mouseClick(page.add_rate_button, Qt.MouseButton.LeftButton)

    assert table_rows(page.rates_table) == [("GBP", "1.17", "2026-03-01")]
    assert services.rates.table().rate_on("GBP", date(2026, 3, 1)) == Decimal("1.17")
    assert page.rate_currency.text() == "" and page.rate_value.text() == ""
    gui_context.undo_stack.undo()
    assert page.rates_table.rowCount() == 0
    assert not services.rates.table().has("GBP")
    gui_context.undo_stack.redo()
    assert table_rows(page.rates_table) == [("GBP", "1.17", "2026-03-01")]


def test_replacing_a_rate_of_the_same_day_undoes_to_the_old_rate(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    services.rates.set("USD", "0.90", on=TODAY)
    gui_context.changed.emit(frozenset({"exchange_rates"}))
    qtbot.keyClicks(page.rate_currency, "USD")
    qtbot.keyClicks(page.rate_value, "0.95")
    qtbot.keyClick(page.rate_value, Qt.Key.Key_Return)

    assert table_rows(page.rates_table) == [("USD", "0.95", "2026-03-10")]
    gui_context.undo_stack.undo()
    assert table_rows(page.rates_table) == [("USD", "0.90", "2026-03-10")]


@pytest.mark.parametrize(
    ("currency", "rate", "sentence"),
    [
        ("EUR", "1", "EUR is your home currency: it always converts at 1."),
        ("XYZW", "1", "'XYZW' is not a currency code"),
        ("GBP", "abc", "Exchange rate 'abc' is not a number."),
        ("GBP", "0", "Exchange rate '0' must be more than 0."),
    ],
)
def test_a_bad_rate_shows_the_service_sentence_and_cannot_be_added(
    page: SettingsPage, services: Services, qtbot: QtBot, currency: str, rate: str,
    sentence: str,
) -> None:
    qtbot.keyClicks(page.rate_currency, currency)
    qtbot.keyClicks(page.rate_value, rate)
    assert sentence in page.rate_error.text()
    assert not page.rate_error.isHidden()
    assert not page.add_rate_button.isEnabled()
    qtbot.keyClick(page.rate_value, Qt.Key.Key_Return)
    assert services.rates.rows() == []


def test_deleting_a_rate_and_undo(
    page: SettingsPage, services: Services, gui_context: GuiContext, qtbot: QtBot
) -> None:
    services.rates.set("GBP", "1.17", on=date(2026, 3, 1))
    services.rates.set("USD", "0.90", on=date(2026, 3, 1))
    gui_context.changed.emit(frozenset({"exchange_rates"}))
    assert not page.delete_rate_button.isEnabled()

    page.rates_table.selectRow(1)
    assert page.delete_rate_button.isEnabled()
    qtbot.mouseClick(page.delete_rate_button, Qt.MouseButton.LeftButton)

    assert table_rows(page.rates_table) == [("GBP", "1.17", "2026-03-01")]
    assert not services.rates.table().has("USD")
    gui_context.undo_stack.undo()
    assert [r.currency for r in services.rates.rows()] == ["GBP", "USD"]
    assert page.rates_table.rowCount() == 2
    assert services.audit.verify().intact


def test_rate_header_names_the_home_currency(page: SettingsPage, qtbot: QtBot) -> None:
    assert page.rates_table.horizontalHeaderItem(1).text() == "1 unit in EUR"
    type_into(qtbot, page.fields["home_currency"], "GBP")
    assert page.rates_table.horizontalHeaderItem(1).text() == "1 unit in GBP"


# -- language and data folder -----------------------------------------------------------


def test_choosing_a_language_stores_it_and_says_when_it_applies(
    page: SettingsPage, services: Services, gui_context: GuiContext
) -> None:
    assert page.language_combo.currentData() == "system"
    assert page.language_note.isHidden()
    french = page.language_combo.findData("fr")
    page.language_combo.setCurrentIndex(french)
    page.language_combo.activated.emit(french)

    assert services.settings.raw()["language"] == "fr"
    assert not page.language_note.isHidden()
    assert "next time it starts" in page.language_note.text()
    gui_context.undo_stack.undo()
    assert services.settings.raw()["language"] == "system"
    assert page.language_combo.currentData() == "system"
    assert page.language_note.isHidden()


def test_the_data_folder_is_shown_and_opens(
    page: SettingsPage, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    folder = services.ctx.db.path.parent

    assert page.folder_path.text() == str(folder)
    assert page.folder_path.isReadOnly()
    page.open_folder_button.click()

    assert opened == [QUrl.fromLocalFile(str(folder))]
    page_text = " ".join(label.text() for label in page.findChildren(type(page.wage_hint)))
    assert "Nothing leaves the computer" in page_text


# -- keyboard, accessibility, layout ----------------------------------------------------


def controls(page: SettingsPage) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QAbstractButton, QListWidget, QTableWidget,
                 QAbstractSpinBox):
        for widget in page.findChildren(kind):
            inside_spin_box = isinstance(widget.parent(), QAbstractSpinBox)
            if widget.isVisibleTo(page) and not inside_spin_box and widget not in found:
                found.append(widget)
    return found


def test_every_control_has_an_accessible_name_or_text(page: SettingsPage) -> None:
    found = controls(page)
    assert len(found) >= 18
    for widget in found:
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else "")
        assert name, f"{widget.objectName() or widget} has no accessible name"
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.objectName()


def test_tab_reaches_every_control(page: SettingsPage, services: Services, qtbot: QtBot) -> None:
    services.rates.set("GBP", "1.17", on=TODAY)
    page.refresh()
    page.rates_table.selectRow(0)
    page.rate_currency.setText("USD")
    page.rate_value.setText("0.9")  # both buttons enabled
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.fields["home_currency"].setFocus()
    reached: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget not in reached:
            reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    missing = [w.objectName() or type(w).__name__ for w in controls(page) if w not in reached]
    assert not missing


def test_long_words_wrap_instead_of_widening_the_page(
    gui_context: GuiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pseudo-translation: every word of four letters or more grows by half (French runs
    15-30 % longer than English); the page must still fit a small window without
    scrolling sideways."""

    def longer(self: Any, text: str, *args: Any) -> str:
        return re.sub(r"(?<![{\w])([A-Za-z]{4,})(?![}\w])",
                      lambda m: m.group(1) + m.group(1)[: len(m.group(1)) // 2], text)

    class Longer:  # the page's parts translate through QCoreApplication in its context
        @staticmethod
        def translate(context: str, text: str, *args: Any) -> str:
            assert context == "SettingsPage"
            return longer(None, text)

    monkeypatch.setattr(SettingsPage, "tr", longer)
    for part in (settings_fields, settings_rates):
        monkeypatch.setattr(part, "QCoreApplication", Longer)
    page = SettingsPage(gui_context)
    qtbot.addWidget(page)
    assert page.use_wage_button.text() == "Use thisth minimummin wagewa"
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert "ExchangeExch ratesra" in titles, titles  # a part's text went through it too
    page.resize(760, 600)
    page.show()
    body = page.findChild(QScrollArea).widget()
    assert body.minimumSizeHint().width() <= 600
    assert page.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
