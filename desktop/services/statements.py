"""The customer account statement (relevé de compte): what is open, what is late, and the
legal mentions that go with it. Reads only; the PDF is drawn by `documents.statement`.

The late-payment mentions depend on the customer's country and on whether it is a
consumer, and are kept as dated rules (`LATE_PAYMENT_RULES`); the rate they quote comes
from the dated rate table of the file (`legal_rates`), never from a literal:

- France, between businesses (C. com. L441-10, D441-5): penalties at the ECB rate + 10
  points, the ECB rate in force on 1 January for the first half-year and on 1 July for
  the second; 40 € fixed recovery indemnity per late invoice.
- France, consumers: legal interest rate after a formal notice (C. civ. 1231-6); never
  the 40 € indemnity.
- Belgium, between businesses (law of 2 August 2002): the published half-yearly rate
  (ECB reference rate + 8 points); 40 € fixed indemnity.
- Belgium, consumers (Code of economic law, book XIX): first reminder free, no costs or
  interest for 14 days after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.documents.statement import (
    Letterhead,
    Recipient,
    StatementData,
    StatementLine,
)
from desktop.domain.enums import Country, DisputeStatus, DocumentKind, RateKind
from desktop.domain.errors import NotFoundError
from desktop.domain.identifiers import format_be_enterprise_number, format_iban
from desktop.domain.penalties import FIXED_INDEMNITY_CENTS, format_rate, half_year_start
from desktop.persistence.models import CompanySettings, Customer, Dispute, DisputeItem, Document
from desktop.services.context import ServiceContext
from desktop.services.customers import CustomerService
from desktop.services.penalties import load_rate_table

__all__ = [
    "FIXED_INDEMNITY_CENTS",
    "LATE_PAYMENT_RULES",
    "LatePaymentRule",
    "StatementService",
    "format_rate",
]

COUNTRY_NAMES = {Country.FRANCE: "FRANCE", Country.BELGIUM: "BELGIQUE"}


@dataclass(frozen=True)
class LatePaymentRule:
    """What a statement says about late payment, for one country and kind of customer,
    from `valid_from` on. `{rate}` in `penalty` becomes " (soit 12,15 % pour le 1er
    semestre 2026)" when the rate table knows the rate, else nothing."""

    country: Country
    consumer: bool
    valid_from: date
    penalty: str
    indemnity: str  # "" when no fixed indemnity is due (consumers)
    rate_kind: RateKind | None = None
    points_bp: int = 0  # added to the rate read from the table
    half_year_fixing: bool = False  # the base rate is the one in force on 1 Jan / 1 Jul


LATE_PAYMENT_RULES: tuple[LatePaymentRule, ...] = (
    LatePaymentRule(
        Country.FRANCE,
        False,
        date(2013, 1, 1),
        "Pénalités de retard exigibles dès le lendemain de l'échéance, sans rappel : "
        "taux BCE + 10 points{rate} (C. com. art. L441-10).",
        "Indemnité forfaitaire pour frais de recouvrement : 40 € par facture payée en "
        "retard (C. com. art. L441-10 et D441-5).",
        RateKind.ECB_MAIN_REFINANCING,
        1000,
        True,
    ),
    LatePaymentRule(
        Country.FRANCE,
        True,
        date(2013, 1, 1),
        "En cas de retard de paiement, des intérêts au taux légal pourront être réclamés "
        "après mise en demeure (C. civ. art. 1231-6).",
        "",
    ),
    LatePaymentRule(
        Country.BELGIUM,
        False,
        date(2013, 3, 16),
        "Intérêts de retard dus de plein droit dès le lendemain de l'échéance : taux "
        "directeur BCE + 8 points{rate} (loi du 2 août 2002).",
        "Indemnité forfaitaire pour frais de recouvrement : 40 € par facture payée en "
        "retard (loi du 2 août 2002, art. 6).",
        RateKind.BE_LATE_PAYMENT,
    ),
    LatePaymentRule(
        Country.BELGIUM,
        True,
        date(2022, 9, 1),
        "Le premier rappel est gratuit ; aucuns frais ni intérêts de retard ne sont dus "
        "avant l'expiration d'un délai de 14 jours suivant ce rappel (Code de droit "
        "économique, livre XIX).",
        "",
    ),
)


