"""Proposals and their payment schedules, as plain rules (no database, no Qt).

A proposal (devis) has lines (quantity in thousandths, unit price excl. VAT in cents, VAT
rate in basis points) and a payment schedule: lines tied to events ("À la commande",
"Livraison intermédiaire"…), each with a planned date, a share of the total incl. VAT in
basis points and a payment term counted from the event (0 days: payable at the event;
"30 jours fin de mois"…). A template builds the schedule for a start date:

- MILESTONES: percentages tied to events, each at a day offset from the proposal date,
  a deposit ("acompte") first when the template says so;
- MONTHLY: N monthly instalments, an optional deposit at order before them;
- TERM: one payment under payment terms ("30 jours fin de mois", "60 jours date de
  facture"…).

Amounts are integer cents: each line gets the floor of its share, the last line the
remainder, so the lines add up exactly to the total and none is negative. A schedule is
refused (FieldError codes, turned into French by the UI) when its percentages do not add
up to 100 %, a date falls before the proposal or out of order, or the total cannot give
every line at least one cent. What is allowed but deserves a look before printing
(a term beyond the legal maximum, the credit limit exceeded) comes back as warnings.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from desktop.domain.enums import Country, PaymentTermsBasis, ProposalStatus, ScheduleKind
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.legal import max_days_allowed, payment_term_limit
from desktop.domain.money import format_cents
from desktop.domain.terms import due_date

__all__ = [
    "FULL_BP",
    "LineDraft",
    "Milestone",
    "ProposalTotals",
    "ScheduleItem",
    "ScheduleLineDraft",
    "ScheduleTemplate",
    "ScheduleWarning",
    "VatTotal",
    "WarningCode",
    "add_months",
    "blocked_schedule_errors",
    "build_schedule",
    "can_move",
    "compute_schedule",
    "credit_limit_warning",
    "effective_status",
    "format_percent",
    "format_quantity",
    "has_deposit",
    "line_errors",
    "line_total_cents",
    "lines_from_template",
    "parse_quantity_milli",
    "proposal_totals",
    "schedule_errors",
    "split_amounts",
    "template_errors",
    "term_warnings",
]

FULL_BP = 10_000  # 100 %
MAX_SCHEDULE_LINES = 120  # ten years of monthly instalments
MAX_DUE_DAYS = 365
MAX_OFFSET_DAYS = 3650
EVENT_MAX = 200  # schedule_lines.event
TEMPLATE_NAME_MAX = 60  # proposals.schedule_template
DESCRIPTION_MAX = 2000
MAX_QUANTITY_MILLI = 1_000_000_000  # a million units
MAX_UNIT_PRICE_CENTS = 100_000_000_000  # a billion euros: beyond is a typing slip
DEPOSIT_EVENT = "Acompte à la commande"
_QUANTITY = re.compile(r"[+-]?(\d{1,12}(\.\d*)?|\.\d+)")


# --- Proposal lines and totals ---------------------------------------------------------------


@dataclass(frozen=True)
class LineDraft:
    """One line of a proposal as typed."""

    description: str
    quantity_milli: int  # 1.5 units = 1500
    unit_price_cents: int  # excl. VAT
    vat_rate_bp: int  # 20 % = 2000


@dataclass(frozen=True)
class VatTotal:
    rate_bp: int
    base_cents: int  # excl. VAT
    vat_cents: int


@dataclass(frozen=True)
class ProposalTotals:
    excl_vat_cents: int
    vat_cents: int
    total_cents: int  # incl. VAT: what the schedule splits
    by_rate: tuple[VatTotal, ...] = ()  # one per VAT rate, lowest rate first


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers only."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    quotient, rest = divmod(abs(numerator), abs(denominator))
    return sign * (quotient + (1 if 2 * rest >= abs(denominator) else 0))


def line_total_cents(line: LineDraft) -> int:
    """Quantity × unit price, excl. VAT, rounded to the cent (half up)."""
    return _half_up(line.quantity_milli * line.unit_price_cents, 1000)


def proposal_totals(lines: Iterable[LineDraft]) -> ProposalTotals:
    """Totals excl. VAT, VAT and incl. VAT. VAT is computed once per rate on the sum of
    that rate's lines (as an invoice shows it), rounded half up."""
    bases: dict[int, int] = {}
    for line in lines:
        bases[line.vat_rate_bp] = bases.get(line.vat_rate_bp, 0) + line_total_cents(line)
    by_rate = tuple(
        VatTotal(rate, base, _half_up(base * rate, FULL_BP)) for rate, base in sorted(bases.items())
    )
    excl = sum(v.base_cents for v in by_rate)
    vat = sum(v.vat_cents for v in by_rate)
    return ProposalTotals(excl, vat, excl + vat, by_rate)


