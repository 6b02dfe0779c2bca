"""Notice, while the timer runs, that the user was away, or that the computer slept.

Two signs, both read on each poll:
- the idle probe says nobody has touched the keyboard or mouse for at least the
  threshold (`idle_minutes`), and later says someone has again: the absence ran from
  the last input before it to the first input after it;
- the wall clock has jumped far beyond the poll interval between two polls: the
  computer was asleep (suspended, hibernated) in between, whatever the probe says, and
  the absence began at the last poll before the jump (earlier if the probe already
  counted idle time then). This works even where no probe is available.
An absence shorter than the threshold is a pause like any other and is not reported.

The clock is injected; the QTimer only decides when to look.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.clock import Clock
from ui.gui.idle.base import IdleSource

POLL_MS = 5000
# A gap between two polls longer than this means the computer was not running in between.
SLEEP_GAP_SECONDS = 30.0
SLEEP_GAP_POLLS = 4


class IdleMonitor(QObject):
    """Polls an IdleSource while started; reports each return after an absence.

    Signals:
        returned(idle_started_at: datetime, idle_seconds: int): the user is back after
            more than the threshold away (or asleep); the absence began at
            idle_started_at (aware UTC) and lasted idle_seconds.
    """

    returned = Signal(object, int)

    def __init__(
        self,
        source: IdleSource,
        clock: Clock,
        threshold_seconds: int,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._clock = clock
        self.threshold_seconds = threshold_seconds
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.last_absence_was_sleep = False  # what the last `returned` reported
        self._reset(clock.now())

    # -- control ---------------------------------------------------------------------------

    def start(self) -> None:
        """Begin watching (the timer started); nothing before now counts as an absence."""
        if self._timer.isActive():
            return
        self._reset(self._clock.now())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def set_threshold(self, seconds: int) -> None:
        self.threshold_seconds = max(60, int(seconds))

    def _reset(self, now: datetime) -> None:
        self._since = now  # when watching began: no absence starts earlier
        self._last_poll = now
        self._last_idle = 0.0
        self._away_since: datetime | None = None
        self._asleep = False

    # -- polling ---------------------------------------------------------------------------

    def _sleep_gap(self) -> float:
        return max(SLEEP_GAP_SECONDS, SLEEP_GAP_POLLS * self._timer.interval() / 1000.0)

    def on_timer_timeout(self) -> None:
        self.poll()

    def poll(self) -> None:
        """Look once (the QTimer calls this; tests call it after moving the fake clock)."""
        now = self._clock.now()
        idle = self.source.idle_seconds() if self.source.available else None
        gap = (now - self._last_poll).total_seconds()
        if gap < 0:  # the clock was set back: start afresh rather than guess
            self._reset(now)
            return
        if gap > self._sleep_gap():
            # Asleep since the last poll at the latest (earlier if already idle then).
            began = self._last_poll - timedelta(seconds=self._last_idle)
            if self._away_since is None or began < self._away_since:
                self._away_since = began
            self._asleep = True
        if idle is not None and idle >= self.threshold_seconds and self._away_since is None:
            self._away_since = now - timedelta(seconds=idle)
        self._last_poll = now
        self._last_idle = idle if idle is not None else 0.0
        if self._away_since is None:
            return
        if idle is not None and idle >= self.threshold_seconds:
            return  # still away
        # Back: at the last input the probe saw, or now when there is no probe.
        back = now - timedelta(seconds=idle) if idle is not None else now
        began = max(self._away_since, self._since)
        asleep = self._asleep
        self._away_since = None
        self._asleep = False
        seconds = int((back - began).total_seconds())
        if seconds >= self.threshold_seconds:
            self.last_absence_was_sleep = asleep
            self.returned.emit(began, seconds)
