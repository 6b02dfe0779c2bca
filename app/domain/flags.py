"""Warning flags: each rule of DESIGN.md as a pure function returning a Flag or None.

A flag is {"code", "value", "threshold", "message"}; the message is one
plain sentence in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel import numbers as babel_numbers

from app.domain.money import format_money, format_plain, round_half_up, to_decimal
from app.i18n import Translator

DAY = 86400


@dataclass(frozen=True)
class Flag:
    code: str
    value: str | None
    threshold: str | None
    message: str

    def as_json(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "value": self.value,
            "threshold": self.threshold,
            "message": self.message,
        }


@dataclass(frozen=True)
class Thresholds:
    """The limits that raise flags, after platform overrides are applied."""

    min_wage: int  # home currency minor units per hour
    home_currency: str
    max_payout_days: int
    max_rejection_rate: Decimal
    max_review_days: int
    min_hours_for_flag: Decimal


def low_wage(
    tr: Translator,
    platform: str,
    seconds_total: int,
    home_effective_hourly: Decimal | None,
    limits: Thresholds,
    period_phrase: str,
) -> Flag | None:
    if home_effective_hourly is None:
        return None
    if Decimal(seconds_total) < limits.min_hours_for_flag * 3600:
        return None
    minimum = to_decimal(limits.min_wage, limits.home_currency)
    if home_effective_hourly >= minimum:
        return None
    paid = _money_major(home_effective_hourly, limits.home_currency, tr)
    threshold_text = format_money(limits.min_wage, limits.home_currency, tr.locale)
    return Flag(
        "low_wage",
        str(home_effective_hourly),
        format_plain(limits.min_wage, limits.home_currency),
        tr.gettext(
            "{platform} paid you {paid} an hour {period}, counting unpaid time; "
            "your threshold is {threshold}."
        ).format(platform=platform, paid=paid, period=period_phrase, threshold=threshold_text),
    )


def slow_payout(
    tr: Translator, platform: str, delays_seconds: list[tuple[int, bool]], max_days: int
) -> Flag | None:
    """`delays_seconds`: (delay, still_waiting) for each payout to judge."""
    late = [(delay, waiting) for delay, waiting in delays_seconds if delay > max_days * DAY]
    if not late:
        return None
    worst, worst_waiting = max(late)
    days = round_half_up(Decimal(worst) / DAY, 1)
    if worst_waiting:
        message = tr.gettext(
            "{platform} has kept a payout waiting for {days} days; you expect payment "
            "within {limit} days."
        )
    else:
        message = tr.gettext(
            "{platform} took {days} days to pay a payout; you expect payment within {limit} days."
        )
    if len(late) > 1:
        message += " " + tr.ngettext(
            "{count} payout is late.", "{count} payouts are late.", len(late)
        ).format(count=len(late))
    return Flag(
        "slow_payout",
        str(days),
        str(max_days),
        message.format(platform=platform, days=_number(days, tr), limit=max_days),
    )


def high_rejection(
    tr: Translator, platform: str, rejected: int, decided: int, max_rate: Decimal
) -> Flag | None:
    if decided < 20:
        return None
    rate = Decimal(rejected) / Decimal(decided)
    if rate <= max_rate:
        return None
    percent = round_half_up(rate * 100, 1)
    return Flag(
        "high_rejection",
        str(round_half_up(rate, 4)),
        str(max_rate),
        tr.gettext(
            "{platform} rejected {rejected} of your {decided} decided tasks ({percent} %); "
            "your limit is {limit} %."
        ).format(
            platform=platform,
            rejected=rejected,
            decided=decided,
            percent=_number(percent, tr),
            limit=_number(round_half_up(max_rate * 100, 1).normalize(), tr),
        ),
    )


def overdue_review(
    tr: Translator, platform: str, overdue_count: int, oldest_age_seconds: int, max_days: int
) -> Flag | None:
    if overdue_count == 0:
        return None
    oldest_days = oldest_age_seconds // DAY
    return Flag(
        "overdue_review",
        str(oldest_days),
        str(max_days),
        tr.ngettext(
            "{platform} has left {count} task waiting for review for more than {limit} days "
            "(the oldest for {days} days).",
            "{platform} has left {count} tasks waiting for review for more than {limit} days "
            "(the oldest for {days} days).",
            overdue_count,
        ).format(platform=platform, count=overdue_count, limit=max_days, days=oldest_days),
    )


def withheld_balance(
    tr: Translator, platform: str, withheld_minor: int, currency: str
) -> Flag | None:
    if withheld_minor <= 0:
        return None
    return Flag(
        "withheld_balance",
        format_plain(withheld_minor, currency),
        None,
        tr.gettext("{platform} is holding {amount} of your money and has not released it.").format(
            platform=platform, amount=format_money(withheld_minor, currency, tr.locale)
        ),
    )


def missing_rate(
    tr: Translator, platform: str, currencies: list[str], home_currency: str
) -> Flag | None:
    if not currencies:
        return None
    joined = ", ".join(sorted(currencies))
    return Flag(
        "missing_rate",
        joined,
        None,
        tr.gettext(
            "Some {platform} amounts are in {currencies} and there is no exchange rate to "
            "{home}: add one with `clickwage rate set`."
        ).format(platform=platform, currencies=joined, home=home_currency),
    )


def scam_risk(tr: Translator, platform: str, signs: list[str]) -> Flag | None:
    if not signs:
        return None
    joined = ", ".join(sorted(set(signs)))
    return Flag(
        "scam_risk",
        joined,
        None,
        tr.gettext(
            "You recorded warning signs of a scam for {platform} ({signs}): never pay to get "
            "paid, and stop sending money."
        ).format(platform=platform, signs=joined),
    )


def _money_major(value: Decimal, currency: str, tr: Translator) -> str:
    return str(babel_numbers.format_currency(value, currency, locale=tr.locale))


def _number(value: Decimal, tr: Translator) -> str:
    return str(babel_numbers.format_decimal(value, locale=tr.locale))
