"""Reminders: the dunning plans of the file, the actions due each day, and their follow-up.

`refresh(as_of)` feeds the pure engine (`desktop.domain.dunning.actions_due`) with what
the file holds and saves what it proposes as PENDING `reminder_actions`; the engine
never proposes an action while one of the customer's cycle is pending or postponed, nor
a courtesy reminder twice for an item, so refreshing again creates nothing twice.

- A customer's plan is its segment's plan, else the consumer plan for a consumer, else
  the default plan (`is_default`; the Standard plan shipped by migration 0005).
- Open items are the documents not settled, issued on or before `as_of`, with an open
  amount. The disputed part of an invoice is the sum of its lines in disputes that are
  neither resolved nor rejected; an item covered by an active repayment plan is not
  chased.
- Insolvency (status "insolvency", or an insolvency procedure recorded) stops reminders;
  a pending promise to pay pauses them until its date plus its grace period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.dunning import (
    UNKNOWN_RANK,
    CustomerState,
    DueAction,
    OpenItem,
    PastAction,
    PlanDraft,
    Promise,
    actions_due,
    next_action,
)
from desktop.domain.dunning import DunningLevel as LevelRule
from desktop.domain.dunning import DunningPlan as PlanRule
from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    CallOutcome,
    Channel,
    CustomerStatus,
    DisputeStatus,
    DocumentKind,
    PromiseStatus,
    RepaymentPlanStatus,
    Tone,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.persistence import audit, bulk
from desktop.persistence.models import (
    AuditEntry,
    Customer,
    Dispute,
    DisputeItem,
    Document,
    DunningLevel,
    DunningPlan,
    PromiseToPay,
    ReminderAction,
    ReminderActionItem,
    RepaymentPlan,
    RepaymentPlanDocument,
    Segment,
    User,
)
from desktop.services.context import ServiceContext
from desktop.services.promises import PromiseDraft, add_promise, settle_promises
from desktop.services.repayment import settle_plans

__all__ = [
    "CHANNEL_ORDER",
    "ActionClosedError",
    "ForecastRow",
    "LevelData",
    "PlanData",
    "RefreshResult",
    "ReminderItem",
    "ReminderRow",
    "ReminderService",
]

# The order of the day's list: letters to print, calls, e-mails, salespeople, formal notices.
CHANNEL_ORDER: tuple[Channel, ...] = (
    Channel.LETTER,
    Channel.PHONE,
    Channel.EMAIL,
    Channel.SALESPERSON,
    Channel.FORMAL_NOTICE,
)

_OPEN = (ActionStatus.PENDING.value, ActionStatus.POSTPONED.value)
# Stored value → member, looked up in a dict: calling the enum per row is the largest
# single cost of reading tens of thousands of rows.
_DOCUMENT_KINDS = {kind.value: kind for kind in DocumentKind}
_ACTION_STATUSES = {status.value: status for status in ActionStatus}
_CHANNELS = {channel.value: channel for channel in Channel}
_CLOSED_DISPUTES = (DisputeStatus.RESOLVED.value, DisputeStatus.REJECTED.value)


class ActionClosedError(Exception):
    """The action is already done or skipped: it cannot be done, skipped or postponed."""

    def __init__(self, action_id: int, status: ActionStatus) -> None:
        super().__init__(f"reminder action {action_id} is {status.value}")
        self.action_id = action_id
        self.status = status


@dataclass(frozen=True)
class LevelData:
    id: int
    rank: int
    name: str
    offset_days: int
    channel: Channel
    tone: Tone
    claims_penalties: bool
    claims_indemnity: bool
    deadline_days: int | None
    template_key: str

    def rule(self) -> LevelRule:
        return LevelRule(
            rank=self.rank,
            name=self.name,
            offset_days=self.offset_days,
            channel=self.channel,
            tone=self.tone,
            claims_penalties=self.claims_penalties,
            claims_indemnity=self.claims_indemnity,
            deadline_days=self.deadline_days,
        )


@dataclass(frozen=True)
class PlanData:
    id: int
    name: str
    description: str
    min_gap_days: int
    for_consumers: bool
    is_default: bool
    levels: tuple[LevelData, ...]  # by rank

    def rule(self) -> PlanRule:
        """The plan as the engine takes it (raises ValueError for an inconsistent plan)."""
        return PlanRule(
            name=self.name,
            levels=tuple(level.rule() for level in self.levels),
            min_gap_days=self.min_gap_days,
            for_consumers=self.for_consumers,
        )

    def level(self, rank: int) -> LevelData | None:
        return next((level for level in self.levels if level.rank == rank), None)


@dataclass(frozen=True)
class RefreshResult:
    as_of: date
    created_ids: tuple[int, ...]  # the reminder actions created by this refresh

    @property
    def created(self) -> int:
        return len(self.created_ids)


@dataclass(frozen=True)
class ForecastRow:
    """An action the engine will propose on `day` if nothing changes until then."""

    customer_id: int
    customer_name: str
    segment_id: int | None
    assignee_id: int | None
    level_name: str
    channel: Channel
    day: date
    total_cents: int


@dataclass(frozen=True)
class ReminderItem:
    document_id: int
    number: str
    kind: DocumentKind
    due_on: date
    amount_cents: int  # chased amount (signed: credit notes and payments negative)


@dataclass(frozen=True)
class ReminderRow:
    """One action of the day's list."""

    id: int
    customer_id: int
    customer_name: str
    level_id: int | None
    level_name: str  # "" when its level was deleted since
    channel: Channel
    planned_on: date
    status: ActionStatus
    total_cents: int
    items: tuple[ReminderItem, ...]  # chased items by due date, then credits
    assignee_id: int | None = None
    assignee_name: str = ""
    segment_id: int | None = None
    done_on: date | None = None
    outcome: str = ""
    notes: str = ""

    @property
    def item_count(self) -> int:
        return len(self.items)


