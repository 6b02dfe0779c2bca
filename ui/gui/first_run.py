"""The first start: a welcome that sets Clickwage up in a minute, then a three-step tour.

The welcome asks the language; the country, which proposes the home currency and the
minimum wage (each shown with its source and date, both editable); says where the journal is
kept and that nothing leaves the computer; and lets the user pick their platforms from the
catalogue. Then a small window walks through Today, Ledger and Evidence.

Both can be skipped, and nothing is asked twice: the answer (or the skip) is stored with the
settings. `show_welcome()` opens them again on request (Help menu).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel import numbers as babel_numbers
from PySide6.QtCore import QPoint, Qt
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
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import Catalogue, PlatformEntry
from app.domain.errors import ClickwageError
from app.domain.minimum_wages import MINIMUM_WAGES
from app.domain.money import normalise_currency, parse_amount
from app.i18n import Translator, resolve_language, system_country, system_language
from app.services.catalogue import (
    CatalogueService,
    FirstRun,
    FirstRunChoices,
    HomeProposal,
    cldr_version,
)
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.dialogs.payout_dialogs import COMMON_CURRENCIES, error_label

if TYPE_CHECKING:
    from ui.gui.main_window import MainWindow

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
                if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
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
            item = QListWidgetItem(self._entry_text(entry, entry.key in existing))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(self._entry_details(entry))
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

    def _entry_text(self, entry: PlatformEntry, added: bool) -> str:
        facts = []
        codes = entry.currencies.value or ()
        if codes:
            facts.append(" / ".join(codes))
        days = entry.review_days_limit()
        if days is not None:
            facts.append(self.tr("reviews within {days} days").format(days=days))
        text = entry.label + (f" — {', '.join(facts)}" if facts else "")
        return self.tr("{platform} (already added)").format(platform=text) if added else text

    def _entry_details(self, entry: PlatformEntry) -> str:
        """The main facts with their sources and dates (tooltip)."""
        core = self._tr_core
        lines = [f"<b>{html.escape(entry.label)}</b>"]
        for title, fact in (
            (self.tr("Currency"), entry.currencies),
            (self.tr("Minimum payout"), entry.minimum_payout),
            (self.tr("Payout schedule"), entry.payout_schedule),
            (self.tr("Review window (days)"), entry.review_days),
            (self.tr("Payout delay (days)"), entry.payout_days),
        ):
            if fact.value is None:
                value = self.tr("unknown")
            elif isinstance(fact.value, tuple):
                value = ", ".join(str(v) for v in fact.value) or "—"
            else:
                value = core.gettext(str(fact.value))
            marker = f" [{self._marker(fact.marker)}]" if fact.marker else ""
            lines.append(
                html.escape(
                    self.tr("{title}: {value}{marker} — source: {source}, {date}").format(
                        title=title, value=value, marker=marker, source=fact.source,
                        date=fact.date,
                    )
                )
            )
        return "<br>".join(lines)

    def _marker(self, marker: str) -> str:
        return {
            "unverified": self.tr("unverified"),
            "dated": self.tr("old source"),
            "derived": self.tr("worked out from the sources"),
            "unknown": self.tr("unknown"),
        }.get(marker, marker)

    def _show_sources(self) -> None:
        """Say where the values in the fields come from (they may have been typed)."""
        code = self.country()
        country = self._country_name(code) if code else ""
        currency = self.currency_combo.currentText().strip().upper()
        proposal = self._flow.proposal(code)
        if proposal.currency == currency and proposal.currency_origin == "minimum_wages":
            currency_text = self.tr("The currency of the minimum wage of {country}.").format(
                country=country
            )
        elif proposal.currency == currency and proposal.currency_origin == "cldr":
            currency_text = self.tr(
                "The currency of {country}. Source: Unicode CLDR {version}."
            ).format(country=country, version=cldr_version())
        elif code and proposal.currency_origin != "current":
            currency_text = self.tr("Your own choice.")
        else:
            currency_text = self.tr("Your current home currency.")
        self.currency_source.setText(currency_text)
        self.wage_source.setText(self._wage_source(currency, country))

    def _wage_source(self, currency: str, country: str) -> str:
        typed = self.wage_edit.text().strip()
        if not typed:
            if country:
                return self.tr(
                    "Clickwage has no minimum wage for {country} yet: type the legal hourly "
                    "minimum where you live, or the lowest hourly pay you accept."
                ).format(country=country)
            return self.tr(
                "Choose your country to see its minimum wage, or type the lowest hourly pay "
                "you accept."
            )
        try:
            minor = parse_amount(typed, currency, self._tr_core)
        except ClickwageError:
            return self.tr("Your own figure.")
        for wage in sorted(MINIMUM_WAGES, key=lambda row: row.since, reverse=True):
            if wage.currency == currency and parse_amount(
                wage.hourly, currency, self._tr_core
            ) == minor:
                text = self.tr("{country}: {amount} an hour, since {date}.").format(
                    country=self._country_name(wage.country),
                    amount=formatting.money(minor, currency, self._tr_core),
                    date=wage.since.isoformat(),
                )
                if wage.note:
                    text += f" ({wage.note})"
                return text + "\n" + self.tr("Source: {source}").format(source=wage.source)
        return self.tr("Your own figure.")

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
        self.wage_unit.setText(
            self.tr("{currency} an hour").format(currency=text.strip().upper())
        )
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


# -- the tour --------------------------------------------------------------------------------


class TourDialog(QDialog):
    """Three steps, each showing one page of the main window with a few words about it.

    Not modal: the user can look at (and use) the page while it is open.
    Widgets the tests use: `step_label`, `text_label`, `next_button`, `skip_button`; `step`.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("tourDialog")
        self.setWindowTitle(self.tr("A quick tour"))
        self.setModal(False)
        self.steps = [
            (page_id, text)
            for page_id, text in (
                (
                    "today",
                    self.tr(
                        "Start the timer when you start working, and say what you are doing: "
                        "tasks, searching for work, qualification tests, messages or payments. "
                        "Unpaid time counts in your real hourly wage. Note each task here as "
                        "you submit it."
                    ),
                ),
                (
                    "ledger",
                    self.tr(
                        "Every task you have recorded, with its reward and its status. When a "
                        "platform approves, rejects or returns a task, change its status here; "
                        "select several rows to change them at once."
                    ),
                ),
                (
                    "evidence",
                    self.tr(
                        "When a platform does not pay, choose it and a period: print or save a "
                        "report that its support, a labour inspector, a union or a court can "
                        "read, and ready-made letters."
                    ),
                ),
            )
            if any(page.page_id == page_id for page in window.pages)
        ]
        self.step = -1
        self.step_label = QLabel()
        self.step_label.setObjectName("tourStep")
        font = self.step_label.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.step_label.setFont(font)
        self.text_label = QLabel()
        self.text_label.setObjectName("tourText")
        self.text_label.setWordWrap(True)
        self.text_label.setMinimumWidth(340)
        self.skip_button = QPushButton(self.tr("S&kip the tour"))
        self.skip_button.clicked.connect(self.finish)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.addWidget(self.step_label)
        column.addWidget(self.text_label, 1)
        column.addLayout(buttons)
        self.setFixedWidth(420)

    def start(self) -> None:
        if not self.steps:
            self.finish()
            return
        self.step = -1
        self.on_next_button_clicked()
        self.show()
        self._place()

    def on_next_button_clicked(self) -> None:
        if self.step + 1 >= len(self.steps):
            self.finish()
            return
        self.step += 1
        page_id, text = self.steps[self.step]
        page = self._window.page(page_id)
        self._window.show_page(self._window.pages.index(page))
        self.step_label.setText(
            self.tr("{step} of {total} — {page}").format(
                step=self.step + 1, total=len(self.steps), page=page.title()
            )
        )
        self.text_label.setText(text)
        last = self.step + 1 == len(self.steps)
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.skip_button.setVisible(not last)

    def finish(self) -> None:
        """End the tour on Today, where work starts."""
        if any(page.page_id == "today" for page in self._window.pages):
            self._window.show_page(self._window.pages.index(self._window.page("today")))
        self.close()
        self.deleteLater()

    def _place(self) -> None:
        """Bottom right of the window, over the page rather than the navigation."""
        self.adjustSize()
        frame = self._window.frameGeometry()
        corner = frame.bottomRight() - QPoint(self.width() + 32, self.height() + 48)
        self.move(max(corner.x(), frame.left()), max(corner.y(), frame.top()))


