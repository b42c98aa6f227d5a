"""The solvency score of customers, read from the file and computed by `domain.score`.

A handful of grouped queries per batch of customers (never one per customer), so a list
can score its visible page at once.

`refresh(as_of)` (the refresh of the day) also stores each customer's score on the
customer, for the list to sort on, and appends a point to `score_history` when the score
or the rules version moved since the last point: at most one point per customer and day,
so the history stays small. A refresh never goes back in time: a customer whose stored
score is more recent than `as_of` is left as it is.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, case, delete, func, insert, or_, select, true, update
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
    ScoreHistory,
    VisitObservation,
    VisitReport,
)
from desktop.services.context import ServiceContext

__all__ = [
    "ScorePoint",
    "ScoreService",
    "factor_text",
    "points_text",
    "summary_text",
    "top_factors",
]

# SQLite allows 999 bound parameters in old builds: stay well below.
_CHUNK = 500
# How many reasons a history point keeps: the ones that moved the score most.
TOP_FACTORS = 3


@dataclass(frozen=True)
class ScorePoint:
    """One point of a customer's score history: the score on the day it changed."""

    computed_on: date
    score: int
    rules_version: str
    top_factors: Mapping[str, int]  # factor code -> points, largest effect first
    change: int | None  # points since the previous point; None for the first one


# The amount of a document on a past date: the open amount if still open, else its total
# (the aged balance's rule, so the overdue share matches the customer's balance).
_AMOUNT_ON_DATE = case(
    (Document.settled_on.is_(None), Document.open_cents), else_=Document.total_cents
)


