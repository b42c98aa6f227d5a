"""`encaisse proposal pdf ID --out F.pdf`: a proposal with its payment schedule as a PDF.
Reads only: never creates, upgrades or locks the file. ID is the proposal's number
(DEV-2026-0001, any case) or its id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_OK, CliError, open_for_reading


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "proposal",
        parents=[common],
        help="propositions commerciales avec échéancier (PDF)",
        description="Propositions commerciales avec leur échéancier de paiement.",
    )
    actions = parser.add_subparsers(dest="proposal_action", metavar="ACTION", required=True)
    pdf = actions.add_parser(
        "pdf",
        parents=[common],
        help="la proposition en PDF, avec son échéancier et les mentions obligatoires",
        description="Écrit la proposition en PDF : lignes, totaux, échéancier, conditions "
        "de paiement, mentions obligatoires et « Bon pour accord ».",
    )
    pdf.add_argument("proposal", metavar="ID", help="numéro (DEV-2026-0001) ou id")
    pdf.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    pdf.set_defaults(handler=run)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.documents.proposal import render_proposal
    from desktop.domain.errors import NotFoundError
    from desktop.domain.money import format_cents

    services = open_for_reading(args)
    try:
        try:
            data = services.proposals.pdf_data(services.proposals.find(args.proposal))
        except NotFoundError as exc:
            raise CliError(
                f"Proposition introuvable : {args.proposal!r} (numéro DEV-AAAA-NNNN ou id attendu)."
            ) from exc
    finally:
        services.close()
    try:
        render_proposal(data, args.out)
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    total = format_cents(data.total_cents).replace("\u202f", " ").replace("\u00a0", " ")
    print(
        f"Proposition {data.number} enregistrée : {args.out} ({total} TTC, "
        f"{len(data.schedule)} échéance(s))"
    )
    return EXIT_OK
