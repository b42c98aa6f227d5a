"""Issue 8: no text a user typed becomes a formula in any spreadsheet the app writes,
and numbers stay numbers. One test, parametrised over every .xlsx and CSV writer: the
aged balance (xlsx and CSV from `encaisse aging`), the customer list (`encaisse customers
list --format csv`), the dispute export and the audit journal export."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import Department, DisputeCategory, DocumentKind, Profile
from desktop.domain.text import looks_like_formula
from desktop.persistence.models import Document
from desktop.services.company import CompanyProfile
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_letter_service import add_invoice, set_fields

AS_OF = "2026-03-16"
# What Excel or LibreOffice would run, one per customer (name and account code).
FORMULAS = (
    "=1+1",
    '=HYPERLINK("http://example.com";"clic")',
    "+33 6 12 34 56 78",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
)


@dataclass(frozen=True)
class Cell:
    value: object
    formula: bool  # stored so that the spreadsheet evaluates it
    quoted: bool  # stored as text with the quote prefix (xlsx) or a "'" (CSV)


@pytest.fixture
def hostile_file(services: Services, db_path: Path) -> Path:
    """One customer per formula (in its name and account code), each with an overdue
    invoice, a credit note (a negative amount) and a dispute whose owner is hostile too."""
    # A control character pasted into the company name ends up in the files' properties.
    services.company.save(CompanyProfile(legal_name="=Ateliers\x00 Durand\x0b & Fils"))
    owner = services.reference.add_user("@Karim Benali", Profile.OWNER)
    for n, formula in enumerate(FORMULAS, start=1):
        cid = services.customers.create(customer(f"Client {n}"))
        set_fields(services, cid, legal_name=formula, account_code=f"{formula[:30]}#{n}")
        invoice = add_invoice(services, cid, f"=FA{n}", "2026-01-15", 150_000 + n)
        now = services.context.clock.now()
        with services.database.transaction() as session:
            session.add(
                Document(
                    customer_id=cid,
                    kind=DocumentKind.CREDIT_NOTE.value,
                    number=f"-AV{n}",
                    issued_on=date(2026, 2, 1),
                    due_on=date(2026, 2, 1),
                    total_cents=-12_030,
                    open_cents=-12_030,
                    created_at=now,
                    updated_at=now,
                )
            )
        services.disputes.open(
            DisputeDraft(
                customer_id=cid,
                lines=(DisputeLine(invoice, 50_000),),
                category=DisputeCategory.PRICE,
                description=formula,
                reported_by=formula,
                reported_on=date(2026, 3, 2),
                department=Department.SALES,
                owner_id=owner,
                expected_answer_on=date(2026, 3, 20),
            )
        )
    # A customer owed money back: its row of the aged balance is negative.
    credited = services.customers.create(customer("Client crédité"))
    add_invoice(services, credited, "-AV-SEUL", "2026-02-01", -45_000)
    return db_path


# --- the writers, each read back as cells ------------------------------------------------------


def xlsx_cells(path: Path) -> list[Cell]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [
        Cell(cell.value, cell.data_type == "f", bool(cell.quotePrefix))
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def csv_cells(text: str) -> list[Cell]:
    rows = csv.reader(io.StringIO(text), delimiter=";")
    # "-450,00" is a negative number, which a spreadsheet reads as such: not a formula.
    return [
        Cell(v, looks_like_formula(v) and not CSV_AMOUNT.match(v), v.startswith("'"))
        for row in rows
        for v in row
    ]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def aging_xlsx(
    db: Path, services: Services, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> list[Cell]:
    out = tmp / "balance.xlsx"
    run_cli(
        capsys, "--db", str(db), "aging", "--as-of", AS_OF, "--format", "xlsx", "--out", str(out)
    )
    return xlsx_cells(out)


def aging_csv(
    db: Path, services: Services, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> list[Cell]:
    return csv_cells(run_cli(capsys, "--db", str(db), "aging", "--as-of", AS_OF, "--format", "csv"))


def customers_csv(
    db: Path, services: Services, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> list[Cell]:
    return csv_cells(run_cli(capsys, "--db", str(db), "customers", "list", "--format", "csv"))


def disputes_xlsx(
    db: Path, services: Services, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> list[Cell]:
    return xlsx_cells(services.disputes.export_xlsx(None, tmp / "litiges.xlsx"))


def audit_xlsx(
    db: Path, services: Services, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> list[Cell]:
    from desktop.documents.audit_sheet import AuditSheetRow, write_audit_xlsx

    rows = [
        AuditSheetRow(datetime(2026, 3, 16, 9, 30), f, f, f, f, f, f"nom : {f} → {f}")
        for f in FORMULAS
    ]
    path = tmp / "journal.xlsx"
    headers = ["Date", "Qui", "Action", "Fiche", "Client", "Résumé", "Changements"]
    write_audit_xlsx(rows, path, headers=headers, title="=Journal", company_name="=Société\x00")
    return xlsx_cells(path)


Writer = Callable[[Path, Services, Path, pytest.CaptureFixture[str]], list[Cell]]
WRITERS: dict[str, Writer] = {
    "aging_xlsx": aging_xlsx,
    "aging_csv": aging_csv,
    "customers_csv": customers_csv,
    "disputes_xlsx": disputes_xlsx,
}
try:
    import desktop.documents.audit_sheet  # noqa: F401  (the audit journal, when present)

    WRITERS["audit_xlsx"] = audit_xlsx
except ImportError:
    pass

CSV_AMOUNT = re.compile(r"^-?\d+[.,]\d\d$")
WITH_AMOUNTS = ("aging_xlsx", "aging_csv", "disputes_xlsx")


@pytest.mark.parametrize("name", list(WRITERS))
def test_no_typed_text_becomes_a_formula_and_numbers_stay_numbers(
    name: str,
    hostile_file: Path,
    services: Services,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cells = WRITERS[name](hostile_file, services, tmp_path, capsys)
    assert not [c for c in cells if c.formula and not c.quoted], "a cell would be evaluated"
    texts = [c.value for c in cells if isinstance(c.value, str)]
    # Each formula typed is there, as text: quote-prefixed in a workbook (a CR read back
    # as a line break), behind an apostrophe in a CSV file.
    for formula in FORMULAS:
        # A CR is stored as LF in both: a lone CR would end a CSV row.
        stored = formula.replace("\r", "\n")
        stored = stored if name.endswith("xlsx") else "'" + stored
        assert any(t == stored or t.startswith(stored) for t in texts), (name, formula)
    for cell in cells:
        text = cell.value if isinstance(cell.value, str) else ""
        if looks_like_formula(text.lstrip("\n")) and not CSV_AMOUNT.match(text):
            assert cell.quoted, (name, text)
    if name not in WITH_AMOUNTS:
        return
    if name.endswith("xlsx"):
        numbers = [c.value for c in cells if isinstance(c.value, int | float)]
    else:
        numbers = [c.value for c in cells if isinstance(c.value, str) and CSV_AMOUNT.match(c.value)]
    assert numbers, "amounts are written as numbers"
    if name.startswith("aging"):
        assert any(str(n).startswith("-") for n in numbers), "a negative amount stays a number"
