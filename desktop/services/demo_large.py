"""`encaisse demo --size large|huge`: a big customer file, written fast, for benchmarks.

`large` is the file of issue 9: 5,000 customers, 200,000 invoices (most of them paid,
with their payments), about 20,000 visit reports with their observations, about 50,000
past reminder actions, 2,000 disputes, promises to pay, a few repayment plans and
proposals, and one key account with about 2,000 documents (the customer page measured
by the benchmarks). `huge` keeps the same shape with 50,000 customers and 1,000,000
invoices, for the aggregate figures (aged balance, dashboard) and the 50,000-customer
list.

Unlike `services.demo` (Faker, every record validated, reminders replayed through the
services), every row here is generated from one `random.Random(seed)` and written with
SQLAlchemy Core bulk inserts, the secondary indexes of the big tables rebuilt once at the
end: about 20 s for `large` and under 2 minutes for `huge` on 2 cores. Dates are
relative to the injected clock (`--today`). The bulk part is ONE transaction (nothing
half written); the few proposals, repayment plans and today's scores that follow go
through their services.

The reminder history is consistent with the dunning plans shipped by migration 0005:
`bench/bench_reminders.py` checks that the service and a hand-written floor agree on what
is due.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import (
    ActionStatus,
    Assessment,
    Channel,
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    InsolvencyKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    PromiseStatus,
    TaskKind,
    TaskStatus,
)
from desktop.domain.text import fold, search_key
from desktop.persistence.bulk import indexes_deferred, insert_rows
from desktop.persistence.models import (
    CompanySettings,
    Contact,
    Customer,
    Dispute,
    DisputeEvent,
    DisputeItem,
    Document,
    DunningLevel,
    DunningPlan,
    Payment,
    PaymentAllocation,
    PromiseToPay,
    ReminderAction,
    ReminderActionItem,
    Segment,
    Task,
    User,
    VisitObservation,
    VisitReport,
)

if TYPE_CHECKING:
    from desktop.services.registry import Services

__all__ = [
    "GENERATOR_VERSION",
    "SIZES",
    "LargeCancelled",
    "LargeSize",
    "LargeSummary",
    "generate_large",
]

# Bumped whenever the rows generated for a given size, seed and day change, so that the
# benchmark runner rebuilds the files it keeps instead of measuring stale ones.
GENERATOR_VERSION = 1

HISTORY_DAYS = 730  # two years of invoices
VISIT_WINDOW_DAYS = 548  # visit reports cover the last 18 months
CHUNK = 20_000  # rows per executemany for the big tables (bounded memory at 1,000,000)
KEY_ACCOUNT_ID = 1


@dataclass(frozen=True)
class LargeSize:
    """How much to generate. Derived counts (actions, promises…) follow from these."""

    name: str
    customers: int
    invoices: int
    visit_reports: int
    disputes: int  # open and closed together
    key_account_invoices: int  # invoices of customer 1, the key account

    @classmethod
    def custom(cls, customers: int, invoices: int) -> LargeSize:
        """A size with `large`'s proportions for other counts (the benchmarks' options)."""
        return cls(
            "custom",
            customers,
            invoices,
            visit_reports=customers * 4,
            disputes=customers * 2 // 5,
            key_account_invoices=min(invoices // 100, 1_960),
        )


SIZES = {
    "large": LargeSize("large", 5_000, 200_000, 20_000, 2_000, 1_960),
    "huge": LargeSize("huge", 50_000, 1_000_000, 100_000, 10_000, 1_960),
}


class LargeCancelled(Exception):
    """`cancelled()` turned true: the transaction was rolled back, nothing was written."""


@dataclass(frozen=True)
class LargeSummary:
    """What `generate_large` wrote; `str()` gives the French one-line summary."""

    customers: int
    invoices: int
    payments: int
    visit_reports: int
    reminder_actions: int
    disputes: int
    promises: int
    repayment_plans: int
    proposals: int
    key_account_documents: int

    def __str__(self) -> str:
        def n(value: int) -> str:  # French thousands separator: a narrow no-break space
            return f"{value:,}".replace(",", "\u202f")

        return (
            f"{n(self.customers)} clients, {n(self.invoices)} factures, "
            f"{n(self.payments)} règlements, {n(self.visit_reports)} rapports de visite, "
            f"{n(self.reminder_actions)} actions de relance, {n(self.disputes)} litiges, "
            f"{n(self.promises)} promesses, {self.repayment_plans} plans d'apurement, "
            f"{self.proposals} propositions ; le client n° {KEY_ACCOUNT_ID} compte "
            f"{n(self.key_account_documents)} pièces"
        )


# --- names and places ----------------------------------------------------------------------

OWNER, ASSISTANT = 1, 2
TEAM = (
    ("Hélène Marchand", Profile.OWNER),
    ("Sophie Lefèvre", Profile.ASSISTANT),
)
SALESPEOPLE = (
    "Julien Bénard",
    "Anaïs Lemaître",
    "Loïc Duchêne",
    "Hélène Thérond",
    "Cédric Lévêque",
    "Noémie Faure",
    "François Girard",
    "Maëlle Rousseau",
    "Jérôme Chevalier",
    "Océane Béranger",
    "Grégoire Noël",
    "Zoé d'Arcy",
)
SALESPERSON_IDS = tuple(range(3, 3 + len(SALESPEOPLE)))

# name, plan name (None: the default plan), weight among businesses, how much more (or
# less) often its invoices stay unpaid.
SEGMENTS: tuple[tuple[str, str | None, int, float], ...] = (
    ("Grands comptes", "Clients privilégiés", 10, 0.6),
    ("Retardataires chroniques", "Mauvais payeurs", 8, 2.0),
    ("Artisans du bâtiment", None, 30, 1.0),
    ("Commerce de détail & négoce", "Standard", 30, 1.0),
    ("Collectivités et établissements publics", None, 7, 1.0),
)
CONSUMER_SEGMENT = ("Particuliers", "Particuliers")
KEY_ACCOUNT_NAME = "Groupe Lefèvre-Dupré Distribution & Associés d'Auvergne-Rhône-Alpes SAS"

TRADES = (
    "Boulangerie-pâtisserie",
    "Menuiserie",
    "Garage",
    "Pharmacie",
    "Librairie",
    "Quincaillerie",
    "Bureau d'études",
    "Imprimerie",
    "Brasserie",
    "Atelier d'ébénisterie",
    "Transports",
    "Cave à vins",
    "Plomberie-chauffage",
    "Fromagerie",
    "Électricité générale",
    "Charpente",
    "Hôtel-restaurant",
    "Pépinières",
    "Serrurerie",
    "Entreprise générale du bâtiment",
)
SURNAMES = (
    "Lefèvre",
    "Dupré",
    "Mérieux",
    "Caron",
    "Bénard",
    "Lemaître",
    "Duchêne",
    "Fournier",
    "Rousseau",
    "Béranger",
    "Chevalier",
    "Noël",
    "Faure",
    "Girard",
    "Perrin",
    "Lacroix",
    "Gauthier",
    "Mercier",
    "Boyer",
    "Garnier",
    "Dubois",
    "Brochard",
    "Hervé",
    "Lévêque",
    "Thérond",
    "Morel",
    "Lambert",
    "Roussel",
    "Château",
    "O'Neill",
)
FIRST_NAMES = ("Élodie", "François", "Anaïs", "Jérôme", "Noémie", "Loïc", "Hélène", "Cédric")
ROLES = ("Gérant", "Comptable", "Directrice administrative et financière", "Acheteur")
SUFFIXES = ("", " & Fils", " et Associés", " Frères", " & Cie")
FORMS = ("SARL", "SAS", "SA", "EURL", "SNC", "SCOP")
CITIES = (
    ("Saint-Étienne", "42000"),
    ("Lyon", "69003"),
    ("Besançon", "25000"),
    ("Évreux", "27000"),
    ("Nîmes", "30000"),
    ("Angoulême", "16000"),
    ("Orléans", "45000"),
    ("Clermont-Ferrand", "63000"),
    ("L'Haÿ-les-Roses", "94240"),
    ("Châlons-en-Champagne", "51000"),
    ("Béziers", "34500"),
    ("Grenoble", "38000"),
)
SKIP_REASONS = (
    "Le client a appelé : virement parti hier.",
    "Relance inutile : avoir en cours d'établissement.",
    "Le commercial passe voir le client cette semaine.",
)
CALL_NOTES = (
    "Mme Caron (comptabilité) : facture en circuit de validation, paiement fin de mois.",
    "Standard : rappeler après 14 h, le gérant est sur chantier.",
    "M. Noël confirme la réception ; l'avoir n'est pas arrivé.",
    "",
)
OPEN_DISPUTES = (DisputeStatus.OPEN, DisputeStatus.ANALYSIS, DisputeStatus.WAITING_CUSTOMER)
DISPUTE_TEXTS = (
    "Livraison incomplète : 3 palettes sur 5, bon de livraison non signé.",
    "Prix facturé différent du devis accepté (remise de 8 % oubliée).",
    "Facture reçue en double pour la même commande.",
    "Marchandise abîmée au déchargement, photos envoyées par le chef d'équipe.",
)
# Observation comments: (topic, assessment) -> a few things a salesperson writes down.
OBSERVATION_COMMENTS: dict[tuple[ObservationTopic, Assessment], tuple[str, ...]] = {
    (ObservationTopic.SITE_ACTIVITY, Assessment.REASSURING): (
        "Chantier plein, trois équipes sur place",
        "Atelier qui tourne en 2×8",
    ),
    (ObservationTopic.SITE_ACTIVITY, Assessment.WORRYING): (
        "Atelier à l'arrêt un mardi matin",
        "Parking vide, rideau baissé à 10 h",
    ),
    (ObservationTopic.STAFF_TURNOVER, Assessment.WORRYING): (
        "Troisième comptable en un an",
        "Le chef d'atelier est parti chez un concurrent",
    ),
    (ObservationTopic.STOCK_AND_SHELVES, Assessment.WORRYING): (
        "Rayons à moitié vides, fournisseurs qui ne livrent plus",
    ),
    (ObservationTopic.STOCK_AND_SHELVES, Assessment.REASSURING): ("Stock bien rempli et rangé",),
    (ObservationTopic.NEW_EQUIPMENT, Assessment.REASSURING): (
        "Nouvelle presse plieuse achetée comptant",
        "Deux utilitaires neufs en location longue durée",
    ),
    (ObservationTopic.PREMISES, Assessment.NEUTRAL): (
        "Locaux propres, bail renouvelé l'an dernier",
    ),
    (ObservationTopic.PAYMENT_DIFFICULTIES, Assessment.WORRYING): (
        "Le gérant parle d'un « trou de trésorerie » jusqu'en juin",
        "Demande spontanée d'un délai de paiement",
    ),
    (ObservationTopic.ORDERS_IN_PROGRESS, Assessment.REASSURING): (
        "Commande d'une collectivité signée pour l'automne",
    ),
}
APPROVAL_CIRCUITS = (
    "Factures validées par le chef de chantier puis la comptabilité le 10 du mois",
    "Bon de commande obligatoire, son numéro doit figurer sur la facture",
    "Validation par le gérant seul, virements le 15 et le 30",
    "",
)
FOR_CREDIT = (
    "Client sain, aucun signal d'alerte.",
    "Surveiller les prochaines échéances de près.",
    "Demander un acompte de 30 % sur la prochaine commande.",
    "Passer au paiement comptant jusqu'à régularisation.",
    "",
)


def _stamp(day: date, hour: int = 8) -> dict[str, datetime]:
    moment = datetime(day.year, day.month, day.day, hour, 0)
    return {"created_at": moment, "updated_at": moment}


def _luhn_complete(stem: str) -> str:
    """`stem` followed by the digit that makes it pass the Luhn check (SIREN)."""
    for check in "0123456789":
        digits = [int(c) for c in stem + check]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        if total % 10 == 0:
            return stem + check
    raise AssertionError("a Luhn check digit always exists")


# --- the plans migration 0005 shipped ------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    id: int
    rank: int
    offset_days: int
    channel: str


@dataclass(frozen=True)
class _Plan:
    id: int
    min_gap_days: int
    courtesy: _Level | None
    ladder: tuple[_Level, ...]  # chasing levels, lowest first


def _shipped_plans(session: Session) -> dict[str, _Plan]:
    """The dunning plans in the file, by name, with their levels' ids."""
    plans = session.execute(
        select(DunningPlan.id, DunningPlan.name, DunningPlan.min_gap_days)
    ).all()
    levels = session.execute(
        select(
            DunningLevel.plan_id,
            DunningLevel.id,
            DunningLevel.rank,
            DunningLevel.offset_days,
            DunningLevel.channel,
        ).order_by(DunningLevel.rank)
    ).all()
    out: dict[str, _Plan] = {}
    for plan_id, name, gap in plans:
        own = [_Level(lid, rank, off, ch) for pid, lid, rank, off, ch in levels if pid == plan_id]
        courtesy = next((lv for lv in own if lv.offset_days < 0), None)
        ladder = tuple(lv for lv in own if lv.offset_days >= 0)
        out[name] = _Plan(plan_id, gap, courtesy, ladder)
    return out


