"""Salesperson scorecards against hand counts (issue 7: "Tests cover … scorecard figures
against hand counts").

A small file with two salespeople, Élodie Dupré and François N'Diaye, built by the
services with the clock and the signing name set to each event's day and author. The
period is 01/01/2026–28/02/2026; things dated in March sit after it and must not count.
Every expected figure below is counted by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.domain.aging import AgedBy
from desktop.domain.clock import FixedClock
from desktop.domain.disputes import DisputeDraft, DisputeLine, ResolutionDraft
from desktop.domain.enums import (
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeResolution,
    DocumentKind,
    InsolvencyKind,
    Profile,
    PromiseStatus,
)
from desktop.domain.visit import VisitReportDraft
from desktop.persistence.database import Database
from desktop.persistence.migrations import open_or_create
from desktop.persistence.models import Document, PromiseToPay, Task
from desktop.services.registry import Services, build_services
from tests.db.factories import customer

START, END = date(2026, 1, 1), date(2026, 2, 28)
ELODIE, FRANCOIS, HELENE = "Élodie Dupré", "François N'Diaye", "Hélène Marchand"
EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL>"
LEFEVRE = "Menuiserie Lefèvre & Associés"
ABBAYE = "Brasserie de l'Abbaye SPRL"
ARDECHE = "Épicerie fine d'Ardèche"
GARAGE = "Garage du Centre « Chez Dédé »"


@dataclass
class Office:
    services: Services
    clock: FixedClock
    actor: list[str]

    def at(self, day: date, who: str = HELENE, hour: int = 10) -> None:
        """Work on `day`, signed `who`, from now on."""
        self.clock.moment = datetime(day.year, day.month, day.day, hour, 0)
        self.actor[0] = who


@dataclass
class File:
    office: Office
    elodie: int
    francois: int
    owner: int
    epi: int
    dupont: int
    lefevre: int
    abbaye: int
    ardeche: int
    garage: int


@pytest.fixture
def office(db_path: Path) -> Iterator[Office]:
    clock = FixedClock(datetime(2026, 3, 16, 9, 30))
    open_or_create(db_path, now=clock.now(), app_version="test")
    actor = [HELENE]
    built = build_services(Database.at(db_path), clock, lambda: actor[0])
    yield Office(built, clock, actor)
    built.close()


def doc(
    office: Office,
    cid: int,
    number: str,
    issued: str,
    due: str,
    total: int,
    *,
    settled: str | None = None,
    kind: DocumentKind = DocumentKind.INVOICE,
) -> int:
    """A document as the accounting import leaves it: settled ones have nothing open."""
    services = office.services
    now = services.context.clock.now()
    with services.database.transaction() as session:
        row = Document(
            customer_id=cid,
            kind=kind.value,
            number=number,
            issued_on=date.fromisoformat(issued),
            due_on=date.fromisoformat(due),
            total_cents=total,
            open_cents=0 if settled else total,
            settled_on=date.fromisoformat(settled) if settled else None,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return row.id


def new_customer(office: Office, name: str, created: date, salesperson: int | None, **kw) -> int:  # type: ignore[no-untyped-def]
    office.at(created)
    return office.services.customers.create(customer(name, salesperson_id=salesperson, **kw))


def open_dispute(office: Office, cid: int, document: int, cents: int, on: date) -> int:
    office.at(on)
    return office.services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(document, cents),),
            category=DisputeCategory.DAMAGED,
            description="Palettes abîmées à la livraison, réserves sur le bon du transporteur.",
            reported_by="Mme Hélène Dupré",
            reported_on=on,
            department=Department.SALES,
        )
    )


def answer_task(office: Office, dispute_id: int, who: str, on: date) -> None:
    with office.services.database.read() as session:
        task_id = session.scalar(select(Task.id).where(Task.dispute_id == dispute_id))
    office.at(on, who)
    office.services.tasks.complete(task_id, "Vu avec le client : le chauffeur confirme la casse.")


def gesture(office: Office, dispute_id: int, on: date) -> None:
    office.at(on, HELENE, 17)
    office.services.disputes.resolve(
        dispute_id,
        ResolutionDraft(
            DisputeResolution.COMMERCIAL_GESTURE, amount_cents=5_000, approved_by=HELENE
        ),
    )


@pytest.fixture
def file(office: Office) -> File:
    s = office.services
    office.at(date(2024, 1, 2))
    elodie = s.reference.add_user(ELODIE, Profile.SALESPERSON)
    francois = s.reference.add_user(FRANCOIS, Profile.SALESPERSON)
    owner = s.reference.add_user(HELENE, Profile.OWNER)
    gone = s.reference.add_user("Bruno Ancien", Profile.SALESPERSON)
    s.reference.set_user_active(gone, False)  # no customers left: no scorecard

    # --- customers ------------------------------------------------------------------------
    # Élodie: Épi (old), Dupont and Lefèvre (new: created within 01/03/2025–28/02/2026),
    # a prospect (never counted) and Riviera, created after the period.
    epi = new_customer(office, EPI, date(2024, 5, 10), elodie)
    dupont = new_customer(office, DUPONT, date(2025, 6, 1), elodie, siren="552100554")
    lefevre = new_customer(office, LEFEVRE, date(2025, 11, 20), elodie)
    new_customer(
        office, "Prospect Éclair & Cie", date(2026, 1, 10), elodie, status=CustomerStatus.PROSPECT
    )
    new_customer(office, "Hôtel Riviera", date(2026, 3, 10), elodie)
    # François: Abbaye created 01/02/2025 (before the twelve months), Ardèche new.
    abbaye = new_customer(office, ABBAYE, date(2025, 2, 1), francois)
    ardeche = new_customer(office, ARDECHE, date(2025, 9, 15), francois)
    # Nobody's: Garage.
    garage = new_customer(office, GARAGE, date(2024, 1, 1), None)

    # --- documents (TTC cents) ------------------------------------------------------------
    office.at(date(2026, 3, 16))
    a1 = doc(office, epi, "FA-2026-0005", "2026-01-05", "2026-02-04", 120_000)
    doc(office, epi, "FA-2026-0061", "2026-02-20", "2026-03-22", 80_000)
    doc(office, epi, "FA-2025-0850", "2025-12-01", "2025-12-31", 200_000, settled="2026-01-20")
    doc(office, epi, "FA-2025-0871", "2025-12-15", "2026-01-14", 100_000, settled="2026-01-10")
    b1 = doc(office, dupont, "FA-2025-0700", "2025-11-01", "2025-12-01", 300_000)
    doc(
        office, dupont, "AV-2026-0002", "2026-01-10", "2026-01-10", -50_000,
        kind=DocumentKind.CREDIT_NOTE,
    )  # fmt: skip
    doc(office, dupont, "FA-2025-0866", "2025-12-01", "2025-12-31", 100_000, settled="2026-02-09")
    doc(office, lefevre, "FA-2026-0090", "2026-03-02", "2026-04-01", 70_000)
    doc(office, lefevre, "FA-2025-0610", "2025-10-01", "2025-10-31", 50_000, settled="2026-03-10")
    e1 = doc(office, abbaye, "FA-2025-0500", "2025-09-01", "2025-10-01", 400_000)
    doc(office, abbaye, "FA-2025-0880", "2025-12-01", "2025-12-31", 60_000, settled="2026-01-30")
    f1 = doc(office, ardeche, "FA-2026-0040", "2026-02-01", "2026-03-03", 90_000)
    doc(office, ardeche, "FA-2025-0720", "2025-11-15", "2025-12-15", 40_000, settled="2025-12-20")
    doc(office, garage, "FA-2026-0020", "2026-01-15", "2026-02-14", 25_000)

    # --- visit reports ----------------------------------------------------------------------
    for author, cid, day in [
        (elodie, epi, date(2026, 1, 10)),
        (elodie, dupont, date(2026, 2, 27)),
        (elodie, epi, date(2025, 12, 20)),  # before the period
        (elodie, lefevre, date(2026, 3, 2)),  # after it
        (francois, abbaye, date(2026, 2, 28)),  # the last day counts
        (francois, lefevre, date(2026, 1, 30)),  # François visiting Élodie's customer
    ]:
        office.at(day)
        s.visits.create(VisitReportDraft(customer_id=cid, visit_date=day, author_id=author))

    # --- promises to pay --------------------------------------------------------------------
    outcomes = {}
    for cid, day, cents, status in [
        (epi, date(2026, 1, 10), 100_000, PromiseStatus.KEPT),
        (dupont, date(2026, 2, 15), 30_000, PromiseStatus.BROKEN),
        (lefevre, date(2026, 3, 5), 20_000, PromiseStatus.PENDING),  # after the period
        (abbaye, date(2026, 2, 25), 45_000, PromiseStatus.PENDING),
    ]:
        office.at(day)
        outcomes[s.promises.record(cid, date.fromordinal(day.toordinal() + 10), cents)] = status
    # What the reminder engine's check would have found since (the ledger above is the
    # state of today, so the check itself cannot replay it): set the outcomes.
    with s.database.transaction() as session:
        for pid, status in outcomes.items():
            session.execute(
                update(PromiseToPay).where(PromiseToPay.id == pid).values(status=status.value)
            )

    # --- disputes -----------------------------------------------------------------------------
    # D1 on Épi (Élodie's): Élodie answers its task on 25/01, closed on 05/02.
    d1 = open_dispute(office, epi, a1, 20_000, date(2026, 1, 20))
    answer_task(office, d1, ELODIE, date(2026, 1, 25))
    gesture(office, d1, date(2026, 2, 5))
    # D2 on Abbaye (François's): François never answers, Élodie covers for him with a note
    # on 15/01; rejected on 15/02.
    d2 = open_dispute(office, abbaye, e1, 50_000, date(2026, 1, 12))
    office.at(date(2026, 1, 15), ELODIE)
    s.disputes.add_note(d2, "Passée chez le client : le gérant reconnaît une erreur de saisie.")
    office.at(date(2026, 2, 15), HELENE)
    s.disputes.reject(d2, "Livraison conforme, bon signé sans réserve.")
    # D3 on Dupont (Élodie's): answered on 03/02 but closed on 05/03, after the period.
    d3 = open_dispute(office, dupont, b1, 30_000, date(2026, 2, 1))
    answer_task(office, d3, ELODIE, date(2026, 2, 3))
    gesture(office, d3, date(2026, 3, 5))
    # D4 on Ardèche (François's): François answers on 06/02, closed on 10/02.
    d4 = open_dispute(office, ardeche, f1, 10_000, date(2026, 2, 5))
    answer_task(office, d4, FRANCOIS, date(2026, 2, 6))
    gesture(office, d4, date(2026, 2, 10))

    # --- blocks and insolvencies ---------------------------------------------------------------
    office.at(date(2026, 2, 10))
    s.blocking.block_now(dupont, "Encours au-delà du plafond, aucun règlement depuis décembre.")
    office.at(date(2026, 2, 20))
    s.blocking.record_insolvency(
        abbaye, InsolvencyKind.RECEIVERSHIP, date(2026, 2, 18), date(2026, 2, 20)
    )
    office.at(date(2026, 3, 5))  # after the period: does not count for it
    s.blocking.record_insolvency(
        ardeche, InsolvencyKind.LIQUIDATION, date(2026, 3, 5), date(2026, 3, 6)
    )
    office.at(date(2026, 3, 16), HELENE)
    return File(office, elodie, francois, owner, epi, dupont, lefevre, abbaye, ardeche, garage)


def cards_of(file: File) -> dict[str, object]:
    cards = file.office.services.scorecards.for_period(START, END)
    return {card.name: card for card in cards}


def test_one_scorecard_per_salesperson_then_the_unassigned_line(file: File) -> None:
    cards = file.office.services.scorecards.for_period(START, END)
    # Sorted by name (É sorts as E); the inactive salesperson without customers and the
    # owner get none; Garage's line comes last.
    assert [(c.salesperson_id, c.name) for c in cards] == [
        (file.elodie, ELODIE),
        (file.francois, FRANCOIS),
        (None, ""),
    ]
    assert all((c.start, c.end) == (START, END) for c in cards)


def test_portfolio_and_outstanding_by_hand(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Élodie: Épi, Dupont, Lefèvre (the prospect and Riviera, created 10/03, do not count).
    assert elodie.customer_count == 3
    # On 28/02: Épi 1 200 + 800, Dupont 3 000 − 500, Lefèvre 500 (settled on 10/03, so
    # still owed on 28/02; its March invoice is not issued yet) = 5 000,00 €.
    assert elodie.open_cents == 120_000 + 80_000 + 300_000 - 50_000 + 50_000 == 500_000
    # Overdue: everything but Épi's 800 due on 22/03 = 4 200,00 € → 84,00 %.
    assert elodie.overdue_cents == 420_000
    assert elodie.overdue_share_bp == 8_400
    # François: Abbaye 4 000 overdue, Ardèche 900 due 03/03 → 4 000 / 4 900 = 81,63 %.
    assert francois.customer_count == 2
    assert (francois.open_cents, francois.overdue_cents) == (490_000, 400_000)
    assert francois.overdue_share_bp == 8_163
    assert (nobody.customer_count, nobody.open_cents, nobody.overdue_cents) == (1, 25_000, 25_000)
    assert nobody.overdue_share_bp == 10_000


def test_outstanding_agrees_with_the_aged_balance_by_salesperson(file: File) -> None:
    services = file.office.services
    balance = services.receivables.aged_balance(END, by=AgedBy.SALESPERSON)
    by_group = {row.group_id: (row.total, row.overdue) for row in balance.rows}
    cards = services.scorecards.for_period(START, END)
    assert {c.salesperson_id: (c.open_cents, c.overdue_cents) for c in cards} == by_group


def test_average_days_late_by_hand(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Élodie's invoices settled in the period: 2 000 € 20 days late (due 31/12, settled
    # 20/01), 1 000 € paid early (0), 1 000 € 40 days late (due 31/12, settled 09/02).
    # Lefèvre's, settled 10/03, is after the period.
    # (200 000 × 20 + 100 000 × 0 + 100 000 × 40) / 400 000 = 20,0 days.
    assert (elodie.paid.invoice_count, elodie.paid.late_count) == (3, 2)
    assert elodie.paid.amount_cents == 400_000
    assert elodie.paid.average_tenths == 200
    # François: 600 € 30 days late; Ardèche's, settled 20/12/2025, is before the period.
    assert (francois.paid.invoice_count, francois.paid.average_tenths) == (1, 300)
    assert nobody.paid.invoice_count == 0 and nobody.paid.average_tenths is None


def test_new_customers_later_blocked_by_hand(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Élodie: Dupont (01/06/2025) and Lefèvre (20/11/2025); Dupont blocked on 10/02.
    assert (elodie.new_customers, elodie.new_customers_blocked) == (2, 1)
    assert elodie.blocked_share_bp == 5_000
    # François: Ardèche only (Abbaye, created 01/02/2025, is older than twelve months);
    # its liquidation opened on 05/03, after the period: not counted for it.
    assert (francois.new_customers, francois.new_customers_blocked) == (1, 0)
    assert francois.blocked_share_bp == 0
    assert (nobody.new_customers, nobody.blocked_share_bp) == (0, None)


def test_the_insolvency_counts_once_the_period_reaches_it(file: File) -> None:
    francois = file.office.services.scorecards.for_period(
        date(2026, 1, 1), date(2026, 3, 16), file.francois
    )[0]
    assert (francois.new_customers, francois.new_customers_blocked) == (1, 1)


def test_disputes_helped_and_closed_by_hand(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Closed in the period: D1 (Épi, 05/02), D2 (Abbaye, rejected 15/02), D4 (Ardèche,
    # 10/02); D3 closes on 05/03. On the portfolios: Élodie D1, François D2 and D4.
    assert (elodie.disputes_closed, francois.disputes_closed, nobody.disputes_closed) == (1, 2, 0)
    # Helped: Élodie answered D1's task and wrote a note in D2 (François's customer);
    # François answered D4 only (D2's task stayed unanswered).
    assert elodie.disputes_helped == 2
    assert francois.disputes_helped == 1


def test_a_task_answered_after_the_closing_did_not_help(file: File) -> None:
    services = file.office.services
    # D5 on Ardèche, closed on 12/02; François answers its task only on 14/02.
    d5 = open_dispute(
        file.office, file.ardeche, _document(services, "FA-2026-0040"), 5_000, date(2026, 2, 2)
    )
    gesture(file.office, d5, date(2026, 2, 12))
    answer_task(file.office, d5, FRANCOIS, date(2026, 2, 14))
    francois = services.scorecards.for_period(START, END, file.francois)[0]
    assert francois.disputes_closed == 3  # D2, D4, D5
    assert francois.disputes_helped == 1  # D4 only


def test_visit_reports_by_author_and_date(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Élodie: 10/01 and 27/02 (20/12 and 02/03 are outside); François: 30/01 at Lefèvre
    # (Élodie's customer: the author counts) and 28/02, the last day.
    assert (elodie.visit_reports, francois.visit_reports, nobody.visit_reports) == (2, 2, 0)


def test_promises_recorded_in_the_period_by_hand(file: File) -> None:
    elodie, francois, _nobody = file.office.services.scorecards.for_period(START, END)
    # Élodie: Épi 1 000 € kept, Dupont 300 € broken (Lefèvre's, 05/03, is after).
    p = elodie.promises
    assert (p.count, p.kept, p.broken, p.pending, p.amount_cents) == (2, 1, 1, 0, 130_000)
    assert p.kept_share_bp == 5_000
    # François: Abbaye 450 € still pending: no kept share yet.
    p = francois.promises
    assert (p.count, p.pending, p.amount_cents, p.kept_share_bp) == (1, 1, 45_000, None)


def test_top_overdue_customers_by_hand(file: File) -> None:
    elodie, francois, nobody = file.office.services.scorecards.for_period(START, END)
    # Dupont 3 000 − 500 (oldest: due 01/12, 89 days → 61–90), Épi 1 200 of 2 000 open
    # (due 04/02, 24 days → 1–30), Lefèvre 500 (due 31/10, 120 days → 91–120).
    assert [
        (o.name, o.overdue_cents, o.open_cents, o.oldest_bucket) for o in elodie.top_overdue
    ] == [
        (DUPONT, 250_000, 250_000, "61-90"),
        (EPI, 120_000, 200_000, "1-30"),
        (LEFEVRE, 50_000, 50_000, "91-120"),
    ]
    # Abbaye: due 01/10, 150 days; Ardèche owes nothing overdue yet.
    assert [(o.customer_id, o.oldest_bucket) for o in francois.top_overdue] == [
        (file.abbaye, "120+")
    ]
    assert [o.name for o in nobody.top_overdue] == [GARAGE]


def test_one_salesperson_only(file: File) -> None:
    scorecards = file.office.services.scorecards
    cards = scorecards.for_period(START, END, file.francois)
    assert [c.name for c in cards] == [FRANCOIS]
    assert cards[0].visit_reports == 2
    assert scorecards.for_period(START, END, 9_999) == []


def test_matching_a_salesperson_by_name(file: File) -> None:
    scorecards = file.office.services.scorecards
    assert [p.id for p in scorecards.match_salespeople("elodie dupre")] == [file.elodie]
    assert [p.id for p in scorecards.match_salespeople("N’DIAYE")] == [file.francois]
    assert [p.name for p in scorecards.match_salespeople("r")] == [ELODIE, FRANCOIS]
    assert scorecards.match_salespeople("Zoé") == []
    assert scorecards.match_salespeople("  ") == []


def test_without_unassigned_customers_there_is_no_such_line(file: File) -> None:
    services = file.office.services
    garage = services.customers.get(file.garage).draft
    services.customers.update(file.garage, replace(garage, salesperson_id=file.elodie))
    cards = services.scorecards.for_period(START, END)
    assert [c.salesperson_id for c in cards] == [file.elodie, file.francois]
    assert (cards[0].customer_count, cards[0].open_cents) == (4, 525_000)


def test_a_period_ending_before_it_starts_is_refused(file: File) -> None:
    with pytest.raises(ValueError):
        file.office.services.scorecards.for_period(END, START)


def test_an_empty_file_has_no_scorecard(services: Services) -> None:
    assert services.scorecards.for_period(START, END) == []
    assert services.scorecards.salespeople() == []


def _document(services: Services, number: str) -> int:
    with services.database.read() as session:
        found = session.scalar(select(Document.id).where(Document.number == number))
    assert found is not None
    return int(found)
