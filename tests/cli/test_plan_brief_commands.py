"""`encaisse plan pdf` and `encaisse brief`: the repayment plan for signature and the
pre-visit brief (one customer, or a salesperson's week) as PDFs, read only; the text a
customer or a salesperson reads is extracted from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.enums import Profile
from desktop.domain.visit import VisitReportDraft
from desktop.persistence.lock import lock_path
from desktop.services.company import CompanyProfile
from desktop.services.registry import Services
from desktop.services.repayment import PlanDraft, PlanItem
from tests.cli.test_statement_command import pdf_text, run
from tests.db.factories import SIRENS, customer
from tests.db.test_repayment_service import add_doc

NAME = "Dupont & Fils <SARL>"


@pytest.fixture
def file_with_plan(services: Services, db_path: Path) -> tuple[Path, int]:
    services.company.save(
        CompanyProfile(
            legal_name="Fournitures de l'Ouest & Cie",
            legal_form="SAS",
            address_line1="3, quai de la Fosse",
            postal_code="44000",
            city="Nantes",
            iban="FR7630006000011234567890189",
        )
    )
    sales = services.reference.add_user("Émilie Rousseau", Profile.SALESPERSON)
    cid = services.customers.create(
        customer(NAME, siren=SIRENS[0], account_code="411DUPONT", salesperson_id=sales)
    )
    a = add_doc(services, cid, "FA-2025-0990", "2026-01-30", 1_500_000)
    b = add_doc(services, cid, "FA-2026-0042", "2026-02-20", 345_678)
    plan = services.repayment.create(
        PlanDraft(cid, (PlanItem(a), PlanItem(b)), 6, date(2026, 3, 31), includes_penalties=True)
    )
    services.visits.create(
        VisitReportDraft(cid, date(2026, 2, 12), sales, next_visit_on=date(2026, 3, 18))
    )
    return db_path, plan


def test_plan_pdf_prints_the_acknowledgement_schedule_and_clauses(
    file_with_plan: tuple[Path, int],
    services: Services,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, plan_id = file_with_plan
    out = tmp_path / "plan d'apurement.pdf"
    before = db.stat().st_mtime_ns
    code, stdout, err = run(
        capsys, "--db", str(db), "--today", "2026-03-16", "plan", "pdf", str(plan_id),
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    plan = services.repayment.get(plan_id).plan
    assert f"Plan d'apurement enregistré : {out}" in stdout and "en 6 échéances" in stdout
    assert db.stat().st_mtime_ns == before and not lock_path(db).exists()

    text = pdf_text(out)
    flat = " ".join(text.split())  # sentences wrap across lines
    assert "Plan d'apurement et reconnaissance de dette" in text
    assert "Fournitures de l'Ouest & Cie" in text and NAME in text
    assert "Le débiteur reconnaît devoir" in text
    assert "FA-2025-0990" in text and "FA-2026-0042" in text
    assert "Pénalités de retard et indemnités forfaitaires" in text
    total = plan.total_cents
    total_text = f"{total // 100:,}".replace(",", " ") + f",{total % 100:02d} €"
    assert total_text in text
    for day in ("31/03/2026", "30/04/2026", "31/08/2026"):
        assert day in text
    assert "Reste dû après paiement" in text
    assert "0,00 €" in text  # the balance after the last instalment
    assert "Déchéance du terme" in text and "devient immédiatement exigible" in flat
    assert "Lu et approuvé, bon pour reconnaissance de dette" in flat
    assert "Pour le créancier" in text and "Pour le débiteur" in text
    assert "FR76 3000 6000 0112 3456 7890 189" in text


def test_plan_pdf_refuses_an_unknown_plan(
    file_with_plan: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _plan = file_with_plan
    code, _out, err = run(
        capsys, "--db", str(db), "plan", "pdf", "99", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1 and "Plan d'apurement introuvable : n° 99." in err
    assert not (tmp_path / "x.pdf").exists()


def test_brief_of_one_customer(
    file_with_plan: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _plan = file_with_plan
    out = tmp_path / "fiche.pdf"
    code, stdout, err = run(
        capsys, "--db", str(db), "--today", "2026-03-16", "brief", "411DUPONT", "--out", str(out)
    )
    assert code == 0, err
    assert f"Fiche de visite enregistrée : {out} ({NAME})" in stdout
    text = pdf_text(out)
    assert f"Fiche de visite — {NAME}" in text
    assert "préparée le 16 mars 2026" in text and "prochaine visite le 18/03/2026" in text
    assert "Encours : 18 456,78 €" in text and "dont échu : 18 456,78 €" in text
    assert "Points à aborder" in text
    assert "Rappeler les conditions de paiement convenues : 30 jours date de facture." in text
    # All of it overdue: 70 - 20 (issue 7, solvency score).
    assert "Score de solvabilité : 50/100 (à surveiller)" in text


def test_brief_of_a_salespersons_week(
    file_with_plan: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _plan = file_with_plan
    out = tmp_path / "semaine.pdf"
    code, stdout, err = run(
        capsys, "--db", str(db), "--today", "2026-03-16", "brief", "--salesperson",
        "émilie", "--week", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "Fiches de visite enregistrées" in stdout and "(1 client(s))" in stdout
    assert NAME in pdf_text(out)

    code, stdout, _err = run(
        capsys, "--db", str(db), "--today", "2026-03-23", "brief", "--salesperson",
        "Émilie Rousseau", "--week", "--out", str(tmp_path / "vide.pdf"),
    )  # fmt: skip
    assert code == 0 and "Aucune visite prévue la semaine du 23/03/2026" in stdout
    assert not (tmp_path / "vide.pdf").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("brief", "--week"), "Indiquez --salesperson NOM avec --week."),
        (("brief", "411DUPONT", "--salesperson", "x", "--week"), "soit un client"),
        (("brief", "--salesperson", "Personne", "--week"), "Commercial introuvable"),
        (("brief", "999999999"), "Client introuvable"),
    ],
)
def test_brief_refuses_bad_arguments(
    file_with_plan: tuple[Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    message: str,
) -> None:
    db, _plan = file_with_plan
    code, _out, err = run(capsys, "--db", str(db), *argv, "--out", str(tmp_path / "f.pdf"))
    assert code != 0 and message in err
    assert not (tmp_path / "f.pdf").exists()
