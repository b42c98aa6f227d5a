"""Importing receivables from an accounting export: dry run, apply, history, undo.

The parsers (fec.py, tabular.py) turn a file into a `ParsedExport`; this service compares
it with what the data file holds and writes the difference in one transaction:

- a customer is matched by its account code (`Customer.account_code` = the export's
  customer code) and created when unknown;
- a document is matched by (kind, number), and a payment by (customer, kind, number):
  one remittance or cheque deposit may credit several customers under one number
  (`documents` is unique on (customer_id, kind, number)); an invoice or credit note
  number already held by another customer rejects the line;
- amounts are stored signed with `DocumentKind.sign` (invoices +, credit notes and
  payments −), so an aged balance is a plain SUM(open_cents);
- re-importing the same export changes nothing; a newer one updates what changed.

Everything or nothing: one rejected line (from the parser or from the comparison)
refuses the whole import, and the plan lists every rejected line before anything is
written. Each applied import keeps what it changed (`import_changes`: the documents it
updated or settled, with their fields before, and the customers it created; the
documents it created carry its id in `documents.import_id`), so the last one can be
undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter, itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, null, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from desktop.domain.backups import REASON_IMPORT
from desktop.domain.customer import MAX_NAME_LENGTH, CustomerDraft
from desktop.domain.enums import (
    AuditAction,
    Country,
    CustomerStatus,
    DocumentKind,
    PaymentTermsBasis,
)
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.ledger import (
    ImportProblem,
    LedgerEntry,
    ParsedExport,
    RejectedLine,
)
from desktop.domain.terms import due_date
from desktop.persistence import audit, bulk
from desktop.persistence.models import (
    AuditEntry,
    Base,
    Customer,
    Document,
    ImportChange,
    ImportMapping,
    ImportRun,
)
from desktop.services.backups import BackupService
from desktop.services.context import ServiceContext
from desktop.services.customers import _apply as apply_customer_draft
from desktop.services.imports.sniff import ImportCancelled, gc_paused

__all__ = [
    "ChangeAction",
    "DocumentState",
    "FieldChange",
    "ImportCancelled",
    "ImportOptions",
    "ImportPlan",
    "ImportRecord",
    "ImportRejected",
    "ImportResult",
    "ImportService",
    "ImportUndoRefused",
    "PlannedChange",
    "PlannedCustomer",
    "PlannedDocument",
    "SavedMapping",
    "SettleReason",
    "UndoProblem",
]

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

CHUNK = 5000  # rows written between two progress reports / cancellation checks
IN_CHUNK = 500  # ids in one IN (...) list
NO_MAPPING_DETAIL = "aucune correspondance de colonnes"

# Column sizes of the schema: longer numbers and codes are refused, matching codes cut.
_NUMBER_MAX = Document.__table__.c.number.type.length  # type: ignore[attr-defined]
_CODE_MAX = Customer.__table__.c.account_code.type.length  # type: ignore[attr-defined]
_LETTER_MAX = Document.__table__.c.matching_code.type.length  # type: ignore[attr-defined]
_SOURCE_MAX = Document.__table__.c.import_source.type.length  # type: ignore[attr-defined]

# Kinds that come from the accounts: an expected instalment (from a payment schedule)
# is never in an export, so its absence from a complete export says nothing.
_ACCOUNTING_KINDS = frozenset(
    (DocumentKind.INVOICE.value, DocumentKind.CREDIT_NOTE.value, DocumentKind.PAYMENT.value)
)


class ChangeAction(StrEnum):
    """What an import did to one row; stored in import_changes.action."""

    CREATED = "created"
    UPDATED = "updated"
    SETTLED = "settled"
    CUSTOMER_CREATED = "customer_created"


class SettleReason(StrEnum):
    MATCHED = "matched"  # the export says it is settled (matched / open amount 0)
    VANISHED = "vanished"  # open here, absent from an export the user said is complete


class UndoProblem(StrEnum):
    """Why an import cannot be undone; the UI and the CLI word it in French."""

    NOTHING_TO_UNDO = "nothing_to_undo"
    NOT_FOUND = "not_found"
    ALREADY_UNDONE = "already_undone"
    NOT_LAST = "not_last"  # only the most recent import still in effect can be undone
    DOCUMENTS_IN_USE = "documents_in_use"  # a dispute, reminder… refers to a created document
    DOCUMENTS_CHANGED = "documents_changed"  # changed in the app since the import


class ImportRejected(Exception):
    """`apply` refused: the plan has rejected lines. Nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(f"{len(plan.rejected)} rejected line(s)")
        self.plan = plan
        self.rejected = plan.rejected


class ImportUndoRefused(Exception):
    """`undo` refused; `problem` says why, `detail` names what is in the way."""

    def __init__(self, problem: UndoProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}".rstrip(": "))
        self.problem = problem
        self.detail = detail


# --- Plain data ------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose in the wizard (or on the command line) for one import."""

    file_name: str
    source_format: str  # "fec", "csv", "xlsx"
    default_terms_days: int = 30  # for customers the import creates
    default_terms_basis: PaymentTermsBasis = PaymentTermsBasis.INVOICE_DATE
    complete: bool = False  # the export lists every open item of its customers
    mapping_name: str = ""


@dataclass(frozen=True, slots=True)
class PlannedCustomer:
    """A customer the import will create (its account code was not found)."""

    code: str
    name: str
    line_no: int
    id: int  # the id it will get (tentative in a dry run)


@dataclass(frozen=True, slots=True)
class PlannedDocument:
    """A document the import will create; amounts signed as stored."""

    entry: LedgerEntry
    id: int  # the id it will get (tentative in a dry run)
    customer_id: int  # tentative too when the customer is created by the same import
    due_on: date
    total_cents: int
    open_cents: int
    corrects_id: int | None

    @property
    def line_no(self) -> int:
        return self.entry.line_no

    @property
    def customer_code(self) -> str:
        return self.entry.customer_code

    @property
    def kind(self) -> DocumentKind:
        return self.entry.kind

    @property
    def number(self) -> str:
        return self.entry.number

    @property
    def issued_on(self) -> date:
        return self.entry.issued_on


@dataclass(frozen=True, slots=True)
class DocumentState:
    """The fields of a document an import compares and may change (amounts signed)."""

    issued_on: date
    due_on: date
    total_cents: int
    open_cents: int
    settled_on: date | None
    label: str
    matching_code: str
    corrects_id: int | None


