"""Reminder letters, formal notices and reminder e-mails, written from editable templates.

Templates: one per key (courtesy, friendly, firm, last reminder, formal notice) and
language (fr, en), each a subject and a body in sandboxed Jinja2
(`documents.templating`). The shipped defaults are text files in resources/templates
(see the README there for the variables); a user's version is a `letter_templates`
row that replaces the default of the same key and language until it is reset. A
template is checked before it is saved: a syntax error, an unknown variable or a reach
outside the sandbox is refused with its line, and the previous version stays.

The day's letters (`batch`) are the open letter and formal-notice actions planned on
or before the date (the same selection as `ReminderService.due`), one letter per
customer: when a customer has both, the highest level writes and both actions are
marked done with it. A customer without a postal address gets no letter but an item
"cannot print: no address". E-mail actions give `.eml` files (`write_emails`) with the
letter attached as a PDF, for the user's mail program to send.

Which template a level uses: its `template_key` when set, else one chosen from its
channel and tone (formal notice; courteous → courtesy; friendly; firm with a deadline →
last reminder; firm).

Penalties and the 40 € indemnity come from `PenaltyService`, counted on the invoices
of the letter only: penalties when the level claims them, the indemnity when the level
claims it and the customer is not a consumer.
"""

from __future__ import annotations

import re
import site
import sys
import sysconfig
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from desktop.documents.letter import LetterData, LetterLine, invoice_text, render_letters
from desktop.documents.letter_layout import (
    Letterhead,
    Recipient,
    english_long_date,
    french_long_date,
    one_line,
)
from desktop.documents.templating import (
    INVOICE_TABLE,
    TemplateProblemError,
    paragraphs,
    render_template,
)
from desktop.domain.enums import (
    ActionStatus,
    AuditAction,
    Channel,
    Country,
    DocumentKind,
    Tone,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.money import format_cents
from desktop.domain.text import safe_file_stem
from desktop.persistence import audit
from desktop.persistence.models import (
    CompanySettings,
    Customer,
    Document,
    DunningLevel,
    LetterTemplate,
    ReminderAction,
)
from desktop.services.context import ServiceContext
from desktop.services.penalties import PenaltyService
from desktop.services.reminders import ActionClosedError, ReminderRow, ReminderService
from desktop.services.statements import late_payment_mentions, letterhead_of, recipient_of

__all__ = [
    "LANGUAGES",
    "TEMPLATE_KEYS",
    "BatchLetter",
    "EmailBatch",
    "LetterBatch",
    "LetterService",
    "TemplateText",
    "Unprintable",
    "WrittenEmail",
    "templates_dir",
]

TEMPLATE_KEYS: tuple[str, ...] = ("courtesy", "friendly", "firm", "last_reminder", "formal_notice")
LANGUAGES: tuple[str, ...] = ("fr", "en")
FORMAL_NOTICE_DEFAULT_DAYS = 8  # when the level sets no deadline (the brief: 8 or 15 days)
_SEPARATOR = "\n---\n"  # between the subject and the body in a template file
_OPEN = (ActionStatus.PENDING.value, ActionStatus.POSTPONED.value)
_WRITTEN = (Channel.LETTER, Channel.FORMAL_NOTICE)

# Reasons a customer gets no letter or e-mail (the UI and the CLI word them).
NO_ADDRESS = "no_address"
NO_EMAIL = "no_email"

_FORMAL_NOTICE_MENTION = {
    "fr": "La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil ; "
    "elle fait courir les intérêts moratoires (article 1344-1 du Code civil). À défaut de "
    "règlement dans le délai indiqué, une action en justice sera engagée sans autre avis.",
    "en": "This letter is a formal notice within the meaning of article 1344 of the French "
    "Civil Code; default interest runs from its date (article 1344-1 of the Civil Code). "
    "Failing payment within the time given, legal action will be taken without further "
    "notice.",
}


# --- Template files --------------------------------------------------------------------------


def templates_dir() -> Path:
    """Where the default templates are: next to the sources (a checkout or an editable
    install), in a PyInstaller bundle, or under <prefix>/share/encaisse (a wheel)."""
    candidates = []
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        candidates.append(Path(bundled) / "resources" / "templates")
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / "templates")
    candidates.append(Path(sysconfig.get_path("data")) / "share" / "encaisse" / "templates")
    candidates.append(Path(site.USER_BASE or "") / "share" / "encaisse" / "templates")
    for folder in candidates:
        if (folder / "friendly.fr.txt").is_file():
            return folder
    return candidates[0]


