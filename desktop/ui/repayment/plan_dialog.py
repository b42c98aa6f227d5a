"""« Plan d'apurement… »: choose a customer's overdue invoices, the number and frequency
of instalments, the first date and whether penalties are included; the table of
instalments (date, amount, remaining balance) is previewed as you type; then save the
plan as a draft, activate it on the day it was signed, and print it for signature."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.money import format_cents
from desktop.domain.repayment import MAX_INSTALMENTS
from desktop.domain.text import safe_file_stem
from desktop.services.registry import Services
from desktop.services.repayment import OverdueInvoice, PlanDraft, PlanItem, PlanPreview
from desktop.ui.dates import format_date, from_qdate, to_qdate
from desktop.ui.messages import repayment_error_message

DOC_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FIRST_DATE_DAYS = 15  # the first instalment a fortnight ahead: time to sign and pay


class PlanDialog(QDialog):
    """Build a repayment plan for one customer. `plan_id` is set once saved."""

    def __init__(
        self,
        services: Services,
        customer_id: int,
        customer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id = customer_id
        self._customer_name = customer_name
        self.plan_id: int | None = None
        self.preview: PlanPreview | None = None
        today = services.context.clock.today()
        self.setWindowTitle(self.tr("Plan d'apurement — %1").replace("%1", customer_name))
        self.setMinimumSize(720, 620)

        self.invoices = QTreeWidget()
        self.invoices.setRootIsDecorated(False)
        self.invoices.setAccessibleName(self.tr("Factures échues"))
        self.invoices.setHeaderLabels(
            [
                self.tr("Facture"),
                self.tr("Échéance"),
                self.tr("Retard"),
                self.tr("Reste dû"),
                self.tr("Pénalités et indemnité"),
            ]
        )
        self.invoices.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows = services.repayment.overdue_invoices(customer_id, today)
        for row in self.rows:
            self.invoices.addTopLevelItem(self._invoice_item(row))
        self.invoices.itemChanged.connect(lambda *_a: self.refresh_preview())

        self.count = QSpinBox()
        self.count.setRange(1, MAX_INSTALMENTS)
        self.count.setValue(3)
        self.count.setAccessibleName(self.tr("Nombre d'échéances"))
        self.frequency = QComboBox()
        for months, label in (
            (1, self.tr("Mensuelle")),
            (2, self.tr("Bimestrielle")),
            (3, self.tr("Trimestrielle")),
            (6, self.tr("Semestrielle")),
        ):
            self.frequency.addItem(label, months)
        self.first_date = QDateEdit(to_qdate(today + timedelta(days=FIRST_DATE_DAYS)))
        self.first_date.setCalendarPopup(True)
        self.first_date.setMinimumDate(to_qdate(today))
        self.penalties = QCheckBox(
            self.tr("Inclure les pénalités de retard et l'indemnité de 40 € par facture")
        )
        for signal in (
            self.count.valueChanged,
            self.frequency.currentIndexChanged,
            self.first_date.dateChanged,
            self.penalties.toggled,
        ):
            signal.connect(lambda *_a: self.refresh_preview())
        form = QFormLayout()
        form.addRow(self.tr("Nombre d'échéances"), self.count)
        form.addRow(self.tr("Périodicité"), self.frequency)
        form.addRow(self.tr("Première échéance"), self.first_date)
        form.addRow("", self.penalties)

        self.schedule = QTreeWidget()
        self.schedule.setRootIsDecorated(False)
        self.schedule.setAccessibleName(self.tr("Échéancier"))
        self.schedule.setHeaderLabels(
            [self.tr("N°"), self.tr("Date"), self.tr("Montant"), self.tr("Reste dû après")]
        )
        self.total_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #a1261f; }")

        self.signed_on = QDateEdit(to_qdate(today))
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setMaximumDate(to_qdate(today))
        self.save_button = QPushButton(self.tr("Enregistrer le brouillon"))
        self.save_button.clicked.connect(lambda: self.save_draft())
        self.activate_button = QPushButton(self.tr("Activer (signé le)"))
        self.activate_button.setToolTip(
            self.tr(
                "Le plan est signé : les relances de ces factures s'arrêtent tant qu'il est respecté"
            )
        )
        self.activate_button.clicked.connect(lambda: self.activate())
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.pdf_button.setToolTip(self.tr("Enregistrer le plan à faire signer"))
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.activate_button)
        buttons.addWidget(self.signed_on)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        hint = QLabel(
            self.tr(
                "Une seule échéance impayée plus de 5 jours après sa date rompt le plan : "
                "tout le solde redevient exigible et les relances reprennent."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #555; }")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Factures échues à reprendre dans le plan :")))
        layout.addWidget(self.invoices, 2)
        layout.addLayout(form)
        layout.addWidget(self.schedule, 3)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.refresh_preview()

    # --- building ----------------------------------------------------------------------

    def _invoice_item(self, row: OverdueInvoice) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                row.number,
                format_date(row.due_on),
                self.tr("%1 j").replace("%1", str(row.days_late)),
                format_cents(row.open_cents),
                format_cents(row.penalty_cents),
            ]
        )
        item.setData(0, DOC_ROLE, row.document_id)
        for column in (2, 3, 4):
            item.setTextAlignment(column, RIGHT)
        if row.in_active_plan:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(0, self.tr("Déjà dans un plan d'apurement en cours"))
            item.setCheckState(0, Qt.CheckState.Unchecked)
        else:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        return item

    def selected_ids(self) -> list[int]:
        ids = []
        for k in range(self.invoices.topLevelItemCount()):
            item = self.invoices.topLevelItem(k)
            if item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, DOC_ROLE)))
        return ids

    def draft(self) -> PlanDraft:
        return PlanDraft(
            customer_id=self._customer_id,
            items=tuple(PlanItem(doc_id) for doc_id in self.selected_ids()),
            count=self.count.value(),
            first_due_on=from_qdate(self.first_date.date()),
            frequency_months=int(self.frequency.currentData()),
            includes_penalties=self.penalties.isChecked(),
        )

    def refresh_preview(self) -> None:
        """Recompute the table; a problem shows below it and saving waits."""
        self.schedule.clear()
        self.preview = None
        try:
            preview = self._services.repayment.preview(self.draft())
        except ValidationError as exc:
            self.error_label.setText("\n".join(repayment_error_message(e) for e in exc.errors))
            self.total_label.setText("")
            self._update_buttons()
            return
        self.preview = preview
        self.error_label.setText("")
        for inst, left in zip(preview.instalments, preview.balances, strict=True):
            item = QTreeWidgetItem(
                [
                    str(inst.position),
                    format_date(inst.due_on),
                    format_cents(inst.amount_cents),
                    format_cents(left),
                ]
            )
            item.setTextAlignment(2, RIGHT)
            item.setTextAlignment(3, RIGHT)
            self.schedule.addTopLevelItem(item)
        text = self.tr("Total reconnu : %1").replace("%1", format_cents(preview.total_cents))
        if preview.penalties_cents:
            text += self.tr(" (dont pénalités et indemnités : %1)").replace(
                "%1", format_cents(preview.penalties_cents)
            )
        self.total_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        saved = self.plan_id is not None
        self.save_button.setEnabled(not saved and self.preview is not None)
        self.activate_button.setEnabled(saved or self.preview is not None)
        self.pdf_button.setEnabled(saved or self.preview is not None)
        for widget in (self.invoices, self.count, self.frequency, self.first_date, self.penalties):
            widget.setEnabled(not saved)

    # --- actions -------------------------------------------------------------------------

    def save_draft(self) -> int | None:
        """Save the plan as a draft (once); returns its id, None when refused."""
        if self.plan_id is not None:
            return self.plan_id
        try:
            self.plan_id = self._services.repayment.create(self.draft())
        except ValidationError as exc:
            self.error_label.setText("\n".join(repayment_error_message(e) for e in exc.errors))
            return None
        self._update_buttons()
        return self.plan_id

    def activate(self) -> bool:
        """Save if needed, then make the plan active on the signature date."""
        plan_id = self.save_draft()
        if plan_id is None:
            return False
        try:
            self._services.repayment.activate(plan_id, from_qdate(self.signed_on.date()))
        except ValidationError as exc:
            self.error_label.setText("\n".join(repayment_error_message(e) for e in exc.errors))
            return False
        self.accept()
        return True

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Save if needed, then write the plan for signature (asks where unless given)."""
        plan_id = self.save_draft()
        if plan_id is None:
            return None
        interactive = path is None
        if path is None:
            suggested = self.tr("Plan d'apurement %1 n° %2.pdf")
            suggested = suggested.replace("%1", safe_file_stem(self._customer_name, 60)).replace(
                "%2", str(plan_id)
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Enregistrer le plan d'apurement"), suggested,
                self.tr("Document PDF (*.pdf)"),
            )  # fmt: skip
            if not path:
                return None
        try:
            written = self._services.repayment.write_pdf(plan_id, Path(path))
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

    def _close(self) -> None:
        if self.plan_id is not None:
            self.accept()  # a draft was saved: the customer page reloads
        else:
            self.reject()
