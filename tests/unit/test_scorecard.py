"""The arithmetic of the salesperson scorecards (issue 7): shares in basis points, the
amount-weighted average days late, the period defaults, who counts as blocked."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import BlockingDecisionStatus as B
from desktop.domain.scorecard import (
    Lateness,
    PaidInvoice,
    PromiseTally,
    Scorecard,
    became_blocked,
    default_period,
    definitions,
    lateness,
    lateness_sum,
    months_before,
    new_customer_window,
    promise_sum,
    promise_tally,
    rounded_ratio,
    share_bp,
)

END = date(2026, 3, 16)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 3, 3333),  # 33,33 %
        (2, 3, 6667),  # 66,666… rounded up
        (1, 8, 1250),
        (1, 16, 625),  # 6,25 % exactly
        (1, 20_000, 1),  # 0,005 % rounds half up to 1 bp
        (1, 20_001, 0),
        (0, 5, 0),
        (5, 5, 10_000),
        (-1, 3, -3333),
    ],
)
def test_share_in_basis_points(part: int, whole: int, expected: int) -> None:
    assert share_bp(part, whole) == expected


def test_a_share_of_nothing_is_undefined() -> None:
    assert share_bp(0, 0) is None
    assert share_bp(10, -5) is None
    with pytest.raises(ValueError):
        rounded_ratio(1, 0)


def test_rounding_is_half_up_in_integers() -> None:
    assert rounded_ratio(5, 10) == 1  # 0,5 → 1
    assert rounded_ratio(4, 10) == 0
    assert rounded_ratio(-5, 10) == 0  # −0,5 → 0 (half up, towards +∞)
    assert rounded_ratio(15, 10) == 2


def test_weighted_average_days_late_by_hand() -> None:
    invoices = [
        # 1 000,00 € paid 10 days late, 3 000,00 € paid 30 days late, 500,00 € paid early.
        PaidInvoice(100_000, date(2026, 1, 31), date(2026, 2, 10)),
        PaidInvoice(300_000, date(2026, 1, 15), date(2026, 2, 14)),
        PaidInvoice(50_000, date(2026, 2, 28), date(2026, 2, 20)),
    ]
    result = lateness(invoices)
    assert result.invoice_count == 3
    assert result.late_count == 2
    assert result.amount_cents == 450_000
    # (100 000 × 10 + 300 000 × 30 + 50 000 × 0) / 450 000 = 10 000 000 / 450 000 = 22,22…
    assert result.weighted_cents_days == 10_000_000
    assert result.average_tenths == 222


def test_early_payment_counts_as_zero_not_negative() -> None:
    early = PaidInvoice(20_000, date(2026, 3, 31), date(2026, 3, 1))
    assert early.days_late == 0
    assert lateness([early]).average_tenths == 0


def test_zero_and_negative_invoices_carry_no_weight() -> None:
    result = lateness(
        [
            PaidInvoice(0, date(2026, 1, 1), date(2026, 3, 1)),
            PaidInvoice(-5_000, date(2026, 1, 1), date(2026, 3, 1)),
        ]
    )
    assert result == Lateness()
    assert result.average_tenths is None


def test_the_team_average_is_weighted_not_an_average_of_averages() -> None:
    small = lateness([PaidInvoice(10_000, date(2026, 1, 1), date(2026, 1, 31))])  # 30 j
    large = lateness([PaidInvoice(90_000, date(2026, 1, 1), date(2026, 1, 1))])  # 0 j
    both = lateness_sum([small, large])
    assert (both.invoice_count, both.amount_cents, both.late_count) == (2, 100_000, 1)
    assert both.average_tenths == 30  # 3,0 days, not (30 + 0) / 2 = 15
    assert lateness_sum([]).average_tenths is None


def test_months_before_keeps_the_day_or_the_month_end() -> None:
    assert months_before(date(2026, 3, 16), 12) == date(2025, 3, 16)
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 10), 2) == date(2025, 11, 10)


def test_default_period_is_three_calendar_months_to_date() -> None:
    assert default_period(END) == (date(2026, 1, 1), END)
    assert default_period(date(2026, 2, 1)) == (date(2025, 12, 1), date(2026, 2, 1))


def test_new_customers_are_those_of_the_last_twelve_months() -> None:
    assert new_customer_window(END) == (date(2025, 3, 17), END)


def test_blocked_by_a_decision_dated_by_the_end() -> None:
    active = "active"
    assert became_blocked(active, None, [(B.BLOCKED.value, date(2026, 2, 1))], END)
    # A block after the period does not count for it…
    assert not became_blocked(active, None, [(B.BLOCKED.value, date(2026, 4, 1))], END)
    # …and an unblocking later does not erase the block.
    assert became_blocked(
        active,
        None,
        [(B.BLOCKED.value, date(2026, 1, 5)), (B.UNBLOCKED.value, date(2026, 2, 5))],
        END,
    )
    # A declined proposal is not a block.
    assert not became_blocked(active, None, [(B.DECLINED.value, date(2026, 1, 5))], END)


def test_insolvency_counts_from_its_judgment() -> None:
    assert became_blocked("insolvency", date(2026, 3, 16), [], END)
    assert not became_blocked("active", date(2026, 3, 17), [(B.DECLINED.value, None)], END)


def test_a_status_set_without_any_decision_counts() -> None:
    # An older or imported file: blocked today, no decision recorded, so no date known.
    assert became_blocked("blocked", None, [], END)
    assert became_blocked("insolvency", None, [(B.PROPOSED.value, None)], END)
    # With a recorded block, its date decides.
    assert not became_blocked("blocked", None, [(B.BLOCKED.value, date(2026, 5, 1))], END)
    assert not became_blocked("under_watch", None, [], END)


def test_promises_are_tallied_by_outcome() -> None:
    tally = promise_tally(
        [("kept", 120_000), ("broken", 30_000), ("pending", 50_000), ("kept", 1_000)]
    )
    assert tally == PromiseTally(count=4, kept=2, broken=1, pending=1, amount_cents=201_000)
    assert tally.kept_share_bp == 6667  # 2 kept of the 3 already checked
    assert PromiseTally(count=1, pending=1).kept_share_bp is None
    assert promise_sum([tally, PromiseTally(1, 0, 1, 0, 500)]) == PromiseTally(5, 2, 2, 1, 201_500)


def test_scorecard_shares() -> None:
    card = Scorecard(
        1,
        "Élodie Dupré",
        date(2026, 1, 1),
        END,
        open_cents=400_000,
        overdue_cents=100_000,
        new_customers=3,
        new_customers_blocked=1,
    )
    assert card.overdue_share_bp == 2500
    assert card.blocked_share_bp == 3333
    assert not card.is_unassigned
    # Credit notes can push the overdue part below zero or above the outstanding.
    assert Scorecard(None, "", END, END, open_cents=1_000, overdue_cents=-500).overdue_share_bp == 0
    assert Scorecard(
        None, "", END, END, open_cents=1_000, overdue_cents=1_500
    ).overdue_share_bp == (10_000)
    assert Scorecard(None, "", END, END).overdue_share_bp is None
    assert Scorecard(None, "", END, END).blocked_share_bp is None


def test_every_figure_has_a_definition() -> None:
    keys = [d.key for d in definitions()]
    assert keys == [
        "portfolio",
        "outstanding",
        "overdue_share",
        "days_late",
        "new_customers",
        "disputes",
        "visits",
        "promises",
        "top_overdue",
    ]
    texts = {d.key: d.text for d in definitions()}
    assert "12 mois" in texts["new_customers"]
    assert "pondérée par le montant" in texts["days_late"]


def test_the_pdf_keeps_one_page_per_salesperson_whatever_the_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2

    from desktop.documents.letter_layout import Letterhead
    from desktop.documents.scorecard_pdf import NAME_LIMIT, clipped, render_scorecards
    from desktop.domain.scorecard import OverdueCustomer

    pasted = "Relance faite & <promesse> d'un virement le 20. " * 40  # pasted into a name
    cards = [
        Scorecard(
            4,
            "Élodie Dupré <Grands comptes & export>",
            date(2026, 1, 1),
            END,
            customer_count=2,
            open_cents=500_000,
            overdue_cents=420_000,
            top_overdue=(OverdueCustomer(7, pasted, 250_000, 250_000, "61-90"),),
        ),
        Scorecard(None, "", date(2026, 1, 1), END, customer_count=1, open_cents=25_000),
    ]
    path = render_scorecards(cards, Letterhead("Ateliers Durand & Fils"), tmp_path / "f.pdf", END)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
        assert len(pdf) == 3  # the cover and one page each
    finally:
        pdf.close()
    flat = " ".join(text.split())
    assert "Fiche commercial : Élodie Dupré <Grands comptes & export>" in flat
    assert "Fiche commercial : Sans commercial" in flat
    assert "Relance faite & <promesse>" in flat
    assert len(clipped(pasted)) == NAME_LIMIT and clipped(pasted).endswith("…")
    assert clipped("Dupont & Fils") == "Dupont & Fils"
