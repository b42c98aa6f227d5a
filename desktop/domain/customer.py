"""The customer record as typed in a form, and the rules it must satisfy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from desktop.domain import identifiers
from desktop.domain.enums import (
    Country,
    CustomerStatus,
    InsolvencyKind,
    PaymentTermsBasis,
    RatingSource,
)
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.legal import max_days_allowed
from desktop.domain.penalties import format_rate

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FR_POSTAL = re.compile(r"^\d{5}$")
_BE_POSTAL = re.compile(r"^\d{4}$")

MAX_NAME_LENGTH = 200
MAX_PENALTY_RATE_BP = 10_000  # 100 %: anything above is a typing error


@dataclass(frozen=True)
class Address:
    line1: str = ""
    line2: str = ""
    postal_code: str = ""
    city: str = ""
    country: Country = Country.FRANCE

    def is_empty(self) -> bool:
        return not (self.line1 or self.line2 or self.postal_code or self.city)


@dataclass(frozen=True)
class CustomerDraft:
    """Everything a user can type about a customer or prospect."""

    legal_name: str
    status: CustomerStatus = CustomerStatus.PROSPECT
    trade_name: str = ""
    legal_form: str = ""
    country: Country = Country.FRANCE
    siren: str = ""
    siret: str = ""
    enterprise_number: str = ""
    vat_number: str = ""
    account_code: str = ""
    billing_address: Address = field(default_factory=Address)
    delivery_address: Address = field(default_factory=Address)
    email: str = ""
    phone: str = ""
    website: str = ""
    is_consumer: bool = False
    language: str = "fr"
    segment_id: int | None = None
    salesperson_id: int | None = None
    payment_terms_days: int = 30
    payment_terms_basis: PaymentTermsBasis = PaymentTermsBasis.INVOICE_DATE
    credit_limit_cents: int | None = None
    insolvency_kind: InsolvencyKind | None = None
    insolvency_opened_on: date | None = None
    bodacc_published_on: date | None = None
    notes: str = ""
    # Late-payment rate agreed in the contract, basis points; None = the legal default.
    penalty_rate_bp: int | None = None


def _strip(draft: CustomerDraft) -> CustomerDraft:
    def clean_address(a: Address) -> Address:
        return replace(
            a,
            line1=a.line1.strip(),
            line2=a.line2.strip(),
            postal_code=a.postal_code.strip(),
            city=a.city.strip(),
        )

    return replace(
        draft,
        legal_name=" ".join(draft.legal_name.split()),
        trade_name=draft.trade_name.strip(),
        legal_form=draft.legal_form.strip(),
        siren=draft.siren.strip(),
        siret=draft.siret.strip(),
        enterprise_number=draft.enterprise_number.strip(),
        vat_number=draft.vat_number.strip(),
        account_code=draft.account_code.strip(),
        email=draft.email.strip(),
        phone=draft.phone.strip(),
        website=draft.website.strip(),
        billing_address=clean_address(draft.billing_address),
        delivery_address=clean_address(draft.delivery_address),
        notes=draft.notes.strip(),
    )


def penalty_floor_applies(draft: CustomerDraft) -> bool:
    """The 3 × legal rate floor of a contract rate is French law between businesses."""
    return not draft.is_consumer and draft.country is not Country.BELGIUM


def validate_customer(
    draft: CustomerDraft, as_of: date, penalty_floor_bp: int | None = None
) -> CustomerDraft:
    """Return the draft with identifiers in compact form, or raise every problem at once.

    `penalty_floor_bp`: the lowest contract penalty rate allowed on `as_of` (3 × the
    French legal interest rate, read from the rate table by the caller); it applies to
    French business customers only (C. com. L441-10), and not at all when None.
    """
    draft = _strip(draft)
    errors: list[FieldError] = []
    cleaned: dict[str, object] = {}

    if not draft.legal_name:
        errors.append(FieldError("legal_name", ErrorCode.REQUIRED))
    elif len(draft.legal_name) > MAX_NAME_LENGTH:
        errors.append(FieldError("legal_name", ErrorCode.TOO_LONG, {"max": str(MAX_NAME_LENGTH)}))

    def check(field_name: str, value: str, cleaner) -> None:  # type: ignore[no-untyped-def]
        if not value:
            return
        try:
            cleaned[field_name] = cleaner(value, field_name)
        except ValidationError as exc:
            errors.extend(exc.errors)

    check("siren", draft.siren, identifiers.clean_siren)
    check("siret", draft.siret, identifiers.clean_siret)
    check("enterprise_number", draft.enterprise_number, identifiers.clean_be_enterprise_number)
    check("vat_number", draft.vat_number, identifiers.clean_vat_number)

    siren = str(cleaned.get("siren", ""))
    siret = str(cleaned.get("siret", ""))
    if siret and not siren:
        cleaned["siren"] = siren = identifiers.siren_of_siret(siret)
    if siret and siren and identifiers.siren_of_siret(siret) != siren:
        errors.append(FieldError("siret", ErrorCode.SIRET_SIREN_MISMATCH))

    if draft.email and not _EMAIL.match(draft.email):
        errors.append(FieldError("email", ErrorCode.INVALID_EMAIL))

    for prefix, address in (
        ("billing", draft.billing_address),
        ("delivery", draft.delivery_address),
    ):
        pattern = {Country.FRANCE: _FR_POSTAL, Country.BELGIUM: _BE_POSTAL}.get(address.country)
        if address.postal_code and pattern and not pattern.match(address.postal_code):
            errors.append(FieldError(f"{prefix}_postal_code", ErrorCode.INVALID_POSTAL_CODE))

    if draft.payment_terms_days < 0:
        errors.append(FieldError("payment_terms_days", ErrorCode.NEGATIVE_AMOUNT))
    elif not draft.is_consumer:
        limit = max_days_allowed(draft.country, draft.payment_terms_basis, as_of)
        if limit is not None and draft.payment_terms_days > limit:
            errors.append(
                FieldError(
                    "payment_terms_days", ErrorCode.PAYMENT_TERMS_TOO_LONG, {"max": str(limit)}
                )
            )

    if draft.credit_limit_cents is not None and draft.credit_limit_cents < 0:
        errors.append(FieldError("credit_limit_cents", ErrorCode.NEGATIVE_AMOUNT))

    rate = draft.penalty_rate_bp
    if rate is not None and rate < 0:
        errors.append(FieldError("penalty_rate_bp", ErrorCode.NEGATIVE_AMOUNT))
    elif rate is not None and rate > MAX_PENALTY_RATE_BP:
        errors.append(
            FieldError(
                "penalty_rate_bp",
                ErrorCode.RATE_OUT_OF_RANGE,
                {"max": format_rate(MAX_PENALTY_RATE_BP)},
            )
        )
    elif (
        rate is not None
        and penalty_floor_bp is not None
        and penalty_floor_applies(draft)
        and rate < penalty_floor_bp
    ):
        errors.append(
            FieldError(
                "penalty_rate_bp",
                ErrorCode.PENALTY_RATE_TOO_LOW,
                {"min": format_rate(penalty_floor_bp)},
            )
        )

    if errors:
        raise ValidationError(errors)
    return replace(draft, **cleaned)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RatingDraft:
    source: RatingSource
    value: str
    rated_on: date
    comment: str = ""


# Numeric scales the app knows, so a value out of range is refused at once.
RATING_SCALES: dict[RatingSource, tuple[int, int]] = {
    RatingSource.COFACE: (0, 10),
    RatingSource.CREDITSAFE: (0, 100),
}


def validate_rating(draft: RatingDraft, as_of: date) -> RatingDraft:
    errors: list[FieldError] = []
    value = draft.value.strip()
    if not value:
        errors.append(FieldError("value", ErrorCode.REQUIRED))
    scale = RATING_SCALES.get(draft.source)
    if value and scale is not None:
        if not value.isdigit() or not scale[0] <= int(value) <= scale[1]:
            errors.append(
                FieldError(
                    "value",
                    ErrorCode.RATING_OUT_OF_RANGE,
                    {"min": str(scale[0]), "max": str(scale[1])},
                )
            )
    if draft.rated_on > as_of:
        errors.append(FieldError("rated_on", ErrorCode.DATE_IN_FUTURE))
    if errors:
        raise ValidationError(errors)
    return replace(draft, value=value, comment=draft.comment.strip())
