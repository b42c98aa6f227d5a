"""Proposals (devis) with payment schedules, their templates and their PDF.

One method = one user action = one transaction, audited; a refused action changes
nothing. A proposal belongs to a customer or a prospect; its number (DEV-2026-0001)
is given at creation, in the year of its date. It moves draft → sent → accepted /
refused; a sent proposal whose validity date has passed reads as expired (computed,
never stored). Only a draft can be changed.

Once accepted, marking a milestone reached turns its instalment into an expected
receivable (a `documents` row of kind EXPECTED_INSTALMENT, issued on the day the event
happened and due under the line's payment term): the reminder calendar and the aged
balance then see it, as not yet due until that date.

A blocked customer only gets a schedule with a deposit (no credit before delivery).
What deserves a look before printing — a term beyond the legal maximum, the credit
limit exceeded, a customer under watch or on the doubtful list — comes back as
warnings (`warnings`, `preview`), never as a refusal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.documents.proposal import (
    ProposalPdfData,
    ProposalPdfInstalment,
    ProposalPdfLine,
    ProposalPdfVat,
    render_proposal,
    terms_phrase,
)
from desktop.domain.enums import (
    AuditAction,
    Country,
    CustomerStatus,
    DocumentKind,
    PaymentTermsBasis,
    ProposalStatus,
    ScheduleKind,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents
from desktop.domain.schedule import (
    TEMPLATE_NAME_MAX,
    LineDraft,
    ProposalTotals,
    ScheduleItem,
    ScheduleLineDraft,
    ScheduleTemplate,
    ScheduleWarning,
    WarningCode,
    blocked_schedule_errors,
    can_move,
    compute_schedule,
    credit_limit_warning,
    effective_status,
    format_percent,
    line_errors,
    line_total_cents,
    lines_from_template,
    proposal_totals,
    schedule_errors,
    template_errors,
    term_warnings,
)
from desktop.domain.terms import due_date
from desktop.persistence import audit
from desktop.persistence.models import (
    CompanySettings,
    Customer,
    Document,
    DoubtfulCompany,
    Proposal,
    ProposalLine,
    ScheduleLine,
    User,
)
from desktop.persistence.models import ScheduleTemplate as TemplateRow
from desktop.services.blocking import BlockingService
from desktop.services.context import ServiceContext
from desktop.services.statements import late_payment_mentions, letterhead_of, recipient_of

__all__ = [
    "NO_DISCOUNT",
    "NUMBER_PREFIX",
    "VALIDITY_DAYS",
    "CustomerCheck",
    "DoubtfulMatch",
    "ProposalDetail",
    "ProposalDraft",
    "ProposalError",
    "ProposalFilter",
    "ProposalLineData",
    "ProposalPreview",
    "ProposalRow",
    "ProposalService",
    "ScheduleLineData",
    "TemplateData",
]

NUMBER_PREFIX = "DEV"
VALIDITY_DAYS = 30  # a proposal is valid a month unless said otherwise
NOTES_MAX = 4000
NO_DISCOUNT = "Pas d'escompte pour paiement anticipé."
ENTITY = "proposal"
TEMPLATE_ENTITY = "schedule_template"


class ProposalError(Exception):
    """An action refused by the state of the proposal (not by a typed field):
    "not_draft" (only a draft can be changed or deleted), "invalid_transition",
    "validity_passed" (sending or accepting after the validity date), "not_accepted"
    (a milestone is reached on an accepted proposal only), "already_reached",
    "default_template" (the default template cannot be deleted)."""

    def __init__(self, code: str, proposal_id: int | None = None) -> None:
        super().__init__(code if proposal_id is None else f"proposal {proposal_id}: {code}")
        self.code = code
        self.proposal_id = proposal_id


# --- Plain data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalDraft:
    """A proposal as the editor holds it. `schedule` is what the user sees (from a
    template, maybe changed); `template_name` says which template it came from ("" for
    a schedule typed by hand)."""

    customer_id: int
    issued_on: date
    lines: tuple[LineDraft, ...]
    schedule: tuple[ScheduleLineDraft, ...]
    valid_until: date | None = None
    template_name: str = ""
    notes: str = ""

    @property
    def totals(self) -> ProposalTotals:
        return proposal_totals(self.lines)


@dataclass(frozen=True)
class ProposalFilter:
    status: ProposalStatus | None = None  # the status as shown (expired computed)
    customer_id: int | None = None


@dataclass(frozen=True)
class ProposalRow:
    """One line of the Propositions list."""

    id: int
    number: str
    customer_id: int
    customer_name: str
    customer_status: CustomerStatus
    status: ProposalStatus  # as shown today: a sent proposal past its validity is EXPIRED
    issued_on: date
    valid_until: date | None
    total_excl_vat_cents: int
    total_cents: int
    template_name: str
    author: str
    milestones: int
    reached: int  # milestones already turned into expected receivables


@dataclass(frozen=True)
class ProposalLineData:
    description: str
    quantity_milli: int
    unit_price_cents: int
    vat_rate_bp: int
    total_cents: int  # excl. VAT

    def draft(self) -> LineDraft:
        return LineDraft(
            self.description, self.quantity_milli, self.unit_price_cents, self.vat_rate_bp
        )


@dataclass(frozen=True)
class ScheduleLineData:
    item: ScheduleItem
    reached_on: date | None = None
    document_id: int | None = None
    document_number: str = ""

    def draft(self) -> ScheduleLineDraft:
        i = self.item
        return ScheduleLineDraft(
            i.event, i.planned_on, i.percent_bp, i.is_deposit, i.due_days, i.due_basis
        )


@dataclass(frozen=True)
class ProposalDetail:
    row: ProposalRow
    stored_status: ProposalStatus
    lines: tuple[ProposalLineData, ...]
    totals: ProposalTotals
    schedule: tuple[ScheduleLineData, ...]
    notes: str

    def draft(self) -> ProposalDraft:
        """The proposal as an editable draft (for `update`)."""
        return ProposalDraft(
            customer_id=self.row.customer_id,
            issued_on=self.row.issued_on,
            lines=tuple(line.draft() for line in self.lines),
            schedule=tuple(line.draft() for line in self.schedule),
            valid_until=self.row.valid_until,
            template_name=self.row.template_name,
            notes=self.notes,
        )


@dataclass(frozen=True)
class DoubtfulMatch:
    name: str
    reason: str
    source: str  # a DoubtfulSource value
    reported_on: date


@dataclass(frozen=True)
class CustomerCheck:
    """What the editor shows as soon as a company is chosen."""

    customer_id: int
    name: str
    status: CustomerStatus
    blocked: bool
    doubtful: tuple[DoubtfulMatch, ...]
    credit_limit_cents: int | None
    outstanding_cents: int  # what it owes now, credits deducted
    country: Country
    consumer: bool
    payment_terms_days: int
    payment_terms_basis: PaymentTermsBasis


@dataclass(frozen=True)
class ProposalPreview:
    """The editor's live view of a draft: totals, the schedule in cents when it can be
    built, every problem that would refuse it, the warnings to show before printing."""

    totals: ProposalTotals
    schedule: tuple[ScheduleItem, ...]
    errors: tuple[FieldError, ...]
    warnings: tuple[ScheduleWarning, ...]


@dataclass(frozen=True)
class TemplateData:
    id: int
    template: ScheduleTemplate
    is_default: bool

    @property
    def name(self) -> str:
        return self.template.name


# --- The service -------------------------------------------------------------------------------


class ProposalService:
    def __init__(
        self,
        ctx: ServiceContext,
        blocking: BlockingService,
        name_check: Callable[[str], tuple[DoubtfulMatch, ...]] | None = None,
    ) -> None:
        self._ctx = ctx
        self._blocking = blocking
        # The doubtful-list entries matching a company name (typos, legal forms
        # ignored): the prospect check of the registry; None in isolation.
        self._name_check = name_check

    # --- templates -------------------------------------------------------------------------

    def templates(self) -> list[TemplateData]:
        """Every schedule template, in the order of Paramètres (shipped ones first)."""
        with self._ctx.database.read() as session:
            rows = session.scalars(
                select(TemplateRow).order_by(TemplateRow.position, TemplateRow.id)
            ).all()
            return [_template_data(r) for r in rows]

    def template(self, template_id: int) -> TemplateData:
        """One template; NotFoundError if it is gone."""
        with self._ctx.database.read() as session:
            row = session.get(TemplateRow, template_id)
            if row is None:
                raise NotFoundError(TEMPLATE_ENTITY, template_id)
            return _template_data(row)

    def default_template(self) -> TemplateData | None:
        """The template a new proposal starts from (None when the file has none)."""
        templates = self.templates()
        return next((t for t in templates if t.is_default), templates[0] if templates else None)

    def save_template(self, template: ScheduleTemplate, template_id: int | None = None) -> int:
        """Create (`template_id` None) or replace a template after checking it
        (ValidationError: name required, unique, at most 60 characters; percentages
        adding up to 100 %; offsets in order…). Proposals already written keep their
        schedule. Audited; returns the template id."""
        template = replace(template, name=template.name.strip())
        errors = template_errors(template)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = None
            if template_id is not None:
                row = session.get(TemplateRow, template_id)
                if row is None:
                    raise NotFoundError(TEMPLATE_ENTITY, template_id)
            clash = session.scalar(
                select(TemplateRow.id).where(
                    func.lower(TemplateRow.name) == template.name.lower(),
                    TemplateRow.id != (template_id or 0),
                )
            )
            if clash is not None:
                errors.append(FieldError("name", ErrorCode.DUPLICATE_NAME))
            if errors:
                raise ValidationError(errors)
            payload = json.dumps(template.to_json(), ensure_ascii=False)
            before = (
                {}
                if row is None
                else {"name": row.name, "kind": row.kind, "milestones": row.milestones_json}
            )
            after = {"name": template.name, "kind": template.kind.value, "milestones": payload}
            if row is None:
                position = session.scalar(select(func.max(TemplateRow.position))) or 0
                row = TemplateRow(
                    name=template.name,
                    kind=template.kind.value,
                    milestones_json=payload,
                    is_default=False,
                    position=position + 1,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
                session.flush()
                action = AuditAction.CREATE
            else:
                row.name = template.name
                row.kind = template.kind.value
                row.milestones_json = payload
                row.updated_at = now
                action = AuditAction.UPDATE
            self._audit(
                session, action, TEMPLATE_ENTITY, row.id, template.name, audit.diff(before, after)
            )
            return row.id

    def set_default_template(self, template_id: int) -> None:
        """Make `template_id` the template new proposals start from. Audited."""
        with self._ctx.database.transaction() as session:
            row = session.get(TemplateRow, template_id)
            if row is None:
                raise NotFoundError(TEMPLATE_ENTITY, template_id)
            previous = [
                other.name
                for other in session.scalars(select(TemplateRow).where(TemplateRow.is_default))
            ]
            for other in session.scalars(select(TemplateRow).where(TemplateRow.is_default)):
                other.is_default = False
            row.is_default = True
            row.updated_at = self._ctx.clock.now()
            self._audit(
                session,
                AuditAction.UPDATE,
                TEMPLATE_ENTITY,
                row.id,
                f"{row.name} : par défaut",
                {"default_template": (", ".join(previous), row.name)},
            )

    def delete_template(self, template_id: int) -> None:
        """Delete a template (ProposalError "default_template" for the default one).
        Proposals made from it keep their schedule and its name. Audited."""
        with self._ctx.database.transaction() as session:
            row = session.get(TemplateRow, template_id)
            if row is None:
                raise NotFoundError(TEMPLATE_ENTITY, template_id)
            if row.is_default:
                raise ProposalError("default_template")
            self._audit(session, AuditAction.DELETE, TEMPLATE_ENTITY, row.id, row.name)
            session.delete(row)

    def schedule_from_template(
        self, template_id: int, start: date
    ) -> tuple[ScheduleLineDraft, ...]:
        """The schedule lines a template gives for a proposal dated `start`."""
        return lines_from_template(self.template(template_id).template, start)

    # --- reading ---------------------------------------------------------------------------

    def list(self, flt: ProposalFilter | None = None) -> list[ProposalRow]:
        """The proposals that pass `flt` (all by default), newest first."""
        flt = flt or ProposalFilter()
        today = self._ctx.clock.today()
        with self._ctx.database.read() as session:
            query = select(Proposal).order_by(Proposal.issued_on.desc(), Proposal.id.desc())
            if flt.customer_id is not None:
                query = query.where(Proposal.customer_id == flt.customer_id)
            if flt.status is ProposalStatus.EXPIRED:
                query = query.where(
                    Proposal.status == ProposalStatus.SENT.value, Proposal.valid_until < today
                )
            elif flt.status is ProposalStatus.SENT:
                query = query.where(
                    Proposal.status == ProposalStatus.SENT.value,
                    or_(Proposal.valid_until.is_(None), Proposal.valid_until >= today),
                )
            elif flt.status is not None:
                query = query.where(Proposal.status == flt.status.value)
            return self._rows(session, list(session.scalars(query)), today)

    def get(self, proposal_id: int) -> ProposalDetail:
        """Everything about one proposal; NotFoundError if it is gone."""
        today = self._ctx.clock.today()
        with self._ctx.database.read() as session:
            proposal = self._proposal(session, proposal_id)
            row = self._rows(session, [proposal], today)[0]
            lines = session.scalars(
                select(ProposalLine)
                .where(ProposalLine.proposal_id == proposal_id)
                .order_by(ProposalLine.position)
            ).all()
            schedule = session.execute(
                select(ScheduleLine, Document.number)
                .outerjoin(Document, Document.id == ScheduleLine.document_id)
                .where(ScheduleLine.proposal_id == proposal_id)
                .order_by(ScheduleLine.position)
            ).all()
            drafts = [_line_draft(line) for line in lines]
            return ProposalDetail(
                row=row,
                stored_status=ProposalStatus(proposal.status),
                lines=tuple(
                    ProposalLineData(
                        d.description,
                        d.quantity_milli,
                        d.unit_price_cents,
                        d.vat_rate_bp,
                        line_total_cents(d),
                    )
                    for d in drafts
                ),
                totals=proposal_totals(drafts),
                schedule=tuple(
                    ScheduleLineData(_item(s), s.reached_on, s.document_id, number or "")
                    for s, number in schedule
                ),
                notes=proposal.notes,
            )

    def find(self, key: str | int) -> int:
        """The id of the proposal numbered `key` (any case) or with that id.
        NotFoundError otherwise."""
        text = str(key).strip()
        with self._ctx.database.read() as session:
            found = session.scalar(
                select(Proposal.id).where(func.upper(Proposal.number) == text.upper())
            )
            if found is None and text.isdigit() and session.get(Proposal, int(text)):
                found = int(text)
        if found is None:
            raise NotFoundError(ENTITY, key)
        return int(found)

    def check_customer(self, customer_id: int) -> CustomerCheck:
        """What is known about the company before proposing: status, block, doubtful
        list entries (by customer, SIREN or a close match of its name), credit limit and
        what it owes now.
        NotFoundError for an unknown customer."""
        blocked = self._blocking.is_blocked(customer_id)
        with self._ctx.database.read() as session:
            customer = self._customer(session, customer_id)
            check = self._check(session, customer, blocked)
        if self._name_check is None:
            return check
        # A prospect new to the file may be on the list under its name only.
        known = {(d.name, d.reported_on) for d in check.doubtful}
        extra = tuple(
            d for d in self._name_check(check.name) if (d.name, d.reported_on) not in known
        )
        return replace(check, doubtful=check.doubtful + extra) if extra else check

    # --- checking ----------------------------------------------------------------------------

    def preview(self, draft: ProposalDraft) -> ProposalPreview:
        """Totals, the schedule in cents (empty while it cannot be built), every problem
        that saving would refuse, and the warnings — without writing anything."""
        totals = draft.totals
        errors = self._errors(draft)
        schedule: tuple[ScheduleItem, ...] = ()
        if not schedule_errors(draft.schedule, totals.total_cents, draft.issued_on):
            schedule = compute_schedule(draft.schedule, totals.total_cents, draft.issued_on)
        return ProposalPreview(totals, schedule, tuple(errors), tuple(self.warnings(draft)))

    def warnings(self, draft: ProposalDraft) -> list[ScheduleWarning]:
        """What to show before printing: the customer blocked, under watch, in an
        insolvency proceeding or on the doubtful list; a payment term beyond the legal
        maximum; this proposal taking the customer above its credit limit."""
        try:
            check = self.check_customer(draft.customer_id)
        except NotFoundError:
            return []
        return _warnings(check, draft.schedule, draft.totals.total_cents, draft.issued_on)

    def _errors(self, draft: ProposalDraft) -> list[FieldError]:
        errors = line_errors(draft.lines)
        total = draft.totals.total_cents
        lines_ok = not errors
        if lines_ok:
            errors += schedule_errors(draft.schedule, total, draft.issued_on)
        elif not draft.schedule:
            errors.append(FieldError("schedule", ErrorCode.REQUIRED))
        if draft.valid_until is not None and draft.valid_until < draft.issued_on:
            errors.append(
                FieldError(
                    "valid_until",
                    ErrorCode.DATE_BEFORE_PROPOSAL,
                    {"date": draft.issued_on.strftime("%d/%m/%Y")},
                )
            )
        if len(draft.notes) > NOTES_MAX:
            errors.append(FieldError("notes", ErrorCode.TOO_LONG, {"max": str(NOTES_MAX)}))
        if len(draft.template_name) > TEMPLATE_NAME_MAX:
            errors.append(
                FieldError("template", ErrorCode.TOO_LONG, {"max": str(TEMPLATE_NAME_MAX)})
            )
        try:
            if self._blocking.is_blocked(draft.customer_id):
                errors += blocked_schedule_errors(draft.schedule)
        except NotFoundError:
            errors.append(FieldError("customer_id", ErrorCode.REQUIRED))
        return errors

    # --- writing -----------------------------------------------------------------------------

    def create(self, draft: ProposalDraft) -> int:
        """Record a new draft proposal after checking everything at once
        (ValidationError), numbered DEV-<year of its date>-NNNN. Audited; returns its id."""
        errors = self._errors(draft)
        if errors:
            raise ValidationError(errors)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            self._customer(session, draft.customer_id)
            proposal = Proposal(
                customer_id=draft.customer_id,
                number=_next_number(session, draft.issued_on.year),
                status=ProposalStatus.DRAFT.value,
                author_id=_user_id(session, self._ctx.actor()),
                created_at=now,
                updated_at=now,
            )
            self._fill(session, proposal, draft)
            self._audit(
                session,
                AuditAction.CREATE,
                ENTITY,
                proposal.id,
                f"{proposal.number} : {format_cents(proposal.total_cents)} TTC",
            )
            return proposal.id

    def update(self, proposal_id: int, draft: ProposalDraft) -> None:
        """Replace a draft's customer, lines, schedule, dates and notes (ProposalError
        "not_draft" once sent; ValidationError as `create`). Audited."""
        errors = self._errors(draft)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            proposal = self._proposal(session, proposal_id)
            if proposal.status != ProposalStatus.DRAFT.value:
                raise ProposalError("not_draft", proposal_id)
            if errors:
                raise ValidationError(errors)
            self._customer(session, draft.customer_id)
            before = _audit_fields(session, proposal)
            for line in session.scalars(
                select(ProposalLine).where(ProposalLine.proposal_id == proposal_id)
            ):
                session.delete(line)
            for line in session.scalars(
                select(ScheduleLine).where(ScheduleLine.proposal_id == proposal_id)
            ):
                session.delete(line)
            session.flush()
            proposal.customer_id = draft.customer_id
            proposal.updated_at = now
            self._fill(session, proposal, draft)
            session.flush()
            after = _audit_fields(session, proposal)
            self._audit(
                session,
                AuditAction.UPDATE,
                ENTITY,
                proposal.id,
                f"{proposal.number} modifiée",
                audit.diff(before, after),  # type: ignore[arg-type]
            )

    def delete(self, proposal_id: int) -> None:
        """Delete a draft (ProposalError "not_draft" once sent: it is on paper). Audited."""
        with self._ctx.database.transaction() as session:
            proposal = self._proposal(session, proposal_id)
            if proposal.status != ProposalStatus.DRAFT.value:
                raise ProposalError("not_draft", proposal_id)
            self._audit(
                session,
                AuditAction.DELETE,
                ENTITY,
                proposal.id,
                proposal.number,
                # The row is gone after: the audit trail finds its customer here.
                {"customer_id": (proposal.customer_id, None)},
            )
            session.delete(proposal)

    def set_status(self, proposal_id: int, to: ProposalStatus) -> None:
        """Move a proposal: draft → sent (its validity date not passed), sent → accepted /
        refused / back to draft, expired → draft / refused. ProposalError
        "invalid_transition" or "validity_passed" otherwise. Audited."""
        today = self._ctx.clock.today()
        with self._ctx.database.transaction() as session:
            proposal = self._proposal(session, proposal_id)
            stored = ProposalStatus(proposal.status)
            current = effective_status(stored, proposal.valid_until, today)
            if current is ProposalStatus.EXPIRED and to is ProposalStatus.ACCEPTED:
                raise ProposalError("validity_passed", proposal_id)
            if not can_move(current, to):
                raise ProposalError("invalid_transition", proposal_id)
            if (
                to is ProposalStatus.SENT
                and proposal.valid_until is not None
                and proposal.valid_until < today
            ):
                raise ProposalError("validity_passed", proposal_id)
            proposal.status = to.value
            proposal.updated_at = self._ctx.clock.now()
            self._audit(
                session,
                AuditAction.UPDATE,
                ENTITY,
                proposal.id,
                f"{proposal.number} : {current.value} → {to.value}",
                {"status": (stored.value, to.value)},
            )

    def send(self, proposal_id: int) -> None:
        """draft → sent (see `set_status`)."""
        self.set_status(proposal_id, ProposalStatus.SENT)

    def accept(self, proposal_id: int) -> None:
        """sent → accepted (see `set_status`)."""
        self.set_status(proposal_id, ProposalStatus.ACCEPTED)

    def refuse(self, proposal_id: int) -> None:
        """sent or expired → refused (see `set_status`)."""
        self.set_status(proposal_id, ProposalStatus.REFUSED)

    def mark_reached(self, proposal_id: int, position: int, reached_on: date) -> int:
        """The event of schedule line `position` (1, 2, …) happened on `reached_on`:
        its instalment becomes an expected receivable of the customer (kind
        EXPECTED_INSTALMENT, number "<proposal number>-E<position>", amount incl. VAT,
        due under the line's payment term counted from `reached_on`). Only on an
        accepted proposal (ProposalError "not_accepted"), once per line
        ("already_reached"); `reached_on` neither before the proposal nor in the future
        (ValidationError "reached_on"). Audited; returns the document id."""
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            proposal = self._proposal(session, proposal_id)
            if proposal.status != ProposalStatus.ACCEPTED.value:
                raise ProposalError("not_accepted", proposal_id)
            line = session.scalar(
                select(ScheduleLine).where(
                    ScheduleLine.proposal_id == proposal_id, ScheduleLine.position == position
                )
            )
            if line is None:
                raise NotFoundError("schedule_line", (proposal_id, position))
            if line.reached_on is not None:
                raise ProposalError("already_reached", proposal_id)
            if reached_on < proposal.issued_on:
                raise ValidationError(
                    [
                        FieldError(
                            "reached_on",
                            ErrorCode.DATE_BEFORE_PROPOSAL,
                            {"date": proposal.issued_on.strftime("%d/%m/%Y")},
                        )
                    ]
                )
            if reached_on > today:
                raise ValidationError([FieldError("reached_on", ErrorCode.DATE_IN_FUTURE)])
            due_on = due_date(reached_on, line.due_days, PaymentTermsBasis(line.due_basis))
            vat = (
                proposal.vat_cents * line.amount_cents // proposal.total_cents
                if proposal.total_cents
                else 0
            )
            document = Document(
                customer_id=proposal.customer_id,
                kind=DocumentKind.EXPECTED_INSTALMENT.value,
                number=f"{proposal.number}-E{position}",
                issued_on=reached_on,
                due_on=due_on,
                total_cents=line.amount_cents,
                vat_cents=vat,
                open_cents=line.amount_cents,
                label=f"{proposal.number} — {line.event}",
                created_at=now,
                updated_at=now,
            )
            session.add(document)
            try:
                session.flush()
            except IntegrityError as exc:  # a document of that number exists already
                raise ProposalError("already_reached", proposal_id) from exc
            line.reached_on = reached_on
            line.document_id = document.id
            proposal.updated_at = now
            self._audit(
                session,
                AuditAction.UPDATE,
                ENTITY,
                proposal.id,
                f"{proposal.number} : « {line.event} » atteint le "
                f"{reached_on.strftime('%d/%m/%Y')}, {format_cents(line.amount_cents)} "
                f"attendus le {due_on.strftime('%d/%m/%Y')}",
            )
            return document.id

    # --- the PDF -------------------------------------------------------------------------------

    def pdf_data(self, proposal_id: int) -> ProposalPdfData:
        """What the printed proposal shows. NotFoundError if it is gone."""
        detail = self.get(proposal_id)
        with self._ctx.database.read() as session:
            proposal = self._proposal(session, proposal_id)
            customer = self._customer(session, proposal.customer_id)
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            country = _country(customer.country)
            penalty, indemnity = late_payment_mentions(
                session, country, bool(customer.is_consumer), proposal.issued_on
            )
            letterhead = letterhead_of(company)
            recipient = recipient_of(customer, company)
            discount = (company.early_payment_discount.strip() if company else "") or NO_DISCOUNT
            signatory = ""
            if company is not None and company.signatory_name:
                signatory = ", ".join(
                    p for p in (company.signatory_name, company.signatory_title) if p
                )
        items = tuple(line.item for line in detail.schedule)
        return ProposalPdfData(
            company=letterhead,
            customer=recipient,
            number=detail.row.number,
            issued_on=detail.row.issued_on,
            valid_until=detail.row.valid_until,
            author=detail.row.author,
            lines=tuple(
                ProposalPdfLine(
                    line.description,
                    line.quantity_milli,
                    line.unit_price_cents,
                    line.vat_rate_bp,
                    line.total_cents,
                )
                for line in detail.lines
            ),
            vat=tuple(
                ProposalPdfVat(v.rate_bp, v.base_cents, v.vat_cents) for v in detail.totals.by_rate
            ),
            total_excl_vat_cents=detail.totals.excl_vat_cents,
            vat_cents=detail.totals.vat_cents,
            total_cents=detail.totals.total_cents,
            schedule=tuple(
                ProposalPdfInstalment(
                    i.position,
                    i.event,
                    i.planned_on,
                    i.due_on,
                    terms_phrase(i.due_days, i.due_basis),
                    i.percent_bp,
                    i.amount_cents,
                    i.is_deposit,
                )
                for i in items
            ),
            conditions=_conditions(items, detail.row.valid_until, letterhead.iban),
            mentions=(penalty, indemnity, discount),
            notes=detail.notes,
            signatory=signatory,
        )

    def write_pdf(self, proposal_id: int, path: Path) -> Path:
        """Write the proposal as a PDF at `path` and return the path (OSError when the
        file cannot be written; NotFoundError for an unknown proposal)."""
        return render_proposal(self.pdf_data(proposal_id), path)

    # --- helpers -------------------------------------------------------------------------------

    def _fill(self, session: Session, proposal: Proposal, draft: ProposalDraft) -> None:
        totals = draft.totals
        schedule = compute_schedule(draft.schedule, totals.total_cents, draft.issued_on)
        proposal.issued_on = draft.issued_on
        proposal.valid_until = draft.valid_until
        proposal.schedule_template = draft.template_name.strip()
        proposal.total_excl_vat_cents = totals.excl_vat_cents
        proposal.vat_cents = totals.vat_cents
        proposal.total_cents = totals.total_cents
        proposal.notes = draft.notes.strip()
        session.add(proposal)
        session.flush()
        for position, line in enumerate(draft.lines, start=1):
            session.add(
                ProposalLine(
                    proposal_id=proposal.id,
                    position=position,
                    description=line.description.strip(),
                    quantity_milli=line.quantity_milli,
                    unit_price_cents=line.unit_price_cents,
                    vat_rate_bp=line.vat_rate_bp,
                )
            )
        for item in schedule:
            session.add(
                ScheduleLine(
                    proposal_id=proposal.id,
                    position=item.position,
                    event=item.event,
                    planned_on=item.planned_on,
                    percent_bp=item.percent_bp,
                    amount_cents=item.amount_cents,
                    is_deposit=item.is_deposit,
                    due_days=item.due_days,
                    due_basis=item.due_basis.value,
                )
            )

    def _rows(self, session: Session, proposals: list[Proposal], today: date) -> list[ProposalRow]:
        if not proposals:
            return []
        ids = [p.id for p in proposals]
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_({p.customer_id for p in proposals}))
            )
        }
        authors = dict(
            session.execute(
                select(User.id, User.name).where(
                    User.id.in_({p.author_id for p in proposals if p.author_id})
                )
            ).all()
        )
        counts = {
            pid: (int(total), int(reached or 0))
            for pid, total, reached in session.execute(
                select(
                    ScheduleLine.proposal_id,
                    func.count(ScheduleLine.id),
                    func.count(ScheduleLine.reached_on),
                )
                .where(ScheduleLine.proposal_id.in_(ids))
                .group_by(ScheduleLine.proposal_id)
            ).all()
        }
        rows = []
        for p in proposals:
            customer = customers.get(p.customer_id)
            total, reached = counts.get(p.id, (0, 0))
            rows.append(
                ProposalRow(
                    id=p.id,
                    number=p.number,
                    customer_id=p.customer_id,
                    customer_name=customer.legal_name if customer else "",
                    customer_status=CustomerStatus(customer.status)
                    if customer
                    else CustomerStatus.ACTIVE,
                    status=effective_status(ProposalStatus(p.status), p.valid_until, today),
                    issued_on=p.issued_on,
                    valid_until=p.valid_until,
                    total_excl_vat_cents=p.total_excl_vat_cents,
                    total_cents=p.total_cents,
                    template_name=p.schedule_template,
                    author=authors.get(p.author_id, "") if p.author_id else "",
                    milestones=total,
                    reached=reached,
                )
            )
        return rows

    def _check(self, session: Session, customer: Customer, blocked: bool) -> CustomerCheck:
        conditions = [DoubtfulCompany.customer_id == customer.id]
        if customer.siren:
            conditions.append(DoubtfulCompany.siren == customer.siren)
        doubtful = session.scalars(
            select(DoubtfulCompany)
            .where(DoubtfulCompany.active, or_(*conditions))
            .order_by(DoubtfulCompany.reported_on.desc(), DoubtfulCompany.id.desc())
        ).all()
        outstanding = session.scalar(
            select(func.coalesce(func.sum(Document.open_cents), 0)).where(
                Document.customer_id == customer.id, Document.settled_on.is_(None)
            )
        )
        return CustomerCheck(
            customer_id=customer.id,
            name=customer.legal_name,
            status=CustomerStatus(customer.status),
            blocked=blocked,
            doubtful=tuple(
                DoubtfulMatch(d.name, d.reason, d.source, d.reported_on) for d in doubtful
            ),
            credit_limit_cents=customer.credit_limit_cents,
            outstanding_cents=int(outstanding or 0),
            country=_country(customer.country),
            consumer=bool(customer.is_consumer),
            payment_terms_days=customer.payment_terms_days,
            payment_terms_basis=_basis(customer.payment_terms_basis),
        )

    @staticmethod
    def _proposal(session: Session, proposal_id: int) -> Proposal:
        proposal = session.get(Proposal, proposal_id)
        if proposal is None:
            raise NotFoundError(ENTITY, proposal_id)
        return proposal

    @staticmethod
    def _customer(session: Session, customer_id: int) -> Customer:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFoundError("customer", customer_id)
        return customer

    def _audit(
        self,
        session: Session,
        action: AuditAction,
        entity: str,
        entity_id: int,
        summary: str,
        changes: dict[str, tuple[object, object]] | None = None,
    ) -> None:
        audit.record(
            session,
            at=self._ctx.clock.now(),
            actor=self._ctx.actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=summary,
            changes=changes,
        )


# --- Module helpers ------------------------------------------------------------------------------


def _audit_fields(session: Session, proposal: Proposal) -> dict[str, object]:
    """What the audit trail compares before and after a draft is edited: its fields,
    and its lines and schedule as short texts."""
    lines = session.scalars(
        select(ProposalLine)
        .where(ProposalLine.proposal_id == proposal.id)
        .order_by(ProposalLine.position)
    ).all()
    schedule = session.scalars(
        select(ScheduleLine)
        .where(ScheduleLine.proposal_id == proposal.id)
        .order_by(ScheduleLine.position)
    ).all()
    return {
        "customer_id": proposal.customer_id,
        "issued_on": proposal.issued_on,
        "valid_until": proposal.valid_until,
        "schedule_template": proposal.schedule_template,
        "total_excl_vat_cents": proposal.total_excl_vat_cents,
        "vat_cents": proposal.vat_cents,
        "total_cents": proposal.total_cents,
        "notes": proposal.notes,
        "lines": " ; ".join(
            f"{line.description} × {line.quantity_milli / 1000:g} à "
            f"{format_cents(line.unit_price_cents)}"
            for line in lines
        ),
        "schedule": " ; ".join(
            f"{item.event} {item.percent_bp / 100:g} % {format_cents(item.amount_cents)}"
            for item in schedule
        ),
    }


def _template_data(row: TemplateRow) -> TemplateData:
    kind = ScheduleKind(row.kind)
    try:
        payload = json.loads(row.milestones_json or "{}")
    except ValueError:  # a hand-edited file: an empty template rather than a crash
        payload = {}
    return TemplateData(
        row.id, ScheduleTemplate.from_json(row.name, kind, payload), bool(row.is_default)
    )


def _line_draft(line: ProposalLine) -> LineDraft:
    return LineDraft(line.description, line.quantity_milli, line.unit_price_cents, line.vat_rate_bp)


def _item(line: ScheduleLine) -> ScheduleItem:
    basis = _basis(line.due_basis)
    planned = line.planned_on or date.min
    return ScheduleItem(
        position=line.position,
        event=line.event,
        planned_on=planned,
        due_on=due_date(planned, line.due_days, basis) if line.planned_on else planned,
        percent_bp=line.percent_bp,
        amount_cents=line.amount_cents,
        is_deposit=line.is_deposit,
        due_days=line.due_days,
        due_basis=basis,
    )


def _basis(value: str | None) -> PaymentTermsBasis:
    try:
        return PaymentTermsBasis(value)
    except ValueError:
        return PaymentTermsBasis.INVOICE_DATE


def _country(value: str | None) -> Country:
    try:
        return Country(value)
    except ValueError:
        return Country.OTHER


def _next_number(session: Session, year: int) -> str:
    """DEV-<year>-NNNN, one more than the highest number of that year."""
    prefix = f"{NUMBER_PREFIX}-{year}-"
    numbers = session.scalars(select(Proposal.number).where(Proposal.number.like(prefix + "%")))
    highest = 0
    for number in numbers:
        tail = number[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:04d}"


def _user_id(session: Session, name: str) -> int | None:
    return session.scalar(select(User.id).where(User.name == name).order_by(User.id))


def _warnings(
    check: CustomerCheck,
    schedule: tuple[ScheduleLineDraft, ...],
    total_cents: int,
    as_of: date,
) -> list[ScheduleWarning]:
    warnings: list[ScheduleWarning] = []
    if check.status is CustomerStatus.INSOLVENCY:
        warnings.append(ScheduleWarning(WarningCode.INSOLVENCY))
    elif check.blocked:
        warnings.append(ScheduleWarning(WarningCode.BLOCKED))
    if check.status is CustomerStatus.UNDER_WATCH:
        warnings.append(ScheduleWarning(WarningCode.UNDER_WATCH))
    for match in check.doubtful:
        warnings.append(
            ScheduleWarning(
                WarningCode.DOUBTFUL,
                {
                    "name": match.name,
                    "reason": match.reason,
                    "source": match.source,
                    "date": match.reported_on.strftime("%d/%m/%Y"),
                },
            )
        )
    warnings += term_warnings(schedule, check.country, as_of, consumer=check.consumer)
    warnings += credit_limit_warning(check.credit_limit_cents, check.outstanding_cents, total_cents)
    return warnings


def _conditions(
    items: tuple[ScheduleItem, ...], valid_until: date | None, iban: str
) -> tuple[str, ...]:
    """The payment conditions paragraph by paragraph, in plain French."""
    texts: list[str] = []
    deposits = [i for i in items if i.is_deposit]
    if deposits:
        amounts = " et ".join(
            f"{format_percent(i.percent_bp)} ({format_cents(i.amount_cents)})" for i in deposits
        )
        texts.append(
            f"Un acompte de {amounts} est versé à la commande. Les sommes versées d'avance "
            "sont des acomptes et non des arrhes : elles engagent définitivement les deux "
            "parties et s'imputent sur le prix."
        )
    texts.append(
        "Chaque échéance est facturée à l'événement indiqué et payable selon le délai de "
        "la colonne « Règlement », compté à partir de la date de la facture. Les dates "
        "prévues sont indicatives : si un événement est avancé ou retardé, son échéance "
        "suit."
    )
    if iban:
        texts.append(f"Règlement par virement : IBAN {iban}, en rappelant le numéro de facture.")
    if valid_until is not None:
        texts.append(
            f"Proposition valable jusqu'au {valid_until.strftime('%d/%m/%Y')} ; "
            "passé ce délai, les prix et conditions sont à confirmer."
        )
    return tuple(texts)
