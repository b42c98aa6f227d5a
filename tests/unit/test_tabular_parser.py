"""Aged balances from EBP, Sage, Pennylane or a spreadsheet, read through a column mapping."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.enums import DocumentKind
from desktop.domain.ledger import ImportProblem, LedgerEntry, ParsedExport
from desktop.services.imports import sniff
from desktop.services.imports.tabular import (
    ColumnMapping,
    ImportCancelled,
    guess_mapping,
    parse_table,
    preview_table,
    sniff_delimiter,
)

INVOICE, CREDIT_NOTE, PAYMENT = DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE, DocumentKind.PAYMENT

EPI = "Boulangerie L'Épi d'Or"
DUPONT = "Dupont & Fils"
MULLER = "Éts Müller"

HEADERS = [
    "Code client",
    "Raison sociale",
    "N° facture",
    "Date",
    "Échéance",
    "Montant TTC",
    "Reste dû",
]
MAPPING = ColumnMapping(
    customer_code="Code client",
    customer_name="Raison sociale",
    number="N° facture",
    issued_on="Date",
    total="Montant TTC",
    open="Reste dû",
    due_on="Échéance",
)


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def problems(result: ParsedExport) -> list[tuple[int, ImportProblem]]:
    return [(r.line_no, r.problem) for r in result.rejected]


def summary(result: ParsedExport) -> list[tuple]:
    return [
        (e.line_no, e.customer_code, e.customer_name, e.kind, e.number, e.total_cents, e.open_cents)
        for e in result.entries
    ]


# -- CSV ----------------------------------------------------------------------------

SEMICOLON = """Code client;Raison sociale;N° facture;Date;Échéance;Montant TTC;Reste dû
411EPI;"Boulangerie L'Épi d'Or";FA2024-001;15/01/2024;14/02/2024;1 437,12 €;437,12
411DUP;"Dupont & Fils; SARL";FA2024-002;2024-01-20;;1.234,56;1.234,56
411MUL;Éts Müller;AV2024-003;20/01/24;;-120,5;-120,5
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_semicolon_csv(tmp_path: Path, encoding: str, eol: str) -> None:
    path = write_csv(tmp_path / "balance.csv", SEMICOLON.replace("\n", eol), encoding)
    result = parse_table(path, MAPPING)
    assert result.ok, result.rejected
    assert (result.source_format, result.encoding, result.line_count) == ("csv", encoding, 3)
    assert result.entries[0] == LedgerEntry(
        line_no=2,
        customer_code="411EPI",
        customer_name=EPI,
        kind=INVOICE,
        number="FA2024-001",
        issued_on=date(2024, 1, 15),
        due_on=date(2024, 2, 14),
        total_cents=143712,
        open_cents=43712,
    )
    assert summary(result)[1:] == [
        (3, "411DUP", "Dupont & Fils; SARL", INVOICE, "FA2024-002", 123456, 123456),
        (4, "411MUL", MULLER, CREDIT_NOTE, "AV2024-003", 12050, 12050),
    ]
    assert result.entries[1].issued_on == date(2024, 1, 20)
    assert result.entries[1].due_on is None
    assert result.entries[2].issued_on == date(2024, 1, 20)


