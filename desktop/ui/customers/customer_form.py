"""Create or edit a customer: every field of capability 1, errors shown next to fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import identifiers
from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import Country, CustomerStatus, InsolvencyKind, PaymentTermsBasis
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.money import cents_to_decimal, parse_cents
from desktop.domain.penalties import format_rate, parse_rate_bp
from desktop.services.registry import Services
from desktop.ui.dates import OptionalDateEdit
from desktop.ui.messages import (
    country_label,
    field_error_message,
    insolvency_label,
    status_label,
    terms_basis_label,
)
from desktop.ui.widgets import (
    ErrorLabel,
    ErrorMap,
    FieldWithError,
    confirm_discard,
    save_cancel_buttons,
)

LEGAL_FORMS = (
    "SAS",
    "SASU",
    "SARL",
    "EURL",
    "SA",
    "SNC",
    "SCI",
    "SCOP",
    "EI",
    "Micro-entreprise",
    "Association",
    "SRL",
    "SC",
    "SComm",
    "ASBL",
)

# Which tab holds each field, so the dialog can show the first error.
TAB_IDENTITY, TAB_ADDRESSES, TAB_TERMS, TAB_NOTES = range(4)


class CustomerDialog(QDialog):
    def __init__(
        self,
        services: Services,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id = customer_id
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Nouveau client ou prospect")
            if customer_id is None
            else self.tr("Modifier le client")
        )
        self.setMinimumWidth(640)
        self._tabs_of: dict[str, int] = {}
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._identity_tab(), self.tr("Identité"))
        self.tabs.addTab(self._addresses_tab(), self.tr("Adresses et contact"))
        self.tabs.addTab(self._terms_tab(), self.tr("Conditions et suivi"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes"))

        self.buttons = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        if customer_id is not None:
            self._load(customer_id)
        self._update_visibility()
        self.legal_name.setFocus()
        self._initial = self._snapshot()

    def _snapshot(self) -> object:
        try:
            return self.draft()
        except ValidationError:
            return None  # an unreadable amount counts as a change

    def reject(self) -> None:
        """Cancel, Esc or the close button: confirm first if something was typed."""
        if self.result() != QDialog.DialogCode.Accepted and self._snapshot() != self._initial:
            if not confirm_discard(self):
                return
        super().reject()

    # --- building ----------------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget, tab: int) -> QWidget:
        holder = self.errors.register(name, FieldWithError(widget))
        widget.setAccessibleName(label.rstrip(" *"))
        form.addRow(label, holder)
        self._tabs_of[name] = tab
        return widget

    def _identity_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.legal_name = self._row(
            form, self.tr("Raison sociale *"), "legal_name", QLineEdit(), TAB_IDENTITY
        )
        self.legal_name.setMaxLength(200)
        self.trade_name = self._row(
            form, self.tr("Nom commercial"), "trade_name", QLineEdit(), TAB_IDENTITY
        )
        self.legal_form = QComboBox()
        self.legal_form.setEditable(True)
        self.legal_form.addItem("")
        self.legal_form.addItems(list(LEGAL_FORMS))
        self._row(form, self.tr("Forme juridique"), "legal_form", self.legal_form, TAB_IDENTITY)
        self.status = QComboBox()
        for status in CustomerStatus:
            if status is CustomerStatus.BLOCKED:
                continue  # blocking is a decision with a reason (services.blocking)
            self.status.addItem(status_label(status), status.value)
        self._row(form, self.tr("Statut"), "status", self.status, TAB_IDENTITY)
        self.country = QComboBox()
        for country in Country:
            self.country.addItem(country_label(country), country.value)
        self._row(form, self.tr("Pays"), "country", self.country, TAB_IDENTITY)
        self.siren = self._row(form, self.tr("SIREN"), "siren", QLineEdit(), TAB_IDENTITY)
        self.siren.setPlaceholderText("732 829 320")
        self.siret = self._row(form, self.tr("SIRET (siège)"), "siret", QLineEdit(), TAB_IDENTITY)
        self.enterprise_number = self._row(
            form, self.tr("N° d'entreprise (BCE)"), "enterprise_number", QLineEdit(), TAB_IDENTITY
        )
        self.enterprise_number.setPlaceholderText("0403.170.701")
        self.vat_number = self._row(
            form, self.tr("N° de TVA"), "vat_number", QLineEdit(), TAB_IDENTITY
        )
        self.vat_number.setPlaceholderText(self.tr("proposé à partir du SIREN"))
        self.account_code = self._row(
            form, self.tr("Compte auxiliaire"), "account_code", QLineEdit(), TAB_IDENTITY
        )
        self.account_code.setToolTip(
            self.tr(
                "Le compte client dans votre comptabilité (CompAuxNum du FEC), pour les imports."
            )
        )
        self.is_consumer = QCheckBox(
            self.tr("Particulier (consommateur) : pas d'indemnité de 40 €")
        )
        form.addRow("", self.is_consumer)

        self.country.currentIndexChanged.connect(lambda _i: self._update_visibility())
        for name, widget, cleaner in (
            ("siren", self.siren, identifiers.clean_siren),
            ("siret", self.siret, identifiers.clean_siret),
            ("enterprise_number", self.enterprise_number, identifiers.clean_be_enterprise_number),
            ("vat_number", self.vat_number, identifiers.clean_vat_number),
        ):
            widget.editingFinished.connect(
                lambda n=name, w=widget, c=cleaner: self._check_identifier(n, w, c)
            )
        self.siren.editingFinished.connect(self._suggest_vat)
        return page

    def _address_group(self, title: str, prefix: str) -> tuple[QGroupBox, dict[str, QWidget]]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        fields: dict[str, QWidget] = {}
        fields["line1"] = self._row(
            form, self.tr("Adresse"), f"{prefix}_line1", QLineEdit(), TAB_ADDRESSES
        )
        fields["line2"] = self._row(
            form, self.tr("Complément d'adresse"), f"{prefix}_line2", QLineEdit(), TAB_ADDRESSES
        )
        postal = QLineEdit()
        postal.setMaxLength(10)
        fields["postal_code"] = self._row(
            form, self.tr("Code postal"), f"{prefix}_postal_code", postal, TAB_ADDRESSES
        )
        fields["city"] = self._row(
            form, self.tr("Ville"), f"{prefix}_city", QLineEdit(), TAB_ADDRESSES
        )
        combo = QComboBox()
        for country in Country:
            combo.addItem(country_label(country), country.value)
        fields["country"] = self._row(
            form, self.tr("Pays"), f"{prefix}_country", combo, TAB_ADDRESSES
        )
        return box, fields

    def _addresses_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        billing_box, self.billing = self._address_group(
            self.tr("Adresse de facturation"), "billing"
        )
        self.has_delivery = QCheckBox(self.tr("Adresse de livraison différente"))
        self.delivery_box, self.delivery = self._address_group(
            self.tr("Adresse de livraison"), "delivery"
        )
        self.has_delivery.toggled.connect(self.delivery_box.setVisible)
        self.delivery_box.hide()
        contact_box = QGroupBox(self.tr("Coordonnées"))
        form = QFormLayout(contact_box)
        self.email = self._row(form, self.tr("E-mail"), "email", QLineEdit(), TAB_ADDRESSES)
        self.phone = self._row(form, self.tr("Téléphone"), "phone", QLineEdit(), TAB_ADDRESSES)
        self.website = self._row(form, self.tr("Site web"), "website", QLineEdit(), TAB_ADDRESSES)
        layout.addWidget(billing_box)
        layout.addWidget(self.has_delivery)
        layout.addWidget(self.delivery_box)
        layout.addWidget(contact_box)
        layout.addStretch(1)
        return page

    def _terms_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.segment = QComboBox()
        self.segment.addItem(self.tr("— aucun —"), None)
        for segment in self._services.reference.segments():
            self.segment.addItem(segment.name, segment.id)
        self._row(form, self.tr("Segment"), "segment_id", self.segment, TAB_TERMS)
        self.salesperson = QComboBox()
        self.salesperson.addItem(self.tr("— aucun —"), None)
        for user in self._services.reference.salespeople():
            self.salesperson.addItem(user.name, user.id)
        self._row(form, self.tr("Commercial"), "salesperson_id", self.salesperson, TAB_TERMS)

        terms = QWidget()
        terms_layout = QHBoxLayout(terms)
        terms_layout.setContentsMargins(0, 0, 0, 0)
        self.terms_days = QSpinBox()
        self.terms_days.setRange(0, 365)
        self.terms_days.setValue(30)
        self.terms_days.setSuffix(self.tr(" jours"))
        self.terms_days.setAccessibleName(self.tr("Délai de paiement en jours"))
        self.terms_basis = QComboBox()
        self.terms_basis.setAccessibleName(self.tr("Mode de calcul du délai"))
        for basis in PaymentTermsBasis:
            self.terms_basis.addItem(terms_basis_label(basis), basis.value)
        terms_layout.addWidget(self.terms_days)
        terms_layout.addWidget(self.terms_basis, 1)
        holder = self.errors.register("payment_terms_days", FieldWithError(terms))
        form.addRow(self.tr("Délai de paiement"), holder)
        self._tabs_of["payment_terms_days"] = TAB_TERMS
        self.penalty_rate = self._row(
            form,
            self.tr("Taux de pénalités contractuel (%)"),
            "penalty_rate_bp",
            QLineEdit(),
            TAB_TERMS,
        )
        self.penalty_rate.setPlaceholderText(self.tr("vide = taux légal"))
        floor = self._services.penalties.contract_rate_floor(self._services.context.clock.today())
        if floor is not None:
            # Between French businesses only (C. com. L441-10); the service checks it.
            self.penalty_rate.setToolTip(
                self.tr(
                    "Entre professionnels en France : au moins 3 fois le taux d'intérêt "
                    "légal, soit %s actuellement."
                )
                % format_rate(floor)
            )

        self.credit_limit = self._row(
            form, self.tr("Plafond de crédit (€)"), "credit_limit_cents", QLineEdit(), TAB_TERMS
        )
        self.credit_limit.setPlaceholderText(self.tr("vide = pas de plafond"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Français"), "fr")
        self.language.addItem(self.tr("Anglais"), "en")
        self._row(form, self.tr("Langue des courriers"), "language", self.language, TAB_TERMS)

        self.insolvency_box = QGroupBox(self.tr("Procédure collective"))
        ins = QFormLayout(self.insolvency_box)
        self.insolvency_kind = QComboBox()
        self.insolvency_kind.addItem(self.tr("— non précisée —"), None)
        for kind in InsolvencyKind:
            self.insolvency_kind.addItem(insolvency_label(kind), kind.value)
        self._row(ins, self.tr("Procédure"), "insolvency_kind", self.insolvency_kind, TAB_TERMS)
        today = self._services.context.clock.today()
        self.insolvency_opened_on = OptionalDateEdit(default=today)
        self._row(
            ins,
            self.tr("Jugement d'ouverture"),
            "insolvency_opened_on",
            self.insolvency_opened_on,
            TAB_TERMS,
        )
        self.bodacc_published_on = OptionalDateEdit(default=today)
        self._row(
            ins,
            self.tr("Publication au BODACC"),
            "bodacc_published_on",
            self.bodacc_published_on,
            TAB_TERMS,
        )
        form.addRow(self.insolvency_box)
        self.status.currentIndexChanged.connect(lambda _i: self._update_visibility())
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Ce que l'équipe doit savoir de ce client…"))
        layout.addWidget(self.notes)
        return page

    # --- behaviour ---------------------------------------------------------------------

    def _update_visibility(self) -> None:
        country = self.country.currentData()
        belgian = country == Country.BELGIUM.value
        french = country == Country.FRANCE.value
        for widget, visible in (
            (self.siren, french),
            (self.siret, french),
            (self.enterprise_number, belgian),
        ):
            holder = widget.parentWidget()
            form = holder.parentWidget().layout() if holder else None
            if isinstance(form, QFormLayout):
                form.setRowVisible(holder, visible or bool(widget.text()))
        self.insolvency_box.setVisible(self.status.currentData() == CustomerStatus.INSOLVENCY.value)

    def _check_identifier(self, name: str, widget: QLineEdit, cleaner) -> None:  # type: ignore[no-untyped-def]
        label = self.errors.label(name)
        if label is None:
            return
        text = widget.text().strip()
        if not text:
            label.show_message("")
            return
        try:
            cleaner(text, name)
        except ValidationError as exc:
            label.show_message(field_error_message(exc.errors[0]))
        else:
            label.show_message("")

    def _suggest_vat(self) -> None:
        if self.vat_number.text().strip():
            return
        try:
            siren = identifiers.clean_siren(self.siren.text())
        except ValidationError:
            return
        self.vat_number.setText(identifiers.french_vat_from_siren(siren))

    def _set_combo(self, combo: QComboBox, value: object) -> None:
        position = combo.findData(value)
        if position >= 0:
            combo.setCurrentIndex(position)
        elif combo.isEditable() and isinstance(value, str):
            combo.setEditText(value)

    def _load(self, customer_id: int) -> None:
        detail = self._services.customers.get(customer_id)
        d = detail.draft
        self.legal_name.setText(d.legal_name)
        self.trade_name.setText(d.trade_name)
        self.legal_form.setEditText(d.legal_form)
        if d.status is CustomerStatus.BLOCKED:
            # Unblocking is a decision too: « Débloquer… » on the customer's page.
            self.status.addItem(status_label(d.status), d.status.value)
            self.status.setEnabled(False)
            self.status.setToolTip(
                self.tr("Client bloqué : « Débloquer… » sur sa fiche, avec le motif.")
            )
        self._set_combo(self.status, d.status.value)
        self._set_combo(self.country, d.country.value)
        self.siren.setText(d.siren)
        self.siret.setText(d.siret)
        self.enterprise_number.setText(d.enterprise_number)
        self.vat_number.setText(d.vat_number)
        self.account_code.setText(d.account_code)
        self.is_consumer.setChecked(d.is_consumer)
        for fields, address in (
            (self.billing, d.billing_address),
            (self.delivery, d.delivery_address),
        ):
            fields["line1"].setText(address.line1)  # type: ignore[attr-defined]
            fields["line2"].setText(address.line2)  # type: ignore[attr-defined]
            fields["postal_code"].setText(address.postal_code)  # type: ignore[attr-defined]
            fields["city"].setText(address.city)  # type: ignore[attr-defined]
            self._set_combo(fields["country"], address.country.value)  # type: ignore[arg-type]
        self.has_delivery.setChecked(not d.delivery_address.is_empty())
        self.email.setText(d.email)
        self.phone.setText(d.phone)
        self.website.setText(d.website)
        self._set_combo(self.segment, d.segment_id)
        self._set_combo(self.salesperson, d.salesperson_id)
        self.terms_days.setValue(d.payment_terms_days)
        self._set_combo(self.terms_basis, d.payment_terms_basis.value)
        if d.credit_limit_cents is not None:
            self.credit_limit.setText(
                f"{cents_to_decimal(d.credit_limit_cents):f}".replace(".", ",")
            )
        if d.penalty_rate_bp is not None:
            self.penalty_rate.setText(format_rate(d.penalty_rate_bp).removesuffix("\u00a0%"))
        self._set_combo(self.language, d.language)
        self._set_combo(
            self.insolvency_kind, d.insolvency_kind.value if d.insolvency_kind else None
        )
        self.insolvency_opened_on.set_value(d.insolvency_opened_on)
        self.bodacc_published_on.set_value(d.bodacc_published_on)
        self.notes.setPlainText(d.notes)

    def _address(self, fields: dict[str, QWidget]) -> Address:
        return Address(
            line1=fields["line1"].text(),  # type: ignore[attr-defined]
            line2=fields["line2"].text(),  # type: ignore[attr-defined]
            postal_code=fields["postal_code"].text(),  # type: ignore[attr-defined]
            city=fields["city"].text(),  # type: ignore[attr-defined]
            country=Country(fields["country"].currentData()),  # type: ignore[attr-defined]
        )

    def draft(self) -> CustomerDraft:
        """What the form says, before validation; raises ValidationError on a bad amount."""
        credit_text = self.credit_limit.text().strip()
        credit = parse_cents(credit_text, "credit_limit_cents") if credit_text else None
        rate_text = self.penalty_rate.text().strip()
        penalty_rate = parse_rate_bp(rate_text, "penalty_rate_bp") if rate_text else None
        kind = self.insolvency_kind.currentData()
        status = CustomerStatus(self.status.currentData())
        insolvent = status is CustomerStatus.INSOLVENCY
        return CustomerDraft(
            legal_name=self.legal_name.text(),
            status=status,
            trade_name=self.trade_name.text(),
            legal_form=self.legal_form.currentText(),
            country=Country(self.country.currentData()),
            siren=self.siren.text(),
            siret=self.siret.text(),
            enterprise_number=self.enterprise_number.text(),
            vat_number=self.vat_number.text(),
            account_code=self.account_code.text(),
            billing_address=self._address(self.billing),
            delivery_address=self._address(self.delivery)
            if self.has_delivery.isChecked()
            else Address(),
            email=self.email.text(),
            phone=self.phone.text(),
            website=self.website.text(),
            is_consumer=self.is_consumer.isChecked(),
            language=self.language.currentData(),
            segment_id=self.segment.currentData(),
            salesperson_id=self.salesperson.currentData(),
            payment_terms_days=self.terms_days.value(),
            payment_terms_basis=PaymentTermsBasis(self.terms_basis.currentData()),
            credit_limit_cents=credit,
            penalty_rate_bp=penalty_rate,
            insolvency_kind=InsolvencyKind(kind) if (kind and insolvent) else None,
            insolvency_opened_on=self.insolvency_opened_on.value() if insolvent else None,
            bodacc_published_on=self.bodacc_published_on.value() if insolvent else None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        """Validate through the service; on error, show each message next to its field."""
        try:
            draft = self.draft()
            if self.customer_id is None:
                self.saved_id = self._services.customers.create(draft)
            else:
                self._services.customers.update(self.customer_id, draft)
                self.saved_id = self.customer_id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.errors.show(errors)
        first = errors[0].field if errors else ""
        if first in self._tabs_of:
            self.tabs.setCurrentIndex(self._tabs_of[first])
        if any(e.code is ErrorCode.REQUIRED and e.field == "legal_name" for e in errors):
            self.legal_name.setFocus()
        self.general_error.show_message(
            self.tr("Le client n'a pas été enregistré : corrigez les champs signalés en rouge.")
            if not self.general_error.text()
            else self.general_error.text()
        )
        self.general_error.setAlignment(Qt.AlignmentFlag.AlignLeft)
