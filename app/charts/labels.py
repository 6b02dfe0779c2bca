"""How the charts write values: money, money per hour, percentages, durations and days,
in the user's language (Babel), cached where axes ask for them often."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import format_currency, format_percent, get_currency_symbol

from app.i18n import Translator


def symbol(currency: str, tr: Translator) -> str:
    return str(get_currency_symbol(currency, locale=tr.locale))


@cache
def patterns(locale: str) -> tuple[str, str]:
    """The locale's currency pattern (two decimals), and the same with none."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    return pattern, pattern.replace("0.00", "0")


@cache
def percent_pattern(locale: str) -> str:
    """The locale's percent pattern ("#,##0%", "#,##0 %") with up to one decimal."""
    pattern = str(Locale.parse(locale).percent_formats[None].pattern).split(";")[0]
    return pattern.replace("0", "0.#", 1) if "." not in pattern else pattern


def money_ticks(currency: str, tr: Translator) -> Any:
    """Money axis labels: whole amounts when every tick is whole, else all with cents."""
    from matplotlib.ticker import Formatter

    locale = tr.locale

    class MoneyFormatter(Formatter):
        cents = False

        def format_ticks(self, values: Any) -> list[str]:
            self.cents = any(abs(float(v) - round(float(v))) > 1e-9 for v in values)
            return [self(value) for value in values]

        def __call__(self, value: float, pos: int | None = None) -> str:
            return money_tick(f"{float(value):.2f}", currency, locale, self.cents)

    return MoneyFormatter()


@cache
def money_tick(amount: str, currency: str, locale: str, cents: bool) -> str:
    """A money axis label ("€1,250", "€2.50", "12 €"); cached: axes format ticks often."""
    flexible, whole = patterns(locale)
    return str(
        format_currency(
            Decimal(amount),
            currency,
            format=flexible if cents else whole,
            locale=locale,
            currency_digits=False,
            decimal_quantization=not cents,
        )
    )


def money_short(value: float, currency: str, tr: Translator) -> str:
    """A bar's total: whole units from 100 on, else with cents."""
    if abs(value) >= 100:
        _flexible, whole = patterns(tr.locale)
        return str(
            format_currency(
                Decimal(round(float(value))),
                currency,
                format=whole,
                locale=tr.locale,
                currency_digits=False,
            )
        )
    return str(
        format_currency(
            Decimal(f"{float(value):.2f}"), currency, locale=tr.locale, currency_digits=False
        )
    )


def per_hour(value: Decimal, currency: str, tr: Translator) -> str:
    amount = format_currency(value, currency, locale=tr.locale)
    return tr.gettext("{amount}/h").format(amount=amount)


def percent(value: Decimal, tr: Translator) -> str:
    return str(format_percent(value, format=percent_pattern(tr.locale), locale=tr.locale))


@cache
def percent_tick(value: str, locale: str) -> str:
    return str(format_percent(Decimal(value), format=percent_pattern(locale), locale=locale))


def number(value: Decimal, tr: Translator) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=tr.locale))


def duration(seconds: int, tr: Translator) -> str:
    minutes = int(seconds) // 60
    hours, rest = divmod(minutes, 60)
    if hours:
        return tr.gettext("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)
    return tr.gettext("{minutes} min").format(minutes=rest)


def day(day: Any, tr: Translator) -> str:
    from babel.dates import format_date

    return str(format_date(day, "medium", locale=tr.locale))