def test_classic_mac_line_ends(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", SEMICOLON.replace("\n", "\r"), "cp1252")
    result = parse_table(path, MAPPING)
    assert [e.line_no for e in result.entries] == [2, 3, 4]


def test_comma_csv_with_decimal_points_and_quotes(tmp_path: Path) -> None:
    text = (
        "Code client,Raison sociale,N° facture,Date,Échéance,Montant TTC,Reste dû\n"
        '411DUP,"Dupont & Fils, SARL",F1,15-01-2024,15.02.2024,1234.56,"1 000,00"\n'
        '411EPI,"Boulangerie ""L\'Épi d\'Or""",F2,2024-01-31,,"12,5",0\n'
    )
    result = parse_table(write_csv(tmp_path / "b.csv", text), MAPPING)
    assert result.ok, result.rejected
    assert summary(result) == [
        (2, "411DUP", "Dupont & Fils, SARL", INVOICE, "F1", 123456, 100000),
        (3, "411EPI", "Boulangerie \"L'Épi d'Or\"", INVOICE, "F2", 1250, 0),
    ]
    assert result.entries[0].due_on == date(2024, 2, 15)


def test_tab_csv(tmp_path: Path) -> None:
    text = "\t".join(HEADERS) + "\n" + "411MUL\tÉts Müller\t7\t01/03/2024\t\t99,99\t\n"
    mapping = ColumnMapping(
        customer_code="Code client",
        customer_name="Raison sociale",
        number="N° facture",
        issued_on="Date",
        total="Montant TTC",
    )
    result = parse_table(write_csv(tmp_path / "b.txt", text, "cp1252"), mapping)
    assert summary(result) == [(2, "411MUL", MULLER, INVOICE, "7", 9999, 9999)]


def test_excel_unicode_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 64)  # cut the UTF-16 stream often
    text = "\t".join(HEADERS) + "\r\n"
    text += "".join(
        f"411MUL\tÉts Müller\tF{i}\t01/03/2024\t\t{i},50\t{i},50\r\n" for i in range(1, 30)
    )
    path = write_csv(tmp_path / "b.txt", text, "utf-16")
    result = parse_table(path, MAPPING)
    assert result.ok, result.rejected
    assert result.encoding == "utf-16"
    assert summary(result)[-1] == (30, "411MUL", MULLER, INVOICE, "F29", 2950, 2950)


