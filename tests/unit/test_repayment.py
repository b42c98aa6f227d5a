"""Repayment plans in the domain: splitting a debt into instalments (exact cents, dates by
month with end-of-month clamping), refusing what cannot be split, the state of a plan at
a date (respected, late within the grace period, broken, completed), and payments
settling the oldest instalment first."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import RepaymentPlanStatus
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.domain.repayment import (
    MAX_INSTALMENTS,
    InstalmentState,
    allocate_payment,
    instalment_dates,
    plan_state,
    remaining_balances,
    split_instalments,
)

ACTIVE, BROKEN, COMPLETED = (
    RepaymentPlanStatus.ACTIVE,
    RepaymentPlanStatus.BROKEN,
    RepaymentPlanStatus.COMPLETED,
)


def test_the_remainder_goes_on_the_last_instalment() -> None:
    parts = split_instalments(1_845_681, 6, date(2026, 3, 31))
    assert [p.amount_cents for p in parts] == [307_613] * 5 + [307_613 + 3]
    assert [p.position for p in parts] == [1, 2, 3, 4, 5, 6]
    assert sum(p.amount_cents for p in parts) == 1_845_681


def test_dates_clamp_to_the_end_of_short_months_without_drifting() -> None:
    assert instalment_dates(date(2026, 1, 31), 4) == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)
    ]  # fmt: skip
    assert instalment_dates(date(2027, 11, 30), 2, 3) == [date(2027, 11, 30), date(2028, 2, 29)]
    assert instalment_dates(date(2026, 8, 31), 3, 6)[-1] == date(2027, 8, 31)


def test_what_cannot_be_split_is_refused_with_its_field() -> None:
    with pytest.raises(ValidationError) as caught:
        split_instalments(5, 6, date(2026, 4, 1))
    assert caught.value.codes() == {"count": ErrorCode.PLAN_CANNOT_SPLIT}
    assert caught.value.errors[0].params == {"max": "5"}
    with pytest.raises(ValidationError) as caught:
        split_instalments(0, 0, date(2026, 4, 1), 0)
    assert caught.value.codes() == {
        "total": ErrorCode.NEGATIVE_AMOUNT,
        "count": ErrorCode.OUT_OF_RANGE,
        "frequency": ErrorCode.OUT_OF_RANGE,
    }
    with pytest.raises(ValidationError):
        split_instalments(100_000, MAX_INSTALMENTS + 1, date(2026, 4, 1))


def test_remaining_balances_end_at_zero() -> None:
    assert remaining_balances([400, 400, 401], 1201) == [801, 401, 0]


@given(
    total=st.integers(min_value=1, max_value=10**11),
    count=st.integers(min_value=1, max_value=MAX_INSTALMENTS),
    first=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    frequency=st.integers(min_value=1, max_value=12),
)
def test_any_split_is_exact_in_order_and_never_negative(
    total: int, count: int, first: date, frequency: int
) -> None:
    if total < count:
        with pytest.raises(ValidationError):
            split_instalments(total, count, first, frequency)
        return
    parts = split_instalments(total, count, first, frequency)
    amounts = [p.amount_cents for p in parts]
    assert len(parts) == count
    assert all(isinstance(a, int) and a > 0 for a in amounts)
    assert sum(amounts) == total
    assert max(amounts) - min(amounts) < count  # equal but for the remainder
    dates = [p.due_on for p in parts]
    assert dates[0] == first
    assert all(a < b for a, b in itertools.pairwise(dates))
    assert remaining_balances(amounts, total)[-1] == 0


def inst(position: int, due: str, amount: int, paid: int = 0) -> InstalmentState:
    return InstalmentState(position, date.fromisoformat(due), amount, paid)


PLAN = [inst(1, "2026-03-31", 1000, 1000), inst(2, "2026-04-30", 1000), inst(3, "2026-05-31", 1001)]


def test_a_plan_is_respected_then_late_within_grace_then_broken() -> None:
    on_time = plan_state(PLAN, date(2026, 4, 20))
    assert on_time.status is ACTIVE and on_time.late == ()
    assert on_time.next_due == PLAN[1] and on_time.remaining_cents == 2001

    late = plan_state(PLAN, date(2026, 5, 5))
    assert late.status is ACTIVE and late.late == (PLAN[1],)

    broken = plan_state(PLAN, date(2026, 5, 6))
    assert broken.status is BROKEN
    assert broken.missed == PLAN[1] and broken.broken_on == date(2026, 5, 6)
    assert plan_state(PLAN, date(2026, 5, 3), grace_days=2).status is BROKEN


def test_a_partly_paid_instalment_still_breaks_the_plan() -> None:
    short = [inst(1, "2026-03-31", 1000, 999), inst(2, "2026-04-30", 1000)]
    assert plan_state(short, date(2026, 4, 6)).status is BROKEN


def test_a_plan_paid_in_full_is_completed_whatever_the_date() -> None:
    paid = [inst(1, "2026-03-31", 1000, 1000), inst(2, "2026-04-30", 1000, 1000)]
    assert plan_state(paid, date(2030, 1, 1)).status is COMPLETED


def test_payments_go_to_the_oldest_instalment_first() -> None:
    assert allocate_payment(PLAN, 1500) == [(2, 1000), (3, 500)]
    with pytest.raises(ValidationError) as caught:
        allocate_payment(PLAN, 2002)
    assert caught.value.codes() == {"amount": ErrorCode.PLAN_PAYMENT_TOO_HIGH}
    with pytest.raises(ValidationError):
        allocate_payment(PLAN, 0)


@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=24),
    data=st.data(),
)
def test_any_payment_is_allocated_exactly(amounts: list[int], data: st.DataObject) -> None:
    plan = [inst(k + 1, f"2026-{(k % 12) + 1:02d}-01", a) for k, a in enumerate(amounts)]
    pay = data.draw(st.integers(min_value=1, max_value=sum(amounts)))
    parts = allocate_payment(plan, pay)
    assert sum(cents for _, cents in parts) == pay
    by_position = {i.position: i for i in plan}
    assert all(0 < cents <= by_position[p].amount_cents for p, cents in parts)
