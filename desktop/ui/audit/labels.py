"""How an audit entry reads: what was done to what, and each field's before → after in
words (statuses, amounts, dates and yes/no the way the rest of the application shows
them). The labels of kinds and actions live in ui.messages; the field labels here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from desktop.domain.blocking import decode_rules
from desktop.domain.enums import (
    ActionStatus,
    BlockingDecisionStatus,
    CallOutcome,
    CustomerStatus,
    DisputeStatus,
    PromiseStatus,
    ProposalStatus,
    RepaymentPlanStatus,
    TaskStatus,
)
from desktop.domain.money import format_cents
from desktop.services.audit_trail import AuditLine, FieldChange
from desktop.services.registry import Services
from desktop.ui.disputes.labels import dispute_status_label
from desktop.ui.messages import (
    audit_action_label,
    audit_entity_label,
    blocking_rules_text,
    field_label,
    plan_status_label,
    status_label,
)
from desktop.ui.proposals.labels import proposal_status_label
from desktop.ui.reminders.labels import outcome_label, promise_status_label, task_status_label

ELIDE_AT = 120  # characters of a value shown in a table cell or a tooltip line
EMPTY = "—"


def _t(text: str) -> str:
    return QCoreApplication.translate("Audit", text)


def field_name(entity: str, field: str) -> str:
    """The label of a changed field; a customer's fields as the customer form names them."""
    if entity == "customer":
        label = field_label(field)
        if label != field:
            return label
    labels = {
        "status": _t("statut"),
        "reason": _t("motif"),
        "rule": _t("règles déclenchées"),
        "customer_id": _t("client"),
        "done_on": _t("fait le"),
        "planned_on": _t("prévue le"),
        "total_cents": _t("montant"),
        "assignee_id": _t("attribuée à"),
        "outcome": _t("résultat de l'appel"),
        "notes": _t("notes"),
        "source": _t("source"),
        "value": _t("note"),
        "rated_on": _t("date de la notation"),
        "first_name": _t("prénom"),
        "last_name": _t("nom"),
        "role": _t("fonction"),
        "email": _t("e-mail"),
        "phone": _t("téléphone"),
        "is_primary": _t("contact principal"),
        "receives_reminders": _t("reçoit les relances"),
        "name": _t("nom"),
        "description": _t("description"),
        "subject": _t("objet"),
        "body": _t("texte"),
        "issued_on": _t("date"),
        "valid_until": _t("valable jusqu'au"),
        "schedule_template": _t("modèle d'échéancier"),
        "total_excl_vat_cents": _t("total HT"),
        "vat_cents": _t("TVA"),
        "lines": _t("lignes"),
        "schedule": _t("échéancier"),
        "visit_date": _t("date de visite"),
        "attendees": _t("personnes rencontrées"),
        "payment_terms_reminded": _t("délais de paiement rappelés"),
        "approval_circuit": _t("circuit de validation des factures"),
        "for_credit_management": _t("pour la gestion du crédit"),
        "free_text": _t("texte libre"),
        "next_visit_on": _t("prochaine visite"),
        "author_id": _t("auteur"),
        "min_gap_days": _t("écart minimal entre deux relances (jours)"),
        "for_consumers": _t("pour les particuliers"),
        "active": _t("actif"),
        "dunning_plan_id": _t("plan de relance"),
        "priority_prospect": _t("prospect prioritaire"),
        "restored_from": _t("restauration"),
        "default_template": _t("modèle par défaut"),
        "mapping": _t("correspondance"),
        "source_kind": _t("type de fichier"),
        "kind": _t("type"),
        "milestones": _t("paramètres"),
        "blocking.overdue_days": _t("jours de retard de la règle de blocage"),
        "backup_folder": _t("dossier des sauvegardes"),
    }
    if field in labels:
        return labels[field]
    if field.startswith("level_") and field[6:].isdigit():
        return _t("niveau %s") % field[6:]
    if field.startswith("topic_"):
        return _t("observation : %s") % field[6:].replace("_", " ")
    return field.replace("_", " ")


_STATUS_LABELS: dict[str, Callable[[str], str]] = {
    "customer": lambda v: status_label(CustomerStatus(v)),
    "dispute": lambda v: dispute_status_label(DisputeStatus(v)),
    "promise_to_pay": lambda v: promise_status_label(PromiseStatus(v)),
    "task": lambda v: task_status_label(TaskStatus(v)),
    "proposal": lambda v: proposal_status_label(ProposalStatus(v)),
    "repayment_plan": lambda v: plan_status_label(RepaymentPlanStatus(v)),
    "blocking_decision": lambda v: decision_status_label(BlockingDecisionStatus(v)),
    "reminder_action": lambda v: action_status_label(ActionStatus(v)),
}


