"""`encaisse check-prospect`: the verdict in words or JSON, exit 3 for a doubtful company."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import DoubtfulSource
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer


@pytest.fixture
def file_with_doubtful(services: Services, db_path: Path) -> Path:
    services.customers.create(customer("Boulangerie L'Épi d'Or", siren=SIRENS[0]))
    services.check.add_doubtful(
        name="Transports Lefèvre & Fils SARL",
        siren="",
        address="",
        postal_code="69007",
        city="Lyon",
        reason="Trois factures impayées en 2025, chèques sans provision",
        source=DoubtfulSource.UNPAID_INVOICES,
        detail="",
    )
    services.close()
    return db_path


def test_a_doubtful_company_is_named_with_its_reason_and_exit_3(
    file_with_doubtful: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(file_with_doubtful), "check-prospect", "transports lefevre"])
    out = capsys.readouterr().out
    assert code == 3
    assert "Entreprise douteuse" in out
    assert "chèques sans provision" in out


def test_json_for_a_known_customer_and_exit_0(
    file_with_doubtful: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(file_with_doubtful), "check-prospect", "epi d'or", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert document["verdict"] == "known_customer"
    assert [c["name"] for c in document["customers"]] == ["Boulangerie L'Épi d'Or"]


def test_nothing_known_is_exit_0(
    file_with_doubtful: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(file_with_doubtful), "check-prospect", "Garage du Lac Bleu"]) == 0
    assert "Rien de connu" in capsys.readouterr().out
