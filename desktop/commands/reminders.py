"""`encaisse reminders due`: compute the day's reminders, then list those to do.

Writes: the actions due on the date are saved first (as the application does when it
opens), so the file is opened for writing and locked, with the solvency scores of the
customers not scored yet that day (stored for the customer list, see ScoreService.refresh).
Running it twice the same day creates nothing twice.

JSON: a list, one object per action, by channel (letters, calls, e-mails, salespeople,
formal notices) then customer name: {"id", "customer_id", "customer", "level",
"channel", "planned_on", "total" ("1234.56"), "items": [{"document_id", "number",
"kind", "due_on", "amount"}]}.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    add_as_of_argument,
    clock_from,
    open_for_writing,
    write_output,
)

SECTION_TITLES = {
    "letter": "Courriers à imprimer",
    "phone": "Appels",
    "email": "E-mails",
    "salesperson": "Commerciaux",
    "formal_notice": "Mises en demeure",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "reminders",
        help="relances du jour",
        description="Relances : calcul et liste des actions à faire.",
    )
    sub = parser.add_subparsers(dest="reminders_command", required=True)
    due = sub.add_parser(
        "due",
        parents=[common],
        help="calculer puis lister les relances à faire",
        description=(
            "Calcule les relances dues à la date (et les enregistre), puis liste celles "
            "à faire, par canal : courriers, appels, e-mails, commerciaux, mises en demeure."
        ),
    )
    add_as_of_argument(due)
    due.add_argument("--format", choices=("table", "json"), default="table")
    due.set_defaults(handler=run_due)


def action_json(row: Any) -> dict[str, Any]:
    """One action of the list as the JSON output gives it (see the module docstring)."""
    from desktop.commands.aging import amount_text

    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "customer": row.customer_name,
        "level": row.level_name,
        "channel": row.channel.value,
        "planned_on": row.planned_on.isoformat(),
        "total": amount_text(row.total_cents),
        "items": [
            {
                "document_id": item.document_id,
                "number": item.number,
                "kind": item.kind.value,
                "due_on": item.due_on.isoformat(),
                "amount": amount_text(item.amount_cents),
            }
            for item in row.items
        ],
    }


def run_due(args: argparse.Namespace) -> int:
    as_of = args.as_of or clock_from(args).today()
    services = open_for_writing(args)
    try:
        services.score.refresh(as_of, only_stale=True)  # the day's scores, as the app does
        services.reminders.refresh(as_of)
        rows = services.reminders.due(as_of)
    finally:
        services.close()
    if args.format == "json":
        import json
        import sys

        document = [action_json(row) for row in rows]
        write_output(
            lambda: sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        )
    else:
        write_output(lambda: _print_table(as_of, rows))
    return EXIT_OK


def _print_table(as_of: Any, rows: list[Any]) -> None:
    from desktop.domain.money import format_cents

    def money(cents: int) -> str:
        return format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")

    print(f"Relances à faire au {as_of.strftime('%d/%m/%Y')} : {len(rows)}")
    if not rows:
        print("Rien à faire aujourd'hui.")
        return
    for channel, title in SECTION_TITLES.items():
        section = [row for row in rows if row.channel.value == channel]
        if not section:
            continue
        print()
        print(f"{title} ({len(section)})")
        width = max(len(row.customer_name) for row in section)
        for row in section:
            count = row.item_count
            pieces = f"{count} pièce{'s' if count > 1 else ''}"
            print(
                f"  {row.customer_name:<{width}}  {row.level_name:<20}  "
                f"{money(row.total_cents):>14}  {pieces}"
            )
