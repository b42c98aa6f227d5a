"""Every sentence the user reads about a problem, and the labels of the vocabularies.

Domain and services raise codes; this module turns them into translated French text
(English through the .qm translation). The CLI uses it too, so both speak alike.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.domain.blocking import TriggeredRule
from desktop.domain.enums import (
    Assessment,
    BlockingRule,
    Country,
    CustomerStatus,
    DocumentKind,
    InsolvencyKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    RateKind,
    RatingSource,
    RepaymentPlanStatus,
)
from desktop.domain.errors import ErrorCode, FieldError

# --- Opening a file ----------------------------------------------------------------------


def open_problem_message(problem: str, path: str, detail: str = "") -> str:
    texts = {
        "not_sqlite": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » n'est pas un fichier Encaisse : ce n'est pas une base SQLite. "
            "Il n'a pas été modifié.",
        ),
        "not_encaisse": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » est une base SQLite, mais pas un fichier Encaisse. "
            "Il n'a pas été modifié.",
        ),
        "too_new": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » a été enregistré par une version plus récente d'Encaisse. "
            "Installez la dernière version pour l'ouvrir ; il n'a pas été modifié.",
        ),
        "corrupt": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » est endommagé et ne peut pas être lu. Il n'a pas été modifié ; "
            "restaurez la dernière sauvegarde.",
        ),
        "read_only_file": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » est en lecture seule : Encaisse ne peut pas y enregistrer vos "
            "modifications. Vérifiez ses droits d'accès.",
        ),
        "read_only_folder": QCoreApplication.translate(
            "Messages",
            "Le dossier contenant « {path} » est en lecture seule : Encaisse ne peut pas y écrire. "
            "Choisissez un autre emplacement ou vérifiez les droits d'accès.",
        ),
        "missing_folder": QCoreApplication.translate(
            "Messages",
            "Le dossier prévu pour « {path} » n'existe pas. Choisissez un autre emplacement.",
        ),
        "not_found": QCoreApplication.translate("Messages", "Le fichier « {path} » n'existe pas."),
        "outdated": QCoreApplication.translate(
            "Messages",
            "Le fichier « {path} » a été créé par une version plus ancienne d'Encaisse. "
            "Ouvrez-le une fois dans l'application pour le mettre à jour (une copie est gardée).",
        ),
    }
    text = texts.get(
        problem, QCoreApplication.translate("Messages", "Impossible d'ouvrir « {path} ».")
    )
    return text.format(path=path)


def locked_message(user: str, host: str, since: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "Ce fichier est déjà ouvert par {user} sur l'ordinateur « {host} » (depuis {since}). "
        "Fermez Encaisse sur ce poste avant de l'ouvrir ici.",
    ).format(user=user, host=host, since=since.replace("T", " ")[:16])


def missing_file_message(path: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "Aucun fichier Encaisse à « {path} ». Lancez « encaisse » pour le créer, ou "
        "« encaisse demo » pour une société de démonstration.",
    ).format(path=path)


# --- Field errors --------------------------------------------------------------------------


def field_error_message(error: FieldError) -> str:
    p = error.params
    code = error.code
    texts: dict[ErrorCode, str] = {
        ErrorCode.REQUIRED: QCoreApplication.translate("Messages", "Ce champ est obligatoire."),
        ErrorCode.TOO_LONG: QCoreApplication.translate(
            "Messages", "Trop long : {max} caractères au plus."
        ),
        ErrorCode.INVALID_SIREN: QCoreApplication.translate(
            "Messages", "SIREN invalide : 9 chiffres dont le dernier est une clé de contrôle."
        ),
        ErrorCode.INVALID_SIRET: QCoreApplication.translate(
            "Messages", "SIRET invalide : 14 chiffres (SIREN + numéro d'établissement)."
        ),
        ErrorCode.SIRET_SIREN_MISMATCH: QCoreApplication.translate(
            "Messages", "Ce SIRET ne commence pas par le SIREN saisi."
        ),
        ErrorCode.INVALID_VAT_FR: QCoreApplication.translate(
            "Messages", "Numéro de TVA français invalide : FR, 2 caractères de clé puis le SIREN."
        ),
        ErrorCode.INVALID_VAT_BE: QCoreApplication.translate(
            "Messages", "Numéro de TVA belge invalide : BE suivi des 10 chiffres du numéro BCE."
        ),
        ErrorCode.INVALID_VAT: QCoreApplication.translate(
            "Messages", "Numéro de TVA intracommunautaire invalide."
        ),
        ErrorCode.INVALID_BE_ENTERPRISE: QCoreApplication.translate(
            "Messages", "Numéro d'entreprise belge invalide : 10 chiffres, clé modulo 97."
        ),
        ErrorCode.INVALID_IBAN: QCoreApplication.translate(
            "Messages", "IBAN invalide : vérifiez la clé et la longueur."
        ),
        ErrorCode.INVALID_BIC: QCoreApplication.translate(
            "Messages", "BIC invalide : 8 ou 11 caractères."
        ),
        ErrorCode.INVALID_EMAIL: QCoreApplication.translate("Messages", "Adresse e-mail invalide."),
        ErrorCode.INVALID_POSTAL_CODE: QCoreApplication.translate(
            "Messages", "Code postal invalide (5 chiffres en France, 4 en Belgique)."
        ),
        ErrorCode.INVALID_AMOUNT: QCoreApplication.translate("Messages", "Montant invalide."),
        ErrorCode.NEGATIVE_AMOUNT: QCoreApplication.translate(
            "Messages", "La valeur ne peut pas être négative."
        ),
        ErrorCode.PAYMENT_TERMS_TOO_LONG: QCoreApplication.translate(
            "Messages",
            "Délai supérieur au maximum légal entre professionnels : {max} jours pour ce mode de "
            "calcul.",
        ),
        ErrorCode.INVALID_DATE: QCoreApplication.translate("Messages", "Date incohérente."),
        ErrorCode.DATE_IN_FUTURE: QCoreApplication.translate(
            "Messages", "Cette date est dans le futur."
        ),
        ErrorCode.DUPLICATE_SIREN: QCoreApplication.translate(
            "Messages", "Ce SIREN est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_ENTERPRISE_NUMBER: QCoreApplication.translate(
            "Messages", "Ce numéro d'entreprise est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_ACCOUNT_CODE: QCoreApplication.translate(
            "Messages", "Ce compte auxiliaire est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_NAME: QCoreApplication.translate("Messages", "Ce nom existe déjà."),
        ErrorCode.NOT_FOUND: QCoreApplication.translate("Messages", "Cet élément n'existe plus."),
        ErrorCode.RATING_OUT_OF_RANGE: QCoreApplication.translate(
            "Messages", "Note hors de l'échelle de cette source ({min} à {max})."
        ),
        ErrorCode.DUPLICATE_OBSERVATION: QCoreApplication.translate(
            "Messages", "Une observation est en double."
        ),
        ErrorCode.DATE_TOO_FAR: QCoreApplication.translate(
            "Messages", "Cette date est trop éloignée : {max} jours au plus."
        ),
        ErrorCode.OUT_OF_RANGE: QCoreApplication.translate(
            "Messages", "Valeur hors limites : de {min} à {max}."
        ),
        ErrorCode.ALREADY_CLOSED: QCoreApplication.translate(
            "Messages", "C'est déjà fait : rien n'a été modifié."
        ),
        ErrorCode.PLAN_WITHOUT_LEVEL: QCoreApplication.translate(
            "Messages", "Un plan de relance a au moins un niveau."
        ),
        ErrorCode.DUPLICATE_OFFSET: QCoreApplication.translate(
            "Messages", "Deux niveaux ont le même décalage ({days} jours) : un seul par jour."
        ),
        ErrorCode.TWO_COURTESY_LEVELS: QCoreApplication.translate(
            "Messages",
            "Un seul rappel de courtoisie (décalage négatif, avant l'échéance) par plan.",
        ),
        ErrorCode.NO_INDEMNITY_FOR_CONSUMERS: QCoreApplication.translate(
            "Messages",
            "L'indemnité forfaitaire de 40 € ne peut jamais être réclamée à un particulier.",
        ),
        ErrorCode.DEFAULT_PLAN: QCoreApplication.translate(
            "Messages",
            "C'est le plan par défaut : choisissez d'abord un autre plan par défaut.",
        ),
        ErrorCode.PENALTY_RATE_TOO_LOW: QCoreApplication.translate(
            "Messages",
            "Le taux contractuel ne peut être inférieur à 3 fois le taux d'intérêt légal, "
            "soit {min}.",
        ),
        ErrorCode.RATE_OUT_OF_RANGE: QCoreApplication.translate(
            "Messages", "Taux invraisemblable : {max} au plus."
        ),
        ErrorCode.DUPLICATE_RATE: QCoreApplication.translate(
            "Messages", "Un taux de ce type existe déjà au {date} ({rate})."
        ),
        ErrorCode.SHIPPED_RATE: QCoreApplication.translate(
            "Messages",
            "Ce taux est livré avec Encaisse : il ne peut pas être supprimé. Ajoutez plutôt "
            "un taux à une date plus récente.",
        ),
        ErrorCode.HAS_DOCUMENTS: QCoreApplication.translate(
            "Messages",
            "Ce client a des factures ou des règlements : il ne peut pas être supprimé. "
            "Passez-le plutôt au statut « Bloqué ».",
        ),
        ErrorCode.AMOUNT_ABOVE_OPEN: QCoreApplication.translate(
            "Messages", "Montant supérieur à ce qui reste contestable : {max} au plus."
        ),
        ErrorCode.DUPLICATE_DOCUMENT: QCoreApplication.translate(
            "Messages", "Cette facture figure déjà dans la liste."
        ),
        ErrorCode.INVOICE_NOT_OPEN: QCoreApplication.translate(
            "Messages", "Ce n'est pas une facture ouverte de ce client."
        ),
        ErrorCode.DUPLICATE_NUMBER: QCoreApplication.translate(
            "Messages", "Ce numéro est déjà utilisé."
        ),
        ErrorCode.CANNOT_CHANGE: QCoreApplication.translate(
            "Messages", "Cette valeur ne peut plus être changée."
        ),
        ErrorCode.PERCENT_TOTAL: QCoreApplication.translate(
            "Messages", "Les pourcentages font {total} au total : ils doivent faire 100 %."
        ),
        ErrorCode.DATE_BEFORE_PROPOSAL: QCoreApplication.translate(
            "Messages", "Date antérieure à la proposition (du {date})."
        ),
        ErrorCode.DATES_NOT_IN_ORDER: QCoreApplication.translate(
            "Messages", "Les échéances doivent se suivre : cette date précède la ligne du dessus."
        ),
        ErrorCode.QUANTITY_NOT_POSITIVE: QCoreApplication.translate(
            "Messages", "La quantité doit être supérieure à zéro."
        ),
        ErrorCode.AMOUNT_NOT_SPLITTABLE: QCoreApplication.translate(
            "Messages",
            "{total} ne peut pas être réparti en {count} échéances : chacune doit recevoir "
            "au moins un centime.",
        ),
        ErrorCode.DEPOSIT_REQUIRED: QCoreApplication.translate(
            "Messages",
            "Client bloqué : l'échéancier doit prévoir un acompte ou un paiement à la commande.",
        ),
        ErrorCode.INVALID_PIN: QCoreApplication.translate(
            "Messages", "Le code PIN doit compter de 4 à 8 chiffres."
        ),
    }
    return texts.get(code, QCoreApplication.translate("Messages", "Valeur invalide.")).format(**p)


# --- Vocabularies --------------------------------------------------------------------------


def status_label(status: CustomerStatus) -> str:
    return {
        CustomerStatus.PROSPECT: QCoreApplication.translate("Labels", "Prospect"),
        CustomerStatus.ACTIVE: QCoreApplication.translate("Labels", "Actif"),
        CustomerStatus.UNDER_WATCH: QCoreApplication.translate("Labels", "Sous surveillance"),
        CustomerStatus.BLOCKED: QCoreApplication.translate("Labels", "Bloqué"),
        CustomerStatus.INSOLVENCY: QCoreApplication.translate("Labels", "Procédure collective"),
    }[status]


def profile_label(profile: Profile) -> str:
    return {
        Profile.OWNER: QCoreApplication.translate("Labels", "Dirigeant"),
        Profile.ASSISTANT: QCoreApplication.translate("Labels", "Assistant(e) relances"),
        Profile.SALESPERSON: QCoreApplication.translate("Labels", "Commercial"),
    }[profile]


def country_label(country: Country) -> str:
    return {
        Country.FRANCE: QCoreApplication.translate("Labels", "France"),
        Country.BELGIUM: QCoreApplication.translate("Labels", "Belgique"),
        Country.OTHER: QCoreApplication.translate("Labels", "Autre pays"),
    }[country]


def terms_basis_label(basis: PaymentTermsBasis) -> str:
    return {
        PaymentTermsBasis.INVOICE_DATE: QCoreApplication.translate(
            "Labels", "jours date de facture"
        ),
        PaymentTermsBasis.END_OF_MONTH_AFTER: QCoreApplication.translate(
            "Labels", "jours fin de mois"
        ),
        PaymentTermsBasis.END_OF_MONTH_THEN: QCoreApplication.translate(
            "Labels", "jours après la fin du mois"
        ),
    }[basis]


def payment_terms_text(days: int, basis: PaymentTermsBasis) -> str:
    """« 45 jours fin de mois » — as written in contracts and on the customer page."""
    if days == 0:
        return QCoreApplication.translate("Labels", "Paiement comptant")
    return f"{days} {terms_basis_label(basis)}"


def payment_terms_short(days: int, basis: PaymentTermsBasis) -> str:
    """« 45 j fin de mois » — short enough for a table column."""
    if days == 0:
        return QCoreApplication.translate("Labels", "Comptant")
    # Counts go in with replace(): pyside6-lupdate does not see plurals in translate().
    texts = {
        PaymentTermsBasis.INVOICE_DATE: QCoreApplication.translate(
            "Labels", "%n j date de facture"
        ).replace("%n", str(days)),
        PaymentTermsBasis.END_OF_MONTH_AFTER: QCoreApplication.translate(
            "Labels", "%n j fin de mois"
        ).replace("%n", str(days)),
        PaymentTermsBasis.END_OF_MONTH_THEN: QCoreApplication.translate(
            "Labels", "fin de mois + %n j"
        ).replace("%n", str(days)),
    }
    return texts[basis]


def insolvency_label(kind: InsolvencyKind) -> str:
    return {
        InsolvencyKind.SAFEGUARD: QCoreApplication.translate("Labels", "Sauvegarde"),
        InsolvencyKind.RECEIVERSHIP: QCoreApplication.translate(
            "Labels", "Redressement judiciaire"
        ),
        InsolvencyKind.LIQUIDATION: QCoreApplication.translate("Labels", "Liquidation judiciaire"),
    }[kind]


def rating_source_label(source: RatingSource) -> str:
    return {
        RatingSource.BANQUE_DE_FRANCE: QCoreApplication.translate("Labels", "Banque de France"),
        RatingSource.COFACE: QCoreApplication.translate("Labels", "Coface (DRA 0–10)"),
        RatingSource.CREDITSAFE: QCoreApplication.translate("Labels", "Creditsafe (0–100)"),
        RatingSource.ELLISPHERE: QCoreApplication.translate("Labels", "Ellisphere"),
        RatingSource.GRAYDON: QCoreApplication.translate("Labels", "Graydon"),
        RatingSource.OTHER: QCoreApplication.translate("Labels", "Autre source"),
    }[source]


def topic_label(topic: ObservationTopic) -> str:
    return {
        ObservationTopic.SITE_ACTIVITY: QCoreApplication.translate(
            "Labels", "Activité sur le site"
        ),
        ObservationTopic.STAFF_TURNOVER: QCoreApplication.translate(
            "Labels", "Rotation du personnel"
        ),
        ObservationTopic.STOCK_AND_SHELVES: QCoreApplication.translate("Labels", "Stock et rayons"),
        ObservationTopic.NEW_EQUIPMENT: QCoreApplication.translate(
            "Labels", "Nouveaux équipements (achat ou leasing)"
        ),
        ObservationTopic.PREMISES: QCoreApplication.translate("Labels", "Locaux"),
        ObservationTopic.PAYMENT_DIFFICULTIES: QCoreApplication.translate(
            "Labels", "Difficultés de paiement évoquées"
        ),
        ObservationTopic.ORDERS_IN_PROGRESS: QCoreApplication.translate(
            "Labels", "Commandes en cours"
        ),
    }[topic]


def assessment_label(assessment: Assessment) -> str:
    return {
        Assessment.REASSURING: QCoreApplication.translate("Labels", "Rassurant"),
        Assessment.NEUTRAL: QCoreApplication.translate("Labels", "Neutre"),
        Assessment.WORRYING: QCoreApplication.translate("Labels", "Inquiétant"),
        Assessment.NOT_OBSERVED: QCoreApplication.translate("Labels", "Non observé"),
    }[assessment]


def field_label(name: str) -> str:
    """The form label of a customer field, as named in the audit trail (billing_city…)."""
    labels = {
        "legal_name": QCoreApplication.translate("Fields", "raison sociale"),
        "status": QCoreApplication.translate("Fields", "statut"),
        "trade_name": QCoreApplication.translate("Fields", "nom commercial"),
        "legal_form": QCoreApplication.translate("Fields", "forme juridique"),
        "country": QCoreApplication.translate("Fields", "pays"),
        "siren": QCoreApplication.translate("Fields", "SIREN"),
        "siret": QCoreApplication.translate("Fields", "SIRET"),
        "enterprise_number": QCoreApplication.translate("Fields", "n° d'entreprise"),
        "vat_number": QCoreApplication.translate("Fields", "n° de TVA"),
        "account_code": QCoreApplication.translate("Fields", "compte auxiliaire"),
        "email": QCoreApplication.translate("Fields", "e-mail"),
        "phone": QCoreApplication.translate("Fields", "téléphone"),
        "website": QCoreApplication.translate("Fields", "site web"),
        "is_consumer": QCoreApplication.translate("Fields", "particulier"),
        "language": QCoreApplication.translate("Fields", "langue des courriers"),
        "segment_id": QCoreApplication.translate("Fields", "segment"),
        "salesperson_id": QCoreApplication.translate("Fields", "commercial"),
        "payment_terms_days": QCoreApplication.translate("Fields", "délai de paiement"),
        "payment_terms_basis": QCoreApplication.translate("Fields", "mode de calcul du délai"),
        "credit_limit_cents": QCoreApplication.translate("Fields", "plafond de crédit"),
        "penalty_rate_bp": QCoreApplication.translate("Fields", "taux de pénalités contractuel"),
        "insolvency_kind": QCoreApplication.translate("Fields", "procédure collective"),
        "insolvency_opened_on": QCoreApplication.translate(
            "Fields", "date du jugement d'ouverture"
        ),
        "bodacc_published_on": QCoreApplication.translate(
            "Fields", "date de publication au BODACC"
        ),
        "notes": QCoreApplication.translate("Fields", "notes"),
    }
    prefixes = {
        "billing": QCoreApplication.translate("Fields", "adresse de facturation"),
        "delivery": QCoreApplication.translate("Fields", "adresse de livraison"),
    }
    if name in labels:
        return labels[name]
    prefix = name.split("_", 1)[0]
    return prefixes.get(prefix, name)


def document_kind_label(kind: DocumentKind) -> str:
    return {
        DocumentKind.INVOICE: QCoreApplication.translate("Labels", "Facture"),
        DocumentKind.CREDIT_NOTE: QCoreApplication.translate("Labels", "Avoir"),
        DocumentKind.PAYMENT: QCoreApplication.translate("Labels", "Règlement"),
        DocumentKind.EXPECTED_INSTALMENT: QCoreApplication.translate("Labels", "Échéance prévue"),
    }[kind]


# --- Importing from the accounts ---------------------------------------------------------

NO_MAPPING_DETAIL = "aucune correspondance de colonnes"  # services.imports.service


def import_problem_message(problem: str, detail: str) -> str:
    """Why a line of an export was rejected (domain.ledger.ImportProblem), with the
    offending value in parentheses; shown after « ligne N : »."""
    if problem == "missing_column" and detail == NO_MAPPING_DETAIL:
        return QCoreApplication.translate(
            "Messages",
            "aucune correspondance de colonnes : indiquez quelle colonne contient le code "
            "client, le numéro, la date et le montant, ou choisissez une correspondance "
            "enregistrée",
        )
    texts = {
        "empty_file": QCoreApplication.translate("Messages", "fichier vide : rien à importer"),
        "binary_file": QCoreApplication.translate(
            "Messages", "ce n'est pas un fichier texte (un export FEC ou CSV est attendu)"
        ),
        "not_a_fec_header": QCoreApplication.translate(
            "Messages", "la première ligne n'est pas l'en-tête d'un FEC (les 18 noms de champs)"
        ),
        "missing_column": QCoreApplication.translate("Messages", "colonne obligatoire absente"),
        "wrong_column_count": QCoreApplication.translate(
            "Messages", "nombre de colonnes incorrect"
        ),
        "bad_date": QCoreApplication.translate("Messages", "date illisible"),
        "bad_amount": QCoreApplication.translate("Messages", "montant illisible"),
        "bad_side": QCoreApplication.translate(
            "Messages", "sens inconnu : D (débit) ou C (crédit) attendu"
        ),
        "missing_value": QCoreApplication.translate("Messages", "valeur obligatoire manquante"),
        "unexpected_credit": QCoreApplication.translate(
            "Messages", "crédit inattendu là où un débit est attendu"
        ),
        "conflicting_amounts": QCoreApplication.translate(
            "Messages", "même numéro de pièce avec deux montants différents"
        ),
        "conflicting_customers": QCoreApplication.translate(
            "Messages", "même numéro de pièce pour deux clients différents"
        ),
        "open_exceeds_total": QCoreApplication.translate(
            "Messages", "reste dû supérieur au montant de la pièce"
        ),
        "too_large": QCoreApplication.translate("Messages", "limite dépassée"),
        "unreadable_file": QCoreApplication.translate("Messages", "fichier illisible"),
    }
    text = texts.get(problem, QCoreApplication.translate("Messages", "ligne refusée"))
    return f"{text} ({detail})" if detail else text


def import_undo_message(problem: str, detail: str = "") -> str:
    """Why an import cannot be undone (services.imports.service.UndoProblem)."""
    used_by = {
        "dispute_items": QCoreApplication.translate("Messages", "un litige"),
        "reminder_action_items": QCoreApplication.translate("Messages", "une relance"),
        "payment_allocations": QCoreApplication.translate(
            "Messages", "l'affectation d'un règlement"
        ),
        "repayment_plan_documents": QCoreApplication.translate("Messages", "un plan d'apurement"),
        "schedule_lines": QCoreApplication.translate("Messages", "un échéancier"),
        "documents": QCoreApplication.translate("Messages", "un avoir saisi depuis"),
    }
    texts = {
        "nothing_to_undo": QCoreApplication.translate("Messages", "Aucun import à annuler."),
        "not_found": QCoreApplication.translate("Messages", "Cet import n'existe pas."),
        "already_undone": QCoreApplication.translate("Messages", "Cet import est déjà annulé."),
        "not_last": QCoreApplication.translate(
            "Messages",
            "Seul le dernier import peut être annulé : annulez d'abord les imports plus récents.",
        ),
        "documents_in_use": QCoreApplication.translate(
            "Messages",
            "Impossible d'annuler cet import : une pièce qu'il a créée est utilisée par {what}. "
            "Rien n'a été modifié.",
        ),
        "documents_changed": QCoreApplication.translate(
            "Messages",
            "Impossible d'annuler cet import : {count} pièce(s) ont été modifiées depuis dans "
            "Encaisse. Rien n'a été modifié.",
        ),
    }
    text = texts.get(problem, QCoreApplication.translate("Messages", "Annulation impossible."))
    what = used_by.get(detail, detail)
    return text.format(what=what, count=detail)


# --- Late-payment penalties --------------------------------------------------------------


def rate_kind_label(kind: RateKind) -> str:
    """The name of a row kind of the rate table (Paramètres › Taux légaux)."""
    return {
        RateKind.ECB_MAIN_REFINANCING: QCoreApplication.translate(
            "Labels", "BCE – taux des opérations principales de refinancement"
        ),
        RateKind.FR_LEGAL_INTEREST_PROFESSIONAL: QCoreApplication.translate(
            "Labels", "Taux d'intérêt légal (créanciers professionnels)"
        ),
        RateKind.FR_LEGAL_INTEREST_OTHER: QCoreApplication.translate(
            "Labels", "Taux d'intérêt légal (autres cas, dont particuliers)"
        ),
        RateKind.BE_LATE_PAYMENT: QCoreApplication.translate(
            "Labels", "Belgique – taux d'intérêt de retard (loi du 2 août 2002)"
        ),
    }[kind]


# --- Blocking ------------------------------------------------------------------------------


def blocking_rule_text(rule: TriggeredRule, overdue_days: int | None = None) -> str:
    """A blocking rule with its figures, as the owner reads it ("Retard de 75 jours …").
    Each text is a literal translate() call so lupdate files it under "Blocking"; counts
    are put in with replace(): pyside6-lupdate does not see plurals in this call form."""
    from desktop.domain.money import format_cents

    if rule.rule is BlockingRule.OVERDUE:
        if rule.days_late is None:
            return QCoreApplication.translate("Blocking", "Retard de paiement au-delà du seuil")
        text = QCoreApplication.translate(
            "Blocking", "Plus ancienne pièce en retard de %n jour(s)"
        ).replace("%n", str(rule.days_late))
        if overdue_days is not None:
            text += QCoreApplication.translate("Blocking", " (seuil : %n jour(s))").replace(
                "%n", str(overdue_days)
            )
        if rule.overdue_cents:
            text += QCoreApplication.translate("Blocking", ", {amount} concernés").format(
                amount=format_cents(rule.overdue_cents)
            )
        return text
    if rule.rule is BlockingRule.CREDIT_LIMIT:
        if rule.outstanding_cents is None or rule.credit_limit_cents is None:
            return QCoreApplication.translate("Blocking", "Encours au-delà du plafond de crédit")
        return QCoreApplication.translate(
            "Blocking", "Encours de {outstanding} au-delà du plafond de {limit}"
        ).format(
            outstanding=format_cents(rule.outstanding_cents),
            limit=format_cents(rule.credit_limit_cents),
        )
    if rule.rule is BlockingRule.INSOLVENCY:
        if rule.opened_on is None:
            return QCoreApplication.translate("Blocking", "Procédure collective")
        return QCoreApplication.translate(
            "Blocking", "Procédure collective ouverte le {day}"
        ).format(day=rule.opened_on.strftime("%d/%m/%Y"))
    return QCoreApplication.translate("Blocking", "Décision du dirigeant")


def blocking_rules_text(rules: tuple[TriggeredRule, ...], overdue_days: int | None = None) -> str:
    """Several rules on one line, most serious first."""
    return " ; ".join(blocking_rule_text(rule, overdue_days) for rule in rules)


def blocking_state_message(blocked: bool) -> str:
    """Why blocking or unblocking was refused (services.blocking.BlockingStateError)."""
    if blocked:
        return QCoreApplication.translate("Blocking", "Ce client est déjà bloqué.")
    return QCoreApplication.translate("Blocking", "Ce client n'est pas bloqué.")


def letter_problem_message(reason: str) -> str:
    """Why a customer gets no letter or e-mail (services.letters.Unprintable.reason)."""
    texts = {
        "no_address": QCoreApplication.translate(
            "Letters", "Impossible d'imprimer : pas d'adresse postale"
        ),
        "no_email": QCoreApplication.translate(
            "Letters", "Impossible d'envoyer : pas d'adresse e-mail"
        ),
    }
    return texts.get(reason, QCoreApplication.translate("Letters", "Impossible de produire"))


def template_label(key: str) -> str:
    """The name of a letter template (services.letters.TEMPLATE_KEYS)."""
    texts = {
        "courtesy": QCoreApplication.translate("Letters", "Rappel de courtoisie"),
        "friendly": QCoreApplication.translate("Letters", "Relance amiable"),
        "firm": QCoreApplication.translate("Letters", "Relance ferme"),
        "last_reminder": QCoreApplication.translate("Letters", "Dernière relance"),
        "formal_notice": QCoreApplication.translate("Letters", "Mise en demeure"),
    }
    return texts.get(key, key)


def dispute_problem_message(code: str) -> str:
    """Why an action on a dispute was refused (services.disputes.DisputeError codes)."""
    texts = {
        "credit_above_disputed": QCoreApplication.translate(
            "Messages",
            "L'avoir dépasse le montant contesté : confirmez pour l'enregistrer quand même.",
        ),
        "already_closed": QCoreApplication.translate(
            "Messages", "Ce litige est déjà clos : rien n'a été modifié."
        ),
        "invalid_transition": QCoreApplication.translate(
            "Messages",
            "Ce changement de statut n'est pas possible : un litige se clôt par une "
            "résolution ou un rejet motivé.",
        ),
        "settled_invoice": QCoreApplication.translate(
            "Messages",
            "La facture contestée est déjà soldée : un avoir ne peut plus la corriger.",
        ),
        "attachment_missing": QCoreApplication.translate(
            "Messages", "La pièce jointe est introuvable."
        ),
        "no_data_file": QCoreApplication.translate(
            "Messages", "Enregistrez d'abord le fichier : les pièces jointes sont rangées à côté."
        ),
    }
    return texts.get(
        code, QCoreApplication.translate("Messages", "Action impossible sur ce litige.")
    )


def repayment_error_message(error: FieldError) -> str:
    """Why a repayment plan (or a payment under it) was refused; other codes as
    `field_error_message` says them. Amounts in `max` are cents."""
    from desktop.domain.money import format_cents

    p = error.params
    number = p.get("number", "")
    texts = {
        ErrorCode.PLAN_CANNOT_SPLIT: QCoreApplication.translate(
            "Repayment",
            "Le montant ne peut pas être réparti en autant d'échéances : {max} au plus.",
        ).format(max=p.get("max", "")),
        ErrorCode.PLAN_PAYMENT_TOO_HIGH: QCoreApplication.translate(
            "Repayment", "Montant supérieur au solde du plan : {max} au plus."
        ).format(max=format_cents(int(p.get("max", "0") or 0))),
        ErrorCode.PLAN_AMOUNT_ABOVE_DUE: QCoreApplication.translate(
            "Repayment", "Facture {number} : {max} restent dus au plus."
        ).format(number=number, max=format_cents(int(p.get("max", "0") or 0))),
        ErrorCode.PLAN_INVOICE_NOT_OVERDUE: QCoreApplication.translate(
            "Repayment", "La facture {number} n'est pas encore échue."
        ).format(number=number),
        ErrorCode.PLAN_INVOICE_IN_PLAN: QCoreApplication.translate(
            "Repayment", "La facture {number} est déjà dans un plan d'apurement en cours."
        ).format(number=number),
        ErrorCode.PLAN_NOT_DRAFT: QCoreApplication.translate(
            "Repayment", "Ce plan est déjà signé : il ne peut plus être modifié ni supprimé."
        ),
        ErrorCode.PLAN_NOT_ACTIVE: QCoreApplication.translate(
            "Repayment", "Ce plan n'est pas en cours : aucun paiement ne peut y être noté."
        ),
    }
    if error.code in texts:
        return texts[error.code]
    if error.field == "documents" and error.code is ErrorCode.REQUIRED:
        return QCoreApplication.translate("Repayment", "Choisissez au moins une facture échue.")
    if error.field == "first_due_on" and error.code is ErrorCode.INVALID_DATE:
        return QCoreApplication.translate(
            "Repayment", "La première échéance ne peut pas être dans le passé."
        )
    return field_error_message(error)


def plan_status_label(status: RepaymentPlanStatus) -> str:
    return {
        RepaymentPlanStatus.DRAFT: QCoreApplication.translate("Repayment", "Brouillon"),
        RepaymentPlanStatus.ACTIVE: QCoreApplication.translate("Repayment", "En cours"),
        RepaymentPlanStatus.COMPLETED: QCoreApplication.translate("Repayment", "Soldé"),
        RepaymentPlanStatus.BROKEN: QCoreApplication.translate("Repayment", "Rompu"),
    }[status]


# --- A damaged file, a file on a network share --------------------------------------------


def damaged_restore_question(
    taken_at: datetime, customers: int | None, open_items: int | None
) -> str:
    """Asked after the damaged-file message: restore the latest sound backup?"""
    return QCoreApplication.translate(
        "Messages",
        "La dernière sauvegarde en bon état date du {when} ({customers} client(s), "
        "{open_items} pièce(s) ouverte(s)). Voulez-vous la restaurer ? Le fichier endommagé "
        "sera gardé de côté dans le dossier des sauvegardes, sans être écrasé.",
    ).format(
        when=taken_at.strftime("%d/%m/%Y à %H:%M"),
        customers=customers if customers is not None else "?",
        open_items=open_items if open_items is not None else "?",
    )


def damaged_restored_message(kept: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "La sauvegarde a été restaurée. Le fichier endommagé est gardé sous « {kept} ». "
        "Ce qui a été saisi depuis cette sauvegarde est à ressaisir.",
    ).format(kept=kept)


def damaged_without_backup_message(folder: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "Aucune sauvegarde en bon état n'a été trouvée dans « {folder} ». Si vous en avez une "
        "ailleurs (clé USB, dossier synchronisé), restaurez-la avec « encaisse restore ».",
    ).format(folder=folder)


def network_share_warning() -> str:
    return QCoreApplication.translate(
        "Messages",
        "Fichier sur un partage réseau : SQLite n'y est pas fiable à plusieurs. N'ouvrez ce "
        "fichier que depuis un seul poste à la fois, ou gardez-le sur cet ordinateur.",
    )


# --- Personal data on request (GDPR): export and erasure ------------------------------------


def personal_data_problem_message(code: str, count: int = 0, cents: int = 0) -> str:
    """Why an export or an erasure of personal data was refused
    (services.personal_data.PersonalDataError codes; `cents` still owed)."""
    from desktop.domain.money import format_cents

    if code == "open_documents":
        return QCoreApplication.translate(
            "PersonalData",
            "Effacement refusé : ce client doit encore {amount} ({count} pièce(s) ouverte(s)). "
            "La créance est en cours de recouvrement : c'est un intérêt légitime qui justifie "
            "de garder ses données jusqu'au règlement. Rien n'a été modifié.",
        ).format(amount=format_cents(cents), count=count)
    if code == "not_natural_person":
        return QCoreApplication.translate(
            "PersonalData",
            "Ce client est une entreprise, pas une personne : sa fiche ne contient pas de "
            "données personnelles à exporter ou effacer. Utilisez plutôt les boutons de ses "
            "contacts.",
        )
    return QCoreApplication.translate(
        "PersonalData", "Action impossible sur ces données personnelles."
    )


def personal_data_kept_text(code: str, count: int | None, subject: str = "contact") -> str:
    """What an erasure keeps, and why (services.personal_data.KeptCode values); `subject`
    is "contact" or "customer"."""
    from desktop.domain.backups import KEEP_MONTHLY_DAYS

    n = count or 0
    if code == "invoices" and subject == "contact":
        return QCoreApplication.translate(
            "PersonalData",
            "Les factures et avoirs du client ({count}) sont conservés : ce sont des pièces "
            "comptables de l'entreprise cliente, pas des données du contact, gardées 10 ans "
            "(Code de commerce, art. L123-22).",
        ).format(count=n)
    texts = {
        "invoices": QCoreApplication.translate(
            "PersonalData",
            "Les factures et avoirs ({count}) sont conservés : ce sont des pièces comptables, "
            "gardées 10 ans (Code de commerce, art. L123-22).",
        ),
        "customer": QCoreApplication.translate(
            "PersonalData",
            "La fiche du client est conservée : l'entreprise n'est pas la personne.",
        ),
        "accounting_mentions": QCoreApplication.translate(
            "PersonalData",
            "{count} mention(s) dans des pièces comptables (libellé, référence de paiement) "
            "restent telles quelles : une pièce comptable ne se modifie pas.",
        ),
        "account_code": QCoreApplication.translate(
            "PersonalData",
            "Le compte auxiliaire est conservé : il relie les factures gardées à la comptabilité.",
        ),
        "doubtful_list": QCoreApplication.translate(
            "PersonalData",
            "{count} fiche(s) de la liste des entreprises à risque restent liées à ce client : "
            "retirez-les si elles ne sont plus justifiées.",
        ),
        "attachment_files": QCoreApplication.translate(
            "PersonalData",
            "{count} pièce(s) jointe(s) aux litiges de ce client ne sont pas lues par "
            "Encaisse : ouvrez-les et supprimez celles qui concernent la personne.",
        ),
        "backups": QCoreApplication.translate(
            "PersonalData",
            "Les sauvegardes déjà faites ne sont pas réécrites : elles disparaissent par "
            "rotation, au plus tard après {days} jours.",
        ),
        "erasure_entry": QCoreApplication.translate(
            "PersonalData",
            "Une ligne du journal des modifications garde la trace de l'effacement (date, "
            "motif, auteur), sans les valeurs effacées.",
        ),
    }
    text = texts.get(code)
    if text is None:
        return code
    return text.format(count=n, days=KEEP_MONTHLY_DAYS)


def personal_data_place_label(table: str, fallback: str) -> str:
    """Where a person's data was found or erased (a table of the file), as the office
    calls it; `fallback` is the service's French label for the tables not named here."""
    labels = {
        "customers": QCoreApplication.translate("PersonalData", "Fiche du client"),
        "contacts": QCoreApplication.translate("PersonalData", "Fiche d'un contact"),
        "visit_reports": QCoreApplication.translate("PersonalData", "Rapports de visite"),
        "visit_observations": QCoreApplication.translate("PersonalData", "Observations de visite"),
        "reminder_actions": QCoreApplication.translate(
            "PersonalData", "Relances et comptes rendus d'appel"
        ),
        "tasks": QCoreApplication.translate("PersonalData", "Tâches"),
        "promises_to_pay": QCoreApplication.translate("PersonalData", "Promesses de paiement"),
        "disputes": QCoreApplication.translate("PersonalData", "Litiges"),
        "dispute_events": QCoreApplication.translate("PersonalData", "Notes des litiges"),
        "dispute_attachments": QCoreApplication.translate(
            "PersonalData", "Noms des pièces jointes"
        ),
        "proposals": QCoreApplication.translate("PersonalData", "Propositions commerciales"),
        "blocking_decisions": QCoreApplication.translate("PersonalData", "Décisions de blocage"),
        "external_ratings": QCoreApplication.translate("PersonalData", "Notations externes"),
        "doubtful_companies": QCoreApplication.translate(
            "PersonalData", "Liste des entreprises à risque"
        ),
        "audit_log": QCoreApplication.translate("PersonalData", "Journal des modifications"),
    }
    return labels.get(table, fallback)


