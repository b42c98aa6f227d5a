"""`encaisse import`: a real FEC (Windows-1252, tabs, CRLF) into a real data file."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands.common import EXIT_OK, EXIT_PROBLEM, EXIT_REJECTED
from desktop.domain.clock import FixedClock
from desktop.persistence.database import Database
from desktop.persistence.migrations import open_or_create
from desktop.services.registry import build_services
from tests.db.factories import count_rows

FEC_HEADER = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)
DUPONT = ("411DUPONT", "Boulangerie Dupont & Fils")
MARTIN = ("411MARTIN", "Épicerie Martin SARL")


def _sale(
    num: int,
    day: str,
    who: tuple[str, str],
    piece: str,
    label: str,
    ttc: str,
    ht: str,
    tva: str,
    *,
    credit_note: bool = False,
    letter: str = "",
) -> list[tuple[str, ...]]:
    """The three lines of a sale (or, reversed, of a credit note): 411, 706, 44571."""

    def sides(amount: str, debit: bool) -> tuple[str, str]:
        return (amount, "0,00") if debit else ("0,00", amount)

    common = ("VE", "Ventes", str(num), day)
    tail = ("", "", day, "", "")
    return [
        (*common, "411000", "Clients", *who, piece, day, label, *sides(ttc, not credit_note),
         letter, "20260301" if letter else "", day, "", ""),
        (*common, "706000", "Ventes de produits", "", "", piece, day, label,
         *sides(ht, credit_note), *tail),
        (*common, "445710", "TVA collectée", "", "", piece, day, label,
         *sides(tva, credit_note), *tail),
    ]  # fmt: skip


def march_lines() -> list[tuple[str, ...]]:
    """Dupont owes two invoices less a credit note; Martin paid one invoice (matched AA
    with his transfer) and owes another."""
    return [
        *_sale(1, "20260115", DUPONT, "FA-2026-0101", "Pains spéciaux", "1440,00", "1200,00", "240,00"),
        *_sale(2, "20260203", DUPONT, "FA-2026-0102", "Viennoiseries", "2880,00", "2400,00", "480,00"),
        *_sale(3, "20260210", DUPONT, "AV-2026-0007", "Avoir casse livraison", "240,00", "200,00",
               "40,00", credit_note=True),
        *_sale(4, "20260220", MARTIN, "FA-2026-0103", "Équipement", "9600,00", "8000,00",
               "1600,00", letter="AA"),
        ("BQ", "Banque", "5", "20260301", "512000", "Banque", "", "", "VIR-0301", "20260301",
         "Virement Martin", "9600,00", "0,00", "", "", "20260301", "", ""),
        ("BQ", "Banque", "5", "20260301", "411000", "Clients", *MARTIN, "VIR-0301", "20260301",
         "Virement Martin", "0,00", "9600,00", "AA", "20260301", "20260301", "", ""),
        *_sale(6, "20260305", MARTIN, "FA-2026-0110", "Commande de mars", "1200,00", "1000,00",
               "200,00"),
    ]  # fmt: skip


def write_fec(path: Path, lines: list[tuple[str, ...]]) -> Path:
    text = "\r\n".join("\t".join(line) for line in [FEC_HEADER, *lines]) + "\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """A fresh data file, closed: what the command finds on disk."""
    path = tmp_path / "Société Dupré & Fils.sqlite"
    open_or_create(path, now=datetime(2026, 3, 16, 9, 30), app_version="test")
    return path


def run(capsys: pytest.CaptureFixture[str], data_file: Path, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(data_file), "--today", "2026-03-16", "import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> tuple[str, bool]:
    wal = Path(str(path) + "-wal")
    return hashlib.sha256(path.read_bytes()).hexdigest(), wal.exists() and wal.stat().st_size > 0


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        found = connection.execute(sql).fetchall()
    connection.close()
    return found


def test_a_fec_is_imported_then_reimported_without_duplicates(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fec = write_fec(tmp_path / "FEC_732829320_20260315.txt", march_lines())

    code, out, err = run(capsys, data_file, str(fec))

    assert (code, err) == (EXIT_OK, "")
    assert "FEC, cp1252" in out
    assert "Pièces créées : 6" in out
    assert "Clients créés : 2" in out
    assert "Import n° 1 enregistré" in out
    assert rows(
        data_file, "SELECT kind, number, total_cents, open_cents FROM documents ORDER BY number"
    ) == [
        ("credit_note", "AV-2026-0007", -24_000, -24_000),
        ("invoice", "FA-2026-0101", 144_000, 144_000),
        ("invoice", "FA-2026-0102", 288_000, 288_000),
        ("invoice", "FA-2026-0103", 960_000, 0),
        ("invoice", "FA-2026-0110", 120_000, 120_000),
        ("payment", "VIR-0301", -960_000, 0),
    ]
    assert rows(data_file, "SELECT account_code, legal_name FROM customers ORDER BY id") == [
        DUPONT,
        MARTIN,
    ]

    code, out, _ = run(capsys, data_file, str(fec))

    assert code == EXIT_OK
    assert "Pièces créées : 0" in out and "Pièces inchangées : 6" in out
    assert count_rows(data_file, "documents") == 6
    assert count_rows(data_file, "customers") == 2


def test_a_newer_fec_settles_the_matched_invoice(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, data_file, str(write_fec(tmp_path / "mars.txt", march_lines())))
    april = [
        line if line[8] != "FA-2026-0101" or line[4] != "411000" else (*line[:13], "AB", *line[14:])
        for line in march_lines()
    ]
    april += [
        ("BQ", "Banque", "7", "20260402", "512000", "Banque", "", "", "VIR-0402", "20260402",
         "Virement Dupont", "1440,00", "0,00", "", "", "20260402", "", ""),
        ("BQ", "Banque", "7", "20260402", "411000", "Clients", *DUPONT, "VIR-0402", "20260402",
         "Virement Dupont", "0,00", "1440,00", "AB", "20260402", "20260402", "", ""),
    ]  # fmt: skip

    code, out, _ = run(capsys, data_file, str(write_fec(tmp_path / "avril.txt", april)))

    assert code == EXIT_OK
    assert "Pièces créées : 1" in out
    assert "Pièces soldées : 1" in out
    assert "Pièces inchangées : 5" in out
    assert rows(
        data_file, "SELECT open_cents, settled_on FROM documents WHERE number = 'FA-2026-0101'"
    ) == [(0, "2026-03-16")]


def test_a_broken_fec_is_refused_line_by_line_and_the_file_is_untouched(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = march_lines()
    lines[1] = (*lines[1][:11], "12,3,4", *lines[1][12:])  # line 3 of the file
    lines[6] = (*lines[6][:3], "20261345", *lines[6][4:])  # line 8
    fec = write_fec(tmp_path / "FEC_abime.txt", lines)
    before = digest(data_file)

    code, out, _ = run(capsys, data_file, str(fec))

    assert code == EXIT_REJECTED
    assert "Import refusé : 2 ligne(s) rejetée(s)" in out
    assert "Rien n'a été enregistré" in out
    assert "ligne 3 : montant illisible (Debit « 12,3,4 »)" in out
    assert "ligne 8 : date illisible (EcritureDate « 20261345 »)" in out
    assert digest(data_file) == before
    assert count_rows(data_file, "imports") == 0


def test_a_number_already_held_by_another_customer_is_refused(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, data_file, str(write_fec(tmp_path / "mars.txt", march_lines())))
    stolen = _sale(
        9, "20260310", MARTIN, "FA-2026-0101", "Erreur de saisie", "12,00", "10,00", "2,00"
    )
    before = digest(data_file)

    code, out, _ = run(capsys, data_file, str(write_fec(tmp_path / "erreur.txt", stolen)))

    assert code == EXIT_REJECTED
    assert (
        "ligne 2 : même numéro de pièce pour deux clients différents "
        "(FA-2026-0101 : 411DUPONT / 411MARTIN)"
    ) in out
    assert digest(data_file) == before


def test_not_a_fec_at_all(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Relancer Dupont\tmardi\n", encoding="utf-8")
    code, out, _ = run(capsys, data_file, "--format", "fec", str(text))
    assert code == EXIT_REJECTED
    assert "ligne 1 : la première ligne n'est pas l'en-tête d'un FEC" in out


def test_dry_run_shows_the_counts_and_writes_nothing(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(data_file)
    code, out, _ = run(
        capsys, data_file, "--dry-run", str(write_fec(tmp_path / "f.txt", march_lines()))
    )
    assert code == EXIT_OK
    assert "Pièces créées : 6" in out and "Simulation : rien n'a été enregistré." in out
    assert digest(data_file) == before


def test_default_terms_for_the_customers_it_creates(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fec = write_fec(tmp_path / "f.txt", march_lines())
    code, _, _ = run(
        capsys, data_file, "--default-terms", "45", "--terms-basis", "eom_after", str(fec)
    )
    assert code == EXIT_OK
    # 15 January + 45 days = 1 March, then the end of that month.
    assert rows(data_file, "SELECT due_on FROM documents WHERE number = 'FA-2026-0101'") == [
        ("2026-03-31",)
    ]
    assert rows(
        data_file, "SELECT DISTINCT payment_terms_days, payment_terms_basis FROM customers"
    ) == [(45, "eom_after")]


def test_complete_export_settles_what_is_gone(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, data_file, str(write_fec(tmp_path / "mars.txt", march_lines())))
    without = [line for line in march_lines() if line[8] != "FA-2026-0110"]
    fec = write_fec(tmp_path / "avril.txt", without)

    _, partial, _ = run(capsys, data_file, "--dry-run", str(fec))
    _, complete, _ = run(capsys, data_file, "--complete", str(fec))

    assert "Pièces soldées : 0" in partial
    assert "Pièces soldées : 1" in complete
    assert rows(data_file, "SELECT open_cents FROM documents WHERE number = 'FA-2026-0110'") == [
        (0,)
    ]


def test_undo_and_history(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, data_file, str(write_fec(tmp_path / "FEC_mars.txt", march_lines())))

    code, out, _ = run(capsys, data_file, "--history")
    assert code == EXIT_OK
    assert "n° 1" in out and "FEC_mars.txt" in out and "annulable" in out

    code, out, _ = run(capsys, data_file, "--undo")
    assert code == EXIT_OK
    assert "Import n° 1 (FEC_mars.txt" in out and "6 pièce(s) créée(s) supprimée(s)" in out
    assert count_rows(data_file, "documents") == 0
    assert count_rows(data_file, "customers") == 0

    code, _, err = run(capsys, data_file, "--undo")
    assert code == EXIT_PROBLEM
    assert "Aucun import à annuler." in err
    _, out, _ = run(capsys, data_file, "--history")
    assert "annulé le 16/03/2026" in out


def test_a_csv_aged_balance_with_a_saved_mapping(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.services.imports.tabular import ColumnMapping

    services = build_services(
        Database.at(data_file), FixedClock(datetime(2026, 3, 16, 9, 30)), lambda: "Camille"
    )
    mapping = ColumnMapping(
        customer_code="Cpte",
        customer_name="Tiers",
        number="Pièce",
        issued_on="Le",
        total="TTC",
        open="Dû",
        due_on="Éch.",
    )
    services.imports.save_mapping("Balance EBP", mapping.to_json(), "csv")
    services.close()
    balance = tmp_path / "balance_agee.csv"
    balance.write_text(
        "Cpte;Tiers;Pièce;Le;Éch.;TTC;Dû\n"
        "411DUPONT;Boulangerie Dupont & Fils;FA-2026-0101;15/01/2026;28/02/2026;1 440,00;1 440,00\n"
        "411MARTIN;Épicerie Martin SARL;FA-2026-0110;05/03/2026;04/04/2026;1 200,00;600,00\n",
        encoding="cp1252",
    )

    code, out, _ = run(capsys, data_file, "--mapping", "Balance EBP", str(balance))

    assert code == EXIT_OK, out
    assert "Pièces créées : 2" in out
    assert rows(data_file, "SELECT number, due_on, open_cents FROM documents ORDER BY id") == [
        ("FA-2026-0101", "2026-02-28", 144_000),
        ("FA-2026-0110", "2026-04-04", 60_000),
    ]

    code, out, _ = run(capsys, data_file, "--mapping", "Inconnue", str(balance))
    assert code == EXIT_REJECTED
    assert "fichier : colonne obligatoire absente (correspondance « Inconnue » introuvable)" in out


def test_a_missing_file(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, data_file, str(tmp_path / "absent.txt"))
    assert code == EXIT_PROBLEM
    assert "introuvable" in err
