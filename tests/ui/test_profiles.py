"""Profiles at start: pick who you are (with a PIN if set), land on your own work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog

from desktop.app import GuiController, open_file
from desktop.domain.clock import FixedClock
from desktop.domain.enums import Profile
from desktop.services.registry import Services
from desktop.ui import profile_dialog
from desktop.ui.main_window import Area, MainWindow
from desktop.ui.pin_dialog import PinDialog
from desktop.ui.profile_dialog import ProfileDialog
from desktop.ui.settings_page import SettingsPage
from tests.ui.helpers import create_customer, type_text

OWNER = "Hélène Marchand-Lefèvre"
ASSISTANT = "Léa Fournier"
SALESPERSON = "Marc O'Neil"


@pytest.fixture
def team(services: Services) -> dict[str, int]:
    return {
        OWNER: services.reference.add_user(OWNER, Profile.OWNER),
        ASSISTANT: services.reference.add_user(ASSISTANT, Profile.ASSISTANT),
        SALESPERSON: services.reference.add_user(SALESPERSON, Profile.SALESPERSON),
    }


def select(dialog: ProfileDialog, name: str) -> None:
    row = next(i for i, u in enumerate(dialog.users) if u.name == name)
    dialog.people.setCurrentRow(row)


def test_the_team_is_listed_and_the_remembered_person_preselected(
    qtbot, services: Services, team: dict[str, int]
) -> None:
    dialog = ProfileDialog(services, team[SALESPERSON])
    qtbot.addWidget(dialog)
    texts = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert texts == [
        f"{OWNER}\nDirigeant",
        f"{ASSISTANT}\nAssistant(e) relances",
        f"{SALESPERSON}\nCommercial",
    ]
    assert dialog.selected_user().name == SALESPERSON  # type: ignore[union-attr]
    assert dialog.pin.isHidden()  # nobody has a PIN yet
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen is not None and dialog.chosen.id == team[SALESPERSON]


def test_a_wrong_pin_is_refused_then_the_right_one_accepted(
    qtbot, services: Services, team: dict[str, int]
) -> None:
    services.reference.set_pin(team[OWNER], "4821")
    dialog = ProfileDialog(services)
    qtbot.addWidget(dialog)
    select(dialog, OWNER)
    assert not dialog.pin.isHidden()
    type_text(qtbot, dialog.pin, "1234")
    dialog.try_accept()
    assert dialog.chosen is None and dialog.error.text() == "Code PIN incorrect."
    assert dialog.pin.text() == ""  # typed again from scratch
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.pin, "4821")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # Entrée starts, as the default button
    assert dialog.chosen is not None and dialog.chosen.name == OWNER


def test_three_wrong_pins_make_the_dialog_wait(
    qtbot, services: Services, team: dict[str, int]
) -> None:
    services.reference.set_pin(team[OWNER], "4821")
    dialog = ProfileDialog(services)
    qtbot.addWidget(dialog)
    select(dialog, OWNER)
    for _ in range(profile_dialog.WRONG_PINS_BEFORE_PAUSE):
        type_text(qtbot, dialog.pin, "0000")
        dialog.try_accept()
    assert not dialog.start_button.isEnabled()
    assert "30 secondes" in dialog.error.text()
    type_text(qtbot, dialog.pin, "4821")
    dialog.try_accept()  # even the right PIN waits
    assert dialog.chosen is None


def test_the_pin_field_takes_digits_only(qtbot, services: Services, team: dict[str, int]) -> None:
    services.reference.set_pin(team[ASSISTANT], "2468")
    dialog = ProfileDialog(services)
    qtbot.addWidget(dialog)
    select(dialog, ASSISTANT)
    qtbot.keyClicks(dialog.pin, "2a4b6c8d9999")
    assert dialog.pin.text() == "24689999"


def signed_in_window(qtbot, services: Services, user_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    services.identity.sign_in(services.reference.user(user_id))
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def test_the_owner_lands_on_the_dashboard(qtbot, services: Services, team: dict[str, int]) -> None:
    window = signed_in_window(qtbot, services, team[OWNER])
    assert window.stack.currentIndex() == Area.DASHBOARD
    assert window.person_label.text() == f"{OWNER} · Dirigeant"
    assert window.customer_list.salesperson_filter.currentData() is None


def test_the_assistant_lands_on_todays_reminders(
    qtbot, services: Services, team: dict[str, int]
) -> None:
    window = signed_in_window(qtbot, services, team[ASSISTANT])
    assert window.stack.currentIndex() == Area.REMINDERS
    assert window.reminders_page.tabs.currentIndex() == 0
    # The assistant chases everyone's customers: no narrowing.
    assert window.reminders_page.assignee_filter.currentData() is None


def test_a_salesperson_lands_on_their_own_customers(
    qtbot, services: Services, team: dict[str, int]
) -> None:
    create_customer(services, "Boulangerie L'Épi d'Or", salesperson_id=team[SALESPERSON])
    create_customer(services, "Dupont & Fils — Négoce", siren="732829320")
    window = signed_in_window(qtbot, services, team[SALESPERSON])
    assert window.stack.currentIndex() == Area.CUSTOMERS
    assert window.customer_list.salesperson_filter.currentData() == team[SALESPERSON]
    assert window.customer_list.model.rowCount() == 1
    assert window.reminders_page.assignee_filter.currentData() == team[SALESPERSON]


def test_only_the_owner_sees_the_journal_of_changes(
    qtbot, monkeypatch, services: Services, team: dict[str, int]
) -> None:
    from desktop.ui.audit.audit_dialog import AuditDialog

    opened: list[bool] = []
    monkeypatch.setattr(AuditDialog, "exec", lambda _d: opened.append(True) or 0)
    window = signed_in_window(qtbot, services, team[SALESPERSON])
    assert not window.audit_action.isVisible()
    window.open_audit_log()
    assert opened == []
    owner = signed_in_window(qtbot, services, team[OWNER])
    assert owner.audit_action.isVisible()
    owner.open_audit_log()
    assert opened == [True]


def test_switching_user_signs_the_next_changes_with_the_new_name(
    qtbot, monkeypatch, services: Services, team: dict[str, int], db_path: Path
) -> None:
    window = signed_in_window(qtbot, services, team[OWNER])

    def pick_assistant(dialog: ProfileDialog) -> int:
        select(dialog, ASSISTANT)
        dialog.try_accept()
        return int(dialog.result())

    monkeypatch.setattr(ProfileDialog, "exec", pick_assistant)
    monkeypatch.setattr(QSettings, "setValue", lambda *_a, **_k: None)
    window.switch_user_action.trigger()
    assert services.identity.name() == ASSISTANT
    assert window.stack.currentIndex() == Area.REMINDERS
    services.reference.add_user("Inès Da Silva", Profile.SALESPERSON)
    with sqlite3.connect(db_path) as conn:
        (actor,) = conn.execute("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert actor == ASSISTANT


def test_the_owner_sets_a_pin_in_parametres(
    qtbot, monkeypatch, services: Services, team: dict[str, int]
) -> None:
    services.identity.sign_in(services.reference.user(team[OWNER]))
    page = SettingsPage(services)
    qtbot.addWidget(page)
    page.reload()
    item = next(
        page.users.topLevelItem(i)
        for i in range(page.users.topLevelItemCount())
        if page.users.topLevelItem(i).text(0) == ASSISTANT
    )
    page.users.setCurrentItem(item)

    def fill(dialog: PinDialog) -> int:
        type_text(qtbot, dialog.pin, "1357")
        type_text(qtbot, dialog.confirmation, "1375")
        dialog.save()
        assert dialog.error.text() == "Les deux codes ne sont pas identiques."
        type_text(qtbot, dialog.confirmation, "1357")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(PinDialog, "exec", fill)
    page.pin_button.click()
    assert services.reference.pin_accepted(team[ASSISTANT], "1357")
    assert not services.reference.pin_accepted(team[ASSISTANT], "")
    assert [page.users.topLevelItem(i).text(3) for i in range(page.users.topLevelItemCount())] == [
        "—",
        "Oui",
        "—",
    ]


def test_a_salesperson_cannot_change_a_colleague(
    qtbot, monkeypatch, services: Services, team: dict[str, int]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    services.identity.sign_in(services.reference.user(team[SALESPERSON]))
    page = SettingsPage(services)
    qtbot.addWidget(page)
    page.reload()
    page.users.setCurrentItem(page.users.topLevelItem(0))  # the owner
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: said.append(text))
    page.active_button.click()
    assert said == ["Seul le dirigeant peut modifier les autres membres de l'équipe."]
    assert services.reference.user(team[OWNER]).active  # type: ignore[union-attr]


# --- At start ----------------------------------------------------------------------------


@pytest.fixture
def controller(monkeypatch, request, clock: FixedClock) -> GuiController:  # type: ignore[no-untyped-def]
    QStandardPaths.setTestModeEnabled(True)  # QSettings of the test, not the user's
    request.addfinalizer(lambda: QStandardPaths.setTestModeEnabled(False))
    monkeypatch.setattr(QSettings, "setValue", lambda *_a, **_k: None)
    built = GuiController(clock)
    request.addfinalizer(built.shutdown)
    return built


def test_a_file_without_a_team_opens_without_asking(
    monkeypatch, tmp_path: Path, clock: FixedClock, controller: GuiController
) -> None:
    path = tmp_path / "Société d'Outillage & Fils.sqlite"
    open_file(path, clock).close()
    monkeypatch.setattr(ProfileDialog, "exec", lambda _d: pytest.fail("asked who works"))
    assert controller.open(path)
    assert controller.services is not None and controller.services.identity.user is None
    assert controller.window.stack.currentIndex() == Area.CUSTOMERS  # type: ignore[union-attr]


def test_declining_at_start_opens_nothing_and_leaves_the_file_unlocked(
    monkeypatch, tmp_path: Path, clock: FixedClock, controller: GuiController
) -> None:
    path = tmp_path / "Société d'Outillage & Fils.sqlite"
    services = open_file(path, clock)
    services.reference.add_user(OWNER, Profile.OWNER)
    services.close()
    monkeypatch.setattr(ProfileDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected))
    assert not controller.open(path)
    assert controller.window is None
    open_file(path, clock).close()  # no lock left behind


def test_the_person_picked_at_start_signs_in(
    monkeypatch, tmp_path: Path, clock: FixedClock, controller: GuiController
) -> None:
    path = tmp_path / "Société d'Outillage & Fils.sqlite"
    services = open_file(path, clock)
    services.reference.add_user(OWNER, Profile.OWNER)
    services.reference.add_user(ASSISTANT, Profile.ASSISTANT)
    services.close()

    def pick(dialog: ProfileDialog) -> int:
        select(dialog, ASSISTANT)
        dialog.try_accept()
        return int(dialog.result())

    monkeypatch.setattr(ProfileDialog, "exec", pick)
    assert controller.open(path)
    assert controller.services is not None
    assert controller.services.identity.name() == ASSISTANT
    assert controller.window.stack.currentIndex() == Area.REMINDERS  # type: ignore[union-attr]
