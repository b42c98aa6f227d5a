"""Every service of an open file, built in one call; the UI and the CLI receive this."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.clock import Clock
from desktop.persistence.database import Database
from desktop.services.company import CompanyService
from desktop.services.context import ServiceContext
from desktop.services.customers import CustomerService
from desktop.services.imports.service import ImportService
from desktop.services.maintenance import MaintenanceService
from desktop.services.receivables import ReceivablesService
from desktop.services.reference import ReferenceService
from desktop.services.reminders import ReminderService
from desktop.services.statements import StatementService
from desktop.services.timeline import TimelineService
from desktop.services.visits import VisitReportService


@dataclass
class Services:
    """Every service of an open file, built once and handed to the UI or the CLI."""

    path: Path
    database: Database
    context: ServiceContext
    customers: CustomerService
    visits: VisitReportService
    reference: ReferenceService
    company: CompanyService
    timeline: TimelineService
    maintenance: MaintenanceService
    statements: StatementService
    receivables: ReceivablesService
    imports: ImportService
    reminders: ReminderService
    opened: Any = None  # persistence.migrations.OpenedFile
    lock: Any = None  # persistence.lock.FileLock

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def build_services(database: Database, clock: Clock, actor: Callable[[], str]) -> Services:
    ctx = ServiceContext(database=database, clock=clock, actor=actor)
    return Services(
        path=database.path or Path(":memory:"),
        database=database,
        context=ctx,
        customers=CustomerService(ctx),
        visits=VisitReportService(ctx),
        reference=ReferenceService(ctx),
        company=CompanyService(ctx),
        timeline=TimelineService(ctx),
        maintenance=MaintenanceService(ctx),
        statements=StatementService(ctx),
        receivables=ReceivablesService(ctx),
        imports=ImportService(ctx),
        reminders=ReminderService(ctx),
    )
