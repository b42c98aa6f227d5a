"""Issue 8: what users type goes into every printed PDF literally.

Every PDF renderer of `desktop/documents` is fed its own input dataclass with one
hostile text in every field a user can type (names, addresses, notes, descriptions,
reasons, numbers imported from the accounting software). Each field gets its own tag
("f07") in front of the text, so a field that breaks or loses its text is found by
name. Expectations come from the renderer itself: the fields that print a plain text
("Dupont et Fils") must print the hostile one too, literally (text extracted with
pypdfium2, whitespace ignored because line wrapping may cut anywhere).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from desktop.documents.aging_pdf import render_aged_balance_pdf
from desktop.documents.dispute_sheet import (
    SheetData,
    SheetDetail,
    SheetEvent,
    SheetLine,
    SheetRow,
    render_dispute_sheet,
)
from desktop.documents.insolvency_claim import ClaimData, ClaimLine, render_claim
from desktop.documents.letter import LetterData, LetterLine, render_letters
from desktop.documents.letter_layout import Letterhead, Recipient, find_fonts
from desktop.documents.monthly_report import ReportData, render_monthly_report
from desktop.documents.proposal import (
    ProposalPdfData,
    ProposalPdfInstalment,
    ProposalPdfLine,
    ProposalPdfVat,
    render_proposal,
)
from desktop.documents.repayment_plan import (
    PlanInvoice,
    PlanLine,
    RepaymentPlanData,
    render_repayment_plan,
)
from desktop.documents.statement import StatementData, StatementLine, render_statement
from desktop.documents.templating import INVOICE_TABLE
from desktop.documents.visit_brief import (
    BriefData,
    BriefDispute,
    BriefItem,
    BriefVisit,
    render_brief,
)
from desktop.domain.aging import AgedBalance, AgedBalanceRow, AgedBy, AgingBuckets
from desktop.domain.enums import (
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    InsolvencyKind,
)

AS_OF = date(2026, 3, 16)
LONG_WORD = ("Dupont&Fils<SARL>" * 300)[:5000]
# A long note typed over weeks: taller than a page in a narrow column.
LONG_TEXT = ("Livraison incomplète, palette abîmée & facture à revoir. " * 90)[:5000]
RTL = "شركة الأمل للتجارة שלום"
EMOJI = "Café 🙂 des Amis"

HOSTILE = {
    "bold": "<b>Dupont & Fils</b>",
    "closing": "</para><para>",
    "font": "<font size=80>",
    "entity": "&amp;",
    "char_ref": "&#x41;",
    "image": '<img src="x"/>',
    "long_word": LONG_WORD,
    "long_text": LONG_TEXT,
    "rtl": RTL,
    "nul": "Dupont\x00Fils",
    "crlf": "Dupont & Fils\r\nSARL",
    "emoji": EMOJI,
}
PLAIN = "Dupont et Fils"


# --- one text per field ----------------------------------------------------------------------


class Fields:
    """Hands out the text of each field, tagged with the field's number."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.given: list[str] = []

    def __call__(self) -> str:
        tag = f"f{len(self.given):02d}"
        self.given.append(tag)
        return f"{tag}{self.text}"


def letterhead(t: Fields) -> Letterhead:
    return Letterhead(
        name=t(),
        legal_form=t(),
        address_lines=(t(), "69007 Lyon"),
        phone=t(),
        email=t(),
        identifiers=("SIREN 732 829 320",),
        iban="FR76 3000 4008 2800 0123 4567 890",
        bic="BNPAFRPPXXX",
        city=t(),
    )


def recipient(t: Fields) -> Recipient:
    return Recipient(
        name=t(),
        address_lines=(t(), t(), "42000 Saint-Étienne"),
        account_code=t(),
        identifier="SIREN 552 100 554",
    )


# --- the renderers, each fed its own input dataclass ----------------------------------------


def aged_balance(t: Fields, path: Path) -> None:
    buckets = AgingBuckets()
    count = buckets.count
    rows = tuple(
        AgedBalanceRow(
            group_id=n,
            code=t(),
            name=t(),
            amounts=(1_000_00,) + (0,) * (count - 1),
            total=1_000_00,
        )
        for n in (1, 2)
    )
    balance = AgedBalance(
        as_of=AS_OF,
        by=AgedBy.CUSTOMER,
        buckets=buckets,
        rows=rows,
        totals=(2_000_00,) + (0,) * (count - 1),
        total=2_000_00,
    )
    render_aged_balance_pdf(balance, path, company_name=t(), printed_on=AS_OF)