def test_multi_line_quoted_name_keeps_line_numbers(tmp_path: Path) -> None:
    text = (
        "Code client;Raison sociale;N° facture;Date;Montant TTC\n"
        '411DUP;"Dupont & Fils\nservice comptable";F1;15/01/2024;10\n'
        "411EPI;Épi;F2;15/01/2024;oops\n"
    )
    mapping = ColumnMapping("Code client", "Raison sociale", "N° facture", "Date", "Montant TTC")
    result = parse_table(write_csv(tmp_path / "b.csv", text), mapping)
    assert problems(result) == [(4, ImportProblem.BAD_AMOUNT)]
    assert summary(result)[0][2] == "Dupont & Fils\nservice comptable"


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\tc\n1\t2,5\t3\n", "\t"),
        ('Titre\n\na;"b;c";d\n1;2;3\n', ";"),
        ("a|b\n1|2\n", "|"),
        ("seul\n", ";"),
    ],
)
def test_sniff_delimiter(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter


def test_title_lines_and_totals_are_skipped(tmp_path: Path) -> None:
    text = (
        "Balance âgée clients au 31/01/2024;;;;;;\n"
        ";;;;;;\n" + ";".join(HEADERS) + "\n411EPI;Épi;F1;15/01/2024;;100,00;100,00\n"
        ";;;;;;\n"
        "411EPI;;;;Total client;100,00;100,00\n"  # a subtotal with only the code: rejected
        ";;;;Total général;100,00;100,00\n"  # no code, number, date: skipped
    )
    result = parse_table(write_csv(tmp_path / "b.csv", text), MAPPING)
    assert [e.line_no for e in result.entries] == [4]
    assert problems(result) == [
        (6, ImportProblem.MISSING_VALUE),
        (6, ImportProblem.MISSING_VALUE),
        (6, ImportProblem.MISSING_VALUE),
        (6, ImportProblem.BAD_DATE),
    ]
    assert [r.detail for r in result.rejected[:3]] == ["Raison sociale", "N° facture", "Date"]


# -- kinds, amounts, duplicates -----------------------------------------------------


def test_kind_column(tmp_path: Path) -> None:
    text = (
        "Client;Pièce;Type;Date;Total TTC;Solde;Lettrage;Libellé\n"
        "C1;F1;Facture;15/01/2024;100;100;;Prestation janvier\n"
        "C1;F2;FA;15/01/2024;100;0;AB;\n"
        "C1;A1;Avoir;15/01/2024;-30;-30;;\n"
        "C1;A2;AV;15/01/2024;30;30;;\n"
        "C1;R1;Règlement;16/01/2024;-50;-50;;\n"
        "C1;R2;ENCAISSEMENT CB;16/01/2024;50;50;;\n"
        "C1;F3;;16/01/2024;-5;-5;;\n"  # no kind: the sign decides
        "C1;X1;Note de débit;16/01/2024;5;5;;\n"
        "C1;F4;Facture;16/01/2024;-5;-5;;\n"
    )
    path = write_csv(tmp_path / "b.csv", text)
    mapping = guess_mapping(preview_table(path).columns)
    assert mapping is not None
    assert (mapping.kind, mapping.customer_code, mapping.customer_name) == (
        "Type",
        "Client",
        "Client",
    )
    result = parse_table(path, mapping)
    assert [(e.number, e.kind, e.total_cents, e.open_cents) for e in result.entries] == [
        ("F1", INVOICE, 10000, 10000),
        ("F2", INVOICE, 10000, 0),
        ("A1", CREDIT_NOTE, 3000, 3000),
        ("A2", CREDIT_NOTE, 3000, 3000),
        ("R1", PAYMENT, 5000, 5000),
        ("R2", PAYMENT, 5000, 5000),
        ("F3", CREDIT_NOTE, 500, 500),
    ]
    assert result.entries[0].label == "Prestation janvier"
    assert result.entries[1].matching_code == "AB"
    assert problems(result) == [(9, ImportProblem.BAD_SIDE), (10, ImportProblem.UNEXPECTED_CREDIT)]
    assert "Note de débit" in result.rejected[0].detail


def test_negative_without_kind_can_mean_payment(tmp_path: Path) -> None:
    text = "Client;Pièce;Date;Montant\nC1;R1;15/01/2024;-12,00\n"
    mapping = ColumnMapping(
        "Client", "Client", "Pièce", "Date", "Montant", negative_is_credit_note=False
    )
    result = parse_table(write_csv(tmp_path / "b.csv", text), mapping)
    assert [(e.kind, e.total_cents) for e in result.entries] == [(PAYMENT, 1200)]


def test_bad_values(tmp_path: Path) -> None:
    text = (
        ";".join(HEADERS)
        + "\n"
        + "411EPI;Épi;F1;32/01/2024;;10;10\n"  # 2 bad date
        + "411EPI;Épi;F2;15/01/2024;demain;10;10\n"  # 3 bad due date
        + "411EPI;Épi;F3;15/01/2024;;dix;10\n"  # 4 bad amount
        + "411EPI;Épi;F4;15/01/2024;;10;12\n"  # 5 open > total
        + ";Épi;F5;15/01/2024;;10;10\n"  # 6 no customer code
        + "411EPI;Épi;;15/01/2024;;10;10\n"  # 7 no number
        + "411EPI;Épi;F6;15/01/2024;;;10\n"  # 8 no total
        + "411EPI;Épi;F7;15/01/2024;;10;\n"  # 9 no open amount although mapped
        + "411EPI;Épi;F8;15/01/2024;;10;10;surplus\n"  # 10 one cell too many
        + "411EPI;Épi;F9;15/01/2024;;10\n"  # 11 short row: missing cells are empty
    )
    result = parse_table(write_csv(tmp_path / "b.csv", text), MAPPING)
    assert problems(result) == [
        (2, ImportProblem.BAD_DATE),
        (3, ImportProblem.BAD_DATE),
        (4, ImportProblem.BAD_AMOUNT),
        (5, ImportProblem.OPEN_EXCEEDS_TOTAL),
        (6, ImportProblem.MISSING_VALUE),
        (7, ImportProblem.MISSING_VALUE),
        (8, ImportProblem.MISSING_VALUE),
        (9, ImportProblem.MISSING_VALUE),
        (10, ImportProblem.WRONG_COLUMN_COUNT),
        (11, ImportProblem.MISSING_VALUE),
    ]
    details = [r.detail for r in result.rejected]
    assert details[0] == "Date « 32/01/2024 »"
    assert details[1] == "Échéance « demain »"
    assert details[2] == "Montant TTC « dix »"
    assert details[4:8] == ["Code client", "N° facture", "Montant TTC", "Reste dû"]
    assert details[8] == "7 attendues, 8 trouvées"
    assert result.line_count == 10
    assert not result.ok


def test_duplicates(tmp_path: Path) -> None:
    text = (
        ";".join(HEADERS)
        + "\n"
        + "411EPI;Épi;F1;15/01/2024;;10;10\n"
        + "411EPI;Épi;F1;15/01/2024;;10;10\n"  # identical: merged
        + "411DUP;Dupont;F1;15/01/2024;;10;10\n"  # another customer
        + "411EPI;Épi;F2;15/01/2024;;10;10\n"
        + "411EPI;Épi;F2;15/01/2024;;20;20\n"  # another amount
        + "411EPI;Épi;F3;15/01/2024;30/01/2024;10;10\n"
        + "411EPI;Épi;F3;15/01/2024;28/02/2024;10;10\n"  # another instalment
        + "411EPI;Épi;F1;15/01/2024;;-10;-10\n"  # a credit note with the same number
    )
    result = parse_table(write_csv(tmp_path / "b.csv", text), MAPPING)
    assert problems(result) == [
        (4, ImportProblem.CONFLICTING_CUSTOMERS),
        (6, ImportProblem.CONFLICTING_AMOUNTS),
        (8, ImportProblem.CONFLICTING_AMOUNTS),
    ]
    assert "411EPI" in result.rejected[0].detail and "411DUP" in result.rejected[0].detail
    assert [(e.number, e.kind) for e in result.entries] == [
        ("F1", INVOICE),
        ("F2", INVOICE),
        ("F3", INVOICE),
        ("F1", CREDIT_NOTE),
    ]


def test_missing_column(tmp_path: Path) -> None:
    text = "Code client;Raison sociale;N° facture;Date;Montant TTC\n411EPI;Épi;F1;15/01/2024;10\n"
    result = parse_table(write_csv(tmp_path / "b.csv", text), MAPPING)
    assert problems(result) == [
        (1, ImportProblem.MISSING_COLUMN),
        (1, ImportProblem.MISSING_COLUMN),
    ]
    assert {r.detail for r in result.rejected} == {"Échéance", "Reste dû"}
    assert result.entries == ()


def test_columns_match_without_case_or_accents(tmp_path: Path) -> None:
    text = "CODE CLIENT;raison sociale;N° FACTURE;date;MONTANT TTC\n411EPI;Épi;F1;15/01/2024;10\n"
    mapping = ColumnMapping("Code client", "Raison sociale", "N° facture", "Date", "Montant TTC")
    assert summary(parse_table(write_csv(tmp_path / "b.csv", text), mapping)) == [
        (2, "411EPI", "Épi", INVOICE, "F1", 1000, 1000)
    ]


def test_unreadable_inputs(tmp_path: Path) -> None:
    assert problems(parse_table(tmp_path / "absent.csv", MAPPING)) == [
        (0, ImportProblem.UNREADABLE_FILE)
    ]
    assert problems(parse_table(write_csv(tmp_path / "e.csv", ""), MAPPING)) == [
        (0, ImportProblem.EMPTY_FILE)
    ]
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert problems(parse_table(binary, MAPPING)) == [(0, ImportProblem.BINARY_FILE)]
    fake = tmp_path / "f.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    result = parse_table(fake, MAPPING)
    assert (result.source_format, problems(result)) == (
        "xlsx",
        [(0, ImportProblem.UNREADABLE_FILE)],
    )
    assert preview_table(fake).columns == ()


def test_progress_and_cancel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "CHUNK_SIZE", 512)
    lines = [";".join(HEADERS)] + [
        f"C{i};Épi;F{i};15/01/2024;;{i},00;{i},00" for i in range(1, 400)
    ]
    path = write_csv(tmp_path / "b.csv", "\n".join(lines))
    seen: list[float] = []
    result = parse_table(path, MAPPING, progress=seen.append)
    assert len(result.entries) == 399
    assert 10 < len(seen) <= 102
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(ImportCancelled):
        parse_table(path, MAPPING, cancelled=lambda: True)


