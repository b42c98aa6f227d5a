"""First run (the welcome dialog) and `encaisse screenshot` rendering offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desktop.domain.enums import Country
from desktop.services.registry import Services
from desktop.ui import i18n
from desktop.ui.screenshot import UnknownPageError, take_screenshot
from desktop.ui.welcome import WelcomeChoice, WelcomeDialog
from tests.ui.helpers import EPI_NAME, SIREN_EPI, create_customer, error_text, type_text

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def welcome(qtbot, tmp_path: Path) -> WelcomeDialog:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(tmp_path / "Mon entreprise.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_welcome_creates_the_company_file(qtbot, welcome: WelcomeDialog, tmp_path: Path):
    assert welcome.current_page == 0
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    assert welcome.current_page == 1
    form = welcome.company_form
    assert welcome.path_edit.text() == str(tmp_path / "Mon entreprise.sqlite")

    # Nothing typed: refused, with the message next to the legal name.
    qtbot.mouseClick(welcome.confirm_button, Qt.MouseButton.LeftButton)
    assert error_text(form, "legal_name") == "Ce champ est obligatoire."
    assert welcome.choice is None
    assert welcome.result() != QDialog.DialogCode.Accepted
    assert welcome.isVisible()

    type_text(qtbot, form.field("legal_name"), "Menuiserie Lefèvre & Fils")
    form.field("siren").setText("732 829 320")
    form.field("city").setText("Saint-Étienne")
    form.country.setCurrentIndex(form.country.findData(Country.FRANCE.value))
    qtbot.mouseClick(welcome.confirm_button, Qt.MouseButton.LeftButton)

    assert welcome.choice == WelcomeChoice.CREATE
    assert welcome.result() == QDialog.DialogCode.Accepted
    assert welcome.company is not None
    assert welcome.company.legal_name == "Menuiserie Lefèvre & Fils"
    assert welcome.company.siren == SIREN_EPI  # compact form
    assert welcome.company.city == "Saint-Étienne"
    assert welcome.path == tmp_path / "Mon entreprise.sqlite"


def test_welcome_refuses_a_wrong_iban(qtbot, welcome: WelcomeDialog):
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    form = welcome.company_form
    form.field("legal_name").setText("Brasserie de l'Abbaye")
    form.field("iban").setText("BE68 5390 0754 7036")
    qtbot.mouseClick(welcome.confirm_button, Qt.MouseButton.LeftButton)
    assert "IBAN invalide" in error_text(form, "iban")
    assert welcome.choice is None


def test_welcome_back_and_demo(qtbot, welcome: WelcomeDialog):
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    welcome.show_page(0)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert welcome.choice == WelcomeChoice.DEMO
    assert welcome.result() == QDialog.DialogCode.Accepted


def test_welcome_shows_why_the_file_could_not_be_opened(qtbot, tmp_path: Path):
    message = "Le fichier « clients.xlsx » n'est pas un fichier Encaisse."
    dialog = WelcomeDialog(tmp_path / "x.sqlite", message)
    qtbot.addWidget(dialog)
    assert message in [label.text() for label in dialog.findChildren(QLabel)]


# --- screenshots -------------------------------------------------------------------------------


@pytest.fixture
def remove_installed_translators(monkeypatch: pytest.MonkeyPatch, keep_locale):  # type: ignore[no-untyped-def]
    """take_screenshot installs translators for good: take them out after the test."""
    installed = []
    real = i18n.install_translators

    def tracking(app, requested):  # type: ignore[no-untyped-def]
        lang, translators = real(app, requested)
        installed.extend(translators)
        return lang, translators

    monkeypatch.setattr(i18n, "install_translators", tracking)
    yield
    app = QApplication.instance()
    for translator in installed:
        app.removeTranslator(translator)


def _png_size(path: Path) -> tuple[int, int]:
    assert path.exists() and path.stat().st_size > 1000
    assert path.read_bytes()[:8] == PNG_MAGIC
    image = QImage(str(path))
    assert not image.isNull()
    return image.width(), image.height()


@pytest.mark.usefixtures("remove_installed_translators")
def test_screenshot_of_the_customer_list(qtbot, services: Services, tmp_path: Path):
    create_customer(services, EPI_NAME, siren=SIREN_EPI)
    out = tmp_path / "captures" / "clients.png"
    take_screenshot(services, "customers", out, size=(1100, 700), lang="fr")
    assert _png_size(out) == (1100, 700)


@pytest.mark.usefixtures("remove_installed_translators")
def test_screenshot_of_a_customer_by_siren(qtbot, services: Services, tmp_path: Path):
    create_customer(services, EPI_NAME, siren=SIREN_EPI)
    out = tmp_path / "fiche.png"
    take_screenshot(services, "customer:732 829 320", out, lang="fr")
    assert _png_size(out) == (1280, 800)


@pytest.mark.usefixtures("remove_installed_translators")
@pytest.mark.parametrize("page", ["nimporte", "customer:999999999", "customer:", "settings:x"])
def test_screenshot_of_an_unknown_page_is_refused(services: Services, tmp_path: Path, page):
    out = tmp_path / "x.png"
    with pytest.raises(UnknownPageError):
        take_screenshot(services, page, out, lang="fr")
    assert not out.exists()
