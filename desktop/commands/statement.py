"""`encaisse statement CUSTOMER --out F.pdf [--as-of DATE]`: a customer's account
statement (relevé de compte) as a PDF. Reads only: never creates, upgrades or locks the
file. CUSTOMER is a SIREN, a Belgian enterprise number, an account code or an id.
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
    open_for_reading,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "statement",
        parents=[common],
        help="relevé de compte d'un client en PDF",
        description="Relevé de compte : les pièces non soldées d'un client, en PDF.",
    )
    parser.add_argument(
        "customer", metavar="CLIENT", help="SIREN, n° d'entreprise belge, compte client ou id"
    )
    parser.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    add_as_of_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.documents.statement import render_statement
    from desktop.domain.errors import NotFoundError

    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        try:
            data = services.statements.statement(args.customer, as_of)
        except NotFoundError as exc:
            raise CliError(
                f"Client introuvable : {args.customer!r} (SIREN, n° d'entreprise, "
                "compte client ou id attendu)."
            ) from exc
    finally:
        services.close()
    try:
        render_statement(data, args.out)
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    print(
        f"Relevé de compte enregistré : {args.out} ({len(data.lines)} pièce(s), "
        f"{_money(data.total_due_cents)} restant dû)"
    )
    return EXIT_OK


def _money(cents: int) -> str:
    from desktop.domain.money import format_cents

    return format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")
