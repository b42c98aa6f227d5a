"""Backups of the data file: consistent copies, their contents, rotation, and restore."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.clock import FixedClock
from desktop.domain.enums import DocumentKind
from desktop.persistence import migrations
from desktop.persistence.lock import FileLock, FileLockedError, lock_path
from desktop.persistence.migrations import DatabaseOpenError, OpenProblem
from desktop.persistence.models import Document
from desktop.services.backups import BackupError, backup_service_for
from desktop.services.registry import Services
from tests.db.factories import SIRENS, customer
from tests.db.test_import_service import OPTIONS, march_export

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils — Négoce de matériaux de l'Ouest"


def add_invoice(services: Services, customer_id: int, number: str, open_cents: int) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Document(
                customer_id=customer_id,
                kind=DocumentKind.INVOICE.value,
                number=number,
                issued_on=date(2026, 2, 1),
                due_on=date(2026, 3, 3),
                total_cents=1_250_00,
                open_cents=open_cents,
                created_at=now,
                updated_at=now,
            )
        )


@pytest.fixture
def filled(services: Services) -> Services:
    """One customer with two open invoices and a settled one."""
    cid = services.customers.create(customer(EPI, siren=SIRENS[0]))
    add_invoice(services, cid, "FA-2026-0001", 1_250_00)
    add_invoice(services, cid, "FA-2026-0002", 400_00)
    add_invoice(services, cid, "FA-2026-0003", 0)
    return services


def tick(services: Services, seconds: int = 1) -> None:
    clock = services.context.clock
    assert isinstance(clock, FixedClock)
    clock.moment += timedelta(seconds=seconds)


def customer_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT legal_name FROM customers ORDER BY id").fetchall()
    connection.close()
    return [row[0] for row in rows]


def test_backup_is_named_dated_private_and_listed_with_its_contents(
    filled: Services, db_path: Path
) -> None:
    path = filled.backups.backup("manuelle")
    assert path.parent == db_path.parent / "encaisse-sauvegardes"
    assert path.name == "encaisse-20260316-093000-manuelle.encaisse"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert customer_names(path) == [EPI]
    # A self-contained file: no -wal to carry along to a USB key.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]

    [row] = filled.backups.list()
    assert (row.path, row.reason, row.taken_at) == (path, "manuelle", datetime(2026, 3, 16, 9, 30))
    assert (row.customers, row.open_items) == (1, 2)
    assert row.size_bytes == path.stat().st_size > 0
    # Reading the contents left nothing beside the backup.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_list_is_newest_first_and_each_backup_shows_what_it_held(filled: Services) -> None:
    first = filled.backups.backup("ouverture")
    tick(filled, 3600)
    filled.customers.create(customer(DUPONT, siren=SIRENS[1]))
    second = filled.backups.backup("avant-import")
    rows = filled.backups.list()
    assert [(r.path, r.reason, r.customers) for r in rows] == [
        (second, "avant-import", 2),
        (first, "ouverture", 1),
    ]


def test_a_damaged_backup_is_listed_as_unreadable(filled: Services) -> None:
    path = filled.backups.backup()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    [row] = filled.backups.list()
    assert row.customers is None and not row.readable


def test_rotation_keeps_the_last_ten(filled: Services) -> None:
    made = []
    for _ in range(13):
        made.append(filled.backups.backup("ouverture"))
        tick(filled, 60)
    left = sorted(p for p in filled.backups.folder().iterdir())
    assert left == sorted(made[3:])


def test_rotation_ignores_backups_of_other_files_in_a_shared_folder(
    filled: Services, tmp_path: Path
) -> None:
    shared = tmp_path / "clé USB"
    shared.mkdir()
    other = shared / "autre-20200101-000000-ouverture.encaisse"
    other.write_bytes(b"x")
    filled.backups.set_folder(shared)
    for _ in range(12):
        filled.backups.backup()
        tick(filled, 60)
    assert other.exists()
    assert len(filled.backups.list()) == 10


def test_chosen_folder_is_stored_in_the_file_and_used_for_migrations_too(
    filled: Services, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Synchronisé" / "Sauvegardes d'Encaisse"
    filled.backups.set_folder(folder)
    assert filled.backups.folder() == folder
    assert migrations.backup_folder(db_path) == folder  # what open_or_create uses
    path = filled.backups.backup()
    assert path.parent == folder
    filled.backups.set_folder(None)
    assert filled.backups.folder() == migrations.backups_dir(db_path)


def test_backup_to_a_given_file_does_not_rotate(filled: Services, tmp_path: Path) -> None:
    out = tmp_path / "copie pour l'expert-comptable.encaisse"
    assert filled.backups.backup(out=out) == out
    assert customer_names(out) == [EPI]
    assert filled.backups.list() == []


def test_automatic_backup_failure_is_reported_not_raised(filled: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "pas un dossier"
    blocker.write_text("fichier", encoding="utf-8")
    filled.backups.set_folder(blocker / "sauvegardes")
    assert filled.backups.auto_backup("fermeture") is None
    with pytest.raises(OSError):
        filled.backups.backup()


def test_an_import_is_preceded_by_a_backup(services: Services) -> None:
    services.imports.apply(march_export(), OPTIONS)
    [row] = services.backups.list()
    assert row.reason == "avant-import"
    assert (row.customers, row.open_items) == (0, 0)  # taken before the import wrote


def test_restore_keeps_the_current_file_aside_and_brings_the_backup_back(
    filled: Services, db_path: Path
) -> None:
    saved = filled.backups.backup()
    tick(filled)
    filled.customers.create(customer(DUPONT, siren=SIRENS[1]))

    kept = filled.backups.restore(saved)

    assert kept is not None and kept.name == "encaisse-20260316-093001-avant-restauration.encaisse"
    assert customer_names(kept) == [EPI, DUPONT]
    assert customer_names(db_path) == [EPI]
    # The same services read the restored file (their connections were closed first).
    assert filled.customers.total() == 1
    assert saved.exists()  # the backup itself is left as it was
    if os.name == "posix":
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert not lock_path(db_path).exists()
    leftovers = [p.name for p in db_path.parent.iterdir() if "restauration" in p.name]
    assert leftovers == []
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_restore_works_while_this_process_holds_the_lock(filled: Services, db_path: Path) -> None:
    saved = filled.backups.backup()
    lock = FileLock(db_path, filled.context.clock.now())
    lock.acquire()
    try:
        tick(filled)
        assert filled.backups.restore(saved) is not None
        assert lock_path(db_path).exists()  # still ours: the restore did not release it
    finally:
        lock.release()


def _write_foreign_lock(db_path: Path) -> None:
    # pid 1 always exists: another process of this machine holds the file.
    lock_path(db_path).write_text(
        json.dumps(
            {"user": "claire", "host": socket.gethostname(), "pid": 1, "since": "2026-03-16"}
        ),
        encoding="utf-8",
    )


def test_restore_is_refused_while_another_process_holds_the_file(
    filled: Services, db_path: Path
) -> None:
    saved = filled.backups.backup()
    tick(filled)
    filled.customers.create(customer(DUPONT, siren=SIRENS[1]))
    _write_foreign_lock(db_path)
    with pytest.raises(FileLockedError) as caught:
        filled.backups.restore(saved)
    assert caught.value.holder.user == "claire"
    assert customer_names(db_path) == [EPI, DUPONT]
    assert [r.reason for r in filled.backups.list()] == ["manuelle"]  # nothing kept aside


def _too_new(source: Path, target: Path) -> Path:
    migrations.backup_copy(source, target)
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_futur'")
    connection.close()
    return target


def _not_encaisse(target: Path) -> Path:
    with sqlite3.connect(target) as connection:
        connection.execute("CREATE TABLE factures (numero TEXT)")
    connection.close()
    return target


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda src, tmp: _too_new(src, tmp / "futur.encaisse"), OpenProblem.TOO_NEW),
        (lambda src, tmp: _not_encaisse(tmp / "autre appli.sqlite"), OpenProblem.NOT_ENCAISSE),
        (
            lambda src, tmp: (
                (tmp / "notes.encaisse").write_text("bonjour") and tmp / "notes.encaisse"
            ),
            OpenProblem.NOT_SQLITE,
        ),
        (lambda src, tmp: tmp / "absent.encaisse", OpenProblem.NOT_FOUND),
    ],
)
def test_restore_refuses_what_is_not_a_usable_encaisse_file(
    filled: Services,
    db_path: Path,
    tmp_path: Path,
    make,
    problem: OpenProblem,  # type: ignore[no-untyped-def]
) -> None:
    source = make(db_path, tmp_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        filled.backups.restore(source)
    assert caught.value.problem is problem
    assert db_path.read_bytes() == before
    assert filled.backups.list() == []  # refused before anything was kept aside
    assert filled.customers.total() == 1


def test_restoring_the_data_file_onto_itself_is_refused(filled: Services, db_path: Path) -> None:
    with pytest.raises(BackupError):
        filled.backups.restore(db_path)


def test_a_damaged_data_file_is_kept_aside_as_it_is_and_replaced(
    filled: Services, db_path: Path, clock: FixedClock
) -> None:
    saved = filled.backups.backup()
    filled.database.close()
    damaged = b"SQLite format 3\x00" + os.urandom(4000)
    db_path.write_bytes(damaged)
    service = backup_service_for(db_path, FixedClock(clock.now() + timedelta(minutes=5)), str)
    kept = service.restore(saved)
    assert kept is not None and kept.read_bytes() == damaged
    assert customer_names(db_path) == [EPI]


def test_a_backup_clears_the_half_copies_a_killed_backup_left(
    filled: Services, db_path: Path
) -> None:
    folder = migrations.backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    killed = folder / ".encaisse-20261120-090000-ouverture.encaisse.part"
    killed_journal = folder / ".encaisse-20261120-090000-ouverture.encaisse.part-journal"
    running = folder / ".encaisse-20261123-090000-import.encaisse.part"
    for leftover in (killed, killed_journal, running):
        leftover.write_bytes(b"half a copy")
    two_hours_ago = datetime.now().timestamp() - 7200
    for leftover in (killed, killed_journal):
        os.utime(leftover, (two_hours_ago, two_hours_ago))
    filled.backups.backup("ouverture")
    assert not killed.exists() and not killed_journal.exists()
    assert running.exists()  # a recent one may be another backup still being written
