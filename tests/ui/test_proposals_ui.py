"""Propositions (pytest-qt): building a proposal from a template and printing it; the
blocked banner and the deposit rule; the list; the templates dialog in Paramètres."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.enums import ProposalStatus
from desktop.services.registry import Services
from desktop.ui.main_window import Area, MainWindow
from desktop.ui.proposals.editor import (
    L_DESCRIPTION,
    L_PRICE,
    L_QUANTITY,
    S_PERCENT,
    ProposalEditor,
)
from desktop.ui.proposals.templates_dialog import M_EVENT, M_PERCENT, TemplatesDialog
from desktop.ui.proposals_page import ProposalsPage
from tests.ui.helpers import DUPONT_NAME, EPI_NAME, create_customer, type_text

TODAY = date(2026, 3, 16)


def fill_line(
    qtbot, editor: ProposalEditor, row: int, description: str, quantity: str, price: str
) -> None:  # type: ignore[no-untyped-def]
    for column, text in ((L_DESCRIPTION, description), (L_QUANTITY, quantity), (L_PRICE, price)):
        edit = editor.lines.line_edit(row, column)
        edit.clear()
        type_text(qtbot, edit, text)


def choose_template(editor: ProposalEditor, name: str) -> None:
    index = editor.template_combo.findText(name)
    assert index >= 0, name
    editor.template_combo.setCurrentIndex(index)


def test_build_a_proposal_from_a_template_and_print_it(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME, credit_limit_cents=1_000_000)
    page = ProposalsPage(services)
    qtbot.addWidget(page)
    editor = page.make_editor(customer_id=cid)
    qtbot.addWidget(editor)
    assert editor.customer_label.text() == DUPONT_NAME
    assert "absente de la liste des entreprises douteuses" in editor.check_label.text()
    # The default template gives one payment at 30 days end of month.
    assert editor.template_combo.currentText() == "30 jours fin de mois"
    fill_line(qtbot, editor, 0, "Établi d'atelier hêtre massif « Pro »", "2", "890,00")
    editor.lines.add_line()
    fill_line(qtbot, editor, 1, "Installation et mise en service", "1,5", "650")
    assert "Total TTC : 3\u202f306,00\u00a0€" in editor.totals_label.text()

    choose_template(editor, "Jalons 30 / 40 / 30")
    assert editor.schedule.rowCount() == 3
    amounts = [editor.schedule.item(row, 6).text() for row in range(3)]
    assert amounts == ["991,80\u00a0€", "1\u202f322,40\u00a0€", "991,80\u00a0€"]
    assert editor.error_label.isHidden()

    # A typo in the schedule is refused with its place and reason, live.
    percent = editor.schedule.widget(2, S_PERCENT)
    percent.clear()
    type_text(qtbot, percent, "20")
    assert "Échéancier : Les pourcentages font 90" in editor.error_label.text()
    assert not editor.save()
    percent.clear()
    type_text(qtbot, percent, "30")
    assert editor.error_label.isHidden()

    # 3 306 € is within the 10 000 € credit limit: no warning yet. A bigger order is not.
    editor.lines.line_edit(0, L_QUANTITY).clear()
    type_text(qtbot, editor.lines.line_edit(0, L_QUANTITY), "12")
    assert not editor.warnings_label.isHidden()
    assert "Plafond de crédit dépassé" in editor.warnings_label.text()

    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    written = editor.save_pdf(str(tmp_path / "devis.pdf"))
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    assert asked and "Plafond de crédit dépassé" in asked[0]
    (row,) = services.proposals.list()
    assert row.number == "DEV-2026-0001" and row.template_name == "Jalons 30 / 40 / 30"
    assert row.total_cents == 1_398_600
    assert page.model.rowCount() == 1  # the page followed the editor

    # Sent, then accepted; the delivery milestone reached becomes an expected receivable.
    assert editor.move_to(ProposalStatus.SENT)
    assert not editor.save_button.isEnabled()
    assert not editor.lines.line_edit(0, L_DESCRIPTION).isEnabled()
    assert editor.move_to(ProposalStatus.ACCEPTED)
    assert not editor.reached_button.isHidden()
    document_id = editor.mark_reached(1, TODAY)
    assert document_id is not None
    assert editor.schedule.item(0, 7).text() == "16/03/2026"
    assert editor.title.text().endswith("Acceptée")


def test_a_blocked_customer_shows_its_banner_and_needs_a_deposit(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, EPI_NAME)
    services.blocking.block_now(cid, "Trois factures à plus de 90 jours")
    editor = ProposalEditor(services, customer_id=cid)
    qtbot.addWidget(editor)
    assert not editor.banner.isHidden()
    assert "Trois factures à plus de 90 jours" in editor.banner.text()
    fill_line(qtbot, editor, 0, "Rayonnage à palettes", "1", "645")
    assert "acompte ou un paiement à la commande" in editor.error_label.text()
    assert not editor.save()
    choose_template(editor, "Acompte 30 % et solde à la livraison")
    assert editor.error_label.isHidden()
    assert editor.save()
    assert services.proposals.get(editor.proposal_id).schedule[0].item.is_deposit  # type: ignore[arg-type]


def test_the_propositions_area_lists_and_filters(
    qtbot, services: Services, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    cid = create_customer(services, DUPONT_NAME)
    other = create_customer(services, EPI_NAME)
    for customer_id in (cid, other):
        editor = window.proposals_page.make_editor(customer_id=customer_id)
        qtbot.addWidget(editor)
        fill_line(qtbot, editor, 0, "Étagères métalliques", "4", "189")
        assert editor.save()
    services.proposals.send(services.proposals.find("DEV-2026-0001"))
    window.go_to(Area.PROPOSALS)
    page = window.proposals_page
    page.reload()
    assert page.model.rowCount() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData(ProposalStatus.SENT.value))
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).customer_name == DUPONT_NAME  # type: ignore[union-attr]
    page.status_filter.setCurrentIndex(0)
    type_text(qtbot, page.customer_filter, "epi d'or")
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).customer_name == EPI_NAME  # type: ignore[union-attr]


def test_templates_dialog_creates_a_template(qtbot, services: Services, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.settings_page.schedule_templates_button.text() == "Modèles d'échéancier…"
    dialog = TemplatesDialog(services)
    qtbot.addWidget(dialog)
    dialog.new_template()
    dialog.name.clear()
    type_text(qtbot, dialog.name, "Acompte 50 % à la commande")
    dialog.milestones.cell(0, M_PERCENT).setText("50")
    dialog.milestones.add()
    type_text(qtbot, dialog.milestones.cell(1, M_EVENT), "Solde à la réception")
    dialog.milestones.cell(1, M_PERCENT).setText("40")
    assert dialog.save() is None
    assert "Les pourcentages font 90" in dialog.error_label.text()
    dialog.milestones.cell(1, M_PERCENT).setText("50")
    saved = dialog.save()
    assert saved is not None
    template = services.proposals.template(saved).template
    assert [m.percent_bp for m in template.milestones] == [5000, 5000]
    assert template.milestones[0].is_deposit
    dialog.select("30 jours fin de mois")
    assert not dialog.delete()
    assert "modèle par défaut" in dialog.error_label.text()
