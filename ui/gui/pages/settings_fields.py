"""The Settings page's fields: the layout helpers, one row per setting, checking what the
user types with the service's own parsing, and saving a field as one undoable edit.

A mixin of SettingsPage (settings.py): its texts keep the "SettingsPage" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import numbers as babel_numbers
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.domain.errors import ClickwageError, InvalidInput
from app.domain.money import format_plain, normalise_currency, parse_amount, parse_decimal
from app.i18n import Translator
from app.services.settings import SPEC_BY_KEY
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object

ERROR_STYLE = "color: #b3261e;"
FIELD_ERROR_STYLE = "border: 2px solid #b3261e;"


class SettingsFieldsMixin(_Base):
    """Builds the rows of the settings, shows their stored values and saves what is typed."""

    fields: dict[str, QLineEdit]
    errors: dict[str, QLabel]
    _shown: dict[str, str]
    _raw: dict[str, str]

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

    def _add_field(
        self,
        grid: QGridLayout,
        key: str,
        caption: str,
        unit: QLabel | None = None,
        help_text: str = "",
    ) -> None:
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

    # -- showing the stored values ---------------------------------------------------------

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
            raise InvalidInput(
                tr.gettext("{what} {value!r} must be a whole number.").format(what=what, value=text)
            )
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
            self._save(
                [(key, stored)],
                QCoreApplication.translate("SettingsPage", "Change “{setting}”").format(
                    setting=self._spec_title(key)
                ),
            )
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
