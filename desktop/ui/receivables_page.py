"""Encours: the aged balance as of any date, by customer, salesperson or segment, and DSO."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.aging import DEFAULT_BUCKETS, AgingBuckets
from desktop.domain.money import format_cents
from desktop.services.registry import Services
from desktop.ui.dates import DateEdit, format_date, to_qdate
from desktop.ui.tasks import run_with_progress
from desktop.ui.widgets import read_only_table

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = QColor("#a1261f")


def bucket_title(key: str) -> str:
    """« Non échu », « 1–30 j », … « > 120 j » for the bucket keys of the service."""
    from PySide6.QtCore import QCoreApplication

    if key == "not_due":
        return QCoreApplication.translate("Aging", "Non échu")
    if key == "all":
        return QCoreApplication.translate("Aging", "Encours")
    if key.startswith("up_to_"):
        return QCoreApplication.translate("Aging", "Jusqu'à %s j") % key.removeprefix("up_to_")
    if key.endswith("+"):
        return QCoreApplication.translate("Aging", "> %s j") % key[:-1]
    low, _, high = key.partition("-")
    return QCoreApplication.translate("Aging", "%s–%s j") % (low, high)


class AgedBalanceModel(QAbstractTableModel):
    """Name, total, one column per bucket; the totals row last, in bold."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._balance = None
        self._keys: list[str] = []

    def set_balance(self, balance) -> None:  # type: ignore[no-untyped-def]
        self.beginResetModel()
        self._balance = balance
        self._keys = list(balance.keys) if balance is not None else []
        self.endResetModel()

    @property
    def balance(self):  # type: ignore[no-untyped-def]
        """The aged balance shown, as the service returned it (for the exports)."""
        return self._balance

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the groups (the totals row stays last); a few thousand rows at most."""
        if self._balance is None:
            return
        from dataclasses import replace

        from desktop.domain.text import fold

        def key(row):  # type: ignore[no-untyped-def]
            if column == 0:
                return row.code
            if column == 1:
                return fold(row.name)
            if column == 2:
                return row.total
            return row.amounts[column - 3]

        rows = sorted(self._balance.rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._balance = replace(self._balance, rows=tuple(rows))
        self.endResetModel()

    def row_at(self, row: int):  # type: ignore[no-untyped-def]
        if self._balance is None or not 0 <= row < len(self._balance.rows):
            return None
        return self._balance.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._balance is None or not self._balance.rows:
            return 0
        return len(self._balance.rows) + 1  # + totals

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3 + len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Code")
        if section == 1:
            return self.tr("Nom")
        if section == 2:
            return self.tr("Total")
        return bucket_title(self._keys[section - 3]) if section - 3 < len(self._keys) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or self._balance is None:
            return None
        rows = self._balance.rows
        is_total = index.row() == len(rows)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total:
                if col == 1:
                    return self.tr("Total")
                if col == 2:
                    return format_cents(self._balance.total)
                if col >= 3:
                    amount = self._balance.totals[col - 3]
                    return format_cents(amount) if amount else ""
                return ""
            r = rows[index.row()]
            if col == 0:
                return r.code
            if col == 1:
                return r.name
            if col == 2:
                return format_cents(r.total)
            amount = r.amounts[col - 3]
            return format_cents(amount) if amount else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col >= 4:
            return QBrush(OVERDUE_COLOR)
        return None


class ReceivablesPage(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        title = QLabel(self.tr("Encours et balance âgée"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        self.as_of = DateEdit(services.context.clock.today())
        self.as_of.setAccessibleName(self.tr("Date de la balance"))
        self.group_by = QComboBox()
        self.group_by.setAccessibleName(self.tr("Regrouper par"))
        self.group_by.addItem(self.tr("par client"), "customer")
        self.group_by.addItem(self.tr("par commercial"), "salesperson")
        self.group_by.addItem(self.tr("par segment"), "segment")
        self.buckets_edit = QLineEdit()
        self.buckets_edit.setAccessibleName(self.tr("Tranches d'ancienneté"))
        self.buckets_edit.setToolTip(
            self.tr(
                "Limites des tranches en jours de retard, séparées par des virgules "
                "(par défaut : 30, 60, 90, 120)"
            )
        )
        self.buckets_edit.setMaximumWidth(150)
        saved = QSettings().value("aging/bounds", "30, 60, 90, 120")
        self.buckets_edit.setText(str(saved))
        self.buckets_error = QLabel()
        self.buckets_error.setStyleSheet("QLabel { color: #a1261f; }")
        self.buckets_edit.editingFinished.connect(self._buckets_changed)
        self.excel_button = QPushButton(self.tr("Exporter en Excel…"))
        self.pdf_button = QPushButton(self.tr("Exporter en PDF…"))
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Balance âgée au")))
        controls.addWidget(self.as_of)
        controls.addWidget(self.group_by)
        controls.addWidget(QLabel(self.tr("Tranches (jours) :")))
        controls.addWidget(self.buckets_edit)
        controls.addWidget(self.buckets_error)
        controls.addStretch(1)
        controls.addWidget(self.excel_button)
        controls.addWidget(self.pdf_button)
        self.dso_label = QLabel()
        self.dso_label.setTextFormat(Qt.TextFormat.RichText)
        self.dso_label.setWordWrap(True)
        self.trend = QTableWidget(2, 12)
        self.trend.setAccessibleName(self.tr("Évolution du DSO sur 12 mois"))
        self.trend.setVerticalHeaderLabels(
            [self.tr("DSO comptable"), self.tr("DSO par épuisement")]
        )
        self.trend.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.trend.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trend.setFixedHeight(86)
        self.model = AgedBalanceModel(self)
        self.table = read_only_table(self.model, self.tr("Balance âgée"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 70)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open_row)
        self.empty = QLabel(
            self.tr(
                "Aucune pièce ouverte à cette date. Importez vos factures depuis la page Imports."
            )
        )
        self.empty.setStyleSheet("QLabel { color: #666; padding: 12px; }")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(self.dso_label)
        layout.addWidget(self.trend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.group_by.currentIndexChanged.connect(lambda _i: self.reload())

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Computed when first shown, not at start-up: the window opens at once.
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            # After the show completes: a nested event loop inside showEvent is unsafe.
            QTimer.singleShot(0, self.reload)

    def buckets(self) -> AgingBuckets | None:
        """The tranches typed by the user (« 30, 60, 90, 120 »), or None if they do not parse."""
        parts = [
            p.strip() for p in self.buckets_edit.text().replace(";", ",").split(",") if p.strip()
        ]
        try:
            bounds = [int(p) for p in parts]
            return AgingBuckets.from_upper_bounds(0, *bounds)
        except ValueError:
            return None

    def _buckets_changed(self) -> None:
        buckets = self.buckets()
        if buckets is None:
            self.buckets_error.setText(self.tr("Nombres croissants attendus, ex. : 30, 60, 90"))
            return
        self.buckets_error.setText("")
        QSettings().setValue("aging/bounds", self.buckets_edit.text())
        self.reload()

    def reload_if_loaded(self) -> None:
        """After an import: recompute only if the page was already computed once."""
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        receivables = self._services.receivables
        as_of, by = self.as_of.value(), self.group_by.currentData()
        buckets = self.buckets() or DEFAULT_BUCKETS

        def work():  # type: ignore[no-untyped-def]
            return (
                receivables.aged_balance(as_of, by=by, buckets=buckets),
                receivables.dso(as_of, method="accounting"),
                receivables.dso(as_of, method="countback"),
                receivables.dso_trend(as_of, method="accounting", months=12),
                receivables.dso_trend(as_of, method="countback", months=12),
            )

        balance, accounting, countback, trend_acc, trend_cb = run_with_progress(
            self, self.tr("Calcul de la balance âgée…"), work
        )
        self._show_trend(trend_acc, trend_cb)
        self.model.set_balance(balance)
        for column in range(2, self.model.columnCount()):
            self.table.setColumnWidth(column, 100)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.empty.setVisible(not balance.rows)
        self.dso_label.setText(
            self.tr(
                "Encours total : <b>%s</b> · DSO au %s : <b>%s j</b> (méthode comptable, 3 mois) · "
                "<b>%s j</b> (méthode par épuisement)"
            )
            % (
                format_cents(balance.total),
                format_date(as_of),
                _days(accounting.rounded),
                _days(countback.rounded),
            )
        )

    def _show_trend(self, accounting, countback) -> None:  # type: ignore[no-untyped-def]
        """Twelve month-ends, oldest first; « — » where the DSO is undefined."""
        self.trend.setColumnCount(len(accounting))
        self.trend.setHorizontalHeaderLabels(
            [QLocale().toString(to_qdate(p.month_end), "MMM yy") for p in accounting]
        )
        for row, points in enumerate((accounting, countback)):
            for column, point in enumerate(points):
                text = _days(None if point.days is None else round(point.days, 1))
                if point.capped:
                    text = "≥ " + text
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.trend.setItem(row, column, item)

    def _open_row(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and self.group_by.currentData() == "customer" and row.group_id:
            self.sig_open_customer.emit(int(row.group_id))

    def export(self, fmt: str) -> None:
        balance = self.model.balance
        if balance is None:
            return
        suggested = f"balance-agee-{self.as_of.value().isoformat()}.{fmt}"
        filters = {
            "xlsx": self.tr("Classeur Excel (*.xlsx)"),
            "pdf": self.tr("Document PDF (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporter la balance âgée"), suggested, filters[fmt]
        )
        if not path:
            return
        company = self._services.company.get()
        company_name = company.legal_name if company else ""
        try:
            if fmt == "xlsx":
                from desktop.documents.excel import write_aged_balance_xlsx

                write_aged_balance_xlsx(balance, Path(path), company_name=company_name)
            else:
                from desktop.documents.aging_pdf import render_aged_balance_pdf

                render_aged_balance_pdf(
                    balance,
                    Path(path),
                    company_name=company_name,
                    printed_on=self._services.context.clock.today(),
                )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export impossible"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return
        QMessageBox.information(
            self, self.tr("Export terminé"), self.tr("Balance âgée enregistrée dans %s") % path
        )


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",")
