"""The `encaisse` command: the GUI by default, sub-commands for automation."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.commands import COMMAND_MODULES
from desktop.commands.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CliError,
    clock_from,
    csv_safe,
    open_for_reading,
    open_for_writing,
    parse_date,
    write_output,
)


def build_parser() -> argparse.ArgumentParser:
    # --db, --lang and --today are accepted before or after the sub-command: the
    # sub-commands repeat them with SUPPRESS so they only override when given.
    def common_options(target: argparse.ArgumentParser, default: object) -> None:
        target.add_argument(
            "--db",
            type=Path,
            default=default,
            help="fichier de données (par défaut : dossier utilisateur)",
        )
        target.add_argument(
            "--lang", choices=["fr", "en"], default=default, help="langue de l'interface"
        )
        target.add_argument("--today", type=parse_date, default=default, help=argparse.SUPPRESS)

    common = argparse.ArgumentParser(add_help=False)
    common_options(common, argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="encaisse",
        description="Encaisse — gestion du poste clients : relances, propositions, litiges.",
    )
    common_options(parser, None)
    parser.add_argument("--version", action="version", version=f"Encaisse {__version__}")
    parser.add_argument(
        "--user",
        default=None,
        metavar="NOM",
        help="ouvrir la fenêtre sous le nom de NOM, sans demander « Qui êtes-vous ? » "
        "(refusé pour une personne qui a un code PIN)",
    )
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common], help="créer une société de démonstration")
    demo.add_argument("--customers", type=int, default=300, help="nombre de clients et prospects")
    demo.add_argument(
        "--seed", type=int, default=1, help="graine (mêmes données pour la même graine)"
    )
    demo.add_argument("--replace", action="store_true", help="remplacer le fichier s'il existe")
    demo.add_argument(
        "--size",
        choices=["large", "huge"],
        default=None,
        help="gros fichier pour les mesures de performance : large = 5 000 clients et "
        "200 000 factures, huge = 50 000 clients et 1 000 000 de factures",
    )

    customers = sub.add_parser("customers", help="clients et prospects")
    customers_sub = customers.add_subparsers(dest="customers_command", required=True)
    listing = customers_sub.add_parser("list", parents=[common], help="lister les clients")
    listing.add_argument("--format", choices=["table", "csv", "json"], default="table")
    listing.add_argument("--search", default="", help="nom, SIREN ou ville")
    listing.add_argument("--status", action="append", default=[], help="statut (répétable)")

    sub.add_parser(
        "check", parents=[common], help="vérifier l'intégrité du fichier et sa version de schéma"
    )

    shot = sub.add_parser(
        "screenshot", parents=[common], help="enregistrer une page de la fenêtre en PNG"
    )
    shot.add_argument("page", help="customers, customer:<SIREN ou id>, dashboard, settings…")
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--width", type=int, default=1280)
    shot.add_argument("--height", type=int, default=800)

    for name in COMMAND_MODULES:
        import_module(f"desktop.commands.{name}").register(sub, common)
    return parser


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.app import default_demo_path
    from desktop.persistence.lock import lock_path
    from desktop.services.demo import generate_demo

    path: Path = args.db or default_demo_path()
    if args.customers < 0:
        # Checked before anything is deleted: a typo must not cost the existing demo file.
        raise CliError(f"Nombre de clients invalide : {args.customers} (0 ou plus).")
    if path.exists():
        if not args.replace:
            raise CliError(
                f"Le fichier {path} existe déjà : ajoutez --replace pour le remplacer par la démonstration."
            )
        from desktop.persistence.lock import read_holder

        if read_holder(path) is not None:
            # Replacing a file someone has open would pull it from under them.
            args.db = path
            services = open_for_writing(args)
            services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        lock_path(path).unlink(missing_ok=True)
    args.db = path
    services = open_for_writing(args, must_exist=False)
    try:
        if args.size:
            summary = _generate_large(services, args.size, args.seed)
        else:
            summary = generate_demo(services, customers=args.customers, seed=args.seed)
    except BaseException:
        # The file was created for the demo a moment ago: leave no empty file behind.
        services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    services.close()
    print(f"Démonstration créée dans {path} : {summary}")
    return EXIT_OK


def _generate_large(services: Any, size: str, seed: int) -> object:
    """`demo --size`: the bulk generator of services.demo_large, its progress on stderr."""
    import time

    from desktop.services.demo_large import SIZES, generate_large

    started = time.monotonic()
    shown = [-1]

    def progress(fraction: float) -> None:
        percent = int(fraction * 100)
        if percent >= shown[0] + 5 or percent == 100:
            shown[0] = percent
            print(f"  {percent:3d} % ({time.monotonic() - started:.0f} s)", file=sys.stderr)

    return generate_large(services, SIZES[size], seed=seed, progress=progress)


def cmd_customers_list(args: argparse.Namespace) -> int:
    from desktop.services.customers import CustomerFilter

    services = open_for_reading(args)
    try:
        flt = CustomerFilter(text=args.search, statuses=tuple(args.status))
        rows = []
        offset = 0
        while True:
            page = services.customers.page(flt, offset=offset, limit=1000)
            rows.extend(page)
            if len(page) < 1000:
                break
            offset += 1000
    finally:
        services.close()
    records = [
        {
            "id": r.id,
            "name": r.legal_name,
            "identifier": r.identifier,
            "postal_code": r.postal_code,
            "city": r.city,
            "status": r.status.value,
            "segment": r.segment,
            "salesperson": r.salesperson,
            "payment_terms_days": r.payment_terms_days,
            "payment_terms_basis": r.payment_terms_basis.value,
            "credit_limit_cents": r.credit_limit_cents,
        }
        for r in rows
    ]
    write_output(lambda: _write_customers(args.format, records, rows))
    return EXIT_OK


def _write_customers(fmt: str, records: list[dict[str, object]], rows: list[Any]) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=list(records[0]) if records else ["id"], delimiter=";"
        )
        writer.writeheader()
        for record in records:
            # A cell starting with = + - @ would run as a formula in a spreadsheet.
            writer.writerow({k: csv_safe(v) for k, v in record.items()})
    else:
        from desktop.ui.messages import status_label

        headers = ("id", "Raison sociale", "SIREN / n° BCE", "Ville", "Statut", "Commercial")
        table = [
            (
                str(r["id"]),
                str(r["name"]),
                str(r["identifier"]),
                str(r["city"]),
                status_label(rows[i].status),
                str(r["salesperson"]),
            )
            for i, r in enumerate(records)
        ]
        widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers)]
        widths = [min(w, 48) for w in widths]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
        for row in table:
            print("  ".join(c[:w].ljust(w) for c, w in zip(row, widths, strict=True)))
        print(f"{len(table)} client(s)")


def cmd_check(args: argparse.Namespace) -> int:
    # A check only reads: it never creates (an empty file), upgrades (an old file) or
    # locks the file it looks at; an old schema is reported, not refused.
    services = open_for_reading(args, allow_outdated=True)
    try:
        report = services.maintenance.check()
    finally:
        services.close()
    print(f"Fichier : {services.path}")
    print(f"Version du schéma : {report.schema_revision} (attendue : {report.expected_revision})")
    print(
        f"Clients : {report.customers} · pièces : {report.documents} · "
        f"rapports de visite : {report.visit_reports}"
    )
    if report.ok:
        print("Intégrité : OK")
        return EXIT_OK
    for problem in report.problems:
        print(f"Problème : {problem}")
    if report.schema_revision != report.expected_revision:
        print("Problème : la version du schéma n'est pas celle attendue.")
    return EXIT_PROBLEM


def cmd_screenshot(args: argparse.Namespace) -> int:
    from desktop.ui.screenshot import take_screenshot

    services = open_for_reading(args)
    try:
        take_screenshot(
            services, args.page, args.out, size=(args.width, args.height), lang=args.lang
        )
    finally:
        services.close()
    print(f"Capture enregistrée : {args.out}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(db_path=args.db, lang=args.lang, clock=clock_from(args), user=args.user)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {
        "demo": cmd_demo,
        "check": cmd_check,
        "screenshot": cmd_screenshot,
        None: cmd_gui,
    }
    try:
        if hasattr(args, "handler"):
            return int(args.handler(args))
        if args.command == "customers":
            return cmd_customers_list(args)
        return handlers[args.command](args)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except Exception as exc:
        from desktop.app import describe_open_error

        message = describe_open_error(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return EXIT_PROBLEM


if __name__ == "__main__":
    raise SystemExit(main())
