"""Fast inserts of many rows at once, for the demo generator and large imports.

Plain SQLAlchemy Core `insert()` with lists of dicts (one `executemany` per chunk), run
on the connection of the caller's session so everything stays in the caller's single
transaction: if anything fails, nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
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
