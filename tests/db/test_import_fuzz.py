"""Issue 8: whatever file is imported, the import either succeeds or is refused with its
own error (ImportRejected, every rejected line worded in French) — never another
exception — and a refused import leaves the data file exactly as it was.

Files are fed through the import service the way the wizard and `encaisse import` do:
read, plan (dry run), then apply with that plan. Mutated FEC and CSV exports, Excel
workbooks built from fuzzed cell values, random bytes named .xlsx, and real workbooks
cut short or with a damaged byte.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop.domain.ledger import ImportProblem
from desktop.services.imports.service import ImportOptions, ImportRejected
from desktop.services.imports.sniff import FEC_FIELDS
from desktop.services.imports.tabular import ColumnMapping
from desktop.services.registry import Services
from desktop.ui.messages import import_problem_message
from tests.db.factories import customer

# The tables an import writes: a refused one must leave each row as it was.
TABLES = ("customers", "documents", "payments", "payment_allocations", "imports",
          "import_changes", "audit_log")  # fmt: skip
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FEC = (
    "\r\n".join(
        [
            "\t".join(FEC_FIELDS),
            "VT\tVentes\t1\t20260115\t411000\tClients\t411EPI\tBoulangerie L'Épi d'Or\tFA1\t"
            "20260115\tFacture FA1\t 000000000001437,12\t0,00\t\t\t20260131\t\t",
            "VT\tVentes\t1\t20260115\t706000\tVentes\t\t\tFA1\t20260115\tFacture FA1\t0,00\t"
            "1197,60\t\t\t20260131\t\t",
            "AN\tA nouveaux\t2\t20260101\t411000\tClients\t411MUL\tÉts Müller & Fils\tAV9\t\t"
            "À nouveau\t\t-12,5\t\t\t20260131\t\t",
            "BQ\tBanque\t3\t20260210\t411000\tClients\t411DUP\tDupont & Fils\tRG1\t20260210\t"
            "Règlement\t0,00\t100,00\t\t\t20260210\t\t",
        ]
    )
    + "\r\n"
).encode("cp1252")

HEADER = ("Code client", "Raison sociale", "N° facture", "Date", "Échéance", "Montant TTC",
          "Reste dû", "Type")  # fmt: skip
CSV = (
    ";".join(HEADER) + "\n"
    "411EPI;\"Boulangerie L'Épi d'Or\";FA1;15/01/2026;14/02/2026;1 437,12 €;437,12;Facture\n"
    '411DUP;"Dupont & Fils; SARL";AV2;2026-01-20;;-120,50;-120,5;Avoir\n'
    "411MUL;Éts Müller;FA3;20/01/26;;1.234,56;1234,56;Facture\n"
).encode("utf-8-sig")
MAPPING = ColumnMapping(
    customer_code="Code client",
    customer_name="Raison sociale",
    number="N° facture",
    issued_on="Date",
    total="Montant TTC",
    open="Reste dû",
    due_on="Échéance",
    kind="Type",
).to_json()

# Bytes that matter to the parsers: separators, line ends, quotes, signs, digits, accents
# in both encodings, NUL, BOMs, a zip signature, dates at the ends of the calendar,
# amounts too large for the file.
INTERESTING = [b"\t", b"|", b";", b",", b'"', b"\r", b"\n", b"-", b"0", b" ", b"\xa0",
               b"\xc3\xa9", b"\xe9", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04",
               b"411", b"99991231", b"00010101", b"20260229", b"99999999999999999999",
               b"9" * 400]  # fmt: skip

# Cell values a spreadsheet may hold where the mapping expects a code, a date or amount.
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**22), max_value=10**22),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.dates(),
    st.datetimes(),
    st.text(max_size=40).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.sampled_from(
        [
            "=1/0",
            "=SUM(A1:A2)",
            "#N/A",
            "1 234,56 €",
            "-0,00",
            "31/02/2026",
            "1e308",
            "Facture",
            "Avoir",
            "Règlement",
            "411EPI",
            "FA1",
            "x" * 300,
        ]
    ),
)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` after a few random edits: inserts, deletions, replacements, cuts."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "cut", "duplicate"]))
        chunk = draw(st.one_of(st.sampled_from(INTERESTING), st.binary(min_size=1, max_size=8)))
        if edit == "insert":
            data[at:at] = chunk
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif edit == "replace":
            data[at : at + len(chunk)] = chunk
        elif edit == "cut":
            del data[at:]
        else:
            data[at:at] = data[max(0, at - 120) : at]
    return bytes(data)


def workbook_bytes(rows: list[list[object]], title: str = "Balance") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD_BOOK = workbook_bytes(
    [
        list(HEADER),
        ["411EPI", "Boulangerie L'Épi d'Or", "FA1", date(2026, 1, 15), None, 1437.12, 437.12,
         "Facture"],
        ["411DUP", "Dupont & Fils", "AV2", datetime(2026, 1, 20), None, -120.5, -120.5, "Avoir"],
    ]
)  # fmt: skip


# --- the import, as the wizard and the command run it ---------------------------------------


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        rows = {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    connection.close()
    return rows


def import_file(
    services: Services, db_path: Path, path: Path, fmt: str = "auto", mapping: str | None = None
) -> list[str]:
    """Read, plan and apply `path`: [] when imported, else the messages of the refusal,
    which must be the import's own, worded in French, and leave the file untouched."""
    before = snapshot(db_path)
    parsed = services.imports.read_file(path, fmt, mapping_json=mapping)
    options = ImportOptions(file_name=path.name, source_format=parsed.source_format)
    plan = services.imports.plan(parsed, options)
    try:
        services.imports.apply(parsed, options, plan=plan)
    except ImportRejected as refused:
        assert not plan.ok and not refused.plan.ok and refused.plan.rejected
        messages = []
        for line in refused.plan.rejected:
            problem = ImportProblem(line.problem)
            message = import_problem_message(problem, line.detail)
            assert message and not message.startswith(problem.value)
            # The libraries' own words never reach the user.
            assert not any(w in message for w in ("Traceback", "Error:", "File is not"))
            messages.append(message)
        assert snapshot(db_path) == before
        return messages
    assert plan.ok
    return []


