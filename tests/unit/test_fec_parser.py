"""FEC exports as French accounting packages write them, read into receivables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.enums import DocumentKind
from desktop.domain.ledger import ImportProblem, LedgerEntry, ParsedExport
from desktop.services.imports import fec, sniff
from desktop.services.imports.fec import fec_cents, fec_date, parse_fec
from desktop.services.imports.sniff import (
    FEC_FIELDS,
    ImportCancelled,
    decode_bytes,
    detect_format,
)

INVOICE, CREDIT_NOTE, PAYMENT = DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE, DocumentKind.PAYMENT

EPI = "Boulangerie L'Épi d'Or"
DUPONT = "Dupont & Fils"
MULLER = "Éts Müller"


@pytest.fixture(autouse=True)
def both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of this module is read twice, line by line and with the vectorised
    fast path forced on (fec_fast): both must give exactly the same ParsedExport."""

    def parse_both_ways(path: Path, **callbacks: object) -> ParsedExport:
        if callbacks:  # progress or cancellation: counted once, on the fast path
            return fec.parse_fec(path, fast=True, **callbacks)  # type: ignore[arg-type]
        line_by_line = fec.parse_fec(path, fast=False)
        fast = fec.parse_fec(path, fast=True)
        assert fast == line_by_line
        return fast

    monkeypatch.setitem(globals(), "parse_fec", parse_both_ways)


def row(**values: str) -> dict[str, str]:
    """One FEC line; unspecified fields take plausible defaults."""
    line = {name: "" for name in FEC_FIELDS}
    line.update(
        JournalCode="VT",
        JournalLib="Ventes",
        EcritureNum="1",
        EcritureDate="20240115",
        Debit="0,00",
        Credit="0,00",
        ValidDate="20240131",
    )
    line.update(values)
    return line


def sale(num: str, piece: str, aux: str, name: str, ttc: str, ht: str, vat: str, **extra: str):
    """A sales-journal entry: 411 debit, 706 credit, 44571 credit."""
    common = {"JournalCode": "VT", "EcritureNum": num, "PieceRef": piece, **extra}
    let = common.pop("EcritureLet", "")
    lib = common.pop("EcritureLib", f"Facture {piece}")
    return [
        row(
            CompteNum="411000",
            CompteLib="Clients",
            CompAuxNum=aux,
            CompAuxLib=name,
            EcritureLib=lib,
            Debit=ttc,
            EcritureLet=let,
            **common,
        ),
        row(CompteNum="706000", CompteLib="Prestations", EcritureLib=lib, Credit=ht, **common),
        row(CompteNum="445710", CompteLib="TVA collectée", EcritureLib=lib, Credit=vat, **common),
    ]


def payment(num: str, piece: str, aux: str, name: str, amount: str, **extra: str):
    """A bank-journal entry: 512 debit, 411 credit."""
    common = {
        "JournalCode": "BQ",
        "JournalLib": "Banque",
        "EcritureNum": num,
        "PieceRef": piece,
        "EcritureDate": "20240210",
        **extra,
    }
    let = common.pop("EcritureLet", "")
    lib = common.pop("EcritureLib", f"Règlement {name}")
    return [
        row(CompteNum="512000", CompteLib="Banque", EcritureLib=lib, Debit=amount, **common),
        row(
            CompteNum="411000",
            CompteLib="Clients",
            CompAuxNum=aux,
            CompAuxLib=name,
            EcritureLib=lib,
            Credit=amount,
            EcritureLet=let,
            **common,
        ),
    ]


def write_fec(
    path: Path,
    rows: list[dict[str, str]],
    *,
    sep: str = "\t",
    eol: str = "\n",
    encoding: str = "utf-8",
    final_eol: bool = True,
    header: list[str] | None = None,
) -> Path:
    names = header or list(FEC_FIELDS)
    keys = list(FEC_FIELDS) if header is None else header
    lines = [sep.join(names)]
    lines += [sep.join(r.get(k, "") for k in keys) for r in rows]
    text = eol.join(lines) + (eol if final_eol else "")
    path.write_bytes(text.encode(encoding))
    return path


