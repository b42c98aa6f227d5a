"""`encaisse letters [--as-of DATE] --out F.pdf [--mark-done] [--emails FOLDER]`: the day's
reminder letters and formal notices in one PDF, one letter per customer.

Writes: the actions due on the date are saved first (as `reminders due` does), so the
file is opened for writing and locked. Prints how many letters were written and lists
the customers that cannot get one (no postal address) with the reason; exit 0.
`--mark-done` marks the printed letters' actions done (all or nothing); without it they
stay to do, as in the application until the user confirms. `--emails FOLDER` also
writes one `.eml` file per e-mail reminder, the letter attached, for the mail program
(`--mark-done` marks those done too).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    CliError,
    add_as_of_argument,
    clock_from,
    open_for_writing,
)

REASONS = {
    "no_address": "impossible d'imprimer : pas d'adresse postale",
    "no_email": "impossible d'envoyer : pas d'adresse e-mail",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "letters",
        parents=[common],
        help="courriers de relance et mises en demeure du jour en un PDF",
        description=(
            "Calcule les relances dues à la date, puis écrit les courriers et mises en "
            "demeure à imprimer dans un seul PDF (un courrier par client)."
        ),
    )
    add_as_of_argument(parser)
    parser.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    parser.add_argument(
        "--mark-done",
        action="store_true",
        help="marquer comme faites les relances imprimées (et les e-mails écrits)",
    )
    parser.add_argument(
        "--emails",
        type=Path,
        metavar="DOSSIER",
        default=None,
        help="écrire aussi les e-mails de relance (.eml, courrier en pièce jointe) dans ce dossier",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of = args.as_of or clock_from(args).today()
    services = open_for_writing(args)
    try:
        services.reminders.refresh(as_of)
        batch = services.letters.batch(as_of)
        try:
            pages = services.letters.render_batch(batch, args.out)
        except OSError as exc:
            raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
        emails = None
        if args.emails is not None:
            try:
                emails = services.letters.write_emails(as_of, args.emails)
            except OSError as exc:
                raise CliError(
                    f"Le dossier {args.emails} n'a pas pu être écrit : {exc.strerror}"
                ) from exc
        done = 0
        if args.mark_done:
            ids = list(batch.action_ids) + (list(emails.action_ids) if emails else [])
            done = services.letters.mark_batch_done(ids, as_of)
    finally:
        services.close()

    count = len(batch.letters)
    print(
        f"Courriers du {as_of.strftime('%d/%m/%Y')} : {count} courrier(s), {pages} page(s) "
        f"dans {args.out}"
    )
    formal = sum(1 for letter in batch.letters if letter.channel.value == "formal_notice")
    if formal:
        print(f"  dont {formal} mise(s) en demeure à envoyer en recommandé avec AR")
    if emails is not None:
        print(f"E-mails : {len(emails.written)} fichier(s) .eml dans {args.emails}")
    problems = [*batch.cannot_print, *(emails.cannot_send if emails else ())]
    if problems:
        print()
        print(f"Non traités ({len(problems)}) :")
        for item in problems:
            print(f"  {item.customer_name} — {REASONS.get(item.reason, item.reason)}")
    if args.mark_done:
        print(f"{done} relance(s) marquée(s) comme faite(s).")
    return EXIT_OK
