"""Opening a data file: create, recognise, refuse, upgrade after a backup."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop.persistence import migrations
from desktop.persistence.engine import make_engine
from desktop.persistence.migrations import (
    DatabaseOpenError,
    OpenProblem,
    alembic_config,
    current_revision,
    head_revision,
    open_or_create,
)
from desktop.persistence.models import Base

NOW = datetime(2026, 3, 16, 9, 30)


def _open(path: Path) -> migrations.OpenedFile:
    return open_or_create(path, now=NOW, app_version="test")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    connection.close()
    return {r[0] for r in rows}


def _columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
    connection.close()
    return {r[1] for r in rows}


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        (rev,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return str(rev)


def _refused(path: Path) -> OpenProblem:
    with pytest.raises(DatabaseOpenError) as info:
        _open(path)
    assert info.value.path.name == path.name
    return info.value.problem


# --- a new file -------------------------------------------------------------------------


def test_new_file_is_created_at_the_head_revision(db_path: Path) -> None:
    opened = _open(db_path)
    assert opened.created
    assert opened.upgraded_from is None
    assert opened.backup_path is None
    assert db_path.exists()
    assert _revision(db_path) == head_revision()
    assert set(Base.metadata.tables) <= _tables(db_path)


def test_new_file_says_it_is_an_encaisse_file(db_path: Path) -> None:
    _open(db_path)
    with sqlite3.connect(db_path) as connection:
        meta = dict(connection.execute("SELECT key, value FROM app_meta").fetchall())
    connection.close()
    assert meta["application"] == "encaisse"
    assert meta["last_version"] == "test"


def test_empty_file_is_upgraded_to_every_table_of_the_model(tmp_path: Path) -> None:
    path = tmp_path / "vide.sqlite"
    path.touch()
    opened = _open(path)
    assert opened.created
    engine = make_engine(path)
    try:
        assert set(inspect(engine).get_table_names()) == set(Base.metadata.tables) | {
            "alembic_version"
        }
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_models_exactly(db_path: Path) -> None:
    """Alembic autogenerate finds nothing to add: the migration and the models agree."""
    _open(db_path)
    engine = make_engine(db_path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"render_as_batch": True, "compare_type": True}
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_migration_downgrades_to_nothing_and_back(db_path: Path) -> None:
    _open(db_path)
    engine = make_engine(db_path)
    try:
        command.downgrade(alembic_config(engine), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_seeded_legal_rates(db_path: Path) -> None:
    _open(db_path)
    engine = make_engine(db_path)
    try:
        with engine.connect() as connection:
            rates = {
                (kind, str(valid_from)): bp
                for kind, valid_from, bp in connection.execute(
                    text("SELECT kind, valid_from, rate_bp FROM legal_rates")
                )
            }
    finally:
        engine.dispose()
    assert rates[("ecb_refi", "2024-12-18")] == 315  # 3.15 %
    assert rates[("fr_legal_pro", "2025-01-01")] == 371  # 3.71 %, H1 2025
    assert rates[("fr_legal_pro", "2025-07-01")] == 276  # 2.76 %, H2 2025
    assert rates[("be_late_payment", "2025-07-01")] == 1050  # 10.5 %, H2 2025
    assert rates[("be_late_payment", "2026-01-01")] == 1050  # 10.5 %, H1 2026


# --- an existing file -------------------------------------------------------------------


def test_file_at_head_is_opened_as_is_without_backup(db_path: Path) -> None:
    _open(db_path)
    before = _digest(db_path)
    opened = _open(db_path)
    assert not opened.created
    assert opened.upgraded_from is None
    assert opened.backup_path is None
    assert _digest(db_path) == before
    assert not migrations.backups_dir(db_path).exists()


def test_file_from_a_newer_encaisse_is_refused_untouched(db_path: Path) -> None:
    _open(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()
    before = _digest(db_path)

    assert _refused(db_path) is OpenProblem.TOO_NEW
    assert _digest(db_path) == before
    assert _revision(db_path) == "0099_future"
    assert not migrations.backups_dir(db_path).exists()


def test_text_file_is_not_sqlite_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "Relances Dupont & Fils.sqlite"
    path.write_text("Facture n° 2026-001 ; 1 234,56 €\n", encoding="utf-8")
    before = _digest(path)
    assert _refused(path) is OpenProblem.NOT_SQLITE
    assert _digest(path) == before


def test_another_applications_database_is_not_encaisse_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "compta.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE ecritures (journal TEXT, montant INTEGER)")
        connection.execute("INSERT INTO ecritures VALUES ('VE', 123456)")
    connection.close()
    before = _digest(path)
    assert _refused(path) is OpenProblem.NOT_ENCAISSE
    assert _digest(path) == before
    assert _tables(path) == {"ecritures"}


def test_file_with_alembic_tables_of_another_application_is_not_encaisse(tmp_path: Path) -> None:
    path = tmp_path / "autre.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('abc123')")
        connection.execute("CREATE TABLE app_meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO app_meta VALUES ('application', 'autre')")
    connection.close()
    before = _digest(path)
    assert _refused(path) is OpenProblem.NOT_ENCAISSE
    assert _digest(path) == before


def test_damaged_file_is_corrupt_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "abime.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    before = _digest(path)
    assert _refused(path) is OpenProblem.CORRUPT
    assert _digest(path) == before


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "Dossier supprimé" / "encaisse.sqlite"
    assert _refused(path) is OpenProblem.MISSING_FOLDER
    assert not path.parent.exists()


def test_read_only_file(db_path: Path) -> None:
    _open(db_path)
    before = _digest(db_path)
    db_path.chmod(0o444)
    try:
        if os.access(db_path, os.W_OK):
            pytest.skip("running as a user who may write any file (root)")
        assert _refused(db_path) is OpenProblem.READ_ONLY_FILE
        assert _digest(db_path) == before
    finally:
        db_path.chmod(0o600)


@pytest.mark.parametrize(
    "name",
    [
        "Clients Épi d'Or.sqlite",
        "compta 100%.sqlite",
        "dupont#2.sqlite",
        "quoi?.sqlite",
        "x%20y.sqlite",
    ],
)
def test_file_names_with_url_characters(tmp_path: Path, name: str) -> None:
    # A file name is not a URL: '#', '?', '%20' must not open or create another file.
    path = tmp_path / name
    assert _open(path).created
    reopened = _open(path)
    assert not reopened.created
    assert reopened.backup_path is None
    leftovers = {p.name for p in tmp_path.iterdir()} - {name, f"{name}-wal", f"{name}-shm"}
    assert leftovers == set()


# --- upgrading an older file ------------------------------------------------------------

NEXT_REVISION = '''"""a later version adds a column

