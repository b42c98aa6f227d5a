"""`encaisse dso`: days sales outstanding on a date, and its trend over 12 months.

JSON: {"as_of", "method", "months", "days" (rounded to one decimal, null when
undefined), "capped" (count-back: receivables outlast the sales looked at, days is a
floor), "receivables", "sales" (amounts as "7760.45"), "period_days", "trend":
[{"month_end", "days", "capped"}]} — the trend oldest first, its last point `as_of`.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    add_as_of_argument,
    clock_from,
    open_for_reading,
    write_output,
)

TREND_MONTHS = 12


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"nombre entier attendu : {text!r}") from exc
    if not 1 <= value <= 120:
        raise argparse.ArgumentTypeError(f"entre 1 et 120 mois : {value}")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "dso",
        parents=[common],
        help="délai moyen de paiement clients (DSO) et sa tendance",
        description="DSO à une date (méthode comptable ou par épuisement du CA) et sa tendance sur 12 mois.",
    )
    add_as_of_argument(parser)
    parser.add_argument(
        "--method",
        choices=("accounting", "countback"),
        default="accounting",
        help="accounting : encours ÷ CA TTC × jours ; countback : épuisement du CA mois par mois",
    )
    parser.add_argument(
        "--months",
        type=_positive,
        default=3,
        help="période de la méthode comptable, en mois (par défaut : 3)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.commands.aging import amount_text
    from desktop.domain.dso import round_days

    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        result = services.receivables.dso(as_of, args.method, args.months)
        trend = services.receivables.dso_trend(
            as_of, args.method, TREND_MONTHS, period_months=args.months
        )
    finally:
        services.close()

    def rounded(days: float | None) -> float | None:
        return None if days is None else round_days(days)

    document = {
        "as_of": as_of.isoformat(),
        "method": result.method.value,
        "months": args.months,
        "days": result.rounded,
        "capped": result.capped,
        "receivables": amount_text(result.receivables_cents),
        "sales": amount_text(result.sales_cents),
        "period_days": result.period_days,
        "trend": [
            {"month_end": p.month_end.isoformat(), "days": rounded(p.days), "capped": p.capped}
            for p in trend
        ],
    }
    if args.format == "json":
        import json
        import sys

        write_output(
            lambda: sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        )
    else:
        write_output(lambda: _print_table(result, trend, args.months))
    return EXIT_OK


def _days_fr(days: float | None, capped: bool) -> str:
    from desktop.domain.dso import round_days

    if days is None:
        return "non défini"
    text = f"{round_days(days):.1f}".replace(".", ",") + " j"
    return f"> {text}" if capped else text


def _print_table(result: Any, trend: list[Any], months: int) -> None:
    from desktop.domain.money import format_cents

    def money(cents: int) -> str:
        return format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")

    as_of = result.as_of.strftime("%d/%m/%Y")
    if result.method.value == "accounting":
        how = f"méthode comptable, {months} mois"
        sales = f"CA TTC de la période ({result.period_days} j) : {money(result.sales_cents)}"
    else:
        how = "méthode par épuisement du CA"
        sales = f"CA TTC des {result.months} mois remontés : {money(result.sales_cents)}"
    print(f"DSO au {as_of} ({how}) : {_days_fr(result.days, result.capped)}")
    print(f"Encours TTC : {money(result.receivables_cents)} · {sales}")
    print()
    print(f"Tendance sur {len(trend)} mois")
    for point in trend:
        print(f"  {point.month_end.strftime('%d/%m/%Y')}  {_days_fr(point.days, point.capped):>12}")
