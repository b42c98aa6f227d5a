"""The doubtful-prospect check: is this company known, doubtful, insolvent, or unknown?

A salesperson types a name, a SIREN/SIRET or an address before a meeting and gets one
clear answer. On a file of 50,000 customers the answer must come as they type: SQL picks
a bounded set of candidates with portable LIKEs on the folded `search_text` columns
(ranked by how many pieces of the typed words they hold), then `domain.company_match`
scores them in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TypeVar

from sqlalchemy import ColumnElement, Integer, case, or_, select
from sqlalchemy.orm import Session

from desktop.domain.company_match import (
    ParsedQuery,
    QueryKind,
    address_score,
    like_fragments,
    name_score,
    name_tokens,
    parse_query,
)
from desktop.domain.enums import AuditAction, CustomerStatus, DoubtfulSource
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.identifiers import clean_be_enterprise_number, clean_siren, clean_siret
from desktop.domain.text import digits_only, fold, search_key
from desktop.persistence import audit
from desktop.persistence.models import Customer, DoubtfulCompany, User
from desktop.services.context import ServiceContext

# At most this many rows per table reach the Python scoring, whatever the file size.
CANDIDATE_LIMIT = 250
# At most this many matches per kind are returned (the dialog lists them).
RESULT_LIMIT = 30
# A name match below this is noise; at or above STRONG it is taken as the same company.
MIN_SCORE = 0.55
STRONG_SCORE = 0.85


class Verdict(IntEnum):
    """The answer, from harmless to worst; the worst among the matches wins."""

    NOTHING_KNOWN = 0
    KNOWN_CUSTOMER = 1
    DOUBTFUL = 2
    BLOCKED = 3
    INSOLVENCY = 4


@dataclass(frozen=True)
class KnownCustomer:
    """A customer (or prospect) of the file that matches the query."""

    id: int
    name: str
    status: CustomerStatus
    siren: str
    city: str
    insolvency_kind: str | None
    insolvency_opened_on: date | None
    bodacc_published_on: date | None
    priority_prospect: bool
    match_score: float

    @property
    def insolvent(self) -> bool:
        return (
            self.status == CustomerStatus.INSOLVENCY
            or self.insolvency_kind is not None
            or self.bodacc_published_on is not None
        )

    @property
    def verdict(self) -> Verdict:
        if self.insolvent:
            return Verdict.INSOLVENCY
        if self.status == CustomerStatus.BLOCKED:
            return Verdict.BLOCKED
        return Verdict.KNOWN_CUSTOMER


@dataclass(frozen=True)
class DoubtfulEntry:
    """An entry of the doubtful list that matches the query."""

    id: int
    customer_id: int | None
    name: str
    siren: str
    address: str
    postal_code: str
    city: str
    reason: str
    source: DoubtfulSource
    source_detail: str
    reported_on: date
    active: bool
    match_score: float

    @property
    def verdict(self) -> Verdict:
        if self.source == DoubtfulSource.PUBLISHED_INSOLVENCY:
            return Verdict.INSOLVENCY
        return Verdict.DOUBTFUL


@dataclass(frozen=True)
class CheckResult:
    """Everything known about what was typed, worst first within each list."""

    query: ParsedQuery
    verdict: Verdict
    customers: tuple[KnownCustomer, ...]
    doubtful: tuple[DoubtfulEntry, ...]
    # True when nothing matched closely and the verdict rests on partial name matches.
    approximate: bool
    # Rows the SQL pre-filter handed to the Python scoring (bounded by CANDIDATE_LIMIT).
    candidates_examined: int

    @property
    def insolvencies(self) -> tuple[KnownCustomer, ...]:
        """The matching customers with a published insolvency proceeding."""
        return tuple(c for c in self.customers if c.insolvent)


@dataclass(frozen=True)
class PriorityProspect:
    id: int
    name: str
    city: str
    siren: str


_CUSTOMER_COLUMNS = (
    Customer.id,
    Customer.legal_name,
    Customer.trade_name,
    Customer.status,
    Customer.siren,
    Customer.billing_city,
    Customer.insolvency_kind,
    Customer.insolvency_opened_on,
    Customer.bodacc_published_on,
    Customer.priority_prospect,
    Customer.billing_line1,
    Customer.billing_line2,
    Customer.billing_postal_code,
    Customer.delivery_line1,
    Customer.delivery_postal_code,
    Customer.delivery_city,
)


class ProspectCheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- the check ----------------------------------------------------------------------

    def check(self, text: str) -> CheckResult:
        """Answer at once what the file knows about a name, SIREN/SIRET or address.

        Returns matching customers (status, insolvency), active doubtful-list entries
        (also those filed against a matching customer), and a verdict: the worst of the
        close matches, or of the partial ones when no match is close (`approximate`).
        Reads only; never more than CANDIDATE_LIMIT rows per table are scored.
        """
        query = parse_query(text)
        if query.kind == QueryKind.EMPTY:
            return CheckResult(query, Verdict.NOTHING_KNOWN, (), (), False, 0)
        with self._ctx.database.read() as session:
            customer_rows = self._customer_candidates(session, query)
            doubtful_rows = self._doubtful_candidates(session, query)
            customers = _best(
                [c for c in (_score_customer(query, r) for r in customer_rows) if c], RESULT_LIMIT
            )
            doubtful = [d for d in (_score_doubtful(query, r) for r in doubtful_rows) if d]
            linked = self._linked_doubtful(session, customers, {d.id for d in doubtful})
            doubtful = _best(doubtful + linked, RESULT_LIMIT)
        matches: list[KnownCustomer | DoubtfulEntry] = [*customers, *doubtful]
        strong = [m for m in matches if m.match_score >= STRONG_SCORE]
        judged = strong or matches
        verdict = max((m.verdict for m in judged), default=Verdict.NOTHING_KNOWN)
        return CheckResult(
            query=query,
            verdict=verdict,
            customers=tuple(customers),
            doubtful=tuple(doubtful),
            approximate=bool(matches) and not strong,
            candidates_examined=len(customer_rows) + len(doubtful_rows),
        )

    def _customer_candidates(self, session: Session, query: ParsedQuery) -> Sequence:  # type: ignore[type-arg]
        stmt = select(*_CUSTOMER_COLUMNS)
        if query.kind == QueryKind.SIREN:
            conditions = [Customer.siren == query.siren]
            if query.siret:
                conditions.append(Customer.siret == query.siret)
            return session.execute(stmt.where(or_(*conditions)).limit(CANDIDATE_LIMIT)).all()
        if query.kind == QueryKind.BE_NUMBER:
            stmt = stmt.where(Customer.enterprise_number == query.be_number)
            return session.execute(stmt.limit(CANDIDATE_LIMIT)).all()
        if query.kind == QueryKind.ADDRESS:
            columns = [Customer.billing_line1, Customer.billing_city, Customer.delivery_line1]
            rank = _rank(columns, query.words)
            if query.postal_code:
                stmt = stmt.where(
                    or_(
                        Customer.billing_postal_code == query.postal_code,
                        Customer.delivery_postal_code == query.postal_code,
                    )
                )
            elif rank is None:
                return []
            else:
                stmt = stmt.where(_any_piece(columns, query.words))
        else:
            # Every typed word present as typed: the common case, answered by a cheap AND
            # of LIKEs. Only when that finds nothing are typos looked for, piece by piece.
            exact = stmt.where(*(Customer.search_text.like(f"%{w}%") for w in query.words))
            rows = session.execute(exact.order_by(Customer.id).limit(CANDIDATE_LIMIT)).all()
            if rows or not query.words:
                return rows
            rank = _rank([Customer.search_text], query.words)
            stmt = stmt.where(_any_piece([Customer.search_text], query.words))
        if rank is not None:
            stmt = stmt.order_by(rank.desc())
        return session.execute(stmt.order_by(Customer.id).limit(CANDIDATE_LIMIT)).all()

    def _doubtful_candidates(self, session: Session, query: ParsedQuery) -> Sequence:  # type: ignore[type-arg]
        stmt = select(DoubtfulCompany).where(DoubtfulCompany.active)
        if query.kind == QueryKind.SIREN:
            stmt = stmt.where(
                or_(
                    DoubtfulCompany.siren == query.siren,
                    DoubtfulCompany.siren.like(f"{query.siren}_____"),
                )
            )
        elif query.kind == QueryKind.BE_NUMBER:
            stmt = stmt.where(DoubtfulCompany.siren == query.be_number)
        else:
            rank = _rank([DoubtfulCompany.search_text], query.words)
            if query.kind == QueryKind.ADDRESS and query.postal_code:
                stmt = stmt.where(DoubtfulCompany.postal_code == query.postal_code)
            elif rank is None:
                return []
            else:
                stmt = stmt.where(_any_piece([DoubtfulCompany.search_text], query.words))
            if rank is not None:
                stmt = stmt.order_by(rank.desc())
        stmt = stmt.order_by(DoubtfulCompany.id).limit(CANDIDATE_LIMIT)
        return session.scalars(stmt).all()

    def _linked_doubtful(
        self, session: Session, customers: list[KnownCustomer], seen: set[int]
    ) -> list[DoubtfulEntry]:
        """Entries filed against a matching customer, by id or SIREN, whatever their name."""
        if not customers:
            return []
        conditions: list[ColumnElement[bool]] = [
            DoubtfulCompany.customer_id.in_([c.id for c in customers])
        ]
        sirens = [c.siren for c in customers if c.siren]
        if sirens:
            conditions.append(DoubtfulCompany.siren.in_(sirens))
        rows = session.scalars(
            select(DoubtfulCompany).where(DoubtfulCompany.active, or_(*conditions))
        ).all()
        scores = {c.id: c.match_score for c in customers}
        by_siren = {c.siren: c.match_score for c in customers if c.siren}
        return [
            _doubtful_entry(d, scores.get(d.customer_id or -1, by_siren.get(d.siren, MIN_SCORE)))
            for d in rows
            if d.id not in seen
        ]

    # --- the doubtful list ----------------------------------------------------------------

    def add_doubtful(
        self,
        name: str,
        siren: str = "",
        address: str = "",
        postal_code: str = "",
        city: str = "",
        reason: str = "",
        source: DoubtfulSource = DoubtfulSource.OTHER,
        detail: str = "",
        *,
        customer_id: int | None = None,
    ) -> int:
        """Put a company on the doubtful list, with why and who says so; returns its id.

        Name and reason are required; a SIREN (9 digits), SIRET (14) or Belgian enterprise
        number (10) is checked. Raises ValidationError with field codes, writing nothing.
        The entry is dated today and recorded in the audit trail.
        """
        errors: list[FieldError] = []
        if not name.strip():
            errors.append(FieldError("name", ErrorCode.REQUIRED))
        if not reason.strip():
            errors.append(FieldError("reason", ErrorCode.REQUIRED))
        try:
            identifier = _clean_identifier(siren)
        except ValidationError as exc:
            errors.extend(exc.errors)
            identifier = ""
        if errors:
            raise ValidationError(errors)
        source = DoubtfulSource(source)
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            reporter = session.scalar(select(User.id).where(User.name == actor))
            entry = DoubtfulCompany(
                customer_id=customer_id,
                name=name.strip(),
                siren=identifier,
                address=address.strip(),
                postal_code=postal_code.strip(),
                city=city.strip(),
                reason=reason.strip(),
                source=source.value,
                source_detail=detail.strip(),
                reported_on=self._ctx.clock.today(),
                reported_by_id=reporter,
                active=True,
                search_text=search_key(name, identifier, address, postal_code, city),
                created_at=now,
                updated_at=now,
            )
            session.add(entry)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=actor,
                action=AuditAction.CREATE,
                entity="doubtful_company",
                entity_id=entry.id,
                summary=f"{entry.name} — {reason.strip()}",
                changes={"source": (None, source.value), "customer_id": (None, customer_id)},
            )
            return entry.id

    def add_doubtful_from_customer(
        self, customer_id: int, reason: str, source: DoubtfulSource, detail: str = ""
    ) -> int:
        """Put a customer on the doubtful list with its name, SIREN and billing address.

        The entry stays linked to the customer, so checking the customer's name or SIREN
        finds it. Raises NotFoundError for an unknown customer; audited like add_doubtful.
        """
        with self._ctx.database.read() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFoundError("customer", customer_id)
            identifier = customer.siren or customer.enterprise_number or customer.siret or ""
            address = ", ".join(
                p for p in (customer.billing_line1, customer.billing_line2) if p.strip()
            )
            name = customer.legal_name
            postal_code, city = customer.billing_postal_code, customer.billing_city
        return self.add_doubtful(
            name,
            identifier,
            address,
            postal_code,
            city,
            reason,
            source,
            detail,
            customer_id=customer_id,
        )

    # --- priority prospects ---------------------------------------------------------------

    def set_priority(self, customer_id: int, priority: bool) -> None:
        """Mark (or unmark) a company as a priority prospect for the sales team; audited.

        Raises NotFoundError for an unknown customer. Setting the same value writes nothing.
        """
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFoundError("customer", customer_id)
            before = bool(customer.priority_prospect)
            if before == priority:
                return
            customer.priority_prospect = priority
            customer.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="customer",
                entity_id=customer_id,
                summary=customer.legal_name,
                changes={"priority_prospect": (before, priority)},
            )

    def priority_prospects(self) -> list[PriorityProspect]:
        """The prospects management marked as priority, by name (customers no more)."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(Customer.id, Customer.legal_name, Customer.billing_city, Customer.siren)
                .where(
                    Customer.priority_prospect.is_(True),
                    Customer.status == CustomerStatus.PROSPECT.value,
                )
                .order_by(Customer.sort_name, Customer.id)
            ).all()
        return [PriorityProspect(r[0], r[1], r[2], r[3] or "") for r in rows]


