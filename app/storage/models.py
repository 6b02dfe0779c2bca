"""The ORM: one class per entity of DESIGN.md, plus settings and the audit log.

Every ledger table carries `origin`, `recorded_at`, `edited_at` and a
`row_hash` of its content, kept by the audit trail (app/storage/audit.py).
Amounts are integer minor units beside their currency code.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.storage.types import DecimalText, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# A deleted record's id is never given to a new one (SQLite AUTOINCREMENT), so the audit
# trail can always tell a deletion from a later creation.
NEVER_REUSE_IDS: dict[str, Any] = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        Decimal: DecimalText(),
        date: Date(),
        str: String(),
        int: BigInteger().with_variant(Integer(), "sqlite"),
    }


class Tracked:
    """Columns every audited record has: how and when it was entered, and its content hash."""

    origin: Mapped[str] = mapped_column(String(40), default="manual")
    recorded_at: Mapped[datetime]
    edited_at: Mapped[datetime]
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class Platform(Tracked, Base):
    __tablename__ = "platforms"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(80), unique=True)  # casefolded name
    currency: Mapped[str] = mapped_column(String(3))
    url: Mapped[str | None] = mapped_column(String(500))
    account_ref: Mapped[str | None] = mapped_column(String(200))
    min_wage: Mapped[int | None]  # home currency minor units per hour
    max_payout_days: Mapped[int | None]
    max_review_days: Mapped[int | None]
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class WorkSession(Tracked, Base):
    __tablename__ = "work_sessions"
    __table_args__ = (
        # At most one running session, enforced by the database itself.
        Index(
            "uq_work_sessions_one_running",
            text("coalesce(ended_at, 0)"),
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
        Index("ix_work_sessions_platform_started", "platform_id", "started_at", "ended_at"),
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platforms.id", ondelete="RESTRICT"))
    activity: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)


class Task(Tracked, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("platform_id", "external_id", name="uq_tasks_platform_external"),
        # Covering index for the report's sums by status over a period.
        Index(
            "ix_tasks_platform_work",
            "platform_id",
            "work_at",
            "status",
            "currency",
            "reward",
            "earned",
            "bonus",
        ),
        # Covering index for the period's work spans.
        Index("ix_tasks_platform_span", "platform_id", "span_start", "span_end"),
        Index("ix_tasks_platform_span_seconds", "platform_id", "span_seconds"),
        # The report's sums per status over a period, one platform at a time: rows come
        # out grouped by status (no sort), each status a range of work_at.
        Index(
            "ix_tasks_platform_status_work",
            "platform_id",
            "status",
            "work_at",
            "currency",
            "reward",
            "earned",
            "bonus",
        ),
        # The Ledger's default order (keyset paging, row N) and its status filter.
        Index("ix_tasks_work_at", "work_at"),
        Index("ix_tasks_status_work_at", "status", "work_at"),
        CheckConstraint("reward >= 0", name="reward_not_negative"),
        CheckConstraint("bonus >= 0", name="bonus_not_negative"),
        CheckConstraint("duration_s IS NULL OR duration_s >= 0", name="duration_not_negative"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platforms.id", ondelete="RESTRICT"))
    external_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(500))
    requester: Mapped[str | None] = mapped_column(String(200))
    reward: Mapped[int] = mapped_column(default=0)
    earned: Mapped[int | None]
    bonus: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    duration_s: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_sessions.id", ondelete="SET NULL")
    )
    # Derived, kept by the task service: the work date and the task's own span.
    work_at: Mapped[datetime]
    span_start: Mapped[datetime | None]
    span_end: Mapped[datetime | None]
    span_seconds: Mapped[int | None]


class Payout(Tracked, Base):
    __tablename__ = "payouts"
    __table_args__ = (
        Index("ix_payouts_platform_requested", "platform_id", "requested_at"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("fee >= 0", name="fee_not_negative"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platforms.id", ondelete="RESTRICT"))
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    fee: Mapped[int] = mapped_column(default=0)
    method: Mapped[str | None] = mapped_column(String(80))
    reference: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    requested_at: Mapped[datetime]
    received_at: Mapped[datetime | None]
    received_amount: Mapped[int | None]
    received_currency: Mapped[str | None] = mapped_column(String(3))
    asks_for_money: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class AccountEvent(Tracked, Base):
    __tablename__ = "account_events"
    __table_args__ = (Index("ix_account_events_platform_at", "platform_id", "at"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platforms.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime]
    amount: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3))
    asks_for_money: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class ScamSignRecord(Tracked, Base):
    __tablename__ = "scam_signs"
    __table_args__ = (
        UniqueConstraint("platform_id", "sign", name="uq_scam_signs_platform_sign"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platforms.id", ondelete="RESTRICT"))
    sign: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)


class Attachment(Tracked, Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_record", "record_type", "record_id"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    record_type: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[int]


class ExchangeRate(Tracked, Base):
    __tablename__ = "exchange_rates"
    __table_args__ = (
        UniqueConstraint(
            "currency", "home_currency", "valid_from", name="uq_exchange_rates_currency_day"
        ),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    home_currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal]  # 1 currency = rate home_currency
    valid_from: Mapped[date]


class Setting(Tracked, Base):
    __tablename__ = "settings"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """One link of the append-only, SHA-256-chained audit log."""

    __tablename__ = "audit_log"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(20))  # create, update, status, delete, bulk
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    origin: Mapped[str] = mapped_column(String(40))
    old_hash: Mapped[str | None] = mapped_column(String(64))
    new_hash: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


AUDITED_MODELS: tuple[type[Tracked], ...] = (
    Platform,
    WorkSession,
    Task,
    Payout,
    AccountEvent,
    ScamSignRecord,
    Attachment,
    ExchangeRate,
    Setting,
)
