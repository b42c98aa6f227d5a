"""`encaisse backup [--out F]` and `encaisse restore F`.

`backup` reads the data file through SQLite's backup API: it works while the application
has the file open, and never changes the data file. Without --out the copy goes to the
backups folder (rotation applies); with --out, exactly there.

`restore` refuses a file that is not an Encaisse file or comes from a newer version, and
a data file another Encaisse holds; the current file is kept aside first (printed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_OK, EXIT_REJECTED, CliError, clock_from, db_path_from


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup",
        parents=[common],
        help="sauvegarder le fichier de données",
        description=(
            "Copie cohérente du fichier de données (même ouvert dans l'application), dans "
            "le dossier des sauvegardes ou à l'endroit donné par --out."
        ),
    )
    backup.add_argument("--out", type=Path, default=None, metavar="FICHIER")
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser(
        "restore",
        parents=[common],
        help="restaurer une sauvegarde",
        description=(
            "Remplace le fichier de données par une sauvegarde ; le fichier actuel est "
            "d'abord gardé dans le dossier des sauvegardes."
        ),
    )
    restore.add_argument("source", type=Path, metavar="FICHIER")
    restore.set_defaults(handler=run_restore)


def _service(args: argparse.Namespace, *, must_exist: bool):  # type: ignore[no-untyped-def]
    from desktop.app import current_user_name
    from desktop.services.backups import backup_service_for
    from desktop.ui.messages import missing_file_message

    path = db_path_from(args)
    if must_exist and not path.is_file():
        raise CliError(missing_file_message(str(path)))
    return backup_service_for(path, clock_from(args), current_user_name)


def run_backup(args: argparse.Namespace) -> int:
    import sqlite3

    service = _service(args, must_exist=True)
    try:
        target = service.backup(out=args.out)
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"La sauvegarde n'a pas pu être écrite : {exc}") from exc
    print(f"Sauvegarde écrite : {target}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from desktop.app import describe_open_error
    from desktop.services.backups import BackupError, BackupProblem

    service = _service(args, must_exist=False)
    try:
        kept = service.restore(args.source)
    except BackupError as exc:
        if exc.problem is BackupProblem.SAME_FILE:
            raise CliError(
                "La sauvegarde à restaurer est le fichier de données lui-même.", EXIT_REJECTED
            ) from exc
        raise CliError(
            "Le fichier de données est encore utilisé : fermez Encaisse et réessayez."
        ) from exc
    except Exception as exc:
        message = describe_open_error(exc)  # not ours, too new, damaged, held by another
        if message is None:
            raise
        raise CliError(message, EXIT_REJECTED) from exc
    if kept is not None:
        print(f"Fichier actuel gardé : {kept}")
    print(f"Sauvegarde restaurée : {args.source} → {db_path_from(args)}")
    return EXIT_OK
