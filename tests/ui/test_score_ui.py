"""The « Score de solvabilité » box of the customer page: the score in its colour, each
factor's points, and the rules in a window. Today is 16/03/2026 in the test clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.domain.customer import RatingDraft
from desktop.domain.enums import RatingSource
from desktop.services.registry import Services
from desktop.ui.customers.customer_page import SCORE_COLORS, CustomerPage
from tests.db.test_score_service import add_invoice
from tests.ui.helpers import DUPONT_NAME, SIREN_EPI, create_customer


def _rows(page: CustomerPage) -> list[tuple[str, str]]:
    tree = page.score_factors
    return [
        (tree.topLevelItem(k).text(0), tree.topLevelItem(k).text(1).replace("\u202f", " "))
        for k in range(tree.topLevelItemCount())
    ]


def test_the_box_shows_the_score_its_colour_and_its_factors(
    qtbot,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    add_invoice(services, cid, "FA-2025-0700", "2025-10-01", 300_000, settled="2025-10-21")
    add_invoice(services, cid, "FA-2026-0042", "2026-02-20", 400_000)
    services.customers.add_rating(cid, RatingDraft(RatingSource.COFACE, "2", date(2026, 3, 16)))
    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(cid)
    # 70 + 0 (20 days late) - 20 (all overdue) - 12 (Coface 2/10, today) = 38.
    assert page.score_box.title() == "Score de solvabilité"
    assert page.score_label.text() == "38/100 — à risque (base 70)"
    assert SCORE_COLORS["risk"] in page.score_label.styleSheet()
    rows = _rows(page)
    assert rows[0][0] == "0" and rows[0][1].startswith(
        "Retard moyen de paiement sur 12 mois : 20 j"
    )
    assert rows[1][0] == "\u221220" and "100 %" in rows[1][1]
    assert rows[2][0] == "\u221212"
    assert rows[2][1] == "Note Coface (DRA 0–10) 2 du 16/03/2026 (poids 100 % selon son âge)"
    assert page.score_factors.topLevelItem(1).foreground(0).color().name() == SCORE_COLORS["risk"]


def test_a_customer_without_history_keeps_the_base_and_the_rules_show(
    qtbot,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    cid = create_customer(services, "Boulangerie de l'Église & Cie")
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show()
    assert page.show_customer(cid)
    assert page.score_label.text() == "70/100 — sain (base 70)"
    assert SCORE_COLORS["good"] in page.score_label.styleSheet()
    assert _rows(page) == [("", "Rien de connu : le score reste à sa base.")]
    qtbot.mouseClick(page.score_rules_button, Qt.MouseButton.LeftButton)
    box = page.score_rules_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "règles version 2026.1" in box.text()
    box.close()