def late_payment_rule(country: Country, consumer: bool, as_of: date) -> LatePaymentRule:
    """The rule in force on `as_of`; a customer outside France and Belgium gets the
    French rule (the law of the seller)."""
    if country not in (Country.FRANCE, Country.BELGIUM):
        country = Country.FRANCE
    candidates = [
        r
        for r in LATE_PAYMENT_RULES
        if r.country == country and r.consumer == consumer and r.valid_from <= as_of
    ]
    if not candidates:  # before the first rule: the oldest one
        candidates = [r for r in LATE_PAYMENT_RULES if r.country == country]
        return min(candidates, key=lambda r: r.valid_from)
    return max(candidates, key=lambda r: r.valid_from)


def half_year(as_of: date) -> tuple[date, str]:
    """(first day, '1er semestre 2026' / '2e semestre 2025') of the half-year of `as_of`."""
    start = half_year_start(as_of)
    if start.month == 1:
        return start, f"1er semestre {as_of.year}"
    return start, f"2e semestre {as_of.year}"


def format_siren(siren: str) -> str:
    """'814527368' -> '814 527 368'."""
    return " ".join(siren[i : i + 3] for i in range(0, len(siren), 3))


class StatementService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._customers = CustomerService(ctx)

    def find_customer(self, key: str | int) -> int:
        """The id of the customer named by SIREN, Belgian enterprise number, account code
        (any case) or id. Raises NotFoundError."""
        text = str(key).strip()
        found = self._customers.find_id(text) if text else None
        if found is None and text:
            with self._ctx.database.read() as session:
                found = session.execute(
                    select(Customer.id).where(func.upper(Customer.account_code) == text.upper())
                ).scalar()
        if found is None:
            raise NotFoundError("customer", key)
        return int(found)

    def statement(self, customer: str | int, as_of: date) -> StatementData:
        """The open items of one customer on `as_of`, sorted by due date, with totals and
        mentions.

        Items are the documents as the file knows them now (open amount != 0), issued on
        or before `as_of`; `as_of` sets the days late and the title. Credit notes and
        payments on account are negative and count against the total due; they are
        deducted from what is overdue first (an unspecified payment goes to the debts
        already due, C. civ. art. 1342-10). Raises NotFoundError for an unknown customer.
        """
        customer_id = customer if isinstance(customer, int) else self.find_customer(customer)
        with self._ctx.database.read() as session:
            c = session.get(Customer, customer_id)
            if c is None:
                raise NotFoundError("customer", customer)
            company = session.scalars(select(CompanySettings).order_by(CompanySettings.id)).first()
            documents = session.scalars(
                select(Document)
                .where(
                    Document.customer_id == customer_id,
                    Document.open_cents != 0,
                    Document.issued_on <= as_of,
                )
                .order_by(Document.due_on, Document.issued_on, Document.number, Document.id)
            ).all()
            disputed = _open_disputed(session, [d.id for d in documents])
            lines = tuple(_line(d, as_of, disputed.get(d.id, 0)) for d in documents)
            country = _country(c.country) or Country.OTHER
            rule = late_payment_rule(country, bool(c.is_consumer), as_of)
            penalty = rule.penalty.replace("{rate}", self._rate_text(session, rule, as_of))
            letterhead = _letterhead(company)
            recipient = _recipient(c, company)

        due = sum(line.open_cents for line in lines)
        overdue_debts = sum(line.open_cents for line in lines if line.days_late)
        credits = sum(line.open_cents for line in lines if line.open_cents < 0)
        late_invoices = sum(1 for line in lines if line.days_late)
        return StatementData(
            company=letterhead,
            customer=recipient,
            as_of=as_of,
            lines=lines,
            total_due_cents=due,
            total_overdue_cents=max(0, overdue_debts + credits),
            late_invoices=late_invoices,
            indemnity_cents=FIXED_INDEMNITY_CENTS * late_invoices if rule.indemnity else 0,
            penalty_mention=penalty,
            indemnity_mention=rule.indemnity,
            total_disputed_cents=sum(line.disputed_cents for line in lines),
        )

    @staticmethod
    def _rate_text(session: Session, rule: LatePaymentRule, as_of: date) -> str:
        if rule.rate_kind is None:
            return ""
        start, label = half_year(as_of)
        on = start if rule.half_year_fixing else as_of
        bp = load_rate_table(session, rule.rate_kind).in_force(rule.rate_kind, on)
        if bp is None:
            return ""
        return f" (soit {format_rate(bp + rule.points_bp)} pour le {label})"


