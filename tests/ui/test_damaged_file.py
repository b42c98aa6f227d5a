"""A damaged data file at open: refused untouched, the latest sound backup offered and
restored (the damaged file kept aside); and the network-share banner."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import GuiController, latest_sound_backup, open_file
from desktop.domain.clock import FixedClock
from desktop.persistence.integrity import damage_found
from desktop.persistence.migrations import DatabaseOpenError, OpenProblem
from desktop.services.backups import backup_service_for
from tests.db.factories import SIRENS, customer

EPI = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT = "Dupont & Fils — Négoce de matériaux de l'Ouest"
PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file with garbage, as a failing disk would."""
    size = path.stat().st_size
    start = (size // 2) // PAGE * PAGE
    with open(path, "r+b") as handle:
        handle.seek(start)
        handle.write(b"\xde\xad\xbe\xef" * (3 * PAGE // 4))
    assert damage_found(path), "the test file must really be damaged"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 16, 9, 30))


@pytest.fixture
def damaged(tmp_path: Path, clock: FixedClock) -> Path:
    """A file with a backup holding one customer, then a second customer, then damage."""
    path = tmp_path / "Société Générale d'Outillage.sqlite"
    services = open_file(path, clock)
    services.customers.create(customer(EPI, siren=SIRENS[0]))
    services.backups.backup("ouverture")
    clock.moment += timedelta(hours=2)
    services.customers.create(customer(DUPONT, siren=SIRENS[1]))
    services.close()
    damage(path)
    clock.moment += timedelta(days=1)
    return path


@pytest.fixture
def controller(monkeypatch, request, clock: FixedClock) -> GuiController:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # QSettings of the test, not the user's
    request.addfinalizer(lambda: QStandardPaths.setTestModeEnabled(False))
    monkeypatch.setattr(QSettings, "setValue", lambda *_a, **_k: None)
    built = GuiController(clock)
    request.addfinalizer(built.shutdown)
    return built


def answer(said: list[str], button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
    def reply(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        said.append(text)
        return button

    return reply


def test_opening_refuses_a_damaged_file_without_touching_it(damaged: Path, clock) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged)
    with pytest.raises(DatabaseOpenError) as raised:
        open_file(damaged, clock)
    assert raised.value.problem is OpenProblem.CORRUPT
    assert "malformed" in raised.value.detail
    assert digest(damaged) == before
    # No opening backup of the damage pushed a good backup out of the rotation.
    reasons = [b.reason for b in backup_service_for(damaged, clock, str).list()]
    assert reasons == ["ouverture"]
    # The lock was given back: the file can be restored or opened once repaired.
    assert not Path(str(damaged) + ".lock").exists()


def test_a_sound_file_passes_the_quick_check(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "saine.sqlite"
    open_file(path, clock).close()
    assert damage_found(path) == []
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("Relance Dupont & Fils", encoding="utf-8")
    assert damage_found(not_sqlite) == []  # refused later as "not SQLite", more precisely


def test_the_latest_sound_backup_is_offered_and_restored(
    qtbot, monkeypatch, damaged: Path, controller: GuiController
) -> None:  # type: ignore[no-untyped-def]
    damaged_bytes = damaged.read_bytes()
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer(asked, QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", answer(told, QMessageBox.StandardButton.Ok))

    assert controller.open(damaged)
    qtbot.addWidget(controller.window)

    [question] = asked
    assert "est endommagé" in question
    assert "16/03/2026 à 09:30" in question and "1 client(s)" in question
    assert "sans être écrasé" in question
    assert controller.services is not None
    assert controller.services.customers.total() == 1  # the backup's content
    assert damage_found(damaged) == []
    # The damaged file was kept aside, its damage with it, before being replaced.
    backups = controller.services.backups.list()
    [kept] = [b for b in backups if b.reason == "avant-restauration"]
    assert told == [
        "La sauvegarde a été restaurée. Le fichier endommagé est gardé sous "
        f"« {kept.path} ». Ce qui a été saisi depuis cette sauvegarde est à ressaisir."
    ]
    assert damage_found(kept.path)
    assert kept.size_bytes == len(damaged_bytes)
    # The restored file is an ordinary working file: it takes new data.
    controller.services.customers.create(customer(DUPONT, siren=SIRENS[1]))
    assert controller.services.customers.total() == 2


def test_a_damaged_copy_kept_aside_is_never_offered(damaged: Path, clock) -> None:  # type: ignore[no-untyped-def]
    backups = backup_service_for(damaged, clock, str)
    backups.restore(backups.list()[0].path)
    listed = backups.list()
    assert [b.reason for b in listed] == ["avant-restauration", "ouverture"]
    latest = latest_sound_backup(listed)
    assert latest is not None and latest.reason == "ouverture"


def test_declining_leaves_the_damaged_file_as_it_is(
    monkeypatch, damaged: Path, controller: GuiController
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged)
    asked: list[str] = []
    welcomed: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer(asked, QMessageBox.StandardButton.No))
    monkeypatch.setattr(
        controller, "welcome", lambda _path, message="": welcomed.append(message) or False
    )

    assert not controller.open(damaged)

    assert len(asked) == 1
    assert welcomed and "est endommagé" in welcomed[0]
    assert digest(damaged) == before
    assert controller.services is None


def test_without_a_sound_backup_the_message_says_where_it_looked(
    monkeypatch, damaged: Path, controller: GuiController
) -> None:  # type: ignore[no-untyped-def]
    for info in backup_service_for(damaged, controller.clock, str).list():
        info.path.unlink()
    before = digest(damaged)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", answer(shown, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(controller, "welcome", lambda _path, _message="": False)

    assert not controller.open(damaged)

    [message] = shown
    assert "est endommagé" in message
    assert "Aucune sauvegarde en bon état" in message
    assert "Société Générale d'Outillage-sauvegardes" in message
    assert digest(damaged) == before


def test_a_file_on_a_network_share_shows_the_banner(
    qtbot, monkeypatch, tmp_path: Path, controller: GuiController
) -> None:  # type: ignore[no-untyped-def]
    import desktop.app

    path = tmp_path / "encaisse.sqlite"
    open_file(path, controller.clock).close()
    monkeypatch.setattr(desktop.app, "network_share_kind", lambda _path: "cifs")

    assert controller.open(path)
    qtbot.addWidget(controller.window)

    banner = controller.window.network_banner
    assert banner.isVisibleTo(controller.window)
    assert banner.text().startswith(
        "Fichier sur un partage réseau : SQLite n'y est pas fiable à plusieurs."
    )


def test_a_local_file_has_no_banner(qtbot, tmp_path: Path, controller: GuiController) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "encaisse.sqlite"
    open_file(path, controller.clock).close()
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    assert not controller.window.network_banner.isVisibleTo(controller.window)
