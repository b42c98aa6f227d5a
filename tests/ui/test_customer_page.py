"""The customer page: visit reports in the timeline, contacts, ratings, deletion."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from desktop.domain.customer import RatingDraft
from desktop.domain.enums import Assessment, ObservationTopic, Profile, RatingSource
from desktop.services.customers import CustomerFilter
from desktop.services.registry import Services
from desktop.ui.customers.customer_page import (
    TAB_CONTACTS,
    TAB_RATINGS,
    TAB_TIMELINE,
    TAB_VISITS,
    CustomerPage,
)
from desktop.ui.customers.small_dialogs import ContactDialog, RatingDialog
from desktop.ui.customers.visit_form import VisitReportDialog
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import (
    DUPONT_NAME,
    EPI_NAME,
    SIREN_EPI,
    create_customer,
    displayed_text,
    error_text,
    type_text,
)


@pytest.fixture
def salesperson(services: Services) -> int:
    return services.reference.add_user("Élodie Dupré", Profile.SALESPERSON)


@pytest.fixture
def epi(services: Services, salesperson: int) -> int:
    return create_customer(
        services, EPI_NAME, siren=SIREN_EPI, city="Saint-Étienne", salesperson_id=salesperson
    )


def _button(parent: QWidget, text: str) -> QPushButton:
    """The visible button of that text inside `parent` (the page's tabs hold several)."""
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, f"{len(found)} buttons « {text} »"
    return found[0]


def _visit_dialog(qtbot, services: Services, customer_id: int) -> VisitReportDialog:  # type: ignore[no-untyped-def]
    dialog = VisitReportDialog(services, customer_id)
    qtbot.addWidget(dialog)
    return dialog


# --- visit reports -------------------------------------------------------------------------


def test_a_visit_report_appears_in_the_timeline(
    qtbot, monkeypatch, services, epi, window: MainWindow
):
    window.open_customer(epi)
    page = window.customer_page
    assert window.customers_stack.currentWidget() is page
    assert page.tabs.tabText(TAB_VISITS) == "Rapports de visite (0)"

    first = _visit_dialog(qtbot, services, epi)
    assert first.author.currentText() == "Élodie Dupré"  # the customer's salesperson
    first.visit_date.set_value(date(2026, 3, 12))
    first.set_assessment(ObservationTopic.STOCK_AND_SHELVES, Assessment.WORRYING)
    type_text(qtbot, first._comments[ObservationTopic.STOCK_AND_SHELVES], "Rayons à moitié vides")
    first.set_assessment(ObservationTopic.ORDERS_IN_PROGRESS, Assessment.REASSURING)
    type_text(qtbot, first.for_credit, "Le gérant évoque un retard de trésorerie.")
    first.save()
    assert first.result() == QDialog.DialogCode.Accepted
    assert first.saved_id is not None
    page.reload()

    text = page.timeline.toPlainText()
    assert "Rapport de visite — Élodie Dupré" in text
    assert "Stock et rayons : Inquiétant — Rayons à moitié vides" in text
    assert "Commandes en cours : Rassurant" in text
    assert "Le gérant évoque un retard de trésorerie." in text
    assert "Activité sur le site" not in text  # not observed: not shown
    assert page.tabs.tabText(TAB_VISITS) == "Rapports de visite (1)"

    # A second, older report through the page's own button (its dialog filled by a user).
    def fill(self: VisitReportDialog) -> int:
        self.visit_date.set_value(date(2026, 2, 20))
        self.set_assessment(ObservationTopic.PREMISES, Assessment.REASSURING)
        self.set_comment(ObservationTopic.PREMISES, "Locaux rénovés")
        self.free_text.setPlainText("Visite de courtoisie, tout va bien.")
        self.save()
        return self.result()

    monkeypatch.setattr(VisitReportDialog, "exec", fill)
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.visit_button, Qt.MouseButton.LeftButton)

    assert page.tabs.currentIndex() == TAB_TIMELINE  # shown right after saving
    assert page.tabs.tabText(TAB_VISITS) == "Rapports de visite (2)"
    text = page.timeline.toPlainText()
    assert "Locaux : Rassurant — Locaux rénovés" in text
    # Newest visit first: 12/03 before 20/02, whatever order they were typed in.
    assert text.index("12/03/2026") < text.index("Rayons à moitié vides")
    assert text.index("Rayons à moitié vides") < text.index("20/02/2026")
    assert text.index("20/02/2026") < text.index("Visite de courtoisie")
    # The visits tab lists both, newest first, worrying topics named.
    rows = [page.visits.topLevelItem(i) for i in range(page.visits.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["12/03/2026", "20/02/2026"]
    assert rows[0].text(2) == "Stock et rayons"
    assert rows[1].text(2) == ""
    assert rows[1].text(3) == "Visite de courtoisie, tout va bien."


def test_a_visit_in_the_future_is_refused(qtbot, services, epi):
    dialog = _visit_dialog(qtbot, services, epi)
    dialog.visit_date.set_value(date(2026, 3, 17))  # tomorrow
    dialog.for_credit.setPlainText("Rendez-vous prévu")
    dialog.save()
    assert error_text(dialog, "visit_date") == "Cette date est dans le futur."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved_id is None
    assert services.visits.for_customer(epi) == []


def test_next_visit_before_the_visit_is_refused(qtbot, services, epi):
    dialog = _visit_dialog(qtbot, services, epi)
    dialog.visit_date.set_value(date(2026, 3, 10))
    dialog.next_visit.set_value(date(2026, 3, 1))
    dialog.save()
    assert error_text(dialog, "next_visit_on") == "Date incohérente."
    assert services.visits.for_customer(epi) == []


def test_an_edited_report_reloads_what_was_saved(qtbot, services, epi):
    dialog = _visit_dialog(qtbot, services, epi)
    dialog.visit_date.set_value(date(2026, 3, 2))
    dialog.attendees.setText("M. Martin (gérant) et Mme Leroy (comptable)")
    dialog.set_assessment(ObservationTopic.STAFF_TURNOVER, Assessment.WORRYING)
    dialog.set_comment(ObservationTopic.STAFF_TURNOVER, "Trois départs depuis janvier")
    dialog.terms_reminded.setCurrentIndex(dialog.terms_reminded.findData(True))
    dialog.save()
    report_id = dialog.saved_id

    again = VisitReportDialog(services, epi, report_id)
    qtbot.addWidget(again)
    assert again.draft() == services.visits.get(report_id).draft
    assert again.attendees.text() == "M. Martin (gérant) et Mme Leroy (comptable)"
    assert again.terms_reminded.currentData() is True


# --- escaping ------------------------------------------------------------------------------


def test_typed_markup_is_shown_literally_in_the_timeline(qtbot, services):
    customer_id = create_customer(services, DUPONT_NAME)
    dialog = _visit_dialog(qtbot, services, customer_id)
    dialog.visit_date.set_value(date(2026, 3, 9))
    dialog.set_assessment(ObservationTopic.PREMISES, Assessment.WORRYING)
    dialog.set_comment(ObservationTopic.PREMISES, "Vitrine <i>cassée</i> & non réparée")
    type_text(qtbot, dialog.for_credit, '<b>gras</b> & "citation"\nseconde ligne')
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    services.customers.add_rating(
        customer_id,
        _rating(RatingSource.OTHER, "<script>", "Note <b>provisoire</b> & à revoir"),
    )

    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(customer_id)
    text = page.timeline.toPlainText()
    assert '<b>gras</b> & "citation"' in text
    assert "seconde ligne" in text
    assert "Vitrine <i>cassée</i> & non réparée" in text
    assert "Notation Autre source : <script>" in text
    assert "Note <b>provisoire</b> & à revoir" in text
    # The name with its « <SARL> » is shown whole.
    assert displayed_text(page.name_label) == DUPONT_NAME
    assert page.visits.topLevelItem(0).text(3) == '<b>gras</b> & "citation" seconde ligne'


def test_typed_markup_is_shown_literally_on_the_summary(qtbot, services):
    notes = '<b>gras</b> & "citation" : payer <a la livraison>'
    customer_id = create_customer(services, "<b>Gras</b> SARL", notes=notes, trade_name="<i>x</i>")
    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(customer_id)
    assert displayed_text(page.notes_label) == notes
    assert displayed_text(page.name_label) == "<b>Gras</b> SARL"


# --- contacts and ratings --------------------------------------------------------------------


def _rating(source: RatingSource, value: str, comment: str = ""):  # type: ignore[no-untyped-def]
    return RatingDraft(source=source, value=value, rated_on=date(2026, 3, 1), comment=comment)


def test_a_contact_added_from_the_page_appears_in_the_contacts_tab(
    qtbot, monkeypatch, services, epi
):
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(epi)
    assert page.tabs.tabText(TAB_CONTACTS) == "Contacts (0)"
    seen: dict[str, str] = {}

    def fill(self: ContactDialog) -> int:
        self.save()  # nothing typed: refused, the dialog stays open
        seen["empty"] = error_text(self, "last_name")
        type_text(qtbot, self.first_name, "Hélène")
        type_text(qtbot, self.last_name, "Lefèvre-d'Aubigné")
        self.role.setText("Comptable")
        self.email.setText("h.lefevre@epi-dor.fr")
        self.is_primary.setChecked(True)
        self.receives_reminders.setChecked(True)
        self.save()
        return self.result()

    monkeypatch.setattr(ContactDialog, "exec", fill)
    qtbot.mouseClick(_button(page, "Ajouter…"), Qt.MouseButton.LeftButton)

    assert seen["empty"] == "Ce champ est obligatoire."
    assert page.tabs.tabText(TAB_CONTACTS) == "Contacts (1)"
    item = page.contacts.topLevelItem(0)
    assert item.text(0) == "Hélène Lefèvre-d'Aubigné"
    assert item.text(1) == "Comptable"
    assert item.text(2) == "h.lefevre@epi-dor.fr"
    assert item.text(4) == "principal, reçoit les relances"
    contacts = services.customers.get(epi).contacts
    assert [c.last_name for c in contacts] == ["Lefèvre-d'Aubigné"]

    # Deleting asks first.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.contacts.setCurrentItem(item)
    qtbot.mouseClick(_button(page.contacts.parentWidget(), "Supprimer…"), Qt.MouseButton.LeftButton)
    assert page.tabs.tabText(TAB_CONTACTS) == "Contacts (0)"
    assert services.customers.get(epi).contacts == ()


def test_editing_a_contact_keeps_its_notes(qtbot, services, epi):
    from desktop.services.customers import ContactData

    services.customers.save_contact(
        epi,
        ContactData(
            None, "Amélie", "d'Arcy", email="a.darcy@epi-dor.fr", notes="Joignable le matin"
        ),
    )
    contact = services.customers.get(epi).contacts[0]
    dialog = ContactDialog(services, epi, contact)
    qtbot.addWidget(dialog)
    assert dialog.notes.text() == "Joignable le matin"
    dialog.role.setText("Gérante")
    dialog.save()
    saved = services.customers.get(epi).contacts[0]
    assert (saved.role, saved.notes) == ("Gérante", "Joignable le matin")


def test_a_coface_rating_out_of_scale_is_refused_then_a_good_one_shown(
    qtbot, monkeypatch, services, epi
):
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(epi)
    attempts: list[str] = []

    def rate(value: str):  # type: ignore[no-untyped-def]
        def fill(self: RatingDialog) -> int:
            self.source.setCurrentIndex(self.source.findData(RatingSource.COFACE.value))
            type_text(qtbot, self.value, value)
            self.comment.setText("Relevé sur le site Coface")
            self.save()
            attempts.append(error_text(self, "value"))
            return self.result()

        return fill

    monkeypatch.setattr(RatingDialog, "exec", rate("12"))
    qtbot.mouseClick(_button(page, "Ajouter une notation…"), Qt.MouseButton.LeftButton)
    assert attempts[-1] == "Note hors de l'échelle de cette source (0 à 10)."
    assert page.ratings.topLevelItemCount() == 0
    assert services.customers.get(epi).ratings == ()

    monkeypatch.setattr(RatingDialog, "exec", rate("6"))
    qtbot.mouseClick(_button(page, "Ajouter une notation…"), Qt.MouseButton.LeftButton)
    assert attempts[-1] == ""
    assert page.tabs.tabText(TAB_RATINGS) == "Notations externes (1)"
    item = page.ratings.topLevelItem(0)
    assert item.text(1) == "Coface (DRA 0–10)"
    assert item.text(2) == "6"
    assert item.text(0) == "16/03/2026"
    assert "Notation Coface (DRA 0–10) : 6" in page.timeline.toPlainText()


def test_a_rating_dated_tomorrow_is_refused(qtbot, services, epi):
    dialog = RatingDialog(services, epi)
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(dialog.source.findData(RatingSource.BANQUE_DE_FRANCE.value))
    dialog.value.setText("4+")
    dialog.rated_on.set_value(date(2026, 3, 17))
    dialog.save()
    assert error_text(dialog, "rated_on") == "Cette date est dans le futur."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.customers.get(epi).ratings == ()


# --- deletion ------------------------------------------------------------------------------


def test_deleting_a_customer_asks_for_confirmation(qtbot, monkeypatch, services, epi, window):
    other = create_customer(services, "Garage Dupont", city="Lille")
    window.customer_list.refresh()
    window.open_customer(epi)
    page = window.customer_page
    asked: list[str] = []

    def answer(button):  # type: ignore[no-untyped-def]
        def warning(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return button

        return warning

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    page.delete_action.trigger()
    assert EPI_NAME in asked[-1]
    assert "définitive" in asked[-1]
    assert services.customers.find_id(SIREN_EPI) == epi
    assert window.customers_stack.currentWidget() is page
    assert window.customer_list.model.total == 2

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.sig_deleted, timeout=1000):
        page.delete_action.trigger()
    assert len(asked) == 2
    assert services.customers.find_id(SIREN_EPI) is None
    assert services.customers.count(CustomerFilter()) == 1
    # Back on the list, which no longer shows it.
    assert window.customers_stack.currentWidget() is window.customer_list
    model = window.customer_list.model
    assert model.total == 1
    assert model.row_at(0).id == other
    assert window.counts_label.text().startswith("1 client")
    assert window.statusBar().currentMessage() == "Client supprimé."
