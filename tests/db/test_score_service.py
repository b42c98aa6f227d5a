"""The solvency score read from a small ledger: settled and open invoices, a dispute,
ratings, a visit report; batches cost a fixed number of queries. Today is 16/03/2026."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.domain.customer import RatingDraft
from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import (
    Assessment,
    CustomerStatus,
    Department,
    DisputeCategory,
    DocumentKind,
    ObservationTopic,
    RatingSource,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.visit import Observation, VisitReportDraft
from desktop.persistence.models import Document
from desktop.services.registry import Services
from desktop.services.score import factor_text, summary_text
from tests.db.factories import SIRENS, customer

TODAY = date(2026, 3, 16)
NAME = "Quincaillerie Lefèvre & Fils <SARL>"


def add_invoice(
    services: Services,
    cid: int,
    number: str,
    due: str,
    amount: int,
    settled: str | None = None,
    issued: str = "2025-09-01",
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=cid,
            kind=DocumentKind.INVOICE.value,
            number=number,
            issued_on=date.fromisoformat(issued),
            due_on=date.fromisoformat(due),
            total_cents=amount,
            open_cents=0 if settled else amount,
            settled_on=date.fromisoformat(settled) if settled else None,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


@pytest.fixture
def ledger(services: Services) -> dict[str, int]:
    cid = services.customers.create(customer(NAME, siren=SIRENS[0]))
    # Settled in the last 12 months: 3 000 € 30 days late, 1 000 € on time -> 22.5 days.
    add_invoice(services, cid, "FA-2025-0700", "2025-10-01", 300_000, settled="2025-10-31")
    add_invoice(services, cid, "FA-2025-0800", "2025-11-15", 100_000, settled="2025-11-10")
    # Settled too long ago: ignored.
    add_invoice(services, cid, "FA-2024-0100", "2024-06-01", 900_000, settled="2024-12-01")
    # Open: 1 500 € overdue, 500 € not yet due -> 75 % overdue.
    late = add_invoice(services, cid, "FA-2026-0042", "2026-02-20", 150_000)
    add_invoice(services, cid, "FA-2026-0101", "2026-04-15", 50_000, issued="2026-03-01")
    services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(late, 45_678),),
            category=DisputeCategory.DAMAGED,
            description="Deux palettes de carrelage arrivées cassées",
            reported_by="Jean-Noël Lefèvre",
            reported_on=date(2026, 3, 2),
            department=Department.LOGISTICS,
        )
    )
    services.customers.add_rating(
        cid, RatingDraft(RatingSource.COFACE, "8", date(2026, 3, 16), "Score DRA consulté")
    )
    services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 3, 10),
            observations=(
                Observation(
                    ObservationTopic.STOCK_AND_SHELVES, Assessment.WORRYING, "Rayons vides"
                ),
                Observation(ObservationTopic.SITE_ACTIVITY, Assessment.REASSURING),
            ),
        )
    )
    quiet = services.customers.create(customer("Boulangerie L'Épi d'Or", siren=SIRENS[1]))
    return {"customer": cid, "quiet": quiet}


def test_the_score_of_a_customer_on_its_ledger(services: Services, ledger: dict[str, int]) -> None:
    result = services.score.for_customer(ledger["customer"], TODAY)
    points = {f.code: f.points for f in result.factors}
    assert points == {
        "payment_delay": -1,  # 10 - 22.5 / 2 = -1.25
        "overdue_share": -15,  # 75 % of 20
        "open_disputes": -5,
        "external_rating": 12,  # (0.8 - 0.5) * 40, rated today
        "visit_observations": -3,  # -6 + 3, six days old
    }
    assert result.score == 70 - 1 - 15 - 5 + 12 - 3 == 58
    assert result.band == "watch"
    delay = result.factors[0]
    assert delay.figures["invoices"] == 2 and delay.figures["average_days_late"] == 22.5
    texts = [factor_text(f).replace("\u202f", " ").replace("\u00a0", " ") for f in result.factors]
    assert texts[0].startswith("Retard moyen de paiement sur 12 mois : 22,5 j (2 facture(s)")
    assert "75 % (1 500,00 € sur 2 000,00 €)" in texts[1]
    assert "Litiges en cours : 1 (456,78 € contestés)" in texts[2]
    assert "Note Coface 8 du 16/03/2026" in texts[3]
    assert "1 observation(s) inquiétante(s), 1 rassurante(s)" in texts[4]
    assert summary_text(result) == "58/100 (à surveiller)"


def test_as_of_in_the_past_sees_the_ledger_as_it_was(
    services: Services, ledger: dict[str, int]
) -> None:
    result = services.score.for_customer(ledger["customer"], date(2026, 1, 15))
    codes = [f.code for f in result.factors]
    # Nothing was open on 15/01 (both open invoices came later or are not due): no
    # overdue share; the dispute, the rating and the visit did not exist yet.
    assert "open_disputes" not in codes
    assert "external_rating" not in codes
    assert "visit_observations" not in codes


def test_unknown_quiet_and_insolvent_customers(services: Services, ledger: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        services.score.for_customer(99_999, TODAY)
    quiet = services.score.for_customer(ledger["quiet"], TODAY)
    assert (quiet.score, quiet.factors) == (70, ())
    detail = services.customers.get(ledger["customer"])
    from dataclasses import replace

    services.customers.update(
        ledger["customer"], replace(detail.draft, status=CustomerStatus.INSOLVENCY)
    )
    insolvent = services.score.for_customer(ledger["customer"], TODAY)
    assert insolvent.score == 0
    assert insolvent.factors[-1].code == "insolvency"


def test_a_batch_costs_a_fixed_number_of_queries(services: Services) -> None:
    ids = []
    for k in range(30):
        cid = services.customers.create(customer(f"Société n° {k} & Associés"))
        add_invoice(services, cid, f"FA-{k:04d}", "2026-01-31", 10_000 + k)
        ids.append(cid)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(services.database.engine, "before_cursor_execute", count)
    try:
        results = services.score.for_customers([*ids, 123_456], TODAY)
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)
    assert set(results) == set(ids)
    assert all(r.score == 50 for r in results.values())  # all overdue: 70 - 20
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 6


def test_rules_are_the_versioned_text(services: Services) -> None:
    assert services.score.rules().startswith("Score de solvabilité — règles version 2026.1")


def test_the_pre_visit_brief_prints_the_score_and_its_top_reasons(
    services: Services, ledger: dict[str, int], tmp_path: Path
) -> None:
    brief = services.brief.brief(ledger["customer"], TODAY)
    assert brief.score == "58/100 (à surveiller)"
    reasons = [r.replace("\u202f", " ").replace("\u00a0", " ") for r in brief.score_reasons]
    assert len(reasons) == 3
    assert reasons[0].startswith("\u221215 : Part échue de l'encours : 75 %")
    assert reasons[1].startswith("+12 : Note Coface 8 du 16/03/2026")
    assert reasons[2].startswith("\u22125 : Litiges en cours : 1")
    out = services.brief.write_pdf(ledger["customer"], tmp_path / "fiche.pdf", TODAY)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Score de solvabilité : 58/100 (à surveiller)" in text
    assert "Part échue de l'encours" in text
