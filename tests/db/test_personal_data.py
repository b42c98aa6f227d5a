"""Personal data on request (GDPR art. 15, 17, 20): a contact's export and erasure, and
those of a customer who is a natural person.

Amélie d'Arcy-Lefèvre, manager of a bakery, is named in a visit report, a call note, a
dispute and its notes; her record was edited once, so the audit trail holds her old
e-mail. After her erasure, a raw LIKE over every text column of every table (read from
sqlite_master, so a table added later is checked too) must not find her any more.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.disputes import DisputeDraft, DisputeLine
from desktop.domain.enums import (
    CallOutcome,
    Department,
    DisputeCategory,
    Profile,
)
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.visit import VisitReportDraft
from desktop.persistence.models import Document
from desktop.services import personal_data_scan
from desktop.services.customers import ContactData
from desktop.services.personal_data import ERASED, KeptCode, PersonalDataError
from desktop.services.registry import Services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

TODAY = date(2026, 3, 16)
AMELIE = "Amélie d'Arcy-Lefèvre"
EMAIL = "amelie.darcy@boulangerie-epi.fr"
OLD_EMAIL = "a.darcy-lefevre@orange.fr"
PHONE = "06 12 34 56 78"
REASON = "Demande écrite de l'intéressée reçue le 12/03/2026 (courriel à la direction)"
# What must not survive her erasure, as a raw LIKE sees it (ASCII case ignored).
NEEDLES = (
    "%Arcy-Lef%",
    "%Arcy Lef%",
    "%amelie.darcy@%",
    "%darcy-lefevre@orange%",
    "%06 12 34 56 78%",
    "%06.12.34.56.78%",
    "%+33 6 12 34 56 78%",
)


@dataclass
class Bakery:
    customer_id: int
    other_customer_id: int
    amelie: int
    julien: int
    invoice: int
    visit: int
    action: int
    dispute: int


def text_columns(path: Path) -> list[tuple[str, str]]:
    """Every (table, column) of the file holding text, read from the schema itself."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        found = []
        for table in tables:
            for _cid, name, kind, *_rest in connection.execute(f'PRAGMA table_info("{table}")'):
                kind = (kind or "").upper()
                if not kind or any(word in kind for word in ("CHAR", "TEXT", "CLOB")):
                    found.append((table, name))
    connection.close()
    return found


