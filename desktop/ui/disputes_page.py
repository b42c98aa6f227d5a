"""Litiges: every dispute with its category, amount, department, owner and status.

Filters by status, category, department, owner and age; overdue answers in red; the
totals of what is disputed; a summary by category and by department for the owner;
an Excel export and a dispute sheet (PDF) for a meeting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.disputes import ACTIVE_STATUSES
from desktop.domain.enums import Department, DisputeCategory, DisputeStatus
from desktop.domain.money import format_cents
from desktop.domain.text import safe_file_stem
from desktop.services.disputes import DisputeFilter, DisputeRow, DisputeSummary, SummaryLine
from desktop.services.registry import Services
from desktop.ui.disputes.detail_dialog import DisputeDetailDialog
from desktop.ui.disputes.dispute_dialog import open_dispute_dialog
from desktop.ui.disputes.labels import category_label, department_label, dispute_status_label
from desktop.ui.disputes.list_model import (
    COL_AMOUNT,
    COL_ANSWER,
    COL_CATEGORY,
    COL_CUSTOMER,
    COL_DAYS,
    COL_DEPARTMENT,
    COL_INVOICES,
    COL_OWNER,
    COL_REPORTED,
    COL_STATUS,
    DisputeTableModel,
)
from desktop.ui.widgets import read_only_table

# The « status » filter's special choices (the others are DisputeStatus values).
IN_PROGRESS = "in_progress"
ALL = "all"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DisputesPage(QWidget):
    sig_open_customer = Signal(int)
    sig_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        self.summary: DisputeSummary | None = None
        title = QLabel(self.tr("Litiges"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")

        # --- filters -------------------------------------------------------------------
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filtrer par statut"))
        self.status_filter.addItem(self.tr("En cours"), IN_PROGRESS)
        self.status_filter.addItem(self.tr("Tous les statuts"), ALL)
        for status in DisputeStatus:
            self.status_filter.addItem(dispute_status_label(status), status.value)
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Filtrer par catégorie"))
        self.category_filter.addItem(self.tr("Toutes les catégories"), None)
        for category in DisputeCategory:
            self.category_filter.addItem(category_label(category), category.value)
        self.department_filter = QComboBox()
        self.department_filter.setAccessibleName(self.tr("Filtrer par service"))
        self.department_filter.addItem(self.tr("Tous les services"), None)
        for department in Department:
            self.department_filter.addItem(department_label(department), department.value)
        self.owner_filter = QComboBox()
        self.owner_filter.setAccessibleName(self.tr("Filtrer par responsable"))
        self.owner_filter.addItem(self.tr("Tous les responsables"), None)
        for user in services.reference.users():
            self.owner_filter.addItem(user.name, user.id)
        self.age_filter = QSpinBox()
        self.age_filter.setAccessibleName(self.tr("Ouverts depuis au moins"))
        self.age_filter.setRange(0, 3650)
        self.age_filter.setSingleStep(15)
        self.age_filter.setSpecialValueText(self.tr("tout âge"))
        self.age_filter.setSuffix(self.tr(" j et plus"))
        self.age_filter.setToolTip(self.tr("Litiges ouverts depuis au moins ce nombre de jours"))
        for combo in (
            self.status_filter,
            self.category_filter,
            self.department_filter,
            self.owner_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.age_filter.valueChanged.connect(lambda _v: self.reload())
        filters = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.category_filter,
            self.department_filter,
            self.owner_filter,
            self.age_filter,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        # --- actions -------------------------------------------------------------------
        self.new_button = QPushButton(self.tr("Nouveau litige…"))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.setToolTip(self.tr("Ouvrir le litige sélectionné (Entrée)"))
        self.customer_button = QPushButton(self.tr("Voir le client"))
        self.sheet_button = QPushButton(self.tr("Fiche PDF…"))
        self.sheet_button.setToolTip(self.tr("La fiche du litige sélectionné, pour une réunion"))
        self.export_button = QPushButton(self.tr("Exporter en Excel…"))
        self.export_button.setToolTip(self.tr("Les litiges affichés, avec leurs montants"))
        self.new_button.clicked.connect(lambda: self.new_dispute())
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.customer_button.clicked.connect(self._open_customer)
        self.sheet_button.clicked.connect(lambda: self.save_sheet())
        self.export_button.clicked.connect(lambda: self.export())
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.customer_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.sheet_button)
        actions.addWidget(self.export_button)

        # --- list ----------------------------------------------------------------------
        self.model = DisputeTableModel(self)
        self.table = read_only_table(self.model, self.tr("Litiges"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_REPORTED, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        widths = {
            COL_INVOICES: 100,
            COL_CATEGORY: 125,
            COL_STATUS: 105,
            COL_DEPARTMENT: 90,
            COL_OWNER: 105,
            COL_REPORTED: 82,
            COL_DAYS: 42,
            COL_ANSWER: 92,  # bold when late
            COL_AMOUNT: 100,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel()
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)

        # --- summary for the owner -----------------------------------------------------
        self.by_category = self._summary_tree(self.tr("Catégorie"))
        self.by_category.setAccessibleName(self.tr("Litiges par catégorie"))
        self.by_department = self._summary_tree(self.tr("Service"))
        self.by_department.setAccessibleName(self.tr("Litiges par service"))
        summary = QWidget()
        summary_layout = QHBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        for caption, tree in (
            (self.tr("Par cause"), self.by_category),
            (self.tr("Par service"), self.by_department),
        ):
            column = QVBoxLayout()
            heading = QLabel(caption)
            heading.setStyleSheet("QLabel { font-weight: 600; }")
            column.addWidget(heading)
            column.addWidget(tree, 1)
            summary_layout.addLayout(column, 1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        top_layout.addWidget(self.totals)
        # The summary for the owner sits under the list: the list keeps the full width.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 190])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    def _summary_tree(self, caption: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([caption, self.tr("Nb"), self.tr("Montant")])
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setStretchLastSection(False)
        tree.setColumnWidth(1, 50)
        tree.setColumnWidth(2, 120)
        return tree

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Reloaded at each visit: disputes are opened and closed from other pages too,
        # and a few hundred rows read at once. After the show completes, as elsewhere.
        super().showEvent(event)
        self._loaded = True
        QTimer.singleShot(0, self.reload)

    # --- loading -------------------------------------------------------------------------

    def current_filter(self) -> DisputeFilter:
        status = self.status_filter.currentData()
        category = self.category_filter.currentData()
        department = self.department_filter.currentData()
        owner = self.owner_filter.currentData()
        age = self.age_filter.value()
        return DisputeFilter(
            statuses=frozenset({DisputeStatus(status)})
            if status not in (IN_PROGRESS, ALL)
            else frozenset(),
            category=DisputeCategory(category) if category is not None else None,
            department=Department(department) if department is not None else None,
            owner_id=int(owner) if owner is not None else None,
            min_days_open=age or None,
            open_only=status == IN_PROGRESS,
        )

    def reload(self, select_id: int | None = None) -> None:
        """List the disputes that pass the filters, keeping (or moving to) a selection."""
        self._loaded = True
        if select_id is None:
            current = self.selected_row()
            select_id = current.id if current is not None else None
        flt = self.current_filter()
        rows = self._services.disputes.list(flt)
        self.model.set_rows(rows)
        self.summary = self._services.disputes.summary(flt)
        self._fill_summary(self.summary)
        self._show_totals(rows)
        self.empty.setVisible(not rows)
        self.empty.setText(
            self.tr(
                "Aucun litige pour ces critères. Un litige s'ouvre ici (Nouveau litige…), "
                "depuis la fiche d'un client, une facture ou une relance du jour."
            )
        )
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def reload_if_loaded(self) -> None:
        if self._loaded:
            self.reload()

    def _show_totals(self, rows: list[DisputeRow]) -> None:
        total = sum(r.disputed_cents for r in rows)
        in_progress = [r for r in rows if r.status in ACTIVE_STATUSES]
        overdue = sum(1 for r in rows if r.answer_overdue)
        parts = [
            self.tr("%n litige(s)", "", len(rows)),
            self.tr("montant contesté : <b>%1</b>").replace("%1", format_cents(total)),
        ]
        if len(in_progress) != len(rows):
            parts.append(
                self.tr("dont %n en cours", "", len(in_progress))
                + f" ({format_cents(sum(r.disputed_cents for r in in_progress))})"
            )
        if overdue:
            parts.append(
                "<span style='color:#a1261f'>"
                + self.tr("%n réponse(s) en retard", "", overdue)
                + "</span>"
            )
        self.totals.setText(" · ".join(parts))

    def _fill_summary(self, summary: DisputeSummary) -> None:
        self._fill_tree(
            self.by_category,
            summary.by_category,
            lambda key: category_label(DisputeCategory(key)),
        )
        self._fill_tree(
            self.by_department,
            summary.by_department,
            lambda key: department_label(Department(key)),
        )

    def _fill_tree(self, tree: QTreeWidget, lines: tuple[SummaryLine, ...], label) -> None:  # type: ignore[no-untyped-def]
        tree.clear()
        for line in lines:
            item = QTreeWidgetItem(
                [label(line.key), str(line.count), format_cents(line.disputed_cents)]
            )
            item.setToolTip(0, label(line.key))
            item.setTextAlignment(1, RIGHT)
            item.setTextAlignment(2, RIGHT)
            tree.addTopLevelItem(item)

    # --- selection and actions -----------------------------------------------------------

    def selected_row(self) -> DisputeRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.row_at(index.row())

    def select_dispute(self, dispute_id: int) -> bool:
        row = self.model.row_of(dispute_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        for button in (self.open_button, self.customer_button, self.sheet_button):
            button.setEnabled(selected)
        self.new_button.setEnabled(not self._services.database.read_only)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_dispute(row.id)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_dispute(row.id)

    def make_detail(self, dispute_id: int) -> DisputeDetailDialog:
        """The dispute's window, wired to this page (tests drive it before exec)."""
        dialog = DisputeDetailDialog(self._services, dispute_id, self)
        dialog.sig_changed.connect(lambda _id: self._changed(dispute_id))
        dialog.sig_open_customer.connect(self.sig_open_customer)
        return dialog

    def open_dispute(self, dispute_id: int) -> None:
        self.make_detail(dispute_id).exec()

    def new_dispute(self) -> int | None:
        dispute_id = open_dispute_dialog(self._services, None, parent=self)
        if dispute_id is not None:
            self._changed(dispute_id)
            self.open_dispute(dispute_id)
        return dispute_id

    def _changed(self, dispute_id: int) -> None:
        self.reload(dispute_id)
        self.sig_changed.emit()

    def _open_customer(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.sig_open_customer.emit(row.customer_id)

    def save_sheet(self, path: str | None = None) -> Path | None:
        """Write the selected dispute's sheet (PDF) where the user says, then show it."""
        row = self.selected_row()
        if row is None:
            return None
        interactive = path is None
        if path is None:
            suggested = (
                self.tr("Litige %1 %2.pdf")
                .replace("%1", str(row.id))
                .replace("%2", safe_file_stem(row.customer_name, 60))
            )
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer la fiche du litige"),
                suggested,
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        try:
            written = self._services.disputes.write_sheet(row.id, Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Fiche non enregistrée"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def export(self, path: str | None = None) -> Path | None:
        """Export the disputes shown (current filters) to an Excel workbook."""
        interactive = path is None
        if path is None:
            today = self._services.context.clock.today()
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Exporter les litiges"),
                f"litiges-{today.isoformat()}.xlsx",
                self.tr("Classeur Excel (*.xlsx)"),
            )
            if not path:
                return None
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        try:
            written = self._services.disputes.export_xlsx(self.current_filter(), Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export impossible"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:
            QMessageBox.information(
                self,
                self.tr("Export terminé"),
                self.tr("%n litige(s) exporté(s) dans %1", "", self.model.rowCount()).replace(
                    "%1", str(written)
                ),
            )
        return written
