"""The dispute log: what customers contest, who must act, and how it ends.

One method = one user action = one transaction, audited; a refused action changes
nothing. While a dispute is neither resolved nor rejected, the reminder engine leaves
its disputed amounts out (`services.reminders`); closing it puts them back into the
cycle. A resolution by credit note adds the credit note to the ledger (a negative open
document correcting the disputed invoice), so the outstanding drops at once; the
accounting export will later bring the same credit note, matched by its number.

Attachments are copied (never moved) into `<data file stem>-pieces/<dispute id>/` beside
the data file, under a sanitised, unique name.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.documents.dispute_sheet import (
    SheetData,
    SheetDetail,
    SheetEvent,
    SheetLine,
    SheetRow,
    render_dispute_sheet,
    write_disputes_xlsx,
)
from desktop.domain.disputes import (
    ACTIVE_STATUSES,
    DisputeDraft,
    DisputeLine,
    ResolutionDraft,
    can_move,
    days_open,
    draft_errors,
    resolution_errors,
)
from desktop.domain.enums import (
    AuditAction,
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    TaskKind,
    TaskStatus,
)
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents
from desktop.domain.text import MAX_NAME_BYTES, safe_file_name, safe_file_stem
from desktop.persistence import audit
from desktop.persistence.models import (
    CompanySettings,
    Customer,
    Dispute,
    DisputeAttachment,
    DisputeEvent,
    DisputeItem,
    Document,
    Task,
    User,
)
from desktop.services.context import ServiceContext
from desktop.services.statements import letterhead_of, recipient_of
from desktop.services.tasks import TaskService

__all__ = [
    "QUESTIONS",
    "TASK_DAYS",
    "AttachmentData",
    "DisputeDetail",
    "DisputeError",
    "DisputeEventData",
    "DisputeFilter",
    "DisputeLineData",
    "DisputeRow",
    "DisputeService",
    "DisputeSummary",
    "SummaryLine",
    "attachments_dir",
]

# The questions a salesperson is asked when a customer disputes (seeds: "sensibilisez et
# associez vos commerciaux").
QUESTIONS = (
    "Pourquoi le client n'a-t-il pas encore payé ?",
    "Avons-nous encore des commandes en cours avec ce client ?",
    "Est-il pertinent de faire un geste commercial sur ce client ?",
)
TASK_DAYS = 7  # the salesperson's answer is expected within a week
_ACTIVE = tuple(status.value for status in ACTIVE_STATUSES)
_OWED_KINDS = (DocumentKind.INVOICE.value, DocumentKind.EXPECTED_INSTALMENT.value)


class DisputeError(Exception):
    """An action refused by the state of the dispute (not by a typed field):
    "credit_above_disputed", "already_closed", "invalid_transition", "settled_invoice",
    "attachment_missing", "no_data_file"."""

    def __init__(self, code: str, dispute_id: int | None = None) -> None:
        super().__init__(code if dispute_id is None else f"dispute {dispute_id}: {code}")
        self.code = code
        self.dispute_id = dispute_id


@dataclass(frozen=True)
class DisputeFilter:
    statuses: frozenset[DisputeStatus] = frozenset()  # empty = all
    category: DisputeCategory | None = None
    department: Department | None = None
    owner_id: int | None = None
    min_days_open: int | None = None
    customer_id: int | None = None
    open_only: bool = False  # not resolved / rejected


@dataclass(frozen=True)
class DisputeRow:
    """One line of the Litiges list."""

    id: int
    customer_id: int
    customer_name: str
    category: DisputeCategory
    status: DisputeStatus
    department: Department
    owner_id: int | None
    owner_name: str
    reported_on: date
    expected_answer_on: date | None
    disputed_cents: int  # sum of its lines
    days_open: int  # until today, or until it was closed
    answer_overdue: bool  # still open and the expected answer date has passed
    invoice_numbers: str  # ", "

    @property
    def is_open(self) -> bool:
        return self.status in ACTIVE_STATUSES


@dataclass(frozen=True)
class DisputeLineData:
    document_id: int
    number: str
    issued_on: date
    due_on: date
    total_cents: int
    open_cents: int
    disputed_cents: int


@dataclass(frozen=True)
class DisputeEventData:
    at: datetime
    author: str
    from_status: DisputeStatus | None
    to_status: DisputeStatus | None
    text: str

    @property
    def is_note(self) -> bool:
        return self.to_status is None


@dataclass(frozen=True)
class AttachmentData:
    id: int
    file_name: str
    added_at: datetime


@dataclass(frozen=True)
class DisputeDetail:
    row: DisputeRow
    description: str
    reported_by: str
    lines: tuple[DisputeLineData, ...]
    events: tuple[DisputeEventData, ...]  # oldest first
    attachments: tuple[AttachmentData, ...]
    resolution: DisputeResolution | None
    resolution_cents: int | None
    resolution_note: str
    resolved_on: date | None
    approved_by: str
    credit_note_number: str
    reissued_number: str

    def draft(self) -> DisputeDraft:
        """The dispute as an editable draft (for `update`)."""
        return DisputeDraft(
            customer_id=self.row.customer_id,
            lines=tuple(DisputeLine(line.document_id, line.disputed_cents) for line in self.lines),
            category=self.row.category,
            description=self.description,
            reported_by=self.reported_by,
            reported_on=self.row.reported_on,
            department=self.row.department,
            owner_id=self.row.owner_id,
            expected_answer_on=self.row.expected_answer_on,
        )


@dataclass(frozen=True)
class SummaryLine:
    key: str  # a DisputeCategory or Department value
    count: int
    disputed_cents: int


@dataclass(frozen=True)
class DisputeSummary:
    by_category: tuple[SummaryLine, ...]  # most disputed first
    by_department: tuple[SummaryLine, ...]
    open_count: int
    disputed_cents: int


def attachments_dir(data_file: Path) -> Path:
    """The folder that holds the attachments of a data file's disputes."""
    return data_file.with_name(f"{data_file.stem}-pieces")


