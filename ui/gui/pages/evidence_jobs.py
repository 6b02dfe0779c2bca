"""The Evidence page's jobs: work run off the GUI thread, one at a time, with a progress bar.

A job builds, lays out, saves or prints a document on the page's own thread pool; it
reports through signals (_Signals) and never touches a widget. A newer job replaces what
an older one would show. A mixin of EvidencePage (evidence.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QProgressBar

from app.domain.errors import ClickwageError
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object

Work = Callable[[Callable[[int, int], None]], Any]


class _Signals(QObject):
    finished = Signal(int, object)  # ticket, result
    failed = Signal(int, str)  # ticket, message
    progress = Signal(int, int, int)  # ticket, done, total


class _Job(QRunnable):
    """One piece of work off the GUI thread; it reports through signals, never touches widgets."""

    def __init__(self, ticket: int, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.ticket, self.work, self.signals = ticket, work, signals

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.signals.progress.emit(self.ticket, done, total)

        try:
            result = self.work(progress)
        except ClickwageError as error:
            self.signals.failed.emit(self.ticket, str(error))
            return
        except Exception as error:  # shown to the user as one sentence, never a traceback
            self.signals.failed.emit(self.ticket, f"{type(error).__name__}: {error}")
            return
        self.signals.finished.emit(self.ticket, result)


class EvidenceJobsMixin(_Base):
    """Starts the page's jobs and shows their progress, their result or their failure."""

    _pool: QThreadPool
    _signals: _Signals
    _ticket: int
    _handlers: dict[int, Callable[[Any], None]]
    progress: QProgressBar
    status: QLabel
    _show_message: Callable[[str], None]

    def _start(self, work: Work, done: Callable[[Any], None], message: str) -> None:
        self._ticket += 1
        self._handlers = {self._ticket: done}  # a newer job replaces what an older one shows
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(message)
        self._pool.start(_Job(self._ticket, work, self._signals))

    def on_job_progress(self, ticket: int, done: int, total: int) -> None:
        if ticket == self._ticket and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def on_job_finished(self, ticket: int, result: object) -> None:
        handler = self._handlers.pop(ticket, None)
        if ticket == self._ticket:
            self.progress.setVisible(False)
        if handler is not None:
            handler(result)

    def on_job_failed(self, ticket: int, message: str) -> None:
        self._handlers.pop(ticket, None)
        if ticket == self._ticket:
            self.progress.setVisible(False)
            self._show_message(message)
            self.context.message.emit(message)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Wait for the running job (tests, and before the database is closed)."""
        return bool(self._pool.waitForDone(msecs))

    def busy(self) -> bool:
        return bool(self._pool.activeThreadCount())
