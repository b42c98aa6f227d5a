"""The solvency score: 0 to 100 per customer, with what each factor contributed.

Pure rules on plain data (the service gathers it). The rules are versioned
(`RULES_VERSION`): change a weight, change the version, so a score read next to its
rules stays explainable. Each factor gives whole points and a neutral `code` with its
figures; the UI and the documents turn them into sentences.

How it adds up: start at `BASE` (a customer we know nothing about is neither good nor
bad), add every factor's points, clamp to 0–100. Insolvency proceedings give 0 whatever
the rest says (a last factor takes away what is left, so the points still add up).

External ratings come on different scales; each is brought to a quality between 0
(failing) and 1 (best) — see `rating_quality` — and only the latest rating of each source
counts. Old ratings and old visit observations fade with a half-life.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from desktop.domain.enums import Assessment, RatingSource

__all__ = [
    "BASE",
    "RULES_VERSION",
    "ObservationInput",
    "RatingInput",
    "ScoreFactor",
    "ScoreInputs",
    "ScoreResult",
    "SettledInvoice",
    "band_of",
    "compute_score",
    "rating_quality",
    "rules_text",
]

RULES_VERSION = "2026.1"

BASE = 70
MIN_SCORE, MAX_SCORE = 0, 100

# Payment behaviour, over the settled invoices of the last 12 months.
PAYMENT_WINDOW_DAYS = 365
PUNCTUAL_BONUS = 10  # points for paying on the due date on average
POINTS_PER_DAY_LATE = 0.5  # lost per day of average lateness (20 days late: 0 point)
LATENESS_FLOOR = -30
# Share of the outstanding that is overdue: up to this many points lost (100 % overdue).
OVERDUE_SHARE_MAX = 20

# Open disputes: a dispute is a sign of a strained relationship, not of insolvency.
DISPUTE_POINTS = -5
DISPUTE_FLOOR = -15

# External ratings: quality 0.5 is neutral; 1 gives +RATING_SPAN/2, 0 gives -RATING_SPAN/2
# (divided among the sources rated), weighted by age.
RATING_SPAN = 40
RATING_HALF_LIFE_DAYS = 365
RATING_MAX_AGE_DAYS = 3 * 365  # older ratings are ignored

# Visit observations: worrying ones weigh twice as much as reassuring ones.
WORRYING_POINTS = -6
REASSURING_POINTS = 3
VISIT_HALF_LIFE_DAYS = 180
VISIT_MAX_AGE_DAYS = 2 * 365
VISIT_FLOOR, VISIT_CEILING = -20, 10

# Bands for colours: at or above GOOD is sound, below RISK needs care.
GOOD_FROM = 70
RISK_BELOW = 40

# Banque de France "cotation de crédit" (the figure after the activity letter).
_BDF_QUALITY = {
    "3++": 1.0,
    "3+": 0.95,
    "3": 0.9,
    "4+": 0.8,
    "4": 0.7,
    "5+": 0.6,
    "5": 0.5,
    "6": 0.35,
    "7": 0.25,
    "8": 0.1,
    "9": 0.05,
    "P": 0.0,
    "0": 0.6,  # no adverse information
}
# Letter grades (Creditsafe international score, most others): A best … E failing.
_LETTER_QUALITY = {"A": 0.9, "B": 0.7, "C": 0.45, "D": 0.2, "E": 0.0}
# Default numeric scales per source, when the value does not say "n/scale".
_NUMERIC_SCALE = {
    RatingSource.COFACE: 10,  # DRA 0 (failing) … 10 (best)
    RatingSource.CREDITSAFE: 100,  # 0 … 100
    RatingSource.ELLISPHERE: 10,
    RatingSource.GRAYDON: 100,
    RatingSource.OTHER: 100,
}
_BDF_PATTERN = re.compile(r"^[A-HJ-NX]?\s*(3\+\+|[345]\+|[0-9]|P)$")
_FRACTION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*(\d+)$")


class SettledInvoice(NamedTuple):
    # A named tuple, not a dataclass: a refresh of every customer builds tens of
    # thousands of them, and a tuple costs a third of the time to make and to read.
    total_cents: int
    due_on: date
    settled_on: date


@dataclass(frozen=True)
class RatingInput:
    source: RatingSource
    value: str
    rated_on: date


@dataclass(frozen=True)
class ObservationInput:
    visit_date: date
    assessment: Assessment


@dataclass(frozen=True)
class ScoreInputs:
    """What the rules look at for one customer on a date."""

    customer_id: int
    insolvency: bool = False
    settled: Sequence[SettledInvoice] = ()
    open_cents: int = 0  # what the customer owes (credits deducted)
    overdue_cents: int = 0  # of which past its due date
    open_disputes: int = 0
    disputed_cents: int = 0
    ratings: Sequence[RatingInput] = ()
    observations: Sequence[ObservationInput] = ()


@dataclass(frozen=True)
class ScoreFactor:
    """One line of the explanation: `code` says what, `figures` hold the numbers."""

    code: str
    points: int
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreResult:
    customer_id: int
    as_of: date
    score: int
    base: int
    factors: tuple[ScoreFactor, ...]
    rules_version: str = RULES_VERSION

    @property
    def band(self) -> str:
        return band_of(self.score)

    def top_reasons(self, count: int = 3) -> tuple[ScoreFactor, ...]:
        """The factors that moved the score most, largest effect first (zero left out)."""
        moving = [f for f in self.factors if f.points]
        return tuple(sorted(moving, key=lambda f: -abs(f.points))[:count])


def band_of(score: int) -> str:
    """'good', 'watch' or 'risk': the colour the score is shown in."""
    if score >= GOOD_FROM:
        return "good"
    if score < RISK_BELOW:
        return "risk"
    return "watch"


def compute_score(inputs: ScoreInputs, as_of: date) -> ScoreResult:
    """The score of one customer on `as_of` with every factor's contribution."""
    candidates = [
        _lateness(inputs.settled, as_of),
        _overdue_share(inputs.open_cents, inputs.overdue_cents),
        _disputes(inputs.open_disputes, inputs.disputed_cents),
        *_ratings(inputs.ratings, as_of),
        _visits(inputs.observations, as_of),
    ]
    factors = [f for f in candidates if f is not None]
    score = _clamp(BASE + sum(f.points for f in factors))
    if inputs.insolvency:
        factors.append(ScoreFactor("insolvency", -score))
        score = 0
    return ScoreResult(inputs.customer_id, as_of, score, BASE, tuple(factors))


