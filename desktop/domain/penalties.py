"""Late-payment penalties and the fixed recovery indemnity, computed from a dated rate table.

Which rate applies (per half-year, the rate is fixed on its first day, 1 January or 1 July):

- France, between businesses (C. com. L441-10): the ECB main refinancing rate in force on
  1 January (for January–June) or 1 July (for July–December) + 10 points.
- Belgium, between businesses (law of 2 August 2002): the published `be_late_payment`
  row in force on the first day of the half-year (it already is the reference rate + 8
  points).
- France, consumers: the legal interest rate for "other creditors" (`fr_legal_other`,
  C. monét. fin. L313-2), because a consumer owes the legal interest rate, not the
  business penalty rate. The file ships no such row yet, so without one the rate for
  professional creditors (`fr_legal_pro`) is used: it is the lower of the two, so the
  amount is never overstated.
- Belgium, consumers (Code of economic law, book XIX): the Belgian rate, but nothing
  accrues before the end of the 14 days that follow the first reminder; without a
  reminder, nothing accrues at all.
- A customer outside France and Belgium gets the French rules (the law of the seller).

A contract rate, when set, replaces the default. Between French businesses it never goes
below 3 × the legal interest rate for professional creditors in force for that half-year:
a lower contract rate is raised to that floor and the period says so (`floored`). The
floor is French law; for Belgian or consumer customers the contract rate applies as agreed.

What is counted: the amount still open on the invoice (incl. VAT) × rate × days / 365,
from the day after the due date up to `as_of` inclusive, split at 1 January and 1 July
into periods each at its own rate. The file knows only what is open now, not when part
payments came in, so a partly paid invoice accrues on its remainder over the whole delay
(this never overstates the claim), and an invoice settled late (open 0) owes nothing in
this version, neither penalties nor indemnity.

Rounding: the exact amounts of the periods are added up and the total of each invoice is
rounded once, half up, to the cent; each period shows the difference of the rounded
running totals, so the periods always add up to the invoice total.

A period whose rate the table does not know is kept with `rate_bp=None` and 0 cents: it is
left out of the total, and the invoice and the customer say so (`has_unknown_rate`).

Insolvency: nothing accrues after the date of the opening judgment (C. com. L622-28); the
judgment day itself is the last day counted. The 40 € indemnity is due only for invoices
already late on that day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.enums import Country, RateKind
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.money import parse_cents

__all__ = [
    "BELGIAN_CONSUMER_GRACE_DAYS",
    "DAYS_PER_YEAR",
    "FIXED_INDEMNITY_CENTS",
    "FR_BUSINESS_POINTS_BP",
    "CustomerPenalties",
    "DatedRate",
    "InvoicePenalty",
    "LateInvoice",
    "PenaltyBasis",
    "PenaltyPeriod",
    "PenaltyTerms",
    "RateTable",
    "contract_rate_floor",
    "customer_penalties",
    "format_rate",
    "half_year_start",
    "invoice_penalty",
    "parse_rate_bp",
    "penalty_rate",
]

FIXED_INDEMNITY_CENTS = 4000  # per late invoice, business customers only, no VAT
FR_BUSINESS_POINTS_BP = 1000  # ECB rate + 10 points (C. com. L441-10)
CONTRACT_FLOOR_FACTOR = 3  # never below 3 × the legal interest rate (C. com. L441-10)
BELGIAN_CONSUMER_GRACE_DAYS = 14  # Code of economic law, art. XIX.2
DAYS_PER_YEAR = 365  # the formula of the trade: amount × rate × days / 365, leap years too
_BP_DENOMINATOR = 10_000 * DAYS_PER_YEAR


# --- The rate table --------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedRate:
    """One row of the rate table: `rate_bp` from `valid_from` on, until the next row."""

    kind: RateKind
    valid_from: date
    rate_bp: int


class RateTable:
    """The dated rates of the file, looked up by kind and day."""

    def __init__(self, rows: Iterable[DatedRate]) -> None:
        by_kind: dict[RateKind, list[DatedRate]] = {}
        for row in rows:
            by_kind.setdefault(RateKind(row.kind), []).append(row)
        self._rows = {k: sorted(v, key=lambda r: r.valid_from) for k, v in by_kind.items()}

    def in_force(self, kind: RateKind, on: date) -> int | None:
        """The rate of `kind` in force on `on` (the latest row starting on or before it),
        or None when the table has no such row."""
        found = None
        for row in self._rows.get(kind, ()):
            if row.valid_from > on:
                break
            found = row.rate_bp
        return found


# --- Half-years ------------------------------------------------------------------------------


def half_year_start(day: date) -> date:
    """1 January or 1 July of the half-year of `day`."""
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def _next_half_year(day: date) -> date:
    return date(day.year, 7, 1) if day.month <= 6 else date(day.year + 1, 1, 1)


def _split_by_half_year(first: date, last: date) -> list[tuple[date, date]]:
    """[first, last] cut at each 1 January / 1 July, both ends inclusive."""
    spans = []
    start = first
    while start <= last:
        end = min(last, _next_half_year(start) - timedelta(days=1))
        spans.append((start, end))
        start = end + timedelta(days=1)
    return spans


# --- Which rate --------------------------------------------------------------------------


class PenaltyBasis(StrEnum):
    """Which rule gives the rate (values written in results and JSON, never translated)."""

    FR_BUSINESS = "fr_business"
    FR_CONSUMER = "fr_consumer"
    BE_BUSINESS = "be_business"
    BE_CONSUMER = "be_consumer"
    CONTRACT = "contract"


@dataclass(frozen=True)
class PenaltyTerms:
    """What of the customer decides its penalties."""

    country: Country = Country.FRANCE
    consumer: bool = False
    contract_rate_bp: int | None = None
    # Date of the opening judgment of an insolvency proceeding: nothing accrues after it.
    accrual_stops_on: date | None = None

    @property
    def belgian(self) -> bool:
        return self.country is Country.BELGIUM

    @property
    def floor_applies(self) -> bool:
        """The 3 × legal rate floor of a contract rate: French law, between businesses."""
        return not self.belgian and not self.consumer

    @property
    def basis(self) -> PenaltyBasis:
        if self.contract_rate_bp is not None:
            return PenaltyBasis.CONTRACT
        if self.belgian:
            return PenaltyBasis.BE_CONSUMER if self.consumer else PenaltyBasis.BE_BUSINESS
        return PenaltyBasis.FR_CONSUMER if self.consumer else PenaltyBasis.FR_BUSINESS

    @property
    def indemnity_due(self) -> bool:
        """The 40 € indemnity: business customers only, never consumers."""
        return not self.consumer


def contract_rate_floor(table: RateTable, on: date) -> int | None:
    """3 × the French legal interest rate for professional creditors in force for the
    half-year of `on`, or None when the table does not know it."""
    legal = table.in_force(RateKind.FR_LEGAL_INTEREST_PROFESSIONAL, half_year_start(on))
    return None if legal is None else CONTRACT_FLOOR_FACTOR * legal


def _default_rate(table: RateTable, terms: PenaltyTerms, fixing: date) -> int | None:
    if terms.belgian:
        return table.in_force(RateKind.BE_LATE_PAYMENT, fixing)
    if terms.consumer:
        other = table.in_force(RateKind.FR_LEGAL_INTEREST_OTHER, fixing)
        if other is not None:
            return other
        return table.in_force(RateKind.FR_LEGAL_INTEREST_PROFESSIONAL, fixing)
    ecb = table.in_force(RateKind.ECB_MAIN_REFINANCING, fixing)
    return None if ecb is None else ecb + FR_BUSINESS_POINTS_BP


def penalty_rate(table: RateTable, terms: PenaltyTerms, on: date) -> tuple[int | None, bool]:
    """(rate in basis points, raised to the floor?) for the half-year of `on`; the rate is
    None when the table lacks the row it needs."""
    fixing = half_year_start(on)
    if terms.contract_rate_bp is None:
        return _default_rate(table, terms, fixing), False
    if terms.floor_applies:
        floor = contract_rate_floor(table, fixing)
        if floor is not None and terms.contract_rate_bp < floor:
            return floor, True
    return terms.contract_rate_bp, False


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LateInvoice:
    """What the computation needs of an invoice."""

    document_id: int
    number: str
    due_on: date
    open_cents: int
    # Belgian consumers: the day the first reminder about this invoice was sent.
    first_reminder_on: date | None = None


@dataclass(frozen=True)
class PenaltyPeriod:
    """Days of one half-year counted at one rate, first and last day included."""

    first_day: date
    last_day: date
    days: int
    rate_bp: int | None  # None: the table does not know the rate; left out of the total
    cents: int
    floored: bool = False  # a contract rate raised to 3 × the legal interest rate


@dataclass(frozen=True)
class InvoicePenalty:
    document_id: int
    number: str
    due_on: date
    open_cents: int
    days_late: int  # on as_of, whatever stops the accrual
    periods: tuple[PenaltyPeriod, ...]
    penalty_cents: int
    indemnity_cents: int

    @property
    def rate_bp(self) -> int | None:
        """The rate of the last period counted (None without periods or when unknown)."""
        return self.periods[-1].rate_bp if self.periods else None

    @property
    def has_unknown_rate(self) -> bool:
        return any(p.rate_bp is None for p in self.periods)

    @property
    def floored(self) -> bool:
        return any(p.floored for p in self.periods)

    @property
    def total_cents(self) -> int:
        return self.penalty_cents + self.indemnity_cents


@dataclass(frozen=True)
class CustomerPenalties:
    customer_id: int
    name: str
    as_of: date
    basis: PenaltyBasis
    rate_bp: int | None  # the rate for the half-year of as_of (None: unknown)
    floored: bool  # the contract rate is below the legal floor and was raised
    accrual_stops_on: date | None  # insolvency: the opening judgment
    invoices: tuple[InvoicePenalty, ...] = field(default_factory=tuple)

    @property
    def penalty_cents(self) -> int:
        return sum(i.penalty_cents for i in self.invoices)

    @property
    def indemnity_cents(self) -> int:
        return sum(i.indemnity_cents for i in self.invoices)

    @property
    def indemnity_count(self) -> int:
        return sum(1 for i in self.invoices if i.indemnity_cents)

    @property
    def total_cents(self) -> int:
        return self.penalty_cents + self.indemnity_cents

    @property
    def has_unknown_rate(self) -> bool:
        return any(i.has_unknown_rate for i in self.invoices)


# --- Computation -----------------------------------------------------------------------------


def _round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for numerator >= 0."""
    return (2 * numerator + denominator) // (2 * denominator)


