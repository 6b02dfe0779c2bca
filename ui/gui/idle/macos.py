"""macOS: CGEventSourceSecondsSinceLastEventType from the CoreGraphics framework."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from ui.gui.idle.base import IdleSource

FRAMEWORKS = (
    "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics",
    "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices",
)
HID_SYSTEM_STATE = 1  # kCGEventSourceStateHIDSystemState: input from every source
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType


class MacIdleSource(IdleSource):
    name = "macOS CoreGraphics"

    def __init__(self) -> None:
        super().__init__()
        self._function: Any = None  # the C function, once found
        if sys.platform != "darwin":
            return
        for path in FRAMEWORKS:
            try:
                # dlopen finds system frameworks in the shared cache, even when not on disk.
                library = ctypes.CDLL(path)
                function = library.CGEventSourceSecondsSinceLastEventType
            except (OSError, AttributeError):
                continue
            function.argtypes = [ctypes.c_int32, ctypes.c_uint32]
            function.restype = ctypes.c_double
            self._function = function
            break
        self.available = self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        if self._function is None:
            return None
        try:
            seconds = float(self._function(HID_SYSTEM_STATE, ANY_INPUT_EVENT))
        except (OSError, ctypes.ArgumentError):
            return None
        return seconds if seconds >= 0 else None
