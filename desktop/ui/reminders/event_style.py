"""How a calendar event reads in a list: its text and its colour, shared by the month and
week views so an event looks the same in both."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.money import format_cents
from desktop.services.calendar import CalendarEvent, EventKind
from desktop.ui.reminders.labels import channel_label, event_kind_label

COLORS = {
    EventKind.ACTION: "#1f4e79",
    EventKind.DONE: "#2e7d32",
    EventKind.FORECAST: "#6b7280",
    EventKind.PROMISE: "#8a5a00",
    EventKind.TASK: "#5b3f8c",
    EventKind.CLAIM_DEADLINE: "#b3261e",
}


def event_what(event: CalendarEvent) -> str:
    """'Courrier · Deuxième relance', 'Promesse', 'Tâche · Relancer …'."""
    if event.kind in (EventKind.ACTION, EventKind.DONE, EventKind.FORECAST) and event.channel:
        what = channel_label(event.channel)
        same = event.title.casefold() == what.casefold()
        return f"{what} · {event.title}" if event.title and not same else what
    if event.kind is EventKind.TASK:
        return QCoreApplication.translate("Calendar", "Tâche · %1").replace("%1", event.title)
    return event_kind_label(event.kind)


def event_line(event: CalendarEvent) -> str:
    """One line for the week view: customer, what, amount."""
    amount = f" — {format_cents(event.amount_cents)}" if event.amount_cents else ""
    prefix = f"{event_kind_label(event.kind)} : " if event.kind is EventKind.FORECAST else ""
    return f"{prefix}{event.customer_name}\n{event_what(event)}{amount}"


def event_brush(event: CalendarEvent) -> QBrush:
    return QBrush(QColor(COLORS[event.kind]))


def event_font(event: CalendarEvent, base: QFont) -> QFont:
    font = QFont(base)
    font.setItalic(event.kind is EventKind.FORECAST)
    font.setStrikeOut(event.kind is EventKind.DONE and event.status == "skipped")
    return font
