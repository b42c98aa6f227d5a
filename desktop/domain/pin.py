"""The optional PIN a person types when picking their profile at start.

A PIN keeps colleagues from working under each other's name by mistake; it is not a
password guarding secrets (the data file itself is readable by whoever can open it). Only a
salted PBKDF2 hash is stored, so reading the file does not reveal the PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
ALGORITHM = "pbkdf2_sha256"
# Enough to make guessing every 4-digit PIN from a stolen file take a while, while the
# check at start stays well under a tenth of a second.
ITERATIONS = 120_000


def is_valid_pin(pin: str) -> bool:
    """A PIN is 4 to 8 digits (ASCII digits only: what every keypad types)."""
    return PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS and all(c in "0123456789" for c in pin)


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The stored form of `pin`: `pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one hashed in `stored`; an empty or unreadable hash never matches."""
    try:
        algorithm, iterations, salt_hex, digest_hex = stored.split("$")
        if algorithm != ALGORITHM or not is_valid_pin(pin):
            return False
        expected = bytes.fromhex(digest_hex)
        digest = hashlib.pbkdf2_hmac(
            "sha256", pin.encode("ascii"), bytes.fromhex(salt_hex), int(iterations)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected)