@pytest.fixture
def ledger(services: Services) -> Services:
    """A file that already holds two of the export's customers and one invoice, so an
    import has something to compare with and to update."""
    services.customers.create(customer("Boulangerie L'Épi d'Or", account_code="411EPI"))
    services.customers.create(customer("Dupont & Fils", account_code="411DUP"))
    return services


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    files = tmp_path / "exports"
    files.mkdir()
    yield files


def test_the_seeds_import(ledger: Services, db_path: Path, folder: Path) -> None:
    (folder / "FEC.txt").write_bytes(FEC)
    (folder / "balance.csv").write_bytes(CSV)
    (folder / "balance.xlsx").write_bytes(GOOD_BOOK)
    assert import_file(ledger, db_path, folder / "FEC.txt") == []
    assert import_file(ledger, db_path, folder / "balance.csv", mapping=MAPPING) == []
    assert import_file(ledger, db_path, folder / "balance.xlsx", mapping=MAPPING) == []


@FUZZ
@given(data=mutated(FEC))
def test_a_mutated_fec(ledger: Services, db_path: Path, folder: Path, data: bytes) -> None:
    path = folder / "FEC.txt"
    path.write_bytes(data)
    import_file(ledger, db_path, path)


@FUZZ
@given(data=mutated(CSV), guess=st.booleans())
def test_a_mutated_csv(
    ledger: Services, db_path: Path, folder: Path, data: bytes, guess: bool
) -> None:
    path = folder / "balance.csv"
    path.write_bytes(data)
    import_file(ledger, db_path, path, "csv", None if guess else MAPPING)


@FUZZ
@given(
    rows=st.lists(st.lists(cell_values, max_size=10), max_size=6),
    header=st.booleans(),
    guess=st.booleans(),
)
def test_a_workbook_of_fuzzed_cells(
    ledger: Services,
    db_path: Path,
    folder: Path,
    rows: list[list[object]],
    header: bool,
    guess: bool,
) -> None:
    path = folder / "balance.xlsx"
    path.write_bytes(workbook_bytes([list(HEADER), *rows] if header else rows))
    import_file(ledger, db_path, path, "xlsx", None if guess else MAPPING)


@FUZZ
@given(
    data=st.binary(max_size=3000), zip_magic=st.booleans(), fmt=st.sampled_from(["auto", "xlsx"])
)
def test_random_bytes_named_xlsx(
    ledger: Services, db_path: Path, folder: Path, data: bytes, zip_magic: bool, fmt: str
) -> None:
    path = folder / "balance.xlsx"
    path.write_bytes(b"PK\x03\x04" + data if zip_magic else data)
    import_file(ledger, db_path, path, fmt, MAPPING)


@FUZZ
@given(
    cut=st.integers(min_value=0, max_value=len(GOOD_BOOK) - 1),
    flip=st.one_of(st.none(), st.integers(min_value=0, max_value=len(GOOD_BOOK) - 1)),
)
def test_a_real_workbook_cut_short_or_damaged(
    ledger: Services, db_path: Path, folder: Path, cut: int, flip: int | None
) -> None:
    data = bytearray(GOOD_BOOK)
    if flip is None:
        del data[cut:]
    else:
        data[flip] ^= 0xFF
    path = folder / "balance.xlsx"
    path.write_bytes(bytes(data))
    messages = import_file(ledger, db_path, path, "auto", MAPPING)
    if flip is None and cut >= 4:  # a zip without its end: not even a zip any more
        assert messages[0].startswith("fichier illisible (classeur Excel endommagé")


NOT_A_WORKBOOK = (
    "fichier illisible (ce n'est pas un classeur Excel .xlsx : enregistrez-le au format Excel [{}])"
)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        # An empty zip does not even start like one: read as a (binary) text file.
        ({}, "ce n'est pas un fichier texte (un export FEC ou CSV est attendu)"),
        ({"[Content_Types].xml": b"<Types/>"}, NOT_A_WORKBOOK.format("OSError")),
        ({"xl/workbook.xml": b"<workbook/>"}, NOT_A_WORKBOOK.format("KeyError")),
        # A LibreOffice file and a Word file renamed .xlsx.
        ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
         NOT_A_WORKBOOK.format("KeyError")),
        ({"word/document.xml": b"<w:document/>"}, NOT_A_WORKBOOK.format("KeyError")),
    ],
)  # fmt: skip
def test_a_zip_that_is_not_a_workbook(
    ledger: Services, db_path: Path, folder: Path, members: dict[str, bytes], expected: str
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    path = folder / "balance.xlsx"
    path.write_bytes(buffer.getvalue())
    (message,) = import_file(ledger, db_path, path, "auto", MAPPING)
    assert message == expected
