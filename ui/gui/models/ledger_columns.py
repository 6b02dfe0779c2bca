"""The Ledger table's columns: what each shows, sorts by and edits, and how it looks.

The Column enum, the sort key and task field of each column, the plain-int item
roles, alignments, flags and brushes that `LedgerModel.data()` indexes for every
painted cell, the length limits of the text fields, and `edit_text()`, the text
an inline editor starts from.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.money import format_plain
from app.domain.statuses import TaskStatus
from app.services.ledger_query import LedgerRow

MAX_TEXT = {"external_id": 200, "title": 500, "requester": 200}


class Column(IntEnum):
    DATE = 0
    PLATFORM = 1
    TASK_ID = 2
    TITLE = 3
    REQUESTER = 4
    STATUS = 5
    REWARD = 6
    EARNED = 7
    BONUS = 8
    FILES = 9


SORT_OF_COLUMN = {
    Column.DATE: "work_at",
    Column.PLATFORM: "platform",
    Column.TASK_ID: "external_id",
    Column.TITLE: "title",
    Column.REQUESTER: "requester",
    Column.STATUS: "status",
    Column.REWARD: "reward",
    Column.EARNED: "earned",
    Column.BONUS: "bonus",
    Column.FILES: "files",
}
FIELD_OF_COLUMN = {
    Column.TASK_ID: "external_id",
    Column.TITLE: "title",
    Column.REQUESTER: "requester",
    Column.STATUS: "status",
    Column.REWARD: "reward",
    Column.EARNED: "earned",
    Column.BONUS: "bonus",
}
AMOUNT_COLUMNS = frozenset({Column.REWARD, Column.EARNED, Column.BONUS, Column.FILES})
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
COLUMN_COUNT = len(Column)
# data() runs for every role of every painted cell: plain ints and tuples keep it cheap.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
EDIT = int(Qt.ItemDataRole.EditRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
ALIGNMENTS = tuple(RIGHT if column in AMOUNT_COLUMNS else None for column in Column)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
FLAGS = tuple(
    _READ_ONLY | Qt.ItemFlag.ItemIsEditable if column in FIELD_OF_COLUMN else _READ_ONLY
    for column in Column
)
STATUS_COLOURS = {
    TaskStatus.REJECTED.value: QColor("#b3261e"),
    TaskStatus.PENDING.value: QColor("#8a5a00"),
    TaskStatus.APPROVED.value: QColor("#1f6f5c"),
    TaskStatus.PARTIALLY_APPROVED.value: QColor("#1f6f5c"),
}
IMPLIED = QColor("#6b6b6b")
STATUS_BRUSHES = {status: QBrush(colour) for status, colour in STATUS_COLOURS.items()}
IMPLIED_BRUSH = QBrush(IMPLIED)
STATUS_COLUMN, EARNED_COLUMN = int(Column.STATUS), int(Column.EARNED)


def edit_text(row: LedgerRow, column: Column) -> str:
    """The text an inline editor of `column` starts from for `row`."""
    if column == Column.STATUS:
        return row.status
    if column == Column.REWARD:
        return format_plain(row.reward, row.currency) or ""
    if column == Column.EARNED:
        return format_plain(row.earned, row.currency) or ""
    if column == Column.BONUS:
        return (format_plain(row.bonus, row.currency) or "") if row.bonus else ""
    field = FIELD_OF_COLUMN.get(column)
    if field is None:
        return ""
    value = getattr(row, field)
    return "" if value is None else str(value)


__all__ = [
    "ALIGNMENT",
    "ALIGNMENTS",
    "AMOUNT_COLUMNS",
    "COLUMN_COUNT",
    "DISPLAY",
    "EARNED_COLUMN",
    "EDIT",
    "FIELD_OF_COLUMN",
    "FLAGS",
    "FOREGROUND",
    "IMPLIED",
    "IMPLIED_BRUSH",
    "MAX_TEXT",
    "RIGHT",
    "SORT_OF_COLUMN",
    "STATUS_BRUSHES",
    "STATUS_COLOURS",
    "STATUS_COLUMN",
    "TOOLTIP",
    "USER",
    "Column",
    "edit_text",
]
