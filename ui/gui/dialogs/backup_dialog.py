"""Backups and restore: the last backup, every backup kept, back up now, restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ClickwageError
from app.services.backup_restore import StagedRestore
from app.services.backups import BackupInfo, BackupService, RestoreResult
from app.storage.database import timestamp_for_file
from ui.gui.context import ALL_TABLES, GuiContext
from ui.gui.data_actions import run_work

PATH_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return _tr("{size:.1f} MB").format(size=size / (1 << 20))
    if size >= 1 << 10:
        return _tr("{size:.0f} kB").format(size=size / (1 << 10))
    return _tr("{size} bytes").format(size=size)


def when_text(info: BackupInfo, context: GuiContext) -> str:
    return info.created_at.astimezone(context.services.ctx.zone).strftime("%Y-%m-%d %H:%M")


def create_backup(context: GuiContext, parent: QWidget | None) -> BackupInfo | None:
    """A manual backup in the data folder's backups/, behind a progress dialog."""
    service = BackupService(context.services.ctx, context.services.settings)
    out = service.folder / f"clickwage-{timestamp_for_file(context.services.ctx.now())}.zip"
    info: BackupInfo | None = run_work(
        context,
        parent,
        _tr("Backing up…"),
        lambda progress, cancel: service.create(out, progress, cancel),
    )
    if info is not None:
        context.message.emit(
            _tr("Backup written to {path} ({size}).").format(
                path=info.path, size=size_text(info.size)
            )
        )
    return info


class BackupDialog(QDialog):
    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups and restore"))
        self.context = context
        self.service = BackupService(context.services.ctx, context.services.settings)
        self.last_label = QLabel(self)
        self.last_label.setObjectName("lastBackup")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.back_up_button = QPushButton(self.tr("Back up now"), self)
        self.back_up_button.setObjectName("backUpNow")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restoreSelected")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"), self)
        self.restore_file_button.setObjectName("restoreFile")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 400)
        self.refresh()

    def refresh(self) -> None:
        backups = self.context.run(self.service.list) or []
        self.tree.clear()
        kinds = {"auto": self.tr("automatic"), "manual": self.tr("manual")}
        for info in backups:
            item = QTreeWidgetItem(
                [
                    when_text(info, self.context),
                    kinds.get(info.kind, info.kind),
                    size_text(info.size),
                    info.path.name,
                ]
            )
            item.setData(0, PATH_ROLE, str(info.path))
            self.tree.addTopLevelItem(item)
        if backups:
            last = backups[0]
            self.last_label.setText(
                self.tr("Last backup: {when} ({size}).").format(
                    when=when_text(last, self.context), size=size_text(last.size)
                )
            )
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self.last_label.setText(self.tr("No backup yet."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def back_up_now(self) -> BackupInfo | None:
        info = create_backup(self.context, self)
        self.refresh()
        return info

    def restore_selected(self) -> RestoreResult | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        return self.restore(Path(str(items[0].data(0, PATH_ROLE))))

    def restore_from_file(self) -> RestoreResult | None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), str(self.service.folder), self.tr("Backups (*.zip)")
        )
        return self.restore(Path(name)) if name else None

    def restore(self, archive: Path) -> RestoreResult | None:
        """Ask, then restore `archive`; the current data is kept as a safety copy."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore"),
            self.tr(
                "Restore the backup {file}? The journal will become what it was then. "
                "The current data is kept as a safety copy in the data folder."
            ).format(file=archive.name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("restoreConfirm")
        if box.exec() != int(QMessageBox.StandardButton.Ok.value):
            return None
        # The long part on a worker, behind a progress bar: every file of the backup checked
        # and extracted while the journal stays open.
        staged: StagedRestore | None = run_work(
            self.context,
            self,
            self.tr("Checking the backup…"),
            lambda progress, cancel: self.service.stage_restore(archive, progress, cancel),
        )
        if staged is None:
            return None
        with staged:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                # On this thread: the swap closes the journal's connections while it works.
                result = self.service.apply_restore(staged)
            except ClickwageError as error:
                QApplication.restoreOverrideCursor()
                self.context.show_error(str(error))
                return None
            QApplication.restoreOverrideCursor()
        self.context.changed.emit(ALL_TABLES)
        text = self.tr("Restored the backup made {when}.").format(
            when=when_text(result.backup, self.context)
        )
        if result.safety_copy is not None:
            text += " " + self.tr("The previous data was kept in {path}.").format(
                path=result.safety_copy
            )
        self.context.message.emit(text)
        done = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Restore"),
            "\n".join([text, *result.notes]),
            QMessageBox.StandardButton.Ok,
            self,
        )
        done.setObjectName("restoreDone")
        done.exec()
        self.refresh()
        return result
