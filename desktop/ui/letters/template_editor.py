"""The letter template editor: pick a template (kind × language), edit its subject and
body, watch the letter it gives (re-rendered shortly after typing stops), save or go
back to the shipped text. A broken template shows its line and is never saved.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.templating import TemplateProblemError
from desktop.services.letters import LANGUAGES
from desktop.services.registry import Services
from desktop.ui.letters.preview import PagePreview
from desktop.ui.messages import template_label
from desktop.ui.widgets import ErrorLabel, confirm_discard

KEY_ROLE = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 400


class TemplateEditorDialog(QDialog):
    """`TemplateEditorDialog(services, parent)`: every letter and e-mail template."""

    sig_saved = Signal(str, str)  # key, language

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._folder = tempfile.TemporaryDirectory(prefix="encaisse-modeles-")
        self._preview_count = 0
        self._current: tuple[str, str] | None = None
        self._saved_text: tuple[str, str] = ("", "")
        self.setWindowTitle(self.tr("Modèles de courriers"))
        self.resize(1250, 800)

        self.templates = QListWidget()
        self.templates.setAccessibleName(self.tr("Modèles"))
        languages = {"fr": self.tr("français"), "en": self.tr("anglais")}
        for key in services.letters.template_keys():
            for language in LANGUAGES:
                item = QListWidgetItem(f"{template_label(key)} — {languages[language]}")
                item.setData(KEY_ROLE, (key, language))
                self.templates.addItem(item)
        self.state = QLabel()
        self.state.setStyleSheet("QLabel { color: #555; }")
        self.subject = QLineEdit()
        self.subject.setAccessibleName(self.tr("Objet"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Texte du courrier"))
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error = ErrorLabel()
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.reset_button = QPushButton(self.tr("Rétablir le modèle d'origine"))
        self.close_button = QPushButton(self.tr("Fermer"))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.close_button.clicked.connect(self.reject)
        help_text = QLabel(
            self.tr(
                "Variables : {{ contact_name }}, {{ customer.name }}, {{ total }}, "
                "{{ invoice_count }}, {{ deadline_date }}, {{ company.phone }}… "
                "{{ invoice_table }} place le tableau des factures."
            )
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("QLabel { color: #555; }")
        help_text.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Objet"), self.subject)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.state)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.body, 1)
        editor_layout.addWidget(help_text)
        editor_layout.addWidget(self.error)
        self.preview = PagePreview()
        splitter = QSplitter()
        splitter.addWidget(self.templates)
        splitter.addWidget(editor)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.subject.textChanged.connect(self._timer.start)
        self.body.textChanged.connect(self._timer.start)
        self.templates.currentItemChanged.connect(self._switch)
        self.templates.setCurrentRow(0)

    # --- choosing a template --------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return (self.subject.text(), self.body.toPlainText()) != self._saved_text

    def _switch(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        key, language = item.data(KEY_ROLE)
        if self._current == (key, language):
            return
        if self._current is not None and self.dirty and not confirm_discard(self):
            self.templates.blockSignals(True)
            self.templates.setCurrentItem(previous)
            self.templates.blockSignals(False)
            return
        self._current = (key, language)
        self._load()

    def _load(self) -> None:
        assert self._current is not None
        template = self._services.letters.template(*self._current)
        self._saved_text = (template.subject, template.body)
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.state.setText(
            self.tr("Modèle d'origine")
            if template.is_default
            else self.tr("Modèle personnalisé (enregistré dans le fichier)")
        )
        self.reset_button.setEnabled(not template.is_default)
        self.error.clear()
        self.error.hide()
        self._timer.stop()
        self.refresh_preview()

    # --- preview ------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the text being edited on sample data; a broken text shows its line and
        keeps the last good preview."""
        if self._current is None:
            return
        self._timer.stop()
        # A new file each time: the preview keeps the previous one open until it switches.
        self._preview_count += 1
        path = Path(self._folder.name) / f"apercu-{self._preview_count}.pdf"
        try:
            self._services.letters.preview(
                *self._current, path, subject=self.subject.text(), body=self.body.toPlainText()
            )
        except TemplateProblemError as exc:
            self._show_problem(exc)
            return
        self.error.hide()
        self.preview.set_pdf(path)

    def _show_problem(self, exc: TemplateProblemError) -> None:
        where = self.tr("Objet") if exc.field == "subject" else self.tr("Texte")
        self.error.show_message(f"{where} — {exc.problem}")

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the template; a broken one is refused with its line (nothing changes)."""
        if self._current is None:
            return False
        subject, body = self.subject.text(), self.body.toPlainText()
        try:
            self._services.letters.save_template(*self._current, subject, body)
        except TemplateProblemError as exc:
            self._show_problem(exc)
            return False
        self.sig_saved.emit(*self._current)
        self._load()
        return True

    def reset(self) -> None:
        """Go back to the shipped text, after confirmation."""
        if self._current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Rétablir le modèle d'origine"),
            self.tr(
                "Remplacer ce modèle par le texte d'origine ? Vos modifications seront perdues."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._services.letters.reset_template(*self._current)
        self._load()

    def reject(self) -> None:  # Qt's name: Échap or Fermer
        if self.dirty and not confirm_discard(self):
            return
        super().reject()

    def done(self, result: int) -> None:  # Qt's name: the dialog closes
        self._timer.stop()
        self.preview.clear()
        self._folder.cleanup()
        super().done(result)
