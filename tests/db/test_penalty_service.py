"""PenaltyService on a real file: which invoices count, customer terms, Belgian reminders,
the query count of `for_customers`, the rate table and its validation; the contract rate
saved through the customer service."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import event

from desktop.domain.enums import (
    ActionStatus,
    Channel,
    Country,
    CustomerStatus,
    DocumentKind,
    InsolvencyKind,
    RateKind,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.domain.penalties import PenaltyBasis
from desktop.persistence.models import AuditEntry, Document, ReminderAction, ReminderActionItem
from desktop.services.registry import Services
from tests.db.factories import BE_NUMBERS, SIRENS, belgian, customer

AS_OF = date(2026, 3, 16)


def add_invoice(
    services: Services,
    customer_id: int,
    number: str,
    due: date,
    open_cents: int,
    *,
    issued: date | None = None,
    total: int | None = None,
    kind: DocumentKind = DocumentKind.INVOICE,
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=kind.value,
            number=number,
            issued_on=issued or date(due.year, due.month, 1),
            due_on=due,
            total_cents=total if total is not None else open_cents,
            open_cents=open_cents,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


@contextmanager
def counting_queries(services: Services) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)


def test_the_brief_example_on_a_file(services: Services) -> None:
    """15 000 € due 14 February 2026, 30 days later, at a 15 % contract rate: 184,93 €."""
    cid = services.customers.create(
        customer("Dupont & Fils <SARL>", siren=SIRENS[0], penalty_rate_bp=1500)
    )
    doc = add_invoice(services, cid, "FA-2026-0001", date(2026, 2, 14), 1_500_000)
    result = services.penalties.for_customer(cid, date(2026, 3, 16))
    assert result.name == "Dupont & Fils <SARL>"
    assert result.basis is PenaltyBasis.CONTRACT
    (line,) = result.invoices
    assert (line.document_id, line.days_late, line.rate_bp) == (doc, 30, 1500)
    assert line.penalty_cents == 18_493 and line.indemnity_cents == 4_000
    assert (result.penalty_cents, result.indemnity_cents, result.total_cents) == (
        18_493,
        4_000,
        22_493,
    )


def test_only_open_late_invoices_count(services: Services) -> None:
    cid = services.customers.create(customer("Menuiserie Lefèvre & Cie", siren=SIRENS[1]))
    late = add_invoice(services, cid, "FA-2026-0010", date(2026, 1, 31), 240_000, total=300_000)
    add_invoice(services, cid, "FA-2026-0011", date(2026, 4, 15), 90_000)  # not yet due
    add_invoice(services, cid, "FA-2026-0012", date(2026, 1, 10), 0, total=50_000)  # paid
    add_invoice(
        services, cid, "AV-2026-0001", date(2026, 1, 5), -20_000, kind=DocumentKind.CREDIT_NOTE
    )
    add_invoice(  # issued after the date asked for
        services, cid, "FA-2026-0013", date(2026, 3, 1), 10_000, issued=date(2026, 3, 20)
    )
    result = services.penalties.for_customer(cid, AS_OF)
    assert [i.document_id for i in result.invoices] == [late]
    (line,) = result.invoices
    assert line.open_cents == 240_000  # what is still open, not the invoice total
    assert line.penalty_cents == round(240_000 * 1215 * 44 / 3_650_000)
    assert result.rate_bp == 1215  # ECB 2,15 % in force on 1 January 2026 + 10 points


def test_consumer_insolvency_and_unknown_customer(services: Services) -> None:
    consumer = services.customers.create(customer("Mme Hélène d'Arcy", is_consumer=True))
    add_invoice(services, consumer, "FA-2026-0020", date(2026, 1, 31), 100_000)
    result = services.penalties.for_customer(consumer, AS_OF)
    assert result.indemnity_cents == 0 and result.penalty_cents > 0
    assert result.rate_bp == 276  # legal interest rate (no fr_legal_other row shipped)

    insolvent = services.customers.create(
        customer(
            "Transports Bérard & Fils",
            siren=SIRENS[2],
            status=CustomerStatus.INSOLVENCY,
            insolvency_kind=InsolvencyKind.RECEIVERSHIP,
            insolvency_opened_on=date(2026, 2, 10),
            bodacc_published_on=date(2026, 2, 20),
        )
    )
    add_invoice(services, insolvent, "FA-2026-0030", date(2026, 1, 31), 100_000)
    add_invoice(services, insolvent, "FA-2026-0031", date(2026, 2, 28), 100_000)
    result = services.penalties.for_customer(insolvent, AS_OF)
    assert result.accrual_stops_on == date(2026, 2, 10)
    first, second = result.invoices
    assert [p.days for p in first.periods] == [10]
    assert second.penalty_cents == 0 and second.indemnity_cents == 0
    assert result.indemnity_cents == 4_000

    with pytest.raises(NotFoundError):
        services.penalties.for_customer(999_999, AS_OF)


def test_belgian_consumer_counts_from_14_days_after_the_first_written_reminder(
    services: Services,
) -> None:
    cid = services.customers.create(
        belgian("M. Jean-Pierre Dubois", is_consumer=True, enterprise_number="")
    )
    doc = add_invoice(services, cid, "FA-2026-0040", date(2026, 1, 31), 150_000)
    assert services.penalties.for_customer(cid, AS_OF).penalty_cents == 0
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for channel, done_on in (
            (Channel.PHONE, date(2026, 2, 3)),  # a call does not count
            (Channel.LETTER, date(2026, 2, 10)),
            (Channel.EMAIL, date(2026, 2, 20)),
        ):
            action = ReminderAction(
                customer_id=cid,
                channel=channel.value,
                planned_on=done_on,
                status=ActionStatus.DONE.value,
                done_on=done_on,
                total_cents=150_000,
                created_at=now,
                updated_at=now,
            )
            session.add(action)
            session.flush()
            session.add(ReminderActionItem(action_id=action.id, document_id=doc, amount_cents=1))
    result = services.penalties.for_customer(cid, AS_OF)
    (line,) = result.invoices
    assert [(p.first_day, p.days, p.rate_bp) for p in line.periods] == [
        (date(2026, 2, 25), 20, 1050)
    ]
    assert result.indemnity_cents == 0
    assert result.basis is PenaltyBasis.BE_CONSUMER


def test_for_customers_runs_a_fixed_number_of_queries(services: Services) -> None:
    ids = []
    for n in range(60):
        is_belgian = n % 3 == 0
        draft = (
            belgian(f"Brasserie n° {n} & Fils", is_consumer=n % 2 == 0)
            if is_belgian
            else customer(f"Épicerie « Chez Anaïs » n° {n}", is_consumer=n % 2 == 0)
        )
        cid = services.customers.create(draft)
        ids.append(cid)
        for k in range(3):
            add_invoice(services, cid, f"FA-{n:03d}-{k}", date(2026, 1, 10 + k), 10_000 * (k + 1))
    with counting_queries(services) as queries:
        result = services.penalties.for_customers([*ids, 424_242], AS_OF)
    assert set(result) == set(ids)
    # rates, customers, invoices, first reminders of Belgian consumers (+ BEGIN)
    assert len(queries) <= 5, queries
    assert all(len(r.invoices) == 3 for r in result.values())
    assert result[ids[1]].indemnity_cents == 12_000  # French business, 3 late invoices


def test_rates_are_listed_and_validated(services: Services) -> None:
    rows = services.penalties.rates()
    assert [(r.kind, r.valid_from, r.rate_bp) for r in rows][:2] == [
        (RateKind.ECB_MAIN_REFINANCING, date(2025, 6, 11), 215),
        (RateKind.ECB_MAIN_REFINANCING, date(2025, 4, 23), 240),
    ]
    assert not any(r.user_added for r in rows)

    new_id = services.penalties.add_rate(
        RateKind.FR_LEGAL_INTEREST_PROFESSIONAL, date(2026, 1, 1), 662, "Arrêté du 22 décembre 2025"
    )
    added = next(r for r in services.penalties.rates() if r.id == new_id)
    assert added.user_added and added.source == "Arrêté du 22 décembre 2025"
    # The floor of contract rates follows the new row: 3 × 6,62 %.
    assert services.penalties.contract_rate_floor(AS_OF) == 1986

    with pytest.raises(ValidationError) as caught:
        services.penalties.add_rate(
            RateKind.FR_LEGAL_INTEREST_PROFESSIONAL, date(2026, 1, 1), 700, "Doublon"
        )
    assert caught.value.codes() == {"valid_from": ErrorCode.DUPLICATE_RATE}
    assert caught.value.errors[0].params["rate"] == "6,62\u00a0%"

    with pytest.raises(ValidationError) as caught:
        services.penalties.add_rate(RateKind.BE_LATE_PAYMENT, None, -5, "  ")
    assert caught.value.codes() == {
        "valid_from": ErrorCode.REQUIRED,
        "rate_bp": ErrorCode.NEGATIVE_AMOUNT,
        "source": ErrorCode.REQUIRED,
    }
    with pytest.raises(ValidationError) as caught:
        services.penalties.add_rate(RateKind.BE_LATE_PAYMENT, date(2026, 7, 1), 12_000, "SPF")
    assert caught.value.codes() == {"rate_bp": ErrorCode.RATE_OUT_OF_RANGE}


def test_only_user_added_rates_can_be_deleted_with_an_audit_trail(services: Services) -> None:
    shipped = services.penalties.rates()[0]
    with pytest.raises(ValidationError) as caught:
        services.penalties.delete_rate(shipped.id)
    assert caught.value.codes() == {"rate": ErrorCode.SHIPPED_RATE}

    new_id = services.penalties.add_rate(
        RateKind.ECB_MAIN_REFINANCING, date(2026, 6, 10), 190, "BCE, communiqué du 4 juin"
    )
    services.penalties.delete_rate(new_id)
    assert new_id not in {r.id for r in services.penalties.rates()}
    with services.database.read() as session:
        actions = [
            (a.action, a.actor)
            for a in session.query(AuditEntry).filter_by(entity="legal_rate", entity_id=new_id)
        ]
    assert actions == [("create", "Camille Test"), ("delete", "Camille Test")]
    with pytest.raises(NotFoundError):
        services.penalties.delete_rate(new_id)


def test_contract_rate_is_saved_and_checked_against_the_floor(services: Services) -> None:
    draft = customer("Dupont & Fils <SARL>", siren=SIRENS[3], penalty_rate_bp=800)
    with pytest.raises(ValidationError) as caught:
        services.customers.create(draft)
    error = caught.value.errors[0]
    assert error.code is ErrorCode.PENALTY_RATE_TOO_LOW
    assert error.params == {"min": "8,28\u00a0%"}  # 3 × 2,76 % in force on 16 March 2026

    cid = services.customers.create(replace(draft, penalty_rate_bp=1250))
    assert services.customers.get(cid).draft.penalty_rate_bp == 1250
    services.customers.update(cid, replace(draft, penalty_rate_bp=None))
    assert services.customers.get(cid).draft.penalty_rate_bp is None

    # Belgian law knows no such floor: a Belgian customer's contract rate is as agreed.
    be = services.customers.create(
        belgian(enterprise_number=BE_NUMBERS[0], country=Country.BELGIUM, penalty_rate_bp=500)
    )
    assert services.customers.get(be).draft.penalty_rate_bp == 500


def test_statement_mentions_still_read_the_rate_table(services: Services) -> None:
    cid = services.customers.create(customer("Dupont & Fils <SARL>", siren=SIRENS[4]))
    data = services.statements.statement(cid, AS_OF)
    assert "soit 12,15\u00a0% pour le 1er semestre 2026" in data.penalty_mention
