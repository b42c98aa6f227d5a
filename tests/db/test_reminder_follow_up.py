"""The follow-up of reminders on a small French ledger: calls and promises to pay, hand-off
to the salesperson and the tasks it creates, assignment and the day's list filters, and
the editing of dunning plans (levels, segments, default plan), with their audit trail.

Documents are inserted straight through a session, amounts in cents, signed as the ledger
stores them. The test clock's today is 16/03/2026; `refresh` is run at other dates to
play the following days.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.dunning import LevelDraft, PlanDraft
from desktop.domain.enums import (
    ActionStatus,
    CallOutcome,
    Channel,
    DocumentKind,
    Profile,
    PromiseStatus,
    TaskKind,
    TaskStatus,
    Tone,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.persistence.models import (
    AuditEntry,
    Document,
    DunningLevel,
    PromiseToPay,
    ReminderAction,
    Task,
)
from desktop.services.promises import PromiseDraft
from desktop.services.registry import Services
from desktop.services.reminders import ActionClosedError, PlanData
from tests.db.factories import customer

INV, CN = DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE
TODAY = date(2026, 3, 16)


def d(text: str) -> date:
    return date.fromisoformat(text)


def add_doc(
    services: Services,
    customer_id: int,
    number: str,
    due: str,
    amount: int,
    kind: DocumentKind = INV,
    issued: str = "2026-01-15",
    settled: str | None = None,
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=kind.value,
            number=number,
            issued_on=d(issued),
            due_on=d(due),
            total_cents=amount,
            open_cents=0 if settled else amount,
            settled_on=d(settled) if settled else None,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


def pay(services: Services, document_id: int, cents: int, on: str) -> None:
    """A payment matched on an invoice: its open amount drops, settled when nothing is left."""
    with services.database.transaction() as session:
        doc = session.get(Document, document_id)
        assert doc is not None
        doc.open_cents -= cents
        if doc.open_cents == 0:
            doc.settled_on = d(on)


def action_of(services: Services, action_id: int) -> ReminderAction:
    with services.database.read() as session:
        action = session.get(ReminderAction, action_id)
        assert action is not None
        session.expunge(action)
        return action


def count(services: Services, model: type) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def audit_trail(services: Services, entity: str) -> list[tuple[int, str, str]]:
    with services.database.read() as session:
        rows = session.execute(
            select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.summary)
            .where(AuditEntry.entity == entity)
            .order_by(AuditEntry.id)
        ).all()
    return [(r.entity_id, r.action, r.summary) for r in rows]


def plan_id(services: Services, name: str) -> int:
    return next(p.id for p in services.reminders.plans() if p.name == name)


def only_action(services: Services, as_of: date) -> int:
    (action_id,) = services.reminders.refresh(as_of).created_ids
    return action_id


@pytest.fixture
def periers(services: Services) -> tuple[int, int, int]:
    """Boulangerie Périer & Fils: FA-2026-0412 (1 200,00 €, due 20/02) and FA-2026-0433
    (350,50 €, due 10/03), a credit note of 150,00 €, an invoice not yet due and an
    invoice already paid. 24 days late on 16/03: "Deuxième relance" is due."""
    client = services.customers.create(customer("Boulangerie Périer & Fils"))
    old = add_doc(services, client, "FA-2026-0412", "2026-02-20", 120_000)
    recent = add_doc(services, client, "FA-2026-0433", "2026-03-10", 35_050)
    add_doc(services, client, "AV-2026-0019", "2026-03-01", -15_000, CN, "2026-03-01")
    add_doc(services, client, "FA-2026-0470", "2026-04-10", 20_000, issued="2026-03-10")
    add_doc(services, client, "FA-2025-0990", "2026-01-10", 99_000, settled="2026-01-12")
    return client, old, recent


PERIER_BALANCE = 120_000 + 35_050 - 15_000 + 20_000


# --- calls -------------------------------------------------------------------------------------


def test_call_without_answer_closes_the_action_with_outcome_and_notes(
    services: Services, periers: tuple[int, int, int]
) -> None:
    action_id = only_action(services, TODAY)
    result = services.reminders.record_call(
        action_id, CallOutcome.NO_ANSWER, "  Messagerie pleine ; rappeler jeudi après 14 h  "
    )
    assert result is None
    action = action_of(services, action_id)
    assert action.status == ActionStatus.DONE.value
    assert action.done_on == TODAY
    assert action.outcome == "no_answer"
    assert action.notes == "Messagerie pleine ; rappeler jeudi après 14 h"
    assert count(services, PromiseToPay) == 0
    (row,) = services.reminders.between(TODAY, TODAY)
    assert (row.status, row.outcome, row.done_on) == (ActionStatus.DONE, "no_answer", TODAY)
    assert services.reminders.due(TODAY) == []
    assert audit_trail(services, "reminder_action")[-1] == (
        action_id,
        "update",
        "appel : no_answer",
    )

    with pytest.raises(ActionClosedError):
        services.reminders.record_call(action_id, CallOutcome.REACHED, "Deuxième appel")
    with pytest.raises(NotFoundError):
        services.reminders.record_call(9999, CallOutcome.NO_ANSWER, "")


def test_promise_outcome_without_a_promise_is_refused(
    services: Services, periers: tuple[int, int, int]
) -> None:
    action_id = only_action(services, TODAY)
    with pytest.raises(ValidationError) as info:
        services.reminders.record_call(action_id, CallOutcome.PROMISE, "Paiement promis")
    assert info.value.codes() == {"promise": ErrorCode.REQUIRED}
    assert action_of(services, action_id).status == ActionStatus.PENDING.value
    assert count(services, PromiseToPay) == 0


def test_call_with_a_promise_pauses_reminders_until_the_grace_period_ends(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, old, _ = periers
    action_id = only_action(services, TODAY)
    assert action_of(services, action_id).level_id is not None
    promise_id = services.reminders.record_call(
        action_id,
        CallOutcome.PROMISE,
        "Mme Périer confirme le virement",
        PromiseDraft(d("2026-03-23"), 155_050, grace_days=3, notes=" Virement « urgent » "),
    )
    assert promise_id is not None
    action = action_of(services, action_id)
    assert (action.status, action.outcome, action.done_on) == ("done", "promise", TODAY)

    (promise,) = services.promises.for_customer(client)
    assert promise.id == promise_id
    assert promise.action_id == action_id
    assert promise.customer_name == "Boulangerie Périer & Fils"
    assert promise.status is PromiseStatus.PENDING
    assert promise.baseline_cents == PERIER_BALANCE  # open items, settled ones left out
    assert (promise.amount_cents, promise.grace_days) == (155_050, 3)
    assert promise.notes == "Virement « urgent »"
    assert promise.holds_until == d("2026-03-26")
    assert services.promises.pending() == [promise]

    # Paused until 23/03 + 3 days, even though level 3 is reached on 22/03.
    day = d("2026-03-17")
    while day <= d("2026-03-26"):
        assert services.reminders.refresh(day).created == 0, day
        day += timedelta(days=1)
    assert services.promises.for_customer(client)[0].status is PromiseStatus.PENDING

    # Only part of it paid: broken the day after the grace period, and back in the cycle.
    pay(services, old, 50_000, "2026-03-20")
    (new_action,) = services.reminders.refresh(d("2026-03-27")).created_ids
    (broken,) = services.promises.for_customer(client)
    assert (broken.status, broken.checked_on) == (PromiseStatus.BROKEN, d("2026-03-27"))
    (row,) = services.reminders.due(d("2026-03-27"))
    assert (row.id, row.level_name, row.channel) == (
        new_action,
        "Dernière relance",
        Channel.SALESPERSON,
    )
    assert row.total_cents == 70_000 + 35_050 - 15_000
    assert [(e[1], e[2]) for e in audit_trail(services, "promise_to_pay")] == [
        ("create", "promesse pour le 2026-03-23 (155050 c)"),
        ("update", "promesse non tenue"),
    ]


def test_payment_by_the_promised_date_keeps_the_promise(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, old, recent = periers
    promise_id = services.promises.record(client, d("2026-03-20"), 100_000)
    pay(services, old, 70_000, "2026-03-18")
    pay(services, recent, 35_050, "2026-03-19")  # 1 050,50 € paid, settled in part
    # Not checked before its date, even when already paid.
    check = services.promises.check(d("2026-03-19"))
    assert (check.kept, check.broken) == ((), ())
    check = services.promises.check(d("2026-03-20"))
    assert (check.kept, check.broken) == ((promise_id,), ())
    (promise,) = services.promises.for_customer(client)
    assert (promise.status, promise.checked_on) == (PromiseStatus.KEPT, d("2026-03-20"))
    assert services.promises.pending() == []
    # Idempotent: a kept promise is not checked again.
    again = services.promises.check(d("2026-03-30"))
    assert (again.kept, again.broken) == ((), ())
    assert services.promises.for_customer(client)[0].status is PromiseStatus.KEPT


def test_payment_settling_the_invoice_keeps_the_promise_through_refresh(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, old, _ = periers
    action_id = only_action(services, TODAY)
    services.reminders.record_call(
        action_id, CallOutcome.PROMISE, "", PromiseDraft(d("2026-03-25"), 120_000, 0)
    )
    pay(services, old, 120_000, "2026-03-24")
    assert services.reminders.refresh(d("2026-03-25")).created == 0
    (promise,) = services.promises.for_customer(client)
    assert promise.status is PromiseStatus.KEPT


def test_a_new_promise_supersedes_the_pending_one(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, _, _ = periers
    first = services.promises.record(client, d("2026-03-20"), 155_050, grace_days=2)
    second = services.promises.record(
        client, d("2026-04-03"), 155_050, grace_days=2, notes="Nouvelle date après l'inventaire"
    )
    rows = {p.id: p for p in services.promises.for_customer(client)}
    assert (rows[first].status, rows[first].checked_on) == (PromiseStatus.BROKEN, TODAY)
    assert rows[second].status is PromiseStatus.PENDING
    assert [p.id for p in services.promises.pending()] == [second]
    # The superseded promise no longer pauses anything, the new one does until 05/04.
    assert services.reminders.refresh(d("2026-03-25")).created == 0
    assert services.reminders.refresh(d("2026-04-05")).created == 0
    assert services.reminders.refresh(d("2026-04-06")).created == 1


@pytest.mark.parametrize(
    ("promised_for", "amount", "grace", "field", "code"),
    [
        ("2026-03-15", 10_000, 3, "promised_for", ErrorCode.INVALID_DATE),
        ("2026-09-13", 10_000, 3, "promised_for", ErrorCode.DATE_TOO_FAR),  # today + 181
        ("2026-03-20", 0, 3, "amount", ErrorCode.NEGATIVE_AMOUNT),
        ("2026-03-20", -5_000, 3, "amount", ErrorCode.NEGATIVE_AMOUNT),
        ("2026-03-20", 10_000, -1, "grace_days", ErrorCode.OUT_OF_RANGE),
        ("2026-03-20", 10_000, 31, "grace_days", ErrorCode.OUT_OF_RANGE),
    ],
)
def test_invalid_promises_are_refused_and_nothing_is_saved(
    services: Services,
    periers: tuple[int, int, int],
    promised_for: str,
    amount: int,
    grace: int,
    field: str,
    code: ErrorCode,
) -> None:
    client, _, _ = periers
    action_id = only_action(services, TODAY)
    earlier = services.promises.record(client, d("2026-03-30"), 5_000)
    draft = PromiseDraft(d(promised_for), amount, grace)

    with pytest.raises(ValidationError) as info:
        services.reminders.record_call(action_id, CallOutcome.PROMISE, "Promesse floue", draft)
    assert info.value.codes() == {field: code}
    with pytest.raises(ValidationError) as info:
        services.promises.record(client, d(promised_for), amount, grace_days=grace)
    assert info.value.codes() == {field: code}

    action = action_of(services, action_id)
    assert (action.status, action.outcome, action.notes) == ("pending", "", "")
    (promise,) = services.promises.for_customer(client)
    assert (promise.id, promise.status) == (earlier, PromiseStatus.PENDING)  # not superseded
    assert len(audit_trail(services, "promise_to_pay")) == 1


def test_promise_limits_are_inclusive(services: Services, periers: tuple[int, int, int]) -> None:
    client, _, _ = periers
    services.promises.record(client, TODAY, 1, grace_days=0)
    services.promises.record(client, TODAY + timedelta(days=180), 1, grace_days=30)
    assert [p.promised_for for p in services.promises.pending()] == [d("2026-09-12")]
    with pytest.raises(NotFoundError):
        services.promises.record(9999, d("2026-03-20"), 10_000)


def test_promises_between_lists_pending_ones_by_date(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, _, _ = periers
    other = services.customers.create(customer("Épicerie fine L'Olivier d'Or"))
    add_doc(services, other, "FA-2026-0501", "2026-03-02", 64_000)
    services.promises.record(client, d("2026-03-27"), 10_000)
    services.promises.record(other, d("2026-03-19"), 64_000)
    rows = services.promises.between(d("2026-03-17"), d("2026-03-31"))
    # The calendar sorts its events itself; the service's own order is not relied on.
    assert sorted((p.promised_for, p.customer_name) for p in rows) == [
        (d("2026-03-19"), "Épicerie fine L'Olivier d'Or"),
        (d("2026-03-27"), "Boulangerie Périer & Fils"),
    ]
    assert services.promises.between(d("2026-03-20"), d("2026-03-26")) == []


def test_a_new_invoice_does_not_break_a_kept_promise(
    services: Services, periers: tuple[int, int, int]
) -> None:
    client, old, _ = periers
    services.promises.record(client, d("2026-03-20"), 120_000)
    pay(services, old, 120_000, "2026-03-19")  # FA-2026-0412 paid in full, on time
    add_doc(services, client, "FA-2026-0520", "2026-04-30", 180_000, issued="2026-03-19")
    check = services.promises.check(d("2026-03-24"))
    assert check.broken == ()
    assert services.promises.for_customer(client)[0].status is PromiseStatus.KEPT


# --- hand-off to the salesperson and tasks ---------------------------------------------------


@pytest.fixture
def julie(services: Services) -> int:
    return services.reference.add_user("Julie Fontaine-Aubert", Profile.SALESPERSON)


def test_handoff_text_lists_each_invoice_and_the_amount(
    services: Services, periers: tuple[int, int, int]
) -> None:
    action_id = only_action(services, TODAY)
    text = services.tasks.handoff_text(action_id)
    lines = text.splitlines()
    assert lines[0] == "Montant à obtenir : 1\u202f400,50\u00a0€ (niveau « Deuxième relance »)"
    assert "- FA-2026-0412 : 1\u202f200,00\u00a0€, échue le 20/02/2026, 24 j de retard" in lines
    assert "- FA-2026-0433 : 350,50\u00a0€, échue le 10/03/2026, 6 j de retard" in lines
    assert "- AV-2026-0019 : -150,00\u00a0€, échue le 01/03/2026, 15 j de retard" in lines
    assert "FA-2026-0470" not in text  # not yet due
    assert "FA-2025-0990" not in text  # paid
    assert lines[-1].startswith("À demander :")
    with pytest.raises(NotFoundError):
        services.tasks.handoff_text(9999)


def test_hand_to_salesperson_creates_a_task_and_closes_the_action(
    services: Services, julie: int
) -> None:
    client = services.customers.create(customer("Transports Lefèvre & Fils", salesperson_id=julie))
    add_doc(services, client, "FA-2026-0440", "2026-03-01", 86_400)
    action_id = only_action(services, TODAY)
    assert action_of(services, action_id).assignee_id is None  # a letter, nobody's yet

    instructions = "  Passer voir M. Lefèvre jeudi ; il parle d'une palette abîmée  "
    task_id = services.tasks.hand_to_salesperson(action_id, instructions)

    (task,) = services.tasks.tasks(julie)
    assert task.id == task_id
    assert (task.kind, task.status) == (TaskKind.REMINDER_HANDOFF, TaskStatus.OPEN)
    assert (task.customer_id, task.customer_name) == (client, "Transports Lefèvre & Fils")
    assert (task.assignee_id, task.assignee_name) == (julie, "Julie Fontaine-Aubert")
    assert task.action_id == action_id
    assert task.title == "Relancer Transports Lefèvre & Fils"
    assert task.instructions == "Passer voir M. Lefèvre jeudi ; il parle d'une palette abîmée"
    assert task.due_on == d("2026-03-19")
    assert (task.answer, task.done_on) == ("", None)

    action = action_of(services, action_id)
    assert (action.status, action.done_on, action.outcome) == ("done", TODAY, "handed_over")
    assert action.assignee_id == julie
    assert [(e[1], e[2]) for e in audit_trail(services, "task")] == [
        ("create", f"relance transmise au commercial (action {action_id})")
    ]
    with pytest.raises(ActionClosedError):
        services.tasks.hand_to_salesperson(action_id, "Encore une fois")


def test_hand_over_to_another_salesperson_than_the_customers(
    services: Services, julie: int
) -> None:
    karim = services.reference.add_user("Karim Benali", Profile.SALESPERSON)
    client = services.customers.create(customer("Pâtisserie Zoé", salesperson_id=julie))
    add_doc(services, client, "FA-2026-0441", "2026-03-01", 12_000)
    action_id = only_action(services, TODAY)
    services.tasks.hand_to_salesperson(action_id, "Karim passe dans le quartier", karim)
    assert services.tasks.tasks(julie) == []
    assert [t.assignee_id for t in services.tasks.tasks(karim)] == [karim]


def test_hand_over_without_a_salesperson_is_refused(
    services: Services, periers: tuple[int, int, int]
) -> None:
    action_id = only_action(services, TODAY)
    with pytest.raises(ValidationError) as info:
        services.tasks.hand_to_salesperson(action_id, "Appeler le gérant")
    assert info.value.codes() == {"assignee": ErrorCode.REQUIRED}
    with pytest.raises(ValidationError) as info:
        services.tasks.hand_to_salesperson(action_id, "Appeler le gérant", 9999)
    assert info.value.codes() == {"assignee": ErrorCode.REQUIRED}
    assert action_of(services, action_id).status == ActionStatus.PENDING.value
    assert count(services, Task) == 0
    with pytest.raises(NotFoundError):
        services.tasks.hand_to_salesperson(9999, "Appeler le gérant")


def test_blank_instructions_are_refused(services: Services, julie: int) -> None:
    client = services.customers.create(customer("Garage de l'Étang", salesperson_id=julie))
    add_doc(services, client, "FA-2026-0442", "2026-03-01", 12_000)
    action_id = only_action(services, TODAY)
    with pytest.raises(ValidationError) as info:
        services.tasks.hand_to_salesperson(action_id, " \n\t ")
    assert info.value.codes() == {"instructions": ErrorCode.REQUIRED}
    assert action_of(services, action_id).status == ActionStatus.PENDING.value
    assert count(services, Task) == 0


def test_complete_closes_a_task_once_with_an_answer(services: Services, julie: int) -> None:
    client = services.customers.create(customer("Transports Lefèvre & Fils", salesperson_id=julie))
    add_doc(services, client, "FA-2026-0440", "2026-03-01", 86_400)
    task_id = services.tasks.hand_to_salesperson(only_action(services, TODAY), "Passer jeudi")

    with pytest.raises(ValidationError) as info:
        services.tasks.complete(task_id, "   ")
    assert info.value.codes() == {"answer": ErrorCode.REQUIRED}
    assert services.tasks.tasks(julie)[0].status is TaskStatus.OPEN

    services.tasks.complete(task_id, "  Vu M. Lefèvre : virement le 25/03, pas de litige  ")
    assert services.tasks.tasks(julie) == []
    (done,) = services.tasks.tasks(julie, include_closed=True)
    assert (done.status, done.done_on) == (TaskStatus.DONE, TODAY)
    assert done.answer == "Vu M. Lefèvre : virement le 25/03, pas de litige"

    with pytest.raises(ValidationError) as info:
        services.tasks.complete(task_id, "Autre réponse")
    assert info.value.codes() == {"status": ErrorCode.ALREADY_CLOSED}
    (still,) = services.tasks.tasks(julie, include_closed=True)
    assert still.answer == "Vu M. Lefèvre : virement le 25/03, pas de litige"
    with pytest.raises(NotFoundError):
        services.tasks.complete(9999, "Réponse")
    assert [(e[1], e[2]) for e in audit_trail(services, "task")][-1] == ("update", "tâche faite")


def test_tasks_lists_one_assignees_open_tasks_by_due_date(services: Services, julie: int) -> None:
    karim = services.reference.add_user("Karim Benali", Profile.SALESPERSON)
    client = services.customers.create(customer("Quincaillerie Lefèvre & Fils"))
    tasks = services.tasks

    def add(title: str, due: str, assignee: int | None) -> int:
        return tasks.create(TaskKind.PROMISE_CHECK, client, title, "", d(due), assignee)

    late = add("Vérifier le virement promis", "2026-03-25", julie)
    soon = add("Rappeler le comptable", "2026-03-18", julie)
    closed = add("Relire le bon de commande", "2026-03-17", julie)
    add("Passer à l'entrepôt", "2026-03-17", karim)
    add("Question du litige « palette »", "2026-03-16", None)
    tasks.complete(closed, "Fait")

    assert [t.id for t in tasks.tasks(julie)] == [soon, late]
    assert [t.title for t in tasks.tasks(karim)] == ["Passer à l'entrepôt"]
    assert [t.title for t in tasks.tasks()] == [
        "Question du litige « palette »",
        "Passer à l'entrepôt",
        "Rappeler le comptable",
        "Vérifier le virement promis",
    ]
    assert [t.id for t in tasks.tasks(julie, include_closed=True)] == [closed, soon, late]
    in_week = tasks.tasks(julie, start=d("2026-03-16"), end=d("2026-03-22"))
    assert [t.id for t in in_week] == [soon]
    with pytest.raises(ValidationError) as info:
        tasks.create(TaskKind.PROMISE_CHECK, client, "  ", "", d("2026-03-20"))
    assert info.value.codes() == {"title": ErrorCode.REQUIRED}
    with pytest.raises(NotFoundError):
        tasks.create(TaskKind.PROMISE_CHECK, 9999, "Titre", "", d("2026-03-20"))


# --- assignment and the day's list filters ---------------------------------------------------


def test_assign_and_filter_the_days_list(services: Services, julie: int) -> None:
    karim = services.reference.add_user("Karim Benali", Profile.ASSISTANT)
    grands_comptes = services.reference.add_segment("Grands comptes")
    artisans = services.reference.add_segment("Artisans & commerçants")
    big = services.customers.create(customer("Hôtel du Lac S.A.", segment_id=grands_comptes))
    small = services.customers.create(customer("Boucherie Élise Rousseau", segment_id=artisans))
    loose = services.customers.create(customer("Atelier d'Émile"))
    for cid, number in ((big, "FA-1"), (small, "FA-2"), (loose, "FA-3")):
        add_doc(services, cid, number, "2026-03-01", 40_000)
    services.reminders.refresh(TODAY)
    ids = {r.customer_id: r.id for r in services.reminders.due(TODAY)}
    reminders = services.reminders

    reminders.assign(ids[big], karim)
    reminders.assign(ids[small], julie)
    assert [r.customer_id for r in reminders.due(TODAY, assignee_id=karim)] == [big]
    (row,) = reminders.due(TODAY, assignee_id=julie)
    assert (row.customer_id, row.assignee_name) == (small, "Julie Fontaine-Aubert")
    assert [r.customer_id for r in reminders.due(TODAY, unassigned=True)] == [loose]
    assert [r.customer_id for r in reminders.due(TODAY, segment_id=artisans)] == [small]
    assert reminders.due(TODAY, segment_id=artisans, assignee_id=karim) == []
    assert [r.segment_id for r in reminders.due(TODAY, segment_id=grands_comptes)] == [
        grands_comptes
    ]

    reminders.assign(ids[big], None)
    assert {r.customer_id for r in reminders.due(TODAY, unassigned=True)} == {big, loose}
    with pytest.raises(NotFoundError):
        reminders.assign(ids[big], 9999)
    with pytest.raises(NotFoundError):
        reminders.assign(9999, karim)
    reminders.mark_done(ids[loose], TODAY)
    with pytest.raises(ActionClosedError):
        reminders.assign(ids[loose], karim)
    assignments = [e for e in audit_trail(services, "reminder_action") if e[2] == "attribuée"]
    assert [e[0] for e in assignments] == [ids[big], ids[small], ids[big]]


# --- editing plans ---------------------------------------------------------------------------


def lv(name: str, offset: int, channel: Channel = Channel.LETTER, **changes: object) -> LevelDraft:
    return LevelDraft(name, offset, channel, Tone.FIRM, **changes)  # type: ignore[arg-type]


def artisans_plan(*levels: LevelDraft, name: str = "Artisans du bâtiment") -> PlanDraft:
    return PlanDraft(
        name=name,
        min_gap_days=5,
        levels=levels
        or (
            lv("Appel du commercial", 20, Channel.SALESPERSON),
            lv("Rappel d'échéance", -3, Channel.EMAIL),
            lv("Relance « amiable »", 8),
        ),
        description="  Chantiers payés à la réception  ",
    )


def plan_data(services: Services, name: str) -> PlanData:
    return next(p for p in services.reminders.plans() if p.name == name)


def as_drafts(plan: PlanData) -> dict[str, LevelDraft]:
    """The plan's levels as the editor would hand them back unchanged, by name."""
    return {
        level.name: LevelDraft(
            level.name,
            level.offset_days,
            level.channel,
            level.tone,
            level.claims_penalties,
            level.claims_indemnity,
            level.deadline_days,
            level.template_key,
            level.id,
        )
        for level in plan.levels
    }