def line_errors(lines: Sequence[LineDraft]) -> list[FieldError]:
    """Every problem of the proposal lines at once: at least one line; a description;
    a quantity above zero; a unit price not negative; a VAT rate from 0 to 100 %; a total
    above zero. Fields "lines", "lines.N.description|quantity|unit_price|vat_rate"."""
    errors: list[FieldError] = []
    if not lines:
        return [FieldError("lines", ErrorCode.REQUIRED)]
    for index, line in enumerate(lines):
        prefix = f"lines.{index}."
        description = line.description.strip()
        if not description:
            errors.append(FieldError(prefix + "description", ErrorCode.REQUIRED))
        elif len(description) > DESCRIPTION_MAX:
            errors.append(
                FieldError(
                    prefix + "description", ErrorCode.TOO_LONG, {"max": str(DESCRIPTION_MAX)}
                )
            )
        if line.quantity_milli <= 0:
            errors.append(FieldError(prefix + "quantity", ErrorCode.QUANTITY_NOT_POSITIVE))
        elif line.quantity_milli > MAX_QUANTITY_MILLI:
            errors.append(
                FieldError(
                    prefix + "quantity",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "0,001", "max": format_quantity(MAX_QUANTITY_MILLI)},
                )
            )
        if line.unit_price_cents < 0:
            errors.append(FieldError(prefix + "unit_price", ErrorCode.NEGATIVE_AMOUNT))
        elif line.unit_price_cents > MAX_UNIT_PRICE_CENTS:
            errors.append(
                FieldError(
                    prefix + "unit_price",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": format_cents(0), "max": format_cents(MAX_UNIT_PRICE_CENTS)},
                )
            )
        if not 0 <= line.vat_rate_bp <= FULL_BP:
            errors.append(
                FieldError(
                    prefix + "vat_rate", ErrorCode.OUT_OF_RANGE, {"min": "0 %", "max": "100 %"}
                )
            )
    if not errors and proposal_totals(lines).total_cents <= 0:
        errors.append(FieldError("lines", ErrorCode.INVALID_AMOUNT))
    return errors


# --- Templates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Milestone:
    """One line of a MILESTONES or TERM template."""

    event: str
    percent_bp: int
    offset_days: int = 0  # the event's planned date: the proposal date + this
    is_deposit: bool = False  # an "acompte", paid at order
    due_days: int = 0  # payment term counted from the event (0: payable at the event)
    due_basis: PaymentTermsBasis = PaymentTermsBasis.INVOICE_DATE

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "percent_bp": self.percent_bp,
            "offset_days": self.offset_days,
            "is_deposit": self.is_deposit,
            "due_days": self.due_days,
            "due_basis": self.due_basis.value,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Milestone:
        return cls(
            event=str(data.get("event", "")),
            percent_bp=int(data.get("percent_bp", 0)),
            offset_days=int(data.get("offset_days", 0)),
            is_deposit=bool(data.get("is_deposit", False)),
            due_days=int(data.get("due_days", 0)),
            due_basis=PaymentTermsBasis(data.get("due_basis", PaymentTermsBasis.INVOICE_DATE)),
        )


@dataclass(frozen=True)
class ScheduleTemplate:
    """A named way to build a schedule (Paramètres › Modèles d'échéancier)."""

    name: str
    kind: ScheduleKind
    milestones: tuple[Milestone, ...] = ()  # MILESTONES and TERM
    instalments: int = 0  # MONTHLY: how many
    first_offset_days: int = 30  # MONTHLY: the first instalment, days after the proposal
    deposit_bp: int = 0  # MONTHLY: a deposit at order before the instalments (0: none)

    def to_json(self) -> dict[str, Any]:
        """What `schedule_templates.milestones_json` holds."""
        if self.kind is ScheduleKind.MONTHLY:
            return {
                "instalments": self.instalments,
                "first_offset_days": self.first_offset_days,
                "deposit_bp": self.deposit_bp,
            }
        return {"milestones": [m.to_json() for m in self.milestones]}

    @classmethod
    def from_json(cls, name: str, kind: ScheduleKind, data: Mapping[str, Any]) -> ScheduleTemplate:
        if kind is ScheduleKind.MONTHLY:
            return cls(
                name,
                kind,
                instalments=int(data.get("instalments", 0)),
                first_offset_days=int(data.get("first_offset_days", 30)),
                deposit_bp=int(data.get("deposit_bp", 0)),
            )
        return cls(name, kind, tuple(Milestone.from_json(m) for m in data.get("milestones", ())))


