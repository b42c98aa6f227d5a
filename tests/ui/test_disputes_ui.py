"""The dispute log as the office uses it (issue 5): from a reminder action the customer
contests to a dispute resolved by a credit note, the Litiges page with its filters,
totals and summary, the customer's « Litiges » tab and « Contester… » on an invoice.
Today is 16/03/2026 (test clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import (
    CallOutcome,
    CustomerStatus,
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    Profile,
    TaskKind,
)
from desktop.domain.money import format_cents
from desktop.persistence.models import Document
from desktop.services.customers import ContactData
from desktop.services.disputes import DisputeFilter
from desktop.services.registry import Services
from desktop.ui.customers.customer_page import TAB_DISPUTES, CustomerPage
from desktop.ui.disputes.detail_dialog import DisputeDetailDialog
from desktop.ui.disputes.dispute_dialog import DisputeDialog
from desktop.ui.disputes.list_model import COL_ANSWER, COL_CUSTOMER, OVERDUE_COLOR
from desktop.ui.disputes_page import ALL, DisputesPage
from desktop.ui.reminders.action_dialogs import CallDialog
from desktop.ui.reminders_page import RemindersPage
from tests.ui.helpers import displayed_text, error_text, type_text

TODAY = date(2026, 3, 16)
EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL> — Menuiserie d'Aubervilliers"


@dataclass
class Shop:
    customer_id: int
    salesperson: int
    owner: int
    fa1: int  # 1 250,40 € due 24/02
    fa2: int  # 480,00 € due 02/03


def _invoice(services: Services, customer_id: int, number: str, due: date, cents: int) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=DocumentKind.INVOICE.value,
            number=number,
            issued_on=due - timedelta(days=30),
            due_on=due,
            total_cents=cents,
            open_cents=cents,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


def _customer(services: Services, name: str, salesperson: int | None = None) -> int:
    return services.customers.create(
        CustomerDraft(
            name,
            status=CustomerStatus.ACTIVE,
            billing_address=Address(line1="12, rue de l'Église", postal_code="69002", city="Lyon"),
            salesperson_id=salesperson,
        ),
        contacts=[
            ContactData(None, "Hélène", "Lefèvre-N'Diaye", "Gérante", is_primary=True),
        ],
    )


@pytest.fixture
def shop(services: Services) -> Shop:
    salesperson = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    owner = services.reference.add_user("Karim Benali", Profile.OWNER)
    customer_id = _customer(services, EPI, salesperson)
    fa1 = _invoice(services, customer_id, "FA-2026-0142", date(2026, 2, 24), 125_040)
    fa2 = _invoice(services, customer_id, "FA-2026-0157", date(2026, 3, 2), 48_000)
    return Shop(customer_id, salesperson, owner, fa1, fa2)


def _fill_and_save(description: str, tick: tuple[int, ...] = ()):  # type: ignore[no-untyped-def]
    """An `exec` for DisputeDialog: tick the rows `tick`, type the description, save."""

    def run(dialog: DisputeDialog) -> int:
        for row in tick:
            dialog.invoices.set_checked(row, True)
        dialog.description.setPlainText(description)
        dialog.save()
        return dialog.result()

    return run


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton) -> list[str]:
    """QMessageBox.question answers in turn; returns the questions asked."""
    asked: list[str] = []
    queue = list(answers)

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _today_item(page: RemindersPage, customer: str):  # type: ignore[no-untyped-def]
    for i in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == customer:
                return group.child(j)
    raise AssertionError(f"{customer} not in the day's list")


# --- from a reminder action to a resolved dispute ------------------------------------------


def test_from_a_reminder_action_to_a_dispute_resolved_by_credit_note(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    reminders = RemindersPage(services)
    qtbot.addWidget(reminders)
    reminders.reload()
    action = _today_item(reminders, EPI)
    chased_before = action.text(4)
    assert chased_before == format_cents(125_040 + 48_000)
    reminders.tree.setCurrentItem(action)
    assert reminders.dispute_button.isEnabled()

    seen: list[DisputeDialog] = []

    def fill(dialog: DisputeDialog) -> int:
        seen.append(dialog)
        # The action's customer is fixed and both chased invoices are ticked in full.
        assert dialog.customer_picker.isHidden()
        assert dialog.customer_label.text() == EPI
        assert dialog.invoices.checked_rows() == [0, 1]
        assert dialog.invoices.amount_edit(0).text() == format_cents(125_040, symbol=False)
        # Reported by the customer's main contact, today.
        assert dialog.reported_by.text() == "Hélène Lefèvre-N'Diaye"
        assert dialog.reported_on.value() == TODAY
        # Only part of the first invoice is contested; the second is not.
        dialog.invoices.set_checked(1, False)
        dialog.invoices.amount_edit(0).setText("300,00")
        assert dialog.total_label.text() == (
            "1 facture(s) cochée(s) — total contesté : " + format_cents(30_000)
        )
        dialog.category.setCurrentIndex(dialog.category.findData(DisputeCategory.DAMAGED.value))
        # The department follows the category until the user picks one.
        assert dialog.department.currentData() == Department.QUALITY.value
        type_text(qtbot, dialog.description, "Deux sacs de farine T65 livrés percés & mouillés")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisputeDialog, "exec", fill)
    dispute_id = reminders.open_dispute()
    assert dispute_id is not None and seen

    detail = services.disputes.get(dispute_id)
    assert [(line.number, line.disputed_cents) for line in detail.lines] == [
        ("FA-2026-0142", 30_000)
    ]
    assert detail.row.status is DisputeStatus.OPEN
    assert detail.row.department is Department.QUALITY
    # The salesperson gets the seeds' questions.
    tasks = [
        t for t in services.tasks.tasks(shop.salesperson) if t.kind is TaskKind.DISPUTE_QUESTIONS
    ]
    assert len(tasks) == 1

    # On the Litiges page: open it, move it to analysis, add a note.
    page = DisputesPage(services)
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == 1
    dialog = page.make_detail(dispute_id)
    qtbot.addWidget(dialog)
    assert dialog.badge.text() == "Ouvert"
    assert dialog.status_buttons[DisputeStatus.OPEN].isHidden()  # already open
    type_text(qtbot, dialog.note, "Transmis au service qualité avec les photos")
    qtbot.mouseClick(dialog.status_buttons[DisputeStatus.ANALYSIS], Qt.MouseButton.LeftButton)
    assert dialog.badge.text() == "En analyse"
    assert dialog.note.toPlainText() == ""  # it went with the change as its comment
    type_text(qtbot, dialog.note, "Le client rappelle jeudi : <urgent> & sans BL")
    qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)
    thread = dialog.thread.toPlainText()
    assert "Ouvert → En analyse" in thread
    assert "Transmis au service qualité avec les photos" in thread
    assert "Le client rappelle jeudi : <urgent> & sans BL" in thread
    assert "Camille Test" in thread
    assert page.model.row_at(0).status is DisputeStatus.ANALYSIS  # the page followed

    # A credit note above the disputed 300,00 € asks first; « Non » changes nothing.
    dialog.closing.setCurrentIndex(dialog.closing.findData(DisputeResolution.CREDIT_NOTE.value))
    assert dialog.amount.text() == "300,00"  # the disputed total, to start from
    dialog.credit_note_number.setText("AV-2026-0012")
    dialog.amount.setText("350,00")
    asked = _answers(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    assert not dialog.close_dispute()
    assert "dépasse le montant contesté" in asked[0]
    assert "350,00" in asked[0] and "300,00" in asked[0]
    assert services.disputes.get(dispute_id).row.status is DisputeStatus.ANALYSIS
    # « Oui »: resolved, the credit note is in the ledger and the outstanding drops.
    balance_before = services.receivables.customer_balance(shop.customer_id, TODAY).open_cents
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    detail = services.disputes.get(dispute_id)
    assert detail.row.status is DisputeStatus.RESOLVED
    assert detail.resolution is DisputeResolution.CREDIT_NOTE
    assert detail.credit_note_number == "AV-2026-0012"
    assert detail.resolution_cents == 35_000
    balance_after = services.receivables.customer_balance(shop.customer_id, TODAY).open_cents
    assert balance_after == balance_before - 35_000
    # The window shows how it ended and no longer offers to change it.
    assert dialog.resolution_box.isHidden()
    assert not dialog.outcome_box.isHidden()
    assert "AV-2026-0012" in dialog.outcome.text()
    assert all(button.isHidden() for button in dialog.status_buttons.values())
    assert dialog.edit_button.isHidden()
    # Closed disputes leave the default « En cours » list.
    assert page.model.rowCount() == 0


def test_the_call_outcome_conteste_offers_the_dispute_after_saving(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    reminders = RemindersPage(services)
    qtbot.addWidget(reminders)
    reminders.reload()
    reminders.tree.setCurrentItem(_today_item(reminders, EPI))

    def call(dialog: CallDialog) -> int:
        assert dialog.open_dispute.isHidden()  # only for « Conteste la facture »
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(CallOutcome.DISPUTE.value))
        assert not dialog.open_dispute.isHidden() and dialog.open_dispute.isChecked()
        dialog.notes.setPlainText("Conteste le prix de la 0157 : remise de 5 % oubliée")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(CallDialog, "exec", call)
    monkeypatch.setattr(
        DisputeDialog, "exec", _fill_and_save("Remise de 5 % oubliée sur la facture")
    )
    reminders.log_call()
    rows = services.disputes.for_customer(shop.customer_id)
    assert len(rows) == 1
    assert rows[0].invoice_numbers == "FA-2026-0142, FA-2026-0157"


def test_bad_input_is_shown_next_to_the_fields_and_nothing_is_saved(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = DisputeDialog(services, shop.customer_id, [shop.fa1])
    qtbot.addWidget(dialog)
    assert dialog.invoices.checked_rows() == [0]
    assert not dialog.invoices.amount_edit(1).isEnabled()  # not ticked: not editable
    dialog.invoices.amount_edit(0).setText("1 300,00")  # above the 1 250,40 € due
    dialog.save()
    assert "1\u202f250,40" in error_text(dialog, "lines.0.amount")
    assert error_text(dialog, "description") == "Ce champ est obligatoire."
    dialog.invoices.amount_edit(0).setText("-5")
    dialog.description.setPlainText("Prix unitaire erroné")
    dialog.save()
    assert error_text(dialog, "lines.0.amount") == "La valeur ne peut pas être négative."
    assert error_text(dialog, "description") == ""
    dialog.invoices.amount_edit(0).setText("douze")
    dialog.save()
    assert error_text(dialog, "lines.0.amount") == "Montant invalide."
    dialog.invoices.set_checked(0, False)
    dialog.save()
    assert error_text(dialog, "lines") == "Ce champ est obligatoire."
    assert services.disputes.list() == []
    assert dialog.saved_id is None


def test_the_dispute_dialog_can_search_the_customer(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _customer(services, DUPONT)
    _invoice(services, other, "FA-2026-0300", date(2026, 3, 1), 99_000)
    dialog = DisputeDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.customer_picker.isHidden()
    dialog.customer_search.setText("dupont")
    dialog.search_customers()
    assert dialog.customer_choice.currentData() == other  # the single match is taken
    assert dialog.invoices.rowCount() == 1
    assert dialog.invoices.checked_rows() == [0]  # a single open invoice is the one meant
    dialog.description.setPlainText("Facturé deux fois : même BL n° 4471")
    dialog.save()
    assert dialog.saved_id is not None
    assert services.disputes.get(dialog.saved_id).row.customer_name == DUPONT


def test_rejecting_needs_a_reason_and_confirmation(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    dispute_id = _open(services, shop, DisputeCategory.PRICE, 20_000)
    dialog = DisputeDetailDialog(services, dispute_id)
    qtbot.addWidget(dialog)
    dialog.closing.setCurrentIndex(dialog.closing.findData(DisputeResolution.REJECTED.value))
    assert not dialog.amount.isVisibleTo(dialog)
    assert not dialog.close_dispute()
    assert error_text(dialog, "reason") == "Ce champ est obligatoire."
    dialog.closing_note.setPlainText("Prix conforme au devis signé du 12/01")
    asked = _answers(monkeypatch, QMessageBox.StandardButton.Yes)
    assert dialog.close_dispute()
    assert "revient dans le cycle de relance" in asked[0]
    detail = services.disputes.get(dispute_id)
    assert detail.row.status is DisputeStatus.REJECTED
    assert detail.resolution_note == "Prix conforme au devis signé du 12/01"
    assert "Rejeté le 16/03/2026" in dialog.outcome.text()


def test_a_commercial_gesture_needs_who_approved_it(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    dispute_id = _open(services, shop, DisputeCategory.QUANTITY, 20_000)
    dialog = DisputeDetailDialog(services, dispute_id)
    qtbot.addWidget(dialog)
    dialog.closing.setCurrentIndex(
        dialog.closing.findData(DisputeResolution.COMMERCIAL_GESTURE.value)
    )
    dialog.amount.setText("150")
    _answers(monkeypatch, QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes)
    assert not dialog.close_dispute()
    assert error_text(dialog, "approved_by") == "Ce champ est obligatoire."
    assert services.disputes.get(dispute_id).row.status is DisputeStatus.OPEN
    dialog.approved_by.setText("Karim Benali")
    assert dialog.close_dispute()
    assert "geste commercial de 150,00" in dialog.outcome.text()


def test_attachments_are_copied_and_opened_with_the_system_viewer(
    qtbot, services: Services, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dispute_id = _open(services, shop, DisputeCategory.DAMAGED, 20_000)
    photo = tmp_path / "photo palette abîmée.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(photo), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = DisputeDetailDialog(services, dispute_id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.attachments.count() == 1
    assert dialog.attachments.item(0).text().startswith("photo palette abîmée.jpg")
    qtbot.mouseClick(dialog.open_attachment_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0] != str(photo)  # the copy, not the original
    assert Path(opened[0]).read_bytes() == photo.read_bytes()
    assert photo.exists()  # copied, never moved
    assert "Pièce jointe ajoutée" in dialog.thread.toPlainText()


# --- the Litiges page --------------------------------------------------------------------


def _open(
    services: Services,
    shop: Shop,
    category: DisputeCategory,
    cents: int,
    *,
    department: Department = Department.SALES,
    owner: int | None = None,
    reported_on: date = TODAY,
    answer: date | None = None,
    document: int | None = None,
) -> int:
    return services.disputes.open(
        DisputeDraft(
            customer_id=shop.customer_id,
            lines=(DisputeLine(document or shop.fa1, cents),),
            category=category,
            description="Litige de test : « écart » constaté",
            reported_by="Hélène Lefèvre-N'Diaye",
            reported_on=reported_on,
            department=department,
            owner_id=owner,
            expected_answer_on=answer,
        )
    )


@pytest.fixture
def three_disputes(services: Services, shop: Shop) -> dict[str, int]:
    """A late damaged-goods dispute for quality, a recent price one for sales, and a
    rejected double billing for accounting."""
    damaged = _open(
        services,
        shop,
        DisputeCategory.DAMAGED,
        40_000,
        department=Department.QUALITY,
        owner=shop.owner,
        reported_on=date(2026, 1, 20),
        answer=date(2026, 2, 5),
    )
    price = _open(
        services,
        shop,
        DisputeCategory.PRICE,
        12_000,
        owner=shop.salesperson,
        reported_on=date(2026, 3, 10),
        answer=date(2026, 3, 31),
        document=shop.fa2,
    )
    twice = _open(
        services,
        shop,
        DisputeCategory.BILLED_TWICE,
        5_000,
        department=Department.ACCOUNTING,
        reported_on=date(2026, 2, 1),
    )
    services.disputes.reject(twice, "Deux livraisons distinctes, BL signés")
    return {"damaged": damaged, "price": price, "twice": twice}


def _ids(page: DisputesPage) -> list[int]:
    return [page.model.row_at(i).id for i in range(page.model.rowCount())]


def test_the_page_filters_and_totals(
    qtbot, services: Services, shop: Shop, three_disputes: dict[str, int]
) -> None:
    page = DisputesPage(services)
    qtbot.addWidget(page)
    page.reload()
    # By default the disputes in progress, newest reported first.
    assert _ids(page) == [three_disputes["price"], three_disputes["damaged"]]
    totals = displayed_text(page.totals).replace("\xa0", " ")
    assert "2 litige(s)" in totals
    assert format_cents(52_000).replace("\xa0", " ") in totals
    assert "1 réponse(s) en retard" in totals
    # The late answer is red and bold; the other is not.
    late_row = page.model.row_of(three_disputes["damaged"])
    late = page.model.index(late_row, COL_ANSWER)
    assert page.model.data(late, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert page.model.data(late, Qt.ItemDataRole.DisplayRole) == "05/02/2026"
    on_time = page.model.index(page.model.row_of(three_disputes["price"]), COL_ANSWER)
    assert page.model.data(on_time, Qt.ItemDataRole.ForegroundRole) is None
    assert page.model.data(page.model.index(0, COL_CUSTOMER)) == EPI

    page.status_filter.setCurrentIndex(page.status_filter.findData(ALL))
    assert len(_ids(page)) == 3
    assert "dont 2 en cours" in displayed_text(page.totals)
    page.status_filter.setCurrentIndex(page.status_filter.findData(DisputeStatus.REJECTED.value))
    assert _ids(page) == [three_disputes["twice"]]

    page.status_filter.setCurrentIndex(page.status_filter.findData(ALL))
    page.category_filter.setCurrentIndex(page.category_filter.findData(DisputeCategory.PRICE.value))
    assert _ids(page) == [three_disputes["price"]]
    page.category_filter.setCurrentIndex(0)
    page.department_filter.setCurrentIndex(
        page.department_filter.findData(Department.QUALITY.value)
    )
    assert _ids(page) == [three_disputes["damaged"]]
    page.department_filter.setCurrentIndex(0)
    page.owner_filter.setCurrentIndex(page.owner_filter.findData(shop.salesperson))
    assert _ids(page) == [three_disputes["price"]]
    page.owner_filter.setCurrentIndex(0)
    page.age_filter.setValue(30)  # open for 30 days or more
    assert _ids(page) == [three_disputes["twice"], three_disputes["damaged"]]
    assert page.current_filter() == DisputeFilter(min_days_open=30)


def test_the_summary_by_category_and_department(
    qtbot, services: Services, shop: Shop, three_disputes: dict[str, int]
) -> None:
    page = DisputesPage(services)
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData(ALL))
    page.reload()
    categories = [
        tuple(page.by_category.topLevelItem(i).text(c) for c in range(3))
        for i in range(page.by_category.topLevelItemCount())
    ]
    assert categories == [
        ("Marchandise abîmée ou non conforme", "1", format_cents(40_000)),
        ("Prix", "1", format_cents(12_000)),
        ("Facturé deux fois", "1", format_cents(5_000)),
    ]
    departments = [
        page.by_department.topLevelItem(i).text(0)
        for i in range(page.by_department.topLevelItemCount())
    ]
    assert departments == ["Qualité", "Commercial", "Comptabilité"]


def test_export_and_sheet_from_the_page(
    qtbot,
    services: Services,
    shop: Shop,
    three_disputes: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = DisputesPage(services)
    qtbot.addWidget(page)
    page.reload()
    target = tmp_path / "litiges"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    written = page.export()
    assert written == tmp_path / "litiges.xlsx" and written.exists()
    assert "2 litige(s) exporté(s)" in told[0]

    sheet = tmp_path / "fiche.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sheet), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.select_dispute(three_disputes["damaged"])
    qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert opened == [str(sheet)]


def test_enter_opens_the_selected_dispute_and_new_dispute_from_the_page(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    dispute_id = _open(services, shop, DisputeCategory.WRONG_ITEM, 10_000)
    page = DisputesPage(services)
    qtbot.addWidget(page)
    page.reload()
    shown: list[int] = []
    monkeypatch.setattr(DisputeDetailDialog, "exec", lambda dialog: shown.append(dialog.dispute_id))
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert shown == [dispute_id]

    def pick(dialog: DisputeDialog) -> int:
        dialog.customer_search.setText("Épi")
        dialog.search_customers()
        dialog.select_customer(shop.customer_id)
        # The first invoice is partly disputed already: what is left is the default.
        assert dialog.invoices.amount_edit(0).text() == format_cents(125_040 - 10_000, symbol=False)
        dialog.invoices.set_checked(1, True)
        dialog.description.setPlainText("Quantité livrée inférieure au bon de commande")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisputeDialog, "exec", pick)
    new_id = page.new_dispute()
    assert new_id is not None and shown[-1] == new_id
    assert page.model.rowCount() == 2
    assert page.selected_row().id == new_id


# --- the customer's page -------------------------------------------------------------------


def test_the_customer_page_lists_disputes_and_opens_new_ones(
    qtbot, services: Services, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(services, shop, DisputeCategory.PRICE, 10_000, owner=shop.owner)
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(shop.customer_id)
    assert page.tabs.tabText(TAB_DISPUTES) == "Litiges (1 en cours)"
    tab = page.disputes_tab
    assert tab.tree.topLevelItemCount() == 1
    assert tab.tree.topLevelItem(0).text(2) == "Prix"
    assert tab.tree.topLevelItem(0).text(4) == "Karim Benali"

    # « Contester… » on the selected invoice of the Factures tab.
    documents = page.documents_tab
    assert not documents.dispute_button.isEnabled()  # nothing selected yet
    documents.table.selectRow(1)
    assert documents.dispute_button.isEnabled()
    chosen: list[list[int]] = []

    def contest(dialog: DisputeDialog) -> int:
        chosen.append(dialog.invoices.checked_rows())
        dialog.description.setPlainText("Erreur de TVA : 20 % au lieu de 5,5 %")
        dialog.category.setCurrentIndex(
            dialog.category.findData(DisputeCategory.INVOICE_ERROR.value)
        )
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisputeDialog, "exec", contest)
    qtbot.mouseClick(documents.dispute_button, Qt.MouseButton.LeftButton)
    assert chosen == [[1]]
    assert page.tabs.tabText(TAB_DISPUTES) == "Litiges (2 en cours)"
    assert tab.tree.topLevelItemCount() == 2

    # « Nouveau litige… » from the tab itself.
    monkeypatch.setattr(DisputeDialog, "exec", _fill_and_save("Colis jamais reçu", tick=(0,)))
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert page.tabs.tabText(TAB_DISPUTES) == "Litiges (3 en cours)"

    # Opening one from the tab: no « Ouvrir le client », we are on it.
    dialog = tab.make_detail(services.disputes.for_customer(shop.customer_id)[0].id)
    qtbot.addWidget(dialog)
    assert dialog.customer_button.isHidden()


def test_the_litiges_area_of_the_main_window(qtbot, window, services: Services, shop: Shop) -> None:
    from desktop.ui.main_window import Area

    _open(services, shop, DisputeCategory.PRICE, 10_000)
    window.show()
    window.go_to(Area.DISPUTES)
    assert window.stack.currentWidget() is window.disputes_page
    qtbot.waitUntil(lambda: window.disputes_page.model.rowCount() == 1)
    window.disputes_page.table.selectRow(0)
    with qtbot.waitSignal(window.disputes_page.sig_open_customer):
        qtbot.mouseClick(window.disputes_page.customer_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == Area.CUSTOMERS
    assert window.customer_page.customer_id == shop.customer_id
