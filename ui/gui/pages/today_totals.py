"""The Today page's "Today so far" cards: paid and unpaid time, earnings, real hourly wage.

Also the note saying whether the day's wage is below the user's minimum. A mixin
of TodayPage (today.py): its texts keep the "TodayPage" translation context.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from app.domain.localtime import local_date
from ui.gui import formatting
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class TodayTotalsMixin(_Base):
    """Builds the day's total cards and fills them from today's report."""

    def _build_totals(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("TodayPage", "Today so far"))
        row = QHBoxLayout(box)
        row.setSpacing(16)
        self.total_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("paid", QCoreApplication.translate("TodayPage", "Paid time")),
            ("unpaid", QCoreApplication.translate("TodayPage", "Unpaid time")),
            ("earned", QCoreApplication.translate("TodayPage", "Earned")),
            ("wage", QCoreApplication.translate("TodayPage", "Real hourly wage")),
        ):
            card = QFrame()
            card.setObjectName("totalCard")
            card.setStyleSheet(
                "#totalCard { background: palette(base); border: 1px solid "
                "palette(mid); border-radius: 6px; }"
            )
            card.setMinimumWidth(130)
            cell = QVBoxLayout(card)
            title = QLabel(caption)
            value = QLabel("—")
            value.setObjectName(f"total_{key}")
            font = value.font()
            font.setPointSize(font.pointSize() + 6)
            font.setBold(True)
            value.setFont(font)
            cell.addWidget(title)
            cell.addWidget(value)
            row.addWidget(card)
            self.total_labels[key] = value
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)
        row.addWidget(self.threshold_note, 1)
        return box

    def _fill_totals(self) -> None:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        report = self.services.reports.report(today, today + timedelta(days=1))
        paid = sum(p.time.seconds_task for p in report.platforms)
        unpaid = report.seconds_total - min(paid, report.seconds_total)
        home = report.home_currency
        tr = ctx.tr
        self.total_labels["paid"].setText(formatting.duration(paid))
        self.total_labels["unpaid"].setText(formatting.duration(unpaid))
        earned = report.home_total("earned")
        self.total_labels["earned"].setText(formatting.money(earned, home, tr))
        self.total_labels["wage"].setText(formatting.hourly(report.effective_hourly, home, tr))
        settings = self.services.settings.current()
        wage = report.effective_hourly
        if wage is not None and report.seconds_total >= 3600:
            threshold = formatting.money(settings.min_wage, home, tr)
            below = wage * 100 < settings.min_wage
            self.threshold_note.setText(
                QCoreApplication.translate(
                    "TodayPage", "Below your minimum of {threshold} an hour."
                )
                if below
                else QCoreApplication.translate(
                    "TodayPage", "At or above your minimum of {threshold} an hour."
                )
            )
            self.threshold_note.setText(self.threshold_note.text().format(threshold=threshold))
        else:
            self.threshold_note.setText("")
