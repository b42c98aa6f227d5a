"""Where a person's name, e-mail and phone number sit as text in the file, and how they
are replaced: the machinery behind services.personal_data.

The tables and their text columns are read from the model's metadata, not listed by
hand, so a table added later is searched (and scrubbed) without anyone remembering to
add it here. Only the exceptions are listed: tables that are not about customers (the
user's own company and team), columns that name the customer company itself, and the
accounting records, which the law makes us keep as they are (they are searched for the
export, never rewritten).

A person is looked for through `Term`s: a regular expression that tolerates what people
type in notes (accents or not, any case, a curly apostrophe, "06.12.34.56.78" for
"06 12 34 56 78", "+33 6…") plus a rough LIKE pattern that SQL runs first, so Python
only reads the rows that may hold the person. Distinctive terms (full name, e-mail,
phone) are searched in the whole file; a first or last name alone only in the rows of
the person's customer, where it can only mean them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    Table,
    and_,
    case,
    false,
    func,
    null,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from desktop.domain.text import digits_only, fold
from desktop.persistence.models import AuditEntry, Base
from desktop.services.audit_trail import OWNED_KINDS

__all__ = [
    "ERASED",
    "Hit",
    "Place",
    "Term",
    "email_term",
    "find",
    "name_term",
    "phone_term",
    "places",
    "rewrite_value",
    "scrub",
]

ERASED = "[effacé]"

# Not about customers: the user's own company, their team, technical facts. A contact's
# row is deleted by the service, not rewritten.
SKIPPED_TABLES = frozenset({"app_meta", "company_settings", "users", "contacts"})
# Accounting records (Code de commerce L123-22: kept ten years): listed in an export,
# never rewritten by an erasure.
KEPT_TABLES = frozenset(
    {"documents", "payments", "payment_allocations", "imports", "import_changes"}
)
# Tables where only some text columns may hold a person: the others name the company
# itself (the customer, a company on the doubtful list) or a file on disk.
ONLY_COLUMNS: dict[str, frozenset[str]] = {
    "customers": frozenset({"notes", "email", "phone"}),
    "doubtful_companies": frozenset({"reason", "source_detail"}),
    "dispute_attachments": frozenset({"file_name"}),
}
# A column holding only an address or a number: a match of the whole value empties it
# (an e-mail field holding "[effacé]" would be sent mail).
WHOLE_VALUE_COLUMNS = frozenset({"email", "phone"})
# Contact details of a customer belong to that customer: another customer's, even equal
# to the person's (she may also buy in her own name), are neither listed nor rewritten.
OWN_CUSTOMER_ONLY = frozenset({("customers", "email"), ("customers", "phone")})
# Enumeration codes are stored in String(32): no person hides there.
CODE_LENGTH = 32
# The date shown beside a mention, the first column a table has.
DATE_COLUMNS = (
    "visit_date",
    "at",
    "reported_on",
    "done_on",
    "planned_on",
    "promised_for",
    "proposed_on",
    "issued_on",
    "received_on",
    "rated_on",
    "due_on",
    "added_at",
    "started_at",
    "created_at",
)

_LETTERS = {
    "a": "aàâäáãå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóòõ",
    "u": "uùûüú",
    "y": "yÿý",
}
_APOSTROPHES = "'\u2019\u2018\u02bc"
_HYPHENS = "-\u2010\u2011\u2013"
_HYPHEN_CLASS = re.escape(_HYPHENS)  # "-" escaped: inside [...] it would make a range
_PHONE_SEPARATORS = r"[\s.\-/]*"


@dataclass(frozen=True)
class Term:
    """One way a person is written: what to look for, and how."""

    text: str
    pattern: re.Pattern[str]
    rough: str  # LIKE pattern on lower(column): lets through every value that may match
    scoped: bool = False  # only in the rows of the person's customer


@dataclass(frozen=True)
class Place:
    """A table that may hold a person as text."""

    table: Table
    columns: tuple[Any, ...]  # its text columns searched
    when: ColumnElement[Any] | None  # the date of a row, when it has one
    kept: bool  # accounting records: listed, never rewritten

    @property
    def name(self) -> str:
        return str(self.table.name)


@dataclass(frozen=True)
class Hit:
    """One field of one row holding the person."""

    table: str
    column: str
    row_id: int
    on: date | None
    value: str  # the whole stored value
    kept: bool


# --- terms ------------------------------------------------------------------------------


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_term(text: str, *, scoped: bool = False, min_letters: int = 3) -> Term | None:
    """A name (or an address line) as people type it: accents, case, apostrophes and
    hyphens may differ; never inside a longer word ("Marie" is not in "Sainte-Marie").
    None when too short to mean anyone."""
    text = " ".join(text.split())
    if len(fold(text).replace(" ", "")) < min_letters:
        return None
    regex: list[str] = []
    rough: list[str] = []
    for char in text:
        base = fold(char)
        if char.isspace():
            regex.append(r"\s+")
            rough.append("%")
        elif char in _APOSTROPHES:
            regex.append(f"[{_APOSTROPHES}]")
            rough.append("_")
        elif char in _HYPHENS:
            regex.append(rf"[{_HYPHEN_CLASS}\s]")
            rough.append("_")
        elif base in _LETTERS:
            regex.append(f"[{_LETTERS[base]}]")
            rough.append("_")
        elif base in ("oe", "ae"):
            regex.append(f"(?:{re.escape(char)}|{base})")
            rough.append("%")
        elif char.isascii() and char.isalnum():
            regex.append(re.escape(char))
            rough.append(char.lower())
        else:
            regex.append(re.escape(char))
            rough.append("_" if char.isalpha() else _like_escaped(char))
    pattern = re.compile(
        rf"(?<![\w{_APOSTROPHES}{_HYPHEN_CLASS}])" + "".join(regex) + rf"(?![\w{_HYPHEN_CLASS}])",
        re.IGNORECASE,
    )
    return Term(text, pattern, "%" + "".join(rough) + "%", scoped)


def email_term(text: str) -> Term | None:
    """An e-mail address, in any case."""
    text = text.strip()
    if "@" not in text:
        return None
    pattern = re.compile(rf"(?<![\w.+\-]){re.escape(text)}(?![\w\-])", re.IGNORECASE)
    return Term(text, pattern, f"%{_like_escaped(text.lower())}%")


def phone_term(text: str) -> Term | None:
    """A phone number with any separators; a French or Belgian number also in its
    international form (+33 6…, 0033 6…, +33 (0)6…). None under 8 digits: too short
    to be told apart from other numbers."""
    raw = text.strip()
    digits = digits_only(raw)
    if len(digits) < 8:
        return None
    national = False  # written with its trunk 0: the international forms match too
    foreign = False  # another country's code: "+" or "00" may be left out
    if raw.startswith("+") or raw.startswith("00"):
        rest = digits[2:] if raw.startswith("00") else digits
        if rest[:2] in ("33", "32"):
            code, rest = rest[:2], rest[2:].removeprefix("0")
            national = True
        else:
            foreign = True
    elif digits.startswith("0"):
        code, rest = "3[23]", digits[1:]
        national = True
    else:
        rest = digits
    body = _PHONE_SEPARATORS.join(rest)
    if national:
        body = (
            rf"(?:(?:\+|00){_PHONE_SEPARATORS}{code}{_PHONE_SEPARATORS}"
            rf"(?:\(0\){_PHONE_SEPARATORS})?|0{_PHONE_SEPARATORS})" + body
        )
    elif foreign:
        body = rf"(?:(?:\+|00){_PHONE_SEPARATORS})?" + body
    pattern = re.compile(rf"(?<![\d+]){body}(?!\d)")
    return Term(raw, pattern, "%" + "%".join(rest) + "%")


def rewrite_value(value: str, terms: Iterable[Term], column: str = "") -> str:
    """`value` with every term replaced by ERASED; a column holding only an address or a
    number that matches as a whole becomes empty. JSON text (the audit trail's before/
    after) is rewritten value by value, so it stays valid JSON."""
    terms = list(terms)
    if column in WHOLE_VALUE_COLUMNS and any(t.pattern.fullmatch(value.strip()) for t in terms):
        return ""
    if column.endswith("_json"):
        try:
            data = json.loads(value)
        except ValueError:
            data = None
        if isinstance(data, dict | list):
            return json.dumps(_rewrite_json(data, terms), ensure_ascii=False)
    return _replace(value, terms)


def _replace(text: str, terms: list[Term]) -> str:
    for term in terms:
        text = term.pattern.sub(ERASED, text)
    return text


def _rewrite_json(data: Any, terms: list[Term]) -> Any:
    if isinstance(data, str):
        return _replace(data, terms)
    if isinstance(data, list):
        return [_rewrite_json(item, terms) for item in data]
    if isinstance(data, dict):
        return {key: _rewrite_json(item, terms) for key, item in data.items()}
    return data


def holds(value: str, terms: Iterable[Term]) -> bool:
    return any(term.pattern.search(value) for term in terms)


# --- places -----------------------------------------------------------------------------


def _is_text(column: Any) -> bool:
    kind = column.type
    return (
        isinstance(kind, String)
        and not column.primary_key
        and (kind.length is None or kind.length > CODE_LENGTH)
    )


def _when(table: Table) -> ColumnElement[Any] | None:
    for name in DATE_COLUMNS:
        if name in table.c:
            return table.c[name]
    # A row without a date of its own (an observation of a visit report, a line of a
    # proposal) takes its parent's.
    for fk in table.foreign_keys:
        parent = fk.column.table
        for name in DATE_COLUMNS:
            if isinstance(parent, Table) and name in parent.c:
                return select(parent.c[name]).where(fk.column == fk.parent).scalar_subquery()
    return None


def places() -> list[Place]:
    """Every table that may hold a person as text, with the columns searched."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        only = ONLY_COLUMNS.get(table.name)
        columns = tuple(c for c in table.c if _is_text(c) and (only is None or c.name in only))
        if columns:
            found.append(Place(table, columns, _when(table), table.name in KEPT_TABLES))
    return found