def raw_fec(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


HEADER = "\t".join(FEC_FIELDS)


def only(result: ParsedExport) -> LedgerEntry:
    assert result.ok, result.rejected
    assert len(result.entries) == 1, result.entries
    return result.entries[0]


def problems(result: ParsedExport) -> list[tuple[int, ImportProblem]]:
    return [(r.line_no, r.problem) for r in result.rejected]


# -- the usual file -----------------------------------------------------------------


def test_sales_and_payment(tmp_path: Path) -> None:
    rows = [
        *sale("1", "FA2024-001", "411EPI", EPI, "1437,12", "1197,60", "239,52"),
        *sale("2", "FA2024-002", "411DUP", DUPONT, "600,00", "500,00", "100,00"),
        *payment("3", "REL-0210", "411EPI", EPI, "1437,12"),
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok
    assert result.source_format == "fec"
    assert result.line_count == 8
    assert result.entries == (
        LedgerEntry(
            line_no=2,
            customer_code="411EPI",
            customer_name=EPI,
            kind=INVOICE,
            number="FA2024-001",
            issued_on=date(2024, 1, 15),
            due_on=None,
            total_cents=143712,
            open_cents=143712,
            label="Facture FA2024-001",
        ),
        LedgerEntry(
            line_no=5,
            customer_code="411DUP",
            customer_name=DUPONT,
            kind=INVOICE,
            number="FA2024-002",
            issued_on=date(2024, 1, 15),
            due_on=None,
            total_cents=60000,
            open_cents=60000,
            label="Facture FA2024-002",
        ),
        LedgerEntry(
            line_no=9,
            customer_code="411EPI",
            customer_name=EPI,
            kind=PAYMENT,
            number="REL-0210",
            issued_on=date(2024, 2, 10),
            due_on=None,
            total_cents=143712,
            open_cents=143712,
            label=f"Règlement {EPI}",
        ),
    )


VARIANT_ROWS = [
    *sale("1", "FA1", "411EPI", EPI, "1437,12", "1197,60", "239,52"),
    *sale("2", "FA2", "411DUP", DUPONT, "0,10", "0,08", "0,02"),
    *sale("3", "FA3", "411MUL", MULLER, "99999,99", "83333,33", "16666,66"),
    *payment("4", "RG1", "411MUL", MULLER, "100,00", EcritureLib="Acompte 100 € reçu"),
]
VARIANT_EXPECTED = [
    (2, "411EPI", EPI, INVOICE, "FA1", 143712),
    (5, "411DUP", DUPONT, INVOICE, "FA2", 10),
    (8, "411MUL", MULLER, INVOICE, "FA3", 9999999),
    (12, "411MUL", MULLER, PAYMENT, "RG1", 10000),
]


@pytest.mark.parametrize("sep", ["\t", "|"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
@pytest.mark.parametrize("final_eol", [True, False])
@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1252", "cp1252"),
        ("iso-8859-15", "iso-8859-15"),
        ("utf-16", "utf-16"),  # with its BOM, as Excel's "Texte Unicode"
    ],
)
def test_every_layout_and_encoding_gives_the_same_entries(
    tmp_path: Path, sep: str, eol: str, final_eol: bool, encoding: str, detected: str
) -> None:
    path = write_fec(
        tmp_path / "fec.txt",
        VARIANT_ROWS,
        sep=sep,
        eol=eol,
        encoding=encoding,
        final_eol=final_eol,
    )
    assert detect_format(path) == "fec"
    result = parse_fec(path)
    assert result.ok, result.rejected
    assert result.encoding == detected
    assert result.line_count == 11
    got = [
        (e.line_no, e.customer_code, e.customer_name, e.kind, e.number, e.total_cents)
        for e in result.entries
    ]
    assert got == VARIANT_EXPECTED
    assert result.entries[-1].label == "Acompte 100 € reçu"


def test_classic_mac_line_ends(tmp_path: Path) -> None:
    path = write_fec(tmp_path / "fec.txt", VARIANT_ROWS, eol="\r", encoding="cp1252")
    assert detect_format(path) == "fec"
    result = parse_fec(path)
    assert result.ok, result.rejected
    assert [e.line_no for e in result.entries] == [e[0] for e in VARIANT_EXPECTED]


def test_trailing_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = write_fec(tmp_path / "fec.txt", sale("1", "FA1", "C1", EPI, "12,00", "10,00", "2,00"))
    path.write_bytes(path.read_bytes() + b"\n\r\n  \n\n")
    result = parse_fec(path)
    assert result.ok
    assert result.line_count == 3
    assert only(result).total_cents == 1200


def test_case_insensitive_header(tmp_path: Path) -> None:
    header = [n.upper() for n in FEC_FIELDS]
    rows = [{n.upper(): v for n, v in r.items()} for r in sale("1", "F1", "C1", EPI, "5", "4", "1")]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows, header=header))
    assert only(result).total_cents == 500


# -- amounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1437,12", 143712),
        (" 000000000001437,12", 143712),
        ("000000000001437,12   ", 143712),
        ("-120,00", -12000),
        ("-000000000000120,5", -12050),
        ("+5,5", 550),
        ("12,", 1200),
        (",5", 50),
        ("12", 1200),
        ("12.34", 1234),  # a point when the exporter forgot the comma
        ("0,00", 0),
        ("", 0),
        ("   ", 0),
        ("12,300", 1230),  # a zero beyond the cent is harmless
        ("120,00-", -12000),
    ],
)
def test_fec_amounts_in_exact_cents(text: str, cents: int) -> None:
    assert fec_cents(text) == cents


