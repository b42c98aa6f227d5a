"""Personal data on request: export (GDPR art. 15 and 20) and erasure (art. 17).

A contact is a person at a customer. What the file holds about them: their contact
record, and their name, e-mail and phone number wherever someone wrote them as text —
visit reports, call notes, tasks, promises, disputes and their notes, the audit trail's
before/after values (an old e-mail survives there), the customer's own notes. Where to
look is found by personal_data_scan, from the model, so new tables are covered.

Erasing a contact deletes its row (nothing references contacts: see the model), writes
"[effacé]" over every mention, empties the values of its own audit entries, and records
ONE audit entry saying that a contact was erased, why and by whom, without the values.
It all happens in one transaction: a failure leaves the file as it was.

What the law makes us keep is kept: invoices, credit notes and payments are accounting
records of the customer company, not of the contact (Code de commerce L123-22: 10
years); they are never rewritten. Backups are not rewritten either: they age out by
rotation (domain.backups, a year at most). Letters and e-mails produced are not stored.

A customer who is a natural person (a consumer, `Customer.is_consumer`, or a sole trader,
by its legal form) gets the same export; their erasure anonymises the customer's
personal fields and erases its contacts, but only once nothing is left to collect: with
open documents it is refused (legitimate interest: the claim is still being collected).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.text import fold, search_key
from desktop.persistence import audit
from desktop.persistence.models import (
    AuditEntry,
    CompanySettings,
    Contact,
    Customer,
    Dispute,
    DisputeAttachment,
    Document,
    DoubtfulCompany,
)
from desktop.services import personal_data_scan as scan
from desktop.services.audit_trail import CUSTOMER_HINT, decode_changes
from desktop.services.context import ServiceContext
from desktop.services.personal_data_export import (
    ContactDataExport,
    ContactRecord,
    CustomerDataExport,
    CustomerRecord,
    DocumentLine,
    HistoryChange,
    HistoryEntry,
    Mention,
    field_label,
    place_label,
)
from desktop.services.personal_data_scan import ERASED, Term

__all__ = [
    "ERASED",
    "ErasurePreview",
    "ErasureReport",
    "Kept",
    "KeptCode",
    "PersonalDataError",
    "PersonalDataService",
    "PlaceCount",
    "is_natural_person",
]

ERASED_CONTACT = "Contact effacé"
ERASED_CUSTOMER = "Client effacé n° {id}"
EXCERPT_WIDTH = 80  # characters of context either side of a mention

# Legal forms of a business run by a natural person (France, Belgium), folded.
NATURAL_PERSON_FORMS = frozenset(
    fold(form)
    for form in (
        "EI",
        "EIRL",
        "Entreprise individuelle",
        "Entrepreneur individuel",
        "Micro-entreprise",
        "Micro-entrepreneur",
        "Auto-entrepreneur",
        "Auto-entreprise",
        "Personne physique",
        "Entreprise personne physique",
        "Eenmanszaak",
    )
)
# Civilities written before a consumer's name ("M. Jean Dupont"): the name is also
# looked for without them.
CIVILITIES = ("monsieur", "madame", "mademoiselle", "mme", "mlle", "m.", "mr", "me", "dr")
# Audit-trail fields of a customer that hold personal data when it is a natural person.
CUSTOMER_PERSONAL_FIELDS = frozenset(
    {
        "legal_name",
        "trade_name",
        "siren",
        "siret",
        "enterprise_number",
        "vat_number",
        "email",
        "phone",
        "website",
        "notes",
        "billing_line1",
        "billing_line2",
        "billing_postal_code",
        "billing_city",
        "delivery_line1",
        "delivery_line2",
        "delivery_postal_code",
        "delivery_city",
    }
)
# Values of an audit entry that say nothing about anyone.
_NEUTRAL_VALUES = frozenset({"", "None", "True", "False"})


def is_natural_person(is_consumer: bool, legal_form: str) -> bool:
    """A consumer, or a business run in a person's own name (EI, micro-entrepreneur…)."""
    return is_consumer or fold(legal_form) in NATURAL_PERSON_FORMS


