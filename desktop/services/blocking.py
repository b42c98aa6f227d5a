"""Blocking: rules propose, the owner decides; insolvency proceedings and their claims.

Every decision is a `blocking_decisions` row and an audit entry, written with the
customer's status change in one transaction:

- PROPOSED: `refresh(as_of)` found rules triggering (domain.blocking) for a customer who
  is not blocked and has no pending proposal. Its `rule` text keeps the rules and their
  figures; a pending proposal's figures follow each refresh, and a proposal whose rules
  no longer trigger (the customer paid) is withdrawn (deleted, audited).
- BLOCKED: the owner blocked, on a proposal (`decide`), on their own (`block_now`) or
  through an insolvency proceeding (`record_insolvency`, rule "insolvency").
- DECLINED: the owner chose to keep the customer. The same rules are not proposed again
  for KEEP_QUIET_DAYS (30) unless the situation worsens: a rule that was not there,
  more money late beyond the threshold, a higher outstanding (`worsened_since`). Thirty
  days match the monthly rhythm of statements and reminders: the owner looks again once
  a month at a customer they chose to keep, sooner if it gets worse.
- UNBLOCKED: the owner lifted the block; it counts as a "keep" for the rules that
  trigger at that moment, so the next refresh does not propose the block again at once.

A customer is blocked when its status is "blocked", or "insolvency" unless the latest
decision unblocked it; the latest BLOCKED decision says who, when and why. The status
never changes through the customer form (CustomerService refuses it): a block is always
a decision with a reason.

Insolvency (C. com. L622-24, R622-24, L622-28): from the opening judgment, reminders and
penalties stop (the reminder engine and the penalty rules read the status and the
procedure), the customer is blocked, and the claim must reach the creditors'
representative within 2 months of the BODACC publication, 4 months for a creditor (the
user's company) outside mainland France.

The decider is recorded by name in the audit trail; `decided_by_id` is set when the
acting name is one of the file's users.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.documents.insolvency_claim import ClaimData, ClaimLine, render_claim
from desktop.domain.blocking import (
    DEFAULT_OVERDUE_DAYS,
    BlockingSettings,
    CustomerSnapshot,
    TriggeredRule,
    decode_rules,
    encode_rules,
    evaluate,
    worsened_since,
)
from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    BlockingDecisionStatus,
    BlockingRule,
    Country,
    CustomerStatus,
    DocumentKind,
    InsolvencyKind,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.insolvency import claim_deadline
from desktop.persistence import audit
from desktop.persistence.models import (
    AppMeta,
    AuditEntry,
    BlockingDecision,
    CompanySettings,
    Customer,
    Document,
    ReminderAction,
    User,
)
from desktop.services.context import ServiceContext
from desktop.services.penalties import PenaltyService
from desktop.services.statements import StatementService

__all__ = [
    "OVERDUE_DAYS_KEY",
    "OVERDUE_DAYS_RANGE",
    "BlockInfo",
    "BlockingService",
    "BlockingStateError",
    "ClaimDeadline",
    "DecisionRow",
    "ProposalRow",
    "RefreshResult",
]

OVERDUE_DAYS_KEY = "blocking.overdue_days"  # app_meta: the N days of the overdue rule
OVERDUE_DAYS_RANGE = (1, 730)
ENTITY = "blocking_decision"
_B = BlockingDecisionStatus
_OPEN_REMINDERS = (ActionStatus.PENDING.value, ActionStatus.POSTPONED.value)
_REMINDER_SKIP_REASON = "Procédure collective"


class BlockingStateError(Exception):
    """Blocking a customer already blocked, or unblocking one who is not."""

    def __init__(self, customer_id: int, blocked: bool) -> None:
        state = "already blocked" if blocked else "not blocked"
        super().__init__(f"customer {customer_id} is {state}")
        self.customer_id = customer_id
        self.blocked = blocked


@dataclass(frozen=True)
class RefreshResult:
    created: int = 0
    updated: int = 0  # pending proposals whose figures changed
    withdrawn: int = 0  # pending proposals whose rules no longer trigger


@dataclass(frozen=True)
class ProposalRow:
    """One line of the owner's list of pending proposals."""

    decision_id: int
    customer_id: int
    customer_name: str
    rules: tuple[TriggeredRule, ...]
    proposed_on: date
    overdue_days: int  # the threshold in force, to phrase the overdue rule