# --- The audit trail ------------------------------------------------------------------------


def audit_entity_label(kind: str) -> str:
    """What kind of record an audit entry is about (the `entity` code of the log); an
    unknown code is shown as it is."""
    labels = {
        "customer": QCoreApplication.translate("Audit", "Fiche client"),
        "contact": QCoreApplication.translate("Audit", "Contact"),
        "external_rating": QCoreApplication.translate("Audit", "Notation externe"),
        "visit_report": QCoreApplication.translate("Audit", "Rapport de visite"),
        "doubtful_company": QCoreApplication.translate("Audit", "Entreprise douteuse"),
        "document": QCoreApplication.translate("Audit", "Pièce comptable"),
        "reminder_action": QCoreApplication.translate("Audit", "Relance"),
        "task": QCoreApplication.translate("Audit", "Tâche"),
        "promise_to_pay": QCoreApplication.translate("Audit", "Promesse de paiement"),
        "blocking_decision": QCoreApplication.translate("Audit", "Décision de blocage"),
        "dispute": QCoreApplication.translate("Audit", "Litige"),
        "dispute_attachment": QCoreApplication.translate("Audit", "Pièce jointe de litige"),
        "proposal": QCoreApplication.translate("Audit", "Proposition"),
        "schedule_template": QCoreApplication.translate("Audit", "Modèle d'échéancier"),
        "repayment_plan": QCoreApplication.translate("Audit", "Plan d'apurement"),
        "company": QCoreApplication.translate("Audit", "Entreprise"),
        "user": QCoreApplication.translate("Audit", "Utilisateur"),
        "segment": QCoreApplication.translate("Audit", "Segment"),
        "setting": QCoreApplication.translate("Audit", "Réglage"),
        "dunning_plan": QCoreApplication.translate("Audit", "Plan de relance"),
        "letter_template": QCoreApplication.translate("Audit", "Modèle de courrier"),
        "legal_rate": QCoreApplication.translate("Audit", "Taux légal"),
        "import": QCoreApplication.translate("Audit", "Import comptable"),
        "import_mapping": QCoreApplication.translate("Audit", "Correspondance de colonnes"),
        "data_file": QCoreApplication.translate("Audit", "Fichier de données"),
    }
    return labels.get(kind, kind)


def audit_action_label(action: str) -> str:
    """Création, modification or suppression (the `action` code of the log)."""
    labels = {
        "create": QCoreApplication.translate("Audit", "Création"),
        "update": QCoreApplication.translate("Audit", "Modification"),
        "delete": QCoreApplication.translate("Audit", "Suppression"),
    }
    return labels.get(action, action)


def start_user_unknown_message(name: str, team: list[str]) -> str:
    """`encaisse --user NAME` names nobody of the file's team."""
    return QCoreApplication.translate(
        "Messages", "Personne ne s'appelle « %s » dans l'équipe de ce fichier (équipe : %s)."
    ) % (name, ", ".join(team))


def start_user_has_pin_message(name: str) -> str:
    """`encaisse --user NAME` for someone who protects their work with a PIN."""
    return (
        QCoreApplication.translate(
            "Messages",
            "%s a un code PIN : ouvrez Encaisse sans --user et tapez-le dans « Qui êtes-vous ? ».",
        )
        % name
    )
