"""Tasks: what a person must do about a customer, on that person's list.

A reminder handed to the salesperson becomes a task on the salesperson's list with what to
say (the invoices, the amount, the level reached); the salesperson answers it from the
list. Other services add tasks of their own kinds (a dispute's questions, a promise to
check, an insolvency claim to file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.enums import ActionStatus, AuditAction, TaskKind, TaskStatus
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents
from desktop.domain.terms import days_late
from desktop.persistence import audit
from desktop.persistence.models import (
    Customer,
    Document,
    DunningLevel,
    ReminderAction,
    ReminderActionItem,
    Task,
    User,
)
from desktop.services.context import ServiceContext
from desktop.services.reminders import ActionClosedError

__all__ = ["HANDOFF_DAYS", "TaskRow", "TaskService"]

HANDOFF_DAYS = 3  # a salesperson has three days to call back or drop by


@dataclass(frozen=True)
class TaskRow:
    id: int
    kind: TaskKind
    status: TaskStatus
    customer_id: int
    customer_name: str
    assignee_id: int | None
    assignee_name: str
    action_id: int | None
    title: str
    instructions: str
    due_on: date
    answer: str
    done_on: date | None


class TaskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def handoff_text(self, action_id: int) -> str:
        """What the salesperson should say for this reminder action: the amount chased,
        each invoice (number, due date, amount, days late) and what to ask for. French
        plain text, ready to be edited before handing over. NotFoundError if unknown."""
        today = self._ctx.clock.today()
        with self._ctx.database.read() as session:
            action = session.get(ReminderAction, action_id)
            if action is None:
                raise NotFoundError("reminder_action", action_id)
            level = session.get(DunningLevel, action.level_id) if action.level_id else None
            total_cents = action.total_cents
            level_name = level.name if level is not None else ""
            items = session.execute(
                select(Document.number, Document.due_on, ReminderActionItem.amount_cents)
                .join(Document, Document.id == ReminderActionItem.document_id)
                .where(ReminderActionItem.action_id == action_id)
                .order_by(Document.due_on, Document.id)
            ).all()
        lines = [
            f"Montant à obtenir : {format_cents(total_cents)}"
            + (f" (niveau « {level_name} »)" if level_name else ""),
            "",
        ]
        for number, due_on, amount in items:
            late = days_late(due_on, today)
            lateness = f", {late} j de retard" if late > 0 else ""
            lines.append(
                f"- {number} : {format_cents(amount)}, échue le {due_on.strftime('%d/%m/%Y')}"
                + lateness
            )
        lines += [
            "",
            "À demander : pourquoi ces factures ne sont-elles pas payées ? Y a-t-il un litige ? "
            "Obtenir une date et un montant de paiement.",
        ]
        return "\n".join(lines)

    def hand_to_salesperson(
        self, action_id: int, instructions: str, assignee_id: int | None = None
    ) -> int:
        """Hand a reminder action to a salesperson: creates an OPEN task on their list
        (due in three days) with `instructions`, and closes the action as done today (the
        hand-off is the action). The assignee defaults to the customer's salesperson;
        without one, ValidationError on field "assignee". Blank instructions are refused
        (field "instructions"). All in one transaction, audited. Returns the task id."""
        if not instructions.strip():
            raise ValidationError([FieldError("instructions", ErrorCode.REQUIRED)])
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            action = session.get(ReminderAction, action_id)
            if action is None:
                raise NotFoundError("reminder_action", action_id)
            if action.status not in (ActionStatus.PENDING.value, ActionStatus.POSTPONED.value):
                raise ActionClosedError(action_id, ActionStatus(action.status))
            customer = session.get(Customer, action.customer_id)
            assert customer is not None  # foreign key
            assignee = assignee_id if assignee_id is not None else customer.salesperson_id
            if assignee is None or session.get(User, assignee) is None:
                raise ValidationError([FieldError("assignee", ErrorCode.REQUIRED)])
            task = Task(
                kind=TaskKind.REMINDER_HANDOFF.value,
                status=TaskStatus.OPEN.value,
                customer_id=customer.id,
                assignee_id=assignee,
                action_id=action_id,
                title=f"Relancer {customer.legal_name}"[:200],
                instructions=instructions.strip(),
                due_on=today + timedelta(days=HANDOFF_DAYS),
                answer="",
                created_at=now,
                updated_at=now,
            )
            session.add(task)
            before = action.status
            action.status = ActionStatus.DONE.value
            action.done_on = today
            action.assignee_id = assignee
            action.outcome = "handed_over"
            action.updated_at = now
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="task",
                entity_id=task.id,
                summary=f"relance transmise au commercial (action {action_id})",
            )
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="reminder_action",
                entity_id=action_id,
                summary="transmise au commercial",
                changes={"status": (before, ActionStatus.DONE.value)},
            )
            return task.id

    def create(
        self,
        kind: TaskKind,
        customer_id: int,
        title: str,
        instructions: str,
        due_on: date,
        assignee_id: int | None = None,
        dispute_id: int | None = None,
    ) -> int:
        """Add an OPEN task (for services that raise their own: disputes, promises,
        claims). A blank title is refused (field "title"). Audited; returns its id."""
        if not title.strip():
            raise ValidationError([FieldError("title", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            if session.get(Customer, customer_id) is None:
                raise NotFoundError("customer", customer_id)
            task = Task(
                kind=kind.value,
                status=TaskStatus.OPEN.value,
                customer_id=customer_id,
                assignee_id=assignee_id,
                dispute_id=dispute_id,
                title=title.strip()[:200],
                instructions=instructions.strip(),
                due_on=due_on,
                answer="",
                created_at=now,
                updated_at=now,
            )
            session.add(task)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="task",
                entity_id=task.id,
                summary=task.title,
            )
            return task.id

    def complete(self, task_id: int, answer: str) -> None:
        """Close an open task with the assignee's answer (required: field "answer"),
        dated today. Audited. NotFoundError if unknown; a closed task is left as it is
        and ValidationError on field "status" is raised."""
        if not answer.strip():
            raise ValidationError([FieldError("answer", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            task = session.get(Task, task_id)
            if task is None:
                raise NotFoundError("task", task_id)
            if task.status != TaskStatus.OPEN.value:
                raise ValidationError([FieldError("status", ErrorCode.ALREADY_CLOSED)])
            task.status = TaskStatus.DONE.value
            task.answer = answer.strip()
            task.done_on = self._ctx.clock.today()
            task.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="task",
                entity_id=task_id,
                summary="tâche faite",
                changes={"status": (TaskStatus.OPEN.value, TaskStatus.DONE.value)},
            )

    def tasks(
        self,
        assignee_id: int | None = None,
        *,
        include_closed: bool = False,
        start: date | None = None,
        end: date | None = None,
    ) -> list[TaskRow]:
        """Tasks, open ones only unless `include_closed`, for one assignee (or everyone
        when None), optionally with a due date in [start, end]; by due date then id."""
        query = (
            select(Task, Customer.legal_name, User.name)
            .join(Customer, Customer.id == Task.customer_id)
            .outerjoin(User, User.id == Task.assignee_id)
            .order_by(Task.due_on, Task.id)
        )
        if assignee_id is not None:
            query = query.where(Task.assignee_id == assignee_id)
        if not include_closed:
            query = query.where(Task.status == TaskStatus.OPEN.value)
        if start is not None:
            query = query.where(Task.due_on >= start)
        if end is not None:
            query = query.where(Task.due_on <= end)
        with self._ctx.database.read() as session:
            return [
                TaskRow(
                    id=t.id,
                    kind=TaskKind(t.kind),
                    status=TaskStatus(t.status),
                    customer_id=t.customer_id,
                    customer_name=customer_name,
                    assignee_id=t.assignee_id,
                    assignee_name=user_name or "",
                    action_id=t.action_id,
                    title=t.title,
                    instructions=t.instructions,
                    due_on=t.due_on,
                    answer=t.answer,
                    done_on=t.done_on,
                )
                for t, customer_name, user_name in session.execute(query).all()
            ]
