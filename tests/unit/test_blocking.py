"""The blocking rules at fixed dates: what triggers, with which figures, and when a kept
customer may be proposed again."""

from __future__ import annotations

from datetime import date

from desktop.domain.blocking import (
    BlockingSettings,
    CustomerSnapshot,
    TriggeredRule,
    decode_rules,
    encode_rules,
    evaluate,
    worsened_since,
)
from desktop.domain.enums import BlockingRule, CustomerStatus, InsolvencyKind

AS_OF = date(2026, 3, 16)


def snapshot(**changes) -> CustomerSnapshot:  # type: ignore[no-untyped-def]
    base = {"customer_id": 7, "status": CustomerStatus.ACTIVE}
    return CustomerSnapshot(**{**base, **changes})


def test_nothing_triggers_for_a_customer_who_pays_on_time() -> None:
    assert evaluate(snapshot(outstanding_cents=120_000, credit_limit_cents=500_000), AS_OF) == ()


def test_oldest_overdue_item_beyond_sixty_days_by_default() -> None:
    # Due 14/01/2026: 61 days late on 16/03/2026; due 15/01: exactly 60, not beyond.
    owed = ((date(2026, 1, 14), 184_93), (date(2026, 1, 15), 1_500_000), (date(2026, 3, 1), 9_999))
    (rule,) = evaluate(snapshot(owed=owed, outstanding_cents=1_694_92), AS_OF)
    assert rule == TriggeredRule(BlockingRule.OVERDUE, days_late=61, overdue_cents=184_93)
    assert evaluate(snapshot(owed=owed[1:]), AS_OF) == ()


def test_the_number_of_days_is_a_setting() -> None:
    owed = ((date(2026, 2, 10), 48_000),)  # 34 days late
    assert evaluate(snapshot(owed=owed), AS_OF, BlockingSettings(overdue_days=60)) == ()
    (rule,) = evaluate(snapshot(owed=owed), AS_OF, BlockingSettings(overdue_days=30))
    assert (rule.rule, rule.days_late, rule.overdue_cents) == (BlockingRule.OVERDUE, 34, 48_000)


def test_outstanding_beyond_the_credit_limit() -> None:
    at_limit = snapshot(outstanding_cents=1_000_000, credit_limit_cents=1_000_000)
    assert evaluate(at_limit, AS_OF) == ()
    above = snapshot(outstanding_cents=1_000_001, credit_limit_cents=1_000_000)
    assert evaluate(above, AS_OF) == (
        TriggeredRule(
            BlockingRule.CREDIT_LIMIT, outstanding_cents=1_000_001, credit_limit_cents=1_000_000
        ),
    )
    # No limit set: never triggers, whatever the outstanding.
    assert evaluate(snapshot(outstanding_cents=99_000_000), AS_OF) == ()


def test_both_rules_most_serious_first() -> None:
    s = snapshot(
        owed=((date(2025, 12, 1), 300_000),),
        outstanding_cents=800_000,
        credit_limit_cents=500_000,
    )
    assert [r.rule for r in evaluate(s, AS_OF)] == [
        BlockingRule.OVERDUE,
        BlockingRule.CREDIT_LIMIT,
    ]


def test_insolvency_triggers_alone_from_the_judgment_on() -> None:
    s = snapshot(
        status=CustomerStatus.INSOLVENCY,
        insolvency_kind=InsolvencyKind.RECEIVERSHIP,
        insolvency_opened_on=date(2026, 3, 2),
        owed=((date(2025, 12, 1), 300_000),),
        outstanding_cents=800_000,
        credit_limit_cents=500_000,
    )
    assert evaluate(s, AS_OF) == (
        TriggeredRule(BlockingRule.INSOLVENCY, opened_on=date(2026, 3, 2)),
    )
    # Looked at before the judgment: the proceeding does not exist yet.
    assert [r.rule for r in evaluate(s, date(2026, 3, 1))] == [
        BlockingRule.OVERDUE,
        BlockingRule.CREDIT_LIMIT,
    ]


def test_rules_and_figures_survive_the_stored_text() -> None:
    rules = (
        TriggeredRule(BlockingRule.OVERDUE, days_late=75, overdue_cents=1_234_567),
        TriggeredRule(
            BlockingRule.CREDIT_LIMIT, outstanding_cents=2_345_678, credit_limit_cents=2_000_000
        ),
    )
    text = encode_rules(rules)
    assert text == "overdue:75:1234567;credit_limit:2345678:2000000"
    assert decode_rules(text) == rules
    insolvency = (TriggeredRule(BlockingRule.INSOLVENCY, opened_on=date(2026, 3, 2)),)
    assert decode_rules(encode_rules(insolvency)) == insolvency
    assert decode_rules("owner") == (TriggeredRule(BlockingRule.OWNER),)
    assert decode_rules("") == ()
    assert decode_rules("unknown:1;overdue:x:y") == (TriggeredRule(BlockingRule.OVERDUE),)


def test_figures_too_long_for_the_column_are_left_out() -> None:
    huge = (
        TriggeredRule(BlockingRule.OVERDUE, days_late=12_345, overdue_cents=10**13),
        TriggeredRule(
            BlockingRule.CREDIT_LIMIT, outstanding_cents=10**13, credit_limit_cents=10**12
        ),
    )
    text = encode_rules(huge)
    assert text == "overdue;credit_limit"
    assert [r.rule for r in decode_rules(text)] == [BlockingRule.OVERDUE, BlockingRule.CREDIT_LIMIT]


def test_a_kept_customer_comes_back_after_thirty_days_or_when_it_worsens() -> None:
    kept = (TriggeredRule(BlockingRule.OVERDUE, days_late=65, overdue_cents=300_000),)
    kept_on = date(2026, 3, 2)
    # Same money late, just more days: not a worsening.
    later = (TriggeredRule(BlockingRule.OVERDUE, days_late=79, overdue_cents=300_000),)
    assert not worsened_since(kept, kept_on, later, date(2026, 3, 16))
    # Thirty days after the decision: proposed again.
    assert worsened_since(kept, kept_on, later, date(2026, 4, 1))
    assert not worsened_since(kept, kept_on, later, date(2026, 3, 31))
    # Another invoice crossed the line: more money long overdue.
    more = (TriggeredRule(BlockingRule.OVERDUE, days_late=79, overdue_cents=450_000),)
    assert worsened_since(kept, kept_on, more, date(2026, 3, 16))
    # A rule that was not part of the decision.
    limit = (
        *later,
        TriggeredRule(BlockingRule.CREDIT_LIMIT, outstanding_cents=9, credit_limit_cents=1),
    )
    assert worsened_since(kept, kept_on, limit, date(2026, 3, 16))
    # Nothing triggers: nothing to propose.
    assert not worsened_since(kept, kept_on, (), date(2026, 6, 1))


def test_a_higher_outstanding_is_a_worsening_of_the_credit_limit_rule() -> None:
    kept = (
        TriggeredRule(
            BlockingRule.CREDIT_LIMIT, outstanding_cents=1_200_000, credit_limit_cents=1_000_000
        ),
    )
    same = kept
    higher = (
        TriggeredRule(
            BlockingRule.CREDIT_LIMIT, outstanding_cents=1_350_000, credit_limit_cents=1_000_000
        ),
    )
    assert not worsened_since(kept, date(2026, 3, 10), same, AS_OF)
    assert worsened_since(kept, date(2026, 3, 10), higher, AS_OF)
