"""The proposal editor: the customer (with its banner when blocked and what is known
about it), the lines and totals, the payment schedule from a template (editable), the
warnings to read before printing, the status buttons and « Jalon atteint… ».

Only a draft can be changed; a sent, accepted or refused proposal opens read-only.
Every refusal shows in the error strip, every warning in the amber strip, live.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CustomerStatus, PaymentTermsBasis, ProposalStatus
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents, parse_cents
from desktop.domain.penalties import parse_rate_bp
from desktop.domain.schedule import (
    LineDraft,
    ScheduleItem,
    ScheduleLineDraft,
    ScheduleWarning,
    format_percent,
    format_quantity,
    line_total_cents,
    parse_quantity_milli,
    proposal_totals,
)
from desktop.domain.text import safe_file_stem
from desktop.services.proposals import (
    VALIDITY_DAYS,
    ProposalDetail,
    ProposalDraft,
    ProposalError,
)
from desktop.services.registry import Services
from desktop.ui.blocking.banner import BlockedBanner
from desktop.ui.customer_picker import CustomerPicker
from desktop.ui.dates import DateEdit, OptionalDateEdit, format_date
from desktop.ui.messages import field_error_message, status_label, terms_basis_label
from desktop.ui.proposals.labels import (
    proposal_problem_message,
    proposal_status_label,
    proposal_warning_message,
)
from desktop.ui.widgets import ErrorLabel

VAT_CHOICES = ("20", "10", "5,5", "2,1", "0")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CUSTOM = ""  # the template combo's « Personnalisé » entry

L_DESCRIPTION, L_QUANTITY, L_PRICE, L_VAT, L_TOTAL = range(5)
S_EVENT, S_PLANNED, S_DAYS, S_BASIS, S_PERCENT, S_DEPOSIT, S_AMOUNT, S_REACHED = range(8)


def _money_text(cents: int) -> str:
    return format_cents(cents, symbol=False)


def _percent_text(bp: int) -> str:
    return format_percent(bp).replace("\u00a0%", "")


class LinesTable(QTableWidget):
    """The proposal's lines: description, quantity, unit price excl. VAT, VAT rate."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setAccessibleName(self.tr("Lignes de la proposition"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Désignation"),
                self.tr("Quantité"),
                self.tr("Prix unitaire HT"),
                self.tr("TVA %"),
                self.tr("Total HT"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(L_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((L_QUANTITY, 80), (L_PRICE, 120), (L_VAT, 70), (L_TOTAL, 110)):
            self.setColumnWidth(column, width)
        self.setMinimumHeight(130)

    def add_line(self, line: LineDraft | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        description = QLineEdit(line.description if line else "")
        description.setPlaceholderText(self.tr("Désignation"))
        quantity = QLineEdit(format_quantity(line.quantity_milli) if line else "1")
        price = QLineEdit(_money_text(line.unit_price_cents) if line else "")
        price.setPlaceholderText("0,00")
        for edit in (quantity, price):
            edit.setAlignment(RIGHT)
        vat = QComboBox()
        vat.setEditable(True)
        vat.addItems(list(VAT_CHOICES))
        vat.setCurrentText(_percent_text(line.vat_rate_bp) if line else VAT_CHOICES[0])
        for column, widget in (
            (L_DESCRIPTION, description),
            (L_QUANTITY, quantity),
            (L_PRICE, price),
            (L_VAT, vat),
        ):
            widget.setAccessibleName(self.horizontalHeaderItem(column).text())
            self.setCellWidget(row, column, widget)
        total = QTableWidgetItem("")
        total.setTextAlignment(RIGHT)
        self.setItem(row, L_TOTAL, total)
        for edit in (description, quantity, price):
            edit.textChanged.connect(lambda _t: self.sig_changed.emit())
        vat.currentTextChanged.connect(lambda _t: self.sig_changed.emit())
        self.sig_changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            self.sig_changed.emit()

    def line_edit(self, row: int, column: int) -> QLineEdit:
        # Not "edit": that name would override QAbstractItemView::edit, which Qt calls.
        return self.cellWidget(row, column)  # type: ignore[return-value]

    def vat(self, row: int) -> QComboBox:
        return self.cellWidget(row, L_VAT)  # type: ignore[return-value]

    def values(self) -> tuple[list[LineDraft], list[FieldError]]:
        """The lines as typed, and what could not be read (field "lines.N.…")."""
        lines: list[LineDraft] = []
        errors: list[FieldError] = []
        for row in range(self.rowCount()):
            prefix = f"lines.{row}."
            values = []
            for column, name, parse in (
                (L_QUANTITY, "quantity", parse_quantity_milli),
                (L_PRICE, "unit_price", parse_cents),
            ):
                try:
                    values.append(parse(self.line_edit(row, column).text(), prefix + name))
                except ValidationError as exc:
                    errors += exc.errors
                    values.append(None)
            try:
                vat = parse_rate_bp(self.vat(row).currentText(), prefix + "vat_rate")
            except ValidationError as exc:
                errors += exc.errors
                vat = None
            quantity, price = values
            if quantity is not None and price is not None and vat is not None:
                line = LineDraft(self.line_edit(row, L_DESCRIPTION).text(), quantity, price, vat)
                lines.append(line)
                self.item(row, L_TOTAL).setText(format_cents(line_total_cents(line)))
            else:
                self.item(row, L_TOTAL).setText("")
        return lines, errors

    def set_read_only(self, read_only: bool) -> None:
        for row in range(self.rowCount()):
            for column in (L_DESCRIPTION, L_QUANTITY, L_PRICE, L_VAT):
                self.cellWidget(row, column).setEnabled(not read_only)


class ScheduleTable(QTableWidget):
    """The payment schedule: event, planned date, payment term, %, deposit; the amount
    and the day a milestone was reached are shown, not typed."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setAccessibleName(self.tr("Échéancier"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Événement"),
                self.tr("Date prévue"),
                self.tr("Délai (j)"),
                self.tr("Compté"),
                self.tr("%"),
                self.tr("Acompte"),
                self.tr("Montant TTC"),
                self.tr("Atteint le"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(S_EVENT, QHeaderView.ResizeMode.Stretch)
        widths = (
            (S_PLANNED, 110),
            (S_DAYS, 70),
            (S_BASIS, 150),
            (S_PERCENT, 70),
            (S_DEPOSIT, 70),
            (S_AMOUNT, 110),
            (S_REACHED, 90),
        )
        for column, width in widths:
            self.setColumnWidth(column, width)
        self.setMinimumHeight(130)
        self.reached: list[date | None] = []

    def set_lines(
        self, lines: tuple[ScheduleLineDraft, ...], reached: list[date | None] | None = None
    ) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self.reached = []
        for line in lines:
            self._add(line)
        self.reached = list(reached) if reached else [None] * len(lines)
        for row, day in enumerate(self.reached):
            self.item(row, S_REACHED).setText(format_date(day))
        self.blockSignals(False)
        self.sig_changed.emit()

    def add_line(self, planned_on: date) -> int:
        row = self._add(ScheduleLineDraft("", planned_on, 0))
        self.reached.append(None)
        self.sig_changed.emit()
        return row

    def _add(self, line: ScheduleLineDraft) -> int:
        row = self.rowCount()
        self.insertRow(row)
        event = QLineEdit(line.event)
        event.setPlaceholderText(self.tr("À la commande, à la livraison…"))
        planned = DateEdit(line.planned_on)
        days = QSpinBox()
        days.setRange(0, 365)
        days.setValue(line.due_days)
        days.setSpecialValueText(self.tr("à réception"))
        basis = QComboBox()
        for value in PaymentTermsBasis:
            basis.addItem(terms_basis_label(value), value.value)
        basis.setCurrentIndex(basis.findData(line.due_basis.value))
        percent = QLineEdit(_percent_text(line.percent_bp) if line.percent_bp else "")
        percent.setAlignment(RIGHT)
        deposit = QCheckBox()
        deposit.setChecked(line.is_deposit)
        deposit.setToolTip(self.tr("Acompte versé à la commande"))
        for column, widget in (
            (S_EVENT, event),
            (S_PLANNED, planned),
            (S_DAYS, days),
            (S_BASIS, basis),
            (S_PERCENT, percent),
            (S_DEPOSIT, deposit),
        ):
            widget.setAccessibleName(self.horizontalHeaderItem(column).text())
            self.setCellWidget(row, column, widget)
        for column in (S_AMOUNT, S_REACHED):
            item = QTableWidgetItem("")
            item.setTextAlignment(RIGHT)
            self.setItem(row, column, item)
        event.textChanged.connect(lambda _t: self.sig_changed.emit())
        percent.textChanged.connect(lambda _t: self.sig_changed.emit())
        planned.dateChanged.connect(lambda _d: self.sig_changed.emit())
        days.valueChanged.connect(lambda _v: self.sig_changed.emit())
        basis.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        deposit.toggled.connect(lambda _c: self.sig_changed.emit())
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            del self.reached[row]
            self.sig_changed.emit()

    def widget(self, row: int, column: int):  # type: ignore[no-untyped-def]
        return self.cellWidget(row, column)

    def values(self) -> tuple[list[ScheduleLineDraft], list[FieldError]]:
        lines: list[ScheduleLineDraft] = []
        errors: list[FieldError] = []
        for row in range(self.rowCount()):
            try:
                percent = parse_rate_bp(
                    self.widget(row, S_PERCENT).text(), f"schedule.{row}.percent"
                )
            except ValidationError as exc:
                errors += exc.errors
                continue
            lines.append(
                ScheduleLineDraft(
                    event=self.widget(row, S_EVENT).text(),
                    planned_on=self.widget(row, S_PLANNED).value(),
                    percent_bp=percent,
                    is_deposit=self.widget(row, S_DEPOSIT).isChecked(),
                    due_days=self.widget(row, S_DAYS).value(),
                    due_basis=PaymentTermsBasis(self.widget(row, S_BASIS).currentData()),
                )
            )
        return lines, errors

    def show_amounts(self, items: tuple[ScheduleItem, ...]) -> None:
        for row in range(self.rowCount()):
            text = format_cents(items[row].amount_cents) if row < len(items) else ""
            self.item(row, S_AMOUNT).setText(text)
            if row < len(items) and items[row].due_on != items[row].planned_on:
                self.item(row, S_AMOUNT).setToolTip(
                    self.tr("Échéance le %1").replace("%1", format_date(items[row].due_on))
                )

    def set_read_only(self, read_only: bool) -> None:
        for row in range(self.rowCount()):
            for column in (S_EVENT, S_PLANNED, S_DAYS, S_BASIS, S_PERCENT, S_DEPOSIT):
                self.cellWidget(row, column).setEnabled(not read_only)


class ReachedDialog(QDialog):
    """When did the event of a milestone happen?"""

    def __init__(self, event: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jalon atteint"))
        self.day = DateEdit(today)
        text = QLabel(
            self.tr(
                "« %1 » : à quelle date l'événement a-t-il eu lieu ? Son échéance devient "
                "une créance attendue, visible dans l'encours et le calendrier."
            ).replace("%1", event)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.day)
        layout.addWidget(buttons)


class ProposalEditor(QDialog):
    """A new proposal (for a chosen customer, or one to search) or an existing one."""

    sig_changed = Signal(int)  # the proposal id, after each saved change

    def __init__(
        self,
        services: Services,
        proposal_id: int | None = None,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.proposal_id = proposal_id
        self.customer_id = customer_id
        self.detail: ProposalDetail | None = None
        self.preview_warnings: tuple[ScheduleWarning, ...] = ()
        self.preview_errors: tuple[FieldError, ...] = ()
        # A new proposal shows no problem before the user has typed a line.
        self._lines_touched = False
        self._loading = True
        self._schedule_touched = False
        today = services.context.clock.today()
        self.setWindowTitle(self.tr("Proposition commerciale"))
        self.resize(1000, 760)

        # --- header: number, status ----------------------------------------------------
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("QLabel { font-size: 14pt; font-weight: 600; }")

        # --- customer --------------------------------------------------------------------
        self.customer_label = QLabel()
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.customer_label.setStyleSheet("QLabel { font-size: 12pt; font-weight: 600; }")
        self.picker = CustomerPicker(services, self.tr("— choisir un client ou un prospect —"))
        self.picker.sig_chosen.connect(self._customer_chosen)
        self.customer_search, self.customer_choice = self.picker.search, self.picker.choice
        self.banner = BlockedBanner(services, can_unblock=False)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)
        self.check_label.setStyleSheet("QLabel { color: #3e4c59; }")

        # --- dates -----------------------------------------------------------------------
        self.issued_on = DateEdit(today)
        self.valid_until = OptionalDateEdit(today + timedelta(days=VALIDITY_DAYS), default=today)
        self.issued_on.dateChanged.connect(lambda _d: self._date_changed())
        self.valid_until.dateChanged.connect(lambda _d: self.refresh_preview())
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Date :")))
        dates.addWidget(self.issued_on)
        dates.addSpacing(16)
        dates.addWidget(QLabel(self.tr("Valable jusqu'au :")))
        dates.addWidget(self.valid_until)
        dates.addStretch(1)

        # --- lines -----------------------------------------------------------------------
        self.lines = LinesTable()
        self.lines.sig_changed.connect(self._lines_changed)
        self.add_line_button = QPushButton(self.tr("Ajouter une ligne"))
        self.add_line_button.clicked.connect(lambda: self.lines.add_line())
        self.remove_line_button = QPushButton(self.tr("Supprimer la ligne"))
        self.remove_line_button.clicked.connect(self.lines.remove_current)
        self.totals_label = QLabel()
        self.totals_label.setAlignment(RIGHT)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.totals_label)

        # --- schedule ----------------------------------------------------------------------
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Modèle d'échéancier"))
        self.template_combo.addItem(self.tr("Personnalisé"), CUSTOM)
        for template in services.proposals.templates():
            self.template_combo.addItem(template.name, template.id)
        self.template_combo.currentIndexChanged.connect(lambda _i: self.apply_template())
        self.schedule = ScheduleTable()
        self.schedule.sig_changed.connect(self._schedule_changed)
        self.schedule.itemSelectionChanged.connect(self._update_buttons)
        self.add_step_button = QPushButton(self.tr("Ajouter une échéance"))
        self.add_step_button.clicked.connect(lambda: self.schedule.add_line(self.issued_on.value()))
        self.remove_step_button = QPushButton(self.tr("Supprimer l'échéance"))
        self.remove_step_button.clicked.connect(self.schedule.remove_current)
        self.reached_button = QPushButton(self.tr("Jalon atteint…"))
        self.reached_button.setToolTip(
            self.tr("L'événement a eu lieu : son échéance devient une créance attendue")
        )
        self.reached_button.clicked.connect(lambda: self.ask_reached())
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel(self.tr("Modèle :")))
        template_row.addWidget(self.template_combo, 1)
        template_row.addWidget(self.add_step_button)
        template_row.addWidget(self.remove_step_button)
        template_row.addWidget(self.reached_button)

        # --- warnings, errors, notes ------------------------------------------------------------
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setStyleSheet(
            "QLabel { background: #fff3d6; color: #6b4500; border: 1px solid #e5c46b; "
            "border-radius: 4px; padding: 6px; }"
        )
        self.warnings_label.hide()
        self.error_label = ErrorLabel()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Remarques imprimées sur la proposition"))
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)

        # --- actions ----------------------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.clicked.connect(lambda: self.save())
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.send_button = QPushButton(self.tr("Marquer envoyée"))
        self.send_button.clicked.connect(lambda: self.move_to(ProposalStatus.SENT))
        self.accept_button = QPushButton(self.tr("Acceptée"))
        self.accept_button.clicked.connect(lambda: self.move_to(ProposalStatus.ACCEPTED))
        self.refuse_button = QPushButton(self.tr("Refusée"))
        self.refuse_button.clicked.connect(lambda: self.move_to(ProposalStatus.REFUSED))
        self.draft_button = QPushButton(self.tr("Remettre en brouillon"))
        self.draft_button.clicked.connect(lambda: self.move_to(ProposalStatus.DRAFT))
        close_button = QPushButton(self.tr("Fermer"))
        close_button.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for button in (self.save_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.send_button, self.accept_button, self.refuse_button, self.draft_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(close_button)

        form = QFormLayout()
        form.addRow(self.tr("Client *"), self.picker)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.customer_label)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.check_label)
        layout.addLayout(dates)
        layout.addWidget(self.lines, 2)
        layout.addLayout(line_buttons)
        layout.addLayout(template_row)
        layout.addWidget(self.schedule, 2)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notes)
        layout.addLayout(actions)

        if proposal_id is not None:
            self._load(proposal_id)
        else:
            self.picker.setVisible(customer_id is None)
            if customer_id is not None:
                self._show_customer(customer_id)
            else:
                self.search_customers()
            self.lines.add_line()
            default = services.proposals.default_template()
            self._loading = False
            if default is not None:
                self.template_combo.setCurrentIndex(self.template_combo.findData(default.id))
        self._loading = False
        self._lines_touched = False  # filling the form is not the user typing
        self.refresh_preview()
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------------

    def _load(self, proposal_id: int) -> None:
        detail = self._services.proposals.get(proposal_id)
        self.detail = detail
        self.customer_id = detail.row.customer_id
        self.picker.setVisible(False)
        self._show_customer(detail.row.customer_id)
        self.issued_on.set_value(detail.row.issued_on)
        self.valid_until.set_value(detail.row.valid_until)
        self.lines.setRowCount(0)
        for line in detail.lines:
            self.lines.add_line(line.draft())
        self.template_combo.blockSignals(True)
        index = self.template_combo.findText(detail.row.template_name)
        self.template_combo.setCurrentIndex(index if index >= 0 else 0)
        self.template_combo.blockSignals(False)
        self.schedule.set_lines(
            tuple(line.draft() for line in detail.schedule),
            [line.reached_on for line in detail.schedule],
        )
        self._schedule_touched = True  # a saved schedule is never rebuilt behind the user
        self.notes.setPlainText(detail.notes)
        read_only = detail.stored_status is not ProposalStatus.DRAFT
        self.lines.set_read_only(read_only)
        self.schedule.set_read_only(read_only)
        for widget in (
            self.issued_on,
            self.valid_until,
            self.template_combo,
            self.notes,
            self.add_line_button,
            self.remove_line_button,
            self.add_step_button,
            self.remove_step_button,
        ):
            widget.setEnabled(not read_only)

    def reload(self) -> None:
        if self.proposal_id is not None:
            self._loading = True
            self._load(self.proposal_id)
            self._loading = False
            self.refresh_preview()
            self._update_buttons()

    # --- customer --------------------------------------------------------------------------------

    def search_customers(self) -> None:
        self.picker.search_customers()

    def select_customer(self, customer_id: int) -> None:
        self.picker.select_customer(customer_id)

    def _customer_chosen(self) -> None:
        self.customer_id = self.picker.customer_id
        self._show_customer(self.customer_id)
        self.refresh_preview()

    def _show_customer(self, customer_id: int | None) -> None:
        """The name, the banner of a blocked customer, and what else is known at once
        (status, doubtful list, credit limit and outstanding)."""
        self.banner.show_customer(customer_id)
        if customer_id is None:
            self.customer_label.setText("")
            self.check_label.setText("")
            return
        try:
            check = self._services.proposals.check_customer(customer_id)
        except NotFoundError:
            self.customer_label.setText(self.tr("Client introuvable"))
            return
        self.customer_label.setText(check.name)
        parts = [status_label(check.status)]
        if check.credit_limit_cents is not None:
            parts.append(
                self.tr("plafond %1, encours %2")
                .replace("%1", format_cents(check.credit_limit_cents))
                .replace("%2", format_cents(check.outstanding_cents))
            )
        elif check.status is not CustomerStatus.PROSPECT:
            parts.append(self.tr("encours %1").replace("%1", format_cents(check.outstanding_cents)))
        if check.doubtful:
            parts.append(
                self.tr(
                    "signalée %n fois dans la liste des entreprises douteuses",
                    "",
                    len(check.doubtful),
                )
            )
        else:
            parts.append(self.tr("absente de la liste des entreprises douteuses"))
        self.check_label.setText(" · ".join(parts))

    # --- the schedule -------------------------------------------------------------------------------

    def apply_template(self) -> None:
        """Rebuild the schedule from the chosen template (« Personnalisé » keeps it)."""
        template_id = self.template_combo.currentData()
        if self._loading or template_id in (None, CUSTOM):
            return
        lines = self._services.proposals.schedule_from_template(
            int(template_id), self.issued_on.value()
        )
        self.schedule.set_lines(lines)
        self._schedule_touched = False
        self.refresh_preview()

    def _date_changed(self) -> None:
        # Untouched, the template's dates follow the proposal's date.
        if not self._schedule_touched and self.template_combo.currentData() not in (None, CUSTOM):
            self.apply_template()
        else:
            self.refresh_preview()

    def _schedule_changed(self) -> None:
        if not self._loading:
            self._schedule_touched = True
        self.refresh_preview()

    # --- live preview ---------------------------------------------------------------------------------

    def draft(self) -> tuple[ProposalDraft | None, list[FieldError]]:
        """The proposal as typed, or None with what could not be read."""
        lines, errors = self.lines.values()
        schedule, schedule_errors = self.schedule.values()
        errors += schedule_errors
        if self.customer_id is None:
            errors.append(FieldError("customer_id", ErrorCode.REQUIRED))
        if errors or self.customer_id is None:
            return None, errors
        template_id = self.template_combo.currentData()
        return (
            ProposalDraft(
                customer_id=self.customer_id,
                issued_on=self.issued_on.value(),
                lines=tuple(lines),
                schedule=tuple(schedule),
                valid_until=self.valid_until.value(),
                template_name=self.template_combo.currentText()
                if template_id not in (None, CUSTOM)
                else "",
                notes=self.notes.toPlainText(),
            ),
            [],
        )

    def _lines_changed(self) -> None:
        self._lines_touched = True
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Totals, amounts of the schedule, problems and warnings, as typed."""
        if self._loading:
            return
        draft, parse_errors = self.draft()
        if draft is None:
            self.preview_errors = tuple(parse_errors)
            self.preview_warnings = ()
            lines, _ = self.lines.values()
            self._show_totals(proposal_totals(lines).excl_vat_cents, None, None)
            self.schedule.show_amounts(())
        else:
            preview = self._services.proposals.preview(draft)
            self.preview_errors = preview.errors
            self.preview_warnings = preview.warnings
            totals = preview.totals
            self._show_totals(totals.excl_vat_cents, totals.vat_cents, totals.total_cents)
            self.schedule.show_amounts(preview.schedule)
        shown = self.preview_errors if self._lines_touched or self.proposal_id else ()
        self.error_label.show_message("\n".join(self.describe(e) for e in shown))
        self.warnings_label.setText(
            "\n".join("⚠ " + proposal_warning_message(w) for w in self.preview_warnings)
        )
        self.warnings_label.setVisible(bool(self.preview_warnings))

    def _show_totals(self, excl: int, vat: int | None, total: int | None) -> None:
        parts = [self.tr("Total HT : %1").replace("%1", format_cents(excl))]
        if vat is not None and total is not None:
            parts.append(self.tr("TVA : %1").replace("%1", format_cents(vat)))
            parts.append(
                "<b>" + self.tr("Total TTC : %1").replace("%1", format_cents(total)) + "</b>"
            )
        self.totals_label.setText(" · ".join(parts))

    def describe(self, error: FieldError) -> str:
        """A problem with where it is: « Ligne 2 — quantité : … », « Échéance 3 : … »."""
        message = field_error_message(error)
        parts = error.field.split(".")
        names = {
            "quantity": self.tr("quantité"),
            "unit_price": self.tr("prix unitaire"),
            "vat_rate": self.tr("TVA"),
            "description": self.tr("désignation"),
            "event": self.tr("événement"),
            "percent": self.tr("pourcentage"),
            "planned_on": self.tr("date prévue"),
            "due_days": self.tr("délai"),
        }
        if len(parts) == 3 and parts[0] == "lines":
            where = self.tr("Ligne %1 — %2").replace("%1", str(int(parts[1]) + 1))
            return f"{where.replace('%2', names.get(parts[2], parts[2]))} : {message}"
        if len(parts) == 3 and parts[0] == "schedule":
            where = self.tr("Échéance %1 — %2").replace("%1", str(int(parts[1]) + 1))
            return f"{where.replace('%2', names.get(parts[2], parts[2]))} : {message}"
        fields = {
            "lines": self.tr("Lignes"),
            "schedule": self.tr("Échéancier"),
            "valid_until": self.tr("Validité"),
            "customer_id": self.tr("Client"),
            "notes": self.tr("Remarques"),
            "reached_on": self.tr("Date de l'événement"),
        }
        return f"{fields.get(error.field, error.field)} : {message}"

    # --- actions ----------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Create or update the draft; False (problems shown) when refused."""
        draft, errors = self.draft()
        if draft is None:
            self.error_label.show_message("\n".join(self.describe(e) for e in errors))
            return False
        try:
            if self.proposal_id is None:
                self.proposal_id = self._services.proposals.create(draft)
            else:
                self._services.proposals.update(self.proposal_id, draft)
        except ValidationError as exc:
            self.error_label.show_message("\n".join(self.describe(e) for e in exc.errors))
            return False
        except ProposalError as exc:
            self.error_label.show_message(proposal_problem_message(exc.code))
            return False
        self.sig_changed.emit(self.proposal_id)
        self.reload()
        return True

    def is_draft(self) -> bool:
        return self.detail is None or self.detail.stored_status is ProposalStatus.DRAFT

    def move_to(self, status: ProposalStatus) -> bool:
        """Change the status (a draft is saved first)."""
        if self.is_draft() and not self.save():
            return False
        assert self.proposal_id is not None
        try:
            self._services.proposals.set_status(self.proposal_id, status)
        except ProposalError as exc:
            self.error_label.show_message(proposal_problem_message(exc.code))
            return False
        self.sig_changed.emit(self.proposal_id)
        self.reload()
        return True

    def selected_position(self) -> int | None:
        row = self.schedule.currentRow()
        return row + 1 if row >= 0 else None

    def ask_reached(self) -> int | None:
        position = self.selected_position()
        if position is None or self.detail is None:
            return None
        event = self.detail.schedule[position - 1].item.event
        dialog = ReachedDialog(event, self._services.context.clock.today(), self)
        if not dialog.exec():
            return None
        return self.mark_reached(position, dialog.day.value())

    def mark_reached(self, position: int, reached_on: date) -> int | None:
        """Milestone `position` happened on `reached_on`: its expected receivable is
        created; returns the document id (None, problem shown, when refused)."""
        if self.proposal_id is None:
            return None
        try:
            document_id = self._services.proposals.mark_reached(
                self.proposal_id, position, reached_on
            )
        except ProposalError as exc:
            self.error_label.show_message(proposal_problem_message(exc.code))
            return None
        except ValidationError as exc:
            self.error_label.show_message("\n".join(self.describe(e) for e in exc.errors))
            return None
        self.sig_changed.emit(self.proposal_id)
        self.reload()
        return document_id

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Print the proposal to a PDF: a draft is saved first; the warnings are shown
        and must be accepted before the file is written."""
        if self.is_draft() and not self.save():
            return None
        assert self.proposal_id is not None
        if self.preview_warnings:
            answer = QMessageBox.question(
                self,
                self.tr("Avant d'imprimer"),
                self.tr("À vérifier :")
                + "\n\n"
                + "\n".join("• " + proposal_warning_message(w) for w in self.preview_warnings)
                + "\n\n"
                + self.tr("Imprimer quand même ?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        interactive = path is None
        if path is None:
            number = self.detail.row.number if self.detail else "proposition"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer la proposition"),
                f"{safe_file_stem(number)}.pdf",
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        try:
            written = self._services.proposals.write_pdf(self.proposal_id, Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("PDF non enregistré"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def _update_buttons(self) -> None:
        read_only = self._services.database.read_only
        status = self.detail.row.status if self.detail else ProposalStatus.DRAFT
        stored = self.detail.stored_status if self.detail else ProposalStatus.DRAFT
        self.title.setText(
            (self.detail.row.number if self.detail else self.tr("Nouvelle proposition"))
            + " — "
            + proposal_status_label(status)
        )
        self.save_button.setEnabled(not read_only and stored is ProposalStatus.DRAFT)
        self.send_button.setEnabled(not read_only and status is ProposalStatus.DRAFT)
        for button in (self.accept_button, self.refuse_button):
            button.setEnabled(not read_only and status is ProposalStatus.SENT)
        if status is ProposalStatus.EXPIRED:
            self.refuse_button.setEnabled(not read_only)
        self.draft_button.setEnabled(
            not read_only and status in (ProposalStatus.SENT, ProposalStatus.EXPIRED)
        )
        row = self.schedule.currentRow()
        reachable = (
            stored is ProposalStatus.ACCEPTED
            and 0 <= row < len(self.schedule.reached)
            and self.schedule.reached[row] is None
        )
        self.reached_button.setVisible(stored is ProposalStatus.ACCEPTED)
        self.reached_button.setEnabled(not read_only and reachable)
        self.pdf_button.setEnabled(self.proposal_id is not None or not read_only)