def _plan_data(plan: DunningPlan) -> PlanData:
    return PlanData(
        id=plan.id,
        name=plan.name,
        description=plan.description,
        min_gap_days=plan.min_gap_days,
        for_consumers=plan.for_consumers,
        is_default=plan.is_default,
        levels=tuple(
            LevelData(
                id=level.id,
                rank=level.rank,
                name=level.name,
                offset_days=level.offset_days,
                channel=Channel(level.channel),
                tone=Tone(level.tone),
                claims_penalties=level.claims_penalties,
                claims_indemnity=level.claims_indemnity,
                deadline_days=level.deadline_days,
                template_key=level.template_key,
            )
            for level in sorted(plan.levels, key=lambda lv: lv.rank)
        ),
    )


def _load_plans(session: Session) -> list[PlanData]:
    plans = session.scalars(select(DunningPlan).order_by(DunningPlan.id)).all()
    return [_plan_data(plan) for plan in plans]


class ReminderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- plans --------------------------------------------------------------------------

    def plans(self) -> list[PlanData]:
        """Every dunning plan of the file with its levels (by rank), in creation order
        (the four shipped plans first)."""
        with self._ctx.database.read() as session:
            return _load_plans(session)

    # --- computing the day's actions ----------------------------------------------------

    def refresh(self, as_of: date) -> RefreshResult:
        """Compute the actions due on `as_of` and save each as a PENDING reminder action
        (planned on `as_of`, with its items, total, channel and level), all in one
        transaction. Idempotent: a second refresh the same day (or any later day before
        the pending ones are closed) creates nothing for the customers already served.
        Customers whose plan is inconsistent raise ValueError and nothing is saved.
        Actions still open are brought up to date first: an invoice paid or disputed since
        leaves them (a letter never asks for what was paid or is contested), and an action
        with nothing left to ask for is skipped with that reason."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            plans = _load_plans(session)
            # Promises whose date has come are kept or broken first: a broken one no
            # longer pauses the customer, who goes back into the cycle today.
            settle_promises(session, self._ctx, as_of)
            # Repayment plans: one missed beyond its grace period is broken, and its
            # invoices come back into the cycle below.
            settle_plans(session, self._ctx, as_of)
            if not plans:
                return RefreshResult(as_of, ())
            items = self._open_items(session, as_of)
            self._reprice_open_actions(session, items, as_of, now)
            customer_ids = sorted({item.customer_id for item in items})
            plan_of = self._plans_of(session, plans, customer_ids)
            rules = {plan.id: plan.rule() for plan in plan_of.values()}
            states, salesperson_of = self._states(session, customer_ids, plan_of, rules)
            due = actions_due(
                as_of,
                states,
                items,
                self._past_actions(session, customer_ids),
                self._promises(session, customer_ids),
            )
            created = self._save_all(session, due, plan_of, salesperson_of, now)
            return RefreshResult(as_of, created)

    def _reprice_open_actions(
        self, session: Session, items: list[OpenItem], as_of: date, now: datetime
    ) -> None:
        current = {item.document_id: item for item in items}
        rows = session.execute(
            select(ReminderAction, ReminderActionItem)
            .join(ReminderActionItem, ReminderActionItem.action_id == ReminderAction.id)
            .where(ReminderAction.status.in_(_OPEN))
            .order_by(ReminderAction.id, ReminderActionItem.id)
        ).all()
        lines_of: dict[int, list[ReminderActionItem]] = {}
        actions: dict[int, ReminderAction] = {}
        for action, line in rows:
            actions[action.id] = action
            lines_of.setdefault(action.id, []).append(line)
        actor = self._ctx.actor()
        for action_id, lines in lines_of.items():
            action = actions[action_id]
            total = 0
            changed = False
            for line in lines:
                item = current.get(line.document_id)
                amount = 0 if item is None else item.chased_cents
                if amount == 0:
                    session.delete(line)  # paid, settled or wholly contested since
                    changed = True
                    continue
                if amount != line.amount_cents:
                    line.amount_cents = amount
                    changed = True
                total += amount
            if not changed:
                continue
            before = action.total_cents
            action.total_cents = max(total, 0)
            action.updated_at = now
            summary = "montant mis à jour (réglé ou contesté depuis)"
            if total <= 0:
                action.status = ActionStatus.SKIPPED.value
                action.done_on = as_of
                action.skip_reason = "Plus rien à relancer : réglé ou contesté depuis."
                summary = "plus rien à relancer"
            audit.record(
                session,
                at=now,
                actor=actor,
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary=summary,
                changes={"total_cents": (before, action.total_cents)},
            )
        session.flush()

    def forecast(
        self,
        as_of: date,
        until: date,
        *,
        assignee_id: int | None = None,
        segment_id: int | None = None,
        unassigned: bool = False,
    ) -> list[ForecastRow]:
        """For each customer without an action under way, the next action the engine
        would propose after `as_of` and up to `until` if nothing is paid meanwhile (the
        engine itself is asked, day by day where something can change), by day then
        customer. The calendar shows these as "à venir"; nothing is saved."""
        with self._ctx.database.read() as session:
            plans = _load_plans(session)
            if not plans:
                return []
            items = self._open_items(session, as_of)
            customer_ids = sorted({item.customer_id for item in items})
            plan_of = self._plans_of(session, plans, customer_ids)
            rules = {plan.id: plan.rule() for plan in plan_of.values()}
            states, salesperson_of = self._states(session, customer_ids, plan_of, rules)
            past = self._past_actions(session, customer_ids)
            promises = self._promises(session, customer_ids)
            names = dict(session.execute(select(Customer.id, Customer.legal_name)).all())
            segments = dict(session.execute(select(Customer.id, Customer.segment_id)).all())
        by_customer: dict[int, list[OpenItem]] = {}
        for item in items:
            by_customer.setdefault(item.customer_id, []).append(item)
        past_by: dict[int, list[PastAction]] = {}
        for action in past:
            past_by.setdefault(action.customer_id, []).append(action)
        promises_by: dict[int, list[Promise]] = {}
        for promise in promises:
            promises_by.setdefault(promise.customer_id, []).append(promise)
        rows: list[ForecastRow] = []
        for state in states:
            cid = state.customer_id
            if segment_id is not None and segments.get(cid) != segment_id:
                continue
            action = next_action(
                as_of,
                until,
                state,
                by_customer.get(cid, []),
                past_by.get(cid, []),
                promises_by.get(cid, []),
            )
            if action is None:
                continue
            assignee = (
                salesperson_of.get(cid) if action.level.channel is Channel.SALESPERSON else None
            )
            if unassigned and assignee is not None:
                continue
            if assignee_id is not None and assignee != assignee_id:
                continue
            rows.append(
                ForecastRow(
                    customer_id=cid,
                    customer_name=names.get(cid, ""),
                    segment_id=segments.get(cid),
                    assignee_id=assignee,
                    level_name=action.level.name,
                    channel=action.level.channel,
                    day=action.planned_on,
                    total_cents=action.total_cents,
                )
            )
        rows.sort(key=lambda r: (r.day, r.customer_name.casefold(), r.customer_id))
        return rows

    def _open_items(self, session: Session, as_of: date) -> list[OpenItem]:
        disputed = dict(
            session.execute(
                select(DisputeItem.document_id, func.sum(DisputeItem.disputed_cents))
                .join(Dispute, Dispute.id == DisputeItem.dispute_id)
                .where(Dispute.status.not_in(_CLOSED_DISPUTES))
                .group_by(DisputeItem.document_id)
            ).all()
        )
        in_plan = set(
            session.scalars(
                select(RepaymentPlanDocument.document_id)
                .join(RepaymentPlan, RepaymentPlan.id == RepaymentPlanDocument.plan_id)
                .where(RepaymentPlan.status == RepaymentPlanStatus.ACTIVE.value)
            ).all()
        )
        rows = session.execute(
            select(
                Document.id,
                Document.customer_id,
                Document.kind,
                Document.due_on,
                Document.open_cents,
            ).where(
                Document.settled_on.is_(None),
                Document.open_cents != 0,
                Document.issued_on <= as_of,
            )
        ).all()
        return [
            OpenItem(
                document_id=doc_id,
                customer_id=customer_id,
                kind=_DOCUMENT_KINDS[kind],
                due_on=due_on,
                open_cents=open_cents,
                disputed_cents=int(disputed.get(doc_id, 0) or 0),
                in_repayment_plan=doc_id in in_plan,
            )
            for doc_id, customer_id, kind, due_on, open_cents in rows
        ]

    def _plans_of(
        self, session: Session, plans: list[PlanData], customer_ids: list[int]
    ) -> dict[int, PlanData]:
        by_id = {plan.id: plan for plan in plans}
        default = next((p for p in plans if p.is_default), plans[0])
        consumer = next((p for p in plans if p.for_consumers), default)
        rows = session.execute(
            select(Customer.id, Customer.is_consumer, Segment.dunning_plan_id).outerjoin(
                Segment, Segment.id == Customer.segment_id
            )
        ).all()
        wanted = set(customer_ids)
        plan_of: dict[int, PlanData] = {}
        for customer_id, is_consumer, segment_plan_id in rows:
            if customer_id not in wanted:
                continue
            if segment_plan_id is not None and segment_plan_id in by_id:
                plan_of[customer_id] = by_id[segment_plan_id]
            elif is_consumer:
                plan_of[customer_id] = consumer
            else:
                plan_of[customer_id] = default
        return plan_of

    def _states(
        self,
        session: Session,
        customer_ids: list[int],
        plan_of: dict[int, PlanData],
        rules: dict[int, PlanRule],
    ) -> tuple[list[CustomerState], dict[int, int | None]]:
        rows = session.execute(
            select(Customer.id, Customer.status, Customer.insolvency_kind, Customer.salesperson_id)
        ).all()
        wanted = set(customer_ids)
        rows = [row for row in rows if row[0] in wanted]
        states = [
            CustomerState(
                customer_id=customer_id,
                plan=rules[plan_of[customer_id].id],
                insolvent=status == CustomerStatus.INSOLVENCY.value or kind is not None,
                blocked=status == CustomerStatus.BLOCKED.value,
            )
            for customer_id, status, kind, _ in rows
        ]
        return states, {customer_id: seller for customer_id, _, _, seller in rows}

    def _past_actions(self, session: Session, customer_ids: list[int]) -> list[PastAction]:
        rows = session.execute(
            select(
                ReminderAction.customer_id,
                DunningLevel.rank,
                ReminderAction.planned_on,
                ReminderAction.status,
                ReminderAction.done_on,
            ).outerjoin(DunningLevel, DunningLevel.id == ReminderAction.level_id)
        ).all()
        wanted = set(customer_ids)
        # An action whose level was removed from its plan keeps blocking while open.
        return [
            PastAction(
                customer_id,
                UNKNOWN_RANK if rank is None else rank,
                planned_on,
                _ACTION_STATUSES[status],
                done_on,
            )
            for customer_id, rank, planned_on, status, done_on in rows
            if customer_id in wanted
        ]

    def _promises(self, session: Session, customer_ids: list[int]) -> list[Promise]:
        rows = session.execute(
            select(
                PromiseToPay.customer_id,
                PromiseToPay.promised_for,
                PromiseToPay.grace_days,
                PromiseToPay.status,
            ).where(PromiseToPay.status == PromiseStatus.PENDING.value)
        ).all()
        wanted = set(customer_ids)
        return [
            Promise(customer_id, promised_for, grace, PromiseStatus(status))
            for customer_id, promised_for, grace, status in rows
            if customer_id in wanted
        ]

    def _save_all(
        self,
        session: Session,
        due: list[DueAction],
        plan_of: dict[int, PlanData],
        salesperson_of: dict[int, int | None],
        now: datetime,
    ) -> tuple[int, ...]:
        """Insert the actions, their items and their audit rows in three bulk inserts
        (a day after a long absence can propose thousands of actions at once)."""
        if not due:
            return ()
        first_id = bulk.next_id(session, ReminderAction)
        actor = self._ctx.actor()
        actions: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        trail: list[dict[str, Any]] = []
        for offset, action in enumerate(due):
            action_id = first_id + offset
            plan = plan_of[action.customer_id]
            level = plan.level(action.level.rank)
            actions.append(
                {
                    "id": action_id,
                    "customer_id": action.customer_id,
                    "level_id": level.id if level is not None else None,
                    "channel": action.level.channel.value,
                    "planned_on": action.planned_on,
                    "status": ActionStatus.PENDING.value,
                    "assignee_id": (
                        salesperson_of.get(action.customer_id)
                        if action.level.channel is Channel.SALESPERSON
                        else None
                    ),
                    "done_on": None,
                    "done_by_id": None,
                    "total_cents": action.total_cents,
                    "outcome": "",
                    "notes": "",
                    "skip_reason": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            lines.extend(
                {"action_id": action_id, "document_id": document_id, "amount_cents": amount}
                for document_id, amount in action.items
            )
            trail.append(
                audit.row(
                    at=now,
                    actor=actor,
                    action=AuditAction.CREATE,
                    entity="reminder_action",
                    entity_id=action_id,
                    summary=f"{action.level.name} ({plan.name})",
                )
            )
        bulk.insert_rows(session, ReminderAction, actions)
        bulk.insert_rows(session, ReminderActionItem, lines)
        bulk.insert_rows(session, AuditEntry, trail)
        return tuple(row["id"] for row in actions)

    # --- the day's list ------------------------------------------------------------------

    def due(
        self,
        as_of: date,
        *,
        assignee_id: int | None = None,
        segment_id: int | None = None,
        unassigned: bool = False,
    ) -> list[ReminderRow]:
        """The pending actions planned on or before `as_of`, and the postponed ones whose
        new date has come, with their items; sorted by channel (letters, calls, e-mails,
        salespeople, formal notices) then customer name (accent- and case-insensitive).
        Optionally only one assignee's (or the unassigned ones) and one segment's.
        Reads only: call `refresh` first to add the day's new actions."""
        return self._list(
            [ReminderAction.status.in_(_OPEN), ReminderAction.planned_on <= as_of],
            assignee_id,
            segment_id,
            unassigned,
        )

    def between(
        self,
        start: date,
        end: date,
        *,
        assignee_id: int | None = None,
        segment_id: int | None = None,
        unassigned: bool = False,
    ) -> list[ReminderRow]:
        """Every action of the calendar from `start` to `end`: open ones on their planned
        day, done and skipped ones on the day they were closed; same order and filters
        as `due`."""
        day = func.coalesce(ReminderAction.done_on, ReminderAction.planned_on)
        return self._list([day >= start, day <= end], assignee_id, segment_id, unassigned)

    def _list(
        self,
        where: list[Any],
        assignee_id: int | None,
        segment_id: int | None,
        unassigned: bool,
    ) -> list[ReminderRow]:
        query = (
            select(
                ReminderAction,
                Customer.legal_name,
                Customer.sort_name,
                Customer.segment_id,
                DunningLevel.name,
                User.name,
            )
            .join(Customer, Customer.id == ReminderAction.customer_id)
            .outerjoin(DunningLevel, DunningLevel.id == ReminderAction.level_id)
            .outerjoin(User, User.id == ReminderAction.assignee_id)
            .where(*where)
        )
        if unassigned:
            query = query.where(ReminderAction.assignee_id.is_(None))
        elif assignee_id is not None:
            query = query.where(ReminderAction.assignee_id == assignee_id)
        if segment_id is not None:
            query = query.where(Customer.segment_id == segment_id)
        with self._ctx.database.read() as session:
            rows = session.execute(query).all()
            items = self._items(session, [row[0].id for row in rows])
            order = {channel: index for index, channel in enumerate(CHANNEL_ORDER)}
            result = [
                ReminderRow(
                    id=action.id,
                    customer_id=action.customer_id,
                    customer_name=name,
                    level_id=action.level_id,
                    level_name=level_name or "",
                    channel=_CHANNELS[action.channel],
                    planned_on=action.planned_on,
                    status=_ACTION_STATUSES[action.status],
                    total_cents=action.total_cents,
                    items=tuple(items.get(action.id, ())),
                    assignee_id=action.assignee_id,
                    assignee_name=user_name or "",
                    segment_id=segment,
                    done_on=action.done_on,
                    outcome=action.outcome,
                    notes=action.notes,
                )
                for action, name, _, segment, level_name, user_name in rows
            ]
            sort_names = {
                action.id: sort_name or name.casefold() for action, name, sort_name, *_ in rows
            }
        result.sort(key=lambda r: (order.get(r.channel, len(order)), sort_names[r.id], r.id))
        return result

    @staticmethod
    def _items(session: Session, action_ids: Iterable[int]) -> dict[int, list[ReminderItem]]:
        ids = list(action_ids)
        if not ids:
            return {}
        rows = session.execute(
            select(
                ReminderActionItem.action_id,
                Document.id,
                Document.number,
                Document.kind,
                Document.due_on,
                ReminderActionItem.amount_cents,
            )
            .join(Document, Document.id == ReminderActionItem.document_id)
            .where(ReminderActionItem.action_id.in_(ids))
            .order_by(ReminderActionItem.action_id, ReminderActionItem.id)
        ).all()
        out: dict[int, list[ReminderItem]] = {}
        for action_id, doc_id, number, kind, due_on, amount in rows:
            out.setdefault(action_id, []).append(
                ReminderItem(doc_id, number, _DOCUMENT_KINDS[kind], due_on, amount)
            )
        return out

    # --- follow-up ----------------------------------------------------------------------

    def mark_done(self, action_id: int, done_on: date) -> None:
        """Mark a pending or postponed action done on `done_on`; the next level can then
        be proposed once the plan's minimum gap has passed since that day. Audited.
        Raises NotFoundError, or ActionClosedError when it is already done or skipped."""
        self._close(action_id, ActionStatus.DONE, done_on, "", "fait")

    def skip(self, action_id: int, reason: str) -> None:
        """Skip a pending or postponed action with a reason (required: ValidationError
        on field "reason" when blank); it counts as closed today for the gap before the
        next level. Audited. Raises NotFoundError or ActionClosedError."""
        reason = reason.strip()
        if not reason:
            raise ValidationError([FieldError("reason", ErrorCode.REQUIRED)])
        self._close(action_id, ActionStatus.SKIPPED, self._ctx.clock.today(), reason, reason)

    def postpone(self, action_id: int, to_date: date) -> None:
        """Move a pending or postponed action to `to_date` (status POSTPONED): it leaves
        the lists until then and the customer gets no other action meanwhile. A date
        before today raises ValidationError on field "to_date". Audited. Raises
        NotFoundError or ActionClosedError."""
        if to_date < self._ctx.clock.today():
            raise ValidationError([FieldError("to_date", ErrorCode.INVALID_DATE)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            action = self._open_action(session, action_id)
            before = action.planned_on
            action.status = ActionStatus.POSTPONED.value
            action.planned_on = to_date
            action.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary="reportée",
                changes={"planned_on": (before.isoformat(), to_date.isoformat())},
            )

    def _close(
        self, action_id: int, status: ActionStatus, on: date, reason: str, summary: str
    ) -> None:
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            action = self._open_action(session, action_id)
            before = action.status
            action.status = status.value
            action.done_on = on
            action.skip_reason = reason
            action.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary=summary,
                changes={"status": (before, status.value), "done_on": (None, on.isoformat())},
            )

    @staticmethod
    def _open_action(session: Session, action_id: int) -> ReminderAction:
        action = session.get(ReminderAction, action_id)
        if action is None:
            raise NotFoundError("reminder_action", action_id)
        if action.status not in _OPEN:
            raise ActionClosedError(action_id, ActionStatus(action.status))
        return action

    # --- calls and assignment -----------------------------------------------------------

    def record_call(
        self,
        action_id: int,
        outcome: CallOutcome,
        notes: str,
        promise: PromiseDraft | None = None,
    ) -> int | None:
        """Log what came of a call (or any contact) for an open action and close it as
        done today, with its notes. With outcome PROMISE a `promise` is required (field
        "promise") and is recorded in the same transaction, linked to the action, pausing
        the customer's reminders until its date plus grace; returns the promise id (else
        None). Audited. NotFoundError, ActionClosedError, or ValidationError (the
        promise's own checks) — then nothing is saved."""
        if outcome is CallOutcome.PROMISE and promise is None:
            raise ValidationError([FieldError("promise", ErrorCode.REQUIRED)])
        today = self._ctx.clock.today()
        if promise is not None:
            promise.check(today)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            action = self._open_action(session, action_id)
            before = action.status
            action.status = ActionStatus.DONE.value
            action.done_on = today
            action.outcome = outcome.value
            action.notes = notes.strip()
            action.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary=f"appel : {outcome.value}",
                changes={
                    "status": (before, ActionStatus.DONE.value),
                    "outcome": (None, outcome.value),
                    "notes": (None, action.notes),
                },
            )
            if promise is None:
                return None
            return add_promise(session, self._ctx, action.customer_id, promise, action_id)

    def assign(self, action_id: int, user_id: int | None) -> None:
        """Give an open action to a member of the team (None: to nobody). Audited.
        NotFoundError for an unknown action or user; ActionClosedError when closed."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            action = self._open_action(session, action_id)
            if user_id is not None and session.get(User, user_id) is None:
                raise NotFoundError("user", user_id)
            before = action.assignee_id
            action.assignee_id = user_id
            action.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary="attribuée",
                changes={"assignee_id": (before, user_id)},
            )

    # --- editing plans ------------------------------------------------------------------

    def save_plan(self, plan_id: int | None, draft: PlanDraft) -> int:
        """Create (plan_id None) or replace a dunning plan with `draft`, and return its
        id. Levels are ranked by offset; a level keeping its `id` keeps its history (the
        actions already planned at that level), a level left out is deleted (its actions
        keep their channel and total but lose the link). Every problem of the draft at
        once as ValidationError ("name", "min_gap_days", "levels", "levels.N.field"); a
        name already used by another plan: "name" DUPLICATE_NAME. Audited."""
        errors = draft.errors()
        if errors:
            raise ValidationError(errors)
        now = self._ctx.clock.now()
        name = draft.name.strip()
        with self._ctx.database.transaction() as session:
            clash = session.scalar(select(DunningPlan.id).where(DunningPlan.name == name))
            if clash is not None and clash != plan_id:
                raise ValidationError([FieldError("name", ErrorCode.DUPLICATE_NAME)])
            before: dict[str, object] = {}
            if plan_id is None:
                plan = DunningPlan(name=name, is_default=False, created_at=now, updated_at=now)
                session.add(plan)
                session.flush()
                action = AuditAction.CREATE
            else:
                found = session.get(DunningPlan, plan_id)
                if found is None:
                    raise NotFoundError("dunning_plan", plan_id)
                plan = found
                action = AuditAction.UPDATE
                before = _plan_audit_fields(plan)
            plan.name = name
            plan.description = draft.description.strip()
            plan.min_gap_days = draft.min_gap_days
            plan.for_consumers = draft.for_consumers
            plan.updated_at = now
            existing = {level.id: level for level in plan.levels}
            kept_ids = {level.id for level in draft.levels if level.id in existing}
            for level_id, level in existing.items():
                if level_id not in kept_ids:
                    plan.levels.remove(level)
            # Ranks are unique per plan: park the kept ones out of the way before
            # renumbering, so two levels swapping places never collide in between.
            for level_id in kept_ids:
                existing[level_id].rank = -1000 - level_id
            session.flush()
            for rank, typed in enumerate(draft.ordered_levels()):
                row = existing.get(typed.id) if typed.id is not None else None
                if row is None:
                    row = DunningLevel(plan_id=plan.id)
                    plan.levels.append(row)
                row.rank = rank
                row.name = typed.name.strip()
                row.offset_days = typed.offset_days
                row.channel = typed.channel.value
                row.tone = typed.tone.value
                row.template_key = typed.template_key
                row.claims_penalties = typed.claims_penalties
                row.claims_indemnity = typed.claims_indemnity
                row.deadline_days = typed.deadline_days
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=action,
                entity="dunning_plan",
                entity_id=plan.id,
                summary=f"{name} : {len(draft.levels)} niveau(x)",
                # A level taken out shows as its text → nothing.
                changes=audit.diff(before, {**dict.fromkeys(before), **_plan_audit_fields(plan)}),
            )
            return plan.id

    def delete_plan(self, plan_id: int) -> None:
        """Delete a plan that is not the default one (else ValidationError "plan"
        DEFAULT_PLAN); its segments fall back to the default plan and its actions keep
        their history without the link to a level. Audited."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            plan = session.get(DunningPlan, plan_id)
            if plan is None:
                raise NotFoundError("dunning_plan", plan_id)
            if plan.is_default:
                raise ValidationError([FieldError("plan", ErrorCode.DEFAULT_PLAN)])
            name = plan.name
            session.delete(plan)
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.DELETE,
                entity="dunning_plan",
                entity_id=plan_id,
                summary=name,
            )

    def set_default_plan(self, plan_id: int) -> None:
        """Make `plan_id` the plan of customers whose segment has none. Audited."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            plan = session.get(DunningPlan, plan_id)
            if plan is None:
                raise NotFoundError("dunning_plan", plan_id)
            for other in session.scalars(select(DunningPlan).where(DunningPlan.is_default)):
                other.is_default = False
            session.flush()
            plan.is_default = True
            plan.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dunning_plan",
                entity_id=plan_id,
                summary=f"{plan.name} : plan par défaut",
            )

    def segment_plans(self) -> list[tuple[int, str, int | None]]:
        """(segment id, segment name, plan id or None) for every segment, by name."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(Segment.id, Segment.name, Segment.dunning_plan_id).order_by(
                    Segment.sort_name, Segment.name
                )
            ).all()
            return [(sid, name, plan_id) for sid, name, plan_id in rows]

    def set_segment_plan(self, segment_id: int, plan_id: int | None) -> None:
        """Have a segment's customers reminded by `plan_id` (None: the default plan, or
        the consumer plan for consumers). Audited."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            segment = session.get(Segment, segment_id)
            if segment is None:
                raise NotFoundError("segment", segment_id)
            if plan_id is not None and session.get(DunningPlan, plan_id) is None:
                raise NotFoundError("dunning_plan", plan_id)
            before = segment.dunning_plan_id
            segment.dunning_plan_id = plan_id
            segment.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="segment",
                entity_id=segment_id,
                summary=f"{segment.name} : plan de relance",
                changes={"dunning_plan_id": (before, plan_id)},
            )


def _plan_audit_fields(plan: DunningPlan) -> dict[str, object]:
    """What the audit trail compares before and after a plan is saved: its settings,
    and each level as a short text (rank, name, offset, channel, tone, claims)."""
    fields: dict[str, object] = {
        "name": plan.name,
        "description": plan.description,
        "min_gap_days": plan.min_gap_days,
        "for_consumers": plan.for_consumers,
    }
    for level in sorted(plan.levels, key=lambda lv: lv.rank):
        claims = "+".join(
            c
            for c, on in (
                ("penalties", level.claims_penalties),
                ("indemnity", level.claims_indemnity),
            )
            if on
        )
        fields[f"level_{level.rank + 1}"] = (
            f"{level.name} · J{level.offset_days:+d} · {level.channel} · {level.tone}"
            + (f" · {claims}" if claims else "")
            + (f" · {level.deadline_days} j" if level.deadline_days is not None else "")
        )
    return fields
