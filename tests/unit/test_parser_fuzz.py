"""Whatever the bytes, the parsers answer with a ParsedExport: they never raise on content."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.ledger import ParsedExport
from desktop.services.imports.fec import parse_fec
from desktop.services.imports.sniff import FEC_FIELDS, decode_bytes, detect_format
from desktop.services.imports.tabular import ColumnMapping, parse_table, preview_table

FEC = (
    "\r\n".join(
        [
            "\t".join(FEC_FIELDS),
            "VT\tVentes\t1\t20240115\t411000\tClients\t411EPI\tBoulangerie L'Épi d'Or\tFA1\t"
            "20240115\tFacture FA1\t 000000000001437,12\t0,00\t\t\t20240131\t\t",
            "VT\tVentes\t1\t20240115\t706000\tVentes\t\t\tFA1\t20240115\tFacture FA1\t0,00\t"
            "1197,60\t\t\t20240131\t\t",
            "VT\tVentes\t1\t20240115\t445710\tTVA\t\t\tFA1\t20240115\tFacture FA1\t0,00\t239,52"
            "\t\t\t20240131\t\t",
            "AN\tA nouveaux\t2\t20240101\t411000\tClients\t411MUL\tÉts Müller\tAV9\t\t"
            "À nouveau\t\t-12,5\tAB\t20240101\t20240131\t\t",
            "BQ\tBanque\t3\t20240210\t411000\tClients\t411DUP\tDupont & Fils\tRG1\t20240210\t"
            "Règlement\t0,00\t100,00\tAC\t20240210\t20240210\t\t",
        ]
    )
    + "\r\n"
).encode("cp1252")

CSV = (
    "Code client;Raison sociale;N° facture;Date;Échéance;Montant TTC;Reste dû;Type\n"
    "411EPI;\"Boulangerie L'Épi d'Or\";FA1;15/01/2024;14/02/2024;1 437,12 €;437,12;Facture\n"
    '411DUP;"Dupont & Fils; SARL";AV2;2024-01-20;;-120,50;-120,5;Avoir\n'
    "411MUL;Éts Müller;RG3;20/01/24;;1.234,56;0;Règlement\n"
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
)

# Bytes that matter to the parsers: separators, line ends, quotes, signs, digits,
# accents in both encodings, NUL, a BOM, a zip signature.
_INTERESTING = [
    b"\t",
    b"|",
    b";",
    b",",
    b'"',
    b"\r",
    b"\n",
    b"\r\n",
    b"-",
    b"0",
    b"9",
    b" ",
    b"\xa0",
    b"\xc3\xa9",
    b"\xe9",
    b"\x80",
    b"\xa4",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"PK\x03\x04",
    b"411",
    b"20240229",
    b"99999999999999999999",
]
_snippet = st.one_of(st.sampled_from(_INTERESTING), st.binary(max_size=12))


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]))
        position = draw(st.integers(0, len(data)))
        if operation == "insert":
            data[position:position] = draw(_snippet)
        elif operation == "delete":
            del data[position : position + draw(st.integers(1, 20))]
        elif operation == "replace":
            data[position : position + 1] = draw(_snippet)
        elif operation == "duplicate":
            end = min(len(data), position + draw(st.integers(1, 200)))
            data[end:end] = data[position:end]
        else:
            del data[position:]
    return bytes(data)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check(result: ParsedExport) -> None:
    assert isinstance(result, ParsedExport)
    assert len(result.rejected) <= 1001
    for entry in result.entries:
        assert entry.total_cents > 0
        assert 0 <= entry.open_cents <= entry.total_cents
        assert entry.number and entry.customer_code


def every_parser(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    detect_format(path)
    check(parse_fec(path))
    check(parse_table(path, MAPPING))
    preview_table(path)
    try:
        decode_bytes(data)
    except ValueError:
        pass


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes(folder: Path, data: bytes) -> None:
    every_parser(folder / "random.txt", data)


@settings(max_examples=200, deadline=None)
@given(data=mutated(FEC))
def test_mutated_fec(folder: Path, data: bytes) -> None:
    every_parser(folder / "fec.txt", data)


@settings(max_examples=200, deadline=None)
@given(data=mutated(CSV))
def test_mutated_csv(folder: Path, data: bytes) -> None:
    every_parser(folder / "balance.csv", data)


def test_the_seeds_are_valid(folder: Path) -> None:
    fec = folder / "seed.txt"
    fec.write_bytes(FEC)
    result = parse_fec(fec)
    assert result.ok and len(result.entries) == 3
    csv = folder / "seed.csv"
    csv.write_bytes(CSV)
    result = parse_table(csv, MAPPING)
    assert result.ok and len(result.entries) == 3
