"""The pre-visit brief: what a salesperson reads before going to a customer (status and
the blocking banner, terms, outstanding and overdue items, open disputes, promises and
plan instalments, the last visit, talking points), and the batch of the week's visits of
one salesperson. Today is Monday 16/03/2026 in the test clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import (
    Assessment,
    Department,
    DisputeCategory,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.visit import Observation, VisitReportDraft
from desktop.services.brief import week_of
from desktop.services.company import CompanyProfile
from desktop.services.customers import ContactData
from desktop.services.registry import Services
from desktop.services.repayment import PlanDraft, PlanItem
from tests.db.factories import SIRENS, customer
from tests.db.test_repayment_service import add_doc

TODAY = date(2026, 3, 16)
NAME = "Quincaillerie Lefèvre & Fils <SARL>"


@pytest.fixture
def world(services: Services) -> dict[str, int]:
    services.company.save(CompanyProfile(legal_name="Fournitures de l'Ouest & Cie"))
    sales = services.reference.add_user("Émilie Rousseau", Profile.SALESPERSON)
    other_sales = services.reference.add_user("Marc Dubois", Profile.SALESPERSON)
    services.reference.add_user("Hélène Marchand", Profile.OWNER)
    cid = services.customers.create(
        customer(
            NAME,
            siren=SIRENS[0],
            salesperson_id=sales,
            payment_terms_days=45,
            payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_AFTER,
            credit_limit_cents=2_000_000,
            phone="04 77 12 34 56",
        ),
        [
            ContactData(
                None, "Jean-Noël", "Lefèvre", "Gérant", phone="06 12 34 56 78", is_primary=True
            )
        ],
    )
    old = add_doc(services, cid, "FA-2025-0990", "2026-01-30", 1_500_000)
    disputed = add_doc(services, cid, "FA-2026-0042", "2026-02-20", 345_678)
    add_doc(services, cid, "FA-2026-0101", "2026-04-15", 120_000, issued="2026-03-01")
    services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(disputed, 45_678),),
            category=DisputeCategory.DAMAGED,
            description="Deux palettes de carrelage arrivées cassées",
            reported_by="Jean-Noël Lefèvre",
            reported_on=date(2026, 3, 2),
            department=Department.LOGISTICS,
        )
    )
    plan = services.repayment.create(PlanDraft(cid, (PlanItem(old),), 3, date(2026, 3, 31)))
    services.repayment.activate(plan, TODAY)
    services.promises.record(cid, date(2026, 3, 27), 300_000, notes="virement annoncé")
    services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 2, 12),
            author_id=sales,
            observations=(
                Observation(
                    ObservationTopic.STOCK_AND_SHELVES, Assessment.WORRYING, "rayons vides"
                ),
                Observation(ObservationTopic.ORDERS_IN_PROGRESS, Assessment.REASSURING),
            ),
            payment_terms_reminded=False,
            approval_circuit="Factures validées par le gérant le vendredi",
            for_credit_management="Le gérant dit attendre un gros chantier en avril.",
            next_visit_on=date(2026, 3, 19),
        )
    )
    services.blocking.block_now(cid, "Retards répétés, chèque rejeté en février")
    # Another customer of the same salesperson, visit next week; one of a colleague this week.
    later = services.customers.create(customer("Boulangerie L'Épi d'Or", salesperson_id=sales))
    services.visits.create(
        VisitReportDraft(later, date(2026, 3, 2), sales, next_visit_on=date(2026, 3, 23))
    )
    colleague = services.customers.create(customer("Café de la Gare", salesperson_id=other_sales))
    services.visits.create(
        VisitReportDraft(colleague, date(2026, 3, 2), other_sales, next_visit_on=date(2026, 3, 17))
    )
    return {"customer": cid, "sales": sales, "plan": plan, "later": later}


def test_the_brief_gathers_what_the_salesperson_must_know(
    services: Services, world: dict[str, int]
) -> None:
    brief = services.brief.brief(world["customer"])
    assert brief.customer_name == NAME and brief.status == "Bloqué"
    assert brief.alert_level == "blocked"
    assert brief.alert.startswith("Client bloqué depuis le 16/03/2026 par Camille Test")
    assert "chèque rejeté" in brief.alert
    identity = dict(brief.identity)
    assert identity["Conditions de paiement"] == "45 jours fin de mois"
    assert identity["Contact"].startswith("Jean-Noël Lefèvre · Gérant")
    assert identity["Commercial"] == "Émilie Rousseau"
    assert identity["Identifiant"] == "SIREN 732 829 320"

    assert brief.open_cents == 1_965_678 and brief.overdue_cents == 1_845_678
    assert brief.oldest_days_late == 45
    by_number = {i.number: i for i in brief.items}
    assert by_number["FA-2025-0990"].in_plan
    assert by_number["FA-2026-0042"].disputed_cents == 45_678
    assert by_number["FA-2026-0101"].days_late is None

    (dispute,) = brief.disputes
    assert dispute.category == "Marchandise abîmée ou non conforme"
    assert dispute.invoices == "FA-2026-0042" and dispute.status == "Ouvert"
    assert "palettes" in dispute.description

    assert brief.commitments[0].startswith("Promesse de paiement de 3")
    assert "(virement annoncé)" in brief.commitments[0]
    assert any("échéance 1 du 31/03/2026" in c for c in brief.commitments)
    assert len(brief.commitments) == 4  # the promise and the three instalments

    visit = brief.last_visit
    assert visit is not None and visit.author == "Émilie Rousseau"
    assert visit.worrying == ("Stock et rayons : rayons vides",)
    assert visit.reassuring == ("Commandes en cours",)
    assert visit.terms_reminded is False
    assert brief.next_visit_on == date(2026, 3, 19)

    points = brief.talking_points
    assert points[0] == "Rappeler les conditions de paiement convenues : 45 jours fin de mois."
    assert any(p.startswith("Client bloqué : pas de nouvelle commande") for p in points)
    assert any("litige « Marchandise abîmée" in p for p in points)
    assert any("Rappeler l'échéance 1 du plan" in p for p in points)
    assert not any("score" in p.casefold() for p in points)


def test_a_plain_customer_gets_a_short_brief(services: Services) -> None:
    cid = services.customers.create(customer("Boucherie Sanzot"))
    brief = services.brief.brief(cid)
    assert brief.alert == "" and brief.items == () and brief.disputes == ()
    assert brief.last_visit is None
    assert brief.talking_points == (
        "Rappeler les conditions de paiement convenues : 30 jours date de facture.",
        "Premier rapport de visite à rédiger après le rendez-vous.",
    )
    with pytest.raises(NotFoundError):
        services.brief.brief(9999)


def test_the_week_of_a_salesperson(services: Services, world: dict[str, int]) -> None:
    assert week_of(TODAY) == (date(2026, 3, 16), date(2026, 3, 22))
    assert services.brief.week_customers(world["sales"]) == [world["customer"]]
    assert services.brief.week_customers(world["sales"], date(2026, 3, 23)) == [world["later"]]
    assert services.brief.find_salesperson("emilie rousseau") == world["sales"]
    assert services.brief.find_salesperson("rousseau") == world["sales"]
    with pytest.raises(NotFoundError):
        services.brief.find_salesperson("Inconnu")
    assert [s.name for s in services.brief.salespeople()] == ["Émilie Rousseau", "Marc Dubois"]


def test_the_pdfs_are_written(services: Services, world: dict[str, int], tmp_path: Path) -> None:
    one = services.brief.write_pdf(world["customer"], tmp_path / "fiche.pdf")
    assert one.read_bytes().startswith(b"%PDF")
    path, count = services.brief.write_week_pdf(world["sales"], tmp_path / "semaine.pdf")
    assert count == 1 and path.exists()
    _path, none = services.brief.write_week_pdf(
        world["sales"], tmp_path / "vide.pdf", date(2026, 4, 6)
    )
    assert none == 0 and not (tmp_path / "vide.pdf").exists()
