"""Settings, declared once with their type, default and translatable title.

They live in the database (so they travel with backups) and every change is
audited like any other record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.flags import Thresholds
from app.domain.minimum_wages import minimum_wage_for
from app.domain.money import (
    currency_digits,
    format_plain,
    normalise_currency,
    parse_amount,
    parse_decimal,
    round_half_up,
    to_decimal,
)
from app.i18n import N_, SUPPORTED_LANGUAGES, Translator
from app.services.context import ServiceContext
from app.storage.models import Platform, Setting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: str  # currency, money, int, decimal, language
    default: str
    title: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("home_currency", "currency", "USD", N_("Home currency")),
    SettingSpec("min_wage", "money", "7.25", N_("Minimum hourly wage (home currency)")),
    SettingSpec(
        "max_payout_days",
        "int",
        "14",
        N_("Longest acceptable payout delay (days)"),
        Decimal(0),
        Decimal(3650),
    ),
    SettingSpec(
        "max_rejection_rate",
        "decimal",
        "0.05",
        N_("Highest acceptable rejection rate (0 to 1)"),
        Decimal(0),
        Decimal(1),
    ),
    SettingSpec(
        "max_review_days",
        "int",
        "30",
        N_("Longest acceptable review wait (days)"),
        Decimal(0),
        Decimal(3650),
    ),
    SettingSpec(
        "min_hours_for_flag",
        "decimal",
        "1",
        N_("Hours of work needed before judging a wage"),
        Decimal(0),
        Decimal(10000),
    ),
    SettingSpec(
        "flag_window_days",
        "int",
        "30",
        N_("Days looked back for warnings"),
        Decimal(1),
        Decimal(3650),
    ),
    SettingSpec(
        "bridge_gap_seconds",
        "int",
        "60",
        N_("Gaps shorter than this count as work (seconds)"),
        Decimal(0),
        Decimal(86400),
    ),
    SettingSpec("language", "language", "system", N_("Language (system, en, fr)")),
    SettingSpec(
        "backups_to_keep", "int", "14", N_("Automatic backups to keep"), Decimal(1), Decimal(365)
    ),
    SettingSpec(
        "still_working_hours",
        "int",
        "3",
        N_("Ask \"still working?\" after this many hours without touching the app"),
        Decimal(1),
        Decimal(24),
    ),
    SettingSpec(
        "idle_minutes",
        "int",
        "10",
        N_("Minutes away from the keyboard and mouse before asking what that time was"),
        Decimal(1),
        Decimal(1440),
    ),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Settings:
    home_currency: str
    min_wage: int  # minor units of the home currency
    max_payout_days: int
    max_rejection_rate: Decimal
    max_review_days: int
    min_hours_for_flag: Decimal
    flag_window_days: int
    bridge_gap_seconds: int
    language: str
    still_working_hours: int = 3
    idle_minutes: int = 10
    backups_to_keep: int = 14

    def thresholds(
        self,
        min_wage_override: int | None = None,
        max_payout_days_override: int | None = None,
        max_review_days_override: int | None = None,
    ) -> Thresholds:
        return Thresholds(
            min_wage=self.min_wage if min_wage_override is None else min_wage_override,
            home_currency=self.home_currency,
            max_payout_days=(
                self.max_payout_days
                if max_payout_days_override is None
                else max_payout_days_override
            ),
            max_rejection_rate=self.max_rejection_rate,
            max_review_days=(
                self.max_review_days
                if max_review_days_override is None
                else max_review_days_override
            ),
            min_hours_for_flag=self.min_hours_for_flag,
        )

    def display(self) -> dict[str, str]:
        """Every setting as the text a user would type to set it."""
        return {
            "home_currency": self.home_currency,
            "min_wage": format_plain(self.min_wage, self.home_currency) or "",
            "max_payout_days": str(self.max_payout_days),
            "max_rejection_rate": str(self.max_rejection_rate),
            "max_review_days": str(self.max_review_days),
            "min_hours_for_flag": str(self.min_hours_for_flag),
            "flag_window_days": str(self.flag_window_days),
            "bridge_gap_seconds": str(self.bridge_gap_seconds),
            "language": self.language,
            "still_working_hours": str(self.still_working_hours),
            "idle_minutes": str(self.idle_minutes),
            "backups_to_keep": str(self.backups_to_keep),
        }


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def raw(self) -> dict[str, str]:
        with self._ctx.db.read() as session:
            stored = {row.key: row.value for row in session.scalars(select(Setting))}
        return {spec.key: stored.get(spec.key, spec.default) for spec in SPECS}

    def current(self) -> Settings:
        values = self.raw()
        home = values["home_currency"]
        tr = self._ctx.tr
        return Settings(
            home_currency=home,
            min_wage=parse_amount(values["min_wage"], home, tr),
            max_payout_days=int(values["max_payout_days"]),
            max_rejection_rate=Decimal(values["max_rejection_rate"]),
            max_review_days=int(values["max_review_days"]),
            min_hours_for_flag=Decimal(values["min_hours_for_flag"]),
            flag_window_days=int(values["flag_window_days"]),
            bridge_gap_seconds=int(values["bridge_gap_seconds"]),
            language=values["language"],
            still_working_hours=int(values["still_working_hours"]),
            idle_minutes=int(values["idle_minutes"]),
            backups_to_keep=int(values["backups_to_keep"]),
        )

    def is_initialised(self) -> bool:
        with self._ctx.db.read() as session:
            return session.scalar(select(Setting.id).limit(1)) is not None

    def initialise(self, country: str | None) -> None:
        """First start: home currency and minimum wage from the user's country (once)."""
        if self.is_initialised():
            return
        wage = minimum_wage_for(country)
        with self._ctx.db.write(action="create") as session:
            session.add(Setting(key="home_currency", value=wage.currency))
            session.add(Setting(key="min_wage", value=wage.hourly))

    def set(self, key: str, value: str) -> str:
        """Validate and store one setting; returns the stored text."""
        tr = self._ctx.tr
        spec = SPEC_BY_KEY.get(key)
        if spec is None:
            raise InvalidInput(
                tr.gettext("{key!r} is not a setting; the settings are: {keys}.").format(
                    key=key, keys=", ".join(SPEC_BY_KEY)
                )
            )
        current = self.raw()
        stored = _VALIDATORS[spec.kind](spec, value, current, tr)
        changes = {key: stored}
        if key == "home_currency":
            # Keep the minimum wage's figure, written with the new currency's digits.
            digits = currency_digits(stored)
            wage = round_half_up(Decimal(current["min_wage"]), digits)
            changes["min_wage"] = str(wage)
        with self._ctx.db.write() as session:
            if key == "home_currency" and stored != current["home_currency"]:
                _rewrite_platform_minimums(session, current["home_currency"], stored)
            for name, text in changes.items():
                row = session.scalar(select(Setting).where(Setting.key == name))
                if row is None:
                    session.add(Setting(key=name, value=text))
                elif row.value != text:
                    row.value = text
        return stored


