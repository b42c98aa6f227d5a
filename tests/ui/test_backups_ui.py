"""The Sauvegardes dialog: lists backups with what they hold, backs up, restores."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.clock import FixedClock
from desktop.services.backups import backup_service_for
from desktop.services.registry import Services
from desktop.ui.backups_dialog import COLUMN_CONTENTS, COLUMN_DATE, COLUMN_REASON, BackupsDialog
from desktop.ui.main_window import MainWindow
from tests.db.factories import SIRENS, customer

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils — Négoce de matériaux de l'Ouest"


def tick(services: Services, minutes: int) -> None:
    clock = services.context.clock
    assert isinstance(clock, FixedClock)
    clock.moment += timedelta(minutes=minutes)


@pytest.fixture
def two_backups(services: Services) -> Services:
    """A backup at opening with one customer, one before an import with two."""
    services.customers.create(customer(EPI, siren=SIRENS[0]))
    services.backups.backup("ouverture")
    tick(services, 45)
    services.customers.create(customer(DUPONT, siren=SIRENS[1]))
    services.backups.backup("avant-import")
    tick(services, 5)
    return services


def rows(dialog: BackupsDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [
        (
            table.topLevelItem(i).text(COLUMN_DATE),
            table.topLevelItem(i).text(COLUMN_REASON),
            table.topLevelItem(i).text(COLUMN_CONTENTS),
        )
        for i in range(table.topLevelItemCount())
    ]


def answer(asked: list[str], button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
    def reply(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return button

    return reply


def test_lists_backups_newest_first_with_reason_and_contents(qtbot, two_backups: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(two_backups)
    qtbot.addWidget(dialog)
    assert rows(dialog) == [
        ("16/03/2026 10:15:00", "Avant un import", "2 client(s), 0 pièce(s) ouverte(s)"),
        ("16/03/2026 09:30:00", "À l'ouverture", "1 client(s), 0 pièce(s) ouverte(s)"),
    ]
    assert "encaisse-sauvegardes" in dialog.folder_label.text()
    assert dialog.restore_button.isEnabled()
    assert not dialog.empty_label.isVisibleTo(dialog)


def test_an_empty_folder_says_so(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    assert rows(dialog) == []
    assert dialog.empty_label.isVisibleTo(dialog)
    assert not dialog.restore_button.isEnabled()


def test_backup_now_adds_a_row(qtbot, monkeypatch, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.customers.create(customer(EPI, siren=SIRENS[0]))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", answer(told, QMessageBox.StandardButton.Ok))
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert rows(dialog) == [
        ("16/03/2026 09:30:00", "Manuelle", "1 client(s), 0 pièce(s) ouverte(s)")
    ]
    assert told == ["Sauvegarde enregistrée : encaisse-20260316-093000-manuelle.encaisse"]


def test_restore_asks_naming_the_backup_then_replaces_the_file(
    qtbot, monkeypatch, two_backups: Services
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer(asked, QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", answer(told, QMessageBox.StandardButton.Ok))
    dialog = BackupsDialog(two_backups)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))  # the opening one

    dialog.restore_button.click()

    assert len(asked) == 1
    assert "16/03/2026 09:30:00" in asked[0] and "À l'ouverture" in asked[0]
    assert "1 client(s)" in asked[0]
    assert dialog.restored
    assert two_backups.customers.total() == 1
    assert "avant-restauration" in told[0]
    reasons = [row.reason for row in two_backups.backups.list()]
    assert reasons == ["avant-restauration", "avant-import", "ouverture"]


def test_declining_the_confirmation_changes_nothing(
    qtbot, monkeypatch, two_backups: Services
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer(asked, QMessageBox.StandardButton.No))
    dialog = BackupsDialog(two_backups)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    dialog.restore_button.click()
    assert asked and not dialog.restored
    assert two_backups.customers.total() == 2
    assert len(two_backups.backups.list()) == 2


def test_a_refused_backup_is_explained(qtbot, monkeypatch, two_backups: Services) -> None:  # type: ignore[no-untyped-def]
    newest = two_backups.backups.list()[0].path
    newest.write_bytes(b"pas une base")  # damaged after being listed
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer([], QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", answer(warned, QMessageBox.StandardButton.Ok))
    dialog = BackupsDialog(two_backups)
    qtbot.addWidget(dialog)
    # Listed as unreadable: restoring it is not offered.
    assert rows(dialog)[0][2] == "Illisible (fichier endommagé ?)"
    assert not dialog.restore_button.isEnabled()
    dialog.restore_selected()  # even if asked, the service refuses it
    assert warned and "n'est pas un fichier Encaisse" in warned[0]
    assert not dialog.restored
    assert two_backups.customers.total() == 2


def test_main_window_opens_the_dialog_and_asks_to_reload_after_a_restore(
    qtbot, monkeypatch, window: MainWindow, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def restored_exec(dialog: BackupsDialog) -> int:
        dialog.restored = True
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", restored_exec)
    [action] = [
        a
        for a in window.menuBar().actions()[0].menu().actions()
        if a.text() == "Sauvegardes et restauration…"
    ]
    with qtbot.waitSignal(window.sig_reload_file) as signal:
        action.trigger()
    assert signal.args == [str(db_path)]


def test_application_backs_up_at_open_and_close_and_reloads_after_a_restore(
    qtbot, monkeypatch, request, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QStandardPaths

    from desktop.app import GuiController, open_file

    QStandardPaths.setTestModeEnabled(True)  # QSettings of the test, not the user's
    request.addfinalizer(lambda: QStandardPaths.setTestModeEnabled(False))
    monkeypatch.setattr(QSettings, "setValue", lambda *_a, **_k: None)
    path = tmp_path / "Société Générale d'Outillage.sqlite"
    clock = FixedClock(datetime(2026, 3, 16, 9, 30))
    created = open_file(path, clock)
    created.customers.create(customer(EPI, siren=SIRENS[0]))
    created.close()

    controller = GuiController(clock)
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    assert controller.services is not None
    [opening] = controller.services.backups.list()
    assert opening.reason == "ouverture" and opening.customers == 1
    controller.services.customers.create(customer(DUPONT, siren=SIRENS[1]))
    clock.moment += timedelta(minutes=1)
    controller.services.backups.restore(opening.path)

    old_window = controller.window
    controller.window.sig_reload_file.emit(str(path))  # what the main window does

    assert controller.window is not old_window
    qtbot.addWidget(controller.window)  # closed when the test ends, like the first one
    assert controller.services.customers.total() == 1
    clock.moment += timedelta(minutes=1)
    controller.shutdown()
    reasons = [row.reason for row in backup_service_for(path, clock, str).list()]
    # Opening again after the restore backs up the restored file, like any opening.
    assert reasons == ["fermeture", "ouverture", "avant-restauration", "ouverture"]
