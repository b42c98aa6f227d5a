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

Helpers here (fonts, French dates and amounts, numbered canvas) overlap with
`documents/pdf_common.py`, written at the same time; to merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.domain.enums import DocumentKind
from desktop.domain.money import format_cents

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

_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_KIND_LABELS = {
    DocumentKind.INVOICE: "Facture",
    DocumentKind.CREDIT_NOTE: "Avoir",
    DocumentKind.PAYMENT: "Règlement non affecté",
    DocumentKind.EXPECTED_INSTALMENT: "Échéance à venir",
}
_NNBSP = "\u202f"
_NBSP = "\u00a0"


def french_long_date(day: date) -> str:
    """date(2026, 3, 16) -> '16 mars 2026'; the first of the month is '1er'."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS[day.month - 1]} {day.year}"


# --- The data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The user's company as printed at the top of the statement."""

    name: str
    legal_form: str = ""
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    # Already formatted for print: "SIREN 814 527 368", "TVA FR12814527368", "BCE 0403.170.701".
    identifiers: tuple[str, ...] = ()
    iban: str = ""  # formatted in groups of four: "FR76 3000 4008 …"
    bic: str = ""


@dataclass(frozen=True)
class Recipient:
    """The customer, as its address shows through the envelope window."""

    name: str
    address_lines: tuple[str, ...] = ()  # street lines, "75011 Paris", country if abroad
    account_code: str = ""
    identifier: str = ""  # SIREN or enterprise number, formatted


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

    @property
    def title(self) -> str:
        return f"Relevé de compte au {french_long_date(self.as_of)}"

    @property
    def mentions(self) -> tuple[str, ...]:
        """Every legal mention, in print order."""
        parts = (self.penalty_mention, self.indemnity_mention, *self.other_mentions)
        return (*(p for p in parts if p), self.ignore_if_paid)


# --- Fonts and text ------------------------------------------------------------------------