_STATE_FIELDS = DocumentState.__slots__  # type: ignore[attr-defined]
# Each field's slot setter, in the order of PlannedDocument's fields (see _compute).
_PLANNED_DOCUMENT_SETTERS = tuple(
    getattr(PlannedDocument, f.name).__set__ for f in fields(PlannedDocument)
)
_KIND_OF = attrgetter("kind")
_DEFAULT_BASIS = PaymentTermsBasis.INVOICE_DATE


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # a DocumentState field: total_cents, open_cents, due_on, issued_on…
    before: object
    after: object


@dataclass(frozen=True, slots=True)
class PlannedChange:
    """An existing document the import will update or settle."""

    document_id: int
    customer_code: str
    kind: DocumentKind
    number: str
    line_no: int  # 0 when the document vanished from a complete export
    before: DocumentState
    after: DocumentState
    reason: SettleReason | None = None  # None: an update that does not settle

    @property
    def changes(self) -> tuple[FieldChange, ...]:
        return tuple(
            FieldChange(name, getattr(self.before, name), getattr(self.after, name))
            for name in _STATE_FIELDS
            if getattr(self.before, name) != getattr(self.after, name)
        )


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do, computed without writing anything."""

    options: ImportOptions
    source_format: str
    encoding: str
    line_count: int
    customers_to_create: tuple[PlannedCustomer, ...] = ()
    to_create: tuple[PlannedDocument, ...] = ()
    to_update: tuple[PlannedChange, ...] = ()
    to_settle: tuple[PlannedChange, ...] = ()  # matched in the export, or vanished
    unchanged: int = 0
    rejected: tuple[RejectedLine, ...] = ()
    # What the plan was computed from, so that `apply` can reuse it (see there).
    _basis: _Basis | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """All or nothing: one rejected line refuses the whole import."""
        return not self.rejected

    @property
    def has_changes(self) -> bool:
        return bool(self.customers_to_create or self.to_create or self.to_update or self.to_settle)


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    created: int
    updated: int
    settled: int
    unchanged: int
    customers_created: int


@dataclass(frozen=True)
class ImportRecord:
    """One line of the import history."""

    id: int
    started_at: datetime
    actor: str
    file_name: str
    source_format: str
    mapping_name: str
    complete: bool
    created: int
    updated: int
    settled: int
    unchanged: int
    customers_created: int
    undone_at: datetime | None
    can_undo: bool  # the most recent import still in effect

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class SavedMapping:
    name: str
    source_kind: str  # "csv", "xlsx"
    mapping_json: str
    updated_at: datetime


# --- Internal --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Basis:
    parsed: ParsedExport  # held, so that identity means the same export
    today: date
    token: tuple[Any, ...]  # see _state_token
    existing: _Existing


@dataclass
class _Existing:
    """What the data file holds, loaded once per plan."""

    customers_by_code: dict[str, tuple[int, int, str]]  # code -> (id, days, basis)
    customer_label: dict[int, str]  # id -> account code, else name (for messages)
    # (kind, number), or for a payment (kind, number, customer_id) -> _DOC_COLUMNS row
    documents: dict[tuple[Any, ...], tuple[Any, ...]]
    next_customer_id: int
    next_document_id: int


_DOC_COLUMNS = tuple(
    Document.__table__.c[name]  # Core columns: plain rows, no ORM loading
    for name in (
        "id",
        "customer_id",
        "kind",
        "number",
        "issued_on",  # 4: the DocumentState fields, in their order
        "due_on",
        "total_cents",
        "open_cents",
        "settled_on",
        "label",
        "matching_code",
        "corrects_id",  # 11
        "import_source",
        "import_id",
        "updated_at",
    )
)
# Restored on undo: the compared fields plus the bookkeeping ones.
_RESTORED = (*_STATE_FIELDS, "import_source", "import_id", "updated_at")
_DATE_FIELDS = frozenset(("issued_on", "due_on", "settled_on"))


_PAYMENT = DocumentKind.PAYMENT.value


def _document_key(kind: str, number: str, customer_id: int) -> tuple[Any, ...]:
    """How the import identifies a document: a payment's number (a remittance) may be
    shared by several customers, an invoice's or credit note's may not."""
    if kind == _PAYMENT:
        return (kind, number, customer_id)
    return (kind, number)


def _state(row: tuple[Any, ...]) -> DocumentState:
    return DocumentState(row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11])


def _before_json(state: DocumentState, row: tuple[Any, ...]) -> str:
    values: dict[str, object] = {name: getattr(state, name) for name in _STATE_FIELDS}
    values["import_source"] = row[12]
    values["import_id"] = row[13]
    values["updated_at"] = row[14]
    return json.dumps(
        {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _restored(before_json: str) -> dict[str, object]:
    raw = json.loads(before_json)
    values: dict[str, object] = {}
    for name in _RESTORED:
        value = raw.get(name)
        if value is not None and name in _DATE_FIELDS:
            value = date.fromisoformat(value)
        elif value is not None and name == "updated_at":
            value = datetime.fromisoformat(value)
        values[name] = value
    return values


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Steps:
    """Progress over a known amount of work; checks cancellation at each step."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.total = 1
        self.done = 0

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled()

    def advance(self, amount: int) -> None:
        self.done += amount
        if self._progress is not None:
            self._progress(min(1.0, self.done / max(1, self.total)))
        self.check()


