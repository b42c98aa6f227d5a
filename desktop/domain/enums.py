"""The vocabularies of the product, stored by their value in the database.

Labels live in the UI (translated); these values never change once shipped,
because they are written in users' files.
"""

from __future__ import annotations

from enum import StrEnum


class Country(StrEnum):
    FRANCE = "FR"
    BELGIUM = "BE"
    OTHER = "XX"


class CustomerStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    UNDER_WATCH = "under_watch"
    BLOCKED = "blocked"
    INSOLVENCY = "insolvency"


class Profile(StrEnum):
    OWNER = "owner"
    ASSISTANT = "assistant"
    SALESPERSON = "salesperson"


class PaymentTermsBasis(StrEnum):
    """How the payment term counts days (Code de commerce L441-10)."""

    INVOICE_DATE = "invoice_date"  # N days after the invoice date
    END_OF_MONTH_AFTER = "eom_after"  # invoice date + N days, then end of that month
    END_OF_MONTH_THEN = "eom_then"  # end of the invoice month, then + N days


class InsolvencyKind(StrEnum):
    SAFEGUARD = "sauvegarde"
    RECEIVERSHIP = "redressement"
    LIQUIDATION = "liquidation"


class RatingSource(StrEnum):
    BANQUE_DE_FRANCE = "banque_de_france"
    COFACE = "coface"
    CREDITSAFE = "creditsafe"
    ELLISPHERE = "ellisphere"
    GRAYDON = "graydon"
    OTHER = "other"


class ContactRole(StrEnum):
    MANAGER = "manager"
    ACCOUNTING = "accounting"
    PURCHASING = "purchasing"
    OTHER = "other"


class ObservationTopic(StrEnum):
    """What a salesperson looks at on site (seeds: 'le vendeur peut fournir des informations')."""

    SITE_ACTIVITY = "site_activity"
    STAFF_TURNOVER = "staff_turnover"
    STOCK_AND_SHELVES = "stock_and_shelves"
    NEW_EQUIPMENT = "new_equipment"
    PREMISES = "premises"
    PAYMENT_DIFFICULTIES = "payment_difficulties"
    ORDERS_IN_PROGRESS = "orders_in_progress"


class Assessment(StrEnum):
    REASSURING = "reassuring"
    NEUTRAL = "neutral"
    WORRYING = "worrying"
    NOT_OBSERVED = "not_observed"


class DoubtfulSource(StrEnum):
    UNPAID_INVOICES = "unpaid_invoices"
    RATING = "rating"
    PUBLISHED_INSOLVENCY = "published_insolvency"
    FIELD_REPORT = "field_report"
    OTHER = "other"


class DocumentKind(StrEnum):
    """What a line of the receivables ledger is. Invoices and expected instalments are
    owed by the customer (positive open amount); credit notes and payments not yet
    matched to an invoice are owed back or on account (negative open amount)."""

    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT = "payment"
    EXPECTED_INSTALMENT = "expected_instalment"

    @property
    def sign(self) -> int:
        return 1 if self in (DocumentKind.INVOICE, DocumentKind.EXPECTED_INSTALMENT) else -1


class Channel(StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    PHONE = "phone"
    SALESPERSON = "salesperson"
    FORMAL_NOTICE = "formal_notice"


class Tone(StrEnum):
    COURTEOUS = "courteous"
    FRIENDLY = "friendly"
    FIRM = "firm"
    FORMAL = "formal"


class ActionStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    POSTPONED = "postponed"
    SKIPPED = "skipped"


class CallOutcome(StrEnum):
    """What came of a phone call (or a salesperson's contact)."""

    REACHED = "reached"
    PROMISE = "promise"
    DISPUTE = "dispute"
    NO_ANSWER = "no_answer"
    MESSAGE_LEFT = "message_left"
    WRONG_NUMBER = "wrong_number"
    REFUSED = "refused"


class TaskKind(StrEnum):
    REMINDER_HANDOFF = "reminder_handoff"
    DISPUTE_QUESTIONS = "dispute_questions"
    PROMISE_CHECK = "promise_check"
    INSOLVENCY_CLAIM = "insolvency_claim"
    REPAYMENT_PLAN_BROKEN = "repayment_plan_broken"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class PromiseStatus(StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"


class DisputeCategory(StrEnum):
    PRICE = "price"
    QUANTITY = "quantity"
    WRONG_ITEM = "wrong_item"
    DAMAGED = "damaged"
    NOT_DELIVERED = "not_delivered"
    BILLED_TWICE = "billed_twice"
    INVOICE_ERROR = "invoice_error"
    MISSING_PO = "missing_po"
    CONTRACT = "contract"
    OTHER = "other"


class Department(StrEnum):
    SALES = "sales"
    LOGISTICS = "logistics"
    QUALITY = "quality"
    ACCOUNTING = "accounting"
    MANAGEMENT = "management"


class DisputeStatus(StrEnum):
    OPEN = "open"
    ANALYSIS = "analysis"
    WAITING_CUSTOMER = "waiting_customer"
    RESOLVED = "resolved"
    REJECTED = "rejected"


class DisputeResolution(StrEnum):
    CREDIT_NOTE = "credit_note"
    REISSUED_INVOICE = "reissued_invoice"
    COMMERCIAL_GESTURE = "commercial_gesture"
    REJECTED = "rejected"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    EXPIRED = "expired"


class RepaymentPlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    BROKEN = "broken"


class BlockingDecisionStatus(StrEnum):
    PROPOSED = "proposed"
    BLOCKED = "blocked"
    DECLINED = "declined"
    UNBLOCKED = "unblocked"


class BlockingRule(StrEnum):
    """Why a customer is (proposed to be) blocked; stored in blocking_decisions.rule."""

    OVERDUE = "overdue"  # the oldest item owed is late beyond the set number of days
    CREDIT_LIMIT = "credit_limit"  # the outstanding balance is above the credit limit
    INSOLVENCY = "insolvency"  # an insolvency proceeding is open
    OWNER = "owner"  # the owner decided without a rule proposing it


class RateKind(StrEnum):
    ECB_MAIN_REFINANCING = "ecb_refi"
    FR_LEGAL_INTEREST_PROFESSIONAL = "fr_legal_pro"
    FR_LEGAL_INTEREST_OTHER = "fr_legal_other"
    BE_LATE_PAYMENT = "be_late_payment"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class ScheduleKind(StrEnum):
    """How a payment-schedule template builds its lines (schedule_templates.kind)."""

    MILESTONES = "milestones"  # percentages tied to events (order, deliveries…)
    MONTHLY = "monthly"  # N monthly instalments, an optional deposit first
    TERM = "term"  # one payment under payment terms ("30 jours fin de mois"…)
