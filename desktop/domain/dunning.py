"""The dunning engine: which reminders are due on a given day, as plain data.

A dunning plan is a ladder of levels, each with an offset in days from the due date. A
level with a negative offset is the courtesy reminder sent before the due date (for items
not yet due); the others are the chasing levels. Shipped defaults are in `DEFAULT_PLANS`
(the brief's usual sequence is "Standard"); the user edits copies of them.

`actions_due` is pure: it takes `as_of` and everything it needs, and returns the actions
to propose that day. The rules:

- per customer, ONE chasing action at the highest level reached by any of its overdue
  items, listing all its overdue items (grouped) and its credit notes / unmatched payments;
- only the chased amount counts: open − disputed; an item fully disputed or in a respected
  repayment plan is left out; credit notes and payments (negative) reduce the total but
  never trigger a reminder; nothing when the total is ≤ 0;
- a new chasing action is proposed only once the previous one of the cycle is closed
  (DONE, or SKIPPED with a reason) and `min_gap_days` have passed since it was closed;
  nothing while one is PENDING or POSTPONED, and never the same level twice (idempotent);
- catch-up: after days without opening the app, the single highest level reached is
  proposed, never a burst of the levels missed in between;
- the current cycle starts the day after the due date of the customer's oldest overdue
  chased item: chasing actions planned before it concern debts since settled and are
  ignored, so a customer who paid starts again from the bottom of the ladder;
- a pending promise to pay pauses the customer until `promised_for + grace_days`;
- insolvency stops everything (a blocked customer is still chased: blocking stops
  deliveries, not collection);
- the courtesy level covers the not-yet-due items inside its window, once per item, and
  only for a customer with nothing overdue (otherwise the chasing action takes over).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from desktop.domain.enums import ActionStatus, Channel, DocumentKind, PromiseStatus, Tone
from desktop.domain.errors import ErrorCode, FieldError
from desktop.domain.terms import days_late


@dataclass(frozen=True)
class DunningLevel:
    rank: int
    name: str
    offset_days: int  # from the due date; negative = courtesy reminder before it
    channel: Channel
    tone: Tone
    claims_penalties: bool = False
    claims_indemnity: bool = False  # the 40 € fixed recovery indemnity (business only)
    deadline_days: int | None = None  # "pay within N days"

    @property
    def is_courtesy(self) -> bool:
        return self.offset_days < 0


@dataclass(frozen=True)
class DunningPlan:
    name: str
    levels: tuple[DunningLevel, ...]
    min_gap_days: int
    for_consumers: bool = False

    def __post_init__(self) -> None:
        if not self.levels:
            raise ValueError("a dunning plan needs at least one level")
        ranks = [level.rank for level in self.levels]
        offsets = [level.offset_days for level in self.levels]
        if ranks != sorted(set(ranks)):
            raise ValueError("level ranks must be unique and in increasing order")
        if offsets != sorted(set(offsets)):
            raise ValueError("level offsets must be unique and in increasing order")
        if sum(1 for level in self.levels if level.is_courtesy) > 1:
            raise ValueError("a plan has at most one courtesy level (negative offset)")
        if self.min_gap_days < 0:
            raise ValueError("the minimum gap between two actions cannot be negative")
        for level in self.levels:
            if level.deadline_days is not None and level.deadline_days <= 0:
                raise ValueError("a payment deadline is a positive number of days")
        if self.for_consumers and any(level.claims_indemnity for level in self.levels):
            raise ValueError("the 40 € recovery indemnity is never claimed from consumers")

    @property
    def courtesy(self) -> DunningLevel | None:
        return next((level for level in self.levels if level.is_courtesy), None)

    @property
    def ladder(self) -> tuple[DunningLevel, ...]:
        """The chasing levels (offset ≥ 0), lowest first."""
        return tuple(level for level in self.levels if not level.is_courtesy)


STANDARD = DunningPlan(
    name="Standard",
    min_gap_days=7,
    levels=(
        DunningLevel(0, "Rappel de courtoisie", -7, Channel.EMAIL, Tone.COURTEOUS),
        DunningLevel(1, "Relance amiable", 7, Channel.LETTER, Tone.FRIENDLY),
        DunningLevel(2, "Deuxième relance", 15, Channel.LETTER, Tone.FIRM, True, True),
        DunningLevel(3, "Dernière relance", 30, Channel.SALESPERSON, Tone.FIRM, True, True, 8),
        DunningLevel(4, "Mise en demeure", 45, Channel.FORMAL_NOTICE, Tone.FORMAL, True, True, 8),
    ),
)

VALUED_CUSTOMERS = DunningPlan(
    name="Clients privilégiés",
    min_gap_days=10,
    levels=(
        DunningLevel(0, "Rappel de courtoisie", -7, Channel.EMAIL, Tone.COURTEOUS),
        DunningLevel(1, "Relance amiable", 15, Channel.EMAIL, Tone.COURTEOUS),
        DunningLevel(2, "Appel", 30, Channel.PHONE, Tone.FRIENDLY),
        DunningLevel(
            3, "Dernière relance", 45, Channel.SALESPERSON, Tone.FRIENDLY, True, False, 15
        ),
        DunningLevel(4, "Mise en demeure", 60, Channel.FORMAL_NOTICE, Tone.FORMAL, True, True, 15),
    ),
)

LATE_PAYERS = DunningPlan(
    name="Mauvais payeurs",
    min_gap_days=5,
    levels=(
        DunningLevel(0, "Rappel avant échéance", -10, Channel.EMAIL, Tone.FRIENDLY),
        DunningLevel(1, "Relance", 3, Channel.LETTER, Tone.FIRM, True, True),
        DunningLevel(2, "Appel", 10, Channel.PHONE, Tone.FIRM, True, True),
        DunningLevel(3, "Dernière relance", 20, Channel.SALESPERSON, Tone.FIRM, True, True, 8),
        DunningLevel(4, "Mise en demeure", 30, Channel.FORMAL_NOTICE, Tone.FORMAL, True, True, 8),
    ),
)

# Consumers: never the 40 € indemnity; one courtesy e-mail at most before the due date.
# Belgian consumers (Code de droit économique, livre XIX): the first reminder is free and
# nothing may be charged for 14 days after it, hence a 14-day minimum gap and no
# penalties before the formal notice.
CONSUMERS = DunningPlan(
    name="Particuliers",
    min_gap_days=14,
    for_consumers=True,
    levels=(
        DunningLevel(0, "Rappel de courtoisie", -7, Channel.EMAIL, Tone.COURTEOUS),
        DunningLevel(1, "Relance amiable", 10, Channel.LETTER, Tone.FRIENDLY),
        DunningLevel(2, "Deuxième relance", 30, Channel.LETTER, Tone.FIRM),
        DunningLevel(3, "Mise en demeure", 60, Channel.FORMAL_NOTICE, Tone.FORMAL, True, False, 15),
    ),
)

DEFAULT_PLANS: tuple[DunningPlan, ...] = (STANDARD, VALUED_CUSTOMERS, LATE_PAYERS, CONSUMERS)


@dataclass(frozen=True)
class OpenItem:
    """A line of the receivables ledger still open. The sign of the amount is taken from
    `kind` (credit notes and payments reduce what is owed), whatever the sign given."""

    document_id: int
    customer_id: int
    kind: DocumentKind
    due_on: date
    open_cents: int
    disputed_cents: int = 0  # the part under an open dispute, not chased
    in_repayment_plan: bool = False  # covered by a repayment plan that is being respected

    # Cached: the forecast evaluates the same items on many candidate days.
    @cached_property
    def signed_cents(self) -> int:
        return self.kind.sign * abs(self.open_cents)

    @cached_property
    def chased_cents(self) -> int:
        """What a reminder may ask for: open − disputed (0 if nothing is left)."""
        if self.kind.sign < 0:
            return self.signed_cents
        if self.in_repayment_plan:
            return 0
        return max(abs(self.open_cents) - max(self.disputed_cents, 0), 0)


UNKNOWN_RANK = -1  # a past action whose level was since removed from its plan


@dataclass(frozen=True)
class PastAction:
    customer_id: int
    level_rank: int
    planned_on: date
    status: ActionStatus
    done_on: date | None = None

    @property
    def closed_on(self) -> date:
        return self.done_on if self.done_on is not None else self.planned_on


@dataclass(frozen=True)
class Promise:
    customer_id: int
    promised_for: date
    grace_days: int
    status: PromiseStatus

    def holds(self, as_of: date) -> bool:
        return self.status is PromiseStatus.PENDING and as_of <= self.promised_for + timedelta(
            days=self.grace_days
        )


@dataclass(frozen=True)
class CustomerState:
    customer_id: int
    plan: DunningPlan
    insolvent: bool = False
    blocked: bool = False


@dataclass(frozen=True)
class DueAction:
    customer_id: int
    level: DunningLevel
    planned_on: date  # the day it is proposed (as_of)
    items: tuple[tuple[int, int], ...]  # (document_id, amount_cents): chased items, then credits
    total_cents: int
    eligible_on: date  # the day it became due (earlier than planned_on after a catch-up)


_OPEN_STATUSES = (ActionStatus.PENDING, ActionStatus.POSTPONED)


def _sorted_items(items: Iterable[OpenItem]) -> list[OpenItem]:
    return sorted(items, key=lambda item: (item.due_on, item.document_id))


def _courtesy_action(
    as_of: date,
    level: DunningLevel,
    customer_id: int,
    chased: list[OpenItem],
    credits: list[OpenItem],
    past: list[PastAction],
) -> DueAction | None:
    covering = [a for a in past if a.level_rank == level.rank]
    window = []
    for item in chased:
        lateness = days_late(item.due_on, as_of)
        if not level.offset_days <= lateness <= 0:
            continue
        enters_on = item.due_on + timedelta(days=level.offset_days)
        if any(enters_on <= a.planned_on <= item.due_on for a in covering):
            continue  # this item already had its courtesy reminder
        window.append(item)
    if not window:
        return None
    lines = [(item.document_id, item.chased_cents) for item in window]
    lines += [(item.document_id, item.signed_cents) for item in credits]
    total = sum(amount for _, amount in lines)
    if total <= 0:
        return None
    eligible_on = max(item.due_on for item in window) + timedelta(days=level.offset_days)
    return DueAction(customer_id, level, as_of, tuple(lines), total, eligible_on)


def _chasing_action(
    as_of: date,
    plan: DunningPlan,
    customer_id: int,
    overdue: list[OpenItem],
    credits: list[OpenItem],
    past: list[PastAction],
) -> DueAction | None:
    lines = [(item.document_id, item.chased_cents) for item in overdue]
    lines += [(item.document_id, item.signed_cents) for item in credits]
    total = sum(amount for _, amount in lines)
    if total <= 0:
        return None
    oldest_due = min(item.due_on for item in overdue)
    oldest_late = days_late(oldest_due, as_of)
    reached = [level for level in plan.ladder if level.offset_days <= oldest_late]
    if not reached:
        return None
    target = reached[-1]
    ladder_ranks = {level.rank for level in plan.ladder}
    cycle = [a for a in past if a.level_rank in ladder_ranks and a.planned_on > oldest_due]
    if any(a.status in _OPEN_STATUSES for a in cycle):
        return None  # wait until the action under way is done or skipped
    if any(a.status in _OPEN_STATUSES and a.level_rank == UNKNOWN_RANK for a in past):
        return None  # an open action whose level was deleted from the plan still counts
    eligible_on = oldest_due + timedelta(days=target.offset_days)
    if cycle:
        last = max(cycle, key=lambda a: (a.closed_on, a.level_rank))
        if max(a.level_rank for a in cycle) >= target.rank:
            return None  # this level (or a higher one) was already sent in this cycle
        gap_ends = last.closed_on + timedelta(days=plan.min_gap_days)
        if as_of < gap_ends:
            return None
        eligible_on = max(eligible_on, gap_ends)
    return DueAction(customer_id, target, as_of, tuple(lines), total, eligible_on)


def actions_due(
    as_of: date,
    customers: Iterable[CustomerState],
    items: Iterable[OpenItem],
    past_actions: Iterable[PastAction],
    promises: Iterable[Promise],
) -> list[DueAction]:
    """The actions to propose on `as_of`, at most one per customer, by customer id."""
    items_by_customer: dict[int, list[OpenItem]] = {}
    for item in items:
        items_by_customer.setdefault(item.customer_id, []).append(item)
    past_by_customer: dict[int, list[PastAction]] = {}
    for action in past_actions:
        past_by_customer.setdefault(action.customer_id, []).append(action)
    paused = {promise.customer_id for promise in promises if promise.holds(as_of)}

    due: list[DueAction] = []
    for customer in sorted(customers, key=lambda c: c.customer_id):
        if customer.insolvent or customer.customer_id in paused:
            continue
        own = _sorted_items(items_by_customer.get(customer.customer_id, ()))
        credits, chased = _split(own)
        past = past_by_customer.get(customer.customer_id, [])
        action = _customer_action(as_of, customer, chased, credits, past)
        if action is not None:
            due.append(action)
    return due


def _split(own: list[OpenItem]) -> tuple[list[OpenItem], list[OpenItem]]:
    """(credits, chased items) of a customer's sorted items."""
    credits = [item for item in own if item.kind.sign < 0 and item.open_cents != 0]
    chased = [item for item in own if item.kind.sign > 0 and item.chased_cents > 0]
    return credits, chased


