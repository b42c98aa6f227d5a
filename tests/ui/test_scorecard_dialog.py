"""« Fiches commerciaux » (issue 7): opened from the Tableau de bord, the period defaults
to the three months to date, the table shows the hand-counted figures, the salesperson
combo narrows it, a reversed period is refused, and the PDF is saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.ui.dashboard_page import DashboardPage
from desktop.ui.scorecard_dialog import (
    COL_BLOCKED,
    COL_CUSTOMERS,
    COL_DAYS,
    COL_HELPED,
    COL_NAME,
    COL_NEW,
    COL_OPEN,
    COL_OVERDUE,
    COL_PROMISES,
    COL_SHARE,
    COL_VISITS,
    ScorecardDialog,
)
from tests.db.test_scorecard_service import (  # noqa: F401  (fixtures)
    ELODIE,
    END,
    FRANCOIS,
    START,
    File,
    file,
    office,
)


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def cell(dialog: ScorecardDialog, row: int, col: int) -> str:
    return plain(dialog.model.data(dialog.model.index(row, col)) or "")


@pytest.fixture
def dialog(qtbot, file: File) -> ScorecardDialog:  # type: ignore[no-untyped-def]  # noqa: F811
    shown = ScorecardDialog(file.office.services)
    qtbot.addWidget(shown)
    return shown


def set_period(dialog: ScorecardDialog, start: date, end: date) -> None:
    dialog.start_edit.set_value(start)
    dialog.end_edit.set_value(end)
    dialog.reload()


def test_defaults_to_three_months_to_date_and_everyone(qtbot, dialog: ScorecardDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.windowTitle() == "Fiches commerciaux"
    assert dialog.model.rowCount() == 0  # computed once shown, not while being built
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5_000)
    # The test clock's today is 16/03/2026.
    assert dialog.period() == (date(2026, 1, 1), date(2026, 3, 16))
    assert dialog.salesperson_combo.currentText() == "Tous"
    assert [
        dialog.salesperson_combo.itemText(i) for i in range(dialog.salesperson_combo.count())
    ] == ["Tous", ELODIE, FRANCOIS]
    assert cell(dialog, 2, COL_NAME) == "Sans commercial"


def test_the_table_shows_the_hand_counted_figures(qtmodeltester, dialog: ScorecardDialog) -> None:  # type: ignore[no-untyped-def]
    set_period(dialog, START, END)
    qtmodeltester.check(dialog.model)
    assert [cell(dialog, 0, c) for c in (COL_NAME, COL_CUSTOMERS, COL_OPEN, COL_OVERDUE)] == [
        ELODIE,
        "3",
        "5 000,00 €",
        "4 200,00 €",
    ]
    assert cell(dialog, 0, COL_SHARE) == "84,0 %"
    assert cell(dialog, 0, COL_DAYS) == "20,0 j"
    assert [cell(dialog, 0, c) for c in (COL_NEW, COL_BLOCKED, COL_HELPED, COL_VISITS)] == [
        "2",
        "1",
        "2",
        "2",
    ]
    assert cell(dialog, 0, COL_PROMISES) == "2"
    assert cell(dialog, 1, COL_SHARE) == "81,6 %"
    assert cell(dialog, 2, COL_DAYS) == "—"  # nothing settled without a salesperson
    assert dialog.model.data(dialog.model.index(0, COL_OPEN), Qt.ItemDataRole.TextAlignmentRole)
    # Each header explains its figure, as the PDF's « Définitions » box does.
    tip = dialog.model.headerData(COL_DAYS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Retard moyen :") and "pondérée par le montant" in tip
    assert dialog.model.rowCount(dialog.model.index(0, 0)) == 0
    assert dialog.model.data(QModelIndex()) is None


def test_the_salesperson_combo_narrows_the_table(qtbot, dialog: ScorecardDialog) -> None:  # type: ignore[no-untyped-def]
    set_period(dialog, START, END)
    dialog.salesperson_combo.setCurrentText(FRANCOIS)
    # Recomputed a moment after the change.
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=3_000)
    assert cell(dialog, 0, COL_NAME) == FRANCOIS
    assert cell(dialog, 0, COL_VISITS) == "2"
    assert dialog.salesperson_id() is not None


def test_a_reversed_period_is_refused(dialog: ScorecardDialog) -> None:
    set_period(dialog, date(2026, 3, 1), date(2026, 2, 1))
    assert dialog.model.rowCount() == 0
    assert "La date de début doit précéder la date de fin." in dialog.message.text()
    assert not dialog.pdf_button.isEnabled()
    assert dialog.save_pdf(str(Path("/nonexistent/never.pdf"))) is None


def test_saves_the_pdf_under_the_suggested_name(
    dialog: ScorecardDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_period(dialog, START, END)
    asked: list[str] = []
    target = tmp_path / "fiches.pdf"

    def answer(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), "Document PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    dialog.pdf_button.click()
    assert asked == ["fiches-commerciaux-2026-02-28.pdf"]
    assert target.read_bytes().startswith(b"%PDF")
    assert plain(dialog.message.text()) == f"3 fiche(s) enregistrée(s) dans {target}"


def test_a_cancelled_save_writes_nothing(
    dialog: ScorecardDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert dialog.save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_opened_from_the_dashboard(qtbot, file: File, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page = DashboardPage(file.office.services)
    qtbot.addWidget(page)
    opened: list[ScorecardDialog] = []
    monkeypatch.setattr(ScorecardDialog, "exec", lambda self: opened.append(self) or 0)
    assert page.scorecards_button.text() == "Fiches commerciaux…"
    page.scorecards_button.click()
    assert len(opened) == 1
    opened[0].reload()
    assert opened[0].model.rowCount() == 3
