"""Request a payout (or correct one), and mark one received.

The dialogs only collect and check what was typed: amounts are parsed with
the core's rules before the dialog closes, so a mistake is shown beside the
field instead of in an error box. The page calls the services.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import zone_name
from app.domain.money import normalise_currency, parse_amount
from app.i18n import Translator
from app.services.records import PayoutInfo, PlatformInfo
from ui.gui import formatting

DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CAD", "AUD", "INR", "PHP", "BRL", "CHF")
ERROR_STYLE = "color: #8c1d18;"


def qt_zone(zone: tzinfo) -> QTimeZone:
    """The Qt time zone for the services' zone (the user's), else the system's."""
    found = QTimeZone(zone_name(zone).encode())
    return found if found.isValid() else QTimeZone.systemTimeZone()


def date_time_edit(
    instant: datetime,
    zone: tzinfo,
    *,
    minimum: datetime | None = None,
    maximum: datetime | None = None,
) -> QDateTimeEdit:
    """A date-time field showing local time in `zone`, limited to [minimum, maximum]."""
    qzone = qt_zone(zone)
    edit = QDateTimeEdit()
    edit.setTimeZone(qzone)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    if minimum is not None:
        edit.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(int(minimum.timestamp()), qzone))
    if maximum is not None:
        edit.setMaximumDateTime(QDateTime.fromSecsSinceEpoch(int(maximum.timestamp()), qzone))
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), qzone))
    return edit


def edited_instant(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogError")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class PayoutDialog(QDialog):
    """Request a payout, or correct one (`current` holds PayoutService.editable())."""

    def __init__(
        self,
        platforms: list[PlatformInfo],
        zone: tzinfo,
        now: datetime,
        tr_core: Translator,
        parent: QWidget | None = None,
        *,
        platform: str | None = None,
        payout: PayoutInfo | None = None,
        current: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._platforms = {p.name: p for p in platforms}
        self._tr_core = tr_core
        self._editing = payout is not None
        self.setWindowTitle(self.tr("Correct a payout") if payout else self.tr("Request a payout"))
        values = current or {}

        self.intro = QLabel(
            self.tr("Correct what you recorded for this payout.")
            if payout
            else self.tr(
                "Record the money you asked a platform to send you. Clickwage then counts "
                "how long it takes to arrive."
            )
        )
        self.intro.setWordWrap(True)
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Platform"))
        if payout is not None:
            self.platform.addItem(payout.platform)
            self.platform.setEnabled(False)
        else:
            self.platform.addItems(list(self._platforms))
            if platform in self._platforms:
                self.platform.setCurrentText(platform)
        self.platform.currentTextChanged.connect(self.on_platform_current_text_changed)
        self.amount = QLineEdit(str(values.get("amount") or ""))
        self.amount.setAccessibleName(self.tr("Amount requested"))
        self.amount.setPlaceholderText(self.tr("e.g. 20.00"))
        self.currency_label = QLabel()
        fee = str(values.get("fee") or "")
        self.fee = QLineEdit("" if fee.strip("0.") == "" else fee)
        self.fee.setAccessibleName(self.tr("Fee"))
        self.fee.setPlaceholderText(self.tr("0 if none"))
        self.fee_currency_label = QLabel()
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.setAccessibleName(self.tr("Payment method"))
        self.method.addItems(
            ["", "PayPal", self.tr("Bank transfer"), "Payoneer", "Airtm", self.tr("Gift card")]
        )
        self.method.setCurrentText(str(values.get("method") or ""))
        self.reference = QLineEdit(str(values.get("reference") or ""))
        self.reference.setAccessibleName(self.tr("Reference"))
        self.reference.setPlaceholderText(self.tr("Transaction number, if any"))
        requested = values.get("requested_at") or (payout.requested_at if payout else now)
        self.requested = date_time_edit(requested, zone, maximum=now)
        self.requested.setAccessibleName(self.tr("Requested on"))
        self.note = QLineEdit(str(values.get("note") or ""))
        self.note.setAccessibleName(self.tr("Note"))
        self.asks_for_money = QCheckBox(
            self.tr("The platform asked me to pay money first to release this payout")
        )
        self.asks_for_money.setChecked(bool(values.get("asks_for_money")))
        self.error = error_label()

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.intro)
        form.addRow(self.tr("&Platform"), self.platform)
        add_row(
            form, self.tr("&Amount"), self.amount, with_suffix(self.amount, self.currency_label)
        )
        add_row(form, self.tr("&Fee"), self.fee, with_suffix(self.fee, self.fee_currency_label))
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("&Reference"), self.reference)
        form.addRow(self.tr("Re&quested on"), self.requested)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.asks_for_money)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save") if payout else self.tr("Record the request"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._currency = payout.currency if payout else ""
        self.on_platform_current_text_changed(self.platform.currentText())
        self.amount.setFocus()

    def currency(self) -> str:
        if self._editing:
            return self._currency
        chosen = self._platforms.get(self.platform.currentText())
        return chosen.currency if chosen else ""

    def on_platform_current_text_changed(self, _name: str) -> None:
        self.currency_label.setText(self.currency())
        self.fee_currency_label.setText(self.currency())

    def accept(self) -> None:
        """Close only when every field can be recorded; otherwise say what is wrong."""
        tr = self._tr_core
        if not self.platform.currentText():
            self._refuse(self.tr("Add a platform first, on the Platforms page."), self.platform)
            return
        if not self.amount.text().strip():
            self._refuse(self.tr("Type the amount you asked for, e.g. 20.00."), self.amount)
            return
        try:
            parse_amount(self.amount.text(), self.currency(), tr)
        except ClickwageError as error:
            self._refuse(str(error), self.amount)
            return
        if self.fee.text().strip():
            try:
                parse_amount(self.fee.text(), self.currency(), tr)
            except ClickwageError as error:
                self._refuse(str(error), self.fee)
                return
        super().accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()

    def values(self) -> dict[str, Any]:
        """For PayoutService.add() when requesting, PayoutService.edit() when correcting."""
        common: dict[str, Any] = {
            "amount": self.amount.text().strip(),
            "fee": self.fee.text().strip() or None,
            "method": self.method.currentText().strip() or None,
            "reference": self.reference.text().strip() or None,
            "note": self.note.text().strip() or None,
            "asks_for_money": self.asks_for_money.isChecked(),
        }
        if self._editing:
            return {**common, "requested_at": edited_instant(self.requested)}
        return {
            **common,
            "platform": self.platform.currentText(),
            "requested": edited_instant(self.requested),
        }


