"""Windows: GetLastInputInfo (user32), the tick count of the last input of the session."""

from __future__ import annotations

import ctypes
import sys

from ui.gui.idle.base import IdleSource


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]


class WindowsIdleSource(IdleSource):
    name = "Windows GetLastInputInfo"

    def __init__(self) -> None:
        super().__init__()
        self._user32: ctypes.CDLL | None = None
        self._kernel32: ctypes.CDLL | None = None
        if sys.platform != "win32":
            return
        try:
            self._user32 = ctypes.WinDLL("user32")
            self._kernel32 = ctypes.WinDLL("kernel32")
            self._kernel32.GetTickCount.restype = ctypes.c_uint
            self._user32.GetLastInputInfo.argtypes = [ctypes.POINTER(_LastInputInfo)]
            self._user32.GetLastInputInfo.restype = ctypes.c_int
        except (OSError, AttributeError):
            self._user32 = self._kernel32 = None
            return
        self.available = self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        if self._user32 is None or self._kernel32 is None:
            return None
        info = _LastInputInfo()
        info.cbSize = ctypes.sizeof(_LastInputInfo)
        try:
            if not self._user32.GetLastInputInfo(ctypes.byref(info)):
                return None
            now = int(self._kernel32.GetTickCount())
        except OSError:
            return None
        # Both are 32-bit millisecond tick counts that wrap every 49.7 days.
        return ((now - int(info.dwTime)) & 0xFFFFFFFF) / 1000.0
