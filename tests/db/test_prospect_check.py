"""The doubtful-prospect check against a real file: customers, doubtful list, insolvency."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import insert, select

from desktop.domain.customer import Address
from desktop.domain.enums import CustomerStatus, DoubtfulSource, InsolvencyKind
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.domain.text import fold, search_key
from desktop.persistence.models import AuditEntry, Customer, DoubtfulCompany
from desktop.services.prospect_check import CANDIDATE_LIMIT, Verdict
from desktop.services.registry import Services
from tests.db.factories import SIRENS, SIRET_OF, customer


def _entries(services: Services, entity: str) -> list[tuple[int, str, str]]:
    """(entity id, actor, changes as JSON) of each audit row about `entity`."""
    with services.database.read() as session:
        return [
            tuple(r)
            for r in session.execute(
                select(AuditEntry.entity_id, AuditEntry.actor, AuditEntry.changes_json).where(
                    AuditEntry.entity == entity
                )
            )
        ]


def test_unknown_company_gives_nothing_known(services: Services) -> None:
    services.customers.create(customer("Menuiserie Lefèvre-Guérin SAS"))
    result = services.check.check("Garage Rousseau")
    assert result.verdict == Verdict.NOTHING_KNOWN
    assert result.customers == () and result.doubtful == ()


def test_known_customer_found_despite_typo_accents_and_legal_form(services: Services) -> None:
    cid = services.customers.create(
        customer("Ets Dupont & Fils SARL", siren=SIRENS[1], status=CustomerStatus.ACTIVE)
    )
    result = services.check.check("dupond sas")
    assert result.verdict == Verdict.KNOWN_CUSTOMER
    assert not result.approximate
    [found] = result.customers
    assert (found.id, found.name, found.status) == (
        cid,
        "Ets Dupont & Fils SARL",
        CustomerStatus.ACTIVE,
    )
    assert (found.siren, found.city) == (SIRENS[1], "Saint-Étienne")


def test_siren_and_siret_find_the_customer(services: Services) -> None:
    siren = SIRENS[0]
    cid = services.customers.create(customer(siren=siren, siret=SIRET_OF[siren]))
    assert [c.id for c in services.check.check("732 829 320").customers] == [cid]
    # A SIRET typed in full finds the company by the SIREN inside it.
    assert [c.id for c in services.check.check("732 829 320 00074").customers] == [cid]
    assert services.check.check("443 061 841").verdict == Verdict.NOTHING_KNOWN


def test_doubtful_entry_by_hand_is_found_by_name_and_siren(services: Services) -> None:
    entry_id = services.check.add_doubtful(
        "Charcuterie Mercier & Fils SARL",
        SIRENS[3],
        "8, place du Marché",
        "69002",
        "Lyon",
        "Chèque revenu impayé, commande suivante jamais réglée",
        DoubtfulSource.FIELD_REPORT,
        "Rapporté par Lucas au salon de Lyon",
    )
    by_name = services.check.check("charcuterie mercié")
    assert by_name.verdict == Verdict.DOUBTFUL
    [entry] = by_name.doubtful
    assert entry.id == entry_id
    assert entry.reason == "Chèque revenu impayé, commande suivante jamais réglée"
    assert entry.source == DoubtfulSource.FIELD_REPORT
    assert entry.reported_on == date(2026, 3, 16)
    assert services.check.check(SIRENS[3]).verdict == Verdict.DOUBTFUL
    assert services.check.check("69002 Lyon").verdict == Verdict.DOUBTFUL
    assert services.check.check("8 place du Marche").verdict == Verdict.DOUBTFUL
    [(audited_id, actor, changes)] = _entries(services, "doubtful_company")
    assert (audited_id, actor) == (entry_id, "Camille Test")
    assert json.loads(changes)["source"] == ["None", "field_report"]


def test_add_doubtful_checks_what_is_typed(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.check.add_doubtful(" ", "732829321", reason="")
    assert caught.value.codes() == {
        "name": ErrorCode.REQUIRED,
        "reason": ErrorCode.REQUIRED,
        "siren": ErrorCode.INVALID_SIREN,
    }
    assert _entries(services, "doubtful_company") == []


def test_doubtful_from_customer_is_linked_and_audited(services: Services) -> None:
    cid = services.customers.create(customer("Boulangerie L'Épi d'Or", siren=SIRENS[2]))
    services.check.add_doubtful_from_customer(
        cid, "Factures impayées depuis plus de 90 jours", DoubtfulSource.UNPAID_INVOICES
    )
    result = services.check.check("Boulangerie l'epi d'or")
    assert result.verdict == Verdict.DOUBTFUL
    assert [c.id for c in result.customers] == [cid]
    [entry] = result.doubtful
    assert (entry.customer_id, entry.siren, entry.city) == (cid, SIRENS[2], "Saint-Étienne")
    assert entry.address == "12, rue de l'Église"
    with pytest.raises(NotFoundError):
        services.check.add_doubtful_from_customer(9999, "x", DoubtfulSource.OTHER)


def test_entry_linked_to_a_customer_is_found_through_the_customer(services: Services) -> None:
    # Entered under a former trade name: the customer's new name still brings it up.
    cid = services.customers.create(customer("Transports Chevalier SASU", siren=SIRENS[4]))
    with services.database.transaction() as session:
        session.execute(
            insert(DoubtfulCompany).values(
                customer_id=cid,
                name="TCR Logistique",
                siren=SIRENS[4],
                reason="Cotation Banque de France 8",
                source=DoubtfulSource.RATING.value,
                reported_on=date(2025, 11, 3),
                search_text=search_key("TCR Logistique", SIRENS[4]),
                created_at=datetime(2025, 11, 3),
                updated_at=datetime(2025, 11, 3),
            )
        )
    result = services.check.check("Transports Chevalier")
    assert result.verdict == Verdict.DOUBTFUL
    assert [d.name for d in result.doubtful] == ["TCR Logistique"]


def test_published_insolvency_is_red(services: Services) -> None:
    services.customers.create(
        customer(
            "Pharmacie Guérin",
            status=CustomerStatus.INSOLVENCY,
            insolvency_kind=InsolvencyKind.RECEIVERSHIP,
            insolvency_opened_on=date(2026, 1, 12),
            bodacc_published_on=date(2026, 1, 20),
        )
    )
    result = services.check.check("pharmacie guerin")
    assert result.verdict == Verdict.INSOLVENCY
    [insolvent] = result.insolvencies
    assert insolvent.bodacc_published_on == date(2026, 1, 20)
    assert insolvent.insolvency_kind == "redressement"


def test_close_match_decides_over_partial_ones(services: Services) -> None:
    services.customers.create(customer("Garage Moreau"))
    services.check.add_doubtful(
        "Garage Moreau Poids Lourds", reason="Liquidation en 2024", source=DoubtfulSource.OTHER
    )
    exact = services.check.check("Garage Moreau ")
    assert exact.verdict == Verdict.KNOWN_CUSTOMER
    assert [d.name for d in exact.doubtful] == ["Garage Moreau Poids Lourds"]  # still listed
    partial = services.check.check("Moreau Poids")
    assert partial.verdict == Verdict.DOUBTFUL and partial.approximate


def test_priority_prospects(services: Services) -> None:
    prospect = services.customers.create(
        customer("Fromagerie Blanc", status=CustomerStatus.PROSPECT, siren=SIRENS[5])
    )
    services.customers.create(customer("Librairie Faure", status=CustomerStatus.PROSPECT))
    services.check.set_priority(prospect, True)
    services.check.set_priority(prospect, True)  # no second audit row
    assert [(p.id, p.name) for p in services.check.priority_prospects()] == [
        (prospect, "Fromagerie Blanc")
    ]
    changes = [e for e in _entries(services, "customer") if "priority_prospect" in e[2]]
    assert len(changes) == 1
    services.check.set_priority(prospect, False)
    assert services.check.priority_prospects() == []
    with pytest.raises(NotFoundError):
        services.check.set_priority(424242, True)


TRADES = ["Boulangerie", "Boucherie", "Garage", "Plomberie", "Menuiserie", "Pharmacie"]
FAMILIES = ["Dupont", "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Mercier"]


def test_large_file_answers_through_a_bounded_candidate_set(services: Services) -> None:
    now = datetime(2026, 3, 1)
    rows = []
    for i in range(5_000):
        name = f"{TRADES[i % 6]} {FAMILIES[i % 8]} {i:04d} SARL"
        rows.append(
            {
                "status": CustomerStatus.ACTIVE.value,
                "legal_name": name,
                "billing_city": "Lyon",
                "billing_postal_code": "69003",
                "search_text": search_key(name, "69003", "Lyon"),
                "sort_name": fold(name),
                "created_at": now,
                "updated_at": now,
            }
        )
    with services.database.transaction() as session:
        session.execute(insert(Customer), rows)
    target = services.customers.create(
        replace(
            customer("Quincaillerie Rousseau-Lefèvre"),
            billing_address=Address("3 quai Saint-Vincent", "", "69001", "Lyon"),
        )
    )
    found = services.check.check("Quincaillerie Rousseau Lefevre")
    assert [c.id for c in found.customers] == [target]
    assert found.candidates_examined <= 5
    # A very common word: the pre-filter stops at its limit, and the answer is still given.
    common = services.check.check("Garage Dupond")
    assert common.candidates_examined <= 2 * CANDIDATE_LIMIT
    assert common.customers and all("Garage Dupont" in c.name for c in common.customers[:5])
    # Same with an address: 5,000 customers in Lyon 69003, only one in 69001.
    assert [c.id for c in services.check.check("69001 Lyon").customers] == [target]
    assert services.check.check("69003 Lyon").candidates_examined <= CANDIDATE_LIMIT
