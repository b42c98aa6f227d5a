"""`encaisse check-prospect "NAME or SIREN" [--format table|json]`: what the file knows
about a company before a meeting — known customer, doubtful list, insolvency.

Reads only. Exit 0 when the company is unknown or a customer in good standing, 3 when it
is on the doubtful list, blocked or in insolvency proceedings (scripts can test it).

JSON: {"query", "verdict" (nothing_known | known_customer | doubtful | blocked |
insolvency), "approximate", "customers": [{"id", "name", "status", "siren", "city",
"insolvency_kind", "bodacc_published_on"}], "doubtful": [{"name", "siren", "city",
"reason", "source", "reported_on"}]}.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.common import EXIT_OK, CliError, open_for_reading, write_output

EXIT_DOUBTFUL = 3
VERDICT_WORDS = {
    "NOTHING_KNOWN": "Rien de connu",
    "KNOWN_CUSTOMER": "Client connu",
    "DOUBTFUL": "Entreprise douteuse",
    "BLOCKED": "Client bloqué",
    "INSOLVENCY": "Procédure collective",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check-prospect",
        parents=[common],
        help="vérifier une entreprise avant un rendez-vous",
        description=(
            "Cherche une entreprise par nom (accents, casse, forme juridique et petites "
            "fautes ignorés), SIREN/SIRET ou adresse : client connu, liste des entreprises "
            "douteuses, procédure collective. Code de sortie 3 si elle est douteuse."
        ),
    )
    parser.add_argument("query", metavar="NOM_OU_SIREN", help="nom, SIREN, SIRET ou adresse")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise CliError("Indiquez un nom, un SIREN ou une adresse à vérifier.")
    services = open_for_reading(args)
    try:
        result = services.check.check(args.query)
    finally:
        services.close()
    if args.format == "json":
        import json
        import sys

        document = {
            "query": args.query,
            "verdict": result.verdict.name.lower(),
            "approximate": result.approximate,
            "customers": [
                {
                    "id": c.id,
                    "name": c.name,
                    "status": c.status.value,
                    "siren": c.siren,
                    "city": c.city,
                    "insolvency_kind": c.insolvency_kind,
                    "bodacc_published_on": (
                        c.bodacc_published_on.isoformat() if c.bodacc_published_on else None
                    ),
                }
                for c in result.customers
            ],
            "doubtful": [
                {
                    "name": d.name,
                    "siren": d.siren,
                    "city": d.city,
                    "reason": d.reason,
                    "source": d.source.value,
                    "reported_on": d.reported_on.isoformat(),
                }
                for d in result.doubtful
            ],
        }
        write_output(
            lambda: sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        )
    else:
        write_output(lambda: _print_table(args.query, result))
    doubtful = result.verdict.name in ("DOUBTFUL", "BLOCKED", "INSOLVENCY")
    return EXIT_DOUBTFUL if doubtful else EXIT_OK


def _print_table(query: str, result: Any) -> None:
    from desktop.ui.messages import status_label
    from desktop.ui.proposals.labels import doubtful_source_label

    verdict = VERDICT_WORDS.get(result.verdict.name, result.verdict.name)
    approximate = " (correspondance approchée)" if result.approximate else ""
    print(f"« {query} » : {verdict}{approximate}")
    for c in result.customers:
        line = f"  client   {c.name} — {status_label(c.status)}"
        if c.siren:
            line += f" — SIREN {c.siren}"
        if c.city:
            line += f" — {c.city}"
        print(line)
    for d in result.doubtful:
        print(
            f"  douteuse {d.name} — {d.reason} (source : {doubtful_source_label(d.source)}, "
            f"{d.reported_on.strftime('%d/%m/%Y')})"
        )