class PersonalDataError(Exception):
    """An erasure (or a customer's export) refused; `code` says why:
    `open_documents` (params `count`, `cents`): the customer still owes, the claim is
    being collected; `not_natural_person`: a company's data is not personal data."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class KeptCode(StrEnum):
    """What an erasure keeps, and why (the UI and the command line word it)."""

    INVOICES = "invoices"  # accounting records of the company: 10 years (L123-22)
    CUSTOMER = "customer"  # the customer company itself: a contact is not the company
    ACCOUNTING_MENTIONS = "accounting_mentions"  # the person written in an accounting record
    ACCOUNT_CODE = "account_code"  # links the kept invoices to the accounting software
    DOUBTFUL_LIST = "doubtful_list"  # on the list of doubtful companies: remove it by hand
    ATTACHMENT_FILES = "attachment_files"  # files attached to disputes: not opened
    BACKUPS = "backups"  # not rewritten: they age out by rotation
    ERASURE_ENTRY = "erasure_entry"  # one audit entry saying it was erased, without values


@dataclass(frozen=True)
class Kept:
    code: KeptCode
    count: int | None = None


@dataclass(frozen=True)
class PlaceCount:
    place: str  # table name
    count: int

    @property
    def label(self) -> str:
        return place_label(self.place)


@dataclass(frozen=True)
class ErasurePreview:
    """What an erasure would do, for the confirmation: every place rewritten, what is
    kept; `refusal` is the PersonalDataError code it would raise, if any."""

    subject: str  # "contact" or "customer"
    subject_id: int
    name: str  # the person's name, to be typed again to confirm
    customer_id: int
    customer_name: str
    places: tuple[PlaceCount, ...]  # mentions that would become "[effacé]", by place
    history_entries: int  # audit entries of the record whose values would be emptied
    kept: tuple[Kept, ...]
    refusal: str | None = None
    refusal_params: tuple[tuple[str, Any], ...] = ()
    contacts: int = 0  # a customer's contacts, erased with it


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure did, and what it kept and why."""

    subject: str  # "contact" or "customer"
    subject_id: int
    customer_id: int
    customer_name: str  # as the customer reads after the erasure
    erased_at: datetime
    actor: str
    reason: str  # as recorded (mentions of the person in it erased too)
    contacts_deleted: int
    places: tuple[PlaceCount, ...]  # fields rewritten to "[effacé]", by place
    history_entries: int  # audit entries of the record whose values were emptied
    kept: tuple[Kept, ...]

    @property
    def fields_rewritten(self) -> int:
        return sum(p.count for p in self.places)


