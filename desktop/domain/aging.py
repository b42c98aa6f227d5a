"""Aging buckets and the aged balance as plain data.

A bucket is a range of days late (as_of − due date, see `terms.days_late`). Buckets are
given by their upper bounds, in days late, the last one open-ended (None): the default
(0, 30, 60, 90, 120, None) reads "not yet due / 1–30 / 31–60 / 61–90 / 91–120 / over
120 days late". Bucket keys ("not_due", "1-30", …, "120+") are stable plain data for
files and the CLI; French labels are made by the UI and the documents layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from desktop.domain.terms import days_late


class AgedBy(StrEnum):
    """How the aged balance is grouped."""

    CUSTOMER = "customer"
    SALESPERSON = "salesperson"
    SEGMENT = "segment"


DEFAULT_BOUNDS: tuple[int | None, ...] = (0, 30, 60, 90, 120, None)


@dataclass(frozen=True)
class AgingBuckets:
    """Buckets by upper bound in days late: bucket i holds `bounds[i-1] < days <= bounds[i]`.

    The bounds are non-negative integers in strictly increasing order followed by None
    (the open-ended last bucket). A first bound of 0 makes the first bucket "not yet due"
    (due today or later).
    """

    bounds: tuple[int | None, ...] = DEFAULT_BOUNDS

    def __post_init__(self) -> None:
        bounds = tuple(self.bounds)
        object.__setattr__(self, "bounds", bounds)
        if not bounds or bounds[-1] is not None:
            raise ValueError("the last aging bound must be None (open-ended)")
        finite = bounds[:-1]
        if any(not isinstance(b, int) or isinstance(b, bool) for b in finite):
            raise ValueError("aging bounds must be integers of days")
        if any(b < 0 for b in finite):  # type: ignore[operator]
            raise ValueError("aging bounds must not be negative")
        if any(a >= b for a, b in pairwise(finite)):  # type: ignore[operator]
            raise ValueError("aging bounds must be strictly increasing")

    @classmethod
    def from_upper_bounds(cls, *uppers: int) -> AgingBuckets:
        """`AgingBuckets.from_upper_bounds(0, 15, 45)`: the open-ended bucket is added."""
        return cls((*uppers, None))

    @property
    def count(self) -> int:
        return len(self.bounds)

    @property
    def finite_bounds(self) -> tuple[int, ...]:
        return tuple(b for b in self.bounds if b is not None)

    @property
    def keys(self) -> tuple[str, ...]:
        """'not_due', '1-30', '31-60', …, '120+' for the default buckets."""
        keys: list[str] = []
        lower: int | None = None
        for upper in self.bounds:
            if upper is None:
                keys.append(f"{lower}+" if lower is not None else "all")
            elif lower is None:
                keys.append("not_due" if upper == 0 else f"up_to_{upper}")
            else:
                keys.append(f"{lower + 1}-{upper}")
            lower = upper
        return tuple(keys)

    def bucket_index(self, days: int) -> int:
        """The bucket of an item `days` late (0 or negative: not yet due)."""
        for index, upper in enumerate(self.bounds):
            if upper is None or days <= upper:
                return index
        raise AssertionError("unreachable: the last bucket is open-ended")

    def bucket_of(self, due_on: date, as_of: date) -> int:
        return self.bucket_index(days_late(due_on, as_of))

    def boundary_dates(self, as_of: date) -> tuple[date, ...]:
        """For each finite bound b, the earliest due date still in that bucket or a younger
        one: an item is in bucket i when `due_on >= boundary_dates[i]` and not in an
        earlier bucket. Lets SQL bucket rows with a CASE over the due date."""
        return tuple(as_of - timedelta(days=b) for b in self.finite_bounds)


DEFAULT_BUCKETS = AgingBuckets()


@dataclass(frozen=True)
class AgedBalanceRow:
    """One group (customer, salesperson or segment) of the aged balance, in cents.

    `group_id` is None for customers without a salesperson / segment; `code` is the
    customer's account code (or its id), the user or segment id otherwise ("" if None).
    """

    group_id: int | None
    code: str
    name: str
    amounts: tuple[int, ...]  # one per bucket, in the buckets' order
    total: int

    @property
    def overdue(self) -> int:
        """Everything but the first bucket (which is "not yet due" with default buckets)."""
        return self.total - self.amounts[0]


@dataclass(frozen=True)
class AgedBalance:
    """Open items on `as_of`, summed per group and bucket; amounts signed, in cents."""

    as_of: date
    by: AgedBy
    buckets: AgingBuckets
    rows: tuple[AgedBalanceRow, ...] = field(default_factory=tuple)
    totals: tuple[int, ...] = field(default_factory=tuple)
    total: int = 0

    @property
    def keys(self) -> tuple[str, ...]:
        return self.buckets.keys

    @property
    def overdue(self) -> int:
        return self.total - (self.totals[0] if self.totals else 0)


def aged_totals(rows: tuple[AgedBalanceRow, ...], bucket_count: int) -> tuple[int, ...]:
    """Column sums of the rows' amounts."""
    totals = [0] * bucket_count
    for row in rows:
        for index, amount in enumerate(row.amounts):
            totals[index] += amount
    return tuple(totals)
