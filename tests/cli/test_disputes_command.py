"""`encaisse disputes list|sheet` (issue 5): table and JSON listing with the status
filter, the dispute sheet as a PDF whose text says what the meeting needs, reads only."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.disputes import DisputeDraft, DisputeLine, ResolutionDraft
from desktop.domain.enums import (
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    Profile,
)
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

NAME = "Dupont & Fils <SARL>"


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def log(services: Services, db_path: Path) -> tuple[Path, int, int]:
    """Two disputes: one under analysis with an overdue answer, one resolved."""
    julie = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    cid = services.customers.create(customer(NAME, salesperson_id=julie))
    other = services.customers.create(customer("Boulangerie L'Épi d'Or"))
    fa1 = add_doc(services, cid, "FA-2026-0101", "2026-02-14", 150_000)
    fa2 = add_doc(services, cid, "FA-2026-0102", "2026-02-20", 30_000)
    fa3 = add_doc(services, other, "FA-2026-0201", "2026-02-10", 80_000)
    analysed = services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(fa1, 50_000), DisputeLine(fa2, 12_345)),
            category=DisputeCategory.DAMAGED,
            description="Portes livrées rayées : réserves écrites « à vérifier » & photos.",
            reported_by="Mme Hélène Dupré",
            reported_on=date(2026, 3, 2),
            department=Department.QUALITY,
            owner_id=julie,
            expected_answer_on=date(2026, 3, 10),
        )
    )
    services.disputes.change_status(analysed, DisputeStatus.ANALYSIS, "Photos demandées")
    services.disputes.add_note(analysed, "Le transporteur reconnaît la casse.")
    resolved = services.disputes.open(
        DisputeDraft(
            customer_id=other,
            lines=(DisputeLine(fa3, 20_000),),
            category=DisputeCategory.PRICE,
            description="Remise de 25 % prévue au devis non appliquée.",
            reported_by="M. Martin",
            reported_on=date(2026, 2, 12),
            department=Department.SALES,
        )
    )
    services.disputes.resolve(
        resolved,
        ResolutionDraft(DisputeResolution.CREDIT_NOTE, 20_000, "AV-2026-0007", note="Accordé"),
    )
    return db_path, analysed, resolved


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_as_a_table(log: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    path, analysed, resolved = log
    code, out, _ = run(capsys, "--db", str(path), "--today", "2026-03-16", "disputes", "list")
    assert code == 0
    assert "Litiges : 2 — montant contesté 823,45 €" in out
    lines = out.splitlines()
    first = next(line for line in lines if line.lstrip().startswith(str(analysed) + " "))
    assert NAME in first and "En analyse" in first and "Qualité" in first
    assert "623,45 €" in first and "10/03/2026 en retard" in first
    assert lines.index(first) < next(
        i for i, line in enumerate(lines) if line.lstrip().startswith(str(resolved) + " ")
    )  # newest first


def test_list_as_json_with_a_status_filter(
    log: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, analysed, resolved = log
    base = ("--db", str(path), "--today", "2026-03-16", "disputes", "list", "--format", "json")
    code, out, _ = run(capsys, *base)
    assert code == 0
    everything = json.loads(out)
    assert [item["id"] for item in everything] == [analysed, resolved]
    assert everything[0] == {
        "id": analysed,
        "customer_id": everything[0]["customer_id"],
        "customer": NAME,
        "category": "damaged",
        "status": "analysis",
        "department": "quality",
        "owner": "Julie Fontaine",
        "reported_on": "2026-03-02",
        "expected_answer_on": "2026-03-10",
        "days_open": 14,
        "answer_overdue": True,
        "invoices": "FA-2026-0101, FA-2026-0102",
        "disputed": "623.45",
    }
    assert everything[1]["disputed"] == "200.00" and everything[1]["expected_answer_on"] is None
    _, out, _ = run(capsys, *base, "--status", "resolved")
    assert [item["id"] for item in json.loads(out)] == [resolved]
    _, out, _ = run(capsys, *base, "--status", "active")
    assert [item["id"] for item in json.loads(out)] == [analysed]
    _, out, _ = run(capsys, *base, "--status", "open", "--status", "rejected")
    assert json.loads(out) == []


def test_unknown_status_is_refused(
    log: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = log
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(path), "disputes", "list", "--status", "closed"])
    assert caught.value.code == 2


def test_sheet_pdf_says_what_the_meeting_needs(
    log: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, analysed, resolved = log
    before = path.stat().st_mtime_ns
    out = tmp_path / "fiche.pdf"
    code, stdout, _ = run(
        capsys, "--db", str(path), "--today", "2026-03-16", "disputes", "sheet", str(analysed),
        "--out", str(out),
    )  # fmt: skip
    assert code == 0 and f"Fiche litige enregistrée : {out}" in stdout
    assert path.stat().st_mtime_ns == before  # read only
    text = pdf_text(out)
    for expected in (
        f"Fiche litige n° {analysed}",
        NAME,  # printed as typed, not as markup
        "En analyse",
        "Marchandise abîmée ou non conforme",
        "Qualité",
        "Julie Fontaine",
        "Mme Hélène Dupré",
        "10/03/2026 (dépassée)",
        "réserves écrites « à vérifier » & photos",
        "FA-2026-0101",
        "1 500,00 €",
        "500,00 €",
        "123,45 €",
        "623,45 €",
        "Ouvert → En analyse : Photos demandées",
        "Le transporteur reconnaît la casse.",
        "Camille Test",
        "Décision et suites à donner",
    ):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info  # one page for a meeting

    closed = tmp_path / "fiche-close.pdf"
    assert main(["--db", str(path), "disputes", "sheet", str(resolved), "--out", str(closed)]) == 0
    text = pdf_text(closed)
    assert "Résolution" in text and "Avoir — n° AV-2026-0007 — 200,00 €" in text
    assert "Note : Accordé" in text and "Décision et suites" not in text


def test_sheet_of_an_unknown_dispute(
    log: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = log
    code, _, err = run(
        capsys, "--db", str(path), "disputes", "sheet", "999", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1 and "Litige introuvable : n° 999." in err
    assert not (tmp_path / "x.pdf").exists()
