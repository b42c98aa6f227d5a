"""What every sub-command shares: exit codes, errors, dates, the clock, opening the file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.text import looks_like_formula

if TYPE_CHECKING:
    from desktop.services.registry import Services

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_REJECTED = 2  # the input was refused as a whole; nothing was written


class CliError(Exception):
    """A problem to print as it is (in French) and exit with `exit_code`."""

    def __init__(self, message: str, exit_code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def parse_date(text: str) -> date:
    """argparse type for AAAA-MM-JJ dates."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"date attendue au format AAAA-MM-JJ : {text!r}") from exc


def clock_from(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The system clock, or a fixed day given by the hidden --today option."""
    from desktop.app import SystemClock
    from desktop.domain.clock import FixedClock

    if getattr(args, "today", None):
        return FixedClock(
            datetime.combine(args.today, datetime.now().time().replace(microsecond=0))
        )
    return SystemClock()


def db_path_from(args: argparse.Namespace) -> Path:
    from desktop.app import default_db_path

    return (args.db or default_db_path()).expanduser()


def open_for_writing(args: argparse.Namespace, *, must_exist: bool = True) -> Services:
    """Open (upgrading if needed) and lock the file, as the application does."""
    from desktop.app import open_file
    from desktop.ui.messages import missing_file_message

    path = db_path_from(args)
    if must_exist and not path.exists():
        raise CliError(missing_file_message(str(path)))
    return open_file(path, clock_from(args), take_lock=True)


def open_for_reading(args: argparse.Namespace, *, allow_outdated: bool = False) -> Services:
    """Commands that only read never create, upgrade or lock the file."""
    from desktop.app import open_read_only
    from desktop.ui.messages import missing_file_message

    path = db_path_from(args)
    if not path.exists():
        raise CliError(missing_file_message(str(path)))
    return open_read_only(path, clock_from(args), allow_outdated=allow_outdated)


def csv_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula (`domain.text.looks_like_formula`) gets
    an apostrophe in front; numbers are left as they are. A carriage return becomes a
    line feed: a writer whose line ending is "\\n" does not quote a field holding a lone
    "\\r", which a spreadsheet reads as the start of a new row, formula included."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if looks_like_formula(value) else text


def write_output(write: Callable[[], None]) -> None:
    """Run `write`; a reader that stops early (`| head`) is not an error."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def add_as_of_argument(parser: argparse.ArgumentParser) -> None:
    """--as-of DATE, defaulting to the clock's today (resolved when the command runs)."""
    parser.add_argument(
        "--as-of",
        type=parse_date,
        default=None,
        metavar="DATE",
        help="date d'arrêté AAAA-MM-JJ (par défaut : aujourd'hui)",
    )


def customer_id_from(services: Any, key: str) -> int:
    """The customer named on the command line (SIREN, enterprise number, account code or
    id), or a CliError in French."""
    from desktop.domain.errors import NotFoundError

    try:
        return int(services.statements.find_customer(key))
    except NotFoundError as exc:
        raise CliError(
            f"Client introuvable : {key!r} (SIREN, n° d'entreprise, compte client ou id attendu)."
        ) from exc
