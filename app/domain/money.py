"""Money as integer minor units plus an ISO 4217 code; never float.

Currency digits come from CLDR through Babel (EUR 2, JPY 0, KWD 3).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel import numbers as babel_numbers

from app.domain.errors import InvalidInput
from app.i18n import Translator

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_AMOUNT = re.compile(
    r"(?P<sign1>[+-]?)(?P<prefix>[^\d.,+-]{0,3})(?P<sign2>[+-]?)(?P<number>[\d.,]+)"
    r"(?P<suffix>[^\d.,]{0,3})"
)
_NUMBER = re.compile(r"^\d+$")


def normalise_currency(code: str, tr: Translator) -> str:
    """Return the upper-case ISO 4217 code, or raise InvalidInput naming it."""
    candidate = code.strip().upper()
    if len(candidate) != 3 or not babel_numbers.is_currency(candidate):
        raise InvalidInput(
            tr.gettext(
                "{value!r} is not a currency code (use ISO 4217, like EUR, USD or GBP)."
            ).format(value=code)
        )
    return candidate


def currency_digits(currency: str) -> int:
    return int(babel_numbers.get_currency_precision(currency))


def parse_amount(
    text: str, currency: str, tr: Translator, *, allow_negative: bool = False, what: str = ""
) -> int:
    """Parse "12.50", "12,50", "1 234,56", "1,234.56" or "$0.50" into minor units.

    The last of "." or "," is the decimal separator when both appear; a lone
    separator is decimal unless it is repeated ("1.234.567"). Raises
    InvalidInput naming the value when it is not an amount, has more decimals
    than the currency allows, or is negative where that makes no sense.
    """
    label = what or tr.gettext("amount")
    raw = text
    value = _SPACES.sub("", text.strip())
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1]
    match = _AMOUNT.fullmatch(value)
    if (
        match is None
        or (match["sign1"] and match["sign2"])
        or not (
            _is_currency_mark(match["prefix"], currency)
            and _is_currency_mark(match["suffix"], currency)
        )
    ):
        raise InvalidInput(
            tr.gettext("{what} {value!r} is not an amount (write it like 12.50 or 12,50).").format(
                what=label.capitalize(), value=raw
            )
        )
    if (match["sign1"] or match["sign2"]) == "-":
        negative = not negative
    value = match["number"]
    integer, fraction = _split_separators(value)
    if integer is None or (not integer and not fraction):
        raise InvalidInput(
            tr.gettext("{what} {value!r} is not an amount (write it like 12.50 or 12,50).").format(
                what=label.capitalize(), value=raw
            )
        )
    digits = currency_digits(currency)
    if len(fraction) > digits:
        raise InvalidInput(
            tr.gettext(
                "{what} {value!r} has more decimals than {currency} allows ({digits})."
            ).format(what=label.capitalize(), value=raw, currency=currency, digits=digits)
        )
    minor = int(integer or "0") * 10**digits + int((fraction or "").ljust(digits, "0") or "0")
    if negative and minor != 0:
        if not allow_negative:
            raise InvalidInput(
                tr.gettext("{what} {value!r} cannot be negative.").format(
                    what=label.capitalize(), value=raw
                )
            )
        minor = -minor
    return int(minor)


def _is_currency_mark(mark: str, currency: str) -> bool:
    """Empty, one currency symbol ("$", "€", "£"), or the amount's own code ("EUR")."""
    if not mark:
        return True
    if len(mark) == 1:
        return not mark.isalnum() and mark not in "+-"
    return mark.upper() == currency


