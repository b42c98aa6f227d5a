"""Legal maximum payment terms, as dated data rather than scattered literals.

France, Code de commerce L441-10: 60 days from the invoice date, or 45 days end of
month (either counting method). Belgium, law of 2 August 2002: 60 days.
A later change of the law is a new row with its start date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import Country, PaymentTermsBasis


@dataclass(frozen=True)
class PaymentTermLimit:
    country: Country
    valid_from: date
    max_days_from_invoice: int
    max_days_end_of_month: int | None  # None: the law knows no end-of-month variant
    default_days: int
    reference: str


PAYMENT_TERM_LIMITS: tuple[PaymentTermLimit, ...] = (
    PaymentTermLimit(Country.FRANCE, date(2009, 1, 1), 60, 45, 30, "C. com. L441-10"),
    PaymentTermLimit(Country.BELGIUM, date(2002, 8, 7), 60, None, 30, "Loi du 2 août 2002"),
)


def payment_term_limit(country: Country, as_of: date) -> PaymentTermLimit | None:
    """The rule in force in `country` on `as_of`, or None when the app knows no rule."""
    candidates = [r for r in PAYMENT_TERM_LIMITS if r.country == country and r.valid_from <= as_of]
    return max(candidates, key=lambda r: r.valid_from) if candidates else None


def max_days_allowed(country: Country, basis: PaymentTermsBasis, as_of: date) -> int | None:
    """The longest agreed term between businesses for this counting method, if any."""
    rule = payment_term_limit(country, as_of)
    if rule is None:
        return None
    if basis is PaymentTermsBasis.INVOICE_DATE:
        return rule.max_days_from_invoice
    if rule.max_days_end_of_month is None:
        # Belgian law counts from the invoice; an end-of-month clause must fit in 60 days,
        # and the end of month may add up to 30 days.
        return rule.max_days_from_invoice - 30
    return rule.max_days_end_of_month
