"""Settings: home currency, minimum wage (with the country table), thresholds, exchange
rates, language and the data folder.

A field is saved when the user presses Enter or leaves it, as one undoable edit. While
the user types, the field is checked with the parsing the service uses and the service's
own sentence is shown under it; nothing invalid is ever written.

The page itself (the money box with the country table, the warnings, the language and the
data folder) is here; its fields are in settings_fields.py, its exchange rates in
settings_rates.py.
"""

from __future__ import annotations

from babel import Locale
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.localtime import local_date
from app.domain.minimum_wages import MINIMUM_WAGES, MinimumWage
from app.domain.money import convert_minor, format_plain, parse_amount
from app.i18n import resolve_language, system_language
from app.services.rates import RateInfo
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page

# The styles moved with the fields; still importable from here.
from ui.gui.pages.settings_fields import ERROR_STYLE as ERROR_STYLE
from ui.gui.pages.settings_fields import FIELD_ERROR_STYLE as FIELD_ERROR_STYLE
from ui.gui.pages.settings_fields import SettingsFieldsMixin
from ui.gui.pages.settings_rates import SettingsRatesMixin

THRESHOLD_KEYS = (
    "max_payout_days",
    "max_rejection_rate",
    "max_review_days",
    "min_hours_for_flag",
    "flag_window_days",
    "bridge_gap_seconds",
    "still_working_hours",
    "idle_minutes",
)
# Each language is named in itself, so that someone stuck in a language they cannot read
# still finds their own.
LANGUAGE_NAMES = (("en", "English"), ("fr", "Français"))


