"""ReceivablesService on a realistic French/Belgian ledger, against totals done by hand.

Documents are inserted straight through a session, amounts signed as the ledger stores
them (invoices and expected instalments +, credit notes and payments −). `as_of` is the
fixed test day, 16/03/2026; the bucket boundaries are then due on or after 16/03 (not
due), 14/02 (1–30), 15/01 (31–60), 16/12 (61–90), 16/11/2025 (91–120).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.domain.aging import AgedBy, AgingBuckets
from desktop.domain.dso import DsoMethod
from desktop.domain.enums import Country, DocumentKind, Profile
from desktop.domain.errors import NotFoundError
from desktop.persistence.models import Document
from desktop.services.registry import Services
from tests.db.factories import belgian, customer

AS_OF = date(2026, 3, 16)
INV, CN, PAY, INST = (
    DocumentKind.INVOICE,
    DocumentKind.CREDIT_NOTE,
    DocumentKind.PAYMENT,
    DocumentKind.EXPECTED_INSTALMENT,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


def add_documents(services: Services, customer_id: int, rows: list[tuple]) -> None:  # type: ignore[type-arg]
    """rows: (number, kind, issued, due, total, open, settled_on); amounts signed, cents."""
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for number, kind, issued, due, total, open_, settled in rows:
            assert (total >= 0) == (kind.sign > 0), number
            session.add(
                Document(
                    customer_id=customer_id,
                    kind=kind.value,
                    number=number,
                    issued_on=d(issued),
                    due_on=d(due),
                    total_cents=total,
                    open_cents=open_,
                    settled_on=d(settled) if settled else None,
                    created_at=now,
                    updated_at=now,
                )
            )


@dataclass
class Ledger:
    a: int  # Boulangerie Élodie Dupré: Julie, PME fidèles
    b: int  # Garage Martin & Fils: Marc, Grands comptes
    c: int  # Brasserie de l'Abbaye (BE): no salesperson, PME fidèles, no account code
    d: int  # Dupont & Fils <SARL>: Julie, no segment, everything settled
    julie: int
    marc: int
    pme: int
    grands: int


@pytest.fixture
def ledger(services: Services) -> Ledger:
    julie = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    marc = services.reference.add_user("Marc Lefèvre", Profile.SALESPERSON)
    pme = services.reference.add_segment("PME fidèles")
    grands = services.reference.add_segment("Grands comptes")
    create = services.customers.create
    a = create(
        customer(
            "Boulangerie Élodie Dupré SARL",
            account_code="411DUPRE",
            salesperson_id=julie,
            segment_id=pme,
        )
    )
    b = create(
        customer(
            "Garage Martin & Fils", account_code="411MARTIN", salesperson_id=marc, segment_id=grands
        )
    )
    c = create(belgian("Brasserie de l'Abbaye SRL", segment_id=pme, country=Country.BELGIUM))
    dupont = create(
        customer("Dupont & Fils <SARL>", account_code="411DUPONT", salesperson_id=julie)
    )
    add_documents(
        services,
        a,
        [
            ("FA-2026-0101", INV, "2026-03-02", "2026-04-01", 120_000, 120_000, None),
            ("FA-2026-0050", INV, "2026-01-20", "2026-02-19", 360_000, 240_000, None),
            ("FA-2025-0890", INV, "2025-11-10", "2025-12-10", 85_045, 85_045, None),
            ("AV-2026-0003", CN, "2026-02-25", "2026-02-25", -15_000, -15_000, None),
            # issued after as_of: not in the balance on 16/03
            ("FA-2026-0120", INV, "2026-03-20", "2026-04-19", 50_000, 50_000, None),
            # settled after as_of: still owed on 16/03, for its total
            ("FA-2026-0010", INV, "2026-01-05", "2026-02-04", 99_000, 0, "2026-03-20"),
            # settled before as_of
            ("FA-2025-0700", INV, "2025-10-01", "2025-10-31", 200_000, 0, "2025-11-15"),
        ],
    )
    add_documents(
        services,
        b,
        [
            ("FA-2025-0601", INV, "2025-08-14", "2025-09-13", 420_000, 420_000, None),
            ("FA-2025-0950", INV, "2025-12-01", "2025-12-31", 156_000, 156_000, None),
            ("RG-2026-0007", PAY, "2026-03-10", "2026-03-10", -50_000, -50_000, None),
            ("EC-2026-0001", INST, "2026-03-01", "2026-03-16", 30_000, 30_000, None),
            ("FA-2026-0040", INV, "2026-01-15", "2026-02-14", 70_000, 70_000, None),
            ("FA-2026-0041", INV, "2026-01-14", "2026-02-13", 80_000, 80_000, None),
        ],
    )
    add_documents(
        services,
        c,
        [
            ("F-2026-0012", INV, "2026-02-01", "2026-03-03", 242_000, 242_000, None),
            ("F-2025-0300", INV, "2025-11-01", "2025-11-16", 100_000, 100_000, None),
            ("F-2025-0299", INV, "2025-10-31", "2025-11-15", 1_010, 1_010, None),
        ],
    )
    add_documents(
        services,
        dupont,
        [("FA-2026-0002", INV, "2026-01-02", "2026-02-01", 500_000, 0, "2026-03-01")],
    )
    return Ledger(a, b, c, dupont, julie, marc, pme, grands)


#                not_due  1-30     31-60   61-90    91-120   120+
A_AMOUNTS = (120_000, 225_000, 99_000, 0, 85_045, 0)
B_AMOUNTS = (30_000, 20_000, 80_000, 156_000, 0, 420_000)
C_AMOUNTS = (0, 242_000, 0, 0, 100_000, 1_010)


def test_aged_balance_per_customer(services: Services, ledger: Ledger) -> None:
    balance = services.receivables.aged_balance(AS_OF)
    assert balance.as_of == AS_OF
    assert balance.by is AgedBy.CUSTOMER
    assert balance.keys == ("not_due", "1-30", "31-60", "61-90", "91-120", "120+")
    # Sorted by folded name; Dupont (nothing open on 16/03) is left out.
    assert [(r.group_id, r.code, r.name) for r in balance.rows] == [
        (ledger.a, "411DUPRE", "Boulangerie Élodie Dupré SARL"),
        (ledger.c, str(ledger.c), "Brasserie de l'Abbaye SRL"),
        (ledger.b, "411MARTIN", "Garage Martin & Fils"),
    ]
    assert [r.amounts for r in balance.rows] == [A_AMOUNTS, C_AMOUNTS, B_AMOUNTS]
    assert [r.total for r in balance.rows] == [529_045, 343_010, 706_000]
    assert balance.totals == (150_000, 487_000, 179_000, 156_000, 185_045, 421_010)
    assert balance.total == 1_578_055
    assert balance.overdue == 1_578_055 - 150_000


def test_aged_balance_per_salesperson(services: Services, ledger: Ledger) -> None:
    balance = services.receivables.aged_balance(AS_OF, by="salesperson")
    assert [(r.group_id, r.code, r.name, r.amounts) for r in balance.rows] == [
        (ledger.julie, str(ledger.julie), "Julie Fontaine", A_AMOUNTS),  # + Dupont: 0
        (ledger.marc, str(ledger.marc), "Marc Lefèvre", B_AMOUNTS),
        (None, "", "", C_AMOUNTS),  # customers without a salesperson, last
    ]
    assert balance.total == 1_578_055


def test_aged_balance_per_segment(services: Services, ledger: Ledger) -> None:
    balance = services.receivables.aged_balance(AS_OF, by=AgedBy.SEGMENT)
    pme = tuple(a + c for a, c in zip(A_AMOUNTS, C_AMOUNTS, strict=True))
    assert pme == (120_000, 467_000, 99_000, 0, 185_045, 1_010)
    # Dupont (no segment) has nothing open: no "(sans segment)" row.
    assert [(r.group_id, r.name, r.amounts, r.total) for r in balance.rows] == [
        (ledger.grands, "Grands comptes", B_AMOUNTS, 706_000),
        (ledger.pme, "PME fidèles", pme, 872_055),
    ]
    assert balance.totals == (150_000, 487_000, 179_000, 156_000, 185_045, 421_010)


def test_as_of_rule_issued_and_settled_dates(services: Services, ledger: Ledger) -> None:
    # On 25/03: FA-2026-0010 (settled 20/03) is gone, FA-2026-0120 (issued 20/03) is in.
    later = services.receivables.aged_balance(date(2026, 3, 25))
    row_a = next(r for r in later.rows if r.group_id == ledger.a)
    assert row_a.total == 529_045 - 99_000 + 50_000
    # On 14/11/2025: FA-2025-0700 (settled 15/11/2025) counts for its whole total, and
    # Dupont, whose only invoice was issued in January, is not there yet.
    early = services.receivables.aged_balance(date(2025, 11, 14))
    row_a = next(r for r in early.rows if r.group_id == ledger.a)
    # FA-2025-0700 due 31/10 (14 days late) and FA-2025-0890 issued 10/11, not due.
    assert row_a.amounts == (85_045, 200_000, 0, 0, 0, 0)
    assert ledger.d not in {r.group_id for r in early.rows}


def test_custom_buckets(services: Services, ledger: Ledger) -> None:
    buckets = AgingBuckets.from_upper_bounds(0, 60)
    balance = services.receivables.aged_balance(AS_OF, buckets=buckets)
    assert balance.keys == ("not_due", "1-60", "60+")
    row_b = next(r for r in balance.rows if r.group_id == ledger.b)
    assert row_b.amounts == (30_000, 100_000, 576_000)


def test_offsetting_items_keep_their_row(services: Services, ledger: Ledger) -> None:
    """A customer owing 100 € overdue with a 100 € credit note not yet due has a zero
    total but something to sort out: the row stays, so the columns add up."""
    other = services.customers.create(customer("Épicerie Fine Lenoir"))
    add_documents(
        services,
        other,
        [
            ("FA-2026-0300", INV, "2026-01-10", "2026-02-09", 10_000, 10_000, None),
            ("AV-2026-0300", CN, "2026-03-10", "2026-04-09", -10_000, -10_000, None),
        ],
    )
    balance = services.receivables.aged_balance(AS_OF)
    row = next(r for r in balance.rows if r.group_id == other)
    assert row.total == 0
    assert row.amounts == (-10_000, 0, 10_000, 0, 0, 0)  # the invoice is 35 days late
    assert sum(r.amounts[0] for r in balance.rows) == balance.totals[0]


def test_empty_file(services: Services) -> None:
    balance = services.receivables.aged_balance(AS_OF)
    assert balance.rows == ()
    assert balance.totals == (0,) * 6
    assert balance.total == 0


def test_drill_down_adds_up_to_the_row(services: Services, ledger: Ledger) -> None:
    items = services.receivables.aged_balance_documents(AS_OF, ledger.a)
    assert [(i.number, i.days_late, i.bucket_key, i.amount_cents) for i in items] == [
        ("FA-2025-0890", 96, "91-120", 85_045),
        ("FA-2026-0010", 40, "31-60", 99_000),  # settled 20/03: its total on 16/03
        ("FA-2026-0050", 25, "1-30", 240_000),
        ("AV-2026-0003", 19, "1-30", -15_000),
        ("FA-2026-0101", -16, "not_due", 120_000),
    ]
    assert items[3].kind is DocumentKind.CREDIT_NOTE
    assert sum(i.amount_cents for i in items) == 529_045
    assert services.receivables.aged_balance_documents(AS_OF, ledger.d) == []


def test_customer_documents_order_and_days_late(services: Services, ledger: Ledger) -> None:
    rows = services.receivables.customer_documents(ledger.a, as_of=AS_OF)
    assert [r.number for r in rows] == [
        # open, oldest due first
        "FA-2025-0890",
        "FA-2026-0050",
        "AV-2026-0003",
        "FA-2026-0101",
        "FA-2026-0120",
        # settled, most recently settled first
        "FA-2026-0010",
        "FA-2025-0700",
    ]
    by_number = {r.number: r for r in rows}
    part_paid = by_number["FA-2026-0050"]
    assert (part_paid.total_cents, part_paid.paid_cents, part_paid.open_cents) == (
        360_000,
        120_000,
        240_000,
    )
    assert part_paid.days_late == 25
    assert part_paid.is_open
    assert by_number["FA-2025-0890"].days_late == 96
    assert by_number["FA-2026-0101"].days_late is None  # not due yet
    assert by_number["FA-2026-0010"].days_late is None  # settled
    assert by_number["FA-2026-0010"].settled_on == date(2026, 3, 20)
    assert by_number["FA-2026-0010"].paid_cents == 99_000
    credit = by_number["AV-2026-0003"]
    assert (credit.kind, credit.total_cents, credit.paid_cents) == (CN, -15_000, 0)

    open_only = services.receivables.customer_documents(ledger.a, open_only=True, as_of=AS_OF)
    assert [r.number for r in open_only] == [r.number for r in rows[:5]]


def test_customer_documents_of_every_kind(services: Services, ledger: Ledger) -> None:
    rows = services.receivables.customer_documents(ledger.b, as_of=AS_OF)
    assert [(r.number, r.kind, r.days_late) for r in rows] == [
        ("FA-2025-0601", INV, 184),
        ("FA-2025-0950", INV, 75),
        ("FA-2026-0041", INV, 31),
        ("FA-2026-0040", INV, 30),
        ("RG-2026-0007", PAY, 6),
        ("EC-2026-0001", INST, None),  # due today: not late
    ]


def test_customer_balance(services: Services, ledger: Ledger) -> None:
    balance = services.receivables.customer_balance(ledger.a, AS_OF)
    assert balance.open_cents == 529_045
    assert balance.overdue_cents == 240_000 - 15_000 + 99_000 + 85_045
    assert balance.oldest_days_late == 96
    assert balance.open_count == 5
    b = services.receivables.customer_balance(ledger.b, AS_OF)
    assert (b.open_cents, b.overdue_cents, b.oldest_days_late, b.open_count) == (
        706_000,
        676_000,
        184,
        6,
    )
    settled = services.receivables.customer_balance(ledger.d, AS_OF)
    assert (settled.open_cents, settled.overdue_cents, settled.oldest_days_late) == (0, 0, None)
    assert settled.open_count == 0
    with pytest.raises(NotFoundError):
        services.receivables.customer_balance(999_999, AS_OF)


# --- DSO ------------------------------------------------------------------------------


@pytest.fixture
def sales_ledger(services: Services) -> int:
    """The brief's example: 150,000 € owed on 31/03/2026 for sales of 50,000 € in
    January, 60,000 € net in February (65,000 invoiced, a 5,000 credit note) and
    80,000 € in March; a payment and an expected instalment are not sales."""
    cid = services.customers.create(customer("Menuiserie Girard & Fils"))
    add_documents(
        services,
        cid,
        [
            ("FA-2026-0001", INV, "2026-01-10", "2026-02-09", 5_000_000, 1_000_000, None),
            ("FA-2026-0020", INV, "2026-02-12", "2026-03-14", 6_500_000, 6_500_000, None),
            ("AV-2026-0001", CN, "2026-02-20", "2026-02-20", -500_000, -500_000, None),
            ("FA-2026-0030", INV, "2026-03-05", "2026-04-04", 8_000_000, 8_000_000, None),
            ("RG-2026-0001", PAY, "2026-03-15", "2026-03-15", -2_000_000, 0, "2026-03-15"),
            ("EC-2026-0002", INST, "2026-03-01", "2026-03-20", 1_000_000, 0, "2026-03-20"),
        ],
    )
    return cid


def test_dso_both_methods_at_a_month_end(services: Services, sales_ledger: int) -> None:
    end = date(2026, 3, 31)
    countback = services.receivables.dso(end, "countback")
    assert countback.receivables_cents == 15_000_000
    assert countback.days == pytest.approx(65.2)
    assert countback.rounded == 65.2
    assert countback.months == 3
    assert not countback.capped
    accounting = services.receivables.dso(end, DsoMethod.ACCOUNTING, months=3)
    assert accounting.sales_cents == 19_000_000
    assert accounting.period_days == 90
    assert accounting.days == pytest.approx(150_000 / 190_000 * 90)
    assert accounting.rounded == 71.1


def test_dso_mid_month(services: Services, sales_ledger: int) -> None:
    # On 16/03 the instalment settled on 20/03 is still owed (10,000 €): 160,000 €
    # for 190,000 € of sales over 1–16 March + February + January = 75 days.
    result = services.receivables.dso(AS_OF, "accounting", months=3)
    assert result.receivables_cents == 16_000_000
    assert result.sales_cents == 19_000_000
    assert result.period_days == 75
    assert result.days == pytest.approx(160_000 / 190_000 * 75)


def test_dso_without_sales(services: Services) -> None:
    assert services.receivables.dso(AS_OF).days == 0.0  # nothing owed
    with pytest.raises(ValueError):
        services.receivables.dso(AS_OF, months=0)
    with pytest.raises(ValueError):
        services.receivables.dso(AS_OF, "weekly")


def test_dso_trend(services: Services, sales_ledger: int) -> None:
    end = date(2026, 3, 31)
    trend = services.receivables.dso_trend(end, "accounting", months=3)
    assert [p.month_end for p in trend] == [date(2026, 1, 31), date(2026, 2, 28), end]
    # 31/01: 10,000 € still open today (the approximation) for 50,000 € over 92 days.
    # 28/02: 70,000 € for 110,000 € over 90 days. 31/03: 71.05, as dso() says.
    assert [p.receivables_cents for p in trend] == [1_000_000, 7_000_000, 15_000_000]
    assert [p.sales_cents for p in trend] == [5_000_000, 11_000_000, 19_000_000]
    assert trend[0].days == pytest.approx(10_000 / 50_000 * 92)
    assert trend[1].days == pytest.approx(70_000 / 110_000 * 90)
    assert trend[2].days == services.receivables.dso(end, "accounting").days

    countback = services.receivables.dso_trend(end, "countback", months=12)
    assert len(countback) == 12
    assert countback[-1].days == pytest.approx(65.2)
    assert countback[0].month_end == date(2025, 4, 30)
    assert countback[0].days == 0.0  # nothing owed in April 2025
    # The mid-month last point is dso(as_of) itself.
    mid = services.receivables.dso_trend(AS_OF, "accounting")
    assert mid[-1].month_end == AS_OF
    assert mid[-1].days == services.receivables.dso(AS_OF).days
