"""SQLite's own checks of a data file."""

from __future__ import annotations

from sqlalchemy import Engine, text


def integrity_problems(engine: Engine, *, quick: bool = False) -> list[str]:
    """Messages from PRAGMA integrity_check / quick_check and foreign_key_check; [] if sound."""
    pragma = "quick_check" if quick else "integrity_check"
    with engine.connect() as connection:
        rows = [r[0] for r in connection.execute(text(f"PRAGMA {pragma}"))]
        problems = [r for r in rows if r != "ok"]
        for table, rowid, parent, _fk in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"foreign key: {table} row {rowid} -> {parent}")
    return problems
