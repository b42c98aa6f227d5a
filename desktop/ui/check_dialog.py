"""Ctrl+K: check a company before a meeting, and add one to the doubtful list.

The salesperson types a name, a SIREN/SIRET or an address; the answer comes as they type
(debounced), as one coloured line — green nothing known or a customer in good standing,
amber doubtful, red insolvency or blocked — and the matches behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.company_match import QueryKind
from desktop.domain.enums import DoubtfulSource, InsolvencyKind
from desktop.domain.errors import ValidationError
from desktop.services.prospect_check import CheckResult, KnownCustomer, Verdict
from desktop.services.registry import Services
from desktop.ui.messages import field_error_message, insolvency_label, status_label
from desktop.ui.proposals.labels import doubtful_source_label

SEARCH_DELAY_MS = 150
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1  # the customer id of a row, when it is one

# Text colour and background of the verdict line (readable, and not colour alone: the
# sentence says the same thing).
_COLOURS = {
    "neutral": ("#333333", "#f0f0f0"),
    "green": ("#1b5e20", "#e6f4ea"),
    "amber": ("#7a4a00", "#fff3d6"),
    "red": ("#8b0000", "#fde2e1"),
}
_TONE = {
    Verdict.NOTHING_KNOWN: "green",
    Verdict.KNOWN_CUSTOMER: "green",
    Verdict.DOUBTFUL: "amber",
    Verdict.BLOCKED: "red",
    Verdict.INSOLVENCY: "red",
}


def _date(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d/%m/%Y") if value else ""


class CheckDialog(QDialog):
    """The search box and its answer; opening a customer is left to the main window."""

    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.result: CheckResult | None = None
        self.setWindowTitle(self.tr("Vérifier une entreprise"))
        self.resize(760, 460)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Nom, SIREN/SIRET ou adresse (code postal, ville, rue)…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Entreprise à vérifier"))
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setAccessibleName(self.tr("Verdict"))
        self.tone = "neutral"

        self.matches = QTreeWidget()
        self.matches.setRootIsDecorated(False)
        self.matches.setAlternatingRowColors(True)
        self.matches.setHeaderLabels(
            [
                self.tr("Entreprise"),
                self.tr("Situation / motif"),
                self.tr("Source"),
                self.tr("Date"),
            ]
        )
        self.matches.setColumnWidth(0, 240)
        self.matches.setColumnWidth(1, 300)

        self.open_button = QPushButton(self.tr("Ouvrir la fiche"))
        self.open_button.setEnabled(False)
        self.add_button = QPushButton(self.tr("Ajouter à la liste des entreprises douteuses…"))
        close_button = QPushButton(self.tr("Fermer"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.matches, 1)
        layout.addLayout(buttons)

        # Each key restarts the timer: the file is searched once the typing pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_check)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_customer)
        self.matches.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.matches.itemActivated.connect(lambda *_: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.add_button.clicked.connect(self.add_doubtful)
        close_button.clicked.connect(self.reject)
        self._show(None)

    # --- searching ------------------------------------------------------------------------

    def start(self) -> None:
        """Bring the dialog up ready to type, the previous query selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.selectAll()

    def run_check(self) -> None:
        self._debounce.stop()
        text = self.search.text()
        self._show(self._services.check.check(text) if text.strip() else None)

    def _show(self, result: CheckResult | None) -> None:
        self.result = result
        self.matches.clear()
        if result is None:
            self._set_verdict("neutral", self.tr("Tapez un nom, un SIREN/SIRET ou une adresse."))
            self._update_buttons()
            return
        if result.query.kind == QueryKind.EMPTY:
            self._set_verdict("neutral", self.tr("Tapez au moins deux caractères."))
            self._update_buttons()
            return
        self._set_verdict(_TONE[result.verdict], self._verdict_text(result))
        for customer in result.customers:
            item = QTreeWidgetItem(
                [customer.name, self._customer_situation(customer), self.tr("Fichier clients"), ""]
            )
            if customer.bodacc_published_on:
                item.setText(2, self.tr("BODACC"))
                item.setText(3, _date(customer.bodacc_published_on))
            item.setData(0, CUSTOMER_ROLE, customer.id)
            item.setToolTip(0, " — ".join(p for p in (customer.siren, customer.city) if p))
            self.matches.addTopLevelItem(item)
        for entry in result.doubtful:
            source = doubtful_source_label(entry.source.value)
            if entry.source_detail:
                source = f"{source} ({entry.source_detail})"
            item = QTreeWidgetItem([entry.name, entry.reason, source, _date(entry.reported_on)])
            if entry.customer_id is not None:
                item.setData(0, CUSTOMER_ROLE, entry.customer_id)
            place = " ".join(p for p in (entry.address, entry.postal_code, entry.city) if p)
            item.setToolTip(0, " — ".join(p for p in (entry.siren, place) if p))
            item.setToolTip(1, entry.reason)
            self.matches.addTopLevelItem(item)
        if self.matches.topLevelItemCount():
            self.matches.setCurrentItem(self.matches.topLevelItem(0))
        self._update_buttons()

    def _verdict_text(self, result: CheckResult) -> str:
        judged = [m for m in (*result.customers, *result.doubtful) if m.verdict == result.verdict]
        name = judged[0].name if judged else ""
        first = judged[0] if judged else None
        status = status_label(first.status) if isinstance(first, KnownCustomer) else ""
        texts = {
            Verdict.NOTHING_KNOWN: self.tr("Rien de connu : ni client, ni entreprise douteuse."),
            Verdict.KNOWN_CUSTOMER: self.tr("Client connu : %1 (%2), rien de signalé.")
            .replace("%1", name)
            .replace("%2", status.lower()),
            Verdict.DOUBTFUL: self.tr(
                "Attention : %1 est sur la liste des entreprises douteuses."
            ).replace("%1", name),
            Verdict.BLOCKED: self.tr("Client bloqué : %1.").replace("%1", name),
            Verdict.INSOLVENCY: self.tr("Procédure collective publiée : %1.").replace("%1", name),
        }
        text = texts[result.verdict]
        if result.approximate:
            text = self.tr("Correspondance approchante — %1").replace("%1", text)
        return text

    def _customer_situation(self, customer: KnownCustomer) -> str:
        parts = [status_label(customer.status)]
        if customer.insolvency_kind:
            parts.append(
                self.tr("%1 (jugement du %2)")
                .replace("%1", insolvency_label(InsolvencyKind(customer.insolvency_kind)))
                .replace("%2", _date(customer.insolvency_opened_on))
            )
        if customer.priority_prospect:
            parts.append(self.tr("prospect prioritaire"))
        return ", ".join(parts)

    def _set_verdict(self, tone: str, text: str) -> None:
        self.tone = tone
        colour, background = _COLOURS[tone]
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(
            f"QLabel {{ color: {colour}; background: {background}; padding: 8px;"
            " border-radius: 4px; font-weight: bold; }"
        )

    # --- actions ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        item = self.matches.currentItem()
        self.open_button.setEnabled(item is not None and item.data(0, CUSTOMER_ROLE) is not None)

    def open_selected(self) -> None:
        item = self.matches.currentItem()
        customer_id = item.data(0, CUSTOMER_ROLE) if item is not None else None
        if customer_id is None:
            return
        self.sig_open_customer.emit(int(customer_id))
        self.accept()

    def _open_first_customer(self) -> None:
        self.run_check()
        if self.result and self.result.customers:
            self.sig_open_customer.emit(self.result.customers[0].id)
            self.accept()

    def add_doubtful(self) -> None:
        """The small form, filled with what was typed; the answer is refreshed after."""
        query = self.result.query if self.result else None
        form = DoubtfulFormDialog(self._services, parent=self)
        if query is not None and query.siren:
            form.siren.setText(query.siret or query.siren)
        elif query is not None and query.be_number:
            form.siren.setText(query.be_number)
        elif query is not None and query.kind == QueryKind.ADDRESS:
            form.postal_code.setText(query.postal_code)
        else:
            form.name.setText(self.search.text().strip())
        if form.exec() and form.saved_id is not None:
            if form.name.text().strip() and not self.search.text().strip():
                self.search.setText(form.name.text().strip())
            self.run_check()


