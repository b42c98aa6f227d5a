"""Company and bank identifiers as users type them (spaces, dots, lower case)."""

from __future__ import annotations

import pytest

from desktop.domain import identifiers
from desktop.domain.errors import ErrorCode, ValidationError


def _code(call, *args) -> ErrorCode:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        call(*args)
    assert len(info.value.errors) == 1
    return info.value.errors[0].code


# --- SIREN ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("732829320", "732829320"),
        ("732 829 320", "732829320"),
        ("732.829.320", "732829320"),
        ("  552 100 554 ", "552100554"),
    ],
)
def test_valid_siren_is_returned_compact(typed: str, compact: str) -> None:
    assert identifiers.clean_siren(typed) == compact


@pytest.mark.parametrize(
    "typed",
    ["732829321", "73282932", "7328293200", "abcdefghi", "732 829 32O"],
)
def test_invalid_siren_is_refused_with_its_code(typed: str) -> None:
    assert _code(identifiers.clean_siren, typed) is ErrorCode.INVALID_SIREN


def test_siren_error_names_the_field_it_was_checked_for() -> None:
    with pytest.raises(ValidationError) as info:
        identifiers.clean_siren("732829321", "company_siren")
    assert info.value.errors[0].field == "company_siren"


# --- SIRET ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("73282932000074", "73282932000074"),
        ("732 829 320 00074", "73282932000074"),
        ("732.829.320.00074", "73282932000074"),
    ],
)
def test_valid_siret_is_returned_compact(typed: str, compact: str) -> None:
    assert identifiers.clean_siret(typed) == compact


@pytest.mark.parametrize("typed", ["73282932000075", "7328293200007", "732829320000744", "siret"])
def test_invalid_siret_is_refused(typed: str) -> None:
    assert _code(identifiers.clean_siret, typed) is ErrorCode.INVALID_SIRET


def test_la_poste_siret_follow_their_own_rule_not_luhn() -> None:
    # La Poste (SIREN 356000000): the sum of the digits is a multiple of 5 instead of Luhn.
    from stdnum import luhn

    for siret in ("35600000000001", "35600000000010", "35600000099990", "35600000000048"):
        assert identifiers.clean_siret(siret) == siret
    assert not luhn.is_valid("35600000000001")  # the exception is really exercised
    assert _code(identifiers.clean_siret, "35600000000002") is ErrorCode.INVALID_SIRET


def test_siren_of_siret_is_its_first_nine_digits() -> None:
    assert identifiers.siren_of_siret("73282932000074") == "732829320"


# --- French VAT -------------------------------------------------------------------------


def _french_key(siren: str) -> int:
    return (12 + 3 * (int(siren) % 97)) % 97


@pytest.mark.parametrize("siren", ["732829320", "552100554", "542051180", "356000000"])
def test_french_vat_from_siren_follows_the_key_formula(siren: str) -> None:
    expected = f"FR{_french_key(siren):02d}{siren}"
    assert identifiers.french_vat_from_siren(siren) == expected
    assert identifiers.clean_vat_number(expected) == expected


def test_french_vat_known_value() -> None:
    assert identifiers.french_vat_from_siren("732829320") == "FR44732829320"


@pytest.mark.parametrize("typed", ["FR44732829320", "fr 44 732 829 320", "FR44.732.829.320"])
def test_french_vat_accepts_spaces_dots_and_lower_case(typed: str) -> None:
    assert identifiers.clean_vat_number(typed) == "FR44732829320"


@pytest.mark.parametrize("typed", ["FR45732829320", "FR44732829321", "FR4473282932"])
def test_wrong_french_vat_says_it_is_the_french_one(typed: str) -> None:
    assert _code(identifiers.clean_vat_number, typed) is ErrorCode.INVALID_VAT_FR


# --- Belgium ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["0403.170.701", "0403170701", "0403 170 701", "403170701", "BE0403170701"]
)
def test_belgian_enterprise_number_is_returned_with_ten_digits(typed: str) -> None:
    assert identifiers.clean_be_enterprise_number(typed) == "0403170701"


@pytest.mark.parametrize("base", [4031707, 12345678, 19999999, 4000000, 8765432])
def test_belgian_check_digits_are_97_minus_first_eight_mod_97(base: int) -> None:
    check = 97 - base % 97
    number = f"{base:08d}{check:02d}"
    assert identifiers.clean_be_enterprise_number(number) == number
    wrong = f"{base:08d}{(check % 97) + 1:02d}"
    assert _code(identifiers.clean_be_enterprise_number, wrong) is ErrorCode.INVALID_BE_ENTERPRISE


@pytest.mark.parametrize("typed", ["0403.170.702", "2403.170.701", "04031707", "BCE"])
def test_invalid_belgian_enterprise_number_is_refused(typed: str) -> None:
    assert _code(identifiers.clean_be_enterprise_number, typed) is ErrorCode.INVALID_BE_ENTERPRISE


def test_belgian_enterprise_number_prints_with_dots() -> None:
    assert identifiers.format_be_enterprise_number("0403170701") == "0403.170.701"


@pytest.mark.parametrize("typed", ["BE0403170701", "be 0403.170.701", "BE 0403 170 701"])
def test_belgian_vat_number(typed: str) -> None:
    assert identifiers.clean_vat_number(typed) == "BE0403170701"


def test_wrong_belgian_vat_says_it_is_the_belgian_one() -> None:
    assert _code(identifiers.clean_vat_number, "BE 0403.170.702") is ErrorCode.INVALID_VAT_BE


def test_other_member_states_vat_is_checked_too() -> None:
    assert identifiers.clean_vat_number("DE 136 695 976") == "DE136695976"
    assert _code(identifiers.clean_vat_number, "DE136695977") is ErrorCode.INVALID_VAT


@pytest.mark.parametrize("typed", ["XX123456789", "12345", "TVA intracom"])
def test_vat_number_without_a_known_country_is_an_invalid_vat(typed: str) -> None:
    # Never an unhandled library exception: the form must be able to say what is wrong.
    assert _code(identifiers.clean_vat_number, typed) is ErrorCode.INVALID_VAT


# --- IBAN and BIC -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
        ("fr7630006000011234567890189", "FR7630006000011234567890189"),
        ("BE71 0961 2345 6769", "BE71096123456769"),
    ],
)
def test_valid_iban_is_returned_compact(typed: str, compact: str) -> None:
    assert identifiers.clean_iban(typed) == compact


@pytest.mark.parametrize(
    "typed", ["FR76 3000 6000 0112 3456 7890 188", "FR76 3000", "BE71 0961 2345 6768", "IBAN"]
)
def test_invalid_iban_is_refused(typed: str) -> None:
    assert _code(identifiers.clean_iban, typed) is ErrorCode.INVALID_IBAN


def test_iban_prints_in_groups_of_four() -> None:
    assert identifiers.format_iban("FR7630006000011234567890189") == (
        "FR76 3000 6000 0112 3456 7890 189"
    )


@pytest.mark.parametrize("typed", ["BNPAFRPP", "BNPAFRPPXXX", "GEBABEBB", "bnpa fr pp"])
def test_valid_bic(typed: str) -> None:
    assert identifiers.clean_bic(typed) == typed.replace(" ", "").upper()


@pytest.mark.parametrize("typed", ["BNPA12PP", "BNPAFRP", "BNPAFRPPXX"])
def test_invalid_bic_is_refused(typed: str) -> None:
    assert _code(identifiers.clean_bic, typed) is ErrorCode.INVALID_BIC
