"""`encaisse plan pdf ID --out F.pdf`: a repayment plan (plan d'apurement) printed for
signature, as a PDF. Reads only: never creates, upgrades or locks the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_OK, CliError, open_for_reading


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="plans d'apurement",
        description="Plans d'apurement : impression pour signature.",
    )
    sub = parser.add_subparsers(dest="plan_command", required=True)
    pdf = sub.add_parser(
        "pdf",
        parents=[common],
        help="plan d'apurement en PDF, à faire signer",
        description=(
            "Plan d'apurement en PDF : reconnaissance de dette, échéancier avec le reste "
            "dû, clause de déchéance du terme, signatures."
        ),
    )
    pdf.add_argument("plan_id", metavar="ID", type=int, help="numéro du plan")
    pdf.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    pdf.set_defaults(handler=run_pdf)


def run_pdf(args: argparse.Namespace) -> int:
    from desktop.documents.repayment_plan import render_repayment_plan
    from desktop.domain.errors import NotFoundError
    from desktop.domain.money import format_cents

    services = open_for_reading(args)
    try:
        try:
            data = services.repayment.plan_document(args.plan_id)
        except NotFoundError as exc:
            raise CliError(f"Plan d'apurement introuvable : n° {args.plan_id}.") from exc
    finally:
        services.close()
    try:
        render_repayment_plan(data, args.out)
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    total = format_cents(data.total_cents).replace("\u202f", " ").replace("\u00a0", " ")
    count = len(data.lines)
    print(
        f"Plan d'apurement enregistré : {args.out} ({total} en {count} "
        f"échéance{'s' if count > 1 else ''})"
    )
    return EXIT_OK
