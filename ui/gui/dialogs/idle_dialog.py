"""Back after an absence: keep the time, discard it, or count it as another activity.

The dialog only asks; `resolve_absence()` does what was chosen, through the timer
service, as one undoable edit:
- keep: nothing changes;
- discard: the session stops when the absence began, and a new one (same platform,
  activity and note) starts now;
- count as another activity: at the start of the absence the session switches to the
  chosen activity, and now it switches back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import Enum

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import Activity
from app.services.records import SessionInfo
from ui.gui import formatting
from ui.gui.context import GuiContext
from ui.gui.labels import activity_label

TABLES = frozenset({"work_sessions"})


class IdleChoice(Enum):
    KEEP = "keep"
    DISCARD = "discard"
    RECOUNT = "recount"


@dataclass(frozen=True)
class Absence:
    """Away from started_at to ended_at (aware UTC); asleep: the computer was sleeping."""

    started_at: datetime
    ended_at: datetime
    asleep: bool = False

    @property
    def seconds(self) -> int:
        return int((self.ended_at - self.started_at).total_seconds())

    @classmethod
    def of(cls, started_at: datetime, seconds: int, asleep: bool = False) -> Absence:
        return cls(started_at, started_at + timedelta(seconds=seconds), asleep)


class IdleDialog(QDialog):
    """Asks what to do with an absence during `session`.

    Widgets the tests use: `keep_radio`, `discard_radio`, `recount_radio`,
    `activity_combo`, `message`, `buttons`.
    """

    def __init__(
        self, absence: Absence, session: SessionInfo, zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("idleDialog")
        self.setWindowTitle(self.tr("Welcome back"))
        self.absence = absence
        self.session = session
        start = formatting.clock(absence.started_at, zone)
        end = formatting.clock(absence.ended_at, zone)
        length = formatting.duration(absence.seconds)
        if absence.asleep:
            text = self.tr(
                "The computer was asleep or you were away from {start} to {end} ({length}) "
                "while the timer ran on {platform} ({activity}). What was that time?"
            )
        else:
            text = self.tr(
                "Nobody touched the keyboard or mouse from {start} to {end} ({length}) while "
                "the timer ran on {platform} ({activity}). What was that time?"
            )
        self.message = QLabel(text.format(
            start=start, end=end, length=length, platform=session.platform,
            activity=activity_label(session.activity)))
        self.message.setWordWrap(True)

        self.keep_radio = QRadioButton(self.tr("Work: keep it in the session"))
        self.discard_radio = QRadioButton(
            self.tr("Not work: take it out (the session stops at {start} and starts again "
                    "now)").format(start=start))
        self.recount_radio = QRadioButton(self.tr("Count it as:"))
        self.activity_combo = QComboBox()
        self.activity_combo.setAccessibleName(self.tr("Activity for the time away"))
        for activity in Activity:
            if activity.value != session.activity:
                self.activity_combo.addItem(activity_label(activity.value), activity.value)
        self.activity_combo.activated.connect(self.on_activity_combo_activated)
        group = QButtonGroup(self)
        for radio in (self.keep_radio, self.discard_radio, self.recount_radio):
            group.addButton(radio)
        # Sleep is never work; a quiet keyboard may be reading a long task, so ask plainly.
        (self.discard_radio if absence.asleep else self.keep_radio).setChecked(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        recount_row = QHBoxLayout()
        recount_row.addWidget(self.recount_radio)
        recount_row.addWidget(self.activity_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.keep_radio)
        layout.addWidget(self.discard_radio)
        layout.addLayout(recount_row)
        layout.addWidget(self.buttons)

    def on_activity_combo_activated(self, _index: int) -> None:
        self.recount_radio.setChecked(True)

    def choice(self) -> IdleChoice:
        if self.discard_radio.isChecked():
            return IdleChoice.DISCARD
        if self.recount_radio.isChecked():
            return IdleChoice.RECOUNT
        return IdleChoice.KEEP

    def activity(self) -> Activity:
        return Activity(self.activity_combo.currentData())


def resolve_absence(
    context: GuiContext,
    session: SessionInfo,
    absence: Absence,
    choice: IdleChoice,
    activity: Activity | None = None,
) -> bool:
    """Apply the choice to the running session; True when the sessions were changed."""
    if choice is IdleChoice.KEEP:
        return False
    timer = context.services.timer
    status = timer.status()
    if not status.running or status.session is None or status.session.id != session.id:
        context.message.emit(context.tr(
            "The session changed while you were away; nothing was taken out."))
        return False
    began = max(absence.started_at, session.started_at)
    platform, own = session.platform, Activity(session.activity)
    if choice is IdleChoice.DISCARD:
        def discard() -> tuple[SessionInfo, SessionInfo]:
            stopped = timer.stop(at=began)
            restarted, _ = timer.start(platform, own, note=session.note)
            return stopped, restarted

        def undo_discard(done: tuple[SessionInfo, SessionInfo]) -> None:
            stopped, restarted = done
            timer.delete_session(restarted.id)
            timer.reopen(stopped.id)

        return context.push(
            context.tr("Take out the time away"), discard, undo_discard, TABLES
        ) is not None
    other = activity or Activity.OTHER
    if other is own:
        return False

    def recount() -> tuple[SessionInfo, SessionInfo, SessionInfo]:
        away, stopped = timer.start(platform, other, at=began, switch=True)
        back, _ = timer.start(platform, own, note=session.note, switch=True)
        assert stopped is not None
        return stopped, away, back

    def undo_recount(done: tuple[SessionInfo, SessionInfo, SessionInfo]) -> None:
        stopped, away, back = done
        timer.delete_session(back.id)
        timer.delete_session(away.id)
        timer.reopen(stopped.id)

    return context.push(
        context.tr("Count the time away as {activity}").format(
            activity=activity_label(other.value)),
        recount, undo_recount, TABLES,
    ) is not None
