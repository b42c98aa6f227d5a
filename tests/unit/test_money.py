"""Amounts typed by French and Belgian users, kept as integer cents."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ErrorCode, ValidationError
from desktop.domain.money import cents_to_decimal, format_cents, parse_cents

NNBSP = "\u202f"  # narrow no-break space: French thousands separator
NBSP = "\u00a0"  # no-break space before the euro sign


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1 234,56 €", 123456),
        ("1234.56", 123456),
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        (f"1{NNBSP}234,56{NBSP}€", 123456),
        ("1.234.567,89", 123456789),
        ("-12", -1200),
        ("- 5,00", -500),
        ("12", 1200),
        ("12,5", 1250),
        ("0,5", 50),
        ("12 EUR", 1200),
        ("  40 €  ", 4000),
        ("0", 0),
    ],
)
def test_parse_cents_reads_what_users_type(typed: str, cents: int) -> None:
    result = parse_cents(typed)
    assert result == cents
    assert isinstance(result, int)


def test_comma_with_three_decimals_is_a_decimal_comma_rounded_half_up() -> None:
    assert parse_cents("12,345") == 1235


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("0,29", 29), ("1,005", 101), ("0,1", 10), ("0,07", 7), ("1,15", 115), ("2,675", 268)],
)
def test_no_float_rounding_errors(typed: str, cents: int) -> None:
    # float would give 28 for 0.29 * 100 and 100 for round(1.005 * 100).
    assert parse_cents(typed) == cents


def test_many_small_amounts_add_up_exactly() -> None:
    assert sum(parse_cents("0,10") for _ in range(1000)) == 10000


@pytest.mark.parametrize("typed", ["", "   ", "€", " EUR "])
def test_empty_amount_is_required(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_cents(typed, "total")
    assert info.value.errors[0].code is ErrorCode.REQUIRED
    assert info.value.errors[0].field == "total"


@pytest.mark.parametrize(
    "typed",
    [
        "abc",
        "douze euros",
        "12,3,4",
        "--5",
        "5-",
        "(12)",
        "NaN",
        "Infinity",
        "0x10",
        "1e3",
        "1_000",
        "1e999999",
        "9" * 40,
    ],
)
def test_garbage_is_an_invalid_amount_never_a_crash(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_cents(typed)
    assert info.value.errors[0].code is ErrorCode.INVALID_AMOUNT


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (0, f"0,00{NBSP}€"),
        (5, f"0,05{NBSP}€"),
        (4000, f"40,00{NBSP}€"),
        (123456, f"1{NNBSP}234,56{NBSP}€"),
        (123456789, f"1{NNBSP}234{NNBSP}567,89{NBSP}€"),
        (-123456, f"-1{NNBSP}234,56{NBSP}€"),
    ],
)
def test_format_cents_in_french(cents: int, text: str) -> None:
    assert format_cents(cents) == text
    assert format_cents(cents, lang="fr") == text


@pytest.mark.parametrize(
    ("cents", "text"),
    [(0, "€0.00"), (123456, "€1,234.56"), (123456789, "€1,234,567.89"), (-1999, "-€19.99")],
)
def test_format_cents_in_english(cents: int, text: str) -> None:
    assert format_cents(cents, lang="en") == text


def test_format_without_symbol() -> None:
    assert format_cents(1843756, symbol=False) == f"18{NNBSP}437,56"
    assert format_cents(1843756, lang="en", symbol=False) == "18,437.56"


@pytest.mark.parametrize("cents", [0, 1, 99, 100, 123456, -123456, 1843756, 10**11 + 7])
def test_what_is_printed_reads_back_to_the_same_cents(cents: int) -> None:
    assert parse_cents(format_cents(cents)) == cents
    assert parse_cents(format_cents(cents, lang="en")) == cents


def test_cents_to_decimal_has_two_places() -> None:
    assert str(cents_to_decimal(18493)) == "184.93"
    assert str(cents_to_decimal(-5)) == "-0.05"
