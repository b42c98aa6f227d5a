"""Issue 8: a data file of every released schema version, upgraded to head at open.

Each `tests/fixtures/schemas/<revision>.sql` is the dump of a small file written at that
revision (see build_fixture.py there). Loaded into a file, it is opened the way the
application opens a file — backup, Alembic upgrade to head — and read back through the
services: what a user relied on before the upgrade must still be there after it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.app import open_file
from desktop.domain.clock import FixedClock
from desktop.domain.enums import (
    Assessment,
    DisputeResolution,
    DisputeStatus,
    ObservationTopic,
    Profile,
    PromiseStatus,
    ProposalStatus,
    RepaymentPlanStatus,
)
from desktop.persistence.integrity import integrity_problems
from desktop.persistence.migrations import current_revision, head_revision, known_revisions
from desktop.services.customers import CustomerFilter, CustomerSort
from desktop.services.registry import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
DUMPS = sorted(FIXTURES.glob("*.sql"))
NOW = datetime(2026, 3, 16, 9, 30)
AS_OF = NOW.date()

CUSTOMER_NAMES = {
    1: "Boulangerie Pâtisserie L'Épi d'Or",
    2: "Dupont & Fils — Négoce de matériaux de l'Ouest",
    3: "Société d'Exploitation des Établissements Bœuf & Cœur",
    4: "Brasserie de l'Abbaye & Fils",
    5: "Garage Müller-Lefèvre",
    6: "Atelier <Dumas> & Cie",
}


def load(dump: Path, folder: Path) -> Path:
    """The dump written back into a data file, as a user's file of that version."""
    path = folder / f"Ateliers Lefèvre & Fils ({dump.stem}).sqlite"
    connection = sqlite3.connect(path)
    try:
        connection.executescript(dump.read_text(encoding="utf-8"))
    finally:
        connection.close()
    return path


def stored_revision(dump: Path) -> str:
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(dump.read_text(encoding="utf-8"))
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture(scope="module", params=DUMPS, ids=[d.stem for d in DUMPS])
def upgraded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, Services]]:
    """(revision of the dump, services on the file the application opened and upgraded);
    once per dump: the tests only read."""
    dump: Path = request.param
    path = load(dump, tmp_path_factory.mktemp(f"schema-{dump.stem}"))
    services = open_file(path, FixedClock(NOW))
    yield int(dump.stem), services
    services.close()


def test_every_released_revision_has_its_dump() -> None:
    """A new migration needs its fixture: run build_fixture.py with its revision."""
    dumps = {d.stem for d in DUMPS}
    missing = sorted(known_revisions() - dumps)
    assert not missing, (
        f"no data file fixture for revision(s) {missing}: run "
        f"`.venv/bin/python tests/fixtures/schemas/build_fixture.py {missing[0]}`"
    )
    assert dumps <= known_revisions(), f"dumps of unknown revisions: {dumps - known_revisions()}"


@pytest.mark.parametrize("dump", DUMPS, ids=[d.stem for d in DUMPS])
def test_each_dump_is_a_file_of_its_own_revision(dump: Path) -> None:
    assert stored_revision(dump) == dump.stem


def test_the_file_reaches_head_after_a_backup_of_the_old_one(
    upgraded: tuple[int, Services],
) -> None:
    rev, services = upgraded
    assert current_revision(services.database.engine) == head_revision()
    assert integrity_problems(services.database.engine) == []
    if f"{rev:04d}" != head_revision():
        assert services.opened.upgraded_from == f"{rev:04d}"
        backup = services.opened.backup_path
        assert backup is not None and backup.is_file()
        kept = sqlite3.connect(backup)
        try:
            assert kept.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
                f"{rev:04d}"
            )
        finally:
            kept.close()


