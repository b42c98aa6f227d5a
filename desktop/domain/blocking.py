"""Blocking rules: when to propose that the owner blocks a customer (pure, dated by `as_of`).

The rules are data (`RULES`), each a predicate over a `CustomerSnapshot` that, when it
triggers, returns a `TriggeredRule` with a neutral code and the figures behind it (days
late, amounts); the UI phrases them in the user's language. A rule only proposes:
someone decides (services.blocking).

- OVERDUE: the oldest item owed is more than `overdue_days` days late (default 60).
  Its measure of gravity is the amount owed that is that late: days late grow every day
  by themselves, more money crossing the line is a real worsening.
- CREDIT_LIMIT: the outstanding balance (credits deducted) is above the credit limit.
  Its measure is the outstanding balance.
- INSOLVENCY: an insolvency proceeding is recorded (status or procedure), opened on or
  before `as_of`. It alone matters when it triggers: the claim replaces collection.

The figures a proposal saw are kept in the decision's `rule` column as text
(`encode_rules` / `decode_rules`): "overdue:75:1234567;credit_limit:2345678:2000000".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.enums import BlockingRule, CustomerStatus, InsolvencyKind

__all__ = [
    "DEFAULT_OVERDUE_DAYS",
    "KEEP_QUIET_DAYS",
    "RULES",
    "RULE_TEXT_MAX",
    "BlockingSettings",
    "CustomerSnapshot",
    "DecisionRequiredError",
    "TriggeredRule",
    "decode_rules",
    "encode_rules",
    "evaluate",
    "worsened_since",
]

DEFAULT_OVERDUE_DAYS = 60
# After the owner chose to keep a customer, the same rules stay quiet this long unless
# the situation worsens (see `worsened_since`).
KEEP_QUIET_DAYS = 30
RULE_TEXT_MAX = 60  # blocking_decisions.rule is a String(60)


class DecisionRequiredError(Exception):
    """Blocking or unblocking is a decision with a reason (services.blocking), never a
    side effect of editing the customer's record."""

    def __init__(self, customer_id: int) -> None:
        super().__init__(f"customer {customer_id}: blocking needs a decision")
        self.customer_id = customer_id


@dataclass(frozen=True)
class BlockingSettings:
    overdue_days: int = DEFAULT_OVERDUE_DAYS


@dataclass(frozen=True)
class CustomerSnapshot:
    """What the rules look at, for one customer on one day (amounts signed, in cents)."""

    customer_id: int
    status: CustomerStatus
    outstanding_cents: int = 0  # everything open, credits deducted
    credit_limit_cents: int | None = None  # None: no limit set
    # Open items owed (amount > 0), as (due date, open amount); credits are not listed.
    owed: tuple[tuple[date, int], ...] = ()
    insolvency_kind: InsolvencyKind | None = None
    insolvency_opened_on: date | None = None


@dataclass(frozen=True)
class TriggeredRule:
    """A rule that triggers, with its figures; only the ones of its kind are set."""

    rule: BlockingRule
    days_late: int | None = None  # OVERDUE: days late of the oldest item owed
    overdue_cents: int | None = None  # OVERDUE: owed more than the threshold late
    outstanding_cents: int | None = None  # CREDIT_LIMIT
    credit_limit_cents: int | None = None  # CREDIT_LIMIT
    opened_on: date | None = None  # INSOLVENCY: the opening judgment

    @property
    def gravity(self) -> int:
        """The measure that says whether the situation worsened (see the module doc)."""
        if self.rule is BlockingRule.OVERDUE:
            return self.overdue_cents or 0
        if self.rule is BlockingRule.CREDIT_LIMIT:
            return self.outstanding_cents or 0
        return 0


def _overdue(s: CustomerSnapshot, as_of: date, settings: BlockingSettings) -> TriggeredRule | None:
    line = as_of - timedelta(days=settings.overdue_days)
    late = [(due, cents) for due, cents in s.owed if due < line]
    if not late:
        return None
    oldest = min(due for due, _ in late)
    return TriggeredRule(
        BlockingRule.OVERDUE,
        days_late=(as_of - oldest).days,
        overdue_cents=sum(cents for _, cents in late),
    )


def _credit_limit(
    s: CustomerSnapshot, _as_of: date, _settings: BlockingSettings
) -> TriggeredRule | None:
    if s.credit_limit_cents is None or s.outstanding_cents <= s.credit_limit_cents:
        return None
    return TriggeredRule(
        BlockingRule.CREDIT_LIMIT,
        outstanding_cents=s.outstanding_cents,
        credit_limit_cents=s.credit_limit_cents,
    )


