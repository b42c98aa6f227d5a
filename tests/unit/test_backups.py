"""Backup names and rotation: the last 10, one a day for 30 days, one a month for a year."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.domain.backups import (
    backup_file_name,
    backups_to_remove,
    parse_backup_name,
    reason_slug,
)

NOW = datetime(2026, 3, 16, 18, 0, 0)


def test_name_round_trips_with_a_stem_containing_dashes_and_spaces() -> None:
    name = backup_file_name("Dupont & Fils - compta", datetime(2026, 3, 16, 9, 5, 7), "ouverture")
    assert name == "Dupont & Fils - compta-20260316-090507-ouverture.encaisse"
    parsed = parse_backup_name(name)
    assert parsed is not None
    assert parsed.stem == "Dupont & Fils - compta"
    assert parsed.taken_at == datetime(2026, 3, 16, 9, 5, 7)
    assert parsed.reason == "ouverture"


def test_migration_reason_keeps_its_revision() -> None:
    parsed = parse_backup_name("encaisse-20260316-090000-avant-migration-0003.encaisse")
    assert parsed is not None and parsed.reason == "avant-migration-0003"


def test_other_files_are_not_backups() -> None:
    for name in (
        "encaisse.sqlite",
        "encaisse-20260316-090000-ouverture.sqlite",
        "encaisse-20261399-090000-ouverture.encaisse",  # no 99th day
        ".encaisse-20260316-090000-ouverture.encaisse.part",
        "notes de l'assistante.txt",
    ):
        assert parse_backup_name(name) is None, name


def test_reason_is_made_safe_for_a_file_name() -> None:
    assert reason_slug("avant l'import d'été/../x") == "avant-l-import-d-t-x"
    assert reason_slug("///") == "manuelle"


def test_ten_backups_of_today_are_all_kept() -> None:
    stamps = {i: NOW - timedelta(minutes=i) for i in range(10)}
    assert backups_to_remove(stamps, NOW) == []


def test_beyond_the_last_ten_one_a_day_is_kept_the_newest() -> None:
    # 15 backups today, then three on the 10th at 08:00, 12:00 and 17:00.
    stamps = {f"today-{i}": NOW - timedelta(minutes=i) for i in range(15)}
    stamps |= {f"10th-{h}": datetime(2026, 3, 10, h) for h in (8, 12, 17)}
    removed = backups_to_remove(stamps, NOW)
    # Today: the newest 10 kept (the newest of the day among them); the 5 older go.
    assert removed[:2] == ["10th-8", "10th-12"]  # oldest first
    assert set(removed[2:]) == {f"today-{i}" for i in range(10, 15)}
    assert "10th-17" not in removed


def test_daily_window_is_thirty_days_then_monthly_for_a_year() -> None:
    # One backup a day at noon for 400 days, plus 10 fresh ones this evening.
    stamps = {f"d{n}": datetime(2026, 3, 16, 12) - timedelta(days=n) for n in range(400)}
    stamps |= {f"now{i}": NOW - timedelta(seconds=i) for i in range(10)}
    kept = set(stamps) - set(backups_to_remove(stamps, NOW))
    kept_days = sorted(stamps[k].date() for k in kept if k.startswith("d"))
    # Every day from 2026-02-15 (30 days counting today) is kept; today's noon backup is
    # not the newest of its day (this evening's are), and it is not among the last ten.
    daily = {datetime(2026, 3, 16).date() - timedelta(days=n) for n in range(30)}
    assert set(kept_days) >= daily - {NOW.date()}
    assert "d0" not in kept
    # Before that, only the newest of each month, and none older than a year.
    older = [d for d in kept_days if d not in daily]
    assert [d.isoformat() for d in older] == [
        "2025-03-31",
        "2025-04-30",
        "2025-05-31",
        "2025-06-30",
        "2025-07-31",
        "2025-08-31",
        "2025-09-30",
        "2025-10-31",
        "2025-11-30",
        "2025-12-31",
        "2026-01-31",
    ]
    assert min(kept_days) >= (NOW - timedelta(days=365)).date()
    assert {k for k in stamps if k.startswith("now")} <= kept


def test_a_backup_dated_in_the_future_is_never_removed() -> None:
    stamps = {i: NOW - timedelta(days=400 + i) for i in range(12)}
    stamps[99] = NOW + timedelta(days=3)  # the clock was set back since
    removed = backups_to_remove(stamps, NOW)
    assert 99 not in removed
    # The future one counts among the last ten: nine old ones stay, the three oldest go.
    assert removed == [11, 10, 9]
