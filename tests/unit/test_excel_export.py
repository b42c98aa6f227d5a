"""Exports of the aged balance: Excel (formula safety, number formats) and PDF (escaping)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.documents.aging_pdf import render_aged_balance_pdf
from desktop.documents.excel import EURO_FORMAT, set_text, write_aged_balance_xlsx
from desktop.documents.pdf_common import fr_amount, paragraph, styles
from desktop.domain.aging import DEFAULT_BUCKETS, AgedBalance, AgedBalanceRow, AgedBy, aged_totals

AS_OF = date(2026, 3, 16)
HOSTILE = [
    "=1+2",
    '=HYPERLINK("http://example.com";"clic")',
    "+33 6 12 34 56 78",
    "-42",
    "@SUM(A1:A9)",
    "\tcmd",
    "\rcmd",
]


def balance_of(*rows: AgedBalanceRow, by: AgedBy = AgedBy.CUSTOMER) -> AgedBalance:
    totals = aged_totals(rows, DEFAULT_BUCKETS.count)
    return AgedBalance(AS_OF, by, DEFAULT_BUCKETS, rows, totals, sum(totals))


def row(group_id: int | None, code: str, name: str, *amounts: int) -> AgedBalanceRow:
    return AgedBalanceRow(group_id, code, name, amounts, sum(amounts))


@pytest.fixture
def sample() -> AgedBalance:
    return balance_of(
        row(1, "411DUPONT", "Dupont & Fils <SARL>", 123_456, 0, 776_045, 0, 0, -1_500),
        row(2, "411ABBAYE", "Brasserie de l'Abbaye SRL", 0, 50_000, 0, 0, 20_000, 99),
        *(row(10 + i, f"C{i}", text, 100, 0, 0, 0, 0, 0) for i, text in enumerate(HOSTILE)),
        row(30, "=CMD|' /C calc'!A0", "Code piégé", 0, 0, 0, 1, 0, 0),
    )


# --- Excel ------------------------------------------------------------------------------


def test_xlsx_layout_numbers_and_totals(sample: AgedBalance, tmp_path: Path) -> None:
    path = tmp_path / "balance.xlsx"
    write_aged_balance_xlsx(sample, path, company_name="Encaisse Démo SAS")
    sheet = load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == [
        "Code",
        "Client",
        "Non échu",
        "1–30 j",
        "31–60 j",
        "61–90 j",
        "91–120 j",
        "> 120 j",
        "Total",
    ]
    assert sheet.freeze_panes == "C2"
    first = [c.value for c in sheet[2]]
    assert first[:2] == ["411DUPONT", "Dupont & Fils <SARL>"]
    assert first[2:] == [1234.56, 0, 7760.45, 0, 0, -15, 8980.01]
    for cell in sheet[2][2:]:
        assert cell.data_type == "n"
        assert cell.number_format == EURO_FORMAT
    last = sheet.max_row
    assert last == 1 + len(sample.rows) + 1
    totals = [c.value for c in sheet[last]]
    assert totals[0] == "Total"
    assert totals[2:] == pytest.approx([x / 100 for x in (*sample.totals, sample.total)])
    assert sheet[last][0].font.b
    assert sheet.column_dimensions["B"].width >= 24


def test_xlsx_never_turns_text_into_a_formula(sample: AgedBalance, tmp_path: Path) -> None:
    path = tmp_path / "balance.xlsx"
    write_aged_balance_xlsx(sample, path)
    sheet = load_workbook(path).active
    assert sheet is not None
    names = {
        sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=2)
        for r in range(2, sheet.max_row)
    }
    for typed in HOSTILE:
        text = typed.replace("\r", "\n")  # XML keeps LF line breaks only
        cell = names[text]
        assert cell.value == text  # literal, no visible apostrophe
        assert cell.data_type == "s"
        assert cell.quotePrefix
    code = sheet.cell(row=sheet.max_row - 1, column=1)
    assert code.value == "=CMD|' /C calc'!A0"
    assert code.data_type == "s"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_set_text_leaves_ordinary_text_alone(tmp_path: Path) -> None:
    from openpyxl import Workbook

    sheet = Workbook().active
    assert sheet is not None
    set_text(sheet["A1"], "Boulangerie Élodie")
    assert not sheet["A1"].quotePrefix
    set_text(sheet["A2"], "bell\x07 inside")  # control characters are not valid XML
    assert sheet["A2"].value == "bell inside"


def test_xlsx_of_a_salesperson_balance_and_of_nothing(tmp_path: Path) -> None:
    by_seller = balance_of(
        row(3, "3", "Julie Fontaine", 100, 0, 0, 0, 0, 0),
        row(None, "", "", 0, 200, 0, 0, 0, 0),
        by=AgedBy.SALESPERSON,
    )
    path = tmp_path / "vendeurs.xlsx"
    write_aged_balance_xlsx(by_seller, path, created=datetime(2026, 3, 16, 9, 30))
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["B1"].value == "Commercial"
    assert sheet["B3"].value == "(sans commercial)"

    empty = balance_of()
    write_aged_balance_xlsx(empty, tmp_path / "vide.xlsx")
    sheet = load_workbook(tmp_path / "vide.xlsx").active
    assert sheet is not None
    assert sheet.max_row == 2
    assert sheet["A2"].value == "Total"
    assert sheet["I2"].value == 0


# --- PDF --------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    output = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return output.replace("\u00a0", " ")


def test_pdf_renders(sample: AgedBalance, tmp_path: Path) -> None:
    path = tmp_path / "balance.pdf"
    render_aged_balance_pdf(
        sample, path, company_name="Menuiserie Girard & Fils <SAS>", printed_on=AS_OF
    )
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = pdf_text(path)
    assert "Balance âgée au 16/03/2026" in text
    assert "Dupont & Fils <SARL>" in text
    assert "Menuiserie Girard & Fils <SAS>" in text
    assert "1 234,56 €" in text
    assert "7 760,45 €" in text
    assert "-15,00 €" in text
    assert "> 120 j" in text
    assert "=HYPERLINK(" in text


def test_pdf_of_nothing_open(tmp_path: Path) -> None:
    path = tmp_path / "vide.pdf"
    render_aged_balance_pdf(balance_of(), path)
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is not None:
        assert "Aucune créance ouverte" in pdf_text(path)


def test_pdf_helpers_escape_and_format() -> None:
    para = paragraph("Dupont & Fils <SARL>\n2e ligne", styles()["Cell"])
    assert para.text == "Dupont &amp; Fils &lt;SARL&gt;<br/>2e ligne"
    assert fr_amount(123_456) == "1\u00a0234,56\u00a0€"
