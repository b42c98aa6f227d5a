"""`one_pass_scan`: SQLite's default cache and temporary storage for one large grouping
query (the aged balance), the connection's own settings before and after (issue 9)."""

from __future__ import annotations

import pytest

from desktop.persistence.engine import CACHE_KIB, one_pass_scan
from desktop.services.registry import Services


def _settings(connection) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    temp = connection.exec_driver_sql("PRAGMA temp_store").scalar_one()
    return int(cache), int(temp)


def test_the_settings_are_lowered_for_the_scan_then_restored(services: Services) -> None:
    with services.database.read() as session:
        connection = session.connection()
        assert _settings(connection) == (-CACHE_KIB, 2)  # 2: MEMORY
        with one_pass_scan(connection):
            assert _settings(connection) == (-2000, 0)  # SQLite's defaults
        assert _settings(connection) == (-CACHE_KIB, 2)


def test_they_are_restored_when_the_query_fails(services: Services) -> None:
    with services.database.read() as session:
        connection = session.connection()
        with pytest.raises(RuntimeError), one_pass_scan(connection):
            raise RuntimeError("la requête a échoué")
        assert _settings(connection) == (-CACHE_KIB, 2)
