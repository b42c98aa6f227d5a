"""`encaisse penalties`: table and JSON, customers found by any key, unknown ones refused,
the file left untouched."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import DocumentKind
from desktop.persistence.models import Document
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer

NAME = "Dupont & Fils <SARL>"


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    """On 16/03/2026 Dupont & Fils (15 % contract rate) owes 15 000 € due 14/02/2026 (30
    days late) and 1 234,56 € due 30/12/2025 (a split across the new year), and 500 € not
    yet due."""
    cid = services.customers.create(
        customer(NAME, siren=SIRENS[0], account_code="411DUPONT", penalty_rate_bp=1500)
    )
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for number, issued, due, amount in (
            ("FA-2026-0001", "2026-01-15", "2026-02-14", 1_500_000),
            ("FA-2025-0917", "2025-11-30", "2025-12-30", 123_456),
            ("FA-2026-0002", "2026-03-01", "2026-03-31", 50_000),
        ):
            session.add(
                Document(
                    customer_id=cid,
                    kind=DocumentKind.INVOICE.value,
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


def penalties(
    capsys: pytest.CaptureFixture[str], path: Path, *options: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "--today", "2026-03-16", "penalties", *options])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_by_siren(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = penalties(capsys, ledger, SIRENS[0], "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2026-03-16" and data["currency"] == "EUR"
    assert data["customer"]["name"] == NAME
    assert (data["basis"], data["rate_bp"], data["floored"]) == ("contract", 1500, False)
    old, brief = data["invoices"]
    assert brief["number"] == "FA-2026-0001"
    assert (brief["open"], brief["days_late"], brief["penalty"], brief["indemnity"]) == (
        "15000.00",
        30,
        "184.93",
        "40.00",
    )
    assert brief["periods"] == [
        {
            "from": "2026-02-15",
            "to": "2026-03-16",
            "days": 30,
            "rate_bp": 1500,
            "floored": False,
            "amount": "184.93",
        }
    ]
    # 1 234,56 € × 15 % × 76 / 365 = 38,5589 € → 38,56 €, split at 1 January.
    assert [(p["from"], p["days"]) for p in old["periods"]] == [
        ("2025-12-31", 1),
        ("2026-01-01", 75),
    ]
    assert old["penalty"] == "38.56"
    assert sum(float(p["amount"]) for p in old["periods"]) == pytest.approx(38.56)
    assert (data["penalty"], data["indemnity"], data["total"]) == ("223.49", "80.00", "303.49")


def test_table_by_account_code_and_as_of(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = ledger.stat().st_mtime_ns
    code, out, err = penalties(capsys, ledger, "411dupont", "--as-of", "2026-03-16")
    assert code == 0, err
    assert f"Pénalités de retard de {NAME} au 16/03/2026" in out
    assert "Taux applicable : 15,00 %" in out
    assert "FA-2026-0001" in out and "184,93 €" in out
    assert "FA-2026-0002" not in out  # not yet due
    assert "Indemnités forfaitaires : 2 × 40 € = 80,00 €" in out
    assert "Total : 303,49 €" in out
    assert ledger.stat().st_mtime_ns == before

    code, out, _ = penalties(capsys, ledger, "411DUPONT", "--as-of", "2026-02-14")
    assert code == 0
    assert "FA-2026-0001" not in out  # due that very day: not late yet


def test_unknown_customer_is_refused(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = penalties(capsys, ledger, "123456789")
    assert code == 1
    assert "Client introuvable" in err and "123456789" in err
    assert out == ""


def test_bad_format_is_a_usage_error(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        penalties(capsys, ledger, SIRENS[0], "--format", "xml")
    assert caught.value.code == 2
