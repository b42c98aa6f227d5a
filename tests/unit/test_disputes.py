"""Dispute rules without a database: what a typed dispute and a resolution must hold,
which status changes are allowed, days open, and safe attachment names (issue 5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.disputes import (
    DisputeDraft,
    DisputeLine,
    ResolutionDraft,
    can_move,
    days_open,
    draft_errors,
    resolution_errors,
)
from desktop.domain.enums import Department, DisputeCategory, DisputeResolution, DisputeStatus
from desktop.domain.errors import ErrorCode
from desktop.domain.text import safe_file_name

TODAY = date(2026, 3, 16)
# Invoice id → what may still be disputed on it (cents).
DISPUTABLE = {11: 150_000, 12: 30_000}


def draft(**changes: object) -> DisputeDraft:
    base = DisputeDraft(
        customer_id=1,
        lines=(DisputeLine(11, 50_000),),
        category=DisputeCategory.DAMAGED,
        description="Palette livrée éventrée, réserves écrites sur le bon du transporteur.",
        reported_by="Mme Hélène Dupré-Lefèvre",
        reported_on=date(2026, 3, 2),
        department=Department.QUALITY,
        expected_answer_on=date(2026, 3, 20),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def codes(d: DisputeDraft) -> dict[str, ErrorCode]:
    return {e.field: e.code for e in draft_errors(d, TODAY, DISPUTABLE)}


def test_a_well_typed_dispute_has_no_error() -> None:
    assert codes(draft()) == {}
    two = draft(lines=(DisputeLine(11, 150_000), DisputeLine(12, 1)))
    assert codes(two) == {}
    assert two.disputed_cents == 150_001


def test_every_problem_at_once_with_its_field() -> None:
    bad = draft(
        lines=(
            DisputeLine(11, 150_001),  # one cent above what remains
            DisputeLine(12, -500),
            DisputeLine(99, 1_000),  # not an open invoice of this customer
            DisputeLine(11, 10),  # the same invoice twice
        ),
        description="   ",
        reported_on=date(2026, 3, 17),
        expected_answer_on=date(2026, 3, 10),
    )
    assert codes(bad) == {
        "lines.0.amount": ErrorCode.AMOUNT_ABOVE_OPEN,
        "lines.1.amount": ErrorCode.NEGATIVE_AMOUNT,
        "lines.2.document": ErrorCode.INVOICE_NOT_OPEN,
        "lines.3.document": ErrorCode.DUPLICATE_DOCUMENT,
        "description": ErrorCode.REQUIRED,
        "reported_on": ErrorCode.DATE_IN_FUTURE,
        "expected_answer_on": ErrorCode.INVALID_DATE,
    }
    above = next(e for e in draft_errors(bad, TODAY, DISPUTABLE) if e.field == "lines.0.amount")
    assert above.params["max"].replace("\u202f", " ").replace("\u00a0", " ") == "1 500,00 €"


def test_no_line_and_a_zero_amount_are_refused() -> None:
    assert codes(draft(lines=())) == {"lines": ErrorCode.REQUIRED}
    assert codes(draft(lines=(DisputeLine(11, 0),))) == {"lines.0.amount": ErrorCode.REQUIRED}


def test_a_description_too_long_is_refused() -> None:
    assert codes(draft(description="é" * 4001)) == {"description": ErrorCode.TOO_LONG}


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        (ResolutionDraft(DisputeResolution.CREDIT_NOTE, 12_000, "AV-2026-0042"), {}),
        (
            ResolutionDraft(DisputeResolution.CREDIT_NOTE),
            {"amount": ErrorCode.REQUIRED, "credit_note_number": ErrorCode.REQUIRED},
        ),
        (
            ResolutionDraft(DisputeResolution.CREDIT_NOTE, -1, "AV-1"),
            {"amount": ErrorCode.NEGATIVE_AMOUNT},
        ),
        (
            ResolutionDraft(DisputeResolution.COMMERCIAL_GESTURE, 5_000),
            {"approved_by": ErrorCode.REQUIRED},
        ),
        (
            ResolutionDraft(DisputeResolution.COMMERCIAL_GESTURE, approved_by="Laurent Durand"),
            {"amount": ErrorCode.REQUIRED},
        ),
        (
            ResolutionDraft(DisputeResolution.COMMERCIAL_GESTURE, 5_000, approved_by="L. Durand"),
            {},
        ),
        (
            ResolutionDraft(DisputeResolution.REISSUED_INVOICE),
            {"reissued_number": ErrorCode.REQUIRED},
        ),
        (ResolutionDraft(DisputeResolution.REISSUED_INVOICE, reissued_number="FA-2026-0107"), {}),
        # A rejection is its own action, with a reason: not a resolution.
        (ResolutionDraft(DisputeResolution.REJECTED), {"kind": ErrorCode.REQUIRED}),
    ],
)
def test_resolution_fields(resolution: ResolutionDraft, expected: dict[str, ErrorCode]) -> None:
    assert {e.field: e.code for e in resolution_errors(resolution)} == expected


def test_status_moves_only_between_the_working_statuses() -> None:
    o, a, w = DisputeStatus.OPEN, DisputeStatus.ANALYSIS, DisputeStatus.WAITING_CUSTOMER
    assert can_move(o, a) and can_move(a, w) and can_move(w, a) and can_move(w, o)
    assert not can_move(a, a)
    for closed in (DisputeStatus.RESOLVED, DisputeStatus.REJECTED):
        assert not can_move(o, closed)  # closing needs a resolution or a reason
        assert not can_move(closed, o)  # a closed dispute stays closed


def test_days_open_counts_to_today_or_to_the_closing_day() -> None:
    assert days_open(date(2026, 3, 2), None, TODAY) == 14
    assert days_open(date(2026, 3, 2), date(2026, 3, 9), TODAY) == 7
    assert days_open(date(2026, 3, 20), None, TODAY) == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("photo livraison.jpg", "photo livraison.jpg"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("bon:de<livraison>?.pdf", "bon_de_livraison__.pdf"),
        ("..", "piece"),
        (".bashrc", "bashrc"),
        ("", "piece"),
        ("Réserves transporteur – Dupont & Fils.pdf", "Réserves transporteur – Dupont & Fils.pdf"),
    ],
)
def test_attachment_names_stay_in_their_folder(name: str, expected: str) -> None:
    assert safe_file_name(name, fallback="piece") == expected


def test_a_long_attachment_name_keeps_its_extension() -> None:
    name = safe_file_name("é" * 300 + ".jpeg")
    assert len(name) == 120 and name.endswith(".jpeg")
