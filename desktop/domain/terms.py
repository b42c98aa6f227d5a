"""Due dates from payment terms (Code de commerce L441-10 counting methods)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from desktop.domain.enums import PaymentTermsBasis


def end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def due_date(issued_on: date, days: int, basis: PaymentTermsBasis) -> date:
    """The due date of an invoice issued on `issued_on` under `days` / `basis`.

    INVOICE_DATE: issued + days. END_OF_MONTH_AFTER ("45 jours fin de mois", first
    method): issued + days, then the end of that month. END_OF_MONTH_THEN (second
    method): end of the issue month, then + days.
    """
    if basis is PaymentTermsBasis.INVOICE_DATE:
        return issued_on + timedelta(days=days)
    if basis is PaymentTermsBasis.END_OF_MONTH_AFTER:
        return end_of_month(issued_on + timedelta(days=days))
    return end_of_month(issued_on) + timedelta(days=days)


def days_late(due_on: date, as_of: date) -> int:
    """Days past the due date on `as_of` (0 or negative: not yet due). Penalties run from
    the day after the due date, so an invoice due today is 0 days late."""
    return (as_of - due_on).days
