"""Date fields: Python dates in, Python dates out; an optional date shows « — » when empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def format_date(value: date | None, long: bool = False) -> str:
    """16/03/2026, or « 16 mars 2026 » in the application's locale when `long`."""
    if value is None:
        return ""
    if long:
        return QLocale().toString(to_qdate(value), "d MMMM yyyy")
    return value.strftime("%d/%m/%Y")


class DateEdit(QDateEdit):
    """A date with a calendar pop-up, dd/mm/yyyy."""

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDate(to_qdate(value))

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown « — »); `value()` is then None."""

    def __init__(
        self, value: date | None = None, default: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText("—")
        self._default = default
        self.set_value(value)

    def value(self) -> date | None:
        return None if self.date() == _EMPTY else from_qdate(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(_EMPTY if value is None else to_qdate(value))

    def clear_value(self) -> None:
        self.setDate(_EMPTY)

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # An empty date would open its calendar in January 1900: start from a useful day.
        if self.value() is None and self._default is not None:
            self.setDate(to_qdate(self._default))
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Delete empties the date (typing digits edits it as usual).
        if event.key() == Qt.Key.Key_Delete:
            self.clear_value()
            return
        super().keyPressEvent(event)
