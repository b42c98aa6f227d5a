"""Seller visit reports saved, listed and shown in the customer's timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.clock import FixedClock
from desktop.domain.customer import RatingDraft
from desktop.domain.enums import Assessment, ObservationTopic, Profile, RatingSource
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.domain.visit import Observation, VisitReportDraft
from desktop.services.registry import Services
from desktop.services.timeline import TimelineKind
from tests.db.factories import at, count_rows, customer


@pytest.fixture
def customer_id(services: Services) -> int:
    return services.customers.create(customer())


def _report(customer_id: int, visit_date: date, **changes) -> VisitReportDraft:  # type: ignore[no-untyped-def]
    draft = VisitReportDraft(
        customer_id=customer_id,
        visit_date=visit_date,
        attendees="Mme Lefèvre (gérante)",
        observations=(
            Observation(
                ObservationTopic.PAYMENT_DIFFICULTIES,
                Assessment.WORRYING,
                "Parle d'un « trou de trésorerie » jusqu'en mai",
            ),
            Observation(ObservationTopic.NEW_EQUIPMENT, Assessment.REASSURING, "Four neuf"),
        ),
        payment_terms_reminded=True,
        for_credit_management="Surveiller l'échéance du 31/03 & appeler la gérante.",
        next_visit_on=date(2026, 4, 15),
    )
    return replace(draft, **changes)


def test_created_report_is_listed_newest_first(
    services: Services, clock: FixedClock, customer_id: int
) -> None:
    seller = services.reference.add_user("Élodie Dupré", Profile.SALESPERSON)
    clock.moment = at(3)
    older = services.visits.create(_report(customer_id, date(2026, 3, 2), author_id=seller))
    clock.moment = at(12)
    newer = services.visits.create(_report(customer_id, date(2026, 3, 12)))
    clock.moment = at(13)
    # Entered later, about an earlier visit: sorted by the visit date, not by entry.
    oldest = services.visits.create(_report(customer_id, date(2026, 2, 20)))

    reports = services.visits.for_customer(customer_id)
    assert [r.id for r in reports] == [newer, older, oldest]
    assert reports[1].author_name == "Élodie Dupré"
    assert reports[0].author_name == ""
    assert services.visits.last_visit_on(customer_id) == date(2026, 3, 12)

    report = services.visits.get(older)
    assert report.draft.visit_date == date(2026, 3, 2)
    assert report.draft.attendees == "Mme Lefèvre (gérante)"
    assert report.draft.for_credit_management == (
        "Surveiller l'échéance du 31/03 & appeler la gérante."
    )
    assert report.draft.payment_terms_reminded is True
    assert [o.topic for o in report.draft.observations] == list(ObservationTopic)
    assert report.worrying_topics == (ObservationTopic.PAYMENT_DIFFICULTIES,)
    assert report.created_at == at(3)


def test_reports_of_another_customer_are_not_listed(services: Services, customer_id: int) -> None:
    other = services.customers.create(customer("Menuiserie Lefèvre"))
    services.visits.create(_report(other, date(2026, 3, 2)))
    assert services.visits.for_customer(customer_id) == []
    assert services.visits.last_visit_on(customer_id) is None


def test_report_appears_in_the_timeline(services: Services, clock: FixedClock) -> None:
    clock.moment = at(2)
    customer_id = services.customers.create(customer())
    clock.moment = at(14)
    services.customers.add_rating(
        customer_id, RatingDraft(RatingSource.COFACE, "4", date(2026, 3, 14))
    )
    clock.moment = at(15)
    report_id = services.visits.create(_report(customer_id, date(2026, 3, 15)))

    timeline = services.timeline.for_customer(customer_id)
    assert [e.kind for e in timeline] == [
        TimelineKind.VISIT_REPORT,
        TimelineKind.RATING,
        TimelineKind.CREATED,
    ]
    visit = timeline[0]
    assert visit.ref_id == report_id
    assert visit.on == date(2026, 3, 15)
    assert visit.facts["worrying"] == "1"
    assert visit.facts["reassuring"] == "1"
    assert visit.facts["summary"] == "Surveiller l'échéance du 31/03 & appeler la gérante."
    assert timeline[-1].on == date(2026, 3, 2)
    assert timeline[-1].actor == "Camille Test"


def test_update_keeps_one_observation_per_topic(
    services: Services, customer_id: int, db_path
) -> None:  # type: ignore[no-untyped-def]
    report_id = services.visits.create(_report(customer_id, date(2026, 3, 12)))
    services.visits.update(
        report_id,
        _report(
            customer_id,
            date(2026, 3, 12),
            observations=(
                Observation(ObservationTopic.PAYMENT_DIFFICULTIES, Assessment.REASSURING, "Réglé"),
                Observation(ObservationTopic.PREMISES, Assessment.WORRYING, "Vitrine cassée"),
            ),
        ),
    )
    observations = services.visits.get(report_id).draft.observations
    assert [o.topic for o in observations] == list(ObservationTopic)
    assert count_rows(db_path, "visit_observations") == len(ObservationTopic)
    by_topic = {o.topic: o for o in observations}
    assert by_topic[ObservationTopic.PAYMENT_DIFFICULTIES].assessment is Assessment.REASSURING
    assert by_topic[ObservationTopic.PAYMENT_DIFFICULTIES].comment == "Réglé"
    assert by_topic[ObservationTopic.PREMISES].comment == "Vitrine cassée"
    # Not mentioned this time: back to "not observed".
    assert by_topic[ObservationTopic.NEW_EQUIPMENT].assessment is Assessment.NOT_OBSERVED


def test_future_visit_is_refused_and_nothing_is_written(
    services: Services, customer_id: int, db_path
) -> None:  # type: ignore[no-untyped-def]
    audit_rows = count_rows(db_path, "audit_log")
    with pytest.raises(ValidationError) as info:
        services.visits.create(_report(customer_id, date(2026, 3, 17)))
    assert info.value.codes() == {"visit_date": ErrorCode.DATE_IN_FUTURE}
    assert services.visits.for_customer(customer_id) == []
    assert count_rows(db_path, "visit_reports") == 0
    assert count_rows(db_path, "visit_observations") == 0
    assert count_rows(db_path, "audit_log") == audit_rows


def test_update_to_a_future_date_is_refused_and_keeps_the_report(
    services: Services, customer_id: int
) -> None:
    report_id = services.visits.create(_report(customer_id, date(2026, 3, 12)))
    with pytest.raises(ValidationError):
        services.visits.update(report_id, _report(customer_id, date(2026, 4, 1), free_text="x"))
    assert services.visits.get(report_id).draft.visit_date == date(2026, 3, 12)


def test_report_for_a_missing_customer(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.visits.create(_report(404, date(2026, 3, 12)))


def test_delete_report(services: Services, customer_id: int, db_path) -> None:  # type: ignore[no-untyped-def]
    report_id = services.visits.create(_report(customer_id, date(2026, 3, 12)))
    services.visits.delete(report_id)
    with pytest.raises(NotFoundError):
        services.visits.get(report_id)
    assert count_rows(db_path, "visit_observations") == 0
