"""The month view: a calendar whose days show how many reminder actions fall on them
(to do, or forecast by the engine), and the list of the selected day's events."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_cents
from desktop.services.calendar import CalendarEvent, CalendarFilter
from desktop.services.registry import Services
from desktop.ui.dates import format_date, to_qdate
from desktop.ui.reminders.event_style import event_brush, event_font, event_what
from desktop.ui.reminders.labels import event_kind_label
from desktop.ui.tasks import run_with_progress

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1


class MonthGrid(QTableWidget):
    """Six weeks, Monday to Sunday: each cell shows the day and how many actions fall on
    it. A plain table rather than QCalendarWidget.paintCell, whose Python override leaks
    a reference to None on every cell painted (PySide6 6.12) and ends in a crash."""

    sig_day_changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(6, 7, parent)
        self.today = today
        self.year, self.month = today.year, today.month
        self.counts: dict[date, int] = {}
        self._selected = today
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumSize(420, 300)
        self.setWordWrap(True)
        locale = QLocale()
        self.setHorizontalHeaderLabels(
            [
                locale.dayName(day, QLocale.FormatType.ShortFormat)
                for day in range(1, 8)  # Qt counts Monday as 1
            ]
        )
        self.currentCellChanged.connect(self._cell_changed)

    def visible_range(self) -> tuple[date, date]:
        """Monday of the first week shown to Sunday of the sixth."""
        first = date(self.year, self.month, 1)
        start = first - timedelta(days=first.weekday())
        return start, start + timedelta(days=41)

    def day_at(self, row: int, column: int) -> date:
        return self.visible_range()[0] + timedelta(days=row * 7 + column)

    def selected_day(self) -> date:
        return self._selected

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        start, end = self.visible_range()
        if not start <= self._selected <= end or self._selected.month != month:
            self._selected = date(year, month, 1)

    def select_day(self, day: date) -> None:
        self._selected = day
        start, _ = self.visible_range()
        offset = (day - start).days
        if 0 <= offset < 42:
            self.setCurrentCell(offset // 7, offset % 7)

    def paint_counts(self, counts: dict[date, int]) -> None:
        self.counts = counts
        self.blockSignals(True)
        for row in range(6):
            for column in range(7):
                day = self.day_at(row, column)
                count = counts.get(day, 0)
                text = str(day.day)
                if count:
                    text += "\n" + self.tr("%n relance(s)", "", count)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                item.setData(DAY_ROLE, day.isoformat())
                if day.month != self.month:
                    item.setForeground(QBrush(QColor("#9aa5b1")))
                elif count and day >= self.today:
                    item.setForeground(QBrush(QColor("#1f4e79")))
                if day == self.today:
                    item.setBackground(QBrush(QColor("#e8edf3")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(format_date(day, long=True))
                self.setItem(row, column, item)
        self.blockSignals(False)
        self.select_day(self._selected)

    def _cell_changed(self, row: int, column: int, *_previous: int) -> None:
        if row < 0 or column < 0:
            return
        self._selected = self.day_at(row, column)
        self.sig_day_changed.emit()


class MonthView(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._filter = CalendarFilter()
        today = services.context.clock.today()
        self.calendar = MonthGrid(today)
        self.calendar.setAccessibleName(self.tr("Calendrier du mois"))
        self.calendar.sig_day_changed.connect(self._show_day)
        self.previous_button = QPushButton(self.tr("◀ Mois précédent"))
        self.this_month_button = QPushButton(self.tr("Ce mois-ci"))
        self.next_button = QPushButton(self.tr("Mois suivant ▶"))
        self.previous_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(1))
        self.this_month_button.clicked.connect(self._this_month)
        self.month_title = QLabel()
        self.month_title.setStyleSheet("QLabel { font-weight: 600; }")
        self.day_title = QLabel()
        self.day_title.setStyleSheet("QLabel { font-weight: 600; }")
        self.day_list = QTreeWidget()
        self.day_list.setAccessibleName(self.tr("Événements du jour choisi"))
        self.day_list.setRootIsDecorated(False)
        self.day_list.setHeaderLabels(
            [self.tr("Client"), self.tr("Quoi"), self.tr("Montant"), self.tr("État")]
        )
        self.day_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.day_list.header().setStretchLastSection(False)
        self.day_list.setColumnWidth(1, 190)
        self.day_list.setColumnWidth(2, 95)
        self.day_list.setColumnWidth(3, 70)
        self.day_list.itemDoubleClicked.connect(self._open)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.day_title)
        right_layout.addWidget(self.day_list, 1)
        splitter = QSplitter()
        splitter.addWidget(self.calendar)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        legend = QLabel(
            self.tr(
                "Le chiffre de chaque jour : relances à faire ou prévues par le plan si rien "
                "n'est payé d'ici là."
            )
        )
        legend.setStyleSheet("QLabel { color: #555; }")
        legend.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.this_month_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.month_title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(legend)

    def _move(self, months: int) -> None:
        index = self.calendar.year * 12 + self.calendar.month - 1 + months
        self.calendar.show_month(index // 12, index % 12 + 1)
        self.reload()

    def _this_month(self) -> None:
        today = self._services.context.clock.today()
        self.calendar.show_month(today.year, today.month)
        self.calendar.select_day(today)
        self.reload()

    def set_filter(self, flt: CalendarFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        start, end = self.calendar.visible_range()
        calendar, flt = self._services.calendar, self._filter
        # The engine's forecast over thousands of customers takes a moment: off the UI thread.
        self._events = run_with_progress(
            self, self.tr("Calcul du calendrier…"), lambda: calendar.events(start, end, flt)
        )
        counts: dict[date, int] = {}
        for event in self._events:
            if event.kind.value in ("action", "forecast"):
                counts[event.day] = counts.get(event.day, 0) + 1
        self.month_title.setText(
            QLocale().toString(
                to_qdate(date(self.calendar.year, self.calendar.month, 1)), "MMMM yyyy"
            )
        )
        self.calendar.paint_counts(counts)
        self._show_day()

    def selected_day(self) -> date:
        return self.calendar.selected_day()

    def _show_day(self) -> None:
        day = self.selected_day()
        events: list[CalendarEvent] = [e for e in getattr(self, "_events", []) if e.day == day]
        self.day_title.setText(
            self.tr("%1 — %n événement(s)", "", len(events)).replace(
                "%1", format_date(day, long=True)
            )
        )
        self.day_list.clear()
        for event in events:
            item = QTreeWidgetItem(
                [
                    event.customer_name,
                    event_what(event),
                    format_cents(event.amount_cents) if event.amount_cents else "",
                    event_kind_label(event.kind),
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column in range(4):
                item.setForeground(column, event_brush(event))
                item.setFont(column, event_font(event, item.font(column)))
            item.setData(0, CUSTOMER_ID_ROLE, event.customer_id)
            self.day_list.addTopLevelItem(item)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        customer = item.data(0, CUSTOMER_ID_ROLE)
        if customer is not None:
            self.sig_open_customer.emit(int(customer))
