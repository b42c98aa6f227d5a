"""The reminder calendar as the assistant uses it: month and week views, a call with a
promise, a hand-off to the salesperson answered from the task list, filters, the plan
editor. Today is 16/03/2026 (test clock)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import (
    ActionStatus,
    CallOutcome,
    Channel,
    CustomerStatus,
    DocumentKind,
    Profile,
    PromiseStatus,
)
from desktop.persistence.models import Document
from desktop.services.registry import Services
from desktop.ui.reminders.action_dialogs import CallDialog, HandoffDialog
from desktop.ui.reminders.plan_editor import PlanEditorDialog
from desktop.ui.reminders.task_list import AnswerDialog
from desktop.ui.reminders_page import RemindersPage


def _customer_with_invoice(
    services: Services, name: str, due: date, cents: int, salesperson: int | None = None
) -> int:
    customer = services.customers.create(
        CustomerDraft(
            name,
            status=CustomerStatus.ACTIVE,
            billing_address=Address(line1="12 rue de la Paix", postal_code="69002", city="Lyon"),
            salesperson_id=salesperson,
        )
    )
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Document(
                customer_id=customer,
                kind=DocumentKind.INVOICE.value,
                number=f"FA-{customer:04d}",
                issued_on=date(2026, 1, 2),
                due_on=due,
                total_cents=cents,
                open_cents=cents,
                created_at=now,
                updated_at=now,
            )
        )
    return customer


def _item(page: RemindersPage, customer: str):  # type: ignore[no-untyped-def]
    for i in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == customer:
                return group.child(j)
    raise AssertionError(f"{customer} not in the day's list")


def test_month_view_counts_the_actions_of_each_day(qtbot, services: Services) -> None:
    _customer_with_invoice(services, "Boulangerie L'Épi d'Or", date(2026, 2, 24), 125_040)
    _customer_with_invoice(services, "Dupont & Fils <SARL>", date(2026, 3, 12), 48_000)
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    page.tabs.setCurrentWidget(page.month)
    grid = page.month.calendar
    start, _ = grid.visible_range()
    today = (date(2026, 3, 16) - start).days
    assert grid.item(today // 7, today % 7).text() == "16\n1 relance(s)"
    # Dupont's invoice, due 12/03, reaches the 7-day level on 19/03: forecast.
    forecast = (date(2026, 3, 19) - start).days
    assert "1 relance(s)" in grid.item(forecast // 7, forecast % 7).text()
    grid.select_day(date(2026, 3, 19))
    assert page.month.day_list.topLevelItemCount() == 1
    row = page.month.day_list.topLevelItem(0)
    assert row.text(0) == "Dupont & Fils <SARL>"
    assert row.text(3) == "À venir"
    page.month.next_button.click()
    assert page.month.calendar.month == 4


def test_week_view_lists_each_day(qtbot, services: Services) -> None:
    _customer_with_invoice(services, "Boulangerie L'Épi d'Or", date(2026, 2, 24), 125_040)
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    page.tabs.setCurrentWidget(page.week)
    monday = page.week.days[0]  # 16/03/2026 is a Monday
    assert monday.count() == 1
    assert monday.item(0).text().startswith("Boulangerie L'Épi d'Or\nCourrier")
    page.week.next_button.click()
    assert page.week.monday == date(2026, 3, 23)


def test_a_call_with_a_promise_pauses_the_customer(qtbot, services: Services) -> None:
    # Slow payers call: put the customer in a segment following "Mauvais payeurs".
    plans = {p.name: p.id for p in services.reminders.plans()}
    segment = services.reference.add_segment("Payeurs lents")
    services.reminders.set_segment_plan(segment, plans["Mauvais payeurs"])
    customer = _customer_with_invoice(services, "Garage Müller & Fils", date(2026, 3, 4), 99_000)
    draft = services.customers.get(customer).draft
    from dataclasses import replace

    services.customers.update(customer, replace(draft, segment_id=segment))
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    item = _item(page, "Garage Müller & Fils")
    assert item.parent().text(0) == "Appels à passer (1)"
    page.tree.setCurrentItem(item)
    dialog = CallDialog(services, page._selected_row(), page)
    qtbot.addWidget(dialog)
    assert dialog.promise_box.isHidden()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(CallOutcome.PROMISE.value))
    assert not dialog.promise_box.isHidden()
    dialog.notes.setPlainText("Le gérant paiera vendredi.")
    dialog.promise.promised_for.set_value(date(2026, 3, 20))
    dialog.promise.amount.setText("abc")
    dialog.save()
    assert dialog.result() == 0  # refused: the amount does not parse
    assert dialog.errors.label("amount").text()
    dialog.promise.amount.setText("990,00")
    dialog.save()
    assert dialog.promise_id is not None
    promise = services.promises.for_customer(customer)[0]
    assert (promise.promised_for, promise.amount_cents, promise.status) == (
        date(2026, 3, 20),
        99_000,
        PromiseStatus.PENDING,
    )
    page.reload()
    assert page.tree.topLevelItemCount() == 0


def test_hand_off_to_the_salesperson_then_answer_the_task(qtbot, services: Services) -> None:
    seller = services.reference.add_user("Émilie Rousseau", Profile.SALESPERSON)
    customer = _customer_with_invoice(
        services, "Quincaillerie de l'Ouest", date(2026, 2, 10), 310_000, salesperson=seller
    )
    services.reminders.refresh(date(2026, 3, 16))
    row = next(r for r in services.reminders.due(date(2026, 3, 16)) if r.customer_id == customer)
    assert row.channel is Channel.SALESPERSON
    dialog = HandoffDialog(services, row)
    qtbot.addWidget(dialog)
    assert dialog.assignee.currentData() == seller
    assert "FA-" in dialog.instructions.toPlainText()
    dialog.instructions.setPlainText("Passer voir le gérant : 3 100 € en retard.")
    dialog.save()
    assert dialog.task_id is not None
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.task_list)
    page.task_list.select_assignee(seller)
    page.task_list.reload()
    assert page.task_list.tree.topLevelItemCount() == 1
    page.task_list.tree.setCurrentItem(page.task_list.tree.topLevelItem(0))
    assert "3 100 €" in page.task_list.detail.text()
    task = page.task_list.selected()
    answer = AnswerDialog(services, task)
    qtbot.addWidget(answer)
    answer.save()
    assert answer.errors.label("answer").text()  # an answer is required
    answer.answer.setPlainText("Virement fait ce matin, copie reçue.")
    answer.save()
    page.task_list.reload()
    assert page.task_list.tree.topLevelItemCount() == 0
    closed = services.tasks.tasks(seller, include_closed=True)
    assert closed[0].answer == "Virement fait ce matin, copie reçue."
    action = services.reminders.between(date(2026, 3, 16), date(2026, 3, 16))
    assert [a.status for a in action if a.id == row.id] == [ActionStatus.DONE]


def test_filters_by_assignee_and_segment(qtbot, services: Services) -> None:
    assistant = services.reference.add_user("Chloé Lefèvre", Profile.ASSISTANT)
    _customer_with_invoice(services, "Boulangerie L'Épi d'Or", date(2026, 2, 24), 125_040)
    _customer_with_invoice(services, "Pharmacie Saint-Éloi", date(2026, 2, 25), 45_000)
    services.reminders.refresh(date(2026, 3, 16))
    first = services.reminders.due(date(2026, 3, 16))[0]
    services.reminders.assign(first.id, assistant)
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    page.assignee_filter.setCurrentIndex(page.assignee_filter.findData(assistant))
    assert page.tree.topLevelItem(0).childCount() == 1
    assert page.tree.topLevelItem(0).child(0).text(5) == "Chloé Lefèvre"
    page.assignee_filter.setCurrentIndex(1)  # unassigned
    assert page.tree.topLevelItem(0).childCount() == 1
    assert page.tree.topLevelItem(0).child(0).text(0) != first.customer_name


def test_export_calendar_writes_an_ics_file(
    qtbot, services: Services, tmp_path: Path, monkeypatch
) -> None:
    _customer_with_invoice(services, "Dupont, Durand & Fils; SARL", date(2026, 2, 24), 125_040)
    page = RemindersPage(services)
    qtbot.addWidget(page)
    page.reload()
    out = tmp_path / "relances"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    page.export_calendar()
    from icalendar import Calendar

    calendar = Calendar.from_ical((tmp_path / "relances.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "Courrier – Dupont, Durand & Fils; SARL" in summaries
    assert "exporté" in shown[0]


@pytest.mark.parametrize("swap", [False, True])
def test_plan_editor_saves_levels_and_reports_errors(qtbot, services: Services, swap: bool) -> None:
    dialog = PlanEditorDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.plan_list.count() == 4
    dialog.plan_list.setCurrentRow(2)  # Mauvais payeurs
    assert dialog.name.text() == "Mauvais payeurs"
    first_offset = dialog._cell(1, 1)
    if swap:
        first_offset.setValue(10)
        dialog._cell(2, 1).setValue(3)
    else:
        first_offset.setValue(20)  # same as "Dernière relance": refused
    dialog.save()
    if swap:
        assert dialog.errors.isHidden()
        plan = next(p for p in services.reminders.plans() if p.name == "Mauvais payeurs")
        assert [(lv.name, lv.offset_days) for lv in plan.levels][1:3] == [
            ("Appel", 3),
            ("Relance", 10),
        ]
    else:
        assert "Deux niveaux ont le même décalage (20 jours)" in dialog.errors.text()
        assert "Niveau « Dernière relance »" in dialog.errors.text()
        plan = next(p for p in services.reminders.plans() if p.name == "Mauvais payeurs")
        assert plan.levels[1].offset_days == 3  # nothing saved
