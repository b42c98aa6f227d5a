"""The engine's forecast (`next_action`) and the plan editor's draft (`PlanDraft`).

`next_action` must say the day `actions_due` will first propose something, and what, if
nothing changes meanwhile: checked on worked examples at fixed dates (standard plan,
invoice of Quincaillerie Lefèvre & Fils due 01/03/2026), then against `actions_due` itself
on random small ledgers.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from desktop.domain.dunning import (
    CONSUMERS,
    LATE_PAYERS,
    STANDARD,
    VALUED_CUSTOMERS,
    CustomerState,
    DunningPlan,
    LevelDraft,
    OpenItem,
    PastAction,
    PlanDraft,
    Promise,
    actions_due,
    next_action,
)
from desktop.domain.enums import ActionStatus, Channel, DocumentKind, PromiseStatus, Tone
from desktop.domain.errors import ErrorCode

# Quincaillerie Lefèvre & Fils (Besançon), invoice FA-2026-0318 of 2 480,16 € due 1 March.
LEFEVRE = 318
DUE = date(2026, 3, 1)
INVOICE = OpenItem(3180, LEFEVRE, DocumentKind.INVOICE, DUE, 248_016)
UNTIL = date(2026, 6, 30)


def d(text: str) -> date:
    return date.fromisoformat(text)


def state(plan: DunningPlan = STANDARD, insolvent: bool = False) -> CustomerState:
    return CustomerState(LEFEVRE, plan, insolvent=insolvent)


def done(rank: int, planned: str, closed: str | None = None) -> PastAction:
    return PastAction(LEFEVRE, rank, d(planned), ActionStatus.DONE, d(closed or planned))


def forecast(
    as_of: str,
    items: list[OpenItem],
    past: list[PastAction] | None = None,
    promises: list[Promise] | None = None,
    plan: DunningPlan = STANDARD,
    insolvent: bool = False,
) -> tuple[date, int, str] | None:
    """(day, level rank, level name) of the forecast action, or None."""
    action = next_action(d(as_of), UNTIL, state(plan, insolvent), items, past or [], promises or [])
    if action is None:
        return None
    return action.planned_on, action.level.rank, action.level.name


# --- worked examples -------------------------------------------------------------------------


def test_first_chasing_level_seven_days_after_the_due_date() -> None:
    assert forecast("2026-03-01", [INVOICE]) == (d("2026-03-08"), 1, "Relance amiable")
    assert forecast("2026-03-05", [INVOICE]) == (d("2026-03-08"), 1, "Relance amiable")


def test_courtesy_reminder_comes_first_for_an_invoice_not_yet_due() -> None:
    assert forecast("2026-02-10", [INVOICE]) == (d("2026-02-22"), 0, "Rappel de courtoisie")
    # Once the courtesy reminder was sent, the next thing is the first chasing level.
    past = [done(0, "2026-02-22")]
    assert forecast("2026-02-22", [INVOICE], past) == (d("2026-03-08"), 1, "Relance amiable")


def test_forecast_carries_the_items_and_total_actions_due_would_carry() -> None:
    second = OpenItem(3181, LEFEVRE, DocumentKind.INVOICE, d("2026-03-04"), 51_984)
    credit = OpenItem(3190, LEFEVRE, DocumentKind.CREDIT_NOTE, d("2026-03-02"), 30_000)
    action = next_action(d("2026-03-05"), UNTIL, state(), [INVOICE, second, credit], [], [])
    assert action is not None
    assert action.planned_on == d("2026-03-08")
    assert action.items == ((3180, 248_016), (3181, 51_984), (3190, -30_000))
    assert action.total_cents == 270_000
    (due,) = actions_due(d("2026-03-08"), [state()], [INVOICE, second, credit], [], [])
    assert action == due


def test_level_two_after_level_one_done_waits_for_the_gap() -> None:
    # Level 1 planned on 08/03, done on 10/03: level 2 at max(01/03 + 15, 10/03 + 7).
    past = [done(1, "2026-03-08", "2026-03-10")]
    assert forecast("2026-03-10", [INVOICE], past) == (d("2026-03-17"), 2, "Deuxième relance")


def test_level_two_on_its_offset_when_the_gap_ended_before() -> None:
    # Done on the day it was planned: the gap ends 15/03, the level is reached 16/03.
    past = [done(1, "2026-03-08")]
    assert forecast("2026-03-08", [INVOICE], past) == (d("2026-03-16"), 2, "Deuxième relance")


def test_a_skipped_level_counts_as_closed_on_its_day() -> None:
    past = [PastAction(LEFEVRE, 1, d("2026-03-08"), ActionStatus.SKIPPED, d("2026-03-12"))]
    assert forecast("2026-03-12", [INVOICE], past) == (d("2026-03-19"), 2, "Deuxième relance")


@pytest.mark.parametrize("status", [ActionStatus.PENDING, ActionStatus.POSTPONED])
def test_nothing_while_an_action_is_under_way(status: ActionStatus) -> None:
    past = [PastAction(LEFEVRE, 1, d("2026-03-08"), status)]
    assert forecast("2026-03-08", [INVOICE], past) is None


def test_a_promise_defers_the_next_action_to_the_day_after_its_grace() -> None:
    promise = Promise(LEFEVRE, d("2026-03-09"), 2, PromiseStatus.PENDING)
    # Paused until 11/03 inclusive (09/03 + 2 days of grace): proposed on 12/03.
    assert forecast("2026-03-05", [INVOICE], promises=[promise]) == (
        d("2026-03-12"),
        1,
        "Relance amiable",
    )
    (due,) = actions_due(d("2026-03-12"), [state()], [INVOICE], [], [promise])
    assert due.level.rank == 1
    assert actions_due(d("2026-03-11"), [state()], [INVOICE], [], [promise]) == []


def test_a_long_promise_ends_in_a_catch_up_at_the_level_reached() -> None:
    promise = Promise(LEFEVRE, d("2026-03-28"), 3, PromiseStatus.PENDING)
    assert forecast("2026-03-05", [INVOICE], promises=[promise]) == (
        d("2026-04-01"),
        3,
        "Dernière relance",
    )


@pytest.mark.parametrize("status", [PromiseStatus.KEPT, PromiseStatus.BROKEN])
def test_a_settled_promise_pauses_nothing(status: PromiseStatus) -> None:
    promise = Promise(LEFEVRE, d("2026-03-20"), 3, status)
    assert forecast("2026-03-05", [INVOICE], promises=[promise]) == (
        d("2026-03-08"),
        1,
        "Relance amiable",
    )


def test_another_customers_promise_or_action_changes_nothing() -> None:
    other = LEFEVRE + 1
    promise = Promise(other, d("2026-03-20"), 3, PromiseStatus.PENDING)
    pending = PastAction(other, 1, d("2026-03-04"), ActionStatus.PENDING)
    assert forecast("2026-03-05", [INVOICE], [pending], [promise]) == (
        d("2026-03-08"),
        1,
        "Relance amiable",
    )


def test_insolvent_customer_gets_no_forecast() -> None:
    assert forecast("2026-03-05", [INVOICE], insolvent=True) is None


def test_nothing_when_the_next_level_comes_after_until() -> None:
    action = next_action(d("2026-03-05"), d("2026-03-07"), state(), [INVOICE], [], [])
    assert action is None
    action = next_action(d("2026-03-05"), d("2026-03-08"), state(), [INVOICE], [], [])
    assert action is not None and action.planned_on == d("2026-03-08")


def test_nothing_after_the_last_level_or_for_credit_notes_only() -> None:
    past = [done(4, "2026-04-15")]
    assert forecast("2026-04-15", [INVOICE], past) is None
    credit = OpenItem(3190, LEFEVRE, DocumentKind.CREDIT_NOTE, d("2026-03-02"), 30_000)
    assert forecast("2026-02-01", [credit]) is None


def test_each_shipped_plan_starts_at_its_own_offset() -> None:
    assert forecast("2026-03-01", [INVOICE], plan=VALUED_CUSTOMERS)[:2] == (d("2026-03-16"), 1)  # type: ignore[index]
    assert forecast("2026-03-01", [INVOICE], plan=LATE_PAYERS)[:2] == (d("2026-03-04"), 1)  # type: ignore[index]
    assert forecast("2026-03-01", [INVOICE], plan=CONSUMERS)[:2] == (d("2026-03-11"), 1)  # type: ignore[index]


def test_forecast_sees_the_day_a_second_invoice_outweighs_a_credit_note() -> None:
    # Due 01/03: 1 000 €, credit note of 1 500 €: nothing to chase (total −500 €).
    # The second invoice of 1 000 € falls due 10/03: from 11/03 the total is +500 € and
    # the oldest invoice is 10 days late, so `actions_due` proposes level 1 on 11/03.
    first = OpenItem(1, LEFEVRE, DocumentKind.INVOICE, d("2026-03-01"), 100_000)
    credit = OpenItem(2, LEFEVRE, DocumentKind.CREDIT_NOTE, d("2026-02-20"), 150_000)
    second = OpenItem(3, LEFEVRE, DocumentKind.INVOICE, d("2026-03-10"), 100_000)
    items = [first, credit, second]
    assert actions_due(d("2026-03-10"), [state()], items, [], []) == []
    (due,) = actions_due(d("2026-03-11"), [state()], items, [], [])
    assert due.level.rank == 1
    assert forecast("2026-03-09", items) == (d("2026-03-11"), 1, "Relance amiable")


# --- property: the forecast agrees with actions_due ------------------------------------------

BASE = date(2026, 3, 16)
PLANS = (STANDARD, VALUED_CUSTOMERS, LATE_PAYERS, CONSUMERS)


Ledger = tuple[CustomerState, list[OpenItem], list[PastAction], list[Promise]]


@st.composite
def ledgers(draw: st.DrawFn, credit_notes: bool = False) -> Ledger:
    plan = draw(st.sampled_from(PLANS))
    items = []
    for number in range(draw(st.integers(1, 3))):
        amount = draw(st.integers(1, 500_000))
        items.append(
            OpenItem(
                number + 1,
                LEFEVRE,
                DocumentKind.INVOICE,
                BASE + timedelta(days=draw(st.integers(-80, 40))),
                amount,
                disputed_cents=draw(st.sampled_from([0, 0, amount // 2, amount])),
            )
        )
    if credit_notes and draw(st.booleans()):
        items.append(
            OpenItem(
                10,
                LEFEVRE,
                DocumentKind.CREDIT_NOTE,
                BASE + timedelta(days=draw(st.integers(-60, 10))),
                draw(st.integers(1, 300_000)),
            )
        )
    past = []
    ranks = [level.rank for level in plan.levels]
    for _ in range(draw(st.integers(0, 2))):
        planned = BASE + timedelta(days=draw(st.integers(-60, 0)))
        closed = planned + timedelta(days=draw(st.integers(0, 5)))
        status = draw(st.sampled_from([ActionStatus.DONE, ActionStatus.SKIPPED]))
        past.append(PastAction(LEFEVRE, draw(st.sampled_from(ranks)), planned, status, closed))
    promises = []
    if draw(st.booleans()):
        promises.append(
            Promise(
                LEFEVRE,
                BASE + timedelta(days=draw(st.integers(-5, 30))),
                draw(st.integers(0, 5)),
                draw(st.sampled_from(list(PromiseStatus))),
            )
        )
    return CustomerState(LEFEVRE, plan), items, past, promises


def check_forecast_agrees_with_actions_due(ledger: Ledger) -> None:
    customer, items, past, promises = ledger
    as_of = BASE
    # The forecast is asked after the day's refresh: whatever is due on `as_of` itself
    # has become an action under way (and then there is no forecast).
    assume(actions_due(as_of, [customer], items, past, promises) == [])
    until = BASE + timedelta(days=120)
    action = next_action(as_of, until, customer, items, past, promises)
    last = action.planned_on if action is not None else until + timedelta(days=1)
    day = as_of + timedelta(days=1)
    while day < last:
        assert actions_due(day, [customer], items, past, promises) == [], day
        day += timedelta(days=1)
    if action is not None:
        assert actions_due(action.planned_on, [customer], items, past, promises) == [action]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_forecast_day_is_the_first_day_actions_due_proposes_something(ledger: Ledger) -> None:
    check_forecast_agrees_with_actions_due(ledger)


# Two invoices of 1 000 € due 09/03 and 16/03, a credit note of 1 500 €: nothing to chase
# on 16/03 (−500 €), +500 € from 17/03 when the second invoice is one day late.
CREDIT_OUTWEIGHED: Ledger = (
    CustomerState(LEFEVRE, STANDARD),
    [
        OpenItem(1, LEFEVRE, DocumentKind.INVOICE, d("2026-03-09"), 100_000),
        OpenItem(2, LEFEVRE, DocumentKind.INVOICE, d("2026-03-16"), 100_000),
        OpenItem(10, LEFEVRE, DocumentKind.CREDIT_NOTE, d("2026-03-01"), 150_000),
    ],
    [],
    [],
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(ledgers(credit_notes=True))
@example(CREDIT_OUTWEIGHED)
def test_forecast_agrees_with_actions_due_with_credit_notes(ledger: Ledger) -> None:
    check_forecast_agrees_with_actions_due(ledger)


# --- the plan editor's draft -----------------------------------------------------------------


def level(
    name: str, offset: int, channel: Channel = Channel.LETTER, **changes: object
) -> LevelDraft:
    return LevelDraft(name, offset, channel, Tone.FRIENDLY, **changes)  # type: ignore[arg-type]


def draft(*levels: LevelDraft, **changes: object) -> PlanDraft:
    fields: dict[str, object] = {"name": "Artisans du bâtiment", "min_gap_days": 7}
    fields.update(changes)
    return PlanDraft(levels=levels, **fields)  # type: ignore[arg-type]


GOOD = (
    level("Rappel avant l'échéance", -5, Channel.EMAIL),
    level("Relance « amiable »", 10),
    level("Mise en demeure", 40, Channel.FORMAL_NOTICE, claims_indemnity=True, deadline_days=8),
)


def codes(plan: PlanDraft) -> dict[str, ErrorCode]:
    return {error.field: error.code for error in plan.errors()}


def test_a_well_formed_draft_has_no_error() -> None:
    assert draft(*GOOD).errors() == []
    assert draft(*GOOD, min_gap_days=0).errors() == []
    assert draft(*GOOD, min_gap_days=90).errors() == []


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_name_is_required(name: str) -> None:
    assert codes(draft(*GOOD, name=name)) == {"name": ErrorCode.REQUIRED}


def test_name_longer_than_100_characters_is_refused() -> None:
    assert codes(draft(*GOOD, name="É" * 101)) == {"name": ErrorCode.TOO_LONG}
    assert draft(*GOOD, name="É" * 100).errors() == []


def test_a_plan_needs_a_level() -> None:
    assert codes(draft()) == {"levels": ErrorCode.PLAN_WITHOUT_LEVEL}


def test_duplicate_offsets_point_at_the_second_level() -> None:
    plan = draft(level("Relance", 10), level("Appel", 20), level("Relance bis", 10))
    (error,) = plan.errors()
    assert (error.field, error.code, error.params) == (
        "levels.2.offset_days",
        ErrorCode.DUPLICATE_OFFSET,
        {"days": "10"},
    )


def test_two_courtesy_levels_are_refused() -> None:
    plan = draft(level("Courtoisie", -7, Channel.EMAIL), level("Relance", 7), level("Pré", -3))
    assert codes(plan) == {"levels.2.offset_days": ErrorCode.TWO_COURTESY_LEVELS}


def test_indemnity_is_never_claimed_from_consumers() -> None:
    consumer = draft(*GOOD, for_consumers=True)
    assert codes(consumer) == {"levels.2.claims_indemnity": ErrorCode.NO_INDEMNITY_FOR_CONSUMERS}
    assert draft(*GOOD, for_consumers=False).errors() == []


@pytest.mark.parametrize("gap", [-1, 91, 365])
def test_gap_out_of_range(gap: int) -> None:
    (error,) = draft(*GOOD, min_gap_days=gap).errors()
    assert (error.field, error.code, error.params) == (
        "min_gap_days",
        ErrorCode.OUT_OF_RANGE,
        {"min": "0", "max": "90"},
    )


@pytest.mark.parametrize("deadline", [0, -8, 61])
def test_deadline_out_of_range(deadline: int) -> None:
    plan = draft(level("Relance", 10), level("Dernière relance", 30, deadline_days=deadline))
    assert codes(plan) == {"levels.1.deadline_days": ErrorCode.OUT_OF_RANGE}
    fine = draft(level("Relance", 10, deadline_days=1), level("Dernière", 30, deadline_days=60))
    assert fine.errors() == []


@pytest.mark.parametrize("offset", [-61, 366])
def test_offset_out_of_range(offset: int) -> None:
    assert codes(draft(level("Relance", offset))) == {
        "levels.0.offset_days": ErrorCode.OUT_OF_RANGE
    }


def test_every_problem_is_reported_at_once() -> None:
    plan = draft(
        level(" ", 10),
        level("Relance", 10, claims_indemnity=True),
        name="",
        min_gap_days=120,
        for_consumers=True,
    )
    assert codes(plan) == {
        "name": ErrorCode.REQUIRED,
        "min_gap_days": ErrorCode.OUT_OF_RANGE,
        "levels.0.name": ErrorCode.REQUIRED,
        "levels.1.offset_days": ErrorCode.DUPLICATE_OFFSET,
        "levels.1.claims_indemnity": ErrorCode.NO_INDEMNITY_FOR_CONSUMERS,
    }


def test_ordered_levels_sorts_by_offset_keeping_each_level() -> None:
    typed = (
        level("Mise en demeure", 45, Channel.FORMAL_NOTICE, id=14),
        level("Rappel de courtoisie", -7, Channel.EMAIL, id=10),
        level("Appel du commercial", 30, Channel.SALESPERSON),
        level("Relance amiable", 7, id=11),
    )
    ordered = draft(*typed).ordered_levels()
    assert [(lv.offset_days, lv.name, lv.id) for lv in ordered] == [
        (-7, "Rappel de courtoisie", 10),
        (7, "Relance amiable", 11),
        (30, "Appel du commercial", None),
        (45, "Mise en demeure", 14),
    ]
    assert set(ordered) == set(typed)
