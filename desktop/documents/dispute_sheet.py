"""The dispute sheet (fiche litige) printed for a meeting, and the Excel export of the
dispute log. Plain data in (built by `services.disputes`), no Qt, no ORM; ReportLab is
imported when rendering only.

The sheet is one page, two for a long history: letterhead, the customer, the facts
(category, department, owner, dates, days open), what the customer says, the invoices
with the disputed amount of each, the resolution once there is one, the history (status
changes and notes, dated and signed; the most recent ones when there are many), the
attachments, and room for the meeting's decisions.

Everything users typed goes through `Typeface.escape` (paragraphs) or is drawn as typed
(canvas), so "Dupont & Fils <SARL>" prints as such; the Excel export writes user text
through `documents.excel.set_text`, never as a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.documents.excel import set_amount, set_text, sheet_title, xml_safe
from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    INK,
    LATE_INK,
    LIGHT_RULE,
    MM,
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
    french_long_date,
    numbered_canvas,
    short_date,
    style_maker,
)
from desktop.documents.letter_layout import find_fonts as _fonts
from desktop.documents.output import written_atomically
from desktop.domain.enums import Department, DisputeCategory, DisputeResolution, DisputeStatus

__all__ = [
    "CATEGORY_FR",
    "DEPARTMENT_FR",
    "MAX_EVENTS",
    "RESOLUTION_FR",
    "STATUS_FR",
    "SheetData",
    "SheetDetail",
    "SheetEvent",
    "SheetLine",
    "SheetRow",
    "render_dispute_sheet",
    "write_disputes_xlsx",
]

# The French words of printed documents (the UI has its own, translated, labels).
CATEGORY_FR = {
    DisputeCategory.PRICE: "Prix",
    DisputeCategory.QUANTITY: "Quantité",
    DisputeCategory.WRONG_ITEM: "Article erroné",
    DisputeCategory.DAMAGED: "Marchandise abîmée ou non conforme",
    DisputeCategory.NOT_DELIVERED: "Non livré ou livré en partie",
    DisputeCategory.BILLED_TWICE: "Facturé deux fois",
    DisputeCategory.INVOICE_ERROR: "Erreur de TVA ou de facture",
    DisputeCategory.MISSING_PO: "Bon de commande manquant",
    DisputeCategory.CONTRACT: "Désaccord sur le contrat",
    DisputeCategory.OTHER: "Autre",
}
DEPARTMENT_FR = {
    Department.SALES: "Commercial",
    Department.LOGISTICS: "Logistique",
    Department.QUALITY: "Qualité",
    Department.ACCOUNTING: "Comptabilité",
    Department.MANAGEMENT: "Direction",
}
STATUS_FR = {
    DisputeStatus.OPEN: "Ouvert",
    DisputeStatus.ANALYSIS: "En analyse",
    DisputeStatus.WAITING_CUSTOMER: "En attente du client",
    DisputeStatus.RESOLVED: "Résolu",
    DisputeStatus.REJECTED: "Rejeté",
}
RESOLUTION_FR = {
    DisputeResolution.CREDIT_NOTE: "Avoir",
    DisputeResolution.REISSUED_INVOICE: "Facture réémise",
    DisputeResolution.COMMERCIAL_GESTURE: "Geste commercial",
    DisputeResolution.REJECTED: "Rejeté",
}
MAX_EVENTS = 24  # the sheet stays within two pages; older events are counted, not printed


# --- The data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    """One dispute as the list and the export show it."""

    id: int
    customer_name: str
    invoice_numbers: str
    category: DisputeCategory
    status: DisputeStatus
    department: Department
    owner_name: str
    reported_on: date
    expected_answer_on: date | None
    disputed_cents: int
    days_open: int
    answer_overdue: bool


@dataclass(frozen=True)
class SheetLine:
    number: str
    issued_on: date
    due_on: date
    total_cents: int
    open_cents: int
    disputed_cents: int


@dataclass(frozen=True)
class SheetEvent:
    at: datetime
    author: str
    from_status: DisputeStatus | None
    to_status: DisputeStatus | None
    text: str


@dataclass(frozen=True)
class SheetDetail:
    row: SheetRow
    description: str
    reported_by: str
    lines: tuple[SheetLine, ...]
    events: tuple[SheetEvent, ...]  # oldest first
    attachments: tuple[str, ...]  # file names
    resolution: DisputeResolution | None
    resolution_cents: int | None
    resolution_note: str
    resolved_on: date | None
    approved_by: str
    credit_note_number: str
    reissued_number: str


@dataclass(frozen=True)
class SheetData:
    company: Letterhead
    customer: Recipient
    detail: SheetDetail
    printed_on: date

    @property
    def title(self) -> str:
        return f"Fiche litige n° {self.detail.row.id}"


def event_text(event: SheetEvent) -> str:
    """'Ouvert → En analyse : comment' for a status change; the text alone for a note."""
    if event.to_status is None:
        return event.text
    change = STATUS_FR[event.to_status]
    if event.from_status is not None:
        change = f"{STATUS_FR[event.from_status]} → {change}"
    return f"{change} : {event.text}" if event.text else change


# --- The PDF -----------------------------------------------------------------------------


def render_dispute_sheet(data: SheetData, path: Path) -> Path:
    """Write the dispute sheet of `data` to `path` (A4 PDF) and return the path."""
    from reportlab.lib.pagesizes import A4
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

    face = Typeface(*_fonts())
    regular, bold = face.regular, face.bold
    width, height = A4
    margin = 15 * MM
    body_width = width - 2 * margin
    ink = color(INK)
    muted = color(MUTED)
    rule = color(RULE)
    light_rule = color(LIGHT_RULE)
    header_bg = color(HEADER_BACKGROUND)
    late_ink = color(LATE_INK)
    detail, row = data.detail, data.detail.row
    company, customer = data.company, data.customer

    style = style_maker(regular)

    s_title = style("title", fontName=bold, fontSize=14, leading=18)
    s_subtitle = style("subtitle", fontSize=9.5, leading=12, textColor=muted)
    s_section = style("section", fontName=bold, fontSize=10.5, leading=13, spaceBefore=2)
    s_text = style("text")
    s_label = style("label", fontSize=8, leading=10, textColor=muted)
    s_value = style("value", fontName=bold, fontSize=9, leading=11.5)
    s_value_late = style("value_late", fontName=bold, fontSize=9, leading=11.5, textColor=late_ink)
    s_cell = style("cell", fontSize=8.5, leading=10.5)
    s_cell_muted = style("cell_muted", fontSize=8, leading=10, textColor=muted)
    s_head = style("head", fontName=bold, fontSize=8.5, leading=10.5)
    s_head_right = style("head_right", fontName=bold, fontSize=8.5, leading=10.5, alignment=2)
    s_right = style("right", fontSize=8.5, leading=10.5, alignment=2)
    s_right_bold = style("right_bold", fontName=bold, fontSize=8.5, leading=10.5, alignment=2)

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    def section(title: str) -> list[Any]:
        return [Spacer(1, 4 * MM), para(title, s_section), Spacer(1, 1.5 * MM)]

    def grid(rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Any:
        # splitInRow: a row taller than a page (a long note) goes on over the next page
        # instead of failing the whole document (issue 8).
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, light_rule),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), header_bg),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
            ]
        table.setStyle(TableStyle(commands))
        return table

    def first_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_letterhead(canvas, face, company)
        canvas.setFont(bold, 11)
        canvas.setFillColor(ink)
        canvas.drawRightString(width - margin, height - 20 * MM, face.printable(data.title))
        canvas.setFont(regular, 8)
        canvas.setFillColor(muted)
        canvas.drawRightString(
            width - margin,
            height - 25 * MM,
            f"Document interne, imprimé le {french_long_date(data.printed_on)}",
        )
        draw_footer(canvas, face, company)
        canvas.restoreState()

    def later_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_later_header(canvas, face, company.name, f"{data.title} — {customer.name}")
        draw_footer(canvas, face, company)
        canvas.restoreState()

    frame = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first_top = 44 * MM
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=face.printable(f"{data.title} — {customer.name}"),
        author=face.printable(company.name),
        subject="Fiche litige",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[Frame(margin, margin, body_width, height - first_top - margin, **frame)],
                onPage=first_page,
            ),
            PageTemplate(
                id="later",
                frames=[Frame(margin, margin, body_width, height - 20 * MM - margin, **frame)],
                onPage=later_page,
            ),
        ]
    )

    story: list[Any] = [NextPageTemplate("later")]
    story.append(para(f"{customer.name}", s_title))
    reference = [p for p in (customer.account_code and f"Compte client {customer.account_code}",
                             customer.identifier) if p]  # fmt: skip
    address = ", ".join(customer.address_lines)
    subtitle = " · ".join([*reference, address] if address else reference)
    if subtitle:
        story.append(para(subtitle, s_subtitle))
    story.append(Spacer(1, 3 * MM))

    # --- the facts, two pairs of columns ---------------------------------------------------
    answer = short_date(row.expected_answer_on) if row.expected_answer_on else "—"
    if row.answer_overdue:
        answer += " (dépassée)"
    facts = [
        ("Statut", STATUS_FR[row.status], False),
        ("Catégorie", CATEGORY_FR[row.category], False),
        ("Service concerné", DEPARTMENT_FR[row.department], False),
        ("Responsable", row.owner_name or "—", False),
        ("Signalé le", short_date(row.reported_on), False),
        ("Signalé par", detail.reported_by or "—", False),
        ("Ouvert depuis" if row.status not in _CLOSED else "Durée", f"{row.days_open} j", False),
        ("Réponse attendue le", answer, row.answer_overdue),
        ("Montant contesté", face.money(row.disputed_cents), False),
        ("Factures", row.invoice_numbers, False),
    ]
    fact_rows: list[list[Any]] = []
    for i in range(0, len(facts), 2):
        cells: list[Any] = []
        for label, value, late in facts[i : i + 2]:
            cells += [para(label, s_label), para(value, s_value_late if late else s_value)]
        fact_rows.append(cells)
    # Wider value columns on the right: the category names are the longest values.
    widths = [w * MM for w in (32, 40, 32, 76)]
    scale = body_width / sum(widths)
    story.append(grid(fact_rows, [w * scale for w in widths], header=False))

    story += section("Ce que dit le client")
    story.append(para(detail.description or "—", s_text))

    # --- the invoices ------------------------------------------------------------------------
    story += section("Factures concernées")
    heads = ("N° de facture", "Date", "Échéance", "Montant TTC", "Reste dû", "Contesté")
    lines: list[list[Any]] = [
        [para(h, s_head if i < 3 else s_head_right) for i, h in enumerate(heads)]
    ]
    for line in detail.lines:
        lines.append(
            [
                para(line.number, s_cell),
                short_date(line.issued_on),
                short_date(line.due_on),
                para(face.money(line.total_cents), s_right),
                para(face.money(line.open_cents), s_right),
                para(face.money(line.disputed_cents), s_right_bold),
            ]
        )
    lines.append(
        [para("Total contesté", s_head), "", "", "", "",
         para(face.money(row.disputed_cents), s_right_bold)]
    )  # fmt: skip
    widths = [w * MM for w in (52, 22, 22, 30, 27, 27)]
    scale = body_width / sum(widths)
    invoices = grid(lines, [w * scale for w in widths])
    invoices.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (-1, -1), regular),
                ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                ("TEXTCOLOR", (0, 1), (-1, -1), ink),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, rule),
                ("BACKGROUND", (0, -1), (-1, -1), color(TOTAL_BACKGROUND)),
            ]
        )
    )
    story.append(invoices)

    # --- the resolution ----------------------------------------------------------------------
    if detail.resolution is not None:
        story += section("Résolution")
        parts = [RESOLUTION_FR[detail.resolution]]
        if detail.credit_note_number:
            parts.append(f"n° {detail.credit_note_number}")
        if detail.reissued_number:
            parts.append(f"n° {detail.reissued_number}")
        if detail.resolution_cents is not None:
            parts.append(face.money(detail.resolution_cents))
        if detail.approved_by:
            parts.append(f"accordé par {detail.approved_by}")
        if detail.resolved_on is not None:
            parts.append(f"le {short_date(detail.resolved_on)}")
        text = " — ".join(parts)
        if detail.resolution_note:
            label = "Motif" if detail.resolution is DisputeResolution.REJECTED else "Note"
            text += f"\n{label} : {detail.resolution_note}"
        story.append(para(text, s_text))

    # --- the history -------------------------------------------------------------------------
    story += section("Historique")
    events = detail.events[-MAX_EVENTS:]
    hidden = len(detail.events) - len(events)
    history: list[list[Any]] = [
        [para("Date", s_head), para("Par", s_head), para("Événement ou note", s_head)]
    ]
    for event in events:
        history.append(
            [
                para(event.at.strftime("%d/%m/%Y %H:%M"), s_cell),
                para(event.author, s_cell),
                para(event_text(event), s_cell),
            ]
        )
    if hidden:
        history.append(
            ["", "", para(f"… et {hidden} événement(s) plus ancien(s), non imprimé(s).",
                          s_cell_muted)]
        )  # fmt: skip
    story.append(grid(history, [30 * MM, 38 * MM, body_width - 68 * MM]))

    if detail.attachments:
        story += section("Pièces jointes")
        story.append(para("\n".join(f"• {name}" for name in detail.attachments), s_cell))

    # --- room for the meeting ------------------------------------------------------------------
    if detail.resolution is None:
        notes = Table([[para("Décision et suites à donner :", s_label)], [""], [""], [""]],
                      colWidths=[body_width], rowHeights=[14, 16, 16, 16])  # fmt: skip
        notes.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, rule),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.25, light_rule),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        story += [Spacer(1, 5 * MM), KeepTogether([notes])]

    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path


_CLOSED = (DisputeStatus.RESOLVED, DisputeStatus.REJECTED)


# --- The Excel export ----------------------------------------------------------------------


def write_disputes_xlsx(
    rows: Sequence[SheetRow],
    path: Path,
    *,
    as_of: date,
    company_name: str = "",
    created: datetime | None = None,
) -> None:
    """Write the dispute log to an .xlsx file: a frozen header row with filters, one row
    per dispute (amounts in euros, dates as dates) and a totals row."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(as_of.strftime("%d-%m-%Y"), "Litiges")
    workbook.properties.title = f"Litiges au {short_date(as_of)}"
    workbook.properties.creator = xml_safe(company_name) or "Encaisse"
    if created is not None:  # a fixed date gives byte-identical files in tests
        workbook.properties.created = created
        workbook.properties.modified = created
    headers = (
        "N°", "Client", "Factures", "Catégorie", "Statut", "Service", "Responsable",
        "Signalé le", "Réponse attendue le", "Jours ouverts", "Réponse en retard",
        "Montant contesté",
    )  # fmt: skip
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="E8EDF3")
    rule = Side(style="thin", color="9AA5B1")
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, header)
        cell.font = bold
        cell.fill = shade
        cell.border = Border(bottom=rule)
    for number, row in enumerate(rows, start=2):
        sheet.cell(row=number, column=1, value=row.id)
        set_text(sheet.cell(row=number, column=2), row.customer_name)
        set_text(sheet.cell(row=number, column=3), row.invoice_numbers)
        set_text(sheet.cell(row=number, column=4), CATEGORY_FR[row.category])
        set_text(sheet.cell(row=number, column=5), STATUS_FR[row.status])
        set_text(sheet.cell(row=number, column=6), DEPARTMENT_FR[row.department])
        set_text(sheet.cell(row=number, column=7), row.owner_name)
        for column, day in ((8, row.reported_on), (9, row.expected_answer_on)):
            if day is not None:
                cell = sheet.cell(row=number, column=column, value=day)
                cell.number_format = "DD/MM/YYYY"
        sheet.cell(row=number, column=10, value=row.days_open)
        set_text(sheet.cell(row=number, column=11), "oui" if row.answer_overdue else "")
        set_amount(sheet.cell(row=number, column=12), row.disputed_cents)
    total_row = len(rows) + 2
    set_text(sheet.cell(row=total_row, column=1), "Total")
    set_text(sheet.cell(row=total_row, column=2), f"{len(rows)} litige(s)")
    set_amount(sheet.cell(row=total_row, column=12), sum(r.disputed_cents for r in rows))
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=total_row, column=column)
        cell.font = bold
        cell.border = Border(top=rule)
    sheet.freeze_panes = "C2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{total_row - 1}"
    for column, chars in enumerate((6, 36, 24, 26, 18, 14, 20, 12, 12, 10, 10, 16), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = chars
    with written_atomically(path) as temporary:
        workbook.save(temporary)
