"""The week view: seven columns, Monday to Sunday, each listing the day's events."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.calendar import CalendarFilter
from desktop.services.registry import Services
from desktop.ui.dates import format_date, to_qdate
from desktop.ui.reminders.event_style import event_brush, event_font, event_line
from desktop.ui.tasks import run_with_progress

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class WeekView(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._filter = CalendarFilter()
        self.monday = monday_of(services.context.clock.today())
        self.previous_button = QPushButton(self.tr("◀ Semaine précédente"))
        self.today_button = QPushButton(self.tr("Cette semaine"))
        self.next_button = QPushButton(self.tr("Semaine suivante ▶"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.today_button.clicked.connect(
            lambda: self.show_week(monday_of(self._services.context.clock.today()))
        )
        self.title = QLabel()
        self.title.setStyleSheet("QLabel { font-weight: 600; }")
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        columns = QHBoxLayout()
        self.headers: list[QLabel] = []
        self.days: list[QListWidget] = []
        for _ in range(7):
            column = QVBoxLayout()
            header = QLabel()
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            day_list = QListWidget()
            day_list.setWordWrap(True)
            day_list.setAlternatingRowColors(True)
            day_list.itemDoubleClicked.connect(self._open)
            column.addWidget(header)
            column.addWidget(day_list, 1)
            columns.addLayout(column, 1)
            self.headers.append(header)
            self.days.append(day_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(columns, 1)

    def set_filter(self, flt: CalendarFilter) -> None:
        self._filter = flt
        self.reload()

    def show_week(self, monday: date) -> None:
        self.monday = monday
        self.reload()

    def reload(self) -> None:
        today = self._services.context.clock.today()
        sunday = self.monday + timedelta(days=6)
        self.title.setText(
            self.tr("Semaine du %1 au %2")
            .replace("%1", format_date(self.monday))
            .replace("%2", format_date(sunday))
        )
        calendar, flt, monday = self._services.calendar, self._filter, self.monday
        events = run_with_progress(
            self, self.tr("Calcul du calendrier…"), lambda: calendar.events(monday, sunday, flt)
        )
        for offset, (header, day_list) in enumerate(zip(self.headers, self.days, strict=True)):
            day = self.monday + timedelta(days=offset)
            own = [e for e in events if e.day == day]
            name = QLocale().toString(to_qdate(day), "ddd d MMM")
            header.setText(f"{name} ({len(own)})" if own else name)
            weight = "700" if day == today else "500"
            color = "#1f4e79" if day == today else "#333"
            header.setStyleSheet(f"QLabel {{ font-weight: {weight}; color: {color}; }}")
            day_list.setAccessibleName(self.tr("Événements du %1").replace("%1", format_date(day)))
            day_list.clear()
            for event in own:
                item = QListWidgetItem(event_line(event))
                item.setForeground(event_brush(event))
                item.setFont(event_font(event, item.font()))
                item.setData(CUSTOMER_ID_ROLE, event.customer_id)
                day_list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        customer = item.data(CUSTOMER_ID_ROLE)
        if customer is not None:
            self.sig_open_customer.emit(int(customer))
