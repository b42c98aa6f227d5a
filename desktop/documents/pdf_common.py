"""What every printed PDF shares: page template, table style, safe paragraphs, French
amounts and dates. ReportLab platypus; plain data in, no Qt, no ORM.

User text (customer names, labels, notes) always goes through `paragraph()`, which
escapes it with the letters' own `Typeface.escape`: ReportLab paragraphs read a small
XML markup, so an unescaped "Dupont & Fils <SARL>" would print wrong or fail.

The fonts are the letters' (DejaVu Sans when found, so Greek, Hebrew or Arabic names
print; else Helvetica, which only covers Latin-1 / WinAnsi): the narrow no-break space
that `format_cents` puts between thousands is swapped for a no-break space.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, TableStyle

from desktop.documents.letter_layout import Typeface, find_fonts
from desktop.documents.output import written_atomically
from desktop.domain.money import format_cents

FONT, FONT_BOLD, _ = find_fonts()
MARGIN = 15 * mm
HEADER_BACKGROUND = colors.HexColor("#E8EDF3")
TOTALS_BACKGROUND = colors.HexColor("#F2F2F2")
RULE = colors.HexColor("#9AA5B1")
FRAME_PADDING = 6  # SimpleDocTemplate's frame default

_NNBSP = "\u202f"
_NBSP = "\u00a0"


def fr_amount(cents: int, *, symbol: bool = True) -> str:
    """1234567 -> '12 345,67 €' with no-break spaces the standard fonts can draw."""
    return format_cents(cents, lang="fr", symbol=symbol).replace(_NNBSP, _NBSP)


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def styles() -> StyleSheet1:
    """The sample style sheet plus table cells: 'Cell', 'CellBold', 'CellRight',
    'CellRightBold', 'HeaderCell', 'HeaderCellRight', and 'Small'."""
    sheet = getSampleStyleSheet()
    base = ParagraphStyle("Cell", parent=sheet["Normal"], fontName=FONT, fontSize=8.5, leading=10.5)
    sheet.add(base)
    sheet.add(ParagraphStyle("CellBold", parent=base, fontName=FONT_BOLD))
    sheet.add(ParagraphStyle("CellRight", parent=base, alignment=TA_RIGHT))
    sheet.add(ParagraphStyle("CellRightBold", parent=base, alignment=TA_RIGHT, fontName=FONT_BOLD))
    sheet.add(ParagraphStyle("HeaderCell", parent=base, fontName=FONT_BOLD))
    sheet.add(
        ParagraphStyle("HeaderCellRight", parent=base, fontName=FONT_BOLD, alignment=TA_RIGHT)
    )
    sheet.add(ParagraphStyle("Small", parent=sheet["Normal"], fontSize=8, leading=10))
    return sheet


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph printing `text` literally (markup escaped, line breaks kept)."""
    return Paragraph(Typeface.default().escape(text), style)


def table_style(
    *, header_rows: int = 1, totals_row: bool = False, zebra: bool = True
) -> TableStyle:
    """A sober grid: shaded bold header, light row rules, optional zebra and totals row."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BACKGROUND),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, RULE),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, colors.HexColor("#D5DBE1")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        last_body = -2 if totals_row else -1
        commands.append(
            ("ROWBACKGROUNDS", (0, header_rows), (-1, last_body), [colors.white, "#FAFBFC"])
        )
    if totals_row:
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTALS_BACKGROUND),
            ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
        ]
    return TableStyle(commands)


def page_decorator(
    company_name: str, title: str, printed_on: date | None = None
) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """Draws on every page: the company name and the title at the top, the print date
    and "Page n" at the bottom. Canvas strings are not markup: no escaping needed, but
    the name is kept on one line (no control character) and within half the width."""
    face = Typeface.default()

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9)
        name = face.fit(company_name, FONT_BOLD, 9, (width - 2 * MARGIN) / 2)
        canvas.drawString(MARGIN, height - 10 * mm, name)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(width - MARGIN, height - 10 * mm, title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
        if printed_on is not None:
            canvas.drawString(MARGIN, 8 * mm, f"Édité le {fr_date(printed_on)}")
        canvas.drawRightString(width - MARGIN, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return decorate


def build_pdf(
    path: Path,
    story: Sequence[Flowable],
    *,
    company_name: str,
    title: str,
    printed_on: date | None = None,
    is_landscape: bool = False,
) -> None:
    """Write `story` to `path` on A4 (portrait or landscape) with the page decorator."""
    pagesize = landscape(A4) if is_landscape else A4
    doc = SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=company_name,
        creator="Encaisse",
    )
    decorate = page_decorator(company_name, title, printed_on)
    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate)


def content_width(*, is_landscape: bool = False) -> float:
    """The width a flowable may take between the margins, in points (the frame keeps
    6 pt of padding on each side)."""
    pagesize = landscape(A4) if is_landscape else A4
    return pagesize[0] - 2 * MARGIN - 2 * FRAME_PADDING