def _scope(place: Place, customer_id: int, contact_ids: Iterable[int]) -> ColumnElement[bool]:
    """The rows of `place` belonging to the customer (where a first or last name alone
    can only mean one of its people); false() where a table has no customer."""
    table = place.table
    if table.name == "customers":
        return table.c.id == customer_id
    if table.name == AuditEntry.__tablename__:
        terms: list[ColumnElement[bool]] = [
            and_(AuditEntry.entity == "customer", AuditEntry.entity_id == customer_id),
            and_(AuditEntry.entity == "contact", AuditEntry.entity_id.in_(list(contact_ids))),
        ]
        for kind, ids in OWNED_KINDS.items():
            terms.append(
                and_(AuditEntry.entity == kind, AuditEntry.entity_id.in_(ids(customer_id)))
            )
        return or_(*terms)
    if "customer_id" in table.c:
        return table.c.customer_id == customer_id
    for fk in table.foreign_keys:
        parent = fk.column.table
        if isinstance(parent, Table) and "customer_id" in parent.c and parent is not table:
            return fk.parent.in_(select(fk.column).where(parent.c.customer_id == customer_id))
    return false()


def _rows(
    session: Session,
    place: Place,
    terms: list[Term],
    customer_id: int | None,
    contact_ids: list[int],
) -> list[Any]:
    """The rows of `place` whose text may hold a term (the rough SQL filter), each with
    its id, its text columns, its date and whether it belongs to the customer."""
    wide = [t for t in terms if not t.scoped]
    narrow = [t for t in terms if t.scoped] if customer_id is not None else []

    def matching(chosen: list[Term]) -> ColumnElement[bool]:
        return or_(
            *(
                func.lower(column).like(term.rough, escape="\\")
                for column in place.columns
                for term in chosen
            )
        )

    conditions: list[ColumnElement[bool]] = []
    if wide:
        conditions.append(matching(wide))
    scope: ColumnElement[bool] = false()
    if customer_id is not None:
        scope = _scope(place, customer_id, contact_ids)
    if narrow:
        conditions.append(and_(scope, matching(narrow)))
    if not conditions:
        return []
    key = _key(place)
    chosen_columns: list[Any] = [key.label("row_id"), *place.columns]
    chosen_columns.append((place.when if place.when is not None else null()).label("row_when"))
    chosen_columns.append(case((scope, 1), else_=0).label("in_scope"))
    return list(
        session.execute(select(*chosen_columns).where(or_(*conditions)).order_by(key)).all()
    )