@dataclass(frozen=True)
class TemplateText:
    key: str
    language: str
    subject: str
    body: str
    is_default: bool  # True: the shipped text; False: the user's version


@lru_cache(maxsize=32)
def _default_template(key: str, language: str) -> TemplateText:
    text = (templates_dir() / f"{key}.{language}.txt").read_text(encoding="utf-8")
    subject, _, body = text.replace("\r\n", "\n").partition(_SEPARATOR)
    return TemplateText(key, language, subject.strip(), body.strip() + "\n", True)


def _check_key(key: str, language: str) -> None:
    if key not in TEMPLATE_KEYS:
        raise NotFoundError("letter_template", key)
    if language not in LANGUAGES:
        raise NotFoundError("letter_template", f"{key}.{language}")


def template_key_for(channel: Channel, tone: Tone, deadline_days: int | None, key: str) -> str:
    """The template a level writes with (see the module docstring)."""
    if key in TEMPLATE_KEYS:
        return key
    if channel is Channel.FORMAL_NOTICE or tone is Tone.FORMAL:
        return "formal_notice"
    if tone is Tone.COURTEOUS:
        return "courtesy"
    if tone is Tone.FRIENDLY:
        return "friendly"
    return "last_reminder" if deadline_days else "firm"


# --- Results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchLetter:
    """One customer's letter of the day and the actions it settles once sent."""

    customer_id: int
    customer_name: str
    level_name: str
    channel: Channel  # LETTER or FORMAL_NOTICE (the highest of the customer's actions)
    action_ids: tuple[int, ...]
    letter: LetterData

    @property
    def total_cents(self) -> int:
        return self.letter.total_cents


@dataclass(frozen=True)
class Unprintable:
    """A customer whose letter or e-mail cannot be produced, and why (NO_ADDRESS,
    NO_EMAIL); its actions stay open."""

    customer_id: int
    customer_name: str
    reason: str
    action_ids: tuple[int, ...]


@dataclass(frozen=True)
class LetterBatch:
    as_of: date
    letters: tuple[BatchLetter, ...]  # by customer name
    cannot_print: tuple[Unprintable, ...]

    @property
    def action_ids(self) -> tuple[int, ...]:
        """The actions the printed letters settle."""
        return tuple(i for letter in self.letters for i in letter.action_ids)


@dataclass(frozen=True)
class WrittenEmail:
    customer_id: int
    customer_name: str
    to: str
    path: Path
    action_ids: tuple[int, ...]


@dataclass(frozen=True)
class EmailBatch:
    as_of: date
    written: tuple[WrittenEmail, ...]
    cannot_send: tuple[Unprintable, ...]

    @property
    def action_ids(self) -> tuple[int, ...]:
        return tuple(i for email in self.written for i in email.action_ids)


@dataclass(frozen=True)
class _Level:
    id: int
    rank: int
    name: str
    channel: Channel
    tone: Tone
    claims_penalties: bool
    claims_indemnity: bool
    deadline_days: int | None
    template_key: str


# --- The service ---------------------------------------------------------------------------