class DisputeService:
    def __init__(self, ctx: ServiceContext, tasks: TaskService) -> None:
        self._ctx = ctx
        # The salesperson's questions are written in the dispute's own transaction (so a
        # refused dispute leaves no orphan task); their list and answers are the tasks
        # service's.
        self._tasks = tasks

    # --- reading ------------------------------------------------------------------------

    def get(self, dispute_id: int) -> DisputeDetail:
        """Everything about one dispute: its row, lines with each invoice's amounts,
        history (oldest first), attachments and resolution. NotFoundError if unknown."""
        with self._ctx.database.read() as session:
            rows = self._rows(session, select(Dispute).where(Dispute.id == dispute_id))
            if not rows:
                raise NotFoundError("dispute", dispute_id)
            dispute = session.get(Dispute, dispute_id)
            assert dispute is not None
            lines = session.execute(
                select(Document, DisputeItem.disputed_cents)
                .join(DisputeItem, DisputeItem.document_id == Document.id)
                .where(DisputeItem.dispute_id == dispute_id)
                .order_by(DisputeItem.id)
            ).all()
            events = session.scalars(
                select(DisputeEvent)
                .where(DisputeEvent.dispute_id == dispute_id)
                .order_by(DisputeEvent.at, DisputeEvent.id)
            ).all()
            attachments = session.scalars(
                select(DisputeAttachment)
                .where(DisputeAttachment.dispute_id == dispute_id)
                .order_by(DisputeAttachment.added_at, DisputeAttachment.id)
            ).all()
            credit_note = (
                session.get(Document, dispute.credit_note_id) if dispute.credit_note_id else None
            )
            return DisputeDetail(
                row=rows[0],
                description=dispute.description,
                reported_by=dispute.reported_by,
                lines=tuple(
                    DisputeLineData(
                        document_id=doc.id,
                        number=doc.number,
                        issued_on=doc.issued_on,
                        due_on=doc.due_on,
                        total_cents=doc.total_cents,
                        open_cents=doc.open_cents,
                        disputed_cents=disputed,
                    )
                    for doc, disputed in lines
                ),
                events=tuple(
                    DisputeEventData(
                        at=e.at,
                        author=e.author,
                        from_status=DisputeStatus(e.from_status) if e.from_status else None,
                        to_status=DisputeStatus(e.to_status) if e.to_status else None,
                        text=e.text,
                    )
                    for e in events
                ),
                attachments=tuple(
                    AttachmentData(a.id, a.file_name, a.added_at) for a in attachments
                ),
                resolution=DisputeResolution(dispute.resolution) if dispute.resolution else None,
                resolution_cents=dispute.resolution_cents,
                resolution_note=dispute.resolution_note,
                resolved_on=dispute.resolved_on,
                approved_by=dispute.approved_by,
                credit_note_number=credit_note.number if credit_note is not None else "",
                reissued_number=dispute.reissued_number,
            )

    def list(self, flt: DisputeFilter | None = None) -> list[DisputeRow]:
        """The disputes that pass `flt` (every one by default), newest reported first
        (then highest id)."""
        flt = flt or DisputeFilter()
        with self._ctx.database.read() as session:
            return self._filtered(session, flt)

    def summary(self, flt: DisputeFilter | None = None) -> DisputeSummary:
        """For the disputes that pass `flt`: how many and how much by category and by
        department (most disputed amount first, then most disputes), how many are still
        open, and their total disputed amount."""
        rows = self.list(flt)
        return DisputeSummary(
            by_category=_group(rows, lambda r: r.category.value),
            by_department=_group(rows, lambda r: r.department.value),
            open_count=sum(1 for r in rows if r.is_open),
            disputed_cents=sum(r.disputed_cents for r in rows),
        )

    def for_customer(self, customer_id: int) -> list[DisputeRow]:
        """Every dispute of one customer, open or closed, newest first."""
        return self.list(DisputeFilter(customer_id=customer_id))

    def open_disputes_of_document(self, document_id: int) -> list[DisputeRow]:
        """The disputes not yet resolved or rejected that contest `document_id`,
        newest first."""
        with self._ctx.database.read() as session:
            query = (
                select(Dispute)
                .where(
                    Dispute.status.in_(_ACTIVE),
                    Dispute.id.in_(
                        select(DisputeItem.dispute_id).where(DisputeItem.document_id == document_id)
                    ),
                )
                .order_by(Dispute.reported_on.desc(), Dispute.id.desc())
            )
            return self._rows(session, query)

    def disputed_by_document(self, document_ids: list[int]) -> dict[int, int]:
        """What open disputes contest on each of `document_ids` (absent: nothing)."""
        if not document_ids:
            return {}
        with self._ctx.database.read() as session:
            return open_disputed_cents(session, document_ids)

    # --- opening and editing ------------------------------------------------------------

    def open(self, draft: DisputeDraft) -> int:
        """Record a new dispute (status OPEN) after checking every field at once
        (ValidationError: at least one line; each amount above 0 and at most what may
        still be disputed on an open invoice of that customer, "lines.N.amount"; a
        description; dates). Writes the first history event, and creates the task with
        the seeds' questions for the customer's salesperson (unassigned without one).
        One transaction, audited; returns the dispute id."""
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            customer = session.get(Customer, draft.customer_id)
            if customer is None:
                raise NotFoundError("customer", draft.customer_id)
            self._check_draft(session, draft, today, None)
            dispute = Dispute(
                customer_id=draft.customer_id,
                status=DisputeStatus.OPEN.value,
                created_at=now,
                updated_at=now,
            )
            _fill(dispute, draft)
            session.add(dispute)
            session.flush()
            for line in draft.lines:
                session.add(
                    DisputeItem(
                        dispute_id=dispute.id,
                        document_id=line.document_id,
                        disputed_cents=line.disputed_cents,
                    )
                )
            self._event(session, dispute.id, now, None, DisputeStatus.OPEN, "")
            numbers = _numbers(session, [line.document_id for line in draft.lines])
            self._add_task(session, dispute, customer, draft, numbers, today, now)
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="dispute",
                entity_id=dispute.id,
                summary=(
                    f"{draft.category.value} : {format_cents(draft.disputed_cents)} "
                    f"contestés ({', '.join(numbers)})"
                ),
            )
            return dispute.id

    def update(self, dispute_id: int, draft: DisputeDraft) -> None:
        """Replace what was typed about an open dispute (lines, category, description,
        reporter, dates, department, owner) with the same checks as `open`. The customer
        cannot change (ValidationError "customer_id"); a closed dispute raises
        DisputeError "already_closed". A change of the disputed amount is written in the
        history. Audited."""
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            dispute = self._active(session, dispute_id)
            if draft.customer_id != dispute.customer_id:
                raise ValidationError([FieldError("customer_id", ErrorCode.CANNOT_CHANGE)])
            self._check_draft(session, draft, today, dispute_id)
            before = _snapshot(session, dispute)
            _fill(dispute, draft)
            dispute.updated_at = now
            items = {
                item.document_id: item
                for item in session.scalars(
                    select(DisputeItem).where(DisputeItem.dispute_id == dispute_id)
                )
            }
            wanted = {line.document_id: line.disputed_cents for line in draft.lines}
            for document_id, item in items.items():
                if document_id not in wanted:
                    session.delete(item)
            for document_id, cents in wanted.items():
                if document_id in items:
                    items[document_id].disputed_cents = cents
                else:
                    session.add(
                        DisputeItem(
                            dispute_id=dispute_id, document_id=document_id, disputed_cents=cents
                        )
                    )
            session.flush()
            after = _snapshot(session, dispute)
            changes = audit.diff(before, after)
            if not changes:
                return
            if "disputed_cents" in changes:
                old, new = changes["disputed_cents"]
                self._event(
                    session,
                    dispute_id,
                    now,
                    None,
                    None,
                    "Montant contesté modifié : "
                    f"{format_cents(int(str(old)))} → {format_cents(int(str(new)))}",
                )
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dispute",
                entity_id=dispute_id,
                summary="litige modifié",
                changes=changes,
            )

    # --- history ------------------------------------------------------------------------

    def change_status(self, dispute_id: int, to: DisputeStatus, comment: str = "") -> None:
        """Move an open dispute between OPEN, ANALYSIS and WAITING_CUSTOMER, dated now and
        signed by the actor, with an optional comment. Closing goes through `resolve` or
        `reject`: RESOLVED / REJECTED here, or the status it already has, raise
        DisputeError "invalid_transition"; a closed dispute "already_closed". Audited."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            dispute = self._active(session, dispute_id)
            current = DisputeStatus(dispute.status)
            if not can_move(current, to):
                raise DisputeError("invalid_transition", dispute_id)
            dispute.status = to.value
            dispute.updated_at = now
            self._event(session, dispute_id, now, current, to, comment.strip())
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dispute",
                entity_id=dispute_id,
                summary="statut du litige",
                changes={"status": (current.value, to.value)},
            )

    def add_note(self, dispute_id: int, text: str) -> None:
        """Add a note to a dispute's thread (open or closed), dated now and signed. A blank
        note raises ValidationError "text". Audited."""
        text = text.strip()
        if not text:
            raise ValidationError([FieldError("text", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            dispute = self._dispute(session, dispute_id)
            dispute.updated_at = now
            self._event(session, dispute_id, now, None, None, text)
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dispute",
                entity_id=dispute_id,
                summary="note ajoutée",
            )

    # --- attachments --------------------------------------------------------------------

    def attach(self, dispute_id: int, source: Path) -> int:
        """Copy `source` (it is never moved nor changed) into the dispute's folder beside
        the data file, under a sanitised name made unique in that folder, and list it on
        the dispute with a note in its history. DisputeError "attachment_missing" when
        `source` is not a readable file, "no_data_file" for a file kept in memory.
        Audited; returns the attachment id. If saving fails, the copy is removed."""
        source = Path(source)
        if not source.is_file():
            raise DisputeError("attachment_missing", dispute_id)
        if self._ctx.database.path is None:
            raise DisputeError("no_data_file", dispute_id)
        now = self._ctx.clock.now()
        display_name = safe_file_name(source.name, fallback="piece")
        folder = attachments_dir(self._ctx.database.path) / str(dispute_id)
        copied: Path | None = None
        try:
            with self._ctx.database.transaction() as session:
                self._dispute(session, dispute_id)
                folder.mkdir(parents=True, exist_ok=True)
                target = _unique_target(folder, display_name)
                shutil.copyfile(source, target)
                copied = target
                attachment = DisputeAttachment(
                    dispute_id=dispute_id,
                    file_name=display_name,
                    stored_name=target.name,
                    added_at=now,
                )
                session.add(attachment)
                session.flush()
                self._event(
                    session, dispute_id, now, None, None, f"Pièce jointe ajoutée : {display_name}"
                )
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.CREATE,
                    entity="dispute_attachment",
                    entity_id=attachment.id,
                    summary=f"litige {dispute_id} : {display_name}",
                )
                return attachment.id
        except BaseException:
            if copied is not None:
                copied.unlink(missing_ok=True)
            raise

    def attachment_path(self, attachment_id: int) -> Path:
        """Where an attachment's copy is, to open it with the system viewer. NotFoundError
        for an unknown attachment; DisputeError "attachment_missing" when its copy has
        gone or its stored name would lead outside the dispute's folder."""
        with self._ctx.database.read() as session:
            attachment = session.get(DisputeAttachment, attachment_id)
            if attachment is None:
                raise NotFoundError("dispute_attachment", attachment_id)
            dispute_id = attachment.dispute_id
            stored = attachment.stored_name
        if self._ctx.database.path is None:
            raise DisputeError("no_data_file", dispute_id)
        folder = (attachments_dir(self._ctx.database.path) / str(dispute_id)).resolve()
        path = (folder / stored).resolve()
        if path.parent != folder or not path.is_file():
            raise DisputeError("attachment_missing", dispute_id)
        return path

    # --- closing ------------------------------------------------------------------------

    def resolve(self, dispute_id: int, resolution: ResolutionDraft) -> None:
        """Close an open dispute as RESOLVED, dated today, with its resolution:
        - CREDIT_NOTE: number and amount required; adds the credit note to the ledger
          (negative open amount, correcting the first disputed invoice still open) so the
          outstanding drops. Refused above the disputed total unless
          `confirm_above_disputed` (DisputeError "credit_above_disputed"), and when every
          disputed invoice is already settled ("settled_invoice"); a number already used
          by a credit note: ValidationError "credit_note_number" DUPLICATE_NUMBER.
        - REISSUED_INVOICE: the new invoice's number required.
        - COMMERCIAL_GESTURE: amount and who approved it required.
        The disputed amounts go back into the reminder cycle (what is still owed once the
        accounting has booked the correction). DisputeError "already_closed" on a closed
        dispute. One transaction, audited, a history event."""
        errors = resolution_errors(resolution)
        if errors:
            raise ValidationError(errors)
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            dispute = self._active(session, dispute_id)
            disputed = _disputed_total(session, dispute_id)
            kind = resolution.kind
            amount = resolution.amount_cents
            text = _RESOLUTION_TEXT[kind]
            if kind is DisputeResolution.CREDIT_NOTE:
                assert amount is not None
                if amount > disputed and not resolution.confirm_above_disputed:
                    raise DisputeError("credit_above_disputed", dispute_id)
                invoice = self._invoice_to_correct(session, dispute_id)
                number = resolution.credit_note_number.strip()
                if session.scalar(
                    select(Document.id).where(
                        Document.kind == DocumentKind.CREDIT_NOTE.value, Document.number == number
                    )
                ):
                    raise ValidationError(
                        [FieldError("credit_note_number", ErrorCode.DUPLICATE_NUMBER)]
                    )
                credit_note = Document(
                    customer_id=dispute.customer_id,
                    kind=DocumentKind.CREDIT_NOTE.value,
                    number=number,
                    issued_on=today,
                    due_on=today,
                    total_cents=-amount,
                    vat_cents=None,
                    open_cents=-amount,
                    corrects_id=invoice.id,
                    # Worded like the accounting's own credit notes; the dispute keeps
                    # the link (disputes.credit_note_id).
                    label=f"Avoir sur {invoice.number}",
                    created_at=now,
                    updated_at=now,
                )
                session.add(credit_note)
                session.flush()
                dispute.credit_note_id = credit_note.id
                text += f" n° {number}, {format_cents(amount)}"
                audit.record(
                    session,
                    at=now,
                    actor=self._ctx.actor(),
                    action=AuditAction.CREATE,
                    entity="document",
                    entity_id=credit_note.id,
                    summary=f"avoir {number} : {format_cents(amount)} (litige {dispute_id})",
                )
            elif kind is DisputeResolution.REISSUED_INVOICE:
                dispute.reissued_number = resolution.reissued_number.strip()
                text += f" n° {dispute.reissued_number}"
            else:
                assert amount is not None
                dispute.approved_by = resolution.approved_by.strip()
                text += f" de {format_cents(amount)}, accordé par {dispute.approved_by}"
            before = dispute.status
            dispute.status = DisputeStatus.RESOLVED.value
            dispute.resolution = kind.value
            dispute.resolution_cents = amount
            dispute.resolution_note = resolution.note.strip()
            dispute.resolved_on = today
            dispute.updated_at = now
            if dispute.resolution_note:
                text += f". {dispute.resolution_note}"
            self._event(
                session, dispute_id, now, DisputeStatus(before), DisputeStatus.RESOLVED, text
            )
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dispute",
                entity_id=dispute_id,
                summary=text,
                changes={"status": (before, DisputeStatus.RESOLVED.value)},
            )

    def reject(self, dispute_id: int, reason: str) -> None:
        """Close an open dispute as REJECTED (resolution "rejected"), dated today, with
        its reason (required: ValidationError "reason"): the disputed amounts go back into
        the reminder cycle at the level the customer had reached. DisputeError
        "already_closed" on a closed dispute. Audited, a history event."""
        reason = reason.strip()
        if not reason:
            raise ValidationError([FieldError("reason", ErrorCode.REQUIRED)])
        today = self._ctx.clock.today()
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            dispute = self._active(session, dispute_id)
            before = dispute.status
            dispute.status = DisputeStatus.REJECTED.value
            dispute.resolution = DisputeResolution.REJECTED.value
            dispute.resolution_cents = None
            dispute.resolution_note = reason
            dispute.resolved_on = today
            dispute.updated_at = now
            self._event(
                session,
                dispute_id,
                now,
                DisputeStatus(before),
                DisputeStatus.REJECTED,
                reason,
            )
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="dispute",
                entity_id=dispute_id,
                summary=f"litige rejeté : {reason}",
                changes={"status": (before, DisputeStatus.REJECTED.value)},
            )

    # --- documents ----------------------------------------------------------------------

    def write_sheet(self, dispute_id: int, path: Path) -> Path:
        """Write the dispute sheet (PDF, one or two pages, for a meeting) to `path`:
        letterhead, customer, invoices and disputed amounts, category, department,
        owner, dates, history and notes, resolution. NotFoundError if unknown. Reads
        only; returns `path`."""
        detail = self.get(dispute_id)
        with self._ctx.database.read() as session:
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            customer = session.get(Customer, detail.row.customer_id)
            assert customer is not None  # foreign key
            data = SheetData(
                company=letterhead_of(company),
                customer=recipient_of(customer, company),
                detail=_sheet_detail(detail),
                printed_on=self._ctx.clock.today(),
            )
        return render_dispute_sheet(data, Path(path))

    def export_xlsx(self, flt: DisputeFilter | None, path: Path) -> Path:
        """Write the disputes that pass `flt` to an Excel workbook (one row per dispute,
        amounts in euros, a totals row; what users typed never read as a formula).
        Returns `path`."""
        rows = self.list(flt)
        with self._ctx.database.read() as session:
            company = session.scalar(
                select(CompanySettings.legal_name).order_by(CompanySettings.id).limit(1)
            )
        write_disputes_xlsx(
            [_sheet_row(row) for row in rows],
            Path(path),
            as_of=self._ctx.clock.today(),
            company_name=company or "",
            created=self._ctx.clock.now(),
        )
        return Path(path)

    # --- internals ----------------------------------------------------------------------

    def _dispute(self, session: Session, dispute_id: int) -> Dispute:
        dispute = session.get(Dispute, dispute_id)
        if dispute is None:
            raise NotFoundError("dispute", dispute_id)
        return dispute

    def _active(self, session: Session, dispute_id: int) -> Dispute:
        dispute = self._dispute(session, dispute_id)
        if dispute.status not in _ACTIVE:
            raise DisputeError("already_closed", dispute_id)
        return dispute

    def _check_draft(
        self, session: Session, draft: DisputeDraft, today: date, dispute_id: int | None
    ) -> None:
        disputable = _disputable(session, draft.customer_id, dispute_id)
        errors = draft_errors(draft, today, disputable)
        if draft.owner_id is not None and session.get(User, draft.owner_id) is None:
            errors.append(FieldError("owner_id", ErrorCode.NOT_FOUND))
        if errors:
            raise ValidationError(errors)

    def _event(
        self,
        session: Session,
        dispute_id: int,
        at: datetime,
        from_status: DisputeStatus | None,
        to_status: DisputeStatus | None,
        text: str,
    ) -> None:
        session.add(
            DisputeEvent(
                dispute_id=dispute_id,
                at=at,
                author=self._ctx.actor(),
                from_status=from_status.value if from_status else None,
                to_status=to_status.value if to_status else None,
                text=text,
            )
        )

    def _add_task(
        self,
        session: Session,
        dispute: Dispute,
        customer: Customer,
        draft: DisputeDraft,
        numbers: list[str],
        today: date,
        now: datetime,
    ) -> None:
        due_on = today + timedelta(days=TASK_DAYS)
        if draft.expected_answer_on is not None and today <= draft.expected_answer_on < due_on:
            due_on = draft.expected_answer_on
        instructions = "\n".join(
            [
                f"Litige n° {dispute.id} : {format_cents(draft.disputed_cents)} contestés "
                f"sur {', '.join(numbers)}.",
                f"Motif : {draft.description.strip()}",
                "",
                *(f"- {question}" for question in QUESTIONS),
            ]
        )
        task = Task(
            kind=TaskKind.DISPUTE_QUESTIONS.value,
            status=TaskStatus.OPEN.value,
            customer_id=customer.id,
            assignee_id=customer.salesperson_id,
            dispute_id=dispute.id,
            title=f"Litige {customer.legal_name}"[:200],
            instructions=instructions,
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

    @staticmethod
    def _invoice_to_correct(session: Session, dispute_id: int) -> Document:
        documents = session.scalars(
            select(Document)
            .join(DisputeItem, DisputeItem.document_id == Document.id)
            .where(DisputeItem.dispute_id == dispute_id)
            .order_by(DisputeItem.id)
        ).all()
        for document in documents:
            if document.settled_on is None and document.open_cents > 0:
                return document
        raise DisputeError("settled_invoice", dispute_id)

    def _filtered(self, session: Session, flt: DisputeFilter) -> list[DisputeRow]:
        query = select(Dispute)
        if flt.statuses:
            query = query.where(Dispute.status.in_([s.value for s in flt.statuses]))
        if flt.open_only:
            query = query.where(Dispute.status.in_(_ACTIVE))
        if flt.category is not None:
            query = query.where(Dispute.category == flt.category.value)
        if flt.department is not None:
            query = query.where(Dispute.department == flt.department.value)
        if flt.owner_id is not None:
            query = query.where(Dispute.owner_id == flt.owner_id)
        if flt.customer_id is not None:
            query = query.where(Dispute.customer_id == flt.customer_id)
        if flt.min_days_open is not None:
            # A dispute open N days was reported N days ago at least; closed ones are
            # checked against their closing date below.
            latest = self._ctx.clock.today() - timedelta(days=flt.min_days_open)
            query = query.where(Dispute.reported_on <= latest)
        query = query.order_by(Dispute.reported_on.desc(), Dispute.id.desc())
        rows = self._rows(session, query)
        if flt.min_days_open is not None:
            rows = [r for r in rows if r.days_open >= flt.min_days_open]
        return rows

    def _rows(self, session: Session, query: Select[Any]) -> list[DisputeRow]:
        today = self._ctx.clock.today()
        disputes = session.scalars(query).all()
        if not disputes:
            return []
        ids = [d.id for d in disputes]
        customer_names = dict(
            session.execute(
                select(Customer.id, Customer.legal_name).where(
                    Customer.id.in_({d.customer_id for d in disputes})
                )
            ).all()
        )
        owner_ids = {d.owner_id for d in disputes if d.owner_id is not None}
        owner_names = (
            dict(session.execute(select(User.id, User.name).where(User.id.in_(owner_ids))).all())
            if owner_ids
            else {}
        )
        amounts: dict[int, int] = defaultdict(int)
        numbers: dict[int, list[str]] = defaultdict(list)
        for dispute_id, number, cents in session.execute(
            select(DisputeItem.dispute_id, Document.number, DisputeItem.disputed_cents)
            .join(Document, Document.id == DisputeItem.document_id)
            .where(DisputeItem.dispute_id.in_(ids))
            .order_by(DisputeItem.dispute_id, Document.due_on, Document.number)
        ).all():
            amounts[dispute_id] += cents
            numbers[dispute_id].append(number)
        rows = []
        for d in disputes:
            status = DisputeStatus(d.status)
            active = status in ACTIVE_STATUSES
            rows.append(
                DisputeRow(
                    id=d.id,
                    customer_id=d.customer_id,
                    customer_name=customer_names.get(d.customer_id, ""),
                    category=DisputeCategory(d.category),
                    status=status,
                    department=Department(d.department),
                    owner_id=d.owner_id,
                    owner_name=owner_names.get(d.owner_id, "") if d.owner_id else "",
                    reported_on=d.reported_on,
                    expected_answer_on=d.expected_answer_on,
                    disputed_cents=amounts[d.id],
                    days_open=days_open(d.reported_on, None if active else d.resolved_on, today),
                    answer_overdue=active
                    and d.expected_answer_on is not None
                    and d.expected_answer_on < today,
                    invoice_numbers=", ".join(numbers[d.id]),
                )
            )
        return rows


_RESOLUTION_TEXT = {
    DisputeResolution.CREDIT_NOTE: "Avoir",
    DisputeResolution.REISSUED_INVOICE: "Facture réémise",
    DisputeResolution.COMMERCIAL_GESTURE: "Geste commercial",
    DisputeResolution.REJECTED: "Rejeté",
}


def _sheet_row(row: DisputeRow) -> SheetRow:
    return SheetRow(
        id=row.id,
        customer_name=row.customer_name,
        invoice_numbers=row.invoice_numbers,
        category=row.category,
        status=row.status,
        department=row.department,
        owner_name=row.owner_name,
        reported_on=row.reported_on,
        expected_answer_on=row.expected_answer_on,
        disputed_cents=row.disputed_cents,
        days_open=row.days_open,
        answer_overdue=row.answer_overdue,
    )


def _sheet_detail(detail: DisputeDetail) -> SheetDetail:
    return SheetDetail(
        row=_sheet_row(detail.row),
        description=detail.description,
        reported_by=detail.reported_by,
        lines=tuple(
            SheetLine(
                number=line.number,
                issued_on=line.issued_on,
                due_on=line.due_on,
                total_cents=line.total_cents,
                open_cents=line.open_cents,
                disputed_cents=line.disputed_cents,
            )
            for line in detail.lines
        ),
        events=tuple(
            SheetEvent(e.at, e.author, e.from_status, e.to_status, e.text) for e in detail.events
        ),
        attachments=tuple(a.file_name for a in detail.attachments),
        resolution=detail.resolution,
        resolution_cents=detail.resolution_cents,
        resolution_note=detail.resolution_note,
        resolved_on=detail.resolved_on,
        approved_by=detail.approved_by,
        credit_note_number=detail.credit_note_number,
        reissued_number=detail.reissued_number,
    )


def open_disputed_cents(session: Session, document_ids: list[int]) -> dict[int, int]:
    """What disputes neither resolved nor rejected contest on each document."""
    rows = session.execute(
        select(DisputeItem.document_id, func.sum(DisputeItem.disputed_cents))
        .join(Dispute, Dispute.id == DisputeItem.dispute_id)
        .where(Dispute.status.in_(_ACTIVE), DisputeItem.document_id.in_(document_ids))
        .group_by(DisputeItem.document_id)
    ).all()
    return {doc_id: int(cents or 0) for doc_id, cents in rows}


def _disputable(session: Session, customer_id: int, dispute_id: int | None) -> dict[int, int]:
    """Each open invoice of the customer → what may still be disputed on it: what
    remains due minus what the other open disputes already contest."""
    invoices = dict(
        session.execute(
            select(Document.id, Document.open_cents).where(
                Document.customer_id == customer_id,
                Document.kind.in_(_OWED_KINDS),
                Document.settled_on.is_(None),
                Document.open_cents > 0,
            )
        ).all()
    )
    if not invoices:
        return {}
    others = select(DisputeItem.document_id, func.sum(DisputeItem.disputed_cents)).join(
        Dispute, Dispute.id == DisputeItem.dispute_id
    )
    others = others.where(Dispute.status.in_(_ACTIVE), DisputeItem.document_id.in_(invoices))
    if dispute_id is not None:
        others = others.where(Dispute.id != dispute_id)
    taken = dict(session.execute(others.group_by(DisputeItem.document_id)).all())
    return {
        doc_id: max(open_cents - int(taken.get(doc_id) or 0), 0)
        for doc_id, open_cents in invoices.items()
    }


def _disputed_total(session: Session, dispute_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(DisputeItem.disputed_cents), 0)).where(
                DisputeItem.dispute_id == dispute_id
            )
        )
        or 0
    )


