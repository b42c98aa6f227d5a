"""The « Plans d'apurement » tab of a customer's page: the customer's plans with their
state (draft, running — on time or late —, completed, broken), and what can be done
with them: a new plan, activate a draft, note a payment, print, delete a draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import RepaymentPlanStatus
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.money import format_cents, parse_cents
from desktop.domain.text import safe_file_stem
from desktop.services.registry import Services
from desktop.services.repayment import PlanRow
from desktop.ui.dates import format_date
from desktop.ui.messages import plan_status_label, repayment_error_message
from desktop.ui.repayment.plan_dialog import PlanDialog

PLAN_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_COLORS = {
    RepaymentPlanStatus.DRAFT: "#555555",
    RepaymentPlanStatus.ACTIVE: "#1f4e99",
    RepaymentPlanStatus.COMPLETED: "#1e6b34",
    RepaymentPlanStatus.BROKEN: "#a1261f",
}


class CustomerPlansTab(QWidget):
    """Emits sig_changed when a plan was created, activated, paid or deleted: what the
    reminders chase changes with it."""

    sig_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self.customer_name = ""
        self.rows: list[PlanRow] = []
        self.new_button = QPushButton(self.tr("Nouveau plan…"))
        self.new_button.clicked.connect(lambda: self.new_plan())
        self.activate_button = QPushButton(self.tr("Activer (signé aujourd'hui)"))
        self.activate_button.clicked.connect(lambda: self.activate_selected())
        self.payment_button = QPushButton(self.tr("Paiement reçu…"))
        self.payment_button.clicked.connect(lambda: self.record_payment())
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.delete_button = QPushButton(self.tr("Supprimer le brouillon…"))
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        buttons = QHBoxLayout()
        for button in (
            self.new_button, self.activate_button, self.payment_button, self.pdf_button,
            self.delete_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Plans d'apurement du client"))
        self.tree.setHeaderLabels(
            [
                self.tr("N°"),
                self.tr("État"),
                self.tr("Signé le"),
                self.tr("Échéances"),
                self.tr("Total"),
                self.tr("Reste dû"),
                self.tr("Prochaine échéance"),
            ]
        )
        self.tree.header().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (1, 170), (2, 90), (3, 80), (4, 110), (5, 110)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_a: self.save_pdf())
        self.empty = QLabel(self.tr("Aucun plan d'apurement pour ce client."))
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self._update_buttons()

    def show_customer(self, customer_id: int, customer_name: str = "") -> int:
        """List the customer's plans; returns how many are running."""
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.rows = self._services.repayment.for_customer(customer_id)
        today = self._services.context.clock.today()
        self.tree.clear()
        for row in self.rows:
            state = plan_status_label(row.status)
            late = (
                row.status is RepaymentPlanStatus.ACTIVE
                and row.next_due_on is not None
                and row.next_due_on < today
            )
            if late:
                state += self.tr(" — échéance en retard")
            if row.status is RepaymentPlanStatus.BROKEN and row.broken_on:
                state += self.tr(" le %1").replace("%1", format_date(row.broken_on))
            next_due = (
                f"{format_date(row.next_due_on)} — {format_cents(row.next_due_cents)}"
                if row.next_due_on and row.status is RepaymentPlanStatus.ACTIVE
                else ""
            )
            item = QTreeWidgetItem(
                [
                    str(row.id),
                    state,
                    format_date(row.signed_on),
                    str(row.instalment_count),
                    format_cents(row.total_cents),
                    format_cents(row.remaining_cents),
                    next_due,
                ]
            )
            item.setData(0, PLAN_ROLE, row.id)
            for column in (3, 4, 5):
                item.setTextAlignment(column, RIGHT)
            color = "#a1261f" if late else STATUS_COLORS[row.status]
            item.setForeground(1, QBrush(QColor(color)))
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))
        if self.rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()
        return sum(1 for r in self.rows if r.status is RepaymentPlanStatus.ACTIVE)

    def selected(self) -> PlanRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        plan_id = int(item.data(0, PLAN_ROLE))
        return next((r for r in self.rows if r.id == plan_id), None)

    def _update_buttons(self) -> None:
        row = self.selected()
        status = row.status if row is not None else None
        self.activate_button.setEnabled(status is RepaymentPlanStatus.DRAFT)
        self.delete_button.setEnabled(status is RepaymentPlanStatus.DRAFT)
        self.payment_button.setEnabled(status is RepaymentPlanStatus.ACTIVE)
        self.pdf_button.setEnabled(row is not None)

    # --- actions -------------------------------------------------------------------------

    def new_plan(self) -> PlanDialog | None:
        if self.customer_id is None:
            return None
        dialog = PlanDialog(self._services, self.customer_id, self.customer_name, self)
        if dialog.exec():
            self._changed()
        return dialog

    def activate_selected(self, signed_on: date | None = None) -> bool:
        row = self.selected()
        if row is None:
            return False
        try:
            self._services.repayment.activate(
                row.id, signed_on or self._services.context.clock.today()
            )
        except ValidationError as exc:
            self._refused(exc)
            return False
        self._changed()
        return True

    def record_payment(self, text: str | None = None) -> bool:
        """Note a payment received under the selected plan, dated today."""
        row = self.selected()
        if row is None or row.status is not RepaymentPlanStatus.ACTIVE:
            return False
        if text is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Paiement reçu"),
                self.tr("Montant reçu au titre du plan n° %1 (reste dû : %2) :")
                .replace("%1", str(row.id))
                .replace("%2", format_cents(row.remaining_cents)),
                text=format_cents(row.next_due_cents, symbol=False),
            )
            if not ok:
                return False
        try:
            cents = parse_cents(text)
            self._services.repayment.record_payment(
                row.id, cents, self._services.context.clock.today()
            )
        except ValidationError as exc:
            self._refused(exc)
            return False
        self._changed()
        return True

    def save_pdf(self, path: str | None = None) -> Path | None:
        row = self.selected()
        if row is None:
            return None
        interactive = path is None
        if path is None:
            suggested = (
                self.tr("Plan d'apurement %1 n° %2.pdf")
                .replace("%1", safe_file_stem(self.customer_name, 60))
                .replace("%2", str(row.id))
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Enregistrer le plan d'apurement"), suggested,
                self.tr("Document PDF (*.pdf)"),
            )  # fmt: skip
            if not path:
                return None
        try:
            written = self._services.repayment.write_pdf(row.id, Path(path))
        except (OSError, NotFoundError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Plan non enregistré"),
                self.tr("Le fichier n'a pas pu être écrit : %1").replace("%1", str(exc)),
            )
            return None
        if interactive:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def delete_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer le brouillon"),
            self.tr("Supprimer le brouillon de plan n° %1 ?").replace("%1", str(row.id)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._services.repayment.delete_draft(row.id)
        except ValidationError as exc:
            self._refused(exc)
            return False
        self._changed()
        return True

    def _refused(self, exc: ValidationError) -> None:
        QMessageBox.information(
            self,
            self.tr("Plan d'apurement"),
            "\n".join(repayment_error_message(e) for e in exc.errors),
        )

    def _changed(self) -> None:
        if self.customer_id is not None:
            self.show_customer(self.customer_id, self.customer_name)
            self.sig_changed.emit(self.customer_id)