def edited(plan: PlanData, *levels: LevelDraft) -> PlanDraft:
    return PlanDraft(plan.name, plan.min_gap_days, levels, plan.for_consumers, plan.description)


def plan_levels(services: Services, name: str) -> list[tuple[int, int, str, int]]:
    return [(lv.id, lv.rank, lv.name, lv.offset_days) for lv in plan_data(services, name).levels]


@pytest.fixture
def chronic(services: Services) -> tuple[int, int]:
    """Bar-Tabac L'Escale, in a segment reminded by "Mauvais payeurs" (−10, 3, 10, 20,
    30 days), with FA-2026-0601 due 06/03: 10 days late on 16/03, level "Appel"."""
    segment = services.reference.add_segment("Retardataires chroniques")
    services.reminders.set_segment_plan(segment, plan_id(services, "Mauvais payeurs"))
    client = services.customers.create(customer("Bar-Tabac L'Escale", segment_id=segment))
    add_doc(services, client, "FA-2026-0601", "2026-03-06", 52_000)
    return segment, client


def test_save_plan_creates_a_plan_with_levels_ranked_by_offset(services: Services) -> None:
    pid = services.reminders.save_plan(None, artisans_plan())
    plan = next(p for p in services.reminders.plans() if p.id == pid)
    assert (plan.name, plan.description, plan.min_gap_days) == (
        "Artisans du bâtiment",
        "Chantiers payés à la réception",
        5,
    )
    assert not plan.is_default and not plan.for_consumers
    assert [(lv.rank, lv.name, lv.offset_days, lv.channel) for lv in plan.levels] == [
        (0, "Rappel d'échéance", -3, Channel.EMAIL),
        (1, "Relance « amiable »", 8, Channel.LETTER),
        (2, "Appel du commercial", 20, Channel.SALESPERSON),
    ]
    assert plan.rule().courtesy is not None  # the engine accepts it
    assert audit_trail(services, "dunning_plan") == [
        (pid, "create", "Artisans du bâtiment : 3 niveau(x)")
    ]