class ReceiveDialog(QDialog):
    """Mark a waiting payout received: when, and (optionally) what arrived, in any currency."""

    def __init__(
        self,
        payout: PayoutInfo,
        home_currency: str,
        zone: tzinfo,
        now: datetime,
        tr_core: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tr_core = tr_core
        self.setWindowTitle(self.tr("Mark a payout received"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("{amount} from {platform}, requested on {date}. When did it arrive?").format(
                amount=formatting.money(payout.amount, payout.currency, tr_core),
                platform=payout.platform,
                date=formatting.day_time(payout.requested_at, zone),
            )
        )
        intro.setWordWrap(True)
        self.received = date_time_edit(now, zone, minimum=payout.requested_at, maximum=now)
        self.received.setAccessibleName(self.tr("Received on"))
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount that arrived"))
        self.amount.setPlaceholderText(self.tr("Empty: the amount requested"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setAccessibleName(self.tr("Currency that arrived"))
        codes = [payout.currency, home_currency, *COMMON_CURRENCIES]
        self.currency.addItems(list(dict.fromkeys(codes)))
        self.currency.setCurrentText(payout.currency)
        hint = QLabel(
            self.tr(
                "If the money arrived in another currency (PayPal or your bank converted it), "
                "type the amount you really received and choose its currency."
            )
        )
        hint.setWordWrap(True)
        self.error = error_label()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(intro)
        form.addRow(self.tr("&Received on"), self.received)
        row = QHBoxLayout()
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        add_row(form, self.tr("Amount &that arrived"), self.amount, row)
        form.addRow(hint)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark received"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        tr = self._tr_core
        try:
            code = normalise_currency(self.currency.currentText(), tr)
        except ClickwageError as error:
            self._refuse(str(error), self.currency)
            return
        if self.amount.text().strip():
            try:
                parse_amount(self.amount.text(), code, tr)
            except ClickwageError as error:
                self._refuse(str(error), self.amount)
                return
        super().accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()

    def values(self) -> dict[str, Any]:
        """For PayoutService.receive(): `at`, and `amount` with its currency code or None."""
        text = self.amount.text().strip()
        code = self.currency.currentText().strip().upper()
        return {
            "at": edited_instant(self.received),
            "amount": f"{text} {code}" if text else None,
        }


def add_row(form: QFormLayout, text: str, buddy: QWidget, field: QWidget | QHBoxLayout) -> QLabel:
    """A form row whose label's mnemonic reaches `buddy` even when the field is a layout."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


def with_suffix(field: QWidget, suffix: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(suffix)
    return row
