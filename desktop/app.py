"""The ONE place that builds and wires objects: engine, services, translators, windows.

Nothing below this module reads the system clock or chooses a file path.
"""

from __future__ import annotations

import getpass
import os
import threading
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from desktop import APP_NAME, __version__
from desktop.domain.backups import REASON_CLOSE, REASON_OPEN
from desktop.persistence.integrity import EarlyCheck, damage_found
from desktop.persistence.location import network_share_kind
from desktop.persistence.lock import FileLock

if TYPE_CHECKING:
    from desktop.services.backups import BackupInfo
    from desktop.services.registry import Services

# SQLAlchemy, the services and the windows are imported where they are first needed, not
# with this module: the graphical start begins the quick check of the file on a thread
# first, and that check then runs while they load (issue 9).

DB_FILE_NAME = "encaisse.sqlite"
DEMO_FILE_NAME = "encaisse-demo.sqlite"

# For the start-up benchmark (bench/bench_startup.py): with this variable set to "1", the
# application prints BENCH_SHOWN_LINE on stdout once its main window has painted its
# first page, then quits normally (closing backup included).
BENCH_EXIT_ENV = "ENCAISSE_BENCH_EXIT_WHEN_SHOWN"
BENCH_SHOWN_LINE = "encaisse-window-shown"


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


def open_file(  # type: ignore[no-untyped-def]
    path: Path, clock=None, *, take_lock: bool = True, early: EarlyCheck | None = None
) -> Services:
    """Open (creating or upgrading) the data file and build its services.

    Raises DatabaseOpenError or FileLockedError; in both cases nothing in the file changed.
    `early` is the quick check already started on this file, if any.
    """
    from desktop.persistence.database import Database
    from desktop.persistence.migrations import check_writable, open_or_create
    from desktop.services.registry import build_services

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
        refuse_damaged(path, early)
        opened = open_or_create(path, now=clock.now(), app_version=__version__)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    services = build_services(Database.at(path), clock, current_user_name)
    services.opened = opened
    services.lock = lock
    return services


def refuse_damaged(path: Path, early: EarlyCheck | None = None) -> None:
    """The quick check at open: raise DatabaseOpenError(CORRUPT) for a damaged file.

    It runs before anything writes: an upgrade would work on broken pages, and the opening
    backup would rotate good backups out in favour of copies of the damage. `early` is
    the check already started on this file (its result is used once, then dropped).
    """
    from desktop.persistence.migrations import DatabaseOpenError, OpenProblem

    if path.is_file() and path.stat().st_size > 0:
        if early is not None and early.path == path.resolve():
            problems = early.result()
        else:
            problems = damage_found(path)
        if problems:
            raise DatabaseOpenError(OpenProblem.CORRUPT, path, "; ".join(problems[:3]))


def latest_sound_backup(backups: list[BackupInfo]) -> BackupInfo | None:
    """The newest backup (of a newest-first list) that reads as ours and passes the quick
    check: the copy of a damaged file kept aside by an earlier restore is skipped."""
    for info in backups:
        if info.readable and not damage_found(info.path):
            return info
    return None


def open_read_only(path: Path, clock=None, *, allow_outdated: bool = False) -> Services:  # type: ignore[no-untyped-def]
    """Services on an existing file, read-only: nothing is created, upgraded or locked.

    For commands that only read (`check`, `customers list`, `screenshot`). A file at an
    older schema is refused unless `allow_outdated` (the check reports it instead).
    """
    from desktop.persistence.database import Database
    from desktop.persistence.migrations import (
        DatabaseOpenError,
        OpenProblem,
        head_revision,
        inspect_revision,
        known_revisions,
    )
    from desktop.services.registry import build_services

    path = path.expanduser()
    if not path.exists():
        raise DatabaseOpenError(OpenProblem.NOT_FOUND, path)
    revision = inspect_revision(path)  # refuses what is not an Encaisse file, untouched
    if revision is None:
        raise DatabaseOpenError(OpenProblem.NOT_ENCAISSE, path)
    if revision not in known_revisions():
        raise DatabaseOpenError(OpenProblem.TOO_NEW, path, revision)
    if revision != head_revision() and not allow_outdated:
        raise DatabaseOpenError(OpenProblem.OUTDATED, path, revision)
    return build_services(
        Database.at(path, read_only=True), clock or SystemClock(), current_user_name
    )


