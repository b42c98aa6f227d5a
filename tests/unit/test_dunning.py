"""The dunning engine at fixed dates: the brief's sequence, grouping, escalation, catch-up,
idempotence, disputes, promises, insolvency, credit notes and the consumer plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.dunning import (
    CONSUMERS,
    DEFAULT_PLANS,
    LATE_PAYERS,
    STANDARD,
    VALUED_CUSTOMERS,
    CustomerState,
    DueAction,
    DunningLevel,
    DunningPlan,
    OpenItem,
    PastAction,
    Promise,
    actions_due,
)
from desktop.domain.enums import ActionStatus, Channel, DocumentKind, PromiseStatus, Tone

# Boulangerie Martin SARL (Lyon), invoice FA-2026-0042 of 1 250,40 € TTC due 31 March 2026.
MARTIN = 101
DUE = date(2026, 3, 31)
INVOICE = OpenItem(4201, MARTIN, DocumentKind.INVOICE, DUE, 125_040)


def day(offset: int) -> date:
    return DUE + timedelta(days=offset)


def run(
    as_of: date,
    items: list[OpenItem],
    past: list[PastAction] | None = None,
    promises: list[Promise] | None = None,
    plan: DunningPlan = STANDARD,
    insolvent: bool = False,
    blocked: bool = False,
) -> list[DueAction]:
    customer = CustomerState(MARTIN, plan, insolvent=insolvent, blocked=blocked)
    return actions_due(as_of, [customer], items, past or [], promises or [])


def done(action: DueAction, on: date | None = None) -> PastAction:
    return PastAction(
        action.customer_id,
        action.level.rank,
        action.planned_on,
        ActionStatus.DONE,
        on or action.planned_on,
    )


def test_default_plans_are_shipped_as_data() -> None:
    assert [plan.name for plan in DEFAULT_PLANS] == [
        "Standard",
        "Clients privilégiés",
        "Mauvais payeurs",
        "Particuliers",
    ]
    assert [level.offset_days for level in STANDARD.levels] == [-7, 7, 15, 30, 45]
    assert [level.channel for level in STANDARD.levels] == [
        Channel.EMAIL,
        Channel.LETTER,
        Channel.LETTER,
        Channel.SALESPERSON,
        Channel.FORMAL_NOTICE,
    ]
    second, last, notice = STANDARD.levels[2], STANDARD.levels[3], STANDARD.levels[4]
    assert second.claims_penalties and second.claims_indemnity
    assert last.deadline_days == 8
    assert notice.tone is Tone.FORMAL and notice.claims_penalties and notice.claims_indemnity
    assert notice.deadline_days == 8
    # Gentler plan starts later, tighter plan earlier than the standard one.
    assert VALUED_CUSTOMERS.ladder[0].offset_days > STANDARD.ladder[0].offset_days
    assert LATE_PAYERS.ladder[0].offset_days < STANDARD.ladder[0].offset_days
    assert LATE_PAYERS.ladder[-1].offset_days < STANDARD.ladder[-1].offset_days


def test_consumer_plan_never_claims_the_indemnity() -> None:
    assert CONSUMERS.for_consumers
    assert not any(level.claims_indemnity for level in CONSUMERS.levels)
    # One courtesy e-mail at most before the due date.
    assert [lv.channel for lv in CONSUMERS.levels if lv.is_courtesy] == [Channel.EMAIL]
    # Belgian consumers: nothing charged for 14 days after the first (free) reminder.
    assert CONSUMERS.min_gap_days >= 14
    assert not CONSUMERS.ladder[0].claims_penalties
    with pytest.raises(ValueError, match="40"):
        DunningPlan(
            "Particuliers modifié",
            (DunningLevel(1, "Relance", 10, Channel.LETTER, Tone.FIRM, True, True),),
            14,
            for_consumers=True,
        )


def test_consumer_plan_actions_never_claim_the_indemnity() -> None:
    past: list[PastAction] = []
    claimed = []
    for offset in range(-10, 120):
        for action in run(day(offset), [INVOICE], past, plan=CONSUMERS):
            claimed.append(action.level.claims_indemnity)
            past.append(done(action))
    assert len(claimed) == len(CONSUMERS.levels)
    assert not any(claimed)


def test_plan_validation() -> None:
    with pytest.raises(ValueError):
        DunningPlan("vide", (), 7)
    with pytest.raises(ValueError):
        DunningPlan(
            "désordre",
            (
                DunningLevel(2, "B", 15, Channel.LETTER, Tone.FIRM),
                DunningLevel(1, "A", 7, Channel.LETTER, Tone.FRIENDLY),
            ),
            7,
        )
    with pytest.raises(ValueError):
        DunningPlan(
            "deux courtoisies",
            (
                DunningLevel(0, "A", -10, Channel.EMAIL, Tone.COURTEOUS),
                DunningLevel(1, "B", -3, Channel.EMAIL, Tone.COURTEOUS),
            ),
            7,
        )


def test_the_briefs_sequence_day_by_day() -> None:
    """D−7 courtesy, D+7, D+15, D+30, D+45, each done the day it is proposed."""
    past: list[PastAction] = []
    proposed: dict[int, DueAction] = {}
    for offset in range(-30, 90):
        actions = run(day(offset), [INVOICE], past)
        assert len(actions) <= 1
        for action in actions:
            proposed[offset] = action
            past.append(done(action))
    assert sorted(proposed) == [-7, 7, 15, 30, 45]
    assert [a.level.name for a in proposed.values()] == [
        "Rappel de courtoisie",
        "Relance amiable",
        "Deuxième relance",
        "Dernière relance",
        "Mise en demeure",
    ]
    assert proposed[-7].level.channel is Channel.EMAIL
    assert proposed[30].level.channel is Channel.SALESPERSON
    assert proposed[45].level.channel is Channel.FORMAL_NOTICE
    for action in proposed.values():
        assert action.items == ((4201, 125_040),)
        assert action.total_cents == 125_040
        assert action.planned_on == action.eligible_on


def test_nothing_on_the_due_date_or_before_the_courtesy_window() -> None:
    assert run(day(-8), [INVOICE]) == []
    assert (
        run(day(0), [INVOICE], [PastAction(MARTIN, 0, day(-7), ActionStatus.DONE, day(-7))]) == []
    )


def test_three_invoices_at_different_ages_make_one_action_at_the_highest_level() -> None:
    items = [
        OpenItem(4210, MARTIN, DocumentKind.INVOICE, day(-20), 48_000),  # D+30 on as_of
        OpenItem(4211, MARTIN, DocumentKind.INVOICE, day(-2), 99_999),  # D+12
        OpenItem(4212, MARTIN, DocumentKind.INVOICE, day(5), 31_415),  # D+5
        OpenItem(4213, MARTIN, DocumentKind.INVOICE, day(20), 10_000),  # not yet due
    ]
    (action,) = run(day(10), items)
    assert action.level.rank == 3  # "Dernière relance", reached by FA 4210 at D+30
    assert action.items == ((4210, 48_000), (4211, 99_999), (4212, 31_415))
    assert action.total_cents == 179_414
    assert action.eligible_on == day(10)


def test_escalation_waits_for_the_previous_level_done_and_the_gap() -> None:
    first = PastAction(MARTIN, 1, day(7), ActionStatus.PENDING)
    # Level 2 is reached at D+15, but level 1 is still pending: nothing.
    assert run(day(15), [INVOICE], [first]) == []
    assert run(day(20), [INVOICE], [first]) == []
    # Postponed is still under way.
    postponed = PastAction(MARTIN, 1, day(12), ActionStatus.POSTPONED)
    assert run(day(20), [INVOICE], [postponed]) == []
    # Done on D+12: the 7-day gap ends on D+19.
    first_done = PastAction(MARTIN, 1, day(7), ActionStatus.DONE, day(12))
    assert run(day(15), [INVOICE], [first_done]) == []
    assert run(day(18), [INVOICE], [first_done]) == []
    (action,) = run(day(19), [INVOICE], [first_done])
    assert action.level.rank == 2
    assert action.eligible_on == day(19)


def test_a_skipped_level_lets_the_next_one_come_after_the_gap() -> None:
    skipped = PastAction(MARTIN, 1, day(7), ActionStatus.SKIPPED, day(8))
    assert run(day(14), [INVOICE], [skipped]) == []
    (action,) = run(day(15), [INVOICE], [skipped])
    assert action.level.rank == 2


def test_catch_up_after_40_days_closed_gives_one_action_not_five() -> None:
    # The app was last opened on D−10 and reopened on D+32.
    opened_days = [day(-10), day(32)]
    proposals = [action for as_of in opened_days for action in run(as_of, [INVOICE])]
    assert len(proposals) == 1
    (action,) = proposals
    assert action.level.rank == 3  # the highest level reached, not the four missed ones
    assert action.planned_on == day(32)
    assert action.eligible_on == day(30)


def test_catch_up_after_a_done_action_respects_the_gap() -> None:
    past = [PastAction(MARTIN, 1, day(7), ActionStatus.DONE, day(7))]
    (action,) = run(day(47), [INVOICE], past)
    assert action.level.rank == 4
    assert action.eligible_on == day(45)


def test_running_twice_creates_nothing_twice() -> None:
    first_run = run(day(16), [INVOICE])
    assert run(day(16), [INVOICE]) == first_run  # pure: same answer
    (action,) = first_run
    recorded = PastAction(MARTIN, action.level.rank, action.planned_on, ActionStatus.PENDING)
    assert run(day(16), [INVOICE], [recorded]) == []
    assert run(day(17), [INVOICE], [recorded]) == []
    marked_done = PastAction(
        MARTIN, action.level.rank, action.planned_on, ActionStatus.DONE, day(16)
    )
    assert run(day(17), [INVOICE], [marked_done]) == []  # same level never twice
    assert run(day(29), [INVOICE], [marked_done]) == []
    (next_one,) = run(day(30), [INVOICE], [marked_done])
    assert next_one.level.rank == 3


def test_courtesy_reminder_once_per_invoice() -> None:
    (courtesy,) = run(day(-5), [INVOICE])
    assert courtesy.level.is_courtesy
    assert courtesy.eligible_on == day(-7)
    past = [done(courtesy)]
    assert run(day(-4), [INVOICE], past) == []
    assert run(day(0), [INVOICE], past) == []
    # A new invoice due later gets its own courtesy reminder, without the first one.
    later = OpenItem(4300, MARTIN, DocumentKind.INVOICE, day(4), 20_000)
    (second,) = run(day(-2), [INVOICE, later], past)
    assert second.items == ((4300, 20_000),)


def test_disputed_part_is_not_chased_and_fully_disputed_item_is_skipped() -> None:
    partly = OpenItem(4201, MARTIN, DocumentKind.INVOICE, DUE, 125_040, disputed_cents=30_000)
    fully = OpenItem(4202, MARTIN, DocumentKind.INVOICE, day(-10), 56_789, disputed_cents=56_789)
    (action,) = run(day(8), [partly, fully])
    assert action.items == ((4201, 95_040),)
    assert action.total_cents == 95_040
    assert action.level.rank == 1  # the older, fully disputed invoice does not raise the level
    assert run(day(8), [fully]) == []


def test_items_in_a_respected_repayment_plan_are_left_out() -> None:
    in_plan = OpenItem(
        4202, MARTIN, DocumentKind.INVOICE, day(-40), 300_000, in_repayment_plan=True
    )
    (action,) = run(day(8), [INVOICE, in_plan])
    assert action.items == ((4201, 125_040),)
    assert action.level.rank == 1
    assert run(day(8), [in_plan]) == []


def test_promise_pauses_then_reminders_resume_after_grace() -> None:
    promise = Promise(MARTIN, day(20), 3, PromiseStatus.PENDING)
    past = [PastAction(MARTIN, 1, day(7), ActionStatus.DONE, day(7))]
    assert run(day(15), [INVOICE], past, [promise]) == []
    assert run(day(23), [INVOICE], past, [promise]) == []  # promised date + 3 days of grace
    (action,) = run(day(24), [INVOICE], past, [promise])
    assert action.level.rank == 2
    # A kept or broken promise does not pause anything.
    broken = Promise(MARTIN, day(20), 3, PromiseStatus.BROKEN)
    assert len(run(day(15), [INVOICE], past, [broken])) == 1


def test_insolvency_stops_everything_but_blocking_does_not() -> None:
    assert run(day(-7), [INVOICE], insolvent=True) == []
    assert run(day(45), [INVOICE], insolvent=True) == []
    assert len(run(day(45), [INVOICE], blocked=True)) == 1


def test_credit_note_reduces_the_total_but_never_triggers_a_reminder() -> None:
    credit = OpenItem(5001, MARTIN, DocumentKind.CREDIT_NOTE, day(-60), -25_040)
    payment = OpenItem(5002, MARTIN, DocumentKind.PAYMENT, day(-1), 10_000)  # sign from kind
    (action,) = run(day(7), [INVOICE, credit, payment])
    assert action.level.rank == 1  # the old credit note does not raise the level
    assert action.items == ((4201, 125_040), (5001, -25_040), (5002, -10_000))
    assert action.total_cents == 90_000
    assert run(day(7), [credit]) == []
    # Nothing to chase when the credits cover the invoice.
    big_credit = OpenItem(5003, MARTIN, DocumentKind.CREDIT_NOTE, day(-60), -125_040)
    assert run(day(7), [INVOICE, big_credit]) == []


def test_paid_customer_starts_again_from_the_bottom_of_the_ladder() -> None:
    # Old cycle: a formal notice was sent for an invoice that has since been paid.
    past = [PastAction(MARTIN, 4, day(45), ActionStatus.DONE, day(45))]
    new_invoice = OpenItem(4400, MARTIN, DocumentKind.INVOICE, day(90), 66_666)
    assert run(day(96), [new_invoice], past) == []
    (action,) = run(day(97), [new_invoice], past)
    assert action.level.rank == 1


def test_several_customers_sorted_and_independent() -> None:
    durand = 102  # Menuiserie Durand SPRL, Liège
    items = [INVOICE, OpenItem(4500, durand, DocumentKind.INVOICE, day(-1), 1)]
    customers = [CustomerState(durand, LATE_PAYERS), CustomerState(MARTIN, STANDARD)]
    actions = actions_due(day(7), customers, items, [], [])
    assert [(a.customer_id, a.level.rank, a.total_cents) for a in actions] == [
        (MARTIN, 1, 125_040),
        (durand, 1, 1),
    ]
