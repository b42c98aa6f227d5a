"""Small editors on the customer page: a contact, an external rating."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customer import RatingDraft
from desktop.domain.enums import RatingSource
from desktop.domain.errors import ValidationError
from desktop.services.customers import ContactData
from desktop.services.registry import Services
from desktop.ui.dates import DateEdit
from desktop.ui.messages import rating_source_label
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError, save_cancel_buttons


class ContactDialog(QDialog):
    def __init__(
        self,
        services: Services,
        customer_id: int,
        contact: ContactData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id = customer_id
        self._contact_id = contact.id if contact else None
        self.setWindowTitle(self.tr("Contact"))
        self.setMinimumWidth(420)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.first_name = QLineEdit(contact.first_name if contact else "")
        self.last_name = QLineEdit(contact.last_name if contact else "")
        self.role = QLineEdit(contact.role if contact else "")
        self.role.setPlaceholderText(self.tr("ex. : Comptable, Gérant, Responsable achats"))
        self.email = QLineEdit(contact.email if contact else "")
        self.phone = QLineEdit(contact.phone if contact else "")
        self.is_primary = QCheckBox(self.tr("Contact principal"))
        self.is_primary.setChecked(bool(contact and contact.is_primary))
        self.receives_reminders = QCheckBox(self.tr("Destinataire des relances"))
        self.receives_reminders.setChecked(bool(contact and contact.receives_reminders))
        self.notes = QLineEdit(contact.notes if contact else "")
        self.notes.setPlaceholderText(self.tr("ex. : joignable le matin, préfère le courrier"))
        form.addRow(self.tr("Prénom"), self.first_name)
        form.addRow(
            self.tr("Nom *"), self.errors.register("last_name", FieldWithError(self.last_name))
        )
        form.addRow(self.tr("Fonction"), self.role)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Téléphone"), self.phone)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.is_primary)
        form.addRow("", self.receives_reminders)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> None:
        data = ContactData(
            id=self._contact_id,
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            role=self.role.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            is_primary=self.is_primary.isChecked(),
            receives_reminders=self.receives_reminders.isChecked(),
            notes=self.notes.text(),  # passed back, or editing would wipe the notes
        )
        try:
            self._services.customers.save_contact(self._customer_id, data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()


class RatingDialog(QDialog):
    def __init__(self, services: Services, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Notation externe"))
        self.setMinimumWidth(420)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.source = QComboBox()
        for source in RatingSource:
            self.source.addItem(rating_source_label(source), source.value)
        self.value = QLineEdit()
        self.value.setPlaceholderText(
            self.tr("ex. : 4+ (Banque de France), 6 (Coface), 72 (Creditsafe)")
        )
        self.rated_on = DateEdit(services.context.clock.today())
        self.comment = QLineEdit()
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Note *"), self.errors.register("value", FieldWithError(self.value)))
        form.addRow(
            self.tr("Date de la note"),
            self.errors.register("rated_on", FieldWithError(self.rated_on)),
        )
        form.addRow(self.tr("Commentaire"), self.comment)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> None:
        draft = RatingDraft(
            source=RatingSource(self.source.currentData()),
            value=self.value.text(),
            rated_on=self.rated_on.value(),
            comment=self.comment.text(),
        )
        try:
            self._services.customers.add_rating(self._customer_id, draft)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