# --- The graphical application ---------------------------------------------------------


def describe_open_error(exc: BaseException) -> str | None:
    """A French (translated) sentence for a file that cannot be opened, else None."""
    from desktop.persistence.lock import FileLockedError
    from desktop.persistence.migrations import DatabaseOpenError
    from desktop.ui.messages import locked_message, open_problem_message

    if isinstance(exc, DatabaseOpenError):
        return open_problem_message(exc.problem, str(exc.path), exc.detail)
    if isinstance(exc, FileLockedError):
        return locked_message(exc.holder.user, exc.holder.host, exc.holder.since)
    return None


class GuiController:
    """Opens files, shows the welcome dialog when needed, and owns the main window."""

    def __init__(self, clock, start_user: str | None = None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QSettings

        self.clock = clock
        self.settings = QSettings()
        self.services: Services | None = None
        self.window = None
        # `encaisse --user NAME`: the first file opens signed in as NAME, without asking.
        self.start_user = start_user
        self.early_check: EarlyCheck | None = None  # started by run_gui, used by open()
        self._opening_backup: threading.Thread | None = None

    def initial_path(self, requested: Path | None) -> Path:
        """The file the application opens first: the one asked for, else the last one."""
        return requested or self._last_file() or default_db_path()

    def start(self, requested: Path | None) -> bool:
        path = self.initial_path(requested)
        if path.exists():
            return self.open(path)
        return self.welcome(path)

    def _last_file(self) -> Path | None:
        value = self.settings.value("last_file", "")
        return Path(str(value)) if value and Path(str(value)).exists() else None

    def welcome(self, path: Path, message: str = "") -> bool:
        """Ask what to open; loops until something opens or the user quits."""
        from desktop.ui.welcome import WelcomeChoice, WelcomeDialog

        while True:
            dialog = WelcomeDialog(path, message, self.window)
            if not dialog.exec() or dialog.choice is None:
                return self.window is not None
            if dialog.choice is WelcomeChoice.DEMO:
                ok, message = self._create_demo(default_demo_path())
                if ok:
                    return True
            elif dialog.choice is WelcomeChoice.CREATE:
                ok, message = self._create_company_file(dialog.path, dialog.company)
                if ok:
                    return True
            else:
                if self.open(dialog.path, quiet=True):
                    return True
                message = self._last_error
            path = dialog.path

    _last_error = ""

    def _create_company_file(self, path: Path, company) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QCoreApplication

        if path.exists():
            return False, QCoreApplication.translate(
                "GuiController",
                "Le fichier « %s » existe déjà : choisissez un autre emplacement ou ouvrez-le.",
            ) % path
        try:
            services = open_file(path, self.clock)
        except Exception as exc:
            message = describe_open_error(exc)
            if message is None:
                raise
            return False, message
        services.company.save(company)
        self._show(services)
        return True, ""

    def _create_demo(self, path: Path) -> tuple[bool, str]:
        from PySide6.QtCore import QCoreApplication

        from desktop.services.demo import DemoCancelled, generate_demo
        from desktop.ui.tasks import run_task

        if path.exists():
            return (self.open(path, quiet=True), self._last_error)
        clock = self.clock

        def build(progress, cancelled) -> None:  # type: ignore[no-untyped-def]
            services = open_file(path, clock)
            try:
                generate_demo(
                    services, customers=300, seed=1, progress=progress, cancelled=cancelled
                )
            finally:
                services.close()

        try:
            run_task(
                self.window,
                QCoreApplication.translate(
                    "GuiController", "Création de la société de démonstration…"
                ),
                build,
                cancel_text=QCoreApplication.translate("GuiController", "Annuler"),
            )
        except Exception as exc:
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            if isinstance(exc, DemoCancelled):
                return False, ""
            message = describe_open_error(exc)
            if message is None:
                raise
            return False, message
        return (self.open(path, quiet=True), self._last_error)

    def open(self, path: Path, quiet: bool = False) -> bool:
        """Open `path` in the main window; on failure say why (unless quiet) and keep the rest."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.persistence.migrations import DatabaseOpenError, OpenProblem

        if self.services is not None and self.services.path.resolve() == path.resolve():
            return True  # already open here: re-opening would find our own lock
        early, self.early_check = self.early_check, None  # its answer is for this opening
        try:
            services = open_file(path, self.clock, early=early)
        except Exception as exc:
            message = describe_open_error(exc)
            if message is None:
                raise
            self._last_error = message
            if isinstance(exc, DatabaseOpenError) and exc.problem is OpenProblem.CORRUPT:
                restored = self._offer_restore(path, message)
                if restored:
                    return self.open(path, quiet)
                if restored is None:
                    message = f"{message}\n\n{self._no_backup_text(path)}"
                    self._last_error = message
                elif not quiet:  # declined: the question already said it all
                    return self.welcome(path, message) if self.window is None else False
            if not quiet:
                QMessageBox.critical(self.window, "Encaisse", message)
                if self.window is None:
                    return self.welcome(path, message)
            return False
        if not self._sign_in(services):
            services.close()  # nobody picked: nothing was done, the file is left as it was
            return False
        if services.opened is not None and not services.opened.created:
            self._opening_backup = _opening_backup(services)
        self._show(services)
        return True

    def _sign_in(self, services: Services) -> bool:
        """Ask who is working when the file has a team; False when the person declines.

        A file without users (a one-person business) opens straight away, signed with the
        computer's login name. The person picked is remembered per file for next time.
        """
        from desktop.ui.profile_dialog import ask_who_is_working

        users = services.reference.users()
        if not users:
            return True
        if self.start_user is not None:
            wanted, self.start_user = self.start_user, None  # only for the first file
            return self._sign_in_as(services, users, wanted)
        return ask_who_is_working(services, first_start=self.window is None)

    def _sign_in_as(self, services: Services, users: list, name: str) -> bool:  # type: ignore[type-arg]
        """`--user NAME`: sign in as the active user of that name (accents and case
        ignored), unless they protect their work with a PIN, which must be typed in the
        start dialog. A refusal is said on stderr and in a message box; nothing opens."""
        import sys

        from PySide6.QtWidgets import QMessageBox

        from desktop.domain.text import fold
        from desktop.ui.messages import start_user_has_pin_message, start_user_unknown_message

        found = [user for user in users if fold(user.name) == fold(name)]
        if not found:
            message = start_user_unknown_message(name, [user.name for user in users])
        elif found[0].has_pin:
            message = start_user_has_pin_message(found[0].name)
        else:
            services.identity.sign_in(found[0])
            return True
        print(message, file=sys.stderr)
        QMessageBox.critical(self.window, "Encaisse", message)
        return False

    def _offer_restore(self, path: Path, message: str) -> bool | None:
        """Offer to restore the latest sound backup of the damaged file `path`.

        True once restored (the restore keeps the damaged file aside: it is never
        overwritten), False when declined or failed, None when there is no sound backup.
        """
        from PySide6.QtWidgets import QMessageBox

        from desktop.services.backups import backup_service_for
        from desktop.ui.messages import damaged_restore_question, damaged_restored_message

        # Its engine is never used here: listing reads the backups, restoring closes it.
        backups = backup_service_for(path, self.clock, current_user_name)
        latest = latest_sound_backup(backups.list())
        if latest is None:
            return None
        question = damaged_restore_question(latest.taken_at, latest.customers, latest.open_items)
        answer = QMessageBox.question(
            self.window,
            "Encaisse",
            f"{message}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            kept = backups.restore(latest.path)
        except Exception as exc:
            failure = describe_open_error(exc)
            if failure is None:
                raise
            QMessageBox.critical(self.window, "Encaisse", failure)
            return False
        QMessageBox.information(
            self.window, "Encaisse", damaged_restored_message(str(kept) if kept else "—")
        )
        return True

    def _no_backup_text(self, path: Path) -> str:
        from desktop.persistence.migrations import backup_folder
        from desktop.ui.messages import damaged_without_backup_message

        return damaged_without_backup_message(str(backup_folder(path)))

    def reload(self, path: Path) -> bool:
        """Open `path` again after a restore replaced it: the old services are closed
        first (no closing backup: the file was just kept aside) to release our lock."""
        if self.services is not None:
            self._wait_for_opening_backup()
            self.services.close()
            self.services = None
        return self.open(path)

    def _wait_for_opening_backup(self) -> None:
        if self._opening_backup is not None:
            self._opening_backup.join()
            self._opening_backup = None

    def _close_services(self, services: Services) -> None:
        self._wait_for_opening_backup()  # its copy is finished before the file is let go
        services.backups.auto_backup(REASON_CLOSE)
        services.close()

    def _show(self, services: Services) -> None:
        from desktop.ui.main_window import MainWindow

        old_window, old_services = self.window, self.services
        self.services = services
        self.window = MainWindow(services)
        self.window.sig_open_file.connect(lambda p: self.open(Path(p)))
        self.window.sig_new_file.connect(lambda: self.welcome(default_db_path()))
        self.window.sig_reload_file.connect(lambda p: self.reload(Path(p)))
        self.window.set_network_share_warning(network_share_kind(services.path) is not None)
        self.window.show()
        if os.environ.get(BENCH_EXIT_ENV) == "1":
            from desktop.ui.first_paint import quit_after_first_paint

            quit_after_first_paint(self.window, BENCH_SHOWN_LINE)
        self.settings.setValue("last_file", str(services.path))
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_services is not None:
            self._close_services(old_services)

    def shutdown(self) -> None:
        if self.services is not None:
            self._close_services(self.services)
            self.services = None


# Below this size the opening backup is taken before the window shows (a few
# milliseconds); above it, on a thread while the window is built and used: copying a
# 100 MB file takes about half a second the user need not wait for (issue 9).
OPENING_BACKUP_THREAD_BYTES = 8 * 1024 * 1024


def _opening_backup(services: Services) -> threading.Thread | None:
    """Take the opening backup of `services`' file: at once for a small file, else on a
    thread, returned so that the file is not closed before the copy is finished (SQLite's
    online backup reads a consistent snapshot while the window writes beside it)."""
    try:
        size = services.path.stat().st_size
    except OSError:
        size = 0
    if size < OPENING_BACKUP_THREAD_BYTES:
        services.backups.auto_backup(REASON_OPEN)
        return None
    thread = threading.Thread(
        target=services.backups.auto_backup, args=(REASON_OPEN,), name="opening-backup"
    )
    thread.start()
    return thread


def log_path() -> Path:
    return data_dir() / "journal" / "encaisse.log"


def install_crash_handler(path: Path) -> None:
    """An unexpected error is logged and explained instead of closing the window.

    Every change is committed in one transaction per action, so what was saved before
    the error is safe; the action that failed was rolled back.
    """
    import logging
    import sys
    import traceback
    from logging.handlers import RotatingFileHandler

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    logger = logging.getLogger("encaisse")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    except OSError:
        pass  # a read-only home folder must not stop the application

    def handle(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        details = "".join(traceback.format_exception(kind, value, tb))
        logger.error("Unexpected error\n%s", details)
        sys.__stderr__.write(details) if sys.__stderr__ else None
        if QApplication.instance() is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Encaisse",
            QCoreApplication.translate(
                "GuiController",
                "Une erreur inattendue s'est produite et l'action en cours a été annulée. "
                "Ce qui était déjà enregistré n'a pas été touché.",
            ),
        )
        box.setInformativeText(
            QCoreApplication.translate("GuiController", "Le détail est noté dans %s.") % path
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = handle


def run_gui(db_path: Path | None, lang: str | None, clock=None, user: str | None = None) -> int:  # type: ignore[no-untyped-def]
    """Start the graphical application; returns the process exit code. With `user`, the
    file opens signed in as that person instead of asking who is working."""
    import sys

    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    _lang, _translators = install_translators(app, lang)
    install_crash_handler(log_path())
    controller = GuiController(clock or SystemClock(), start_user=user)
    first = controller.initial_path(db_path).expanduser()
    if first.is_file():
        # The quick check of the file runs while the services and windows are imported.
        controller.early_check = EarlyCheck(first)
    app.aboutToQuit.connect(controller.shutdown)
    if not controller.start(db_path):
        controller.shutdown()
        return 0
    return app.exec()