class PersonalDataService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- contacts -------------------------------------------------------------------------

    def export_contact(self, contact_id: int) -> ContactDataExport:
        """Everything the file holds about the contact: their record, their customer's
        name, every mention of their name, e-mail or phone number (current or past) in
        any text with its date and an excerpt, and the history of their record. Reads
        only. NotFoundError for an unknown contact."""
        with self._ctx.database.read() as session:
            contact = self._contact(session, contact_id)
            customer = session.get(Customer, contact.customer_id)
            assert customer is not None  # contacts.customer_id is a cascading key
            terms, _own, hits = self._find(session, customer.id, [contact])
            history = _history(session, "contact", [contact_id])
            return ContactDataExport(
                exported_at=self._ctx.clock.now(),
                controller=_controller(session),
                contact=_contact_record(contact),
                customer_id=customer.id,
                customer_name=customer.legal_name,
                mentions=tuple(_mention(hit, terms) for hit in hits),
                history=history,
            )

    def preview_contact_erasure(self, contact_id: int) -> ErasurePreview:
        """What `erase_contact` would rewrite and keep, without changing anything."""
        with self._ctx.database.read() as session:
            contact = self._contact(session, contact_id)
            customer = session.get(Customer, contact.customer_id)
            assert customer is not None
            _terms, own, hits = self._find(session, customer.id, [contact])
            kept = _kept_for_contact(session, customer.id, _accounting(hits))
            return ErasurePreview(
                subject="contact",
                subject_id=contact_id,
                name=_full_name(contact.first_name, contact.last_name),
                customer_id=customer.id,
                customer_name=customer.legal_name,
                places=_by_place(h.table for h in hits if not h.kept),
                history_entries=len(own),
                kept=kept,
            )

    def erase_contact(self, contact_id: int, reason: str) -> ErasureReport:
        """Erase a contact on request, in one transaction: delete the contact's row,
        write "[effacé]" over their name, e-mail and phone number (current and past)
        wherever they appear as text — customer notes, visit reports, reminders and
        call notes, tasks, promises, disputes, the audit trail's summaries and before/
        after values —, empty the values of the contact's own audit entries, and record
        one audit entry saying a contact was erased, with `reason` (required; the
        person's mentions in it erased too) and who did it, never the values. Invoices,
        credit notes and payments are kept as they are (accounting records of the
        company); the report says so. NotFoundError for an unknown contact,
        ValidationError("reason", REQUIRED) for a blank reason."""
        reason = _required_reason(reason)
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            contact = self._contact(session, contact_id)
            customer = session.get(Customer, contact.customer_id)
            assert customer is not None
            terms = self._contact_terms(session, contact)
            customer_id = customer.id
            session.execute(delete(Contact).where(Contact.id == contact_id))
            history = _empty_own_entries(session, "contact", [contact_id], ERASED_CONTACT)
            rewritten, accounting = scan.scrub(
                session, terms, customer_id=customer_id, contact_ids=[contact_id]
            )
            recorded_reason = scan.rewrite_value(reason, terms)
            audit.record(
                session,
                at=now,
                actor=actor,
                action=AuditAction.DELETE,
                entity="contact",
                entity_id=contact_id,
                summary=_erasure_summary(recorded_reason),
                # The customer hint keeps the erased contact's entries in the customer's
                # trail (services.audit_trail); no erased value is written.
                changes={CUSTOMER_HINT: (customer_id, None)},
            )
            kept = _kept_for_contact(session, customer_id, accounting)
            return ErasureReport(
                subject="contact",
                subject_id=contact_id,
                customer_id=customer_id,
                customer_name=customer.legal_name,
                erased_at=now,
                actor=actor,
                reason=recorded_reason,
                contacts_deleted=1,
                places=_counts(rewritten),
                history_entries=history,
                kept=kept,
            )

    # --- customers who are natural persons ------------------------------------------------

    def is_natural_person(self, customer_id: int) -> bool:
        """Whether the customer is a person (consumer or sole trader), whose own record
        is personal data. NotFoundError for an unknown customer."""
        with self._ctx.database.read() as session:
            customer = _customer(session, customer_id)
            return is_natural_person(customer.is_consumer, customer.legal_form)

    def export_customer(self, customer_id: int) -> CustomerDataExport:
        """Everything the file holds about a customer who is a natural person: their
        record, their contacts, their invoices and credit notes, the mentions of their
        name, address, e-mail or phone number in any text, and the history of their
        record. Reads only. PersonalDataError("not_natural_person") for a company."""
        with self._ctx.database.read() as session:
            customer = self._natural_person(session, customer_id)
            contacts = list(
                session.scalars(select(Contact).where(Contact.customer_id == customer_id))
            )
            contact_ids = [c.id for c in contacts]
            terms, _own, hits = self._find(session, customer_id, contacts, customer)
            documents = session.scalars(
                select(Document)
                .where(Document.customer_id == customer_id)
                .order_by(Document.issued_on, Document.number)
            )
            return CustomerDataExport(
                exported_at=self._ctx.clock.now(),
                controller=_controller(session),
                customer=_customer_record(customer),
                contacts=tuple(_contact_record(c) for c in contacts),
                documents=tuple(
                    DocumentLine(
                        d.kind, d.number, d.issued_on, d.due_on, d.total_cents, d.open_cents
                    )
                    for d in documents
                ),
                mentions=tuple(_mention(hit, terms) for hit in hits),
                history=tuple(
                    sorted(
                        _history(session, "customer", [customer_id])
                        + _history(session, "contact", contact_ids),
                        key=lambda h: h.at,
                    )
                ),
            )

    def preview_customer_erasure(self, customer_id: int) -> ErasurePreview:
        """What `erase_customer` would rewrite and keep, or why it would refuse
        (`refusal`), without changing anything. PersonalDataError("not_natural_person")
        for a company."""
        with self._ctx.database.read() as session:
            customer = self._natural_person(session, customer_id)
            contacts = list(
                session.scalars(select(Contact).where(Contact.customer_id == customer_id))
            )
            _terms, own, hits = self._find(session, customer_id, contacts, customer)
            count, cents = _open_documents(session, customer_id)
            return ErasurePreview(
                subject="customer",
                subject_id=customer_id,
                name=customer.legal_name,
                customer_id=customer_id,
                customer_name=customer.legal_name,
                places=_by_place(h.table for h in hits if not h.kept),
                history_entries=len(own),
                kept=_kept_for_customer(session, customer, _accounting(hits)),
                refusal="open_documents" if count else None,
                refusal_params=(("count", count), ("cents", cents)) if count else (),
                contacts=len(contacts),
            )

    def erase_customer(self, customer_id: int, reason: str) -> ErasureReport:
        """Erase a customer who is a natural person, in one transaction, once nothing is
        left to collect: their name, trade name, addresses, e-mail, phone, website,
        identifiers and notes are anonymised (the name becomes "Client effacé n° N"),
        their contacts are erased as `erase_contact` does, every mention of them becomes
        "[effacé]", the values of their audit entries are emptied, and one audit entry
        records the erasure with `reason`, never the values. Invoices and credit notes
        are kept (accounting records, 10 years), with the account code that links them to
        the accounting software. PersonalDataError("open_documents") while a document is
        still open (the claim is being collected: legitimate interest), or
        ("not_natural_person") for a company; ValidationError for a blank reason."""
        reason = _required_reason(reason)
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            customer = self._natural_person(session, customer_id)
            count, cents = _open_documents(session, customer_id)
            if count:
                raise PersonalDataError("open_documents", count=count, cents=cents)
            contacts = list(
                session.scalars(select(Contact).where(Contact.customer_id == customer_id))
            )
            contact_ids = [c.id for c in contacts]
            terms = self._customer_terms(session, customer, contacts)
            session.execute(delete(Contact).where(Contact.customer_id == customer_id))
            history = _empty_own_entries(session, "contact", contact_ids, ERASED_CONTACT)
            history += _empty_own_entries(
                session, "customer", [customer_id], None, CUSTOMER_PERSONAL_FIELDS
            )
            anonymous = ERASED_CUSTOMER.format(id=customer_id)
            _anonymise(session, customer, anonymous, now)
            rewritten, accounting = scan.scrub(
                session, terms, customer_id=customer_id, contact_ids=contact_ids
            )
            recorded_reason = scan.rewrite_value(reason, terms)
            audit.record(
                session,
                at=now,
                actor=actor,
                action=AuditAction.UPDATE,
                entity="customer",
                entity_id=customer_id,
                summary=_erasure_summary(recorded_reason),
            )
            rewritten["customers"] = rewritten.get("customers", 0) + 1
            if contacts:
                rewritten["contacts"] = len(contacts)
            return ErasureReport(
                subject="customer",
                subject_id=customer_id,
                customer_id=customer_id,
                customer_name=anonymous,
                erased_at=now,
                actor=actor,
                reason=recorded_reason,
                contacts_deleted=len(contacts),
                places=_counts(rewritten),
                history_entries=history,
                kept=_kept_for_customer(session, customer, accounting),
            )

    # --- terms --------------------------------------------------------------------------

    def _find(
        self,
        session: Session,
        customer_id: int,
        contacts: list[Contact],
        customer: Customer | None = None,
    ) -> tuple[list[Term], set[int], list[scan.Hit]]:
        """The terms of the contacts (and of the customer, when it is the person), the
        audit entries of their own records (shown as their history, not as mentions),
        and every mention elsewhere, oldest first."""
        contact_ids = [c.id for c in contacts]
        if customer is None:
            terms = _ordered(t for c in contacts for t in self._contact_terms(session, c))
            own = set(_entry_ids(session, "contact", contact_ids))
        else:
            terms = self._customer_terms(session, customer, contacts)
            own = set(_entry_ids(session, "customer", [customer_id]))
            own |= set(_entry_ids(session, "contact", contact_ids))
        hits = scan.find(
            session,
            terms,
            customer_id=customer_id,
            contact_ids=contact_ids,
            exclude=lambda table, row_id: table == "audit_log" and row_id in own,
        )
        hits.sort(key=lambda h: (h.on is None, h.on or date.min, h.table, h.row_id))
        return terms, own, hits

    @staticmethod
    def _contact(session: Session, contact_id: int) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError("contact", contact_id)
        return contact

    @staticmethod
    def _natural_person(session: Session, customer_id: int) -> Customer:
        customer = _customer(session, customer_id)
        if not is_natural_person(customer.is_consumer, customer.legal_form):
            raise PersonalDataError("not_natural_person")
        return customer

    @staticmethod
    def _contact_terms(session: Session, contact: Contact) -> list[Term]:
        """How the contact may be written: full name (current and past, as the audit
        trail remembers them), e-mails and phone numbers (current and past) anywhere;
        the last name alone and the first name alone (unless another contact of the
        customer shares it) only in the customer's rows."""
        first_names = {contact.first_name.strip()}
        last_names = {contact.last_name.strip()}
        full_names = {_full_name(contact.first_name, contact.last_name)}
        emails = {contact.email.strip()}
        phones = {contact.phone.strip()}
        for entry in session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "contact", AuditEntry.entity_id == contact.id
            )
        ):
            full_names.add((entry.summary or "").strip())
            for change in decode_changes(entry.changes_json):
                target = {
                    "first_name": first_names,
                    "last_name": last_names,
                    "email": emails,
                    "phone": phones,
                }.get(change.field)
                if target is not None:
                    target.update(v.strip() for v in (change.before, change.after))
        others = {
            fold(name)
            for name in session.scalars(
                select(Contact.first_name).where(
                    Contact.customer_id == contact.customer_id, Contact.id != contact.id
                )
            )
        }
        terms: list[Term | None] = []
        terms += [scan.name_term(n, min_letters=4) for n in full_names if " " in n.strip()]
        terms += [scan.email_term(e) for e in emails]
        terms += [scan.phone_term(p) for p in phones]
        terms += [scan.name_term(n, scoped=True) for n in last_names]
        terms += [scan.name_term(n, scoped=True) for n in first_names if fold(n) not in others]
        return _ordered(terms)

    def _customer_terms(
        self, session: Session, customer: Customer, contacts: Iterable[Contact]
    ) -> list[Term]:
        """How a natural-person customer may be written (name with or without civility,
        trade name, street address, e-mail, phone — current and past), plus each of
        their contacts' terms."""
        names = {customer.legal_name, customer.trade_name}
        emails = {customer.email}
        phones = {customer.phone}
        streets = {customer.billing_line1, customer.delivery_line1}
        for entry in session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "customer", AuditEntry.entity_id == customer.id
            )
        ):
            names.add(entry.summary or "")
            for change in decode_changes(entry.changes_json):
                target = {
                    "legal_name": names,
                    "trade_name": names,
                    "email": emails,
                    "phone": phones,
                    "billing_line1": streets,
                    "delivery_line1": streets,
                }.get(change.field)
                if target is not None:
                    target.update((change.before, change.after))
        names |= {_without_civility(n) for n in names}
        terms: list[Term | None] = []
        terms += [scan.name_term(n, min_letters=4) for n in names]
        terms += [scan.name_term(s, min_letters=8) for s in streets]
        terms += [scan.email_term(e) for e in emails]
        terms += [scan.phone_term(p) for p in phones]
        for contact in contacts:
            terms += self._contact_terms(session, contact)
        return _ordered(terms)


