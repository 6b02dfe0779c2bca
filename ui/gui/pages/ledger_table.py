"""The Ledger's table view (files dropped on a row) and its cell editors (checked as typed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.domain.statuses import TaskStatus
from ui.gui.labels import status_label
from ui.gui.models.ledger_model import AMOUNT_COLUMNS, Column, LedgerModel

INVALID_STYLE = "border: 2px solid #b3261e;"

Index = QModelIndex | QPersistentModelIndex


class LedgerTable(QTableView):
    """The ledger's view: files dropped on a row are offered for attaching to its task.

    Signals:
        files_dropped(int, list): the row and the local paths dropped on it.
    """

    files_dropped = Signal(int, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    @staticmethod
    def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [url.toLocalFile() for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        row = self.indexAt(event.position().toPoint()).row()
        if row >= 0 and self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        row = self.indexAt(event.position().toPoint()).row()
        files = self._local_files(event)
        if row < 0 or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(row, files)


class LedgerDelegate(QStyledItemDelegate):
    """Editors of the ledger's cells: a list of statuses, and text checked as it is typed.

    Signals:
        hint(str): why the text being typed is refused ("" once it is fine).
    """

    hint = Signal(str)

    def __init__(self, model: LedgerModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = Column(index.column())
        if column == Column.STATUS:
            combo = QComboBox(parent)
            combo.setAccessibleName(self.tr("Status"))
            for status in TaskStatus:
                combo.addItem(status_label(status.value), status.value)
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(self._model.headerData(column, Qt.Orientation.Horizontal))
        if column in AMOUNT_COLUMNS:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        persistent = QPersistentModelIndex(index)
        editor.textChanged.connect(lambda text: self._check(editor, persistent, text))
        return editor

    def _check(self, editor: QLineEdit, index: QPersistentModelIndex, text: str) -> None:
        problem = self._model.validate(index, text) if index.isValid() else None
        editor.setProperty("invalid", problem is not None)
        editor.setStyleSheet(INVALID_STYLE if problem else "")
        editor.setToolTip(problem or "")
        self.hint.emit(problem or "")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        self.hint.emit("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter and Tab do not leave a cell whose text is refused: the worker fixes it, or
        # presses Escape to cancel.
        if (
            isinstance(watched, QLineEdit)
            and watched.property("invalid")
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        ):
            return True
        return super().eventFilter(watched, event)
