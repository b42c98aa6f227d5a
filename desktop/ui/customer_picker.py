"""Choose a customer of the file: a search box (name, SIREN or city, as in the customer
list) beside a combo of the first matches; a single match is taken at once."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.services.customers import CustomerFilter
from desktop.services.registry import Services

SEARCH_LIMIT = 50  # matches offered in the combo


class CustomerPicker(QWidget):
    sig_chosen = Signal()  # the chosen customer changed (customer_id may be None)

    def __init__(self, services: Services, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._empty_text = empty_text
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nom, SIREN ou ville du client…"))
        self.search.setAccessibleName(self.tr("Rechercher le client"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Client"))
        self.choice.setMinimumWidth(320)
        # Search once typing pauses, not at every key.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.search_customers)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.choice.currentIndexChanged.connect(lambda _i: self.sig_chosen.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.choice, 1)

    @property
    def customer_id(self) -> int | None:
        value = self.choice.currentData()
        return int(value) if value is not None else None

    def search_customers(self) -> None:
        """Fill the combo with the customers matching what was typed (first 50 by name)."""
        text = self.search.text().strip()
        rows = self._services.customers.page(CustomerFilter(text=text), limit=SEARCH_LIMIT)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self._empty_text, None)
        for row in rows:
            place = f" ({row.city})" if row.city else ""
            self.choice.addItem(row.legal_name + place, row.id)
        # A single match is the one meant: take it at once.
        self.choice.setCurrentIndex(1 if len(rows) == 1 else 0)
        self.choice.blockSignals(False)
        self.sig_chosen.emit()

    def select_customer(self, customer_id: int) -> None:
        """Choose a customer among the results shown."""
        index = self.choice.findData(customer_id)
        if index >= 0:
            self.choice.setCurrentIndex(index)
