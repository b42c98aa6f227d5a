"""`encaisse aging` and `encaisse dso`: output shapes, formats, options, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.domain.enums import DocumentKind, Profile
from desktop.persistence.models import Document
from desktop.services.registry import Services
from tests.db.factories import customer

BUCKETS = ["not_due", "1-30", "31-60", "61-90", "91-120", "120+"]
AMOUNT = re.compile(r"-?\d+\.\d{2}")
HYPERLINK = '=HYPERLINK("http://example.com";"clic")'


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    """Two customers on 16/03/2026: Garage Martin & Fils owes 7,760.45 € 44 days late and
    has a 12.30 € credit note; a formula-looking name owes 100 € not yet due."""
    seller = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    martin = services.customers.create(
        customer("Garage Martin & Fils", account_code="411MARTIN", salesperson_id=seller)
    )
    hostile = services.customers.create(customer(HYPERLINK))
    now = services.context.clock.now()
    rows = [
        (martin, DocumentKind.INVOICE, "FA-2026-0001", "2026-01-01", "2026-01-31", 776_045),
        (martin, DocumentKind.CREDIT_NOTE, "AV-2026-0001", "2026-03-01", "2026-03-01", -1_230),
        (hostile, DocumentKind.INVOICE, "FA-2026-0002", "2026-03-10", "2026-04-09", 10_000),
    ]
    with services.database.transaction() as session:
        for cid, kind, number, issued, due, amount in rows:
            session.add(
                Document(
                    customer_id=cid,
                    kind=kind.value,
                    number=number,
                    issued_on=date.fromisoformat(issued),
                    due_on=date.fromisoformat(due),
                    total_cents=amount,
                    open_cents=amount,
                    created_at=now,
                    updated_at=now,
                )
            )
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def aging(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(path), "--today", "2026-03-16", "aging", *options)


# --- aging ------------------------------------------------------------------------------


def test_aging_json_shape(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = aging(capsys, ledger, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["as_of", "currency", "buckets", "rows", "totals"]
    assert document["as_of"] == "2026-03-16"
    assert document["currency"] == "EUR"
    assert document["buckets"] == BUCKETS
    for row in document["rows"]:
        assert list(row) == ["code", "name", *BUCKETS, "total"]
        assert all(AMOUNT.fullmatch(row[k]) for k in [*BUCKETS, "total"])
    assert list(document["totals"]) == [*BUCKETS, "total"]
    hostile, martin = document["rows"]  # sorted by folded name: "=" before letters
    assert martin == {
        "code": "411MARTIN",
        "name": "Garage Martin & Fils",
        "not_due": "0.00",
        "1-30": "-12.30",
        "31-60": "7760.45",
        "61-90": "0.00",
        "91-120": "0.00",
        "120+": "0.00",
        "total": "7748.15",
    }
    assert hostile["name"] == HYPERLINK
    assert hostile["not_due"] == "100.00"
    assert document["totals"] == {
        "not_due": "100.00",
        "1-30": "-12.30",
        "31-60": "7760.45",
        "61-90": "0.00",
        "91-120": "0.00",
        "120+": "0.00",
        "total": "7848.15",
    }


def test_aging_as_of_and_grouping(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = aging(capsys, ledger, "--format", "json", "--as-of", "2025-12-31")
    assert code == 0
    document = json.loads(out)
    assert document["as_of"] == "2025-12-31"
    assert document["rows"] == []
    assert document["totals"]["total"] == "0.00"

    code, out, _ = aging(capsys, ledger, "--format", "json", "--by", "salesperson")
    rows = json.loads(out)["rows"]
    assert [(r["name"], r["total"]) for r in rows] == [
        ("Julie Fontaine", "7748.15"),
        ("", "100.00"),  # customers without a salesperson
    ]


def test_aging_csv_is_formula_safe(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = aging(capsys, ledger, "--format", "csv")
    assert code == 0
    records = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert records[0] == ["code", "name", *BUCKETS, "total"]
    assert records[1][1] == "'" + HYPERLINK
    assert records[2] == [
        "411MARTIN",
        "Garage Martin & Fils",
        "0,00",
        "-12,30",  # a number, not made "formula-safe"
        "7760,45",
        "0,00",
        "0,00",
        "0,00",
        "7748,15",
    ]
    assert len(records) == 3


def test_aging_table(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = aging(capsys, ledger)
    assert code == 0
    assert "Balance âgée au 16/03/2026" in out
    assert "Garage Martin & Fils" in out
    assert "7 760,45" in out
    assert "31–60 j" in out
    assert "7 848,15" in out.splitlines()[-1]


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_aging_files_need_out(ledger: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, _, err = aging(capsys, ledger, "--format", fmt)
    assert code == 1
    assert "--out" in err


def test_aging_xlsx_and_pdf(
    ledger: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    xlsx = tmp_path / "balance.xlsx"
    code, out, _ = aging(capsys, ledger, "--format", "xlsx", "--out", str(xlsx))
    assert code == 0
    assert str(xlsx) in out
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert sheet["B2"].value == HYPERLINK
    assert sheet["B2"].data_type == "s"
    assert sheet["E3"].value == 7760.45

    pdf = tmp_path / "balance.pdf"
    code, _, _ = aging(capsys, ledger, "--format", "pdf", "--out", str(pdf))
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_aging_json_to_a_file(
    ledger: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "balance.json"
    code, _, _ = aging(capsys, ledger, "--format", "json", "--out", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["total"] == "7848.15"


def test_aging_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = aging(capsys, tmp_path / "absent.sqlite")
    assert code == 1
    assert err.strip()
    assert not (tmp_path / "absent.sqlite").exists()


# --- dso --------------------------------------------------------------------------------


def dso(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(path), "--today", "2026-03-16", "dso", *options)


def test_dso_json(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dso(capsys, ledger, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == [
        "as_of",
        "method",
        "months",
        "days",
        "capped",
        "receivables",
        "sales",
        "period_days",
        "trend",
    ]
    # 7,848.15 € owed for 7,848.15 € of sales over 1–16 March, February, January (75 d).
    assert document["as_of"] == "2026-03-16"
    assert document["method"] == "accounting"
    assert document["days"] == 75.0
    assert document["receivables"] == "7848.15"
    assert document["sales"] == "7848.15"
    assert document["period_days"] == 75
    assert len(document["trend"]) == 12
    assert document["trend"][-1] == {"month_end": "2026-03-16", "days": 75.0, "capped": False}
    assert document["trend"][0]["month_end"] == "2025-04-30"


def test_dso_countback_table(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # March to date: 87.70 € of sales (16 d), February none (28 d), January 7,760.45 €
    # exhausts the rest exactly (31 d): 75 days.
    code, out, _ = dso(capsys, ledger, "--method", "countback")
    assert code == 0
    assert "DSO au 16/03/2026 (méthode par épuisement du CA) : 75,0 j" in out
    assert "Tendance sur 12 mois" in out
    assert "16/03/2026" in out.splitlines()[-1]


def test_dso_months_must_be_positive(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        dso(capsys, ledger, "--months", "0")
    assert exit_info.value.code == 2
