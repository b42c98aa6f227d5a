"""The account statement PDF: what a customer reads in it (text extracted by pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.documents import statement as statement_module
from desktop.documents.statement import (
    IGNORE_IF_PAID,
    Letterhead,
    Recipient,
    StatementData,
    StatementLine,
    french_long_date,
    render_statement,
)
from desktop.domain.enums import DocumentKind

AS_OF = date(2026, 3, 16)
NAME = "Dupont & Fils <SARL>"

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_text(path: Path) -> str:
    """The text of the PDF, no-break and narrow no-break spaces read as plain spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\u00a0", " ")


def pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


def line(
    n: int,
    total: int,
    open_cents: int,
    due: date,
    kind: DocumentKind = DocumentKind.INVOICE,
    label: str = "",
) -> StatementLine:
    late = (AS_OF - due).days if kind.sign > 0 and open_cents > 0 and due < AS_OF else None
    return StatementLine(
        document_id=n,
        number=f"FA-2026-{n:06d}" if kind is DocumentKind.INVOICE else f"AV-2026-{n:06d}",
        kind=kind,
        issued_on=due - timedelta(days=30),
        due_on=due,
        total_cents=total,
        paid_cents=total - open_cents,
        open_cents=open_cents,
        days_late=late,
        label=label,
    )


