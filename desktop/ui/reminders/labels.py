"""Labels of the reminder vocabularies (channels, tones, call outcomes, calendar events)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import CallOutcome, Channel, PromiseStatus, TaskStatus, Tone
from desktop.services.calendar import EventKind


def channel_label(channel: Channel) -> str:
    return {
        Channel.LETTER: QCoreApplication.translate("Reminders", "Courrier"),
        Channel.EMAIL: QCoreApplication.translate("Reminders", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("Reminders", "Appel"),
        Channel.SALESPERSON: QCoreApplication.translate("Reminders", "Commercial"),
        Channel.FORMAL_NOTICE: QCoreApplication.translate("Reminders", "Mise en demeure"),
    }[channel]


def channel_group_title(channel: Channel) -> str:
    """The heading of a channel's group in the day's list."""
    return {
        Channel.LETTER: QCoreApplication.translate("Reminders", "Courriers à imprimer"),
        Channel.PHONE: QCoreApplication.translate("Reminders", "Appels à passer"),
        Channel.EMAIL: QCoreApplication.translate("Reminders", "E-mails à envoyer"),
        Channel.SALESPERSON: QCoreApplication.translate(
            "Reminders", "À transmettre aux commerciaux"
        ),
        Channel.FORMAL_NOTICE: QCoreApplication.translate("Reminders", "Mises en demeure"),
    }[channel]


def tone_label(tone: Tone) -> str:
    return {
        Tone.COURTEOUS: QCoreApplication.translate("Reminders", "Courtois"),
        Tone.FRIENDLY: QCoreApplication.translate("Reminders", "Aimable"),
        Tone.FIRM: QCoreApplication.translate("Reminders", "Ferme"),
        Tone.FORMAL: QCoreApplication.translate("Reminders", "Formel"),
    }[tone]


def outcome_label(outcome: CallOutcome) -> str:
    return {
        CallOutcome.REACHED: QCoreApplication.translate("Reminders", "Joint, sans engagement"),
        CallOutcome.PROMISE: QCoreApplication.translate("Reminders", "Promesse de paiement"),
        CallOutcome.DISPUTE: QCoreApplication.translate("Reminders", "Conteste la facture"),
        CallOutcome.NO_ANSWER: QCoreApplication.translate("Reminders", "Pas de réponse"),
        CallOutcome.MESSAGE_LEFT: QCoreApplication.translate("Reminders", "Message laissé"),
        CallOutcome.WRONG_NUMBER: QCoreApplication.translate("Reminders", "Mauvais numéro"),
        CallOutcome.REFUSED: QCoreApplication.translate("Reminders", "Refuse de payer"),
    }[outcome]


def event_kind_label(kind: EventKind) -> str:
    return {
        EventKind.ACTION: QCoreApplication.translate("Reminders", "À faire"),
        EventKind.DONE: QCoreApplication.translate("Reminders", "Fait"),
        EventKind.FORECAST: QCoreApplication.translate("Reminders", "À venir"),
        EventKind.PROMISE: QCoreApplication.translate("Reminders", "Promesse"),
        EventKind.TASK: QCoreApplication.translate("Reminders", "Tâche"),
        EventKind.CLAIM_DEADLINE: QCoreApplication.translate("Reminders", "Échéance légale"),
    }[kind]


def promise_status_label(status: PromiseStatus) -> str:
    return {
        PromiseStatus.PENDING: QCoreApplication.translate("Reminders", "En attente"),
        PromiseStatus.KEPT: QCoreApplication.translate("Reminders", "Tenue"),
        PromiseStatus.BROKEN: QCoreApplication.translate("Reminders", "Non tenue"),
    }[status]


def task_status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.OPEN: QCoreApplication.translate("Reminders", "À faire"),
        TaskStatus.DONE: QCoreApplication.translate("Reminders", "Faite"),
        TaskStatus.CANCELLED: QCoreApplication.translate("Reminders", "Annulée"),
    }[status]
