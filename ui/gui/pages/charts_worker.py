"""The Charts page's background thread: reads the reports off the GUI thread, one job at a time.

A job is a plain function of the services (no Qt, no widget). Its result, or
the error it raised, comes back on the GUI thread through the `done` signal
with the tag it was given, so the page can tell a stale result from the one
it waits for. The window stays responsive while a year of a big ledger is read.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class ChartsWorker(QObject):
    # tag, result (None on failure), error (None on success): delivered on the GUI thread
    done = Signal(object, object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._closed = False
        self.pending = 0  # jobs submitted and not delivered yet

    def submit(self, tag: Any, job: Callable[[], Any]) -> None:
        if self._closed:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts-data")
        self.pending += 1

        def run() -> None:
            try:
                result, error = job(), None
            except Exception as raised:  # delivered to the GUI thread, which reports it
                result, error = None, raised
            if not self._closed:
                self.done.emit(tag, result, error)

        self._executor.submit(run)

    def delivered(self) -> None:
        self.pending = max(0, self.pending - 1)

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def close(self) -> None:
        """Wait for the running job (a database read) and drop the queued ones."""
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