@pytest.mark.parametrize(
    "text", ["12,345", "1.234,56", "1 2a", "abc", "-", ",", "1e3", "1_000", "١٢", "12,3,4", "--5"]
)
def test_fec_bad_amounts(text: str) -> None:
    assert fec_cents(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("20240115", date(2024, 1, 15)), (" 20240229 ", date(2024, 2, 29))],
)
def test_fec_dates(text: str, day: date) -> None:
    assert fec_date(text) == day


@pytest.mark.parametrize("text", ["20230229", "20241301", "2024011", "15/01/2024", "", "00000101"])
def test_fec_bad_dates(text: str) -> None:
    assert fec_date(text) is None


def test_padded_and_signed_amounts(tmp_path: Path) -> None:
    rows = [
        # padded debit
        row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI, PieceRef="FA1",
            Debit=" 000000000001437,12", Credit=" 000000000000000,00"),
        # a negative debit is a credit: with a 706 line in the entry, a credit note
        row(EcritureNum="2", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="AV1", Debit="-120,00", Credit=""),
        row(EcritureNum="2", CompteNum="706000", PieceRef="AV1", Debit="100,00"),
        # both sides filled: the net counts
        row(EcritureNum="3", CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT,
            PieceRef="FA2", Debit="500,00", Credit="120,50"),
        # an empty amount is zero
        row(EcritureNum="4", CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT,
            PieceRef="FA3", Debit="", Credit=""),
    ]  # fmt: skip
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok, result.rejected
    got = {(e.number, e.kind): e.total_cents for e in result.entries}
    assert got == {("FA1", INVOICE): 143712, ("AV1", CREDIT_NOTE): 12000, ("FA2", INVOICE): 37950}


def test_montant_and_sens(tmp_path: Path) -> None:
    header = [n for n in FEC_FIELDS if n not in ("Debit", "Credit")]
    header[11:11] = ["Montant", "Sens"]
    assert len(header) == 18
    rows = [
        {**row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=MULLER, PieceRef="FA1"),
         "Montant": "000000000000240,00", "Sens": "D"},
        {**row(CompteNum="706000", PieceRef="FA1"), "Montant": "200,00", "Sens": "C"},
        {**row(CompteNum="445710", PieceRef="FA1"), "Montant": "40,00", "Sens": "c"},
        {**row(JournalCode="BQ", EcritureNum="9", CompteNum="411000", CompAuxNum="C1",
               CompAuxLib=MULLER, PieceRef="CHQ55", EcritureLet="A"),
         "Montant": "240,00", "Sens": "C"},
        {**row(JournalCode="BQ", EcritureNum="9", CompteNum="512000", PieceRef="CHQ55"),
         "Montant": "240,00", "Sens": "D"},
    ]  # fmt: skip
    path = write_fec(tmp_path / "fec.txt", rows, sep="|", header=header)
    assert detect_format(path) == "fec"
    result = parse_fec(path)
    assert result.ok, result.rejected
    got = [(e.number, e.kind, e.total_cents, e.open_cents, e.matching_code) for e in result.entries]
    assert got == [("FA1", INVOICE, 24000, 24000, ""), ("CHQ55", PAYMENT, 24000, 0, "A")]


# -- what a line means --------------------------------------------------------------


def test_credit_note_versus_payment(tmp_path: Path) -> None:
    rows = [
        # credit note in the sales journal: 411 credit, 706 and 44571 debit
        row(EcritureNum="10", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="AV1", Credit="120,00"),
        row(EcritureNum="10", CompteNum="706000", PieceRef="AV1", Debit="100,00"),
        row(EcritureNum="10", CompteNum="445710", PieceRef="AV1", Debit="20,00"),
        # only the output VAT moves: still a credit note (VAT regularisation)
        row(EcritureNum="11", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="AV2", Credit="5,00"),
        row(EcritureNum="11", CompteNum="445710", PieceRef="AV2", Debit="5,00"),
        # a bank entry: payment
        row(JournalCode="BQ", EcritureNum="10", CompteNum="512000", PieceRef="VIR1",
            Debit="50,00"),
        row(JournalCode="BQ", EcritureNum="10", CompteNum="411000", CompAuxNum="C1",
            CompAuxLib=EPI, PieceRef="VIR1", Credit="50,00"),
        # same journal, another entry number holds the revenue line: payment
        row(EcritureNum="12", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="OD1", Credit="7,00"),
        row(EcritureNum="12", CompteNum="512000", PieceRef="OD1", Debit="7,00"),
        row(EcritureNum="13", CompteNum="706000", PieceRef="OD1", Debit="7,00"),
        # the revenue line comes before the 411 line: order does not matter
        row(EcritureNum="14", CompteNum="709000", PieceRef="RRR1", Debit="30,00"),
        row(EcritureNum="14", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="RRR1", Credit="30,00"),
    ]  # fmt: skip
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok, result.rejected
    got = [(e.line_no, e.number, e.kind, e.total_cents) for e in result.entries]
    assert got == [
        (2, "AV1", CREDIT_NOTE, 12000),
        (5, "AV2", CREDIT_NOTE, 500),
        (8, "VIR1", PAYMENT, 5000),
        (9, "OD1", PAYMENT, 700),
        (13, "RRR1", CREDIT_NOTE, 3000),
    ]


