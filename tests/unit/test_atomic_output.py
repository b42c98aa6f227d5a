"""A document takes its name only once complete: a failure leaves the old file alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents.letter import render_letters
from desktop.documents.output import written_atomically


def test_the_file_appears_complete_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "Relances du 23-11-2026 — L'Épi d'Or & Fils.pdf"
    with written_atomically(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".")
        temporary.write_bytes(b"%PDF-1.4 complete")
        assert not target.exists()  # not before the end
    assert target.read_bytes() == b"%PDF-1.4 complete"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_failure_midway_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "balance.xlsx"
    target.write_bytes(b"previous version")
    with pytest.raises(RuntimeError), written_atomically(target) as temporary:
        temporary.write_bytes(b"half a wor")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["balance.xlsx"]


def test_letters_written_to_a_path_are_complete(tmp_path: Path) -> None:
    target = tmp_path / "lettres.pdf"
    assert render_letters([], target) == 0
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["lettres.pdf"]
