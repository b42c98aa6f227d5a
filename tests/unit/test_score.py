"""The solvency score rules (version 2026.1), factor by factor, at fixed dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.enums import Assessment, RatingSource
from desktop.domain.score import (
    BASE,
    RULES_VERSION,
    ObservationInput,
    RatingInput,
    ScoreInputs,
    SettledInvoice,
    band_of,
    compute_score,
    rating_quality,
    rules_text,
)

AS_OF = date(2026, 3, 16)


def score(**kw):  # type: ignore[no-untyped-def]
    return compute_score(ScoreInputs(customer_id=7, **kw), AS_OF)


def factor(result, code):  # type: ignore[no-untyped-def]
    return next(f for f in result.factors if f.code == code)


def test_nothing_known_gives_the_neutral_base() -> None:
    result = score()
    assert result.score == BASE == 70
    assert result.factors == ()
    assert result.rules_version == RULES_VERSION == "2026.1"
    assert result.band == "good"


def test_average_lateness_is_weighted_by_amount() -> None:
    # 9 000 € paid 40 days late, 1 000 € paid on time: (9000*40 + 0) / 10000 = 36 days.
    settled = (
        SettledInvoice(900_000, date(2025, 10, 1), date(2025, 11, 10)),
        SettledInvoice(100_000, date(2025, 12, 1), date(2025, 11, 25)),  # early counts as 0
    )
    f = factor(score(settled=settled), "payment_delay")
    assert f.figures["average_days_late"] == 36.0
    assert f.figures["invoices"] == 2
    assert f.figures["amount_cents"] == 1_000_000
    assert f.points == 10 - 18  # 0.5 point per day late after a 10-point bonus


def test_lateness_counts_only_the_last_twelve_months_and_has_a_floor() -> None:
    old = SettledInvoice(500_000, date(2024, 12, 1), date(2025, 3, 1))  # > 12 months ago
    very_late = SettledInvoice(200_000, date(2025, 6, 1), date(2025, 12, 1))  # 183 days
    result = score(settled=(old, very_late))
    f = factor(result, "payment_delay")
    assert f.figures["invoices"] == 1
    assert f.points == -30
    assert result.score == 40


def test_punctual_payer_gets_the_bonus() -> None:
    on_time = SettledInvoice(123_456, date(2026, 2, 28), date(2026, 2, 27))
    result = score(settled=(on_time,))
    assert factor(result, "payment_delay").points == 10
    assert result.score == 80


def test_share_of_the_outstanding_overdue() -> None:
    result = score(open_cents=400_000, overdue_cents=100_000)
    f = factor(result, "overdue_share")
    assert (f.points, f.figures["share_percent"]) == (-5, 25)
    all_late = factor(score(open_cents=400_000, overdue_cents=400_000), "overdue_share")
    assert all_late.points == -20
    # A customer in credit has no outstanding to judge.
    assert score(open_cents=-5_000, overdue_cents=0).factors == ()


def test_open_disputes_cost_points_up_to_a_floor() -> None:
    two = factor(score(open_disputes=2, disputed_cents=45_678), "open_disputes")
    assert (two.points, two.figures["count"], two.figures["disputed_cents"]) == (-10, 2, 45_678)
    assert factor(score(open_disputes=5), "open_disputes").points == -15


@pytest.mark.parametrize(
    ("source", "value", "quality"),
    [
        (RatingSource.BANQUE_DE_FRANCE, "3++", 1.0),
        (RatingSource.BANQUE_DE_FRANCE, "C4+", 0.8),  # activity letter ignored
        (RatingSource.BANQUE_DE_FRANCE, "8", 0.1),
        (RatingSource.BANQUE_DE_FRANCE, "P", 0.0),
        (RatingSource.COFACE, "7", 0.7),
        (RatingSource.CREDITSAFE, "85", 0.85),
        (RatingSource.CREDITSAFE, "b", 0.7),
        (RatingSource.ELLISPHERE, "6", 0.6),
        (RatingSource.GRAYDON, "15/20", 0.75),
        (RatingSource.OTHER, "3,5/10", 0.35),
        (RatingSource.BANQUE_DE_FRANCE, "excellent", None),
        (RatingSource.COFACE, "12", None),
        (RatingSource.OTHER, "", None),
    ],
)
def test_rating_scales_are_normalised(source: RatingSource, value: str, quality) -> None:  # type: ignore[no-untyped-def]
    assert rating_quality(source, value) == (
        pytest.approx(quality) if quality is not None else None
    )


def test_fresh_good_rating_adds_and_old_ratings_weigh_less() -> None:
    fresh = score(ratings=(RatingInput(RatingSource.COFACE, "10", AS_OF),))
    assert factor(fresh, "external_rating").points == 20
    year_old = score(ratings=(RatingInput(RatingSource.COFACE, "10", AS_OF - timedelta(365)),))
    f = factor(year_old, "external_rating")
    assert f.points == 10  # half its weight after one year
    assert f.figures["weight_percent"] == 50
    assert f.figures["age_days"] == 365
    ancient = score(ratings=(RatingInput(RatingSource.COFACE, "0", date(2022, 1, 1)),))
    assert ancient.factors == ()  # more than three years old: ignored


def test_only_the_latest_rating_of_a_source_counts_and_sources_share_the_span() -> None:
    ratings = (
        RatingInput(RatingSource.BANQUE_DE_FRANCE, "3++", date(2025, 1, 10)),
        RatingInput(RatingSource.BANQUE_DE_FRANCE, "8", AS_OF),  # newer: replaces 3++
        RatingInput(RatingSource.CREDITSAFE, "10", AS_OF),
        RatingInput(RatingSource.GRAYDON, "n.c.", AS_OF),  # unreadable: left out
    )
    result = score(ratings=ratings)
    lines = [f for f in result.factors if f.code == "external_rating"]
    assert [(f.figures["source"], f.figures["value"], f.points) for f in lines] == [
        ("banque_de_france", "8", -8),  # (0.1 - 0.5) * 40 / 2
        ("creditsafe", "10", -8),
    ]
    assert result.score == 54


def test_worrying_observations_weigh_more_and_fade() -> None:
    today = score(observations=(ObservationInput(AS_OF, Assessment.WORRYING),))
    assert factor(today, "visit_observations").points == -6
    reassuring = score(observations=(ObservationInput(AS_OF, Assessment.REASSURING),))
    assert factor(reassuring, "visit_observations").points == 3
    half_life = score(observations=(ObservationInput(AS_OF - timedelta(180), Assessment.WORRYING),))
    assert factor(half_life, "visit_observations").points == -3
    mixed = score(
        observations=(
            ObservationInput(date(2026, 3, 2), Assessment.WORRYING),
            ObservationInput(date(2026, 3, 2), Assessment.WORRYING),
            ObservationInput(date(2026, 3, 2), Assessment.REASSURING),
            ObservationInput(date(2026, 3, 2), Assessment.NEUTRAL),
            ObservationInput(date(2023, 3, 2), Assessment.WORRYING),  # too old
        )
    )
    f = factor(mixed, "visit_observations")
    assert f.figures == {"worrying": 2, "reassuring": 1, "latest_visit": "2026-03-02"}
    assert f.points == -9  # (-6 -6 +3) * 0.947 = -8.5


def test_insolvency_gives_zero_and_the_points_still_add_up() -> None:
    on_time = SettledInvoice(100_000, date(2026, 2, 1), date(2026, 2, 1))
    result = score(insolvency=True, settled=(on_time,))
    assert result.score == 0
    assert result.band == "risk"
    assert [f.code for f in result.factors] == ["payment_delay", "insolvency"]
    assert factor(result, "insolvency").points == -80
    assert result.base + sum(f.points for f in result.factors) == 0


def test_score_is_clamped_and_explained_by_its_top_reasons() -> None:
    result = score(
        settled=(SettledInvoice(100_000, date(2025, 6, 1), date(2025, 12, 1)),),
        open_cents=100_000,
        overdue_cents=100_000,
        open_disputes=3,
        ratings=(RatingInput(RatingSource.BANQUE_DE_FRANCE, "P", AS_OF),),
        observations=(ObservationInput(AS_OF, Assessment.WORRYING),),
    )
    assert result.score == 0  # 70 - 30 - 20 - 15 - 20 - 6 < 0
    assert [f.code for f in result.top_reasons(3)] == [
        "payment_delay",
        "overdue_share",
        "external_rating",
    ]


def test_bands() -> None:
    assert [band_of(s) for s in (100, 70, 69, 40, 39, 0)] == [
        "good", "good", "watch", "watch", "risk", "risk",
    ]  # fmt: skip


def test_rules_text_names_its_version_and_weights() -> None:
    text = rules_text()
    assert "version 2026.1" in text
    assert "part de 70" in text
    assert "180 jours" in text
    assert "Procédure collective : score 0" in text
