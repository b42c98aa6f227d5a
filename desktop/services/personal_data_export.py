"""What a person gets when they ask for their data (GDPR art. 15, access, and art. 20,
portability): plain records and their JSON.

The JSON is written for the person first: keys are French words without accents
(`prenom`, `telephone`, `mentions`…) so that any tool reads them, values are what the
file holds, and every place is named as the office calls it ("Rapport de visite",
"Journal des modifications"), with its date and an excerpt of the text around the
mention. UTF-8, indented, accents kept as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.backups import KEEP_MONTHLY_DAYS

__all__ = [
    "ContactDataExport",
    "ContactRecord",
    "CustomerDataExport",
    "CustomerRecord",
    "DocumentLine",
    "HistoryChange",
    "HistoryEntry",
    "Mention",
    "field_label",
    "place_label",
]

# Table → how the office calls it (the place of a mention).
PLACE_LABELS = {
    "customers": "Fiche du client",
    "contacts": "Fiche d'un contact",
    "visit_reports": "Rapport de visite",
    "visit_observations": "Observation d'un rapport de visite",
    "reminder_actions": "Relance (compte rendu d'appel, motif)",
    "tasks": "Tâche",
    "promises_to_pay": "Promesse de paiement",
    "disputes": "Litige",
    "dispute_events": "Note ou étape d'un litige",
    "dispute_attachments": "Pièce jointe d'un litige",
    "proposals": "Proposition commerciale",
    "proposal_lines": "Ligne d'une proposition commerciale",
    "schedule_lines": "Échéancier d'une proposition commerciale",
    "blocking_decisions": "Décision de blocage",
    "external_ratings": "Notation externe",
    "doubtful_companies": "Liste des entreprises à risque",
    "documents": "Facture ou avoir (pièce comptable)",
    "payments": "Paiement (pièce comptable)",
    "imports": "Import de la comptabilité",
    "import_changes": "Import de la comptabilité",
    "audit_log": "Journal des modifications",
    "letter_templates": "Modèle de courrier",
}

# Column (or audit-trail field) → its name in a sentence.
FIELD_LABELS = {
    "notes": "notes",
    "attendees": "personnes rencontrées",
    "approval_circuit": "circuit de validation des factures",
    "for_credit_management": "à l'attention de la gestion du crédit",
    "free_text": "compte rendu",
    "comment": "commentaire",
    "instructions": "consignes",
    "answer": "réponse",
    "title": "intitulé",
    "description": "description",
    "reported_by": "signalé par",
    "resolution_note": "note de résolution",
    "approved_by": "accordé par",
    "text": "texte",
    "author": "auteur",
    "skip_reason": "motif",
    "reason": "motif",
    "source_detail": "source",
    "summary": "résumé",
    "changes_json": "valeurs avant et après",
    "label": "libellé",
    "reference": "référence",
    "file_name": "nom du fichier",
    "event": "étape",
    "body": "texte",
    "subject": "objet",
    "first_name": "prénom",
    "last_name": "nom",
    "role": "fonction",
    "email": "e-mail",
    "phone": "téléphone",
    "is_primary": "contact principal",
    "receives_reminders": "destinataire des relances",
    "customer_id": "client (n°)",
    "legal_name": "raison sociale ou nom",
    "trade_name": "nom commercial",
    "legal_form": "forme juridique",
    "siren": "SIREN",
    "siret": "SIRET",
    "enterprise_number": "numéro d'entreprise",
    "vat_number": "numéro de TVA",
    "website": "site web",
    "is_consumer": "particulier",
    "billing_line1": "adresse de facturation",
    "billing_line2": "adresse de facturation (complément)",
    "billing_postal_code": "code postal de facturation",
    "billing_city": "ville de facturation",
    "delivery_line1": "adresse de livraison",
    "delivery_line2": "adresse de livraison (complément)",
    "delivery_postal_code": "code postal de livraison",
    "delivery_city": "ville de livraison",
}

ACTION_LABELS = {"create": "création", "update": "modification", "delete": "suppression"}
DOCUMENT_KIND_LABELS = {
    "invoice": "facture",
    "credit_note": "avoir",
    "payment": "paiement non affecté",
    "expected_instalment": "échéance attendue",
}


def place_label(table: str) -> str:
    return PLACE_LABELS.get(table, table)


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


@dataclass(frozen=True)
class Mention:
    """One place where the person is written as text, with its date and an excerpt."""

    place: str  # table name
    field: str  # column name
    record_id: int
    on: date | None
    excerpt: str
    accounting: bool  # in an accounting record: kept as it is by an erasure

    @property
    def place_label(self) -> str:
        return place_label(self.place)

    @property
    def field_label(self) -> str:
        return field_label(self.field)


@dataclass(frozen=True)
class HistoryChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    """A change of the person's own record, from the audit trail."""

    at: datetime
    actor: str
    action: str  # create, update, delete
    entity: str  # contact or customer
    changes: tuple[HistoryChange, ...]


@dataclass(frozen=True)
class ContactRecord:
    id: int
    first_name: str
    last_name: str
    role: str
    email: str
    phone: str
    is_primary: bool
    receives_reminders: bool
    notes: str
    created_at: datetime
    updated_at: datetime

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class CustomerRecord:
    id: int
    legal_name: str
    trade_name: str
    legal_form: str
    is_consumer: bool
    billing_address: str
    delivery_address: str
    email: str
    phone: str
    website: str
    siren: str
    siret: str
    enterprise_number: str
    vat_number: str
    notes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DocumentLine:
    """An invoice, credit note or instalment of a customer who is a natural person."""

    kind: str
    number: str
    issued_on: date
    due_on: date
    total_cents: int
    open_cents: int


