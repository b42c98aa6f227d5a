"""The customer form: typing, live identifier checks, refusals shown next to their field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop.domain.customer import Address
from desktop.domain.enums import Country, CustomerStatus, PaymentTermsBasis, Profile
from desktop.services.registry import Services
from desktop.services.timeline import TimelineKind
from desktop.ui.customers.customer_form import TAB_IDENTITY, TAB_TERMS, CustomerDialog
from desktop.ui.customers.customer_page import CustomerPage
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import (
    BE_ENTERPRISE,
    DUPONT_NAME,
    EPI_NAME,
    SIREN_EPI,
    SIREN_INVALID,
    create_customer,
    draft,
    error_text,
    show_active,
    type_text,
)


@pytest.fixture
def dialog(qtbot, services: Services) -> CustomerDialog:  # type: ignore[no-untyped-def]
    form = CustomerDialog(services)
    qtbot.addWidget(form)
    show_active(qtbot, form)
    return form


def _save_button(dialog: CustomerDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _type_and_leave(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click into a field, type, then Tab out of it as a user would (editingFinished)."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert field.hasFocus()
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()


def test_create_a_customer_through_the_form(qtbot, services, dialog):
    assert dialog.windowTitle() == "Nouveau client ou prospect"
    type_text(qtbot, dialog.legal_name, EPI_NAME)
    with qtbot.waitSignal(dialog.siren.editingFinished, timeout=1000):
        _type_and_leave(qtbot, dialog.siren, "732 829 320")
    # The French VAT number is proposed from the SIREN, and the SIREN is accepted.
    assert dialog.vat_number.text() == "FR44732829320"
    assert error_text(dialog, "siren") == ""
    dialog.billing["city"].setText("Saint-Étienne")
    dialog.billing["postal_code"].setText("42000")
    type_text(qtbot, dialog.credit_limit, "15 000,50")

    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None
    saved = services.customers.get(dialog.saved_id).draft
    assert saved.legal_name == EPI_NAME
    assert saved.siren == SIREN_EPI
    assert saved.vat_number == "FR44732829320"
    assert saved.credit_limit_cents == 1_500_050
    assert saved.billing_address.city == "Saint-Étienne"
    assert saved.status is CustomerStatus.PROSPECT
    assert services.customers.total() == 1


def test_vat_suggestion_never_overwrites_a_typed_number(qtbot, dialog):
    _type_and_leave(qtbot, dialog.vat_number, "FR 44 732829320")
    _type_and_leave(qtbot, dialog.siren, "552100554")
    assert dialog.vat_number.text() == "FR 44 732829320"


def test_a_wrong_siren_is_refused(qtbot, services, dialog):
    create_customer(services, "Garage Dupont")
    before = services.customers.total()
    type_text(qtbot, dialog.legal_name, DUPONT_NAME)
    # Live check: leaving the field shows the message before anything is saved.
    _type_and_leave(qtbot, dialog.siren, SIREN_INVALID)
    assert "SIREN invalide" in error_text(dialog, "siren")
    assert dialog.vat_number.text() == ""  # nothing proposed from a wrong SIREN
    # Correcting the number clears the message.
    dialog.siren.clear()
    _type_and_leave(qtbot, dialog.siren, SIREN_EPI)
    assert error_text(dialog, "siren") == ""
    dialog.siren.clear()
    dialog.vat_number.clear()
    _type_and_leave(qtbot, dialog.siren, SIREN_INVALID)

    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert "SIREN invalide" in error_text(dialog, "siren")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.saved_id is None
    assert dialog.tabs.currentIndex() == TAB_IDENTITY
    assert "n'a pas été enregistré" in dialog.general_error.text()
    assert services.customers.total() == before


def test_a_wrong_belgian_number_is_refused_live(qtbot, dialog):
    dialog.country.setCurrentIndex(dialog.country.findData(Country.BELGIUM.value))
    assert not dialog.enterprise_number.isHidden()
    _type_and_leave(qtbot, dialog.enterprise_number, "0403.170.702")
    assert "belge invalide" in error_text(dialog, "enterprise_number")
    dialog.enterprise_number.clear()
    _type_and_leave(qtbot, dialog.enterprise_number, BE_ENTERPRISE)
    assert error_text(dialog, "enterprise_number") == ""


def test_a_duplicate_siren_names_the_existing_customer(qtbot, services, dialog):
    create_customer(services, EPI_NAME, siren=SIREN_EPI)
    type_text(qtbot, dialog.legal_name, DUPONT_NAME)
    type_text(qtbot, dialog.siren, "732 829 320")
    dialog.save()
    message = error_text(dialog, "siren")
    assert "déjà" in message
    assert f"« {EPI_NAME} »" in message
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved_id is None
    assert services.customers.total() == 1


def test_an_empty_legal_name_is_refused(qtbot, services, dialog):
    type_text(qtbot, dialog.legal_name, "   ")  # spaces only are empty too
    dialog.tabs.setCurrentIndex(TAB_TERMS)
    dialog.save()
    assert error_text(dialog, "legal_name") == "Ce champ est obligatoire."
    assert dialog.tabs.currentIndex() == TAB_IDENTITY  # the first error is brought into view
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.customers.total() == 0
    # Fixing it and saving again works, and the message goes away.
    dialog.legal_name.clear()
    type_text(qtbot, dialog.legal_name, "Garage Dupont")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert services.customers.total() == 1


def test_payment_terms_above_the_legal_maximum_are_refused(qtbot, services, dialog):
    type_text(qtbot, dialog.legal_name, "Garage Dupont")
    dialog.terms_days.setValue(90)
    dialog.terms_basis.setCurrentIndex(
        dialog.terms_basis.findData(PaymentTermsBasis.END_OF_MONTH_AFTER.value)
    )
    dialog.save()
    message = error_text(dialog, "payment_terms_days")
    assert "maximum légal" in message
    assert "45 jours" in message
    assert dialog.tabs.currentIndex() == TAB_TERMS
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.customers.total() == 0
    # A consumer is not bound by the limit between businesses.
    dialog.is_consumer.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.customers.get(dialog.saved_id).draft.payment_terms_days == 90


def test_a_bad_credit_limit_is_refused(qtbot, services, dialog):
    type_text(qtbot, dialog.legal_name, "Garage Dupont")
    type_text(qtbot, dialog.credit_limit, "douze")
    dialog.save()
    assert error_text(dialog, "credit_limit_cents") == "Montant invalide."
    assert dialog.tabs.currentIndex() == TAB_TERMS
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved_id is None
    assert services.customers.total() == 0


def test_several_errors_are_shown_at_once(qtbot, services, dialog):
    type_text(qtbot, dialog.siren, SIREN_INVALID)
    type_text(qtbot, dialog.email, "compta@@epi")
    dialog.billing["postal_code"].setText("4200")
    dialog.save()
    assert error_text(dialog, "legal_name") == "Ce champ est obligatoire."
    assert "SIREN invalide" in error_text(dialog, "siren")
    assert error_text(dialog, "email") == "Adresse e-mail invalide."
    assert "Code postal invalide" in error_text(dialog, "billing_postal_code")
    assert services.customers.total() == 0


# --- editing -----------------------------------------------------------------------------


@pytest.fixture
def full_customer(services: Services) -> int:
    segment = services.reference.add_segment("Boulangeries & pâtisseries")
    salesperson = services.reference.add_user("Élodie Dupré", Profile.SALESPERSON)
    return services.customers.create(
        draft(
            EPI_NAME,
            city="Saint-Étienne",
            postal_code="42000",
            status=CustomerStatus.ACTIVE,
            trade_name="L'Épi d'Or",
            legal_form="SARL",
            siren=SIREN_EPI,
            siret="73282932000074",
            vat_number="FR44732829320",
            account_code="411EPIDOR",
            delivery_address=Address("ZI des Granges", "Quai n° 3", "42100", "Saint-Étienne"),
            email="compta@epi-dor.fr",
            phone="04 77 12 34 56",
            website="https://epi-dor.fr",
            language="en",
            segment_id=segment,
            salesperson_id=salesperson,
            payment_terms_days=45,
            payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_AFTER,
            credit_limit_cents=1_234_567,
            notes="Livraisons le mardi.\nPaiement par virement.",
        )
    )


def test_editing_loads_every_field_and_saves_a_change(qtbot, services, full_customer):
    dialog = CustomerDialog(services, full_customer)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Modifier le client"
    stored = services.customers.get(full_customer).draft
    # Every field is loaded: what the form says is exactly what is stored.
    assert dialog.draft() == stored
    assert dialog.legal_name.text() == EPI_NAME
    assert dialog.legal_form.currentText() == "SARL"
    assert dialog.segment.currentText() == "Boulangeries & pâtisseries"
    assert dialog.salesperson.currentText() == "Élodie Dupré"
    assert dialog.credit_limit.text() == "12345,67"
    assert dialog.has_delivery.isChecked()
    assert dialog.language.currentData() == "en"

    dialog.status.setCurrentIndex(dialog.status.findText("Sous surveillance"))
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id == full_customer
    after = services.customers.get(full_customer).draft
    assert after.status is CustomerStatus.UNDER_WATCH
    assert after.siren == SIREN_EPI and after.credit_limit_cents == 1_234_567
    updates = [
        e for e in services.timeline.for_customer(full_customer) if e.kind is TimelineKind.UPDATED
    ]
    assert len(updates) == 1
    changes = json.loads(updates[0].facts["changes"])
    assert set(changes) == {"status"}
    assert updates[0].actor == "Camille Test"


def test_saving_an_unchanged_form_records_no_change(qtbot, services, full_customer):
    dialog = CustomerDialog(services, full_customer)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kinds = [e.kind for e in services.timeline.for_customer(full_customer)]
    assert kinds == [TimelineKind.CREATED]


def test_editing_from_the_customer_page_updates_page_list_and_timeline(
    qtbot, monkeypatch, clock, services, full_customer, window: MainWindow
):
    clock.moment += timedelta(hours=2)  # edited later the same morning

    def change_status(self: CustomerDialog) -> int:
        self.status.setCurrentIndex(self.status.findData(CustomerStatus.UNDER_WATCH.value))
        self.save()
        return self.result()

    monkeypatch.setattr(CustomerDialog, "exec", change_status)
    window.open_customer(full_customer)
    page = window.customer_page
    assert page.badge.text() == "Actif"
    with qtbot.waitSignal(page.sig_changed, timeout=1000) as changed:
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert changed.args == [full_customer]
    assert page.badge.text() == "Sous surveillance"
    text = page.timeline.toPlainText()
    assert "Fiche modifiée — Camille Test" in text
    assert text.index("Fiche modifiée") < text.index("Fiche créée")
    # The list behind was refreshed too.
    model = window.customer_list.model
    row = model.row_of_id(full_customer)
    assert model.row_at(row).status is CustomerStatus.UNDER_WATCH
    assert "Sous surveillance : 1" in window.counts_label.text()


def test_timeline_names_changed_fields_in_french(qtbot, services, full_customer):
    current = services.customers.get(full_customer).draft
    services.customers.update(
        full_customer,
        replace(current, status=CustomerStatus.UNDER_WATCH, credit_limit_cents=500_000),
    )
    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(full_customer)
    line = next(
        line for line in page.timeline.toPlainText().splitlines() if "Champs modifiés" in line
    )
    assert "statut" in line and "plafond de crédit" in line
    assert "status" not in line and "credit_limit_cents" not in line


def test_new_customer_shortcut_opens_the_form_and_shows_the_customer(
    qtbot, monkeypatch, services, window: MainWindow
):
    def fill(self: CustomerDialog) -> int:
        assert self.customer_id is None
        self.legal_name.setText(DUPONT_NAME)
        self.siren.setText("552 100 554")
        self.save()
        return self.result()

    monkeypatch.setattr(CustomerDialog, "exec", fill)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.customers_stack.currentWidget() is window.customer_page
    assert window.customer_page.name_label.text() == DUPONT_NAME
    assert window.customer_list.model.total == 1
    assert window.customer_list.model.row_at(0).legal_name == DUPONT_NAME


def _answer(asked: list[str], button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    return question


def test_cancel_asks_before_throwing_away_typed_text(qtbot, monkeypatch, services, dialog):
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    asked: list[str] = []
    type_text(qtbot, dialog.legal_name, EPI_NAME)

    monkeypatch.setattr(QMessageBox, "question", _answer(asked, QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert dialog.isVisible()
    assert dialog.legal_name.text() == EPI_NAME

    monkeypatch.setattr(QMessageBox, "question", _answer(asked, QMessageBox.StandardButton.Discard))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 2
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.customers.total() == 0


def test_an_untouched_form_closes_without_asking(qtbot, services, full_customer):
    # The autouse guard fails the test if any question were asked.
    for customer_id in (None, full_customer):
        form = CustomerDialog(services, customer_id)
        qtbot.addWidget(form)
        show_active(qtbot, form)
        qtbot.mouseClick(
            form.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )
        assert not form.isVisible()
        assert form.result() == QDialog.DialogCode.Rejected