def _customer_action(
    as_of: date,
    customer: CustomerState,
    chased: list[OpenItem],
    credits: list[OpenItem],
    past: list[PastAction],
) -> DueAction | None:
    """The one action of a customer that is neither insolvent nor paused, if any."""
    overdue = [item for item in chased if days_late(item.due_on, as_of) > 0]
    if overdue:
        return _chasing_action(as_of, customer.plan, customer.customer_id, overdue, credits, past)
    if customer.plan.courtesy is not None:
        return _courtesy_action(
            as_of, customer.plan.courtesy, customer.customer_id, chased, credits, past
        )
    return None


def next_action(
    as_of: date,
    until: date,
    customer: CustomerState,
    items: Iterable[OpenItem],
    past_actions: Iterable[PastAction],
    promises: Iterable[Promise],
) -> DueAction | None:
    """The first action the engine would propose for `customer` after `as_of` and up to
    `until`, if nothing changes meanwhile (no payment, and the actions under way done on
    their planned day). This is a forecast for the calendar, made by the engine itself:
    it is evaluated on each day where something can change (an item entering a level's
    window, the end of a gap or of a promise), so it never disagrees with `actions_due`.
    None when the customer has an action still open, or nothing is due by `until`."""
    own = [item for item in items if item.customer_id == customer.customer_id]
    past = [a for a in past_actions if a.customer_id == customer.customer_id]
    if any(a.status in _OPEN_STATUSES for a in past) or customer.insolvent:
        return None
    held = [p for p in promises if p.customer_id == customer.customer_id]
    offsets = [level.offset_days for level in customer.plan.levels]
    candidates: set[date] = set()
    for item in own:
        if item.kind.sign < 0:
            continue
        # The day after the due date the item counts in the total chased: with credit
        # notes around, that alone can make the total positive.
        candidates.add(item.due_on + timedelta(days=1))
        for offset in offsets:
            # days_late counts from the day after the due date: a level with offset k
            # is reached when days_late >= k, i.e. on due_on + k (k > 0) or earlier for
            # courtesy windows (entered on due_on + k, k < 0).
            candidates.add(item.due_on + timedelta(days=max(offset, 1) if offset >= 0 else offset))
    gap = timedelta(days=customer.plan.min_gap_days)
    for action in past:
        candidates.add(action.closed_on + gap)
    for promise in held:
        candidates.add(promise.promised_for + timedelta(days=promise.grace_days + 1))
    # What actions_due would do for this one customer, with the items split once.
    credits, chased = _split(_sorted_items(own))
    for day in sorted(c for c in candidates if as_of < c <= until):
        if any(promise.holds(day) for promise in held):
            continue
        action = _customer_action(day, customer, chased, credits, past)
        if action is not None:
            return action
    return None


