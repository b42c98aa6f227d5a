"""« Fiches commerciaux »: the salespeople's scorecards over a period, as a read-only table,
and the PDF for the variable-pay meeting (issue 7). Opened from the Tableau de bord.

The figures are computed once the dialog shows, and again a moment after the period or
the salesperson changes; like the PDF (fonts, one page per salesperson), off the UI
thread behind a busy indicator, since the aged balance behind them takes seconds on a
large file. Each column's header tooltip is the
definition printed in the PDF's « Définitions » box.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_cents
from desktop.domain.scorecard import (
    NEW_CUSTOMER_MONTHS,
    Scorecard,
    default_period,
    definitions,
    rounded_ratio,
)
from desktop.services.registry import Services
from desktop.ui.dates import DateEdit
from desktop.ui.tasks import run_with_progress
from desktop.ui.widgets import read_only_table

Index = QModelIndex | QPersistentModelIndex

# The columns, and the definition (domain.scorecard.definitions keys) each one shows.
(
    COL_NAME,
    COL_CUSTOMERS,
    COL_OPEN,
    COL_OVERDUE,
    COL_SHARE,
    COL_DAYS,
    COL_NEW,
    COL_BLOCKED,
    COL_HELPED,
    COL_VISITS,
    COL_PROMISES,
    COL_KEPT,
) = range(12)
_DEFINITION_OF = {
    COL_CUSTOMERS: "portfolio",
    COL_OPEN: "outstanding",
    COL_OVERDUE: "overdue_share",
    COL_SHARE: "overdue_share",
    COL_DAYS: "days_late",
    COL_NEW: "new_customers",
    COL_BLOCKED: "new_customers",
    COL_HELPED: "disputes",
    COL_VISITS: "visits",
    COL_PROMISES: "promises",
    COL_KEPT: "promises",
}
NAME_WIDTH = 240  # pixels at most for the name column: a long name is elided
RECOMPUTE_DELAY_MS = 250  # typing a date changes it digit by digit: wait for the last one


def _one_decimal(tenths: int) -> str:
    """123 → '12,3': a decimal comma, as the amounts (format_cents) are written."""
    units, rest = divmod(abs(tenths), 10)
    return f"{'-' if tenths < 0 else ''}{units},{rest}"


class ScorecardModel(QAbstractTableModel):
    """One row per scorecard, the figures as the PDF's cover prints them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: list[Scorecard] = []
        self._tips = {d.key: f"{d.label} : {d.text}" for d in definitions()}

    def set_cards(self, cards: list[Scorecard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    @property
    def cards(self) -> list[Scorecard]:
        return list(self._cards)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 12

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                COL_NAME: self.tr("Commercial"),
                COL_CUSTOMERS: self.tr("Clients"),
                COL_OPEN: self.tr("Encours"),
                COL_OVERDUE: self.tr("Échu"),
                COL_SHARE: self.tr("Part échue"),
                COL_DAYS: self.tr("Retard moyen"),
                COL_NEW: self.tr("Nouveaux (%n mois)", "", NEW_CUSTOMER_MONTHS),
                COL_BLOCKED: self.tr("Bloqués"),
                COL_HELPED: self.tr("Litiges aidés"),
                COL_VISITS: self.tr("Visites"),
                COL_PROMISES: self.tr("Promesses"),
                COL_KEPT: self.tr("Tenues"),
            }
            return titles.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and section in _DEFINITION_OF:
            return self._tips.get(_DEFINITION_OF[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(card, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return self._text(card, col)  # the column may elide a long name
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DAYS and card.paid.invoice_count:
            return self.tr("%n facture(s) soldée(s) pour %1", "", card.paid.invoice_count).replace(
                "%1", format_cents(card.paid.amount_cents)
            )
        return None

    def _text(self, card: Scorecard, col: int) -> str:
        if col == COL_NAME:
            return self.tr("Sans commercial") if card.is_unassigned else card.name
        if col == COL_CUSTOMERS:
            return str(card.customer_count)
        if col == COL_OPEN:
            return format_cents(card.open_cents)
        if col == COL_OVERDUE:
            return format_cents(card.overdue_cents)
        if col == COL_SHARE:
            share = card.overdue_share_bp
            return (
                "—"
                if share is None
                else self.tr("%1 %").replace("%1", _one_decimal(rounded_ratio(share, 10)))
            )
        if col == COL_DAYS:
            tenths = card.paid.average_tenths
            return "—" if tenths is None else self.tr("%1 j").replace("%1", _one_decimal(tenths))
        if col == COL_NEW:
            return str(card.new_customers)
        if col == COL_BLOCKED:
            return str(card.new_customers_blocked)
        if col == COL_HELPED:
            return str(card.disputes_helped)
        if col == COL_VISITS:
            return str(card.visit_reports)
        if col == COL_PROMISES:
            return str(card.promises.count)
        if col == COL_KEPT:
            return str(card.promises.kept)
        return ""


class ScorecardDialog(QDialog):
    """The period, the salesperson (or everyone), the figures, and the PDF."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Fiches commerciaux"))
        self.resize(1180, 420)
        start, end = default_period(services.context.clock.today())

        self.start_edit = DateEdit(start)
        self.start_edit.setAccessibleName(self.tr("Début de période"))
        self.end_edit = DateEdit(end)
        self.end_edit.setAccessibleName(self.tr("Fin de période"))
        self.salesperson_combo = QComboBox()
        self.salesperson_combo.setAccessibleName(self.tr("Commercial"))
        self.salesperson_combo.addItem(self.tr("Tous"), None)
        for person in services.scorecards.salespeople():
            self.salesperson_combo.addItem(person.name, person.id)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Du")))
        filters.addWidget(self.start_edit)
        filters.addWidget(QLabel(self.tr("au")))
        filters.addWidget(self.end_edit)
        filters.addSpacing(16)
        filters.addWidget(QLabel(self.tr("Commercial :")))
        filters.addWidget(self.salesperson_combo, 1)

        self.model = ScorecardModel(self)
        self.table = read_only_table(self.model, self.tr("Fiches commerciaux"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Survolez un titre de colonne pour lire la définition du chiffre ; le PDF "
                "les imprime avec chaque fiche."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #616E7C; }")

        self.pdf_button = QPushButton(self.tr("Enregistrer le PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.start_edit.dateChanged.connect(self._timer.start)
        self.end_edit.dateChanged.connect(self._timer.start)
        self.salesperson_combo.currentIndexChanged.connect(self._timer.start)
        self._loaded = False
        self._busy = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            # After the show completes: a nested event loop inside showEvent is unsafe.
            QTimer.singleShot(0, self.reload)

    # --- what is asked ---------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.start_edit.value(), self.end_edit.value()

    def salesperson_id(self) -> int | None:
        value = self.salesperson_combo.currentData()
        return int(value) if value is not None else None

    def _period_is_valid(self) -> bool:
        start, end = self.period()
        if start > end:
            self.model.set_cards([])
            self.message.setText(self.tr("La date de début doit précéder la date de fin."))
            self.message.setStyleSheet("QLabel { color: #B42318; }")
            self.pdf_button.setEnabled(False)
            return False
        return True

    # --- actions ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Recompute the figures for the period and the salesperson chosen, off the UI
        thread (the aged balance behind them takes seconds on a large file)."""
        self._timer.stop()
        self._loaded = True
        if self._busy:  # a change while computing: once more when this one is done
            self._timer.start()
            return
        if not self._period_is_valid():
            return
        start, end = self.period()
        salesperson, scorecards = self.salesperson_id(), self._services.scorecards
        self._busy = True
        try:
            cards = run_with_progress(
                self,
                self.tr("Calcul des fiches commerciaux…"),
                lambda: scorecards.for_period(start, end, salesperson),
            )
        finally:
            self._busy = False
        self.model.set_cards(cards)
        self.table.resizeColumnsToContents()
        # A very long name must not push the figures out of sight.
        self.table.setColumnWidth(COL_NAME, min(self.table.columnWidth(COL_NAME), NAME_WIDTH))
        self.pdf_button.setEnabled(bool(cards))
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Encours et retards arrêtés au %1, montants TTC.").replace(
                "%1", end.strftime("%d/%m/%Y")
            )
            if cards
            else self.tr("Aucun commercial enregistré (Paramètres › Équipe).")
        )

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Ask where (unless `path`), then write the PDF of what the table shows."""
        if self._timer.isActive():
            self.reload()
        if not self._period_is_valid():
            return None
        start, end = self.period()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer les fiches commerciaux"),
                f"fiches-commerciaux-{end.isoformat()}.pdf",
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        scorecards, salesperson = self._services.scorecards, self.salesperson_id()
        try:
            written, count = run_with_progress(
                self,
                self.tr("Préparation des fiches commerciaux…"),
                lambda: scorecards.write_pdf(start, end, Path(path), salesperson),
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Fiches non enregistrées"),
                self.tr("Le fichier n'a pas pu être écrit : %1").replace("%1", str(exc)),
            )
            return None
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("%n fiche(s) enregistrée(s) dans %1", "", count).replace("%1", str(written))
        )
        return written


def open_scorecards(services: Services, parent: QWidget | None = None) -> ScorecardDialog:
    """Show the dialog (modal) and return it once closed."""
    dialog = ScorecardDialog(services, parent)
    dialog.exec()
    return dialog