def template_errors(template: ScheduleTemplate) -> list[FieldError]:
    """Every problem of a template at once. Fields: "name", "milestones",
    "milestones.N.event|percent|offset_days|due_days", "instalments",
    "first_offset_days", "deposit"."""
    errors: list[FieldError] = []
    name = template.name.strip()
    if not name:
        errors.append(FieldError("name", ErrorCode.REQUIRED))
    elif len(name) > TEMPLATE_NAME_MAX:
        errors.append(FieldError("name", ErrorCode.TOO_LONG, {"max": str(TEMPLATE_NAME_MAX)}))
    if template.kind is ScheduleKind.MONTHLY:
        rest = FULL_BP - template.deposit_bp
        if not 0 <= template.deposit_bp < FULL_BP:
            errors.append(
                FieldError("deposit", ErrorCode.OUT_OF_RANGE, {"min": "0 %", "max": "99,99 %"})
            )
        elif not 1 <= template.instalments <= min(MAX_SCHEDULE_LINES - 1, rest):
            errors.append(
                FieldError(
                    "instalments",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "1", "max": str(min(MAX_SCHEDULE_LINES - 1, rest))},
                )
            )
        if not 0 <= template.first_offset_days <= MAX_OFFSET_DAYS:
            errors.append(
                FieldError(
                    "first_offset_days",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "0", "max": str(MAX_OFFSET_DAYS)},
                )
            )
        return errors
    if not template.milestones:
        errors.append(FieldError("milestones", ErrorCode.REQUIRED))
        return errors
    if template.kind is ScheduleKind.TERM and len(template.milestones) != 1:
        errors.append(FieldError("milestones", ErrorCode.OUT_OF_RANGE, {"min": "1", "max": "1"}))
    if len(template.milestones) > MAX_SCHEDULE_LINES:
        errors.append(
            FieldError(
                "milestones", ErrorCode.OUT_OF_RANGE, {"min": "1", "max": str(MAX_SCHEDULE_LINES)}
            )
        )
    previous = 0
    for index, m in enumerate(template.milestones):
        prefix = f"milestones.{index}."
        errors += _event_errors(prefix, m.event)
        if not 0 < m.percent_bp <= FULL_BP:
            errors.append(
                FieldError(
                    prefix + "percent", ErrorCode.OUT_OF_RANGE, {"min": "0,01 %", "max": "100 %"}
                )
            )
        if not 0 <= m.offset_days <= MAX_OFFSET_DAYS:
            errors.append(
                FieldError(
                    prefix + "offset_days",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "0", "max": str(MAX_OFFSET_DAYS)},
                )
            )
        elif m.offset_days < previous:
            errors.append(FieldError(prefix + "offset_days", ErrorCode.DATES_NOT_IN_ORDER))
        else:
            previous = m.offset_days
        if not 0 <= m.due_days <= MAX_DUE_DAYS:
            errors.append(
                FieldError(
                    prefix + "due_days",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "0", "max": str(MAX_DUE_DAYS)},
                )
            )
    total = sum(m.percent_bp for m in template.milestones)
    if total != FULL_BP:
        errors.append(
            FieldError("milestones", ErrorCode.PERCENT_TOTAL, {"total": format_percent(total)})
        )
    return errors


