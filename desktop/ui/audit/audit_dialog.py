"""« Journal des modifications »: the owner's view of the whole audit trail.

Filters (who, what kind of record, which action, dates, text, customer) are applied in
SQL; the table pages as it scrolls; the pane below shows the selected change field by
field, before → after; the filtered entries export to Excel. Esc closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.audit_sheet import AuditSheetRow, write_audit_xlsx
from desktop.domain.enums import AuditAction
from desktop.services.audit_trail import MAX_LIMIT, AuditFilter, AuditLine
from desktop.services.registry import Services
from desktop.ui.audit.details import AuditDetails
from desktop.ui.audit.labels import change_texts, reference_names, summary_text
from desktop.ui.audit.model import (
    COL_ACTION,
    COL_ACTOR,
    COL_AT,
    COL_CUSTOMER,
    COL_ENTITY,
    COL_SUMMARY,
    AuditTableModel,
)
from desktop.ui.customer_picker import CustomerPicker
from desktop.ui.dates import OptionalDateEdit
from desktop.ui.messages import audit_action_label, audit_entity_label
from desktop.ui.widgets import read_only_table

TEXT_DELAY_MS = 300  # search once typing pauses


class AuditDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Journal des modifications"))
        self.resize(1180, 760)
        today = services.context.clock.today()

        self.actor_combo = QComboBox()
        self.actor_combo.setAccessibleName(self.tr("Qui"))
        self.entity_combo = QComboBox()
        self.entity_combo.setAccessibleName(self.tr("Objet"))
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("Toutes les actions"), None)
        for action in AuditAction:
            self.action_combo.addItem(audit_action_label(action.value), action.value)
        self.date_from = OptionalDateEdit(None, default=today)
        self.date_from.setAccessibleName(self.tr("Du"))
        self.date_to = OptionalDateEdit(None, default=today)
        self.date_to.setAccessibleName(self.tr("Au"))
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Texte du résumé ou des valeurs…"))
        self.text_edit.setAccessibleName(self.tr("Texte recherché"))
        self.text_edit.setClearButtonEnabled(True)
        self.customer_picker = CustomerPicker(services, self.tr("Tous les clients"))
        self.clear_button = QPushButton(self.tr("Effacer les filtres"))
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QFormLayout()
        first = QHBoxLayout()
        first.addWidget(self.actor_combo, 1)
        first.addWidget(QLabel(self.tr("Objet")))
        first.addWidget(self.entity_combo, 1)
        first.addWidget(QLabel(self.tr("Action")))
        first.addWidget(self.action_combo, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("au")))
        dates.addWidget(self.date_to)
        dates.addSpacing(16)
        dates.addWidget(QLabel(self.tr("Texte")))
        dates.addWidget(self.text_edit, 1)
        filters.addRow(self.tr("Qui"), first)
        filters.addRow(self.tr("Du"), dates)
        customer_row = QHBoxLayout()
        customer_row.addWidget(self.customer_picker, 1)
        customer_row.addWidget(self.clear_button)
        filters.addRow(self.tr("Client"), customer_row)

        self.names = reference_names(services)
        self.model = AuditTableModel(services.audit, self, self.names)
        self.table = read_only_table(self.model, self.tr("Journal des modifications"))
        self.table.setWordWrap(False)
        for column, width in (
            (COL_AT, 125),
            (COL_ACTOR, 130),
            (COL_ACTION, 105),
            (COL_ENTITY, 180),
            (COL_CUSTOMER, 200),
        ):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_SUMMARY, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = AuditDetails(names=self.names)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("Exporter vers Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filters)
        self.text_edit.textChanged.connect(lambda _t: self._text_timer.start())
        self._fill_choices()
        for combo in (self.actor_combo, self.entity_combo, self.action_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.customer_picker.sig_chosen.connect(self.apply_filters)
        self.apply_filters()

    # --- filters -----------------------------------------------------------------------

    def _fill_choices(self) -> None:
        audit = self._services.audit
        self.actor_combo.addItem(self.tr("Tout le monde"), None)
        for name in audit.actors():
            self.actor_combo.addItem(name, name)
        self.entity_combo.addItem(self.tr("Tous les objets"), None)
        for label, kind in sorted((audit_entity_label(k), k) for k in audit.entity_kinds()):
            self.entity_combo.addItem(label, kind)

    def current_filter(self) -> AuditFilter:
        """What the filters say, as the service takes it (dates in either order)."""
        start, end = self.date_from.value(), self.date_to.value()
        if start is not None and end is not None and end < start:
            start, end = end, start
        actor = self.actor_combo.currentData()
        kind = self.entity_combo.currentData()
        action = self.action_combo.currentData()
        return AuditFilter(
            customer_id=self.customer_picker.customer_id,
            actor=actor or "",
            entities=(kind,) if kind else (),
            actions=(action,) if action else (),
            date_from=start,
            date_to=end,
            text=self.text_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        self._text_timer.stop()
        self.model.set_filter(self.current_filter())
        total = self.model.total
        self.count_label.setText(
            self.tr("%n modification(s)", "", total) if total else self.tr("Aucune modification.")
        )
        self.export_button.setEnabled(total > 0)
        self.details.show_line(None)
        if self.model.rowCount():
            self.table.selectRow(0)

    def clear_filters(self) -> None:
        for widget in (
            self.actor_combo,
            self.entity_combo,
            self.action_combo,
            self.date_from,
            self.date_to,
            self.text_edit,
            self.customer_picker,
        ):
            widget.blockSignals(True)
        try:
            for combo in (self.actor_combo, self.entity_combo, self.action_combo):
                combo.setCurrentIndex(0)
            self.date_from.clear_value()
            self.date_to.clear_value()
            self.text_edit.clear()
            self.customer_picker.search.clear()
            self.customer_picker.choice.setCurrentIndex(0)
        finally:
            for widget in (
                self.actor_combo,
                self.entity_combo,
                self.action_combo,
                self.date_from,
                self.date_to,
                self.text_edit,
                self.customer_picker,
            ):
                widget.blockSignals(False)
        self.apply_filters()

    def show_customer(self, customer_id: int) -> None:
        """Narrow the journal to one customer (as if picked in the customer filter)."""
        self.customer_picker.choice.blockSignals(True)
        if self.customer_picker.choice.findData(customer_id) < 0:
            detail = self._services.customers.get(customer_id)
            self.customer_picker.choice.addItem(detail.draft.legal_name, customer_id)
        self.customer_picker.select_customer(customer_id)
        self.customer_picker.choice.blockSignals(False)
        self.apply_filters()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.show_line(self.model.line_at(rows[0].row()) if rows else None)

    # --- export ------------------------------------------------------------------------

    def export(self, path: str | None = None) -> Path | None:
        """Write every entry passing the filters (not only those loaded) to an Excel
        file; asks where unless `path` is given. Returns the file written."""
        asked = path is None
        if path is None:
            suggested = (
                f"journal-des-modifications-{self._services.context.clock.today():%Y-%m-%d}.xlsx"
            )
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Exporter le journal des modifications"),
                suggested,
                self.tr("Classeur Excel (*.xlsx)"),
            )
            if not path:
                return None
        target = Path(path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = [self._sheet_row(line) for line in self._all_lines()]
            company = self._services.company.get()
            write_audit_xlsx(
                rows,
                target,
                headers=self._sheet_headers(),
                title=self.tr("Journal des modifications"),
                company_name=company.legal_name if company else "",
            )
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self,
                self.tr("Export impossible"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        QGuiApplication.restoreOverrideCursor()
        if asked:
            QMessageBox.information(
                self,
                self.tr("Export terminé"),
                self.tr("%n modification(s) enregistrée(s) dans %1", "", len(rows)).replace(
                    "%1", str(target)
                ),
            )
        return target

    def _all_lines(self) -> list[AuditLine]:
        flt = self.model.current_filter
        audit = self._services.audit
        lines: list[AuditLine] = []
        while True:
            page = audit.entries(flt, len(lines), MAX_LIMIT)
            lines.extend(page)
            if len(page) < MAX_LIMIT:
                return lines

    def _sheet_headers(self) -> list[str]:
        return [
            self.tr("Date et heure"),
            self.tr("Qui"),
            self.tr("Action"),
            self.tr("Objet"),
            self.tr("Client"),
            self.tr("Résumé"),
            self.tr("Avant → après"),
        ]

    def _sheet_row(self, line: AuditLine) -> AuditSheetRow:
        record = audit_entity_label(line.entity)
        if line.entity_id:
            record += f" n° {line.entity_id}"
        return AuditSheetRow(
            at=line.at,
            actor=line.actor,
            action=audit_action_label(line.action),
            record=record,
            customer=line.customer_name,
            summary=summary_text(line),
            changes="\n".join(
                f"{name} : {before} → {after}"
                for name, before, after in change_texts(line, self.names)
            ),
        )


def open_audit_dialog(services: Services, parent: QWidget, customer_id: int | None = None) -> None:
    """Show the journal (modal), narrowed to a customer when one is given."""
    dialog = AuditDialog(services, parent)
    if customer_id is not None:
        dialog.show_customer(customer_id)
    dialog.exec()
