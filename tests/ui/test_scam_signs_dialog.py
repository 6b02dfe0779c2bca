"""The warning-signs dialog: ticking signs records them as one undoable edit, raising the
`scam_risk` warning; the advice and where to report follow the user's country."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.i18n import Translator
from app.services import Services
from app.services.catalogue import CatalogueService, FirstRunChoices
from app.services.scam import scam_advice
from ui.gui.context import GuiContext
from ui.gui.dialogs.scam_signs_dialog import ScamSignsDialog, edit_scam_signs


def _scam_flag(services: Services) -> str | None:
    for _name, flag in services.reports.current_flags():
        if flag.code == "scam_risk":
            return flag.value
    return None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dialog_shows_the_signs_the_advice_and_where_to_report(
    qtbot: QtBot, language: str
) -> None:
    tr = Translator(language)
    dialog = ScamSignsDialog("TaskBoost", ["crypto-only"], scam_advice(tr, "FR"), tr)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen() == ["crypto-only"]
    assert dialog.warning.isVisible()
    report = dialog.report_label.text()
    for expected in ("SignalConso", "Pharos", "0805 805 817", "cybermalveillance.gouv.fr"):
        assert expected in report
    assert "Never pay to get paid" in dialog.advice_label.text() or language == "fr"
    dialog.checks["crypto-only"].setChecked(False)
    assert not dialog.warning.isVisible()
    # The sentence beside a box ticks it too.
    sentence = dialog.findChildren(QLabel)
    beside = next(label for label in sentence if label.buddy() is dialog.checks["upfront-fee"])
    qtbot.mouseClick(beside, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == ["upfront-fee"]


def test_other_countries_get_the_general_advice(qtbot: QtBot) -> None:
    tr = Translator("en")
    dialog = ScamSignsDialog("TaskBoost", [], scam_advice(tr, "DE"), tr)
    qtbot.addWidget(dialog)
    assert "econsumer.gov" in dialog.report_label.text()
    assert "police" in dialog.report_label.text()
    assert dialog.warning.isHidden()


def test_ticking_signs_is_one_undoable_edit(
    gui_context: GuiContext, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.platforms.add("TaskBoost", "USD")
    CatalogueService.for_services(services).first_run().complete(
        FirstRunChoices("en", "GB", "GBP", "12.71")
    )
    opened: list[ScamSignsDialog] = []

    def fake_exec(dialog: ScamSignsDialog) -> int:
        opened.append(dialog)
        dialog.checks["upfront-fee"].setChecked(True)
        dialog.checks["chat-recruitment"].setChecked(True)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ScamSignsDialog, "exec", fake_exec)
    changed: list[frozenset[str]] = []
    gui_context.changed.connect(changed.append)
    assert edit_scam_signs(gui_context, "taskboost")
    assert "Action Fraud" in opened[0].report_label.text()  # the country chosen at first run
    assert _scam_flag(services) == "chat-recruitment, upfront-fee"
    assert changed[-1] == frozenset({"scam_signs"})
    gui_context.undo_stack.undo()
    assert _scam_flag(services) is None
    gui_context.undo_stack.redo()
    assert _scam_flag(services) == "chat-recruitment, upfront-fee"
    assert services.audit.verify().intact


def test_cancel_or_no_change_records_nothing(
    gui_context: GuiContext, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.platforms.add("TaskBoost", "USD")
    monkeypatch.setattr(
        ScamSignsDialog, "exec", lambda _dialog: int(QDialog.DialogCode.Rejected.value)
    )
    assert not edit_scam_signs(gui_context, "TaskBoost")
    monkeypatch.setattr(
        ScamSignsDialog, "exec", lambda _dialog: int(QDialog.DialogCode.Accepted.value)
    )
    assert not edit_scam_signs(gui_context, "TaskBoost")
    assert gui_context.undo_stack.count() == 0
    assert _scam_flag(services) is None


def test_an_unknown_platform_shows_the_error(
    gui_context: GuiContext, _no_modal_boxes: list[str]
) -> None:
    assert not edit_scam_signs(gui_context, "Nowhere")
    assert any("Nowhere" in text for text in _no_modal_boxes)