class LetterService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._reminders = ReminderService(ctx)
        self._penalties = PenaltyService(ctx)

    # --- templates -------------------------------------------------------------------------

    def template_keys(self) -> tuple[str, ...]:
        """Every template key, in the order of a reminder ladder."""
        return TEMPLATE_KEYS

    def template(self, key: str, language: str) -> TemplateText:
        """The template in use for `key` and `language`: the user's version when there is
        one, else the shipped default. Raises NotFoundError for an unknown key or language."""
        _check_key(key, language)
        with self._ctx.database.read() as session:
            row = self._template_row(session, key, language)
            if row is not None:
                return TemplateText(key, language, row.subject, row.body, False)
        return _default_template(key, language)

    def save_template(self, key: str, language: str, subject: str, body: str) -> None:
        """Save the user's version of a template, after checking that subject and body
        compile and render on sample values. A broken one raises TemplateProblemError
        (field "subject" or "body", the line and a French message) and the previous
        version stays as it was. Audited."""
        _check_key(key, language)
        values = sample_values(language)
        for field, text in (("subject", subject), ("body", body)):
            render_template(text, values, field)  # raises TemplateProblemError
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = self._template_row(session, key, language)
            action = AuditAction.UPDATE
            before = {} if row is None else {"subject": row.subject, "body": row.body}
            if row is None:
                action = AuditAction.CREATE
                row = LetterTemplate(key=key, language=language, created_at=now)
                session.add(row)
            row.subject = subject
            row.body = body
            row.updated_at = now
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=action,
                entity="letter_template",
                entity_id=row.id,
                summary=f"{key}.{language}",
                changes=audit.diff(before, {"subject": subject, "body": body}),
            )

    def reset_template(self, key: str, language: str) -> None:
        """Drop the user's version: the shipped default is used again. Audited; nothing
        happens when the template was not changed."""
        _check_key(key, language)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = self._template_row(session, key, language)
            if row is None:
                return
            row_id = row.id
            removed = {"subject": (row.subject, None), "body": (row.body, None)}
            session.execute(delete(LetterTemplate).where(LetterTemplate.id == row_id))
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.DELETE,
                entity="letter_template",
                entity_id=row_id,
                summary=f"{key}.{language}",
                changes=removed,
            )

    @staticmethod
    def _template_row(session: Session, key: str, language: str) -> LetterTemplate | None:
        return session.scalars(
            select(LetterTemplate).where(
                LetterTemplate.key == key, LetterTemplate.language == language
            )
        ).first()

    def preview(
        self,
        key: str,
        language: str,
        path: Path,
        subject: str | None = None,
        body: str | None = None,
    ) -> Path:
        """Write a one-letter PDF of the template (or of the `subject`/`body` being
        edited) filled with sample values, under the file's own letterhead. Raises
        TemplateProblemError when the text is broken."""
        _check_key(key, language)
        current = self.template(key, language)
        subject = current.subject if subject is None else subject
        body = current.body if body is None else body
        with self._ctx.database.read() as session:
            letterhead = letterhead_of(_company(session))
        letter = sample_letter(key, language, letterhead, self._ctx.clock.today())
        values = template_values(letter, key, "Niveau", None)
        letter = replace(
            letter,
            subject=one_line(render_template(subject, values, "subject")),
            paragraphs=tuple(paragraphs(render_template(body, values, "body"))),
        )
        render_letters([letter], path, title=letter.subject)
        return path

    # --- the day's letters -----------------------------------------------------------------

    def batch(self, as_of: date) -> LetterBatch:
        """The letters to print on `as_of`: one per customer with an open letter or
        formal-notice action planned on or before that day (pending, or postponed to a
        day that has come), and the customers that cannot get one (no postal address).
        Reads only; call `ReminderService.refresh` first to add the day's actions."""
        rows = [r for r in self._reminders.due(as_of) if r.channel in _WRITTEN]
        letters, missing = self._letters(rows, as_of, need_address=True)
        return LetterBatch(
            as_of,
            tuple(letter for letter, _ in letters),
            tuple(missing),
        )

    def render_batch(
        self,
        batch: LetterBatch,
        path: Path,
        progress: Callable[[float], None] | None = None,
    ) -> int:
        """Write every letter of `batch` into one PDF at `path`; returns the page count.
        `progress(fraction)` is called as letters are drawn."""
        total = max(1, len(batch.letters))
        title = f"Relances du {batch.as_of.strftime('%d/%m/%Y')}"
        return render_letters(
            [letter.letter for letter in batch.letters],
            path,
            title=title,
            progress=(lambda n: progress(n / total)) if progress else None,
        )

    def mark_batch_done(self, action_ids: Iterable[int], done_on: date) -> int:
        """Mark these actions done on `done_on`, all or nothing in one transaction (a
        letter printed settles its actions once the user confirms). Returns how many.
        Raises NotFoundError or ActionClosedError, and then nothing changes."""
        ids = sorted(set(action_ids))
        now = self._ctx.clock.now()
        actor = self._ctx.actor()
        with self._ctx.database.transaction() as session:
            for action_id in ids:
                action = session.get(ReminderAction, action_id)
                if action is None:
                    raise NotFoundError("reminder_action", action_id)
                if action.status not in _OPEN:
                    raise ActionClosedError(action_id, ActionStatus(action.status))
                before = action.status
                action.status = ActionStatus.DONE.value
                action.done_on = done_on
                action.updated_at = now
                audit.record(
                    session,
                    at=now,
                    actor=actor,
                    action=AuditAction.UPDATE,
                    entity="reminder_action",
                    entity_id=action_id,
                    summary="fait (courrier imprimé)",
                    changes={
                        "status": (before, ActionStatus.DONE.value),
                        "done_on": (None, done_on.isoformat()),
                    },
                )
        return len(ids)

    # --- e-mails ---------------------------------------------------------------------------

    def write_emails(self, as_of: date, folder: Path) -> EmailBatch:
        """One `.eml` file per customer with an open e-mail action on `as_of`, in
        `folder` (created if needed): To the contact who receives reminders (else the
        customer's address), the subject and text from the template, the letter attached
        as a PDF. A customer without an e-mail address is listed in `cannot_send`.
        Writes no data: mark the actions done with `mark_batch_done` once sent."""
        rows = [r for r in self._reminders.due(as_of) if r.channel is Channel.EMAIL]
        letters, missing = self._letters(rows, as_of, need_address=False)
        folder.mkdir(parents=True, exist_ok=True)
        with self._ctx.database.read() as session:
            company = _company(session)
            sender = _address(company.legal_name, company.email) if company else None
        written: list[WrittenEmail] = []
        for index, (batch_letter, to) in enumerate(letters, start=1):
            recipient = _address(*to) if to else None
            if recipient is None:
                missing.append(
                    Unprintable(
                        batch_letter.customer_id,
                        batch_letter.customer_name,
                        NO_EMAIL,
                        batch_letter.action_ids,
                    )
                )
                continue
            message = self._email(batch_letter.letter, recipient, sender)
            path = folder / f"{index:03d}-{safe_file_stem(batch_letter.customer_name, 60)}.eml"
            path.write_bytes(bytes(message))
            written.append(
                WrittenEmail(
                    batch_letter.customer_id,
                    batch_letter.customer_name,
                    str(recipient),
                    path,
                    batch_letter.action_ids,
                )
            )
        return EmailBatch(as_of, tuple(written), tuple(missing))

    def _email(self, letter: LetterData, to: Address, sender: Address | None) -> EmailMessage:
        labels = letter.labels
        message = EmailMessage()  # policy default: headers are folded and encoded safely
        message["Subject"] = one_line(letter.subject)
        message["To"] = to
        if sender is not None:
            message["From"] = sender
        message["Date"] = format_datetime(self._ctx.clock.now().astimezone())
        message["Message-ID"] = make_msgid(domain="encaisse.invalid")
        message["X-Unsent"] = "1"  # mail programs open it as a draft to send
        facts = invoice_text(letter)
        parts = []
        for paragraph in letter.paragraphs:
            if INVOICE_TABLE in paragraph:
                before, _, after = paragraph.partition(INVOICE_TABLE)
                parts += [p for p in (before.strip(), facts, after.strip()) if p]
                facts = ""
            else:
                parts.append(paragraph)
        # As on paper: the facts if the template forgot the table, then "ignore this if
        # you have already paid", before the closing formula.
        closing = parts[-1:] if len(parts) > 1 else []
        parts = parts[: len(parts) - len(closing)]
        parts += [p for p in (facts, labels["ignore"]) if p] + closing
        parts.append("\n".join(n for n in (letter.signer, letter.company.name) if n))
        parts += list(letter.mentions)
        message.set_content("\n\n".join(parts) + "\n")
        pdf = BytesIO()
        render_letters([letter], pdf, title=letter.subject)
        parts = (safe_file_stem(letter.subject, 40), safe_file_stem(letter.recipient.name, 40))
        name = " - ".join(parts) + ".pdf"
        message.add_attachment(pdf.getvalue(), maintype="application", subtype="pdf", filename=name)
        return message

    # --- building the letters ----------------------------------------------------------------

    def _letters(
        self, rows: Sequence[ReminderRow], as_of: date, *, need_address: bool
    ) -> tuple[list[tuple[BatchLetter, tuple[str, str] | None]], list[Unprintable]]:
        """(letter, e-mail recipient (name, address) or None) per customer, and the
        customers that cannot be printed."""
        by_customer: dict[int, list[ReminderRow]] = {}
        for row in rows:
            by_customer.setdefault(row.customer_id, []).append(row)
        if not by_customer:
            return [], []
        with self._ctx.database.read() as session:
            company = _company(session)
            letterhead = letterhead_of(company)
            # The company's signatory signs its letters; the person at the keyboard only
            # when none is set in Paramètres.
            signer = (company.signatory_name if company else "") or self._ctx.actor()
            customers = {
                c.id: c
                for c in session.scalars(
                    select(Customer)
                    .where(Customer.id.in_(list(by_customer)))
                    .options(selectinload(Customer.contacts))
                )
            }
            sort_keys = {c.id: c.sort_name or c.legal_name.casefold() for c in customers.values()}
            level_ids = {r.level_id for r in rows if r.level_id is not None}
            levels = {
                lv.id: _Level(
                    lv.id,
                    lv.rank,
                    lv.name,
                    Channel(lv.channel),
                    Tone(lv.tone),
                    lv.claims_penalties,
                    lv.claims_indemnity,
                    lv.deadline_days,
                    lv.template_key,
                )
                for lv in session.scalars(
                    select(DunningLevel).where(DunningLevel.id.in_(list(level_ids)))
                )
            }
            doc_ids = {item.document_id for r in rows for item in r.items}
            documents = {
                d.id: d
                for d in session.scalars(select(Document).where(Document.id.in_(list(doc_ids))))
            }
            user_templates = {
                (t.key, t.language): t for t in session.scalars(select(LetterTemplate))
            }
            claiming = [
                cid
                for cid, group in by_customer.items()
                if any(
                    (lv := levels.get(r.level_id or -1)) is not None
                    and (lv.claims_penalties or lv.claims_indemnity)
                    for r in group
                )
            ]
            penalties = self._penalties.for_customers(claiming, as_of) if claiming else {}
            mentions_cache: dict[tuple[str, bool], tuple[str, str]] = {}

            def mentions_of(c: Customer) -> tuple[str, str]:
                country = _country(c.country)
                key = (country.value, bool(c.is_consumer))
                if key not in mentions_cache:
                    mentions_cache[key] = late_payment_mentions(
                        session, country, bool(c.is_consumer), as_of
                    )
                return mentions_cache[key]

            out: list[tuple[BatchLetter, tuple[str, str] | None]] = []
            missing: list[Unprintable] = []
            for customer_id, group in by_customer.items():
                c = customers[customer_id]
                action_ids = tuple(sorted(r.id for r in group))
                if need_address and not _has_postal_address(c):
                    missing.append(Unprintable(c.id, c.legal_name, NO_ADDRESS, action_ids))
                    continue
                main = max(group, key=lambda r: _rank(levels.get(r.level_id or -1), r))
                level = levels.get(main.level_id or -1)
                letter = self._letter(
                    c,
                    group,
                    main,
                    level,
                    letterhead,
                    company,
                    documents,
                    penalties.get(customer_id),
                    mentions_of(c),
                    user_templates,
                    signer,
                    as_of,
                )
                out.append(
                    (
                        BatchLetter(
                            c.id,
                            c.legal_name,
                            main.level_name,
                            main.channel,
                            action_ids,
                            letter,
                        ),
                        _email_recipient(c),
                    )
                )

        # By name, accents and case ignored (the customers' folded sort name), as the list.
        def order(customer_id: int) -> tuple[str, int]:
            return (sort_keys[customer_id], customer_id)

        out.sort(key=lambda pair: order(pair[0].customer_id))
        missing.sort(key=lambda u: order(u.customer_id))
        return out, missing

    def _letter(
        self,
        c: Customer,
        group: list[ReminderRow],
        main: ReminderRow,
        level: _Level | None,
        letterhead: Letterhead,
        company: CompanySettings | None,
        documents: dict[int, Document],
        penalties: Any,
        mentions: tuple[str, str],
        user_templates: dict[tuple[str, str], LetterTemplate],
        signer: str,
        as_of: date,
    ) -> LetterData:
        language = c.language if c.language in LANGUAGES else "fr"
        formal = main.channel is Channel.FORMAL_NOTICE or (
            level is not None and level.tone is Tone.FORMAL
        )
        # The items of every action of the customer, each document once.
        amounts: dict[int, int] = {}
        for row in group:
            for item in row.items:
                amounts.setdefault(item.document_id, item.amount_cents)
        lines: list[LetterLine] = []
        disputed = 0
        for doc_id, amount in amounts.items():
            d = documents.get(doc_id)
            if d is None:
                continue
            credit = DocumentKind(d.kind).sign < 0
            late = (as_of - d.due_on).days
            lines.append(
                LetterLine(
                    number=d.number,
                    issued_on=d.issued_on,
                    due_on=d.due_on,
                    total_cents=d.total_cents,
                    paid_cents=d.total_cents - d.open_cents,
                    remaining_cents=amount,
                    days_late=late if late > 0 and amount > 0 and not credit else None,
                    is_credit=credit,
                )
            )
            if not credit and d.open_cents > amount:
                disputed += d.open_cents - amount
        lines.sort(key=lambda line: (line.is_credit, line.due_on, line.number))
        principal = sum(line.remaining_cents for line in lines)

        penalty_cents = indemnity_cents = indemnity_count = 0
        if penalties is not None and level is not None:
            claimed = [i for i in penalties.invoices if i.document_id in amounts]
            if level.claims_penalties:
                penalty_cents = sum(i.penalty_cents for i in claimed)
            if level.claims_indemnity and not c.is_consumer:
                indemnity_cents = sum(i.indemnity_cents for i in claimed)
                indemnity_count = sum(1 for i in claimed if i.indemnity_cents)

        deadline_days = level.deadline_days if level is not None else None
        if formal and not deadline_days:
            deadline_days = FORMAL_NOTICE_DEFAULT_DAYS
        deadline = as_of + timedelta(days=deadline_days) if deadline_days else None

        notes: list[str] = []
        penalty_mention, indemnity_mention = mentions
        claims = level is not None and (level.claims_penalties or level.claims_indemnity)
        if claims or formal:
            notes.append(penalty_mention)
            if indemnity_mention and not c.is_consumer:
                notes.append(indemnity_mention)
        if formal:
            notes.append(_FORMAL_NOTICE_MENTION[language])

        recipient = recipient_of(c, company)
        attention = _reminder_contact(c)
        if attention:
            prefix = "À l'attention de " if language == "fr" else "For the attention of "
            recipient = replace(
                recipient,
                address_lines=(prefix + attention, *recipient.address_lines),
            )
        letter = LetterData(
            company=letterhead,
            recipient=recipient,
            dated=as_of,
            subject="",
            paragraphs=(),
            lines=tuple(lines),
            principal_cents=principal,
            penalty_cents=penalty_cents,
            indemnity_cents=indemnity_cents,
            indemnity_count=indemnity_count,
            disputed_cents=disputed,
            formal_notice=formal,
            deadline=deadline,
            mentions=tuple(notes),
            signer=signer,
            language=language,
        )
        key = template_key_for(
            main.channel,
            level.tone if level else Tone.FRIENDLY,
            deadline_days,
            level.template_key if level else "",
        )
        values = template_values(letter, key, main.level_name, attention, deadline_days)
        subject, body = _fill(key, language, values, user_templates)
        return replace(letter, subject=subject, paragraphs=tuple(paragraphs(body)))


