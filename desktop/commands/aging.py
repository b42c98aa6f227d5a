"""`encaisse aging`: the aged balance of the open items, as a table, CSV, JSON, Excel or PDF.

JSON (for automation): {"as_of": "2026-03-16", "currency": "EUR", "buckets": ["not_due",
"1-30", …, "120+"], "rows": [{"code", "name", "<bucket>"…, "total"}], "totals":
{"<bucket>"…, "total"}}, amounts as strings with two decimals and a dot ("7760.45").
CSV: ";"-separated, the same keys as JSON as headers, amounts with a decimal comma (for
French spreadsheets), no totals row; text cells are formula-safe.
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
    csv_safe,
    open_for_reading,
    write_output,
)

FORMATS = ("table", "csv", "json", "xlsx", "pdf")
GROUPINGS = ("customer", "salesperson", "segment")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "aging",
        parents=[common],
        help="balance âgée des créances ouvertes",
        description="Balance âgée : créances ouvertes à une date, par tranche de retard.",
    )
    add_as_of_argument(parser)
    parser.add_argument(
        "--by", choices=GROUPINGS, default="customer", help="regroupement (par défaut : client)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--out", type=Path, help="fichier de sortie (obligatoire pour xlsx et pdf)")
    parser.set_defaults(handler=run)


def amount_text(cents: int) -> str:
    """7760.45 as '7760.45' (dot, two decimals, no grouping); '-12.30' when negative."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"


def balance_json(balance: Any) -> dict[str, Any]:
    """The JSON document of an aged balance (see the module docstring)."""
    keys = list(balance.keys)
    return {
        "as_of": balance.as_of.isoformat(),
        "currency": "EUR",
        "buckets": keys,
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                **{k: amount_text(a) for k, a in zip(keys, row.amounts, strict=True)},
                "total": amount_text(row.total),
            }
            for row in balance.rows
        ],
        "totals": {
            **{k: amount_text(a) for k, a in zip(keys, balance.totals, strict=True)},
            "total": amount_text(balance.total),
        },
    }


def run(args: argparse.Namespace) -> int:
    if args.format in ("xlsx", "pdf") and args.out is None:
        raise CliError(f"Le format {args.format} demande un fichier de sortie : ajoutez --out.")
    clock = clock_from(args)
    as_of = args.as_of or clock.today()
    services = open_for_reading(args)
    try:
        balance = services.receivables.aged_balance(as_of, args.by)
        company = services.company.get()
    finally:
        services.close()
    company_name = company.legal_name if company is not None else ""

    if args.format == "xlsx":
        from desktop.documents.excel import write_aged_balance_xlsx

        write_aged_balance_xlsx(balance, args.out, company_name=company_name)
        print(f"Balance âgée enregistrée : {args.out}")
        return EXIT_OK
    if args.format == "pdf":
        from desktop.documents.aging_pdf import render_aged_balance_pdf

        render_aged_balance_pdf(
            balance, args.out, company_name=company_name, printed_on=clock.today()
        )
        print(f"Balance âgée enregistrée : {args.out}")
        return EXIT_OK

    def write(out: Any) -> None:
        if args.format == "json":
            _write_json(balance, out)
        elif args.format == "csv":
            _write_csv(balance, out)
        else:
            _write_table(balance, out)

    if args.out is not None:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        print(f"Balance âgée enregistrée : {args.out}")
    else:
        import sys

        write_output(lambda: write(sys.stdout))
    return EXIT_OK


def _write_json(balance: Any, out: Any) -> None:
    import json

    json.dump(balance_json(balance), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _write_csv(balance: Any, out: Any) -> None:
    import csv

    keys = list(balance.keys)
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["code", "name", *keys, "total"])
    for row in balance.rows:
        amounts = [amount_text(a).replace(".", ",") for a in (*row.amounts, row.total)]
        # Only text is made formula-safe: "-12,30" is a number and stays one.
        writer.writerow([csv_safe(row.code), csv_safe(row.name), *amounts])


def _write_table(balance: Any, out: Any) -> None:
    from desktop.documents.aging_pdf import (
        bucket_label_fr,
        group_label_fr,
        group_name_fr,
        title_fr,
    )
    from desktop.domain.money import format_cents

    def money(cents: int) -> str:
        return format_cents(cents, symbol=False).replace("\u202f", " ")

    headers = ["Code", group_label_fr(balance.by), *map(bucket_label_fr, balance.keys), "Total"]
    body = [
        [
            row.code,
            group_name_fr(balance.by, row.name, row.group_id),
            *(money(a) for a in (*row.amounts, row.total)),
        ]
        for row in balance.rows
    ]
    totals = [
        "Total",
        f"{len(balance.rows)} ligne(s)",
        *map(money, (*balance.totals, balance.total)),
    ]
    widths = [max(len(line[i]) for line in (headers, *body, totals)) for i in range(len(headers))]
    widths[0], widths[1] = min(widths[0], 16), min(widths[1], 40)

    def line(cells: list[str]) -> str:
        parts = [cells[0][: widths[0]].ljust(widths[0]), cells[1][: widths[1]].ljust(widths[1])]
        parts += [c.rjust(w) for c, w in zip(cells[2:], widths[2:], strict=True)]
        return "  ".join(parts).rstrip()

    out.write(f"{title_fr(balance.as_of)} — montants TTC en euros\n\n")
    out.write(line(headers) + "\n")
    out.write("-" * len(line(headers)) + "\n")
    for cells in body:
        out.write(line(cells) + "\n")
    out.write("-" * len(line(headers)) + "\n")
    out.write(line(totals) + "\n")
