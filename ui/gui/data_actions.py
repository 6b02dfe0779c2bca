"""Import, export and backup actions of the window's File menu.

Long work (an import, an export, a backup) runs on a worker thread behind a
modal progress dialog; the services open their own database sessions there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QWidget

from app.domain.errors import ClickwageError
from app.services.exports import ExportResult, ExportService
from ui.gui.context import GuiContext

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Work = Callable[[Progress, Cancel], Any]
SCALE = 1000  # progress dialogs count in thousandths of the total


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataActions", text)


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object, object)  # result, error (an exception) or None


class _Job(QRunnable):
    def __init__(self, signals: _Signals, work: Work, cancelled: Cancel) -> None:
        super().__init__()
        self._signals, self._work, self._cancelled = signals, work, cancelled

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._work(self._signals.progress.emit, self._cancelled)
        except Exception as failure:  # handed to the GUI thread, which shows or raises it
            error = failure
        self._signals.done.emit(result, error)


class WorkRunner(QObject):
    """Runs `work(progress, cancel)` on a worker behind a modal QProgressDialog.

    Returns work's result; raises what it raised (ClickwageError included: the
    caller shows it through the context).
    """

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._loop: QEventLoop | None = None
        self._dialog: QProgressDialog | None = None
        self._cancel = False
        self._outcome: tuple[Any, BaseException | None] = (None, None)

    def run(self, label: str, work: Work, cancellable: bool = True) -> Any:
        signals = _Signals(self)
        signals.progress.connect(self.on_progress)
        signals.done.connect(self.on_done)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, SCALE, self._parent)
        dialog.setObjectName("workProgress")
        dialog.setWindowTitle(self.tr("Clickwage"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.on_canceled)
        self._dialog, self._cancel, self._outcome = dialog, False, (None, None)
        self._loop = QEventLoop(self)
        self._pool.start(_Job(signals, work, lambda: self._cancel))
        dialog.show()
        self._loop.exec()
        self._pool.waitForDone()
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        signals.deleteLater()
        self._dialog = self._loop = None
        result, error = self._outcome
        if error is not None:
            raise error
        return result

    def on_canceled(self) -> None:
        self._cancel = True

    def on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None and total > 0:
            self._dialog.setValue(min(SCALE, done * SCALE // total))

    def on_done(self, result: Any, error: BaseException | None) -> None:
        self._outcome = (result, error)
        if self._loop is not None:
            self._loop.quit()


def run_work(context: GuiContext, parent: QWidget | None, label: str, work: Work) -> Any:
    """Run work behind a progress dialog; a service error becomes a message (and None)."""
    runner = WorkRunner(parent)
    try:
        return runner.run(label, work)
    except ClickwageError as error:
        context.show_error(str(error))
        return None
    finally:
        runner.deleteLater()


def install(window: QMainWindow, file_menu: QMenu, context: GuiContext) -> None:
    """Import…, Export…, Back up now…, Backups and restore… in the File menu."""
    import_action = QAction(_tr("Import…"), window)
    import_action.setObjectName("importAction")
    import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
    import_action.triggered.connect(lambda: open_import_wizard(window, context))
    export_action = QAction(_tr("Export…"), window)
    export_action.setObjectName("exportAction")
    export_action.triggered.connect(lambda: export_dialog(window, context))
    backup_action = QAction(_tr("Back up now…"), window)
    backup_action.setObjectName("backupNowAction")
    backup_action.triggered.connect(lambda: back_up_now(window, context))
    backups_action = QAction(_tr("Backups and restore…"), window)
    backups_action.setObjectName("backupsAction")
    backups_action.triggered.connect(lambda: open_backups(window, context))
    for action in (import_action, export_action, backup_action, backups_action):
        file_menu.addAction(action)


def open_import_wizard(parent: QWidget | None, context: GuiContext) -> None:
    from ui.gui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(context, parent)
    wizard.exec()
    wizard.deleteLater()


def open_backups(parent: QWidget | None, context: GuiContext) -> None:
    from ui.gui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(context, parent)
    dialog.exec()
    dialog.deleteLater()


def back_up_now(parent: QWidget | None, context: GuiContext) -> None:
    from ui.gui.dialogs.backup_dialog import create_backup

    create_backup(context, parent)


def export_dialog(parent: QWidget | None, context: GuiContext) -> None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr("Export"),
        str(Path.home() / "clickwage-export.zip"),
        _tr("CSV files in a zip (*.zip);;JSON (*.json)"),
    )
    if name:
        export_to(context, parent, Path(name))


def export_to(context: GuiContext, parent: QWidget | None, out: Path) -> ExportResult | None:
    """Export everything to `out` (.json: JSON, else a zip of CSV files) and say so."""
    service = ExportService(context.services.ctx, context.services.settings)
    if out.suffix.lower() not in (".zip", ".json"):
        out = out.with_name(out.name + ".zip")
    result: ExportResult | None = run_work(
        context,
        parent,
        _tr("Exporting…"),
        lambda progress, cancel: service.export(out, None, progress, cancel),
    )
    if result is not None:
        counted = ", ".join(f"{name}: {count}" for name, count in result.counts.items())
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("Export"),
            _tr("Exported to {path} ({counts}).").format(path=result.path, counts=counted),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("exportDone")
        box.exec()
    return result
