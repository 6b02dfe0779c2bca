"""The timer: start, stop, switch. A running session is a session with no end yet.

The start is stored the moment it is pressed; elapsed time is always
now − started_at. The database allows one running session at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.statuses import Activity, Origin
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.records import SessionInfo, iso_z
from app.services.validation import local_text, not_in_future
from app.storage.models import Platform, WorkSession


@dataclass(frozen=True)
class TimerStatus:
    running: bool
    session: SessionInfo | None
    elapsed_seconds: int | None

    def as_json(self) -> dict[str, object]:
        session = self.session
        return {
            "running": self.running,
            "platform": session.platform if session else None,
            "activity": session.activity if session else None,
            "started_at": iso_z(session.started_at) if session else None,
            "elapsed_seconds": self.elapsed_seconds,
        }


def running_session(session: Session) -> WorkSession | None:
    return session.scalar(select(WorkSession).where(WorkSession.ended_at.is_(None)))


class TimerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def status(self) -> TimerStatus:
        with self._ctx.db.read() as session:
            row = running_session(session)
            if row is None:
                return TimerStatus(False, None, None)
            info = SessionInfo.of(row, session.get_one(Platform, row.platform_id).name)
        elapsed = max(0, int((self._ctx.clock.now() - info.started_at).total_seconds()))
        return TimerStatus(True, info, elapsed)

    def start(
        self,
        platform: str,
        activity: Activity = Activity.TASK,
        at: datetime | None = None,
        note: str | None = None,
        switch: bool = False,
    ) -> tuple[SessionInfo, SessionInfo | None]:
        """Start a session; with `switch`, stop the running one at the same instant.

        Returns the new session and the one that was stopped, if any.
        """
        tr = self._ctx.tr
        when = not_in_future(self._ctx, at, tr.gettext("start time")) if at else self._ctx.now()
        origin = Origin.MANUAL if at else Origin.TIMER
        stopped: SessionInfo | None = None
        with self._ctx.db.write(origin=origin) as session:
            target = find_platform(session, platform, tr)
            current = running_session(session)
            if current is not None:
                current_platform = session.get_one(Platform, current.platform_id).name
                if not switch:
                    raise Conflict(
                        tr.gettext(
                            "A session on {platform} is already running since {since}; stop it "
                            "first, or use --switch to stop it and start the new one."
                        ).format(
                            platform=current_platform,
                            since=local_text(self._ctx, current.started_at),
                        )
                    )
                if when < current.started_at:
                    raise InvalidInput(
                        tr.gettext(
                            "The switch time {at} is before the running session's start ({since})."
                        ).format(
                            at=local_text(self._ctx, when),
                            since=local_text(self._ctx, current.started_at),
                        )
                    )
                current.ended_at = when
                session.flush()
                stopped = SessionInfo.of(current, current_platform)
            row = WorkSession(
                platform_id=target.id,
                activity=activity.value,
                started_at=when,
                ended_at=None,
                note=note or None,
            )
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                raise Conflict(tr.gettext("Another session started at the same moment.")) from None
            return SessionInfo.of(row, target.name), stopped

    def stop(self, at: datetime | None = None) -> SessionInfo:
        tr = self._ctx.tr
        when = not_in_future(self._ctx, at, tr.gettext("stop time")) if at else self._ctx.now()
        with self._ctx.db.write(origin=Origin.MANUAL if at else Origin.TIMER) as session:
            current = running_session(session)
            if current is None:
                raise Conflict(tr.gettext("No session is running, so there is nothing to stop."))
            if when < current.started_at:
                raise InvalidInput(
                    tr.gettext(
                        "The stop time {at} is before the session's start ({since})."
                    ).format(
                        at=local_text(self._ctx, when),
                        since=local_text(self._ctx, current.started_at),
                    )
                )
            current.ended_at = when
            session.flush()
            return SessionInfo.of(current, session.get_one(Platform, current.platform_id).name)

    def switch_activity(self, activity: Activity, at: datetime | None = None) -> SessionInfo:
        """Change what the running session is spent on, from `at` (a new session begins)."""
        tr = self._ctx.tr
        status = self.status()
        if not status.running or status.session is None:
            raise Conflict(tr.gettext("No session is running, so there is nothing to stop."))
        new, _ = self.start(status.session.platform, activity, at, switch=True)
        return new

    def edit_session(
        self,
        session_id: int,
        *,
        platform: str | None = None,
        activity: Activity | None = None,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
        note: str | None = None,
    ) -> SessionInfo:
        """Correct a session (the Today page's edits and undo). A running one stays running."""
        ctx, tr = self._ctx, self._ctx.tr
        with ctx.db.write() as session:
            row = self._session(session, session_id)
            if platform is not None:
                row.platform_id = find_platform(session, platform, tr).id
            if activity is not None:
                row.activity = activity.value
            if started_at is not None:
                row.started_at = not_in_future(ctx, started_at, tr.gettext("start time"))
            if ended_at is not None:
                if row.ended_at is None:
                    raise InvalidInput(
                        tr.gettext("Stop the running session to give it an end time.")
                    )
                row.ended_at = not_in_future(ctx, ended_at, tr.gettext("stop time"))
            if note is not None:
                row.note = note or None
            if row.ended_at is not None and row.ended_at < row.started_at:
                raise InvalidInput(
                    tr.gettext(
                        "The stop time {at} is before the session's start ({since})."
                    ).format(
                        at=local_text(ctx, row.ended_at), since=local_text(ctx, row.started_at)
                    )
                )
            session.flush()
            return SessionInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def reopen(self, session_id: int) -> SessionInfo:
        """Make a stopped session run again (undo of a stop)."""
        tr = self._ctx.tr
        with self._ctx.db.write() as session:
            current = running_session(session)
            if current is not None and current.id != session_id:
                raise Conflict(tr.gettext("Another session is running: stop it first."))
            row = self._session(session, session_id)
            row.ended_at = None
            session.flush()
            return SessionInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def delete_session(self, session_id: int) -> dict[str, object]:
        """Delete a session; returns its stored values so that undo can restore it."""
        with self._ctx.db.write() as session:
            row = self._session(session, session_id)
            snapshot: dict[str, object] = {
                column.name: getattr(row, column.name)
                for column in WorkSession.__table__.columns
                if column.name != "row_hash"
            }
            session.delete(row)
            return snapshot

    def restore_session(self, snapshot: dict[str, object]) -> SessionInfo:
        """Put a deleted session back (undo), under its old id."""
        origin = str(snapshot.get("origin") or Origin.MANUAL)
        with self._ctx.db.write(origin=origin) as session:
            row = WorkSession(**snapshot)
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                raise Conflict(
                    self._ctx.tr.gettext("Another session is running: stop it first.")
                ) from None
            return SessionInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def _session(self, session: Session, session_id: int) -> WorkSession:
        row = session.get(WorkSession, session_id)
        if row is None:
            raise NotFound(
                self._ctx.tr.gettext("There is no session number {id}.").format(id=session_id)
            )
        return row

    def sessions_between(self, start: datetime, stop: datetime) -> list[SessionInfo]:
        """Sessions that overlap [start, stop), oldest first (the Today page, evidence)."""
        with self._ctx.db.read() as session:
            rows = session.execute(
                select(WorkSession, Platform.name)
                .join(Platform, Platform.id == WorkSession.platform_id)
                .where(WorkSession.started_at < stop)
                .where((WorkSession.ended_at.is_(None)) | (WorkSession.ended_at > start))
                .order_by(WorkSession.started_at)
            ).all()
            return [SessionInfo.of(row, name) for row, name in rows]