# -- Excel --------------------------------------------------------------------------


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Balance âgée"
    sheet.append(["Balance âgée au 31/01/2024"])
    sheet.append([])
    sheet.append(
        ["Compte", "Client", "Pièce", "Date facture", "Échéance", "Total TTC", "Solde", "Type"]
    )
    sheet.append(
        [
            411001,
            MULLER,
            12345,
            datetime(2024, 1, 15),
            date(2024, 2, 14),
            1437.12,
            437.12,
            "Facture",
        ]
    )
    sheet.append(["411002", DUPONT, "AV7", datetime(2024, 1, 16, 10, 30), None, -99.9, -99.9, "AV"])
    sheet.append(["411003", EPI, "F8", "31/01/2024", "29/02/2024", "1 000,50 €", 0, "FA"])
    sheet.append(["411003", EPI, "F9", 45322, None, 10, 10, None])  # a serial number date
    sheet.cell(row=4, column=10, value="à relancer")  # a note beside the table
    sheet.append([None] * 8)
    sheet.append([None, None, None, None, "Total", 2347.72, 347.72, None])
    other = book.create_sheet("Relances")
    other.append(["Code", "Nom", "Facture", "Date", "Montant"])
    other.append(["C9", "Café de la Gare", "F1", datetime(2024, 3, 1), 12])
    book.save(path)
    return path


