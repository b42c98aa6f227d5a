"""A small dialog asking why: every blocking decision carries a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """A question, a text box and a button that stays disabled while the text is blank."""

    def __init__(
        self, title: str, prompt: str, accept_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Motif de la décision"))
        self.text.setPlaceholderText(
            self.tr("Le motif est obligatoire et reste dans l'historique.")
        )
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self._update()
        self.text.setFocus()

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        if self.reason():  # the button is disabled, but Enter or a test may still try
            super().accept()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))


def ask_reason(parent: QWidget | None, title: str, prompt: str, accept_text: str) -> str | None:
    """The reason typed, or None when the user cancelled."""
    dialog = ReasonDialog(title, prompt, accept_text, parent)
    if not dialog.exec():
        return None
    return dialog.reason()
