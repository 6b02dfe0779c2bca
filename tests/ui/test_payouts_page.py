"""The Payouts page: request through the dialog, mark received (in another currency),
delays highlighted past the platform's limit, status changes, and undo/redo of each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QMessageBox,
    QWidget,
)

from app.domain.clock import FakeClock
from app.services import Services
from app.services.records import PayoutInfo
from tests.conftest import PARIS
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.dialogs.payout_dialogs import PayoutDialog, ReceiveDialog, qt_zone
from ui.gui.pages.payouts import COLUMNS, LATE_BACKGROUND, LATE_ROLE, PayoutsPage

# --------------------------------------------------------------------------- helpers


def set_instant(edit: QDateTimeEdit, instant: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), qt_zone(PARIS)))


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Make dialog_class.exec() fill the dialog like a user, then press OK (accept())."""
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return seen


def cell(page: PayoutsPage, row: int, column: str) -> str:
    item = page.table.item(row, COLUMNS.index(column))
    assert item is not None
    return item.text()


def row_of(page: PayoutsPage, payout_id: int) -> int:
    for row in range(page.table.rowCount()):
        item = page.table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == payout_id:
            return row
    raise AssertionError(f"payout {payout_id} is not shown")


def is_late(page: PayoutsPage, payout_id: int) -> bool:
    item = page.table.item(row_of(page, payout_id), COLUMNS.index("delay"))
    assert item is not None
    return bool(item.data(LATE_ROLE))


