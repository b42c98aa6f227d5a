"""Repayment plans on a small French ledger: creation checks, activation (reminders pause
and pending ones about the plan's invoices are skipped), payments, completion, and a
missed instalment that breaks the plan — the invoices come back through
`services.reminders.refresh` on a later date and the owner gets a task.

The test clock's today is 16/03/2026; `check` and `refresh` run at later dates to play
the following months.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.enums import (
    ActionStatus,
    DocumentKind,
    Profile,
    RepaymentPlanStatus,
    TaskKind,
    TaskStatus,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.persistence.models import AuditEntry, Document, ReminderAction
from desktop.services.registry import Services
from desktop.services.repayment import PlanDraft, PlanItem
from tests.db.factories import SIRENS, customer

TODAY = date(2026, 3, 16)
NAME = "Boulangerie Pâtisserie L'Épi d'Or & Fils"


def add_doc(
    services: Services,
    customer_id: int,
    number: str,
    due: str,
    amount: int,
    kind: DocumentKind = DocumentKind.INVOICE,
    issued: str = "2025-12-15",
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=kind.value,
            number=number,
            issued_on=date.fromisoformat(issued),
            due_on=date.fromisoformat(due),
            total_cents=amount,
            open_cents=amount,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


@pytest.fixture
def ledger(services: Services) -> tuple[int, int, int, int]:
    """(customer, invoice 1 overdue 45 days, invoice 2 overdue 24 days, invoice not due)."""
    cid = services.customers.create(customer(NAME, siren=SIRENS[1]))
    a = add_doc(services, cid, "FA-2025-0990", "2026-01-30", 1_500_000)
    b = add_doc(services, cid, "FA-2026-0042", "2026-02-20", 345_678)
    c = add_doc(services, cid, "FA-2026-0101", "2026-04-15", 120_000, issued="2026-03-01")
    return cid, a, b, c


def draft(cid: int, *items: PlanItem, count: int = 3, first: str = "2026-03-31", **kw) -> PlanDraft:  # type: ignore[no-untyped-def]
    return PlanDraft(cid, tuple(items), count, date.fromisoformat(first), **kw)


def test_a_plan_takes_overdue_invoices_and_splits_exactly(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, b, _c = ledger
    offered = services.repayment.overdue_invoices(cid)
    assert [o.number for o in offered] == ["FA-2025-0990", "FA-2026-0042"]
    assert offered[0].days_late == 45 and offered[0].penalty_cents > 4_000

    plan_id = services.repayment.create(draft(cid, PlanItem(a), PlanItem(b, 45_678), count=4))
    detail = services.repayment.get(plan_id)
    assert detail.plan.status is RepaymentPlanStatus.DRAFT
    assert detail.plan.total_cents == 1_545_678 == detail.plan.principal_cents
    amounts = [i.amount_cents for i in detail.instalments]
    assert amounts == [386_419, 386_419, 386_419, 386_421]
    assert sum(amounts) == detail.plan.total_cents
    assert [i.due_on for i in detail.instalments] == [
        date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30)
    ]  # fmt: skip
    assert [(d.number, d.amount_cents) for d in detail.documents] == [
        ("FA-2025-0990", 1_500_000),
        ("FA-2026-0042", 45_678),
    ]


def test_penalties_included_are_those_of_the_plans_invoices(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, _b, _c = ledger
    expected = services.penalties.for_customer(cid, TODAY)
    of_a = next(p.total_cents for p in expected.invoices if p.document_id == a)
    plan_id = services.repayment.create(draft(cid, PlanItem(a), includes_penalties=True))
    plan = services.repayment.get(plan_id).plan
    assert plan.includes_penalties
    assert plan.penalties_cents == of_a > 4_000  # penalties + the 40 € indemnity
    assert plan.total_cents == 1_500_000 + of_a


def test_bad_input_is_refused_with_its_field_and_nothing_is_saved(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, b, c = ledger
    other = services.customers.create(customer("Dupont & Fils <SARL>", siren=SIRENS[2]))
    foreign = add_doc(services, other, "FA-2026-0777", "2026-01-10", 10_000)
    cases = [
        (draft(cid), "documents", ErrorCode.REQUIRED),
        (draft(cid, PlanItem(c)), "documents", ErrorCode.PLAN_INVOICE_NOT_OVERDUE),
        (draft(cid, PlanItem(foreign)), "documents", ErrorCode.INVOICE_NOT_OPEN),
        (draft(cid, PlanItem(a, 1_500_001)), "documents", ErrorCode.PLAN_AMOUNT_ABOVE_DUE),
        (draft(cid, PlanItem(a), PlanItem(a)), "documents", ErrorCode.DUPLICATE_DOCUMENT),
        (draft(cid, PlanItem(a), first="2026-03-15"), "first_due_on", ErrorCode.INVALID_DATE),
        (draft(cid, PlanItem(a), first="2027-04-01"), "first_due_on", ErrorCode.DATE_TOO_FAR),
        (draft(cid, PlanItem(b, 3), count=4), "count", ErrorCode.PLAN_CANNOT_SPLIT),
        (draft(cid, PlanItem(a), count=0), "count", ErrorCode.OUT_OF_RANGE),
        (draft(cid, PlanItem(a), frequency_months=13), "frequency", ErrorCode.OUT_OF_RANGE),
    ]
    for bad, field, code in cases:
        with pytest.raises(ValidationError) as caught:
            services.repayment.create(bad)
        assert caught.value.codes()[field] == code, (bad, caught.value.errors)
    assert services.repayment.for_customer(cid) == []
    with pytest.raises(NotFoundError):
        services.repayment.create(draft(9999, PlanItem(a)))


def test_an_active_plan_pauses_reminders_on_its_invoices_only(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, b, _c = ledger
    (action_id,) = services.reminders.refresh(TODAY).created_ids
    plan_id = services.repayment.create(draft(cid, PlanItem(a), PlanItem(b)))
    with pytest.raises(ValidationError) as caught:
        services.repayment.activate(plan_id, date(2026, 3, 17))
    assert caught.value.codes() == {"signed_on": ErrorCode.DATE_IN_FUTURE}

    services.repayment.activate(plan_id, TODAY)
    plan = services.repayment.get(plan_id).plan
    assert plan.status is RepaymentPlanStatus.ACTIVE and plan.signed_on == TODAY
    with services.database.read() as session:
        action = session.get(ReminderAction, action_id)
        assert action is not None
        assert action.status == ActionStatus.SKIPPED.value
        assert action.skip_reason == "Plan d'apurement signé"
    # Neither today nor a month later: the plan holds both overdue invoices.
    assert services.reminders.refresh(date(2026, 4, 2)).created == 0
    assert services.repayment.overdue_invoices(cid)[0].in_active_plan
    # The same invoice cannot go into a second plan while this one runs.
    with pytest.raises(ValidationError) as caught:
        services.repayment.create(draft(cid, PlanItem(a)))
    assert caught.value.codes() == {"documents": ErrorCode.PLAN_INVOICE_IN_PLAN}
    with pytest.raises(ValidationError) as caught:
        services.repayment.activate(plan_id, TODAY)
    assert caught.value.codes() == {"status": ErrorCode.PLAN_NOT_DRAFT}


def test_payments_settle_the_oldest_instalment_first_and_complete_the_plan(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, _a, b, _c = ledger
    plan_id = services.repayment.create(draft(cid, PlanItem(b), count=3))
    with pytest.raises(ValidationError) as caught:
        services.repayment.record_payment(plan_id, 1_000, TODAY)
    assert caught.value.codes() == {"status": ErrorCode.PLAN_NOT_ACTIVE}
    services.repayment.activate(plan_id, TODAY)

    detail = services.repayment.record_payment(plan_id, 150_000, TODAY)
    assert [i.paid_cents for i in detail.instalments] == [115_226, 34_774, 0]
    assert detail.plan.next_due_on == date(2026, 4, 30)
    assert detail.plan.remaining_cents == 345_678 - 150_000
    with pytest.raises(ValidationError) as caught:
        services.repayment.record_payment(plan_id, 195_679, TODAY)
    assert caught.value.codes() == {"amount": ErrorCode.PLAN_PAYMENT_TOO_HIGH}

    detail = services.repayment.record_payment(plan_id, 195_678, TODAY)
    assert detail.plan.status is RepaymentPlanStatus.COMPLETED
    assert detail.plan.remaining_cents == 0
    with services.database.read() as session:
        summaries = session.scalars(
            select(AuditEntry.summary).where(
                AuditEntry.entity == "repayment_plan", AuditEntry.entity_id == plan_id
            )
        ).all()
    assert "plan d'apurement soldé" in summaries


def test_a_missed_instalment_breaks_the_plan_reminders_resume_and_the_owner_is_told(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, b, c = ledger
    with services.database.transaction() as session:  # the invoice not in the plan is paid
        paid = session.get(Document, c)
        assert paid is not None
        paid.open_cents, paid.settled_on = 0, date(2026, 4, 10)
    owner = services.reference.add_user("Hélène Marchand", Profile.OWNER)
    plan_id = services.repayment.create(draft(cid, PlanItem(a), PlanItem(b), count=3))
    services.repayment.activate(plan_id, TODAY)
    services.repayment.record_payment(plan_id, 615_226, TODAY)  # the 1st, paid early

    # The 2nd falls on 30/04; within 5 days of grace nothing happens.
    assert services.repayment.check(date(2026, 5, 5)).broken == ()
    assert services.reminders.refresh(date(2026, 5, 5)).created == 0

    result = services.repayment.check(date(2026, 5, 6))
    assert result.broken == (plan_id,)
    plan = services.repayment.get(plan_id).plan
    assert plan.status is RepaymentPlanStatus.BROKEN
    assert plan.broken_on == date(2026, 5, 6)
    # Idempotent: a second check finds nothing more to do and no second task.
    assert services.repayment.check(date(2026, 5, 7)).broken == ()

    (task,) = [t for t in services.tasks.tasks() if t.kind is TaskKind.REPAYMENT_PLAN_BROKEN]
    assert task.assignee_id == owner and task.status is TaskStatus.OPEN
    assert task.customer_id == cid and task.due_on == date(2026, 5, 6)
    assert "échéance n° 2 du 30/04/2026" in task.instructions
    assert "FA-2025-0990, FA-2026-0042" in task.instructions

    # The reminder engine sees the invoices again: one action for the whole balance.
    (action_id,) = services.reminders.refresh(date(2026, 5, 7)).created_ids
    (row,) = [r for r in services.reminders.due(date(2026, 5, 7)) if r.id == action_id]
    assert row.customer_id == cid
    assert {item.document_id for item in row.items} == {a, b}
    assert row.total_cents == 1_845_678


def test_a_plan_breaks_without_an_owner_as_an_unassigned_task(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, _b, _c = ledger
    plan_id = services.repayment.create(draft(cid, PlanItem(a), count=2))
    services.repayment.activate(plan_id, TODAY)
    result = services.repayment.check(date(2026, 4, 10))
    assert result.broken == (plan_id,) and len(result.task_ids) == 1
    (task,) = services.tasks.tasks()
    assert task.assignee_id is None


def test_drafts_can_be_deleted_signed_plans_cannot(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    cid, a, b, _c = ledger
    first = services.repayment.create(draft(cid, PlanItem(a)))
    second = services.repayment.create(draft(cid, PlanItem(b)))
    services.repayment.activate(second, TODAY)
    services.repayment.delete_draft(first)
    assert [p.id for p in services.repayment.for_customer(cid)] == [second]
    with pytest.raises(ValidationError):
        services.repayment.delete_draft(second)
    with pytest.raises(NotFoundError):
        services.repayment.get(first)


def test_the_pdf_is_written(
    services: Services, ledger: tuple[int, int, int, int], tmp_path: Path
) -> None:
    cid, a, _b, _c = ledger
    plan_id = services.repayment.create(draft(cid, PlanItem(a), includes_penalties=True))
    data = services.repayment.plan_document(plan_id)
    assert data.customer.name == NAME
    assert [line.remaining_after_cents for line in data.lines][-1] == 0
    assert data.penalties_as_of == TODAY
    out = services.repayment.write_pdf(plan_id, tmp_path / "plan d'apurement.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_the_days_refresh_breaks_a_missed_plan_by_itself(
    services: Services, ledger: tuple[int, int, int, int]
) -> None:
    """No one has to run the plan check: the morning refresh does it first."""
    cid, a, b, _c = ledger
    plan_id = services.repayment.create(draft(cid, PlanItem(a), PlanItem(b), count=3))
    services.repayment.activate(plan_id, TODAY)
    # Nothing paid: the 1st instalment is missed beyond its grace period by mid-May.
    created = services.reminders.refresh(date(2026, 5, 15)).created_ids
    assert services.repayment.get(plan_id).plan.status is RepaymentPlanStatus.BROKEN
    rows = [r for r in services.reminders.due(date(2026, 5, 15)) if r.id in created]
    assert [r.customer_id for r in rows] == [cid]
    assert {a, b} <= {item.document_id for item in rows[0].items}
