"""The customer's « Factures » tab: open items first with days late, then the history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import DocumentKind
from desktop.domain.money import format_cents
from desktop.domain.penalties import FIXED_INDEMNITY_CENTS, CustomerPenalties, format_rate
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

    sig_dispute_opened = Signal(int)

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
        # Late-payment penalties under the table, with their detail on demand.
        self.penalties: CustomerPenalties | None = None
        self.penalty_line = QLabel()
        self.penalty_line.setTextFormat(Qt.TextFormat.PlainText)
        self.penalty_line.setWordWrap(True)
        self.penalty_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.penalty_detail_button = QPushButton(self.tr("Détail…"))
        self.penalty_detail_button.setAccessibleName(self.tr("Détail des pénalités de retard"))
        self.penalty_detail_button.clicked.connect(self.show_penalty_detail)
        penalty_row = QHBoxLayout()
        penalty_row.addWidget(self.penalty_line, 1)
        penalty_row.addWidget(self.penalty_detail_button)
        self.penalty_line.hide()
        self.penalty_detail_button.hide()
        self.dispute_button = QPushButton(self.tr("Contester…"))
        self.dispute_button.setToolTip(self.tr("Ouvrir un litige sur les factures sélectionnées"))
        self.dispute_button.clicked.connect(lambda: self.dispute_selected())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_dispute_button()
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.dispute_button)
        top.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(penalty_row)

    def selected_invoice_ids(self) -> list[int]:
        """The open invoices among the selected rows (what a dispute may contest)."""
        ids = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_at(index.row())
            if row is not None and row.kind == DocumentKind.INVOICE and row.open_cents > 0:
                ids.append(row.id)
        return ids

    def _update_dispute_button(self) -> None:
        self.dispute_button.setEnabled(
            bool(self.selected_invoice_ids()) and not self._services.database.read_only
        )

    def dispute_selected(self) -> int | None:
        """« Contester… »: open a dispute on the selected open invoices."""
        from desktop.ui.disputes.dispute_dialog import open_dispute_dialog

        ids = self.selected_invoice_ids()
        if self._customer_id is None or not ids:
            return None
        dispute_id = open_dispute_dialog(self._services, self._customer_id, ids, self)
        if dispute_id is not None:
            self.sig_dispute_opened.emit(dispute_id)
        return dispute_id

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
        self._show_penalties(self._services.penalties.for_customer(self._customer_id, as_of))
        self._update_dispute_button()
        return balance.open_count

    def _show_penalties(self, result: CustomerPenalties) -> None:
        self.penalties = result
        visible = bool(result.invoices)
        self.penalty_line.setVisible(visible)
        self.penalty_detail_button.setVisible(visible)
        if visible:
            self.penalty_line.setText(penalty_line_text(result))

    def show_penalty_detail(self) -> PenaltyDetailDialog | None:
        """Open the per-invoice, per-half-year detail (non-modal); returns the dialog."""
        if self.penalties is None or not self.penalties.invoices:
            return None
        dialog = PenaltyDetailDialog(self.penalties, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def penalty_line_text(result: CustomerPenalties) -> str:
    """« Pénalités de retard au 16/03/2026 : 1 234,56 € (taux 12,15 %) · indemnités
    forfaitaires : 3 × 40 € = 120,00 € », then what limits the amount, if anything."""
    rate = (
        format_rate(result.rate_bp)
        if result.rate_bp is not None
        else QCoreApplication.translate("DocumentsTab", "taux inconnu")
    )
    text = (
        QCoreApplication.translate("DocumentsTab", "Pénalités de retard au %1 : %2 (taux %3)")
        .replace("%1", format_date(result.as_of))
        .replace("%2", format_cents(result.penalty_cents))
        .replace("%3", rate)
    )
    if result.indemnity_count:
        text += " · " + QCoreApplication.translate(
            "DocumentsTab", "indemnités forfaitaires : %1 × %2 = %3"
        ).replace("%1", str(result.indemnity_count)).replace(
            "%2", format_cents(FIXED_INDEMNITY_CENTS).replace(",00", "")
        ).replace("%3", format_cents(result.indemnity_cents))
    notes = []
    if result.floored:
        notes.append(
            QCoreApplication.translate(
                "DocumentsTab", "taux contractuel relevé à 3 fois le taux d'intérêt légal"
            )
        )
    if result.accrual_stops_on is not None:
        notes.append(
            QCoreApplication.translate(
                "DocumentsTab", "procédure collective : arrêtées au %1"
            ).replace("%1", format_date(result.accrual_stops_on))
        )
    if result.has_unknown_rate:
        notes.append(
            QCoreApplication.translate(
                "DocumentsTab",
                "taux inconnu pour une période : non comptée, ajoutez le taux dans "
                "Paramètres › Taux légaux",
            )
        )
    if notes:
        text += " (" + " ; ".join(notes) + ")"
    return text


class PenaltyDetailDialog(QDialog):
    """Each late invoice with its half-year periods: days, rate, amount."""

    def __init__(self, result: CustomerPenalties, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Pénalités de retard de %1 au %2")
            .replace("%1", result.name)
            .replace("%2", format_date(result.as_of))
        )
        self.resize(820, 420)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Pénalités par facture et par période"))
        self.tree.setHeaderLabels(
            [
                self.tr("Facture / période"),
                self.tr("Échéance"),
                self.tr("Reste dû"),
                self.tr("Jours"),
                self.tr("Taux"),
                self.tr("Pénalités"),
                self.tr("Indemnité"),
            ]
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for invoice in result.invoices:
            parent_item = QTreeWidgetItem(
                [
                    invoice.number,
                    format_date(invoice.due_on),
                    format_cents(invoice.open_cents),
                    str(invoice.days_late),
                    format_rate(invoice.rate_bp) if invoice.rate_bp is not None else "",
                    format_cents(invoice.penalty_cents),
                    format_cents(invoice.indemnity_cents) if invoice.indemnity_cents else "",
                ]
            )
            for period in invoice.periods:
                rate = (
                    self.tr("taux inconnu")
                    if period.rate_bp is None
                    else format_rate(period.rate_bp)
                    + (self.tr(" (minimum légal)") if period.floored else "")
                )
                child = QTreeWidgetItem(
                    [
                        self.tr("du %1 au %2")
                        .replace("%1", format_date(period.first_day))
                        .replace("%2", format_date(period.last_day)),
                        "",
                        "",
                        str(period.days),
                        rate,
                        format_cents(period.cents) if period.rate_bp is not None else "—",
                        "",
                    ]
                )
                parent_item.addChild(child)
            self.tree.addTopLevelItem(parent_item)
            parent_item.setExpanded(True)
        for item_index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(item_index)
            for row in (item, *(item.child(i) for i in range(item.childCount()))):
                for column in (2, 3, 4, 5, 6):
                    row.setTextAlignment(column, right)
        self.tree.setColumnWidth(0, 210)
        self.total = QLabel(penalty_line_text(result))
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
