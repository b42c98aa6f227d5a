"""A customer's timeline: every interaction, newest first, from every source.

Sources: the audit trail of the customer record (created, updated), visit reports,
external ratings, the receivables: invoices issued, credit notes, payments received
(allocated `payments` rows, and payments imported as documents), invoices settled; and
the reminders: actions, promises to pay, tasks; the disputes: opened, status changes,
resolution.
Each source is read newest first and cut at `limit`, so a customer with thousands of
documents costs a handful of bounded queries.

Facts are plain strings (amounts in cents as integers, dates in ISO format); the UI
composes the sentence in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from desktop.domain.enums import Assessment, AuditAction, DisputeStatus, DocumentKind
from desktop.persistence.models import (
    AuditEntry,
    Dispute,
    DisputeEvent,
    DisputeItem,
    Document,
    DunningLevel,
    ExternalRating,
    Payment,
    PaymentAllocation,
    PromiseToPay,
    ReminderAction,
    Task,
    User,
    VisitReport,
)
from desktop.services.context import ServiceContext

MAX_LISTED_INVOICES = 5  # invoice numbers named in a payment's facts


class TimelineKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    VISIT_REPORT = "visit_report"
    RATING = "rating"
    # Receivables. Facts (all strings):
    # INVOICE: number, amount_cents, due_on, open_cents, label
    # CREDIT_NOTE: number, amount_cents (positive), corrects (invoice number or ""), label
    # PAYMENT: amount_cents (positive), reference, method, invoices (numbers, ", "),
    #          invoice_count, source ("payment": ref_id is a payments row; "document": a
    #          payment imported as a document, ref_id is the document)
    # INVOICE_SETTLED: number, amount_cents, due_on, days_late (settled − due; < 0 early)
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT = "payment"
    INVOICE_SETTLED = "invoice_settled"
    # Reminders. Facts (all strings):
    # REMINDER: level, channel, status, outcome, notes, skip_reason, amount_cents
    # PROMISE: promised_for, amount_cents, status, notes
    # TASK: title, assignee, status, answer
    REMINDER = "reminder"
    PROMISE = "promise"
    TASK = "task"
    # Disputes: one entry when opened (dated the day it was reported), one per status
    # change, one when resolved or rejected; notes are left to the dispute's own page.
    # ref_id is the dispute. Facts (all strings):
    # DISPUTE: event ("opened", "status", "resolved", "rejected"), category, department,
    #          disputed_cents, invoices (numbers, ", "), from_status, to_status (values or
    #          ""), text (the comment, the reason of a rejection, or what resolved it),
    #          resolution ("" or a DisputeResolution value), resolution_cents ("" or cents)
    DISPUTE = "dispute"


# Same day, newest first: the settlement follows the payment, which follows the invoice.
_SAME_DAY_RANK = {
    TimelineKind.INVOICE: 1,
    TimelineKind.CREDIT_NOTE: 2,
    TimelineKind.PAYMENT: 3,
    TimelineKind.INVOICE_SETTLED: 4,
}


@dataclass(frozen=True)
class TimelineEntry:
    kind: TimelineKind
    on: date
    at: datetime | None
    actor: str
    ref_id: int | None  # the visit report, rating, document or payment it points to
    # Plain facts; the UI composes the sentence in the user's language.
    facts: dict[str, str]


class TimelineService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def for_customer(self, customer_id: int, limit: int = 500) -> list[TimelineEntry]:
        """Creation, edits, visit reports, ratings and receivables of one customer, newest
        first, at most `limit` entries."""
        entries: list[TimelineEntry] = []
        with self._ctx.database.read() as session:
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "customer", AuditEntry.entity_id == customer_id)
                .order_by(AuditEntry.at.desc())
                .limit(limit)
            ):
                kind = (
                    TimelineKind.CREATED
                    if entry.action == AuditAction.CREATE
                    else TimelineKind.UPDATED
                )
                if entry.action == AuditAction.DELETE:
                    continue
                entries.append(
                    TimelineEntry(
                        kind,
                        entry.at.date(),
                        entry.at,
                        entry.actor,
                        None,
                        {"changes": entry.changes_json},
                    )
                )
            for report, author in session.execute(
                select(VisitReport, User.name)
                .outerjoin(User, User.id == VisitReport.author_id)
                .where(VisitReport.customer_id == customer_id)
                .order_by(VisitReport.visit_date.desc(), VisitReport.id.desc())
                .limit(limit)
                .options(selectinload(VisitReport.observations))
            ):
                worrying = sum(
                    1 for o in report.observations if o.assessment == Assessment.WORRYING
                )
                reassuring = sum(
                    1 for o in report.observations if o.assessment == Assessment.REASSURING
                )
                summary = report.for_credit_management or report.free_text
                entries.append(
                    TimelineEntry(
                        TimelineKind.VISIT_REPORT,
                        report.visit_date,
                        report.created_at,
                        author or "",
                        report.id,
                        {
                            "worrying": str(worrying),
                            "reassuring": str(reassuring),
                            "summary": summary[:240],
                        },
                    )
                )
            for rating in session.scalars(
                select(ExternalRating)
                .where(ExternalRating.customer_id == customer_id)
                .order_by(ExternalRating.rated_on.desc(), ExternalRating.id.desc())
                .limit(limit)
            ):
                entries.append(
                    TimelineEntry(
                        TimelineKind.RATING,
                        rating.rated_on,
                        rating.created_at,
                        "",
                        rating.id,
                        {"source": rating.source, "value": rating.value, "comment": rating.comment},
                    )
                )
            entries.extend(self._receivables(session, customer_id, limit))
            entries.extend(self._reminders(session, customer_id, limit))
            entries.extend(self._disputes(session, customer_id, limit))
        entries.sort(
            key=lambda e: (e.on, e.at or datetime.min, _SAME_DAY_RANK.get(e.kind, 0)),
            reverse=True,
        )
        return entries[:limit]

    @staticmethod
    def _disputes(session: Session, customer_id: int, limit: int) -> list[TimelineEntry]:
        """The status events of the customer's disputes (opened, changed, closed),
        newest first."""
        rows = session.execute(
            select(DisputeEvent, Dispute)
            .join(Dispute, Dispute.id == DisputeEvent.dispute_id)
            .where(Dispute.customer_id == customer_id, DisputeEvent.to_status.is_not(None))
            .order_by(DisputeEvent.at.desc(), DisputeEvent.id.desc())
            .limit(limit)
        ).all()
        ids = {dispute.id for _, dispute in rows}
        amounts: dict[int, int] = dict.fromkeys(ids, 0)
        numbers: dict[int, list[str]] = {dispute_id: [] for dispute_id in ids}
        if ids:
            for dispute_id, number, cents in session.execute(
                select(DisputeItem.dispute_id, Document.number, DisputeItem.disputed_cents)
                .join(Document, Document.id == DisputeItem.document_id)
                .where(DisputeItem.dispute_id.in_(ids))
                .order_by(DisputeItem.dispute_id, Document.due_on, Document.number)
            ):
                amounts[dispute_id] += cents
                numbers[dispute_id].append(number)
        entries: list[TimelineEntry] = []
        for event, dispute in rows:
            if event.from_status is None:
                kind, on = "opened", dispute.reported_on
            elif event.to_status == DisputeStatus.RESOLVED.value:
                kind, on = "resolved", event.at.date()
            elif event.to_status == DisputeStatus.REJECTED.value:
                kind, on = "rejected", event.at.date()
            else:
                kind, on = "status", event.at.date()
            closing = kind in ("resolved", "rejected")
            entries.append(
                TimelineEntry(
                    TimelineKind.DISPUTE,
                    on,
                    event.at,
                    event.author,
                    dispute.id,
                    {
                        "event": kind,
                        "category": dispute.category,
                        "department": dispute.department,
                        "disputed_cents": str(amounts[dispute.id]),
                        "invoices": ", ".join(numbers[dispute.id][:MAX_LISTED_INVOICES]),
                        "from_status": event.from_status or "",
                        "to_status": event.to_status or "",
                        "text": event.text,
                        "resolution": (dispute.resolution or "") if closing else "",
                        "resolution_cents": (
                            str(dispute.resolution_cents)
                            if closing and dispute.resolution_cents is not None
                            else ""
                        ),
                    },
                )
            )
        return entries

    @staticmethod
    def _reminders(session: Session, customer_id: int, limit: int) -> list[TimelineEntry]:
        """Reminder actions (dated when done or skipped, else when planned), promises to
        pay (dated when made) and tasks (dated when created), newest first."""
        entries: list[TimelineEntry] = []
        for action, level, actor in session.execute(
            select(ReminderAction, DunningLevel.name, User.name)
            .outerjoin(DunningLevel, DunningLevel.id == ReminderAction.level_id)
            .outerjoin(User, User.id == ReminderAction.assignee_id)
            .where(ReminderAction.customer_id == customer_id)
            .order_by(ReminderAction.updated_at.desc(), ReminderAction.id.desc())
            .limit(limit)
        ):
            entries.append(
                TimelineEntry(
                    TimelineKind.REMINDER,
                    action.done_on or action.planned_on,
                    action.updated_at,
                    actor or "",
                    action.id,
                    {
                        "level": level or "",
                        "channel": action.channel,
                        "status": action.status,
                        "outcome": action.outcome,
                        "notes": action.notes,
                        "skip_reason": action.skip_reason,
                        "amount_cents": str(action.total_cents),
                    },
                )
            )
        for promise in session.scalars(
            select(PromiseToPay)
            .where(PromiseToPay.customer_id == customer_id)
            .order_by(PromiseToPay.created_at.desc(), PromiseToPay.id.desc())
            .limit(limit)
        ):
            entries.append(
                TimelineEntry(
                    TimelineKind.PROMISE,
                    promise.created_at.date(),
                    promise.created_at,
                    "",
                    promise.id,
                    {
                        "promised_for": promise.promised_for.isoformat(),
                        "amount_cents": str(promise.amount_cents),
                        "status": promise.status,
                        "notes": promise.notes,
                    },
                )
            )
        for task, assignee in session.execute(
            select(Task, User.name)
            .outerjoin(User, User.id == Task.assignee_id)
            .where(Task.customer_id == customer_id)
            .order_by(Task.created_at.desc(), Task.id.desc())
            .limit(limit)
        ):
            entries.append(
                TimelineEntry(
                    TimelineKind.TASK,
                    task.done_on or task.created_at.date(),
                    task.updated_at,
                    assignee or "",
                    task.id,
                    {
                        "title": task.title,
                        "assignee": assignee or "",
                        "status": task.status,
                        "answer": task.answer,
                    },
                )
            )
        return entries

    @staticmethod
    def _receivables(session: Session, customer_id: int, limit: int) -> list[TimelineEntry]:
        """Documents issued, payments received, invoices settled: each newest first, at
        most `limit` of each."""
        entries: list[TimelineEntry] = []
        corrected = aliased(Document)
        issued = session.execute(
            select(Document, corrected.number)
            .outerjoin(corrected, corrected.id == Document.corrects_id)
            .where(
                Document.customer_id == customer_id,
                Document.kind.in_(
                    (
                        DocumentKind.INVOICE.value,
                        DocumentKind.CREDIT_NOTE.value,
                        DocumentKind.PAYMENT.value,
                    )
                ),
            )
            .order_by(Document.issued_on.desc(), Document.id.desc())
            .limit(limit)
        )
        for doc, corrects in issued:
            if doc.kind == DocumentKind.INVOICE:
                kind = TimelineKind.INVOICE
                facts = {
                    "number": doc.number,
                    "amount_cents": str(doc.total_cents),
                    "due_on": doc.due_on.isoformat(),
                    "open_cents": str(doc.open_cents),
                    "label": doc.label,
                }
            elif doc.kind == DocumentKind.CREDIT_NOTE:
                kind = TimelineKind.CREDIT_NOTE
                facts = {
                    "number": doc.number,
                    "amount_cents": str(abs(doc.total_cents)),
                    "corrects": corrects or "",
                    "label": doc.label,
                }
            else:
                kind = TimelineKind.PAYMENT
                facts = {
                    "amount_cents": str(abs(doc.total_cents)),
                    "reference": doc.number,
                    "method": "",
                    "invoices": "",
                    "invoice_count": "0",
                    "source": "document",
                }
            entries.append(TimelineEntry(kind, doc.issued_on, None, "", doc.id, facts))

        settled = session.scalars(
            select(Document)
            .where(
                Document.customer_id == customer_id,
                Document.kind == DocumentKind.INVOICE.value,
                Document.settled_on.is_not(None),
            )
            .order_by(Document.settled_on.desc(), Document.id.desc())
            .limit(limit)
        )
        for doc in settled:
            entries.append(
                TimelineEntry(
                    TimelineKind.INVOICE_SETTLED,
                    doc.settled_on,
                    None,
                    "",
                    doc.id,
                    {
                        "number": doc.number,
                        "amount_cents": str(doc.total_cents),
                        "due_on": doc.due_on.isoformat(),
                        "days_late": str((doc.settled_on - doc.due_on).days),
                    },
                )
            )

        payments = session.scalars(
            select(Payment)
            .where(Payment.customer_id == customer_id)
            .order_by(Payment.received_on.desc(), Payment.id.desc())
            .limit(limit)
        ).all()
        numbers: dict[int, list[str]] = {p.id: [] for p in payments}
        if payments:
            for payment_id, number in session.execute(
                select(PaymentAllocation.payment_id, Document.number)
                .join(Document, Document.id == PaymentAllocation.document_id)
                .where(PaymentAllocation.payment_id.in_(list(numbers)))
                .order_by(PaymentAllocation.payment_id, Document.issued_on, Document.id)
            ):
                numbers[payment_id].append(number)
        for p in payments:
            paid = numbers[p.id]
            entries.append(
                TimelineEntry(
                    TimelineKind.PAYMENT,
                    p.received_on,
                    None,
                    "",
                    p.id,
                    {
                        "amount_cents": str(p.amount_cents),
                        "reference": p.reference,
                        "method": p.method,
                        "invoices": ", ".join(paid[:MAX_LISTED_INVOICES]),
                        "invoice_count": str(len(paid)),
                        "source": "payment",
                    },
                )
            )
        return entries