class DoubtfulFormDialog(QDialog):
    """Add a company to the doubtful list: by hand, or for a customer of the file."""

    def __init__(
        self,
        services: Services,
        customer_id: int | None = None,
        customer_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._customer_id = customer_id
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Signaler comme douteuse")
            if customer_id is not None
            else self.tr("Ajouter à la liste des entreprises douteuses")
        )
        self.name = QLineEdit(customer_name)
        self.siren = QLineEdit()
        self.siren.setPlaceholderText(self.tr("SIREN, SIRET ou n° d'entreprise belge"))
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setMaximumWidth(90)
        self.city = QLineEdit()
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Ce qui a été constaté : impayés, cotation, procédure…")
        )
        self.reason.setTabChangesFocus(True)
        self.source = QComboBox()
        for source in DoubtfulSource:
            self.source.addItem(doubtful_source_label(source.value), source.value)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(
            self.tr("Qui le dit : « BODACC A », « notre comptabilité »…")
        )
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #8b0000;")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.hide()

        form = QFormLayout()
        if customer_id is None:
            form.addRow(self.tr("Raison sociale"), self.name)
            form.addRow(self.tr("SIREN / SIRET"), self.siren)
            form.addRow(self.tr("Adresse"), self.address)
            place = QHBoxLayout()
            place.addWidget(self.postal_code)
            place.addWidget(self.city, 1)
            form.addRow(self.tr("Code postal, ville"), place)
        else:
            form.addRow(self.tr("Client"), QLabel(customer_name))
        form.addRow(self.tr("Motif"), self.reason)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Précision sur la source"), self.detail)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def save(self) -> None:
        source = DoubtfulSource(self.source.currentData())
        reason = self.reason.toPlainText()
        try:
            if self._customer_id is not None:
                self.saved_id = self._services.check.add_doubtful_from_customer(
                    self._customer_id, reason, source, self.detail.text()
                )
            else:
                self.saved_id = self._services.check.add_doubtful(
                    self.name.text(),
                    self.siren.text(),
                    self.address.text(),
                    self.postal_code.text(),
                    self.city.text(),
                    reason,
                    source,
                    self.detail.text(),
                )
        except ValidationError as exc:
            labels = {
                "name": self.tr("Raison sociale"),
                "siren": self.tr("SIREN / SIRET"),
                "reason": self.tr("Motif"),
            }
            self.errors.setText(
                "\n".join(
                    f"{labels.get(e.field, e.field)} : {field_error_message(e)}" for e in exc.errors
                )
            )
            self.errors.show()
            return
        self.accept()
