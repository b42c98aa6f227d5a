"""Importing receivables: dry run, all-or-nothing apply, re-import, complete exports, undo.

The exports are built by hand (the parsers have their own tests): what matters here is
how an export meets what the data file already holds.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from desktop.domain.clock import FixedClock
from desktop.domain.enums import DocumentKind, PaymentTermsBasis
from desktop.domain.errors import ValidationError
from desktop.domain.ledger import ImportProblem, LedgerEntry, ParsedExport, RejectedLine
from desktop.persistence.engine import make_engine
from desktop.persistence.migrations import alembic_config, open_or_create
from desktop.persistence.models import AuditEntry, Customer, Dispute, DisputeItem, Document
from desktop.services.customers import ContactData
from desktop.services.imports.service import (
    ImportCancelled,
    ImportOptions,
    ImportRejected,
    ImportUndoRefused,
    SettleReason,
    UndoProblem,
)
from desktop.services.registry import Services
from tests.db.factories import count_rows, customer

INVOICE = DocumentKind.INVOICE
CREDIT_NOTE = DocumentKind.CREDIT_NOTE
PAYMENT = DocumentKind.PAYMENT

DUPONT = ("411DUPONT", "Boulangerie Dupont & Fils")
MARTIN = ("411MARTIN", "Garage Martin SARL")
EPI = ("411EPIDOR", "L'Épi d'Or — Pâtisserie")

OPTIONS = ImportOptions(file_name="FEC_732829320_20260315.txt", source_format="fec")


def entry(
    line_no: int,
    who: tuple[str, str],
    kind: DocumentKind,
    number: str,
    issued_on: date,
    total_cents: int,
    open_cents: int | None = None,
    *,
    letter: str = "",
    due_on: date | None = None,
    label: str = "",
    corrects: str = "",
) -> LedgerEntry:
    return LedgerEntry(
        line_no=line_no,
        customer_code=who[0],
        customer_name=who[1],
        kind=kind,
        number=number,
        issued_on=issued_on,
        due_on=due_on,
        total_cents=total_cents,
        open_cents=total_cents if open_cents is None else open_cents,
        matching_code=letter,
        label=label,
        corrects_number=corrects,
    )


def export(*entries: LedgerEntry, rejected: tuple[RejectedLine, ...] = ()) -> ParsedExport:
    return ParsedExport("fec", "cp1252", 3 * len(entries), tuple(entries), rejected)


def march_export() -> ParsedExport:
    """Two customers: Dupont owes two invoices less a credit note; Martin paid one
    invoice (matched "AA" with his transfer) and owes another."""
    return export(
        entry(2, DUPONT, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000, label="Pains"),
        entry(5, DUPONT, INVOICE, "FA-2026-0102", date(2026, 2, 3), 288_000),
        entry(
            8,
            DUPONT,
            CREDIT_NOTE,
            "AV-2026-0007",
            date(2026, 2, 10),
            24_000,
            label="Avoir casse",
            corrects="FA-2026-0102",
        ),
        entry(11, MARTIN, INVOICE, "FA-2026-0103", date(2026, 2, 20), 960_000, 0, letter="AA"),
        entry(14, MARTIN, PAYMENT, "VIR-0301", date(2026, 3, 1), 960_000, 0, letter="AA"),
        entry(16, MARTIN, INVOICE, "FA-2026-0110", date(2026, 3, 5), 120_000),
    )


def april_export() -> ParsedExport:
    """A month later: FA-0101 is paid (matched "AB"), FA-0102 was corrected to
    3 000,00 €, a new transfer arrived; everything else as in March."""
    march = {e.number: e for e in march_export().entries}
    return export(
        replace(march["FA-2026-0101"], open_cents=0, matching_code="AB"),
        replace(march["FA-2026-0102"], total_cents=300_000, open_cents=300_000),
        march["AV-2026-0007"],
        march["FA-2026-0103"],
        march["VIR-0301"],
        march["FA-2026-0110"],
        entry(20, DUPONT, PAYMENT, "VIR-0402", date(2026, 4, 2), 144_000, 0, letter="AB"),
    )


def customer_id(services: Services, code: str) -> int | None:
    with services.database.read() as session:
        return session.scalars(select(Customer.id).where(Customer.account_code == code)).first()


def documents(services: Services) -> dict[str, Document]:
    with services.database.read() as session:
        found = {d.number: d for d in session.scalars(select(Document))}
        session.expunge_all()  # detached with their values loaded
    return found


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of the tables an import touches, as plain tuples."""
    with sqlite3.connect(path) as connection:
        tables = {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("customers", "documents", "contacts")
        }
    connection.close()
    return tables


def counts(path: Path) -> dict[str, int]:
    return {
        table: count_rows(path, table)
        for table in ("customers", "documents", "imports", "import_changes", "audit_log")
    }


# --- a first import ---------------------------------------------------------------------


