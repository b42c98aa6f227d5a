"""`encaisse demo --size`: the bulk generator of big files for the benchmarks (issue 9)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.clock import FixedClock
from desktop.domain.enums import ObservationTopic, Profile
from desktop.persistence.database import Database
from desktop.persistence.integrity import integrity_problems
from desktop.persistence.migrations import open_or_create
from desktop.services.customers import CustomerFilter
from desktop.services.demo_large import KEY_ACCOUNT_ID, LargeSize, generate_large
from desktop.services.registry import Services, build_services

TODAY = date(2026, 3, 16)
SMALL = LargeSize("test", customers=120, invoices=6_000, visit_reports=300, disputes=40,
                  key_account_invoices=400)  # fmt: skip


def _open(path: Path) -> Services:
    now = datetime(2026, 3, 16, 9, 30)
    open_or_create(path, now=now, app_version="test")
    return build_services(Database.at(path), FixedClock(now), lambda: "Camille Test")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, object]]:
    path = tmp_path_factory.mktemp("large") / "Négoce Marchand & Fils.sqlite"
    services = _open(path)
    fractions: list[float] = []
    summary = generate_large(services, SMALL, seed=3, progress=fractions.append)
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    yield services, summary
    services.close()


def _one(services: Services, sql: str) -> object:
    with sqlite3.connect(services.path) as connection:
        return connection.execute(sql).fetchone()[0]


def test_the_file_holds_what_the_summary_announces(built) -> None:  # type: ignore[no-untyped-def]
    services, summary = built
    assert services.customers.count(CustomerFilter()) == SMALL.customers
    assert _one(services, "SELECT COUNT(*) FROM documents WHERE kind = 'invoice'") == 6_000
    assert _one(services, "SELECT COUNT(*) FROM visit_reports") == summary.visit_reports == 300
    assert _one(services, "SELECT COUNT(*) FROM disputes") == summary.disputes == 40
    assert _one(services, "SELECT COUNT(*) FROM payments") == summary.payments > 3_000
    # Every paid invoice has its payment, allocated to it in full.
    assert (
        _one(
            services,
            "SELECT COUNT(*) FROM documents d WHERE d.kind = 'invoice' AND d.settled_on IS NOT NULL"
            " AND (SELECT SUM(amount_cents) FROM payment_allocations a WHERE a.document_id = d.id)"
            " IS NOT d.total_cents",
        )
        == 0
    )
    assert summary.reminder_actions == _one(services, "SELECT COUNT(*) FROM reminder_actions")
    assert summary.key_account_documents == _one(
        services, f"SELECT COUNT(*) FROM documents WHERE customer_id = {KEY_ACCOUNT_ID}"
    )
    assert summary.key_account_documents >= 400
    assert "6\u202f000 factures" in str(summary)


def test_the_data_is_sound_and_never_ahead_of_the_day(built) -> None:  # type: ignore[no-untyped-def]
    services, _ = built
    assert integrity_problems(services.database.engine) == []  # foreign keys included
    for sql in (
        "SELECT MAX(issued_on) FROM documents",
        "SELECT MAX(visit_date) FROM visit_reports",
        "SELECT MAX(done_on) FROM reminder_actions",
        "SELECT MAX(reported_on) FROM disputes",
        "SELECT MAX(received_on) FROM payments",
    ):
        assert str(_one(services, sql)) <= TODAY.isoformat(), sql
    topics = _one(services, "SELECT COUNT(DISTINCT topic) FROM visit_observations")
    assert topics == len(ObservationTopic)


def test_every_page_has_something_to_show(built) -> None:  # type: ignore[no-untyped-def]
    services, _ = built
    profiles = {u.profile for u in services.reference.users()}
    assert profiles == {Profile.OWNER, Profile.ASSISTANT, Profile.SALESPERSON}
    assert services.company.get().is_demo  # type: ignore[union-attr]
    assert services.receivables.aged_balance(TODAY).total > 0
    assert services.reminders.refresh(TODAY).created > 0
    assert services.reminders.due(TODAY)
    assert services.disputes.list()
    assert services.visits.for_customer(
        int(_one(services, "SELECT customer_id FROM visit_reports LIMIT 1"))  # type: ignore[arg-type]
    )
    key = services.customers.get(KEY_ACCOUNT_ID)
    assert "&" in key.draft.legal_name and key.segment_name == "Grands comptes"
    scored = _one(services, "SELECT COUNT(*) FROM customers WHERE score IS NOT NULL")
    assert scored == SMALL.customers


def test_the_same_seed_and_day_give_the_same_file(tmp_path: Path, built) -> None:  # type: ignore[no-untyped-def]
    first, _ = built
    again = _open(tmp_path / "encore.sqlite")
    try:
        generate_large(again, SMALL, seed=3)
        query = (
            "SELECT group_concat(number || total_cents || due_on, ',') FROM "
            "(SELECT * FROM documents WHERE id <= 500 ORDER BY id)"
        )
        assert _one(again, query) == _one(first, query)
        with pytest.raises(ValueError):  # never into a file that has customers
            generate_large(again, SMALL, seed=3)
    finally:
        again.close()


def test_the_command_refuses_an_existing_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "existant.sqlite"
    path.write_bytes(b"")
    code = main(["--db", str(path), "--today", "2026-03-16", "demo", "--size", "large"])
    assert code != 0
    assert "--replace" in capsys.readouterr().err
