"""The data model of the whole product.

Money is stored in integer cents, rates in basis points (1 % = 100), quantities in
thousandths. Enumerations are stored as their string values (see domain.enums) so the
schema stays portable between SQLite and PostgreSQL.
Every change here needs an Alembic migration in db/migrations/versions.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints: Alembic batch mode on SQLite needs names to alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

S = String(32)  # enumeration values
NAME = String(200)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Stamped:
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# --- The file itself -------------------------------------------------------------------


class AppMeta(Base):
    """Key/value facts about the file: which application wrote it, with which version."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CompanySettings(Stamped, Base):
    """The user's own company (one row), printed on every letter and document."""

    __tablename__ = "company_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(NAME)
    legal_form: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(S, default="FR")
    siren: Mapped[str] = mapped_column(String(9), default="")
    enterprise_number: Mapped[str] = mapped_column(String(10), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    address_line1: Mapped[str] = mapped_column(NAME, default="")
    address_line2: Mapped[str] = mapped_column(NAME, default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    bic: Mapped[str] = mapped_column(String(11), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signatory_name: Mapped[str] = mapped_column(NAME, default="")
    signatory_title: Mapped[str] = mapped_column(String(100), default="")
    default_payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    early_payment_discount: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Stamped, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    profile: Mapped[str] = mapped_column(S)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Folded name (no accents, lower case) so "Émilie" sorts between "Dominique" and "Fanny".
    sort_name: Mapped[str] = mapped_column(NAME, default="")
    # Salted PBKDF2 hash of the optional PIN asked at start (migration 0010); "" = no PIN.
    pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Segment(Stamped, Base):
    """A target group of customers; its dunning plan sets how they are reminded."""

    __tablename__ = "segments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(String(100), default="")
    dunning_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("dunning_plans.id", ondelete="SET NULL"), nullable=True
    )


# --- Customer file ---------------------------------------------------------------------


class Customer(Stamped, Base):
    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_status_sort_name", "status", "sort_name"),
        Index("ix_customers_sort_name", "sort_name"),
        # The list sorted by score, a page at a time (migration 0011).
        Index("ix_customers_score_sort_name", "score", "sort_name"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(S, index=True)
    legal_name: Mapped[str] = mapped_column(NAME)
    trade_name: Mapped[str] = mapped_column(NAME, default="")
    legal_form: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(S, default="FR")
    siren: Mapped[str | None] = mapped_column(String(9), nullable=True, unique=True)
    siret: Mapped[str] = mapped_column(String(14), default="")
    enterprise_number: Mapped[str | None] = mapped_column(String(10), nullable=True, unique=True)
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    # Auxiliary account in the accounting software (FEC CompAuxNum), to match imports.
    account_code: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    billing_line1: Mapped[str] = mapped_column(NAME, default="")
    billing_line2: Mapped[str] = mapped_column(NAME, default="")
    billing_postal_code: Mapped[str] = mapped_column(String(16), default="")
    billing_city: Mapped[str] = mapped_column(String(100), default="")
    billing_country: Mapped[str] = mapped_column(S, default="FR")
    delivery_line1: Mapped[str] = mapped_column(NAME, default="")
    delivery_line2: Mapped[str] = mapped_column(NAME, default="")
    delivery_postal_code: Mapped[str] = mapped_column(String(16), default="")
    delivery_city: Mapped[str] = mapped_column(String(100), default="")
    delivery_country: Mapped[str] = mapped_column(S, default="FR")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    is_consumer: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(5), default="fr")
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), nullable=True, index=True
    )
    salesperson_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    payment_terms_basis: Mapped[str] = mapped_column(S, default="invoice_date")
    credit_limit_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Late-payment rate agreed in the contract (basis points); None = the legal default.
    penalty_rate_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    insolvency_kind: Mapped[str | None] = mapped_column(S, nullable=True)
    insolvency_opened_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    bodacc_published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    priority_prospect: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded (lower-case, no accents) name, identifiers and city, for portable LIKE search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(NAME, default="")
    sort_city: Mapped[str] = mapped_column(String(100), default="")
    # The last solvency score computed (migration 0011), so the list sorts on it in SQL;
    # None until the first refresh. ScoreHistory keeps the past ones.
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score_rules_version: Mapped[str | None] = mapped_column(String(16), nullable=True)
    score_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="Contact.id"
    )
    ratings: Mapped[list[ExternalRating]] = relationship(
        back_populates="customer", cascade="all, delete-orphan"
    )


