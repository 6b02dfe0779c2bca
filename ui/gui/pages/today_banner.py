"""The Today page's banner: a timer left running, and "Still working?" after a long idle.

The banner offers to keep the session or to stop it at a chosen time. The page
watches key presses and clicks anywhere in the application to know when it was
last used. A mixin of TodayPage (today.py): its texts keep the "TodayPage"
translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDateTimeEdit, QFrame, QHBoxLayout, QLabel, QPushButton

from app.services.timer import TimerStatus
from ui.gui import formatting
from ui.gui.dialogs.session_dialog import from_qdatetime, to_qdatetime
from ui.gui.pages.base import Page

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class TodayBannerMixin(_Base):
    """Builds the banner and shows it when a session was left running or seems forgotten."""

    _status: TimerStatus
    _last_use: datetime
    _asked_still_working: bool
    _stop: Callable[[datetime | None], None]

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("leftRunningBanner")
        self.banner.setStyleSheet(
            "#leftRunningBanner { background: #fff4d6; border: 1px solid "
            "#e0a526; border-radius: 6px; }"
        )
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_stop_at = QDateTimeEdit()
        self.banner_stop_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.banner_stop_at.setAccessibleName(QCoreApplication.translate("TodayPage", "Stop time"))
        keep = QPushButton(QCoreApplication.translate("TodayPage", "Keep it running"))
        keep.clicked.connect(self.banner.hide)
        stop = QPushButton(QCoreApplication.translate("TodayPage", "Stop it at this time"))
        stop.clicked.connect(self.on_banner_stop_clicked)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_stop_at)
        row.addWidget(stop)
        row.addWidget(keep)
        self.banner.hide()
        return self.banner

    def _show_banner_if_left_running(self) -> None:
        session = self._status.session
        if not self._status.running or session is None:
            return
        zone = self.services.ctx.zone
        self.banner_text.setText(
            QCoreApplication.translate(
                "TodayPage",
                "A session on {platform} has been running since {time}. Keep it, or stop it at "
                "the time you really stopped:",
            ).format(platform=session.platform, time=formatting.day_time(session.started_at, zone))
        )
        self.banner_stop_at.setMinimumDateTime(to_qdatetime(session.started_at))
        self.banner_stop_at.setMaximumDateTime(to_qdatetime(self.services.ctx.clock.now()))
        self.banner_stop_at.setDateTime(to_qdatetime(self.services.ctx.clock.now()))
        self.banner.show()

    def on_banner_stop_clicked(self) -> None:
        self._stop(from_qdatetime(self.banner_stop_at.dateTime()))
        self.banner.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self._last_use = self.services.ctx.clock.now()
            self._asked_still_working = False
        return False

    def _check_still_working(self) -> None:
        session = self._status.session
        if not self._status.running or session is None or self._asked_still_working:
            return
        hours = self.services.settings.current().still_working_hours
        now = self.services.ctx.clock.now()
        since = max(self._last_use, session.started_at)
        if now - since < timedelta(hours=hours):
            return
        self._asked_still_working = True
        self.banner_text.setText(
            QCoreApplication.translate(
                "TodayPage",
                "Still working? The timer on {platform} has run for {hours} hours without you "
                "touching Clickwage. Keep it, or stop it at the time you stopped:",
            ).format(platform=session.platform, hours=hours)
        )
        self.banner_stop_at.setMinimumDateTime(to_qdatetime(session.started_at))
        self.banner_stop_at.setMaximumDateTime(to_qdatetime(now))
        self.banner_stop_at.setDateTime(to_qdatetime(since))
        self.banner.show()