def test_opening_balance_lines_are_open_items(tmp_path: Path) -> None:
    rows = [
        row(JournalCode="AN", EcritureNum="1", EcritureDate="20240101", CompteNum="411000",
            CompAuxNum="C1", CompAuxLib=EPI, PieceRef="FA2023-120", PieceDate="20231215",
            EcritureLib="A nouveau", Debit="300,00"),
        row(JournalCode="AN", EcritureNum="1", EcritureDate="20240101", CompteNum="411000",
            CompAuxNum="C2", CompAuxLib=DUPONT, PieceRef="AV2023-7", PieceDate="20231220",
            EcritureLib="A nouveau", Credit="80,00"),
        # the opening entry also carries revenue and VAT balances: still a payment
        row(JournalCode="AN", EcritureNum="1", EcritureDate="20240101", CompteNum="445710",
            PieceRef="AN", Credit="500,00"),
        row(JournalCode="AN", EcritureNum="1", EcritureDate="20240101", CompteNum="706000",
            PieceRef="AN", Credit="1,00"),
        # an opening line booked in a general journal, recognised by its label
        row(JournalCode="OD", EcritureNum="2", EcritureDate="20240101", CompteNum="411000",
            CompAuxNum="C3", CompAuxLib=MULLER, PieceRef="RG2023-9",
            EcritureLib="À NOUVEAU 2024", Credit="45,50"),
        row(JournalCode="OD", EcritureNum="2", EcritureDate="20240101", CompteNum="706000",
            PieceRef="RG2023-9", Debit="45,50"),
        row(JournalCode="RAN", EcritureNum="3", CompteNum="411000", CompAuxNum="C3",
            CompAuxLib=MULLER, PieceRef="X1", Credit="1,00"),
        row(JournalCode="ANO", EcritureNum="4", CompteNum="411000", CompAuxNum="C3",
            CompAuxLib=MULLER, PieceRef="X2", Credit="2,00"),
        row(JournalCode="ANO", EcritureNum="4", CompteNum="445710", PieceRef="X2", Debit="2,00"),
    ]  # fmt: skip
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok, result.rejected
    got = [(e.number, e.kind, e.total_cents, e.open_cents, e.issued_on) for e in result.entries]
    assert got == [
        ("FA2023-120", INVOICE, 30000, 30000, date(2023, 12, 15)),
        ("AV2023-7", PAYMENT, 8000, 8000, date(2023, 12, 20)),
        ("RG2023-9", PAYMENT, 4550, 4550, date(2024, 1, 1)),
        ("X1", PAYMENT, 100, 100, date(2024, 1, 15)),
        ("X2", PAYMENT, 200, 200, date(2024, 1, 15)),
    ]