# -- running it ------------------------------------------------------------------------------


def maybe_run_first_run(window: MainWindow, context: GuiContext) -> None:
    """On the first start of a new journal, open the welcome (then the tour). Call it after
    the window is shown; it returns at once."""
    service = CatalogueService.for_services(context.services)
    if context.run(service.needs_first_run):
        show_welcome(window, context)


def show_welcome(window: MainWindow, context: GuiContext) -> WelcomeDialog:
    """Open the welcome with the current answers (first start, or Help ▸ Welcome and tour)."""
    services = context.services
    service = CatalogueService.for_services(services)
    flow = service.first_run()
    raw = services.settings.raw()
    dialog = WelcomeDialog(
        flow,
        service.catalogue,
        services.ctx.tr,
        services.ctx.db.path.parent,
        language=raw["language"],
        country=service.country() or system_country(),
        home_currency=raw["home_currency"],
        min_wage=raw["min_wage"],
        existing=frozenset(service.existing_keys()),
        parent=window,
    )
    dialog.finished.connect(
        lambda result: on_welcome_finished(window, context, dialog, flow, result)
    )
    dialog.open()
    return dialog


def on_welcome_finished(
    window: MainWindow, context: GuiContext, dialog: WelcomeDialog, flow: FirstRun, result: int
) -> TourDialog | None:
    dialog.deleteLater()
    if result != QDialog.DialogCode.Accepted.value:
        context.run(flow.skip)
        return None
    choices = dialog.choices()
    added = context.run(lambda: flow.complete(choices), {"settings", "platforms"})
    if added is None:
        return None
    if resolve_language(choices.language) != context.services.ctx.tr.language:
        context.message.emit(dialog.language_note.text())
    tour = TourDialog(window)
    tour.start()
    return tour


__all__ = ["TourDialog", "WelcomeDialog", "maybe_run_first_run", "show_welcome"]
