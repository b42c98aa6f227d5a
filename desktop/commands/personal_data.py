"""`encaisse contact list|export|erase`: a contact person's data on request (GDPR).

`list CLIENT`: the contacts of a customer (SIREN, enterprise number, account code or
id), with the number to give the other two. Reads only.
`export CONTACT_ID --out F.json`: everything the file holds about the contact — their
record, every mention of their name, e-mail or phone number with its date, the history
of their record — as UTF-8 JSON written for them (GDPR art. 15 and 20). Reads only.
`erase CONTACT_ID --reason TEXT [--yes]`: erase their personal data (art. 17): the
contact is deleted and every mention becomes "[effacé]"; invoices are kept. Without
--yes it shows what will be erased and kept and asks on a terminal; without a terminal
it refuses (exit code 2) and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CliError,
    customer_id_from,
    open_for_reading,
    open_for_writing,
    write_output,
)

CONFIRMATION = "oui"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "contact",
        help="données personnelles d'un contact : liste, export, effacement (RGPD)",
        description="Données personnelles d'un contact : les exporter ou les effacer sur demande.",
    )
    sub = parser.add_subparsers(dest="contact_command", required=True)
    listing = sub.add_parser(
        "list",
        parents=[common],
        help="contacts d'un client, avec leur numéro",
        description="Les contacts d'un client, avec le numéro à donner à export ou erase.",
    )
    listing.add_argument(
        "customer", metavar="CLIENT", help="SIREN, n° d'entreprise belge, compte client ou id"
    )
    listing.set_defaults(handler=run_list)
    export = sub.add_parser(
        "export",
        parents=[common],
        help="exporter les données d'un contact en JSON",
        description="Tout ce que le fichier contient sur un contact, en JSON (RGPD, art. 15 et 20).",
    )
    export.add_argument("contact_id", metavar="CONTACT_ID", type=int, help="numéro du contact")
    export.add_argument("--out", type=Path, required=True, help="fichier JSON à écrire")
    export.set_defaults(handler=run_export)
    erase = sub.add_parser(
        "erase",
        parents=[common],
        help="effacer les données d'un contact",
        description=(
            "Efface les données personnelles d'un contact (RGPD, art. 17) : sa fiche, et son "
            "nom, son e-mail et son téléphone partout où ils sont écrits. Les factures sont "
            "conservées (pièces comptables, 10 ans)."
        ),
    )
    erase.add_argument("contact_id", metavar="CONTACT_ID", type=int, help="numéro du contact")
    erase.add_argument(
        "--reason", required=True, help="motif : qui l'a demandé, quand, par quel moyen"
    )
    erase.add_argument(
        "--yes", action="store_true", help="ne pas demander de confirmation (scripts)"
    )
    erase.set_defaults(handler=run_erase)


def run_list(args: argparse.Namespace) -> int:
    services = open_for_reading(args)
    try:
        customer_id = customer_id_from(services, args.customer)
        detail = services.customers.get(customer_id)
    finally:
        services.close()

    def show() -> None:
        print(f"Contacts de {detail.display_name} : {len(detail.contacts)}")
        for contact in detail.contacts:
            facts = [contact.role, contact.email, contact.phone]
            print(f"{contact.id:>6}  {contact.full_name}  " + " · ".join(f for f in facts if f))

    write_output(show)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from desktop.domain.errors import NotFoundError

    services = open_for_reading(args)
    try:
        try:
            export = services.personal_data.export_contact(args.contact_id)
        except NotFoundError as exc:
            raise CliError(_unknown(args.contact_id)) from exc
    finally:
        services.close()
    try:
        args.out.write_text(export.to_json(), encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Le fichier {args.out} n'a pas pu être écrit : {exc.strerror}") from exc
    print(
        f"Données de {export.contact.full_name} enregistrées : {args.out} "
        f"({len(export.mentions)} mention(s), {len(export.history)} modification(s))"
    )
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    from desktop.domain.errors import NotFoundError, ValidationError

    if not args.reason.strip():
        raise CliError("Indiquez le motif de l'effacement (--reason).", EXIT_REJECTED)
    services = open_for_writing(args)
    try:
        try:
            preview = services.personal_data.preview_contact_erasure(args.contact_id)
            if not args.yes:
                _confirm(preview)
            report = services.personal_data.erase_contact(args.contact_id, args.reason)
        except NotFoundError as exc:
            raise CliError(_unknown(args.contact_id)) from exc
        except ValidationError as exc:
            raise CliError("Indiquez le motif de l'effacement (--reason).", EXIT_REJECTED) from exc
    finally:
        services.close()
    print(
        f"Données de {preview.name} effacées ({report.customer_name}) : fiche du contact "
        f"supprimée, {report.fields_rewritten} texte(s) réécrit(s), "
        f"{report.history_entries} ligne(s) du journal vidée(s)."
    )
    _print_kept(report.kept)
    return EXIT_OK


def _confirm(preview: Any) -> None:
    """Show what will happen, then ask for « oui » on a terminal; refuse otherwise."""
    if not sys.stdin.isatty():
        raise CliError(
            "Effacement non confirmé : relancez dans un terminal, ou avec --yes. "
            "Rien n'a été modifié.",
            EXIT_REJECTED,
        )
    print(f"Effacer les données de {preview.name} ({preview.customer_name}) :")
    print("  - sa fiche de contact sera supprimée ;")
    for place in preview.places:
        print(
            f"  - {place.label} : {place.count} texte(s) où « [effacé] » remplacera ses données ;"
        )
    if preview.history_entries:
        print(f"  - journal des modifications : {preview.history_entries} ligne(s) vidée(s).")
    print("Conservé :")
    _print_kept(preview.kept)
    try:
        answer = input(f"Tapez « {CONFIRMATION} » pour effacer définitivement : ")
    except EOFError:
        answer = ""
    if answer.strip().lower() != CONFIRMATION:
        raise CliError("Effacement abandonné : rien n'a été modifié.", EXIT_REJECTED)


def _print_kept(kept: Any) -> None:
    from desktop.ui.messages import personal_data_kept_text

    for item in kept:
        print(f"  - {personal_data_kept_text(item.code.value, item.count)}")


def _unknown(contact_id: int) -> str:
    return f"Contact introuvable : n° {contact_id} (voir « encaisse contact list CLIENT »)."
