"""At start: "Qui êtes-vous ?" — pick yourself among the team, with your PIN if you set one.

The person picked signs every change and gets their own home page (see
`MainWindow.apply_profile`). The choice is remembered per file for the next start.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QRegularExpression, QSettings, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reference import UserData
from desktop.services.registry import Services
from desktop.ui.messages import profile_label

# After this many wrong PINs in a row the dialog waits before accepting another try, which
# makes guessing a 4-digit PIN at the keyboard impractical.
WRONG_PINS_BEFORE_PAUSE = 3
PAUSE_SECONDS = 30


class ProfileDialog(QDialog):
    def __init__(
        self,
        services: Services,
        preferred_user_id: int | None = None,
        *,
        first_start: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.chosen: UserData | None = None
        self._wrong_pins = 0
        self.setWindowTitle(self.tr("Qui êtes-vous ?"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("Qui êtes-vous ?"))
        title.setStyleSheet("QLabel { font-size: 15pt; font-weight: 600; }")
        hint = QLabel(
            self.tr(
                "Vos modifications seront signées de votre nom, et Encaisse ouvre d'abord "
                "votre travail du jour."
            )
        )
        hint.setWordWrap(True)

        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Membres de l'équipe"))
        self.users = services.reference.users()
        for user in self.users:
            text = f"{user.name}\n{profile_label(user.profile)}"
            if user.has_pin:
                text += " · " + self.tr("code PIN")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            self.people.addItem(item)
        self.people.setStyleSheet("QListWidget::item { padding: 6px; }")

        self.pin_label = QLabel(self.tr("Code PIN :"))
        self.pin = QLineEdit()
        self.pin.setAccessibleName(self.tr("Code PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self))
        self.pin_label.setBuddy(self.pin)
        self.error = QLabel()
        self.error.setStyleSheet("QLabel { color: #b3261e; }")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("Commencer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        buttons.addButton(
            self.tr("Quitter") if first_start else self.tr("Annuler"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.people.currentRowChanged.connect(self._person_changed)
        self.people.itemDoubleClicked.connect(lambda _item: self.try_accept())
        row = next((i for i, u in enumerate(self.users) if u.id == preferred_user_id), 0)
        self.people.setCurrentRow(row)
        self._person_changed(row)

    def selected_user(self) -> UserData | None:
        row = self.people.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _person_changed(self, _row: int) -> None:
        user = self.selected_user()
        needs_pin = bool(user and user.has_pin)
        self.pin_label.setVisible(needs_pin)
        self.pin.setVisible(needs_pin)
        self.pin.clear()
        self.error.clear()
        if needs_pin:
            self.pin.setFocus()
        else:
            self.people.setFocus()

    def try_accept(self) -> None:
        """Accept the person selected, once their PIN (if any) is right."""
        user = self.selected_user()
        if user is None or not self.start_button.isEnabled():
            return
        if user.has_pin and not self._services.reference.pin_accepted(user.id, self.pin.text()):
            self._wrong_pins += 1
            self.pin.clear()
            self.pin.setFocus()
            if self._wrong_pins >= WRONG_PINS_BEFORE_PAUSE:
                self._wrong_pins = 0
                self._pause()
            else:
                self.error.setText(self.tr("Code PIN incorrect."))
            return
        self.chosen = user
        self.accept()

    def _pause(self) -> None:
        self.start_button.setEnabled(False)
        # PAUSE_SECONDS is well above one: the plural is safe.
        self.error.setText(
            self.tr("Code PIN incorrect. Nouvel essai possible dans %s secondes.") % PAUSE_SECONDS
        )

        def resume() -> None:
            self.start_button.setEnabled(True)
            self.error.clear()

        QTimer.singleShot(PAUSE_SECONDS * 1000, self, resume)


def _remembered_user_key(services: Services) -> str:
    """The settings key of who worked last on this file (per file: a person may be the
    owner of one company file and absent from another)."""
    digest = hashlib.sha1(str(services.path.resolve()).encode("utf-8"), usedforsecurity=False)
    return f"last_user/{digest.hexdigest()[:16]}"


def ask_who_is_working(
    services: Services, *, first_start: bool, parent: QWidget | None = None
) -> bool:
    """Show the dialog and sign the person picked in; False when they declined.

    The person picked is preselected the next time this file is opened.
    """
    settings = QSettings()
    key = _remembered_user_key(services)
    remembered = settings.value(key, None)
    try:
        preferred = (
            int(str(remembered)) if remembered not in (None, "") else services.identity.user_id
        )
    except ValueError:
        preferred = None
    if not first_start and services.identity.user_id is not None:
        preferred = services.identity.user_id
    dialog = ProfileDialog(services, preferred, first_start=first_start, parent=parent)
    if not dialog.exec() or dialog.chosen is None:
        return False
    services.identity.sign_in(dialog.chosen)
    settings.setValue(key, dialog.chosen.id)
    return True
