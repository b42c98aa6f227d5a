"""`encaisse claim`: the claim summary of an insolvent customer as a PDF, read only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.enums import DocumentKind, InsolvencyKind
from desktop.persistence.lock import lock_path
from desktop.persistence.models import Document
from desktop.services.company import CompanyProfile
from desktop.services.registry import Services
from tests.cli.test_statement_command import pdf_text, run
from tests.db.factories import SIRENS, customer

NAME = "Dupont & Fils <SARL>"


@pytest.fixture
def insolvent(services: Services, db_path: Path) -> Path:
    services.company.save(
        CompanyProfile(
            legal_name="Fournitures de l'Ouest & Cie",
            legal_form="SAS",
            address_line1="3, quai de la Fosse",
            postal_code="44000",
            city="Nantes",
        )
    )
    cid = services.customers.create(customer(NAME, siren=SIRENS[0], account_code="411DUPONT"))
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for number, kind, issued, due, cents in (
            ("FA-2025-0990", DocumentKind.INVOICE, "2025-12-31", "2026-01-30", 1_500_000),
            ("FA-2026-0120", DocumentKind.INVOICE, "2026-02-27", "2026-03-31", 600_000),
            ("AV-2026-0004", DocumentKind.CREDIT_NOTE, "2026-02-10", "2026-02-10", -50_000),
        ):
            session.add(
                Document(
                    customer_id=cid,
                    kind=kind.value,
                    number=number,
                    issued_on=date.fromisoformat(issued),
                    due_on=date.fromisoformat(due),
                    total_cents=cents,
                    open_cents=cents,
                    created_at=now,
                    updated_at=now,
                )
            )
    services.blocking.record_insolvency(
        cid, InsolvencyKind.RECEIVERSHIP, date(2026, 3, 2), date(2026, 3, 12)
    )
    return db_path


def test_writes_the_claim_pdf(
    insolvent: Path, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "déclaration.pdf"
    before = insolvent.stat().st_mtime_ns
    code, stdout, err = run(
        capsys, "--db", str(insolvent), "--today", "2026-03-16", "claim", "411dupont",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    claim = services.blocking.claim_summary(services.statements.find_customer(SIRENS[0]))
    penalties = claim.penalty_cents
    assert penalties > 0
    total = 1_500_000 + penalties + 4_000 + 600_000 - 50_000
    assert claim.total_cents == total
    total_text = f"{total // 100:,}".replace(",", " ") + f",{total % 100:02d} €"
    assert f"Déclaration de créance enregistrée : {out}" in stdout
    assert total_text in stdout and "date limite : 12/05/2026" in stdout

    text = pdf_text(out)
    assert "Déclaration de créance — récapitulatif" in text
    assert "Fournitures de l'Ouest & Cie" in text
    assert "Mandataire judiciaire / liquidateur (à compléter)" in text
    assert NAME in text and "SIREN 732 829 320" in text
    assert "Redressement judiciaire" in text
    assert "2 mars 2026" in text and "12 mars 2026" in text
    assert "Créances échues au jour du jugement (02/03/2026)" in text
    assert "FA-2025-0990" in text and "15 000,00 €" in text and "40,00 €" in text
    assert "Créances à échoir après le 02/03/2026" in text
    assert "FA-2026-0120" in text and "6 000,00 €" in text
    assert "AV-2026-0004" in text and "-500,00 €" in text
    assert "Montant total déclaré" in text and total_text in text
    assert "avant le 12 mai 2026 (2 mois après la publication au BODACC" in " ".join(text.split())
    # Read only: the data file is neither changed nor locked.
    assert insolvent.stat().st_mtime_ns == before
    assert not lock_path(insolvent).exists()


def test_a_customer_without_proceeding_is_refused(
    services: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.customers.create(customer("Menuiserie Lefèvre", siren=SIRENS[1]))
    out = tmp_path / "rien.pdf"
    code, _, err = run(capsys, "--db", str(db_path), "claim", SIRENS[1], "--out", str(out))
    assert code == 1
    assert "Aucune procédure collective n'est enregistrée" in err
    assert not out.exists()
    code, _, err = run(capsys, "--db", str(db_path), "claim", "999999999", "--out", str(out))
    assert code == 1 and "Client introuvable" in err
