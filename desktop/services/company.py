"""The user's own company: the letterhead of every document."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import select

from desktop.domain import identifiers
from desktop.domain.enums import AuditAction, Country
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.persistence import audit
from desktop.persistence.models import CompanySettings
from desktop.services.context import ServiceContext


@dataclass(frozen=True)
class CompanyProfile:
    legal_name: str
    legal_form: str = ""
    country: Country = Country.FRANCE
    siren: str = ""
    enterprise_number: str = ""
    vat_number: str = ""
    address_line1: str = ""
    address_line2: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""
    bic: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    default_payment_terms_days: int = 30
    is_demo: bool = False


def validate_company(profile: CompanyProfile) -> CompanyProfile:
    """Identifiers in compact form, or every problem at once."""
    errors: list[FieldError] = []
    cleaned: dict[str, object] = {}
    if not profile.legal_name.strip():
        errors.append(FieldError("legal_name", ErrorCode.REQUIRED))
    checks = (
        ("siren", identifiers.clean_siren),
        ("enterprise_number", identifiers.clean_be_enterprise_number),
        ("vat_number", identifiers.clean_vat_number),
        ("iban", identifiers.clean_iban),
        ("bic", identifiers.clean_bic),
    )
    for name, cleaner in checks:
        value = str(getattr(profile, name)).strip()
        if not value:
            continue
        try:
            cleaned[name] = cleaner(value, name)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    text_fields = {
        f.name: str(getattr(profile, f.name)).strip()
        for f in fields(profile)
        if isinstance(getattr(profile, f.name), str)
        and not isinstance(getattr(profile, f.name), Country)
    }
    return replace(profile, **{**text_fields, **cleaned})  # type: ignore[arg-type]


class CompanyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get(self) -> CompanyProfile | None:
        """The company's details, or None when the file has none yet (first run)."""
        with self._ctx.database.read() as session:
            row = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            if row is None:
                return None
            return CompanyProfile(
                legal_name=row.legal_name,
                legal_form=row.legal_form,
                country=Country(row.country),
                siren=row.siren,
                enterprise_number=row.enterprise_number,
                vat_number=row.vat_number,
                address_line1=row.address_line1,
                address_line2=row.address_line2,
                postal_code=row.postal_code,
                city=row.city,
                phone=row.phone,
                email=row.email,
                iban=row.iban,
                bic=row.bic,
                signatory_name=row.signatory_name,
                signatory_title=row.signatory_title,
                default_payment_terms_days=row.default_payment_terms_days,
                is_demo=row.is_demo,
            )

    def save(self, profile: CompanyProfile) -> None:
        """Create or replace the company's details after checking identifiers and IBAN."""
        profile = validate_company(profile)
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            row = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            action = AuditAction.UPDATE
            if row is None:
                row = CompanySettings(created_at=now)
                session.add(row)
                action = AuditAction.CREATE
            # Before/after of each field for the audit trail (a new file: what was filled).
            before = {
                f.name: getattr(row, f.name, None) if action is AuditAction.UPDATE else None
                for f in fields(profile)
            }
            for f in fields(profile):
                value = getattr(profile, f.name)
                setattr(row, f.name, value.value if isinstance(value, Country) else value)
            row.updated_at = now
            session.flush()
            after = {f.name: getattr(row, f.name) for f in fields(profile)}
            changes = {
                k: v for k, v in audit.diff(before, after).items() if v[0] not in (None, "") or v[1]
            }
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=action,
                entity="company",
                entity_id=row.id,
                summary=profile.legal_name,
                changes=changes,
            )
