"""Commands of a later issue (not registered yet)."""

from __future__ import annotations

from typing import Any

from app.i18n import Translator


def register(commands: Any, tr: Translator) -> None:
    """Adds nothing yet."""
