"""Correct a work session: platform, activity, start and end."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from app.domain.statuses import Activity
from app.services.records import SessionInfo
from ui.gui.labels import activity_label


def to_qdatetime(instant: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), QTimeZone.systemTimeZone())


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class SessionDialog(QDialog):
    def __init__(
        self, session: SessionInfo, platforms: list[str], zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a session"))
        self.platform = QComboBox()
        self.platform.addItems(platforms)
        self.platform.setCurrentText(session.platform)
        self.activity = QComboBox()
        for activity in Activity:
            self.activity.addItem(activity_label(activity.value), activity.value)
        self.activity.setCurrentIndex(self.activity.findData(session.activity))
        self.start = QDateTimeEdit(to_qdatetime(session.started_at))
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end = QDateTimeEdit(to_qdatetime(session.ended_at or session.started_at))
        self.end.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end.setEnabled(session.ended_at is not None)
        form = QFormLayout(self)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Activity"), self.activity)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        result: dict[str, object] = {
            "platform": self.platform.currentText(),
            "activity": Activity(self.activity.currentData()),
            "started_at": from_qdatetime(self.start.dateTime()),
        }
        if self.end.isEnabled():
            result["ended_at"] = from_qdatetime(self.end.dateTime())
        return result
