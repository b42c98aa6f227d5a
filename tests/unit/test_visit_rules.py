"""Seller visit reports: dates and observations as the salesperson records them."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Assessment, ObservationTopic
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.domain.visit import Observation, VisitReportDraft, validate_visit_report

TODAY = date(2026, 3, 16)


def _draft(**changes) -> VisitReportDraft:  # type: ignore[no-untyped-def]
    values = {
        "customer_id": 1,
        "visit_date": date(2026, 3, 12),
        "attendees": " Mme Lefèvre (gérante), M. Dubois ",
        "free_text": "  Rayons pleins, nouvelle vitrine réfrigérée.  ",
    }
    values.update(changes)
    return VisitReportDraft(**values)


def test_visit_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_visit_report(_draft(visit_date=date(2026, 3, 17)), TODAY)
    assert info.value.codes() == {"visit_date": ErrorCode.DATE_IN_FUTURE}


def test_visit_today_is_accepted() -> None:
    assert validate_visit_report(_draft(visit_date=TODAY), TODAY).visit_date == TODAY


def test_next_visit_before_the_visit_is_refused() -> None:
    draft = _draft(visit_date=date(2026, 3, 12), next_visit_on=date(2026, 3, 11))
    with pytest.raises(ValidationError) as info:
        validate_visit_report(draft, TODAY)
    assert info.value.codes() == {"next_visit_on": ErrorCode.INVALID_DATE}


def test_next_visit_on_the_same_day_or_later_is_accepted() -> None:
    for later in (date(2026, 3, 12), date(2026, 6, 1)):
        assert validate_visit_report(_draft(next_visit_on=later), TODAY).next_visit_on == later


def test_the_same_topic_twice_is_refused() -> None:
    draft = _draft(
        observations=(
            Observation(ObservationTopic.PREMISES, Assessment.REASSURING),
            Observation(ObservationTopic.PREMISES, Assessment.WORRYING),
        )
    )
    with pytest.raises(ValidationError) as info:
        validate_visit_report(draft, TODAY)
    assert info.value.codes() == {"observations": ErrorCode.DUPLICATE_OBSERVATION}


def test_every_problem_at_once() -> None:
    draft = _draft(
        visit_date=date(2026, 4, 1),
        next_visit_on=date(2026, 3, 1),
        observations=(Observation(ObservationTopic.PREMISES),) * 2,
    )
    with pytest.raises(ValidationError) as info:
        validate_visit_report(draft, TODAY)
    assert set(info.value.codes()) == {"visit_date", "next_visit_on", "observations"}


def test_observations_are_completed_to_every_topic_in_enum_order() -> None:
    draft = _draft(
        observations=(
            Observation(
                ObservationTopic.PAYMENT_DIFFICULTIES,
                Assessment.WORRYING,
                "  Le gérant parle d'un « trou de trésorerie » jusqu'en mai.  ",
            ),
            Observation(ObservationTopic.SITE_ACTIVITY, Assessment.REASSURING, "Parking plein"),
        )
    )
    clean = validate_visit_report(draft, TODAY)
    assert [o.topic for o in clean.observations] == list(ObservationTopic)
    by_topic = {o.topic: o for o in clean.observations}
    assert by_topic[ObservationTopic.PAYMENT_DIFFICULTIES].assessment is Assessment.WORRYING
    assert by_topic[ObservationTopic.PAYMENT_DIFFICULTIES].comment == (
        "Le gérant parle d'un « trou de trésorerie » jusqu'en mai."
    )
    assert by_topic[ObservationTopic.SITE_ACTIVITY].assessment is Assessment.REASSURING
    untouched = [
        o
        for o in clean.observations
        if o.topic not in {ObservationTopic.PAYMENT_DIFFICULTIES, ObservationTopic.SITE_ACTIVITY}
    ]
    assert len(untouched) == len(ObservationTopic) - 2
    assert all(o.assessment is Assessment.NOT_OBSERVED and o.comment == "" for o in untouched)


def test_free_text_fields_are_trimmed() -> None:
    clean = validate_visit_report(_draft(), TODAY)
    assert clean.attendees == "Mme Lefèvre (gérante), M. Dubois"
    assert clean.free_text == "Rayons pleins, nouvelle vitrine réfrigérée."