def letter(t: Fields, path: Path) -> None:
    lines = tuple(
        LetterLine(
            number=t(),
            issued_on=AS_OF - timedelta(days=60),
            due_on=AS_OF - timedelta(days=30),
            total_cents=1_500_00,
            paid_cents=0,
            remaining_cents=1_500_00,
            days_late=30,
        )
        for _ in range(2)
    )
    data = LetterData(
        company=letterhead(t),
        recipient=recipient(t),
        dated=AS_OF,
        subject=t(),
        paragraphs=(t(), INVOICE_TABLE, t(), "Cordialement,"),
        lines=lines,
        principal_cents=3_000_00,
        penalty_cents=12_34,
        indemnity_cents=80_00,
        indemnity_count=2,
        formal_notice=True,
        deadline=AS_OF + timedelta(days=8),
        mentions=(t(),),
        signer=t(),
    )
    render_letters([data], path, title=t())


def statement(t: Fields, path: Path) -> None:
    lines = (
        StatementLine(
            document_id=1,
            number=t(),
            kind=DocumentKind.INVOICE,
            issued_on=AS_OF - timedelta(days=60),
            due_on=AS_OF - timedelta(days=30),
            total_cents=1_500_00,
            paid_cents=0,
            open_cents=1_500_00,
            days_late=30,
        ),
        StatementLine(
            document_id=2,
            number=t(),
            kind=DocumentKind.CREDIT_NOTE,
            issued_on=AS_OF - timedelta(days=20),
            due_on=AS_OF - timedelta(days=20),
            total_cents=-120_00,
            paid_cents=0,
            open_cents=-120_00,
            days_late=None,
            label=t(),
        ),
    )
    data = StatementData(
        company=letterhead(t),
        customer=recipient(t),
        as_of=AS_OF,
        lines=lines,
        total_due_cents=1_380_00,
        total_overdue_cents=1_380_00,
        late_invoices=1,
        indemnity_cents=40_00,
        penalty_mention=t(),
        indemnity_mention=t(),
        other_mentions=(t(),),
    )
    render_statement(data, path)


def sheet_row(t: Fields) -> SheetRow:
    return SheetRow(
        id=7,
        customer_name=t(),
        invoice_numbers=t(),
        category=DisputeCategory.DAMAGED,
        status=DisputeStatus.RESOLVED,
        department=Department.LOGISTICS,
        owner_name=t(),
        reported_on=AS_OF - timedelta(days=20),
        expected_answer_on=AS_OF - timedelta(days=5),
        disputed_cents=350_00,
        days_open=20,
        answer_overdue=True,
    )


def dispute_sheet(t: Fields, path: Path) -> None:
    detail = SheetDetail(
        row=sheet_row(t),
        description=t(),
        reported_by=t(),
        lines=(
            SheetLine(
                number=t(),
                issued_on=AS_OF - timedelta(days=40),
                due_on=AS_OF - timedelta(days=10),
                total_cents=1_200_00,
                open_cents=1_200_00,
                disputed_cents=350_00,
            ),
        ),
        events=(
            SheetEvent(
                at=datetime(2026, 3, 1, 9, 30),
                author=t(),
                from_status=None,
                to_status=DisputeStatus.OPEN,
                text=t(),
            ),
            SheetEvent(
                at=datetime(2026, 3, 2, 10, 0),
                author=t(),
                from_status=None,
                to_status=None,
                text=t(),
            ),
        ),
        attachments=(t(),),
        resolution=DisputeResolution.CREDIT_NOTE,
        resolution_cents=350_00,
        resolution_note=t(),
        resolved_on=AS_OF,
        approved_by=t(),
        credit_note_number=t(),
        reissued_number=t(),
    )
    data = SheetData(company=letterhead(t), customer=recipient(t), detail=detail, printed_on=AS_OF)
    render_dispute_sheet(data, path)


def insolvency_claim(t: Fields, path: Path) -> None:
    def claim_line(kind: DocumentKind, cents: int) -> ClaimLine:
        return ClaimLine(
            number=t(),
            kind=kind,
            issued_on=AS_OF - timedelta(days=90),
            due_on=AS_OF - timedelta(days=60),
            amount_cents=cents,
            penalty_cents=25_00 if cents > 0 else 0,
            indemnity_cents=40_00 if cents > 0 else 0,
        )

    data = ClaimData(
        company=letterhead(t),
        debtor=recipient(t),
        procedure=InsolvencyKind.RECEIVERSHIP,
        opened_on=AS_OF - timedelta(days=10),
        published_on=AS_OF - timedelta(days=5),
        deadline=AS_OF + timedelta(days=55),
        creditor_abroad=False,
        due=(claim_line(DocumentKind.INVOICE, 2_000_00),),
        not_yet_due=(claim_line(DocumentKind.INVOICE, 500_00),),
        credits=(claim_line(DocumentKind.CREDIT_NOTE, -100_00),),
        printed_on=AS_OF,
    )
    render_claim(data, path)