def test_a_new_plan_given_to_a_segment_is_used_by_refresh(services: Services) -> None:
    pid = services.reminders.save_plan(None, artisans_plan())
    segment = services.reference.add_segment("Artisans & commerçants")
    services.reminders.set_segment_plan(segment, pid)
    client = services.customers.create(customer("Menuiserie Lefèvre & Fils", segment_id=segment))
    add_doc(services, client, "FA-2026-0601", "2026-03-06", 52_000)  # 10 days late
    action_id = only_action(services, TODAY)
    amiable = next(p for p in services.reminders.plans() if p.id == pid).level(1)
    assert amiable is not None and amiable.name == "Relance « amiable »"
    (row,) = services.reminders.due(TODAY)
    assert (row.id, row.level_id, row.channel) == (action_id, amiable.id, Channel.LETTER)
    # The plan's own gap (5 days) and next level (20 days, salesperson) apply.
    services.reminders.mark_done(action_id, TODAY)
    assert services.reminders.refresh(d("2026-03-25")).created == 0
    services.reminders.refresh(d("2026-03-26"))
    (row,) = services.reminders.due(d("2026-03-26"))
    assert (row.level_name, row.channel) == ("Appel du commercial", Channel.SALESPERSON)


def test_editing_a_plan_keeps_the_history_of_kept_levels(
    services: Services, chronic: tuple[int, int]
) -> None:
    action_id = only_action(services, TODAY)
    plan = plan_data(services, "Mauvais payeurs")
    call = plan.level(2)
    assert call is not None and call.name == "Appel"
    assert action_of(services, action_id).level_id == call.id
    levels = as_drafts(plan)

    changed = edited(
        plan,
        *(levels[name] for name in ("Rappel avant échéance", "Relance", "Dernière relance")),
        replace(levels["Appel"], name="Appel du gérant", channel=Channel.SALESPERSON),
        replace(levels["Mise en demeure"], deadline_days=15),
    )
    assert services.reminders.save_plan(plan.id, changed) == plan.id
    after = plan_data(services, "Mauvais payeurs")
    assert [(lv.id, lv.rank, lv.name) for lv in after.levels] == [
        (level.id, level.rank, level.name if level.rank != 2 else "Appel du gérant")
        for level in plan.levels
    ]
    assert after.level(2).channel is Channel.SALESPERSON  # type: ignore[union-attr]
    assert after.level(4).deadline_days == 15  # type: ignore[union-attr]
    (row,) = services.reminders.due(TODAY)
    assert (row.id, row.level_id, row.level_name) == (action_id, call.id, "Appel du gérant")
    assert row.channel is Channel.PHONE  # the action keeps the channel it was planned with
    assert services.reminders.refresh(TODAY).created == 0
    assert audit_trail(services, "dunning_plan") == [
        (plan.id, "update", "Mauvais payeurs : 5 niveau(x)")
    ]


