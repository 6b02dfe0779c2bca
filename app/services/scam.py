"""Scam warning signs: what each one means, ticking and unticking them (with undo), and the
plain advice with where to report, for the user's country.

Recording a sign is PlatformService.add_sign(); any recorded sign raises the `scam_risk`
flag (services.reports). The advice sentences are declared here so that they are translated
with the rest of the core; the reporting services come from the catalogue's data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from app.catalogue import Catalogue, ReportChannel, load_catalogue
from app.domain.errors import InvalidInput
from app.domain.statuses import ScamSign
from app.i18n import N_, Translator
from app.services.context import ServiceContext
from app.services.platforms import PlatformService, find_platform
from app.storage.models import ScamSignRecord

# What each sign is, in the words of the warning (FTC consumer alert, August 2025; French press
# on "arnaques à la tâche"; Prolific's participant rules: research notes, scam section).
SIGN_TITLES: dict[ScamSign, str] = {
    ScamSign.UPFRONT_FEE: N_(
        "You were asked to pay a fee, a deposit or a \"recharge\" to unlock tasks or "
        "withdrawals."
    ),
    ScamSign.CRYPTO_ONLY: N_("You are paid, or asked to pay, only in crypto-currency."),
    ScamSign.CHAT_RECRUITMENT: N_(
        "You were recruited through WhatsApp, Telegram or social media."
    ),
    ScamSign.TOO_GOOD_TO_BE_TRUE: N_(
        "The pay is far above the norm for trivial tasks (liking, rating, \"boosting\" "
        "products)."
    ),
    ScamSign.WITHDRAWAL_FEE: N_(
        "A new \"tax\", fee or higher threshold was demanded before you could withdraw."
    ),
    ScamSign.CREDENTIALS: N_(
        "You were asked for your bank logins, or for ID outside a known verification service."
    ),
}

ADVICE: tuple[str, ...] = (
    N_("Never pay to get paid: a real platform takes its fees out of what it pays you, and "
       "never asks you to send money."),
    N_("Stop sending money, even to \"unlock\" a balance you can see: that balance is only a "
       "number on their screen."),
    N_("A small first payout is part of the trick: it is meant to win your trust."),
    N_("Keep the evidence: screenshots, messages, the names and numbers they used, and every "
       "payment you made."),
    N_("If you gave bank details, card numbers or passwords, call your bank and change those "
       "passwords now."),
)
GENERIC_REPORT = N_(
    "Report it to the police and to your country's consumer protection office, and report the "
    "account to the app or site where they contacted you."
)


@dataclass(frozen=True)
class ScamAdvice:
    """The plain advice and where to report, in the user's language."""

    country: str | None  # the country whose channels these are; None for everyone else
    advice: tuple[str, ...]
    channels: tuple[ReportChannel, ...]
    purposes: tuple[str, ...]  # each channel's purpose, translated, in the same order
    generic: str | None  # the general reporting sentence when the country has no channels

    def report_line(self) -> str:
        """The channels in one line: "Pharos (https://…), Info Escroqueries (0805 805 817)"."""
        parts = []
        for channel in self.channels:
            reach = ", ".join(x for x in (channel.url, channel.phone) if x)
            parts.append(f"{channel.name} ({reach})")
        return "; ".join(parts)

    def as_text(self, tr: Translator) -> str:
        """Advice and channels as plain text (for the command line or a printed page)."""
        lines = [f"- {line}" for line in self.advice]
        lines.append(tr.gettext("Where to report:"))
        if self.generic:
            lines.append(f"- {self.generic}")
        for channel, purpose in zip(self.channels, self.purposes, strict=True):
            reach = ", ".join(x for x in (channel.url, channel.phone) if x)
            lines.append(f"- {channel.name} ({reach}): {purpose}")
        return "\n".join(lines)


