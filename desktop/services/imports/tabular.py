"""Aged-balance exports (EBP, Sage, Pennylane, spreadsheets) read through a column mapping.

CSV files are streamed with the csv module, Excel workbooks with openpyxl's read-only
mode, so memory grows with the number of documents, not with the file. One data row is
one document.

What the import service should know:
- the header is the first row with two filled cells (title lines above it are skipped);
  line_no is the physical line where a CSV record starts, or the Excel row number;
- kind: the mapped kind column when filled (an unknown word is BAD_SIDE, an invoice with
  a negative total UNEXPECTED_CREDIT), else the sign of the total; amounts are stored as
  magnitudes; an empty open cell in a mapped open column is MISSING_VALUE;
- rows without customer code, number and date (subtotals, totals) and rows whose total
  is zero are skipped; blank rows too;
- the same (number, kind) twice: another customer is CONFLICTING_CUSTOMERS (except for
  payments, keyed per customer: a remittance may credit several), another amount or
  date CONFLICTING_AMOUNTS, an identical row is kept once.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

from desktop.domain.enums import DocumentKind
from desktop.domain.errors import ValidationError
from desktop.domain.ledger import ImportProblem, LedgerEntry, ParsedExport, RejectedLine
from desktop.domain.money import format_cents, parse_cents
from desktop.domain.text import fold
from desktop.services.imports.sniff import (
    SAMPLE_SIZE,
    Cancelled,
    ImportCancelled,
    Progress,
    ReadProblem,
    Rejections,
    TextReader,
    gc_paused,
)

__all__ = [
    "ColumnMapping",
    "ImportCancelled",
    "TablePreview",
    "guess_mapping",
    "parse_table",
    "preview_table",
    "sniff_delimiter",
]

MAX_CENTS = 10**15
_ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = (";", "\t", ",", "|")  # in order of preference when the counts tie
_HEADER_SEARCH_ROWS = 50  # title lines tolerated above the header
_CANCEL_EVERY = 2000  # rows between two cancelled() checks (Excel)


# -- mapping ------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column feeds which field; saved per source as JSON."""

    customer_code: str
    customer_name: str
    number: str
    issued_on: str
    total: str  # amount incl. VAT
    open: str = ""  # remaining amount ("reste dû"); "" = same as total
    due_on: str = ""  # "" = derived later from payment terms
    kind: str = ""  # "Facture", "Avoir", "FA", "AV", "Règlement"…
    label: str = ""
    matching_code: str = ""
    negative_is_credit_note: bool = True  # a negative total without kind column = credit note

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """Raises ValueError when the text is not a saved mapping; unknown keys (from a
        later version) are ignored."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"not a column mapping: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError("not a column mapping")
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            expected = bool if f.name == "negative_is_credit_note" else str
            if not isinstance(value, expected):
                raise ValueError(f"column mapping: {f.name} is not a {expected.__name__}")
            values[f.name] = value
        try:
            return cls(**values)
        except TypeError as exc:
            raise ValueError(f"column mapping: {exc}") from None

    def columns(self) -> dict[str, str]:
        """field -> source column, for the mapped fields only."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "negative_is_credit_note" and getattr(self, f.name)
        }


_REQUIRED = ("customer_code", "customer_name", "number", "issued_on", "total")

