"""Search folding: what the user types matches what is stored, accents or not."""

from __future__ import annotations

import pytest

from desktop.domain.text import digits_only, fold, search_key


@pytest.mark.parametrize(
    ("stored", "folded"),
    [
        ("Élodie  Dupré", "elodie dupre"),
        ("Boulangerie Pâtisserie L'Épi d'Or", "boulangerie patisserie l'epi d'or"),
        ("SAINT-ÉTIENNE", "saint-etienne"),
        ("Ça  va\t bien\n", "ca va bien"),
        ("Œuvres Sociales de l'Hôpital", "oeuvres sociales de l'hopital"),
        ("ŒNOLOGIE", "oenologie"),
        ("Lætitia Cæsar", "laetitia caesar"),
        ("ÆGIDE", "aegide"),
        ("Straße", "strasse"),
        ("ﬁnance", "finance"),  # typographic fi ligature
        ("Dupont & Fils <SARL>", "dupont & fils <sarl>"),
        ("  Garçon  ", "garcon"),
    ],
)
def test_fold_strips_accents_case_ligatures_and_extra_spaces(stored: str, folded: str) -> None:
    assert fold(stored) == folded


def test_typographic_apostrophe_folds_like_the_typed_one() -> None:
    assert fold("L’Épi d’Or") == fold("L'Épi d'Or") == "l'epi d'or"


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_fold_of_nothing_is_empty(empty: str | None) -> None:
    assert fold(empty) == ""


def test_fold_is_idempotent() -> None:
    name = "Société Générale d'Équipements Industriels du Sud-Ouest — Œuvre & Cie"
    assert fold(fold(name)) == fold(name)


def test_search_key_keeps_parts_apart_and_skips_empty_ones() -> None:
    key = search_key("L'Épi d'Or", None, "", "732829320", "Saint-Étienne")
    assert key == "l'epi d'or | 732829320 | saint-etienne"
    # Parts never merge into a word that nobody typed.
    assert "or732829320" not in key
    assert "or 732829320" not in key


def test_search_key_contains_every_typed_variant() -> None:
    key = search_key("Boulangerie Pâtisserie L'Épi d'Or", "Le Fournil", "Saint-Étienne")
    for typed in ("epi d'or", "EPI D'OR", "pâtisserie", "ETIENNE", "fournil"):
        assert fold(typed) in key


def test_digits_only() -> None:
    assert digits_only("0403.170.701") == "0403170701"
    assert digits_only("732 829 320") == "732829320"
    assert digits_only("Boulangerie") == ""
