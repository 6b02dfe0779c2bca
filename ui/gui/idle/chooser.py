"""Pick the first idle probe that works on this computer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from ui.gui.idle.base import IdleSource, UnavailableIdleSource


def _windows() -> IdleSource:
    from ui.gui.idle.windows import WindowsIdleSource

    return WindowsIdleSource()


def _macos() -> IdleSource:
    from ui.gui.idle.macos import MacIdleSource

    return MacIdleSource()


def _mutter() -> IdleSource:
    from ui.gui.idle.dbus import MutterIdleSource

    return MutterIdleSource()


def _screensaver() -> IdleSource:
    from ui.gui.idle.dbus import ScreenSaverIdleSource

    return ScreenSaverIdleSource()


def _x11(display: str) -> IdleSource:
    from ui.gui.idle.x11 import X11IdleSource

    return X11IdleSource(display_name=display)


def is_wayland_session(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def candidates(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> list[tuple[str, Callable[[], IdleSource]]]:
    """The probes worth trying here, best first (name, factory)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform == "win32":
        return [("Windows GetLastInputInfo", _windows)]
    if platform == "darwin":
        return [("macOS CoreGraphics", _macos)]
    found: list[tuple[str, Callable[[], IdleSource]]] = []
    if environ.get("DBUS_SESSION_BUS_ADDRESS") or environ.get("XDG_RUNTIME_DIR"):
        found.append(("GNOME Mutter IdleMonitor", _mutter))
        found.append(("freedesktop ScreenSaver", _screensaver))
    display = environ.get("DISPLAY", "")
    if display and not is_wayland_session(environ):
        found.append(("X11 XScreenSaver", lambda: _x11(display)))
    return found


def choose_idle_source(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    factories: list[tuple[str, Callable[[], IdleSource]]] | None = None,
) -> IdleSource:
    """The first probe that answers, else an UnavailableIdleSource saying what was tried.

    No probe may crash the app: a probe that raises counts as unavailable.
    """
    reasons: list[str] = []
    for name, factory in factories if factories is not None else candidates(platform, environ):
        try:
            source = factory()
        except Exception as error:  # a broken desktop must never stop the window opening
            reasons.append(f"{name}: {type(error).__name__}: {error}")
            continue
        if source.available:
            return source
        reasons.append(f"{name}: {getattr(source, 'reason', '') or 'no answer'}")
        source.close()
    if not reasons:
        reasons.append("no probe for this desktop")
    return UnavailableIdleSource(reasons)
