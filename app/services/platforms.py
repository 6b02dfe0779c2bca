"""Platforms: add, find by name (case-insensitive), list, edit overrides, scam warning signs."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.money import normalise_currency, parse_amount
from app.domain.statuses import ScamSign
from app.i18n import Translator
from app.services.context import ServiceContext
from app.services.records import PlatformInfo
from app.services.settings import SettingsService
from app.storage.models import Platform, ScamSignRecord

MAX_NAME = 80


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_platform(session: Session, name: str, tr: Translator) -> Platform:
    """The platform called `name` (any case), or NotFound naming it and the known ones."""
    row = session.scalar(select(Platform).where(Platform.name_key == name_key(name)))
    if row is not None:
        return row
    known = session.scalars(select(Platform.name).order_by(Platform.name_key)).all()
    if known:
        raise NotFound(
            tr.gettext("There is no platform called {name!r}; known platforms: {known}.").format(
                name=name, known=", ".join(known)
            )
        )
    raise NotFound(
        tr.gettext(
            "There is no platform called {name!r}; add it first with "
            "`clickwage platform add {name}`."
        ).format(name=name)
    )


class PlatformService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def add(
        self,
        name: str,
        currency: str | None = None,
        url: str | None = None,
        account_ref: str | None = None,
        min_wage: str | None = None,
        max_payout_days: int | None = None,
        max_review_days: int | None = None,
    ) -> PlatformInfo:
        tr = self._ctx.tr
        clean = " ".join(name.split())
        if not clean:
            raise InvalidInput(tr.gettext("A platform needs a name."))
        if len(clean) > MAX_NAME:
            raise InvalidInput(
                tr.gettext(
                    "Platform name {name!r} is too long (at most {limit} characters)."
                ).format(name=clean, limit=MAX_NAME)
            )
        settings = self._settings.current()
        code = normalise_currency(currency, tr) if currency else settings.home_currency
        wage = (
            parse_amount(min_wage, settings.home_currency, tr, what=tr.gettext("minimum wage"))
            if min_wage is not None
            else None
        )
        for label, days in (
            (tr.gettext("maximum payout days"), max_payout_days),
            (tr.gettext("maximum review days"), max_review_days),
        ):
            if days is not None and not 0 <= days <= 3650:
                raise InvalidInput(
                    tr.gettext("{what} {value} is out of range (0 to 3650).").format(
                        what=label.capitalize(), value=days
                    )
                )
        with self._ctx.db.write() as session:
            existing = session.scalar(select(Platform).where(Platform.name_key == name_key(clean)))
            if existing is not None:
                raise Conflict(
                    tr.gettext("A platform called {name!r} already exists.").format(
                        name=existing.name
                    )
                )
            row = Platform(
                name=clean,
                name_key=name_key(clean),
                currency=code,
                url=url or None,
                account_ref=account_ref or None,
                min_wage=wage,
                max_payout_days=max_payout_days,
                max_review_days=max_review_days,
                archived=False,
            )
            session.add(row)
            session.flush()
            return PlatformInfo.of(row)

    def list(self, include_archived: bool = True) -> list[PlatformInfo]:
        with self._ctx.db.read() as session:
            query = select(Platform).order_by(Platform.name_key)
            if not include_archived:
                query = query.where(Platform.archived.is_(False))
            return [PlatformInfo.of(row) for row in session.scalars(query)]

    def get(self, name: str) -> PlatformInfo:
        with self._ctx.db.read() as session:
            return PlatformInfo.of(find_platform(session, name, self._ctx.tr))

    def count(self) -> int:
        with self._ctx.db.read() as session:
            return int(session.scalar(select(func.count(Platform.id))) or 0)

    def add_sign(self, platform: str, sign: str, note: str | None = None) -> bool:
        """Record a scam warning sign; returns False when it was already recorded."""
        tr = self._ctx.tr
        try:
            code = ScamSign(sign.strip().lower())
        except ValueError:
            raise InvalidInput(
                tr.gettext("{sign!r} is not a warning sign; choose one of: {signs}.").format(
                    sign=sign, signs=", ".join(s.value for s in ScamSign)
                )
            ) from None
        with self._ctx.db.write() as session:
            row = find_platform(session, platform, tr)
            existing = session.scalar(
                select(ScamSignRecord).where(
                    ScamSignRecord.platform_id == row.id, ScamSignRecord.sign == code.value
                )
            )
            if existing is not None:
                return False
            session.add(ScamSignRecord(platform_id=row.id, sign=code.value, note=note))
            return True

    def signs(self, platform_id: int) -> builtins.list[str]:
        with self._ctx.db.read() as session:
            return list(
                session.scalars(
                    select(ScamSignRecord.sign).where(ScamSignRecord.platform_id == platform_id)
                )
            )
