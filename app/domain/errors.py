"""Errors the services raise. Their text is one plain, translated sentence."""

from __future__ import annotations


class ClickwageError(Exception):
    """Base class: the message is meant for the user as it is."""


class InvalidInput(ClickwageError):
    """A value given by the user is wrong; nothing was written."""


class NotFound(InvalidInput):
    """A named record (platform, task, payout) does not exist."""


class Conflict(InvalidInput):
    """The request contradicts the stored state (a session already running, a duplicate id)."""


class StorageError(ClickwageError):
    """The database cannot be opened or used (newer schema, locked, corrupt)."""
