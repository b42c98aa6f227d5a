"""The visit report a salesperson fills after a visit: what they saw, rated, plus text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Assessment, ObservationTopic
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.visit import Observation, VisitReportDraft
from desktop.services.registry import Services
from desktop.ui.dates import DateEdit, OptionalDateEdit
from desktop.ui.messages import assessment_label, topic_label
from desktop.ui.widgets import (
    ErrorLabel,
    ErrorMap,
    FieldWithError,
    confirm_discard,
    save_cancel_buttons,
)

ASSESSMENT_ORDER = (
    Assessment.REASSURING,
    Assessment.NEUTRAL,
    Assessment.WORRYING,
    Assessment.NOT_OBSERVED,
)


class VisitReportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        customer_id: int,
        report_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id = customer_id
        self.report_id = report_id
        self.saved_id: int | None = None
        customer = services.customers.get(customer_id)
        self.setWindowTitle(self.tr("Rapport de visite — %s") % customer.display_name)
        self.resize(820, 760)
        today = services.context.clock.today()

        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)

        intro = QLabel(
            self.tr(
                "Notez ce que vous avez vu sur place, objectivement. Le service crédit décide ; "
                "votre regard compte dans sa décision."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("QLabel { color: #444; }")

        head = QFormLayout()
        self.visit_date = DateEdit(today)
        self.visit_date.setAccessibleName(self.tr("Date de la visite"))
        head.addRow(
            self.tr("Date de la visite"),
            self.errors.register("visit_date", FieldWithError(self.visit_date)),
        )
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Auteur"))
        self.author.addItem(self.tr("— non précisé —"), None)
        for user in services.reference.users():
            self.author.addItem(user.name, user.id)
        default_author = customer.draft.salesperson_id
        if default_author is not None:
            self.author.setCurrentIndex(max(self.author.findData(default_author), 0))
        head.addRow(self.tr("Commercial"), self.author)
        self.attendees = QLineEdit()
        self.attendees.setAccessibleName(self.tr("Personnes rencontrées"))
        self.attendees.setPlaceholderText(
            self.tr("ex. : M. Martin (gérant) et Mme Leroy (comptable)")
        )
        head.addRow(self.tr("Personnes rencontrées"), self.attendees)

        observations_box = QGroupBox(self.tr("Observations sur place"))
        grid = QGridLayout(observations_box)
        grid.addWidget(QLabel(""), 0, 0)
        for column, assessment in enumerate(ASSESSMENT_ORDER, start=1):
            header = QLabel(assessment_label(assessment))
            header.setStyleSheet("QLabel { font-weight: 600; }")
            grid.addWidget(header, 0, column)
        grid.addWidget(QLabel(self.tr("Commentaire")), 0, len(ASSESSMENT_ORDER) + 1)
        self._groups: dict[ObservationTopic, QButtonGroup] = {}
        self._comments: dict[ObservationTopic, QLineEdit] = {}
        for row, topic in enumerate(ObservationTopic, start=1):
            grid.addWidget(QLabel(topic_label(topic)), row, 0)
            group = QButtonGroup(self)
            for column, assessment in enumerate(ASSESSMENT_ORDER, start=1):
                button = QRadioButton()
                button.setAccessibleName(
                    self.tr("%s : %s") % (topic_label(topic), assessment_label(assessment))
                )
                button.setProperty("assessment", assessment.value)
                group.addButton(button, column)
                grid.addWidget(button, row, column)
                if assessment is Assessment.NOT_OBSERVED:
                    button.setChecked(True)
            comment = QLineEdit()
            comment.setAccessibleName(self.tr("Commentaire : %s") % topic_label(topic))
            grid.addWidget(comment, row, len(ASSESSMENT_ORDER) + 1)
            self._groups[topic] = group
            self._comments[topic] = comment
        grid.setColumnStretch(len(ASSESSMENT_ORDER) + 1, 1)

        details = QFormLayout()
        self.terms_reminded = QComboBox()
        self.terms_reminded.setAccessibleName(self.tr("Délai de paiement rappelé"))
        self.terms_reminded.addItem(self.tr("— non précisé —"), None)
        self.terms_reminded.addItem(self.tr("Oui, le délai convenu a été rappelé"), True)
        self.terms_reminded.addItem(self.tr("Non"), False)
        details.addRow(self.tr("Délai de paiement rappelé"), self.terms_reminded)
        self.approval_circuit = QPlainTextEdit()
        self.approval_circuit.setAccessibleName(self.tr("Circuit de validation des factures"))
        self.approval_circuit.setPlaceholderText(
            self.tr("Qui valide les factures chez le client, quand, et qui les paie ?")
        )
        self.approval_circuit.setFixedHeight(60)
        details.addRow(self.tr("Circuit de validation des factures"), self.approval_circuit)
        self.for_credit = QPlainTextEdit()
        self.for_credit.setAccessibleName(self.tr("À l'attention du service crédit"))
        self.for_credit.setFixedHeight(60)
        details.addRow(self.tr("À l'attention du service crédit"), self.for_credit)
        self.free_text = QPlainTextEdit()
        self.free_text.setAccessibleName(self.tr("Compte rendu libre"))
        self.free_text.setFixedHeight(90)
        details.addRow(self.tr("Compte rendu"), self.free_text)
        self.next_visit = OptionalDateEdit(default=today)
        self.next_visit.setAccessibleName(self.tr("Prochaine visite"))
        details.addRow(
            self.tr("Prochaine visite"),
            self.errors.register("next_visit_on", FieldWithError(self.next_visit)),
        )

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(intro)
        content_layout.addLayout(head)
        content_layout.addWidget(observations_box)
        content_layout.addLayout(details)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.buttons = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        if report_id is not None:
            self._load(report_id)
        self._initial = self.draft()

    def reject(self) -> None:
        """Cancel, Esc or the close button: confirm first if something was typed."""
        if self.draft() != self._initial and not confirm_discard(self):
            return
        super().reject()

    def set_assessment(self, topic: ObservationTopic, assessment: Assessment) -> None:
        for button in self._groups[topic].buttons():
            if button.property("assessment") == assessment.value:
                button.setChecked(True)

    def set_comment(self, topic: ObservationTopic, text: str) -> None:
        self._comments[topic].setText(text)

    def _load(self, report_id: int) -> None:
        data = self._services.visits.get(report_id)
        d = data.draft
        self.visit_date.set_value(d.visit_date)
        self.author.setCurrentIndex(max(self.author.findData(d.author_id), 0))
        self.attendees.setText(d.attendees)
        for obs in d.observations:
            self.set_assessment(obs.topic, obs.assessment)
            self._comments[obs.topic].setText(obs.comment)
        self.terms_reminded.setCurrentIndex(
            max(self.terms_reminded.findData(d.payment_terms_reminded), 0)
        )
        if d.payment_terms_reminded is None:
            self.terms_reminded.setCurrentIndex(0)
        self.approval_circuit.setPlainText(d.approval_circuit)
        self.for_credit.setPlainText(d.for_credit_management)
        self.free_text.setPlainText(d.free_text)
        self.next_visit.set_value(d.next_visit_on)

    def draft(self) -> VisitReportDraft:
        observations = []
        for topic, group in self._groups.items():
            checked = group.checkedButton()
            assessment = (
                Assessment(checked.property("assessment")) if checked else Assessment.NOT_OBSERVED
            )
            observations.append(Observation(topic, assessment, self._comments[topic].text()))
        return VisitReportDraft(
            customer_id=self.customer_id,
            visit_date=self.visit_date.value(),
            author_id=self.author.currentData(),
            attendees=self.attendees.text(),
            observations=tuple(observations),
            payment_terms_reminded=self.terms_reminded.currentData(),
            approval_circuit=self.approval_circuit.toPlainText(),
            for_credit_management=self.for_credit.toPlainText(),
            free_text=self.free_text.toPlainText(),
            next_visit_on=self.next_visit.value(),
        )

    def save(self) -> None:
        try:
            if self.report_id is None:
                self.saved_id = self._services.visits.create(self.draft())
            else:
                self._services.visits.update(self.report_id, self.draft())
                self.saved_id = self.report_id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.errors.show(errors)
