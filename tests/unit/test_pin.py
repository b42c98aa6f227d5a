"""The optional PIN: only a salted hash is kept, and it matches only its own PIN."""

from __future__ import annotations

import pytest

from desktop.domain.pin import hash_pin, is_valid_pin, pin_matches


@pytest.mark.parametrize("pin", ["0000", "1234", "98765432"])
def test_four_to_eight_digits_are_valid(pin: str) -> None:
    assert is_valid_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", "١٢٣٤", "-123"])
def test_anything_else_is_refused(pin: str) -> None:
    assert not is_valid_pin(pin)


def test_the_hash_matches_its_pin_only() -> None:
    stored = hash_pin("2468", iterations=1_000)
    assert pin_matches("2468", stored)
    assert not pin_matches("2469", stored)
    assert not pin_matches("24680", stored)
    assert "2468" not in stored


def test_the_same_pin_hashes_differently_for_two_people() -> None:
    # A random salt each time: two colleagues with the same PIN cannot be spotted in the file.
    assert hash_pin("1111", iterations=1_000) != hash_pin("1111", iterations=1_000)


@pytest.mark.parametrize(
    "stored", ["", "garbage", "md5$1$00$00", "pbkdf2_sha256$x$00$00", "pbkdf2_sha256$10$zz$00"]
)
def test_an_empty_or_unreadable_hash_never_matches(stored: str) -> None:
    assert not pin_matches("1234", stored)
