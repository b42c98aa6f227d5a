"""A large import into a small table drops the indexes of `documents` while it writes and
builds them again after: the same indexes whatever happens, and the same rows."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.enums import DocumentKind
from desktop.domain.ledger import LedgerEntry, ParsedExport
from desktop.persistence import bulk
from desktop.services.imports import service as service_module
from desktop.services.imports.service import ImportCancelled, ImportOptions
from desktop.services.registry import Services

OPTIONS = ImportOptions(file_name="FEC_grand.txt", source_format="fec")


def _indexes(db_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as connection:
        return sorted(
            connection.execute(
                "SELECT name, COALESCE(sql, '') FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'documents'"
            ).fetchall()
        )


def _documents(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT id, customer_id, kind, number, issued_on, due_on, total_cents, "
            "open_cents, settled_on, matching_code FROM documents ORDER BY id"
        ).fetchall()


def _export(count: int, start: int = 0) -> ParsedExport:
    entries = tuple(
        LedgerEntry(
            line_no=2 + 3 * i,
            customer_code=f"411C{i % 7:03d}",
            customer_name=f"Client {i % 7}",
            kind=DocumentKind.INVOICE if i % 3 else DocumentKind.PAYMENT,
            number=f"FA{start + i:06d}",
            issued_on=date(2026, 1, 1 + i % 28),
            due_on=None,
            total_cents=1000 + i,
            open_cents=0 if i % 5 == 0 else 1000 + i,
            matching_code="AB" if i % 5 == 0 else "",
        )
        for i in range(count)
    )
    return ParsedExport("fec", "cp1252", 3 * count, entries, ())


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "REINDEX_MIN_ROWS", 5)


def test_a_deferred_import_writes_the_same_rows_and_indexes(
    services: Services, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexes = _indexes(db_path)
    assert any(sql.startswith("CREATE INDEX") for _, sql in indexes)
    services.imports.apply(_export(40), OPTIONS)  # below the threshold: indexes kept
    kept = _documents(db_path)

    monkeypatch.setattr(bulk, "REINDEX_MIN_ROWS", 5)
    services.imports.undo_last()
    services.imports.apply(_export(40), OPTIONS)  # rebuilt after the writes

    assert _indexes(db_path) == indexes
    assert [row[1:] for row in _documents(db_path)] == [row[1:] for row in kept]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_small_import_into_a_larger_table_keeps_its_indexes(
    services: Services, db_path: Path, deferred: None
) -> None:
    services.imports.apply(_export(30), OPTIONS)
    indexes = _indexes(db_path)
    services.imports.apply(_export(10, start=1000), OPTIONS)  # 10 new rows onto 30
    assert _indexes(db_path) == indexes
    assert len(_documents(db_path)) == 40


def test_cancelling_a_deferred_import_keeps_the_indexes(
    services: Services, db_path: Path, deferred: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexes = _indexes(db_path)
    calls: list[float] = []
    dropped: list[int] = []
    real = bulk.indexes_deferred

    def spied(connection, table, new_rows):  # type: ignore[no-untyped-def]
        with real(connection, table, new_rows):
            dropped.append(
                connection.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = 'documents' AND sql IS NOT NULL"
                ).scalar()
            )
            yield

    monkeypatch.setattr(bulk, "indexes_deferred", contextmanager(spied))

    # The customers are written first (one progress report), then the documents.
    with pytest.raises(ImportCancelled):
        services.imports.apply(
            _export(40), OPTIONS, progress=calls.append, cancelled=lambda: len(calls) >= 2
        )
    assert dropped == [0]
    assert _indexes(db_path) == indexes
    assert _documents(db_path) == []
    services.imports.apply(_export(40), OPTIONS)
    assert _indexes(db_path) == indexes
    assert len(_documents(db_path)) == 40


def test_batches_with_and_without_nulls_write_the_same_values(
    services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column that is empty in a whole batch is written as NULL in the statement
    (issue 3): batches where it is and is not empty must store the same kind of rows."""
    monkeypatch.setattr(service_module, "CHUNK", 4)
    invoice = DocumentKind.INVOICE
    credit_note = DocumentKind.CREDIT_NOTE

    def entry(line: int, kind: DocumentKind, number: str, open_: int, corrects: str = ""):
        return LedgerEntry(
            line_no=line,
            customer_code="411ÉPI",
            customer_name="Boulangerie L'Épi d'Or & Fils",
            kind=kind,
            number=number,
            issued_on=date(2026, 1, 15),
            due_on=None,
            total_cents=1200,
            open_cents=open_,
            matching_code="" if open_ else "AB",
            corrects_number=corrects,
        )

    entries = (
        *(entry(2 + i, invoice, f"FA{i}", 1200) for i in range(4)),  # all open
        *(entry(10 + i, invoice, f"FA{4 + i}", 0) for i in range(4)),  # all settled
        entry(20, credit_note, "AV1", 1200, corrects="FA1"),  # the only correction
        entry(21, credit_note, "AV2", 0),
    )
    services.imports.apply(ParsedExport("fec", "cp1252", 30, entries, ()), OPTIONS)
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT d.number, d.settled_on, d.vat_cents, c.number, d.issued_on, d.due_on "
            "FROM documents d LEFT JOIN documents c ON c.id = d.corrects_id ORDER BY d.id"
        ).fetchall()
    assert [(n, settled, vat, corrects) for n, settled, vat, corrects, _, _ in rows] == [
        *((f"FA{i}", None, None, None) for i in range(4)),
        *((f"FA{4 + i}", "2026-03-16", None, None) for i in range(4)),
        ("AV1", None, None, "FA1"),
        ("AV2", "2026-03-16", None, None),
    ]
    assert {(issued, due) for *_, issued, due in rows} == {("2026-01-15", "2026-02-14")}
