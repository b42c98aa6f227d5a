"""The main window: navigation and shortcuts, placeholder areas, Paramètres, English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox

from desktop.domain.enums import Profile
from desktop.services.registry import Services
from desktop.ui import i18n
from desktop.ui.customers.customer_form import CustomerDialog
from desktop.ui.main_window import Area, MainWindow
from desktop.ui.placeholder import PlaceholderPage
from tests.ui.helpers import EPI_NAME, create_customer, error_text, show_active, type_text

# Areas still shown as "not yet available" (none since the dashboard was built, issue 7).
PLACEHOLDERS: dict[Area, str] = {}
VALID_IBAN = "FR76 3000 6000 0112 3456 7890 189"
WRONG_IBAN = "FR76 3000 6000 0112 3456 7890 180"


def _labels(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_ctrl_digits_show_each_area(qtbot, window: MainWindow):
    show_active(qtbot, window)
    assert window.stack.currentIndex() == Area.CUSTOMERS  # where the window opens
    for area in (*Area, Area.CUSTOMERS):
        key = getattr(Qt.Key, f"Key_{area.value + 1}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == area, area.name
        assert window.nav.currentRow() == area
    # Clicking the navigation works as well.
    item = window.nav.item(Area.SETTINGS)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.settings_page


@pytest.mark.parametrize("area", list(PLACEHOLDERS), ids=lambda a: a.name.lower())
def test_placeholder_areas_say_they_are_not_available(window: MainWindow, area: Area):
    window.go_to(area)
    page = window.stack.currentWidget()
    assert isinstance(page, PlaceholderPage)
    text = _labels(page)
    assert PLACEHOLDERS[area] in text
    assert "pas encore disponible" in text
    assert window.nav.item(area).text() == PLACEHOLDERS[area]


def test_ctrl_f_goes_to_the_search_from_anywhere(qtbot, services, window: MainWindow):
    customer_id = create_customer(services, EPI_NAME)
    window.customer_list.refresh()
    show_active(qtbot, window)
    window.open_customer(customer_id)
    window.go_to(Area.SETTINGS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == Area.CUSTOMERS
    assert window.customers_stack.currentWidget() is window.customer_list
    assert window.customer_list.search.hasFocus()


def test_escape_goes_back_from_the_customer_page(qtbot, services, window: MainWindow):
    customer_id = create_customer(services, EPI_NAME)
    window.customer_list.refresh()
    show_active(qtbot, window)
    window.open_customer(customer_id)
    window.customer_page.tabs.setFocus()
    qtbot.keyClick(window.customer_page.tabs, Qt.Key.Key_Escape)
    assert window.customers_stack.currentWidget() is window.customer_list


def test_opening_a_deleted_customer_stays_on_the_list(services, window: MainWindow):
    customer_id = create_customer(services, EPI_NAME)
    window.customer_list.refresh()
    services.customers.delete(customer_id)
    window.open_customer(customer_id)
    assert window.customers_stack.currentWidget() is window.customer_list
    assert window.customer_list.model.total == 0


# --- Paramètres ------------------------------------------------------------------------------


def test_settings_save_the_company_and_refuse_a_wrong_iban(qtbot, services, window: MainWindow):
    window.go_to(Area.SETTINGS)
    settings = window.settings_page
    form = settings.company_form
    type_text(qtbot, form.field("legal_name"), "Menuiserie Lefèvre & Fils")
    form.field("siren").setText("732 829 320")
    form.field("city").setText("Saint-Étienne")
    form.field("iban").setText(WRONG_IBAN)
    qtbot.mouseClick(settings.save_company_button, Qt.MouseButton.LeftButton)

    assert error_text(form, "iban") == "IBAN invalide : vérifiez la clé et la longueur."
    assert settings.company_saved.text() == ""
    assert services.company.get() is None

    form.field("iban").setText(VALID_IBAN)
    with qtbot.waitSignal(settings.sig_company_changed, timeout=1000):
        qtbot.mouseClick(settings.save_company_button, Qt.MouseButton.LeftButton)
    assert error_text(form, "iban") == ""
    assert settings.company_saved.text() == "Coordonnées enregistrées."
    company = services.company.get()
    assert company is not None
    assert company.legal_name == "Menuiserie Lefèvre & Fils"
    assert company.siren == "732829320"
    assert company.iban == "FR7630006000011234567890189"
    assert window.windowTitle().startswith("Menuiserie Lefèvre & Fils")


def test_a_salesperson_added_in_settings_appears_in_the_list_filter(
    qtbot, services, window: MainWindow
):
    window.go_to(Area.SETTINGS)
    settings = window.settings_page
    combo = window.customer_list.salesperson_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["Tous les commerciaux"]

    type_text(qtbot, settings.user_name, "Élodie Dupré")
    with qtbot.waitSignal(settings.sig_reference_changed, timeout=1000):
        qtbot.keyClick(settings.user_name, Qt.Key.Key_Return)

    assert settings.user_name.text() == ""
    names = [
        settings.users.topLevelItem(i).text(0) for i in range(settings.users.topLevelItemCount())
    ]
    assert names == ["Élodie Dupré"]
    assert settings.users.topLevelItem(0).text(1) == "Commercial"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Tous les commerciaux",
        "Élodie Dupré",
    ]
    # A user of another profile is no salesperson.
    settings.user_profile.setCurrentIndex(settings.user_profile.findData(Profile.OWNER.value))
    type_text(qtbot, settings.user_name, "Bernard Leroy")
    qtbot.keyClick(settings.user_name, Qt.Key.Key_Return)
    assert combo.count() == 2
    # And the customer form offers her too.
    dialog = CustomerDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.salesperson.findText("Élodie Dupré") > 0
    assert dialog.salesperson.findText("Bernard Leroy") < 0


def test_a_user_without_a_name_is_refused(qtbot, monkeypatch, services, window: MainWindow):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    window.settings_page.add_user()
    assert shown == ["Ce champ est obligatoire."]
    assert services.reference.users() == []


def test_a_segment_added_in_settings_appears_in_the_list_filter(
    monkeypatch, services, window: MainWindow
):
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("Boulangeries & pâtisseries", True)
    )
    window.settings_page.add_segment()
    combo = window.customer_list.segment_filter
    assert combo.findText("Boulangeries & pâtisseries") > 0
    assert window.settings_page.segments.topLevelItem(0).text(0) == "Boulangeries & pâtisseries"


# --- English ---------------------------------------------------------------------------------


def test_english_translation_shows_customers(qtbot, services: Services, keep_locale):
    qm = i18n.translations_dir() / "encaisse_en.qm"
    if not qm.exists():
        pytest.skip(f"{qm.name} is not built yet (run lrelease on encaisse_en.ts)")
    app = QApplication.instance()
    lang, translators = i18n.install_translators(app, "en")
    try:
        assert lang == "en"
        window = MainWindow(services)
        qtbot.addWidget(window)
        items = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert any("Customers" in text for text in items), items
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    # Other tests stay French.
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.nav.item(Area.CUSTOMERS).text() == "Clients et prospects"
