"""Paramètres: the company's own details, the team (users and profiles), the segments, and
the dated rate table the late-payment penalties read (Taux légaux)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Profile, RateKind
from desktop.domain.errors import ValidationError
from desktop.domain.penalties import format_rate, parse_rate_bp
from desktop.services.registry import Services
from desktop.ui.company_form import CompanyForm
from desktop.ui.dates import OptionalDateEdit, format_date
from desktop.ui.messages import field_error_message, profile_label, rate_kind_label
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError, save_cancel_buttons


class SettingsPage(QWidget):
    sig_reference_changed = Signal()
    sig_company_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        title = QLabel(self.tr("Paramètres"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")

        company_box = QGroupBox(self.tr("Votre entreprise (en-tête des courriers)"))
        company_layout = QVBoxLayout(company_box)
        self.company_form = CompanyForm()
        self.save_company_button = QPushButton(self.tr("Enregistrer les coordonnées"))
        self.save_company_button.clicked.connect(self.save_company)
        self.company_saved = QLabel()
        self.company_saved.setStyleSheet("QLabel { color: #1e6b34; }")
        row = QHBoxLayout()
        row.addWidget(self.save_company_button)
        row.addWidget(self.company_saved, 1)
        company_layout.addWidget(self.company_form)
        company_layout.addLayout(row)

        team_box = QGroupBox(self.tr("Équipe"))
        team_layout = QVBoxLayout(team_box)
        self.users = QTreeWidget()
        self.users.setRootIsDecorated(False)
        self.users.setHeaderLabels(
            [self.tr("Nom"), self.tr("Profil"), self.tr("E-mail"), self.tr("Code PIN")]
        )
        self.users.setColumnWidth(0, 220)
        self.users.setColumnWidth(1, 180)
        self.users.setMinimumHeight(160)
        add_user_row = QHBoxLayout()
        self.user_name = QLineEdit()
        self.user_name.setPlaceholderText(self.tr("Prénom Nom"))
        self.user_name.setAccessibleName(self.tr("Nom du nouvel utilisateur"))
        self.user_profile = QComboBox()
        self.user_profile.setAccessibleName(self.tr("Profil du nouvel utilisateur"))
        for profile in Profile:
            self.user_profile.addItem(profile_label(profile), profile.value)
        self.user_profile.setCurrentIndex(self.user_profile.findData(Profile.SALESPERSON.value))
        add_user = QPushButton(self.tr("Ajouter"))
        add_user.clicked.connect(self.add_user)
        self.user_name.returnPressed.connect(self.add_user)
        add_user_row.addWidget(self.user_name, 2)
        add_user_row.addWidget(self.user_profile, 1)
        add_user_row.addWidget(add_user)
        team_layout.addWidget(self.users)
        team_layout.addLayout(add_user_row)
        member_row = QHBoxLayout()
        self.pin_button = QPushButton(self.tr("Code PIN…"))
        self.pin_button.setToolTip(self.tr("Code demandé quand cette personne choisit son nom"))
        self.pin_button.clicked.connect(self.edit_pin)
        self.active_button = QPushButton(self.tr("Désactiver"))
        self.active_button.setToolTip(
            self.tr(
                "Une personne partie n'apparaît plus dans les listes ; son nom reste sur son travail"
            )
        )
        self.active_button.clicked.connect(self.toggle_active)
        member_row.addWidget(self.pin_button)
        member_row.addWidget(self.active_button)
        member_row.addStretch(1)
        team_layout.addLayout(member_row)
        self.users.currentItemChanged.connect(lambda *_a: self._update_user_buttons())

        segments_box = QGroupBox(self.tr("Segments de clientèle"))
        segments_layout = QVBoxLayout(segments_box)
        self.segments = QTreeWidget()
        self.segments.setRootIsDecorated(False)
        self.segments.setHeaderLabels(
            [self.tr("Segment"), self.tr("Clients"), self.tr("Description")]
        )
        self.segments.setColumnWidth(0, 220)
        self.segments.setMinimumHeight(140)
        add_segment = QPushButton(self.tr("Nouveau segment…"))
        add_segment.clicked.connect(self.add_segment)
        segments_layout.addWidget(self.segments)
        segments_layout.addWidget(add_segment)
        self.plans_button = QPushButton(self.tr("Plans de relance…"))
        self.plans_button.setToolTip(
            self.tr("Niveaux, canaux, délais et modèles des relances ; plan de chaque segment")
        )
        self.plans_button.clicked.connect(self.edit_plans)
        segments_layout.addWidget(self.plans_button)
        self.schedule_templates_button = QPushButton(self.tr("Modèles d'échéancier…"))
        self.schedule_templates_button.setToolTip(
            self.tr("Échéanciers de paiement des propositions : jalons, mensualités, délais")
        )
        self.schedule_templates_button.clicked.connect(self.edit_schedule_templates)
        segments_layout.addWidget(self.schedule_templates_button)
        self.templates_button = QPushButton(self.tr("Modèles de courriers…"))
        self.templates_button.setToolTip(
            self.tr("Textes des relances et mises en demeure, en français et en anglais")
        )
        self.templates_button.clicked.connect(self.edit_templates)
        segments_layout.addWidget(self.templates_button)

        rates_box = QGroupBox(self.tr("Taux légaux"))
        rates_layout = QVBoxLayout(rates_box)
        rates_help = QLabel(
            self.tr(
                "Les pénalités de retard lisent ces taux datés : ajoutez chaque nouveau taux "
                "publié (BCE, taux d'intérêt légal, taux belge) à sa date d'effet."
            )
        )
        rates_help.setWordWrap(True)
        self.rates = QTreeWidget()
        self.rates.setRootIsDecorated(False)
        self.rates.setAccessibleName(self.tr("Taux légaux"))
        self.rates.setHeaderLabels(
            [self.tr("Type"), self.tr("À partir du"), self.tr("Taux"), self.tr("Source")]
        )
        self.rates.setColumnWidth(0, 260)
        self.rates.setColumnWidth(1, 90)
        self.rates.setColumnWidth(2, 70)
        self.rates.setMinimumHeight(180)
        self.rates.currentItemChanged.connect(lambda *_a: self._update_rate_buttons())
        self.add_rate_button = QPushButton(self.tr("Ajouter un taux…"))
        self.add_rate_button.clicked.connect(self.add_rate)
        self.delete_rate_button = QPushButton(self.tr("Supprimer le taux"))
        self.delete_rate_button.setToolTip(
            self.tr("Seuls les taux que vous avez ajoutés peuvent être supprimés.")
        )
        self.delete_rate_button.clicked.connect(self.delete_rate)
        rate_buttons = QHBoxLayout()
        rate_buttons.addWidget(self.add_rate_button)
        rate_buttons.addWidget(self.delete_rate_button)
        rate_buttons.addStretch(1)
        rates_layout.addWidget(rates_help)
        rates_layout.addWidget(self.rates)
        rates_layout.addLayout(rate_buttons)

        right = QVBoxLayout()
        right.addWidget(team_box)
        right.addWidget(segments_box)
        right.addWidget(rates_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(company_box, 1)
        columns.addLayout(right, 1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(title)
        content_layout.addLayout(columns)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.reload()

    def reload(self) -> None:
        profile = self._services.company.get()
        if profile is not None:
            self.company_form.load(profile)
        self.users.clear()
        self._team = {u.id: u for u in self._services.reference.users(active_only=False)}
        for user in self._team.values():
            profile = profile_label(user.profile)
            if not user.active:
                profile = self.tr("%s (désactivé)") % profile
            item = QTreeWidgetItem(
                [user.name, profile, user.email, self.tr("Oui") if user.has_pin else "—"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, user.id)
            if not user.active:
                for column in range(4):
                    item.setForeground(column, Qt.GlobalColor.gray)
            self.users.addTopLevelItem(item)
        self._update_user_buttons()
        self.segments.clear()
        for segment in self._services.reference.segments():
            self.segments.addTopLevelItem(
                QTreeWidgetItem([segment.name, str(segment.customer_count), segment.description])
            )
        self.reload_rates()

    def reload_rates(self) -> None:
        """List the rate table by kind, newest first."""
        self.rates.clear()
        for rate in self._services.penalties.rates():
            item = QTreeWidgetItem(
                [
                    rate_kind_label(rate.kind),
                    format_date(rate.valid_from),
                    format_rate(rate.rate_bp),
                    rate.source,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, rate.id)
            item.setData(1, Qt.ItemDataRole.UserRole, rate.user_added)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rates.addTopLevelItem(item)
        self._update_rate_buttons()

    def _update_rate_buttons(self) -> None:
        item = self.rates.currentItem()
        self.delete_rate_button.setEnabled(
            item is not None and bool(item.data(1, Qt.ItemDataRole.UserRole))
        )

    def add_rate(self) -> RateDialog:
        """Open the « Ajouter un taux » dialog (window-modal); the list reloads once saved."""
        dialog = RateDialog(self._services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload_rates)
        dialog.open()
        return dialog

    def delete_rate(self) -> None:
        item = self.rates.currentItem()
        if item is None or not item.data(1, Qt.ItemDataRole.UserRole):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Taux légaux"),
            self.tr("Supprimer le taux « %1 » du %2 ?")
            .replace("%1", item.text(0))
            .replace("%2", item.text(1)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.penalties.delete_rate(int(item.data(0, Qt.ItemDataRole.UserRole)))
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Taux légaux"), field_error_message(exc.errors[0]))
            return
        self.reload_rates()

    def save_company(self) -> None:
        try:
            self._services.company.save(self.company_form.profile())
        except ValidationError as exc:
            self.company_form.show_errors(exc.errors)
            self.company_saved.setText("")
            return
        self.company_form.errors.clear()
        self.company_saved.setText(self.tr("Coordonnées enregistrées."))
        self.reload()
        self.sig_company_changed.emit()

    def add_user(self) -> None:
        try:
            self._services.reference.add_user(
                self.user_name.text(), Profile(self.user_profile.currentData())
            )
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Utilisateur"), field_error_message(exc.errors[0]))
            return
        self.user_name.clear()
        self.reload()
        self.sig_reference_changed.emit()

    def _selected_user(self):  # type: ignore[no-untyped-def]
        item = self.users.currentItem()
        return self._team.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def _update_user_buttons(self) -> None:
        user = self._selected_user()
        self.pin_button.setEnabled(user is not None and user.active)
        self.active_button.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("Réactiver") if user is not None and not user.active else self.tr("Désactiver")
        )

    def _may_manage(self, user_id: int) -> bool:
        """The owner manages the team; anyone else only their own PIN."""
        identity = self._services.identity
        if identity.profile is Profile.OWNER or identity.user_id == user_id:
            return True
        QMessageBox.warning(
            self,
            self.tr("Équipe"),
            self.tr("Seul le dirigeant peut modifier les autres membres de l'équipe."),
        )
        return False

    def edit_pin(self) -> None:
        from desktop.ui.pin_dialog import PinDialog

        user = self._selected_user()
        if user is None or not self._may_manage(user.id):
            return
        if PinDialog(self._services, user, self).exec():
            self.reload()

    def toggle_active(self) -> None:
        user = self._selected_user()
        if user is None or not self._may_manage(user.id):
            return
        if user.active and user.id == self._services.identity.user_id:
            QMessageBox.warning(
                self, self.tr("Équipe"), self.tr("Vous ne pouvez pas vous désactiver vous-même.")
            )
            return
        self._services.reference.set_user_active(user.id, not user.active)
        self.reload()
        self.sig_reference_changed.emit()

    def edit_templates(self) -> None:
        from desktop.ui.letters.template_editor import TemplateEditorDialog

        TemplateEditorDialog(self._services, self).exec()

    def edit_schedule_templates(self) -> None:
        from desktop.ui.proposals.templates_dialog import TemplatesDialog

        TemplatesDialog(self._services, self).exec()

    def edit_plans(self) -> None:
        from desktop.ui.reminders.plan_editor import PlanEditorDialog

        PlanEditorDialog(self._services, self).exec()
        self.reload()

    def add_segment(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Nouveau segment"), self.tr("Nom du segment :")
        )
        if not ok:
            return
        try:
            self._services.reference.add_segment(name)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Segment"), field_error_message(exc.errors[0]))
            return
        self.reload()
        self.sig_reference_changed.emit()


class RateDialog(QDialog):
    """A new row of the rate table: kind, date of effect, rate in %, source."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Ajouter un taux"))
        self.setMinimumWidth(520)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in RateKind:
            self.kind.addItem(rate_kind_label(kind), kind.value)
        self._row(form, self.tr("Type"), "kind", self.kind)
        self.valid_from = OptionalDateEdit(default=services.context.clock.today())
        self._row(form, self.tr("À partir du"), "valid_from", self.valid_from)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("3,15")
        self._row(form, self.tr("Taux (%)"), "rate_bp", self.rate)
        self.source = QLineEdit()
        self.source.setMaxLength(200)
        self.source.setPlaceholderText(self.tr("Arrêté du …, communiqué de la BCE du …"))
        self._row(form, self.tr("Source"), "source", self.source)
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        form.addRow(label, self.errors.register(name, FieldWithError(widget)))

    def save(self) -> None:
        """Validate through the service; errors are shown next to their fields."""
        try:
            rate_bp = parse_rate_bp(self.rate.text(), "rate_bp")
            self.saved_id = self._services.penalties.add_rate(
                RateKind(self.kind.currentData()),
                self.valid_from.value(),
                rate_bp,
                self.source.text(),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
