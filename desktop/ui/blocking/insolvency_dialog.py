"""« Procédure collective… »: record the proceeding; the customer is blocked at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import InsolvencyKind
from desktop.domain.errors import ValidationError
from desktop.services.registry import Services
from desktop.ui.dates import DateEdit, OptionalDateEdit
from desktop.ui.messages import insolvency_label
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError, save_cancel_buttons


class InsolvencyDialog(QDialog):
    """Kind, opening judgment, BODACC publication (may come later) and an optional note."""

    def __init__(self, services: Services, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id = customer_id
        self.decision_id: int | None = None
        self.setWindowTitle(self.tr("Procédure collective"))
        self.setMinimumWidth(480)
        detail = services.customers.get(customer_id).draft
        today = services.context.clock.today()

        intro = QLabel(
            self.tr(
                "À partir du jugement d'ouverture, les relances et les pénalités s'arrêtent "
                "et le client est bloqué. La déclaration de créance doit parvenir au "
                "mandataire dans les 2 mois de la publication au BODACC."
            )
        )
        intro.setWordWrap(True)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()

        self.kind = QComboBox()
        for kind in InsolvencyKind:
            self.kind.addItem(insolvency_label(kind), kind.value)
        if detail.insolvency_kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(detail.insolvency_kind.value))
        self.opened_on = DateEdit(detail.insolvency_opened_on or today)
        self.published_on = OptionalDateEdit(detail.bodacc_published_on, default=today)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("facultatif : tribunal, n° de jugement…"))
        for label, name, widget in (
            (self.tr("Procédure"), "insolvency_kind", self.kind),
            (self.tr("Jugement d'ouverture"), "insolvency_opened_on", self.opened_on),
            (self.tr("Publication au BODACC"), "bodacc_published_on", self.published_on),
            (self.tr("Note"), "reason", self.note),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, self.errors.register(name, FieldWithError(widget)))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        try:
            self.decision_id = self._services.blocking.record_insolvency(
                self.customer_id,
                InsolvencyKind(self.kind.currentData()),
                self.opened_on.value(),
                self.published_on.value(),
                self.note.text(),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
