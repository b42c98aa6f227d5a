"""Backups of the data file and restoring one of them.

Backups are consistent copies made through SQLite's online backup API (safe while the
application writes), named and rotated by `domain.backups`, in the folder chosen by the
user (app_meta `backup_folder`) or `<stem>-sauvegardes/` beside the file.

A restore keeps the current file aside first, then replaces the data file atomically
(temporary file in the same folder, fsync, rename) while holding the file's lock.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.backups import (
    REASON_MANUAL,
    REASON_RESTORE,
    backup_file_name,
    backups_to_remove,
    parse_backup_name,
)
from desktop.domain.clock import Clock
from desktop.domain.enums import AuditAction
from desktop.persistence import audit
from desktop.persistence.database import Database
from desktop.persistence.lock import FileLock, FileLockedError
from desktop.persistence.migrations import (
    BACKUP_FOLDER_KEY,
    DatabaseOpenError,
    OpenProblem,
    backup_copy,
    backup_folder,
    inspect_revision,
    known_revisions,
)
from desktop.persistence.models import AppMeta
from desktop.services.context import ServiceContext

logger = logging.getLogger("encaisse")


class BackupProblem(StrEnum):
    NO_FILE = "no_file"  # the database is in memory: nothing to back up
    SAME_FILE = "same_file"  # asked to restore the data file onto itself
    BUSY = "busy"  # another connection keeps the file open: it cannot be replaced now


class BackupError(Exception):
    def __init__(self, problem: BackupProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}".strip(": "))
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the Restore dialog shows it; counts are None when unreadable."""

    path: Path
    taken_at: datetime
    reason: str
    size_bytes: int
    customers: int | None
    open_items: int | None

    @property
    def readable(self) -> bool:
        return self.customers is not None


def backup_contents(path: Path) -> tuple[int, int] | None:
    """Counts of customers and open items read from a backup file, read-only.

    `immutable` tells SQLite nobody writes the file: it takes no lock and creates no
    -shm or -wal file beside the backup. None when the file cannot be read as ours.
    """
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
            open_items = connection.execute(
                "SELECT count(*) FROM documents WHERE open_cents != 0"
            ).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return int(customers), int(open_items)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable: on POSIX the directory entry is flushed separately."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- where ---------------------------------------------------------------------------

    def _data_path(self) -> Path:
        path = self._ctx.database.path
        if path is None:
            raise BackupError(BackupProblem.NO_FILE)
        return path

    def folder(self) -> Path:
        """The folder backups go to: the one the user chose, else `<stem>-sauvegardes`."""
        return backup_folder(self._data_path())

    def set_folder(self, folder: Path | None) -> None:
        """Send future backups to `folder` (None: back to the default beside the file).

        The folder is stored in the data file, so every computer opening it agrees.
        Existing backups stay where they are.
        """
        with self._ctx.database.transaction() as session:
            row = session.get(AppMeta, BACKUP_FOLDER_KEY)
            before = row.value if row is not None else ""
            session.execute(delete(AppMeta).where(AppMeta.key == BACKUP_FOLDER_KEY))
            after = str(folder.expanduser()) if folder is not None else ""
            if folder is not None:
                session.add(AppMeta(key=BACKUP_FOLDER_KEY, value=after))
            if before != after:
                audit.record(
                    session,
                    at=self._ctx.clock.now(),
                    actor=self._ctx.actor(),
                    action=AuditAction.UPDATE,
                    entity="setting",
                    entity_id=0,
                    summary=BACKUP_FOLDER_KEY,
                    changes={BACKUP_FOLDER_KEY: (before, after)},
                )

    # --- backing up ----------------------------------------------------------------------

    def backup(self, reason: str = REASON_MANUAL, *, out: Path | None = None) -> Path:
        """A consistent copy of the data file; returns where it was written.

        Without `out`, it goes to `folder()` as `<stem>-YYYYMMDD-HHMMSS-<reason>.encaisse`
        and rotation then deletes the backups of this file it no longer keeps; with
        `out`, it is written there and nothing is rotated. Owner-only on Linux/macOS.
        Raises OSError or sqlite3.Error when the copy cannot be written.
        """
        path = self._data_path()
        if not path.is_file():  # sqlite3 would create an empty file in its place
            raise DatabaseOpenError(OpenProblem.NOT_FOUND, path)
        if out is not None:
            backup_copy(path, out.expanduser())
            return out.expanduser()
        now = self._ctx.clock.now()
        target = self.folder() / backup_file_name(path.stem, now, reason)
        backup_copy(path, target)
        self._rotate(now)
        return target

    def auto_backup(self, reason: str) -> Path | None:
        """`backup(reason)`, but a failure (USB key unplugged, disk full) is logged, not
        raised: an automatic backup must never stop the user's work."""
        try:
            return self.backup(reason)
        except (OSError, sqlite3.Error, BackupError, DatabaseOpenError) as exc:
            logger.warning("Automatic backup (%s) failed: %s", reason, exc)
            return None

    def _rotate(self, now: datetime) -> None:
        stamps = {info.path: info.taken_at for info in self._files()}
        for path in backups_to_remove(stamps, now):
            path.unlink(missing_ok=True)

    def _files(self) -> list[BackupInfo]:
        stem = self._data_path().stem
        folder = self.folder()
        if not folder.is_dir():
            return []
        found = []
        for entry in folder.iterdir():
            name = parse_backup_name(entry.name)
            if name is None or name.stem != stem or not entry.is_file():
                continue
            found.append(
                BackupInfo(entry, name.taken_at, name.reason, entry.stat().st_size, None, None)
            )
        return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)

    # --- listing -------------------------------------------------------------------------

    def list(self) -> list[BackupInfo]:
        """Backups of this file in `folder()`, newest first, with their size and what they
        contain (customers, open items) read from each backup, read-only."""
        rows = []
        for info in self._files():
            counts = backup_contents(info.path)
            customers, open_items = counts if counts is not None else (None, None)
            rows.append(
                BackupInfo(
                    info.path, info.taken_at, info.reason, info.size_bytes, customers, open_items
                )
            )
        return rows

    # --- restoring -----------------------------------------------------------------------

    def restore(self, source: Path) -> Path | None:
        """Replace the data file by the backup `source`; returns where the current file
        was kept aside (a backup with reason "avant-restauration"; None when there was
        no data file yet).

        Refuses, changing nothing, a file that is not an Encaisse file or comes from a
        newer Encaisse (DatabaseOpenError), and a data file another process holds
        (FileLockedError). Closes this service's database first; its next use reads the
        restored file, which the application should open again (an older schema is
        upgraded then, after its own backup).
        """
        path = self._data_path()
        source = source.expanduser()
        if source.resolve() == path.resolve():
            raise BackupError(BackupProblem.SAME_FILE, str(source))
        check_restorable(source)
        lock = FileLock(path, self._ctx.clock.now())
        owned = _acquire_unless_ours(lock)
        try:
            kept = self._keep_aside(path) if path.exists() else None
            self._ctx.database.close()
            # The restore is written in the copy's audit trail before the copy replaces
            # the data file: a crash leaves the old file or the new one with its record.
            _replace_atomically(
                source, path, prepare=lambda copy: self._record_restore(copy, source, kept)
            )
            self._rotate(self._ctx.clock.now())
        finally:
            if owned:
                lock.release()
        return kept

    def _record_restore(self, copy: Path, source: Path, kept: Path | None) -> None:
        """Write the restore in the audit trail of `copy`, the restored file before it
        replaces the data file (audit_log has kept its columns since the first schema,
        so an older backup takes it too). A failure here is logged, not raised: the
        restore matters more than its trace."""
        database = Database.at(copy)
        try:
            with database.transaction() as session:
                audit.record(
                    session,
                    at=self._ctx.clock.now(),
                    actor=self._ctx.actor(),
                    action=AuditAction.UPDATE,
                    entity="data_file",
                    entity_id=0,
                    summary=source.name,
                    changes={"restored_from": (kept.name if kept else None, source.name)},
                )
        except (sqlite3.Error, SQLAlchemyError) as exc:
            logger.warning("The restore could not be written to the audit trail: %s", exc)
        finally:
            database.close()

    def _keep_aside(self, path: Path) -> Path:
        now = self._ctx.clock.now()
        target = self.folder() / backup_file_name(path.stem, now, REASON_RESTORE)
        try:
            backup_copy(path, target)
        except sqlite3.DatabaseError:
            # A damaged file cannot go through the backup API: keep its bytes as they are.
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            if os.name == "posix":
                os.chmod(target, 0o600)
        return target