def _references_to(table_name: str) -> list[tuple[Any, Any]]:
    """(table, column) of every foreign key in the model that points at `table_name`."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == table_name:
                found.append((table, fk.parent))
    return found


_DOC_INSERT = (
    "id",
    "customer_id",
    "kind",
    "number",
    "issued_on",
    "due_on",
    "total_cents",
    "vat_cents",
    "open_cents",
    "settled_on",
    "corrects_id",
    "label",
    "import_source",
    "matching_code",
    "import_id",
    "created_at",
    "updated_at",
)
_CHANGE_INSERT = ("import_id", "document_id", "customer_id", "action", "before_json")


class _BulkInsert:
    """INSERT of many rows given as tuples, compiled once by the connection's dialect.

    `persistence.bulk.insert_rows` runs each row through SQLAlchemy's per-row parameter
    processing, which costs more than SQLite's own work for a few hundred thousand
    documents. Here the Core statement is compiled once, each column's bind processor
    (date -> text on SQLite…) is taken from the dialect and cached per distinct value,
    and the rows go to the driver's executemany as they are: same SQL, same types, any
    dialect. Every column of `columns` must be given (no Python-side defaults here).

    A column that is None in every row of a batch is written as NULL in the statement
    instead of being bound: the sqlite3 driver looks for an adapter for every None it
    binds, which made a third of the time of the documents' executemany (vat_cents,
    corrects_id, settled_on of open documents).

    A caller that builds many rows can also convert as it goes, with `bind_values(name)`
    (a dict from value to bound value, filled once per distinct value), and pass
    `prepared=True`: the rows are then handed over without being transposed twice.
    """

    def __init__(self, connection: Any, table: Any, columns: Sequence[str]) -> None:
        self._connection = connection
        self._table = table
        self._columns = tuple(columns)
        self._nullable = [i for i, name in enumerate(self._columns) if table.c[name].nullable]
        self._dialect = connection.dialect
        # the positions of the all-None columns -> (sql, positional, names, pick, convert)
        self._statements: dict[tuple[int, ...], tuple[Any, ...]] = {}
        self._processors: dict[str, Callable[[Sequence[Any]], Sequence[Any]]] = {}
        self._bind_values: dict[str, _BindValues] = {}

    def _statement(self, nulls: tuple[int, ...]) -> tuple[Any, ...]:
        found = self._statements.get(nulls)
        if found is not None:
            return found
        dialect = self._dialect
        table = self._table
        null_names = {self._columns[i] for i in nulls}
        bound = [name for name in self._columns if name not in null_names]
        statement = insert(table).values({name: null() for name in null_names})
        compiled = statement.compile(dialect=dialect, column_keys=bound)
        order = list(compiled.positiontup) if compiled.positional else list(bound)
        if sorted(order) != sorted(bound):
            raise ValueError(f"{table.name}: every column must be given ({order})")
        convert: list[tuple[int, Callable[[Sequence[Any]], Sequence[Any]]]] = []
        for position, name in enumerate(order):
            processor = self._processors.get(name)
            if processor is None:
                raw = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                if raw is None:
                    continue
                processor = self._processors[name] = _memoised(raw)
            convert.append((position, processor))
        found = (
            str(compiled),
            bool(compiled.positional),
            order,
            [self._columns.index(name) for name in order],
            convert,
        )
        self._statements[nulls] = found
        return found

    def bind_values(self, name: str) -> dict[Any, Any]:
        """Values of column `name` -> what the driver is given for them (see the class)."""
        found = self._bind_values.get(name)
        if found is None:
            table = self._table
            processor = table.c[name].type.dialect_impl(self._dialect).bind_processor(self._dialect)
            found = self._bind_values[name] = _BindValues(processor)
        return found

    def execute(self, rows: Sequence[Sequence[Any]], *, prepared: bool = False) -> None:
        """Insert `rows`, tuples in the order of `columns`; with `prepared`, every value
        of a column that has a bind processor went through `bind_values` already."""
        if not rows:
            return
        size = len(rows)
        if prepared:
            nulls = tuple(
                i for i in self._nullable if list(map(itemgetter(i), rows)).count(None) == size
            )
            sql, positional, names, pick, _ = self._statement(nulls)
            if positional and len(pick) > 1:
                if pick != list(range(len(self._columns))):
                    rows = list(map(itemgetter(*pick), rows))
                self._connection.exec_driver_sql(sql, list(rows))  # a list: executemany
                return
        # Column by column: the conversions run over each column's distinct values only,
        # and transposing (zip) is done in C.
        given = list(zip(*rows, strict=True))
        nulls = tuple(i for i in self._nullable if given[i].count(None) == size)
        sql, positional, names, pick, convert = self._statement(nulls)
        if prepared:
            convert = []
        columns: list[Any] = [given[i] for i in pick]  # in the statement's order
        for position, processor in convert:
            columns[position] = processor(columns[position])
        if positional:
            params: list[Any] = list(zip(*columns, strict=True))
        else:
            params = [
                dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)
            ]
        self._connection.exec_driver_sql(sql, params)


class _BindValues(dict[Any, Any]):
    """value -> the dialect's bind processor applied to it (the value itself when the
    column has none), computed at the first lookup of each value."""

    def __init__(self, processor: Callable[[Any], Any] | None) -> None:
        super().__init__()
        self._processor = processor

    def __missing__(self, value: Any) -> Any:
        bound = value if self._processor is None or value is None else self._processor(value)
        self[value] = bound
        return bound


def _memoised(function: Callable[[Any], Any]) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """`function` over a column, with a cache: an import has few distinct dates for many
    rows."""
    cache: dict[Any, Any] = {}

    def column(values: Sequence[Any]) -> Sequence[Any]:
        try:
            for value in set(values).difference(cache):
                cache[value] = function(value)
        except TypeError:  # unhashable
            return [function(value) for value in values]
        return list(map(cache.__getitem__, values))

    return column


# --- The service -----------------------------------------------------------------------


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- reading a file ----------------------------------------------------------------

    def read_file(
        self,
        path: Path,
        fmt: str = "auto",
        mapping_json: str | None = None,
        sheet: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        mapping_name: str | None = None,
    ) -> ParsedExport:
        """Parse `path` with the right parser; never raises on bad content.

        `fmt` "auto" detects FEC / CSV / Excel. CSV and Excel need a column mapping:
        `mapping_json`, else the mapping saved as `mapping_name`, else one guessed from
        the header; without any, the result is one MISSING_COLUMN rejected line. Raises
        ImportCancelled when `cancelled()` turns true.
        """
        # The parsers load lazily: opening a file must not pay for csv/decimal/openpyxl.
        from desktop.services.imports import sniff

        path = Path(path)
        if fmt == "auto":
            fmt = sniff.detect_format(path)
        if fmt == "fec":
            from desktop.services.imports import fec

            return fec.parse_fec(path, progress=progress, cancelled=cancelled)
        if fmt not in ("csv", "xlsx"):
            raise ValueError(f"unknown import format: {fmt!r}")
        from desktop.services.imports import tabular

        def refused(detail: str) -> ParsedExport:
            return ParsedExport(
                fmt, "", 0, rejected=(RejectedLine(0, ImportProblem.MISSING_COLUMN, detail),)
            )

        if mapping_json is None and mapping_name:
            mapping_json = self.mapping(mapping_name)
            if mapping_json is None:
                return refused(f"correspondance « {mapping_name} » introuvable")
        if mapping_json is not None:
            try:
                mapping = tabular.ColumnMapping.from_json(mapping_json)
            except ValueError as exc:
                return refused(f"correspondance illisible : {exc}")
        else:
            preview = tabular.preview_table(path, sheet=sheet, rows=20)
            mapping = tabular.guess_mapping(preview.columns)
            if mapping is None:
                return refused(NO_MAPPING_DETAIL)
        return tabular.parse_table(
            path, mapping, sheet=sheet, progress=progress, cancelled=cancelled
        )

    # --- dry run -----------------------------------------------------------------------

    def plan(self, parsed: ParsedExport, options: ImportOptions) -> ImportPlan:
        """What `apply` would do with this export, computed without writing anything.

        Lists the customers and documents to create, the documents to update (with each
        changed field) or to settle, how many are unchanged, and every rejected line —
        the parser's and the comparison's (a number held by another customer). Ids in
        the plan are tentative. Hand the plan to `apply` to spare it a second comparison.
        """
        with self._ctx.database.read() as session, gc_paused():
            plan, existing = self._compute(session, parsed, options, None)
            basis = _Basis(parsed, self._ctx.clock.today(), _state_token(session), existing)
        return replace(plan, _basis=basis)

    # --- apply -------------------------------------------------------------------------

    def apply(
        self,
        parsed: ParsedExport,
        options: ImportOptions,
        *,
        plan: ImportPlan | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Write the export into the data file, all or nothing, in one transaction.

        Plans again inside the transaction — unless `plan` is the dry run of this very
        `parsed` export with these options, made today, and the documents, customers and
        imports of the file are still as they were then (same counts, highest ids, last
        change times and amount totals). Raises ImportRejected (with the plan), writing
        nothing, when any line is rejected.

        Records the import, one import_changes row per document updated or settled
        (with its fields before, for undo) and per customer created, and an audit row;
        the documents it creates are known by their import_id. Reports `progress(fraction)` while
        writing; raises ImportCancelled, writing nothing, when `cancelled()` turns true.
        """
        steps = _Steps(progress, cancelled)
        steps.check()
        if self._ctx.database.path is not None:  # a copy to go back to, whatever happens
            BackupService(self._ctx).auto_backup(REASON_IMPORT)
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        # The cyclic collector would walk every entry of the export again and again while
        # hundreds of thousands of plan items and rows are built (none of them cyclic).
        with self._ctx.database.transaction() as session, gc_paused():
            basis = plan._basis if plan is not None else None
            if (
                plan is None
                or basis is None
                or basis.parsed is not parsed
                or plan.options != options
                or basis.today != self._ctx.clock.today()
                or basis.token != _state_token(session)
            ):
                plan, existing = self._compute(session, parsed, options, steps)
            else:
                existing = basis.existing
            if not plan.ok:
                raise ImportRejected(plan)
            steps.total = (
                2 * len(plan.to_create)
                + 2 * (len(plan.to_update) + len(plan.to_settle))
                + 2 * len(plan.customers_to_create)
                + 1
            )
            steps.done = 0
            run = ImportRun(
                started_at=now,
                actor=actor,
                file_name=options.file_name[:255],
                source_format=options.source_format,
                mapping_name=options.mapping_name[:100],
                complete=options.complete,
                created_count=len(plan.to_create),
                updated_count=len(plan.to_update),
                settled_count=len(plan.to_settle),
                unchanged_count=plan.unchanged,
                customers_created_count=len(plan.customers_to_create),
            )
            session.add(run)
            session.flush()
            self._write(session, plan, existing, run.id, now, actor, steps)
            audit.record(
                session,
                at=now,
                actor=actor,
                action=AuditAction.CREATE,
                entity="import",
                entity_id=run.id,
                summary=options.file_name,
                changes={
                    "created": (0, len(plan.to_create)),
                    "updated": (0, len(plan.to_update)),
                    "settled": (0, len(plan.to_settle)),
                    "customers_created": (0, len(plan.customers_to_create)),
                },
            )
            steps.check()
            result = ImportResult(
                import_id=run.id,
                created=len(plan.to_create),
                updated=len(plan.to_update),
                settled=len(plan.to_settle),
                unchanged=plan.unchanged,
                customers_created=len(plan.customers_to_create),
            )
        if progress is not None:
            progress(1.0)
        return result

    # --- history and undo --------------------------------------------------------------

    def history(self, limit: int = 20) -> list[ImportRecord]:
        """The most recent imports first, undone ones included (marked)."""
        with self._ctx.database.read() as session:
            runs = session.scalars(
                select(ImportRun).order_by(ImportRun.id.desc()).limit(limit)
            ).all()
            last = self._last_in_effect(session)
            return [_record(r, last) for r in runs]

    def undo_last(self) -> ImportRecord:
        """Undo the most recent import still in effect; see `undo`."""
        with self._ctx.database.transaction() as session:
            last = self._last_in_effect(session)
            if last is None:
                raise ImportUndoRefused(UndoProblem.NOTHING_TO_UNDO)
            run = session.get(ImportRun, last)
            assert run is not None
            return self._undo(session, run)

    def undo(self, import_id: int) -> ImportRecord:
        """Undo import `import_id`, in one transaction, if it is the last one in effect.

        Deletes the documents it created, restores the documents it updated or settled
        as they were before it, deletes the customers it created when nothing else
        refers to them any more, and marks the import undone. Refused (ImportUndoRefused,
        nothing changed) for an older import, or when a document it created is referred
        to (dispute, reminder, allocation…) or was changed in the app since.
        """
        with self._ctx.database.transaction() as session:
            run = session.get(ImportRun, import_id)
            if run is None:
                raise ImportUndoRefused(UndoProblem.NOT_FOUND, str(import_id))
            if run.undone_at is not None:
                raise ImportUndoRefused(UndoProblem.ALREADY_UNDONE, str(import_id))
            if self._last_in_effect(session) != run.id:
                raise ImportUndoRefused(UndoProblem.NOT_LAST, str(import_id))
            return self._undo(session, run)

    # --- column mappings ---------------------------------------------------------------

    def save_mapping(self, name: str, mapping_json: str, source_kind: str) -> SavedMapping:
        """Save (or replace) the column mapping called `name` for a CSV/Excel source."""
        name = name.strip()
        if not name:
            raise ValidationError([FieldError("name", ErrorCode.REQUIRED)])
        if len(name) > 100:
            raise ValidationError([FieldError("name", ErrorCode.TOO_LONG, {"max": "100"})])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
            created = row is None
            before = (
                {} if row is None else {"source_kind": row.source_kind, "mapping": row.mapping_json}
            )
            if row is None:
                row = ImportMapping(name=name, created_at=now)
                session.add(row)
            row.source_kind = source_kind
            row.mapping_json = mapping_json
            row.updated_at = now
            session.flush()
            changes = audit.diff(before, {"source_kind": source_kind, "mapping": mapping_json})
            if created or changes:
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.CREATE if created else AuditAction.UPDATE,
                    entity="import_mapping",
                    entity_id=row.id,
                    summary=name,
                    changes=changes,
                )
            return SavedMapping(name, source_kind, mapping_json, now)

    def mappings(self) -> list[SavedMapping]:
        """Every saved column mapping, by name."""
        with self._ctx.database.read() as session:
            rows = session.scalars(select(ImportMapping).order_by(ImportMapping.name)).all()
            return [SavedMapping(r.name, r.source_kind, r.mapping_json, r.updated_at) for r in rows]

    def mapping(self, name: str) -> str | None:
        """The JSON of the mapping saved as `name`, or None."""
        with self._ctx.database.read() as session:
            return session.scalars(
                select(ImportMapping.mapping_json).where(ImportMapping.name == name.strip())
            ).first()

    def delete_mapping(self, name: str) -> bool:
        """Forget the mapping called `name`; False when there was none."""
        with self._ctx.database.transaction() as session:
            row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
            if row is not None:
                audit.record(
                    session,
                    at=self._ctx.clock.now(),
                    actor=self._ctx.actor(),
                    action=AuditAction.DELETE,
                    entity="import_mapping",
                    entity_id=row.id,
                    summary=name,
                )
            result = session.execute(delete(ImportMapping).where(ImportMapping.name == name))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    # --- planning ----------------------------------------------------------------------

    def _load(self, session: Session) -> _Existing:
        by_code: dict[str, tuple[int, int, str]] = {}
        label: dict[int, str] = {}
        for cid, code, name, days, basis in session.execute(
            select(
                Customer.id,
                Customer.account_code,
                Customer.legal_name,
                Customer.payment_terms_days,
                Customer.payment_terms_basis,
            )
        ):
            label[cid] = code or name
            if code:
                by_code[code] = (cid, days, basis)
        documents = {
            ((kind, number, row[1]) if kind == _PAYMENT else (kind, number)): tuple(row)
            for row in session.connection().execute(select(*_DOC_COLUMNS))
            for kind, number in ((row[2], row[3]),)
        }
        return _Existing(
            customers_by_code=by_code,
            customer_label=label,
            documents=documents,
            next_customer_id=bulk.next_id(session, Customer),
            next_document_id=bulk.next_id(session, Document),
        )

    def _compute(
        self,
        session: Session,
        parsed: ParsedExport,
        options: ImportOptions,
        steps: _Steps | None,
    ) -> tuple[ImportPlan, _Existing]:
        today = self._ctx.clock.today()
        existing = self._load(session)
        if steps is not None:
            steps.check()
        documents = existing.documents
        by_code = existing.customers_by_code
        bases = {b.value: b for b in PaymentTermsBasis}
        default_terms = (options.default_terms_days, PaymentTermsBasis(options.default_terms_basis))
        signs = {kind: kind.sign for kind in DocumentKind}
        due_dates: dict[tuple[date, int, PaymentTermsBasis], date] = {}
        invoice = DocumentKind.INVOICE
        credit_note = DocumentKind.CREDIT_NOTE

        rejected: list[RejectedLine] = list(parsed.rejected)
        new_customers: dict[str, PlannedCustomer] = {}
        customer_of: dict[str, tuple[int, tuple[int, PaymentTermsBasis]]] = {}
        next_customer_id = existing.next_customer_id
        # Invoices take the lowest new ids, the other kinds the ids after them: written in
        # id order, invoices come first (a credit note may refer to one) and the table
        # only grows at its end. Ids left unused (existing documents) are harmless.
        next_invoice_id = existing.next_document_id
        next_document_id = next_invoice_id + list(map(_KIND_OF, parsed.entries)).count(invoice)
        # DocumentKind is a StrEnum: (entry.kind, number) and the stored ("invoice", number)
        # are the same dict key. A payment is seen per customer code, found per id.
        payment = DocumentKind.PAYMENT
        seen: dict[tuple[str, ...], LedgerEntry] = {}
        matched: set[int] = set()  # ids of the existing documents the export lists
        present_customers: set[int] = set()
        to_create: list[PlannedDocument] = []
        to_update: list[PlannedChange] = []
        to_settle: list[PlannedChange] = []
        # Credit notes naming the invoice they correct: linked once every id is known.
        links: list[tuple[list[Any], int, LedgerEntry]] = []
        unchanged = 0
        new_planned = object.__new__
        (
            set_entry,
            set_id,
            set_customer_id,
            set_due_on,
            set_total,
            set_open,
            set_corrects_id,
        ) = _PLANNED_DOCUMENT_SETTERS

        for n, entry in enumerate(parsed.entries):
            if steps is not None and n % 50_000 == 49_999:
                steps.check()
            number = entry.number
            if not (
                0 <= entry.open_cents <= entry.total_cents
                and 0 < len(number) <= _NUMBER_MAX
                and 0 < len(entry.customer_code) <= _CODE_MAX
            ):
                problem = _entry_problem(entry)
                if problem is not None:
                    rejected.append(problem)
                    continue
            kind = entry.kind
            code = entry.customer_code
            key: tuple[Any, ...] = (kind, number, code) if kind is payment else (kind, number)
            first = seen.get(key)
            if first is not None:
                problem = _duplicate_problem(first, entry)
                if problem is not None:
                    rejected.append(problem)
                continue  # the same document twice: once is enough
            seen[key] = entry

            found = customer_of.get(code)
            if found is None:
                known = by_code.get(code)
                if known is not None:
                    found = (known[0], (known[1], bases.get(known[2], _DEFAULT_BASIS)))
                    present_customers.add(known[0])
                else:
                    planned = PlannedCustomer(
                        code=code,
                        name=(entry.customer_name.strip() or code)[:MAX_NAME_LENGTH],
                        line_no=entry.line_no,
                        id=next_customer_id,
                    )
                    next_customer_id += 1
                    new_customers[code] = planned
                    found = (planned.id, default_terms)
                customer_of[code] = found
            customer_id, terms = found

            sign = signs[kind]
            total = sign * entry.total_cents
            open_ = sign * entry.open_cents
            # (A first import into an empty file looks nothing up.)
            row = (
                documents.get((kind, number, customer_id) if kind is payment else key)
                if documents
                else None
            )
            if row is None:
                due_on = entry.due_on
                if due_on is None:
                    due_key = (entry.issued_on, terms)
                    due_on = due_dates.get(due_key)
                    if due_on is None:
                        due_on = due_dates[due_key] = due_date(entry.issued_on, *terms)
                if kind is invoice:
                    doc_id = next_invoice_id
                    next_invoice_id += 1
                else:
                    doc_id = next_document_id
                    next_document_id += 1
                # PlannedDocument(entry, doc_id, customer_id, due_on, total, open_, None),
                # without the frozen dataclass's object.__setattr__ per field: 2× cheaper.
                planned_doc = new_planned(PlannedDocument)
                set_entry(planned_doc, entry)
                set_id(planned_doc, doc_id)
                set_customer_id(planned_doc, customer_id)
                set_due_on(planned_doc, due_on)
                set_total(planned_doc, total)
                set_open(planned_doc, open_)
                set_corrects_id(planned_doc, None)
                if entry.corrects_number and kind is credit_note:
                    links.append((to_create, len(to_create), entry))
                to_create.append(planned_doc)
                continue

            matched.add(row[0])
            if row[1] != customer_id:
                rejected.append(
                    RejectedLine(
                        entry.line_no,
                        ImportProblem.CONFLICTING_CUSTOMERS,
                        f"{number} : {existing.customer_label.get(row[1], '?')} / {code}",
                    )
                )
                continue
            # Compared as plain tuples first: most documents of a re-import are unchanged.
            issued_on, old_due, _, old_open, old_settled, old_label, old_letter, corrects_id = (
                stored := row[4:12]
            )
            if entry.due_on is not None:
                due_on = entry.due_on
            elif entry.issued_on == issued_on:
                due_on = old_due  # derived once; a later change of terms keeps it
            else:
                due_on = due_date(entry.issued_on, *terms)
            letter = entry.matching_code[:_LETTER_MAX]
            if not letter and open_ == 0:
                letter = old_letter
            if open_ == 0:
                settled_on = old_settled if old_open == 0 else today
            else:
                settled_on = None
            values = (
                entry.issued_on,
                due_on,
                total,
                open_,
                settled_on,
                entry.label or old_label,
                letter,
                corrects_id,
            )
            link = bool(entry.corrects_number) and kind is credit_note
            if values == stored and not link:
                unchanged += 1
                continue
            settles = old_open != 0 and open_ == 0
            target = to_settle if settles else to_update
            if link:
                links.append((target, len(target), entry))
            target.append(
                PlannedChange(
                    document_id=row[0],
                    customer_code=code,
                    kind=kind,
                    number=number,
                    line_no=entry.line_no,
                    before=DocumentState(*stored),
                    after=DocumentState(*values),
                    reason=SettleReason.MATCHED if settles else None,
                )
            )

        # The invoice a credit note corrects, when the export names a known one.
        new_invoice_ids = (
            {d.entry.number: d.id for d in to_create if d.entry.kind is invoice} if links else {}
        )
        dropped: list[tuple[list[Any], int]] = []
        for target, index, entry in links:
            row = documents.get((invoice, entry.corrects_number))
            invoice_id = row[0] if row is not None else new_invoice_ids.get(entry.corrects_number)
            item = target[index]
            if isinstance(item, PlannedDocument):
                target[index] = replace(item, corrects_id=invoice_id)
            elif invoice_id is not None and invoice_id != item.before.corrects_id:
                target[index] = replace(item, after=replace(item.after, corrects_id=invoice_id))
            elif item.after == item.before:
                dropped.append((target, index))
        for target, index in sorted(dropped, key=lambda d: d[1], reverse=True):
            del target[index]
            unchanged += 1

        # A complete export settles what it no longer lists.
        if options.complete and present_customers:
            code_of = existing.customer_label
            for row in documents.values():
                if (
                    row[7] != 0
                    and row[1] in present_customers
                    and row[0] not in matched
                    and row[2] in _ACCOUNTING_KINDS
                ):
                    before = _state(row)
                    to_settle.append(
                        PlannedChange(
                            document_id=row[0],
                            customer_code=code_of.get(row[1], ""),
                            kind=DocumentKind(row[2]),
                            number=row[3],
                            line_no=0,
                            before=before,
                            after=replace(before, open_cents=0, settled_on=today),
                            reason=SettleReason.VANISHED,
                        )
                    )
        rejected.sort(key=lambda r: r.line_no)
        plan = ImportPlan(
            options=options,
            source_format=parsed.source_format,
            encoding=parsed.encoding,
            line_count=parsed.line_count,
            customers_to_create=tuple(new_customers.values()),
            to_create=tuple(to_create),
            to_update=tuple(to_update),
            to_settle=tuple(to_settle),
            unchanged=unchanged,
            rejected=tuple(rejected),
        )
        return plan, existing

    # --- writing -----------------------------------------------------------------------

    def _write(
        self,
        session: Session,
        plan: ImportPlan,
        existing: _Existing,
        import_id: int,
        now: datetime,
        actor: str,
        steps: _Steps,
    ) -> None:
        today = self._ctx.clock.today()
        source = plan.options.file_name[:_SOURCE_MAX]
        # (import_id, document_id, customer_id, action, before_json), as _CHANGE_INSERT
        changes: list[tuple[object, ...]] = []

        # Customers first: the new documents refer to them.
        if plan.customers_to_create:
            days = plan.options.default_terms_days
            basis = PaymentTermsBasis(plan.options.default_terms_basis)
            columns = {a.key: a.columns[0].key for a in sa_inspect(Customer).column_attrs}
            customer_rows: list[dict[str, object]] = []
            audit_rows: list[dict[str, object]] = []
            for planned in plan.customers_to_create:
                # The customer service's own filling (search and sort keys included), on
                # a plain object: instrumented ORM attributes cost more than the insert.
                customer = SimpleNamespace()
                apply_customer_draft(
                    customer,  # type: ignore[arg-type]
                    CustomerDraft(
                        legal_name=planned.name,
                        status=CustomerStatus.ACTIVE,
                        country=Country.FRANCE,
                        account_code=planned.code,
                        payment_terms_days=days,
                        payment_terms_basis=basis,
                    ),
                )
                values = {columns[k]: v for k, v in vars(customer).items() if k in columns}
                values.update(id=planned.id, created_at=now, updated_at=now)
                customer_rows.append(values)
                audit_rows.append(
                    {
                        "at": now,
                        "actor": actor,
                        "action": AuditAction.CREATE.value,
                        "entity": "customer",
                        "entity_id": planned.id,
                        "summary": planned.name,
                        "changes_json": "{}",
                    }
                )
                changes.append(
                    (import_id, None, planned.id, ChangeAction.CUSTOMER_CREATED.value, "")
                )
            bulk.insert_rows(session, Customer, customer_rows)
            bulk.insert_rows(session, AuditEntry, audit_rows)
            steps.advance(2 * len(customer_rows))

        # New documents, invoices first: a credit note may refer to one of them.
        connection = session.connection()
        created = sorted(plan.to_create, key=attrgetter("id"))  # invoices first, see _compute
        documents = _BulkInsert(connection, Document.__table__, _DOC_INSERT)
        kinds = {kind: kind.value for kind in DocumentKind}
        # Dates as the driver takes them, converted once per distinct date.
        issued_on = documents.bind_values("issued_on")
        due_on = documents.bind_values("due_on")
        settled_today = documents.bind_values("settled_on")[today]
        created_at = documents.bind_values("created_at")[now]
        updated_at = documents.bind_values("updated_at")[now]
        # A large import into a small table: its indexes are rebuilt once, after.
        with bulk.indexes_deferred(connection, Document, len(created)):
            for chunk in _chunks(created, CHUNK):
                documents.execute(
                    [
                        (
                            d.id,
                            d.customer_id,
                            kinds[(e := d.entry).kind],
                            e.number,
                            issued_on[e.issued_on],
                            due_on[d.due_on],
                            d.total_cents,
                            None,
                            d.open_cents,
                            settled_today if d.open_cents == 0 else None,
                            d.corrects_id,
                            e.label,
                            source,
                            e.matching_code[:_LETTER_MAX],
                            import_id,
                            created_at,
                            updated_at,
                        )
                        for d in chunk
                    ],
                    prepared=True,
                )
                steps.advance(len(chunk))
        # No import_changes row per created document: they are the documents whose
        # import_id is this import, less those it updated or settled (see _undo).

        # Updated and settled documents, by primary key.
        table = Document.__table__
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values(
                {
                    name: bindparam(f"_{name}")
                    for name in (*_STATE_FIELDS, "import_id", "updated_at")
                }
            )
        )
        # The stored rows of the changed documents, for their fields before the change.
        changed_ids = {c.document_id for c in plan.to_update}
        changed_ids.update(c.document_id for c in plan.to_settle)
        before_rows = (
            {row[0]: row for row in existing.documents.values() if row[0] in changed_ids}
            if changed_ids
            else {}
        )
        for change_action, planned_changes in (
            (ChangeAction.UPDATED, plan.to_update),
            (ChangeAction.SETTLED, plan.to_settle),
        ):
            for chunk in _chunks(planned_changes, CHUNK):
                params = []
                for change in chunk:
                    values = {f"_{name}": getattr(change.after, name) for name in _STATE_FIELDS}
                    values.update(_id=change.document_id, _import_id=import_id, _updated_at=now)
                    params.append(values)
                    row = before_rows[change.document_id]
                    changes.append(
                        (
                            import_id,
                            change.document_id,
                            None,
                            change_action.value,
                            _before_json(change.before, row),
                        )
                    )
                connection.execute(statement, params)
                steps.advance(len(chunk))

        change_rows = _BulkInsert(connection, ImportChange.__table__, _CHANGE_INSERT)
        for chunk in _chunks(changes, CHUNK):
            change_rows.execute(chunk)
            steps.advance(len(chunk))

    # --- undoing -----------------------------------------------------------------------

    @staticmethod
    def _last_in_effect(session: Session) -> int | None:
        return session.execute(
            select(func.max(ImportRun.id)).where(ImportRun.undone_at.is_(None))
        ).scalar()

    def _undo(self, session: Session, run: ImportRun) -> ImportRecord:
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        changes = ImportChange.__table__
        documents = Document.__table__

        def of_run(action: ChangeAction, column: Any) -> Any:
            return select(column).where(
                changes.c.import_id == run.id, changes.c.action == action.value
            )

        # The documents it created carry its id and have no updated/settled row (older
        # imports also wrote a "created" row per document; the ids are the same).
        changed = select(changes.c.document_id).where(
            changes.c.import_id == run.id,
            changes.c.action.in_((ChangeAction.UPDATED.value, ChangeAction.SETTLED.value)),
            changes.c.document_id.is_not(None),
        )
        created = select(documents.c.id).where(
            documents.c.import_id == run.id, documents.c.id.not_in(changed)
        )

        # Nothing else may refer to a document about to be deleted.
        for table, column in _references_to("documents"):
            if table is changes:
                continue
            condition = column.in_(created)
            if table is documents:  # a correction created by the same import goes too
                condition = condition & documents.c.id.not_in(created)
            used = session.execute(
                select(func.count()).select_from(table).where(condition)
            ).scalar()
            if used:
                raise ImportUndoRefused(UndoProblem.DOCUMENTS_IN_USE, table.name)
        # Nor may the documents it wrote have changed since (else the undo loses that).
        edited = session.execute(
            select(func.count())
            .select_from(documents)
            .where(documents.c.import_id == run.id, documents.c.updated_at != run.started_at)
        ).scalar()
        if edited:
            raise ImportUndoRefused(UndoProblem.DOCUMENTS_CHANGED, str(edited))

        # Updated and settled documents: back to what they were.
        restore = (
            update(documents)
            .where(documents.c.id == bindparam("_id"))
            .values({name: bindparam(f"_{name}") for name in _RESTORED})
        )
        rows = session.execute(
            select(changes.c.document_id, changes.c.before_json).where(
                changes.c.import_id == run.id,
                changes.c.action.in_((ChangeAction.UPDATED.value, ChangeAction.SETTLED.value)),
                changes.c.document_id.is_not(None),
            )
        ).all()
        connection = session.connection()
        for chunk in _chunks(rows, CHUNK):
            params = []
            for document_id, before in chunk:
                values = {f"_{k}": v for k, v in _restored(before).items()}
                values["_id"] = document_id
                params.append(values)
            connection.execute(restore, params)

        # Created documents: deleted. Restored documents no longer carry this import's
        # id; what still does was created by it.
        connection.execute(delete(documents).where(documents.c.import_id == run.id))

        # Created customers: deleted when nothing refers to them any more and nobody
        # edited them since (a user's corrections are not thrown away with the import).
        candidates = set(
            session.execute(
                select(Customer.__table__.c.id).where(
                    Customer.__table__.c.id.in_(
                        of_run(ChangeAction.CUSTOMER_CREATED, changes.c.customer_id)
                    ),
                    Customer.__table__.c.updated_at == run.started_at,
                )
            )
            .scalars()
            .all()
        )
        for table, column in _references_to("customers"):
            if table is changes or not candidates:
                continue
            for chunk in _chunks(sorted(candidates), IN_CHUNK):
                used = session.execute(select(column).where(column.in_(chunk)).distinct()).scalars()
                candidates.difference_update(used)
        removed = sorted(candidates)
        if removed:
            names: dict[int, str] = {}
            for chunk in _chunks(removed, IN_CHUNK):
                names.update(
                    session.execute(
                        select(Customer.id, Customer.legal_name).where(Customer.id.in_(chunk))
                    ).all()
                )
                connection.execute(delete(Customer.__table__).where(Customer.id.in_(chunk)))
            bulk.insert_rows(
                session,
                AuditEntry,
                [
                    {
                        "at": now,
                        "actor": actor,
                        "action": AuditAction.DELETE.value,
                        "entity": "customer",
                        "entity_id": cid,
                        "summary": names.get(cid, ""),
                        "changes_json": "{}",
                    }
                    for cid in removed
                ],
            )

        connection.execute(delete(changes).where(changes.c.import_id == run.id))
        run.undone_at = now
        audit.record(
            session,
            at=now,
            actor=actor,
            action=AuditAction.DELETE,
            entity="import",
            entity_id=run.id,
            summary=run.file_name,
            changes={"customers_deleted": (0, len(removed))},
        )
        session.flush()
        return _record(run, self._last_in_effect(session))


