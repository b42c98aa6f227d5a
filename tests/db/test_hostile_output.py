"""Issue 8: what users typed cannot add a header to an e-mail, a property to a calendar
event, or a path to a file name. Services on a small French ledger at 16/03/2026."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop.documents.letter_layout import lines_of, one_line
from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import Department, DisputeCategory, Profile, TaskKind
from desktop.domain.text import MAX_NAME_BYTES
from desktop.services.company import CompanyProfile
from desktop.services.disputes import attachments_dir
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_letter_service import add_contact, add_invoice, set_fields

AS_OF = date(2026, 3, 16)
LONG = "Société Coopérative Agricole des Producteurs de Lait de la Vallée de l'Ubaye " * 12
# Each one tries to end its header and start another.
NAMES = {
    "crlf": "Dupont & Fils <SARL>\r\nBcc: espion@example.com",
    "lf": "Boulangerie L'Épi d'Or\nX-Priority: 1\nReply-To: pirate@example.com",
    "cr": "Garage Müller\rCc: copie@example.com",
    "unicode": "Œnologie « Chez Zoë » — 🍷 ☕ ∑",
    "long": LONG,
}
SENDER = "Ateliers Durand & Fils\r\nBcc: fuite@example.com"
# A contact name as typed: the line break a copy-paste brings.
CONTACT_FIRST = "Claire\r\nBcc: espion@example.com"
EXPECTED_HEADERS = {
    "subject",
    "to",
    "from",
    "date",
    "message-id",
    "x-unsent",
    "mime-version",
    "content-type",
}


def parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture
def hostile_mails(services: Services, tmp_path: Path) -> dict[str, EmailMessage]:
    """One courtesy e-mail per hostile name (invoices due in 5 days), the subject template
    carrying the customer's and the contact's names; the sender's name is hostile too."""
    services.company.save(CompanyProfile(legal_name=SENDER, email="relances@durand.fr"))
    services.letters.save_template(
        "courtesy",
        "fr",
        "Rappel {{ customer.name }} / {{ contact_name }}",
        "Bonjour {{ contact_name }},\n\n{{ invoice_table }}\n\nCordialement,",
    )
    ids = {}
    for n, (key, name) in enumerate(NAMES.items(), start=1):
        cid = services.customers.create(customer(f"Client {n}"))
        set_fields(services, cid, legal_name=name, email="")
        add_contact(services, cid, CONTACT_FIRST, "Dubois", f"compta{n}@client.fr")
        add_invoice(services, cid, f"FA-2026-{n:04d}", "2026-03-21", 10_000 * n)
        ids[key] = cid
    services.reminders.refresh(AS_OF)
    folder = tmp_path / "mails"
    result = services.letters.write_emails(AS_OF, folder)
    assert not result.cannot_send
    by_id = {w.customer_id: w for w in result.written}
    for written in result.written:
        assert written.path.parent == folder and written.path.suffix == ".eml"
        assert len(written.path.name.encode("utf-8")) <= MAX_NAME_BYTES
    return {key: parse(by_id[cid].path) for key, cid in ids.items()}


@pytest.mark.parametrize("key", list(NAMES))
def test_a_hostile_name_adds_no_header_to_the_email(
    hostile_mails: dict[str, EmailMessage], key: str
) -> None:
    message = hostile_mails[key]
    assert {name.lower() for name in message.keys()} == EXPECTED_HEADERS
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (one_line(SENDER), "relances@durand.fr")
    (address,) = message["To"].addresses
    assert address.addr_spec.startswith("compta") and address.addr_spec.endswith("@client.fr")
    assert address.display_name == one_line(CONTACT_FIRST + " Dubois")
    # Folding a long header may merge spaces: the words must come back, on one line.
    subject = str(message["Subject"])
    assert subject.split() == f"Rappel {NAMES[key]} / {CONTACT_FIRST} Dubois".split()
    assert "\n" not in subject and "\r" not in subject
    body = message.get_body(("plain",))
    assert (
        body is not None and "Bonjour Claire Bcc: espion@example.com Dubois" in body.get_content()
    )
    (attachment,) = list(message.iter_attachments())
    name = attachment.get_filename()
    assert name and name.endswith(".pdf") and "/" not in name and "\\" not in name
    assert Path(name).name == name


