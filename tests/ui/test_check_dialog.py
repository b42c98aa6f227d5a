"""Ctrl+K: the doubtful-prospect check answers as one types, from anywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import CustomerStatus, DoubtfulSource, InsolvencyKind
from desktop.services.registry import Services
from desktop.ui.check_dialog import CheckDialog, DoubtfulFormDialog
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import SIREN_EPI, SIREN_INVALID, create_customer, show_active, type_text


def _open_with_ctrl_k(qtbot, window: MainWindow) -> CheckDialog:  # type: ignore[no-untyped-def]
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.check_dialog is not None and window.check_dialog.isVisible())
    assert window.check_dialog is not None
    return window.check_dialog


def _wait_verdict(qtbot, dialog: CheckDialog, tone: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.tone == tone, timeout=2000)


def test_ctrl_k_opens_and_typing_shows_a_doubtful_verdict(
    qtbot, window, services: Services
) -> None:  # type: ignore[no-untyped-def]
    services.check.add_doubtful(
        "Charcuterie Mercier & Fils SARL",
        reason="Chèque revenu impayé, commande suivante jamais réglée",
        source=DoubtfulSource.FIELD_REPORT,
        detail="Salon de Lyon",
    )
    dialog = _open_with_ctrl_k(qtbot, window)
    assert window.check_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    type_text(qtbot, dialog.search, "charcuterie mercié")
    _wait_verdict(qtbot, dialog, "amber")
    assert "Charcuterie Mercier & Fils SARL" in dialog.verdict_label.text()
    assert "douteuses" in dialog.verdict_label.text()
    row = dialog.matches.topLevelItem(0)
    assert row.text(1) == "Chèque revenu impayé, commande suivante jamais réglée"
    assert "Salon de Lyon" in row.text(2)
    assert row.text(3) == "16/03/2026"
    assert not dialog.open_button.isEnabled()  # not a customer of the file


def test_unknown_company_is_green(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_with_ctrl_k(qtbot, window)
    type_text(qtbot, dialog.search, "Garage Rousseau")
    _wait_verdict(qtbot, dialog, "green")
    assert dialog.verdict_label.text().startswith("Rien de connu")
    assert dialog.matches.topLevelItemCount() == 0


def test_insolvent_customer_is_red_and_opens_its_page(qtbot, window, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(
        services,
        "Pharmacie Guérin SAS",
        siren=SIREN_EPI,
        status=CustomerStatus.INSOLVENCY,
        insolvency_kind=InsolvencyKind.LIQUIDATION,
        insolvency_opened_on=date(2026, 2, 2),
        bodacc_published_on=date(2026, 2, 10),
    )
    dialog = _open_with_ctrl_k(qtbot, window)
    type_text(qtbot, dialog.search, "732 829 320")
    _wait_verdict(qtbot, dialog, "red")
    assert "Pharmacie Guérin SAS" in dialog.verdict_label.text()
    assert dialog.matches.topLevelItem(0).text(3) == "10/02/2026"
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.customer_page.customer_id == cid
    assert window.customers_stack.currentWidget() is window.customer_page


def test_add_to_doubtful_list_from_the_dialog(
    qtbot, window, services: Services, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_with_ctrl_k(qtbot, window)
    type_text(qtbot, dialog.search, "Transports Chevalier Frères")
    _wait_verdict(qtbot, dialog, "green")

    def fill_and_save(form: DoubtfulFormDialog) -> int:
        assert form.name.text() == "Transports Chevalier Frères"
        form.siren.setText(SIREN_INVALID)
        form.save()  # refused: the SIREN key is wrong, the form says why and stays open
        assert "SIREN" in form.errors.text() and form.saved_id is None
        form.siren.setText("")
        form.reason.setPlainText("Gérant déjà à la tête de deux sociétés liquidées")
        form.source.setCurrentIndex(form.source.findData(DoubtfulSource.FIELD_REPORT.value))
        form.save()
        return int(form.result())

    monkeypatch.setattr(DoubtfulFormDialog, "exec", fill_and_save)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    _wait_verdict(qtbot, dialog, "amber")
    assert (
        dialog.matches.topLevelItem(0).text(1) == "Gérant déjà à la tête de deux sociétés liquidées"
    )


def test_customer_page_reports_a_customer_as_doubtful(
    qtbot, window, services: Services, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, "Boulangerie L'Épi d'Or")
    window.open_customer(cid)

    def fill_and_save(form: DoubtfulFormDialog) -> int:
        form.reason.setPlainText("Factures impayées depuis plus de 90 jours")
        form.save()
        return int(form.result())

    monkeypatch.setattr(DoubtfulFormDialog, "exec", fill_and_save)
    window.customer_page.doubtful_action.trigger()
    result = services.check.check("Boulangerie l'Epi d'Or")
    assert [d.customer_id for d in result.doubtful] == [cid]
    assert result.doubtful[0].reason == "Factures impayées depuis plus de 90 jours"
    QApplication.processEvents()
