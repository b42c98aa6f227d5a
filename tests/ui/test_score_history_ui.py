"""Issue 7: the customer page stores the score it shows and draws its last points in the
score box (a small line and the last changes in words). Today is 16/03/2026."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.domain.clock import FixedClock
from desktop.services.registry import Services
from desktop.services.score import ScorePoint
from desktop.ui.customers.customer_page import CustomerPage
from desktop.ui.customers.score_history import ScoreHistoryWidget
from tests.db.test_score_service import add_invoice
from tests.ui.helpers import DUPONT_NAME, SIREN_EPI, create_customer

TODAY = date(2026, 3, 16)


def test_showing_a_customer_stores_its_score_and_lists_its_history(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
) -> None:
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    add_invoice(services, cid, "FA-2026-0042", "2026-03-10", 400_000, issued="2026-02-08")
    services.score.refresh(TODAY - timedelta(days=14))  # not due yet then: 70
    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(cid)

    # Today all of it is overdue: 50, stored by the page itself, the day's point added.
    assert page.score_label.text().startswith("50/100")
    assert [(p.score, p.change) for p in services.score.history(cid)] == [(70, None), (50, -20)]
    history = page.score_history
    assert [p.score for p in history.points] == [70, 50]
    text = history.summary.text()
    assert text.splitlines() == [
        "Historique (derniers changements) :",
        "16/03/2026 : 50 (\u221220)",
        "02/03/2026 : 70 (premier calcul)",
    ]
    assert history.sparkline.isVisibleTo(page)
    first, last = history.sparkline.positions()
    assert first.x() < last.x() and first.y() < last.y()  # later, and lower


def test_a_customer_without_history_says_so(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
) -> None:
    widget = ScoreHistoryWidget()
    qtbot.addWidget(widget)
    assert widget.summary.text().startswith("Historique : pas encore de point")
    assert not widget.sparkline.isVisibleTo(widget)
    # A single point: written out, no line to draw.
    widget.set_points([ScorePoint(TODAY, 62, "2026.1", {"overdue_share": -8}, None)])
    assert widget.summary.text() == "Historique : 62 le 16/03/2026, inchangé depuis."
    assert not widget.sparkline.isVisibleTo(widget)


def test_the_list_shows_the_last_four_points_and_new_rules(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    widget = ScoreHistoryWidget()
    qtbot.addWidget(widget)
    points = [
        ScorePoint(date(2026, 1, 5), 81, "2026.1", {}, None),
        ScorePoint(date(2026, 1, 19), 74, "2026.1", {}, -7),
        ScorePoint(date(2026, 2, 2), 74, "2027.1", {}, 0),
        ScorePoint(date(2026, 2, 16), 38, "2027.1", {}, -36),
        ScorePoint(date(2026, 3, 2), 45, "2027.1", {}, 7),
    ]
    widget.set_points(points)
    assert widget.summary.text().splitlines()[1:] == [
        "02/03/2026 : 45 (+7)",
        "16/02/2026 : 38 (\u221236)",
        "02/02/2026 : 74 (0) — règles v2027.1",
        "19/01/2026 : 74 (\u22127)",
    ]
    # Every point is in the line's tooltip; the drawing spans the scores, not 0–100.
    assert "05/01/2026 : 81 (premier calcul)" in widget.sparkline.toolTip()
    low, high = widget.sparkline.score_range()
    assert (low, high) == (30, 89)
    widget.resize(400, 80)
    ys = [p.y() for p in widget.sparkline.positions()]
    assert ys[3] == max(ys) and ys[0] == min(ys)  # 38 lowest, 81 highest


def test_a_later_day_on_the_page_adds_a_point(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
) -> None:
    cid = create_customer(services, DUPONT_NAME, siren=SIREN_EPI)
    page = CustomerPage(services)
    qtbot.addWidget(page)
    assert page.show_customer(cid)
    assert [p.score for p in page.score_history.points] == [70]
    clock = services.context.clock
    assert isinstance(clock, FixedClock)
    clock.moment = datetime(2026, 3, 20, 9, 30)
    add_invoice(services, cid, "FA-2026-0042", "2026-03-19", 100_000, issued="2026-02-17")
    page.show_customer(cid)
    assert [(p.computed_on, p.score) for p in page.score_history.points] == [
        (TODAY, 70),
        (date(2026, 3, 20), 50),
    ]
