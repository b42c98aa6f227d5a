"""The customer's « Factures » tab: open items first with days late, then the history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import DocumentKind
from desktop.domain.money import format_cents
from desktop.services.registry import Services
from desktop.ui.dates import format_date
from desktop.ui.messages import document_kind_label
from desktop.ui.widgets import read_only_table

Index = QModelIndex | QPersistentModelIndex

(
    COL_NUMBER,
    COL_KIND,
    COL_ISSUED,
    COL_DUE,
    COL_TOTAL,
    COL_PAID,
    COL_OPEN,
    COL_LATE,
    COL_SETTLED,
) = range(9)
AMOUNT_COLUMNS = (COL_TOTAL, COL_PAID, COL_OPEN)
LATE_COLOR = QColor("#a1261f")


class DocumentTableModel(QAbstractTableModel):
    """Rows are the service's plain document rows; a customer has at most a few thousand."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list = []  # type: ignore[type-arg]
        self._headers = [
            self.tr("N° de pièce"),
            self.tr("Type"),
            self.tr("Date"),
            self.tr("Échéance"),
            self.tr("Montant TTC"),
            self.tr("Réglé"),
            self.tr("Reste dû"),
            self.tr("Retard"),
            self.tr("Soldée le"),
        ]

    def set_rows(self, rows: list) -> None:  # type: ignore[type-arg]
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):  # type: ignore[no-untyped-def]
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in AMOUNT_COLUMNS or col == COL_LATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_LATE, COL_DUE) and r.days_late:
            return QBrush(LATE_COLOR)
        return None

    def _display(self, r, col: int) -> str:  # type: ignore[no-untyped-def]
        if col == COL_NUMBER:
            return r.number
        if col == COL_KIND:
            return document_kind_label(DocumentKind(r.kind))
        if col == COL_ISSUED:
            return format_date(r.issued_on)
        if col == COL_DUE:
            return format_date(r.due_on)
        if col == COL_TOTAL:
            return format_cents(r.total_cents)
        if col == COL_PAID:
            return format_cents(r.paid_cents) if r.paid_cents else ""
        if col == COL_OPEN:
            return format_cents(r.open_cents) if r.open_cents else ""
        if col == COL_LATE:
            return self.tr("%n j", "", r.days_late) if r.days_late else ""
        if col == COL_SETTLED:
            return format_date(r.settled_on)
        return ""


class DocumentsTab(QWidget):
    """Balance summary, an « open items only » switch and the documents table."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id: int | None = None
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.open_only = QCheckBox(self.tr("Pièces non soldées seulement"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _c: self.reload())
        self.model = DocumentTableModel(self)
        self.table = read_only_table(self.model, self.tr("Factures, avoirs et règlements"))
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 110, 95, 95, 120, 110, 120, 70, 95)):
            self.table.setColumnWidth(column, width)
        self.empty = QLabel()
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def show_customer(self, customer_id: int) -> int:
        """Load the customer's documents; returns how many open items it has."""
        self._customer_id = customer_id
        return self.reload()

    def reload(self) -> int:
        if self._customer_id is None:
            return 0
        receivables = self._services.receivables
        as_of: date = self._services.context.clock.today()
        rows = receivables.customer_documents(
            self._customer_id, open_only=self.open_only.isChecked(), as_of=as_of
        )
        balance = receivables.customer_balance(self._customer_id, as_of)
        self.model.set_rows(rows)
        parts = [
            self.tr("Encours : <b>%s</b>") % format_cents(balance.open_cents),
            self.tr("dont échu : <b>%s</b>") % format_cents(balance.overdue_cents),
        ]
        if balance.oldest_days_late:
            parts.append(self.tr("plus ancien retard : %n jour(s)", "", balance.oldest_days_late))
        self.summary.setText(" · ".join(parts))
        self.empty.setText(
            self.tr("Aucune pièce non soldée.")
            if self.open_only.isChecked()
            else self.tr("Aucune facture pour ce client. Importez-les depuis votre comptabilité.")
        )
        self.empty.setVisible(not rows)
        return balance.open_count