def _open_disputed(session: Session, document_ids: list[int]) -> dict[int, int]:
    """What disputes neither resolved nor rejected contest on each document (at most
    what remains due on it): the statement shows it as "montant contesté"."""
    if not document_ids:
        return {}
    rows = session.execute(
        select(DisputeItem.document_id, func.sum(DisputeItem.disputed_cents))
        .join(Dispute, Dispute.id == DisputeItem.dispute_id)
        .where(
            Dispute.status.not_in((DisputeStatus.RESOLVED.value, DisputeStatus.REJECTED.value)),
            DisputeItem.document_id.in_(document_ids),
        )
        .group_by(DisputeItem.document_id)
    ).all()
    return {doc_id: int(cents or 0) for doc_id, cents in rows}


def _line(d: Document, as_of: date, disputed_cents: int = 0) -> StatementLine:
    kind = DocumentKind(d.kind)
    days = (as_of - d.due_on).days
    late = days if kind.sign > 0 and d.open_cents > 0 and days > 0 else None
    return StatementLine(
        document_id=d.id,
        number=d.number,
        kind=kind,
        issued_on=d.issued_on,
        due_on=d.due_on,
        total_cents=d.total_cents,
        paid_cents=d.total_cents - d.open_cents,
        open_cents=d.open_cents,
        days_late=late,
        label=d.label,
        disputed_cents=min(disputed_cents, d.open_cents) if d.open_cents > 0 else 0,
    )


def _letterhead(company: CompanySettings | None) -> Letterhead:
    if company is None:
        return Letterhead(name="")
    identifiers = []
    if company.siren:
        identifiers.append(f"SIREN {format_siren(company.siren)}")
    if company.enterprise_number:
        identifiers.append(f"BCE {format_be_enterprise_number(company.enterprise_number)}")
    if company.vat_number:
        identifiers.append(f"TVA {company.vat_number}")
    city = " ".join(p for p in (company.postal_code, company.city) if p)
    return Letterhead(
        name=company.legal_name,
        legal_form=company.legal_form,
        address_lines=tuple(p for p in (company.address_line1, company.address_line2, city) if p),
        phone=company.phone,
        email=company.email,
        identifiers=tuple(identifiers),
        iban=format_iban(company.iban) if company.iban else "",
        bic=company.bic,
        city=company.city,
    )


def _recipient(c: Customer, company: CompanySettings | None) -> Recipient:
    city = " ".join(p for p in (c.billing_postal_code, c.billing_city) if p)
    lines = [p for p in (c.billing_line1, c.billing_line2, city) if p]
    home = company.country if company is not None else Country.FRANCE.value
    abroad = _country(c.billing_country)
    if abroad is not None and abroad.value != home and abroad in COUNTRY_NAMES:
        lines.append(COUNTRY_NAMES[abroad])  # the last line of an address sent abroad
    identifier = ""
    if c.siren:
        identifier = f"SIREN {format_siren(c.siren)}"
    elif c.enterprise_number:
        identifier = f"BCE {format_be_enterprise_number(c.enterprise_number)}"
    return Recipient(
        name=c.legal_name,
        address_lines=tuple(lines),
        account_code=c.account_code or "",
        identifier=identifier,
    )


def _country(value: str | None) -> Country | None:
    try:
        return Country(value)
    except ValueError:
        return None


# --- Shared with the reminder letters (services.letters) -----------------------------------

letterhead_of = _letterhead
recipient_of = _recipient


def late_payment_mentions(
    session: Session, country: Country, consumer: bool, as_of: date
) -> tuple[str, str]:
    """(penalty mention with its rate, indemnity mention or "") as a statement prints
    them for such a customer on `as_of`."""
    rule = late_payment_rule(country, consumer, as_of)
    rate = StatementService._rate_text(session, rule, as_of)
    return rule.penalty.replace("{rate}", rate), rule.indemnity
