"""The audit trail as a paged table model: entries are fetched from SQL a page at a time,
newest first, filtered in the query (services.audit_trail)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.services.audit_trail import AuditFilter, AuditLine, AuditTrailService
from desktop.ui.audit.labels import (
    Names,
    changes_inline,
    changes_tooltip,
    elided,
    summary_text,
    when_text,
)
from desktop.ui.messages import audit_action_label, audit_entity_label

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

COL_AT, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_CUSTOMER, COL_SUMMARY = range(6)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class AuditTableModel(QAbstractTableModel):
    """Columns: date and time, who, action, record, customer, summary. The full
    before → after of a row is its tooltip (and the views' details pane)."""

    def __init__(self, service: AuditTrailService, parent=None, names: Names | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._service = service
        self.names = names  # users, segments, plans named instead of their ids
        self._filter = AuditFilter()
        self._rows: list[AuditLine] = []
        self._total = 0
        self._fetching = False  # views may ask for more while rows are being inserted
        self._headers = [
            self.tr("Date et heure"),
            self.tr("Qui"),
            self.tr("Action"),
            self.tr("Objet"),
            self.tr("Client"),
            self.tr("Résumé"),
        ]

    # --- loading -----------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many entries match, loaded or not."""
        return self._total

    @property
    def current_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, flt: AuditFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Count the matching entries and load the first page."""
        self.beginResetModel()
        self._total = self._service.count(self._filter)
        self._rows = (
            self._service.entries(self._filter, 0, min(PAGE_SIZE, self._total))
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
            page = self._service.entries(self._filter, len(self._rows), PAGE_SIZE)
            # Entries written since the count would shift the pages: never announce more
            # rows than counted (the next reload shows them).
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

    # --- access ------------------------------------------------------------------------

    def line_at(self, row: int) -> AuditLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        line = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_AT:
                return when_text(line.at)
            if col == COL_ACTOR:
                return line.actor
            if col == COL_ACTION:
                return audit_action_label(line.action)
            if col == COL_ENTITY:
                label = audit_entity_label(line.entity)
                return f"{label} n° {line.entity_id}" if line.entity_id else label
            if col == COL_CUSTOMER:
                return line.customer_name
            if col == COL_SUMMARY:
                summary = elided(summary_text(line), 80)
                changes = changes_inline(line, self.names)
                return " — ".join(t for t in (summary, changes) if t)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SUMMARY or col == COL_ENTITY:
                tip = changes_tooltip(line, self.names)
                return "\n".join(t for t in (elided(summary_text(line), 200), tip) if t)
            if col == COL_CUSTOMER and line.customer_name:
                return line.customer_name
        elif role == LINE_ROLE:
            return line
        return None
