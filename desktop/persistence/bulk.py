"""Fast inserts of many rows at once, for the demo generator and large imports.

Plain SQLAlchemy Core `insert()` with lists of dicts (one `executemany` per chunk), run
on the connection of the caller's session so everything stays in the caller's single
transaction: if anything fails, nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session

CHUNK_SIZE = 5000


def _connection(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _table(model_or_table: Any) -> Table:
    table = getattr(model_or_table, "__table__", model_or_table)
    if not isinstance(table, Table):
        raise TypeError(f"not a table or a mapped class: {model_or_table!r}")
    return table


def next_id(target: Session | Connection, model_or_table: Any) -> int:
    """The first free integer primary key of the table (max(id) + 1, or 1 when empty).

    Pre-assigning ids lets children (visit observations, audit rows) be built before
    their parents are written, without one round trip per row.
    """
    table = _table(model_or_table)
    current = _connection(target).execute(select(func.max(table.c.id))).scalar()
    return int(current or 0) + 1


def insert_rows(
    target: Session | Connection,
    model_or_table: Any,
    rows: Iterable[Mapping[str, Any]],
    *,
    chunk_size: int = CHUNK_SIZE,
) -> int:
    """Insert `rows` (dicts keyed by column name, all with the same keys); returns how many.

    Runs inside the transaction already open on `target`; commits nothing itself.
    """
    table = _table(model_or_table)
    connection = _connection(target)
    statement = insert(table)
    count = 0
    chunk: list[Mapping[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= chunk_size:
            connection.execute(statement, chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        connection.execute(statement, chunk)
        count += len(chunk)
    return count


# Below this many new rows, growing the indexes row by row costs less than rebuilding.
REINDEX_MIN_ROWS = 10_000


@contextmanager
def indexes_deferred(
    target: Session | Connection, model_or_table: Any, new_rows: int
) -> Iterator[None]:
    """Drop the table's secondary indexes while many rows are inserted, then create them
    again with their own SQL: SQLite builds an index from sorted keys several times
    faster than it grows it one row at a time.

    Only on SQLite, inside a transaction already open (the DDL is part of it: a rollback
    brings the indexes back), and when `new_rows` is at least REINDEX_MIN_ROWS and more
    than the rows already in the table (a rebuild reads them all). Otherwise does
    nothing. The unique constraints' own indexes are kept (they cannot be dropped). When
    the block raises, the indexes are not rebuilt: the caller must roll back.
    """
    table = _table(model_or_table)
    connection = _connection(target)
    indexes: list[tuple[str, str]] = []
    if connection.dialect.name == "sqlite" and new_rows >= REINDEX_MIN_ROWS:
        driver = connection.connection.driver_connection
        if getattr(driver, "in_transaction", False):
            existing = connection.execute(select(func.count()).select_from(table)).scalar()
            if new_rows > (existing or 0):
                indexes = [
                    (name, sql)
                    for name, sql in connection.exec_driver_sql(
                        "SELECT name, sql FROM sqlite_master "
                        "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                        (table.name,),
                    )
                ]
    for name, _ in indexes:
        connection.execute(text(f'DROP INDEX "{name}"'))
    yield
    for _, sql in indexes:
        connection.exec_driver_sql(sql)
