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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.dunning import (
    CustomerState,
    DueAction,
    OpenItem,
    PastAction,
    Promise,
    actions_due,
)
from desktop.domain.dunning import DunningLevel as LevelRule
from desktop.domain.dunning import DunningPlan as PlanRule
from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    Channel,
    CustomerStatus,
    DisputeStatus,
    DocumentKind,
    PromiseStatus,
    RepaymentPlanStatus,
    Tone,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.persistence import audit
from desktop.persistence.models import (
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
)
from desktop.services.context import ServiceContext

__all__ = [
    "CHANNEL_ORDER",
    "ActionClosedError",
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
        Customers whose plan is inconsistent raise ValueError and nothing is saved."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            plans = _load_plans(session)
            if not plans:
                return RefreshResult(as_of, ())
            items = self._open_items(session, as_of)
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
            created: list[int] = []
            for action in due:
                created.append(
                    self._save(session, action, plan_of[action.customer_id], salesperson_of, now)
                )
            return RefreshResult(as_of, tuple(created))

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
                kind=DocumentKind(kind),
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
            select(Customer.id, Customer.is_consumer, Segment.dunning_plan_id)
            .outerjoin(Segment, Segment.id == Customer.segment_id)
            .where(Customer.id.in_(customer_ids))
        ).all()
        plan_of: dict[int, PlanData] = {}
        for customer_id, is_consumer, segment_plan_id in rows:
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
            select(
                Customer.id, Customer.status, Customer.insolvency_kind, Customer.salesperson_id
            ).where(Customer.id.in_(customer_ids))
        ).all()
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
            )
            .join(DunningLevel, DunningLevel.id == ReminderAction.level_id)
            .where(ReminderAction.customer_id.in_(customer_ids))
        ).all()
        return [
            PastAction(customer_id, rank, planned_on, ActionStatus(status), done_on)
            for customer_id, rank, planned_on, status, done_on in rows
        ]

    def _promises(self, session: Session, customer_ids: list[int]) -> list[Promise]:
        rows = session.execute(
            select(
                PromiseToPay.customer_id,
                PromiseToPay.promised_for,
                PromiseToPay.grace_days,
                PromiseToPay.status,
            ).where(
                PromiseToPay.customer_id.in_(customer_ids),
                PromiseToPay.status == PromiseStatus.PENDING.value,
            )
        ).all()
        return [
            Promise(customer_id, promised_for, grace, PromiseStatus(status))
            for customer_id, promised_for, grace, status in rows
        ]

    def _save(
        self,
        session: Session,
        action: DueAction,
        plan: PlanData,
        salesperson_of: dict[int, int | None],
        now: datetime,
    ) -> int:
        level = plan.level(action.level.rank)
        row = ReminderAction(
            customer_id=action.customer_id,
            level_id=level.id if level is not None else None,
            channel=action.level.channel.value,
            planned_on=action.planned_on,
            status=ActionStatus.PENDING.value,
            assignee_id=(
                salesperson_of.get(action.customer_id)
                if action.level.channel is Channel.SALESPERSON
                else None
            ),
            total_cents=action.total_cents,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        for document_id, amount in action.items:
            session.add(
                ReminderActionItem(action_id=row.id, document_id=document_id, amount_cents=amount)
            )
        audit.record(
            session,
            at=now,
            actor=self._ctx.actor(),
            action=AuditAction.CREATE,
            entity="reminder_action",
            entity_id=row.id,
            summary=f"{action.level.name} ({plan.name})",
        )
        return row.id

    # --- the day's list ------------------------------------------------------------------

    def due(self, as_of: date) -> list[ReminderRow]:
        """The pending actions planned on or before `as_of`, and the postponed ones whose
        new date has come, with their items; sorted by channel (letters, calls, e-mails,
        salespeople, formal notices) then customer name (accent- and case-insensitive).
        Reads only: call `refresh` first to add the day's new actions."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(ReminderAction, Customer.legal_name, Customer.sort_name, DunningLevel.name)
                .join(Customer, Customer.id == ReminderAction.customer_id)
                .outerjoin(DunningLevel, DunningLevel.id == ReminderAction.level_id)
                .where(ReminderAction.status.in_(_OPEN), ReminderAction.planned_on <= as_of)
            ).all()
            items = self._items(session, [row[0].id for row in rows])
            order = {channel: index for index, channel in enumerate(CHANNEL_ORDER)}
            result = [
                ReminderRow(
                    id=action.id,
                    customer_id=action.customer_id,
                    customer_name=name,
                    level_id=action.level_id,
                    level_name=level_name or "",
                    channel=Channel(action.channel),
                    planned_on=action.planned_on,
                    status=ActionStatus(action.status),
                    total_cents=action.total_cents,
                    items=tuple(items.get(action.id, ())),
                )
                for action, name, _, level_name in rows
            ]
            sort_names = {
                action.id: sort_name or name.casefold() for action, name, sort_name, _ in rows
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
                ReminderItem(doc_id, number, DocumentKind(kind), due_on, amount)
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
