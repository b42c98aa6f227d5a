"""How a solvency score looks wherever it is shown (customer page, customer list): the
colour of its band, so a 35 is the same red everywhere."""

from __future__ import annotations

from desktop.domain.score import band_of

# Band (see domain.score.band_of) -> text colour, dark enough to read on white.
SCORE_COLORS = {"good": "#1e6b34", "watch": "#8a5a00", "risk": "#a1261f"}


def score_color(score: int) -> str:
    """The colour a score is written in: green when sound, amber to watch, red at risk."""
    return SCORE_COLORS[band_of(score)]
