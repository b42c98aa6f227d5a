"""`encaisse penalties CUSTOMER [--as-of DATE] [--format table|json]`: the late-payment
penalties and 40 € indemnities a customer owes, invoice by invoice and half-year by
half-year. Reads only. CUSTOMER is a SIREN, a Belgian enterprise number, an account code
or an id.

JSON: {"as_of", "currency": "EUR", "customer": {"id", "name"}, "basis", "rate_bp",
"floored", "accrual_stops_on", "rate_unknown", "invoices": [{"document_id", "number",
"due_on", "open", "days_late", "rate_bp", "periods": [{"from", "to", "days", "rate_bp",
"amount"}], "penalty", "indemnity", "total"}], "penalty", "indemnity", "total"};
amounts as strings with two decimals and a dot ("184.93"), rates in basis points
(1215 = 12,15 %), null when the rate table does not know the rate.
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

FORMATS = ("table", "json")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "penalties",
        parents=[common],
        help="pénalités de retard et indemnités forfaitaires d'un client",
        description="Pénalités de retard et indemnités de 40 € dues par un client à une date.",
    )
    parser.add_argument(
        "customer", metavar="CLIENT", help="SIREN, n° d'entreprise belge, compte client ou id"
    )
    add_as_of_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.set_defaults(handler=run)


def penalties_json(result: Any) -> dict[str, Any]:
    """The JSON document of a customer's penalties (see the module docstring)."""
    from desktop.commands.aging import amount_text

    return {
        "as_of": result.as_of.isoformat(),
        "currency": "EUR",
        "customer": {"id": result.customer_id, "name": result.name},
        "basis": str(result.basis),
        "rate_bp": result.rate_bp,
        "floored": result.floored,
        "accrual_stops_on": (
            result.accrual_stops_on.isoformat() if result.accrual_stops_on else None
        ),
        "rate_unknown": result.has_unknown_rate,
        "invoices": [
            {
                "document_id": i.document_id,
                "number": i.number,
                "due_on": i.due_on.isoformat(),
                "open": amount_text(i.open_cents),
                "days_late": i.days_late,
                "rate_bp": i.rate_bp,
                "periods": [
                    {
                        "from": p.first_day.isoformat(),
                        "to": p.last_day.isoformat(),
                        "days": p.days,
                        "rate_bp": p.rate_bp,
                        "floored": p.floored,
                        "amount": amount_text(p.cents),
                    }
                    for p in i.periods
                ],
                "penalty": amount_text(i.penalty_cents),
                "indemnity": amount_text(i.indemnity_cents),
                "total": amount_text(i.total_cents),
            }
            for i in result.invoices
        ],
        "penalty": amount_text(result.penalty_cents),
        "indemnity": amount_text(result.indemnity_cents),
        "total": amount_text(result.total_cents),
    }


def run(args: argparse.Namespace) -> int:

    as_of = args.as_of or clock_from(args).today()
    services = open_for_reading(args)
    try:
        customer_id = customer_id_from(services, args.customer)
        result = services.penalties.for_customer(customer_id, as_of)
    finally:
        services.close()

    import sys

    if args.format == "json":
        write_output(lambda: _write_json(result, sys.stdout))
    else:
        write_output(lambda: _write_table(result, sys.stdout))
    return EXIT_OK


def _write_json(result: Any, out: Any) -> None:
    import json

    json.dump(penalties_json(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _write_table(result: Any, out: Any) -> None:
    from desktop.domain.money import format_cents
    from desktop.domain.penalties import format_rate

    def money(cents: int) -> str:
        return format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")

    def rate(bp: int | None) -> str:
        return "taux inconnu" if bp is None else format_rate(bp).replace("\u00a0", " ")

    def day(d: Any) -> str:
        return d.strftime("%d/%m/%Y")

    out.write(f"Pénalités de retard de {result.name} au {day(result.as_of)}\n")
    if result.rate_bp is not None:
        out.write(f"Taux applicable : {rate(result.rate_bp)}")
        out.write(" (taux contractuel relevé au minimum légal)\n" if result.floored else "\n")
    if result.accrual_stops_on is not None:
        out.write(
            f"Procédure collective : plus aucune pénalité après le {day(result.accrual_stops_on)}\n"
        )
    if not result.invoices:
        out.write("\nAucune facture en retard.\n")
        return
    headers = ["Facture", "Échéance", "Reste dû", "Retard", "Période", "Jours", "Taux", "Pénalités"]
    rows: list[list[str]] = []
    for i in result.invoices:
        first = True
        for p in i.periods or (None,):
            period = f"{day(p.first_day)} – {day(p.last_day)}" if p else "—"
            rows.append(
                [
                    i.number if first else "",
                    day(i.due_on) if first else "",
                    money(i.open_cents) if first else "",
                    f"{i.days_late} j" if first else "",
                    period,
                    str(p.days) if p else "",
                    rate(p.rate_bp) if p else "",
                    money(p.cents) if p else money(0),
                ]
            )
            first = False
    widths = [max(len(r[c]) for r in (headers, *rows)) for c in range(len(headers))]
    right = {2, 3, 5, 6, 7}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if n in right else c.ljust(w)
            for n, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out.write("\n" + line(headers) + "\n" + "-" * len(line(headers)) + "\n")
    for r in rows:
        out.write(line(r) + "\n")
    out.write("\n")
    out.write(f"Pénalités de retard : {money(result.penalty_cents)}\n")
    if result.indemnity_count:
        out.write(
            f"Indemnités forfaitaires : {result.indemnity_count} × 40 € = "
            f"{money(result.indemnity_cents)}\n"
        )
    out.write(f"Total : {money(result.total_cents)}\n")
    if result.has_unknown_rate:
        out.write(
            "Attention : le taux d'au moins une période est inconnu (ajoutez-le dans "
            "Paramètres › Taux légaux) ; elle n'est pas comptée dans le total.\n"
        )
