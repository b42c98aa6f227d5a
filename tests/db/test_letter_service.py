"""LetterService on a small French ledger at 16/03/2026: the day's letters, customers
without an address, marking done all or nothing, e-mails with a hostile name, and the
templates (a broken one is refused with its line, the previous version stays)."""

from __future__ import annotations

import email
import email.policy
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from desktop.documents.templating import TemplateProblemError
from desktop.domain.enums import ActionStatus, Channel, DocumentKind
from desktop.persistence.models import AuditEntry, Contact, Customer, Document, ReminderAction
from desktop.services.letters import NO_ADDRESS, NO_EMAIL
from desktop.services.registry import Services
from desktop.services.reminders import ActionClosedError
from tests.db.factories import customer

AS_OF = date(2026, 3, 16)
EVIL = "Dupont & Fils <SARL>\r\nBcc: espion@example.com"


def add_invoice(services: Services, customer_id: int, number: str, due: str, cents: int) -> int:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=DocumentKind.INVOICE.value,
            number=number,
            issued_on=date(2026, 1, 5),
            due_on=date.fromisoformat(due),
            total_cents=cents,
            open_cents=cents,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


def set_fields(services: Services, customer_id: int, **values: object) -> None:
    with services.database.transaction() as session:
        row = session.get(Customer, customer_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def add_contact(services: Services, customer_id: int, first: str, last: str, mail: str) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Contact(
                customer_id=customer_id,
                first_name=first,
                last_name=last,
                email=mail,
                receives_reminders=True,
                created_at=now,
                updated_at=now,
            )
        )


@pytest.fixture
def ledger(services: Services) -> dict[str, int]:
    """Garage Martin & Fils: 9 days late (friendly letter); Épicerie « Chez Léa »: 60 days
    late (formal notice); Transports Sans-Adresse: 9 days late but no street; Atelier
    Dumas: due in 5 days (courtesy e-mail to Claire Dubois); Dupont (hostile name): due in
    5 days; Menuiserie Muette: due in 5 days, no e-mail at all."""
    create = services.customers.create
    ids = {
        "martin": create(customer("Garage Martin & Fils")),
        "lea": create(customer("Épicerie « Chez Léa »")),
        "nowhere": create(customer("Transports Sans-Adresse")),
        "dumas": create(customer("Atelier Dumas")),
        "dupont": create(customer("Dupont provisoire")),
        "mute": create(customer("Menuiserie Muette")),
    }
    add_invoice(services, ids["martin"], "FA-2026-0001", "2026-03-07", 150_000)
    add_invoice(services, ids["lea"], "FA-2026-0002", "2026-01-15", 240_000)
    add_invoice(services, ids["nowhere"], "FA-2026-0003", "2026-03-07", 50_000)
    add_invoice(services, ids["dumas"], "FA-2026-0004", "2026-03-21", 10_000)
    add_invoice(services, ids["dupont"], "FA-2026-0005", "2026-03-21", 20_000)
    add_invoice(services, ids["mute"], "FA-2026-0006", "2026-03-21", 30_000)
    set_fields(services, ids["nowhere"], billing_line1="", billing_line2="")
    set_fields(services, ids["dupont"], legal_name=EVIL, email="compta@dupont.fr")
    add_contact(services, ids["dumas"], "Claire", "Dubois", "claire.dubois@dumas.fr")
    services.reminders.refresh(AS_OF)
    return ids


