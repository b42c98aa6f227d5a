"""The salesperson's one-page pre-visit brief (fiche de visite), A4 PDF; several briefs
(the visits of a week) print one per page in one file.

Plain data in (`BriefData`, built by `services.brief`, with every label already in
French), ReportLab platypus out. An internal document: no window address; the company's
name and the date at the top. Each brief is shrunk to fit its page if it runs long, and
the open items table keeps the oldest ones when there are many (the rest is counted).

Sections: the alert (blocked, insolvency, under watch) as the banner of the customer
page says it; identity, terms and contacts; the outstanding and overdue amounts with
the open items; open disputes; pending promises and repayment plan instalments; the last
visit; the talking points. The solvency score with its main reasons follows the identity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    INK,
    LATE_INK,
    LIGHT_RULE,
    MUTED,
    RULE,
    Typeface,
    color,
    french_long_date,
    numbered_canvas,
    short_date,
    style_maker,
)
from desktop.documents.letter_layout import find_fonts as _fonts
from desktop.documents.output import written_atomically

__all__ = [
    "MAX_ITEMS",
    "BriefData",
    "BriefDispute",
    "BriefItem",
    "BriefVisit",
    "render_brief",
    "render_briefs",
]

MAX_ITEMS = 12  # open items listed on the page; the others are counted


@dataclass(frozen=True)
class BriefItem:
    number: str
    kind_label: str  # "Facture", "Avoir"…
    issued_on: date
    due_on: date
    open_cents: int  # signed: credits negative
    days_late: int | None
    disputed_cents: int = 0
    in_plan: bool = False  # covered by an active repayment plan


@dataclass(frozen=True)
class BriefDispute:
    reported_on: date
    category: str
    invoices: str
    disputed_cents: int
    status: str
    description: str = ""


@dataclass(frozen=True)
class BriefVisit:
    visit_date: date
    author: str
    worrying: tuple[str, ...]  # "Stock et rayonnages : …"
    reassuring: tuple[str, ...]
    notes: str  # what credit management should know, else the free text
    terms_reminded: bool | None
    approval_circuit: str = ""


@dataclass(frozen=True)
class BriefData:
    company_name: str
    as_of: date
    customer_name: str
    status: str  # "Actif", "Bloqué"…
    alert: str  # the banner text; "" when nothing to flag
    alert_level: str  # "blocked", "insolvency", "watch" or ""
    identity: tuple[tuple[str, str], ...]  # (label, value) rows, empty values left out
    open_cents: int
    overdue_cents: int
    oldest_days_late: int | None
    items: tuple[BriefItem, ...]
    disputes: tuple[BriefDispute, ...]
    commitments: tuple[str, ...]  # promises and plan instalments, one line each
    last_visit: BriefVisit | None
    talking_points: tuple[str, ...]
    next_visit_on: date | None = None
    score: str = ""  # "58/100 (à surveiller)"; "" leaves the line out
    score_reasons: tuple[str, ...] = ()  # "−15 : Part échue de l'encours : …", largest first

    @property
    def title(self) -> str:
        return f"Fiche de visite — {self.customer_name}"


_ALERT_COLORS = {
    "blocked": ("#FDE2E1", "#E8A39E", "#8C1D18"),
    "insolvency": ("#FFF3D6", "#E5C46B", "#6B4500"),
    "watch": ("#FFF3D6", "#E5C46B", "#6B4500"),
}


def render_brief(data: BriefData, path: Path) -> Path:
    """Write one brief to `path` (A4 PDF, one page) and return the path."""
    return render_briefs([data], path)


def render_briefs(briefs: Sequence[BriefData], path: Path) -> Path:
    """Write the briefs to `path`, one page each, in the order given."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepInFrame,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    face = Typeface(*_fonts())
    regular, bold = face.regular, face.bold
    width, height = A4
    margin = 14 * mm
    body_width = width - 2 * margin
    body_height = height - 2 * margin - 8 * mm
    ink = color(INK)
    muted = color(MUTED)
    rule = color(RULE)
    header_bg = color(HEADER_BACKGROUND)
    late_ink = color(LATE_INK)

    style = style_maker(regular, 8.5, 10.5)

    s_title = style("title", fontName=bold, fontSize=14, leading=17)
    s_small = style("small", fontSize=7.5, leading=9.5, textColor=muted)
    s_text = style("text")
    s_heading = style(
        "heading", fontName=bold, fontSize=10, leading=12, spaceBefore=5, spaceAfter=2
    )
    s_cell = style("cell", fontSize=8, leading=9.5)
    s_head = style("head", fontName=bold, fontSize=8, leading=9.5)
    s_head_right = style("head_right", fontName=bold, fontSize=8, leading=9.5, alignment=2)
    s_bullet = style("bullet", leftIndent=9, bulletIndent=0)

    def para(text: str, st: ParagraphStyle = s_text) -> Paragraph:
        return Paragraph(face.escape(text), st)

    def grid(rows: list[list[Any]], widths: Sequence[float], right_from: int) -> Table:
        scale = body_width / sum(widths)
        table = Table(rows, colWidths=[w * scale for w in widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 1), (-1, -1), regular),
                    ("FONTSIZE", (0, 1), (-1, -1), 8),
                    ("TEXTCOLOR", (0, 1), (-1, -1), ink),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
                    ("BACKGROUND", (0, 0), (-1, 0), header_bg),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, rule),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, color(LIGHT_RULE)),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def one_brief(data: BriefData) -> list[Any]:
        out: list[Any] = [
            para(data.title, s_title),
            para(
                f"{data.company_name} · préparée le {french_long_date(data.as_of)}"
                + (
                    f" · prochaine visite le {short_date(data.next_visit_on)}"
                    if data.next_visit_on
                    else ""
                ),
                s_small,
            ),
            Spacer(1, 3 * mm),
        ]
        if data.alert:
            background, border, text = _ALERT_COLORS.get(data.alert_level, _ALERT_COLORS["watch"])
            box = Table(
                [
                    [
                        para(
                            data.alert,
                            style("alert", fontName=bold, textColor=colors.HexColor(text)),
                        )
                    ]
                ],
                colWidths=[body_width],
            )
            box.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(background)),
                        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(border)),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            out += [box, Spacer(1, 2 * mm)]

        # Identity in two columns of (label, value).
        pairs = [(label, value) for label, value in data.identity if value]
        half = (len(pairs) + 1) // 2
        left, right = pairs[:half], pairs[half:]
        rows = []
        for k in range(half):
            row: list[Any] = []
            for side in (left, right):
                if k < len(side):
                    row += [para(side[k][0], s_small), para(side[k][1], s_cell)]
                else:
                    row += ["", ""]
            rows.append(row)
        if rows:
            identity = Table(rows, colWidths=[w * body_width for w in (0.14, 0.36, 0.14, 0.36)])
            identity.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            out.append(identity)

        if data.score:
            out.append(
                Paragraph(
                    f"Score de solvabilité : <b>{face.escape(data.score)}</b>",
                    style("score", spaceBefore=3),
                )
            )
            out += [Paragraph(face.escape(r), s_bullet, bulletText="•") for r in data.score_reasons]

        # Outstanding.
        oldest = (
            f" · plus ancien retard : {data.oldest_days_late} j" if data.oldest_days_late else ""
        )
        out.append(para("Encours et retards", s_heading))
        out.append(
            Paragraph(
                f"Encours : <b>{face.escape(face.money(data.open_cents))}</b> · dont échu : "
                f"<b>{face.escape(face.money(data.overdue_cents))}</b>{face.escape(oldest)}",
                s_text,
            )
        )
        if data.items:
            shown = data.items[:MAX_ITEMS]
            rows = [
                [
                    para("Pièce", s_head), para("Date", s_head), para("Échéance", s_head),
                    para("Reste dû", s_head_right), para("Retard", s_head_right),
                    para("Remarque", s_head),
                ]
            ]  # fmt: skip
            late_rows = []
            for item in shown:
                notes = []
                if item.kind_label:
                    notes.append(item.kind_label)
                if item.disputed_cents:
                    notes.append(f"contesté : {face.money(item.disputed_cents)}")
                if item.in_plan:
                    notes.append("dans un plan d'apurement")
                if item.days_late:
                    late_rows.append(len(rows))
                rows.append(
                    [
                        para(item.number, s_cell),
                        short_date(item.issued_on),
                        short_date(item.due_on),
                        face.money(item.open_cents),
                        f"{item.days_late}\u00a0j" if item.days_late else "",
                        para(" · ".join(notes), s_cell),
                    ]
                )
            table = grid(rows, (30, 18, 18, 24, 14, 46), 3)
            table.setStyle(
                TableStyle(
                    [("ALIGN", (5, 1), (5, -1), "LEFT")]
                    + [("TEXTCOLOR", (4, r), (4, r), late_ink) for r in late_rows]
                )
            )
            out += [Spacer(1, 1.5 * mm), table]
            if len(data.items) > MAX_ITEMS:
                rest = len(data.items) - MAX_ITEMS
                out.append(para(f"… et {rest} autre(s) pièce(s) ouverte(s).", s_small))
        else:
            out.append(para("Aucune pièce ouverte.", s_small))

        out.append(para("Litiges en cours", s_heading))
        if data.disputes:
            rows = [
                [
                    para("Signalé le", s_head), para("Catégorie", s_head),
                    para("Factures", s_head), para("Contesté", s_head_right),
                    para("Statut", s_head),
                ]
            ]  # fmt: skip
            for d in data.disputes:
                what = d.category + (f" — {d.description}" if d.description else "")
                rows.append(
                    [
                        short_date(d.reported_on),
                        para(what, s_cell),
                        para(d.invoices, s_cell),
                        face.money(d.disputed_cents),
                        para(d.status, s_cell),
                    ]
                )
            table = grid(rows, (18, 62, 30, 20, 20), 3)
            table.setStyle(TableStyle([("ALIGN", (4, 1), (4, -1), "LEFT")]))
            out.append(table)
        else:
            out.append(para("Aucun litige en cours.", s_small))

        out.append(para("Promesses et échéances de plan", s_heading))
        if data.commitments:
            out += [Paragraph(face.escape(c), s_bullet, bulletText="•") for c in data.commitments]
        else:
            out.append(para("Aucune promesse ni échéance en cours.", s_small))

        out.append(para("Dernière visite", s_heading))
        visit = data.last_visit
        if visit is None:
            out.append(para("Aucun rapport de visite.", s_small))
        else:
            head = f"{french_long_date(visit.visit_date)}" + (
                f" — {visit.author}" if visit.author else ""
            )
            if visit.terms_reminded is not None:
                head += (
                    " · conditions de paiement rappelées"
                    if visit.terms_reminded
                    else " · conditions de paiement non rappelées"
                )
            out.append(para(head, s_text))
            for text in visit.worrying:
                out.append(
                    Paragraph(
                        face.escape(text),
                        style("worry", leftIndent=9, bulletIndent=0, textColor=late_ink),
                        bulletText="▲" if face.unicode else "!",
                    )
                )
            for text in visit.reassuring:
                out.append(Paragraph(face.escape(text), s_bullet, bulletText="•"))
            if visit.approval_circuit:
                out.append(para(f"Circuit de validation des factures : {visit.approval_circuit}"))
            if visit.notes:
                out.append(para(visit.notes, style("notes", textColor=muted)))

        out.append(para("Points à aborder", s_heading))
        out += [Paragraph(face.escape(p), s_bullet, bulletText="•") for p in data.talking_points]
        return out

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 4 * mm,
        title=face.printable(briefs[0].title if len(briefs) == 1 else "Fiches de visite"),
        author=face.printable(briefs[0].company_name if briefs else ""),
        subject="Fiche de visite",
        creator="Encaisse",
    )
    story: list[Any] = []
    for k, data in enumerate(briefs):
        if k:
            story.append(PageBreak())
        # One page per customer, whatever it holds: shrink rather than spill over.
        story.append(KeepInFrame(body_width, body_height, one_brief(data), mode="shrink"))
    if not story:
        story.append(para("Aucune visite prévue.", s_text))
    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path
