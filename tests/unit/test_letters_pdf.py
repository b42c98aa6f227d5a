"""Reminder letters as PDF: what a customer reads (text extracted with pypdfium2)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pypdfium2 as pdfium

from desktop.documents.letter import LetterData, LetterLine, invoice_text, render_letters
from desktop.documents.letter_layout import Letterhead, Recipient
from desktop.documents.templating import INVOICE_TABLE

AS_OF = date(2026, 3, 16)
COMPANY = Letterhead(
    name="Menuiserie Lefèvre & Fils",
    address_lines=("4, rue des Artisans", "69007 Lyon"),
    identifiers=("SIREN 732 829 320",),
    iban="FR76 3000 4008 2800 0123 4567 890",
    bic="BNPAFRPPXXX",
    city="Lyon",
)
HOSTILE = 'Dupont & Fils <SARL> "L\'Atelier"'


def line(n: int, cents: int = 150_000, late: int | None = 30) -> LetterLine:
    return LetterLine(
        number=f"FA-2026-{n:04d}",
        issued_on=AS_OF - timedelta(days=60),
        due_on=AS_OF - timedelta(days=late or 0),
        total_cents=cents,
        paid_cents=0,
        remaining_cents=cents,
        days_late=late,
    )


def letter(name: str = HOSTILE, lines: int = 2, **changes: object) -> LetterData:
    items = tuple(line(n) for n in range(1, lines + 1))
    base = {
        "company": COMPANY,
        "recipient": Recipient(
            name=name,
            address_lines=("12, rue de l'Église\nBâtiment <B> & C", "42000 Saint-Étienne"),
        ),
        "dated": AS_OF,
        "subject": "Relance : 3 000,00 € à régler",
        "paragraphs": (
            "Bonjour Claire « Léa » O'Neil,",
            "Voici la liste :",
            INVOICE_TABLE,
            "Texte avec & < > \" ' et un saut\nde ligne.",
            "Cordialement,",
        ),
        "lines": items,
        "principal_cents": sum(i.remaining_cents for i in items),
        "signer": "Camille Martin",
    }
    base.update(changes)
    return LetterData(**base)  # type: ignore[arg-type]


def texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [
            pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))
        ]
    finally:
        pdf.close()


def test_user_text_prints_literally(tmp_path: Path) -> None:
    path = tmp_path / "relance.pdf"
    render_letters([letter()], path)
    (page,) = texts(path)
    assert HOSTILE in page
    assert "12, rue de l'Église\nBâtiment <B> & C\n42000 Saint-Étienne" in page
    assert "Texte avec & < > \" ' et un saut\nde ligne." in page
    assert "Bonjour Claire « Léa » O'Neil," in page
    assert "Menuiserie Lefèvre & Fils" in page
    assert "&amp;" not in page and "<br/>" not in page


def test_a_reminder_says_what_the_brief_requires(tmp_path: Path) -> None:
    path = tmp_path / "relance.pdf"
    render_letters([letter(penalty_cents=2_466, indemnity_cents=8_000, indemnity_count=2)], path)
    (page,) = [t.replace("\u202f", " ").replace("\u00a0", " ") for t in texts(path)]
    for expected in (
        "FA-2026-0001",
        "FA-2026-0002",
        "1 500,00 €",
        "Échéance",
        "14/02/2026",
        "30 j",
        "Pénalités de retard",
        "24,66 €",
        "Indemnité forfaitaire (2 × 40 €)",
        "Total à régler",
        "3 104,66 €",
        "IBAN FR76 3000 4008 2800 0123 4567 890",
        "ne pas tenir compte de ce courrier",
        "Lyon, le 16 mars 2026",
        "Objet : Relance",
        "Camille Martin",
    ):
        assert expected in page, expected
    assert "Lettre recommandée" not in page


def test_formal_notice_extras(tmp_path: Path) -> None:
    path = tmp_path / "med.pdf"
    mention = "La présente lettre vaut mise en demeure (art. 1344 et 1344-1 du Code civil)."
    render_letters(
        [letter(formal_notice=True, deadline=AS_OF + timedelta(days=8), mentions=(mention,))],
        path,
    )
    (page,) = texts(path)
    assert "Lettre recommandée avec accusé de réception" in page
    assert "MISE EN DEMEURE" in page
    assert "À régler au plus tard le 24 mars 2026" in page
    assert mention in page


def test_pages_are_numbered_per_letter(tmp_path: Path) -> None:
    path = tmp_path / "lot.pdf"
    pages = render_letters([letter(lines=45), letter("Garage Martin", lines=1)], path)
    found = texts(path)
    assert pages == len(found) == 3
    assert "Page 1/2" in found[0] and "Page 2/2" in found[1] and "Page 1/1" in found[2]
    assert "FA-2026-0045" in found[1] and "FA-2026-0045" not in found[0]
    assert "N° de facture" in found[1]  # the table header repeats on the next page
    assert "Garage Martin" in found[2] and HOSTILE not in found[2]


def test_english_letter_and_plain_text_facts(tmp_path: Path) -> None:
    english = letter(language="en", deadline=AS_OF + timedelta(days=8))
    path = tmp_path / "en.pdf"
    render_letters([english], path)
    (page,) = texts(path)
    assert "Lyon, 16 March 2026" in page and "Total to pay" in page and "€3,000.00" in page
    facts = invoice_text(letter())
    assert "- Facture FA-2026-0001 du 15/01/2026, échéance 14/02/2026" in facts
    assert "(30 jours de retard)" in facts
    assert "IBAN FR76 3000 4008 2800 0123 4567 890 — BIC BNPAFRPPXXX" in facts


def test_an_empty_batch_is_still_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "vide.pdf"
    assert render_letters([], path) == 0
    assert path.read_bytes().startswith(b"%PDF")