# --- generating ------------------------------------------------------------------------------


@dataclass
class _Client:
    id: int
    plan: _Plan
    terms: int
    salesperson: int | None
    unpaid_factor: float
    open_items: list[tuple[int, date, int]] = field(default_factory=list)  # id, due, open
    late_settled: list[tuple[int, date, date, int]] = field(default_factory=list)
    courtesy_candidates: list[tuple[int, date, int]] = field(default_factory=list)
    owed: int = 0  # what is open today, credits included


class _Sink:
    """Rows of one table, written `CHUNK` at a time into the caller's transaction.

    The sinks of the tables a row refers to (`parents`) are flushed first: SQLite checks
    each foreign key as the row is inserted.
    """

    def __init__(self, session: Session, model: Any, parents: tuple[_Sink, ...]) -> None:
        self.session = session
        self.model = model
        self.parents = parents
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        for parent in self.parents:
            parent.flush()
        if self.rows:
            self.count += insert_rows(self.session, self.model, self.rows, chunk_size=CHUNK)
            self.rows = []


# Which generated tables each table refers to (see _Sink).
_PARENTS: dict[Any, tuple[Any, ...]] = {
    Contact: (Customer,),
    PaymentAllocation: (Payment, Document),
    DisputeItem: (Dispute,),
    DisputeEvent: (Dispute,),
    Task: (Dispute, ReminderAction),
    VisitObservation: (VisitReport,),
    ReminderActionItem: (ReminderAction,),
}


