"""Issue 8: one sanitiser for every file name built from what users typed (suggested
export names, dispute attachments, e-mail files): whatever the text, the name stays one
single component inside its folder, on Windows, macOS and Linux."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.text import MAX_NAME_BYTES, safe_file_name, safe_file_stem

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
DEVICES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(10)),
    *(f"LPT{n}" for n in range(10)),
}

# Text as users and other systems produce it: any character, with the troublemakers
# (separators, dots, spaces, controls, device names, long accented runs) made frequent.
hostile_text = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            [
                "..", ".", "/", "\\", " ", "\x00", "\r\n", "\t", ":", "~", "CON", "nul",
                "COM1", "lpt9", ".pdf", "é" * 60, "🙂", "\u202e", "\u2028", "\ud800",
                "C:\\Windows\\", "../../etc/passwd", "Dupont & Fils <SARL>",
            ]
        ),
    ),
    max_size=12,
).map("".join)  # fmt: skip


def assert_one_safe_component(name: str, folder: Path) -> None:
    assert name and name not in {".", ".."}
    assert not WINDOWS_FORBIDDEN & set(name)
    assert all(c >= " " and c != "\x7f" for c in name)
    assert not name.startswith(".") and not name.endswith((".", " "))
    assert name.split(".", 1)[0].rstrip().upper() not in DEVICES
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert Path(name).name == name
    assert (folder / name).resolve().parent == folder.resolve()


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_any_text_becomes_one_safe_stem(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp()
    stem = safe_file_stem(text)
    assert_one_safe_component(stem, folder)
    assert len(stem) <= 80
    assert safe_file_stem(stem) == stem  # a safe name is left as it is


@settings(max_examples=300, deadline=None)
@given(text=hostile_text, extension=st.sampled_from(["pdf", "xlsx", "eml", "JPEG", ""]))
def test_any_file_name_stays_in_its_folder(
    text: str, extension: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp()
    name = safe_file_name(f"{text}.{extension}" if extension else text)
    assert_one_safe_component(name, folder)
    assert len(name) <= 120


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\x", "x"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1 .txt", "_lpt1.txt"),
        ("con.tar.gz", "_con.tar.gz"),
        ("a\x00b.pdf", "a_b.pdf"),
        ("  .  ", "document"),
        ("", "document"),
        ("Relevé 🙂 L'Épi d'Or.pdf", "Relevé 🙂 L'Épi d'Or.pdf"),
        ("facture\u202efdp.exe", "facture_fdp.exe"),  # no right-to-left disguise
        ("rapport.", "rapport"),
    ],
)
def test_file_names_of_known_troublemakers(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("C:\\Windows\\x", "C__Windows_x"),
        ("CON", "_CON"),
        ("NUL.pdf", "_NUL.pdf"),
        ("Dupont\x00Fils", "Dupont_Fils"),
        ("Dupont & Fils\r\nSARL", "Dupont & Fils__SARL"),
        ("  .  ", "document"),
        ("...Épicerie « Chez Léa »...", "Épicerie « Chez Léa »"),
        ("Boulangerie L'Épi d'Or 🥖", "Boulangerie L'Épi d'Or 🥖"),
    ],
)
def test_stems_of_known_troublemakers(text: str, expected: str) -> None:
    assert safe_file_stem(text) == expected


def test_length_is_capped_in_bytes_and_keeps_the_extension() -> None:
    name = safe_file_name("é" * 300 + ".jpeg", max_len=300)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith(".jpeg") and set(name.removesuffix(".jpeg")) == {"é"}
    assert len(safe_file_stem("é" * 300)) == 80
    wide = safe_file_stem("🙂" * 300, max_len=300)
    assert len(wide.encode("utf-8")) <= MAX_NAME_BYTES and set(wide) == {"🙂"}


def test_a_name_is_never_empty_and_the_fallback_can_be_chosen() -> None:
    assert safe_file_stem("///") == "document"
    assert safe_file_stem("\x00\x01") == "document"
    assert safe_file_name("..", fallback="piece") == "piece"


def test_every_name_written_on_disk_can_be_created(tmp_path: Path) -> None:
    for text in (
        "../../etc/passwd",
        "CON.pdf",
        "a\x00b",
        "  .  ",
        "🙂",
        "é" * 300,
        string.printable,
    ):
        path = tmp_path / safe_file_name(text + ".pdf")
        path.write_bytes(b"%PDF")
        assert path.parent == tmp_path
