"""The customer file: list, search, read, create, edit, delete; contacts and ratings."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from desktop.domain.blocking import DecisionRequiredError
from desktop.domain.customer import (
    Address,
    CustomerDraft,
    RatingDraft,
    validate_customer,
    validate_rating,
)
from desktop.domain.enums import (
    AuditAction,
    Country,
    CustomerStatus,
    InsolvencyKind,
    PaymentTermsBasis,
    RateKind,
    RatingSource,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.penalties import contract_rate_floor
from desktop.domain.text import fold, search_key
from desktop.persistence import audit
from desktop.persistence.models import Contact, Customer, ExternalRating, Segment, User
from desktop.persistence.repositories import customers as repo
from desktop.persistence.repositories.customers import CustomerFilter, CustomerSort
from desktop.services.context import ServiceContext
from desktop.services.penalties import load_rate_table

__all__ = [
    "ContactData",
    "CustomerDetail",
    "CustomerFilter",
    "CustomerRow",
    "CustomerService",
    "CustomerSort",
    "RatingData",
]


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list."""

    id: int
    legal_name: str
    trade_name: str
    identifier: str  # SIREN, or Belgian enterprise number
    postal_code: str
    city: str
    status: CustomerStatus
    segment: str
    salesperson: str
    payment_terms_days: int
    payment_terms_basis: PaymentTermsBasis
    credit_limit_cents: int | None
    # The last solvency score stored by the refresh of the day (None: not computed yet).
    score: int | None = None
    score_rules_version: str | None = None
    score_on: date | None = None


@dataclass(frozen=True)
class ContactData:
    id: int | None
    first_name: str = ""
    last_name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    is_primary: bool = False
    receives_reminders: bool = False
    notes: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class RatingData:
    id: int
    source: RatingSource
    value: str
    rated_on: date
    comment: str


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    draft: CustomerDraft
    segment_name: str
    salesperson_name: str
    created_at: datetime
    updated_at: datetime
    contacts: tuple[ContactData, ...] = field(default_factory=tuple)
    ratings: tuple[RatingData, ...] = field(default_factory=tuple)

    @property
    def display_name(self) -> str:
        return self.draft.legal_name


def _apply(customer: Customer, draft: CustomerDraft) -> None:
    customer.status = draft.status.value
    customer.legal_name = draft.legal_name
    customer.trade_name = draft.trade_name
    customer.legal_form = draft.legal_form
    customer.country = draft.country.value
    customer.siren = draft.siren or None
    customer.siret = draft.siret
    customer.enterprise_number = draft.enterprise_number or None
    customer.vat_number = draft.vat_number
    customer.account_code = draft.account_code or None
    for prefix, address in (
        ("billing", draft.billing_address),
        ("delivery", draft.delivery_address),
    ):
        setattr(customer, f"{prefix}_line1", address.line1)
        setattr(customer, f"{prefix}_line2", address.line2)
        setattr(customer, f"{prefix}_postal_code", address.postal_code)
        setattr(customer, f"{prefix}_city", address.city)
        setattr(customer, f"{prefix}_country", address.country.value)
    customer.email = draft.email
    customer.phone = draft.phone
    customer.website = draft.website
    customer.is_consumer = draft.is_consumer
    customer.language = draft.language
    customer.segment_id = draft.segment_id
    customer.salesperson_id = draft.salesperson_id
    customer.payment_terms_days = draft.payment_terms_days
    customer.payment_terms_basis = draft.payment_terms_basis.value
    customer.credit_limit_cents = draft.credit_limit_cents
    customer.penalty_rate_bp = draft.penalty_rate_bp
    customer.insolvency_kind = draft.insolvency_kind.value if draft.insolvency_kind else None
    customer.insolvency_opened_on = draft.insolvency_opened_on
    customer.bodacc_published_on = draft.bodacc_published_on
    customer.notes = draft.notes
    customer.sort_name = fold(draft.legal_name)[:200]
    customer.sort_city = fold(draft.billing_address.city)[:100]
    customer.search_text = search_key(
        draft.legal_name,
        draft.trade_name,
        draft.siren,
        draft.siret,
        draft.enterprise_number,
        draft.vat_number,
        draft.account_code,
        draft.billing_address.postal_code,
        draft.billing_address.city,
        draft.delivery_address.city,
    )


