"""The Ledger's filter row: platform, status, period (or two dates) and the search box.

A mixin of LedgerPage (ledger.py): its texts keep the "LedgerPage" translation context.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QProgressBar

from app.domain.localtime import local_date, next_month
from app.domain.statuses import TaskStatus
from app.services.ledger_query import LedgerFilter
from ui.gui.labels import status_label
from ui.gui.models.ledger_model import LedgerModel
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class LedgerFiltersMixin(_Base):
    """Builds the filter row and turns it into the LedgerFilter the model shows."""

    model: LedgerModel
    hint_label: QLabel
    _search_timer: QTimer

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.platform_filter = QComboBox()
        self.platform_filter.setAccessibleName(
            QCoreApplication.translate("LedgerPage", "Show tasks of platform")
        )
        self.platform_filter.addItem(
            QCoreApplication.translate("LedgerPage", "All platforms"), None
        )
        self.platform_filter.activated.connect(self.on_filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(
            QCoreApplication.translate("LedgerPage", "Show tasks with status")
        )
        self.status_filter.addItem(QCoreApplication.translate("LedgerPage", "All statuses"), None)
        for status in TaskStatus:
            self.status_filter.addItem(status_label(status.value), status.value)
        self.status_filter.activated.connect(self.on_filter_changed)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(QCoreApplication.translate("LedgerPage", "Period"))
        for key, caption in (
            ("all", QCoreApplication.translate("LedgerPage", "All time")),
            ("today", QCoreApplication.translate("LedgerPage", "Today")),
            ("week", QCoreApplication.translate("LedgerPage", "Last 7 days")),
            ("month", QCoreApplication.translate("LedgerPage", "This month")),
            ("last_month", QCoreApplication.translate("LedgerPage", "Last month")),
            ("year", QCoreApplication.translate("LedgerPage", "This year")),
            ("custom", QCoreApplication.translate("LedgerPage", "Between dates")),
        ):
            self.period_filter.addItem(caption, key)
        self.period_filter.activated.connect(self.on_period_filter_activated)
        today = self._today()
        self.first_day = self._date_edit(
            QCoreApplication.translate("LedgerPage", "From date"), today.replace(day=1)
        )
        self.last_day = self._date_edit(QCoreApplication.translate("LedgerPage", "To date"), today)
        self.search = QLineEdit()
        self.search.setObjectName("ledgerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            QCoreApplication.translate("LedgerPage", "Search id, title, requester (Ctrl+F)")
        )
        self.search.setAccessibleName(QCoreApplication.translate("LedgerPage", "Search tasks"))
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_timer_timeout)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(70)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("LedgerPage", "Loading"))
        self.busy_bar.hide()
        for caption, widget in (
            (QCoreApplication.translate("LedgerPage", "&Platform"), self.platform_filter),
            (QCoreApplication.translate("LedgerPage", "S&tatus"), self.status_filter),
            (QCoreApplication.translate("LedgerPage", "P&eriod"), self.period_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        self.dates_dash = QLabel("–")
        self.dates_dash.setVisible(False)
        row.addWidget(self.first_day)
        row.addWidget(self.dates_dash)
        row.addWidget(self.last_day)
        row.addWidget(self.search, 1)
        row.addWidget(self.busy_bar)
        return row

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        edit.setVisible(False)
        edit.dateChanged.connect(self.on_date_changed)
        return edit

    def _fill_platforms(self) -> None:
        combo = self.platform_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(QCoreApplication.translate("LedgerPage", "All platforms"), None)
        for platform in self.services.platforms.list():
            combo.addItem(platform.name, platform.id)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if current is not None and found < 0:
            self.apply_filters()

    def _today(self) -> date:
        ctx = self.services.ctx
        return local_date(ctx.clock.now(), ctx.zone)

    def current_filter(self) -> LedgerFilter:
        first, last = self._period()
        return LedgerFilter(
            platform_id=self.platform_filter.currentData(),
            status=self.status_filter.currentData(),
            first_day=first,
            last_day=last,
            text=self.search.text().strip(),
        )

    def _period(self) -> tuple[date | None, date | None]:
        key = self.period_filter.currentData()
        today = self._today()
        if key == "today":
            return today, today
        if key == "week":
            return today - timedelta(days=6), today
        if key == "month":
            first = today.replace(day=1)
            return first, next_month(first) - timedelta(days=1)
        if key == "last_month":
            end = today.replace(day=1)
            return (end - timedelta(days=1)).replace(day=1), end - timedelta(days=1)
        if key == "year":
            return date(today.year, 1, 1), date(today.year, 12, 31)
        if key == "custom":
            first_day = self.first_day.date().toPython()
            last_day = self.last_day.date().toPython()
            assert isinstance(first_day, date) and isinstance(last_day, date)
            return (first_day, last_day) if first_day <= last_day else (last_day, first_day)
        return None, None

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.hint_label.clear()
        self.model.set_filter(self.current_filter())

    def on_filter_changed(self, _index: int = 0) -> None:
        self.apply_filters()

    def on_period_filter_activated(self, _index: int) -> None:
        custom = self.period_filter.currentData() == "custom"
        first, last = self._period()
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.setVisible(custom)
            if day is not None and not custom:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.dates_dash.setVisible(custom)
        self.period_filter.setToolTip(
            QCoreApplication.translate("LedgerPage", "From {first} to {last}").format(
                first=first, last=last
            )
            if first
            else ""
        )
        self.apply_filters()

    def on_date_changed(self, _day: QDate) -> None:
        if self.period_filter.currentData() == "custom":
            self.apply_filters()

    def on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def on_search_timer_timeout(self) -> None:
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