def _insolvency(
    s: CustomerSnapshot, as_of: date, _settings: BlockingSettings
) -> TriggeredRule | None:
    recorded = s.status is CustomerStatus.INSOLVENCY or s.insolvency_kind is not None
    if not recorded:
        return None
    if s.insolvency_opened_on is not None and s.insolvency_opened_on > as_of:
        return None  # a judgment dated later than the day looked at
    return TriggeredRule(BlockingRule.INSOLVENCY, opened_on=s.insolvency_opened_on)


Rule = Callable[[CustomerSnapshot, date, BlockingSettings], "TriggeredRule | None"]

# The rules, most serious first (the order the owner reads them in).
RULES: tuple[Rule, ...] = (_insolvency, _overdue, _credit_limit)


def evaluate(
    snapshot: CustomerSnapshot, as_of: date, settings: BlockingSettings | None = None
) -> tuple[TriggeredRule, ...]:
    """The rules that trigger for `snapshot` on `as_of`, most serious first.

    Insolvency, when it triggers, is returned alone: the other rules are about
    collecting, which the proceeding stops."""
    settings = settings or BlockingSettings()
    found = tuple(r for rule in RULES if (r := rule(snapshot, as_of, settings)) is not None)
    insolvency = [r for r in found if r.rule is BlockingRule.INSOLVENCY]
    return tuple(insolvency) if insolvency else found


def worsened_since(
    kept: Sequence[TriggeredRule],
    kept_on: date,
    now: Sequence[TriggeredRule],
    as_of: date,
) -> bool:
    """After a "keep" decision on `kept_on` for the rules `kept`, may the rules
    triggering `now` be proposed again on `as_of`?

    Yes when KEEP_QUIET_DAYS have passed, when a rule triggers that was not kept, or when
    a kept rule's gravity grew (more money long overdue, a higher outstanding). A kept
    rule whose figures were lost (see `encode_rules`) only comes back with time.
    """
    if not now:
        return False
    if as_of >= kept_on + timedelta(days=KEEP_QUIET_DAYS):
        return True
    before = {r.rule: r for r in kept}
    for rule in now:
        old = before.get(rule.rule)
        if old is None:
            return True
        if _has_figures(old) and rule.gravity > old.gravity:
            return True
    return False


def _has_figures(rule: TriggeredRule) -> bool:
    return any(
        v is not None
        for v in (rule.days_late, rule.overdue_cents, rule.outstanding_cents, rule.opened_on)
    )


# --- Stored form ---------------------------------------------------------------------------


def _figures(rule: TriggeredRule) -> list[str]:
    if rule.rule is BlockingRule.OVERDUE:
        return [str(rule.days_late or 0), str(rule.overdue_cents or 0)]
    if rule.rule is BlockingRule.CREDIT_LIMIT:
        return [str(rule.outstanding_cents or 0), str(rule.credit_limit_cents or 0)]
    if rule.rule is BlockingRule.INSOLVENCY and rule.opened_on is not None:
        return [rule.opened_on.isoformat()]
    return []


def encode_rules(rules: Sequence[TriggeredRule]) -> str:
    """The rules and their figures as the short text kept with a decision.

    Should the text not fit the column (amounts beyond a hundred million euros), the
    figures are left out and only the codes are kept."""
    text = ";".join(":".join([r.rule.value, *_figures(r)]) for r in rules)
    if len(text) > RULE_TEXT_MAX:
        text = ";".join(r.rule.value for r in rules)
    return text[:RULE_TEXT_MAX]


def decode_rules(text: str) -> tuple[TriggeredRule, ...]:
    """The rules read back from `encode_rules`; unknown codes or figures are skipped."""
    rules: list[TriggeredRule] = []
    for part in filter(None, (text or "").split(";")):
        code, *figures = part.split(":")
        try:
            rule = BlockingRule(code)
        except ValueError:
            continue
        try:
            if rule is BlockingRule.OVERDUE and len(figures) == 2:
                rules.append(TriggeredRule(rule, int(figures[0]), overdue_cents=int(figures[1])))
                continue
            if rule is BlockingRule.CREDIT_LIMIT and len(figures) == 2:
                rules.append(
                    TriggeredRule(
                        rule,
                        outstanding_cents=int(figures[0]),
                        credit_limit_cents=int(figures[1]),
                    )
                )
                continue
            if rule is BlockingRule.INSOLVENCY and len(figures) == 1:
                rules.append(TriggeredRule(rule, opened_on=date.fromisoformat(figures[0])))
                continue
        except ValueError:
            pass
        rules.append(TriggeredRule(rule))
    return tuple(rules)