# --- helpers --------------------------------------------------------------------------------


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("customer", customer_id)
    return customer


def _required_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError([FieldError("reason", ErrorCode.REQUIRED)])
    return reason


def _erasure_summary(reason: str) -> str:
    return f"Données personnelles effacées sur demande (RGPD, art. 17) — motif : {reason}"


def _full_name(first: str, last: str) -> str:
    return " ".join(p.strip() for p in (first, last) if p.strip())


def _without_civility(name: str) -> str:
    words = name.split()
    while words and fold(words[0]) in CIVILITIES:
        words = words[1:]
    return " ".join(words)


def _ordered(terms: Iterable[Term | None]) -> list[Term]:
    """Distinct terms, the longest first: a full name is replaced whole before its last
    name alone could cut it in two."""
    unique: dict[tuple[str, bool, str], Term] = {}
    for term in terms:
        if term is not None:
            unique.setdefault((term.pattern.pattern, term.scoped, term.rough), term)
    return sorted(unique.values(), key=lambda t: (-len(t.text), t.text))


def _controller(session: Session) -> str:
    name = session.scalar(select(CompanySettings.legal_name).order_by(CompanySettings.id))
    return name or ""


def _entry_ids(session: Session, entity: str, ids: list[int]) -> list[int]:
    if not ids:
        return []
    return list(
        session.scalars(
            select(AuditEntry.id).where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
        )
    )