def data(lines: tuple[StatementLine, ...], **changes: object) -> StatementData:
    base = StatementData(
        company=Letterhead(
            name="Ateliers Durand & Fils",
            legal_form="SAS",
            address_lines=("14 rue des Forges", "ZI de la Plaine", "69800 Saint-Priest"),
            phone="04 78 20 45 60",
            email="contact@ateliers-durand.fr",
            identifiers=("SIREN 814 527 362", "TVA FR02814527362"),
            iban="FR76 3000 4008 2300 0104 8271 559",
            bic="BNPAFRPPXXX",
        ),
        customer=Recipient(
            name=NAME,
            address_lines=("12, rue de l'Église", "42000 Saint-Étienne"),
            account_code="C00012",
            identifier="SIREN 732 829 320",
        ),
        as_of=AS_OF,
        lines=lines,
        total_due_cents=sum(x.open_cents for x in lines),
        total_overdue_cents=sum(x.open_cents for x in lines if x.days_late),
        late_invoices=sum(1 for x in lines if x.days_late),
        indemnity_cents=0,
        penalty_mention="Pénalités de retard : taux BCE + 10 points (soit 12,15 % pour le "
        "1er semestre 2026).",
        indemnity_mention="Indemnité forfaitaire pour frais de recouvrement : 40 € par "
        "facture payée en retard.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


SMALL = (
    line(1, 1_234_56, 1_234_56, AS_OF - timedelta(days=45)),
    line(2, 250_000_00, 100_000_00, AS_OF - timedelta(days=3)),
    line(3, -120_00, -120_00, AS_OF - timedelta(days=10), DocumentKind.CREDIT_NOTE, "Avoir sur FA-2026-000001"),
    line(4, 99_90, 99_90, AS_OF + timedelta(days=20)),
)  # fmt: skip


def test_french_long_dates() -> None:
    assert french_long_date(AS_OF) == "16 mars 2026"
    assert french_long_date(date(2026, 8, 1)) == "1er août 2026"
    assert data(()).title == "Relevé de compte au 16 mars 2026"


def test_a_statement_prints_what_the_customer_must_read(tmp_path: Path) -> None:
    path = render_statement(data(SMALL), tmp_path / "releve.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    # Typed names print literally, markup characters included.
    assert NAME in text
    assert "Ateliers Durand & Fils" in text
    assert "Relevé de compte au 16 mars 2026" in text
    for header in ("N° de pièce", "Date", "Échéance", "Montant TTC", "Réglé", "Reste dû", "Retard"):
        assert header in text
    # French amounts: grouped thousands, decimal comma, euro sign after; credits negative.
    for amount in ("1 234,56 €", "250 000,00 €", "150 000,00 €", "100 000,00 €", "-120,00 €"):
        assert amount in text, amount
    assert "99,90 €" in text
    # Days late on overdue invoices only, dates in French order.
    assert re.search(r"\b45 ?j\b", text) and re.search(r"\b3 ?j\b", text)
    assert "30/01/2026" in text  # due date of the first invoice
    # Totals, bank details, mentions.
    assert "Total restant dû" in text and "101 214,46 €" in text
    assert "dont échu" in text and "101 234,56 €" in text
    assert "IBAN FR76 3000 4008 2300 0104 8271 559" in text and "BIC BNPAFRPPXXX" in text
    assert "taux BCE + 10 points" in text and "40 €" in text
    assert IGNORE_IF_PAID in " ".join(text.split())
    assert "Avoir sur FA-2026-000001" in text
    # One page: no page number.
    assert len([p for p in pages(path) if p.strip()]) == 1
    assert "Page 1/" not in text


def test_a_consumer_statement_has_no_indemnity(tmp_path: Path) -> None:
    consumer = data(
        SMALL,
        indemnity_mention="",
        penalty_mention="En cas de retard de paiement, des intérêts au taux légal pourront "
        "être réclamés après mise en demeure (C. civ. art. 1231-6).",
    )
    text = pdf_text(render_statement(consumer, tmp_path / "particulier.pdf"))
    assert "40 €" not in text and "Indemnité" not in text
    assert "taux légal" in text


def test_eighty_items_run_over_pages_numbered_n_of_total(tmp_path: Path) -> None:
    lines = tuple(line(n, 1_000_00 + n, 1_000_00 + n, AS_OF - timedelta(days=n)) for n in range(80))
    path = render_statement(data(lines), tmp_path / "long.pdf")
    found = [p for p in pages(path) if p.strip()]
    total = len(found)
    assert total >= 2
    for number, page in enumerate(found, start=1):
        assert f"Page {number}/{total}" in page
        assert "N° de pièce" in page  # the table header repeats on every page
    text = "".join(found)
    assert all(f"FA-2026-{n:06d}" in text for n in range(80))
    # The totals and the mentions come once, after the last line.
    assert text.count("Total restant dû") == 1
    assert "Total restant dû" in found[-1]


def test_long_names_and_markup_in_numbers_and_labels_stay_literal(tmp_path: Path) -> None:
    long_name = (
        "Société Coopérative Ouvrière de Production de Menuiserie, Charpente et Agencement "
        "du Val de Loire & Associés <Groupe>"
    )
    odd = replace(SMALL[0], number="FA<1>&2", label="")
    credit = replace(SMALL[2], label="Remise <10 %> & geste")
    statement = data(
        (odd, credit),
        customer=Recipient(
            name=long_name, address_lines=("Rue Neuve 1", "1000 Bruxelles", "BELGIQUE")
        ),
    )
    text = " ".join(pdf_text(render_statement(statement, tmp_path / "odd.pdf")).split())
    assert "FA<1>&2" in text
    assert "Remise <10 %> & geste" in text
    assert "BELGIQUE" in text
    for word in ("Coopérative", "Ouvrière", "Associés", "<Groupe>"):
        assert word in text


def test_an_empty_account_still_prints(tmp_path: Path) -> None:
    text = pdf_text(render_statement(data(()), tmp_path / "vide.pdf"))
    assert "Aucune pièce en attente de règlement." in text
    assert "0,00 €" in text


def test_without_dejavu_the_standard_font_prints_the_same_amounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Helvetica has no narrow no-break space: it must become a no-break space, never a box.
    monkeypatch.setattr(statement_module, "_fonts", lambda: ("Helvetica", "Helvetica-Bold", False))
    path = render_statement(data(SMALL), tmp_path / "helvetica.pdf")
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "\u202f" not in raw
    assert "250\u00a0000,00\u00a0€" in raw or "250 000,00 €" in raw
    assert NAME in raw
