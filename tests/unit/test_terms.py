"""Due dates under the counting methods of the Code de commerce."""

from datetime import date

import pytest

from desktop.domain.enums import PaymentTermsBasis as B
from desktop.domain.terms import days_late, due_date


@pytest.mark.parametrize(
    ("issued", "days", "basis", "expected"),
    [
        (date(2025, 1, 15), 30, B.INVOICE_DATE, date(2025, 2, 14)),
        (date(2025, 1, 15), 60, B.INVOICE_DATE, date(2025, 3, 16)),
        # 45 jours fin de mois, first method: 15/01 + 45 = 01/03, then end of March.
        (date(2025, 1, 15), 45, B.END_OF_MONTH_AFTER, date(2025, 3, 31)),
        # Second method: end of January, then + 45 days = 17/03.
        (date(2025, 1, 15), 45, B.END_OF_MONTH_THEN, date(2025, 3, 17)),
        # Leap year: end of February 2024 is the 29th.
        (date(2024, 2, 10), 0, B.END_OF_MONTH_THEN, date(2024, 2, 29)),
        (date(2025, 12, 20), 30, B.END_OF_MONTH_AFTER, date(2026, 1, 31)),
        (date(2025, 6, 1), 0, B.INVOICE_DATE, date(2025, 6, 1)),
    ],
)
def test_due_date(issued: date, days: int, basis: B, expected: date) -> None:
    assert due_date(issued, days, basis) == expected


def test_days_late_counts_from_the_day_after_the_due_date() -> None:
    due = date(2025, 3, 31)
    assert days_late(due, date(2025, 3, 31)) == 0
    assert days_late(due, date(2025, 4, 1)) == 1
    assert days_late(due, date(2025, 3, 1)) == -30
