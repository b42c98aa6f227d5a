"""Benchmark: the actions due for 5,000 customers with 200,000 invoices (issues 4 and 9).

    .venv/bin/python bench/bench_reminders.py [--customers 5000] [--invoices 200000]
                                              [--db FILE] [--no-save] [--profile]

Builds a data file (through the migrations, then Core bulk inserts): `--customers`
customers in a few segments (consumers, a few insolvent or blocked ones, salespeople),
`--invoices` invoices over two years, most of them settled, about 17 % still open with a
spread of due dates, a few credit notes and unmatched payments, open and closed disputes,
pending and past promises to pay, and a reminder history of about 50,000 actions (done or
skipped, at the levels of the plans shipped by migration 0005). Then measures, in the
same run, median of 5:

(a) the floor: hand-written `sqlite3` queries reading what the engine needs (the plans,
    the open items with their disputed sums, the customers with their segment's plan,
    the past actions with their level ranks, the pending promises) into Python tuples;
    beside it, for the breakdown, the floor plus the pure engine (`actions_due`) fed
    with those tuples;
(b) `ReminderService.refresh(as_of)`, the first refresh of the day (it saves the new
    actions), each run on a fresh copy of the file;
(c) `ReminderService.due(as_of)`, the day's list, on a refreshed copy;
(d) `CalendarService.events(month start, month end)`, the month view with the engine's
    forecast, on a refreshed copy.

Prints the seconds, the ratios to the floor and whether (b) meets the 2 s target, and
merges the figures into bench/results.json under "reminders". `--profile` also prints
where (b) and (d) spend their time (cProfile). Not a test: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.clock import FixedClock  # noqa: E402
from desktop.domain.dunning import (  # noqa: E402
    CustomerState,
    DueAction,
    DunningLevel,
    DunningPlan,
    OpenItem,
    PastAction,
    Promise,
    actions_due,
)
from desktop.domain.enums import (  # noqa: E402
    ActionStatus,
    Channel,
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    InsolvencyKind,
    PaymentTermsBasis,
    PromiseStatus,
    Tone,
)
from desktop.domain.text import fold, search_key  # noqa: E402
from desktop.persistence.bulk import indexes_deferred, insert_rows  # noqa: E402
from desktop.persistence.database import Database  # noqa: E402
from desktop.persistence.migrations import open_or_create  # noqa: E402
from desktop.persistence.models import (  # noqa: E402
    Customer,
    Dispute,
    DisputeItem,
    Document,
    PromiseToPay,
    ReminderAction,
    ReminderActionItem,
    Segment,
    User,
)
from desktop.services.registry import Services, build_services  # noqa: E402

AS_OF = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30)
MONTH = (date(2026, 3, 1), date(2026, 3, 31))
HISTORY_DAYS = 730  # two years of invoices
TARGET_SECONDS = 2.0
RUNS = 5
RESULTS = ROOT / "bench" / "results.json"
T = TypeVar("T")

OWNER, ASSISTANT = 1, 2
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

# name, plan name (None: the default plan, or the consumer plan for a consumer), weight
# among businesses, how much more (or less) often its invoices stay unpaid.
SEGMENTS: tuple[tuple[str, str | None, int, float], ...] = (
    ("Grands comptes", "Clients privilégiés", 10, 0.6),
    ("Retardataires chroniques", "Mauvais payeurs", 8, 2.0),
    ("Artisans du bâtiment", None, 30, 1.0),
    ("Commerce de détail & négoce", "Standard", 30, 1.0),
    ("Collectivités et établissements publics", None, 7, 1.0),
)
CONSUMER_SEGMENT = ("Particuliers", "Particuliers")

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


def _stamp(day: date, hour: int = 8) -> dict[str, datetime]:
    moment = datetime(day.year, day.month, day.day, hour, 0)
    return {"created_at": moment, "updated_at": moment}


# --- building the file -------------------------------------------------------------------


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


def _shipped_plans(path: Path) -> dict[str, _Plan]:
    """The plans migration 0005 wrote, by name, with their levels' ids."""
    connection = sqlite3.connect(path)
    try:
        plans = connection.execute("SELECT id, name, min_gap_days FROM dunning_plans").fetchall()
        levels = connection.execute(
            "SELECT plan_id, id, rank, offset_days, channel FROM dunning_levels ORDER BY rank"
        ).fetchall()
    finally:
        connection.close()
    out: dict[str, _Plan] = {}
    for plan_id, name, gap in plans:
        own = [_Level(lid, rank, off, ch) for pid, lid, rank, off, ch in levels if pid == plan_id]
        courtesy = next((lv for lv in own if lv.offset_days < 0), None)
        ladder = tuple(lv for lv in own if lv.offset_days >= 0)
        out[name] = _Plan(plan_id, gap, courtesy, ladder)
    return out