class _Builder:
    """Generates every row (seeded, relative to `today`) and writes it through sinks."""

    def __init__(
        self, session: Session, size: LargeSize, plans: dict[str, _Plan], seed: int, today: date
    ) -> None:
        self.session = session
        self.rng = random.Random(seed)
        self.size = size
        self.plans = plans
        self.today = today
        self.clients: dict[int, _Client] = {}
        self.prospects: list[int] = []
        self.disputed: set[int] = set()  # customers with an open dispute
        self.key_documents = 0
        self.sinks: dict[Any, _Sink] = {}
        self.number_width = max(6, len(str(size.invoices)))

    def sink(self, model: Any) -> _Sink:
        if model not in self.sinks:
            parents = tuple(self.sink(parent) for parent in _PARENTS.get(model, ()))
            self.sinks[model] = _Sink(self.session, model, parents)
        return self.sinks[model]

    def flush(self, *models: Any) -> int:
        total = 0
        for model in models:
            sink = self.sink(model)
            sink.flush()
            total += sink.count
        return total

    # users, segments, the company, customers

    def company(self) -> None:
        stamp = _stamp(self.today - timedelta(days=HISTORY_DAYS))
        insert_rows(
            self.session,
            CompanySettings,
            [
                {
                    "legal_name": "Négoce Marchand & Fils",
                    "legal_form": "SAS",
                    "country": "FR",
                    "siren": "732829320",
                    "vat_number": "FR44732829320",
                    "address_line1": "27, avenue de l'Europe",
                    "postal_code": "69800",
                    "city": "Saint-Priest",
                    "phone": "04 72 14 58 90",
                    "email": "comptabilite@negoce-marchand.fr",
                    "iban": "FR7630004008230001048271559",
                    "bic": "BNPAFRPPXXX",
                    "signatory_name": "Hélène Marchand",
                    "signatory_title": "Présidente",
                    "default_payment_terms_days": 30,
                    "early_payment_discount": "Pas d'escompte pour paiement anticipé.",
                    "is_demo": True,
                    **stamp,
                }
            ],
        )

    def users(self) -> Iterator[dict[str, Any]]:
        stamp = _stamp(self.today - timedelta(days=HISTORY_DAYS))
        people = [*TEAM, *((name, Profile.SALESPERSON) for name in SALESPEOPLE)]
        for user_id, (name, profile) in enumerate(people, start=1):
            login = fold(name).replace(" ", ".").replace("'", "")
            yield {
                "id": user_id,
                "name": name,
                "sort_name": fold(name),
                "email": f"{login}@negoce-marchand.fr",
                "profile": profile.value,
                "active": True,
                **stamp,
            }

    def segments(self) -> Iterator[dict[str, Any]]:
        stamp = _stamp(self.today - timedelta(days=HISTORY_DAYS))
        rows = [(name, plan) for name, plan, _, _ in SEGMENTS] + [CONSUMER_SEGMENT]
        for segment_id, (name, plan) in enumerate(rows, start=1):
            yield {
                "id": segment_id,
                "name": name,
                "sort_name": fold(name),
                "dunning_plan_id": self.plans[plan].id if plan else None,
                **stamp,
            }

    def customers(self) -> None:
        rng = self.rng
        weights = [weight for _, _, weight, _ in SEGMENTS] + [15]  # 15 %: no segment
        choices = [*range(1, len(SEGMENTS) + 1), None]
        consumer_segment = len(SEGMENTS) + 1
        today = self.today
        stamp = _stamp(today - timedelta(days=HISTORY_DAYS))
        customers, contacts = self.sink(Customer), self.sink(Contact)
        for cid in range(1, self.size.customers + 1):
            city, postal = rng.choice(CITIES)
            surname = rng.choice(SURNAMES)
            consumer = cid % 12 == 0
            status = CustomerStatus.ACTIVE
            insolvency: dict[str, Any] = {
                "insolvency_kind": None,
                "insolvency_opened_on": None,
                "bodacc_published_on": None,
            }
            siren: str | None = None
            if consumer:
                name = f"{rng.choice(('Mme', 'M.'))} {rng.choice(FIRST_NAMES)} {surname}"
                segment_id = consumer_segment if cid % 24 == 0 else None
                plan = self.plans["Particuliers"]
                salesperson = None
                factor = 1.0
            else:
                form = rng.choice(FORMS)
                if cid == KEY_ACCOUNT_ID:
                    name = KEY_ACCOUNT_NAME
                elif cid % 37 == 0:
                    other = rng.choice(SURNAMES)
                    name = f"Société nouvelle des établissements {surname}-{other} {form}"
                else:
                    name = f"{rng.choice(TRADES)} {surname}{rng.choice(SUFFIXES)} {form}"
                segment_id = (
                    1 if cid == KEY_ACCOUNT_ID else rng.choices(choices, weights=weights)[0]
                )
                plan_name = SEGMENTS[segment_id - 1][1] if segment_id else None
                plan = self.plans[plan_name or "Standard"]
                factor = SEGMENTS[segment_id - 1][3] if segment_id else 1.0
                salesperson = rng.choice(SALESPERSON_IDS) if cid % 10 else None
                siren = _luhn_complete(f"{40_000_000 + cid:08d}")
                if cid % 50 == 25:  # 2 %: prospects, no invoices yet
                    status = CustomerStatus.PROSPECT
                elif cid % 199 == 0:  # 0.5 %: insolvency proceedings
                    status = CustomerStatus.INSOLVENCY
                    opened = today - timedelta(days=rng.randint(10, 300))
                    insolvency = {
                        "insolvency_kind": rng.choice(list(InsolvencyKind)).value,
                        "insolvency_opened_on": opened,
                        "bodacc_published_on": opened + timedelta(days=rng.randint(5, 20)),
                    }
                    factor = 3.0
                elif cid % 97 == 0:
                    status = CustomerStatus.BLOCKED
                    factor = 2.5
                elif cid % 31 == 0:
                    status = CustomerStatus.UNDER_WATCH
                    factor = 1.5
            terms = 30 if consumer else rng.choice((30, 30, 45, 60))
            if status is CustomerStatus.PROSPECT:
                self.prospects.append(cid)
            else:
                self.clients[cid] = _Client(cid, plan, terms, salesperson, factor)
            line1 = f"{rng.randint(1, 120)}, rue de l'Église"
            customers.add(
                {
                    "id": cid,
                    "status": status.value,
                    "legal_name": name,
                    "siren": siren,
                    "vat_number": (
                        f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}" if siren else ""
                    ),
                    "account_code": f"411{cid:06d}",
                    "is_consumer": consumer,
                    "segment_id": segment_id,
                    "salesperson_id": salesperson,
                    "payment_terms_days": terms,
                    "payment_terms_basis": PaymentTermsBasis.INVOICE_DATE.value,
                    "credit_limit_cents": None
                    if consumer
                    else rng.choice((None, 1_000_000, 5_000_000)),
                    "billing_line1": line1,
                    "billing_postal_code": postal,
                    "billing_city": city,
                    "sort_name": fold(name),
                    "sort_city": fold(city),
                    "search_text": search_key(name, siren, line1, postal, city),
                    **insolvency,
                    **stamp,
                }
            )
            if not consumer:
                first = rng.choice(FIRST_NAMES)
                contacts.add(
                    {
                        "customer_id": cid,
                        "first_name": first,
                        "last_name": surname,
                        "role": rng.choice(ROLES),
                        "email": f"{fold(first)}.{fold(surname).replace(' ', '')}@exemple.fr",
                        "phone": f"04 {rng.randint(10, 99)} {rng.randint(10, 99)} "
                        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                        "is_primary": True,
                        "receives_reminders": True,
                        **stamp,
                    }
                )
        self.flush(Customer, Contact)

    # documents and payments

    def _open_due(self, terms: int) -> date:
        """The due date of an invoice still open today: 30 % not yet due, most of the
        rest 1–200 days late (more of them recently), a few long forgotten."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.30:
            return self.today + timedelta(days=rng.randint(0, terms - 1))
        if draw < 0.95:
            return self.today - timedelta(days=int(rng.triangular(1, 201, 1)))
        return self.today - timedelta(days=rng.randint(201, 540))

    def _settled_after(self) -> int:
        """Days between the due date and the payment of a settled invoice (≤ 0: on time)."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.70:
            return -rng.randint(0, 15)
        if draw < 0.90:
            return rng.randint(1, 20)
        if draw < 0.98:
            return rng.randint(21, 60)
        return rng.randint(61, 150)

    def documents(self, progress: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
        rng = self.rng
        today = self.today
        ids = [cid for cid in self.clients if cid != KEY_ACCOUNT_ID]
        weights = [rng.lognormvariate(0, 1.0) for _ in ids]
        key = self.size.key_account_invoices if KEY_ACCOUNT_ID in self.clients else 0
        owners = [KEY_ACCOUNT_ID] * key + rng.choices(
            ids, weights=weights, k=self.size.invoices - key
        )
        rng.shuffle(owners)
        documents = self.sink(Document)
        payments, allocations = self.sink(Payment), self.sink(PaymentAllocation)
        width = self.number_width
        doc_id = 0
        payment_id = 0
        credit_seq = 0
        step = max(len(owners) // 20, 1)
        for seq, cid in enumerate(owners, start=1):
            if seq % step == 0:
                progress(seq / len(owners))
                if cancelled():
                    raise LargeCancelled()
            client = self.clients[cid]
            total = min(max(int(rng.lognormvariate(11.4, 1.0)), 2_000), 8_000_000)
            if rng.random() < 0.17 * client.unpaid_factor:
                due = self._open_due(client.terms)
                issued = due - timedelta(days=client.terms)
                settled: date | None = None
                open_cents = total if rng.random() < 0.9 else total * rng.randint(2, 8) // 10
            else:
                issued = today - timedelta(days=rng.randint(10, HISTORY_DAYS))
                due = issued + timedelta(days=client.terms)
                settled = due + timedelta(days=self._settled_after())
                if settled >= today:
                    settled = today - timedelta(days=rng.randint(1, 9))
                settled = max(settled, issued + timedelta(days=1))
                open_cents = 0
            doc_id += 1
            invoice_id = doc_id
            number = f"FA{issued.year}-{seq:0{width}d}"
            documents.add(
                self._document(
                    invoice_id, cid, DocumentKind.INVOICE, number,
                    issued, due, total, open_cents, settled, None,
                )
            )  # fmt: skip
            if cid == KEY_ACCOUNT_ID:
                self.key_documents += 1
            if settled is None:
                client.open_items.append((invoice_id, due, open_cents))
                client.owed += open_cents
            else:
                if (settled - due).days > 0:
                    client.late_settled.append((invoice_id, due, settled, total))
                payment_id += 1
                payments.add(
                    {
                        "id": payment_id,
                        "customer_id": cid,
                        "received_on": settled,
                        "amount_cents": total,
                        "reference": f"VIR {number}",
                        "method": "transfer",
                        "import_source": "fec",
                        **_stamp(settled),
                    }
                )
                allocations.add(
                    {"payment_id": payment_id, "document_id": invoice_id, "amount_cents": total}
                )
            if rng.random() < 0.03:
                client.courtesy_candidates.append((invoice_id, due, open_cents or total))
            if rng.random() < 0.02:  # a credit note correcting this invoice
                credit_seq += 1
                doc_id += 1
                credit_on = min(issued + timedelta(days=rng.randint(5, 40)), today)
                amount = -max(total * rng.randint(5, 100) // 100, 100)
                still_open = settled is None and rng.random() < 0.6
                documents.add(
                    self._document(
                        doc_id, cid, DocumentKind.CREDIT_NOTE, f"AV{credit_on.year}-{credit_seq:0{width}d}",
                        credit_on, credit_on, amount, amount if still_open else 0,
                        None if still_open else max(settled or credit_on, credit_on), invoice_id,
                    )
                )  # fmt: skip
                if still_open:
                    client.owed += amount
                if cid == KEY_ACCOUNT_ID:
                    self.key_documents += 1
        # Payments received but not matched yet: they reduce what is chased.
        with_open = [c for c in self.clients.values() if c.open_items]
        for number, client in enumerate(
            rng.sample(with_open, min(len(self.clients) // 25, len(with_open))), 1
        ):
            doc_id += 1
            received = today - timedelta(days=rng.randint(1, 60))
            amount = -rng.randint(5_000, 300_000)
            client.owed += amount
            documents.add(
                self._document(
                    doc_id, client.id, DocumentKind.PAYMENT, f"VIR-{number:05d}",
                    received, received, amount, amount, None, None,
                )
            )  # fmt: skip
        self.flush(Document, Payment, PaymentAllocation)

    def _document(
        self,
        doc_id: int,
        customer_id: int,
        kind: DocumentKind,
        number: str,
        issued: date,
        due: date,
        total: int,
        open_cents: int,
        settled: date | None,
        corrects_id: int | None,
    ) -> dict[str, Any]:
        return {
            "id": doc_id,
            "customer_id": customer_id,
            "kind": kind.value,
            "number": number,
            "issued_on": issued,
            "due_on": due,
            "total_cents": total,
            "vat_cents": total - round(total / 1.2),
            "open_cents": open_cents,
            "settled_on": settled,
            "corrects_id": corrects_id,
            "import_source": "fec",
            **_stamp(issued),
        }

    # disputes and promises

    def disputes(self) -> None:
        rng = self.rng
        today = self.today
        open_count = self.size.disputes // 4
        with_open = [c for c in self.clients.values() if c.open_items]
        with_late = [c for c in self.clients.values() if c.late_settled]
        disputes, items = self.sink(Dispute), self.sink(DisputeItem)
        events, tasks = self.sink(DisputeEvent), self.sink(Task)
        dispute_id = 0
        for client in rng.sample(with_open, min(open_count, len(with_open))):
            dispute_id += 1
            picked = rng.sample(client.open_items, min(len(client.open_items), rng.randint(1, 3)))
            reported = min(due for _, due, _ in picked) + timedelta(days=rng.randint(1, 10))
            reported = min(reported, today)
            status = rng.choice(OPEN_DISPUTES)
            disputes.add(self._dispute(dispute_id, client.id, status, reported))
            self.disputed.add(client.id)
            events.add(self._event(dispute_id, reported, None, DisputeStatus.OPEN))
            if status is not DisputeStatus.OPEN:
                events.add(self._event(dispute_id, reported, DisputeStatus.OPEN, status))
            for doc_id, _, open_cents in picked:
                part = open_cents if rng.random() < 0.3 else open_cents * rng.randint(1, 9) // 10
                items.add({"dispute_id": dispute_id, "document_id": doc_id, "disputed_cents": part})
            if client.salesperson is not None:
                tasks.add(
                    {
                        "kind": TaskKind.DISPUTE_QUESTIONS.value,
                        "status": TaskStatus.OPEN.value,
                        "customer_id": client.id,
                        "assignee_id": client.salesperson,
                        "action_id": None,
                        "dispute_id": dispute_id,
                        "title": "Litige : questions à poser au client",
                        "instructions": "Qui a réceptionné ? Réserves sur le bon de livraison ?",
                        "due_on": min(reported + timedelta(days=7), today + timedelta(days=7)),
                        "answer": "",
                        "done_on": None,
                        **_stamp(reported),
                    }
                )
        closed = self.size.disputes - dispute_id
        for client in rng.choices(with_late, k=closed) if with_late else []:
            dispute_id += 1
            doc_id, due, settled, total = rng.choice(client.late_settled)
            status = rng.choice((DisputeStatus.RESOLVED, DisputeStatus.REJECTED))
            reported = due + timedelta(days=3)
            row = self._dispute(dispute_id, client.id, status, reported)
            row["resolution"] = (
                DisputeResolution.REJECTED.value
                if status is DisputeStatus.REJECTED
                else rng.choice((DisputeResolution.CREDIT_NOTE, DisputeResolution.COMMERCIAL_GESTURE)).value
            )  # fmt: skip
            row["resolved_on"] = settled
            disputes.add(row)
            events.add(self._event(dispute_id, reported, None, DisputeStatus.OPEN))
            events.add(self._event(dispute_id, settled, DisputeStatus.OPEN, status))
            items.add(
                {"dispute_id": dispute_id, "document_id": doc_id, "disputed_cents": total // 4}
            )
        self.flush(Dispute, DisputeItem, DisputeEvent)

    def _dispute(
        self, dispute_id: int, customer_id: int, status: DisputeStatus, reported: date
    ) -> dict[str, Any]:
        rng = self.rng
        return {
            "id": dispute_id,
            "customer_id": customer_id,
            "category": rng.choice(list(DisputeCategory)).value,
            "status": status.value,
            "description": rng.choice(DISPUTE_TEXTS),
            "reported_by": "Mme Dupré (service achats)",
            "reported_on": reported,
            "department": rng.choice(list(Department)).value,
            "owner_id": ASSISTANT,
            "expected_answer_on": reported + timedelta(days=15),
            "resolution": None,
            "resolved_on": None,
            **_stamp(reported),
        }

    @staticmethod
    def _event(
        dispute_id: int, on: date, before: DisputeStatus | None, after: DisputeStatus
    ) -> dict[str, Any]:
        return {
            "dispute_id": dispute_id,
            "at": datetime(on.year, on.month, on.day, 10, 0),
            "author": "Sophie Lefèvre",
            "from_status": before.value if before else None,
            "to_status": after.value,
            "text": "",
        }

    def promises(self) -> None:
        rng = self.rng
        today = self.today
        late = [
            c
            for c in self.clients.values()
            if any(due < today for _, due, _ in c.open_items) and c.plan.ladder
        ]
        sink = self.sink(PromiseToPay)
        count = len(self.clients) // 25
        # The baseline is what the customer owes today, credits included, so none of the
        # pending promises is found kept by the refresh (nothing was paid since).
        for client in rng.sample(late, min(count, len(late))):
            promised = today + timedelta(days=rng.randint(-6, 25))
            sink.add(self._promise(client.id, promised, client.owed, PromiseStatus.PENDING, None))
        for client in rng.sample(list(self.clients.values()), len(self.clients) // 6):
            promised = today - timedelta(days=rng.randint(20, HISTORY_DAYS - 60))
            status = rng.choice((PromiseStatus.KEPT, PromiseStatus.KEPT, PromiseStatus.BROKEN))
            checked = promised + timedelta(days=rng.randint(0, 4))
            sink.add(
                self._promise(client.id, promised, rng.randint(50_000, 900_000), status, checked)
            )
        self.flush(PromiseToPay)

    def _promise(
        self,
        customer_id: int,
        promised: date,
        baseline: int,
        status: PromiseStatus,
        checked: date | None,
    ) -> dict[str, Any]:
        made = min(
            promised - timedelta(days=self.rng.randint(3, 20)), self.today - timedelta(days=1)
        )
        return {
            "customer_id": customer_id,
            "action_id": None,
            "promised_for": promised,
            "amount_cents": max(baseline * self.rng.randint(3, 10) // 10, 100),
            "grace_days": 3,
            "status": status.value,
            "baseline_cents": baseline,
            "checked_on": checked,
            "notes": "Promesse au téléphone : virement à réception de l'avoir.",
            **_stamp(made),
        }

    # visit reports

    def visits(self) -> None:
        rng = self.rng
        today = self.today
        reports, observations = self.sink(VisitReport), self.sink(VisitObservation)
        visited = [cid for cid, c in self.clients.items() if c.salesperson] + self.prospects
        topics = list(ObservationTopic)
        assessments = list(Assessment)
        for report_id in range(1, self.size.visit_reports + 1):
            cid = rng.choice(visited)
            client = self.clients.get(cid)
            author = client.salesperson if client else rng.choice(SALESPERSON_IDS)
            day = today - timedelta(days=int(rng.triangular(0, VISIT_WINDOW_DAYS, 0)))
            worry = 0.35 if client and client.unpaid_factor > 1.4 else 0.1
            reports.add(
                {
                    "id": report_id,
                    "customer_id": cid,
                    "author_id": author,
                    "visit_date": day,
                    "attendees": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} (gérant)",
                    "payment_terms_reminded": rng.choice((True, True, False, None)),
                    "approval_circuit": rng.choice(APPROVAL_CIRCUITS),
                    "for_credit_management": rng.choice(FOR_CREDIT),
                    "free_text": "Visite de suivi ; présentation de la nouvelle gamme.",
                    "next_visit_on": day + timedelta(days=rng.choice((30, 60, 90)))
                    if rng.random() < 0.7
                    else None,
                    **_stamp(day, 18),
                }
            )
            for topic in topics:
                roll = rng.random()
                if roll < 0.1:
                    assessment = Assessment.NOT_OBSERVED
                elif roll < 0.1 + worry:
                    assessment = Assessment.WORRYING
                else:
                    assessment = rng.choice(assessments[:2])  # reassuring or neutral
                comments = OBSERVATION_COMMENTS.get((topic, assessment), ())
                observations.add(
                    {
                        "visit_report_id": report_id,
                        "topic": topic.value,
                        "assessment": assessment.value,
                        "comment": rng.choice(comments) if comments and rng.random() < 0.6 else "",
                    }
                )
        self.flush(VisitReport, VisitObservation)

    # reminder history

    def history(self) -> None:
        """Done or skipped actions: a chasing episode for half the invoices paid late, a
        courtesy e-mail for a few, and the current cycle of each customer owing overdue
        items stopped somewhere below (or at) the level reached today."""
        rng = self.rng
        today = self.today
        for client in self.clients.values():
            plan = client.plan
            for doc_id, due, settled, total in client.late_settled:
                if rng.random() < 0.5:  # the others were paid after a call or unchased
                    self._episode(client, due, settled, [(doc_id, total)])
            if plan.courtesy is not None:
                for doc_id, due, amount in client.courtesy_candidates:
                    planned = due + timedelta(days=plan.courtesy.offset_days + rng.randint(0, 3))
                    if planned < today:
                        self._action(client, plan.courtesy, planned, [(doc_id, amount)])
            overdue = [(i, due, cents) for i, due, cents in client.open_items if due < today]
            if overdue:
                oldest = min(due for _, due, _ in overdue)
                reached = [lv for lv in plan.ladder if lv.offset_days <= (today - oldest).days]
                stop = rng.randint(max(len(reached) - 2, 0), len(reached)) if reached else 0
                self._episode(client, oldest, today, [], overdue, stop)
        self.flush(ReminderAction, ReminderActionItem, Task)

    def _episode(
        self,
        client: _Client,
        due: date,
        until: date,
        items: list[tuple[int, int]],
        overdue: list[tuple[int, date, int]] | None = None,
        stop: int | None = None,
    ) -> None:
        rng = self.rng
        plan = client.plan
        previous: date | None = None
        for level in plan.ladder[:stop]:
            planned = due + timedelta(days=max(level.offset_days, 1) + rng.randint(0, 2))
            if previous is not None:
                planned = max(planned, previous + timedelta(days=plan.min_gap_days))
            if planned >= until:
                return
            if overdue is not None:
                items = [(i, cents) for i, d, cents in overdue if d < planned]
            previous = self._action(client, level, planned, items)

    def _action(
        self, client: _Client, level: _Level, planned: date, items: list[tuple[int, int]]
    ) -> date:
        rng = self.rng
        actions = self.sink(ReminderAction)
        action_id = actions.count + len(actions.rows) + 1
        done = min(planned + timedelta(days=rng.randint(0, 2)), self.today - timedelta(days=1))
        skipped = rng.random() < 0.1
        phone = level.channel == Channel.PHONE.value
        handed = level.channel == Channel.SALESPERSON.value and client.salesperson is not None
        actions.add(
            {
                "id": action_id,
                "customer_id": client.id,
                "level_id": level.id,
                "channel": level.channel,
                "planned_on": planned,
                "status": (ActionStatus.SKIPPED if skipped else ActionStatus.DONE).value,
                "assignee_id": client.salesperson if handed else None,
                "done_on": done,
                "done_by_id": ASSISTANT,
                "total_cents": sum(amount for _, amount in items),
                "outcome": rng.choice(("reached", "no_answer", "message_left")) if phone else "",
                "notes": rng.choice(CALL_NOTES) if phone else "",
                "skip_reason": rng.choice(SKIP_REASONS) if skipped else "",
                **_stamp(planned),
            }
        )
        if handed and not skipped:
            self.sink(Task).add(
                {
                    "kind": TaskKind.REMINDER_HANDOFF.value,
                    "status": TaskStatus.DONE.value,
                    "customer_id": client.id,
                    "assignee_id": client.salesperson,
                    "action_id": action_id,
                    "dispute_id": None,
                    "title": "Appeler le client au sujet des factures en retard",
                    "instructions": "Rappeler les conditions de paiement convenues.",
                    "due_on": planned,
                    "answer": "Client appelé : règlement annoncé pour la fin du mois.",
                    "done_on": done,
                    **_stamp(planned),
                }
            )
        items_sink = self.sink(ReminderActionItem)
        for doc_id, amount in items:
            items_sink.add({"action_id": action_id, "document_id": doc_id, "amount_cents": amount})
        return done


# --- the entry point -------------------------------------------------------------------------

# Share of the progress bar of each step (they add up to 1).
_STEPS = (
    ("customers", 0.05),
    ("documents", 0.45),
    ("disputes", 0.02),
    ("visits", 0.10),
    ("history", 0.13),
    ("indexes", 0.10),
    ("services", 0.15),
)


def generate_large(
    services: Services,
    size: LargeSize,
    *,
    seed: int = 11,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LargeSummary:
    """Fill an empty data file with a company of `size`, dated from the injected clock.

    Same size + seed + day → same rows. The bulk part is one transaction: on an error, or
    when `cancelled()` turns true (LargeCancelled), nothing of it is written. Raises
    ValueError when the file already has customers or users. `progress(fraction)` is
    called between steps and during the long ones.
    """
    ctx = services.context
    today = ctx.clock.today()
    report = progress or (lambda _fraction: None)
    stop = cancelled or (lambda: False)
    done = 0.0

    def step(name: str) -> Callable[[float], None]:
        share = dict(_STEPS)[name]
        base = done
        return lambda fraction: report(base + share * min(max(fraction, 0.0), 1.0))

    def finished(name: str) -> None:
        nonlocal done
        done += dict(_STEPS)[name]
        report(done)
        if stop():
            raise LargeCancelled()

    with ctx.database.transaction() as session:
        for model in (Customer, User):
            if session.execute(select(func.count(model.id))).scalar_one():
                raise ValueError("the large demo is written into a file without customers or users")
        builder = _Builder(session, size, _shipped_plans(session), seed, today)
        builder.company()
        insert_rows(session, User, builder.users())
        insert_rows(session, Segment, builder.segments())
        builder.customers()
        finished("customers")
        # The big tables get their secondary indexes once, at the end (see bulk).
        deferred = (
            (Document, size.invoices),
            (Payment, size.invoices),
            (PaymentAllocation, size.invoices),
            (ReminderAction, size.invoices // 4),
            (ReminderActionItem, size.invoices // 4),
            (VisitObservation, size.visit_reports * len(ObservationTopic)),
        )
        with ExitStack() as deferring:
            for model, rows in deferred:
                deferring.enter_context(indexes_deferred(session, model, rows))
            builder.documents(step("documents"), stop)
            finished("documents")
            builder.disputes()
            builder.promises()
            finished("disputes")
            builder.visits()
            finished("visits")
            builder.history()
            finished("history")
        finished("indexes")
        counts = {model: sink.count for model, sink in builder.sinks.items()}
    # What the services write themselves, each in its own transaction.
    from desktop.services.demo_proposals import play_proposals

    proposals = play_proposals(services, seed)
    plans = _repayment_plans(services, builder)
    services.score.refresh(today)
    with services.database.engine.connect() as connection:
        # Fresh statistics: the query planner then picks the indexes a real file would use.
        connection.exec_driver_sql("ANALYZE")
    finished("services")
    return LargeSummary(
        customers=size.customers,
        invoices=size.invoices,
        payments=counts.get(Payment, 0),
        visit_reports=counts.get(VisitReport, 0),
        reminder_actions=counts.get(ReminderAction, 0),
        disputes=counts.get(Dispute, 0),
        promises=counts.get(PromiseToPay, 0),
        repayment_plans=plans,
        proposals=proposals,
        key_account_documents=builder.key_documents,
    )


def _repayment_plans(services: Services, builder: _Builder) -> int:
    """A plan signed today for one customer in a hundred (fifty at most) owing two
    overdue invoices or more (none under dispute), through the repayment service like a
    user would."""
    from desktop.domain.errors import ValidationError
    from desktop.services.repayment import PlanDraft, PlanItem

    today = builder.today
    wanted = min(max(len(builder.clients) // 100, 1), 50)
    made = 0
    for client in builder.clients.values():
        if made >= wanted:
            break
        if client.id in builder.disputed or client.id == KEY_ACCOUNT_ID:
            continue
        overdue = [doc for doc, due, cents in client.open_items if due < today and cents > 0]
        if len(overdue) < 2:
            continue
        draft = PlanDraft(
            customer_id=client.id,
            items=tuple(PlanItem(doc) for doc in overdue),
            count=builder.rng.choice((3, 4, 6)),
            first_due_on=today + timedelta(days=10),
        )
        try:
            plan_id = services.repayment.create(draft)
            services.repayment.activate(plan_id, today)
        except ValidationError:
            continue  # blocked or insolvent customer, say: the service refuses, skip it
        made += 1
    return made