def check_restorable(source: Path) -> None:
    """Raise DatabaseOpenError unless `source` is an Encaisse file this version can open."""
    if not source.is_file():
        raise DatabaseOpenError(OpenProblem.NOT_FOUND, source)
    revision = inspect_revision(source)
    if revision is None:
        raise DatabaseOpenError(OpenProblem.NOT_ENCAISSE, source)
    if revision not in known_revisions():
        raise DatabaseOpenError(OpenProblem.TOO_NEW, source, revision)


def _acquire_unless_ours(lock: FileLock) -> bool:
    """Take the file's lock; False when this very process already holds it (the open
    application restoring its own file). Another holder raises FileLockedError."""
    try:
        lock.acquire()
    except FileLockedError as exc:
        if exc.holder.pid == os.getpid() and exc.holder.host == socket.gethostname():
            return False
        raise
    return True


def _replace_atomically(
    source: Path, path: Path, prepare: Callable[[Path], None] | None = None
) -> None:
    """Copy `source` beside `path`, let `prepare` write into the copy, flush it, and
    rename it over `path`: the rename is the only moment the data file changes, so a
    crash (SIGKILL, power cut) leaves the old file or the whole new one, never a mix.

    The current file's write-ahead log is checkpointed and emptied first: a -wal left
    beside the new file would be replayed into it.
    """
    if path.exists():
        try:
            connection = sqlite3.connect(path)
            try:
                busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            busy = 0  # a damaged file has no log worth keeping; its bytes were kept aside
        if busy:
            raise BackupError(BackupProblem.BUSY, str(path))
    temporary = path.with_name(f".{path.name}.restauration")
    # A restore killed while writing into its copy leaves that copy's journal or log:
    # SQLite would replay it into the next copy under the same name.
    for suffix in ("-journal", "-wal", "-shm"):
        Path(str(temporary) + suffix).unlink(missing_ok=True)
    backup_copy(source, temporary)
    if prepare is not None:
        prepare(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
    if os.name == "posix":
        os.chmod(temporary, 0o600)
    os.replace(temporary, path)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    _fsync_folder(path.parent)


def backup_service_for(path: Path, clock: Clock, actor: Callable[[], str]) -> BackupService:
    """A BackupService on `path` without opening it as the application does: for the
    commands that back up or restore a file that may be outdated or damaged."""
    return BackupService(ServiceContext(Database.at(path), clock, actor))