class SettingsPage(SettingsRatesMixin, SettingsFieldsMixin, Page):
    """Every setting of SPECS, the exchange-rate table and where the data lives.

    Widgets the tests use: `fields[key]` (one QLineEdit per setting but the language),
    `errors[key]` (the sentence under it), `wage_list` and `use_wage_button`,
    `language_combo`, `language_note`, `rates_table`, `rate_currency`, `rate_value`,
    `rate_from`, `add_rate_button`, `delete_rate_button`, `rate_error`, `folder_path`,
    `open_folder_button`.
    """

    page_id = "settings"
    tables = frozenset({"settings", "exchange_rates"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._shown: dict[str, str] = {}
        self._raw: dict[str, str] = self.services.settings.raw()
        self._rates: list[RateInfo] = []

        body = QWidget()
        body.setObjectName("settingsBody")
        column = QVBoxLayout(body)
        intro = self._wrapped(
            self.tr(
                "Changes are saved when you press Enter or leave a field. Undo them with "
                "Edit ▸ Undo (Ctrl+Z)."
            )
        )
        column.addWidget(intro)
        column.addWidget(self._build_money())
        column.addWidget(self._build_thresholds())
        column.addWidget(self._build_rates())
        column.addWidget(self._build_language())
        column.addWidget(self._build_data_folder())
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def title(self) -> str:
        return self.tr("Settings")

    # -- building --------------------------------------------------------------------------

    def _build_money(self) -> QGroupBox:
        box = QGroupBox(self.tr("Currency and minimum wage"))
        column = QVBoxLayout(box)
        grid = self._grid()
        self._add_field(
            grid,
            "home_currency",
            self._spec_title("home_currency"),
            help_text=self.tr(
                "Totals and hourly wages are shown in this currency; "
                "other currencies are converted with the exchange "
                "rates below."
            ),
        )
        self.wage_unit = QLabel()
        self._add_field(
            grid,
            "min_wage",
            self._spec_title("min_wage"),
            self.wage_unit,
            help_text=self.tr(
                "A platform that pays you less than this for an hour of your time is flagged."
            ),
        )
        column.addLayout(grid)

        column.addWidget(
            self._wrapped(
                self.tr(
                    "Statutory minimum wages (choose your country and press Enter, or type "
                    "your own figure above):"
                )
            )
        )
        self.wage_list = QListWidget()
        self.wage_list.setObjectName("minimumWages")
        self.wage_list.setAccessibleName(self.tr("Statutory minimum wages by country"))
        self.wage_list.setWordWrap(True)
        self.wage_list.setAlternatingRowColors(True)
        self.wage_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.wage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Two lines an entry (figure, source), and room for one of them to wrap.
        lines = 2 * len(MINIMUM_WAGES) + 1
        self.wage_list.setMinimumHeight(self.wage_list.fontMetrics().lineSpacing() * lines + 8)
        for index, wage in sorted(
            enumerate(MINIMUM_WAGES), key=lambda pair: self._country_name(pair[1].country)
        ):
            item = QListWidgetItem(self._wage_text(wage))
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(wage.source)
            self.wage_list.addItem(item)
        self.wage_list.itemActivated.connect(self.on_wage_list_item_activated)
        column.addWidget(self.wage_list)
        buttons = QHBoxLayout()
        self.use_wage_button = QPushButton(self.tr("Use this minimum wage"))
        self.use_wage_button.setObjectName("useMinimumWage")
        self.use_wage_button.clicked.connect(self.on_use_wage_button_clicked)
        buttons.addWidget(self.use_wage_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.wage_hint = self._wrapped()
        self.wage_hint.setObjectName("wageHint")
        self.wage_hint.hide()
        column.addWidget(self.wage_hint)
        return box

    def _country_name(self, country: str) -> str:
        names = Locale.parse(self._core.locale).territories
        return str(names.get(country, country))

    def _wage_text(self, wage: MinimumWage) -> str:
        amount = formatting.money(
            parse_amount(wage.hourly, wage.currency, self._core), wage.currency, self._core
        )
        text = self.tr("{country} — {amount} an hour, since {date}").format(
            country=self._country_name(wage.country), amount=amount, date=wage.since.isoformat()
        )
        if wage.note:
            text = f"{text} ({wage.note})"
        return text + "\n" + self.tr("Source: {source}").format(source=wage.source)

    def _build_thresholds(self) -> QGroupBox:
        box = QGroupBox(self.tr("Warnings"))
        column = QVBoxLayout(box)
        column.addWidget(
            self._wrapped(
                self.tr(
                    "When a platform crosses one of these limits, Clickwage warns you and the "
                    "evidence report says so."
                )
            )
        )
        grid = self._grid()
        for key in THRESHOLD_KEYS:
            self._add_field(grid, key, self._spec_title(key))
        column.addLayout(grid)
        # Whether this desktop can tell that the keyboard and mouse are idle (set by main.py).
        self.idle_note = self._wrapped()
        self.idle_note.setObjectName("idleNote")
        column.addWidget(self.idle_note)
        return box

    def _build_language(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"))
        grid = self._grid()
        label = self._wrapped(self.tr("Language of the window, reports and letters"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(
            self.tr("The system's language ({language})").format(
                language=dict(LANGUAGE_NAMES)[system_language()]
            ),
            "system",
        )
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.activated.connect(self.on_language_combo_activated)
        label.setBuddy(self.language_combo)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.language_combo, 0, 1)
        self.language_note = self._wrapped(
            self.tr("Clickwage will use this language the next time it starts.")
        )
        self.language_note.setObjectName("languageNote")
        self.language_note.hide()
        grid.addWidget(self.language_note, 1, 0, 1, 3)
        box.setLayout(grid)
        return box

    def _build_data_folder(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your data"))
        column = QVBoxLayout(box)
        column.addWidget(
            self._wrapped(
                self.tr(
                    "Everything you record is kept in this folder, on this computer only. Nothing "
                    "leaves the computer: Clickwage never opens a network connection."
                )
            )
        )
        row = QHBoxLayout()
        self.folder_path = QLineEdit(str(self.services.ctx.db.path.parent))
        self.folder_path.setObjectName("dataFolder")
        self.folder_path.setReadOnly(True)
        self.folder_path.setAccessibleName(self.tr("Data folder"))
        self.folder_path.setCursorPosition(0)
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        self.open_folder_button.setObjectName("openDataFolder")
        self.open_folder_button.clicked.connect(self.on_open_folder_button_clicked)
        row.addWidget(self.folder_path, 1)
        row.addWidget(self.open_folder_button)
        column.addLayout(row)
        return box

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._raw = self.services.settings.raw()
        home = self._raw["home_currency"]
        for key in self.fields:
            self._show_value(key, force=False)
        self.wage_unit.setText(self.tr("{currency} an hour").format(currency=home))
        self._select_current_wage()
        index = self.language_combo.findData(self._raw["language"])
        self.language_combo.setCurrentIndex(max(index, 0))
        wanted = resolve_language(self._raw["language"])
        self.language_note.setVisible(wanted != self._core.language)
        self._fill_rates()

    def _select_current_wage(self) -> None:
        for row in range(self.wage_list.count()):
            wage = MINIMUM_WAGES[self.wage_list.item(row).data(Qt.ItemDataRole.UserRole)]
            if wage.currency == self._raw["home_currency"] and wage.hourly == self._raw["min_wage"]:
                self.wage_list.setCurrentRow(row)
                return

    # -- the minimum-wage table ------------------------------------------------------------

    def on_wage_list_item_activated(self, item: QListWidgetItem) -> None:
        self._use_wage(MINIMUM_WAGES[item.data(Qt.ItemDataRole.UserRole)])

    def on_use_wage_button_clicked(self) -> None:
        item = self.wage_list.currentItem()
        if item is None:
            self._show_wage_hint(self.tr("Choose a country in the list first."))
            return
        self._use_wage(MINIMUM_WAGES[item.data(Qt.ItemDataRole.UserRole)])

    def _show_wage_hint(self, text: str) -> None:
        self.wage_hint.setText(text)
        self.wage_hint.setVisible(bool(text))

    def _use_wage(self, wage: MinimumWage) -> None:
        """Fill the minimum wage from the table; offer the country's currency if it differs."""
        self._show_wage_hint("")
        home = self._raw["home_currency"]
        country = self._country_name(wage.country)
        text = self.tr("Use the minimum wage of {country}").format(country=country)
        if wage.currency == home:
            self._save([("min_wage", wage.hourly)], text)
            self._show_value("min_wage", force=True)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Minimum wage in another currency"),
            self.tr(
                "The minimum wage of {country} is in {currency}, and your home currency "
                "is {home}. Make {currency} your home currency too?"
            ).format(country=country, currency=wage.currency, home=home),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("wageCurrencyQuestion")
        box.setInformativeText(
            self.tr(
                "If you keep {home}, the figure is converted at your latest exchange rate for "
                "{currency}."
            ).format(home=home, currency=wage.currency)
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Yes.value:
            self._save([("home_currency", wage.currency), ("min_wage", wage.hourly)], text)
        elif answer == QMessageBox.StandardButton.No.value:
            converted = self._converted(wage, home)
            if converted is None:
                self._show_wage_hint(
                    self.tr(
                        "There is no exchange rate for {currency} yet: add one below, or make "
                        "{currency} your home currency."
                    ).format(currency=wage.currency)
                )
                return
            self._save([("min_wage", converted)], text)
        else:
            return
        for key in ("home_currency", "min_wage"):
            self._show_value(key, force=True)

    def _converted(self, wage: MinimumWage, home: str) -> str | None:
        ctx = self.services.ctx
        rate = self.services.rates.table(home).rate_on(
            wage.currency, local_date(ctx.clock.now(), ctx.zone)
        )
        if rate is None:
            return None
        minor = parse_amount(wage.hourly, wage.currency, self._core)
        return format_plain(convert_minor(minor, wage.currency, rate, home), home)

    # -- language and data folder ----------------------------------------------------------

    def on_language_combo_activated(self, index: int) -> None:
        choice = str(self.language_combo.itemData(index))
        if choice == self._raw["language"]:
            return
        if self._save([("language", choice)], self.tr("Change the language")):
            self.language_note.setVisible(resolve_language(choice) != self._core.language)
            if self.language_note.isVisible():
                self.context.message.emit(self.language_note.text())

    def on_open_folder_button_clicked(self) -> None:
        folder = self.services.ctx.db.path.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.context.message.emit(self.tr("Could not open {folder}.").format(folder=folder))


__all__ = ["SettingsPage"]
