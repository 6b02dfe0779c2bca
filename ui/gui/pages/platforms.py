"""Platforms: how each platform treated you lately, its warnings, your limits, its history.

The figures and warnings are the report's (`ReportService.current()`): the
last `flag_window_days` ending now for the wage and the rejections, and the
state of things now (payouts waiting, money held) however old.

PlatformsPage is put together from mixins beside this file, one per part of the
page: platforms_table.py (the table of platforms and their figures),
platforms_detail.py (the selected platform's warnings, limits and account
history) and platforms_actions.py (what the buttons do, undoably). This file
lays the page out, reloads it, and follows the selected platform.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.services.records import EventInfo, PlatformInfo
from app.services.reports import PlatformReport
from app.services.settings import Settings
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page
from ui.gui.pages.payouts import page_title, wrapped
from ui.gui.pages.platforms_actions import PlatformsActionsMixin
from ui.gui.pages.platforms_detail import (
    EVENT_COLUMNS,
    FLAG_COLOURS,
    PlatformsDetailMixin,
    badge,
)
from ui.gui.pages.platforms_table import (
    COLUMNS,
    DARK_RED,
    FLAG_COLUMNS,
    FLAG_ROLE,
    GREEN,
    GREY,
    ORANGE,
    RED,
    PlatformsTableMixin,
)

__all__ = [
    "COLUMNS",
    "DARK_RED",
    "EVENT_COLUMNS",
    "FLAG_COLOURS",
    "FLAG_COLUMNS",
    "FLAG_ROLE",
    "GREEN",
    "GREY",
    "ORANGE",
    "RED",
    "PlatformsPage",
    "badge",
]


class PlatformsPage(
    PlatformsTableMixin,
    PlatformsDetailMixin,
    PlatformsActionsMixin,
    Page,
):
    """Every platform with its figures; the selected one's warnings, limits and events."""

    page_id = "platforms"
    tables = frozenset(
        {
            "platforms",
            "tasks",
            "work_sessions",
            "payouts",
            "account_events",
            "settings",
            "exchange_rates",
            "scam_signs",
        }
    )

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self._reports: list[PlatformReport] = []
        self._events: list[EventInfo] = []
        self._all_events: dict[str, list[EventInfo]] = {}
        self._slowest: dict[str, tuple[int, bool]] = {}
        self._settings: Settings | None = None
        self.flag_rows: list[tuple[QLabel, QLabel]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.title()))
        self.intro = wrapped(name="platformsIntro")
        layout.addWidget(self.intro)
        layout.addWidget(self._build_table())
        layout.addLayout(self._build_platform_buttons())
        layout.addWidget(self._build_detail(), 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Platforms")

    # -- building (the table and the detail box: their mixins) ----------------------------

    def _build_platform_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a platform…"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.edit_button = QPushButton(self.tr("Edi&t the platform…"))
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.archive_button = QPushButton(self.tr("A&rchive"))
        self.archive_button.clicked.connect(self.on_archive_clicked)
        self.show_archived = QCheckBox(self.tr("&Show archived platforms"))
        self.show_archived.toggled.connect(self.on_show_archived_toggled)
        for widget in (self.add_button, self.edit_button, self.archive_button):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.show_archived)
        row.addStretch(1)
        return row

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        services = self.services
        settings = services.settings.current()
        self._settings = settings
        days = settings.flag_window_days
        self.intro.setText(
            self.tr(
                "How each platform treated you over the last {days} days, counting the unpaid "
                "time spent searching, on qualifications and on messages. Choose a platform to "
                "see its warnings and its account history."
            ).format(days=days)
        )
        report = services.reports.current()
        now = services.ctx.clock.now()
        self._slowest = services.payouts.slowest(now - timedelta(days=days))
        self._all_events = {}
        for event in services.events.list():
            self._all_events.setdefault(event.platform, []).append(event)
        self._home = report.home_currency
        show_archived = self.show_archived.isChecked()
        self._reports = [p for p in report.platforms if show_archived or not p.platform.archived]
        self._fill_table()

    # -- the selected platform -------------------------------------------------------------

    def selected_report(self) -> PlatformReport | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._reports):
            return None
        return self._reports[rows[0].row()]

    def selected_platform(self) -> PlatformInfo | None:
        report = self.selected_report()
        return report.platform if report is not None else None

    def select_platform(self, name: str) -> None:
        for row, report in enumerate(self._reports):
            if report.platform.name == name:
                self.table.selectRow(row)
                return

    def on_table_item_selection_changed(self) -> None:
        report = self.selected_report()
        self.edit_button.setEnabled(report is not None)
        self.archive_button.setEnabled(report is not None)
        self.limits_button.setEnabled(report is not None)
        self.add_event_button.setEnabled(report is not None)
        if report is not None and report.platform.archived:
            self.archive_button.setText(self.tr("B&ring back"))
        else:
            self.archive_button.setText(self.tr("A&rchive"))
        self._show_detail(report)

    def on_show_archived_toggled(self, _checked: bool) -> None:
        self.refresh()
