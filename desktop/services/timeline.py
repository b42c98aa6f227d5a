"""A customer's timeline: every interaction, newest first, from every source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select

from desktop.domain.enums import Assessment, AuditAction
from desktop.persistence.models import AuditEntry, ExternalRating, User, VisitReport
from desktop.services.context import ServiceContext


class TimelineKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    VISIT_REPORT = "visit_report"
    RATING = "rating"


@dataclass(frozen=True)
class TimelineEntry:
    kind: TimelineKind
    on: date
    at: datetime | None
    actor: str
    ref_id: int | None  # the visit report, rating… it points to
    # Plain facts; the UI composes the sentence in the user's language.
    facts: dict[str, str]


class TimelineService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def for_customer(self, customer_id: int, limit: int = 500) -> list[TimelineEntry]:
        """Creation, edits, visit reports and ratings of one customer, newest first."""
        entries: list[TimelineEntry] = []
        with self._ctx.database.read() as session:
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "customer", AuditEntry.entity_id == customer_id)
                .order_by(AuditEntry.at.desc())
                .limit(limit)
            ):
                kind = (
                    TimelineKind.CREATED
                    if entry.action == AuditAction.CREATE
                    else TimelineKind.UPDATED
                )
                if entry.action == AuditAction.DELETE:
                    continue
                entries.append(
                    TimelineEntry(
                        kind,
                        entry.at.date(),
                        entry.at,
                        entry.actor,
                        None,
                        {"changes": entry.changes_json},
                    )
                )
            for report, author in session.execute(
                select(VisitReport, User.name)
                .outerjoin(User, User.id == VisitReport.author_id)
                .where(VisitReport.customer_id == customer_id)
                .limit(limit)
            ):
                worrying = sum(
                    1 for o in report.observations if o.assessment == Assessment.WORRYING
                )
                reassuring = sum(
                    1 for o in report.observations if o.assessment == Assessment.REASSURING
                )
                summary = report.for_credit_management or report.free_text
                entries.append(
                    TimelineEntry(
                        TimelineKind.VISIT_REPORT,
                        report.visit_date,
                        report.created_at,
                        author or "",
                        report.id,
                        {
                            "worrying": str(worrying),
                            "reassuring": str(reassuring),
                            "summary": summary[:240],
                        },
                    )
                )
            for rating in session.scalars(
                select(ExternalRating).where(ExternalRating.customer_id == customer_id)
            ):
                entries.append(
                    TimelineEntry(
                        TimelineKind.RATING,
                        rating.rated_on,
                        rating.created_at,
                        "",
                        rating.id,
                        {"source": rating.source, "value": rating.value, "comment": rating.comment},
                    )
                )
        entries.sort(key=lambda e: (e.on, e.at or datetime.min), reverse=True)
        return entries[:limit]