# --- Template values -------------------------------------------------------------------------


def template_values(
    letter: LetterData,
    key: str,
    level_name: str,
    contact_name: str | None,
    deadline_days: int | None = None,
) -> dict[str, Any]:
    """The variables a template sees (documented in resources/templates/README.md).
    Amounts and dates are already written out in the letter's language."""
    lang = letter.language

    def money(cents: int) -> str:
        return format_cents(cents, lang=lang)

    def long(day: date) -> str:
        return english_long_date(day) if lang == "en" else french_long_date(day)

    company = letter.company
    invoices = [
        {
            "number": line.number,
            "issued_on": line.issued_on.strftime("%d/%m/%Y"),
            "due_on": line.due_on.strftime("%d/%m/%Y"),
            "amount": money(line.total_cents),
            "paid": money(line.paid_cents),
            "remaining": money(line.remaining_cents),
            "days_late": line.days_late or 0,
            "is_credit": line.is_credit,
        }
        for line in letter.lines
    ]
    if deadline_days is None and letter.deadline is not None:
        deadline_days = (letter.deadline - letter.dated).days
    return {
        "customer": {
            "name": one_line(letter.recipient.name),
            "account_code": letter.recipient.account_code,
        },
        "contact_name": one_line(contact_name or ""),
        "company": {
            "name": one_line(company.name),
            "phone": company.phone,
            "email": company.email,
            "iban": company.iban,
            "bic": company.bic,
            "city": company.city,
        },
        "invoices": invoices,
        "invoice_count": sum(1 for line in letter.lines if not line.is_credit),
        "invoice_table": INVOICE_TABLE,
        "principal": money(letter.principal_cents),
        "penalties": money(letter.penalty_cents),
        "indemnity": money(letter.indemnity_cents),
        "total": money(letter.total_cents),
        "claims_penalties": letter.penalty_cents > 0,
        "claims_indemnity": letter.indemnity_cents > 0,
        "deadline_days": deadline_days or 0,
        "deadline_date": long(letter.deadline) if letter.deadline else "",
        "today": long(letter.dated),
        "level": level_name,
        "template": key,
        "max_days_late": max((line.days_late or 0 for line in letter.lines), default=0),
        "signer": letter.signer,
    }


