"""The audit trail on screen (issue 7): the customer's « Historique des modifications »
tab, filled when first shown; the owner's « Journal des modifications » with its filters,
details pane and formula-safe Excel export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.domain.clock import FixedClock
from desktop.persistence.database import Database
from desktop.services.audit_trail import AuditFilter
from desktop.services.customers import ContactData
from desktop.services.registry import Services, build_services
from desktop.ui.audit.audit_dialog import AuditDialog
from desktop.ui.audit.model import COL_ACTION, COL_ACTOR, COL_ENTITY, COL_SUMMARY
from desktop.ui.customers.customer_page import TAB_AUDIT
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import DUPONT_NAME, EPI_NAME, SIREN_EPI, SIREN_OTHER, create_customer

OWNER = "Nathalie Roux"
FORMULA_NAME = '=HYPERLINK("http://exemple.invalid";"Cliquez")'


def as_user(services: Services, name: str, moment: datetime) -> Services:
    assert services.database.path is not None
    return build_services(Database.at(services.database.path), FixedClock(moment), lambda: name)


@pytest.fixture
def epi(services: Services) -> int:
    """A customer created by the test user, then blocked and given a contact by the owner
    the next day."""
    cid = create_customer(services, EPI_NAME, siren=SIREN_EPI, city="Saint-Étienne")
    owner = as_user(services, OWNER, datetime(2026, 3, 17, 11, 45))
    owner.blocking.block_now(cid, "Chèque impayé : « provision insuffisante »")
    owner.customers.save_contact(cid, ContactData(None, "Hélène", "Dupré", "Gérante"))
    owner.close()
    return cid


@pytest.fixture
def dupont(services: Services) -> int:
    return create_customer(services, DUPONT_NAME, siren=SIREN_OTHER, city="Lyon")


def _texts(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_customer_tab_is_read_when_first_shown(
    qtbot, monkeypatch, services: Services, epi: int, dupont: int, window: MainWindow
) -> None:
    calls: list[AuditFilter] = []
    real = services.audit.entries

    def counting(flt, offset=0, limit=200):  # type: ignore[no-untyped-def]
        calls.append(flt)
        return real(flt, offset, limit)

    monkeypatch.setattr(services.audit, "entries", counting)
    with qtbot.waitExposed(window):
        window.show()
    window.open_customer(epi)
    page = window.customer_page
    tab = page.audit_tab
    assert page.tabs.tabText(TAB_AUDIT) == "Historique des modifications"
    assert calls == [] and tab.loaded_for is None and tab.model.rowCount() == 0

    page.tabs.setCurrentIndex(TAB_AUDIT)
    qtbot.waitUntil(lambda: tab.loaded_for == epi)
    assert [flt.customer_id for flt in calls] == [epi]
    assert _texts(tab.model, COL_ACTOR) == [OWNER, OWNER, OWNER, "Camille Test"]
    assert _texts(tab.model, COL_ENTITY) == [
        "Contact n° 1",
        f"Fiche client n° {epi}",
        "Décision de blocage n° 1",
        f"Fiche client n° {epi}",
    ]
    assert _texts(tab.model, COL_ACTION)[-1] == "Création"
    # The block in words: who, what, and the before → after in the row and the pane.
    assert "statut : Actif → Bloqué" in _texts(tab.model, COL_SUMMARY)[1]
    tab.table.selectRow(2)
    pane = tab.details
    assert "17/03/2026 11:45 · Nathalie Roux" in pane.heading.text()
    assert "Décision de blocage" in pane.heading.text()
    rows = {
        pane.changes.topLevelItem(i).text(0): (
            pane.changes.topLevelItem(i).text(1),
            pane.changes.topLevelItem(i).text(2),
        )
        for i in range(pane.changes.topLevelItemCount())
    }
    assert rows["statut"] == ("proposé", "bloqué")
    assert rows["motif"] == ("—", "Chèque impayé : « provision insuffisante »")
    assert tab.count_label.text().startswith("4 modification(s)")

    # Another customer: read at once, the tab being on screen; none of Épi d'Or's entries.
    window.open_customer(dupont)
    assert tab.loaded_for == dupont
    assert _texts(tab.model, COL_ENTITY) == [f"Fiche client n° {dupont}"]


def test_the_journal_filters_and_shows_the_details(
    qtbot, services: Services, epi: int, dupont: int
) -> None:
    dialog = AuditDialog(services)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.total == 5
    assert dialog.count_label.text() == "5 modification(s)"
    assert [dialog.actor_combo.itemText(i) for i in range(dialog.actor_combo.count())] == [
        "Tout le monde",
        "Camille Test",
        OWNER,
    ]

    dialog.actor_combo.setCurrentIndex(dialog.actor_combo.findData(OWNER))
    assert model.total == 3
    dialog.entity_combo.setCurrentIndex(dialog.entity_combo.findData("blocking_decision"))
    assert _texts(model, COL_ENTITY) == ["Décision de blocage n° 1"]
    assert dialog.details.changes.topLevelItemCount() == 3  # first row selected: shown

    dialog.clear_filters()
    assert model.total == 5
    qtbot.keyClicks(dialog.text_edit, "provision INSUFFISANTE")
    qtbot.waitUntil(lambda: model.total == 1)
    assert _texts(model, COL_ENTITY) == ["Décision de blocage n° 1"]

    dialog.clear_filters()
    dialog.date_from.set_value(date(2026, 3, 17))
    assert model.total == 3
    dialog.date_to.set_value(date(2026, 3, 16))  # the other way round: 16 → 17 March
    assert model.total == 5
    dialog.date_from.set_value(date(2026, 3, 18))
    dialog.date_to.set_value(date(2026, 3, 20))
    assert model.total == 0 and dialog.count_label.text() == "Aucune modification."
    assert not dialog.export_button.isEnabled()

    dialog.clear_filters()
    dialog.customer_picker.search.setText("Dupont")
    dialog.customer_picker.search_customers()  # as when typing pauses
    assert dialog.customer_picker.customer_id == dupont
    assert model.total == 1
    assert _texts(model, COL_ENTITY) == [f"Fiche client n° {dupont}"]


def test_the_journal_pages_as_it_scrolls(qtbot, qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, EPI_NAME, siren=SIREN_EPI)
    for i in range(230):
        services.customers.save_contact(cid, ContactData(None, "Élodie", f"Lefèvre {i:03d}"))
    dialog = AuditDialog(services)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.total == 231 and model.rowCount() == 200
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 231 and not model.canFetchMore()
    assert _texts(model, COL_SUMMARY)[0].startswith("Élodie Lefèvre 229")
    qtmodeltester.check(model)


def test_the_export_writes_every_filtered_entry_without_formulas(
    qtbot, services: Services, tmp_path: Path
) -> None:
    cid = create_customer(services, FORMULA_NAME, siren=SIREN_EPI)
    services.customers.save_contact(cid, ContactData(None, "=1+1", "Dupré", "@gérante"))
    dialog = AuditDialog(services)
    qtbot.addWidget(dialog)
    path = dialog.export(str(tmp_path / "journal.xlsx"))
    assert path == tmp_path / "journal.xlsx"
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == [
        "Date et heure",
        "Qui",
        "Action",
        "Objet",
        "Client",
        "Résumé",
        "Avant → après",
    ]
    assert sheet.max_row == 3  # the header and both entries
    contact, created = sheet[2], sheet[3]
    assert created[0].value == datetime(2026, 3, 16, 9, 30)
    assert created[2].value == "Création" and created[3].value == f"Fiche client n° {cid}"
    # What users typed stays text: never evaluated as a formula.
    for cell in (created[4], created[5], contact[4]):
        assert cell.value == FORMULA_NAME
        assert cell.data_type == "s" and cell.quotePrefix
    assert contact[5].value == "=1+1 Dupré" and contact[5].data_type == "s"
    assert "prénom : — → =1+1" in contact[6].value
    assert "fonction : — → @gérante" in contact[6].value


def test_main_window_opens_the_journal_with_ctrl_shift_j(
    qtbot, monkeypatch, window: MainWindow
) -> None:
    assert window.audit_action.shortcut().toString() == "Ctrl+Shift+J"
    shown: list[AuditDialog] = []
    monkeypatch.setattr(AuditDialog, "exec", lambda self: shown.append(self) or 0)
    window.audit_action.trigger()
    assert len(shown) == 1 and shown[0].windowTitle() == "Journal des modifications"


def test_escape_closes_the_journal(qtbot, services: Services) -> None:
    dialog = AuditDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