def test_lettered_and_unlettered(tmp_path: Path) -> None:
    rows = [
        *sale("1", "FA1", "C1", EPI, "100,00", "83,33", "16,67", EcritureLet="AB"),
        *sale("2", "FA2", "C1", EPI, "50,00", "41,67", "8,33"),
        *payment("3", "RG1", "C1", EPI, "100,00", EcritureLet="AB"),
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    got = [(e.number, e.total_cents, e.open_cents, e.matching_code) for e in result.entries]
    assert got == [("FA1", 10000, 0, "AB"), ("FA2", 5000, 5000, ""), ("RG1", 10000, 0, "AB")]


def test_lines_of_one_piece_are_summed(tmp_path: Path) -> None:
    rows = [
        # an invoice in two instalments: two 411 lines, one piece
        row(EcritureNum="1", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="FA1", EcritureLib="Facture FA1 échéance 1", Debit="600,00",
            EcritureLet="AA"),
        row(EcritureNum="1", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="FA1", EcritureLib="Facture FA1 échéance 2", Debit="600,01"),
        row(EcritureNum="1", CompteNum="706000", PieceRef="FA1", Credit="1200,01"),
        # the same piece again in a later entry (a correction) is added too
        row(EcritureNum="7", CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI,
            PieceRef="FA1", Debit="0,99"),
        # both lines lettered: the piece is settled
        row(EcritureNum="2", CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT,
            PieceRef="FA2", Debit="10,00", EcritureLet="AC"),
        row(EcritureNum="2", CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT,
            PieceRef="FA2", Debit="5,00", EcritureLet="AD"),
    ]  # fmt: skip
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok, result.rejected
    fa1, fa2 = result.entries
    assert (fa1.line_no, fa1.total_cents, fa1.open_cents, fa1.matching_code) == (
        2,
        120100,
        120100,
        "",
    )
    assert fa1.label == "Facture FA1 échéance 1"
    assert (fa2.line_no, fa2.total_cents, fa2.open_cents, fa2.matching_code) == (6, 1500, 0, "AC")


def test_credit_lines_of_two_entries_merge_per_kind(tmp_path: Path) -> None:
    rows = [
        *payment("1", "REMISE-12", "C1", EPI, "10,00"),
        *payment("2", "REMISE-12", "C1", EPI, "20,00"),
    ]
    entry = only(parse_fec(write_fec(tmp_path / "fec.txt", rows)))
    assert (entry.line_no, entry.kind, entry.total_cents) == (3, PAYMENT, 3000)


def test_non_receivable_lines_are_ignored(tmp_path: Path) -> None:
    rows = [
        row(CompteNum="401000", CompAuxNum="F1", CompAuxLib="Fournisseur", PieceRef="FF1",
            Credit="99,00"),
        row(CompteNum="416000", CompAuxNum="C1", CompAuxLib=EPI, PieceRef="DOUT1", Debit="9,00"),
        row(CompteNum="512000", PieceRef="X", Debit="5,00"),
        row(CompteNum="4111", CompteLib="Clients France", PieceRef="FA9", Debit="3,00"),
    ]  # fmt: skip
    entry = only(parse_fec(write_fec(tmp_path / "fec.txt", rows)))
    # no auxiliary account: the general account is the customer
    assert (entry.customer_code, entry.customer_name, entry.number) == (
        "4111",
        "Clients France",
        "FA9",
    )


def test_piece_date_falls_back_on_entry_date(tmp_path: Path) -> None:
    rows = [
        row(EcritureDate="20240305", PieceDate="", CompteNum="411000", CompAuxNum="C1",
            CompAuxLib="", PieceRef="FA1", Debit="1,00"),
    ]  # fmt: skip
    entry = only(parse_fec(write_fec(tmp_path / "fec.txt", rows)))
    assert entry.issued_on == date(2024, 3, 5)
    assert entry.customer_name == "C1"  # no CompAuxLib: the code stands for the name


def test_zero_lines_make_no_entry(tmp_path: Path) -> None:
    rows = [row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI, PieceRef="FA0")]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok
    assert result.entries == ()
    assert result.line_count == 1


def test_piece_shared_by_two_customers(tmp_path: Path) -> None:
    rows = [
        *sale("1", "FA1", "C1", EPI, "10,00", "8,33", "1,67"),
        *sale("2", "FA1", "C2", DUPONT, "20,00", "16,67", "3,33"),
        *sale("3", "FA2", "C2", DUPONT, "30,00", "25,00", "5,00"),
        # the same number as a payment of another customer is another document
        *payment("4", "FA1", "C3", MULLER, "1,00"),
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert problems(result) == [(5, ImportProblem.CONFLICTING_CUSTOMERS)]
    assert result.rejected[0].detail == "FA1 : C1 / C2"
    assert [(e.number, e.kind) for e in result.entries] == [("FA2", INVOICE), ("FA1", PAYMENT)]


def test_a_remittance_shared_by_two_customers_gives_one_payment_each(tmp_path: Path) -> None:
    common = {"JournalCode": "BQ", "EcritureNum": "9", "PieceRef": "REM-0042"}
    rows = [
        *sale("1", "FA1", "C1", EPI, "10,00", "8,33", "1,67"),
        *sale("2", "FA2", "C2", DUPONT, "20,00", "16,67", "3,33"),
        # one bank remittance (one entry, one PieceRef) crediting both customers
        row(CompteNum="512000", CompteLib="Banque", Debit="30,00", **common),
        row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI, Credit="10,00", **common),
        row(CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT, Credit="15,00", **common),
        row(CompteNum="411000", CompAuxNum="C2", CompAuxLib=DUPONT, Credit="5,00", **common),
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert result.ok
    assert [
        (e.line_no, e.customer_code, e.kind, e.number, e.total_cents) for e in result.entries
    ] == [
        (2, "C1", INVOICE, "FA1", 1000),
        (5, "C2", INVOICE, "FA2", 2000),
        (9, "C1", PAYMENT, "REM-0042", 1000),
        (10, "C2", PAYMENT, "REM-0042", 2000),
    ]


def test_an_invoice_number_on_two_customers_is_still_rejected_next_to_a_shared_payment(
    tmp_path: Path,
) -> None:
    rows = [
        *sale("1", "FA1", "C1", EPI, "10,00", "8,33", "1,67"),
        *sale("2", "FA1", "C2", DUPONT, "20,00", "16,67", "3,33"),
        *payment("3", "CHQ-7", "C1", EPI, "10,00"),
        *payment("4", "CHQ-7", "C2", DUPONT, "20,00"),
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows))
    assert problems(result) == [(5, ImportProblem.CONFLICTING_CUSTOMERS)]
    assert result.rejected[0].detail == "FA1 : C1 / C2"
    assert [(e.customer_code, e.kind, e.number) for e in result.entries] == [
        ("C1", PAYMENT, "CHQ-7"),
        ("C2", PAYMENT, "CHQ-7"),
    ]