def _draft_of(c: Customer) -> CustomerDraft:
    def address(prefix: str) -> Address:
        return Address(
            line1=getattr(c, f"{prefix}_line1"),
            line2=getattr(c, f"{prefix}_line2"),
            postal_code=getattr(c, f"{prefix}_postal_code"),
            city=getattr(c, f"{prefix}_city"),
            country=Country(getattr(c, f"{prefix}_country")),
        )

    return CustomerDraft(
        legal_name=c.legal_name,
        status=CustomerStatus(c.status),
        trade_name=c.trade_name,
        legal_form=c.legal_form,
        country=Country(c.country),
        siren=c.siren or "",
        siret=c.siret,
        enterprise_number=c.enterprise_number or "",
        vat_number=c.vat_number,
        account_code=c.account_code or "",
        billing_address=address("billing"),
        delivery_address=address("delivery"),
        email=c.email,
        phone=c.phone,
        website=c.website,
        is_consumer=c.is_consumer,
        language=c.language,
        segment_id=c.segment_id,
        salesperson_id=c.salesperson_id,
        payment_terms_days=c.payment_terms_days,
        payment_terms_basis=PaymentTermsBasis(c.payment_terms_basis),
        credit_limit_cents=c.credit_limit_cents,
        penalty_rate_bp=c.penalty_rate_bp,
        insolvency_kind=InsolvencyKind(c.insolvency_kind) if c.insolvency_kind else None,
        insolvency_opened_on=c.insolvency_opened_on,
        bodacc_published_on=c.bodacc_published_on,
        notes=c.notes,
    )


def _audit_fields(draft: CustomerDraft) -> dict[str, object]:
    """Every field of the form, named like its column (billing_city…), for the audit trail."""
    values: dict[str, object] = {}
    for f in fields(draft):
        value = getattr(draft, f.name)
        if isinstance(value, Address):
            prefix = f.name.removesuffix("_address")
            for part in fields(value):
                values[f"{prefix}_{part.name}"] = getattr(value, part.name)
        else:
            values[f.name] = value
    return values


class CustomerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- list --------------------------------------------------------------------------

    def count(self, flt: CustomerFilter) -> int:
        """How many customers match the filter."""
        with self._ctx.database.read() as session:
            return repo.count(session, flt)

    def count_by_status(self, flt: CustomerFilter) -> dict[CustomerStatus, int]:
        """How many customers of each status match the filter (statuses ignored)."""
        with self._ctx.database.read() as session:
            counts = repo.count_by_status(session, replace(flt, statuses=()))
        return {CustomerStatus(k): v for k, v in counts.items()}

    def page(
        self,
        flt: CustomerFilter,
        sort: CustomerSort = CustomerSort.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CustomerRow]:
        """Rows `offset`..`offset+limit` of the sorted, filtered list; stable across pages."""
        with self._ctx.database.read() as session:
            rows = repo.list_page(session, flt, sort, descending, offset, limit)
        return [
            CustomerRow(
                id=r.id,
                legal_name=r.legal_name,
                trade_name=r.trade_name,
                identifier=r.siren or r.enterprise_number or "",
                postal_code=r.billing_postal_code,
                city=r.billing_city,
                status=CustomerStatus(r.status),
                segment=r.segment_name or "",
                salesperson=r.salesperson_name or "",
                payment_terms_days=r.payment_terms_days,
                payment_terms_basis=PaymentTermsBasis(r.payment_terms_basis),
                credit_limit_cents=r.credit_limit_cents,
                score=r.score,
                score_rules_version=r.score_rules_version,
                score_on=r.score_on,
            )
            for r in rows
        ]

    # --- one customer ------------------------------------------------------------------

    def get(self, customer_id: int) -> CustomerDetail:
        """The whole record with its contacts and ratings; NotFoundError if it is gone."""
        with self._ctx.database.read() as session:
            c = session.get(Customer, customer_id)
            if c is None:
                raise NotFoundError("customer", customer_id)
            segment = session.get(Segment, c.segment_id) if c.segment_id else None
            salesperson = session.get(User, c.salesperson_id) if c.salesperson_id else None
            ratings = sorted(c.ratings, key=lambda r: (r.rated_on, r.id), reverse=True)
            return CustomerDetail(
                id=c.id,
                draft=_draft_of(c),
                segment_name=segment.name if segment else "",
                salesperson_name=salesperson.name if salesperson else "",
                created_at=c.created_at,
                updated_at=c.updated_at,
                contacts=tuple(_contact_data(x) for x in c.contacts),
                ratings=tuple(
                    RatingData(r.id, RatingSource(r.source), r.value, r.rated_on, r.comment)
                    for r in ratings
                ),
            )

    def find_id(self, key: str) -> int | None:
        """The id of the customer whose SIREN, enterprise number, account code or id is `key`."""
        compact = "".join(key.split()).replace(".", "")
        with self._ctx.database.read() as session:
            found = session.execute(
                select(Customer.id).where(
                    (Customer.siren == compact)
                    | (Customer.enterprise_number == compact)
                    | (Customer.account_code == key.strip())
                )
            ).scalar()
            if found is None and compact.isdigit() and session.get(Customer, int(compact)):
                found = int(compact)
        return found

    def create(self, draft: CustomerDraft, contacts: list[ContactData] | None = None) -> int:
        """Validate and save a new customer (with its contacts); returns its id.

        Raises ValidationError with field codes (identifiers, duplicate SIREN naming the
        existing customer in params['name']); nothing is written then.
        """
        draft = self._validate(draft)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            self._check_unique(session, draft, None)
            customer = Customer(created_at=now, updated_at=now)
            _apply(customer, draft)
            session.add(customer)
            session.flush()
            # One primary contact at most: as when saved one by one, the last one wins.
            primaries = [i for i, c in enumerate(contacts or []) if c.is_primary]
            for i, contact in enumerate(contacts or []):
                if contact.is_primary and i != primaries[-1]:
                    contact = replace(contact, is_primary=False)
                session.add(_contact_row(customer.id, contact, now))
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="customer",
                entity_id=customer.id,
                summary=draft.legal_name,
            )
            return customer.id

    def update(self, customer_id: int, draft: CustomerDraft) -> None:
        """Validate and save the changes; the audit trail records each changed field.

        A draft moving the status into or out of "blocked" raises DecisionRequiredError:
        that goes through services.blocking, with a reason."""
        draft = self._validate(draft)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFoundError("customer", customer_id)
            self._check_unique(session, draft, customer_id)
            # Blocking and unblocking are decisions with a reason (services.blocking).
            if (customer.status == CustomerStatus.BLOCKED.value) != (
                draft.status is CustomerStatus.BLOCKED
            ):
                raise DecisionRequiredError(customer_id)
            before = _audit_fields(_draft_of(customer))
            _apply(customer, draft)
            customer.updated_at = now
            changes = audit.diff(before, _audit_fields(draft))
            if changes:
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.UPDATE,
                    entity="customer",
                    entity_id=customer_id,
                    summary=draft.legal_name,
                    changes=changes,
                )

    def delete(self, customer_id: int) -> None:
        """Delete a customer with its contacts, ratings and visit reports.

        Refused (IntegrityError → ValidationError 'has_documents') while invoices or
        payments reference it: receivables are never silently dropped.
        """
        now = self._ctx.clock.now()
        try:
            with self._ctx.database.transaction() as session:
                customer = session.get(Customer, customer_id)
                if customer is None:
                    raise NotFoundError("customer", customer_id)
                name = customer.legal_name
                session.delete(customer)
                session.flush()
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.DELETE,
                    entity="customer",
                    entity_id=customer_id,
                    summary=name,
                )
        except IntegrityError as exc:
            raise ValidationError([FieldError("customer", ErrorCode.HAS_DOCUMENTS)]) from exc

    def _validate(self, draft: CustomerDraft) -> CustomerDraft:
        """The domain rules, with today's floor of a contract penalty rate (3 × the legal
        interest rate in force, read from the file's rate table)."""
        today = self._ctx.clock.today()
        floor = None
        if draft.penalty_rate_bp is not None:
            with self._ctx.database.read() as session:
                table = load_rate_table(session, RateKind.FR_LEGAL_INTEREST_PROFESSIONAL)
            floor = contract_rate_floor(table, today)
        return validate_customer(draft, today, penalty_floor_bp=floor)

    def _check_unique(self, session, draft: CustomerDraft, own_id: int | None) -> None:  # type: ignore[no-untyped-def]
        errors: list[FieldError] = []
        for column, value, code, field_name in (
            (Customer.siren, draft.siren, ErrorCode.DUPLICATE_SIREN, "siren"),
            (
                Customer.enterprise_number,
                draft.enterprise_number,
                ErrorCode.DUPLICATE_ENTERPRISE_NUMBER,
                "enterprise_number",
            ),
            (
                Customer.account_code,
                draft.account_code,
                ErrorCode.DUPLICATE_ACCOUNT_CODE,
                "account_code",
            ),
        ):
            if not value:
                continue
            other = session.execute(
                select(Customer.id, Customer.legal_name).where(
                    column == value, Customer.id != (own_id or -1)
                )
            ).first()
            if other is not None:
                errors.append(
                    FieldError(field_name, code, {"name": other.legal_name, "id": str(other.id)})
                )
        if errors:
            raise ValidationError(errors)

    # --- contacts ----------------------------------------------------------------------

    def save_contact(self, customer_id: int, contact: ContactData) -> int:
        """Create (id None) or update a contact of the customer; returns its id."""
        if not (contact.first_name.strip() or contact.last_name.strip()):
            raise ValidationError([FieldError("last_name", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            if session.get(Customer, customer_id) is None:
                raise NotFoundError("customer", customer_id)
            before: dict[str, object] = {}
            if contact.id is None:
                row = _contact_row(customer_id, contact, now)
                session.add(row)
            else:
                row = session.get(Contact, contact.id)
                if row is None or row.customer_id != customer_id:
                    raise NotFoundError("contact", contact.id)
                before = _contact_audit_fields(row)
                _fill_contact(row, contact)
                row.updated_at = now
            if contact.is_primary:
                for other in session.scalars(
                    select(Contact).where(Contact.customer_id == customer_id)
                ):
                    if other is not row:
                        other.is_primary = False
            session.flush()
            after = _contact_audit_fields(row)
            changes = (
                audit.diff(before, after)
                if contact.id is not None
                else {k: (None, v) for k, v in after.items() if v}
            )
            if contact.id is None or changes:
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.CREATE if contact.id is None else AuditAction.UPDATE,
                    entity="contact",
                    entity_id=row.id,
                    summary=_contact_name(row),
                    changes=changes,
                )
            return row.id

    def delete_contact(self, contact_id: int) -> None:
        """Remove one contact. Audited, naming its customer (the row is gone after)."""
        with self._ctx.database.transaction() as session:
            row = session.get(Contact, contact_id)
            if row is not None:
                audit.record(
                    session,
                    at=self._ctx.clock.now(),
                    actor=self._ctx.actor(),
                    action=AuditAction.DELETE,
                    entity="contact",
                    entity_id=contact_id,
                    summary=_contact_name(row),
                    changes={"customer_id": (row.customer_id, None)},
                )
            session.execute(delete(Contact).where(Contact.id == contact_id))

    # --- ratings -----------------------------------------------------------------------

    def add_rating(self, customer_id: int, draft: RatingDraft) -> int:
        """Record an external rating (source, value, date); scales are checked."""
        draft = validate_rating(draft, self._ctx.clock.today())
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            if session.get(Customer, customer_id) is None:
                raise NotFoundError("customer", customer_id)
            row = ExternalRating(
                customer_id=customer_id,
                source=draft.source.value,
                value=draft.value,
                rated_on=draft.rated_on,
                comment=draft.comment,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="external_rating",
                entity_id=row.id,
                summary=f"{row.source} {row.value} ({row.rated_on.isoformat()})",
                changes={"value": (None, row.value), "rated_on": (None, row.rated_on)},
            )
            return row.id

    def delete_rating(self, rating_id: int) -> None:
        """Remove one external rating. Audited, naming its customer."""
        with self._ctx.database.transaction() as session:
            row = session.get(ExternalRating, rating_id)
            if row is not None:
                audit.record(
                    session,
                    at=self._ctx.clock.now(),
                    actor=self._ctx.actor(),
                    action=AuditAction.DELETE,
                    entity="external_rating",
                    entity_id=rating_id,
                    summary=f"{row.source} {row.value} ({row.rated_on.isoformat()})",
                    changes={"customer_id": (row.customer_id, None), "value": (row.value, None)},
                )
            session.execute(delete(ExternalRating).where(ExternalRating.id == rating_id))

    def total(self) -> int:
        """How many customers and prospects the file holds."""
        with self._ctx.database.read() as session:
            return int(session.execute(select(func.count(Customer.id))).scalar_one())


def _fill_contact(row: Contact, c: ContactData) -> None:
    row.first_name = c.first_name.strip()
    row.last_name = c.last_name.strip()
    row.role = c.role.strip()
    row.email = c.email.strip()
    row.phone = c.phone.strip()
    row.is_primary = c.is_primary
    row.receives_reminders = c.receives_reminders
    row.notes = c.notes.strip()


def _contact_audit_fields(row: Contact) -> dict[str, object]:
    """What the audit trail compares before and after a contact is saved."""
    return {
        "first_name": row.first_name,
        "last_name": row.last_name,
        "role": row.role,
        "email": row.email,
        "phone": row.phone,
        "is_primary": row.is_primary,
        "receives_reminders": row.receives_reminders,
        "notes": row.notes,
    }


def _contact_name(row: Contact) -> str:
    return " ".join(p for p in (row.first_name, row.last_name) if p)


def _contact_row(customer_id: int, c: ContactData, now: datetime) -> Contact:
    row = Contact(customer_id=customer_id, created_at=now, updated_at=now)
    _fill_contact(row, c)
    return row


def _contact_data(c: Contact) -> ContactData:
    return ContactData(
        id=c.id,
        first_name=c.first_name,
        last_name=c.last_name,
        role=c.role,
        email=c.email,
        phone=c.phone,
        is_primary=c.is_primary,
        receives_reminders=c.receives_reminders,
        notes=c.notes,
    )
