"""Invoices, credit notes, payments and settlements in a customer's timeline."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

from desktop.domain.enums import DocumentKind
from desktop.persistence import bulk
from desktop.persistence.models import Document, Payment, PaymentAllocation
from desktop.services.registry import Services
from desktop.services.timeline import TimelineKind
from tests.db.factories import SIRENS, customer

DOC_KINDS = {
    TimelineKind.INVOICE,
    TimelineKind.CREDIT_NOTE,
    TimelineKind.PAYMENT,
    TimelineKind.INVOICE_SETTLED,
}


def document(
    doc_id: int,
    customer_id: int,
    number: str,
    issued: date,
    total: int,
    open_cents: int,
    *,
    kind: DocumentKind = DocumentKind.INVOICE,
    settled_on: date | None = None,
    corrects_id: int | None = None,
    label: str = "",
) -> dict[str, object]:
    at = datetime(2026, 3, 1, 9, 0)
    return {
        "id": doc_id,
        "customer_id": customer_id,
        "kind": kind.value,
        "number": number,
        "issued_on": issued,
        "due_on": issued + timedelta(days=30) if kind is DocumentKind.INVOICE else issued,
        "total_cents": total,
        "vat_cents": None,
        "open_cents": open_cents,
        "settled_on": settled_on,
        "corrects_id": corrects_id,
        "label": label,
        "import_source": "",
        "matching_code": "",
        "created_at": at,
        "updated_at": at,
    }


def payment(pid: int, customer_id: int, on: date, cents: int, reference: str) -> dict[str, object]:
    at = datetime.combine(on, datetime.min.time())
    return {
        "id": pid,
        "customer_id": customer_id,
        "received_on": on,
        "amount_cents": cents,
        "reference": reference,
        "method": "transfer",
        "import_source": "",
        "created_at": at,
        "updated_at": at,
    }


def test_documents_appear_newest_first_with_their_facts(services: Services) -> None:
    cid = services.customers.create(customer("Dupont & Fils <SARL>", siren=SIRENS[0]))
    with services.database.transaction() as session:
        bulk.insert_rows(
            session,
            Document,
            [
                document(1, cid, "FA-2026-000001", date(2026, 1, 5), 1_200_00, 0,
                         settled_on=date(2026, 2, 10)),
                document(2, cid, "FA-2026-000002", date(2026, 1, 20), 600_00, 600_00),
                document(3, cid, "AV-2026-000001", date(2026, 1, 25), -100_00, -100_00,
                         kind=DocumentKind.CREDIT_NOTE, corrects_id=2,
                         label="Avoir sur FA-2026-000002"),
                document(4, cid, "VIR-0042", date(2026, 3, 2), -50_00, -50_00,
                         kind=DocumentKind.PAYMENT),
            ],
        )  # fmt: skip
        bulk.insert_rows(
            session, Payment, [payment(1, cid, date(2026, 2, 10), 1_200_00, "VIR FA-2026-000001")]
        )
        bulk.insert_rows(
            session,
            PaymentAllocation,
            [{"payment_id": 1, "document_id": 1, "amount_cents": 1_200_00}],
        )

    timeline = services.timeline.for_customer(cid)
    docs = [e for e in timeline if e.kind in DOC_KINDS]
    assert [(e.kind, e.on) for e in docs] == [
        (TimelineKind.PAYMENT, date(2026, 3, 2)),
        (TimelineKind.INVOICE_SETTLED, date(2026, 2, 10)),
        (TimelineKind.PAYMENT, date(2026, 2, 10)),
        (TimelineKind.CREDIT_NOTE, date(2026, 1, 25)),
        (TimelineKind.INVOICE, date(2026, 1, 20)),
        (TimelineKind.INVOICE, date(2026, 1, 5)),
    ]
    # The whole timeline is newest first, the record's creation (today, after the
    # history was imported) included.
    days = [e.on for e in timeline]
    assert days == sorted(days, reverse=True)
    assert timeline[0].kind is TimelineKind.CREATED

    on_account, settled, paid, credit, second, first = docs
    assert first.ref_id == 1 and first.facts == {
        "number": "FA-2026-000001",
        "amount_cents": "120000",
        "due_on": "2026-02-04",
        "open_cents": "0",
        "label": "",
    }
    assert second.facts["open_cents"] == "60000"
    assert credit.facts == {
        "number": "AV-2026-000001",
        "amount_cents": "10000",
        "corrects": "FA-2026-000002",
        "label": "Avoir sur FA-2026-000002",
    }
    assert paid.ref_id == 1 and paid.facts == {
        "amount_cents": "120000",
        "reference": "VIR FA-2026-000001",
        "method": "transfer",
        "invoices": "FA-2026-000001",
        "invoice_count": "1",
        "source": "payment",
    }
    assert settled.ref_id == 1 and settled.facts == {
        "number": "FA-2026-000001",
        "amount_cents": "120000",
        "due_on": "2026-02-04",
        "days_late": "6",
    }
    assert on_account.ref_id == 4 and on_account.facts["source"] == "document"
    assert on_account.facts["amount_cents"] == "5000"
    assert on_account.facts["reference"] == "VIR-0042"
    # Facts are plain strings for the UI to word.
    assert all(isinstance(v, str) for e in timeline for v in e.facts.values())


def test_thousands_of_documents_stay_bounded(services: Services) -> None:
    cid = services.customers.create(customer("Gros Client SA", siren=SIRENS[1]))
    start = date(2020, 1, 1)
    n = 3000
    with services.database.transaction() as session:
        bulk.insert_rows(
            session,
            Document,
            (
                document(i + 1, cid, f"FA-{i:06d}", start + timedelta(days=i // 3), 100_00, 0,
                         settled_on=start + timedelta(days=i // 3 + 40))
                for i in range(n)
            ),
        )  # fmt: skip
        bulk.insert_rows(
            session,
            Payment,
            (
                payment(i + 1, cid, start + timedelta(days=i // 3 + 40), 100_00, "VIR")
                for i in range(n)
            ),
        )
        bulk.insert_rows(
            session,
            PaymentAllocation,
            ({"payment_id": i + 1, "document_id": i + 1, "amount_cents": 100_00} for i in range(n)),
        )
    began = time.perf_counter()
    timeline = services.timeline.for_customer(cid, limit=50)
    elapsed = time.perf_counter() - began
    assert len(timeline) == 50
    days = [e.on for e in timeline]
    assert days == sorted(days, reverse=True)
    assert timeline[0].kind is TimelineKind.CREATED  # today
    # Then the newest events: the last settlements and payments, 40 days after the last
    # invoices.
    assert timeline[1].on == start + timedelta(days=(n - 1) // 3 + 40)
    assert {e.kind for e in timeline[1:]} == {TimelineKind.PAYMENT, TimelineKind.INVOICE_SETTLED}
    assert elapsed < 1.0, elapsed
    # The default limit holds too.
    assert len(services.timeline.for_customer(cid)) == 500


def test_a_customer_without_documents_has_the_same_timeline_as_before(
    services: Services,
) -> None:
    cid = services.customers.create(customer("Sans Factures SARL", siren=SIRENS[2]))
    kinds = [e.kind for e in services.timeline.for_customer(cid)]
    assert kinds == [TimelineKind.CREATED]
