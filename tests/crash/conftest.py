"""The prepared data files the crash tests copy before each kill, built once per session."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.persistence.migrations import open_or_create
from tests.crash.fec_export import write_fec
from tests.crash.harness import NOW, TODAY


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "crash: kills the real command with SIGKILL many times (ENCAISSE_CRASH_RUNS kills "
        "per scenario, ENCAISSE_CRASH_SEED to replay)",
    )


def cli(db: Path, *argv: str) -> str:
    """The command run in this process (preparing files: nothing is killed here)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(db), "--today", TODAY, *argv])
    assert code == 0, out.getvalue()
    return out.getvalue()


@dataclass(frozen=True)
class ImportSource:
    data: Path  # the company's file after the February export was imported
    march: Path  # the next export, the one killed while it is imported


@dataclass(frozen=True)
class DemoSource:
    data: Path  # the demo company after `reminders due`: letters to print today


@dataclass(frozen=True)
class RestoreSource:
    data: Path  # the demo company after its letters were marked done
    backup: Path  # taken before that: restoring it goes back to the letters to print


@pytest.fixture(scope="session")
def import_source(tmp_path_factory: pytest.TempPathFactory) -> ImportSource:
    folder = tmp_path_factory.mktemp("import-source")
    data = folder / "Dupré & Fils – compta.sqlite"
    open_or_create(data, now=NOW, app_version="test")
    february = write_fec(folder / "FEC_732829320_20260228.txt", month=2)
    cli(data, "import", str(february))
    return ImportSource(data, write_fec(folder / "FEC_732829320_20260315.txt", month=3))


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> DemoSource:
    folder = tmp_path_factory.mktemp("demo-source")
    data = folder / "encaisse-demo.sqlite"
    cli(data, "demo", "--customers", "300", "--seed", "1")
    cli(data, "reminders", "due")
    return DemoSource(data)


@pytest.fixture(scope="session")
def restore_source(
    tmp_path_factory: pytest.TempPathFactory, demo_source: DemoSource
) -> RestoreSource:
    folder = tmp_path_factory.mktemp("restore-source")
    data = folder / "encaisse.sqlite"
    data.write_bytes(demo_source.data.read_bytes())
    backup = folder / "copie du 16 mars.encaisse"
    cli(data, "backup", "--out", str(backup))
    cli(data, "letters", "--out", str(folder / "courriers.pdf"), "--mark-done")
    return RestoreSource(data, backup)
