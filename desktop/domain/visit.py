"""Seller visit reports: what a salesperson saw on site, rated, plus free text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from desktop.domain.enums import Assessment, ObservationTopic
from desktop.domain.errors import ErrorCode, FieldError, ValidationError


@dataclass(frozen=True)
class Observation:
    topic: ObservationTopic
    assessment: Assessment = Assessment.NOT_OBSERVED
    comment: str = ""


@dataclass(frozen=True)
class VisitReportDraft:
    customer_id: int
    visit_date: date
    author_id: int | None = None
    attendees: str = ""  # who met whom
    observations: tuple[Observation, ...] = field(default_factory=tuple)
    payment_terms_reminded: bool | None = None
    approval_circuit: str = ""
    for_credit_management: str = ""
    free_text: str = ""
    next_visit_on: date | None = None


def validate_visit_report(draft: VisitReportDraft, as_of: date) -> VisitReportDraft:
    """A visit cannot be reported before it happens, and its next visit comes after it."""
    errors: list[FieldError] = []
    if draft.visit_date > as_of:
        errors.append(FieldError("visit_date", ErrorCode.DATE_IN_FUTURE))
    if draft.next_visit_on is not None and draft.next_visit_on < draft.visit_date:
        errors.append(FieldError("next_visit_on", ErrorCode.INVALID_DATE))
    topics = [o.topic for o in draft.observations]
    if len(topics) != len(set(topics)):
        errors.append(FieldError("observations", ErrorCode.DUPLICATE_OBSERVATION))
    if errors:
        raise ValidationError(errors)
    # Keep one observation per topic, in the brief's order, so reports read alike.
    by_topic = {o.topic: replace(o, comment=o.comment.strip()) for o in draft.observations}
    ordered = tuple(by_topic.get(topic, Observation(topic)) for topic in ObservationTopic)
    return replace(
        draft,
        observations=ordered,
        attendees=draft.attendees.strip(),
        approval_circuit=draft.approval_circuit.strip(),
        for_credit_management=draft.for_credit_management.strip(),
        free_text=draft.free_text.strip(),
    )
