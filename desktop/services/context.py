"""What every service needs: the database, the clock, and who is acting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.clock import Clock
from desktop.persistence.database import Database


@dataclass
class ServiceContext:
    database: Database
    clock: Clock
    actor: Callable[[], str]  # name written in the audit trail for each change
