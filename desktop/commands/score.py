"""`encaisse score CUSTOMER [--format table|json] [--as-of DATE]`: a customer's solvency
score (0–100) and what each factor contributed. Reads only. CUSTOMER is a SIREN, a
Belgian enterprise number, an account code or an id.

JSON: {"customer_id", "as_of", "score", "band" (good | watch | risk), "base",
"rules_version", "factors": [{"code", "points", "figures": {…}, "text"}],
"history": [{"computed_on", "score", "rules_version", "change" (null for the first),
"top_factors": {code: points}}]} — the stored points, oldest first (the score is stored
by the refresh of the day; this command only reads).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    add_as_of_argument,
    clock_from,
    customer_id_from,
    open_for_reading,
    write_output,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "score",
        parents=[common],
        help="score de solvabilité d'un client et ses raisons",
        description=(
            "Score de solvabilité (0 à 100) d'un client, avec la contribution de chaque "
            "facteur : retards de paiement, part échue, litiges, notations externes, "
            "rapports de visite, procédure collective."
        ),
    )
    parser.add_argument(
        "customer", metavar="CLIENT", help="SIREN, n° d'entreprise belge, compte client ou id"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    add_as_of_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:

    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        customer_id = customer_id_from(services, args.customer)
        result = services.score.for_customer(customer_id, as_of)
        name = services.customers.get(customer_id).draft.legal_name
        history = services.score.history(customer_id)
    finally:
        services.close()
    if args.format == "json":
        write_output(lambda: _print_json(result, history))
    else:
        write_output(lambda: _print_table(name, result, history))
    return EXIT_OK


def _print_json(result: Any, history: list[Any]) -> None:
    import json
    import sys

    from desktop.services.score import factor_text

    document = {
        "customer_id": result.customer_id,
        "as_of": result.as_of.isoformat(),
        "score": result.score,
        "band": result.band,
        "base": result.base,
        "rules_version": result.rules_version,
        "factors": [
            {"code": f.code, "points": f.points, "figures": f.figures, "text": factor_text(f)}
            for f in result.factors
        ],
        "history": [
            {
                "computed_on": p.computed_on.isoformat(),
                "score": p.score,
                "rules_version": p.rules_version,
                "change": p.change,
                "top_factors": dict(p.top_factors),
            }
            for p in history
        ],
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _print_table(name: str, result: Any, history: list[Any]) -> None:
    from desktop.services.score import factor_text, points_text, summary_text

    print(
        f"{name} — score de solvabilité au {result.as_of.strftime('%d/%m/%Y')} : "
        f"{summary_text(result)}"
    )
    print(f"  {result.base:>4}  Base de départ")
    for f in result.factors:
        print(f"  {points_text(f.points):>4}  {_plain(factor_text(f))}")
    print(f"  Règles version {result.rules_version} (« Score de solvabilité » dans l'application)")
    if history:
        last = history[-5:][::-1]
        print(
            "  Historique : "
            + " · ".join(
                f"{p.computed_on.strftime('%d/%m/%Y')} {p.score}"
                + ("" if p.change is None else f" ({points_text(p.change)})")
                for p in last
            )
        )


def _plain(text: str) -> str:
    # Narrow no-break spaces of amounts print badly in some terminals.
    return text.replace("\u202f", " ").replace("\u00a0", " ")