# -- bad input ----------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    result = parse_fec(raw_fec(tmp_path / "fec.txt", ""))
    assert problems(result) == [(0, ImportProblem.EMPTY_FILE)]
    assert not result.ok


def test_blank_file(tmp_path: Path) -> None:
    result = parse_fec(raw_fec(tmp_path / "fec.txt", "\r\n\n   \n"))
    assert problems(result) == [(0, ImportProblem.EMPTY_FILE)]


def test_header_only_is_an_empty_export(tmp_path: Path) -> None:
    result = parse_fec(raw_fec(tmp_path / "fec.txt", HEADER + "\r\n"))
    assert result.ok
    assert (result.entries, result.line_count) == ((), 0)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "fec.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)
    assert problems(parse_fec(path)) == [(0, ImportProblem.BINARY_FILE)]


def test_nul_byte_further_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 1024)
    rows = [row(CompteNum="512000", PieceRef=f"P{i}", Debit="1,00") for i in range(40)]
    path = write_fec(tmp_path / "fec.txt", rows)
    data = path.read_bytes().split(b"\n")
    data[30] = data[30].replace(b"P29", b"P\x0029")
    path.write_bytes(b"\n".join(data))
    assert problems(parse_fec(path)) == [(31, ImportProblem.BINARY_FILE)]


def test_missing_file(tmp_path: Path) -> None:
    assert problems(parse_fec(tmp_path / "absent.txt")) == [(0, ImportProblem.UNREADABLE_FILE)]


def test_not_a_fec_header(tmp_path: Path) -> None:
    text = "Code client;Raison sociale;Montant\n411EPI;Épi;12,00\n"
    path = raw_fec(tmp_path / "fec.txt", text, "cp1252")
    assert detect_format(path) == "csv"
    result = parse_fec(path)
    assert problems(result) == [(1, ImportProblem.NOT_A_FEC_HEADER)]
    assert "JournalCode" in result.rejected[0].detail


def test_header_missing_one_field(tmp_path: Path) -> None:
    header = [n for n in FEC_FIELDS if n != "EcritureLet"]
    path = write_fec(tmp_path / "fec.txt", [], header=header)
    result = parse_fec(path)
    assert problems(result) == [(1, ImportProblem.NOT_A_FEC_HEADER)]
    assert result.rejected[0].detail == "champs absents : EcritureLet"


def test_every_bad_line_is_reported(tmp_path: Path) -> None:
    good = sale("1", "FA1", "C1", EPI, "10,00", "8,33", "1,67")
    lines = [HEADER] + ["\t".join(r[k] for k in FEC_FIELDS) for r in good]

    def fields(**values: str) -> str:
        r = row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI, PieceRef="FA9", Debit="1,00")
        r.update(values)
        return "\t".join(r[k] for k in FEC_FIELDS)

    lines += [
        "\t".join(["VT"] * 12),  # line 5
        fields(EcritureDate="20241341"),  # 6
        fields(PieceDate="2024-01-15"),  # 7
        fields(Debit="12,3a"),  # 8
        fields(Credit="1 2 3,456"),  # 9
        fields(PieceRef=""),  # 10
        fields(CompteNum=""),  # 11
        fields(EcritureDate="", Debit="x"),  # 12: two problems on one line
    ]
    result = parse_fec(raw_fec(tmp_path / "fec.txt", "\r\n".join(lines) + "\r\n"))
    assert problems(result) == [
        (5, ImportProblem.WRONG_COLUMN_COUNT),
        (6, ImportProblem.BAD_DATE),
        (7, ImportProblem.BAD_DATE),
        (8, ImportProblem.BAD_AMOUNT),
        (9, ImportProblem.BAD_AMOUNT),
        (10, ImportProblem.MISSING_VALUE),
        (11, ImportProblem.MISSING_VALUE),
        (12, ImportProblem.BAD_DATE),
        (12, ImportProblem.BAD_AMOUNT),
    ]
    details = [r.detail for r in result.rejected]
    assert details[0] == "18 attendues, 12 trouvées"
    assert "20241341" in details[1] and "EcritureDate" in details[1]
    assert "2024-01-15" in details[2] and "PieceDate" in details[2]
    assert "12,3a" in details[3]
    assert details[5] == "PieceRef"
    assert details[6] == "CompteNum"
    assert result.line_count == 11
    assert not result.ok


