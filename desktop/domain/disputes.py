"""Disputes: what a customer contests, and how it may be settled, as plain rules.

A dispute covers a part of one invoice or of several invoices of one customer. While it
is open, the reminder engine leaves the disputed part out and keeps chasing the rest.
It moves open → under analysis → waiting for the customer, back and forth, and ends
resolved (credit note, reissued invoice, commercial gesture) or rejected with a reason.

The checks here need no database: the service hands in, for each invoice, how much can
still be disputed (what remains due minus what other open disputes already cover).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import Department, DisputeCategory, DisputeResolution, DisputeStatus
from desktop.domain.errors import ErrorCode, FieldError
from desktop.domain.money import format_cents

__all__ = [
    "ACTIVE_STATUSES",
    "CLOSED_STATUSES",
    "DESCRIPTION_MAX",
    "DisputeDraft",
    "DisputeLine",
    "ResolutionDraft",
    "can_move",
    "days_open",
    "draft_errors",
    "resolution_errors",
]

# The statuses a dispute moves between while it is being worked on.
ACTIVE_STATUSES: frozenset[DisputeStatus] = frozenset(
    {DisputeStatus.OPEN, DisputeStatus.ANALYSIS, DisputeStatus.WAITING_CUSTOMER}
)
CLOSED_STATUSES: frozenset[DisputeStatus] = frozenset(
    {DisputeStatus.RESOLVED, DisputeStatus.REJECTED}
)
DESCRIPTION_MAX = 4000
NAME_MAX = 200
NUMBER_MAX = 60


@dataclass(frozen=True)
class DisputeLine:
    document_id: int
    disputed_cents: int


@dataclass(frozen=True)
class DisputeDraft:
    customer_id: int
    lines: tuple[DisputeLine, ...]
    category: DisputeCategory
    description: str
    reported_by: str
    reported_on: date
    department: Department
    owner_id: int | None = None
    expected_answer_on: date | None = None

    @property
    def disputed_cents(self) -> int:
        return sum(line.disputed_cents for line in self.lines)


@dataclass(frozen=True)
class ResolutionDraft:
    kind: DisputeResolution  # CREDIT_NOTE, REISSUED_INVOICE, COMMERCIAL_GESTURE
    amount_cents: int | None = None  # credit note / gesture amount
    credit_note_number: str = ""
    reissued_number: str = ""
    approved_by: str = ""  # who approved a commercial gesture (required then)
    note: str = ""
    confirm_above_disputed: bool = False  # a credit note above the disputed total needs it


def can_move(current: DisputeStatus, to: DisputeStatus) -> bool:
    """Whether a plain status change (not a resolution or a rejection) is allowed: only
    between the working statuses, and only to another one."""
    return current in ACTIVE_STATUSES and to in ACTIVE_STATUSES and current != to


def days_open(reported_on: date, closed_on: date | None, as_of: date) -> int:
    """Days from the report to its closing (or to `as_of` while open); never negative."""
    end = closed_on if closed_on is not None else as_of
    return max((end - reported_on).days, 0)


def draft_errors(draft: DisputeDraft, as_of: date, disputable: dict[int, int]) -> list[FieldError]:
    """Every problem of a dispute as typed, at once. `disputable` maps each open invoice
    of the customer to the most that may still be disputed on it (what remains due,
    minus what other open disputes cover); an invoice missing from it is not an open
    invoice of this customer. Fields: "lines", "lines.N.document", "lines.N.amount",
    "description", "reported_by", "reported_on", "expected_answer_on"."""
    errors: list[FieldError] = []
    if not draft.lines:
        errors.append(FieldError("lines", ErrorCode.REQUIRED))
    seen: set[int] = set()
    for index, line in enumerate(draft.lines):
        prefix = f"lines.{index}."
        if line.document_id in seen:
            errors.append(FieldError(prefix + "document", ErrorCode.DUPLICATE_DOCUMENT))
            continue
        seen.add(line.document_id)
        limit = disputable.get(line.document_id)
        if limit is None:
            errors.append(FieldError(prefix + "document", ErrorCode.INVOICE_NOT_OPEN))
            continue
        if line.disputed_cents < 0:
            errors.append(FieldError(prefix + "amount", ErrorCode.NEGATIVE_AMOUNT))
        elif line.disputed_cents == 0:
            errors.append(FieldError(prefix + "amount", ErrorCode.REQUIRED))
        elif line.disputed_cents > limit:
            errors.append(
                FieldError(
                    prefix + "amount", ErrorCode.AMOUNT_ABOVE_OPEN, {"max": format_cents(limit)}
                )
            )
    description = draft.description.strip()
    if not description:
        errors.append(FieldError("description", ErrorCode.REQUIRED))
    elif len(description) > DESCRIPTION_MAX:
        errors.append(FieldError("description", ErrorCode.TOO_LONG, {"max": str(DESCRIPTION_MAX)}))
    if len(draft.reported_by.strip()) > NAME_MAX:
        errors.append(FieldError("reported_by", ErrorCode.TOO_LONG, {"max": str(NAME_MAX)}))
    if draft.reported_on > as_of:
        errors.append(FieldError("reported_on", ErrorCode.DATE_IN_FUTURE))
    if draft.expected_answer_on is not None and draft.expected_answer_on < draft.reported_on:
        errors.append(FieldError("expected_answer_on", ErrorCode.INVALID_DATE))
    return errors


def resolution_errors(resolution: ResolutionDraft) -> list[FieldError]:
    """The problems of a resolution as typed, independent of the dispute: a credit note
    needs its number and a positive amount, a commercial gesture a positive amount and
    who approved it, a reissued invoice its new number. A rejection is not a resolution
    (it has its own action, with a reason): asked for here, it gives "kind" REQUIRED."""
    errors: list[FieldError] = []
    kind = resolution.kind
    amount = resolution.amount_cents
    if kind is DisputeResolution.REJECTED:
        return [FieldError("kind", ErrorCode.REQUIRED)]
    if kind in (DisputeResolution.CREDIT_NOTE, DisputeResolution.COMMERCIAL_GESTURE):
        if amount is None or amount == 0:
            errors.append(FieldError("amount", ErrorCode.REQUIRED))
        elif amount < 0:
            errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
    if kind is DisputeResolution.CREDIT_NOTE:
        number = resolution.credit_note_number.strip()
        if not number:
            errors.append(FieldError("credit_note_number", ErrorCode.REQUIRED))
        elif len(number) > NUMBER_MAX:
            errors.append(
                FieldError("credit_note_number", ErrorCode.TOO_LONG, {"max": str(NUMBER_MAX)})
            )
    if kind is DisputeResolution.REISSUED_INVOICE:
        number = resolution.reissued_number.strip()
        if not number:
            errors.append(FieldError("reissued_number", ErrorCode.REQUIRED))
        elif len(number) > NUMBER_MAX:
            errors.append(
                FieldError("reissued_number", ErrorCode.TOO_LONG, {"max": str(NUMBER_MAX)})
            )
    if kind is DisputeResolution.COMMERCIAL_GESTURE:
        approver = resolution.approved_by.strip()
        if not approver:
            errors.append(FieldError("approved_by", ErrorCode.REQUIRED))
        elif len(approver) > NAME_MAX:
            errors.append(FieldError("approved_by", ErrorCode.TOO_LONG, {"max": str(NAME_MAX)}))
    return errors