def test_swapping_two_levels_offsets_keeps_their_ids(services: Services) -> None:
    plan = plan_data(services, "Mauvais payeurs")
    levels = as_drafts(plan)
    swapped = edited(
        plan,
        levels["Rappel avant échéance"],
        replace(levels["Relance"], offset_days=10),
        replace(levels["Appel"], offset_days=3),
        levels["Dernière relance"],
        levels["Mise en demeure"],
    )
    services.reminders.save_plan(plan.id, swapped)
    ids = {lv.name: lv.id for lv in plan.levels}
    assert plan_levels(services, "Mauvais payeurs") == [
        (ids["Rappel avant échéance"], 0, "Rappel avant échéance", -10),
        (ids["Appel"], 1, "Appel", 3),
        (ids["Relance"], 2, "Relance", 10),
        (ids["Dernière relance"], 3, "Dernière relance", 20),
        (ids["Mise en demeure"], 4, "Mise en demeure", 30),
    ]


def test_removing_a_level_keeps_its_actions_without_the_link(
    services: Services, chronic: tuple[int, int]
) -> None:
    action_id = only_action(services, TODAY)
    services.reminders.mark_done(action_id, TODAY)
    plan = plan_data(services, "Mauvais payeurs")
    call_id = plan.level(2).id  # type: ignore[union-attr]
    levels = as_drafts(plan)

    services.reminders.save_plan(
        plan.id,
        edited(
            plan,
            levels["Rappel avant échéance"],
            levels["Relance"],
            lv("Visite du commercial", 15, Channel.SALESPERSON),
            levels["Dernière relance"],
            levels["Mise en demeure"],
        ),
    )
    after = plan_levels(services, "Mauvais payeurs")
    assert [(rank, name, offset) for _, rank, name, offset in after] == [
        (0, "Rappel avant échéance", -10),
        (1, "Relance", 3),
        (2, "Visite du commercial", 15),
        (3, "Dernière relance", 20),
        (4, "Mise en demeure", 30),
    ]
    assert call_id not in [lid for lid, *_ in after]
    with services.database.read() as session:
        assert session.get(DunningLevel, call_id) is None
    action = action_of(services, action_id)
    assert (action.level_id, action.channel, action.total_cents) == (None, "phone", 52_000)
    assert action.status == ActionStatus.DONE.value
    (row,) = services.reminders.between(TODAY, TODAY)
    assert (row.id, row.level_name, row.status) == (action_id, "", ActionStatus.DONE)


