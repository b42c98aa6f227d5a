"""Paramètres: the company's own details, the team (users and profiles), the segments."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from desktop.domain.enums import Profile
from desktop.domain.errors import ValidationError
from desktop.services.registry import Services
from desktop.ui.company_form import CompanyForm
from desktop.ui.messages import field_error_message, profile_label


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
        self.users.setHeaderLabels([self.tr("Nom"), self.tr("Profil"), self.tr("E-mail")])
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

        right = QVBoxLayout()
        right.addWidget(team_box)
        right.addWidget(segments_box)
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
        for user in self._services.reference.users(active_only=False):
            self.users.addTopLevelItem(
                QTreeWidgetItem([user.name, profile_label(user.profile), user.email])
            )
        self.segments.clear()
        for segment in self._services.reference.segments():
            self.segments.addTopLevelItem(
                QTreeWidgetItem([segment.name, str(segment.customer_count), segment.description])
            )

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
