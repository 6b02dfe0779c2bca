"""Payouts: requested → received (or refused, cancelled), with fees and their delay.

Every change has an inverse for the window's undo: receive/cancel/refuse ↔
reopen, delete ↔ restore, edit ↔ edit with editable()'s values.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.money import format_plain, normalise_currency, parse_amount
from app.domain.statuses import Origin, PayoutStatus
from app.services.context import ServiceContext
from app.services.platforms import find_platform
from app.services.records import PayoutInfo
from app.services.settings import SettingsService
from app.services.validation import choice, local_text, not_in_future
from app.storage.models import Payout, Platform

_CODE = re.compile(r"([A-Za-z]{3})")


class PayoutService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def add(
        self,
        platform: str,
        amount: str,
        requested: datetime,
        *,
        received: datetime | None = None,
        fee: str | None = None,
        method: str | None = None,
        reference: str | None = None,
        status: str | None = None,
        currency: str | None = None,
        asks_for_money: bool = False,
        note: str | None = None,
    ) -> PayoutInfo:
        ctx, tr = self._ctx, self._ctx.tr
        requested_at = not_in_future(ctx, requested, tr.gettext("request time"))
        received_at = not_in_future(ctx, received, tr.gettext("receipt time")) if received else None
        if status is None:
            state = PayoutStatus.RECEIVED if received_at else PayoutStatus.REQUESTED
        else:
            state = choice(PayoutStatus, status, tr.gettext("payout status"), tr)
        if state is PayoutStatus.RECEIVED and received_at is None:
            raise InvalidInput(
                tr.gettext("A received payout needs the time it arrived: add --received TIME.")
            )
        if received_at is not None and state is not PayoutStatus.RECEIVED:
            raise InvalidInput(
                tr.gettext("--received goes with the status received, not {status}.").format(
                    status=state.value
                )
            )
        self._check_order(requested_at, received_at)
        with ctx.db.write() as session:
            target = find_platform(session, platform, tr)
            code = normalise_currency(currency, tr) if currency else target.currency
            row = Payout(
                platform_id=target.id,
                amount=parse_amount(amount, code, tr, what=tr.gettext("payout amount")),
                currency=code,
                fee=parse_amount(fee, code, tr, what=tr.gettext("fee")) if fee else 0,
                method=method or None,
                reference=reference or None,
                status=state.value,
                requested_at=requested_at,
                received_at=received_at,
                asks_for_money=asks_for_money,
                note=note or None,
            )
            session.add(row)
            session.flush()
            return PayoutInfo.of(row, target.name)

    def receive(self, payout_id: int, at: datetime, amount: str | None = None) -> PayoutInfo:
        """Mark a waiting payout received; `amount` may name another currency ("95.20 EUR")."""
        ctx, tr = self._ctx, self._ctx.tr
        received_at = not_in_future(ctx, at, tr.gettext("receipt time"))
        with ctx.db.write(action="status") as session:
            row = session.get(Payout, payout_id)
            if row is None:
                raise NotFound(tr.gettext("There is no payout number {id}.").format(id=payout_id))
            if row.status != PayoutStatus.REQUESTED:
                raise Conflict(
                    tr.gettext("Payout {id} is already {status}.").format(
                        id=payout_id, status=row.status
                    )
                )
            self._check_order(row.requested_at, received_at)
            if amount is not None:
                currency, text = self._split_currency(amount, row.currency)
                row.received_amount = parse_amount(
                    text, currency, tr, what=tr.gettext("received amount")
                )
                row.received_currency = currency
            row.status = PayoutStatus.RECEIVED.value
            row.received_at = received_at
            session.flush()
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def _split_currency(self, amount: str, default: str) -> tuple[str, str]:
        codes = [c for c in _CODE.findall(amount) if c.isalpha()]
        if codes:
            return normalise_currency(codes[-1], self._ctx.tr), _CODE.sub("", amount).strip()
        return default, amount

    def _check_order(self, requested: datetime, received: datetime | None) -> None:
        tr = self._ctx.tr
        if received is not None and received < requested:
            raise InvalidInput(
                tr.gettext(
                    "The receipt time {received} is before the request time {requested}."
                ).format(
                    received=local_text(self._ctx, received),
                    requested=local_text(self._ctx, requested),
                )
            )

    def list(
        self,
        platform: str | None = None,
        requested_from: datetime | None = None,
        requested_before: datetime | None = None,
    ) -> list[PayoutInfo]:
        """Payouts in request order; optionally one platform's, requested in [from, before)."""
        with self._ctx.db.read() as session:
            query = (
                select(Payout, Platform.name)
                .join(Platform, Platform.id == Payout.platform_id)
                .order_by(Payout.requested_at, Payout.id)
            )
            if requested_from is not None:
                query = query.where(Payout.requested_at >= requested_from)
            if requested_before is not None:
                query = query.where(Payout.requested_at < requested_before)
            if platform:
                query = query.where(
                    Payout.platform_id == find_platform(session, platform, self._ctx.tr).id
                )
            return [PayoutInfo.of(row, name) for row, name in session.execute(query)]

    def get(self, payout_id: int) -> PayoutInfo:
        with self._ctx.db.read() as session:
            row = self._row(session, payout_id)
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def editable(self, payout_id: int) -> dict[str, Any]:
        """The fields edit() takes, as they are now (undo passes them back)."""
        with self._ctx.db.read() as session:
            row = self._row(session, payout_id)
            return {
                "amount": format_plain(row.amount, row.currency),
                "fee": format_plain(row.fee, row.currency),
                "method": row.method,
                "reference": row.reference,
                "requested_at": row.requested_at,
                "note": row.note,
                "asks_for_money": row.asks_for_money,
            }

    def edit(self, payout_id: int, **changes: Any) -> PayoutInfo:
        """Correct a payout. Keys: amount, fee (text in the payout's currency), method,
        reference, note, requested_at (an aware datetime), asks_for_money."""
        ctx, tr = self._ctx, self._ctx.tr
        with ctx.db.write() as session:
            row = self._row(session, payout_id)
            for key, value in changes.items():
                text = value.strip() if isinstance(value, str) else value
                if key == "amount":
                    row.amount = parse_amount(
                        text or "", row.currency, tr, what=tr.gettext("payout amount")
                    )
                elif key == "fee":
                    row.fee = (
                        parse_amount(text, row.currency, tr, what=tr.gettext("fee")) if text else 0
                    )
                elif key in ("method", "reference", "note"):
                    setattr(row, key, text or None)
                elif key == "requested_at":
                    row.requested_at = not_in_future(ctx, value, tr.gettext("request time"))
                elif key == "asks_for_money":
                    row.asks_for_money = bool(value)
                else:
                    raise InvalidInput(tr.gettext("{key!r} is not a payout field.").format(key=key))
            self._check_order(row.requested_at, row.received_at)
            session.flush()
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def cancel(self, payout_id: int) -> PayoutInfo:
        """You withdrew a request that had not been paid."""
        return self._close(payout_id, PayoutStatus.CANCELLED)

    def refuse(self, payout_id: int) -> PayoutInfo:
        """The platform refused to pay a requested payout."""
        return self._close(payout_id, PayoutStatus.REFUSED)

    def _close(self, payout_id: int, status: PayoutStatus) -> PayoutInfo:
        tr = self._ctx.tr
        with self._ctx.db.write(action="status") as session:
            row = self._row(session, payout_id)
            if row.status != PayoutStatus.REQUESTED:
                raise Conflict(
                    tr.gettext("Payout {id} is already {status}.").format(
                        id=payout_id, status=row.status
                    )
                )
            row.status = status.value
            session.flush()
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def reopen(self, payout_id: int) -> PayoutInfo:
        """Make a payout waiting again (undo of receive, cancel or refuse)."""
        with self._ctx.db.write(action="status") as session:
            row = self._row(session, payout_id)
            row.status = PayoutStatus.REQUESTED.value
            row.received_at = None
            row.received_amount = None
            row.received_currency = None
            session.flush()
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def delete(self, payout_id: int) -> dict[str, Any]:
        """Delete a payout; returns its stored values so that undo can restore it."""
        with self._ctx.db.write() as session:
            row = self._row(session, payout_id)
            snapshot = {
                column.name: getattr(row, column.name)
                for column in Payout.__table__.columns
                if column.name != "row_hash"
            }
            session.delete(row)
            return snapshot

    def restore(self, snapshot: dict[str, Any]) -> PayoutInfo:
        """Put a deleted payout back (undo), under its old id."""
        with self._ctx.db.write(origin=str(snapshot.get("origin") or Origin.MANUAL)) as session:
            row = Payout(**snapshot)
            session.add(row)
            session.flush()
            return PayoutInfo.of(row, session.get_one(Platform, row.platform_id).name)

    def slowest(self, since: datetime) -> dict[str, tuple[int, bool]]:
        """Per platform name, the longest delay in seconds and whether that payout still waits.

        Judged like the warnings: payouts received that were requested since
        `since`, and every payout still waiting, however old.
        """
        now = self._ctx.now()
        with self._ctx.db.read() as session:
            query = (
                select(Payout, Platform.name)
                .join(Platform, Platform.id == Payout.platform_id)
                .where(
                    or_(
                        Payout.status == PayoutStatus.REQUESTED.value,
                        (Payout.status == PayoutStatus.RECEIVED.value)
                        & (Payout.requested_at >= since),
                    )
                )
            )
            found: dict[str, tuple[int, bool]] = {}
            for row, name in session.execute(query):
                delay = PayoutInfo.of(row, name).delay_seconds(now)
                if delay is None:
                    continue
                waiting = row.status == PayoutStatus.REQUESTED
                if name not in found or (delay, waiting) > found[name]:
                    found[name] = (delay, waiting)
            return found

    def _row(self, session: Session, payout_id: int) -> Payout:
        row = session.get(Payout, payout_id)
        if row is None:
            raise NotFound(
                self._ctx.tr.gettext("There is no payout number {id}.").format(id=payout_id)
            )
        return row
