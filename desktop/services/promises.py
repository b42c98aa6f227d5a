"""Promises to pay: recorded after a call or a visit, they pause the customer's reminders
until their date plus a grace period, and are checked afterwards.

A promise remembers what the customer owed when promising (`baseline_cents`, the sum of
its open items). It is KEPT as soon as, on or after the promised date, the balance has
dropped by at least the promised amount; it is BROKEN when the grace period has passed
without that. A kept or broken promise no longer pauses anything: the reminder engine only
honours PENDING promises, so a broken one sends the customer straight back into the cycle
at the level it had reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction, DocumentKind, PromiseStatus
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.persistence import audit
from desktop.persistence.models import Customer, Document, PromiseToPay, ReminderAction
from desktop.services.context import ServiceContext

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "PromiseCheck",
    "PromiseDraft",
    "PromiseRow",
    "PromiseService",
    "add_promise",
    "settle_promises",
]

DEFAULT_GRACE_DAYS = 3
MAX_PROMISE_DAYS = 180  # a promise further away than six months is a repayment plan


@dataclass(frozen=True)
class PromiseRow:
    id: int
    customer_id: int
    customer_name: str
    action_id: int | None
    promised_for: date
    amount_cents: int
    grace_days: int
    status: PromiseStatus
    baseline_cents: int
    checked_on: date | None
    notes: str

    @property
    def holds_until(self) -> date:
        """The last day reminders stay paused."""
        return self.promised_for + timedelta(days=self.grace_days)


@dataclass(frozen=True)
class PromiseCheck:
    as_of: date
    kept: tuple[int, ...]
    broken: tuple[int, ...]


@dataclass(frozen=True)
class PromiseDraft:
    promised_for: date
    amount_cents: int
    grace_days: int = DEFAULT_GRACE_DAYS
    notes: str = ""

    def check(self, today: date) -> None:
        """ValidationError unless the date is from today to six months ahead, the amount
        positive and the grace period 0–30 days."""
        errors = []
        if self.promised_for < today:
            errors.append(FieldError("promised_for", ErrorCode.INVALID_DATE))
        elif self.promised_for > today + timedelta(days=MAX_PROMISE_DAYS):
            errors.append(
                FieldError("promised_for", ErrorCode.DATE_TOO_FAR, {"max": str(MAX_PROMISE_DAYS)})
            )
        if self.amount_cents <= 0:
            errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
        if not 0 <= self.grace_days <= 30:
            errors.append(
                FieldError("grace_days", ErrorCode.OUT_OF_RANGE, {"min": "0", "max": "30"})
            )
        if errors:
            raise ValidationError(errors)


def add_promise(
    session: Session,
    ctx: ServiceContext,
    customer_id: int,
    draft: PromiseDraft,
    action_id: int | None,
) -> int:
    """Insert a checked promise inside the caller's transaction (see
    `PromiseService.record`); supersedes the customer's pending one. Audited."""
    today = ctx.clock.today()
    now = ctx.clock.now()
    if session.get(Customer, customer_id) is None:
        raise NotFoundError("customer", customer_id)
    if action_id is not None and session.get(ReminderAction, action_id) is None:
        raise NotFoundError("reminder_action", action_id)
    for previous in session.scalars(
        select(PromiseToPay).where(
            PromiseToPay.customer_id == customer_id,
            PromiseToPay.status == PromiseStatus.PENDING.value,
        )
    ):
        previous.status = PromiseStatus.BROKEN.value
        previous.checked_on = today
        previous.updated_at = now
    promise = PromiseToPay(
        customer_id=customer_id,
        action_id=action_id,
        promised_for=draft.promised_for,
        amount_cents=draft.amount_cents,
        grace_days=draft.grace_days,
        status=PromiseStatus.PENDING.value,
        baseline_cents=_balance(session, customer_id, today),
        notes=draft.notes.strip(),
        created_at=now,
        updated_at=now,
    )
    session.add(promise)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=ctx.actor(),
        action=AuditAction.CREATE,
        entity="promise_to_pay",
        entity_id=promise.id,
        summary=f"promesse pour le {draft.promised_for.isoformat()} ({draft.amount_cents} c)",
    )
    return promise.id


