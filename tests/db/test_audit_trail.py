"""The audit trail read back (issue 7): per customer, filtered for the owner, paged; and
the changes that were not audited before. Today is Monday 16 March 2026, 9:30."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.clock import FixedClock
from desktop.domain.customer import RatingDraft
from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.dunning import LevelDraft, PlanDraft
from desktop.domain.enums import (
    AuditAction,
    CallOutcome,
    Channel,
    Department,
    DisputeCategory,
    RatingSource,
    Tone,
)
from desktop.domain.visit import VisitReportDraft
from desktop.persistence.database import Database
from desktop.persistence.models import Document
from desktop.services.audit_trail import AuditFilter, AuditLine, FieldChange
from desktop.services.company import CompanyProfile
from desktop.services.customers import ContactData
from desktop.services.registry import Services, build_services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL> — Menuiserie"
OWNER = "Nathalie Roux"
ASSISTANT = "Sandrine Morel-Lefèvre"


def as_user(services: Services, name: str, moment: datetime) -> Services:
    """The same file, changed by `name` at `moment`."""
    assert services.database.path is not None
    return build_services(Database.at(services.database.path), FixedClock(moment), lambda: name)


def changes_of(line: AuditLine) -> dict[str, tuple[str, str]]:
    return {c.field: (c.before, c.after) for c in line.changes}


@pytest.fixture
def late_payer(services: Services) -> int:
    """75 days late on 12 450,00 €: the overdue rule proposes to block it."""
    cid = services.customers.create(customer(EPI, credit_limit_cents=2_000_000))
    add_doc(services, cid, "FA-2025-0412", "2025-12-31", 1_245_000, issued="2025-11-03")
    return cid


@pytest.fixture
def other(services: Services) -> int:
    return services.customers.create(customer(DUPONT, siren="552100554"))


# --- a blocking decision, step by step -----------------------------------------------------


def test_the_trail_of_a_blocking_decision(services: Services, late_payer: int, other: int) -> None:
    assert services.blocking.refresh(date(2026, 3, 16)).created == 1
    (proposal,) = services.blocking.proposals()
    owner = as_user(services, OWNER, datetime(2026, 3, 17, 10, 5))
    owner.blocking.decide(proposal.decision_id, True, "Trois relances sans réponse ; 12 450 € dus")
    owner.close()
    assistant = as_user(services, ASSISTANT, datetime(2026, 3, 24, 16, 40))
    unblock_id = assistant.blocking.unblock(late_payer, "Règlement reçu : virement du 23/03")
    assistant.close()

    trail = services.audit.entries(AuditFilter(customer_id=late_payer), 0, 50)
    steps = [
        (line.at, line.actor, line.entity, line.action, changes_of(line).get("status"))
        for line in trail
    ]
    # Newest first; within the same moment, the last written first.
    assert steps == [
        (datetime(2026, 3, 24, 16, 40), ASSISTANT, "customer", "update", ("blocked", "active")),
        (
            datetime(2026, 3, 24, 16, 40),
            ASSISTANT,
            "blocking_decision",
            "update",
            ("proposed", "unblocked"),
        ),
        (datetime(2026, 3, 17, 10, 5), OWNER, "customer", "update", ("active", "blocked")),
        (
            datetime(2026, 3, 17, 10, 5),
            OWNER,
            "blocking_decision",
            "update",
            ("proposed", "blocked"),
        ),
        (datetime(2026, 3, 16, 9, 30), "Camille Test", "blocking_decision", "create", None),
        (datetime(2026, 3, 16, 9, 30), "Camille Test", "customer", "create", None),
    ]
    decided, unblocked = trail[3], trail[1]
    assert changes_of(decided)["reason"] == ("", "Trois relances sans réponse ; 12 450 € dus")
    assert changes_of(unblocked)["reason"] == ("", "Règlement reçu : virement du 23/03")
    assert unblocked.entity_id == unblock_id
    assert {line.customer_id for line in trail} == {late_payer}
    assert {line.customer_name for line in trail} == {EPI}
    assert services.audit.count(AuditFilter(customer_id=late_payer)) == 6
    # Nothing of it in the other customer's trail.
    other_trail = services.audit.entries(AuditFilter(customer_id=other), 0, 50)
    assert [(line.entity, line.action) for line in other_trail] == [("customer", "create")]


def test_the_owner_finds_the_decision_by_actor_action_dates_and_text(
    services: Services, late_payer: int
) -> None:
    services.blocking.refresh(date(2026, 3, 16))
    (proposal,) = services.blocking.proposals()
    owner = as_user(services, OWNER, datetime(2026, 3, 17, 10, 5))
    owner.blocking.decide(proposal.decision_id, True, "Échéancier refusé par la gérante")
    owner.close()
    audit = services.audit

    by_owner = audit.entries(AuditFilter(actor=OWNER), 0, 50)
    assert [(line.entity, line.action) for line in by_owner] == [
        ("customer", "update"),
        ("blocking_decision", "update"),
    ]
    assert audit.actors() == ["Camille Test", OWNER]
    assert "blocking_decision" in audit.entity_kinds()
    decisions = AuditFilter(entities=("blocking_decision",), actions=(AuditAction.UPDATE,))
    assert [line.actor for line in audit.entries(decisions, 0, 50)] == [OWNER]
    assert audit.count(AuditFilter(date_from=date(2026, 3, 17), date_to=date(2026, 3, 17))) == 2
    assert audit.count(AuditFilter(date_from=date(2026, 3, 18))) == 0
    assert audit.count(AuditFilter(date_to=date(2026, 3, 16))) == 2  # creation and proposal
    # Accents and case ignored, in the summary and in the values before/after.
    for text in ("échéancier REFUSÉ", "echeancier refuse", "GÉRANTE"):
        (found,) = audit.entries(AuditFilter(text=text), 0, 50)
        assert found.entity == "blocking_decision"
    assert audit.count(AuditFilter(text="l'epi d'or")) == 2  # the customer's name as summary
    assert audit.count(AuditFilter(text="refusé", actor="Camille Test")) == 0
    # LIKE's wildcards are taken literally (unescaped, each would match every entry).
    assert audit.count(AuditFilter(text="%")) == audit.count(AuditFilter(text="_")) == 0


# --- disputes and reminders follow their customer -----------------------------------------


def test_dispute_and_reminder_entries_show_in_their_customer_trail_only(
    services: Services, late_payer: int, other: int
) -> None:
    invoice = add_doc(services, other, "FA-2026-0107", "2026-02-14", 150_000)
    dispute_id = services.disputes.open(
        DisputeDraft(
            customer_id=other,
            lines=(DisputeLine(invoice, 40_000),),
            category=DisputeCategory.DAMAGED,
            description="Deux portes rayées : réserves sur le bon du transporteur.",
            reported_by="Mme Hélène Dupré",
            reported_on=date(2026, 3, 2),
            department=Department.QUALITY,
        )
    )
    created = services.reminders.refresh(date(2026, 3, 16)).created_ids
    action_of = {row.customer_id: row.id for row in services.reminders.due(date(2026, 3, 16))}
    assert set(created) == set(action_of.values())
    services.reminders.record_call(action_of[late_payer], CallOutcome.NO_ANSWER, "Répondeur")

    mine = services.audit.entries(AuditFilter(customer_id=late_payer), 0, 100)
    theirs = services.audit.entries(AuditFilter(customer_id=other), 0, 100)
    assert ("reminder_action", action_of[late_payer]) in {(e.entity, e.entity_id) for e in mine}
    assert not any(e.entity == "dispute" for e in mine)
    assert ("dispute", dispute_id) in {(e.entity, e.entity_id) for e in theirs}
    assert not any(e.entity_id == action_of[late_payer] and e.entity == "reminder_action"
                   for e in theirs)  # fmt: skip
    call = next(e for e in mine if e.entity == "reminder_action" and e.action == "update")
    assert changes_of(call)["outcome"] == ("", CallOutcome.NO_ANSWER.value)
    assert changes_of(call)["notes"] == ("", "Répondeur")
    # The dispute's task follows the customer too.
    assert any(e.entity == "task" and e.customer_id == other for e in theirs)


def test_paging_is_consistent_with_the_count(services: Services, late_payer: int) -> None:
    for i in range(7):
        services.customers.save_contact(
            late_payer, ContactData(None, "Élodie", f"Lefèvre-{i}", "Comptable")
        )
    flt = AuditFilter(customer_id=late_payer)
    total = services.audit.count(flt)
    assert total == 8
    everything = services.audit.entries(flt, 0, 100)
    pages = [services.audit.entries(flt, offset, 3) for offset in range(0, total, 3)]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [line.id for page in pages for line in page] == [line.id for line in everything]
    assert services.audit.entries(flt, total, 3) == []
    assert [line.id for line in everything] == sorted(
        (line.id for line in everything), reverse=True
    )


# --- what was not audited before ---------------------------------------------------------


def test_contacts_and_ratings_are_audited_and_stay_in_the_trail_once_deleted(
    services: Services, late_payer: int, other: int
) -> None:
    contact_id = services.customers.save_contact(
        late_payer, ContactData(None, "Hélène", "Dupré", "Gérante", "h.dupre@example.fr")
    )
    services.customers.save_contact(
        late_payer,
        ContactData(contact_id, "Hélène", "Dupré-Martin", "Gérante", "h.dupre@example.fr"),
    )
    services.customers.delete_contact(contact_id)
    rating_id = services.customers.add_rating(
        late_payer, RatingDraft(RatingSource.COFACE, "4", date(2026, 3, 1), "DRA en baisse")
    )
    services.customers.delete_rating(rating_id)

    trail = services.audit.entries(AuditFilter(customer_id=late_payer), 0, 50)
    contact = [(e.action, changes_of(e)) for e in trail if e.entity == "contact"]
    assert [action for action, _ in contact] == ["delete", "update", "create"]
    assert contact[1][1] == {"last_name": ("Dupré", "Dupré-Martin")}
    assert contact[2][1]["email"] == ("", "h.dupre@example.fr")
    assert [e.action for e in trail if e.entity == "external_rating"] == ["delete", "create"]
    # Deleted rows keep their customer: every entry of them is named with it.
    assert {e.customer_name for e in trail if e.entity in ("contact", "external_rating")} == {EPI}
    assert not [
        e
        for e in services.audit.entries(AuditFilter(customer_id=other), 0, 50)
        if e.entity in ("contact", "external_rating")
    ]


def test_visit_reports_keep_their_before_and_after_and_their_customer(
    services: Services, late_payer: int
) -> None:
    draft = VisitReportDraft(
        customer_id=late_payer,
        visit_date=date(2026, 3, 10),
        attendees="Mme Lefèvre (gérante)",
        observations=(),
        for_credit_management="Surveiller l'échéance du 31/03.",
    )
    report_id = services.visits.create(draft)
    services.visits.update(
        report_id, replace(draft, for_credit_management="Appeler la gérante & relancer.")
    )
    services.visits.delete(report_id)
    trail = services.audit.entries(
        AuditFilter(customer_id=late_payer, entities=("visit_report",)), 0, 9
    )
    assert [e.action for e in trail] == ["delete", "update", "create"]
    assert changes_of(trail[1]) == {
        "for_credit_management": (
            "Surveiller l'échéance du 31/03.",
            "Appeler la gérante & relancer.",
        )
    }


def test_a_withdrawn_blocking_proposal_stays_in_its_customer_trail(
    services: Services, late_payer: int
) -> None:
    services.blocking.refresh(date(2026, 3, 16))
    with services.database.transaction() as session:  # the customer pays
        for doc in session.scalars(select(Document).where(Document.customer_id == late_payer)):
            doc.open_cents = 0
            doc.settled_on = date(2026, 3, 16)
    assert services.blocking.refresh(date(2026, 3, 16)).withdrawn == 1
    trail = services.audit.entries(AuditFilter(customer_id=late_payer), 0, 9)
    assert [(e.entity, e.action) for e in trail if e.entity == "blocking_decision"] == [
        ("blocking_decision", "delete"),
        ("blocking_decision", "create"),
    ]


def test_settings_mappings_company_plans_and_segments_are_audited(
    services: Services, tmp_path: Path
) -> None:
    services.backups.set_folder(tmp_path / "Sauvegardes société")
    services.imports.save_mapping("Export EBP", '{"numero": "N° pièce"}', "csv")
    services.imports.save_mapping("Export EBP", '{"numero": "Pièce"}', "csv")
    services.imports.delete_mapping("Export EBP")
    services.company.save(CompanyProfile(legal_name="Fournitures de l'Ouest & Cie"))
    services.company.save(
        CompanyProfile(legal_name="Fournitures de l'Ouest & Cie", city="Saint-Étienne")
    )
    services.reference.add_segment("Clients fidèles")
    plan = PlanDraft(
        "Plan « Artisans »",
        10,
        (
            LevelDraft("Relance aimable", 7, Channel.EMAIL, Tone.FRIENDLY),
            LevelDraft("Appel", 15, Channel.PHONE, Tone.FIRM),
        ),
    )
    plan_id = services.reminders.save_plan(None, plan)
    stored = next(p for p in services.reminders.plans() if p.id == plan_id)
    first = replace(plan.levels[0], id=stored.level(0).id)  # type: ignore[union-attr]
    services.reminders.save_plan(plan_id, replace(plan, min_gap_days=14, levels=(first,)))

    audit = services.audit
    (folder,) = audit.entries(AuditFilter(entities=("setting",)), 0, 9)
    assert changes_of(folder)["backup_folder"] == ("", str(tmp_path / "Sauvegardes société"))
    mappings = audit.entries(AuditFilter(entities=("import_mapping",)), 0, 9)
    assert [e.action for e in mappings] == ["delete", "update", "create"]
    assert changes_of(mappings[1])["mapping"] == ('{"numero": "N° pièce"}', '{"numero": "Pièce"}')
    company = audit.entries(AuditFilter(entities=("company",)), 0, 9)
    assert changes_of(company[0]) == {"city": ("", "Saint-Étienne")}
    assert changes_of(company[1])["legal_name"] == ("", "Fournitures de l'Ouest & Cie")
    (segment,) = audit.entries(AuditFilter(entities=("segment",), actions=("create",)), 0, 9)
    assert segment.summary == "Clients fidèles"
    edited = audit.entries(AuditFilter(entities=("dunning_plan",)), 0, 9)[0]
    assert changes_of(edited)["min_gap_days"] == ("10", "14")
    assert changes_of(edited)["level_2"] == ("Appel · J+15 · phone · firm", "")


def test_a_restore_is_written_in_the_restored_file(services: Services, late_payer: int) -> None:
    saved = services.backups.backup()
    services.customers.create(customer(DUPONT, siren="552100554"))
    services.backups.restore(saved)
    (entry,) = services.audit.entries(AuditFilter(entities=("data_file",)), 0, 9)
    assert entry.summary == saved.name
    assert entry.changes[0] == FieldChange("restored_from", entry.changes[0].before, saved.name)
    assert entry.changes[0].before.endswith("avant-restauration.encaisse")
    assert services.customers.total() == 1
