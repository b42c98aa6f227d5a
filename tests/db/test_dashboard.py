"""The dashboard's figures on a small French ledger, against hand counts (issue 7).
The test clock's today is 16/03/2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import Channel, Department, DisputeCategory, DocumentKind, Profile
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

TODAY = date(2026, 3, 16)
DUPONT = "Dupont & Fils <SARL> — Menuiserie l'Épi d'Or"
EPI = "Boulangerie Pâtisserie L'Épi d'Or"
LEFEVRE = "Menuiserie Lefèvre & Associés"


@dataclass
class Ledger:
    dupont: int
    epi: int
    lefevre: int
    small: list[int]  # small[k - 1] owes k × 100,00 €, 15 days late
    fa_dupont: int
    fa_epi: int
    owner: int


@pytest.fixture
def ledger(services: Services) -> Ledger:
    owner = services.reference.add_user("Hélène Marchand", Profile.OWNER)
    dupont = services.customers.create(customer(DUPONT))
    fa_dupont = add_doc(services, dupont, "FA-2026-0101", "2026-02-14", 150_000)  # 30 d late
    add_doc(services, dupont, "FA-2026-0007", "2026-01-10", 30_000)  # 65 days late
    add_doc(services, dupont, "AV-2026-0003", "2026-02-01", -10_000, DocumentKind.CREDIT_NOTE)
    epi = services.customers.create(customer(EPI))
    fa_epi = add_doc(services, epi, "FA-2025-0412", "2025-12-31", 1_245_000, issued="2025-12-01")
    add_doc(services, epi, "FA-2026-0031", "2026-03-31", 380_000, issued="2026-03-01")
    lefevre = services.customers.create(customer(LEFEVRE))
    add_doc(services, lefevre, "FA-2026-0150", "2026-04-15", 50_000, issued="2026-03-10")
    small = []
    for k in range(1, 12):
        cid = services.customers.create(customer(f"Épicerie fine n°{k} d'Ardèche"))
        add_doc(services, cid, f"FA-2026-{900 + k}", "2026-03-01", k * 10_000)
        small.append(cid)
    return Ledger(dupont, epi, lefevre, small, fa_dupont, fa_epi, owner)


def open_dispute(
    services: Services, ledger: Ledger, doc: int, cid: int, cents: int, category: DisputeCategory
) -> int:
    return services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(doc, cents),),
            category=category,
            description="Réserves écrites sur le bon de livraison du transporteur.",
            reported_by="Mme Hélène Dupré",
            reported_on=date(2026, 3, 2),
            department=Department.QUALITY,
            owner_id=ledger.owner,
            expected_answer_on=date(2026, 3, 20),
        )
    )


def test_overdue_by_age_bucket_and_totals(services: Services, ledger: Ledger) -> None:
    figures = services.dashboard.figures(TODAY)
    assert figures.as_of == TODAY
    # 1–30: 1 500,00 + (1 + … + 11) × 100,00 ; 31–60: the credit note ; 61–90: 300 + 12 450.
    assert [(bar.key, bar.cents) for bar in figures.aging] == [
        ("1-30", 150_000 + 660_000),
        ("31-60", -10_000),
        ("61-90", 30_000 + 1_245_000),
        ("91-120", 0),
        ("120+", 0),
    ]
    assert figures.not_due_cents == 380_000 + 50_000
    assert figures.open_cents == 2_505_000
    assert figures.overdue_cents == 2_075_000
    # The same totals as the Encours page, which the chart opens.
    balance = services.receivables.aged_balance(TODAY)
    assert figures.open_cents == balance.total and figures.overdue_cents == balance.overdue


def test_the_ten_largest_late_payers(services: Services, ledger: Ledger) -> None:
    payers = services.dashboard.figures(TODAY).late_payers
    assert len(payers) == 10
    assert (payers[0].customer_id, payers[0].name, payers[0].overdue_cents) == (
        ledger.epi,
        EPI,
        1_245_000,
    )
    assert payers[0].total_cents == 1_245_000 + 380_000
    # Dupont's credit note lowers what it owes late: 1 500 + 300 − 100.
    assert (payers[1].customer_id, payers[1].overdue_cents) == (ledger.dupont, 170_000)
    # Then the small ones from 1 100,00 € down to 400,00 €; 300, 200, 100 are cut, and
    # Lefèvre, with nothing due yet, is not a late payer.
    assert [p.overdue_cents for p in payers[2:]] == [k * 10_000 for k in range(11, 3, -1)]
    assert [p.customer_id for p in payers[2:]] == [ledger.small[k - 1] for k in range(11, 3, -1)]
    assert ledger.lefevre not in {p.customer_id for p in payers}


def test_dso_trend_over_twelve_months(services: Services, ledger: Ledger) -> None:
    dso = services.dashboard.figures(TODAY).dso
    assert len(dso) == 12
    assert dso[-1].month_end == TODAY
    assert dso[0].month_end == date(2025, 4, 30)
    assert dso[-1].receivables_cents == 2_505_000
    assert list(dso) == services.receivables.dso_trend(TODAY, method="accounting", months=12)


def test_open_disputes_by_category(services: Services, ledger: Ledger) -> None:
    figures = services.dashboard.figures(TODAY)
    assert figures.disputes == () and figures.open_dispute_count == 0

    open_dispute(services, ledger, ledger.fa_dupont, ledger.dupont, 50_000, DisputeCategory.DAMAGED)
    open_dispute(services, ledger, ledger.fa_epi, ledger.epi, 20_000, DisputeCategory.PRICE)
    open_dispute(services, ledger, ledger.fa_epi, ledger.epi, 15_000, DisputeCategory.PRICE)
    figures = services.dashboard.figures(TODAY)
    assert [(d.key, d.count, d.disputed_cents) for d in figures.disputes] == [
        ("damaged", 1, 50_000),
        ("price", 2, 35_000),
    ]
    assert figures.open_dispute_count == 3
    assert figures.disputed_cents == 85_000


def test_actions_by_channel_follow_the_days_list(services: Services, ledger: Ledger) -> None:
    figures = services.dashboard.figures(TODAY)
    # Reads only: nothing is due before the day's reminders are computed.
    assert [a.channel for a in figures.actions] == list(Channel)
    assert figures.action_count == 0

    services.reminders.refresh(TODAY)
    due = services.reminders.due(TODAY)
    figures = services.dashboard.figures(TODAY)
    # Every late customer gets one action: Épi d'Or, Dupont and the eleven small ones.
    assert figures.action_count == len(due) == 13
    for action in figures.actions:
        rows = [r for r in due if r.channel is action.channel]
        assert action.count == len(rows), action.channel
        assert action.total_cents == sum(r.total_cents for r in rows)
    assert sum(a.total_cents for a in figures.actions) == sum(r.total_cents for r in due)


def test_blocking_proposals_waiting(services: Services, ledger: Ledger) -> None:
    assert services.dashboard.figures(TODAY).proposals == ()
    services.blocking.refresh(TODAY)
    proposals = services.dashboard.figures(TODAY).proposals
    # More than 60 days late: Épi d'Or (75 days) and Dupont (65 days on FA-2026-0007).
    assert {(p.customer_id, p.customer_name) for p in proposals} == {
        (ledger.epi, EPI),
        (ledger.dupont, DUPONT),
    }
    assert all(p.proposed_on == TODAY for p in proposals)


def test_an_empty_file_has_empty_figures(services: Services) -> None:
    figures = services.dashboard.figures(TODAY)
    assert figures.open_cents == 0 and figures.overdue_cents == 0
    assert [bar.cents for bar in figures.aging] == [0, 0, 0, 0, 0]
    assert figures.late_payers == () and figures.proposals == ()
    assert len(figures.dso) == 12
    assert all(not point.receivables_cents and not point.days for point in figures.dso)
