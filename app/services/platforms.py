"""Platforms: add, find by name (case-insensitive), list, edit overrides, archive, scam signs."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.money import format_plain, normalise_currency, parse_amount
from app.domain.statuses import Origin, ScamSign
from app.i18n import Translator
from app.services.context import ServiceContext
from app.services.records import PlatformInfo
from app.services.settings import SettingsService
from app.storage.models import (
    AccountEvent,
    Payout,
    Platform,
    ScamSignRecord,
    Task,
    WorkSession,
)

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
        clean = self._clean_name(name)
        settings = self._settings.current()
        code = normalise_currency(currency, tr) if currency else settings.home_currency
        wage = self._wage(min_wage, settings.home_currency)
        self._check_days(max_payout_days, max_review_days)
        with self._ctx.db.write() as session:
            self._refuse_taken_name(session, clean)
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

    def get_by_id(self, platform_id: int) -> PlatformInfo:
        with self._ctx.db.read() as session:
            return PlatformInfo.of(self._row(session, platform_id))

    def editable(self, platform_id: int) -> dict[str, Any]:
        """The platform's fields as update() takes them (undo passes them back)."""
        home = self._settings.current().home_currency
        info = self.get_by_id(platform_id)
        return {
            "name": info.name,
            "currency": info.currency,
            "url": info.url,
            "account_ref": info.account_ref,
            "min_wage": format_plain(info.min_wage, home),
            "max_payout_days": info.max_payout_days,
            "max_review_days": info.max_review_days,
            "archived": info.archived,
        }

    def update(self, platform_id: int, **changes: Any) -> PlatformInfo:
        """Change a platform's fields and overrides (the window's edits, and their undo).

        Keys: name, currency, url, account_ref, min_wage (text in the home
        currency; None or "" removes the override), max_payout_days and
        max_review_days (None removes the override), archived. Everything is
        checked before anything is written.
        """
        tr = self._ctx.tr
        home = self._settings.current().home_currency
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "name":
                values["name"] = self._clean_name(str(value or ""))
            elif key == "currency":
                values["currency"] = normalise_currency(str(value or ""), tr)
            elif key in ("url", "account_ref"):
                values[key] = (str(value).strip() or None) if value is not None else None
            elif key == "min_wage":
                text = str(value).strip() if value is not None else ""
                values["min_wage"] = self._wage(text or None, home)
            elif key in ("max_payout_days", "max_review_days"):
                values[key] = self._days(value)
            elif key == "archived":
                values["archived"] = bool(value)
            else:
                raise InvalidInput(tr.gettext("{key!r} is not a platform field.").format(key=key))
        self._check_days(values.get("max_payout_days"), values.get("max_review_days"))
        with self._ctx.db.write() as session:
            row = self._row(session, platform_id)
            if "name" in values:
                self._refuse_taken_name(session, values["name"], platform_id)
                row.name_key = name_key(values["name"])
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            return PlatformInfo.of(row)

    def set_archived(self, platform_id: int, archived: bool) -> PlatformInfo:
        """Archive a platform you no longer use (its records stay), or bring it back."""
        return self.update(platform_id, archived=archived)

    def delete(self, platform_id: int) -> dict[str, Any]:
        """Delete a platform that has no records yet; returns its values for restore()."""
        tr = self._ctx.tr
        with self._ctx.db.write() as session:
            row = self._row(session, platform_id)
            for model in (WorkSession, Task, Payout, AccountEvent, ScamSignRecord):
                used = session.scalar(
                    select(func.count()).select_from(model).where(model.platform_id == row.id)
                )
                if used:
                    raise Conflict(
                        tr.gettext(
                            "{name} has records, so it cannot be deleted; archive it instead."
                        ).format(name=row.name)
                    )
            snapshot = {
                column.name: getattr(row, column.name)
                for column in Platform.__table__.columns
                if column.name != "row_hash"
            }
            session.delete(row)
            return snapshot

    def restore(self, snapshot: dict[str, Any]) -> PlatformInfo:
        """Put a deleted platform back (undo), under its old id."""
        with self._ctx.db.write(origin=str(snapshot.get("origin") or Origin.MANUAL)) as session:
            self._refuse_taken_name(session, str(snapshot["name"]))
            row = Platform(**snapshot)
            session.add(row)
            session.flush()
            return PlatformInfo.of(row)

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

    # -- checks -------------------------------------------------------------------------

    def _row(self, session: Session, platform_id: int) -> Platform:
        row = session.get(Platform, platform_id)
        if row is None:
            raise NotFound(
                self._ctx.tr.gettext("There is no platform number {id}.").format(id=platform_id)
            )
        return row

    def _clean_name(self, name: str) -> str:
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
        return clean

    def _wage(self, text: str | None, home_currency: str) -> int | None:
        if text is None:
            return None
        tr = self._ctx.tr
        return parse_amount(text, home_currency, tr, what=tr.gettext("minimum wage"))

    def _days(self, value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return int(str(value).strip())
        except ValueError:
            raise InvalidInput(
                self._ctx.tr.gettext("{value!r} is not a number of days.").format(value=value)
            ) from None

    def _check_days(self, max_payout_days: int | None, max_review_days: int | None) -> None:
        tr = self._ctx.tr
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

    def _refuse_taken_name(self, session: Session, name: str, own_id: int | None = None) -> None:
        existing = session.scalar(select(Platform).where(Platform.name_key == name_key(name)))
        if existing is not None and existing.id != own_id:
            raise Conflict(
                self._ctx.tr.gettext("A platform called {name!r} already exists.").format(
                    name=existing.name
                )
            )
