"""`encaisse letters`: one PDF with one letter per customer, the unprintable listed,
`--mark-done` and `--emails`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from desktop.cli import main
from desktop.domain.enums import DocumentKind
from desktop.persistence.models import Customer, Document
from desktop.services.registry import Services
from tests.db.factories import count_rows, customer


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    """On 16/03/2026: Garage Martin & Fils (9 days late) and Boulangerie Élodie Dupré
    (20 days late) get a letter; Transports Sans-Adresse has no street; Atelier <Dumas>
    & Cie is due on 20/03 (courtesy e-mail)."""
    create = services.customers.create
    martin = create(customer("Garage Martin & Fils"))
    dupre = create(customer("Boulangerie Élodie Dupré", email="compta@dupre.fr"))
    nowhere = create(customer("Transports Sans-Adresse"))
    dumas = create(customer("Atelier <Dumas> & Cie", email="factures@dumas.fr"))
    now = services.context.clock.now()
    rows = [
        (martin, "FA-2026-0001", "2026-03-07", 150_000),
        (dupre, "FA-2026-0002", "2026-02-24", 45_990),
        (nowhere, "FA-2026-0003", "2026-03-07", 10_000),
        (dumas, "FA-2026-0004", "2026-03-20", 10_000),
    ]
    with services.database.transaction() as session:
        for cid, number, due, amount in rows:
            session.add(
                Document(
                    customer_id=cid,
                    kind=DocumentKind.INVOICE.value,
                    number=number,
                    issued_on=date(2026, 1, 2),
                    due_on=date.fromisoformat(due),
                    total_cents=amount,
                    open_cents=amount,
                    created_at=now,
                    updated_at=now,
                )
            )
        session.get(Customer, nowhere).billing_line1 = ""  # type: ignore[union-attr]
    return db_path


def run(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "--today", "2026-03-16", "letters", *options])
    return code, capsys.readouterr().out


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_writes_one_letter_per_customer_and_lists_the_unprintable(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_pdf = tmp_path / "courriers.pdf"
    code, out = run(capsys, ledger, "--out", str(out_pdf))
    assert code == 0
    assert "Courriers du 16/03/2026 : 2 courrier(s), 2 page(s)" in out
    assert "Transports Sans-Adresse — impossible d'imprimer : pas d'adresse postale" in out
    pages = page_texts(out_pdf)
    assert "Boulangerie Élodie Dupré" in pages[0] and "Garage Martin & Fils" in pages[1]
    assert all("Page 1/1" in page for page in pages)
    # Without --mark-done the reminders stay to do: a second run prints them again.
    assert count_rows(ledger, "reminder_actions", "status = 'done'") == 0
    code, out = run(capsys, ledger, "--out", str(out_pdf))
    assert "2 courrier(s)" in out


def test_mark_done_and_emails(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mails"
    code, out = run(
        capsys, ledger, "--out", str(tmp_path / "c.pdf"), "--emails", str(folder), "--mark-done"
    )
    assert code == 0
    assert "E-mails : 1 fichier(s) .eml" in out
    assert "3 relance(s) marquée(s) comme faite(s)." in out
    (eml,) = folder.glob("*.eml")
    assert b"factures@dumas.fr" in eml.read_bytes()
    assert count_rows(ledger, "reminder_actions", "status = 'done'") == 3
    code, out = run(capsys, ledger, "--out", str(tmp_path / "again.pdf"))
    assert "0 courrier(s)" in out
    assert "Transports Sans-Adresse" in out  # still listed: its reminder is still to do


def test_unwritable_output_is_a_clear_error(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--db", str(ledger), "--today", "2026-03-16", "letters", "--out",
         str(tmp_path / "absent" / "c.pdf")]
    )  # fmt: skip
    assert code != 0
    assert "n'a pas pu être écrit" in capsys.readouterr().err
