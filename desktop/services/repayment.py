"""Repayment plans (plans d'apurement) for overdue invoices of one customer.

Life of a plan: it is created as a DRAFT (the invoices, the amount of each brought into
the plan — at most what remains open —, optionally the penalties and 40 € indemnities
of those invoices as `services.penalties` computes them, the number and frequency of
instalments, the first date), printed for signature, then made ACTIVE on the day it was
signed. While it is ACTIVE the reminder engine leaves its invoices out (see
`services.reminders._open_items`), and reminders already pending about those invoices
only are skipped.

Payments of instalments are recorded here (the oldest unpaid instalment first); the plan
is COMPLETED once every instalment is paid. `check(as_of)` settles every active plan: an
instalment still unpaid `grace_days` (default 5) after its date BREAKS the plan — the
acceleration clause makes the whole balance due —: its invoices go back into the reminder
cycle (the engine sees them again since the plan is no longer active, at the level the
customer's cycle had reached), and the owner gets a task. `settle_plans` does the same
inside a caller's transaction, so the reminder refresh can run it first.

Invoices' open amounts are not touched here: they follow the accounting imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.documents.repayment_plan import (
    PlanInvoice,
    PlanLine,
    RepaymentPlanData,
    render_repayment_plan,
)
from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    DocumentKind,
    Profile,
    RepaymentPlanStatus,
    TaskKind,
    TaskStatus,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents
from desktop.domain.repayment import (
    DEFAULT_GRACE_DAYS,
    Instalment,
    InstalmentState,
    PlanVerdict,
    allocate_payment,
    plan_state,
    remaining_balances,
    split_instalments,
)
from desktop.domain.terms import days_late
from desktop.persistence import audit
from desktop.persistence.models import (
    CompanySettings,
    Customer,
    Document,
    ReminderAction,
    ReminderActionItem,
    RepaymentInstalment,
    RepaymentPlan,
    RepaymentPlanDocument,
    Task,
    User,
)
from desktop.services.context import ServiceContext
from desktop.services.penalties import PenaltyService
from desktop.services.statements import letterhead_of, recipient_of

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "MAX_FIRST_DATE_DAYS",
    "OverdueInvoice",
    "PlanCheck",
    "PlanDetail",
    "PlanDocumentRow",
    "PlanDraft",
    "PlanInstalmentRow",
    "PlanItem",
    "PlanPreview",
    "PlanRow",
    "RepaymentService",
    "settle_plans",
]

ENTITY = "repayment_plan"
MAX_FIRST_DATE_DAYS = 365  # a first instalment further away is not a plan, it is a wait
SKIP_REASON = "Plan d'apurement signé"
_S = RepaymentPlanStatus
_OPEN_ACTIONS = (ActionStatus.PENDING.value, ActionStatus.POSTPONED.value)


# --- Plain data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanItem:
    """An invoice to bring into a plan; `amount_cents` None takes all that remains open."""

    document_id: int
    amount_cents: int | None = None


@dataclass(frozen=True)
class PlanDraft:
    customer_id: int
    items: tuple[PlanItem, ...]
    count: int
    first_due_on: date
    frequency_months: int = 1
    includes_penalties: bool = False


@dataclass(frozen=True)
class OverdueInvoice:
    """An invoice a plan can take: open and past its due date."""

    document_id: int
    number: str
    issued_on: date
    due_on: date
    open_cents: int
    days_late: int
    penalty_cents: int  # penalties + 40 € indemnity on `as_of`
    in_active_plan: bool


@dataclass(frozen=True)
class PlanPreview:
    principal_cents: int
    penalties_cents: int
    total_cents: int
    instalments: tuple[Instalment, ...]

    @property
    def balances(self) -> list[int]:
        return remaining_balances([i.amount_cents for i in self.instalments], self.total_cents)


@dataclass(frozen=True)
class PlanRow:
    id: int
    customer_id: int
    customer_name: str
    status: RepaymentPlanStatus
    frequency_months: int
    first_due_on: date
    includes_penalties: bool
    total_cents: int
    principal_cents: int
    signed_on: date | None
    broken_on: date | None
    instalment_count: int
    paid_cents: int
    next_due_on: date | None  # the first instalment not paid in full
    next_due_cents: int  # what remains of it
    created_on: date

    @property
    def remaining_cents(self) -> int:
        return self.total_cents - self.paid_cents

    @property
    def penalties_cents(self) -> int:
        return self.total_cents - self.principal_cents


@dataclass(frozen=True)
class PlanDocumentRow:
    document_id: int
    number: str
    issued_on: date
    due_on: date
    amount_cents: int  # the part brought into the plan
    open_cents: int  # what remains open on the invoice now


@dataclass(frozen=True)
class PlanInstalmentRow:
    position: int
    due_on: date
    amount_cents: int
    paid_cents: int
    paid_on: date | None

    @property
    def remaining_cents(self) -> int:
        return max(self.amount_cents - self.paid_cents, 0)

    def state(self) -> InstalmentState:
        return InstalmentState(
            self.position, self.due_on, self.amount_cents, self.paid_cents, self.paid_on
        )


@dataclass(frozen=True)
class PlanDetail:
    plan: PlanRow
    documents: tuple[PlanDocumentRow, ...]
    instalments: tuple[PlanInstalmentRow, ...]

    def verdict(self, as_of: date, grace_days: int = DEFAULT_GRACE_DAYS) -> PlanVerdict:
        """What the plan's instalments say on `as_of` (whatever its stored status)."""
        return plan_state([i.state() for i in self.instalments], as_of, grace_days)


