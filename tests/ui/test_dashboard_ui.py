"""Tableau de bord (issue 7): matplotlib is loaded on first show only, the six panels
fill in, each figure clicks through to the list behind it, F5 recomputes, and the
monthly report is saved from the page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.services.registry import Services
from desktop.ui.dashboard_page import DashboardPage
from desktop.ui.main_window import Area, MainWindow
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc
from tests.ui.helpers import show_active

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils <SARL>"


@pytest.fixture
def late(services: Services) -> dict[str, int]:
    epi = services.customers.create(customer(EPI))
    add_doc(services, epi, "FA-2025-0412", "2025-12-31", 1_245_000, issued="2025-12-01")
    dupont = services.customers.create(customer(DUPONT))
    add_doc(services, dupont, "FA-2026-0101", "2026-02-14", 150_000)
    return {"epi": epi, "dupont": dupont}


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def shown_dashboard(qtbot, window: MainWindow) -> DashboardPage:  # type: ignore[no-untyped-def]
    show_active(qtbot, window)
    window.go_to(Area.DASHBOARD)
    page = window.dashboard_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    return page


def test_start_up_does_not_import_matplotlib() -> None:
    code = (
        "import sys; import desktop.ui.main_window; "
        "sys.exit(any(m == 'matplotlib' or m.startswith('matplotlib.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_page_fills_in_on_first_show(qtbot, window: MainWindow, late) -> None:  # type: ignore[no-untyped-def]
    page = window.dashboard_page
    assert window.stack.widget(Area.DASHBOARD) is page
    assert page.figures is None and all(chart.canvas is None for chart in page.charts)

    page = shown_dashboard(qtbot, window)
    assert all(chart.canvas is not None for chart in page.charts)
    titles = [chart.figure.get_suptitle() for chart in page.charts]
    assert titles == [
        "Retards par ancienneté",
        "DSO sur 12 mois (jours)",
        "Litiges ouverts par cause",
        "Actions de relance du jour",
    ]
    # Five overdue buckets drawn; 12 450,00 € sits in « 61–90 j ».
    axes = page.aging_chart.figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "1–30 j", "31–60 j", "61–90 j", "91–120 j", "> 120 j",
    ]  # fmt: skip
    assert [round(p.get_height()) for p in axes.patches] == [150_000, 0, 1_245_000, 0, 0]
    assert len(page.dso_chart.figure.axes[0].get_xticklabels()) == 12
    # The day's reminders were computed on show: one action per late customer.
    assert page.figures.action_count == 2
    table = page.late_payers.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == EPI
    assert table.item(1, 0).text() == DUPONT
    assert plain(table.item(0, 1).text()) == "12 450,00 €"
    assert "échu <b>13 950,00 €</b>" in plain(page.summary.text())
    assert page.proposals.empty.isVisibleTo(page.proposals)


@pytest.mark.parametrize(
    ("chart", "area"),
    [
        ("aging_chart", Area.RECEIVABLES),
        ("dso_chart", Area.RECEIVABLES),
        ("disputes_chart", Area.DISPUTES),
        ("actions_chart", Area.REMINDERS),
    ],
)
def test_a_click_on_a_chart_opens_its_list(qtbot, window: MainWindow, late, chart, area) -> None:  # type: ignore[no-untyped-def]
    page = shown_dashboard(qtbot, window)
    panel = getattr(page, chart)
    signal = {
        Area.RECEIVABLES: page.sig_show_receivables,
        Area.DISPUTES: page.sig_show_disputes,
        Area.REMINDERS: page.sig_show_reminders,
    }[area]
    with qtbot.waitSignal(signal, timeout=2000):
        qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == area
    assert window.nav.currentRow() == area


def test_enter_on_a_late_payer_opens_the_customer(qtbot, window: MainWindow, late) -> None:  # type: ignore[no-untyped-def]
    page = shown_dashboard(qtbot, window)
    table = page.late_payers.table
    table.setFocus()
    table.setCurrentCell(1, 0)
    with qtbot.waitSignal(page.sig_open_customer, timeout=2000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [late["dupont"]]
    assert window.stack.currentIndex() == Area.CUSTOMERS
    assert window.customers_stack.currentWidget() is window.customer_page


def test_blocking_proposals_are_listed_and_f5_recomputes(
    qtbot, window: MainWindow, services: Services, late
) -> None:  # type: ignore[no-untyped-def]
    page = shown_dashboard(qtbot, window)
    assert page.proposals.table.rowCount() == 0
    services.blocking.refresh(services.context.clock.today())  # Épi d'Or: 75 days late
    first = page.figures
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.figures is not first, timeout=10_000)
    assert page.proposals.table.rowCount() == 1
    assert page.proposals.table.item(0, 0).text() == EPI
    assert page.proposals.table.item(0, 1).text() == "16/03/2026"


def test_the_monthly_report_is_saved_from_the_page(
    qtbot, window: MainWindow, late, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = shown_dashboard(qtbot, window)
    out = tmp_path / "rapport mensuel — mars.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page.report_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    assert told and str(out) in told[0]
