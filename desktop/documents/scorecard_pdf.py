"""Salesperson scorecards (fiches commerciaux) as an A4 PDF for the variable-pay meeting.

Page 1: the letterhead, the period and one summary line per salesperson (with the team's
totals). Then one page per salesperson: the figures with their detail, the largest
overdue customers and the « Définitions » box, so whoever reads a figure can check how
it was counted. Plain data in (`domain.scorecard.Scorecard`), ReportLab platypus out;
the look (fonts, palette, letterhead, "Page n/N") is the one of the monthly report.

Every name goes through `Typeface.escape` (paragraphs) or is drawn as canvas text, so
"Dupont & Fils <SARL>" prints as typed. A page that runs long is shrunk to fit, never
spilled over two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.aging_pdf import bucket_label_fr
from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    LIGHT_RULE,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PANEL_BACKGROUND,
    RULE,
    TOTAL_BACKGROUND,
    Letterhead,
    Typeface,
    color,
    find_fonts,
    numbered_canvas,
    report_page_decorators,
    short_date,
)
from desktop.documents.output import written_atomically
from desktop.domain.scorecard import (
    NEW_CUSTOMER_MONTHS,
    Lateness,
    PromiseTally,
    Scorecard,
    definitions,
    lateness_sum,
    promise_sum,
    share_bp,
)

__all__ = [
    "NAME_LIMIT",
    "UNASSIGNED_FR",
    "clipped",
    "days_fr",
    "percent_fr",
    "period_fr",
    "render_scorecards",
    "salesperson_fr",
]

UNASSIGNED_FR = "Sans commercial"
_NBSP = "\u00a0"
# A table row cannot run over two pages: a name typed far too long (a note pasted into
# it) is cut here rather than making its row taller than the page. Real names fit.
NAME_LIMIT = 160


def percent_fr(bp: int | None) -> str:
    """2419 basis points → '24,2 %'; None → '—'. Rounded half up to one decimal."""
    if bp is None:
        return "—"
    tenths = (bp + 5) // 10 if bp >= 0 else -((-bp + 4) // 10)
    units, rest = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{units},{rest}{_NBSP}%"


def days_fr(tenths: int | None) -> str:
    """123 tenths of a day → '12,3 j'; None → '—'."""
    if tenths is None:
        return "—"
    units, rest = divmod(tenths, 10)
    return f"{units},{rest}{_NBSP}j"


def period_fr(start: date, end: date) -> str:
    return f"du {short_date(start)} au {short_date(end)}"


def salesperson_fr(card: Scorecard) -> str:
    return UNASSIGNED_FR if card.is_unassigned else card.name


def clipped(text: str, limit: int = NAME_LIMIT) -> str:
    """`text`, cut with an ellipsis after `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count in (0, 1) else many}"


def render_scorecards(
    cards: Sequence[Scorecard], company: Letterhead, path: Path, printed_on: date
) -> Path:
    """Write the scorecards to `path` (A4 portrait): the cover summary, then one page per
    scorecard in the order given. Returns the path; OSError when it cannot be written."""
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepInFrame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.documents.letter_layout import style_maker

    face = Typeface(*find_fonts())
    body_width = PAGE_WIDTH - 2 * MARGIN
    start = cards[0].start if cards else printed_on
    end = cards[0].end if cards else printed_on
    title = f"Fiches commerciaux {period_fr(start, end)}"

    style = style_maker(face.regular)
    s_title = style("title", fontName=face.bold, fontSize=15, leading=19, spaceAfter=2)
    s_text = style("text")
    s_muted = style("muted", fontSize=8.5, leading=11, textColor=color(MUTED))
    s_head = style("head", fontName=face.bold, fontSize=11, leading=14, spaceBefore=8)
    s_cell = style("cell", fontSize=8, leading=10)
    s_cell_bold = style("cell_bold", fontName=face.bold, fontSize=8, leading=10)
    s_right = style("right", fontSize=8, leading=10, alignment=2)
    s_right_bold = style("right_bold", fontName=face.bold, fontSize=8, leading=10, alignment=2)
    s_hdr = style("hdr", fontName=face.bold, fontSize=7.5, leading=9, alignment=2)
    s_value = style("value", fontName=face.bold, fontSize=9.5, leading=12, alignment=2)
    s_def = style("def", fontSize=7.5, leading=9.5)
    s_box_head = style("box_head", fontName=face.bold, fontSize=9, leading=11, spaceAfter=2)

    def para(text: str, st: Any) -> Paragraph:
        return Paragraph(face.escape(text), st)

    def money(cents: int) -> str:
        return face.money(cents)

    first_page, later_page = report_page_decorators(face, company, title, printed_on)

    first_top, later_top = 45 * mm, 20 * mm

    def frame(top: float, name: str) -> Any:
        return Frame(
            MARGIN, MARGIN, body_width, PAGE_HEIGHT - top - MARGIN, id=name,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip

    def grid_style(*, totals: bool) -> Any:
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), color(HEADER_BACKGROUND)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, color(RULE)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, color(LIGHT_RULE)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if totals:
            commands += [
                ("BACKGROUND", (0, -1), (-1, -1), color(TOTAL_BACKGROUND)),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, color(RULE)),
            ]
        return TableStyle(commands)

    # --- the cover -------------------------------------------------------------------------

    def summary_cells(
        name: str,
        customers: int,
        open_cents: int,
        overdue_cents: int,
        share: int | None,
        paid: Lateness,
        new: str,
        helped: str,
        visits: int,
        promises: PromiseTally,
        bold: bool,
    ) -> list[Any]:
        left, right = (s_cell_bold, s_right_bold) if bold else (s_cell, s_right)
        kept = promises.kept_share_bp
        return [
            para(clipped(name), left),
            para(str(customers), right),
            para(money(open_cents), right),
            para(f"{money(overdue_cents)}\n{percent_fr(share)}", right),
            para(days_fr(paid.average_tenths), right),
            para(new, right),
            para(helped, right),
            para(str(visits), right),
            para(
                f"{promises.count}" + (f"\n{percent_fr(kept)} tenues" if kept is not None else ""),
                right,
            ),
        ]

    headers = [
        para("Commercial", s_cell_bold),
        para("Clients", s_hdr),
        para("Encours", s_hdr),
        para("Échu\n(part)", s_hdr),
        para("Retard moyen", s_hdr),
        para(f"Nouveaux clients ({NEW_CUSTOMER_MONTHS} mois) / bloqués", s_hdr),
        para("Litiges aidés", s_hdr),
        para("Visites", s_hdr),
        para("Promesses", s_hdr),
    ]
    widths_mm = (29, 14, 26, 25, 15, 21, 13, 14, 21)
    scale = body_width / (sum(widths_mm) * mm)
    widths = [w * mm * scale for w in widths_mm]

    story: list[Any] = [
        NextPageTemplate("later"),
        para("Fiches commerciaux", s_title),
        para(
            f"Période {period_fr(start, end)} · encours et retards arrêtés au "
            f"{short_date(end)} · montants TTC",
            s_text,
        ),
        Spacer(1, 4 * mm),
    ]
    if cards:
        rows = [headers]
        for card in cards:
            rows.append(
                summary_cells(
                    salesperson_fr(card),
                    card.customer_count,
                    card.open_cents,
                    card.overdue_cents,
                    card.overdue_share_bp,
                    card.paid,
                    f"{card.new_customers} / {card.new_customers_blocked}",
                    str(card.disputes_helped),
                    card.visit_reports,
                    card.promises,
                    False,
                )
            )
        several = len(cards) > 1
        if several:
            open_total = sum(c.open_cents for c in cards)
            overdue_total = sum(c.overdue_cents for c in cards)
            rows.append(
                summary_cells(
                    "Ensemble",
                    sum(c.customer_count for c in cards),
                    open_total,
                    overdue_total,
                    share_bp(min(max(overdue_total, 0), open_total), open_total),
                    lateness_sum(c.paid for c in cards),
                    f"{sum(c.new_customers for c in cards)} / "
                    f"{sum(c.new_customers_blocked for c in cards)}",
                    # A dispute two people helped with counts for each: no total.
                    "—",
                    sum(c.visit_reports for c in cards),
                    promise_sum(c.promises for c in cards),
                    True,
                )
            )
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid_style(totals=several))
        story.append(table)
        story.append(Spacer(1, 3 * mm))
        story.append(
            para(
                "Chaque fiche qui suit détaille ces chiffres et rappelle leurs définitions. "
                "Encours et part échue se recoupent avec la page Encours regroupée par "
                f"commercial au {short_date(end)}.",
                s_muted,
            )
        )
    else:
        story.append(para("Aucun commercial enregistré : aucune fiche à imprimer.", s_muted))

    # --- one page per salesperson ------------------------------------------------------------

    page_height = PAGE_HEIGHT - later_top - MARGIN

    def figure_rows(card: Scorecard) -> list[list[Any]]:
        paid, promises = card.paid, card.promises
        late_detail = (
            f"{_plural(paid.invoice_count, 'facture soldée', 'factures soldées')} pour "
            f"{money(paid.amount_cents)}, dont {paid.late_count} après l'échéance"
            if paid.invoice_count
            else "Aucune facture soldée pendant la période"
        )
        blocked = card.new_customers_blocked
        new_detail = (
            f"dont {blocked} bloqué{'s' if blocked > 1 else ''} ou en procédure "
            f"({percent_fr(card.blocked_share_bp)})"
            if card.new_customers
            else "Aucun client créé sur la fenêtre"
        )
        promise_detail = (
            f"{promises.kept} tenue{'s' if promises.kept > 1 else ''}, {promises.broken} "
            f"non tenue{'s' if promises.broken > 1 else ''}, {promises.pending} en attente ; "
            f"{money(promises.amount_cents)} promis ; part tenue "
            f"{percent_fr(promises.kept_share_bp)}"
            if promises.count
            else "Aucune promesse enregistrée pendant la période"
        )
        lines = [
            ("Portefeuille", _plural(card.customer_count, "client", "clients"), ""),
            ("Encours", money(card.open_cents), f"au {short_date(card.end)}"),
            (
                "Échu",
                money(card.overdue_cents),
                f"soit {percent_fr(card.overdue_share_bp)} de l'encours",
            ),
            ("Retard moyen de paiement", days_fr(paid.average_tenths), late_detail),
            (
                f"Nouveaux clients ({NEW_CUSTOMER_MONTHS} mois)",
                str(card.new_customers),
                new_detail,
            ),
            (
                "Litiges aidés à clore",
                str(card.disputes_helped),
                f"{_plural(card.disputes_closed, 'litige clos', 'litiges clos')} sur le "
                "portefeuille pendant la période",
            ),
            ("Rapports de visite", str(card.visit_reports), "écrits pendant la période"),
            ("Promesses de paiement", str(promises.count), promise_detail),
        ]
        rows = [[para("Indicateur", s_cell_bold), para("Valeur", s_right_bold), para("", s_cell)]]
        rows += [[para(a, s_cell), para(b, s_value), para(c, s_muted)] for a, b, c in lines]
        return rows

    def overdue_table(card: Scorecard) -> Any:
        if not card.top_overdue:
            return para("Aucun client du portefeuille n'a de montant échu.", s_muted)
        rows = [
            [
                para("Client", s_cell_bold),
                para("Encours", s_right_bold),
                para("Échu", s_right_bold),
                para("Plus ancien retard", s_right_bold),
            ]
        ]
        rows += [
            [
                para(clipped(c.name), s_cell),
                para(money(c.open_cents), s_right),
                para(money(c.overdue_cents), s_right),
                para(bucket_label_fr(c.oldest_bucket), s_right),
            ]
            for c in card.top_overdue
        ]
        table = Table(
            rows, colWidths=[body_width - 87 * mm, 29 * mm, 29 * mm, 29 * mm], repeatRows=1
        )
        table.setStyle(grid_style(totals=False))
        return table

    def definitions_box() -> Any:
        content: list[Any] = [para("Définitions", s_box_head)]
        for d in definitions():
            content.append(
                Paragraph(f"<b>{face.escape(d.label)}</b> : {face.escape(d.text)}", s_def)
            )
        box = Table([[content]], colWidths=[body_width])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), color(PANEL_BACKGROUND)),
                    ("BOX", (0, 0), (-1, -1), 0.5, color(RULE)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return box

    def one_card(card: Scorecard) -> list[Any]:
        figures = Table(
            figure_rows(card), colWidths=[50 * mm, 32 * mm, body_width - 82 * mm], repeatRows=1
        )
        figures.setStyle(grid_style(totals=False))
        return [
            para(f"Fiche commercial : {clipped(salesperson_fr(card))}", s_title),
            para(f"{clipped(company.name)} · période {period_fr(card.start, card.end)}", s_muted),
            Spacer(1, 3 * mm),
            figures,
            para("Clients aux plus gros montants échus", s_head),
            Spacer(1, 1.5 * mm),
            overdue_table(card),
            Spacer(1, 5 * mm),
            definitions_box(),
        ]

    for card in cards:
        story.append(PageBreak())
        # One page per salesperson whatever it holds: shrink rather than spill over.
        story.append(KeepInFrame(body_width, page_height, one_card(card), mode="shrink"))

    doc = BaseDocTemplate(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=face.printable(title),
        author=face.printable(company.name),
        subject="Fiches commerciaux",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame(first_top, "first")], onPage=first_page),
            PageTemplate(id="later", frames=[frame(later_top, "later")], onPage=later_page),
        ]
    )
    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path
