"""The vectorised reading of plain FEC chunks (fec_fast) gives exactly what the line
parser gives: same entries in the same order, same line numbers, same rejected lines."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.ledger import ImportProblem, ParsedExport
from desktop.services.imports import fec, fec_fast, sniff
from desktop.services.imports.fec import fec_cents, fec_date

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_import.py"


def _bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_import_for_tests", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The benchmark's FEC at 3,000 lines (header first), without line ends."""
    path = tmp_path_factory.mktemp("bench") / "FEC_bench.txt"
    _bench_module().generate(path, 3000)
    return path.read_bytes().decode("cp1252").split("\r\n")[:-1]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of about 4 KB: a few dozen per file, most of them plain."""
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 4096)


@pytest.fixture
def plain_chunks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each chunk scanned, whether fec_fast read it (True) or left it (False)."""
    seen: list[bool] = []
    scan = fec.scan_chunk

    def spy(text: str, layout: fec_fast.Layout) -> fec_fast.PlainChunk | None:
        found = scan(text, layout)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(fec, "scan_chunk", spy)
    return seen


def both_ways(path: Path) -> ParsedExport:
    line_by_line = fec.parse_fec(path, fast=False)
    fast = fec.parse_fec(path, fast=True)
    assert fast.rejected == line_by_line.rejected
    assert fast.entries == line_by_line.entries
    assert fast == line_by_line
    return fast


def write(path: Path, lines: list[str], *, sep: str, eol: str, encoding: str) -> Path:
    text = eol.join(line.replace("\t", sep) for line in lines) + eol
    path.write_bytes(text.encode(encoding))
    return path


def to_amount_and_side(lines: list[str]) -> list[str]:
    """Debit + Credit -> Montant + Sens, as some packages export."""
    header = lines[0].split("\t")
    i_debit, i_credit = header.index("Debit"), header.index("Credit")
    header[i_debit], header[i_credit] = "Montant", "Sens"
    out = ["\t".join(header)]
    for line in lines[1:]:
        f = line.split("\t")
        if f[i_debit] != "0,00":
            f[i_credit] = "D"
        else:
            f[i_debit], f[i_credit] = f[i_credit], "C"
        out.append("\t".join(f))
    return out


# -- the benchmark's file in every layout ---------------------------------------------


@pytest.mark.parametrize("sep", ["\t", "|"])
@pytest.mark.parametrize("eol", ["\r\n", "\n"])
@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
@pytest.mark.parametrize("amount_side", [False, True])
def test_the_benchmark_file_reads_the_same_both_ways(
    tmp_path: Path,
    bench_lines: list[str],
    small_chunks: None,
    plain_chunks: list[bool],
    sep: str,
    eol: str,
    encoding: str,
    amount_side: bool,
) -> None:
    lines = to_amount_and_side(bench_lines) if amount_side else bench_lines
    path = write(tmp_path / "FEC.txt", lines, sep=sep, eol=eol, encoding=encoding)
    result = both_ways(path)
    assert result.ok and result.line_count == 3000
    assert len(result.entries) > 1000
    assert {e.kind for e in result.entries} == {"invoice", "credit_note", "payment"}
    assert any(e.customer_name.startswith("Épicerie") for e in result.entries)
    assert all(plain_chunks[1:]), "every chunk but the header's should be plain"


def test_by_default_only_large_files_take_the_fast_path(
    tmp_path: Path, bench_lines: list[str], plain_chunks: list[bool]
) -> None:
    path = write(tmp_path / "FEC.txt", bench_lines, sep="\t", eol="\r\n", encoding="cp1252")
    assert path.stat().st_size < fec.FAST_PATH_MIN_BYTES
    fec.parse_fec(path)
    assert plain_chunks == []
    fec.parse_fec(path, fast=True)
    assert plain_chunks and all(plain_chunks)


# -- unusual lines: their chunk is read line by line, nothing else changes -------------


def _field(line: str, name: str, value: str, header: list[str]) -> str:
    f = line.split("\t")
    index = header.index(name)
    if index >= len(f):  # a line an earlier mutation cut short stays as it is
        return line
    f[index] = value
    return "\t".join(f)


def _receivable(lines: list[str], header: list[str], rng: random.Random) -> int:
    i_account = header.index("CompteNum")
    while True:
        i = rng.randrange(1, len(lines))
        fields = lines[i].split("\t")
        # An earlier mutation may have cut the line short: pick another one.
        if len(fields) > i_account and fields[i_account].startswith("411"):
            return i