def test_first_import_creates_customers_and_signed_documents(services: Services) -> None:
    plan = services.imports.plan(march_export(), OPTIONS)

    assert plan.ok
    assert [(c.code, c.name) for c in plan.customers_to_create] == [DUPONT, MARTIN]
    assert [d.number for d in plan.to_create] == [
        "FA-2026-0101",
        "FA-2026-0102",
        "AV-2026-0007",
        "FA-2026-0103",
        "VIR-0301",
        "FA-2026-0110",
    ]
    assert (plan.to_update, plan.to_settle, plan.unchanged) == ((), (), 0)

    result = services.imports.apply(march_export(), OPTIONS)

    assert (result.created, result.updated, result.settled, result.unchanged) == (6, 0, 0, 0)
    assert result.customers_created == 2
    docs = documents(services)
    fa101, av7, vir = docs["FA-2026-0101"], docs["AV-2026-0007"], docs["VIR-0301"]
    # Signed as stored: the aged balance is a plain sum of open amounts.
    assert (fa101.total_cents, fa101.open_cents, fa101.settled_on) == (144_000, 144_000, None)
    assert (av7.total_cents, av7.open_cents) == (-24_000, -24_000)
    assert (vir.kind, vir.total_cents, vir.open_cents) == ("payment", -960_000, 0)
    assert vir.settled_on == date(2026, 3, 16) and vir.matching_code == "AA"
    assert docs["FA-2026-0103"].settled_on == date(2026, 3, 16)
    assert sum(d.open_cents for d in docs.values()) == 144_000 + 288_000 - 24_000 + 120_000
    # No due date in a FEC: the default terms, 30 days from the invoice date.
    assert fa101.due_on == date(2026, 2, 14)
    assert av7.corrects_id == docs["FA-2026-0102"].id
    assert fa101.label == "Pains" and fa101.import_source == OPTIONS.file_name
    assert {d.import_id for d in docs.values()} == {result.import_id}

    dupont_id = customer_id(services, "411DUPONT")
    assert dupont_id is not None
    dupont = services.customers.get(dupont_id)
    assert dupont.draft.legal_name == "Boulangerie Dupont & Fils"
    assert dupont.draft.status.value == "active"
    assert dupont.draft.country.value == "FR"
    assert dupont.draft.account_code == "411DUPONT"
    assert (dupont.draft.payment_terms_days, dupont.draft.payment_terms_basis) == (
        30,
        PaymentTermsBasis.INVOICE_DATE,
    )
    assert {d.customer_id for n, d in docs.items() if n in ("FA-2026-0101", "AV-2026-0007")} == {
        dupont_id
    }


def test_created_customers_are_searchable_and_sorted_like_typed_ones(
    services: Services,
) -> None:
    services.imports.apply(
        export(entry(2, EPI, INVOICE, "FA-2026-0201", date(2026, 3, 2), 50_000)), OPTIONS
    )
    with services.database.read() as session:
        row = session.execute(text("SELECT sort_name, search_text, status FROM customers")).one()
    assert row.sort_name == "l'epi d'or — patisserie"
    assert "411epidor" in row.search_text
    assert row.status == "active"
    with services.database.read() as session:
        audit = session.scalars(
            select(AuditEntry.entity).where(AuditEntry.action == "create")
        ).all()
    assert sorted(audit) == ["customer", "import"]


def test_rows_written_in_bulk_read_back_like_any_other(services: Services, db_path: Path) -> None:
    """Documents go in through a precompiled statement: same text forms as the ORM's."""
    services.imports.apply(march_export(), OPTIONS)
    (started_at,) = {row[0] for row in _raw(db_path, "SELECT started_at FROM imports")}
    stored = _raw(db_path, "SELECT created_at, updated_at, issued_on, settled_on FROM documents")
    assert {(r[0], r[1]) for r in stored} == {(started_at, started_at)}
    assert started_at == "2026-03-16 09:30:00.000000"
    assert {r[2] for r in stored} >= {"2026-01-15", "2026-03-05"}
    assert {r[3] for r in stored} == {None, "2026-03-16"}


