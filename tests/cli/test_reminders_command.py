"""`encaisse reminders due`: sections of the table, JSON shape, idempotence, errors."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import DocumentKind
from desktop.persistence.models import Document
from desktop.services.registry import Services
from tests.db.factories import customer

AMOUNT = re.compile(r"-?\d+\.\d{2}")


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    """On 16/03/2026: Garage Martin & Fils owes two invoices (44 and 15 days late) less a
    credit note; Boulangerie Élodie Dupré owes one 8 days late; Atelier <Dumas> & Cie
    has an invoice due on 20/03 (courtesy e-mail); Mme Dubois, a consumer, one 30 days
    late."""
    create = services.customers.create
    martin = create(customer("Garage Martin & Fils"))
    dupre = create(customer("Boulangerie Élodie Dupré"))
    dumas = create(customer("Atelier <Dumas> & Cie"))
    dubois = create(customer("Mme Françoise Dubois", is_consumer=True))
    now = services.context.clock.now()
    rows = [
        (martin, DocumentKind.INVOICE, "FA-2026-0001", "2026-01-31", 776_045),
        (martin, DocumentKind.INVOICE, "FA-2026-0002", "2026-03-01", 120_000),
        (martin, DocumentKind.CREDIT_NOTE, "AV-2026-0001", "2026-03-01", -1_230),
        (dupre, DocumentKind.INVOICE, "FA-2026-0003", "2026-03-08", 45_990),
        (dumas, DocumentKind.INVOICE, "FA-2026-0004", "2026-03-20", 10_000),
        (dubois, DocumentKind.INVOICE, "FA-2026-0005", "2026-02-14", 35_000),
    ]
    with services.database.transaction() as session:
        for cid, kind, number, due, amount in rows:
            session.add(
                Document(
                    customer_id=cid,
                    kind=kind.value,
                    number=number,
                    issued_on=date(2026, 1, 2),
                    due_on=date.fromisoformat(due),
                    total_cents=amount,
                    open_cents=amount,
                    created_at=now,
                    updated_at=now,
                )
            )
    return db_path


def reminders(
    capsys: pytest.CaptureFixture[str], path: Path, *options: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "--today", "2026-03-16", "reminders", "due", *options])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_has_one_section_per_channel(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = reminders(capsys, ledger)
    assert code == 0
    assert "Relances à faire au 16/03/2026 : 4" in out
    sections = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert sections[1:] == ["Courriers à imprimer (2)", "E-mails (1)", "Commerciaux (1)"]
    letters = out.split("Courriers à imprimer")[1].split("E-mails")[0]
    assert letters.index("Boulangerie Élodie Dupré") < letters.index("Mme Françoise Dubois")
    assert "Atelier <Dumas> & Cie" in out.split("E-mails")[1].split("Commerciaux")[0]
    martin = next(line for line in out.splitlines() if "Garage Martin" in line)
    assert "Dernière relance" in martin
    assert "8 948,15 €" in martin
    assert "3 pièces" in martin


def test_json_shape(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = reminders(capsys, ledger, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert [(a["channel"], a["customer"]) for a in document] == [
        ("letter", "Boulangerie Élodie Dupré"),
        ("letter", "Mme Françoise Dubois"),
        ("email", "Atelier <Dumas> & Cie"),
        ("salesperson", "Garage Martin & Fils"),
    ]
    for action in document:
        assert list(action) == [
            "id",
            "customer_id",
            "customer",
            "level",
            "channel",
            "planned_on",
            "total",
            "items",
        ]
        assert AMOUNT.fullmatch(action["total"])
        for item in action["items"]:
            assert list(item) == ["document_id", "number", "kind", "due_on", "amount"]
            assert AMOUNT.fullmatch(item["amount"])
    martin = document[-1]
    assert martin["level"] == "Dernière relance"
    assert martin["planned_on"] == "2026-03-16"
    assert martin["total"] == "8948.15"
    assert [(i["number"], i["amount"]) for i in martin["items"]] == [
        ("FA-2026-0001", "7760.45"),
        ("FA-2026-0002", "1200.00"),
        ("AV-2026-0001", "-12.30"),
    ]
    assert document[1]["level"] == "Deuxième relance"  # consumer plan: 30 days
    assert document[2]["level"] == "Rappel de courtoisie"


def test_running_twice_lists_the_same_actions(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first, _ = reminders(capsys, ledger, "--format", "json")
    _, second, _ = reminders(capsys, ledger, "--format", "json")
    assert json.loads(first) == json.loads(second)


def test_as_of_an_earlier_day(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = reminders(capsys, ledger, "--as-of", "2026-01-20", "--format", "json")
    assert code == 0
    assert json.loads(out) == []
    code, out, _ = reminders(capsys, ledger, "--as-of", "2026-01-20")
    assert "Rien à faire aujourd'hui." in out


def test_missing_file_and_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = reminders(capsys, tmp_path / "absent.sqlite")
    assert code != 0
    assert err
    with pytest.raises(SystemExit):
        reminders(capsys, tmp_path / "absent.sqlite", "--as-of", "16/03/2026")
