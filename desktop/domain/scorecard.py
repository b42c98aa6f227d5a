"""Salesperson scorecards (fiches commerciaux): the figures of one salesperson over a
period, as plain data, and the arithmetic behind them.

The variable-pay meeting must be able to check every figure by hand, so each one has a
written definition (`definitions()`, printed in the PDF's « Définitions » box) and the
arithmetic is integer and explicit: shares in basis points (1 % = 100) and the average
days late in tenths of a day, both rounded half up. No SQL here: the service reads the
file and hands plain rows to these functions.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.enums import BlockingDecisionStatus, CustomerStatus, PromiseStatus

__all__ = [
    "DEFAULT_PERIOD_MONTHS",
    "NEW_CUSTOMER_MONTHS",
    "TOP_OVERDUE",
    "Definition",
    "Lateness",
    "OverdueCustomer",
    "PaidInvoice",
    "PromiseTally",
    "Scorecard",
    "became_blocked",
    "default_period",
    "definitions",
    "lateness",
    "lateness_sum",
    "months_before",
    "new_customer_window",
    "promise_sum",
    "promise_tally",
    "rounded_ratio",
    "share_bp",
]

DEFAULT_PERIOD_MONTHS = 3  # a quarter: the rhythm of most variable-pay reviews
# Customers rarely get blocked within weeks of being won: a year of hindsight says more
# about the quality of what a salesperson brings in than the period alone would.
NEW_CUSTOMER_MONTHS = 12
TOP_OVERDUE = 10  # overdue customers listed on a salesperson's page

_BLOCKED_STATUSES = frozenset((CustomerStatus.BLOCKED.value, CustomerStatus.INSOLVENCY.value))


# --- arithmetic -----------------------------------------------------------------------------


def rounded_ratio(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (towards +∞ on a tie), integers only.
    The denominator must be positive."""
    if denominator <= 0:
        raise ValueError("the denominator must be positive")
    return (2 * numerator + denominator) // (2 * denominator)