def _clamp(value: int) -> int:
    return max(MIN_SCORE, min(MAX_SCORE, value))


def _decay(age_days: int, half_life: int) -> float:
    return 0.5 ** (max(age_days, 0) / half_life)


def _lateness(settled: Iterable[SettledInvoice], as_of: date) -> ScoreFactor | None:
    start = as_of - timedelta(days=PAYMENT_WINDOW_DAYS)
    # One pass, no intermediate list: this runs for every customer of the file.
    count = weight = late = 0
    for total, due_on, settled_on in settled:
        if total > 0 and start < settled_on <= as_of:
            count += 1
            weight += total
            days = (settled_on - due_on).days
            if days > 0:
                late += total * days
    if not weight:
        return None
    average = late / weight
    points = max(LATENESS_FLOOR, round(PUNCTUAL_BONUS - average * POINTS_PER_DAY_LATE))
    return ScoreFactor(
        "payment_delay",
        points,
        {"average_days_late": round(average, 1), "invoices": count, "amount_cents": weight},
    )


def _overdue_share(open_cents: int, overdue_cents: int) -> ScoreFactor | None:
    if open_cents <= 0:
        return None
    share = min(max(overdue_cents, 0), open_cents) / open_cents
    return ScoreFactor(
        "overdue_share",
        -round(share * OVERDUE_SHARE_MAX),
        {
            "share_percent": round(share * 100),
            "overdue_cents": max(overdue_cents, 0),
            "open_cents": open_cents,
        },
    )


def _disputes(count: int, disputed_cents: int) -> ScoreFactor | None:
    if count <= 0:
        return None
    return ScoreFactor(
        "open_disputes",
        max(DISPUTE_FLOOR, DISPUTE_POINTS * count),
        {"count": count, "disputed_cents": disputed_cents},
    )


def rating_quality(source: RatingSource, value: str) -> float | None:
    """A rating brought to 0 (failing) … 1 (best); None when the value cannot be read.

    Banque de France: the credit grade 3++ … 9 and P (proceedings), an activity letter
    before it ignored; 0 (no adverse information) counts as slightly good. Coface DRA:
    0–10. Creditsafe: 0–100, or letters A (best) … E. Other sources: "n/scale" when the
    value says so, else letters A … E, else a number on the source's usual scale (0–10
    for Ellisphere, 0–100 for Graydon and others). Higher is always better.
    """
    text = value.strip().upper().replace(" ", "")
    if not text:
        return None
    if source is RatingSource.BANQUE_DE_FRANCE:
        match = _BDF_PATTERN.match(text)
        return _BDF_QUALITY.get(match.group(1)) if match else None
    fraction = _FRACTION.match(text)
    if fraction:
        number, scale = float(fraction.group(1).replace(",", ".")), int(fraction.group(2))
        return min(max(number / scale, 0.0), 1.0) if scale else None
    if text in _LETTER_QUALITY:
        return _LETTER_QUALITY[text]
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    scale = _NUMERIC_SCALE.get(source, 100)
    if number < 0 or number > scale:
        return None
    return number / scale