def monthly_report(t: Fields, path: Path) -> None:
    data = ReportData(
        as_of=AS_OF,
        company_name=t(),
        open_cents=10_000_00,
        overdue_cents=4_000_00,
        aging=(("1-30", 3_000_00), ("31-60", 1_000_00)),
        dso=((date(2026, 1, 31), 52.0), (date(2026, 2, 28), 48.5)),
        disputes=((DisputeCategory.PRICE.value, 2, 500_00),),
        late_payers=((t(), 3_000_00), (t(), 1_000_00)),
        actions=(("letter", 3),),
        proposals=((t(), AS_OF - timedelta(days=2)),),
    )
    render_monthly_report(data, letterhead(t), path, AS_OF)


def proposal(t: Fields, path: Path) -> None:
    data = ProposalPdfData(
        company=letterhead(t),
        customer=recipient(t),
        number=t(),
        issued_on=AS_OF,
        valid_until=AS_OF + timedelta(days=30),
        author=t(),
        lines=(
            ProposalPdfLine(
                description=t(),
                quantity_milli=2_000,
                unit_price_cents=500_00,
                vat_rate_bp=2_000,
                total_cents=1_000_00,
            ),
        ),
        vat=(ProposalPdfVat(rate_bp=2_000, base_cents=1_000_00, vat_cents=200_00),),
        total_excl_vat_cents=1_000_00,
        vat_cents=200_00,
        total_cents=1_200_00,
        schedule=(
            ProposalPdfInstalment(
                position=1,
                event=t(),
                planned_on=AS_OF,
                due_on=AS_OF,
                terms=t(),
                percent_bp=3_000,
                amount_cents=360_00,
                is_deposit=True,
            ),
            ProposalPdfInstalment(
                position=2,
                event=t(),
                planned_on=AS_OF + timedelta(days=30),
                due_on=AS_OF + timedelta(days=60),
                terms=t(),
                percent_bp=7_000,
                amount_cents=840_00,
            ),
        ),
        conditions=(t(),),
        mentions=(t(),),
        notes=t(),
        signatory=t(),
    )
    render_proposal(data, path)


def repayment_plan(t: Fields, path: Path) -> None:
    data = RepaymentPlanData(
        plan_id=12,
        company=letterhead(t),
        customer=recipient(t),
        printed_on=AS_OF,
        invoices=(
            PlanInvoice(
                number=t(),
                issued_on=AS_OF - timedelta(days=90),
                due_on=AS_OF - timedelta(days=60),
                amount_cents=1_200_00,
            ),
        ),
        principal_cents=1_200_00,
        penalties_cents=0,
        total_cents=1_200_00,
        lines=(
            PlanLine(1, AS_OF + timedelta(days=15), 600_00, 600_00),
            PlanLine(2, AS_OF + timedelta(days=45), 600_00, 0),
        ),
        frequency_months=1,
        grace_days=10,
    )
    render_repayment_plan(data, path)


def visit_brief(t: Fields, path: Path) -> None:
    data = BriefData(
        company_name=t(),
        as_of=AS_OF,
        customer_name=t(),
        status="Actif",
        alert=t(),
        alert_level="watch",
        identity=(("Adresse", t()), ("Contact", t())),
        open_cents=2_000_00,
        overdue_cents=1_500_00,
        oldest_days_late=45,
        items=(
            BriefItem(
                number=t(),
                kind_label="Facture",
                issued_on=AS_OF - timedelta(days=75),
                due_on=AS_OF - timedelta(days=45),
                open_cents=1_500_00,
                days_late=45,
                disputed_cents=200_00,
            ),
        ),
        disputes=(
            BriefDispute(
                reported_on=AS_OF - timedelta(days=10),
                category="Prix",
                invoices=t(),
                disputed_cents=200_00,
                status="Ouvert",
                description=t(),
            ),
        ),
        commitments=(t(),),
        last_visit=BriefVisit(
            visit_date=AS_OF - timedelta(days=30),
            author=t(),
            worrying=(t(),),
            reassuring=(t(),),
            notes=t(),
            terms_reminded=True,
            approval_circuit=t(),
        ),
        talking_points=(t(),),
        next_visit_on=AS_OF + timedelta(days=7),
        score="58/100 (à surveiller)",
        score_reasons=(t(),),
    )
    render_brief(data, path)


