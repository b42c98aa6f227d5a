"""The reminder calendar over March 2026 (today is 16/03 in the test clock): actions to do
on their planned day, closed ones on the day they were closed, the engine's forecast after
today, pending promises and open tasks; the per-day counts, the filters and the
iCalendar export read back with the icalendar library.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop.domain.enums import CallOutcome, Channel, DocumentKind, Profile, TaskKind
from desktop.persistence.models import Customer, Document
from desktop.services.calendar import CalendarEvent, CalendarFilter, EventKind
from desktop.services.promises import PromiseDraft
from desktop.services.registry import Services
from tests.db.factories import customer

TODAY = date(2026, 3, 16)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def d(text: str) -> date:
    return date.fromisoformat(text)


def add_doc(services: Services, customer_id: int, number: str, due: str, amount: int) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=DocumentKind.INVOICE.value,
            number=number,
            issued_on=d("2026-01-20"),
            due_on=d(due),
            total_cents=amount,
            open_cents=amount,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


class March:
    """Who is who in the March ledger built by the `march` fixture."""

    def __init__(self, services: Services) -> None:
        self.julie = services.reference.add_user("Julie Fontaine-Aubert", Profile.SALESPERSON)
        self.karim = services.reference.add_user("Karim Benali", Profile.ASSISTANT)
        self.artisans = services.reference.add_segment("Artisans & commerçants")
        create = services.customers.create
        reminders = services.reminders
        # Due 14/02: "Deuxième relance" planned 10/03, done 12/03; "Dernière relance"
        # (salesperson) comes at max(14/02 + 30, 12/03 + 7) = 19/03.
        self.perier = create(customer("Boulangerie Périer & Fils", salesperson_id=self.julie))
        add_doc(services, self.perier, "FA-2026-0077", "2026-02-14", 98_000)
        (self.perier_done,) = reminders.refresh(d("2026-03-10")).created_ids
        reminders.mark_done(self.perier_done, d("2026-03-12"))
        # Due 02/03: "Relance amiable" on 11/03, a call today with a promise for 24/03
        # (3 days of grace): the engine proposes again on 28/03, at the level reached
        # then (26 days late: "Deuxième relance").
        self.olivier = create(customer("Épicerie fine L'Olivier d'Or", segment_id=self.artisans))
        add_doc(services, self.olivier, "FA-2026-0140", "2026-03-02", 64_000)
        (self.olivier_call,) = reminders.refresh(d("2026-03-11")).created_ids
        reminders.record_call(
            self.olivier_call,
            CallOutcome.PROMISE,
            "Le gérant promet un virement",
            PromiseDraft(d("2026-03-24"), 64_000, 3),
        )
        (self.promise,) = [p.id for p in services.promises.pending()]
        # Due 01/03: "Deuxième relance" (letter) planned today, still to do.
        self.martin = create(customer("Garage Martin & Fils"))
        add_doc(services, self.martin, "FA-2026-0101", "2026-03-01", 150_000)
        # Due 25/03: the courtesy e-mail enters its window on 18/03.
        self.zoe = create(customer("Pâtisserie Zoé", segment_id=self.artisans))
        add_doc(services, self.zoe, "FA-2026-0190", "2026-03-25", 21_500)
        (self.martin_action,) = reminders.refresh(TODAY).created_ids
        reminders.assign(self.martin_action, self.karim)
        self.task = services.tasks.create(
            TaskKind.PROMISE_CHECK,
            self.olivier,
            "Vérifier le virement de L'Olivier d'Or",
            "Relevé bancaire du 24/03",
            d("2026-03-25"),
            self.julie,
        )


@pytest.fixture
def march(services: Services) -> March:
    return March(services)


def summary(events: list[CalendarEvent]) -> list[tuple[date, EventKind, str, str]]:
    return [(e.day, e.kind, e.customer_name, e.title) for e in events]


def test_month_events_cover_actions_done_forecast_promises_and_tasks(
    services: Services, march: March
) -> None:
    events = services.calendar.events(*MARCH)
    assert summary(events) == [
        (d("2026-03-12"), EventKind.DONE, "Boulangerie Périer & Fils", "Deuxième relance"),
        (d("2026-03-16"), EventKind.ACTION, "Garage Martin & Fils", "Deuxième relance"),
        (d("2026-03-16"), EventKind.DONE, "Épicerie fine L'Olivier d'Or", "Relance amiable"),
        (d("2026-03-18"), EventKind.FORECAST, "Pâtisserie Zoé", "Rappel de courtoisie"),
        (d("2026-03-19"), EventKind.FORECAST, "Boulangerie Périer & Fils", "Dernière relance"),
        (
            d("2026-03-24"),
            EventKind.PROMISE,
            "Épicerie fine L'Olivier d'Or",
            "Promesse de paiement",
        ),
        (
            d("2026-03-25"),
            EventKind.TASK,
            "Épicerie fine L'Olivier d'Or",
            "Vérifier le virement de L'Olivier d'Or",
        ),
        (d("2026-03-28"), EventKind.FORECAST, "Épicerie fine L'Olivier d'Or", "Deuxième relance"),
    ]
    by_kind = {(e.kind, e.customer_id): e for e in events}
    done = by_kind[(EventKind.DONE, march.perier)]
    assert (done.ref_id, done.status, done.channel) == (march.perier_done, "done", Channel.LETTER)
    action = by_kind[(EventKind.ACTION, march.martin)]
    assert (action.ref_id, action.status, action.amount_cents) == (
        march.martin_action,
        "pending",
        150_000,
    )
    assert action.assignee_id == march.karim
    forecast = by_kind[(EventKind.FORECAST, march.perier)]
    assert (forecast.channel, forecast.assignee_id, forecast.amount_cents) == (
        Channel.SALESPERSON,
        march.julie,
        98_000,
    )
    promise = by_kind[(EventKind.PROMISE, march.olivier)]
    assert (promise.ref_id, promise.amount_cents, promise.status) == (
        march.promise,
        64_000,
        "pending",
    )
    task = by_kind[(EventKind.TASK, march.olivier)]
    assert (task.ref_id, task.assignee_id, task.status) == (march.task, march.julie, "open")


def test_forecast_starts_after_today_and_can_be_left_out(services: Services, march: March) -> None:
    forecasts = [e for e in services.calendar.events(*MARCH) if e.kind is EventKind.FORECAST]
    assert all(e.day > TODAY for e in forecasts)
    without = services.calendar.events(*MARCH, forecast=False)
    assert EventKind.FORECAST not in {e.kind for e in without}
    assert len(without) == 5
    # A past month has no forecast at all.
    february = services.calendar.events(d("2026-02-01"), d("2026-02-28"))
    assert february == []


def test_a_week_shows_only_its_own_days(services: Services, march: March) -> None:
    week = services.calendar.events(d("2026-03-16"), d("2026-03-22"))
    assert [(e.day, e.kind) for e in week] == [
        (d("2026-03-16"), EventKind.ACTION),
        (d("2026-03-16"), EventKind.DONE),
        (d("2026-03-18"), EventKind.FORECAST),
        (d("2026-03-19"), EventKind.FORECAST),
    ]
    later = services.calendar.events(d("2026-03-23"), d("2026-03-29"))
    assert [(e.day, e.kind) for e in later] == [
        (d("2026-03-24"), EventKind.PROMISE),
        (d("2026-03-25"), EventKind.TASK),
        (d("2026-03-28"), EventKind.FORECAST),
    ]


def test_counts_are_actions_to_do_and_forecast_per_day(services: Services, march: March) -> None:
    assert services.calendar.counts(*MARCH) == {
        d("2026-03-16"): 1,
        d("2026-03-18"): 1,
        d("2026-03-19"): 1,
        d("2026-03-28"): 1,
    }
    # Two customers due the same day are counted twice on that day.
    other = services.customers.create(customer("Fromagerie Morel"))
    add_doc(services, other, "FA-2026-0200", "2026-03-25", 12_000)
    counts = services.calendar.counts(*MARCH)
    assert counts[d("2026-03-18")] == 2
    assert services.calendar.counts(*MARCH, CalendarFilter(segment_id=march.artisans)) == {
        d("2026-03-18"): 1,
        d("2026-03-28"): 1,
    }


def test_filters_by_assignee_unassigned_and_segment(services: Services, march: March) -> None:
    calendar = services.calendar
    julie = calendar.events(*MARCH, CalendarFilter(assignee_id=march.julie))
    assert [(e.day, e.kind, e.customer_id) for e in julie] == [
        (d("2026-03-19"), EventKind.FORECAST, march.perier),
        (d("2026-03-25"), EventKind.TASK, march.olivier),
    ]
    karim = calendar.events(*MARCH, CalendarFilter(assignee_id=march.karim))
    assert [(e.kind, e.ref_id) for e in karim] == [(EventKind.ACTION, march.martin_action)]
    nobody = calendar.events(*MARCH, CalendarFilter(unassigned=True))
    assert [(e.day, e.kind, e.customer_id) for e in nobody] == [
        (d("2026-03-12"), EventKind.DONE, march.perier),
        (d("2026-03-16"), EventKind.DONE, march.olivier),
        (d("2026-03-18"), EventKind.FORECAST, march.zoe),
        (d("2026-03-28"), EventKind.FORECAST, march.olivier),
    ]
    segment = calendar.events(*MARCH, CalendarFilter(segment_id=march.artisans))
    assert {e.customer_id for e in segment} == {march.olivier, march.zoe}
    assert [(e.day, e.kind) for e in segment] == [
        (d("2026-03-16"), EventKind.DONE),
        (d("2026-03-18"), EventKind.FORECAST),
        (d("2026-03-28"), EventKind.FORECAST),
    ]


# --- iCalendar export ------------------------------------------------------------------------


def read_back(path: Path) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [
        {
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
        }
        for event in calendar.walk("VEVENT")
    ]


def test_export_ics_reads_back_with_stable_uids(
    services: Services, march: March, tmp_path: Path
) -> None:
    first, second = tmp_path / "relances.ics", tmp_path / "relances-bis.ics"
    written = services.calendar.export_ics(first, *MARCH)
    events = read_back(first)
    assert written == len(events) == 6  # every event of the month but the two closed ones
    assert services.calendar.export_ics(second, *MARCH) == written
    again = read_back(second)
    assert [e["uid"] for e in events] == [e["uid"] for e in again]
    assert len({e["uid"] for e in events}) == written
    assert {e["uid"] for e in events} >= {
        f"action-{march.martin_action}@encaisse",
        f"promise-{march.promise}@encaisse",
        f"task-{march.task}@encaisse",
        f"forecast-{march.perier}-2026-03-19@encaisse",
    }
    assert not list(tmp_path.glob("*.part"))

    by_uid = {e["uid"]: e for e in events}
    action = by_uid[f"action-{march.martin_action}@encaisse"]
    assert action["summary"] == "Courrier – Garage Martin & Fils"
    assert (action["start"], action["end"]) == (TODAY, TODAY + timedelta(days=1))
    assert "Montant : 1 500,00 €" in str(action["description"])
    forecast = by_uid[f"forecast-{march.perier}-2026-03-19@encaisse"]
    assert forecast["summary"] == "À venir : Commercial – Boulangerie Périer & Fils"
    assert forecast["start"] == d("2026-03-19")
    promise = by_uid[f"promise-{march.promise}@encaisse"]
    assert promise["summary"] == "Promesse de paiement – Épicerie fine L'Olivier d'Or"


def test_export_ics_keeps_commas_semicolons_line_breaks_and_ampersands(
    services: Services, march: March, tmp_path: Path
) -> None:
    awkward = "Dupont, Durand & Fils; SARL\nDépôt « Lyon-Est »"
    with services.database.transaction() as session:
        row = session.get(Customer, march.martin)
        assert row is not None
        row.legal_name = awkward
    path = tmp_path / "relances.ics"
    assert services.calendar.export_ics(path, TODAY, TODAY) == 1
    raw = path.read_bytes()
    assert b"Dupont\\, Durand & Fils\\; SARL\\nD" in raw.replace(b"\r\n ", b"")
    (event,) = read_back(path)
    assert event["summary"] == f"Courrier – {awkward}"
    assert event["uid"] == f"action-{march.martin_action}@encaisse"
