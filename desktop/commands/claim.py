"""`encaisse claim CUSTOMER --out F.pdf`: the summary of the claim to file in a customer's
insolvency proceeding (déclaration de créance), as a PDF. Reads only: never creates,
upgrades or locks the file. CUSTOMER is a SIREN, a Belgian enterprise number, an account
code or an id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_OK, CliError, customer_id_from, open_for_reading


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "claim",
        parents=[common],
        help="déclaration de créance d'un client en procédure collective (PDF)",
        description=(
            "Récapitulatif de la déclaration de créance : sommes échues au jugement "
            "d'ouverture avec pénalités, sommes à échoir, date limite de déclaration."
        ),
    )
    parser.add_argument(
        "customer", metavar="CLIENT", help="SIREN, n° d'entreprise belge, compte client ou id"
    )
    parser.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.documents.insolvency_claim import render_claim
    from desktop.domain.errors import ValidationError
    from desktop.domain.money import format_cents

    services = open_for_reading(args)
    try:
        customer_id = customer_id_from(services, args.customer)
        try:
            data = services.blocking.claim_summary(customer_id)
        except ValidationError as exc:
            raise CliError(
                f"Aucune procédure collective n'est enregistrée pour {args.customer!r} : "
                "indiquez d'abord la date du jugement d'ouverture."
            ) from exc
    finally:
        services.close()
    try:
        render_claim(data, args.out)
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    deadline = data.deadline.strftime("%d/%m/%Y") if data.deadline else "à calculer"
    total = format_cents(data.total_cents).replace("\u202f", " ").replace("\u00a0", " ")
    print(
        f"Déclaration de créance enregistrée : {args.out} ({total} déclarés, "
        f"date limite : {deadline})"
    )
    return EXIT_OK
