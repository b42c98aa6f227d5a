"""Proposals: created from a template, numbered, checked, moved through their statuses,
milestones turned into expected receivables, templates edited, printed."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.enums import (
    CustomerStatus,
    DocumentKind,
    DoubtfulSource,
    PaymentTermsBasis,
    ProposalStatus,
    ScheduleKind,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.domain.schedule import (
    LineDraft,
    Milestone,
    ScheduleLineDraft,
    ScheduleTemplate,
    WarningCode,
)
from desktop.persistence.models import AuditEntry, Document, DoubtfulCompany
from desktop.services.company import CompanyProfile
from desktop.services.proposals import ProposalDraft, ProposalError, ProposalFilter
from desktop.services.registry import Services
from tests.db.factories import SIRENS, count_rows, customer

TODAY = date(2026, 3, 16)
NAME = "Menuiserie Lefèvre & Fils — L'Atelier du Bois <SARL>"
LINES = (
    LineDraft("Escalier en chêne massif, 14 marches, rampe « Tradition »", 1000, 1_250_000, 2000),
    LineDraft("Pose et finitions (vernis mat)", 2500, 45_000, 1000),
)  # 13 625,00 € HT, 2 612,50 € TVA, 16 237,50 € TTC


def template_id(services: Services, name: str) -> int:
    return next(t.id for t in services.proposals.templates() if t.name == name)


def make_draft(
    services: Services, customer_id: int, template: str = "Jalons 30 / 40 / 30", **changes
) -> ProposalDraft:  # type: ignore[no-untyped-def]
    draft = ProposalDraft(
        customer_id=customer_id,
        issued_on=TODAY,
        lines=LINES,
        schedule=services.proposals.schedule_from_template(template_id(services, template), TODAY),
        valid_until=TODAY + timedelta(days=30),
        template_name=template,
        notes="Délai de fabrication : 6 semaines après l'acompte.",
    )
    return replace(draft, **changes)


@pytest.fixture
def customer_id(services: Services) -> int:
    return services.customers.create(customer(NAME, siren=SIRENS[0], credit_limit_cents=2_000_000))


def test_the_shipped_templates_are_seeded(services: Services) -> None:
    templates = {t.name: t for t in services.proposals.templates()}
    assert {
        "30 jours fin de mois",
        "45 jours fin de mois",
        "60 jours date de facture",
        "Jalons 30 / 40 / 30",
        "3 mensualités",
    } <= set(templates)
    assert templates["30 jours fin de mois"].is_default
    assert services.proposals.default_template().name == "30 jours fin de mois"  # type: ignore[union-attr]
    assert templates["3 mensualités"].template.kind is ScheduleKind.MONTHLY
    eom = templates["45 jours fin de mois"].template.milestones[0]
    assert (eom.due_days, eom.due_basis) == (45, PaymentTermsBasis.END_OF_MONTH_AFTER)


def test_create_numbers_totals_and_schedule(
    services: Services, customer_id: int, db_path: Path
) -> None:
    first = services.proposals.create(make_draft(services, customer_id))
    second = services.proposals.create(make_draft(services, customer_id, "3 mensualités"))
    later = services.proposals.create(
        make_draft(
            services,
            customer_id,
            issued_on=date(2027, 1, 4),
            valid_until=None,
            schedule=services.proposals.schedule_from_template(
                template_id(services, "30 jours fin de mois"), date(2027, 1, 4)
            ),
        )
    )
    detail = services.proposals.get(first)
    assert detail.row.number == "DEV-2026-0001"
    assert services.proposals.get(second).row.number == "DEV-2026-0002"
    assert services.proposals.get(later).row.number == "DEV-2027-0001"
    assert detail.row.status is ProposalStatus.DRAFT
    assert (detail.totals.excl_vat_cents, detail.totals.vat_cents, detail.totals.total_cents) == (
        1_362_500,
        261_250,
        1_623_750,
    )
    assert [s.item.amount_cents for s in detail.schedule] == [487_125, 649_500, 487_125]
    assert [s.item.planned_on for s in detail.schedule] == [
        TODAY,
        date(2026, 4, 15),
        date(2026, 5, 15),
    ]
    assert detail.schedule[0].item.is_deposit
    assert detail.row.customer_name == NAME
    assert detail.row.template_name == "Jalons 30 / 40 / 30"
    assert detail.draft().lines == LINES
    assert sum(s.item.amount_cents for s in services.proposals.get(second).schedule) == 1_623_750
    assert count_rows(db_path, "audit_log", "entity = 'proposal' AND action = 'create'") == 3
    assert services.proposals.find("dev-2026-0002") == second
    assert services.proposals.find(str(first)) == first
    with pytest.raises(NotFoundError):
        services.proposals.find("DEV-1999-0001")


def test_bad_input_is_refused_with_every_problem_and_nothing_written(
    services: Services, customer_id: int, db_path: Path
) -> None:
    draft = make_draft(
        services,
        customer_id,
        lines=(LineDraft("Étagères", 0, 18_900, 2000),),
        schedule=(
            ScheduleLineDraft("Acompte", TODAY - timedelta(days=1), 3000, True),
            ScheduleLineDraft("Solde", TODAY, 6000),
        ),
        valid_until=TODAY - timedelta(days=2),
    )
    with pytest.raises(ValidationError) as info:
        services.proposals.create(draft)
    assert info.value.codes() == {
        "lines.0.quantity": ErrorCode.QUANTITY_NOT_POSITIVE,
        "valid_until": ErrorCode.DATE_BEFORE_PROPOSAL,
    }
    good_lines = replace(draft, lines=LINES, valid_until=None)
    with pytest.raises(ValidationError) as info:
        services.proposals.create(good_lines)
    assert info.value.codes() == {
        "schedule.0.planned_on": ErrorCode.DATE_BEFORE_PROPOSAL,
        "schedule": ErrorCode.PERCENT_TOTAL,
    }
    tiny = make_draft(services, customer_id, "3 mensualités", lines=(LineDraft("Vis", 2000, 1, 0),))
    with pytest.raises(ValidationError) as info:
        services.proposals.create(tiny)
    assert info.value.codes() == {"schedule": ErrorCode.AMOUNT_NOT_SPLITTABLE}
    assert count_rows(db_path, "proposals") == 0


def test_only_a_draft_changes_and_statuses_move_in_order(
    services: Services, customer_id: int, clock
) -> None:  # type: ignore[no-untyped-def]
    pid = services.proposals.create(make_draft(services, customer_id))
    services.proposals.update(
        pid, make_draft(services, customer_id, "30 jours fin de mois", notes="Prix ferme.")
    )
    detail = services.proposals.get(pid)
    assert detail.notes == "Prix ferme." and len(detail.schedule) == 1
    with pytest.raises(ProposalError) as info:
        services.proposals.accept(pid)
    assert info.value.code == "invalid_transition"
    services.proposals.send(pid)
    with pytest.raises(ProposalError) as info:
        services.proposals.update(pid, make_draft(services, customer_id))
    assert info.value.code == "not_draft"
    with pytest.raises(ProposalError):
        services.proposals.delete(pid)
    # After its validity date a sent proposal reads as expired and cannot be accepted.
    clock.moment = clock.moment + timedelta(days=31)
    assert services.proposals.get(pid).row.status is ProposalStatus.EXPIRED
    assert [
        r.id for r in services.proposals.list(ProposalFilter(status=ProposalStatus.EXPIRED))
    ] == [pid]
    assert services.proposals.list(ProposalFilter(status=ProposalStatus.SENT)) == []
    with pytest.raises(ProposalError) as info:
        services.proposals.accept(pid)
    assert info.value.code == "validity_passed"
    services.proposals.set_status(pid, ProposalStatus.DRAFT)
    with pytest.raises(ProposalError) as info:
        services.proposals.send(pid)  # its validity date must be moved first
    assert info.value.code == "validity_passed"
    services.proposals.update(
        pid,
        make_draft(services, customer_id, issued_on=TODAY, valid_until=TODAY + timedelta(days=60)),
    )
    services.proposals.send(pid)
    services.proposals.accept(pid)
    assert services.proposals.get(pid).row.status is ProposalStatus.ACCEPTED
    with pytest.raises(ProposalError):
        services.proposals.refuse(pid)


def test_a_reached_milestone_becomes_an_expected_receivable_not_yet_due(
    services: Services, customer_id: int, clock
) -> None:  # type: ignore[no-untyped-def]
    pid = services.proposals.create(make_draft(services, customer_id, "30 jours fin de mois"))
    with pytest.raises(ProposalError) as info:
        services.proposals.mark_reached(pid, 1, TODAY)
    assert info.value.code == "not_accepted"
    services.proposals.send(pid)
    services.proposals.accept(pid)
    with pytest.raises(ValidationError) as bad:
        services.proposals.mark_reached(pid, 1, TODAY + timedelta(days=1))
    assert bad.value.codes() == {"reached_on": ErrorCode.DATE_IN_FUTURE}
    doc_id = services.proposals.mark_reached(pid, 1, TODAY)
    with services.database.read() as session:
        doc = session.get(Document, doc_id)
        assert doc is not None
        assert doc.kind == DocumentKind.EXPECTED_INSTALMENT.value
        assert doc.number == "DEV-2026-0001-E1"
        assert (doc.issued_on, doc.due_on) == (TODAY, date(2026, 4, 30))  # 30 j fdm
        assert doc.total_cents == doc.open_cents == 1_623_750
    detail = services.proposals.get(pid)
    assert detail.schedule[0].reached_on == TODAY
    assert detail.schedule[0].document_number == "DEV-2026-0001-E1"
    assert detail.row.reached == 1
    with pytest.raises(ProposalError) as info:
        services.proposals.mark_reached(pid, 1, TODAY)
    assert info.value.code == "already_reached"
    # The aged balance shows it as not yet due.
    (item,) = services.receivables.aged_balance_documents(TODAY, customer_id)
    assert item.kind is DocumentKind.EXPECTED_INSTALMENT
    assert item.bucket_key == "not_due" and item.days_late < 0
    # The calendar shows what comes for it before its due date.
    events = services.calendar.events(TODAY, date(2026, 5, 31))
    assert any(e.customer_id == customer_id for e in events)


def test_a_blocked_customer_only_gets_a_schedule_with_a_deposit(
    services: Services, customer_id: int
) -> None:
    services.blocking.block_now(customer_id, "Retards répétés malgré les relances")
    with pytest.raises(ValidationError) as info:
        services.proposals.create(make_draft(services, customer_id, "30 jours fin de mois"))
    assert info.value.codes() == {"schedule": ErrorCode.DEPOSIT_REQUIRED}
    pid = services.proposals.create(
        make_draft(services, customer_id, "Acompte 30 % et solde à la livraison")
    )
    warnings = services.proposals.warnings(services.proposals.get(pid).draft())
    assert WarningCode.BLOCKED in {w.code for w in warnings}


def test_warnings_before_printing(services: Services, customer_id: int, clock) -> None:  # type: ignore[no-untyped-def]
    with services.database.transaction() as session:
        session.add(
            DoubtfulCompany(
                name="Lefèvre & Fils",
                siren=SIRENS[0],
                reason="Deux factures impayées en 2024, liquidation d'une société sœur.",
                source=DoubtfulSource.UNPAID_INVOICES.value,
                reported_on=date(2025, 11, 3),
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )
    long_terms = make_draft(
        services,
        customer_id,
        schedule=(
            ScheduleLineDraft(
                "À la livraison", TODAY, 10_000, False, 90, PaymentTermsBasis.INVOICE_DATE
            ),
        ),
        lines=(LineDraft("Rayonnages", 10_000, 250_000, 2000),),  # 30 000 € TTC > 20 000 € limit
    )
    preview = services.proposals.preview(long_terms)
    assert preview.errors == ()
    codes = [w.code for w in preview.warnings]
    assert codes == [WarningCode.DOUBTFUL, WarningCode.TERM_TOO_LONG, WarningCode.CREDIT_LIMIT]
    assert preview.warnings[1].params["max"] == "60"
    check = services.proposals.check_customer(customer_id)
    assert check.doubtful[0].source == DoubtfulSource.UNPAID_INVOICES.value
    # Saved anyway: warnings never refuse.
    assert services.proposals.create(long_terms)


def test_prospects_get_proposals_too(services: Services) -> None:
    prospect = services.customers.create(
        customer("Boulangerie L'Épi d'Or", status=CustomerStatus.PROSPECT)
    )
    pid = services.proposals.create(
        make_draft(services, prospect, "Paiement intégral à la commande")
    )
    assert services.proposals.get(pid).row.customer_status is CustomerStatus.PROSPECT
    assert [r.id for r in services.proposals.list(ProposalFilter(customer_id=prospect))] == [pid]


def test_templates_crud(services: Services, db_path: Path) -> None:
    custom = ScheduleTemplate(
        "Acompte 40 % et solde à 30 jours",
        ScheduleKind.MILESTONES,
        (
            Milestone("Acompte à la commande", 4000, 0, True),
            Milestone("Solde à la livraison", 6000, 45, False, 30, PaymentTermsBasis.INVOICE_DATE),
        ),
    )
    tid = services.proposals.save_template(custom)
    assert services.proposals.template(tid).template == custom
    with pytest.raises(ValidationError) as info:
        services.proposals.save_template(replace(custom, name="jalons 30 / 40 / 30"))
    assert info.value.codes() == {"name": ErrorCode.DUPLICATE_NAME}
    with pytest.raises(ValidationError) as info:
        services.proposals.save_template(replace(custom, milestones=custom.milestones[:1]), tid)
    assert info.value.codes() == {"milestones": ErrorCode.PERCENT_TOTAL}
    services.proposals.set_default_template(tid)
    assert services.proposals.default_template().id == tid  # type: ignore[union-attr]
    with pytest.raises(ProposalError) as refused:
        services.proposals.delete_template(tid)
    assert refused.value.code == "default_template"
    other = template_id(services, "60 jours date de facture")
    services.proposals.delete_template(other)
    assert other not in {t.id for t in services.proposals.templates()}
    with services.database.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "schedule_template")
        ).all()
    assert sorted(actions) == ["create", "delete", "update"]


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_pdf_carries_schedule_conditions_and_mentions(
    services: Services, customer_id: int, tmp_path: Path
) -> None:
    services.company.save(
        CompanyProfile(
            legal_name="Ateliers Durand & Fils",
            legal_form="SAS",
            siren=SIRENS[1],
            address_line1="3, quai de l'Industrie",
            postal_code="69007",
            city="Lyon",
            iban="FR7630004000031234567890143",
            signatory_name="Laurent Durand",
            signatory_title="président",
        )
    )
    pid = services.proposals.create(make_draft(services, customer_id))
    written = services.proposals.write_pdf(pid, tmp_path / "devis.pdf")
    text = pdf_text(written)
    for expected in (
        "Proposition commerciale n° DEV-2026-0001",
        "Menuiserie Lefèvre & Fils",
        "<SARL>",
        "Échéancier de paiement",
        "Acompte à la commande",
        "4 871,25 €",
        "16 237,50 €",
        "non des arrhes",
        "Pénalités de retard",
        "40 €",
        "Pas d'escompte pour paiement anticipé.",
        "Bon pour accord",
        "Laurent Durand, président",
    ):
        assert expected in text, expected


def test_a_prospect_on_the_doubtful_list_under_its_name_only_is_flagged(
    services: Services,
) -> None:
    """No SIREN on either side: the name alone (legal form, accents ignored) is enough."""
    from desktop.domain.enums import CustomerStatus, DoubtfulSource

    services.check.add_doubtful(
        name="Transports Lefèvre & Fils SARL",
        city="Lyon",
        reason="Chèques sans provision en 2025",
        source=DoubtfulSource.UNPAID_INVOICES,
    )
    prospect = services.customers.create(
        customer("Transports Lefevre et Fils", status=CustomerStatus.PROSPECT)
    )
    check = services.proposals.check_customer(prospect)
    assert [d.reason for d in check.doubtful] == ["Chèques sans provision en 2025"]
    other = services.customers.create(
        customer("Boulangerie du Marché", status=CustomerStatus.PROSPECT)
    )
    assert services.proposals.check_customer(other).doubtful == ()