def _numbers(session: Session, document_ids: list[int]) -> list[str]:
    by_id = dict(
        session.execute(
            select(Document.id, Document.number).where(Document.id.in_(document_ids))
        ).all()
    )
    return [by_id[doc_id] for doc_id in document_ids if doc_id in by_id]


def _fill(dispute: Dispute, draft: DisputeDraft) -> None:
    dispute.category = draft.category.value
    dispute.description = draft.description.strip()
    dispute.reported_by = draft.reported_by.strip()
    dispute.reported_on = draft.reported_on
    dispute.department = draft.department.value
    dispute.owner_id = draft.owner_id
    dispute.expected_answer_on = draft.expected_answer_on


def _snapshot(session: Session, dispute: Dispute) -> dict[str, object]:
    lines = session.execute(
        select(DisputeItem.document_id, DisputeItem.disputed_cents)
        .where(DisputeItem.dispute_id == dispute.id)
        .order_by(DisputeItem.document_id)
    ).all()
    return {
        "category": dispute.category,
        "description": dispute.description,
        "reported_by": dispute.reported_by,
        "reported_on": dispute.reported_on.isoformat(),
        "department": dispute.department,
        "owner_id": dispute.owner_id,
        "expected_answer_on": (
            dispute.expected_answer_on.isoformat() if dispute.expected_answer_on else None
        ),
        "lines": ";".join(f"{doc}:{cents}" for doc, cents in lines),
        "disputed_cents": sum(cents for _, cents in lines),
    }


def _unique_target(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = target.stem, target.suffix
    counter = 2
    while target.exists():
        # The stem is shortened if need be: " (2)" must not push a name already at the
        # file system's limit over it.
        tail = f" ({counter}){suffix}"
        room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
        target = folder / (safe_file_stem(stem, len(stem), max_bytes=room) + tail)
        counter += 1
    return target


def _group(rows: list[DisputeRow], key: Any) -> tuple[SummaryLine, ...]:
    counts: dict[str, int] = defaultdict(int)
    amounts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[key(row)] += 1
        amounts[key(row)] += row.disputed_cents
    lines = [SummaryLine(k, counts[k], amounts[k]) for k in counts]
    lines.sort(key=lambda line: (-line.disputed_cents, -line.count, line.key))
    return tuple(lines)