def _history(session: Session, entity: str, ids: list[int]) -> tuple[HistoryEntry, ...]:
    if not ids:
        return ()
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return tuple(
        HistoryEntry(
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity=entity,
            changes=tuple(
                HistoryChange(c.field, c.before, c.after) for c in decode_changes(row.changes_json)
            ),
        )
        for row in rows
    )


def _empty_own_entries(
    session: Session,
    entity: str,
    ids: list[int],
    summary: str | None,
    fields: frozenset[str] | None = None,
) -> int:
    """Write "[effacé]" over the values (all of them, or only `fields`) of the audit
    entries about the erased records; `summary` replaces theirs when given. The
    customer hint of a deletion stays: it keeps the entries in the customer's trail.
    Returns how many entries changed."""
    changed = 0
    if not ids:
        return 0
    for row in session.execute(
        select(AuditEntry.id, AuditEntry.summary, AuditEntry.changes_json).where(
            AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids)
        )
    ):
        values: dict[str, str] = {}
        try:
            data = json.loads(row.changes_json) if row.changes_json else None
        except ValueError:
            data = None
        if isinstance(data, dict):
            emptied = {
                name: [_erased(v, name, fields) for v in pair]
                if isinstance(pair, list)
                else _erased(pair, name, fields)
                for name, pair in data.items()
            }
            if emptied != data:
                values["changes_json"] = json.dumps(emptied, ensure_ascii=False)
        elif row.changes_json:
            # Not the JSON the log writes: nothing can tell what it holds.
            values["changes_json"] = ""
        if summary is not None and row.summary != summary:
            values["summary"] = summary
        if values:
            session.execute(update(AuditEntry).where(AuditEntry.id == row.id).values(**values))
            changed += 1
    return changed


