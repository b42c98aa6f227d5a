"""`encaisse report monthly` (issue 7): writes the monthly PDF with the dashboard's
figures, honours --as-of, reads only."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from desktop.cli import main
from desktop.persistence.lock import lock_path
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL>"


def pdf_text(path: Path) -> tuple[str, int]:
    """The PDF's extracted text (spaces made plain) and its page count."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in document)
        return text.replace("\u202f", " ").replace("\u00a0", " "), len(document)
    finally:
        document.close()


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    epi = services.customers.create(customer(EPI))
    add_doc(services, epi, "FA-2025-0412", "2025-12-31", 1_245_000, issued="2025-12-01")
    dupont = services.customers.create(customer(DUPONT))
    add_doc(services, dupont, "FA-2026-0101", "2026-02-14", 150_000)
    add_doc(services, dupont, "FA-2026-0130", "2026-04-15", 80_000, issued="2026-03-10")
    services.blocking.refresh(services.context.clock.today())
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_monthly_report(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.pdf"
    before = ledger.stat().st_mtime_ns
    code, stdout, err = run(
        capsys, "--db", str(ledger), "--today", "2026-03-16", "report", "monthly", "--out", str(out)
    )
    assert code == 0, err
    assert f"Rapport mensuel au 16/03/2026 enregistré : {out}" in stdout
    text, pages = pdf_text(out)
    assert 1 <= pages <= 2
    assert "Rapport mensuel au 16 mars 2026" in text
    # Open 14 750,00 €, of which 13 950,00 € overdue (95 %).
    assert "Encours total : 14 750,00 € · échu : 13 950,00 € (95 %)" in text
    assert "Les dix plus gros retards" in text
    assert EPI in text and DUPONT in text and "12 450,00 €" in text and "1 500,00 €" in text
    assert text.index(EPI) < text.index(DUPONT)  # largest first
    assert "Blocages à décider" in text and "16/03/2026" in text
    assert ledger.stat().st_mtime_ns == before
    assert not lock_path(ledger).exists()


def test_as_of_moves_the_report_date(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fevrier.pdf"
    code, stdout, err = run(
        capsys, "report", "monthly", "--out", str(out), "--as-of", "2026-02-28", "--db", str(ledger)
    )
    assert code == 0, err
    assert "Rapport mensuel au 28/02/2026" in stdout
    text, _pages = pdf_text(out)
    assert "Rapport mensuel au 28 février 2026" in text
    # On 28 February both invoices are already late (Dupont's by 14 days) and the
    # one issued on 10 March does not exist yet: everything open is overdue.
    assert "Encours total : 13 950,00 € · échu : 13 950,00 € (100 %)" in text


def test_an_unwritable_file_is_refused_in_french(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "absent" / "rapport.pdf"
    code, _out, err = run(capsys, "--db", str(ledger), "report", "monthly", "--out", str(out))
    assert code != 0
    assert "n'a pas pu être écrit" in err
