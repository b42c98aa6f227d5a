"""The summary of a claim in insolvency proceedings (déclaration de créance), A4 PDF.

Plain data in (`ClaimData`, built by `services.blocking`), ReportLab platypus out. The
letterhead, fonts, "Page n/N" and safe text come from `documents.letter_layout`; where a
letter puts the customer's address, this one leaves a framed block for the creditors'
representative (mandataire judiciaire or liquidateur), whom the user writes in by hand:
the file does not know who the court appointed.

Content: the debtor, the proceeding (kind, opening judgment, BODACC publication) and the
deadline; the amounts owed on the day of the judgment, split into what was due by then
(with late-payment penalties and the 40 € indemnities counted up to that day: nothing
accrues after the judgment, C. com. L622-28) and what was not yet due; credits on the
account deducted; the total; a note that the claim must reach the representative before
the deadline (C. com. L622-24, R622-24). Debts born after the judgment are not part of
the claim and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.letter_layout import (
    ADDRESS_LEFT,
    ADDRESS_TOP,
    ADDRESS_WIDTH,
    HEADER_BACKGROUND,
    LATE_INK,
    LIGHT_RULE,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TOTAL_BACKGROUND,
    Letterhead,
    Recipient,
    Typeface,
    color,
    draw_footer,
    draw_later_header,
    draw_letterhead,
    french_long_date,
    numbered_canvas,
    short_date,
    style_maker,
)
from desktop.documents.output import written_atomically
from desktop.domain.enums import DocumentKind, InsolvencyKind

__all__ = ["PROCEDURE_NAMES", "ClaimData", "ClaimLine", "render_claim"]

PROCEDURE_NAMES = {
    InsolvencyKind.SAFEGUARD: "Procédure de sauvegarde",
    InsolvencyKind.RECEIVERSHIP: "Redressement judiciaire",
    InsolvencyKind.LIQUIDATION: "Liquidation judiciaire",
}
_KIND_NAMES = {
    DocumentKind.INVOICE: "Facture",
    DocumentKind.CREDIT_NOTE: "Avoir",
    DocumentKind.PAYMENT: "Règlement non affecté",
    DocumentKind.EXPECTED_INSTALMENT: "Échéance",
}
_REPRESENTATIVE_HEIGHT = 34 * 72 / 25.4  # points: the framed block left blank


@dataclass(frozen=True)
class ClaimLine:
    """One item of the claim, as it stood on the day of the judgment (cents, signed:
    credits are negative)."""

    number: str
    kind: DocumentKind
    issued_on: date
    due_on: date
    amount_cents: int
    penalty_cents: int = 0  # up to the judgment day
    indemnity_cents: int = 0  # 40 € when the invoice was late on that day

    @property
    def total_cents(self) -> int:
        return self.amount_cents + self.penalty_cents + self.indemnity_cents


@dataclass(frozen=True)
class ClaimData:
    company: Letterhead
    debtor: Recipient
    procedure: InsolvencyKind | None
    opened_on: date  # the opening judgment
    published_on: date | None  # at the BODACC
    deadline: date | None  # None until the publication is known
    creditor_abroad: bool  # 4 months instead of 2
    due: tuple[ClaimLine, ...]  # due on or before the judgment day (échu)
    not_yet_due: tuple[ClaimLine, ...]  # due after it (à échoir)
    credits: tuple[ClaimLine, ...]  # credit notes and payments on account, negative
    printed_on: date

    @property
    def title(self) -> str:
        return "Déclaration de créance — récapitulatif"

    @property
    def due_cents(self) -> int:
        return sum(line.amount_cents for line in self.due)

    @property
    def penalty_cents(self) -> int:
        return sum(line.penalty_cents for line in self.due)

    @property
    def indemnity_cents(self) -> int:
        return sum(line.indemnity_cents for line in self.due)

    @property
    def not_yet_due_cents(self) -> int:
        return sum(line.amount_cents for line in self.not_yet_due)

    @property
    def credits_cents(self) -> int:
        return sum(line.amount_cents for line in self.credits)

    @property
    def total_cents(self) -> int:
        """Everything claimed: due with penalties and indemnities, not yet due, credits
        deducted."""
        return (
            self.due_cents
            + self.penalty_cents
            + self.indemnity_cents
            + self.not_yet_due_cents
            + self.credits_cents
        )


def render_claim(data: ClaimData, path: Path) -> Path:
    """Write the claim summary of `data` to `path` (A4 PDF) and return the path."""
    from reportlab.lib.styles import ParagraphStyle
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

    face = Typeface.default()
    mm = 72 / 25.4
    body_width = PAGE_WIDTH - 2 * MARGIN
    rule = color(RULE)
    shade = color(HEADER_BACKGROUND)
    late_ink = color(LATE_INK)

    style = style_maker(face.regular)

    s_title = style("title", fontName=face.bold, fontSize=14, leading=18)
    s_heading = style("heading", fontName=face.bold, fontSize=10.5, leading=14, spaceBefore=4)
    s_text = style("text")
    s_small = style("small", fontSize=8, leading=10, textColor=color(MUTED))
    s_cell = style("cell", fontSize=8.5, leading=10.5)
    s_head = style("head", fontName=face.bold, fontSize=8.5, leading=10.5)
    s_head_right = style("head_right", fontName=face.bold, fontSize=8.5, leading=10.5, alignment=2)
    s_note = style("note", fontName=face.bold, textColor=late_ink)

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    def money(cents: int) -> str:
        return face.money(cents)

    # --- pages: letterhead and the blank block for the creditors' representative ---------

    def representative_block(canvas: Any) -> None:
        top = PAGE_HEIGHT - ADDRESS_TOP + 4 * mm
        canvas.setStrokeColor(rule)
        canvas.setLineWidth(0.6)
        canvas.rect(
            ADDRESS_LEFT - 3 * mm,
            top - _REPRESENTATIVE_HEIGHT,
            ADDRESS_WIDTH,
            _REPRESENTATIVE_HEIGHT,
        )
        canvas.setFillColor(color(MUTED))
        canvas.setFont(face.regular, 7.5)
        canvas.drawString(
            ADDRESS_LEFT, top - 4 * mm, "Mandataire judiciaire / liquidateur (à compléter)"
        )
        canvas.setDash(1, 2)
        for row in range(1, 5):
            y = top - 4 * mm - row * 6.5 * mm
            canvas.line(ADDRESS_LEFT, y, ADDRESS_LEFT + ADDRESS_WIDTH - 9 * mm, y)
        canvas.setDash()

    def first_page(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        draw_letterhead(canvas, face, data.company)
        representative_block(canvas)
        draw_footer(canvas, face, data.company)
        canvas.restoreState()

    def later_page(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        draw_later_header(canvas, face, data.company.name, f"{data.title} — {data.debtor.name}")
        draw_footer(canvas, face, data.company)
        canvas.restoreState()

    first_top = ADDRESS_TOP + _REPRESENTATIVE_HEIGHT + 6 * mm
    frames = {
        "first": Frame(MARGIN, MARGIN, body_width, PAGE_HEIGHT - first_top - MARGIN, id="first"),
        "later": Frame(MARGIN, MARGIN, body_width, PAGE_HEIGHT - 20 * mm - MARGIN, id="later"),
    }
    for frame in frames.values():
        frame.leftPadding = frame.rightPadding = frame.topPadding = frame.bottomPadding = 0
    doc = BaseDocTemplate(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=face.printable(f"{data.title} — {data.debtor.name}"),
        author=face.printable(data.company.name),
        subject="Déclaration de créance",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frames["first"]], onPage=first_page),
            PageTemplate(id="later", frames=[frames["later"]], onPage=later_page),
        ]
    )

    # --- the story ---------------------------------------------------------------------
    story: list[Any] = [NextPageTemplate("later"), para(data.title, s_title), Spacer(1, 3 * mm)]

    facts: list[tuple[str, str]] = [("Débiteur", data.debtor.name)]
    if data.debtor.address_lines:
        facts.append(("Adresse", "\n".join(data.debtor.address_lines)))
    if data.debtor.identifier:
        facts.append(("Identifiant", data.debtor.identifier))
    if data.debtor.account_code:
        facts.append(("Compte client", data.debtor.account_code))
    facts += [
        (
            "Procédure",
            PROCEDURE_NAMES.get(data.procedure, "") if data.procedure else "non précisée",
        ),
        ("Jugement d'ouverture", french_long_date(data.opened_on)),
        (
            "Publication au BODACC",
            french_long_date(data.published_on) if data.published_on else "à renseigner",
        ),
        (
            "Date limite de déclaration",
            french_long_date(data.deadline)
            if data.deadline
            else "2 mois après la publication au BODACC",
        ),
    ]
    facts_table = Table(
        [[para(label, s_head), para(value, s_text)] for label, value in facts],
        colWidths=[48 * mm, body_width - 48 * mm],
        splitInRow=1,  # a row taller than a page goes on over the next one (issue 8)
    )
    facts_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, color(LIGHT_RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [facts_table, Spacer(1, 5 * mm)]

    def items_table(lines: tuple[ClaimLine, ...], with_penalties: bool) -> Table:
        headers = ["N° de pièce", "Date", "Échéance", "Montant TTC"]
        widths = [44, 22, 22, 30]
        if with_penalties:
            headers += ["Pénalités", "Indemnité", "Total"]
            widths += [24, 22, 28]
        scale = body_width / (sum(widths) * mm)
        col_widths = [w * mm * scale for w in widths]
        rows: list[list[Any]] = [
            [para(h, s_head if i < 3 else s_head_right) for i, h in enumerate(headers)]
        ]
        for line in lines:
            number = line.number
            if line.kind is not DocumentKind.INVOICE:
                number = f"{number}\n{_KIND_NAMES.get(line.kind, '')}"
            row = [
                para(number, s_cell),
                short_date(line.issued_on),
                short_date(line.due_on),
                money(line.amount_cents),
            ]
            if with_penalties:
                row += [
                    money(line.penalty_cents) if line.penalty_cents else "",
                    money(line.indemnity_cents) if line.indemnity_cents else "",
                    money(line.total_cents),
                ]
            rows.append(row)
        subtotal = sum(line.total_cents for line in lines)
        rows.append(
            [para("Sous-total", s_head), "", "", ""]
            + (["", "", money(subtotal)] if with_penalties else [])
        )
        if not with_penalties:
            rows[-1][3] = money(subtotal)
        table = Table(rows, colWidths=col_widths, repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 1), (-1, -1), face.regular),
                    ("FONTNAME", (0, -1), (-1, -1), face.bold),
                    ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                    ("BACKGROUND", (0, 0), (-1, 0), shade),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.25, color(LIGHT_RULE)),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
                    ("BACKGROUND", (0, -1), (-1, -1), color(TOTAL_BACKGROUND)),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    judgment = short_date(data.opened_on)
    story.append(para(f"Créances échues au jour du jugement ({judgment})", s_heading))
    if data.due:
        story.append(
            para(
                "Pénalités de retard et indemnités forfaitaires arrêtées au jour du jugement "
                "d'ouverture (C. com. art. L622-28).",
                s_small,
            )
        )
        story += [Spacer(1, 1.5 * mm), items_table(data.due, True)]
    else:
        story.append(para("Aucune créance échue à cette date.", s_small))
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"Créances à échoir après le {judgment}", s_heading))
    if data.not_yet_due:
        story += [Spacer(1, 1.5 * mm), items_table(data.not_yet_due, False)]
    else:
        story.append(para("Aucune créance à échoir.", s_small))
    if data.credits:
        story.append(Spacer(1, 4 * mm))
        story.append(para("Avoirs et règlements à déduire", s_heading))
        story += [Spacer(1, 1.5 * mm), items_table(data.credits, False)]
    story.append(Spacer(1, 5 * mm))

    totals_rows = [
        ["Principal échu", money(data.due_cents)],
        ["Pénalités de retard", money(data.penalty_cents)],
        ["Indemnités forfaitaires (40 € par facture)", money(data.indemnity_cents)],
        ["Principal à échoir", money(data.not_yet_due_cents)],
    ]
    if data.credits:
        totals_rows.append(["Avoirs et règlements déduits", money(data.credits_cents)])
    totals_rows.append(["Montant total déclaré", money(data.total_cents)])
    totals = Table(totals_rows, colWidths=[72 * mm, 34 * mm], hAlign="RIGHT")
    totals.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), face.regular),
                ("FONTNAME", (0, -1), (-1, -1), face.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("FONTSIZE", (0, -1), (-1, -1), 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
                ("BACKGROUND", (0, -1), (-1, -1), color(TOTAL_BACKGROUND)),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    story.append(KeepTogether([totals]))
    story.append(Spacer(1, 6 * mm))

    months = "4 mois" if data.creditor_abroad else "2 mois"
    if data.deadline is not None:
        note = (
            f"Cette déclaration doit parvenir au mandataire judiciaire avant le "
            f"{french_long_date(data.deadline)} ({months} après la publication au BODACC, "
            "C. com. art. L622-24 et R622-24). Passé ce délai, la créance est inopposable à "
            "la procédure, sauf relevé de forclusion."
        )
    else:
        note = (
            f"Cette déclaration doit parvenir au mandataire judiciaire dans les {months} qui "
            "suivent la publication du jugement au BODACC (C. com. art. L622-24 et R622-24)."
        )
    closing: list[Any] = [
        para(note, s_note),
        Spacer(1, 2 * mm),
        para(
            "Créances déclarées à titre chirographaire. Les créances nées après le jugement "
            "d'ouverture ne figurent pas dans ce récapitulatif. Joindre les factures et "
            "tout justificatif utile.",
            s_small,
        ),
        Spacer(1, 6 * mm),
        para("Fait à ……………………………, le ……………………………", s_text),
        Spacer(1, 3 * mm),
        para(f"Pour {data.company.name}, signature :", s_text),
        Spacer(1, 18 * mm),
        para(f"Récapitulatif établi le {french_long_date(data.printed_on)}.", s_small),
    ]
    story.append(KeepTogether(closing))
    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path