def _fill(
    key: str,
    language: str,
    values: dict[str, Any],
    user_templates: dict[tuple[str, str], LetterTemplate],
) -> tuple[str, str]:
    """(subject, body) rendered; a user's template that fails here (it was checked when
    saved) gives way to the shipped default rather than stopping the whole batch."""
    default = _default_template(key, language)
    row = user_templates.get((key, language))
    if row is not None:
        try:
            return (
                one_line(render_template(row.subject, values, "subject")),
                render_template(row.body, values, "body"),
            )
        except TemplateProblemError:
            pass
    return (
        one_line(render_template(default.subject, values, "subject")),
        render_template(default.body, values, "body"),
    )


_SAMPLE_COMPANY = Letterhead(
    name="Menuiserie Lefèvre & Fils",
    legal_form="SARL",
    address_lines=("4, rue des Artisans", "69007 Lyon"),
    phone="04 78 12 34 56",
    email="compta@menuiserie-lefevre.fr",
    identifiers=("SIREN 732 829 320",),
    iban="FR76 3000 4008 2800 0123 4567 890",
    bic="BNPAFRPPXXX",
    city="Lyon",
)


def sample_letter(key: str, language: str, letterhead: Letterhead, today: date) -> LetterData:
    """A realistic letter for the template editor and for checking templates."""
    company = letterhead if letterhead.name else _SAMPLE_COMPANY
    formal = key == "formal_notice"
    courtesy = key == "courtesy"
    due = today + timedelta(days=7) if courtesy else today - timedelta(days=38)
    lines = (
        LetterLine("FA-2026-0142", due - timedelta(days=30), due, 184_800, 0, 184_800,
                   None if courtesy else (today - due).days),
        LetterLine("FA-2026-0157", due - timedelta(days=22), due + timedelta(days=8), 62_340,
                   20_000, 42_340, None if courtesy else (today - due).days - 8),
    )  # fmt: skip
    claims = key in ("firm", "last_reminder", "formal_notice")
    deadline = {"last_reminder": 8, "formal_notice": 8}.get(key)
    return LetterData(
        company=company,
        recipient=Recipient(
            name="Boulangerie Pâtisserie L'Épi d'Or",
            address_lines=(
                "À l'attention de Claire Dubois",
                "12, rue de l'Église",
                "42000 Saint-Étienne",
            ),
            account_code="411EPI",
        ),
        dated=today,
        subject="",
        paragraphs=(),
        lines=lines,
        principal_cents=227_140,
        penalty_cents=2_890 if claims else 0,
        indemnity_cents=8_000 if claims else 0,
        indemnity_count=2 if claims else 0,
        formal_notice=formal,
        deadline=today + timedelta(days=deadline) if deadline else None,
        mentions=(_FORMAL_NOTICE_MENTION[language],) if formal else (),
        signer="Camille Martin",
        language=language,
    )