Revision ID: {revision}
Revises: {down_revision}
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(sa.Column("loyalty_tier", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_column("loyalty_tier")
'''


@pytest.fixture
def ship_next_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], str]:
    """Install a copy of db/migrations with one more revision, as a later Encaisse ships.

    The new revision is "0002" while this version stops at "0001".
    """

    def install() -> str:
        current = migrations.head_revision()
        revision = "0002" if current == "0001" else f"{current}_next"
        copy = tmp_path / "migrations"
        shutil.copytree(
            migrations.migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__")
        )
        source = NEXT_REVISION.format(revision=revision, down_revision=current)
        (copy / "versions" / f"{revision}_loyalty_tier.py").write_text(source, encoding="utf-8")
        monkeypatch.setattr(migrations, "migrations_dir", lambda: copy)
        assert migrations.head_revision() == revision
        return revision

    return install


def test_older_file_is_backed_up_then_upgraded(
    db_path: Path, ship_next_version: Callable[[], str]
) -> None:
    _open(db_path)  # written by this version (0001)
    old = head_revision()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO users (name, email, phone, profile, active, created_at, updated_at) "
            "VALUES ('Élodie Dupré', '', '', 'salesperson', 1, '2026-03-16', '2026-03-16')"
        )
    connection.close()
    assert _revision(db_path) == old
    new = ship_next_version()

    opened = _open(db_path)

    assert not opened.created
    assert opened.upgraded_from == old
    assert _revision(db_path) == new
    assert "loyalty_tier" in _columns(db_path, "customers")

    backup = opened.backup_path
    assert backup is not None and backup.exists()
    assert backup.parent == migrations.backups_dir(db_path)
    assert old in backup.name
    assert _revision(backup) == old
    assert "loyalty_tier" not in _columns(backup, "customers")
    with sqlite3.connect(backup) as connection:
        users = connection.execute("SELECT name FROM users").fetchall()
    connection.close()
    assert users == [("Élodie Dupré",)]

    # Opened again: nothing left to do, no second backup.
    again = _open(db_path)
    assert again.upgraded_from is None and again.backup_path is None
    assert list(migrations.backups_dir(db_path).iterdir()) == [backup]


def test_a_file_from_the_next_version_is_too_new_for_this_one(
    db_path: Path, ship_next_version: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    this_version = head_revision()
    new = ship_next_version()
    _open(db_path)  # written by the "next" Encaisse
    assert _revision(db_path) == new
    monkeypatch.undo()  # back to this version
    assert migrations.head_revision() == this_version
    before = _digest(db_path)
    assert _refused(db_path) is OpenProblem.TOO_NEW
    assert _digest(db_path) == before
