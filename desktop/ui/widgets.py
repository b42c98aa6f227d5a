"""Small widgets shared by the forms: error labels under fields, section titles, badges."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CustomerStatus
from desktop.domain.errors import FieldError
from desktop.ui.messages import field_error_message, status_label

STATUS_COLORS: dict[CustomerStatus, tuple[str, str]] = {
    # (background, text) — readable on light themes, colour-blind-safe pairs.
    CustomerStatus.PROSPECT: ("#e8eef9", "#1f4e99"),
    CustomerStatus.ACTIVE: ("#e3f4e8", "#1e6b34"),
    CustomerStatus.UNDER_WATCH: ("#fff3d6", "#8a5a00"),
    CustomerStatus.BLOCKED: ("#fde2e1", "#a1261f"),
    CustomerStatus.INSOLVENCY: ("#3b3b3b", "#ffffff"),
}


def status_text_color(status: CustomerStatus) -> str:
    """The colour of a status written on a white row: the badge's text colour, or its
    background when the text is light (insolvency is white on dark grey)."""
    background, text = STATUS_COLORS[status]
    return background if text.lower() in ("#ffffff", "#fff", "white") else text


class StatusBadge(QLabel):
    def __init__(self, status: CustomerStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_status(status)

    def set_status(self, status: CustomerStatus) -> None:
        bg, fg = STATUS_COLORS[status]
        self.setText(status_label(status))
        self.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px; "
            "font-weight: 600; }"
        )
        self.setAccessibleName(status_label(status))


class ErrorLabel(QLabel):
    """A red line under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QLabel { color: #b3261e; }")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldWithError(QWidget):
    """A field and its error label stacked, to put in a QFormLayout row."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.field = field
        self.error = ErrorLabel(self)
        layout.addWidget(field)
        layout.addWidget(self.error)
        # Never take the form's spare height: the label stays level with its field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)


class ErrorMap:
    """Routes FieldErrors to the labels of their fields; unknown fields go to a fallback."""

    def __init__(self, fallback: ErrorLabel) -> None:
        self._labels: dict[str, ErrorLabel] = {}
        self._fallback = fallback

    def register(self, field_name: str, holder: FieldWithError) -> FieldWithError:
        self._labels[field_name] = holder.error
        return holder

    def clear(self) -> None:
        for label in self._labels.values():
            label.show_message("")
        self._fallback.show_message("")

    def show(self, errors: list[FieldError]) -> QLabel | None:
        """Show every error; returns the first label shown so the caller can focus near it."""
        self.clear()
        first: QLabel | None = None
        orphan: list[str] = []
        for error in errors:
            label = self._labels.get(error.field)
            if label is None:
                orphan.append(field_error_message(error))
                continue
            label.show_message(field_error_message(error))
            first = first or label
        if orphan:
            self._fallback.show_message("\n".join(orphan))
            first = first or self._fallback
        return first

    def label(self, field_name: str) -> ErrorLabel | None:
        return self._labels.get(field_name)


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("QLabel { font-size: 13pt; font-weight: 600; margin-top: 6px; }")
    return label


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def read_only_form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def value_label(text: str) -> QLabel:
    label = QLabel(text or "—")
    # What users typed is shown as typed: "<b>" or "<a la livraison>" is not markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def confirm_discard(parent: QWidget) -> bool:
    """Ask before throwing away what the user typed; True when they agree to discard."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Modifications non enregistrées"),
        QCoreApplication.translate("Dialogs", "Abandonner les modifications saisies ?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def save_cancel_buttons(dialog: QDialog, on_save: Callable[[], None]) -> QDialogButtonBox:
    """The Enregistrer / Annuler pair of every editing dialog; Save validates, never closes."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(
        QCoreApplication.translate("Dialogs", "Enregistrer")
    )
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Annuler")
    )
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def read_only_table(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """A table of whole-row selection, no editing, zebra rows: every list of the app."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
