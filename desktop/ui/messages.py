"""Every sentence the user reads about a problem, and the labels of the vocabularies.

Domain and services raise codes; this module turns them into translated French text
(English through the .qm translation). The CLI uses it too, so both speak alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import (
    Assessment,
    Country,
    CustomerStatus,
    InsolvencyKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    RatingSource,
)
from desktop.domain.errors import ErrorCode, FieldError


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# --- Opening a file ----------------------------------------------------------------------


def open_problem_message(problem: str, path: str, detail: str = "") -> str:
    texts = {
        "not_sqlite": _t(
            "Messages",
            "Le fichier « {path} » n'est pas un fichier Encaisse : ce n'est pas une base SQLite. "
            "Il n'a pas été modifié.",
        ),
        "not_encaisse": _t(
            "Messages",
            "Le fichier « {path} » est une base SQLite, mais pas un fichier Encaisse. "
            "Il n'a pas été modifié.",
        ),
        "too_new": _t(
            "Messages",
            "Le fichier « {path} » a été enregistré par une version plus récente d'Encaisse. "
            "Installez la dernière version pour l'ouvrir ; il n'a pas été modifié.",
        ),
        "corrupt": _t(
            "Messages",
            "Le fichier « {path} » est endommagé et ne peut pas être lu. Il n'a pas été modifié ; "
            "restaurez la dernière sauvegarde.",
        ),
        "read_only_file": _t(
            "Messages",
            "Le fichier « {path} » est en lecture seule : Encaisse ne peut pas y enregistrer vos "
            "modifications. Vérifiez ses droits d'accès.",
        ),
        "read_only_folder": _t(
            "Messages",
            "Le dossier de « {path} » est en lecture seule : Encaisse ne peut pas y écrire. "
            "Choisissez un autre emplacement ou vérifiez les droits d'accès.",
        ),
        "missing_folder": _t(
            "Messages", "Le dossier de « {path} » n'existe pas. Choisissez un autre emplacement."
        ),
        "not_found": _t("Messages", "Le fichier « {path} » n'existe pas."),
    }
    text = texts.get(problem, _t("Messages", "Impossible d'ouvrir « {path} »."))
    return text.format(path=path)


def locked_message(user: str, host: str, since: str) -> str:
    return _t(
        "Messages",
        "Ce fichier est déjà ouvert par {user} sur l'ordinateur « {host} » (depuis {since}). "
        "Fermez Encaisse sur ce poste avant de l'ouvrir ici.",
    ).format(user=user, host=host, since=since.replace("T", " ")[:16])


def missing_file_message(path: str) -> str:
    return _t(
        "Messages",
        "Aucun fichier Encaisse à « {path} ». Lancez « encaisse » pour le créer, ou "
        "« encaisse demo » pour une société de démonstration.",
    ).format(path=path)


# --- Field errors --------------------------------------------------------------------------


def field_error_message(error: FieldError) -> str:
    p = error.params
    code = error.code
    texts: dict[ErrorCode, str] = {
        ErrorCode.REQUIRED: _t("Messages", "Ce champ est obligatoire."),
        ErrorCode.TOO_LONG: _t("Messages", "Trop long : {max} caractères au plus."),
        ErrorCode.INVALID_SIREN: _t(
            "Messages", "SIREN invalide : 9 chiffres dont le dernier est une clé de contrôle."
        ),
        ErrorCode.INVALID_SIRET: _t(
            "Messages", "SIRET invalide : 14 chiffres (SIREN + numéro d'établissement)."
        ),
        ErrorCode.SIRET_SIREN_MISMATCH: _t(
            "Messages", "Ce SIRET ne commence pas par le SIREN saisi."
        ),
        ErrorCode.INVALID_VAT_FR: _t(
            "Messages", "Numéro de TVA français invalide : FR, 2 caractères de clé puis le SIREN."
        ),
        ErrorCode.INVALID_VAT_BE: _t(
            "Messages", "Numéro de TVA belge invalide : BE suivi des 10 chiffres du numéro BCE."
        ),
        ErrorCode.INVALID_VAT: _t("Messages", "Numéro de TVA intracommunautaire invalide."),
        ErrorCode.INVALID_BE_ENTERPRISE: _t(
            "Messages", "Numéro d'entreprise belge invalide : 10 chiffres, clé modulo 97."
        ),
        ErrorCode.INVALID_IBAN: _t("Messages", "IBAN invalide : vérifiez la clé et la longueur."),
        ErrorCode.INVALID_BIC: _t("Messages", "BIC invalide : 8 ou 11 caractères."),
        ErrorCode.INVALID_EMAIL: _t("Messages", "Adresse e-mail invalide."),
        ErrorCode.INVALID_POSTAL_CODE: _t(
            "Messages", "Code postal invalide (5 chiffres en France, 4 en Belgique)."
        ),
        ErrorCode.INVALID_AMOUNT: _t("Messages", "Montant invalide."),
        ErrorCode.NEGATIVE_AMOUNT: _t("Messages", "La valeur ne peut pas être négative."),
        ErrorCode.PAYMENT_TERMS_TOO_LONG: _t(
            "Messages",
            "Délai supérieur au maximum légal entre professionnels : {max} jours pour ce mode de "
            "calcul.",
        ),
        ErrorCode.INVALID_DATE: _t("Messages", "Date incohérente."),
        ErrorCode.DATE_IN_FUTURE: _t("Messages", "Cette date est dans le futur."),
        ErrorCode.DUPLICATE_SIREN: _t(
            "Messages", "Ce SIREN est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_ENTERPRISE_NUMBER: _t(
            "Messages", "Ce numéro d'entreprise est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_ACCOUNT_CODE: _t(
            "Messages", "Ce compte auxiliaire est déjà celui de « {name} »."
        ),
        ErrorCode.DUPLICATE_NAME: _t("Messages", "Ce nom existe déjà."),
        ErrorCode.NOT_FOUND: _t("Messages", "Cet élément n'existe plus."),
        ErrorCode.RATING_OUT_OF_RANGE: _t(
            "Messages", "Note hors de l'échelle de cette source ({min} à {max})."
        ),
        ErrorCode.DUPLICATE_OBSERVATION: _t("Messages", "Une observation est en double."),
        ErrorCode.HAS_DOCUMENTS: _t(
            "Messages",
            "Ce client a des factures ou des règlements : il ne peut pas être supprimé. "
            "Passez-le plutôt au statut « Bloqué ».",
        ),
    }
    return texts.get(code, _t("Messages", "Valeur invalide.")).format(**p)


# --- Vocabularies --------------------------------------------------------------------------


def status_label(status: CustomerStatus) -> str:
    return {
        CustomerStatus.PROSPECT: _t("Labels", "Prospect"),
        CustomerStatus.ACTIVE: _t("Labels", "Actif"),
        CustomerStatus.UNDER_WATCH: _t("Labels", "Sous surveillance"),
        CustomerStatus.BLOCKED: _t("Labels", "Bloqué"),
        CustomerStatus.INSOLVENCY: _t("Labels", "Procédure collective"),
    }[status]


def profile_label(profile: Profile) -> str:
    return {
        Profile.OWNER: _t("Labels", "Dirigeant"),
        Profile.ASSISTANT: _t("Labels", "Assistant(e) relances"),
        Profile.SALESPERSON: _t("Labels", "Commercial"),
    }[profile]


def country_label(country: Country) -> str:
    return {
        Country.FRANCE: _t("Labels", "France"),
        Country.BELGIUM: _t("Labels", "Belgique"),
        Country.OTHER: _t("Labels", "Autre pays"),
    }[country]


def terms_basis_label(basis: PaymentTermsBasis) -> str:
    return {
        PaymentTermsBasis.INVOICE_DATE: _t("Labels", "jours date de facture"),
        PaymentTermsBasis.END_OF_MONTH_AFTER: _t("Labels", "jours fin de mois"),
        PaymentTermsBasis.END_OF_MONTH_THEN: _t("Labels", "jours après la fin du mois"),
    }[basis]


def payment_terms_text(days: int, basis: PaymentTermsBasis) -> str:
    return f"{days} {terms_basis_label(basis)}"


def insolvency_label(kind: InsolvencyKind) -> str:
    return {
        InsolvencyKind.SAFEGUARD: _t("Labels", "Sauvegarde"),
        InsolvencyKind.RECEIVERSHIP: _t("Labels", "Redressement judiciaire"),
        InsolvencyKind.LIQUIDATION: _t("Labels", "Liquidation judiciaire"),
    }[kind]


def rating_source_label(source: RatingSource) -> str:
    return {
        RatingSource.BANQUE_DE_FRANCE: _t("Labels", "Banque de France"),
        RatingSource.COFACE: _t("Labels", "Coface (DRA 0–10)"),
        RatingSource.CREDITSAFE: _t("Labels", "Creditsafe (0–100)"),
        RatingSource.ELLISPHERE: _t("Labels", "Ellisphere"),
        RatingSource.GRAYDON: _t("Labels", "Graydon"),
        RatingSource.OTHER: _t("Labels", "Autre source"),
    }[source]


def topic_label(topic: ObservationTopic) -> str:
    return {
        ObservationTopic.SITE_ACTIVITY: _t("Labels", "Activité sur le site"),
        ObservationTopic.STAFF_TURNOVER: _t("Labels", "Rotation du personnel"),
        ObservationTopic.STOCK_AND_SHELVES: _t("Labels", "Stock et rayons"),
        ObservationTopic.NEW_EQUIPMENT: _t("Labels", "Nouveaux équipements (achat ou leasing)"),
        ObservationTopic.PREMISES: _t("Labels", "Locaux"),
        ObservationTopic.PAYMENT_DIFFICULTIES: _t("Labels", "Difficultés de paiement évoquées"),
        ObservationTopic.ORDERS_IN_PROGRESS: _t("Labels", "Commandes en cours"),
    }[topic]


def assessment_label(assessment: Assessment) -> str:
    return {
        Assessment.REASSURING: _t("Labels", "Rassurant"),
        Assessment.NEUTRAL: _t("Labels", "Neutre"),
        Assessment.WORRYING: _t("Labels", "Inquiétant"),
        Assessment.NOT_OBSERVED: _t("Labels", "Non observé"),
    }[assessment]
