"""Opening a data file: recognise it, refuse what is not ours, upgrade what is old.

An old file is copied aside (SQLite online backup) before Alembic touches it; a file
written by a newer Encaisse is refused without being modified.
"""

from __future__ import annotations

import ast
import os
import re
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

from desktop.domain.backups import REASON_MIGRATION, backup_file_name
from desktop.persistence.engine import make_engine

APPLICATION_ID = "encaisse"
SQLITE_HEADER = b"SQLite format 3\x00"


class OpenProblem(StrEnum):
    NOT_SQLITE = "not_sqlite"
    NOT_ENCAISSE = "not_encaisse"
    TOO_NEW = "too_new"
    CORRUPT = "corrupt"
    READ_ONLY_FILE = "read_only_file"
    READ_ONLY_FOLDER = "read_only_folder"
    MISSING_FOLDER = "missing_folder"
    NOT_FOUND = "not_found"
    OUTDATED = "outdated"


class DatabaseOpenError(Exception):
    """The file cannot be opened; `problem` says why, `detail` gives the technical cause."""

    def __init__(self, problem: OpenProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{problem}: {path} {detail}".strip())
        self.problem = problem
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class OpenedFile:
    path: Path
    created: bool
    upgraded_from: str | None  # revision before the upgrade, when one ran
    backup_path: Path | None


def migrations_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "db" / "migrations"
    return Path(__file__).resolve().parents[2] / "db" / "migrations"


# Alembic (with Mako and Pygments: about 17 MB and half a second) is imported only when
# a file must be created or upgraded. Opening a file already at the head, the common
# case, reads the revisions from the version scripts as text (issue 9).
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def _revision_graph() -> dict[str, tuple[str, ...]] | None:
    """Each revision of db/migrations/versions with the revisions it follows, read from
    the scripts' `revision = …` and `down_revision = …` lines without running them;
    None when a script does not read that simply (Alembic then answers)."""
    folder = migrations_dir() / "versions"
    graph: dict[str, tuple[str, ...]] = {}
    try:
        scripts = sorted(folder.glob("*.py"))
        for script in scripts:
            values = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
            revision = ast.literal_eval(values["revision"])
            down = ast.literal_eval(values["down_revision"])
            parents = () if down is None else (down,) if isinstance(down, str) else tuple(down)
            if not isinstance(revision, str) or not all(isinstance(p, str) for p in parents):
                return None
            graph[revision] = parents
    except (OSError, KeyError, ValueError, SyntaxError, TypeError):
        return None
    return graph or None


def head_revision() -> str:
    graph = _revision_graph()
    if graph is not None:
        followed = {parent for parents in graph.values() for parent in parents}
        heads = [revision for revision in graph if revision not in followed]
        if len(heads) == 1:
            return heads[0]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    graph = _revision_graph()
    if graph is not None:
        return set(graph)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the file (None: not stamped), as Alembic reads it."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) <= 1:
            return rows[0][0] if rows else None
        from alembic.runtime.migration import MigrationContext

        # Several heads: Alembic's own error says so.
        return MigrationContext.configure(connection).get_current_revision()


# A partial copy older than this was left by a backup that was killed: no backup runs that
# long (a large file copies in seconds), so removing it cannot race a copy in progress.
STALE_PARTIAL_SECONDS = 3600


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the half-written copies (`.NAME.part` and its `-journal`) a killed backup
    left in `folder`; returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    for leftover in folder.glob(".*.part*"):
        try:
            if now - leftover.stat().st_mtime > STALE_PARTIAL_SECONDS:
                leftover.unlink()
                removed.append(leftover)
        except OSError:  # already gone, or not ours to remove: the backup goes on
            continue
    return removed


def backup_copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe with WAL).

    The copy is one self-contained file (rollback journal, no -wal beside it), written
    under a temporary name, flushed to disk and renamed: a crash never leaves a half
    backup under the final name. Readable by its owner only on Linux and macOS.
    """
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_stale_partials(target.parent)
    partial = target.with_name(f".{target.name}.part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            if os.name == "posix":
                os.chmod(partial, 0o600)
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


BACKUP_FOLDER_KEY = "backup_folder"  # app_meta key: the folder the user chose for backups


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-sauvegardes"


def backup_folder(db_path: Path) -> Path:
    """Where backups of `db_path` go: the folder set in its app_meta, else beside it."""
    try:
        connection = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM app_meta WHERE key = ?", (BACKUP_FOLDER_KEY,)
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:  # no app_meta yet, or a damaged file: the default folder
        row = None
    return Path(row[0]) if row and row[0] else backups_dir(db_path)


def check_writable(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        raise DatabaseOpenError(OpenProblem.MISSING_FOLDER, path)
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(OpenProblem.READ_ONLY_FILE, path)
    if not os.access(folder, os.W_OK):
        raise DatabaseOpenError(OpenProblem.READ_ONLY_FOLDER, path)


def _check_header(path: Path) -> None:
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(OpenProblem.NOT_SQLITE, path)


def inspect_revision(path: Path) -> str | None:
    """The schema revision of an existing Encaisse file; raises if it is not one."""
    _check_header(path)
    engine = make_engine(path, read_only=True)
    try:
        tables = set(inspect(engine).get_table_names())
        if not tables:
            return None
        if "alembic_version" not in tables or "app_meta" not in tables:
            raise DatabaseOpenError(OpenProblem.NOT_ENCAISSE, path)
        with engine.connect() as connection:
            app = connection.execute(
                text("SELECT value FROM app_meta WHERE key = 'application'")
            ).scalar()
        if app != APPLICATION_ID:
            raise DatabaseOpenError(OpenProblem.NOT_ENCAISSE, path)
        return current_revision(engine)
    except DatabaseOpenError:
        raise
    except Exception as exc:  # sqlite3.DatabaseError wrapped by SQLAlchemy
        raise DatabaseOpenError(OpenProblem.CORRUPT, path, str(exc)) from exc
    finally:
        engine.dispose()


def open_or_create(path: Path, *, now: datetime, app_version: str) -> OpenedFile:
    """Open `path` at the current schema, creating or upgrading it; see module docstring."""
    path = path.expanduser()
    check_writable(path)
    created = not path.exists() or path.stat().st_size == 0
    revision: str | None = None
    if not created:
        revision = inspect_revision(path)
        if revision is not None and revision not in known_revisions():
            raise DatabaseOpenError(OpenProblem.TOO_NEW, path, revision)

    head = head_revision()
    backup: Path | None = None
    if not created and revision != head:
        reason = f"{REASON_MIGRATION}-{revision or 'vide'}"
        backup = backup_folder(path) / backup_file_name(path.stem, now, reason)
        backup_copy(path, backup)

    if revision != head:
        engine = make_engine(path)
        try:
            from alembic import command

            command.upgrade(alembic_config(engine), "head")
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO app_meta (key, value) VALUES ('application', :app) "
                        "ON CONFLICT(key) DO NOTHING"
                    ),
                    {"app": APPLICATION_ID},
                )
                connection.execute(
                    text(
                        "INSERT INTO app_meta (key, value) VALUES ('last_version', :v) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
                    ),
                    {"v": app_version},
                )
        finally:
            engine.dispose()
    if os.name == "posix":
        os.chmod(path, 0o600)
    return OpenedFile(path, created, revision if revision != head and not created else None, backup)