def test_removing_the_level_of_a_pending_action_creates_no_second_action(
    services: Services, chronic: tuple[int, int]
) -> None:
    action_id = only_action(services, TODAY)
    plan = plan_data(services, "Mauvais payeurs")
    levels = as_drafts(plan)
    del levels["Appel"]
    services.reminders.save_plan(plan.id, edited(plan, *levels.values()))
    assert action_of(services, action_id).level_id is None
    assert services.reminders.refresh(TODAY).created == 0
    assert [r.id for r in services.reminders.due(TODAY)] == [action_id]


def test_plan_names_are_unique(services: Services) -> None:
    before = services.reminders.plans()
    with pytest.raises(ValidationError) as info:
        services.reminders.save_plan(None, artisans_plan(name="  Standard "))
    assert info.value.codes() == {"name": ErrorCode.DUPLICATE_NAME}
    plan = plan_data(services, "Mauvais payeurs")
    renamed = replace(edited(plan, *as_drafts(plan).values()), name="Clients privilégiés")
    with pytest.raises(ValidationError) as info:
        services.reminders.save_plan(plan.id, renamed)
    assert info.value.codes() == {"name": ErrorCode.DUPLICATE_NAME}
    assert services.reminders.plans() == before
    # Its own name is fine, and so is a new one.
    assert services.reminders.save_plan(plan.id, edited(plan, *as_drafts(plan).values())) == plan.id
    services.reminders.save_plan(plan.id, replace(renamed, name="Retardataires « chroniques »"))
    assert [p.name for p in services.reminders.plans()][2] == "Retardataires « chroniques »"
    with pytest.raises(NotFoundError):
        services.reminders.save_plan(9999, artisans_plan(name="Plan fantôme"))