def invoice_penalty(
    invoice: LateInvoice, terms: PenaltyTerms, table: RateTable, as_of: date
) -> InvoicePenalty:
    """The penalties and indemnity of one invoice on `as_of` (see the module docstring)."""
    days_late = (as_of - invoice.due_on).days
    last = as_of
    if terms.accrual_stops_on is not None:
        last = min(last, terms.accrual_stops_on)
    first = invoice.due_on + timedelta(days=1)
    if terms.belgian and terms.consumer:
        if invoice.first_reminder_on is None:
            first = date.max  # no reminder yet: nothing accrues
        else:
            grace_end = invoice.first_reminder_on + timedelta(days=BELGIAN_CONSUMER_GRACE_DAYS)
            first = max(first, grace_end + timedelta(days=1))
    amount = max(0, invoice.open_cents)

    periods: list[PenaltyPeriod] = []
    exact = 0  # running total × 10 000 × 365, so every period adds an integer
    rounded_so_far = 0
    if amount and days_late > 0 and first <= last:
        for start, end in _split_by_half_year(first, last):
            days = (end - start).days + 1
            rate, floored = penalty_rate(table, terms, start)
            if rate is None:
                periods.append(PenaltyPeriod(start, end, days, None, 0))
                continue
            exact += amount * rate * days
            rounded = _round_half_up(exact, _BP_DENOMINATOR)
            periods.append(PenaltyPeriod(start, end, days, rate, rounded - rounded_so_far, floored))
            rounded_so_far = rounded

    late_before_stop = invoice.due_on < last
    indemnity = (
        FIXED_INDEMNITY_CENTS
        if terms.indemnity_due and amount and days_late > 0 and late_before_stop
        else 0
    )
    return InvoicePenalty(
        document_id=invoice.document_id,
        number=invoice.number,
        due_on=invoice.due_on,
        open_cents=invoice.open_cents,
        days_late=max(0, days_late),
        periods=tuple(periods),
        penalty_cents=rounded_so_far,
        indemnity_cents=indemnity,
    )


