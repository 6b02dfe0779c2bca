"""X11: the MIT-SCREEN-SAVER extension (XScreenSaverQueryInfo in libXss).

Under a Wayland session an X server (XWayland) only sees input sent to X windows, so it
would report the user idle while they type in native windows: the chooser does not use
this probe there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from ui.gui.idle.base import IdleSource


class _ScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),  # milliseconds since the last input
        ("eventMask", ctypes.c_ulong),
    ]


def _load(soname: str, short: str) -> ctypes.CDLL | None:
    for name in (soname, ctypes.util.find_library(short)):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


class X11IdleSource(IdleSource):
    name = "X11 XScreenSaver"

    def __init__(self, display_name: str | None = None) -> None:
        super().__init__()
        self.reason = ""
        self._display: int | None = None
        self._xlib: ctypes.CDLL | None = None
        self._xss: ctypes.CDLL | None = None
        self._info: ctypes._Pointer[_ScreenSaverInfo] | None = None
        self._root = 0
        name = display_name if display_name is not None else os.environ.get("DISPLAY", "")
        if not name:
            self.reason = "no X display"
            return
        xlib = _load("libX11.so.6", "X11")
        xss = _load("libXss.so.1", "Xss")
        if xlib is None or xss is None:
            self.reason = "libX11 or libXss is missing"
            return
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        xlib.XFree.argtypes = [ctypes.c_void_p]
        xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)
        ]
        xss.XScreenSaverQueryExtension.restype = ctypes.c_int
        xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_ScreenSaverInfo)
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_ScreenSaverInfo)
        ]
        xss.XScreenSaverQueryInfo.restype = ctypes.c_int
        display = xlib.XOpenDisplay(name.encode())
        if not display:
            self.reason = f"the X display {name} cannot be opened"
            return
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            xlib.XCloseDisplay(display)
            self.reason = "the X server has no MIT-SCREEN-SAVER extension"
            return
        self._xlib, self._xss, self._display = xlib, xss, display
        self._root = int(xlib.XDefaultRootWindow(display))
        self._info = xss.XScreenSaverAllocInfo()
        self.available = bool(self._info) and self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        if self._xss is None or self._display is None or not self._info:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return int(self._info.contents.idle) / 1000.0

    def close(self) -> None:
        if self._xlib is not None and self._display is not None:
            if self._info:
                self._xlib.XFree(self._info)
            self._xlib.XCloseDisplay(self._display)
        self._display = None
        self._info = None
        self.available = False