def add_months(day: date, months: int) -> date:
    """The same day `months` later, the last day of the month when it has no such day
    (31 January + 1 month = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def lines_from_template(template: ScheduleTemplate, start: date) -> tuple[ScheduleLineDraft, ...]:
    """The schedule lines a template gives for a proposal dated `start` (to show in the
    editor, where the user may still change them). The template is assumed valid."""
    if template.kind is ScheduleKind.MONTHLY:
        lines: list[ScheduleLineDraft] = []
        if template.deposit_bp:
            lines.append(ScheduleLineDraft(DEPOSIT_EVENT, start, template.deposit_bp, True))
        count = max(template.instalments, 1)
        percents = split_amounts(FULL_BP - template.deposit_bp, [1] * count, count)
        first = start + timedelta(days=template.first_offset_days)
        for index, percent in enumerate(percents):
            lines.append(
                ScheduleLineDraft(
                    f"Mensualité {index + 1}/{count}", add_months(first, index), percent
                )
            )
        return tuple(lines)
    return tuple(
        ScheduleLineDraft(
            event=m.event,
            planned_on=start + timedelta(days=m.offset_days),
            percent_bp=m.percent_bp,
            is_deposit=m.is_deposit,
            due_days=m.due_days,
            due_basis=m.due_basis,
        )
        for m in template.milestones
    )


# --- Schedules -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleLineDraft:
    """One schedule line as the editor shows it: the amount follows from the percent."""

    event: str
    planned_on: date  # the event's planned date
    percent_bp: int
    is_deposit: bool = False
    due_days: int = 0
    due_basis: PaymentTermsBasis = PaymentTermsBasis.INVOICE_DATE

    @property
    def due_on(self) -> date:
        """When the instalment falls due if the event happens on its planned date."""
        return due_date(self.planned_on, self.due_days, self.due_basis)


@dataclass(frozen=True)
class ScheduleItem:
    """One computed line of a schedule."""

    position: int  # 1, 2, …
    event: str
    planned_on: date
    due_on: date
    percent_bp: int
    amount_cents: int  # incl. VAT
    is_deposit: bool = False
    due_days: int = 0
    due_basis: PaymentTermsBasis = PaymentTermsBasis.INVOICE_DATE


def split_amounts(total: int, weights: Sequence[int], denominator: int = FULL_BP) -> list[int]:
    """`total` split by `weights` / `denominator`: every part but the last is rounded
    down, the last takes the remainder, so the parts add up exactly to `total` and none
    is negative when the weights are positive and add up to `denominator`."""
    if not weights:
        return []
    parts = [total * w // denominator for w in weights[:-1]]
    return [*parts, total - sum(parts)]


def _event_errors(prefix: str, event: str) -> list[FieldError]:
    text = event.strip()
    if not text:
        return [FieldError(prefix + "event", ErrorCode.REQUIRED)]
    if len(text) > EVENT_MAX:
        return [FieldError(prefix + "event", ErrorCode.TOO_LONG, {"max": str(EVENT_MAX)})]
    return []


def schedule_errors(
    lines: Sequence[ScheduleLineDraft], total_cents: int, proposal_date: date
) -> list[FieldError]:
    """Every problem of a schedule at once. Refused: no line or too many; an event
    without a name; a percent not above 0; percentages not adding up to 100 %; a planned
    date before the proposal; planned or due dates out of order; a payment term outside
    0–365 days; a total that cannot give every line at least one cent. Fields:
    "schedule", "schedule.N.event|percent|planned_on|due_days"."""
    errors: list[FieldError] = []
    if not lines:
        return [FieldError("schedule", ErrorCode.REQUIRED)]
    if len(lines) > MAX_SCHEDULE_LINES:
        return [
            FieldError(
                "schedule", ErrorCode.OUT_OF_RANGE, {"min": "1", "max": str(MAX_SCHEDULE_LINES)}
            )
        ]
    previous_planned: date | None = None
    previous_due: date | None = None
    for index, line in enumerate(lines):
        prefix = f"schedule.{index}."
        errors += _event_errors(prefix, line.event)
        if not 0 < line.percent_bp <= FULL_BP:
            errors.append(
                FieldError(
                    prefix + "percent", ErrorCode.OUT_OF_RANGE, {"min": "0,01 %", "max": "100 %"}
                )
            )
        if not 0 <= line.due_days <= MAX_DUE_DAYS:
            errors.append(
                FieldError(
                    prefix + "due_days",
                    ErrorCode.OUT_OF_RANGE,
                    {"min": "0", "max": str(MAX_DUE_DAYS)},
                )
            )
            continue
        if line.planned_on < proposal_date:
            errors.append(
                FieldError(
                    prefix + "planned_on",
                    ErrorCode.DATE_BEFORE_PROPOSAL,
                    {"date": proposal_date.strftime("%d/%m/%Y")},
                )
            )
        elif previous_planned is not None and line.planned_on < previous_planned:
            errors.append(FieldError(prefix + "planned_on", ErrorCode.DATES_NOT_IN_ORDER))
        elif previous_due is not None and line.due_on < previous_due:
            # The event comes later but its shorter term makes it fall due earlier.
            errors.append(FieldError(prefix + "due_days", ErrorCode.DATES_NOT_IN_ORDER))
        previous_planned = max(previous_planned or line.planned_on, line.planned_on)
        previous_due = max(previous_due or line.due_on, line.due_on)
    total = sum(line.percent_bp for line in lines)
    if total != FULL_BP:
        errors.append(
            FieldError("schedule", ErrorCode.PERCENT_TOTAL, {"total": format_percent(total)})
        )
    elif not any(e.code is ErrorCode.OUT_OF_RANGE for e in errors):
        amounts = split_amounts(total_cents, [line.percent_bp for line in lines])
        if total_cents < len(lines) or min(amounts) < 1:
            errors.append(
                FieldError(
                    "schedule",
                    ErrorCode.AMOUNT_NOT_SPLITTABLE,
                    {"count": str(len(lines)), "total": format_cents(total_cents)},
                )
            )
    return errors


def compute_schedule(
    lines: Sequence[ScheduleLineDraft], total_cents: int, proposal_date: date
) -> tuple[ScheduleItem, ...]:
    """The schedule in cents: each line's share of `total_cents` (rounded down, the
    remainder on the last line) and its due date. ValidationError (every problem of
    `schedule_errors`) when it cannot be built."""
    errors = schedule_errors(lines, total_cents, proposal_date)
    if errors:
        raise ValidationError(errors)
    amounts = split_amounts(total_cents, [line.percent_bp for line in lines])
    return tuple(
        ScheduleItem(
            position=index + 1,
            event=line.event.strip(),
            planned_on=line.planned_on,
            due_on=line.due_on,
            percent_bp=line.percent_bp,
            amount_cents=amount,
            is_deposit=line.is_deposit,
            due_days=line.due_days,
            due_basis=line.due_basis,
        )
        for index, (line, amount) in enumerate(zip(lines, amounts, strict=True))
    )


def build_schedule(
    template: ScheduleTemplate, total_cents: int, start: date
) -> tuple[ScheduleItem, ...]:
    """The schedule a template gives for `total_cents` and a proposal dated `start`.
    ValidationError when the template is invalid or the total cannot be split."""
    errors = template_errors(template)
    if errors:
        raise ValidationError(errors)
    return compute_schedule(lines_from_template(template, start), total_cents, start)


def has_deposit(lines: Iterable[ScheduleLineDraft | ScheduleItem]) -> bool:
    return any(line.is_deposit for line in lines)


def blocked_schedule_errors(lines: Sequence[ScheduleLineDraft]) -> list[FieldError]:
    """A blocked customer only gets a schedule with a deposit (or a payment at order):
    no credit before delivery. Field "schedule", DEPOSIT_REQUIRED."""
    if has_deposit(lines):
        return []
    return [FieldError("schedule", ErrorCode.DEPOSIT_REQUIRED)]


# --- Warnings (shown before printing, never refusing) -----------------------------------------


class WarningCode(StrEnum):
    TERM_TOO_LONG = "term_too_long"  # a payment term beyond the legal maximum
    CREDIT_LIMIT = "credit_limit"  # outstanding + this proposal above the credit limit
    UNDER_WATCH = "under_watch"  # the customer is under watch
    DOUBTFUL = "doubtful"  # the company is on the doubtful list
    BLOCKED = "blocked"  # the customer is blocked: deposit required
    INSOLVENCY = "insolvency"  # an insolvency proceeding is open


@dataclass(frozen=True)
class ScheduleWarning:
    code: WarningCode
    params: dict[str, str] = field(default_factory=dict)


def term_warnings(
    items: Iterable[ScheduleLineDraft | ScheduleItem],
    country: Country,
    as_of: date,
    *,
    consumer: bool = False,
) -> list[ScheduleWarning]:
    """A warning for each schedule line whose payment term goes beyond the legal
    maximum between businesses in `country` on `as_of` (C. com. L441-10: 60 days from
    the invoice or 45 days end of month; Belgium: 60 days). Consumers are outside these
    rules; a customer of another country is held to the French rule (the seller's)."""
    if consumer:
        return []
    if country not in (Country.FRANCE, Country.BELGIUM):
        country = Country.FRANCE
    rule = payment_term_limit(country, as_of)
    if rule is None:
        return []
    warnings = []
    for line in items:
        limit = max_days_allowed(country, line.due_basis, as_of)
        if limit is not None and line.due_days > limit:
            warnings.append(
                ScheduleWarning(
                    WarningCode.TERM_TOO_LONG,
                    {
                        "event": line.event.strip(),
                        "days": str(line.due_days),
                        "max": str(limit),
                        "reference": rule.reference,
                    },
                )
            )
    return warnings


def credit_limit_warning(
    credit_limit_cents: int | None, outstanding_cents: int, total_cents: int
) -> list[ScheduleWarning]:
    """A warning when what the customer owes now plus this proposal goes beyond its
    credit limit (none without a limit)."""
    if credit_limit_cents is None or outstanding_cents + total_cents <= credit_limit_cents:
        return []
    return [
        ScheduleWarning(
            WarningCode.CREDIT_LIMIT,
            {
                "limit": format_cents(credit_limit_cents),
                "outstanding": format_cents(outstanding_cents),
                "total": format_cents(total_cents),
                "excess": format_cents(outstanding_cents + total_cents - credit_limit_cents),
            },
        )
    ]


# --- Status --------------------------------------------------------------------------------

_MOVES: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    ProposalStatus.DRAFT: frozenset({ProposalStatus.SENT}),
    ProposalStatus.SENT: frozenset(
        {ProposalStatus.ACCEPTED, ProposalStatus.REFUSED, ProposalStatus.DRAFT}
    ),
    # Expired: back to draft to give it a new validity date, or refused.
    ProposalStatus.EXPIRED: frozenset({ProposalStatus.DRAFT, ProposalStatus.REFUSED}),
    ProposalStatus.ACCEPTED: frozenset(),
    ProposalStatus.REFUSED: frozenset(),
}


