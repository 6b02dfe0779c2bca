"""The Ledger's files: proof (screenshots, e-mails) attached to the current task.

Files are attached by dropping them on a task or with Attach file…, and opened or
removed from the "Files of this task" box. A mixin of LedgerPage (ledger.py): its
texts keep the "LedgerPage" translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.domain.errors import ClickwageError
from app.services.attachments import AttachmentInfo, AttachmentService
from ui.gui.models.ledger_model import LedgerModel
from ui.gui.pages.base import Page
from ui.gui.pages.ledger_table import LedgerTable

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class LedgerAttachmentsMixin(_Base):
    """The "Files of this task" box, and attaching files to a task."""

    attachments: AttachmentService
    model: LedgerModel
    table: LedgerTable
    attach_button: QPushButton
    current_task_id: Callable[[], int | None]
    show_problem: Callable[[str], None]

    def _build_files(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("LedgerPage", "Files of this task"))
        column = QVBoxLayout(box)
        self.files_list = QListWidget()
        self.files_list.setObjectName("ledgerFiles")
        self.files_list.setAccessibleName(
            QCoreApplication.translate("LedgerPage", "Files attached to the current task")
        )
        self.files_list.setMaximumHeight(64)
        self.files_list.itemActivated.connect(self.on_files_list_item_activated)
        self.files_hint = QLabel(
            QCoreApplication.translate(
                "LedgerPage", "Drop a screenshot or an e-mail on a task to keep it as proof."
            )
        )
        self.files_hint.setWordWrap(True)
        row = QHBoxLayout()
        self.open_file_button = QPushButton(QCoreApplication.translate("LedgerPage", "&Open"))
        self.open_file_button.setAccessibleName(
            QCoreApplication.translate("LedgerPage", "Open the chosen file")
        )
        self.open_file_button.clicked.connect(self.on_open_file_clicked)
        self.remove_file_button = QPushButton(QCoreApplication.translate("LedgerPage", "&Remove"))
        self.remove_file_button.setAccessibleName(
            QCoreApplication.translate("LedgerPage", "Remove the chosen file from the task")
        )
        self.remove_file_button.clicked.connect(self.on_remove_file_clicked)
        row.addWidget(self.open_file_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        column.addWidget(self.files_list)
        column.addWidget(self.files_hint)
        column.addLayout(row)
        return box

    def _show_files(self) -> None:
        self.files_list.clear()
        task_id = self.current_task_id()
        enabled = task_id is not None
        self.attach_button.setEnabled(enabled)
        if task_id is None:
            self.open_file_button.setEnabled(False)
            self.remove_file_button.setEnabled(False)
            return
        try:
            files = self.attachments.list_for("task", task_id)
        except ClickwageError:
            files = []
        for info in files:
            item = QListWidgetItem(
                QCoreApplication.translate("LedgerPage", "{name} ({size} kB)").format(
                    name=info.file_name, size=max(1, round(info.size / 1024))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(info.media_type)
            self.files_list.addItem(item)
        if files:
            self.files_list.setCurrentRow(0)
        self.open_file_button.setEnabled(bool(files))
        self.remove_file_button.setEnabled(bool(files))

    def attach_files(self, task_id: int, paths: Sequence[str | Path]) -> list[AttachmentInfo]:
        """Attach files to a task (one undoable step); returns what was attached."""
        files = [Path(path) for path in paths]
        if not files:
            return []
        service = self.attachments
        text = (
            QCoreApplication.translate("LedgerPage", "Attach {name}").format(name=files[0].name)
            if len(files) == 1
            else QCoreApplication.translate("LedgerPage", "Attach {count} files").format(
                count=len(files)
            )
        )

        def attach() -> list[AttachmentInfo]:
            done: list[AttachmentInfo] = []
            try:
                for path in files:
                    done.append(service.attach("task", task_id, path))
            except ClickwageError:
                for info in done:
                    service.detach(info.id)
                raise
            return done

        def detach(done: list[AttachmentInfo]) -> None:
            for info in done:
                service.detach(info.id)

        attached = self.context.push(text, attach, detach, {"attachments"})
        if attached:
            self.context.message.emit(text)
        self._show_files()
        return list(attached or [])

    def on_table_files_dropped(self, row: int, paths: list[str]) -> None:
        task_id = self.model.task_id(row)
        if task_id is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.attach_files(task_id, paths)

    def on_attach_button_clicked(self) -> None:
        task_id = self.current_task_id()
        if task_id is None:
            self.show_problem(QCoreApplication.translate("LedgerPage", "Select a task first."))
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("LedgerPage", "Attach files to the task"),
            "",
            QCoreApplication.translate(
                "LedgerPage",
                "Screenshots, documents, e-mails (*.png *.jpg *.jpeg *.gif *.webp *.pdf "
                "*.eml *.msg *.txt *.html *.htm);;All files (*)",
            ),
        )
        if paths:
            self.attach_files(task_id, paths)

    def _chosen_file(self) -> AttachmentInfo | None:
        item = self.files_list.currentItem()
        if item is None:
            return None
        info = item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, AttachmentInfo) else None

    def on_files_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.on_open_file_clicked()

    def on_open_file_clicked(self) -> None:
        info = self._chosen_file()
        if info is None:
            return
        if not info.path.exists():
            self.show_problem(
                QCoreApplication.translate(
                    "LedgerPage", "The stored copy of {name} is missing from {folder}."
                ).format(name=info.file_name, folder=info.path.parent)
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path)))

    def on_remove_file_clicked(self) -> None:
        info = self._chosen_file()
        if info is None:
            return
        service = self.attachments

        def remove() -> AttachmentInfo | None:
            for current in service.list_for(info.record_type, info.record_id):
                if current.sha256 == info.sha256:
                    return service.detach(current.id, keep_file=True)
            return None

        def put_back(removed: AttachmentInfo) -> None:
            service.attach(
                removed.record_type, removed.record_id, removed.path, file_name=removed.file_name
            )

        self.context.push(
            QCoreApplication.translate("LedgerPage", "Remove {name}").format(name=info.file_name),
            remove,
            put_back,
            {"attachments"},
        )
        self._show_files()