@pytest.fixture
def page(gui_context: GuiContext, qtbot: Any) -> PayoutsPage:
    shown = PayoutsPage(gui_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def prolific(services: Services) -> int:
    return services.platforms.add("Prolific", "GBP").id


def request(services: Services, clock: FakeClock, days_ago: float, **kw: Any) -> PayoutInfo:
    return services.payouts.add(
        kw.pop("platform", "Prolific"), kw.pop("amount", "20.00"),
        clock.now() - timedelta(days=days_ago), **kw,
    )


# --------------------------------------------------------------------------- requesting


def test_request_a_payout_through_the_dialog_then_undo_and_redo(
    page: PayoutsPage,
    services: Services,
    clock: FakeClock,
    gui_context: GuiContext,
    prolific: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.platforms.add("Toloka", "USD")
    gui_context.changed.emit(frozenset({"platforms"}))
    requested_at = clock.now() - timedelta(days=2)

    def fill(dialog: PayoutDialog) -> None:
        dialog.platform.setCurrentText("Prolific")
        assert dialog.currency_label.text() == "GBP"
        dialog.amount.setText("20,50")
        dialog.fee.setText("0.30")
        dialog.method.setCurrentText("PayPal")
        dialog.reference.setText("PP-77")
        set_instant(dialog.requested, requested_at)

    answer_dialog(monkeypatch, PayoutDialog, fill)
    page.request_button.click()

    [payout] = services.payouts.list()
    assert (payout.platform, payout.amount, payout.fee, payout.currency) == (
        "Prolific", 2050, 30, "GBP"
    )
    assert (payout.method, payout.reference, payout.status) == ("PayPal", "PP-77", "requested")
    assert payout.requested_at == requested_at.replace(second=0)
    assert page.table.rowCount() == 1
    assert cell(page, 0, "status") == "Waiting"
    assert cell(page, 0, "delay") == "2 days so far"
    assert cell(page, 0, "amount") == "£20.50"
    assert page.selected_payout() == payout
    assert "1 payout is waiting: £20.50." in page.summary.text()

    gui_context.undo_stack.undo()
    assert services.payouts.list() == []
    assert page.table.rowCount() == 0
    gui_context.undo_stack.redo()
    assert services.payouts.list() == [payout]  # back under the same id
    assert page.table.rowCount() == 1
    assert services.audit.verify().intact


def test_the_dialog_refuses_a_bad_amount_and_says_why(
    services: Services, clock: FakeClock, prolific: int, qtbot: Any
) -> None:
    dialog = PayoutDialog(services.platforms.list(), PARIS, clock.now(), services.ctx.tr)
    qtbot.addWidget(dialog)
    dialog.amount.setText("12.345")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "12.345" in dialog.error.text()
    dialog.amount.setText("")
    dialog.accept()
    assert "Type the amount" in dialog.error.text()
    dialog.amount.setText("12.34")
    dialog.fee.setText("free")
    dialog.accept()
    assert "free" in dialog.error.text()
    dialog.fee.setText("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["amount"] == "12.34"
    assert services.payouts.list() == []  # the dialog alone writes nothing


def test_without_platforms_requesting_says_to_add_one(
    page: PayoutsPage, _no_modal_boxes: list[str]
) -> None:
    page.request_button.click()
    assert _no_modal_boxes and "Add a platform first" in _no_modal_boxes[0]


# --------------------------------------------------------------------------- receiving


def test_mark_received_with_an_amount_in_another_currency(
    page: PayoutsPage,
    services: Services,
    clock: FakeClock,
    gui_context: GuiContext,
    prolific: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payout = request(services, clock, days_ago=6)
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)
    assert page.receive_button.isEnabled()
    arrived_at = clock.now() - timedelta(days=1)

    def fill(dialog: ReceiveDialog) -> None:
        assert dialog.currency.currentText() == "GBP"
        set_instant(dialog.received, arrived_at)
        dialog.amount.setText("22,80")
        dialog.currency.setCurrentText("EUR")

    answer_dialog(monkeypatch, ReceiveDialog, fill)
    page.receive_button.click()

    received = services.payouts.get(payout.id)
    assert received.status == "received"
    assert (received.received_amount, received.received_currency) == (2280, "EUR")
    assert received.received_at == arrived_at
    row = row_of(page, payout.id)
    assert cell(page, row, "status") == "Received"
    assert cell(page, row, "arrived") == formatting.money(2280, "EUR", services.ctx.tr)
    assert cell(page, row, "delay") == "5 days"
    assert not page.receive_button.isEnabled()

    gui_context.undo_stack.undo()
    back = services.payouts.get(payout.id)
    assert (back.status, back.received_at, back.received_amount) == ("requested", None, None)
    assert cell(page, row_of(page, payout.id), "delay") == "6 days so far"
    gui_context.undo_stack.redo()
    assert services.payouts.get(payout.id) == received


def test_receive_dialog_refuses_an_unknown_currency(
    services: Services, clock: FakeClock, prolific: int, qtbot: Any
) -> None:
    payout = request(services, clock, days_ago=2)
    dialog = ReceiveDialog(payout, "EUR", PARIS, clock.now(), services.ctx.tr)
    qtbot.addWidget(dialog)
    dialog.amount.setText("10")
    dialog.currency.setCurrentText("EURO")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "EURO" in dialog.error.text()
    dialog.currency.setCurrentText("usd")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["amount"] == "10 USD"


# --------------------------------------------------------------------------- delays


def test_delay_is_highlighted_past_the_platforms_limit(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int,
) -> None:
    slow = request(services, clock, days_ago=40)
    services.payouts.receive(slow.id, clock.now() - timedelta(days=24))  # took 16 days
    quick = request(services, clock, days_ago=10)
    services.payouts.receive(quick.id, clock.now() - timedelta(days=7))  # took 3 days
    waiting = request(services, clock, days_ago=10)  # 10 days so far
    gui_context.changed.emit(frozenset({"payouts"}))

    assert is_late(page, slow.id)
    assert not is_late(page, quick.id)
    assert not is_late(page, waiting.id)
    slow_item = page.table.item(row_of(page, slow.id), COLUMNS.index("delay"))
    assert slow_item is not None
    assert slow_item.text() == "16 days (limit 14)"
    assert slow_item.background().color() == LATE_BACKGROUND
    assert slow_item.font().bold()
    assert "14 days you accept from Prolific" in slow_item.toolTip()
    assert "1 payout took longer than you accept" in page.summary.text()

    # A waiting payout's delay is its age: five days later it is late too.
    clock.advance(days=5)
    page.refresh()
    assert is_late(page, waiting.id)
    assert cell(page, row_of(page, waiting.id), "delay") == "15 days (limit 14)"
    assert "Prolific has kept one waiting for 15 days." in page.summary.text()

    # The platform's own limit replaces the default.
    services.platforms.update(prolific, max_payout_days=20)
    gui_context.changed.emit(frozenset({"platforms"}))
    assert not is_late(page, waiting.id)
    assert not is_late(page, slow.id)
    assert "took longer" not in page.summary.text()


def test_late_only_and_platform_filters(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int,
) -> None:
    services.platforms.add("Toloka", "USD")
    late = request(services, clock, days_ago=30)
    request(services, clock, days_ago=1)
    other = request(services, clock, days_ago=2, platform="Toloka", amount="3")
    gui_context.changed.emit(frozenset({"payouts"}))
    assert page.table.rowCount() == 3
    page.status_filter.setCurrentIndex(page.status_filter.findData("late"))
    page.on_filter_activated()
    assert [page.table.item(r, 0).data(Qt.ItemDataRole.UserRole)  # type: ignore[union-attr]
            for r in range(page.table.rowCount())] == [late.id]
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    page.platform_filter.setCurrentIndex(page.platform_filter.findData("Toloka"))
    page.on_filter_activated()
    assert page.table.rowCount() == 1
    assert row_of(page, other.id) == 0
    assert "$3.00" in page.summary.text()


# --------------------------------------------------------------------------- status changes


def test_cancel_refuse_and_waiting_again_are_undoable(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int,
) -> None:
    payout = request(services, clock, days_ago=3)
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)
    page.cancel_button.click()
    assert services.payouts.get(payout.id).status == "cancelled"
    assert cell(page, row_of(page, payout.id), "status") == "Cancelled"
    assert cell(page, row_of(page, payout.id), "delay") == ""
    assert page.reopen_button.isEnabled() and not page.cancel_button.isEnabled()
    gui_context.undo_stack.undo()
    assert services.payouts.get(payout.id).status == "requested"

    page.select_payout(payout.id)
    page.refuse_button.click()
    assert services.payouts.get(payout.id).status == "refused"
    page.select_payout(payout.id)
    page.reopen_button.click()
    assert services.payouts.get(payout.id).status == "requested"
    gui_context.undo_stack.undo()
    assert services.payouts.get(payout.id).status == "refused"
    gui_context.undo_stack.redo()
    assert services.payouts.get(payout.id).status == "requested"


def test_waiting_again_then_undo_keeps_the_received_amount(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int,
) -> None:
    payout = request(services, clock, days_ago=3)
    received = services.payouts.receive(payout.id, clock.now() - timedelta(days=1), "9.99 USD")
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)
    page.reopen_button.click()
    assert services.payouts.get(payout.id).received_amount is None
    gui_context.undo_stack.undo()
    assert services.payouts.get(payout.id) == received


def test_correct_a_payout_then_undo(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    payout = request(services, clock, days_ago=3, note="asked in the app")
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)

    def fill(dialog: PayoutDialog) -> None:
        assert not dialog.platform.isEnabled()
        assert dialog.amount.text() == "20.00"
        assert dialog.note.text() == "asked in the app"
        dialog.amount.setText("21.00")
        dialog.fee.setText("1")

    answer_dialog(monkeypatch, PayoutDialog, fill)
    page.edit_button.click()
    assert (services.payouts.get(payout.id).amount, services.payouts.get(payout.id).fee) == (
        2100, 100
    )
    assert cell(page, row_of(page, payout.id), "amount") == "£21.00"
    gui_context.undo_stack.undo()
    assert services.payouts.get(payout.id) == payout
    assert services.payouts.editable(payout.id)["note"] == "asked in the app"


def test_delete_asks_first_and_undo_restores_the_same_payout(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    payout = request(services, clock, days_ago=3)
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: answers.pop(0))
    page.delete_button.click()
    assert services.payouts.list() == [payout]  # "No" keeps it
    page.delete_button.click()
    assert services.payouts.list() == []
    gui_context.undo_stack.undo()
    assert services.payouts.list() == [payout]
    assert page.table.rowCount() == 1


def test_enter_on_a_waiting_row_opens_the_receive_dialog(
    page: PayoutsPage, services: Services, clock: FakeClock, gui_context: GuiContext,
    prolific: int, monkeypatch: pytest.MonkeyPatch, qtbot: Any,
) -> None:
    payout = request(services, clock, days_ago=3)
    gui_context.changed.emit(frozenset({"payouts"}))
    page.select_payout(payout.id)
    opened = answer_dialog(monkeypatch, ReceiveDialog, lambda dialog: None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert services.payouts.get(payout.id).status == "received"


# --------------------------------------------------------------------------- keyboard, words


def focusable_without_name(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.parent() is not None and type(widget).__name__ in ("QLineEdit",) and (
            widget.parent().inherits("QComboBox") or widget.parent().inherits("QAbstractSpinBox")
        ):
            continue  # the editor inside a combo or spin box: named by its owner
        name = widget.accessibleName()
        if isinstance(widget, QAbstractButton):
            name = name or widget.text()
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


MENU_LETTERS = {"f", "e", "g", "h"}  # &File, &Edit, &Go, &Help in the main window


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter of every visible button and label of `root`, lower case."""
    letters = []
    for widget in root.findChildren(QWidget):
        text = getattr(widget, "text", None)
        if not widget.isVisibleTo(root) or not callable(text):
            continue
        found = re.search(r"&([^&])", str(text()))
        if found:
            letters.append(found[1].lower())
    return letters


def test_alt_letters_are_unique_and_leave_the_menus_alone(
    page: PayoutsPage, services: Services, clock: FakeClock, prolific: int
) -> None:
    letters = mnemonics(page)
    assert len(letters) == len(set(letters)) >= 9
    assert not set(letters) & MENU_LETTERS


def test_every_control_is_reachable_and_named(
    page: PayoutsPage, services: Services, clock: FakeClock, prolific: int, qtbot: Any
) -> None:
    assert focusable_without_name(page) == []
    payout = request(services, clock, days_ago=1)
    for dialog in (
        PayoutDialog(services.platforms.list(), PARIS, clock.now(), services.ctx.tr),
        ReceiveDialog(payout, "EUR", PARIS, clock.now(), services.ctx.tr),
    ):
        qtbot.addWidget(dialog)
        assert focusable_without_name(dialog) == []


class LongWords(QTranslator):
    """Every word half as long again, as French often is; placeholders untouched."""

    WORD = re.compile(r"(?<![{\w%])([A-Za-z]{3,})(?![\w}])")

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORD.sub(lambda m: m[1] + m[1][: len(m[1]) // 2 + 1], source)


@pytest.fixture
def long_words(qapp: QApplication) -> Iterator[None]:
    translator = LongWords()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_longer_words_do_not_break_the_layout(
    long_words: None, gui_context: GuiContext, services: Services, clock: FakeClock,
    prolific: int, qtbot: Any,
) -> None:
    request(services, clock, days_ago=30)
    page = PayoutsPage(gui_context)
    qtbot.addWidget(page)
    assert page.request_button.text().startswith("&RequestRequ")
    # The window is 1200 px wide by default, less the 170 px page list.
    assert page.minimumSizeHint().width() <= 1000
    dialog = PayoutDialog(services.platforms.list(), PARIS, clock.now(), services.ctx.tr)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().width() <= 900
