"""The reminder calendar: what happens on which day, for the month and week views, the
day's list and the iCalendar export.

Events come from the other services, read only:
- reminder actions: open ones on their planned day, closed ones on the day they were
  done or skipped (`ReminderService.between`);
- the engine's forecast: for customers with nothing under way, the next action it will
  propose if nothing is paid meanwhile (`ReminderService.forecast`), from tomorrow on;
- pending promises to pay, on their date; open tasks, on their due date;
- insolvency claim deadlines (`claim_deadlines`), when a blocking service provides them.

The iCalendar export writes all-day events with stable UIDs (re-importing the file
updates the events instead of duplicating them) through the icalendar library, which
escapes commas, semicolons and line breaks of customer names and notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from desktop.documents.letter_layout import lines_of
from desktop.domain.enums import ActionStatus, Channel, TaskKind
from desktop.domain.money import format_cents
from desktop.services.context import ServiceContext
from desktop.services.promises import PromiseService
from desktop.services.reminders import ReminderService
from desktop.services.tasks import TaskService

__all__ = ["CalendarEvent", "CalendarFilter", "CalendarService", "EventKind"]


class EventKind(StrEnum):
    ACTION = "action"  # a reminder action still to do
    DONE = "done"  # a reminder action done or skipped
    FORECAST = "forecast"  # what the engine will propose if nothing is paid
    PROMISE = "promise"
    TASK = "task"
    CLAIM_DEADLINE = "claim_deadline"


@dataclass(frozen=True)
class CalendarFilter:
    assignee_id: int | None = None
    unassigned: bool = False
    segment_id: int | None = None


@dataclass(frozen=True)
class CalendarEvent:
    day: date
    kind: EventKind
    customer_id: int
    customer_name: str
    title: str  # level name, "Promesse de paiement", task title…
    channel: Channel | None = None
    amount_cents: int = 0
    assignee_id: int | None = None
    ref_id: int = 0  # the action, promise or task id (customer id for a deadline)
    status: str = ""

    @property
    def uid(self) -> str:
        """Stable across exports, so a calendar program updates rather than duplicates."""
        if self.kind is EventKind.FORECAST:
            return f"forecast-{self.customer_id}-{self.day.isoformat()}@encaisse"
        if self.kind is EventKind.DONE:
            return f"action-{self.ref_id}@encaisse"
        return f"{self.kind.value}-{self.ref_id}@encaisse"


#: (customer_id, customer_name, deadline) between two dates; provided by the blocking
#: service once it exists, so the calendar does not depend on it.
DeadlineSource = Callable[[date, date], list[tuple[int, str, date]]]


class CalendarService:
    def __init__(
        self,
        ctx: ServiceContext,
        reminders: ReminderService,
        promises: PromiseService,
        tasks: TaskService,
        deadlines: DeadlineSource | None = None,
    ) -> None:
        self._ctx = ctx
        self._reminders = reminders
        self._promises = promises
        self._tasks = tasks
        self._deadlines = deadlines

    def events(
        self,
        start: date,
        end: date,
        flt: CalendarFilter = CalendarFilter(),
        *,
        forecast: bool = True,
    ) -> list[CalendarEvent]:
        """Every event from `start` to `end` (inclusive) matching the filter, by day then
        kind (actions, forecast, promises, tasks, deadlines) then customer. Forecast
        events start the day after today: today's actions are real ones."""
        today = self._ctx.clock.today()
        events: list[CalendarEvent] = []
        for row in self._reminders.between(
            start,
            end,
            assignee_id=flt.assignee_id,
            segment_id=flt.segment_id,
            unassigned=flt.unassigned,
        ):
            closed = row.status in (ActionStatus.DONE, ActionStatus.SKIPPED)
            events.append(
                CalendarEvent(
                    day=(row.done_on or row.planned_on) if closed else row.planned_on,
                    kind=EventKind.DONE if closed else EventKind.ACTION,
                    customer_id=row.customer_id,
                    customer_name=row.customer_name,
                    title=row.level_name,
                    channel=row.channel,
                    amount_cents=row.total_cents,
                    assignee_id=row.assignee_id,
                    ref_id=row.id,
                    status=row.status.value,
                )
            )
        if forecast and end > today:
            # From today: the forecast is each customer's NEXT action, so a later month
            # shows those whose next action falls in it.
            for f in self._reminders.forecast(
                today,
                end,
                assignee_id=flt.assignee_id,
                segment_id=flt.segment_id,
                unassigned=flt.unassigned,
            ):
                events.append(
                    CalendarEvent(
                        day=f.day,
                        kind=EventKind.FORECAST,
                        customer_id=f.customer_id,
                        customer_name=f.customer_name,
                        title=f.level_name,
                        channel=f.channel,
                        amount_cents=f.total_cents,
                        assignee_id=f.assignee_id,
                    )
                )
        if flt.segment_id is None and not flt.unassigned and flt.assignee_id is None:
            for p in self._promises.between(start, end):
                events.append(
                    CalendarEvent(
                        day=p.promised_for,
                        kind=EventKind.PROMISE,
                        customer_id=p.customer_id,
                        customer_name=p.customer_name,
                        title="Promesse de paiement",
                        amount_cents=p.amount_cents,
                        ref_id=p.id,
                        status=p.status.value,
                    )
                )
            if self._deadlines is not None:
                for customer_id, name, deadline in self._deadlines(start, end):
                    events.append(
                        CalendarEvent(
                            day=deadline,
                            kind=EventKind.CLAIM_DEADLINE,
                            customer_id=customer_id,
                            customer_name=name,
                            title="Date limite de déclaration de créance",
                            ref_id=customer_id,
                        )
                    )
        if flt.segment_id is None and not flt.unassigned:
            for t in self._tasks.tasks(flt.assignee_id, start=start, end=end):
                events.append(
                    CalendarEvent(
                        day=t.due_on,
                        kind=EventKind.TASK,
                        customer_id=t.customer_id,
                        customer_name=t.customer_name,
                        title=t.title,
                        channel=Channel.SALESPERSON
                        if t.kind is TaskKind.REMINDER_HANDOFF
                        else None,
                        assignee_id=t.assignee_id,
                        ref_id=t.id,
                        status=t.status.value,
                    )
                )
        order = {kind: index for index, kind in enumerate(EventKind)}
        events = [e for e in events if start <= e.day <= end]
        events.sort(key=lambda e: (e.day, order[e.kind], e.customer_name.casefold(), e.ref_id))
        return events

    def counts(
        self, start: date, end: date, flt: CalendarFilter = CalendarFilter()
    ) -> dict[date, int]:
        """The number of reminder actions per day (to do, or forecast), for the month
        view; days without any are absent."""
        counter: Counter[date] = Counter(
            e.day
            for e in self.events(start, end, flt)
            if e.kind in (EventKind.ACTION, EventKind.FORECAST)
        )
        return dict(counter)

    def export_ics(
        self, path: Path, start: date, end: date, flt: CalendarFilter = CalendarFilter()
    ) -> int:
        """Write the events from `start` to `end` as an iCalendar file (all-day events,
        stable UIDs, French summaries) for Outlook or Google Calendar, and return how
        many were written. The file is written to a temporary name then moved, so a
        failure never leaves half a calendar behind."""
        from icalendar import Calendar, Event

        calendar = Calendar()
        calendar.add("prodid", "-//Encaisse//Calendrier des relances//FR")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "Encaisse : relances")
        stamp = self._ctx.clock.now()
        events = [e for e in self.events(start, end, flt) if e.kind is not EventKind.DONE]
        for e in events:
            event = Event()
            event.add("uid", e.uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", e.day)
            event.add("dtend", e.day + timedelta(days=1))
            event.add("summary", _ics_text(_summary(e)))
            event.add("description", _ics_text(_description(e)))
            event.add("categories", [e.kind.value])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(calendar.to_ical())
        temporary.replace(path)
        return len(events)


_CHANNEL_WORDS = {
    Channel.LETTER: "Courrier",
    Channel.EMAIL: "E-mail",
    Channel.PHONE: "Appel",
    Channel.SALESPERSON: "Commercial",
    Channel.FORMAL_NOTICE: "Mise en demeure",
}


def _summary(e: CalendarEvent) -> str:
    if e.kind in (EventKind.ACTION, EventKind.FORECAST):
        prefix = "À venir : " if e.kind is EventKind.FORECAST else ""
        word = _CHANNEL_WORDS.get(e.channel, "Relance") if e.channel else "Relance"
        return f"{prefix}{word} – {e.customer_name}"
    if e.kind is EventKind.PROMISE:
        return f"Promesse de paiement – {e.customer_name}"
    if e.kind is EventKind.CLAIM_DEADLINE:
        return f"Déclaration de créance – {e.customer_name}"
    return f"{e.title} – {e.customer_name}" if e.customer_name not in e.title else e.title


def _ics_text(text: str) -> str:
    """`text` fit for an iCalendar TEXT value: icalendar escapes line breaks, commas and
    semicolons but writes control characters as they are, which RFC 5545 forbids (a NUL
    pasted into a name can end the file early for a reader written in C). Every kind of
    line break becomes one "\\n", other control characters a space."""
    return "\n".join(lines_of(text))


def _description(e: CalendarEvent) -> str:
    lines = [e.title] if e.title else []
    if e.amount_cents:
        amount = format_cents(e.amount_cents).replace("\u202f", " ").replace("\u00a0", " ")
        lines.append(f"Montant : {amount}")
    if e.kind is EventKind.FORECAST:
        lines.append("Prévision : sera proposée ce jour-là si rien n'est payé d'ici là.")
    return "\n".join(lines)
