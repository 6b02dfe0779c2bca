"""The Platforms page's detail of the selected platform: warnings, limits, account history.

A mixin of PlatformsPage (platforms.py): its texts keep the "PlatformsPage" translation
context. Also the warning badges (`badge`) and their colours.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import numbers as babel_numbers
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.flags import Flag
from app.services.records import EventInfo, PlatformInfo
from app.services.reports import PlatformReport
from app.services.settings import Settings
from ui.gui import formatting
from ui.gui.labels import event_label
from ui.gui.pages.base import Page
from ui.gui.pages.payouts import ID_ROLE, plain_table, wrapped
from ui.gui.pages.platforms_table import DARK_RED, GREEN, GREY, ORANGE, RED

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object

FLAG_COLOURS = {
    "low_wage": RED,
    "high_rejection": RED,
    "withheld_balance": DARK_RED,
    "scam_risk": "#5c0a0a",
    "slow_payout": ORANGE,
    "overdue_review": ORANGE,
    "missing_rate": GREY,
}
EVENT_COLUMNS = ("at", "kind", "amount", "note")


def badge(text: str, colour: str, name: str) -> QLabel:
    """A small coloured label with white bold text: one warning's short name."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(text)
    label.setStyleSheet(
        f"QLabel#{name} {{ background: {colour}; color: white; font-weight: bold; "
        "border-radius: 9px; padding: 3px 10px; }"
    )
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class PlatformsDetailMixin(_Base):
    """Builds and fills the box under the table, about the platform chosen in it."""

    _settings: Settings | None
    _events: list[EventInfo]
    _all_events: dict[str, list[EventInfo]]
    flag_rows: list[tuple[QLabel, QLabel]]
    flag_name: Callable[[Flag, PlatformReport], str]
    on_limits_clicked: Callable[[], None]
    on_signs_clicked: Callable[[], None]
    on_add_event_clicked: Callable[[], None]
    on_edit_event_clicked: Callable[[], None]
    on_delete_event_clicked: Callable[[], None]

    def _build_detail(self) -> QGroupBox:
        self.detail = QGroupBox()
        self.detail.setObjectName("platformDetail")
        column = QVBoxLayout(self.detail)
        self.detail_heading = QLabel()
        self.detail_heading.setObjectName("detailHeading")
        heading_font = self.detail_heading.font()
        heading_font.setPointSize(heading_font.pointSize() + 3)
        heading_font.setBold(True)
        self.detail_heading.setFont(heading_font)
        column.addWidget(self.detail_heading)
        self.flags_box = QVBoxLayout()
        column.addLayout(self.flags_box)
        self.low_hours_note = wrapped(name="lowHoursNote")
        column.addWidget(self.low_hours_note)
        limits = QHBoxLayout()
        self.limits_label = wrapped(name="limitsLabel")
        self.limits_button = QPushButton(
            QCoreApplication.translate("PlatformsPage", "Change &limits…")
        )
        self.limits_button.clicked.connect(self.on_limits_clicked)
        limits.addWidget(self.limits_label, 1)
        limits.addWidget(self.limits_button, 0, Qt.AlignmentFlag.AlignTop)
        self.signs_button = QPushButton(
            QCoreApplication.translate("PlatformsPage", "&Warning signs…")
        )
        self.signs_button.setAccessibleName(
            QCoreApplication.translate("PlatformsPage", "Record scam warning signs")
        )
        self.signs_button.clicked.connect(self.on_signs_clicked)
        limits.addWidget(self.signs_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(limits)
        heading = QLabel(QCoreApplication.translate("PlatformsPage", "Account history"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        self.no_events = wrapped(
            QCoreApplication.translate(
                "PlatformsPage",
                "Nothing recorded yet. Add an event when the platform suspends or closes your "
                "account, holds your money, or writes to you: it becomes evidence.",
            ),
            "noEvents",
        )
        column.addWidget(self.no_events)
        events = QHBoxLayout()
        self.events_table = QTableWidget(0, len(EVENT_COLUMNS))
        self.events_table.setObjectName("eventsTable")
        self.events_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PlatformsPage", "When"),
                QCoreApplication.translate("PlatformsPage", "What happened"),
                QCoreApplication.translate("PlatformsPage", "Amount"),
                QCoreApplication.translate("PlatformsPage", "Note"),
            ]
        )
        plain_table(
            self.events_table, QCoreApplication.translate("PlatformsPage", "Account history")
        )
        self.events_table.setMinimumHeight(90)
        self.events_table.itemSelectionChanged.connect(self.on_events_selection_changed)
        self.events_table.activated.connect(self.on_edit_event_clicked)
        buttons = QVBoxLayout()
        self.add_event_button = QPushButton(
            QCoreApplication.translate("PlatformsPage", "Add an account e&vent…")
        )
        self.add_event_button.clicked.connect(self.on_add_event_clicked)
        self.edit_event_button = QPushButton(
            QCoreApplication.translate("PlatformsPage", "C&orrect the event…")
        )
        self.edit_event_button.clicked.connect(self.on_edit_event_clicked)
        self.delete_event_button = QPushButton(
            QCoreApplication.translate("PlatformsPage", "&Delete the event")
        )
        self.delete_event_button.clicked.connect(self.on_delete_event_clicked)
        for button in (self.add_event_button, self.edit_event_button, self.delete_event_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        events.addWidget(self.events_table, 1)
        events.addLayout(buttons)
        column.addLayout(events, 1)
        return self.detail

    def _show_detail(self, report: PlatformReport | None) -> None:
        self._clear_flags()
        if report is None:
            self.detail_heading.setText(
                QCoreApplication.translate("PlatformsPage", "No platform yet")
            )
            self.limits_label.setText(
                QCoreApplication.translate(
                    "PlatformsPage",
                    "Add the platforms you work on to follow your real wage on each.",
                )
            )
            self.low_hours_note.hide()
            self._fill_events([])
            return
        name = report.platform.name
        self.detail_heading.setText(
            QCoreApplication.translate("PlatformsPage", "{platform}: warnings and history").format(
                platform=name
            )
        )
        self._fill_flags(report)
        self._fill_low_hours_note(report)
        self.limits_label.setText(self.limits_text(report.platform))
        self._fill_events(list(reversed(self._all_events.get(name, []))))

    def _clear_flags(self) -> None:
        while self.flags_box.count():
            item = self.flags_box.takeAt(0)
            layout = item.layout() if item is not None else None
            if layout is None:
                break
            while layout.count():
                child = layout.takeAt(0)
                widget = child.widget() if child is not None else None
                if widget is not None:
                    # Hidden now: deletion waits for the event loop, painting would not.
                    widget.hide()
                    widget.deleteLater()
            layout.deleteLater()
        self.flag_rows = []

    def _fill_flags(self, report: PlatformReport) -> None:
        days = self._settings.flag_window_days if self._settings else 30
        if not report.flags:
            rows = [
                (
                    QCoreApplication.translate("PlatformsPage", "No warning"),
                    GREEN,
                    "flagBadge_none",
                    QCoreApplication.translate(
                        "PlatformsPage",
                        "Nothing on {platform} went past your limits over the last {days} days.",
                    ).format(platform=report.platform.name, days=days),
                )
            ]
        else:
            rows = [
                (
                    self.flag_name(flag, report),
                    FLAG_COLOURS.get(flag.code, GREY),
                    f"flagBadge_{flag.code}",
                    flag.message,
                )
                for flag in report.flags
            ]
        for text, colour, name, sentence in rows:
            line = QHBoxLayout()
            label = badge(text, colour, name)
            message = wrapped(sentence, f"flagMessage_{name.removeprefix('flagBadge_')}")
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(message, 1)
            self.flags_box.addLayout(line)
            self.flag_rows.append((label, message))

    def _fill_low_hours_note(self, report: PlatformReport) -> None:
        settings = self._settings
        seconds = report.time.seconds_total
        needed = settings.min_hours_for_flag * 3600 if settings else Decimal(3600)
        judged = any(flag.code == "low_wage" for flag in report.flags)
        if judged or not seconds or Decimal(seconds) >= needed:
            self.low_hours_note.hide()
            return
        hours = babel_numbers.format_decimal(needed / 3600, locale=self.services.ctx.tr.locale)
        self.low_hours_note.setText(
            QCoreApplication.translate(
                "PlatformsPage",
                "Only {time} of work recorded here lately: too little to judge the wage "
                "(Clickwage waits for {hours} h).",
            ).format(time=formatting.duration(seconds), hours=hours)
        )
        self.low_hours_note.show()

    def limits_text(self, platform: PlatformInfo) -> str:
        settings = self._settings
        assert settings is not None
        tr = self.services.ctx.tr
        own, default = (
            QCoreApplication.translate("PlatformsPage", "set for this platform"),
            QCoreApplication.translate("PlatformsPage", "your default"),
        )
        wage = platform.min_wage if platform.min_wage is not None else settings.min_wage
        payout_days = (
            platform.max_payout_days
            if platform.max_payout_days is not None
            else settings.max_payout_days
        )
        review_days = (
            platform.max_review_days
            if platform.max_review_days is not None
            else settings.max_review_days
        )
        return QCoreApplication.translate(
            "PlatformsPage",
            "Your limits for {platform}: at least {wage} an hour ({wage_source}); paid within "
            "{payout_days} days ({payout_source}); reviewed within {review_days} days "
            "({review_source}).",
        ).format(
            platform=platform.name,
            wage=formatting.money(wage, settings.home_currency, tr),
            wage_source=own if platform.min_wage is not None else default,
            payout_days=payout_days,
            payout_source=own if platform.max_payout_days is not None else default,
            review_days=review_days,
            review_source=own if platform.max_review_days is not None else default,
        )

    def _fill_events(self, events: list[EventInfo]) -> None:
        tr = self.services.ctx.tr
        zone = self.services.ctx.zone
        table = self.events_table
        table.clearContents()
        table.setRowCount(len(events))
        self._events = events
        self.no_events.setVisible(not events)
        for row, event in enumerate(events):
            cells = (
                formatting.day_time(event.at, zone),
                event_label(event.kind),
                formatting.money(event.amount, event.currency, tr)
                if event.amount is not None
                else "",
                (event.note or "").replace("\n", " "),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, event.id)
                if EVENT_COLUMNS[column] == "note" and event.note:
                    item.setToolTip(event.note)
                table.setItem(row, column, item)
        self.on_events_selection_changed()

    def selected_event(self) -> EventInfo | None:
        rows = self.events_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._events):
            return None
        return self._events[rows[0].row()]

    def on_events_selection_changed(self) -> None:
        chosen = self.selected_event() is not None
        self.edit_event_button.setEnabled(chosen)
        self.delete_event_button.setEnabled(chosen)
