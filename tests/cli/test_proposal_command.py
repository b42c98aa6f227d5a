"""`encaisse proposal pdf`: writes the PDF by number or id, refuses unknown ones, reads only."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.schedule import LineDraft
from desktop.services.proposals import ProposalDraft
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer

NAME = "Quincaillerie Dupont & Fils <SARL>"


@pytest.fixture
def proposal_file(services: Services, db_path: Path) -> Path:
    cid = services.customers.create(customer(NAME, siren=SIRENS[0]))
    template = next(t for t in services.proposals.templates() if t.name == "45 jours fin de mois")
    today = date(2026, 3, 16)
    services.proposals.create(
        ProposalDraft(
            customer_id=cid,
            issued_on=today,
            lines=(LineDraft("Armoire à outils à rideau, 12 tiroirs", 3000, 121_000, 2000),),
            schedule=services.proposals.schedule_from_template(template.id, today),
            valid_until=today + timedelta(days=30),
            template_name=template.name,
        )
    )
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_proposal_pdf(
    proposal_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "devis.pdf"
    before = proposal_file.stat().st_mtime_ns
    code, stdout, err = run(
        capsys, "--db", str(proposal_file), "proposal", "pdf", "dev-2026-0001", "--out", str(out)
    )
    assert code == 0, err
    assert "DEV-2026-0001" in stdout and "4 356,00 € TTC" in stdout and "1 échéance(s)" in stdout
    assert out.read_bytes().startswith(b"%PDF")
    assert proposal_file.stat().st_mtime_ns == before  # read only
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "à 45 jours fin de mois" in text.replace("\u00a0", " ")
    code, _out, err = run(
        capsys,
        "--db",
        str(proposal_file),
        "proposal",
        "pdf",
        "1",
        "--out",
        str(tmp_path / "by-id.pdf"),
    )
    assert code == 0, err


def test_unknown_proposal_or_file(
    proposal_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        "--db",
        str(proposal_file),
        "proposal",
        "pdf",
        "DEV-2025-0042",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1
    assert "Proposition introuvable : 'DEV-2025-0042'" in err
    assert not (tmp_path / "x.pdf").exists()
    code, _out, err = run(
        capsys,
        "--db",
        str(tmp_path / "absent.sqlite"),
        "proposal",
        "pdf",
        "1",
        "--out",
        str(tmp_path / "y.pdf"),
    )
    assert code == 1 and err