class Contact(Stamped, Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    receives_reminders: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    customer: Mapped[Customer] = relationship(back_populates="contacts")


class ExternalRating(Stamped, Base):
    __tablename__ = "external_ratings"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(S)
    value: Mapped[str] = mapped_column(String(40))
    rated_on: Mapped[date] = mapped_column(Date)
    comment: Mapped[str] = mapped_column(Text, default="")
    customer: Mapped[Customer] = relationship(back_populates="ratings")


class VisitReport(Stamped, Base):
    __tablename__ = "visit_reports"
    __table_args__ = (Index("ix_visit_reports_customer_date", "customer_id", "visit_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    visit_date: Mapped[date] = mapped_column(Date)
    attendees: Mapped[str] = mapped_column(Text, default="")
    payment_terms_reminded: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    approval_circuit: Mapped[str] = mapped_column(Text, default="")
    for_credit_management: Mapped[str] = mapped_column(Text, default="")
    free_text: Mapped[str] = mapped_column(Text, default="")
    next_visit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    observations: Mapped[list[VisitObservation]] = relationship(
        cascade="all, delete-orphan", order_by="VisitObservation.id"
    )


class VisitObservation(Base):
    __tablename__ = "visit_observations"
    __table_args__ = (UniqueConstraint("visit_report_id", "topic"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_report_id: Mapped[int] = mapped_column(
        ForeignKey("visit_reports.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(S)
    assessment: Mapped[str] = mapped_column(S)
    comment: Mapped[str] = mapped_column(Text, default="")


class DoubtfulCompany(Stamped, Base):
    """A company known to be doubtful, customer or not, with why and who says so."""

    __tablename__ = "doubtful_companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(NAME)
    siren: Mapped[str] = mapped_column(String(14), default="", index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(S)
    source_detail: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date] = mapped_column(Date)
    reported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")


# --- Receivables -----------------------------------------------------------------------


class Document(Stamped, Base):
    """An invoice, a credit note or an expected instalment, amounts incl. VAT in cents."""

    __tablename__ = "documents"
    __table_args__ = (
        # A payment's number (a remittance or cheque deposit) may credit several
        # customers: the key is per customer. The import service keeps invoice and credit
        # note numbers unique across customers (a number of another customer is refused).
        UniqueConstraint("customer_id", "kind", "number"),
        Index("ix_documents_customer_open", "customer_id", "open_cents"),
        Index("ix_documents_due_on", "due_on"),
        # Deleting documents (undoing an import) looks up who refers to each one.
        Index("ix_documents_corrects_id", "corrects_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(S)
    number: Mapped[str] = mapped_column(String(60))
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    total_cents: Mapped[int] = mapped_column(Integer)
    vat_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    open_cents: Mapped[int] = mapped_column(Integer)
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    label: Mapped[str] = mapped_column(Text, default="")
    import_source: Mapped[str] = mapped_column(String(60), default="")
    matching_code: Mapped[str] = mapped_column(String(20), default="")
    # The last import that created or changed this document (None: typed in the app).
    # No ON DELETE action: import rows are kept (an undo marks them undone), and SQLite
    # could only add this column in place (migration 0003) with a plain REFERENCES.
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("imports.id"), nullable=True, index=True
    )


class Payment(Stamped, Base):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100), default="")
    method: Mapped[str] = mapped_column(S, default="")
    import_source: Mapped[str] = mapped_column(String(60), default="")


class PaymentAllocation(Base):
    __tablename__ = "payment_allocations"
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("payments.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    amount_cents: Mapped[int] = mapped_column(Integer)


class ImportMapping(Stamped, Base):
    """A saved column mapping for a CSV/Excel source, reused at the next import."""

    __tablename__ = "import_mappings"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    source_kind: Mapped[str] = mapped_column(S)
    mapping_json: Mapped[str] = mapped_column(Text)


class LegalRate(Base):
    """A dated rate (ECB, legal interest, Belgian late-payment rate), in basis points."""

    __tablename__ = "legal_rates"
    __table_args__ = (UniqueConstraint("kind", "valid_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(S)
    valid_from: Mapped[date] = mapped_column(Date)
    rate_bp: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")


class ImportRun(Base):
    """One import of an accounting export: who, when, from what, what it did, undone or not."""

    __tablename__ = "imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(NAME)
    file_name: Mapped[str] = mapped_column(String(255))
    source_format: Mapped[str] = mapped_column(S)
    mapping_name: Mapped[str] = mapped_column(String(100), default="")
    complete: Mapped[bool] = mapped_column(Boolean, default=False)  # the user said so
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    settled_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    customers_created_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ImportChange(Base):
    """One document an import updated or settled (with what it was before), or one
    customer it created. The documents it created are those whose import_id is the
    import (imports made before that also have a "created" row per document)."""

    __tablename__ = "import_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True
    )
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), nullable=True, index=True
    )
    action: Mapped[str] = mapped_column(S)  # created, updated, settled, customer_created
    before_json: Mapped[str] = mapped_column(Text, default="")  # the document's fields, to undo


# --- Reminders -------------------------------------------------------------------------


class DunningPlan(Stamped, Base):
    __tablename__ = "dunning_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    min_gap_days: Mapped[int] = mapped_column(Integer, default=7)
    for_consumers: Mapped[bool] = mapped_column(Boolean, default=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    levels: Mapped[list[DunningLevel]] = relationship(
        cascade="all, delete-orphan", order_by="DunningLevel.rank"
    )


class DunningLevel(Base):
    __tablename__ = "dunning_levels"
    __table_args__ = (UniqueConstraint("plan_id", "rank"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("dunning_plans.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    offset_days: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(S)
    tone: Mapped[str] = mapped_column(S)
    template_key: Mapped[str] = mapped_column(String(60), default="")
    claims_penalties: Mapped[bool] = mapped_column(Boolean, default=False)
    claims_indemnity: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_days: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ReminderAction(Stamped, Base):
    __tablename__ = "reminder_actions"
    __table_args__ = (Index("ix_reminder_actions_status_planned", "status", "planned_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    level_id: Mapped[int | None] = mapped_column(
        ForeignKey("dunning_levels.id", ondelete="SET NULL"), nullable=True
    )
    channel: Mapped[str] = mapped_column(S)
    planned_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(S)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(S, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    skip_reason: Mapped[str] = mapped_column(Text, default="")


class ReminderActionItem(Base):
    __tablename__ = "reminder_action_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("reminder_actions.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    amount_cents: Mapped[int] = mapped_column(Integer)


class LetterTemplate(Stamped, Base):
    """A user's version of a letter or e-mail template (Jinja2 text). The shipped
    defaults live in resources/templates; a row here replaces the default of the same key
    and language."""

    __tablename__ = "letter_templates"
    __table_args__ = (UniqueConstraint("key", "language"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)


class Task(Stamped, Base):
    """Something a person must do about a customer: a reminder handed to the salesperson,
    the questions of a dispute, a promise to check. Shown on the assignee's list."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_assignee_status", "assignee_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(S)
    status: Mapped[str] = mapped_column(S)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminder_actions.id", ondelete="SET NULL"), nullable=True
    )
    dispute_id: Mapped[int | None] = mapped_column(
        ForeignKey("disputes.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class PromiseToPay(Stamped, Base):
    __tablename__ = "promises_to_pay"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminder_actions.id", ondelete="SET NULL"), nullable=True
    )
    promised_for: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    grace_days: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[str] = mapped_column(S)
    # What the customer owed when promising: the promise is kept once the balance has
    # dropped by the promised amount.
    baseline_cents: Mapped[int] = mapped_column(Integer, default=0)
    checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class BlockingDecision(Stamped, Base):
    """A rule proposes to block a customer; someone decides."""

    __tablename__ = "blocking_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(S)
    rule: Mapped[str] = mapped_column(String(60), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    proposed_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )


# --- Disputes --------------------------------------------------------------------------


class Dispute(Stamped, Base):
    __tablename__ = "disputes"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(S)
    status: Mapped[str] = mapped_column(S, index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(NAME, default="")
    reported_on: Mapped[date] = mapped_column(Date)
    department: Mapped[str] = mapped_column(S)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    expected_answer_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    resolution: Mapped[str | None] = mapped_column(S, nullable=True)
    resolution_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    approved_by: Mapped[str] = mapped_column(NAME, default="")
    # The credit note created by a CREDIT_NOTE resolution (migration 0008).
    credit_note_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    reissued_number: Mapped[str] = mapped_column(String(60), default="")


class DisputeItem(Base):
    __tablename__ = "dispute_items"
    __table_args__ = (UniqueConstraint("dispute_id", "document_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    disputed_cents: Mapped[int] = mapped_column(Integer)


class DisputeEvent(Base):
    """A status change or a note in a dispute's history, dated and signed."""

    __tablename__ = "dispute_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("disputes.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(NAME)
    from_status: Mapped[str | None] = mapped_column(S, nullable=True)
    to_status: Mapped[str | None] = mapped_column(S, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")


class DisputeAttachment(Base):
    __tablename__ = "dispute_attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("disputes.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(DateTime)


# --- Proposals and repayment plans -----------------------------------------------------


class Proposal(Stamped, Base):
    __tablename__ = "proposals"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(S)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    schedule_template: Mapped[str] = mapped_column(String(60), default="")
    total_excl_vat_cents: Mapped[int] = mapped_column(Integer, default=0)
    vat_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )


class ProposalLine(Base):
    __tablename__ = "proposal_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    quantity_milli: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)


class ScheduleLine(Base):
    __tablename__ = "schedule_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(200))
    planned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    percent_bp: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    is_deposit: Mapped[bool] = mapped_column(Boolean, default=False)
    # Payment term counted from the event (migration 0009): 0 days = payable at the event.
    due_days: Mapped[int] = mapped_column(Integer, default=0)
    due_basis: Mapped[str] = mapped_column(S, default="invoice_date")
    reached_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )


class RepaymentPlan(Stamped, Base):
    __tablename__ = "repayment_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(S)
    frequency_months: Mapped[int] = mapped_column(Integer, default=1)
    first_due_on: Mapped[date] = mapped_column(Date)
    includes_penalties: Mapped[bool] = mapped_column(Boolean, default=False)
    total_cents: Mapped[int] = mapped_column(Integer)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    broken_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class RepaymentPlanDocument(Base):
    __tablename__ = "repayment_plan_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("repayment_plans.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    amount_cents: Mapped[int] = mapped_column(Integer)


class RepaymentInstalment(Base):
    __tablename__ = "repayment_instalments"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("repayment_plans.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)


# --- Audit -----------------------------------------------------------------------------


class AuditEntry(Base):
    """Who changed what and when; written in the same transaction as the change."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(NAME)
    action: Mapped[str] = mapped_column(S)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    changes_json: Mapped[str] = mapped_column(Text, default="")


# --- Payment-schedule templates (migration 0009) -----------------------------------------


class ScheduleTemplate(Stamped, Base):
    """A named way to build a proposal's payment schedule (Paramètres › Modèles
    d'échéancier); `milestones_json` holds the parameters of its `kind` (see
    domain.schedule.ScheduleTemplate)."""

    __tablename__ = "schedule_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(S)
    milestones_json: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


# --- Solvency score history (migration 0011) ----------------------------------------------


class ScoreHistory(Base):
    """A customer's score on the day it changed (score or rules version), with its main
    reasons as {factor code: points} so a past score stays explainable."""

    __tablename__ = "score_history"
    __table_args__ = (Index("ix_score_history_customer_computed_on", "customer_id", "computed_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    computed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    rules_version: Mapped[str] = mapped_column(String(16))
    top_factors_json: Mapped[str] = mapped_column(Text, default="{}")
