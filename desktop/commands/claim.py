"""`encaisse claim CUSTOMER --out F.pdf`: the summary of the claim to file in a customer's
insolvency proceeding (déclaration de créance), as a PDF. Reads only: never creates,
upgrades or locks the file. CUSTOMER is a SIREN, a Belgian enterprise number, an account
code or an id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_OK, CliError, open_for_reading


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
    from desktop.domain.errors import NotFoundError, ValidationError
    from desktop.domain.money import format_cents

    services = open_for_reading(args)
    try:
        try:
            customer_id = services.statements.find_customer(args.customer)
            data = services.blocking.claim_summary(customer_id)
        except NotFoundError as exc:
            raise CliError(
                f"Client introuvable : {args.customer!r} (SIREN, n° d'entreprise, "
                "compte client ou id attendu)."
            ) from exc
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