@dataclass(frozen=True)
class PlanCheck:
    as_of: date
    broken: tuple[int, ...]
    completed: tuple[int, ...]
    task_ids: tuple[int, ...]  # the owner's tasks about broken plans


# --- Settling plans inside a transaction ------------------------------------------------------


def _instalments(session: Session, plan_id: int) -> list[RepaymentInstalment]:
    return list(
        session.scalars(
            select(RepaymentInstalment)
            .where(RepaymentInstalment.plan_id == plan_id)
            .order_by(RepaymentInstalment.position)
        )
    )


def _states(rows: Iterable[RepaymentInstalment]) -> list[InstalmentState]:
    return [
        InstalmentState(r.position, r.due_on, r.amount_cents, r.paid_cents, r.paid_on) for r in rows
    ]


def _owner_id(session: Session) -> int | None:
    """The first active user with the owner's profile: the one who is told."""
    return session.scalar(
        select(User.id)
        .where(User.profile == Profile.OWNER.value, User.active.is_(True))
        .order_by(User.id)
        .limit(1)
    )


def _numbers(session: Session, plan_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Document.number)
            .join(RepaymentPlanDocument, RepaymentPlanDocument.document_id == Document.id)
            .where(RepaymentPlanDocument.plan_id == plan_id)
            .order_by(Document.due_on, Document.id)
        )
    )


