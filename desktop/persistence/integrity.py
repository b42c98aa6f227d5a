"""SQLite's own checks of a data file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

# No SQLAlchemy at import: the application starts the check at open (EarlyCheck) before
# the rest of its modules are loaded.


def integrity_problems(engine: Engine, *, quick: bool = False) -> list[str]:
    """Messages from PRAGMA integrity_check / quick_check and foreign_key_check; [] if sound."""
    from sqlalchemy import text

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


class EarlyCheck:
    """`damage_found(path)` running on a thread of its own, started as soon as the
    application knows which file it opens: SQLite reads the whole file without holding
    Python's lock, so on a large file the check costs little more than the loading of
    the application's modules it runs beside."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self._problems: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._problems = damage_found(self.path)
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc

    def result(self) -> list[str]:
        """Wait for the check; what `damage_found` returned (or raise what it raised)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._problems
