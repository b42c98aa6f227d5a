"""The SQLAlchemy engine on one SQLite file; SQLite pragmas live here and nowhere else."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
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


@contextmanager
def one_pass_scan(connection: Connection) -> Iterator[None]:
    """For one query that reads most of a large table once and groups it (the aged
    balance of a million documents): SQLite's default page cache and temporary storage
    while it runs, then the connection's own again.

    The large cache and in-memory temporary storage set on every connection (for
    imports) make such a scan twice as slow: a million rows then cycle through 16,000
    cached pages instead of a few hundred, and the grouping's temporary b-tree grows in
    the page cache (1.0 s against 2.2 s on 1,000,000 open items; issue 9). Does nothing
    on another database."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA cache_size=-2000")
    connection.exec_driver_sql("PRAGMA temp_store=DEFAULT")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        connection.exec_driver_sql("PRAGMA temp_store=MEMORY")


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
