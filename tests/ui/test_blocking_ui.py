"""The owner's blocking proposals, the blocked banner and the insolvency actions
(today is 16/03/2026)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.domain.enums import CustomerStatus, DocumentKind, InsolvencyKind, Profile
from desktop.persistence.models import Document
from desktop.services.registry import Services
from desktop.ui.blocking.banner import BlockedBanner
from desktop.ui.blocking.decisions_panel import DecisionsPanel
from desktop.ui.blocking.insolvency_dialog import InsolvencyDialog
from desktop.ui.blocking.reason_dialog import ReasonDialog
from desktop.ui.customers.customer_form import CustomerDialog
from desktop.ui.customers.customer_page import CustomerPage
from tests.ui.helpers import DUPONT_NAME, EPI_NAME, create_customer


def _invoice(services: Services, customer_id: int, number: str, due: date, cents: int) -> None:
    now = services.context.clock.now()
    with services.database.transaction() as session:
        session.add(
            Document(
                customer_id=customer_id,
                kind=DocumentKind.INVOICE.value,
                number=number,
                issued_on=date(2025, 11, 3),
                due_on=due,
                total_cents=cents,
                open_cents=cents,
                created_at=now,
                updated_at=now,
            )
        )


def answer_reason(monkeypatch: pytest.MonkeyPatch, text: str | None) -> list[str]:
    """Every ReasonDialog answers `text` (None: cancelled); returns the prompts shown."""
    prompts: list[str] = []

    def fake_exec(self: ReasonDialog) -> int:
        prompts.append(self.windowTitle())
        if text is None:
            return 0
        self.text.setPlainText(text)
        assert self.ok_button.isEnabled()
        self.accept()
        return 1

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec)
    return prompts


@pytest.fixture
def two_late(services: Services) -> tuple[int, int]:
    epi = create_customer(services, EPI_NAME, credit_limit_cents=1_000_000)
    _invoice(services, epi, "FA-2025-0412", date(2025, 12, 31), 1_245_000)  # 75 days late
    dupont = create_customer(services, DUPONT_NAME)
    _invoice(services, dupont, "FA-2025-0450", date(2026, 1, 5), 48_000)  # 70 days late
    return epi, dupont


def test_the_reason_is_required(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ReasonDialog("Bloquer le client", "Pourquoi ?", "Bloquer")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Bloquer"
    dialog.text.setPlainText("   \n ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.text.setPlainText("  Trois chèques impayés  ")
    assert dialog.ok_button.isEnabled()
    assert dialog.reason() == "Trois chèques impayés"


def test_the_panel_lists_proposals_and_blocks_with_a_reason(
    qtbot, services: Services, two_late: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    epi, dupont = two_late
    panel = DecisionsPanel(services)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.tree.topLevelItemCount() == 2
    rows = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert set(rows) == {EPI_NAME, DUPONT_NAME}
    epi_text = rows[EPI_NAME].text(1)
    assert "Plus ancienne pièce en retard de 75 jour(s) (seuil : 60 jour(s))" in epi_text
    assert (
        "Encours de 12\u202f450,00\u00a0€ au-delà du plafond de 10\u202f000,00\u00a0€" in epi_text
    )
    assert rows[EPI_NAME].text(2) == "16/03/2026"
    assert panel.subtitle.text() == "2 proposition(s) de blocage à décider"

    # Cancelled: nothing happens.
    panel.tree.setCurrentItem(rows[EPI_NAME])
    answer_reason(monkeypatch, None)
    assert not panel.decide(True)
    assert services.customers.get(epi).draft.status is CustomerStatus.ACTIVE

    prompts = answer_reason(monkeypatch, "Encours hors plafond, deux relances sans réponse")
    with qtbot.waitSignal(panel.sig_decided) as decided:
        qtbot.mouseClick(panel.block_button, Qt.MouseButton.LeftButton)
    assert decided.args == [epi]
    assert prompts == ["Bloquer le client"]
    assert services.customers.get(epi).draft.status is CustomerStatus.BLOCKED
    block = services.blocking.current_block(epi)
    assert block is not None and block.reason == "Encours hors plafond, deux relances sans réponse"
    assert panel.tree.topLevelItemCount() == 1

    # Keep the other one.
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    prompts = answer_reason(monkeypatch, "Client fidèle, règlement annoncé vendredi")
    assert panel.decide(False)
    assert prompts == ["Maintenir le client"]
    assert services.customers.get(dupont).draft.status is CustomerStatus.ACTIVE
    assert panel.tree.topLevelItemCount() == 0
    assert panel.subtitle.text() == "Aucune proposition de blocage en attente."
    assert not panel.block_button.isEnabled()
    panel.refresh()  # kept: not proposed again today
    assert panel.tree.topLevelItemCount() == 0


def test_the_panel_sets_the_number_of_days_and_opens_customers(
    qtbot, services: Services, two_late: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    epi, _dupont = two_late
    panel = DecisionsPanel(services)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.days.value() == 60
    assert not panel.apply_days.isEnabled()
    panel.days.setValue(72)
    assert panel.apply_days.isEnabled()
    panel.save_days()
    assert services.blocking.overdue_days() == 72
    # With a 72-day threshold the 70-day-late proposal is withdrawn; Épi d'Or stays.
    assert [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())] == [
        EPI_NAME
    ]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    with qtbot.waitSignal(panel.customer_requested) as requested:
        panel.open_button.click()
    assert requested.args == [epi]


def test_the_banner_says_who_when_why_and_unblocks(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    services.reference.add_user("Claire Martin", Profile.OWNER)
    services.context.actor = lambda: "Claire Martin"
    cid = create_customer(services, DUPONT_NAME)
    banner = BlockedBanner(services)
    qtbot.addWidget(banner)
    assert banner.show_customer(cid) is None
    assert banner.isHidden()

    services.blocking.block_now(cid, "Chèque impayé de 4 200 € le 10/03")
    banner.show_customer(cid)
    assert not banner.isHidden()
    assert banner.text() == (
        "Client bloqué depuis le 16/03/2026 par Claire Martin : Chèque impayé de 4 200 € le 10/03"
    )
    assert banner.unblock_button.isVisibleTo(banner)

    prompts = answer_reason(monkeypatch, "Chèque représenté et encaissé")
    with qtbot.waitSignal(banner.sig_changed):
        assert banner.unblock()
    assert prompts == ["Débloquer le client"]
    assert banner.isHidden()
    assert services.customers.get(cid).draft.status is CustomerStatus.ACTIVE

    readonly = BlockedBanner(services, can_unblock=False)
    qtbot.addWidget(readonly)
    services.blocking.block_now(cid, "Nouveau rejet de prélèvement")
    readonly.show_customer(cid)
    assert not readonly.unblock_button.isVisibleTo(readonly)


def test_the_customer_page_shows_the_banner_and_blocks(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, EPI_NAME)
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(cid)
    assert page.banner.isHidden()
    assert page.block_action.isVisible()
    assert not page.claim_action.isVisible()

    answer_reason(monkeypatch, "Livraisons suspendues en attendant le règlement")
    with qtbot.waitSignal(page.sig_changed):
        assert page.block_customer()
    assert page.badge.text() == "Bloqué"
    assert not page.banner.isHidden()
    assert page.banner.text().startswith("Client bloqué depuis le 16/03/2026 par Camille Test")
    assert not page.block_action.isVisible()

    # The form cannot unblock: the status is shown, not offered.
    dialog = CustomerDialog(services, cid, page)
    qtbot.addWidget(dialog)
    assert dialog.status.currentText() == "Bloqué"
    assert not dialog.status.isEnabled()


def test_the_form_does_not_offer_blocked_to_an_active_customer(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, EPI_NAME)
    dialog = CustomerDialog(services, cid)
    qtbot.addWidget(dialog)
    labels = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert "Bloqué" not in labels and "Actif" in labels
    assert dialog.status.isEnabled()


def test_insolvency_from_the_customer_page_and_its_claim_pdf(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME)
    _invoice(services, cid, "FA-2025-0990", date(2026, 1, 30), 1_500_000)
    page = CustomerPage(services)
    qtbot.addWidget(page)
    page.show_customer(cid)

    def fill_and_save(self: InsolvencyDialog) -> int:
        self.kind.setCurrentIndex(self.kind.findData(InsolvencyKind.LIQUIDATION.value))
        self.opened_on.set_value(date(2026, 3, 2))
        self.published_on.set_value(date(2026, 3, 12))
        self.save()
        return int(self.result())

    monkeypatch.setattr(InsolvencyDialog, "exec", fill_and_save)
    assert page.record_insolvency()
    assert page.badge.text() == "Procédure collective"
    assert "Procédure collective ouverte le 02/03/2026" in page.banner.text()
    assert page.claim_action.isVisible()

    out = tmp_path / "créance.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    opened: list[object] = []
    monkeypatch.setattr(
        "desktop.ui.customers.customer_page.QDesktopServices.openUrl", opened.append
    )
    assert page.save_claim() == out
    assert out.read_bytes().startswith(b"%PDF")
    assert len(opened) == 1


def test_the_insolvency_dialog_shows_date_errors(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME)
    dialog = InsolvencyDialog(services, cid)
    qtbot.addWidget(dialog)
    dialog.opened_on.set_value(date(2026, 3, 10))
    dialog.published_on.set_value(date(2026, 3, 5))
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    label = dialog.errors.label("bodacc_published_on")
    assert label is not None and label.text() == "Date incohérente."
    assert services.customers.get(cid).draft.status is CustomerStatus.ACTIVE
