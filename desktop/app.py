"""The ONE place that builds and wires objects: engine, services, translators, windows.

Nothing below this module reads the system clock or chooses a file path.
"""

from __future__ import annotations

import getpass
from datetime import date, datetime
from pathlib import Path

from platformdirs import user_data_dir

from desktop import APP_NAME, __version__
from desktop.persistence.database import Database
from desktop.persistence.lock import FileLock
from desktop.persistence.migrations import OpenedFile, check_writable, open_or_create
from desktop.services.registry import Services, build_services

DB_FILE_NAME = "encaisse.sqlite"
DEMO_FILE_NAME = "encaisse-demo.sqlite"


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def default_demo_path() -> Path:
    return data_dir() / DEMO_FILE_NAME


def current_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        return "encaisse"


def open_file(path: Path, clock=None, *, take_lock: bool = True) -> Services:  # type: ignore[no-untyped-def]
    """Open (creating or upgrading) the data file and build its services.

    Raises DatabaseOpenError or FileLockedError; in both cases nothing in the file changed.
    """
    clock = clock or SystemClock()
    path = path.expanduser()
    if path.parent == data_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    check_writable(path)
    lock: FileLock | None = None
    if take_lock:
        lock = FileLock(path, clock.now())
        lock.acquire()
    try:
        opened = open_or_create(path, now=clock.now(), app_version=__version__)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    services = build_services(Database.at(path), clock, current_user_name)
    services.opened = opened
    services.lock = lock
    return services