@dataclass(frozen=True)
class ContactDataExport:
    """Everything the file holds about one contact person."""

    exported_at: datetime
    controller: str  # the user's company, who holds the data
    contact: ContactRecord
    customer_id: int
    customer_name: str
    mentions: tuple[Mention, ...]
    history: tuple[HistoryEntry, ...]

    def to_json(self) -> str:
        """The export as the person receives it (see the module doc)."""
        return _dump(
            {
                "objet": (
                    "Données personnelles vous concernant enregistrées dans le fichier "
                    f"clients de {self.controller or 'notre entreprise'} "
                    "(RGPD, articles 15 et 20)"
                ),
                "responsable_du_traitement": self.controller,
                "date_de_l_export": _when(self.exported_at),
                "personne": _contact_json(self.contact),
                "entreprise": {"nom": self.customer_name},
                "mentions": [_mention_json(m) for m in self.mentions],
                "historique_des_modifications": [_history_json(h) for h in self.history],
                "a_savoir": [
                    "Les « mentions » sont les endroits où votre nom, votre adresse e-mail "
                    "ou votre numéro de téléphone sont écrits dans un texte (compte rendu "
                    "de visite, note d'appel, litige, journal des modifications…), avec "
                    "un extrait du texte.",
                    f"Les factures adressées à {self.customer_name} concernent "
                    "l'entreprise, pas vous : ce sont des pièces comptables, conservées "
                    "10 ans (Code de commerce, art. L123-22).",
                    _BACKUPS_NOTE,
                ],
            }
        )


@dataclass(frozen=True)
class CustomerDataExport:
    """Everything the file holds about a customer who is a natural person (a consumer or
    a sole trader): their record, their contacts, their invoices, the mentions."""

    exported_at: datetime
    controller: str
    customer: CustomerRecord
    contacts: tuple[ContactRecord, ...]
    documents: tuple[DocumentLine, ...]
    mentions: tuple[Mention, ...]
    history: tuple[HistoryEntry, ...]

    def to_json(self) -> str:
        """The export as the person receives it (see the module doc)."""
        c = self.customer
        return _dump(
            {
                "objet": (
                    "Données personnelles vous concernant enregistrées dans le fichier "
                    f"clients de {self.controller or 'notre entreprise'} "
                    "(RGPD, articles 15 et 20)"
                ),
                "responsable_du_traitement": self.controller,
                "date_de_l_export": _when(self.exported_at),
                "client": {
                    "numero": c.id,
                    "nom": c.legal_name,
                    "nom_commercial": c.trade_name,
                    "forme_juridique": c.legal_form,
                    "particulier": c.is_consumer,
                    "adresse_de_facturation": c.billing_address,
                    "adresse_de_livraison": c.delivery_address,
                    "email": c.email,
                    "telephone": c.phone,
                    "site_web": c.website,
                    "siren": c.siren,
                    "siret": c.siret,
                    "numero_d_entreprise": c.enterprise_number,
                    "numero_de_tva": c.vat_number,
                    "notes": c.notes,
                    "cree_le": _when(c.created_at),
                    "modifie_le": _when(c.updated_at),
                },
                "contacts": [_contact_json(contact) for contact in self.contacts],
                "pieces": [
                    {
                        "type": DOCUMENT_KIND_LABELS.get(d.kind, d.kind),
                        "numero": d.number,
                        "date": d.issued_on.isoformat(),
                        "echeance": d.due_on.isoformat(),
                        "montant_ttc_euros": _euros(d.total_cents),
                        "reste_du_euros": _euros(d.open_cents),
                    }
                    for d in self.documents
                ],
                "mentions": [_mention_json(m) for m in self.mentions],
                "historique_des_modifications": [_history_json(h) for h in self.history],
                "a_savoir": [
                    "Les « mentions » sont les endroits où votre nom, votre adresse, votre "
                    "adresse e-mail ou votre numéro de téléphone sont écrits dans un texte, "
                    "avec un extrait du texte.",
                    "Les factures et avoirs sont des pièces comptables : ils sont conservés "
                    "10 ans (Code de commerce, art. L123-22), même après un effacement.",
                    _BACKUPS_NOTE,
                ],
            }
        )


_BACKUPS_NOTE = (
    "Les copies de sauvegarde du fichier ne sont pas réécrites : elles disparaissent "
    f"d'elles-mêmes par rotation, la plus ancienne ayant au plus {KEEP_MONTHLY_DAYS} jours."
)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _when(moment: datetime | date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return moment.replace(microsecond=0).isoformat(sep=" ")
    return moment.isoformat()


def _euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _contact_json(c: ContactRecord) -> dict[str, Any]:
    return {
        "numero": c.id,
        "prenom": c.first_name,
        "nom": c.last_name,
        "fonction": c.role,
        "email": c.email,
        "telephone": c.phone,
        "contact_principal": c.is_primary,
        "destinataire_des_relances": c.receives_reminders,
        "notes": c.notes,
        "cree_le": _when(c.created_at),
        "modifie_le": _when(c.updated_at),
    }


def _mention_json(m: Mention) -> dict[str, Any]:
    return {
        "ou": m.place_label,
        "champ": m.field_label,
        "date": _when(m.on),
        "extrait": m.excerpt,
        "piece_comptable": m.accounting,
    }


def _history_json(h: HistoryEntry) -> dict[str, Any]:
    return {
        "le": _when(h.at),
        "par": h.actor,
        "action": ACTION_LABELS.get(h.action, h.action),
        "fiche": "contact" if h.entity == "contact" else "client",
        "changements": [
            {"champ": field_label(c.field), "avant": c.before, "apres": c.after} for c in h.changes
        ],
    }
