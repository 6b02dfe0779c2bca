"""Platforms: how each platform treated you lately, its warnings, your limits, its history.

The figures and warnings are the report's (`ReportService.current()`): the
last `flag_window_days` ending now for the wage and the rejections, and the
state of things now (payouts waiting, money held) however old.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from babel import numbers as babel_numbers
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.flags import DAY, Flag
from app.services.records import EventInfo, PlatformInfo
from app.services.reports import PlatformReport
from app.services.settings import Settings
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.dialogs.event_dialog import EventDialog
from ui.gui.dialogs.platform_dialog import PlatformDialog
from ui.gui.labels import event_label
from ui.gui.pages.base import Page
from ui.gui.pages.payouts import (
    ID_ROLE,
    LATE_BACKGROUND,
    LATE_FOREGROUND,
    delay_text,
    page_title,
    plain_table,
    push_create,
    push_delete,
    wrapped,
)

FLAG_ROLE = Qt.ItemDataRole.UserRole + 2
RED = "#b3261e"
DARK_RED = "#8c1d18"
ORANGE = "#9a4a00"
GREY = "#5f6368"
GREEN = "#1f6f5c"
FLAG_COLOURS = {
    "low_wage": RED,
    "high_rejection": RED,
    "withheld_balance": DARK_RED,
    "scam_risk": "#5c0a0a",
    "slow_payout": ORANGE,
    "overdue_review": ORANGE,
    "missing_rate": GREY,
}
# Which column of the platforms table each warning is about.
FLAG_COLUMNS = {
    "low_wage": "wage",
    "high_rejection": "rejected",
    "slow_payout": "slowest",
    "overdue_review": "pending",
}
COLUMNS = ("platform", "wage", "hours", "unpaid", "rejected", "pending", "slowest", "warnings")
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


class PlatformsPage(Page):
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

    # -- building --------------------------------------------------------------------------

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("platformsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Platform"),
                self.tr("Real hourly wage"),
                self.tr("Hours worked"),
                self.tr("Unpaid time"),
                self.tr("Rejected"),
                self.tr("Awaiting review"),
                self.tr("Slowest payout"),
                self.tr("Warnings"),
            ]
        )
        plain_table(self.table, self.tr("Platforms"))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        self.table.setMinimumHeight(90)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self.table.activated.connect(self.on_edit_clicked)
        return self.table

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
        self.limits_button = QPushButton(self.tr("Change &limits…"))
        self.limits_button.clicked.connect(self.on_limits_clicked)
        limits.addWidget(self.limits_label, 1)
        limits.addWidget(self.limits_button, 0, Qt.AlignmentFlag.AlignTop)
        self.signs_button = QPushButton(self.tr("&Warning signs…"))
        self.signs_button.setAccessibleName(self.tr("Record scam warning signs"))
        self.signs_button.clicked.connect(self.on_signs_clicked)
        limits.addWidget(self.signs_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(limits)
        heading = QLabel(self.tr("Account history"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        self.no_events = wrapped(
            self.tr(
                "Nothing recorded yet. Add an event when the platform suspends or closes your "
                "account, holds your money, or writes to you: it becomes evidence."
            ),
            "noEvents",
        )
        column.addWidget(self.no_events)
        events = QHBoxLayout()
        self.events_table = QTableWidget(0, len(EVENT_COLUMNS))
        self.events_table.setObjectName("eventsTable")
        self.events_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What happened"), self.tr("Amount"), self.tr("Note")]
        )
        plain_table(self.events_table, self.tr("Account history"))
        self.events_table.setMinimumHeight(90)
        self.events_table.itemSelectionChanged.connect(self.on_events_selection_changed)
        self.events_table.activated.connect(self.on_edit_event_clicked)
        buttons = QVBoxLayout()
        self.add_event_button = QPushButton(self.tr("Add an account e&vent…"))
        self.add_event_button.clicked.connect(self.on_add_event_clicked)
        self.edit_event_button = QPushButton(self.tr("C&orrect the event…"))
        self.edit_event_button.clicked.connect(self.on_edit_event_clicked)
        self.delete_event_button = QPushButton(self.tr("&Delete the event"))
        self.delete_event_button.clicked.connect(self.on_delete_event_clicked)
        for button in (self.add_event_button, self.edit_event_button, self.delete_event_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        events.addWidget(self.events_table, 1)
        events.addLayout(buttons)
        column.addLayout(events, 1)
        return self.detail

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
            name = self.tr("{platform} (archived)").format(platform=platform.name)
        if report.home is None:
            wage = ("—", self.tr("An exchange rate to {home} is missing.").format(home=self._home))
        elif report.home.effective_hourly is None:
            wage = ("—", self.tr("No work time recorded."))
        else:
            wage = (
                formatting.hourly(report.home.effective_hourly, self._home, tr),
                self.tr(
                    "What you earned, less fees, divided by all the time you spent, paid or not."
                ),
            )
        unpaid = ("—", "")
        if time.seconds_total:
            share = Decimal(time.seconds_unpaid) / Decimal(time.seconds_total)
            unpaid = (
                babel_numbers.format_percent(share, locale=locale),
                self.tr("{time} unpaid: searching, qualifications, messages, payments.").format(
                    time=formatting.duration(time.seconds_unpaid)
                ),
            )
        decided = report.totals.decided
        rejected_count = report.totals.counts.get("rejected", 0)
        rejected = ("—", self.tr("No task decided yet."))
        if decided:
            rejected = (
                babel_numbers.format_percent(
                    Decimal(rejected_count) / Decimal(decided), "#,##0.#%", locale=locale
                ),
                self.tr("{rejected} of {decided} decided tasks rejected.").format(
                    rejected=rejected_count, decided=decided
                ),
            )
        pending_count = report.totals.counts.get("pending", 0)
        pending = (
            formatting.money(report.totals.pending_value, platform.currency, tr),
            self.tr("{count} tasks waiting for the requester's decision.").format(
                count=pending_count
            ),
        )
        slowest = ("—", self.tr("No payout over this period."))
        found = self._slowest.get(platform.name)
        if found is not None:
            seconds, waiting = found
            text = delay_text(seconds, locale)
            if waiting:
                text = self.tr("{delay}, still waiting").format(delay=text)
            tooltip = ""
            if self._slowest_is_late(platform):
                tooltip = self.tr(
                    "Longer than the {limit} days you accept from {platform}."
                ).format(limit=self._payout_limit(platform), platform=platform.name)
            slowest = (text, tooltip)
        warnings = (
            " · ".join(self.flag_name(flag, report) for flag in report.flags)
            if report.flags
            else self.tr("None"),
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
            return self.tr("Money held: {amount}").format(
                amount=formatting.money(
                    report.withheld, report.platform.currency, self.services.ctx.tr
                )
            )
        names = {
            "low_wage": self.tr("Low wage"),
            "slow_payout": self.tr("Slow payouts"),
            "high_rejection": self.tr("Many rejections"),
            "overdue_review": self.tr("Reviews overdue"),
            "missing_rate": self.tr("Exchange rate missing"),
            "scam_risk": self.tr("Scam warning"),
        }
        return names.get(flag.code, flag.code)

    # -- the selected platform -------------------------------------------------------------

    def selected_report(self) -> PlatformReport | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._reports):
            return None
        return self._reports[rows[0].row()]

    def on_signs_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is not None:
            from ui.gui.dialogs.scam_signs_dialog import edit_scam_signs

            edit_scam_signs(self.context, platform.name, self)

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

    def _show_detail(self, report: PlatformReport | None) -> None:
        self._clear_flags()
        if report is None:
            self.detail_heading.setText(self.tr("No platform yet"))
            self.limits_label.setText(
                self.tr("Add the platforms you work on to follow your real wage on each.")
            )
            self.low_hours_note.hide()
            self._fill_events([])
            return
        name = report.platform.name
        self.detail_heading.setText(
            self.tr("{platform}: warnings and history").format(platform=name)
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
                    self.tr("No warning"),
                    GREEN,
                    "flagBadge_none",
                    self.tr(
                        "Nothing on {platform} went past your limits over the last {days} days."
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
            self.tr(
                "Only {time} of work recorded here lately: too little to judge the wage "
                "(Clickwage waits for {hours} h)."
            ).format(time=formatting.duration(seconds), hours=hours)
        )
        self.low_hours_note.show()

    def limits_text(self, platform: PlatformInfo) -> str:
        settings = self._settings
        assert settings is not None
        tr = self.services.ctx.tr
        own, default = self.tr("set for this platform"), self.tr("your default")
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
        return self.tr(
            "Your limits for {platform}: at least {wage} an hour ({wage_source}); paid within "
            "{payout_days} days ({payout_source}); reviewed within {review_days} days "
            "({review_source})."
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

    def on_show_archived_toggled(self, _checked: bool) -> None:
        self.refresh()

    # -- platform actions (undoable) -------------------------------------------------------

    def on_add_clicked(self) -> None:
        settings = self.services.settings.current()
        dialog = PlatformDialog(settings, self.services.ctx.tr, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        platforms = self.services.platforms
        created = push_create(
            self.context,
            self.tr("Add a platform"),
            lambda: platforms.add(**values),
            platforms.delete,
            platforms.restore,
            {"platforms"},
        )
        if created is not None:
            self.select_platform(created.name)

    def on_edit_clicked(self) -> None:
        self._edit(focus_limits=False)

    def on_limits_clicked(self) -> None:
        self._edit(focus_limits=True)

    def _edit(self, focus_limits: bool) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        platforms = self.services.platforms
        before = self.context.run(lambda: platforms.editable(platform.id))
        if before is None:
            return
        settings = self.services.settings.current()
        dialog = PlatformDialog(settings, self.services.ctx.tr, self, current=before)
        if focus_limits:
            dialog.focus_limits()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if all(before.get(key) == value for key, value in values.items()):
            return  # nothing changed: nothing to undo
        self.context.push(
            self.tr("Edit {platform}").format(platform=platform.name),
            lambda: platforms.update(platform.id, **values),
            lambda _updated: platforms.update(platform.id, **before),
            {"platforms"},
        )

    def on_archive_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        platforms = self.services.platforms
        archive = not platform.archived
        text = (
            self.tr("Archive {platform}") if archive else self.tr("Bring back {platform}")
        ).format(platform=platform.name)
        self.context.push(
            text,
            lambda: platforms.set_archived(platform.id, archive),
            lambda _changed: platforms.set_archived(platform.id, not archive),
            {"platforms"},
        )

    # -- event actions (undoable) ----------------------------------------------------------

    def on_add_event_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        ctx = self.services.ctx
        choices = [r.platform for r in self._reports]
        dialog = EventDialog(
            choices, ctx.zone, ctx.clock.now(), ctx.tr, self, platform=platform.name
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        events = self.services.events
        push_create(
            self.context,
            self.tr("Add an account event"),
            lambda: events.add(**values),
            events.delete,
            events.restore,
            {"account_events"},
        )

    def on_edit_event_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        ctx = self.services.ctx
        events = self.services.events
        before = self.context.run(lambda: events.editable(event.id))
        if before is None:
            return
        dialog = EventDialog(
            [], ctx.zone, ctx.clock.now(), ctx.tr, self, event=event, current=before
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.context.push(
            self.tr("Correct an account event"),
            lambda: events.edit(event.id, **values),
            lambda _edited: events.edit(event.id, **before),
            {"account_events"},
        )

    def on_delete_event_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete an account event"),
            self.tr(
                "Delete “{kind}” on {platform} from {date}? You can undo this with Ctrl+Z."
            ).format(
                kind=event_label(event.kind),
                platform=event.platform,
                date=formatting.day_time(event.at, self.services.ctx.zone),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        events = self.services.events
        push_delete(
            self.context,
            self.tr("Delete an account event"),
            event.id,
            events.delete,
            events.restore,
            {"account_events"},
        )
