"""Insolvency proceedings: the deadline to file a claim (déclaration de créance).

C. com. R622-24: the claim must reach the creditors' representative within 2 months of
the publication of the opening judgment at the BODACC, 4 months for a creditor outside
mainland France.
"""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["CLAIM_MONTHS", "CLAIM_MONTHS_ABROAD", "add_months", "claim_deadline"]

CLAIM_MONTHS = 2
CLAIM_MONTHS_ABROAD = 4  # creditors outside mainland France


def add_months(day: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day
    (31 December + 2 months = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def claim_deadline(published_on: date, creditor_abroad: bool) -> date:
    """The last day to file the claim after a BODACC publication on `published_on`."""
    return add_months(published_on, CLAIM_MONTHS_ABROAD if creditor_abroad else CLAIM_MONTHS)