def _erased(value: object, field: str, fields: frozenset[str] | None) -> object:
    if field == CUSTOMER_HINT or str(value) in _NEUTRAL_VALUES:
        return value
    if fields is not None and field not in fields:
        return value
    return ERASED


def _anonymise(session: Session, customer: Customer, name: str, now: datetime) -> None:
    """The customer's personal fields emptied; what the receivables need stays (status,
    terms, country for the legal rules, account code linking the kept invoices)."""
    customer.legal_name = name
    customer.trade_name = ""
    customer.siren = None
    customer.siret = ""
    customer.enterprise_number = None
    customer.vat_number = ""
    for prefix in ("billing", "delivery"):
        for part in ("line1", "line2", "postal_code", "city"):
            setattr(customer, f"{prefix}_{part}", "")
    customer.email = ""
    customer.phone = ""
    customer.website = ""
    customer.notes = ""
    # As services.customers computes them from the fields left.
    customer.sort_name = fold(name)[:200]
    customer.sort_city = ""
    customer.search_text = search_key(name, customer.account_code)
    customer.updated_at = now
    session.flush()


def _open_documents(session: Session, customer_id: int) -> tuple[int, int]:
    count, cents = session.execute(
        select(func.count(Document.id), func.coalesce(func.sum(Document.open_cents), 0)).where(
            Document.customer_id == customer_id, Document.open_cents != 0
        )
    ).one()
    return int(count), int(cents)


def _kept_for_contact(session: Session, customer_id: int, accounting: int) -> tuple[Kept, ...]:
    kept = [Kept(KeptCode.CUSTOMER), _invoices(session, customer_id)]
    return _with_common(session, customer_id, kept, accounting)


