"""Error codes raised by the domain and services.

The domain never builds sentences: it raises a code with the field it concerns and
plain parameters; the UI (or the CLI) turns the code into a translated message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_SIREN = "invalid_siren"
    INVALID_SIRET = "invalid_siret"
    SIRET_SIREN_MISMATCH = "siret_siren_mismatch"
    INVALID_VAT_FR = "invalid_vat_fr"
    INVALID_VAT_BE = "invalid_vat_be"
    INVALID_VAT = "invalid_vat"
    INVALID_BE_ENTERPRISE = "invalid_be_enterprise"
    INVALID_IBAN = "invalid_iban"
    INVALID_BIC = "invalid_bic"
    INVALID_EMAIL = "invalid_email"
    INVALID_POSTAL_CODE = "invalid_postal_code"
    INVALID_AMOUNT = "invalid_amount"
    NEGATIVE_AMOUNT = "negative_amount"
    PAYMENT_TERMS_TOO_LONG = "payment_terms_too_long"
    INVALID_DATE = "invalid_date"
    DATE_IN_FUTURE = "date_in_future"
    DUPLICATE_SIREN = "duplicate_siren"
    DUPLICATE_ENTERPRISE_NUMBER = "duplicate_enterprise_number"
    NOT_FOUND = "not_found"
    RATING_OUT_OF_RANGE = "rating_out_of_range"
    DUPLICATE_OBSERVATION = "duplicate_observation"
    DUPLICATE_ACCOUNT_CODE = "duplicate_account_code"
    HAS_DOCUMENTS = "has_documents"
    DUPLICATE_NAME = "duplicate_name"
    PENALTY_RATE_TOO_LOW = "penalty_rate_too_low"
    RATE_OUT_OF_RANGE = "rate_out_of_range"
    DUPLICATE_RATE = "duplicate_rate"
    SHIPPED_RATE = "shipped_rate"
    DATE_TOO_FAR = "date_too_far"
    OUT_OF_RANGE = "out_of_range"
    ALREADY_CLOSED = "already_closed"
    PLAN_WITHOUT_LEVEL = "plan_without_level"
    DUPLICATE_OFFSET = "duplicate_offset"
    TWO_COURTESY_LEVELS = "two_courtesy_levels"
    NO_INDEMNITY_FOR_CONSUMERS = "no_indemnity_for_consumers"
    DEFAULT_PLAN = "default_plan"
    AMOUNT_ABOVE_OPEN = "amount_above_open"
    DUPLICATE_DOCUMENT = "duplicate_document"
    INVOICE_NOT_OPEN = "invoice_not_open"
    DUPLICATE_NUMBER = "duplicate_number"
    CANNOT_CHANGE = "cannot_change"
    # Repayment plans (plans d'apurement)
    PLAN_CANNOT_SPLIT = "plan_cannot_split"
    PLAN_PAYMENT_TOO_HIGH = "plan_payment_too_high"
    PLAN_AMOUNT_ABOVE_DUE = "plan_amount_above_due"
    PLAN_INVOICE_NOT_OVERDUE = "plan_invoice_not_overdue"
    PLAN_INVOICE_IN_PLAN = "plan_invoice_in_plan"
    PLAN_NOT_DRAFT = "plan_not_draft"
    PLAN_NOT_ACTIVE = "plan_not_active"
    # Proposals and payment schedules (domain.schedule)
    PERCENT_TOTAL = "percent_total"
    DATE_BEFORE_PROPOSAL = "date_before_proposal"
    DATES_NOT_IN_ORDER = "dates_not_in_order"
    QUANTITY_NOT_POSITIVE = "quantity_not_positive"
    AMOUNT_NOT_SPLITTABLE = "amount_not_splittable"
    DEPOSIT_REQUIRED = "deposit_required"
    # Profiles at start
    INVALID_PIN = "invalid_pin"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a form or a record."""

    field: str
    code: ErrorCode
    params: dict[str, str] = field(default_factory=dict)


class ValidationError(Exception):
    """Raised when a record cannot be saved; carries every field problem at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors

    def codes(self) -> dict[str, ErrorCode]:
        return {e.field: e.code for e in self.errors}


class NotFoundError(Exception):
    """The record asked for does not exist (any more)."""

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key!r} not found")
        self.entity = entity
        self.key = key
