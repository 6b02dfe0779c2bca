"""Account events: suspensions, closures and withheld balances, messages, resolutions.

Each change has an inverse for the window's undo: delete ↔ restore, and
edit ↔ edit with editable()'s values.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.money import format_plain, parse_amount
from app.domain.statuses import EventKind, Origin
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.records import EventInfo
from app.services.validation import choice, not_in_future
from app.storage.models import AccountEvent, Platform


class EventService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def add(
        self,
        platform: str,
        kind: str,
        at: datetime | None = None,
        amount: str | None = None,
        note: str | None = None,
        asks_for_money: bool = False,
    ) -> EventInfo:
        ctx, tr = self._ctx, self._ctx.tr
        event_kind = choice(EventKind, kind, tr.gettext("event kind"), tr)
        when = not_in_future(ctx, at, tr.gettext("event time")) if at else ctx.now()
        with ctx.db.write() as session:
            target = find_platform(session, platform, tr)
            row = AccountEvent(
                platform_id=target.id,
                kind=event_kind.value,
                at=when,
                amount=parse_amount(amount, target.currency, tr, what=tr.gettext("amount"))
                if amount is not None
                else None,
                currency=target.currency,
                asks_for_money=asks_for_money,
                note=note or None,
            )
            session.add(row)
            session.flush()
            return EventInfo.of(row, target.name)

    def list(self, platform: str | None = None) -> list[EventInfo]:
        with self._ctx.db.read() as session:
            query = (
                select(AccountEvent, Platform.name)
                .join(Platform, Platform.id == AccountEvent.platform_id)
                .order_by(AccountEvent.at, AccountEvent.id)
            )
            if platform:
                query = query.where(
                    AccountEvent.platform_id == find_platform(session, platform, self._ctx.tr).id
                )
            return [EventInfo.of(row, name) for row, name in session.execute(query)]

    def get(self, event_id: int) -> EventInfo:
        with self._ctx.db.read() as session:
            row = self._row(session, event_id)
            return EventInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def editable(self, event_id: int) -> dict[str, Any]:
        """The fields edit() takes, as they are now (undo passes them back)."""
        with self._ctx.db.read() as session:
            row = self._row(session, event_id)
            return {
                "kind": row.kind,
                "at": row.at,
                "amount": format_plain(row.amount, row.currency),
                "note": row.note,
                "asks_for_money": row.asks_for_money,
            }

    def edit(self, event_id: int, **changes: Any) -> EventInfo:
        """Correct an event. Keys: kind, at (an aware datetime), amount (text in the event's
        currency; None or "" for none), note, asks_for_money."""
        ctx, tr = self._ctx, self._ctx.tr
        with ctx.db.write() as session:
            row = self._row(session, event_id)
            for key, value in changes.items():
                text = value.strip() if isinstance(value, str) else value
                if key == "kind":
                    row.kind = choice(EventKind, text or "", tr.gettext("event kind"), tr).value
                elif key == "at":
                    row.at = not_in_future(ctx, value, tr.gettext("event time"))
                elif key == "amount":
                    row.amount = (
                        parse_amount(text, row.currency, tr, what=tr.gettext("amount"))
                        if text
                        else None
                    )
                elif key == "note":
                    row.note = text or None
                elif key == "asks_for_money":
                    row.asks_for_money = bool(value)
                else:
                    raise InvalidInput(tr.gettext("{key!r} is not an event field.").format(key=key))
            session.flush()
            return EventInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def delete(self, event_id: int) -> dict[str, Any]:
        """Delete an event; returns its stored values so that undo can restore it."""
        with self._ctx.db.write() as session:
            row = self._row(session, event_id)
            snapshot = {
                column.name: getattr(row, column.name)
                for column in AccountEvent.__table__.columns
                if column.name != "row_hash"
            }
            session.delete(row)
            return snapshot

    def restore(self, snapshot: dict[str, Any]) -> EventInfo:
        """Put a deleted event back (undo), under its old id."""
        with self._ctx.db.write(origin=str(snapshot.get("origin") or Origin.MANUAL)) as session:
            row = AccountEvent(**snapshot)
            session.add(row)
            session.flush()
            return EventInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def _row(self, session: Session, event_id: int) -> AccountEvent:
        row = session.get(AccountEvent, event_id)
        if row is None:
            raise NotFound(
                self._ctx.tr.gettext("There is no account event number {id}.").format(id=event_id)
            )
        return row
