"""Record (or correct) an account event: a suspension, a closure with a balance held, a
message from support, a resolution."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.domain.money import parse_amount
from app.domain.statuses import WITHHOLDING_EVENTS, EventKind
from app.i18n import Translator
from app.services.records import EventInfo, PlatformInfo
from ui.gui.dialogs.payout_dialogs import (
    add_row,
    date_time_edit,
    edited_instant,
    error_label,
    with_suffix,
)
from ui.gui.labels import event_label


class EventDialog(QDialog):
    """Add an event to a platform's history, or correct one (`current` from
    EventService.editable())."""

    def __init__(
        self,
        platforms: list[PlatformInfo],
        zone: tzinfo,
        now: datetime,
        tr_core: Translator,
        parent: QWidget | None = None,
        *,
        platform: str | None = None,
        event: EventInfo | None = None,
        current: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._platforms = {p.name: p for p in platforms}
        self._tr_core = tr_core
        self._event = event
        values = current or {}
        self.setWindowTitle(
            self.tr("Correct an account event") if event else self.tr("Add an account event")
        )
        intro = QLabel(
            self.tr(
                "Keep a record of what the platform did to your account. If it holds money "
                "you earned, type the amount: Clickwage warns you until you record that it "
                "was resolved."
            )
        )
        intro.setWordWrap(True)
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Platform"))
        if event is not None:
            self.platform.addItem(event.platform)
            self.platform.setEnabled(False)
        else:
            self.platform.addItems(list(self._platforms))
            if platform in self._platforms:
                self.platform.setCurrentText(platform)
        self.platform.currentTextChanged.connect(self.on_platform_current_text_changed)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What happened"))
        for kind in EventKind:
            self.kind.addItem(event_label(kind.value), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.get("kind", "message"))))
        self.kind.currentIndexChanged.connect(self.on_kind_current_index_changed)
        self.at = date_time_edit(values.get("at") or now, zone, maximum=now)
        self.at.setAccessibleName(self.tr("When"))
        self.amount = QLineEdit(str(values.get("amount") or ""))
        self.amount.setAccessibleName(self.tr("Amount held"))
        self.amount.setPlaceholderText(self.tr("Leave empty if no money is involved"))
        self.currency_label = QLabel()
        self.note = QPlainTextEdit(str(values.get("note") or ""))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("What they wrote, the reason given, who you talked to…")
        )
        self.note.setMaximumHeight(110)
        self.asks_for_money = QCheckBox(
            self.tr("They ask me to pay money to unlock my account or my balance")
        )
        self.asks_for_money.setChecked(bool(values.get("asks_for_money")))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = error_label()

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(intro)
        form.addRow(self.tr("&Platform"), self.platform)
        form.addRow(self.tr("&What happened"), self.kind)
        form.addRow(self.tr("W&hen"), self.at)
        add_row(
            form,
            self.tr("&Amount held"),
            self.amount,
            with_suffix(self.amount, self.currency_label),
        )
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.asks_for_money)
        form.addRow(self.hint)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if event else self.tr("Add the event")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.on_platform_current_text_changed(self.platform.currentText())
        self.on_kind_current_index_changed(self.kind.currentIndex())
        self.kind.setFocus()

    def currency(self) -> str:
        if self._event is not None:
            return self._event.currency
        chosen = self._platforms.get(self.platform.currentText())
        return chosen.currency if chosen else ""

    def on_platform_current_text_changed(self, _name: str) -> None:
        self.currency_label.setText(self.currency())

    def on_kind_current_index_changed(self, _index: int) -> None:
        kind = self.kind.currentData()
        if kind in WITHHOLDING_EVENTS:
            self.hint.setText(
                self.tr("Type the balance the platform kept, so that it shows as money held.")
            )
        elif kind == EventKind.RESOLVED:
            self.hint.setText(
                self.tr("A resolution ends the warning about money held on this platform.")
            )
        else:
            self.hint.setText("")

    def accept(self) -> None:
        if not self.platform.currentText():
            self._refuse(self.tr("Add a platform first."), self.platform)
            return
        if self.amount.text().strip():
            try:
                parse_amount(self.amount.text(), self.currency(), self._tr_core)
            except ClickwageError as error:
                self._refuse(str(error), self.amount)
                return
        super().accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()

    def values(self) -> dict[str, Any]:
        """For EventService.add() when adding, EventService.edit() when correcting."""
        common: dict[str, Any] = {
            "kind": str(self.kind.currentData()),
            "at": edited_instant(self.at),
            "amount": self.amount.text().strip() or None,
            "note": self.note.toPlainText().strip() or None,
            "asks_for_money": self.asks_for_money.isChecked(),
        }
        if self._event is not None:
            return common
        return {**common, "platform": self.platform.currentText()}