def pdf_text(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_batch_has_one_letter_per_customer_and_lists_the_unprintable(
    services: Services, ledger: dict[str, int]
) -> None:
    batch = services.letters.batch(AS_OF)
    by_name = {letter.customer_name: letter for letter in batch.letters}
    assert set(by_name) == {"Garage Martin & Fils", "Épicerie « Chez Léa »"}
    assert by_name["Épicerie « Chez Léa »"].channel is Channel.FORMAL_NOTICE
    assert by_name["Garage Martin & Fils"].letter.principal_cents == 150_000
    assert [(u.customer_name, u.reason) for u in batch.cannot_print] == [
        ("Transports Sans-Adresse", NO_ADDRESS)
    ]
    notice = by_name["Épicerie « Chez Léa »"].letter
    assert notice.formal_notice and notice.deadline == date(2026, 3, 24)
    assert notice.indemnity_cents == 4_000  # one late invoice, a business customer
    assert notice.penalty_cents > 0
    assert any("1344" in m for m in notice.mentions)


def test_render_batch_numbers_pages_per_letter(
    services: Services, ledger: dict[str, int], tmp_path: Path
) -> None:
    batch = services.letters.batch(AS_OF)
    path = tmp_path / "courriers.pdf"
    pages = services.letters.render_batch(batch, path)
    texts = pdf_text(path)
    assert pages == len(texts) == 2
    assert "Lettre recommandée avec accusé de réception" in texts[0]
    assert "MISE EN DEMEURE" in texts[0]
    assert "Garage Martin & Fils" in texts[1]
    assert all("Page 1/1" in text for text in texts)
    assert "ne pas tenir compte de ce courrier" in texts[1]


def test_mark_batch_done_is_all_or_nothing(services: Services, ledger: dict[str, int]) -> None:
    batch = services.letters.batch(AS_OF)
    first, second = batch.action_ids
    services.reminders.mark_done(second, AS_OF)  # someone did it meanwhile
    with pytest.raises(ActionClosedError):
        services.letters.mark_batch_done([first, second], AS_OF)
    with services.database.read() as session:
        assert session.get(ReminderAction, first).status == ActionStatus.PENDING.value
    assert services.letters.mark_batch_done([first], AS_OF) == 1
    with services.database.read() as session:
        row = session.get(ReminderAction, first)
        assert (row.status, row.done_on) == (ActionStatus.DONE.value, AS_OF)
    assert services.letters.batch(AS_OF).letters == ()


def test_emails_are_safe_against_a_hostile_name(
    services: Services, ledger: dict[str, int], tmp_path: Path
) -> None:
    result = services.letters.write_emails(AS_OF, tmp_path / "mails")
    assert [(u.customer_name, u.reason) for u in result.cannot_send] == [
        ("Menuiserie Muette", NO_EMAIL)
    ]
    messages = {
        w.customer_name: email.message_from_bytes(w.path.read_bytes(), policy=email.policy.default)
        for w in result.written
    }
    dumas = messages["Atelier Dumas"]
    assert dumas["To"].addresses[0].addr_spec == "claire.dubois@dumas.fr"
    assert "Bonjour Claire Dubois" in dumas.get_body(("plain",)).get_content()
    hostile = messages[EVIL]
    assert hostile["Bcc"] is None
    (address,) = hostile["To"].addresses
    assert address.addr_spec == "compta@dupont.fr"
    assert address.display_name == "Dupont & Fils <SARL> Bcc: espion@example.com"
    raw = result.written[[w.customer_name for w in result.written].index(EVIL)].path.read_bytes()
    assert b"\nBcc:" not in raw
    (attachment,) = list(hostile.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    pdf = tmp_path / "piece.pdf"
    pdf.write_bytes(attachment.get_content())
    text = pdf_text(pdf)[0]
    assert "Dupont & Fils <SARL>" in text and "Bcc: espion@example.com" in text


def test_save_template_refuses_a_broken_one_and_keeps_the_previous(
    services: Services,
) -> None:
    letters = services.letters
    default = letters.template("friendly", "fr")
    assert default.is_default
    mine = "Bonjour {{ contact_name }},\n\n{{ invoice_table }}\n\nÀ bientôt,"
    letters.save_template("friendly", "fr", "Petit rappel : {{ total }}", mine)
    with pytest.raises(TemplateProblemError) as broken:
        letters.save_template("friendly", "fr", "Rappel", "Bonjour,\n\n{{ montant_inconnu }}")
    assert broken.value.problem.line == 3 and broken.value.field == "body"
    with pytest.raises(TemplateProblemError) as escape:
        letters.save_template("friendly", "fr", "{{ ''.__class__.__mro__ }}", mine)
    assert escape.value.field == "subject"
    assert "accès interdit" in escape.value.problem.message
    kept = letters.template("friendly", "fr")
    assert (kept.subject, kept.body, kept.is_default) == ("Petit rappel : {{ total }}", mine, False)
    letters.reset_template("friendly", "fr")
    assert letters.template("friendly", "fr") == default
    with services.database.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "letter_template")
        ).all()
    assert actions == ["create", "delete"]


def test_a_saved_template_writes_the_letters(
    services: Services, ledger: dict[str, int], tmp_path: Path
) -> None:
    services.letters.save_template(
        "friendly",
        "fr",
        "Où en est notre facture ?",
        "Bonjour,\n\nUn petit mot pour {{ customer.name }} :\n\n{{ invoice_table }}\n\nMerci !",
    )
    letter = next(
        b.letter for b in services.letters.batch(AS_OF).letters if not b.letter.formal_notice
    )
    assert letter.subject == "Où en est notre facture ?"
    assert "Un petit mot pour Garage Martin & Fils :" in letter.paragraphs
    path = tmp_path / "apercu.pdf"
    services.letters.preview("friendly", "fr", path)
    assert "Où en est notre facture ?" in pdf_text(path)[0]
