"""The solvency score of customers, read from the file and computed by `domain.score`.

A handful of grouped queries per batch of customers (never one per customer), so a list
can score its visible page at once. The score is computed when asked, not stored: keeping
its history needs a table (a migration), which is left for later.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.disputes import ACTIVE_STATUSES
from desktop.domain.enums import Assessment, CustomerStatus, DocumentKind, RatingSource
from desktop.domain.errors import NotFoundError
from desktop.domain.money import format_cents
from desktop.domain.score import (
    PAYMENT_WINDOW_DAYS,
    RATING_MAX_AGE_DAYS,
    VISIT_MAX_AGE_DAYS,
    ObservationInput,
    RatingInput,
    ScoreFactor,
    ScoreInputs,
    ScoreResult,
    SettledInvoice,
    compute_score,
    rules_text,
)
from desktop.persistence.models import (
    Customer,
    Dispute,
    DisputeItem,
    Document,
    ExternalRating,
    VisitObservation,
    VisitReport,
)
from desktop.services.context import ServiceContext

__all__ = ["ScoreService", "factor_text", "points_text", "summary_text"]

# SQLite allows 999 bound parameters in old builds: stay well below.
_CHUNK = 500

# The amount of a document on a past date: the open amount if still open, else its total
# (the aged balance's rule, so the overdue share matches the customer's balance).
_AMOUNT_ON_DATE = case(
    (Document.settled_on.is_(None), Document.open_cents), else_=Document.total_cents
)


def _open_on(as_of: date):  # type: ignore[no-untyped-def]
    return and_(
        Document.issued_on <= as_of,
        or_(Document.settled_on.is_(None), Document.settled_on > as_of),
    )


class ScoreService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def rules(self) -> str:
        """The rules of the score, as applied, in French, with their version."""
        return rules_text()

    def for_customer(self, customer_id: int, as_of: date | None = None) -> ScoreResult:
        """The score of one customer on `as_of` (default today), with each factor's
        contribution. Raises NotFoundError for an unknown customer."""
        as_of = as_of or self._ctx.clock.today()
        found = self.for_customers([customer_id], as_of)
        if customer_id not in found:
            raise NotFoundError("customer", customer_id)
        return found[customer_id]

    def for_customers(
        self, customer_ids: Iterable[int], as_of: date | None = None
    ) -> dict[int, ScoreResult]:
        """The scores of the given customers on `as_of` (default today), by id; unknown
        ids are left out. A fixed number of queries per batch of 500 customers."""
        as_of = as_of or self._ctx.clock.today()
        ids = list(dict.fromkeys(int(i) for i in customer_ids))
        results: dict[int, ScoreResult] = {}
        with self._ctx.database.read() as session:
            for start in range(0, len(ids), _CHUNK):
                for inputs in _gather(session, ids[start : start + _CHUNK], as_of):
                    results[inputs.customer_id] = compute_score(inputs, as_of)
        return results


def _gather(session: Session, ids: Sequence[int], as_of: date) -> list[ScoreInputs]:
    customers = session.execute(
        select(Customer.id, Customer.status, Customer.insolvency_opened_on).where(
            Customer.id.in_(ids)
        )
    ).all()
    if not customers:
        return []

    settled: dict[int, list[SettledInvoice]] = defaultdict(list)
    for cid, total, due_on, settled_on in session.execute(
        select(Document.customer_id, Document.total_cents, Document.due_on, Document.settled_on)
        .where(
            Document.customer_id.in_(ids),
            Document.kind == DocumentKind.INVOICE.value,
            Document.settled_on.is_not(None),
            Document.settled_on > as_of - timedelta(days=PAYMENT_WINDOW_DAYS),
            Document.settled_on <= as_of,
        )
        .order_by(Document.id)
    ):
        settled[cid].append(SettledInvoice(total, due_on, settled_on))

    balances = {
        cid: (int(total), int(overdue))
        for cid, total, overdue in session.execute(
            select(
                Document.customer_id,
                func.coalesce(func.sum(_AMOUNT_ON_DATE), 0),
                func.coalesce(
                    func.sum(case((Document.due_on < as_of, _AMOUNT_ON_DATE), else_=0)), 0
                ),
            )
            .where(Document.customer_id.in_(ids), _open_on(as_of))
            .group_by(Document.customer_id)
        )
    }

    # Disputes open now; the disputed amount is the sum of their lines.
    active = [s.value for s in ACTIVE_STATUSES]
    disputes = {
        cid: (int(count), int(cents))
        for cid, count, cents in session.execute(
            select(
                Dispute.customer_id,
                func.count(func.distinct(Dispute.id)),
                func.coalesce(func.sum(DisputeItem.disputed_cents), 0),
            )
            .outerjoin(DisputeItem, DisputeItem.dispute_id == Dispute.id)
            .where(
                Dispute.customer_id.in_(ids),
                Dispute.status.in_(active),
                Dispute.reported_on <= as_of,
            )
            .group_by(Dispute.customer_id)
        )
    }

    ratings: dict[int, list[RatingInput]] = defaultdict(list)
    for cid, source, value, rated_on in session.execute(
        select(
            ExternalRating.customer_id,
            ExternalRating.source,
            ExternalRating.value,
            ExternalRating.rated_on,
        )
        .where(
            ExternalRating.customer_id.in_(ids),
            ExternalRating.rated_on <= as_of,
            ExternalRating.rated_on >= as_of - timedelta(days=RATING_MAX_AGE_DAYS),
        )
        .order_by(ExternalRating.id)
    ):
        ratings[cid].append(RatingInput(_source(source), value, rated_on))

    observations: dict[int, list[ObservationInput]] = defaultdict(list)
    for cid, visit_date, assessment in session.execute(
        select(VisitReport.customer_id, VisitReport.visit_date, VisitObservation.assessment)
        .join(VisitObservation, VisitObservation.visit_report_id == VisitReport.id)
        .where(
            VisitReport.customer_id.in_(ids),
            VisitReport.visit_date <= as_of,
            VisitReport.visit_date >= as_of - timedelta(days=VISIT_MAX_AGE_DAYS),
            VisitObservation.assessment.in_(
                (Assessment.WORRYING.value, Assessment.REASSURING.value)
            ),
        )
        .order_by(VisitObservation.id)
    ):
        observations[cid].append(ObservationInput(visit_date, Assessment(assessment)))

    out = []
    for cid, status, opened_on in customers:
        open_cents, overdue_cents = balances.get(cid, (0, 0))
        count, disputed = disputes.get(cid, (0, 0))
        out.append(
            ScoreInputs(
                customer_id=cid,
                insolvency=status == CustomerStatus.INSOLVENCY.value
                or (opened_on is not None and opened_on <= as_of),
                settled=tuple(settled.get(cid, ())),
                open_cents=open_cents,
                overdue_cents=overdue_cents,
                open_disputes=count,
                disputed_cents=disputed,
                ratings=tuple(ratings.get(cid, ())),
                observations=tuple(observations.get(cid, ())),
            )
        )
    return out


def _source(value: str) -> RatingSource:
    try:
        return RatingSource(value)
    except ValueError:
        return RatingSource.OTHER


# --- wording for printed documents and the command line (French, like the letters) ------

SOURCE_TEXT = {
    RatingSource.BANQUE_DE_FRANCE: "Banque de France",
    RatingSource.COFACE: "Coface",
    RatingSource.CREDITSAFE: "Creditsafe",
    RatingSource.ELLISPHERE: "Ellisphere",
    RatingSource.GRAYDON: "Graydon",
    RatingSource.OTHER: "Autre source",
}
BAND_TEXT = {"good": "sain", "watch": "à surveiller", "risk": "à risque"}


def factor_text(factor: ScoreFactor) -> str:
    """One factor in a French sentence, for the pre-visit brief and the CLI."""
    f = factor.figures
    if factor.code == "payment_delay":
        days = f"{f['average_days_late']:g}".replace(".", ",")
        return (
            f"Retard moyen de paiement sur 12 mois : {days} j "
            f"({f['invoices']} facture(s) réglée(s), {format_cents(f['amount_cents'])})"
        )
    if factor.code == "overdue_share":
        return (
            f"Part échue de l'encours : {f['share_percent']} % "
            f"({format_cents(f['overdue_cents'])} sur {format_cents(f['open_cents'])})"
        )
    if factor.code == "open_disputes":
        return f"Litiges en cours : {f['count']} ({format_cents(f['disputed_cents'])} contestés)"
    if factor.code == "external_rating":
        source = SOURCE_TEXT.get(_source(f["source"]), f["source"])
        rated_on = date.fromisoformat(f["rated_on"]).strftime("%d/%m/%Y")
        return (
            f"Note {source} {f['value']} du {rated_on} "
            f"(qualité {f['quality_percent']} %, poids {f['weight_percent']} %)"
        )
    if factor.code == "visit_observations":
        latest = date.fromisoformat(f["latest_visit"]).strftime("%d/%m/%Y")
        return (
            f"Rapports de visite : {f['worrying']} observation(s) inquiétante(s), "
            f"{f['reassuring']} rassurante(s) (dernière visite le {latest})"
        )
    if factor.code == "insolvency":
        return "Procédure collective : score ramené à 0"
    return factor.code


def points_text(points: int) -> str:
    """+5, −12, 0: signed points with a true minus sign."""
    if points > 0:
        return f"+{points}"
    return f"\u2212{-points}" if points < 0 else "0"


def summary_text(result: ScoreResult) -> str:
    """ "62/100 (à surveiller)": the score in a few words."""
    return f"{result.score}/100 ({BAND_TEXT[result.band]})"
