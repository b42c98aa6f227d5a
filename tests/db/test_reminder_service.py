"""ReminderService on a small French ledger: plans shipped by migration 0005, the day's
actions saved by `refresh`, the day's list, and the follow-up (done, skipped, postponed).

Documents, disputes and promises are inserted straight through a session, amounts in
cents, signed as the ledger stores them. The test clock's today is 16/03/2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.dunning import DEFAULT_PLANS
from desktop.domain.enums import (
    ActionStatus,
    Channel,
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeStatus,
    DocumentKind,
    Profile,
    PromiseStatus,
)
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.persistence.models import (
    AuditEntry,
    Customer,
    Dispute,
    DisputeItem,
    Document,
    PromiseToPay,
    ReminderAction,
    ReminderActionItem,
    Segment,
)
from desktop.services.registry import Services
from desktop.services.reminders import ActionClosedError
from tests.db.factories import customer

INV, CN = DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE


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
            open_cents=amount,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


def add_dispute(
    services: Services, customer_id: int, document_id: int, cents: int, status: DisputeStatus
) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        dispute = Dispute(
            customer_id=customer_id,
            category=DisputeCategory.DAMAGED.value,
            status=status.value,
            description="Palette livrée abîmée",
            reported_on=d("2026-02-20"),
            department=Department.LOGISTICS.value,
            created_at=now,
            updated_at=now,
        )
        session.add(dispute)
        session.flush()
        session.add(
            DisputeItem(dispute_id=dispute.id, document_id=document_id, disputed_cents=cents)
        )


def plan_id(services: Services, name: str) -> int:
    return next(p.id for p in services.reminders.plans() if p.name == name)


def level_names(services: Services, as_of: date) -> dict[int, str]:
    return {row.customer_id: row.level_name for row in services.reminders.due(as_of)}


# --- plans (migration 0005) ----------------------------------------------------------------


def test_shipped_plans_are_the_domain_defaults(services: Services) -> None:
    plans = services.reminders.plans()
    assert [p.rule() for p in plans] == list(DEFAULT_PLANS)
    assert [p.name for p in plans if p.is_default] == ["Standard"]
    assert [p.name for p in plans if p.for_consumers] == ["Particuliers"]
    standard = plans[0]
    assert [(lv.rank, lv.offset_days, lv.channel) for lv in standard.levels] == [
        (0, -7, Channel.EMAIL),
        (1, 7, Channel.LETTER),
        (2, 15, Channel.LETTER),
        (3, 30, Channel.SALESPERSON),
        (4, 45, Channel.FORMAL_NOTICE),
    ]


# --- the standard ladder, day by day --------------------------------------------------------


def test_standard_plan_levels_on_the_right_days(services: Services) -> None:
    martin = services.customers.create(customer("Garage Martin & Fils"))
    add_doc(services, martin, "FA-2026-0101", "2026-02-14", 150_000)
    reminders = services.reminders

    def step(day: str) -> str | None:
        reminders.refresh(d(day))
        rows = [r for r in reminders.due(d(day)) if r.status is ActionStatus.PENDING]
        assert len(rows) <= 1
        return rows[0].level_name if rows else None

    def done(day: str) -> None:
        (row,) = reminders.due(d(day))
        reminders.mark_done(row.id, d(day))

    assert step("2026-02-06") is None  # 8 days before the due date: too early
    assert step("2026-02-07") == "Rappel de courtoisie"
    done("2026-02-07")
    assert step("2026-02-14") is None  # due today: courtesy already sent
    assert step("2026-02-20") is None  # 6 days late
    assert step("2026-02-21") == "Relance amiable"  # 7 days late
    done("2026-02-21")
    assert step("2026-03-01") == "Deuxième relance"  # 15 days late, gap of 7 passed
    done("2026-03-01")
    assert step("2026-03-16") == "Dernière relance"  # 30 days late
    (row,) = reminders.due(d("2026-03-16"))
    assert row.channel is Channel.SALESPERSON
    done("2026-03-16")
    assert step("2026-03-31") == "Mise en demeure"  # 45 days late
    (row,) = reminders.due(d("2026-03-31"))
    assert row.channel is Channel.FORMAL_NOTICE
    assert row.total_cents == 150_000


def test_escalation_waits_for_done_and_the_gap(services: Services) -> None:
    client = services.customers.create(customer("Boulangerie Élodie Dupré SARL"))
    add_doc(services, client, "FA-2026-0201", "2026-02-14", 48_000)
    reminders = services.reminders
    reminders.refresh(d("2026-02-21"))
    (first,) = reminders.due(d("2026-02-21"))
    assert first.level_name == "Relance amiable"
    # Still pending on day 15: nothing new, the same action is still listed.
    assert reminders.refresh(d("2026-03-01")).created == 0
    assert [r.id for r in reminders.due(d("2026-03-01"))] == [first.id]
    reminders.mark_done(first.id, d("2026-02-27"))
    # Done on 27/02: the 7-day gap ends on 06/03.
    assert reminders.refresh(d("2026-03-05")).created == 0
    assert reminders.due(d("2026-03-05")) == []
    assert reminders.refresh(d("2026-03-06")).created == 1
    assert level_names(services, d("2026-03-06")) == {client: "Deuxième relance"}


# --- one action per customer, disputes left out --------------------------------------------


def test_one_action_per_customer_with_all_overdue_items_and_credits(services: Services) -> None:
    martin = services.customers.create(customer("Garage Martin & Fils"))
    old = add_doc(services, martin, "FA-2026-0101", "2026-01-31", 150_000)
    recent = add_doc(services, martin, "FA-2026-0102", "2026-03-05", 84_000)
    later = add_doc(services, martin, "FA-2026-0103", "2026-04-15", 20_000, issued="2026-03-10")
    credit = add_doc(services, martin, "AV-2026-0007", "2026-03-01", -12_000, CN, "2026-03-01")

    result = services.reminders.refresh(d("2026-03-16"))
    assert result.created == 1
    (row,) = services.reminders.due(d("2026-03-16"))
    assert row.customer_name == "Garage Martin & Fils"
    assert row.level_name == "Dernière relance"  # the oldest item is 44 days late
    assert [(i.document_id, i.amount_cents) for i in row.items] == [
        (old, 150_000),
        (recent, 84_000),
        (credit, -12_000),
    ]
    assert later not in [i.document_id for i in row.items]  # not yet due
    assert row.total_cents == 222_000
    assert row.item_count == 3


def test_the_disputed_part_is_left_out(services: Services) -> None:
    client = services.customers.create(customer("Menuiserie Lefèvre"))
    partly = add_doc(services, client, "FA-2026-0301", "2026-02-10", 150_000)
    fully = add_doc(services, client, "FA-2026-0302", "2026-02-12", 30_000)
    settled = add_doc(services, client, "FA-2026-0303", "2026-02-13", 10_000)
    add_dispute(services, client, partly, 50_000, DisputeStatus.ANALYSIS)
    add_dispute(services, client, fully, 30_000, DisputeStatus.OPEN)
    add_dispute(services, client, settled, 10_000, DisputeStatus.REJECTED)  # chased again

    services.reminders.refresh(d("2026-03-16"))
    (row,) = services.reminders.due(d("2026-03-16"))
    assert [(i.document_id, i.amount_cents) for i in row.items] == [
        (partly, 100_000),
        (settled, 10_000),
    ]
    assert row.total_cents == 110_000


def test_refresh_twice_the_same_day_creates_nothing_twice(services: Services) -> None:
    a = services.customers.create(customer("Garage Martin & Fils"))
    b = services.customers.create(customer("Boucherie Élise Rousseau"))
    add_doc(services, a, "FA-2026-0101", "2026-02-14", 150_000)
    add_doc(services, b, "FA-2026-0102", "2026-03-20", 30_000)  # courtesy window
    first = services.reminders.refresh(d("2026-03-16"))
    second = services.reminders.refresh(d("2026-03-16"))
    assert first.created == 2
    assert second.created == 0
    with services.database.read() as session:
        assert session.scalar(select(func.count()).select_from(ReminderAction)) == 2
        assert session.scalar(select(func.count()).select_from(ReminderActionItem)) == 2
    assert services.reminders.refresh(d("2026-03-17")).created == 0


# --- which plan -------------------------------------------------------------------------------


def test_consumers_use_the_consumer_plan_and_segments_their_own(services: Services) -> None:
    business = services.customers.create(customer("SARL Transports Girard"))
    consumer = services.customers.create(customer("Mme Françoise Dubois", is_consumer=True))
    late_payers = services.reference.add_segment("Retardataires")
    chronic = services.customers.create(customer("Bar-Tabac Le Narval", segment_id=late_payers))
    with services.database.transaction() as session:
        session.get(Segment, late_payers).dunning_plan_id = plan_id(services, "Mauvais payeurs")  # type: ignore[union-attr]
    for cid, number in ((business, "FA-1"), (consumer, "FA-2"), (chronic, "FA-3")):
        add_doc(services, cid, number, "2026-02-14", 60_000)  # 30 days late on 16/03

    services.reminders.refresh(d("2026-03-16"))
    rows = {r.customer_id: r for r in services.reminders.due(d("2026-03-16"))}
    assert rows[business].level_name == "Dernière relance"
    assert rows[business].channel is Channel.SALESPERSON
    assert rows[consumer].level_name == "Deuxième relance"  # Particuliers: 10, 30, 60 days
    assert rows[consumer].channel is Channel.LETTER
    consumer_levels = {
        lv.id for p in services.reminders.plans() if p.for_consumers for lv in p.levels
    }
    assert rows[consumer].level_id in consumer_levels
    assert rows[chronic].level_name == "Mise en demeure"  # Mauvais payeurs: 30 days


def test_insolvency_and_promises_stop_reminders(services: Services) -> None:
    insolvent = services.customers.create(customer("Imprimerie Bénard"))
    promised = services.customers.create(customer("Fromagerie Morel"))
    add_doc(services, insolvent, "FA-1", "2026-02-14", 60_000)
    add_doc(services, promised, "FA-2", "2026-02-14", 60_000)
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.get(Customer, insolvent).status = CustomerStatus.INSOLVENCY.value  # type: ignore[union-attr]
        session.add(
            PromiseToPay(
                customer_id=promised,
                promised_for=d("2026-03-20"),
                amount_cents=60_000,
                grace_days=3,
                status=PromiseStatus.PENDING.value,
                created_at=now,
                updated_at=now,
            )
        )
    assert services.reminders.refresh(d("2026-03-16")).created == 0
    assert services.reminders.refresh(d("2026-03-23")).created == 0  # grace period
    assert services.reminders.refresh(d("2026-03-24")).created == 1
    assert set(level_names(services, d("2026-03-24"))) == {promised}


# --- the day's list and the follow-up ---------------------------------------------------------


def test_due_is_grouped_by_channel_then_customer_name(services: Services) -> None:
    names = ["Ébénisterie Zola", "Atelier Dumas", "Électricité Bernard", "Carrosserie Petit"]
    ids = [services.customers.create(customer(name)) for name in names]
    add_doc(services, ids[0], "FA-1", "2026-03-01", 10_000)  # 15 days: letter
    add_doc(services, ids[1], "FA-2", "2026-02-14", 10_000)  # 30 days: salesperson
    add_doc(services, ids[2], "FA-3", "2026-03-08", 10_000)  # 8 days: letter
    add_doc(services, ids[3], "FA-4", "2026-03-20", 10_000)  # courtesy e-mail
    services.reminders.refresh(d("2026-03-16"))
    rows = services.reminders.due(d("2026-03-16"))
    assert [(r.channel, r.customer_name) for r in rows] == [
        (Channel.LETTER, "Ébénisterie Zola"),
        (Channel.LETTER, "Électricité Bernard"),
        (Channel.EMAIL, "Carrosserie Petit"),
        (Channel.SALESPERSON, "Atelier Dumas"),
    ]
    assert services.reminders.due(d("2026-03-15")) == []


def test_salesperson_actions_go_to_the_customer_salesperson(services: Services) -> None:
    julie = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    client = services.customers.create(customer("Garage Martin & Fils", salesperson_id=julie))
    add_doc(services, client, "FA-1", "2026-02-14", 10_000)
    (action_id,) = services.reminders.refresh(d("2026-03-16")).created_ids
    with services.database.read() as session:
        assert session.get(ReminderAction, action_id).assignee_id == julie  # type: ignore[union-attr]


def test_skip_postpone_and_done_are_audited(services: Services) -> None:
    a = services.customers.create(customer("Garage Martin & Fils"))
    b = services.customers.create(customer("Boulangerie Élodie Dupré SARL"))
    add_doc(services, a, "FA-1", "2026-03-01", 10_000)
    add_doc(services, b, "FA-2", "2026-03-01", 20_000)
    reminders = services.reminders
    first, second = reminders.refresh(d("2026-03-16")).created_ids

    with pytest.raises(ValidationError) as info:
        reminders.skip(first, "   ")
    assert "reason" in info.value.codes()
    reminders.skip(first, "Client en congés, appel prévu à son retour")
    with pytest.raises(ActionClosedError):
        reminders.mark_done(first, d("2026-03-16"))
    with pytest.raises(NotFoundError):
        reminders.postpone(9999, d("2026-03-20"))
    with pytest.raises(ValidationError):
        reminders.postpone(second, d("2026-03-10"))

    reminders.postpone(second, d("2026-03-20"))
    assert reminders.due(d("2026-03-16")) == []
    (row,) = reminders.due(d("2026-03-20"))
    assert (row.id, row.status, row.planned_on) == (second, ActionStatus.POSTPONED, d("2026-03-20"))
    assert reminders.refresh(d("2026-03-20")).created == 0  # postponed: nothing else
    reminders.mark_done(second, d("2026-03-20"))

    with services.database.read() as session:
        skipped = session.get(ReminderAction, first)
        assert skipped is not None
        assert skipped.status == ActionStatus.SKIPPED.value
        assert skipped.skip_reason == "Client en congés, appel prévu à son retour"
        entries = session.execute(
            select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.actor)
            .where(AuditEntry.entity == "reminder_action")
            .order_by(AuditEntry.id)
        ).all()
    assert [(e.entity_id, e.action) for e in entries] == [
        (first, "create"),
        (second, "create"),
        (first, "update"),
        (second, "update"),
        (second, "update"),
    ]
    assert all(e.actor == "Camille Test" for e in entries)