def test_bad_side(tmp_path: Path) -> None:
    header = [n for n in FEC_FIELDS if n not in ("Debit", "Credit")] + ["Montant", "Sens"]
    rows = [
        {**row(CompteNum="411000", CompAuxNum="C1", PieceRef="FA1"), "Montant": "5", "Sens": "X"},
        {**row(CompteNum="411000", CompAuxNum="C1", PieceRef="FA2"), "Montant": "5", "Sens": ""},
    ]
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows, header=header))
    assert problems(result) == [(2, ImportProblem.BAD_SIDE), (3, ImportProblem.BAD_SIDE)]
    assert "X" in result.rejected[0].detail


def test_rejected_lines_are_capped(tmp_path: Path) -> None:
    lines = [HEADER] + ["VT\tbad"] * 1200
    result = parse_fec(raw_fec(tmp_path / "fec.txt", "\n".join(lines)))
    assert len(result.rejected) == 1001
    assert result.rejected[999].line_no == 1001
    assert result.rejected[-1].problem is ImportProblem.TOO_LARGE
    assert result.rejected[-1].line_no == 1002
    assert "1200" in result.rejected[-1].detail
    assert result.line_count == 1200


# -- encodings ----------------------------------------------------------------------


def test_encoding_switches_when_the_first_bytes_are_ascii(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 2048)
    monkeypatch.setattr(sniff, "SAMPLE_SIZE", 2048)
    rows = [row(CompteNum="512000", PieceRef=f"P{i}", Debit="1,00") for i in range(60)]
    rows.append(row(CompteNum="411000", CompAuxNum="C3", CompAuxLib=MULLER, PieceRef="FA1",
                    Debit="1,00"))  # fmt: skip
    result = parse_fec(write_fec(tmp_path / "fec.txt", rows, encoding="cp1252"))
    assert result.encoding == "cp1252"
    assert only(result).customer_name == MULLER


def test_mixed_encodings_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 2048)
    monkeypatch.setattr(sniff, "SAMPLE_SIZE", 2048)
    rows = [row(CompteNum="411000", CompAuxNum="C1", CompAuxLib=EPI, PieceRef="FA0", Debit="1")]
    rows += [row(CompteNum="512000", PieceRef=f"P{i}", Debit="1,00") for i in range(60)]
    path = write_fec(tmp_path / "fec.txt", rows)  # UTF-8 with an accent in line 2
    path.write_bytes(
        path.read_bytes() + "\t".join(row(CompAuxLib=MULLER).values()).encode("cp1252")
    )
    result = parse_fec(path)
    assert problems(result) == [(63, ImportProblem.UNREADABLE_FILE)]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Éts Müller".encode("utf-8-sig"), "Éts Müller", "utf-8-sig"),
        ("Éts Müller".encode(), "Éts Müller", "utf-8"),
        ("L'Épi d'Or – 12 €".encode("cp1252"), "L'Épi d'Or – 12 €", "cp1252"),
        ("Bœuf 12 €".encode("iso-8859-15"), "Bœuf 12 €", "iso-8859-15"),
        ("Éts Müller".encode("iso-8859-15"), "Éts Müller", "cp1252"),  # same bytes
        (b"", "", "utf-8"),
        ("Éts Müller".encode("utf-16"), "Éts Müller", "utf-16"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize("data", [b"abc\x00def", bytes(range(32)) * 10, b"\xef\xbb\xbfab\xe9"])
def test_decode_bytes_refuses_binary(data: bytes) -> None:
    with pytest.raises(ValueError):
        decode_bytes(data)


def test_decode_bytes_sample_cut_in_a_character() -> None:
    data = "abcé".encode()[:-1]  # a 64 KB sample may stop inside a character
    assert decode_bytes(data, final=False) == ("abc", "utf-8")


def test_detect_format(tmp_path: Path) -> None:
    fec = write_fec(tmp_path / "a.txt", [], sep="|")
    csv = raw_fec(tmp_path / "b.csv", "Code client;Montant\n")
    xlsx = tmp_path / "c.xlsx"
    xlsx.write_bytes(b"PK\x03\x04rest")
    assert [detect_format(p) for p in (fec, csv, xlsx, tmp_path / "none")] == [
        "fec",
        "csv",
        "xlsx",
        "csv",
    ]


# -- progress and cancellation ------------------------------------------------------


def test_progress_is_reported_at_most_about_a_hundred_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 256)
    rows = [r for i in range(300) for r in sale(str(i), f"FA{i}", "C1", EPI, "1,20", "1", "0,2")]
    path = write_fec(tmp_path / "fec.txt", rows)
    seen: list[float] = []
    result = parse_fec(path, progress=seen.append)
    assert len(result.entries) == 300
    assert 10 < len(seen) <= 101
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_cancelled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 256)
    rows = [r for i in range(100) for r in sale(str(i), f"FA{i}", "C1", EPI, "1,20", "1", "0,2")]
    path = write_fec(tmp_path / "fec.txt", rows)
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        parse_fec(path, cancelled=lambda: next(calls) >= 5)
    with pytest.raises(ImportCancelled):
        parse_fec(path, cancelled=lambda: True)


