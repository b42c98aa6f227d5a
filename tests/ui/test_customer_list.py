"""The customer list: a paged Qt model, search as you type, filters, header sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from desktop.domain.enums import CustomerStatus
from desktop.services.customers import CustomerFilter
from desktop.services.registry import Services
from desktop.ui.customers import list_model
from desktop.ui.customers.list_model import (
    COL_CITY,
    COL_IDENTIFIER,
    COL_NAME,
    COL_STATUS,
    CUSTOMER_ID_ROLE,
    CustomerListModel,
)
from desktop.ui.customers.list_page import CustomerListPage
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import SIREN_EPI, SIREN_OTHER, create_customer, show_active, type_text

STATUSES = list(CustomerStatus)
# Accents, ligatures, apostrophes and an ampersand; a few names repeat, so paging must
# break ties by id to never show a row twice.
NAMES = [
    "Boulangerie Pâtisserie L'Épi d'Or",
    "Dupont & Fils <SARL>",
    "Éts Müller & Cie",
    "Garage Dupont",
    "Cœur de Lion SAS",
    "Menuiserie Lefèvre & Fils",
    "Ébénisterie d'Art Noël",
    "Atelier Zoé",
    "Brasserie de l'Abbaye",
    "Quincaillerie Générale du Forez",
]


@pytest.fixture
def thirty(services: Services) -> list[int]:
    ids = []
    for i in range(30):
        name = NAMES[i % len(NAMES)]
        if i % 3 == 1:
            name = f"{name} {i:02d}"
        ids.append(
            create_customer(
                services,
                name,
                status=STATUSES[i % len(STATUSES)],
                city=["Lyon", "Saint-Étienne", "Lille", "Évreux", "Annecy"][i % 5],
            )
        )
    return ids


def _all_ids(model: CustomerListModel) -> list[int]:
    return [model.data(model.index(r, 0), CUSTOMER_ID_ROLE) for r in range(model.rowCount())]


def _fetch_all(model: CustomerListModel) -> int:
    fetches = 0
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        assert model.rowCount() > before, "fetchMore announced rows it did not bring"
        fetches += 1
        assert fetches < 20, "fetchMore never ends"
    return fetches


def _tester_failures(qtlog) -> list[str]:  # type: ignore[no-untyped-def]
    """What the Qt model tester (Warning mode) complained about; pytest-qt fails on it too."""
    return [r.message for r in qtlog.records if "FAIL!" in r.message]


def test_model_passes_the_qt_model_tester(qtmodeltester, qtlog, services, thirty):
    model = CustomerListModel(services.customers)
    model.reload()
    assert model.rowCount() == 30
    assert model.columnCount() == 9  # the score (issue 7) is the last one
    qtmodeltester.check(model)
    # Names come back as typed, whatever the markup-like characters.
    names = {model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())}
    assert "Dupont & Fils <SARL>" in names
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Raison sociale"
    # Sorting and filtering are model resets: the tester watches them too.
    model.sort(COL_CITY, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 30
    model.set_filter(CustomerFilter(text="dupont"))
    assert model.rowCount() == model.total == 6
    assert _tester_failures(qtlog) == []


def test_paging_fetches_every_row_once(monkeypatch, services, thirty):
    monkeypatch.setattr(list_model, "PAGE_SIZE", 7)
    model = CustomerListModel(services.customers)
    model.reload()
    assert model.rowCount() == 7
    assert model.total == 30
    assert model.canFetchMore(QModelIndex())
    # A child index never has more to fetch.
    assert not model.canFetchMore(model.index(0, 0))
    assert _fetch_all(model) == 4  # 7 + 7 + 7 + 7 + 2
    ids = _all_ids(model)
    assert len(ids) == len(set(ids)) == 30
    assert set(ids) == set(thirty)
    assert model.total == services.customers.count(CustomerFilter()) == 30
    # Paged order equals the one-shot order: ties on the name are broken the same way.
    assert ids == [r.id for r in services.customers.page(CustomerFilter(), limit=100)]
    # Sorting descending, then paging again: still every row once, in reverse name order.
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 7
    _fetch_all(model)
    ids = _all_ids(model)
    assert len(ids) == len(set(ids)) == 30
    assert model.row_at(0).legal_name.startswith("Quincaillerie")
    assert model.row_at(29).legal_name.startswith("Atelier Zoé")


def test_paged_model_passes_the_tester_once_fetched(
    qtmodeltester, qtlog, monkeypatch, services, thirty
):
    monkeypatch.setattr(list_model, "PAGE_SIZE", 7)
    model = CustomerListModel(services.customers)
    model.reload()
    _fetch_all(model)
    qtmodeltester.check(model)
    assert model.rowCount() == 30
    assert len(set(_all_ids(model))) == 30
    assert _tester_failures(qtlog) == []


def test_paging_survives_a_reentrant_fetch(monkeypatch, services, thirty):
    # QAbstractItemModelTester runs its basic checks, fetchMore() included, on every
    # rowsAboutToBeInserted; attached while paging, it makes pytest-qt report
    # "qt.modeltest" failures. The same re-entrant call, made plainly:
    monkeypatch.setattr(list_model, "PAGE_SIZE", 7)
    model = CustomerListModel(services.customers)
    model.reload()
    announced: list[int] = []

    def about_to_insert(_parent, first, last):  # type: ignore[no-untyped-def]
        announced.append(last - first + 1)
        if len(announced) == 1:
            model.fetchMore(QModelIndex())

    model.rowsAboutToBeInserted.connect(about_to_insert)
    _fetch_all(model)
    ids = _all_ids(model)
    assert len(ids) == len(set(ids)) == 30
    assert 7 + sum(announced) == model.rowCount()


# --- search and filters ------------------------------------------------------------------


@pytest.fixture
def three(services: Services) -> dict[str, int]:
    return {
        "muller": create_customer(
            services,
            "Éts Müller & Cie",
            city="Saint-Étienne",
            postal_code="42000",
            siren=SIREN_EPI,
            status=CustomerStatus.ACTIVE,
        ),
        "epi": create_customer(
            services,
            "Boulangerie L'Épi d'Or",
            city="Lyon",
            postal_code="69002",
            siren=SIREN_OTHER,
            status=CustomerStatus.PROSPECT,
        ),
        "garage": create_customer(
            services,
            "Garage Dupont",
            city="Lille",
            postal_code="59000",
            status=CustomerStatus.UNDER_WATCH,
        ),
    }


def _names(page: CustomerListPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def _search(qtbot, page: CustomerListPage, text: str, expected: int) -> None:  # type: ignore[no-untyped-def]
    """Type a new search and wait for the debounced filter to run (once, after typing)."""
    with qtbot.waitSignal(page.sig_counts_changed, timeout=2000):
        page.search.clear()
        type_text(qtbot, page.search, text)
    assert page.model.rowCount() == expected, f"{text!r}: {_names(page)}"


def test_search_narrows_the_list_as_you_type(qtbot, three, window: MainWindow):
    page = window.customer_list
    assert page.model.rowCount() == 3
    assert window.counts_label.text().startswith("3 client")

    type_text(qtbot, page.search, "etienne")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert _names(page) == ["Éts Müller & Cie"]
    assert window.counts_label.text().startswith("1 client")
    assert "Actif : 1" in window.counts_label.text()
    assert page.empty_label.isHidden()

    # Accents and case do not matter, in either direction.
    _search(qtbot, page, "SAINT-ÉTIENNE", 1)
    _search(qtbot, page, "muller", 1)
    assert _names(page) == ["Éts Müller & Cie"]
    # A typographic apostrophe (pasted: QTest can only type Latin-1) finds the straight one.
    with qtbot.waitSignal(page.sig_counts_changed, timeout=2000):
        page.search.clear()
        page.search.insert("l\u2019épi")
    assert page.model.rowCount() == 1
    assert _names(page) == ["Boulangerie L'Épi d'Or"]
    # A SIREN typed with its spaces.
    _search(qtbot, page, "552 100 554", 1)
    assert _names(page) == ["Boulangerie L'Épi d'Or"]
    # Every word must match, anywhere.
    _search(qtbot, page, "dupont lille", 1)
    assert _names(page) == ["Garage Dupont"]
    # SQL wildcards typed by the user are plain characters.
    _search(qtbot, page, "%", 0)
    assert not page.empty_label.isHidden()
    assert "Aucun client ne correspond" in page.empty_label.text()
    assert window.counts_label.text().startswith("0 client")

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    assert window.counts_label.text().startswith("3 client")


def test_status_filter_narrows_and_clearing_restores(qtbot, three, window: MainWindow):
    page = window.customer_list
    with qtbot.waitSignal(page.sig_counts_changed, timeout=2000) as blocker:
        page.status_filter.setCurrentIndex(
            page.status_filter.findData(CustomerStatus.UNDER_WATCH.value)
        )
    assert _names(page) == ["Garage Dupont"]
    assert blocker.args[0].startswith("1 client")
    assert window.counts_label.text() == blocker.args[0]
    assert page.model.data(page.model.index(0, COL_STATUS)) == "Sous surveillance"

    # The status filter combines with the search: nothing is both watched and in Lyon.
    _search(qtbot, page, "lyon", 0)
    page.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert _names(page) == ["Boulangerie L'Épi d'Or"]

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    assert sorted(_names(page)) == sorted(
        ["Boulangerie L'Épi d'Or", "Éts Müller & Cie", "Garage Dupont"]
    )
    text = window.counts_label.text()
    assert text.startswith("3 client")
    for part in ("Prospect : 1", "Actif : 1", "Sous surveillance : 1"):
        assert part in text


def test_identifier_column_groups_digits(services, three):
    model = CustomerListModel(services.customers)
    model.reload()
    row = model.row_of_id(three["muller"])
    assert model.data(model.index(row, COL_IDENTIFIER)) == "732 829 320"
    assert model.data(model.index(row, COL_CITY)) == "42000 Saint-Étienne"


def test_enter_in_search_opens_the_first_match(qtbot, three, window: MainWindow):
    show_active(qtbot, window)
    page = window.customer_list
    page.search.setFocus()
    type_text(qtbot, page.search, "garage")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.customers_stack.currentWidget() is window.customer_page
    assert window.customer_page.customer_id == three["garage"]
    assert window.customer_page.name_label.text() == "Garage Dupont"


# --- sorting -----------------------------------------------------------------------------


def _click_header(qtbot, page: CustomerListPage, column: int) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(x, header.height() // 2),
    )


def test_clicking_headers_sorts_by_name_and_city(qtbot, services, three):
    page = CustomerListPage(services)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    show_active(qtbot, page)
    # Accent-insensitive: « Éts » sorts between B and G, not after Z.
    assert _names(page) == ["Boulangerie L'Épi d'Or", "Éts Müller & Cie", "Garage Dupont"]

    _click_header(qtbot, page, COL_NAME)  # already ascending: now descending
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _names(page) == ["Garage Dupont", "Éts Müller & Cie", "Boulangerie L'Épi d'Or"]

    # A new column sorts ascending first, a second click descending.
    _click_header(qtbot, page, COL_CITY)
    assert page.table.horizontalHeader().sortIndicatorSection() == COL_CITY
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert [page.model.row_at(r).city for r in range(3)] == ["Lille", "Lyon", "Saint-Étienne"]
    _click_header(qtbot, page, COL_CITY)
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [page.model.row_at(r).city for r in range(3)] == ["Saint-Étienne", "Lyon", "Lille"]

    # The sort survives a new search.
    _search(qtbot, page, "l", 3)
    assert [page.model.row_at(r).city for r in range(3)] == ["Saint-Étienne", "Lyon", "Lille"]


def test_model_sort_orders_by_name_and_city(services, three):
    model = CustomerListModel(services.customers)
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).legal_name for r in range(3)] == [
        "Garage Dupont",
        "Éts Müller & Cie",
        "Boulangerie L'Épi d'Or",
    ]
    model.sort(COL_CITY, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).city for r in range(3)] == ["Lille", "Lyon", "Saint-Étienne"]


def test_city_sort_ignores_accents(services):
    for name, city in (
        ("Garage Dupont", "Lille"),
        ("Atelier Zoé", "Villeurbanne"),
        ("Éts Müller & Cie", "Évreux"),
        ("Boulangerie L'Épi d'Or", "Annecy"),
    ):
        create_customer(services, name, city=city)
    model = CustomerListModel(services.customers)
    model.sort(COL_CITY, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).city for r in range(4)] == ["Annecy", "Évreux", "Lille", "Villeurbanne"]


def test_every_status_is_readable_on_a_white_row():
    from PySide6.QtGui import QColor

    from desktop.domain.enums import CustomerStatus
    from desktop.ui.widgets import status_text_color

    for status in CustomerStatus:
        color = QColor(status_text_color(status))
        # Dark enough to read on white (the insolvency badge is white on grey).
        assert color.lightness() < 160, status