def test_invalid_drafts_are_refused_with_level_fields_and_nothing_saved(
    services: Services,
) -> None:
    before = services.reminders.plans()
    draft = PlanDraft(
        name="Particuliers exigeants",
        min_gap_days=14,
        for_consumers=True,
        levels=(
            lv("Relance", 10),
            lv("Dernière relance", 30, claims_indemnity=True),
            lv("Relance bis", 10),
            lv("", 60, Channel.FORMAL_NOTICE, deadline_days=90),
        ),
    )
    with pytest.raises(ValidationError) as info:
        services.reminders.save_plan(None, draft)
    assert info.value.codes() == {
        "levels.1.claims_indemnity": ErrorCode.NO_INDEMNITY_FOR_CONSUMERS,
        "levels.2.offset_days": ErrorCode.DUPLICATE_OFFSET,
        "levels.3.name": ErrorCode.REQUIRED,
        "levels.3.deadline_days": ErrorCode.OUT_OF_RANGE,
    }
    standard = before[0]
    with pytest.raises(ValidationError):
        services.reminders.save_plan(standard.id, draft)
    assert services.reminders.plans() == before
    assert audit_trail(services, "dunning_plan") == []


def test_delete_plan_refuses_the_default_and_segments_fall_back(services: Services) -> None:
    reminders = services.reminders
    with pytest.raises(ValidationError) as info:
        reminders.delete_plan(plan_id(services, "Standard"))
    assert info.value.codes() == {"plan": ErrorCode.DEFAULT_PLAN}

    segment = services.reference.add_segment("Retardataires chroniques")
    late_payers = plan_id(services, "Mauvais payeurs")
    reminders.set_segment_plan(segment, late_payers)
    client = services.customers.create(customer("Bar-Tabac L'Escale", segment_id=segment))
    add_doc(services, client, "FA-2026-0701", "2026-03-01", 23_000)  # 15 days late
    reminders.delete_plan(late_payers)

    assert [p.name for p in reminders.plans()] == [
        "Standard",
        "Clients privilégiés",
        "Particuliers",
    ]
    assert reminders.segment_plans() == [(segment, "Retardataires chroniques", None)]
    only_action(services, TODAY)
    (row,) = reminders.due(TODAY)
    assert row.level_name == "Deuxième relance"  # the default plan's level at 15 days
    assert audit_trail(services, "dunning_plan") == [(late_payers, "delete", "Mauvais payeurs")]
    with pytest.raises(NotFoundError):
        reminders.delete_plan(late_payers)


