"""Shared checks on user-given values (times in the future, known words)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from app.domain.errors import InvalidInput
from app.domain.localtime import zone_name
from app.i18n import Translator
from app.services.context import ServiceContext

E = TypeVar("E", bound=StrEnum)

# A little slack for clocks that disagree by a few seconds.
FUTURE_TOLERANCE = timedelta(minutes=1)


def not_in_future(ctx: ServiceContext, instant: datetime, what: str) -> datetime:
    if instant > ctx.clock.now() + FUTURE_TOLERANCE:
        local = instant.astimezone(ctx.zone).strftime("%Y-%m-%d %H:%M")
        raise InvalidInput(
            ctx.tr.gettext("{what} {value} ({zone}) is in the future.").format(
                what=what.capitalize(), value=local, zone=zone_name(ctx.zone)
            )
        )
    return instant.replace(microsecond=0)


def choice(enum: type[E], value: str, what: str, tr: Translator) -> E:
    """The enum member named by `value` ("partially-approved" and "Partially approved" work)."""
    plain = value.strip().lower()
    for candidate in (plain, plain.replace("-", "_").replace(" ", "_")):
        if candidate in enum._value2member_map_:
            return enum(candidate)
    raise InvalidInput(
        tr.gettext("{what} {value!r} is not one of: {choices}.").format(
            what=what.capitalize(), value=value, choices=", ".join(m.value for m in enum)
        )
    )


def local_text(ctx: ServiceContext, instant: datetime) -> str:
    return instant.astimezone(ctx.zone).strftime("%Y-%m-%d %H:%M")