def settle_plans(
    session: Session, ctx: ServiceContext, as_of: date, grace_days: int = DEFAULT_GRACE_DAYS
) -> PlanCheck:
    """`RepaymentService.check` inside the caller's transaction."""
    now = ctx.clock.now()
    actor = ctx.actor()
    broken: list[int] = []
    completed: list[int] = []
    tasks: list[int] = []
    plans = session.scalars(
        select(RepaymentPlan)
        .where(RepaymentPlan.status == _S.ACTIVE.value)
        .order_by(RepaymentPlan.id)
    ).all()
    owner = _owner_id(session) if plans else None
    for plan in plans:
        verdict = plan_state(_states(_instalments(session, plan.id)), as_of, grace_days)
        if verdict.status is _S.ACTIVE:
            continue
        plan.status = verdict.status.value
        plan.updated_at = now
        if verdict.status is _S.COMPLETED:
            completed.append(plan.id)
            audit.record(
                session, at=now, actor=actor, action=AuditAction.UPDATE, entity=ENTITY,
                entity_id=plan.id, summary="plan d'apurement soldé",
                changes={"status": (_S.ACTIVE.value, _S.COMPLETED.value)},
            )  # fmt: skip
            continue
        missed = verdict.missed
        assert missed is not None and verdict.broken_on is not None
        plan.broken_on = min(verdict.broken_on, as_of)
        broken.append(plan.id)
        customer = session.get(Customer, plan.customer_id)
        assert customer is not None  # foreign key
        numbers = ", ".join(_numbers(session, plan.id))
        instructions = "\n".join(
            [
                f"Plan d'apurement n° {plan.id} rompu : l'échéance n° {missed.position} du "
                f"{missed.due_on.strftime('%d/%m/%Y')} ({format_cents(missed.amount_cents)}) "
                f"n'est pas réglée ({format_cents(missed.remaining_cents)} restant), "
                f"{grace_days} jours de grâce passés.",
                f"Solde du plan devenu exigible : {format_cents(verdict.remaining_cents)}.",
                f"Les factures {numbers} reviennent dans le cycle de relance.",
                "",
                "À décider : relancer le client, le bloquer ou accepter un nouveau plan.",
            ]
        )
        task = Task(
            kind=TaskKind.REPAYMENT_PLAN_BROKEN.value,
            status=TaskStatus.OPEN.value,
            customer_id=plan.customer_id,
            assignee_id=owner,
            title=f"Plan d'apurement rompu : {customer.legal_name}"[:200],
            instructions=instructions,
            due_on=as_of,
            answer="",
            created_at=now,
            updated_at=now,
        )
        session.add(task)
        session.flush()
        tasks.append(task.id)
        audit.record(
            session, at=now, actor=actor, action=AuditAction.UPDATE, entity=ENTITY,
            entity_id=plan.id,
            summary=f"plan d'apurement rompu (échéance {missed.position} non réglée)",
            changes={"status": (_S.ACTIVE.value, _S.BROKEN.value)},
        )  # fmt: skip
        audit.record(
            session, at=now, actor=actor, action=AuditAction.CREATE, entity="task",
            entity_id=task.id, summary=task.title,
        )  # fmt: skip
    return PlanCheck(as_of, tuple(broken), tuple(completed), tuple(tasks))


# --- The service ------------------------------------------------------------------------------