def test_the_segment_plan_decides_the_level_refresh_creates(services: Services) -> None:
    reminders = services.reminders
    valued = services.reference.add_segment("Clients fidèles")
    chronic = services.reference.add_segment("Retardataires chroniques")
    reminders.set_segment_plan(valued, plan_id(services, "Clients privilégiés"))
    reminders.set_segment_plan(chronic, plan_id(services, "Mauvais payeurs"))
    faithful = services.customers.create(customer("Hôtel « Le Relais » & Spa", segment_id=valued))
    late = services.customers.create(customer("Bar-Tabac L'Escale", segment_id=chronic))
    plain = services.customers.create(customer("Atelier d'Émile"))
    for cid, number in ((faithful, "FA-1"), (late, "FA-2"), (plain, "FA-3")):
        add_doc(services, cid, number, "2026-03-01", 30_000)  # 15 days late on 16/03

    assert reminders.segment_plans() == [
        (valued, "Clients fidèles", plan_id(services, "Clients privilégiés")),
        (chronic, "Retardataires chroniques", plan_id(services, "Mauvais payeurs")),
    ]
    reminders.refresh(TODAY)
    rows = {r.customer_id: r for r in reminders.due(TODAY)}
    plans = {p.name: p for p in reminders.plans()}
    assert rows[faithful].level_id == plans["Clients privilégiés"].level(1).id  # type: ignore[union-attr]
    assert (rows[faithful].level_name, rows[faithful].channel) == ("Relance amiable", Channel.EMAIL)
    assert rows[late].level_id == plans["Mauvais payeurs"].level(2).id  # type: ignore[union-attr]
    assert (rows[late].level_name, rows[late].channel) == ("Appel", Channel.PHONE)
    assert rows[plain].level_id == plans["Standard"].level(2).id  # type: ignore[union-attr]

    reminders.set_segment_plan(chronic, None)
    assert reminders.segment_plans()[1] == (chronic, "Retardataires chroniques", None)
    assert audit_trail(services, "segment") == [
        (valued, "create", "Clients fidèles"),
        (chronic, "create", "Retardataires chroniques"),
        (valued, "update", "Clients fidèles : plan de relance"),
        (chronic, "update", "Retardataires chroniques : plan de relance"),
        (chronic, "update", "Retardataires chroniques : plan de relance"),
    ]
    with pytest.raises(NotFoundError):
        reminders.set_segment_plan(chronic, 9999)
    with pytest.raises(NotFoundError):
        reminders.set_segment_plan(9999, None)


