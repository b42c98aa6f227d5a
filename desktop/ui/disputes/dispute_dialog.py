"""Open or edit a dispute: the customer, the invoices contested and by how much, the
category, who reported it, the department that must act, the owner and the expected
answer. Every problem shows next to its field; nothing is saved until all is right."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import Department, DisputeCategory, DocumentKind
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents, parse_cents
from desktop.services.disputes import DisputeDetail, DisputeError
from desktop.services.registry import Services
from desktop.ui.customer_picker import CustomerPicker
from desktop.ui.dates import DateEdit, OptionalDateEdit, format_date
from desktop.ui.disputes.labels import category_label, department_label
from desktop.ui.messages import dispute_problem_message
from desktop.ui.widgets import (
    ErrorLabel,
    ErrorMap,
    FieldWithError,
    confirm_discard,
    save_cancel_buttons,
)

# Who usually has to act on each kind of dispute: a suggestion the user may change.
SUGGESTED_DEPARTMENT: dict[DisputeCategory, Department] = {
    DisputeCategory.PRICE: Department.SALES,
    DisputeCategory.QUANTITY: Department.LOGISTICS,
    DisputeCategory.WRONG_ITEM: Department.LOGISTICS,
    DisputeCategory.DAMAGED: Department.QUALITY,
    DisputeCategory.NOT_DELIVERED: Department.LOGISTICS,
    DisputeCategory.BILLED_TWICE: Department.ACCOUNTING,
    DisputeCategory.INVOICE_ERROR: Department.ACCOUNTING,
    DisputeCategory.MISSING_PO: Department.SALES,
    DisputeCategory.CONTRACT: Department.MANAGEMENT,
    DisputeCategory.OTHER: Department.SALES,
}
DEFAULT_ANSWER_DAYS = 15

COL_INVOICE, COL_ISSUED, COL_DUE, COL_TOTAL, COL_OPEN, COL_DISPUTED = range(6)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class InvoiceChoice:
    """An invoice the dispute may cover, with what remains due on it and how much of
    that other open disputes already contest."""

    document_id: int
    number: str
    issued_on: date
    due_on: date
    total_cents: int
    open_cents: int
    taken_cents: int = 0

    @property
    def disputable_cents(self) -> int:
        return max(self.open_cents - self.taken_cents, 0)


class InvoiceTable(QTableWidget):
    """The customer's open invoices: a checkbox and an editable disputed amount each."""

    sig_lines_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setAccessibleName(self.tr("Factures contestées"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Facture"),
                self.tr("Date"),
                self.tr("Échéance"),
                self.tr("Montant TTC"),
                self.tr("Reste dû"),
                self.tr("Montant contesté"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_INVOICE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_ISSUED, 90), (COL_DUE, 90), (COL_TOTAL, 110), (COL_OPEN, 110)):
            self.setColumnWidth(column, width)
        self.setColumnWidth(COL_DISPUTED, 190)
        self.setMinimumHeight(150)
        self.choices: list[InvoiceChoice] = []
        self.amounts: list[FieldWithError] = []
        self.itemChanged.connect(self._check_changed)

    def set_choices(self, choices: Iterable[InvoiceChoice], chosen: dict[int, int]) -> None:
        """Show the invoices; those in `chosen` (document id → disputed cents) are ticked."""
        self.blockSignals(True)
        self.choices = list(choices)
        self.amounts = []
        self.setRowCount(len(self.choices))
        for row, choice in enumerate(self.choices):
            check = QTableWidgetItem(choice.number)
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            ticked = choice.document_id in chosen
            check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.setItem(row, COL_INVOICE, check)
            cells = (
                (COL_ISSUED, format_date(choice.issued_on)),
                (COL_DUE, format_date(choice.due_on)),
                (COL_TOTAL, format_cents(choice.total_cents)),
                (COL_OPEN, format_cents(choice.open_cents)),
            )
            for column, text in cells:
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if column in (COL_TOTAL, COL_OPEN):
                    item.setTextAlignment(RIGHT)
                self.setItem(row, column, item)
            if choice.taken_cents:
                check.setToolTip(
                    self.tr("Déjà contesté dans un autre litige : %s")
                    % format_cents(choice.taken_cents)
                )
            # What may still be disputed is the default: most disputes cover it all.
            cents = chosen.get(choice.document_id, choice.disputable_cents)
            edit = QLineEdit(format_cents(cents, symbol=False))
            if not ticked and not choice.disputable_cents:
                check.setFlags(Qt.ItemFlag.NoItemFlags)  # wholly contested elsewhere
                edit.clear()
                edit.setPlaceholderText(self.tr("déjà contestée"))
            edit.setAlignment(RIGHT)
            edit.setAccessibleName(self.tr("Montant contesté de la facture %s") % choice.number)
            edit.setEnabled(ticked)
            edit.textChanged.connect(lambda _t: self.sig_lines_changed.emit())
            holder = FieldWithError(edit)
            self.amounts.append(holder)
            self.setCellWidget(row, COL_DISPUTED, holder)
        self.blockSignals(False)
        self.resizeRowsToContents()

    def _check_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_INVOICE and item.row() < len(self.amounts):
            self.amounts[item.row()].field.setEnabled(self.is_checked(item.row()))
            self.sig_lines_changed.emit()

    def is_checked(self, row: int) -> bool:
        item = self.item(row, COL_INVOICE)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        self.item(row, COL_INVOICE).setCheckState(
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        )

    def amount_edit(self, row: int) -> QLineEdit:
        return self.amounts[row].field  # type: ignore[return-value]

    def checked_rows(self) -> list[int]:
        return [row for row in range(self.rowCount()) if self.is_checked(row)]

    def row_of(self, document_id: int) -> int:
        for row, choice in enumerate(self.choices):
            if choice.document_id == document_id:
                return row
        return -1

    def state(self) -> tuple[tuple[int, str], ...]:
        return tuple(
            (self.choices[row].document_id, self.amount_edit(row).text())
            for row in self.checked_rows()
        )


class DisputeDialog(QDialog):
    """A new dispute (customer fixed or to search) or the edition of an open one."""

    def __init__(
        self,
        services: Services,
        customer_id: int | None = None,
        document_ids: Iterable[int] = (),
        dispute_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dispute_id = dispute_id
        self.saved_id: int | None = None
        self.customer_id: int | None = customer_id
        today = services.context.clock.today()
        detail: DisputeDetail | None = None
        if dispute_id is not None:
            detail = services.disputes.get(dispute_id)
            self.customer_id = detail.row.customer_id
        self.setWindowTitle(self.tr("Modifier le litige") if detail else self.tr("Nouveau litige"))
        self.setMinimumWidth(760)

        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)

        # --- customer: fixed, or searched among the file's customers -------------------
        self.customer_label = QLabel()
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.customer_label.setStyleSheet("QLabel { font-size: 13pt; font-weight: 600; }")
        self.customer_label.setWordWrap(True)
        picker = CustomerPicker(services, self.tr("— choisir un client —"))
        picker.sig_chosen.connect(self._customer_chosen)
        self.picker = picker
        self.customer_search, self.customer_choice = picker.search, picker.choice
        self.customer_picker = self.errors.register("customer_id", FieldWithError(picker))
        fixed = self.customer_id is not None
        self.customer_picker.setVisible(not fixed)
        self.customer_label.setVisible(fixed)

        # --- invoices ------------------------------------------------------------------
        self.invoices = InvoiceTable()
        self.invoices.sig_lines_changed.connect(self._update_total)
        self.lines_hint = QLabel(
            self.tr(
                "Cochez les factures contestées ; le montant contesté est au plus ce qui "
                "reste dû. Les relances continuent sur le reste."
            )
        )
        self.lines_hint.setWordWrap(True)
        self.lines_hint.setStyleSheet("QLabel { color: #555; }")
        self.lines_holder = self.errors.register("lines", FieldWithError(self.lines_hint))
        self.total_label = QLabel()
        self.total_label.setAlignment(RIGHT)
        self.no_invoice = QLabel(self.tr("Ce client n'a aucune facture ouverte à contester."))
        self.no_invoice.setStyleSheet("QLabel { color: #666; padding: 6px; }")
        self.no_invoice.hide()

        # --- the dispute itself --------------------------------------------------------
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Catégorie"))
        for category in DisputeCategory:
            self.category.addItem(category_label(category), category.value)
        self.department = QComboBox()
        self.department.setAccessibleName(self.tr("Service concerné"))
        for department in Department:
            self.department.addItem(department_label(department), department.value)
        self._department_touched = False
        self.category.currentIndexChanged.connect(lambda _i: self._suggest_department())
        self.department.activated.connect(lambda _i: self._touch_department())
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("Ce que le client conteste, avec ses mots : références, quantités, dates…")
        )
        self.description.setFixedHeight(90)
        self.reported_by = QLineEdit()
        self.reported_by.setPlaceholderText(self.tr("Nom de la personne chez le client"))
        self.reported_on = DateEdit(today)
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Responsable du litige"))
        self.owner.addItem(self.tr("(personne)"), None)
        for user in services.reference.users():
            self.owner.addItem(user.name, user.id)
        self.expected_answer_on = OptionalDateEdit(
            today + timedelta(days=DEFAULT_ANSWER_DAYS), default=today
        )
        self.expected_answer_on.setToolTip(
            self.tr("Date à laquelle le service doit avoir répondu (Suppr pour effacer)")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            self.tr("Catégorie *"), self.errors.register("category", FieldWithError(self.category))
        )
        form.addRow(
            self.tr("Description *"),
            self.errors.register("description", FieldWithError(self.description)),
        )
        reported = QWidget()
        reported_layout = QHBoxLayout(reported)
        reported_layout.setContentsMargins(0, 0, 0, 0)
        reported_layout.addWidget(self.reported_by, 1)
        reported_layout.addWidget(QLabel(self.tr("le")))
        reported_layout.addWidget(self.reported_on)
        reported_holder = FieldWithError(reported)
        self.errors.register("reported_by", reported_holder)
        self.errors.register("reported_on", reported_holder)
        form.addRow(self.tr("Signalé par"), reported_holder)
        form.addRow(
            self.tr("Service concerné *"),
            self.errors.register("department", FieldWithError(self.department)),
        )
        form.addRow(
            self.tr("Responsable"), self.errors.register("owner_id", FieldWithError(self.owner))
        )
        form.addRow(
            self.tr("Réponse attendue le"),
            self.errors.register("expected_answer_on", FieldWithError(self.expected_answer_on)),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.customer_label)
        customer_row = QFormLayout()
        customer_caption = QLabel(self.tr("Client *"))
        customer_caption.setVisible(not fixed)
        customer_row.addRow(customer_caption, self.customer_picker)
        layout.addLayout(customer_row)
        layout.addWidget(self.lines_holder)
        layout.addWidget(self.invoices, 1)
        layout.addWidget(self.no_invoice)
        layout.addWidget(self.total_label)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(save_cancel_buttons(self, self.save))

        if detail is not None:
            self._fill_from(detail)
        elif self.customer_id is not None:
            self._load_customer(self.customer_id, set(document_ids))
        else:
            self.search_customers()
        self._suggest_department()
        self._initial = self.state()
        if self.customer_id is None:
            self.customer_search.setFocus()
        else:
            self.description.setFocus()

    # --- customer ------------------------------------------------------------------------

    def search_customers(self) -> None:
        self.picker.search_customers()

    def select_customer(self, customer_id: int) -> None:
        self.picker.select_customer(customer_id)

    def _customer_chosen(self) -> None:
        self.customer_id = self.picker.customer_id
        if self.customer_id is None:
            self.invoices.set_choices([], {})
            self.no_invoice.hide()
            self._update_total()
        else:
            self._load_customer(self.customer_id, set())

    def _load_customer(self, customer_id: int, ticked: set[int]) -> None:
        try:
            customer = self._services.customers.get(customer_id)
        except NotFoundError:
            self.customer_label.setText(self.tr("Client introuvable"))
            return
        self.customer_label.setText(customer.display_name)
        primary = next((c for c in customer.contacts if c.is_primary), None)
        if not self.reported_by.text() and primary is not None:
            self.reported_by.setText(primary.full_name)
        choices = self._open_invoices(customer_id)
        # Nothing asked for: a customer with one open invoice disputes that one.
        if not ticked and len(choices) == 1:
            ticked = {choices[0].document_id}
        ticked = {c.document_id for c in choices if c.document_id in ticked and c.disputable_cents}
        self.invoices.set_choices(
            choices, {c.document_id: c.disputable_cents for c in choices if c.document_id in ticked}
        )
        self.no_invoice.setVisible(not choices)
        self._update_total()

    def _open_invoices(
        self, customer_id: int, own: dict[int, int] | None = None
    ) -> list[InvoiceChoice]:
        """The customer's open invoices; `own` is what this dispute already contests on
        each, which does not count against it."""
        today = self._services.context.clock.today()
        rows = [
            r
            for r in self._services.receivables.customer_documents(
                customer_id, open_only=True, as_of=today
            )
            if DocumentKind(r.kind) is DocumentKind.INVOICE and r.open_cents > 0
        ]
        taken = self._services.disputes.disputed_by_document([r.id for r in rows])
        own = own or {}
        return [
            InvoiceChoice(
                r.id,
                r.number,
                r.issued_on,
                r.due_on,
                r.total_cents,
                r.open_cents,
                max(taken.get(r.id, 0) - own.get(r.id, 0), 0),
            )
            for r in rows
        ]

    def _fill_from(self, detail: DisputeDetail) -> None:
        row = detail.row
        self.customer_label.setText(row.customer_name)
        own = {line.document_id: line.disputed_cents for line in detail.lines}
        choices = {c.document_id: c for c in self._open_invoices(row.customer_id, own)}
        for line in detail.lines:
            # An invoice already in the dispute stays listed even if settled since.
            choices.setdefault(
                line.document_id,
                InvoiceChoice(
                    line.document_id,
                    line.number,
                    line.issued_on,
                    line.due_on,
                    line.total_cents,
                    line.open_cents,
                ),
            )
        ordered = sorted(choices.values(), key=lambda c: (c.due_on, c.number))
        self.invoices.set_choices(
            ordered, {line.document_id: line.disputed_cents for line in detail.lines}
        )
        self._set_combo(self.category, row.category.value)
        self._set_combo(self.department, row.department.value)
        self._department_touched = True  # an existing dispute keeps its department
        self._set_combo(self.owner, row.owner_id)
        self.description.setPlainText(detail.description)
        self.reported_by.setText(detail.reported_by)
        self.reported_on.set_value(row.reported_on)
        self.expected_answer_on.set_value(row.expected_answer_on)
        self._update_total()

    @staticmethod
    def _set_combo(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    # --- behaviour -----------------------------------------------------------------------

    def _touch_department(self) -> None:
        self._department_touched = True

    def _suggest_department(self) -> None:
        if self._department_touched:
            return
        suggested = SUGGESTED_DEPARTMENT[DisputeCategory(self.category.currentData())]
        self._set_combo(self.department, suggested.value)

    def _update_total(self) -> None:
        total = 0
        for row in self.invoices.checked_rows():
            try:
                total += parse_cents(self.invoices.amount_edit(row).text())
            except ValidationError:
                continue
        count = len(self.invoices.checked_rows())
        self.total_label.setText(
            self.tr("%n facture(s) cochée(s) — total contesté : %1", "", count).replace(
                "%1", format_cents(total)
            )
        )

    def state(self) -> tuple[object, ...]:
        """What the user can change, to know whether closing loses anything."""
        return (
            self.customer_id,
            self.invoices.state(),
            self.category.currentData(),
            self.description.toPlainText(),
            self.reported_by.text(),
            self.reported_on.value(),
            self.department.currentData(),
            self.owner.currentData(),
            self.expected_answer_on.value(),
        )

    def draft(self) -> DisputeDraft:
        """The dispute as typed; raises ValidationError when an amount does not parse or no
        customer is chosen (the service checks the rest)."""
        problems: list[FieldError] = []
        lines: list[DisputeLine] = []
        for position, row in enumerate(self.invoices.checked_rows()):
            field = f"lines.{position}.amount"
            try:
                cents = parse_cents(self.invoices.amount_edit(row).text(), field)
            except ValidationError as exc:
                problems += exc.errors
                cents = 0
            lines.append(DisputeLine(self.invoices.choices[row].document_id, cents))
        if self.customer_id is None:
            from desktop.domain.errors import ErrorCode

            problems.append(FieldError("customer_id", ErrorCode.REQUIRED))
        if problems:
            raise ValidationError(problems)
        owner = self.owner.currentData()
        return DisputeDraft(
            customer_id=int(self.customer_id or 0),
            lines=tuple(lines),
            category=DisputeCategory(self.category.currentData()),
            description=self.description.toPlainText(),
            reported_by=self.reported_by.text(),
            reported_on=self.reported_on.value(),
            department=Department(self.department.currentData()),
            owner_id=int(owner) if owner is not None else None,
            expected_answer_on=self.expected_answer_on.value(),
        )

    def _register_line_errors(self) -> None:
        """Line errors are named by the position among the ticked invoices."""
        for holder in self.invoices.amounts:
            holder.error.show_message("")
        for position, row in enumerate(self.invoices.checked_rows()):
            holder = self.invoices.amounts[row]
            self.errors.register(f"lines.{position}.amount", holder)
            self.errors.register(f"lines.{position}.document", holder)

    def save(self) -> None:
        self._register_line_errors()
        self.errors.clear()
        try:
            draft = self.draft()
            if self._dispute_id is None:
                self.saved_id = self._services.disputes.open(draft)
            else:
                self._services.disputes.update(self._dispute_id, draft)
                self.saved_id = self._dispute_id
        except ValidationError as exc:
            self.errors.show(exc.errors)
            self.invoices.resizeRowsToContents()
            return
        except DisputeError as exc:
            self.general_error.show_message(dispute_problem_message(exc.code))
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or the close button: confirm first if something was typed."""
        if self.state() != self._initial and not confirm_discard(self):
            return
        super().reject()


def open_dispute_dialog(
    services: Services,
    customer_id: int | None,
    document_ids: Iterable[int] = (),
    parent: QWidget | None = None,
) -> int | None:
    """Ask for a new dispute (customer fixed when given); returns its id once saved."""
    if services.database.read_only:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Disputes", "Litige"),
            QCoreApplication.translate(
                "Disputes",
                "Ce fichier est ouvert en lecture seule : aucun litige ne peut être ouvert.",
            ),
        )
        return None
    dialog = DisputeDialog(services, customer_id, document_ids, parent=parent)
    return dialog.saved_id if dialog.exec() else None
