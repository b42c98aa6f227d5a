"""Checks of company and bank identifiers, delegated to python-stdnum.

Each function takes what the user typed and returns the compact form, or raises
`ValidationError` with a precise code so the form can say what is wrong.
"""

from __future__ import annotations

from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

from desktop.domain.errors import ErrorCode, FieldError, ValidationError


def _fail(field: str, code: ErrorCode) -> ValidationError:
    return ValidationError([FieldError(field, code)])


def clean_siren(value: str, field: str = "siren") -> str:
    """Return the 9-digit SIREN, Luhn-checked."""
    try:
        return fr_siren.validate(value)
    except StdnumError as exc:
        raise _fail(field, ErrorCode.INVALID_SIREN) from exc


def clean_siret(value: str, field: str = "siret") -> str:
    """Return the 14-digit SIRET (La Poste's exception is handled by stdnum)."""
    try:
        return fr_siret.validate(value)
    except StdnumError as exc:
        raise _fail(field, ErrorCode.INVALID_SIRET) from exc


def clean_be_enterprise_number(value: str, field: str = "enterprise_number") -> str:
    """Return the 10-digit Belgian enterprise number (BCE/KBO), mod-97 checked."""
    try:
        compact = be_vat.validate(value)
    except StdnumError as exc:
        raise _fail(field, ErrorCode.INVALID_BE_ENTERPRISE) from exc
    return compact


def format_be_enterprise_number(compact: str) -> str:
    """0403.170.701 — the way the Crossroads Bank for Enterprises prints it."""
    return f"{compact[:4]}.{compact[4:7]}.{compact[7:]}"


def clean_vat_number(value: str, field: str = "vat_number") -> str:
    """Return an EU VAT number in compact form (FR…, BE…, or another member state)."""
    compact = "".join(value.split()).upper()
    try:
        # compact() itself refuses a number whose country prefix it does not know.
        compact = eu_vat.compact(value)
        if compact.startswith("FR"):
            return "FR" + fr_tva.validate(compact[2:])
        if compact.startswith("BE"):
            return "BE" + be_vat.validate(compact[2:])
        return eu_vat.validate(compact)
    except StdnumError as exc:
        code = {
            "FR": ErrorCode.INVALID_VAT_FR,
            "BE": ErrorCode.INVALID_VAT_BE,
        }.get(compact[:2], ErrorCode.INVALID_VAT)
        raise _fail(field, code) from exc


def french_vat_from_siren(siren: str) -> str:
    """FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97."""
    # stdnum 2.x returns the key and SIREN without the "FR" prefix, 1.x with it.
    return "FR" + fr_siren.to_tva(siren).replace(" ", "").removeprefix("FR")


def clean_iban(value: str, field: str = "iban") -> str:
    try:
        return std_iban.validate(value)
    except StdnumError as exc:
        raise _fail(field, ErrorCode.INVALID_IBAN) from exc


def format_iban(compact: str) -> str:
    return std_iban.format(compact)


def clean_bic(value: str, field: str = "bic") -> str:
    try:
        return std_bic.validate(value)
    except StdnumError as exc:
        raise _fail(field, ErrorCode.INVALID_BIC) from exc


def siren_of_siret(siret: str) -> str:
    return siret[:9]