@dataclass(frozen=True)
class DecisionRow:
    """One decision in a customer's history."""

    id: int
    status: BlockingDecisionStatus
    rules: tuple[TriggeredRule, ...]
    reason: str
    proposed_on: date
    decided_on: date | None
    decided_by: str


@dataclass(frozen=True)
class BlockInfo:
    """Why a customer is blocked, for the banners. `since` and `by` are empty for a
    customer whose status was set before decisions were recorded."""

    customer_id: int
    decision_id: int | None
    since: date | None
    by: str
    reason: str
    rules: tuple[TriggeredRule, ...]
    insolvency: bool  # blocked by an insolvency proceeding


@dataclass(frozen=True)
class ClaimDeadline:
    """A claim to file, for the calendar."""

    customer_id: int
    customer_name: str
    deadline: date
    published_on: date


# --- Reading what the rules need ---------------------------------------------------------


# A document's amount on a past day: open now, or its total if settled after that day;
# open on a day: issued by then and not settled by then (the aged balance's rule, see
# services.receivables).
_AMOUNT = case((Document.settled_on.is_(None), Document.open_cents), else_=Document.total_cents)


def _open_on(day: date) -> ColumnElement[bool]:
    return and_(
        Document.issued_on <= day, or_(Document.settled_on.is_(None), Document.settled_on > day)
    )


def _snapshots(
    session: Session, as_of: date, settings: BlockingSettings, only: int | None = None
) -> dict[int, CustomerSnapshot]:
    """Every customer's snapshot on `as_of` in three queries (or one customer's)."""
    amount = _AMOUNT
    customers = select(
        Customer.id,
        Customer.status,
        Customer.credit_limit_cents,
        Customer.insolvency_kind,
        Customer.insolvency_opened_on,
    )
    totals = (
        select(Document.customer_id, func.sum(amount))
        .where(_open_on(as_of))
        .group_by(Document.customer_id)
    )
    # Only what the overdue rule can see: items owed more than the threshold late.
    line = as_of - timedelta(days=settings.overdue_days)
    owed = select(Document.customer_id, Document.due_on, amount).where(
        _open_on(as_of), amount > 0, Document.due_on < line
    )
    if only is not None:
        customers = customers.where(Customer.id == only)
        totals = totals.where(Document.customer_id == only)
        owed = owed.where(Document.customer_id == only)
    outstanding = {cid: int(total or 0) for cid, total in session.execute(totals)}
    late: dict[int, list[tuple[date, int]]] = {}
    for cid, due_on, cents in session.execute(owed):
        late.setdefault(cid, []).append((due_on, int(cents)))
    return {
        cid: CustomerSnapshot(
            customer_id=cid,
            status=CustomerStatus(status),
            outstanding_cents=outstanding.get(cid, 0),
            credit_limit_cents=limit,
            owed=tuple(late.get(cid, ())),
            insolvency_kind=InsolvencyKind(kind) if kind else None,
            insolvency_opened_on=opened_on,
        )
        for cid, status, limit, kind, opened_on in session.execute(customers)
    }


def _is_blocked(status: str, latest: BlockingDecision | None) -> bool:
    """Blocked status, or an insolvency proceeding not lifted by a later unblocking."""
    if status == CustomerStatus.BLOCKED.value:
        return True
    if status == CustomerStatus.INSOLVENCY.value:
        return latest is None or latest.status != _B.UNBLOCKED.value
    return False


def _decided_key(d: BlockingDecision) -> tuple[date, int]:
    return (d.decided_on or d.proposed_on, d.id)


class BlockingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._penalties = PenaltyService(ctx)
        self._statements = StatementService(ctx)

    # --- settings -------------------------------------------------------------------------

    def overdue_days(self) -> int:
        """The N days of the overdue rule (default 60), as stored in the file."""
        with self._ctx.database.read() as session:
            return self._settings(session).overdue_days

    def set_overdue_days(self, days: int) -> None:
        """Store the N days of the overdue rule (1 to 730; ValidationError on field
        "overdue_days" otherwise). Audited. Takes effect at the next refresh."""
        low, high = OVERDUE_DAYS_RANGE
        if not low <= days <= high:
            raise ValidationError(
                [
                    FieldError(
                        "overdue_days", ErrorCode.OUT_OF_RANGE, {"min": str(low), "max": str(high)}
                    )
                ]
            )
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = session.get(AppMeta, OVERDUE_DAYS_KEY)
            before = row.value if row is not None else str(DEFAULT_OVERDUE_DAYS)
            if row is None:
                session.add(AppMeta(key=OVERDUE_DAYS_KEY, value=str(days)))
            else:
                row.value = str(days)
            if before != str(days):
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.UPDATE,
                    entity="setting",
                    entity_id=0,
                    summary=OVERDUE_DAYS_KEY,
                    changes={OVERDUE_DAYS_KEY: (before, str(days))},
                )

    @staticmethod
    def _settings(session: Session) -> BlockingSettings:
        row = session.get(AppMeta, OVERDUE_DAYS_KEY)
        try:
            days = int(row.value) if row is not None else DEFAULT_OVERDUE_DAYS
        except ValueError:
            days = DEFAULT_OVERDUE_DAYS
        return BlockingSettings(overdue_days=days)

    # --- proposals ------------------------------------------------------------------------

    def refresh(self, as_of: date) -> RefreshResult:
        """Propose to block every customer whose rules trigger on `as_of`, is not blocked,
        has no pending proposal and was not kept recently (see the module doc); bring the
        figures of pending proposals up to date and withdraw those whose rules no longer
        trigger. Refreshing again on the same day changes nothing. One transaction."""
        now = self._ctx.clock.now()
        created = updated = withdrawn = 0
        with self._ctx.database.transaction() as session:
            settings = self._settings(session)
            snapshots = _snapshots(session, as_of, settings)
            pending: dict[int, BlockingDecision] = {}
            latest: dict[int, BlockingDecision] = {}
            for d in session.scalars(select(BlockingDecision).order_by(BlockingDecision.id)):
                if d.status == _B.PROPOSED.value:
                    pending[d.customer_id] = d
                elif d.customer_id not in latest or _decided_key(d) >= _decided_key(
                    latest[d.customer_id]
                ):
                    latest[d.customer_id] = d
            actor = self._ctx.actor()
            for cid, snapshot in snapshots.items():
                last = latest.get(cid)
                proposal = pending.get(cid)
                triggered = evaluate(snapshot, as_of, settings)
                if _is_blocked(snapshot.status.value, last):
                    continue
                if proposal is not None:
                    text = encode_rules(triggered)
                    if not triggered:
                        session.delete(proposal)
                        self._audit(
                            session, proposal.id, AuditAction.DELETE, "withdrawn", actor,
                            {"customer_id": (cid, None), "rule": (proposal.rule, None)},
                        )  # fmt: skip
                        withdrawn += 1
                    elif text != proposal.rule:
                        self._audit(
                            session,
                            proposal.id,
                            AuditAction.UPDATE,
                            "figures",
                            actor,
                            {"rule": (proposal.rule, text)},
                        )
                        proposal.rule = text
                        proposal.updated_at = now
                        updated += 1
                    continue
                if not triggered:
                    continue
                if last is not None and last.status in (_B.DECLINED.value, _B.UNBLOCKED.value):
                    kept_on = last.decided_on or last.proposed_on
                    if not worsened_since(decode_rules(last.rule), kept_on, triggered, as_of):
                        continue
                row = BlockingDecision(
                    customer_id=cid,
                    status=_B.PROPOSED.value,
                    rule=encode_rules(triggered),
                    reason="",
                    proposed_on=as_of,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
                session.flush()
                self._audit(
                    session, row.id, AuditAction.CREATE, "proposed", actor, {"rule": ("", row.rule)}
                )
                created += 1
        return RefreshResult(created, updated, withdrawn)

    def proposals(self) -> list[ProposalRow]:
        """The pending proposals, oldest first then by customer name: what the owner
        must decide."""
        with self._ctx.database.read() as session:
            threshold = self._settings(session).overdue_days
            rows = session.execute(
                select(BlockingDecision, Customer.legal_name)
                .join(Customer, Customer.id == BlockingDecision.customer_id)
                .where(BlockingDecision.status == _B.PROPOSED.value)
                .order_by(BlockingDecision.proposed_on, Customer.sort_name, BlockingDecision.id)
            ).all()
            return [
                ProposalRow(
                    decision_id=d.id,
                    customer_id=d.customer_id,
                    customer_name=name,
                    rules=decode_rules(d.rule),
                    proposed_on=d.proposed_on,
                    overdue_days=threshold,
                )
                for d, name in rows
            ]

    # --- decisions ------------------------------------------------------------------------

    def decide(self, decision_id: int, block: bool, reason: str) -> None:
        """Decide a pending proposal: block the customer (status "blocked") or keep it,
        with a reason (required: ValidationError on field "reason"). Audited with the
        status change. NotFoundError when no pending proposal has this id (decided or
        withdrawn meanwhile)."""
        reason = _required(reason)
        today, actor = self._ctx.clock.today(), self._ctx.actor()
        with self._ctx.database.transaction() as session:
            row = session.get(BlockingDecision, decision_id)
            if row is None or row.status != _B.PROPOSED.value:
                raise NotFoundError("blocking_proposal", decision_id)
            customer = self._customer(session, row.customer_id)
            status = _B.BLOCKED if block else _B.DECLINED
            self._close(session, row, status, reason, today, actor)
            if block:
                self._set_status(session, customer, CustomerStatus.BLOCKED, actor)

    def block_now(self, customer_id: int, reason: str) -> int:
        """Block a customer on the owner's own decision (a pending proposal, if any,
        becomes this decision); returns the decision id. Reason required. Raises
        BlockingStateError when the customer is already blocked."""
        reason = _required(reason)
        today, now, actor = self._ctx.clock.today(), self._ctx.clock.now(), self._ctx.actor()
        with self._ctx.database.transaction() as session:
            customer = self._customer(session, customer_id)
            if _is_blocked(customer.status, self._latest(session, customer_id)):
                raise BlockingStateError(customer_id, True)
            row = self._pending(session, customer_id)
            if row is None:
                row = BlockingDecision(
                    customer_id=customer_id,
                    status=_B.PROPOSED.value,
                    rule=BlockingRule.OWNER.value,
                    proposed_on=today,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
                session.flush()
            self._close(session, row, _B.BLOCKED, reason, today, actor)
            self._set_status(session, customer, CustomerStatus.BLOCKED, actor)
            return row.id

    def unblock(self, customer_id: int, reason: str) -> int:
        """Lift the block (a decision with a reason, required); the customer goes back
        to "active" (an insolvent customer keeps its status: the proceeding goes on).
        Returns the decision id. Raises BlockingStateError when it is not blocked."""
        reason = _required(reason)
        today, now, actor = self._ctx.clock.today(), self._ctx.clock.now(), self._ctx.actor()
        with self._ctx.database.transaction() as session:
            customer = self._customer(session, customer_id)
            if not _is_blocked(customer.status, self._latest(session, customer_id)):
                raise BlockingStateError(customer_id, False)
            settings = self._settings(session)
            snapshot = _snapshots(session, today, settings, only=customer_id)[customer_id]
            # What triggers now is what the owner knowingly set aside (see the module doc).
            rules = evaluate(snapshot, today, settings)
            row = BlockingDecision(
                customer_id=customer_id,
                status=_B.PROPOSED.value,
                rule=encode_rules(rules) or BlockingRule.OWNER.value,
                proposed_on=today,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            self._close(session, row, _B.UNBLOCKED, reason, today, actor)
            if customer.status == CustomerStatus.BLOCKED.value:
                self._set_status(session, customer, CustomerStatus.ACTIVE, actor)
            return row.id

    def current_block(self, customer_id: int) -> BlockInfo | None:
        """Who blocked the customer, when and why; None when it is not blocked.
        NotFoundError for an unknown customer."""
        with self._ctx.database.read() as session:
            customer = self._customer(session, customer_id)
            latest = self._latest(session, customer_id)
            if not _is_blocked(customer.status, latest):
                return None
            insolvent = customer.status == CustomerStatus.INSOLVENCY.value
            if latest is None or latest.status != _B.BLOCKED.value:
                opened = customer.insolvency_opened_on
                rules = (TriggeredRule(BlockingRule.INSOLVENCY, opened_on=opened),)
                return BlockInfo(
                    customer_id, None, opened if insolvent else None, "", "",
                    rules if insolvent else (), insolvent,
                )  # fmt: skip
            rules = decode_rules(latest.rule)
            return BlockInfo(
                customer_id=customer_id,
                decision_id=latest.id,
                since=latest.decided_on,
                by=self._decider(session, latest),
                reason=latest.reason,
                rules=rules,
                insolvency=insolvent or any(r.rule is BlockingRule.INSOLVENCY for r in rules),
            )

    def is_blocked(self, customer_id: int) -> bool:
        """Whether the customer is blocked (for checks before a proposal is started)."""
        return self.current_block(customer_id) is not None

    def history(self, customer_id: int) -> list[DecisionRow]:
        """Every proposal and decision about the customer, newest first."""
        with self._ctx.database.read() as session:
            rows = session.scalars(
                select(BlockingDecision).where(BlockingDecision.customer_id == customer_id)
            ).all()
            rows = sorted(rows, key=_decided_key, reverse=True)
            return [
                DecisionRow(
                    id=d.id,
                    status=BlockingDecisionStatus(d.status),
                    rules=decode_rules(d.rule),
                    reason=d.reason,
                    proposed_on=d.proposed_on,
                    decided_on=d.decided_on,
                    decided_by=self._decider(session, d) if d.decided_on else "",
                )
                for d in rows
            ]

    # --- insolvency -----------------------------------------------------------------------

    def record_insolvency(
        self,
        customer_id: int,
        kind: InsolvencyKind,
        opened_on: date,
        published_on: date | None,
        reason: str = "",
    ) -> int:
        """Record an insolvency proceeding: the customer's procedure, judgment and BODACC
        dates and status "insolvency"; block it (a decision with rule "insolvency");
        skip its pending reminders. Returns the decision id. A judgment in the future
        or a publication before the judgment raise ValidationError. Audited."""
        today, now, actor = self._ctx.clock.today(), self._ctx.clock.now(), self._ctx.actor()
        errors = []
        if opened_on > today:
            errors.append(FieldError("insolvency_opened_on", ErrorCode.DATE_IN_FUTURE))
        if published_on is not None and published_on < opened_on:
            errors.append(FieldError("bodacc_published_on", ErrorCode.INVALID_DATE))
        if errors:
            raise ValidationError(errors)
        with self._ctx.database.transaction() as session:
            customer = self._customer(session, customer_id)
            before = {
                "insolvency_kind": customer.insolvency_kind,
                "insolvency_opened_on": customer.insolvency_opened_on,
                "bodacc_published_on": customer.bodacc_published_on,
            }
            customer.insolvency_kind = kind.value
            customer.insolvency_opened_on = opened_on
            customer.bodacc_published_on = published_on
            after = {
                "insolvency_kind": kind.value,
                "insolvency_opened_on": opened_on,
                "bodacc_published_on": published_on,
            }
            self._set_status(
                session, customer, CustomerStatus.INSOLVENCY, actor, audit.diff(before, after)
            )
            row = self._pending(session, customer_id)
            text = encode_rules([TriggeredRule(BlockingRule.INSOLVENCY, opened_on=opened_on)])
            if row is None:
                row = BlockingDecision(
                    customer_id=customer_id,
                    status=_B.PROPOSED.value,
                    proposed_on=today,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
                session.flush()
            row.rule = text
            self._close(session, row, _B.BLOCKED, reason.strip(), today, actor)
            self._skip_reminders(session, customer_id, today, actor)
            return row.id

    def claim_deadlines(self, from_date: date, to_date: date) -> list[ClaimDeadline]:
        """The claims to file whose deadline falls between the two dates (inclusive),
        soonest first: customers with an insolvency proceeding published at the BODACC."""
        with self._ctx.database.read() as session:
            abroad = self._creditor_abroad(session)
            rows = session.execute(
                select(Customer.id, Customer.legal_name, Customer.bodacc_published_on).where(
                    Customer.bodacc_published_on.is_not(None),
                    or_(
                        Customer.status == CustomerStatus.INSOLVENCY.value,
                        Customer.insolvency_kind.is_not(None),
                    ),
                )
            ).all()
        found = [
            ClaimDeadline(cid, name, claim_deadline(published, abroad), published)
            for cid, name, published in rows
        ]
        return sorted(
            (c for c in found if from_date <= c.deadline <= to_date),
            key=lambda c: (c.deadline, c.customer_name.casefold(), c.customer_id),
        )

    def claim_summary(self, customer_id: int) -> ClaimData:
        """What to declare in the customer's insolvency proceeding: the items open on
        the day of the opening judgment (issued by then), due by then with penalties and
        indemnities up to that day, or not yet due; credits deducted. ValidationError on
        field "insolvency_opened_on" when no judgment date is recorded."""
        with self._ctx.database.read() as session:
            customer = self._customer(session, customer_id)
            opened_on = customer.insolvency_opened_on
            if opened_on is None:
                raise ValidationError([FieldError("insolvency_opened_on", ErrorCode.REQUIRED)])
            published_on = customer.bodacc_published_on
            kind = InsolvencyKind(customer.insolvency_kind) if customer.insolvency_kind else None
            abroad = self._creditor_abroad(session)
            amount = _AMOUNT
            documents = session.execute(
                select(
                    Document.id,
                    Document.number,
                    Document.kind,
                    Document.issued_on,
                    Document.due_on,
                    amount,
                )
                .where(Document.customer_id == customer_id, _open_on(opened_on), amount != 0)
                .order_by(Document.due_on, Document.issued_on, Document.number, Document.id)
            ).all()
        penalties = {
            p.document_id: p for p in self._penalties.for_customer(customer_id, opened_on).invoices
        }
        # The letterhead and the debtor's identity as every printed document shows them.
        printed = self._statements.statement(customer_id, opened_on)
        due: list[ClaimLine] = []
        not_yet_due: list[ClaimLine] = []
        credits: list[ClaimLine] = []
        for doc_id, number, doc_kind, issued_on, due_on, cents in documents:
            p = penalties.get(doc_id)
            line = ClaimLine(
                number=number,
                kind=DocumentKind(doc_kind),
                issued_on=issued_on,
                due_on=due_on,
                amount_cents=int(cents),
                penalty_cents=p.penalty_cents if p else 0,
                indemnity_cents=p.indemnity_cents if p else 0,
            )
            if cents < 0:
                credits.append(line)
            elif due_on <= opened_on:
                due.append(line)
            else:
                not_yet_due.append(line)
        return ClaimData(
            company=printed.company,
            debtor=printed.customer,
            procedure=kind,
            opened_on=opened_on,
            published_on=published_on,
            deadline=claim_deadline(published_on, abroad) if published_on else None,
            creditor_abroad=abroad,
            due=tuple(due),
            not_yet_due=tuple(not_yet_due),
            credits=tuple(credits),
            printed_on=self._ctx.clock.today(),
        )

    def render_claim(self, customer_id: int, path: Path) -> Path:
        """Write the claim summary of the customer as a PDF at `path`; returns it."""
        return render_claim(self.claim_summary(customer_id), path)

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _customer(session: Session, customer_id: int) -> Customer:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFoundError("customer", customer_id)
        return customer

    @staticmethod
    def _pending(session: Session, customer_id: int) -> BlockingDecision | None:
        return session.scalars(
            select(BlockingDecision).where(
                BlockingDecision.customer_id == customer_id,
                BlockingDecision.status == _B.PROPOSED.value,
            )
        ).first()

    @staticmethod
    def _latest(session: Session, customer_id: int) -> BlockingDecision | None:
        rows = session.scalars(
            select(BlockingDecision).where(
                BlockingDecision.customer_id == customer_id,
                BlockingDecision.status != _B.PROPOSED.value,
            )
        ).all()
        return max(rows, key=_decided_key, default=None)

    @staticmethod
    def _creditor_abroad(session: Session) -> bool:
        """Whether the user's company is outside mainland France (4 months to file):
        another country, or a French overseas postal code (97…, 98…)."""
        company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
        if company is None:
            return False
        if company.country != Country.FRANCE.value:
            return True
        return company.postal_code.strip()[:2] in ("97", "98")

    def _decider(self, session: Session, d: BlockingDecision) -> str:
        if d.decided_by_id is not None:
            user = session.get(User, d.decided_by_id)
            if user is not None:
                return user.name
        entry = session.scalars(
            select(AuditEntry.actor)
            .where(AuditEntry.entity == ENTITY, AuditEntry.entity_id == d.id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        ).first()
        return entry or ""

    def _close(
        self,
        session: Session,
        row: BlockingDecision,
        status: BlockingDecisionStatus,
        reason: str,
        today: date,
        actor: str,
    ) -> None:
        before = row.status
        row.status = status.value
        row.reason = reason
        row.decided_on = today
        row.decided_by_id = session.scalars(
            select(User.id).where(func.lower(User.name) == actor.strip().lower())
        ).first()
        row.updated_at = self._ctx.clock.now()
        self._audit(
            session,
            row.id,
            AuditAction.UPDATE,
            status.value,
            actor,
            {"status": (before, status.value), "reason": ("", reason), "rule": ("", row.rule)},
        )

    def _set_status(
        self,
        session: Session,
        customer: Customer,
        status: CustomerStatus,
        actor: str,
        extra: dict[str, tuple[object, object]] | None = None,
    ) -> None:
        changes = dict(extra or {})
        if customer.status != status.value:
            changes["status"] = (customer.status, status.value)
        customer.status = status.value
        customer.updated_at = self._ctx.clock.now()
        if changes:
            audit.record(
                session,
                at=self._ctx.clock.now(),
                actor=actor,
                action=AuditAction.UPDATE,
                entity="customer",
                entity_id=customer.id,
                summary=customer.legal_name,
                changes=changes,
            )

    def _skip_reminders(self, session: Session, customer_id: int, today: date, actor: str) -> None:
        """Close the customer's pending and postponed reminders: the judgment stops them."""
        for action in session.scalars(
            select(ReminderAction).where(
                ReminderAction.customer_id == customer_id,
                ReminderAction.status.in_(_OPEN_REMINDERS),
            )
        ):
            before = action.status
            action.status = ActionStatus.SKIPPED.value
            action.done_on = today
            action.skip_reason = _REMINDER_SKIP_REASON
            action.updated_at = self._ctx.clock.now()
            audit.record(
                session,
                at=self._ctx.clock.now(),
                actor=actor,
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action.id,
                summary=_REMINDER_SKIP_REASON,
                changes={"status": (before, action.status)},
            )

    def _audit(
        self,
        session: Session,
        decision_id: int,
        action: AuditAction,
        summary: str,
        actor: str,
        changes: dict[str, tuple[object, object]] | None = None,
    ) -> None:
        audit.record(
            session,
            at=self._ctx.clock.now(),
            actor=actor,
            action=action,
            entity=ENTITY,
            entity_id=decision_id,
            summary=summary,
            changes=changes,
        )


def _required(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError([FieldError("reason", ErrorCode.REQUIRED)])
    return text
