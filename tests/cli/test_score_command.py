"""`encaisse score`: the score and its reasons as a table or JSON; unknown customers are
refused in French; the file is only read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.persistence.lock import lock_path
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer
from tests.db.test_score_service import add_invoice

NAME = "Dupont & Fils <SARL>"


@pytest.fixture
def ledger(services: Services, db_path: Path) -> Path:
    cid = services.customers.create(customer(NAME, siren=SIRENS[0], account_code="411DUPONT"))
    add_invoice(services, cid, "FA-2025-0700", "2025-10-01", 300_000, settled="2025-10-21")
    add_invoice(services, cid, "FA-2026-0042", "2026-02-20", 100_000)
    add_invoice(services, cid, "FA-2026-0101", "2026-04-15", 300_000, issued="2026-03-01")
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = ledger.stat().st_mtime_ns
    code, out, err = run(capsys, "--db", str(ledger), "--today", "2026-03-16", "score", SIRENS[0])
    assert code == 0, err
    # 20 days late on average: 0 point; 25 % overdue: -5.
    assert f"{NAME} — score de solvabilité au 16/03/2026 : 65/100 (à surveiller)" in out
    assert "Retard moyen de paiement sur 12 mois : 20 j" in out
    assert "\u22125  Part échue de l'encours : 25 % (1 000,00 € sur 4 000,00 €)" in out
    assert "Règles version 2026.1" in out
    assert ledger.stat().st_mtime_ns == before
    assert not lock_path(ledger).exists()


def test_json_with_account_code_and_as_of(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "score", "411dupont", "--format", "json", "--as-of", "2026-01-15", "--db",
        str(ledger),
    )  # fmt: skip
    assert code == 0, err
    document = json.loads(out)
    assert document["as_of"] == "2026-01-15"
    assert document["rules_version"] == "2026.1"
    assert document["score"] == 70  # 20 days late on average, nothing overdue yet
    assert document["band"] == "good"
    assert [(f["code"], f["points"]) for f in document["factors"]] == [
        ("payment_delay", 0),
        ("overdue_share", 0),
    ]
    assert document["factors"][0]["figures"]["average_days_late"] == 20.0


def test_an_unknown_customer_is_refused_in_french(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(ledger), "score", "999999999")
    assert code == 1
    assert "Client introuvable" in err


# --- the stored history (issue 7) -------------------------------------------------------


def test_json_gives_the_stored_history_oldest_first(
    ledger: Path, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    # The morning refreshes: on 15/01 nothing was overdue yet (70); by 16/03, 1 000 € of
    # the 4 000 € owed is (65).
    services.score.refresh(date(2026, 1, 15))
    services.score.refresh(date(2026, 2, 2))  # still 70: no new point
    services.score.refresh(date(2026, 3, 16))
    before = ledger.stat().st_mtime_ns
    code, out, err = run(
        capsys, "--db", str(ledger), "--today", "2026-03-16", "score", SIRENS[0], "--format",
        "json",
    )  # fmt: skip
    assert code == 0, err
    document = json.loads(out)
    assert document["score"] == 65
    assert document["history"] == [
        {
            "computed_on": "2026-01-15",
            "score": 70,
            "rules_version": "2026.1",
            "change": None,
            "top_factors": {},
        },
        {
            "computed_on": "2026-03-16",
            "score": 65,
            "rules_version": "2026.1",
            "change": -5,
            "top_factors": {"overdue_share": -5},
        },
    ]
    assert ledger.stat().st_mtime_ns == before  # reading only
    code, out, err = run(capsys, "--db", str(ledger), "--today", "2026-03-16", "score", SIRENS[0])
    assert "Historique : 16/03/2026 65 (\u22125) · 15/01/2026 70" in out


def test_json_history_is_empty_before_any_refresh(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(ledger), "score", SIRENS[0], "--format", "json")
    assert code == 0, err
    assert json.loads(out)["history"] == []


def test_reminders_due_stores_the_scores_of_the_day(
    ledger: Path, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(ledger), "--today", "2026-03-16", "reminders", "due")
    assert code == 0, err
    cid = services.customers.find_id(SIRENS[0])
    assert cid is not None
    assert [(p.computed_on, p.score) for p in services.score.history(cid)] == [
        (date(2026, 3, 16), 65)
    ]