def settle_promises(session: Session, ctx: ServiceContext, as_of: date) -> PromiseCheck:
    """`PromiseService.check` inside the caller's transaction."""
    now = ctx.clock.now()
    kept: list[int] = []
    broken: list[int] = []
    promises = session.scalars(
        select(PromiseToPay).where(
            PromiseToPay.status == PromiseStatus.PENDING.value,
            PromiseToPay.promised_for <= as_of,
        )
    ).all()
    for promise in promises:
        made_on = promise.created_at.date()
        paid = promise.baseline_cents - _balance(session, promise.customer_id, made_on)
        if paid >= promise.amount_cents:
            status = PromiseStatus.KEPT
        elif as_of > promise.promised_for + timedelta(days=promise.grace_days):
            status = PromiseStatus.BROKEN
        else:
            continue
        promise.status = status.value
        promise.checked_on = as_of
        promise.updated_at = now
        (kept if status is PromiseStatus.KEPT else broken).append(promise.id)
        audit.record(
            session,
            at=now,
            actor=ctx.actor(),
            action=AuditAction.UPDATE,
            entity="promise_to_pay",
            entity_id=promise.id,
            summary="promesse tenue" if status is PromiseStatus.KEPT else "promesse non tenue",
            changes={"status": (PromiseStatus.PENDING.value, status.value)},
        )
    return PromiseCheck(as_of, tuple(kept), tuple(broken))


def _balance(session: Session, customer_id: int, issued_until: date) -> int:
    """What the customer owes on the invoices issued until `issued_until`, less every
    credit note and unmatched payment (whenever dated): an invoice issued after the
    promise must not make a promise kept on time look broken."""
    owed = or_(
        Document.kind.in_((DocumentKind.CREDIT_NOTE.value, DocumentKind.PAYMENT.value)),
        Document.issued_on <= issued_until,
    )
    total = session.scalar(
        select(func.coalesce(func.sum(Document.open_cents), 0)).where(
            Document.customer_id == customer_id, Document.settled_on.is_(None), owed
        )
    )
    return int(total or 0)


class PromiseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def record(
        self,
        customer_id: int,
        promised_for: date,
        amount_cents: int,
        *,
        grace_days: int = DEFAULT_GRACE_DAYS,
        action_id: int | None = None,
        notes: str = "",
    ) -> int:
        """Record a promise to pay `amount_cents` by `promised_for` and return its id.
        Reminders for the customer pause until `promised_for + grace_days`. The date must
        be from today to six months ahead, the amount positive, the grace 0–30 days:
        otherwise ValidationError (fields "promised_for", "amount", "grace_days"), and
        nothing is saved. A previous pending promise of the customer is replaced (marked
        broken: the new one supersedes it). Audited. NotFoundError for an unknown
        customer or action."""
        draft = PromiseDraft(promised_for, amount_cents, grace_days, notes)
        draft.check(self._ctx.clock.today())
        with self._ctx.database.transaction() as session:
            return add_promise(session, self._ctx, customer_id, draft, action_id)

    def check(self, as_of: date) -> PromiseCheck:
        """Settle the pending promises whose date has come: KEPT when the customer's
        balance has dropped by the promised amount since the promise, BROKEN when the
        grace period is over without that; the others stay pending. Idempotent; audited.
        (`ReminderService.refresh` does this first, in its own transaction.)"""
        with self._ctx.database.transaction() as session:
            return settle_promises(session, self._ctx, as_of)

    def for_customer(self, customer_id: int) -> list[PromiseRow]:
        """The customer's promises, newest first."""
        return self._rows(PromiseToPay.customer_id == customer_id)

    def pending(self) -> list[PromiseRow]:
        """Every pending promise, by promised date."""
        return self._rows(PromiseToPay.status == PromiseStatus.PENDING.value, oldest_first=True)

    def between(self, start: date, end: date) -> list[PromiseRow]:
        """Pending promises whose date falls in [start, end], by date (for the calendar)."""
        return self._rows(
            PromiseToPay.status == PromiseStatus.PENDING.value,
            PromiseToPay.promised_for >= start,
            PromiseToPay.promised_for <= end,
            oldest_first=True,
        )

    def _rows(self, *where: object, oldest_first: bool = False) -> list[PromiseRow]:
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(PromiseToPay, Customer.legal_name)
                .join(Customer, Customer.id == PromiseToPay.customer_id)
                .where(*where)  # type: ignore[arg-type]
                .order_by(
                    *(
                        (PromiseToPay.promised_for, PromiseToPay.id)
                        if oldest_first
                        else (PromiseToPay.promised_for.desc(), PromiseToPay.id.desc())
                    )
                )
            ).all()
            return [
                PromiseRow(
                    id=p.id,
                    customer_id=p.customer_id,
                    customer_name=name,
                    action_id=p.action_id,
                    promised_for=p.promised_for,
                    amount_cents=p.amount_cents,
                    grace_days=p.grace_days,
                    status=PromiseStatus(p.status),
                    baseline_cents=p.baseline_cents,
                    checked_on=p.checked_on,
                    notes=p.notes,
                )
                for p, name in rows
            ]
