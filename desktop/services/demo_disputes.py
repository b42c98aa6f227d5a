"""The demo company's dispute log: a few per cent of its customers contest an invoice.

Disputes are played through the real dispute service, each step on its own day with a
clock set to that day and the person who would do it: the assistant records what the
customer said, the department owner looks into it, the salesperson answers the
questions of the dispute's task, and some end with a credit note, a commercial gesture,
a reissued invoice or a rejection. So the Litiges page, the history of each dispute and
the salespeople's task lists look like a real office's, with every category, open
disputes whose answer is overdue, and the reminders leaving the disputed parts out.
Deterministic for a seed and a day.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.domain.clock import FixedClock
from desktop.domain.disputes import DisputeDraft, DisputeLine, ResolutionDraft
from desktop.domain.enums import (
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    Profile,
    TaskKind,
    TaskStatus,
)
from desktop.persistence.models import Contact, Customer, Document, Task, User
from desktop.services.registry import Services, build_services

__all__ = ["MAX_DISPUTES", "SCENARIOS", "play_disputes"]

SHARE = 0.035  # of the customers with open invoices
MIN_DISPUTES = 12  # enough for every category and every way a dispute ends
MAX_DISPUTES = 150  # a large demo file keeps a log one can read


@dataclass(frozen=True)
class _Kind:
    department: Department
    descriptions: tuple[str, ...]
    share: tuple[int, int]  # percent of what remains due that is disputed (min, max)


KINDS: dict[DisputeCategory, _Kind] = {
    DisputeCategory.PRICE: _Kind(
        Department.SALES,
        (
            "Le client conteste le prix unitaire : le devis signé prévoyait une remise de 8 %.",
            "Tarif 2026 appliqué alors que la commande a été passée en décembre.",
        ),
        (5, 20),
    ),
    DisputeCategory.QUANTITY: _Kind(
        Department.LOGISTICS,
        (
            "Deux palettes facturées, une seule reçue d'après le bon de livraison signé.",
            "Le client a compté 40 cartons au lieu des 48 facturés.",
        ),
        (10, 40),
    ),
    DisputeCategory.WRONG_ITEM: _Kind(
        Department.LOGISTICS,
        (
            "Référence livrée différente de la commande (modèle inox au lieu d'acier "
            "laqué) ; le client attend l'échange avant de payer.",
        ),
        (20, 60),
    ),
    DisputeCategory.DAMAGED: _Kind(
        Department.QUALITY,
        (
            "Marchandise abîmée à la livraison : réserves écrites sur le bon du transporteur, "
            "photos envoyées par e-mail.",
            "Lot non conforme à la fiche technique : trois pièces présentent des fissures.",
        ),
        (15, 50),
    ),
    DisputeCategory.NOT_DELIVERED: _Kind(
        Department.LOGISTICS,
        (
            "Le client dit n'avoir reçu que la première livraison sur les deux facturées.",
            "Commande jamais arrivée : le suivi du transporteur s'arrête à l'entrepôt.",
        ),
        (40, 100),
    ),
    DisputeCategory.BILLED_TWICE: _Kind(
        Department.ACCOUNTING,
        ("Cette facture reprend une livraison déjà facturée le mois précédent.",),
        (100, 100),
    ),
    DisputeCategory.INVOICE_ERROR: _Kind(
        Department.ACCOUNTING,
        (
            "Taux de TVA erroné : 20 % appliqués au lieu de 10 % pour des travaux de rénovation.",
            "Adresse de facturation et n° de TVA intracommunautaire faux : la facture est "
            "refusée par leur comptabilité.",
        ),
        (5, 20),
    ),
    DisputeCategory.MISSING_PO: _Kind(
        Department.SALES,
        ("Le service achats bloque le paiement : pas de n° de bon de commande sur la facture.",),
        (100, 100),
    ),
    DisputeCategory.CONTRACT: _Kind(
        Department.MANAGEMENT,
        (
            "Désaccord sur les pénalités de retard de livraison prévues au contrat-cadre : "
            "le client les déduit de notre facture.",
        ),
        (10, 30),
    ),
    DisputeCategory.OTHER: _Kind(
        Department.SALES,
        ("Le client attend l'avoir promis oralement par le commercial lors de sa visite.",),
        (10, 25),
    ),
}

# How the demo disputes stand today, in the order they are dealt out.
SCENARIOS = (
    "open_overdue",
    "resolved_credit_note",
    "analysis",
    "waiting_customer",
    "resolved_gesture",
    "open_recent",
    "rejected",
    "resolved_reissued",
    "analysis",
    "open_overdue",
)

ANSWERS = (
    "Le client est de bonne foi : il paiera le reste dès réception de l'avoir. Commandes en "
    "cours : oui, un chantier en avril. Un geste n'est pas nécessaire.",
    "Vu l'acheteur : la contestation est fondée pour une partie seulement. Deux commandes "
    "en cours ; un geste de quelques pour cent préserverait la relation.",
    "Le gérant reconnaît que la marchandise était conforme ; il cherche surtout à gagner "
    "du temps. Pas de commande en cours, pas de geste à faire.",
    "Client fidèle depuis six ans, commandes régulières : je recommande un geste commercial.",
)
NOTES = (
    "Photos reçues, transmises au service qualité.",
    "Bon de livraison signé retrouvé dans le dossier du transporteur.",
    "Le client rappelle : il attend notre réponse avant de régler le reste.",
    "Relance par e-mail pour obtenir les pièces justificatives.",
)


def play_disputes(
    services: Services,
    seed: int,
    progress: Callable[[float], None] = lambda _fraction: None,
) -> int:
    """Open the demo disputes and play their history through the dispute service, each
    step dated on its own day. Returns how many credit notes the resolutions added to
    the ledger."""
    rng = random.Random(f"disputes-{seed}")
    today = services.context.clock.today()
    candidates, team = _candidates(services, today)
    if not candidates:
        return 0
    count = min(len(candidates), MAX_DISPUTES, max(MIN_DISPUTES, round(len(candidates) * SHARE)))
    chosen = sorted(rng.sample(sorted(candidates), count))
    clock = FixedClock(datetime.combine(today, time(9, 0)))
    actor = [team.assistant]
    office = build_services(services.database, clock, lambda: actor[0])
    categories = list(DisputeCategory)
    rng.shuffle(categories)
    credit_notes = 0
    for index, customer_id in enumerate(chosen):
        customer = candidates[customer_id]
        category = categories[index % len(categories)]
        scenario = SCENARIOS[index % len(SCENARIOS)]
        credit_notes += _play_one(
            office, clock, actor, rng, team, customer, category, scenario, today, index
        )
        progress((index + 1) / count)
    return credit_notes


@dataclass(frozen=True)
class _Team:
    owner: str
    assistant: str
    user_ids: dict[str, int]  # name -> id


@dataclass(frozen=True)
class _Candidate:
    customer_id: int
    salesperson: str  # "" without one
    contact: str
    invoices: tuple[tuple[int, date, int], ...]  # (id, issued_on, open_cents), oldest first


def _candidates(services: Services, today: date) -> tuple[dict[int, _Candidate], _Team]:
    """Customers still chased (not prospects nor insolvent) with an invoice open, issued
    in the last five months and at least ten days ago."""
    with services.database.read() as session:
        users = session.execute(select(User.id, User.name, User.profile)).all()
        names = {uid: name for uid, name, _ in users}
        owner = next((n for _, n, p in users if p == Profile.OWNER.value), "")
        assistant = next((n for _, n, p in users if p == Profile.ASSISTANT.value), owner)
        team = _Team(owner, assistant, {name: uid for uid, name, _ in users})
        rows = session.execute(
            select(
                Document.customer_id,
                Document.id,
                Document.issued_on,
                Document.open_cents,
                Customer.salesperson_id,
            )
            .join(Customer, Customer.id == Document.customer_id)
            .where(
                Document.kind == DocumentKind.INVOICE.value,
                Document.settled_on.is_(None),
                Document.open_cents >= 50_000,
                Document.issued_on <= today - timedelta(days=10),
                Document.issued_on >= today - timedelta(days=150),
                Customer.status.in_(
                    (CustomerStatus.ACTIVE.value, CustomerStatus.UNDER_WATCH.value)
                ),
            )
            .order_by(Document.customer_id, Document.issued_on, Document.id)
        ).all()
        invoices: dict[int, list[tuple[int, date, int]]] = {}
        sellers: dict[int, str] = {}
        for customer_id, doc_id, issued_on, open_cents, seller in rows:
            invoices.setdefault(customer_id, []).append((doc_id, issued_on, open_cents))
            sellers[customer_id] = names.get(seller, "") if seller else ""
        contacts: dict[int, str] = {}
        if invoices:
            for customer_id, first, last in session.execute(
                select(Contact.customer_id, Contact.first_name, Contact.last_name)
                .where(Contact.customer_id.in_(list(invoices)))
                .order_by(Contact.customer_id, Contact.is_primary.desc(), Contact.id)
            ):
                contacts.setdefault(customer_id, f"{first} {last}".strip())
    return {
        cid: _Candidate(cid, sellers[cid], contacts.get(cid, ""), tuple(docs))
        for cid, docs in invoices.items()
    }, team


def _owner_of(department: Department, team: _Team, customer: _Candidate) -> str:
    if department is Department.SALES and customer.salesperson:
        return customer.salesperson
    if department is Department.ACCOUNTING:
        return team.assistant
    return team.owner


def _play_one(
    office: Services,
    clock: FixedClock,
    actor: list[str],
    rng: random.Random,
    team: _Team,
    customer: _Candidate,
    category: DisputeCategory,
    scenario: str,
    today: date,
    index: int,
) -> int:
    kind = KINDS[category]
    closing = scenario.startswith(("resolved", "rejected"))
    # When the customer said so: recently for the open ones, a few weeks ago for the
    # closed ones (so their history spans the analysis and the answer).
    back = rng.randint(3, 8) if scenario == "open_recent" else rng.randint(18, 60)
    reported_on = today - timedelta(days=back)
    invoices = [inv for inv in customer.invoices if inv[1] <= reported_on - timedelta(days=3)]
    if not invoices:
        invoices = [customer.invoices[0]]
        reported_on = max(reported_on, invoices[0][1] + timedelta(days=3))
        reported_on = min(reported_on, today - timedelta(days=2))
    picked = invoices[-2:] if category is DisputeCategory.NOT_DELIVERED else invoices[-1:]
    lines = []
    for doc_id, _issued, open_cents in picked:
        low, high = kind.share
        cents = open_cents * rng.randint(low, high) // 100 // 100 * 100  # whole euros
        lines.append(DisputeLine(doc_id, max(min(cents, open_cents), 100)))
    owner = _owner_of(kind.department, team, customer)
    expected = reported_on + timedelta(days=rng.choice((7, 10, 15)))
    if scenario == "open_overdue":
        expected = min(expected, today - timedelta(days=rng.randint(1, 6)))
    elif scenario == "open_recent":
        expected = today + timedelta(days=rng.randint(3, 12))

    def on(day: date, who: str, hour: int = 10) -> None:
        clock.moment = datetime.combine(min(day, today), time(hour, rng.randint(0, 59)))
        actor[0] = who

    on(reported_on, team.assistant)
    dispute_id = office.disputes.open(
        DisputeDraft(
            customer_id=customer.customer_id,
            lines=tuple(lines),
            category=category,
            description=rng.choice(kind.descriptions),
            reported_by=customer.contact,
            reported_on=reported_on,
            department=kind.department,
            owner_id=team.user_ids.get(owner),
            expected_answer_on=max(expected, reported_on),
        )
    )
    step = reported_on
    if scenario != "open_recent" and scenario != "open_overdue":
        step += timedelta(days=rng.randint(1, 4))
        on(step, owner, 14)
        office.disputes.change_status(
            dispute_id, DisputeStatus.ANALYSIS, "Dossier pris en charge, vérifications en cours."
        )
        step += timedelta(days=rng.randint(1, 4))
        on(step, owner, 16)
        office.disputes.add_note(dispute_id, rng.choice(NOTES))
    if scenario in ("waiting_customer", "rejected", "resolved_reissued"):
        step += timedelta(days=rng.randint(2, 5))
        on(step, owner, 11)
        office.disputes.change_status(
            dispute_id,
            DisputeStatus.WAITING_CUSTOMER,
            "Demande au client du bon de livraison signé et des photos.",
        )
    _answer_task(office, dispute_id, customer, reported_on, today, rng, on)
    if not closing:
        return 0
    step = min(step + timedelta(days=rng.randint(3, 8)), today)
    disputed = sum(line.disputed_cents for line in lines)
    if scenario == "rejected":
        on(step, team.owner, 15)
        office.disputes.reject(
            dispute_id,
            "Bon de livraison signé sans réserve : la marchandise était conforme. "
            "Le montant est dû en totalité.",
        )
        return 0
    on(step, team.owner if scenario == "resolved_gesture" else team.assistant, 15)
    if scenario == "resolved_credit_note":
        office.disputes.resolve(
            dispute_id,
            ResolutionDraft(
                DisputeResolution.CREDIT_NOTE,
                amount_cents=disputed,
                credit_note_number=_next_credit_note_number(office, step.year),
                note="Contestation fondée : avoir du montant contesté.",
            ),
        )
        return 1
    if scenario == "resolved_gesture":
        office.disputes.resolve(
            dispute_id,
            ResolutionDraft(
                DisputeResolution.COMMERCIAL_GESTURE,
                amount_cents=max(disputed // 2 // 100 * 100, 100),
                approved_by=team.owner,
                note="Geste accordé pour préserver la relation ; le reste est dû.",
            ),
        )
        return 0
    office.disputes.resolve(
        dispute_id,
        ResolutionDraft(
            DisputeResolution.REISSUED_INVOICE,
            reissued_number=f"FAR-{step.year}-{index + 1:04d}",
            note="Facture annulée et réémise avec les bonnes mentions.",
        ),
    )
    return 0


def _answer_task(
    office: Services,
    dispute_id: int,
    customer: _Candidate,
    reported_on: date,
    today: date,
    rng: random.Random,
    on: Callable[[date, str, int], None],
) -> None:
    """The salesperson answers the dispute's questions within a few days, when those
    days have passed (recent disputes keep their task open on the salesperson's list)."""
    answered_on = reported_on + timedelta(days=rng.randint(2, 5))
    if answered_on >= today or not customer.salesperson:
        return
    with office.database.read() as session:
        task_id = session.scalar(
            select(Task.id).where(
                Task.dispute_id == dispute_id,
                Task.kind == TaskKind.DISPUTE_QUESTIONS.value,
                Task.status == TaskStatus.OPEN.value,
            )
        )
    if task_id is None:
        return
    on(answered_on, customer.salesperson, 18)
    office.tasks.complete(task_id, rng.choice(ANSWERS))


def _next_credit_note_number(office: Services, year: int) -> str:
    """The next number of the demo ledger's credit notes (AV-2026-000123), as the
    accounting would give it."""
    prefix = f"AV-{year}-"
    with office.database.read() as session:
        numbers = session.scalars(
            select(Document.number).where(
                Document.kind == DocumentKind.CREDIT_NOTE.value, Document.number.like(prefix + "%")
            )
        ).all()
    used = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:06d}"
