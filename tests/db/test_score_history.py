"""Issue 7: the refresh of the day stores each customer's score and keeps its history —
one point per customer and day, only when the score or the rules version moved. Today is
16/03/2026 in the test clock."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, event, select

from desktop.domain.clock import FixedClock
from desktop.domain.customer import RatingDraft
from desktop.domain.enums import RatingSource
from desktop.domain.errors import NotFoundError
from desktop.persistence.database import Database
from desktop.persistence.models import Customer, Document
from desktop.services import score as score_module
from desktop.services.customers import CustomerFilter, CustomerSort
from desktop.services.registry import Services, build_services
from desktop.services.score import ScorePoint, top_factors
from tests.db.factories import SIRENS, count_rows, customer
from tests.db.test_score_service import add_invoice
from tests.db.test_score_service import ledger as ledger  # a fixture, used by name

TODAY = date(2026, 3, 16)
LEFEVRE = "Quincaillerie Lefèvre & Fils <SARL>"
EPI = "Boulangerie L'Épi d'Or"
SGE = "Société Générale d'Équipements du Bâtiment"


@pytest.fixture
def book(services: Services) -> dict[str, int]:
    """Lefèvre owes 4 000 € all overdue (score 50); L'Épi d'Or, nothing known (70);
    SGE, a Creditsafe 90/100 rated today (70 + 16 = 86)."""
    lefevre = services.customers.create(customer(LEFEVRE, siren=SIRENS[0]))
    add_invoice(services, lefevre, "FA-2026-0042", "2026-02-20", 400_000, issued="2026-01-21")
    epi = services.customers.create(customer(EPI, siren=SIRENS[1]))
    sge = services.customers.create(customer(SGE, siren=SIRENS[2]))
    services.customers.add_rating(sge, RatingDraft(RatingSource.CREDITSAFE, "90", TODAY))
    return {"lefevre": lefevre, "epi": epi, "sge": sge}


def stored(services: Services, cid: int) -> tuple[int | None, str | None, date | None]:
    with services.database.read() as session:
        c = session.get(Customer, cid)
        assert c is not None
        return (c.score, c.score_rules_version, c.score_on)


def scores(services: Services, cid: int) -> list[tuple[date, int, int | None]]:
    return [(p.computed_on, p.score, p.change) for p in services.score.history(cid)]


def test_refresh_stores_every_score_on_its_customer_with_a_first_point(
    services: Services, book: dict[str, int]
) -> None:
    assert services.score.refresh(TODAY) == 3
    assert stored(services, book["lefevre"]) == (50, "2026.1", TODAY)
    assert stored(services, book["epi"]) == (70, "2026.1", TODAY)
    assert stored(services, book["sge"]) == (86, "2026.1", TODAY)
    assert services.score.history(book["lefevre"]) == [
        ScorePoint(TODAY, 50, "2026.1", {"overdue_share": -20}, None)
    ]
    # Nothing known: a point all the same (the score exists), with no reason.
    assert services.score.history(book["epi"]) == [ScorePoint(TODAY, 70, "2026.1", {}, None)]
    # What is stored is what the page computes.
    for cid in book.values():
        assert stored(services, cid)[0] == services.score.for_customer(cid, TODAY).score
    # The list reads it.
    rows = services.customers.page(CustomerFilter(), CustomerSort.SCORE)
    assert [(r.legal_name, r.score, r.score_on) for r in rows] == [
        (LEFEVRE, 50, TODAY),
        (EPI, 70, TODAY),
        (SGE, 86, TODAY),
    ]
    assert rows[0].score_rules_version == "2026.1"


def test_a_point_is_added_only_when_the_score_moved(
    services: Services, book: dict[str, int]
) -> None:
    services.score.refresh(TODAY)
    # The next day nothing moved: no point, but the stored score is dated again.
    assert services.score.refresh(TODAY + timedelta(days=1)) == 0
    assert stored(services, book["lefevre"]) == (50, "2026.1", TODAY + timedelta(days=1))
    assert count_rows(services.path, "score_history") == 3
    # A new invoice, not yet due: half the balance is overdue, -10 instead of -20.
    add_invoice(
        services, book["lefevre"], "FA-2026-0117", "2026-04-17", 400_000, issued="2026-03-17"
    )
    assert services.score.refresh(TODAY + timedelta(days=2)) == 1
    assert scores(services, book["lefevre"]) == [
        (TODAY, 50, None),
        (TODAY + timedelta(days=2), 60, 10),
    ]
    assert scores(services, book["epi"]) == [(TODAY, 70, None)]


def test_at_most_one_point_per_customer_and_day(services: Services, book: dict[str, int]) -> None:
    lefevre = book["lefevre"]
    services.score.refresh(TODAY)
    later = TODAY + timedelta(days=2)
    first = add_invoice(services, lefevre, "FA-2026-0117", "2026-04-17", 400_000, issued=str(later))
    assert services.score.refresh(later) == 1
    assert scores(services, lefevre)[-1] == (later, 60, 10)
    # The same day, another change: the day's point is replaced, not doubled.
    second = add_invoice(
        services, lefevre, "FA-2026-0118", "2026-04-18", 400_000, issued=str(later)
    )
    assert services.score.refresh(later) == 1
    assert scores(services, lefevre) == [(TODAY, 50, None), (later, 63, 13)]  # 1/3 overdue: -7
    # Refreshing again with nothing new changes nothing.
    assert services.score.refresh(later) == 0
    # Both invoices cancelled the same day: back to the last point, the day's one goes.
    with services.database.transaction() as session:
        session.execute(delete(Document).where(Document.id.in_((first, second))))
    assert services.score.refresh(later) == 0
    assert scores(services, lefevre) == [(TODAY, 50, None)]
    assert stored(services, lefevre) == (50, "2026.1", later)


def test_new_rules_add_a_point_even_when_the_score_is_the_same(
    services: Services, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    services.score.refresh(TODAY)
    compute = score_module.compute_score
    monkeypatch.setattr(
        score_module,
        "compute_score",
        lambda inputs, as_of: dataclasses.replace(compute(inputs, as_of), rules_version="2027.1"),
    )
    later = TODAY + timedelta(days=7)
    assert services.score.refresh(later) == 3
    assert [(p.score, p.rules_version, p.change) for p in services.score.history(book["epi"])] == [
        (70, "2026.1", None),
        (70, "2027.1", 0),
    ]
    assert stored(services, book["epi"]) == (70, "2027.1", later)


def test_a_refresh_never_goes_back_in_time(services: Services, book: dict[str, int]) -> None:
    services.score.refresh(TODAY)
    assert services.score.refresh(TODAY - timedelta(days=30)) == 0
    assert stored(services, book["lefevre"]) == (50, "2026.1", TODAY)
    assert [p.computed_on for p in services.score.history(book["lefevre"])] == [TODAY]


def test_only_stale_leaves_the_customers_already_scored_today(
    services: Services, book: dict[str, int]
) -> None:
    services.score.refresh(TODAY)
    add_invoice(
        services, book["lefevre"], "FA-2026-0117", "2026-04-17", 400_000, issued="2026-03-16"
    )
    newcomer = services.customers.create(customer("Menuiserie Noël & Fils", siren=SIRENS[3]))
    # Only the newcomer was not scored today.
    assert services.score.refresh(TODAY, only_stale=True) == 1
    assert stored(services, newcomer) == (70, "2026.1", TODAY)
    assert stored(services, book["lefevre"])[0] == 50
    # A full refresh takes the new invoice into account.
    assert services.score.refresh(TODAY) == 1
    assert stored(services, book["lefevre"])[0] == 60


def test_refresh_customer_stores_what_it_returns(services: Services, book: dict[str, int]) -> None:
    result = services.score.refresh_customer(book["sge"])  # today by default
    assert result == services.score.for_customer(book["sge"], TODAY)
    assert stored(services, book["sge"]) == (86, "2026.1", TODAY)
    assert stored(services, book["lefevre"]) == (None, None, None)  # only that one
    assert scores(services, book["sge"]) == [(TODAY, 86, None)]
    with pytest.raises(NotFoundError):
        services.score.refresh_customer(999_999)


def test_a_read_only_file_gets_its_score_computed_not_stored(
    services: Services, book: dict[str, int], db_path: Path
) -> None:
    reader = build_services(
        Database.at(db_path, read_only=True), FixedClock(services.context.clock.now()), str
    )
    try:
        assert reader.score.refresh_customer(book["lefevre"]).score == 50
    finally:
        reader.close()
    assert stored(services, book["lefevre"]) == (None, None, None)
    assert count_rows(db_path, "score_history") == 0


def test_history_limit_keeps_the_change_of_its_oldest_point(
    services: Services, book: dict[str, int]
) -> None:
    lefevre = book["lefevre"]
    services.score.refresh(TODAY)
    for day, number in ((2, "FA-2026-0117"), (4, "FA-2026-0118")):
        later = TODAY + timedelta(days=day)
        add_invoice(services, lefevre, number, "2026-05-29", 400_000, issued=str(later))
        services.score.refresh(later)
    assert [(p.score, p.change) for p in services.score.history(lefevre)] == [
        (50, None),
        (60, 10),
        (63, 3),
    ]
    assert [(p.score, p.change) for p in services.score.history(lefevre, limit=2)] == [
        (60, 10),
        (63, 3),
    ]
    assert services.score.history(lefevre, limit=0) == []
    assert services.score.history(999_999) == []


def test_a_point_keeps_the_three_main_reasons(
    services: Services,
    ledger: dict[str, int],
) -> None:
    # The ledger of test_score_service: delay -1, overdue -15, dispute -5, Coface 8 and
    # visits -3; with a Creditsafe 100 beside Coface each source weighs half: +6 and +10,
    # kept as one reason of +16.
    cid = ledger["customer"]
    services.customers.add_rating(cid, RatingDraft(RatingSource.CREDITSAFE, "100", TODAY))
    result = services.score.for_customer(cid, TODAY)
    assert [f.points for f in result.factors if f.code == "external_rating"] == [6, 10]
    expected = {"external_rating": 16, "overdue_share": -15, "open_disputes": -5}
    assert top_factors(result) == expected
    services.score.refresh(TODAY)
    (point,) = services.score.history(cid)
    assert point.score == result.score == 70 - 1 - 15 - 5 + 16 - 3
    assert list(point.top_factors.items()) == list(expected.items())  # largest first


def test_history_goes_with_its_customer(services: Services, book: dict[str, int]) -> None:
    services.score.refresh(TODAY)
    services.customers.delete(book["epi"])
    assert count_rows(services.path, "score_history", f"customer_id = {book['epi']}") == 0
    assert count_rows(services.path, "score_history") == 2


@pytest.fixture
def statements(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", count)
    yield seen
    event.remove(services.database.engine, "before_cursor_execute", count)


def test_refresh_costs_the_same_statements_for_3_or_30_customers(
    services: Services, book: dict[str, int], statements: list[str]
) -> None:
    services.score.refresh(TODAY)
    few = len(statements)
    statements.clear()
    for k in range(27):
        cid = services.customers.create(customer(f"Boucherie Noël n° {k}"))
        add_invoice(services, cid, f"FA-2026-{k:04d}", "2026-02-20", 10_000 + k)
    statements.clear()
    services.score.refresh(TODAY + timedelta(days=1))
    assert len(statements) <= few
    with services.database.read() as session:
        assert session.execute(select(Customer.score).where(Customer.score.is_(None))).all() == []
