"""The table model of the dispute list: the service's rows, sortable in memory (a file
holds a few hundred disputes, not tens of thousands), overdue answers in red."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.money import format_cents
from desktop.domain.text import fold
from desktop.services.disputes import DisputeRow
from desktop.ui.dates import format_date
from desktop.ui.disputes.labels import (
    STATUS_COLORS,
    category_label,
    department_label,
    dispute_status_label,
)

Index = QModelIndex | QPersistentModelIndex

(
    COL_CUSTOMER,
    COL_INVOICES,
    COL_CATEGORY,
    COL_STATUS,
    COL_DEPARTMENT,
    COL_OWNER,
    COL_REPORTED,
    COL_DAYS,
    COL_ANSWER,
    COL_AMOUNT,
) = range(10)
RIGHT_COLUMNS = (COL_DAYS, COL_AMOUNT)
OVERDUE_COLOR = QColor("#a1261f")
DISPUTE_ID_ROLE = Qt.ItemDataRole.UserRole


class DisputeTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[DisputeRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (COL_REPORTED, Qt.SortOrder.DescendingOrder)
        self._headers = [
            self.tr("Client"),
            self.tr("Factures"),
            self.tr("Catégorie"),
            self.tr("Statut"),
            self.tr("Service"),
            self.tr("Responsable"),
            self.tr("Signalé"),
            self.tr("Jours"),
            self.tr("Réponse"),
            self.tr("Contesté"),
        ]
        # The short headers in full, on hover.
        self._header_tips = {
            COL_REPORTED: self.tr("Signalé par le client le"),
            COL_DAYS: self.tr("Jours depuis le signalement (jusqu'à la clôture)"),
            COL_ANSWER: self.tr("Réponse attendue du service le"),
            COL_AMOUNT: self.tr("Montant contesté TTC"),
        }

    @property
    def rows(self) -> list[DisputeRow]:
        return list(self._rows)

    def set_rows(self, rows: list[DisputeRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DisputeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, dispute_id: int) -> int:
        for index, row in enumerate(self._rows):
            if row.id == dispute_id:
                return index
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == DISPUTE_ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in RIGHT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ANSWER and r.answer_overdue:
                return QBrush(OVERDUE_COLOR)
            if col == COL_STATUS:
                return QBrush(QColor(STATUS_COLORS[r.status][1]))
        if role == Qt.ItemDataRole.FontRole and col == COL_ANSWER and r.answer_overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ANSWER and r.answer_overdue:
            return self.tr("Réponse attendue dépassée")
        if role == Qt.ItemDataRole.ToolTipRole and col in (
            COL_CUSTOMER,
            COL_INVOICES,
            COL_CATEGORY,
        ):
            return self._display(r, col)
        return None

    def _display(self, r: DisputeRow, col: int) -> str:
        if col == COL_CUSTOMER:
            return r.customer_name
        if col == COL_INVOICES:
            return r.invoice_numbers
        if col == COL_CATEGORY:
            return category_label(r.category)
        if col == COL_STATUS:
            return dispute_status_label(r.status)
        if col == COL_DEPARTMENT:
            return department_label(r.department)
        if col == COL_OWNER:
            return r.owner_name
        if col == COL_REPORTED:
            return format_date(r.reported_on)
        if col == COL_DAYS:
            return str(r.days_open)
        if col == COL_ANSWER:
            return format_date(r.expected_answer_on)
        if col == COL_AMOUNT:
            return format_cents(r.disputed_cents)
        return ""

    # --- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.beginResetModel()
        self._rows = self._sorted(self._rows)
        self.endResetModel()

    def _sorted(self, rows: list[DisputeRow]) -> list[DisputeRow]:
        column, order = self._sort

        def key(r: DisputeRow):  # type: ignore[no-untyped-def]
            if column == COL_DAYS:
                return (r.days_open, r.id)
            if column == COL_AMOUNT:
                return (r.disputed_cents, r.id)
            if column == COL_REPORTED:
                return (r.reported_on, r.id)
            if column == COL_ANSWER:
                # Disputes without an expected date sort after every dated one.
                return (r.expected_answer_on is None, r.expected_answer_on or r.reported_on, r.id)
            return (fold(self._display(r, column)), r.id)

        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
