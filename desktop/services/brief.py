"""The salesperson's pre-visit brief: one page on a customer to read before going there.

It gathers what other services know — identity and status with the blocking banner's
text, payment terms, the outstanding and overdue amounts with the open items, open
disputes, pending promises and repayment plan instalments, the last visit report — and
adds talking points (remind the terms, disputes to discuss, instalments coming). Printed
labels are French, like the letters; the PDF is drawn by `documents.visit_brief`.

The solvency score (`services.score`) prints with its three main reasons.

A batch gathers the briefs of one salesperson's customers whose visit is planned in the
week (a visit report's `next_visit_on` from Monday to Sunday) into one PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.documents.visit_brief import (
    BriefData,
    BriefDispute,
    BriefItem,
    BriefVisit,
    render_briefs,
)
from desktop.domain.enums import (
    Assessment,
    CustomerStatus,
    DisputeCategory,
    DisputeStatus,
    DocumentKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    PromiseStatus,
    RepaymentPlanStatus,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.money import format_cents
from desktop.domain.text import fold
from desktop.persistence.models import CompanySettings, Customer, User, VisitReport
from desktop.services.blocking import BlockInfo, BlockingService
from desktop.services.context import ServiceContext
from desktop.services.customers import CustomerService
from desktop.services.disputes import DisputeService
from desktop.services.promises import PromiseService
from desktop.services.receivables import ReceivablesService
from desktop.services.repayment import RepaymentService
from desktop.services.score import ScoreService, factor_text, points_text, summary_text
from desktop.services.statements import format_siren
from desktop.services.visits import VisitReportService

__all__ = ["BriefService", "SalespersonRow", "week_of"]

STATUS_TEXT = {
    CustomerStatus.PROSPECT: "Prospect",
    CustomerStatus.ACTIVE: "Actif",
    CustomerStatus.UNDER_WATCH: "Sous surveillance",
    CustomerStatus.BLOCKED: "Bloqué",
    CustomerStatus.INSOLVENCY: "Procédure collective",
}
TERMS_TEXT = {
    PaymentTermsBasis.INVOICE_DATE: "{n} jours date de facture",
    PaymentTermsBasis.END_OF_MONTH_AFTER: "{n} jours fin de mois",
    PaymentTermsBasis.END_OF_MONTH_THEN: "fin de mois + {n} jours",
}
TOPIC_TEXT = {
    ObservationTopic.SITE_ACTIVITY: "Activité sur le site",
    ObservationTopic.STAFF_TURNOVER: "Rotation du personnel",
    ObservationTopic.STOCK_AND_SHELVES: "Stock et rayons",
    ObservationTopic.NEW_EQUIPMENT: "Nouveaux équipements",
    ObservationTopic.PREMISES: "Locaux",
    ObservationTopic.PAYMENT_DIFFICULTIES: "Difficultés de paiement évoquées",
    ObservationTopic.ORDERS_IN_PROGRESS: "Commandes en cours",
}
CATEGORY_TEXT = {
    DisputeCategory.PRICE: "Prix",
    DisputeCategory.QUANTITY: "Quantité",
    DisputeCategory.WRONG_ITEM: "Erreur d'article",
    DisputeCategory.DAMAGED: "Marchandise abîmée ou non conforme",
    DisputeCategory.NOT_DELIVERED: "Non livré ou livré en partie",
    DisputeCategory.BILLED_TWICE: "Facturé deux fois",
    DisputeCategory.INVOICE_ERROR: "Erreur de TVA ou de facturation",
    DisputeCategory.MISSING_PO: "Bon de commande manquant",
    DisputeCategory.CONTRACT: "Désaccord sur le contrat",
    DisputeCategory.OTHER: "Autre",
}
DISPUTE_STATUS_TEXT = {
    DisputeStatus.OPEN: "Ouvert",
    DisputeStatus.ANALYSIS: "En analyse",
    DisputeStatus.WAITING_CUSTOMER: "Attente client",
    DisputeStatus.RESOLVED: "Résolu",
    DisputeStatus.REJECTED: "Rejeté",
}
KIND_TEXT = {
    DocumentKind.INVOICE: "",
    DocumentKind.CREDIT_NOTE: "Avoir",
    DocumentKind.PAYMENT: "Règlement non affecté",
    DocumentKind.EXPECTED_INSTALMENT: "Échéance à venir",
}
BLOCK_RULE_TEXT = {
    "overdue": "retard de paiement au-delà du seuil",
    "credit_limit": "encours au-delà du plafond de crédit",
    "insolvency": "procédure collective",
    "owner": "décision du dirigeant",
}
COMING_DAYS = 45  # instalments and promises due within this many days are talking points


@dataclass(frozen=True)
class SalespersonRow:
    id: int
    name: str


def week_of(day: date) -> tuple[date, date]:
    """(Monday, Sunday) of the week of `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _money(cents: int) -> str:
    return format_cents(cents)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


class BriefService:
    def __init__(
        self,
        ctx: ServiceContext,
        blocking: BlockingService,
        disputes: DisputeService,
        repayment: RepaymentService,
    ) -> None:
        self._ctx = ctx
        self._blocking = blocking
        self._disputes = disputes
        self._repayment = repayment
        self._customers = CustomerService(ctx)
        self._receivables = ReceivablesService(ctx)
        self._promises = PromiseService(ctx)
        self._visits = VisitReportService(ctx)
        self._score = ScoreService(ctx)

    # --- one customer -----------------------------------------------------------------------

    def brief(self, customer_id: int, as_of: date | None = None) -> BriefData:
        """The brief of one customer on `as_of` (default today). NotFoundError if unknown."""
        as_of = as_of or self._ctx.clock.today()
        detail = self._customers.get(customer_id)
        d = detail.draft
        block = self._blocking.current_block(customer_id)
        balance = self._receivables.customer_balance(customer_id, as_of)
        documents = self._receivables.customer_documents(customer_id, open_only=True, as_of=as_of)
        disputes = [r for r in self._disputes.for_customer(customer_id) if r.is_open]
        disputed = self._disputes.disputed_by_document([doc.id for doc in documents])
        plans = self._repayment.for_customer(customer_id)
        in_plan: set[int] = set()
        for plan in plans:
            if plan.status is RepaymentPlanStatus.ACTIVE:
                in_plan |= {doc.document_id for doc in self._repayment.get(plan.id).documents}
        instalments = self._repayment.upcoming_instalments(customer_id, as_of)
        promises = [
            p for p in self._promises.for_customer(customer_id)
            if p.status is PromiseStatus.PENDING
        ]  # fmt: skip
        reports = self._visits.for_customer(customer_id)
        with self._ctx.database.read() as session:
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            company_name = company.legal_name if company is not None else ""

        terms = self._terms_text(d.payment_terms_days, d.payment_terms_basis)
        identifier = ""
        if d.siren:
            identifier = f"SIREN {format_siren(d.siren)}"
        elif d.enterprise_number:
            identifier = f"BCE {d.enterprise_number}"
        address = ", ".join(
            p
            for p in (
                d.billing_address.line1,
                d.billing_address.line2,
                f"{d.billing_address.postal_code} {d.billing_address.city}".strip(),
            )
            if p
        )
        primary = next((c for c in detail.contacts if c.is_primary), None) or (
            detail.contacts[0] if detail.contacts else None
        )
        contact = ""
        if primary is not None:
            contact = " · ".join(
                p for p in (primary.full_name, primary.role, primary.phone, primary.email) if p
            )
        identity = (
            ("Statut", STATUS_TEXT[d.status]),
            ("Identifiant", identifier),
            ("Forme juridique", d.legal_form),
            ("Adresse", address),
            ("Téléphone", d.phone),
            ("Contact", contact),
            ("Commercial", detail.salesperson_name),
            ("Segment", detail.segment_name),
            ("Conditions de paiement", terms),
            (
                "Plafond de crédit",
                _money(d.credit_limit_cents) if d.credit_limit_cents is not None else "",
            ),
            ("Compte client", d.account_code),
        )
        items = tuple(
            BriefItem(
                number=doc.number,
                kind_label=KIND_TEXT.get(doc.kind, ""),
                issued_on=doc.issued_on,
                due_on=doc.due_on,
                open_cents=doc.open_cents,
                days_late=doc.days_late if doc.open_cents > 0 else None,
                disputed_cents=min(disputed.get(doc.id, 0), max(doc.open_cents, 0)),
                in_plan=doc.id in in_plan,
            )
            for doc in documents
            if doc.issued_on <= as_of
        )
        brief_disputes = tuple(
            BriefDispute(
                reported_on=r.reported_on,
                category=CATEGORY_TEXT.get(r.category, str(r.category)),
                invoices=r.invoice_numbers,
                disputed_cents=r.disputed_cents,
                status=DISPUTE_STATUS_TEXT.get(r.status, str(r.status)),
                description=self._disputes.get(r.id).description.strip()[:160],
            )
            for r in disputes
        )
        commitments = [
            f"Promesse de paiement de {_money(p.amount_cents)} pour le {_d(p.promised_for)}"
            + (f" ({p.notes})" if p.notes else "")
            for p in promises
        ]
        for plan_id, inst in instalments:
            state = " — en retard" if inst.due_on < as_of else ""
            commitments.append(
                f"Plan d'apurement n° {plan_id}, échéance {inst.position} du {_d(inst.due_on)} : "
                f"{_money(inst.remaining_cents)}{state}"
            )
        last = reports[0] if reports else None
        visit = None
        next_visit = None
        if last is not None:
            r = last.draft
            visit = BriefVisit(
                visit_date=r.visit_date,
                author=last.author_name,
                worrying=tuple(
                    f"{TOPIC_TEXT[o.topic]}" + (f" : {o.comment}" if o.comment else "")
                    for o in r.observations
                    if o.assessment is Assessment.WORRYING
                ),
                reassuring=tuple(
                    f"{TOPIC_TEXT[o.topic]}" + (f" : {o.comment}" if o.comment else "")
                    for o in r.observations
                    if o.assessment is Assessment.REASSURING
                ),
                notes=(r.for_credit_management or r.free_text).strip(),
                terms_reminded=r.payment_terms_reminded,
                approval_circuit=r.approval_circuit.strip(),
            )
            next_visit = next(
                (rep.draft.next_visit_on for rep in reports if rep.draft.next_visit_on), None
            )
        alert, level = self._alert(d.status, block)
        score = self._score.for_customer(customer_id, as_of)
        points = self._talking_points(
            terms, balance.overdue_cents, balance.oldest_days_late, brief_disputes,
            instalments, promises, as_of, block, d.status, last,
        )  # fmt: skip
        return BriefData(
            company_name=company_name,
            as_of=as_of,
            customer_name=d.legal_name,
            status=STATUS_TEXT[d.status],
            alert=alert,
            alert_level=level,
            identity=identity,
            open_cents=balance.open_cents,
            overdue_cents=balance.overdue_cents,
            oldest_days_late=balance.oldest_days_late,
            items=items,
            disputes=brief_disputes,
            commitments=tuple(commitments),
            last_visit=visit,
            talking_points=tuple(points),
            next_visit_on=next_visit,
            score=summary_text(score),
            score_reasons=tuple(
                f"{points_text(f.points)} : {factor_text(f)}" for f in score.top_reasons(3)
            ),
        )

    def write_pdf(self, customer_id: int, path: Path, as_of: date | None = None) -> Path:
        """Write the brief of one customer as a one-page PDF at `path`."""
        return render_briefs([self.brief(customer_id, as_of)], path)

    # --- the week of a salesperson ------------------------------------------------------------

    def salespeople(self) -> list[SalespersonRow]:
        """Active users with the salesperson profile, by name."""
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(User.id, User.name)
                .where(User.profile == Profile.SALESPERSON.value, User.active.is_(True))
                .order_by(User.sort_name, User.name, User.id)
            ).all()
        return [SalespersonRow(uid, name) for uid, name in rows]

    def find_salesperson(self, name: str) -> int:
        """The id of the user named `name` (case and accents ignored; an id works too).
        NotFoundError when nobody or several people match."""
        key = fold(name.strip())
        with self._ctx.database.read() as session:
            users = session.execute(select(User.id, User.name)).all()
        exact = [uid for uid, n in users if fold(n) == key or str(uid) == name.strip()]
        partial = [uid for uid, n in users if key and key in fold(n)]
        found = exact or partial
        if len(found) != 1:
            raise NotFoundError("user", name)
        return int(found[0])

    def week_customers(self, salesperson_id: int, as_of: date | None = None) -> list[int]:
        """The salesperson's customers with a visit planned (a visit report's next visit
        date) in the week of `as_of`, by planned date then name."""
        as_of = as_of or self._ctx.clock.today()
        monday, sunday = week_of(as_of)
        with self._ctx.database.read() as session:
            rows = session.execute(
                select(Customer.id, VisitReport.next_visit_on, Customer.sort_name)
                .join(VisitReport, VisitReport.customer_id == Customer.id)
                .where(
                    Customer.salesperson_id == salesperson_id,
                    VisitReport.next_visit_on >= monday,
                    VisitReport.next_visit_on <= sunday,
                )
                .order_by(VisitReport.next_visit_on, Customer.sort_name, Customer.id)
            ).all()
        seen: dict[int, None] = {}
        for cid, _day, _name in rows:
            seen.setdefault(cid, None)
        return list(seen)

    def write_week_pdf(
        self, salesperson_id: int, path: Path, as_of: date | None = None
    ) -> tuple[Path, int]:
        """Write the briefs of the salesperson's visits planned this week into one PDF
        (one page each); returns (path, number of briefs). With no visit planned, nothing
        is written and the count is 0."""
        as_of = as_of or self._ctx.clock.today()
        ids = self.week_customers(salesperson_id, as_of)
        if not ids:
            return path, 0
        render_briefs([self.brief(cid, as_of) for cid in ids], path)
        return path, len(ids)

    # --- wording --------------------------------------------------------------------------

    @staticmethod
    def _terms_text(days: int, basis: PaymentTermsBasis) -> str:
        if days == 0:
            return "Paiement comptant"
        return TERMS_TEXT[basis].format(n=days)

    @staticmethod
    def _alert(status: CustomerStatus, block: BlockInfo | None) -> tuple[str, str]:
        """The banner of the customer page, in words: (text, level)."""
        if block is not None:
            why = block.reason or " ; ".join(
                BLOCK_RULE_TEXT.get(r.rule.value, r.rule.value) for r in block.rules
            )
            text = "Client bloqué"
            if block.since is not None:
                text += f" depuis le {_d(block.since)}"
            if block.by:
                text += f" par {block.by}"
            if why:
                text += f" : {why}"
            if block.insolvency:
                return text, "insolvency"
            return text + ". Pas de commande sans paiement d'avance.", "blocked"
        if status is CustomerStatus.INSOLVENCY:
            return "Procédure collective en cours : ne rien encaisser sans l'avis du dirigeant.", (
                "insolvency"
            )
        if status is CustomerStatus.UNDER_WATCH:
            return "Client sous surveillance : prudence sur les nouvelles commandes.", "watch"
        return "", ""

    @staticmethod
    def _talking_points(
        terms: str,
        overdue_cents: int,
        oldest_days_late: int | None,
        disputes: tuple[BriefDispute, ...],
        instalments: list,  # type: ignore[type-arg]
        promises: list,  # type: ignore[type-arg]
        as_of: date,
        block: BlockInfo | None,
        status: CustomerStatus,
        last: object | None,
    ) -> list[str]:
        points = [f"Rappeler les conditions de paiement convenues : {terms}."]
        if block is not None and not block.insolvency:
            points.append(
                "Client bloqué : pas de nouvelle commande sans acompte ou paiement avant livraison."
            )
        if overdue_cents > 0:
            late = f" (plus ancien retard : {oldest_days_late} j)" if oldest_days_late else ""
            points.append(
                f"Obtenir une date de paiement pour les {_money(overdue_cents)} échus{late}."
            )
        for dispute in disputes:
            points.append(
                f"Faire le point sur le litige « {dispute.category} » ({dispute.invoices}, "
                f"{_money(dispute.disputed_cents)} contestés)."
            )
        horizon = as_of + timedelta(days=COMING_DAYS)
        for plan_id, inst in instalments:
            if inst.due_on < as_of:
                points.append(
                    f"Échéance {inst.position} du plan n° {plan_id} en retard depuis le "
                    f"{_d(inst.due_on)} : {_money(inst.remaining_cents)} à régler au plus vite "
                    "(un impayé rend tout le solde exigible)."
                )
            elif inst.due_on <= horizon:
                points.append(
                    f"Rappeler l'échéance {inst.position} du plan n° {plan_id} le "
                    f"{_d(inst.due_on)} : {_money(inst.remaining_cents)}."
                )
        for promise in promises:
            points.append(
                f"Vérifier la promesse de {_money(promise.amount_cents)} pour le "
                f"{_d(promise.promised_for)}."
            )
        if last is None and status is not CustomerStatus.PROSPECT:
            points.append("Premier rapport de visite à rédiger après le rendez-vous.")
        return points