def test_xlsx(tmp_path: Path) -> None:
    path = workbook(tmp_path / "balance.xlsx")
    preview = preview_table(path)
    assert preview.sheet_names == ("Balance âgée", "Relances")
    assert (preview.encoding, preview.delimiter) == ("", "")
    assert preview.columns == (
        "Compte",
        "Client",
        "Pièce",
        "Date facture",
        "Échéance",
        "Total TTC",
        "Solde",
        "Type",
    )
    assert preview.rows[0] == (
        "411001",
        MULLER,
        "12345",
        "15/01/2024",
        "14/02/2024",
        "1437.12",
        "437.12",
        "Facture",
    )
    mapping = guess_mapping(preview.columns)
    assert mapping == ColumnMapping(
        customer_code="Compte",
        customer_name="Client",
        number="Pièce",
        issued_on="Date facture",
        total="Total TTC",
        open="Solde",
        due_on="Échéance",
        kind="Type",
    )
    result = parse_table(path, mapping)
    assert result.ok, result.rejected
    assert (result.source_format, result.encoding, result.line_count) == ("xlsx", "", 5)
    assert summary(result) == [
        (4, "411001", MULLER, INVOICE, "12345", 143712, 43712),
        (5, "411002", DUPONT, CREDIT_NOTE, "AV7", 9990, 9990),
        (6, "411003", EPI, INVOICE, "F8", 100050, 0),
        (7, "411003", EPI, INVOICE, "F9", 1000, 1000),
    ]
    dates = [(e.issued_on, e.due_on) for e in result.entries]
    assert dates == [
        (date(2024, 1, 15), date(2024, 2, 14)),
        (date(2024, 1, 16), None),
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2024, 1, 31), None),
    ]


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "balance.xlsx")
    preview = preview_table(path, sheet="Relances", rows=5)
    assert preview.columns == ("Code", "Nom", "Facture", "Date", "Montant")
    mapping = guess_mapping(preview.columns)
    assert mapping is not None
    result = parse_table(path, mapping, sheet="Relances")
    assert summary(result) == [(2, "C9", "Café de la Gare", INVOICE, "F1", 1200, 1200)]
    absent = parse_table(path, mapping, sheet="Nulle part")
    assert problems(absent) == [(0, ImportProblem.UNREADABLE_FILE)]
    assert "Nulle part" in absent.rejected[0].detail


def test_xlsx_without_its_suffix(tmp_path: Path) -> None:
    path = workbook(tmp_path / "balance.xlsx").rename(tmp_path / "export-sage.dat")
    preview = preview_table(path)
    assert preview.sheet_names == ("Balance âgée", "Relances")
    result = parse_table(path, guess_mapping(preview.columns))
    assert (result.source_format, len(result.entries)) == ("xlsx", 4)


# -- mapping ------------------------------------------------------------------------