def decision_status_label(status: BlockingDecisionStatus) -> str:
    return {
        BlockingDecisionStatus.PROPOSED: _t("proposé"),
        BlockingDecisionStatus.BLOCKED: _t("bloqué"),
        BlockingDecisionStatus.DECLINED: _t("maintenu"),
        BlockingDecisionStatus.UNBLOCKED: _t("débloqué"),
    }[status]


def action_status_label(status: ActionStatus) -> str:
    return {
        ActionStatus.PENDING: _t("à faire"),
        ActionStatus.DONE: _t("faite"),
        ActionStatus.POSTPONED: _t("reportée"),
        ActionStatus.SKIPPED: _t("ignorée"),
    }[status]


# {field: {stored id: name}}: users, segments and plans named instead of their ids.
Names = dict[str, dict[str, str]]

_USER_FIELDS = ("assignee_id", "author_id", "salesperson_id", "owner_id", "decided_by_id")


def reference_names(services: Services) -> Names:
    """The names behind the ids the log stores (users, inactive ones included; segments;
    dunning plans), read once per view."""
    users = {str(u.id): u.name for u in services.reference.users(active_only=False)}
    names: Names = dict.fromkeys(_USER_FIELDS, users)
    names["segment_id"] = {str(s.id): s.name for s in services.reference.segments()}
    names["dunning_plan_id"] = {str(p.id): p.name for p in services.reminders.plans()}
    return names


def value_text(entity: str, field: str, value: str, names: Names | None = None) -> str:
    """A stored value (text) in words; what cannot be read better is shown as stored."""
    if value == "":
        return EMPTY
    if names is not None and value in names.get(field, {}):
        return names[field][value]
    try:
        if field == "status" and entity in _STATUS_LABELS:
            return _STATUS_LABELS[entity](value)
        if field == "rule" and entity == "blocking_decision":
            return blocking_rules_text(decode_rules(value)) or value
        if field == "outcome":
            return outcome_label(CallOutcome(value))
    except (KeyError, ValueError):
        return value
    if field.endswith("_cents") and value.lstrip("-").isdigit():
        return format_cents(int(value))
    if value in ("True", "False"):
        return _t("oui") if value == "True" else _t("non")
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def elided(text: str, limit: int = ELIDE_AT) -> str:
    """One line of at most `limit` characters, with « … » when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def change_texts(line: AuditLine, names: Names | None = None) -> list[tuple[str, str, str]]:
    """(field label, before, after) of each change of the entry, in words. The customer
    named in a deletion is left out: the line shows its customer already."""
    return [
        _change_text(line.entity, c, names)
        for c in line.changes
        if not (c.field == "customer_id" and line.entity != "proposal")
    ]


def _change_text(entity: str, change: FieldChange, names: Names | None) -> tuple[str, str, str]:
    return (
        field_name(entity, change.field),
        value_text(entity, change.field, change.before, names),
        value_text(entity, change.field, change.after, names),
    )


def summary_text(line: AuditLine) -> str:
    """The entry's summary; the few that the services write as codes are put in words."""
    summary = line.summary
    if line.entity == "blocking_decision":
        steps = {
            "proposed": _t("blocage proposé"),
            "figures": _t("chiffres mis à jour"),
            "withdrawn": _t("proposition retirée (les règles ne se déclenchent plus)"),
        }
        if summary in steps:
            return steps[summary]
        try:
            return decision_status_label(BlockingDecisionStatus(summary))
        except ValueError:
            return summary
    if line.entity == "visit_report" and summary.startswith("customer "):
        visit_on = summary.rsplit(" ", 1)[-1]
        return _t("visite du %s") % value_text(line.entity, "visit_date", visit_on)
    if line.entity == "setting":
        return field_name(line.entity, summary)
    return summary


def what_text(line: AuditLine) -> str:
    """« Modification · Décision de blocage n° 12 : bloqué »: action, kind and summary."""
    head = f"{audit_action_label(line.action)} · {audit_entity_label(line.entity)}"
    if line.entity_id:
        head += f" n° {line.entity_id}"
    summary = summary_text(line)
    return f"{head} : {summary}" if summary else head


def changes_inline(
    line: AuditLine, names: Names | None = None, shown: int = 2, chars: int = 40
) -> str:
    """The first changes on one line: « statut : Bloqué → Actif ; motif : — → … »."""
    texts = change_texts(line, names)
    parts = [
        f"{name} : {elided(before, chars)} → {elided(after, chars)}"
        for name, before, after in texts[:shown]
    ]
    if len(texts) > shown:
        parts.append(QCoreApplication.translate("Audit", "+ %n autre(s)", "", len(texts) - shown))
    return " ; ".join(parts)


def changes_tooltip(line: AuditLine, names: Names | None = None) -> str:
    """Every field's before → after on its own line, long values elided."""
    rows = [
        f"{name} : {elided(before, 60)} → {elided(after, 60)}"
        for name, before, after in change_texts(line, names)
    ]
    return "\n".join(rows)


def when_text(at: datetime) -> str:
    return at.strftime("%d/%m/%Y %H:%M")