def test_the_company_and_the_team_survive(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    company = services.company.get()
    assert company is not None
    assert (company.legal_name, company.city) == ("Ateliers Lefèvre & Fils", "Lyon")
    assert company.iban == "FR7630006000011234567890189"
    team = {u.name: u for u in services.reference.users(active_only=False)}
    assert set(team) == {
        "Hélène Lefèvre",
        "Zoé N'Diaye",
        "Émilie Château",
        "François-Xavier d'Aubigné",
    }
    assert team["Zoé N'Diaye"].profile is Profile.ASSISTANT
    assert not team["François-Xavier d'Aubigné"].active
    # Sorted in French order (0002 filled the folded sort column of older files).
    assert [u.name for u in services.reference.users()] == [
        "Émilie Château",
        "Hélène Lefèvre",
        "Zoé N'Diaye",
    ]
    assert [s.name for s in services.reference.segments()] == [
        "Artisans & commerçants",
        "Clients belges",
        "Négoce & distribution",
    ]
    # The owner's PIN (0010) still opens; files from before have no PIN.
    assert team["Hélène Lefèvre"].has_pin is (rev >= 10)
    if rev >= 10:
        assert services.reference.pin_accepted(team["Hélène Lefèvre"].id, "2468")
        assert not services.reference.pin_accepted(team["Hélène Lefèvre"].id, "1357")


def test_customers_are_found_by_their_names_with_accents(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    for customer_id, name in CUSTOMER_NAMES.items():
        assert services.customers.get(customer_id).draft.legal_name == name
    assert services.customers.count(CustomerFilter()) == len(CUSTOMER_NAMES)
    [found] = services.customers.page(CustomerFilter(text="epi d'or saint-etienne"))
    assert found.legal_name == CUSTOMER_NAMES[1]
    [found] = services.customers.page(CustomerFilter(text="BŒUF"))
    assert found.id == 3
    # Évry sorts among the E, not after Saint-Étienne (0002's folded city column).
    by_city = services.customers.page(CustomerFilter(), sort=CustomerSort.CITY)
    assert [row.city for row in by_city] == [
        "Aix-en-Provence",
        "Besançon",
        "Bruxelles",
        "Évry-Courcouronnes",
        "Nantes",
        "Saint-Étienne",
    ]
    dupont = services.customers.get(2)
    assert {f"{c.first_name} {c.last_name}" for c in dupont.contacts} == {
        "Jean-Noël Dupont",
        "Anaïs O'Connor",
    }
    assert dupont.draft.delivery_address.city == "Rezé"
    assert [(r.source.value, r.value) for r in dupont.ratings] == [("banque_de_france", "5+")]
    # The contract penalty rate exists from 0006; older files get the legal rate (NULL).
    assert dupont.draft.penalty_rate_bp == (1200 if rev >= 6 else None)


def test_open_amounts_are_unchanged(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    expected = {1: 308_000, 2: 1_500_000, 3: 2_376_000, 4: 605_000, 6: 118_800}
    if rev >= 4:  # the shared remittance REM-0305 credits two customers
        expected[1] -= 50_000
        expected[3] -= 75_000
    if rev >= 8:  # the credit note that resolved the dispute on the racks
        expected[3] -= 120_000
    for customer_id, cents in expected.items():
        balance = services.receivables.customer_balance(customer_id, AS_OF)
        assert balance.open_cents == cents, CUSTOMER_NAMES[customer_id]
    assert services.receivables.customer_balance(5, AS_OF).open_count == 0


def test_visit_reports_keep_what_the_salesperson_saw(upgraded: tuple[int, Services]) -> None:
    _rev, services = upgraded
    [report] = services.visits.for_customer(2)
    assert report.draft.visit_date == date(2026, 2, 26)
    assert report.author_name == "Émilie Château"
    assert "« un trou de trésorerie »" in report.draft.free_text
    assert set(report.worrying_topics) == {
        ObservationTopic.SITE_ACTIVITY,
        ObservationTopic.PAYMENT_DIFFICULTIES,
    }
    seen = {o.topic: (o.assessment, o.comment) for o in report.draft.observations}
    assert seen[ObservationTopic.PAYMENT_DIFFICULTIES] == (
        Assessment.WORRYING,
        "« Un trou de trésorerie » jusqu'en avril.",
    )
    assert report.draft.payment_terms_reminded is True
    assert report.draft.next_visit_on == date(2026, 4, 2)


def test_imports_stay_in_the_history(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    history = services.imports.history()
    if rev < 3:
        assert history == []
        return
    [record] = history
    assert record.file_name == "FEC_552100554_20260301 (copie).txt"
    assert (record.actor, record.settled, record.created) == ("Zoé N'Diaye", 1, 2)


def test_reminder_follow_up_survives(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    if rev < 6:
        assert services.promises.for_customer(1) == []
        return
    [promise] = services.promises.for_customer(1)
    assert promise.status is PromiseStatus.PENDING
    assert (promise.promised_for, promise.amount_cents) == (date(2026, 3, 31), 308_000)
    assert promise.notes == "Virement promis « d'ici la fin du mois »."
    # 0007 gave promises a baseline; older ones get 0 (checked by hand only).
    assert promise.baseline_cents == (308_000 if rev >= 7 else 0)
    [task] = services.tasks.tasks(3)
    assert task.title == "Appeler L'Épi d'Or : 3 080,00 € échus"
    assert task.customer_name == CUSTOMER_NAMES[1]


def test_disputes_proposals_and_plans_survive(upgraded: tuple[int, Services]) -> None:
    rev, services = upgraded
    if rev < 8:
        assert services.disputes.list() == []
        return
    open_dispute = services.disputes.get(1)
    assert open_dispute.row.status is DisputeStatus.ANALYSIS
    assert open_dispute.row.disputed_cents == 312_000
    assert [e.text for e in open_dispute.events][-1] == (
        "Bon de livraison demandé au transporteur."
    )
    resolved = services.disputes.get(2)
    assert resolved.row.status is DisputeStatus.RESOLVED
    assert resolved.resolution is DisputeResolution.CREDIT_NOTE
    assert resolved.credit_note_number == "AV-2026-0009"
    assert resolved.approved_by == "Hélène Lefèvre"

    [row] = services.proposals.list()
    proposal = services.proposals.get(row.id)
    assert (row.number, row.status) == ("DEV-2026-0005", ProposalStatus.SENT)
    assert [line.description for line in proposal.lines] == [
        "Pont élévateur « Titan » 3,5 t",
        "Pose & mise en service",
    ]
    assert [line.item.amount_cents for line in proposal.schedule] == [450_000, 600_000, 450_000]
    assert sum(line.item.amount_cents for line in proposal.schedule) == row.total_cents

    plan = services.repayment.get(1)
    assert plan.plan.status is RepaymentPlanStatus.ACTIVE
    assert [i.amount_cents for i in plan.instalments] == [39_600, 39_600, 39_600]
    assert sum(i.amount_cents for i in plan.instalments) == plan.plan.total_cents

    names = [t.name for t in services.proposals.templates()]
    assert "Jalons 30 / 40 / 30" in names
    assert ("Acompte 40 % & solde à 30 jours fin de mois" in names) is (rev >= 9)


def test_stored_scores_and_their_history_survive(upgraded: tuple[int, Services]) -> None:
    """0011 (issue 7): the score stored on the customer and its history points."""
    rev, services = upgraded
    rows = services.customers.page(CustomerFilter(), CustomerSort.SCORE)
    if rev < 11:
        # Older files have no score until the first refresh of the day.
        assert {r.score for r in rows} == {None}
        assert all(services.score.history(cid) == [] for cid in CUSTOMER_NAMES)
        return
    # Lowest first, the customers not scored yet last (by name).
    assert [(r.id, r.score) for r in rows[:3]] == [(3, 35), (2, 52), (1, 78)]
    assert {r.score for r in rows[3:]} == {None}
    assert (rows[0].score_on, rows[0].score_rules_version) == (date(2026, 3, 9), "2026.1")
    assert [(p.computed_on, p.score, p.change) for p in services.score.history(2)] == [
        (date(2026, 3, 2), 61, None),
        (date(2026, 3, 9), 52, -9),
    ]
    assert services.score.history(3)[0].top_factors == {"overdue_share": -20, "open_disputes": -5}