def test_guess_mapping_on_typical_headers() -> None:
    assert (
        guess_mapping(
            "Code client;Raison sociale;N° facture;Date;Échéance;Montant TTC;Reste dû".split(";")
        )
        == MAPPING
    )


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Compte", "Intitulé", "N° pièce", "Date pièce", "Date d'échéance", "Montant", "Solde", "Lettrage"],
            ColumnMapping("Compte", "Intitulé", "N° pièce", "Date pièce", "Montant", open="Solde",
                          due_on="Date d'échéance", matching_code="Lettrage"),
        ),
        (
            ["Client", "Facture", "Date facture", "Montant TTC (€)", "Reste à payer (€)", "Libellé"],
            ColumnMapping("Client", "Client", "Facture", "Date facture", "Montant TTC (€)",
                          open="Reste à payer (€)", label="Libellé"),
        ),
        (
            ["Nº client", "Nom", "Référence", "Date", "TTC"],
            ColumnMapping("Nº client", "Nom", "Référence", "Date", "TTC"),
        ),
    ],
)  # fmt: skip
def test_guess_mapping_variants(headers: list[str], expected: ColumnMapping) -> None:
    assert guess_mapping(headers) == expected


@pytest.mark.parametrize(
    "headers", [["Client", "Date", "Montant"], ["Code client", "Facture", "Montant"], []]
)
def test_guess_mapping_gives_up(headers: list[str]) -> None:
    assert guess_mapping(headers) is None


def test_mapping_json_round_trip() -> None:
    mapping = ColumnMapping(
        "Code client", "Raison sociale", "N° facture", "Date", "Montant TTC",
        open="Reste dû", kind="Type", negative_is_credit_note=False,
    )  # fmt: skip
    text = mapping.to_json()
    assert "Reste dû" in text  # readable in the settings file
    assert ColumnMapping.from_json(text) == mapping
    # keys written by a later version are ignored, optional ones may be missing
    assert ColumnMapping.from_json(
        '{"customer_code": "A", "customer_name": "B", "number": "C", "issued_on": "D",'
        ' "total": "E", "currency": "F"}'
    ) == ColumnMapping("A", "B", "C", "D", "E")


@pytest.mark.parametrize(
    "text", ["", "[]", "{}", '{"customer_code": 1}', "not json", '{"customer_code": "A"}']
)
def test_mapping_json_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        ColumnMapping.from_json(text)


def test_preview_of_a_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", SEMICOLON, "cp1252")
    preview = preview_table(path, rows=2)
    assert preview.columns == tuple(HEADERS)
    assert preview.rows == (
        ("411EPI", EPI, "FA2024-001", "15/01/2024", "14/02/2024", "1 437,12 €", "437,12"),
        ("411DUP", "Dupont & Fils; SARL", "FA2024-002", "2024-01-20", "", "1.234,56", "1.234,56"),
    )
    assert (preview.encoding, preview.delimiter, preview.sheet_names) == ("cp1252", ";", ())
    assert preview_table(write_csv(tmp_path / "e.csv", "")).columns == ()


def test_trailing_delimiters_and_typographic_minus(tmp_path: Path) -> None:
    text = ";".join(HEADERS) + ";\n411EPI;Épi;A1;15/01/2024;;\u2212 12,00 €;\u221212;\n"
    path = write_csv(tmp_path / "b.csv", text)
    assert preview_table(path).columns == tuple(HEADERS)
    assert summary(parse_table(path, MAPPING)) == [
        (2, "411EPI", "Épi", CREDIT_NOTE, "A1", 1200, 1200)
    ]


def test_excel_sep_hint_line(tmp_path: Path) -> None:
    text = "sep=,\r\n" + ",".join(HEADERS) + '\r\n411EPI,Épi,F1,15/01/2024,,"10,5",0\r\n'
    path = write_csv(tmp_path / "b.csv", text, "cp1252")
    assert preview_table(path).delimiter == ","
    result = parse_table(path, MAPPING)
    assert summary(result) == [(3, "411EPI", "Épi", INVOICE, "F1", 1050, 0)]
