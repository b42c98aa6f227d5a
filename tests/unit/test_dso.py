"""DSO, accounting and count-back methods, against figures computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.dso import (
    DsoMethod,
    Period,
    PeriodSales,
    compute_dso,
    dso_accounting,
    dso_countback,
    month_ends,
    month_periods,
    round_days,
)

EUR = 100  # cents per euro
END_OF_MARCH = date(2026, 3, 31)


def sales(as_of: date, *monthly_euros: int) -> list[PeriodSales]:
    """Monthly sales, newest month first, on the calendar months up to `as_of`."""
    periods = month_periods(as_of, len(monthly_euros))
    return [PeriodSales(p, euros * EUR) for p, euros in zip(periods, monthly_euros, strict=True)]


def test_month_periods_at_a_month_end_are_calendar_months() -> None:
    assert month_periods(END_OF_MARCH, 3) == (
        Period(date(2026, 3, 1), date(2026, 3, 31)),
        Period(date(2026, 2, 1), date(2026, 2, 28)),
        Period(date(2026, 1, 1), date(2026, 1, 31)),
    )
    assert [p.days for p in month_periods(END_OF_MARCH, 3)] == [31, 28, 31]


def test_month_periods_mid_month_start_with_the_month_to_date() -> None:
    periods = month_periods(date(2026, 3, 16), 3)
    assert periods[0] == Period(date(2026, 3, 1), date(2026, 3, 16))
    assert [p.days for p in periods] == [16, 28, 31]
    assert month_periods(date(2024, 3, 1), 2)[1].days == 29  # leap February


def test_month_ends_for_a_trend() -> None:
    assert month_ends(END_OF_MARCH, 3) == (
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    )
    points = month_ends(date(2026, 3, 16), 12)
    assert len(points) == 12
    assert points[0] == date(2025, 4, 30)
    assert points[-2:] == (date(2026, 2, 28), date(2026, 3, 16))


def test_countback_the_briefs_example() -> None:
    # 150,000 € owed; March 80,000 → 70,000 left (31 d); February 60,000 → 10,000 left
    # (28 d); January 50,000: 10,000 / 50,000 × 31 = 6.2 d. Total 65.2 days.
    result = dso_countback(END_OF_MARCH, 150_000 * EUR, sales(END_OF_MARCH, 80_000, 60_000, 50_000))
    assert result.days == pytest.approx(65.2)
    assert result.rounded == 65.2
    assert result.method is DsoMethod.COUNTBACK
    assert not result.capped
    assert result.months == 3
    assert result.period_days == 90
    assert result.sales_cents == 190_000 * EUR


def test_accounting_the_briefs_example() -> None:
    # 150,000 / 190,000 × (31 + 28 + 31) = 71.0526… days.
    result = dso_accounting(
        END_OF_MARCH, 150_000 * EUR, sales(END_OF_MARCH, 80_000, 60_000, 50_000)
    )
    assert result.days == pytest.approx(150_000 / 190_000 * 90)
    assert result.rounded == 71.1
    assert result.period_days == 90
    assert result.sales_cents == 190_000 * EUR
    assert result.receivables_cents == 150_000 * EUR


def test_countback_stops_exactly_at_a_month_boundary() -> None:
    result = dso_countback(END_OF_MARCH, 140_000 * EUR, sales(END_OF_MARCH, 80_000, 60_000, 50_000))
    assert result.days == 59.0
    assert result.months == 2


def test_countback_within_the_first_month() -> None:
    # 20,000 of March's 80,000: 31 × 1/4 = 7.75 days, shown 7.8 (half up).
    result = dso_countback(END_OF_MARCH, 20_000 * EUR, sales(END_OF_MARCH, 80_000, 60_000))
    assert result.days == 7.75
    assert result.rounded == 7.8


def test_no_sales() -> None:
    no_sales = sales(END_OF_MARCH, 0, 0, 0)
    accounting = dso_accounting(END_OF_MARCH, 5_000 * EUR, no_sales)
    assert accounting.days is None
    assert accounting.rounded is None
    countback = dso_countback(END_OF_MARCH, 5_000 * EUR, no_sales)
    assert countback.capped
    assert countback.days == 90.0  # "more than 90 days"
    assert dso_countback(END_OF_MARCH, 5_000 * EUR, []).days is None


def test_nothing_owed_is_zero_days_even_without_sales() -> None:
    assert dso_accounting(END_OF_MARCH, 0, sales(END_OF_MARCH, 0)).days == 0.0
    assert dso_countback(END_OF_MARCH, 0, sales(END_OF_MARCH, 0)).days == 0.0
    # A credit balance (more credit notes than invoices open) is no delay either.
    assert dso_accounting(END_OF_MARCH, -300 * EUR, sales(END_OF_MARCH, 1_000)).days == 0.0
    assert dso_countback(END_OF_MARCH, -300 * EUR, sales(END_OF_MARCH, 1_000)).days == 0.0


def test_receivables_larger_than_twelve_months_of_sales() -> None:
    end_of_2025 = date(2025, 12, 31)
    year = sales(end_of_2025, *([10_000] * 12))
    result = dso_countback(end_of_2025, 500_000 * EUR, year)
    assert result.capped
    assert result.days == 365.0
    assert result.months == 12
    accounting = dso_accounting(end_of_2025, 500_000 * EUR, year)
    assert accounting.days == pytest.approx(500_000 / 120_000 * 365)
    assert not accounting.capped


def test_credit_notes_in_the_monthly_sales() -> None:
    # March: more credit notes than invoices (−10,000): the month counts whole (31 d) and
    # takes nothing off; February 60,000 → 40,000 left (28 d); January 80,000: half of it
    # → 15.5 d. 31 + 28 + 15.5 = 74.5.
    monthly = sales(END_OF_MARCH, -10_000, 60_000, 80_000)
    countback = dso_countback(END_OF_MARCH, 100_000 * EUR, monthly)
    assert countback.days == 74.5
    assert countback.sales_cents == 130_000 * EUR
    # Accounting: the net sales of the period, 130,000 over 90 days.
    accounting = dso_accounting(END_OF_MARCH, 100_000 * EUR, monthly)
    assert accounting.days == pytest.approx(100_000 / 130_000 * 90)
    # A period whose credit notes outweigh its invoices has no meaningful DSO.
    assert dso_accounting(END_OF_MARCH, 1_000 * EUR, sales(END_OF_MARCH, -10_000)).days is None


def test_compute_dso_dispatches_on_the_method() -> None:
    monthly = sales(END_OF_MARCH, 80_000, 60_000, 50_000)
    assert compute_dso(DsoMethod.COUNTBACK, END_OF_MARCH, 150_000 * EUR, monthly).rounded == 65.2
    assert compute_dso(DsoMethod.ACCOUNTING, END_OF_MARCH, 150_000 * EUR, monthly).rounded == 71.1


def test_days_are_exact_fractions_until_displayed() -> None:
    # 1 cent of 3 cents over 31 days = 10.333…; fractions avoid float drift on cents.
    monthly = [PeriodSales(Period(date(2026, 1, 1), date(2026, 1, 31)), 3)]
    assert dso_countback(date(2026, 1, 31), 1, monthly).days == pytest.approx(31 / 3)
    assert round_days(65.25) == 65.3  # half up, not to even
    assert round_days(71.05263157894737) == 71.1
