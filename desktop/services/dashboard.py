"""Tableau de bord: the figures the owner reads first, and the monthly PDF report.

Every figure comes from the service that already computes it (aged balance, DSO trend,
dispute summary, due reminders, blocking proposals): the dashboard only selects and
orders, so it always agrees with the page it clicks through to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.documents.monthly_report import ReportData
from desktop.domain.aging import AgedBy
from desktop.domain.dso import DsoMethod
from desktop.domain.enums import Channel
from desktop.persistence.models import CompanySettings
from desktop.services.blocking import BlockingService, ProposalRow
from desktop.services.context import ServiceContext
from desktop.services.disputes import DisputeFilter, DisputeService, SummaryLine
from desktop.services.receivables import DsoPoint, ReceivablesService
from desktop.services.reminders import ReminderService
from desktop.services.statements import letterhead_of

__all__ = [
    "TOP_LATE_PAYERS",
    "AgingBar",
    "ChannelCount",
    "DashboardFigures",
    "DashboardService",
    "LatePayer",
]

TOP_LATE_PAYERS = 10
DSO_MONTHS = 12


@dataclass(frozen=True)
class AgingBar:
    """One bucket of the aged balance: its key ("1-30", …, "120+") and amount."""

    key: str
    cents: int  # signed: credit notes lower their bucket


@dataclass(frozen=True)
class LatePayer:
    """A customer with overdue items, by the aged balance on `as_of`."""

    customer_id: int
    name: str
    overdue_cents: int
    total_cents: int  # everything open, overdue or not


@dataclass(frozen=True)
class ChannelCount:
    """The actions of one channel due on or before `as_of`."""

    channel: Channel
    count: int
    total_cents: int


@dataclass(frozen=True)
class DashboardFigures:
    """The six figures of the Tableau de bord on `as_of`, as plain data."""

    as_of: date
    open_cents: int  # everything open on as_of
    not_due_cents: int  # of which not yet due
    aging: tuple[AgingBar, ...]  # the overdue buckets only, youngest first
    dso: tuple[DsoPoint, ...]  # 12 month-ends, oldest first (accounting method, 3 months)
    disputes: tuple[SummaryLine, ...]  # open disputes by category, most disputed first
    open_dispute_count: int
    disputed_cents: int
    late_payers: tuple[LatePayer, ...]  # at most ten, largest overdue first
    actions: tuple[ChannelCount, ...]  # every channel, in the order of the day's list
    proposals: tuple[ProposalRow, ...]  # blocking proposals waiting for a decision

    @property
    def overdue_cents(self) -> int:
        return self.open_cents - self.not_due_cents

    @property
    def action_count(self) -> int:
        return sum(a.count for a in self.actions)


class DashboardService:
    def __init__(
        self,
        ctx: ServiceContext,
        receivables: ReceivablesService,
        disputes: DisputeService,
        reminders: ReminderService,
        blocking: BlockingService,
    ) -> None:
        self._ctx = ctx
        self._receivables = receivables
        self._disputes = disputes
        self._reminders = reminders
        self._blocking = blocking

    def figures(self, as_of: date) -> DashboardFigures:
        """The dashboard on `as_of`: overdue amounts by age bucket and the ten customers
        owing the most overdue money (one aged balance by customer), the DSO at the last
        twelve month-ends (accounting method over 3 months, as on the Encours page),
        open disputes by category, the reminder actions due by channel (reads only: the
        day's new actions appear once the reminders were refreshed) and the blocking
        proposals waiting for the owner. Reads only."""
        balance = self._receivables.aged_balance(as_of, by=AgedBy.CUSTOMER)
        keys = balance.keys
        totals = balance.totals or (0,) * len(keys)
        # The first bucket is "not yet due" with the default buckets the page uses.
        aging = tuple(AgingBar(k, c) for k, c in zip(keys[1:], totals[1:], strict=True))
        late = sorted(
            (row for row in balance.rows if row.overdue > 0 and row.group_id is not None),
            key=lambda row: (-row.overdue, row.name.casefold(), row.group_id),
        )[:TOP_LATE_PAYERS]
        late_payers = tuple(
            LatePayer(int(row.group_id), row.name, row.overdue, row.total)  # type: ignore[arg-type]
            for row in late
        )

        dso = tuple(
            self._receivables.dso_trend(as_of, method=DsoMethod.ACCOUNTING, months=DSO_MONTHS)
        )
        summary = self._disputes.summary(DisputeFilter(open_only=True))

        due = self._reminders.due(as_of)
        counts = Counter(row.channel for row in due)
        amounts: Counter[Channel] = Counter()
        for row in due:
            amounts[row.channel] += row.total_cents
        actions = tuple(ChannelCount(c, counts[c], amounts[c]) for c in Channel)

        return DashboardFigures(
            as_of=as_of,
            open_cents=balance.total,
            not_due_cents=totals[0] if totals else 0,
            aging=aging,
            dso=dso,
            disputes=summary.by_category,
            open_dispute_count=summary.open_count,
            disputed_cents=summary.disputed_cents,
            late_payers=late_payers,
            actions=actions,
            proposals=tuple(self._blocking.proposals()),
        )

    def write_monthly_report(self, as_of: date, path: Path) -> Path:
        """Write the monthly report on `as_of` to `path` (A4 PDF, one or two pages):
        the company's letterhead, then the dashboard's figures as charts and short
        tables. Returns the path; OSError when it cannot be written."""
        from desktop.documents.monthly_report import render_monthly_report

        figures = self.figures(as_of)
        with self._ctx.database.read() as session:
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            letterhead = letterhead_of(company)
        return render_monthly_report(
            _report_data(figures, letterhead.name), letterhead, path, self._ctx.clock.today()
        )


def _report_data(figures: DashboardFigures, company_name: str) -> ReportData:
    """The figures as the documents layer reads them (it knows nothing of services)."""
    return ReportData(
        as_of=figures.as_of,
        company_name=company_name,
        open_cents=figures.open_cents,
        overdue_cents=figures.overdue_cents,
        aging=tuple((bar.key, bar.cents) for bar in figures.aging),
        dso=tuple((p.month_end, p.days) for p in figures.dso),
        disputes=tuple((line.key, line.count, line.disputed_cents) for line in figures.disputes),
        late_payers=tuple((p.name, p.overdue_cents) for p in figures.late_payers),
        actions=tuple((a.channel.value, a.count) for a in figures.actions),
        proposals=tuple((p.customer_name, p.proposed_on) for p in figures.proposals),
    )