def _ratings(ratings: Iterable[RatingInput], as_of: date) -> list[ScoreFactor]:
    latest: dict[RatingSource, RatingInput] = {}
    for rating in ratings:
        if rating.rated_on > as_of or (as_of - rating.rated_on).days > RATING_MAX_AGE_DAYS:
            continue
        known = latest.get(rating.source)
        if known is None or rating.rated_on > known.rated_on:
            latest[rating.source] = rating
    readable = [
        (r, q) for r in latest.values() if (q := rating_quality(r.source, r.value)) is not None
    ]
    factors = []
    for rating, quality in sorted(readable, key=lambda pair: pair[0].source.value):
        age = (as_of - rating.rated_on).days
        weight = _decay(age, RATING_HALF_LIFE_DAYS)
        points = round((quality - 0.5) * RATING_SPAN * weight / len(readable))
        factors.append(
            ScoreFactor(
                "external_rating",
                points,
                {
                    "source": rating.source.value,
                    "value": rating.value,
                    "rated_on": rating.rated_on.isoformat(),
                    "age_days": age,
                    "quality_percent": round(quality * 100),
                    "weight_percent": round(weight * 100),
                },
            )
        )
    return factors


def _visits(observations: Iterable[ObservationInput], as_of: date) -> ScoreFactor | None:
    worrying = reassuring = 0
    total = 0.0
    latest: date | None = None
    for o in observations:
        age = (as_of - o.visit_date).days
        if age < 0 or age > VISIT_MAX_AGE_DAYS:
            continue
        if o.assessment is Assessment.WORRYING:
            worrying += 1
            total += WORRYING_POINTS * _decay(age, VISIT_HALF_LIFE_DAYS)
        elif o.assessment is Assessment.REASSURING:
            reassuring += 1
            total += REASSURING_POINTS * _decay(age, VISIT_HALF_LIFE_DAYS)
        else:
            continue
        latest = o.visit_date if latest is None or o.visit_date > latest else latest
    if latest is None:
        return None
    return ScoreFactor(
        "visit_observations",
        max(VISIT_FLOOR, min(VISIT_CEILING, round(total))),
        {"worrying": worrying, "reassuring": reassuring, "latest_visit": latest.isoformat()},
    )


def rules_text() -> str:
    """The rules of this version, in French, for the app to show as they are applied."""
    return "\n".join(
        [
            f"Score de solvabilité — règles version {RULES_VERSION}",
            "",
            f"Le score part de {BASE} sur 100, reçoit les points de chaque facteur et reste "
            f"entre {MIN_SCORE} et {MAX_SCORE}. À partir de {GOOD_FROM} : sain ; "
            f"sous {RISK_BELOW} : à risque.",
            "",
            "• Retard moyen de paiement (factures réglées sur les 12 derniers mois, pondéré "
            f"par les montants) : +{PUNCTUAL_BONUS} pour un paiement à l'échéance, "
            f"{POINTS_PER_DAY_LATE:g}".replace(".", ",")
            + f" point de moins par jour de retard, jusqu'à {LATENESS_FLOOR}.",
            f"• Part échue de l'encours : jusqu'à −{OVERDUE_SHARE_MAX} points si tout "
            "l'encours est échu.",
            f"• Litiges en cours : {DISPUTE_POINTS} par litige, jusqu'à {DISPUTE_FLOOR}.",
            "• Notations externes : la dernière note de chaque source, ramenée entre 0 "
            "(défaillance) et 1 (meilleure note) — Banque de France 3++ à 9 et P, Coface "
            "0 à 10, Creditsafe 0 à 100 ou A à E, autres « n/échelle » ; au mieux "
            f"+{RATING_SPAN // 2}, au pire −{RATING_SPAN // 2}, partagés entre les "
            f"sources. Une note perd la moitié de son poids tous les {RATING_HALF_LIFE_DAYS} "
            f"jours ; au-delà de {RATING_MAX_AGE_DAYS // 365} ans elle est ignorée.",
            "• Observations des rapports de visite : "
            f"{WORRYING_POINTS} par observation inquiétante, +{REASSURING_POINTS} par "
            f"observation rassurante ; leur poids diminue de moitié tous les "
            f"{VISIT_HALF_LIFE_DAYS} jours, ignorées après {VISIT_MAX_AGE_DAYS // 365} ans ; "
            f"total entre {VISIT_FLOOR} et +{VISIT_CEILING}.",
            "• Procédure collective : score 0.",
        ]
    )
