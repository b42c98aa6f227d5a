"""Payment schedules of proposals: templates to lines in cents, refusals, warnings, and
the property that any valid template splits any total exactly, in date order."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.enums import Country, PaymentTermsBasis, ProposalStatus, ScheduleKind
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.domain.schedule import (
    FULL_BP,
    LineDraft,
    Milestone,
    ScheduleLineDraft,
    ScheduleTemplate,
    WarningCode,
    add_months,
    blocked_schedule_errors,
    build_schedule,
    can_move,
    compute_schedule,
    credit_limit_warning,
    effective_status,
    format_percent,
    format_quantity,
    line_errors,
    lines_from_template,
    parse_quantity_milli,
    proposal_totals,
    schedule_errors,
    split_amounts,
    template_errors,
    term_warnings,
)

START = date(2026, 3, 16)
EOM = PaymentTermsBasis.END_OF_MONTH_AFTER
JALONS = ScheduleTemplate(
    "Jalons 30 / 40 / 30",
    ScheduleKind.MILESTONES,
    (
        Milestone("Acompte à la commande", 3000, 0, True),
        Milestone("Livraison intermédiaire", 4000, 30),
        Milestone("Livraison finale (solde)", 3000, 60),
    ),
)


def codes(errors) -> dict[str, ErrorCode]:  # type: ignore[no-untyped-def]
    return {e.field: e.code for e in errors}


# --- templates -----------------------------------------------------------------------------


def test_milestones_template_splits_the_total_with_the_remainder_on_the_last_line() -> None:
    items = build_schedule(JALONS, 1_633_350, START)
    assert [i.amount_cents for i in items] == [490_005, 653_340, 490_005]
    assert sum(i.amount_cents for i in items) == 1_633_350
    assert [i.planned_on for i in items] == [START, date(2026, 4, 15), date(2026, 5, 15)]
    assert items[0].is_deposit and not items[1].is_deposit
    # 1 cent that does not divide goes to the last line, never lost.
    assert [i.amount_cents for i in build_schedule(JALONS, 1001, START)] == [300, 400, 301]


@pytest.mark.parametrize(
    ("days", "basis", "due"),
    [
        (30, EOM, date(2026, 4, 30)),  # 16 March + 30 days = 15 April, end of month
        (45, EOM, date(2026, 4, 30)),  # + 45 days = 30 April
        (60, PaymentTermsBasis.INVOICE_DATE, date(2026, 5, 15)),
    ],
)
def test_term_templates_give_one_payment_due_under_the_terms(days, basis, due) -> None:  # type: ignore[no-untyped-def]
    template = ScheduleTemplate(
        "À terme",
        ScheduleKind.TERM,
        (Milestone("À la livraison (facture)", FULL_BP, 0, False, days, basis),),
    )
    (item,) = build_schedule(template, 250_000, START)
    assert item.amount_cents == 250_000
    assert item.planned_on == START and item.due_on == due


def test_monthly_template_with_deposit_falls_each_month_and_keeps_month_ends() -> None:
    template = ScheduleTemplate(
        "Acompte et 3 mensualités",
        ScheduleKind.MONTHLY,
        instalments=3,
        first_offset_days=15,
        deposit_bp=2000,
    )
    items = build_schedule(template, 100_000, date(2026, 1, 16))
    assert [i.event for i in items] == [
        "Acompte à la commande",
        "Mensualité 1/3",
        "Mensualité 2/3",
        "Mensualité 3/3",
    ]
    assert [i.planned_on for i in items] == [
        date(2026, 1, 16),
        date(2026, 1, 31),
        date(2026, 2, 28),  # no 31 February: the last day of the month
        date(2026, 3, 31),
    ]
    assert [i.percent_bp for i in items] == [2000, 2666, 2666, 2668]
    assert sum(i.amount_cents for i in items) == 100_000
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_template_refusals() -> None:
    bad = ScheduleTemplate(
        " ",
        ScheduleKind.MILESTONES,
        (Milestone("À la commande", 3000, 30), Milestone("", 6000, 10)),
    )
    found = codes(template_errors(bad))
    assert found["name"] is ErrorCode.REQUIRED
    assert found["milestones"] is ErrorCode.PERCENT_TOTAL
    assert found["milestones.1.event"] is ErrorCode.REQUIRED
    assert found["milestones.1.offset_days"] is ErrorCode.DATES_NOT_IN_ORDER
    percent = next(e for e in template_errors(bad) if e.code is ErrorCode.PERCENT_TOTAL)
    assert percent.params["total"] == "90\u00a0%"
    monthly = ScheduleTemplate("Trop", ScheduleKind.MONTHLY, instalments=0)
    assert codes(template_errors(monthly))["instalments"] is ErrorCode.OUT_OF_RANGE
    with pytest.raises(ValidationError):
        build_schedule(bad, 10_000, START)


def test_template_json_round_trip() -> None:
    again = ScheduleTemplate.from_json(JALONS.name, JALONS.kind, JALONS.to_json())
    assert again == JALONS
    monthly = ScheduleTemplate(
        "3 mensualités", ScheduleKind.MONTHLY, instalments=3, deposit_bp=1000
    )
    assert ScheduleTemplate.from_json(monthly.name, monthly.kind, monthly.to_json()) == monthly


# --- bad input ---------------------------------------------------------------------------------


def test_percentages_must_add_up_to_100() -> None:
    lines = [
        ScheduleLineDraft("Acompte", START, 3000, True),
        ScheduleLineDraft("Solde", START, 6000),
    ]
    (error,) = schedule_errors(lines, 100_000, START)
    assert (error.field, error.code, error.params) == (
        "schedule",
        ErrorCode.PERCENT_TOTAL,
        {"total": "90\u00a0%"},
    )


def test_a_date_before_the_proposal_or_out_of_order_is_refused() -> None:
    lines = [
        ScheduleLineDraft("Acompte", date(2026, 3, 1), 3000, True),
        ScheduleLineDraft("Livraison", date(2026, 5, 1), 4000),
        ScheduleLineDraft("Réception", date(2026, 4, 1), 3000),
    ]
    found = codes(schedule_errors(lines, 100_000, START))
    assert found == {
        "schedule.0.planned_on": ErrorCode.DATE_BEFORE_PROPOSAL,
        "schedule.2.planned_on": ErrorCode.DATES_NOT_IN_ORDER,
    }
    # A later event with a shorter term would fall due first: refused too.
    crossing = [
        ScheduleLineDraft("Livraison", START, 5000, False, 60),
        ScheduleLineDraft("Réception", date(2026, 3, 20), 5000),
    ]
    assert codes(schedule_errors(crossing, 100_000, START)) == {
        "schedule.1.due_days": ErrorCode.DATES_NOT_IN_ORDER
    }


def test_an_amount_that_cannot_be_split_is_refused() -> None:
    template = ScheduleTemplate("12 mensualités", ScheduleKind.MONTHLY, instalments=12)
    with pytest.raises(ValidationError) as info:
        build_schedule(template, 11, START)
    (error,) = info.value.errors
    assert error.code is ErrorCode.AMOUNT_NOT_SPLITTABLE
    assert error.params["count"] == "12"
    # Enough cents in total but one line would get none.
    lines = [ScheduleLineDraft("Acompte", START, 1, True), ScheduleLineDraft("Solde", START, 9999)]
    assert codes(schedule_errors(lines, 50, START)) == {"schedule": ErrorCode.AMOUNT_NOT_SPLITTABLE}


def test_zero_or_negative_quantities_and_lines_are_refused() -> None:
    lines = [
        LineDraft("Étagères métalliques", 0, 18_900, 2000),
        LineDraft("Remise « fidélité »", -1000, 5_000, 2000),
        LineDraft("", 1000, -1, 2500 * 5),
    ]
    found = codes(line_errors(lines))
    assert found["lines.0.quantity"] is ErrorCode.QUANTITY_NOT_POSITIVE
    assert found["lines.1.quantity"] is ErrorCode.QUANTITY_NOT_POSITIVE
    assert found["lines.2.description"] is ErrorCode.REQUIRED
    assert found["lines.2.unit_price"] is ErrorCode.NEGATIVE_AMOUNT
    assert found["lines.2.vat_rate"] is ErrorCode.OUT_OF_RANGE
    assert codes(line_errors([])) == {"lines": ErrorCode.REQUIRED}
    assert codes(line_errors([LineDraft("Offert", 1000, 0, 2000)])) == {
        "lines": ErrorCode.INVALID_AMOUNT
    }


def test_a_blocked_customer_needs_a_deposit() -> None:
    (error,) = blocked_schedule_errors(
        lines_from_template(
            ScheduleTemplate(
                "30 j", ScheduleKind.TERM, (Milestone("Livraison", FULL_BP, 0, False, 30, EOM),)
            ),
            START,
        )
    )
    assert error.code is ErrorCode.DEPOSIT_REQUIRED
    assert blocked_schedule_errors(lines_from_template(JALONS, START)) == []


# --- totals, text ---------------------------------------------------------------------------------


def test_totals_compute_vat_once_per_rate() -> None:
    totals = proposal_totals(
        [
            LineDraft("Escalier en chêne", 1000, 1_250_000, 2000),
            LineDraft("Pose et finitions", 2500, 45_000, 1000),
            LineDraft("Déplacement", 1000, 8_000, 2000),
        ]
    )
    assert totals.excl_vat_cents == 1_370_500
    assert [(v.rate_bp, v.base_cents, v.vat_cents) for v in totals.by_rate] == [
        (1000, 112_500, 11_250),
        (2000, 1_258_000, 251_600),
    ]
    assert totals.total_cents == 1_633_350
    # Thousandths of a unit round to the cent, half up.
    assert proposal_totals([LineDraft("Câble", 1_333, 1_000, 0)]).excl_vat_cents == 1_333
    assert proposal_totals([LineDraft("Vis", 5, 1, 0)]).excl_vat_cents == 0


def test_quantities_and_percents_read_and_print_the_french_way() -> None:
    assert parse_quantity_milli("1,5") == 1500
    assert parse_quantity_milli(" 1 200 ") == 1_200_000
    assert parse_quantity_milli("0.125") == 125
    for bad in ("", "deux", "1e3", "3 €"):
        with pytest.raises(ValidationError):
            parse_quantity_milli(bad)
    assert format_quantity(2500) == "2,5"
    assert format_quantity(1_234_000) == "1\u202f234"
    assert format_percent(3333) == "33,33\u00a0%"
    assert format_percent(3000) == "30\u00a0%"


# --- warnings and status -------------------------------------------------------------------------


def test_terms_beyond_the_legal_maximum_are_warned_not_refused() -> None:
    lines = [
        ScheduleLineDraft("Livraison", START, 5000, False, 60, EOM),
        ScheduleLineDraft("Réception", START, 5000, False, 80, PaymentTermsBasis.INVOICE_DATE),
    ]
    assert schedule_errors(lines, 100_000, START) == []
    warnings = term_warnings(lines, Country.FRANCE, START)
    assert [(w.code, w.params["days"], w.params["max"]) for w in warnings] == [
        (WarningCode.TERM_TOO_LONG, "60", "45"),
        (WarningCode.TERM_TOO_LONG, "80", "60"),
    ]
    assert warnings[0].params["reference"] == "C. com. L441-10"
    # Belgium: 60 days, an end-of-month clause within 30 days; consumers are outside.
    assert len(term_warnings(lines, Country.BELGIUM, START)) == 2
    assert term_warnings(lines, Country.FRANCE, START, consumer=True) == []


def test_credit_limit_warning() -> None:
    assert credit_limit_warning(None, 900_000, 500_000) == []
    assert credit_limit_warning(1_500_000, 900_000, 500_000) == []
    (warning,) = credit_limit_warning(1_000_000, 900_000, 500_000)
    assert warning.code is WarningCode.CREDIT_LIMIT
    assert warning.params["excess"] == "4\u202f000,00\u00a0€"


def test_status_moves_and_computed_expiry() -> None:
    assert can_move(ProposalStatus.DRAFT, ProposalStatus.SENT)
    assert not can_move(ProposalStatus.DRAFT, ProposalStatus.ACCEPTED)
    assert can_move(ProposalStatus.SENT, ProposalStatus.ACCEPTED)
    assert not can_move(ProposalStatus.ACCEPTED, ProposalStatus.REFUSED)
    assert not can_move(ProposalStatus.EXPIRED, ProposalStatus.ACCEPTED)
    valid_until = date(2026, 4, 15)
    assert effective_status(ProposalStatus.SENT, valid_until, valid_until) is ProposalStatus.SENT
    assert (
        effective_status(ProposalStatus.SENT, valid_until, date(2026, 4, 16))
        is ProposalStatus.EXPIRED
    )
    assert (
        effective_status(ProposalStatus.ACCEPTED, valid_until, date(2027, 1, 1))
        is ProposalStatus.ACCEPTED
    )


# --- properties ------------------------------------------------------------------------------------

totals = st.integers(min_value=0, max_value=10**11)
starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
bases = st.sampled_from(list(PaymentTermsBasis))


@st.composite
def percents(draw, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    """`count` positive basis points adding up to 100 %."""
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, FULL_BP - 1), min_size=count - 1, max_size=count - 1, unique=True
            )
        )
    )
    bounds = [0, *cuts, FULL_BP]
    return [b - a for a, b in itertools.pairwise(bounds)]


@st.composite
def valid_templates(draw) -> ScheduleTemplate:  # type: ignore[no-untyped-def]
    kind = draw(st.sampled_from(list(ScheduleKind)))
    name = draw(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
    if kind is ScheduleKind.MONTHLY:
        deposit = draw(st.integers(0, 5000))
        return ScheduleTemplate(
            name,
            kind,
            instalments=draw(st.integers(1, 36)),
            first_offset_days=draw(st.integers(0, 365)),
            deposit_bp=deposit,
        )
    count = 1 if kind is ScheduleKind.TERM else draw(st.integers(1, 8))
    shares = draw(percents(count))
    offsets = sorted(draw(st.lists(st.integers(0, 720), min_size=count, max_size=count)))
    # One payment term for the whole schedule keeps the due dates in the events' order.
    days, basis = draw(st.integers(0, 90)), draw(bases)
    return ScheduleTemplate(
        name,
        kind,
        tuple(
            Milestone(
                f"Étape « {i + 1} »", share, offset, i == 0 and draw(st.booleans()), days, basis
            )
            for i, (share, offset) in enumerate(zip(shares, offsets, strict=True))
        ),
    )


def _check(items, total: int, start: date) -> None:  # type: ignore[no-untyped-def]
    assert all(isinstance(i.amount_cents, int) and i.amount_cents >= 1 for i in items)
    assert sum(i.amount_cents for i in items) == total
    assert sum(i.percent_bp for i in items) == FULL_BP
    planned = [i.planned_on for i in items]
    due = [i.due_on for i in items]
    assert planned == sorted(planned) and due == sorted(due)
    assert planned[0] >= start
    assert [i.position for i in items] == list(range(1, len(items) + 1))


@settings(max_examples=300, deadline=None)
@given(template=valid_templates(), total=totals, start=starts)
def test_any_valid_template_splits_any_total_exactly_in_date_order(template, total, start) -> None:  # type: ignore[no-untyped-def]
    assert template_errors(template) == []
    try:
        items = build_schedule(template, total, start)
    except ValidationError as exc:
        # The only refusal left: fewer cents than one per line.
        assert codes(exc.errors) == {"schedule": ErrorCode.AMOUNT_NOT_SPLITTABLE}
        assert (
            total < len(lines_from_template(template, start))
            or min(
                split_amounts(
                    total, [line.percent_bp for line in lines_from_template(template, start)]
                )
            )
            < 1
        )
        return
    _check(items, total, start)


@settings(max_examples=300, deadline=None)
@given(
    total=totals,
    start=starts,
    rows=st.lists(
        st.tuples(st.integers(-10, 400), st.integers(-100, 6000), st.integers(-5, 400), bases),
        min_size=1,
        max_size=12,
    ),
)
def test_any_schedule_is_either_refused_or_exact_and_ordered(total, start, rows) -> None:  # type: ignore[no-untyped-def]
    lines = [
        ScheduleLineDraft(
            "Échéance", date.fromordinal(start.toordinal() + offset), percent, False, days, basis
        )
        for offset, percent, days, basis in rows
    ]
    try:
        items = compute_schedule(lines, total, start)
    except ValidationError as exc:
        assert exc.errors
        return
    _check(items, total, start)