@dataclass(frozen=True)
class LevelDraft:
    """A level as typed in the plan editor (`id` of the stored level, None when new)."""

    name: str
    offset_days: int
    channel: Channel
    tone: Tone
    claims_penalties: bool = False
    claims_indemnity: bool = False
    deadline_days: int | None = None
    template_key: str = ""
    id: int | None = None


@dataclass(frozen=True)
class PlanDraft:
    name: str
    min_gap_days: int
    levels: tuple[LevelDraft, ...]
    for_consumers: bool = False
    description: str = ""

    def errors(self) -> list[FieldError]:
        """Every problem of the draft, with the field it concerns ("name",
        "min_gap_days", "levels", "levels.N.<field>" for the N-th level as typed)."""
        errors: list[FieldError] = []
        if not self.name.strip():
            errors.append(FieldError("name", ErrorCode.REQUIRED))
        elif len(self.name.strip()) > 100:
            errors.append(FieldError("name", ErrorCode.TOO_LONG, {"max": "100"}))
        if not 0 <= self.min_gap_days <= 90:
            errors.append(
                FieldError("min_gap_days", ErrorCode.OUT_OF_RANGE, {"min": "0", "max": "90"})
            )
        if not self.levels:
            errors.append(FieldError("levels", ErrorCode.PLAN_WITHOUT_LEVEL))
        seen: set[int] = set()
        courtesy = 0
        for index, level in enumerate(self.levels):
            prefix = f"levels.{index}."
            if not level.name.strip():
                errors.append(FieldError(prefix + "name", ErrorCode.REQUIRED))
            if not -60 <= level.offset_days <= 365:
                errors.append(
                    FieldError(
                        prefix + "offset_days", ErrorCode.OUT_OF_RANGE, {"min": "-60", "max": "365"}
                    )
                )
            if level.offset_days in seen:
                errors.append(
                    FieldError(
                        prefix + "offset_days",
                        ErrorCode.DUPLICATE_OFFSET,
                        {"days": str(level.offset_days)},
                    )
                )
            seen.add(level.offset_days)
            if level.offset_days < 0:
                courtesy += 1
                if courtesy == 2:
                    errors.append(FieldError(prefix + "offset_days", ErrorCode.TWO_COURTESY_LEVELS))
            if level.deadline_days is not None and not 1 <= level.deadline_days <= 60:
                errors.append(
                    FieldError(
                        prefix + "deadline_days", ErrorCode.OUT_OF_RANGE, {"min": "1", "max": "60"}
                    )
                )
            if self.for_consumers and level.claims_indemnity:
                errors.append(
                    FieldError(prefix + "claims_indemnity", ErrorCode.NO_INDEMNITY_FOR_CONSUMERS)
                )
        return errors

    def ordered_levels(self) -> list[LevelDraft]:
        """The levels by offset: their ranks are their positions in this list."""
        return sorted(self.levels, key=lambda level: level.offset_days)
