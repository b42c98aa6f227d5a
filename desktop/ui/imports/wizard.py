"""The import wizard: file → columns (CSV/Excel) → check (dry run) → import.

Reading, checking and writing run off the UI thread with progress and Annuler; nothing
is written before the last page, and then everything or nothing.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.enums import PaymentTermsBasis
from desktop.services.imports.service import ImportOptions, ImportRejected
from desktop.services.imports.sniff import detect_format
from desktop.services.imports.tabular import ColumnMapping, guess_mapping, preview_table
from desktop.services.registry import Services
from desktop.ui.messages import import_problem_message, terms_basis_label
from desktop.ui.tasks import TaskCancelled, run_task

# The fields of a column mapping, in the order the user reads them, with whether required.
MAPPED_FIELDS = (
    ("customer_code", True),
    ("customer_name", True),
    ("number", True),
    ("issued_on", True),
    ("total", True),
    ("open", False),
    ("due_on", False),
    ("kind", False),
    ("label", False),
    ("matching_code", False),
)


class ImportWizard(QWizard):
    PAGE_FILE, PAGE_COLUMNS, PAGE_CHECK, PAGE_DONE = range(4)

    def __init__(self, services: Services, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Importer depuis la comptabilité"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 640)
        self.parsed = None
        self.plan = None
        self.result = None
        self.file_page = FilePage(self, path)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.done_page = DonePage(self)
        self.setPage(self.PAGE_FILE, self.file_page)
        self.setPage(self.PAGE_COLUMNS, self.columns_page)
        self.setPage(self.PAGE_CHECK, self.check_page)
        self.setPage(self.PAGE_DONE, self.done_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    @property
    def source_format(self) -> str:
        return self.file_page.detected

    def mapping_json(self) -> str | None:
        if self.source_format == "fec":
            return None
        return self.columns_page.mapping().to_json()

    def options(self) -> ImportOptions:
        return ImportOptions(
            file_name=self.path.name,
            source_format=self.source_format,
            default_terms_days=self.check_page.terms_days.value(),
            default_terms_basis=PaymentTermsBasis(self.check_page.terms_basis.currentData()),
            complete=self.check_page.complete.isChecked(),
            mapping_name=self.columns_page.mapping_name.text().strip(),
        )


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, path: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.detected = ""
        self.setTitle(self.tr("Fichier à importer"))
        self.setSubTitle(
            self.tr(
                "Un FEC (fichier des écritures comptables) ou une balance âgée exportée en CSV ou "
                "Excel par votre logiciel comptable (EBP, Sage, Pennylane, tableur…)."
            )
        )
        self.path_edit = QLineEdit(path)
        self.path_edit.setAccessibleName(self.tr("Chemin du fichier"))
        self.path_edit.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Parcourir…"))
        browse.clicked.connect(self._browse)
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.format_label)
        layout.addStretch(1)
        self._update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choisir le fichier à importer"),
            str(Path(self.path_edit.text()).parent) if self.path_edit.text() else "",
            self.tr("Exports comptables (*.txt *.csv *.tsv *.xlsx *.fec);;Tous les fichiers (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def _update(self) -> None:
        path = Path(self.path_edit.text().strip())
        self.detected = ""
        if not self.path_edit.text().strip():
            self.format_label.setText("")
        elif not path.is_file():
            self.format_label.setText(self.tr("Ce fichier n'existe pas."))
        else:
            try:
                self.detected = detect_format(path)
            except OSError:
                self.format_label.setText(self.tr("Ce fichier ne peut pas être lu."))
            else:
                names = {
                    "fec": self.tr("Fichier des écritures comptables (FEC)"),
                    "csv": self.tr("Tableau CSV : vous indiquerez ses colonnes à l'étape suivante"),
                    "xlsx": self.tr(
                        "Classeur Excel : vous indiquerez ses colonnes à l'étape suivante"
                    ),
                }
                self.format_label.setText(self.tr("Format reconnu : %s") % names[self.detected])
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.detected)

    def nextId(self) -> int:
        return ImportWizard.PAGE_CHECK if self.detected == "fec" else ImportWizard.PAGE_COLUMNS


class ColumnsPage(QWizardPage):
    """Which column of the file holds what; saved by name for the next import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Colonnes du fichier"))
        self.setSubTitle(
            self.tr(
                "Indiquez quelle colonne contient chaque information. Les champs marqués * sont "
                "obligatoires ; les autres peuvent rester vides."
            )
        )
        self.saved = QComboBox()
        self.saved.setAccessibleName(self.tr("Correspondances enregistrées"))
        self.saved.currentIndexChanged.connect(self._load_saved)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.preview.setMaximumHeight(200)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        labels = {
            "customer_code": self.tr("Code client (compte auxiliaire) *"),
            "customer_name": self.tr("Nom du client *"),
            "number": self.tr("N° de pièce *"),
            "issued_on": self.tr("Date de la pièce *"),
            "total": self.tr("Montant TTC *"),
            "open": self.tr("Reste dû"),
            "due_on": self.tr("Échéance"),
            "kind": self.tr("Type (facture, avoir, règlement)"),
            "label": self.tr("Libellé"),
            "matching_code": self.tr("Lettrage"),
        }
        for name, _required in MAPPED_FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(labels[name])
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.combos[name] = combo
            form.addRow(labels[name], combo)
        self.negative_is_credit = QCheckBox(self.tr("Un montant négatif est un avoir"))
        self.negative_is_credit.setChecked(True)
        form.addRow("", self.negative_is_credit)
        self.mapping_name = QLineEdit()
        self.mapping_name.setAccessibleName(self.tr("Nom de la correspondance"))
        self.mapping_name.setPlaceholderText(self.tr("ex. : Balance âgée EBP"))
        form.addRow(self.tr("Enregistrer sous le nom"), self.mapping_name)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Reprendre une correspondance :")))
        saved_row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(saved_row)
        layout.addWidget(self.preview)
        layout.addLayout(form)

    def initializePage(self) -> None:
        path = self._wizard.path
        table = preview_table(path)
        self.preview.setColumnCount(len(table.columns))
        self.preview.setHorizontalHeaderLabels(list(table.columns))
        self.preview.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— aucune —"), "")
            for column in table.columns:
                combo.addItem(column, column)
            combo.blockSignals(False)
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("— proposée d'après les en-têtes —"), None)
        for saved in self._wizard.services.imports.mappings():
            self.saved.addItem(saved.name, saved.name)
        self.saved.blockSignals(False)
        guessed = guess_mapping(table.columns)
        if guessed is not None:
            self.apply_mapping(guessed)
        self.completeChanged.emit()

    def _load_saved(self, _index: int) -> None:
        name = self.saved.currentData()
        if not name:
            return
        text = self._wizard.services.imports.mapping(name)
        if text:
            self.apply_mapping(ColumnMapping.from_json(text))
            self.mapping_name.setText(name)

    def apply_mapping(self, mapping: ColumnMapping) -> None:
        for name, combo in self.combos.items():
            position = combo.findData(getattr(mapping, name))
            combo.setCurrentIndex(max(position, 0))
        self.negative_is_credit.setChecked(mapping.negative_is_credit_note)

    def mapping(self) -> ColumnMapping:
        values = {name: combo.currentData() or "" for name, combo in self.combos.items()}
        known = {f.name for f in fields(ColumnMapping)}
        return ColumnMapping(
            **{k: v for k, v in values.items() if k in known},
            negative_is_credit_note=self.negative_is_credit.isChecked(),
        )

    def isComplete(self) -> bool:
        return all(self.combos[name].currentData() for name, required in MAPPED_FIELDS if required)


