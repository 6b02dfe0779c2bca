"""Settings: home currency, minimum wage (with the country table), thresholds, exchange
rates, language and the data folder.

A field is saved when the user presses Enter or leaves it, as one undoable edit. While
the user types, the field is checked with the parsing the service uses and the service's
own sentence is shown under it; nothing invalid is ever written.
"""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel import numbers as babel_numbers
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ClickwageError, InvalidInput
from app.domain.localtime import local_date
from app.domain.minimum_wages import MINIMUM_WAGES, MinimumWage
from app.domain.money import (
    convert_minor,
    format_plain,
    normalise_currency,
    parse_amount,
    parse_decimal,
)
from app.i18n import Translator, resolve_language, system_language
from app.services.rates import RateChange, RateInfo
from app.services.settings import SPEC_BY_KEY
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page

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
ERROR_STYLE = "color: #b3261e;"
FIELD_ERROR_STYLE = "border: 2px solid #b3261e;"


class SettingsPage(Page):
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
        intro = self._wrapped(self.tr(
            "Changes are saved when you press Enter or leave a field. Undo them with "
            "Edit ▸ Undo (Ctrl+Z)."))
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

    @property
    def _core(self) -> Translator:
        tr: Translator = self.services.ctx.tr
        return tr

    # -- building --------------------------------------------------------------------------

    @staticmethod
    def _wrapped(text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    @classmethod
    def _hint(cls, text: str) -> QLabel:
        """A line of explanation, a little smaller than the captions (never greyed out)."""
        hint = cls._wrapped(text)
        font = hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        hint.setFont(font)
        return hint

    @staticmethod
    def _narrow(widget: QWidget) -> None:
        """Wide enough for a figure or a date, never the whole row."""
        digit = widget.fontMetrics().horizontalAdvance("0")
        widget.setMinimumWidth(digit * 10)
        widget.setMaximumWidth(digit * 18)

    @staticmethod
    def _grid() -> QGridLayout:
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        return grid

    def _add_field(self, grid: QGridLayout, key: str, caption: str, unit: QLabel | None = None,
                   help_text: str = "") -> None:
        """A row: wrapped caption, the field, an optional unit; the error sentence below."""
        row = grid.rowCount()
        label = self._wrapped(caption)
        field = QLineEdit()
        field.setObjectName(f"setting_{key}")
        field.setAccessibleName(caption)
        self._narrow(field)
        if help_text:
            field.setToolTip(help_text)
            field.setAccessibleDescription(help_text)
        label.setBuddy(field)
        field.textChanged.connect(lambda _text, k=key: self.on_field_text_changed(k))
        field.editingFinished.connect(lambda k=key: self.on_field_editing_finished(k))
        error = self._wrapped()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        grid.addWidget(label, row, 0)
        grid.addWidget(field, row, 1)
        if unit is not None:
            grid.addWidget(unit, row, 2)
        grid.addWidget(error, row + 1, 0, 1, 3)
        if help_text:
            grid.addWidget(self._hint(help_text), row + 2, 0, 1, 3)
        self.fields[key] = field
        self.errors[key] = error

    def _spec_title(self, key: str) -> str:
        # Titles are declared once with the settings and translated by the core catalogue,
        # like the error sentences that name them.
        return self._core.gettext(SPEC_BY_KEY[key].title)

    def _build_money(self) -> QGroupBox:
        box = QGroupBox(self.tr("Currency and minimum wage"))
        column = QVBoxLayout(box)
        grid = self._grid()
        self._add_field(grid, "home_currency", self._spec_title("home_currency"),
                        help_text=self.tr("Totals and hourly wages are shown in this currency; "
                                          "other currencies are converted with the exchange "
                                          "rates below."))
        self.wage_unit = QLabel()
        self._add_field(grid, "min_wage", self._spec_title("min_wage"), self.wage_unit,
                        help_text=self.tr("A platform that pays you less than this for an hour "
                                          "of your time is flagged."))
        column.addLayout(grid)

        column.addWidget(self._wrapped(self.tr(
            "Statutory minimum wages (choose your country and press Enter, or type your own "
            "figure above):")))
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
        for index, wage in sorted(enumerate(MINIMUM_WAGES),
                                  key=lambda pair: self._country_name(pair[1].country)):
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
        amount = formatting.money(parse_amount(wage.hourly, wage.currency, self._core),
                                  wage.currency, self._core)
        text = self.tr("{country} — {amount} an hour, since {date}").format(
            country=self._country_name(wage.country), amount=amount,
            date=wage.since.isoformat())
        if wage.note:
            text = f"{text} ({wage.note})"
        return text + "\n" + self.tr("Source: {source}").format(source=wage.source)

    def _build_thresholds(self) -> QGroupBox:
        box = QGroupBox(self.tr("Warnings"))
        column = QVBoxLayout(box)
        column.addWidget(self._wrapped(self.tr(
            "When a platform crosses one of these limits, Clickwage warns you and the evidence "
            "report says so.")))
        grid = self._grid()
        for key in THRESHOLD_KEYS:
            self._add_field(grid, key, self._spec_title(key))
        column.addLayout(grid)
        # Whether this desktop can tell that the keyboard and mouse are idle (set by main.py).
        self.idle_note = self._wrapped()
        self.idle_note.setObjectName("idleNote")
        column.addWidget(self.idle_note)
        return box

    def _build_rates(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exchange rates"))
        column = QVBoxLayout(box)
        self.rates_intro = self._wrapped()
        column.addWidget(self.rates_intro)
        self.rates_table = QTableWidget(0, 3)
        self.rates_table.setObjectName("ratesTable")
        self.rates_table.setAccessibleName(self.tr("Exchange rates"))
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rates_table.setTabKeyNavigation(False)
        self.rates_table.verticalHeader().setVisible(False)
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.setMinimumHeight(140)
        self.rates_table.itemSelectionChanged.connect(self.on_rates_table_selection_changed)
        delete_action = QAction(self.tr("Delete the selected rate"), self.rates_table)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.on_delete_rate_button_clicked)
        self.rates_table.addAction(delete_action)
        column.addWidget(self.rates_table)

        form = self._grid()
        self.rate_currency = QLineEdit()
        self.rate_currency.setObjectName("rateCurrency")
        self.rate_currency.setPlaceholderText(self.tr("e.g. GBP"))
        self.rate_currency.setAccessibleName(self.tr("Currency of the new rate"))
        self.rate_value = QLineEdit()
        self.rate_value.setObjectName("rateValue")
        self.rate_value.setPlaceholderText(self.tr("e.g. 1.17"))
        self.rate_value.setAccessibleName(self.tr("New rate"))
        self.rate_from = QDateEdit()
        self.rate_from.setObjectName("rateFrom")
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_from.setCalendarPopup(True)
        self.rate_from.setAccessibleName(self.tr("New rate valid from"))
        self.rate_value_label = self._wrapped()
        for row, (caption, widget) in enumerate((
            (self.tr("Currency"), self.rate_currency),
            (None, self.rate_value),
            (self.tr("Valid from"), self.rate_from),
        )):
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
        self.add_rate_button = QPushButton(self.tr("Add the rate"))
        self.add_rate_button.setObjectName("addRate")
        self.add_rate_button.setEnabled(False)
        self.add_rate_button.clicked.connect(self.on_add_rate_button_clicked)
        self.delete_rate_button = QPushButton(self.tr("Delete the selected rate"))
        self.delete_rate_button.setObjectName("deleteRate")
        self.delete_rate_button.setEnabled(False)
        self.delete_rate_button.clicked.connect(self.on_delete_rate_button_clicked)
        buttons.addWidget(self.add_rate_button)
        buttons.addWidget(self.delete_rate_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
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
                language=dict(LANGUAGE_NAMES)[system_language()]), "system")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.activated.connect(self.on_language_combo_activated)
        label.setBuddy(self.language_combo)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.language_combo, 0, 1)
        self.language_note = self._wrapped(self.tr(
            "Clickwage will use this language the next time it starts."))
        self.language_note.setObjectName("languageNote")
        self.language_note.hide()
        grid.addWidget(self.language_note, 1, 0, 1, 3)
        box.setLayout(grid)
        return box

    def _build_data_folder(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your data"))
        column = QVBoxLayout(box)
        column.addWidget(self._wrapped(self.tr(
            "Everything you record is kept in this folder, on this computer only. Nothing "
            "leaves the computer: Clickwage never opens a network connection.")))
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

    def _display(self, key: str, stored: str) -> str:
        """The stored text as the user's language writes it (12,02 in French)."""
        if SPEC_BY_KEY[key].kind in ("money", "decimal"):
            return stored.replace(".", self._decimal_symbol())
        return stored

    def _decimal_symbol(self) -> str:
        return str(babel_numbers.get_decimal_symbol(self._core.locale))

    def _show_value(self, key: str, *, force: bool) -> None:
        field = self.fields[key]
        typing = field.hasFocus() and field.text() != self._shown.get(key)
        if typing and not force:
            return
        shown = self._display(key, self._raw[key])
        self._shown[key] = shown
        field.blockSignals(True)
        field.setText(shown)
        field.blockSignals(False)
        self._set_error(key, "")

    def _select_current_wage(self) -> None:
        for row in range(self.wage_list.count()):
            wage = MINIMUM_WAGES[self.wage_list.item(row).data(Qt.ItemDataRole.UserRole)]
            if (wage.currency == self._raw["home_currency"]
                    and wage.hourly == self._raw["min_wage"]):
                self.wage_list.setCurrentRow(row)
                return

    def _fill_rates(self) -> None:
        home = self._raw["home_currency"]
        self.rates_intro.setText(self.tr(
            "How many {home} one unit of another currency is worth. Each amount is converted "
            "at the rate valid on its own date.").format(home=home))
        self.rate_value_label.setText(self.tr("Rate in {home}").format(home=home))
        self.rates_table.setHorizontalHeaderLabels([
            self.tr("Currency"), self.tr("1 unit in {home}").format(home=home),
            self.tr("Valid from")])
        self._rates = self.services.rates.rows()
        table = self.rates_table
        table.setRowCount(len(self._rates))
        symbol = self._decimal_symbol()
        for row, rate in enumerate(self._rates):
            cells = (rate.currency, str(rate.rate).replace(".", symbol),
                     rate.valid_from.isoformat())
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        today = local_date(self.services.ctx.clock.now(), self.services.ctx.zone)
        if not self.rate_currency.text() and not self.rate_value.text():
            self.rate_from.setDate(QDate(today.year, today.month, today.day))
        self.on_rates_table_selection_changed()
        self.on_rate_form_text_changed()

    # -- settings fields -------------------------------------------------------------------

    def _set_error(self, key: str, text: str) -> None:
        error, field = self.errors[key], self.fields[key]
        error.setText(text)
        error.setVisible(bool(text))
        field.setStyleSheet(FIELD_ERROR_STYLE if text else "")
        field.setAccessibleDescription(text or field.toolTip())

    def _check(self, key: str, text: str) -> str:
        """The text the service would store for `text`, or InvalidInput with its sentence."""
        spec = SPEC_BY_KEY[key]
        tr = self._core
        what = tr.gettext(spec.title)
        if spec.kind == "currency":
            return normalise_currency(text, tr)
        if spec.kind == "money":
            home = self._raw["home_currency"]
            return format_plain(parse_amount(text, home, tr, what=what), home) or "0"
        number = parse_decimal(text, tr, what=what, minimum=spec.minimum, maximum=spec.maximum)
        if number == number.to_integral_value():
            return str(int(number))
        if spec.kind == "int":
            raise InvalidInput(tr.gettext("{what} {value!r} must be a whole number.").format(
                what=what, value=text))
        return str(number)

    def on_field_text_changed(self, key: str) -> None:
        try:
            self._check(key, self.fields[key].text())
        except ClickwageError as error:
            self._set_error(key, str(error))
        else:
            self._set_error(key, "")

    def on_field_editing_finished(self, key: str) -> None:
        text = self.fields[key].text()
        try:
            stored = self._check(key, text)
        except ClickwageError as error:
            self._set_error(key, str(error))
            return
        if stored != self._raw[key]:
            self._save([(key, stored)], self.tr("Change “{setting}”").format(
                setting=self._spec_title(key)))
        self._show_value(key, force=True)

    def _save(self, changes: list[tuple[str, str]], text: str) -> bool:
        """Store settings as one undoable edit; undo puts back every value it changed."""
        settings = self.services.settings
        before = dict(self._raw)
        keys = [key for key, _value in changes]
        if "home_currency" in keys and "min_wage" not in keys:
            keys.append("min_wage")  # changing the currency rewrites the wage's digits

        def do() -> bool:
            for key, value in changes:
                settings.set(key, value)
            return True

        def undo(_done: object) -> None:
            if "home_currency" in keys:
                settings.set("home_currency", before["home_currency"])
            for key in keys:
                if key != "home_currency":
                    settings.set(key, before[key])

        done = self.context.push(text, do, undo, {"settings"}) is not None
        self._raw = settings.raw()
        return done

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
            self.tr("The minimum wage of {country} is in {currency}, and your home currency "
                    "is {home}. Make {currency} your home currency too?").format(
                country=country, currency=wage.currency, home=home),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("wageCurrencyQuestion")
        box.setInformativeText(self.tr(
            "If you keep {home}, the figure is converted at your latest exchange rate for "
            "{currency}.").format(home=home, currency=wage.currency))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Yes.value:
            self._save([("home_currency", wage.currency), ("min_wage", wage.hourly)], text)
        elif answer == QMessageBox.StandardButton.No.value:
            converted = self._converted(wage, home)
            if converted is None:
                self._show_wage_hint(self.tr(
                    "There is no exchange rate for {currency} yet: add one below, or make "
                    "{currency} your home currency.").format(currency=wage.currency))
                return
            self._save([("min_wage", converted)], text)
        else:
            return
        for key in ("home_currency", "min_wage"):
            self._show_value(key, force=True)

    def _converted(self, wage: MinimumWage, home: str) -> str | None:
        ctx = self.services.ctx
        rate = self.services.rates.table(home).rate_on(
            wage.currency, local_date(ctx.clock.now(), ctx.zone))
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
            self.context.message.emit(
                self.tr("Could not open {folder}.").format(folder=folder))

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

        change = self.context.push(self.tr("Add an exchange rate"),
                                   lambda: rates.put(currency, rate, day), undo,
                                   {"exchange_rates"})
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

        self.context.push(self.tr("Delete an exchange rate"),
                          lambda: rates.delete(selected.id), undo, {"exchange_rates"})


__all__ = ["SettingsPage"]