class _Builder:
    """Generates every row in memory (seeded), then the caller inserts them in bulk."""

    def __init__(self, customers: int, invoices: int, plans: dict[str, _Plan], seed: int) -> None:
        self.rng = random.Random(seed)
        self.customer_count = customers
        self.invoice_count = invoices
        self.plans = plans
        self.clients: dict[int, _Client] = {}
        self.documents: list[dict[str, Any]] = []
        self.disputes: list[dict[str, Any]] = []
        self.dispute_items: list[dict[str, Any]] = []
        self.promises: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.action_items: list[dict[str, Any]] = []

    # users, segments, customers

    def users(self) -> Iterator[dict[str, Any]]:
        stamp = _stamp(AS_OF - timedelta(days=HISTORY_DAYS))
        yield {"id": OWNER, "name": "Hélène Marchand", "profile": "owner", **stamp}
        yield {"id": ASSISTANT, "name": "Sophie Lefèvre", "profile": "assistant", **stamp}
        for user_id, name in zip(SALESPERSON_IDS, SALESPEOPLE, strict=True):
            yield {"id": user_id, "name": name, "profile": "salesperson", **stamp}

    def segments(self) -> Iterator[dict[str, Any]]:
        stamp = _stamp(AS_OF - timedelta(days=HISTORY_DAYS))
        rows = [(name, plan) for name, plan, _, _ in SEGMENTS] + [CONSUMER_SEGMENT]
        for segment_id, (name, plan) in enumerate(rows, start=1):
            yield {
                "id": segment_id,
                "name": name,
                "sort_name": fold(name),
                "dunning_plan_id": self.plans[plan].id if plan else None,
                **stamp,
            }

    def customers(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        weights = [weight for _, _, weight, _ in SEGMENTS] + [15]  # 15 %: no segment
        choices = [*range(1, len(SEGMENTS) + 1), None]
        consumer_segment = len(SEGMENTS) + 1
        stamp = _stamp(AS_OF - timedelta(days=HISTORY_DAYS))
        for cid in range(1, self.customer_count + 1):
            city, postal = rng.choice(CITIES)
            surname = rng.choice(SURNAMES)
            consumer = cid % 12 == 0
            status = CustomerStatus.ACTIVE
            insolvency: dict[str, Any] = {
                "insolvency_kind": None,
                "insolvency_opened_on": None,
                "bodacc_published_on": None,
            }
            if consumer:
                name = f"{rng.choice(('Mme', 'M.'))} {rng.choice(FIRST_NAMES)} {surname}"
                segment_id = consumer_segment if cid % 24 == 0 else None
                plan = self.plans["Particuliers"]
                salesperson = None
                factor = 1.0
            else:
                form = rng.choice(FORMS)
                if cid % 37 == 0:
                    other = rng.choice(SURNAMES)
                    name = f"Société nouvelle des établissements {surname}-{other} {form}"
                else:
                    name = f"{rng.choice(TRADES)} {surname}{rng.choice(SUFFIXES)} {form}"
                segment_id = rng.choices(choices, weights=weights)[0]
                plan_name = SEGMENTS[segment_id - 1][1] if segment_id else None
                plan = self.plans[plan_name or "Standard"]
                factor = SEGMENTS[segment_id - 1][3] if segment_id else 1.0
                salesperson = rng.choice(SALESPERSON_IDS) if cid % 10 else None
                if cid % 199 == 0:  # 25 insolvency proceedings
                    status = CustomerStatus.INSOLVENCY
                    opened = AS_OF - timedelta(days=rng.randint(10, 300))
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
            self.clients[cid] = _Client(cid, plan, terms, salesperson, factor)
            yield {
                "id": cid,
                "status": status.value,
                "legal_name": name,
                "sort_name": fold(name),
                "search_text": search_key(name, city),
                "account_code": f"411{cid:05d}",
                "is_consumer": consumer,
                "segment_id": segment_id,
                "salesperson_id": salesperson,
                "payment_terms_days": terms,
                "payment_terms_basis": PaymentTermsBasis.INVOICE_DATE.value,
                "billing_line1": f"{rng.randint(1, 120)}, rue de l'Église",
                "billing_postal_code": postal,
                "billing_city": city,
                "sort_city": fold(city),
                **insolvency,
                **stamp,
            }

    # documents

    def _open_due(self, terms: int) -> date:
        """The due date of an invoice still open today: 30 % not yet due, most of the
        rest 1–200 days late (more of them recently), a few long forgotten."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.30:
            return AS_OF + timedelta(days=rng.randint(0, terms - 1))
        if draw < 0.95:
            return AS_OF - timedelta(days=int(rng.triangular(1, 201, 1)))
        return AS_OF - timedelta(days=rng.randint(201, 540))

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

    def documents_rows(self) -> None:
        rng = self.rng
        ids = list(self.clients)
        weights = [rng.lognormvariate(0, 1.0) for _ in ids]
        owners = rng.choices(ids, weights=weights, k=self.invoice_count)
        doc_id = 0
        credit_seq = 0
        for seq, cid in enumerate(owners, start=1):
            client = self.clients[cid]
            total = min(max(int(rng.lognormvariate(11.4, 1.0)), 2_000), 8_000_000)
            if rng.random() < 0.17 * client.unpaid_factor:
                due = self._open_due(client.terms)
                issued = due - timedelta(days=client.terms)
                settled: date | None = None
                open_cents = total if rng.random() < 0.9 else total * rng.randint(2, 8) // 10
            else:
                issued = AS_OF - timedelta(days=rng.randint(10, HISTORY_DAYS))
                due = issued + timedelta(days=client.terms)
                settled = due + timedelta(days=self._settled_after())
                if settled >= AS_OF:
                    settled = AS_OF - timedelta(days=rng.randint(1, 9))
                settled = max(settled, issued + timedelta(days=1))
                open_cents = 0
            doc_id += 1
            invoice_id = doc_id
            self.documents.append(
                self._document(
                    invoice_id, cid, DocumentKind.INVOICE, f"FA{issued.year}-{seq:06d}",
                    issued, due, total, open_cents, settled, None,
                )
            )  # fmt: skip
            if settled is None:
                client.open_items.append((invoice_id, due, open_cents))
            elif (settled - due).days > 0:
                client.late_settled.append((invoice_id, due, settled, total))
            if rng.random() < 0.03:
                client.courtesy_candidates.append((invoice_id, due, open_cents or total))
            if rng.random() < 0.02:  # a credit note correcting this invoice
                credit_seq += 1
                doc_id += 1
                credit_on = min(issued + timedelta(days=rng.randint(5, 40)), AS_OF)
                amount = -max(total * rng.randint(5, 100) // 100, 100)
                still_open = settled is None and rng.random() < 0.6
                self.documents.append(
                    self._document(
                        doc_id, cid, DocumentKind.CREDIT_NOTE, f"AV{credit_on.year}-{credit_seq:05d}",
                        credit_on, credit_on, amount, amount if still_open else 0,
                        None if still_open else max(settled or credit_on, credit_on), invoice_id,
                    )
                )  # fmt: skip
        # Payments received but not matched yet: they reduce what is chased.
        with_open = [c for c in self.clients.values() if c.open_items]
        for number, client in enumerate(
            rng.sample(with_open, min(self.customer_count // 25, len(with_open))), 1
        ):
            doc_id += 1
            received = AS_OF - timedelta(days=rng.randint(1, 60))
            amount = -rng.randint(5_000, 300_000)
            self.documents.append(
                self._document(
                    doc_id, client.id, DocumentKind.PAYMENT, f"VIR-{number:05d}",
                    received, received, amount, amount, None, None,
                )
            )  # fmt: skip

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

    def disputes_rows(self) -> None:
        rng = self.rng
        with_open = [c for c in self.clients.values() if c.open_items]
        dispute_id = 0
        for client in rng.sample(with_open, min(self.customer_count // 16, len(with_open))):
            dispute_id += 1
            picked = rng.sample(client.open_items, min(len(client.open_items), rng.randint(1, 3)))
            reported = min(due for _, due, _ in picked) + timedelta(days=rng.randint(1, 10))
            reported = min(reported, AS_OF)
            self.disputes.append(
                self._dispute(dispute_id, client.id, rng.choice(OPEN_DISPUTES), reported)
            )
            for doc_id, _, open_cents in picked:
                part = open_cents if rng.random() < 0.3 else open_cents * rng.randint(1, 9) // 10
                self.dispute_items.append(
                    {"dispute_id": dispute_id, "document_id": doc_id, "disputed_cents": part}
                )
        with_late = [c for c in self.clients.values() if c.late_settled]
        for client in rng.sample(with_late, min(self.customer_count // 8, len(with_late))):
            dispute_id += 1
            doc_id, due, settled, total = rng.choice(client.late_settled)
            status = rng.choice((DisputeStatus.RESOLVED, DisputeStatus.REJECTED))
            row = self._dispute(dispute_id, client.id, status, due + timedelta(days=3))
            row["resolution"] = (
                DisputeResolution.REJECTED.value
                if status is DisputeStatus.REJECTED
                else rng.choice((DisputeResolution.CREDIT_NOTE, DisputeResolution.COMMERCIAL_GESTURE)).value
            )  # fmt: skip
            row["resolved_on"] = settled
            self.disputes.append(row)
            self.dispute_items.append(
                {"dispute_id": dispute_id, "document_id": doc_id, "disputed_cents": total // 4}
            )

    def _dispute(
        self, dispute_id: int, customer_id: int, status: DisputeStatus, reported: date
    ) -> dict[str, Any]:
        rng = self.rng
        return {
            "id": dispute_id,
            "customer_id": customer_id,
            "category": rng.choice(list(DisputeCategory)).value,
            "status": status.value,
            "description": "Livraison incomplète : 3 palettes sur 5, bon de livraison non signé.",
            "reported_by": "Mme Dupré (service achats)",
            "reported_on": reported,
            "department": rng.choice(list(Department)).value,
            "owner_id": ASSISTANT,
            "resolution": None,
            "resolved_on": None,
            **_stamp(reported),
        }

    def promises_rows(self) -> None:
        rng = self.rng
        late = [
            c
            for c in self.clients.values()
            if any(due < AS_OF for _, due, _ in c.open_items) and c.plan.ladder
        ]
        # What each customer owes today, credits included: the promises' baseline, so
        # none of them is found kept by the refresh (nothing was paid since).
        owed: dict[int, int] = {}
        for doc in self.documents:
            if doc["settled_on"] is None:
                owed[doc["customer_id"]] = owed.get(doc["customer_id"], 0) + doc["open_cents"]
        for client in rng.sample(late, min(self.customer_count // 25, len(late))):
            balance = owed[client.id]
            promised = AS_OF + timedelta(days=rng.randint(-6, 25))
            self.promises.append(
                self._promise(client.id, promised, balance, PromiseStatus.PENDING, None)
            )
        for client in rng.sample(list(self.clients.values()), self.customer_count // 6):
            promised = AS_OF - timedelta(days=rng.randint(20, HISTORY_DAYS - 60))
            status = rng.choice((PromiseStatus.KEPT, PromiseStatus.KEPT, PromiseStatus.BROKEN))
            checked = promised + timedelta(days=rng.randint(0, 4))
            self.promises.append(
                self._promise(client.id, promised, rng.randint(50_000, 900_000), status, checked)
            )

    def _promise(
        self,
        customer_id: int,
        promised: date,
        baseline: int,
        status: PromiseStatus,
        checked: date | None,
    ) -> dict[str, Any]:
        made = min(promised - timedelta(days=self.rng.randint(3, 20)), AS_OF - timedelta(days=1))
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

    # reminder history

    def history_rows(self) -> None:
        """Done or skipped actions: a chasing episode for half the invoices paid late, a
        courtesy e-mail for a few, and the current cycle of each customer owing overdue
        items stopped somewhere below (or at) the level reached today."""
        rng = self.rng
        for client in self.clients.values():
            plan = client.plan
            for doc_id, due, settled, total in client.late_settled:
                if rng.random() < 0.5:  # the others were paid after a call or unchased
                    self._episode(client, due, settled, [(doc_id, total)])
            if plan.courtesy is not None:
                for doc_id, due, amount in client.courtesy_candidates:
                    planned = due + timedelta(days=plan.courtesy.offset_days + rng.randint(0, 3))
                    if planned < AS_OF:
                        self._action(client, plan.courtesy, planned, [(doc_id, amount)])
            overdue = [(i, due, cents) for i, due, cents in client.open_items if due < AS_OF]
            if overdue:
                oldest = min(due for _, due, _ in overdue)
                reached = [lv for lv in plan.ladder if lv.offset_days <= (AS_OF - oldest).days]
                stop = rng.randint(max(len(reached) - 2, 0), len(reached)) if reached else 0
                self._episode(client, oldest, AS_OF, [], overdue, stop)

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
        action_id = len(self.actions) + 1
        done = min(planned + timedelta(days=rng.randint(0, 2)), AS_OF - timedelta(days=1))
        skipped = rng.random() < 0.1
        phone = level.channel == Channel.PHONE.value
        self.actions.append(
            {
                "id": action_id,
                "customer_id": client.id,
                "level_id": level.id,
                "channel": level.channel,
                "planned_on": planned,
                "status": (ActionStatus.SKIPPED if skipped else ActionStatus.DONE).value,
                "assignee_id": (
                    client.salesperson if level.channel == Channel.SALESPERSON.value else None
                ),
                "done_on": done,
                "done_by_id": ASSISTANT,
                "total_cents": sum(amount for _, amount in items),
                "outcome": rng.choice(("reached", "no_answer", "message_left")) if phone else "",
                "notes": rng.choice(CALL_NOTES) if phone else "",
                "skip_reason": rng.choice(SKIP_REASONS) if skipped else "",
                **_stamp(planned),
            }
        )
        for doc_id, amount in items:
            self.action_items.append(
                {"action_id": action_id, "document_id": doc_id, "amount_cents": amount}
            )
        return done


def build(path: Path, customers: int, invoices: int, seed: int = 11) -> dict[str, int]:
    """Create the file at `path` and return how many rows each table received."""
    open_or_create(path, now=NOW, app_version="bench")
    builder = _Builder(customers, invoices, _shipped_plans(path), seed)
    database = Database.at(path)
    try:
        with database.transaction() as session:
            insert_rows(session, User, builder.users())
            insert_rows(session, Segment, builder.segments())
            insert_rows(session, Customer, builder.customers())
            builder.documents_rows()
            with indexes_deferred(session, Document, len(builder.documents)):
                insert_rows(session, Document, builder.documents, chunk_size=20_000)
            builder.disputes_rows()
            insert_rows(session, Dispute, builder.disputes)
            insert_rows(session, DisputeItem, builder.dispute_items)
            builder.promises_rows()
            insert_rows(session, PromiseToPay, builder.promises)
            builder.history_rows()
            with indexes_deferred(session, ReminderAction, len(builder.actions)):
                insert_rows(session, ReminderAction, builder.actions, chunk_size=20_000)
            with indexes_deferred(session, ReminderActionItem, len(builder.action_items)):
                insert_rows(session, ReminderActionItem, builder.action_items, chunk_size=20_000)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("ANALYZE")
    finally:
        database.close()
    return _counts(path)


def _counts(path: Path) -> dict[str, int]:
    tables = {
        "customers": "customers",
        "invoices": "documents WHERE kind = 'invoice'",
        "open_invoices": "documents WHERE kind = 'invoice' AND settled_on IS NULL",
        "overdue_invoices": (
            f"documents WHERE kind = 'invoice' AND settled_on IS NULL AND due_on < '{AS_OF}'"
        ),
        "credit_notes": "documents WHERE kind = 'credit_note'",
        "payments": "documents WHERE kind = 'payment'",
        "open_disputes": "disputes WHERE status NOT IN ('resolved', 'rejected')",
        "dispute_items": "dispute_items",
        "pending_promises": "promises_to_pay WHERE status = 'pending'",
        "reminder_actions": "reminder_actions",
        "reminder_action_items": "reminder_action_items",
    }
    connection = sqlite3.connect(path)
    try:
        return {
            key: int(connection.execute(f"SELECT COUNT(*) FROM {sql}").fetchone()[0])
            for key, sql in tables.items()
        }
    finally:
        connection.close()


# --- the floor ---------------------------------------------------------------------------

_CLOSED = "('resolved', 'rejected')"
FLOOR_SQL = {
    "plans": """
        SELECT p.id, p.name, p.min_gap_days, p.for_consumers, p.is_default,
               l.rank, l.name, l.offset_days, l.channel, l.tone,
               l.claims_penalties, l.claims_indemnity, l.deadline_days
        FROM dunning_plans AS p JOIN dunning_levels AS l ON l.plan_id = p.id
        ORDER BY p.id, l.rank""",
    "items": f"""
        SELECT d.id, d.customer_id, d.kind, d.due_on, d.open_cents,
               COALESCE(x.disputed, 0), r.document_id IS NOT NULL
        FROM documents AS d
        LEFT JOIN (
            SELECT i.document_id, SUM(i.disputed_cents) AS disputed
            FROM dispute_items AS i JOIN disputes AS s ON s.id = i.dispute_id
            WHERE s.status NOT IN {_CLOSED}
            GROUP BY i.document_id
        ) AS x ON x.document_id = d.id
        LEFT JOIN (
            SELECT DISTINCT pd.document_id
            FROM repayment_plan_documents AS pd
            JOIN repayment_plans AS rp ON rp.id = pd.plan_id
            WHERE rp.status = 'active'
        ) AS r ON r.document_id = d.id
        WHERE d.settled_on IS NULL AND d.open_cents <> 0 AND d.issued_on <= :as_of""",
    "customers": """
        SELECT c.id, c.is_consumer, c.status, c.insolvency_kind, c.salesperson_id,
               s.dunning_plan_id
        FROM customers AS c LEFT JOIN segments AS s ON s.id = c.segment_id""",
    "past": """
        SELECT a.customer_id, l.rank, a.planned_on, a.status, a.done_on
        FROM reminder_actions AS a JOIN dunning_levels AS l ON l.id = a.level_id""",
    "promises": """
        SELECT customer_id, promised_for, grace_days, status
        FROM promises_to_pay WHERE status = 'pending'""",
}

FloorData = dict[str, list[tuple[Any, ...]]]


def floor(path: Path) -> FloorData:
    """(a) Everything the engine reads, as raw tuples, through the bare sqlite3 module."""
    connection = sqlite3.connect(path)
    try:
        params = {"as_of": AS_OF.isoformat()}
        return {key: connection.execute(sql, params).fetchall() for key, sql in FLOOR_SQL.items()}
    finally:
        connection.close()


def engine_on(data: FloorData) -> list[DueAction]:
    """The pure engine fed with the floor's tuples: the work no storage layer can avoid."""
    day = date.fromisoformat
    levels: dict[int, list[DunningLevel]] = {}
    plans_meta: dict[int, tuple[str, int, bool, bool]] = {}
    for pid, pname, gap, consumers, default, rank, name, off, ch, tone, pen, ind, dl in data[
        "plans"
    ]:
        plans_meta[pid] = (pname, gap, bool(consumers), bool(default))
        levels.setdefault(pid, []).append(
            DunningLevel(rank, name, off, Channel(ch), Tone(tone), bool(pen), bool(ind), dl)
        )
    rules = {
        pid: DunningPlan(name, tuple(levels[pid]), gap, consumers)
        for pid, (name, gap, consumers, _) in plans_meta.items()
    }
    default = next(pid for pid, meta in plans_meta.items() if meta[3])
    consumer = next(pid for pid, meta in plans_meta.items() if meta[2])
    items = [
        OpenItem(doc, cid, DocumentKind(kind), day(due), cents, disputed, bool(in_plan))
        for doc, cid, kind, due, cents, disputed, in_plan in data["items"]
    ]
    owing = {item.customer_id for item in items}
    states = [
        CustomerState(
            cid,
            rules[segment_plan if segment_plan in rules else consumer if is_consumer else default],
            insolvent=status == CustomerStatus.INSOLVENCY.value or kind is not None,
            blocked=status == CustomerStatus.BLOCKED.value,
        )
        for cid, is_consumer, status, kind, _, segment_plan in data["customers"]
        if cid in owing
    ]
    past = [
        PastAction(cid, rank, day(planned), ActionStatus(status), day(done) if done else None)
        for cid, rank, planned, status, done in data["past"]
    ]
    promises = [
        Promise(cid, day(promised), grace, PromiseStatus(status))
        for cid, promised, grace, status in data["promises"]
    ]
    return actions_due(AS_OF, states, items, past, promises)


# --- measuring ---------------------------------------------------------------------------


def median_seconds(run: Callable[[], T], repeat: int = RUNS) -> tuple[float, T]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fresh_copy(source: Path, target: Path) -> Path:
    """A copy of the built file through SQLite's backup API (safe whatever the journal)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def open_services(path: Path) -> Services:
    return build_services(Database.at(path), FixedClock(NOW), lambda: "bench")


def timed_refreshes(source: Path, workdir: Path) -> tuple[float, int, Path]:
    """(b) median of RUNS first refreshes of the day, each on its own fresh copy; returns
    the median, the actions created and the last refreshed copy."""
    times: list[float] = []
    created = 0
    copy = workdir / "refreshed.sqlite"
    for _ in range(RUNS):
        fresh_copy(source, copy)
        services = open_services(copy)
        try:
            start = time.perf_counter()
            result = services.reminders.refresh(AS_OF)
            times.append(time.perf_counter() - start)
            created = result.created
        finally:
            services.close()
    return statistics.median(times), created, copy


def profile(label: str, run: Callable[[], object], lines: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    print(f"\n--- profile: {label} (by cumulative time) ---")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    print(f"--- profile: {label} (by own time) ---")
    stats.sort_stats("tottime").print_stats(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once) this file; never modified")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    parser.add_argument("--profile", action="store_true", help="print cProfile of (b) and (d)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        path = args.db or workdir / "bench-reminders.sqlite"
        if not path.exists():
            start = time.perf_counter()
            build(path, args.customers, args.invoices)
            print(f"built in {time.perf_counter() - start:.1f} s")
        counts = _counts(path)
        print(", ".join(f"{key} {value:,}" for key, value in counts.items()))

        floor(path)  # warm the page cache
        floor_s, data = median_seconds(lambda: floor(path))
        engine_s, expected = median_seconds(lambda: engine_on(floor(path)))
        refresh_s, created, refreshed = timed_refreshes(path, workdir)

        services = open_services(refreshed)
        try:
            again_s, again = median_seconds(lambda: services.reminders.refresh(AS_OF))
            due_s, due = median_seconds(lambda: services.reminders.due(AS_OF))
            events_s, events = median_seconds(lambda: services.calendar.events(*MONTH))
            forecast_s, _ = median_seconds(lambda: services.reminders.forecast(AS_OF, MONTH[1]))
            between_s, _ = median_seconds(lambda: services.reminders.between(*MONTH))
        finally:
            services.close()
        connection = sqlite3.connect(refreshed)
        try:
            # The history's ids come first: what is above them is what the refresh saved.
            saved, saved_total = connection.execute(
                "SELECT COUNT(*), COALESCE(SUM(total_cents), 0) FROM reminder_actions WHERE id > ?",
                (counts["reminder_actions"],),
            ).fetchone()
        finally:
            connection.close()

        if args.profile:
            profile_copy = fresh_copy(path, workdir / "profiled.sqlite")
            services = open_services(profile_copy)
            try:
                profile("refresh (first of the day)", lambda: services.reminders.refresh(AS_OF))
                profile("calendar month view", lambda: services.calendar.events(*MONTH))
            finally:
                services.close()

    # The floor and the service must agree on what is due, or the comparison means nothing.
    assert created == saved == len(expected), (created, saved, len(expected))
    assert saved_total == sum(action.total_cents for action in expected), "totals differ"
    assert again.created == 0, "a second refresh the same day created actions"
    assert len(due) == created, (len(due), created)

    ok = refresh_s <= TARGET_SECONDS
    floor_rows = sum(len(rows) for rows in data.values())
    lines = (
        ("(a) floor, sqlite3 tuples", floor_s, f"{floor_rows:,} rows"),
        ("    floor + pure engine", engine_s, f"{len(expected):,} actions"),
        ("(b) refresh, first of the day", refresh_s, f"{created:,} actions created"),
        ("    refresh again, same day", again_s, "nothing to create"),
        ("(c) due(as_of)", due_s, f"{len(due):,} rows"),
        ("(d) calendar month view", events_s, f"{len(events):,} events"),
        ("    of which: forecast", forecast_s, "from as_of to the month's end"),
        ("    of which: between", between_s, "the month's actions"),
    )
    for label, seconds, note in lines:
        print(f"{label:31} {seconds:7.3f} s  {seconds / floor_s:5.1f} x floor  ({note})")
    print(f"target (b) <= {TARGET_SECONDS} s: {'met' if ok else 'MISSED'}")
    if not args.no_save:
        entry = {
            "as_of": AS_OF.isoformat(),
            "rows": counts,
            "runs": RUNS,
            "floor_seconds": round(floor_s, 4),
            "floor_plus_engine_seconds": round(engine_s, 4),
            "refresh_seconds": round(refresh_s, 4),
            "refresh_again_seconds": round(again_s, 4),
            "due_seconds": round(due_s, 4),
            "calendar_month_seconds": round(events_s, 4),
            "forecast_seconds": round(forecast_s, 4),
            "between_seconds": round(between_s, 4),
            "actions_created": created,
            "due_rows": len(due),
            "calendar_events": len(events),
            "ratio_refresh": round(refresh_s / floor_s, 2),
            "ratio_due": round(due_s / floor_s, 2),
            "ratio_calendar": round(events_s / floor_s, 2),
            "target_seconds": TARGET_SECONDS,
            "ok": ok,
            # Figures from a busy machine are not comparable: say how busy it was.
            "machine": {
                "cpus": os.cpu_count(),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
            },
            "measured_at": datetime.now().isoformat(timespec="seconds"),
        }
        # Other benchmarks write their own keys: read, merge and write back at once.
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results["reminders"] = entry
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