class CheckPage(QWizardPage):
    """The dry run: what would be created, updated, settled — or why the file is refused."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._checked = False
        self.setTitle(self.tr("Vérification"))
        self.setSubTitle(self.tr("Rien n'est encore enregistré : voici ce que l'import ferait."))
        self.terms_days = QSpinBox()
        self.terms_days.setRange(0, 60)
        self.terms_days.setValue(30)
        self.terms_days.setSuffix(self.tr(" jours"))
        self.terms_days.setAccessibleName(self.tr("Délai par défaut"))
        self.terms_basis = QComboBox()
        self.terms_basis.setAccessibleName(self.tr("Mode de calcul du délai par défaut"))
        for basis in PaymentTermsBasis:
            self.terms_basis.addItem(terms_basis_label(basis), basis.value)
        self.complete = QCheckBox(
            self.tr(
                "Cet export est complet : les pièces ouvertes qui n'y figurent plus sont soldées"
            )
        )
        # Going on from this page writes: the button says so.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Importer"))
        self.check_button = QPushButton(self.tr("Vérifier à nouveau"))
        self.check_button.clicked.connect(self.run_check)
        for widget in (self.terms_days, self.terms_basis):
            signal = (
                widget.valueChanged if isinstance(widget, QSpinBox) else widget.currentIndexChanged
            )
            signal.connect(self._invalidate)
        self.complete.toggled.connect(self._invalidate)
        terms = QHBoxLayout()
        terms.addWidget(self.terms_days)
        terms.addWidget(self.terms_basis, 1)
        form = QFormLayout()
        form.addRow(self.tr("Échéance quand le fichier n'en donne pas"), terms)
        form.addRow("", self.complete)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Détail de la vérification"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)

    def initializePage(self) -> None:
        self._invalidate()
        self.run_check()

    def _invalidate(self, *_args: object) -> None:
        self._checked = False
        self._wizard.plan = None
        self.completeChanged.emit()

    def run_check(self) -> None:
        wizard = self._wizard
        services = wizard.services
        path, fmt, mapping, options = (
            wizard.path,
            wizard.source_format,
            wizard.mapping_json(),
            wizard.options(),
        )

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            parsed = services.imports.read_file(
                path, fmt=fmt, mapping_json=mapping, progress=progress, cancelled=cancelled
            )
            return parsed, services.imports.plan(parsed, options)

        try:
            wizard.parsed, wizard.plan = run_task(
                self,
                self.tr("Lecture et vérification du fichier…"),
                work,
                cancel_text=self.tr("Annuler"),
            )
        except (TaskCancelled, *_cancel_errors()):
            self.summary.setText(self.tr("Vérification interrompue."))
            return
        self._show_plan(wizard.plan)
        self._checked = True
        self.completeChanged.emit()

    def _show_plan(self, plan) -> None:  # type: ignore[no-untyped-def]
        if plan.ok:
            self.summary.setText(
                self.tr(
                    "<b>Le fichier peut être importé.</b> %s pièce(s) à créer, %s à mettre à jour, "
                    "%s à solder, %s inchangée(s) ; %s client(s) à créer."
                )
                % (
                    len(plan.to_create),
                    len(plan.to_update),
                    len(plan.to_settle),
                    plan.unchanged,
                    len(plan.customers_to_create),
                )
            )
            lines = [self.tr("Clients à créer :")] if plan.customers_to_create else []
            lines += [f"  {c.code} — {c.name}" for c in plan.customers_to_create[:200]]
            self.details.setPlainText("\n".join(lines))
        else:
            self.summary.setText(
                self.tr(
                    "<b style='color:#a1261f'>Le fichier est refusé : %s ligne(s) en erreur.</b> "
                    "Rien n'a été enregistré. Corrigez l'export puis recommencez."
                )
                % len(plan.rejected)
            )
            self.details.setPlainText(
                "\n".join(
                    self.tr("ligne %s : %s")
                    % (r.line_no, import_problem_message(r.problem, r.detail))
                    if r.line_no
                    else self.tr("fichier : %s") % import_problem_message(r.problem, r.detail)
                    for r in plan.rejected
                )
            )

    def isComplete(self) -> bool:
        return self._checked and self._wizard.plan is not None and self._wizard.plan.ok

    def validatePage(self) -> bool:
        """« Importer » writes everything or nothing, off the UI thread."""
        wizard = self._wizard
        services = wizard.services
        parsed, options, plan = wizard.parsed, wizard.options(), wizard.plan

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            # The checked plan is reused unless the file changed since the check.
            return services.imports.apply(
                parsed, options, plan=plan, progress=progress, cancelled=cancelled
            )

        try:
            wizard.result = run_task(
                self, self.tr("Import en cours…"), work, cancel_text=self.tr("Annuler")
            )
        except (TaskCancelled, *_cancel_errors()):
            self.summary.setText(self.tr("Import annulé : rien n'a été enregistré."))
            return False
        except ImportRejected as exc:
            # The data file changed between the check and the import (another window).
            wizard.plan = exc.plan
            self._show_plan(exc.plan)
            self.completeChanged.emit()
            return False
        mapping_name = self._wizard.columns_page.mapping_name.text().strip()
        if mapping_name and wizard.source_format != "fec":
            services.imports.save_mapping(mapping_name, wizard.mapping_json(), wizard.source_format)
        return True


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import terminé"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        r = self._wizard.result
        self.text.setText(
            self.tr(
                "%s pièce(s) créée(s), %s mise(s) à jour, %s soldée(s) ; %s client(s) créé(s).\n\n"
                "Vous pouvez annuler cet import depuis la page Imports tant qu'aucun autre n'a "
                "suivi."
            )
            % (r.created, r.updated, r.settled, r.customers_created)
        )


def _cancel_errors() -> tuple[type[BaseException], ...]:
    from desktop.services.imports.sniff import ImportCancelled

    return (ImportCancelled,)
