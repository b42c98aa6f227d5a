"""Repayment plans (plans d'apurement): the instalments of an overdue debt and the state
of a plan at a date. Plain Python: no database, no Qt.

Splitting: the total (cents) is divided into `count` equal instalments rounded down to
the cent; the remainder goes on the last one, so the instalments always add up to the
total exactly. Each instalment must be at least one cent: a total smaller than the number
of instalments cannot be split and is refused.

Dates: the k-th instalment falls `k × frequency_months` months after the first date,
always counted from the first date (never from the previous instalment), clamped to the
end of shorter months: a plan starting on 31 January falls on 28 (or 29) February, then
31 March — not 28 March.

State at a date: a plan is COMPLETED when every instalment is paid in full; BROKEN as
soon as one instalment is still not paid in full more than `grace_days` after its due
date (one missed instalment makes the whole balance due: the acceleration clause);
otherwise it is being respected (ACTIVE), possibly with instalments late but within the
grace period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.enums import RepaymentPlanStatus
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.insolvency import add_months

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "MAX_FREQUENCY_MONTHS",
    "MAX_INSTALMENTS",
    "Instalment",
    "InstalmentState",
    "PlanVerdict",
    "allocate_payment",
    "instalment_dates",
    "plan_state",
    "remaining_balances",
    "split_instalments",
]

DEFAULT_GRACE_DAYS = 5  # an instalment a few days late does not break the plan yet
MAX_INSTALMENTS = 60  # five years of monthly instalments: the limitation period B2B
MAX_FREQUENCY_MONTHS = 12


@dataclass(frozen=True)
class Instalment:
    position: int  # 1, 2, …
    due_on: date
    amount_cents: int


@dataclass(frozen=True)
class InstalmentState:
    """An instalment as recorded: what was due, what has been paid."""

    position: int
    due_on: date
    amount_cents: int
    paid_cents: int = 0
    paid_on: date | None = None

    @property
    def remaining_cents(self) -> int:
        return max(self.amount_cents - self.paid_cents, 0)

    @property
    def is_paid(self) -> bool:
        return self.remaining_cents == 0


@dataclass(frozen=True)
class PlanVerdict:
    """What a plan is on `as_of` (ACTIVE, COMPLETED or BROKEN)."""

    as_of: date
    status: RepaymentPlanStatus
    missed: InstalmentState | None = None  # BROKEN: the first instalment missed
    broken_on: date | None = None  # BROKEN: the first day after its grace period
    late: tuple[InstalmentState, ...] = ()  # due, unpaid, still within the grace period
    next_due: InstalmentState | None = None  # the first instalment not paid in full
    remaining_cents: int = 0  # what is still owed under the plan


def _check_terms(total_cents: int, count: int, frequency_months: int) -> None:
    errors: list[FieldError] = []
    if total_cents <= 0:
        errors.append(FieldError("total", ErrorCode.NEGATIVE_AMOUNT))
    if not 1 <= count <= MAX_INSTALMENTS:
        errors.append(
            FieldError("count", ErrorCode.OUT_OF_RANGE, {"min": "1", "max": str(MAX_INSTALMENTS)})
        )
    elif 0 < total_cents < count:
        errors.append(FieldError("count", ErrorCode.PLAN_CANNOT_SPLIT, {"max": str(total_cents)}))
    if not 1 <= frequency_months <= MAX_FREQUENCY_MONTHS:
        errors.append(
            FieldError(
                "frequency",
                ErrorCode.OUT_OF_RANGE,
                {"min": "1", "max": str(MAX_FREQUENCY_MONTHS)},
            )
        )
    if errors:
        raise ValidationError(errors)


def instalment_dates(first_due_on: date, count: int, frequency_months: int = 1) -> list[date]:
    """The due dates of `count` instalments, every `frequency_months` months from the
    first one, clamped to the end of shorter months."""
    return [add_months(first_due_on, k * frequency_months) for k in range(count)]


def split_instalments(
    total_cents: int, count: int, first_due_on: date, frequency_months: int = 1
) -> tuple[Instalment, ...]:
    """`count` instalments adding up exactly to `total_cents`, equal but for the last
    one which takes the remainder, dated from `first_due_on`. ValidationError (fields
    "total", "count", "frequency") for a total that is not positive, a count outside
    1–60 or larger than the total in cents (PLAN_CANNOT_SPLIT), a frequency outside
    1–12 months."""
    _check_terms(total_cents, count, frequency_months)
    base = total_cents // count
    last = total_cents - base * (count - 1)
    dates = instalment_dates(first_due_on, count, frequency_months)
    return tuple(
        Instalment(position=k + 1, due_on=day, amount_cents=last if k == count - 1 else base)
        for k, day in enumerate(dates)
    )


def remaining_balances(amounts: Sequence[int], total_cents: int | None = None) -> list[int]:
    """What is still owed after each instalment is paid (the printed table's last
    column); the last is 0 when the amounts add up to the total."""
    left = sum(amounts) if total_cents is None else total_cents
    out = []
    for amount in amounts:
        left -= amount
        out.append(left)
    return out


def plan_state(
    instalments: Sequence[InstalmentState], as_of: date, grace_days: int = DEFAULT_GRACE_DAYS
) -> PlanVerdict:
    """The state of a plan on `as_of` from its instalments (any order)."""
    ordered = sorted(instalments, key=lambda i: (i.due_on, i.position))
    remaining = sum(i.remaining_cents for i in ordered)
    unpaid = [i for i in ordered if not i.is_paid]
    if not unpaid:
        return PlanVerdict(as_of, RepaymentPlanStatus.COMPLETED)
    grace = timedelta(days=grace_days)
    missed = next((i for i in unpaid if as_of > i.due_on + grace), None)
    if missed is not None:
        return PlanVerdict(
            as_of,
            RepaymentPlanStatus.BROKEN,
            missed=missed,
            broken_on=missed.due_on + grace + timedelta(days=1),
            next_due=unpaid[0],
            remaining_cents=remaining,
        )
    late = tuple(i for i in unpaid if i.due_on < as_of)
    return PlanVerdict(
        as_of,
        RepaymentPlanStatus.ACTIVE,
        late=late,
        next_due=unpaid[0],
        remaining_cents=remaining,
    )


def allocate_payment(
    instalments: Sequence[InstalmentState], amount_cents: int
) -> list[tuple[int, int]]:
    """How a payment of `amount_cents` settles the instalments: the oldest unpaid first
    (an unspecified payment goes to the debts due first, C. civ. art. 1342-10), as
    (position, cents added). ValidationError on field "amount" for an amount that is not
    positive or above what remains owed (PLAN_PAYMENT_TOO_HIGH)."""
    remaining = sum(i.remaining_cents for i in instalments)
    if amount_cents <= 0:
        raise ValidationError([FieldError("amount", ErrorCode.NEGATIVE_AMOUNT)])
    if amount_cents > remaining:
        raise ValidationError(
            [FieldError("amount", ErrorCode.PLAN_PAYMENT_TOO_HIGH, {"max": str(remaining)})]
        )
    left = amount_cents
    out: list[tuple[int, int]] = []
    for i in sorted(instalments, key=lambda i: (i.due_on, i.position)):
        if left == 0:
            break
        take = min(i.remaining_cents, left)
        if take:
            out.append((i.position, take))
            left -= take
    return out
