"""Money as an integer number of cents; Decimal only when parsing or printing."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from desktop.domain.errors import ErrorCode, FieldError, ValidationError

_NBSP = "\u00a0"
_NNBSP = "\u202f"
# What is left once spaces and the currency are gone and the decimal separator is a dot.
# Decimal() alone would also take "1e3", "1_000", "NaN" or numbers too big to quantize.
_NUMBER = re.compile(r"[+-]?(\d{1,15}(\.\d*)?|\.\d+)")


def parse_cents(text: str, field: str = "amount") -> int:
    """'1 234,56 €', '1234.56', '-12' -> cents. Raises ValidationError on anything else."""
    cleaned = (
        text.strip()
        .replace("€", "")
        .replace("EUR", "")
        .replace(" ", "")
        .replace(_NBSP, "")
        .replace(_NNBSP, "")
    )
    if not cleaned:
        raise ValidationError([FieldError(field, ErrorCode.REQUIRED)])
    if "," in cleaned and "." in cleaned:
        # Whichever separator comes last is the decimal one: 1.234,56 or 1,234.56.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError([FieldError(field, ErrorCode.INVALID_AMOUNT)])
    # One exact rounding of the typed value to the cent, then an exact shift.
    value = Decimal(cleaned).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(value.scaleb(2))


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def format_cents(cents: int, *, lang: str = "fr", symbol: bool = True) -> str:
    """1234567 -> '12 345,67 €' (fr, narrow no-break space) or '€12,345.67' (en)."""
    negative = cents < 0
    units, rest = divmod(abs(cents), 100)
    grouped = f"{units:,}"
    if lang == "fr":
        body = grouped.replace(",", _NNBSP) + f",{rest:02d}"
        text = f"{body}{_NBSP}€" if symbol else body
    else:
        body = f"{grouped}.{rest:02d}"
        text = f"€{body}" if symbol else body
    return f"-{text}" if negative else text