# --- helpers ------------------------------------------------------------------------------

_M = TypeVar("_M", KnownCustomer, DoubtfulEntry)


def _rank(columns: list, typed_words: tuple[str, ...]) -> ColumnElement[int] | None:  # type: ignore[type-arg]
    """How many pieces of the typed words a row holds: a whole word counts 3, each half 1.

    A typo or a missing accent spoils one half of a word only, so the row stays a
    candidate; rows holding whole words come first when the LIMIT cuts.
    """
    terms: list[ColumnElement[int]] = []
    for word in typed_words:
        pieces = [(word, 3)] + [(p, 1) for p in like_fragments(word) if p != word]
        for piece, weight in pieces:
            hit = or_(*(col.like(f"%{piece}%") for col in columns))
            terms.append(case((hit, weight), else_=0).cast(Integer))
    if not terms:
        return None
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def _any_piece(columns: list, typed_words: tuple[str, ...]) -> ColumnElement[bool]:  # type: ignore[type-arg]
    """Rows holding at least one piece of a typed word (short-circuits, unlike `_rank`)."""
    pieces = {p for word in typed_words for p in like_fragments(word)}
    return or_(*(col.like(f"%{p}%") for p in sorted(pieces) for col in columns))


def _score_customer(query: ParsedQuery, row) -> KnownCustomer | None:  # type: ignore[no-untyped-def]
    if query.kind in (QueryKind.SIREN, QueryKind.BE_NUMBER):
        score = 1.0
    elif query.kind == QueryKind.ADDRESS:
        score = max(
            address_score(
                query,
                row.billing_postal_code,
                f"{row.billing_line1} {row.billing_line2} {row.billing_city}",
            ),
            address_score(
                query, row.delivery_postal_code, f"{row.delivery_line1} {row.delivery_city}"
            ),
        )
    else:
        typing = not query.text.endswith(" ")
        score = max(
            name_score(query.words, name_tokens(row.legal_name), typing=typing),
            name_score(query.words, name_tokens(row.trade_name), typing=typing),
        )
    if score < MIN_SCORE:
        return None
    return KnownCustomer(
        id=row.id,
        name=row.legal_name,
        status=CustomerStatus(row.status),
        siren=row.siren or "",
        city=row.billing_city,
        insolvency_kind=row.insolvency_kind,
        insolvency_opened_on=row.insolvency_opened_on,
        bodacc_published_on=row.bodacc_published_on,
        priority_prospect=bool(row.priority_prospect),
        match_score=score,
    )


