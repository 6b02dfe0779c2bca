"""Money (app.domain.money): parsing user amounts, the plain form, conversion rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.money import (
    convert_minor,
    currency_digits,
    format_plain,
    normalise_currency,
    parse_amount,
    parse_decimal,
    round_half_up,
    to_decimal,
)
from app.i18n import Translator

NNBSP = "\u202f"  # narrow no-break space (French grouping in CLDR)
NBSP = "\u00a0"  # no-break space


def test_currency_digits_come_from_cldr() -> None:
    assert currency_digits("EUR") == 2
    assert currency_digits("JPY") == 0
    assert currency_digits("KWD") == 3


# -- parse_amount: accepted forms -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.50", "EUR", 1250),
        ("12,50", "EUR", 1250),
        ("12", "EUR", 1200),
        ("12.5", "EUR", 1250),  # one decimal: 12.50
        ("0.05", "EUR", 5),
        ("1 234,56", "EUR", 123456),
        (f"1{NNBSP}234,56", "EUR", 123456),
        (f"1{NBSP}234,56", "EUR", 123456),
        (f"1{NNBSP}234{NNBSP}567,89", "EUR", 123456789),
        ("1,234.56", "EUR", 123456),
        ("1.234,56", "EUR", 123456),
        ("1,234,567.50", "EUR", 123456750),
        ("$0.50", "USD", 50),
        ("0,45 €", "EUR", 45),
        ("€12.50", "EUR", 1250),
        ("12.50 EUR", "EUR", 1250),
        ("  7.00  ", "EUR", 700),
        ("+3.00", "EUR", 300),
        # JPY has no minor unit: 150 yen is 150.
        ("150", "JPY", 150),
        ("¥150", "JPY", 150),
        ("1 500", "JPY", 1500),
        # KWD has 3 digits: 1.250 dinars is 1250 fils.
        ("1.250", "KWD", 1250),
        ("1,250", "KWD", 1250),
        ("0.005", "KWD", 5),
        ("2", "KWD", 2000),
    ],
)
def test_parse_amount_accepts(tr: Translator, text: str, currency: str, minor: int) -> None:
    assert parse_amount(text, currency, tr) == minor


def test_parse_amount_negative_when_allowed(tr: Translator) -> None:
    assert parse_amount("-12.50", "EUR", tr, allow_negative=True) == -1250
    assert parse_amount("-12,50", "EUR", tr, allow_negative=True) == -1250
    assert parse_amount("(3.00)", "EUR", tr, allow_negative=True) == -300
    assert parse_amount("-150", "JPY", tr, allow_negative=True) == -150


def test_negative_zero_is_zero(tr: Translator) -> None:
    assert parse_amount("-0.00", "EUR", tr) == 0


# -- parse_amount: refusals --------------------------------------------------------------


@pytest.mark.parametrize("text", ["abc", "12a", "a12", "twelve", "1e5", "12..5", "1,2,3", "--5"])
def test_parse_amount_refuses_non_amounts_naming_the_value(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text, "EUR", tr)
    message = str(caught.value)
    assert repr(text) in message
    assert "is not an amount" in message
    assert "12.50" in message  # shows how to write one


@pytest.mark.parametrize("text", ["", "   ", ".", ","])
def test_parse_amount_refuses_empty(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput, match="is not an amount"):
        parse_amount(text, "EUR", tr)


@pytest.mark.parametrize(
    ("text", "currency", "digits"),
    [("12.505", "EUR", 2), ("12,505", "EUR", 2), ("1.5", "JPY", 0), ("1.2345", "KWD", 3)],
)
def test_parse_amount_refuses_too_many_decimals(
    tr: Translator, text: str, currency: str, digits: int
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text, currency, tr)
    message = str(caught.value)
    assert repr(text) in message
    assert f"more decimals than {currency} allows ({digits})" in message


@pytest.mark.parametrize("text", ["-12.50", "-0.01", "(5.00)", "€-5", "- 5"])
def test_parse_amount_refuses_negative_by_default(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text, "EUR", tr)
    assert repr(text) in str(caught.value)
    assert "cannot be negative" in str(caught.value)


def test_parse_amount_names_what_is_parsed(tr: Translator) -> None:
    with pytest.raises(InvalidInput, match=r"^Reward 'x' is not an amount"):
        parse_amount("x", "EUR", tr, what="reward")


def test_trailing_minus_is_not_silently_dropped(tr: Translator) -> None:
    with pytest.raises(InvalidInput):
        parse_amount("5-", "EUR", tr)


def test_letters_after_the_number_are_refused(tr: Translator) -> None:
    with pytest.raises(InvalidInput):
        parse_amount("12.50abc", "EUR", tr)


def test_another_currency_code_is_refused(tr: Translator) -> None:
    with pytest.raises(InvalidInput):
        parse_amount("12.50 GBP", "EUR", tr)


# -- format_plain / parse_amount round trip -------------------------------------------


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (0, "EUR", "0.00"),
        (5, "EUR", "0.05"),
        (123456, "EUR", "1234.56"),
        (-1, "EUR", "-0.01"),
        (150, "JPY", "150"),
        (1250, "KWD", "1.250"),
        (5, "KWD", "0.005"),
    ],
)
def test_format_plain(minor: int, currency: str, text: str) -> None:
    assert format_plain(minor, currency) == text


def test_format_plain_none_is_none() -> None:
    assert format_plain(None, "EUR") is None


money_cases = st.tuples(
    st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["EUR", "JPY", "KWD"])
)


@given(money_cases)
def test_format_plain_then_parse_round_trips(case: tuple[int, str]) -> None:
    minor, currency = case
    tr = Translator("en")
    text = format_plain(minor, currency)
    assert text is not None
    assert parse_amount(text, currency, tr, allow_negative=True) == minor


@given(money_cases)
def test_comma_form_round_trips(case: tuple[int, str]) -> None:
    minor, currency = case
    tr = Translator("en")
    text = format_plain(minor, currency)
    assert text is not None
    assert parse_amount(text.replace(".", ","), currency, tr, allow_negative=True) == minor


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["EUR", "KWD"]))
def test_grouped_french_form_round_trips(minor: int, currency: str) -> None:
    # "1234567.89" -> "1 234 567,89" with U+202F between groups of three.
    tr = Translator("en")
    plain = format_plain(minor, currency)
    assert plain is not None
    integer, fraction = plain.split(".")
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    text = NNBSP.join(groups) + "," + fraction
    assert parse_amount(text, currency, tr) == minor


def test_to_decimal_uses_currency_digits() -> None:
    assert to_decimal(1250, "EUR") == Decimal("12.50")
    assert to_decimal(1250, "JPY") == Decimal("1250")
    assert to_decimal(1250, "KWD") == Decimal("1.250")


# -- convert_minor: half-up rounding ---------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "currency", "rate", "home", "expected"),
    [
        # 0.01 USD x 0.5 = 0.005 EUR -> half-up 0.01 (banker's rounding would give 0.00).
        (1, "USD", "0.5", "EUR", 1),
        # 0.03 USD x 0.5 = 0.015 -> 0.02 (banker's would give 0.02 too).
        (3, "USD", "0.5", "EUR", 2),
        # 0.05 USD x 0.5 = 0.025 -> 0.03 (banker's would give 0.02).
        (5, "USD", "0.5", "EUR", 3),
        # 1.05 USD x 0.9 = 0.945 -> 0.95.
        (105, "USD", "0.9", "EUR", 95),
        # 1.05 USD x 0.95 = 0.9975 -> 1.00.
        (105, "USD", "0.95", "EUR", 100),
        # 0.0149 below the half: 1.49 USD x 0.01 = 0.0149 -> 0.01.
        (149, "USD", "0.01", "EUR", 1),
        # 150 JPY x 0.0061 = 0.915 EUR -> 0.92.
        (150, "JPY", "0.0061", "EUR", 92),
        # 1.234 KWD x 2.5 = 3.085 EUR -> 3.09.
        (1234, "KWD", "2.5", "EUR", 309),
        # 0.01 EUR x 150.5 = 1.505 JPY -> 2 yen.
        (1, "EUR", "150.5", "JPY", 2),
        # 0.01 EUR x 149.9 = 1.499 JPY -> 1 yen.
        (1, "EUR", "149.9", "JPY", 1),
        # 1.00 EUR x 0.3335 = 0.3335 KWD -> 0.334 (334 fils).
        (100, "EUR", "0.3335", "KWD", 334),
    ],
)
def test_convert_minor_rounds_half_up(
    minor: int, currency: str, rate: str, home: str, expected: int
) -> None:
    assert convert_minor(minor, currency, Decimal(rate), home) == expected


def test_convert_minor_home_currency_is_unchanged() -> None:
    assert convert_minor(1234, "EUR", Decimal("7"), "EUR") == 1234


def test_round_half_up() -> None:
    assert round_half_up(Decimal("2.125"), 2) == Decimal("2.13")
    assert round_half_up(Decimal("2.135"), 2) == Decimal("2.14")
    assert round_half_up(Decimal("2.1249"), 2) == Decimal("2.12")
    assert round_half_up(Decimal("0.5"), 0) == Decimal("1")


# -- other helpers ---------------------------------------------------------------------


def test_normalise_currency(tr: Translator) -> None:
    assert normalise_currency(" eur ", tr) == "EUR"
    with pytest.raises(InvalidInput, match="'EURO' is not a currency code"):
        normalise_currency("EURO", tr)
    with pytest.raises(InvalidInput, match="'XYZ' is not a currency code"):
        normalise_currency("XYZ", tr)


def test_parse_decimal(tr: Translator) -> None:
    assert parse_decimal("0,05", tr, what="rate") == Decimal("0.05")
    assert parse_decimal("12.5", tr, what="rate") == Decimal("12.5")
    with pytest.raises(InvalidInput, match=r"^Rate 'x' is not a number\.$"):
        parse_decimal("x", tr, what="rate")
    with pytest.raises(InvalidInput, match="too small"):
        parse_decimal("-1", tr, what="rate", minimum=Decimal(0))
    with pytest.raises(InvalidInput, match="too large"):
        parse_decimal("2", tr, what="rate", maximum=Decimal(1))
