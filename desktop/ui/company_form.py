"""The user's own company details: used by the welcome dialog and in Paramètres."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from desktop.domain.enums import Country
from desktop.domain.errors import FieldError
from desktop.services.company import CompanyProfile
from desktop.ui.messages import country_label
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError


class CompanyForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout(self)
        self._fields: dict[str, QLineEdit] = {}

        def line(name: str, label: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setAccessibleName(label.rstrip(" *"))
            edit.setPlaceholderText(placeholder)
            form.addRow(label, self.errors.register(name, FieldWithError(edit)))
            self._fields[name] = edit
            return edit

        line("legal_name", self.tr("Raison sociale *"), self.tr("ex. : Menuiserie Lefèvre & Fils"))
        line("legal_form", self.tr("Forme juridique"), "SAS, SARL, SRL…")
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Pays"))
        for country in (Country.FRANCE, Country.BELGIUM):
            self.country.addItem(country_label(country), country.value)
        form.addRow(self.tr("Pays"), self.country)
        line("siren", self.tr("SIREN"), "732 829 320")
        line("enterprise_number", self.tr("N° d'entreprise (BCE)"), "0403.170.701")
        line("vat_number", self.tr("N° de TVA"))
        line("address_line1", self.tr("Adresse"))
        line("address_line2", self.tr("Complément d'adresse"))
        line("postal_code", self.tr("Code postal"))
        line("city", self.tr("Ville"))
        line("phone", self.tr("Téléphone"))
        line("email", self.tr("E-mail"))
        line("iban", self.tr("IBAN"), "FR76 3000 6000 0112 3456 7890 189")
        line("bic", self.tr("BIC"))
        line("signatory_name", self.tr("Signataire des courriers"))
        line("signatory_title", self.tr("Fonction du signataire"), self.tr("ex. : Gérante"))
        self.terms = QSpinBox()
        self.terms.setRange(0, 60)
        self.terms.setValue(30)
        self.terms.setSuffix(self.tr(" jours"))
        self.terms.setAccessibleName(self.tr("Délai de paiement par défaut"))
        form.addRow(self.tr("Délai de paiement par défaut"), self.terms)
        form.addRow("", self.general_error)

    def field(self, name: str) -> QLineEdit:
        return self._fields[name]

    def profile(self) -> CompanyProfile:
        values = {name: edit.text() for name, edit in self._fields.items()}
        return CompanyProfile(
            country=Country(self.country.currentData()),
            default_payment_terms_days=self.terms.value(),
            **values,
        )

    def load(self, profile: CompanyProfile) -> None:
        for name, edit in self._fields.items():
            edit.setText(str(getattr(profile, name)))
        self.country.setCurrentIndex(max(self.country.findData(profile.country.value), 0))
        self.terms.setValue(profile.default_payment_terms_days)

    def show_errors(self, errors: list[FieldError]) -> None:
        self.errors.show(errors)
