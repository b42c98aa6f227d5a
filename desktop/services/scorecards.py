"""Salesperson scorecards (fiches commerciaux) for the variable-pay meeting (issue 7).

Each figure is defined in `domain.scorecard.definitions()`; this module only reads the
rows those definitions need, a handful of grouped queries for the whole team (never one
per customer), and hands them to the domain's arithmetic. The outstanding and overdue
amounts come from `ReceivablesService.aged_balance` on the end date, so a salesperson's
figures add up to the Encours page grouped by salesperson on that date.

Dates are compared on the calendar day: a customer or promise "created on" a day is one
whose `created_at` falls on that day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.aging import AgedBy
from desktop.domain.enums import (
    CustomerStatus,
    DisputeStatus,
    DocumentKind,
    Profile,
    TaskStatus,
)
from desktop.domain.scorecard import (
    TOP_OVERDUE,
    Lateness,
    OverdueCustomer,
    PaidInvoice,
    PromiseTally,
    Scorecard,
    became_blocked,
    lateness,
    new_customer_window,
    promise_tally,
)
from desktop.domain.text import fold
from desktop.persistence.models import (
    BlockingDecision,
    CompanySettings,
    Customer,
    Dispute,
    DisputeEvent,
    Document,
    PromiseToPay,
    Task,
    User,
    VisitReport,
)
from desktop.services.context import ServiceContext
from desktop.services.receivables import ReceivablesService
from desktop.services.statements import letterhead_of

__all__ = ["SalespersonChoice", "ScorecardService"]

_CLOSED = (DisputeStatus.RESOLVED.value, DisputeStatus.REJECTED.value)


@dataclass(frozen=True)
class SalespersonChoice:
    """Someone a scorecard can be asked for (the CLI's --salesperson, the dialog's combo)."""

    id: int
    name: str


@dataclass
class _Tally:
    """The figures of one group while they are being gathered."""

    customer_count: int = 0
    open_cents: int = 0
    overdue_cents: int = 0
    new_customers: int = 0
    new_blocked: int = 0
    disputes_closed: int = 0
    disputes_helped: int = 0
    visit_reports: int = 0


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def _next_day_start(day: date) -> datetime:
    """The first moment after `day`: `created_at < this` means created on or before it."""
    return datetime.combine(day + timedelta(days=1), time())


class ScorecardService:
    def __init__(self, ctx: ServiceContext, receivables: ReceivablesService) -> None:
        self._ctx = ctx
        self._receivables = receivables

    # --- who -----------------------------------------------------------------------------

    def salespeople(self) -> list[SalespersonChoice]:
        """The people a scorecard is made for, sorted by name (accents and case ignored):
        every active user with the salesperson profile, and any other user who still has
        customers assigned (an inactive salesperson whose portfolio was not handed over,
        the owner selling too) — so the scorecards together cover every customer."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(User.id, User.name, User.sort_name, User.profile, User.active)
            ).all()
            assigned = set(
                session.scalars(
                    select(Customer.salesperson_id)
                    .where(Customer.salesperson_id.is_not(None))
                    .distinct()
                )
            )
        chosen = [
            (sort_name or fold(name), name, uid)
            for uid, name, sort_name, profile, active in rows
            if (profile == Profile.SALESPERSON.value and active) or uid in assigned
        ]
        return [SalespersonChoice(uid, name) for _s, name, uid in sorted(chosen)]

    def match_salespeople(self, name: str) -> list[SalespersonChoice]:
        """Who `name` designates among `salespeople()`: those whose name is exactly it
        (accents, case and extra spaces ignored), else those whose name contains it
        ("durand" → "Laurent Durand"). Empty when nobody matches; several when ambiguous."""
        people = self.salespeople()
        wanted = fold(name)
        if not wanted:
            return []
        exact = [p for p in people if fold(p.name) == wanted]
        return exact or [p for p in people if wanted in fold(p.name)]

    # --- the figures ------------------------------------------------------------------------

    def for_period(
        self, start: date, end: date, salesperson_id: int | None = None
    ) -> list[Scorecard]:
        """One scorecard per salesperson (see `salespeople`) over [start, end], both days
        included, each figure as `domain.scorecard.definitions()` defines it; plus, when
        some customers have no salesperson, a last line for them (`salesperson_id` None,
        empty name). Sorted by name, that line last. With `salesperson_id`, only that
        person's scorecard (an empty list for an unknown id). ValueError when `start`
        comes after `end`. Reads only."""
        if start > end:
            raise ValueError("the period starts after it ends")
        people = self.salespeople()
        balance = self._receivables.aged_balance(end, by=AgedBy.CUSTOMER)
        with self._ctx.database.read() as session:
            assignment = dict(session.execute(select(Customer.id, Customer.salesperson_id)).all())
            user_names = {uid: name for uid, name in session.execute(select(User.id, User.name))}
            tallies: dict[int | None, _Tally] = defaultdict(_Tally)
            self._portfolio(session, end, tallies)
            paid = self._paid(session, start, end)
            self._new_customers(session, end, tallies)
            self._disputes(session, start, end, user_names, tallies)
            self._visits(session, start, end, tallies)
            promises = self._promises(session, start, end)

        overdue_rows: dict[int | None, list[OverdueCustomer]] = defaultdict(list)
        for row in balance.rows:
            group = assignment.get(row.group_id)  # type: ignore[arg-type]
            tally = tallies[group]
            tally.open_cents += row.total
            tally.overdue_cents += row.overdue
            if row.overdue > 0 and row.group_id is not None:
                oldest = max(i for i, amount in enumerate(row.amounts) if amount > 0)
                overdue_rows[group].append(
                    OverdueCustomer(
                        row.group_id, row.name, row.total, row.overdue, balance.keys[oldest]
                    )
                )

        groups: list[tuple[int | None, str]] = [(p.id, p.name) for p in people]
        # The unassigned line exists only when some customers (prospects aside) or some
        # open items have no salesperson.
        unassigned = tallies.get(None)
        if unassigned is not None and (unassigned.customer_count or unassigned.open_cents):
            groups.append((None, ""))
        if salesperson_id is not None:
            groups = [g for g in groups if g[0] == salesperson_id]

        cards = []
        for group, name in groups:
            tally = tallies.get(group, _Tally())
            top = sorted(
                overdue_rows.get(group, []),
                key=lambda c: (-c.overdue_cents, fold(c.name), c.customer_id),
            )[:TOP_OVERDUE]
            cards.append(
                Scorecard(
                    salesperson_id=group,
                    name=name,
                    start=start,
                    end=end,
                    customer_count=tally.customer_count,
                    open_cents=tally.open_cents,
                    overdue_cents=tally.overdue_cents,
                    paid=paid.get(group, Lateness()),
                    new_customers=tally.new_customers,
                    new_customers_blocked=tally.new_blocked,
                    disputes_closed=tally.disputes_closed,
                    disputes_helped=tally.disputes_helped,
                    visit_reports=tally.visit_reports,
                    promises=promises.get(group, PromiseTally()),
                    top_overdue=tuple(top),
                )
            )
        return cards

    def write_pdf(
        self, start: date, end: date, path: Path, salesperson_id: int | None = None
    ) -> tuple[Path, int]:
        """Write the scorecards of `for_period(start, end, salesperson_id)` to `path` (A4
        PDF: a cover with one summary line per salesperson, then one page each with the
        figures, their definitions and the largest overdue customers). Returns the path
        and the number of scorecards. OSError when the file cannot be written."""
        from desktop.documents.scorecard_pdf import render_scorecards

        cards = self.for_period(start, end, salesperson_id)
        with self._ctx.database.read() as session:
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            letterhead = letterhead_of(company)
        render_scorecards(cards, letterhead, Path(path), self._ctx.clock.today())
        return Path(path), len(cards)

    # --- the queries ------------------------------------------------------------------------

    @staticmethod
    def _portfolio(session: Session, end: date, tallies: dict[int | None, _Tally]) -> None:
        for group, count in session.execute(
            select(Customer.salesperson_id, func.count(Customer.id))
            .where(
                Customer.status != CustomerStatus.PROSPECT.value,
                Customer.created_at < _next_day_start(end),
            )
            .group_by(Customer.salesperson_id)
        ):
            tallies[group].customer_count = int(count)

    @staticmethod
    def _paid(session: Session, start: date, end: date) -> dict[int | None, Lateness]:
        invoices: dict[int | None, list[PaidInvoice]] = defaultdict(list)
        for group, total, due_on, settled_on in session.execute(
            select(
                Customer.salesperson_id, Document.total_cents, Document.due_on, Document.settled_on
            )
            .join(Customer, Customer.id == Document.customer_id)
            .where(
                Document.kind == DocumentKind.INVOICE.value,
                Document.settled_on >= start,
                Document.settled_on <= end,
            )
        ):
            invoices[group].append(PaidInvoice(int(total), due_on, settled_on))
        return {group: lateness(rows) for group, rows in invoices.items()}

    @staticmethod
    def _new_customers(session: Session, end: date, tallies: dict[int | None, _Tally]) -> None:
        first, last = new_customer_window(end)
        new = (
            select(Customer.id)
            .where(
                Customer.status != CustomerStatus.PROSPECT.value,
                Customer.created_at >= _day_start(first),
                Customer.created_at < _next_day_start(last),
            )
            .scalar_subquery()
        )
        decisions: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
        for cid, status, decided_on in session.execute(
            select(
                BlockingDecision.customer_id, BlockingDecision.status, BlockingDecision.decided_on
            ).where(BlockingDecision.customer_id.in_(new))
        ):
            decisions[cid].append((status, decided_on))
        for cid, group, status, opened_on in session.execute(
            select(
                Customer.id, Customer.salesperson_id, Customer.status, Customer.insolvency_opened_on
            ).where(Customer.id.in_(new))
        ):
            tally = tallies[group]
            tally.new_customers += 1
            if became_blocked(status, opened_on, decisions.get(cid, ()), end):
                tally.new_blocked += 1

    @staticmethod
    def _disputes(
        session: Session,
        start: date,
        end: date,
        user_names: dict[int, str],
        tallies: dict[int | None, _Tally],
    ) -> None:
        closed_on: dict[int, date] = {}
        for dispute_id, group, resolved_on in session.execute(
            select(Dispute.id, Customer.salesperson_id, Dispute.resolved_on)
            .join(Customer, Customer.id == Dispute.customer_id)
            .where(
                Dispute.status.in_(_CLOSED),
                Dispute.resolved_on >= start,
                Dispute.resolved_on <= end,
            )
        ):
            closed_on[dispute_id] = resolved_on
            tallies[group].disputes_closed += 1
        if not closed_on:
            return
        closed = (
            select(Dispute.id)
            .where(
                Dispute.status.in_(_CLOSED),
                Dispute.resolved_on >= start,
                Dispute.resolved_on <= end,
            )
            .scalar_subquery()
        )
        helpers: dict[int, set[int]] = defaultdict(set)  # dispute → users who helped
        # A task answered before the closing: its assignee helped.
        for dispute_id, assignee_id, done_on, answer in session.execute(
            select(Task.dispute_id, Task.assignee_id, Task.done_on, Task.answer).where(
                Task.dispute_id.in_(closed),
                Task.status == TaskStatus.DONE.value,
                Task.assignee_id.is_not(None),
            )
        ):
            if answer.strip() and done_on is not None and done_on <= closed_on[dispute_id]:
                helpers[dispute_id].add(assignee_id)
        # History events are signed by name (the person working when they were written).
        by_name: dict[str, int] = {}
        for uid, name in sorted(user_names.items()):
            by_name.setdefault(fold(name), uid)
        for dispute_id, author, at in session.execute(
            select(DisputeEvent.dispute_id, DisputeEvent.author, DisputeEvent.at).where(
                DisputeEvent.dispute_id.in_(closed)
            )
        ):
            uid = by_name.get(fold(author))
            if uid is not None and at.date() <= closed_on[dispute_id]:
                helpers[dispute_id].add(uid)
        for people in helpers.values():
            for uid in people:
                tallies[uid].disputes_helped += 1

    @staticmethod
    def _visits(
        session: Session, start: date, end: date, tallies: dict[int | None, _Tally]
    ) -> None:
        for author_id, count in session.execute(
            select(VisitReport.author_id, func.count(VisitReport.id))
            .where(
                VisitReport.author_id.is_not(None),
                VisitReport.visit_date >= start,
                VisitReport.visit_date <= end,
            )
            .group_by(VisitReport.author_id)
        ):
            tallies[author_id].visit_reports = int(count)

    @staticmethod
    def _promises(session: Session, start: date, end: date) -> dict[int | None, PromiseTally]:
        rows: dict[int | None, list[tuple[str, int]]] = defaultdict(list)
        for group, status, amount in session.execute(
            select(Customer.salesperson_id, PromiseToPay.status, PromiseToPay.amount_cents)
            .join(Customer, Customer.id == PromiseToPay.customer_id)
            .where(
                PromiseToPay.created_at >= _day_start(start),
                PromiseToPay.created_at < _next_day_start(end),
            )
        ):
            rows[group].append((status, int(amount)))
        return {group: promise_tally(items) for group, items in rows.items()}