def _split_separators(value: str) -> tuple[str | None, str]:
    """Split into integer and fraction digits; (None, "") when malformed."""
    if not value:
        return None, ""
    last_dot, last_comma = value.rfind("."), value.rfind(",")
    decimal_at = max(last_dot, last_comma)
    if decimal_at == -1:
        return (value, "") if _NUMBER.match(value) else (None, "")
    separator = value[decimal_at]
    if last_dot != -1 and last_comma != -1:
        integer_part, fraction = value[:decimal_at], value[decimal_at + 1 :]
        thousands = "," if separator == "." else "."
        groups = integer_part.split(thousands)
    elif value.count(separator) > 1:
        groups = value.split(separator)
        integer_part, fraction = value, ""
        if not all(len(g) == 3 for g in groups[1:]):
            return None, ""
        return ("".join(groups), "") if all(_NUMBER.match(g) for g in groups) else (None, "")
    else:
        integer_part, fraction = value[:decimal_at], value[decimal_at + 1 :]
        groups = [integer_part]
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        return None, ""
    integer = "".join(groups)
    if integer and not _NUMBER.match(integer):
        return None, ""
    if fraction and not _NUMBER.match(fraction):
        return None, ""
    if not integer and not fraction:
        return None, ""
    return integer, fraction


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-currency_digits(currency))


def format_plain(minor: int | None, currency: str) -> str | None:
    """The machine form used in JSON and CSV: "1234.50" (the currency's digits)."""
    if minor is None:
        return None
    digits = currency_digits(currency)
    quantum = Decimal(1).scaleb(-digits)
    return str(to_decimal(minor, currency).quantize(quantum))


def format_money(minor: int | None, currency: str, locale: str) -> str:
    """The human form for the user's locale: "£3.29", "1 234,50 €"."""
    if minor is None:
        return "—"
    return str(babel_numbers.format_currency(to_decimal(minor, currency), currency, locale=locale))


def round_half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def convert_minor(minor: int, currency: str, rate: Decimal, home_currency: str) -> int:
    """Convert an amount at `rate` (1 unit = rate home units), rounded half-up to home minor."""
    if currency == home_currency:
        return minor
    home_value = to_decimal(minor, currency) * rate
    rounded = round_half_up(home_value, currency_digits(home_currency))
    return int(rounded.scaleb(currency_digits(home_currency)))


def integer_rate(rate: Decimal) -> tuple[int, int] | None:
    """A positive rate as (N, k) with rate == N / 10^k exactly; None if it is not one."""
    if not rate.is_finite() or rate <= 0:
        return None
    exponent = rate.as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(0, -exponent)
    return int(rate.scaleb(places)), places


def conversion_terms(currency: str, rate: Decimal, home_currency: str) -> tuple[int, int, int]:
    """(mul, add, div) such that convert_minor(x, ...) == (x * mul + add) // div for x >= 0.

    A rate of N / 10^k turns x minor units of a currency with d digits into
    round_half_up(x * N * 10^h / 10^(d+k)) home minor units (h: the home currency's
    digits), which is (2xN10^h + 10^(d+k)) div (2 * 10^(d+k)): exact integer arithmetic
    that SQL can do row by row. Raises ValueError for a rate that is not positive.
    """
    if currency == home_currency:
        return 1, 0, 1
    scaled = integer_rate(rate)
    if scaled is None:
        raise ValueError(f"not a positive exchange rate: {rate}")
    numerator, places = scaled
    denominator = 10 ** (currency_digits(currency) + places)
    return 2 * numerator * 10 ** currency_digits(home_currency), denominator, 2 * denominator


def parse_decimal(
    text: str,
    tr: Translator,
    *,
    what: str,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> Decimal:
    """A plain number ("0.05", "0,05", "12.5"), with optional bounds."""
    cleaned = _SPACES.sub("", text.strip()).replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or cleaned.count(".") > 1:
        raise InvalidInput(
            tr.gettext("{what} {value!r} is not a number.").format(
                what=what.capitalize(), value=text
            )
        )
    if minimum is not None and value < minimum:
        raise InvalidInput(
            tr.gettext("{what} {value!r} is too small (at least {minimum}).").format(
                what=what.capitalize(), value=text, minimum=minimum
            )
        )
    if maximum is not None and value > maximum:
        raise InvalidInput(
            tr.gettext("{what} {value!r} is too large (at most {maximum}).").format(
                what=what.capitalize(), value=text, maximum=maximum
            )
        )
    return value
