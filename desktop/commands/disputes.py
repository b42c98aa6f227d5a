"""`encaisse disputes list|sheet`: the dispute log, as a table or JSON, and the dispute
sheet of one dispute as a PDF. Reads only: never creates, upgrades or locks the file.

`list [--status S]… [--format table|json]`: every dispute, newest first (only those with
one of the statuses given; repeat --status for several, "active" for every one not yet
resolved or rejected).
JSON: a list, one object per dispute: {"id", "customer_id", "customer", "category",
"status", "department", "owner", "reported_on", "expected_answer_on" (or null),
"days_open", "answer_overdue", "invoices", "disputed" ("1234.56")}.

`sheet ID --out F.pdf`: the one- or two-page sheet for a meeting.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    CliError,
    open_for_reading,
    write_output,
)

STATUSES = ("open", "analysis", "waiting_customer", "resolved", "rejected", "active")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "disputes",
        help="litiges : liste et fiche",
        description="Litiges : la liste, et la fiche d'un litige en PDF.",
    )
    sub = parser.add_subparsers(dest="disputes_command", required=True)
    listing = sub.add_parser(
        "list",
        parents=[common],
        help="lister les litiges",
        description="Liste des litiges, les plus récents d'abord.",
    )
    listing.add_argument(
        "--status",
        choices=STATUSES,
        action="append",
        metavar="STATUT",
        help="ne garder que ce statut (open, analysis, waiting_customer, resolved, rejected, "
        "ou active pour les litiges en cours) ; répétable",
    )
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=run_list)
    sheet = sub.add_parser(
        "sheet",
        parents=[common],
        help="fiche d'un litige en PDF",
        description="Fiche litige pour une réunion : faits, factures, historique, résolution.",
    )
    sheet.add_argument("dispute_id", metavar="ID", type=int, help="numéro du litige")
    sheet.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    sheet.set_defaults(handler=run_sheet)


def dispute_json(row: Any) -> dict[str, Any]:
    """One dispute as the JSON output gives it (see the module docstring)."""
    from desktop.commands.aging import amount_text

    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "customer": row.customer_name,
        "category": row.category.value,
        "status": row.status.value,
        "department": row.department.value,
        "owner": row.owner_name,
        "reported_on": row.reported_on.isoformat(),
        "expected_answer_on": (
            row.expected_answer_on.isoformat() if row.expected_answer_on else None
        ),
        "days_open": row.days_open,
        "answer_overdue": row.answer_overdue,
        "invoices": row.invoice_numbers,
        "disputed": amount_text(row.disputed_cents),
    }


def run_list(args: argparse.Namespace) -> int:
    chosen = set(args.status or ())
    services = open_for_reading(args)
    try:
        rows = services.disputes.list()
    finally:
        services.close()
    if chosen:
        rows = [
            row
            for row in rows
            if row.status.value in chosen or ("active" in chosen and row.is_open)
        ]
    if args.format == "json":
        import json
        import sys

        document = [dispute_json(row) for row in rows]
        write_output(
            lambda: sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        )
    else:
        write_output(lambda: _print_table(rows))
    return EXIT_OK


def run_sheet(args: argparse.Namespace) -> int:
    from desktop.domain.errors import NotFoundError

    services = open_for_reading(args)
    try:
        try:
            services.disputes.write_sheet(args.dispute_id, args.out)
        except NotFoundError as exc:
            raise CliError(f"Litige introuvable : n° {args.dispute_id}.") from exc
        except OSError as exc:
            raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    finally:
        services.close()
    print(f"Fiche litige enregistrée : {args.out}")
    return EXIT_OK


def _print_table(rows: list[Any]) -> None:
    from desktop.documents.dispute_sheet import CATEGORY_FR, DEPARTMENT_FR, STATUS_FR
    from desktop.domain.money import format_cents

    def money(cents: int) -> str:
        return format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")

    def cut(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    total = sum(row.disputed_cents for row in rows)
    print(f"Litiges : {len(rows)} — montant contesté {money(total)}")
    if not rows:
        print("Aucun litige.")
        return
    headers = ("N°", "Client", "Statut", "Catégorie", "Service", "Contesté", "Jours", "Réponse")
    table = [
        (
            str(row.id),
            cut(row.customer_name, 36),
            STATUS_FR[row.status],
            cut(CATEGORY_FR[row.category], 28),
            DEPARTMENT_FR[row.department],
            money(row.disputed_cents),
            str(row.days_open),
            (
                row.expected_answer_on.strftime("%d/%m/%Y")
                + (" en retard" if row.answer_overdue else "")
                if row.expected_answer_on
                else ""
            ),
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    right = {0, 5, 6}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print()
    print(line(headers))
    print(line(tuple("-" * w for w in widths)))
    for cells in table:
        print(line(cells))
