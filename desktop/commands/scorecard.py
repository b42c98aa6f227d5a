"""`encaisse scorecard [--salesperson NAME] [--from DATE] [--to DATE] [--as-of DATE]
--out F.pdf [--format pdf|table|json]`: the salespeople's scorecards (fiches
commerciaux) for the variable-pay meeting. Reads only: never creates, upgrades or locks
the file.

The period defaults to the three calendar months up to the as-of date (today unless
--as-of), the current month included: --to defaults to the as-of date, --from to the first
day of the month two months before the end date. `pdf` (the default) writes the PDF to --out;
`table` and `json` print the figures (to --out when given).

JSON: {"from", "to", "currency": "EUR", "new_customer_months", "scorecards": [{
"salesperson_id" (null: no salesperson), "salesperson", "customers", "outstanding",
"overdue", "overdue_share_percent", "paid_invoices", "paid_amount",
"average_days_late", "new_customers", "new_customers_blocked",
"new_customers_blocked_percent", "disputes_closed", "disputes_helped", "visit_reports",
"promises": {"count", "kept", "broken", "pending", "amount", "kept_percent"},
"top_overdue": [{"customer_id", "name", "outstanding", "overdue", "oldest_bucket"}]}]}:
amounts as strings with two decimals and a dot ("7760.45"), percentages as strings with
one decimal ("24.2"), days as a string with one decimal ("8.5"); null when undefined.
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
    parse_date,
    write_output,
)

FORMATS = ("pdf", "table", "json")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "scorecard",
        parents=[common],
        help="fiches commerciaux (PDF pour la réunion de rémunération variable)",
        description="Fiches commerciaux : encours et part échue du portefeuille, retard "
        "moyen de paiement, nouveaux clients bloqués, litiges, rapports de visite et "
        "promesses de paiement, par commercial et par période.",
    )
    parser.add_argument(
        "--salesperson", metavar="NOM", help="un seul commercial (nom ou partie du nom)"
    )
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        metavar="DATE",
        help="début de période AAAA-MM-JJ (par défaut : le 1er du mois, deux mois avant "
        "la fin de période)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        metavar="DATE",
        help="fin de période AAAA-MM-JJ (par défaut : la date d'arrêté)",
    )
    add_as_of_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="pdf")
    parser.add_argument("--out", type=Path, help="fichier à écrire (obligatoire en PDF)")
    parser.set_defaults(handler=run)


def amount_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"


def _tenths_text(tenths: int | None) -> str | None:
    if tenths is None:
        return None
    sign = "-" if tenths < 0 else ""
    units, rest = divmod(abs(tenths), 10)
    return f"{sign}{units}.{rest}"


def _percent_text(bp: int | None) -> str | None:
    """Basis points as a percentage with one decimal, rounded half up."""
    if bp is None:
        return None
    from desktop.domain.scorecard import rounded_ratio

    return _tenths_text(rounded_ratio(bp, 10))


def scorecards_json(cards: list[Any], start: Any, end: Any) -> dict[str, Any]:
    """The JSON document of the scorecards (see the module docstring)."""
    from desktop.domain.scorecard import NEW_CUSTOMER_MONTHS

    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "currency": "EUR",
        "new_customer_months": NEW_CUSTOMER_MONTHS,
        "scorecards": [
            {
                "salesperson_id": c.salesperson_id,
                "salesperson": c.name,
                "customers": c.customer_count,
                "outstanding": amount_text(c.open_cents),
                "overdue": amount_text(c.overdue_cents),
                "overdue_share_percent": _percent_text(c.overdue_share_bp),
                "paid_invoices": c.paid.invoice_count,
                "paid_amount": amount_text(c.paid.amount_cents),
                "average_days_late": _tenths_text(c.paid.average_tenths),
                "new_customers": c.new_customers,
                "new_customers_blocked": c.new_customers_blocked,
                "new_customers_blocked_percent": _percent_text(c.blocked_share_bp),
                "disputes_closed": c.disputes_closed,
                "disputes_helped": c.disputes_helped,
                "visit_reports": c.visit_reports,
                "promises": {
                    "count": c.promises.count,
                    "kept": c.promises.kept,
                    "broken": c.promises.broken,
                    "pending": c.promises.pending,
                    "amount": amount_text(c.promises.amount_cents),
                    "kept_percent": _percent_text(c.promises.kept_share_bp),
                },
                "top_overdue": [
                    {
                        "customer_id": o.customer_id,
                        "name": o.name,
                        "outstanding": amount_text(o.open_cents),
                        "overdue": amount_text(o.overdue_cents),
                        "oldest_bucket": o.oldest_bucket,
                    }
                    for o in c.top_overdue
                ],
            }
            for c in cards
        ],
    }


def run(args: argparse.Namespace) -> int:
    from desktop.domain.scorecard import default_period

    if args.format == "pdf" and args.out is None:
        raise CliError("Le format pdf demande un fichier de sortie : ajoutez --out F.pdf.")
    end = args.end or args.as_of or clock_from(args).today()
    # Three calendar months up to the end date, whichever way the end was given.
    start = args.start or default_period(end)[0]
    if start > end:
        raise CliError(f"La période commence après sa fin : du {start:%d/%m/%Y} au {end:%d/%m/%Y}.")
    services = open_for_reading(args)
    try:
        salesperson_id = None
        if args.salesperson is not None:
            salesperson_id = _salesperson_id(services, args.salesperson)
        if args.format == "pdf":
            try:
                path, count = services.scorecards.write_pdf(start, end, args.out, salesperson_id)
            except OSError as exc:
                raise CliError(
                    f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror or exc}"
                ) from exc
            print(
                f"Fiches commerciaux du {start:%d/%m/%Y} au {end:%d/%m/%Y} enregistrées : "
                f"{path} ({count} fiche(s))"
            )
            return EXIT_OK
        cards = services.scorecards.for_period(start, end, salesperson_id)
    finally:
        services.close()

    def write(out: Any) -> None:
        if args.format == "json":
            import json

            json.dump(scorecards_json(cards, start, end), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            _write_table(cards, start, end, out)

    if args.out is not None:
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as handle:
                write(handle)
        except OSError as exc:
            raise CliError(
                f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror or exc}"
            ) from exc
        print(f"Fiches commerciaux enregistrées : {args.out}")
    else:
        import sys

        write_output(lambda: write(sys.stdout))
    return EXIT_OK


def _salesperson_id(services: Any, name: str) -> int:
    matches = services.scorecards.match_salespeople(name)
    if len(matches) == 1:
        return int(matches[0].id)
    if not matches:
        known = ", ".join(p.name for p in services.scorecards.salespeople())
        raise CliError(
            f"Commercial introuvable : {name!r}. "
            + (f"Commerciaux du fichier : {known}." if known else "Aucun commercial enregistré.")
        )
    raise CliError(
        f"Plusieurs commerciaux correspondent à {name!r} : "
        + ", ".join(p.name for p in matches)
        + ". Précisez le nom."
    )


def _write_table(cards: list[Any], start: Any, end: Any, out: Any) -> None:
    from desktop.documents.scorecard_pdf import days_fr, percent_fr, salesperson_fr
    from desktop.domain.money import format_cents

    def money(cents: int) -> str:
        return format_cents(cents, symbol=False).replace("\u202f", " ").replace("\u00a0", " ")

    def plain(text: str) -> str:
        return text.replace("\u00a0", " ")

    headers = [
        "Commercial",
        "Clients",
        "Encours",
        "Échu",
        "Part échue",
        "Retard moyen",
        "Nouveaux",
        "Bloqués",
        "Litiges aidés",
        "Visites",
        "Promesses",
        "Tenues",
    ]
    body = [
        [
            salesperson_fr(c),
            str(c.customer_count),
            money(c.open_cents),
            money(c.overdue_cents),
            plain(percent_fr(c.overdue_share_bp)),
            plain(days_fr(c.paid.average_tenths)),
            str(c.new_customers),
            str(c.new_customers_blocked),
            str(c.disputes_helped),
            str(c.visit_reports),
            str(c.promises.count),
            str(c.promises.kept),
        ]
        for c in cards
    ]
    widths = [max(len(line[i]) for line in (headers, *body)) for i in range(len(headers))]
    widths[0] = min(widths[0], 32)

    def line(cells: list[str]) -> str:
        parts = [cells[0][: widths[0]].ljust(widths[0])]
        parts += [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    out.write(
        f"Fiches commerciaux du {start:%d/%m/%Y} au {end:%d/%m/%Y} — montants TTC en euros\n\n"
    )
    out.write(line(headers) + "\n")
    out.write("-" * len(line(headers)) + "\n")
    for cells in body:
        out.write(line(cells) + "\n")
    if not body:
        out.write("Aucun commercial enregistré.\n")
