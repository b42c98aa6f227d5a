"""The SQLAlchemy engine on one SQLite file; SQLite pragmas live here and nowhere else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64 * 1024  # page cache per connection, at most


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a background task writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
    _sqlite_read_pragmas(dbapi_connection, _record)


def _sqlite_read_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # A read-only connection cannot change the journal mode (it reads the file as it is:
    # another application's database, an old copy); the other pragmas are per connection.
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite and must be turned on per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # A page cache larger than SQLite's 2 MB default keeps the indexes of `documents` in
    # memory while an import writes a few hundred thousand rows (allocated as used, per
    # connection); temporary b-trees (sorts, IN lists) stay in memory too.
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on `path` with WAL, foreign keys and a busy timeout on every connection."""
    # The file is handed to sqlite3 directly: in an SQLAlchemy URL, a '?', '#' or '%20' in
    # the user's file name would be read as URL syntax and another file opened (or created).
    if read_only:
        target, uri = path.resolve().as_uri() + "?mode=ro", True  # as_uri() escapes them
    else:
        target, uri = str(path.resolve()), False

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=uri, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_read_pragmas if read_only else _sqlite_pragmas)
    return engine
