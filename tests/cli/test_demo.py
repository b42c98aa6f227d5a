"""`encaisse demo`: announced counts, reproducibility, valid identifiers, dates never ahead."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from stdnum import iban as std_iban
from stdnum.be import vat as be_vat
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

from desktop.app import open_file
from desktop.cli import main
from desktop.domain.clock import FixedClock
from desktop.domain.customer import validate_customer
from desktop.domain.enums import ObservationTopic, PaymentTermsBasis, Profile
from desktop.domain.legal import max_days_allowed
from desktop.domain.terms import due_date
from desktop.services.customers import CustomerFilter
from desktop.services.demo import DemoCancelled, generate_demo
from desktop.services.registry import Services
from desktop.services.timeline import TimelineKind

TODAY = "2026-03-16"
N = 40

SUMMARY = re.compile(
    r"(?P<customers>\d+) clients et prospects \(dont (?P<prospects>\d+) prospects? et "
    r"(?P<belgian>\d+) clients? belges?\), (?P<users>\d+) utilisateurs, (?P<segments>\d+) "
    r"segments, (?P<contacts>\d+) contacts?, (?P<ratings>\d+) notes? externes?, "
    r"(?P<visits>\d+) rapports? de visite, (?P<doubtful>\d+) entreprises? douteuses?, "
    r"(?P<invoices>\d+) factures?, (?P<credit_notes>\d+) avoirs?, (?P<payments>\d+) règlements?"
)


def run_demo(path: Path, seed: int = 7, customers: int = N, *extra: str) -> int:
    return main(
        [
            "--db",
            str(path),
            "--today",
            TODAY,
            "demo",
            "--customers",
            str(customers),
            "--seed",
            str(seed),
            *extra,
        ]
    )


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def listing(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--db", str(path), "customers", "list", "--format", "json"]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One demo of N customers shared by the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert run_demo(path) == 0
    yield path, printed.getvalue()


def test_demo_writes_the_counts_it_announces(demo_file: tuple[Path, str]) -> None:
    path, output = demo_file
    assert output.startswith(f"Démonstration créée dans {path} : ")
    found = SUMMARY.search(output)
    assert found, output
    n = {k: int(v) for k, v in found.groupdict().items()}
    assert n["customers"] == N
    count = {
        table: rows(path, f"SELECT count(*) FROM {table}")[0][0]
        for table in (
            "customers",
            "users",
            "segments",
            "contacts",
            "external_ratings",
            "visit_reports",
            "doubtful_companies",
        )
    }
    documents = dict(rows(path, "SELECT kind, count(*) FROM documents GROUP BY kind"))
    # The demo proposals' reached milestones are expected receivables, not in the summary.
    assert documents.pop("expected_instalment", 0) <= 2
    assert documents == {"invoice": n["invoices"], "credit_note": n["credit_notes"]}
    assert rows(path, "SELECT count(*) FROM payments")[0][0] == n["payments"]
    assert n["invoices"] > 10 * (N - n["prospects"]) and n["payments"] > 0
    assert count == {
        "customers": N,
        "users": n["users"],
        "segments": n["segments"],
        "contacts": n["contacts"],
        "external_ratings": n["ratings"],
        "visit_reports": n["visits"],
        "doubtful_companies": n["doubtful"],
    }
    assert (
        rows(path, "SELECT count(*) FROM customers WHERE status = 'prospect'")[0][0]
        == (n["prospects"])
    )
    assert rows(path, "SELECT count(*) FROM customers WHERE country = 'BE'")[0][0] == n["belgian"]
    # The team and the segments the brief asks for.
    assert n["users"] == 6 and n["segments"] == 5
    profiles = dict(rows(path, "SELECT profile, count(*) FROM users GROUP BY profile"))
    assert profiles == {Profile.OWNER: 1, Profile.ASSISTANT: 1, Profile.SALESPERSON: 4}
    assert n["visits"] > 0 and n["contacts"] >= N and n["doubtful"] > 0


def test_status_mix_and_assignments(demo_file: tuple[Path, str]) -> None:
    path, _ = demo_file
    statuses = dict(rows(path, "SELECT status, count(*) FROM customers GROUP BY status"))
    # 15 % prospects, 65 % active, 10 % under watch, 10 % blocked or in proceedings.
    assert (statuses["prospect"], statuses["active"], statuses["under_watch"]) == (6, 26, 4)
    assert statuses.get("blocked", 0) + statuses.get("insolvency", 0) == 4
    assert (
        rows(
            path,
            "SELECT count(*) FROM customers WHERE segment_id IS NULL OR salesperson_id IS NULL",
        )[0][0]
        == 0
    )
    insolvent = rows(
        path,
        "SELECT insolvency_kind, insolvency_opened_on, bodacc_published_on "
        "FROM customers WHERE status = 'insolvency'",
    )
    for kind, opened, published in insolvent:
        assert kind in ("sauvegarde", "redressement", "liquidation")
        assert opened <= published <= TODAY
    # 1 to 3 contacts each, exactly one of them primary.
    per_customer = rows(path, "SELECT count(*), sum(is_primary) FROM contacts GROUP BY customer_id")
    assert len(per_customer) == N
    assert all(1 <= n <= 3 and primary == 1 for n, primary in per_customer)


def test_same_seed_same_data_other_seed_other_data(
    demo_file: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = demo_file
    again, other = tmp_path / "again.sqlite", tmp_path / "other.sqlite"
    assert run_demo(again) == 0
    assert run_demo(other, seed=8) == 0
    first = listing(path, capsys)
    assert first == listing(again, capsys)
    assert first != listing(other, capsys)
    assert len(json.loads(first)) == N
    # Not only the list: contacts and visit reports are identical too (times of day apart).
    for sql in (
        "SELECT customer_id, first_name, last_name, role, email, phone FROM contacts ORDER BY id",
        "SELECT customer_id, author_id, visit_date, attendees, approval_circuit, "
        "for_credit_management, free_text, next_visit_on FROM visit_reports ORDER BY id",
        "SELECT visit_report_id, topic, assessment, comment FROM visit_observations ORDER BY id",
        "SELECT id, customer_id, kind, number, issued_on, due_on, total_cents, vat_cents, "
        "open_cents, settled_on, corrects_id, label, matching_code FROM documents ORDER BY id",
        "SELECT id, customer_id, received_on, amount_cents, reference, method FROM payments "
        "ORDER BY id",
        "SELECT payment_id, document_id, amount_cents FROM payment_allocations ORDER BY id",
    ):
        assert rows(path, sql) == rows(again, sql)
    invoices = "SELECT customer_id, issued_on, total_cents, open_cents FROM documents ORDER BY id"
    assert rows(path, invoices) != rows(other, invoices)


def test_identifiers_are_valid_and_unique(demo_file: tuple[Path, str]) -> None:
    path, _ = demo_file
    french = rows(
        path,
        "SELECT siren, siret, vat_number, legal_form FROM customers "
        "WHERE country = 'FR' AND siren IS NOT NULL",
    )
    assert french
    for siren, siret, vat, form in french:
        assert fr_siren.is_valid(siren), siren
        assert fr_siret.is_valid(siret) and siret.startswith(siren), siret
        if form != "SCI":  # a property company may not be registered for VAT
            assert fr_tva.is_valid(vat) and vat.endswith(siren), vat
    belgian = rows(path, "SELECT enterprise_number, vat_number FROM customers WHERE country='BE'")
    assert belgian
    for number, vat in belgian:
        assert be_vat.is_valid(number) and number[0] in "01", number
        assert vat == "BE" + number
    for table, column in (("customers", "siren"), ("customers", "enterprise_number")):
        values = [r[0] for r in rows(path, f"SELECT {column} FROM {table}") if r[0]]
        assert len(values) == len(set(values))
    company = rows(path, "SELECT siren, vat_number, iban, bic, is_demo FROM company_settings")
    assert len(company) == 1
    siren, vat, iban, bic, is_demo = company[0]
    assert fr_siren.is_valid(siren) and fr_tva.is_valid(vat) and std_iban.is_valid(iban)
    assert iban.startswith("FR76") and bic and is_demo == 1
    for (siren,) in rows(path, "SELECT siren FROM doubtful_companies WHERE customer_id IS NULL"):
        assert fr_siren.is_valid(siren)


def test_nothing_is_dated_after_the_injected_today(demo_file: tuple[Path, str]) -> None:
    path, _ = demo_file
    visits = rows(path, "SELECT visit_date, next_visit_on, created_at FROM visit_reports")
    assert visits
    oldest = date(2024, 9, 1)  # 18 months before 16 March 2026, give or take
    for visit_date, next_visit, created_at in visits:
        assert oldest.isoformat() <= visit_date <= TODAY
        assert next_visit is None or next_visit >= visit_date
        assert created_at[:10] >= visit_date and created_at[:10] <= TODAY
    for table, column in (
        ("external_ratings", "rated_on"),
        ("doubtful_companies", "reported_on"),
        ("customers", "created_at"),
        ("audit_log", "at"),
        ("documents", "issued_on"),
        ("documents", "settled_on"),
        ("documents", "created_at"),
        ("documents", "updated_at"),
        ("payments", "received_on"),
        ("payments", "created_at"),
    ):
        latest = rows(path, f"SELECT max({column}) FROM {table}")[0][0]
        assert latest[:10] <= TODAY, (table, latest)


def test_visit_reports_rate_every_topic_and_are_written_by_the_salesperson(
    demo_file: tuple[Path, str],
) -> None:
    path, _ = demo_file
    topics = rows(
        path,
        "SELECT visit_report_id, group_concat(topic) FROM visit_observations "
        "GROUP BY visit_report_id",
    )
    assert topics
    assert all(sorted(t.split(",")) == sorted(ObservationTopic) for _, t in topics)
    mismatched = rows(
        path,
        "SELECT count(*) FROM visit_reports v JOIN customers c "
        "ON c.id = v.customer_id WHERE v.author_id != c.salesperson_id",
    )
    assert mismatched == [(0,)]
    assert rows(path, "SELECT count(*) FROM visit_reports WHERE attendees = ''") == [(0,)]


def test_every_customer_passes_the_form_rules_and_shows_its_creation(
    demo_file: tuple[Path, str],
) -> None:
    path, _ = demo_file
    clock = FixedClock(datetime(2026, 3, 16, 12, 0))
    services = open_file(path, clock, take_lock=False)
    try:
        as_of = clock.today()
        for (customer_id,) in rows(path, "SELECT id FROM customers"):
            detail = services.customers.get(customer_id)
            assert validate_customer(detail.draft, as_of) == detail.draft
            limit = max_days_allowed(detail.draft.country, detail.draft.payment_terms_basis, as_of)
            assert limit is None or detail.draft.payment_terms_days <= limit
            timeline = services.timeline.for_customer(customer_id)
            assert [e.kind for e in timeline].count(TimelineKind.CREATED) == 1
        # The list's accent-insensitive search finds demo customers by their folded name.
        name = services.customers.get(1).draft.legal_name
        found = services.customers.page(CustomerFilter(text=name.upper()))
        assert 1 in [r.id for r in found]
    finally:
        services.close()


def test_zero_customers_gives_the_company_and_its_team_only(tmp_path: Path) -> None:
    path = tmp_path / "empty-demo.sqlite"
    assert run_demo(path, customers=0) == 0
    assert rows(path, "SELECT count(*) FROM customers") == [(0,)]
    assert rows(path, "SELECT count(*) FROM users") == [(6,)]
    assert rows(path, "SELECT legal_name FROM company_settings") == [("Ateliers Durand & Fils",)]


def test_demo_refuses_to_overwrite_without_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.sqlite"
    path.write_bytes(b"precious data")
    capsys.readouterr()
    assert run_demo(path) == 1
    err = capsys.readouterr().err
    assert "existe déjà" in err and "--replace" in err
    assert path.read_bytes() == b"precious data"
    # A negative count is refused before anything is deleted, even with --replace.
    assert run_demo(path, 7, -5, "--replace") == 1
    assert "invalide" in capsys.readouterr().err
    assert path.read_bytes() == b"precious data"
    assert run_demo(path, 7, 5, "--replace") == 0
    assert rows(path, "SELECT count(*) FROM customers") == [(5,)]


def test_a_failed_demo_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disque plein")

    monkeypatch.setattr("desktop.services.demo.generate_demo", broken)
    path = tmp_path / "demo.sqlite"
    with pytest.raises(RuntimeError):
        run_demo(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_cancelled_demo_writes_nothing(services: Services) -> None:
    with pytest.raises(DemoCancelled):
        generate_demo(services, customers=10, seed=1, cancelled=lambda: True)
    assert services.customers.total() == 0
    assert services.reference.users(active_only=False) == []
    assert services.company.get() is None


def test_progress_is_reported_up_to_the_end(services: Services) -> None:
    seen: list[float] = []
    summary = generate_demo(services, customers=5, seed=2, progress=seen.append)
    assert summary.customers == 5 and str(summary).startswith("5 clients et prospects")
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    company = services.company.get()
    assert company is not None and company.is_demo


# --- The receivables history -------------------------------------------------------------------


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo of 300 customers: enough of every segment and status for the payment habits."""
    path = tmp_path_factory.mktemp("history") / "history.sqlite"
    with contextlib.redirect_stdout(io.StringIO()):
        assert run_demo(path, seed=3, customers=300) == 0
    return path