def _key(place: Place) -> Any:
    return next(iter(place.table.primary_key.columns))


def _columns(place: Place, row: Any) -> list[Any]:
    """The columns of `row` that may be listed or rewritten (see OWN_CUSTOMER_ONLY)."""
    return [
        c for c in place.columns if row.in_scope or (place.name, c.name) not in OWN_CUSTOMER_ONLY
    ]


def _usable(row: Any, terms: list[Term]) -> list[Term]:
    """The terms that apply to `row`: scoped ones only in the customer's rows."""
    return [t for t in terms if not t.scoped or row.in_scope]


def find(
    session: Session,
    terms: list[Term],
    *,
    customer_id: int | None = None,
    contact_ids: Iterable[int] = (),
    exclude: Callable[[str, int], bool] = lambda _table, _id: False,
) -> list[Hit]:
    """Every field of every place holding one of `terms` (scoped terms only in the rows
    of `customer_id`), in table order then row order. `exclude(table, id)` leaves out
    rows the caller shows otherwise (the contact's own history)."""
    contact_ids = list(contact_ids)
    hits: list[Hit] = []
    for place in places():
        for row in _rows(session, place, terms, customer_id, contact_ids):
            if exclude(place.name, row.row_id):
                continue
            usable = _usable(row, terms)
            for column in _columns(place, row):
                value = getattr(row, column.name)
                if (
                    isinstance(value, str)
                    and value
                    and holds(_readable(value, column.name), usable)
                ):
                    hits.append(
                        Hit(
                            table=place.name,
                            column=column.name,
                            row_id=row.row_id,
                            on=_as_date(row.row_when),
                            value=value,
                            kept=place.kept,
                        )
                    )
    return hits