def test_set_default_plan_moves_the_default(services: Services) -> None:
    reminders = services.reminders
    valued = plan_id(services, "Clients privilégiés")
    reminders.set_default_plan(valued)
    assert [p.name for p in reminders.plans() if p.is_default] == ["Clients privilégiés"]
    client = services.customers.create(customer("Garage Martin & Fils"))
    add_doc(services, client, "FA-2026-0101", "2026-03-01", 150_000)  # 15 days late
    only_action(services, TODAY)
    (row,) = reminders.due(TODAY)
    assert (row.level_name, row.channel) == ("Relance amiable", Channel.EMAIL)
    assert row.level_id == next(p for p in reminders.plans() if p.id == valued).level(1).id  # type: ignore[union-attr]

    # The former default can now be deleted, the new one cannot.
    reminders.delete_plan(plan_id(services, "Standard"))
    with pytest.raises(ValidationError):
        reminders.delete_plan(valued)
    with pytest.raises(NotFoundError):
        reminders.set_default_plan(9999)
    assert audit_trail(services, "dunning_plan")[0] == (
        valued,
        "update",
        "Clients privilégiés : plan par défaut",
    )


def test_open_actions_follow_payments_and_disputes(services: Services) -> None:
    """A letter never asks for what was paid or is contested since it was planned."""
    from desktop.domain.enums import Department, DisputeCategory, DisputeStatus
    from desktop.persistence.models import Dispute, DisputeItem, ReminderActionItem

    owner = services.customers.create(customer("Menuiserie Lefèvre & Fils"))
    first = add_doc(services, owner, "FA-301", "2026-02-20", 120_000)
    second = add_doc(services, owner, "FA-302", "2026-02-25", 80_000)
    services.reminders.refresh(TODAY)
    (row,) = services.reminders.due(TODAY)
    assert row.total_cents == 200_000
    pay(services, first, 120_000, "2026-03-16")
    now = services.context.clock.now()
    with services.database.transaction() as session:
        dispute = Dispute(
            customer_id=owner,
            category=DisputeCategory.DAMAGED.value,
            status=DisputeStatus.OPEN.value,
            reported_on=TODAY,
            department=Department.QUALITY.value,
            created_at=now,
            updated_at=now,
        )
        session.add(dispute)
        session.flush()
        session.add(DisputeItem(dispute_id=dispute.id, document_id=second, disputed_cents=30_000))
    services.reminders.refresh(TODAY)
    (again,) = services.reminders.due(TODAY)
    assert again.id == row.id and again.total_cents == 50_000
    assert [(item.number, item.amount_cents) for item in again.items] == [("FA-302", 50_000)]
    pay(services, second, 80_000, "2026-03-16")
    services.reminders.refresh(TODAY)
    assert services.reminders.due(TODAY) == []
    closed = action_of(services, row.id)
    assert closed.status == ActionStatus.SKIPPED.value
    assert "Plus rien à relancer" in closed.skip_reason
    with services.database.read() as session:
        left = session.scalar(
            select(func.count())
            .select_from(ReminderActionItem)
            .where(ReminderActionItem.action_id == row.id)
        )
    assert left == 0
