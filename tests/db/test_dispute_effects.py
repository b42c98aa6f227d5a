"""What a dispute changes elsewhere (issue 5): the reminder engine leaves the disputed
part out and keeps chasing the rest; a rejection puts the amount back into the cycle at
the level reached; a credit note lowers the outstanding; statements show the "montant
contesté"; the customer's timeline tells the dispute's story."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.documents.statement import render_statement
from desktop.domain.clock import FixedClock
from desktop.domain.disputes import DisputeDraft, DisputeLine, ResolutionDraft
from desktop.domain.enums import Department, DisputeCategory, DisputeResolution, DisputeStatus
from desktop.persistence.database import Database
from desktop.services.registry import Services, build_services
from desktop.services.timeline import TimelineKind
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

NAME = "Menuiserie Lefèvre & Fils"


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture
def on_day(services: Services) -> Iterator[object]:
    """Services of the same file with the clock set to a given day."""
    opened: list[Services] = []

    def make(day: str) -> Services:
        assert services.database.path is not None
        clock = FixedClock(datetime.combine(d(day), datetime.min.time().replace(hour=10)))
        built = build_services(Database.at(services.database.path), clock, lambda: "Sandrine")
        opened.append(built)
        return built

    yield make
    for built in opened:
        built.close()


def dispute(services: Services, customer_id: int, reported_on: str, *lines: tuple[int, int]) -> int:
    return services.disputes.open(
        DisputeDraft(
            customer_id=customer_id,
            lines=tuple(DisputeLine(doc, cents) for doc, cents in lines),
            category=DisputeCategory.DAMAGED,
            description="Portes livrées rayées ; réserves sur le bon du transporteur.",
            reported_by="M. Lefèvre",
            reported_on=d(reported_on),
            department=Department.QUALITY,
        )
    )


def chase(services: Services, day: str) -> tuple[str, list[tuple[int, int]], int] | None:
    """Refresh on `day`; the action proposed (level, items, total), if any."""
    created = services.reminders.refresh(d(day)).created_ids
    rows = [row for row in services.reminders.due(d(day)) if row.id in created]
    if not rows:
        return None
    (row,) = rows
    return row.level_name, [(i.document_id, i.amount_cents) for i in row.items], row.total_cents


def done(services: Services, day: str) -> None:
    for row in services.reminders.due(d(day)):
        services.reminders.mark_done(row.id, d(day))


def test_the_engine_skips_exactly_the_disputed_part_then_takes_it_back_on_rejection(
    services: Services, on_day
) -> None:  # type: ignore[no-untyped-def]
    client = services.customers.create(customer(NAME))
    fa1 = add_doc(services, client, "FA-2026-0301", "2026-02-14", 150_000)
    fa2 = add_doc(services, client, "FA-2026-0302", "2026-02-20", 30_000)
    feb = on_day("2026-02-21")
    dispute_id = dispute(feb, client, "2026-02-21", (fa1, 50_000), (fa2, 30_000))

    # Level 1 (D+7): only the undisputed 1 000 € of FA-0301; FA-0302 is wholly disputed.
    assert chase(services, "2026-02-23") == ("Relance amiable", [(fa1, 100_000)], 100_000)
    done(services, "2026-02-23")
    # Level 2 (D+15), a week later: still the rest, never the disputed part.
    assert chase(services, "2026-03-02") == ("Deuxième relance", [(fa1, 100_000)], 100_000)
    done(services, "2026-03-02")

    # Rejected on 16/03 (FA-0301 is 30 days late): the 800 € come back at the level the
    # cycle has reached — the last reminder, not the first one again.
    on_day("2026-03-16").disputes.reject(dispute_id, "Bon de livraison signé sans réserve.")
    assert chase(services, "2026-03-16") == (
        "Dernière relance",
        [(fa1, 150_000), (fa2, 30_000)],
        180_000,
    )


def test_a_wholly_disputed_invoice_is_not_chased_until_the_dispute_is_rejected(
    services: Services, on_day
) -> None:  # type: ignore[no-untyped-def]
    client = services.customers.create(customer(NAME))
    fa = add_doc(services, client, "FA-2026-0310", "2026-02-01", 90_000)
    dispute_id = dispute(on_day("2026-02-03"), client, "2026-02-03", (fa, 90_000))
    for day in ("2026-02-09", "2026-02-20", "2026-03-05"):
        assert chase(services, day) is None
    # Rejected 43 days after the due date: the level its lateness has reached, at once.
    on_day("2026-03-16").disputes.reject(dispute_id, "Marchandise conforme.")
    assert chase(services, "2026-03-16") == ("Dernière relance", [(fa, 90_000)], 90_000)


def test_an_analysed_dispute_still_protects_and_a_resolution_releases_the_rest(
    services: Services, on_day
) -> None:  # type: ignore[no-untyped-def]
    client = services.customers.create(customer(NAME))
    fa = add_doc(services, client, "FA-2026-0320", "2026-02-14", 150_000)
    feb = on_day("2026-02-20")
    dispute_id = dispute(feb, client, "2026-02-20", (fa, 50_000))
    feb.disputes.change_status(dispute_id, DisputeStatus.ANALYSIS)
    feb.disputes.change_status(dispute_id, DisputeStatus.WAITING_CUSTOMER)
    assert chase(services, "2026-02-23") == ("Relance amiable", [(fa, 100_000)], 100_000)
    done(services, "2026-02-23")

    # A credit note of 300 € on the 500 € contested: the outstanding drops by 300 €, and
    # the 200 € the customer still owes go back into the chase with the rest.
    balance_before = services.receivables.customer_balance(client, d("2026-03-16")).open_cents
    aged_before = services.receivables.aged_balance(d("2026-03-16")).total
    services.disputes.resolve(
        dispute_id,
        ResolutionDraft(DisputeResolution.CREDIT_NOTE, 30_000, "AV-2026-0321"),
    )
    assert balance_before == aged_before == 150_000
    balance = services.receivables.customer_balance(client, d("2026-03-16"))
    assert balance.open_cents == 120_000
    assert services.receivables.aged_balance(d("2026-03-16")).total == 120_000
    invoice_id = services.disputes.get(dispute_id).lines[0].document_id
    level, items, total = chase(services, "2026-03-16") or ("", [], 0)
    assert level == "Dernière relance" and total == 120_000
    assert items[0] == (invoice_id, 150_000) and items[1][1] == -30_000


def test_statement_shows_the_disputed_amount_per_invoice_and_in_total(
    services: Services, tmp_path: Path
) -> None:
    client = services.customers.create(customer(NAME))
    fa1 = add_doc(services, client, "FA-2026-0401", "2026-02-14", 150_000)
    fa2 = add_doc(services, client, "FA-2026-0402", "2026-02-20", 30_000)
    add_doc(services, client, "FA-2026-0403", "2026-02-25", 10_000)
    dispute(services, client, "2026-03-02", (fa1, 50_000), (fa2, 12_345))
    closed = dispute(services, client, "2026-03-02", (fa1, 1_000))
    services.disputes.reject(closed, "Hors délai de réclamation.")  # no longer contested

    data = services.statements.statement(client, d("2026-03-16"))
    assert [(line.number, line.disputed_cents) for line in data.lines] == [
        ("FA-2026-0401", 50_000),
        ("FA-2026-0402", 12_345),
        ("FA-2026-0403", 0),
    ]
    assert data.total_disputed_cents == 62_345
    assert data.total_due_cents == 190_000  # still owed: the statement shows it, flagged

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = render_statement(data, tmp_path / "releve.pdf")
    text = (
        subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        )
        .stdout.replace("\u202f", " ")
        .replace("\u00a0", " ")
    )
    assert "montant contesté : 500,00 €" in text
    assert "montant contesté : 123,45 €" in text
    assert "dont montant contesté" in text and "623,45 €" in text


def test_statement_without_dispute_has_no_disputed_line(services: Services, tmp_path: Path) -> None:
    client = services.customers.create(customer(NAME))
    add_doc(services, client, "FA-2026-0501", "2026-02-14", 150_000)
    data = services.statements.statement(client, d("2026-03-16"))
    assert data.total_disputed_cents == 0 and data.lines[0].disputed_cents == 0
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = render_statement(data, tmp_path / "releve.pdf")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "contesté" not in text


def test_timeline_tells_the_dispute_story(services: Services, on_day) -> None:  # type: ignore[no-untyped-def]
    client = services.customers.create(customer(NAME))
    fa = add_doc(services, client, "FA-2026-0601", "2026-02-14", 150_000)
    first = on_day("2026-03-02")
    dispute_id = dispute(first, client, "2026-02-27", (fa, 50_000))
    first.disputes.add_note(dispute_id, "Photos reçues.")  # notes stay on the dispute
    on_day("2026-03-05").disputes.change_status(dispute_id, DisputeStatus.ANALYSIS, "Vérification")
    on_day("2026-03-10").disputes.resolve(
        dispute_id,
        ResolutionDraft(DisputeResolution.CREDIT_NOTE, 50_000, "AV-2026-0601"),
    )
    entries = [e for e in services.timeline.for_customer(client) if e.kind is TimelineKind.DISPUTE]
    assert [(e.on, e.facts["event"], e.actor, e.ref_id) for e in entries] == [
        (d("2026-03-10"), "resolved", "Sandrine", dispute_id),
        (d("2026-03-05"), "status", "Sandrine", dispute_id),
        (d("2026-02-27"), "opened", "Sandrine", dispute_id),  # the day it was reported
    ]
    resolved, status, opened = (e.facts for e in entries)
    assert opened["category"] == "damaged" and opened["department"] == "quality"
    assert opened["disputed_cents"] == "50000" and opened["invoices"] == "FA-2026-0601"
    assert (opened["to_status"], opened["resolution"]) == ("open", "")
    assert (status["from_status"], status["to_status"], status["text"]) == (
        "open",
        "analysis",
        "Vérification",
    )
    assert (resolved["resolution"], resolved["resolution_cents"]) == ("credit_note", "50000")
    assert "AV-2026-0601" in resolved["text"]
