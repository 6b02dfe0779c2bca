"""The Settings page's exchange rates: the table of rates, the form that adds one and the
button (and Delete key) that deletes the selected one, each as one undoable edit.

A mixin of SettingsPage (settings.py): its texts keep the "SettingsPage" translation context.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import local_date
from app.services.rates import RateChange, RateInfo
from ui.gui.pages.settings_fields import ERROR_STYLE, FIELD_ERROR_STYLE, SettingsFieldsMixin

if TYPE_CHECKING:
    _Base = SettingsFieldsMixin
else:
    _Base = object


class SettingsRatesMixin(_Base):
    """Builds the "Exchange rates" box, fills its table and adds or deletes rates."""

    _rates: list[RateInfo]

    def _build_rates(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsPage", "Exchange rates"))
        column = QVBoxLayout(box)
        self.rates_intro = self._wrapped()
        column.addWidget(self.rates_intro)
        self.rates_table = QTableWidget(0, 3)
        self.rates_table.setObjectName("ratesTable")
        self.rates_table.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Exchange rates")
        )
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rates_table.setTabKeyNavigation(False)
        self.rates_table.verticalHeader().setVisible(False)
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.setMinimumHeight(140)
        self.rates_table.itemSelectionChanged.connect(self.on_rates_table_selection_changed)
        delete_action = QAction(
            QCoreApplication.translate("SettingsPage", "Delete the selected rate"),
            self.rates_table,
        )
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.on_delete_rate_button_clicked)
        self.rates_table.addAction(delete_action)
        column.addWidget(self.rates_table)

        form = self._grid()
        self.rate_currency = QLineEdit()
        self.rate_currency.setObjectName("rateCurrency")
        self.rate_currency.setPlaceholderText(
            QCoreApplication.translate("SettingsPage", "e.g. GBP")
        )
        self.rate_currency.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Currency of the new rate")
        )
        self.rate_value = QLineEdit()
        self.rate_value.setObjectName("rateValue")
        self.rate_value.setPlaceholderText(QCoreApplication.translate("SettingsPage", "e.g. 1.17"))
        self.rate_value.setAccessibleName(QCoreApplication.translate("SettingsPage", "New rate"))
        self.rate_from = QDateEdit()
        self.rate_from.setObjectName("rateFrom")
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_from.setCalendarPopup(True)
        self.rate_from.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "New rate valid from")
        )
        self.rate_value_label = self._wrapped()
        for row, (caption, widget) in enumerate(
            (
                (QCoreApplication.translate("SettingsPage", "Currency"), self.rate_currency),
                (None, self.rate_value),
                (QCoreApplication.translate("SettingsPage", "Valid from"), self.rate_from),
            )
        ):
            label = self.rate_value_label if caption is None else self._wrapped(caption)
            label.setBuddy(widget)
            self._narrow(widget)
            form.addWidget(label, row, 0)
            form.addWidget(widget, row, 1)
        for widget in (self.rate_currency, self.rate_value):
            widget.textChanged.connect(self.on_rate_form_text_changed)
            widget.returnPressed.connect(self.on_add_rate_button_clicked)
        column.addLayout(form)
        self.rate_error = self._wrapped()
        self.rate_error.setObjectName("rateError")
        self.rate_error.setStyleSheet(ERROR_STYLE)
        self.rate_error.hide()
        column.addWidget(self.rate_error)
        buttons = QHBoxLayout()
        self.add_rate_button = QPushButton(
            QCoreApplication.translate("SettingsPage", "Add the rate")
        )
        self.add_rate_button.setObjectName("addRate")
        self.add_rate_button.setEnabled(False)
        self.add_rate_button.clicked.connect(self.on_add_rate_button_clicked)
        self.delete_rate_button = QPushButton(
            QCoreApplication.translate("SettingsPage", "Delete the selected rate")
        )
        self.delete_rate_button.setObjectName("deleteRate")
        self.delete_rate_button.setEnabled(False)
        self.delete_rate_button.clicked.connect(self.on_delete_rate_button_clicked)
        buttons.addWidget(self.add_rate_button)
        buttons.addWidget(self.delete_rate_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return box

    def _fill_rates(self) -> None:
        home = self._raw["home_currency"]
        self.rates_intro.setText(
            QCoreApplication.translate(
                "SettingsPage",
                "How many {home} one unit of another currency is worth. Each amount is converted "
                "at the rate valid on its own date.",
            ).format(home=home)
        )
        self.rate_value_label.setText(
            QCoreApplication.translate("SettingsPage", "Rate in {home}").format(home=home)
        )
        self.rates_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SettingsPage", "Currency"),
                QCoreApplication.translate("SettingsPage", "1 unit in {home}").format(home=home),
                QCoreApplication.translate("SettingsPage", "Valid from"),
            ]
        )
        self._rates = self.services.rates.rows()
        table = self.rates_table
        table.setRowCount(len(self._rates))
        symbol = self._decimal_symbol()
        for row, rate in enumerate(self._rates):
            cells = (
                rate.currency,
                str(rate.rate).replace(".", symbol),
                rate.valid_from.isoformat(),
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        today = local_date(self.services.ctx.clock.now(), self.services.ctx.zone)
        if not self.rate_currency.text() and not self.rate_value.text():
            self.rate_from.setDate(QDate(today.year, today.month, today.day))
        self.on_rates_table_selection_changed()
        self.on_rate_form_text_changed()

    # -- exchange rates --------------------------------------------------------------------

    def _rate_form(self) -> tuple[str, str] | None:
        """The form's currency and rate when both are valid; shows the first error if not."""
        currency, rate = self.rate_currency.text(), self.rate_value.text()
        problems: list[str] = []
        for text, check, field in (
            (currency, self.services.rates.check_currency, self.rate_currency),
            (rate, self.services.rates.check_rate, self.rate_value),
        ):
            try:
                if text.strip():
                    check(text)
            except ClickwageError as error:
                problems.append(str(error))
                field.setStyleSheet(FIELD_ERROR_STYLE)
                field.setAccessibleDescription(str(error))
            else:
                field.setStyleSheet("")
                field.setAccessibleDescription("")
        self.rate_error.setText(" ".join(problems))
        self.rate_error.setVisible(bool(problems))
        if problems or not currency.strip() or not rate.strip():
            return None
        return currency, rate

    def on_rate_form_text_changed(self) -> None:
        self.add_rate_button.setEnabled(self._rate_form() is not None)

    def on_add_rate_button_clicked(self) -> None:
        form = self._rate_form()
        if form is None:
            return
        currency, rate = form
        qdate = self.rate_from.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        rates = self.services.rates

        def undo(change: RateChange) -> None:
            rates.revert(change)

        change = self.context.push(
            QCoreApplication.translate("SettingsPage", "Add an exchange rate"),
            lambda: rates.put(currency, rate, day),
            undo,
            {"exchange_rates"},
        )
        if change is not None:
            self.rate_currency.clear()
            self.rate_value.clear()
            self.rate_currency.setFocus()

    def on_rates_table_selection_changed(self) -> None:
        self.delete_rate_button.setEnabled(self._selected_rate() is not None)

    def _selected_rate(self) -> RateInfo | None:
        rows = self.rates_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._rates):
            return None
        return self._rates[rows[0].row()]

    def on_delete_rate_button_clicked(self) -> None:
        selected = self._selected_rate()
        if selected is None:
            return
        rates = self.services.rates

        def undo(deleted: RateInfo) -> None:
            rates.restore(deleted)

        self.context.push(
            QCoreApplication.translate("SettingsPage", "Delete an exchange rate"),
            lambda: rates.delete(selected.id),
            undo,
            {"exchange_rates"},
        )
