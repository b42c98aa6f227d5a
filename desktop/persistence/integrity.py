"""SQLite's own checks of a data file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


def damage_found(path: Path) -> list[str]:
    """PRAGMA quick_check of the file at `path`, read-only; [] if sound.

    For the check at open, before anything writes: quick_check reads every page (it skips
    the index-content cross-check of integrity_check), so a page overwritten in the middle
    of the file is found. A file that is not SQLite at all gives [] here: the opening
    refuses it with a more precise reason. Foreign keys are left to `encaisse check`: a
    dangling reference is not damage a backup should replace.
    """
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return []
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"…
        return [str(exc)]
    return [r for r in rows if r != "ok"]
