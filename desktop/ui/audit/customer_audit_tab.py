"""The « Historique des modifications » tab of a customer's page: every change about the
customer and their records (disputes, reminders, promises, blocking decisions…), newest
first, with the values before and after.

Read when the tab is first shown, not when the page opens: most visits to a customer
never look at it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.services.audit_trail import AuditFilter
from desktop.services.registry import Services
from desktop.ui.audit.details import AuditDetails
from desktop.ui.audit.labels import reference_names
from desktop.ui.audit.model import (
    COL_ACTION,
    COL_ACTOR,
    COL_AT,
    COL_CUSTOMER,
    COL_ENTITY,
    COL_SUMMARY,
    AuditTableModel,
)
from desktop.ui.widgets import read_only_table


class CustomerAuditTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self.loaded_for: int | None = None  # the customer whose entries are shown
        self._stale = False
        self.model = AuditTableModel(services.audit, self)
        self.table = read_only_table(self.model, self.tr("Historique des modifications"))
        self.table.setColumnHidden(COL_CUSTOMER, True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((COL_AT, 130), (COL_ACTOR, 140), (COL_ACTION, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COL_ENTITY, 190)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = AuditDetails()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("QLabel { color: #555; }")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)

    def show_customer(self, customer_id: int) -> None:
        """Show this customer's trail: at once if the tab is on screen, else when it is
        next shown."""
        self.customer_id = customer_id
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        """Read the customer's entries (a first page; more as the table scrolls)."""
        self._stale = False
        if self.customer_id is None:
            return
        names = reference_names(self._services)
        self.model.names = self.details.names = names
        self.model.set_filter(AuditFilter(customer_id=self.customer_id))
        self.loaded_for = self.customer_id
        self.count_label.setText(
            self.tr("%n modification(s), la plus récente en premier.", "", self.model.total)
            if self.model.total
            else self.tr("Aucune modification enregistrée pour ce client.")
        )
        self.details.show_line(None)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.show_line(self.model.line_at(rows[0].row()) if rows else None)