def test_invoices_only_for_customers_with_terms_and_calendar_numbers(history: Path) -> None:
    assert rows(
        history,
        "SELECT count(*) FROM documents d JOIN customers c ON c.id = d.customer_id "
        "WHERE c.status = 'prospect'",
    ) == [(0,)]
    assert rows(
        history,
        "SELECT count(*) FROM payments p JOIN customers c ON c.id = p.customer_id "
        "WHERE c.status = 'prospect'",
    ) == [(0,)]
    without = rows(
        history,
        "SELECT count(*) FROM customers c WHERE c.status != 'prospect' AND NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.customer_id = c.id)",
    )[0][0]
    customers = rows(history, "SELECT count(*) FROM customers WHERE status != 'prospect'")[0][0]
    assert without <= customers // 50  # a consumer or a recent customer may have bought nothing
    invoices = rows(
        history,
        "SELECT d.number, d.issued_on, d.due_on, d.total_cents, d.vat_cents, c.payment_terms_days, "
        "c.payment_terms_basis, c.country FROM documents d JOIN customers c "
        "ON c.id = d.customer_id WHERE d.kind = 'invoice' ORDER BY d.id",
    )
    numbers = [r[0] for r in invoices]
    assert len(numbers) == len(set(numbers))
    by_year: dict[str, list[tuple[int, str]]] = {}
    for number, issued, due, total, vat, days, basis, country in invoices:
        found = re.fullmatch(r"FA-(\d{4})-(\d{6})", number)
        assert found and found.group(1) == issued[:4], number
        by_year.setdefault(found.group(1), []).append((int(found.group(2)), issued))
        assert (
            due == due_date(date.fromisoformat(issued), days, PaymentTermsBasis(basis)).isoformat()
        )
        assert total > 0 and vat >= 0
        assert (vat == 0) == (country == "BE")  # Belgian businesses: reverse charge
        assert date.fromisoformat(issued).weekday() < 5
    # Numbered in calendar order, without gaps, from 1 each year.
    for numbered in by_year.values():
        assert [n for n, _ in numbered] == list(range(1, len(numbered) + 1))
        assert [d for _, d in numbered] == sorted(d for _, d in numbered)
    first = min(r[1] for r in invoices)
    assert date(2024, 3, 16) <= date.fromisoformat(first) <= date(2024, 4, 30)


