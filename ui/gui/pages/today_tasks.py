"""The Today page's quick task entry (id, reward, status) and the list of today's tasks.

The reward is checked as it is typed, in the currency of the chosen platform.
A mixin of TodayPage (today.py): its texts keep the "TodayPage" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.errors import ClickwageError
from app.domain.localtime import local_date
from app.domain.money import parse_amount
from app.domain.statuses import TaskStatus
from app.services.records import TaskInfo
from app.services.tasks import TaskFilter
from ui.gui import formatting
from ui.gui.labels import status_label
from ui.gui.pages.base import Page
from ui.gui.pages.today_sessions import stretched_table

QUICK_STATUSES = (
    TaskStatus.PENDING,
    TaskStatus.APPROVED,
    TaskStatus.REJECTED,
    TaskStatus.RETURNED,
    TaskStatus.SCREENED_OUT,
)

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class TodayTasksMixin(_Base):
    """Builds the quick entry and today's task table; adds a task on the chosen platform."""

    platform_combo: QComboBox

    def _build_tasks(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("TodayPage", "Quick task entry"))
        column = QVBoxLayout(box)
        entry = QHBoxLayout()
        self.task_id = QLineEdit()
        self.task_id.setPlaceholderText(
            QCoreApplication.translate("TodayPage", "Task id (optional)")
        )
        self.task_id.setAccessibleName(QCoreApplication.translate("TodayPage", "Task id"))
        self.task_reward = QLineEdit()
        self.task_reward.setPlaceholderText(
            QCoreApplication.translate("TodayPage", "Reward, e.g. 1.50")
        )
        self.task_reward.setAccessibleName(QCoreApplication.translate("TodayPage", "Reward"))
        self.task_reward.textChanged.connect(self.on_task_reward_text_changed)
        self.task_status = QComboBox()
        self.task_status.setAccessibleName(QCoreApplication.translate("TodayPage", "Status"))
        for status in QUICK_STATUSES:
            self.task_status.addItem(status_label(status.value), status.value)
        self.add_task_button = QPushButton(QCoreApplication.translate("TodayPage", "Add task"))
        self.add_task_button.clicked.connect(self.on_add_task_clicked)
        self.task_reward.returnPressed.connect(self.on_add_task_clicked)
        entry.addWidget(self.task_id, 2)
        entry.addWidget(self.task_reward, 1)
        entry.addWidget(self.task_status, 1)
        entry.addWidget(self.add_task_button)
        self.task_hint = QLabel()
        self.task_hint.setObjectName("taskHint")
        self.tasks_table = QTableWidget(0, 4)
        self.tasks_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TodayPage", "Time"),
                QCoreApplication.translate("TodayPage", "Platform"),
                QCoreApplication.translate("TodayPage", "Task"),
                QCoreApplication.translate("TodayPage", "Reward"),
            ]
        )
        stretched_table(self.tasks_table)
        column.addLayout(entry)
        column.addWidget(self.task_hint)
        column.addWidget(self.tasks_table)
        return box

    def _fill_tasks(self) -> None:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        tasks = list(self.services.tasks.list(TaskFilter(first_day=today, last_day=today)))
        tasks.reverse()
        table = self.tasks_table
        table.setRowCount(len(tasks))
        tr = ctx.tr
        for row, task in enumerate(tasks):
            when = task.submitted_at or task.started_at or task.recorded_at
            cells = [
                formatting.clock(when, ctx.zone),
                task.platform,
                f"{task.external_id or task.title or '#' + str(task.id)} · "
                f"{status_label(task.status)}",
                formatting.money(task.reward, task.currency, tr),
            ]
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))

    def focus_quick_entry(self) -> None:
        self.task_id.setFocus()
        self.task_id.selectAll()

    def _quick_currency(self) -> str:
        name = self.platform_combo.currentText()
        for platform in self.services.platforms.list():
            if platform.name == name:
                return platform.currency
        return self.services.settings.current().home_currency

    def on_task_reward_text_changed(self, value: str) -> None:
        if not value.strip():
            self.task_hint.setText("")
            self.task_reward.setStyleSheet("")
            return
        try:
            parse_amount(value, self._quick_currency(), self.services.ctx.tr)
        except ClickwageError as error:
            self.task_hint.setText(str(error))
            self.task_reward.setStyleSheet("border: 2px solid #b3261e;")
            self.add_task_button.setEnabled(False)
            return
        self.task_hint.setText("")
        self.task_reward.setStyleSheet("")
        self.add_task_button.setEnabled(True)

    def on_add_task_clicked(self) -> None:
        platform = self.platform_combo.currentText()
        if not platform or self.platform_combo.currentData() == "__add__":
            self.task_hint.setText(
                QCoreApplication.translate("TodayPage", "Choose a platform first.")
            )
            return
        reward = self.task_reward.text().strip()
        if not reward:
            self.task_hint.setText(
                QCoreApplication.translate("TodayPage", "Type the reward, e.g. 1.50.")
            )
            self.task_reward.setFocus()
            return
        status = self.task_status.currentData()
        external_id = self.task_id.text().strip() or None
        tasks = self.services.tasks
        now = self.services.ctx.clock.now()

        def add() -> TaskInfo:
            return tasks.add(
                platform, reward, external_id=external_id, status=status, submitted=now
            )

        def undo(added: TaskInfo) -> Any:
            return tasks.delete(added.id)

        if (
            self.context.push(
                QCoreApplication.translate("TodayPage", "Add task"), add, undo, {"tasks"}
            )
            is not None
        ):
            self.task_id.clear()
            self.task_reward.clear()
            self.task_id.setFocus()
