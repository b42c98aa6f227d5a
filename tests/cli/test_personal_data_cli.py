"""`encaisse contact list|export|erase`: finding a contact's number, exporting their data
as JSON, erasing it only when confirmed (a terminal answer or --yes)."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.visit import VisitReportDraft
from desktop.services.customers import ContactData
from desktop.services.registry import Services
from tests.db.factories import SIRENS, add_document, customer

AMELIE = "Amélie d'Arcy-Lefèvre"
EMAIL = "amelie.darcy@boulangerie-epi.fr"
REASON = "Demande de l'intéressée par courriel du 12/03/2026"


@pytest.fixture
def bakery(services: Services, db_path: Path) -> tuple[Path, int, int]:
    cid = services.customers.create(
        customer("Boulangerie de l'Épi d'Or & Fils", siren=SIRENS[0], account_code="411EPI")
    )
    amelie = services.customers.save_contact(
        cid,
        ContactData(
            None,
            first_name="Amélie",
            last_name="d'Arcy-Lefèvre",
            role="Gérante",
            email=EMAIL,
            phone="06 12 34 56 78",
        ),
    )
    services.customers.save_contact(
        cid, ContactData(None, first_name="Julien", last_name="Moreau", role="Comptable")
    )
    services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 3, 4),
            attendees="Amélie d'Arcy-Lefèvre (gérante)",
            free_text="Joignable au 06 12 34 56 78 le matin.",
        )
    )
    add_document(services, cid)
    return db_path, cid, amelie


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        lines = list(connection.iterdump())
    connection.close()
    return lines


def contacts(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute("SELECT last_name FROM contacts ORDER BY id")]
    connection.close()
    return names


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_list_gives_each_contact_with_its_number(
    bakery: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _cid, amelie = bakery
    code, out, err = run(capsys, "--db", str(path), "contact", "list", SIRENS[0])
    assert (code, err) == (0, "")
    assert "Contacts de Boulangerie de l'Épi d'Or & Fils : 2" in out
    assert f"{amelie}  {AMELIE}  Gérante · {EMAIL}" in out
    assert "Julien Moreau  Comptable" in out


def test_list_of_an_unknown_customer_says_so(
    bakery: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--db", str(bakery[0]), "contact", "list", "999999999")
    assert code == 1
    assert "Client introuvable" in err


def test_export_writes_utf8_json_and_changes_nothing(
    bakery: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _cid, amelie = bakery
    before = dump(path)
    out = tmp_path / "données Amélie.json"
    code, stdout, err = run(
        capsys, "--db", str(path), "contact", "export", str(amelie), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert f"Données de {AMELIE} enregistrées" in stdout
    text = out.read_text(encoding="utf-8")
    assert AMELIE in text
    data = json.loads(text)
    assert data["personne"]["email"] == EMAIL
    assert {m["champ"] for m in data["mentions"]} >= {"personnes rencontrées", "compte rendu"}
    assert dump(path) == before


def test_export_of_an_unknown_contact_fails_cleanly(
    bakery: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.json"
    code, _out, err = run(
        capsys, "--db", str(bakery[0]), "contact", "export", "404", "--out", str(out)
    )
    assert code == 1
    assert "Contact introuvable : n° 404" in err
    assert not out.exists()


def test_erase_without_terminal_nor_yes_refuses(
    bakery: tuple[Path, int, int],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _cid, amelie = bakery
    monkeypatch.setattr("sys.stdin", io.StringIO("oui\n"))
    before = dump(path)
    code, _out, err = run(
        capsys, "--db", str(path), "contact", "erase", str(amelie), "--reason", REASON
    )
    assert code == 2
    assert "--yes" in err and "Rien n'a été modifié" in err
    assert dump(path) == before


def test_erase_asks_on_a_terminal_and_stops_unless_yes_is_typed(
    bakery: tuple[Path, int, int],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _cid, amelie = bakery
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda _prompt: "non")
    before = dump(path)
    code, out, err = run(
        capsys, "--db", str(path), "contact", "erase", str(amelie), "--reason", REASON
    )
    assert code == 2
    assert f"Effacer les données de {AMELIE}" in out
    assert "Rapport de visite : 2 texte(s)" in out
    assert "L123-22" in out  # what is kept, and why, before the question
    assert "abandonné" in err
    assert dump(path) == before

    monkeypatch.setattr("builtins.input", lambda _prompt: "oui")
    code, out, err = run(
        capsys, "--db", str(path), "contact", "erase", str(amelie), "--reason", REASON
    )
    assert (code, err) == (0, "")
    assert contacts(path) == ["Moreau"]


def test_erase_with_yes_erases_and_reports_what_is_kept(
    bakery: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _cid, amelie = bakery
    code, out, err = run(
        capsys, "--db", str(path), "contact", "erase", str(amelie), "--reason", REASON, "--yes"
    )
    assert (code, err) == (0, "")
    assert f"Données de {AMELIE} effacées" in out
    assert "2 texte(s) réécrit(s)" in out
    assert "Les factures et avoirs du client (1) sont conservés" in out
    assert contacts(path) == ["Moreau"]
    with sqlite3.connect(path) as connection:
        (free_text,) = connection.execute("SELECT free_text FROM visit_reports").fetchone()
        (documents,) = connection.execute("SELECT COUNT(*) FROM documents").fetchone()
    connection.close()
    assert free_text == "Joignable au [effacé] le matin."
    assert documents == 1

    code, _out, err = run(
        capsys, "--db", str(path), "contact", "erase", str(amelie), "--reason", REASON, "--yes"
    )
    assert code == 1 and "Contact introuvable" in err
