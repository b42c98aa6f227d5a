"""The demo company's reminder history: its plans per segment, and the last weeks of
reminders as the office would have worked them.

The history is played through the real services, day by day, with a clock set to each
day: the engine proposes, and the simulated assistant does what an office does — prints
and sends, calls (reaching some customers, who sometimes promise to pay), hands the
stubborn ones to their salesperson, who answers a few days later. So the demo shows
done actions, kept and broken promises, open and answered tasks, and today's list starts
where a real office would be, not with a burst of formal notices.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from desktop.domain.clock import FixedClock
from desktop.domain.enums import CallOutcome, Channel
from desktop.domain.errors import ValidationError
from desktop.services.promises import PromiseDraft
from desktop.services.registry import Services, build_services

__all__ = ["HISTORY_DAYS", "SEGMENT_PLANS", "play_reminder_history"]

HISTORY_DAYS = 63  # nine weeks of office days behind today
# Segment name → shipped plan name (the others follow the default plan).
SEGMENT_PLANS = {
    "Grands comptes": "Clients privilégiés",
    "Payeurs lents": "Mauvais payeurs",
    "Particuliers": "Particuliers",
}
HANDOFF_ANSWERS = (
    "Vu le gérant : virement prévu en fin de semaine.",
    "Le comptable attendait un duplicata de la facture ; envoyé.",
    "Trésorerie tendue : propose de payer en deux fois.",
    "Client absent, message laissé à l'accueil.",
)


def play_reminder_history(
    services: Services,
    seed: int,
    assistant: str,
    progress: Callable[[float], None] = lambda _fraction: None,
) -> int:
    """Assign the demo segments to their plans, then replay the reminders of the last
    nine weeks (office days) as the assistant `assistant` would have handled them.
    Returns how many reminder actions the history holds. Deterministic for a seed and
    a day."""
    rng = random.Random(seed * 7919 + 17)
    today = services.context.clock.today()
    plans = {plan.name: plan.id for plan in services.reminders.plans()}
    for segment_id, name, _plan in services.reminders.segment_plans():
        if name in SEGMENT_PLANS and SEGMENT_PLANS[name] in plans:
            services.reminders.set_segment_plan(segment_id, plans[SEGMENT_PLANS[name]])
    clock = FixedClock(datetime.combine(today, time(9, 0)))
    office = build_services(services.database, clock, lambda: assistant)
    answered: dict[int, bool] = {}
    actions = 0
    day = today - timedelta(days=HISTORY_DAYS)
    while day < today:
        if day.weekday() < 5:
            clock.moment = datetime.combine(day, time(9, 0))
            actions += _work_one_day(office, day, rng, answered)
        day += timedelta(days=1)
        progress(1 - (today - day).days / HISTORY_DAYS)
    return actions


def _work_one_day(
    office: Services, day: date, rng: random.Random, answered: dict[int, bool]
) -> int:
    office.reminders.refresh(day)
    rows = office.reminders.due(day)
    for row in rows:
        draw = rng.random()
        if draw < 0.04:
            office.reminders.skip(row.id, "Client vu en rendez-vous par le commercial.")
        elif row.channel is Channel.PHONE:
            _call(office, row, day, rng)
        elif row.channel is Channel.SALESPERSON and draw < 0.8:
            try:
                office.tasks.hand_to_salesperson(row.id, office.tasks.handoff_text(row.id))
            except ValidationError:  # no salesperson for this customer: the assistant calls
                _call(office, row, day, rng)
        else:
            office.reminders.mark_done(row.id, day)
    # Salespeople answer most of their hand-offs within a few days.
    for task in office.tasks.tasks():
        if task.id in answered or (day - task.due_on).days < -1:
            continue
        answered[task.id] = True
        if rng.random() < 0.75:
            office.tasks.complete(task.id, rng.choice(HANDOFF_ANSWERS))
    return len(rows)


def _call(office: Services, row, day: date, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    outcome = rng.choices(
        (CallOutcome.PROMISE, CallOutcome.NO_ANSWER, CallOutcome.REACHED, CallOutcome.MESSAGE_LEFT),
        weights=(40, 25, 20, 15),
    )[0]
    notes = {
        CallOutcome.PROMISE: "Le client s'engage à régler.",
        CallOutcome.NO_ANSWER: "Pas de réponse au standard.",
        CallOutcome.REACHED: "Joint le service comptable : facture en circuit de validation.",
        CallOutcome.MESSAGE_LEFT: "Message laissé sur le répondeur.",
    }[outcome]
    promise = None
    if outcome is CallOutcome.PROMISE and row.total_cents > 0:
        promise = PromiseDraft(
            promised_for=day + timedelta(days=rng.randint(5, 15)),
            amount_cents=row.total_cents,
            grace_days=3,
            notes=notes,
        )
    else:
        outcome = CallOutcome.NO_ANSWER if outcome is CallOutcome.PROMISE else outcome
    office.reminders.record_call(row.id, outcome, notes, promise)