class RepaymentService:
    def __init__(self, ctx: ServiceContext, penalties: PenaltyService) -> None:
        self._ctx = ctx
        self._penalties = penalties

    # --- reading ------------------------------------------------------------------------

    def overdue_invoices(self, customer_id: int, as_of: date | None = None) -> list[OverdueInvoice]:
        """The customer's invoices a plan can take on `as_of` (default today): open and
        past their due date, oldest due first, with their penalties and indemnity, and
        whether an active plan already covers them. NotFoundError for an unknown customer."""
        as_of = as_of or self._ctx.clock.today()
        penalties = self._penalties.for_customer(customer_id, as_of)
        per_doc = {p.document_id: p.total_cents for p in penalties.invoices}
        with self._ctx.database.read() as session:
            docs = session.scalars(
                select(Document)
                .where(
                    Document.customer_id == customer_id,
                    Document.kind == DocumentKind.INVOICE.value,
                    Document.open_cents > 0,
                    Document.settled_on.is_(None),
                    Document.due_on < as_of,
                )
                .order_by(Document.due_on, Document.id)
            ).all()
            covered = self._covered(session, [d.id for d in docs])
            return [
                OverdueInvoice(
                    document_id=d.id,
                    number=d.number,
                    issued_on=d.issued_on,
                    due_on=d.due_on,
                    open_cents=d.open_cents,
                    days_late=days_late(d.due_on, as_of),
                    penalty_cents=per_doc.get(d.id, 0),
                    in_active_plan=d.id in covered,
                )
                for d in docs
            ]

    def for_customer(self, customer_id: int) -> list[PlanRow]:
        """The customer's plans, newest first."""
        return self._rows(RepaymentPlan.customer_id == customer_id)

    def active(self) -> list[PlanRow]:
        """Every active plan, oldest first."""
        rows = self._rows(RepaymentPlan.status == _S.ACTIVE.value)
        return sorted(rows, key=lambda r: r.id)

    def get(self, plan_id: int) -> PlanDetail:
        """One plan with its invoices and instalments. NotFoundError if unknown."""
        rows = self._rows(RepaymentPlan.id == plan_id)
        if not rows:
            raise NotFoundError(ENTITY, plan_id)
        with self._ctx.database.read() as session:
            docs = session.execute(
                select(Document, RepaymentPlanDocument.amount_cents)
                .join(RepaymentPlanDocument, RepaymentPlanDocument.document_id == Document.id)
                .where(RepaymentPlanDocument.plan_id == plan_id)
                .order_by(Document.due_on, Document.id)
            ).all()
            instalments = _instalments(session, plan_id)
            return PlanDetail(
                plan=rows[0],
                documents=tuple(
                    PlanDocumentRow(d.id, d.number, d.issued_on, d.due_on, amount, d.open_cents)
                    for d, amount in docs
                ),
                instalments=tuple(
                    PlanInstalmentRow(i.position, i.due_on, i.amount_cents, i.paid_cents, i.paid_on)
                    for i in instalments
                ),
            )

    def upcoming_instalments(
        self, customer_id: int, as_of: date
    ) -> list[tuple[int, PlanInstalmentRow]]:
        """(plan id, instalment) of the customer's active plans not paid in full, by date:
        those late and those to come."""
        out: list[tuple[int, PlanInstalmentRow]] = []
        for row in self.for_customer(customer_id):
            if row.status is not _S.ACTIVE:
                continue
            out += [(row.id, i) for i in self.get(row.id).instalments if i.remaining_cents]
        return sorted(out, key=lambda pair: (pair[1].due_on, pair[0], pair[1].position))

    # --- building -----------------------------------------------------------------------

    def preview(self, draft: PlanDraft) -> PlanPreview:
        """The amounts and instalments `create` would save for `draft`, nothing saved.
        Same checks and errors as `create`."""
        today = self._ctx.clock.today()
        with self._ctx.database.read() as session:
            amounts = self._check(session, draft, today)
        return self._preview(draft, amounts, today)

    def create(self, draft: PlanDraft) -> int:
        """Save a DRAFT plan for overdue invoices of one customer and return its id.

        Each invoice must be the customer's, open and overdue today (INVOICE_NOT_OPEN,
        PLAN_INVOICE_NOT_OVERDUE), listed once (DUPLICATE_DOCUMENT), not in an active
        plan (PLAN_INVOICE_IN_PLAN), with an amount from 1 cent to what remains open
        (PLAN_AMOUNT_ABOVE_DUE) — all on field "documents" —; at least one invoice
        (REQUIRED); the first date from today to a year ahead ("first_due_on"); the
        count and frequency as `domain.repayment.split_instalments` accepts them. With
        `includes_penalties`, the penalties and 40 € indemnities of these invoices on
        today are added to the total. Every problem raises ValidationError and nothing
        is saved. Audited. NotFoundError for an unknown customer."""
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.read() as session:
            amounts = self._check(session, draft, today)
        preview = self._preview(draft, amounts, today)
        with self._ctx.database.transaction() as session:
            self._check(session, draft, today)  # nothing changed in between
            plan = RepaymentPlan(
                customer_id=draft.customer_id,
                status=_S.DRAFT.value,
                frequency_months=draft.frequency_months,
                first_due_on=draft.first_due_on,
                includes_penalties=draft.includes_penalties,
                total_cents=preview.total_cents,
                created_at=now,
                updated_at=now,
            )
            session.add(plan)
            session.flush()
            for document_id, amount in amounts.items():
                session.add(
                    RepaymentPlanDocument(
                        plan_id=plan.id, document_id=document_id, amount_cents=amount
                    )
                )
            for inst in preview.instalments:
                session.add(
                    RepaymentInstalment(
                        plan_id=plan.id,
                        position=inst.position,
                        due_on=inst.due_on,
                        amount_cents=inst.amount_cents,
                        paid_cents=0,
                    )
                )
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity=ENTITY,
                entity_id=plan.id,
                summary=(
                    f"plan d'apurement de {format_cents(preview.total_cents)} en "
                    f"{draft.count} échéance(s)"
                ),
            )
            return plan.id

    def activate(self, plan_id: int, signed_on: date) -> None:
        """Make a DRAFT plan ACTIVE, signed on `signed_on` (not after today: field
        "signed_on", DATE_IN_FUTURE). From then on reminders leave its invoices out; the
        customer's pending reminders about those invoices only are skipped. Refused with
        PLAN_NOT_DRAFT (field "status") unless the plan is a draft, and with
        PLAN_INVOICE_IN_PLAN when another active plan took one of its invoices meanwhile.
        Audited. NotFoundError if unknown."""
        today = self._ctx.clock.today()
        if signed_on > today:
            raise ValidationError([FieldError("signed_on", ErrorCode.DATE_IN_FUTURE)])
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            plan = self._plan(session, plan_id)
            if plan.status != _S.DRAFT.value:
                raise ValidationError([FieldError("status", ErrorCode.PLAN_NOT_DRAFT)])
            doc_ids = list(
                session.scalars(
                    select(RepaymentPlanDocument.document_id).where(
                        RepaymentPlanDocument.plan_id == plan_id
                    )
                )
            )
            taken = self._covered(session, doc_ids)
            if taken:
                numbers = session.scalars(
                    select(Document.number).where(Document.id.in_(sorted(taken)))
                ).all()
                raise ValidationError(
                    [
                        FieldError(
                            "documents",
                            ErrorCode.PLAN_INVOICE_IN_PLAN,
                            {"number": ", ".join(numbers)},
                        )
                    ]
                )
            plan.status = _S.ACTIVE.value
            plan.signed_on = signed_on
            plan.updated_at = now
            audit.record(
                session, at=now, actor=actor, action=AuditAction.UPDATE, entity=ENTITY,
                entity_id=plan_id, summary=f"plan d'apurement signé le {signed_on:%d/%m/%Y}",
                changes={"status": (_S.DRAFT.value, _S.ACTIVE.value)},
            )  # fmt: skip
            self._skip_reminders(session, plan.customer_id, set(doc_ids), today, actor)

    def delete_draft(self, plan_id: int) -> None:
        """Delete a plan that was never signed (PLAN_NOT_DRAFT otherwise). Audited."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            plan = self._plan(session, plan_id)
            if plan.status != _S.DRAFT.value:
                raise ValidationError([FieldError("status", ErrorCode.PLAN_NOT_DRAFT)])
            customer_id = plan.customer_id
            session.delete(plan)
            audit.record(
                session, at=now, actor=self._ctx.actor(), action=AuditAction.DELETE,
                entity=ENTITY, entity_id=plan_id, summary="brouillon de plan supprimé",
                # The row is gone after: the audit trail finds its customer here.
                changes={"customer_id": (customer_id, None)},
            )  # fmt: skip

    def record_payment(self, plan_id: int, amount_cents: int, paid_on: date) -> PlanDetail:
        """Record a payment received under an ACTIVE plan (PLAN_NOT_ACTIVE otherwise):
        it settles the oldest unpaid instalments first; more than what remains is
        refused (field "amount", PLAN_PAYMENT_TOO_HIGH); `paid_on` not after today
        (DATE_IN_FUTURE). The plan is COMPLETED once every instalment is paid. Audited;
        returns the plan as it now stands."""
        today = self._ctx.clock.today()
        if paid_on > today:
            raise ValidationError([FieldError("paid_on", ErrorCode.DATE_IN_FUTURE)])
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            plan = self._plan(session, plan_id)
            if plan.status != _S.ACTIVE.value:
                raise ValidationError([FieldError("status", ErrorCode.PLAN_NOT_ACTIVE)])
            rows = _instalments(session, plan_id)
            by_position = {r.position: r for r in rows}
            for position, cents in allocate_payment(_states(rows), amount_cents):
                row = by_position[position]
                row.paid_cents += cents
                row.paid_on = paid_on
            audit.record(
                session, at=now, actor=actor, action=AuditAction.UPDATE, entity=ENTITY,
                entity_id=plan_id,
                summary=f"paiement de {format_cents(amount_cents)} reçu le {paid_on:%d/%m/%Y}",
            )  # fmt: skip
            if all(r.paid_cents >= r.amount_cents for r in rows):
                plan.status = _S.COMPLETED.value
                audit.record(
                    session, at=now, actor=actor, action=AuditAction.UPDATE, entity=ENTITY,
                    entity_id=plan_id, summary="plan d'apurement soldé",
                    changes={"status": (_S.ACTIVE.value, _S.COMPLETED.value)},
                )  # fmt: skip
            plan.updated_at = now
        return self.get(plan_id)

    def check(self, as_of: date, grace_days: int = DEFAULT_GRACE_DAYS) -> PlanCheck:
        """Settle every ACTIVE plan on `as_of`: BROKEN when an instalment is still not
        paid in full more than `grace_days` after its date (its invoices go back into
        the reminder cycle; the owner — the first active user with the owner profile —
        gets a task, due `as_of`); COMPLETED when every instalment is paid; the others
        stay active. Idempotent; one transaction; audited."""
        with self._ctx.database.transaction() as session:
            return settle_plans(session, self._ctx, as_of, grace_days)

    # --- printing -----------------------------------------------------------------------

    def plan_document(self, plan_id: int) -> RepaymentPlanData:
        """What the printed plan shows (see documents.repayment_plan)."""
        detail = self.get(plan_id)
        plan = detail.plan
        with self._ctx.database.read() as session:
            customer = session.get(Customer, plan.customer_id)
            assert customer is not None
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            letterhead = letterhead_of(company)
            recipient = recipient_of(customer, company)
        amounts = [i.amount_cents for i in detail.instalments]
        balances = remaining_balances(amounts, plan.total_cents)
        return RepaymentPlanData(
            plan_id=plan.id,
            company=letterhead,
            customer=recipient,
            printed_on=self._ctx.clock.today(),
            invoices=tuple(
                PlanInvoice(d.number, d.issued_on, d.due_on, d.amount_cents)
                for d in detail.documents
            ),
            principal_cents=plan.principal_cents,
            penalties_cents=plan.penalties_cents,
            total_cents=plan.total_cents,
            lines=tuple(
                PlanLine(i.position, i.due_on, i.amount_cents, left)
                for i, left in zip(detail.instalments, balances, strict=True)
            ),
            frequency_months=plan.frequency_months,
            grace_days=DEFAULT_GRACE_DAYS,
            signed_on=plan.signed_on,
            penalties_as_of=plan.created_on if plan.includes_penalties else None,
        )

    def write_pdf(self, plan_id: int, path: Path) -> Path:
        """Write the plan for signature as a PDF at `path`. NotFoundError if unknown;
        OSError when the file cannot be written."""
        return render_repayment_plan(self.plan_document(plan_id), path)

    # --- inside --------------------------------------------------------------------------

    def _preview(self, draft: PlanDraft, amounts: dict[int, int], today: date) -> PlanPreview:
        principal = sum(amounts.values())
        penalties = 0
        if draft.includes_penalties:
            found = self._penalties.for_customer(draft.customer_id, today)
            penalties = sum(p.total_cents for p in found.invoices if p.document_id in amounts)
        total = principal + penalties
        instalments = split_instalments(
            total, draft.count, draft.first_due_on, draft.frequency_months
        )
        return PlanPreview(principal, penalties, total, instalments)

    def _check(self, session: Session, draft: PlanDraft, today: date) -> dict[int, int]:
        """{document id: amount brought into the plan}, or ValidationError."""
        if session.get(Customer, draft.customer_id) is None:
            raise NotFoundError("customer", draft.customer_id)
        errors: list[FieldError] = []
        amounts: dict[int, int] = {}
        if not draft.items:
            errors.append(FieldError("documents", ErrorCode.REQUIRED))
        covered = self._covered(session, [item.document_id for item in draft.items])
        for item in draft.items:
            doc = session.get(Document, item.document_id)
            if (
                doc is None
                or doc.customer_id != draft.customer_id
                or doc.kind != DocumentKind.INVOICE.value
                or doc.open_cents <= 0
                or doc.settled_on is not None
            ):
                errors.append(FieldError("documents", ErrorCode.INVOICE_NOT_OPEN))
                continue
            params = {"number": doc.number}
            if doc.id in amounts:
                errors.append(FieldError("documents", ErrorCode.DUPLICATE_DOCUMENT, params))
            elif days_late(doc.due_on, today) <= 0:
                errors.append(FieldError("documents", ErrorCode.PLAN_INVOICE_NOT_OVERDUE, params))
            elif doc.id in covered:
                errors.append(FieldError("documents", ErrorCode.PLAN_INVOICE_IN_PLAN, params))
            else:
                amount = doc.open_cents if item.amount_cents is None else item.amount_cents
                if amount <= 0:
                    errors.append(FieldError("documents", ErrorCode.NEGATIVE_AMOUNT, params))
                elif amount > doc.open_cents:
                    errors.append(
                        FieldError(
                            "documents",
                            ErrorCode.PLAN_AMOUNT_ABOVE_DUE,
                            {**params, "max": str(doc.open_cents)},
                        )
                    )
                else:
                    amounts[doc.id] = amount
        if draft.first_due_on < today:
            errors.append(FieldError("first_due_on", ErrorCode.INVALID_DATE))
        elif draft.first_due_on > today + timedelta(days=MAX_FIRST_DATE_DAYS):
            errors.append(
                FieldError(
                    "first_due_on", ErrorCode.DATE_TOO_FAR, {"max": str(MAX_FIRST_DATE_DAYS)}
                )
            )
        if errors:
            raise ValidationError(errors)
        return amounts

    @staticmethod
    def _covered(session: Session, document_ids: list[int]) -> set[int]:
        """Those of `document_ids` that an ACTIVE plan covers."""
        if not document_ids:
            return set()
        return set(
            session.scalars(
                select(RepaymentPlanDocument.document_id)
                .join(RepaymentPlan, RepaymentPlan.id == RepaymentPlanDocument.plan_id)
                .where(
                    RepaymentPlan.status == _S.ACTIVE.value,
                    RepaymentPlanDocument.document_id.in_(document_ids),
                )
            )
        )

    @staticmethod
    def _plan(session: Session, plan_id: int) -> RepaymentPlan:
        plan = session.get(RepaymentPlan, plan_id)
        if plan is None:
            raise NotFoundError(ENTITY, plan_id)
        return plan

    def _skip_reminders(
        self, session: Session, customer_id: int, doc_ids: set[int], today: date, actor: str
    ) -> None:
        """Skip the customer's open reminders that chase only invoices of the plan: the
        signed plan replaces them. Reminders about other invoices stay."""
        now = self._ctx.clock.now()
        actions = session.scalars(
            select(ReminderAction).where(
                ReminderAction.customer_id == customer_id,
                ReminderAction.status.in_(_OPEN_ACTIONS),
            )
        ).all()
        for action in actions:
            items = set(
                session.scalars(
                    select(ReminderActionItem.document_id)
                    .join(Document, Document.id == ReminderActionItem.document_id)
                    .where(
                        ReminderActionItem.action_id == action.id,
                        Document.kind == DocumentKind.INVOICE.value,
                    )
                )
            )
            if not items or not items <= doc_ids:
                continue
            before = action.status
            action.status = ActionStatus.SKIPPED.value
            action.done_on = today
            action.skip_reason = SKIP_REASON
            action.updated_at = now
            audit.record(
                session, at=now, actor=actor, action=AuditAction.UPDATE,
                entity="reminder_action", entity_id=action.id, summary=SKIP_REASON,
                changes={"status": (before, action.status)},
            )  # fmt: skip

    def _rows(self, *where: object) -> list[PlanRow]:
        principal = (
            select(func.coalesce(func.sum(RepaymentPlanDocument.amount_cents), 0))
            .where(RepaymentPlanDocument.plan_id == RepaymentPlan.id)
            .scalar_subquery()
        )
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(RepaymentPlan, Customer.legal_name, principal)
                .join(Customer, Customer.id == RepaymentPlan.customer_id)
                .where(*where)  # type: ignore[arg-type]
                .order_by(RepaymentPlan.id.desc())
            ).all()
            out = []
            for plan, name, principal_cents in rows:
                instalments = _instalments(session, plan.id)
                unpaid = [i for i in instalments if i.paid_cents < i.amount_cents]
                out.append(
                    PlanRow(
                        id=plan.id,
                        customer_id=plan.customer_id,
                        customer_name=name,
                        status=_S(plan.status),
                        frequency_months=plan.frequency_months,
                        first_due_on=plan.first_due_on,
                        includes_penalties=plan.includes_penalties,
                        total_cents=plan.total_cents,
                        principal_cents=int(principal_cents or 0),
                        signed_on=plan.signed_on,
                        broken_on=plan.broken_on,
                        instalment_count=len(instalments),
                        paid_cents=sum(min(i.paid_cents, i.amount_cents) for i in instalments),
                        next_due_on=unpaid[0].due_on if unpaid else None,
                        next_due_cents=(
                            unpaid[0].amount_cents - unpaid[0].paid_cents if unpaid else 0
                        ),
                        created_on=plan.created_at.date(),
                    )
                )
            return out