def test_every_open_amount_is_explained_by_payments_and_credit_notes(history: Path) -> None:
    unexplained = rows(
        history,
        "SELECT d.number FROM documents d WHERE d.kind = 'invoice' AND d.total_cents - "
        "d.open_cents != coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a "
        "WHERE a.document_id = d.id), 0) + coalesce((SELECT -sum(c.total_cents) FROM "
        "documents c WHERE c.corrects_id = d.id AND c.open_cents = 0), 0)",
    )
    assert unexplained == []
    # Settled exactly when nothing is left open, for every kind of document.
    assert rows(
        history,
        "SELECT count(*) FROM documents WHERE (settled_on IS NULL) != (open_cents != 0)",
    ) == [(0,)]
    assert rows(
        history,
        "SELECT count(*) FROM documents WHERE kind = 'invoice' "
        "AND (open_cents < 0 OR open_cents > total_cents)",
    ) == [(0,)]
    # A payment is the sum of its allocations, all positive, none before the invoice, and
    # the invoice is settled on its last payment.
    assert rows(
        history,
        "SELECT count(*) FROM payments p WHERE p.amount_cents <= 0 OR p.amount_cents != "
        "(SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.payment_id = p.id)",
    ) == [(0,)]
    assert rows(
        history,
        "SELECT count(*) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
        "JOIN documents d ON d.id = a.document_id WHERE a.amount_cents <= 0 "
        "OR p.received_on < d.issued_on OR p.customer_id != d.customer_id "
        "OR d.settled_on < p.received_on",
    ) == [(0,)]
    # Partial payments: something paid, something left.
    partial = rows(
        history,
        "SELECT count(*) FROM documents d WHERE kind = 'invoice' AND open_cents > 0 "
        "AND open_cents < total_cents",
    )[0][0]
    assert partial >= 5
    grouped = rows(
        history,
        "SELECT count(*) FROM (SELECT payment_id FROM payment_allocations GROUP BY payment_id "
        "HAVING count(*) > 1)",
    )[0][0]
    assert grouped > 0  # payment runs settle several invoices at once