def _raw(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        found = connection.execute(sql).fetchall()
    connection.close()
    return found


def test_plan_writes_nothing(services: Services, db_path: Path) -> None:
    before = counts(db_path)
    plan = services.imports.plan(march_export(), OPTIONS)
    assert plan.has_changes
    assert counts(db_path) == before


def test_existing_customer_is_matched_by_account_code_and_its_terms_give_the_due_date(
    services: Services,
) -> None:
    # 45 days end of month, first method: 15 Jan + 45 days = 1 March -> 31 March.
    dupont_id = services.customers.create(
        customer(
            "Boulangerie Dupont et Fils SARL",
            account_code="411DUPONT",
            payment_terms_days=45,
            payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_AFTER,
        )
    )
    options = replace(OPTIONS, default_terms_days=60)

    plan = services.imports.plan(march_export(), options)

    assert [c.code for c in plan.customers_to_create] == ["411MARTIN"]
    by_number = {d.number: d for d in plan.to_create}
    assert by_number["FA-2026-0101"].customer_id == dupont_id
    assert by_number["FA-2026-0101"].due_on == date(2026, 3, 31)
    assert by_number["FA-2026-0102"].due_on == date(2026, 3, 31)  # 3 Feb + 45 = 20 Mar
    # Martin is new: the default of the options, 60 days from the invoice date.
    assert by_number["FA-2026-0110"].due_on == date(2026, 5, 4)

    services.imports.apply(march_export(), options)

    docs = documents(services)
    assert docs["FA-2026-0101"].due_on == date(2026, 3, 31)
    assert docs["FA-2026-0101"].customer_id == dupont_id
    # The existing customer keeps the name the user typed.
    assert services.customers.get(dupont_id).draft.legal_name == "Boulangerie Dupont et Fils SARL"
    martin = services.customers.get(customer_id(services, "411MARTIN") or 0)
    assert martin.draft.payment_terms_days == 60


def test_the_other_counting_method_and_a_due_date_given_by_the_export(
    services: Services,
) -> None:
    # Second method: end of January, then 45 days -> 17 March.
    services.customers.create(
        customer(
            "Boulangerie Dupont & Fils",
            account_code="411DUPONT",
            payment_terms_days=45,
            payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_THEN,
        )
    )
    plan = services.imports.plan(
        export(
            entry(2, DUPONT, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000),
            entry(
                3,
                DUPONT,
                INVOICE,
                "FA-2026-0104",
                date(2026, 1, 15),
                10_000,
                due_on=date(2026, 2, 28),
            ),
        ),
        OPTIONS,
    )
    due = {d.number: d.due_on for d in plan.to_create}
    assert due == {"FA-2026-0101": date(2026, 3, 17), "FA-2026-0104": date(2026, 2, 28)}


# --- importing again --------------------------------------------------------------------


def test_importing_the_same_export_again_changes_nothing(services: Services, db_path: Path) -> None:
    services.imports.apply(march_export(), OPTIONS)
    before = snapshot(db_path)

    plan = services.imports.plan(march_export(), OPTIONS)
    assert not plan.has_changes and plan.unchanged == 6
    result = services.imports.apply(march_export(), OPTIONS)

    assert (result.created, result.updated, result.settled, result.unchanged) == (0, 0, 0, 6)
    assert result.customers_created == 0
    assert snapshot(db_path) == before  # no duplicate, not even a new updated_at
    assert count_rows(db_path, "imports") == 2


def test_a_newer_export_updates_an_amount_and_settles_a_matched_invoice(
    services: Services, clock: FixedClock
) -> None:
    services.imports.apply(march_export(), OPTIONS)
    first = documents(services)
    clock.moment = datetime(2026, 4, 3, 8, 0)

    plan = services.imports.plan(april_export(), OPTIONS)

    assert [d.number for d in plan.to_create] == ["VIR-0402"]
    (updated,) = plan.to_update
    assert updated.number == "FA-2026-0102" and updated.reason is None
    assert {(c.field, c.before, c.after) for c in updated.changes} == {
        ("total_cents", 288_000, 300_000),
        ("open_cents", 288_000, 300_000),
    }
    (settled,) = plan.to_settle
    assert (settled.number, settled.reason, settled.line_no) == (
        "FA-2026-0101",
        SettleReason.MATCHED,
        2,
    )
    assert {c.field for c in settled.changes} == {"open_cents", "settled_on", "matching_code"}
    assert plan.unchanged == 4

    result = services.imports.apply(april_export(), OPTIONS)

    assert (result.created, result.updated, result.settled, result.unchanged) == (1, 1, 1, 4)
    docs = documents(services)
    assert len(docs) == 7
    assert docs["FA-2026-0101"].open_cents == 0
    assert docs["FA-2026-0101"].settled_on == date(2026, 4, 3)
    assert docs["FA-2026-0101"].matching_code == "AB"
    assert (docs["FA-2026-0102"].total_cents, docs["FA-2026-0102"].open_cents) == (
        300_000,
        300_000,
    )
    assert docs["FA-2026-0102"].due_on == first["FA-2026-0102"].due_on
    assert docs["FA-2026-0102"].import_id == result.import_id
    assert docs["AV-2026-0007"].import_id == first["AV-2026-0007"].import_id  # untouched
    assert docs["VIR-0402"].open_cents == 0


def test_an_invoice_matched_again_in_the_accounts_reopens(services: Services) -> None:
    services.imports.apply(april_export(), OPTIONS)
    plan = services.imports.plan(march_export(), OPTIONS)  # FA-0101 unmatched again
    by_number = {c.number: c for c in plan.to_update}
    reopened = by_number["FA-2026-0101"].after
    assert (reopened.open_cents, reopened.settled_on, reopened.matching_code) == (144_000, None, "")


def test_a_complete_export_settles_what_it_no_longer_lists(
    services: Services, clock: FixedClock
) -> None:
    services.imports.apply(march_export(), OPTIONS)
    dupont_id = customer_id(services, "411DUPONT")
    with services.database.transaction() as session:  # from a payment schedule
        session.add(
            Document(
                customer_id=dupont_id,
                kind=DocumentKind.EXPECTED_INSTALMENT.value,
                number="ECH-2026-0001",
                issued_on=date(2026, 3, 1),
                due_on=date(2026, 4, 30),
                total_cents=50_000,
                open_cents=50_000,
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )
    # Paid since: FA-0110 (Martin) and the credit note (Dupont) are gone from the export.
    later = export(
        *(e for e in march_export().entries if e.number not in ("FA-2026-0110", "AV-2026-0007"))
    )
    clock.moment = datetime(2026, 4, 1, 9, 0)

    partial = services.imports.plan(later, OPTIONS)
    assert partial.to_settle == () and partial.unchanged == 4

    plan = services.imports.plan(later, replace(OPTIONS, complete=True))
    assert sorted((s.number, s.reason, s.line_no) for s in plan.to_settle) == [
        ("AV-2026-0007", SettleReason.VANISHED, 0),
        ("FA-2026-0110", SettleReason.VANISHED, 0),
    ]
    result = services.imports.apply(later, replace(OPTIONS, complete=True))

    assert result.settled == 2
    docs = documents(services)
    assert (docs["FA-2026-0110"].open_cents, docs["FA-2026-0110"].settled_on) == (
        0,
        date(2026, 4, 1),
    )
    assert docs["FA-2026-0110"].total_cents == 120_000
    assert docs["AV-2026-0007"].open_cents == 0
    assert docs["ECH-2026-0001"].open_cents == 50_000  # never in an accounting export
    assert services.imports.history()[0].complete


def test_a_non_complete_export_leaves_vanished_documents_open(services: Services) -> None:
    services.imports.apply(march_export(), OPTIONS)
    later = export(*(e for e in march_export().entries if e.number != "FA-2026-0110"))
    result = services.imports.apply(later, OPTIONS)
    assert result.settled == 0
    assert documents(services)["FA-2026-0110"].open_cents == 120_000


def test_a_complete_export_leaves_customers_it_does_not_list_alone(services: Services) -> None:
    services.imports.apply(march_export(), OPTIONS)
    only_martin = export(*(e for e in march_export().entries if e.customer_code == "411MARTIN"))
    plan = services.imports.plan(only_martin, replace(OPTIONS, complete=True))
    assert plan.to_settle == ()
    assert plan.unchanged == 3


def test_apply_reuses_the_dry_run_only_while_nothing_moved(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = march_export()
    dry_run = services.imports.plan(parsed, OPTIONS)
    computed: list[int] = []
    original = services.imports._compute

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        computed.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(services.imports, "_compute", counting)

    first = services.imports.apply(parsed, OPTIONS, plan=dry_run)
    assert computed == [] and first.created == 6

    # The same dry run again: the file moved (an import), so it plans again.
    again = services.imports.apply(parsed, OPTIONS, plan=dry_run)
    assert computed == [1]
    assert (again.created, again.unchanged) == (0, 6)

    # Another export or other options than the dry run's: planned again too.
    fresh = services.imports.plan(parsed, OPTIONS)
    computed.clear()
    services.imports.apply(march_export(), OPTIONS, plan=fresh)
    services.imports.apply(parsed, replace(OPTIONS, complete=True), plan=fresh)
    assert computed == [1, 1]
    assert len(documents(services)) == 6


# --- all or nothing ---------------------------------------------------------------------


def test_one_rejected_line_refuses_the_whole_import(services: Services, db_path: Path) -> None:
    broken = export(
        *march_export().entries,
        rejected=(RejectedLine(7, ImportProblem.BAD_AMOUNT, "Debit « 12,3,4 »"),),
    )
    before = counts(db_path)

    plan = services.imports.plan(broken, OPTIONS)
    assert not plan.ok
    assert plan.rejected == (RejectedLine(7, ImportProblem.BAD_AMOUNT, "Debit « 12,3,4 »"),)
    assert len(plan.to_create) == 6  # the rest is still shown in the preview

    with pytest.raises(ImportRejected) as refused:
        services.imports.apply(broken, OPTIONS)

    assert refused.value.plan.rejected == plan.rejected
    assert counts(db_path) == before
    assert services.imports.history() == []


def test_a_number_held_by_another_customer_is_rejected(services: Services, db_path: Path) -> None:
    services.imports.apply(march_export(), OPTIONS)
    before = snapshot(db_path), counts(db_path)
    stolen = export(
        entry(4, MARTIN, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000),
        entry(6, EPI, INVOICE, "FA-2026-0301", date(2026, 3, 10), 10_000),
    )

    plan = services.imports.plan(stolen, OPTIONS)

    assert plan.rejected == (
        RejectedLine(
            4, ImportProblem.CONFLICTING_CUSTOMERS, "FA-2026-0101 : 411DUPONT / 411MARTIN"
        ),
    )
    with pytest.raises(ImportRejected):
        services.imports.apply(stolen, OPTIONS)
    assert (snapshot(db_path), counts(db_path)) == before


def test_one_number_twice_in_an_export(services: Services) -> None:
    twice = export(
        entry(2, DUPONT, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000),
        entry(5, MARTIN, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000),
        entry(8, DUPONT, INVOICE, "FA-2026-0102", date(2026, 2, 3), 288_000),
        entry(9, DUPONT, INVOICE, "FA-2026-0102", date(2026, 2, 3), 1_000),
        entry(11, DUPONT, PAYMENT, "FA-2026-0101", date(2026, 3, 1), 144_000, 0, letter="A"),
    )
    plan = services.imports.plan(twice, OPTIONS)
    assert [(r.line_no, r.problem) for r in plan.rejected] == [
        (5, ImportProblem.CONFLICTING_CUSTOMERS),
        (9, ImportProblem.CONFLICTING_AMOUNTS),
    ]
    # An invoice and a payment may share a number: the key is (kind, number).
    assert sorted((d.kind.value, d.number) for d in plan.to_create) == [
        ("invoice", "FA-2026-0101"),
        ("invoice", "FA-2026-0102"),
        ("payment", "FA-2026-0101"),
    ]


# --- a remittance shared by several customers -------------------------------------------


def remittance_export() -> ParsedExport:
    """One bank remittance REM-0042 pays an invoice of Dupont and one of Martin (one
    payment per customer under the same number); Martin's part is not matched yet."""
    return export(
        entry(2, DUPONT, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000, 0, letter="AA"),
        entry(5, MARTIN, INVOICE, "FA-2026-0103", date(2026, 2, 20), 96_000),
        entry(9, DUPONT, PAYMENT, "REM-0042", date(2026, 3, 2), 144_000, 0, letter="AA"),
        entry(10, MARTIN, PAYMENT, "REM-0042", date(2026, 3, 2), 96_000),
    )


def payments(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT c.account_code, d.number, d.total_cents, d.open_cents FROM documents d"
            " JOIN customers c ON c.id = d.customer_id WHERE d.kind = 'payment'"
            " ORDER BY c.account_code"
        ).fetchall()
    connection.close()
    return rows


def test_a_remittance_shared_by_two_customers_makes_one_payment_each(
    services: Services, db_path: Path
) -> None:
    plan = services.imports.plan(remittance_export(), OPTIONS)
    assert plan.ok
    assert sorted((d.customer_code, d.kind.value, d.number) for d in plan.to_create) == [
        ("411DUPONT", "invoice", "FA-2026-0101"),
        ("411DUPONT", "payment", "REM-0042"),
        ("411MARTIN", "invoice", "FA-2026-0103"),
        ("411MARTIN", "payment", "REM-0042"),
    ]

    result = services.imports.apply(remittance_export(), OPTIONS, plan=plan)

    assert (result.created, result.customers_created) == (4, 2)
    assert payments(db_path) == [
        ("411DUPONT", "REM-0042", -144_000, 0),
        ("411MARTIN", "REM-0042", -96_000, -96_000),
    ]


def test_reimporting_a_shared_remittance_changes_nothing(services: Services, db_path: Path) -> None:
    services.imports.apply(remittance_export(), OPTIONS)
    before = snapshot(db_path)

    plan = services.imports.plan(remittance_export(), OPTIONS)
    assert plan.ok and not plan.has_changes and plan.unchanged == 4
    result = services.imports.apply(remittance_export(), replace(OPTIONS, complete=True))

    assert (result.created, result.updated, result.settled, result.unchanged) == (0, 0, 0, 4)
    assert snapshot(db_path) == before


def test_a_shared_remittance_updated_then_undone(
    services: Services, clock: FixedClock, db_path: Path
) -> None:
    services.imports.apply(remittance_export(), OPTIONS)
    before = snapshot(db_path)
    clock.moment = datetime(2026, 4, 3, 8, 0)
    # Martin's part is now matched; Epi's payment joins the same remittance number.
    april = export(
        *remittance_export().entries[:3],
        entry(10, MARTIN, PAYMENT, "REM-0042", date(2026, 3, 2), 96_000, 0, letter="AB"),
        entry(11, EPI, PAYMENT, "REM-0042", date(2026, 3, 2), 5_000),
    )
    plan = services.imports.plan(april, OPTIONS)
    assert plan.ok
    assert [(c.customer_code, c.number) for c in plan.to_settle] == [("411MARTIN", "REM-0042")]
    assert [(d.customer_code, d.number) for d in plan.to_create] == [("411EPIDOR", "REM-0042")]

    result = services.imports.apply(april, OPTIONS, plan=plan)
    assert (result.created, result.settled, result.unchanged) == (1, 1, 3)
    assert payments(db_path) == [
        ("411DUPONT", "REM-0042", -144_000, 0),
        ("411EPIDOR", "REM-0042", -5_000, -5_000),
        ("411MARTIN", "REM-0042", -96_000, 0),
    ]

    # The documents it created are known by their import_id: rows only for the settled
    # payment and the created customer.
    assert count_rows(db_path, "import_changes", f"import_id = {result.import_id}") == 2
    assert count_rows(db_path, "import_changes", "action = 'created'") == 0

    services.imports.undo(result.import_id)

    assert snapshot(db_path) == before
    assert count_rows(db_path, "import_changes", f"import_id = {result.import_id}") == 0


def test_a_payment_number_of_another_customer_is_another_payment(
    services: Services, db_path: Path
) -> None:
    services.imports.apply(march_export(), OPTIONS)  # Martin's VIR-0301
    later = export(entry(3, DUPONT, PAYMENT, "VIR-0301", date(2026, 3, 1), 1_000))

    plan = services.imports.plan(later, OPTIONS)

    assert plan.ok and plan.unchanged == 0
    assert [(d.customer_code, d.number) for d in plan.to_create] == [("411DUPONT", "VIR-0301")]
    services.imports.apply(later, OPTIONS, plan=plan)
    assert payments(db_path) == [
        ("411DUPONT", "VIR-0301", -1_000, -1_000),
        ("411MARTIN", "VIR-0301", -960_000, 0),
    ]


def test_one_invoice_number_for_two_customers_is_still_rejected_in_one_export(
    services: Services,
) -> None:
    twice = export(
        *remittance_export().entries,
        entry(12, MARTIN, INVOICE, "FA-2026-0101", date(2026, 1, 15), 144_000),
    )
    plan = services.imports.plan(twice, OPTIONS)
    assert plan.rejected == (
        RejectedLine(
            12, ImportProblem.CONFLICTING_CUSTOMERS, "FA-2026-0101 : 411DUPONT / 411MARTIN"
        ),
    )


def test_values_the_file_cannot_hold_are_rejected(services: Services) -> None:
    plan = services.imports.plan(
        export(
            entry(2, DUPONT, INVOICE, "F" * 61, date(2026, 1, 15), 100),
            entry(3, ("4" * 41, "Trop long"), INVOICE, "FA-1", date(2026, 1, 15), 100),
            entry(4, DUPONT, INVOICE, "FA-2", date(2026, 1, 15), 100, 200),
        ),
        OPTIONS,
    )
    assert [(r.line_no, r.problem) for r in plan.rejected] == [
        (2, ImportProblem.TOO_LARGE),
        (3, ImportProblem.TOO_LARGE),
        (4, ImportProblem.OPEN_EXCEEDS_TOTAL),
    ]


# --- cancel and progress ----------------------------------------------------------------


def test_cancelling_rolls_everything_back(services: Services, db_path: Path) -> None:
    before = counts(db_path)
    asked = {"stop": False}

    def progress(_fraction: float) -> None:
        asked["stop"] = True  # the user clicks Annuler once writing has started

    with pytest.raises(ImportCancelled):
        services.imports.apply(
            march_export(), OPTIONS, progress=progress, cancelled=lambda: asked["stop"]
        )
    assert counts(db_path) == before


def test_progress_grows_to_one(services: Services) -> None:
    seen: list[float] = []
    services.imports.apply(march_export(), OPTIONS, progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)


# --- history and undo -------------------------------------------------------------------


def test_history_lists_the_latest_first_and_only_it_can_be_undone(
    services: Services, clock: FixedClock
) -> None:
    services.imports.apply(march_export(), OPTIONS)
    clock.moment = datetime(2026, 4, 3, 8, 0)
    services.imports.apply(april_export(), replace(OPTIONS, file_name="FEC_avril.txt"))

    first, second = reversed(services.imports.history())

    assert (second.file_name, second.created, second.updated, second.settled) == (
        "FEC_avril.txt",
        1,
        1,
        1,
    )
    assert second.started_at == datetime(2026, 4, 3, 8, 0)
    assert second.actor == "Camille Test"
    assert (first.can_undo, second.can_undo) == (False, True)
    assert first.customers_created == 2 and second.unchanged == 4


def test_undo_restores_exactly_the_previous_state(
    services: Services, clock: FixedClock, db_path: Path
) -> None:
    services.customers.create(customer("Garage Martin", account_code="411MARTIN"))
    services.imports.apply(march_export(), OPTIONS)
    before_april = snapshot(db_path)
    clock.moment = datetime(2026, 4, 3, 8, 0)
    april = export(
        *april_export().entries,
        entry(30, EPI, INVOICE, "FA-2026-0301", date(2026, 3, 30), 35_000),
    )
    result = services.imports.apply(april, replace(OPTIONS, complete=True))
    assert (result.created, result.updated, result.settled, result.customers_created) == (
        2,
        1,
        1,
        1,
    )
    assert snapshot(db_path) != before_april

    undone = services.imports.undo_last()

    assert undone.id == result.import_id and undone.undone_at == datetime(2026, 4, 3, 8, 0)
    assert snapshot(db_path) == before_april
    assert count_rows(db_path, "import_changes", f"import_id = {result.import_id}") == 0

    # Then the first import: back to the customer typed by hand, nothing else.
    services.imports.undo_last()
    after = snapshot(db_path)
    assert after["documents"] == []
    assert [row[2] for row in after["customers"]] == ["Garage Martin"]
    assert [r.undone for r in services.imports.history()] == [True, True]
    with pytest.raises(ImportUndoRefused) as nothing:
        services.imports.undo_last()
    assert nothing.value.problem is UndoProblem.NOTHING_TO_UNDO


def test_undo_of_an_import_that_is_not_the_last_is_refused(
    services: Services, db_path: Path
) -> None:
    first = services.imports.apply(march_export(), OPTIONS)
    second = services.imports.apply(april_export(), OPTIONS)
    before = snapshot(db_path)

    with pytest.raises(ImportUndoRefused) as refused:
        services.imports.undo(first.import_id)

    assert refused.value.problem is UndoProblem.NOT_LAST
    assert snapshot(db_path) == before
    services.imports.undo(second.import_id)
    with pytest.raises(ImportUndoRefused) as again:
        services.imports.undo(second.import_id)
    assert again.value.problem is UndoProblem.ALREADY_UNDONE
    services.imports.undo(first.import_id)  # now the last one in effect
    with pytest.raises(ImportUndoRefused) as missing:
        services.imports.undo(99)
    assert missing.value.problem is UndoProblem.NOT_FOUND


def test_undo_is_refused_while_a_dispute_refers_to_a_created_invoice(
    services: Services, clock: FixedClock, db_path: Path
) -> None:
    services.imports.apply(march_export(), OPTIONS)
    docs = documents(services)
    with services.database.transaction() as session:
        dispute = Dispute(
            customer_id=docs["FA-2026-0102"].customer_id,
            category="damaged",
            status="open",
            reported_on=date(2026, 3, 10),
            department="logistics",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        session.add(dispute)
        session.flush()
        session.add(
            DisputeItem(
                dispute_id=dispute.id, document_id=docs["FA-2026-0102"].id, disputed_cents=24_000
            )
        )
    before = snapshot(db_path)

    with pytest.raises(ImportUndoRefused) as refused:
        services.imports.undo_last()

    assert (refused.value.problem, refused.value.detail) == (
        UndoProblem.DOCUMENTS_IN_USE,
        "dispute_items",
    )
    assert snapshot(db_path) == before
    assert count_rows(db_path, "dispute_items") == 1


def test_undo_is_refused_when_a_document_changed_since(
    services: Services, clock: FixedClock
) -> None:
    services.imports.apply(march_export(), OPTIONS)
    clock.moment = datetime(2026, 3, 20, 14, 0)
    with services.database.transaction() as session:
        invoice = session.scalars(select(Document).where(Document.number == "FA-2026-0110")).one()
        invoice.due_on = date(2026, 5, 31)  # a due date agreed on the phone
        invoice.updated_at = clock.now()
    with pytest.raises(ImportUndoRefused) as refused:
        services.imports.undo_last()
    assert refused.value.problem is UndoProblem.DOCUMENTS_CHANGED


def test_undo_keeps_a_created_customer_the_user_has_since_worked_on(
    services: Services, clock: FixedClock, db_path: Path
) -> None:
    services.imports.apply(
        export(
            *march_export().entries,
            entry(20, EPI, INVOICE, "FA-2026-0301", date(2026, 3, 10), 35_000),
        ),
        OPTIONS,
    )
    martin_id = customer_id(services, "411MARTIN")
    assert martin_id is not None
    services.customers.save_contact(
        martin_id, ContactData(None, "Lucie", "Martin", "gérante", "lucie@garage-martin.fr")
    )
    dupont_id = customer_id(services, "411DUPONT")
    assert dupont_id is not None
    clock.moment = datetime(2026, 3, 17, 10, 0)
    dupont = services.customers.get(dupont_id).draft
    services.customers.update(dupont_id, replace(dupont, siren="732829320"))
    epi_id = customer_id(services, "411EPIDOR")

    services.imports.undo_last()

    assert count_rows(db_path, "documents") == 0
    assert customer_id(services, "411MARTIN") == martin_id  # has a contact
    assert customer_id(services, "411DUPONT") == dupont_id  # its SIREN was typed since
    assert epi_id is not None and customer_id(services, "411EPIDOR") is None  # untouched
    assert count_rows(db_path, "customers") == 2
    assert count_rows(db_path, "contacts") == 1


# --- column mappings --------------------------------------------------------------------


def test_column_mappings_round_trip(services: Services) -> None:
    ebp = json.dumps({"customer_code": "Code client", "number": "N° pièce"}, ensure_ascii=False)
    services.imports.save_mapping("Balance âgée EBP", ebp, "xlsx")
    services.imports.save_mapping("Pennylane", "{}", "csv")

    assert [(m.name, m.source_kind) for m in services.imports.mappings()] == [
        ("Balance âgée EBP", "xlsx"),
        ("Pennylane", "csv"),
    ]
    assert services.imports.mapping("Balance âgée EBP") == ebp
    assert services.imports.mapping("Sage") is None

    services.imports.save_mapping("Pennylane", '{"number": "Facture"}', "csv")  # replaced
    assert services.imports.mapping("Pennylane") == '{"number": "Facture"}'
    assert len(services.imports.mappings()) == 2
    assert services.imports.delete_mapping("Pennylane")
    assert services.imports.mapping("Pennylane") is None

    with pytest.raises(ValidationError):
        services.imports.save_mapping("  ", "{}", "csv")


def test_a_csv_without_any_mapping_is_one_rejected_line(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "balance.csv"
    source.write_text("Colonne A;Colonne B\nx;y\n", encoding="utf-8")
    parsed = services.imports.read_file(source, "csv", mapping_name="Inconnue")
    assert not parsed.ok
    assert parsed.rejected[0].problem is ImportProblem.MISSING_COLUMN


# --- the migration ----------------------------------------------------------------------


def test_upgrading_to_0003_keeps_what_refers_to_documents(tmp_path: Path) -> None:
    """Adding documents.import_id must not copy the table: with foreign keys on, the
    copy's DROP TABLE would delete every dispute item and unlink every correction."""
    path = tmp_path / "avant-imports.sqlite"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0002")
    now = datetime(2026, 3, 16, 9, 30)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customers (id, status, legal_name, trade_name, legal_form, country,"
                " siret, vat_number, billing_line1, billing_line2, billing_postal_code,"
                " billing_city, billing_country, delivery_line1, delivery_line2,"
                " delivery_postal_code, delivery_city, delivery_country, email, phone, website,"
                " is_consumer, language, payment_terms_days, payment_terms_basis,"
                " priority_prospect, notes, search_text, sort_name, sort_city, created_at,"
                " updated_at) VALUES (1, 'active', 'Garage Martin', '', '', 'FR', '', '', '',"
                " '', '', '', 'FR', '', '', '', '', 'FR', '', '', '', 0, 'fr', 30,"
                " 'invoice_date', 0, '', '', 'garage martin', '', :now, :now)"
            ),
            {"now": now},
        )
        for doc_id, kind, number, cents, corrects in (
            (1, "invoice", "FA-1", 100_000, None),
            (2, "credit_note", "AV-1", -10_000, 1),
        ):
            connection.execute(
                text(
                    "INSERT INTO documents (id, customer_id, kind, number, issued_on, due_on,"
                    " total_cents, open_cents, corrects_id, label, import_source,"
                    " matching_code, created_at, updated_at) VALUES (:id, 1, :kind, :number,"
                    " '2026-01-15', '2026-02-14', :cents, :cents, :corrects, '', '', '',"
                    " :now, :now)"
                ),
                {
                    "id": doc_id,
                    "kind": kind,
                    "number": number,
                    "cents": cents,
                    "corrects": corrects,
                    "now": now,
                },
            )
        connection.execute(
            text(
                "INSERT INTO disputes (id, customer_id, category, status, description,"
                " reported_by, reported_on, department, resolution_note, approved_by,"
                " created_at, updated_at) VALUES (1, 1, 'price', 'open', '', '',"
                " '2026-02-01', 'sales', '', '', :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO dispute_items (dispute_id, document_id, disputed_cents)"
                " VALUES (1, 1, 5000)"
            )
        )
    engine.dispose()

    open_or_create(path, now=now, app_version="test")

    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM dispute_items").fetchone() == (1,)
        assert connection.execute("SELECT corrects_id FROM documents WHERE id = 2").fetchone() == (
            1,
        )
        assert connection.execute("SELECT import_id FROM documents").fetchall() == [
            (None,),
            (None,),
        ]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_upgrading_to_0004_keys_documents_per_customer_and_keeps_everything(
    tmp_path: Path,
) -> None:
    """0004 copies `documents` (a new unique key): nothing that refers to it is lost."""
    path = tmp_path / "avant-0004.sqlite"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0003")
    now = datetime(2026, 3, 16, 9, 30)
    with engine.begin() as connection:
        for cid, name in ((1, "Garage Martin"), (2, "Boulangerie Dupont")):
            connection.execute(
                text(
                    "INSERT INTO customers (id, status, legal_name, trade_name, legal_form,"
                    " country, siret, vat_number, billing_line1, billing_line2,"
                    " billing_postal_code, billing_city, billing_country, delivery_line1,"
                    " delivery_line2, delivery_postal_code, delivery_city, delivery_country,"
                    " email, phone, website, is_consumer, language, payment_terms_days,"
                    " payment_terms_basis, priority_prospect, notes, search_text, sort_name,"
                    " sort_city, created_at, updated_at) VALUES (:id, 'active', :name, '', '',"
                    " 'FR', '', '', '', '', '', '', 'FR', '', '', '', '', 'FR', '', '', '', 0,"
                    " 'fr', 30, 'invoice_date', 0, '', '', :name, '', :now, :now)"
                ),
                {"id": cid, "name": name, "now": now},
            )
        connection.execute(
            text(
                "INSERT INTO imports (id, started_at, actor, file_name, source_format,"
                " mapping_name, complete, created_count, updated_count, settled_count,"
                " unchanged_count, customers_created_count) VALUES (1, :now, 'Mme Leroy',"
                " 'FEC.txt', 'fec', '', 0, 3, 0, 0, 0, 0)"
            ),
            {"now": now},
        )
        for doc_id, customer, kind, number, cents, corrects, import_id in (
            (1, 1, "invoice", "FA-1", 100_000, None, 1),
            (2, 1, "credit_note", "AV-1", -10_000, 1, 1),
            (3, 2, "payment", "REM-1", -5_000, None, 1),
            (4, 2, "invoice", "FA-2", 7_000, None, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO documents (id, customer_id, kind, number, issued_on, due_on,"
                    " total_cents, open_cents, corrects_id, label, import_source,"
                    " matching_code, import_id, created_at, updated_at) VALUES (:id, :customer,"
                    " :kind, :number, '2026-01-15', '2026-02-14', :cents, :cents, :corrects,"
                    " 'libellé', 'FEC.txt', '', :import_id, :now, :now)"
                ),
                {
                    "id": doc_id,
                    "customer": customer,
                    "kind": kind,
                    "number": number,
                    "cents": cents,
                    "corrects": corrects,
                    "import_id": import_id,
                    "now": now,
                },
            )
        for document_id in (1, 2, 3):
            connection.execute(
                text(
                    "INSERT INTO import_changes (import_id, document_id, customer_id, action,"
                    " before_json) VALUES (1, :id, NULL, 'created', '')"
                ),
                {"id": document_id},
            )
        connection.execute(
            text(
                "INSERT INTO disputes (id, customer_id, category, status, description,"
                " reported_by, reported_on, department, resolution_note, approved_by,"
                " created_at, updated_at) VALUES (1, 1, 'price', 'open', '', '',"
                " '2026-02-01', 'sales', '', '', :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO dispute_items (dispute_id, document_id, disputed_cents)"
                " VALUES (1, 1, 5000)"
            )
        )
    engine.dispose()
    kept = ("documents", "import_changes", "dispute_items", "imports", "customers")

    def rows(table: str) -> list[tuple]:
        with sqlite3.connect(path) as connection:
            found = connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        connection.close()
        return found

    before = {table: rows(table) for table in kept}

    opened = open_or_create(path, now=now, app_version="test")

    assert opened.upgraded_from == "0003"
    after = {table: rows(table) for table in kept}
    # Later migrations may add columns at the end of a table; what was there is unchanged.
    assert {
        table: [row[: len(old)] for row, old in zip(after[table], before[table], strict=True)]
        for table in kept
    } == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # Another customer may now hold a payment with the same number, not the same one.
        insert_payment = (
            "INSERT INTO documents (customer_id, kind, number, issued_on, due_on, total_cents,"
            " open_cents, label, import_source, matching_code, created_at, updated_at)"
            " VALUES (?, 'payment', 'REM-1', '2026-01-15', '2026-01-15', -1, -1, '', '', '',"
            " '2026-01-15', '2026-01-15')"
        )
        connection.execute(insert_payment, (1,))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert_payment, (2,))
    connection.close()
