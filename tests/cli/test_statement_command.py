"""`encaisse statement`: writes the PDF, finds customers by any key, refuses unknown ones,
reads only."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import DocumentKind
from desktop.persistence.lock import lock_path
from desktop.persistence.models import Document
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer

NAME = "Dupont & Fils <SARL>"


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    cid = services.customers.create(customer(NAME, siren=SIRENS[0], account_code="411DUPONT"))
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for number, kind, issued, due, total, open_cents in (
            ("FA-2026-0001", DocumentKind.INVOICE, "2026-01-05", "2026-02-04", 1_234_56, 1_234_56),
            ("FA-2026-0002", DocumentKind.INVOICE, "2026-03-01", "2026-03-31", 500_00, 500_00),
            ("AV-2026-0001", DocumentKind.CREDIT_NOTE, "2026-02-10", "2026-02-10", -34_56, -34_56),
        ):
            session.add(
                Document(
                    customer_id=cid,
                    kind=kind.value,
                    number=number,
                    issued_on=date.fromisoformat(issued),
                    due_on=date.fromisoformat(due),
                    total_cents=total,
                    open_cents=open_cents,
                    created_at=now,
                    updated_at=now,
                )
            )
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_statement_pdf(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "releve.pdf"
    before = ledger.stat().st_mtime_ns
    code, stdout, err = run(
        capsys,
        "--db",
        str(ledger),
        "--today",
        "2026-03-16",
        "statement",
        SIRENS[0],
        "--out",
        str(out),
    )
    assert code == 0, err
    assert f"Relevé de compte enregistré : {out}" in stdout
    assert "3 pièce(s)" in stdout and "1 700,00 €" in stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    assert NAME in text
    assert "Relevé de compte au 16 mars 2026" in text
    assert "1 234,56 €" in text and "-34,56 €" in text and "1 700,00 €" in text
    assert "40 j" in text  # due 4 February, 40 days late on 16 March
    # Read only: the data file is neither changed nor locked.
    assert ledger.stat().st_mtime_ns == before
    assert not lock_path(ledger).exists()


def test_account_code_and_as_of(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "avril.pdf"
    code, _, err = run(
        capsys,
        "statement",
        "411dupont",
        "--out",
        str(out),
        "--as-of",
        "2026-04-30",
        "--db",
        str(ledger),
    )
    assert code == 0, err
    text = pdf_text(out)
    assert "Relevé de compte au 30 avril 2026" in text
    assert "85 j" in text and "30 j" in text


def test_an_unknown_customer_is_refused_in_french(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rien.pdf"
    code, _, err = run(capsys, "--db", str(ledger), "statement", "123456789", "--out", str(out))
    assert code == 1
    assert "Client introuvable" in err and "123456789" in err
    assert not out.exists()


def test_a_missing_file_or_a_bad_date_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent.sqlite"
    code, _, err = run(
        capsys, "--db", str(missing), "statement", "1", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1 and err
    assert not missing.exists()
    with pytest.raises(SystemExit):
        main(["--db", str(missing), "statement", "1", "--out", "x.pdf", "--as-of", "16/03/2026"])
    assert "AAAA-MM-JJ" in capsys.readouterr().err


def test_a_demo_customer_in_trouble(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "--today", "2026-03-16", "demo", "--customers", "40"]) == 0
    with contextlib.closing(sqlite3.connect(path)) as connection:
        code, name, overdue = connection.execute(
            "SELECT c.account_code, c.legal_name, count(*) FROM customers c "
            "JOIN documents d ON d.customer_id = c.id "
            "WHERE d.open_cents > 0 AND d.due_on < '2026-03-16' "
            "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1"
        ).fetchone()
    assert overdue >= 2
    out = tmp_path / "demo.pdf"
    status, _, err = run(
        capsys, "--db", str(path), "--today", "2026-03-16", "statement", code, "--out", str(out)
    )
    assert status == 0, err
    text = " ".join(pdf_text(out).split())
    assert " ".join(name.split()) in text
    assert "Règlement par virement : IBAN FR76" in text
