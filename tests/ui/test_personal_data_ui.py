"""The customer page's personal-data buttons: export the selected contact's data to JSON,
erase it after a confirmation that says what goes and what stays, and the same for a
customer who is a person."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.domain.text import safe_file_stem
from desktop.domain.visit import VisitReportDraft
from desktop.services.customers import ContactData
from desktop.services.registry import Services
from desktop.ui.customers.customer_page import TAB_CONTACTS
from desktop.ui.customers.personal_data import ErasureDialog
from desktop.ui.main_window import MainWindow
from tests.db.factories import add_document
from tests.ui.helpers import EPI_NAME, SIREN_EPI, create_customer, displayed_text, type_text

AMELIE = "Amélie d'Arcy-Lefèvre"
EMAIL = "amelie.darcy@boulangerie-epi.fr"
REASON = "Demande de l'intéressée par courriel du 12/03/2026"


@pytest.fixture
def epi(services: Services) -> tuple[int, int]:
    cid = create_customer(services, EPI_NAME, siren=SIREN_EPI)
    amelie = services.customers.save_contact(
        cid,
        ContactData(
            None,
            first_name="Amélie",
            last_name="d'Arcy-Lefèvre",
            role="Gérante",
            email=EMAIL,
            phone="06 12 34 56 78",
        ),
    )
    services.customers.save_contact(
        cid, ContactData(None, first_name="Julien", last_name="Moreau", role="Comptable")
    )
    services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 3, 4),
            free_text="Mme d'Arcy-Lefèvre confirme le virement ; joignable au 06 12 34 56 78.",
        )
    )
    add_document(services, cid)
    return cid, amelie


def _open_contacts(qtbot, window: MainWindow, customer_id: int, row: int | None = 0):  # type: ignore[no-untyped-def]
    window.open_customer(customer_id)
    page = window.customer_page
    page.tabs.setCurrentIndex(TAB_CONTACTS)
    if row is not None:
        page.contacts.setCurrentItem(page.contacts.topLevelItem(row))
    return page


def test_buttons_follow_the_selection_and_customer_kind(
    qtbot, services: Services, epi: tuple[int, int], window: MainWindow
) -> None:
    page = _open_contacts(qtbot, window, epi[0], row=None)
    actions = page.personal_data
    assert not actions.export_button.isEnabled()
    assert not actions.erase_button.isEnabled()
    page.contacts.setCurrentItem(page.contacts.topLevelItem(0))
    assert actions.export_button.isEnabled() and actions.erase_button.isEnabled()
    # A company: its own record is not personal data, the customer button stays hidden.
    qtbot.waitUntil(lambda: not actions.customer_button.isVisibleTo(page))

    consumer = create_customer(services, "M. Jean-Baptiste Lefèvre-Dubois", is_consumer=True)
    window.open_customer(consumer)
    qtbot.waitUntil(lambda: actions.customer_button.isVisibleTo(page))


def test_export_writes_the_json_under_a_safe_default_name(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    epi: tuple[int, int],
    window: MainWindow,
) -> None:
    page = _open_contacts(qtbot, window, epi[0])
    target = tmp_path / "export.json"
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    page.personal_data.export_button.click()

    assert asked == [f"Données personnelles {safe_file_stem(AMELIE, 60)} 2026-03-16.json"]
    assert "/" not in asked[0] and "Amélie" in asked[0]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["personne"]["email"] == EMAIL
    assert any(m["ou"] == "Rapport de visite" for m in data["mentions"])
    assert "1 mention(s)" in told[0] and str(target) in told[0]


def test_the_confirmation_says_what_goes_and_what_stays(
    qtbot, services: Services, epi: tuple[int, int]
) -> None:
    preview = services.personal_data.preview_contact_erasure(epi[1])
    dialog = ErasureDialog(preview)
    qtbot.addWidget(dialog)

    text = displayed_text(dialog.summary)
    assert f"Effacer les données de {AMELIE} ({EPI_NAME}) ?" in text
    assert "sa fiche de contact (nom, fonction, e-mail, téléphone, notes)" in text
    assert "Rapports de visite : 1 texte(s) où « [effacé] » remplacera ses données" in text
    assert "Les factures et avoirs du client (1) sont conservés" in text
    assert "L123-22" in text
    assert "sauvegardes" in text
    # The red button waits for a reason and the name typed again (accents optional).
    assert not dialog.erase_button.isEnabled()
    type_text(qtbot, dialog.reason, REASON)
    assert not dialog.erase_button.isEnabled()
    type_text(qtbot, dialog.confirmation, "Amélie d'Arcy")
    assert not dialog.erase_button.isEnabled()
    dialog.confirmation.setText("amelie d'arcy-lefevre")
    assert dialog.erase_button.isEnabled()
    dialog.reason.clear()
    assert not dialog.erase_button.isEnabled()


def test_erasing_a_contact_refreshes_the_page(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    epi: tuple[int, int],
    window: MainWindow,
) -> None:
    cid, _amelie = epi
    page = _open_contacts(qtbot, window, cid)
    assert page.contacts.topLevelItem(0).text(0) == AMELIE

    def confirm(self: ErasureDialog) -> int:
        self.reason.setText(REASON)
        self.confirmation.setText(AMELIE)
        self.erase_button.click()
        return self.result()

    monkeypatch.setattr(ErasureDialog, "exec", confirm)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    changed: list[int] = []
    page.sig_changed.connect(changed.append)

    page.personal_data.erase_button.click()

    names = [
        page.contacts.topLevelItem(i).text(0) for i in range(page.contacts.topLevelItemCount())
    ]
    assert names == ["Julien Moreau"]
    assert changed == [cid]
    assert f"Les données de {AMELIE} sont effacées" in told[0]
    (visit,) = services.visits.for_customer(cid)
    assert visit.draft.free_text == "Mme [effacé] confirme le virement ; joignable au [effacé]."


def test_cancelling_the_confirmation_changes_nothing(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    epi: tuple[int, int],
    window: MainWindow,
) -> None:
    page = _open_contacts(qtbot, window, epi[0])
    monkeypatch.setattr(ErasureDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    page.personal_data.erase_button.click()
    assert [c.full_name for c in services.customers.get(epi[0]).contacts] == [
        AMELIE,
        "Julien Moreau",
    ]


def test_a_consumer_still_owing_is_refused_with_the_reason(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    window: MainWindow,
) -> None:
    consumer = create_customer(services, "Mme Hélène Rousseau-Bénard", is_consumer=True)
    add_document(services, consumer)
    page = _open_contacts(qtbot, window, consumer, row=None)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(
        ErasureDialog, "exec", lambda self: pytest.fail("no confirmation for a refusal")
    )

    assert page.personal_data.erase_customer() is None

    assert "Effacement refusé" in warned[0]
    assert "1 pièce(s) ouverte(s)" in warned[0]
    assert "intérêt légitime" in warned[0]
    assert services.customers.get(consumer).draft.legal_name == "Mme Hélène Rousseau-Bénard"


def test_a_consumer_who_owes_nothing_is_anonymised_on_the_page(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    window: MainWindow,
) -> None:
    name = "Mme Hélène Rousseau-Bénard"
    consumer = create_customer(services, name, is_consumer=True, email="helene.rb@free.fr")
    page = _open_contacts(qtbot, window, consumer, row=None)
    assert page.name_label.text() == name

    def confirm(self: ErasureDialog) -> int:
        assert f"Client effacé n° {consumer}" in displayed_text(self.summary)
        self.reason.setText(REASON)
        self.confirmation.setText("mme helene rousseau-benard")
        self.erase_button.click()
        return self.result()

    monkeypatch.setattr(ErasureDialog, "exec", confirm)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)

    report = page.personal_data.erase_customer()

    assert report is not None and report.subject == "customer"
    assert page.name_label.text() == f"Client effacé n° {consumer}"
    assert services.customers.get(consumer).draft.email == ""
