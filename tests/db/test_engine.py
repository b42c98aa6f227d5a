"""Every connection to a data file gets WAL, foreign keys and a busy timeout."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.persistence.database import Database
from desktop.persistence.engine import make_engine
from desktop.persistence.migrations import open_or_create


def _pragmas(connection) -> tuple[str, int, int]:  # type: ignore[no-untyped-def]
    return (
        connection.execute(text("PRAGMA journal_mode")).scalar(),
        connection.execute(text("PRAGMA foreign_keys")).scalar(),
        connection.execute(text("PRAGMA busy_timeout")).scalar(),
    )


def test_pragmas_on_every_connection(db_path: Path) -> None:
    engine = make_engine(db_path)
    try:
        # Two connections at once: each one is set up, not only the first.
        with engine.connect() as first, engine.connect() as second:
            for connection in (first, second):
                mode, foreign_keys, busy = _pragmas(connection)
                assert mode == "wal"
                assert foreign_keys == 1
                assert busy > 0
        # And again after the pool threw its connections away.
        engine.dispose()
        with engine.connect() as third:
            mode, foreign_keys, busy = _pragmas(third)
            assert (mode, foreign_keys) == ("wal", 1)
            assert busy > 0
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    open_or_create(db_path, now=datetime(2026, 3, 16), app_version="test")
    database = Database.at(db_path)
    try:
        with pytest.raises(IntegrityError), database.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO contacts (customer_id, first_name, last_name, role, email, "
                    "phone, is_primary, receives_reminders, notes, created_at, updated_at) "
                    "VALUES (999, 'Jérôme', 'Lefèvre', '', '', '', 0, 0, '', "
                    "'2026-03-16', '2026-03-16')"
                )
            )
    finally:
        database.close()


def test_read_only_engine_reads_any_sqlite_file_and_writes_nothing(tmp_path: Path) -> None:
    # A file in the default rollback-journal mode (another tool's file, an old copy): the
    # read-only engine cannot switch it to WAL and must still read it.
    path = tmp_path / "ancienne copie.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE clients (nom TEXT)")
        connection.execute("INSERT INTO clients VALUES ('Dupont & Fils <SARL>')")
    connection.close()
    before = path.read_bytes()

    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT nom FROM clients")).scalar() == (
                "Dupont & Fils <SARL>"
            )
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            with pytest.raises(OperationalError):
                connection.execute(text("INSERT INTO clients VALUES ('Intrus')"))
    finally:
        engine.dispose()
    assert path.read_bytes() == before


def test_transaction_rolls_back_everything_on_error(db_path: Path) -> None:
    open_or_create(db_path, now=datetime(2026, 3, 16), app_version="test")
    database = Database.at(db_path)
    try:
        with pytest.raises(RuntimeError), database.transaction() as session:
            session.execute(text("INSERT INTO app_meta (key, value) VALUES ('essai', 'oui')"))
            raise RuntimeError("the user's action failed half-way")
        with database.read() as session:
            assert (
                session.execute(text("SELECT value FROM app_meta WHERE key = 'essai'")).first()
                is None
            )
    finally:
        database.close()
