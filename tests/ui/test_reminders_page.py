"""The Relances page lists the day's actions by channel; done removes one from the list."""

from __future__ import annotations

from datetime import date

from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import CustomerStatus, DocumentKind
from desktop.persistence.models import Document
from desktop.services.registry import Services
from desktop.ui.reminders_page import RemindersPage


def _overdue_invoice(services: Services, name: str, number: str, due: date, cents: int) -> int:
    customer = services.customers.create(
        CustomerDraft(name, status=CustomerStatus.ACTIVE, billing_address=Address(city="Lyon"))
    )
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Document(
                customer_id=customer,
                kind=DocumentKind.INVOICE.value,
                number=number,
                issued_on=date(2026, 1, 2),
                due_on=due,
                total_cents=cents,
                open_cents=cents,
                created_at=now,
                updated_at=now,
            )
        )
    return customer


def test_the_days_actions_are_grouped_by_channel_and_can_be_done(qtbot, services: Services):
    # Today is 16/03/2026: 20 days late → a letter; 50 days late → a formal notice.
    _overdue_invoice(services, "Boulangerie L'Épi d'Or", "FA-201", date(2026, 2, 24), 125_040)
    _overdue_invoice(services, "Dupont & Fils <SARL>", "FA-202", date(2026, 1, 25), 48_000)
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    groups = {
        page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
    }
    assert set(groups) == {"Courriers à imprimer (1)", "Mises en demeure (1)"}
    letter = groups["Courriers à imprimer (1)"].child(0)
    assert letter.text(0) == "Boulangerie L'Épi d'Or"
    assert letter.text(4) == "1\u202f250,40\u00a0€"
    assert "2 action(s)" in page.subtitle.text()

    page.tree.setCurrentItem(letter)
    assert page.done_button.isEnabled()
    page.mark_done()
    remaining = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert remaining == ["Mises en demeure (1)"]
    page.reload()  # refreshing again the same day creates nothing twice
    assert page.tree.topLevelItemCount() == 1
