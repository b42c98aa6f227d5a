"""Every service of an open file, built in one call; the UI and the CLI receive this."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.clock import Clock
from desktop.persistence.database import Database
from desktop.services.audit_trail import AuditTrailService
from desktop.services.backups import BackupService
from desktop.services.blocking import BlockingService
from desktop.services.brief import BriefService
from desktop.services.calendar import CalendarService
from desktop.services.company import CompanyService
from desktop.services.context import ServiceContext
from desktop.services.customers import CustomerService
from desktop.services.dashboard import DashboardService
from desktop.services.disputes import DisputeService
from desktop.services.identity import Identity
from desktop.services.imports.service import ImportService
from desktop.services.letters import LetterService
from desktop.services.maintenance import MaintenanceService
from desktop.services.penalties import PenaltyService
from desktop.services.personal_data import PersonalDataService
from desktop.services.promises import PromiseService
from desktop.services.proposals import DoubtfulMatch, ProposalService
from desktop.services.prospect_check import ProspectCheckService
from desktop.services.receivables import ReceivablesService
from desktop.services.reference import ReferenceService
from desktop.services.reminders import ReminderService
from desktop.services.repayment import RepaymentService
from desktop.services.score import ScoreService
from desktop.services.scorecards import ScorecardService
from desktop.services.statements import StatementService
from desktop.services.tasks import TaskService
from desktop.services.timeline import TimelineService
from desktop.services.visits import VisitReportService


@dataclass
class Services:
    """Every service of an open file, built once and handed to the UI or the CLI."""

    path: Path
    database: Database
    context: ServiceContext
    identity: Identity  # who is working: signs every change
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
    promises: PromiseService
    tasks: TaskService
    calendar: CalendarService
    penalties: PenaltyService
    blocking: BlockingService
    letters: LetterService
    disputes: DisputeService
    repayment: RepaymentService
    brief: BriefService
    proposals: ProposalService
    check: ProspectCheckService
    backups: BackupService
    dashboard: DashboardService
    score: ScoreService
    scorecards: ScorecardService
    audit: AuditTrailService  # the audit trail, read back (Journal des modifications)
    personal_data: PersonalDataService  # GDPR: export and erase a person's data
    opened: Any = None  # persistence.migrations.OpenedFile
    lock: Any = None  # persistence.lock.FileLock

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def build_services(database: Database, clock: Clock, actor: Callable[[], str]) -> Services:
    # `actor` names whoever works when nobody picked a profile (the command line).
    identity = Identity(actor)
    ctx = ServiceContext(database=database, clock=clock, actor=identity.name)
    reminders = ReminderService(ctx)
    promises = PromiseService(ctx)
    tasks = TaskService(ctx)
    blocking = BlockingService(ctx)
    penalties = PenaltyService(ctx)
    repayment = RepaymentService(ctx, penalties)

    def claim_deadlines(start: date, end: date) -> list[tuple[int, str, date]]:
        return [
            (d.customer_id, d.customer_name, d.deadline)
            for d in blocking.claim_deadlines(start, end)
        ]

    receivables = ReceivablesService(ctx)
    disputes = DisputeService(ctx, tasks)
    dashboard = DashboardService(ctx, receivables, disputes, reminders, blocking)
    prospect_check = ProspectCheckService(ctx)

    def doubtful_by_name(name: str) -> tuple[DoubtfulMatch, ...]:
        """Doubtful-list entries closely matching a company name (not approximate ones)."""
        result = prospect_check.check(name)
        if result.approximate:
            return ()
        return tuple(
            DoubtfulMatch(d.name, d.reason, d.source.value, d.reported_on) for d in result.doubtful
        )

    return Services(
        path=database.path or Path(":memory:"),
        database=database,
        context=ctx,
        identity=identity,
        customers=CustomerService(ctx),
        visits=VisitReportService(ctx),
        reference=ReferenceService(ctx),
        company=CompanyService(ctx),
        timeline=TimelineService(ctx),
        maintenance=MaintenanceService(ctx),
        statements=StatementService(ctx),
        receivables=ReceivablesService(ctx),
        imports=ImportService(ctx),
        reminders=reminders,
        promises=promises,
        tasks=tasks,
        calendar=CalendarService(ctx, reminders, promises, tasks, claim_deadlines),
        penalties=penalties,
        blocking=blocking,
        letters=LetterService(ctx),
        disputes=DisputeService(ctx, tasks),
        repayment=repayment,
        # A dispute service of its own: it holds nothing but the context.
        brief=BriefService(ctx, blocking, DisputeService(ctx, tasks), repayment),
        proposals=ProposalService(ctx, blocking, doubtful_by_name),
        check=prospect_check,
        backups=BackupService(ctx),
        dashboard=dashboard,
        score=ScoreService(ctx),
        scorecards=ScorecardService(ctx, receivables),
        audit=AuditTrailService(ctx),
        personal_data=PersonalDataService(ctx),
    )