def share_bp(part: int, whole: int) -> int | None:
    """`part` / `whole` in basis points (10 000 = 100 %), rounded half up; None when
    `whole` is zero or negative (a share of nothing is undefined, not 0 %)."""
    if whole <= 0:
        return None
    return rounded_ratio(part * 10_000, whole)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, the last day of the month when that
    month is shorter (31 May − 3 months = 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def default_period(as_of: date) -> tuple[date, date]:
    """The period a scorecard covers unless told otherwise: the three calendar months up to
    `as_of`, the current one included (16/03/2026 → 01/01/2026–16/03/2026)."""
    first = months_before(as_of.replace(day=1), DEFAULT_PERIOD_MONTHS - 1)
    return first, as_of


def new_customer_window(end: date) -> tuple[date, date]:
    """The creation dates that make a customer "new" for a period ending on `end`: the
    twelve months up to `end` (17/03/2025–16/03/2026 for an end on 16/03/2026)."""
    start = months_before(end, NEW_CUSTOMER_MONTHS)
    return date.fromordinal(start.toordinal() + 1), end


# --- payment delays ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PaidInvoice:
    """An invoice settled in the period: its amount incl. VAT, due date, settlement date."""

    total_cents: int
    due_on: date
    settled_on: date

    @property
    def days_late(self) -> int:
        """Days between the due date and the settlement; paid early or on time is 0."""
        return max((self.settled_on - self.due_on).days, 0)


@dataclass(frozen=True)
class Lateness:
    """The amount-weighted average delay of the invoices settled in the period."""

    invoice_count: int = 0
    amount_cents: int = 0  # Σ amounts: the weights
    weighted_cents_days: int = 0  # Σ amount × days late
    late_count: int = 0  # invoices settled after their due date

    @property
    def average_tenths(self) -> int | None:
        """Σ(amount × days late) / Σ amount, in tenths of a day (123 = 12,3 days), rounded
        half up; None when nothing was settled."""
        if self.amount_cents <= 0:
            return None
        return rounded_ratio(self.weighted_cents_days * 10, self.amount_cents)


def lateness(invoices: Iterable[PaidInvoice]) -> Lateness:
    """Weigh each settled invoice's days late by its amount. Invoices of zero or negative
    amount carry no weight and are left out."""
    count = amount = weighted = late = 0
    for invoice in invoices:
        if invoice.total_cents <= 0:
            continue
        count += 1
        amount += invoice.total_cents
        weighted += invoice.total_cents * invoice.days_late
        late += invoice.days_late > 0
    return Lateness(count, amount, weighted, late)


def lateness_sum(parts: Iterable[Lateness]) -> Lateness:
    """Several groups' delays as one (the team's line): sums of the sums, so the average
    stays weighted by amount, never an average of averages."""
    count = amount = weighted = late = 0
    for part in parts:
        count += part.invoice_count
        amount += part.amount_cents
        weighted += part.weighted_cents_days
        late += part.late_count
    return Lateness(count, amount, weighted, late)


# --- new customers later blocked --------------------------------------------------------------


def became_blocked(
    status: str,
    insolvency_opened_on: date | None,
    decisions: Sequence[tuple[str, date | None]],
    end: date,
) -> bool:
    """Whether a customer was blocked or went into an insolvency proceeding by `end`.

    `decisions` are its blocking decisions (status value, decided on). Blocked: a BLOCKED
    decision dated on or before `end` (a later unblocking does not erase it), or an
    insolvency judgment on or before `end`. A file where the status was set without any
    recorded decision (an older file, an import) only knows the status today: a customer
    blocked or insolvent now without a single BLOCKED decision counts too.
    """
    blocked_decisions = [
        on for kind, on in decisions if kind == BlockingDecisionStatus.BLOCKED.value
    ]
    if any(on is not None and on <= end for on in blocked_decisions):
        return True
    if insolvency_opened_on is not None and insolvency_opened_on <= end:
        return True
    return not blocked_decisions and status in _BLOCKED_STATUSES


# --- promises ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromiseTally:
    """The promises to pay recorded in the period, by what became of them."""

    count: int = 0
    kept: int = 0
    broken: int = 0
    pending: int = 0
    amount_cents: int = 0  # Σ promised amounts

    @property
    def kept_share_bp(self) -> int | None:
        """Kept among the promises already checked (kept + broken); pending ones wait."""
        return share_bp(self.kept, self.kept + self.broken)


def promise_tally(promises: Iterable[tuple[str, int]]) -> PromiseTally:
    """Count (status value, amount) pairs of promises."""
    count = kept = broken = pending = amount = 0
    for status, cents in promises:
        count += 1
        amount += cents
        if status == PromiseStatus.KEPT.value:
            kept += 1
        elif status == PromiseStatus.BROKEN.value:
            broken += 1
        else:
            pending += 1
    return PromiseTally(count, kept, broken, pending, amount)


def promise_sum(parts: Iterable[PromiseTally]) -> PromiseTally:
    """Several groups' promises as one tally."""
    items = list(parts)
    return PromiseTally(
        sum(p.count for p in items),
        sum(p.kept for p in items),
        sum(p.broken for p in items),
        sum(p.pending for p in items),
        sum(p.amount_cents for p in items),
    )


# --- the scorecard ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueCustomer:
    """A customer of the portfolio with money overdue on the end date."""

    customer_id: int
    name: str
    open_cents: int  # everything open, overdue or not
    overdue_cents: int
    oldest_bucket: str  # the aging key of its oldest overdue amount ("61-90", "120+")


@dataclass(frozen=True)
class Scorecard:
    """One salesperson's figures over [start, end]; `salesperson_id` None is the line of
    the customers without a salesperson (its `name` is empty: the reader labels it)."""

    salesperson_id: int | None
    name: str
    start: date
    end: date
    customer_count: int = 0
    open_cents: int = 0
    overdue_cents: int = 0
    paid: Lateness = field(default_factory=Lateness)
    new_customers: int = 0
    new_customers_blocked: int = 0
    disputes_closed: int = 0  # on the portfolio's customers
    disputes_helped: int = 0  # by this salesperson, whoever the customer's salesperson
    visit_reports: int = 0
    promises: PromiseTally = field(default_factory=PromiseTally)
    top_overdue: tuple[OverdueCustomer, ...] = ()

    @property
    def is_unassigned(self) -> bool:
        return self.salesperson_id is None

    @property
    def overdue_share_bp(self) -> int | None:
        """Overdue / outstanding, the overdue part kept between 0 and the outstanding
        (credit notes can make it negative); None when nothing is owed."""
        return share_bp(min(max(self.overdue_cents, 0), self.open_cents), self.open_cents)

    @property
    def blocked_share_bp(self) -> int | None:
        return share_bp(self.new_customers_blocked, self.new_customers)


# --- the definitions printed with the figures --------------------------------------------------


@dataclass(frozen=True)
class Definition:
    key: str
    label: str
    text: str


def definitions() -> tuple[Definition, ...]:
    """What each figure counts, in French, as printed in the PDF and shown in the dialog's
    tooltips. Written from the constants above, so they never disagree with the code."""
    return (
        Definition(
            "portfolio",
            "Portefeuille",
            "Clients (hors prospects) dont le commercial est celui de la fiche, créés au "
            "plus tard à la fin de la période. Le fichier ne garde pas l'historique des "
            "affectations : c'est l'affectation actuelle qui compte.",
        ),
        Definition(
            "outstanding",
            "Encours",
            "Pièces ouvertes de ces clients à la fin de la période (factures et échéances "
            "moins avoirs et règlements non lettrés), calculées comme la balance âgée de la "
            "page Encours à la même date.",
        ),
        Definition(
            "overdue_share",
            "Part échue",
            "Part de l'encours dont l'échéance est passée à la fin de la période (tout sauf "
            "la tranche « Non échu » de la balance âgée), divisée par l'encours.",
        ),
        Definition(
            "days_late",
            "Retard moyen",
            "Factures soldées pendant la période : jours entre l'échéance et la date de "
            "solde (0 si payée à temps ou en avance), moyenne pondérée par le montant TTC : "
            "Σ(montant × jours) ÷ Σ montants. Même règle que le score de solvabilité.",
        ),
        Definition(
            "new_customers",
            "Nouveaux clients",
            f"Clients du portefeuille (hors prospects) créés dans les {NEW_CUSTOMER_MONTHS} "
            "mois qui finissent à la fin de la période. Bloqués ou en procédure : ceux qui "
            "ont reçu une décision de blocage ou dont la procédure collective a été ouverte "
            "au plus tard à la fin de la période (ou, sans aucune décision enregistrée, dont "
            "le statut actuel est « bloqué » ou « procédure collective »).",
        ),
        Definition(
            "disputes",
            "Litiges",
            "Litiges clos (résolus ou rejetés) pendant la période. « Aidés » : ceux où le "
            "commercial a répondu à une tâche du litige ou signé une étape de son historique "
            "avant la clôture, quel que soit le client. « Clos » : ceux des clients du "
            "portefeuille.",
        ),
        Definition(
            "visits",
            "Rapports de visite",
            "Rapports de visite dont le commercial est l'auteur et dont la date de visite "
            "tombe dans la période.",
        ),
        Definition(
            "promises",
            "Promesses",
            "Promesses de paiement enregistrées pendant la période sur les clients du "
            "portefeuille (le fichier ne dit pas qui les a obtenues). Tenues : le solde a "
            "baissé du montant promis ; la part tenue se calcule sur les promesses déjà "
            "vérifiées (tenues + non tenues).",
        ),
        Definition(
            "top_overdue",
            "Plus gros retards",
            f"Les {TOP_OVERDUE} clients du portefeuille au plus fort montant échu à la fin de "
            "la période, avec la tranche de leur plus ancien retard.",
        ),
    )
