"""Plain objects the services return (never ORM instances), with their JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.money import format_plain
from app.storage.models import AccountEvent, Payout, Platform, Task, WorkSession


def iso_z(instant: datetime | None) -> str | None:
    """UTC with a Z, as every date in JSON."""
    if instant is None:
        return None
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PlatformInfo:
    id: int
    name: str
    currency: str
    url: str | None
    account_ref: str | None
    min_wage: int | None
    max_payout_days: int | None
    max_review_days: int | None
    archived: bool

    @classmethod
    def of(cls, row: Platform) -> PlatformInfo:
        return cls(
            row.id,
            row.name,
            row.currency,
            row.url,
            row.account_ref,
            row.min_wage,
            row.max_payout_days,
            row.max_review_days,
            row.archived,
        )

    def as_json(self, home_currency: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "currency": self.currency,
            "url": self.url,
            "account": self.account_ref,
            "min_wage": format_plain(self.min_wage, home_currency),
            "max_payout_days": self.max_payout_days,
            "max_review_days": self.max_review_days,
            "archived": self.archived,
        }


@dataclass(frozen=True)
class SessionInfo:
    id: int
    platform: str
    activity: str
    started_at: datetime
    ended_at: datetime | None
    note: str | None
    origin: str

    @classmethod
    def of(cls, row: WorkSession, platform: str) -> SessionInfo:
        return cls(
            row.id, platform, row.activity, row.started_at, row.ended_at, row.note, row.origin
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "activity": self.activity,
            "started_at": iso_z(self.started_at),
            "ended_at": iso_z(self.ended_at),
            "note": self.note,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class TaskInfo:
    id: int
    platform: str
    external_id: str | None
    title: str | None
    requester: str | None
    status: str
    reward: int
    earned: int | None
    bonus: int
    currency: str
    started_at: datetime | None
    submitted_at: datetime | None
    decided_at: datetime | None
    duration_s: int | None
    reason: str | None
    note: str | None
    origin: str
    recorded_at: datetime
    edited_at: datetime
    session_id: int | None = None

    @classmethod
    def of(cls, row: Task, platform: str) -> TaskInfo:
        return cls(
            row.id,
            platform,
            row.external_id,
            row.title,
            row.requester,
            row.status,
            row.reward,
            row.earned,
            row.bonus,
            row.currency,
            row.started_at,
            row.submitted_at,
            row.decided_at,
            row.duration_s,
            row.reason,
            row.note,
            row.origin,
            row.recorded_at,
            row.edited_at,
            row.session_id,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "external_id": self.external_id,
            "title": self.title,
            "requester": self.requester,
            "status": self.status,
            "reward": format_plain(self.reward, self.currency),
            "earned": format_plain(self.earned, self.currency),
            "bonus": format_plain(self.bonus, self.currency),
            "currency": self.currency,
            "started_at": iso_z(self.started_at),
            "submitted_at": iso_z(self.submitted_at),
            "decided_at": iso_z(self.decided_at),
            "duration_s": self.duration_s,
            "reason": self.reason,
            "note": self.note,
            "origin": self.origin,
            "recorded_at": iso_z(self.recorded_at),
        }


@dataclass(frozen=True)
class PayoutInfo:
    id: int
    platform: str
    amount: int
    currency: str
    fee: int
    method: str | None
    reference: str | None
    status: str
    requested_at: datetime
    received_at: datetime | None
    received_amount: int | None
    received_currency: str | None
    origin: str
    recorded_at: datetime

    @classmethod
    def of(cls, row: Payout, platform: str) -> PayoutInfo:
        return cls(
            row.id,
            platform,
            row.amount,
            row.currency,
            row.fee,
            row.method,
            row.reference,
            row.status,
            row.requested_at,
            row.received_at,
            row.received_amount,
            row.received_currency,
            row.origin,
            row.recorded_at,
        )

    def delay_seconds(self, now: datetime) -> int | None:
        if self.received_at is not None:
            return int((self.received_at - self.requested_at).total_seconds())
        if self.status == "requested":
            return int((now - self.requested_at).total_seconds())
        return None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "amount": format_plain(self.amount, self.currency),
            "currency": self.currency,
            "fee": format_plain(self.fee, self.currency),
            "method": self.method,
            "reference": self.reference,
            "status": self.status,
            "requested_at": iso_z(self.requested_at),
            "received_at": iso_z(self.received_at),
            "received_amount": (
                format_plain(self.received_amount, self.received_currency)
                if self.received_currency
                else None
            ),
            "received_currency": self.received_currency,
            "origin": self.origin,
            "recorded_at": iso_z(self.recorded_at),
        }


@dataclass(frozen=True)
class EventInfo:
    id: int
    platform: str
    kind: str
    at: datetime
    amount: int | None
    currency: str
    note: str | None
    origin: str

    @classmethod
    def of(cls, row: AccountEvent, platform: str) -> EventInfo:
        return cls(
            row.id, platform, row.kind, row.at, row.amount, row.currency, row.note, row.origin
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "kind": self.kind,
            "at": iso_z(self.at),
            "amount": format_plain(self.amount, self.currency),
            "currency": self.currency,
            "note": self.note,
            "origin": self.origin,
        }
