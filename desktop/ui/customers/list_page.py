"""Clients et prospects: search as you type, filters, a sortable paged table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CustomerStatus
from desktop.services.customers import CustomerFilter
from desktop.services.registry import Services
from desktop.ui.customers.list_model import COL_NAME, CUSTOMER_ID_ROLE, CustomerListModel
from desktop.ui.messages import status_label
from desktop.ui.widgets import read_only_table

SEARCH_DELAY_MS = 150  # long enough to skip intermediate keystrokes, short enough to feel live


class CustomerListPage(QWidget):
    sig_open_customer = Signal(int)
    sig_new_customer = Signal()
    sig_counts_changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = CustomerListModel(services.customers, self)

        title = QLabel(self.tr("Clients et prospects"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un nom, un SIREN, une ville… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Recherche de clients"))
        self.search.setMinimumWidth(320)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filtrer par statut"))
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for status in CustomerStatus:
            self.status_filter.addItem(status_label(status), status.value)

        self.segment_filter = QComboBox()
        self.segment_filter.setAccessibleName(self.tr("Filtrer par segment"))
        self.salesperson_filter = QComboBox()
        self.salesperson_filter.setAccessibleName(self.tr("Filtrer par commercial"))
        self.reload_choices()

        self.new_button = QPushButton(self.tr("Nouveau client…"))
        self.new_button.setToolTip(self.tr("Créer un client ou un prospect (Ctrl+N)"))
        self.new_button.clicked.connect(self.sig_new_customer)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.segment_filter, 1)
        filters.addWidget(self.salesperson_filter, 1)
        filters.addWidget(self.new_button)

        self.table = read_only_table(self.model, self.tr("Liste des clients"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # The name takes whatever room is left; the other columns keep a readable width.
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in enumerate((0, 95, 140, 115, 110, 115, 130, 105, 55)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("QLabel { color: #666; padding: 24px; }")
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        for combo in (self.status_filter, self.segment_filter, self.salesperson_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)

        self.apply_filter()

    def reload_choices(self) -> None:
        """Refill the segment and salesperson filters, keeping what was chosen."""
        for combo, items, all_text in (
            (
                self.segment_filter,
                [(s.name, s.id) for s in self._services.reference.segments()],
                self.tr("Tous les segments"),
            ),
            (
                self.salesperson_filter,
                [(u.name, u.id) for u in self._services.reference.salespeople()],
                self.tr("Tous les commerciaux"),
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for name, key in items:
                combo.addItem(name, key)
            position = combo.findData(current)
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)

    def show_salesperson(self, user_id: int | None) -> None:
        """Narrow the list to one salesperson's customers (None: everyone's), as the
        salesperson signed in expects to find their own portfolio first."""
        self.reload_choices()
        self.salesperson_filter.blockSignals(True)
        self.salesperson_filter.setCurrentIndex(max(self.salesperson_filter.findData(user_id), 0))
        self.salesperson_filter.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        status = self.status_filter.currentData()
        return CustomerFilter(
            text=self.search.text(),
            statuses=(status,) if status else (),
            segment_id=self.segment_filter.currentData(),
            salesperson_id=self.salesperson_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        flt = self.current_filter()
        # One grouped count gives both the status-bar figures and the list's total.
        by_status = self._services.customers.count_by_status(flt)
        statuses = [CustomerStatus(s) for s in flt.statuses] or list(CustomerStatus)
        self.model.set_filter(flt, total=sum(by_status.get(s, 0) for s in statuses))
        self._update_counts(by_status)

    def refresh(self, select_id: int | None = None) -> None:
        """Reload after a change elsewhere, keeping the filter and sort."""
        self.reload_choices()
        self.apply_filter()
        if select_id is not None:
            self.select_customer(select_id)

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of_id(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_counts(self, by_status: dict[CustomerStatus, int]) -> None:
        flt = self.current_filter()
        shown = self.model.total
        parts = [self.tr("%n client(s) affiché(s)", "", shown)]
        parts += [f"{status_label(s)} : {by_status[s]}" for s in CustomerStatus if by_status.get(s)]
        text = " · ".join(parts)
        has_filter = bool(flt.text.strip() or flt.statuses or flt.segment_id or flt.salesperson_id)
        if shown == 0:
            self.empty_label.setText(
                self.tr("Aucun client ne correspond à la recherche.")
                if has_filter
                else self.tr("Aucun client pour l'instant. Créez-en un avec « Nouveau client… ».")
            )
        self.empty_label.setVisible(shown == 0)
        self.sig_counts_changed.emit(text)

    def _open_index(self, index: QModelIndex) -> None:
        customer_id = self.model.data(index, CUSTOMER_ID_ROLE)
        if customer_id is not None:
            self.sig_open_customer.emit(int(customer_id))

    def _open_first(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        index = selected[0] if selected else self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)
