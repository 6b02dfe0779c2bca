"""Translated names of the fixed vocabularies, for the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.statuses import Activity, EventKind, PayoutStatus, TaskStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def activity_label(activity: str) -> str:
    return {
        Activity.TASK: _t("Task"),
        Activity.SEARCH: _t("Searching"),
        Activity.QUALIFICATION: _t("Qualification"),
        Activity.COMMUNICATION: _t("Messages"),
        Activity.PAYMENT: _t("Payments"),
        Activity.OTHER: _t("Other"),
    }.get(Activity(activity), activity)


def status_label(status: str) -> str:
    return {
        TaskStatus.IN_PROGRESS: _t("In progress"),
        TaskStatus.PENDING: _t("Pending"),
        TaskStatus.APPROVED: _t("Approved"),
        TaskStatus.PARTIALLY_APPROVED: _t("Partly approved"),
        TaskStatus.SCREENED_OUT: _t("Screened out"),
        TaskStatus.REJECTED: _t("Rejected"),
        TaskStatus.RETURNED: _t("Returned"),
        TaskStatus.EXPIRED: _t("Expired"),
    }.get(TaskStatus(status), status)


def payout_status_label(status: str) -> str:
    return {
        PayoutStatus.REQUESTED: _t("Waiting"),
        PayoutStatus.RECEIVED: _t("Received"),
        PayoutStatus.REFUSED: _t("Refused"),
        PayoutStatus.CANCELLED: _t("Cancelled"),
    }.get(PayoutStatus(status), status)


def event_label(kind: str) -> str:
    return {
        EventKind.ACCOUNT_SUSPENDED: _t("Account suspended"),
        EventKind.ACCOUNT_CLOSED: _t("Account closed"),
        EventKind.BALANCE_WITHHELD: _t("Balance withheld"),
        EventKind.MESSAGE: _t("Message"),
        EventKind.RESOLVED: _t("Resolved"),
        EventKind.OTHER: _t("Other"),
    }.get(EventKind(kind), kind)
