"""Tableau de bord: six panels the owner reads at a glance, each opening the list behind it.

matplotlib is imported when the page is first shown, never at start-up: the window
opens at once and a user who never looks at the dashboard never pays for it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import DisputeCategory
from desktop.domain.money import format_cents
from desktop.services.dashboard import DashboardFigures
from desktop.services.registry import Services
from desktop.ui.dates import format_date, to_qdate
from desktop.ui.disputes.labels import category_label
from desktop.ui.receivables_page import bucket_title
from desktop.ui.reminders.labels import channel_label
from desktop.ui.tasks import run_with_progress

_PANEL_STYLE = "QFrame#panel { background: white; border: 1px solid #d9dee4; border-radius: 6px; }"


class ChartPanel(QFrame):
    """A framed matplotlib canvas; a click anywhere on it emits `sig_clicked`."""

    sig_clicked = Signal()

    def __init__(self, accessible_name: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAccessibleName(accessible_name)
        self.setToolTip(hint)
        self.setStyleSheet(_PANEL_STYLE)
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.canvas: Any = None
        self.figure: Any = None

    def ensure_canvas(self) -> None:
        """Build the canvas on first use; this is where matplotlib gets imported."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName(self.accessibleName())
        self.canvas.setToolTip(self.toolTip())
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.mpl_connect("button_press_event", self._pressed)
        self._layout.addWidget(self.canvas)

    def _pressed(self, event: Any) -> None:
        if event.button == 1:
            self.sig_clicked.emit()

    def draw(self, painter: Any) -> None:
        """Clear the figure and let `painter(axes)` draw the chart."""
        self.ensure_canvas()
        self.figure.clear()
        painter(self.figure.add_subplot())
        self.canvas.draw_idle()