def scrub(
    session: Session,
    terms: list[Term],
    *,
    customer_id: int | None = None,
    contact_ids: Iterable[int] = (),
) -> tuple[dict[str, int], int]:
    """Replace every term by ERASED in every place but the kept ones, in `session` (the
    caller's transaction). Returns ({table: fields rewritten}, mentions left in kept
    accounting records)."""
    contact_ids = list(contact_ids)
    rewritten: dict[str, int] = {}
    kept = 0
    for place in places():
        key = _key(place)
        for row in _rows(session, place, terms, customer_id, contact_ids):
            usable = _usable(row, terms)
            changes: dict[str, str] = {}
            for column in _columns(place, row):
                value = getattr(row, column.name)
                if not isinstance(value, str) or not value:
                    continue
                if place.kept:
                    kept += holds(value, usable)
                    continue
                new = rewrite_value(value, usable, column.name)
                if new != value:
                    changes[column.name] = new
            if changes:
                session.execute(update(place.table).where(key == row.row_id).values(**changes))
                rewritten[place.name] = rewritten.get(place.name, 0) + len(changes)
    return rewritten, kept


def _readable(value: str, column: str) -> str:
    """JSON text decoded (so an accent written as \\u00e9 still matches)."""
    if not column.endswith("_json"):
        return value
    try:
        return json.dumps(json.loads(value), ensure_ascii=False)
    except ValueError:
        return value


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
