"""The « Litiges » tab of a customer's page: their disputes, open ones first, and the
button to open a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_cents
from desktop.services.disputes import DisputeRow
from desktop.services.registry import Services
from desktop.ui.dates import format_date
from desktop.ui.disputes.detail_dialog import DisputeDetailDialog
from desktop.ui.disputes.dispute_dialog import open_dispute_dialog
from desktop.ui.disputes.labels import STATUS_COLORS, category_label, dispute_status_label

DISPUTE_ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOR = QColor("#a1261f")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerDisputesTab(QWidget):
    """Emits sig_changed when a dispute was opened, edited or closed from here: the
    customer's balance, invoices and timeline change with it."""

    sig_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self.rows: list[DisputeRow] = []
        self.new_button = QPushButton(self.tr("Nouveau litige…"))
        self.new_button.clicked.connect(lambda: self.new_dispute())
        self.open_button = QPushButton(self.tr("Ouvrir…"))
        self.open_button.clicked.connect(self.open_selected)
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Litiges du client"))
        self.tree.setHeaderLabels(
            [
                self.tr("Signalé le"),
                self.tr("Factures"),
                self.tr("Catégorie"),
                self.tr("Statut"),
                self.tr("Responsable"),
                self.tr("Réponse attendue"),
                self.tr("Contesté"),
            ]
        )
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (2, 200), (3, 150), (4, 150), (5, 120), (6, 110)):
            self.tree.setColumnWidth(column, width)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel(self.tr("Aucun litige pour ce client."))
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self._update_buttons()

    def show_customer(self, customer_id: int) -> int:
        """List the customer's disputes; returns how many are still in progress."""
        self.customer_id = customer_id
        self.rows = sorted(
            self._services.disputes.for_customer(customer_id),
            key=lambda r: not r.is_open,  # stable: newest first within each group
        )
        self.tree.clear()
        for row in self.rows:
            item = QTreeWidgetItem(
                [
                    format_date(row.reported_on),
                    row.invoice_numbers,
                    category_label(row.category),
                    dispute_status_label(row.status),
                    row.owner_name,
                    format_date(row.expected_answer_on),
                    format_cents(row.disputed_cents),
                ]
            )
            item.setData(0, DISPUTE_ID_ROLE, row.id)
            item.setTextAlignment(6, RIGHT)
            item.setForeground(3, QBrush(QColor(STATUS_COLORS[row.status][1])))
            if row.answer_overdue:
                item.setForeground(5, QBrush(OVERDUE_COLOR))
                item.setToolTip(5, self.tr("Réponse attendue dépassée"))
            self.tree.addTopLevelItem(item)
        in_progress = [r for r in self.rows if r.is_open]
        self.summary.setText(
            self.tr("%n litige(s) en cours", "", len(in_progress))
            + (
                " — " + format_cents(sum(r.disputed_cents for r in in_progress))
                if in_progress
                else ""
            )
        )
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))
        if self.rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()
        return len(in_progress)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)
        self.new_button.setEnabled(
            self.customer_id is not None and not self._services.database.read_only
        )

    def reload(self) -> None:
        if self.customer_id is not None:
            self.show_customer(self.customer_id)

    def new_dispute(self, document_ids: tuple[int, ...] = ()) -> int | None:
        if self.customer_id is None:
            return None
        dispute_id = open_dispute_dialog(self._services, self.customer_id, document_ids, self)
        if dispute_id is not None:
            self.sig_changed.emit(self.customer_id)
        return dispute_id

    def open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.open_item(item)

    def make_detail(self, dispute_id: int) -> DisputeDetailDialog:
        """The dispute's window, wired to this tab (tests drive it before exec)."""
        dialog = DisputeDetailDialog(self._services, dispute_id, self, customer_link=False)
        dialog.sig_changed.connect(lambda _id: self._changed())
        return dialog

    def open_item(self, item: QTreeWidgetItem) -> None:
        dispute_id = item.data(0, DISPUTE_ID_ROLE)
        if dispute_id is not None:
            self.make_detail(int(dispute_id)).exec()

    def _changed(self) -> None:
        if self.customer_id is not None:
            self.sig_changed.emit(self.customer_id)
