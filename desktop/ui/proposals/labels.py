"""Translated labels and messages of the proposals area (statuses, warnings, refusals)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import DoubtfulSource, ProposalStatus, ScheduleKind
from desktop.domain.schedule import ScheduleWarning, WarningCode

# (background, text) of each status in the list.
STATUS_COLORS: dict[ProposalStatus, tuple[str, str]] = {
    ProposalStatus.DRAFT: ("#eef1f5", "#3e4c59"),
    ProposalStatus.SENT: ("#e8eef9", "#1f4e99"),
    ProposalStatus.ACCEPTED: ("#e3f4e8", "#1e6b34"),
    ProposalStatus.REFUSED: ("#fde2e1", "#a1261f"),
    ProposalStatus.EXPIRED: ("#fff3d6", "#8a5a00"),
}


def proposal_status_label(status: ProposalStatus) -> str:
    return {
        ProposalStatus.DRAFT: QCoreApplication.translate("Proposals", "Brouillon"),
        ProposalStatus.SENT: QCoreApplication.translate("Proposals", "Envoyée"),
        ProposalStatus.ACCEPTED: QCoreApplication.translate("Proposals", "Acceptée"),
        ProposalStatus.REFUSED: QCoreApplication.translate("Proposals", "Refusée"),
        ProposalStatus.EXPIRED: QCoreApplication.translate("Proposals", "Expirée"),
    }[status]


def schedule_kind_label(kind: ScheduleKind) -> str:
    return {
        ScheduleKind.MILESTONES: QCoreApplication.translate("Proposals", "Jalons"),
        ScheduleKind.MONTHLY: QCoreApplication.translate("Proposals", "Mensualités"),
        ScheduleKind.TERM: QCoreApplication.translate("Proposals", "Paiement à terme"),
    }[kind]


def doubtful_source_label(source: str) -> str:
    texts = {
        DoubtfulSource.UNPAID_INVOICES.value: QCoreApplication.translate(
            "Proposals", "impayés passés"
        ),
        DoubtfulSource.RATING.value: QCoreApplication.translate("Proposals", "notation"),
        DoubtfulSource.PUBLISHED_INSOLVENCY.value: QCoreApplication.translate(
            "Proposals", "procédure publiée"
        ),
        DoubtfulSource.FIELD_REPORT.value: QCoreApplication.translate(
            "Proposals", "remontée terrain"
        ),
    }
    return texts.get(source, QCoreApplication.translate("Proposals", "autre source"))


def proposal_warning_message(warning: ScheduleWarning) -> str:
    """One warning shown before printing (domain.schedule.WarningCode)."""
    p = warning.params
    code = warning.code
    if code is WarningCode.TERM_TOO_LONG:
        return (
            QCoreApplication.translate(
                "Proposals",
                "« %1 » : délai de %2 jours, au-delà du maximum légal de %3 jours (%4).",
            )
            .replace("%1", p.get("event", ""))
            .replace("%2", p.get("days", ""))
            .replace("%3", p.get("max", ""))
            .replace("%4", p.get("reference", ""))
        )
    if code is WarningCode.CREDIT_LIMIT:
        return (
            QCoreApplication.translate(
                "Proposals",
                "Plafond de crédit dépassé de %1 : encours %2 + cette proposition %3, "
                "pour un plafond de %4.",
            )
            .replace("%1", p.get("excess", ""))
            .replace("%2", p.get("outstanding", ""))
            .replace("%3", p.get("total", ""))
            .replace("%4", p.get("limit", ""))
        )
    if code is WarningCode.UNDER_WATCH:
        return QCoreApplication.translate("Proposals", "Client sous surveillance.")
    if code is WarningCode.BLOCKED:
        return QCoreApplication.translate(
            "Proposals", "Client bloqué : un acompte ou un paiement à la commande est exigé."
        )
    if code is WarningCode.INSOLVENCY:
        return QCoreApplication.translate(
            "Proposals",
            "Procédure collective en cours : un acompte ou un paiement à la commande est exigé.",
        )
    if code is WarningCode.DOUBTFUL:
        return (
            QCoreApplication.translate("Proposals", "Entreprise signalée douteuse le %1 (%2) : %3")
            .replace("%1", p.get("date", ""))
            .replace("%2", doubtful_source_label(p.get("source", "")))
            .replace("%3", p.get("reason", ""))
        )
    return QCoreApplication.translate("Proposals", "À vérifier avant d'imprimer.")


def proposal_problem_message(code: str) -> str:
    """Why an action on a proposal was refused (services.proposals.ProposalError)."""
    texts = {
        "not_draft": QCoreApplication.translate(
            "Proposals",
            "Cette proposition n'est plus un brouillon : remettez-la en brouillon pour la modifier.",
        ),
        "invalid_transition": QCoreApplication.translate(
            "Proposals", "Ce changement de statut n'est pas possible."
        ),
        "validity_passed": QCoreApplication.translate(
            "Proposals",
            "La date de validité est dépassée : remettez la proposition en brouillon et "
            "donnez-lui une nouvelle date de validité.",
        ),
        "not_accepted": QCoreApplication.translate(
            "Proposals", "Un jalon ne peut être atteint que sur une proposition acceptée."
        ),
        "already_reached": QCoreApplication.translate(
            "Proposals", "Ce jalon est déjà atteint : son échéance est déjà attendue."
        ),
        "default_template": QCoreApplication.translate(
            "Proposals",
            "C'est le modèle par défaut : choisissez d'abord un autre modèle par défaut.",
        ),
    }
    return texts.get(code, QCoreApplication.translate("Proposals", "Action impossible."))