def _score_doubtful(query: ParsedQuery, row: DoubtfulCompany) -> DoubtfulEntry | None:
    if query.kind in (QueryKind.SIREN, QueryKind.BE_NUMBER):
        score = 1.0
    elif query.kind == QueryKind.ADDRESS:
        score = address_score(query, row.postal_code, f"{row.address} {row.city}")
    else:
        typing = not query.text.endswith(" ")
        score = name_score(query.words, name_tokens(row.name), typing=typing)
    if score < MIN_SCORE:
        return None
    return _doubtful_entry(row, score)


def _doubtful_entry(row: DoubtfulCompany, score: float) -> DoubtfulEntry:
    return DoubtfulEntry(
        id=row.id,
        customer_id=row.customer_id,
        name=row.name,
        siren=row.siren,
        address=row.address,
        postal_code=row.postal_code,
        city=row.city,
        reason=row.reason,
        source=DoubtfulSource(row.source),
        source_detail=row.source_detail,
        reported_on=row.reported_on,
        active=bool(row.active),
        match_score=score,
    )


def _best(items: list[_M], limit: int) -> list[_M]:
    """Closest first, then worst, then most recent / by name."""
    return sorted(items, key=lambda m: (-m.match_score, -m.verdict, fold(m.name)))[:limit]


def _clean_identifier(value: str) -> str:
    """A SIREN, SIRET or Belgian enterprise number, checked; "" when nothing was typed."""
    compact = digits_only(value)
    if not value.strip():
        return ""
    if len(compact) == 14:
        return clean_siret(compact, "siren")
    if len(compact) == 10:
        return clean_be_enterprise_number(compact, "siren")
    return clean_siren(compact, "siren")
