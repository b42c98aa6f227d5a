"""Backup files: how they are named, and which ones rotation keeps.

A backup is `<stem>-YYYYMMDD-HHMMSS-<reason>.encaisse`: the date in the name (not the
file's mtime, which a copy to a USB key or a sync client may change) is what rotation
and the Restore dialog go by.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

BACKUP_SUFFIX = ".encaisse"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
KEEP_MONTHLY_DAYS = 365

# Why a backup was taken; any other reason is written as given (slugified).
REASON_OPEN = "ouverture"
REASON_CLOSE = "fermeture"
REASON_IMPORT = "avant-import"
REASON_MANUAL = "manuelle"
REASON_RESTORE = "avant-restauration"
REASON_MIGRATION = "avant-migration"

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[A-Za-z0-9_-]+)\.encaisse$")

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class BackupName:
    stem: str
    taken_at: datetime
    reason: str


def reason_slug(reason: str) -> str:
    """A reason safe in a file name: letters, digits, '-' and '_' only."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", reason).strip("-")
    return slug or REASON_MANUAL


def backup_file_name(stem: str, taken_at: datetime, reason: str) -> str:
    return f"{stem}-{taken_at.strftime(_STAMP)}-{reason_slug(reason)}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> BackupName | None:
    """The stem, date and reason of a backup file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupName(match["stem"], taken_at, match["reason"])


def backups_to_remove(stamps: Mapping[K, datetime], now: datetime) -> list[K]:
    """Which backups rotation deletes, given when each was taken.

    Kept: the last KEEP_LAST; the newest of each day of the last KEEP_DAILY_DAYS days;
    the newest of each month of the last KEEP_MONTHLY_DAYS days; and any dated after
    `now` (a clock set back must not make the newest backups look old). The others are
    returned, oldest first.
    """
    # Newest first; ties broken by key text so the answer does not depend on dict order.
    ordered = sorted(stamps, key=lambda k: (stamps[k], str(k)), reverse=True)
    keep: set[K] = set(ordered[:KEEP_LAST])
    seen_days: set[object] = set()
    seen_months: set[object] = set()
    daily_from = now.date() - timedelta(days=KEEP_DAILY_DAYS - 1)
    monthly_from = now - timedelta(days=KEEP_MONTHLY_DAYS)
    for key in ordered:
        stamp = stamps[key]
        if stamp > now:
            keep.add(key)
            continue
        day = stamp.date()
        if day >= daily_from and day not in seen_days:
            seen_days.add(day)
            keep.add(key)
        month = (stamp.year, stamp.month)
        if stamp >= monthly_from and month not in seen_months:
            seen_months.add(month)
            keep.add(key)
    return [key for key in reversed(ordered) if key not in keep]
