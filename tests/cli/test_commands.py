"""`encaisse customers list`, `check` and `--version`, in process and as a real command."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import Country, CustomerStatus, Profile
from desktop.services.registry import Services

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def listed(services: Services, db_path: Path) -> Path:
    """A file with four customers whose names test escaping and accent folding."""
    seller = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    segment = services.reference.add_segment("PME fidèles")
    drafts = [
        CustomerDraft(
            "Boulangerie Élodie Dupré SARL",
            status=CustomerStatus.ACTIVE,
            siren="732829320",
            billing_address=Address("3 rue de la Gare", "", "25000", "Besançon"),
            segment_id=segment,
            salesperson_id=seller,
            credit_limit_cents=1_500_000,
        ),
        CustomerDraft(
            '=HYPERLINK("http://example.com";"clic")',
            status=CustomerStatus.PROSPECT,
            billing_address=Address("", "", "75011", "Paris"),
        ),
        CustomerDraft(
            "Garage Martin & Fils",
            status=CustomerStatus.BLOCKED,
            billing_address=Address("1 route Nationale", "", "45000", "Orléans"),
            salesperson_id=seller,
        ),
        CustomerDraft(
            "Brasserie de l'Abbaye SRL",
            status=CustomerStatus.ACTIVE,
            country=Country.BELGIUM,
            enterprise_number="0403170701",
            billing_address=Address("Rue Neuve 1", "", "1000", "Bruxelles", Country.BELGIUM),
        ),
    ]
    for draft in drafts:
        services.customers.create(draft)
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- customers list ------------------------------------------------------------------------


def test_json_lists_every_field_sorted_by_name(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(listed), "customers", "list", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert [r["name"] for r in records] == [
        '=HYPERLINK("http://example.com";"clic")',
        "Boulangerie Élodie Dupré SARL",
        "Brasserie de l'Abbaye SRL",
        "Garage Martin & Fils",
    ]
    boulangerie = records[1]
    assert boulangerie == {
        "id": boulangerie["id"],
        "name": "Boulangerie Élodie Dupré SARL",
        "identifier": "732829320",
        "postal_code": "25000",
        "city": "Besançon",
        "status": "active",
        "segment": "PME fidèles",
        "salesperson": "Julie Fontaine",
        "payment_terms_days": 30,
        "payment_terms_basis": "invoice_date",
        "credit_limit_cents": 1_500_000,
    }
    assert records[2]["identifier"] == "0403170701"
    assert "Élodie" in out  # UTF-8 as is, not \u escapes


def test_csv_uses_semicolons_and_defuses_formulas(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(listed), "customers", "list", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("id;name;identifier;")
    table = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    names = [row["name"] for row in table]
    assert '\'=HYPERLINK("http://example.com";"clic")' in names
    assert not any(name.startswith("=") for name in names)
    assert "Garage Martin & Fils" in names
    assert {row["city"] for row in table} == {"Paris", "Besançon", "Bruxelles", "Orléans"}


def test_table_shows_french_labels_and_a_count(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(listed), "customers", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "Raison", "sociale"]
    assert "Commercial" in lines[0]
    assert lines[-1] == "4 client(s)"
    garage = next(line for line in lines if "Garage Martin" in line)
    assert "Bloqué" in garage and "Julie Fontaine" in garage and "Orléans" in garage


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("elodie dupre", ["Boulangerie Élodie Dupré SARL"]),
        ("ÉLODIE", ["Boulangerie Élodie Dupré SARL"]),
        ("besancon", ["Boulangerie Élodie Dupré SARL"]),
        ("ORLEANS", ["Garage Martin & Fils"]),
        ("732 829 320", ["Boulangerie Élodie Dupré SARL"]),
        ("abbaye", ["Brasserie de l'Abbaye SRL"]),
        ("introuvable", []),
    ],
)
def test_search_narrows_without_caring_about_accents(
    listed: Path, capsys: pytest.CaptureFixture[str], search: str, expected: list[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(listed), "customers", "list", "--format", "json", "--search", search
    )
    assert code == 0
    assert [r["name"] for r in json.loads(out)] == expected


def test_status_filter(listed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--db", str(listed), "customers", "list", "--format", "json"]
    code, out, _ = run(capsys, *argv, "--status", "prospect", "--status", "blocked")
    assert code == 0
    assert sorted(r["status"] for r in json.loads(out)) == ["blocked", "prospect"]


def test_a_reader_that_stops_early_is_not_an_error(
    listed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`encaisse customers list | head` must not end with a BrokenPipeError traceback."""
    sink = open(tmp_path / "sink", "w")  # its descriptor stands for the closed pipe

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return sink.fileno()

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    try:
        assert main(["--db", str(listed), "customers", "list"]) == 0
    finally:
        sink.close()