# Normalised header (see _norm) -> field, best first within each field.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_code": (
        "code client",
        "n client",
        "no client",
        "numero client",
        "num client",
        "compte client",
        "compte",
        "code tiers",
        "compte tiers",
        "tiers",
        "compte auxiliaire",
        "compauxnum",
        "client code",
        "customer code",
        "customer id",
        "code",
    ),
    "customer_name": (
        "raison sociale",
        "nom client",
        "nom du client",
        "client",
        "nom",
        "intitule",
        "intitule client",
        "libelle client",
        "societe",
        "nom tiers",
        "compauxlib",
        "customer",
        "customer name",
    ),
    "number": (
        "n facture",
        "no facture",
        "numero facture",
        "numero de facture",
        "num facture",
        "n de facture",
        "facture",
        "n piece",
        "no piece",
        "numero piece",
        "numero de piece",
        "piece",
        "pieceref",
        "reference",
        "ref",
        "n document",
        "document",
        "invoice",
        "invoice number",
    ),
    "issued_on": (
        "date facture",
        "date de facture",
        "date piece",
        "date de piece",
        "date document",
        "date d emission",
        "date emission",
        "date",
        "piecedate",
        "date ecriture",
        "invoice date",
    ),
    "due_on": (
        "echeance",
        "date echeance",
        "date d echeance",
        "date de l echeance",
        "due date",
    ),
    "total": (
        "montant ttc",
        "total ttc",
        "ttc",
        "montant",
        "montant facture",
        "total",
        "montant initial",
        "amount",
    ),
    "open": (
        "reste du",
        "reste a payer",
        "restant du",
        "reste",
        "solde",
        "solde du",
        "montant restant",
        "montant du",
        "encours",
        "open amount",
        "balance",
    ),
    "kind": ("type", "type de piece", "type piece", "type document", "nature"),
    "label": ("libelle", "designation", "objet", "ecriturelib", "description"),
    "matching_code": ("lettrage", "code lettrage", "lettre", "ecriturelet", "let"),
}
# When no header matches exactly: a word inside the header, for the optional fields.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "customer_code": ("code client", "compte client"),
    "customer_name": ("raison sociale", "nom client"),
    "number": ("facture", "piece"),
    "issued_on": ("date facture", "date piece"),
    "due_on": ("echeance",),
    "total": ("ttc",),
    "open": ("reste", "solde", "restant"),
    "matching_code": ("lettrage",),
}
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _norm(header: str) -> str:
    """'N° facture' -> 'n facture', 'Date d'échéance' -> 'date d echeance'."""
    return _NON_WORD.sub(" ", fold(header)).strip()


def guess_mapping(columns: Sequence[str]) -> ColumnMapping | None:
    """A mapping from common French headers, or None if a required field has no column.

    With a single customer column ("Client") it feeds both the code and the name.
    """
    normalised = [_norm(c) for c in columns]
    chosen: dict[str, str] = {}
    used: set[int] = set()

    def take(field: str, index: int) -> None:
        chosen[field] = columns[index]
        used.add(index)

    for field, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            index = next(
                (i for i, n in enumerate(normalised) if n == synonym and i not in used), None
            )
            if index is not None:
                take(field, index)
                break
    for field, words in _KEYWORDS.items():
        if field in chosen:
            continue
        for word in words:
            index = next((i for i, n in enumerate(normalised) if word in n and i not in used), None)
            if index is not None:
                take(field, index)
                break
    if "customer_code" not in chosen and "customer_name" in chosen:
        chosen["customer_code"] = chosen["customer_name"]
    elif "customer_name" not in chosen and "customer_code" in chosen:
        chosen["customer_name"] = chosen["customer_code"]
    if any(field not in chosen for field in _REQUIRED):
        return None
    return ColumnMapping(**chosen)


# -- cell values --------------------------------------------------------------------


def _text(value: object) -> str:
    """A cell as text: identifiers typed as numbers in Excel lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _cents(value: object) -> int | None:
    """Signed cents of a cell, None when it is not an amount (empty cells excluded)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        cents = value * 100
    elif isinstance(value, float | Decimal):
        try:
            exact = Decimal(repr(value)) if isinstance(value, float) else value
            cents = int(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).scaleb(2))
        except (InvalidOperation, ValueError, OverflowError):
            return None
    elif isinstance(value, str):
        text = value.strip().replace("\u2212", "-")  # the typographic minus sign
        negative = False
        if text.startswith("(") and text.endswith(")"):
            negative, text = True, text[1:-1]
        elif text.endswith("-"):
            negative, text = True, text[:-1]
        try:
            cents = parse_cents(text)
        except ValidationError:
            return None
        except (InvalidOperation, ValueError, OverflowError):
            return None
        if negative:
            cents = -abs(cents)
    else:
        return None
    return cents if abs(cents) < MAX_CENTS else None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2199:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_EXCEL_EPOCH = date(1899, 12, 30)


