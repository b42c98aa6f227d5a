"""Fuzzy matching of company names, identifiers and addresses (doubtful-prospect check)."""

from __future__ import annotations

import pytest

from desktop.domain.company_match import (
    QueryKind,
    address_score,
    like_fragments,
    name_score,
    name_tokens,
    normalise_name,
    parse_query,
    within_distance,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Établissements Dupont & Fils SARL", "dupont"),
        ("ETS DUPONT ET FILS", "dupont"),
        ("Boulangerie Pâtisserie L'Épi d'Or S.A.R.L.", "boulangerie patisserie epi or"),
        ("Boulangerie Pâtisserie L’Épi d’Or", "boulangerie patisserie epi or"),
        ("Brasserie de l'Abbaye & Fils SPRL", "brasserie abbaye"),
        ("Menuiserie Lefèvre-Guérin SAS", "menuiserie lefevre guerin"),
        ("Transports Chevalier Frères SASU", "transports chevalier"),
        ("SCI du Parc", "parc"),
        ("Œuvres d'Art Cœur de Loire EURL", "oeuvres art coeur loire"),
        ("SA", "sa"),  # only legal words: keep them rather than match everything
    ],
)
def test_normalise_name_ignores_accents_case_punctuation_and_legal_forms(
    raw: str, expected: str
) -> None:
    assert normalise_name(raw) == expected


def test_within_distance_is_levenshtein_bounded() -> None:
    assert within_distance("dupont", "dupond", 1)
    assert within_distance("dupont", "dupnt", 1)  # one letter missing
    assert within_distance("dupont", "duppont", 1)  # one letter too many
    assert not within_distance("dupont", "dupuis", 1)
    assert within_distance("quincaillerie", "quincailerie", 2)
    assert not within_distance("martin", "martine", 0)  # exact comparison for short limits


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Dupond", "Ets Dupont & Fils SARL"),  # one typo, legal words ignored
        ("dupont sas", "DUPONT SARL"),  # another legal form
        ("boulangerie epi dor", "Boulangerie L'Épi d'Or"),  # "d'Or" glued by the user
        ("Menuiserie Lefevre", "Menuiserie Lefèvre SAS"),  # accent missing
        ("Quincaillerie Guerrin", "Quincaillerie Guérin"),  # typo + accent
        ("Brasserie de l Abaye", "Brasserie de l'Abbaye & Fils SPRL"),  # double letter lost
    ],
)
def test_same_company_despite_typos_and_legal_forms(typed: str, stored: str) -> None:
    score = name_score(parse_query(typed).words, name_tokens(stored))
    assert score >= 0.85, (typed, stored, score)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Dupont", "Dupuis SARL"),
        ("Martin Plomberie", "Martin Électricité"),
        ("Garage Moreau", "Boucherie Moreau"),
        ("Leroy", "Roy"),  # short words are not stretched to fit
    ],
)
def test_different_companies_do_not_match(typed: str, stored: str) -> None:
    assert name_score(parse_query(typed).words, name_tokens(stored)) < 0.55


def test_part_of_a_name_is_a_weaker_match() -> None:
    partial = name_score(parse_query("Dupont").words, name_tokens("Dupont Bâtiment Rénovation"))
    full = name_score(
        parse_query("Dupont Batiment Renovation").words, name_tokens("Dupont Bâtiment Rénovation")
    )
    assert 0.55 <= partial < 0.85 <= full


def test_last_word_may_be_unfinished_while_typing() -> None:
    query = parse_query("Fromagerie Chev").words
    assert name_score(query, name_tokens("Fromagerie Chevalier"), typing=True) >= 0.55
    assert name_score(query, name_tokens("Fromagerie Chevalier"), typing=False) < 0.55


@pytest.mark.parametrize(
    ("typed", "kind", "siren", "siret"),
    [
        ("732829320", QueryKind.SIREN, "732829320", ""),
        ("732 829 320", QueryKind.SIREN, "732829320", ""),
        ("732 829 320 00074", QueryKind.SIREN, "732829320", "73282932000074"),
        ("73282932000074", QueryKind.SIREN, "732829320", "73282932000074"),
    ],
)
def test_siren_and_siret_are_recognised(
    typed: str, kind: QueryKind, siren: str, siret: str
) -> None:
    parsed = parse_query(typed)
    assert (parsed.kind, parsed.siren, parsed.siret) == (kind, siren, siret)


def test_belgian_enterprise_number_is_recognised() -> None:
    parsed = parse_query("0403.170.701")
    assert parsed.kind == QueryKind.BE_NUMBER
    assert parsed.be_number == "0403170701"


def test_address_queries() -> None:
    by_city = parse_query("42000 Saint-Étienne")
    assert by_city.kind == QueryKind.ADDRESS
    assert by_city.postal_code == "42000"
    assert by_city.words == ("saint", "etienne")
    by_street = parse_query("12 rue de l'Église")
    assert by_street.kind == QueryKind.ADDRESS
    assert by_street.postal_code == ""
    assert by_street.words == ("eglise",)
    brussels = parse_query("1000 Bruxelles")
    assert (brussels.kind, brussels.postal_code) == (QueryKind.ADDRESS, "1000")


def test_address_score_needs_the_postal_code_and_every_word() -> None:
    query = parse_query("42000 Saint Etienne")
    assert address_score(query, "42000", "12, rue de l'Église Saint-Étienne") == 1.0
    assert address_score(query, "42100", "12, rue de l'Église Saint-Étienne") == 0.0
    assert address_score(query, "42000", "3 place Bellecour Lyon") == 0.0
    street = parse_query("12 rue de l'Eglize")  # typo in the street
    assert address_score(street, "42000", "12, rue de l'Église, Saint-Étienne") == 1.0


def test_names_and_short_input() -> None:
    assert parse_query("  ").kind == QueryKind.EMPTY
    assert parse_query("é").kind == QueryKind.EMPTY
    assert parse_query("Société Générale d'Équipements").words == ("generale", "equipements")
    # A 7-digit number is neither an identifier nor a postal code: searched as a name.
    assert parse_query("1234567").kind == QueryKind.NAME


def test_like_fragments_survive_one_typo_or_accent() -> None:
    assert like_fragments("dupont") == ("dup", "ont")
    # "eglise" typed, "Église" stored: the second half still matches the raw column.
    assert any(f in "Église".lower() for f in like_fragments("eglise"))
    assert like_fragments("sa") == ("sa",)
