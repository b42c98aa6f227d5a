"""The customer list as a paged table model: rows are fetched from SQL a page at a time.

Filtering and sorting happen in the query; the view only ever holds the pages scrolled
through so far, so 50,000 customers cost what one screen costs.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.money import format_cents
from desktop.services.customers import CustomerFilter, CustomerRow, CustomerService, CustomerSort
from desktop.ui.dates import format_date
from desktop.ui.messages import payment_terms_short, status_label
from desktop.ui.score_style import score_color
from desktop.ui.widgets import status_text_color

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

# Column constants and the SQL sort each one maps to.
(
    COL_NAME,
    COL_IDENTIFIER,
    COL_CITY,
    COL_STATUS,
    COL_SEGMENT,
    COL_SALESPERSON,
    COL_TERMS,
    COL_LIMIT,
    COL_SCORE,
) = range(9)
SORTS = {
    COL_NAME: CustomerSort.NAME,
    COL_IDENTIFIER: CustomerSort.SIREN,
    COL_CITY: CustomerSort.CITY,
    COL_STATUS: CustomerSort.STATUS,
    COL_SEGMENT: CustomerSort.SEGMENT,
    COL_SALESPERSON: CustomerSort.SALESPERSON,
    COL_TERMS: CustomerSort.PAYMENT_TERMS,
    COL_SCORE: CustomerSort.SCORE,
}
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
# The roles `data` answers. While painting, the view asks a dozen roles of every cell
# (font, background, check state, size…): the others are turned away before any work,
# which halves the cost of repainting the list after each keystroke (issue 9).
_ANSWERED = frozenset(
    (
        _DISPLAY,
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.ForegroundRole),
        int(Qt.ItemDataRole.TextAlignmentRole),
        int(CUSTOMER_ID_ROLE),
    )
)


class CustomerListModel(QAbstractTableModel):
    def __init__(self, service: CustomerService, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._service = service
        self._filter = CustomerFilter()
        self._sort = CustomerSort.NAME
        self._descending = False
        self._rows: list[CustomerRow] = []
        self._total = 0
        # Views may ask for more rows while we announce an insertion: never fetch twice.
        self._fetching = False
        self._headers = [
            self.tr("Raison sociale"),
            self.tr("SIREN / N° BCE"),
            self.tr("Ville"),
            self.tr("Statut"),
            self.tr("Segment"),
            self.tr("Commercial"),
            self.tr("Délai de paiement"),
            self.tr("Plafond de crédit"),
            self.tr("Score"),
        ]

    # --- loading -----------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many customers match, loaded or not."""
        return self._total

    @property
    def current_filter(self) -> CustomerFilter:
        return self._filter

    def set_filter(self, flt: CustomerFilter, total: int | None = None) -> None:
        """Show the customers matching `flt`; pass `total` when the caller already counted."""
        self._filter = flt
        self.reload(total)

    def reload(self, total: int | None = None) -> None:
        self.beginResetModel()
        self._total = self._service.count(self._filter) if total is None else total
        self._rows = (
            self._service.page(
                self._filter, self._sort, self._descending, 0, min(PAGE_SIZE, self._total)
            )
            if self._total
            else []
        )
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        try:
            page = self._service.page(
                self._filter, self._sort, self._descending, len(self._rows), PAGE_SIZE
            )
            # The file may have changed since the count: never announce rows we do not have.
            page = page[: self._total - len(self._rows)]
            if not page:
                self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORTS.get(column)
        if sort is None:
            return
        self._sort = sort
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- access ------------------------------------------------------------------------

    def row_at(self, row: int) -> CustomerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, customer_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == customer_id:
                return i
        return None

    # --- Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        r = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            if col == COL_NAME:
                return r.legal_name
            if col == COL_IDENTIFIER:
                return _group_identifier(r.identifier)
            if col == COL_CITY:
                return f"{r.postal_code} {r.city}".strip()
            if col == COL_STATUS:
                return status_label(r.status)
            if col == COL_SEGMENT:
                return r.segment
            if col == COL_SALESPERSON:
                return r.salesperson
            if col == COL_TERMS:
                return payment_terms_short(r.payment_terms_days, r.payment_terms_basis)
            if col == COL_LIMIT:
                return (
                    format_cents(r.credit_limit_cents) if r.credit_limit_cents is not None else ""
                )
            if col == COL_SCORE:
                return "" if r.score is None else str(r.score)
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME and r.trade_name:
            return r.trade_name
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_SCORE:
            return self._score_tooltip(r)
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(QColor(status_text_color(r.status)))
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_SCORE and r.score is not None:
            return QBrush(QColor(score_color(r.score)))
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_LIMIT, COL_SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == CUSTOMER_ID_ROLE:
            return r.id
        return None

    def _score_tooltip(self, r: CustomerRow) -> str:
        if r.score is None or r.score_on is None:
            return self.tr("Pas encore calculé : il le sera au calcul des relances du jour.")
        return (
            self.tr("Calculé le %1 (règles v%2)")
            .replace("%1", format_date(r.score_on))
            .replace("%2", r.score_rules_version or "?")
        )


def _group_identifier(identifier: str) -> str:
    """552100554 -> '552 100 554'; Belgian 0403170701 -> '0403.170.701'."""
    if len(identifier) == 9:
        return f"{identifier[:3]} {identifier[3:6]} {identifier[6:]}"
    if len(identifier) == 10:
        return f"{identifier[:4]}.{identifier[4:7]}.{identifier[7:]}"
    return identifier
