"""The day's letters dialog and the template editor: they open, preview, and only a
confirmed save or print marks the reminders done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.enums import ActionStatus, DocumentKind
from desktop.persistence.models import Customer, Document
from desktop.services.registry import Services
from desktop.ui.letters.batch_dialog import LetterBatchDialog
from desktop.ui.letters.template_editor import TemplateEditorDialog
from tests.ui.helpers import DUPONT_NAME, EPI_NAME, create_customer

AS_OF = date(2026, 3, 16)


@pytest.fixture
def day(services: Services) -> Services:
    """Two letters (L'Épi d'Or 9 days late, Dupont & Fils <SARL> 20 days late) and one
    customer without a street."""
    epi = create_customer(services, EPI_NAME)
    dupont = create_customer(services, DUPONT_NAME, postal_code="75011", city="Paris")
    nowhere = create_customer(services, "Transports Sans-Adresse")
    now = services.context.clock.now()
    with services.database.transaction() as session:
        for cid, number, due in (
            (epi, "FA-2026-0001", "2026-03-07"),
            (dupont, "FA-2026-0002", "2026-02-24"),
            (nowhere, "FA-2026-0003", "2026-03-07"),
        ):
            session.add(
                Document(
                    customer_id=cid,
                    kind=DocumentKind.INVOICE.value,
                    number=number,
                    issued_on=date(2026, 1, 2),
                    due_on=date.fromisoformat(due),
                    total_cents=123_456,
                    open_cents=123_456,
                    created_at=now,
                    updated_at=now,
                )
            )
        session.get(Customer, nowhere).billing_line1 = ""  # type: ignore[union-attr]
    services.reminders.refresh(AS_OF)
    return services


def statuses(services: Services) -> list[ActionStatus]:
    return [row.status for row in services.reminders.due(AS_OF)]


def test_batch_dialog_lists_letters_and_previews(qtbot, day: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = LetterBatchDialog(day, AS_OF)
    qtbot.addWidget(dialog)
    rows = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert rows == [EPI_NAME, DUPONT_NAME, "Transports Sans-Adresse"]
    problem = dialog.tree.topLevelItem(2)
    assert problem.text(1) == "Impossible d'imprimer : pas d'adresse postale"
    assert "2 courrier(s) à imprimer" in dialog.summary.text()
    assert dialog.preview.page_count == 2
    assert not dialog.preview.image.pixmap().isNull()
    assert dialog.preview.page_label.text() == "Page 1 sur 2"
    dialog.preview.next_button.click()
    assert dialog.preview.current_page == 1 and not dialog.preview.next_button.isEnabled()


def test_save_then_confirm_marks_done(
    qtbot, day: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = LetterBatchDialog(day, AS_OF)
    qtbot.addWidget(dialog)
    target = tmp_path / "courriers"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []

    def answer_no(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    dialog.save_button.click()
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert asked == ["Marquer ces 2 relances comme faites ?"]
    assert ActionStatus.DONE not in statuses(day)  # saved, but not confirmed

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.sig_marked_done) as signal:
        dialog.save_button.click()
    assert signal.args == [2]
    assert statuses(day) == [ActionStatus.PENDING]  # only the unprintable one is left


def test_print_to_a_pdf_printer(qtbot, day: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LetterBatchDialog(day, AS_OF)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "imprime.pdf"))
    assert dialog.print_to(printer) == 2
    assert (tmp_path / "imprime.pdf").stat().st_size > 1000


def test_template_editor_previews_refuses_broken_and_saves(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = TemplateEditorDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.templates.count() == 10
    assert dialog.subject.text().startswith("Échéance prochaine")
    assert dialog.preview.page_count == 1 and not dialog.preview.image.pixmap().isNull()
    assert not dialog.reset_button.isEnabled()

    dialog.body.setPlainText("Bonjour,\n\n{{ ''.__class__ }}")
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=3000)
    assert "Ligne 3" in dialog.error.text() and "accès interdit" in dialog.error.text()
    assert not dialog.save()
    assert services.letters.template("courtesy", "fr").is_default

    dialog.subject.setText("Votre échéance du mois")
    dialog.body.setPlainText("Bonjour {{ contact_name }},\n\n{{ invoice_table }}\n\nMerci,")
    assert dialog.save()
    saved = services.letters.template("courtesy", "fr")
    assert (saved.subject, saved.is_default) == ("Votre échéance du mois", False)
    assert dialog.reset_button.isEnabled() and dialog.error.isHidden()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.reset_button.click()
    assert services.letters.template("courtesy", "fr").is_default
    assert dialog.subject.text().startswith("Échéance prochaine")
