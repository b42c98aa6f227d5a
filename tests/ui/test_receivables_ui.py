"""Receivables in the window: the import wizard, the Factures tab, the Encours page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services.registry import Services
from desktop.ui.customers.customer_page import TAB_INVOICES
from desktop.ui.imports.wizard import ImportWizard
from desktop.ui.main_window import Area, MainWindow

HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
    "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
    "ValidDate\tMontantdevise\tIdevise"
)


def _line(
    journal: str,
    num: int,
    day: str,
    account: str,
    aux: str,
    name: str,
    ref: str,
    debit: str,
    credit: str,
    letter: str = "",
) -> str:
    return "\t".join(
        [
            journal,
            "Ventes",
            str(num),
            day,
            account,
            "Clients",
            aux,
            name,
            ref,
            day,
            f"Pièce {ref}",
            debit,
            credit,
            letter,
            "",
            day,
            "",
            "",
        ]
    )


@pytest.fixture
def fec_file(tmp_path: Path) -> Path:
    """Two customers in Windows-1252: an overdue invoice, a recent one, a lettered one."""
    lines = [
        HEADER,
        _line(
            "VT",
            1,
            "20251201",
            "411000",
            "C001",
            "Boulangerie L'Épi d'Or",
            "FA-101",
            "1200,00",
            "0,00",
        ),
        _line("VT", 1, "20251201", "706000", "", "", "FA-101", "0,00", "1000,00"),
        _line("VT", 1, "20251201", "445710", "", "", "FA-101", "0,00", "200,00"),
        _line(
            "VT",
            2,
            "20260310",
            "411000",
            "C002",
            "Dupont & Fils <SARL>",
            "FA-102",
            "480,00",
            "0,00",
        ),
        _line("VT", 2, "20260310", "706000", "", "", "FA-102", "0,00", "400,00"),
        _line("VT", 2, "20260310", "445710", "", "", "FA-102", "0,00", "80,00"),
        _line(
            "VT",
            3,
            "20260105",
            "411000",
            "C002",
            "Dupont & Fils <SARL>",
            "FA-103",
            "360,00",
            "0,00",
            "AA",
        ),
        _line("VT", 3, "20260105", "706000", "", "", "FA-103", "0,00", "300,00"),
        _line("VT", 3, "20260105", "445710", "", "", "FA-103", "0,00", "60,00"),
    ]
    path = tmp_path / "export FEC 2026.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _run_wizard(qtbot, services: Services, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(services, None, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.file_page.detected == "fec"
    wizard.next()  # FEC: straight to the check page, which runs the dry run
    assert wizard.currentId() == ImportWizard.PAGE_CHECK
    return wizard


def test_the_wizard_checks_before_writing_then_imports(qtbot, services: Services, fec_file):
    wizard = _run_wizard(qtbot, services, fec_file)
    page = wizard.check_page
    assert wizard.plan is not None and wizard.plan.ok
    assert "3 pièce(s) à créer" in page.summary.text()
    assert "Boulangerie L'Épi d'Or" in page.details.toPlainText()
    assert services.customers.total() == 0  # a dry run writes nothing
    assert page.isComplete()

    wizard.next()  # « Importer »
    assert wizard.currentId() == ImportWizard.PAGE_DONE
    assert "3 pièce(s) créée(s)" in wizard.done_page.text.text()
    assert services.customers.total() == 2
    assert [r.created for r in services.imports.history()] == [3]


def test_a_broken_file_is_refused_with_its_line_numbers(qtbot, services: Services, fec_file):
    text = fec_file.read_bytes().decode("cp1252").replace("20260310", "20261399", 1)
    fec_file.write_bytes(text.encode("cp1252"))
    wizard = _run_wizard(qtbot, services, fec_file)
    page = wizard.check_page
    assert not wizard.plan.ok
    assert "refusé" in page.summary.text()
    assert "ligne 5" in page.details.toPlainText()
    assert "20261399" in page.details.toPlainText()
    assert not page.isComplete()  # « Importer » stays disabled
    assert services.customers.total() == 0


def test_invoices_tab_and_aged_balance_after_an_import(
    qtbot, monkeypatch, services: Services, fec_file, window: MainWindow
):
    wizard = _run_wizard(qtbot, services, fec_file)
    wizard.next()
    epi = services.customers.find_id("C001")
    assert epi is not None

    window.open_customer(epi)
    page = window.customer_page
    assert page.tabs.tabText(TAB_INVOICES) == "Factures (1 ouverte(s))"
    tab = page.documents_tab
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == "FA-101"
    # Issued 01/12/2025, 30 days → due 31/12/2025; on 16/03/2026 that is 75 days late.
    assert tab.model.index(0, 7).data() == "75 j"
    assert "1\u202f200,00\u00a0€" in tab.summary.text()

    window.show()
    window.go_to(Area.RECEIVABLES)
    receivables = window.receivables_page
    # Computed once the page is first shown, not when the window opens.
    qtbot.waitUntil(lambda: receivables.model.rowCount() == 3)  # two customers + totals
    names = [receivables.model.index(r, 1).data() for r in range(3)]
    assert names == ["Boulangerie L'Épi d'Or", "Dupont & Fils <SARL>", "Total"]
    assert receivables.model.index(2, 2).data() == "1\u202f680,00\u00a0€"


def test_undo_the_last_import_from_the_imports_page(
    qtbot, monkeypatch, services: Services, fec_file, window: MainWindow
):
    wizard = _run_wizard(qtbot, services, fec_file)
    wizard.next()
    window.go_to(Area.IMPORTS)
    imports = window.imports_page
    imports.reload()
    assert imports.history.topLevelItemCount() == 1
    assert imports.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    imports.undo_last()
    assert services.customers.total() == 0
    assert "annulé" in imports.history.topLevelItem(0).text(7)
    assert not imports.undo_button.isEnabled()


def test_the_statement_button_writes_a_pdf_of_the_open_items(
    qtbot, services: Services, fec_file, window: MainWindow, tmp_path: Path
):
    wizard = _run_wizard(qtbot, services, fec_file)
    wizard.next()
    dupont = services.customers.find_id("C002")
    window.open_customer(dupont)
    written = window.customer_page.save_statement(str(tmp_path / "relevé Dupont.pdf"))
    assert written is not None and written.read_bytes().startswith(b"%PDF")


def test_the_timeline_lists_imported_invoices(qtbot, services: Services, fec_file, window):
    wizard = _run_wizard(qtbot, services, fec_file)
    wizard.next()
    window.open_customer(services.customers.find_id("C002"))
    text = window.customer_page.timeline.toPlainText()
    assert "Facture FA-102" in text
    assert "Rapport de visite" not in text


def test_the_user_sets_the_aging_tranches(qtbot, services: Services, fec_file, window):
    from PySide6.QtCore import QSettings

    wizard = _run_wizard(qtbot, services, fec_file)
    wizard.next()
    page = window.receivables_page
    page.reload()
    assert page.model.columnCount() == 3 + 6  # code, name, total + six default tranches
    try:
        page.buckets_edit.setText("90, 30")
        page._buckets_changed()
        assert "croissants" in page.buckets_error.text()
        assert page.model.columnCount() == 9  # a bad entry changes nothing
        page.buckets_edit.setText("15, 45")
        page._buckets_changed()
        assert page.buckets_error.text() == ""
        headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3, 7)]
        assert headers == ["Non échu", "1–15 j", "16–45 j", "> 45 j"]
        # FA-101 is 75 days late: in the last tranche; FA-102 (due 09/04) is not yet due.
        total_row = page.model.rowCount() - 1
        assert page.model.index(total_row, 6).data() == "1\u202f200,00\u00a0€"
    finally:
        QSettings().remove("aging/bounds")
