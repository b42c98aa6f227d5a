"""Days sales outstanding (DSO, "délai moyen de paiement clients"), from monthly figures.

Plain data in, plain data out: the receivables (incl. VAT, in cents) on a date and the
sales (incl. VAT, in cents: invoices minus credit notes) of the months before it.

Months are calendar months, the newest one cut at `as_of` (1–16 March when `as_of` is
16 March), so a month-end `as_of` gives whole calendar months.

- Accounting method: receivables ÷ sales of the period × days of the period.
- Count-back method: walk back month by month from `as_of`, subtracting each month's
  sales from the receivables; every month consumed whole counts all its days, the month
  where the receivables run out counts the fraction remaining ÷ that month's sales.

`DsoResult.days` is an unrounded float, computed exactly (fractions of cents) and
converted once; round it to one decimal for display only (`DsoResult.rounded`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

# How far the count-back method walks back at most before giving up (the result is then
# "more than that many days", `capped`).
COUNTBACK_MAX_MONTHS = 24


class DsoMethod(StrEnum):
    ACCOUNTING = "accounting"
    COUNTBACK = "countback"


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class PeriodSales:
    period: Period
    sales_cents: int  # invoices minus credit notes issued in the period, incl. VAT


@dataclass(frozen=True)
class DsoResult:
    as_of: date
    method: DsoMethod
    days: float | None  # None: undefined (receivables but no sales in the period)
    receivables_cents: int
    sales_cents: int  # accounting: sales of the period; count-back: of the months walked
    period_days: int  # days of the period (accounting) or of the months walked (count-back)
    months: int  # months of the period, or walked back (the last one maybe in part)
    capped: bool = False  # count-back: sales ran out before the receivables; days is a floor

    @property
    def rounded(self) -> float | None:
        """`days` rounded half-up to one decimal, for display."""
        return None if self.days is None else round_days(self.days)


def round_days(days: float) -> float:
    return float(Decimal(repr(days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def month_periods(as_of: date, count: int) -> tuple[Period, ...]:
    """The `count` calendar months up to `as_of`, newest first, the newest cut at `as_of`."""
    periods: list[Period] = []
    start, end = as_of.replace(day=1), as_of
    for _ in range(count):
        periods.append(Period(start, end))
        end = start - timedelta(days=1)
        start = end.replace(day=1)
    return tuple(periods)


def month_ends(as_of: date, count: int) -> tuple[date, ...]:
    """`count` points for a trend, oldest first: the ends of the `count - 1` months before
    the month of `as_of`, then `as_of` itself (the month to date)."""
    points = [as_of]
    day = as_of.replace(day=1)
    for _ in range(count - 1):
        day -= timedelta(days=1)
        points.append(day)
        day = day.replace(day=1)
    return tuple(reversed(points))


def dso_accounting(as_of: date, receivables_cents: int, sales: Sequence[PeriodSales]) -> DsoResult:
    """Receivables ÷ sales of the period × days of the period (the period: all of `sales`).

    No receivables (or a credit balance): 0 days. Receivables but no positive sales:
    undefined (None).
    """
    total_sales = sum(s.sales_cents for s in sales)
    period_days = sum(s.period.days for s in sales)
    days: float | None
    if receivables_cents <= 0:
        days = 0.0
    elif total_sales <= 0 or period_days == 0:
        days = None
    else:
        days = float(Fraction(receivables_cents * period_days, total_sales))
    return DsoResult(
        as_of=as_of,
        method=DsoMethod.ACCOUNTING,
        days=days,
        receivables_cents=receivables_cents,
        sales_cents=total_sales,
        period_days=period_days,
        months=len(sales),
    )


def dso_countback(as_of: date, receivables_cents: int, sales: Sequence[PeriodSales]) -> DsoResult:
    """Walk `sales` (newest month first) subtracting each month's sales from the receivables.

    A month with no sales or negative sales (more credit notes than invoices) counts all
    its days and takes nothing off. If the receivables outlast every month given, the
    result is the days of all those months with `capped=True` (a floor, "more than").
    No receivables (or a credit balance): 0 days.
    """
    if receivables_cents <= 0:
        return DsoResult(as_of, DsoMethod.COUNTBACK, 0.0, receivables_cents, 0, 0, 0)
    remaining = receivables_cents
    days = Fraction(0)
    walked_sales = 0
    walked_days = 0
    months = 0
    exhausted = False
    for month in sales:
        months += 1
        walked_sales += month.sales_cents
        walked_days += month.period.days
        if month.sales_cents > 0 and remaining <= month.sales_cents:
            days += Fraction(remaining * month.period.days, month.sales_cents)
            exhausted = True
            break
        remaining -= max(month.sales_cents, 0)
        days += month.period.days
    return DsoResult(
        as_of=as_of,
        method=DsoMethod.COUNTBACK,
        days=float(days) if (exhausted or months) else None,
        receivables_cents=receivables_cents,
        sales_cents=walked_sales,
        period_days=walked_days,
        months=months,
        capped=not exhausted,
    )


def compute_dso(
    method: DsoMethod, as_of: date, receivables_cents: int, sales: Sequence[PeriodSales]
) -> DsoResult:
    if method is DsoMethod.ACCOUNTING:
        return dso_accounting(as_of, receivables_cents, sales)
    return dso_countback(as_of, receivables_cents, sales)
