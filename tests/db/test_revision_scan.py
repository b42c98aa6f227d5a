"""Opening a file at the current schema does not load Alembic: the revisions are read
from the version scripts as text (issue 9). They must agree with Alembic's own reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from desktop.persistence import migrations
from desktop.persistence.migrations import alembic_config, head_revision, known_revisions


def test_the_text_reading_agrees_with_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert migrations._revision_graph() is not None  # the fast path is the one taken
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_a_script_it_cannot_read_hands_over_to_alembic(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_odd.py").write_text(
        "revision = make_revision()  # not a literal\ndown_revision = None\n", encoding="utf-8"
    )
    monkeypatch.setattr(migrations, "migrations_dir", lambda: tmp_path)
    assert migrations._revision_graph() is None


def test_two_heads_are_not_guessed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for name, down in (("0001", None), ("0002", "0001"), ("0003", "0001")):
        (versions / f"{name}_x.py").write_text(
            f'revision = "{name}"\ndown_revision = {down!r}\n', encoding="utf-8"
        )
    monkeypatch.setattr(migrations, "migrations_dir", lambda: tmp_path)
    assert migrations._revision_graph() == {"0001": (), "0002": ("0001",), "0003": ("0001",)}
    assert known_revisions() == {"0001", "0002", "0003"}
