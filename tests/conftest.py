"""Shared fixtures: a fresh data file at a fixed date, with its services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

# UI tests never need a screen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.domain.clock import FixedClock
from desktop.persistence.database import Database
from desktop.persistence.migrations import open_or_create
from desktop.services.registry import Services, build_services

TODAY = datetime(2026, 3, 16, 9, 30)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "encaisse.sqlite"


@pytest.fixture
def services(db_path: Path, clock: FixedClock) -> Iterator[Services]:
    open_or_create(db_path, now=clock.now(), app_version="test")
    built = build_services(Database.at(db_path), clock, lambda: "Camille Test")
    yield built
    built.close()
