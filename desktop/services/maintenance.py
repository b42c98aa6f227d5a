"""Checks of the data file the user can run (`encaisse check`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.persistence.integrity import integrity_problems
from desktop.persistence.migrations import current_revision, head_revision
from desktop.persistence.models import Customer, Document, VisitReport
from desktop.services.context import ServiceContext


@dataclass(frozen=True)
class CheckReport:
    schema_revision: str | None
    expected_revision: str
    problems: tuple[str, ...]
    customers: int
    documents: int
    visit_reports: int

    @property
    def ok(self) -> bool:
        return not self.problems and self.schema_revision == self.expected_revision


class MaintenanceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def check(self, *, quick: bool = False) -> CheckReport:
        """Integrity and foreign-key checks, schema revision and record counts; reads only."""
        engine = self._ctx.database.engine
        problems = integrity_problems(engine, quick=quick)
        with self._ctx.database.read() as session:
            counts = [
                int(session.execute(select(func.count()).select_from(model)).scalar_one())
                for model in (Customer, Document, VisitReport)
            ]
        return CheckReport(
            schema_revision=current_revision(engine),
            expected_revision=head_revision(),
            problems=tuple(problems),
            customers=counts[0],
            documents=counts[1],
            visit_reports=counts[2],
        )
