"""Blocking proposals and decisions, insolvency proceedings and claim deadlines, at fixed
dates (today is Monday 16 March 2026)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.domain.blocking import DecisionRequiredError, TriggeredRule
from desktop.domain.clock import FixedClock
from desktop.domain.enums import (
    BlockingDecisionStatus,
    BlockingRule,
    Country,
    CustomerStatus,
    DocumentKind,
    InsolvencyKind,
    Profile,
)
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.persistence.models import AuditEntry, BlockingDecision, CompanySettings, Document
from desktop.services.blocking import BlockingStateError
from desktop.services.registry import Services
from tests.db.factories import customer

TODAY = date(2026, 3, 16)
EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL>"


def invoice(
    services: Services,
    customer_id: int,
    number: str,
    due_on: date,
    cents: int,
    issued_on: date | None = None,
    kind: DocumentKind = DocumentKind.INVOICE,
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=kind.value,
            number=number,
            issued_on=issued_on or date(2025, 11, 3),
            due_on=due_on,
            total_cents=cents,
            open_cents=cents,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


@dataclass(frozen=True)
class Audited:
    action: str
    summary: str
    actor: str
    changes: dict[str, list[str]]


def audit_entries(services: Services, entity: str, entity_id: int) -> list[Audited]:
    with services.database.read() as session:
        return [
            Audited(e.action, e.summary, e.actor, json.loads(e.changes_json or "{}"))
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            )
        ]


def move_to(services: Services, day: date) -> None:
    clock = services.context.clock
    assert isinstance(clock, FixedClock)
    clock.moment = datetime.combine(day, clock.moment.time())


@pytest.fixture
def late_payer(services: Services) -> int:
    """75 days late on 12 450,00 € (due 31/12/2025), credit limit 20 000 €."""
    cid = services.customers.create(customer(EPI, credit_limit_cents=2_000_000))
    invoice(services, cid, "FA-2025-0412", date(2025, 12, 31), 1_245_000)
    invoice(services, cid, "FA-2026-0031", date(2026, 3, 31), 380_000, date(2026, 3, 1))
    return cid


# --- proposals ------------------------------------------------------------------------------


def test_refresh_proposes_once_with_the_figures(services: Services, late_payer: int) -> None:
    on_time = services.customers.create(customer("Menuiserie Lefèvre", credit_limit_cents=10))
    invoice(services, on_time, "FA-2026-0100", date(2026, 4, 15), 5)

    result = services.blocking.refresh(TODAY)
    assert result.created == 1
    (proposal,) = services.blocking.proposals()
    assert proposal.customer_id == late_payer
    assert proposal.customer_name == EPI
    assert proposal.proposed_on == TODAY
    assert proposal.overdue_days == 60
    assert proposal.rules == (
        TriggeredRule(BlockingRule.OVERDUE, days_late=75, overdue_cents=1_245_000),
    )

    again = services.blocking.refresh(TODAY)
    assert (again.created, again.updated, again.withdrawn) == (0, 0, 0)
    assert len(services.blocking.proposals()) == 1
    entries = audit_entries(services, "blocking_decision", proposal.decision_id)
    assert [(e.action, e.summary) for e in entries] == [("create", "proposed")]


def test_a_pending_proposal_follows_the_figures_and_is_withdrawn_once_paid(
    services: Services, late_payer: int
) -> None:
    services.blocking.refresh(TODAY)
    (proposal,) = services.blocking.proposals()
    # A new invoice pushes the outstanding over the limit.
    invoice(services, late_payer, "FA-2026-0044", date(2026, 4, 10), 900_000, date(2026, 3, 10))
    assert services.blocking.refresh(TODAY).updated == 1
    (updated,) = services.blocking.proposals()
    assert updated.decision_id == proposal.decision_id
    assert [r.rule for r in updated.rules] == [BlockingRule.OVERDUE, BlockingRule.CREDIT_LIMIT]
    assert updated.rules[1].outstanding_cents == 2_525_000

    with services.database.transaction() as session:
        for doc in session.scalars(select(Document).where(Document.customer_id == late_payer)):
            doc.open_cents = 0
            doc.settled_on = date(2026, 3, 16)
    assert services.blocking.refresh(TODAY).withdrawn == 1
    assert services.blocking.proposals() == []
    entries = audit_entries(services, "blocking_decision", proposal.decision_id)
    assert [e.summary for e in entries] == ["proposed", "figures", "withdrawn"]


def test_the_number_of_days_is_stored_in_the_file(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT))
    invoice(services, cid, "FA-2026-0007", date(2026, 2, 1), 48_000)  # 43 days late
    assert services.blocking.overdue_days() == 60
    assert services.blocking.refresh(TODAY).created == 0
    services.blocking.set_overdue_days(30)
    assert services.blocking.overdue_days() == 30
    assert services.blocking.refresh(TODAY).created == 1
    (proposal,) = services.blocking.proposals()
    assert proposal.overdue_days == 30
    assert proposal.rules[0].days_late == 43
    with pytest.raises(ValidationError) as error:
        services.blocking.set_overdue_days(0)
    assert set(error.value.codes()) == {"overdue_days"}


# --- decisions ------------------------------------------------------------------------------


def test_blocking_on_a_proposal_is_audited_and_shown(services: Services, late_payer: int) -> None:
    services.reference.add_user("Claire Martin", Profile.OWNER)
    services.context.actor = lambda: "Claire Martin"
    services.blocking.refresh(TODAY)
    (proposal,) = services.blocking.proposals()

    with pytest.raises(ValidationError) as error:
        services.blocking.decide(proposal.decision_id, True, "   ")
    assert error.value.codes() == {"reason": "required"}

    services.blocking.decide(
        proposal.decision_id, True, "Deux relances sans réponse, l'encours grimpe"
    )
    assert services.customers.get(late_payer).draft.status is CustomerStatus.BLOCKED
    assert services.blocking.proposals() == []
    block = services.blocking.current_block(late_payer)
    assert block is not None
    assert (block.since, block.by, block.reason) == (
        TODAY,
        "Claire Martin",
        "Deux relances sans réponse, l'encours grimpe",
    )
    assert [r.rule for r in block.rules] == [BlockingRule.OVERDUE]
    with services.database.read() as session:
        row = session.get(BlockingDecision, proposal.decision_id)
        assert row is not None and row.decided_by_id is not None

    decision_audit = audit_entries(services, "blocking_decision", proposal.decision_id)[-1]
    assert decision_audit.actor == "Claire Martin"
    changes = decision_audit.changes
    assert changes["status"] == ["proposed", "blocked"]
    assert changes["reason"][1] == "Deux relances sans réponse, l'encours grimpe"
    customer_audit = audit_entries(services, "customer", late_payer)[-1]
    assert customer_audit.changes == {"status": ["active", "blocked"]}

    # Decided: it can no longer be decided, and a blocked customer gets no new proposal.
    with pytest.raises(NotFoundError):
        services.blocking.decide(proposal.decision_id, False, "trop tard")
    assert services.blocking.refresh(TODAY).created == 0


def test_keep_is_a_decision_that_quiets_the_rule_for_thirty_days(
    services: Services, late_payer: int
) -> None:
    services.blocking.refresh(TODAY)
    (proposal,) = services.blocking.proposals()
    services.blocking.decide(proposal.decision_id, False, "Client historique, virement annoncé")
    assert services.customers.get(late_payer).draft.status is CustomerStatus.ACTIVE
    assert services.blocking.current_block(late_payer) is None
    entry = audit_entries(services, "blocking_decision", proposal.decision_id)[-1]
    assert entry.changes["status"] == ["proposed", "declined"]

    move_to(services, date(2026, 4, 14))  # 29 days later, same money late
    assert services.blocking.refresh(date(2026, 4, 14)).created == 0
    move_to(services, date(2026, 4, 15))  # 30 days later
    assert services.blocking.refresh(date(2026, 4, 15)).created == 1


def test_keep_then_worse_is_proposed_again_at_once(services: Services, late_payer: int) -> None:
    services.blocking.refresh(TODAY)
    (proposal,) = services.blocking.proposals()
    services.blocking.decide(proposal.decision_id, False, "On attend le virement")
    # Two days later the limit is passed too: a rule the owner did not see.
    invoice(services, late_payer, "FA-2026-0052", date(2026, 4, 17), 1_000_000, date(2026, 3, 17))
    move_to(services, date(2026, 3, 18))
    assert services.blocking.refresh(date(2026, 3, 18)).created == 1
    history = services.blocking.history(late_payer)
    assert [d.status for d in history] == [
        BlockingDecisionStatus.PROPOSED,
        BlockingDecisionStatus.DECLINED,
    ]
    assert history[1].reason == "On attend le virement"
    assert history[1].decided_by == "Camille Test"


def test_block_now_and_unblock_are_decisions(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT))
    with pytest.raises(BlockingStateError):
        services.blocking.unblock(cid, "rien à débloquer")
    decision = services.blocking.block_now(cid, "Chèque impayé du 10/03")
    assert services.customers.get(cid).draft.status is CustomerStatus.BLOCKED
    block = services.blocking.current_block(cid)
    assert block is not None and block.decision_id == decision
    assert block.rules == (TriggeredRule(BlockingRule.OWNER),)
    with pytest.raises(BlockingStateError):
        services.blocking.block_now(cid, "encore")

    with pytest.raises(ValidationError):
        services.blocking.unblock(cid, "")
    move_to(services, date(2026, 3, 20))
    services.blocking.unblock(cid, "Chèque représenté et encaissé")
    assert services.customers.get(cid).draft.status is CustomerStatus.ACTIVE
    assert services.blocking.current_block(cid) is None
    history = services.blocking.history(cid)
    assert [(d.status, d.decided_on, d.reason) for d in history] == [
        (BlockingDecisionStatus.UNBLOCKED, date(2026, 3, 20), "Chèque représenté et encaissé"),
        (BlockingDecisionStatus.BLOCKED, TODAY, "Chèque impayé du 10/03"),
    ]
    statuses = [e.changes.get("status") for e in audit_entries(services, "customer", cid)[1:]]
    assert statuses == [["active", "blocked"], ["blocked", "active"]]


def test_block_now_takes_over_a_pending_proposal(services: Services, late_payer: int) -> None:
    services.blocking.refresh(TODAY)
    (proposal,) = services.blocking.proposals()
    assert (
        services.blocking.block_now(late_payer, "Je bloque sans attendre") == proposal.decision_id
    )
    assert services.blocking.proposals() == []
    (decision,) = services.blocking.history(late_payer)
    assert decision.status is BlockingDecisionStatus.BLOCKED
    assert decision.rules[0].rule is BlockingRule.OVERDUE


def test_unblocking_is_not_undone_by_the_next_refresh(services: Services, late_payer: int) -> None:
    services.blocking.block_now(late_payer, "Retards répétés")
    services.blocking.unblock(late_payer, "Accord de paiement signé")
    assert services.blocking.refresh(TODAY).created == 0
    move_to(services, date(2026, 4, 15))
    assert services.blocking.refresh(date(2026, 4, 15)).created == 1


def test_the_customer_form_cannot_block_or_unblock(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT))
    current = services.customers.get(cid).draft
    with pytest.raises(DecisionRequiredError):
        services.customers.update(cid, replace(current, status=CustomerStatus.BLOCKED))
    services.blocking.block_now(cid, "Litige sur trois livraisons")
    blocked = services.customers.get(cid).draft
    with pytest.raises(DecisionRequiredError):
        services.customers.update(cid, replace(blocked, status=CustomerStatus.ACTIVE))
    # Other fields of a blocked customer can still be edited.
    services.customers.update(cid, replace(blocked, phone="04 77 12 34 56"))
    assert services.customers.get(cid).draft.status is CustomerStatus.BLOCKED


def test_a_customer_blocked_before_decisions_existed_shows_a_bare_block(
    services: Services,
) -> None:
    cid = services.customers.create(customer(DUPONT, status=CustomerStatus.BLOCKED))
    block = services.blocking.current_block(cid)
    assert block is not None
    assert (block.decision_id, block.since, block.by, block.reason) == (None, None, "", "")
    services.blocking.unblock(cid, "Situation régularisée")
    assert services.customers.get(cid).draft.status is CustomerStatus.ACTIVE


# --- insolvency -----------------------------------------------------------------------------


def test_insolvency_blocks_and_stops_reminders(services: Services, late_payer: int) -> None:
    services.reminders.refresh(TODAY)
    assert [r.customer_id for r in services.reminders.due(TODAY)] == [late_payer]

    decision = services.blocking.record_insolvency(
        late_payer, InsolvencyKind.RECEIVERSHIP, date(2026, 3, 2), date(2026, 3, 12)
    )
    detail = services.customers.get(late_payer).draft
    assert detail.status is CustomerStatus.INSOLVENCY
    assert detail.insolvency_kind is InsolvencyKind.RECEIVERSHIP
    assert (detail.insolvency_opened_on, detail.bodacc_published_on) == (
        date(2026, 3, 2),
        date(2026, 3, 12),
    )
    block = services.blocking.current_block(late_payer)
    assert block is not None and block.insolvency and block.decision_id == decision
    assert block.rules == (TriggeredRule(BlockingRule.INSOLVENCY, opened_on=date(2026, 3, 2)),)

    # The pending reminder is closed, and no new one is proposed, today or later.
    assert services.reminders.due(TODAY) == []
    services.reminders.refresh(TODAY)
    assert services.reminders.due(TODAY) == []
    services.reminders.refresh(date(2026, 5, 4))
    assert services.reminders.due(date(2026, 5, 4)) == []
    # Nor a blocking proposal: the customer is blocked already.
    assert services.blocking.refresh(TODAY).created == 0
    changes = audit_entries(services, "customer", late_payer)[-1].changes
    assert changes["status"] == ["active", "insolvency"]
    assert changes["insolvency_kind"] == ["None", "redressement"]


def test_insolvency_dates_are_checked(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT))
    with pytest.raises(ValidationError) as error:
        services.blocking.record_insolvency(
            cid, InsolvencyKind.LIQUIDATION, date(2026, 3, 20), date(2026, 3, 10)
        )
    assert set(error.value.codes()) == {"insolvency_opened_on", "bodacc_published_on"}
    assert services.customers.get(cid).draft.status is CustomerStatus.ACTIVE


def test_claim_deadlines_two_months_after_the_bodacc(services: Services) -> None:
    epi = services.customers.create(customer(EPI))
    dupont = services.customers.create(customer(DUPONT))
    services.blocking.record_insolvency(
        epi, InsolvencyKind.RECEIVERSHIP, date(2026, 3, 2), date(2026, 3, 12)
    )
    services.blocking.record_insolvency(
        dupont, InsolvencyKind.LIQUIDATION, date(2025, 12, 15), date(2025, 12, 31)
    )
    found = services.blocking.claim_deadlines(date(2026, 1, 1), date(2026, 6, 30))
    assert [(c.customer_name, c.deadline, c.published_on) for c in found] == [
        (DUPONT, date(2026, 2, 28), date(2025, 12, 31)),  # 31/12 + 2 months: end of February
        (EPI, date(2026, 5, 12), date(2026, 3, 12)),
    ]
    assert [c.customer_id for c in services.blocking.claim_deadlines(TODAY, TODAY)] == []
    assert [
        c.customer_id
        for c in services.blocking.claim_deadlines(date(2026, 5, 12), date(2026, 5, 12))
    ] == [epi]


def test_claim_deadlines_four_months_for_a_creditor_abroad(services: Services) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            CompanySettings(
                legal_name="Brasserie de l'Abbaye & Fils SPRL",
                country=Country.BELGIUM.value,
                created_at=now,
                updated_at=now,
            )
        )
    cid = services.customers.create(customer(EPI))
    services.blocking.record_insolvency(
        cid, InsolvencyKind.SAFEGUARD, date(2026, 3, 2), date(2026, 3, 12)
    )
    (found,) = services.blocking.claim_deadlines(TODAY, date(2026, 12, 31))
    assert found.deadline == date(2026, 7, 12)


def test_claim_summary_at_the_judgment_date(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT, siren="732829320"))
    # Due before the judgment (2 March 2026), due after it, a credit note, and an invoice
    # issued after the judgment (not part of the claim).
    invoice(services, cid, "FA-2025-0990", date(2026, 1, 30), 1_500_000, date(2025, 12, 31))
    invoice(services, cid, "FA-2026-0120", date(2026, 3, 31), 600_000, date(2026, 2, 27))
    invoice(
        services, cid, "AV-2026-0004", date(2026, 2, 10), -50_000, date(2026, 2, 10),
        DocumentKind.CREDIT_NOTE,
    )  # fmt: skip
    invoice(services, cid, "FA-2026-0200", date(2026, 4, 10), 99_000, date(2026, 3, 10))
    services.blocking.record_insolvency(
        cid, InsolvencyKind.RECEIVERSHIP, date(2026, 3, 2), date(2026, 3, 12)
    )
    claim = services.blocking.claim_summary(cid)
    assert claim.debtor.name == DUPONT
    assert claim.deadline == date(2026, 5, 12)
    assert [line.number for line in claim.due] == ["FA-2025-0990"]
    assert [line.number for line in claim.not_yet_due] == ["FA-2026-0120"]
    assert [line.number for line in claim.credits] == ["AV-2026-0004"]
    (due,) = claim.due
    # Penalties from 31/01 to 02/03 (31 days) only: they stop at the judgment.
    penalties = services.penalties.for_customer(cid, date(2026, 3, 2))
    assert due.penalty_cents == penalties.penalty_cents > 0
    assert due.indemnity_cents == 4_000
    assert claim.total_cents == 1_500_000 + due.penalty_cents + 4_000 + 600_000 - 50_000
    later = services.penalties.for_customer(cid, date(2026, 6, 1))
    assert later.penalty_cents == penalties.penalty_cents


def test_claim_summary_needs_a_judgment_date(services: Services) -> None:
    cid = services.customers.create(customer(DUPONT))
    with pytest.raises(ValidationError) as error:
        services.blocking.claim_summary(cid)
    assert set(error.value.codes()) == {"insolvency_opened_on"}
