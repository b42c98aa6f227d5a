"""`encaisse report monthly --out F.pdf [--as-of DATE]`: the dashboard's figures as a
monthly PDF report (letterhead, charts, the largest late payers, blocking proposals
waiting). Reads only: never creates, upgrades or locks the file; today's reminder
actions are those already computed in the file.
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
        "report",
        parents=[common],
        help="rapports de synthèse en PDF (rapport mensuel)",
        description="Rapports de synthèse : « monthly » écrit le rapport mensuel du "
        "tableau de bord en PDF.",
    )
    parser.add_argument("kind", choices=["monthly"], help="monthly : rapport mensuel")
    parser.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    add_as_of_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        try:
            services.dashboard.write_monthly_report(as_of, args.out)
        except OSError as exc:
            raise CliError(
                f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror or exc}"
            ) from exc
    finally:
        services.close()
    print(f"Rapport mensuel au {as_of.strftime('%d/%m/%Y')} enregistré : {args.out}")
    return EXIT_OK
