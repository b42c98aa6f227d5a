"""`encaisse brief CUSTOMER --out F.pdf`: the one-page pre-visit brief of a customer, as a
PDF; `encaisse brief --salesperson NAME --week --out F.pdf`: the briefs of the visits the
salesperson planned this week (one page each, in one file). Reads only: never creates,
upgrades or locks the file. CUSTOMER is a SIREN, a Belgian enterprise number, an account
code or an id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CliError,
    add_as_of_argument,
    clock_from,
    customer_id_from,
    open_for_reading,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "brief",
        parents=[common],
        help="fiche de visite d'un client (PDF), ou celles de la semaine d'un commercial",
        description=(
            "Fiche de visite : statut, encours et retards, litiges, promesses et échéances, "
            "dernière visite, points à aborder. Avec --salesperson et --week : les fiches "
            "des visites prévues cette semaine par le commercial, dans un seul PDF."
        ),
    )
    parser.add_argument(
        "customer",
        metavar="CLIENT",
        nargs="?",
        help="SIREN, n° d'entreprise belge, compte client ou id",
    )
    parser.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    parser.add_argument("--salesperson", metavar="NOM", help="commercial (nom ou id)")
    parser.add_argument(
        "--week", action="store_true", help="toutes les visites prévues dans la semaine"
    )
    add_as_of_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.documents.visit_brief import render_briefs
    from desktop.domain.errors import NotFoundError

    batch = args.week or args.salesperson is not None
    if batch and not (args.week and args.salesperson):
        raise CliError("Indiquez --salesperson NOM avec --week.", EXIT_REJECTED)
    if batch == (args.customer is not None):
        raise CliError("Indiquez soit un client, soit --salesperson NOM --week.", EXIT_REJECTED)
    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        if batch:
            try:
                salesperson = services.brief.find_salesperson(args.salesperson)
            except NotFoundError as exc:
                raise CliError(f"Commercial introuvable ou ambigu : {args.salesperson!r}.") from exc
            ids = services.brief.week_customers(salesperson, as_of)
        else:
            ids = [customer_id_from(services, args.customer)]
        briefs = [services.brief.brief(cid, as_of) for cid in ids]
    finally:
        services.close()
    if not briefs:
        print(f"Aucune visite prévue la semaine du {as_of.strftime('%d/%m/%Y')} : rien écrit.")
        return EXIT_OK
    try:
        render_briefs(briefs, args.out)
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    if batch:
        print(f"Fiches de visite enregistrées : {args.out} ({len(briefs)} client(s))")
    else:
        print(f"Fiche de visite enregistrée : {args.out} ({briefs[0].customer_name})")
    return EXIT_OK
