"""Kill the real `encaisse` command with SIGKILL in the middle of an action, then look at
what it left.

The action is run to the end first, to measure it: from the moment the file's lock
appears (the command has opened the data file and is about to work on it) to the moment
it is released (the action is written). The kill points are then spread over that
window, one drawn at random in each of `runs` equal slices (a seeded random, so a
failure names the seed and the delay that found it). What happens before the lock is
Python starting up: nothing to break there.

After each kill the file is opened the way the application opens it (stale lock taken
over, quick check, schema check), SQLite's integrity check must pass, and a fingerprint
of the data must equal the one before the action or the one after it: never a mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.app import open_file
from desktop.domain.clock import FixedClock
from desktop.persistence.integrity import damage_found, integrity_problems
from desktop.persistence.lock import lock_path, read_holder
from desktop.persistence.migrations import backup_folder, backups_dir

TODAY = "2026-03-16"
NOW = datetime(2026, 3, 16, 9, 30)
REPO = Path(__file__).resolve().parents[2]
POLL_SECONDS = 0.0005
MIN_WRITE_WINDOW = 0.003
START_TIMEOUT = 120.0  # a loaded machine may be slow to start the interpreter

Fingerprint = dict[str, object]


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def crash_runs(default: int) -> int:
    """Kills per scenario: ENCAISSE_CRASH_RUNS, else `default`."""
    return max(1, _setting("ENCAISSE_CRASH_RUNS", default))


def crash_seed() -> int:
    """ENCAISSE_CRASH_SEED replays the kill points of a failed run."""
    return _setting("ENCAISSE_CRASH_SEED", 20260316)


def crash_jobs() -> int:
    """Commands killed at the same time (one per core, at most 2: more would change the
    timing the kill points were measured under)."""
    return max(1, _setting("ENCAISSE_CRASH_JOBS", min(2, os.cpu_count() or 1)))


def command(db: Path, *argv: str) -> list[str]:
    """The real command line, as a user types it (`encaisse` is `python -m desktop`)."""
    return [sys.executable, "-m", "desktop", "--db", str(db), "--today", TODAY, *argv]


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_DATA_HOME"] = str(folder / "xdg-data")  # never the tester's own Encaisse folder
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _start(argv: Sequence[str], folder: Path) -> subprocess.Popen[bytes]:
    # Its own session: the SIGKILL goes to the command and anything it started.
    with open(folder / "stderr.txt", "wb") as stderr:
        return subprocess.Popen(
            list(argv),
            cwd=folder,
            env=_environment(folder),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )


Trigger = Callable[[Path], bool]  # data file -> has the moment to count from come?


def lock_taken(db: Path) -> bool:
    """The command took the file's lock."""
    return lock_path(db).exists()


def _log_size(db: Path) -> int:
    try:
        return os.path.getsize(str(db) + "-wal")
    except OSError:
        return 0


def log_written(db: Path) -> bool:
    """The command started writing its transaction into the file's log (-wal)."""
    return _log_size(db) > 0


def copy_started(db: Path) -> bool:
    """A backup of the file started (under its temporary `.part` name)."""
    folder = backups_dir(db)
    return folder.is_dir() and any(folder.glob(".*.part"))


def _wait_for(process: subprocess.Popen[bytes], db: Path, trigger: Trigger) -> float | None:
    """The monotonic time `trigger(db)` turned true; None if the process ended first."""
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        if trigger(db):
            return time.monotonic()
        if process.poll() is not None:
            return None
        time.sleep(POLL_SECONDS)
    process.kill()
    raise AssertionError(f"{db.name}: {trigger.__name__} never came in {START_TIMEOUT:.0f} s")


@dataclass(frozen=True)
class Timing:
    """One uninterrupted run: `window` is how long the command held the file's lock (from
    opening the file to releasing it once the action is written), `write_window` how long
    its log kept growing (None: it never wrote through the log, as a restore, which
    renames a copy over the file), `total` the whole run."""

    window: float
    write_window: float | None
    total: float


def measure(argv: Sequence[str], db: Path) -> Timing:
    """Run the action to its end on `db`; its exit code must be 0."""
    started = time.monotonic()
    process = _start(argv, db.parent)
    locked = _wait_for(process, db, lock_taken)
    released = None
    log_size, growth = 0, []  # the moments the log grew while the lock was held
    while process.poll() is None:
        now = time.monotonic()
        if released is None:
            size = _log_size(db)
            if size > log_size:
                log_size = size
                growth.append(now)
            if not lock_taken(db):
                released = now
        time.sleep(POLL_SECONDS)
    ended = time.monotonic()
    stderr = (db.parent / "stderr.txt").read_text(encoding="utf-8", errors="replace")
    assert process.returncode == 0, f"{' '.join(argv)} failed ({process.returncode}):\n{stderr}"
    assert locked is not None, f"{' '.join(argv)} never took the file's lock"
    return Timing(
        window=(released or ended) - locked,
        # The pages reach the log at commit (the page cache holds them until then): the
        # window is that commit, at least a few polls long.
        write_window=max(growth[-1] - growth[0], MIN_WRITE_WINDOW) if growth else None,
        total=ended - started,
    )


def measure_alongside(runs: list[tuple[list[str], Path]]) -> Timing:
    """Measure the action on each (argv, db) at the same time, as the kills will run:
    the longest windows and run (a busy machine stretches them)."""
    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        timings = list(pool.map(lambda run: measure(*run), runs))
    writes = [t.write_window for t in timings if t.write_window is not None]
    return Timing(
        max(t.window for t in timings),
        max(writes) if len(writes) == len(timings) else None,
        max(t.total for t in timings),
    )


