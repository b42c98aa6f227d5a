"""Issue 7: the customer list's « Score » column — the stored score, sorted in SQL with the
customers not scored yet last in both directions, right-aligned, in the colour of the
customer page's score box, with when and by which rules it was computed. Today is
16/03/2026 in the test clock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from desktop.domain.customer import RatingDraft
from desktop.domain.enums import RatingSource
from desktop.services.registry import Services
from desktop.ui.customers import list_model
from desktop.ui.customers.list_model import COL_NAME, COL_SCORE, CustomerListModel
from desktop.ui.customers.list_page import CustomerListPage
from desktop.ui.score_style import SCORE_COLORS
from tests.db.test_score_service import add_invoice
from tests.ui.helpers import SIREN_EPI, SIREN_OTHER, SIREN_THIRD, create_customer

TODAY = date(2026, 3, 16)
LEFEVRE = "Quincaillerie Lefèvre & Fils <SARL>"
EPI = "Boulangerie L'Épi d'Or"
SGE = "Société Générale d'Équipements"
GARAGE = "Garage Dupont"
ZOE = "Atelier Zoé"
COEUR = "Cœur de Lion SAS"
ASCENDING = [GARAGE, LEFEVRE, EPI, SGE, ZOE, COEUR]  # 34, 50, 70, 86, then not scored
DESCENDING = [SGE, EPI, LEFEVRE, GARAGE, ZOE, COEUR]


@pytest.fixture
def scored(services: Services) -> dict[str, int]:
    ids = {
        LEFEVRE: create_customer(services, LEFEVRE, siren=SIREN_EPI),
        EPI: create_customer(services, EPI),
        SGE: create_customer(services, SGE, siren=SIREN_OTHER),
        GARAGE: create_customer(services, GARAGE, siren=SIREN_THIRD),
    }
    # All of it overdue: -20 -> 50.
    add_invoice(services, ids[LEFEVRE], "FA-2026-0042", "2026-02-20", 400_000)
    # Creditsafe 90/100 today: +16 -> 86.
    services.customers.add_rating(ids[SGE], RatingDraft(RatingSource.CREDITSAFE, "90", TODAY))
    # Coface 1/10 today (-16) and all overdue (-20) -> 34.
    services.customers.add_rating(ids[GARAGE], RatingDraft(RatingSource.COFACE, "1", TODAY))
    add_invoice(services, ids[GARAGE], "FA-2026-0051", "2026-03-01", 125_000)
    assert services.score.refresh(TODAY) == 4
    # Created after the refresh of the day: no score yet.
    ids[COEUR] = create_customer(services, COEUR)
    ids[ZOE] = create_customer(services, ZOE)
    return ids


def _names(model: CustomerListModel) -> list[str]:
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def _scores(model: CustomerListModel) -> list[str]:
    return [model.data(model.index(r, COL_SCORE)) for r in range(model.rowCount())]


def test_sorting_by_score_puts_the_customers_not_scored_last_both_ways(
    services: Services, scored: dict[str, int]
) -> None:
    model = CustomerListModel(services.customers)
    model.sort(COL_SCORE, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ASCENDING
    assert _scores(model) == ["34", "50", "70", "86", "", ""]
    model.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    assert _names(model) == DESCENDING
    assert _scores(model) == ["86", "70", "50", "34", "", ""]


def test_the_score_sort_holds_across_pages(
    monkeypatch: pytest.MonkeyPatch, services: Services, scored: dict[str, int]
) -> None:
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)
    model = CustomerListModel(services.customers)
    model.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 2  # one page only: the rest is fetched while scrolling
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert _names(model) == DESCENDING


def test_the_cell_looks_like_the_score_box(services: Services, scored: dict[str, int]) -> None:
    model = CustomerListModel(services.customers)
    model.sort(COL_SCORE, Qt.SortOrder.AscendingOrder)
    assert model.headerData(COL_SCORE, Qt.Orientation.Horizontal) == "Score"
    colours = [
        model.data(model.index(r, COL_SCORE), Qt.ItemDataRole.ForegroundRole)
        for r in range(model.rowCount())
    ]
    assert [c.color().name() for c in colours[:4]] == [
        SCORE_COLORS["risk"],  # 34
        SCORE_COLORS["watch"],  # 50
        SCORE_COLORS["good"],  # 70
        SCORE_COLORS["good"],  # 86
    ]
    assert colours[4] is None  # not scored: the default colour
    alignment = model.data(model.index(0, COL_SCORE), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    tip = model.data(model.index(0, COL_SCORE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Calculé le 16/03/2026 (règles v2026.1)"
    tip = model.data(model.index(5, COL_SCORE), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Pas encore calculé")


def _click_header(qtbot, page: CustomerListPage, column: int) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_clicking_the_score_header_sorts_the_page(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    scored: dict[str, int],
) -> None:
    page = CustomerListPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 500)
    page.show()
    qtbot.waitExposed(page)
    assert page.table.columnWidth(COL_SCORE) > 0
    _click_header(qtbot, page, COL_SCORE)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_SCORE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _names(page.model) == ASCENDING
    _click_header(qtbot, page, COL_SCORE)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _names(page.model) == DESCENDING
    # A search keeps the score sort.
    page.search.setText("fils")
    page.apply_filter()
    assert _names(page.model) == [LEFEVRE]
