"""The audit trail, read back: who changed what, when, with the values before and after.

Every change is written to `audit_log` inside its own transaction (persistence.audit);
this service pages through it newest first, filtered by person, kind of record, action,
dates, free text or customer, for the owner's « Journal des modifications » and the
customer page's « Historique des modifications ».

An entry belongs to a customer when it is about the customer record itself, or about a
row of a table that carries the customer (`OWNED_KINDS`: disputes, reminder actions,
promises, tasks, visit reports, documents, blocking decisions, proposals, repayment
plans, contacts, ratings…). That is resolved in SQL with one indexed sub-query per kind,
never by reading the log in Python. A row deleted since cannot be joined any more: the
services write its customer into the deletion's changes (`customer_id`: [id, None]), and
every entry of that row follows its deletion into the customer's trail.

Labels of kinds, actions and fields belong to the UI (ui.messages): this service returns
the codes stored in the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from desktop.domain.enums import AuditAction
from desktop.domain.text import fold
from desktop.persistence.models import (
    AuditEntry,
    BlockingDecision,
    Contact,
    Customer,
    Dispute,
    DisputeAttachment,
    Document,
    DoubtfulCompany,
    ExternalRating,
    PromiseToPay,
    Proposal,
    ReminderAction,
    RepaymentPlan,
    Task,
    VisitReport,
)
from desktop.services.context import ServiceContext

__all__ = [
    "CUSTOMER_HINT",
    "OWNED_KINDS",
    "AuditFilter",
    "AuditLine",
    "AuditTrailService",
    "FieldChange",
]

CUSTOMER_ENTITY = "customer"
# The field of a deletion's changes naming the customer of the row deleted (see above).
CUSTOMER_HINT = "customer_id"
MAX_LIMIT = 1000  # rows per page at most: the views page, the export loops
REPLACES_PER_LAYER = 8  # nested replace() calls per sub-query (see `_holding`)


def _ids_of(model: type, customer_id: int) -> Select[tuple[int]]:
    return select(model.id).where(model.customer_id == customer_id)  # type: ignore[attr-defined]


def _attachments_of(customer_id: int) -> Select[tuple[int]]:
    return (
        select(DisputeAttachment.id)
        .join(Dispute, Dispute.id == DisputeAttachment.dispute_id)
        .where(Dispute.customer_id == customer_id)
    )


# Entity kind written in the log → the ids of that kind belonging to a customer.
OWNED_KINDS: dict[str, Callable[[int], Select[tuple[int]]]] = {
    "contact": lambda c: _ids_of(Contact, c),
    "external_rating": lambda c: _ids_of(ExternalRating, c),
    "visit_report": lambda c: _ids_of(VisitReport, c),
    "doubtful_company": lambda c: _ids_of(DoubtfulCompany, c),
    "document": lambda c: _ids_of(Document, c),
    "reminder_action": lambda c: _ids_of(ReminderAction, c),
    "task": lambda c: _ids_of(Task, c),
    "promise_to_pay": lambda c: _ids_of(PromiseToPay, c),
    "blocking_decision": lambda c: _ids_of(BlockingDecision, c),
    "dispute": lambda c: _ids_of(Dispute, c),
    "dispute_attachment": _attachments_of,
    "proposal": lambda c: _ids_of(Proposal, c),
    "repayment_plan": lambda c: _ids_of(RepaymentPlan, c),
}

# Entity kind → (model, its customer column) to name the customer of a page's lines.
_CUSTOMER_OF: dict[str, tuple[type, ColumnElement[int]]] = {
    "contact": (Contact, Contact.customer_id),
    "external_rating": (ExternalRating, ExternalRating.customer_id),
    "visit_report": (VisitReport, VisitReport.customer_id),
    "doubtful_company": (DoubtfulCompany, DoubtfulCompany.customer_id),
    "document": (Document, Document.customer_id),
    "reminder_action": (ReminderAction, ReminderAction.customer_id),
    "task": (Task, Task.customer_id),
    "promise_to_pay": (PromiseToPay, PromiseToPay.customer_id),
    "blocking_decision": (BlockingDecision, BlockingDecision.customer_id),
    "dispute": (Dispute, Dispute.customer_id),
    "proposal": (Proposal, Proposal.customer_id),
    "repayment_plan": (RepaymentPlan, RepaymentPlan.customer_id),
}

# Accented letters (both cases: SQLite's lower() only knows ASCII) folded to the letter a
# search word holds; ligatures become two letters, as domain.text.fold does.
_VARIANTS: dict[str, str] = {
    "a": "àâäáãåÀÂÄÁÃÅ",
    "c": "çÇ",
    "e": "éèêëÉÈÊË",
    "i": "îïíìÎÏÍÌ",
    "n": "ñÑ",
    "o": "ôöóòõÔÖÓÒÕ",
    "u": "ùûüúÙÛÜÚ",
    "y": "ÿýŸÝ",
}
_LIGATURES = {"oe": "œŒ", "ae": "æÆ"}
_APOSTROPHES = "\u2019\u2018\u02bc"


@dataclass(frozen=True)
class AuditFilter:
    """What the owner looks for; every criterion left empty lets everything through."""

    customer_id: int | None = None
    actor: str = ""  # exactly as written in the log (see `actors`)
    entities: tuple[str, ...] = ()  # entity kinds (see `entity_kinds`)
    actions: tuple[str, ...] = ()  # AuditAction values
    date_from: date | None = None  # inclusive
    date_to: date | None = None  # inclusive
    text: str = ""  # in the summary or the changes; accents and case ignored


@dataclass(frozen=True)
class FieldChange:
    """One field of a change: its stored name and its values as text ("" for none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    action: str  # an AuditAction value
    entity: str  # the kind of record (customer, dispute, blocking_decision…)
    entity_id: int
    customer_id: int | None  # the customer it is about, when known
    customer_name: str
    summary: str
    changes: tuple[FieldChange, ...]


class AuditTrailService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def entries(self, flt: AuditFilter, offset: int = 0, limit: int = 200) -> list[AuditLine]:
        """The entries passing `flt`, newest first (ties: the last written first), from
        `offset`, at most `limit` (capped at 1000), each with its customer when known and
        its decoded before/after values."""
        limit = max(0, min(limit, MAX_LIMIT))
        if limit == 0:
            return []
        with self._ctx.database.read() as session:
            rows = session.scalars(
                select(AuditEntry)
                .where(*self._conditions(flt))
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .offset(max(0, offset))
                .limit(limit)
            ).all()
            customers = _customers_of(session, rows)
            names = _names(session, {c for c in customers.values() if c is not None})
            return [
                AuditLine(
                    id=row.id,
                    at=row.at,
                    actor=row.actor,
                    action=row.action,
                    entity=row.entity,
                    entity_id=row.entity_id,
                    customer_id=customers.get(row.id),
                    customer_name=names.get(customers.get(row.id) or 0, ""),
                    summary=row.summary or "",
                    changes=decode_changes(row.changes_json),
                )
                for row in rows
            ]

    def count(self, flt: AuditFilter) -> int:
        """How many entries pass `flt` (for the paged views and the export)."""
        with self._ctx.database.read() as session:
            return int(
                session.scalar(select(func.count(AuditEntry.id)).where(*self._conditions(flt))) or 0
            )

    def actors(self) -> list[str]:
        """Everyone who ever changed something in the file, by name (for the filter)."""
        with self._ctx.database.read() as session:
            names = session.scalars(select(AuditEntry.actor).distinct()).all()
        return sorted((n for n in names if n), key=lambda n: (fold(n), n))

    def entity_kinds(self) -> list[str]:
        """The kinds of record present in the log (codes; the UI labels them)."""
        with self._ctx.database.read() as session:
            kinds = session.scalars(select(AuditEntry.entity).distinct()).all()
        return sorted(k for k in kinds if k)

    # --- the query ------------------------------------------------------------------------

    @staticmethod
    def _conditions(flt: AuditFilter) -> list[ColumnElement[bool]]:
        words = fold(flt.text).split()
        if not words:
            return _plain_conditions(flt, AuditEntry)
        # The text is matched in a sub-query that applies the other criteria first, so
        # the accent folding only runs on the entries they let through.
        return [AuditEntry.id.in_(_matching(flt, words))]


def _plain_conditions(flt: AuditFilter, entry: Any) -> list[ColumnElement[bool]]:
    """Every criterion but the text, on `entry` (AuditEntry or an alias of it)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.customer_id is not None:
        conditions.append(_belongs_to(flt.customer_id, entry))
    if flt.actor:
        conditions.append(entry.actor == flt.actor)
    if flt.entities:
        conditions.append(entry.entity.in_(flt.entities))
    if flt.actions:
        conditions.append(entry.action.in_([str(a) for a in flt.actions]))
    if flt.date_from is not None:
        conditions.append(entry.at >= datetime.combine(flt.date_from, time.min))
    if flt.date_to is not None:
        conditions.append(entry.at < datetime.combine(flt.date_to + timedelta(days=1), time.min))
    return conditions


def _belongs_to(customer_id: int, entry: Any) -> ColumnElement[bool]:
    """The entries about the customer or a row of theirs (see the module doc)."""
    terms: list[ColumnElement[bool]] = [
        and_(entry.entity == CUSTOMER_ENTITY, entry.entity_id == customer_id)
    ]
    for kind, ids in OWNED_KINDS.items():
        terms.append(and_(entry.entity == kind, entry.entity_id.in_(ids(customer_id))))
    # Rows deleted since. No index serves this (audit_log is indexed on entity, entity_id
    # and on at): a plain scan of the log is what it costs; restricting it on `entity`
    # would make SQLite walk that index instead, an order of magnitude slower.
    deletion = aliased(AuditEntry)
    terms.append(
        tuple_(entry.entity, entry.entity_id).in_(
            select(deletion.entity, deletion.entity_id).where(
                deletion.action == AuditAction.DELETE.value,
                deletion.changes_json.like(_hint_pattern(customer_id), escape="\\"),
            )
        )
    )
    return or_(*terms)


def _hint_pattern(customer_id: int) -> str:
    # persistence.audit writes {"field": ["before", "after"]} with json.dumps' separators;
    # "_" is a LIKE wildcard, hence escaped.
    field = _like_escaped(CUSTOMER_HINT)
    return f'%"{field}": ["{int(customer_id)}", %'


def _matching(flt: AuditFilter, words: list[str]) -> Select[tuple[int]]:
    """The ids of the entries passing `flt` whose summary or changes hold every word
    (folded), accents and case ignored.

    The accented variants of the letters the words hold are replaced in SQL (portable
    replace() and lower()), so no folded copy of the log is needed. SQLite's parser
    refuses a few dozen nested calls, hence layers of sub-queries of REPLACES_PER_LAYER
    replacements each (SQLite flattens them back into one scan). A cheap LIKE on the
    stored text comes first, where each letter that may carry an accent matches any one
    character: the replacements only run on the rows it lets through."""
    pairs: list[tuple[str, str]] = []
    text = " ".join(words)
    for pair, ligatures in _LIGATURES.items():
        if pair in text:
            pairs.extend((ligature, pair) for ligature in ligatures)
    for letter in sorted(set(text)):
        pairs.extend((variant, letter) for variant in _VARIANTS.get(letter, ""))
    if "'" in text:
        pairs.extend((apostrophe, "'") for apostrophe in _APOSTROPHES)
    entry = aliased(AuditEntry)
    layer = (
        select(
            entry.id.label("id"),
            entry.summary.label("raw_summary"),
            entry.changes_json.label("raw_changes"),
            entry.summary.label("summary"),
            entry.changes_json.label("changes"),
        )
        .where(*_plain_conditions(flt, entry))
        .subquery()
    )
    for start in range(0, len(pairs), REPLACES_PER_LAYER):
        summary: ColumnElement[str] = layer.c.summary
        changes: ColumnElement[str] = layer.c.changes
        for old, new in pairs[start : start + REPLACES_PER_LAYER]:
            summary = func.replace(summary, old, new)
            changes = func.replace(changes, old, new)
        layer = select(
            layer.c.id,
            layer.c.raw_summary,
            layer.c.raw_changes,
            summary.label("summary"),
            changes.label("changes"),
        ).subquery()
    rough = [
        or_(
            layer.c.raw_summary.like(_rough_pattern(word), escape="\\"),
            layer.c.raw_changes.like(_rough_pattern(word), escape="\\"),
        )
        for word in words
    ]
    exact = [
        or_(
            func.lower(layer.c.summary).like(f"%{_like_escaped(word)}%", escape="\\"),
            func.lower(layer.c.changes).like(f"%{_like_escaped(word)}%", escape="\\"),
        )
        for word in words
    ]
    return select(layer.c.id).where(*rough, *exact)


def _rough_pattern(word: str) -> str:
    """A LIKE pattern letting through every text that may hold `word` once folded: a
    letter that may carry an accent (or an apostrophe) matches any one character, a
    ligature's two letters any run."""
    out = []
    i = 0
    while i < len(word):
        if word[i : i + 2] in _LIGATURES:
            out.append("%")
            i += 2
            continue
        c = word[i]
        out.append("_" if c in _VARIANTS or c == "'" else _like_escaped(c))
        i += 1
    return f"%{''.join(out)}%"


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _customers_of(session: Session, rows: Iterable[AuditEntry]) -> dict[int, int | None]:
    """{entry id: customer id or None} for the entries of one page: a few queries by
    kind, bounded by the page size."""
    rows = list(rows)
    found: dict[int, int | None] = dict.fromkeys((r.id for r in rows), None)
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if row.entity == CUSTOMER_ENTITY:
            found[row.id] = row.entity_id
        elif row.entity in OWNED_KINDS:
            wanted.setdefault(row.entity, set()).add(row.entity_id)
    owner: dict[tuple[str, int], int] = {}
    for kind, ids in wanted.items():
        if kind == "dispute_attachment":
            pairs = session.execute(
                select(DisputeAttachment.id, Dispute.customer_id)
                .join(Dispute, Dispute.id == DisputeAttachment.dispute_id)
                .where(DisputeAttachment.id.in_(ids))
            ).all()
        else:
            model, column = _CUSTOMER_OF[kind]
            pairs = session.execute(
                select(model.id, column).where(model.id.in_(ids))  # type: ignore[attr-defined]
            ).all()
        for entity_id, customer_id in pairs:
            if customer_id is not None:
                owner[(kind, entity_id)] = customer_id
    gone = {(k, i) for k, ids in wanted.items() for i in ids} - set(owner)
    if gone:
        # Rows deleted since: their deletion names the customer.
        for kind, entity_id, changes_json in session.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.changes_json).where(
                tuple_(AuditEntry.entity, AuditEntry.entity_id).in_(sorted(gone)),
                AuditEntry.action == AuditAction.DELETE.value,
            )
        ):
            hint = _hint(changes_json)
            if hint is not None:
                owner[(kind, entity_id)] = hint
    for row in rows:
        if found[row.id] is None:
            found[row.id] = owner.get((row.entity, row.entity_id))
    return found


def _names(session: Session, customer_ids: set[int]) -> dict[int, str]:
    if not customer_ids:
        return {}
    return {
        cid: name
        for cid, name in session.execute(
            select(Customer.id, Customer.legal_name).where(Customer.id.in_(customer_ids))
        )
    }


def _hint(changes_json: str) -> int | None:
    for change in decode_changes(changes_json):
        if change.field == CUSTOMER_HINT and change.before.isdigit():
            return int(change.before)
    return None


def decode_changes(changes_json: str | None) -> tuple[FieldChange, ...]:
    """The {field: [before, after]} of a log row as FieldChanges, in their stored order.
    "None" (how the log writes a missing value) becomes ""; a damaged cell gives ()."""
    if not changes_json:
        return ()
    try:
        data = json.loads(changes_json)
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    changes = []
    for field, pair in data.items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            before, after = pair
        else:
            before, after = "", pair
        changes.append(FieldChange(str(field), _text(before), _text(after)))
    return tuple(changes)


def _text(value: object) -> str:
    if value is None or value == "None":
        return ""
    return str(value)