def scam_advice(
    tr: Translator, country: str | None, catalogue: Catalogue | None = None
) -> ScamAdvice:
    """The advice for `country` (ISO 3166 alpha-2); other countries get the general line."""
    data = catalogue or load_catalogue()
    code = (country or "").upper() or None
    has_own = code in data.countries_with_channels()
    channels = data.channels_for(code)
    return ScamAdvice(
        country=code if has_own else None,
        advice=tuple(tr.gettext(line) for line in ADVICE),
        channels=channels,
        purposes=tuple(tr.gettext(channel.purpose) for channel in channels),
        generic=None if has_own else tr.gettext(GENERIC_REPORT),
    )


def sign_title(tr: Translator, sign: str) -> str:
    return tr.gettext(SIGN_TITLES[ScamSign(sign)])


@dataclass(frozen=True)
class SignChange:
    """What set_signs() changed, so that revert() can put it back."""

    platform_id: int
    added: tuple[str, ...]
    removed: tuple[tuple[str, str | None], ...]  # (sign, its note)

    @property
    def empty(self) -> bool:
        return not self.added and not self.removed


class ScamService:
    def __init__(self, ctx: ServiceContext, platforms: PlatformService) -> None:
        self._ctx = ctx
        self._platforms = platforms

    def signs(self, platform: str) -> list[str]:
        """The signs recorded for a platform, in the order of ScamSign."""
        found = set(self._platforms.signs(self._platforms.get(platform).id))
        return [sign.value for sign in ScamSign if sign.value in found]

    def remove_sign(self, platform: str, sign: str) -> bool:
        """Untick a sign (the undo of PlatformService.add_sign); False when it was not
        recorded."""
        code = self._code(sign)
        with self._ctx.db.write() as session:
            row = find_platform(session, platform, self._ctx.tr)
            record = session.scalar(
                select(ScamSignRecord).where(
                    ScamSignRecord.platform_id == row.id, ScamSignRecord.sign == code
                )
            )
            if record is None:
                return False
            session.delete(record)
            return True

    def set_signs(self, platform: str, wanted: Iterable[str]) -> SignChange:
        """Make the ticked signs exactly `wanted`; everything is checked before writing."""
        codes = {self._code(sign) for sign in wanted}
        info = self._platforms.get(platform)
        with self._ctx.db.write() as session:
            records = {
                record.sign: record
                for record in session.scalars(
                    select(ScamSignRecord).where(ScamSignRecord.platform_id == info.id)
                )
            }
            added = tuple(s.value for s in ScamSign if s.value in codes - set(records))
            gone = set(records) - codes
            removed = tuple((s.value, records[s.value].note) for s in ScamSign if s.value in gone)
            for sign in added:
                session.add(ScamSignRecord(platform_id=info.id, sign=sign, note=None))
            for sign, _note in removed:
                session.delete(records[sign])
            return SignChange(info.id, added, removed)

    def revert(self, change: SignChange) -> SignChange:
        """Undo a set_signs() change; returns the change that redoes it."""
        with self._ctx.db.write() as session:
            records = {
                record.sign: record
                for record in session.scalars(
                    select(ScamSignRecord).where(ScamSignRecord.platform_id == change.platform_id)
                )
            }
            for sign in change.added:
                if sign in records:
                    session.delete(records[sign])
            for sign, note in change.removed:
                if sign not in records:
                    session.add(
                        ScamSignRecord(platform_id=change.platform_id, sign=sign, note=note)
                    )
        return SignChange(
            change.platform_id,
            tuple(sign for sign, _note in change.removed),
            tuple((sign, None) for sign in change.added),
        )

    def _code(self, sign: str) -> str:
        try:
            return ScamSign(sign.strip().lower()).value
        except ValueError:
            raise InvalidInput(
                self._ctx.tr.gettext(
                    "{sign!r} is not a warning sign; choose one of: {signs}."
                ).format(sign=sign, signs=", ".join(s.value for s in ScamSign))
            ) from None
