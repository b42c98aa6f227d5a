"""What the customer form accepts and refuses, every problem reported at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.customer import (
    MAX_NAME_LENGTH,
    Address,
    CustomerDraft,
    RatingDraft,
    validate_customer,
    validate_rating,
)
from desktop.domain.enums import Country, PaymentTermsBasis, RatingSource
from desktop.domain.errors import ErrorCode, ValidationError

TODAY = date(2026, 3, 16)
LONG_NAME = (
    "Société Générale d'Équipements Industriels du Sud-Ouest et de la Façade Atlantique "
    "— Chaudronnerie, Tuyauterie & Maintenance des Installations Agroalimentaires"
)


def _errors(draft: CustomerDraft) -> dict[str, ErrorCode]:
    with pytest.raises(ValidationError) as info:
        validate_customer(draft, TODAY)
    return info.value.codes()


def test_a_complete_french_customer_is_returned_with_compact_identifiers() -> None:
    draft = CustomerDraft(
        legal_name="  Boulangerie   Pâtisserie L'Épi d'Or ",
        siren="732 829 320",
        siret="732 829 320 00074",
        vat_number="fr 44 732 829 320",
        email=" compta@epi-dor.fr ",
        billing_address=Address("12, rue de l'Église", "", "42000", " Saint-Étienne "),
    )
    clean = validate_customer(draft, TODAY)
    assert clean.legal_name == "Boulangerie Pâtisserie L'Épi d'Or"
    assert clean.siren == "732829320"
    assert clean.siret == "73282932000074"
    assert clean.vat_number == "FR44732829320"
    assert clean.email == "compta@epi-dor.fr"
    assert clean.billing_address.city == "Saint-Étienne"


def test_a_belgian_customer() -> None:
    draft = CustomerDraft(
        legal_name="Brasserie de l'Abbaye & Fils SPRL",
        country=Country.BELGIUM,
        enterprise_number="0403.170.701",
        vat_number="BE 0403.170.701",
        billing_address=Address("Rue Neuve 1", "", "1000", "Bruxelles", Country.BELGIUM),
    )
    clean = validate_customer(draft, TODAY)
    assert clean.enterprise_number == "0403170701"
    assert clean.vat_number == "BE0403170701"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_name_is_required(name: str) -> None:
    assert _errors(CustomerDraft(legal_name=name)) == {"legal_name": ErrorCode.REQUIRED}


def test_name_too_long_is_refused_with_the_maximum() -> None:
    name = (LONG_NAME + " ") * 2
    assert len(name.strip()) > MAX_NAME_LENGTH
    with pytest.raises(ValidationError) as info:
        validate_customer(CustomerDraft(legal_name=name), TODAY)
    (error,) = info.value.errors
    assert error.field == "legal_name"
    assert error.code is ErrorCode.TOO_LONG
    assert error.params == {"max": str(MAX_NAME_LENGTH)}


def test_name_of_exactly_the_maximum_length_is_accepted() -> None:
    name = (LONG_NAME * 2)[: MAX_NAME_LENGTH - 1] + "x"
    assert len(name) == MAX_NAME_LENGTH
    assert validate_customer(CustomerDraft(legal_name=name), TODAY).legal_name == name


def test_every_problem_is_reported_at_once() -> None:
    draft = CustomerDraft(
        legal_name="",
        siren="732829321",
        siret="73282932000075",
        enterprise_number="0403.170.702",
        vat_number="FR45732829320",
        email="compta@@epi",
        billing_address=Address(postal_code="4200"),
        delivery_address=Address(postal_code="10000", country=Country.BELGIUM),
        payment_terms_days=90,
        credit_limit_cents=-100,
    )
    with pytest.raises(ValidationError) as info:
        validate_customer(draft, TODAY)
    assert info.value.codes() == {
        "legal_name": ErrorCode.REQUIRED,
        "siren": ErrorCode.INVALID_SIREN,
        "siret": ErrorCode.INVALID_SIRET,
        "enterprise_number": ErrorCode.INVALID_BE_ENTERPRISE,
        "vat_number": ErrorCode.INVALID_VAT_FR,
        "email": ErrorCode.INVALID_EMAIL,
        "billing_postal_code": ErrorCode.INVALID_POSTAL_CODE,
        "delivery_postal_code": ErrorCode.INVALID_POSTAL_CODE,
        "payment_terms_days": ErrorCode.PAYMENT_TERMS_TOO_LONG,
        "credit_limit_cents": ErrorCode.NEGATIVE_AMOUNT,
    }
    assert len(info.value.errors) == 10


def test_siret_fills_in_the_siren() -> None:
    clean = validate_customer(
        CustomerDraft(legal_name="Dupont & Fils <SARL>", siret="732 829 320 00074"), TODAY
    )
    assert clean.siren == "732829320"
    assert clean.siret == "73282932000074"


def test_siret_of_another_company_than_the_siren_is_refused() -> None:
    draft = CustomerDraft(legal_name="Dupont & Fils", siren="552100554", siret="73282932000074")
    assert _errors(draft) == {"siret": ErrorCode.SIRET_SIREN_MISMATCH}


@pytest.mark.parametrize(
    ("country", "postal_code", "ok"),
    [
        (Country.FRANCE, "75001", True),
        (Country.FRANCE, "2A004", False),  # Corsica uses 20xxx postal codes
        (Country.FRANCE, "7500", False),
        (Country.FRANCE, "750011", False),
        (Country.BELGIUM, "1000", True),
        (Country.BELGIUM, "75001", False),
        (Country.BELGIUM, "B-1000", False),
        (Country.OTHER, "SW1A 1AA", True),
    ],
)
def test_postal_codes(country: Country, postal_code: str, ok: bool) -> None:
    draft = CustomerDraft(
        legal_name="Boulangerie L'Épi d'Or",
        billing_address=Address("1 place du Marché", "", postal_code, "Ville", country),
    )
    if ok:
        assert validate_customer(draft, TODAY).billing_address.postal_code == postal_code
    else:
        assert _errors(draft) == {"billing_postal_code": ErrorCode.INVALID_POSTAL_CODE}


@pytest.mark.parametrize(
    ("country", "basis", "days", "limit"),
    [
        (Country.FRANCE, PaymentTermsBasis.INVOICE_DATE, 61, 60),
        (Country.FRANCE, PaymentTermsBasis.END_OF_MONTH_AFTER, 46, 45),
        (Country.FRANCE, PaymentTermsBasis.END_OF_MONTH_THEN, 60, 45),
        (Country.BELGIUM, PaymentTermsBasis.INVOICE_DATE, 90, 60),
    ],
)
def test_payment_terms_above_the_legal_maximum_are_refused_between_businesses(
    country: Country, basis: PaymentTermsBasis, days: int, limit: int
) -> None:
    draft = CustomerDraft(
        legal_name="Menuiserie Lefèvre",
        country=country,
        payment_terms_days=days,
        payment_terms_basis=basis,
    )
    with pytest.raises(ValidationError) as info:
        validate_customer(draft, TODAY)
    (error,) = info.value.errors
    assert error.code is ErrorCode.PAYMENT_TERMS_TOO_LONG
    assert error.params == {"max": str(limit)}
    # At the limit itself, the term is accepted.
    at_limit = replace(draft, payment_terms_days=limit)
    assert validate_customer(at_limit, TODAY).payment_terms_days == limit


def test_consumers_may_get_longer_terms() -> None:
    draft = CustomerDraft(legal_name="M. Jérôme Lefèvre", is_consumer=True, payment_terms_days=90)
    assert validate_customer(draft, TODAY).payment_terms_days == 90


def test_negative_payment_terms_are_refused() -> None:
    draft = CustomerDraft(legal_name="Menuiserie Lefèvre", payment_terms_days=-1)
    assert _errors(draft) == {"payment_terms_days": ErrorCode.NEGATIVE_AMOUNT}


def test_negative_credit_limit_is_refused_zero_is_allowed() -> None:
    draft = CustomerDraft(legal_name="Menuiserie Lefèvre", credit_limit_cents=-1)
    assert _errors(draft) == {"credit_limit_cents": ErrorCode.NEGATIVE_AMOUNT}
    assert validate_customer(replace(draft, credit_limit_cents=0), TODAY).credit_limit_cents == 0


@pytest.mark.parametrize("email", ["compta@epi-dor.fr", "jean-luc.dupré@example.be"])
def test_valid_emails(email: str) -> None:
    assert validate_customer(CustomerDraft(legal_name="X", email=email), TODAY).email == email


@pytest.mark.parametrize("email", ["compta", "compta@epi", "compta @epi.fr", "@epi.fr"])
def test_invalid_emails(email: str) -> None:
    assert _errors(CustomerDraft(legal_name="X", email=email)) == {"email": ErrorCode.INVALID_EMAIL}


# --- ratings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "value"),
    [
        (RatingSource.COFACE, "0"),
        (RatingSource.COFACE, "10"),
        (RatingSource.CREDITSAFE, "0"),
        (RatingSource.CREDITSAFE, "100"),
        (RatingSource.BANQUE_DE_FRANCE, "3++"),
        (RatingSource.OTHER, "B+"),
    ],
)
def test_ratings_within_their_scale(source: RatingSource, value: str) -> None:
    clean = validate_rating(RatingDraft(source, f" {value} ", TODAY, " note "), TODAY)
    assert clean.value == value
    assert clean.comment == "note"


@pytest.mark.parametrize(
    ("source", "value", "low", "high"),
    [
        (RatingSource.COFACE, "11", 0, 10),
        (RatingSource.COFACE, "-1", 0, 10),
        (RatingSource.COFACE, "A", 0, 10),
        (RatingSource.COFACE, "7,5", 0, 10),
        (RatingSource.CREDITSAFE, "101", 0, 100),
    ],
)
def test_ratings_out_of_their_scale_are_refused(
    source: RatingSource, value: str, low: int, high: int
) -> None:
    with pytest.raises(ValidationError) as info:
        validate_rating(RatingDraft(source, value, TODAY), TODAY)
    (error,) = info.value.errors
    assert error.code is ErrorCode.RATING_OUT_OF_RANGE
    assert error.params == {"min": str(low), "max": str(high)}


def test_rating_value_is_required() -> None:
    with pytest.raises(ValidationError) as info:
        validate_rating(RatingDraft(RatingSource.GRAYDON, "  ", TODAY), TODAY)
    assert info.value.codes() == {"value": ErrorCode.REQUIRED}


def test_rating_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_rating(RatingDraft(RatingSource.COFACE, "12", date(2026, 3, 17)), TODAY)
    assert info.value.codes() == {
        "value": ErrorCode.RATING_OUT_OF_RANGE,
        "rated_on": ErrorCode.DATE_IN_FUTURE,
    }
