"""The aged balance printed as a PDF (landscape A4), and the French labels of its
buckets and groups, shared with the Excel export and the CLI.

Plain data in: a `domain.aging.AgedBalance`. ReportLab is imported when rendering only,
so the labels stay cheap to import.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.aging import AgedBalance, AgedBy

_GROUP_LABELS = {
    AgedBy.CUSTOMER: "Client",
    AgedBy.SALESPERSON: "Commercial",
    AgedBy.SEGMENT: "Segment",
}
_NO_GROUP = {
    AgedBy.CUSTOMER: "",
    AgedBy.SALESPERSON: "(sans commercial)",
    AgedBy.SEGMENT: "(sans segment)",
}
_BY_LABELS = {
    AgedBy.CUSTOMER: "par client",
    AgedBy.SALESPERSON: "par commercial",
    AgedBy.SEGMENT: "par segment",
}


def bucket_label_fr(key: str) -> str:
    """'not_due' -> 'Non échu', '1-30' -> '1–30 j', '120+' -> '> 120 j'."""
    if key == "not_due":
        return "Non échu"
    if key == "all":
        return "Encours"
    if key.startswith("up_to_"):
        return f"Jusqu'à {key.removeprefix('up_to_')} j"
    if key.endswith("+"):
        return f"> {key[:-1]} j"
    low, _, high = key.partition("-")
    return f"{low}–{high} j"


def group_label_fr(by: AgedBy | str) -> str:
    """The heading of the group column: 'Client', 'Commercial' or 'Segment'."""
    return _GROUP_LABELS[AgedBy(by)]


def group_name_fr(by: AgedBy | str, name: str, group_id: int | None) -> str:
    """The row's name, or '(sans commercial)' / '(sans segment)' for the row of customers
    without one."""
    return name if group_id is not None else _NO_GROUP[AgedBy(by)]


def title_fr(as_of: date) -> str:
    return f"Balance âgée au {as_of.strftime('%d/%m/%Y')}"


def render_aged_balance_pdf(
    balance: AgedBalance,
    path: Path,
    *,
    company_name: str = "",
    printed_on: date | None = None,
) -> None:
    """Write the aged balance to `path`: title, company name, one row per group with
    amounts in French format ('1 234,56 €'), a totals row; the header row repeats on
    every page. Names are printed literally (escaped)."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer, Table

    from desktop.documents.pdf_common import (
        FONT,
        FONT_BOLD,
        build_pdf,
        content_width,
        fr_amount,
        paragraph,
        styles,
        table_style,
    )

    sheet = styles()
    title = title_fr(balance.as_of)
    by = AgedBy(balance.by)

    # Amounts are plain strings (one line, never split inside a number); codes and names
    # are escaped paragraphs that wrap.
    totals = balance.totals or (0,) * balance.buckets.count
    amount_header = [*map(bucket_label_fr, balance.keys), "Total"]
    amount_rows = [
        # Blank rather than "0,00 €": the eye finds the late amounts.
        [fr_amount(a) if a else "" for a in row.amounts] + [fr_amount(row.total)]
        for row in balance.rows
    ]
    amount_totals = [fr_amount(a) for a in (*totals, balance.total)]

    # Each amount column as wide as its widest text (bold, to be safe); a smaller font
    # when a very large balance would leave the name column less than 45 mm.
    width = content_width(is_landscape=True)
    code_width = 24 * mm
    padding = 8
    font_size = 8.5

    def widths_at(size: float) -> list[float]:
        return [
            max(
                stringWidth(line[i], FONT_BOLD, size)
                for line in (amount_header, *amount_rows, amount_totals)
            )
            + padding
            for i in range(len(amount_header))
        ]

    amount_widths = widths_at(font_size)
    while width - code_width - sum(amount_widths) < 45 * mm and font_size > 6:
        font_size -= 0.5
        amount_widths = widths_at(font_size)
    amount_widths = [max(w, 20 * mm) for w in amount_widths]
    name_width = max(45 * mm, width - code_width - sum(amount_widths))
    cell = sheet["Cell"].clone("AgingCell", fontSize=font_size, leading=font_size + 2)
    bold = sheet["CellBold"].clone("AgingCellBold", fontSize=font_size, leading=font_size + 2)

    data: list[list[object]] = [
        [Paragraph("Code", bold), Paragraph(group_label_fr(by), bold), *amount_header]
    ]
    for row, amounts in zip(balance.rows, amount_rows, strict=True):
        data.append(
            [
                paragraph(row.code, cell),
                paragraph(group_name_fr(by, row.name, row.group_id), cell),
                *amounts,
            ]
        )
    data.append(
        [Paragraph("Total", bold), Paragraph(f"{len(balance.rows)} ligne(s)", bold), *amount_totals]
    )
    # splitInRow: a row taller than a page (a pasted name) goes on over the next page
    # instead of failing the whole document (issue 8).
    table = Table(
        data, colWidths=[code_width, name_width, *amount_widths], repeatRows=1, splitInRow=1
    )
    style = table_style(totals_row=True)
    # Top-aligned: ReportLab cannot split a row over two pages when two of its cells are
    # taller than a page and centred (issue 8: pasted names and codes).
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    style.add("FONTSIZE", (2, 0), (-1, -1), font_size)
    style.add("FONTNAME", (2, 1), (-2, -2), FONT)
    style.add("FONTNAME", (-1, 1), (-1, -1), FONT_BOLD)  # the total column
    style.add("ALIGN", (2, 0), (-1, -1), "RIGHT")
    table.setStyle(style)

    summary = f"Créances ouvertes {_BY_LABELS[by]}, montants TTC. Encours total : {fr_amount(balance.total)}"
    if balance.keys[0] == "not_due":
        summary += f" · dont échu : {fr_amount(balance.overdue)}"
    story = [
        Paragraph(title, sheet["Title"]),
        Paragraph(summary, sheet["Normal"]),
        Spacer(1, 5 * mm),
        table,
    ]
    if not balance.rows:
        story += [
            Spacer(1, 4 * mm),
            Paragraph("Aucune créance ouverte à cette date.", sheet["Normal"]),
        ]
    build_pdf(
        path,
        story,
        company_name=company_name,
        title=title,
        printed_on=printed_on,
        is_landscape=True,
    )