def _date(value: object) -> date | None:
    """dd/mm/yyyy, dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyymmdd, or an Excel
    date, datetime or serial number. None when not a date."""
    if isinstance(value, datetime):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, date):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        number = int(value)  # a float serial carries a time of day
        if 19000101 <= number <= 21991231:
            return _date(str(number))
        if 1 <= number <= 109_574:  # Excel serial, up to 2199
            return _EXCEL_EPOCH + timedelta(days=number)
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if " " in text:  # '15/01/2024 00:00:00'
        text = text.split(" ", 1)[0]
    if "T" in text:  # '2024-01-15T00:00:00'
        text = text.split("T", 1)[0]
    if not text.isascii():
        return None
    if len(text) == 8 and text.isdigit():
        return _valid(int(text[:4]), int(text[4:6]), int(text[6:]))
    for separator in "/-.":
        parts = text.split(separator)
        if len(parts) != 3 or not all(p.isdigit() and 0 < len(p) <= 4 for p in parts):
            continue
        if len(parts[0]) == 4:  # ISO
            return _valid(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts[2]) in (2, 4):
            return _valid(_year(parts[2]), int(parts[1]), int(parts[0]))
        return None
    return None


_KINDS: dict[str, DocumentKind] = {
    **dict.fromkeys(
        ("facture", "fa", "f", "fac", "fact", "invoice", "facture client"), DocumentKind.INVOICE
    ),
    **dict.fromkeys(
        ("avoir", "av", "a", "avoir client", "credit", "credit note", "note de credit"),
        DocumentKind.CREDIT_NOTE,
    ),
    **dict.fromkeys(
        (
            "reglement",
            "rg",
            "reg",
            "rgl",
            "rglt",
            "paiement",
            "encaissement",
            "payment",
            "versement",
        ),
        DocumentKind.PAYMENT,
    ),
}
# First words that decide on their own: "Facture n° 12", "Avoir sur FA001", "Règlement CB".
_KIND_WORDS = {k: v for k, v in _KINDS.items() if len(k) >= 5 and " " not in k}


def _kind(value: str) -> DocumentKind | None:
    key = _norm(value)
    kind = _KINDS.get(key)
    if kind is None and key:
        kind = _KIND_WORDS.get(key.split(" ", 1)[0])
    return kind


# -- reading ------------------------------------------------------------------------


Row = Sequence[object]


@dataclass(frozen=True)
class TablePreview:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    delimiter: str
    sheet_names: tuple[str, ...]


