"""Linux desktops that answer on the session bus (this works under Wayland too).

- GNOME (Mutter): org.gnome.Mutter.IdleMonitor.GetIdletime, milliseconds. Mutter has
  no ext-idle-notify, and XWayland's counter misses native Wayland input.
- KDE Plasma and others: org.freedesktop.ScreenSaver.GetSessionIdleTime, seconds.
In a Flatpak, the manifest must let the app talk to these names (--talk-name).
"""

from __future__ import annotations

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from ui.gui.idle.base import IdleSource

CALL_TIMEOUT_MS = 500


class _DBusIdleSource(IdleSource):
    service = ""
    path = ""
    interface = ""
    method = ""
    unit_seconds = 1.0

    def __init__(self, connection: QDBusConnection | None = None) -> None:
        super().__init__()
        self.reason = ""
        self._bus = connection if connection is not None else QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            self.reason = "no D-Bus session bus"
            return
        self.available = self.idle_seconds() is not None
        if not self.available and not self.reason:
            self.reason = f"{self.service} does not answer"

    def idle_seconds(self) -> float | None:
        if not self._bus.isConnected():
            return None
        message = QDBusMessage.createMethodCall(
            self.service, self.path, self.interface, self.method
        )
        reply = self._bus.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self.reason = reply.errorMessage() or reply.errorName()
            return None
        arguments = reply.arguments()
        if not arguments:
            return None
        try:
            value = float(arguments[0])
        except (TypeError, ValueError):
            return None
        return value * self.unit_seconds if value >= 0 else None


class MutterIdleSource(_DBusIdleSource):
    name = "GNOME Mutter IdleMonitor"
    service = "org.gnome.Mutter.IdleMonitor"
    path = "/org/gnome/Mutter/IdleMonitor/Core"
    interface = "org.gnome.Mutter.IdleMonitor"
    method = "GetIdletime"
    unit_seconds = 0.001


class ScreenSaverIdleSource(_DBusIdleSource):
    name = "freedesktop ScreenSaver"
    service = "org.freedesktop.ScreenSaver"
    path = "/org/freedesktop/ScreenSaver"
    interface = "org.freedesktop.ScreenSaver"
    method = "GetSessionIdleTime"
    unit_seconds = 1.0
