"""Two Encaisse never write the same file at once; a crashed one does not block it."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop.persistence.lock import FileLock, FileLockedError, lock_path, read_holder

NOW = datetime(2026, 3, 16, 9, 30)
ROOT = Path(__file__).resolve().parents[2]


def _write_lock(
    db_path: Path, *, pid: int, host: str | None = None, user: str = "c.martin"
) -> None:
    lock_path(db_path).write_text(
        json.dumps(
            {
                "user": user,
                "host": host or socket.gethostname(),
                "pid": pid,
                "since": "2026-03-15T18:02:00",
            }
        ),
        encoding="utf-8",
    )


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_lock_file_names_who_holds_it(db_path: Path) -> None:
    with FileLock(db_path, NOW):
        holder = read_holder(db_path)
        assert holder is not None
        assert holder.user == getpass.getuser()
        assert holder.host == socket.gethostname()
        assert holder.pid == os.getpid()
        assert holder.since == NOW.isoformat()


def test_second_lock_in_the_same_process_is_refused(db_path: Path) -> None:
    first = FileLock(db_path, NOW)
    first.acquire()
    try:
        with pytest.raises(FileLockedError) as info:
            FileLock(db_path, NOW).acquire()
        assert info.value.holder.user == getpass.getuser()
        assert info.value.holder.host == socket.gethostname()
        assert getpass.getuser() in str(info.value)
        assert lock_path(db_path).exists()
    finally:
        first.release()
    # Once released, the next one gets it.
    with FileLock(db_path, NOW):
        assert read_holder(db_path) is not None


def test_lock_held_by_another_running_encaisse_is_refused(db_path: Path) -> None:
    script = (
        "import sys; from datetime import datetime; from pathlib import Path\n"
        "from desktop.persistence.lock import FileLock\n"
        f"lock = FileLock(Path({str(db_path)!r}), datetime(2026, 3, 16, 8, 0))\n"
        "lock.acquire(); print('ready', flush=True); sys.stdin.read(); lock.release()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with pytest.raises(FileLockedError) as info:
            FileLock(db_path, NOW).acquire()
        holder = info.value.holder
        assert (holder.user, holder.host, holder.pid) == (
            getpass.getuser(),
            socket.gethostname(),
            child.pid,
        )
        assert holder.since == "2026-03-16T08:00:00"
    finally:
        child.communicate("", timeout=10)
    assert child.returncode == 0
    assert not lock_path(db_path).exists()
    with FileLock(db_path, NOW):
        assert read_holder(db_path).pid == os.getpid()  # type: ignore[union-attr]


def test_stale_lock_of_a_dead_process_is_taken_over(db_path: Path) -> None:
    _write_lock(db_path, pid=_dead_pid())
    with FileLock(db_path, NOW):
        holder = read_holder(db_path)
        assert holder is not None
        assert holder.pid == os.getpid()
        assert holder.user == getpass.getuser()


def test_lock_left_by_an_earlier_process_with_our_pid_is_taken_over(db_path: Path) -> None:
    # After a crash and a reboot, this process may have been given the dead one's pid.
    _write_lock(db_path, pid=os.getpid(), user="ancien")
    with FileLock(db_path, NOW):
        assert read_holder(db_path).user == getpass.getuser()  # type: ignore[union-attr]


def test_unreadable_lock_file_is_taken_over(db_path: Path) -> None:
    lock_path(db_path).write_text("{pas du json", encoding="utf-8")
    with FileLock(db_path, NOW):
        assert read_holder(db_path) is not None


def test_lock_from_another_computer_is_respected(db_path: Path) -> None:
    # Its process cannot be checked from here: only its owner (or the user) may remove it.
    _write_lock(db_path, pid=_dead_pid(), host="poste-comptabilite", user="a.noel")
    with pytest.raises(FileLockedError) as info:
        FileLock(db_path, NOW).acquire()
    assert (info.value.holder.user, info.value.holder.host) == ("a.noel", "poste-comptabilite")
    assert "a.noel@poste-comptabilite" in str(info.value)
    assert read_holder(db_path).user == "a.noel"  # type: ignore[union-attr]


def test_release_removes_the_lock_file(db_path: Path) -> None:
    lock = FileLock(db_path, NOW)
    lock.acquire()
    assert lock_path(db_path).exists()
    lock.release()
    assert not lock_path(db_path).exists()
    lock.release()  # twice is harmless
    assert not lock_path(db_path).exists()


def test_a_refused_lock_does_not_remove_the_holders_file(db_path: Path) -> None:
    with FileLock(db_path, NOW):
        refused = FileLock(db_path, NOW)
        with pytest.raises(FileLockedError):
            refused.acquire()
        refused.release()
        assert lock_path(db_path).exists()


def test_context_manager_releases_on_error(db_path: Path) -> None:
    with pytest.raises(ValueError), FileLock(db_path, NOW):
        raise ValueError("boom")
    assert not lock_path(db_path).exists()