Mutation = Callable[[list[str], list[str], random.Random], None]


def _bad_amount(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] = _field(lines[i], "Debit", "12,3,4", header)


def _padded_signed_amount(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "Credit", " 1\u00a0234,50- ", header)


def _bad_date(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] = _field(lines[i], "EcritureDate", "20250230", header)


def _padded_piece_date(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "PieceDate", " 20250301 ", header)


def _blank_piece(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "PieceRef", "  ", header)


def _piece_in_brackets(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "PieceRef", "(FA-2025/007)", header)


def _blank_account(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] = _field(lines[i], "CompteNum", "", header)


def _padded_account(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "CompteNum", " 411000", header)


def _missing_column(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] = lines[i].rsplit("\t", 1)[0]


def _extra_column(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] += "\tEUR"


def _trailing_separator(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i] += "\t"


def _blank_lines(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = rng.randrange(1, len(lines))
    lines[i:i] = ["", "   ", "\t" * (len(header) - 1)]


def _lone_cr(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "EcritureLib", "Facture\rsuite", header)


def _euro_and_apostrophe(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "CompAuxLib", "L’Atelier d’Œuvres — 100 €", header)


def _unicode_space_piece(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "PieceRef", "\u2003", header)


def _opening_entry(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "EcritureLib", "À nouveau exercice 2024", header)
    j = _receivable(lines, header, rng)
    lines[j] = _field(lines[j], "JournalCode", "ran", header)


def _piece_on_two_lines(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines.insert(rng.randrange(i + 1, len(lines) + 1), lines[i])


def _piece_on_two_customers(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines.append(_field(lines[i], "CompAuxNum", "411ZZZZZ", header))


def _unlettered_part(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    copy = _field(lines[i], "EcritureLet", "", header)
    lines.insert(rng.randrange(i + 1, len(lines) + 1), copy)


def _no_auxiliary(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(_field(lines[i], "CompAuxNum", "", header), "CompteNum", "411DUPONT", header)


def _no_piece_date(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "PieceDate", "", header)


def _zero_line(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(_field(lines[i], "Debit", "0,00", header), "Credit", "0,00", header)


def _huge_amount(lines: list[str], header: list[str], rng: random.Random) -> None:
    i = _receivable(lines, header, rng)
    lines[i] = _field(lines[i], "Debit", "99999999999999,99", header)


MUTATIONS: list[Mutation] = [
    _bad_amount,
    _padded_signed_amount,
    _bad_date,
    _padded_piece_date,
    _blank_piece,
    _piece_in_brackets,
    _blank_account,
    _padded_account,
    _missing_column,
    _extra_column,
    _trailing_separator,
    _blank_lines,
    _lone_cr,
    _euro_and_apostrophe,
    _unicode_space_piece,
    _opening_entry,
    _piece_on_two_lines,
    _piece_on_two_customers,
    _unlettered_part,
    _no_auxiliary,
    _no_piece_date,
    _zero_line,
    _huge_amount,
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_each_unusual_line_reads_the_same_both_ways(
    tmp_path: Path,
    bench_lines: list[str],
    small_chunks: None,
    plain_chunks: list[bool],
    mutation: Mutation,
) -> None:
    lines = list(bench_lines)
    header = lines[0].split("\t")
    rng = random.Random(mutation.__name__)
    for _ in range(3):
        mutation(lines, header, rng)
    path = write(tmp_path / "FEC.txt", lines, sep="\t", eol="\r\n", encoding="utf-8")
    both_ways(path)
    assert plain_chunks.count(True) > len(plain_chunks) // 2  # the others stay fast


def test_rejected_lines_keep_their_numbers_and_reasons(
    tmp_path: Path, bench_lines: list[str], small_chunks: None, plain_chunks: list[bool]
) -> None:
    lines = list(bench_lines)
    header = lines[0].split("\t")
    lines[1500] = _field(lines[1500], "EcritureDate", "2025-03-01", header)
    lines[2500] = _field(lines[2500], "PieceRef", "", header)
    lines[2500] = _field(lines[2500], "CompteNum", "411000", header)
    path = write(tmp_path / "FEC.txt", lines, sep="\t", eol="\r\n", encoding="cp1252")
    result = both_ways(path)
    assert [(r.line_no, r.problem) for r in result.rejected] == [
        (1501, ImportProblem.BAD_DATE),
        (2501, ImportProblem.MISSING_VALUE),
    ]
    assert False in plain_chunks and plain_chunks.count(True) > 20


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10**6),
    picks=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=6),
    chunk_size=st.sampled_from([512, 1500, 4096, 1 << 20]),
    eol=st.sampled_from(["\r\n", "\n"]),
)
def test_any_mix_of_unusual_lines_reads_the_same_both_ways(
    tmp_path_factory: pytest.TempPathFactory,
    bench_lines: list[str],
    seed: int,
    picks: list[Mutation],
    chunk_size: int,
    eol: str,
) -> None:
    rng = random.Random(seed)
    start = rng.randrange(1, len(bench_lines) - 400)
    lines = [bench_lines[0], *bench_lines[start : start + 400]]
    header = lines[0].split("\t")
    for mutation in picks:
        mutation(lines, header, rng)
    path = write(
        tmp_path_factory.mktemp("mix") / "FEC.txt", lines, sep="|", eol=eol, encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sniff, "CHUNK_SIZE", chunk_size)
        both_ways(path)


# -- the cell readers against fec_cents and fec_date -----------------------------------


def _read(reader: Callable[..., tuple[object, object]], cells: list[str]) -> list[tuple[bool, int]]:
    """Runs a fec_fast cell reader on cells laid out as one line."""
    import numpy as np

    data = "\t".join(cells).encode("latin-1", "replace")
    padded = b" " * 32 + data + b" " * 32
    words = np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
    starts, ends, position = [], [], 0
    for cell in cells:
        starts.append(position)
        ends.append(position + len(cell))
        position += len(cell) + 1
    ok, values = reader(np, lambda at: words[at + 32], np.array(starts), np.array(ends))
    return list(zip(np.asarray(ok).tolist(), np.asarray(values).tolist(), strict=True))


_AMOUNT_CHARS = st.sampled_from([*"0123456789,. -+", "\u00a0", "a", "€"])


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.text(_AMOUNT_CHARS, max_size=26), min_size=1, max_size=8))
def test_an_amount_the_fast_path_reads_is_what_fec_cents_reads(cells: list[str]) -> None:
    for cell, (ok, cents) in zip(cells, _read(fec_fast._cents, cells), strict=True):
        if ok:
            assert fec_cents(cell) == cents, cell


@pytest.mark.parametrize(
    ("cell", "cents"),
    [
        ("0,00", 0),
        ("1437,12", 143712),
        (" 000000000001437,12", 143712),
        ("000000000000000001437,12", 143712),
        ("1437.12", 143712),
        (",50", 50),
        ("", 0),
        ("   ", 0),
        ("9999999999999,99", 999_999_999_999_999),
    ],
)
def test_plain_amounts(cell: str, cents: int) -> None:
    assert _read(fec_fast._cents, [cell]) == [(True, cents)]


@pytest.mark.parametrize(
    "cell", ["-12,50", "12,50-", "1 437,12", "12,5", "100", "12,50 ", "1,234", "10000000000000,00"]
)
def test_amounts_left_to_the_line_parser(cell: str) -> None:
    assert _read(fec_fast._cents, [cell, "0,00"])[0][0] is False


_DATE_CHARS = st.sampled_from(list("0123456789 -/"))


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.text(_DATE_CHARS, min_size=6, max_size=10), min_size=1, max_size=8))
def test_a_date_the_fast_path_reads_is_what_fec_date_reads(cells: list[str]) -> None:
    def dates(np: object, word: object, start: object, end: object) -> tuple[object, object]:
        return fec_fast._dates(np, word, start, end, blank_ok=False)

    for cell, (ok, yyyymmdd) in zip(cells, _read(dates, cells), strict=True):
        if ok:
            day = fec_date(cell)
            assert day is not None, cell
            assert day.year * 10000 + day.month * 100 + day.day == yyyymmdd


@pytest.mark.parametrize(
    ("cell", "ok"),
    [
        ("20240229", True),
        ("20230229", False),
        ("20000229", True),
        ("19000229", False),
        ("21991231", True),
        ("22000101", False),
        ("18991231", False),
        ("20241301", False),
        ("20240100", False),
        (" 2024011", False),
    ],
)
def test_plain_dates(cell: str, ok: bool) -> None:
    def dates(np: object, word: object, start: object, end: object) -> tuple[object, object]:
        return fec_fast._dates(np, word, start, end, blank_ok=False)

    assert _read(dates, [cell])[0][0] is ok
