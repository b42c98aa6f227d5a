"""`encaisse scorecard` (issue 7): the salespeople's scorecards as a PDF, a table or JSON,
on the hand-counted file of the service tests; a name that matches nobody is refused in
French; the command reads only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.persistence.lock import lock_path
from tests.cli.test_report_command import pdf_text
from tests.db.test_scorecard_service import (  # noqa: F401  (fixtures)
    DUPONT,
    ELODIE,
    EPI,
    FRANCOIS,
    GARAGE,
    File,
    file,
    office,
)

PERIOD = ("--from", "2026-01-01", "--to", "2026-02-28")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(file: File, db_path: Path) -> Path:  # noqa: F811
    return db_path


def test_writes_the_pdf(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "fiches.pdf"
    before = db.stat().st_mtime_ns
    code, stdout, err = run(capsys, "--db", str(db), "scorecard", *PERIOD, "--out", str(out))
    assert code == 0, err
    assert (
        f"Fiches commerciaux du 01/01/2026 au 28/02/2026 enregistrées : {out} (3 fiche(s))"
        in stdout
    )
    assert out.read_bytes().startswith(b"%PDF")
    text, pages = pdf_text(out)
    assert pages == 4  # the cover, Élodie, François, the customers without a salesperson
    assert "Fiches commerciaux" in text and "Période du 01/01/2026 au 28/02/2026" in text
    assert f"Fiche commercial : {ELODIE}" in text and f"Fiche commercial : {FRANCOIS}" in text
    assert "Fiche commercial : Sans commercial" in text
    # Hostile names print as typed, the figures in French.
    assert DUPONT in text and EPI in text and GARAGE in text
    assert "5 000,00 €" in text and "4 200,00 €" in text and "84,0 %" in text
    assert "20,0 j" in text and "30,0 j" in text
    assert "Définitions" in text and "pondérée par le montant" in text
    assert db.stat().st_mtime_ns == before
    assert not lock_path(db).exists()


def test_json_figures_match_the_hand_counts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "--db", str(db), "scorecard", *PERIOD, "--format", "json")
    assert code == 0, err
    data = json.loads(stdout)
    assert (data["from"], data["to"], data["new_customer_months"]) == (
        "2026-01-01",
        "2026-02-28",
        12,
    )
    elodie, francois, nobody = data["scorecards"]
    assert elodie["salesperson"] == ELODIE
    assert (elodie["customers"], elodie["outstanding"], elodie["overdue"]) == (
        3,
        "5000.00",
        "4200.00",
    )
    assert elodie["overdue_share_percent"] == "84.0"
    assert (elodie["paid_invoices"], elodie["average_days_late"]) == (3, "20.0")
    assert (elodie["new_customers"], elodie["new_customers_blocked"]) == (2, 1)
    assert elodie["new_customers_blocked_percent"] == "50.0"
    assert (elodie["disputes_closed"], elodie["disputes_helped"], elodie["visit_reports"]) == (
        1,
        2,
        2,
    )
    assert elodie["promises"] == {
        "count": 2,
        "kept": 1,
        "broken": 1,
        "pending": 0,
        "amount": "1300.00",
        "kept_percent": "50.0",
    }
    assert [o["name"] for o in elodie["top_overdue"]] == [
        DUPONT,
        EPI,
        "Menuiserie Lefèvre & Associés",
    ]
    assert elodie["top_overdue"][0]["oldest_bucket"] == "61-90"
    assert francois["overdue_share_percent"] == "81.6"  # 4 000 / 4 900 = 81,63 %
    assert francois["promises"]["kept_percent"] is None
    assert (nobody["salesperson_id"], nobody["salesperson"], nobody["outstanding"]) == (
        None,
        "",
        "250.00",
    )
    assert nobody["average_days_late"] is None


def test_one_salesperson_by_part_of_the_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run(
        capsys, "--db", str(db), "scorecard", *PERIOD, "--salesperson", "francois", "--format",
        "json",
    )  # fmt: skip
    assert code == 0, err
    assert [c["salesperson"] for c in json.loads(stdout)["scorecards"]] == [FRANCOIS]
    out = tmp_path / "francois.pdf"
    code, stdout, err = run(
        capsys, "--db", str(db), "scorecard", *PERIOD, "--salesperson", "N'DIAYE", "--out",
        str(out),
    )  # fmt: skip
    assert code == 0, err
    text, pages = pdf_text(out)
    assert pages == 2 and ELODIE not in text


def test_an_unknown_salesperson_is_refused_in_french(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "zoe.pdf"
    code, _stdout, err = run(
        capsys, "--db", str(db), "scorecard", "--salesperson", "Zoé", "--out", str(out)
    )
    assert code == 1
    assert "Commercial introuvable : 'Zoé'" in err
    assert f"{ELODIE}, {FRANCOIS}" in err
    assert not out.exists()
    # Too short to tell who is meant: the candidates are listed.
    code, _out, err = run(
        capsys, "--db", str(db), "scorecard", "--salesperson", "r", "--out", str(out)
    )
    assert code == 1
    assert "Plusieurs commerciaux correspondent à 'r'" in err


def test_default_period_is_three_months_to_the_as_of_date(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run(
        capsys, "--db", str(db), "--today", "2026-03-16", "scorecard", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(stdout)
    assert (data["from"], data["to"]) == ("2026-01-01", "2026-03-16")
    code, stdout, err = run(
        capsys, "--db", str(db), "scorecard", "--as-of", "2026-02-28", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(stdout)
    assert (data["from"], data["to"]) == ("2025-12-01", "2026-02-28")
    # On 16/03 Ardèche's liquidation (05/03) is inside the period.
    code, stdout, _err = run(
        capsys, "--db", str(db), "scorecard", "--to", "2026-03-16", "--format", "json"
    )
    francois = json.loads(stdout)["scorecards"][1]
    assert (francois["new_customers"], francois["new_customers_blocked"]) == (1, 1)


def test_table_format(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "--db", str(db), "scorecard", *PERIOD, "--format", "table")
    assert code == 0, err
    lines = stdout.splitlines()
    assert lines[0] == "Fiches commerciaux du 01/01/2026 au 28/02/2026 — montants TTC en euros"
    assert lines[2].split()[:3] == ["Commercial", "Clients", "Encours"]
    assert lines[4].startswith(ELODIE) and "5 000,00" in lines[4] and "84,0 %" in lines[4]
    assert lines[6].startswith("Sans commercial")


def test_bad_arguments_are_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--db", str(db), "scorecard")
    assert code == 1 and "--out" in err
    code, _out, err = run(
        capsys, "--db", str(db), "scorecard", "--from", "2026-03-01", "--to", "2026-02-01",
        "--format", "json",
    )  # fmt: skip
    assert code == 1 and "La période commence après sa fin" in err
    out = tmp_path / "absent" / "fiches.pdf"
    code, _out, err = run(capsys, "--db", str(db), "scorecard", "--out", str(out))
    assert code == 1 and "n'a pas pu être écrit" in err