@lru_cache(maxsize=4)
def _sample_values_cached(language: str) -> tuple[tuple[str, Any], ...]:
    letter = sample_letter("formal_notice", language, _SAMPLE_COMPANY, date(2026, 3, 16))
    values = template_values(letter, "formal_notice", "Mise en demeure", "Claire Dubois")
    return tuple(values.items())


def sample_values(language: str = "fr") -> dict[str, Any]:
    """Template variables filled with sample values (every variable present)."""
    return dict(_sample_values_cached(language))


# --- Small helpers -----------------------------------------------------------------------------


def _company(session: Session) -> CompanySettings | None:
    return session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()


def _country(value: str | None) -> Country:
    try:
        return Country(value)
    except ValueError:
        return Country.OTHER


def _rank(level: _Level | None, row: ReminderRow) -> tuple[int, int, int]:
    formal = 1 if row.channel is Channel.FORMAL_NOTICE else 0
    return (formal, level.rank if level else -1, row.id)


def _has_postal_address(c: Customer) -> bool:
    street = (c.billing_line1 or "").strip() or (c.billing_line2 or "").strip()
    town = (c.billing_city or "").strip()
    return bool(street and town)


def _reminder_contact(c: Customer) -> str:
    """The name of the contact who receives reminders ("" when none)."""
    for contact in c.contacts:
        if contact.receives_reminders:
            return one_line(f"{contact.first_name} {contact.last_name}".strip())
    return ""


def _email_recipient(c: Customer) -> tuple[str, str] | None:
    """(display name, address) of whom a reminder e-mail goes to, or None."""
    for contact in c.contacts:
        if contact.receives_reminders and contact.email.strip():
            name = f"{contact.first_name} {contact.last_name}".strip() or c.legal_name
            return name, contact.email.strip()
    if c.email.strip():
        return c.legal_name, c.email.strip()
    return None


_EMAIL = re.compile(r"^[^@\s<>\",;]+@[^@\s<>\",;]+\.[^@\s<>\",;]+$")


def _address(name: str, email: str) -> Address | None:
    """A header address; the display name on one line (a line break in a name must not
    start a new header), None for a missing or malformed e-mail address."""
    email = email.strip()
    if not _EMAIL.match(email):
        return None
    try:
        local, domain = email.rsplit("@", 1)
        return Address(display_name=one_line(name), username=local, domain=domain)
    except (ValueError, IndexError):
        return None
