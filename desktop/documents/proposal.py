"""A proposal (devis) with its payment schedule, printed as a PDF, A4 portrait.

Plain data in (`ProposalPdfData`, built by `services.proposals`), ReportLab platypus out;
ReportLab is imported when rendering only.

Layout: letterhead at the top left and the customer's address where a window envelope
shows it (both from `documents.letter_layout`, as letters and statements draw them), the
title with the number, date and validity, the lines, the totals by VAT rate, the payment
schedule (event, planned date, payment term, %, amount incl. VAT), the payment
conditions, the mandatory mentions (late-payment penalties with their rate, the 40 €
indemnity, the early-payment discount terms), the notes and the « Bon pour accord » box
with date and signature; "Page n/N" on proposals of several pages.

Everything users typed goes through `Typeface.escape`: "Dupont & Fils <SARL>" prints as
such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    INK,
    LIGHT_RULE,
    MUTED,
    PANEL_BACKGROUND,
    RULE,
    TOTAL_BACKGROUND,
    Letterhead,
    Recipient,
    Typeface,
    color,
    draw_footer,
    draw_later_header,
    draw_letterhead,
    draw_window_address,
    french_long_date,
    numbered_canvas,
    short_date,
    style_maker,
    window_address_bottom,
)
from desktop.documents.letter_layout import find_fonts as _fonts
from desktop.documents.output import written_atomically
from desktop.domain.enums import PaymentTermsBasis
from desktop.domain.schedule import format_percent, format_quantity

__all__ = [
    "ProposalPdfData",
    "ProposalPdfInstalment",
    "ProposalPdfLine",
    "ProposalPdfVat",
    "render_proposal",
    "terms_phrase",
]


def terms_phrase(days: int, basis: PaymentTermsBasis) -> str:
    """How a payment term reads on a proposal: « à réception », « à 30 jours fin de
    mois », « à 60 jours date de facture », « fin de mois + 45 jours »."""
    if days == 0:
        return "à réception"
    if basis is PaymentTermsBasis.INVOICE_DATE:
        return f"à {days} jours date de facture"
    if basis is PaymentTermsBasis.END_OF_MONTH_AFTER:
        return f"à {days} jours fin de mois"
    return f"fin de mois + {days} jours"


@dataclass(frozen=True)
class ProposalPdfLine:
    description: str
    quantity_milli: int
    unit_price_cents: int  # excl. VAT
    vat_rate_bp: int
    total_cents: int  # excl. VAT


@dataclass(frozen=True)
class ProposalPdfVat:
    rate_bp: int
    base_cents: int
    vat_cents: int


@dataclass(frozen=True)
class ProposalPdfInstalment:
    position: int
    event: str
    planned_on: date
    due_on: date
    terms: str  # « à réception », « à 30 jours fin de mois »…
    percent_bp: int
    amount_cents: int  # incl. VAT
    is_deposit: bool = False


@dataclass(frozen=True)
class ProposalPdfData:
    company: Letterhead
    customer: Recipient
    number: str
    issued_on: date
    valid_until: date | None
    author: str  # who prepared it ("" when unknown)
    lines: tuple[ProposalPdfLine, ...]
    vat: tuple[ProposalPdfVat, ...]
    total_excl_vat_cents: int
    vat_cents: int
    total_cents: int
    schedule: tuple[ProposalPdfInstalment, ...]
    conditions: tuple[str, ...]  # payment conditions, one paragraph each
    mentions: tuple[str, ...]  # penalties, indemnity, discount terms
    notes: str = ""
    signatory: str = ""  # "Claire Martin, gérante": who signs for the company

    @property
    def title(self) -> str:
        return f"Proposition commerciale n° {self.number}"


def render_proposal(data: ProposalPdfData, path: Path) -> Path:
    """Write the proposal of `data` to `path` (A4 PDF) and return the path."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    face = Typeface(*_fonts())
    regular, bold = face.regular, face.bold
    width, height = A4
    margin = 15 * mm
    body_width = width - 2 * margin
    ink = color(INK)
    muted = color(MUTED)
    rule = color(RULE)
    light_rule = color(LIGHT_RULE)
    header_bg = color(HEADER_BACKGROUND)
    total_bg = color(TOTAL_BACKGROUND)
    deposit_bg = color(PANEL_BACKGROUND)

    style = style_maker(regular)

    s_title = style("title", fontName=bold, fontSize=14, leading=18, spaceAfter=2)
    s_small = style("small", fontSize=8, leading=10, textColor=muted)
    s_text = style("text")
    s_paragraph = style("paragraph", spaceAfter=3)
    s_section = style("section", fontName=bold, fontSize=10.5, leading=13, spaceBefore=2)
    s_cell = style("cell", fontSize=8.5, leading=10.5)
    s_cell_right = style("cell_right", fontSize=8.5, leading=10.5, alignment=2)
    s_head = style("head", fontName=bold, fontSize=8.5, leading=10.5)
    s_head_right = style("head_right", fontName=bold, fontSize=8.5, leading=10.5, alignment=2)
    s_mention = style("mention", fontSize=7.5, leading=9.5, textColor=muted)

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    company, customer = data.company, data.customer

    def first_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_letterhead(canvas, face, company)
        draw_window_address(canvas, face, customer)
        draw_footer(canvas, face, company)
        canvas.restoreState()

    def later_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_later_header(canvas, face, company.name, f"{data.title} — {customer.name}")
        draw_footer(canvas, face, company)
        canvas.restoreState()

    first_body_top = max(92 * mm, window_address_bottom(face, customer) + 10 * mm)

    def frame(top: float, ident: str) -> Frame:
        return Frame(
            margin,
            margin,
            body_width,
            height - top - margin,
            id=ident,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=face.printable(f"{data.title} — {customer.name}"),
        author=face.printable(company.name),
        subject="Proposition commerciale",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame(first_body_top, "first")], onPage=first_page),
            PageTemplate(id="later", frames=[frame(20 * mm, "later")], onPage=later_page),
        ]
    )

    def grid(rows: list[list[Any]], widths: list[float], right_from: int) -> Table:
        # splitInRow: a row taller than a page (a long description) goes on over the
        # next page instead of failing the whole document (issue 8).
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 1), (-1, -1), regular),
                    ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                    ("TEXTCOLOR", (0, 1), (-1, -1), ink),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
                    ("BACKGROUND", (0, 0), (-1, 0), header_bg),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, light_rule),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def scaled(millimetres: tuple[float, ...]) -> list[float]:
        widths = [m * mm for m in millimetres]
        factor = body_width / sum(widths)
        return [w * factor for w in widths]

    # --- title -------------------------------------------------------------------------
    story: list[Any] = [NextPageTemplate("later"), para(data.title, s_title)]
    facts = [f"Date : {french_long_date(data.issued_on)}"]
    if data.valid_until is not None:
        facts.append(f"Valable jusqu'au {french_long_date(data.valid_until)}")
    if data.author:
        facts.append(f"Suivie par {data.author}")
    story.append(para(" · ".join(facts), s_small))
    reference = [p for p in (customer.identifier,) if p]
    if customer.account_code:
        reference.insert(0, f"Compte client : {customer.account_code}")
    if reference:
        story.append(para(" · ".join(reference), s_small))
    story.append(Spacer(1, 5 * mm))

    # --- lines ---------------------------------------------------------------------------
    headers = ("Désignation", "Quantité", "Prix unitaire HT", "TVA", "Total HT")
    rows: list[list[Any]] = [
        [para(h, s_head if i == 0 else s_head_right) for i, h in enumerate(headers)]
    ]
    for line in data.lines:
        rows.append(
            [
                para(line.description, s_cell),
                face.printable(format_quantity(line.quantity_milli)),
                face.money(line.unit_price_cents),
                face.printable(format_percent(line.vat_rate_bp)),
                face.money(line.total_cents),
            ]
        )
    story.append(grid(rows, scaled((88, 20, 30, 16, 30)), 1))
    story.append(Spacer(1, 3 * mm))

    total_rows: list[list[str]] = [["Total HT", face.money(data.total_excl_vat_cents)]]
    for vat in data.vat:
        label = f"TVA {format_percent(vat.rate_bp)} sur {face.money(vat.base_cents)}"
        total_rows.append([face.printable(label), face.money(vat.vat_cents)])
    total_rows.append(["Total TTC", face.money(data.total_cents)])
    totals = Table(total_rows, colWidths=[62 * mm, 32 * mm], hAlign="RIGHT")
    totals.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("FONTSIZE", (0, -1), (-1, -1), 10),
                ("TEXTCOLOR", (0, 0), (-1, -1), ink),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
                ("BACKGROUND", (0, -1), (-1, -1), total_bg),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(totals)
    story.append(Spacer(1, 6 * mm))

    # --- schedule ------------------------------------------------------------------------
    schedule_block: list[Any] = [para("Échéancier de paiement", s_section), Spacer(1, 1.5 * mm)]
    headers = ("N°", "Événement", "Date prévue", "Règlement", "%", "Montant TTC")
    rows = [[para(h, s_head_right if i >= 4 else s_head) for i, h in enumerate(headers)]]
    deposit_rows = []
    for item in data.schedule:
        event = item.event + (
            " (acompte)" if item.is_deposit and "acompte" not in item.event.lower() else ""
        )
        if item.due_on != item.planned_on:
            terms = f"{item.terms}, soit le {short_date(item.due_on)}"
        else:
            terms = item.terms
        if item.is_deposit:
            deposit_rows.append(len(rows))
        rows.append(
            [
                str(item.position),
                para(event, s_cell),
                short_date(item.planned_on),
                para(terms, s_cell),
                para(format_percent(item.percent_bp), s_cell_right),
                face.money(item.amount_cents),
            ]
        )
    rows.append(
        [
            "",
            para("Total", s_head),
            "",
            "",
            para("100\u00a0%", s_head_right),
            face.money(data.total_cents),
        ]
    )
    schedule_table = grid(rows, scaled((8, 60, 24, 50, 14, 28)), 5)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, -1), (-1, -1), bold),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
        ("BACKGROUND", (0, -1), (-1, -1), total_bg),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), deposit_bg) for r in deposit_rows]
    schedule_table.setStyle(TableStyle(commands))
    schedule_block.append(schedule_table)
    story.append(KeepTogether(schedule_block))
    story.append(Spacer(1, 5 * mm))

    # --- conditions, mentions, notes -------------------------------------------------------
    conditions: list[Any] = [para("Conditions de paiement", s_section), Spacer(1, 1 * mm)]
    conditions += [para(text, s_paragraph) for text in data.conditions]
    story.append(KeepTogether(conditions))
    story.append(Spacer(1, 3 * mm))
    story += [para(text, s_mention) for text in data.mentions if text]
    if data.notes.strip():
        story.append(Spacer(1, 4 * mm))
        story.append(KeepTogether([para("Remarques", s_section), para(data.notes, s_text)]))
    story.append(Spacer(1, 6 * mm))

    # --- « Bon pour accord » -------------------------------------------------------------
    story.append(CondPageBreak(50 * mm))
    left = [
        para("Pour " + company.name, style("sig_head", fontName=bold)),
        para(data.signatory, s_small) if data.signatory else Spacer(1, 1),
    ]
    right = [
        para("Bon pour accord", style("agree", fontName=bold, fontSize=10.5, leading=13)),
        para(
            "Date, nom et qualité du signataire, signature et cachet, précédés de la "
            "mention manuscrite « Bon pour accord » :",
            s_small,
        ),
        Spacer(1, 4 * mm),
        para("Date : ____ / ____ / ________", s_text),
        Spacer(1, 3 * mm),
        para("Nom et qualité : ______________________________", s_text),
        Spacer(1, 16 * mm),
        para("Signature et cachet", s_small),
    ]
    box = Table(
        [[left, right]],
        colWidths=[body_width * 0.42, body_width * 0.58],
        splitInRow=1,  # a company name taller than a page must not fail the PDF (issue 8)
    )
    box.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (1, 0), (1, 0), 0.8, rule),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(KeepTogether([box]))

    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path
