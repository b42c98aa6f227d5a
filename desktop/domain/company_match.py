"""Matching company names, identifiers and addresses the way a salesperson types them.

"Ets Dupond & Fils SARL" must find "DUPONT SAS": accents, case, punctuation and the words
that only say what kind of company it is are ignored, and a small typo is forgiven. Pure
functions: the service pre-filters in SQL with `sql_fragments` and scores here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from desktop.domain.text import digits_only, fold

# Words that say what kind of company it is, not which one (France, Belgium, the
# Netherlands), plus the family-business fillers. Folded, without dots.
LEGAL_FORM_WORDS = frozenset(
    {
        "sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "scs", "sca", "scop", "scic",
        "selarl", "selas", "sel", "gie", "ei", "eirl", "sc", "scp", "scm", "ste", "societe",
        "sprl", "sprlu", "srl", "bv", "bvba", "nv", "asbl", "vzw", "scrl", "cvba",
        "ets", "etablissements", "etablissement", "etabl", "fils", "freres", "cie",
        "compagnie", "associes", "groupe",
    }
)  # fmt: skip
# Little words that carry no identity ("de", "L'" …).
STOP_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "the", "and"}
)
# Street-type words: they start an address and weigh nothing when comparing streets.
STREET_WORDS = frozenset(
    {
        "rue", "avenue", "av", "ave", "boulevard", "bd", "bld", "chemin", "ch", "place", "pl",
        "allee", "impasse", "imp", "route", "rte", "quai", "cours", "square", "passage",
        "chaussee", "zi", "za", "zac", "lieu", "dit", "lotissement", "residence", "bis", "ter",
    }
)  # fmt: skip

_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")  # "s.a.r.l." -> "sarl"
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_POSTAL_CODE = re.compile(r"^\d{4,5}$")
_MIN_QUERY = 2


class QueryKind(StrEnum):
    EMPTY = "empty"
    SIREN = "siren"  # 9 digits (or a SIRET: 14 digits, whose first 9 are the SIREN)
    BE_NUMBER = "be_number"  # Belgian enterprise number, 10 digits
    ADDRESS = "address"  # a postal code, or a street number followed by a street word
    NAME = "name"


@dataclass(frozen=True)
class ParsedQuery:
    """What the user typed, understood: an identifier, an address or a name."""

    kind: QueryKind
    text: str
    siren: str = ""  # for SIREN: the 9 digits (a SIRET's first 9)
    siret: str = ""  # the 14 digits when a SIRET was typed
    be_number: str = ""
    postal_code: str = ""
    words: tuple[str, ...] = ()  # significant folded words (name, or city/street)


def words(text: str | None) -> list[str]:
    """Folded words without punctuation: "L'Épi d'Or, S.A.R.L." -> [l, epi, d, or, sarl]."""
    folded = fold(text).replace("&", " et ")
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", folded)
    return [w for w in _NOT_WORD.split(folded) if w]


def name_tokens(name: str | None) -> tuple[str, ...]:
    """The words that identify a company: legal forms, "Ets", "& Fils" and little words out.

    A name made only of such words ("SCI du Parc" keeps "parc"; "SA" alone) keeps what it
    has rather than becoming empty, so it still matches itself.
    """
    all_words = words(name)
    kept = [w for w in all_words if w not in LEGAL_FORM_WORDS and w not in STOP_WORDS]
    if kept:
        return tuple(kept)
    return tuple(w for w in all_words if w not in STOP_WORDS) or tuple(all_words)


def normalise_name(name: str | None) -> str:
    """One comparable string: "Établissements Dupont & Fils SARL" -> "dupont"."""
    return " ".join(name_tokens(name))


def typo_tolerance(word: str) -> int:
    """How many edits a word of this length may carry and still be the same word."""
    if len(word) <= 3:
        return 0
    if len(word) <= 7:
        return 1
    return 2


def within_distance(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most `limit`, with an early stop."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    if limit == 0:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def words_match(typed: str, stored: str, *, prefix: bool = False) -> bool:
    """Same word but for a small typo; with `prefix`, `typed` may be the start of `stored`
    (the word still being typed)."""
    limit = min(typo_tolerance(typed), typo_tolerance(stored))
    if within_distance(typed, stored, limit):
        return True
    if prefix and len(typed) >= 3 and len(stored) > len(typed):
        return within_distance(typed, stored[: len(typed)], typo_tolerance(typed))
    return False


def name_score(
    query: tuple[str, ...], candidate: tuple[str, ...], *, typing: bool = False
) -> float:
    """How well a typed name matches a stored one, 0 (unrelated) to 1 (same name).

    1.0 when every word matches exactly; a little less for typos; about 0.6–0.8 when the
    typed words are only part of the stored name ("Dupont" for "Dupont Bâtiment"); 0 when
    a typed word is found nowhere. With `typing`, the last word may be unfinished.
    """
    if not query or not candidate:
        return 0.0
    unused = list(candidate)
    exact = 0
    for index, word in enumerate(query):
        is_last = typing and index == len(query) - 1
        hit = next((c for c in unused if c == word), None)
        if hit is not None:
            exact += 1
        else:
            hit = next((c for c in unused if words_match(word, c, prefix=is_last)), None)
        if hit is None:
            return _glued_score(query, candidate)
        unused.remove(hit)
    typos = len(query) - exact
    if not unused:
        return 1.0 - 0.05 * typos
    covered = len(query) / len(candidate)
    return max(0.55 + 0.3 * covered - 0.05 * typos, _glued_score(query, candidate))


def _glued_score(query: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    # "Dupontfils" for "Dupont Fils", "Leroy Merlin" for "Leroymerlin": compare without
    # spaces; only a very close overall resemblance counts.
    a, b = "".join(query), "".join(candidate)
    if len(a) < 5:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    return ratio * 0.95 if ratio >= 0.9 else 0.0


def parse_query(text: str) -> ParsedQuery:
    """Tell a SIREN/SIRET, a Belgian enterprise number, an address or a name apart.

    Digits with spaces or dots count as an identifier when nothing else is typed:
    "732 829 320" is a SIREN, "732 829 320 00074" a SIRET (searched by its SIREN),
    "0403.170.701" a Belgian number. A 4–5 digit postal code or "12 rue …" is an address.
    """
    stripped = text.strip()
    if len(fold(stripped)) < _MIN_QUERY:
        return ParsedQuery(QueryKind.EMPTY, stripped)
    compact = re.sub(r"[\s.\-/]", "", stripped)
    if compact.isdigit():
        if len(compact) == 9:
            return ParsedQuery(QueryKind.SIREN, stripped, siren=compact)
        if len(compact) == 14:
            return ParsedQuery(QueryKind.SIREN, stripped, siren=compact[:9], siret=compact)
        if len(compact) == 10:
            return ParsedQuery(QueryKind.BE_NUMBER, stripped, be_number=compact)
    all_words = words(stripped)
    postal = next((w for w in all_words if _POSTAL_CODE.match(w)), "")
    # "12 rue de la Paix": a street number first, then a street word.
    street = (
        len(all_words) >= 2
        and digits_only(all_words[0]) == all_words[0]
        and any(w in STREET_WORDS for w in all_words[1:3])
    )
    if postal or street:
        significant = tuple(
            w
            for w in all_words
            if w != postal and not w.isdigit() and w not in STOP_WORDS and w not in STREET_WORDS
        )
        return ParsedQuery(QueryKind.ADDRESS, stripped, postal_code=postal, words=significant)
    return ParsedQuery(QueryKind.NAME, stripped, words=name_tokens(stripped))


def address_score(query: ParsedQuery, postal_code: str, address_text: str) -> float:
    """How well a stored address (postal code + street and city text) answers the query.

    The postal code must be equal when one was typed; each other typed word must be found
    (typos forgiven) in the street or the city. 1.0 when all match, 0 otherwise.
    """
    if query.postal_code and digits_only(postal_code) != query.postal_code:
        return 0.0
    stored = [w for w in words(address_text) if w not in STOP_WORDS]
    for word in query.words:
        if not any(words_match(word, s, prefix=True) for s in stored):
            return 0.0
    if not query.words and not query.postal_code:
        return 0.0
    return 1.0 if query.words else 0.7


def like_fragments(word: str) -> tuple[str, ...]:
    """Pieces of a typed word of which at least one survives a single typo or accent.

    A word with one wrong letter still has an intact first or second half, so
    `LIKE '%half%'` on either keeps it among the candidates the SQL pre-filter returns;
    the exact comparison is then made in Python.
    """
    if len(word) <= 3:
        return (word,)
    middle = len(word) // 2
    return (word[:middle], word[middle:])