def effective_status(
    stored: ProposalStatus, valid_until: date | None, today: date
) -> ProposalStatus:
    """The status shown on `today`: a proposal sent and not answered is expired once its
    validity date has passed (nobody has to mark it)."""
    if stored is ProposalStatus.SENT and valid_until is not None and today > valid_until:
        return ProposalStatus.EXPIRED
    return stored


def can_move(current: ProposalStatus, to: ProposalStatus) -> bool:
    """draft → sent → accepted / refused; sent or expired → draft (to change it);
    expired → refused. Accepted and refused are final."""
    return to in _MOVES[current]


# --- Text ----------------------------------------------------------------------------------


def format_percent(bp: int) -> str:
    """3000 -> '30 %', 3333 -> '33,33 %', 1250 -> '12,5 %' (no-break space)."""
    sign = "-" if bp < 0 else ""
    units, rest = divmod(abs(bp), 100)
    decimals = f",{rest:02d}".rstrip("0") if rest else ""
    return f"{sign}{units}{decimals}\u00a0%"


def format_quantity(milli: int) -> str:
    """1000 -> '1', 1500 -> '1,5', 2125 -> '2,125'; thousands grouped with a narrow
    no-break space as amounts are."""
    sign = "-" if milli < 0 else ""
    units, rest = divmod(abs(milli), 1000)
    grouped = f"{units:,}".replace(",", "\u202f")
    decimals = f",{rest:03d}".rstrip("0") if rest else ""
    return f"{sign}{grouped}{decimals}"


def parse_quantity_milli(text: str, field_name: str = "quantity") -> int:
    """'1,5', '2', '0.25', '1 200' -> thousandths, rounded half up to the thousandth.
    ValidationError (REQUIRED / INVALID_AMOUNT) on anything else."""
    cleaned = text.strip()
    for space in (" ", "\u00a0", "\u202f"):
        cleaned = cleaned.replace(space, "")
    if not cleaned:
        raise ValidationError([FieldError(field_name, ErrorCode.REQUIRED)])
    cleaned = cleaned.replace(",", ".")
    if not _QUANTITY.fullmatch(cleaned):
        raise ValidationError([FieldError(field_name, ErrorCode.INVALID_AMOUNT)])
    value = Decimal(cleaned) * 1000
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
