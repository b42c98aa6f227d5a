"""Propositions: every proposal with its customer, status, amount and schedule progress.

Filters by status (expired is computed from the validity date) and by customer (typed,
accents and case ignored); New… / Open / PDF… / Voir le client.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ProposalStatus
from desktop.domain.money import format_cents
from desktop.domain.text import fold
from desktop.services.proposals import ProposalFilter, ProposalRow
from desktop.services.registry import Services
from desktop.ui.dates import format_date
from desktop.ui.proposals.editor import ProposalEditor
from desktop.ui.proposals.labels import STATUS_COLORS, proposal_status_label
from desktop.ui.widgets import read_only_table

Index = QModelIndex | QPersistentModelIndex
(
    COL_NUMBER,
    COL_CUSTOMER,
    COL_STATUS,
    COL_ISSUED,
    COL_VALID,
    COL_TOTAL,
    COL_TEMPLATE,
    COL_PROGRESS,
) = range(8)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ProposalTableModel(QAbstractTableModel):
    """The service's rows as they come (newest first); a few hundred at most."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[ProposalRow] = []
        self._headers = [
            self.tr("N°"),
            self.tr("Client"),
            self.tr("Statut"),
            self.tr("Date"),
            self.tr("Valable jusqu'au"),
            self.tr("Total TTC"),
            self.tr("Échéancier"),
            self.tr("Jalons atteints"),
        ]

    def set_rows(self, rows: list[ProposalRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ProposalRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, proposal_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == proposal_id), -1)

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
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_TOTAL, COL_PROGRESS):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(QColor(STATUS_COLORS[r.status][1]))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CUSTOMER:
            return r.customer_name
        return None

    def _display(self, r: ProposalRow, col: int) -> str:
        if col == COL_NUMBER:
            return r.number
        if col == COL_CUSTOMER:
            return r.customer_name
        if col == COL_STATUS:
            return proposal_status_label(r.status)
        if col == COL_ISSUED:
            return format_date(r.issued_on)
        if col == COL_VALID:
            return format_date(r.valid_until)
        if col == COL_TOTAL:
            return format_cents(r.total_cents)
        if col == COL_TEMPLATE:
            return r.template_name or self.tr("Personnalisé")
        if col == COL_PROGRESS:
            return f"{r.reached}/{r.milestones}" if r.status is ProposalStatus.ACCEPTED else ""
        return ""


class ProposalsPage(QWidget):
    sig_open_customer = Signal(int)
    sig_changed = Signal()  # expected receivables may have been created

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[ProposalRow] = []
        title = QLabel(self.tr("Propositions"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        subtitle = QLabel(
            self.tr(
                "Propositions commerciales avec leur échéancier de paiement, vérifié contre "
                "les délais légaux et le plafond de crédit."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("QLabel { color: #555; }")

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filtrer par statut"))
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for status in ProposalStatus:
            self.status_filter.addItem(proposal_status_label(status), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.customer_filter = QLineEdit()
        self.customer_filter.setPlaceholderText(self.tr("Client…"))
        self.customer_filter.setAccessibleName(self.tr("Filtrer par client"))
        self.customer_filter.setClearButtonEnabled(True)
        self.customer_filter.textChanged.connect(lambda _t: self._apply_text_filter())
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.customer_filter, 1)

        self.new_button = QPushButton(self.tr("Nouvelle proposition…"))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.customer_button = QPushButton(self.tr("Voir le client"))
        self.new_button.clicked.connect(lambda: self.new_proposal())
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.customer_button.clicked.connect(self._open_customer)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.customer_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)

        self.model = ProposalTableModel(self)
        self.table = read_only_table(self.model, self.tr("Propositions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_NUMBER, 120),
            (COL_STATUS, 90),
            (COL_ISSUED, 85),
            (COL_VALID, 125),
            (COL_TOTAL, 110),
            (COL_TEMPLATE, 180),
            (COL_PROGRESS, 115),
        ):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel(
            self.tr(
                "Aucune proposition pour ces critères. « Nouvelle proposition… » en prépare "
                "une à partir d'un modèle d'échéancier (Paramètres › Modèles d'échéancier)."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        self.totals = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.totals)
        self._update_buttons()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Reloaded at each visit: expiry depends on the day, proposals change elsewhere.
        super().showEvent(event)
        QTimer.singleShot(0, self.reload)

    # --- loading -------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_row()
            select_id = current.id if current is not None else None
        status = self.status_filter.currentData()
        self._rows = self._services.proposals.list(
            ProposalFilter(status=ProposalStatus(status) if status else None)
        )
        self._apply_text_filter(select_id)

    def _apply_text_filter(self, select_id: int | None = None) -> None:
        needle = fold(self.customer_filter.text())
        rows = [r for r in self._rows if needle in fold(r.customer_name)] if needle else self._rows
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.totals.setText(
            self.tr("%n proposition(s)", "", len(rows))
            + " · "
            + self.tr("total TTC : %1").replace(
                "%1", format_cents(sum(r.total_cents for r in rows))
            )
        )
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    # --- actions -------------------------------------------------------------------------

    def selected_row(self) -> ProposalRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        for button in (self.open_button, self.pdf_button, self.customer_button):
            button.setEnabled(selected)
        self.new_button.setEnabled(not self._services.database.read_only)

    def make_editor(
        self, proposal_id: int | None = None, customer_id: int | None = None
    ) -> ProposalEditor:
        """The editor wired to this page (tests drive it before exec)."""
        editor = ProposalEditor(self._services, proposal_id, customer_id, self)
        editor.sig_changed.connect(self._changed)
        return editor

    def new_proposal(self, customer_id: int | None = None) -> None:
        self.make_editor(None, customer_id).exec()

    def _open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.make_editor(found.id).exec()

    def open_selected(self) -> None:
        self._open_row(self.table.currentIndex().row())

    def save_pdf(self, path: str | None = None) -> Path | None:
        row = self.selected_row()
        if row is None:
            return None
        editor = self.make_editor(row.id)
        try:
            return editor.save_pdf(path)
        finally:
            editor.deleteLater()

    def _changed(self, proposal_id: int) -> None:
        self.reload(proposal_id)
        self.sig_changed.emit()

    def _open_customer(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.sig_open_customer.emit(row.customer_id)
