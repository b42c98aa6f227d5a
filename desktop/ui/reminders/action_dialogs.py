"""Dialogs of the day's actions: log a call (and maybe a promise to pay), record a promise,
hand a reminder to the salesperson. Each validates through its service and shows the
problems next to the fields; nothing is saved until every field is right."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CallOutcome, Profile
from desktop.domain.errors import ValidationError
from desktop.domain.money import format_cents, parse_cents
from desktop.services.promises import DEFAULT_GRACE_DAYS, PromiseDraft
from desktop.services.registry import Services
from desktop.services.reminders import ReminderRow
from desktop.ui.dates import DateEdit
from desktop.ui.reminders.labels import outcome_label
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError, save_cancel_buttons


class PromiseFields:
    """Date, amount and grace period of a promise to pay, with their error labels."""

    def __init__(self, form: QFormLayout, errors: ErrorMap, today: date, amount_cents: int) -> None:
        self.promised_for = DateEdit(today + timedelta(days=7))
        self.amount = QLineEdit(
            format_cents(amount_cents, symbol=False) if amount_cents > 0 else ""
        )
        self.amount.setPlaceholderText("1 234,56")
        self.grace = QSpinBox()
        self.grace.setRange(0, 30)
        self.grace.setValue(DEFAULT_GRACE_DAYS)
        self.grace.setSuffix(QCoreApplication.translate("ActionDialogs", " jour(s)"))
        form.addRow(
            QCoreApplication.translate("ActionDialogs", "Paiement promis le *"),
            errors.register("promised_for", FieldWithError(self.promised_for)),
        )
        form.addRow(
            QCoreApplication.translate("ActionDialogs", "Montant promis *"),
            errors.register("amount", FieldWithError(self.amount)),
        )
        form.addRow(
            QCoreApplication.translate("ActionDialogs", "Délai de grâce"),
            errors.register("grace_days", FieldWithError(self.grace)),
        )

    def draft(self, notes: str) -> PromiseDraft:
        """Raises ValidationError on field "amount" when the amount does not parse."""
        return PromiseDraft(
            promised_for=self.promised_for.value(),
            amount_cents=parse_cents(self.amount.text()),
            grace_days=self.grace.value(),
            notes=notes,
        )


def _summary(row: ReminderRow) -> QLabel:
    label = QLabel(f"{row.customer_name} — {row.level_name} — {format_cents(row.total_cents)}")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { font-weight: 600; }")
    return label


class CallDialog(QDialog):
    """What came of a call: outcome, notes, and the promise when the customer made one.
    Saving closes the action as done."""

    def __init__(self, services: Services, row: ReminderRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._row = row
        self.promise_id: int | None = None
        self.setWindowTitle(self.tr("Compte rendu d'appel"))
        self.setMinimumWidth(460)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.outcome = QComboBox()
        for outcome in CallOutcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Ce que le client a dit, à qui vous avez parlé…"))
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("Résultat"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        self.promise_box = QGroupBox(self.tr("Promesse de paiement"))
        promise_form = QFormLayout(self.promise_box)
        self.promise = PromiseFields(
            promise_form, self.errors, services.context.clock.today(), row.total_cents
        )
        # « Conteste la facture »: the dispute itself is opened once the call is saved.
        self.open_dispute = QCheckBox(self.tr("Ouvrir un litige après l'enregistrement"))
        self.open_dispute.setChecked(True)
        self.outcome.currentIndexChanged.connect(self._update)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(_summary(row))
        layout.addLayout(form)
        layout.addWidget(self.promise_box)
        layout.addWidget(self.open_dispute)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._update()

    def _outcome(self) -> CallOutcome:
        return CallOutcome(self.outcome.currentData())

    def _update(self) -> None:
        self.promise_box.setVisible(self._outcome() is CallOutcome.PROMISE)
        self.open_dispute.setVisible(self._outcome() is CallOutcome.DISPUTE)
        self.adjustSize()

    @property
    def dispute_requested(self) -> bool:
        """Saved as « Conteste la facture » with « Ouvrir un litige » ticked."""
        return self._outcome() is CallOutcome.DISPUTE and self.open_dispute.isChecked()

    def save(self) -> None:
        notes = self.notes.toPlainText()
        try:
            draft = self.promise.draft(notes) if self._outcome() is CallOutcome.PROMISE else None
            self.promise_id = self._services.reminders.record_call(
                self._row.id, self._outcome(), notes, draft
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()


class PromiseDialog(QDialog):
    """A promise to pay recorded outside a call (a letter, a visit, an e-mail)."""

    def __init__(
        self,
        services: Services,
        customer_id: int,
        customer_name: str,
        amount_cents: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Promesse de paiement"))
        self.setMinimumWidth(420)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.promise = PromiseFields(
            form, self.errors, services.context.clock.today(), amount_cents
        )
        self.notes = QLineEdit()
        form.addRow(self.tr("Notes"), self.notes)
        title = QLabel(customer_name)
        title.setStyleSheet("QLabel { font-weight: 600; }")
        hint = QLabel(
            self.tr(
                "Les relances de ce client sont suspendues jusqu'à la date promise plus le "
                "délai de grâce ; la promesse est ensuite vérifiée."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #555; }")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.general_error)
        layout.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        try:
            self._services.promises.record(
                self._customer_id,
                **_promise_kwargs(self.promise.draft(self.notes.text())),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()


def _promise_kwargs(draft: PromiseDraft) -> dict[str, object]:
    return {
        "promised_for": draft.promised_for,
        "amount_cents": draft.amount_cents,
        "grace_days": draft.grace_days,
        "notes": draft.notes,
    }


class HandoffDialog(QDialog):
    """Hand a reminder to a salesperson: who, and what to say (prefilled, editable)."""

    def __init__(self, services: Services, row: ReminderRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._row = row
        self.task_id: int | None = None
        self.setWindowTitle(self.tr("Transmettre au commercial"))
        self.setMinimumWidth(520)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.assignee = QComboBox()
        people = services.reference.users(Profile.SALESPERSON) or services.reference.users()
        for user in people:
            self.assignee.addItem(user.name, user.id)
        preferred = row.assignee_id
        if preferred is None:
            preferred = services.customers.get(row.customer_id).draft.salesperson_id
        index = self.assignee.findData(preferred) if preferred is not None else -1
        self.assignee.setCurrentIndex(index if index >= 0 else 0)
        self.instructions = QPlainTextEdit(services.tasks.handoff_text(row.id))
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMinimumHeight(180)
        form.addRow(
            self.tr("Commercial *"), self.errors.register("assignee", FieldWithError(self.assignee))
        )
        form.addRow(
            self.tr("Ce qu'il faut dire *"),
            self.errors.register("instructions", FieldWithError(self.instructions)),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(_summary(row))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        assignee = self.assignee.currentData()
        try:
            self.task_id = self._services.tasks.hand_to_salesperson(
                self._row.id,
                self.instructions.toPlainText(),
                int(assignee) if assignee is not None else None,
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
