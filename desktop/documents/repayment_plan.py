"""The repayment plan (plan d'apurement) printed for signature, A4 PDF.

Plain data in (`RepaymentPlanData`, built by `services.repayment`), ReportLab platypus
out. The letterhead, the window address, fonts, "Page n/N" and safe text come from
`documents.letter_layout`, so the plan is posted like a letter.

Content, in the order the debtor reads it: the parties; the acknowledgement of debt (the
invoices and the amount each brings into the plan, the penalties and indemnities when
the plan includes them, the total); the schedule (date | amount | remaining balance);
how to pay; the acceleration clause (one missed instalment makes the whole balance due
and collection resumes); the interruption of limitation that a written acknowledgement
brings (C. civ. art. 2240); the signatures of both parties with the place, the date and
the handwritten "Lu et approuvé, bon pour reconnaissance de dette".
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

__all__ = ["PlanInvoice", "PlanLine", "RepaymentPlanData", "render_repayment_plan"]

TITLE = "Plan d'apurement et reconnaissance de dette"
# No-break spaces inside the quotes: a guillemet never ends up alone on a line.
HANDWRITTEN = "«\u00a0Lu et approuvé, bon pour reconnaissance de dette\u00a0»"


@dataclass(frozen=True)
class PlanInvoice:
    """An invoice the plan covers, with the part of it the plan takes."""

    number: str
    issued_on: date
    due_on: date
    amount_cents: int


@dataclass(frozen=True)
class PlanLine:
    position: int
    due_on: date
    amount_cents: int
    remaining_after_cents: int  # what is still owed once this instalment is paid


@dataclass(frozen=True)
class RepaymentPlanData:
    plan_id: int
    company: Letterhead
    customer: Recipient
    printed_on: date
    invoices: tuple[PlanInvoice, ...]
    principal_cents: int  # the invoices' part
    penalties_cents: int  # penalties and 40 € indemnities included (0 when not included)
    total_cents: int
    lines: tuple[PlanLine, ...]
    frequency_months: int
    grace_days: int
    signed_on: date | None = None
    penalties_as_of: date | None = None  # the day the included penalties were computed

    @property
    def title(self) -> str:
        return TITLE


def _frequency_text(months: int) -> str:
    names = {1: "mensuelles", 2: "bimestrielles", 3: "trimestrielles", 6: "semestrielles"}
    if months in names:
        return names[months]
    if months == 12:
        return "annuelles"
    return f"tous les {months} mois"


def render_repayment_plan(data: RepaymentPlanData, path: Path) -> Path:
    """Write the plan of `data` to `path` (A4 PDF) and return the path."""
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

    face = Typeface(*_fonts())
    regular, bold = face.regular, face.bold
    width, height = A4
    margin = 15 * mm
    body_width = width - 2 * margin
    ink = color(INK)
    muted = color(MUTED)
    rule = color(RULE)
    header_bg = color(HEADER_BACKGROUND)

    style = style_maker(regular, 9, 12)

    s_title = style("title", fontName=bold, fontSize=14, leading=18, spaceAfter=2)
    s_small = style("small", fontSize=8, leading=10, textColor=muted)
    s_text = style("text")
    s_heading = style("heading", fontName=bold, fontSize=10, leading=13, spaceBefore=4)
    s_head = style("head", fontName=bold, fontSize=8.5, leading=10.5)
    s_head_right = style("head_right", fontName=bold, fontSize=8.5, leading=10.5, alignment=2)
    s_clause = style("clause", fontSize=8.5, leading=11)
    s_sign = style("sign", fontSize=8.5, leading=12)

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    def rich(markup: str, st: ParagraphStyle) -> Paragraph:
        """A paragraph whose variable parts were escaped by the caller."""
        return Paragraph(markup, st)

    company, customer = data.company, data.customer
    e = face.escape

    def first_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_letterhead(canvas, face, company)
        draw_window_address(canvas, face, customer)
        draw_footer(canvas, face, company)
        canvas.restoreState()

    def later_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_later_header(canvas, face, company.name, f"{TITLE} — {customer.name}")
        draw_footer(canvas, face, company)
        canvas.restoreState()

    first_top = max(92 * mm, window_address_bottom(face, customer) + 10 * mm)
    frames = {
        "first": Frame(margin, margin, body_width, height - first_top - margin, id="first",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        "later": Frame(margin, margin, body_width, height - 20 * mm - margin, id="later",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
    }  # fmt: skip
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=face.printable(f"{TITLE} — {customer.name}"),
        author=face.printable(company.name),
        subject=TITLE,
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frames["first"]], onPage=first_page),
            PageTemplate(id="later", frames=[frames["later"]], onPage=later_page),
        ]
    )

    story: list[Any] = [NextPageTemplate("later"), para(TITLE, s_title)]
    reference = [f"Plan n° {data.plan_id}", f"établi le {french_long_date(data.printed_on)}"]
    if customer.account_code:
        reference.append(f"compte client {customer.account_code}")
    story += [para(" · ".join(reference), s_small), Spacer(1, 4 * mm)]

    # --- the parties -------------------------------------------------------------------
    creditor = company.name + (f", {company.legal_form}" if company.legal_form else "")
    creditor_ids = ", ".join(company.identifiers)
    creditor_address = ", ".join(company.address_lines)
    debtor_address = ", ".join(customer.address_lines)
    story.append(para("Entre les soussignés :", s_text))
    story.append(
        rich(
            f"<b>{e(creditor)}</b>"
            + (f", {e(creditor_ids)}" if creditor_ids else "")
            + (f", {e(creditor_address)}" if creditor_address else "")
            + ", ci-après « le créancier »,",
            s_text,
        )
    )
    story.append(para("et", s_text))
    story.append(
        rich(
            f"<b>{e(customer.name)}</b>"
            + (f", {e(customer.identifier)}" if customer.identifier else "")
            + (f", {e(debtor_address)}" if debtor_address else "")
            + ", ci-après « le débiteur ».",
            s_text,
        )
    )
    story.append(Spacer(1, 3 * mm))

    # --- acknowledgement of debt ---------------------------------------------------------
    story.append(para("1. Reconnaissance de dette", s_heading))
    story.append(
        rich(
            "Le débiteur reconnaît devoir au créancier la somme de "
            f"<b>{e(face.money(data.total_cents))}</b> au titre des factures suivantes, "
            "échues et restées impayées :",
            s_text,
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Any]] = [
        [
            para("Facture", s_head),
            para("Date", s_head),
            para("Échéance", s_head),
            para("Montant repris", s_head_right),
        ]
    ]
    for inv in data.invoices:
        rows.append(
            [
                para(inv.number, s_text),
                short_date(inv.issued_on),
                short_date(inv.due_on),
                face.money(inv.amount_cents),
            ]
        )
    totals_from = len(rows)
    if data.penalties_cents:
        when = f" arrêtées au {short_date(data.penalties_as_of)}" if data.penalties_as_of else ""
        rows.append(["Sous-total des factures", "", "", face.money(data.principal_cents)])
        rows.append(
            [
                para(
                    "Pénalités de retard et indemnités forfaitaires pour frais de "
                    f"recouvrement{when}",
                    s_text,
                ),
                "",
                "",
                face.money(data.penalties_cents),
            ]
        )
    rows.append(["Total reconnu", "", "", face.money(data.total_cents)])
    col = [w * mm for w in (78, 32, 32, 38)]
    scale = body_width / sum(col)
    # splitInRow: a row taller than a page goes on over the next one (issue 8).
    table = Table(rows, colWidths=[w * scale for w in col], repeatRows=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 1), (-1, -1), regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), ink),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, color(LIGHT_RULE)),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
        ("FONTNAME", (0, -1), (-1, -1), bold),
        ("BACKGROUND", (0, -1), (-1, -1), color(TOTAL_BACKGROUND)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for row in range(totals_from, len(rows)):
        commands.append(("SPAN", (0, row), (2, row)))
    table.setStyle(TableStyle(commands))
    story += [table, Spacer(1, 4 * mm)]

    # --- the schedule --------------------------------------------------------------------
    count = len(data.lines)
    story.append(para("2. Échéancier", s_heading))
    story.append(
        rich(
            f"Le débiteur s'engage à régler cette somme en <b>{count} échéance"
            f"{'s' if count > 1 else ''}</b>"
            + (f" {_frequency_text(data.frequency_months)}" if count > 1 else "")
            + ", aux dates suivantes :",
            s_text,
        )
    )
    story.append(Spacer(1, 2 * mm))
    sched: list[list[Any]] = [
        [
            para("N°", s_head),
            para("Date d'échéance", s_head),
            para("Montant", s_head_right),
            para("Reste dû après paiement", s_head_right),
        ]
    ]
    for line in data.lines:
        sched.append(
            [
                str(line.position),
                short_date(line.due_on),
                face.money(line.amount_cents),
                face.money(line.remaining_after_cents),
            ]
        )
    sched.append(["", "Total", face.money(sum(x.amount_cents for x in data.lines)), ""])
    col = [14 * mm, 50 * mm, 45 * mm, 51 * mm]
    scale = body_width / sum(col)
    schedule = Table(sched, colWidths=[w * scale for w in col], repeatRows=1, splitInRow=1)
    schedule.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (-1, -1), regular),
                ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                ("TEXTCOLOR", (0, 1), (-1, -1), ink),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), header_bg),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, color(LIGHT_RULE)),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [schedule, Spacer(1, 3 * mm)]
    if company.iban:
        bank = f"Règlement par virement : IBAN {company.iban}"
        if company.bic:
            bank += f" — BIC {company.bic}"
        bank += f", en indiquant « Plan n° {data.plan_id} » dans le libellé."
        story.append(para(bank, s_text))
        story.append(Spacer(1, 2 * mm))

    # --- clauses -----------------------------------------------------------------------------
    clauses = [
        para("3. Déchéance du terme", s_heading),
        para(
            "Si une seule échéance reste impayée plus de "
            f"{data.grace_days} jours après sa date, la totalité du solde restant dû "
            "devient immédiatement exigible, de plein droit et sans autre formalité ; "
            "le créancier reprendra alors le recouvrement de l'ensemble des sommes dues.",
            s_clause,
        ),
        para("4. Effets", s_heading),
        para(
            "Tant que l'échéancier est respecté, le créancier suspend les relances sur les "
            "factures reprises ci-dessus. La présente reconnaissance de dette interrompt "
            "le délai de prescription (C. civ. art. 2240). Chaque paiement s'impute sur "
            "l'échéance la plus ancienne restant due.",
            s_clause,
        ),
        Spacer(1, 5 * mm),
    ]

    # --- signatures -------------------------------------------------------------------------
    def block(role: str, name: str) -> list[Any]:
        return [
            rich(f"<b>{e(role)}</b><br/>{e(name)}", s_sign),
            Spacer(1, 2 * mm),
            para("Fait à …………………………………, le ……/……/…………", s_sign),
            para("Nom et qualité du signataire :", s_sign),
            Spacer(1, 2 * mm),
            para(f"Signature précédée de la mention manuscrite {HANDWRITTEN}", s_small),
            Spacer(1, 22 * mm),
        ]

    signatures = Table(
        [[block("Pour le créancier", company.name), block("Pour le débiteur", customer.name)]],
        colWidths=[body_width / 2 - 3 * mm, body_width / 2 - 3 * mm],
        hAlign="LEFT",
        spaceBefore=0,
        splitInRow=1,  # names taller than a page must not fail the PDF (issue 8)
    )
    signatures.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (0, 0), 0.5, rule),
                ("BOX", (1, 0), (1, 0), 0.5, rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    signed = (
        [para(f"Plan signé le {french_long_date(data.signed_on)}.", s_small)]
        if data.signed_on
        else []
    )
    story.append(KeepTogether([*clauses, signatures, *signed]))
    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path
