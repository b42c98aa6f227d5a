"""The demo company's proposals: a few devis at every stage, played through the proposal
service with the salesperson of each customer as author and a clock set to each step's
day. One is still a draft (for a prospect), one is sent and waiting, one expired
unanswered, one was refused, and two were accepted — one with its delivery reached, so
its instalment shows in the aged balance and on the calendar as not yet due, the other
with its deposit reached. Deterministic for a seed and a day.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.domain.clock import FixedClock
from desktop.domain.enums import CustomerStatus, ProposalStatus
from desktop.domain.schedule import LineDraft
from desktop.persistence.models import Customer, User
from desktop.services.proposals import ProposalDraft
from desktop.services.registry import Services, build_services

__all__ = ["CATALOGUE", "play_proposals"]

# What Ateliers Durand & Fils sells: (description, unit price excl. VAT in cents, VAT bp).
CATALOGUE = (
    ("Étagères métalliques galvanisées 2 000 × 1 000 mm, 5 niveaux", 18_900, 2000),
    ("Rayonnage à palettes — travée de 2 700 mm, 3 niveaux de lisses", 64_500, 2000),
    ("Établi d'atelier hêtre massif 2 m avec étau « Pro »", 89_000, 2000),
    ("Armoire à outils à rideau, 12 tiroirs", 121_000, 2000),
    ("Installation et mise en service sur site (forfait journée)", 65_000, 2000),
    ("Transport et livraison (zone 2)", 18_000, 2000),
)

# (stored status to reach, template name, days before today it was written, reached line)
SCENARIOS: tuple[tuple[ProposalStatus, str, int, int | None], ...] = (
    (ProposalStatus.DRAFT, "Jalons 30 / 40 / 30", 2, None),
    (ProposalStatus.SENT, "30 jours fin de mois", 9, None),
    (ProposalStatus.SENT, "45 jours fin de mois", 50, None),  # expires unanswered
    (ProposalStatus.REFUSED, "3 mensualités", 40, None),
    (ProposalStatus.ACCEPTED, "30 jours fin de mois", 24, 1),  # delivered: due later
    (ProposalStatus.ACCEPTED, "Acompte 30 % et solde à la livraison", 12, 1),  # deposit
)


def play_proposals(services: Services, seed: int) -> int:
    """Write the demo proposals; returns how many. Nothing when the file has no
    customers to propose to."""
    rng = random.Random(f"proposals-{seed}")
    today = services.context.clock.today()
    with services.database.read() as session:
        active = list(
            session.execute(
                select(Customer.id, Customer.salesperson_id)
                .where(
                    Customer.status == CustomerStatus.ACTIVE.value, Customer.is_consumer.is_(False)
                )
                .order_by(Customer.id)
            ).all()
        )
        prospects = list(
            session.execute(
                select(Customer.id, Customer.salesperson_id)
                .where(Customer.status == CustomerStatus.PROSPECT.value)
                .order_by(Customer.id)
            ).all()
        )
        users = dict(session.execute(select(User.id, User.name)).all())
    if len(active) < len(SCENARIOS):
        return 0
    chosen = rng.sample(active, len(SCENARIOS))
    if prospects:
        chosen[0] = rng.choice(prospects)
    clock = FixedClock(datetime.combine(today, time(10, 0)))
    actor = [""]
    office = build_services(services.database, clock, lambda: actor[0])
    templates = {t.name: t.id for t in office.proposals.templates()}
    written = 0
    for (status, template, days_ago, reached), (customer_id, salesperson_id) in zip(
        SCENARIOS, chosen, strict=True
    ):
        if template not in templates:
            continue
        issued_on = today - timedelta(days=days_ago)
        actor[0] = users.get(salesperson_id, "") or next(iter(users.values()), "Démo")
        _at(clock, issued_on)
        lines = tuple(
            LineDraft(description, rng.choice((1, 2, 4, 6, 10)) * 1000, price, vat)
            for description, price, vat in rng.sample(CATALOGUE, rng.randint(2, 4))
        )
        draft = ProposalDraft(
            customer_id=customer_id,
            issued_on=issued_on,
            lines=lines,
            schedule=office.proposals.schedule_from_template(templates[template], issued_on),
            valid_until=issued_on + timedelta(days=30),
            template_name=template,
            notes="Délai de fabrication : 4 semaines après accord.",
        )
        proposal_id = office.proposals.create(draft)
        written += 1
        if status is ProposalStatus.DRAFT:
            continue
        office.proposals.send(proposal_id)
        if status is ProposalStatus.SENT:
            continue
        _at(clock, issued_on + timedelta(days=min(5, days_ago // 2)))
        if status is ProposalStatus.REFUSED:
            office.proposals.refuse(proposal_id)
            continue
        office.proposals.accept(proposal_id)
        if reached is not None:
            _at(clock, today)
            office.proposals.mark_reached(
                proposal_id, reached, today - timedelta(days=max(1, days_ago // 3))
            )
    return written


def _at(clock: FixedClock, day: date) -> None:
    clock.moment = datetime.combine(day, time(10, 0))
