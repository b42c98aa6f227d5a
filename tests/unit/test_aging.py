"""Aging buckets: bounds, keys, bucket of a number of days late, SQL boundary dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.documents.aging_pdf import bucket_label_fr
from desktop.domain.aging import (
    DEFAULT_BUCKETS,
    AgedBalanceRow,
    AgingBuckets,
    aged_totals,
)

AS_OF = date(2026, 3, 16)


def test_default_buckets_are_the_briefs() -> None:
    assert DEFAULT_BUCKETS.bounds == (0, 30, 60, 90, 120, None)
    assert DEFAULT_BUCKETS.keys == ("not_due", "1-30", "31-60", "61-90", "91-120", "120+")
    assert DEFAULT_BUCKETS.count == 6


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-400, 0),
        (-1, 0),
        (0, 0),  # due today: not yet late
        (1, 1),
        (30, 1),
        (31, 2),
        (60, 2),
        (61, 3),
        (90, 3),
        (91, 4),
        (120, 4),
        (121, 5),
        (10_000, 5),
    ],
)
def test_bucket_index_at_every_edge(days: int, bucket: int) -> None:
    assert DEFAULT_BUCKETS.bucket_index(days) == bucket


def test_bucket_of_dates() -> None:
    assert DEFAULT_BUCKETS.bucket_of(date(2026, 3, 16), AS_OF) == 0
    assert DEFAULT_BUCKETS.bucket_of(date(2026, 2, 14), AS_OF) == 1  # 30 days late
    assert DEFAULT_BUCKETS.bucket_of(date(2026, 2, 13), AS_OF) == 2  # 31 days late
    assert DEFAULT_BUCKETS.bucket_of(date(2025, 11, 16), AS_OF) == 4  # 120 days late
    assert DEFAULT_BUCKETS.bucket_of(date(2025, 11, 15), AS_OF) == 5  # 121 days late


def test_boundary_dates() -> None:
    assert DEFAULT_BUCKETS.boundary_dates(AS_OF) == (
        date(2026, 3, 16),
        date(2026, 2, 14),
        date(2026, 1, 15),
        date(2025, 12, 16),
        date(2025, 11, 16),
    )


def case_over_dates(buckets: AgingBuckets, due_on: date, as_of: date) -> int:
    """What the service's SQL CASE does: the first boundary the due date reaches."""
    for index, boundary in enumerate(buckets.boundary_dates(as_of)):
        if due_on >= boundary:
            return index
    return buckets.count - 1


@given(
    uppers=st.lists(st.integers(0, 400), min_size=0, max_size=7, unique=True).map(sorted),
    offset=st.integers(-500, 900),
)
def test_sql_case_over_boundary_dates_agrees_with_bucket_index(
    uppers: list[int], offset: int
) -> None:
    buckets = AgingBuckets.from_upper_bounds(*uppers)
    due_on = AS_OF - timedelta(days=offset)
    assert case_over_dates(buckets, due_on, AS_OF) == buckets.bucket_of(due_on, AS_OF)


def test_custom_bounds_and_keys() -> None:
    buckets = AgingBuckets.from_upper_bounds(0, 15, 45)
    assert buckets.keys == ("not_due", "1-15", "16-45", "45+")
    assert [buckets.bucket_index(d) for d in (0, 1, 15, 16, 45, 46)] == [0, 1, 1, 2, 2, 3]
    assert AgingBuckets((10, 40, None)).keys == ("up_to_10", "11-40", "40+")
    assert AgingBuckets((None,)).keys == ("all",)
    assert AgingBuckets((None,)).bucket_index(-3) == 0


@pytest.mark.parametrize(
    "bounds",
    [(), (0, 30), (30, 0, None), (0, 0, None), (-5, 30, None), (0, None, 30), (0, 1.5, None)],
)
def test_invalid_bounds_are_refused(bounds: tuple) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        AgingBuckets(bounds)


def test_french_labels_of_the_keys() -> None:
    labels = [bucket_label_fr(k) for k in DEFAULT_BUCKETS.keys]
    assert labels == ["Non échu", "1–30 j", "31–60 j", "61–90 j", "91–120 j", "> 120 j"]
    assert bucket_label_fr("up_to_10") == "Jusqu'à 10 j"


def test_totals_and_overdue() -> None:
    rows = (
        AgedBalanceRow(1, "411A", "A", (100, 200, 0, 0, 0, -50), 250),
        AgedBalanceRow(2, "411B", "B", (0, 0, 300, 0, 0, 0), 300),
    )
    assert aged_totals(rows, 6) == (100, 200, 300, 0, 0, -50)
    assert rows[0].overdue == 150
