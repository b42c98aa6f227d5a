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
from desktop.domain.enums import ObservationTopic, Profile
from desktop.domain.legal import max_days_allowed
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
    r"(?P<visits>\d+) rapports? de visite, (?P<doubtful>\d+) entreprises? douteuses?"
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
    ):
        assert rows(path, sql) == rows(again, sql)


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