def _is_xlsx(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == _ZIP_MAGIC
    except OSError:
        return False


def _blank(row: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _filled(row: Row) -> int:
    return sum(1 for v in row if v is not None and not (isinstance(v, str) and not v.strip()))


def _header_names(row: Row) -> list[str]:
    """Header cells as names; empty cells become 'Colonne N', duplicates 'Nom (2)'.
    Empty cells after the last name are dropped."""
    cells = list(row)
    while cells and not _text(cells[-1]):
        cells.pop()
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells, start=1):
        name = _text(cell) or f"Colonne {i}"
        if name in seen:
            n = 2
            while f"{name} ({n})" in seen:
                n += 1
            name = f"{name} ({n})"
        seen.add(name)
        names.append(name)
    return names


def sniff_delimiter(sample: str) -> str:
    """The delimiter that gives the header most columns and the most rows of that width."""
    lines = [line for line in sample.replace("\r\n", "\n").split("\n")[:60] if line.strip()]
    if lines and len(lines[0]) == 5 and lines[0].lower().startswith("sep="):
        return lines[0][4]  # Excel's hint line 'sep=;'
    best: tuple[int, int] = (0, 1)
    chosen = _DELIMITERS[0]
    for delimiter in _DELIMITERS:
        if not any(delimiter in line for line in lines):
            continue
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        header = next((i for i, r in enumerate(rows) if _filled(r) >= 2), None)
        if header is None:
            continue
        width = len(rows[header])
        score = (sum(1 for r in rows[header + 1 :] if len(r) == width), width)
        if score > best:
            best, chosen = score, delimiter
    return chosen


class _CsvSource:
    """Rows of a CSV file as lists of strings, with the line each one starts on."""

    def __init__(self, path: Path, progress: Progress | None, cancelled: Cancelled | None):
        self._fh = open(path, "rb")
        try:
            size = os.fstat(self._fh.fileno()).st_size
            self.reader = TextReader(self._fh, size, progress=progress, cancelled=cancelled)
            self._chunks = self.reader.chunks()
            self._first = next(self._chunks, "")  # may raise ReadProblem
        except BaseException:
            self._fh.close()
            raise
        self.encoding = self.reader.encoding
        self.delimiter = sniff_delimiter(self._first[:SAMPLE_SIZE])

    def _lines(self) -> Iterator[str]:
        for text in chain((self._first,), self._chunks):
            parts = text.split("\n")
            last = parts.pop()
            for part in parts:
                yield part + "\n"
            if last:
                yield last

    def rows(self, rejections: Rejections | None = None) -> Iterator[tuple[int, Row]]:
        lines = self._lines()
        reader = csv.reader(lines, delimiter=self.delimiter)
        start = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if rejections is not None:
                    rejections.add(start, ImportProblem.UNREADABLE_FILE, str(exc))
                start = reader.line_num + 1
                continue
            yield start, row
            start = reader.line_num + 1

    def close(self) -> None:
        self._fh.close()


class _XlsxSource:
    """Rows of one sheet as tuples of Python values, numbered like Excel rows."""

    def __init__(
        self,
        path: Path,
        sheet: str | None,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ):
        import openpyxl

        self.encoding = ""
        self.delimiter = ""
        self._progress = progress
        self._cancelled = cancelled
        # A file object, not the path: openpyxl refuses paths without an .xlsx suffix.
        self._fh = open(path, "rb")
        self._book = None
        try:
            self._book = openpyxl.load_workbook(self._fh, read_only=True, data_only=True)
            self.sheet_names = tuple(self._book.sheetnames)
            if sheet is None:
                if not self._book.worksheets:
                    raise ReadProblem(0, ImportProblem.EMPTY_FILE)
                self._sheet = self._book.worksheets[0]
            elif sheet in self.sheet_names:
                self._sheet = self._book[sheet]
            else:
                raise ReadProblem(0, ImportProblem.UNREADABLE_FILE, f"feuille « {sheet} » absente")
            self._rows = getattr(self._sheet, "max_row", None) or 0
            if hasattr(self._sheet, "reset_dimensions"):
                # Some generators write a wrong <dimension>: read every cell there is.
                self._sheet.reset_dimensions()
        except BaseException:
            self.close()
            raise

    def rows(self, rejections: Rejections | None = None) -> Iterator[tuple[int, Row]]:
        reported = 0.0
        for number, row in enumerate(self._sheet.iter_rows(values_only=True), start=1):
            if number % _CANCEL_EVERY == 0:
                if self._cancelled is not None and self._cancelled():
                    raise ImportCancelled
                if self._progress is not None and self._rows:
                    fraction = min(number / self._rows, 1.0)
                    if fraction - reported >= 0.01:
                        reported = fraction
                        self._progress(fraction)
            yield number, row

    def close(self) -> None:
        try:
            if self._book is not None:
                self._book.close()
        finally:
            self._fh.close()


def _open(
    path: Path,
    sheet: str | None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> _CsvSource | _XlsxSource:
    if _is_xlsx(path):
        return _XlsxSource(path, sheet, progress, cancelled)
    return _CsvSource(path, progress, cancelled)


def _find_header(rows: Iterator[tuple[int, Row]]) -> tuple[int, list[str]] | None:
    """The first row with two filled cells (title lines above it are skipped)."""
    first: tuple[int, Row] | None = None
    for seen, (line_no, row) in enumerate(rows):
        if _blank(row):
            continue
        if _filled(row) >= 2:
            return line_no, _header_names(row)
        if first is None:
            first = (line_no, row)
        if seen >= _HEADER_SEARCH_ROWS:
            break
    if first is None:
        return None
    return first[0], _header_names(first[1])


def preview_table(path: Path, *, sheet: str | None = None, rows: int = 20) -> TablePreview:
    """Header and first rows as text, for the column-mapping step.

    Never raises on bad content: an unreadable, binary or empty file gives a preview
    without columns.
    """
    try:
        source = _open(path, sheet)
    except Exception:  # openpyxl raises many kinds of errors on a damaged workbook
        return TablePreview((), (), "", "", ())
    sheet_names = getattr(source, "sheet_names", ())
    try:
        iterator = source.rows()
        header = _find_header(iterator)
        if header is None:
            return TablePreview((), (), source.encoding, source.delimiter, sheet_names)
        columns = header[1]
        width = len(columns)
        sample: list[tuple[str, ...]] = []
        for _, row in iterator:
            if len(sample) >= rows:
                break
            if _blank(row):
                continue
            cells = [_text(v) for v in row[:width]]
            cells += [""] * (width - len(cells))
            sample.append(tuple(cells))
    except Exception:
        return TablePreview((), (), source.encoding, source.delimiter, sheet_names)
    finally:
        source.close()
    return TablePreview(
        tuple(columns), tuple(sample), source.encoding, source.delimiter, sheet_names
    )


# -- parsing ------------------------------------------------------------------------


class _RowParser:
    def __init__(
        self,
        mapping: ColumnMapping,
        header_line: int,
        columns: list[str],
        rejections: Rejections,
        *,
        strict_width: bool,
    ):
        self.mapping = mapping
        # In a CSV a cell past the header means a delimiter inside an unquoted value;
        # in a sheet it is only a note beside the table.
        self.strict_width = strict_width
        self.rejections = rejections
        self.width = len(columns)
        self.index: dict[str, int] = {}
        self.name: dict[str, str] = {}
        self.columns_ok = True
        folded = {}
        for i, column in enumerate(columns):
            folded.setdefault(_norm(column), i)
        for field, column in mapping.columns().items():
            position = columns.index(column) if column in columns else None
            if position is None:
                position = folded.get(_norm(column))
            if position is None:
                self.rejections.add(header_line, ImportProblem.MISSING_COLUMN, column)
                self.columns_ok = False
                continue
            self.index[field] = position
            self.name[field] = column
        # (number, kind) -> the entry already read
        self.seen: dict[tuple[str, DocumentKind, str], LedgerEntry] = {}
        self.count = 0

    def cell(self, row: Row, field: str) -> object:
        position = self.index.get(field)
        if position is None or position >= len(row):
            return None
        value = row[position]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def row(self, line_no: int, row: Row) -> None:
        if _blank(row):
            return
        self.count += 1
        reject = self.rejections.add
        if self.strict_width and len(row) > self.width and not _blank(row[self.width :]):
            reject(
                line_no,
                ImportProblem.WRONG_COLUMN_COUNT,
                f"{self.width} attendues, {len(row)} trouvées",
            )
            return
        cell = self.cell
        code, name, number = (
            cell(row, "customer_code"),
            cell(row, "customer_name"),
            cell(row, "number"),
        )
        issued_raw = cell(row, "issued_on")
        if code is None and number is None and issued_raw is None:
            return  # a subtotal or total line: no document on it
        ok = True
        for field, value in (
            ("customer_code", code),
            ("customer_name", name),
            ("number", number),
            ("issued_on", issued_raw),
        ):
            if value is None:
                reject(line_no, ImportProblem.MISSING_VALUE, self.name[field])
                ok = False
        issued = None
        if issued_raw is not None:
            issued = _date(issued_raw)
            if issued is None:
                reject(
                    line_no,
                    ImportProblem.BAD_DATE,
                    f"{self.name['issued_on']} « {_text(issued_raw)} »",
                )
                ok = False
        due = None
        if "due_on" in self.index:
            raw = cell(row, "due_on")
            if raw is not None:
                due = _date(raw)
                if due is None:
                    reject(
                        line_no, ImportProblem.BAD_DATE, f"{self.name['due_on']} « {_text(raw)} »"
                    )
                    ok = False
        total = self._amount(line_no, row, "total")
        if total is None:
            ok = False
        open_ = None
        if "open" in self.index:
            open_ = self._amount(line_no, row, "open")
            if open_ is None:
                ok = False
        kind = None
        if "kind" in self.index:
            raw = cell(row, "kind")
            if raw is not None:
                kind = _kind(_text(raw))
                if kind is None:
                    reject(line_no, ImportProblem.BAD_SIDE, f"{self.name['kind']} « {_text(raw)} »")
                    ok = False
        if not ok or total is None:
            return
        if kind is None:
            if total >= 0:
                kind = DocumentKind.INVOICE
            elif self.mapping.negative_is_credit_note:
                kind = DocumentKind.CREDIT_NOTE
            else:
                kind = DocumentKind.PAYMENT
        elif kind is DocumentKind.INVOICE and total < 0:
            reject(
                line_no,
                ImportProblem.UNEXPECTED_CREDIT,
                f"{self.name['total']} « {format_cents(total, symbol=False)} »",
            )
            return
        total = abs(total)
        open_ = total if open_ is None else abs(open_)
        if open_ > total:
            reject(
                line_no,
                ImportProblem.OPEN_EXCEEDS_TOTAL,
                f"{format_cents(open_, symbol=False)} > {format_cents(total, symbol=False)}",
            )
            return
        if total == 0:
            return  # a zero document is no receivable
        assert issued is not None
        entry = LedgerEntry(
            line_no=line_no,
            customer_code=_text(code),
            customer_name=_text(name),
            kind=kind,
            number=_text(number),
            issued_on=issued,
            due_on=due,
            total_cents=total,
            open_cents=open_,
            matching_code=_text(cell(row, "matching_code")),
            label=_text(cell(row, "label")),
        )
        # A payment number (a remittance) may be shared by several customers.
        key = (entry.number, kind, entry.customer_code if kind is DocumentKind.PAYMENT else "")
        previous = self.seen.get(key)
        if previous is None:
            self.seen[key] = entry
            return
        if previous.customer_code != entry.customer_code:
            reject(
                line_no,
                ImportProblem.CONFLICTING_CUSTOMERS,
                f"{entry.number} : {previous.customer_code} (ligne {previous.line_no}) / {entry.customer_code}",
            )
        elif (previous.total_cents, previous.open_cents, previous.issued_on, previous.due_on) != (
            entry.total_cents,
            entry.open_cents,
            entry.issued_on,
            entry.due_on,
        ):
            reject(
                line_no,
                ImportProblem.CONFLICTING_AMOUNTS,
                f"{entry.number} : {_describe(previous)} (ligne {previous.line_no}) / {_describe(entry)}",
            )
        # else: the same row twice (an export that repeats it) — keep the first one

    def _amount(self, line_no: int, row: Row, field: str) -> int | None:
        raw = self.cell(row, field)
        if raw is None:
            self.rejections.add(line_no, ImportProblem.MISSING_VALUE, self.name[field])
            return None
        cents = _cents(raw)
        if cents is None:
            self.rejections.add(
                line_no, ImportProblem.BAD_AMOUNT, f"{self.name[field]} « {_text(raw)} »"
            )
        return cents


def _describe(entry: LedgerEntry) -> str:
    text = f"{format_cents(entry.total_cents, symbol=False)}"
    if entry.open_cents != entry.total_cents:
        text += f" reste {format_cents(entry.open_cents, symbol=False)}"
    text += f" du {entry.issued_on:%d/%m/%Y}"
    if entry.due_on:
        text += f" échéance {entry.due_on:%d/%m/%Y}"
    return text


def workbook_problem(exc: BaseException) -> str:
    """What to tell about a workbook openpyxl could not read, in French: the library's
    message ("File is not a zip file", "Error -3 while decompressing data") means nothing
    to the user. The error's class is kept in brackets for whoever helps them."""
    if isinstance(exc, KeyError) or (isinstance(exc, OSError) and exc.errno is None):
        # No [Content_Types].xml or no workbook part: a zip, but not an Excel workbook
        # (a LibreOffice .ods or a Word file renamed .xlsx).
        text = "ce n'est pas un classeur Excel .xlsx : enregistrez-le au format Excel"
    else:
        text = "classeur Excel endommagé ou incomplet : enregistrez-le de nouveau"
    kind = type(exc)
    module = kind.__module__.split(".")[0]  # "zlib.error" says more than "error"
    name = kind.__name__ if module == "builtins" else f"{module}.{kind.__name__}"
    return f"{text} [{name}]"


def parse_table(
    path: Path,
    mapping: ColumnMapping,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ParsedExport:
    """Read a CSV or Excel export through `mapping`; never raises on bad content
    (problems become RejectedLine), only ImportCancelled."""
    source_format = "xlsx" if _is_xlsx(path) else "csv"

    def failed(rejected: RejectedLine, encoding: str = "", count: int = 0) -> ParsedExport:
        return ParsedExport(source_format, encoding, count, (), (rejected,))

    try:
        source = _open(path, sheet, progress, cancelled)
    except ImportCancelled:
        raise
    except ReadProblem as problem:
        return failed(problem.rejected)
    except OSError as exc:
        # openpyxl says "no valid workbook part" with a bare OSError (no errno).
        detail = str(exc) if exc.errno is not None else workbook_problem(exc)
        return failed(RejectedLine(0, ImportProblem.UNREADABLE_FILE, detail))
    except Exception as exc:  # a damaged workbook: zip, XML, openpyxl errors
        return failed(RejectedLine(0, ImportProblem.UNREADABLE_FILE, workbook_problem(exc)))
    rejections = Rejections()
    parser: _RowParser | None = None
    try:
        with gc_paused():
            rows = source.rows(rejections)
            header = _find_header(rows)
            if header is None:
                if not rejections:
                    rejections.add(0, ImportProblem.EMPTY_FILE)
                return ParsedExport(source_format, source.encoding, 0, (), rejections.result())
            parser = _RowParser(
                mapping, header[0], header[1], rejections, strict_width=source_format == "csv"
            )
            if not parser.columns_ok:
                return ParsedExport(source_format, source.encoding, 0, (), rejections.result())
            for line_no, row in rows:
                parser.row(line_no, row)
    except ImportCancelled:
        raise
    except ReadProblem as problem:
        rejections.add_rejected(problem.rejected)
        count = parser.count if parser else 0
        return ParsedExport(source_format, source.encoding, count, (), rejections.result())
    except Exception as exc:  # a damaged workbook found while reading its rows
        rejections.add(0, ImportProblem.UNREADABLE_FILE, workbook_problem(exc))
        count = parser.count if parser else 0
        return ParsedExport(source_format, source.encoding, count, (), rejections.result())
    finally:
        source.close()
    if progress is not None:
        progress(1.0)
    entries = sorted(parser.seen.values(), key=attrgetter("line_no"))
    return ParsedExport(
        source_format=source_format,
        encoding=source.encoding,
        line_count=parser.count,
        entries=tuple(entries),
        rejected=parser.rejections.result(),
    )