# The kills spread a little past the measured window: a run slowed down by the machine
# still gets kill points up to its commit.
WINDOW_MARGIN = 1.25


def kill_delays(window: float, runs: int, seed: int) -> list[float]:
    """One delay drawn in each of `runs` equal slices of [0, window × WINDOW_MARGIN)."""
    rng = random.Random(seed)
    span = window * WINDOW_MARGIN
    return [span * (i + rng.random()) / runs for i in range(runs)]


@dataclass(frozen=True)
class Kill:
    run: int
    delay: float
    trigger: str  # the moment the delay counts from: lock_taken, log_written, copy_started
    db: Path
    killed: bool  # False: the action had already finished when the delay ran out
    returncode: int

    def stderr(self) -> str:
        return (self.db.parent / "stderr.txt").read_text(encoding="utf-8", errors="replace")

    def describe(self, seed: int) -> str:
        state = "killed" if self.killed else f"already finished (exit {self.returncode})"
        return (
            f"run {self.run}: SIGKILL {self.delay * 1000:.1f} ms after {self.trigger}, "
            f"{state} (ENCAISSE_CRASH_SEED={seed} replays these kill points)"
        )


def run_and_kill(
    argv: Sequence[str], db: Path, run: int, delay: float, trigger: Trigger = lock_taken
) -> Kill:
    """Start the action on `db`, SIGKILL it `delay` seconds after `trigger` came true."""
    process = _start(argv, db.parent)
    came = _wait_for(process, db, trigger)
    if came is not None:
        remaining = came + delay - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):  # it may end at this very moment
            os.killpg(process.pid, signal.SIGKILL)
    code = process.wait()
    return Kill(run, delay, trigger.__name__, db, code == -signal.SIGKILL, code)


def kill_many(
    prepare: Callable[[Path], tuple[list[str], Path]],
    delays: list[float],
    root: Path,
    trigger: Trigger = lock_taken,
    first_run: int = 0,
) -> list[Kill]:
    """For each delay, a fresh copy made by `prepare(folder)` -> (argv, db), killed."""
    jobs = []
    for run, delay in enumerate(delays, start=first_run):
        folder = root / f"run-{run:02d}"
        folder.mkdir(parents=True)
        argv, db = prepare(folder)
        jobs.append((argv, db, run, delay, trigger))
    with ThreadPoolExecutor(max_workers=crash_jobs()) as pool:
        return list(pool.map(lambda job: run_and_kill(*job), jobs))


def copy_file(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target


# --- what the kill left ---------------------------------------------------------------


def reopen_and_check(db: Path, where: str) -> bool:
    """Open `db` as the application does and run SQLite's integrity check.

    Returns whether a lock was left behind by the killed process (it must not stop the
    opening). Also checks that no backup under its final name is a torn copy.
    """
    stale = read_holder(db) is not None or lock_path(db).exists()
    try:
        services = open_file(db, FixedClock(NOW), take_lock=True)
    except Exception as exc:
        raise AssertionError(f"{where}: the file no longer opens: {exc!r}") from exc
    try:
        problems = integrity_problems(services.database.engine)
    finally:
        services.close()
    assert problems == [], f"{where}: integrity check failed: {problems}"
    assert not lock_path(db).exists(), f"{where}: the lock was not released"
    folder = backup_folder(db)
    if folder.is_dir():
        for backup in sorted(folder.glob("*.encaisse")):
            torn = damage_found(backup)
            assert torn == [], f"{where}: a torn backup under its final name {backup.name}: {torn}"
    return stale


def interrupted_copies(db: Path) -> int:
    """Copies the kill left under their temporary names (a backup's `.part`, a restore's
    `.restauration`): the kill landed while a copy was being written."""
    folder = backup_folder(db)
    parts = list(folder.glob(".*.part")) if folder.is_dir() else []
    return len(parts) + len(list(db.parent.glob(f".{db.name}.restauration*")))


def state_of(
    db: Path, states: dict[str, Fingerprint], fingerprint: Callable[[Path], Fingerprint], where: str
) -> str:
    """The name of the state `db` holds ("before" / "after"), or an assertion error."""
    found = fingerprint(db)
    for name, expected in states.items():
        if found == expected:
            return name
    lines = [f"{where}: the data is neither the state before nor the state after the action"]
    for key in sorted(found):
        shown = {name: expected.get(key) for name, expected in states.items()}
        if any(value != found[key] for value in shown.values()):
            lines.append(
                f"  {key}: found {found[key]!r}, "
                + ", ".join(f"{n} {v!r}" for n, v in shown.items())
            )
    raise AssertionError("\n".join(lines))


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


# Written with the time of day the command ran (and names that carry it): equal content
# from two runs differs there only.
VOLATILE_COLUMNS = {"audit_log": {"at", "changes_json"}}


def whole_content(db: Path) -> Fingerprint:
    """Every table: its row count and a hash of its rows in rowid order (the columns
    stamped with the time of day left out)."""
    connection = sqlite3.connect(db)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        content: Fingerprint = {}
        for table in tables:
            volatile = VOLATILE_COLUMNS.get(table, set())
            columns = [
                f'"{row[1]}"'
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if row[1] not in volatile
            ]
            digest = hashlib.sha256()
            count = 0
            for row in connection.execute(
                f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid'
            ):
                digest.update(repr(row).encode())
                count += 1
            content[table] = (count, digest.hexdigest()[:16])
        return content
    finally:
        connection.close()
