"""The first-run welcome: the questions that set Clickwage up in a minute.

The language; the country, which proposes the home currency and the minimum wage (each shown
with its source and date, both editable); where the journal is kept and that nothing leaves
the computer; and the platforms to add from the catalogue. The platform list's texts are in
first_run_platforms.py, the lines saying where the currency and the wage come from in
first_run_sources.py; first_run.py opens this dialog and stores its answers.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel import numbers as babel_numbers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import Catalogue
from app.domain.errors import ClickwageError
from app.domain.minimum_wages import MINIMUM_WAGES
from app.domain.money import normalise_currency, parse_amount
from app.i18n import Translator, resolve_language, system_language
from app.services.catalogue import FirstRun, FirstRunChoices, HomeProposal
from ui.gui.dialogs.payout_dialogs import COMMON_CURRENCIES, error_label
from ui.gui.first_run_platforms import entry_details, entry_text
from ui.gui.first_run_sources import currency_source, wage_source

# Each language is named in itself, so that someone stuck in a language they cannot read
# still finds their own.
LANGUAGE_NAMES = (("en", "English"), ("fr", "Français"))
# Codes in CLDR's territory list that are not countries.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
NO_COUNTRY = ""


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _hint(text: str = "", name: str = "") -> QLabel:
    """A line of explanation a little smaller than the captions (never greyed out)."""
    label = _caption(text)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WelcomeDialog(QDialog):
    """The first-run questions. Nothing is written here: `choices()` is stored by the caller.

    Widgets the tests use: `language_combo`, `language_note`, `country_combo`,
    `currency_combo`, `currency_source`, `wage_edit`, `wage_source`, `folder_label`,
    `platform_list` (one checkable item per catalogue entry, its key in UserRole),
    `error`, `start_button`, `skip_button`.
    """

    def __init__(
        self,
        flow: FirstRun,
        catalogue: Catalogue,
        tr_core: Translator,
        data_folder: Path,
        *,
        language: str = "system",
        country: str | None = None,
        home_currency: str = "USD",
        min_wage: str = "",
        existing: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._flow = flow
        self._catalogue = catalogue
        self._tr_core = tr_core
        self._territories = Locale.parse(tr_core.locale).territories
        self.setWindowTitle(self.tr("Welcome to Clickwage"))
        self.setObjectName("welcomeDialog")
        self.error = error_label()

        heading = QLabel(self.tr("Welcome to Clickwage"))
        font = heading.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        heading.setFont(font)
        intro = _caption(
            self.tr(
                "Clickwage keeps a journal of your crowd work: the time it takes, what it pays, "
                "and your real hourly wage. A few questions to set it up; you can change every "
                "answer later in Settings."
            )
        )

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self._build_language(language))
        column.addWidget(self._build_money(country, home_currency, min_wage))
        column.addWidget(self._build_privacy(data_folder))
        column.addWidget(self._build_platforms(existing))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("&Start using Clickwage"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        self.skip_button = buttons.addButton(
            self.tr("S&kip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setToolTip(
            self.tr("Keep the defaults. You can come back here from Help ▸ Welcome and tour.")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addWidget(buttons)
        self.resize(680, 760)
        self.country_combo.setFocus()

    # -- building --------------------------------------------------------------------------

    def _build_language(self, language: str) -> QGroupBox:
        box = QGroupBox(self.tr("Language"))
        form = QFormLayout(box)
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
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        self.language_combo.currentIndexChanged.connect(self.on_language_combo_changed)
        self.language_note = _hint(
            self.tr("Clickwage will use this language the next time it starts."), "languageNote"
        )
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.language_note)
        self.on_language_combo_changed()
        return box

    def _build_money(self, country: str | None, home_currency: str, min_wage: str) -> QGroupBox:
        box = QGroupBox(self.tr("Your country, currency and minimum wage"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(
            _caption(
                self.tr(
                    "Clickwage warns you when a platform pays less than this hourly wage, "
                    "counting the unpaid time (searching, tests, messages)."
                )
            )
        )
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("countryCombo")
        self.country_combo.setAccessibleName(self.tr("Country"))
        self._fill_countries()
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("currencyCombo")
        self.currency_combo.setEditable(True)
        self.currency_combo.setAccessibleName(self.tr("Home currency"))
        self.currency_combo.addItems(list(dict.fromkeys([home_currency, *COMMON_CURRENCIES])))
        self.currency_combo.setCurrentText(home_currency)
        self.currency_source = _hint(name="currencySource")
        self.wage_edit = QLineEdit(self._display_amount(min_wage))
        self.wage_edit.setObjectName("wageEdit")
        self.wage_edit.setAccessibleName(self.tr("Minimum hourly wage"))
        self.wage_unit = QLabel()
        self.wage_source = _hint(name="wageSource")
        wage_row = QHBoxLayout()
        wage_row.addWidget(self.wage_edit, 1)
        wage_row.addWidget(self.wage_unit)
        form.addRow(self.tr("&Country"), self.country_combo)
        form.addRow(self.tr("&Home currency"), self.currency_combo)
        form.addRow(self.currency_source)
        wage_label = QLabel(self.tr("&Minimum wage"))
        wage_label.setBuddy(self.wage_edit)
        form.addRow(wage_label, wage_row)
        form.addRow(self.wage_source)
        self.currency_combo.currentTextChanged.connect(self.on_currency_combo_text_changed)
        self.wage_edit.textEdited.connect(self.on_wage_edit_text_edited)

        wanted = (country or "").upper()
        index = self.country_combo.findData(wanted) if wanted else -1
        self.country_combo.setCurrentIndex(max(index, 0))
        self.country_combo.currentIndexChanged.connect(self.on_country_combo_changed)
        if index > 0 and not self._flow.done():
            # First start: propose the country's figures. Later, keep the user's own.
            self._apply(self._flow.proposal(wanted))
        self.on_currency_combo_text_changed(self.currency_combo.currentText())
        return box

    def _fill_countries(self) -> None:
        """The countries of the minimum-wage table first, then every other one."""
        self.country_combo.addItem(self.tr("Choose your country"), NO_COUNTRY)
        tabled = sorted({row.country for row in MINIMUM_WAGES}, key=self._country_name)
        for code in tabled:
            self.country_combo.addItem(self._country_name(code), code)
        self.country_combo.insertSeparator(self.country_combo.count())
        codes = [str(code) for code in self._territories]
        others = sorted(
            (
                code
                for code in codes
                if len(code) == 2
                and code.isalpha()
                and code not in NOT_COUNTRIES
                and code not in tabled
            ),
            key=self._country_name,
        )
        for code in others:
            self.country_combo.addItem(self._country_name(code), code)

    def _build_privacy(self, data_folder: Path) -> QGroupBox:
        box = QGroupBox(self.tr("Your data stays with you"))
        column = QVBoxLayout(box)
        column.addWidget(
            _caption(self.tr("Your journal is kept on this computer, in this folder:"))
        )
        self.folder_label = QLabel(str(data_folder))
        self.folder_label.setObjectName("dataFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.folder_label.font()
        font.setBold(True)
        self.folder_label.setFont(font)
        column.addWidget(self.folder_label)
        column.addWidget(
            _caption(
                self.tr(
                    "Clickwage never connects to the internet: nothing you record leaves this "
                    "computer unless you print it or save a file yourself."
                )
            )
        )
        return box

    def _build_platforms(self, existing: frozenset[str]) -> QGroupBox:
        box = QGroupBox(self.tr("The platforms you work on"))
        column = QVBoxLayout(box)
        column.addWidget(
            _caption(
                self.tr(
                    "Tick them: each one is added with its currency and its own review and "
                    "payout delays, from Clickwage's catalogue (hover for the details and their "
                    "sources). Add others later on the Platforms page."
                )
            )
        )
        self.platform_list = QListWidget()
        self.platform_list.setObjectName("platformList")
        self.platform_list.setAccessibleName(self.tr("Platforms"))
        self.platform_list.setAlternatingRowColors(True)
        for entry in self._catalogue.platforms:
            item = QListWidgetItem(entry_text(entry, entry.key in existing))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(entry_details(entry, self._tr_core))
            if entry.key in existing:
                item.setCheckState(Qt.CheckState.Checked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setCheckState(Qt.CheckState.Unchecked)
            self.platform_list.addItem(item)
        self.platform_list.itemActivated.connect(self.on_platform_list_item_activated)
        rows = min(len(self._catalogue.platforms), 10)
        self.platform_list.setMinimumHeight(self.platform_list.sizeHintForRow(0) * rows + 8)
        column.addWidget(self.platform_list)
        return box

    # -- texts -----------------------------------------------------------------------------

    def _country_name(self, code: str) -> str:
        return str(self._territories.get(code, code))

    def _display_amount(self, stored: str | None) -> str:
        """12.02 as the user's language writes it (12,02 in French)."""
        if not stored:
            return ""
        return stored.replace(".", str(babel_numbers.get_decimal_symbol(self._tr_core.locale)))

    def _show_sources(self) -> None:
        """Say where the values in the fields come from (they may have been typed)."""
        code = self.country()
        country = self._country_name(code) if code else ""
        currency = self.currency_combo.currentText().strip().upper()
        proposal = self._flow.proposal(code)
        self.currency_source.setText(currency_source(proposal, code, country, currency))
        self.wage_source.setText(
            wage_source(
                self.wage_edit.text().strip(),
                currency,
                country,
                self._tr_core,
                self._country_name,
            )
        )

    # -- slots -----------------------------------------------------------------------------

    def on_language_combo_changed(self, _index: int = 0) -> None:
        wanted = resolve_language(self.language())
        self.language_note.setVisible(wanted != self._tr_core.language)

    def on_country_combo_changed(self, _index: int = 0) -> None:
        self._apply(self._flow.proposal(self.country()))

    def _apply(self, proposal: HomeProposal) -> None:
        self.currency_combo.setCurrentText(proposal.currency)
        if proposal.min_wage is not None:
            self.wage_edit.setText(self._display_amount(proposal.min_wage))
        elif proposal.currency_origin != "current":
            self.wage_edit.clear()
        self._show_sources()
        self.error.hide()

    def on_currency_combo_text_changed(self, text: str) -> None:
        self.wage_unit.setText(self.tr("{currency} an hour").format(currency=text.strip().upper()))
        self._show_sources()

    def on_wage_edit_text_edited(self, _text: str) -> None:
        self._show_sources()

    def on_platform_list_item_activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # -- answers ---------------------------------------------------------------------------

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def country(self) -> str | None:
        return str(self.country_combo.currentData() or "") or None

    def picked(self) -> tuple[str, ...]:
        """The catalogue keys newly ticked (platforms already added are left alone)."""
        keys = []
        for row in range(self.platform_list.count()):
            item = self.platform_list.item(row)
            enabled = bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
            if enabled and item.checkState() == Qt.CheckState.Checked:
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(keys)

    def choices(self) -> FirstRunChoices:
        return FirstRunChoices(
            language=self.language(),
            country=self.country(),
            home_currency=self.currency_combo.currentText().strip().upper(),
            min_wage=self.wage_edit.text().strip(),
            platforms=self.picked(),
        )

    def accept(self) -> None:
        tr = self._tr_core
        choices = self.choices()
        try:
            currency = normalise_currency(choices.home_currency, tr)
        except ClickwageError as error:
            self._refuse(str(error), self.currency_combo)
            return
        if not choices.min_wage:
            self._refuse(
                self.tr("Type a minimum hourly wage (the lowest pay you accept will do)."),
                self.wage_edit,
            )
            return
        try:
            parse_amount(choices.min_wage, currency, tr, what=tr.gettext("minimum wage"))
            self._flow.check(choices)
        except ClickwageError as error:
            self._refuse(str(error), self.wage_edit)
            return
        super().accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()
