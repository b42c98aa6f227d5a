"""The user's own company details, and the file check the user can run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.domain.enums import Country
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.persistence.migrations import head_revision
from desktop.services.company import CompanyProfile
from desktop.services.registry import Services
from tests.db.factories import add_document, customer

PROFILE = CompanyProfile(
    legal_name="Société Générale d'Équipements Industriels du Sud-Ouest",
    legal_form="SAS",
    country=Country.FRANCE,
    siren="732 829 320",
    vat_number="FR 44 732 829 320",
    address_line1="12, rue de l'Église",
    address_line2="Bâtiment « Les Œillets »",
    postal_code="33000",
    city="Bordeaux",
    phone="05 56 00 00 00",
    email="relances@sgeiso.fr",
    iban="FR76 3000 6000 0112 3456 7890 189",
    bic="bnpa fr pp",
    signatory_name="Hélène Faure",
    signatory_title="Responsable crédit clients",
    default_payment_terms_days=45,
)


def test_no_company_on_a_new_file(services: Services) -> None:
    assert services.company.get() is None


def test_company_round_trip(services: Services) -> None:
    services.company.save(PROFILE)
    saved = services.company.get()
    assert saved is not None
    assert saved.legal_name == "Société Générale d'Équipements Industriels du Sud-Ouest"
    assert saved.address_line2 == "Bâtiment « Les Œillets »"
    assert saved.siren == "732829320"
    assert saved.vat_number == "FR44732829320"
    assert saved.iban == "FR7630006000011234567890189"
    assert saved.bic == "BNPAFRPP"
    assert saved.default_payment_terms_days == 45
    assert saved.country is Country.FRANCE


def test_saving_again_replaces_the_single_row(services: Services, db_path: Path) -> None:
    services.company.save(PROFILE)
    services.company.save(CompanyProfile(legal_name="Dupont & Fils <SARL>", city="Lyon"))
    saved = services.company.get()
    assert saved is not None
    assert (saved.legal_name, saved.city, saved.iban) == ("Dupont & Fils <SARL>", "Lyon", "")
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM company_settings").fetchone() == (1,)
    connection.close()


def test_invalid_iban_is_refused_and_nothing_saved(services: Services) -> None:
    wrong = CompanyProfile(legal_name="Dupont & Fils", iban="FR76 3000 6000 0112 3456 7890 188")
    with pytest.raises(ValidationError) as info:
        services.company.save(wrong)
    assert info.value.codes() == {"iban": ErrorCode.INVALID_IBAN}
    assert services.company.get() is None


def test_every_company_problem_at_once(services: Services) -> None:
    wrong = CompanyProfile(
        legal_name=" ",
        siren="732829321",
        iban="FR76",
        bic="BNPA12PP",
        enterprise_number="0403170702",
    )
    with pytest.raises(ValidationError) as info:
        services.company.save(wrong)
    assert info.value.codes() == {
        "legal_name": ErrorCode.REQUIRED,
        "siren": ErrorCode.INVALID_SIREN,
        "enterprise_number": ErrorCode.INVALID_BE_ENTERPRISE,
        "iban": ErrorCode.INVALID_IBAN,
        "bic": ErrorCode.INVALID_BIC,
    }


# --- maintenance ------------------------------------------------------------------------


def test_check_of_a_fresh_file_is_ok(services: Services) -> None:
    report = services.maintenance.check()
    assert report.ok
    assert report.problems == ()
    assert report.schema_revision == report.expected_revision == head_revision()
    assert (report.customers, report.documents, report.visit_reports) == (0, 0, 0)


def test_check_counts_records(services: Services) -> None:
    customer_id = services.customers.create(customer())
    add_document(services, customer_id)
    report = services.maintenance.check(quick=True)
    assert report.ok
    assert (report.customers, report.documents) == (1, 1)


def test_check_reports_a_foreign_key_violation(services: Services, db_path: Path) -> None:
    # Written by another tool that does not enforce foreign keys.
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO contacts (customer_id, first_name, last_name, role, email, phone, "
            "is_primary, receives_reminders, notes, created_at, updated_at) "
            "VALUES (4242, 'Jérôme', 'Lefèvre', '', '', '', 0, 0, '', '2026-03-16', '2026-03-16')"
        )
        connection.commit()
    finally:
        connection.close()

    report = services.maintenance.check()
    assert not report.ok
    assert len(report.problems) == 1
    assert "contacts" in report.problems[0]
    assert "customers" in report.problems[0]


def test_check_reports_a_schema_behind_the_application(services: Services, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '0000_old'")
        connection.commit()
    finally:
        connection.close()
    report = services.maintenance.check()
    assert report.problems == ()
    assert report.schema_revision == "0000_old"
    assert not report.ok
