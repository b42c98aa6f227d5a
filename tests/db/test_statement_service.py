"""The account statement's data: open items, exact totals, the right legal mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.enums import Country, DocumentKind, PaymentTermsBasis
from desktop.domain.errors import NotFoundError
from desktop.domain.identifiers import french_vat_from_siren
from desktop.persistence.models import Document
from desktop.services.company import CompanyProfile
from desktop.services.registry import Services
from desktop.services.statements import half_year, late_payment_rule
from tests.db.factories import BE_NUMBERS, SIRENS, belgian, customer

AS_OF = date(2026, 3, 16)
IBAN = "FR7630004008230001048271559"


def add(
    services: Services,
    customer_id: int,
    number: str,
    issued: date,
    due: date,
    total: int,
    open_cents: int,
    kind: DocumentKind = DocumentKind.INVOICE,
    *,
    settled_on: date | None = None,
    label: str = "",
) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=kind.value,
            number=number,
            issued_on=issued,
            due_on=due,
            total_cents=total,
            vat_cents=None,
            open_cents=open_cents,
            settled_on=settled_on,
            label=label,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


@pytest.fixture
def company(services: Services) -> CompanyProfile:
    profile = CompanyProfile(
        legal_name="Ateliers Durand & Fils",
        legal_form="SAS",
        siren=SIRENS[5],
        vat_number=french_vat_from_siren(SIRENS[5]),
        address_line1="14 rue des Forges",
        postal_code="69800",
        city="Saint-Priest",
        iban=IBAN,
        bic="BNPAFRPPXXX",
    )
    services.company.save(profile)
    return profile


@pytest.fixture
def ledger(services: Services, company: CompanyProfile) -> int:
    """A French business customer with overdue, partly paid, not yet due and settled
    invoices, an open credit note, and another customer's invoice."""
    cid = services.customers.create(
        customer("Dupont & Fils <SARL>", siren=SIRENS[0], account_code="411DUP")
    )
    other = services.customers.create(customer("Autre client", siren=SIRENS[1]))
    add(services, cid, "FA-2026-0003", date(2026, 2, 1), date(2026, 3, 3), 500_00, 200_00)
    add(services, cid, "FA-2025-0120", date(2025, 12, 1), date(2025, 12, 31), 1_000_00, 1_000_00)
    add(services, cid, "FA-2026-0009", date(2026, 3, 2), date(2026, 4, 1), 300_00, 300_00)
    add(
        services, cid, "AV-2026-0001", date(2026, 2, 20), date(2026, 2, 20), -100_00, -100_00,
        DocumentKind.CREDIT_NOTE, label="Avoir sur FA-2026-0003",
    )  # fmt: skip
    add(
        services, cid, "FA-2025-0100", date(2025, 11, 1), date(2025, 12, 1), 700_00, 0,
        settled_on=date(2025, 12, 5),
    )  # fmt: skip
    # Due today: not late yet (penalties run from the day after the due date).
    add(services, cid, "FA-2026-0010", date(2026, 2, 14), AS_OF, 50_00, 50_00)
    # Issued after the statement date: not on it.
    add(services, cid, "FA-2026-0020", date(2026, 3, 20), date(2026, 4, 19), 80_00, 80_00)
    add(services, other, "FA-2026-0004", date(2026, 1, 5), date(2026, 2, 4), 9_999_00, 9_999_00)
    return cid


def test_open_items_sorted_by_due_date_with_exact_totals(services: Services, ledger: int) -> None:
    data = services.statements.statement(ledger, AS_OF)
    assert [x.number for x in data.lines] == [
        "FA-2025-0120",
        "AV-2026-0001",
        "FA-2026-0003",
        "FA-2026-0010",
        "FA-2026-0009",
    ]
    by_number = {x.number: x for x in data.lines}
    assert by_number["FA-2026-0003"].paid_cents == 300_00
    assert by_number["FA-2026-0003"].open_cents == 200_00
    assert by_number["FA-2026-0003"].days_late == 13
    assert by_number["FA-2025-0120"].days_late == 75
    assert by_number["FA-2026-0010"].days_late is None  # due today
    assert by_number["FA-2026-0009"].days_late is None
    credit = by_number["AV-2026-0001"]
    assert credit.kind is DocumentKind.CREDIT_NOTE
    assert (credit.total_cents, credit.open_cents, credit.days_late) == (-100_00, -100_00, None)
    # 1000 + 200 + 300 + 50 − 100; overdue: 1000 + 200, the credit deducted first.
    assert data.total_due_cents == 1_450_00
    assert data.total_overdue_cents == 1_100_00
    assert data.late_invoices == 2
    assert data.indemnity_cents == 2 * 40_00
    assert data.as_of == AS_OF
    assert data.title == "Relevé de compte au 16 mars 2026"


def test_letterhead_and_address(services: Services, ledger: int) -> None:
    data = services.statements.statement(ledger, AS_OF)
    assert data.company.name == "Ateliers Durand & Fils"
    assert data.company.iban == "FR76 3000 4008 2300 0104 8271 559"
    assert data.company.bic == "BNPAFRPPXXX"
    assert "SIREN 404 833 048" in data.company.identifiers
    assert data.company.address_lines == ("14 rue des Forges", "69800 Saint-Priest")
    assert data.customer.name == "Dupont & Fils <SARL>"
    assert data.customer.address_lines == ("12, rue de l'Église", "42000 Saint-Étienne")
    assert data.customer.account_code == "411DUP"
    assert data.customer.identifier == "SIREN 732 829 320"


def test_french_business_mentions(services: Services, ledger: int) -> None:
    data = services.statements.statement(ledger, AS_OF)
    # ECB rate in force on 1 January 2026 (2.15 %) + 10 points.
    assert "taux BCE + 10 points" in data.penalty_mention
    assert "12,15\u00a0% pour le 1er semestre 2026" in data.penalty_mention
    assert "40 €" in data.indemnity_mention
    assert data.mentions[-1] == (
        "Si vous avez déjà réglé, merci de ne pas tenir compte de ce relevé."
    )
    # H1 2025: ECB 3.15 % on 1 January → 13.15 %; H2 2025: 2.15 % on 1 July → 12.15 %.
    early = services.statements.statement(ledger, date(2025, 3, 1))
    assert "13,15\u00a0% pour le 1er semestre 2025" in early.penalty_mention
    late = services.statements.statement(ledger, date(2025, 9, 1))
    assert "12,15\u00a0% pour le 2e semestre 2025" in late.penalty_mention


def test_a_consumer_never_owes_the_fixed_indemnity(services: Services, company: object) -> None:
    cid = services.customers.create(customer("M. Jean Martin", is_consumer=True))
    add(services, cid, "FA-2025-0500", date(2025, 10, 1), date(2025, 10, 31), 120_00, 120_00)
    data = services.statements.statement(cid, AS_OF)
    assert data.late_invoices == 1
    assert data.indemnity_cents == 0
    assert data.indemnity_mention == ""
    assert not any("40 €" in m for m in data.mentions)
    assert "taux légal" in data.penalty_mention
    assert "BCE" not in data.penalty_mention


def test_belgian_customers_get_the_belgian_rate(services: Services, company: object) -> None:
    cid = services.customers.create(belgian(enterprise_number=BE_NUMBERS[0]))
    add(services, cid, "FA-2026-0007", date(2026, 1, 2), date(2026, 2, 1), 2_000_00, 2_000_00)
    data = services.statements.statement(cid, AS_OF)
    assert "BCE + 8 points" in data.penalty_mention
    assert "10,50\u00a0%" in data.penalty_mention
    assert "2 août 2002" in data.penalty_mention
    assert "40 €" in data.indemnity_mention
    assert "10 points" not in data.penalty_mention
    assert data.customer.address_lines[-1] == "BELGIQUE"
    assert data.customer.identifier == "BCE 0403.170.701"


def test_rules_by_country_and_half_year() -> None:
    assert half_year(date(2026, 6, 30)) == (date(2026, 1, 1), "1er semestre 2026")
    assert half_year(date(2026, 7, 1)) == (date(2026, 7, 1), "2e semestre 2026")
    be_consumer = late_payment_rule(Country.BELGIUM, True, AS_OF)
    assert be_consumer.indemnity == "" and "14 jours" in be_consumer.penalty
    # Customers elsewhere get the seller's (French) rule.
    assert late_payment_rule(Country.OTHER, False, AS_OF) == late_payment_rule(
        Country.FRANCE, False, AS_OF
    )


def test_customers_are_found_by_every_key(services: Services, ledger: int) -> None:
    be = services.customers.create(belgian(enterprise_number=BE_NUMBERS[0]))
    find = services.statements.find_customer
    assert find(SIRENS[0]) == ledger
    assert find("732 829 320") == ledger
    assert find("411DUP") == ledger
    assert find("411dup") == ledger
    assert find(str(ledger)) == ledger
    assert find("0403.170.701") == be
    assert services.statements.statement("411dup", AS_OF).customer.name == "Dupont & Fils <SARL>"
    for unknown in ("999999999", "nobody", "", "424242"):
        with pytest.raises(NotFoundError):
            find(unknown)
    with pytest.raises(NotFoundError):
        services.statements.statement(424242, AS_OF)


def test_a_file_without_company_or_documents(services: Services) -> None:
    cid = services.customers.create(
        replace(customer(), payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_AFTER)
    )
    data = services.statements.statement(cid, AS_OF)
    assert data.lines == ()
    assert (data.total_due_cents, data.total_overdue_cents, data.late_invoices) == (0, 0, 0)
    assert data.company.name == "" and data.company.iban == ""
