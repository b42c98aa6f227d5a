"""DisputeService on a small French ledger (issue 5): every method, and every refusal
leaving the file exactly as it was. The test clock's today is 16/03/2026, 9:30."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.clock import FixedClock
from desktop.domain.disputes import DisputeDraft, DisputeLine, ResolutionDraft
from desktop.domain.enums import (
    Department,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    DocumentKind,
    Profile,
    TaskKind,
    TaskStatus,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.persistence.database import Database
from desktop.persistence.models import Document
from desktop.services.disputes import (
    QUESTIONS,
    DisputeError,
    DisputeFilter,
    attachments_dir,
)
from desktop.services.registry import Services, build_services
from tests.db.factories import customer
from tests.db.test_reminder_service import add_doc

NAME = "Dupont & Fils <SARL> — Menuiserie l'Épi d'Or"
# Tables a dispute action may touch: a refused action must leave all of them unchanged.
TABLES = ("disputes", "dispute_items", "dispute_events", "dispute_attachments", "tasks",
          "documents", "audit_log")  # fmt: skip


@dataclass
class Ledger:
    customer_id: int
    other_customer_id: int
    julie: int
    karim: int
    fa1: int  # 1 500,00 € open, due 14/02
    fa2: int  # 300,00 € open, due 20/02
    settled: int  # paid on 01/03
    foreign: int  # an invoice of the other customer


@pytest.fixture
def ledger(services: Services) -> Ledger:
    julie = services.reference.add_user("Julie Fontaine", Profile.SALESPERSON)
    karim = services.reference.add_user("Karim Benali", Profile.OWNER)
    cid = services.customers.create(customer(NAME, salesperson_id=julie))
    other = services.customers.create(customer("Boucherie Élise Rousseau"))
    fa1 = add_doc(services, cid, "FA-2026-0101", "2026-02-14", 150_000)
    fa2 = add_doc(services, cid, "FA-2026-0102", "2026-02-20", 30_000)
    settled = add_doc(services, cid, "FA-2026-0090", "2026-02-01", 20_000)
    with services.database.transaction() as session:
        doc = session.get(Document, settled)
        assert doc is not None
        doc.open_cents = 0
        doc.settled_on = date(2026, 3, 1)
    foreign = add_doc(services, other, "FA-2026-0200", "2026-02-14", 80_000)
    return Ledger(cid, other, julie, karim, fa1, fa2, settled, foreign)


def draft(ledger: Ledger, *lines: tuple[int, int], **changes: object) -> DisputeDraft:
    base = DisputeDraft(
        customer_id=ledger.customer_id,
        lines=tuple(DisputeLine(doc, cents) for doc, cents in lines)
        or (DisputeLine(ledger.fa1, 50_000),),
        category=DisputeCategory.DAMAGED,
        description="Deux portes livrées rayées : réserves écrites sur le bon du transporteur.",
        reported_by="Mme Hélène Dupré",
        reported_on=date(2026, 3, 2),
        department=Department.QUALITY,
        owner_id=ledger.karim,
        expected_answer_on=date(2026, 3, 10),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        found = {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    connection.close()
    return found


def as_user(services: Services, name: str, moment: datetime) -> Services:
    """The same file seen by another person at another time."""
    assert services.database.path is not None
    return build_services(Database.at(services.database.path), FixedClock(moment), lambda: name)


# --- opening ----------------------------------------------------------------------------


def test_open_records_the_dispute_its_history_its_task_and_the_audit(
    services: Services, ledger: Ledger
) -> None:
    dispute_id = services.disputes.open(draft(ledger, (ledger.fa1, 50_000), (ledger.fa2, 30_000)))
    detail = services.disputes.get(dispute_id)
    row = detail.row
    assert (row.customer_name, row.status, row.category, row.department) == (
        NAME, DisputeStatus.OPEN, DisputeCategory.DAMAGED, Department.QUALITY
    )  # fmt: skip
    assert (row.owner_name, row.disputed_cents, row.days_open) == ("Karim Benali", 80_000, 14)
    assert row.answer_overdue  # expected on 10/03, still open on 16/03
    assert row.invoice_numbers == "FA-2026-0101, FA-2026-0102"
    assert [(line.number, line.open_cents, line.disputed_cents) for line in detail.lines] == [
        ("FA-2026-0101", 150_000, 50_000),
        ("FA-2026-0102", 30_000, 30_000),
    ]
    assert detail.reported_by == "Mme Hélène Dupré"
    (event,) = detail.events
    assert (event.author, event.at, event.from_status, event.to_status) == (
        "Camille Test", datetime(2026, 3, 16, 9, 30), None, DisputeStatus.OPEN
    )  # fmt: skip
    assert detail.resolution is None and detail.credit_note_number == ""

    (task,) = services.tasks.tasks(ledger.julie)
    assert task.kind is TaskKind.DISPUTE_QUESTIONS and task.customer_id == ledger.customer_id
    assert task.due_on == date(2026, 3, 23)
    for question in QUESTIONS:
        assert question in task.instructions
    assert "Pourquoi le client n'a-t-il pas encore payé ?" in task.instructions
    assert "800,00" in task.instructions and "FA-2026-0101, FA-2026-0102" in task.instructions
    assert services.path is not None
    with sqlite3.connect(services.path) as connection:
        audited = connection.execute(
            "SELECT actor, action FROM audit_log WHERE entity = 'dispute' AND entity_id = ?",
            (dispute_id,),
        ).fetchall()
        linked = connection.execute("SELECT dispute_id FROM tasks").fetchall()
    connection.close()
    assert audited == [("Camille Test", "create")]
    assert linked == [(dispute_id,)]


def test_a_customer_without_salesperson_gets_an_unassigned_task(
    services: Services, ledger: Ledger
) -> None:
    services.disputes.open(
        draft(ledger, (ledger.foreign, 80_000), customer_id=ledger.other_customer_id)
    )
    (task,) = services.tasks.tasks()
    assert task.assignee_id is None and task.customer_name == "Boucherie Élise Rousseau"


@pytest.mark.parametrize(
    ("lines", "field", "code"),
    [
        ("above", "lines.0.amount", ErrorCode.AMOUNT_ABOVE_OPEN),
        ("negative", "lines.0.amount", ErrorCode.NEGATIVE_AMOUNT),
        ("settled", "lines.0.document", ErrorCode.INVOICE_NOT_OPEN),
        ("foreign", "lines.0.document", ErrorCode.INVOICE_NOT_OPEN),
        ("none", "lines", ErrorCode.REQUIRED),
    ],
)
def test_open_refuses_bad_amounts_and_changes_nothing(
    services: Services, ledger: Ledger, db_path: Path, lines: str, field: str, code: ErrorCode
) -> None:
    typed = {
        "above": (DisputeLine(ledger.fa2, 30_001),),
        "negative": (DisputeLine(ledger.fa1, -10_000),),
        "settled": (DisputeLine(ledger.settled, 5_000),),
        "foreign": (DisputeLine(ledger.foreign, 5_000),),
        "none": (),
    }[lines]
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        services.disputes.open(replace(draft(ledger), lines=typed))
    assert caught.value.codes() == {field: code}
    assert snapshot(db_path) == before


def test_two_disputes_never_contest_more_than_remains(services: Services, ledger: Ledger) -> None:
    services.disputes.open(draft(ledger, (ledger.fa1, 100_000)))
    with pytest.raises(ValidationError) as caught:
        services.disputes.open(draft(ledger, (ledger.fa1, 50_001)))
    assert caught.value.codes() == {"lines.0.amount": ErrorCode.AMOUNT_ABOVE_OPEN}
    services.disputes.open(draft(ledger, (ledger.fa1, 50_000)))  # exactly what remains


def test_open_refuses_a_missing_description_and_an_unknown_owner(
    services: Services, ledger: Ledger, db_path: Path
) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        services.disputes.open(draft(ledger, description=" ", owner_id=999))
    assert caught.value.codes() == {
        "description": ErrorCode.REQUIRED,
        "owner_id": ErrorCode.NOT_FOUND,
    }
    with pytest.raises(NotFoundError):
        services.disputes.open(draft(ledger, customer_id=999))
    assert snapshot(db_path) == before


# --- reading ----------------------------------------------------------------------------


def test_list_filters_summary_and_lookups(services: Services, ledger: Ledger) -> None:
    damaged = services.disputes.open(draft(ledger, (ledger.fa1, 50_000)))
    price = services.disputes.open(
        draft(
            ledger,
            (ledger.fa2, 10_000),
            category=DisputeCategory.PRICE,
            department=Department.SALES,
            owner_id=ledger.julie,
            reported_on=date(2026, 3, 12),
            expected_answer_on=None,
        )
    )
    other = services.disputes.open(
        draft(
            ledger,
            (ledger.foreign, 80_000),
            customer_id=ledger.other_customer_id,
            category=DisputeCategory.PRICE,
            department=Department.SALES,
            reported_on=date(2026, 2, 1),
        )
    )
    services.disputes.reject(other, "Prix conforme au devis signé le 12/01.")

    assert [r.id for r in services.disputes.list()] == [price, damaged, other]  # newest first
    assert [r.id for r in services.disputes.list(DisputeFilter(open_only=True))] == [price, damaged]
    only = DisputeFilter(statuses=frozenset({DisputeStatus.REJECTED}))
    assert [r.id for r in services.disputes.list(only)] == [other]
    assert [
        r.id for r in services.disputes.list(DisputeFilter(category=DisputeCategory.PRICE))
    ] == [price, other]
    by_dept = DisputeFilter(department=Department.QUALITY)
    assert [r.id for r in services.disputes.list(by_dept)] == [damaged]
    assert [r.id for r in services.disputes.list(DisputeFilter(owner_id=ledger.julie))] == [price]
    # Days open: 14 for the damaged one, 4 for the price one, 43 until rejected today.
    assert [r.id for r in services.disputes.list(DisputeFilter(min_days_open=10))] == [
        damaged,
        other,
    ]
    rows = {r.id: r for r in services.disputes.list()}
    assert (rows[price].days_open, rows[price].answer_overdue) == (4, False)
    assert (rows[other].days_open, rows[other].answer_overdue) == (43, False)  # closed

    assert [r.id for r in services.disputes.for_customer(ledger.customer_id)] == [price, damaged]
    assert [r.id for r in services.disputes.open_disputes_of_document(ledger.fa1)] == [damaged]
    assert services.disputes.open_disputes_of_document(ledger.foreign) == []  # rejected

    summary = services.disputes.summary()
    assert (summary.open_count, summary.disputed_cents) == (2, 140_000)
    assert [(s.key, s.count, s.disputed_cents) for s in summary.by_category] == [
        ("price", 2, 90_000),
        ("damaged", 1, 50_000),
    ]
    assert [(s.key, s.count, s.disputed_cents) for s in summary.by_department] == [
        ("sales", 2, 90_000),
        ("quality", 1, 50_000),
    ]
    open_summary = services.disputes.summary(DisputeFilter(open_only=True))
    assert (open_summary.open_count, open_summary.disputed_cents) == (2, 60_000)
    with pytest.raises(NotFoundError):
        services.disputes.get(999)


# --- history ----------------------------------------------------------------------------


def test_status_history_is_dated_and_signed(services: Services, ledger: Ledger) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    karim = as_user(services, "Karim Benali", datetime(2026, 3, 17, 14, 5))
    karim.disputes.change_status(dispute_id, DisputeStatus.ANALYSIS, "Photos demandées")
    karim.disputes.add_note(dispute_id, "Le transporteur reconnaît la casse.")
    later = as_user(services, "Sandrine Morel", datetime(2026, 3, 19, 10, 0))
    later.disputes.change_status(dispute_id, DisputeStatus.WAITING_CUSTOMER)
    events = later.disputes.get(dispute_id).events
    karim.close()
    later.close()
    assert [(e.at, e.author, e.from_status, e.to_status, e.text) for e in events] == [
        (datetime(2026, 3, 16, 9, 30), "Camille Test", None, DisputeStatus.OPEN, ""),
        (
            datetime(2026, 3, 17, 14, 5),
            "Karim Benali",
            DisputeStatus.OPEN,
            DisputeStatus.ANALYSIS,
            "Photos demandées",
        ),
        (
            datetime(2026, 3, 17, 14, 5),
            "Karim Benali",
            None,
            None,
            "Le transporteur reconnaît la casse.",
        ),
        (
            datetime(2026, 3, 19, 10, 0),
            "Sandrine Morel",
            DisputeStatus.ANALYSIS,
            DisputeStatus.WAITING_CUSTOMER,
            "",
        ),
    ]
    assert [e.is_note for e in events] == [False, False, True, False]


@pytest.mark.parametrize("to", [DisputeStatus.RESOLVED, DisputeStatus.REJECTED, DisputeStatus.OPEN])
def test_closing_without_a_resolution_is_refused(
    services: Services, ledger: Ledger, db_path: Path, to: DisputeStatus
) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    before = snapshot(db_path)
    with pytest.raises(DisputeError) as caught:
        services.disputes.change_status(dispute_id, to)  # OPEN: it already is
    assert caught.value.code == "invalid_transition"
    with pytest.raises(ValidationError) as blank:
        services.disputes.reject(dispute_id, "   ")
    assert blank.value.codes() == {"reason": ErrorCode.REQUIRED}
    with pytest.raises(ValidationError):
        services.disputes.add_note(dispute_id, "  ")
    assert snapshot(db_path) == before


def test_update_edits_an_open_dispute_and_notes_the_new_amount(
    services: Services, ledger: Ledger
) -> None:
    dispute_id = services.disputes.open(draft(ledger, (ledger.fa1, 50_000)))
    edited = replace(
        services.disputes.get(dispute_id).draft(),
        lines=(DisputeLine(ledger.fa2, 30_000),),
        category=DisputeCategory.QUANTITY,
        department=Department.LOGISTICS,
        owner_id=ledger.julie,
    )
    services.disputes.update(dispute_id, edited)
    detail = services.disputes.get(dispute_id)
    assert (detail.row.category, detail.row.department, detail.row.owner_name) == (
        DisputeCategory.QUANTITY, Department.LOGISTICS, "Julie Fontaine"
    )  # fmt: skip
    assert [(line.number, line.disputed_cents) for line in detail.lines] == [
        ("FA-2026-0102", 30_000)
    ]
    assert detail.events[-1].text.replace("\u202f", " ").replace("\u00a0", " ") == (
        "Montant contesté modifié : 500,00 € → 300,00 €"
    )
    with pytest.raises(ValidationError) as caught:
        services.disputes.update(dispute_id, replace(edited, customer_id=ledger.other_customer_id))
    assert caught.value.codes() == {"customer_id": ErrorCode.CANNOT_CHANGE}
    # Its own lines do not count against it: the full open amount may be disputed.
    services.disputes.update(dispute_id, replace(edited, lines=(DisputeLine(ledger.fa1, 150_000),)))


# --- attachments ------------------------------------------------------------------------


def test_attachments_are_copied_beside_the_file_under_safe_unique_names(
    services: Services, ledger: Ledger, db_path: Path, tmp_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    outside = tmp_path / "reçus"
    outside.mkdir()
    photo = outside / "photo palette.jpg"
    photo.write_bytes(b"\xff\xd8 photo 1")
    first = services.disputes.attach(dispute_id, photo)
    photo.write_bytes(b"\xff\xd8 photo 2")
    second = services.disputes.attach(dispute_id, photo)
    assert photo.exists()  # copied, never moved
    folder = attachments_dir(db_path) / str(dispute_id)
    assert folder == tmp_path / "encaisse-pieces" / str(dispute_id)
    one, two = services.disputes.attachment_path(first), services.disputes.attachment_path(second)
    assert (one.name, two.name) == ("photo palette.jpg", "photo palette (2).jpg")
    assert (one.read_bytes(), two.read_bytes()) == (b"\xff\xd8 photo 1", b"\xff\xd8 photo 2")
    assert one.parent == two.parent == folder.resolve()
    detail = services.disputes.get(dispute_id)
    assert [a.file_name for a in detail.attachments] == ["photo palette.jpg"] * 2
    assert detail.events[-1].text == "Pièce jointe ajoutée : photo palette.jpg"


def test_a_hostile_name_or_a_tampered_row_never_leaves_the_folder(
    services: Services, ledger: Ledger, db_path: Path, tmp_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    odd = tmp_path / "..bon:livraison?.pdf"
    odd.write_bytes(b"%PDF-1.4")
    attachment = services.disputes.attach(dispute_id, odd)
    path = services.disputes.attachment_path(attachment)
    assert path.name == "bon_livraison_.pdf"
    assert path.parent == (attachments_dir(db_path) / str(dispute_id)).resolve()
    # Someone edits the file by hand: the stored name points outside the folder.
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE dispute_attachments SET stored_name = '../../encaisse.sqlite'")
    connection.close()
    with pytest.raises(DisputeError) as caught:
        services.disputes.attachment_path(attachment)
    assert caught.value.code == "attachment_missing"


def test_attaching_a_missing_file_changes_nothing(
    services: Services, ledger: Ledger, db_path: Path, tmp_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    before = snapshot(db_path)
    with pytest.raises(DisputeError) as caught:
        services.disputes.attach(dispute_id, tmp_path / "absent.jpg")
    assert caught.value.code == "attachment_missing"
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"x")
    with pytest.raises(NotFoundError):
        services.disputes.attach(999, photo)
    assert snapshot(db_path) == before
    assert not (attachments_dir(db_path) / "999").exists() or not any(
        (attachments_dir(db_path) / "999").iterdir()
    )


# --- closing ----------------------------------------------------------------------------


def test_a_credit_note_resolution_adds_the_credit_note_to_the_ledger(
    services: Services, ledger: Ledger
) -> None:
    dispute_id = services.disputes.open(draft(ledger, (ledger.fa1, 50_000), (ledger.fa2, 10_000)))
    services.disputes.resolve(
        dispute_id,
        ResolutionDraft(
            DisputeResolution.CREDIT_NOTE, 60_000, " AV-2026-0042 ", note="Casse reconnue"
        ),
    )
    detail = services.disputes.get(dispute_id)
    assert (detail.row.status, detail.resolution, detail.resolution_cents) == (
        DisputeStatus.RESOLVED, DisputeResolution.CREDIT_NOTE, 60_000
    )  # fmt: skip
    assert (detail.credit_note_number, detail.resolved_on) == ("AV-2026-0042", date(2026, 3, 16))
    assert detail.resolution_note == "Casse reconnue"
    last = detail.events[-1]
    assert (last.from_status, last.to_status) == (DisputeStatus.OPEN, DisputeStatus.RESOLVED)
    with services.database.read() as session:
        credit = session.query(Document).filter_by(number="AV-2026-0042").one()
        assert (credit.kind, credit.total_cents, credit.open_cents) == (
            DocumentKind.CREDIT_NOTE.value, -60_000, -60_000
        )  # fmt: skip
        assert (credit.customer_id, credit.corrects_id) == (ledger.customer_id, ledger.fa1)
        assert credit.settled_on is None and credit.issued_on == date(2026, 3, 16)
    # The same number twice is refused.
    again = services.disputes.open(draft(ledger, (ledger.fa2, 5_000)))
    with pytest.raises(ValidationError) as caught:
        services.disputes.resolve(
            again, ResolutionDraft(DisputeResolution.CREDIT_NOTE, 5_000, "AV-2026-0042")
        )
    assert caught.value.codes() == {"credit_note_number": ErrorCode.DUPLICATE_NUMBER}


def test_a_credit_note_above_the_disputed_total_needs_a_confirmation(
    services: Services, ledger: Ledger, db_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger, (ledger.fa1, 50_000)))
    before = snapshot(db_path)
    above = ResolutionDraft(DisputeResolution.CREDIT_NOTE, 50_001, "AV-2026-0043")
    with pytest.raises(DisputeError) as caught:
        services.disputes.resolve(dispute_id, above)
    assert caught.value.code == "credit_above_disputed"
    assert snapshot(db_path) == before
    services.disputes.resolve(dispute_id, replace(above, confirm_above_disputed=True))
    assert services.disputes.get(dispute_id).resolution_cents == 50_001


def test_a_credit_note_on_a_settled_invoice_is_refused(
    services: Services, ledger: Ledger, db_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger, (ledger.fa2, 10_000)))
    # The customer paid the invoice in full meanwhile (the accounting export says so).
    with services.database.transaction() as session:
        doc = session.get(Document, ledger.fa2)
        assert doc is not None
        doc.open_cents, doc.settled_on = 0, date(2026, 3, 15)
    before = snapshot(db_path)
    with pytest.raises(DisputeError) as caught:
        services.disputes.resolve(
            dispute_id, ResolutionDraft(DisputeResolution.CREDIT_NOTE, 10_000, "AV-2026-0044")
        )
    assert caught.value.code == "settled_invoice"
    assert snapshot(db_path) == before


def test_gesture_and_reissued_invoice_resolutions(services: Services, ledger: Ledger) -> None:
    gesture = services.disputes.open(draft(ledger, (ledger.fa1, 50_000)))
    reissued = services.disputes.open(draft(ledger, (ledger.fa2, 30_000)))
    with pytest.raises(ValidationError) as caught:
        services.disputes.resolve(
            gesture, ResolutionDraft(DisputeResolution.COMMERCIAL_GESTURE, 20_000)
        )
    assert caught.value.codes() == {"approved_by": ErrorCode.REQUIRED}
    services.disputes.resolve(
        gesture,
        ResolutionDraft(DisputeResolution.COMMERCIAL_GESTURE, 20_000, approved_by="Laurent Durand"),
    )
    services.disputes.resolve(
        reissued,
        ResolutionDraft(DisputeResolution.REISSUED_INVOICE, reissued_number="FA-2026-0150"),
    )
    g, r = services.disputes.get(gesture), services.disputes.get(reissued)
    assert (g.resolution, g.resolution_cents, g.approved_by) == (
        DisputeResolution.COMMERCIAL_GESTURE, 20_000, "Laurent Durand"
    )  # fmt: skip
    assert (r.resolution, r.reissued_number, r.credit_note_number) == (
        DisputeResolution.REISSUED_INVOICE, "FA-2026-0150", ""
    )  # fmt: skip
    with services.database.read() as session:
        assert session.query(Document).filter_by(kind=DocumentKind.CREDIT_NOTE.value).count() == 0


def test_a_closed_dispute_refuses_every_change_but_notes(
    services: Services, ledger: Ledger, db_path: Path
) -> None:
    dispute_id = services.disputes.open(draft(ledger))
    services.disputes.reject(dispute_id, "Bon de livraison signé sans réserve.")
    detail = services.disputes.get(dispute_id)
    assert (detail.row.status, detail.resolution, detail.resolution_note) == (
        DisputeStatus.REJECTED, DisputeResolution.REJECTED, "Bon de livraison signé sans réserve."
    )  # fmt: skip
    before = snapshot(db_path)
    for action in (
        lambda: services.disputes.change_status(dispute_id, DisputeStatus.ANALYSIS),
        lambda: services.disputes.reject(dispute_id, "encore"),
        lambda: services.disputes.resolve(
            dispute_id, ResolutionDraft(DisputeResolution.REISSUED_INVOICE, reissued_number="X")
        ),
        lambda: services.disputes.update(dispute_id, detail.draft()),
    ):
        with pytest.raises(DisputeError) as caught:
            action()
        assert caught.value.code == "already_closed"
    assert snapshot(db_path) == before
    services.disputes.add_note(dispute_id, "Le client a réglé le 20/03.")
    assert services.disputes.get(dispute_id).events[-1].text == "Le client a réglé le 20/03."


def test_answering_the_dispute_task(services: Services, ledger: Ledger) -> None:
    services.disputes.open(draft(ledger))
    (task,) = services.tasks.tasks(ledger.julie)
    services.tasks.complete(task.id, "Commandes en cours : oui. Geste possible de 5 %.")
    (done,) = services.tasks.tasks(ledger.julie, include_closed=True)
    assert done.status is TaskStatus.DONE and done.answer.startswith("Commandes en cours")


# --- documents --------------------------------------------------------------------------


def test_export_xlsx_is_formula_safe(services: Services, ledger: Ledger, tmp_path: Path) -> None:
    services.customers.update(
        ledger.customer_id, customer('=HYPERLINK("http://x")', salesperson_id=ledger.julie)
    )
    services.disputes.open(draft(ledger, (ledger.fa1, 12_345)))
    path = services.disputes.export_xlsx(None, tmp_path / "litiges.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "N°" and sheet["L1"].value == "Montant contesté"
    assert sheet["B2"].value == '=HYPERLINK("http://x")' and sheet["B2"].data_type == "s"
    assert sheet["D2"].value == "Marchandise abîmée ou non conforme"
    assert float(sheet["L2"].value) == 123.45
    assert sheet["B3"].value == "1 litige(s)" and float(sheet["L3"].value) == 123.45