class ListPanel(QFrame):
    """A title over a small two-column table; Enter or a double click on a row emits
    `sig_open_customer` with the row's customer."""

    sig_open_customer = Signal(int)

    def __init__(self, title: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setStyleSheet(_PANEL_STYLE)
        self.setMinimumSize(260, 200)
        self.title = QLabel(title)
        self.title.setStyleSheet("QLabel { font-weight: 600; font-size: 10.5pt; }")
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setStyleSheet("QLabel { color: #666; }")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def set_rows(self, rows: list[tuple[int, list[str]]], empty_text: str) -> None:
        """`rows`: (customer id, cell texts); the last cells are right-aligned amounts."""
        self.table.setRowCount(len(rows))
        for row, (customer_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, customer_id)
                if column > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setText(empty_text)
        self.empty.setVisible(not rows)

    def _activated(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.sig_open_customer.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class DashboardPage(QWidget):
    sig_show_receivables = Signal()
    sig_show_reminders = Signal()
    sig_show_disputes = Signal()
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        self.figures: DashboardFigures | None = None

        title = QLabel(self.tr("Tableau de bord"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setToolTip(self.tr("Recalculer le tableau de bord (F5)"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.reload)
        self.report_button = QPushButton(self.tr("Rapport mensuel (PDF)…"))
        self.report_button.clicked.connect(self.save_monthly_report)
        self.scorecards_button = QPushButton(self.tr("Fiches commerciaux…"))
        self.scorecards_button.setToolTip(
            self.tr("Chiffres de chaque commercial sur une période, et leur PDF")
        )
        self.scorecards_button.clicked.connect(self.open_scorecards)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.report_button)
        header.addWidget(self.scorecards_button)

        open_hint = self.tr("Cliquer pour ouvrir %s")
        self.aging_chart = ChartPanel(
            self.tr("Retards par ancienneté"), open_hint % self.tr("l'encours")
        )
        self.dso_chart = ChartPanel(self.tr("DSO sur 12 mois"), open_hint % self.tr("l'encours"))
        self.disputes_chart = ChartPanel(
            self.tr("Litiges ouverts par cause"), open_hint % self.tr("les litiges")
        )
        self.actions_chart = ChartPanel(
            self.tr("Actions de relance du jour"), open_hint % self.tr("les relances")
        )
        self.late_payers = ListPanel(
            self.tr("Les dix plus gros retards"), [self.tr("Client"), self.tr("Échu")]
        )
        self.proposals = ListPanel(
            self.tr("Blocages à décider"), [self.tr("Client"), self.tr("Proposé le")]
        )
        self.aging_chart.sig_clicked.connect(self.sig_show_receivables)
        self.dso_chart.sig_clicked.connect(self.sig_show_receivables)
        self.disputes_chart.sig_clicked.connect(self.sig_show_disputes)
        self.actions_chart.sig_clicked.connect(self.sig_show_reminders)
        self.late_payers.sig_open_customer.connect(self.sig_open_customer)
        self.proposals.sig_open_customer.connect(self.sig_open_customer)

        grid = QGridLayout()
        grid.setSpacing(10)
        panels = (
            self.aging_chart,
            self.dso_chart,
            self.disputes_chart,
            self.actions_chart,
            self.late_payers,
            self.proposals,
        )
        for position, panel in enumerate(panels):
            grid.addWidget(panel, position // 3, position % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(2):
            grid.setRowStretch(row, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    @property
    def charts(self) -> tuple[ChartPanel, ...]:
        return (self.aging_chart, self.dso_chart, self.disputes_chart, self.actions_chart)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Computed (and matplotlib loaded) when first shown, not at start-up.
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            # After the show completes: a nested event loop inside showEvent is unsafe.
            QTimer.singleShot(0, self.reload)

    def reload_if_loaded(self) -> None:
        """After the data changed: recompute only if the page was already computed."""
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        """Recompute every figure off the UI thread, then redraw (F5)."""
        self._loaded = True
        services = self._services
        as_of = services.context.clock.today()

        def work() -> DashboardFigures:
            # Today's actions exist once the day's reminders were computed, as the
            # Relances page does on show; a read-only view shows what is planned.
            if not services.database.read_only:
                services.score.refresh(as_of, only_stale=True)  # the day's scores (issue 7)
                try:
                    services.reminders.refresh(as_of)
                except ValueError:
                    pass  # an inconsistent plan: the Relances page reports it
            return services.dashboard.figures(as_of)

        figures = run_with_progress(self, self.tr("Calcul du tableau de bord…"), work)
        self.show_figures(figures)

    # --- drawing -------------------------------------------------------------------------

    def show_figures(self, figures: DashboardFigures) -> None:
        from desktop.documents import monthly_report as charts

        self.figures = figures
        last_dso = figures.dso[-1].days if figures.dso else None
        self.summary.setText(
            self.tr(
                "Au %s · encours <b>%s</b> · échu <b>%s</b> · DSO <b>%s</b> · "
                "<b>%d</b> litige(s) ouvert(s) · <b>%d</b> action(s) à faire"
            )
            % (
                format_date(figures.as_of),
                format_cents(figures.open_cents),
                format_cents(figures.overdue_cents),
                "—" if last_dso is None else self.tr("%d j") % round(last_dso),
                figures.open_dispute_count,
                figures.action_count,
            )
        )
        self.aging_chart.draw(
            lambda ax: charts.bar_chart(
                ax,
                self.tr("Retards par ancienneté"),
                [bucket_title(bar.key) for bar in figures.aging],
                [bar.cents for bar in figures.aging],
                colors=charts.aging_colors(len(figures.aging)),
                tick_format=charts.euros_short,
                value_format=charts.euros_short,
                empty_text=self.tr("Aucun retard"),
            )
        )
        self.dso_chart.draw(
            lambda ax: charts.line_chart(
                ax,
                self.tr("DSO sur 12 mois (jours)"),
                [QLocale().toString(to_qdate(p.month_end), "MMM yy") for p in figures.dso],
                [p.days for p in figures.dso],
                empty_text=self.tr("Pas encore de ventes"),
            )
        )
        self.disputes_chart.draw(
            lambda ax: charts.bar_chart(
                ax,
                self.tr("Litiges ouverts par cause"),
                [_short(category_label(DisputeCategory(line.key))) for line in figures.disputes],
                [line.disputed_cents for line in figures.disputes],
                colors="#8e6bbf",
                horizontal=True,
                tick_format=charts.euros_short,
                value_format=charts.euros_short,
                empty_text=self.tr("Aucun litige ouvert"),
            )
        )
        self.actions_chart.draw(
            lambda ax: charts.bar_chart(
                ax,
                self.tr("Actions de relance du jour"),
                [channel_label(a.channel) for a in figures.actions],
                [a.count for a in figures.actions],
                colors="#3c8d5a",
                value_format=lambda v: f"{v:.0f}",
                empty_text=self.tr("Aucune action due aujourd'hui"),
            )
        )
        self.late_payers.set_rows(
            [(p.customer_id, [p.name, format_cents(p.overdue_cents)]) for p in figures.late_payers],
            self.tr("Aucun client en retard."),
        )
        self.proposals.set_rows(
            [
                (p.customer_id, [p.customer_name, format_date(p.proposed_on)])
                for p in figures.proposals
            ],
            self.tr("Aucune proposition de blocage en attente."),
        )

    # --- the monthly report --------------------------------------------------------------

    def save_monthly_report(self) -> None:
        as_of: date = self._services.context.clock.today()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le rapport mensuel"),
            f"rapport-mensuel-{as_of.isoformat()}.pdf",
            self.tr("Document PDF (*.pdf)"),
        )
        if not path:
            return
        dashboard = self._services.dashboard
        try:
            run_with_progress(
                self,
                self.tr("Préparation du rapport mensuel…"),
                lambda: dashboard.write_monthly_report(as_of, Path(path)),
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Rapport impossible"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return
        QMessageBox.information(
            self,
            self.tr("Rapport enregistré"),
            self.tr("Rapport mensuel enregistré dans %s") % path,
        )

    # --- the salespeople's scorecards ------------------------------------------------------

    def open_scorecards(self) -> None:
        from desktop.ui.scorecard_dialog import open_scorecards

        open_scorecards(self._services, self)


def _short(text: str, limit: int = 24) -> str:
    """Category names run long; the bar chart's axis keeps them to one short line."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
