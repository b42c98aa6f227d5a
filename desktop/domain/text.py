"""Text folding for search: what the user types matches what is stored."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Word processors and web pages turn "L'Épi" into "L’Épi": both must match either.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold(text: str | None) -> str:
    """Lower-case, strip accents and collapse spaces: 'Élodie  Dupré' -> 'elodie dupre'.

    Used both on stored search keys and on what is typed, so the comparison in SQL is a
    plain LIKE that any database runs identically.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Ligatures that NFKD keeps as one letter in French names.
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    return _SPACES.sub(" ", stripped.casefold().translate(_APOSTROPHES)).strip()


def search_key(*parts: str | None) -> str:
    """One folded string holding every searchable part, separated so words never merge."""
    return " | ".join(fold(p) for p in parts if p)


def digits_only(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
