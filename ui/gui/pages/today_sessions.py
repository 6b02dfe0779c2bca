"""The Today page's "Today's sessions" list, and correcting or deleting one of them.

Also stretched_table(), the read-only, row-selecting look shared with the task list
(today_tasks.py). A mixin of TodayPage (today.py): its texts keep the "TodayPage"
translation context.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.localtime import day_start, local_date
from app.domain.statuses import Activity
from app.services.records import SessionInfo
from ui.gui import formatting
from ui.gui.dialogs.session_dialog import SessionDialog
from ui.gui.labels import activity_label
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


def stretched_table(table: QTableWidget) -> None:
    """Make a table read-only, selecting one whole row at a time, its columns stretched."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)


class TodaySessionsMixin(_Base):
    """Builds and fills the table of today's sessions; its Correct… and Delete buttons."""

    _sessions: list[SessionInfo]

    def _build_sessions(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("TodayPage", "Today's sessions"))
        column = QVBoxLayout(box)
        self.sessions_table = QTableWidget(0, 5)
        self.sessions_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TodayPage", "Platform"),
                QCoreApplication.translate("TodayPage", "Activity"),
                QCoreApplication.translate("TodayPage", "Start", "column: when a session began"),
                QCoreApplication.translate("TodayPage", "End"),
                QCoreApplication.translate("TodayPage", "Duration"),
            ]
        )
        stretched_table(self.sessions_table)
        self.sessions_table.doubleClicked.connect(self.on_edit_session_clicked)
        buttons = QHBoxLayout()
        edit = QPushButton(QCoreApplication.translate("TodayPage", "Correct…"))
        edit.clicked.connect(self.on_edit_session_clicked)
        delete = QPushButton(QCoreApplication.translate("TodayPage", "Delete"))
        delete.clicked.connect(self.on_delete_session_clicked)
        buttons.addWidget(edit)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        column.addWidget(self.sessions_table)
        column.addLayout(buttons)
        return box

    def _today(self) -> tuple[datetime, datetime]:
        ctx = self.services.ctx
        today = local_date(ctx.clock.now(), ctx.zone)
        return day_start(today, ctx.zone), day_start(today + timedelta(days=1), ctx.zone)

    def _fill_sessions(self) -> None:
        start, stop = self._today()
        self._sessions = self.services.timer.sessions_between(start, stop)
        zone = self.services.ctx.zone
        now = self.services.ctx.clock.now()
        table = self.sessions_table
        table.setRowCount(len(self._sessions))
        for row, session in enumerate(self._sessions):
            end = session.ended_at or now
            cells = [
                session.platform,
                activity_label(session.activity),
                formatting.clock(session.started_at, zone),
                formatting.clock(session.ended_at, zone)
                if session.ended_at
                else QCoreApplication.translate("TodayPage", "running"),
                formatting.duration(int((end - session.started_at).total_seconds())),
            ]
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))

    def _selected_session(self) -> SessionInfo | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._sessions[rows[0].row()]

    def on_edit_session_clicked(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        names = [p.name for p in self.services.platforms.list()]
        dialog = SessionDialog(session, names, self.services.ctx.zone, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        timer = self.services.timer
        before: dict[str, Any] = {
            "platform": session.platform,
            "activity": Activity(session.activity),
            "started_at": session.started_at,
        }
        if session.ended_at is not None:
            before["ended_at"] = session.ended_at
        self.context.push(
            QCoreApplication.translate("TodayPage", "Correct a session"),
            lambda: timer.edit_session(session.id, **values),  # type: ignore[arg-type]
            lambda _edited: timer.edit_session(session.id, **before),
            {"work_sessions"},
        )

    def on_delete_session_clicked(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("TodayPage", "Delete a session"),
            QCoreApplication.translate(
                "TodayPage",
                "Delete the {activity} session on {platform} that started at {time}? "
                "You can undo this with Ctrl+Z.",
            ).format(
                activity=activity_label(session.activity),
                platform=session.platform,
                time=formatting.clock(session.started_at, self.services.ctx.zone),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        timer = self.services.timer
        self.context.push(
            QCoreApplication.translate("TodayPage", "Delete a session"),
            lambda: timer.delete_session(session.id),
            lambda snapshot: timer.restore_session(snapshot),
            {"work_sessions"},
        )