# --- Helpers ---------------------------------------------------------------------------


def _state_token(session: Session) -> tuple[Any, ...]:
    """What must not have moved for a dry-run plan to still hold: per table, the row
    count, the highest id, the last change, and for documents the amount totals."""
    d = Document.__table__.c
    c = Customer.__table__.c
    i = ImportRun.__table__.c
    return (
        tuple(
            session.execute(
                select(
                    func.count(),
                    func.max(d.id),
                    func.max(d.updated_at),
                    func.sum(d.open_cents),
                    func.sum(d.total_cents),
                )
            ).one()
        ),
        tuple(session.execute(select(func.count(), func.max(c.id), func.max(c.updated_at))).one()),
        tuple(session.execute(select(func.count(), func.max(i.id), func.max(i.undone_at))).one()),
    )


def _duplicate_problem(first: LedgerEntry, again: LedgerEntry) -> RejectedLine | None:
    """One (kind, number) twice in an export: fine when it is the same document."""
    if first.customer_code != again.customer_code:
        return RejectedLine(
            again.line_no,
            ImportProblem.CONFLICTING_CUSTOMERS,
            f"{again.number} : {first.customer_code} / {again.customer_code}",
        )
    if (first.total_cents, first.open_cents) != (again.total_cents, again.open_cents):
        return RejectedLine(
            again.line_no,
            ImportProblem.CONFLICTING_AMOUNTS,
            f"{again.number} : ligne {first.line_no}",
        )
    return None


