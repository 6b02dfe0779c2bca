"""Translated names of the fixed vocabularies, for the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.statuses import Activity, EventKind, PayoutStatus, TaskStatus


def activity_label(activity: str) -> str:
    return {
        Activity.TASK: QCoreApplication.translate("labels", "Task"),
        Activity.SEARCH: QCoreApplication.translate("labels", "Searching"),
        Activity.QUALIFICATION: QCoreApplication.translate("labels", "Qualification"),
        Activity.COMMUNICATION: QCoreApplication.translate("labels", "Messages"),
        Activity.PAYMENT: QCoreApplication.translate("labels", "Payments"),
        Activity.OTHER: QCoreApplication.translate("labels", "Other"),
    }.get(Activity(activity), activity)


def status_label(status: str) -> str:
    return {
        TaskStatus.IN_PROGRESS: QCoreApplication.translate("labels", "In progress"),
        TaskStatus.PENDING: QCoreApplication.translate("labels", "Pending"),
        TaskStatus.APPROVED: QCoreApplication.translate("labels", "Approved"),
        TaskStatus.PARTIALLY_APPROVED: QCoreApplication.translate("labels", "Partly approved"),
        TaskStatus.SCREENED_OUT: QCoreApplication.translate("labels", "Screened out"),
        TaskStatus.REJECTED: QCoreApplication.translate("labels", "Rejected"),
        TaskStatus.RETURNED: QCoreApplication.translate("labels", "Returned"),
        TaskStatus.EXPIRED: QCoreApplication.translate("labels", "Expired"),
    }.get(TaskStatus(status), status)


def payout_status_label(status: str) -> str:
    return {
        PayoutStatus.REQUESTED: QCoreApplication.translate("labels", "Waiting"),
        PayoutStatus.RECEIVED: QCoreApplication.translate("labels", "Received"),
        PayoutStatus.REFUSED: QCoreApplication.translate("labels", "Refused"),
        PayoutStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }.get(PayoutStatus(status), status)


def event_label(kind: str) -> str:
    return {
        EventKind.ACCOUNT_SUSPENDED: QCoreApplication.translate("labels", "Account suspended"),
        EventKind.ACCOUNT_CLOSED: QCoreApplication.translate("labels", "Account closed"),
        EventKind.BALANCE_WITHHELD: QCoreApplication.translate("labels", "Balance withheld"),
        EventKind.MESSAGE: QCoreApplication.translate("labels", "Message"),
        EventKind.RESOLVED: QCoreApplication.translate("labels", "Resolved"),
        EventKind.OTHER: QCoreApplication.translate("labels", "Other"),
    }.get(EventKind(kind), kind)