def test_credit_notes_correct_an_invoice_of_the_same_customer(history: Path) -> None:
    notes = rows(
        history,
        "SELECT c.number, c.total_cents, c.open_cents, c.settled_on, c.label, c.issued_on, "
        "c.due_on, i.number, i.total_cents, i.open_cents, i.settled_on, i.issued_on, "
        "c.customer_id = i.customer_id, i.kind FROM documents c JOIN documents i "
        "ON i.id = c.corrects_id WHERE c.kind = 'credit_note'",
    )
    count = rows(history, "SELECT count(*) FROM documents WHERE kind = 'credit_note'")[0][0]
    assert count == len(notes) and count >= 10
    for (number, total, open_, settled, label, issued, due, invoice, invoice_total,
         invoice_open, invoice_settled, invoice_issued, same_customer, kind) in notes:  # fmt: skip
        assert re.fullmatch(r"AV-\d{4}-\d{6}", number) and number[3:7] == issued[:4]
        assert same_customer and kind == "invoice"
        assert label == f"Avoir sur {invoice}"
        assert 0 < -total <= invoice_total
        assert due == issued >= invoice_issued
        if open_ == 0:  # settled with its invoice
            assert invoice_open == 0 and settled == invoice_settled
        else:  # on account until the invoice is settled
            assert open_ == total and settled is None and invoice_open > 0