def _entry_problem(entry: LedgerEntry) -> RejectedLine | None:
    """What the schema cannot hold, for entries the parser let through."""
    if not entry.number.strip():
        return RejectedLine(entry.line_no, ImportProblem.MISSING_VALUE, "numéro de pièce")
    if not entry.customer_code.strip():
        return RejectedLine(entry.line_no, ImportProblem.MISSING_VALUE, "code client")
    if len(entry.number) > _NUMBER_MAX:
        return RejectedLine(
            entry.line_no,
            ImportProblem.TOO_LARGE,
            f"numéro « {entry.number[:30]}… » : {_NUMBER_MAX} caractères au plus",
        )
    if len(entry.customer_code) > _CODE_MAX:
        return RejectedLine(
            entry.line_no,
            ImportProblem.TOO_LARGE,
            f"code client « {entry.customer_code[:30]}… » : {_CODE_MAX} caractères au plus",
        )
    if entry.total_cents < 0 or entry.open_cents < 0:
        return RejectedLine(
            entry.line_no, ImportProblem.BAD_AMOUNT, f"{entry.number} : montant négatif"
        )
    if entry.open_cents > entry.total_cents:
        return RejectedLine(entry.line_no, ImportProblem.OPEN_EXCEEDS_TOTAL, entry.number)
    return None


def _record(run: ImportRun, last_in_effect: int | None) -> ImportRecord:
    return ImportRecord(
        id=run.id,
        started_at=run.started_at,
        actor=run.actor,
        file_name=run.file_name,
        source_format=run.source_format,
        mapping_name=run.mapping_name,
        complete=run.complete,
        created=run.created_count,
        updated=run.updated_count,
        settled=run.settled_count,
        unchanged=run.unchanged_count,
        customers_created=run.customers_created_count,
        undone_at=run.undone_at,
        can_undo=run.undone_at is None and run.id == last_in_effect,
    )
