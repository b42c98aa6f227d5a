"""`encaisse calendar --out F.ics [--from DATE] [--to DATE]`: the reminder calendar as an
iCalendar file for Outlook or Google Calendar.

Writes: the day's actions are computed and saved first (as the application does when it
opens), so the file is opened for writing and locked. The export holds the actions to do,
the engine's forecast for the customers with nothing under way, pending promises to pay
and open tasks, as all-day events with stable identifiers (importing a newer export
updates the events instead of duplicating them).
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    CliError,
    clock_from,
    open_for_writing,
    parse_date,
)

DEFAULT_DAYS = 30


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "calendar",
        parents=[common],
        help="exporter le calendrier des relances (.ics)",
        description=(
            "Exporte le calendrier des relances au format iCalendar (.ics) : relances à "
            "faire, relances prévues, promesses de paiement et tâches."
        ),
    )
    parser.add_argument("--out", required=True, type=Path, metavar="F.ics", help="fichier à écrire")
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        default=None,
        metavar="DATE",
        help="premier jour AAAA-MM-JJ (par défaut : aujourd'hui)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        default=None,
        metavar="DATE",
        help=f"dernier jour AAAA-MM-JJ (par défaut : {DEFAULT_DAYS} jours après le premier)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    today = clock_from(args).today()
    start = args.start or today
    end = args.end or start + timedelta(days=DEFAULT_DAYS)
    if end < start:
        raise CliError("La date de fin (--to) est antérieure à la date de début (--from).")
    if (end - start).days > 366:
        raise CliError("Une année au plus par export : réduisez l'intervalle --from / --to.")
    services = open_for_writing(args)
    try:
        services.reminders.refresh(today)
        try:
            count = services.calendar.export_ics(args.out, start, end)
        except OSError as exc:
            raise CliError(f"Impossible d'écrire « {args.out} » : {exc.strerror or exc}") from exc
    finally:
        services.close()
    print(
        f"{count} événement(s) du {start.strftime('%d/%m/%Y')} au {end.strftime('%d/%m/%Y')} "
        f"exporté(s) dans {args.out}"
    )
    return EXIT_OK
