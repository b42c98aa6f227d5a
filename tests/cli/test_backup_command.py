"""`encaisse backup` and `encaisse restore`: copies, refusals, and the current file kept."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.persistence.lock import lock_path
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils — Négoce de matériaux de l'Ouest"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT legal_name FROM customers ORDER BY id").fetchall()
    connection.close()
    return [row[0] for row in rows]


@pytest.fixture
def data_file(services: Services, db_path: Path) -> Path:
    services.customers.create(customer(EPI, siren=SIRENS[0]))
    services.close()
    return db_path


def test_backup_goes_to_the_backups_folder(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_file.read_bytes()
    code, out, err = run(capsys, "backup", "--db", str(data_file), "--today", "2026-03-16")
    assert code == 0, err
    [written] = list((data_file.parent / "encaisse-sauvegardes").iterdir())
    assert written.name.startswith("encaisse-20260316-")
    assert written.name.endswith("-manuelle.encaisse")
    assert str(written) in out
    assert names(written) == [EPI]
    assert data_file.read_bytes() == before


def test_backup_to_a_chosen_file(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "Copie du 16 mars (clé USB).encaisse"
    code, _out, err = run(capsys, "backup", "--db", str(data_file), "--out", str(out_file))
    assert code == 0, err
    assert names(out_file) == [EPI]
    assert not (data_file.parent / "encaisse-sauvegardes").exists()


def test_backup_of_a_missing_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent.sqlite"
    code, _out, err = run(capsys, "backup", "--db", str(missing))
    assert code == 1
    assert "absent.sqlite" in err
    assert not missing.exists()


def test_restore_brings_the_backup_back_and_keeps_the_current_file(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "avant Dupont.encaisse"
    assert run(capsys, "backup", "--db", str(data_file), "--out", str(saved))[0] == 0
    with sqlite3.connect(data_file) as connection:
        connection.execute("UPDATE customers SET legal_name = ?", (DUPONT,))
    connection.close()

    code, out, err = run(capsys, "restore", str(saved), "--db", str(data_file))

    assert code == 0, err
    assert names(data_file) == [EPI]
    [kept] = list((data_file.parent / "encaisse-sauvegardes").iterdir())
    assert kept.name.endswith("-avant-restauration.encaisse")
    assert names(kept) == [DUPONT]
    assert f"Fichier actuel gardé : {kept}" in out
    assert not lock_path(data_file).exists()


def test_restore_refuses_a_file_that_is_not_encaisse(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "compta.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE ecritures (id INTEGER)")
    connection.close()
    before = data_file.read_bytes()
    code, _out, err = run(capsys, "restore", str(other), "--db", str(data_file))
    assert code == 2
    assert "pas un fichier Encaisse" in err
    assert data_file.read_bytes() == before
    assert not (data_file.parent / "encaisse-sauvegardes").exists()


def test_restore_refuses_while_the_application_holds_the_file(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "sauvegarde.encaisse"
    assert run(capsys, "backup", "--db", str(data_file), "--out", str(saved))[0] == 0
    lock_path(data_file).write_text(
        json.dumps(
            {"user": "claire", "host": socket.gethostname(), "pid": 1, "since": "2026-03-16"}
        ),
        encoding="utf-8",
    )
    before = data_file.read_bytes()
    code, _out, err = run(capsys, "restore", str(saved), "--db", str(data_file))
    assert code == 2
    assert "claire" in err
    assert data_file.read_bytes() == before