def _among(column, ids: Sequence[int] | None):  # type: ignore[no-untyped-def]
    return true() if ids is None else column.in_(ids)


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

    # --- the stored score and its history ---------------------------------------------------

    def refresh(self, as_of: date, *, only_stale: bool = False) -> int:
        """Compute every customer's score on `as_of` and store it on the customer (score,
        rules version, day), appending a history point for each customer whose score or
        rules version differs from its last point before `as_of`; a second refresh the
        same day replaces that day's point (or removes it when the score came back to the
        previous one), so there is at most one point per customer and day. Customers
        whose stored score is more recent than `as_of` are left alone. With `only_stale`,
        only customers not yet scored on `as_of` are computed (the cheap call to make at
        every refresh of the day). One transaction; returns how many customers got a new
        or changed point today."""
        with self._ctx.database.transaction() as session:
            due = Customer.score_on < as_of if only_stale else Customer.score_on <= as_of
            stmt = select(Customer.id).where(or_(Customer.score_on.is_(None), due))
            ids = list(session.execute(stmt.order_by(Customer.id)).scalars())
            if not ids:
                return 0
            # Many customers: read each table once, whole, rather than batch by batch.
            inputs = _gather(session, ids if len(ids) <= _CHUNK else None, as_of)
            wanted = set(ids)
            results = [compute_score(i, as_of) for i in inputs if i.customer_id in wanted]
            changed = 0
            for start in range(0, len(results), _CHUNK):
                changed += _store(session, results[start : start + _CHUNK], as_of)
            return changed

    def refresh_customer(self, customer_id: int, as_of: date | None = None) -> ScoreResult:
        """The score of one customer on `as_of` (default today), as `for_customer` gives
        it, stored with its history point as `refresh` does (after a visit report, a
        rating, a dispute…). On a file opened read-only the score is computed, not
        stored. Raises NotFoundError for an unknown customer."""
        as_of = as_of or self._ctx.clock.today()
        if self._ctx.database.read_only:
            return self.for_customer(customer_id, as_of)
        with self._ctx.database.transaction() as session:
            found = _gather(session, [customer_id], as_of)
            if not found:
                raise NotFoundError("customer", customer_id)
            result = compute_score(found[0], as_of)
            _store(session, [result], as_of)
        return result

    def history(self, customer_id: int, limit: int | None = None) -> list[ScorePoint]:
        """The customer's score history, oldest first, each point with its change since
        the one before; with `limit`, only the last `limit` points (their changes still
        count from the point before them). Empty for an unknown customer."""
        stmt = (
            select(
                ScoreHistory.computed_on,
                ScoreHistory.score,
                ScoreHistory.rules_version,
                ScoreHistory.top_factors_json,
            )
            .where(ScoreHistory.customer_id == customer_id)
            .order_by(ScoreHistory.computed_on.desc(), ScoreHistory.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit + 1)  # one more, for the change of the oldest shown
        with self._ctx.database.read() as session:
            rows = list(session.execute(stmt))[::-1]
        points: list[ScorePoint] = []
        previous: int | None = None
        for computed_on, score, version, factors_json in rows:
            points.append(
                ScorePoint(
                    computed_on,
                    score,
                    version,
                    _factors_of(factors_json),
                    None if previous is None else score - previous,
                )
            )
            previous = score
        if limit is not None:
            points = points[-limit:] if limit > 0 else []
        return points


def top_factors(result: ScoreResult, count: int = TOP_FACTORS) -> dict[str, int]:
    """The reasons a history point keeps: points per factor code (the sources of external
    ratings added up), the `count` largest effects first, zeros left out."""
    by_code: dict[str, int] = {}
    for factor in result.factors:
        by_code[factor.code] = by_code.get(factor.code, 0) + factor.points
    moving = sorted(((c, p) for c, p in by_code.items() if p), key=lambda cp: -abs(cp[1]))
    return dict(moving[:count])


def _factors_of(text: str) -> dict[str, int]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _store(session: Session, results: Sequence[ScoreResult], as_of: date) -> int:
    """Write the scores of at most `_CHUNK` customers and their history points of `as_of`
    (see ScoreService.refresh); returns how many points were added or changed."""
    if not results:
        return 0
    connection = session.connection()
    ids = [r.customer_id for r in results]
    stored_on: dict[int, date | None] = {
        cid: on
        for cid, on in connection.execute(
            select(Customer.id, Customer.score_on).where(Customer.id.in_(ids))
        )
    }
    # Never go back in time: a score computed for a later day stays.
    results = [
        r
        for r in results
        if stored_on.get(r.customer_id) is None or stored_on[r.customer_id] <= as_of
    ]
    if not results:
        return 0
    ids = [r.customer_id for r in results]
    # The last point before `as_of` of each customer, and the point of `as_of` if any.
    last_day = (
        select(ScoreHistory.customer_id, func.max(ScoreHistory.computed_on).label("day"))
        .where(ScoreHistory.customer_id.in_(ids), ScoreHistory.computed_on < as_of)
        .group_by(ScoreHistory.customer_id)
        .subquery()
    )
    before: dict[int, tuple[int, str]] = {}
    for cid, score, version in connection.execute(
        select(ScoreHistory.customer_id, ScoreHistory.score, ScoreHistory.rules_version)
        .join(
            last_day,
            and_(
                last_day.c.customer_id == ScoreHistory.customer_id,
                last_day.c.day == ScoreHistory.computed_on,
            ),
        )
        .order_by(ScoreHistory.id)
    ):
        before[cid] = (score, version)  # the latest id wins if a day has two points
    today: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for point_id, cid, score, version, factors in connection.execute(
        select(
            ScoreHistory.id,
            ScoreHistory.customer_id,
            ScoreHistory.score,
            ScoreHistory.rules_version,
            ScoreHistory.top_factors_json,
        )
        .where(ScoreHistory.customer_id.in_(ids), ScoreHistory.computed_on == as_of)
        .order_by(ScoreHistory.id)
    ):
        today[cid].append((point_id, score, version, factors))

    customers = Customer.__table__
    connection.execute(
        update(customers)
        .where(customers.c.id == bindparam("b_id"))
        .values(
            score=bindparam("b_score"),
            score_rules_version=bindparam("b_version"),
            score_on=bindparam("b_on"),
        ),
        [
            {"b_id": r.customer_id, "b_score": r.score, "b_version": r.rules_version, "b_on": as_of}
            for r in results
        ],
    )
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    removed: list[int] = []
    for r in results:
        existing = today.get(r.customer_id, [])
        if before.get(r.customer_id) == (r.score, r.rules_version):
            removed.extend(p[0] for p in existing)  # back to the last point: nothing new
            continue
        values = {
            "score": r.score,
            "rules_version": r.rules_version,
            "top_factors_json": json.dumps(top_factors(r), separators=(",", ":")),
        }
        if existing:
            *extra, (point_id, score, version, factors) = existing
            removed.extend(p[0] for p in extra)
            if (score, version, factors) != tuple(values.values()):
                updates.append(
                    {
                        "b_id": point_id,
                        "b_score": values["score"],
                        "b_version": values["rules_version"],
                        "b_factors": values["top_factors_json"],
                    }
                )
        else:
            inserts.append({"customer_id": r.customer_id, "computed_on": as_of, **values})
    history = ScoreHistory.__table__
    if removed:
        connection.execute(delete(history).where(history.c.id.in_(removed)))
    if updates:
        connection.execute(
            update(history)
            .where(history.c.id == bindparam("b_id"))
            .values(
                score=bindparam("b_score"),
                rules_version=bindparam("b_version"),
                top_factors_json=bindparam("b_factors"),
            ),
            updates,
        )
    if inserts:
        connection.execute(insert(history), inserts)
    return len(inserts) + len(updates)


def _gather(session: Session, ids: Sequence[int] | None, as_of: date) -> list[ScoreInputs]:
    """What the rules need for the customers `ids` (None: every customer) on `as_of`.

    Core statements on the session's connection: with tens of thousands of settled
    invoices the ORM's row handling costs more than the queries. With `ids` None each
    table is read once rather than through one IN list per batch.
    """
    connection = session.connection()
    customers = connection.execute(
        select(Customer.id, Customer.status, Customer.insolvency_opened_on).where(
            _among(Customer.id, ids)
        )
    ).all()
    if not customers:
        return []

    settled: dict[int, list[SettledInvoice]] = defaultdict(list)
    for cid, total, due_on, settled_on in connection.execute(
        select(Document.customer_id, Document.total_cents, Document.due_on, Document.settled_on)
        .where(
            _among(Document.customer_id, ids),
            Document.kind == DocumentKind.INVOICE.value,
            Document.settled_on.is_not(None),
            Document.settled_on > as_of - timedelta(days=PAYMENT_WINDOW_DAYS),
            Document.settled_on <= as_of,
        )
        .order_by(Document.id)
    ).all():  # fetched at once: row by row costs twice as much on a whole file
        settled[cid].append(SettledInvoice(total, due_on, settled_on))

    # For the whole file, group on an expression: SQLite then reads the table once and
    # sorts, instead of walking the customer index and fetching each row (5x slower).
    owner = (Document.customer_id if ids is not None else Document.customer_id + 0).label("owner")
    balances = {
        cid: (int(total), int(overdue))
        for cid, total, overdue in connection.execute(
            select(
                owner,
                func.coalesce(func.sum(_AMOUNT_ON_DATE), 0),
                func.coalesce(
                    func.sum(case((Document.due_on < as_of, _AMOUNT_ON_DATE), else_=0)), 0
                ),
            )
            .where(_among(Document.customer_id, ids), _open_on(as_of))
            .group_by(owner)
        )
    }

    # Disputes open now; the disputed amount is the sum of their lines.
    active = [s.value for s in ACTIVE_STATUSES]
    disputes = {
        cid: (int(count), int(cents))
        for cid, count, cents in connection.execute(
            select(
                Dispute.customer_id,
                func.count(func.distinct(Dispute.id)),
                func.coalesce(func.sum(DisputeItem.disputed_cents), 0),
            )
            .outerjoin(DisputeItem, DisputeItem.dispute_id == Dispute.id)
            .where(
                _among(Dispute.customer_id, ids),
                Dispute.status.in_(active),
                Dispute.reported_on <= as_of,
            )
            .group_by(Dispute.customer_id)
        )
    }

    ratings: dict[int, list[RatingInput]] = defaultdict(list)
    for cid, source, value, rated_on in connection.execute(
        select(
            ExternalRating.customer_id,
            ExternalRating.source,
            ExternalRating.value,
            ExternalRating.rated_on,
        )
        .where(
            _among(ExternalRating.customer_id, ids),
            ExternalRating.rated_on <= as_of,
            ExternalRating.rated_on >= as_of - timedelta(days=RATING_MAX_AGE_DAYS),
        )
        .order_by(ExternalRating.id)
    ):
        ratings[cid].append(RatingInput(_source(source), value, rated_on))

    observations: dict[int, list[ObservationInput]] = defaultdict(list)
    for cid, visit_date, assessment in connection.execute(
        select(VisitReport.customer_id, VisitReport.visit_date, VisitObservation.assessment)
        .join(VisitObservation, VisitObservation.visit_report_id == VisitReport.id)
        .where(
            _among(VisitReport.customer_id, ids),
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
