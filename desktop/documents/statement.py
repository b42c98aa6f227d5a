"""The customer account statement (relevé de compte) printed as a PDF, A4 portrait.

Plain data in (`StatementData`, built by `services.statements`), ReportLab platypus out;
ReportLab is imported when rendering only, so the data classes stay cheap to import.

Layout: letterhead at the top left, the customer's address on the right where a French
window envelope (DL, window 45 mm from the top) shows it, the title, the open items
table (its header repeats on every page), the totals, the bank details, the legal
mentions; "Page n/N" at the bottom of multi-page statements.

Everything users typed (names, addresses, document numbers, labels) goes through
`_para()`, which escapes ReportLab's paragraph markup: "Dupont & Fils <SARL>" prints as
such. Amounts are French (`1 234,56 €`): with DejaVu Sans (found on the system or in
resources/fonts) the narrow no-break space of `format_cents` is drawn as is; with the
Helvetica fallback, which has no glyph for it, it becomes a no-break space.

The letterhead, the window address, "Page n/N", fonts and safe text come from
`documents.letter_layout`, shared with the reminder letters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    INK,
    LATE_INK,
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
from desktop.domain.enums import DocumentKind

__all__ = [
    "IGNORE_IF_PAID",
    "Letterhead",
    "Recipient",
    "StatementData",
    "StatementLine",
    "french_long_date",
    "render_statement",
]

IGNORE_IF_PAID = "Si vous avez déjà réglé, merci de ne pas tenir compte de ce relevé."

_KIND_LABELS = {
    DocumentKind.INVOICE: "Facture",
    DocumentKind.CREDIT_NOTE: "Avoir",
    DocumentKind.PAYMENT: "Règlement non affecté",
    DocumentKind.EXPECTED_INSTALMENT: "Échéance à venir",
}
# --- The data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementLine:
    """One open item. Amounts are signed like the ledger: credit notes and payments on
    account are negative."""

    document_id: int
    number: str
    kind: DocumentKind
    issued_on: date
    due_on: date
    total_cents: int  # amount incl. VAT
    paid_cents: int  # already settled (payments, credit notes applied): total − open
    open_cents: int  # what remains
    days_late: int | None  # > 0 when overdue on the statement date, else None
    label: str = ""
    disputed_cents: int = 0  # the part under an open dispute ("montant contesté")


@dataclass(frozen=True)
class StatementData:
    company: Letterhead
    customer: Recipient
    as_of: date
    lines: tuple[StatementLine, ...]  # sorted by due date
    total_due_cents: int  # sum of what remains, credits deducted
    total_overdue_cents: int  # what is past due, credits deducted first (never below 0)
    late_invoices: int  # invoices and instalments overdue on `as_of`
    indemnity_cents: int  # 40 € per late invoice for a business customer; 0 for a consumer
    penalty_mention: str
    indemnity_mention: str  # "" for a consumer: the 40 € indemnity is never due by them
    other_mentions: tuple[str, ...] = field(default_factory=tuple)
    ignore_if_paid: str = IGNORE_IF_PAID
    total_disputed_cents: int = 0  # what open disputes contest, included in the total due

    @property
    def title(self) -> str:
        return f"Relevé de compte au {french_long_date(self.as_of)}"

    @property
    def mentions(self) -> tuple[str, ...]:
        """Every legal mention, in print order."""
        parts = (self.penalty_mention, self.indemnity_mention, *self.other_mentions)
        return (*(p for p in parts if p), self.ignore_if_paid)


# --- Rendering ---------------------------------------------------------------------------------


def render_statement(data: StatementData, path: Path) -> Path:
    """Write the statement of `data` to `path` (A4 PDF) and return the path."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    face = Typeface(*_fonts())  # `_fonts` looked up here so a test can swap the fonts
    regular, bold = face.regular, face.bold
    width, height = A4
    margin = 15 * mm
    body_width = width - 2 * margin
    ink = color(INK)
    muted = color(MUTED)
    rule = color(RULE)
    header_bg = color(HEADER_BACKGROUND)
    late_ink = color(LATE_INK)

    style = style_maker(regular)

    s_small = style("small", fontSize=8, leading=10, textColor=muted)
    s_title = style("title", fontName=bold, fontSize=14, leading=18, spaceAfter=2)
    s_text = style("text")
    s_cell = style("cell", fontSize=8.5, leading=10.5)
    s_cell_note = style("cell_note", fontSize=7, leading=8.5, textColor=muted)
    s_head = style("head", fontName=bold, fontSize=8.5, leading=10.5)
    s_head_right = style("head_right", fontName=bold, fontSize=8.5, leading=10.5, alignment=2)
    s_mention = style("mention", fontSize=7.5, leading=9.5, textColor=muted)
    s_bank = style("bank", fontSize=9, leading=12)
    s_right = style("right", alignment=TA_RIGHT)

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    company, customer = data.company, data.customer

    # --- first page: letterhead and the address in the envelope window -------------------
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

    # The body starts below the address block, however many lines the name takes.
    first_body_top = max(92 * mm, window_address_bottom(face, customer) + 10 * mm)
    frame_first = Frame(
        margin,
        margin,
        body_width,
        height - first_body_top - margin,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame_later = Frame(
        margin,
        margin,
        body_width,
        height - 20 * mm - margin,
        id="later",
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
        subject="Relevé de compte",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame_first], onPage=first_page),
            PageTemplate(id="later", frames=[frame_later], onPage=later_page),
        ]
    )

    # --- the story ---------------------------------------------------------------------------
    story: list[Any] = [NextPageTemplate("later"), para(data.title, s_title)]
    reference = []
    if customer.account_code:
        reference.append(f"Compte client : {customer.account_code}")
    if customer.identifier:
        reference.append(customer.identifier)
    if reference:
        story.append(para(" · ".join(reference), s_small))
    story.append(Spacer(1, 3 * mm))
    story.append(
        para(
            "Bonjour,\nvoici les pièces de votre compte qui restent à régler à cette date.",
            s_text,
        )
    )
    story.append(Spacer(1, 4 * mm))

    headers = ("N° de pièce", "Date", "Échéance", "Montant TTC", "Réglé", "Reste dû", "Retard")
    col_widths = [m * mm for m in (43, 20, 20, 27, 24, 27, 19)]
    scale = body_width / sum(col_widths)
    col_widths = [w * scale for w in col_widths]
    rows: list[list[Any]] = [
        [para(h, s_head if i < 3 else s_head_right) for i, h in enumerate(headers)]
    ]
    late_rows: list[int] = []
    for line in data.lines:
        number = face.escape(line.number)
        note = ""
        if line.kind is not DocumentKind.INVOICE:
            note = line.label or _KIND_LABELS.get(line.kind, "")
        if line.disputed_cents:
            disputed = f"montant contesté : {face.money(line.disputed_cents)}"
            note = f"{note} · {disputed}" if note else disputed
        cell = Paragraph(
            number
            + (f"<br/><font size='7' color='#616E7C'>{face.escape(note)}</font>" if note else ""),
            s_cell,
        )
        late = f"{line.days_late}\u00a0j" if line.days_late else ""
        if line.days_late:
            late_rows.append(len(rows))
        rows.append(
            [
                cell,
                short_date(line.issued_on),
                short_date(line.due_on),
                face.money(line.total_cents),
                face.money(line.paid_cents) if line.paid_cents else "",
                face.money(line.open_cents),
                late,
            ]
        )
    if not data.lines:
        rows.append([para("Aucune pièce en attente de règlement.", s_cell_note), *[""] * 6])
    # splitInRow: a row taller than a page (a long label) goes on over the next page
    # instead of failing the whole statement (issue 8).
    table = Table(rows, colWidths=col_widths, repeatRows=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 1), (-1, -1), regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), ink),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, color(LIGHT_RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for row in late_rows:
        commands.append(("TEXTCOLOR", (6, row), (6, row), late_ink))
    if not data.lines:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(commands))
    story.append(table)
    story.append(Spacer(1, 4 * mm))

    total_rows = [
        ["Total restant dû", face.money(data.total_due_cents)],
        ["dont échu", face.money(data.total_overdue_cents)],
    ]
    if data.total_disputed_cents:
        total_rows.append(["dont montant contesté", face.money(data.total_disputed_cents)])
    totals = Table(
        total_rows,
        colWidths=[45 * mm, 32 * mm],
        hAlign="RIGHT",
    )
    totals.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTNAME", (0, 1), (-1, -1), regular),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), ink),
                ("TEXTCOLOR", (0, 1), (-1, 1), late_ink if data.total_overdue_cents else ink),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, rule),
                ("BACKGROUND", (0, 0), (-1, 0), color(TOTAL_BACKGROUND)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(totals)
    story.append(Spacer(1, 6 * mm))

    closing: list[Any] = []
    if company.iban:
        bank = f"Règlement par virement : IBAN {company.iban}"
        if company.bic:
            bank += f" — BIC {company.bic}"
        bank_lines = [bank]
        bank_lines.append(
            "Merci d'indiquer les numéros des pièces réglées"
            + (f" et votre compte client {customer.account_code}" if customer.account_code else "")
            + " dans le libellé du virement."
        )
        box = Table([[para("\n".join(bank_lines), s_bank)]], colWidths=[body_width])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, rule),
                    ("BACKGROUND", (0, 0), (-1, -1), color(PANEL_BACKGROUND)),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        closing += [box, Spacer(1, 4 * mm)]
    closing += [para(mention, s_mention) for mention in data.mentions[:-1]]
    closing += [Spacer(1, 3 * mm), para(data.ignore_if_paid, style("notice", fontName=bold))]
    closing += [Spacer(1, 3 * mm), para("Cordialement,", s_text), para(company.name, s_right)]
    story.append(KeepTogether(closing))

    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(
            story,
            canvasmaker=numbered_canvas(face),
        )
    return path
