"""A person's data on request, from the customer page (GDPR art. 15, 17 and 20).

Under the contacts of a customer: « Exporter ses données… » writes everything the file
holds about the selected contact to a JSON file for them; « Effacer ses données… » shows
exactly what will be erased and what is kept and why, asks for the reason, and enables
its red button only once the person's name is typed again. « Données du client… »
offers the same for a customer who is a person (consumer or sole trader); it is hidden
for a company.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError
from desktop.domain.text import fold, safe_file_stem
from desktop.services.customers import ContactData
from desktop.services.personal_data import (
    ErasurePreview,
    ErasureReport,
    PersonalDataError,
)
from desktop.services.registry import Services
from desktop.ui.messages import (
    personal_data_kept_text,
    personal_data_place_label,
    personal_data_problem_message,
)

DANGER_STYLE = (
    "QPushButton { background-color: #a1261f; color: white; padding: 4px 12px; }"
    "QPushButton:disabled { background-color: #d9b3b0; color: #f4eceb; }"
)


class ErasureDialog(QDialog):
    """The confirmation of an erasure: what goes, what stays and why, the reason, and
    the person's name typed again before the red button enables."""

    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self.setWindowTitle(self.tr("Effacer des données personnelles"))
        self.setMinimumWidth(560)
        self.summary = QLabel(self._summary_html(preview))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Motif de l'effacement"))
        self.reason.setPlaceholderText(
            self.tr("ex. : demande écrite de l'intéressée reçue le 12/03 par courriel")
        )
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName(self.tr("Nom à retaper pour confirmer"))
        confirm_label = QLabel(
            self.tr("Pour confirmer, tapez son nom : <b>%1</b>").replace("%1", escape(preview.name))
        )
        confirm_label.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.erase_button = QPushButton(self.tr("Effacer définitivement"))
        self.erase_button.setStyleSheet(DANGER_STYLE)
        self.erase_button.setAutoDefault(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Motif (qui l'a demandé, quand, comment) :")))
        layout.addWidget(self.reason)
        layout.addWidget(confirm_label)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.buttons)
        self._update()
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def is_confirmed(self) -> bool:
        typed = fold(self.confirmation.text())
        return bool(self.reason_text()) and bool(typed) and typed == fold(self._preview.name)

    def accept(self) -> None:
        if self.is_confirmed():  # the button is disabled, but Enter or a test may still try
            super().accept()

    def _update(self) -> None:
        self.erase_button.setEnabled(self.is_confirmed())

    def _summary_html(self, p: ErasurePreview) -> str:
        erased: list[str] = []
        if p.subject == "contact":
            erased.append(
                self.tr("sa fiche de contact (nom, fonction, e-mail, téléphone, notes) ;")
            )
        else:
            erased.append(
                self.tr(
                    "sur la fiche du client : nom, nom commercial, adresses, e-mail, "
                    "téléphone, site web, identifiants et notes (le nom devient « Client "
                    "effacé n° %1 ») ;"
                ).replace("%1", str(p.customer_id))
            )
            if p.contacts:
                erased.append(
                    self.tr(
                        "ses contacts (%1) : leurs fiches, et leurs noms, e-mails et "
                        "téléphones partout où ils sont écrits ;"
                    ).replace("%1", str(p.contacts))
                )
        for place in p.places:
            erased.append(
                self.tr("%1 : %2 texte(s) où « [effacé] » remplacera ses données ;")
                .replace("%1", escape(personal_data_place_label(place.place, place.label)))
                .replace("%2", str(place.count))
            )
        if p.history_entries:
            erased.append(
                self.tr(
                    "les valeurs de sa fiche dans le journal des modifications (%1 ligne(s))."
                ).replace("%1", str(p.history_entries))
            )
        kept = [escape(personal_data_kept_text(k.code.value, k.count, p.subject)) for k in p.kept]
        title = (
            self.tr("Effacer les données de <b>%1</b> (%2) ?")
            .replace("%1", escape(p.name))
            .replace("%2", escape(p.customer_name))
            if p.subject == "contact"
            else self.tr("Effacer les données personnelles du client <b>%1</b> ?").replace(
                "%1", escape(p.name)
            )
        )
        return (
            f"<p>{title}</p>"
            f"<p><b>{self.tr('Sera effacé définitivement :')}</b></p>"
            f"<ul>{''.join(f'<li>{item}</li>' for item in erased)}</ul>"
            f"<p><b>{self.tr('Est conservé :')}</b></p>"
            f"<ul>{''.join(f'<li>{item}</li>' for item in kept)}</ul>"
        )


class PersonalDataActions(QObject):
    """The buttons of the contacts tab for personal data, and what they do.

    `customer_id()` names the customer shown; `reload()` refreshes the page after an
    erasure; `sig_erased(customer_id)` then tells the rest of the window.
    """

    sig_erased = Signal(int)

    def __init__(
        self,
        services: Services,
        contacts: QTreeWidget,
        customer_id: Callable[[], int | None],
        reload: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._contacts = contacts
        self._customer_id = customer_id
        self._reload = reload
        self._parent = parent
        self.export_button = QPushButton(self.tr("Exporter ses données…"))
        self.export_button.setToolTip(
            self.tr("Tout ce que le fichier contient sur ce contact, en JSON (RGPD, art. 15 et 20)")
        )
        self.export_button.clicked.connect(lambda: self.export_contact())
        self.erase_button = QPushButton(self.tr("Effacer ses données…"))
        self.erase_button.setToolTip(
            self.tr(
                "Effacer ce contact et ses données partout où elles sont écrites (RGPD, art. 17)"
            )
        )
        self.erase_button.clicked.connect(lambda: self.erase_contact())
        self.customer_button = QPushButton(self.tr("Données du client…"))
        self.customer_button.setToolTip(
            self.tr(
                "Client particulier ou entrepreneur individuel : exporter ou effacer ses données"
            )
        )
        menu = QMenu(self.customer_button)
        self.export_customer_action = QAction(self.tr("Exporter les données du client…"), menu)
        self.export_customer_action.triggered.connect(lambda: self.export_customer())
        self.erase_customer_action = QAction(self.tr("Effacer les données du client…"), menu)
        self.erase_customer_action.triggered.connect(lambda: self.erase_customer())
        menu.addAction(self.export_customer_action)
        menu.addAction(self.erase_customer_action)
        self.customer_button.setMenu(menu)
        self.customer_button.setVisible(False)
        contacts.itemSelectionChanged.connect(self._update_contact_buttons)
        # The page sets its customer, then refills the list (clear() resets the model):
        # check then whether that customer is a person.
        contacts.model().modelReset.connect(self.refresh)
        self._update_contact_buttons()

    def add_to(self, layout: QHBoxLayout) -> None:
        for button in (self.export_button, self.erase_button, self.customer_button):
            layout.addWidget(button)

    def refresh(self) -> None:
        """Enable the contact buttons for a selection; show the customer's for a person."""
        self._update_contact_buttons()
        customer_id = self._customer_id()
        person = False
        if customer_id is not None:
            try:
                person = self._services.personal_data.is_natural_person(customer_id)
            except NotFoundError:
                person = False
        self.customer_button.setVisible(person)

    # --- a contact ----------------------------------------------------------------------

    def export_contact(self, path: str | None = None) -> Path | None:
        """Write the selected contact's data as JSON (asks where unless `path`)."""
        contact = self._selected()
        if contact is None:
            return None
        if path is None:
            path = self._ask_path(self.tr("Exporter les données du contact"), contact.full_name)
            if path is None:
                return None
        try:
            with _busy():
                export = self._services.personal_data.export_contact(contact.id)
                Path(path).write_text(export.to_json(), encoding="utf-8")
        except NotFoundError:
            self._gone()
            return None
        except OSError as exc:
            self._write_failed(exc)
            return None
        QMessageBox.information(
            self._parent,
            self.tr("Données exportées"),
            self.tr(
                "Les données de %1 sont enregistrées dans « %2 » (%3 mention(s) dans les "
                "textes). Transmettez ce fichier à la personne par un moyen sûr."
            )
            .replace("%1", contact.full_name)
            .replace("%2", path)
            .replace("%3", str(len(export.mentions))),
        )
        return Path(path)

    def erase_contact(self) -> ErasureReport | None:
        """Confirm (ErasureDialog), then erase the selected contact's data."""
        contact = self._selected()
        if contact is None:
            return None
        try:
            with _busy():
                preview = self._services.personal_data.preview_contact_erasure(contact.id)
        except NotFoundError:
            self._gone()
            return None
        reason = self._confirm(preview)
        if reason is None:
            return None
        try:
            with _busy():
                report = self._services.personal_data.erase_contact(contact.id, reason)
        except NotFoundError:
            self._gone()
            return None
        self._done(report, preview.name)
        return report

    # --- a customer who is a person -----------------------------------------------------

    def export_customer(self, path: str | None = None) -> Path | None:
        """Write the data of the customer shown (a person) as JSON."""
        customer_id = self._customer_id()
        if customer_id is None:
            return None
        try:
            with _busy():
                export = self._services.personal_data.export_customer(customer_id)
        except PersonalDataError as exc:
            self._refused(exc.code, exc.params)
            return None
        if path is None:
            path = self._ask_path(
                self.tr("Exporter les données du client"), export.customer.legal_name
            )
            if path is None:
                return None
        try:
            Path(path).write_text(export.to_json(), encoding="utf-8")
        except OSError as exc:
            self._write_failed(exc)
            return None
        QMessageBox.information(
            self._parent,
            self.tr("Données exportées"),
            self.tr(
                "Les données de %1 sont enregistrées dans « %2 ». Transmettez ce fichier à "
                "la personne par un moyen sûr."
            )
            .replace("%1", export.customer.legal_name)
            .replace("%2", path),
        )
        return Path(path)

    def erase_customer(self) -> ErasureReport | None:
        """Confirm, then anonymise the customer shown (a person who owes nothing)."""
        customer_id = self._customer_id()
        if customer_id is None:
            return None
        try:
            with _busy():
                preview = self._services.personal_data.preview_customer_erasure(customer_id)
        except PersonalDataError as exc:
            self._refused(exc.code, exc.params)
            return None
        if preview.refusal:
            self._refused(preview.refusal, dict(preview.refusal_params))
            return None
        reason = self._confirm(preview)
        if reason is None:
            return None
        try:
            with _busy():
                report = self._services.personal_data.erase_customer(customer_id, reason)
        except PersonalDataError as exc:
            self._refused(exc.code, exc.params)
            return None
        self._done(report, preview.name)
        return report

    # --- helpers ------------------------------------------------------------------------

    def _confirm(self, preview: ErasurePreview) -> str | None:
        """The reason typed in the confirmation, or None when cancelled."""
        dialog = ErasureDialog(preview, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason_text()

    def _selected(self) -> ContactData | None:
        item = self._contacts.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(0, Qt.ItemDataRole.UserRole)

    def _update_contact_buttons(self) -> None:
        chosen = self._selected() is not None
        self.export_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen)

    def _ask_path(self, title: str, name: str) -> str | None:
        today = self._services.context.clock.today()
        suggested = (
            self.tr("Données personnelles %1 %2.json")
            .replace("%1", safe_file_stem(name, 60))
            .replace("%2", today.isoformat())
        )
        path, _ = QFileDialog.getSaveFileName(
            self._parent, title, suggested, self.tr("Fichier JSON (*.json)")
        )
        return path or None

    def _done(self, report: ErasureReport, name: str) -> None:
        self._reload()
        self.sig_erased.emit(report.customer_id)
        QMessageBox.information(
            self._parent,
            self.tr("Données effacées"),
            self.tr(
                "Les données de %1 sont effacées : %2 texte(s) réécrit(s), %3 ligne(s) du "
                "journal vidée(s). Une ligne du journal garde la trace de l'effacement."
            )
            .replace("%1", name)
            .replace("%2", str(report.fields_rewritten))
            .replace("%3", str(report.history_entries)),
        )

    def _gone(self) -> None:
        QMessageBox.information(
            self._parent,
            self.tr("Données personnelles"),
            self.tr("Ce contact n'existe plus : la page est mise à jour."),
        )
        self._reload()

    def _refused(self, code: str, params: dict[str, object]) -> None:
        QMessageBox.warning(
            self._parent,
            self.tr("Données personnelles"),
            personal_data_problem_message(
                code, int(str(params.get("count", 0))), int(str(params.get("cents", 0)))
            ),
        )

    def _write_failed(self, exc: OSError) -> None:
        QMessageBox.warning(
            self._parent,
            self.tr("Export non enregistré"),
            self.tr("Le fichier n'a pas pu être écrit : %1").replace(
                "%1", exc.strerror or str(exc)
            ),
        )


class _busy:
    """A wait cursor while the whole file is searched (a second or two on a big file)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()