def customer_penalties(
    customer_id: int,
    name: str,
    invoices: Iterable[LateInvoice],
    terms: PenaltyTerms,
    table: RateTable,
    as_of: date,
) -> CustomerPenalties:
    """Every late invoice of one customer on `as_of`; invoices not yet late are left out."""
    results = tuple(
        invoice_penalty(i, terms, table, as_of)
        for i in sorted(invoices, key=lambda i: (i.due_on, i.number, i.document_id))
        if i.open_cents > 0 and i.due_on < as_of
    )
    rate, floored = penalty_rate(table, terms, as_of)
    return CustomerPenalties(
        customer_id=customer_id,
        name=name,
        as_of=as_of,
        basis=terms.basis,
        rate_bp=rate,
        floored=floored or any(i.floored for i in results),
        accrual_stops_on=terms.accrual_stops_on,
        invoices=results,
    )


# --- Text --------------------------------------------------------------------------------------


def format_rate(bp: int) -> str:
    """1215 -> '12,15 %' (no-break space before the sign)."""
    sign = "-" if bp < 0 else ""
    return f"{sign}{abs(bp) // 100},{abs(bp) % 100:02d}\u00a0%"


def parse_rate_bp(text: str, field_name: str = "rate_bp") -> int:
    """'12,5', '12.50 %' -> 1250 basis points. Raises ValidationError (invalid_amount)."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned or "€" in cleaned:
        code = ErrorCode.REQUIRED if not cleaned else ErrorCode.INVALID_AMOUNT
        raise ValidationError([FieldError(field_name, code)])
    # A percentage with two decimals is, digit for digit, a number of basis points.
    return parse_cents(cleaned, field_name)