RENDERERS: dict[str, Callable[[Fields, Path], None]] = {
    "aging_pdf": aged_balance,
    "letter": letter,
    "statement": statement,
    "dispute_sheet": dispute_sheet,
    "insolvency_claim": insolvency_claim,
    "monthly_report": monthly_report,
    "proposal": proposal,
    "repayment_plan": repayment_plan,
    "visit_brief": visit_brief,
}


def _scorecard_renderer() -> Callable[[Fields, Path], None] | None:
    """The salespeople's scorecards, when that document exists in this version."""
    try:
        from desktop.documents.scorecard_pdf import render_scorecards
        from desktop.domain.scorecard import OverdueCustomer, Scorecard
    except ImportError:
        return None

    def scorecards(t: Fields, path: Path) -> None:
        card = Scorecard(
            salesperson_id=3,
            name=t(),
            start=date(2025, 3, 17),
            end=AS_OF,
            customer_count=2,
            open_cents=5_000_00,
            overdue_cents=2_000_00,
            top_overdue=(
                OverdueCustomer(
                    customer_id=1,
                    name=t(),
                    open_cents=3_000_00,
                    overdue_cents=2_000_00,
                    oldest_bucket="31-60",
                ),
            ),
        )
        render_scorecards([card], letterhead(t), path, AS_OF)

    return scorecards


if (_scorecards := _scorecard_renderer()) is not None:
    RENDERERS["scorecard_pdf"] = _scorecards


# --- reading the PDF back -------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    pages: int
    text: str  # every page, whitespace removed

    def has(self, text: str) -> bool:
        return squash(text) in self.text


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def read_pdf(path: Path) -> Printed:
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    return Printed(len(texts), squash("".join(texts)))


def render(name: str, text: str, folder: Path) -> tuple[Fields, Printed]:
    fields = Fields(text)
    path = folder / f"{name}.pdf"
    RENDERERS[name](fields, path)
    assert path.read_bytes().startswith(b"%PDF")
    return fields, read_pdf(path)


@cache
def printed_fields(name: str, folder: Path) -> tuple[str, ...]:
    """The tags of the fields this renderer prints when they hold a plain text."""
    fields, printed = render(name, PLAIN, folder)
    return tuple(tag for tag in fields.given if printed.has(tag + PLAIN))


# --- what the hostile text must look like once printed ---------------------------------------


def _drawable(text: str) -> str:
    """What the reader can see of `text`: control characters are not drawn, and a glyph
    missing from the font (an emoji in DejaVu Sans) prints as nothing to extract."""
    regular, _bold, unicode = find_fonts()
    if unicode:
        from reportlab.pdfbase.pdfmetrics import getFont

        has = getFont(regular).face.charToGlyph.__contains__
        return "".join(c for c in text if ord(c) < 0x20 or has(ord(c)))
    return text


def prints_literally(printed: Printed, tag: str, text: str) -> bool:
    expected = "".join(c if c >= " " else " " for c in text)
    if text is LONG_WORD:
        # No one reads a 5,000-character word: paragraphs cut it after LONGEST_WORD
        # characters, one-line slots where it no longer fits.
        return printed.has(tag + text[:12])
    if text is LONG_TEXT:
        # Paragraphs print it all, over as many pages as needed; one-line slots cut it.
        return printed.has(tag + text[:12])
    return printed.has(tag + _drawable(expected))


@pytest.fixture(scope="module")
def baseline_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plain")


@pytest.mark.parametrize("name", list(RENDERERS))
def test_plain_text_prints_in_every_reachable_field(name: str, baseline_dir: Path) -> None:
    """The baseline the hostile texts are held to: most fields do print."""
    assert len(printed_fields(name, baseline_dir)) >= 3


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("name", list(RENDERERS))
def test_hostile_text_prints_literally(
    name: str, kind: str, tmp_path: Path, baseline_dir: Path
) -> None:
    text = HOSTILE[kind]
    if kind in ("rtl", "emoji") and not find_fonts()[2]:
        pytest.skip("Helvetica, the fallback font, has no glyph beyond Latin-1")
    _fields, printed = render(name, text, tmp_path)
    assert printed.pages >= 1
    expected = printed_fields(name, baseline_dir)
    if text is RTL:
        # ReportLab has no bidi: the letters are drawn in typed order, and the text
        # extractor reorders each line (tags included), giving a word back in either
        # direction. So: every word of it, as many times as there are fields.
        for word in RTL.split():
            seen = printed.text.count(word) + printed.text.count(word[::-1])
            assert seen >= len(expected), f"{name}: {word!r} printed {seen} times"
        return
    missing = [tag for tag in expected if not prints_literally(printed, tag, text)]
    assert not missing, f"{name}: fields {missing} do not print {text[:40]!r} literally"
