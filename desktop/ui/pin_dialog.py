"""Set, change or remove the PIN a team member types when picking their name at start."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.services.reference import UserData
from desktop.services.registry import Services
from desktop.ui.messages import field_error_message


class PinDialog(QDialog):
    def __init__(self, services: Services, user: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._user = user
        self.setWindowTitle(self.tr("Code PIN de %s") % user.name)
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "Le code PIN (4 à 8 chiffres) est demandé quand %s choisit son nom au "
                "démarrage : personne ne travaille sous le nom d'un autre par mégarde."
            )
            % user.name
        )
        intro.setWordWrap(True)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self)
        self.pin = QLineEdit()
        self.confirmation = QLineEdit()
        for field, name in (
            (self.pin, self.tr("Nouveau code PIN")),
            (self.confirmation, self.tr("Confirmation du code PIN")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setValidator(digits)
            field.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("Nouveau code PIN :"), self.pin)
        form.addRow(self.tr("Confirmation :"), self.confirmation)
        self.error = QLabel()
        self.error.setStyleSheet("QLabel { color: #b3261e; }")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.remove_button = buttons.addButton(
            self.tr("Retirer le code PIN"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setVisible(user.has_pin)
        self.remove_button.clicked.connect(self.remove)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.pin.setFocus()

    def save(self) -> None:
        if self.pin.text() != self.confirmation.text():
            self.error.setText(self.tr("Les deux codes ne sont pas identiques."))
            self.confirmation.clear()
            self.confirmation.setFocus()
            return
        try:
            self._services.reference.set_pin(self._user.id, self.pin.text())
        except ValidationError as exc:
            self.error.setText(field_error_message(exc.errors[0]))
            self.pin.setFocus()
            return
        self.accept()

    def remove(self) -> None:
        self._services.reference.set_pin(self._user.id, None)
        self.accept()
