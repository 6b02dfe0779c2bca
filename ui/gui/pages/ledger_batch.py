"""Bulk changes of many ledger tasks: on a worker, in batches, behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.domain.errors import ClickwageError

SYNC_BULK = 100  # at most this many tasks are changed on the GUI thread
BULK_BATCH = 200


class _BatchSignals(QObject):
    progress = Signal(int)
    done = Signal(object, str, bool)  # results so far, error message, cancelled


class _BatchJob(QRunnable):
    def __init__(
        self,
        signals: _BatchSignals,
        items: Sequence[Any],
        work: Callable[[Sequence[Any]], list[Any]],
        cancelled: Callable[[], bool],
    ) -> None:
        super().__init__()
        self._signals, self._items, self._work, self._cancelled = signals, items, work, cancelled

    def run(self) -> None:
        results: list[Any] = []
        error, cancelled = "", False
        try:
            for start in range(0, len(self._items), BULK_BATCH):
                if self._cancelled():
                    cancelled = True
                    break
                results.extend(self._work(self._items[start : start + BULK_BATCH]))
                self._signals.progress.emit(min(len(self._items), start + BULK_BATCH))
        except (ClickwageError, SQLAlchemyError, OSError) as failure:
            error = str(failure) or failure.__class__.__name__
        self._signals.done.emit(results, error, cancelled)


class _BatchRunner(QObject):
    """Runs a long bulk change on a worker, in batches, behind a modal progress dialog.

    All or nothing: when a batch fails or the worker cancels, what was done is undone.
    """

    def __init__(self, pool: QThreadPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._pool = pool
        self._parent = parent
        self._loop: QEventLoop | None = None
        self._outcome: tuple[list[Any], str, bool] = ([], "", False)
        self._dialog: QProgressDialog | None = None
        self._cancel = False

    def run(
        self,
        label: str,
        items: Sequence[Any],
        work: Callable[[Sequence[Any]], list[Any]],
        rollback: Callable[[list[Any]], object] | None,
    ) -> list[Any] | None:
        """The concatenated results, or None when cancelled (then nothing has changed)."""
        if len(items) <= SYNC_BULK:
            return work(items)
        signals = _BatchSignals(self)
        signals.progress.connect(self.on_job_progress)
        signals.done.connect(self.on_job_done)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, len(items), self._parent)
        dialog.setWindowTitle(self.tr("Clickwage"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if rollback is None:
            dialog.setCancelButton(None)  # an undo runs to its end
        dialog.canceled.connect(self.on_dialog_canceled)
        self._dialog, self._cancel = dialog, False
        self._loop = QEventLoop(self)
        self._pool.start(_BatchJob(signals, items, work, lambda: self._cancel))
        dialog.show()
        self._loop.exec()
        dialog.close()
        dialog.deleteLater()
        self._dialog = self._loop = None
        signals.deleteLater()
        results, error, cancelled = self._outcome
        if (error or cancelled) and rollback is not None and results:
            rollback(results)
        if error:
            raise ClickwageError(error)
        return None if cancelled else results

    def on_dialog_canceled(self) -> None:
        self._cancel = True

    def on_job_progress(self, done: int) -> None:
        if self._dialog is not None:
            self._dialog.setValue(done)

    def on_job_done(self, results: list[Any], error: str, cancelled: bool) -> None:
        self._outcome = (results, error, cancelled)
        if self._loop is not None:
            self._loop.quit()
