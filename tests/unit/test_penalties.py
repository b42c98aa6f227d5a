"""Late-payment penalties: the brief's worked example, half-year splits, consumers, the
Belgian 14 days, the contract-rate floor, insolvency, unknown rates; claim deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.customer import CustomerDraft, validate_customer
from desktop.domain.enums import Country, RateKind
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.domain.insolvency import add_months, claim_deadline
from desktop.domain.penalties import (
    FIXED_INDEMNITY_CENTS,
    DatedRate,
    LateInvoice,
    PenaltyBasis,
    PenaltyTerms,
    RateTable,
    contract_rate_floor,
    customer_penalties,
    format_rate,
    half_year_start,
    invoice_penalty,
    parse_rate_bp,
    penalty_rate,
)

ECB = RateKind.ECB_MAIN_REFINANCING
PRO = RateKind.FR_LEGAL_INTEREST_PROFESSIONAL
OTHER = RateKind.FR_LEGAL_INTEREST_OTHER
BE = RateKind.BE_LATE_PAYMENT

# The rows the file ships with (migration 0001).
SHIPPED_ROWS = [
    DatedRate(ECB, date(2024, 12, 18), 315),
    DatedRate(ECB, date(2025, 2, 5), 290),
    DatedRate(ECB, date(2025, 3, 12), 265),
    DatedRate(ECB, date(2025, 4, 23), 240),
    DatedRate(ECB, date(2025, 6, 11), 215),
    DatedRate(PRO, date(2025, 1, 1), 371),
    DatedRate(PRO, date(2025, 7, 1), 276),
    DatedRate(BE, date(2025, 7, 1), 1050),
    DatedRate(BE, date(2026, 1, 1), 1050),
]
SHIPPED = RateTable(SHIPPED_ROWS)
FRENCH_BUSINESS = PenaltyTerms(Country.FRANCE, consumer=False)


def invoice(due: date, open_cents: int = 1_500_000, **changes: object) -> LateInvoice:
    values: dict[str, object] = {
        "document_id": 7,
        "number": "FA-2025-0142",
        "due_on": due,
        "open_cents": open_cents,
    }
    values.update(changes)
    return LateInvoice(**values)  # type: ignore[arg-type]


def test_worked_example_of_the_brief_is_exactly_184_93() -> None:
    """15 000,00 € × 15 % × 30 / 365 = 184,93 € (ECB 5 % + 10 points)."""
    table = RateTable([DatedRate(ECB, date(2025, 12, 1), 500)])
    result = invoice_penalty(
        invoice(date(2026, 3, 1)), FRENCH_BUSINESS, table, as_of=date(2026, 3, 31)
    )
    assert result.days_late == 30
    assert [(p.first_day, p.last_day, p.days, p.rate_bp) for p in result.periods] == [
        (date(2026, 3, 2), date(2026, 3, 31), 30, 1500)
    ]
    assert result.penalty_cents == 18_493
    assert result.indemnity_cents == FIXED_INDEMNITY_CENTS == 4_000
    assert result.total_cents == 22_493
    assert result.rate_bp == 1500


def test_worked_example_with_a_contract_rate_of_15_percent() -> None:
    terms = PenaltyTerms(Country.FRANCE, contract_rate_bp=1500)
    result = invoice_penalty(invoice(date(2026, 3, 1)), terms, SHIPPED, date(2026, 3, 31))
    assert result.penalty_cents == 18_493
    assert not result.floored


def test_nothing_on_the_due_date_itself_penalties_start_the_day_after() -> None:
    on_due = invoice_penalty(
        invoice(date(2025, 9, 30)), FRENCH_BUSINESS, SHIPPED, date(2025, 9, 30)
    )
    assert on_due.periods == () and on_due.penalty_cents == 0 and on_due.indemnity_cents == 0
    next_day = invoice_penalty(
        invoice(date(2025, 9, 30)), FRENCH_BUSINESS, SHIPPED, date(2025, 10, 1)
    )
    assert next_day.periods[0].first_day == date(2025, 10, 1)
    assert next_day.periods[0].days == 1


def test_split_on_30_june_and_1_july_each_half_year_at_its_own_rate() -> None:
    """H1 2025: ECB 3,15 % in force on 1 January → 13,15 %; H2 2025: ECB 2,15 % (from
    11 June) in force on 1 July → 12,15 %. The ECB changes of February–April do not
    count: the rate is fixed on the first day of the half-year."""
    result = invoice_penalty(
        invoice(date(2025, 6, 15)), FRENCH_BUSINESS, SHIPPED, as_of=date(2025, 7, 15)
    )
    periods = [(p.first_day, p.last_day, p.days, p.rate_bp, p.cents) for p in result.periods]
    # 15 000 € × 13,15 % × 15 / 365 = 81,0616… ; 15 000 € × 12,15 % × 15 / 365 = 74,8972…
    # total 155,9589… → 155,96 €, the second period is what the rounding leaves.
    assert periods == [
        (date(2025, 6, 16), date(2025, 6, 30), 15, 1315, 8_106),
        (date(2025, 7, 1), date(2025, 7, 15), 15, 1215, 7_490),
    ]
    assert result.penalty_cents == 15_596 == sum(p.cents for p in result.periods)
    assert result.days_late == 30
    assert result.rate_bp == 1215


def test_a_long_delay_spans_three_half_years_and_parts_add_up() -> None:
    table = RateTable(
        [
            DatedRate(ECB, date(2024, 1, 1), 450),
            DatedRate(ECB, date(2024, 9, 18), 365),
            DatedRate(ECB, date(2024, 12, 18), 315),
        ]
    )
    result = invoice_penalty(
        invoice(date(2024, 5, 31), 987_654), FRENCH_BUSINESS, table, date(2025, 2, 3)
    )
    assert [p.rate_bp for p in result.periods] == [1450, 1450, 1315]
    assert [p.days for p in result.periods] == [30, 184, 34]
    assert sum(p.days for p in result.periods) == result.days_late == 248
    exact = 987_654 * (1450 * 214 + 1315 * 34) / 3_650_000
    assert result.penalty_cents == int(exact + 0.5)
    assert sum(p.cents for p in result.periods) == result.penalty_cents


def test_consumer_owes_the_legal_rate_and_never_the_40_euros() -> None:
    terms = PenaltyTerms(Country.FRANCE, consumer=True)
    result = invoice_penalty(invoice(date(2025, 8, 31), 250_000), terms, SHIPPED, date(2025, 9, 30))
    assert result.indemnity_cents == 0
    # No fr_legal_other row in the file: the professional rate (2,76 %) is used.
    assert result.rate_bp == 276
    assert result.penalty_cents == round(250_000 * 276 * 30 / 3_650_000)

    with_other = RateTable([*SHIPPED_ROWS, DatedRate(OTHER, date(2025, 7, 1), 715)])
    result = invoice_penalty(invoice(date(2025, 8, 31)), terms, with_other, date(2025, 9, 30))
    assert result.rate_bp == 715 and result.indemnity_cents == 0


def test_belgian_business_pays_the_published_rate_and_the_indemnity() -> None:
    terms = PenaltyTerms(Country.BELGIUM)
    result = invoice_penalty(invoice(date(2026, 1, 31)), terms, SHIPPED, date(2026, 3, 16))
    assert result.rate_bp == 1050
    assert result.indemnity_cents == 4_000
    assert result.penalty_cents == round(1_500_000 * 1050 * 44 / 3_650_000)
    assert terms.basis is PenaltyBasis.BE_BUSINESS


def test_belgian_consumer_nothing_without_reminder_then_after_14_days() -> None:
    terms = PenaltyTerms(Country.BELGIUM, consumer=True)
    due = date(2026, 1, 31)
    silent = invoice_penalty(invoice(due), terms, SHIPPED, date(2026, 3, 16))
    assert silent.periods == () and silent.penalty_cents == 0 and silent.indemnity_cents == 0
    assert silent.days_late == 44

    reminded = invoice(due, first_reminder_on=date(2026, 2, 10))
    within = invoice_penalty(reminded, terms, SHIPPED, date(2026, 2, 24))
    assert within.penalty_cents == 0 and within.periods == ()
    after = invoice_penalty(reminded, terms, SHIPPED, date(2026, 3, 16))
    assert [(p.first_day, p.last_day, p.days) for p in after.periods] == [
        (date(2026, 2, 25), date(2026, 3, 16), 20)
    ]
    assert after.penalty_cents == round(1_500_000 * 1050 * 20 / 3_650_000)
    assert after.indemnity_cents == 0


def test_contract_rate_below_three_times_the_legal_rate_is_raised_and_said() -> None:
    # H2 2025 legal rate 2,76 % → floor 8,28 %; H1 2025 3,71 % → 11,13 %.
    assert contract_rate_floor(SHIPPED, date(2025, 9, 1)) == 828
    assert contract_rate_floor(SHIPPED, date(2025, 3, 1)) == 1113
    low = PenaltyTerms(Country.FRANCE, contract_rate_bp=500)
    result = invoice_penalty(invoice(date(2025, 6, 20)), low, SHIPPED, date(2025, 7, 10))
    assert [(p.rate_bp, p.floored) for p in result.periods] == [(1113, True), (828, True)]
    assert result.floored

    enough = PenaltyTerms(Country.FRANCE, contract_rate_bp=1200)
    result = invoice_penalty(invoice(date(2025, 6, 20)), enough, SHIPPED, date(2025, 7, 10))
    assert [(p.rate_bp, p.floored) for p in result.periods] == [(1200, False), (1200, False)]
    assert enough.basis is PenaltyBasis.CONTRACT

    # The floor is French law between businesses: a Belgian contract applies as agreed.
    belgian = PenaltyTerms(Country.BELGIUM, contract_rate_bp=500)
    assert penalty_rate(SHIPPED, belgian, date(2025, 9, 1)) == (500, False)


def test_customer_validation_refuses_a_contract_rate_below_the_floor() -> None:
    draft = CustomerDraft(legal_name="Menuiserie Lefèvre & Cie", penalty_rate_bp=800)
    with pytest.raises(ValidationError) as caught:
        validate_customer(draft, date(2026, 3, 16), penalty_floor_bp=828)
    error = caught.value.errors[0]
    assert (error.field, error.code) == ("penalty_rate_bp", ErrorCode.PENALTY_RATE_TOO_LOW)
    assert error.params == {"min": "8,28\u00a0%"}
    ok = validate_customer(
        CustomerDraft(legal_name="Menuiserie Lefèvre & Cie", penalty_rate_bp=828),
        date(2026, 3, 16),
        penalty_floor_bp=828,
    )
    assert ok.penalty_rate_bp == 828
    consumer = CustomerDraft(legal_name="Mme Hélène d'Arcy", is_consumer=True, penalty_rate_bp=300)
    assert validate_customer(consumer, date(2026, 3, 16), 828).penalty_rate_bp == 300


def test_insolvency_stops_accrual_on_the_opening_judgment() -> None:
    terms = PenaltyTerms(Country.FRANCE, accrual_stops_on=date(2026, 2, 15))
    late = invoice_penalty(invoice(date(2026, 1, 31)), terms, SHIPPED, date(2026, 3, 16))
    assert [(p.first_day, p.last_day, p.days) for p in late.periods] == [
        (date(2026, 2, 1), date(2026, 2, 15), 15)
    ]
    assert late.days_late == 44  # the real delay is still shown
    assert late.indemnity_cents == 4_000  # already late before the judgment
    after = invoice_penalty(invoice(date(2026, 2, 28)), terms, SHIPPED, date(2026, 3, 16))
    assert after.periods == () and after.penalty_cents == 0 and after.indemnity_cents == 0


def test_a_missing_rate_is_reported_and_left_out_of_the_total() -> None:
    table = RateTable([DatedRate(ECB, date(2025, 1, 1), 315)])  # nothing for 2024
    result = invoice_penalty(invoice(date(2024, 12, 1)), FRENCH_BUSINESS, table, date(2025, 1, 30))
    assert [(p.first_day, p.days, p.rate_bp, p.cents) for p in result.periods] == [
        (date(2024, 12, 2), 30, None, 0),
        (date(2025, 1, 1), 30, 1315, round(1_500_000 * 1315 * 30 / 3_650_000)),
    ]
    assert result.has_unknown_rate
    assert result.penalty_cents == result.periods[1].cents
    late = [invoice(date(2024, 12, 1))]
    totals = customer_penalties(1, "Dupont & Fils", late, FRENCH_BUSINESS, table, date(2025, 1, 30))
    assert totals.has_unknown_rate
    empty = invoice_penalty(late[0], FRENCH_BUSINESS, RateTable([]), date(2024, 12, 31))
    assert empty.rate_bp is None and empty.penalty_cents == 0 and empty.indemnity_cents == 4_000


def test_customer_totals_leave_out_what_is_not_late() -> None:
    invoices = [
        invoice(date(2026, 2, 14), 1_500_000, document_id=1, number="FA-2026-0001"),
        invoice(date(2026, 1, 15), 123_456, document_id=2, number="FA-2026-0002"),
        invoice(date(2026, 3, 16), 50_000, document_id=3, number="FA-2026-0003"),  # due today
        invoice(date(2026, 4, 30), 80_000, document_id=4, number="FA-2026-0004"),
        invoice(date(2026, 1, 1), 0, document_id=5, number="FA-2026-0005"),  # paid late
    ]
    result = customer_penalties(
        42, "Boulangerie L'Épi d'Or", invoices, FRENCH_BUSINESS, SHIPPED, date(2026, 3, 16)
    )
    assert [i.document_id for i in result.invoices] == [2, 1]  # by due date
    assert result.indemnity_cents == 8_000 and result.indemnity_count == 2
    assert result.penalty_cents == sum(i.penalty_cents for i in result.invoices) > 0
    assert result.total_cents == result.penalty_cents + result.indemnity_cents
    assert result.rate_bp == 1215  # ECB 2,15 % on 1 January 2026 + 10 points
    assert result.basis is PenaltyBasis.FR_BUSINESS


def test_rate_table_lookup_and_half_years() -> None:
    assert SHIPPED.in_force(ECB, date(2024, 12, 17)) is None
    assert SHIPPED.in_force(ECB, date(2024, 12, 18)) == 315
    assert SHIPPED.in_force(ECB, date(2025, 6, 10)) == 240
    assert SHIPPED.in_force(OTHER, date(2026, 1, 1)) is None
    assert half_year_start(date(2026, 6, 30)) == date(2026, 1, 1)
    assert half_year_start(date(2026, 7, 1)) == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("text", "bp"), [("12,15", 1215), ("12.5 %", 1250), (" 8,28% ", 828), ("40", 4000)]
)
def test_parse_rate(text: str, bp: int) -> None:
    assert parse_rate_bp(text) == bp


@pytest.mark.parametrize("text", ["douze", "12 €", "1e3"])
def test_parse_rate_refuses_what_is_not_a_rate(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_rate_bp(text)


def test_format_rate() -> None:
    assert format_rate(1215) == "12,15\u00a0%"
    assert format_rate(5) == "0,05\u00a0%"


@pytest.mark.parametrize(
    ("published", "abroad", "deadline"),
    [
        (date(2026, 3, 15), False, date(2026, 5, 15)),
        (date(2026, 3, 15), True, date(2026, 7, 15)),
        (date(2025, 12, 31), False, date(2026, 2, 28)),
        (date(2023, 12, 31), False, date(2024, 2, 29)),
        (date(2026, 10, 31), True, date(2027, 2, 28)),
        (date(2026, 11, 30), False, date(2027, 1, 30)),
    ],
)
def test_claim_deadline(published: date, abroad: bool, deadline: date) -> None:
    assert claim_deadline(published, abroad) == deadline


def test_add_months_clamps_to_the_last_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 31), 13) == date(2027, 9, 30)
