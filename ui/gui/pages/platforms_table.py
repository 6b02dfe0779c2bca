"""The Platforms page's table: one row of figures per platform, its warnings marked in colour.

A mixin of PlatformsPage (platforms.py): its texts keep the "PlatformsPage" translation
context. Also the table's columns, the role that marks a warned cell, and the page's colours.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import numbers as babel_numbers
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.domain.flags import DAY, Flag
from app.services.records import PlatformInfo
from app.services.reports import PlatformReport
from app.services.settings import Settings
from ui.gui import formatting
from ui.gui.pages.base import Page
from ui.gui.pages.payouts import (
    ID_ROLE,
    LATE_BACKGROUND,
    LATE_FOREGROUND,
    delay_text,
    plain_table,
)

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object

FLAG_ROLE = Qt.ItemDataRole.UserRole + 2
RED = "#b3261e"
DARK_RED = "#8c1d18"
ORANGE = "#9a4a00"
GREY = "#5f6368"
GREEN = "#1f6f5c"
# Which column of the platforms table each warning is about.
FLAG_COLUMNS = {
    "low_wage": "wage",
    "high_rejection": "rejected",
    "slow_payout": "slowest",
    "overdue_review": "pending",
}
COLUMNS = ("platform", "wage", "hours", "unpaid", "rejected", "pending", "slowest", "warnings")


class PlatformsTableMixin(_Base):
    """Builds and fills the platforms table; words each platform's figures and warnings."""

    _reports: list[PlatformReport]
    _slowest: dict[str, tuple[int, bool]]
    _settings: Settings | None
    _home: str
    selected_platform: Callable[[], PlatformInfo | None]
    on_table_item_selection_changed: Callable[[], None]
    on_edit_clicked: Callable[[], None]

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("platformsTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PlatformsPage", "Platform"),
                QCoreApplication.translate("PlatformsPage", "Real hourly wage"),
                QCoreApplication.translate("PlatformsPage", "Hours worked"),
                QCoreApplication.translate("PlatformsPage", "Unpaid time"),
                QCoreApplication.translate("PlatformsPage", "Rejected"),
                QCoreApplication.translate("PlatformsPage", "Awaiting review"),
                QCoreApplication.translate("PlatformsPage", "Slowest payout"),
                QCoreApplication.translate("PlatformsPage", "Warnings"),
            ]
        )
        plain_table(self.table, QCoreApplication.translate("PlatformsPage", "Platforms"))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        self.table.setMinimumHeight(90)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self.table.activated.connect(self.on_edit_clicked)
        return self.table

    def _fill_table(self) -> None:
        selected = self.selected_platform()
        table = self.table
        table.clearContents()
        table.setRowCount(len(self._reports))
        warn_font = QFont(table.font())
        warn_font.setBold(True)
        for row, report in enumerate(self._reports):
            platform = report.platform
            codes = {flag.code for flag in report.flags}
            cells = self._figures(report)
            for column, (text, tooltip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, platform.id)
                if tooltip:
                    item.setToolTip(tooltip)
                key = COLUMNS[column]
                flagged = any(FLAG_COLUMNS.get(code) == key for code in codes)
                if key == "slowest" and self._slowest_is_late(platform):
                    flagged = True
                if key == "warnings" and report.flags:
                    flagged = True
                    item.setToolTip("\n".join(flag.message for flag in report.flags))
                item.setData(FLAG_ROLE, flagged)
                if flagged:
                    item.setBackground(QBrush(LATE_BACKGROUND))
                    item.setForeground(QBrush(LATE_FOREGROUND))
                    item.setFont(warn_font)
                elif key == "warnings":
                    item.setForeground(QBrush(QColor(GREEN)))
                if platform.archived:
                    item.setForeground(QBrush(QColor(GREY)))
                table.setItem(row, column, item)
        # First show the platform that needs attention most, then keep the user's choice.
        counts = [len(report.flags) for report in self._reports]
        target = counts.index(max(counts)) if counts else 0
        if selected is not None:
            for row, report in enumerate(self._reports):
                if report.platform.id == selected.id:
                    target = row
        table.resizeRowsToContents()
        self._fit_height(table)
        if self._reports:
            table.selectRow(target)
        self.on_table_item_selection_changed()

    @staticmethod
    def _fit_height(table: QTableWidget, most_rows: int = 8) -> None:
        """As tall as its rows (up to `most_rows`), so the detail below gets the room."""
        rows = sum(table.rowHeight(row) for row in range(min(table.rowCount(), most_rows)))
        header = table.horizontalHeader().sizeHint().height()
        scroll = table.horizontalScrollBar().sizeHint().height()
        table.setMaximumHeight(
            max(table.minimumHeight(), rows + header + scroll + 2 * table.frameWidth() + 4)
        )

    def _payout_limit(self, platform: PlatformInfo) -> int:
        if platform.max_payout_days is not None:
            return platform.max_payout_days
        return self._settings.max_payout_days if self._settings else 14

    def _slowest_is_late(self, platform: PlatformInfo) -> bool:
        found = self._slowest.get(platform.name)
        return found is not None and found[0] > self._payout_limit(platform) * DAY

    def _figures(self, report: PlatformReport) -> list[tuple[str, str]]:
        """Each column's text and tooltip for one platform."""
        tr = self.services.ctx.tr
        locale = tr.locale
        platform = report.platform
        time = report.time
        name = platform.name
        if platform.archived:
            name = QCoreApplication.translate("PlatformsPage", "{platform} (archived)").format(
                platform=platform.name
            )
        if report.home is None:
            wage = (
                "—",
                QCoreApplication.translate(
                    "PlatformsPage", "An exchange rate to {home} is missing."
                ).format(home=self._home),
            )
        elif report.home.effective_hourly is None:
            wage = ("—", QCoreApplication.translate("PlatformsPage", "No work time recorded."))
        else:
            wage = (
                formatting.hourly(report.home.effective_hourly, self._home, tr),
                QCoreApplication.translate(
                    "PlatformsPage",
                    "What you earned, less fees, divided by all the time you spent, paid or not.",
                ),
            )
        unpaid = ("—", "")
        if time.seconds_total:
            share = Decimal(time.seconds_unpaid) / Decimal(time.seconds_total)
            unpaid = (
                babel_numbers.format_percent(share, locale=locale),
                QCoreApplication.translate(
                    "PlatformsPage", "{time} unpaid: searching, qualifications, messages, payments."
                ).format(time=formatting.duration(time.seconds_unpaid)),
            )
        decided = report.totals.decided
        rejected_count = report.totals.counts.get("rejected", 0)
        rejected = ("—", QCoreApplication.translate("PlatformsPage", "No task decided yet."))
        if decided:
            rejected = (
                babel_numbers.format_percent(
                    Decimal(rejected_count) / Decimal(decided), "#,##0.#%", locale=locale
                ),
                QCoreApplication.translate(
                    "PlatformsPage", "{rejected} of {decided} decided tasks rejected."
                ).format(rejected=rejected_count, decided=decided),
            )
        pending_count = report.totals.counts.get("pending", 0)
        pending = (
            formatting.money(report.totals.pending_value, platform.currency, tr),
            QCoreApplication.translate(
                "PlatformsPage", "{count} tasks waiting for the requester's decision."
            ).format(count=pending_count),
        )
        slowest = ("—", QCoreApplication.translate("PlatformsPage", "No payout over this period."))
        found = self._slowest.get(platform.name)
        if found is not None:
            seconds, waiting = found
            text = delay_text(seconds, locale)
            if waiting:
                text = QCoreApplication.translate("PlatformsPage", "{delay}, still waiting").format(
                    delay=text
                )
            tooltip = ""
            if self._slowest_is_late(platform):
                tooltip = QCoreApplication.translate(
                    "PlatformsPage", "Longer than the {limit} days you accept from {platform}."
                ).format(limit=self._payout_limit(platform), platform=platform.name)
            slowest = (text, tooltip)
        warnings = (
            " · ".join(self.flag_name(flag, report) for flag in report.flags)
            if report.flags
            else QCoreApplication.translate("PlatformsPage", "None"),
            "",
        )
        return [
            (name, platform.url or ""),
            wage,
            (formatting.duration(time.seconds_total), ""),
            unpaid,
            rejected,
            pending,
            slowest,
            warnings,
        ]

    def flag_name(self, flag: Flag, report: PlatformReport) -> str:
        """A warning's short name, for its badge."""
        if flag.code == "withheld_balance":
            return QCoreApplication.translate("PlatformsPage", "Money held: {amount}").format(
                amount=formatting.money(
                    report.withheld, report.platform.currency, self.services.ctx.tr
                )
            )
        names = {
            "low_wage": QCoreApplication.translate("PlatformsPage", "Low wage"),
            "slow_payout": QCoreApplication.translate("PlatformsPage", "Slow payouts"),
            "high_rejection": QCoreApplication.translate("PlatformsPage", "Many rejections"),
            "overdue_review": QCoreApplication.translate("PlatformsPage", "Reviews overdue"),
            "missing_rate": QCoreApplication.translate("PlatformsPage", "Exchange rate missing"),
            "scam_risk": QCoreApplication.translate("PlatformsPage", "Scam warning"),
        }
        return names.get(flag.code, flag.code)
