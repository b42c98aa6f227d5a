"""The English translation is complete and the .ts file is up to date with the sources."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "encaisse_en.ts"
PLACEHOLDER = re.compile(r"%n|%s|\{[a-z_]+\}")


def _lupdate() -> str | None:
    candidate = Path(sys.executable).with_name("pyside6-lupdate")
    if candidate.exists():
        return str(candidate)
    return shutil.which("pyside6-lupdate")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_message_has_a_finished_english_translation() -> None:
    missing = []
    for (context, source), message in _messages(TS_FILE).items():
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in texts
        ):
            missing.append(f"{context}: {source}")
            continue
        plural = message.get("numerus") == "yes"
        for text in texts:
            # A plural form may spell the number out ("one customer"), so %n is optional there.
            wanted = [p for p in PLACEHOLDER.findall(source) if not (plural and p == "%n")]
            got = [p for p in PLACEHOLDER.findall(text) if not (plural and p == "%n")]
            if sorted(wanted) != sorted(got):
                missing.append(f"{context}: {source} -> placeholders differ in {text!r}")
    assert not missing, "Untranslated or broken messages:\n" + "\n".join(missing)


def test_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [
            lupdate,
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "fr_FR",
            "-target-language",
            "en_GB",
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    expected = set(_messages(fresh))
    committed = set(_messages(TS_FILE))
    assert expected - committed == set(), (
        "Run `make update-translations` and translate: "
        + "; ".join(f"{c}: {s}" for c, s in sorted(expected - committed))
    )
    assert committed - expected == set(), "Stale entries: run `make update-translations`"
