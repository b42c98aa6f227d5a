"""Legal maximum payment terms, looked up by country, counting method and date."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Country, PaymentTermsBasis
from desktop.domain.legal import max_days_allowed, payment_term_limit

TODAY = date(2026, 3, 16)


def test_france_sixty_days_from_invoice_date() -> None:
    assert max_days_allowed(Country.FRANCE, PaymentTermsBasis.INVOICE_DATE, TODAY) == 60


@pytest.mark.parametrize(
    "basis", [PaymentTermsBasis.END_OF_MONTH_AFTER, PaymentTermsBasis.END_OF_MONTH_THEN]
)
def test_france_forty_five_days_end_of_month_both_methods(basis: PaymentTermsBasis) -> None:
    assert max_days_allowed(Country.FRANCE, basis, TODAY) == 45


def test_belgium_sixty_days_from_invoice() -> None:
    assert max_days_allowed(Country.BELGIUM, PaymentTermsBasis.INVOICE_DATE, TODAY) == 60


@pytest.mark.parametrize(
    "basis", [PaymentTermsBasis.END_OF_MONTH_AFTER, PaymentTermsBasis.END_OF_MONTH_THEN]
)
def test_belgian_end_of_month_clause_must_fit_in_sixty_days(basis: PaymentTermsBasis) -> None:
    allowed = max_days_allowed(Country.BELGIUM, basis, TODAY)
    assert allowed is not None
    # The end of the month can add up to 30 days to the term.
    assert allowed + 30 <= 60


def test_default_terms_are_thirty_days_and_cite_the_law() -> None:
    france = payment_term_limit(Country.FRANCE, TODAY)
    belgium = payment_term_limit(Country.BELGIUM, TODAY)
    assert france is not None and belgium is not None
    assert france.default_days == belgium.default_days == 30
    assert "L441-10" in france.reference
    assert "2002" in belgium.reference


def test_no_rule_before_the_law_existed() -> None:
    assert payment_term_limit(Country.FRANCE, date(2008, 12, 31)) is None
    assert (
        max_days_allowed(Country.FRANCE, PaymentTermsBasis.INVOICE_DATE, date(2008, 12, 31)) is None
    )
    assert (
        max_days_allowed(Country.BELGIUM, PaymentTermsBasis.INVOICE_DATE, date(2002, 8, 6)) is None
    )


def test_rule_applies_from_its_first_day() -> None:
    rule = payment_term_limit(Country.FRANCE, date(2009, 1, 1))
    assert rule is not None
    assert rule.valid_from == date(2009, 1, 1)
    assert max_days_allowed(Country.BELGIUM, PaymentTermsBasis.INVOICE_DATE, date(2002, 8, 7)) == 60


def test_other_countries_have_no_known_limit() -> None:
    assert max_days_allowed(Country.OTHER, PaymentTermsBasis.INVOICE_DATE, TODAY) is None