def test_listing_a_missing_file_says_so_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent.sqlite"
    code, out, err = run(capsys, "--db", str(missing), "customers", "list")
    assert code != 0
    assert out == ""
    assert "Aucun fichier Encaisse" in err and "encaisse demo" in err
    assert not missing.exists()


# --- check ---------------------------------------------------------------------------------


def test_check_passes_on_a_sound_file_and_leaves_it_alone(
    listed: Path, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    services.close()  # let SQLite fold its journal back into the file first
    before = listed.read_bytes()
    code, out, err = run(capsys, "--db", str(listed), "check")
    assert code == 0, err
    assert "Intégrité : OK" in out
    assert "Clients : 4" in out
    assert listed.read_bytes() == before


def _foreign_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE recettes (nom TEXT, minutes INTEGER)")
        connection.execute("INSERT INTO recettes VALUES ('pot-au-feu', 180)")
    connection.close()
    return path


def _text_file(path: Path) -> Path:
    path.write_text("Liste de courses\n- pain\n", encoding="utf-8")
    return path


def _empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_text_file, "pas une base SQLite"),
        (_foreign_sqlite, "pas un fichier Encaisse"),
        (_empty_file, "pas une base SQLite"),
    ],
    ids=["text-file", "foreign-sqlite", "empty-file"],
)
def test_check_refuses_what_is_not_an_encaisse_file_without_touching_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    words: str,
) -> None:
    path = make(tmp_path / "autre.sqlite")
    before = path.read_bytes()
    mode = path.stat().st_mode
    code, out, err = run(capsys, "--db", str(path), "check")
    assert code != 0
    assert words in err and "Il n'a pas été modifié" in err
    assert "Intégrité : OK" not in out
    assert path.read_bytes() == before
    assert path.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autre.sqlite"]  # no -wal, no lock


def test_check_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "absent.sqlite"), "check")
    assert code != 0 and "Aucun fichier Encaisse" in err


# --- version and the real command ------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"Encaisse {__version__}"


def _command(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_python_dash_m_desktop_is_the_encaisse_command(tmp_path: Path) -> None:
    version = _command("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"Encaisse {__version__}"

    path = tmp_path / "demo.sqlite"
    demo = _command("--db", str(path), "--today", "2026-03-16", "demo", "--customers", "12")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith(f"Démonstration créée dans {path} : 12 clients et prospects")

    listing = _command("--db", str(path), "customers", "list", "--format", "json")
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) == 12

    check = _command("--db", str(path), "check")
    assert check.returncode == 0 and "Intégrité : OK" in check.stdout
    assert not (tmp_path / "demo.sqlite.lock").exists()  # every command let go of the file


def test_command_reports_a_foreign_file_on_stderr(tmp_path: Path) -> None:
    path = _foreign_sqlite(tmp_path / "recettes.db")
    before = path.read_bytes()
    result = _command("--db", str(path), "customers", "list")
    assert result.returncode == 1
    assert "pas un fichier Encaisse" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before
