"""The closed vocabularies: task statuses, activities, payout statuses, event kinds, origins."""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    PENDING = "pending"
    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    SCREENED_OUT = "screened_out"
    REJECTED = "rejected"
    RETURNED = "returned"
    EXPIRED = "expired"


# Statuses that mean the requester (or the platform) has decided: entering one sets decided_at.
DECIDED_STATUSES = frozenset(
    {
        TaskStatus.APPROVED,
        TaskStatus.PARTIALLY_APPROVED,
        TaskStatus.SCREENED_OUT,
        TaskStatus.REJECTED,
    }
)
# Statuses whose `earned` counts (approved falls back to the reward when earned is unset).
PAID_STATUSES = frozenset(
    {TaskStatus.APPROVED, TaskStatus.PARTIALLY_APPROVED, TaskStatus.SCREENED_OUT}
)


class Activity(StrEnum):
    TASK = "task"
    SEARCH = "search"
    QUALIFICATION = "qualification"
    COMMUNICATION = "communication"
    PAYMENT = "payment"
    OTHER = "other"


UNPAID_ACTIVITIES = tuple(a for a in Activity if a is not Activity.TASK)


class PayoutStatus(StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"
    REFUSED = "refused"
    CANCELLED = "cancelled"


class EventKind(StrEnum):
    ACCOUNT_SUSPENDED = "account_suspended"
    ACCOUNT_CLOSED = "account_closed"
    BALANCE_WITHHELD = "balance_withheld"
    MESSAGE = "message"
    RESOLVED = "resolved"
    OTHER = "other"


WITHHOLDING_EVENTS = frozenset(
    {EventKind.ACCOUNT_SUSPENDED, EventKind.ACCOUNT_CLOSED, EventKind.BALANCE_WITHHELD}
)


class ScamSign(StrEnum):
    UPFRONT_FEE = "upfront-fee"
    CRYPTO_ONLY = "crypto-only"
    CHAT_RECRUITMENT = "chat-recruitment"
    TOO_GOOD_TO_BE_TRUE = "too-good-to-be-true"
    WITHDRAWAL_FEE = "withdrawal-fee"
    CREDENTIALS = "credentials"


class Origin:
    """How a record was entered: `timer`, `manual` or `import:<format>`."""

    TIMER = "timer"
    MANUAL = "manual"

    @staticmethod
    def imported(format_name: str) -> str:
        return f"import:{format_name}"
