"""What an accounting export says about receivables, before it touches the data file.

Parsers (FEC, CSV, Excel) turn a file into a `ParsedExport`; the import service compares
it with what the file already holds and writes the difference. Amounts are positive
magnitudes in cents; `DocumentKind.sign` says which way each kind counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop.domain.enums import DocumentKind


class ImportProblem(StrEnum):
    """Why a line of an export was rejected; the UI and the CLI word it in French."""

    EMPTY_FILE = "empty_file"
    BINARY_FILE = "binary_file"
    NOT_A_FEC_HEADER = "not_a_fec_header"
    MISSING_COLUMN = "missing_column"
    WRONG_COLUMN_COUNT = "wrong_column_count"
    BAD_DATE = "bad_date"
    BAD_AMOUNT = "bad_amount"
    BAD_SIDE = "bad_side"  # Sens neither D nor C
    MISSING_VALUE = "missing_value"  # a required cell is empty (number, customer…)
    UNEXPECTED_CREDIT = "unexpected_credit"  # a credit where a debit is expected
    CONFLICTING_AMOUNTS = "conflicting_amounts"  # one document number, two amounts
    CONFLICTING_CUSTOMERS = "conflicting_customers"  # one document number, two customers
    OPEN_EXCEEDS_TOTAL = "open_exceeds_total"
    TOO_LARGE = "too_large"
    UNREADABLE_FILE = "unreadable_file"


@dataclass(frozen=True)
class LedgerEntry:
    """One document (invoice, credit note, payment) as the export describes it."""

    line_no: int  # first line of the source it comes from (the header is line 1)
    customer_code: str  # CompAuxNum, or the mapped customer-code column
    customer_name: str
    kind: DocumentKind
    number: str  # PieceRef, or the mapped document-number column
    issued_on: date
    due_on: date | None  # None: derived from the customer's payment terms
    total_cents: int  # amount incl. VAT, > 0
    open_cents: int  # what remains to settle, 0 <= open_cents <= total_cents
    matching_code: str = ""  # EcritureLet: non-empty means settled in the accounts
    label: str = ""
    corrects_number: str = ""  # for a credit note: the invoice it corrects, if known


@dataclass(frozen=True)
class RejectedLine:
    line_no: int
    problem: ImportProblem
    detail: str = ""  # the offending value or column, shown after the reason


@dataclass(frozen=True)
class ParsedExport:
    source_format: str  # "fec", "csv", "xlsx"
    encoding: str  # as detected ("utf-8-sig", "cp1252"…), "" for xlsx
    line_count: int  # data lines read (header excluded)
    entries: tuple[LedgerEntry, ...] = field(default_factory=tuple)
    rejected: tuple[RejectedLine, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """An import is all-or-nothing: one rejected line refuses the whole file."""
        return not self.rejected