def test_a_hostile_email_address_is_refused_not_written(services: Services, tmp_path: Path) -> None:
    cid = services.customers.create(customer("Menuiserie Lefèvre"))
    set_fields(services, cid, email="")
    add_contact(services, cid, "Paul", "Lefèvre", "compta@lefevre.fr\r\nBcc: espion@example.com")
    add_invoice(services, cid, "FA-2026-0099", "2026-03-21", 10_000)
    services.reminders.refresh(AS_OF)
    result = services.letters.write_emails(AS_OF, tmp_path / "mails")
    assert result.written == ()
    assert [u.customer_id for u in result.cannot_send] == [cid]


# --- the reminder calendar (.ics) -------------------------------------------------------------

ICS_NAMES = {
    "crlf": "Dupont & Fils\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Faux rendez-vous",
    "cr": "Garage Müller\rATTENDEE:mailto:espion@example.com",
    "controls": "Menuiserie\x00Lefèvre\x0b\x1b[31m\x7f",
    "punctuation": "Dupont, Durand & Fils; SARL \\ « Dépôt » : Lyon",
    "unicode": "Œnologie « Chez Zoë » — 🍷 ☕ 中文 שלום",
    "long": LONG,
}
EVENT_PROPERTIES = {
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "CATEGORIES",
    "TRANSP",
}


def printable(text: str) -> str:
    """The text as a calendar can hold it: line breaks as "\\n", no control character."""
    return "\n".join(lines_of(text))


@pytest.mark.parametrize("key", list(ICS_NAMES))
def test_a_hostile_name_or_task_stays_in_its_calendar_field(
    services: Services, tmp_path: Path, key: str
) -> None:
    name = ICS_NAMES[key]
    cid = services.customers.create(customer("Client provisoire"))
    set_fields(services, cid, legal_name=name)
    add_invoice(services, cid, "FA-2026-0001", "2026-03-07", 150_000)  # 9 days late
    services.reminders.refresh(AS_OF)
    title = "Déclarer la créance\r\nEND:VEVENT\x00 ; , \\ 🙂"
    services.tasks.create(TaskKind.INSOLVENCY_CLAIM, cid, title, "Note\r\nBEGIN:VALARM", AS_OF)
    path = tmp_path / "relances.ics"
    assert services.calendar.export_ics(path, AS_OF, AS_OF) == 2

    raw = path.read_bytes()
    # No control character; CR only in the CRLF that ends a line.
    assert not re.search(rb"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]|[^\r]\n|\r[^\n]", raw)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded
    (calendar,) = [Calendar.from_ical(raw)]
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    summaries = set()
    for event in events:
        assert set(event.keys()) == EVENT_PROPERTIES
        assert not event.subcomponents
        summaries.add(str(event["SUMMARY"]))
    assert summaries == {
        f"Courrier – {printable(name)}",
        f"{printable(title)} – {printable(name)}",
    }


# --- dispute attachments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("..\\..\\encaisse.sqlite", "encaisse.sqlite"),  # a Windows path, as a name
        ("C:\\Users\\léa\\CON.pdf", "_CON.pdf"),
        ("facture\u202efdp.exe", "facture_fdp.exe"),
        # 62 emoji: 248 bytes plus the extension, right at the file system's limit.
        ("🧾" * 62 + ".jpeg", "🧾" * 62 + ".jpeg"),
    ],
)
def test_an_attachment_twice_under_a_hostile_name_stays_in_its_folder(
    services: Services, db_path: Path, tmp_path: Path, name: str, stored: str
) -> None:
    cid = services.customers.create(customer("Menuiserie Lefèvre & Fils"))
    invoice = add_invoice(services, cid, "FA-2026-0042", "2026-03-01", 120_000)
    owner = services.reference.add_user("Karim Benali", Profile.OWNER)
    dispute_id = services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(invoice, 20_000),),
            category=DisputeCategory.DAMAGED,
            description="Palette livrée éventrée.",
            reported_by="Mme Hélène Dupré",
            reported_on=date(2026, 3, 2),
            department=Department.LOGISTICS,
            owner_id=owner,
            expected_answer_on=date(2026, 3, 10),
        )
    )
    source = tmp_path / "reçus" / name
    source.parent.mkdir()
    source.write_bytes(b"\xff\xd8 photo")
    folder = (attachments_dir(db_path) / str(dispute_id)).resolve()
    paths = []
    for _ in range(2):  # the second copy gets " (2)": still within the name's limit
        attachment = services.disputes.attach(dispute_id, source)
        paths.append(services.disputes.attachment_path(attachment))
    first, second = paths
    assert first.name == stored
    assert second.name != first.name and second.read_bytes() == b"\xff\xd8 photo"
    for path in paths:
        assert path.parent == folder
        assert len(path.name.encode("utf-8")) <= MAX_NAME_BYTES
