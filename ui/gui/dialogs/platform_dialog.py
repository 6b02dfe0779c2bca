"""Add or edit a platform: its name, currency, address, your account, and the limits that
raise warnings for it when they differ from your defaults."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.domain.money import normalise_currency, parse_amount
from app.i18n import Translator
from app.services.settings import Settings
from ui.gui import formatting
from ui.gui.dialogs.payout_dialogs import COMMON_CURRENCIES, add_row, error_label, with_suffix

NO_OVERRIDE = -1
MAX_DAYS = 3650


class PlatformDialog(QDialog):
    """`current` holds PlatformService.editable() when editing; None to add a platform."""

    def __init__(
        self,
        settings: Settings,
        tr_core: Translator,
        parent: QWidget | None = None,
        *,
        current: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._tr_core = tr_core
        self._settings = settings
        self._editing = current is not None
        values = current or {}
        home = settings.home_currency
        self.setWindowTitle(
            self.tr("Edit {platform}").format(platform=values["name"])
            if current
            else self.tr("Add a platform")
        )
        self.name = QLineEdit(str(values.get("name") or ""))
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("e.g. Prolific"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setAccessibleName(self.tr("Currency it pays in"))
        self.currency.addItems(list(dict.fromkeys([home, *COMMON_CURRENCIES])))
        self.currency.setCurrentText(str(values.get("currency") or home))
        self.url = QLineEdit(str(values.get("url") or ""))
        self.url.setAccessibleName(self.tr("Web address"))
        self.url.setPlaceholderText("https://")
        self.account = QLineEdit(str(values.get("account_ref") or ""))
        self.account.setAccessibleName(self.tr("Your account or worker ID"))

        limits_intro = QLabel(
            self.tr(
                "Limits for this platform only. Leave them on your default to use the ones "
                "in Settings."
            )
        )
        limits_intro.setWordWrap(True)
        self.min_wage = QLineEdit(str(values.get("min_wage") or ""))
        self.min_wage.setAccessibleName(self.tr("Lowest acceptable hourly wage"))
        self.min_wage.setPlaceholderText(
            self.tr("Your default: {amount}").format(
                amount=formatting.money(settings.min_wage, home, tr_core)
            )
        )
        self.min_wage_unit = QLabel(self.tr("{currency} an hour").format(currency=home))
        self.max_payout_days = self._days_box(
            values.get("max_payout_days"), settings.max_payout_days
        )
        self.max_payout_days.setAccessibleName(self.tr("Longest acceptable payout delay"))
        self.max_review_days = self._days_box(
            values.get("max_review_days"), settings.max_review_days
        )
        self.max_review_days.setAccessibleName(self.tr("Longest acceptable review wait"))
        self.archived = QCheckBox(
            self.tr("Archived: I no longer work on this platform (its records stay)")
        )
        self.archived.setChecked(bool(values.get("archived")))
        self.archived.setVisible(self._editing)
        self.error = error_label()

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Currency"), self.currency)
        form.addRow(self.tr("&Web address"), self.url)
        form.addRow(self.tr("Your a&ccount"), self.account)
        form.addRow(limits_intro)
        add_row(
            form,
            self.tr("&Lowest wage"),
            self.min_wage,
            with_suffix(self.min_wage, self.min_wage_unit),
        )
        form.addRow(self.tr("Payouts &within"), self.max_payout_days)
        form.addRow(self.tr("&Reviews within"), self.max_review_days)
        if self._editing:
            form.addRow(self.archived)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if current else self.tr("Add the platform")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name.setFocus()

    def _days_box(self, value: Any, default: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_OVERRIDE, MAX_DAYS)
        box.setSpecialValueText(self.tr("Your default ({days} days)").format(days=default))
        box.setSuffix(self.tr(" days"))
        box.setValue(NO_OVERRIDE if value is None else int(value))
        return box

    def focus_limits(self) -> None:
        self.min_wage.setFocus()
        self.min_wage.selectAll()

    def accept(self) -> None:
        tr = self._tr_core
        if not self.name.text().strip():
            self._refuse(self.tr("Type the platform's name."), self.name)
            return
        try:
            normalise_currency(self.currency.currentText(), tr)
        except ClickwageError as error:
            self._refuse(str(error), self.currency)
            return
        if self.min_wage.text().strip():
            try:
                parse_amount(self.min_wage.text(), self._settings.home_currency, tr)
            except ClickwageError as error:
                self._refuse(str(error), self.min_wage)
                return
        super().accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()

    def values(self) -> dict[str, Any]:
        """For PlatformService.add() when adding, PlatformService.update() when editing."""

        def days(box: QSpinBox) -> int | None:
            return None if box.value() == NO_OVERRIDE else box.value()

        result: dict[str, Any] = {
            "name": self.name.text().strip(),
            "currency": self.currency.currentText().strip().upper(),
            "url": self.url.text().strip() or None,
            "account_ref": self.account.text().strip() or None,
            "min_wage": self.min_wage.text().strip() or None,
            "max_payout_days": days(self.max_payout_days),
            "max_review_days": days(self.max_review_days),
        }
        if self._editing:
            result["archived"] = self.archived.isChecked()
        return result