def test_payment_habits_follow_segment_and_status(history: Path) -> None:
    def settled(segments: tuple[str, ...], statuses: tuple[str, ...]) -> list[int]:
        marks = ",".join("?" * len(segments)), ",".join("?" * len(statuses))
        with contextlib.closing(sqlite3.connect(history)) as connection:
            found = connection.execute(
                "SELECT julianday(d.settled_on) - julianday(d.due_on) FROM documents d "
                "JOIN customers c ON c.id = d.customer_id JOIN segments s "
                "ON s.id = c.segment_id WHERE d.kind = 'invoice' AND d.settled_on IS NOT NULL "
                f"AND s.name IN ({marks[0]}) AND c.status IN ({marks[1]}) "
                "AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.corrects_id = d.id)",
                (*segments, *statuses),
            ).fetchall()
        return [int(r[0]) for r in found]

    punctual = settled(("PME fidèles", "Grands comptes", "Export Belgique"), ("active",))
    assert len(punctual) > 500
    assert sum(d <= 0 for d in punctual) / len(punctual) > 0.65  # mostly by the due date
    assert sum(d > 45 for d in punctual) / len(punctual) < 0.03
    slow = settled(("Payeurs lents",), ("active",))
    assert len(slow) > 50
    assert sum(18 <= d <= 95 for d in slow) / len(slow) > 0.9  # 20 to 90 days late
    # Blocked customers and those in proceedings owe several overdue invoices each.
    unpaid = rows(
        history,
        "SELECT c.status, (SELECT count(*) FROM documents d WHERE d.customer_id = c.id "
        "AND d.kind = 'invoice' AND d.open_cents > 0 AND d.due_on < '2026-03-16') "
        "FROM customers c WHERE c.status IN ('blocked', 'insolvency')",
    )
    assert len(unpaid) >= 20
    assert sum(n for _, n in unpaid) / len(unpaid) >= 2
    assert sum(n >= 2 for _, n in unpaid) / len(unpaid) > 0.8
    # Nothing is paid after the judgment that opened a proceeding.
    assert rows(
        history,
        "SELECT count(*) FROM payments p JOIN customers c ON c.id = p.customer_id "
        "WHERE c.status = 'insolvency' AND p.received_on >= c.insolvency_opened_on",
    ) == [(0,)]
    # Active punctual payers have little overdue: what is open is mostly not yet due.
    open_rows = rows(
        history,
        "SELECT sum(d.open_cents), sum(CASE WHEN d.due_on < '2026-03-16' THEN d.open_cents "
        "ELSE 0 END) FROM documents d JOIN customers c ON c.id = d.customer_id JOIN segments s "
        "ON s.id = c.segment_id WHERE c.status = 'active' AND s.name = 'PME fidèles'",
    )
    total_open, overdue = open_rows[0]
    assert overdue < total_open * 0.25


def test_the_history_shows_in_the_timeline(history: Path) -> None:
    services = open_file(history, FixedClock(datetime(2026, 3, 16, 12, 0)), take_lock=False)
    try:
        (customer_id,) = rows(
            history,
            "SELECT customer_id FROM documents GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1",
        )[0]
        timeline = services.timeline.for_customer(customer_id, limit=40)
        assert len(timeline) == 40
        days = [e.on for e in timeline]
        assert days == sorted(days, reverse=True)
        kinds = {e.kind for e in timeline}
        assert {TimelineKind.INVOICE, TimelineKind.PAYMENT, TimelineKind.INVOICE_SETTLED} <= kinds
        assert max(days) <= date(2026, 3, 16)
    finally:
        services.close()
