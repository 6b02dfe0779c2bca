"""What every idle probe offers: seconds since the last keyboard or mouse input.

A probe that cannot work here says so (`available` is False, `idle_seconds()` returns
None) instead of pretending the user is active: timers that silently never notice an
absence (Toggl on Wayland) are worse than an honest "not available".
"""

from __future__ import annotations


class IdleSource:
    """Seconds since the user last touched the keyboard or mouse, where the desktop tells.

    `name` says which mechanism answers (shown in Settings); `available` is False when it
    cannot work on this computer. `idle_seconds()` returns None whenever it has no answer,
    including a failure after it first worked (a D-Bus service gone, an X server closed).
    """

    name = "none"

    def __init__(self) -> None:
        self.available = False

    def idle_seconds(self) -> float | None:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the probe holds (an X display connection)."""


class UnavailableIdleSource(IdleSource):
    """No probe works here; `reasons` says what was tried and why each one failed."""

    name = "unavailable"

    def __init__(self, reasons: list[str] | None = None) -> None:
        super().__init__()
        self.reasons = list(reasons or [])

    def idle_seconds(self) -> float | None:
        return None


class FakeIdleSource(IdleSource):
    """For tests: reports whatever `idle` holds (None: no answer this time)."""

    name = "fake"

    def __init__(self, idle: float | None = 0.0, available: bool = True) -> None:
        super().__init__()
        self.idle = idle
        self.available = available
        self.calls = 0

    def idle_seconds(self) -> float | None:
        self.calls += 1
        return self.idle if self.available else None
