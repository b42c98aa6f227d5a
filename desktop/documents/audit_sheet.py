"""The Excel export of the audit trail: one row per change, as filtered on screen.

Plain data in, already in words (the UI labels kinds, actions and fields in the user's
language). Every text goes through `documents.excel.set_text`: a summary or a value
someone typed starting with "=" stays text, never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from desktop.documents.excel import set_text, sheet_title, xml_safe
from desktop.documents.output import written_atomically

__all__ = ["AuditSheetRow", "write_audit_xlsx"]

DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E8EDF3")
_RULE = Side(style="thin", color="9AA5B1")
_WIDTHS = (17, 22, 14, 28, 34, 50, 70)


@dataclass(frozen=True)
class AuditSheetRow:
    at: datetime
    actor: str
    action: str
    record: str  # the kind of record and its number
    customer: str
    summary: str
    changes: str  # one "field : before → after" per line


def write_audit_xlsx(
    rows: Sequence[AuditSheetRow],
    path: Path,
    *,
    headers: Sequence[str],
    title: str,
    company_name: str = "",
    created: datetime | None = None,
) -> None:
    """Write the rows under `headers` (seven: date, who, action, record, customer,
    summary, changes) to an .xlsx file: header frozen, with filters."""
    if len(headers) != len(_WIDTHS):
        raise ValueError(f"{len(_WIDTHS)} headers expected, got {len(headers)}")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title("", title).strip()
    workbook.properties.title = title
    workbook.properties.creator = xml_safe(company_name) or "Encaisse"
    if created is not None:  # a fixed date gives byte-identical files in tests
        workbook.properties.created = created
        workbook.properties.modified = created
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = Border(bottom=_RULE)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for number, row in enumerate(rows, start=2):
        when = sheet.cell(row=number, column=1, value=row.at)
        when.number_format = DATETIME_FORMAT
        when.alignment = top
        texts = (row.actor, row.action, row.record, row.customer, row.summary, row.changes)
        for column, text in enumerate(texts, start=2):
            cell = sheet.cell(row=number, column=column)
            set_text(cell, text)
            cell.alignment = wrap if column >= 6 else top
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[chr(ord("A") + column - 1)].width = width
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:G{len(rows) + 1}"
    with written_atomically(path) as temporary:
        workbook.save(temporary)
