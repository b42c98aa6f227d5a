"""Penalties in the UI: the contract rate on the customer form, the line and its detail in
the Factures tab, the rate table in Paramètres."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.domain.enums import CustomerStatus, DocumentKind, RateKind
from desktop.persistence.models import Document
from desktop.services.registry import Services
from desktop.ui.customers.customer_form import TAB_TERMS, CustomerDialog
from desktop.ui.customers.documents_tab import DocumentsTab
from desktop.ui.settings_page import RateDialog, SettingsPage
from tests.ui.helpers import (
    DUPONT_NAME,
    SIREN_EPI,
    create_customer,
    displayed_text,
    error_text,
    show_active,
    type_text,
)

NBSP = "\u00a0"
NNBSP = "\u202f"


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def add_invoice(services: Services, customer_id: int, number: str, due: date, cents: int) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Document(
                customer_id=customer_id,
                kind=DocumentKind.INVOICE.value,
                number=number,
                issued_on=date(2026, 1, 1),
                due_on=due,
                total_cents=cents,
                open_cents=cents,
                created_at=now,
                updated_at=now,
            )
        )


def save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


# --- customer form ----------------------------------------------------------------------


def test_contract_rate_is_typed_checked_and_saved(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    dialog = CustomerDialog(services, cid)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.penalty_rate.text() == ""
    assert "8,28" in dialog.penalty_rate.toolTip()

    type_text(qtbot, dialog.penalty_rate, "5")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == TAB_TERMS
    assert error_text(dialog, "penalty_rate_bp") == (
        "Le taux contractuel ne peut être inférieur à 3 fois le taux d'intérêt légal, "
        f"soit 8,28{NBSP}%."
    )
    assert services.customers.get(cid).draft.penalty_rate_bp is None

    dialog.penalty_rate.clear()
    type_text(qtbot, dialog.penalty_rate, "12,5 %")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert services.customers.get(cid).draft.penalty_rate_bp == 1250

    again = CustomerDialog(services, cid)
    qtbot.addWidget(again)
    assert again.penalty_rate.text() == "12,50"


def test_unreadable_contract_rate_is_shown_next_to_the_field(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    dialog = CustomerDialog(services, cid)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    type_text(qtbot, dialog.penalty_rate, "douze")
    save(qtbot, dialog)
    assert error_text(dialog, "penalty_rate_bp") == "Montant invalide."


# --- Factures tab ------------------------------------------------------------------------


def test_documents_tab_shows_the_penalties_and_their_detail(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    add_invoice(services, cid, "FA-2026-0001", date(2026, 2, 14), 1_500_000)
    add_invoice(services, cid, "FA-2025-0917", date(2025, 12, 30), 123_456)
    add_invoice(services, cid, "FA-2026-0002", date(2026, 4, 15), 50_000)  # not yet due
    tab = DocumentsTab(services)
    qtbot.addWidget(tab)
    tab.show_customer(cid)
    tab.show()
    assert tab.penalty_line.isVisible() and tab.penalty_detail_button.isVisible()
    # 15 000 € × 12,15 % × 30 / 365 = 149,79 € ; 1 234,56 € over 1 day at 12,15 % (H2 2025)
    # and 75 days at 12,15 % (H1 2026) = 31,23 €.
    assert plain(displayed_text(tab.penalty_line)) == (
        "Pénalités de retard au 16/03/2026 : 181,02 € (taux 12,15 %) · "
        "indemnités forfaitaires : 2 × 40 € = 80,00 €"
    )

    dialog = tab.show_penalty_detail()
    assert dialog is not None
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 2
    old = tree.topLevelItem(0)
    assert [old.text(c) for c in (0, 1, 3)] == ["FA-2025-0917", "30/12/2025", "76"]
    assert old.childCount() == 2
    periods = [[plain(old.child(i).text(c)) for c in (0, 3, 4)] for i in range(2)]
    assert periods == [
        ["du 31/12/2025 au 31/12/2025", "1", "12,15 %"],
        ["du 01/01/2026 au 16/03/2026", "75", "12,15 %"],
    ]
    recent = tree.topLevelItem(1)
    assert plain(recent.text(5)) == "149,79 €" and plain(recent.text(6)) == "40,00 €"
    assert DUPONT_NAME in dialog.windowTitle()


def test_consumers_have_no_indemnity_mention(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, "Mme Hélène d'Arcy", is_consumer=True)
    add_invoice(services, cid, "FA-2026-0100", date(2026, 2, 14), 100_000)
    tab = DocumentsTab(services)
    qtbot.addWidget(tab)
    tab.show_customer(cid)
    text = plain(displayed_text(tab.penalty_line))
    # Legal interest rate 2,76 %: 1 000 € × 2,76 % × 30 / 365 = 2,27 €.
    assert text == "Pénalités de retard au 16/03/2026 : 2,27 € (taux 2,76 %)"
    assert "indemnit" not in text


def test_no_penalty_line_without_late_invoices(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    add_invoice(services, cid, "FA-2026-0002", date(2026, 4, 15), 50_000)
    tab = DocumentsTab(services)
    qtbot.addWidget(tab)
    tab.show_customer(cid)
    tab.show()
    assert not tab.penalty_line.isVisible() and not tab.penalty_detail_button.isVisible()
    assert tab.show_penalty_detail() is None


# --- Paramètres › Taux légaux ------------------------------------------------------------


def _rows(page: SettingsPage) -> list[list[str]]:
    return [
        [plain(page.rates.topLevelItem(i).text(c)) for c in range(4)]
        for i in range(page.rates.topLevelItemCount())
    ]


def test_settings_lists_adds_and_deletes_rates(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = SettingsPage(services)
    qtbot.addWidget(page)
    rows = _rows(page)
    assert len(rows) == 9
    assert rows[0] == [
        "BCE – taux des opérations principales de refinancement",
        "11/06/2025",
        "2,15 %",
        "BCE",
    ]
    assert [
        "Taux d'intérêt légal (créanciers professionnels)",
        "01/07/2025",
        "2,76 %",
        "Arrêté du 24 juin 2025",
    ] in rows
    page.rates.setCurrentItem(page.rates.topLevelItem(0))
    assert not page.delete_rate_button.isEnabled()  # shipped with the file

    dialog = page.add_rate()
    assert isinstance(dialog, RateDialog)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RateKind.FR_LEGAL_INTEREST_PROFESSIONAL.value))
    dialog.valid_from.set_value(date(2026, 1, 1))
    type_text(qtbot, dialog.rate, "6,62")
    type_text(qtbot, dialog.source, "Arrêté du 22 décembre 2025 (JO n° 298)")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        save(qtbot, dialog)
    rows = _rows(page)
    assert len(rows) == 10
    new = [
        "Taux d'intérêt légal (créanciers professionnels)",
        "01/01/2026",
        "6,62 %",
        "Arrêté du 22 décembre 2025 (JO n° 298)",
    ]
    assert new in rows
    # The contract-rate floor now follows: 3 × 6,62 %.
    assert services.penalties.contract_rate_floor(date(2026, 3, 16)) == 1986

    # Same kind and date again: refused next to the date.
    again = page.add_rate()
    qtbot.addWidget(again)
    again.kind.setCurrentIndex(again.kind.findData(RateKind.FR_LEGAL_INTEREST_PROFESSIONAL.value))
    again.valid_from.set_value(date(2026, 1, 1))
    type_text(qtbot, again.rate, "7")
    type_text(qtbot, again.source, "Doublon")
    save(qtbot, again)
    assert plain(error_text(again, "valid_from")) == (
        "Un taux de ce type existe déjà au 01/01/2026 (6,62 %)."
    )
    again.reject()

    index = rows.index(new)
    page.rates.setCurrentItem(page.rates.topLevelItem(index))
    assert page.delete_rate_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_rate_button, Qt.MouseButton.LeftButton)
    assert new not in _rows(page) and len(_rows(page)) == 9


def test_penalty_line_says_what_limits_the_amount(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """A contract rate that a newer legal rate leaves below the floor is raised and said;
    an insolvency proceeding stops the count on its opening judgment."""
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI, penalty_rate_bp=900)
    add_invoice(services, cid, "FA-2026-0001", date(2026, 2, 14), 1_500_000)
    services.penalties.add_rate(
        RateKind.FR_LEGAL_INTEREST_PROFESSIONAL, date(2026, 1, 1), 662, "Arrêté du 22/12/2025"
    )
    tab = DocumentsTab(services)
    qtbot.addWidget(tab)
    tab.show_customer(cid)
    text = plain(displayed_text(tab.penalty_line))
    assert "(taux 19,86 %)" in text
    assert "taux contractuel relevé à 3 fois le taux d'intérêt légal" in text

    detail = services.customers.get(cid).draft
    services.customers.update(
        cid,
        replace(
            detail,
            status=CustomerStatus.INSOLVENCY,
            penalty_rate_bp=None,
            insolvency_opened_on=date(2026, 3, 1),
        ),
    )
    tab.show_customer(cid)
    text = plain(displayed_text(tab.penalty_line))
    # 15 000 € × 12,15 % × 15 days (15 February – 1 March).
    assert text.startswith("Pénalités de retard au 16/03/2026 : 74,90 € (taux 12,15 %)")
    assert "procédure collective : arrêtées au 01/03/2026" in text
