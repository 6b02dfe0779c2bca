"""Payouts: what you asked each platform to pay you, and how long the money took to arrive.

A delay is received − requested, or the age of a payout still waiting. It is
shown in red past the platform's limit (its own override, else the setting),
the same rule as the `slow_payout` warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from babel import numbers as babel_numbers
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.flags import DAY
from app.domain.money import format_plain, round_half_up
from app.domain.statuses import PayoutStatus
from app.services.records import PayoutInfo, PlatformInfo
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.dialogs.payout_dialogs import PayoutDialog, ReceiveDialog
from ui.gui.labels import payout_status_label
from ui.gui.pages.base import Page

ID_ROLE = Qt.ItemDataRole.UserRole
LATE_ROLE = Qt.ItemDataRole.UserRole + 1
LATE_BACKGROUND = QColor("#fbe3e1")
LATE_FOREGROUND = QColor("#8c1d18")
WAITING_BACKGROUND = QColor("#fff4d6")

COLUMNS = ("platform", "amount", "status", "delay", "requested", "received", "arrived", "fee")


def push_create(
    context: GuiContext,
    text: str,
    create: Callable[[], Any],
    delete: Callable[[int], Any],
    restore: Callable[[Any], Any],
    tables: Iterable[str],
) -> Any:
    """An undoable creation: undo deletes the record, redo puts it back under the same id."""
    snapshots: list[Any] = []

    def do() -> Any:
        return restore(snapshots.pop()) if snapshots else create()

    def undo(created: Any) -> None:
        snapshots.append(delete(created.id))

    return context.push(text, do, undo, tables)


def push_delete(
    context: GuiContext,
    text: str,
    record_id: int,
    delete: Callable[[int], Any],
    restore: Callable[[Any], Any],
    tables: Iterable[str],
) -> Any:
    """An undoable deletion: undo restores the record under its old id."""
    return context.push(text, lambda: delete(record_id), restore, tables)


def delay_text(seconds: int | None, locale: str) -> str:
    """ "5 h 20", "1 day", "14.5 days": days to one decimal, as the warnings count them."""
    if seconds is None:
        return ""
    if seconds < DAY:
        return formatting.duration(seconds)
    days = round_half_up(Decimal(seconds) / DAY, 1)
    if days == days.to_integral_value():
        days = days.quantize(Decimal(1))
    if days == 1:
        return QCoreApplication.translate("PayoutsPage", "1 day")
    number = babel_numbers.format_decimal(days, locale=locale)
    return QCoreApplication.translate("PayoutsPage", "{days} days").format(days=number)


def local_day(instant: datetime | None, zone: tzinfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%Y-%m-%d")


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    label.setFont(font)
    return label


def wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def plain_table(table: QTableWidget, name: str) -> None:
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(50)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)


class PayoutsPage(Page):
    """The payouts table, its summary, and the buttons that change a payout (all undoable)."""

    page_id = "payouts"
    tables = frozenset({"payouts", "platforms", "settings"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self._payouts: list[PayoutInfo] = []
        self._platforms: dict[str, PlatformInfo] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.title()))
        layout.addWidget(
            wrapped(
                self.tr(
                    "The money you asked the platforms to send you, and how long it took to "
                    "arrive. A delay longer than you accept from that platform is shown in red; "
                    "payouts still waiting are shown in yellow."
                )
            )
        )
        self.summary = wrapped(name="payoutSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        layout.addLayout(self._build_filters())
        body = QHBoxLayout()
        body.addWidget(self._build_table(), 1)
        body.addLayout(self._build_buttons())
        layout.addLayout(body, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Payouts")

    # -- building --------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.platform_filter = QComboBox()
        self.platform_filter.setAccessibleName(self.tr("Show the payouts of"))
        self.platform_filter.activated.connect(self.on_filter_activated)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Which payouts"))
        self.status_filter.addItem(self.tr("All payouts"), "all")
        self.status_filter.addItem(self.tr("Waiting only"), "waiting")
        self.status_filter.addItem(self.tr("Late only"), "late")
        self.status_filter.activated.connect(self.on_filter_activated)
        platform_label = QLabel(self.tr("&Platform:"))
        platform_label.setBuddy(self.platform_filter)
        status_label = QLabel(self.tr("&Show:"))
        status_label.setBuddy(self.status_filter)
        row.addWidget(platform_label)
        row.addWidget(self.platform_filter)
        row.addSpacing(12)
        row.addWidget(status_label)
        row.addWidget(self.status_filter)
        row.addStretch(1)
        return row

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("payoutsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Platform"),
                self.tr("Amount"),
                self.tr("Status"),
                self.tr("Delay"),
                self.tr("Requested on"),
                self.tr("Received on"),
                self.tr("Arrived as"),
                self.tr("Fee"),
            ]
        )
        plain_table(self.table, self.tr("Payouts"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self.table.activated.connect(self.on_table_activated)
        return self.table

    def _build_buttons(self) -> QVBoxLayout:
        column = QVBoxLayout()

        def button(text: str, slot: Callable[[], None], name: str) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.clicked.connect(slot)
            column.addWidget(made)
            return made

        self.request_button = button(
            self.tr("&Request a payout…"), self.on_request_clicked, "requestPayout"
        )
        self.receive_button = button(
            self.tr("Mark rece&ived…"), self.on_receive_clicked, "receivePayout"
        )
        self.edit_button = button(self.tr("C&orrect…"), self.on_edit_clicked, "editPayout")
        column.addSpacing(12)
        self.cancel_button = button(
            self.tr("I &cancelled it"), self.on_cancel_clicked, "cancelPayout"
        )
        self.refuse_button = button(
            self.tr("The platform ref&used it"), self.on_refuse_clicked, "refusePayout"
        )
        self.reopen_button = button(
            self.tr("&Waiting again"), self.on_reopen_clicked, "reopenPayout"
        )
        column.addSpacing(12)
        self.delete_button = button(self.tr("&Delete"), self.on_delete_clicked, "deletePayout")
        column.addStretch(1)
        return column

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        services = self.services
        settings = services.settings.current()
        self._default_days = settings.max_payout_days
        self._platforms = {p.name: p for p in services.platforms.list()}
        self._fill_platform_filter()
        everything = services.payouts.list()
        now = services.ctx.clock.now()
        chosen = self.platform_filter.currentData()
        shown = [p for p in everything if chosen is None or p.platform == chosen]
        self._show_summary(shown, now)
        which = self.status_filter.currentData()
        if which == "waiting":
            shown = [p for p in shown if p.status == PayoutStatus.REQUESTED]
        elif which == "late":
            shown = [p for p in shown if self.is_late(p, now)]
        shown.reverse()  # newest first
        self._fill_table(shown, now)

    def _fill_platform_filter(self) -> None:
        current = self.platform_filter.currentData()
        combo = self.platform_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All platforms"), None)
        for name, platform in self._platforms.items():
            if not platform.archived or name == current:
                combo.addItem(name, name)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def limit_days(self, payout: PayoutInfo) -> int:
        """The longest delay accepted from the payout's platform, in days."""
        platform = self._platforms.get(payout.platform)
        if platform is not None and platform.max_payout_days is not None:
            return platform.max_payout_days
        return self._default_days

    def is_late(self, payout: PayoutInfo, now: datetime) -> bool:
        delay = payout.delay_seconds(now)
        return delay is not None and delay > self.limit_days(payout) * DAY

    def _show_summary(self, payouts: list[PayoutInfo], now: datetime) -> None:
        tr = self.services.ctx.tr
        if not payouts:
            self.summary.setText(
                self.tr(
                    "No payout recorded yet. When you ask a platform to pay you, press "
                    "“Request a payout…” to follow it."
                )
            )
            return
        waiting = [p for p in payouts if p.status == PayoutStatus.REQUESTED]
        sums: dict[str, int] = {}
        for payout in waiting:
            sums[payout.currency] = sums.get(payout.currency, 0) + payout.amount
        amounts = " + ".join(
            formatting.money(total, code, tr) for code, total in sorted(sums.items())
        )
        if not waiting:
            parts = [self.tr("No payout is waiting.")]
        elif len(waiting) == 1:
            parts = [self.tr("1 payout is waiting: {amounts}.").format(amounts=amounts)]
        else:
            parts = [
                self.tr("{count} payouts are waiting: {amounts} in all.").format(
                    count=len(waiting), amounts=amounts
                )
            ]
        late = [p for p in payouts if self.is_late(p, now)]
        late_waiting = [p for p in late if p.status == PayoutStatus.REQUESTED]
        if late_waiting:
            oldest = max(late_waiting, key=lambda p: p.delay_seconds(now) or 0)
            parts.append(
                self.tr("{platform} has kept one waiting for {delay}.").format(
                    platform=oldest.platform, delay=self.delay_text(oldest.delay_seconds(now))
                )
            )
        if len(late) == 1:
            parts.append(self.tr("1 payout took longer than you accept (in red)."))
        elif late:
            parts.append(
                self.tr("{count} payouts took longer than you accept (in red).").format(
                    count=len(late)
                )
            )
        self.summary.setText(" ".join(parts))

    def delay_text(self, seconds: int | None) -> str:
        return delay_text(seconds, self.services.ctx.tr.locale)

    def _fill_table(self, payouts: list[PayoutInfo], now: datetime) -> None:
        selected = self.selected_payout()
        tr = self.services.ctx.tr
        zone = self.services.ctx.zone
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(payouts))
        self._payouts = payouts
        bold = QFont(table.font())
        bold.setBold(True)
        for row, payout in enumerate(payouts):
            delay = payout.delay_seconds(now)
            waiting = payout.status == PayoutStatus.REQUESTED
            late = self.is_late(payout, now)
            limit = self.limit_days(payout)
            delay_text = self.delay_text(delay)
            if late:
                delay_text = self.tr("{delay} (limit {limit})").format(
                    delay=delay_text, limit=limit
                )
            elif waiting:
                delay_text = self.tr("{delay} so far").format(delay=delay_text)
            arrived = ""
            if payout.received_amount is not None and payout.received_currency:
                arrived = formatting.money(payout.received_amount, payout.received_currency, tr)
            cells = (
                payout.platform,
                formatting.money(payout.amount, payout.currency, tr),
                payout_status_label(payout.status),
                delay_text,
                local_day(payout.requested_at, zone),
                local_day(payout.received_at, zone),
                arrived,
                formatting.money(payout.fee, payout.currency, tr) if payout.fee else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, payout.id)
                item.setData(LATE_ROLE, late)
                if COLUMNS[column] in ("amount", "fee", "arrived"):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if COLUMNS[column] in ("requested", "received"):
                    instant = payout.requested_at if column == 4 else payout.received_at
                    item.setToolTip(formatting.day_time(instant, zone))
                if late:
                    item.setBackground(QBrush(LATE_BACKGROUND))
                    item.setToolTip(
                        self.tr("Longer than the {limit} days you accept from {platform}.").format(
                            limit=limit, platform=payout.platform
                        )
                    )
                    if COLUMNS[column] in ("delay", "status"):
                        item.setForeground(QBrush(LATE_FOREGROUND))
                        item.setFont(bold)
                elif waiting:
                    item.setBackground(QBrush(WAITING_BACKGROUND))
                table.setItem(row, column, item)
        if selected is not None:
            for row, payout in enumerate(payouts):
                if payout.id == selected.id:
                    table.selectRow(row)
                    break
        self.on_table_item_selection_changed()

    # -- selection -------------------------------------------------------------------------

    def selected_payout(self) -> PayoutInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._payouts):
            return None
        return self._payouts[rows[0].row()]

    def select_payout(self, payout_id: int) -> None:
        for row, payout in enumerate(self._payouts):
            if payout.id == payout_id:
                self.table.selectRow(row)
                return

    def on_table_item_selection_changed(self) -> None:
        payout = self.selected_payout()
        waiting = payout is not None and payout.status == PayoutStatus.REQUESTED
        self.receive_button.setEnabled(waiting)
        self.cancel_button.setEnabled(waiting)
        self.refuse_button.setEnabled(waiting)
        self.reopen_button.setEnabled(payout is not None and not waiting)
        self.edit_button.setEnabled(payout is not None)
        self.delete_button.setEnabled(payout is not None)

    def on_table_activated(self) -> None:
        payout = self.selected_payout()
        if payout is None:
            return
        if payout.status == PayoutStatus.REQUESTED:
            self.on_receive_clicked()
        else:
            self.on_edit_clicked()

    def on_filter_activated(self) -> None:
        self.refresh()

    # -- actions (every one undoable) ------------------------------------------------------

    def on_request_clicked(self) -> None:
        platforms = [p for p in self._platforms.values() if not p.archived]
        if not platforms:
            self.context.show_error(
                self.tr("Add a platform first, on the Platforms page; then request a payout.")
            )
            return
        ctx = self.services.ctx
        dialog = PayoutDialog(
            platforms,
            ctx.zone,
            ctx.clock.now(),
            ctx.tr,
            self,
            platform=self.platform_filter.currentData(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        payouts = self.services.payouts
        created = push_create(
            self.context,
            self.tr("Request a payout"),
            lambda: payouts.add(**values),
            payouts.delete,
            payouts.restore,
            {"payouts"},
        )
        if created is not None:
            self.select_payout(created.id)

    def on_receive_clicked(self) -> None:
        payout = self.selected_payout()
        if payout is None or payout.status != PayoutStatus.REQUESTED:
            return
        ctx = self.services.ctx
        home = self.services.settings.current().home_currency
        dialog = ReceiveDialog(payout, home, ctx.zone, ctx.clock.now(), ctx.tr, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        payouts = self.services.payouts
        self.context.push(
            self.tr("Mark a payout received"),
            lambda: payouts.receive(payout.id, values["at"], values["amount"]),
            lambda _received: payouts.reopen(payout.id),
            {"payouts"},
        )

    def on_edit_clicked(self) -> None:
        payout = self.selected_payout()
        if payout is None:
            return
        ctx = self.services.ctx
        payouts = self.services.payouts
        before = self.context.run(lambda: payouts.editable(payout.id))
        if before is None:
            return
        dialog = PayoutDialog(
            [], ctx.zone, ctx.clock.now(), ctx.tr, self, payout=payout, current=before
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.context.push(
            self.tr("Correct a payout"),
            lambda: payouts.edit(payout.id, **values),
            lambda _edited: payouts.edit(payout.id, **before),
            {"payouts"},
        )

    def on_cancel_clicked(self) -> None:
        payout = self.selected_payout()
        if payout is None:
            return
        payouts = self.services.payouts
        self.context.push(
            self.tr("Cancel a payout request"),
            lambda: payouts.cancel(payout.id),
            lambda _cancelled: payouts.reopen(payout.id),
            {"payouts"},
        )

    def on_refuse_clicked(self) -> None:
        payout = self.selected_payout()
        if payout is None:
            return
        payouts = self.services.payouts
        self.context.push(
            self.tr("Mark a payout refused"),
            lambda: payouts.refuse(payout.id),
            lambda _refused: payouts.reopen(payout.id),
            {"payouts"},
        )

    def on_reopen_clicked(self) -> None:
        before = self.selected_payout()
        if before is None or before.status == PayoutStatus.REQUESTED:
            return
        payouts = self.services.payouts

        def back(_reopened: PayoutInfo) -> PayoutInfo:
            if before.status == PayoutStatus.CANCELLED:
                return payouts.cancel(before.id)
            if before.status == PayoutStatus.REFUSED:
                return payouts.refuse(before.id)
            amount = None
            if before.received_amount is not None and before.received_currency:
                plain = format_plain(before.received_amount, before.received_currency)
                amount = f"{plain} {before.received_currency}"
            assert before.received_at is not None
            return payouts.receive(before.id, before.received_at, amount)

        self.context.push(
            self.tr("Mark a payout waiting again"),
            lambda: payouts.reopen(before.id),
            back,
            {"payouts"},
        )

    def on_delete_clicked(self) -> None:
        payout = self.selected_payout()
        if payout is None:
            return
        tr = self.services.ctx.tr
        answer = QMessageBox.question(
            self,
            self.tr("Delete a payout"),
            self.tr(
                "Delete the payout of {amount} requested from {platform} on {date}? "
                "You can undo this with Ctrl+Z."
            ).format(
                amount=formatting.money(payout.amount, payout.currency, tr),
                platform=payout.platform,
                date=formatting.day_time(payout.requested_at, self.services.ctx.zone),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        payouts = self.services.payouts
        push_delete(
            self.context,
            self.tr("Delete a payout"),
            payout.id,
            payouts.delete,
            payouts.restore,
            {"payouts"},
        )


__all__ = ["PayoutsPage", "push_create", "push_delete"]
