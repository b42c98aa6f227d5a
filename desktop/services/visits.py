"""Seller visit reports: the salesperson informs, the credit side decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desktop.domain.enums import Assessment, AuditAction, ObservationTopic
from desktop.domain.errors import NotFoundError
from desktop.domain.visit import Observation, VisitReportDraft, validate_visit_report
from desktop.persistence import audit
from desktop.persistence.models import Customer, User, VisitObservation, VisitReport
from desktop.services.context import ServiceContext


@dataclass(frozen=True)
class VisitReportData:
    id: int
    draft: VisitReportDraft
    author_name: str
    created_at: datetime
    updated_at: datetime

    @property
    def worrying_topics(self) -> tuple[ObservationTopic, ...]:
        return tuple(
            o.topic for o in self.draft.observations if o.assessment is Assessment.WORRYING
        )


def _to_data(report: VisitReport, author_name: str) -> VisitReportData:
    draft = VisitReportDraft(
        customer_id=report.customer_id,
        visit_date=report.visit_date,
        author_id=report.author_id,
        attendees=report.attendees,
        observations=tuple(
            Observation(ObservationTopic(o.topic), Assessment(o.assessment), o.comment)
            for o in report.observations
        ),
        payment_terms_reminded=report.payment_terms_reminded,
        approval_circuit=report.approval_circuit,
        for_credit_management=report.for_credit_management,
        free_text=report.free_text,
        next_visit_on=report.next_visit_on,
    )
    return VisitReportData(report.id, draft, author_name, report.created_at, report.updated_at)


def _audit_fields(report: VisitReport) -> dict[str, object]:
    """What the audit trail compares before and after a report is edited; each
    observation as "assessment — comment"."""
    fields: dict[str, object] = {
        "visit_date": report.visit_date,
        "author_id": report.author_id,
        "attendees": report.attendees,
        "payment_terms_reminded": report.payment_terms_reminded,
        "approval_circuit": report.approval_circuit,
        "for_credit_management": report.for_credit_management,
        "free_text": report.free_text,
        "next_visit_on": report.next_visit_on,
    }
    for o in report.observations:
        fields[f"topic_{o.topic}"] = f"{o.assessment} — {o.comment}" if o.comment else o.assessment
    return fields


class VisitReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def create(self, draft: VisitReportDraft) -> int:
        """Validate and save a new report (one observation per topic); returns its id."""
        draft = validate_visit_report(draft, self._ctx.clock.today())
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            if session.get(Customer, draft.customer_id) is None:
                raise NotFoundError("customer", draft.customer_id)
            report = VisitReport(customer_id=draft.customer_id, created_at=now, updated_at=now)
            self._fill(report, draft)
            session.add(report)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="visit_report",
                entity_id=report.id,
                summary=f"customer {draft.customer_id} {draft.visit_date.isoformat()}",
            )
            return report.id

    def update(self, report_id: int, draft: VisitReportDraft) -> None:
        """Replace the content of a report; its customer cannot change."""
        draft = validate_visit_report(draft, self._ctx.clock.today())
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            report = session.get(VisitReport, report_id)
            if report is None:
                raise NotFoundError("visit_report", report_id)
            before = _audit_fields(report)
            self._fill(report, draft)
            report.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="visit_report",
                entity_id=report_id,
                summary=f"customer {report.customer_id} {draft.visit_date.isoformat()}",
                changes=audit.diff(before, _audit_fields(report)),
            )

    def delete(self, report_id: int) -> None:
        """Delete a report and its observations."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            report = session.get(VisitReport, report_id)
            if report is None:
                raise NotFoundError("visit_report", report_id)
            customer_id, visit_date = report.customer_id, report.visit_date
            session.delete(report)
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.DELETE,
                entity="visit_report",
                entity_id=report_id,
                summary=f"customer {customer_id} {visit_date.isoformat()}",
                # The row is gone after: the audit trail finds its customer here.
                changes={"customer_id": (customer_id, None)},
            )

    def get(self, report_id: int) -> VisitReportData:
        """One report with its observations in the brief's order."""
        with self._ctx.database.read() as session:
            report = session.get(VisitReport, report_id)
            if report is None:
                raise NotFoundError("visit_report", report_id)
            author = session.get(User, report.author_id) if report.author_id else None
            return _to_data(report, author.name if author else "")

    def for_customer(self, customer_id: int) -> list[VisitReportData]:
        """The customer's reports, newest visit first."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(VisitReport, User.name)
                .outerjoin(User, User.id == VisitReport.author_id)
                .where(VisitReport.customer_id == customer_id)
                .order_by(VisitReport.visit_date.desc(), VisitReport.id.desc())
            ).all()
            return [_to_data(report, name or "") for report, name in rows]

    def last_visit_on(self, customer_id: int) -> date | None:
        reports = self.for_customer(customer_id)
        return reports[0].draft.visit_date if reports else None

    @staticmethod
    def _fill(report: VisitReport, draft: VisitReportDraft) -> None:
        report.author_id = draft.author_id
        report.visit_date = draft.visit_date
        report.attendees = draft.attendees
        report.payment_terms_reminded = draft.payment_terms_reminded
        report.approval_circuit = draft.approval_circuit
        report.for_credit_management = draft.for_credit_management
        report.free_text = draft.free_text
        report.next_visit_on = draft.next_visit_on
        existing = {o.topic: o for o in report.observations}
        for obs in draft.observations:
            row = existing.get(obs.topic.value)
            if row is None:
                report.observations.append(
                    VisitObservation(
                        topic=obs.topic.value, assessment=obs.assessment.value, comment=obs.comment
                    )
                )
            else:
                row.assessment = obs.assessment.value
                row.comment = obs.comment
