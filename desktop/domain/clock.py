"""Time is injected: rules take `as_of`, services take a Clock. Only app.py/cli.py read the
system clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


@dataclass
class FixedClock:
    """A clock that says what it is told; used by tests and by `--today` in the CLI."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()