def occurrences(path: Path, pattern: str) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text cell matching the LIKE `pattern`."""
    hits = []
    with sqlite3.connect(path) as connection:
        for table, column in text_columns(path):
            for (value,) in connection.execute(
                f'SELECT "{column}" FROM "{table}" WHERE "{column}" LIKE ?', (pattern,)
            ):
                hits.append((table, column, str(value)))
    connection.close()
    return hits


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        lines = list(connection.iterdump())
    connection.close()
    return lines


def audit_rows(path: Path) -> list[tuple[int, str, str, int, str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT id, action, entity, entity_id, summary, changes_json FROM audit_log ORDER BY id"
        ).fetchall()
    connection.close()
    return rows


@pytest.fixture
def bakery(services: Services) -> Bakery:
    owner = services.reference.add_user("Karim Benali", Profile.OWNER)
    cid = services.customers.create(
        customer(
            "Boulangerie de l'Épi d'Or & Fils",
            notes="Gérante : Amélie d'Arcy-Lefèvre ; préfère être appelée le matin.",
        )
    )
    other = services.customers.create(
        customer(
            "Fromagerie Lefèvre Frères",
            siren="552100554",
            notes="Livraisons réceptionnées par Amélie Martin, rue d'Arcy.",
        )
    )
    amelie = services.customers.save_contact(
        cid,
        ContactData(
            None,
            first_name="Amélie",
            last_name="d'Arcy-Lefèvre",
            role="Gérante",
            email=OLD_EMAIL,
            phone=PHONE,
            is_primary=True,
            receives_reminders=True,
            notes="Ne pas appeler entre 12 h et 14 h.",
        ),
    )
    # Edited once: the audit trail keeps her old e-mail as the value "before".
    services.customers.save_contact(
        cid,
        ContactData(
            amelie,
            first_name="Amélie",
            last_name="d'Arcy-Lefèvre",
            role="Gérante",
            email=EMAIL,
            phone=PHONE,
            is_primary=True,
            receives_reminders=True,
            notes="Ne pas appeler entre 12 h et 14 h.",
        ),
    )
    julien = services.customers.save_contact(
        cid, ContactData(None, first_name="Julien", last_name="Moreau", role="Comptable")
    )
    visit = services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 3, 4),
            attendees="Amélie d'Arcy-Lefèvre (gérante), Julien Moreau (comptable)",
            free_text=(
                "Mme d'Arcy-Lefèvre évoque une trésorerie tendue jusqu'en avril ; "
                "joignable au 06.12.34.56.78. Four neuf en crédit-bail."
            ),
        )
    )
    invoice = add_doc(services, cid, "FA-2026-0101", "2026-02-14", 150_000)
    (action,) = services.reminders.refresh(TODAY).created_ids
    services.reminders.record_call(
        action,
        CallOutcome.REACHED,
        f"Eu AMELIE D'ARCY-LEFEVRE : virement la semaine prochaine, confirmation à {EMAIL}.",
    )
    dispute = services.disputes.open(
        DisputeDraft(
            customer_id=cid,
            lines=(DisputeLine(invoice, 20_000),),
            category=DisputeCategory.DAMAGED,
            description="Deux plaques de cuisson livrées fêlées.",
            reported_by=AMELIE,
            reported_on=date(2026, 3, 10),
            department=Department.QUALITY,
            owner_id=owner,
        )
    )
    services.disputes.add_note(
        dispute,
        f"Photos reçues de Mme d’Arcy-Lefèvre ({OLD_EMAIL}), rappeler au +33 6 12 34 56 78.",
    )
    return Bakery(cid, other, amelie, julien, invoice, visit, action, dispute)


# --- export ----------------------------------------------------------------------------------


def test_export_lists_the_contact_and_every_place_naming_her(
    services: Services, bakery: Bakery
) -> None:
    export = services.personal_data.export_contact(bakery.amelie)

    assert export.contact.full_name == AMELIE
    assert (export.contact.email, export.contact.phone) == (EMAIL, PHONE)
    assert export.customer_name == "Boulangerie de l'Épi d'Or & Fils"
    places = {(m.place, m.field) for m in export.mentions}
    assert {
        ("customers", "notes"),
        ("visit_reports", "attendees"),
        ("visit_reports", "free_text"),
        ("reminder_actions", "notes"),
        ("disputes", "reported_by"),
        ("dispute_events", "text"),
        ("audit_log", "changes_json"),  # the call note, as the audit trail saved it
    } <= places
    # Nothing of the other customer (another Amélie, another Lefèvre) nor of Julien.
    assert not any("Fromagerie" in m.excerpt or "Martin" in m.excerpt for m in export.mentions)
    visit = next(m for m in export.mentions if m.field == "free_text")
    assert visit.on == date(2026, 3, 4)
    assert visit.place_label == "Rapport de visite"
    assert "06.12.34.56.78" in visit.excerpt
    call = next(m for m in export.mentions if m.place == "reminder_actions")
    assert call.on == TODAY and EMAIL in call.excerpt
    # Her record's history: created, then her e-mail changed (the old one is shown).
    assert [h.action for h in export.history] == ["create", "update"]
    (change,) = [c for c in export.history[1].changes if c.field == "email"]
    assert (change.before, change.after) == (OLD_EMAIL, EMAIL)


def test_export_json_is_readable_utf8_for_the_person(services: Services, bakery: Bakery) -> None:
    text = services.personal_data.export_contact(bakery.amelie).to_json()

    assert AMELIE in text  # accents and apostrophe as typed, not \u escapes
    data = json.loads(text)
    assert data["personne"]["prenom"] == "Amélie"
    assert data["personne"]["email"] == EMAIL
    assert data["entreprise"]["nom"] == "Boulangerie de l'Épi d'Or & Fils"
    assert {m["ou"] for m in data["mentions"]} >= {
        "Rapport de visite",
        "Relance (compte rendu d'appel, motif)",
        "Litige",
        "Journal des modifications",
    }
    assert data["historique_des_modifications"][1]["changements"][0]["avant"] == OLD_EMAIL
    assert any("L123-22" in line for line in data["a_savoir"])


def test_export_of_an_unknown_contact_is_refused(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.personal_data.export_contact(404)


# --- erasure ----------------------------------------------------------------------------------


def test_preview_says_what_would_be_erased_and_kept_without_changing_anything(
    services: Services, bakery: Bakery, db_path: Path
) -> None:
    before = dump(db_path)
    preview = services.personal_data.preview_contact_erasure(bakery.amelie)

    assert preview.name == AMELIE
    counts = {p.place: p.count for p in preview.places}
    assert counts["visit_reports"] == 2 and counts["reminder_actions"] == 1
    assert preview.history_entries == 2
    kept = {k.code: k.count for k in preview.kept}
    assert kept[KeptCode.INVOICES] == 1
    assert KeptCode.CUSTOMER in kept and KeptCode.BACKUPS in kept
    assert dump(db_path) == before


def test_erasure_removes_her_from_every_table(
    services: Services, bakery: Bakery, db_path: Path
) -> None:
    assert occurrences(db_path, "%Arcy-Lef%")  # the check finds her before
    entries_before = len(audit_rows(db_path))

    report = services.personal_data.erase_contact(bakery.amelie, REASON)

    for needle in NEEDLES:
        assert occurrences(db_path, needle) == [], needle
    # "Amélie" alone is left only where it means someone else (another customer).
    assert [(t, c) for t, c, _v in occurrences(db_path, "%Amélie%")] == [("customers", "notes")]
    with pytest.raises(NotFoundError):
        services.personal_data.export_contact(bakery.amelie)
    visit = services.visits.get(bakery.visit).draft
    assert visit.attendees == f"{ERASED} (gérante), Julien Moreau (comptable)"
    assert visit.free_text.startswith(f"Mme {ERASED} évoque une trésorerie tendue")
    assert "joignable au [effacé]. Four neuf" in visit.free_text
    assert services.disputes.get(bakery.dispute).reported_by == ERASED
    # The report says what was rewritten and what is kept.
    assert report.subject == "contact" and report.contacts_deleted == 1
    assert {p.place for p in report.places} >= {
        "customers",
        "visit_reports",
        "reminder_actions",
        "disputes",
        "dispute_events",
        "audit_log",
    }
    assert report.history_entries == 2
    assert {k.code for k in report.kept} >= {
        KeptCode.INVOICES,
        KeptCode.CUSTOMER,
        KeptCode.BACKUPS,
        KeptCode.ERASURE_ENTRY,
    }
    # One audit entry, with the reason and who did it, without the erased values.
    rows = audit_rows(db_path)
    assert len(rows) == entries_before + 1
    _id, action, entity, entity_id, summary, changes = rows[-1]
    assert (action, entity, entity_id) == ("delete", "contact", bakery.amelie)
    assert REASON in summary
    assert json.loads(changes) == {"customer_id": [str(bakery.customer_id), "None"]}


def test_erasure_keeps_the_customer_its_invoices_and_the_other_people(
    services: Services, bakery: Bakery
) -> None:
    services.personal_data.erase_contact(bakery.amelie, REASON)

    detail = services.customers.get(bakery.customer_id)
    assert detail.draft.legal_name == "Boulangerie de l'Épi d'Or & Fils"
    assert detail.draft.notes == f"Gérante : {ERASED} ; préfère être appelée le matin."
    assert [c.full_name for c in detail.contacts] == ["Julien Moreau"]
    with services.database.read() as session:
        invoice = session.get(Document, bakery.invoice)
        assert invoice is not None
        assert (invoice.number, invoice.total_cents, invoice.open_cents) == (
            "FA-2026-0101",
            150_000,
            150_000,
        )
    other = services.customers.get(bakery.other_customer_id)
    assert other.draft.notes == "Livraisons réceptionnées par Amélie Martin, rue d'Arcy."
    # Her erased entries still belong to the customer's trail (audit_trail's hint).
    from desktop.services.audit_trail import AuditFilter

    lines = services.audit.entries(AuditFilter(customer_id=bakery.customer_id))
    contact_lines = [line for line in lines if line.entity == "contact"]
    assert {line.entity_id for line in contact_lines} >= {bakery.amelie}
    values = {
        value
        for line in contact_lines
        if line.entity_id == bakery.amelie
        for change in line.changes
        for value in (change.before, change.after)
    }
    assert values <= {"", ERASED, "True", "False", str(bakery.customer_id)}
    assert ERASED in values


def test_erasure_needs_a_reason(services: Services, bakery: Bakery, db_path: Path) -> None:
    before = dump(db_path)
    with pytest.raises(ValidationError) as caught:
        services.personal_data.erase_contact(bakery.amelie, "   ")
    assert caught.value.codes() == {"reason": "required"}
    assert dump(db_path) == before


def test_the_reason_does_not_bring_her_name_back(services: Services, bakery: Bakery) -> None:
    report = services.personal_data.erase_contact(
        bakery.amelie, "Demande de Mme Amélie d'Arcy-Lefèvre par courrier du 12/03/2026"
    )
    assert report.reason == f"Demande de Mme {ERASED} par courrier du 12/03/2026"


def test_erasure_is_all_or_nothing(
    services: Services, bakery: Bakery, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(db_path)
    real = personal_data_scan.rewrite_value
    calls = {"n": 0}

    def failing(value: str, terms, column: str = "") -> str:  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:  # midway: some rows are already rewritten in the transaction
            raise OSError("disque plein")
        return real(value, terms, column)

    monkeypatch.setattr(personal_data_scan, "rewrite_value", failing)
    with pytest.raises(OSError):
        services.personal_data.erase_contact(bakery.amelie, REASON)

    assert calls["n"] == 4
    assert dump(db_path) == before
    assert services.personal_data.export_contact(bakery.amelie).contact.email == EMAIL


def test_a_homonym_first_name_at_the_same_customer_is_left_alone(
    services: Services, bakery: Bakery
) -> None:
    """Two Amélie at the bakery: "Amélie" alone cannot tell which one is meant."""
    services.customers.save_contact(
        bakery.customer_id, ContactData(None, first_name="Amélie", last_name="Roux")
    )
    services.visits.create(
        VisitReportDraft(
            customer_id=bakery.customer_id,
            visit_date=date(2026, 3, 12),
            free_text="Amélie a montré le nouveau laboratoire.",
        )
    )
    services.personal_data.erase_contact(bakery.amelie, REASON)
    texts = [r.draft.free_text for r in services.visits.for_customer(bakery.customer_id)]
    assert "Amélie a montré le nouveau laboratoire." in texts


# --- a customer who is a natural person -----------------------------------------------------


@pytest.fixture
def consumer(services: Services) -> tuple[int, int]:
    cid = services.customers.create(
        customer(
            "M. Jean-Baptiste Lefèvre-Dubois",
            is_consumer=True,
            email="jb.lefevre-dubois@laposte.net",
            phone="04 77 21 43 65",
            account_code="411LEFEVRE",
            notes="Chantier de la véranda ; M. Lefèvre-Dubois paie par chèque.",
        )
    )
    invoice = add_doc(services, cid, "FA-2026-0150", "2026-02-14", 48_000)
    services.visits.create(
        VisitReportDraft(
            customer_id=cid,
            visit_date=date(2026, 3, 2),
            free_text="Vu Jean-Baptiste Lefèvre-Dubois au 12, rue de l'Église : satisfait.",
        )
    )
    return cid, invoice


def test_a_consumer_or_a_sole_trader_is_a_natural_person(
    services: Services, bakery: Bakery, consumer: tuple[int, int]
) -> None:
    sole_trader = services.customers.create(
        customer("Plomberie Hervé Kerjean", legal_form="EI", siren="542051180")
    )
    assert services.personal_data.is_natural_person(consumer[0])
    assert services.personal_data.is_natural_person(sole_trader)
    assert not services.personal_data.is_natural_person(bakery.customer_id)
    with pytest.raises(PersonalDataError) as caught:
        services.personal_data.erase_customer(bakery.customer_id, REASON)
    assert caught.value.code == "not_natural_person"
    with pytest.raises(PersonalDataError):
        services.personal_data.export_customer(bakery.customer_id)


def test_customer_export_holds_record_invoices_and_mentions(
    services: Services, consumer: tuple[int, int]
) -> None:
    export = services.personal_data.export_customer(consumer[0])
    assert export.customer.legal_name == "M. Jean-Baptiste Lefèvre-Dubois"
    assert [d.number for d in export.documents] == ["FA-2026-0150"]
    assert {m.place for m in export.mentions} >= {"visit_reports"}
    data = json.loads(export.to_json())
    assert data["client"]["email"] == "jb.lefevre-dubois@laposte.net"
    assert data["pieces"][0]["montant_ttc_euros"] == "480.00"


def test_a_customer_still_owing_cannot_be_erased(
    services: Services, consumer: tuple[int, int], db_path: Path
) -> None:
    before = dump(db_path)
    preview = services.personal_data.preview_customer_erasure(consumer[0])
    assert preview.refusal == "open_documents"
    with pytest.raises(PersonalDataError) as caught:
        services.personal_data.erase_customer(consumer[0], REASON)
    assert caught.value.code == "open_documents"
    assert caught.value.params == {"count": 1, "cents": 48_000}
    assert dump(db_path) == before


def test_a_settled_consumer_is_anonymised_invoices_kept(
    services: Services, consumer: tuple[int, int], db_path: Path
) -> None:
    cid, invoice = consumer
    with services.database.transaction() as session:
        doc = session.get(Document, invoice)
        assert doc is not None
        doc.open_cents = 0
        doc.settled_on = date(2026, 3, 12)

    report = services.personal_data.erase_customer(cid, REASON)

    assert report.customer_name == f"Client effacé n° {cid}"
    detail = services.customers.get(cid)
    d = detail.draft
    assert d.legal_name == f"Client effacé n° {cid}"
    assert (d.email, d.phone, d.notes, d.billing_address.line1, d.billing_address.city) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert d.account_code == "411LEFEVRE"  # links the kept invoice to the accounting
    assert {k.code for k in report.kept} >= {KeptCode.INVOICES, KeptCode.ACCOUNT_CODE}
    for needle in ("%Lef_vre-Dubois%", "%jb.lefevre%", "%04 77 21 43 65%", "%rue de l'_glise%"):
        assert occurrences(db_path, needle) == [], needle
    with services.database.read() as session:
        assert session.get(Document, invoice) is not None
    (visit,) = services.visits.for_customer(cid)
    assert visit.draft.free_text == f"Vu {ERASED} au {ERASED} : satisfait."


def test_her_own_customer_record_elsewhere_keeps_its_contact_details(
    services: Services, bakery: Bakery
) -> None:
    """She also buys in her own name: that customer's e-mail and phone are its own."""
    herself = services.customers.create(
        customer(AMELIE, is_consumer=True, email=EMAIL, phone=PHONE, siren="")
    )
    services.personal_data.erase_contact(bakery.amelie, REASON)
    detail = services.customers.get(herself)
    assert (detail.draft.legal_name, detail.draft.email, detail.draft.phone) == (
        AMELIE,
        EMAIL,
        PHONE,
    )
