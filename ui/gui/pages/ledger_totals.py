"""The Ledger's totals line: how many tasks the filter shows, and what they earned.

A mixin of LedgerPage (ledger.py): its texts keep the "LedgerPage" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

from app.services.ledger_query import LedgerTotals
from ui.gui import formatting
from ui.gui.models.ledger_model import LedgerModel
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


def _number(count: int) -> str:
    """A count in the window's language (1,000,000 / 1 000 000)."""
    return QLocale().toString(count)


class LedgerTotalsMixin(_Base):
    """Writes the count and the money of the filtered tasks under the table."""

    model: LedgerModel
    totals_label: QLabel

    def show_totals(self) -> None:
        model = self.model
        if model.busy:
            self.totals_label.setText(QCoreApplication.translate("LedgerPage", "Counting…"))
            return
        count = model.rowCount()
        tasks = (
            QCoreApplication.translate("LedgerPage", "1 task")
            if count == 1
            else QCoreApplication.translate("LedgerPage", "{count} tasks").format(
                count=_number(count)
            )
        )
        totals = model.totals
        if totals is None:
            self.totals_label.setText(
                tasks + " · " + QCoreApplication.translate("LedgerPage", "adding up…")
            )
            return
        parts = [tasks, self._money_parts(totals)]
        if model.totals_busy:
            parts.append(QCoreApplication.translate("LedgerPage", "converting…"))
        self.totals_label.setText(" · ".join(parts))
        self.totals_label.setAccessibleName(self.totals_label.text())

    def _tr(self) -> Any:
        return self.services.ctx.tr

    def _money_parts(self, totals: LedgerTotals) -> str:
        tr = self._tr()
        if totals.home is not None:
            home = totals.home_currency
            text = QCoreApplication.translate(
                "LedgerPage", "earned {earned} · pending {pending} · rejected {rejected}"
            ).format(
                earned=formatting.money(totals.home.earned, home, tr),
                pending=formatting.money(totals.home.pending_value, home, tr),
                rejected=formatting.money(totals.home.rejected_value, home, tr),
            )
            if any(code != home for code in totals.by_currency):
                text += " " + QCoreApplication.translate(
                    "LedgerPage", "(converted to {currency})"
                ).format(currency=home)
            return text
        if not totals.by_currency:
            return QCoreApplication.translate("LedgerPage", "nothing earned yet")

        def joined(name: str) -> str:
            return " + ".join(
                formatting.money(getattr(money, name), code, tr)
                for code, money in totals.by_currency.items()
            )

        text = QCoreApplication.translate(
            "LedgerPage", "earned {earned} · pending {pending} · rejected {rejected}"
        ).format(
            earned=joined("earned"),
            pending=joined("pending_value"),
            rejected=joined("rejected_value"),
        )
        if totals.missing_rates:
            note = QCoreApplication.translate(
                "LedgerPage", "(no exchange rate for {currencies}: add one in Settings)"
            )
            text += " " + note.format(currencies=", ".join(totals.missing_rates))
        return text
