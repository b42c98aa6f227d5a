"""Team members: an optional PIN asked at start, deactivation, and who signs each change."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.domain.enums import Profile
from desktop.domain.errors import ErrorCode, ValidationError
from desktop.services.registry import Services


def audit_rows(db_path: Path, entity: str) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT actor, summary, changes_json FROM audit_log WHERE entity = ? ORDER BY id",
            (entity,),
        ).fetchall()


def test_a_pin_is_asked_only_when_set(services: Services) -> None:
    lea = services.reference.add_user("Léa Fournier-Dubois", Profile.ASSISTANT)
    assert services.reference.pin_accepted(lea, "")  # no PIN: anything opens
    services.reference.set_pin(lea, "4821")
    assert services.reference.user(lea).has_pin  # type: ignore[union-attr]
    assert services.reference.pin_accepted(lea, "4821")
    assert not services.reference.pin_accepted(lea, "4822")
    assert not services.reference.pin_accepted(lea, "")
    services.reference.set_pin(lea, None)
    assert not services.reference.user(lea).has_pin  # type: ignore[union-attr]
    assert services.reference.pin_accepted(lea, "")


@pytest.mark.parametrize("pin", ["12", "abcd", "123456789"])
def test_a_malformed_pin_is_refused_and_nothing_changes(services: Services, pin: str) -> None:
    lea = services.reference.add_user("Léa Fournier", Profile.ASSISTANT)
    services.reference.set_pin(lea, "4821")
    with pytest.raises(ValidationError) as raised:
        services.reference.set_pin(lea, pin)
    assert raised.value.errors[0].code is ErrorCode.INVALID_PIN
    assert services.reference.pin_accepted(lea, "4821")


def test_the_pin_never_reaches_the_file_or_the_audit_trail(
    services: Services, db_path: Path
) -> None:
    lea = services.reference.add_user("Léa Fournier", Profile.ASSISTANT)
    services.reference.set_pin(lea, "4821")
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute("SELECT pin_hash FROM users WHERE id = ?", (lea,)).fetchone()
    assert stored.startswith("pbkdf2_sha256$") and "4821" not in stored
    rows = audit_rows(db_path, "user")
    assert rows[-1][1] == "Léa Fournier : code PIN défini"
    assert all("4821" not in summary + changes for _actor, summary, changes in rows)


def test_a_deactivated_user_leaves_the_pickers_and_cannot_sign_in(
    services: Services, db_path: Path
) -> None:
    marc = services.reference.add_user("Marc O'Neil", Profile.SALESPERSON)
    services.reference.set_user_active(marc, False)
    assert [u.name for u in services.reference.users()] == []
    assert [u.name for u in services.reference.users(active_only=False)] == ["Marc O'Neil"]
    assert not services.reference.pin_accepted(marc, "")
    _actor, _summary, changes = audit_rows(db_path, "user")[-1]
    assert json.loads(changes) == {"active": ["True", "False"]}
    services.reference.set_user_active(marc, True)
    assert [u.name for u in services.reference.users()] == ["Marc O'Neil"]


def test_changes_are_signed_by_the_person_signed_in(services: Services, db_path: Path) -> None:
    # Before anyone signs in, the fallback name (the computer's login) signs.
    lea = services.reference.add_user("Léa Fournier", Profile.ASSISTANT)
    services.identity.sign_in(services.reference.user(lea))
    assert services.identity.profile is Profile.ASSISTANT
    services.reference.add_user("Marc O'Neil", Profile.SALESPERSON)
    services.identity.sign_in(None)
    assert services.identity.profile is Profile.OWNER
    actors = [actor for actor, _s, _c in audit_rows(db_path, "user")]
    assert actors == ["Camille Test", "Léa Fournier"]
