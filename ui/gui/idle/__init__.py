"""Idle detection: notice that the user walked away (or the computer slept) while the
timer ran, and ask on their return what that time was.

- base.py: the IdleSource interface, FakeIdleSource (tests), UnavailableIdleSource;
- windows.py, macos.py, x11.py, dbus.py: the real probes, each harmless where it
  cannot work (GetLastInputInfo, CGEventSourceSecondsSinceLastEventType, XScreenSaver,
  GNOME Mutter's IdleMonitor and freedesktop ScreenSaver on the session bus);
- chooser.py: the first probe that answers here;
- monitor.py: IdleMonitor, which polls while started and signals returns;
- install.py: install_idle() for the composition root, idle_status_text() for Settings.
"""

from ui.gui.idle.base import FakeIdleSource, IdleSource, UnavailableIdleSource
from ui.gui.idle.chooser import choose_idle_source
from ui.gui.idle.install import IdleController, idle_minutes, idle_status_text, install_idle
from ui.gui.idle.monitor import IdleMonitor

__all__ = [
    "FakeIdleSource",
    "IdleController",
    "IdleMonitor",
    "IdleSource",
    "UnavailableIdleSource",
    "choose_idle_source",
    "idle_minutes",
    "idle_status_text",
    "install_idle",
]