_FONT_DIRS = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path("C:/Windows/Fonts"),
)


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str, bool]:
    """(regular, bold, unicode): DejaVu Sans when a copy is found, else Helvetica, whose
    WinAnsi encoding has no narrow no-break space (and no glyph beyond Latin-1)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        try:
            if regular.is_file() and bold.is_file():
                pdfmetrics.registerFont(TTFont("Encaisse-Sans", str(regular)))
                pdfmetrics.registerFont(TTFont("Encaisse-Sans-Bold", str(bold)))
                pdfmetrics.registerFontFamily(
                    "Encaisse-Sans", normal="Encaisse-Sans", bold="Encaisse-Sans-Bold"
                )
                return "Encaisse-Sans", "Encaisse-Sans-Bold", True
        except Exception:  # an unreadable or broken font file: try the next folder
            continue
    return "Helvetica", "Helvetica-Bold", False


def _printable(text: str) -> str:
    """The text with the narrow no-break space swapped when the font cannot draw it."""
    return text if _fonts()[2] else text.replace(_NNBSP, _NBSP)


def _money(cents: int) -> str:
    return _printable(format_cents(cents, lang="fr"))


def _fit(text: str, font: str, size: float, max_width: float) -> str:
    """`text` cut with an ellipsis so it fits in `max_width` points (canvas strings)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = _printable(text)
    if stringWidth(text, font, size) <= max_width:
        return text
    while text and stringWidth(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _short_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(_printable(text)).replace("\n", "<br/>")


# --- Rendering ---------------------------------------------------------------------------------

_PAGE_NUMBER_FONT_SIZE = 8


def render_statement(data: StatementData, path: Path) -> Path:
    """Write the statement of `data` to `path` (A4 PDF) and return the path."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
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

    regular, bold, _ = _fonts()
    width, height = A4
    margin = 15 * mm
    body_width = width - 2 * margin
    ink = colors.HexColor("#1F2933")
    muted = colors.HexColor("#616E7C")
    rule = colors.HexColor("#9AA5B1")
    header_bg = colors.HexColor("#E8EDF3")
    late_ink = colors.HexColor("#B42318")

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": regular,
            "fontSize": 9,
            "leading": 11.5,
            "textColor": ink,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    s_company = style("company", fontName=bold, fontSize=13, leading=16)
    s_small = style("small", fontSize=8, leading=10, textColor=muted)
    s_address = style("address", fontSize=10, leading=13)
    s_address_name = style("address_name", fontName=bold, fontSize=10, leading=13)
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
        return Paragraph(_escape(text), st)

    company, customer = data.company, data.customer

    # --- first page: letterhead and the address in the envelope window -------------------
    letterhead_width = 88 * mm
    address_left, address_top, address_width = 110 * mm, 45 * mm, 85 * mm

    def letterhead_flowables() -> list[Any]:
        parts: list[Any] = [para(company.name, s_company)]
        lines = list(company.address_lines)
        contact = " · ".join(p for p in (company.phone, company.email) if p)
        if contact:
            lines.append(contact)
        legal = " · ".join(p for p in (company.legal_form, *company.identifiers) if p)
        if lines:
            parts.append(para("\n".join(lines), s_small))
        if legal:
            parts.append(para(legal, s_small))
        return parts

    def address_flowables() -> list[Any]:
        parts: list[Any] = [para(customer.name, s_address_name)]
        if customer.address_lines:
            parts.append(para("\n".join(customer.address_lines), s_address))
        return parts

    def draw_stack(canvas: Any, flowables: list[Any], x: float, top: float, w: float) -> None:
        y = height - top
        for flowable in flowables:
            _w, h = flowable.wrapOn(canvas, w, height)
            y -= h
            flowable.drawOn(canvas, x, y)
            y -= 1.5

    def first_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        draw_stack(canvas, letterhead_flowables(), margin, 14 * mm, letterhead_width)
        draw_stack(canvas, address_flowables(), address_left, address_top, address_width)
        canvas.restoreState()
        footer(canvas, doc)

    def later_page(canvas: Any, doc: Any) -> None:
        name = _fit(company.name, bold, 8.5, body_width * 0.4)
        canvas.saveState()
        canvas.setFont(bold, 8.5)
        canvas.setFillColor(ink)
        canvas.drawString(margin, height - 11 * mm, name)
        room = body_width - stringWidth(name, bold, 8.5) - 6 * mm
        canvas.setFont(regular, 8)
        canvas.setFillColor(muted)
        canvas.drawRightString(
            width - margin,
            height - 11 * mm,
            _fit(f"{data.title} — {customer.name}", regular, 8, room),
        )
        canvas.setStrokeColor(rule)
        canvas.setLineWidth(0.5)
        canvas.line(margin, height - 12.5 * mm, width - margin, height - 12.5 * mm)
        canvas.restoreState()
        footer(canvas, doc)

    def footer(canvas: Any, _doc: Any) -> None:
        legal = " · ".join(p for p in (company.name, company.legal_form, *company.identifiers) if p)
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.setFillColor(muted)
        canvas.drawString(margin, 8 * mm, _fit(legal, regular, 7, body_width - 25 * mm))
        canvas.restoreState()

    # The body starts below the address block, however many lines the name takes.
    address_height = sum(f.wrap(address_width, height)[1] + 1.5 for f in address_flowables())
    first_body_top = max(92 * mm, address_top + address_height + 10 * mm)
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
        title=_printable(f"{data.title} — {customer.name}"),
        author=_printable(company.name),
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
        number = _escape(line.number)
        note = ""
        if line.kind is not DocumentKind.INVOICE:
            note = line.label or _KIND_LABELS.get(line.kind, "")
        cell = Paragraph(
            number
            + (f"<br/><font size='7' color='#616E7C'>{_escape(note)}</font>" if note else ""),
            s_cell,
        )
        late = f"{line.days_late}{_NBSP}j" if line.days_late else ""
        if line.days_late:
            late_rows.append(len(rows))
        rows.append(
            [
                cell,
                _short_date(line.issued_on),
                _short_date(line.due_on),
                _money(line.total_cents),
                _money(line.paid_cents) if line.paid_cents else "",
                _money(line.open_cents),
                late,
            ]
        )
    if not data.lines:
        rows.append([para("Aucune pièce en attente de règlement.", s_cell_note), *[""] * 6])
    table = Table(rows, colWidths=col_widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 1), (-1, -1), regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), ink),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D5DBE1")),
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

    totals = Table(
        [
            ["Total restant dû", _money(data.total_due_cents)],
            ["dont échu", _money(data.total_overdue_cents)],
        ],
        colWidths=[45 * mm, 32 * mm],
        hAlign="RIGHT",
    )
    totals.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTNAME", (0, 1), (-1, 1), regular),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), ink),
                ("TEXTCOLOR", (0, 1), (-1, 1), late_ink if data.total_overdue_cents else ink),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, rule),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
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
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F7F9FB")),
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

    doc.build(
        story,
        canvasmaker=_numbered_canvas(regular, _PAGE_NUMBER_FONT_SIZE, width - margin, 8 * mm),
    )
    return path


def _numbered_canvas(font: str, size: float, right: float, bottom: float) -> Any:
    """A canvas class that writes "Page n/N" at (right, bottom) once it knows N, on
    statements of more than one page."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if total > 1:
                    self.saveState()
                    self.setFont(font, size)
                    self.setFillColorRGB(0.38, 0.43, 0.49)
                    self.drawRightString(right, bottom, f"Page {number}/{total}")
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas
