"""Starting the application: `--user NAME`, the opening backup of a large file on a
thread, and the quick check begun before the modules load (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

import desktop.app
from desktop.app import GuiController, open_file
from desktop.cli import build_parser
from desktop.domain.clock import FixedClock
from desktop.domain.enums import Profile
from desktop.persistence.integrity import EarlyCheck, damage_found
from desktop.services.backups import backup_service_for
from desktop.ui.main_window import Area
from desktop.ui.profile_dialog import ProfileDialog

OWNER = "Hélène Marchand-Lefèvre"
SALESPERSON = "Loïc d'Arcy-Bénard"


@pytest.fixture
def controller(monkeypatch, request, clock: FixedClock) -> GuiController:  # type: ignore[no-untyped-def]
    QStandardPaths.setTestModeEnabled(True)  # QSettings of the test, not the user's
    request.addfinalizer(lambda: QStandardPaths.setTestModeEnabled(False))
    monkeypatch.setattr(QSettings, "setValue", lambda *_a, **_k: None)
    # Nobody is asked who is working: the option answers.
    monkeypatch.setattr(ProfileDialog, "exec", lambda _d: pytest.fail("asked who works"))
    built = GuiController(clock, start_user="loic d'arcy-benard")
    request.addfinalizer(built.shutdown)
    return built


@pytest.fixture
def team_file(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "Quincaillerie Noël & Fils.sqlite"
    services = open_file(path, clock)
    services.reference.add_user(OWNER, Profile.OWNER)
    services.reference.add_user(SALESPERSON, Profile.SALESPERSON)
    services.close()
    return path


def test_the_user_option_is_parsed_for_the_window() -> None:
    args = build_parser().parse_args(["--user", SALESPERSON, "--db", "x.sqlite"])
    assert args.user == SALESPERSON and args.command is None


def test_start_user_signs_in_without_the_dialog(
    qtbot, team_file: Path, controller: GuiController
) -> None:
    assert controller.open(team_file)
    qtbot.addWidget(controller.window)
    assert controller.services is not None
    user = controller.services.identity.user
    assert user is not None and user.name == SALESPERSON  # accents and case ignored
    assert controller.window.stack.currentIndex() == Area.CUSTOMERS  # type: ignore[union-attr]
    assert controller.start_user is None  # only for the first file


@pytest.mark.parametrize("pin", [True, False], ids=["has-a-pin", "unknown-name"])
def test_start_user_is_refused_with_a_reason(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, clock: FixedClock, team_file: Path, controller: GuiController, pin: bool
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    if pin:
        services = open_file(team_file, clock)
        [salesperson] = services.reference.salespeople()
        services.reference.set_pin(salesperson.id, "2468")
        services.close()
    else:
        controller.start_user = "Personne Inconnue"
    assert not controller.open(team_file)
    assert controller.window is None
    expected = "code PIN" if pin else "Personne Inconnue"
    assert len(said) == 1 and expected in said[0]
    assert expected in capsys.readouterr().err
    open_file(team_file, clock).close()  # nothing opened: no lock left behind


def test_a_large_file_is_backed_up_on_a_thread_finished_before_it_closes(
    monkeypatch, qtbot, team_file: Path, clock: FixedClock, controller: GuiController
) -> None:
    monkeypatch.setattr(desktop.app, "OPENING_BACKUP_THREAD_BYTES", 0)  # every file is large
    assert controller.open(team_file)
    qtbot.addWidget(controller.window)
    assert controller._opening_backup is not None
    controller.shutdown()
    assert controller._opening_backup is None
    reasons = sorted(b.reason for b in backup_service_for(team_file, clock, str).list())
    assert reasons == ["fermeture", "ouverture"]


def test_the_early_check_answers_for_its_file_only(
    qtbot, team_file: Path, tmp_path: Path, controller: GuiController
) -> None:
    damaged = tmp_path / "abîmé.sqlite"
    damaged.write_bytes(team_file.read_bytes())
    with open(damaged, "r+b") as handle:  # garbage over a page in the middle
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)
    assert damage_found(damaged)
    early = EarlyCheck(damaged)
    assert early.result() == damage_found(damaged)
    # Started for another file: the opening checks its own file, and it is sound.
    controller.early_check = EarlyCheck(damaged)
    assert controller.open(team_file)
    qtbot.addWidget(controller.window)
    assert controller.early_check is None
