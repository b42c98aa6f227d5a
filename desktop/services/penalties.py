"""Late-payment penalties and 40 € indemnities of customers, and the dated rate table they
read (Paramètres › Taux légaux). The rules themselves live in `domain.penalties`.

What the service adds to the rules: which invoices count (invoices issued on or before
`as_of`, still open, due before it), the customer's terms (country, consumer, contract
rate, insolvency) and, for Belgian consumers, the first written reminder sent about each
invoice after its due date (a letter, an e-mail or a formal notice marked done).

Insolvency: accrual stops on the opening judgment date; when only the BODACC publication
date is known, on that date.

Rows of the rate table shipped with the file (migration 0001) cannot be deleted; rows a
user added can. A row is "user-added" when the audit trail holds its creation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    Channel,
    Country,
    CustomerStatus,
    DocumentKind,
    RateKind,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.penalties import (
    CustomerPenalties,
    DatedRate,
    LateInvoice,
    PenaltyTerms,
    RateTable,
    contract_rate_floor,
    customer_penalties,
    format_rate,
)
from desktop.persistence import audit
from desktop.persistence.models import (
    AuditEntry,
    Customer,
    Document,
    LegalRate,
    ReminderAction,
    ReminderActionItem,
)
from desktop.services.context import ServiceContext

__all__ = ["MAX_RATE_BP", "PenaltyService", "RateRow", "load_rate_table"]

AUDIT_ENTITY = "legal_rate"
MAX_RATE_BP = 10_000  # 100 %: anything above is a typing error
MAX_SOURCE_LENGTH = 200
# SQLite accepts at least 999 bound parameters per statement on old builds.
_CHUNK = 500
# Written reminders that start the 14 days of a Belgian consumer (Code of economic law,
# art. XIX.2); a phone call does not.
_WRITTEN_CHANNELS = (Channel.LETTER.value, Channel.EMAIL.value, Channel.FORMAL_NOTICE.value)


@dataclass(frozen=True)
class RateRow:
    """One row of the rate table, as Paramètres lists it."""

    id: int
    kind: RateKind
    valid_from: date
    rate_bp: int
    source: str
    user_added: bool  # False for the rows shipped with the file, which stay


def load_rate_table(session: Session, *kinds: RateKind) -> RateTable:
    """The rate table of the file (only `kinds` when given), in one query."""
    stmt = select(LegalRate.kind, LegalRate.valid_from, LegalRate.rate_bp)
    if kinds:
        stmt = stmt.where(LegalRate.kind.in_([k.value for k in kinds]))
    rows = []
    for kind, valid_from, rate_bp in session.execute(stmt):
        try:
            rows.append(DatedRate(RateKind(kind), valid_from, rate_bp))
        except ValueError:  # a kind this version does not know is ignored
            continue
    return RateTable(rows)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _terms(c: Customer) -> PenaltyTerms:
    try:
        country = Country(c.country)
    except ValueError:
        country = Country.OTHER
    insolvent = c.status == CustomerStatus.INSOLVENCY.value or c.insolvency_kind is not None
    stops_on = (c.insolvency_opened_on or c.bodacc_published_on) if insolvent else None
    return PenaltyTerms(
        country=country,
        consumer=bool(c.is_consumer),
        contract_rate_bp=c.penalty_rate_bp,
        accrual_stops_on=stops_on,
    )


class PenaltyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- penalties -----------------------------------------------------------------------

    def for_customer(self, customer_id: int, as_of: date) -> CustomerPenalties:
        """The penalties and indemnities one customer owes on `as_of`, invoice by invoice
        and half-year by half-year. Raises NotFoundError for an unknown customer."""
        found = self.for_customers([customer_id], as_of)
        if customer_id not in found:
            raise NotFoundError("customer", customer_id)
        return found[customer_id]

    def for_customers(
        self, customer_ids: Iterable[int], as_of: date
    ) -> dict[int, CustomerPenalties]:
        """The same for many customers at once, keyed by id; unknown ids are left out.

        A fixed number of queries whatever the number of customers (one per table, per
        500 customers): the letters of a whole day call it with hundreds of ids.
        """
        ids = sorted(set(customer_ids))
        if not ids:
            return {}
        with self._ctx.database.read() as session:
            table = load_rate_table(session)
            customers: list[Customer] = []
            invoices: dict[int, list[Document]] = {}
            for chunk in _chunks(ids):
                customers.extend(session.scalars(select(Customer).where(Customer.id.in_(chunk))))
                for doc in session.scalars(
                    select(Document).where(
                        Document.customer_id.in_(chunk),
                        Document.kind == DocumentKind.INVOICE.value,
                        Document.open_cents > 0,
                        Document.issued_on <= as_of,
                        Document.due_on < as_of,
                    )
                ):
                    invoices.setdefault(doc.customer_id, []).append(doc)
            terms = {c.id: _terms(c) for c in customers}
            reminded = self._first_reminders(
                session,
                [
                    c.id
                    for c in customers
                    if terms[c.id].consumer and terms[c.id].country is Country.BELGIUM
                ],
                as_of,
            )
            return {
                c.id: customer_penalties(
                    c.id,
                    c.legal_name,
                    [
                        LateInvoice(
                            document_id=d.id,
                            number=d.number,
                            due_on=d.due_on,
                            open_cents=d.open_cents,
                            first_reminder_on=reminded.get(d.id),
                        )
                        for d in invoices.get(c.id, [])
                    ],
                    terms[c.id],
                    table,
                    as_of,
                )
                for c in customers
            }

    @staticmethod
    def _first_reminders(
        session: Session, customer_ids: Sequence[int], as_of: date
    ) -> dict[int, date]:
        """Per document of these customers, the day the first written reminder about it
        was sent after its due date (and on or before `as_of`)."""
        found: dict[int, date] = {}
        for chunk in _chunks(customer_ids):
            rows = session.execute(
                select(ReminderActionItem.document_id, func.min(ReminderAction.done_on))
                .join(ReminderAction, ReminderAction.id == ReminderActionItem.action_id)
                .join(Document, Document.id == ReminderActionItem.document_id)
                .where(
                    ReminderAction.customer_id.in_(chunk),
                    ReminderAction.status == ActionStatus.DONE.value,
                    ReminderAction.channel.in_(_WRITTEN_CHANNELS),
                    ReminderAction.done_on.is_not(None),
                    ReminderAction.done_on > Document.due_on,
                    ReminderAction.done_on <= as_of,
                )
                .group_by(ReminderActionItem.document_id)
            )
            for document_id, done_on in rows:
                if done_on is not None:
                    found[int(document_id)] = (
                        done_on if isinstance(done_on, date) else date.fromisoformat(done_on)
                    )
        return found

    def contract_rate_floor(self, on: date) -> int | None:
        """3 × the French legal interest rate (professional creditors) for the half-year
        of `on`: the lowest contract rate allowed between French businesses; None when
        the rate table does not know it."""
        with self._ctx.database.read() as session:
            table = load_rate_table(session, RateKind.FR_LEGAL_INTEREST_PROFESSIONAL)
        return contract_rate_floor(table, on)

    # --- the rate table ------------------------------------------------------------------

    def rates(self) -> list[RateRow]:
        """Every row of the rate table, by kind then date (newest first)."""
        with self._ctx.database.read() as session:
            added = set(
                session.scalars(
                    select(AuditEntry.entity_id).where(
                        AuditEntry.entity == AUDIT_ENTITY,
                        AuditEntry.action == AuditAction.CREATE.value,
                    )
                )
            )
            rows = session.scalars(
                select(LegalRate).order_by(LegalRate.kind, LegalRate.valid_from.desc())
            ).all()
            result = []
            for r in rows:
                try:
                    kind = RateKind(r.kind)
                except ValueError:
                    continue
                result.append(RateRow(r.id, kind, r.valid_from, r.rate_bp, r.source, r.id in added))
        order = list(RateKind)
        return sorted(result, key=lambda r: (order.index(r.kind), -r.valid_from.toordinal()))

    def add_rate(self, kind: RateKind, valid_from: date | None, rate_bp: int, source: str) -> int:
        """Add a dated rate (e.g. the legal interest rate of the next half-year) and return
        its id. Raises ValidationError: date required, rate between 0 and 100 %, source
        required, one row per kind and date (`duplicate_rate`). Recorded in the audit trail."""
        source = " ".join(source.split())
        errors: list[FieldError] = []
        if valid_from is None:
            errors.append(FieldError("valid_from", ErrorCode.REQUIRED))
        if rate_bp < 0:
            errors.append(FieldError("rate_bp", ErrorCode.NEGATIVE_AMOUNT))
        elif rate_bp > MAX_RATE_BP:
            errors.append(
                FieldError(
                    "rate_bp", ErrorCode.RATE_OUT_OF_RANGE, {"max": format_rate(MAX_RATE_BP)}
                )
            )
        if not source:
            errors.append(FieldError("source", ErrorCode.REQUIRED))
        elif len(source) > MAX_SOURCE_LENGTH:
            errors.append(FieldError("source", ErrorCode.TOO_LONG, {"max": str(MAX_SOURCE_LENGTH)}))
        if errors:
            raise ValidationError(errors)
        assert valid_from is not None
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            existing = session.execute(
                select(LegalRate.rate_bp).where(
                    LegalRate.kind == kind.value, LegalRate.valid_from == valid_from
                )
            ).scalar()
            if existing is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "valid_from",
                            ErrorCode.DUPLICATE_RATE,
                            {
                                "date": valid_from.strftime("%d/%m/%Y"),
                                "rate": format_rate(existing),
                            },
                        )
                    ]
                )
            row = LegalRate(kind=kind.value, valid_from=valid_from, rate_bp=rate_bp, source=source)
            session.add(row)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity=AUDIT_ENTITY,
                entity_id=row.id,
                summary=f"{kind.value} {valid_from.isoformat()} {format_rate(rate_bp)}",
            )
            return row.id

    def delete_rate(self, rate_id: int) -> None:
        """Delete a row a user added. The rows shipped with the file are refused
        (`shipped_rate`); an unknown id raises NotFoundError."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = session.get(LegalRate, rate_id)
            if row is None:
                raise NotFoundError("legal_rate", rate_id)
            added = session.execute(
                select(AuditEntry.id).where(
                    AuditEntry.entity == AUDIT_ENTITY,
                    AuditEntry.entity_id == rate_id,
                    AuditEntry.action == AuditAction.CREATE.value,
                )
            ).first()
            if added is None:
                raise ValidationError([FieldError("rate", ErrorCode.SHIPPED_RATE)])
            summary = f"{row.kind} {row.valid_from.isoformat()} {format_rate(row.rate_bp)}"
            session.delete(row)
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.DELETE,
                entity=AUDIT_ENTITY,
                entity_id=rate_id,
                summary=summary,
            )
