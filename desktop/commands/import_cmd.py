"""`encaisse import`: receivables from an accounting export (FEC, CSV, Excel).

    encaisse import FICHIER [--format auto|fec|csv|xlsx] [--mapping NOM] [--sheet FEUILLE]
                            [--default-terms JOURS] [--terms-basis BASE] [--complete]
                            [--dry-run]
    encaisse import --undo
    encaisse import --history

All or nothing: when a line is rejected, every rejected line is printed as
« ligne N : motif (valeur) », nothing is written and the exit code is 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CliError,
    open_for_reading,
    open_for_writing,
    write_output,
)

if TYPE_CHECKING:
    from desktop.domain.ledger import RejectedLine
    from desktop.services.imports.service import ImportPlan, ImportRecord

TERMS_BASES = ("invoice_date", "eom_after", "eom_then")


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 365:
        raise argparse.ArgumentTypeError(f"nombre de jours attendu (0 à 365) : {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="importer les factures, avoirs et règlements d'un export comptable",
        description=(
            "Importe les pièces clients d'un FEC ou d'une balance âgée (CSV, Excel). "
            "Tout ou rien : si une ligne est refusée, rien n'est enregistré."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="fichier FEC, CSV ou Excel")
    parser.add_argument(
        "--format",
        choices=["auto", "fec", "csv", "xlsx"],
        default="auto",
        help="format du fichier (par défaut : reconnu automatiquement)",
    )
    parser.add_argument(
        "--mapping", metavar="NOM", help="correspondance de colonnes enregistrée (CSV, Excel)"
    )
    parser.add_argument("--sheet", metavar="FEUILLE", help="feuille du classeur Excel")
    parser.add_argument(
        "--default-terms",
        type=_days,
        default=30,
        metavar="JOURS",
        help="délai de paiement des clients créés par l'import (par défaut : 30 jours)",
    )
    parser.add_argument(
        "--terms-basis",
        choices=TERMS_BASES,
        default="invoice_date",
        help="décompte de ce délai : date de facture, fin de mois après, fin de mois puis",
    )
    parser.add_argument(
        "--complete",
        action="store_true",
        help="l'export liste toutes les pièces ouvertes de ses clients : "
        "solder celles qui n'y figurent plus",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="montrer ce qui changerait, sans rien enregistrer"
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--undo", action="store_true", help="annuler le dernier import")
    action.add_argument("--history", action="store_true", help="lister les derniers imports")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.history:
        return _history(args)
    if args.undo:
        return _undo(args)
    if args.file is None:
        raise CliError("Indiquez le fichier à importer (ou --undo, --history).")
    path: Path = args.file.expanduser()
    if not path.is_file():
        raise CliError(f"Fichier à importer introuvable : {path}")
    return _import(args, path)


def _import(args: argparse.Namespace, path: Path) -> int:
    from desktop.domain.enums import PaymentTermsBasis
    from desktop.services.imports.service import ImportOptions, ImportRejected

    services = open_for_reading(args) if args.dry_run else open_for_writing(args)
    try:
        parsed = services.imports.read_file(
            path, args.format, sheet=args.sheet, mapping_name=args.mapping
        )
        options = ImportOptions(
            file_name=path.name,
            source_format=parsed.source_format,
            default_terms_days=args.default_terms,
            default_terms_basis=PaymentTermsBasis(args.terms_basis),
            complete=args.complete,
            mapping_name=args.mapping or "",
        )
        if args.dry_run:
            plan = services.imports.plan(parsed, options)
            write_output(lambda: _print_plan(path, plan, dry_run=True))
            return EXIT_OK if plan.ok else EXIT_REJECTED
        try:
            result = services.imports.apply(parsed, options)
        except ImportRejected as refused:
            rejected_plan = refused.plan
            write_output(lambda: _print_plan(path, rejected_plan, dry_run=False))
            return EXIT_REJECTED
    finally:
        services.close()
    print(f"Fichier : {path.name} ({_describe(parsed.source_format, parsed.encoding)})")
    _print_counts(
        result.created, result.updated, result.settled, result.unchanged, result.customers_created
    )
    print(f"Import n° {result.import_id} enregistré (annulable par : encaisse import --undo).")
    return EXIT_OK


def _describe(source_format: str, encoding: str) -> str:
    name = {"fec": "FEC", "csv": "CSV", "xlsx": "Excel"}.get(source_format, source_format)
    return f"{name}, {encoding}" if encoding else name


def _print_counts(created: int, updated: int, settled: int, unchanged: int, customers: int) -> None:
    print(f"Pièces créées : {created}")
    print(f"Pièces mises à jour : {updated}")
    print(f"Pièces soldées : {settled}")
    print(f"Pièces inchangées : {unchanged}")
    print(f"Clients créés : {customers}")


def _print_plan(path: Path, plan: ImportPlan, *, dry_run: bool) -> None:
    print(
        f"Fichier : {path.name} ({_describe(plan.source_format, plan.encoding)}, "
        f"{plan.line_count} ligne(s) lue(s))"
    )
    if not plan.ok:
        print(
            f"Import refusé : {len(plan.rejected)} ligne(s) rejetée(s). "
            "Rien n'a été enregistré ; corrigez l'export et recommencez."
        )
        _print_rejected(plan.rejected)
        return
    _print_counts(
        len(plan.to_create),
        len(plan.to_update),
        len(plan.to_settle),
        plan.unchanged,
        len(plan.customers_to_create),
    )
    if dry_run:
        print("Simulation : rien n'a été enregistré.")


def _print_rejected(rejected: tuple[RejectedLine, ...]) -> None:
    from desktop.ui.messages import import_problem_message

    for line in rejected:
        where = f"ligne {line.line_no}" if line.line_no > 0 else "fichier"
        print(f"{where} : {import_problem_message(line.problem, line.detail)}")


def _undo(args: argparse.Namespace) -> int:
    from desktop.services.imports.service import ImportUndoRefused
    from desktop.ui.messages import import_undo_message

    services = open_for_writing(args)
    try:
        record = services.imports.undo_last()
    except ImportUndoRefused as refused:
        raise CliError(import_undo_message(refused.problem, refused.detail)) from None
    finally:
        services.close()
    print(
        f"Import n° {record.id} ({record.file_name}, {record.started_at:%d/%m/%Y %H:%M}) annulé : "
        f"{record.created} pièce(s) créée(s) supprimée(s), "
        f"{record.updated + record.settled} pièce(s) remise(s) dans leur état précédent."
    )
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    services = open_for_reading(args)
    try:
        records = services.imports.history()
    finally:
        services.close()
    write_output(lambda: _print_history(records))
    return EXIT_OK


def _print_history(records: list[ImportRecord]) -> None:
    if not records:
        print("Aucun import.")
        return
    for r in records:
        if r.undone_at is not None:
            state = f"annulé le {r.undone_at:%d/%m/%Y %H:%M}"
        else:
            state = "annulable (--undo)" if r.can_undo else "en vigueur"
        print(
            f"n° {r.id}  {r.started_at:%d/%m/%Y %H:%M}  {r.file_name} ({r.source_format})  "
            f"par {r.actor} : créées {r.created}, mises à jour {r.updated}, "
            f"soldées {r.settled}, inchangées {r.unchanged}, "
            f"clients créés {r.customers_created}{' — export complet' if r.complete else ''}  "
            f"[{state}]"
        )