def _rewrite_platform_minimums(session: Session, old_home: str, new_home: str) -> None:
    """Platform minimum wages keep their figure, written with the new currency's digits."""
    digits = currency_digits(new_home)
    for platform in session.scalars(select(Platform).where(Platform.min_wage.is_not(None))):
        assert platform.min_wage is not None
        figure = round_half_up(to_decimal(platform.min_wage, old_home), digits)
        platform.min_wage = int(figure.scaleb(digits))


def _currency(spec: SettingSpec, value: str, current: dict[str, str], tr: Translator) -> str:
    return normalise_currency(value, tr)


def _money(spec: SettingSpec, value: str, current: dict[str, str], tr: Translator) -> str:
    home = current["home_currency"]
    minor = parse_amount(value, home, tr, what=tr.gettext(spec.title))
    return format_plain(minor, home) or "0"


def _integer(spec: SettingSpec, value: str, current: dict[str, str], tr: Translator) -> str:
    number = parse_decimal(
        value, tr, what=tr.gettext(spec.title), minimum=spec.minimum, maximum=spec.maximum
    )
    if number != number.to_integral_value():
        raise InvalidInput(
            tr.gettext("{what} {value!r} must be a whole number.").format(
                what=tr.gettext(spec.title), value=value
            )
        )
    return str(int(number))


def _decimal(spec: SettingSpec, value: str, current: dict[str, str], tr: Translator) -> str:
    number = parse_decimal(
        value, tr, what=tr.gettext(spec.title), minimum=spec.minimum, maximum=spec.maximum
    )
    return str(int(number)) if number == number.to_integral_value() else str(number)


def _language(spec: SettingSpec, value: str, current: dict[str, str], tr: Translator) -> str:
    choice = value.strip().lower()
    if choice not in ("system", *SUPPORTED_LANGUAGES):
        raise InvalidInput(
            tr.gettext("Language {value!r} is not available; choose system, en or fr.").format(
                value=value
            )
        )
    return choice


_VALIDATORS: dict[str, Callable[[SettingSpec, str, dict[str, str], Translator], str]] = {
    "currency": _currency,
    "money": _money,
    "int": _integer,
    "decimal": _decimal,
    "language": _language,
}
