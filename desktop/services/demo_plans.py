"""The demo company's repayment plans: slow payers who asked to spread what they owe.

Played through the repayment service on today's date: two plans signed today (the
reminders then leave their invoices alone) and one draft still to be signed, each for the
overdue invoices of a customer of the "Payeurs lents" segment. Deterministic for a file.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from desktop.domain.enums import CustomerStatus, DocumentKind
from desktop.domain.errors import ValidationError
from desktop.persistence.models import Customer, Document, Segment
from desktop.services.registry import Services
from desktop.services.repayment import PlanDraft, PlanItem

__all__ = ["play_repayment_plans"]

SEGMENT = "Payeurs lents"
PLANS = (  # (instalments, activate now)
    (4, True),
    (3, True),
    (6, False),
)


def play_repayment_plans(services: Services) -> int:
    """Create the demo's repayment plans; returns how many were made."""
    today = services.context.clock.today()
    with services.database.read() as session:
        rows = session.execute(
            select(Customer.id, Document.id)
            .join(Segment, Segment.id == Customer.segment_id)
            .join(Document, Document.customer_id == Customer.id)
            .where(
                Segment.name == SEGMENT,
                Customer.status.in_(
                    (CustomerStatus.ACTIVE.value, CustomerStatus.UNDER_WATCH.value)
                ),
                Document.kind == DocumentKind.INVOICE.value,
                Document.settled_on.is_(None),
                Document.open_cents > 0,
                Document.due_on < today,
            )
            .order_by(Customer.id, Document.due_on)
        ).all()
    overdue: dict[int, list[int]] = {}
    for customer_id, document_id in rows:
        overdue.setdefault(customer_id, []).append(document_id)
    candidates = [cid for cid, docs in overdue.items() if len(docs) >= 2]
    made = 0
    for (count, activate), customer_id in zip(PLANS, candidates, strict=False):
        draft = PlanDraft(
            customer_id=customer_id,
            items=tuple(PlanItem(doc) for doc in overdue[customer_id]),
            count=count,
            first_due_on=today + timedelta(days=10),
        )
        try:
            plan_id = services.repayment.create(draft)
            if activate:
                services.repayment.activate(plan_id, today)
        except ValidationError:
            continue  # an invoice the reminders' history already settled, say: skip it
        made += 1
    return made