def test_a_trailing_separator_on_each_line(tmp_path: Path) -> None:
    rows = sale("1", "FA1", "C1", EPI, "12,00", "10,00", "2,00")
    text = "|".join(FEC_FIELDS) + "|\r\n"
    text += "".join("|".join(r[k] for k in FEC_FIELDS) + "|\r\n" for r in rows)
    text += "|".join(rows[0][k] for k in FEC_FIELDS).replace("FA1", "FA2") + "\r\n"  # without
    text += "|".join(["x"] * 12) + "|\r\n"
    result = parse_fec(raw_fec(tmp_path / "fec.txt", text))
    assert [(e.number, e.total_cents) for e in result.entries] == [("FA1", 1200), ("FA2", 1200)]
    assert problems(result) == [(6, ImportProblem.WRONG_COLUMN_COUNT)]
    assert result.rejected[0].detail == "18 attendues, 13 trouvées"


# -- the common path and the careful one give the same result (issue 3) -------------


def test_unusual_but_valid_lines_read_like_plain_ones(tmp_path: Path) -> None:
    """Most lines take the parser's short path (account and dates seen before, plain
    amounts); any other valid line goes through every check and must end the same."""
    plain = [
        *sale("1", "FA1", "411EPI", EPI, "1437,12", "1197,60", "239,52"),
        *sale("2", "FA2", "411DUP", DUPONT, "600,00", "500,00", "100,00"),
        *payment("3", "REL-0210", "411EPI", EPI, "1437,12", EcritureLet="AA"),
    ]
    for r in plain:
        r["PieceDate"] = r["EcritureDate"]
    unusual = [dict(r) for r in plain]
    unusual[0].update(CompteNum=" 411000 ", Debit=" 000000000001437,12")  # padded
    unusual[3].update(PieceDate="  ", Debit="600.00")  # blank piece date, decimal point
    unusual[4].update(Credit="500,0")  # one decimal
    unusual[7].update(Credit="+1437,12", EcritureDate="20240210")
    first = parse_fec(write_fec(tmp_path / "plain.txt", plain))
    second = parse_fec(write_fec(tmp_path / "unusual.txt", unusual))
    assert first.ok and second.ok, second.rejected
    assert second.entries == first.entries
    assert [(e.number, e.total_cents, e.issued_on) for e in second.entries] == [
        ("FA1", 143712, date(2024, 1, 15)),
        ("FA2", 60000, date(2024, 1, 15)),  # its blank PieceDate is EcritureDate
        ("REL-0210", 143712, date(2024, 2, 10)),
    ]


def test_a_line_of_separators_only_is_blank(tmp_path: Path) -> None:
    rows = sale("1", "FA1", "C1", MULLER, "12,00", "10,00", "2,00")
    lines = [HEADER] + ["\t".join(r[k] for k in FEC_FIELDS) for r in rows]
    lines.insert(2, "\t" * (len(FEC_FIELDS) - 1))  # as many fields as the header, all blank
    lines.insert(3, " \t \t ")
    result = parse_fec(raw_fec(tmp_path / "fec.txt", "\r\n".join(lines) + "\r\n"))
    assert result.ok, result.rejected
    assert result.line_count == 3
    assert [(e.line_no, e.customer_name) for e in result.entries] == [(2, MULLER)]


def test_a_bad_line_among_good_ones_reports_each_problem(tmp_path: Path) -> None:
    """Accounts and dates already seen do not hide the problems of a later line."""
    good = sale("1", "FA1", "C1", EPI, "10,00", "8,33", "1,67")
    bad = dict(good[0], PieceRef="FA2", EcritureDate="20240230", Debit="1,234")
    montant = dict(good[1], EcritureNum="2", Credit="-")
    result = parse_fec(write_fec(tmp_path / "fec.txt", [*good, bad, montant, *good]))
    assert problems(result) == [
        (5, ImportProblem.BAD_DATE),
        (5, ImportProblem.BAD_AMOUNT),
        (6, ImportProblem.BAD_AMOUNT),
    ]
    assert result.line_count == 8


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\r\nb", ["a", "b"]),
        ("a\nb\r\n", ["a", "b"]),  # mixed line ends
        ("a\r\n\r\nb\r\n", ["a", "", "b"]),
        ("a\rx\r\nb\r\n", ["a\rx", "b"]),  # a lone CR inside a line stays there
        ("a\n\n", ["a", ""]),
        ("", []),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert sniff.split_lines(text) == lines
