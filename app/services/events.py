"""Account events: suspensions, closures and withheld balances, messages, resolutions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.domain.money import parse_amount
from app.domain.statuses import EventKind
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
