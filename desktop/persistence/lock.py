"""Who holds a data file: a small lock file beside it, so two Encaisse never write at once.

SQLite's own locking protects each transaction; this lock protects the user from two
windows editing the same customers. A lock left by a crashed process on this machine is
recognised (its process no longer exists) and taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str


class FileLockedError(Exception):
    def __init__(self, holder: LockHolder) -> None:
        super().__init__(f"locked by {holder.user}@{holder.host} (pid {holder.pid})")
        self.holder = holder


# Locks this process holds right now, by lock file: a lock file bearing our own pid is
# stale (left by an earlier process that had the same pid) unless one of these holds it.
_HELD: weakref.WeakValueDictionary[str, FileLock] = weakref.WeakValueDictionary()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_holder(db_path: Path) -> LockHolder | None:
    path = lock_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FileLock:
    """Acquire with `acquire()`, release with `release()`; a context manager too."""

    def __init__(self, db_path: Path, now: datetime) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._now = now
        self._held = False

    def acquire(self) -> None:
        me = LockHolder(getpass.getuser(), socket.gethostname(), os.getpid(), self._now.isoformat())
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                holder = read_holder(self.db_path)
                stale = holder is None or (
                    holder.host == me.host and not _process_alive(holder.pid)
                )
                if holder is not None and holder.host == me.host and holder.pid == me.pid:
                    # Our pid: held by this very process (a second window on the same
                    # file), or left by a dead process whose pid was given to us.
                    stale = self._key() not in _HELD
                if not stale:
                    assert holder is not None
                    raise FileLockedError(holder) from None
                self.path.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me.__dict__, handle)
            self._held = True
            _HELD[self._key()] = self
            return
        raise FileLockedError(read_holder(self.db_path) or me)

    def release(self) -> None:
        if self._held:
            self.path.unlink(missing_ok=True)
            self._held = False
            if _HELD.get(self._key()) is self:
                del _HELD[self._key()]

    def _key(self) -> str:
        return str(self.path.resolve())

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