def _kept_for_customer(session: Session, customer: Customer, accounting: int) -> tuple[Kept, ...]:
    kept = [_invoices(session, customer.id)]
    if customer.account_code:
        kept.append(Kept(KeptCode.ACCOUNT_CODE))
    doubtful = session.scalar(
        select(func.count(DoubtfulCompany.id)).where(DoubtfulCompany.customer_id == customer.id)
    )
    if doubtful:
        kept.append(Kept(KeptCode.DOUBTFUL_LIST, int(doubtful)))
    return _with_common(session, customer.id, kept, accounting)


def _invoices(session: Session, customer_id: int) -> Kept:
    count = session.scalar(
        select(func.count(Document.id)).where(Document.customer_id == customer_id)
    )
    return Kept(KeptCode.INVOICES, int(count or 0))


def _with_common(
    session: Session, customer_id: int, kept: list[Kept], accounting: int
) -> tuple[Kept, ...]:
    if accounting:
        kept.append(Kept(KeptCode.ACCOUNTING_MENTIONS, accounting))
    attachments = session.scalar(
        select(func.count(DisputeAttachment.id))
        .join(Dispute, Dispute.id == DisputeAttachment.dispute_id)
        .where(Dispute.customer_id == customer_id)
    )
    if attachments:
        kept.append(Kept(KeptCode.ATTACHMENT_FILES, int(attachments)))
    kept += [Kept(KeptCode.BACKUPS), Kept(KeptCode.ERASURE_ENTRY)]
    return tuple(kept)


def _accounting(hits: Iterable[scan.Hit]) -> int:
    return sum(1 for h in hits if h.kept)


def _by_place(tables: Iterable[str]) -> tuple[PlaceCount, ...]:
    counts: dict[str, int] = {}
    for table in tables:
        counts[table] = counts.get(table, 0) + 1
    return _counts(counts)


def _counts(counts: dict[str, int]) -> tuple[PlaceCount, ...]:
    return tuple(PlaceCount(table, n) for table, n in sorted(counts.items()) if n)


def _mention(hit: scan.Hit, terms: list[Term]) -> Mention:
    text = hit.value
    if hit.column.endswith("_json"):
        text = " ; ".join(
            f"{field_label(c.field)} : {c.before or '—'} → {c.after or '—'}"
            for c in decode_changes(text)
        )
    return Mention(
        place=hit.table,
        field=hit.column,
        record_id=hit.row_id,
        on=hit.on,
        excerpt=_excerpt(text, terms),
        accounting=hit.kept,
    )


def _excerpt(text: str, terms: list[Term]) -> str:
    """The text around the first mention, EXCERPT_WIDTH characters either side."""
    text = " ".join(text.split())
    starts = [m for m in (t.pattern.search(text) for t in terms) if m is not None]
    if not starts:
        return text[: 2 * EXCERPT_WIDTH]
    first = min(starts, key=lambda m: m.start())
    begin = max(0, first.start() - EXCERPT_WIDTH)
    end = min(len(text), first.end() + EXCERPT_WIDTH)
    return ("…" if begin else "") + text[begin:end] + ("…" if end < len(text) else "")


def _contact_record(c: Contact) -> ContactRecord:
    return ContactRecord(
        id=c.id,
        first_name=c.first_name,
        last_name=c.last_name,
        role=c.role,
        email=c.email,
        phone=c.phone,
        is_primary=c.is_primary,
        receives_reminders=c.receives_reminders,
        notes=c.notes,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


def _customer_record(c: Customer) -> CustomerRecord:
    def address(prefix: str) -> str:
        parts = [
            getattr(c, f"{prefix}_line1"),
            getattr(c, f"{prefix}_line2"),
            f"{getattr(c, f'{prefix}_postal_code')} {getattr(c, f'{prefix}_city')}".strip(),
        ]
        return ", ".join(p for p in parts if p)

    return CustomerRecord(
        id=c.id,
        legal_name=c.legal_name,
        trade_name=c.trade_name,
        legal_form=c.legal_form,
        is_consumer=c.is_consumer,
        billing_address=address("billing"),
        delivery_address=address("delivery"),
        email=c.email,
        phone=c.phone,
        website=c.website,
        siren=c.siren or "",
        siret=c.siret,
        enterprise_number=c.enterprise_number or "",
        vat_number=c.vat_number,
        notes=c.notes,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )
