"""Repayment plans and visit briefs in the UI: the plan dialog previews the schedule,
refuses what cannot be split, saves and activates a plan; the customer page lists the
plans, notes a payment, prints the plan and the pre-visit brief; the week's briefs from
the Fichier menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.domain.enums import Profile, RepaymentPlanStatus
from desktop.domain.visit import VisitReportDraft
from desktop.services.registry import Services
from desktop.ui.customers.customer_page import TAB_PLANS, CustomerPage
from desktop.ui.main_window import MainWindow
from desktop.ui.repayment.plan_dialog import PlanDialog
from desktop.ui.repayment.visit_briefs import save_week_briefs
from tests.db.test_repayment_service import add_doc
from tests.ui.helpers import DUPONT_NAME, create_customer

TODAY = date(2026, 3, 16)


@pytest.fixture
def ledger(services: Services) -> tuple[int, int, int]:
    cid = create_customer(services, DUPONT_NAME)
    a = add_doc(services, cid, "FA-2025-0990", "2026-01-30", 1_500_000)
    b = add_doc(services, cid, "FA-2026-0042", "2026-02-20", 345_678)
    add_doc(services, cid, "FA-2026-0101", "2026-04-15", 120_000, issued="2026-03-01")
    return cid, a, b


def test_the_dialog_previews_then_creates_and_activates_a_plan(
    qtbot, services: Services, ledger: tuple[int, int, int]
) -> None:  # type: ignore[no-untyped-def]
    cid, a, b = ledger
    dialog = PlanDialog(services, cid, DUPONT_NAME)
    qtbot.addWidget(dialog)
    # Only the two overdue invoices are offered, both ticked.
    assert dialog.invoices.topLevelItemCount() == 2
    assert dialog.selected_ids() == [a, b]
    dialog.count.setValue(4)
    assert dialog.schedule.topLevelItemCount() == 4
    last = dialog.schedule.topLevelItem(3)
    assert last.text(3).startswith("0,00")
    assert "18\u202f456,78" in dialog.total_label.text()

    dialog.frequency.setCurrentIndex(dialog.frequency.findData(3))
    assert dialog.schedule.topLevelItem(1).text(1) == "30/06/2026"

    # Untick the big invoice, include penalties: the total follows.
    dialog.invoices.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.penalties.setChecked(True)
    assert dialog.selected_ids() == [b]
    assert "dont pénalités et indemnités" in dialog.total_label.text()

    # Nothing ticked: the problem is said and saving waits.
    dialog.invoices.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.error_label.text() == "Choisissez au moins une facture échue."
    assert not dialog.save_button.isEnabled()
    dialog.invoices.topLevelItem(1).setCheckState(0, Qt.CheckState.Checked)
    assert dialog.error_label.text() == ""

    assert dialog.activate()
    plan = services.repayment.get(dialog.plan_id).plan  # type: ignore[arg-type]
    assert plan.status is RepaymentPlanStatus.ACTIVE and plan.signed_on == TODAY
    assert plan.instalment_count == 4 and plan.frequency_months == 3
    assert plan.penalties_cents > 0
    assert [d.number for d in services.repayment.get(plan.id).documents] == ["FA-2026-0042"]


def test_an_amount_that_cannot_be_split_is_refused_with_a_message(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, "Café de la Gare")
    add_doc(services, cid, "FA-2026-0007", "2026-02-01", 5)
    dialog = PlanDialog(services, cid, "Café de la Gare")
    qtbot.addWidget(dialog)
    dialog.count.setValue(6)
    assert "ne peut pas être réparti en autant d'échéances : 5 au plus" in (
        dialog.error_label.text()
    )
    assert dialog.save_button.isEnabled() is False
    assert dialog.save_draft() is None
    assert services.repayment.for_customer(cid) == []


def test_a_saved_draft_prints_and_locks_the_form(
    qtbot, services: Services, ledger: tuple[int, int, int], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cid, _a, _b = ledger
    dialog = PlanDialog(services, cid, DUPONT_NAME)
    qtbot.addWidget(dialog)
    written = dialog.save_pdf(str(tmp_path / "plan.pdf"))
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    assert dialog.plan_id is not None
    assert services.repayment.get(dialog.plan_id).plan.status is RepaymentPlanStatus.DRAFT
    assert not dialog.count.isEnabled() and not dialog.save_button.isEnabled()


def test_the_customer_page_lists_plans_notes_payments_and_prints_the_brief(
    qtbot, services: Services, ledger: tuple[int, int, int], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid, a, _b = ledger
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(cid)
    assert page.plans_tab.empty.isVisibleTo(page.plans_tab)

    def build(dialog_self: PlanDialog) -> int:
        dialog_self.invoices.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
        dialog_self.count.setValue(2)
        return 1 if dialog_self.activate() else 0

    monkeypatch.setattr(PlanDialog, "exec", build)
    page.new_repayment_plan()
    assert page.tabs.currentIndex() == TAB_PLANS
    assert page.tabs.tabText(TAB_PLANS) == "Plans d'apurement (1 en cours)"
    (row,) = page.plans_tab.rows
    assert row.status is RepaymentPlanStatus.ACTIVE and row.total_cents == 1_500_000
    assert page.plans_tab.tree.topLevelItem(0).text(1) == "En cours"
    assert page.plans_tab.payment_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("7 500,00", True))
    assert page.plans_tab.record_payment()
    (row,) = page.plans_tab.rows
    assert row.remaining_cents == 750_000 and row.next_due_on == date(2026, 4, 30)

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    assert not page.plans_tab.record_payment("8 000,00")
    assert shown == ["Montant supérieur au solde du plan : 7\u202f500,00\u00a0€ au plus."]

    assert page.plans_tab.save_pdf(str(tmp_path / "plan.pdf")) is not None
    brief = page.save_visit_brief(str(tmp_path / "fiche.pdf"))
    assert brief is not None and brief.read_bytes().startswith(b"%PDF")
    assert services.repayment.overdue_invoices(cid)[0].document_id == a


def test_the_weeks_briefs_from_the_menu(
    qtbot, services: Services, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    sales = services.reference.add_user("Émilie Rousseau", Profile.SALESPERSON)
    cid = create_customer(services, DUPONT_NAME, salesperson_id=sales)
    services.visits.create(VisitReportDraft(cid, date(2026, 3, 2), sales, next_visit_on=TODAY))
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert any(
        a.text() == "Fiches de visite de la semaine…"
        for a in window.menuBar().actions()[0].menu().actions()
    )
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Émilie Rousseau", True))
    path, count = save_week_briefs(window, services, path=str(tmp_path / "semaine.pdf"))
    assert count == 1 and path is not None and path.exists()

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    other = services.reference.add_user("Marc Dubois", Profile.SALESPERSON)
    assert save_week_briefs(window, services, other, str(tmp_path / "x.pdf")) == (None, 0)
    assert told == ["Aucune visite n'est prévue cette semaine pour ce commercial."]
