"""One window per data folder: a second launch brings the running one to the front.

A QLockFile in the config folder says an instance runs (a lock left by a
crashed process is recognised as stale and taken over); a QLocalServer lets
the second launch ask the first to show itself, then exit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAKE = b"show\n"
TIMEOUT_MS = 1500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"clickwage-{digest}"


class SingleInstance(QObject):
    """Signals:
    activated(): another launch asked this instance to show its window.
    """

    activated = Signal()

    def __init__(self, lock_dir: Path, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(lock_dir / f"{self._name}.lock"))
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first; it then listens for later launches."""
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            self._lock.removeStaleLockFile()
            if not self._lock.tryLock(100):
                return False
        QLocalServer.removeServer(self._name)  # a socket left by a crash
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self.on_server_new_connection)
        self._server.listen(self._name)
        return True

    def wake_first(self) -> bool:
        """Ask the running instance to show its window; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(WAKE)
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def on_server_new_connection(self) -> None:
        assert self._server is not None
        woken = False
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            # The other launch writes at once; the socket stays a child of the server.
            if connection.bytesAvailable() or connection.waitForReadyRead(TIMEOUT_MS):
                woken |= bytes(connection.readAll().data()).startswith(WAKE.strip())
            connection.close()
        if woken:
            self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._lock.isLocked():
            self._lock.unlock()
