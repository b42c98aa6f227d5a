"""Excel exports (openpyxl), fed plain data.

Amounts are written as numbers (euros, exact to the cent) with a currency number format;
Excel shows them the user's way ("1 234,56 €" on a French system). Number format codes
are stored in the file in a locale-neutral syntax — `#,##0.00 "€"`, where "," groups
thousands and "." marks decimals — so the French-looking `# ##0,00 €` would be wrong here.

Text a user typed never becomes a formula: a string starting with = + - @ (or a tab or
a carriage return) is stored as a string cell with Excel's quote prefix (the invisible
apostrophe), not as a formula or with a visible "'".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.documents.aging_pdf import bucket_label_fr, group_label_fr, group_name_fr
from desktop.documents.output import written_atomically
from desktop.domain.aging import AgedBalance, AgedBy
from desktop.domain.money import cents_to_decimal
from desktop.domain.text import looks_like_formula

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

# openpyxl (and numpy, which it loads) is imported by the functions that write a
# workbook, not with this module: the services import it at start-up (issue 9).

EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"'


def xml_safe(text: str) -> str:
    """`text` without the control characters XML refuses. Needed for the workbook's
    properties (title, author): openpyxl writes them as they are, and a company name
    holding a pasted NUL made a file Excel refuses to open."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def set_text(cell: Cell, text: str) -> None:
    """Put user text in `cell` so that it is shown as typed and never evaluated (line
    breaks are stored as LF, the only one XML keeps)."""
    trigger = looks_like_formula(text)
    # Control characters are refused by XML; a lone CR would be read back as LF anyway.
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    cell.value = text
    if trigger or looks_like_formula(text):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_amount(cell: Cell, cents: int) -> None:
    """An amount in cents, written as a number of euros with the euro format."""
    cell.value = cents_to_decimal(cents)
    cell.number_format = EURO_FORMAT


def sheet_title(as_of_text: str, prefix: str = "Balance âgée") -> str:
    """A worksheet title: at most 31 characters, none of []:*?/\\."""
    title = f"{prefix} {as_of_text}"
    for bad in "[]:*?/\\":
        title = title.replace(bad, "-")
    return title[:31]


def write_aged_balance_xlsx(
    balance: AgedBalance, path: Path, *, company_name: str = "", created: datetime | None = None
) -> None:
    """Write the aged balance to an .xlsx file: a header row (frozen, with filters), one
    row per group (code, name, one amount per bucket, total) and a totals row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E8EDF3")
    totals_fill = PatternFill("solid", fgColor="F2F2F2")
    rule = Side(style="thin", color="9AA5B1")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(balance.as_of.strftime("%d-%m-%Y"))
    workbook.properties.title = f"Balance âgée au {balance.as_of.strftime('%d/%m/%Y')}"
    workbook.properties.creator = xml_safe(company_name) or "Encaisse"
    if created is not None:  # a fixed date gives byte-identical files in tests
        workbook.properties.created = created
        workbook.properties.modified = created

    by = AgedBy(balance.by)
    headers = ["Code", group_label_fr(by), *map(bucket_label_fr, balance.keys), "Total"]
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, header)
        cell.font = header_font
        cell.fill = header_fill
        cell.border = Border(bottom=rule)
        if column > 2:
            cell.alignment = Alignment(horizontal="right")

    row_number = 1
    for row in balance.rows:
        row_number += 1
        set_text(sheet.cell(row=row_number, column=1), row.code)
        set_text(sheet.cell(row=row_number, column=2), group_name_fr(by, row.name, row.group_id))
        for offset, cents in enumerate((*row.amounts, row.total)):
            set_amount(sheet.cell(row=row_number, column=3 + offset), cents)

    row_number += 1
    totals = balance.totals or (0,) * balance.buckets.count
    set_text(sheet.cell(row=row_number, column=1), "Total")
    set_text(sheet.cell(row=row_number, column=2), f"{len(balance.rows)} ligne(s)")
    for offset, cents in enumerate((*totals, balance.total)):
        set_amount(sheet.cell(row=row_number, column=3 + offset), cents)
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=row_number, column=column)
        cell.font = header_font
        cell.fill = totals_fill
        cell.border = Border(top=rule)

    sheet.freeze_panes = "C2"
    last_column = get_column_letter(len(headers))
    if balance.rows:
        sheet.auto_filter.ref = f"A1:{last_column}{row_number - 1}"
    longest_name = max((len(r.name) for r in balance.rows), default=10)
    sheet.column_dimensions["A"].width = max(
        8, min(20, max((len(r.code) for r in balance.rows), default=6) + 2)
    )
    sheet.column_dimensions["B"].width = max(24, min(50, longest_name + 2))
    for column in range(3, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    with written_atomically(path) as temporary:
        workbook.save(temporary)
